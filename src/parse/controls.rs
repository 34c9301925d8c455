//! C1 control characters in a page's text, read as what the page meant.
//!
//! The C1 controls (U+0080–U+009F) are never text anyone writes, but they reach pages two common ways,
//! and both tree builders (html5ever's sink and the DOM path) repair them as text and attribute values
//! enter the tree, so every stage and every export sees the same repaired text:
//! - **windows-1252 bytes in a UTF-8 page**: a post pasted from a Windows editor keeps its byte `0x95`
//!   for a bullet or `0x92` for an apostrophe, which a UTF-8 page carries as U+0095 / U+0092. The text
//!   outputs drop controls, so "don\u{92}t" read "dont". Each becomes its windows-1252 character.
//! - **UTF-8 read as Latin-1 and written again** ("double encoding"): a curly quote's bytes `E2 80 9C`
//!   become the three characters "â", U+0080, U+009C. A run of Latin-1 characters that spells one valid
//!   UTF-8 sequence, holding at least one C1 control, is that sequence's character; and once a text holds
//!   one such run, it was written twice as a whole, so its other runs ("Ã¡" for "á") are read back too.
//!
//! Only texts that hold a C1 control are touched: "Ã©" alone (no control) could be a real word in some
//! language, a C1 control never is.

/// windows-1252's characters for the bytes 0x80–0x9F (the WHATWG encoding standard's index), `None`
/// for the five bytes it leaves undefined, which are dropped.
const WINDOWS_1252_C1: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Whether `s` holds a C1 control: in UTF-8 the byte `0xC2` followed by `0x80`–`0x9F`. Every text and
/// attribute value of a page is asked, so the scan reads eight bytes at a time and looks closer only at
/// words holding a `0xC2` byte (a no-break space or a `©` is one too): one pass, no allocation.
pub fn has_c1(s: &str) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGHS: u64 = ONES << 7;
    let b = s.as_bytes();
    let at = |i: usize| b[i] == 0xC2 && matches!(b.get(i + 1), Some(0x80..=0x9F));
    let words = b.chunks_exact(8);
    let tail = b.len() - words.remainder().len();
    for (k, word) in words.enumerate() {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        // A zero byte in `x` is a 0xC2 in the word (the classic has-zero-byte test).
        let x = u64::from_ne_bytes(w) ^ (ONES * 0xC2);
        if x.wrapping_sub(ONES) & !x & HIGHS != 0 && (8 * k..8 * k + 8).any(at) {
            return true;
        }
    }
    (tail..b.len()).any(at)
}

/// `s` with its C1 controls repaired (see the module's comment), or `None` when it holds none.
pub fn repair(s: &str) -> Option<String> {
    if !has_c1(s) {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    let written_twice = (0..chars.len()).any(|i| double_encoded(&chars[i..], true).is_some());
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some((c, used)) = double_encoded(&chars[i..], !written_twice) {
            out.push(c);
            i += used;
            continue;
        }
        match chars[i] {
            c @ '\u{80}'..='\u{9F}' => out.extend(WINDOWS_1252_C1[c as usize - 0x80]),
            c => out.push(c),
        }
        i += 1;
    }
    Some(out)
}

/// The character a run of Latin-1 characters at the start of `chars` spells as UTF-8 bytes, and how many
/// characters it takes, when the run is one whole UTF-8 sequence of two to four bytes (holding a C1
/// control, when `needs_c1`).
fn double_encoded(chars: &[char], needs_c1: bool) -> Option<(char, usize)> {
    let len = match *chars.first()? {
        '\u{C2}'..='\u{DF}' => 2,
        '\u{E0}'..='\u{EF}' => 3,
        '\u{F0}'..='\u{F4}' => 4,
        _ => return None,
    };
    let run = chars.get(..len)?;
    let continuations = &run[1..];
    if !continuations.iter().all(|c| matches!(c, '\u{80}'..='\u{BF}'))
        || (needs_c1 && !continuations.iter().any(|c| *c <= '\u{9F}'))
    {
        return None;
    }
    let bytes: Vec<u8> = run.iter().map(|&c| c as u8).collect();
    let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    Some((decoded, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_bytes_become_their_characters() {
        assert_eq!(repair("don\u{92}t \u{95} one \u{96} two").as_deref(), Some("don’t • one – two"));
        // The five bytes windows-1252 leaves undefined are dropped.
        assert_eq!(repair("a\u{81}b\u{9D}c").as_deref(), Some("abc"));
    }

    #[test]
    fn double_encoded_utf8_is_read_back() {
        assert_eq!(repair("â\u{80}\u{9C}Multiple Failuresâ\u{80}\u{9D}").as_deref(), Some("“Multiple Failures”"));
        // "é" written twice (C3 A9) holds no control: alone "Ã©" stays, since it could be text ...
        assert_eq!(repair("Ã© and \u{92}").as_deref(), Some("Ã© and ’"));
        // ... but in a text that a control shows was written twice, it is read back too.
        assert_eq!(repair("MÃ¡laga: â\u{80}\u{9C}on timeâ\u{80}\u{9D}").as_deref(), Some("Málaga: “on time”"));
    }

    #[test]
    fn the_word_scan_finds_what_a_byte_scan_finds() {
        let simple = |s: &str| {
            let b = s.as_bytes();
            b.iter().enumerate().any(|(i, &x)| x == 0xC2 && matches!(b.get(i + 1), Some(0x80..=0x9F)))
        };
        for n in 0..20 {
            for piece in ["\u{85}", "\u{A0}", "\u{9F}", "\u{80}", "©", "é", "Â"] {
                let s = format!("{}{piece}{}", "a".repeat(n), "b".repeat(n % 3));
                assert_eq!(has_c1(&s), simple(&s), "{s:?}");
                // A 0xC2 that ends a word, its continuation in the next.
                let t = format!("{}\u{A0}{}\u{92}", "x".repeat(n), "y".repeat(20 - n));
                assert_eq!(has_c1(&t), simple(&t), "{t:?}");
            }
        }
    }

    #[test]
    fn text_without_c1_controls_is_left_alone() {
        assert_eq!(repair("plain – text “quoted” € 5"), None);
        assert!(!has_c1("Ã© â€œ"));
        // A lone lead character at the end, or a lead with too few continuations, is no sequence.
        assert_eq!(repair("\u{E2}\u{80}").as_deref(), Some("\u{E2}€"));
    }
}

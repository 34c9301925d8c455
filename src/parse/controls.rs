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

/// Whether `s` holds a C1 control: in UTF-8 the byte `0xC2` followed by `0x80`–`0x9F`. A byte scan, so
/// the common case (none) costs one pass and no allocation.
pub fn has_c1(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| x == 0xC2 && matches!(b.get(i + 1), Some(0x80..=0x9F)))
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
    fn text_without_c1_controls_is_left_alone() {
        assert_eq!(repair("plain – text “quoted” € 5"), None);
        assert!(!has_c1("Ã© â€œ"));
        // A lone lead character at the end, or a lead with too few continuations, is no sequence.
        assert_eq!(repair("\u{E2}\u{80}").as_deref(), Some("\u{E2}€"));
    }
}

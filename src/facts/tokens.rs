//! Sentences and tokens of a post's text, as byte spans into that text.
//!
//! Every later step works on these spans, so each fact it finds can be cut verbatim from the post.
//! One pass over the text, no regular expressions (the `regex` crate would add ~100 KB to the WASM).

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with inner apostrophes and hyphens ("Kassym-Jomart", "don't").
    Word,
    /// Digits with inner `,` or `.` ("10,000", "3.5").
    Number,
    /// Any other single non-space character.
    Punct,
}

/// Longest text [`tokenize`] reads: token offsets are 32-bit (pages are capped far below this, at
/// `budget::MAX_PAGE_BYTES`), which keeps a token at 24 bytes instead of 40: the tokens of every post are
/// the fact stage's largest allocation (about five per word of the thread).
const MAX_TOKENIZED: usize = u32::MAX as usize;

/// A token: `text[start..end]` of the post. The end is the start plus the text's length, not stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    start: u32,
    pub kind: Kind,
}

impl<'a> Token<'a> {
    /// The token `text[start..end]`; `end` is at most [`MAX_TOKENIZED`], as [`tokenize`] ensures.
    fn new(text: &'a str, start: usize, end: usize, kind: Kind) -> Token<'a> {
        Token { text: &text[start..end], start: u32::try_from(start).unwrap_or(u32::MAX), kind }
    }
    /// Byte offset of the token's first byte in the post's text.
    pub fn start(&self) -> usize {
        self.start as usize
    }
    /// Byte offset just past the token's last byte in the post's text.
    pub fn end(&self) -> usize {
        self.start as usize + self.text.len()
    }
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_capitalized(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn is_lower_word(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_lowercase)
    }
    /// The possessive ending `'s` / `’s`, kept as its own token.
    pub fn is_possessive(&self) -> bool {
        self.kind == Kind::Word && (self.text == "'s" || self.text == "’s")
    }
    pub fn is(&self, s: &str) -> bool {
        self.text.eq_ignore_ascii_case(s)
    }
}

/// A sentence: `text[start..end]`, with its paragraph's index within the post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens. Never panics, whatever the input.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    // On 32-bit targets (the WASM) no text is longer than MAX_TOKENIZED, and clippy says so; on 64-bit ones
    // the cut is what keeps a token's 32-bit start in range.
    #[allow(clippy::unnecessary_min_or_max)]
    let mut cut = text.len().min(MAX_TOKENIZED);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = &text[..cut];
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                // The character after `d` is only looked at when `d` is not a letter or digit itself.
                let next_is_letter = || text[i + d.len_utf8()..].chars().next().is_some_and(char::is_alphabetic);
                let joiner = || (d == '-' || (is_apostrophe(d) && !possessive_at(text, i))) && next_is_letter();
                // "Jerry_NJ", "blue_prairie": user names hold underscores.
                if d.is_alphanumeric() || joiner() || (d == '_' && next_is_letter()) {
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            split_lower_suffix(text, start, end, &mut out);
        } else if c.is_ascii_digit() {
            let mut end = start + 1;
            while let Some(&(i, d)) = chars.peek() {
                let next_is_digit = || text[i + d.len_utf8()..].chars().next().is_some_and(|n| n.is_ascii_digit());
                if d.is_ascii_digit() || ((d == ',' || d == '.') && next_is_digit()) {
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Token::new(text, start, end, Kind::Number));
        } else if is_apostrophe(c) && possessive_at(text, start) {
            let end = start + c.len_utf8() + 1;
            chars.next();
            out.push(Token::new(text, start, end, Kind::Word));
        } else {
            let end = start + c.len_utf8();
            out.push(Token::new(text, start, end, Kind::Punct));
        }
    }
    out
}

/// `'s` at byte `i` ends a word: the possessive (or "it's"), split off so "Tokayev's" yields "Tokayev".
fn possessive_at(text: &str, i: usize) -> bool {
    let rest = &text[i..];
    let after = rest.chars().next().map_or(0, char::len_utf8);
    let rest = &rest[after..];
    rest.starts_with('s') && !rest[1..].chars().next().is_some_and(char::is_alphanumeric)
}

/// "Russian-led" → "Russian", "-", "led": a capitalized word glued to a lowercase one is a name plus a
/// modifier. "Kassym-Jomart" and "shoot-to-kill" stay whole.
fn split_lower_suffix<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Token<'a>>) {
    let word = &text[start..end];
    if word.chars().next().is_some_and(char::is_uppercase) {
        if let Some(h) =
            word.char_indices().find(|&(i, c)| c == '-' && word[i + 1..].chars().next().is_some_and(char::is_lowercase))
        {
            let h = start + h.0;
            out.push(Token::new(text, start, h, Kind::Word));
            out.push(Token::new(text, h, h + 1, Kind::Punct));
            out.push(Token::new(text, h + 1, end, Kind::Word));
            return;
        }
    }
    out.push(Token::new(text, start, end, Kind::Word));
}

/// Splits a post's text into sentences: see [`super::sentences`] (abbreviations per language, decimals,
/// ellipses, URLs, code spans, emoji).
pub fn sentences(text: &str) -> Vec<Sentence> {
    super::sentences::split(text)
}

/// Calls `f` with `word` in lowercase, without allocating for the short ASCII words that make up most
/// text (the gazetteer lookups run once per capitalized token).
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const SHORT: usize = 32;
    if word.len() <= SHORT && word.is_ascii() {
        let mut buf = [0u8; SHORT];
        for (b, c) in buf.iter_mut().zip(word.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        // ASCII in, ASCII out: always valid UTF-8.
        return f(std::str::from_utf8(&buf[..word.len()]).unwrap_or(""));
    }
    f(&word.to_lowercase())
}

/// A word as the summary and the digest compare words: a maximal run of letters and digits
/// (`char::is_alphanumeric`, what `text.split(|c| !c.is_alphanumeric())` yields), with the
/// [`word_hash`](super::hash::word_hash) of its lowercase form. A post's words are found and hashed once
/// ([`hashed_words`]); a sentence's are a slice of them ([`words_in`]), not a second split and hash of the
/// same characters for every question asked of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub hash: u64,
}

/// The words of `text`, in order.
pub fn hashed_words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word { start: s, end: i, hash: super::hash::word_hash(&text[s..i]) });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word { start: s, end: text.len(), hash: super::hash::word_hash(&text[s..]) });
    }
    out
}

/// The words of `text[start..end]`, as a slice of `words` (the words of `text`): `None` when a word of
/// `text` crosses an edge of the span, so that the span's own first or last word is only part of it.
pub fn words_in(words: &[Word], start: usize, end: usize) -> Option<&[Word]> {
    let first = words.partition_point(|w| w.end <= start);
    let last = words.partition_point(|w| w.start < end);
    let crosses_start = words.get(first).is_some_and(|w| w.start < start && w.end > start);
    let crosses_end = last > 0 && words[last - 1].end > end;
    (!crosses_start && !crosses_end).then(|| &words[first..last.max(first)])
}

/// A paragraph that is a bare URL (a pasted link) is not prose.
pub fn is_url_line(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")) && !s.contains(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_possessives_and_lowercase_suffixes() {
        assert_eq!(
            words("Tokayev's Russian-led Kassym-Jomart"),
            ["Tokayev", "'s", "Russian", "-", "led", "Kassym-Jomart"]
        );
        assert_eq!(words("Kazakhstan’s 10,000 troops."), ["Kazakhstan", "’s", "10,000", "troops", "."]);
        assert_eq!(words("I'll don't"), ["I'll", "don't"]);
    }

    #[test]
    fn sentences_respect_quotes_and_abbreviations() {
        let text = "\"It is done,\" he said. Mr. Smith left. Then U.S. troops came!\n\nNext one";
        let s: Vec<&str> = sentences(text).iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(s, ["\"It is done,\" he said.", "Mr. Smith left.", "Then U.S. troops came!", "Next one"]);
    }

    #[test]
    fn a_token_is_24_bytes() {
        // The fact stage's memory is mostly tokens: a wider token shows in the peak (examples/mem_bench.rs).
        assert!(std::mem::size_of::<Token>() <= 24);
        let t = tokenize("Hi ÄÖ's 10,000.");
        assert_eq!(
            t.iter().map(|t| (t.start(), t.end())).collect::<Vec<_>>(),
            [(0, 2), (3, 7), (7, 9), (10, 16), (16, 17)]
        );
    }

    #[test]
    fn a_spans_words_are_the_words_its_own_split_gives() {
        use super::super::hash::word_hash;
        let split = |t: &str| -> Vec<u64> {
            t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(word_hash).collect()
        };
        let text = "Das ÄRGERT mich. 3,5 km—weit! 日本の首相。Ok x";
        let words = hashed_words(text);
        assert_eq!(words.iter().map(|w| w.hash).collect::<Vec<_>>(), split(text));
        for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for end in (start..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                match words_in(&words, start, end) {
                    Some(ws) => assert_eq!(ws.iter().map(|w| w.hash).collect::<Vec<_>>(), split(&text[start..end])),
                    None => assert!(words
                        .iter()
                        .any(|w| (w.start < start && start < w.end) || (w.start < end && end < w.end))),
                }
            }
        }
    }

    #[test]
    fn no_panic_on_odd_input() {
        for text in ["", "'", "’s", "-", "1,", "1.", "ÄÖÜ-ß’s", "🙂🙂 1,2,3 . . .", "A.\n\n.\n", "x'"] {
            let _ = tokenize(text);
            for s in sentences(text) {
                assert!(text.get(s.start..s.end).is_some());
            }
        }
    }
}

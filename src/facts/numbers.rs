//! Reading numbers: digits ("10,000", "3.5 million") and words ("two", "twenty five"), and telling
//! years and URLs apart. The `quantities` and `dates` steps build on it.

use super::tokens::{Kind, Token};

/// Number words and their values, by first letter, each group's first word giving it (`word_value` reads only
/// the words of the word's own letter: it is asked of most tokens, several times).
const NUMBER_WORDS: [&[(&str, f64)]; 7] = [
    &[("one", 1.0)],
    &[
        ("two", 2.0),
        ("three", 3.0),
        ("ten", 10.0),
        ("twelve", 12.0),
        ("thirteen", 13.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
    ],
    &[("four", 4.0), ("five", 5.0), ("fourteen", 14.0), ("fifteen", 15.0), ("forty", 40.0), ("fifty", 50.0)],
    &[("six", 6.0), ("seven", 7.0), ("sixteen", 16.0), ("seventeen", 17.0), ("sixty", 60.0), ("seventy", 70.0)],
    &[("eight", 8.0), ("eleven", 11.0), ("eighteen", 18.0), ("eighty", 80.0)],
    &[("nine", 9.0), ("nineteen", 19.0), ("ninety", 90.0)],
    &[("dozen", 12.0), ("dozens", 24.0)],
];

/// Words that multiply the number before them.
pub const MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("m", 1e6),
    ("k", 1e3),
];

/// Units of time: a count of them is a duration (the `dates` step).
pub const TIME_UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    // Abbreviations: "6-hr procedure", "within 24hrs", "5 mins".
    "sec",
    "secs",
    "min",
    "mins",
    "hr",
    "hrs",
    "wk",
    "wks",
    "yr",
    "yrs",
];

/// A number found at a token: its value, the token after it, and any range end.
pub struct Number {
    pub value: f64,
    /// First token after the number (and its multiplier).
    pub next: usize,
    /// Written as a word ("two") rather than digits.
    pub in_words: bool,
    /// The word hyphenated to the number, lowercased: "year" in "nine-year" and "10-year", "nanometer" in
    /// "7-nanometer", "year-old" in "36-year-old". It says what the number counts, like a next word.
    pub suffix: Option<String>,
}

/// Reads the number starting at token `i`: digits ("10,000", "3.5 million") or words ("two", "twenty five").
pub fn number_at(toks: &[Token], i: usize) -> Option<Number> {
    let tok = toks.get(i)?;
    let mut suffix = None;
    let (mut value, mut next, in_words) = match tok.kind {
        Kind::Number => {
            let value = decimal(tok.text)?;
            // "7-nanometer", "10-year": a word hyphenated to the digits.
            let hyphen = toks.get(i + 1).filter(|h| h.text == "-" && h.start() == tok.end());
            if let Some(word) = hyphen.and_then(|h| toks.get(i + 2).filter(|w| w.is_word() && w.start() == h.end())) {
                if word_value(word.text).is_none() {
                    suffix = Some(word.text.to_lowercase());
                    return Some(Number { value, next: i + 3, in_words: false, suffix });
                }
            }
            (value, i + 1, false)
        }
        Kind::Word if tok.text.contains('-') => {
            // "twenty-five", "nine-year", "nine-year-old": one token.
            let (left, right) = tok.text.split_once('-')?;
            let mut value = word_value(left)?;
            match word_value(right).filter(|&u| u < 10.0 && value >= 20.0 && value % 10.0 == 0.0) {
                Some(units) => value += units,
                None => suffix = Some(right.to_lowercase()),
            }
            return Some(Number { value, next: i + 1, in_words: true, suffix });
        }
        Kind::Word => {
            if !(3..=9).contains(&tok.text.len()) {
                return None;
            }
            let mut value = word_value(tok.text)?;
            // "half a dozen": six, not twelve.
            if i >= 2 && tok.is("dozen") && toks[i - 1].is("a") && toks[i - 2].is("half") {
                value /= 2.0;
            }
            let mut next = i + 1;
            // "twenty five" (two tokens), "Twenty-five" (three: the tokenizer splits a capital from a
            // lowercase word after a hyphen).
            if value >= 20.0 && value % 10.0 == 0.0 {
                let hyphen = toks.get(next).is_some_and(|h| h.text == "-" && h.start() == tok.end());
                let at = next + usize::from(hyphen);
                if let Some(units) = toks.get(at).and_then(|t| word_value(t.text)).filter(|&u| u < 10.0) {
                    value += units;
                    next = at + 1;
                }
            }
            (value, next, true)
        }
        Kind::Punct => return None,
    };
    while let Some((_, factor)) =
        toks.get(next).and_then(|t| MULTIPLIERS.iter().find(|(w, _)| t.text.eq_ignore_ascii_case(w)))
    {
        // "10 m" is ten metres unless glued or spelt out; only the long words multiply after a space.
        let glued = toks[next].start() == toks[next - 1].end();
        if toks[next].text.len() <= 2 && !glued {
            break;
        }
        value *= factor;
        next += 1;
    }
    value.is_finite().then_some(Number { value, next, in_words, suffix })
}

/// Digits between thousands commas ("10,000", "1,300,000"): any other group after a comma is not one.
const THOUSANDS_GROUP: usize = 3;

/// "10,000" → 10000, "3.5" → 3.5: digits with thousands commas and one decimal point; "1,3" → 1.3 and
/// "2,50" → 2.5: a comma followed by other than three digits is a decimal comma (German, French, Spanish,
/// Portuguese, Italian... write "1,3%"; read as a thousands comma it made 13). (By hand: the standard float
/// parser would add its tables to the WASM for this one use.) The value is the integer of all digits
/// divided by the power of ten, which rounds exactly as parsing the literal does.
fn decimal(s: &str) -> Option<f64> {
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) if !f.contains('.') => (w, f),
        Some(_) => return None, // "11.12.13": a date or version, not a number
        None => match s.split_once(',') {
            Some((w, f)) if !f.contains(',') && f.len() != THOUSANDS_GROUP && !w.is_empty() => (w, f),
            _ => (s, ""),
        },
    };
    let groups_ok = whole.split(',').skip(1).all(|g| g.len() == THOUSANDS_GROUP);
    if !groups_ok || frac.contains(',') {
        return None; // "1,2,3", "12,34.5": a list or a code, not one number
    }
    let mut mantissa: u64 = 0;
    for c in whole.chars().filter(|&c| c != ',').chain(frac.chars()) {
        let d = c.to_digit(10)?;
        mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(d))?;
    }
    let scale = 10f64.powi(i32::try_from(frac.len()).ok()?);
    Some(mantissa as f64 / scale)
}

fn word_value(w: &str) -> Option<f64> {
    // Only the number words of the word's first letter are compared: none, for most words.
    let first = w.as_bytes().first()?.to_ascii_lowercase();
    let words = NUMBER_WORDS.iter().find(|words| words[0].0.as_bytes()[0] == first)?;
    words.iter().find(|(n, _)| w.eq_ignore_ascii_case(n)).map(|(_, v)| *v)
}

/// A four-digit number that reads as a year ("2002", "in 2022"): a date, not a count.
pub fn is_year(tok: &Token) -> bool {
    tok.kind == Kind::Number && tok.text.len() == 4 && tok.text.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
}

/// Byte ranges of URLs in a text: numbers inside them are not facts.
pub fn url_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("http").map(|i| i + from) {
        let end = text[at..].find(char::is_whitespace).map_or(text.len(), |e| at + e);
        if text[at..end].contains("://") {
            spans.push((at, end));
        }
        from = end.max(at + 4);
    }
    spans
}

/// Whether byte `pos` falls in one of `spans` (sorted and disjoint, as [`url_spans`] returns them): a
/// binary search, so that checking every token of a post full of links stays n log n.
pub fn in_spans(spans: &[(usize, usize)], pos: usize) -> bool {
    let k = spans.partition_point(|&(a, _)| a <= pos);
    k > 0 && pos < spans[k - 1].1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenated_numbers() {
        let toks = super::super::tokens::tokenize("twenty-five nine-year 7-nanometer 36-year-old 10-20");
        let read = |i: usize| number_at(&toks, i).map(|n| (n.value, n.suffix));
        assert_eq!(read(0), Some((25.0, None)));
        assert_eq!(read(1), Some((9.0, Some("year".into()))));
        assert_eq!(read(2), Some((7.0, Some("nanometer".into()))));
        assert_eq!(read(5), Some((36.0, Some("year-old".into()))));
        assert_eq!(read(8), Some((10.0, None)));
    }

    #[test]
    fn decimals_by_hand() {
        assert_eq!(decimal("10,000"), Some(10000.0));
        assert_eq!(decimal("1,300,000"), Some(1_300_000.0));
        // A decimal comma: "1,3%" of the Spanish or German page is 1.3, not 13.
        assert_eq!(decimal("1,3"), Some(1.3));
        assert_eq!(decimal("2,50"), Some(2.5));
        assert_eq!(decimal("1,2,3"), None);
        assert_eq!(decimal("12,34.5"), None);
        assert_eq!(decimal("22.1"), Some(22.1));
        assert_eq!(decimal("0.07"), Some(0.07));
        assert_eq!(decimal("11.12.13"), None);
        assert_eq!(decimal("99999999999999999999999"), None);
    }
}

//! Ranges and dimensions: two numbers that make one fact. "2,300 to 2,500 troops", "1-2 years",
//! "$5.00- $6.00", "4GB–24GB", "between 3 and 5 days" and "two or three years" are each one range, with a
//! low and a high end; "18 x 22 feet" is one size. Shown apart, either half is a wrong fact ("2 years"
//! for "1-2 years"), so the `quantities` and `dates` steps read a range here as one, and never show a
//! number that is the upper end of a range, or a side of a dimension, on its own.
//!
//! What looks like a range and is not one: a score ("won 3-1"), a date ("2019-08", "3-18-2020"), a
//! phone number ("1-800-555-1234"), a version ("version 1.2-3").

use super::numbers::{number_at, Number};
use super::tokens::{Kind, Token};

/// Dashes between the two ends of a range in figures ("10-20", "$400–600"). An em dash is left out: on
/// forums it breaks a clause ("10 — 20 of them said no").
const RANGE_DASHES: &[&str] = &["-", "–"];

/// Words between the two ends of a range: "2,300 to 2,500", "two or three years" (a reader's "two or
/// three" is a rough count, the same fact as "two to three"; see [`rough_count`] for when "or" is one).
const RANGE_WORDS: &[&str] = &["to", "or"];

/// "2 or 3 routes", "two or three years", "$5 or $6": "or" between consecutive whole numbers is a rough
/// count, one range. Between any other two ("12 or 16 GB", "75% or 85%", "40 or 48GB") it offers a choice
/// of two values, each its own fact: read as a range it would make sizes nobody named (14 GB).
fn rough_count(low: f64, high: f64) -> bool {
    low.fract() == 0.0 && high - low == 1.0
}

/// The word before a range that "and" joins the ends of: "between 3 and 5 days".
const BETWEEN: &str = "between";

/// Words beside a pair of numbers that make it a score, not a range: "won 3-1", "lost 1-3", "a 2-4
/// defeat".
const SCORE_WORDS: &[&str] = &[
    "won",
    "win",
    "wins",
    "winning",
    "lost",
    "lose",
    "loss",
    "losing",
    "beat",
    "beating",
    "drew",
    "draw",
    "score",
    "scored",
    "scoreline",
    "defeat",
    "victory",
    "lead",
    "led",
    "trailing",
    "record",
];

/// Words before a number that make "1.2-3" a version or a release, not a range.
const VERSION_WORDS: &[&str] = &["version", "ver", "v", "release", "build", "kernel", "firmware", "rev"];

/// Signs between the sides of a dimension: "18 x 22 feet", "8 × 20", "10 by 12 feet".
const DIMENSION_SIGNS: &[&str] = &["x", "X", "×", "by"];

/// Currency symbols written before an amount (the quantities step reads them too).
pub(super) const CURRENCY_SIGNS: &[&str] = &["$", "€", "£", "¥"];

/// A range read at its low end by [`range_at`]: where it starts and its high end.
pub struct Range {
    /// The range's first token: "between" in "between 3 and 5", else the low number's (or its currency's).
    pub first: usize,
    /// The high end: its value and the token after it (where its unit, if any, is read).
    pub high: Number,
    /// The high end's first token.
    pub high_at: usize,
}

/// The range whose low end is `low`, read at token `i` (after its currency sign `currency`, if any):
/// "10-20", "2,300 to 2,500", "$5.00- $6.00", "4GB–24GB", "5%-10%", "between 3 and 5", "two or three".
/// The high end must be larger, written the same way (figures or words), with the same currency sign;
/// a unit written after the low end must be written after the high end too. Scores, dates, phone numbers
/// and versions are no ranges.
pub fn range_at(toks: &[Token], i: usize, low: &Number, currency: Option<&str>) -> Option<Range> {
    let mut sep = low.next;
    // "4GB–24GB", "5%-10%": the low end's unit, repeated after the high end.
    let low_unit = toks.get(sep).filter(|t| t.kind != Kind::Number && !is_separator(t) && low.suffix.is_none());
    if low_unit.is_some() {
        sep += 1;
    }
    let sep_tok = toks.get(sep)?;
    let before = i.checked_sub(1 + usize::from(currency.is_some()));
    let between = before.is_some_and(|b| toks[b].is(BETWEEN));
    let word_sep = RANGE_WORDS.iter().any(|w| sep_tok.is(w)) || (between && sep_tok.is("and"));
    if !word_sep && !RANGE_DASHES.contains(&sep_tok.text) {
        return None;
    }
    // "$500-$700": the high end carries the same currency sign, or none.
    let mut h = sep + 1;
    let high_sign = toks.get(h).filter(|t| CURRENCY_SIGNS.contains(&t.text));
    if let Some(sign) = high_sign {
        if currency != Some(sign.text) {
            return None;
        }
        h += 1;
    }
    let high = number_at(toks, h).filter(|n| n.in_words == low.in_words && n.value > low.value)?;
    if sep_tok.is("or") && !rough_count(low.value, high.value) {
        return None;
    }
    // "65- 70 hours", "10-20": a hyphen touches at least one end; "2 - 3" spaced on both sides is as often
    // a list or a heading as a range. An en dash joins a range however it is spaced.
    if sep_tok.text == "-" && !glued(toks, sep - 1, sep) && !glued(toks, sep, sep + 1) {
        return None;
    }
    if let Some(u) = low_unit {
        let high_unit = toks.get(high.next).filter(|t| t.text.eq_ignore_ascii_case(u.text));
        if high_unit.is_none() || !glued(toks, low.next - 1, low.next) {
            return None;
        }
    }
    let first = match before {
        Some(b) if between => b,
        _ => i - usize::from(currency.is_some()),
    };
    if chained(toks, &high) || score(toks, first, &high) || leading_zero(&toks[i]) || leading_zero(&toks[h]) {
        return None;
    }
    if before.is_some_and(|b| VERSION_WORDS.iter().any(|w| toks[b].is(w))) {
        return None;
    }
    Some(Range { first, high, high_at: h })
}

/// Tokens `a` and `b` touch: no space between them.
fn glued(toks: &[Token], a: usize, b: usize) -> bool {
    toks.get(b).is_some_and(|t| t.start() == toks[a].end())
}

/// A dash or word that joins the ends of a range: a unit is never one.
fn is_separator(t: &Token) -> bool {
    RANGE_DASHES.contains(&t.text) || RANGE_WORDS.iter().any(|w| t.is(w)) || t.is("and")
}

/// "1-800-555-1234", "3-18-2020", "10-15-20 years": a third number hyphenated after the high end makes
/// a phone number, a date or a list of choices, not one range from low to high.
fn chained(toks: &[Token], high: &Number) -> bool {
    let dash = toks.get(high.next).filter(|t| RANGE_DASHES.contains(&t.text));
    dash.is_some_and(|d| toks.get(high.next + 1).is_some_and(|n| n.kind == Kind::Number && n.start() == d.end()))
}

/// "won 3-1", "a 2-4 defeat", "lost 1-3": a score word right before the pair or right after it.
fn score(toks: &[Token], first: usize, high: &Number) -> bool {
    let is_score = |t: &Token| SCORE_WORDS.iter().any(|w| t.is(w));
    first.checked_sub(1).is_some_and(|p| is_score(&toks[p])) || toks.get(high.next).is_some_and(is_score)
}

/// "08-12", "03-2019": figures with a leading zero are a date's or a code's, never a count's.
fn leading_zero(t: &Token) -> bool {
    let b = t.text.as_bytes();
    t.kind == Kind::Number && b.len() > 1 && b[0] == b'0' && b[1].is_ascii_digit()
}

/// Token `i` is a number that a range separator ties to a number before it ("2" in "1-2 years", "700"
/// in "$500-$700", "5" in "2 or 5 hours", "20" in "10-15-20 years"): the upper end or the middle of a
/// range, a score's second figure or a date's part. Whether or not the pair made a range, the number
/// is no fact on its own: "2 years" for "1-2 years" is wrong.
pub fn upper_end(toks: &[Token], i: usize) -> bool {
    if toks.get(i).is_none_or(|t| t.kind != Kind::Number && number_at(toks, i).is_none()) {
        return false;
    }
    // "$500-$700": the currency sign of the high end.
    let p = i - usize::from(i > 0 && CURRENCY_SIGNS.contains(&toks[i - 1].text));
    let Some(sep) = p.checked_sub(1).filter(|&s| s > 0) else { return false };
    let s = &toks[sep];
    let dash = s.text == "–" || (s.text == "-" && (glued(toks, sep, p) || glued(toks, sep - 1, sep)));
    let and = s.is("and");
    if !dash && !and && !RANGE_WORDS.iter().any(|w| s.is(w)) {
        return false;
    }
    // The low end, past its glued unit ("4GB–24GB", "5%-10%").
    let mut low = sep - 1;
    if toks[low].kind != Kind::Number && low > 0 && toks[low - 1].kind == Kind::Number && glued(toks, low - 1, low) {
        low -= 1;
    }
    let Some(low_number) = number_at(toks, low) else { return false };
    if s.is("or") && number_at(toks, i).is_none_or(|high| !rough_count(low_number.value, high.value)) {
        return false;
    }
    // "and" ties two numbers only after "between": "2 dogs and 3 cats" are two facts.
    if and {
        let b = low.checked_sub(1 + usize::from(low > 0 && CURRENCY_SIGNS.contains(&toks[low - 1].text)));
        return b.is_some_and(|b| toks[b].is(BETWEEN));
    }
    true
}

/// Units of length a size is given in: "18 x 22 feet", "44mm x 14mm". A product of a count and another
/// unit is no size: "4 x 32 GB" is four modules of 32 GB, and "32 GB" is a fact.
const LENGTH_UNITS: &[&str] = &[
    "feet", "foot", "ft", "inch", "inches", "in", "yards", "yd", "m", "metres", "meters", "cm", "mm", "km", "miles",
    "'", "\"",
];

/// Most sides a size has that [`in_dimension`] walks ("2 x 3 x 4 x 5 m" is a tensor's shape, not a room).
const MAX_SIDES: usize = 4;

/// Token `i` is a side of a size: "18 x 22 feet", "10 by 12 feet", "22 x 24 x 20 feet" (a number joined
/// to another by a dimension sign, the last side followed by a unit of length, or three sides, and a side
/// without its own unit). A size is one fact that no field of a quantity holds, and one side of it is a wrong fact
/// ("22 feet" for an 18 x 22 feet house): neither side is shown.
pub fn in_dimension(toks: &[Token], i: usize) -> bool {
    let number = |k: usize| toks.get(k).is_some_and(|t| t.kind == Kind::Number);
    let sign = |k: usize| toks.get(k).is_some_and(|t| DIMENSION_SIGNS.contains(&t.text));
    let length = |k: usize| toks.get(k).is_some_and(|t| LENGTH_UNITS.iter().any(|u| t.is(u)));
    // The number of the side after the side at `k` (past its unit), and before it.
    let next_side = |k: usize| {
        let s = k + 1 + usize::from(length(k + 1));
        (sign(s) && number(s + 1)).then_some(s + 1)
    };
    let prev_side = |k: usize| {
        let s = k.checked_sub(1).filter(|&s| sign(s))?;
        let n = s.checked_sub(1)?;
        let n = if length(n) { n.checked_sub(1)? } else { n };
        number(n).then_some(n)
    };
    if !number(i) {
        return false;
    }
    // A side written with its own unit ("44mm x 14mm") is a measure in full, true alone; the sides are
    // dropped only where one shares the unit written after the last ("18 x 22 feet": not "22 feet").
    let (mut sides, mut last, mut first, mut bare) = (1, i, i, !length(i + 1));
    while let Some(n) = next_side(last).filter(|_| sides < MAX_SIDES) {
        (last, sides, bare) = (n, sides + 1, bare || !length(n + 1));
    }
    while let Some(p) = prev_side(first).filter(|_| sides < MAX_SIDES) {
        (first, sides, bare) = (p, sides + 1, bare || !length(p + 1));
    }
    sides >= 2 && bare && (length(last + 1) || sides >= 3)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// The (low, high, first token's text) of a range read at token `i`.
    fn range(text: &str, i: usize) -> Option<(f64, f64, String)> {
        let toks = tokenize(text);
        let currency = i.checked_sub(1).map(|p| toks[p].text).filter(|t| CURRENCY_SIGNS.contains(t));
        let low = number_at(&toks, i)?;
        range_at(&toks, i, &low, currency).map(|r| (low.value, r.high.value, toks[r.first].text.to_string()))
    }

    #[test]
    fn ranges_of_every_form() {
        let r = |text: &str, i: usize| range(text, i).map(|(l, h, _)| (l, h));
        assert_eq!(r("1-2 years", 0), Some((1.0, 2.0)));
        assert_eq!(r("10-15years earlier", 0), Some((10.0, 15.0)));
        assert_eq!(r("about 65- 70 hour weeks", 1), Some((65.0, 70.0)));
        assert_eq!(r("2,300 to 2,500 troops", 0), Some((2300.0, 2500.0)));
        assert_eq!(r("a lousy $5.00- $6.00 an hour", 3), Some((5.0, 6.0)));
        assert_eq!(r("my budget is $500-$700.", 4), Some((500.0, 700.0)));
        assert_eq!(r("Mid-Range ($400–600)", 3), Some((400.0, 600.0)));
        assert_eq!(r("VRAM Size (4GB–24GB)", 3), Some((4.0, 24.0)));
        assert_eq!(r("a 5%-10% tip", 1), Some((5.0, 10.0)));
        assert_eq!(r("2 or 3 routes", 0), Some((2.0, 3.0)));
        assert_eq!(r("two or three years", 0), Some((2.0, 3.0)));
        assert_eq!(r("two to three years", 0), Some((2.0, 3.0)));
        assert_eq!(r("12–24 mm", 0), Some((12.0, 24.0)));
        assert_eq!(range("between 3 and 5 days", 1), Some((3.0, 5.0, "between".into())));
        assert_eq!(range("between $3 and $5", 2), Some((3.0, 5.0, "between".into())));
        assert_eq!(range("a lousy $5.00- $6.00", 3).map(|r| r.2), Some("$".into()));
    }

    #[test]
    fn scores_dates_phones_versions_are_no_ranges() {
        assert_eq!(range("they won 1-3 away", 2), None); // a score
        assert_eq!(range("a 1-3 defeat", 1), None);
        assert_eq!(range("Final 3-1", 1), None); // descending
        assert_eq!(range("18-3 at half time", 0), None);
        assert_eq!(range("on 3-18-2020 we", 1), None); // a date
        assert_eq!(range("since 08-12", 1), None);
        assert_eq!(range("call 1-800-555-1234", 1), None); // a phone number
        assert!(range("call 555-1234", 1).is_some(), "the form alone; no noun makes it a fact");
        assert_eq!(range("version 1.2-3 fixes", 1), None);
        assert_eq!(range("2 - 3 days", 0), None); // a hyphen spaced on both sides
        assert_eq!(range("2 and 3 days", 0), None); // "and" without "between"
        assert_eq!(range("12 or 16 GB", 0), None); // a choice, not a rough count
        assert_eq!(range("75% or 85%", 0), None);
        assert_eq!(range("$5-€6", 1), None); // two currencies
        assert_eq!(range("two to 3 days", 0), None); // words and figures
        assert_eq!(range("4GB-24 cores", 0), None); // the low end's unit not repeated
        assert_eq!(range("10—20 of them", 0), None); // an em dash
    }

    #[test]
    fn the_upper_end_is_never_a_fact_alone() {
        let upper = |text: &str, i: usize| upper_end(&tokenize(text), i);
        assert!(upper("1-2 years", 2));
        assert!(upper("65- 70 hour", 2));
        assert!(upper("$500-$700", 4));
        assert!(upper("4GB–24GB", 3));
        assert!(upper("2 or 3 routes", 2));
        assert!(!upper("12 or 16 GB", 2), "a choice of two sizes: each is a fact");
        assert!(upper("10-15-20 years", 4));
        assert!(upper("between 3 and 5 days", 3));
        assert!(upper("won 3-1", 3));
        assert!(!upper("1-2 years", 0));
        assert!(!upper("2 dogs and 3 cats", 3));
        assert!(!upper("3 and 5 days", 2));
        assert!(!upper("Kyoto - 4 nights", 2));
        assert!(!upper("1 - 2 years", 2), "a hyphen spaced on both sides joins nothing");
        assert!(!upper("went to 5 shops", 2));
    }

    #[test]
    fn dimensions() {
        let dim = |text: &str, i: usize| in_dimension(&tokenize(text), i);
        assert!(dim("is 18 x 22 feet", 1));
        assert!(dim("is 18 x 22 feet", 3));
        assert!(dim("24 × 24 feet", 0));
        assert!(dim("10 by 12 feet", 2));
        assert!(!dim("44mm x 14mm", 0), "each side a measure in full");
        assert!(!dim("44mm x 14mm", 3));
        assert!(dim("18 x 22 feet", 0));
        assert!(dim("22 x 24 x 20 cubits", 4), "three sides are a size whatever the unit");
        assert!(!dim("4 x 32 GB", 2), "four modules of 32 GB: a count times a size");
        assert!(!dim("a 2x speedup", 1));
        assert!(!dim("grew by 12 feet", 2));
        assert!(!dim("3 people by 5 pm", 3));
        assert!(!dim("22 feet long", 0));
    }

    fn quantities(text: &str) -> Vec<(String, f64, Option<f64>, Option<String>)> {
        let q = crate::facts::quantities::extract(&[crate::facts::PostText::new(0, text, None)], true);
        q.into_iter().map(|q| (q.text, q.value, q.max, q.unit)).collect()
    }

    /// Session 20's audit: each range is one quantity with its whole text, its low end as the value and
    /// its high end as `max`; a size shows no side.
    #[test]
    fn a_range_is_one_quantity_and_a_size_none() {
        let q = |text: &str| quantities(text);
        let one = |text: &str, v: f64, max: f64, unit: Option<&str>| {
            (text.to_string(), v, Some(max), unit.map(str::to_string))
        };
        assert_eq!(q("paying a lousy $5.00- $6.00 an hour"), [one("$5.00- $6.00", 5.0, 6.0, Some("$"))]);
        assert_eq!(q("my budget is $500-$700."), [one("$500-$700", 500.0, 700.0, Some("$"))]);
        assert_eq!(q("VRAM Size (4GB–24GB)"), [one("4GB–24GB", 4.0, 24.0, Some("GB"))]);
        assert_eq!(q("my ipad had 2 or 3 routes that I had saved"), [one("2 or 3 routes", 2.0, 3.0, None)]);
        assert_eq!(q("between 30 and 40 people came"), [one("between 30 and 40 people came", 30.0, 40.0, None)]);
        assert!(q("Our current Tiny House is 18 x 22 feet, the next 8 x 20 feet.").is_empty());
        assert_eq!(q("Corsair 128 GB (4 x 32 GB)").len(), 2, "a count times a size is no size");
        let two = q("get 12GB or 16GB of memory");
        assert_eq!(two.iter().map(|q| q.1).collect::<Vec<_>>(), [12.0, 16.0], "a choice: two facts");
    }

    #[test]
    fn scores_dates_phones_and_versions_stay_apart() {
        for text in [
            "They won 3-1 at home and lost 1-3 games away.",
            "Call 1-800-555-1234 today.",
            "The version 1.2-3 fixes it.",
            "Since 2019-08 reports and 3-18-2020 files.",
            "Chelsea 18-3 players",
        ] {
            assert!(quantities(text).is_empty(), "{text}: {:?}", quantities(text));
        }
    }

    fn durations(text: &str) -> Vec<(String, Option<String>)> {
        let posts = [crate::facts::PostText::new(0, text, Some("2022-01-11T10:00:00"))];
        let (dates, durations) = crate::facts::dates::extract(&posts, true);
        dates.into_iter().chain(durations).map(|d| (d.text, d.value)).collect()
    }

    /// A range of time units is one duration (or one date) with its whole text and no ISO value; its
    /// upper end is never a duration of its own.
    #[test]
    fn a_range_of_time_is_one_duration() {
        let d = |text: &str| durations(text);
        let none = |text: &str| vec![(text.to_string(), None)];
        assert_eq!(d("you can always quit after 1-2 years"), none("1-2 years"));
        assert_eq!(d("Java, chosen 10-15years earlier"), none("10-15years"));
        assert_eq!(d("My average is about 65- 70 hour weeks."), none("about 65- 70 hour"));
        assert_eq!(d("We thought 15 to 18 days in total."), none("15 to 18 days"));
        assert_eq!(d("stay for more than two or three years"), none("two or three years"));
        assert_eq!(d("it takes between 3 and 5 days"), none("between 3 and 5 days"));
        assert_eq!(d("That was 2-3 years ago."), none("2-3 years ago"));
        assert_eq!(d("been there 10-15-20 years"), [], "a chain of choices is no one range");
        assert_eq!(d("clean it in 1-1/2 hours"), [], "a fraction");
        assert_eq!(d("for 2 years"), [("for 2 years".to_string(), Some("P2Y".to_string()))]);
    }
}

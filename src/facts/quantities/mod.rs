//! Numbers with what they count: "almost 10,000 people" detained, "at least 164 people died",
//! "2,500 peacekeeping troops", "$3.5 million", "12%", "2,300 to 2,500 troops".
//!
//! Years ("2002") and times are dates; counts of days, weeks or years are durations: both belong to the
//! `dates` step, not here. Vague amounts ("several hundred soldiers") are left out: no value to give.

use super::numbers::{is_year, number_at, Number, MULTIPLIERS, TIME_UNITS};
use super::ranges::{in_dimension, range_at, upper_end, CURRENCY_SIGNS};
use super::PostText;
use crate::hash::FastMap;
use crate::model::Quantity;
use not_counts::{
    counts_something, emphasis, multiplied_model, names_number, part_of_date_or_code, shell_variable,
    EMPHASIS_PERCENTS, MIN_SERIES_MODEL,
};
use phrase::{is_participle, noun_phrase, qualifier_before, verb_after};

mod not_counts;
mod phrase;

/// Measurement units that follow a number.
const UNITS: &[&str] = &[
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "mile",
    "m",
    "metres",
    "meters",
    "feet",
    "ft",
    "kg",
    "kilograms",
    "pounds",
    "lbs",
    "tons",
    "tonnes",
    "barrels",
    "litres",
    "liters",
    "gallons",
    "mph",
    "gb",
    "mb",
    "tb",
    "kb",
    "ghz",
    "mhz",
    "mw",
    "gw",
    "kw",
    "kwh",
    "acres",
    "hectares",
    "degrees",
    "mg",
    "mcg",
    "ml",
    "mm",
    "cm",
    "nm",
    "nanometer",
    "nanometers",
    "nanometre",
    "nanometres",
    "inch",
    "inches",
];

/// Rate endings glued to an amount of money: "£2300pa" (a year), "£900pcm" (a month), "£200pw" (a week).
const RATE_SUFFIXES: &[&str] = &["pa", "pcm", "pw"];

/// Words right before a number that make it an age: "at age 36", "aged 8".
const AGE_CUES: &[&str] = &["age", "aged"];

/// Nouns a bracketed number after them is the age of ("our eldest (8)", "my son (12)"): on forums the
/// bracket after anything else is a list marker ("stats (2)") or code ("slice(4)").
const AGE_NOUNS: &[&str] = &[
    "son",
    "daughter",
    "eldest",
    "youngest",
    "oldest",
    "middle",
    "child",
    "kid",
    "kids",
    "boy",
    "girl",
    "husband",
    "wife",
    "partner",
    "brother",
    "sister",
    "baby",
    "toddler",
    "stepson",
    "stepdaughter",
    "niece",
    "nephew",
    "mum",
    "mom",
    "dad",
    "mother",
    "father",
    "grandson",
    "granddaughter",
    "dh",
    "dd",
    "ds",
    "dss",
    "dsd",
    "dog",
    "cat",
];

/// Currencies written as words after the number.
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("euros", "EUR"),
    ("pounds sterling", "GBP"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("yen", "JPY"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("yuan", "CNY"),
    ("tenge", "KZT"),
];

/// Finds the quantities of every post. Non-English posts keep numbers with units, currencies and
/// percentages, whose meaning does not hang on English words.
pub fn extract(posts: &[PostText], english: bool) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    // Indices in `out` by value: the duplicate check looks only at quantities of the same value.
    let mut by_value: FastMap<u64, Vec<usize>> = FastMap::default();
    for post in posts {
        // URLs and machine-written lines (logs, commands, configuration) hold no facts.
        let urls = &post.skipped;
        let toks = &post.tokens;
        let mut i = 0;
        while i < toks.len() {
            let in_url = super::numbers::in_spans(urls, toks[i].start());
            match (!in_url).then(|| quantity_at(post, i, english)).flatten() {
                Some((q, next)) => {
                    // "20mg" and "20 mg daily" in one post are one fact.
                    let same_value = by_value.get(&value_key(q.value)).map_or(&[][..], Vec::as_slice);
                    let duplicate = same_value.iter().map(|&k| &out[k]).any(|o| {
                        o.value == q.value
                            && o.max == q.max
                            && (o.what == q.what || (o.post == q.post && o.unit.is_some() && o.unit == q.unit))
                    });
                    if !duplicate {
                        by_value.entry(value_key(q.value)).or_default().push(out.len());
                        out.push(q);
                    }
                    i = next;
                }
                None => i += 1,
            }
        }
    }
    super::parts::link_parts(posts, &mut out);
    out
}

/// A map key for a value: its bits, with -0 as 0 (equal values, one key; NaN never equals anything anyway).
fn value_key(v: f64) -> u64 {
    if v == 0.0 {
        0
    } else {
        v.to_bits()
    }
}

/// The quantity whose number starts at token `i`, and the token after it.
fn quantity_at(post: &PostText, i: usize, english: bool) -> Option<(Quantity, usize)> {
    let toks = &post.tokens;
    let tok = &toks[i];
    if is_year(tok) || part_of_date_or_code(toks, i) {
        return None;
    }
    let number = number_at(toks, i)?;
    if let Some(q) = age_at(post, i, &number) {
        return Some(q);
    }
    if let Some(q) = in_brackets(post, i, &number, english) {
        return Some(q);
    }
    // "2" of "1-2 years", "700" of "$500-$700": the upper end of a range is no fact alone.
    if upper_end(toks, i) {
        return None;
    }
    // Currency before ("$5") or after ("5 dollars"); percent; units.
    let mut unit = None;
    let mut start_tok = i;
    if let Some(sym) = i.checked_sub(1).map(|p| &toks[p]).filter(|t| CURRENCY_SIGNS.contains(&t.text)) {
        if sym.text == "$" && shell_variable(post, i - 1, &number) {
            return None;
        }
        unit = Some(sym.text.to_string());
        start_tok = i - 1;
    }
    // A range: "2,300 to 2,500", "10-20", "$500-$700", "4GB–24GB", "between 3 and 5": one fact, from its
    // first word to the high end's unit; the unit, what it counts and the words around are the high end's.
    let range = range_at(toks, i, &number, unit.as_deref());
    let (max, mut next) = range.as_ref().map_or((None, number.next), |r| (Some(r.high.value), r.high.next));
    if let Some(r) = &range {
        start_tok = r.first;
    }
    let low = number.value;
    let number = range.map_or(number, |r| Number { value: low, ..r.high });
    let mut hyphen_word = None;
    if let Some(suffix) = &number.suffix {
        // "7-nanometer node": a unit; "3-bedroom house": the first word of what it counts.
        if UNITS.contains(&suffix.as_str()) {
            unit = Some(suffix.clone());
        } else if suffix.chars().all(char::is_lowercase) {
            hyphen_word = Some(suffix.clone());
        }
    } else if let Some(t) = toks.get(next) {
        let lower = t.text.to_lowercase();
        if t.text == "%" || lower == "percent" || lower == "per" && toks.get(next + 1).is_some_and(|c| c.is("cent")) {
            unit = Some("%".into());
            next += if lower == "per" { 2 } else { 1 };
        } else if let Some((_, code)) = CURRENCY_WORDS.iter().find(|(w, _)| *w == lower) {
            unit = Some(code.to_string());
            next += 1;
        } else if UNITS.contains(&lower.as_str()) && unit.is_none() {
            unit = Some(t.text.to_string());
            next += 1;
        }
    }
    // "£2300pa": the rate ending is part of the amount.
    if unit.is_some()
        && toks.get(next).is_some_and(|t| t.start() == toks[next - 1].end() && RATE_SUFFIXES.contains(&t.text))
    {
        next += 1;
    }
    // "22 feet" of "18 x 22 feet": a side of a size is no fact alone.
    if in_dimension(toks, i) {
        return None;
    }
    if unit.is_none() && (names_number(post, start_tok) || multiplied_model(post, start_tok, number.value)) {
        return None;
    }
    if unit.as_deref() == Some("%") && EMPHASIS_PERCENTS.contains(&number.value) && emphasis(post, start_tok, next) {
        return None;
    }
    let (qualifier, q_start) = qualifier_before(post, start_tok);
    let (mut phrase, mut end) = noun_phrase(post.text, toks, next);
    if unit.is_none()
        && number.value >= MIN_SERIES_MODEL
        && phrase.first().is_some_and(|w| w.eq_ignore_ascii_case("series"))
    {
        return None;
    }
    if let Some(w) = &hyphen_word {
        phrase.insert(0, w.as_str());
        phrase.truncate(3);
    }
    if phrase.iter().any(|w| TIME_UNITS.contains(&w.to_lowercase().as_str())) && unit.is_none() {
        return None; // a duration: the dates step reads it
    }
    if unit.is_none()
        && !counts_something(toks, start_tok, &phrase, &number, qualifier.is_some(), hyphen_word.is_some())
    {
        return None;
    }
    // What happened to them: "people died", "people detained" (after), "detained ... people" (before).
    // Outside English the words after a number are not read: only its unit is kept.
    let mut what_words: Vec<String> = if english { phrase.iter().map(|w| w.to_string()).collect() } else { Vec::new() };
    let mut first = q_start;
    let mut has_verb = true;
    if !what_words.is_empty() {
        if let Some((verb, after)) = verb_after(toks, end) {
            what_words.push(verb.to_string());
            end = after;
        } else if let Some(verb) = q_start.checked_sub(1).map(|p| &toks[p]).filter(|t| is_participle(t)) {
            what_words.push(verb.text.to_string());
            first = q_start - 1;
        } else {
            has_verb = false;
        }
    }
    let what = what_words.join(" ");
    if what.is_empty() && unit.is_none() {
        return None;
    }
    if !english && unit.is_none() {
        return None;
    }
    if number.in_words && number.value < 10.0 && !has_verb && unit.is_none() {
        return None; // "two articles": small counts in words are rarely the facts a reader wants
    }
    let last = end.max(next).min(toks.len()).saturating_sub(1).max(i);
    let text = post.text[toks[first].start()..toks[last].end()].to_string();
    let quantity = Quantity { text, value: number.value, what, qualifier, unit, post: post.index, max, part_of: None };
    Some((quantity, end.max(next)))
}

fn is_glued_unit(word: &str) -> bool {
    let lower = word.to_lowercase();
    UNITS.contains(&lower.as_str())
        || MULTIPLIERS.iter().any(|(m, _)| *m == lower)
        || RATE_SUFFIXES.contains(&lower.as_str())
}

/// An age: "at age 36", "aged 8", "36 years old", "a 36-year-old man". What it counts is "age".
fn age_at(post: &PostText, i: usize, number: &super::numbers::Number) -> Option<(Quantity, usize)> {
    let toks = &post.tokens;
    let cue_before = i.checked_sub(1).is_some_and(|p| AGE_CUES.iter().any(|c| toks[p].is(c)));
    let (first, next) = if cue_before {
        (i - 1, number.next)
    } else if number.suffix.as_deref().is_some_and(|s| s == "year-old" || s == "years-old") {
        (i, number.next)
    } else if toks.get(number.next).is_some_and(|t| t.is("years") || t.is("year"))
        && toks.get(number.next + 1).is_some_and(|t| t.is("old"))
    {
        (i, number.next + 2)
    } else {
        return None;
    };
    if number.value.fract() != 0.0 || !(0.0..=130.0).contains(&number.value) {
        return None;
    }
    let last = next.min(toks.len()).saturating_sub(1).max(first);
    let text = post.text[toks[first].start()..toks[last].end()].to_string();
    let q = Quantity {
        text,
        value: number.value,
        what: "age".into(),
        qualifier: None,
        unit: Some("years".into()),
        post: post.index,
        max: None,
        part_of: None,
    };
    Some((q, next))
}

/// "our eldest (8)", "my son (12)": a small number in brackets right after a noun counts for that noun
/// (on forums, mostly a child's age).
fn in_brackets(post: &PostText, i: usize, number: &super::numbers::Number, english: bool) -> Option<(Quantity, usize)> {
    let toks = &post.tokens;
    if !english || number.in_words || i < 2 || toks[i - 1].text != "(" || !toks[i - 2].is_lower_word() {
        return None;
    }
    if toks.get(number.next).is_none_or(|t| t.text != ")") || number.value.fract() != 0.0 || number.value > 130.0 {
        return None;
    }
    let noun = &toks[i - 2];
    if !AGE_NOUNS.contains(&noun.text) || toks[i - 1].start() == noun.end() {
        return None;
    }
    let text = post.text[noun.start()..toks[number.next].end()].to_string();
    let q = Quantity {
        text,
        value: number.value,
        what: noun.text.to_string(),
        qualifier: None,
        unit: None,
        post: post.index,
        max: None,
        part_of: None,
    };
    Some((q, number.next + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quantities(text: &str) -> Vec<Quantity> {
        extract(&[PostText::new(0, text, None)], true)
    }

    /// Session 13's tuned threads: a shell script's "$1", a model line, emphasis and a verb are no numbers;
    /// money and percentages beside them still are.
    #[test]
    fn shell_variables_model_lines_and_emphasis_are_not_numbers() {
        let q = quantities(
            "if [ \"$1\" = \"\" ]\n    echo \"ERROR: $1 does not exist\"\nIt uses the miyota 9000 series. I agree \
             with you 100% on that. 30-50m does it for me. It cost $5 and 40% of buyers kept it.",
        );
        let texts: Vec<&str> = q.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["$5", "40%"], "{q:?}");
    }

    #[test]
    fn quantifiers_adverbs_and_verbs_end_what_a_count_counts() {
        let q = quantities("A squad of 21 players plus any youngsters. 35 players currently included. It is $5 less.");
        let texts: Vec<&str> = q.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["21 players", "35 players", "$5"], "{q:?}");
        assert!(quantities("Only 40 gets you in.").is_empty());
    }

    #[test]
    fn reads_counts_qualifiers_and_verbs() {
        let q = quantities(
            "Kazakh authorities detained almost 10,000 people during a crackdown. At least 164 people died in \
             the violence, according the Kazakh authorities, including 16 law enforcement officers.",
        );
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!(
            (q[0].value, q[0].what.as_str(), q[0].qualifier.as_deref()),
            (10000.0, "people detained", Some("almost"))
        );
        assert_eq!(
            (q[1].value, q[1].what.as_str(), q[1].qualifier.as_deref()),
            (164.0, "people died", Some("at least"))
        );
        assert_eq!((q[2].value, q[2].what.as_str()), (16.0, "law enforcement officers"));
        assert_eq!(q[2].part_of, Some(1));
        assert_eq!(q[0].text, "detained almost 10,000 people");
    }

    #[test]
    fn years_durations_dates_and_urls_are_not_counts() {
        let q = quantities(
            "Since its formation in 2002 it took no more than 10 days. On Jan 11, 2022, at 02:28 PM. \
             https://example.com/ar-AASF123/2300-troops COVID-19 and the 1st",
        );
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn units_currencies_percents_ranges() {
        let q = quantities("It cost $3.5 million, up 12% on 2,300 to 2,500 troops and 40 km of road.");
        assert_eq!(q[0].value, 3_500_000.0);
        assert_eq!(q[0].unit.as_deref(), Some("$"));
        assert_eq!(q[1].unit.as_deref(), Some("%"));
        assert_eq!((q[2].value, q[2].max, q[2].what.as_str()), (2300.0, Some(2500.0), "troops"));
        assert_eq!(q[3].unit.as_deref(), Some("km"));
    }

    #[test]
    fn glued_units_ages_and_brackets() {
        let q = quantities(
            "Take 5mg twice. It costs $20k, or £2300pa for IT. The 7-nanometer node. At age 36 I was \
             fine; a 40-year-old man and our eldest (8) too. Twenty-five soldiers were killed.",
        );
        let got: Vec<(f64, &str, Option<&str>)> =
            q.iter().map(|q| (q.value, q.what.as_str(), q.unit.as_deref())).collect();
        assert_eq!(
            got,
            [
                (5.0, "", Some("mg")),
                (20_000.0, "", Some("$")),
                (2300.0, "", Some("£")),
                (7.0, "node", Some("nanometer")),
                (36.0, "age", Some("years")),
                (40.0, "age", Some("years")),
                (8.0, "eldest", None),
                (25.0, "soldiers killed", None),
            ],
            "{q:?}"
        );
        assert_eq!(q[2].text, "£2300pa");
        assert_eq!(q[5].text, "40-year-old");
        assert_eq!(q[6].text, "eldest (8)");
    }

    /// Board furniture, counts of times, compounds and counts of one are no facts; a hedged count of
    /// views is somebody's claim.
    #[test]
    fn numbers_of_names_are_not_counts() {
        let q = quantities(
            "The Python 2 idioms document is old. Returning to the 7.1.0 BETA 2 restores internet access. All our \
             Windows 11 machines are slow, and 37 cranes are building highrises.",
        );
        let got: Vec<(f64, &str)> = q.iter().map(|q| (q.value, q.what.as_str())).collect();
        assert_eq!(got, [(37.0, "cranes")]);
    }

    #[test]
    fn furniture_and_compounds_are_not_counts() {
        let q = quantities(
            "Great post, 12 points and 3 replies. Downloaded 458 times, 1 time. Joined 2019, Posts: 1,204, #12.              A 3 dimension model with 1 coin. Fifty psychological tests. It had more than 39.4 million views              and 2,300 troops, 2 people.",
        );
        let got: Vec<(f64, &str)> = q.iter().map(|q| (q.value, q.what.as_str())).collect();
        assert_eq!(got, [(50.0, "psychological tests"), (39_400_000.0, "views"), (2300.0, "troops"), (2.0, "people")]);
    }

    #[test]
    fn words_and_odd_input() {
        let q = quantities("Twenty five soldiers were killed and two articles agree.");
        assert_eq!((q[0].value, q[0].what.as_str()), (25.0, "soldiers killed"));
        assert_eq!(q.len(), 1, "{q:?}");
        for text in ["", "1", "99999999999999999999999999999999999999", "1,2,3,4", "$", "%%", "1e308 people"] {
            let _ = quantities(text);
        }
    }
}

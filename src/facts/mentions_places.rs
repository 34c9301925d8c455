//! When a name the gazetteer knows as a place is meant as the place: names that are also common words
//! or given names need context ("in Nice", "Nice, France"). `mentions` asks before recording a known name.

use super::is_acronym;
use crate::facts::gazetteer::{acronym_key, Known, GAZETTEER};
use crate::facts::PostText;
use crate::model::EntityKind;

/// Places the gazetteer knows whose names are also common words or given names ("Nice!", "Reading
/// this…", "Jordan said"): they are places only with context, a preposition of place before them ("in
/// Nice", "from Phoenix") or a place, country or state code after them ("Nice, France", "Mobile AL").
const COMMON_WORD_PLACES: &[&str] = &[
    "nice",
    "reading",
    "mobile",
    "bath",
    "split",
    "orange",
    "phoenix",
    "florence",
    "austin",
    "chad",
    "jordan",
    "georgia",
    "victoria",
    "eugene",
    "jackson",
    "lincoln",
    "sydney",
    "paris",
    "dallas",
    "chester",
    "deal",
    "hope",
    "normal",
    "sale",
    "york",
    "warren",
    "marion",
    "troy",
    "salem",
    "independence",
];

/// Two-letter codes that name a country wherever they stand ("the US", "in the UK"): no context needed.
const COUNTRY_CODES: &[&str] = &["US", "UK", "EU"];

/// Words before a place name that say it is one: "in Nice", "from Phoenix", "near Reading".
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "from", "to", "near", "around", "outside", "across", "via", "towards", "toward", "visit", "visited",
    "visiting", "into", "through", "of",
];

/// A known name that is also a common word (`COMMON_WORD_PLACES`) is the place only with context: a
/// preposition of place before it, or a known place, country or state code after it. Other names
/// need nothing.
pub(super) fn placed(post: &PostText, k: usize, end: usize, known: &Known) -> bool {
    let g = &*GAZETTEER;
    let toks = &post.tokens;
    let word = toks[k].text;
    if known.kind == EntityKind::Place && end - k == 1 && in_capitals_line(post, k) {
        return false;
    }
    // "SD", "CT", "GA": a two-letter code is a state only in context (an SD card, a CT scan, GA
    // releases), except the few codes a forum writes for countries.
    let code = word.len() == 2 && is_acronym(word) && !COUNTRY_CODES.contains(&word);
    if known.kind != EntityKind::Place
        || end - k != 1
        || !(code || COMMON_WORD_PLACES.contains(&word.to_lowercase().as_str()))
    {
        return true;
    }
    let before = k.checked_sub(1).is_some_and(|p| PLACE_PREPOSITIONS.iter().any(|w| toks[p].is(w)));
    let n = end + usize::from(toks.get(end).is_some_and(|t| t.text == ","));
    let after = toks.get(n).is_some_and(|t| {
        t.is_capitalized()
            && (acronym_key(t.text).is_some() || g.lookup(t.text).is_some_and(|x| x.kind == EntityKind::Place))
    });
    before || after
}

/// Letters a word in capitals needs to be read as a name written in capitals rather than an acronym:
/// "USA", "UK" are how those names are written.
const MIN_CAPITALS_NAME: usize = 4;

/// "DONLEY DORRINGTON HALL SANTIAGO": a known place written in capitals beside another word in capitals
/// the gazetteer does not know is one item of a list or heading in capitals (a squad of surnames, a
/// shouted headline), where the capitals say nothing about what the word names.
fn in_capitals_line(post: &PostText, k: usize) -> bool {
    let toks = &post.tokens;
    let capitals = |t: &crate::facts::tokens::Token| {
        t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && t.text.chars().all(|c| !c.is_lowercase())
    };
    let word = toks[k].text;
    if word.chars().filter(|c| c.is_alphabetic()).count() < MIN_CAPITALS_NAME || !capitals(&toks[k]) {
        return false;
    }
    let unknown_capitals =
        |i: usize| toks.get(i).is_some_and(|t| t.is_word() && capitals(t) && GAZETTEER.lookup(t.text).is_none());
    k.checked_sub(1).is_some_and(unknown_capitals) || unknown_capitals(k + 1)
}

//! The words around a count: the qualifier that hedges it before ("almost", "at least", "no more than"), the
//! noun phrase it counts after ("peacekeeping troops") and the verb that tells what happened to it ("died",
//! "were killed").

use crate::facts::tokens::Token;
use crate::facts::PostText;

/// Words that hedge a number, longest first so "no more than" wins over "more than".
const QUALIFIERS: &[&str] = &[
    "no more than",
    "no fewer than",
    "no less than",
    "not more than",
    "as many as",
    "as much as",
    "an estimated",
    "more than",
    "fewer than",
    "less than",
    "at least",
    "at most",
    "up to",
    "close to",
    "just over",
    "just under",
    "upwards of",
    "about",
    "around",
    "almost",
    "nearly",
    "approximately",
    "roughly",
    "some",
    "over",
    "under",
    "estimated",
    "approx",
    "circa",
    "only",
];

/// Words that end a noun phrase after a number: function words and verbs that start a clause.
const PHRASE_STOPS: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "from", "by", "with", "and", "or", "for", "that", "which", "who",
    "was", "were", "is", "are", "has", "have", "had", "will", "would", "could", "should", "can", "may", "be", "been",
    "per", "than", "as", "into", "during", "after", "before", "since", "across", "this", "it", "they", "he", "she",
    "we", "you", "not", "so", "but", "if", "when", "while", "ago", "more", "each", "only", "just", "now", "then",
    "too", "also", "again", "here", "there", "still", "yet", "ever", "alone", "my", "your", "his", "her", "its", "our",
    "their", "twice", "once", "daily", "due", "aka", "next", "last", "upside", "does", "did", "do",
];

/// Words after a count that end its noun phrase as the function words do, seen at the end of "what" on
/// tuned threads: quantifiers and adverbs ("21 players plus any", "$5 less", "3 late teens all", "2TB
/// models already", "5-20% tip depending") and verbs in the third person that no forum counts ("40 gets",
/// "30% provides some cover"). Verbs that are also plural nouns ("runs", "shows", "beats") are left out.
const TRAILING_STOPS: &[&str] = &[
    "plus",
    "less",
    "all",
    "any",
    "some",
    "both",
    "either",
    "within",
    "already",
    "anyday",
    "including",
    "depending",
    "currently",
    "overall",
    "gets",
    "provides",
    "seems",
    "means",
    "needs",
    "says",
    "gives",
    "keeps",
    "lets",
    "becomes",
    "includes",
    "contains",
    "requires",
    "allows",
    "helps",
];

/// States written after a count that say what happened to it ("164 people dead").
const STATE_WORDS: &[&str] = &["dead", "missing", "hurt", "homeless", "displaced", "killed", "injured", "wounded"];

/// The hedge right before token `i` ("almost", "at least"), lowercased, and the token it starts at.
pub(super) fn qualifier_before(post: &PostText, i: usize) -> (Option<String>, usize) {
    let toks = &post.tokens;
    // Every qualifier ends in a word: the token before must be one, and end the qualifier (a byte test,
    // before splitting the qualifier into words; this runs for every candidate number).
    let Some(last) = i.checked_sub(1).map(|p| toks[p].text.as_bytes()).filter(|_| toks[i - 1].is_word()) else {
        return (None, i);
    };
    for q in QUALIFIERS {
        let q_bytes = q.as_bytes();
        if q_bytes.len() < last.len() || !q_bytes[q_bytes.len() - last.len()..].eq_ignore_ascii_case(last) {
            continue;
        }
        // Qualifiers are single-space separated: words = spaces + 1.
        let n = q_bytes.iter().filter(|&&b| b == b' ').count() + 1;
        if i < n {
            continue;
        }
        let words = &toks[i - n..i];
        if words.iter().zip(q.split(' ')).all(|(t, w)| t.is(w)) {
            return (Some(q.to_string()), i - n);
        }
    }
    (None, i)
}

/// Up to three lowercase words after the number: "people", "peacekeeping troops", "law enforcement
/// officers". Stops at function words, capitals, punctuation and past participles (the verb).
pub(super) fn noun_phrase<'a>(text: &str, toks: &[Token<'a>], from: usize) -> (Vec<&'a str>, usize) {
    let mut words = Vec::new();
    let mut k = from;
    while let Some(t) = toks.get(k) {
        // An acronym inside the phrase counts when a noun follows it: "4-5 EAS cities", "1 TG advertising".
        let acronym = t.is_word()
            && (2..=5).contains(&t.text.len())
            && t.text.chars().all(|c| c.is_ascii_uppercase())
            && toks.get(k + 1).is_some_and(|n| n.is_lower_word());
        let url = toks.get(k + 1).is_some_and(|n| n.text == ":" && n.end() == t.end() + 1) || t.text == "www";
        // A single letter ("à = Alt + 0224") is a symbol, not a noun.
        let letter = t.text.chars().count() == 1;
        // "2\nGNS": a line break ends the phrase (a count and the next line are two things).
        let new_line = k > 0 && text.get(toks[k - 1].end()..t.start()).is_some_and(|gap| gap.contains('\n'));
        if words.len() == 3
            || !(t.is_lower_word() || acronym)
            || url
            || letter
            || new_line
            || PHRASE_STOPS.contains(&t.text)
            || TRAILING_STOPS.contains(&t.text)
        {
            break;
        }
        if !words.is_empty() && (is_participle(t) || STATE_WORDS.contains(&t.text)) {
            break;
        }
        words.push(t.text);
        k += 1;
    }
    // "of" + noun after a unit-like head: "barrels of oil", "tons of grain".
    (words, k)
}

/// A verb right after the counted noun: "died", "were killed", "dead".
pub(super) fn verb_after<'a>(toks: &[Token<'a>], from: usize) -> Option<(&'a str, usize)> {
    let mut k = from;
    if toks.get(k).is_some_and(|t| ["were", "was", "are", "is", "had", "have", "been"].iter().any(|a| t.is(a))) {
        k += 1;
        if toks.get(k).is_some_and(|t| t.is("been")) {
            k += 1;
        }
    }
    let t = toks.get(k)?;
    (is_participle(t) || STATE_WORDS.contains(&t.text)).then_some((t.text, k + 1))
}

/// A lowercase past form ("detained", "died", "killed"): the verb of the counted thing.
pub(super) fn is_participle(t: &Token) -> bool {
    t.is_lower_word() && t.text.len() > 4 && t.text.ends_with("ed") && !t.text.ends_with("eed")
}

//! What kind of name an unknown capitalized run is, from its own words and the words around it: an
//! organisation ("chipmaker SMIC", "Kaspersky Lab", a camel-case brand), a person (a given name, a
//! title, a speech verb, a role in an appositive), a place (a place suffix, "the town of X", "X, NM"), or
//! nothing said. Also the title and initial cues `mentions` reads while cutting runs. (Which of the
//! organisations are products instead is `products`'.)

use super::products::{camel_brand, is_product};
use super::{adjacent, is_acronym};
use crate::facts::gazetteer::GAZETTEER;
use crate::facts::tokens::{with_lower, Token};
use crate::facts::PostText;
use crate::model::EntityKind;

/// Articles that a name never takes: `a "Car Hire Agency"`, "an Insurance Company" are common nouns in
/// capitals (a term, a kind of business), not one named thing.
const INDEFINITE_ARTICLES: &[&str] = &["a", "an"];
/// Quote marks that may stand between the article and the run: `a "Car Hire Agency"`.
const OPENING_QUOTES: &[&str] = &["\"", "“", "'", "‘"];

/// An indefinite article before token `k`, perhaps with an opening quote mark between.
pub(super) fn indefinite_before(toks: &[Token], k: usize) -> bool {
    let Some(mut p) = k.checked_sub(1) else { return false };
    if OPENING_QUOTES.contains(&toks[p].text) {
        let Some(q) = p.checked_sub(1) else { return false };
        p = q;
    }
    INDEFINITE_ARTICLES.iter().any(|a| toks[p].is(a))
}

/// Words of a name qualified by a place after a comma: "Clovis, NM", "Kensington, London".
const MAX_WORDS_BEFORE_PLACE: usize = 2;

/// Speech verbs after a single unknown name make it a person ("Tokayev said").
const SPEECH_VERBS: &[&str] = &["said", "says", "told", "added", "announced", "stated", "wrote", "asked", "argued"];

/// The kind of an unknown name `toks[k..end]`, from its own words and the words around it; `None` when
/// nothing says what it is (it may still be a short form of a name found elsewhere: "Tokayev"). An
/// organisation that is a product or a program instead ("WordPress") sets `product` (`products`).
pub(super) fn classify(post: &PostText, k: usize, end: usize, titled: bool, product: &mut bool) -> Option<EntityKind> {
    let g = &*GAZETTEER;
    let toks = &post.tokens;
    let words = (k..end).filter(|&t| toks[t].is_word()).count(); // the dot of "W." is no word
    let (first, last) = (toks[k].text, toks[end - 1].text);
    let connector = (k..end).any(|t| toks[t].is_lower_word());
    let known_first = g.lookup(first).map(|known| known.kind);
    // "Clovis, NM", "Savannah, GA", "Paris, France": a name followed by a known place.
    // Only a name of one or two words: "Holter Monitor Data, London office" is a phrase and a place.
    let place_follows = words <= MAX_WORDS_BEFORE_PLACE
        && toks.get(end).is_some_and(|t| t.text == ",")
        && toks
            .get(end + 1)
            .is_some_and(|t| t.is_capitalized() && g.lookup(t.text).is_some_and(|k| k.kind == EntityKind::Place));
    // A byline opens its line ("By Osagie Otabor, Benin"); "created by Docker Compose" names a tool.
    let byline = k.checked_sub(1).is_some_and(|p| {
        toks[p].is("by")
            && (toks[p].text == "By"
                || post.text[..toks[p].start()].trim_end_matches([' ', '\t']).ends_with('\n')
                || toks[p].start() == 0)
    });
    let org_cued = org_head_before(toks, k) || org_role_after(toks, end) || listed_with_org(toks, k, end);
    if words == 1 && is_acronym(first) {
        // An acronym is an entity only when tied to its expansion, known, or cued as an organisation
        // ("chipmaker SMIC", "SMIC engineers").
        org_cued.then_some(EntityKind::Organisation)
    } else if (org_cued && !connector && words <= 3 && !g.is_given_name(first))
        || (words == 1 && camel_brand(post, end, first))
        || g.is_org_suffix(last)
        || (connector && g.is_org_suffix(first))
        || known_first == Some(EntityKind::Organisation)
        || town_club(words, last, known_first)
    {
        // An organisation cue (`org_cued`) is evidence against a product; `is_product` reads the others.
        *product = !org_cued && is_product(post, k, end);
        Some(EntityKind::Organisation)
    } else if titled
        || speech_follows(toks, end)
        || ((2..=3).contains(&words) && !connector && (g.is_given_name(first) || byline || role_follows(toks, end)))
    {
        Some(EntityKind::Person)
    } else if (words >= 2 && g.is_place_suffix(last) && !model_code_follows(post, end))
        || (connector && g.is_place_head(first))
        || place_follows
        || place_noun_of(toks, k)
    {
        Some(EntityKind::Place)
    } else if spelled_out(toks, k, end) {
        Some(EntityKind::Organisation)
    } else {
        None
    }
}

/// Words that make a known town the name of a sports club when written before it: "Real Madrid",
/// "Atletico Madrid", "Bayern Munich", "AC Milan". The town alone is then the club's short form too
/// ("Madrid wants the title"), not the place (`entities` drops it).
const CLUB_WORDS_BEFORE: &[&str] = &[
    "real",
    "atletico",
    "atlético",
    "inter",
    "ac",
    "as",
    "fc",
    "afc",
    "sporting",
    "bayern",
    "borussia",
    "dynamo",
    "dinamo",
    "olympique",
    "racing",
    "athletic",
    "deportivo",
];
/// Words that make a known town a club's name when written after it: "Atlanta United", "Blackburn
/// Rovers", "Bolton Wanderers", "Glasgow Rangers". ("City" is [`town_club`]'s: "Kansas City" is a place.)
const CLUB_WORDS_AFTER: &[&str] =
    &["united", "fc", "afc", "rovers", "wanderers", "hotspur", "albion", "rangers", "athletic"];

/// The town in a two-word club name ("Real Madrid", "Atlanta United"): a place the gazetteer knows
/// with a club word before or after it. `None` for anything else.
pub(crate) fn club_town<'a>(first: &'a str, second: &'a str) -> Option<&'a str> {
    let g = &*GAZETTEER;
    let place = |w: &str| g.lookup(w).is_some_and(|k| k.kind == EntityKind::Place);
    let club_word = |list: &[&str], w: &str| list.iter().any(|c| w.eq_ignore_ascii_case(c));
    if club_word(CLUB_WORDS_BEFORE, first) && place(second) {
        Some(second)
    } else if club_word(CLUB_WORDS_AFTER, second) && place(first) {
        Some(first)
    } else {
        None
    }
}

/// "Leicester City", "Manchester City": a known town and "City" that the gazetteer does not know as one
/// place ("Kansas City", "Mexico City" it knows) is a club named for the town: an organisation.
fn town_club(words: usize, last: &str, known_first: Option<EntityKind>) -> bool {
    words == 2 && last.eq_ignore_ascii_case("city") && known_first == Some(EntityKind::Place)
}

/// "Quiet Harbour Rowing Collective (QHRC)" or "QHRC (Quiet Harbour Rowing Collective)": a run the text
/// itself ties to an acronym of its capitalised words' initials names something, even when no gazetteer
/// knows it; most often an organisation. Checked after the place cues, so "United Arab Emirates (UAE)"
/// stays a place; never for a run ending in a word for a thing (`THINGS`). The acronym then merges onto the run as its alias (`entities::short_form_of`).
fn spelled_out(toks: &[Token], k: usize, end: usize) -> bool {
    // Laws, diseases, measures and formats are spelled out as often as organisations ("General Data
    // Protection Regulation (GDPR)" in a labelled thread), but they are none of the entity kinds.
    const THINGS: &[&str] = &[
        "regulation",
        "act",
        "directive",
        "law",
        "treaty",
        "agreement",
        "protocol",
        "standard",
        "disease",
        "syndrome",
        "disorder",
        "index",
        "product",
        "rate",
        "format",
        "text",
        "interface",
        "language",
        "test",
        "score",
    ];
    if THINGS.iter().any(|w| toks[end - 1].text.eq_ignore_ascii_case(w)) {
        return false;
    }
    let initials: String =
        toks[k..end].iter().filter(|t| t.is_capitalized()).filter_map(|t| t.text.chars().next()).collect();
    // One initial is no acronym; `is_acronym` caps the other end.
    if initials.chars().count() < 2 {
        return false;
    }
    let is_acronym_of_run = |t: Option<&Token>| {
        t.is_some_and(|t| is_acronym(t.text) && t.text.chars().filter(|c| c.is_alphabetic()).eq(initials.chars()))
    };
    let bracket = |i: usize, c: &str| toks.get(i).is_some_and(|t| t.text == c);
    let acronym_after = bracket(end, "(") && is_acronym_of_run(toks.get(end + 1)) && bracket(end + 2, ")");
    let acronym_before = k >= 2 && bracket(k - 1, "(") && is_acronym_of_run(toks.get(k - 2)) && bracket(end, ")");
    acronym_after || acronym_before
}

fn speech_follows(toks: &[Token], end: usize) -> bool {
    let mut k = end;
    if toks.get(k).is_some_and(|t| t.is_possessive()) {
        return false;
    }
    if toks.get(k).is_some_and(|t| t.text == ",") {
        k += 1;
    }
    toks.get(k).is_some_and(|t| SPEECH_VERBS.iter().any(|v| t.is(v)))
}

/// Lowercase nouns that name what an organisation is, right before its name: "chipmaker SMIC", "the
/// broadcaster Nieuwsuur", "social network Facebook". Any word ending in "maker" counts too ("carmaker").
/// Not "startup": "PC startup View original" is booting.
pub(super) const ORG_HEADS: &[&str] = &[
    "company",
    "firm",
    "manufacturer",
    "retailer",
    "brand",
    "platform",
    "network",
    "website",
    "broadcaster",
    "newspaper",
    "publisher",
    "agency",
    "supplier",
    "airline",
    "bank",
    "insurer",
    "outlet",
    "charity",
    "developer",
    "studio",
    "vendor",
    "conglomerate",
    "giant",
    "subsidiary",
    "rival",
    "rivals",
    "competitor",
    "competitors",
    "brands",
    "companies",
    "firms",
    "platforms",
    "manufacturers",
];

/// Lowercase nouns right after a name (or its possessive) that only organisations have: "ASML CEO",
/// "SMIC engineers", "ASML's headquarters", "Discord servers".
const ORG_ROLES: &[&str] = &[
    "ceo",
    "cfo",
    "cto",
    "coo",
    "chairman",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "employees",
    "engineers",
    "staff",
    "shares",
    "stock",
    "headquarters",
    "executives",
    "founder",
    "founders",
    "shareholders",
    "subsidiary",
    "servers",
    "headquarter",
    "workforce",
];

/// Role nouns in an appositive after a person's name: "Lin Nan, ASML's former head of ...".
const PERSON_ROLES: &[&str] = &[
    "head",
    "chief",
    "founder",
    "director",
    "analyst",
    "editor",
    "reporter",
    "author",
    "successor",
    "predecessor",
    "boss",
    "manager",
    "engineer",
    "researcher",
    "scientist",
    "professor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ceo",
    "chairman",
    "chairwoman",
    "president",
    "minister",
    "leader",
];

/// Lowercase nouns of places before "of": "the Dutch town of Veldhoven", "the city of Fairfield".
const PLACE_NOUNS: &[&str] =
    &["town", "city", "village", "suburb", "province", "region", "county", "capital", "state", "island", "port"];

fn org_head_before(toks: &[Token], k: usize) -> bool {
    let Some(prev) = k.checked_sub(1).map(|p| &toks[p]) else { return false };
    prev.is_lower_word() && (ORG_HEADS.contains(&prev.text) || (prev.text.len() > 6 && prev.text.ends_with("maker")))
}

fn org_role_after(toks: &[Token], end: usize) -> bool {
    let mut k = end;
    if toks.get(k).is_some_and(|t| t.is_possessive()) {
        k += 1;
        // "ASML's former head", "SMIC's new CEO"
        if toks.get(k).is_some_and(|t| ["former", "new", "own", "chief"].contains(&t.text)) {
            k += 1;
        }
    }
    toks.get(k).is_some_and(|t| with_lower(t.text, |w| ORG_ROLES.contains(&w)))
}

/// "Shopify, Wix, Sellvia and others", "ASML, Canon, or Nikon": a name in a list beside a known
/// organisation is one too. Walks the list both ways over single capitalized names.
fn listed_with_org(toks: &[Token], k: usize, end: usize) -> bool {
    let g = &*GAZETTEER;
    if end != k + 1 {
        return false; // lists of brands are single words; "Lin Nan, ASML's former head" is an appositive
    }
    let is_org = |j: usize| {
        g.lookup(toks[j].text).is_some_and(|known| known.kind == EntityKind::Organisation)
            && !toks.get(j + 1).is_some_and(|t| t.is_possessive())
    };
    let sep = |t: &Token| t.text == "," || t.is("and") || t.is("or");
    // Rightwards: ", X", "and X", ", or X".
    let mut j = end;
    for _ in 0..6 {
        while toks.get(j).is_some_and(sep) {
            j += 1;
        }
        if j == end || !toks.get(j).is_some_and(|t| t.is_capitalized()) {
            break;
        }
        if is_org(j) {
            return true;
        }
        j += 1;
    }
    // Leftwards.
    let mut j = k;
    for _ in 0..6 {
        let mut p = j;
        while p > 0 && sep(&toks[p - 1]) {
            p -= 1;
        }
        if p == j || p == 0 || !toks[p - 1].is_capitalized() {
            break;
        }
        if is_org(p - 1) {
            return true;
        }
        j = p - 1;
    }
    false
}

/// "Lin Nan, ASML's former head of light source technology": an appositive that gives a role.
fn role_follows(toks: &[Token], end: usize) -> bool {
    if toks.get(end).is_none_or(|t| t.text != ",") {
        return false;
    }
    toks.iter()
        .skip(end + 1)
        .take(5)
        .take_while(|t| t.kind != crate::facts::tokens::Kind::Punct || t.is_possessive())
        .any(|t| with_lower(t.text, |w| PERSON_ROLES.contains(&w)))
}

/// "the Dutch town of Veldhoven": a place noun and "of" right before the name.
fn place_noun_of(toks: &[Token], k: usize) -> bool {
    k >= 2 && toks[k - 1].is("of") && toks[k - 2].is_lower_word() && PLACE_NOUNS.contains(&toks[k - 2].text)
}

/// "A." between two capitalized words of a run: a middle initial.
pub(super) fn middle_initial(toks: &[Token], j: usize, text: &str) -> bool {
    let (Some(letter), Some(dot), Some(next)) = (toks.get(j), toks.get(j + 1), toks.get(j + 2)) else { return false };
    letter.is_capitalized()
        && letter.text.chars().count() == 1
        && adjacent(&toks[j - 1], letter, text)
        && dot.text == "."
        && dot.start() == letter.end()
        && next.is_capitalized()
        && adjacent(dot, next, text)
}

/// "Dr. Mengele", "Mr. Smith": a title abbreviation and its dot right before the name.
pub(super) fn dotted_title_before(post: &PostText, i: usize) -> Option<String> {
    let toks = &post.tokens;
    let (title, dot) = (toks.get(i.checked_sub(2)?)?, toks.get(i - 1)?);
    // "Dr." and "Mrs." are written in Title case; "MS." ends a sentence about multiple sclerosis.
    let title_case = title.text.chars().skip(1).all(char::is_lowercase);
    (dot.text == "."
        && dot.start() == title.end()
        && title.is_capitalized()
        && title_case
        && GAZETTEER.is_title(title.text))
    .then(|| post.text[title.start()..dot.end()].to_string())
}

/// "Meteor Lake 185H", "Coffee Lake i7-8700": a name ending as a place followed by a model code (one
/// word of digits and letters) is a product line, a chip's code name, not a place. A year or a bare
/// number after it ("Lake Placid 1980") says nothing.
fn model_code_follows(post: &PostText, end: usize) -> bool {
    // The raw word after the name: the tokenizer splits "185H" into a number and a letter.
    let after = &post.text[post.tokens[end - 1].end()..];
    let Some(rest) = after.strip_prefix(' ') else { return false };
    let word = rest.split(|c: char| c.is_whitespace() || matches!(c, ')' | ',' | ';')).next().unwrap_or("");
    word.bytes().any(|b| b.is_ascii_digit()) && word.bytes().any(|b| b.is_ascii_alphabetic())
}

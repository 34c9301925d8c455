//! People, organisations and places: capitalized word runs, cut at titles and demonyms, classified with
//! the gazetteers and cue words, then merged (full and short forms, acronyms and their expansions,
//! spelling variants) and ranked by importance in the thread.

mod clubs;
mod short_forms;

use super::gazetteer::key;
use super::hash::{FastMap as HashMap, FastSet};
use super::mentions::{common_word, find_mentions, in_domain, is_acronym, LowerWords, Mention};
use super::tokens::with_lower;
use super::PostText;
use crate::model::{Entity, EntityKind, Work};
use short_forms::ShortForms;

/// Mid-sentence mentions an unknown one-word name needs when nothing else (a title, a role, a cue
/// of its kind) says it is a name: seen once, a capital may be a typo or emphasis.
const MIN_MID_SENTENCE: usize = 2;
/// Posts a brand written only in lowercase ("facebook") must appear in: once, a lowercase word may be the
/// common word or a slip ("un groupe facebook"); a capitalized form anywhere in the thread is evidence too.
const MIN_LOWER_BRAND_POSTS: usize = 2;
/// A known alias this short that is not an acronym ("Fed" for the Federal Reserve, "Met") is also an
/// ordinary word ("Fed up with it"): it names the entity only when the thread writes a fuller form too.
const MAX_AMBIGUOUS_ALIAS_CHARS: usize = 3;
/// Mentions an unknown Title Case run ending in a common word needs to be a name ([`common_phrase`]):
/// written once, "Holter Monitor Data" is a phrase capitalized for emphasis or as a heading.
const MIN_PHRASE_MENTIONS: usize = 2;

/// An entity being built: its forms and mentions.
#[derive(Debug)]
struct Acc {
    name: String,
    kind: EntityKind,
    forms: Vec<String>,
    mentions: usize,
    posts: Vec<usize>,
    first: (usize, usize),
    role: Option<String>,
    /// Which rule let the entity through ([`Evidence`]): for the fact evaluation's breakdown only.
    evidence: Evidence,
    /// Some mention of it was cut from a run at an "and" ("Devine and Scarlett").
    from_and: bool,
    /// A product or a program read as an organisation ("WordPress", "QuickAdd", "M2 Air"): a
    /// work, not an entity. Some mention has a product cue (`mentions_products.rs`) and none is `company`.
    product: bool,
    /// Some mention is a known organisation's, or was read as an organisation with no product cue.
    company: bool,
}

/// How an entity was found, for the fact evaluation: the rule that let it through, and whether a
/// mention of it came from cutting "X and Y" in two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trace {
    pub evidence: Evidence,
    pub from_and: bool,
    /// The thread was read as English.
    pub english: bool,
}

/// The rule that let an entity through, for the fact evaluation (`facts_eval` prints false facts by it);
/// never shown on the card nor in the JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Evidence {
    /// A form the gazetteer knows (names, places, brands, lowercase brands).
    #[default]
    Gazetteer,
    /// English: an unknown run of several capitalized words.
    MultiWord,
    /// English: a title or role written with it.
    Role,
    /// English: a cue of its kind (an organisation or place suffix, a place preposition, a speech verb).
    KindCue,
    /// English: an unknown single word written mid-sentence at least twice.
    RepeatedMidSentence,
    /// English: an acronym.
    Acronym,
    /// Not English: an unknown run of several capitalized words mid-sentence.
    MultiWordOther,
}

/// Finds the entities of the thread, most important first. `authors` are the thread's posters: their
/// user names are participants, not entities of the story.
pub fn extract(posts: &[PostText], english: bool, authors: &[&str]) -> Vec<Entity> {
    extract_with_products(posts, english, authors).0
}

/// [`extract`], and the products and programs found among the names read as organisations ("WordPress",
/// "VirtualBox", "M2 Air"): works the thread mentions, for the card's works. They are moved there rather
/// than dropped: the renderers and the JSON export list works under "Mentioned", and a program's name is
/// still a fact of the thread (see `mentions_products.rs` for what makes a name a product).
pub fn extract_with_products(posts: &[PostText], english: bool, authors: &[&str]) -> (Vec<Entity>, Vec<Work>) {
    let (entities, works) = extract_all(posts, english, authors);
    (entities.into_iter().map(|(e, _)| e).collect(), works)
}

/// [`extract`], each entity with the rule that let it through (for the fact evaluation).
pub fn extract_traced(posts: &[PostText], english: bool, authors: &[&str]) -> Vec<(Entity, Trace)> {
    extract_all(posts, english, authors).0
}

/// Every entity with its trace, and the products taken out of them (in the order they were merged: the
/// first mentioned first among names of as many words).
fn extract_all(posts: &[PostText], english: bool, authors: &[&str]) -> (Vec<(Entity, Trace)>, Vec<Work>) {
    // Lowercase words of running text; not those of domains ("kodyboy555.deviantart.com" says nothing
    // about "DeviantArt" being a common word).
    let lower: LowerWords = posts
        .iter()
        .flat_map(|p| {
            p.tokens
                .iter()
                .enumerate()
                .filter(|(i, t)| t.is_lower_word() && !in_domain(&p.tokens, *i))
                .map(|(_, t)| t.text)
        })
        .collect();
    let mut mentions = Vec::new();
    let mut headed = Vec::new();
    for post in posts {
        find_mentions(post, english, &lower, &mut mentions, &mut headed);
    }
    let total: usize = posts.iter().map(|p| p.text.len()).sum::<usize>().max(1);
    let offsets: Vec<usize> = posts
        .iter()
        .scan(0, |acc, p| {
            let here = *acc;
            *acc += p.text.len();
            Some(here)
        })
        .collect();
    let mut accs = merge(mentions, english, &lower);
    clubs::drop_club_towns(&mut accs);
    clubs::drop_towns_used_as_clubs(&mut accs, posts);
    // ASCII-lowercased user names: one lookup per entity instead of a scan of every poster.
    // The board's headers name posters too ("Arantor said:", "@Linc"): on a page read as one text they are
    // the only sign of who posted. Any form of an entity that is a poster's name makes it a participant.
    let posters: FastSet<String> = authors.iter().map(|u| u.to_ascii_lowercase()).chain(headed).collect();
    // A product leaves the entities for the works (in one pass with the posters: one `retain`).
    let mut products = Vec::new();
    accs.retain(|a| {
        let poster = posters.contains(&a.name.to_ascii_lowercase())
            || a.forms.iter().any(|f| posters.contains(&f.to_ascii_lowercase()));
        if a.product && !poster {
            products.push(Work { name: a.name.clone(), post: a.first.0, posts: a.posts.clone() });
        }
        !poster && !a.product
    });
    let mut scored: Vec<(f64, (Entity, Trace))> = accs
        .into_iter()
        .map(|a| {
            let position = (offsets.get(a.first.0).copied().unwrap_or(0) + a.first.1) as f64 / total as f64;
            let spread = a.posts.len() as f64;
            let score = a.mentions as f64 + 1.5 * (spread - 1.0) + 2.0 * (1.0 - position);
            let aliases = a.forms.iter().filter(|f| **f != a.name).cloned().collect();
            let entity =
                Entity { name: a.name, kind: a.kind, mentions: a.mentions, post: a.first.0, aliases, role: a.role };
            (score, (entity, Trace { evidence: a.evidence, from_and: a.from_and, english }))
        })
        .collect();
    crate::sort::sort_by(&mut scored, |a, b| b.0.total_cmp(&a.0));
    (scored.into_iter().map(|(_, e)| e).collect(), products)
}

/// Groups mentions into entities: same canonical key; acronyms onto the name whose initials they are;
/// single words onto the person or organisation whose name ends (or starts) with them.
fn merge(mentions: Vec<Mention>, english: bool, lower: &LowerWords) -> Vec<Acc> {
    let mut accs: Vec<Acc> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    // Longest forms first, so short forms and acronyms find what they stand for.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    crate::sort::sort_by_key(&mut order, |&m| {
        (mentions[m].demonym, std::cmp::Reverse(mentions[m].form.split_whitespace().count()))
    });
    let mut assigned: Vec<Option<usize>> = vec![None; mentions.len()];
    let mut short_forms = ShortForms::default();
    for &m in &order {
        let mention = &mentions[m];
        let form_key = key(&mention.form);
        let canon_key = mention.canonical.as_deref().map(key);
        let existing = canon_key
            .as_ref()
            .and_then(|k| by_key.get(k))
            .or_else(|| by_key.get(&form_key))
            .copied()
            .or_else(|| short_forms.find(&accs, &mention.form));
        let idx = match existing {
            Some(idx) => idx,
            None if mention.demonym || !mention.prose => continue,
            None => {
                let Some(kind) = mention.kind else { continue };
                accs.push(Acc {
                    name: mention.form.clone(),
                    kind,
                    forms: Vec::new(),
                    mentions: 0,
                    posts: Vec::new(),
                    first: (usize::MAX, usize::MAX),
                    role: None,
                    evidence: Evidence::Gazetteer,
                    from_and: false,
                    product: false,
                    company: false,
                });
                accs.len() - 1
            }
        };
        assigned[m] = Some(idx);
        let acc = &mut accs[idx];
        if !mention.demonym && !acc.forms.iter().any(|f| key(f) == form_key) {
            acc.forms.push(mention.form.clone());
            short_forms.add(&mention.form, idx);
        }
        if mention.kind == Some(EntityKind::Person) && acc.kind != EntityKind::Person && mention.canonical.is_none() {
            // A title or speech verb is stronger evidence than the default guess.
            if acc.forms.len() == 1 {
                acc.kind = EntityKind::Person;
            }
        }
        by_key.entry(form_key).or_insert(idx);
        if let Some(k) = canon_key {
            by_key.entry(k).or_insert(idx);
        }
        if acc.role.as_ref().is_none_or(|r| mention.role.as_ref().is_some_and(|n| n.len() > r.len())) {
            acc.role = mention.role.clone().or(acc.role.take());
        }
    }
    for (m, idx) in assigned.iter().enumerate() {
        let Some(idx) = *idx else { continue };
        let acc = &mut accs[idx];
        acc.mentions += 1;
        acc.from_and |= mentions[m].from_and;
        // A product ([`Acc::product`]): some mention has a product cue, none is a known organisation's
        // nor read as an organisation without one ("the company X" keeps X an organisation).
        let mention = &mentions[m];
        acc.product |= mention.product;
        acc.company |=
            mention.canonical.is_some() || (!mention.product && mention.kind == Some(EntityKind::Organisation));
        if !acc.posts.contains(&mentions[m].post) {
            acc.posts.push(mentions[m].post);
        }
        acc.first = acc.first.min((mentions[m].post, mentions[m].start));
    }
    // The name shown is the fullest form the page uses; single words need more than a sentence-initial
    // capital to count as a name.
    for acc in &mut accs {
        let fullest = acc.forms.iter().fold(None::<&String>, |best, f| match best {
            Some(b) if (b.split_whitespace().count(), b.len()) >= (f.split_whitespace().count(), f.len()) => Some(b),
            _ => Some(f),
        });
        if let Some(fullest) = fullest {
            acc.name = fullest.clone();
        }
        crate::sort::sort(&mut acc.posts);
    }
    for acc in &mut accs {
        acc.product &= acc.kind == EntityKind::Organisation && !acc.company;
    }
    // Each entity's mentions, in the order they were found: one pass, not one per entity.
    let mut of_acc: Vec<Vec<&Mention>> = accs.iter().map(|_| Vec::new()).collect();
    for (m, a) in mentions.iter().zip(&assigned) {
        if let Some(idx) = *a {
            of_acc[idx].push(m);
        }
    }
    let solid: Vec<Option<Evidence>> = accs
        .iter()
        .zip(&of_acc)
        .map(|(acc, mine)| {
            let multi = acc.forms.iter().any(|f| f.split_whitespace().count() > 1);
            let multi_inside = mine.iter().any(|m| !m.initial && m.form.split_whitespace().count() > 1);
            let known = mine.iter().any(|m| m.canonical.is_some());
            let non_initial = mine.iter().filter(|m| !m.initial).count();
            // Evidence for an unknown name: a title or role, a cue of its kind, or two mentions
            // mid-sentence. A capital that opens a sentence is never enough on its own (a run of
            // several words has its kind from its words: a given name, a suffix, a title).
            let phrase = common_phrase(acc, lower);
            let found = if known {
                Some(Evidence::Gazetteer)
            } else if english && multi && !phrase {
                Some(Evidence::MultiWord)
            } else if english && non_initial >= 1 && acc.role.is_some() {
                Some(Evidence::Role)
            } else if english && non_initial >= 1 && acc.kind != EntityKind::Person {
                Some(Evidence::KindCue)
            } else if english && non_initial >= MIN_MID_SENTENCE {
                Some(Evidence::RepeatedMidSentence)
            } else if english && is_acronym(&acc.name) {
                Some(Evidence::Acronym)
            } else if !english && multi_inside && !joined_by_lowercase(&acc.name) {
                Some(Evidence::MultiWordOther)
            } else {
                None
            };
            found.filter(|_| has_evidence(mine, acc.posts.len()))
        })
        .collect();
    accs.into_iter()
        .zip(solid)
        .filter_map(|(mut a, s)| {
            a.evidence = s?;
            (a.mentions > 0).then_some(a)
        })
        .collect()
}

/// "Holter Monitor Data", "Customer Service", "Heart Center": an unknown run of capitalized words whose
/// last word the thread also writes in lowercase is a Title Case common-noun phrase, unless something
/// says it is a name: a title or role, a first word that is a given name or a known name ("Istanbul
/// Park"), a place suffix ("Fairfield County", "Thief River Falls"), or being written again
/// (`MIN_PHRASE_MENTIONS`).
fn common_phrase(acc: &Acc, lower: &LowerWords) -> bool {
    let g = &*super::gazetteer::GAZETTEER;
    let words: Vec<&str> = acc.name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
    words.len() >= 2
        && acc.role.is_none()
        && acc.mentions < MIN_PHRASE_MENTIONS
        && !g.is_given_name(first)
        && !g.is_place_suffix(last)
        && g.lookup(first).is_none()
        && with_lower(last, |w| common_word(lower, w))
}

/// A mention that alone does not show the entity is meant: a brand written in lowercase ("facebook"), or
/// a short known alias that is also a common word ("Fed").
fn doubtful(m: &Mention) -> bool {
    let lower = !m.form.chars().any(char::is_uppercase);
    let short_alias = m.canonical.as_deref().is_some_and(|c| key(c) != key(&m.form))
        && !m.form.contains(' ')
        && m.form.chars().count() <= MAX_AMBIGUOUS_ALIAS_CHARS
        && !is_acronym(&m.form);
    lower || short_alias
}

/// The entity's mentions show it is meant: one that is not doubtful, or a lowercase brand written in
/// several posts.
fn has_evidence(mentions: &[&Mention], posts: usize) -> bool {
    let lower_only = mentions.iter().all(|m| !m.form.chars().any(char::is_uppercase));
    mentions.iter().any(|m| !doubtful(m)) || (lower_only && posts >= MIN_LOWER_BRAND_POSTS)
}

/// "Teile der Software": outside English, capitalised nouns joined by an article are a noun phrase,
/// not a name (German capitalises every noun); a known name with a connector is found by the gazetteer.
fn joined_by_lowercase(name: &str) -> bool {
    name.split_whitespace().any(|w| w.chars().next().is_some_and(char::is_lowercase))
}

#[cfg(test)]
mod tests;

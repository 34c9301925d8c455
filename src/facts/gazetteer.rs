//! Gazetteers: countries with their demonyms and capitals, major cities and regions, well-known
//! organisations, and the word lists the entity finder uses as cues.
//!
//! The data lives in `data/*.txt` (written for this project from general knowledge; see NOTICE), about 21 KB
//! in all. `build.rs` indexes it at compile time into sorted static tables (keys made by [`keys`], the
//! module both share: src/facts/gazetteer_build.rs does the indexing), kept compact as offsets into one
//! text (src/facts/gazetteer_tables.rs), and a lookup is a binary search. The run time builds no map or set,
//! so the tables cost no heap, and in WASM no linear memory: indexing them at first use took 144 KB of heap
//! (measured with valgrind massif), in a fresh WASM instance the whole budget of a 14 KB page.

use super::tokens::with_lower;
use crate::model::EntityKind;

#[path = "gazetteer_keys.rs"]
mod keys;
pub use keys::{acronym_key, key};

/// The tables `build.rs` writes, as offsets into one text (see the module's doc for why).
#[path = "gazetteer_tables.rs"]
mod tables;
pub use tables::Name;

/// What a gazetteer knows about a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    /// The canonical name of the entity ("Russia" for "Russian Federation", "United Nations" for "UN"),
    /// shown with `Display`: most names are stored as their key, capitalised when shown ([`Name`]).
    pub name: Name,
    pub kind: EntityKind,
}

/// The gazetteer: its tables are statics ([`tables`]), so this only names the lookups.
///
/// - names: lowercased name or alias → entity;
/// - acronyms (capitals, no dots: "US", "CSTO") → entity. Case matters: "US" is a country, "Us" is not;
/// - dotted: acronyms the data lists only with dots ("D.C."): they match only when written with dots,
///   since the bare letters are often something else ("DC" is "dear children" on parenting boards, a comic
///   publisher, direct current);
/// - lower brands: brands whose lowercase form is a mention too ("facebook", "reddit"): `lower` in orgs.txt;
/// - given names (lowercase): "Angela Merkel" is a person because of "Angela";
/// - demonyms (lowercase) → country ("kazakh" → "Kazakhstan");
/// - the cue word lists of words.txt.
pub struct Gazetteer {
    /// Longest gazetteer name in words, so lookups try only spans that could match.
    pub longest: usize,
}

/// The one gazetteer, a plain static (nothing to build), read through [`GAZETTEER`].
static TABLES: Gazetteer = Gazetteer { longest: tables::LONGEST };

/// The gazetteer's handle: `&*GAZETTEER` and `GAZETTEER.lookup(..)` read as they did when it was built
/// lazily at first use.
pub struct Handle;
pub static GAZETTEER: Handle = Handle;

impl std::ops::Deref for Handle {
    type Target = Gazetteer;
    fn deref(&self) -> &Gazetteer {
        &TABLES
    }
}

impl Gazetteer {
    /// The entity a name (or alias, or acronym) stands for.
    pub fn lookup(&self, form: &str) -> Option<&'static Known> {
        match acronym_key(form) {
            Some(a) if form.contains('.') => tables::ACRONYMS.get(&a).or_else(|| tables::DOTTED.get(&a)),
            Some(a) => tables::ACRONYMS.get(&a),
            None => tables::NAMES.get(&key(form)),
        }
    }

    /// A brand written in lowercase ("facebook"), when the data says its lowercase form is no English word.
    pub fn lower_brand(&self, word: &str) -> Option<&'static Known> {
        // Called for every lowercase word: most are short function words no brand is.
        if word.len() < 4 || tables::LOWER_BRANDS.is_empty() {
            return None;
        }
        with_lower(word, |w| tables::LOWER_BRANDS.get(w))
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        with_lower(word, |w| tables::GIVEN_NAMES.contains(w))
    }
    pub fn is_place_suffix(&self, word: &str) -> bool {
        with_lower(word, |w| tables::PLACE_SUFFIXES.contains(w))
    }
    pub fn is_place_head(&self, word: &str) -> bool {
        with_lower(word, |w| tables::PLACE_HEADS.contains(w))
    }
    /// A word that, before a known place, makes the whole a name of that place: "Greater London".
    pub fn is_place_qualifier(&self, word: &str) -> bool {
        with_lower(word, |w| tables::PLACE_QUALIFIERS.contains(w))
    }

    /// The country of a demonym: "Kazakh" → "Kazakhstan".
    pub fn demonym(&self, word: &str) -> Option<&'static str> {
        with_lower(word, |w| tables::DEMONYMS.get(w).map(|n| n.as_str()))
    }
    pub fn is_title(&self, word: &str) -> bool {
        with_lower(word, |w| tables::TITLES.contains(w))
    }
    /// A word that is part of a title only before one: "Foreign" in "Foreign Minister".
    pub fn is_title_modifier(&self, word: &str) -> bool {
        with_lower(word, |w| tables::TITLE_MODIFIERS.contains(w))
    }
    pub fn is_org_suffix(&self, word: &str) -> bool {
        with_lower(word, |w| tables::ORG_SUFFIXES.contains(w))
    }
    pub fn is_connector(&self, word: &str) -> bool {
        tables::CONNECTORS.contains(word)
    }
    /// A capitalized word that is never a name by itself ("The", "Tuesday", "January", "He").
    pub fn is_not_name(&self, word: &str) -> bool {
        with_lower(word, |w| tables::NOT_NAMES.contains(w))
    }
    pub fn is_stopword(&self, word: &str) -> bool {
        with_lower(word, |w| tables::STOPWORDS.contains(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_places_demonyms_and_orgs() {
        let g = &*GAZETTEER;
        assert_eq!(g.lookup("Almaty").map(|k| k.kind), Some(EntityKind::Place));
        assert_eq!(g.lookup("Russian Federation").map(|k| k.name.to_string()).as_deref(), Some("Russia"));
        assert_eq!(g.demonym("Kazakh"), Some("Kazakhstan"));
        assert_eq!(g.lookup("Collective Security Treaty Organisation").map(|k| k.kind), Some(EntityKind::Organisation));
        assert_eq!(g.lookup("U.S.").map(|k| k.name.to_string()).as_deref(), Some("United States"));
        assert!(g.is_title("President") && g.is_org_suffix("Alliance") && g.is_not_name("Tuesday"));
        assert!(g.longest >= 4);
        assert_eq!(g.lookup("US").map(|k| k.name.to_string()).as_deref(), Some("United States"));
        assert!(g.lookup("Us").is_none() && g.lookup("Hi").is_none());
        // "D.C." is Washington; bare "DC" is not (the data lists it with dots only).
        assert_eq!(g.lookup("D.C.").map(|k| k.name.to_string()).as_deref(), Some("Washington DC"));
        assert!(g.lookup("DC").is_none());
        // Names stored as they are (not their key's title case) and names of another table's key.
        let name = |form: &str| g.lookup(form).map(|k| k.name.to_string());
        assert_eq!(name("bosnia and herzegovina").as_deref(), Some("Bosnia and Herzegovina"));
        assert_eq!(name("UN").as_deref(), Some("United Nations"));
        assert_eq!(format!("{:?}", g.lookup("UN").map(|k| k.name)), "Some(\"United Nations\")");
        assert!(g.is_given_name("Angela") && g.is_place_suffix("County") && g.is_place_head("Kingdom"));
    }

    #[test]
    fn data_stays_small() {
        let data = ["countries", "cities", "orgs", "words", "names"].map(|f| {
            std::fs::read_to_string(format!("{}/data/{f}.txt", env!("CARGO_MANIFEST_DIR"))).map_or(0, |d| d.len())
        });
        assert!(data.iter().sum::<usize>() < 30_000);
    }
}

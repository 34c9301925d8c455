//! Gazetteers: countries with their demonyms and capitals, major cities and regions, well-known
//! organisations, and the word lists the entity finder uses as cues.
//!
//! The data lives in `data/*.txt` (written for this project from general knowledge; see NOTICE), embedded
//! with `include_str!` and indexed once on first use. About 21 KB in all.

use super::hash::{FastMap as HashMap, FastSet as HashSet};
use super::tokens::with_lower;
use crate::model::EntityKind;
use std::sync::LazyLock;

const COUNTRIES: &str = include_str!("../../data/countries.txt");
const CITIES: &str = include_str!("../../data/cities.txt");
const ORGS: &str = include_str!("../../data/orgs.txt");
const WORDS: &str = include_str!("../../data/words.txt");
const NAMES: &str = include_str!("../../data/names.txt");

/// What a gazetteer knows about a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    /// The canonical name of the entity ("Russia" for "Russian Federation", "United Nations" for "UN").
    pub name: String,
    pub kind: EntityKind,
}

pub struct Gazetteer {
    /// Lowercased name or alias → entity.
    names: HashMap<String, Known>,
    /// Acronym (capitals, no dots: "US", "CSTO") → entity. Case matters: "US" is a country, "Us" is not.
    acronyms: HashMap<String, Known>,
    /// Acronyms the data lists only with dots ("D.C."): they match only when written with dots, since the
    /// bare letters are often something else ("DC" is "dear children" on parenting boards, a comic
    /// publisher, direct current).
    dotted: HashMap<String, Known>,
    /// Brands whose lowercase form is a mention too ("facebook", "reddit"): marked `lower` in orgs.txt.
    lower_brands: HashMap<String, Known>,
    /// Lowercased given names: "Angela Merkel" is a person because of "Angela".
    given_names: HashSet<String>,
    place_suffixes: HashSet<String>,
    place_heads: HashSet<String>,
    /// Lowercased demonym → country ("kazakh" → "Kazakhstan").
    demonyms: HashMap<String, String>,
    titles: HashSet<String>,
    title_modifiers: HashSet<String>,
    org_suffixes: HashSet<String>,
    connectors: HashSet<String>,
    not_names: HashSet<String>,
    stopwords: HashSet<String>,
    /// Longest gazetteer name in words, so lookups try only spans that could match.
    pub longest: usize,
}

pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut g = Gazetteer {
            names: HashMap::default(),
            acronyms: HashMap::default(),
            dotted: HashMap::default(),
            lower_brands: HashMap::default(),
            given_names: HashSet::default(),
            place_suffixes: HashSet::default(),
            place_heads: HashSet::default(),
            demonyms: HashMap::default(),
            titles: HashSet::default(),
            title_modifiers: HashSet::default(),
            org_suffixes: HashSet::default(),
            connectors: HashSet::default(),
            not_names: HashSet::default(),
            stopwords: HashSet::default(),
            longest: 1,
        };
        for line in data_lines(COUNTRIES) {
            let mut f = line.split('|');
            let country = f.next().unwrap_or("").trim();
            if country.is_empty() {
                continue;
            }
            g.add(country, country, EntityKind::Place);
            for d in f.next().unwrap_or("").split(',').map(str::trim).filter(|d| !d.is_empty()) {
                g.demonyms.insert(d.to_lowercase(), country.to_string());
            }
            for capital in f.next().unwrap_or("").split(',').map(str::trim).filter(|c| !c.is_empty()) {
                g.add(capital, capital, EntityKind::Place);
            }
            for alias in f.next().unwrap_or("").split(',').map(str::trim).filter(|c| !c.is_empty()) {
                g.add(alias, country, EntityKind::Place);
            }
        }
        for line in data_lines(CITIES) {
            let mut f = line.split('|');
            let city = f.next().unwrap_or("").trim();
            if city.is_empty() {
                continue;
            }
            g.add(city, city, EntityKind::Place);
            let _country = f.next();
            for alias in f.next().unwrap_or("").split(',').map(str::trim).filter(|a| !a.is_empty()) {
                g.add(alias, city, EntityKind::Place);
            }
        }
        for line in data_lines(NAMES) {
            g.given_names.extend(line.split_whitespace().map(str::to_string));
        }
        for line in data_lines(ORGS) {
            let mut f = line.split('|');
            let name = f.next().unwrap_or("").trim();
            if name.is_empty() {
                continue;
            }
            g.add(name, name, EntityKind::Organisation);
            if let Some(acronym) = f.next().map(str::trim).filter(|a| !a.is_empty()) {
                g.add(acronym, name, EntityKind::Organisation);
            }
            if f.next().map(str::trim) == Some("lower") {
                let known = Known { name: name.to_string(), kind: EntityKind::Organisation };
                g.lower_brands.insert(name.to_lowercase(), known);
            }
        }
        let mut section = "";
        for line in data_lines(WORDS) {
            if line.starts_with('[') {
                section = line.trim_matches(['[', ']']);
                continue;
            }
            let set = match section {
                "titles" => &mut g.titles,
                "title_modifiers" => &mut g.title_modifiers,
                "org_suffixes" => &mut g.org_suffixes,
                "connectors" => &mut g.connectors,
                "not_names" => &mut g.not_names,
                "stopwords" => &mut g.stopwords,
                "place_suffixes" => &mut g.place_suffixes,
                "place_heads" => &mut g.place_heads,
                _ => continue,
            };
            set.extend(line.split_whitespace().map(str::to_string));
        }
        g
    }

    fn add(&mut self, form: &str, name: &str, kind: EntityKind) {
        self.longest = self.longest.max(form.split_whitespace().count());
        let known = Known { name: name.to_string(), kind };
        match acronym_key(form) {
            Some(a) if form.contains('.') => self.dotted.entry(a).or_insert(known),
            Some(a) => self.acronyms.entry(a).or_insert(known),
            None => self.names.entry(key(form)).or_insert(known),
        };
    }

    /// The entity a name (or alias, or acronym) stands for.
    pub fn lookup(&self, form: &str) -> Option<&Known> {
        match acronym_key(form) {
            Some(a) if form.contains('.') => self.acronyms.get(&a).or_else(|| self.dotted.get(&a)),
            Some(a) => self.acronyms.get(&a),
            None => self.names.get(&key(form)),
        }
    }

    /// A brand written in lowercase ("facebook"), when the data says its lowercase form is no English word.
    pub fn lower_brand(&self, word: &str) -> Option<&Known> {
        // Called for every lowercase word: most are short function words no brand is.
        if word.len() < 4 || self.lower_brands.is_empty() {
            return None;
        }
        with_lower(word, |w| self.lower_brands.get(w))
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        with_lower(word, |w| self.given_names.contains(w))
    }
    pub fn is_place_suffix(&self, word: &str) -> bool {
        with_lower(word, |w| self.place_suffixes.contains(w))
    }
    pub fn is_place_head(&self, word: &str) -> bool {
        with_lower(word, |w| self.place_heads.contains(w))
    }

    /// The country of a demonym: "Kazakh" → "Kazakhstan".
    pub fn demonym(&self, word: &str) -> Option<&str> {
        with_lower(word, |w| self.demonyms.get(w).map(String::as_str))
    }
    pub fn is_title(&self, word: &str) -> bool {
        with_lower(word, |w| self.titles.contains(w))
    }
    /// A word that is part of a title only before one: "Foreign" in "Foreign Minister".
    pub fn is_title_modifier(&self, word: &str) -> bool {
        with_lower(word, |w| self.title_modifiers.contains(w))
    }
    pub fn is_org_suffix(&self, word: &str) -> bool {
        with_lower(word, |w| self.org_suffixes.contains(w))
    }
    pub fn is_connector(&self, word: &str) -> bool {
        self.connectors.contains(word)
    }
    /// A capitalized word that is never a name by itself ("The", "Tuesday", "January", "He").
    pub fn is_not_name(&self, word: &str) -> bool {
        with_lower(word, |w| self.not_names.contains(w))
    }
    pub fn is_stopword(&self, word: &str) -> bool {
        with_lower(word, |w| self.stopwords.contains(w))
    }
}

/// "U.S." → "US", "CSTO" → "CSTO"; `None` for anything but one word of 2-6 capitals (dots allowed).
pub fn acronym_key(form: &str) -> Option<String> {
    let letters: String = form.chars().filter(|&c| c != '.').collect();
    let caps = letters.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let count = letters.chars().filter(char::is_ascii_uppercase).count();
    (caps && (2..=6).contains(&count) && !form.contains(' ')).then_some(letters)
}

/// The form names are compared in: lowercase, single spaces, British and American spellings of
/// "-ization" folded together ("Organisation" = "Organization"), dots dropped ("U.S." = "US").
pub fn key(form: &str) -> String {
    let mut out = String::with_capacity(form.len());
    for word in form.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        let lower: String = word.chars().filter(|&c| c != '.').flat_map(char::to_lowercase).collect();
        out.push_str(&lower.replace("isation", "ization").replace('’', "'"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_places_demonyms_and_orgs() {
        let g = &*GAZETTEER;
        assert_eq!(g.lookup("Almaty").map(|k| k.kind), Some(EntityKind::Place));
        assert_eq!(g.lookup("Russian Federation").map(|k| k.name.as_str()), Some("Russia"));
        assert_eq!(g.demonym("Kazakh"), Some("Kazakhstan"));
        assert_eq!(g.lookup("Collective Security Treaty Organisation").map(|k| k.kind), Some(EntityKind::Organisation));
        assert_eq!(g.lookup("U.S.").map(|k| k.name.as_str()), Some("United States"));
        assert!(g.is_title("President") && g.is_org_suffix("Alliance") && g.is_not_name("Tuesday"));
        assert!(g.longest >= 4);
        assert_eq!(g.lookup("US").map(|k| k.name.as_str()), Some("United States"));
        assert!(g.lookup("Us").is_none() && g.lookup("Hi").is_none());
        // "D.C." is Washington; bare "DC" is not (the data lists it with dots only).
        assert_eq!(g.lookup("D.C.").map(|k| k.name.as_str()), Some("Washington DC"));
        assert!(g.lookup("DC").is_none());
        assert!(g.is_given_name("Angela") && g.is_place_suffix("County") && g.is_place_head("Kingdom"));
    }

    #[test]
    fn data_stays_small() {
        assert!(COUNTRIES.len() + CITIES.len() + ORGS.len() + WORDS.len() + NAMES.len() < 30_000);
    }
}

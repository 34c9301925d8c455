//! The gazetteer's data files (`data/*.txt`, read by src/facts/gazetteer.rs) indexed at compile time:
//! `build.rs` includes this module and writes `$OUT_DIR/gazetteer.rs`, sorted static tables, so the run
//! time builds no map or set. The indexing is the one the run time did at first use, row for row: a name's
//! first entry wins (as `entry().or_insert` did), a demonym's or brand's last (as `insert` did).

use super::gazetteer_keys::{acronym_key, key};
use std::fmt::Write;

/// The compact form's writer: the one text and the tables' offsets into it.
#[path = "gazetteer_text.rs"]
mod text;
use text::{pending, Text};

const FILES: [&str; 5] = ["countries", "cities", "orgs", "words", "names"];
const PLACE: &str = "Place";
const ORGANISATION: &str = "Organisation";

fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// (key, canonical name, kind) rows and word lists, in the order the data gives them.
#[derive(Default)]
struct Index {
    names: Vec<(String, String, &'static str)>,
    acronyms: Vec<(String, String, &'static str)>,
    dotted: Vec<(String, String, &'static str)>,
    lower_brands: Vec<(String, String, &'static str)>,
    demonyms: Vec<(String, String)>,
    sets: std::collections::BTreeMap<&'static str, Vec<String>>,
    longest: usize,
}

impl Index {
    fn add(&mut self, form: &str, name: &str, kind: &'static str) {
        self.longest = self.longest.max(form.split_whitespace().count());
        let row = |k: String| (k, name.to_string(), kind);
        match acronym_key(form) {
            Some(a) if form.contains('.') => self.dotted.push(row(a)),
            Some(a) => self.acronyms.push(row(a)),
            None => self.names.push(row(key(form))),
        }
    }
}

/// The word lists of words.txt, by section, and the table each becomes.
const SECTIONS: [(&str, &str); 9] = [
    ("titles", "TITLES"),
    ("title_modifiers", "TITLE_MODIFIERS"),
    ("org_suffixes", "ORG_SUFFIXES"),
    ("connectors", "CONNECTORS"),
    ("not_names", "NOT_NAMES"),
    ("stopwords", "STOPWORDS"),
    ("place_suffixes", "PLACE_SUFFIXES"),
    ("place_heads", "PLACE_HEADS"),
    ("place_qualifiers", "PLACE_QUALIFIERS"),
];

fn index(data: &[String; 5]) -> Index {
    let [countries, cities, orgs, words, names] = data;
    let mut g = Index { longest: 1, ..Index::default() };
    for line in data_lines(countries) {
        let mut f = line.split('|');
        let country = f.next().unwrap_or("").trim();
        if country.is_empty() {
            continue;
        }
        g.add(country, country, PLACE);
        for d in f.next().unwrap_or("").split(',').map(str::trim).filter(|d| !d.is_empty()) {
            g.demonyms.push((d.to_lowercase(), country.to_string()));
        }
        for capital in f.next().unwrap_or("").split(',').map(str::trim).filter(|c| !c.is_empty()) {
            g.add(capital, capital, PLACE);
        }
        for alias in f.next().unwrap_or("").split(',').map(str::trim).filter(|c| !c.is_empty()) {
            g.add(alias, country, PLACE);
        }
    }
    for line in data_lines(cities) {
        let mut f = line.split('|');
        let city = f.next().unwrap_or("").trim();
        if city.is_empty() {
            continue;
        }
        g.add(city, city, PLACE);
        let _country = f.next();
        for alias in f.next().unwrap_or("").split(',').map(str::trim).filter(|a| !a.is_empty()) {
            g.add(alias, city, PLACE);
        }
    }
    let given = g.sets.entry("GIVEN_NAMES").or_default();
    for line in data_lines(names) {
        given.extend(line.split_whitespace().map(str::to_string));
    }
    for line in data_lines(orgs) {
        let mut f = line.split('|');
        let name = f.next().unwrap_or("").trim();
        if name.is_empty() {
            continue;
        }
        g.add(name, name, ORGANISATION);
        if let Some(acronym) = f.next().map(str::trim).filter(|a| !a.is_empty()) {
            g.add(acronym, name, ORGANISATION);
        }
        if f.next().map(str::trim) == Some("lower") {
            g.lower_brands.push((name.to_lowercase(), name.to_string(), ORGANISATION));
        }
    }
    for (_, table) in SECTIONS {
        g.sets.entry(table).or_default();
    }
    let mut section = None;
    for line in data_lines(words) {
        if line.starts_with('[') {
            let name = line.trim_matches(['[', ']']);
            section = SECTIONS.iter().find(|(s, _)| *s == name).map(|(_, t)| *t);
            continue;
        }
        if let Some(table) = section {
            g.sets.entry(table).or_default().extend(line.split_whitespace().map(str::to_string));
        }
    }
    g
}

/// `rows` sorted by key, one row per key: the first the data gives (`first_wins`, as a map's
/// `entry().or_insert`) or the last (as `insert`).
fn sorted<T>(mut rows: Vec<(String, T)>, first_wins: bool) -> Vec<(String, T)> {
    if !first_wins {
        rows.reverse();
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows.dedup_by(|later, earlier| later.0 == earlier.0);
    rows
}

pub fn emit(root: &std::path::Path) -> String {
    let data = FILES.map(|f| {
        let path = root.join(format!("data/{f}.txt"));
        println!("cargo:rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    });
    let g = index(&data);
    let mut out = String::from("// Generated by build.rs from data/*.txt: the gazetteer's tables.\n");
    let _ = writeln!(out, "pub const LONGEST: usize = {};", g.longest);
    let mut text = Text::default();
    let known =
        |rows: Vec<(String, String, &'static str)>| rows.into_iter().map(|(k, n, kind)| (k, (n, kind))).collect();
    let tables = [
        pending(&mut text, "NAMES", "Known", known(g.names), true),
        pending(&mut text, "ACRONYMS", "Known", known(g.acronyms), true),
        pending(&mut text, "DOTTED", "Known", known(g.dotted), true),
        pending(&mut text, "LOWER_BRANDS", "Known", known(g.lower_brands), false),
    ];
    let demonyms = pending(&mut text, "DEMONYMS", "Text", g.demonyms, false);
    for (table, mut words) in g.sets {
        words.sort();
        words.dedup();
        let _ = writeln!(out, "pub static {table}: Keys = {};", text.keys(words.iter().map(String::as_str)));
    }
    for table in tables {
        table
            .emit(&mut out, |(name, kind)| format!("Known {{ name: {}, kind: EntityKind::{kind} }}", text.name(&name)));
    }
    demonyms.emit(&mut out, |country| text.text(&country));
    let _ = writeln!(out, "/// Every text of the tables above.\npub static TEXT: &str = {:?};", text.0);
    out
}

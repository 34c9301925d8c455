//! The writer of the gazetteer's compact tables (read by src/facts/gazetteer_tables.rs, whose doc says why
//! they are compact), for src/facts/gazetteer_build.rs: every key and name goes into one text, and a table
//! holds offsets into it.

use super::super::gazetteer_keys::title_case;
use super::sorted;
use std::fmt::Write;

/// The one text every table points into (src/facts/gazetteer_tables.rs): each table's keys one after the
/// other, then the canonical names, each written once.
#[derive(Default)]
pub struct Text(pub String);

impl Text {
    /// Appends sorted, distinct `keys` and returns the `Keys` literal: their `n + 1` offsets.
    pub fn keys<'a>(&mut self, keys: impl Iterator<Item = &'a str>) -> String {
        let mut at = vec![self.offset()];
        for key in keys {
            self.0.push_str(key);
            at.push(self.offset());
        }
        format!("Keys(&{at:?})")
    }

    /// The `Text` literal of `text`: one already there if any holds it, else a new one.
    pub fn text(&mut self, text: &str) -> String {
        let at = self.0.find(text).unwrap_or_else(|| {
            self.0.push_str(text);
            self.0.len() - text.len()
        });
        Self::literal(at, text)
    }

    fn literal(at: usize, text: &str) -> String {
        let at = u16::try_from(at).expect("the gazetteer's text stays under 64 KB").to_le_bytes();
        let len = u8::try_from(text.len()).expect("a name of at most 255 bytes");
        format!("Text {{ at: {at:?}, len: {len} }}")
    }

    /// The `Name` literal of `name`: its text if the text holds it already, else a text it is the title case
    /// of (most names are their key with capitals), else its own new text.
    pub fn name(&mut self, name: &str) -> String {
        let lower = name.to_lowercase();
        let derived = (!self.0.contains(name)).then(|| self.0.find(&lower)).flatten().filter(|_| {
            let mut shown = String::new();
            title_case(&lower, &mut shown).is_ok() && shown == name
        });
        match derived {
            Some(at) => format!("Name {{ text: {}, title_case: true }}", Self::literal(at, &lower)),
            None => format!("Name {{ text: {}, title_case: false }}", self.text(name)),
        }
    }

    fn offset(&self) -> u16 {
        u16::try_from(self.0.len()).expect("the gazetteer's text stays under 64 KB")
    }
}

/// A table whose keys are in the text and whose values are still to write: the names go in once every
/// table's keys are there, so that a name can be the title case of a key of any table ("UN" → "United
/// Nations" points at the key "united nations").
pub struct Pending<T> {
    table: &'static str,
    ty: &'static str,
    keys: String,
    values: Vec<T>,
}

/// `rows` as a table: sorted (see [`sorted`]), its keys appended to `text`.
pub fn pending<T>(
    text: &mut Text,
    table: &'static str,
    ty: &'static str,
    rows: Vec<(String, T)>,
    first_wins: bool,
) -> Pending<T> {
    let rows = sorted(rows, first_wins);
    let keys = text.keys(rows.iter().map(|(k, _)| k.as_str()));
    Pending { table, ty, keys, values: rows.into_iter().map(|(_, v)| v).collect() }
}

impl<T> Pending<T> {
    /// Writes the table's literal, each value written by `value`.
    pub fn emit(self, out: &mut String, mut value: impl FnMut(T) -> String) {
        let _ = writeln!(
            out,
            "pub static {}: Table<{}> = Table {{\n    keys: {},\n    values: &[",
            self.table, self.ty, self.keys
        );
        for v in self.values {
            let _ = writeln!(out, "        {},", value(v));
        }
        out.push_str("    ],\n};\n");
    }
}

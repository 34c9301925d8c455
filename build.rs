//! Compiles the card's words into the crate: reads the extension's message tables
//! (`extension/_locales/<locale>/messages.json`, the one source of every string the extension and the card
//! show) and writes `$OUT_DIR/messages.rs`: an enum `Msg` of the keys the Rust renderer uses (those starting
//! with [`RUST_PREFIX`]) and every locale's texts, in one string with offsets into it ([`emit`]). The WASM
//! module then indexes a table; it parses no JSON at run time and carries only the card's own keys, not the
//! options page's.
//!
//! Placeholders are resolved here as the browsers resolve them: `$COUNT$` becomes its `content` (`$1`), so the
//! Rust side substitutes `$1`…`$9` only (src/i18n.rs). A key missing in a translation takes the English text
//! (the browsers fall back the same way); `tests/i18n.rs` fails on any such gap, so the fallback never ships.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

#[path = "src/facts/gazetteer_build.rs"]
mod gazetteer;
/// The gazetteer's key forms, shared with the run time, and its tables (see each file's doc).
#[path = "src/facts/gazetteer_keys.rs"]
mod gazetteer_keys;

/// Only keys with this prefix go into the Rust table: the card's words. The others (options page, popup,
/// manifest) are read by the browser's `i18n` API alone.
const RUST_PREFIX: &str = "card_";
/// The fallback locale, first in the table (`extension/manifest.json` names it `default_locale`).
const DEFAULT_LOCALE: &str = "en";

fn main() {
    let dir = Path::new("extension/_locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut locales: Vec<String> = std::fs::read_dir(dir)
        .expect("extension/_locales exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("messages.json").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    locales.sort_by_key(|l| (l != DEFAULT_LOCALE, l.clone()));
    assert_eq!(locales.first().map(String::as_str), Some(DEFAULT_LOCALE), "extension/_locales/en is missing");
    let tables: Vec<BTreeMap<String, String>> = locales.iter().map(|l| read(&dir.join(l))).collect();
    let keys: Vec<&String> = tables[0].keys().filter(|k| k.starts_with(RUST_PREFIX)).collect();
    std::fs::write(
        Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("messages.rs"),
        emit(&locales, &keys, &tables),
    )
    .expect("write messages.rs");
    for module in ["src/facts/gazetteer_keys.rs", "src/facts/gazetteer_build.rs", "src/facts/gazetteer_text.rs"] {
        println!("cargo:rerun-if-changed={module}");
    }
    std::fs::write(
        Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("gazetteer.rs"),
        gazetteer::emit(Path::new(".")),
    )
    .expect("write gazetteer.rs");
}

/// One locale's messages, key → text with its placeholders resolved.
fn read(dir: &Path) -> BTreeMap<String, String> {
    let path = dir.join("messages.json");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).expect("readable messages.json");
    let json: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()));
    let entries = json.as_object().unwrap_or_else(|| panic!("{}: not an object", path.display()));
    entries
        .iter()
        .map(|(key, entry)| {
            let message =
                entry["message"].as_str().unwrap_or_else(|| panic!("{}: {key} has no message", path.display()));
            (key.clone(), resolve(message, &entry["placeholders"]))
        })
        .collect()
}

/// `$NAME$` → the placeholder's content (names are case-insensitive, as in the browsers).
fn resolve(message: &str, placeholders: &serde_json::Value) -> String {
    let mut out = message.to_string();
    if let Some(map) = placeholders.as_object() {
        for (name, p) in map {
            let content = p["content"].as_str().unwrap_or_default();
            let pattern = format!("${}$", name.to_lowercase());
            while let Some(at) = out.to_lowercase().find(&pattern) {
                out.replace_range(at..at + pattern.len(), content);
            }
        }
    }
    out
}

/// The table as Rust: the texts in one string and 16-bit offsets into it, not a `&str` per text (a pointer
/// and a length, 8 bytes in wasm32 that gzip barely shrinks: 6 KB of the module's data for 6 locales).
fn emit(locales: &[String], keys: &[&String], tables: &[BTreeMap<String, String>]) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "/// The table's locales, as their `_locales` folders are named; English first.");
    let _ = writeln!(o, "pub const LOCALES: &[&str] = &{locales:?};");
    let _ = writeln!(
        o,
        "/// A key of the card's words (see `extension/_locales/en/messages.json` for each one's meaning)."
    );
    let _ =
        writeln!(o, "#[derive(Debug, Clone, Copy, PartialEq, Eq)]\n#[allow(non_camel_case_types)]\npub enum Msg {{");
    for k in keys {
        let _ = writeln!(o, "    {k},");
    }
    let _ = writeln!(o, "}}");
    let _ = writeln!(o, "/// Every key's name, in `Msg` order.");
    let _ = writeln!(o, "pub const KEYS: &[&str] = &{keys:?};");
    let mut text = String::new();
    let mut at = vec![0];
    for table in tables {
        for k in keys {
            text.push_str(table.get(*k).unwrap_or(&tables[0][*k]));
            at.push(u16::try_from(text.len()).expect("the card's texts stay under 64 KB"));
        }
    }
    let _ = writeln!(o, "/// Every locale's texts one after another, in `LOCALES` and `Msg` order.");
    let _ = writeln!(o, "static TEXT: &str = {text:?};");
    let _ = writeln!(
        o,
        "/// Where each text of `TEXT` starts: text `m` of locale `l` is entry `l * KEYS.len() + m`, up to the next."
    );
    let _ = writeln!(o, "static AT: [u16; {}] = {at:?};", at.len());
    o
}

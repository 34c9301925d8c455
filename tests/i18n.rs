//! The message tables (`extension/_locales/<locale>/messages.json`): every language has every English key
//! with the same placeholders, every key the extension's files or the manifest name exists in English, and
//! the card speaks the reader's language when asked.

use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::path::Path;
use threadcard::{render, Options};

/// The languages the extension ships at least (the list); more may be added.
const REQUIRED: &[&str] = &["en", "de", "fr", "es", "it", "pt_BR"];
/// The extension's files that show text, and how each one names a key.
const SOURCES: &[&str] = &[
    "extension/manifest.json",
    "extension/background.js",
    "extension/card.js",
    "extension/blocked.html",
    "extension/blocked.js",
    "extension/options.html",
    "extension/options.js",
];

fn table(locale: &str) -> Map<String, Value> {
    let path = format!("extension/_locales/{locale}/messages.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    match serde_json::from_str(&text) {
        Ok(Value::Object(map)) => map,
        other => panic!("{path}: not a JSON object: {other:?}"),
    }
}

fn locales() -> Vec<String> {
    let mut all: Vec<String> = std::fs::read_dir("extension/_locales")
        .expect("extension/_locales")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    all.sort();
    all
}

/// The placeholder names of one message, lowercased, and the `$NAME$` references in its text.
fn placeholders(entry: &Value) -> (BTreeSet<String>, BTreeSet<String>) {
    let declared = entry["placeholders"].as_object().map(|m| m.keys().map(|k| k.to_lowercase()).collect());
    let text = entry["message"].as_str().unwrap_or_default();
    let used = text.split('$').skip(1).step_by(2).map(str::to_lowercase).collect();
    (declared.unwrap_or_default(), used)
}

#[test]
fn every_language_has_every_key_with_its_placeholders() {
    let en = table("en");
    let all = locales();
    for locale in REQUIRED {
        assert!(all.iter().any(|l| l == locale), "no extension/_locales/{locale}");
    }
    let mut problems = Vec::new();
    for locale in &all {
        let t = table(locale);
        for (key, entry) in &en {
            let Some(tr) = t.get(key) else {
                problems.push(format!("{locale}: missing {key}"));
                continue;
            };
            let message = tr["message"].as_str().unwrap_or_default();
            if message.trim().is_empty() {
                problems.push(format!("{locale}: {key} is empty"));
            }
            let (declared, used) = placeholders(tr);
            let (en_declared, _) = placeholders(entry);
            if declared != en_declared || !used.is_subset(&declared) {
                problems.push(format!(
                    "{locale}: {key} placeholders {declared:?} / used {used:?}, English {en_declared:?}"
                ));
            }
        }
        for key in t.keys().filter(|k| !en.contains_key(*k)) {
            problems.push(format!("{locale}: {key} is not an English key"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The keys a file names: `msg("key")` / `getMessage("key")` in scripts, `data-i18n="key"` (and its
/// `-label`/`-title` variants) in pages, `__MSG_key__` in the manifest.
fn keys_named(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for open in ["msg(\"", "getMessage(\"", "data-i18n=\"", "data-i18n-label=\"", "data-i18n-title=\"", "__MSG_"] {
        for rest in text.split(open).skip(1) {
            let key: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            let key = key.trim_end_matches('_').to_string();
            if !key.is_empty() && !key.starts_with("@@") {
                out.push(key);
            }
        }
    }
    out
}

#[test]
fn every_key_the_extension_names_is_in_english() {
    let en = table("en");
    let mut missing = Vec::new();
    for file in SOURCES {
        let Ok(text) = std::fs::read_to_string(file) else { continue };
        for key in keys_named(&text) {
            if !en.contains_key(&key) {
                missing.push(format!("{file}: {key}"));
            }
        }
    }
    assert!(missing.is_empty(), "keys absent from extension/_locales/en: {missing:?}");
    let manifest = std::fs::read_to_string("extension/manifest.json").expect("manifest");
    assert!(manifest.contains("\"default_locale\": \"en\""), "the manifest names English as its default locale");
    assert!(manifest.contains("__MSG_ext_name__") && manifest.contains("__MSG_ext_description__"));
}

#[test]
fn the_options_page_lists_the_cards_sections() {
    let Ok(page) = std::fs::read_to_string("extension/options.html") else { panic!("no extension/options.html") };
    let listed: Vec<&str> =
        page.split("name=\"section\" value=\"").skip(1).filter_map(|r| r.split('"').next()).collect();
    assert_eq!(listed, render::card::SECTIONS, "options.html's section boxes and card::SECTIONS");
}

fn engine(file: &str) -> threadcard::Summary {
    let html = std::fs::read_to_string(Path::new("tests/fixtures/engines").join(file)).expect("fixture");
    threadcard::summarize(&html, Some("https://board.example/t/1"), &Options::default()).expect("summary")
}

#[test]
fn the_card_speaks_german_when_asked() {
    let s = engine("xenforo2.html");
    let de = render::card::fragment_with(&s, &Options { locale: "de-DE".into(), ..Options::default() });
    for words in
        ["<h2 id=\"tc-posts-h\">Beiträge</h2>", "Markdown kopieren", "Alle aufklappen", "Beitrag 1", "Englisch (en-US)"]
    {
        assert!(de.contains(words), "{words} missing from the German card");
    }
    for english in [">Posts</h2>", "Copy Markdown", "Expand all", ">post 1<"] {
        assert!(!de.contains(english), "English {english} left in the German card");
    }
    let en = render::card::fragment(&s);
    assert!(en.contains(">Posts</h2>") && en.contains("Copy Markdown"));
    let unknown = render::card::fragment_with(&s, &Options { locale: "x-klingon".into(), ..Options::default() });
    assert_eq!(unknown, en, "an unknown language falls back to English");
}

#[test]
fn the_exports_speak_german_when_asked_and_keep_their_field_names() {
    let s = engine("xenforo2.html");
    let de = Options { locale: "de".into(), exported_at: Some("2026-12-01T09:00:00Z".into()), ..Options::default() };
    let md = render::render_with(&s, render::Format::Markdown, &de);
    for words in ["\n## Beiträge\n", "**Verfasser:**", "**Thema:**", "Beiträge · ", "[Link](", "(Beitrag 1)"] {
        assert!(md.contains(words), "{words} missing from the German Markdown:\n{md}");
    }
    for english in ["## Posts", "**Author:**", "**Thread:**", "[link](", "(post 1)", " participants"] {
        assert!(!md.contains(english), "English {english} left in the German Markdown:\n{md}");
    }
    // The front matter's keys are field names tools read: English in every language.
    for key in ["\ntitle: ", "\nurl: ", "\nauthor: ", "\nexported: ", "\nposts: ", "\nparticipants: "] {
        assert!(md.contains(key), "front-matter key {key:?} missing from the German Markdown");
    }
    let html = render::render_with(&s, render::Format::Html, &de);
    for words in ["<h2 id=\"tc-posts-h\">Beiträge</h2>", "Exportiert von ThreadCard am <time", ">Link</a>"] {
        assert!(html.contains(words), "{words} missing from the German reader page");
    }
    for english in [">Posts</h2>", "Exported by ThreadCard", ">link</a>"] {
        assert!(!html.contains(english), "English {english} left in the German reader page");
    }
    let text = render::render_with(&s, render::Format::Text, &de);
    let card = render::render_with(&s, render::Format::Card, &de);
    for out in [&text, &card] {
        assert!(out.contains("[Beitrag 1]") && out.contains("gelesen mit: "), "German terminal words missing:\n{out}");
        assert!(!out.contains("[post 1]") && !out.contains("read by:"), "English left in the terminal card:\n{out}");
    }
    assert!(text.contains("\nBeiträge\n"), "the text export's posts heading is German");
    let en = render::render_with(&s, render::Format::Markdown, &Options::default());
    assert!(en.contains("\n## Posts\n") && en.contains("**Author:**"), "English stays the default");
}

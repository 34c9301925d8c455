//! The JSON writer of `src/json` against `serde_json`: for every page fixture (the hostile one too, with its
//! controls and odd characters), the JSON export, its one-line form and the JSON-LD document come out byte
//! for byte as `serde_json` writes the same values, so dropping `serde_json` from the WASM module changed no
//! export. And the same Summary read back: `serde_json` parses what the writer wrote.

use std::path::{Path, PathBuf};
use threadcard::{json, render};

/// Every `.html` under `dir`, sorted.
fn fixtures(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "html") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_fixture_writes_as_serde_json_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures");
    let pages = fixtures(&root);
    assert!(pages.len() >= 30, "only {} fixtures", pages.len());
    for page in &pages {
        let bytes = std::fs::read(page).unwrap_or_default();
        let Ok(s) =
            threadcard::summarize_bytes(&bytes, Some("https://fixtures.threadcard.test/x"), &Default::default())
        else {
            continue;
        };
        let name = page.display();
        assert_eq!(json::to_pretty(&s).ok(), serde_json::to_string_pretty(&s).ok(), "{name}: pretty");
        assert_eq!(json::to_line(&s).ok(), serde_json::to_string(&s).ok(), "{name}: one line");
        let ld = render::jsonld::thread(&s);
        let theirs = serde_json::to_value(&ld).and_then(|v| serde_json::to_string_pretty(&v)).ok();
        assert_eq!(json::to_pretty(&ld).ok(), theirs, "{name}: JSON-LD");
        let back: threadcard::Summary =
            serde_json::from_str(&json::to_pretty(&s).unwrap_or_default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(serde_json::to_value(&back).ok(), serde_json::to_value(&s).ok(), "{name}: read back");
    }
}

#[test]
fn floats_and_escapes_write_as_serde_json_does() {
    let floats = [
        0.0,
        -0.0,
        1.0,
        0.5,
        2.5e-5,
        1e-5,
        9.99e-5,
        1e-4,
        1e-7,
        -3.25e-6,
        123456789.0,
        1e15,
        1e16,
        1.5e17,
        1e21,
        1e300,
    ];
    for f in floats {
        assert_eq!(json::to_line(&f).ok(), serde_json::to_string(&f).ok(), "{f:e}");
        assert_eq!(json::to_line(&-f).ok(), serde_json::to_string(&-f).ok(), "{:e}", -f);
    }
    assert_eq!(json::to_line(&f64::NAN).ok().as_deref(), Some("null"));
    let s = "q\"b\\s/\u{0}\u{1f}\u{7f}\u{8}\u{c}\n\r\t é \u{2028} 😀";
    assert_eq!(json::to_line(&s).ok(), serde_json::to_string(&s).ok());
    let nested: Vec<Vec<u8>> = vec![vec![], vec![1, 2]];
    assert_eq!(json::to_pretty(&nested).ok(), serde_json::to_string_pretty(&nested).ok());
    let map: std::collections::BTreeMap<String, Vec<i64>> = [("a".into(), vec![]), ("b".into(), vec![-1])].into();
    assert_eq!(json::to_pretty(&map).ok(), serde_json::to_string_pretty(&map).ok());
    let empty: std::collections::BTreeMap<String, i64> = Default::default();
    assert_eq!(json::to_pretty(&empty).ok(), serde_json::to_string_pretty(&empty).ok());
}

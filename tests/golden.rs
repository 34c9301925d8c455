//! Golden files: every page fixture under `tests/fixtures/` has its expected Summary JSON beside it
//! (`engines/phpbb.html` → `engines/phpbb.expected.json`), and this one test reads each fixture, summarizes
//! it and compares the whole Summary with what the file holds. The hand-written tests say what a reader
//! must get right; the golden files catch every other change in what a page gives, so none slips through
//! unseen.
//!
//! When a change in output is intended, refresh every golden file with one command and review the diff:
//!
//! ```text
//! THREADCARD_BLESS=1 cargo test --test golden
//! ```
//!
//! A fixture without a golden file fails the test until it is blessed. Each fixture is read as if from
//! `https://fixtures.threadcard.test/<path without .html>`, so links and permalinks resolve the same way on
//! every machine. Fixtures are read as bytes and decoded as a browser would (saved pages in legacy
//! encodings live under `encodings/`). `hostile.html` is left out: it is made to stress the pipeline, and
//! its own test (`tests/hostile.rs`) checks what matters there.

use serde_json::Value;
use std::path::{Path, PathBuf};

/// Fixtures that have no golden file, and why: see the module comment.
const SKIPPED: &[&str] = &["hostile.html"];
/// The host every fixture is read from.
const FIXTURE_HOST: &str = "https://fixtures.threadcard.test/";

#[test]
fn every_fixture_matches_its_golden_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures");
    let bless = std::env::var_os("THREADCARD_BLESS").is_some_and(|v| !v.is_empty() && v != "0");
    let fixtures = fixtures(&root);
    assert!(fixtures.len() >= 30, "only {} fixtures found under {}", fixtures.len(), root.display());
    let mut failures = Vec::new();
    for html in &fixtures {
        let rel = html.strip_prefix(&root).unwrap_or(html).to_string_lossy().replace('\\', "/");
        let actual = summary_of(html, &rel);
        let golden = golden_path(html);
        if bless {
            let text = serde_json::to_string_pretty(&actual).unwrap_or_default() + "\n";
            std::fs::write(&golden, text).unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Err(_) => failures.push(format!("{rel}: no golden file {}", golden.display())),
            Ok(text) => match serde_json::from_str::<Value>(&text) {
                Err(e) => failures.push(format!("{rel}: golden file does not parse: {e}")),
                Ok(expected) => {
                    if let Some(diff) = first_difference(&expected, &actual, String::new()) {
                        failures.push(format!("{rel}: {diff}"));
                    }
                }
            },
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ from their golden files (if intended: THREADCARD_BLESS=1 cargo test --test golden, \
         then review the diff):\n  {}",
        failures.len(),
        fixtures.len(),
        failures.join("\n  ")
    );
}

/// Every `*.html` under `dir`, recursively, sorted, without [`SKIPPED`].
fn fixtures(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                stack.push(path);
            } else if name.ends_with(".html") && !SKIPPED.contains(&name.as_str()) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// `a/b.html` → `a/b.expected.json`.
fn golden_path(html: &Path) -> PathBuf {
    let stem = html.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    html.with_file_name(format!("{stem}.expected.json"))
}

/// The fixture's Summary as JSON.
fn summary_of(html: &Path, rel: &str) -> Value {
    let bytes = std::fs::read(html).unwrap_or_else(|e| panic!("{}: {e}", html.display()));
    let url = format!("{FIXTURE_HOST}{}", rel.strip_suffix(".html").unwrap_or(rel));
    let summary = threadcard::summarize_bytes(&bytes, Some(&url), &threadcard::Options::default())
        .unwrap_or_else(|e| panic!("{rel}: {e}"));
    serde_json::to_value(&summary).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Where two JSON values first differ, as a path with both values (shortened), or `None` when equal.
fn first_difference(expected: &Value, actual: &Value, at: String) -> Option<String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            let keys: std::collections::BTreeSet<&String> = e.keys().chain(a.keys()).collect();
            keys.into_iter().find_map(|k| {
                let (ev, av) = (e.get(k).unwrap_or(&Value::Null), a.get(k).unwrap_or(&Value::Null));
                first_difference(ev, av, format!("{at}.{k}"))
            })
        }
        (Value::Array(e), Value::Array(a)) => {
            let same_length = e.len() == a.len();
            let inner =
                e.iter().zip(a).enumerate().find_map(|(i, (ev, av))| first_difference(ev, av, format!("{at}[{i}]")));
            inner.or_else(|| (!same_length).then(|| format!("{at}: {} items expected, {} found", e.len(), a.len())))
        }
        _ if expected == actual => None,
        _ => Some(format!("{at}: expected {}, found {}", short(expected), short(actual))),
    }
}

/// A value's JSON, cut to a line.
fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s
    }
}

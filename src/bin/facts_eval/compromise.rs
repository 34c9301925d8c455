//! The npm package `compromise` (rule-based NLP that runs in the browser, the nearest thing to what we
//! do) on the same texts, through `tests/labels/compromise_eval.mjs`.
//!
//! It is installed on first use into `tests/labels/.npm` (git-ignored, outside the extension's
//! package.json): a pinned version, so the comparison stays the same from run to run. Without node or
//! network it says so and the evaluation goes on without it.

use crate::labels::Label;
use crate::score::{score_named, Score};
use std::path::Path;
use std::process::Command;

/// The version compared against (the latest when this was written).
const VERSION: &str = "14.17.0";

/// compromise's entity scores on one set of threads: (all kinds, typed).
pub struct Scores {
    pub version: String,
    pub all: Score,
    pub typed: Score,
    pub threads: usize,
}

/// Installs compromise when missing; `Err` says why it cannot be run.
fn ensure_installed(labels_dir: &Path) -> Result<(), String> {
    let prefix = labels_dir.join(".npm");
    if prefix.join("node_modules/compromise/package.json").is_file() {
        return Ok(());
    }
    println!("\ncompromise: installing compromise@{VERSION} into {} (npm)", prefix.display());
    let out = Command::new("npm")
        .args(["install", "--prefix"])
        .arg(&prefix)
        .args(["--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--fetch-retries=1"])
        .arg(format!("compromise@{VERSION}"))
        .output()
        .map_err(|e| format!("npm: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        Err(format!("npm install failed (offline?): {}", err.lines().find(|l| !l.trim().is_empty()).unwrap_or("")))
    }
}

/// Runs compromise on `texts` (JSON objects with `id` and `text`) and scores it per set of labels.
/// `Err` says why it did not run.
pub fn run(root: &Path, labels: &[Label], texts: &[serde_json::Value], sets: &[String]) -> Result<Vec<Scores>, String> {
    let labels_dir = root.join("tests/labels");
    ensure_installed(&labels_dir)?;
    let input = std::env::temp_dir().join(format!("threadcard-facts-eval-{}.json", std::process::id()));
    std::fs::write(&input, serde_json::Value::Array(texts.to_vec()).to_string()).map_err(|e| e.to_string())?;
    let out = Command::new("node").arg(labels_dir.join("compromise_eval.mjs")).arg(&input).output();
    let _ = std::fs::remove_file(&input);
    let out = match out {
        Ok(o) if o.status.success() => o.stdout,
        Ok(o) => return Err(String::from_utf8_lossy(&o.stderr).lines().last().unwrap_or("").to_string()),
        Err(e) => return Err(format!("node: {e}")),
    };
    let result: serde_json::Value = serde_json::from_slice(&out).map_err(|_| "unreadable output".to_string())?;
    let version = result["_version"].as_str().unwrap_or("?").to_string();
    Ok(sets
        .iter()
        .map(|set| {
            let (mut all, mut typed, mut threads) = (Score::default(), Score::default(), 0);
            for label in labels.iter().filter(|l| &l.set == set) {
                let Some(found) = result.get(&label.id) else { continue };
                threads += 1;
                let mut pred = Vec::new();
                for (key, kind) in [("people", "person"), ("places", "place"), ("organizations", "organisation")] {
                    for name in found[key].as_array().into_iter().flatten().filter_map(|v| v.as_str()) {
                        pred.push((name.to_string(), Vec::new(), kind.to_string()));
                    }
                }
                all.add(score_named(&pred, &label.entities, false));
                typed.add(score_named(&pred, &label.entities, true));
            }
            Scores { version: version.clone(), all, typed, threads }
        })
        .collect())
}

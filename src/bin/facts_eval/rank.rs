//! Choosing pages for a precision audit mechanically (`--rank-rules 'RULE|RULE...'`): the tuned-half
//! pages of wcxb-forum and harvest (the corpus split of `eval`, `src/bin/eval/corpus.rs`) that no label
//! or audit file holds yet, ranked by how many facts the named rules produce on them. Only counts print,
//! never a fact or its correctness, so the choice cannot lean on what is wrong; held-out pages are never
//! read.
//!
//! ```text
//! cargo run --release --bin facts_eval -- --rank-rules "gazetteer Place|time unit in a duration"
//! ```

use crate::breakdown::{entity_rule, source_rule};
use crate::corpus::held_out;
use crate::labels::{load_thread, Label};
use crate::score::traced_numbers;
use std::path::Path;
use threadcard::{facts, Options};

/// How many pages the ranking prints.
const SHOWN: usize = 30;

/// Prints the tuned, not yet labelled or audited pages by the count of facts whose rule contains one of
/// `rules` ('|'-separated substrings of the breakdown's rule names), most first.
pub fn run(corpus: &Path, rules: &str, taken: &[String]) {
    let rules: Vec<&str> = rules.split('|').map(str::trim).filter(|r| !r.is_empty()).collect();
    let mut rows: Vec<(usize, Vec<usize>, String)> = Vec::new();
    for (id, page) in tuned_pages(corpus) {
        if taken.contains(&page) {
            continue;
        }
        let Some((thread, url)) = load_thread(&Label::page_only(&id, &page), corpus) else { continue };
        let f = facts::extract_at(&thread, url.as_deref(), &Options::default());
        let traced = facts::traced_entities(&thread);
        let mut names: Vec<String> = f.entities.iter().map(|e| entity_rule(e, &traced)).collect();
        names.extend(traced_numbers(&f).into_iter().map(|(_, _, r, _)| format!("number: {r}")));
        names.extend(f.sources.iter().map(|s| source_rule(s, &thread)));
        let counts: Vec<usize> = rules.iter().map(|r| names.iter().filter(|n| n.contains(r)).count()).collect();
        let total = counts.iter().sum();
        if total > 0 {
            rows.push((total, counts, page));
        }
    }
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.2.cmp(&b.2)));
    println!("tuned pages without a label or audit, by facts of: {}", rules.join(" | "));
    for (total, counts, page) in rows.iter().take(SHOWN) {
        println!("  {total:>3}  {counts:?}  {page}");
    }
}

/// (split name, page path relative to the corpus) of the tuned-half wcxb-forum and harvest pages.
fn tuned_pages(corpus: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let dirs = [("wcxb-forum/dev/ground-truth", ".json"), ("harvest-web-forum-52/goldDocuments", ".json")];
    for (dir, ext) in dirs {
        let mut names: Vec<String> = std::fs::read_dir(corpus.join(dir))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned())).collect())
            .unwrap_or_default();
        names.sort();
        for name in names {
            let Some(stem) = name.strip_suffix(ext) else { continue };
            if !held_out(stem) {
                out.push((stem.to_string(), format!("{dir}/{name}")));
            }
        }
    }
    out
}

//! The precision audit (`tests/labels/audit/*.json`): tuning threads whose shown facts were each judged
//! right or wrong by a reader, without a full label (no recall). Far more threads can be audited than
//! labelled, so the error classes of the fact stage show on more than a handful of pages.
//!
//! Each run recomputes the facts of the audited threads and looks every shown fact up in the stored
//! judgements: judged right, judged wrong (with a class name), or not judged yet (a fact a rule change
//! brought in, counted and printed as "unjudged" until someone judges it). Audit threads are tuning data:
//! they are all in the tuned half of the corpus split and have no label file.
//!
//! ```text
//! cargo run --release --bin facts_eval -- --audit [--audit-dump]   # the audit alone; --audit-dump: every shown fact
//! ```

use crate::labels::{load_thread, Label};
use crate::score::predicted_numbers;
use serde::Deserialize;
use std::path::Path;
use threadcard::{facts, Facts, Options};

/// One audit file: the threads a session judged.
#[derive(Deserialize)]
pub struct Audit {
    pub threads: Vec<AuditThread>,
}

#[derive(Deserialize)]
pub struct AuditThread {
    pub id: String,
    /// A page of the corpus, relative to it (read as the labels read it).
    pub page: String,
    /// Keys ([`fact_keys`]) of the facts judged right; a date's key may carry its value in brackets.
    #[serde(default)]
    pub right: Vec<String>,
    /// The facts judged wrong, each with the class of its error.
    #[serde(default)]
    pub wrong: Vec<Wrong>,
}

#[derive(Deserialize)]
pub struct Wrong {
    pub fact: String,
    pub class: String,
}

/// Fact kinds the audit judges, in the order they print.
const KINDS: &[&str] = &["entity", "number", "date", "quote", "source", "work"];

/// Every shown fact of a thread as a key (`kind:text`), the text around it, for judging, and a more
/// specific key whose judgement comes first where there is one: a date's with its resolved value in
/// brackets ("date:today [2022-07-12]"), for a page where the same words are right in one post and
/// wrong in another; a range's with its high end ("number:5-6 $" beside "number:5 $"), for a range
/// judged as a whole apart from its low end shown alone.
pub fn fact_keys(f: &Facts) -> Vec<(String, String, Option<String>)> {
    let mut keys = Vec::new();
    for e in &f.entities {
        keys.push((format!("entity:{}", e.name), format!("{:?}, {} mentions", e.kind, e.mentions), None));
    }
    // Numbers as the eval scores them (quantities, then counts of time units in dates and durations),
    // keyed by value and what they count, shown with their own text.
    for (i, (value, what, max)) in predicted_numbers(f).into_iter().enumerate() {
        let context = f.quantities.get(i).map_or_else(|| what.clone(), |q| q.text.clone());
        let ranged = max.map(|max| format!("number:{value}-{max} {}", what.trim()));
        keys.push((format!("number:{value} {}", what.trim()), context, ranged));
    }
    for d in &f.dates {
        let value = d.value.clone().unwrap_or_default();
        let valued = format!("date:{} [{value}]", d.text);
        keys.push((format!("date:{}", d.text), value, Some(valued)));
    }
    for q in &f.quotes {
        let short: String = q.text.chars().take(60).collect();
        keys.push((format!("quote:{short}"), q.speaker.clone().unwrap_or_default(), None));
    }
    for s in &f.sources {
        keys.push((format!("source:{}", s.url), s.title.clone().unwrap_or_default(), None));
    }
    for w in &f.works {
        keys.push((format!("work:{}", w.name), String::new(), None));
    }
    keys
}

/// Per kind: facts judged right, judged wrong, not judged.
#[derive(Default, Clone, Copy)]
struct Tally {
    right: usize,
    wrong: usize,
    unjudged: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        let judged = self.right + self.wrong;
        if judged == 0 {
            1.0
        } else {
            self.right as f64 / judged as f64
        }
    }
}

/// Runs each audit file of `dir` (in name order) against today's fact stage and prints its precision.
/// Returns each file's name (its stem: `session14`) with its precision; files audit different kinds of
/// page, so each has its floor (`audit.<stem>.facts.precision`).
pub fn run(dir: &Path, corpus: &Path, dump: bool) -> Vec<(String, f64)> {
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "json")).collect()
        })
        .unwrap_or_default();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else { continue };
        let audit = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| serde_json::from_str::<Audit>(&t).map_err(|e| eprintln!("{}: {e}", path.display())).ok());
        let Some(audit) = audit else { continue };
        if let Some(p) = run_one(stem, &audit, corpus, dump) {
            out.push((stem.to_string(), p));
        }
    }
    out
}

/// One audit file: its precision, by kind and by class of the wrong facts still shown. `dump` prints
/// every shown fact with its judgement. None without audited threads.
fn run_one(name: &str, audit: &Audit, corpus: &Path, dump: bool) -> Option<f64> {
    let threads: Vec<&AuditThread> = audit.threads.iter().collect();
    if threads.is_empty() {
        return None;
    }
    let mut by_kind = vec![Tally::default(); KINDS.len()];
    let mut classes: Vec<(String, usize)> = Vec::new();
    let mut read = 0;
    for t in &threads {
        let label = Label::page_only(&t.id, &t.page);
        let Some((thread, url)) = load_thread(&label, corpus) else {
            println!("  audit {}: page not found, skipped", t.id);
            continue;
        };
        read += 1;
        let f = facts::extract_at(&thread, url.as_deref(), &Options::default());
        if dump {
            println!("\naudit thread {} ({})", t.id, t.page);
        }
        for (key, context, specific) in fact_keys(&f) {
            let kind = key.split(':').next().unwrap_or("");
            let Some(tally) = KINDS.iter().position(|k| *k == kind).and_then(|i| by_kind.get_mut(i)) else { continue };
            // The more specific key's judgement (a date's value, a whole range) comes first.
            let key = match specific {
                Some(v) if t.wrong.iter().any(|w| w.fact == v) || t.right.contains(&v) => v,
                _ => key,
            };
            let verdict = if let Some(w) = t.wrong.iter().find(|w| w.fact == key) {
                tally.wrong += 1;
                match classes.iter_mut().find(|(c, _)| *c == w.class) {
                    Some((_, n)) => *n += 1,
                    None => classes.push((w.class.clone(), 1)),
                }
                "WRONG"
            } else if t.right.contains(&key) {
                tally.right += 1;
                "right"
            } else {
                tally.unjudged += 1;
                "UNJUDGED"
            };
            if dump {
                println!("  {verdict:<8} {key}    [{context}]");
            }
        }
    }
    let mut all = Tally::default();
    for t in &by_kind {
        all.right += t.right;
        all.wrong += t.wrong;
        all.unjudged += t.unjudged;
    }
    println!("\nPrecision audit tests/labels/audit/{name}.json (tuned threads judged fact by fact, {read} threads):");
    println!(
        "  all facts         P {:.2}   ({} right, {} wrong, {} unjudged)",
        all.precision(),
        all.right,
        all.wrong,
        all.unjudged
    );
    for (kind, t) in KINDS.iter().zip(&by_kind) {
        if t.right + t.wrong + t.unjudged > 0 {
            println!(
                "  {kind:<17} P {:.2}   ({} right, {} wrong, {} unjudged)",
                t.precision(),
                t.right,
                t.wrong,
                t.unjudged
            );
        }
    }
    classes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let line: Vec<String> = classes.iter().map(|(c, n)| format!("{c} {n}")).collect();
    println!("  wrong by class    {}", if line.is_empty() { "none".to_string() } else { line.join(", ") });
    (read > 0).then(|| all.precision())
}

/// Each audit file's precision against its floor (`audit.<stem>.facts.precision` in `tests/facts-floors.json`).
pub fn check_floor(floors: &serde_json::Value, precisions: &[(String, f64)]) -> Vec<String> {
    let mut failures = Vec::new();
    for (name, p) in precisions {
        let key = format!("audit.{name}.facts.precision");
        let Some(floor) = floors.get(&key).and_then(serde_json::Value::as_f64) else { continue };
        if (p * 100.0).round() < (floor * 100.0).round() {
            failures.push(format!("{key} {p:.2} is below its floor {floor:.2}"));
        }
    }
    failures
}

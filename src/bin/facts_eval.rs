//! Measures the fact stage against our own labels (`tests/labels/*.json`) on threads of
//! `../shared/corpus`, beside the npm package `compromise` when it is installed, and times the fact stage
//! against parsing on a 100-post thread.
//!
//! ```text
//! cargo run --release --bin facts_eval [-- --corpus DIR] [--verbose] [--dump=LABEL_ID]
//! ```
//!
//! Threads from harvest-web-forum-52 are built from their gold posts (so the score is the fact stage's,
//! not the thread reader's); their links are the URLs written in the post text. The sample thread runs
//! through the whole pipeline. `compromise` runs on the same texts through
//! `tests/labels/compromise_eval.mjs` (see the comment there for installing it).

use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::time::Instant;
use threadcard::thread::Thread;
use threadcard::{facts, Entity, Facts, Link, Options, Post};

#[derive(Deserialize)]
struct Label {
    id: String,
    page: String,
    #[allow(dead_code)]
    language: String,
    entities: Vec<LabelEntity>,
    numbers: Vec<LabelNumber>,
    sources: Vec<String>,
    key_facts: Vec<String>,
    /// Labelled after the rules were last tuned: scored apart, as the honest figure.
    #[serde(default)]
    heldout: bool,
}

#[derive(Deserialize, Clone)]
struct LabelEntity {
    name: String,
    kind: String,
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct LabelNumber {
    value: f64,
    what: String,
}

/// Matched and total counts, for micro-averaged precision and recall.
#[derive(Default, Clone, Copy)]
struct Score {
    hit_pred: usize,
    pred: usize,
    hit_gold: usize,
    gold: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.hit_pred += o.hit_pred;
        self.pred += o.pred;
        self.hit_gold += o.hit_gold;
        self.gold += o.gold;
    }
    fn p(&self) -> f64 {
        if self.pred == 0 {
            1.0
        } else {
            self.hit_pred as f64 / self.pred as f64
        }
    }
    fn r(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.hit_gold as f64 / self.gold as f64
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = std::env::args().collect();
    let corpus = args
        .iter()
        .position(|a| a == "--corpus")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("THREADCARD_CORPUS").map(PathBuf::from))
        .unwrap_or_else(|| {
            // `../shared/corpus` beside the checkout (CI), or beside a parent folder (git worktrees).
            root.ancestors()
                .skip(1)
                .map(|a| a.join("shared/corpus"))
                .find(|p| p.is_dir())
                .unwrap_or(root.join("../shared/corpus"))
        });
    let verbose = args.iter().any(|a| a == "--verbose");
    let labels = load_labels(&root.join("tests/labels"));
    println!("facts_eval: {} labelled threads (tests/labels), corpus {}", labels.len(), corpus.display());
    if !corpus.is_dir() {
        println!("corpus absent at {}: only the sample thread is scored", corpus.display());
    }
    let mut threads = Vec::new();
    for label in &labels {
        match load_thread(label, &corpus) {
            Some(t) => threads.push((label, t)),
            None => println!("  {}: page not found, skipped", label.id),
        }
    }
    // [tuned on, held out]
    let mut totals = [Totals::default(), Totals::default()];
    let mut texts = Vec::new();
    println!("\n{:<26} {:>9} {:>9} {:>9} {:>9}", "thread", "ent P/R", "num P/R", "src P/R", "summary");
    for (label, (thread, url)) in &threads {
        let f = facts::extract_at(thread, url.as_deref(), &Options::default());
        let e = score_entities(&f.entities, &label.entities, false);
        let n = score_numbers(&f, &label.numbers);
        let s = score_sources(&f, &label.sources);
        let summary: String = f.summary.iter().map(|s| s.text.to_lowercase()).collect::<Vec<_>>().join(" ");
        let c = label.key_facts.iter().filter(|k| summary.contains(&k.to_lowercase())).count();
        let mark = if label.heldout { "*" } else { "" };
        println!(
            "{:<26} {:>4.2}/{:<4.2} {:>4.2}/{:<4.2} {:>4.2}/{:<4.2} {:>4}/{}",
            format!("{}{mark}", label.id),
            e.p(),
            e.r(),
            n.p(),
            n.r(),
            s.p(),
            s.r(),
            c,
            label.key_facts.len()
        );
        if verbose {
            show_misses(&f, label);
        }
        if args.iter().any(|a| *a == format!("--dump={}", label.id)) {
            println!("{}", serde_json::to_string_pretty(&f).unwrap_or_default());
        }
        let t = &mut totals[usize::from(label.heldout)];
        t.threads += 1;
        t.ent.add(e);
        t.typed.add(score_entities(&f.entities, &label.entities, true));
        t.num.add(n);
        t.src.add(s);
        t.covered += c;
        t.facts += label.key_facts.len();
        let text: Vec<&str> = thread.posts.iter().map(|p| p.text.as_str()).collect();
        texts.push(serde_json::json!({"id": label.id, "text": text.join("\n\n"), "heldout": label.heldout}));
    }
    totals[0].print("ThreadCard facts, threads the rules were tuned on");
    totals[1].print("ThreadCard facts, held-out threads (* above; labelled after tuning)");
    compromise(root, &labels, &texts);
    timing(&corpus);
}

/// Scores summed over a set of threads.
#[derive(Default)]
struct Totals {
    threads: usize,
    ent: Score,
    typed: Score,
    num: Score,
    src: Score,
    covered: usize,
    facts: usize,
}

impl Totals {
    fn print(&self, title: &str) {
        if self.threads == 0 {
            return;
        }
        println!("\n{title} (micro-averaged over {} threads):", self.threads);
        let line = |name: &str, s: &Score| {
            println!("  {name:<17} P {:.2}  R {:.2}   ({} predicted, {} labelled)", s.p(), s.r(), s.pred, s.gold)
        };
        line("entities", &self.ent);
        line("entities, typed", &self.typed);
        line("numbers", &self.num);
        line("sources", &self.src);
        let coverage = self.covered as f64 / self.facts.max(1) as f64;
        println!("  summary coverage  {coverage:.2}   ({} of {} key facts)", self.covered, self.facts);
    }
}

fn load_labels(dir: &Path) -> Vec<Label> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "json")).collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            serde_json::from_str(&text).map_err(|e| eprintln!("{}: {e}", p.display())).ok()
        })
        .collect()
}

/// The thread a label is about, and its URL.
fn load_thread(label: &Label, corpus: &Path) -> Option<(Thread, Option<String>)> {
    if label.page == "sample" {
        let s =
            threadcard::summarize(threadcard::SAMPLE_HTML, Some(threadcard::SAMPLE_URL), &Options::default()).ok()?;
        let thread =
            Thread { platform: s.platform, title: s.title, section: s.section, posts: s.posts, pagination: None };
        return Some((thread, Some(threadcard::SAMPLE_URL.to_string())));
    }
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(corpus.join(&label.page)).ok()?).ok()?;
    let url = doc["url"].as_str().map(str::to_string);
    if let Some(text) = doc["ground_truth"]["main_content"].as_str() {
        // wcxb-forum labels the page's main text, not its posts: one post holding it all.
        let post = Post { links: links_in(text), text: text.to_string(), ..Post::default() };
        return Some((Thread { posts: vec![post], ..Thread::default() }, url));
    }
    let posts = doc["gold_standard_annotation"]
        .as_array()?
        .iter()
        .map(|a| {
            let text = a["post_text"]["surface_form"].as_str().unwrap_or("").to_string();
            Post {
                author: a["user"]["surface_form"].as_str().map(str::to_string),
                links: links_in(&text),
                text,
                ..Post::default()
            }
        })
        .collect();
    Some((Thread { posts, ..Thread::default() }, url))
}

/// URLs written in a text, as links.
fn links_in(text: &str) -> Vec<Link> {
    text.split_whitespace()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(|w| {
            let url = w.trim_end_matches(['.', ',', ')', ';']).to_string();
            Link { domain: threadcard::url::domain(&url), text: url.clone(), url }
        })
        .collect()
}

/// `--verbose`: what the fact stage found that the labels lack, and what it missed.
fn show_misses(f: &Facts, label: &Label) {
    let gold = &label.entities;
    for e in &f.entities {
        let hit = gold
            .iter()
            .find(|g| forms(&e.name, &e.aliases).any(|a| forms(&g.name, &g.aliases).any(|b| names_match(a, b))));
        match hit {
            None => println!("    extra entity  {} ({:?}, {} mentions)", e.name, e.kind, e.mentions),
            Some(g) if format!("{:?}", e.kind).to_lowercase() != g.kind => {
                println!("    wrong kind    {} ({:?}, label {})", e.name, e.kind, g.kind)
            }
            Some(_) => {}
        }
    }
    for g in gold {
        if !f
            .entities
            .iter()
            .any(|e| forms(&e.name, &e.aliases).any(|a| forms(&g.name, &g.aliases).any(|b| names_match(a, b))))
        {
            println!("    missed entity {}", g.name);
        }
    }
    for q in &f.quantities {
        println!("    number        {} = {} [{}]", q.text, q.value, q.what);
    }
    for n in &label.numbers {
        println!("    label number  {} {}", n.value, n.what);
    }
}

/// Comparable form of a name: lowercase, no possessive, no leading "the".
fn norm(s: &str) -> String {
    let s = s.trim().to_lowercase().replace('’', "'");
    let s = s.strip_suffix("'s").unwrap_or(&s);
    s.strip_prefix("the ").unwrap_or(s).to_string()
}

/// Two names match when equal, or when one's words are a whole-word part of the other's
/// ("Akeredolu" in "Oluwarotimi Akeredolu").
fn names_match(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let contains = |long: &str, short: &str| format!(" {long} ").contains(&format!(" {short} "));
    a == b || contains(&a, &b) || contains(&b, &a)
}

fn forms<'a>(name: &'a str, aliases: &'a [String]) -> impl Iterator<Item = &'a str> {
    std::iter::once(name).chain(aliases.iter().map(String::as_str))
}

/// A predicted entity against the labelled ones, by any of their forms (and kind, when `typed`).
fn score_named(pred: &[(String, Vec<String>, String)], gold: &[LabelEntity], typed: bool) -> Score {
    let matches = |p: &(String, Vec<String>, String), g: &LabelEntity| {
        (!typed || p.2 == g.kind) && forms(&p.0, &p.1).any(|a| forms(&g.name, &g.aliases).any(|b| names_match(a, b)))
    };
    Score {
        hit_pred: pred.iter().filter(|p| gold.iter().any(|g| matches(p, g))).count(),
        pred: pred.len(),
        hit_gold: gold.iter().filter(|g| pred.iter().any(|p| matches(p, g))).count(),
        gold: gold.len(),
    }
}

fn score_entities(pred: &[Entity], gold: &[LabelEntity], typed: bool) -> Score {
    let kind = |k: threadcard::EntityKind| format!("{k:?}").to_lowercase();
    let pred: Vec<(String, Vec<String>, String)> =
        pred.iter().map(|e| (e.name.clone(), e.aliases.clone(), kind(e.kind))).collect();
    score_named(&pred, gold, typed)
}

/// Numbers: the fact stage's quantities and its durations (counts of days, hours, ...), by value and
/// by a word of what they count (or their unit).
fn score_numbers(f: &Facts, gold: &[LabelNumber]) -> Score {
    let mut pred: Vec<(f64, String)> = f
        .quantities
        .iter()
        .map(|q| (q.value, format!("{} {}", q.what, q.unit.as_deref().unwrap_or("")).to_lowercase()))
        .collect();
    for d in &f.dates {
        let Some(v) = d.value.as_deref().and_then(|v| v.strip_prefix('P')) else { continue };
        let digits: String =
            v.trim_start_matches('T').chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
        if let Ok(n) = digits.parse::<f64>() {
            pred.push((n, d.text.to_lowercase()));
        }
    }
    let matches = |p: &(f64, String), g: &LabelNumber| {
        let what = g.what.to_lowercase();
        (p.0 - g.value).abs() <= 1e-6 * g.value.abs().max(1.0)
            && (what.split_whitespace().any(|w| p.1.contains(w.trim_end_matches('s'))) || what.is_empty())
    };
    Score {
        hit_pred: pred.iter().filter(|p| gold.iter().any(|g| matches(p, g))).count(),
        pred: pred.len(),
        hit_gold: gold.iter().filter(|g| pred.iter().any(|p| matches(p, g))).count(),
        gold: gold.len(),
    }
}

fn score_sources(f: &Facts, gold: &[String]) -> Score {
    let matches = |p: &str, g: &str| p == g || threadcard::url::domain(p) == threadcard::url::domain(g);
    Score {
        hit_pred: f.sources.iter().filter(|s| gold.iter().any(|g| matches(&s.url, g))).count(),
        pred: f.sources.len(),
        hit_gold: gold.iter().filter(|g| f.sources.iter().any(|s| matches(&s.url, g))).count(),
        gold: gold.len(),
    }
}

/// Runs `compromise` on the same texts (node script) and scores its people, places and organisations.
fn compromise(root: &Path, labels: &[Label], texts: &[serde_json::Value]) {
    let script = root.join("tests/labels/compromise_eval.mjs");
    let input = std::env::temp_dir().join("threadcard-facts-eval-texts.json");
    if std::fs::write(&input, serde_json::Value::Array(texts.to_vec()).to_string()).is_err() {
        return;
    }
    let out = std::process::Command::new("node").arg(&script).arg(&input).output();
    let out = match out {
        Ok(o) if o.status.success() => o.stdout,
        Ok(o) => {
            println!("\ncompromise: not run ({})", String::from_utf8_lossy(&o.stderr).lines().last().unwrap_or(""));
            return;
        }
        Err(e) => {
            println!("\ncompromise: not run (node: {e})");
            return;
        }
    };
    let Ok(result) = serde_json::from_slice::<serde_json::Value>(&out) else {
        println!("\ncompromise: unreadable output");
        return;
    };
    let version = result["_version"].as_str().unwrap_or("?");
    for heldout in [false, true] {
        compromise_scores(&result, labels.iter().filter(|l| l.heldout == heldout), version, heldout);
    }
}

fn compromise_scores<'a>(
    result: &serde_json::Value,
    labels: impl Iterator<Item = &'a Label>,
    version: &str,
    heldout: bool,
) {
    let (mut all, mut typed, mut threads) = (Score::default(), Score::default(), 0);
    for label in labels {
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
    if threads == 0 {
        return;
    }
    let set = if heldout { "held-out" } else { "tuned-on" };
    println!("\ncompromise {version} on the same texts ({set}, {threads} threads):");
    println!(
        "  entities          P {:.2}  R {:.2}   ({} predicted, {} labelled)",
        all.p(),
        all.r(),
        all.pred,
        all.gold
    );
    println!("  entities, typed   P {:.2}  R {:.2}", typed.p(), typed.r());
}

/// Median time of `f` over `runs` runs, in milliseconds.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// The fact stage's time beside the parse time on a 100-post thread: the sample page with its replies
/// repeated to 100 posts.
fn timing(_corpus: &Path) {
    let html = hundred_post_page(threadcard::SAMPLE_HTML);
    let url = Some(threadcard::SAMPLE_URL);
    let runs = 15;
    let parse = median_ms(runs, || {
        let _ = threadcard::parse::parse(&html, url);
    });
    let page = threadcard::parse::parse(&html, url).map(threadcard::clean::clean);
    let Ok(page) = page else { return };
    let thread = threadcard::thread::find(&page);
    let options = Options::default();
    let fact = median_ms(runs, || {
        let _ = facts::extract_at(&thread, url, &options);
    });
    let whole = median_ms(runs, || {
        let _ = threadcard::summarize(&html, url, &options);
    });
    println!(
        "\ntiming on a {} KB page, {} posts found ({} reader), median of {runs}:",
        html.len() / 1024,
        thread.posts.len(),
        thread.platform
    );
    println!(
        "  parse {parse:.2} ms   facts {fact:.2} ms   whole pipeline {whole:.2} ms   facts/parse {:.2}",
        fact / parse
    );
}

/// The sample page with its reply list repeated until the page holds 100 posts.
fn hundred_post_page(sample: &str) -> String {
    let start = sample.find("<div class=\"reply\"");
    let end = sample.find("<div class=\"ad-slot bottom-banner\"").and_then(|e| sample[..e].rfind("</div>"));
    let (Some(start), Some(end)) = (start, end) else { return sample.to_string() };
    let replies = &sample[start..end];
    let per_copy = replies.matches("<div class=\"reply\"").count().max(1);
    let mut body = String::new();
    for i in 0..99 / per_copy {
        body.push_str(&replies.replace("id=\"post-", &format!("id=\"post-{i}-")));
    }
    format!("{}{}{}", &sample[..start], body, &sample[end..])
}

//! Key posts: is the post a reader most needs (answer, solution, the asker's follow-up, the main
//! counterpoint; labelled as verbatim snippets in `key_posts`) shown in the digest? And in LexRank's
//! sentences, chosen from the same replies, as many as the digest shows?
//!
//! Labels: the `key_posts` field of `tests/labels/*.json` and the files of `tests/labels/keyposts/`
//! (threads labelled for key posts only). Each thread runs through the whole pipeline from its saved
//! page, so the page's own signals (accepted answers, scores, quotes) count as they do for a user. A
//! snippet names the first post after the opening one whose text holds it (whitespace, case and
//! apostrophes folded), so a later quote of it does not count. Threads of 6 or more posts are the
//! measure (on shorter ones the digest shows nearly every reply); all threads are printed too.

use crate::lexrank;
use serde::Deserialize;
use std::io::Read;
use std::path::Path;
use threadcard::{Options, Summary};

/// Threads with at least this many posts are the measure.
const LONG_THREAD: usize = 6;

#[derive(Deserialize)]
pub struct KeyLabel {
    pub id: String,
    pub page: String,
    #[serde(default = "tuned")]
    pub set: String,
    #[serde(default)]
    pub key_posts: Vec<KeyPostLabel>,
    /// The session that added the thread to its set: a grown tuned set prints its parts apart.
    #[serde(default)]
    pub added: Option<String>,
}

#[derive(Deserialize)]
pub struct KeyPostLabel {
    #[allow(dead_code)]
    pub role: String,
    pub text: String,
}

fn tuned() -> String {
    "tuned".to_string()
}

/// Hits over a set of threads.
#[derive(Default)]
pub struct Tally {
    pub threads: usize,
    pub long: usize,
    /// Long threads with a key post among the digest's key posts and replies, and as its first key post.
    pub shown: usize,
    pub first: usize,
    /// The same for LexRank's sentences (and its top sentence).
    pub lex_shown: usize,
    pub lex_first: usize,
    /// All threads (short ones too): digest and LexRank.
    pub all_shown: usize,
    pub all_lex: usize,
    /// Replies the digest shows, and replies in the long threads.
    pub lines: usize,
    pub replies: usize,
}

impl Tally {
    fn rate(hit: usize, of: usize) -> f64 {
        hit as f64 / of.max(1) as f64
    }
    pub fn digest(&self) -> f64 {
        Self::rate(self.shown, self.long)
    }
    pub fn lexrank(&self) -> f64 {
        Self::rate(self.lex_shown, self.long)
    }
}

/// The labels with key posts: `tests/labels/*.json`, then `tests/labels/keyposts/*.json`.
pub fn labels(root: &Path) -> Vec<KeyLabel> {
    let mut all: Vec<KeyLabel> = crate::labels::load_labels(&root.join("tests/labels"));
    all.extend(crate::labels::load_labels::<KeyLabel>(&root.join("tests/labels/keyposts")));
    all.retain(|l| !l.key_posts.is_empty());
    all
}

fn read_page(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut out).ok()?;
        return Some(String::from_utf8_lossy(&out).into_owned());
    }
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// The label's page through the whole pipeline: the bundled sample, a WEB-FORUM-52 document's `html`, or a
/// WCXB page (`wcxb-forum/dev/ground-truth/N.json` → `wcxb-forum/dev/html/N.html.gz`).
fn summarize(label: &KeyLabel, corpus: &Path) -> Option<Summary> {
    if label.page == "sample" {
        return threadcard::summarize(threadcard::SAMPLE_HTML, Some(threadcard::SAMPLE_URL), &Options::default()).ok();
    }
    let doc: serde_json::Value = serde_json::from_str(&read_page(&corpus.join(&label.page))?).ok()?;
    let url = doc["url"].as_str();
    let html = match doc["html"].as_str() {
        Some(h) => h.to_string(),
        None => {
            let html = label.page.replace("/ground-truth/", "/html/").replace(".json", ".html.gz");
            read_page(&corpus.join(html))?
        }
    };
    threadcard::summarize(&html, url, &Options::default()).ok()
}

/// Text folded for matching a snippet: lowercase, one space, straight apostrophes and quotes.
fn fold(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '“' | '”' | '„' => '"',
            c => c,
        })
        .collect();
    s.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The posts (after the first) the label's snippets name; a snippet found nowhere is reported.
fn key_posts(label: &KeyLabel, s: &Summary) -> Vec<usize> {
    let posts: Vec<String> = s.posts.iter().map(|p| fold(&p.text)).collect();
    let mut out = Vec::new();
    for k in &label.key_posts {
        let want = fold(&k.text);
        match (1..posts.len()).find(|&i| posts[i].contains(&want)) {
            Some(i) => out.push(i),
            None => println!("    {}: key post not found in our posts: {:.60}", label.id, k.text),
        }
    }
    out
}

/// LexRank over the replies' sentences (each distinct sentence once): the posts of its top `k`.
fn lexrank_posts(s: &Summary, k: usize) -> Vec<usize> {
    let mut sentences: Vec<&str> = Vec::new();
    let mut from: Vec<usize> = Vec::new();
    for (i, p) in s.posts.iter().enumerate().skip(1) {
        for sp in threadcard::facts::tokens::sentences(&p.text) {
            let text = &p.text[sp.start..sp.end];
            if !sentences.contains(&text) {
                sentences.push(text);
                from.push(i);
            }
        }
    }
    lexrank::top(&sentences, k).into_iter().map(|i| from[i]).collect()
}

/// Scores every label's thread; prints a line per thread and the totals per set (and per part of a grown
/// tuned set, which `sets` and the totals returned then end with).
pub fn run(root: &Path, corpus: &Path, sets: &mut Vec<String>, verbose: bool) -> Vec<Tally> {
    let labels = labels(root);
    for l in &labels {
        if !sets.contains(&l.set) {
            sets.push(l.set.clone());
        }
    }
    sets.sort_by_key(|s| (s != "tuned", s.clone()));
    let mut totals: Vec<Tally> = sets.iter().map(|_| Tally::default()).collect();
    // The tuned set's parts by the session that added them (`"added"`), so new tuning threads show apart.
    let mut parts: Vec<(String, Tally)> = Vec::new();
    println!("\nKey posts ({} labelled threads, whole pipeline on the saved page)", labels.len());
    println!("{:<30} {:>5} {:>9} {:>8} {:>8}  set", "thread", "posts", "key", "digest", "lexrank");
    for label in &labels {
        let Some(s) = summarize(label, corpus) else {
            println!("  {}: page not found or not read, skipped", label.id);
            continue;
        };
        let key = key_posts(label, &s);
        let d = &s.facts.digest;
        let shown: Vec<usize> = d.answers.iter().chain(&d.replies).map(|k| k.post).collect();
        let lines: usize = d.answers.iter().chain(&d.replies).map(|k| k.sentences.len()).sum();
        let lex = lexrank_posts(&s, lines.max(1));
        let hit = shown.iter().any(|p| key.contains(p));
        let first = d.answers.first().is_some_and(|k| key.contains(&k.post));
        let lex_hit = lex.iter().any(|p| key.contains(p));
        let lex_first = lex.first().is_some_and(|p| key.contains(p));
        let long = s.posts.len() >= LONG_THREAD;
        // Held-out threads are counted in their set's totals only: no row, no digest lines, so that nobody
        // tunes on them one by one.
        let tuned = label.set == "tuned";
        if tuned {
            println!(
                "{:<30} {:>5} {:>9} {:>8} {:>8}  {}{}",
                label.id,
                s.posts.len(),
                format!("{key:?}"),
                format!("{}{}", if hit { "hit" } else { "miss" }, if first { "*" } else { "" }),
                format!("{}{}", if lex_hit { "hit" } else { "miss" }, if lex_first { "*" } else { "" }),
                label.set,
                if long { "" } else { " (short)" }
            );
        }
        if verbose && tuned {
            for o in &d.opening {
                println!("      opening: {:.100}", o.text);
            }
            for k in d.answers.iter().chain(&d.replies) {
                println!("      {} post {} [{}]: {:.90}", k.label, k.post, k.signal, k.sentences.join(" "));
            }
            println!("      lexrank posts {lex:?}");
        }
        let add = |t: &mut Tally| {
            t.threads += 1;
            t.all_shown += usize::from(hit);
            t.all_lex += usize::from(lex_hit);
            if long {
                t.long += 1;
                t.shown += usize::from(hit);
                t.first += usize::from(first);
                t.lex_shown += usize::from(lex_hit);
                t.lex_first += usize::from(lex_first);
                t.lines += shown.len();
                t.replies += s.posts.len() - 1;
            }
        };
        if tuned {
            let group = format!("tuned, added {}", label.added.as_deref().unwrap_or("before"));
            match parts.iter_mut().find(|(g, _)| *g == group) {
                Some((_, t)) => add(t),
                None => {
                    let mut t = Tally::default();
                    add(&mut t);
                    parts.push((group, t));
                }
            }
        }
        let Some(t) = sets.iter().position(|x| *x == label.set).and_then(|i| totals.get_mut(i)) else { continue };
        add(t);
    }
    parts.sort_by(|a, b| a.0.cmp(&b.0));
    println!("  (hit: a key post is among the digest's key posts and replies, or LexRank's posts; * also first)");
    println!("  (held-out threads: in their set's totals below only)");
    println!(
        "\n{:<12} {:>7} {:>12} {:>12} {:>12} {:>12} {:>14}",
        "set", "threads", "digest 6+", "LexRank 6+", "first 6+", "Lex top 6+", "digest all"
    );
    let grown = if parts.len() > 1 { parts.iter().map(|(g, t)| (g.as_str(), t)).collect() } else { Vec::new() };
    let rows = sets.iter().map(String::as_str).zip(&totals);
    for (set, t) in rows.clone().take(1).chain(grown).chain(rows.skip(1)) {
        if t.threads == 0 {
            continue;
        }
        println!(
            "{:<12} {:>7} {:>7}/{:<2} {:.2} {:>5}/{:<2} {:.2} {:>5}/{:<2} {:.2} {:>5}/{:<2} {:.2} {:>6}/{:<2} {:.2}   ({} of {} replies shown)",
            set, t.threads, t.shown, t.long, t.digest(), t.lex_shown, t.long, t.lexrank(), t.first, t.long,
            Tally::rate(t.first, t.long), t.lex_first, t.long, Tally::rate(t.lex_first, t.long), t.all_shown,
            t.threads, Tally::rate(t.all_shown, t.threads), t.lines, t.replies
        );
    }
    // Every held-out set together: the honest figure the target is read against.
    let mut all = Tally::default();
    for t in sets.iter().zip(&totals).filter(|(set, _)| *set != "tuned").map(|(_, t)| t) {
        all.threads += t.threads;
        all.long += t.long;
        all.shown += t.shown;
        all.first += t.first;
        all.lex_shown += t.lex_shown;
    }
    if all.long > 0 {
        println!(
            "{:<12} {:>7} {:>7}/{:<2} {:.2} {:>5}/{:<2} {:.2} {:>5}/{:<2} {:.2}",
            "held-out all",
            all.threads,
            all.shown,
            all.long,
            all.digest(),
            all.lex_shown,
            all.long,
            all.lexrank(),
            all.first,
            all.long,
            Tally::rate(all.first, all.long)
        );
    }
    // A grown tuned set's parts have floors of their own ("tuned, added before.keyposts.digest"): the
    // threads the rules were tuned on keep theirs when harder threads join the set.
    if parts.len() > 1 {
        for (group, t) in parts {
            sets.push(group);
            totals.push(t);
        }
    }
    totals
}

/// `"<set>.keyposts.digest"` and `"<set>.keyposts.first"` floors of `tests/facts-floors.json` (a grown
/// tuned set's parts too: `"tuned, added session 14.keyposts.digest"`).
pub fn check_floors(floors: &serde_json::Value, sets: &[String], totals: &[Tally]) -> Vec<String> {
    let mut failures = Vec::new();
    for (set, t) in sets.iter().zip(totals) {
        if t.long == 0 {
            continue;
        }
        for (name, value) in [("digest", t.digest()), ("first", Tally::rate(t.first, t.long))] {
            let key = format!("{set}.keyposts.{name}");
            if let Some(floor) = floors.get(&key).and_then(|f| f.as_f64()) {
                if (value * 100.0).round() < (floor * 100.0).round() {
                    failures.push(format!("{key} {value:.2} is below its floor {floor:.2}"));
                }
            }
        }
    }
    failures
}

//! The four corpora: loading each one's pages and ground truth, and scoring our summaries with its metric.

use crate::corpus::{self, list, read_json, read_text, s, stem, Item, Run};
use crate::harvest;
use crate::metrics::{bag_f1, f1, norm, shingle_pr};
use std::path::Path;
use threadcard::Summary;

/// A dataset's scores and its per-page breakdown.
pub struct Report {
    pub name: &'static str,
    /// (floor key, label, value); values are fractions in 0..=1.
    pub metrics: Vec<(String, String, f64)>,
    pub pages: Vec<PageScore>,
}

/// One page's score (the dataset's main metric) with a note on what went wrong.
pub struct PageScore {
    pub id: String,
    pub score: f64,
    pub note: String,
    pub ms: f64,
}

impl Report {
    fn metric(&mut self, key: &str, label: &str, value: f64) {
        self.metrics.push((format!("{}.{key}", self.name), label.to_string(), value));
    }
}

fn mean(v: impl IntoIterator<Item = f64>) -> f64 {
    let (sum, n) = v.into_iter().fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// All posts' text, one post per paragraph.
pub fn posts_text(s: &Summary) -> String {
    s.posts.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n\n")
}

/// The thread as a reader sees it on the page: the title, then each post's author, time and text.
pub fn thread_text(s: &Summary) -> String {
    let mut out = s.title.clone();
    for p in &s.posts {
        for part in [p.author.as_deref(), p.published_text.as_deref(), Some(p.text.as_str())].into_iter().flatten() {
            out.push_str("\n\n");
            out.push_str(part);
        }
    }
    out
}

/// WCXB forum pages (dev split): bag-of-words F1 against `main_content`.
pub fn wcxb(root: &Path) -> Option<(Report, Vec<Run>)> {
    let dir = root.join("wcxb-forum").join("dev");
    let items: Vec<Item> = list(&dir.join("ground-truth"))
        .iter()
        .filter_map(|gt| {
            let gold = read_json(gt).ok()?;
            let id = stem(gt);
            let html = read_text(&dir.join("html").join(format!("{id}.html.gz"))).ok()?;
            let url = Some(s(&gold, "url").to_string()).filter(|u| !u.is_empty());
            Some(Item { id, html, url, gold })
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    let runs = corpus::run_all(items);
    let mut rep = Report { name: "wcxb", metrics: Vec::new(), pages: Vec::new() };
    let (mut posts_f1, mut full_f1) = (Vec::new(), Vec::new());
    for r in &runs {
        let gold = r.item.gold.pointer("/ground_truth/main_content").and_then(|v| v.as_str()).unwrap_or("");
        let (a, b) = r
            .summary
            .as_ref()
            .map(|s| (bag_f1(&posts_text(s), gold), bag_f1(&thread_text(s), gold)))
            .unwrap_or((0.0, 0.0));
        posts_f1.push(a);
        full_f1.push(b);
        let note = match &r.summary {
            Some(s) => format!("{} posts by {} (posts-only F1 {a:.3})", s.posts.len(), s.platform),
            None => r.error.clone().unwrap_or_default(),
        };
        rep.pages.push(PageScore { id: r.item.id.clone(), score: b, note, ms: r.ms });
    }
    rep.metric("f1", "bag-of-words F1, title + author + time + text (mean over pages)", mean(full_f1));
    rep.metric("f1_posts", "bag-of-words F1, posts' text only", mean(posts_f1));
    Some((rep, runs))
}

/// WEB-FORUM-52 gold documents: per-thread post count, per-post author, date and text.
pub fn harvest(root: &Path) -> Option<(Report, Vec<Run>)> {
    let items: Vec<Item> = list(&root.join("harvest-web-forum-52").join("goldDocuments"))
        .iter()
        .filter_map(|p| {
            let mut gold = read_json(p).ok()?;
            let html = gold.get_mut("html").and_then(|h| h.as_str().map(str::to_string)).unwrap_or_default();
            let url = Some(s(&gold, "url").to_string()).filter(|u| !u.is_empty());
            if let Some(o) = gold.as_object_mut() {
                o.remove("html");
            }
            Some(Item { id: stem(p), html, url, gold })
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    let runs = corpus::run_all(items);
    let mut rep = Report { name: "harvest", metrics: Vec::new(), pages: Vec::new() };
    let mut total = harvest::Tally::default();
    for r in &runs {
        let t = harvest::score(&r.item, r.summary.as_ref());
        rep.pages.push(PageScore {
            id: r.item.id.clone(),
            score: t.text_f1 / t.posts.max(1) as f64,
            note: t.note(),
            ms: r.ms,
        });
        total.add(&t);
    }
    let threads = runs.len().max(1) as f64;
    let posts = total.posts.max(1) as f64;
    rep.metric("count_exact", "threads with the exact post count", total.count_exact as f64 / threads);
    rep.metric("author", "posts with the right author", total.author as f64 / posts);
    rep.metric("date", "posts with the right date (day precision)", total.date as f64 / posts);
    rep.metric(
        "minute",
        "posts with the right time (minute, where gold has one)",
        total.minute as f64 / total.timed.max(1) as f64,
    );
    rep.metric("text_f1", "per-post text F1 (bag of words, mean over gold posts)", total.text_f1 / posts);
    Some((rep, runs))
}

/// Scrapinghub's article benchmark: 4-gram shingle precision/recall means, F1 from the means.
pub fn article(root: &Path) -> Option<(Report, Vec<Run>)> {
    let dir = root.join("article-extraction-benchmark");
    let truth = read_json(&dir.join("ground-truth.json")).ok()?;
    let items: Vec<Item> = truth
        .as_object()?
        .iter()
        .filter_map(|(id, gold)| {
            let html = read_text(&dir.join("html").join(format!("{id}.html.gz"))).ok()?;
            let url = Some(s(gold, "url").to_string()).filter(|u| !u.is_empty());
            Some(Item { id: id.clone(), html, url, gold: gold.clone() })
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    let runs = corpus::run_all(items);
    let mut rep = Report { name: "article", metrics: Vec::new(), pages: Vec::new() };
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    for r in &runs {
        let ours = r.summary.as_ref().map(posts_text).unwrap_or_default();
        let (p, rc) = shingle_pr(&ours, s(&r.item.gold, "articleBody"));
        ps.push(p);
        rs.push(rc);
        let platform = r.summary.as_ref().map(|s| s.platform.as_str()).unwrap_or("error");
        rep.pages.push(PageScore {
            id: r.item.id.clone(),
            score: f1(p, rc),
            note: format!("P {p:.2} R {rc:.2} by {platform}"),
            ms: r.ms,
        });
    }
    let (p, r) = (mean(ps), mean(rs));
    rep.metric("f1", "4-gram shingle F1 (from mean P and R)", f1(p, r));
    rep.metric("precision", "mean shingle precision", p);
    rep.metric("recall", "mean shingle recall", r);
    Some((rep, runs))
}

/// Readability's test pages: title and byline against `expected-metadata.json`, compared as lowercase words.
pub fn readability(root: &Path) -> Option<(Report, Vec<Run>)> {
    let items: Vec<Item> = list(&root.join("readability-test-pages"))
        .iter()
        .filter_map(|dir| {
            let gold = read_json(&dir.join("expected-metadata.json")).ok()?;
            let html = read_text(&dir.join("source.html")).ok()?;
            let id = dir.file_name()?.to_string_lossy().into_owned();
            // The URL Readability's own test harness reads these pages from.
            Some(Item { id, html, url: Some("http://fakehost/test/page.html".into()), gold })
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    let runs = corpus::run_all(items);
    let mut rep = Report { name: "readability", metrics: Vec::new(), pages: Vec::new() };
    let (mut titles, mut bylines) = (Vec::new(), Vec::new());
    for r in &runs {
        let title = r.summary.as_ref().map(|s| s.title.clone()).unwrap_or_default();
        let byline =
            r.summary.as_ref().and_then(|s| s.posts.first()).and_then(|p| p.author.clone()).unwrap_or_default();
        let mut score = Vec::new();
        let gold_title = s(&r.item.gold, "title");
        if !gold_title.is_empty() {
            let ok = norm(&title) == norm(gold_title);
            titles.push(ok as u8 as f64);
            score.push(ok as u8 as f64);
        }
        let gold_byline = s(&r.item.gold, "byline");
        if !gold_byline.is_empty() {
            let ok = byline_matches(&byline, gold_byline);
            bylines.push(ok as u8 as f64);
            score.push(ok as u8 as f64);
        }
        let note = format!("title {title:?} vs {gold_title:?}; byline {byline:?} vs {gold_byline:?}");
        rep.pages.push(PageScore { id: r.item.id.clone(), score: mean(score), note, ms: r.ms });
    }
    rep.metric("title", "title matches (pages with an expected title)", mean(titles));
    rep.metric("byline", "byline matches (pages with an expected byline)", mean(bylines));
    Some((rep, runs))
}

/// Readability's bylines often carry a "By " prefix; the name's words must match, in order.
fn byline_matches(ours: &str, gold: &str) -> bool {
    let (o, g) = (norm(ours), norm(gold));
    let g = g.strip_prefix("by ").unwrap_or(&g);
    let o = o.strip_prefix("by ").unwrap_or(&o);
    !o.is_empty() && o == g
}

//! The four corpora: loading each one's pages and ground truth, and scoring our summaries with its metric,
//! once over the tuned pages and once over the held-out pages (the split: `corpus::held_out`).

use crate::breakdown::{self, Breakdown};
use crate::corpus::{self, list, read_json, read_text, s, stem, Item, Run};
use crate::harvest;
use crate::metrics::{bag, bag_f1, f1, norm, overlap, prf, shingle_pr};
use std::path::Path;
use threadcard::Summary;

/// A dataset's scores on both parts and its per-page breakdown.
pub struct Report {
    pub name: &'static str,
    pub metrics: Vec<Metric>,
    pub pages: Vec<PageScore>,
    /// Where the scores are lost, by reader and kind of error (summed over each part's pages).
    pub breakdowns: Vec<Breakdown>,
    /// WCXB only: the mean F1 (tuned, held-out) with each page read as its loss class says the gold is
    /// written (`breakdown::wcxb_class`): how much of the gap is the gold's convention. Figures, not a score.
    pub conventions: Option<[f64; 2]>,
    /// WCXB only: per part (tuned, held-out), over the pages whose saved HTML holds the posts (every class but
    /// "posts not in the HTML": a JavaScript shell holds only the title, so no reader can score on it), the
    /// page count, the mean F1 and the mean F1 under the gold's conventions. Figures, not a score.
    pub with_posts: Option<[(usize, f64, f64); 2]>,
}

/// One score on the tuned and on the held-out pages; values are fractions in 0..=1.
pub struct Metric {
    /// `dataset.score`; the floors file prefixes it with `tuned.` or `held-out.`.
    pub key: String,
    pub label: &'static str,
    pub tuned: f64,
    pub held_out: f64,
}

/// One page's score (the dataset's main metric) with a note on what went wrong.
pub struct PageScore {
    pub id: String,
    pub score: f64,
    pub note: String,
    pub ms: f64,
    pub held_out: bool,
}

/// A score's name, what it measures, and its value over one part's pages.
type Score = (&'static str, &'static str, f64);

impl Report {
    fn new(name: &'static str) -> Report {
        Report {
            name,
            metrics: Vec::new(),
            pages: Vec::new(),
            breakdowns: Vec::new(),
            conventions: None,
            with_posts: None,
        }
    }

    /// Scores `rows` (one per page, tagged held-out or not) with `score`, once per part.
    fn score_parts<T: Clone>(&mut self, rows: &[(bool, T)], score: impl Fn(&[T]) -> Vec<Score>) {
        let part = |held: bool| rows.iter().filter(|r| r.0 == held).map(|r| r.1.clone()).collect::<Vec<T>>();
        let (tuned, held) = (score(&part(false)), score(&part(true)));
        for ((key, label, t), (_, _, h)) in tuned.into_iter().zip(held) {
            self.metrics.push(Metric { key: format!("{}.{key}", self.name), label, tuned: t, held_out: h });
        }
    }

    /// (tuned, held-out) page counts.
    pub fn sizes(&self) -> (usize, usize) {
        let held = self.pages.iter().filter(|p| p.held_out).count();
        (self.pages.len() - held, held)
    }
}

fn held(r: &Run) -> bool {
    corpus::held_out(&r.item.id)
}

/// The reader that read the page, as `threadcard --explain` names it ("error" when the page failed), with
/// the engines detected whose reader found no posts ("generic (xenforo: none)").
fn reader(r: &Run) -> String {
    let mut name = r.summary.as_ref().map_or_else(|| "error".to_string(), |s| s.platform.clone());
    if !r.detected_empty.is_empty() {
        name = format!("{name} ({}: none)", r.detected_empty.join(", "));
    }
    if let Some(miss) = r.generic_miss {
        name = format!("{name} ({miss:?})");
    }
    name
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

/// The whole page's text as parsed, nothing cleaned away (empty when it does not parse).
fn page_text(item: &Item) -> String {
    threadcard::parse::parse(&item.html, item.url.as_deref())
        .map(|p| threadcard::text::text_of(*p.doc.root_element()))
        .unwrap_or_default()
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
    let mut rep = Report::new("wcxb");
    let mut rows = Vec::new();
    let mut by_reader = Vec::new();
    let mut by_class = Vec::new();
    let mut conventions = Vec::new();
    let mut with_posts = Vec::new();
    for r in &runs {
        let gold = r.item.gold.pointer("/ground_truth/main_content").and_then(|v| v.as_str()).unwrap_or("");
        let (a, (precision, recall, b)) = r
            .summary
            .as_ref()
            .map(|s| (bag_f1(&posts_text(s), gold), prf(overlap(&bag(&thread_text(s)), &bag(gold)))))
            .unwrap_or((0.0, (0.0, 0.0, 0.0)));
        rows.push((held(r), (a, b)));
        let figures = breakdown::Wcxb { f1: b, f1_posts: a, precision, recall };
        by_reader.push((reader(r), held(r), figures));
        let (class, conventional) = r
            .summary
            .as_ref()
            .map_or(("error", 0.0), |s| breakdown::wcxb_class(&page_text(&r.item), s, gold, precision, recall));
        by_class.push((class.to_string(), held(r), figures));
        conventions.push((held(r), conventional));
        if class != breakdown::POSTS_NOT_IN_HTML {
            with_posts.push((held(r), b, conventional));
        }
        let note = match &r.summary {
            Some(s) => format!(
                "{} posts by {} (posts-only F1 {a:.3}; P {precision:.2} R {recall:.2}; {class})",
                s.posts.len(),
                s.platform
            ),
            None => r.error.clone().unwrap_or_default(),
        };
        rep.pages.push(PageScore { id: r.item.id.clone(), score: b, note, ms: r.ms, held_out: held(r) });
    }
    rep.score_parts(&rows, |v: &[(f64, f64)]| {
        vec![
            ("f1", "bag-of-words F1, title + author + time + text (mean over pages)", mean(v.iter().map(|x| x.1))),
            ("f1_posts", "bag-of-words F1, posts' text only", mean(v.iter().map(|x| x.0))),
        ]
    });
    rep.conventions = Some([false, true].map(|h| mean(conventions.iter().filter(|c| c.0 == h).map(|c| c.1))));
    rep.with_posts = Some([false, true].map(|h| {
        let part: Vec<&(bool, f64, f64)> = with_posts.iter().filter(|c| c.0 == h).collect();
        (part.len(), mean(part.iter().map(|c| c.1)), mean(part.iter().map(|c| c.2)))
    }));
    rep.breakdowns.push(breakdown::wcxb_readers(&by_reader));
    rep.breakdowns.push(breakdown::wcxb_classes(&by_class));
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
    let mut rep = Report::new("harvest");
    let mut rows = Vec::new();
    let mut by_reader = Vec::new();
    for r in &runs {
        let t = harvest::score(&r.item, r.summary.as_ref());
        by_reader.push((reader(r), held(r), t.clone()));
        rep.pages.push(PageScore {
            id: r.item.id.clone(),
            score: t.text_f1 / t.posts.max(1) as f64,
            note: t.note(),
            ms: r.ms,
            held_out: held(r),
        });
        rows.push((held(r), t));
    }
    rep.score_parts(&rows, harvest_scores);
    rep.breakdowns.push(breakdown::harvest_readers(&by_reader));
    rep.breakdowns.push(breakdown::harvest_errors(&by_reader));
    Some((rep, runs))
}

fn harvest_scores(threads: &[harvest::Tally]) -> Vec<Score> {
    let mut total = harvest::Tally::default();
    threads.iter().for_each(|t| total.add(t));
    let n = threads.len().max(1) as f64;
    let posts = total.posts.max(1) as f64;
    vec![
        ("count_exact", "threads with the exact post count", total.count_exact as f64 / n),
        (
            "author",
            "posts with the right author (of those whose gold author is a person)",
            total.author as f64 / (total.posts - total.unusable).max(1) as f64,
        ),
        ("date", "posts with the right date (day precision)", total.date as f64 / posts),
        (
            "minute",
            "posts with the right time (minute, where gold has one)",
            total.minute as f64 / total.timed.max(1) as f64,
        ),
        ("text_f1", "per-post text F1 (bag of words, mean over gold posts)", total.text_f1 / posts),
    ]
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
    let mut rep = Report::new("article");
    let mut rows = Vec::new();
    for r in &runs {
        let ours = r.summary.as_ref().map(posts_text).unwrap_or_default();
        let (p, rc) = shingle_pr(&ours, s(&r.item.gold, "articleBody"));
        rows.push((held(r), (p, rc)));
        let platform = r.summary.as_ref().map(|s| s.platform.as_str()).unwrap_or("error");
        rep.pages.push(PageScore {
            id: r.item.id.clone(),
            score: f1(p, rc),
            note: format!("P {p:.2} R {rc:.2} by {platform}"),
            ms: r.ms,
            held_out: held(r),
        });
    }
    rep.score_parts(&rows, |v: &[(f64, f64)]| {
        let (p, r) = (mean(v.iter().map(|x| x.0)), mean(v.iter().map(|x| x.1)));
        vec![
            ("f1", "4-gram shingle F1 (from mean P and R)", f1(p, r)),
            ("precision", "mean shingle precision", p),
            ("recall", "mean shingle recall", r),
        ]
    });
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
    let mut rep = Report::new("readability");
    let mut rows = Vec::new();
    for r in &runs {
        let title = r.summary.as_ref().map(|s| s.title.clone()).unwrap_or_default();
        let byline =
            r.summary.as_ref().and_then(|s| s.posts.first()).and_then(|p| p.author.clone()).unwrap_or_default();
        let gold_title = s(&r.item.gold, "title");
        let title_ok = (!gold_title.is_empty()).then(|| (norm(&title) == norm(gold_title)) as u8 as f64);
        let gold_byline = s(&r.item.gold, "byline");
        let byline_ok = (!gold_byline.is_empty()).then(|| byline_matches(&byline, gold_byline) as u8 as f64);
        let note = format!("title {title:?} vs {gold_title:?}; byline {byline:?} vs {gold_byline:?}");
        let score = mean(title_ok.into_iter().chain(byline_ok));
        rep.pages.push(PageScore { id: r.item.id.clone(), score, note, ms: r.ms, held_out: held(r) });
        rows.push((held(r), (title_ok, byline_ok)));
    }
    rep.score_parts(&rows, |v: &[(Option<f64>, Option<f64>)]| {
        vec![
            ("title", "title matches (pages with an expected title)", mean(v.iter().filter_map(|x| x.0))),
            ("byline", "byline matches (pages with an expected byline)", mean(v.iter().filter_map(|x| x.1))),
        ]
    });
    Some((rep, runs))
}

/// Readability's bylines often carry a "By " prefix; the name's words must match, in order.
fn byline_matches(ours: &str, gold: &str) -> bool {
    let (o, g) = (norm(ours), norm(gold));
    let g = g.strip_prefix("by ").unwrap_or(&g);
    let o = o.strip_prefix("by ").unwrap_or(&o);
    !o.is_empty() && o == g
}

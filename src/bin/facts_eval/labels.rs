//! Our labels (`tests/labels/*.json`) and the threads they are about.

use serde::Deserialize;
use std::path::{Path, PathBuf};
use threadcard::thread::Thread;
use threadcard::{Link, Options, Post};

#[derive(Deserialize)]
pub struct Label {
    pub id: String,
    /// A page of the corpus, relative to it, or `sample` for the bundled sample thread.
    pub page: String,
    #[allow(dead_code)]
    pub language: String,
    pub entities: Vec<LabelEntity>,
    pub numbers: Vec<LabelNumber>,
    pub sources: Vec<String>,
    pub key_facts: Vec<String>,
    /// Which set the thread belongs to: `tuned` (the rules were tuned on it) or a held-out set
    /// (`held-out 1`, `held-out 2`, ...: labelled after the rules were last tuned, scored apart as the
    /// honest figure).
    #[serde(default = "tuned")]
    pub set: String,
    /// The session that added the thread to its set (`"session 12"`), when a set grew: the eval prints the
    /// threads it added apart from the set's older ones.
    #[serde(default)]
    pub added: Option<String>,
}

impl Label {
    /// A label that only names its page (an audited thread: judged fact by fact, not labelled).
    pub fn page_only(id: &str, page: &str) -> Label {
        Label {
            id: id.to_string(),
            page: page.to_string(),
            language: String::new(),
            entities: Vec::new(),
            numbers: Vec::new(),
            sources: Vec::new(),
            key_facts: Vec::new(),
            set: tuned(),
            added: None,
        }
    }
}

fn tuned() -> String {
    "tuned".to_string()
}

#[derive(Deserialize, Clone)]
pub struct LabelEntity {
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
}

#[derive(Deserialize)]
pub struct LabelNumber {
    pub value: f64,
    pub what: String,
}

/// Every `*.json` file of `dir` read as a `T` (a fact label, a key-post label), in file-name order; a file
/// that does not parse is reported on stderr and skipped.
pub fn load_labels<T: serde::de::DeserializeOwned>(dir: &Path) -> Vec<T> {
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
///
/// Threads from harvest-web-forum-52 are built from their gold posts (so the score is the fact stage's,
/// not the thread reader's); their links are the URLs written in the post text. wcxb-forum labels the
/// page's main text, not its posts: one post holds it all. The sample thread runs through the whole
/// pipeline.
pub fn load_thread(label: &Label, corpus: &Path) -> Option<(Thread, Option<String>)> {
    if label.page == "sample" {
        let s =
            threadcard::summarize(threadcard::SAMPLE_HTML, Some(threadcard::SAMPLE_URL), &Options::default()).ok()?;
        let thread =
            Thread { platform: s.platform, title: s.title, section: s.section, posts: s.posts, pagination: None };
        return Some((thread, Some(threadcard::SAMPLE_URL.to_string())));
    }
    if let Some(page) = article_or_readability(label, corpus) {
        return page;
    }
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(corpus.join(&label.page)).ok()?).ok()?;
    let url = doc["url"].as_str().map(str::to_string);
    if let Some(text) = doc["ground_truth"]["main_content"].as_str() {
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

/// Audited article pages: an article-extraction-benchmark page (`.../html/<id>.html.gz`) is its
/// ground truth's article body as one post, as a wcxb page is; a readability test page (`.../source.html`) or a
/// wcxb-forum page's saved HTML runs through the whole pipeline. `None`: the page is of another corpus.
#[allow(clippy::option_option)]
fn article_or_readability(label: &Label, corpus: &Path) -> Option<Option<(Thread, Option<String>)>> {
    let page = label.page.as_str();
    if let Some(id) = page.strip_prefix("article-extraction-benchmark/html/").and_then(|p| p.strip_suffix(".html.gz")) {
        let read = || {
            let truth = std::fs::read_to_string(corpus.join("article-extraction-benchmark/ground-truth.json")).ok()?;
            let truth: serde_json::Value = serde_json::from_str(&truth).ok()?;
            let text = truth[id]["articleBody"].as_str()?.to_string();
            let post = Post { links: links_in(&text), text, ..Post::default() };
            Some((Thread { posts: vec![post], ..Thread::default() }, truth[id]["url"].as_str().map(str::to_string)))
        };
        return Some(read());
    }
    // A readability test page, or a wcxb-forum page's saved HTML (`wcxb-forum/dev/html/<id>.html.gz`):
    // the whole pipeline, so the audit judges the card a reader sees, not the facts of the gold text.
    let whole_page = (page.starts_with("readability-test-pages/") && page.ends_with("/source.html"))
        || (page.starts_with("wcxb-forum/dev/html/") && page.ends_with(".html.gz"));
    if whole_page {
        let read = || {
            let bytes = std::fs::read(corpus.join(page)).ok()?;
            let bytes = if page.ends_with(".gz") { gunzip(&bytes)? } else { bytes };
            let s = threadcard::summarize_bytes(&bytes, None, &Options::default()).ok()?;
            let thread =
                Thread { platform: s.platform, title: s.title, section: s.section, posts: s.posts, pagination: None };
            Some((thread, None))
        };
        return Some(read());
    }
    None
}

/// The bytes of a gzipped corpus page.
fn gunzip(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes), &mut out).ok()?;
    Some(out)
}

/// URLs written in a text, as the links a board would make of them ("www.x.org" too).
fn links_in(text: &str) -> Vec<Link> {
    text.split_whitespace()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www."))
        .map(|w| {
            let w = w.trim_end_matches(['.', ',', ')', ';']);
            let url = if w.starts_with("www.") { format!("http://{w}") } else { w.to_string() };
            // The link's text is what the post shows ("www.x.com"), as a board's auto-link shows it.
            Link { domain: threadcard::url::domain(&url), text: w.to_string(), url }
        })
        .collect()
}

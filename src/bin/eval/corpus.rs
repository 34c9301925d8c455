//! Reading the corpora in `../shared/corpus` (never copied into the repository), splitting each into a tuned
//! and a held-out part, and running the pipeline on each page, two pages at a time.
//!
//! # The held-out split
//!
//! Every page belongs to one part for good, decided by a fixed hash of its file name (the file's stem: the
//! name without `.html.gz` / `.json`; for the readability pages, the page's directory name). The hash is
//! 64-bit FNV-1a (offset basis `0xcbf29ce484222325`, prime `0x100000001b3`) over the name's UTF-8 bytes; a
//! page is **held out when `(hash >> 32) % 10 < 4`**, about 40% of each corpus (measured at the split:
//! wcxb 47/113, harvest 22/50, article 71/181, readability 56/130). The high half is used because FNV-1a's
//! low bits mix poorly over short, similar names. Held-out pages are only ever looked at as figures: the
//! page lists (`--show-worst`, `--verbose`) show tuned pages only.

use flate2::read::GzDecoder;
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;
use threadcard::{summarize, Options, Summary};

/// Which part of the held-out split a page belongs to (see the module doc).
pub fn held_out(name: &str) -> bool {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = name.bytes().fold(FNV_OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME));
    (hash >> 32) % 10 < 4
}

/// One page to read: where it came from, its HTML and URL, and the dataset's ground truth for it.
pub struct Item {
    /// The file name the split hashes (see [`held_out`]).
    pub id: String,
    pub html: String,
    pub url: Option<String>,
    pub gold: Value,
}

/// What the pipeline made of one page, and how long it took.
pub struct Run {
    pub item: Item,
    pub summary: Option<Summary>,
    pub error: Option<String>,
    pub ms: f64,
    /// Engines whose detector accepted the page but whose reader found no posts (as `--explain` notes).
    pub detected_empty: Vec<&'static str>,
    /// Why the structural detector found no posts, when the article reader read the page.
    pub generic_miss: Option<threadcard::thread::generic::Miss>,
}

/// Where the corpus is: `$THREADCARD_CORPUS`, else `../shared/corpus` beside the checkout (a worktree nested
/// one level deeper finds it one level further up).
pub fn locate() -> PathBuf {
    if let Some(p) = std::env::var_os("THREADCARD_CORPUS") {
        return PathBuf::from(p);
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let beside = repo.join("..").join("shared").join("corpus");
    repo.ancestors().skip(1).map(|a| a.join("shared").join("corpus")).find(|p| p.is_dir()).unwrap_or(beside)
}

/// Runs the pipeline on every item, on as many threads as the machine has cores (two here).
pub fn run_all(items: Vec<Item>) -> Vec<Run> {
    let n = items.len();
    let slots: Vec<Mutex<Option<Item>>> = items.into_iter().map(|i| Mutex::new(Some(i))).collect();
    let out: Vec<Mutex<Option<Run>>> = (0..n).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).min(4);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let Some(item) = slots[i].lock().ok().and_then(|mut s| s.take()) else { continue };
                let run = run_one(item);
                if let Ok(mut slot) = out[i].lock() {
                    *slot = Some(run);
                }
            });
        }
    });
    out.into_iter().filter_map(|m| m.into_inner().ok().flatten()).collect()
}

/// Run the whole pipeline (facts included) instead of the stages the scores measure (`--full`).
pub static FULL_PIPELINE: AtomicBool = AtomicBool::new(false);

/// Parse, clean and find the thread: everything the scores measure, without the fact stage; notes the
/// engines detected whose reader found no posts.
fn read_thread(html: &str, url: Option<&str>, run: &mut Run) -> Result<Summary, threadcard::Error> {
    let page = threadcard::clean::clean(threadcard::parse::parse(html, url)?);
    let mut detection = threadcard::thread::engines::Detection::default();
    let thread = threadcard::thread::find_noting(&page, Some(&mut detection));
    run.detected_empty = detection.empty;
    if thread.platform == "article" {
        run.generic_miss = threadcard::thread::generic::why_not(&page);
    }
    Ok(Summary {
        platform: thread.platform,
        title: thread.title,
        section: thread.section,
        posts: thread.posts,
        ..Summary::default()
    })
}

fn run_one(item: Item) -> Run {
    let mut run = Run { item, summary: None, error: None, ms: 0.0, detected_empty: Vec::new(), generic_miss: None };
    let start = Instant::now();
    let result = if FULL_PIPELINE.load(Ordering::Relaxed) {
        summarize(&run.item.html, run.item.url.as_deref(), &Options::default())
    } else {
        let (html, url) = (std::mem::take(&mut run.item.html), run.item.url.clone());
        let result = read_thread(&html, url.as_deref(), &mut run);
        run.item.html = html;
        result
    };
    run.ms = start.elapsed().as_secs_f64() * 1000.0;
    match result {
        Ok(s) => run.summary = Some(s),
        Err(e) => run.error = Some(e.to_string()),
    }
    run
}

/// A file as text; gzip when the name ends in `.gz`. Decoded as a browser would (threadcard::decode).
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        GzDecoder::new(&bytes[..]).read_to_end(&mut out).map_err(|e| format!("{}: {e}", path.display()))?;
        out
    } else {
        bytes
    };
    Ok(threadcard::decode::decode_counted(&bytes))
}

pub fn read_json(path: &Path) -> Result<Value, String> {
    serde_json::from_str(&read_text(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// Sorted entries of a directory (empty when it does not exist).
pub fn list(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    v.sort();
    v
}

/// A string field of a JSON object, `""` when absent.
pub fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The file name without `.html.gz` / `.json`.
pub fn stem(p: &Path) -> String {
    let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let name = name.strip_suffix(".html").or_else(|| name.strip_suffix(".json")).unwrap_or(name);
    name.to_string()
}

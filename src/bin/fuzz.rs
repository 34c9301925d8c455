//! `fuzz`: a seeded mutation fuzzer for the whole pipeline, on stable Rust.
//!
//!   cargo run --release --bin fuzz -- [--inputs N] [--seed S] [--max-seconds T] [--fixtures DIR]
//!
//! Its corpus is the project's own fixtures (tests/fixtures/**/*.html). Each input is a fixture with one to
//! four mutations: byte flips, tags spliced in from another fixture, deep inline or block nesting,
//! duplicated ranges, truncation, and entity and encoding junk (NULs, bidi overrides, lone surrogates as
//! references, BOMs, CRs). Every input runs through `summarize` and all five renderings under
//! `catch_unwind`, on a worker thread watched for hangs, timed in CPU time (on Linux; wall time elsewhere)
//! so that a busy machine does not make a fast input look slow. It reports inputs per second, the crashes and the
//! slowest input, and fails (exit 1) on any panic, any hang, or any input slower than [`SECONDS_PER_100KB`]
//! per 100 KB (pages under 100 KB count as 100 KB). Failing and slowest inputs are written to
//! target/fuzz/ to be replayed with the CLI. Same seed, same inputs.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use threadcard::{render, summarize, Format, Options};

/// Slowest allowed, per 100 KB of input. A generous bound: linear code takes a few ms per 100 KB natively.
const SECONDS_PER_100KB: f64 = 1.0;
/// An input taking this long is a hang: the run stops there.
const HANG_SECONDS: u64 = 60;
/// Largest input generated; duplication stops growing a page past it.
const MAX_INPUT_BYTES: usize = 2 * 1024 * 1024;
/// Deepest nesting a mutation adds (past the parser's limit, parse::MAX_NESTING, on purpose).
const MAX_ADDED_DEPTH: usize = 3000;
const FORMATS: [&str; 5] = ["card", "md", "json", "html", "text"];
/// Junk the entity mutation inserts: references to nothing, to NUL and to surrogates, raw control and
/// bidirectional characters, a BOM, stray CRs and unfinished references.
const JUNK: &[&str] = &[
    "&#0;",
    "&#x0;",
    "&#xD800;",
    "&#xDFFF;",
    "&#x110000;",
    "&#99999999999;",
    "&amp;amp;",
    "&nbsp",
    "&#",
    "&;",
    "\u{202E}",
    "\u{2066}",
    "\u{FEFF}",
    "\u{0}",
    "\u{1b}[31m",
    "\u{7}",
    "\r",
    "\r\n\r",
    "\u{FFFD}",
    "é",
    "𝕏",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "<?xml?>",
    "<!doctype x>",
    "</",
    "<",
    ">",
    "\"",
    "'",
    "=",
];

/// xorshift64*: small, seeded, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (0 when n is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

struct Args {
    inputs: usize,
    seed: u64,
    max_seconds: Option<f64>,
    fixtures: PathBuf,
}

fn args() -> Result<Args, String> {
    let mut a = Args { inputs: 3_000, seed: 1, max_seconds: None, fixtures: PathBuf::from("tests/fixtures") };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--inputs" => a.inputs = value()?.parse().map_err(|e| format!("--inputs: {e}"))?,
            "--seed" => a.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--max-seconds" => a.max_seconds = Some(value()?.parse().map_err(|e| format!("--max-seconds: {e}"))?),
            "--fixtures" => a.fixtures = PathBuf::from(value()?),
            _ => return Err(format!("unknown argument {arg}")),
        }
    }
    Ok(a)
}

fn fixtures(dir: &Path, out: &mut Vec<Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            fixtures(&p, out);
        } else if p.extension().is_some_and(|e| e == "html") {
            if let Ok(bytes) = std::fs::read(&p) {
                out.push(bytes);
            }
        }
    }
}

/// A tag (`<` to `>`) of the page, from a random place on.
fn tag_at(page: &[u8], rng: &mut Rng) -> Option<Vec<u8>> {
    let from = rng.below(page.len());
    let start = from + page.get(from..)?.iter().position(|&c| c == b'<')?;
    let len = page[start..].iter().position(|&c| c == b'>')? + 1;
    Some(page[start..start + len].to_vec())
}

fn mutate(page: &mut Vec<u8>, corpus: &[Vec<u8>], rng: &mut Rng) {
    let at = rng.below(page.len() + 1);
    match rng.below(7) {
        // Byte flips: a few bytes anywhere get a random bit flipped.
        0 => {
            for _ in 0..1 + rng.below(8) {
                if !page.is_empty() {
                    let k = rng.below(page.len());
                    page[k] ^= 1 << rng.below(8);
                }
            }
        }
        // A tag from another fixture (or this one), spliced in, a few times over.
        1 => {
            let donor = &corpus[rng.below(corpus.len())];
            let mut start = rng.below(donor.len());
            for _ in 0..1 + rng.below(20) {
                let Some(off) = donor.get(start..).and_then(|d| d.iter().position(|&c| c == b'<')) else { break };
                let s = start + off;
                let Some(len) = donor[s..].iter().position(|&c| c == b'>') else { break };
                let tag = donor[s..=s + len].to_vec();
                let k = rng.below(page.len() + 1);
                page.splice(k..k, tag);
                start = s + len + 1;
            }
        }
        // Deep nesting: inline (the Markdown walk's old exponential case) or block, unclosed or closed.
        2 => {
            let depth = 1 + rng.below(MAX_ADDED_DEPTH);
            let tags: &[&str] = if rng.below(2) == 0 {
                &["b", "i", "em", "strong", "a"]
            } else {
                &["div", "blockquote", "ul", "li", "table", "td"]
            };
            let mut open = String::new();
            let mut close = String::new();
            for k in 0..depth {
                let t = tags[(k + rng.below(2)) % tags.len()];
                open.push_str(&format!("<{t}>"));
                close.insert_str(0, &format!("</{t}>"));
            }
            let core = ["<br>", "", "word", "<p>para</p>"][rng.below(4)];
            let close = if rng.below(3) == 0 { String::new() } else { close };
            let insert = format!("{open}{core}{close}");
            page.splice(at..at, insert.into_bytes());
        }
        // Duplication: a range repeated, up to the size cap.
        3 => {
            let len = rng.below(page.len().saturating_sub(at) + 1).min(64 * 1024);
            let chunk = page[at..at + len].to_vec();
            let times = 1 + rng.below(50);
            for _ in 0..times {
                if page.len() + chunk.len() > MAX_INPUT_BYTES {
                    break;
                }
                page.splice(at..at, chunk.iter().copied());
            }
        }
        // Truncation, anywhere (in a tag, an attribute, a multi-byte character).
        4 => page.truncate(at),
        // Entity and encoding junk.
        5 => {
            for _ in 0..1 + rng.below(10) {
                let k = rng.below(page.len() + 1);
                page.splice(k..k, JUNK[rng.below(JUNK.len())].bytes());
            }
        }
        // A tag from this page's own markup, moved elsewhere.
        _ => {
            if let Some(tag) = tag_at(page, rng) {
                page.splice(at.min(page.len())..at.min(page.len()), tag);
            }
        }
    }
}

/// Runs one input through the pipeline and every rendering; the panic message, if it panicked.
fn run(html: &str) -> Result<(), String> {
    catch_unwind(AssertUnwindSafe(|| {
        if let Ok(s) = summarize(html, Some("https://forum.example/t/1?page=2"), &Options::default()) {
            for f in FORMATS {
                if let Some(format) = Format::parse(f) {
                    std::hint::black_box(render(&s, format));
                }
            }
        }
    }))
    .map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

/// CPU time this thread has run, from Linux's /proc/thread-self/schedstat (nanoseconds on the CPU first).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn save(name: &str, html: &str) -> String {
    let dir = Path::new("target/fuzz");
    let _ = std::fs::create_dir_all(dir);
    let path = dir.join(name);
    let _ = std::fs::write(&path, html);
    path.display().to_string()
}

fn main() -> std::process::ExitCode {
    let args = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("fuzz: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let mut corpus = Vec::new();
    fixtures(&args.fixtures, &mut corpus);
    if corpus.is_empty() {
        eprintln!("fuzz: no fixtures under {}", args.fixtures.display());
        return std::process::ExitCode::from(2);
    }
    // Panics are caught and counted; their default report would bury the summary.
    std::panic::set_hook(Box::new(|_| {}));
    let (jobs, inbox) = mpsc::channel::<String>();
    let (done, results) = mpsc::channel::<(Result<(), String>, f64)>();
    std::thread::spawn(move || {
        for html in inbox {
            let (t0, cpu0) = (Instant::now(), thread_cpu_seconds());
            let r = run(&html);
            // CPU time where the system gives it (the machine may be busy with other work), else wall time.
            let secs = match (cpu0, thread_cpu_seconds()) {
                (Some(a), Some(b)) => b - a,
                _ => t0.elapsed().as_secs_f64(),
            };
            if done.send((r, secs)).is_err() {
                break;
            }
        }
    });
    let mut rng = Rng(args.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let start = Instant::now();
    let (mut crashes, mut slow, mut ran, mut bytes) = (0usize, 0usize, 0usize, 0usize);
    let mut slowest: (f64, usize, usize) = (0.0, 0, 0); // (seconds per 100 KB, input, size)
    let mut slowest_html = String::new();
    for n in 0..args.inputs {
        if args.max_seconds.is_some_and(|m| start.elapsed().as_secs_f64() > m) {
            println!("fuzz: stopping at --max-seconds after {ran} inputs");
            break;
        }
        let mut page = corpus[rng.below(corpus.len())].clone();
        for _ in 0..1 + rng.below(4) {
            mutate(&mut page, &corpus, &mut rng);
        }
        let html = String::from_utf8_lossy(&page).into_owned();
        if jobs.send(html.clone()).is_err() {
            break;
        }
        let Ok((result, secs)) = results.recv_timeout(Duration::from_secs(HANG_SECONDS)) else {
            let path = save(&format!("hang-seed{}-{n}.html", args.seed), &html);
            println!(
                "FAIL fuzz: input {n} ({} bytes) still running after {HANG_SECONDS} s: saved to {path}",
                html.len()
            );
            return std::process::ExitCode::FAILURE;
        };
        ran += 1;
        bytes += html.len();
        let per_100kb = secs / (html.len().max(100 * 1024) as f64 / (100.0 * 1024.0));
        if let Err(msg) = result {
            crashes += 1;
            let path = save(&format!("crash-seed{}-{n}.html", args.seed), &html);
            println!("CRASH input {n} ({} bytes): {msg}: saved to {path}", html.len());
        }
        if per_100kb > SECONDS_PER_100KB {
            slow += 1;
            let path = save(&format!("slow-seed{}-{n}.html", args.seed), &html);
            println!(
                "SLOW input {n} ({} bytes): {secs:.2} s, over {SECONDS_PER_100KB} s per 100 KB: saved to {path}",
                html.len()
            );
        }
        if per_100kb > slowest.0 {
            slowest = (per_100kb, n, html.len());
            slowest_html = html;
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    let path = save(&format!("slowest-seed{}.html", args.seed), &slowest_html);
    println!(
        "fuzz: seed {}: {ran} inputs from {} fixtures ({:.1} MB) in {elapsed:.1} s = {:.0} inputs/s; {crashes} crashes; \
         {slow} over {SECONDS_PER_100KB} s per 100 KB; slowest: input {} ({} bytes) at {:.3} s per 100 KB ({path})",
        args.seed,
        corpus.len(),
        bytes as f64 / 1e6,
        ran as f64 / elapsed.max(1e-9),
        slowest.1,
        slowest.2,
        slowest.0,
    );
    if crashes > 0 || slow > 0 {
        println!("FAIL fuzz");
        return std::process::ExitCode::FAILURE;
    }
    println!("PASS fuzz");
    std::process::ExitCode::SUCCESS
}

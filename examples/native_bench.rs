//! Native timing of the whole pipeline (summarize + the card, Markdown and JSON rendering, as the WASM
//! `summarize` does), per stage, for profiling without a browser:
//!   cargo run --release --example native_bench -- [FILE | thread:BYTES]... [--runs N]
//! Prints, per page, the median wall time of each stage over N runs (default 11) and ms per 100 KB, so
//! time-vs-size linearity shows across pages of growing size. `thread:BYTES` is the generated thread page
//! (src/stress.rs, the page benches/bench.mjs generates; `thread:204800` is its 200 KB thread); without a
//! page argument it is the one measured. `--runs 1` runs each stage once (for an instruction profile:
//!   valgrind --tool=callgrind target/release/examples/native_bench thread:204800 --runs 1
//! then `callgrind_annotate --inclusive=yes`; each stage is a function of its own, `stage_parse`,
//! `stage_clean`, `stage_thread`, `stage_facts` and `stage_render`, so their inclusive costs are the stages').
//! `--dom` measures the extension's path instead: the page is parsed and flattened first (untimed, as the
//! browser does it before the click), and the parse stage is `stage_dom_build`, the tree built from the
//! flattened string (src/parse/dom.rs). Files ending in `.gz` are gunzipped (the corpus pages).

use std::io::Read;
use std::time::Instant;
use threadcard::{clean, facts, parse, render, stress, thread, Format, Options, Summary};

/// The URL every page is read from (links and permalinks resolve against it).
const URL: &str = "https://forum.example/t/1";

/// The page measured when none is named: the 200 KB generated thread of benches/bench.mjs.
const DEFAULT_PAGE: &str = "thread:204800";

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}

#[inline(never)]
fn stage_parse(html: &str) -> Option<parse::Page> {
    parse::parse(html, Some(URL)).ok()
}

#[inline(never)]
fn stage_dom_build(flat: &str) -> Option<parse::Page> {
    parse::dom::build(flat, Some(URL)).ok().map(|(page, _)| page)
}

#[inline(never)]
fn stage_clean(page: parse::Page) -> parse::Page {
    clean::clean(page)
}

#[inline(never)]
fn stage_thread(page: &parse::Page) -> thread::Thread {
    thread::find(page)
}

#[inline(never)]
fn stage_facts(th: &thread::Thread, options: &Options) -> threadcard::Facts {
    facts::extract_at(th, Some(URL), options)
}

#[inline(never)]
fn stage_summarize(html: &str, options: &Options) -> Option<Summary> {
    threadcard::summarize(html, Some(URL), options).ok()
}

#[inline(never)]
fn stage_summarize_dom(flat: &str, options: &Options) -> Option<Summary> {
    threadcard::summarize_dom(flat, Some(URL), options).ok()
}

#[inline(never)]
fn stage_render(s: &Summary) {
    std::hint::black_box(render::card::fragment(s));
    std::hint::black_box(render(s, Format::Markdown));
    std::hint::black_box(render(s, Format::Json));
}

/// The page a command-line argument names: a file, or `thread:BYTES` for the generated thread.
fn load(arg: &str) -> Option<String> {
    if let Some(bytes) = arg.strip_prefix("thread:") {
        return bytes.parse().ok().map(stress::thread_page);
    }
    let bytes = std::fs::read(arg).ok()?;
    if arg.ends_with(".gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut s).ok()?;
        return Some(s);
    }
    String::from_utf8(bytes).ok()
}

/// Median ms of parse, clean, thread, facts, summarize (all stages in one call), render, total. `flat`: the
/// DOM path's string, built from instead of parsing `html`.
fn measure(html: &str, flat: Option<&str>, runs: usize, options: &Options) -> Option<Vec<f64>> {
    let mut t: [Vec<f64>; 7] = Default::default();
    for _ in 0..runs {
        let t0 = Instant::now();
        let page = match flat {
            Some(f) => stage_dom_build(f)?,
            None => stage_parse(html)?,
        };
        let t1 = Instant::now();
        let page = stage_clean(page);
        let t2 = Instant::now();
        let th = stage_thread(&page);
        let t3 = Instant::now();
        let f = stage_facts(&th, options);
        let t4 = Instant::now();
        let summary = match flat {
            Some(f) => stage_summarize_dom(f, options),
            None => stage_summarize(html, options),
        };
        let t5 = Instant::now();
        if let Some(s) = &summary {
            stage_render(s);
        }
        let t6 = Instant::now();
        std::hint::black_box((f, th));
        let d = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1e3;
        let row = [d(t0, t1), d(t1, t2), d(t2, t3), d(t3, t4), d(t4, t5), d(t5, t6), d(t4, t6)];
        for (i, v) in row.into_iter().enumerate() {
            t[i].push(v);
        }
    }
    Some(t.into_iter().map(median).collect())
}

fn main() {
    let mut pages = Vec::new();
    let mut runs = 11;
    let mut dom = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--runs" {
            runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(runs).max(1);
        } else if a == "--dom" {
            dom = true;
        } else {
            pages.push(a);
        }
    }
    if pages.is_empty() {
        pages.push(DEFAULT_PAGE.to_string());
    }
    let options = Options::default();
    for name in pages {
        let Some(html) = load(&name) else {
            eprintln!("{name}: cannot read");
            continue;
        };
        let flat = dom.then(|| parse::parse(&html, Some(URL)).ok().map(|p| parse::flatten::flatten(&p.doc))).flatten();
        let Some(m) = measure(&html, flat.as_deref(), runs, &options) else {
            eprintln!("{name}: not a page");
            continue;
        };
        let kb = html.len() as f64 / 1024.0;
        println!(
            "{name} ({kb:.0} KB): parse {:.2} clean {:.2} thread {:.2} facts {:.2} (summarize {:.2}) render {:.2} \
             = {:.2} ms ({:.2} ms/100 KB)",
            m[0],
            m[1],
            m[2],
            m[3],
            m[4],
            m[5],
            m[6],
            m[6] / kb * 100.0
        );
    }
}

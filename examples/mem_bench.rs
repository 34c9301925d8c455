//! Time and peak memory of the whole pipeline (summarize, then the card, Markdown and JSON) natively, on
//! generated pages (src/stress.rs):
//!   cargo run --release --example mem_bench -- [CASE:SIZE]...
//! CASE is thread (bytes), links (count), nested-br / nested-empty (depth), deep (depth), elements (count),
//! long (bytes), sentences or scripts (count), `file:PATH` for a saved page, or `corpus:DIR` for every page
//! (`.html` or `.html.gz`) in a folder, summarized as the median, 90th percentile and worst peak over page
//! size and the pages over budget, tuned and held-out pages apart (the eval's split). Without arguments:
//! threads of 200 KB, 2 MB and 20 MB (with the time per KB: linear time keeps it flat), a page of 1M `<p>`
//! elements and the 113 real forum pages of ../shared/corpus/wcxb-forum when present, the figures
//! `./build.sh bench` prints. Peak is the most bytes live on the heap at
//! once, the page's own string included, measured by a counting allocator; the budget is 10x the page.
//! First comes what does not scale with the page: the statics the first run builds (compiled selectors,
//! interned names; charged to no page) and the peak of a run on a one-post page, the floor under a small
//! page's ratio. Pages over the budget are listed with what their tree is made of (nodes, white-space
//! nodes, attributes, text over the page's size); MEM_BENCH_ANATOMY=1 prints that for every case too.
//! With MEM_BENCH_DUMP=DIR, each page is also written to DIR (for examples/native_bench.rs's stage times),
//! and its tree in the DOM path's format as `.flat` (src/parse/dom.rs; for the WASM `summarizeDom`).

use std::time::Instant;
use threadcard::stress::{self, Counting};
use threadcard::{clean, facts, parse, render, thread, Format, Options};

#[global_allocator]
static ALLOC: Counting = Counting::new();

/// The real forum pages (the wcxb dev split), from the worktree: summarized when present.
const CORPUS: &str = "../shared/corpus/wcxb-forum/dev/html";

/// Peak heap over page size that README's budget allows.
const PEAK_BUDGET: f64 = 10.0;

fn generate(case: &str, size: usize) -> Option<String> {
    Some(match case {
        "thread" => stress::thread_page(size),
        "links" => stress::many_links(size),
        "nested-br" => stress::nested_inline(size, "<br>"),
        "nested-empty" => stress::nested_inline(size, ""),
        "deep" => stress::deep_nesting(size),
        "elements" => stress::many_elements(size),
        "long" => stress::long_post(size),
        "sentences" => stress::many_sentences(size),
        "scripts" => stress::many_scripts(size),
        _ => return None,
    })
}

fn main() {
    let mut cases: Vec<String> = std::env::args().skip(1).collect();
    if cases.is_empty() {
        cases = ["thread:200000", "thread:2000000", "thread:20000000", "elements:1000000"].map(String::from).into();
        if std::path::Path::new(CORPUS).is_dir() {
            cases.push(format!("corpus:{CORPUS}"));
        }
    }
    let options = Options::default();
    // Warm up: the first call builds the pipeline's lazy tables, which no page should be charged for.
    let before_statics = ALLOC.live();
    let _ = threadcard::summarize(&stress::thread_page(20_000), None, &options);
    fixed(ALLOC.live() - before_statics, &options);
    for case in cases {
        let (name, size) = case.split_once(':').unwrap_or((case.as_str(), "0"));
        if name == "corpus" {
            corpus(size, &options);
            continue;
        }
        // `file:PATH`: a saved page (a real thread page), decoded as the CLI does.
        let from_file =
            (name == "file").then(|| std::fs::read(size).ok().and_then(|b| threadcard::decode(&b).ok())).flatten();
        let Some(html) = from_file.or_else(|| size.parse().ok().and_then(|s| generate(name, s))) else {
            eprintln!("{case}: unknown case (see the doc comment)");
            continue;
        };
        if let Ok(dir) = std::env::var("MEM_BENCH_DUMP") {
            let stem = format!("{dir}/{}", case.trim_end_matches(".html").replace([':', '/'], "-"));
            let _ = std::fs::write(format!("{stem}.html"), &html);
            // The page as the extension's page script writes its tree (src/parse/dom.rs), for measuring the
            // DOM path's memory in WASM with the same page.
            if let Ok(page) = parse::parse(&html, None) {
                let _ = std::fs::write(format!("{stem}.flat"), parse::flatten::flatten(&page.doc));
            }
        }
        let before = ALLOC.live();
        ALLOC.reset_peak();
        let t0 = Instant::now();
        let summary = threadcard::summarize(&html, Some("https://forum.example/t/1"), &options);
        let t1 = Instant::now();
        let summarize_peak = ALLOC.peak() - before + html.len();
        let rendered = summary.as_ref().map(|s| {
            (render::card::fragment(s).len(), render(s, Format::Markdown).len(), render(s, Format::Json).len())
        });
        let t2 = Instant::now();
        // The page string was live before the run: count it in the peak, as the extension holds it too.
        let peak = ALLOC.peak() - before + html.len();
        let posts = summary.as_ref().map_or(0, |s| s.posts.len());
        let notices = summary.as_ref().map_or(0, |s| s.notices.len());
        let ratio = peak as f64 / html.len() as f64;
        let stages = stage_memory(&html, &options);
        println!(
            "{case}: {kb:.0} KB, {posts} posts, {notices} notices: summarize {s:.0} ms ({per_kb:.3} ms/KB), \
             render {r:.0} ms; peak {mb:.1} MB = {ratio:.1}x the page (budget {PEAK_BUDGET}x{over}; summarize alone {sx:.1}x){err}",
            sx = summarize_peak as f64 / html.len() as f64,
            kb = html.len() as f64 / 1024.0,
            s = (t1 - t0).as_secs_f64() * 1e3,
            per_kb = (t1 - t0).as_secs_f64() * 1e3 / (html.len() as f64 / 1024.0),
            r = (t2 - t1).as_secs_f64() * 1e3,
            mb = peak as f64 / 1e6,
            over = if ratio > PEAK_BUDGET { ", OVER" } else { "" },
            err = rendered.err().map(|e| format!(" error: {e}")).unwrap_or_default(),
        );
        println!("  {stages}");
        if std::env::var_os("MEM_BENCH_ANATOMY").is_some() {
            println!("  {}", anatomy(&html));
        }
    }
}

/// The smallest page: what any run costs whatever the page, the floor under a small page's ratio.
const TINY_PAGE: &str = "<html><head><title>t</title></head><body><p>One post.</p></body></html>";

/// Prints the memory that does not scale with the page: the statics built at first use (selectors
/// compiled once, the interned-name set; charged to no page here, but a fresh WASM instance holds them),
/// and the peak of a run on [`TINY_PAGE`].
fn fixed(statics: usize, options: &Options) {
    let floor = peak_bytes(TINY_PAGE, options);
    println!(
        "fixed: {:.0} KB of statics built at the first run (not charged to any page below); a run on a one-post \
         page peaks at {:.1} KB, {:.1}x of a 10 KB page",
        statics as f64 / 1024.0,
        floor as f64 / 1024.0,
        floor as f64 / 10_240.0
    );
}

/// Peak heap of summarize plus the card, Markdown and JSON, the page string included.
fn peak_bytes(html: &str, options: &Options) -> usize {
    let before = ALLOC.live();
    ALLOC.reset_peak();
    if let Ok(s) = threadcard::summarize(html, Some("https://forum.example/t/1"), options) {
        std::hint::black_box((render::card::fragment(&s), render(&s, Format::Markdown), render(&s, Format::Json)));
    }
    ALLOC.peak() - before + html.len()
}

/// [`peak_bytes`] over the page's size.
fn peak_ratio(html: &str, options: &Options) -> f64 {
    peak_bytes(html, options) as f64 / html.len() as f64
}

/// The held-out part of a corpus, as src/bin/eval/corpus.rs splits it: FNV-1a of the file stem.
fn held_out(stem: &str) -> bool {
    let hash = stem.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    (hash >> 32) % 10 < 4
}

/// Every page of `dir`: the peak ratios' median, 90th percentile, worst, and count over budget.
fn corpus(dir: &str, options: &Options) {
    let Ok(entries) = std::fs::read_dir(dir) else { return eprintln!("corpus:{dir}: not a folder") };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let mut rows: Vec<(f64, bool, String)> = Vec::new();
    let mut over = Vec::new();
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        let Some(stem) = name.strip_suffix(".html.gz").or_else(|| name.strip_suffix(".html")) else { continue };
        let Ok(mut bytes) = std::fs::read(&path) else { continue };
        if name.ends_with(".gz") {
            let mut out = Vec::new();
            if std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut out).is_err() {
                continue;
            }
            bytes = out;
        }
        let Ok(html) = threadcard::decode(&bytes) else { continue };
        let ratio = peak_ratio(&html, options);
        if ratio > PEAK_BUDGET {
            over.push(format!(
                "{stem} ({:.0} KB, {ratio:.1}x): {}\n    {}",
                html.len() as f64 / 1024.0,
                anatomy(&html),
                stage_memory(&html, options)
            ));
        }
        rows.push((ratio, held_out(stem), stem.to_string()));
    }
    let line = |label: &str, held: Option<bool>| {
        let mut r: Vec<&(f64, bool, String)> = rows.iter().filter(|r| held.is_none_or(|h| r.1 == h)).collect();
        r.sort_by(|a, b| a.0.total_cmp(&b.0));
        let Some(worst) = r.last() else { return };
        let at = |q: f64| r[((r.len() - 1) as f64 * q).round() as usize].0;
        let over = r.iter().filter(|x| x.0 > PEAK_BUDGET).count();
        println!(
            "  {label:<9} {n:>3} pages: peak median {:.1}x, p90 {:.1}x, worst {:.1}x ({}); over {PEAK_BUDGET}x: {over}",
            at(0.5),
            at(0.9),
            worst.0,
            worst.2,
            n = r.len()
        );
    };
    println!("corpus:{dir}: peak memory over page size (summarize and render, page included)");
    line("all", None);
    line("tuned", Some(false));
    line("held-out", Some(true));
    for page in over {
        println!("  over: {page}");
    }
}

/// An export of a summary, measured by its length.
type Export = fn(&threadcard::Summary) -> usize;

/// Where the memory goes: for each stage, the most bytes live at once during it beyond what was live when it
/// started, and the bytes live after it (the page string not counted), both over the page's size.
fn stage_memory(html: &str, options: &Options) -> String {
    let x = |bytes: usize| bytes as f64 / html.len() as f64;
    let base = ALLOC.live();
    let mut out = Vec::new();
    let mut start = base;
    let mut begin = || {
        start = ALLOC.live();
        ALLOC.reset_peak();
        start
    };
    let end = |name: &str, start: usize, out: &mut Vec<String>| {
        let (peak, live) = (ALLOC.peak(), ALLOC.live());
        out.push(format!(
            "{name} +{:.1}x at peak, {:.1}x live after",
            x(peak - start.min(peak)),
            x(live - base.min(live))
        ));
    };
    let s = begin();
    let (html, _) = threadcard::budget::apply(html);
    let Ok(page) = parse::parse(&html, Some("https://forum.example/t/1")) else { return "not a page".into() };
    end("parse", s, &mut out);
    let s = begin();
    let page = clean::clean(page);
    end("clean", s, &mut out);
    let s = begin();
    let th = thread::find(&page);
    end("thread", s, &mut out);
    let s = begin();
    let f = facts::extract_at(&th, page.url.as_deref(), options);
    end("facts", s, &mut out);
    drop(page);
    out.push(format!("{:.1}x live without the tree", x(ALLOC.live() - base.min(ALLOC.live()))));
    std::hint::black_box((&f, &th));
    // Each export of the finished summary: what it adds at its peak over the summary.
    if let Ok(summary) = threadcard::summarize(&html, Some("https://forum.example/t/1"), options) {
        let renders: [(&str, Export); 3] = [
            ("card", |s| render::card::fragment(s).len()),
            ("markdown", |s| render(s, Format::Markdown).len()),
            ("json", |s| render(s, Format::Json).len()),
        ];
        for (name, run) in renders {
            let start = ALLOC.live();
            ALLOC.reset_peak();
            std::hint::black_box(run(&summary));
            out.push(format!("{name} +{:.1}x", x(ALLOC.peak() - start.min(ALLOC.peak()))));
        }
    }
    out.join("; ")
}

/// What the parsed tree of `html` is made of: its nodes (each one slot of the tree's one `Vec`, whatever
/// it holds), how many are white space only (the indentation between tags), and its attributes and text,
/// each over the page's size: on a small page of dense markup the slots alone are most of the budget.
fn anatomy(html: &str) -> String {
    let Ok(page) = parse::parse(html, None) else { return "not a page".into() };
    let slot = std::mem::size_of::<scraper::Node>() + 5 * std::mem::size_of::<usize>();
    let (mut nodes, mut blank, mut attrs, mut attr_bytes, mut text_bytes) = (0, 0, 0, 0, 0);
    for node in page.doc.tree.nodes() {
        nodes += 1;
        match node.value() {
            scraper::Node::Element(e) => {
                attrs += e.attrs.len();
                attr_bytes += e.attrs.iter().map(|(_, v)| v.len()).sum::<usize>();
            }
            scraper::Node::Text(t) => {
                text_bytes += t.len();
                blank += usize::from(t.trim().is_empty());
            }
            _ => {}
        }
    }
    let x = |bytes: usize| bytes as f64 / html.len() as f64;
    let attr_size = std::mem::size_of::<(html5ever::QualName, html5ever::tendril::StrTendril)>();
    format!(
        "tree {nodes} nodes x {slot} B = {:.1}x ({blank} of them blank text, {:.1}x), {attrs} attributes {:.1}x, \
         text {:.1}x",
        x(nodes * slot),
        x(blank * slot),
        x(attrs * attr_size + attr_bytes),
        x(text_bytes)
    )
}

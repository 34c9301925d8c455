//! Work grows linearly with the page, whatever grows: posts, links, inline nesting, block nesting, elements,
//! the length of one post, sentences.
//!
//! Each case generates a page (src/stress.rs) at size `n` and at `4n`, runs the whole pipeline on both
//! (summarize, then the card, Markdown and JSON) and compares the work done, counted as nodes visited by the
//! text and Markdown walks and as allocation calls and bytes allocated by a counting allocator:
//! deterministic, unlike time, and every stage allocates per item it handles (a string per post, sentence,
//! link, node text). Linear work gives a ratio of about 4; the
//! bound is [`MAX_RATIO`]. The Markdown walk that re-rendered nested inline elements (exponential) and the
//! source list that rescanned every source per link (quadratic) gave ratios of 1,700 (nodes walked) and 15 (allocation calls) here. Peak memory
//! is held to the same bound.

use std::sync::Mutex;
use threadcard::stress::{self, Counting};
use threadcard::{render, Format, Options};

#[global_allocator]
static ALLOC: Counting = Counting::new();

/// Most growth of work allowed when the page grows 4 times: linear is 4, n log n about 5, quadratic 16.
const MAX_RATIO: f64 = 6.0;

/// The counters are process-wide: one measurement at a time.
static SERIAL: Mutex<()> = Mutex::new(());

#[derive(Debug, Clone, Copy)]
struct Work {
    /// Nodes visited by the text and Markdown walks (`threadcard::text::nodes_walked`).
    nodes: usize,
    calls: usize,
    bytes: usize,
    peak: usize,
}

/// The work of the whole pipeline on one page.
fn run(html: &str) -> Work {
    let nodes0 = threadcard::text::nodes_walked();
    let calls0 = ALLOC.calls();
    let total0 = ALLOC.total();
    let live0 = ALLOC.live();
    ALLOC.reset_peak();
    let s = threadcard::summarize(html, Some("https://forum.example/t/1"), &Options::default()).expect("a page");
    let out = (render::card::fragment(&s), render(&s, Format::Markdown), render(&s, Format::Json));
    std::hint::black_box(out);
    Work {
        nodes: threadcard::text::nodes_walked() - nodes0,
        calls: ALLOC.calls() - calls0,
        bytes: ALLOC.total() - total0,
        peak: ALLOC.peak() - live0,
    }
}

fn check(name: &str, n: usize, page: impl Fn(usize) -> String) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let (small, large) = (page(n), page(4 * n));
    // Warm up the pipeline's lazy tables so that neither run is charged for them.
    run(&small);
    let (a, b) = (run(&small), run(&large));
    let ratio = |x: usize, y: usize| y as f64 / x.max(1) as f64;
    let (calls, bytes, peak) = (ratio(a.calls, b.calls), ratio(a.bytes, b.bytes), ratio(a.peak, b.peak));
    let nodes = ratio(a.nodes, b.nodes);
    println!("{name}: n={n}: {a:?} -> 4n: {b:?}: ratios nodes {nodes:.2}, calls {calls:.2}, bytes {bytes:.2}, peak {peak:.2}");
    assert!(nodes <= MAX_RATIO, "{name}: nodes walked grew {nodes:.1}x for a 4x page ({a:?} -> {b:?})");
    assert!(calls <= MAX_RATIO, "{name}: allocation calls grew {calls:.1}x for a 4x page ({a:?} -> {b:?})");
    assert!(bytes <= MAX_RATIO, "{name}: bytes allocated grew {bytes:.1}x for a 4x page ({a:?} -> {b:?})");
    assert!(peak <= MAX_RATIO, "{name}: peak memory grew {peak:.1}x for a 4x page ({a:?} -> {b:?})");
}

#[test]
fn many_posts() {
    check("posts", 40_000, stress::thread_page);
}

#[test]
fn many_links() {
    check("links", 400, stress::many_links);
}

#[test]
fn nested_inline_around_a_line_break() {
    check("nested <br>", 4, |d| stress::nested_inline(d, "<br>"));
}

#[test]
fn nested_inline_around_nothing() {
    check("nested empty", 4, |d| stress::nested_inline(d, ""));
}

#[test]
fn deep_block_nesting() {
    // 100 -> 400 levels, the parser's limit (parse::MAX_NESTING); past it the page is flattened.
    check("deep", 100, stress::deep_nesting);
}

#[test]
fn many_elements() {
    check("elements", 5_000, stress::many_elements);
}

#[test]
fn one_long_post() {
    check("long post", 40_000, stress::long_post);
}

#[test]
fn many_sentences() {
    check("sentences", 400, stress::many_sentences);
}

#[test]
fn many_scripts() {
    check("scripts", 1_000, stress::many_scripts);
}

/// The vBulletin 4 fixture with `n` copies of its first post cut short inside the message (as the fuzzer's
/// truncations and duplications make, seed 2 input 160): the message's `<blockquote>` stays open, so each copy
/// nests inside the message of the one before it, and every post's text held all the posts after it.
fn unclosed_posts(n: usize) -> String {
    let page = include_str!("fixtures/engines/vbulletin4.html");
    let start = page.find("<li class=\"postbitlegacy").expect("a post in the fixture");
    let cut = page[start..].find("Anyone seen this?").map_or(page.len(), |i| start + i);
    let copy = format!("{}\n", &page[start..cut]);
    format!("{}{}{}", &page[..start], copy.repeat(n), &page[start..])
}

#[test]
fn unclosed_posts_nest() {
    check("unclosed posts", 12, unclosed_posts);
}

/// Posts with no element of their own (a time, an author and paragraphs, all siblings of every other post's)
/// repeating each other's text: each post's block ran on over every later post, and each post was read from
/// the container of all of them (posts × page; the fuzzer's seed-2 2 MB page took 23 s).
#[test]
fn flat_posts_repeating_each_other() {
    check("flat posts", 100, stress::flat_posts);
}

#[test]
fn counts_and_their_parts() {
    check("counted parts", 300, stress::counted_parts);
}

/// A post holding one capitalized run of `n` known names ("Google Microsoft Amazon ..."), as a flattened
/// menu, a tag cloud or a fuzzer's duplicated range makes: the run was cut one name at a time, each cut
/// looking the whole rest of the run up in the gazetteer (building its key) and scanning it for titles, so
/// the work was quadratic in the run (the fuzzer's seed-2 slowest page spent its time there).
fn long_capitalized_run(n: usize) -> String {
    let names = ["Google", "Microsoft", "Amazon", "Intel"];
    let run: Vec<&str> = (0..n).map(|i| names[i % names.len()]).collect();
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Brands - City Forum</title></head>
<body><h1>Brands</h1><div class="posts"><article class="post" id="post-1"><header><a class="author" href="/u/a">ann</a>
<time datetime="2024-05-01T10:00:00Z">1 May 2024</time></header><div class="body"><p>We compared the offers of the
big vendors this week. {}</p></div></article><article class="post" id="post-2"><header><a class="author"
href="/u/b">bob</a><time datetime="2024-05-02T10:00:00Z">2 May 2024</time></header><div class="body"><p>A reply
about the offers.</p></div></article></div></body></html>"#,
        run.join(" ")
    )
}

#[test]
fn long_capitalized_runs() {
    check("capitalized run", 500, long_capitalized_run);
}

/// A post naming thousands of different products ("Yesterday I installed FooBarQux12 and LumKorVex13 on
/// my laptop.", then "Foo14, BarQuxZedKor15, ..."): each one-word name was looked up as a short form in
/// every entity's forms, each form split into a new vector of its words (quadratic: a 480 KB page took
/// 6 s). The merge now indexes the forms by first and last word and by initials (`entities/short_forms.rs`).
#[test]
fn many_distinct_names() {
    check("distinct names", 500, stress::distinct_names);
}

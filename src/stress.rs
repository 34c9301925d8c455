//! Tools for measuring the pipeline on hostile and oversized pages: page generators whose size is a
//! parameter, and a counting allocator. Used by `tests/scaling.rs`, `examples/mem_bench.rs` and
//! `src/bin/fuzz.rs`; nothing in the pipeline calls them (the WASM build drops them as dead code).
//!
//! Every generator returns a page whose work grows with its parameter in one direction only (more posts,
//! more links, deeper nesting, ...), so a test can double the parameter and compare the work done.

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// A forum thread page of about `bytes` bytes: posts with author, time, signature and four paragraphs of
/// numbers and places (the page `benches/bench.mjs` generates).
pub fn thread_page(bytes: usize) -> String {
    let mut posts = String::with_capacity(bytes + 1024);
    let mut i = 0;
    while posts.len() < bytes {
        let user = i % 40;
        let _ = write!(
            posts,
            r#"<article class="post" id="post-{n}"><header><a class="author" href="/u/user{user}">user{user}</a>
<time datetime="2024-05-{day:02}T10:{min:02}:00Z">{day} May 2024</time></header><div class="body">"#,
            n = i + 1,
            day = i % 28 + 1,
            min = i % 60
        );
        for k in 0..4 {
            let _ = writeln!(
                posts,
                "<p>Reply {n}, paragraph {p}: the council said the new bridge would cost about {cost} million euros, \
                 and residents of district {d} asked whether the ferry would keep running during the {y} years of works.</p>",
                n = i + 1,
                p = k + 1,
                cost = (i * 37 + k * 11) % 900 + 100,
                d = i % 12,
                y = k + 2
            );
        }
        posts.push_str("</div><footer class=\"signature\">-- sent from my phone</footer></article>\n");
        i += 1;
    }
    page("The new bridge: costs and ferry", &format!("<div class=\"posts\">{posts}</div>"))
}

/// A thread of three posts, the first citing `n` external links (distinct URLs on a few sites, each in its
/// own paragraph with a headline-like line above some of them).
pub fn many_links(n: usize) -> String {
    let mut body = String::with_capacity(n * 120);
    for i in 0..n {
        if i % 4 == 0 {
            let _ = write!(body, "<p>Council approves bridge budget number {i}</p>");
        }
        let _ = write!(
            body,
            r#"<p>See <a href="https://news{site}.example/local/council-approves-bridge-budget-{i}">https://news{site}.example/local/council-approves-bridge-budget-{i}</a> for more.</p>"#,
            site = i % 7
        );
    }
    posts_page("Links about the bridge", &[&body, "<p>Thanks for the links.</p>", "<p>Good reading.</p>"])
}

/// One post whose body is `<b><i><em><strong>…` nested `depth` deep around `core` (`"<br>"`, `""`, a word).
pub fn nested_inline(depth: usize, core: &str) -> String {
    const TAGS: [&str; 4] = ["b", "i", "em", "strong"];
    let mut body = String::from("<p>Before the nest.</p><p>");
    for k in 0..depth {
        let _ = write!(body, "<{}>", TAGS[k % 4]);
    }
    body.push_str(core);
    for k in (0..depth).rev() {
        let _ = write!(body, "</{}>", TAGS[k % 4]);
    }
    body.push_str("</p><p>After the nest.</p>");
    posts_page("A nested post", &[&body, "<p>A reply.</p>"])
}

/// A post whose body is `depth` nested `<div>`s with a sentence at each level (deeper than the parser's
/// nesting limit once `depth` passes [`crate::parse::MAX_NESTING`]).
pub fn deep_nesting(depth: usize) -> String {
    let mut body = String::new();
    for k in 0..depth {
        let _ = write!(body, "<div>Level {k} of the nest. ");
    }
    body.push_str(&"</div>".repeat(depth));
    posts_page("A deep post", &[&body, "<p>A reply.</p>"])
}

/// A page of `n` sibling `<p>` elements of two words each, outside any post markup.
pub fn many_elements(n: usize) -> String {
    let mut body = String::with_capacity(n * 16);
    for i in 0..n {
        let _ = write!(body, "<p>word {}</p>", i % 1000);
    }
    page("Many elements", &body)
}

/// A thread whose first post is one paragraph of about `bytes` bytes of words without sentence ends.
pub fn long_post(bytes: usize) -> String {
    let words = ["bridge", "council", "ferry", "district", "residents", "works", "cost", "river"];
    let mut text = String::with_capacity(bytes + 16);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(words[i % words.len()]);
        text.push(' ');
        i += 1;
    }
    posts_page("A long post", &[&format!("<p>{text}</p>"), "<p>Too long.</p>"])
}

/// A thread page with `n` small inline `<script>`s between its posts' paragraphs (as ad- and tracker-heavy
/// boards have), and a self-closed `<i/>` in each, which the XHTML pass rewrites.
pub fn many_scripts(n: usize) -> String {
    let mut body = String::with_capacity(n * 100);
    for i in 0..n {
        let _ = write!(body, "<p>Paragraph {i} <i class=\"icon\"/></p><SCRIPT>var slot{i} = 1 < 2;</SCRIPT>");
    }
    posts_page("Many scripts", &[&body, "<p>A reply.</p>"])
}

/// A thread whose first post holds `n` short sentences with names and numbers in paragraphs of ten.
pub fn many_sentences(n: usize) -> String {
    let mut body = String::with_capacity(n * 90);
    body.push_str("<p>");
    for i in 0..n {
        let _ = write!(
            body,
            "Mayor Anna Berg said {c} million euros would go to district {d}. ",
            c = i % 900 + 10,
            d = i % 12
        );
        if i % 10 == 9 {
            body.push_str("</p><p>");
        }
    }
    body.push_str("</p>");
    posts_page("Many sentences", &[&body, "<p>A reply.</p>"])
}

/// One post of `n` sentences, each a count and a part of it after "including" (the cue that makes the fact
/// stage look for the count a part belongs to).
pub fn counted_parts(n: usize) -> String {
    let mut body = String::from("<p>");
    for i in 0..n {
        let _ = write!(body, "At least {} people came to meeting {i}, including {} children. ", 200 + i, 10 + i % 90);
    }
    body.push_str("</p>");
    posts_page("Counted parts", &[&body, "<p>A reply.</p>"])
}

/// `n` posts that repeat each other's text, with no element around each post: a time, its author and two
/// paragraphs, all siblings in one container (as a page flattened past the parser's nesting limit, or a
/// fuzzer's duplicated range, leaves them). Each post's block is a run of siblings from its time to the next.
pub fn flat_posts(n: usize) -> String {
    let mut posts = String::with_capacity(n * 400);
    for i in 0..n {
        let _ = write!(
            posts,
            r#"<time datetime="2024-05-{day:02}T10:{min:02}:00Z">{day} May 2024</time> <a class="author" href="/u/user{u}">user{u}</a>
<p>Spread the pruning over three winters: a hard cut makes an old tree answer with water shoots.</p>
<p>Start with the dead and crossing wood, then open the centre a little the second winter.</p>
"#,
            day = i % 28 + 1,
            min = i % 60,
            u = i % 40
        );
    }
    page("Pruning old trees", &format!("<div class=\"stream\">{posts}</div>"))
}

/// Syllables of [`distinct_names`]' made-up product names: 16 of them, so three make 4,096 names.
const NAME_SYLLABLES: [&str; 16] =
    ["Foo", "Bar", "Qux", "Zed", "Lum", "Kor", "Vex", "Tam", "Ril", "Nop", "Sar", "Gim", "Hob", "Wen", "Dax", "Pil"];

/// Sentences that put two made-up product names of their own in the cues of products, organisations and
/// people: the installed program, the company, the comparison, the titled person.
const NAME_SENTENCES: [[&str; 3]; 4] = [
    ["Yesterday I installed ", " and ", " on my laptop. "],
    ["The company ", " bought ", " last week. "],
    ["I think ", " is better than ", " for this. "],
    ["Mr ", " met Dr ", " in town. "],
];

/// The `i`th made-up name: camel case with a number ("FooBarQux12"), camel case ("FooBarQuxFoo") or a
/// syllable and a number ("Foo14"), every one different.
fn made_up_name(i: usize) -> String {
    let syl = |k: usize| NAME_SYLLABLES[(i >> (4 * k)) % NAME_SYLLABLES.len()];
    match i % 3 {
        0 => format!("{}{}{}{i}", syl(0), syl(1), syl(2)),
        1 => format!("{}{}{}{}", syl(0), syl(1), syl(2), syl(3)),
        _ => format!("{}{i}", syl(0)),
    }
}

/// A post of `n` sentences naming `2n` different made-up products ([`made_up_name`]) in running text,
/// then a paragraph listing `n` more of them between commas, as a changelog or a price list does: the
/// entities' merge looked each one-word name up in every entity's forms (quadratic in the names).
pub fn distinct_names(n: usize) -> String {
    let mut body = String::from("<p>");
    for i in 0..n {
        let [a, b, c] = NAME_SENTENCES[i % NAME_SENTENCES.len()];
        let _ = write!(body, "{a}{}{b}{}{c}", made_up_name(2 * i), made_up_name(2 * i + 1));
    }
    body.push_str("</p><p>");
    let listed: Vec<String> = (2 * n..3 * n).map(made_up_name).collect();
    body.push_str(&listed.join(", "));
    body.push_str(".</p>");
    posts_page("Names", &[&body, "<p>A reply about the names.</p>"])
}

/// A thread page with one post per body (author, time, body).
fn posts_page(title: &str, bodies: &[&str]) -> String {
    let mut posts = String::new();
    for (i, body) in bodies.iter().enumerate() {
        let _ = write!(
            posts,
            r#"<article class="post" id="post-{n}"><header><a class="author" href="/u/user{n}">user{n}</a>
<time datetime="2024-05-0{n}T10:00:00Z">{n} May 2024</time></header><div class="body">{body}</div></article>
"#,
            n = i + 1
        );
    }
    page(title, &format!("<div class=\"posts\">{posts}</div>"))
}

fn page(title: &str, body: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} - City Forum</title></head>
<body><nav class="breadcrumb"><a href="/">City Forum</a> › <a href="/f/transport">Transport</a></nav>
<h1>{title}</h1>{body}<footer>City Forum</footer></body></html>"#
    )
}

/// The system allocator, counting calls, bytes live and the peak of bytes live. Install it with
/// `#[global_allocator] static A: Counting = Counting::new();` in a test, example or binary.
pub struct Counting {
    calls: AtomicUsize,
    total: AtomicUsize,
    live: AtomicUsize,
    peak: AtomicUsize,
}

impl Counting {
    pub const fn new() -> Self {
        Counting {
            calls: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
            live: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
        }
    }

    /// Allocation calls (alloc and realloc) so far.
    pub fn calls(&self) -> usize {
        self.calls.load(Relaxed)
    }

    /// Bytes allocated so far, freed or not (a realloc counts its growth).
    pub fn total(&self) -> usize {
        self.total.load(Relaxed)
    }

    /// Bytes allocated and not yet freed.
    pub fn live(&self) -> usize {
        self.live.load(Relaxed)
    }

    /// Highest [`Counting::live`] since the last [`Counting::reset_peak`].
    pub fn peak(&self) -> usize {
        self.peak.load(Relaxed)
    }

    /// Starts a new peak measurement from the bytes live now.
    pub fn reset_peak(&self) {
        self.peak.store(self.live(), Relaxed);
    }

    fn grow(&self, n: usize) {
        self.total.fetch_add(n, Relaxed);
        let live = self.live.fetch_add(n, Relaxed) + n;
        self.peak.fetch_max(live, Relaxed);
    }
}

impl Default for Counting {
    fn default() -> Self {
        Self::new()
    }
}

// SAFETY: every call is forwarded to the system allocator unchanged; the counters are bookkeeping only.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.calls.fetch_add(1, Relaxed);
        self.grow(layout.size());
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.live.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        self.calls.fetch_add(1, Relaxed);
        if new_size > layout.size() {
            self.grow(new_size - layout.size());
        } else {
            self.live.fetch_sub(layout.size() - new_size, Relaxed);
        }
        System.realloc(ptr, layout, new_size)
    }
}

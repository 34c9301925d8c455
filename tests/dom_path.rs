//! The extension's DOM path gives the same Summary as the HTML path, on every fixture.
//!
//! The extension does not hand the page's HTML to html5ever: its page script writes the browser's tree in
//! the format of `parse::dom`, and the core builds its tree from that. Here the tree html5ever parsed is
//! written in that format (`parse::flatten`, what the page script writes from the browser's tree), built
//! back (`summarize_dom`), and the whole Summary compared with the HTML path's. The browser's own tree is
//! compared in the end-to-end tests (tests/e2e).

use std::path::{Path, PathBuf};
use threadcard::{parse, Format, Options};

/// The host every fixture is read from, as in tests/golden.rs.
const FIXTURE_HOST: &str = "https://fixtures.threadcard.test/";

fn fixtures(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "html") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The page in the DOM format, as the page script would write the tree html5ever parsed.
fn flat(html: &str, url: &str) -> String {
    let (html, _) = threadcard::budget::apply(html);
    let page = parse::parse(&html, Some(url)).expect("a fixture parses");
    parse::flatten::flatten(&page.doc)
}

#[test]
fn every_fixture_gives_the_same_summary_from_its_tree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures");
    let fixtures = fixtures(&root);
    assert!(fixtures.len() >= 50, "only {} fixtures", fixtures.len());
    let options = Options::default();
    let mut failures = Vec::new();
    for path in &fixtures {
        let rel = path.strip_prefix(&root).unwrap_or(path).to_string_lossy().replace('\\', "/");
        let url = format!("{FIXTURE_HOST}{}", rel.trim_end_matches(".html"));
        let bytes = std::fs::read(path).expect("fixture");
        let html = threadcard::decode::decode_at(&bytes, Some(&url)).expect("decodes").text;
        let by_html = threadcard::summarize(&html, Some(&url), &options).expect("summary");
        let by_dom = threadcard::summarize_dom(&flat(&html, &url), Some(&url), &options).expect("summary");
        // The extension's click reads the thread first and adds the facts after its card's first paint:
        // the same Summary, and the first card with the facts put in their place is the whole card.
        let mut read = threadcard::read_dom_owned(flat(&html, &url), Some(&url), &options).expect("summary");
        let first = threadcard::render::card::first(&read, &options);
        threadcard::add_facts(&mut read, &options);
        if read != by_dom {
            failures.push(format!("{rel}: read_dom_owned + add_facts differ from summarize_dom"));
        }
        let facts = threadcard::render::card::facts_html(&read, &options);
        if first.replacen(threadcard::render::card::PENDING_FACTS, &facts, 1)
            != threadcard::render::card::outline(&read, &options)
        {
            failures.push(format!("{rel}: the first card with its facts differs from the outline"));
        }
        let (a, b) = (threadcard::render(&by_html, Format::Json), threadcard::render(&by_dom, Format::Json));
        if a != b {
            let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
            let around = |s: &str| s.get(at.saturating_sub(80)..(at + 80).min(s.len())).unwrap_or("").to_string();
            failures.push(format!("{rel}: html …{}…\n      dom  …{}…", around(&a), around(&b)));
        }
    }
    assert!(failures.is_empty(), "{} of {} differ:\n  {}", failures.len(), fixtures.len(), failures.join("\n  "));
}

#[test]
fn text_with_marker_bytes_survives_the_format() {
    // Enough plain words around them that the input check does not take the page for a binary file.
    let words = "word ".repeat(200);
    let html = format!(
        "<html><head><title>a\u{1}b</title></head><body><p title=\"x\u{7}y\u{e}z\">one\u{8} two</p>{words}</body></html>"
    );
    let flat = flat(&html, "https://example.org/t/1");
    let page = parse::dom::build(&flat, None).expect("builds").0;
    assert_eq!(page.meta.title.as_deref(), Some("a\u{1}b"));
    let p = page.doc.select(&scraper::Selector::parse("p").expect("static selector")).next().expect("a p");
    assert_eq!(p.value().attr("title"), Some("x\u{7}y\u{e}z"));
    assert!(p.text().collect::<String>().starts_with("one\u{8} two"));
}

#[test]
fn bad_input_is_a_clear_error_not_a_panic() {
    let bad = [
        "<html><body>not the format</body></html>".to_string(),
        parse::dom::MAGIC.to_string(),
        format!("{}\u{4}class\u{5}x", parse::dom::MAGIC),
        format!("{}\u{1}html\u{7}\u{7}", parse::dom::MAGIC),
        format!("{}\u{1}html\u{4}class", parse::dom::MAGIC),
        format!("{}\u{1}html\u{8}\u{1}html", parse::dom::MAGIC),
        format!("{}é\u{1}html", parse::dom::MAGIC),
    ];
    for flat in bad {
        let err = parse::dom::build(&flat, None).err().unwrap_or_else(|| panic!("accepted {flat:?}"));
        assert!(err.to_string().starts_with("the page's tree did not arrive intact"), "{err}");
    }
}

#[test]
fn hostile_nesting_is_flattened_and_the_element_budget_holds() {
    let m = parse::dom::MAGIC;
    let deep = format!("{m}\u{1}html\u{1}body{}\u{6}deep words{}", "\u{1}div".repeat(5000), "\u{7}".repeat(5002));
    let page = parse::dom::build(&deep, None).expect("builds").0;
    let text: String = page.doc.root_element().text().collect();
    assert_eq!(text, "deep words");
    let depth = page.doc.tree.nodes().map(|n| n.ancestors().count()).max().unwrap_or(0);
    assert!(depth <= parse::MAX_NESTING + 1, "{depth}");
    let wide = format!("{m}\u{1}html\u{1}body{}", "\u{1}p\u{6}x\u{7}".repeat(threadcard::budget::MAX_ELEMENTS + 10));
    let (page, notice) = parse::dom::build(&wide, None).expect("builds");
    assert!(notice.is_some_and(|n| n.starts_with("Page too large")));
    assert!(page.doc.tree.nodes().count() <= 2 * threadcard::budget::MAX_ELEMENTS + 2);
}

/// The browser's tree keeps every blank text node; the DOM path leaves out the same ones html5ever's sink
/// does (`parse::blank`), so both trees hold the same nodes. The browser's tree is stood in for by
/// scraper's own sink, which keeps every blank node, over the HTML after the parse stage's rewrites.
#[test]
fn the_dom_path_leaves_out_the_blank_nodes_the_sink_leaves_out() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures");
    let (mut compared, mut dropped) = (0, 0);
    let mut failures = Vec::new();
    for path in fixtures(&root) {
        let bytes = std::fs::read(&path).expect("fixture");
        let Ok(decoded) = threadcard::decode::decode_at(&bytes, None) else { continue };
        let (html, _) = threadcard::budget::apply(&decoded.text);
        // Noscript documents and nesting cuts are rewritten before the sink: leave those pages to the test above.
        if html.contains("<noscript") || html.contains("<NOSCRIPT") {
            continue;
        }
        let Ok(ours) = parse::parse(&html, None) else { continue };
        let browser_like = scraper::Html::parse_document(&html);
        let blank_ful = parse::dom::build(&parse::flatten::flatten(&browser_like), None).expect("builds").0;
        let blank_free = parse::dom::build(&parse::flatten::flatten(&ours.doc), None).expect("builds").0;
        let elements = |d: &scraper::Html| d.tree.nodes().filter(|n| n.value().is_element()).count();
        if elements(&browser_like) != elements(&ours.doc) {
            continue; // a nesting cut or an XHTML rewrite: not the same element tree to begin with
        }
        compared += 1;
        dropped += browser_like.tree.nodes().count()
            - blank_ful.doc.tree.nodes().count().min(browser_like.tree.nodes().count());
        let (a, b) = (blank_ful.doc.tree.nodes().count(), blank_free.doc.tree.nodes().count());
        if a != b {
            failures.push(format!("{}: {a} nodes from the blank-ful tree, {b} from the sink's", path.display()));
        }
    }
    assert!(compared >= 40, "only {compared} fixtures compared");
    assert!(dropped > 0, "no blank node was left out");
    assert!(failures.is_empty(), "{} of {compared} differ:\n  {}", failures.len(), failures.join("\n  "));
}

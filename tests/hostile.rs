//! The hostile page (tests/fixtures/hostile.html) through the whole pipeline: whatever the posts hold,
//! the card, Markdown and JSON carry it as text only, and nothing of the page's text is lost.

use scraper::{Html, Selector};
use threadcard::{render, summarize, Format, Options};

const HOSTILE: &str = include_str!("fixtures/hostile.html");
const URL: &str = "https://board.example/t/hostile";

/// Elements that run code or load other documents; none may come out of a page into the card.
const ACTIVE_ELEMENTS: &str = "script, iframe, frame, object, embed, svg, math, form, base, meta, link, style, img";

fn summary() -> threadcard::Summary {
    summarize(HOSTILE, Some(URL), &Options::default()).expect("the hostile page is an HTML page")
}

fn is_script_url(v: &str) -> bool {
    let v: String = v.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_lowercase();
    v.starts_with("javascript:") || v.starts_with("vbscript:") || v.starts_with("data:")
}

#[test]
fn card_html_has_no_executable_markup() {
    let html = render::card::fragment(&summary());
    let doc = Html::parse_fragment(&html);
    let active = Selector::parse(ACTIVE_ELEMENTS).expect("static selector");
    let found: Vec<String> = doc.select(&active).map(|e| e.value().name().to_string()).collect();
    assert!(found.is_empty(), "active elements in the card: {found:?}");
    let all = Selector::parse("*").expect("static selector");
    for el in doc.select(&all) {
        for (name, value) in el.value().attrs() {
            assert!(!name.to_ascii_lowercase().starts_with("on"), "event handler attribute {name}={value:?}");
            if matches!(name, "href" | "src" | "action" | "formaction" | "srcdoc" | "xlink:href") {
                assert!(!is_script_url(value), "script URL in {name}={value:?}");
            }
        }
    }
}

#[test]
fn standalone_page_has_no_executable_markup() {
    let page = render(&summary(), Format::Html);
    let doc = Html::parse_document(&page);
    let script = Selector::parse("script, iframe, object, embed, [onerror], [onload], [onclick]").expect("selector");
    assert_eq!(doc.select(&script).count(), 0);
}

/// Places where `pat` starts and its first character is not escaped by a backslash (an even number of
/// backslashes before it), i.e. where a Markdown renderer would read it as markup.
fn unescaped(md: &str, pat: &str) -> Vec<usize> {
    md.match_indices(pat)
        .map(|(i, _)| i)
        .filter(|&i| md[..i].bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 0)
        .collect()
}

#[test]
fn markdown_has_no_script_links_or_raw_tags() {
    let md = render(&summary(), Format::Markdown);
    let squashed: String = md.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    for bad in ["](javascript:", "](vbscript:", "](data:", "<script", "<img", "<svg", "<iframe", "<a"] {
        assert!(unescaped(&squashed, bad).is_empty(), "Markdown holds {bad:?} as markup");
    }
    // The payloads are there, as escaped text.
    assert!(!unescaped(&squashed, "\\<script").is_empty());
}

#[test]
fn json_round_trips_and_keeps_payloads_as_text() {
    let s = summary();
    let json = render(&s, Format::Json);
    let back: threadcard::Summary = serde_json::from_str(&json).expect("the JSON export parses");
    assert_eq!(back, s);
    for link in s.posts.iter().flat_map(|p| &p.links) {
        assert!(!is_script_url(&link.url), "script URL kept as a link: {}", link.url);
    }
}

#[test]
fn text_is_kept() {
    let s = summary();
    let text: String = s.posts.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n");
    // The huge post survives whole, first line to last.
    assert!(text.contains("START-OF-HUGE-POST"), "start of the huge post lost");
    assert!(text.contains("Line 2600 of the long report"), "end of the huge post lost");
    assert!(text.contains("END-OF-HUGE-POST"), "end of the huge post lost");
    // Markup the board showed as text stays readable text.
    assert!(text.contains("<script>document.documentElement"), "escaped markup was dropped instead of kept as text");
    // The card shows it, escaped.
    let card = render::card::fragment(&s);
    assert!(card.contains("END-OF-HUGE-POST"));
    assert!(card.contains("&lt;script&gt;document.documentElement"));
}

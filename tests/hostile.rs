//! The hostile page (tests/fixtures/hostile.html) through the whole pipeline: whatever the posts hold,
//! the card and every export (Markdown, JSON, JSON-LD, the HTML reader page, text, file names) carry it as
//! text only, and nothing of the page's text is lost.

mod allow_list;

use scraper::{Html, Selector};
use std::collections::BTreeMap;
use threadcard::*;

const HOSTILE: &str = include_str!("fixtures/hostile.html");
/// The payloads tools/hostile.py put in the fixture, for the every-field test.
const PAYLOADS: &str = include_str!("fixtures/hostile-payloads.json");
/// The issue asks for at least this many payload shapes.
const MIN_PAYLOADS: usize = 50;
const URL: &str = "https://board.example/t/hostile";

/// Elements that run code or load other documents; none may come out of a page into the card.
/// The card's own picture of the thread (src/render/timeline.rs) is the one SVG allowed, and only its bars and
/// title may be inside it.
const ACTIVE_ELEMENTS: &str = "script, iframe, frame, object, embed, svg:not(.tc-timeline-chart), \
    svg.tc-timeline-chart *:not(title):not(rect), math, form, base, meta, link, style, img";

fn summary() -> Summary {
    summarize(HOSTILE, Some(URL), &Options::default()).expect("the hostile page is an HTML page")
}

fn is_script_url(v: &str) -> bool {
    let v: String = v.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_lowercase();
    v.starts_with("javascript:") || v.starts_with("vbscript:") || v.starts_with("data:")
}

#[test]
fn card_html_has_no_executable_markup() {
    let s = summary();
    let lazy = render::card::lazy(&s, &threadcard::Options::default());
    // The card with every post, and the extension's: its outline, then each post's body on its own.
    for html in [render::card::fragment(&s), lazy.html].iter().chain(&lazy.bodies) {
        no_executable_markup(html);
    }
}

fn no_executable_markup(html: &str) {
    let doc = Html::parse_fragment(html);
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
    let script = Selector::parse("script, iframe, object, embed, [onerror], [onload], [onclick]").expect("selector");
    for page in [render(&summary(), Format::Html), render::card::page(&summary())] {
        let doc = Html::parse_document(&page);
        assert_eq!(doc.select(&script).count(), 0);
    }
}

/// The HTML export forbids scripts itself: its first element in <head> after the charset is a CSP meta tag
/// whose policy allows no script source, whatever the page held.
#[test]
fn reader_page_forbids_scripts_by_csp() {
    let page = render(&summary(), Format::Html);
    let doc = Html::parse_document(&page);
    let csp = Selector::parse(r#"head > meta[http-equiv="Content-Security-Policy"]"#).expect("static selector");
    let policy = doc.select(&csp).next().and_then(|m| m.value().attr("content")).expect("a CSP meta tag");
    assert!(policy.contains("default-src 'none'") && !policy.contains("script-src"), "{policy}");
    let head = Selector::parse("head > *").expect("static selector");
    let order: Vec<&str> = doc.select(&head).map(|e| e.value().name()).take(2).collect();
    assert_eq!(order, ["meta", "meta"], "the CSP comes before anything it governs");
    // The payload text is in the page, as text.
    let text: String = doc.root_element().text().collect();
    assert!(text.contains("<script>document.documentElement"), "the posts' text is kept");
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
    // The summary lines hold no code, so a plain scan is exact there (the whole document, code and all,
    // is read by a CommonMark parser in `every_export_of_the_hostile_page_passes_the_allow_lists`).
    let prose = &squashed[..squashed.find("##posts").unwrap_or(squashed.len())];
    for bad in ["](javascript:", "](vbscript:", "](data:", "<script", "<img", "<svg", "<iframe", "<a"] {
        assert!(unescaped(prose, bad).is_empty(), "Markdown holds {bad:?} as markup");
    }
    // The payloads are there, as escaped text.
    assert!(!unescaped(&squashed, "\\<script").is_empty());
}

#[test]
fn json_round_trips_and_keeps_payloads_as_text() {
    let s = summary();
    let json = render(&s, Format::Json);
    let back: Summary = serde_json::from_str(&json).expect("the JSON export parses");
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

/// Every finding of the allow-lists in the five formats of `s`, each prefixed with its format.
fn findings(s: &Summary) -> Vec<String> {
    let mut out = Vec::new();
    let mut add = |format: &str, found: Vec<String>| out.extend(found.into_iter().map(|f| format!("{format}: {f}")));
    add("card", allow_list::card_fragment(&render::card::fragment(s)));
    // The extension's card: the outline, and each post's body as the page script parses it, on its own.
    let lazy = render::card::lazy(s, &threadcard::Options::default());
    add("card outline", allow_list::card_fragment(&lazy.html));
    for body in &lazy.bodies {
        add("card post body", allow_list::card_fragment(body));
    }
    add("card page", allow_list::card_page(&render::card::page(s), render::card::CSS));
    add("html", allow_list::reader_page(&render(s, Format::Html), render::reader::CSS));
    add("markdown", allow_list::markdown(&render(s, Format::Markdown)));
    add(
        "markdown read without front matter",
        allow_list::markdown_no_front_matter_support(&render(s, Format::Markdown)),
    );
    let exported = Options { exported_at: Some("2026-12-01T10:00:00Z".into()), ..Options::default() };
    add(
        "markdown, no front matter",
        allow_list::markdown(&render_with(s, Format::Markdown, &Options { front_matter: false, ..exported.clone() })),
    );
    add(
        "markdown, ISO times",
        allow_list::markdown(&render_with(s, Format::Markdown, &Options { time_format: TimeFormat::Iso, ..exported })),
    );
    add("text", allow_list::text(&render(s, Format::Text)));
    let jsonld = render(s, Format::JsonLd);
    add("jsonld", allow_list::text(&jsonld));
    if serde_json::from_str::<serde_json::Value>(&jsonld).is_err() {
        add("jsonld", vec!["does not parse as JSON".into()]);
    }
    for ext in ["md", "html"] {
        add("file name", allow_list::file_name(&render::file_name(s, ext)));
    }
    add("terminal", allow_list::text(&render(s, Format::Card)));
    let json = render(s, Format::Json);
    // serde_json writes controls as \u escapes; the file itself holds none but its own newlines.
    add("json", allow_list::text(&json));
    match serde_json::from_str::<Summary>(&json) {
        Ok(back) if back == *s => {}
        _ => add("json", vec!["does not read back as the same summary".into()]),
    }
    out
}

fn assert_clean(s: &Summary, what: &str) {
    let found = findings(s);
    assert!(
        found.is_empty(),
        "{what}: {} findings, first ones:\n{}",
        found.len(),
        found[..found.len().min(20)].join("\n")
    );
}

#[test]
fn every_export_of_the_hostile_page_passes_the_allow_lists() {
    let s = summary();
    // The payloads reached every field the page can set, so the check below looks at them all.
    assert!(s.title.contains("javascript:") && s.title.contains('$'), "title: {:?}", s.title);
    assert!(s.section.iter().any(|c| c.contains("onerror")), "breadcrumb: {:?}", s.section);
    assert!(s.posts.iter().any(|p| p.author.as_deref().is_some_and(|a| a.contains("svg"))), "no payload author");
    let pages = s.pagination.as_ref().expect("the page has rel=next and rel=prev");
    assert!(pages.next.is_some() && pages.prev.is_some(), "{pages:?}");
    assert!(s.facts.sources.iter().filter(|x| x.url.starts_with("https://ok.example/")).count() >= 10);
    assert!(s.posts.iter().flat_map(|p| &p.quotes).any(|q| q.author.as_deref().is_some_and(|a| a.contains("onerror"))));
    assert!(!s.facts.quotes.is_empty(), "no quote with a speaker");
    let md = render(&s, Format::Markdown);
    assert!(md.contains("\n````\n") && md.contains("Inline ``"), "code blocks and spans with backticks inside");
    assert_clean(&s, "the hostile page");
    // The payloads are kept as text: the rendered Markdown shows them literally.
    let shown = Html::parse_fragment(&allow_list::markdown_to_html(&md)).root_element().text().collect::<String>();
    for literal in ["<script>document", "<img src=x onerror=", "[md link](javascript:", "{onclick=", "$x$"] {
        assert!(shown.contains(literal), "the Markdown lost the text {literal:?}");
    }
}

fn payloads() -> Vec<String> {
    let v: BTreeMap<String, Vec<String>> = serde_json::from_str(PAYLOADS).expect("the payload list parses");
    v.into_values().flatten().collect()
}

/// A summary with `p` in every text field and as every URL, as if some reader had let it through.
/// `Post::markdown` is what src/text.rs would write for such a post (the card reads it back): the payload
/// as escaped text, in a quote, as a link's text and address, as inline code and as a code block.
fn everywhere(p: &str) -> Summary {
    let s = || p.to_string();
    let m = render::escape::markdown(p);
    let link = render::escape::markdown_link(&m, p);
    let markdown =
        format!("{m}\n\n> {m}\n\n{link} {}\n\n{}", render::escape::code_span(p), render::escape::code_block(p));
    let entity = |kind| Entity { name: s(), kind, mentions: 2, post: 0, aliases: vec![s()], role: Some(s()) };
    let post = Post {
        author: Some(s()),
        author_info: BTreeMap::from([(s(), s()), ("posts".into(), s())]),
        published: Some(s()),
        published_text: Some(s()),
        title: Some(s()),
        text: format!("{p}\n\n{p}\n{p}"),
        markdown,
        score: Some(-1),
        quotes: vec![PostQuote { author: Some(s()), text: s() }],
        links: vec![Link { url: s(), text: s(), domain: s() }],
        permalink: Some(s()),
        anchor: Some(s()),
        ..Post::default()
    };
    let key = || KeyPost {
        label: s(),
        signal: s(),
        post: 1,
        author: Some(s()),
        score: Some(3),
        quoted_by: 1,
        sentences: vec![s(), s()],
        anchor: Some(s()),
        permalink: Some(s()),
    };
    let mut reply = post.clone();
    reply.quotes = vec![PostQuote { author: Some(s()), text: post.text.clone() }];
    Summary {
        url: Some(s()),
        site: Some(s()),
        title: s(),
        section: vec![s(), s()],
        language: Some(s()),
        canonical: Some(s()),
        pagination: Some(Pagination { page: Some(2), pages: Some(3), next: Some(s()), prev: Some(s()) }),
        posts: vec![post, reply],
        facts: Facts {
            summary: vec![SummarySentence { text: s(), post: 0 }],
            entities: vec![entity(EntityKind::Person), entity(EntityKind::Organisation), entity(EntityKind::Place)],
            quantities: vec![Quantity { text: s(), what: s(), unit: Some(s()), ..Quantity::default() }],
            dates: vec![DateFact { text: s(), value: Some(s()), ..DateFact::default() }],
            quotes: vec![Quote { text: s(), speaker: Some(s()), posts: vec![0, 1], ..Quote::default() }],
            sources: vec![Source { url: s(), domain: s(), title: Some(s()), posts: vec![0] }],
            conflicts: vec![Conflict {
                what: s(),
                claims: vec![Claim { text: s(), value: 1.0, post: 0, source: Some(s()) }, Claim::default()],
            }],
            works: vec![Work { name: s(), post: 0, posts: vec![0, 1] }],
            durations: vec![DateFact { text: s(), value: Some(s()), ..DateFact::default() }],
            digest: Digest {
                opening: vec![SummarySentence { text: s(), post: 0 }],
                answers: vec![key()],
                replies: vec![key()],
            },
        },
        ..Summary::default()
    }
}

#[test]
fn every_payload_in_every_field_passes_the_allow_lists() {
    let all = payloads();
    assert!(all.len() >= MIN_PAYLOADS, "only {} payload shapes", all.len());
    for p in &all {
        assert_clean(&everywhere(p), &format!("payload {p:?}"));
        // The same with a safe-looking prefix, so URL payloads also sit inside a web link.
        assert_clean(&everywhere(&format!("https://ok.example/{p}")), &format!("payload https://ok.example/{p:?}"));
    }
}

/// The thread's picture (drawn for threads over a day) with a payload as every author: the SVG holds only
/// bars and a title, and every export still passes the allow-lists.
#[test]
fn the_thread_picture_passes_the_allow_lists() {
    for p in payloads().iter().take(20) {
        let mut s = everywhere(p);
        let post = s.posts[0].clone();
        s.posts = ["2022-01-10T09:00", "2022-01-11T10:00", "2022-01-11T12:00", "2022-01-14T18:00"]
            .iter()
            .map(|t| Post { published: Some(t.to_string()), ..post.clone() })
            .collect();
        let card = render::card::fragment(&s);
        assert!(card.contains("tc-timeline-chart"), "no picture drawn");
        let doc = Html::parse_fragment(&card);
        let active = Selector::parse(ACTIVE_ELEMENTS).expect("static selector");
        assert_eq!(doc.select(&active).count(), 0, "payload {p:?}");
        assert_clean(&s, &format!("payload {p:?} with the picture"));
    }
}

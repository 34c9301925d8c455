//! The card a reader keeps open (issue 10): a header with a compact byline in the board's own words,
//! the works and durations the thread mentions, and the posts as an outline of one line each whose
//! bodies keep code, links and collapsed quotes.

use threadcard::model::{DateFact, Work};
use threadcard::{render, summarize, Format, Options, Summary};

fn engine(name: &str) -> Summary {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engines").join(name);
    let html = std::fs::read_to_string(path).expect("fixture");
    summarize(&html, Some("https://board.example/t/1"), &Options::default()).expect("an HTML page")
}

fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.split_once(start).map(|(_, r)| r).unwrap_or_else(|| panic!("no {start} in {html}"));
    from.split_once(end).map(|(l, _)| l).unwrap_or(from)
}

#[test]
fn byline_shows_at_most_two_author_fields_without_key_names_or_urls() {
    let s = engine("phpbb.html");
    assert!(s.posts[0].author_info.len() > 2, "the fixture's author has more fields than the byline shows");
    let card = render::card::fragment(&s);
    let byline = between(&card, r#"<p class="tc-byline">"#, "</p>");
    assert_eq!(byline.matches("tc-author-info").count(), 2, "{byline}");
    assert!(byline.contains(">Regular rider<") && byline.contains(">Utrecht<"), "{byline}");
    // The value in the board's words only: no English key after it, no profile URL, no bare count.
    assert!(!byline.contains("Utrecht location") && !byline.contains("://") && !byline.contains("734"), "{byline}");
    let stats = between(&card, r#"<p class="tc-stats">"#, "</p>");
    assert!(stats.starts_with(&format!("{} posts · {} participants", s.stats.posts, s.stats.participants)), "{stats}");
}

#[test]
fn the_header_holds_title_and_buttons_and_the_card_is_a_dialog_div() {
    let card = render::card::fragment(&engine("xenforo2.html"));
    assert!(card.starts_with(r#"<div class="tc-card" role="dialog""#), "{}", &card[..120]);
    assert!(!card.contains("<article") && !card.contains("<header"), "no article role override, no banner landmark");
    let head = between(&card, r#"<div class="tc-head">"#, r#"<div class="tc-body">"#);
    for part in ["tc-title", "tc-byline", "tc-stats", r#"data-action="close""#, r#"data-action="copy-md""#] {
        assert!(head.contains(part), "{part} not in the header: {head}");
    }
    assert!(render::card::CSS.contains(".tc-head { position: sticky; top: 0;"), "the header must stay in view");
    assert!(render::card::CSS.contains("prefers-color-scheme: dark"), "dark mode");
}

#[test]
fn posts_are_an_outline_with_a_heading_each() {
    let s = engine("github-issue.html");
    let card = render::card::fragment(&s);
    assert_eq!(card.matches(r#"<details class="tc-post""#).count(), s.posts.len());
    assert_eq!(card.matches(r#"<summary><h3 class="tc-post-head">"#).count(), s.posts.len());
    // Code in monospace, links clickable in a new tab, the quote of the first post collapsed.
    assert!(
        card.contains(r#"<pre class="tc-code"><code>thread &#39;main&#39; panicked"#)
            || card.contains("<pre class=\"tc-code\"><code>thread 'main' panicked"),
        "{card}"
    );
    assert!(card.contains("<code>tiny.conf</code>"), "{card}");
    assert!(
        card.contains(r#"<a href="https://github.com/example-org/tinyconf/pull/513" target="_blank" rel="noopener noreferrer">#513</a>"#),
        "{card}"
    );
    assert!(card.contains(r#"<details class="tc-inquote"><summary>"#), "{card}");
}

#[test]
fn works_and_durations_reach_the_card_the_markdown_and_the_terminal() {
    let mut s = engine("phpbb.html");
    s.facts.works = vec![Work { name: "Zinn & the Art of Road Bike Maintenance".into(), post: 1, posts: vec![1] }];
    s.facts.durations = vec![DateFact { text: "two weeks".into(), value: Some("P2W".into()), post: 0 }];
    let card = render::card::fragment(&s);
    assert!(card.contains(r##"<section class="tc-works"><h2>Mentioned</h2><ul><li class="tc-work">Zinn &amp; the Art of Road Bike Maintenance <a class="tc-from" href="#tc-post-1""##), "{card}");
    assert!(card.contains(r##"<li class="tc-duration">two weeks <a class="tc-from" href="#tc-post-0""##), "{card}");
    let md = render(&s, Format::Markdown);
    assert!(
        md.contains(&format!("**Mentioned:** {}", render::escape::markdown("Zinn & the Art of Road Bike Maintenance")))
            && md.contains("- two weeks (post 1)"),
        "{md}"
    );
    let term = render(&s, Format::Card);
    assert!(term.contains("Mentioned: Zinn & the Art") && term.contains("two weeks [post 1]"), "{term}");
}

/// Splits the extension's card at its empty post bodies and puts each body back in its place.
fn with_bodies(lazy: &render::card::LazyCard) -> String {
    const EMPTY: &str = r#"<div class="tc-post-body"></div>"#;
    let mut parts = lazy.html.split(EMPTY);
    let mut out = parts.next().unwrap_or_default().to_string();
    for (part, body) in parts.zip(&lazy.bodies) {
        out.push_str(&format!(r#"<div class="tc-post-body">{body}</div>{part}"#));
    }
    out
}

#[test]
fn the_extensions_card_sends_the_bodies_apart_and_each_fits_back_in_its_place() {
    for name in ["github-issue.html", "reddit-old.html", "xenforo2.html", "discourse.html"] {
        let s = engine(name);
        let lazy = render::card::lazy(&s, &threadcard::Options::default());
        assert_eq!(lazy.bodies.len(), s.posts.len(), "{name}: one body per post");
        assert_eq!(lazy.html.matches(r#"<div class="tc-post-body"></div>"#).count(), s.posts.len(), "{name}");
        assert_eq!(lazy.html.matches(r#"<summary><h3 class="tc-post-head">"#).count(), s.posts.len(), "{name}");
        assert!(lazy.bodies.iter().all(|b| !b.is_empty()), "{name}: an empty body");
        assert_eq!(with_bodies(&lazy), render::card::fragment(&s), "{name}: the bodies back in place give the card");
        // The extension's click renders the two apart, the outline before the card is shown, the bodies after.
        let options = Options { locale: "de".into(), ..Options::default() };
        let lazy = render::card::lazy(&s, &options);
        assert_eq!(render::card::outline(&s, &options), lazy.html, "{name}: the outline alone");
        assert_eq!(render::card::bodies(&s, &options), lazy.bodies, "{name}: the bodies alone");
    }
}

/// The outline is what makes a long thread's card cheap to show: on a thread of 200 posts of a few
/// paragraphs each, its posts' markup is several times smaller than the posts with every body.
#[test]
fn the_outline_of_a_long_thread_is_several_times_smaller_than_its_posts() {
    let posts: String = (0..200)
        .map(|i| {
            let para = format!(
                "<p>Reply {i}: the council said the bridge would cost about {} million euros, and residents asked \
                 whether the ferry would keep running during the works, which could take years.</p>",
                100 + i
            );
            format!(
                r#"<article class="post" id="post-{i}"><header><a class="author" href="/u/u{}">user{}</a> <time datetime="2024-05-01T10:00:00Z">1 May 2024</time></header><div class="body">{}</div></article>"#,
                i % 40,
                i % 40,
                para.repeat(4)
            )
        })
        .collect();
    let html = format!(
        "<!doctype html><html><head><title>The bridge</title></head><body><h1>The bridge</h1>{posts}</body></html>"
    );
    let s = summarize(&html, Some("https://forum.example/t/1"), &Options::default()).expect("an HTML page");
    assert!(s.posts.len() >= 150, "{} posts", s.posts.len());
    let lazy = render::card::lazy(&s, &threadcard::Options::default());
    let full = render::card::fragment(&s);
    let posts = |card: &str| card.len() - card.find(r#"<section class="tc-posts""#).unwrap_or(0);
    let (outline, every) = (posts(&lazy.html), posts(&full));
    let ratio = every as f64 / outline as f64;
    assert!(ratio >= 3.0, "posts: outline {outline} bytes, with every body {every} bytes: only {ratio:.1} times");
}

/// A long list of facts shows its first items and folds the rest under "N more", closed: the browser
/// neither lays out nor paints a closed `<details>`, and 800 numbers cost more to lay out than the rest of
/// a 200-post thread's card.
#[test]
fn a_long_list_of_numbers_folds_after_its_first_items() {
    let mut s = engine("phpbb.html");
    s.facts.quantities = (0..30)
        .map(|i| threadcard::model::Quantity { text: format!("{i} bolts"), what: "bolts".into(), ..Default::default() })
        .collect();
    let card = render::card::fragment(&s);
    let section = between(&card, r#"<section class="tc-numbers">"#, "</section>");
    let (shown, more) = section.split_once(r#"<details class="tc-more"><summary>18 more</summary>"#).expect(section);
    assert_eq!(shown.matches(r#"<li class="tc-quantity">"#).count(), 12, "{shown}");
    assert_eq!(more.matches(r#"<li class="tc-quantity">"#).count(), 18, "{more}");
    assert!(shown.contains(">0 bolts") && more.contains(">29 bolts"), "{section}");
}

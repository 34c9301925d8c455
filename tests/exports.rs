//! The exports read back with real parsers, for every page fixture (tests/fixtures/**, hostile.html
//! included): the Markdown's front matter with a YAML parser (yaml-rust2) and its body with a CommonMark
//! parser (pulldown-cmark), the JSON-LD as JSON, the reader page as HTML (html5ever through scraper), and
//! the file names against what every OS accepts. Not string matching alone: what a notes app, a JSON-LD
//! tool or a browser would read is what is checked.

mod allow_list;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde_json::Value;
use std::path::{Path, PathBuf};
use threadcard::*;
use yaml_rust2::{Yaml, YamlLoader};

/// Where every fixture is read from, as in tests/golden.rs.
const FIXTURE_HOST: &str = "https://fixtures.threadcard.test/";
/// The export time the tests give (the library reads no clock).
const EXPORTED: &str = "2026-12-01T10:00:00Z";

/// Every `*.html` under tests/fixtures, sorted.
fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures");
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Each fixture's name and Summary.
fn summaries() -> Vec<(String, Summary)> {
    let all = fixtures();
    assert!(all.len() >= 30, "only {} fixtures", all.len());
    assert!(all.iter().any(|p| p.ends_with("hostile.html")), "hostile.html is among them");
    all.iter()
        .map(|path| {
            let rel = path.to_string_lossy().rsplit("tests/fixtures/").next().unwrap_or_default().to_string();
            let url = format!("{FIXTURE_HOST}{}", rel.trim_end_matches(".html"));
            let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{rel}: {e}"));
            let s = summarize_bytes(&bytes, Some(&url), &Options::default()).unwrap_or_else(|e| panic!("{rel}: {e}"));
            (rel, s)
        })
        .collect()
}

fn options() -> Options {
    Options { exported_at: Some(EXPORTED.into()), ..Options::default() }
}

/// The front matter (between the first two `---` lines) and the body after it.
fn split_front_matter(md: &str) -> Option<(&str, &str)> {
    let rest = md.strip_prefix("---\n")?;
    let end = rest.find("\n---\n")?;
    let body = &rest[end + 5..];
    Some((&rest[..end], body.strip_prefix('\n').unwrap_or(body)))
}

/// The front matter read by a YAML parser: one mapping.
fn yaml_of(md: &str, what: &str) -> Yaml {
    let (fm, _) = split_front_matter(md).unwrap_or_else(|| panic!("{what}: no front matter"));
    let docs = YamlLoader::load_from_str(fm).unwrap_or_else(|e| panic!("{what}: front matter is not YAML: {e}\n{fm}"));
    assert_eq!(docs.len(), 1, "{what}: one YAML document");
    docs.into_iter().next().unwrap_or(Yaml::Null)
}

/// What the export should give back for a text field: the page's text, trimmed, without the characters no
/// output carries.
fn clean(s: &str) -> String {
    render::escape::strip_controls(s.trim())
}

#[test]
fn front_matter_parses_and_round_trips_on_every_fixture() {
    for (rel, s) in summaries() {
        let md = render_with(&s, Format::Markdown, &options());
        let y = yaml_of(&md, &rel);
        assert_eq!(y["title"].as_str(), Some(clean(&s.title).as_str()), "{rel}: title");
        assert_eq!(y["url"].as_str(), s.url.as_deref(), "{rel}: url");
        assert_eq!(y["canonical"].as_str().map(str::to_string), s.canonical.as_deref().map(clean), "{rel}: canonical");
        assert_eq!(y["site"].as_str().map(str::to_string), s.site.as_deref().map(clean), "{rel}: site");
        let section: Vec<String> =
            y["section"].as_vec().into_iter().flatten().filter_map(|v| v.as_str()).map(str::to_string).collect();
        assert_eq!(section, s.section.iter().map(|c| clean(c)).collect::<Vec<_>>(), "{rel}: section");
        let first = s.posts.first();
        assert_eq!(
            y["author"].as_str().map(str::to_string),
            first.and_then(|p| p.author.as_deref()).map(clean),
            "{rel}: author"
        );
        assert_eq!(
            y["published"].as_str().map(str::to_string),
            first.and_then(|p| p.published.as_deref()).map(clean),
            "{rel}"
        );
        assert_eq!(y["exported"].as_str(), Some(EXPORTED), "{rel}: exported");
        assert_eq!(y["language"].as_str().map(str::to_string), s.language.as_deref().map(clean), "{rel}: language");
        assert_eq!(y["posts"].as_i64(), Some(s.stats.posts as i64), "{rel}: posts");
        assert_eq!(y["participants"].as_i64(), Some(s.stats.participants as i64), "{rel}: participants");
        assert_eq!(y["platform"].as_str(), Some(s.platform.as_str()), "{rel}: platform");
        // Off when the options say so, and the body is the same.
        let bare = render_with(&s, Format::Markdown, &Options { front_matter: false, ..options() });
        assert!(!bare.starts_with("---"), "{rel}: front matter off");
        assert_eq!(split_front_matter(&md).map(|(_, body)| body), Some(bare.as_str()), "{rel}");
    }
}

#[test]
fn any_title_stays_valid_yaml() {
    let titles = [
        r#"He said "stop": then left"#,
        "key: value # not a comment",
        "- a list? no",
        "# heading",
        "line one\nline two\r\nthree\ttabbed",
        "yes",
        "null",
        "1e3",
        "~",
        "@at `tick` | pipe > fold & anchor * alias ! tag % directive",
        "back\\slash \\n not a newline",
        "Ünïcødé — 日本語のスレッド 🧵",
        "sep\u{2028}arators\u{2029}and\u{feff}bom",
        "---",
        "...",
        "'single' \"double\"",
        "{flow: map}, [flow, seq]",
    ];
    for title in titles {
        let s = Summary {
            title: title.into(),
            site: Some(title.into()),
            section: vec![title.into(), "b: c".into()],
            posts: vec![Post { author: Some(title.into()), ..Post::default() }],
            ..Summary::default()
        };
        let md = render_with(&s, Format::Markdown, &options());
        let y = yaml_of(&md, title);
        assert_eq!(y["title"].as_str(), Some(title.trim()), "{md}");
        assert_eq!(y["site"].as_str(), Some(title.trim()));
        assert_eq!(y["author"].as_str(), Some(title.trim()));
        assert_eq!(y["section"][0].as_str(), Some(title.trim()));
        assert_eq!(y["section"][1].as_str(), Some("b: c"));
    }
}

/// The text of a heading's events.
fn heading_texts(body: &str) -> Vec<(HeadingLevel, String)> {
    let mut out = Vec::new();
    let mut current: Option<(HeadingLevel, String)> = None;
    for ev in Parser::new(body) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => current = Some((level, String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, s)) = current.as_mut() {
                    s.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

#[test]
fn markdown_body_reads_as_commonmark_on_every_fixture() {
    let mut hard_breaks = 0;
    let mut quote_authors = 0;
    for (rel, s) in summaries() {
        let md = render_with(&s, Format::Markdown, &options());
        let (_, body) = split_front_matter(&md).unwrap_or_else(|| panic!("{rel}: no front matter"));
        // A heading per post: number and author, in order.
        let posts: Vec<String> =
            heading_texts(body).into_iter().filter(|(l, _)| *l == HeadingLevel::H3).map(|(_, t)| t).collect();
        assert_eq!(posts.len(), s.posts.len(), "{rel}: one heading per post");
        for (i, (h, p)) in posts.iter().zip(&s.posts).enumerate() {
            let author = p.author.as_deref().map(clean).filter(|a| !a.is_empty()).unwrap_or_else(|| "Unknown".into());
            assert!(h.starts_with(&format!("{}. {author}", i + 1)), "{rel}: heading {h:?}");
            if p.depth > 0 {
                assert!(h.contains(&format!("reply, level {}", p.depth)), "{rel}: depth in {h:?}");
            }
        }
        // No raw HTML, and links only to web pages.
        for ev in Parser::new_ext(body, pulldown_cmark::Options::all()) {
            match ev {
                Event::Html(h) | Event::InlineHtml(h) => panic!("{rel}: raw HTML {h:?}"),
                Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
                    let d = dest_url.to_ascii_lowercase();
                    assert!(
                        ["http:", "https:", "mailto:"].iter().any(|x| d.starts_with(x)),
                        "{rel}: link to {dest_url:?}"
                    );
                }
                Event::HardBreak => hard_breaks += 1,
                _ => {}
            }
        }
        // A quote of another post opens with its author in bold.
        let mut events = Parser::new(body).peekable();
        while let Some(ev) = events.next() {
            if let Event::Start(Tag::BlockQuote(_)) = ev {
                let head: Vec<Event> = events.by_ref().take(3).collect();
                if let [Event::Start(Tag::Paragraph), Event::Start(Tag::Strong), Event::Text(t)] = head.as_slice() {
                    let named = s
                        .posts
                        .iter()
                        .flat_map(|p| &p.quotes)
                        .any(|q| q.author.as_deref().map(clean).as_deref() == Some(t));
                    if named {
                        quote_authors += 1;
                    }
                }
            }
        }
        // The posts' line breaks survive: each <br> line of a post is its own line once rendered.
        let html = allow_list::markdown_to_html(body);
        for p in s.posts.iter().filter(|p| !p.markdown.contains("```")) {
            for para in
                p.markdown.split("\n\n").filter(|x| !x.starts_with(['>', '-', '#', ' ']) && x.lines().count() == 2)
            {
                let first = para.lines().next().unwrap_or_default();
                if first.chars().all(|c| c.is_alphanumeric() || c == ' ') && !first.trim().is_empty() {
                    assert!(
                        html.contains(&format!("{}<br />", first.trim_end())),
                        "{rel}: line break lost after {first:?}"
                    );
                }
            }
        }
    }
    assert!(hard_breaks >= 10, "only {hard_breaks} hard breaks over all fixtures");
    assert!(quote_authors >= 5, "only {quote_authors} quotes headed by their author");
}

#[test]
fn relative_times_become_absolute_or_say_so() {
    let post = |iso: Option<&str>, shown: &str| Post {
        author: Some("ann".into()),
        published: iso.map(str::to_string),
        published_text: Some(shown.into()),
        ..Post::default()
    };
    let s = Summary {
        title: "t".into(),
        posts: vec![
            post(Some("2022-01-11T14:28:00Z"), "1 day ago"),
            post(None, "3 hours ago"),
            post(Some("2022-01-12T09:00:00+01:00"), "Jan 12"),
        ],
        ..Summary::default()
    };
    let md = render_with(&s, Format::Markdown, &Options { front_matter: false, ..options() });
    let heads: Vec<String> = heading_texts(&md).into_iter().map(|(_, t)| t).filter(|t| t.contains("ann")).collect();
    assert!(heads[0].contains("2022-01-11 14:28 UTC") && !heads[0].contains("ago"), "{heads:?}");
    assert!(heads[1].contains("3 hours ago (as shown on the page, relative to when it was read)"), "{heads:?}");
    assert!(heads[2].contains("Jan 12"), "{heads:?}");
    let iso = Options { time_format: TimeFormat::Iso, ..options() };
    let md = render_with(&s, Format::Markdown, &iso);
    assert!(md.contains("2022-01-12T09:00:00+01:00") && !md.contains("Jan 12"), "{md}");
    let text = render_with(&s, Format::Text, &options());
    assert!(text.contains("2022-01-11 14:28 UTC") && text.contains("3 hours ago (as shown"), "{text}");
    let html = render_with(&s, Format::Html, &options());
    assert!(html.contains(r#"<time datetime="2022-01-11T14:28:00Z">2022-01-11 14:28 UTC</time>"#), "{html}");
}

/// Every `Comment` under a JSON-LD value, depth first.
fn comments(v: &Value, out: &mut Vec<Value>) {
    for c in v["comment"].as_array().into_iter().flatten() {
        out.push(c.clone());
        comments(c, out);
    }
}

/// The post's fields in a `DiscussionForumPosting` or `Comment`, as the page gives them.
fn check_post_fields(v: &Value, p: &Post, what: &str) {
    match p.author.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        Some(a) => {
            assert_eq!(v["author"]["@type"], "Person", "{what}");
            assert_eq!(v["author"]["name"].as_str(), Some(a), "{what}");
            if let Some(profile) = p.author_info.get("profile").filter(|u| u.starts_with("http")) {
                assert_eq!(v["author"]["url"].as_str(), Some(profile.trim()), "{what}");
            }
        }
        None => assert!(v.get("author").is_none(), "{what}"),
    }
    assert_eq!(v["datePublished"].as_str(), p.published.as_deref().map(str::trim), "{what}");
    assert_eq!(v["text"].as_str(), Some(p.text.trim()), "{what}");
    if let Some(url) = p.permalink.as_deref().filter(|u| u.starts_with("http")) {
        assert_eq!(v["url"].as_str(), Some(url.trim()), "{what}");
    }
    match p.score {
        Some(n) => {
            assert_eq!(v["interactionStatistic"]["@type"], "InteractionCounter", "{what}");
            assert_eq!(v["interactionStatistic"]["interactionType"], "https://schema.org/LikeAction", "{what}");
            assert_eq!(v["interactionStatistic"]["userInteractionCount"].as_i64(), Some(n), "{what}");
        }
        None => assert!(v.get("interactionStatistic").is_none(), "{what}"),
    }
}

#[test]
fn json_ld_has_every_post_with_its_fields() {
    for (rel, s) in summaries() {
        let text = render_with(&s, Format::JsonLd, &options());
        let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{rel}: JSON-LD does not parse: {e}"));
        assert_eq!(v["@context"], "https://schema.org", "{rel}");
        assert_eq!(v["@type"], "DiscussionForumPosting", "{rel}");
        assert_eq!(v["headline"].as_str(), Some(s.title.trim()), "{rel}");
        if let Some(inner) = s.section.last() {
            assert_eq!(v["isPartOf"]["name"].as_str(), Some(inner.trim()), "{rel}: isPartOf");
        }
        let Some(first) = s.posts.first() else { continue };
        check_post_fields(&v, first, &format!("{rel}: post 1"));
        let mut all = Vec::new();
        comments(&v, &mut all);
        assert_eq!(all.len(), s.posts.len() - 1, "{rel}: every reply is a Comment");
        // Depth first over the nesting is the page's order.
        for (i, (c, p)) in all.iter().zip(&s.posts[1..]).enumerate() {
            assert_eq!(c["@type"], "Comment", "{rel}");
            check_post_fields(c, p, &format!("{rel}: post {}", i + 2));
        }
    }
}

#[test]
fn reader_page_is_self_contained_and_complete() {
    let script =
        scraper::Selector::parse("script, iframe, object, embed, link, img, base, form").expect("static selector");
    let csp = scraper::Selector::parse(r#"meta[http-equiv="Content-Security-Policy"]"#).expect("static selector");
    let articles = scraper::Selector::parse("article.tc-rpost").expect("static selector");
    for (rel, s) in summaries() {
        let html = render_with(&s, Format::Html, &options());
        let doc = scraper::Html::parse_document(&html);
        assert_eq!(doc.select(&script).count(), 0, "{rel}: nothing that runs or loads");
        let policy = doc.select(&csp).next().and_then(|m| m.value().attr("content")).unwrap_or_default();
        assert!(policy.contains("default-src 'none'"), "{rel}: {policy:?}");
        assert!(html.contains("prefers-color-scheme: dark") && html.contains("@media print"), "{rel}");
        assert_eq!(doc.select(&articles).count(), s.posts.len(), "{rel}: every post");
        let found = allow_list::reader_page(&html, render::reader::CSS);
        assert!(found.is_empty(), "{rel}: {:?}", &found[..found.len().min(10)]);
        // Every "post N" link of the facts lands on a post of the page.
        for target in html.split("href=\"#tc-post-").skip(1).filter_map(|r| r.split('"').next()) {
            assert!(html.contains(&format!("id=\"tc-post-{target}\"")), "{rel}: no post {target}");
        }
    }
}

#[test]
fn text_export_has_the_card_and_every_post() {
    for (rel, s) in summaries() {
        let text = render_with(&s, Format::Text, &options());
        assert!(allow_list::text(&text).is_empty(), "{rel}");
        let title_word = s.title.split_whitespace().next().unwrap_or_default();
        assert!(text.contains(&clean(title_word)), "{rel}: title");
        for (i, p) in s.posts.iter().enumerate() {
            let author = p.author.as_deref().map(clean).unwrap_or_else(|| "Unknown".into());
            assert!(text.contains(&format!("\n{}. {author}", i + 1)), "{rel}: post {}", i + 1);
        }
    }
}

#[test]
fn file_names_are_safe_everywhere() {
    let mut names: Vec<String> = summaries().iter().map(|(_, s)| render::file_name(s, "md")).collect();
    for title in [
        "CON",
        "nul.txt",
        "com1",
        "a/b\\c:d*e?f\"g<h>i|j",
        " .hidden. ",
        "x\u{0}\u{1b}y\u{202e}z",
        "",
        "...",
        &"长".repeat(300),
        "LPT9 report",
    ] {
        names.push(render::file_name(&Summary { title: title.into(), ..Summary::default() }, "html"));
    }
    for name in &names {
        let found = allow_list::file_name(name);
        assert!(found.is_empty(), "{found:?}");
    }
    let named = |t: &str| render::file_name(&Summary { title: t.into(), ..Summary::default() }, "md");
    assert_eq!(named("Sourdough starter: smells like nail polish?"), "Sourdough starter smells like nail polish.md");
    assert_eq!(named("CON"), "CON_.md");
    assert_eq!(named(""), "thread.md");
}

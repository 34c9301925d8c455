//! What the exports may contain, as allow-lists, and checkers that read each output with a real parser:
//! HTML with html5ever (through scraper), Markdown by rendering it with pulldown-cmark (raw HTML
//! allowed, every extension on, as the most permissive editor would) and reading that HTML the same way.
//! Anything not listed here fails: an unknown tag, attribute or URL scheme is a finding, not noise.
#![allow(dead_code)] // each test file uses its own subset

use scraper::{Html, Node};

/// Tags of the card (src/render/card.rs).
pub const CARD_TAGS: &[&str] = &[
    "article",
    "header",
    "nav",
    "h1",
    "h2",
    "p",
    "span",
    "time",
    "a",
    "div",
    "button",
    "section",
    "ul",
    "li",
    "b",
    "small",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "cite",
    "br",
    // The posts' outline (src/render/card_posts.rs): inert disclosure, heading and code elements.
    "details",
    "summary",
    "h3",
    "pre",
    "code",
    // The thread's picture (src/render/timeline.rs): an SVG of bars and its title, nothing that links or runs.
    "svg",
    "title",
    "rect",
];
/// Tags the standalone page adds around the card.
pub const PAGE_TAGS: &[&str] = &["html", "head", "body", "meta", "title", "style"];
/// Attributes of the card.
pub const CARD_ATTRS: &[&str] = &[
    "class",
    "id",
    "role",
    "aria-modal",
    "aria-labelledby",
    "aria-label",
    "tabindex",
    "type",
    "data-action",
    "data-post",
    "data-key",
    "data-depth",
    "data-label",
    "data-signal",
    "href",
    "target",
    "rel",
    "title",
    "datetime",
    // The picture's geometry (html5ever keeps SVG's camel case for viewBox).
    "viewBox",
    "width",
    "height",
    "x",
    "y",
];
/// Attributes the standalone page adds.
pub const PAGE_ATTRS: &[&str] = &["lang", "charset", "name", "content"];
/// Tags the reader page (the HTML export, src/render/reader.rs) adds to the card's and the page's.
pub const READER_TAGS: &[&str] = &["main", "article"];
/// Attributes the reader page adds: the CSP meta tag's, open quotes, the posts' reply level.
pub const READER_ATTRS: &[&str] = &["http-equiv", "open", "data-depth"];
/// Inert tags CommonMark and its common extensions produce from Markdown.
pub const MARKDOWN_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "hr",
    "br",
    "del",
    "sup",
    "sub",
    "dl",
    "dt",
    "dd",
];
/// Attributes of that Markdown HTML: link targets and list starts only.
pub const MARKDOWN_ATTRS: &[&str] = &["href", "start"];
/// The only link schemes an export may carry.
pub const SCHEMES: &[&str] = &["http:", "https:", "mailto:"];

/// A character no text output may hold: C0/C1 controls other than newline and tab, bidi controls.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Forbidden characters in `s`, with their positions and a little context.
pub fn forbidden_chars(s: &str) -> Vec<String> {
    s.char_indices()
        .filter(|(_, c)| is_forbidden(*c))
        .map(|(i, c)| {
            let before: String = s[..i].chars().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect();
            format!("U+{:04X} at {i} after {before:?}", c as u32)
        })
        .collect()
}

/// A link target an export may hold: a safe scheme, or a link to one of the card's own posts.
fn is_allowed_url(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    SCHEMES.iter().any(|s| lower.starts_with(s)) || v.starts_with("#tc-post-")
}

/// Everything in `doc` that the allow-lists do not permit.
pub fn violations(doc: &Html, tags: &[&[&str]], attrs: &[&[&str]], css: Option<&str>) -> Vec<String> {
    let allowed = |list: &[&[&str]], x: &str| list.iter().any(|l| l.contains(&x));
    let mut out = Vec::new();
    // A fragment's parse wraps it in an <html> element of its own: not part of the output.
    let wrapper = (doc.tree.root().children().count() == 1 && !is_document(doc)).then(|| doc.root_element().id());
    for node in doc.tree.root().descendants().filter(|n| Some(n.id()) != wrapper) {
        match node.value() {
            Node::Element(e) => {
                let name = e.name();
                if !allowed(tags, name) {
                    out.push(format!("tag <{name}>"));
                }
                if name == "style" {
                    let text: String =
                        node.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect();
                    if Some(text.as_str()) != css {
                        out.push("a <style> that is not the card's CSS".into());
                    }
                }
                for (a, v) in e.attrs() {
                    if !allowed(attrs, a) {
                        out.push(format!("attribute {a}={v:?} on <{name}>"));
                    }
                    if a == "href" && !is_allowed_url(v) {
                        out.push(format!("URL {a}={v:?} on <{name}>"));
                    }
                    if a == "target" && v != "_blank" {
                        out.push(format!("target={v:?}"));
                    }
                    if let Some(bad) = forbidden_chars(v).first() {
                        out.push(format!("{bad} in {a}= on <{name}>"));
                    }
                }
            }
            Node::Text(t) => out.extend(forbidden_chars(t).into_iter().map(|b| format!("{b} in text"))),
            Node::Comment(c) => out.push(format!("comment {:?}", &**c)),
            Node::ProcessingInstruction(_) => out.push("processing instruction".into()),
            _ => {}
        }
    }
    out
}

fn is_document(doc: &Html) -> bool {
    doc.root_element().children().any(|c| c.value().as_element().is_some_and(|e| e.name() == "head"))
}

/// The card fragment against the card's allow-list.
pub fn card_fragment(html: &str) -> Vec<String> {
    violations(&Html::parse_fragment(html), &[CARD_TAGS], &[CARD_ATTRS], None)
}

/// The standalone page against the card's allow-list plus the page's own tags.
pub fn card_page(html: &str, css: &str) -> Vec<String> {
    violations(&Html::parse_document(html), &[CARD_TAGS, PAGE_TAGS], &[CARD_ATTRS, PAGE_ATTRS], Some(css))
}

/// The reader page against the card's and the page's allow-lists plus its own, with its one stylesheet.
pub fn reader_page(html: &str, css: &str) -> Vec<String> {
    violations(
        &Html::parse_document(html),
        &[CARD_TAGS, PAGE_TAGS, READER_TAGS],
        &[CARD_ATTRS, PAGE_ATTRS, READER_ATTRS],
        Some(css),
    )
}

/// Markdown as the most permissive editor renders it: CommonMark with raw HTML passed through and every
/// pulldown-cmark extension on (tables, footnotes, heading attributes, math, wikilinks, ...).
pub fn markdown_to_html(md: &str) -> String {
    let parser = pulldown_cmark::Parser::new_ext(md, pulldown_cmark::Options::all());
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

/// The Markdown, rendered, against the Markdown allow-list; and the Markdown text itself for controls.
pub fn markdown(md: &str) -> Vec<String> {
    let mut out: Vec<String> = forbidden_chars(md).into_iter().map(|b| format!("{b} in the Markdown")).collect();
    let html = markdown_to_html(md);
    out.extend(violations(&Html::parse_fragment(&html), &[MARKDOWN_TAGS], &[MARKDOWN_ATTRS], None));
    out
}

/// The Markdown as an editor that knows no front matter renders it (every extension on but metadata
/// blocks): the YAML block is read as Markdown too, and must hold no tag or link either.
pub fn markdown_no_front_matter_support(md: &str) -> Vec<String> {
    let mut options = pulldown_cmark::Options::all();
    options.remove(pulldown_cmark::Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    options.remove(pulldown_cmark::Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(md, options));
    violations(&Html::parse_fragment(&html), &[MARKDOWN_TAGS], &[MARKDOWN_ATTRS], None)
}

/// Text outputs (plain text, the terminal card): no forbidden characters.
pub fn text(s: &str) -> Vec<String> {
    forbidden_chars(s)
}

/// Characters a file name may not hold on some system (Windows' set, and `#`/`%`), and its longest stem.
pub const FILE_NAME_BAD: &[char] = &['/', '\\', ':', '*', '?', '"', '<', '>', '|', '#', '%'];
pub const FILE_NAME_MAX: usize = 100;
/// Windows' device names, refused with any extension.
pub const FILE_NAME_RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2",
    "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A file name (stem and extension) that some system would refuse or misread.
pub fn file_name(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    if stem.is_empty() || ext.is_empty() {
        out.push(format!("no stem or extension: {name:?}"));
    }
    if let Some(c) = name.chars().find(|c| c.is_control() || is_forbidden(*c) || FILE_NAME_BAD.contains(c)) {
        out.push(format!("character U+{:04X} in {name:?}", c as u32));
    }
    if stem.chars().count() > FILE_NAME_MAX {
        out.push(format!("stem of {} characters: {name:?}", stem.chars().count()));
    }
    if stem.starts_with([' ', '.']) || stem.ends_with([' ', '.']) {
        out.push(format!("leading or trailing dot or space: {name:?}"));
    }
    let device = stem.split('.').next().unwrap_or("").trim();
    if FILE_NAME_RESERVED.iter().any(|r| r.eq_ignore_ascii_case(device)) {
        out.push(format!("reserved name: {name:?}"));
    }
    out
}

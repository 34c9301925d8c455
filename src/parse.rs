//! Stage 1: HTML in, a parsed [`Page`] out, with the metadata the page declares about itself.
//!
//! Metadata is read here, before cleaning removes `<script>` and `<meta>`-bearing parts: JSON-LD lives in
//! scripts, and the breadcrumb may sit in markup the clean stage drops.

use crate::error::Error;
use crate::url;
use scraper::{Html, Selector};

/// A parsed page and what it says about itself.
pub struct Page {
    pub doc: Html,
    /// The URL the caller read the page from.
    pub url: Option<String>,
    pub meta: PageMeta,
}

/// What the page declares in its `<head>` and structured data.
#[derive(Debug, Default, Clone)]
pub struct PageMeta {
    /// `<title>` text.
    pub title: Option<String>,
    /// `og:title` / `twitter:title`.
    pub og_title: Option<String>,
    /// `og:site_name` / `application-name`.
    pub site_name: Option<String>,
    /// `<html lang>` or `content-language`.
    pub language: Option<String>,
    /// `<link rel=canonical>`, resolved.
    pub canonical: Option<String>,
    pub description: Option<String>,
    /// `<meta name=author>` / `article:author`.
    pub author: Option<String>,
    /// `article:published_time` and the like, as given.
    pub published: Option<String>,
    /// Every JSON-LD block that parsed.
    pub json_ld: Vec<serde_json::Value>,
}

/// Share of control characters above which input is treated as binary. Real pages have none but tabs
/// and newlines; a few stray ones survive in scraped pages, so the bar is not zero.
const MAX_CONTROL_CHAR_RATIO: f64 = 0.01;

/// Checks that `html` looks like an HTML page and parses it.
pub fn parse(html: &str, page_url: Option<&str>) -> Result<Page, Error> {
    check_input(html)?;
    let doc = Html::parse_document(&close_xhtml_empty_tags(html));
    let page_url = page_url.map(str::trim).filter(|u| !u.is_empty()).map(str::to_string);
    let meta = read_meta(&doc, page_url.as_deref());
    Ok(Page { doc, url: page_url, meta })
}

/// Rejects input that is not an HTML page, with a reason the user can act on.
pub fn check_input(html: &str) -> Result<(), Error> {
    if html.trim().is_empty() {
        return Err(Error::Empty);
    }
    let sample: Vec<char> = html.chars().take(8192).collect();
    if sample.contains(&'\0') {
        return Err(Error::Binary);
    }
    let control = sample.iter().filter(|c| c.is_control() && !c.is_whitespace()).count();
    if control as f64 > sample.len() as f64 * MAX_CONTROL_CHAR_RATIO {
        return Err(Error::Binary);
    }
    if !looks_like_markup(html) {
        return Err(Error::NotHtml);
    }
    Ok(())
}

/// Elements that never have content in HTML: `<br/>` is `<br>`.
const VOID_TAGS: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Elements whose content is raw text: a `/>` inside them is not markup.
const RAW_TEXT_TAGS: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed"];

/// Writes `<div class="x"/>` as `<div class="x"></div>`.
///
/// Pages saved or served as XHTML write empty elements as `<i class="icon"/>`; in HTML that opens an `<i>`
/// which the parser (a browser's too) wraps around everything after it, so the whole thread ends up inside an
/// icon or a share button, and styles that only decorate the icon would take the page with them. The page's
/// author meant an empty element; that is what a reader sees. In SVG and MathML `<x/>` already means `<x></x>`.
pub fn close_xhtml_empty_tags(html: &str) -> std::borrow::Cow<'_, str> {
    if !html.contains("/>") {
        return std::borrow::Cow::Borrowed(html);
    }
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let (mut last, mut i) = (0, 0);
    while let Some(off) = html[i..].find('<') {
        let start = i + off;
        let name_end =
            start + 1 + b[start + 1..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
        if name_end == start + 1 || !b[start + 1].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let Some(end) = tag_end(b, name_end) else { break };
        let name = html[start + 1..name_end].to_ascii_lowercase();
        if RAW_TEXT_TAGS.contains(&name.as_str()) && b[end - 1] != b'/' {
            // Skip to the element's end tag: its content is text.
            let close = format!("</{name}");
            let lower_rest = html[end..].to_ascii_lowercase();
            i = lower_rest.find(&close).map_or(html.len(), |p| end + p);
            continue;
        }
        if b[end - 1] == b'/' && !VOID_TAGS.contains(&name.as_str()) {
            out.push_str(&html[last..end - 1]);
            out.push_str("></");
            out.push_str(&html[start + 1..name_end]);
            out.push('>');
            last = end + 1;
        }
        i = end + 1;
    }
    if last == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[last..]);
    std::borrow::Cow::Owned(out)
}

/// Index of the `>` closing a start tag whose name ends at `from`, skipping quoted attribute values.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (k, &c) in b.iter().enumerate().skip(from) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return Some(k),
            None => {}
        }
    }
    None
}

/// True when the text contains at least one HTML tag (`<p>`, `</div>`, `<!doctype`, ...).
fn looks_like_markup(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.windows(2).any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

fn sel(css: &str) -> Selector {
    // Selectors here are string literals of this module; a typo is a bug caught by the tests.
    Selector::parse(css).unwrap_or_else(|_| panic!("invalid built-in selector {css}"))
}

fn read_meta(doc: &Html, page_url: Option<&str>) -> PageMeta {
    let meta_content = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|name| {
            let s = sel(&format!("meta[property=\"{name}\"], meta[name=\"{name}\"], meta[itemprop=\"{name}\"]"));
            doc.select(&s).filter_map(|m| m.value().attr("content")).map(crate::text::squash).find(|c| !c.is_empty())
        })
    };
    let title = doc
        .select(&sel("title"))
        .next()
        .map(|t| crate::text::squash(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    let language = doc
        .root_element()
        .value()
        .attr("lang")
        .or_else(|| doc.root_element().value().attr("xml:lang"))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .or_else(|| meta_content(&["content-language", "og:locale"]).map(|l| l.replace('_', "-")));
    let canonical = doc
        .select(&sel("link[rel=canonical]"))
        .filter_map(|l| l.value().attr("href"))
        .find_map(|h| url::resolve(page_url, h));
    let json_ld = doc
        .select(&sel("script[type=\"application/ld+json\"]"))
        .filter_map(|s| serde_json::from_str(s.text().collect::<String>().trim()).ok())
        .collect();
    PageMeta {
        title,
        og_title: meta_content(&["og:title", "twitter:title"]),
        site_name: meta_content(&["og:site_name", "application-name"]),
        language,
        canonical,
        description: meta_content(&["og:description", "description", "twitter:description"]),
        author: meta_content(&["author", "article:author", "dc.creator"]),
        published: meta_content(&["article:published_time", "datePublished", "dc.date", "date"]),
        json_ld,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_what_is_not_a_page() {
        assert_eq!(check_input("  \n"), Err(Error::Empty));
        assert_eq!(check_input("PK\u{3}\u{4}\0\0binary"), Err(Error::Binary));
        assert_eq!(check_input("just some words, no tags"), Err(Error::NotHtml));
        assert_eq!(check_input("<p>hi</p>"), Ok(()));
    }

    #[test]
    fn xhtml_empty_elements_stay_empty() {
        assert_eq!(close_xhtml_empty_tags(r#"<i class="fa"/><p>a</p><br/>"#), r#"<i class="fa"></i><p>a</p><br/>"#);
        assert_eq!(
            close_xhtml_empty_tags("<script>if (a</b) x='<i/>'</script><i/>"),
            "<script>if (a</b) x='<i/>'</script><i></i>"
        );
        assert_eq!(close_xhtml_empty_tags(r#"<a title="x/>y">z</a>"#), r#"<a title="x/>y">z</a>"#);
        assert_eq!(close_xhtml_empty_tags("<p>no tags closed</p>"), "<p>no tags closed</p>");
    }

    #[test]
    fn reads_head_metadata() {
        let page = parse(
            r#"<html lang="en-GB"><head><title> A  thread </title>
            <meta property="og:site_name" content="Example Board">
            <link rel="canonical" href="/t/1"></head><body></body></html>"#,
            Some("https://example.org/t/1?page=2"),
        )
        .expect("valid page");
        assert_eq!(page.meta.title.as_deref(), Some("A thread"));
        assert_eq!(page.meta.site_name.as_deref(), Some("Example Board"));
        assert_eq!(page.meta.language.as_deref(), Some("en-GB"));
        assert_eq!(page.meta.canonical.as_deref(), Some("https://example.org/t/1"));
    }
}

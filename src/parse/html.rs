//! Stage 1 from HTML text: the rewrites the page gets before html5ever parses it (each copies the page only
//! where it changes something), then the parse itself ([`super::tree`]). Native builds and the demo page's
//! module have it; the extension's module reads the browser's tree instead ([`super::dom`]) and leaves
//! html5ever's tokenizer and tree builder out (feature `html-parser`, see Cargo.toml).

use super::{read_meta, Page, MAX_NESTING, MIN_NOSCRIPT_CONTENT};
use crate::error::Error;
use std::borrow::Cow;

/// Share of C0 control characters (and DEL) above which input is treated as binary. Real pages have none
/// but tabs and newlines; a few stray ones survive in scraped pages, so the bar is not zero. C1 controls
/// (U+0080–U+009F) do not count: they are what windows-1252 text pasted into a UTF-8 page, or UTF-8
/// written twice, leaves behind (every curly quote two of them), and the tree builders repair them.
const MAX_CONTROL_CHAR_RATIO: f64 = 0.01;
/// Characters sampled from the start of the input for that test: enough for a page's head and first
/// markup, where a binary file shows itself at once.
const SAMPLE_CHARS: usize = 8192;

/// Checks that `html` looks like an HTML page and parses it.
pub fn parse(html: &str, page_url: Option<&str>) -> Result<Page, Error> {
    check_input(html)?;
    // Each rewrite copies the page only where it changes something, and the copy before it is dropped as the
    // next is made: at most one copy is alive while the tree is built.
    let text = then(Cow::Borrowed(html), close_xhtml_empty_tags);
    let text = then(text, |t| limit_nesting(t, MAX_NESTING));
    let text = then(text, unwrap_noscript_content);
    let doc = super::tree::parse_document(&text);
    drop(text);
    let page_url = page_url.map(str::trim).filter(|u| !u.is_empty()).map(str::to_string);
    let meta = read_meta(&doc, page_url.as_deref());
    Ok(Page { doc, url: page_url, meta, noscripts: Vec::new() })
}

/// `text` rewritten by `rewrite`, which returns its input borrowed when it has nothing to change: the
/// previous copy (if any) is freed as soon as a new one replaces it.
fn then<'a>(text: Cow<'a, str>, rewrite: impl Fn(&str) -> Cow<'_, str>) -> Cow<'a, str> {
    let rewritten = match rewrite(&text) {
        Cow::Owned(o) => Some(o),
        Cow::Borrowed(_) => None,
    };
    rewritten.map_or(text, Cow::Owned)
}

/// Read as a browser does, except that a `<noscript>` holding a page's worth of content (forums render their
/// posts there for readers without JavaScript: Discourse's crawler view) is read as markup, not as raw text.
///
/// Turns `<noscript>` elements with a page's worth of content into `<div>`s, leaving small ones (which may hold
/// markup a parser with scripting off would misread, like a self-closed `<iframe/>`) as they are.
fn unwrap_noscript_content(html: &str) -> std::borrow::Cow<'_, str> {
    // Searched ignoring case in place: a lowercase copy of the page cost one page of memory per parse.
    let mut out = String::new();
    let mut at = 0;
    let mut from = 0;
    while let Some(open) = find_ignore_ascii_case(&html[from..], "<noscript").map(|i| from + i) {
        let Some(open_end) = html[open..].find('>').map(|i| open + i + 1) else { break };
        let Some(close) = find_ignore_ascii_case(&html[open_end..], "</noscript").map(|i| open_end + i) else { break };
        let close_end = html[close..].find('>').map_or(html.len(), |i| close + i + 1);
        from = close_end;
        if visible_len(&html[open_end..close]) < MIN_NOSCRIPT_CONTENT {
            continue;
        }
        out.push_str(&html[at..open]);
        out.push_str("<div data-noscript=\"\">");
        out.push_str(&html[open_end..close]);
        out.push_str("</div>");
        at = close_end;
    }
    if at == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[at..]);
    std::borrow::Cow::Owned(out)
}

/// Characters outside tags, white space not counted: a rough measure of the text a fragment shows.
fn visible_len(fragment: &str) -> usize {
    let mut in_tag = false;
    fragment
        .chars()
        .filter(|c| {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    return false;
                }
                _ => {}
            }
            !in_tag && !c.is_whitespace()
        })
        .count()
}

/// Elements that never have an end tag.
const VOID_TAGS: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];
/// Elements the parser closes by itself when a sibling starts (`<p>a<p>b`, `<li>`, table cells): they do not
/// nest, so the estimate does not count them.
const SELF_CLOSING_SIBLINGS: &[&str] =
    &["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "rb", "rt", "rp"];
/// Elements whose content is raw text up to their end tag.
const RAW_TEXT_TAGS: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

/// Drops the start and end tags of elements nested deeper than `max` (counting tags, as a fast estimate of
/// the tree the parser will build), keeping all text: a hostile page loses its excess markup, never its words.
/// Returns the input untouched (and uncopied) when it nests no deeper.
pub fn limit_nesting(html: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    for tag in tags(html) {
        match tag.kind {
            TagKind::Start => {
                depth += 1;
                if depth > max {
                    cuts.push((tag.start, tag.end));
                }
            }
            TagKind::End => {
                if depth > max {
                    cuts.push((tag.start, tag.end));
                }
                depth = depth.saturating_sub(1);
            }
        }
    }
    if cuts.is_empty() {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (start, end) in cuts {
        out.push_str(&html[at..start]);
        at = end;
    }
    out.push_str(&html[at..]);
    std::borrow::Cow::Owned(out)
}

#[derive(Clone, Copy, PartialEq)]
enum TagKind {
    Start,
    End,
}

struct Tag {
    kind: TagKind,
    start: usize,
    end: usize,
}

/// Start tags of non-void elements and end tags, in order; comments, doctypes and raw text (scripts, styles)
/// skipped. A byte scan, linear in the input.
fn tags(html: &str) -> impl Iterator<Item = Tag> + '_ {
    let b = html.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            let lt = i + b[i..].iter().position(|&c| c == b'<')?;
            i = lt + 1;
            if html[lt..].starts_with("<!--") {
                i = html[lt + 4..].find("-->").map_or(b.len(), |e| lt + 4 + e + 3);
                continue;
            }
            let is_end = b.get(lt + 1) == Some(&b'/');
            let name_start = lt + 1 + usize::from(is_end);
            let name_len = b[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
            if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
                continue;
            }
            // Compared in place, ignoring case: lowercasing a copy cost an allocation per tag.
            let name = &html[name_start..name_start + name_len];
            let gt = b[name_start..].iter().position(|&c| c == b'>').map_or(b.len(), |p| name_start + p + 1);
            i = gt;
            if is_one_of(name, SELF_CLOSING_SIBLINGS) {
                continue;
            }
            if is_end {
                if is_one_of(name, VOID_TAGS) {
                    continue;
                }
                return Some(Tag { kind: TagKind::End, start: lt, end: gt });
            }
            if is_one_of(name, RAW_TEXT_TAGS) {
                let close = format!("</{}", name.to_ascii_lowercase());
                i = find_ignore_ascii_case(&html[gt..], &close).map_or(b.len(), |p| gt + p);
                continue;
            }
            let self_closed = gt >= 2 && b[gt - 2] == b'/';
            if is_one_of(name, VOID_TAGS) || self_closed {
                continue;
            }
            return Some(Tag { kind: TagKind::Start, start: lt, end: gt });
        }
        None
    })
}

/// Offset of the first occurrence of `needle` (ASCII lowercase) in `hay`, ignoring ASCII case. Finding an
/// element's end tag this way costs the bytes up to it; lowercasing the rest of the page first cost the
/// whole page per `<script>`, quadratic on a page of many scripts.
fn find_ignore_ascii_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let first = *n.first()?;
    if first.is_ascii() && !first.is_ascii_alphabetic() {
        // A needle opening with a symbol (every caller's `<`) has no case there: its candidates are that
        // byte's occurrences, which `str::find` skips to many bytes at a time.
        let mut from = 0;
        while let Some(i) = hay.get(from..)?.find(char::from(first)).map(|i| from + i) {
            if h.get(i..i + n.len()).is_some_and(|w| w.eq_ignore_ascii_case(n)) {
                return Some(i);
            }
            from = i + 1;
        }
        return None;
    }
    (0..h.len().saturating_sub(n.len() - 1))
        .filter(|&i| h[i].to_ascii_lowercase() == first)
        .find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Rejects input that is not an HTML page, with a reason the user can act on.
pub fn check_input(html: &str) -> Result<(), Error> {
    if html.trim().is_empty() {
        return Err(Error::Empty);
    }
    // The first characters, counted in place: collecting them (4 bytes a character) cost 32 KB a page, more
    // than a small page's whole tree.
    let (mut chars, mut control) = (0usize, 0usize);
    for c in html.chars().take(SAMPLE_CHARS) {
        if c == '\0' {
            return Err(Error::Binary);
        }
        chars += 1;
        control += usize::from(c.is_ascii_control() && !c.is_ascii_whitespace());
    }
    if control as f64 > chars as f64 * MAX_CONTROL_CHAR_RATIO {
        return Err(Error::Binary);
    }
    if !looks_like_markup(html) {
        return Err(Error::NotHtml);
    }
    Ok(())
}

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
        let name = &html[start + 1..name_end];
        if b[end - 1] != b'/' && is_one_of(name, RAW_TEXT_TAGS) {
            // Skip to the element's end tag: its content is text.
            let close = format!("</{}", name.to_ascii_lowercase());
            i = find_ignore_ascii_case(&html[end..], &close).map_or(html.len(), |p| end + p);
            continue;
        }
        if b[end - 1] == b'/' && !is_one_of(name, VOID_TAGS) {
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

/// `name`, as written (in any case), is one of `tags` (lowercase).
fn is_one_of(name: &str, tags: &[&str]) -> bool {
    tags.iter().any(|t| t.eq_ignore_ascii_case(name))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_end_tags_in_any_case() {
        assert_eq!(find_ignore_ascii_case("a</SCRIPT>", "</script"), Some(1));
        assert_eq!(find_ignore_ascii_case("a</scrip", "</script"), None);
        assert_eq!(find_ignore_ascii_case("é</Style", "</style"), Some(2));
        assert_eq!(find_ignore_ascii_case("", "</style"), None);
    }

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
    fn flattens_hostile_nesting_but_keeps_the_words() {
        let deep = format!("<body>{}deep words{}</body>", "<div>".repeat(2000), "</div>".repeat(2000));
        let limited = limit_nesting(&deep, MAX_NESTING);
        assert!(limited.len() < deep.len() && limited.contains("deep words"));
        assert_eq!(limited.matches("<div>").count(), MAX_NESTING - 1);
        let page = "<p>a<br>b<img src=x><!-- <div> --><script>if (a<b) {}</script></p>";
        assert!(matches!(limit_nesting(page, 2), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn noscript_with_content_becomes_markup_and_notes_stay_notes() {
        let words = "A post for readers without scripts. ".repeat(12);
        let html = format!(
            "<body><noscript><iframe src=x height=0/></noscript><noscript><div class=post><p>{words}</p></div></noscript></body>"
        );
        let page = parse(&html, None).expect("page");
        let text = crate::text::text_of(crate::clean::clean(page).doc.tree.root());
        assert!(text.contains("A post for readers without scripts."), "{text}");
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

    #[test]
    fn one_link_policy_for_links_profiles_and_permalinks() {
        let page = parse(
            r#"<html><head><base href="https://cdn.example.org/forum/"></head><body><p>x</p></body></html>"#,
            Some("https://board.example.net/t/1?page=2#top"),
        )
        .expect("page");
        assert_eq!(page.link("u/7").as_deref(), Some("https://cdn.example.org/forum/u/7"));
        assert_eq!(page.link("#p5"), None, "a bare fragment only scrolls");
        assert_eq!(page.link("javascript:void(0)"), None);
        // A bare-fragment permalink names the post on this page, whatever `<base>` says.
        assert_eq!(page.permalink("#p5").as_deref(), Some("https://board.example.net/t/1?page=2#p5"));
        assert_eq!(
            page.permalink("viewtopic.php?p=5#p5").as_deref(),
            Some("https://cdn.example.org/forum/viewtopic.php?p=5#p5")
        );
        assert_eq!(page.permalink("#"), None);
        let bare = parse("<p>x</p>", None).expect("page");
        assert_eq!(bare.permalink("#p5"), None, "no address to anchor it to");
    }

    #[test]
    fn head_rel_next_and_prev_survive_for_pagination() {
        let page = parse(
            r#"<head><link rel="prev" href="/t/1?page=1"><link rel="next" href="?page=3"></head><body><p>x</p></body>"#,
            Some("https://board.example.org/t/1?page=2"),
        )
        .expect("page");
        assert_eq!(page.meta.next.as_deref(), Some("https://board.example.org/t/1?page=3"));
        assert_eq!(page.meta.prev.as_deref(), Some("https://board.example.org/t/1?page=1"));
    }
}

//! Stage 1: HTML in, a parsed [`Page`] out, with the metadata the page declares about itself.
//!
//! Metadata is read here, before cleaning removes `<script>` and `<meta>`-bearing parts: JSON-LD lives in
//! scripts, and the breadcrumb may sit in markup the clean stage drops.

use crate::css::{FindAll, Selector};
use crate::url;
use scraper::{ElementRef, Html};

// Which blank text nodes no reader sees: both tree builders (html5ever's sink and the DOM path) leave them out.
mod blank;
// Character references left in JSON-LD strings ("Support &amp; Questions").
mod charrefs;
// C1 control characters repaired as text enters the tree, by both tree builders.
mod controls;
pub mod dom;
#[cfg(feature = "html-parser")]
pub mod flatten;
#[cfg(feature = "html-parser")]
mod html;
#[cfg(feature = "html-parser")]
mod tree;
#[cfg(feature = "html-parser")]
pub use html::{check_input, close_xhtml_empty_tags, limit_nesting, parse};

/// A parsed page and what it says about itself.
pub struct Page {
    pub doc: Html,
    /// The URL the caller read the page from.
    pub url: Option<String>,
    pub meta: PageMeta,
    /// The markup of `<noscript>` elements kept as text, parsed by the browser as documents, by the
    /// noscript's node: filled on the DOM path ([`dom`]) only; see [`noscript_document`](Self::noscript_document).
    pub noscripts: Vec<(ego_tree::NodeId, Html)>,
}

impl Page {
    /// The markup inside `noscript` (a `<noscript>` the parse stage kept as text: a small one) as a document:
    /// the one the browser parsed on the DOM path, else parsed here where the HTML parser is built in.
    pub fn noscript_document(&self, noscript: ElementRef) -> Option<Html> {
        if let Some((_, doc)) = self.noscripts.iter().find(|(id, _)| *id == noscript.id()) {
            return Some(doc.clone());
        }
        #[cfg(feature = "html-parser")]
        {
            let markup: String = noscript.text().collect();
            Some(tree::parse_document(&markup))
        }
        #[cfg(not(feature = "html-parser"))]
        None
    }

    /// Elements matching `selector` in the page as it stands now. Unlike the document's `find_all`, which
    /// walks every node ever parsed, this skips what the clean stage detached (ads, signatures, hidden
    /// elements).
    pub fn find_all<'a, 'b>(&'a self, selector: &'b Selector) -> crate::css::Descendants<'a, 'b> {
        self.doc.root_element().find_all(selector)
    }

    /// What relative links on the page resolve against: `<base href>` where the page has one, else its URL.
    pub fn base(&self) -> Option<&str> {
        self.meta.base.as_deref().or(self.url.as_deref())
    }

    // The link policy every reader follows: links and profile links resolve against the base (`<base href>`,
    // else the page URL), as a browser resolves them; a post's permalink may be a bare `#fragment` (phpBB's
    // `#p123`, bbPress's `#post-9`, GitHub's `#issuecomment-1`), which names the post on this very page.

    /// A link (in a post, a profile, a pager) made absolute against [`base`](Self::base); `None` for links that
    /// lead nowhere a reader can follow (`javascript:`, `data:`, bare fragments: see [`url::resolve`]).
    pub fn link(&self, href: &str) -> Option<String> {
        url::resolve(self.base(), href)
    }

    /// A post's permalink made absolute: a bare `#fragment` is kept, on the page's own address
    /// ([`address`](Self::address)); anything else as [`link`](Self::link).
    pub fn permalink(&self, href: &str) -> Option<String> {
        let href = href.trim();
        match href.strip_prefix('#') {
            Some(fragment) if !fragment.is_empty() => self.address().map(|a| format!("{a}#{fragment}")),
            _ => self.link(href),
        }
    }

    /// The page's own address without its fragment: its URL, else its canonical URL, else its base.
    pub fn address(&self) -> Option<&str> {
        let address = self.url.as_deref().or(self.meta.canonical.as_deref()).or(self.meta.base.as_deref())?;
        Some(address.split('#').next().unwrap_or(address))
    }
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
    /// `<base href>`, resolved against the page URL (see [`Page::base`]).
    pub base: Option<String>,
    /// `<link rel=next>` / `<link rel=prev>` (or `previous`), resolved: read here because the clean stage
    /// removes `<link>` elements before the thread stage looks for pagination.
    pub next: Option<String>,
    pub prev: Option<String>,
    pub description: Option<String>,
    /// `<meta name=author>` / `article:author`.
    pub author: Option<String>,
    /// `article:published_time` and the like, as given.
    pub published: Option<String>,
    /// Every JSON-LD block that parsed.
    pub json_ld: Vec<crate::json::Value>,
}

/// Least visible text (characters, tags stripped) for a `<noscript>` to be content rather than a note
/// ("Please enable JavaScript", a tracking pixel).
pub const MIN_NOSCRIPT_CONTENT: usize = 300;

/// Deepest element nesting kept. Real pages stay far below it (the deepest seen are ~150); hostile ones go
/// deeper to make the HTML parser quadratic and recursive walks overflow the (1 MB, in WASM) stack.
pub const MAX_NESTING: usize = 400;

fn sel(css: &str) -> Selector {
    // Selectors here are string literals of this module; a typo is a bug caught by the tests.
    Selector::parse(css)
}

/// The names of the elements [`read_meta`]'s selectors pick (each selector names one of them).
const META_ELEMENTS: &[&str] = &["meta", "title", "link", "base", "script"];

/// The elements `css` picks among `els`, in their order.
fn pick<'a, 'e>(els: &'e [ElementRef<'a>], css: &str) -> impl Iterator<Item = ElementRef<'a>> + 'e {
    let selector = sel(css);
    els.iter().copied().filter(move |e| selector.matches(e))
}

fn read_meta(doc: &Html, page_url: Option<&str>) -> PageMeta {
    // The elements any of the selectors below can pick, in the document `find_all`'s order (every element with a
    // parent, in the tree's node order), gathered in one walk: seven selector walks over the whole page
    // were a quarter of the DOM path's tree building (callgrind).
    let els: Vec<ElementRef> = doc
        .tree
        .nodes()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.parent().is_some() && META_ELEMENTS.contains(&e.value().name()))
        .collect();
    // Every <meta> once: (property/name/itemprop, content).
    let metas: Vec<(&str, &str)> = pick(&els, "meta[content]")
        .flat_map(|m| {
            let content = m.value().attr("content").unwrap_or("");
            ["property", "name", "itemprop", "http-equiv"]
                .iter()
                .filter_map(move |a| m.value().attr(a))
                .flat_map(str::split_whitespace)
                .map(move |key| (key, content))
        })
        .collect();
    let meta_content = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|name| {
            metas
                .iter()
                .filter(|(key, _)| key.eq_ignore_ascii_case(name))
                .map(|(_, content)| crate::text::squash(content))
                .find(|c| !c.is_empty())
        })
    };
    let title = pick(&els, "title")
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
    let canonical = pick(&els, "link[rel=canonical]")
        .filter_map(|l| l.value().attr("href"))
        .find_map(|h| url::resolve(page_url, h));
    let base = pick(&els, "base[href]").filter_map(|b| b.value().attr("href")).find_map(|h| url::resolve(page_url, h));
    let rel_link = |css: &str| {
        let base = base.as_deref().or(page_url);
        pick(&els, css).filter_map(|l| l.value().attr("href")).find_map(|h| url::resolve(base, h))
    };
    let (next, prev) = (rel_link("link[rel~=next]"), rel_link("link[rel~=prev], link[rel~=previous]"));
    let json_ld = pick(&els, "script[type=\"application/ld+json\"]")
        .filter_map(|s| crate::json::from_str(s.text().collect::<String>().trim()))
        .map(|mut v| {
            charrefs::decode_strings(&mut v);
            v
        })
        .collect();
    PageMeta {
        title,
        // Readability's order: Dublin Core first, then Open Graph, Twitter, Parse.ly.
        og_title: meta_content(&["dc:title", "dcterm:title", "og:title", "twitter:title", "parsely-title"]),
        site_name: meta_content(&["og:site_name", "application-name"]),
        language,
        canonical,
        base,
        next,
        prev,
        description: meta_content(&["og:description", "description", "twitter:description"]),
        author: meta_content(&[
            "dc:creator",
            "dc.creator",
            "dcterm:creator",
            "author",
            "parsely-author",
            "article:author",
        ]),
        published: meta_content(&["article:published_time", "datePublished", "dc.date", "date"]),
        json_ld,
    }
}

#[cfg(all(test, feature = "html-parser"))]
mod tests {
    use super::*;

    /// The one walk keeps every element each selector picks, in the same order, on markup that tries their
    /// edges: case in names and values, namespaces (SVG's `title`), white space in `rel`, elements in the
    /// head and the body, and a template's content.
    #[test]
    fn meta_walk_agrees_with_its_selectors() {
        let html = r#"<html><head><title>One</title><meta name=a content=x><meta name=b><META CONTENT=y>
            <link rel="Canonical" href="/c"><link rel="canonical x" href="/d"><link rel="NEXT&#9;x" href="/2">
            <link rel="previous" href="/0"><link rel=" Prev " href="/00"><base href="/b/"><base target=x>
            <script type="Application/LD+JSON">{}</script><script type="application/ld+json ">{}</script></head>
            <body><svg><title>Two</title><link rel="Next"/><link rel="next"/><script type="application/ld+json">
            </script></svg><meta itemprop=n content=z><link rel=next href=/3><template><meta content=t></template>
            <p><link rel="prev next" href="/x"></p></body></html>"#;
        let Ok(page) = parse(html, None) else { panic!("parse") };
        let els: Vec<ElementRef> = page
            .doc
            .tree
            .nodes()
            .filter_map(ElementRef::wrap)
            .filter(|e| e.parent().is_some() && META_ELEMENTS.contains(&e.value().name()))
            .collect();
        for css in [
            "meta[content]",
            "title",
            "link[rel=canonical]",
            "base[href]",
            "link[rel~=next]",
            "link[rel~=prev], link[rel~=previous]",
            "script[type=\"application/ld+json\"]",
        ] {
            let by_walk: Vec<_> = pick(&els, css).map(|e| e.id()).collect();
            let by_selector: Vec<_> = page.doc.find_all(&sel(css)).map(|e| e.id()).collect();
            assert!(!by_selector.is_empty(), "{css}");
            assert_eq!(by_walk, by_selector, "{css}");
        }
    }
}

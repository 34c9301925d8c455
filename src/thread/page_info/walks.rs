//! The whole-page searches of [`super`] written as tests on one element, so that a walk over the page
//! reads each element's few attributes once instead of running a selector of up to fifteen alternatives
//! on it (the CSS engine looks each attribute up again for every alternative). These searches ran on
//! every page and were a fifth of the extension's pipeline on real forum pages (callgrind).
//!
//! Each test gives exactly what its selector, kept in the doc comment and in the tests below, gives:
//! attribute names in no namespace, values compared case-sensitively except `rel`, which HTML compares
//! ignoring ASCII case on HTML elements (as selectors match it: src/css.rs), and white space for `~=` as CSS
//! defines it.

use crate::parse::Page;
use crate::thread::structure::attr;
use ego_tree::iter::Edge;
use html5ever::ns;
use scraper::node::Element;
use scraper::ElementRef;

/// What `page.find_all(...)` walks: the elements under the root element (not itself), in document order.
pub fn elements(page: &Page) -> impl Iterator<Item = ElementRef<'_>> {
    page.doc.root_element().descendants().skip(1).filter_map(ElementRef::wrap)
}

/// The elements inside the page's `<body>` in document order: what the selector `body *` gives. As for
/// the selector, an element's ancestors are its chain of element parents (a template's content, under a
/// fragment node, is in no body).
pub fn body_elements(page: &Page) -> impl Iterator<Item = ElementRef<'_>> {
    // For each open node: whether what it holds is inside a body.
    let mut inside: Vec<bool> = Vec::new();
    page.doc.root_element().traverse().filter_map(move |edge| match edge {
        Edge::Open(node) => {
            let parent_inside = inside.last().copied().unwrap_or(false);
            let el = ElementRef::wrap(node);
            inside.push(el.is_some_and(|e| parent_inside || e.value().name() == "body"));
            el.filter(|_| parent_inside)
        }
        Edge::Close(_) => {
            inside.pop();
            None
        }
    })
}

/// Whether attribute `name` holds one of `parts` (`[name*=part]`; each part non-empty). One pass over the
/// value, comparing only where a part's first byte is (a search per part was most of the page's walks).
fn holds(e: &Element, name: &str, parts: &[&str]) -> bool {
    let firsts = parts.iter().filter_map(|p| p.bytes().next()).fold(0u64, |m, b| m | 1 << (b & 63));
    attr(e, name).is_some_and(|v| {
        let mut rest = v.as_bytes();
        while let Some((&b, tail)) = rest.split_first() {
            if firsts >> (b & 63) & 1 == 1 && parts.iter().any(|p| rest.starts_with(p.as_bytes())) {
                return true;
            }
            rest = tail;
        }
        false
    })
}

/// `nav, aside, [role=navigation], [role=complementary], [class*=breadcrumb], [id*=breadcrumb],
/// [class*=crumbs], [itemtype*=BreadcrumbList], [class*=announce], [id*=announce], [class*=notice],
/// [id*=notice], [class*=sidebar], [id*=sidebar], [class*=widget]`: a box whose texts are never the title.
pub fn is_box(e: &Element) -> bool {
    matches!(e.name(), "nav" | "aside")
        || attr(e, "role").is_some_and(|r| r == "navigation" || r == "complementary")
        || holds(e, "class", &["breadcrumb", "crumbs", "announce", "notice", "sidebar", "widget"])
        || holds(e, "id", &["breadcrumb", "announce", "notice", "sidebar"])
        || holds(e, "itemtype", &["BreadcrumbList"])
}

/// `nav[aria-label*=readcrumb], [class*=breadcrumb], [class*=Breadcrumb], [id*=breadcrumb],
/// [id*=Breadcrumb], [class*=crumbs], [itemtype*=BreadcrumbList]`: a breadcrumb's container.
pub fn is_breadcrumb(e: &Element) -> bool {
    (e.name() == "nav" && holds(e, "aria-label", &["readcrumb"]))
        || holds(e, "class", &["breadcrumb", "Breadcrumb", "crumbs"])
        || holds(e, "id", &["breadcrumb", "Breadcrumb"])
        || holds(e, "itemtype", &["BreadcrumbList"])
}

/// `[class*=pagination], [class*=pagenav], [class*=pager], [class*=PageNav], [class*=pageNav],
/// nav[aria-label*=agination], [class*=page-nav], [class*=pages]`: a page-number bar.
pub fn is_pager(e: &Element) -> bool {
    holds(e, "class", &["pagination", "pagenav", "pager", "PageNav", "pageNav", "page-nav", "pages"])
        || (e.name() == "nav" && holds(e, "aria-label", &["agination"]))
}

/// `link[rel~=next], a[rel~=next]` (`previous` false) or `link[rel~=prev], a[rel~=prev],
/// link[rel~=previous]` (`previous` true).
pub fn is_rel_link(e: &Element, previous: bool) -> bool {
    let (link, a) = (e.name() == "link", e.name() == "a");
    if !link && !a {
        return false;
    }
    let html = e.name.ns == ns!(html);
    let same = |part: &str, word: &str| if html { part.eq_ignore_ascii_case(word) } else { part == word };
    let Some(rel) = attr(e, "rel") else { return false };
    rel.split([' ', '\t', '\n', '\r', '\x0C']).any(|part| match previous {
        false => same(part, "next"),
        true => same(part, "prev") || link && same(part, "previous"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::thread::page_info::sel;

    /// Each test picks the elements its selector picks, on markup that tries their edges: case, namespaces,
    /// white space in `rel`, a template's content, nested and missing bodies.
    #[test]
    fn tests_agree_with_their_selectors() {
        let html = r#"<html class="pagesX"><head><link rel="Next" href="/2"><link rel="previous" href="/0"></head>
            <body><nav aria-label="Breadcrumbs">x</nav><nav aria-label="Pagination"><a rel="NEXT prev">2</a></nav>
            <aside></aside><div role="navigation"></div><div role="Navigation"></div><div role="complementary"></div>
            <div class="top-breadcrumb"></div><div class="TopBreadcrumb"></div><div id="xBreadcrumb"></div>
            <div id="breadcrumbs"></div><ol itemtype="https://schema.org/BreadcrumbList"></ol><div class="crumbs"></div>
            <div class="announcement"></div><div id="announce"></div><div class="notices"></div><div id="notice"></div>
            <div class="sidebar"></div><div id="left-sidebar"></div><div class="widget"></div><div class="Widget"></div>
            <div class="pagination"></div><div class="PageNav"></div><div class="pageNav"></div><span class="page-nav">
            </span><ul class="pages"></ul><div class="pagenav pager"></div><a rel="prev&#9;nofollow">1</a>
            <a rel="previous">0</a><svg><a rel="Next">n</a><a rel="next">m</a></svg><template><nav>t</nav></template>
            <p id="Notice" class="SIDEBAR" role="main">no</p></body></html>"#;
        let Ok(page) = crate::parse::parse(html, None) else { panic!("parse") };
        type Test<'t> = &'t dyn Fn(&Element) -> bool;
        let cases: [(&str, Test); 5] = [
            (
                "nav, aside, [role=navigation], [role=complementary], [class*=breadcrumb], [id*=breadcrumb], \
                 [class*=crumbs], [itemtype*=BreadcrumbList], [class*=announce], [id*=announce], [class*=notice], \
                 [id*=notice], [class*=sidebar], [id*=sidebar], [class*=widget]",
                &is_box,
            ),
            (
                "nav[aria-label*=readcrumb], [class*=breadcrumb], [class*=Breadcrumb], [id*=breadcrumb], \
                 [id*=Breadcrumb], [class*=crumbs], [itemtype*=BreadcrumbList]",
                &is_breadcrumb,
            ),
            (
                "[class*=pagination], [class*=pagenav], [class*=pager], [class*=PageNav], [class*=pageNav], \
                 nav[aria-label*=agination], [class*=page-nav], [class*=pages]",
                &is_pager,
            ),
            ("link[rel~=next], a[rel~=next]", &|e| is_rel_link(e, false)),
            ("link[rel~=prev], a[rel~=prev], link[rel~=previous]", &|e| is_rel_link(e, true)),
        ];
        for (css, test) in cases {
            let by_selector: Vec<_> = page.find_all(&sel(css)).map(|e| e.id()).collect();
            let by_test: Vec<_> = elements(&page).filter(|e| test(e.value())).map(|e| e.id()).collect();
            assert!(by_test.len() >= 2, "{css}");
            assert_eq!(by_test, by_selector, "{css}");
        }
        for doc in [html, "<p>no body</p>", "<html><body><div><p>a</p></div></body></html>"] {
            let Ok(page) = crate::parse::parse(doc, None) else { panic!("parse") };
            let by_selector: Vec<_> = page.find_all(&sel("body *")).map(|e| e.id()).collect();
            assert_eq!(body_elements(&page).map(|e| e.id()).collect::<Vec<_>>(), by_selector);
        }
    }
}

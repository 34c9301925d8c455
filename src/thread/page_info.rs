//! What every reader needs from the page around the posts, found once in one place: the thread title,
//! the section (breadcrumb) and the pagination.
//!
//! Readers may set these themselves when their engine's markup says more; [`fill`] completes whatever a
//! reader left empty, so every platform gets the same title cleanup and breadcrumb rules.

use super::Thread;
use crate::model::Pagination;
use crate::parse::Page;
use crate::{text, url};
use scraper::{ElementRef, Node, Selector};
use serde_json::Value;
use std::sync::LazyLock;

/// Compiles a built-in selector. They are literals of this crate; a typo is a bug the tests catch at once.
pub(crate) fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|_| panic!("invalid built-in selector {css}"))
}

/// Completes a reader's thread with the page's title, section and pagination where the reader left them empty.
pub fn fill(page: &Page, mut thread: Thread) -> Thread {
    if thread.title.trim().is_empty() {
        thread.title = title(page);
    } else {
        thread.title = text::squash(&thread.title);
    }
    if thread.section.is_empty() {
        thread.section = section(page, &thread.title);
    }
    if thread.pagination.is_none() {
        thread.pagination = pagination(page);
    }
    thread
}

// ---------------------------------------------------------------------------------------------------------
// Title

static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));

/// Separators boards and sites put between a page's own title and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" - ", " | ", " – ", " — ", " :: ", " » ", " · ", " • ", " / "];

/// The thread's title: `og:title`, else the page's only `<h1>` (when `<title>` agrees with it), else `<title>`;
/// with a trailing " - Site Name" cut off.
pub fn title(page: &Page) -> String {
    let site = site_name(page);
    let head = page.meta.title.as_deref().map(|t| strip_site(t, site.as_deref()));
    let og = page.meta.og_title.as_deref().map(|t| strip_site(t, site.as_deref()));
    let h1s: Vec<String> = page
        .doc
        .select(&H1)
        .map(|h| text::squash(&h.text().collect::<String>()))
        .filter(|h| !h.is_empty())
        .take(3)
        .collect();
    // The <title> (without the site's name) unless a single <h1> is what it names, cut short of the site's name.
    let h1 = h1s
        .first()
        .filter(|h| h1s.len() == 1 && head.as_deref().is_some_and(|t| t.to_lowercase().contains(&h.to_lowercase())));
    og.filter(|t| !t.is_empty())
        .or_else(|| h1.cloned())
        .or(head.filter(|t| !t.is_empty()))
        .or_else(|| h1s.first().cloned())
        .unwrap_or_default()
}

/// The site's name: `og:site_name`, JSON-LD publisher/website name, else the host without `www.`.
pub fn site_name(page: &Page) -> Option<String> {
    page.meta
        .site_name
        .clone()
        .or_else(|| {
            page.meta.json_ld.iter().flat_map(ld_items).find_map(|v| {
                let kind = v.get("@type").and_then(Value::as_str)?;
                (kind == "WebSite").then(|| v.get("name").and_then(Value::as_str).map(str::to_string)).flatten()
            })
        })
        .or_else(|| page.url.as_deref().map(url::domain).filter(|d| !d.is_empty()))
}

/// Cuts a trailing (or leading) site name from a `<title>`: "Thread - Board Name" → "Thread". A part is the
/// site's name when it contains the site name or the host's main label, compared on letters and digits only
/// ("Democratic Underground Forums" matches the host `democraticunderground.com`).
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    let title = text::squash(title);
    let Some(site) = site.map(alnum_lower).filter(|s| s.len() >= 3) else { return title };
    let site_core = site.split('.').next().unwrap_or(&site).to_string();
    let site_key = alnum_lower(&site_core);
    let is_site = |part: &str| {
        let p = alnum_lower(part);
        !p.is_empty()
            && !TITLE_SEPARATORS.iter().any(|s| part.contains(s))
            && (p.contains(&site_key) || site_key.contains(&p) && p.len() >= 4)
    };
    for sep in TITLE_SEPARATORS {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            if is_site(tail) && !head.trim().is_empty() {
                return strip_site(head, Some(&site_core));
            }
        }
        if let Some(i) = title.find(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            if is_site(head) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title
}

fn alnum_lower(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric() || *c == '.').flat_map(char::to_lowercase).collect()
}

// ---------------------------------------------------------------------------------------------------------
// Section (breadcrumb)

static BREADCRUMB_CONTAINERS: LazyLock<Selector> = LazyLock::new(|| {
    sel("nav[aria-label*=readcrumb], [class*=breadcrumb], [class*=Breadcrumb], [id*=breadcrumb], \
         [id*=Breadcrumb], [class*=crumbs], [itemtype*=BreadcrumbList]")
});
static CRUMB_NAMES: LazyLock<Selector> = LazyLock::new(|| sel("[itemprop=name]"));
static CRUMB_ITEMS: LazyLock<Selector> = LazyLock::new(|| sel("li"));
static LINKS: LazyLock<Selector> = LazyLock::new(|| sel("a"));
static ANY_ELEMENT: LazyLock<Selector> = LazyLock::new(|| sel("body *"));

/// Characters boards put between breadcrumb links. (`|` and `·` are left out: they join menus, not trails.)
const CRUMB_SEPARATORS: &[char] = &['»', '›', '>', '/', '→', '\\', '«', '‹', '<', '▸', '►', '❯'];

/// Most items a breadcrumb trail has; longer runs of links are menus.
const MAX_CRUMBS: usize = 10;

/// The thread's section, outermost first, without the thread itself: from JSON-LD `BreadcrumbList`,
/// else a breadcrumb element (`nav[aria-label=breadcrumb]`, `.breadcrumb`, microdata), else a trail of links
/// joined by `»`, `›` or `>`.
pub fn section(page: &Page, title: &str) -> Vec<String> {
    let crumbs = json_ld_breadcrumb(page)
        .or_else(|| breadcrumb_element(page))
        .or_else(|| separator_trail(page))
        .unwrap_or_default();
    let here: Vec<String> = [page.url.as_deref(), page.meta.canonical.as_deref()]
        .into_iter()
        .flatten()
        .map(|u| u.split('#').next().unwrap_or(u).to_string())
        .collect();
    let is_here = |href: &str| page.link(href).is_some_and(|h| here.contains(&h));
    without_current(crumbs, title, is_here)
}

fn json_ld_breadcrumb(page: &Page) -> Option<Vec<Crumb>> {
    let list = page
        .meta
        .json_ld
        .iter()
        .flat_map(ld_items)
        .find(|v| v.get("@type").and_then(Value::as_str) == Some("BreadcrumbList"))?;
    let mut items: Vec<(i64, Crumb)> = list
        .get("itemListElement")?
        .as_array()?
        .iter()
        .filter_map(|it| {
            let pos = it.get("position").and_then(|p| p.as_i64().or_else(|| p.as_str()?.parse().ok())).unwrap_or(0);
            let inner = it.get("item");
            let name = it
                .get("name")
                .and_then(Value::as_str)
                .or_else(|| inner.and_then(|i| i.get("name")).and_then(Value::as_str))?;
            let href =
                inner.and_then(|i| i.as_str().or_else(|| i.get("@id").and_then(Value::as_str))).map(str::to_string);
            Some((pos, Crumb { name: text::squash(name), href, linked: true }))
        })
        .collect();
    items.sort_by_key(|(p, _)| *p);
    let crumbs: Vec<Crumb> = items.into_iter().map(|(_, c)| c).filter(|c| !c.name.is_empty()).collect();
    (!crumbs.is_empty()).then_some(crumbs)
}

fn breadcrumb_element(page: &Page) -> Option<Vec<Crumb>> {
    page.select(&BREADCRUMB_CONTAINERS).find_map(|c| {
        let names: Vec<Crumb> = c
            .select(&CRUMB_NAMES)
            .map(|n| Crumb { name: text::squash(&n.text().collect::<String>()), href: None, linked: true })
            .collect();
        let crumbs = if names.len() >= 2 {
            names
        } else {
            let items: Vec<ElementRef> = c.select(&CRUMB_ITEMS).collect();
            if items.len() >= 2 {
                items.iter().map(|li| crumb_of(*li)).collect()
            } else {
                c.select(&LINKS).map(crumb_of).collect()
            }
        };
        let crumbs: Vec<Crumb> = crumbs.into_iter().filter(|c| !c.name.is_empty()).collect();
        (!crumbs.is_empty() && crumbs.len() <= MAX_CRUMBS).then_some(crumbs)
    })
}

/// Elements whose children are links separated only by separator characters: `A » B » C`.
fn separator_trail(page: &Page) -> Option<Vec<Crumb>> {
    page.select(&ANY_ELEMENT).find_map(|el| {
        let mut crumbs = Vec::new();
        let mut separators = 0;
        for child in el.children() {
            match child.value() {
                Node::Text(t) => {
                    let t = t.trim();
                    if t.is_empty() {
                        continue;
                    }
                    if t.chars().all(|c| CRUMB_SEPARATORS.contains(&c) || c.is_whitespace()) {
                        separators += 1;
                    } else {
                        return None;
                    }
                }
                Node::Element(e) if e.name() == "a" => crumbs.push(crumb_of(ElementRef::wrap(child)?)),
                Node::Element(_) => {
                    // A separator may sit in its own element (`<span class="sep">»</span>`).
                    let t = text::squash(&ElementRef::wrap(child)?.text().collect::<String>());
                    if !t.is_empty() && t.chars().all(|c| CRUMB_SEPARATORS.contains(&c) || c.is_whitespace()) {
                        separators += 1;
                    } else if !t.is_empty() {
                        return None;
                    }
                }
                _ => {}
            }
        }
        (crumbs.len() >= 2 && separators + 1 >= crumbs.len() && crumbs.len() <= MAX_CRUMBS).then_some(crumbs)
    })
}

struct Crumb {
    name: String,
    href: Option<String>,
    /// Whether the crumb is a link (the current page often is the one crumb that is not).
    linked: bool,
}

fn crumb_of(el: ElementRef) -> Crumb {
    let link = if el.value().name() == "a" { Some(el) } else { el.select(&LINKS).next() };
    Crumb {
        name: text::squash(&el.text().collect::<String>()).trim_matches(CRUMB_SEPARATORS).trim().to_string(),
        href: link.and_then(|a| a.value().attr("href")).map(str::to_string),
        linked: link.is_some(),
    }
}

/// Drops the trail's last item when it is the thread itself: the title (possibly cut short with "..."),
/// a link to this page, or the one unlinked item at the end of a linked trail.
fn without_current(mut crumbs: Vec<Crumb>, title: &str, is_here: impl Fn(&str) -> bool) -> Vec<String> {
    if let Some(last) = crumbs.last() {
        let name = last.name.trim_end_matches(['.', '…', ' ']).to_lowercase();
        let title_l = title.to_lowercase();
        let is_title = !name.is_empty() && (title_l.starts_with(&name) || name.starts_with(&title_l));
        let unlinked_tail = !last.linked && crumbs.len() >= 2 && crumbs[..crumbs.len() - 1].iter().all(|c| c.linked);
        let links_here = last.href.as_deref().is_some_and(&is_here);
        if is_title || unlinked_tail || links_here || last.name.ends_with("...") || last.name.ends_with('…') {
            crumbs.pop();
        }
    }
    crumbs.into_iter().map(|c| c.name).collect()
}

/// JSON-LD items at the top level, in arrays and in `@graph`.
pub fn ld_items(v: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(a) => stack.extend(a.iter().rev()),
            Value::Object(o) => {
                out.push(v);
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------------------
// Pagination

static REL_NEXT: LazyLock<Selector> = LazyLock::new(|| sel("link[rel~=next], a[rel~=next]"));
static REL_PREV: LazyLock<Selector> = LazyLock::new(|| sel("link[rel~=prev], a[rel~=prev], link[rel~=previous]"));
static PAGER: LazyLock<Selector> = LazyLock::new(|| {
    sel("[class*=pagination], [class*=pagenav], [class*=pager], [class*=PageNav], [class*=pageNav], \
         nav[aria-label*=agination], [class*=page-nav], [class*=pages]")
});
static CURRENT: LazyLock<Selector> = LazyLock::new(|| {
    sel("[aria-current=page], [class~=current], [class~=active], [class~=is-current], [class~=selected], strong, b, \
         [class*=current]")
});

/// Page N of M and next/previous URLs, from `rel=next/prev` and the page-number bar.
pub fn pagination(page: &Page) -> Option<Pagination> {
    let href_of = |s: &Selector| page.select(s).filter_map(|l| l.value().attr("href")).find_map(|h| page.link(h));
    // `<link rel=next/prev>` in the head was read at parse time (the clean stage removes `<link>`).
    let next = page.meta.next.clone().or_else(|| href_of(&REL_NEXT));
    let prev = page.meta.prev.clone().or_else(|| href_of(&REL_PREV));
    let (mut current, mut pages) = (None, None);
    if let Some(bar) = page.select(&PAGER).find(|b| b.select(&LINKS).any(|a| page_number(a).is_some())) {
        pages = bar.select(&LINKS).filter_map(page_number).max();
        current = bar.select(&CURRENT).find_map(page_number);
        if let (Some(c), Some(p)) = (current, pages) {
            pages = Some(p.max(c));
        }
    }
    if next.is_none() && prev.is_none() && pages.is_none() {
        return None;
    }
    Some(Pagination { page: current, pages, next, prev })
}

fn page_number(el: ElementRef) -> Option<u32> {
    let t = text::squash(&el.text().collect::<String>());
    (t.len() <= 5).then(|| t.parse().ok()).flatten().filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    fn page(html: &str) -> Page {
        parse(html, Some("https://board.example.org/t/1")).expect("page")
    }

    #[test]
    fn strips_the_site_name_from_titles() {
        assert_eq!(
            strip_site("Big news - Democratic Underground Forums", Some("democraticunderground.com")),
            "Big news"
        );
        assert_eq!(strip_site("Board | A thread - part 2", Some("Board")), "A thread - part 2");
        assert_eq!(strip_site("A - B", None), "A - B");
    }

    #[test]
    fn reads_breadcrumbs_in_all_their_forms() {
        let p = page(
            r#"<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/f/2">News</a></li>
            <li>Big thread</li></ol></nav><h1>Big thread</h1>"#,
        );
        assert_eq!(section(&p, "Big thread"), ["Home", "News"]);
        let p = page(r#"<div><a href="/a">Forums</a> › <a href="/b">Cars</a> › <a href="/t/1">Which t...</a></div>"#);
        assert_eq!(section(&p, "Which tyres"), ["Forums", "Cars"]);
        let p = page(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"BreadcrumbList",
            "itemListElement":[{"@type":"ListItem","position":2,"name":"Sub","item":"/s"},
            {"@type":"ListItem","position":1,"name":"Top","item":"/"}]}</script><p>x</p>"#,
        );
        assert_eq!(section(&p, "T"), ["Top", "Sub"]);
    }

    #[test]
    fn reads_pagination() {
        let p = page(
            r#"<link rel="next" href="?page=3"><div class="pagination"><a href="?page=1">1</a>
            <strong>2</strong><a href="?page=3">3</a><a href="?page=9">9</a></div>"#,
        );
        let pg = pagination(&p).expect("pagination");
        assert_eq!((pg.page, pg.pages), (Some(2), Some(9)));
        assert_eq!(pg.next.as_deref(), Some("https://board.example.org/t/1?page=3"));
    }
}

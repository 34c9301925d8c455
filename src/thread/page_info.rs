//! What every reader needs from the page around the posts, found once in one place: the thread title,
//! the section (breadcrumb) and the pagination.
//!
//! Readers may set these themselves when their engine's markup says more; [`fill`] completes whatever a
//! reader left empty, so every platform gets the same title cleanup and breadcrumb rules.

use super::Thread;
use crate::css::{FindAll, Sel, Selector};
use crate::json::Value;
use crate::model::Pagination;
use crate::parse::Page;
use crate::text;
use scraper::{ElementRef, Node};
use walks::{body_elements, elements, is_breadcrumb, is_pager, is_rel_link};

mod title;
mod walks;

pub use title::{choose_title, title};

/// Compiles a built-in selector. They are literals of this crate; a typo is a bug the tests catch at once.
pub(crate) fn sel(css: &str) -> Selector {
    Selector::parse(css)
}

/// Completes a reader's thread with the page's title, section and pagination where the reader left them empty,
/// and the dates whose day/month order only the page's other dates settle.
pub fn fill(page: &Page, mut thread: Thread) -> Thread {
    super::post::settle_day_order(&mut thread.posts);
    thread.title = choose_title(page, &thread.title);
    if thread.section.is_empty() {
        thread.section = section(page, &thread.title);
    }
    if thread.pagination.is_none() {
        thread.pagination = pagination(page);
    }
    thread
}

// ---------------------------------------------------------------------------------------------------------
// Section (breadcrumb)

// A breadcrumb's container (`nav[aria-label*=readcrumb]`, `.breadcrumb`, microdata) is [`walks::is_breadcrumb`].
static CRUMB_NAMES: Sel = Sel::new("[itemprop=name]");
static CRUMB_ITEMS: Sel = Sel::new("li");
static LINKS: Sel = Sel::new("a");

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
    crate::sort::sort_by_key(&mut items, |(p, _)| *p);
    let crumbs: Vec<Crumb> = items.into_iter().map(|(_, c)| c).filter(|c| !c.name.is_empty()).collect();
    (!crumbs.is_empty()).then_some(crumbs)
}

fn breadcrumb_element(page: &Page) -> Option<Vec<Crumb>> {
    elements(page).filter(|e| is_breadcrumb(e.value())).find_map(|c| {
        let names: Vec<Crumb> = c
            .find_all(&CRUMB_NAMES)
            .map(|n| Crumb { name: text::squash(&n.text().collect::<String>()), href: None, linked: true })
            .collect();
        let crumbs = if names.len() >= 2 {
            names
        } else {
            let items: Vec<ElementRef> = c.find_all(&CRUMB_ITEMS).collect();
            if items.len() >= 2 {
                items.iter().map(|li| crumb_of(*li)).collect()
            } else {
                c.find_all(&LINKS).map(crumb_of).collect()
            }
        };
        let crumbs: Vec<Crumb> = crumbs.into_iter().filter(|c| !c.name.is_empty()).collect();
        (!crumbs.is_empty() && crumbs.len() <= MAX_CRUMBS && !is_account_menu(&crumbs)).then_some(crumbs)
    })
}

/// Whether an element's text is separators only (`Some(true)`), white space only (`Some(false)`) or words
/// (`None`). Read up to its first other character, not collected: this runs for children of every element.
fn separator_text(el: ElementRef) -> Option<bool> {
    let mut any = false;
    for c in el.text().flat_map(str::chars).filter(|c| !c.is_whitespace()) {
        if !CRUMB_SEPARATORS.contains(&c) {
            return None;
        }
        any = true;
    }
    Some(any)
}

/// Elements whose children are links separated only by separator characters: `A » B » C`.
fn separator_trail(page: &Page) -> Option<Vec<Crumb>> {
    body_elements(page).find_map(|el| {
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
                Node::Element(_) => match separator_text(ElementRef::wrap(child)?) {
                    // A separator may sit in its own element (`<span class="sep">»</span>`).
                    Some(true) => separators += 1,
                    Some(false) => {}
                    None => return None,
                },
                _ => {}
            }
        }
        let ok = crumbs.len() >= 2 && separators + 1 >= crumbs.len() && crumbs.len() <= MAX_CRUMBS;
        (ok && !is_account_menu(&crumbs)).then_some(crumbs)
    })
}

/// Names of account links ("Register › Log In › Forgot password"): a run of them is a menu, never a trail.
const ACCOUNT_NAMES: &[&str] = &[
    "register",
    "log in",
    "login",
    "sign in",
    "sign up",
    "log out",
    "logout",
    "sign out",
    "anmelden",
    "registrieren",
    "abmelden",
    "connexion",
    "inscription",
    "s'inscrire",
    "registrarse",
    "iniciar sesión",
    "entrar",
    "registrati",
    "accedi",
    "forgot password",
    "lost password",
];
/// Account pages a crumb's link may go to.
const ACCOUNT_HREFS: &[&str] = &["login", "register", "signup", "sign_up", "signin", "logout", "mode=reg"];

/// Whether a trail of links is an account menu: one of its links is a log-in or registration link.
fn is_account_menu(crumbs: &[Crumb]) -> bool {
    crumbs.iter().any(|c| {
        let name = c.name.to_lowercase();
        let href = c.href.as_deref().unwrap_or("").to_lowercase();
        ACCOUNT_NAMES.contains(&name.as_str()) || ACCOUNT_HREFS.iter().any(|h| href.contains(h))
    })
}

struct Crumb {
    name: String,
    href: Option<String>,
    /// Whether the crumb is a link (the current page often is the one crumb that is not).
    linked: bool,
}

fn crumb_of(el: ElementRef) -> Crumb {
    let link = if el.value().name() == "a" { Some(el) } else { el.find_all(&LINKS).next() };
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

// `<a>`/`<link>` with `rel=next` or `prev` and the page-number bar (`.pagination`, `.pagenav`, ...) are
// [`walks::is_rel_link`] and [`walks::is_pager`].
static CURRENT: Sel = Sel::new(
    "[aria-current=page], [class~=current], [class~=active], [class~=is-current], [class~=selected], strong, b, \
         [class*=current]",
);

/// The longest text a page number's link has ("12345").
const MAX_PAGE_NUMBER_TEXT: usize = 5;

/// Page N of M and next/previous URLs, from `rel=next/prev` and the page-number bar.
pub fn pagination(page: &Page) -> Option<Pagination> {
    // `<link rel=next/prev>` in the head was read at parse time (the clean stage removes `<link>`); else the
    // first `rel=next`/`rel=prev` link of the page whose address resolves. One walk finds those and the
    // candidate page-number bars, in document order.
    let (mut next, mut prev) = (page.meta.next.clone(), page.meta.prev.clone());
    let mut bars = Vec::new();
    for e in elements(page) {
        let v = e.value();
        if next.is_none() && is_rel_link(v, false) {
            next = v.attr("href").and_then(|h| page.link(h));
        }
        if prev.is_none() && is_rel_link(v, true) {
            prev = v.attr("href").and_then(|h| page.link(h));
        }
        if is_pager(v) {
            bars.push(e);
        }
    }
    let (mut current, mut pages) = (None, None);
    if let Some(bar) = bars.into_iter().find(|b| b.find_all(&LINKS).any(|a| page_number(a).is_some())) {
        pages = bar.find_all(&LINKS).filter_map(page_number).max();
        current = bar.find_all(&CURRENT).find_map(page_number);
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
    // Text past MAX_PAGE_NUMBER_TEXT bytes that are not white space cannot squash short enough: stop reading
    // (a pager's links are small, but the test runs on the links of every candidate bar).
    let (mut raw, mut solid) = (String::new(), 0);
    for piece in el.text() {
        solid += piece.chars().filter(|c| !c.is_whitespace()).map(char::len_utf8).sum::<usize>();
        if solid > MAX_PAGE_NUMBER_TEXT {
            return None;
        }
        raw.push_str(piece);
    }
    let t = text::squash(&raw);
    (t.len() <= MAX_PAGE_NUMBER_TEXT).then(|| t.parse().ok()).flatten().filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    fn page(html: &str) -> Page {
        parse(html, Some("https://board.example.org/t/1")).expect("page")
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

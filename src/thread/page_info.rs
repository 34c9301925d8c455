//! What every reader needs from the page around the posts, found once in one place: the thread title,
//! the section (breadcrumb) and the pagination.
//!
//! Readers may set these themselves when their engine's markup says more; [`fill`] completes whatever a
//! reader left empty, so every platform gets the same title cleanup and breadcrumb rules.

use super::Thread;
use crate::css::{FindAll, Sel, Selector};
use crate::hash::FastSet;
use crate::json::Value;
use crate::model::Pagination;
use crate::parse::Page;
use crate::{text, url};
use scraper::{ElementRef, Node};
use walks::{body_elements, elements, is_box, is_breadcrumb, is_pager, is_rel_link};

mod walks;

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
// Title

/// What `page.doc.find_all(h1)` gives (every `h1` with a parent, in the tree's node order, detached ones too),
/// without running a selector on every node: a type selector compares the local name, in any namespace.
fn h1s(page: &Page) -> impl Iterator<Item = ElementRef<'_>> {
    page.doc.tree.nodes().filter_map(ElementRef::wrap).filter(|e| e.parent().is_some() && e.value().name() == "h1")
}

/// Separators boards and sites put between a page's own title and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" - ", " | ", " – ", " — ", " :: ", " » ", " · ", " • ", " / "];

// The boxes whose headings and links are never the thread's title (breadcrumbs, announcement and notice
// boxes, sidebars, navigation, widgets, by tag, role or class/id token, as boards of every engine name
// them) are [`walks::is_box`].
/// `h1, h2, h3, h4, h5, h6, a, li, span, strong, b`: the elements of a box whose texts are collected, as a
/// test on the local name (in any namespace, as a type selector matches) instead of a selector of eleven
/// alternatives run on every element inside every box.
fn is_box_text(e: &ElementRef) -> bool {
    matches!(e.value().name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "a" | "li" | "span" | "strong" | "b")
}
/// Most box elements whose texts are collected (time linear in the page: each is read once).
const MAX_BOX_TEXTS: usize = 400;
/// A title candidate agrees with another when one holds the other and the shorter is at least this share of
/// the longer ("Pruning old trees" and "Pruning old trees - Orchard Talk" agree; "Forums" and a title do not).
const MIN_AGREEING_SHARE: f64 = 0.6;

/// The thread's title. The reader's (the engine's title element) or else the page's ([`title`]) stands, unless
/// it is a breadcrumb item, an announcement box's or a sidebar's heading, or the site's own name, or unless it
/// is the reader's and agrees with no other source. Then the candidate the most others agree with (not itself
/// boxed, agreed by at least [`MIN_TITLE_VOTES`]) wins among `og:title`, JSON-LD `headline`/`name`, the
/// page's `<h1>`s and `<title>` (the site's name cut off), earlier in that list on a tie. (A thread title that
/// is also the breadcrumb's last item, or in a sidebar's list of threads, stands when the agreed title agrees
/// with it; a box's "Announcement" agrees with nothing.)
pub fn choose_title(page: &Page, reader: &str) -> String {
    let reader = text::squash(reader);
    let first = if reader.is_empty() { title(page) } else { reader.clone() };
    let site = site_name(page);
    let head = page.meta.title.as_deref().map(|t| strip_site(t, site.as_deref()));
    let og = page.meta.og_title.as_deref().map(|t| strip_site(t, site.as_deref()));
    let h1s = h1s(page).map(|h| text::squash(&h.text().collect::<String>())).take(3);
    let mut others: Vec<String> = og.into_iter().collect();
    others.extend(ld_headline(page).map(|t| strip_site(&t, site.as_deref())));
    others.extend(h1s);
    others.extend(head);
    others.retain(|c| !c.is_empty());
    let mut boxed = box_texts(page);
    boxed.extend(site.as_deref().map(key));
    let is_boxed = |c: &str| boxed.contains(&key(c));
    let votes = |c: &str| others.iter().filter(|o| agree(c, o)).count();
    let best =
        others.iter().rev().filter(|c| !is_boxed(c)).max_by_key(|c| votes(c)).filter(|c| votes(c) >= MIN_TITLE_VOTES);
    // A boxed text the agreed title names too (a sidebar's list of recent threads holds this one) stands.
    let replace = |b: &String| {
        first.is_empty() || (is_boxed(&first) || !reader.is_empty() && votes(&first) == 0) && !agree(&first, b)
    };
    let chosen = match best {
        Some(b) if replace(b) => b.clone(),
        _ => first,
    };
    whole_title(chosen, &others, is_boxed)
}

/// Ellipses a board puts at the end of a title it cut short (XenForo's `og:title` at about 50 characters).
const TRUNCATION_MARKS: &[&str] = &["...", "…"];

/// The title as the page writes it in full where the chosen one was cut short ("What do you guys think will
/// be the trend in the watch..." when `<title>` and `<h1>` hold the whole question): the first other candidate,
/// not boxed, that begins with the cut title's words and goes on. A title whose ellipsis the other candidates
/// write too ("Wait for it... - Blog") was not cut: it ends so.
fn whole_title(chosen: String, others: &[String], is_boxed: impl Fn(&str) -> bool) -> String {
    let Some(cut) = TRUNCATION_MARKS.iter().find_map(|m| chosen.strip_suffix(m)) else { return chosen };
    let cut = key(cut);
    if cut.is_empty() || others.iter().any(|o| o.contains(chosen.as_str()) && *o != chosen) {
        return chosen;
    }
    let goes_on = |o: &str| key(o).len() > cut.len() && key(o).starts_with(&cut);
    let whole = others.iter().find(|o| !is_boxed(o) && goes_on(o));
    whole.cloned().unwrap_or(chosen)
}

/// Sources (itself included) that must agree on a title for it to replace a boxed title, or a reader's title no
/// source agrees with. (Replacing on one source's word lost more titles than it won on the corpora.)
const MIN_TITLE_VOTES: usize = 2;

/// The JSON-LD `headline` (or `name`) of the page's discussion, question or article.
fn ld_headline(page: &Page) -> Option<String> {
    const KINDS: &[&str] = &[
        "DiscussionForumPosting",
        "QAPage",
        "Question",
        "Article",
        "NewsArticle",
        "BlogPosting",
        "SocialMediaPosting",
    ];
    page.meta.json_ld.iter().flat_map(ld_items).find_map(|v| {
        let kind = v.get("@type").and_then(Value::as_str)?;
        if !KINDS.contains(&kind) {
            return None;
        }
        let t = v.get("headline").or_else(|| v.get("name")).and_then(Value::as_str)?;
        Some(text::squash(t)).filter(|t| !t.is_empty())
    })
}

/// The texts of headings, links and items inside the page's boxes ([`is_box`]), as [`key`]s.
fn box_texts(page: &Page) -> FastSet<String> {
    elements(page)
        .filter(|e| is_box(e.value()))
        .flat_map(|b| b.descendants().skip(1).filter_map(ElementRef::wrap).filter(is_box_text))
        .take(MAX_BOX_TEXTS)
        .map(|e| key(&e.text().collect::<String>()))
        .filter(|k| !k.is_empty())
        .collect()
}

/// Lowercased letters and digits, words joined by single spaces: for comparing titles.
fn key(s: &str) -> String {
    let mut joined = String::with_capacity(s.len());
    for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(w);
    }
    joined.to_lowercase()
}

/// Whether two title candidates name the same thing (see [`MIN_AGREEING_SHARE`]).
fn agree(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && long.contains(&short) && short.len() as f64 >= MIN_AGREEING_SHARE * long.len() as f64
}

/// The page's own title: `og:title`, else the page's only `<h1>` (when `<title>` agrees with it), else
/// `<title>`; with a trailing " - Site Name" cut off.
pub fn title(page: &Page) -> String {
    let site = site_name(page);
    let head = page.meta.title.as_deref().map(|t| strip_site(t, site.as_deref()));
    let og = page.meta.og_title.as_deref().map(|t| strip_site(t, site.as_deref()));
    let h1s: Vec<String> =
        h1s(page).map(|h| text::squash(&h.text().collect::<String>())).filter(|h| !h.is_empty()).take(3).collect();
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
/// site's name when it contains the site name or one of the host's [`name_labels`], compared on letters and
/// digits only ("Democratic Underground Forums" matches the host `democraticunderground.com`).
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    let title = text::squash(title);
    match site.map(alnum_lower).filter(|s| s.len() >= 3) {
        Some(site) => strip_named(title, &name_labels(&site)),
        None => title,
    }
}

/// [`strip_site`] with the site's names found: cuts site parts off the end (again and again) or one off the start.
fn strip_named(title: String, keys: &[String]) -> String {
    let is_site = |part: &str| {
        let p = alnum_lower(part);
        !p.is_empty()
            && part.split_whitespace().count() <= MAX_SITE_NAME_WORDS
            && !TITLE_SEPARATORS.iter().any(|s| part.contains(s))
            && keys.iter().any(|k| p.contains(k.as_str()) || k.contains(&p) && p.len() >= 4)
    };
    for sep in TITLE_SEPARATORS {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            if is_site(tail) && !head.trim().is_empty() {
                return strip_named(text::squash(head), keys);
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

/// Most words in a title part that is the site's name ("The Straight Dope Message Board"): a longer part that
/// holds the site's name is a headline that mentions it ("... the Linux Kernel ..." on linux.slashdot.org).
const MAX_SITE_NAME_WORDS: usize = 6;

/// Second-level labels under a country's top-level domain that name no site (`example.co.uk`, `site.com.br`).
const SECOND_LEVEL_LABELS: &[&str] = &["ac", "co", "com", "edu", "gov", "net", "or", "org"];

/// Fewest letters in a host label that can name the site (`en.wikipedia.org`'s "en" names nothing).
const MIN_NAME_LABEL: usize = 3;

/// The labels of a host that can name the site: every label but the top-level domain and a country's
/// second-level one, so `linux.slashdot.org` gives "linux" and "slashdot" (the title says "Slashdot") and
/// `anna.blogspot.com` "anna" and "blogspot" (the title says "Anna's Kitchen"); a name without dots is itself.
fn name_labels(site: &str) -> Vec<String> {
    let mut labels: Vec<&str> = site.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() > 1 {
        labels.pop();
    }
    if labels.len() > 1 && site.rsplit('.').next().is_some_and(|tld| tld.len() == 2) {
        labels.pop_if(|l| SECOND_LEVEL_LABELS.contains(l));
    }
    let named: Vec<String> = labels.iter().filter(|l| l.len() >= MIN_NAME_LABEL).map(|l| l.to_string()).collect();
    if named.is_empty() {
        labels.last().map(|l| vec![l.to_string()]).unwrap_or_default()
    } else {
        named
    }
}

fn alnum_lower(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric() || *c == '.').flat_map(char::to_lowercase).collect()
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
    fn h1s_are_what_the_selector_picks() {
        let mut p = page("<h1>A</h1><div class=ad><h1>B</h1></div><svg><h1>C</h1></svg><H1>D</H1><h2>E</h2>");
        // A detached subtree's elements stay in the tree's nodes, as the document's `find_all` walks them.
        let ad = p.doc.tree.nodes().find(|n| n.value().as_element().is_some_and(|e| e.attr("class") == Some("ad")));
        if let Some(id) = ad.map(|n| n.id()) {
            p.doc.tree.get_mut(id).expect("node").detach();
        }
        let by_selector: Vec<_> = p.doc.find_all(&sel("h1")).map(|e| e.id()).collect();
        assert_eq!(h1s(&p).map(|e| e.id()).collect::<Vec<_>>(), by_selector);
        assert_eq!(by_selector.len(), 4);
        let boxed =
            page("<nav><h3>A</h3><div><B>b</B><svg><a>c</a></svg><em>d</em></div><li>e<span>f</span></li></nav>");
        let Some(nav) = walks::elements(&boxed).find(|e| e.value().name() == "nav") else { panic!("nav") };
        let sel = sel("h1, h2, h3, h4, h5, h6, a, li, span, strong, b");
        let by_test: Vec<_> = nav.descendants().skip(1).filter_map(ElementRef::wrap).filter(is_box_text).collect();
        assert_eq!(by_test, nav.find_all(&sel).collect::<Vec<_>>());
        assert_eq!(by_test.len(), 5);
        assert_eq!(key(" Re: ΣΊΣΥΦΟΣ — the  Thread! "), "re σίσυφος the thread");
    }

    #[test]
    fn strips_the_site_name_from_titles() {
        assert_eq!(
            strip_site("Big news - Democratic Underground Forums", Some("democraticunderground.com")),
            "Big news"
        );
        assert_eq!(strip_site("Board | A thread - part 2", Some("Board")), "A thread - part 2");
        assert_eq!(strip_site("A - B", None), "A - B");
        // The host's main label, not its subdomain, names the site; a headline that mentions it is no site name.
        assert_eq!(
            strip_site("Converting the Linux Kernel to Modern C++ - Slashdot", Some("linux.slashdot.org")),
            "Converting the Linux Kernel to Modern C++"
        );
        assert_eq!(strip_site("Tyres | Example Motoring Forum", Some("forum.example.co.uk")), "Tyres");
    }

    #[test]
    fn a_title_cut_short_yields_to_the_whole_one() {
        let p = page(
            r#"<head><title>What will the watch market do in 2024? | Watch Forums</title>
            <meta property="og:title" content="What will the watch market do in..."></head>
            <body><h1>What will the watch market do in 2024?</h1></body>"#,
        );
        assert_eq!(choose_title(&p, ""), "What will the watch market do in 2024?");
        let p = page(
            r#"<head><title>Wait for it... - Anna's Kitchen</title>
            <meta property="og:title" content="Wait for it..."></head><body><p>x</p></body>"#,
        );
        assert_eq!(choose_title(&p, ""), "Wait for it...");
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

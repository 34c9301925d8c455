//! Engine readers: one module per forum engine, each keyed on markup every board of that engine shares
//! (its post containers, data attributes and class names), never on a URL or one site.
//!
//! Readers only locate elements; [`post::build`](super::post::build) turns them into posts, and
//! [`page_info`](super::page_info) fills title, section and pagination a reader leaves empty. The helpers
//! below are what several readers need on top of that: the author block's label/value pairs, the profile
//! link, and scores as boards write them.

mod answer;
mod bbpress;
mod bugtracker;
mod bugtracker_github;
mod bugtracker_redmine;
mod discourse;
mod discuz;
mod flarum;
mod fluxbb;
mod hackernews;
mod invision;
mod invision3;
mod jforum;
mod khoros;
mod kunena;
mod lemmy;
mod lobsters;
mod mailman;
mod mastodon;
mod mybb;
mod nairaland;
mod nodebb;
mod phpbb;
mod phpbb2;
mod phpbb_themes;
pub mod probe;
mod quote_heads;
mod reddit;
mod smf;
mod stackexchange;
mod talkyard;
mod ubbthreads;
mod vanilla;
mod vbulletin;
mod woltlab;
mod xenforo;
mod yabb;

use super::{post, Engine, Thread};
use crate::css::{FindAll, Selector};
use crate::model::{Link, Post};
use crate::parse::Page;
use crate::{date, text, url};
pub use probe::Probe;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// Engine readers, most specific first. Each has a cheap `detect` on markup its boards share and a `read`;
/// [`read`] runs the detectors in this order and reads only the pages they accept, as defuddle's extractor
/// registry does with `canExtract` / `extract`.
pub const ALL: &[Engine] = &[
    crate::thread::du::ENGINE,
    xenforo::ENGINE,
    discourse::ENGINE,
    phpbb::ENGINE,
    phpbb2::ENGINE,
    vbulletin::ENGINE,
    invision::ENGINE,
    invision3::ENGINE,
    stackexchange::ENGINE,
    smf::ENGINE,
    reddit::ENGINE,
    hackernews::ENGINE,
    mybb::ENGINE,
    lobsters::ENGINE,
    lemmy::ENGINE,
    vanilla::ENGINE,
    bbpress::ENGINE,
    discuz::ENGINE,
    fluxbb::ENGINE,
    nodebb::ENGINE,
    flarum::ENGINE,
    talkyard::ENGINE,
    answer::ENGINE,
    mastodon::ENGINE,
    kunena::ENGINE,
    woltlab::ENGINE,
    khoros::ENGINE,
    ubbthreads::ENGINE,
    yabb::ENGINE,
    nairaland::ENGINE,
    jforum::ENGINE,
    mailman::ENGINE,
    bugtracker::ENGINE,
    bugtracker_github::ENGINE,
    bugtracker_redmine::ENGINE,
    phpbb_themes::ENGINE,
];

/// What the engine pass saw on a page: every detector that matched, in registry order, and the detected
/// readers that found no posts (a page that looks like an engine's but is not a thread of it, or a theme the
/// reader does not know).
#[derive(Debug, Default, Clone)]
pub struct Detection {
    pub matched: Vec<&'static str>,
    pub empty: Vec<&'static str>,
}

/// The names of the engines whose detector accepts the page, in registry order, as `probe` answers.
pub fn detected(probe: &Probe) -> Vec<&'static str> {
    ALL.iter().filter(|e| (e.detect)(probe)).map(|e| e.name).collect()
}

/// The thread of the first detected engine whose reader finds posts, or `None`. With `detection`, every
/// detector runs and what they found is noted; without, detection stops at the first thread found.
pub fn read(page: &Page, mut detection: Option<&mut Detection>) -> Option<Thread> {
    let mut found = None;
    let probe = Probe::new(page);
    for engine in ALL {
        if found.is_some() && detection.is_none() {
            break;
        }
        if !(engine.detect)(&probe) {
            continue;
        }
        if let Some(d) = detection.as_deref_mut() {
            d.matched.push(engine.name);
        }
        if found.is_none() {
            found = (engine.read)(page).filter(|t| !t.posts.is_empty());
            if let (None, Some(d)) = (&found, detection.as_deref_mut()) {
                d.empty.push(engine.name);
            }
        }
    }
    found
}

/// The thread a reader found: its posts, and its title where the engine's markup shows one (`title`);
/// `None` without posts, so the next reader gets its turn. Blocks with neither words nor a time (ad slots in
/// the post markup, placeholders of deleted posts) are not posts; a picture posted alone still is.
pub(crate) fn thread(name: &str, page: &Page, title: &Selector, mut posts: Vec<Post>) -> Option<Thread> {
    posts.retain(|p| !p.text.trim().is_empty() || !p.markdown.trim().is_empty() || p.published.is_some());
    if posts.is_empty() {
        return None;
    }
    let title = page.find_all(title).map(title_text).find(|t| !t.is_empty()).unwrap_or_default();
    Some(Thread { platform: name.into(), title, posts, ..Thread::default() })
}

/// Class tokens of a thread prefix's badge at the start of a title element (XenForo 2's `span.label`, then
/// a `label-append` space; XenForo 1's and vBulletin's `span.prefix`): "Info", "Solved", "Question".
const PREFIX_BADGES: [&str; 2] = ["label", "prefix"];
/// The class of XenForo 2's prefix style "Hidden": the prefix files the thread (a forum's filter reads it) but
/// the page does not show it, and the title is the rest ("Squad 2024 - 2025", not "Player - Squad 2024 - 2025").
const HIDDEN_BADGE: &str = "label--hidden";

/// A title element's text, with a leading prefix badge set off as the boards' own `<title>` writes it
/// ("Info - Ultimate GPU guide"), not run into the title ("Info Ultimate GPU guide").
fn title_text(el: ElementRef) -> String {
    let whole = text_of(el);
    let Some(first) = el.children().find(|c| !c.value().as_text().is_some_and(|t| t.trim().is_empty())) else {
        return whole;
    };
    let Some(badge) = ElementRef::wrap(first)
        .filter(|b| PREFIX_BADGES.iter().any(|c| b.value().classes().any(|k| k.eq_ignore_ascii_case(c))))
    else {
        return whole;
    };
    let label = text_of(badge);
    let hidden = badge.value().classes().any(|c| c == HIDDEN_BADGE);
    match whole.strip_prefix(&label).map(str::trim) {
        Some(rest) if hidden && !rest.is_empty() => rest.to_string(),
        // A bracketed badge ("[Vocabulary]") is set off already.
        Some(rest) if label.starts_with('[') && label.ends_with(']') && !rest.is_empty() => format!("{label} {rest}"),
        Some(rest) if !label.is_empty() && !rest.is_empty() => format!("{label} - {rest}"),
        _ => whole,
    }
}

/// The shape most readers share: each post body matching `body` with its block ([`bodies_in`]), made a post
/// by `read_post` (given the page's base for links), then the thread with its title.
pub(crate) fn read_posts(
    name: &str,
    page: &Page,
    title: &Selector,
    body: &Selector,
    block: &Selector,
    read_post: impl Fn(&Page, Option<&str>, ElementRef, ElementRef) -> Post,
) -> Option<Thread> {
    let base = base_url(page);
    let found: Vec<(ElementRef, ElementRef)> = bodies_in(page, body, block).collect();
    // A post nested in another's body (unclosed elements) is left out of the outer post: its block, or its
    // body where unclosed markup repeats a body without its block.
    let nested = post::Nested::of(page, found.iter().flat_map(|(b, el)| [b.id(), el.id()]));
    let posts =
        post::with_nested(nested, || found.iter().map(|(b, el)| read_post(page, base.as_deref(), *b, *el)).collect());
    thread(name, page, title, posts)
}

/// The breadcrumb's texts, without the thread itself when the board repeats it last.
pub(crate) fn trail(page: &Page, crumb: &Selector, title: &str) -> Vec<String> {
    let mut trail: Vec<String> = page.find_all(crumb).map(text_of).filter(|c| !c.is_empty()).collect();
    if trail.last().is_some_and(|l| l == title) {
        trail.pop();
    }
    trail
}

/// Each post body matching `body`, with its nearest ancestor matching `container` (the post's block, where
/// the author and time sit): where most readers start. Bodies outside any container are not posts.
pub(crate) fn bodies_in<'a>(
    page: &'a Page,
    body: &'a Selector,
    container: &'a Selector,
) -> impl Iterator<Item = (ElementRef<'a>, ElementRef<'a>)> + 'a {
    page.find_all(body).filter_map(move |b| {
        let block = b.ancestors().filter_map(ElementRef::wrap).find(|a| container.matches(a))?;
        Some((block, b))
    })
}

/// Each element matching `start`, with every element from it up to the next match, in document order.
///
/// Boards write XHTML-style `<span/>` and `<i/>` into HTML pages; the parser (a browser's too) then nests each
/// post inside the previous one's leftovers. A post's parts are what follows its start and precedes the next
/// post's, whatever the nesting says.
pub(crate) fn scopes<'a>(page: &'a Page, start: &Selector) -> Vec<Scope<'a>> {
    let mut out: Vec<Scope> = Vec::new();
    for el in page.doc.root_element().descendants().filter_map(ElementRef::wrap) {
        if start.matches(&el) {
            out.push(Scope { start: el, elements: Vec::new() });
        }
        if let Some(scope) = out.last_mut() {
            scope.elements.push(el);
        }
    }
    out
}

/// One post's stretch of the page (see [`scopes`]).
pub(crate) struct Scope<'a> {
    pub start: ElementRef<'a>,
    pub elements: Vec<ElementRef<'a>>,
}

impl<'a> Scope<'a> {
    /// The first element of the stretch matching `sel`.
    pub fn find(&self, sel: &Selector) -> Option<ElementRef<'a>> {
        self.elements.iter().copied().find(|e| sel.matches(e))
    }

    /// The first non-empty text of an element matching `sel`.
    pub fn text(&self, sel: &Selector) -> Option<String> {
        self.elements.iter().filter(|e| sel.matches(e)).map(|e| text_of(*e)).find(|t| !t.is_empty())
    }

    /// The first value of `attr` on an element matching `sel`.
    pub fn attr(&self, sel: &Selector, attr: &str) -> Option<String> {
        self.elements.iter().filter(|e| sel.matches(e)).find_map(|e| e.value().attr(attr)).map(str::to_string)
    }

    /// A short text outside `body` that shows a date, for themes that print the time as plain text in the
    /// post header instead of the engine's time element.
    pub fn date_text(&self, body: Option<ElementRef>) -> Option<String> {
        let in_body = |e: &ElementRef| body.is_some_and(|b| e.ancestors().chain([**e]).any(|a| a.id() == b.id()));
        self.elements.iter().filter(|e| !in_body(e)).find_map(|e| {
            let own: String = e.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect();
            let own = text::squash(&own);
            crate::date::parse(&own).map(|_| own)
        })
    }

    /// Every element matching `sel`.
    pub fn all(&self, sel: &'a Selector) -> impl Iterator<Item = ElementRef<'a>> + '_ {
        self.elements.iter().copied().filter(move |e| sel.matches(e))
    }
}

/// The page's base for relative links: `<base href>` resolved against the page URL, else the page URL.
pub(crate) fn base_url(page: &Page) -> Option<String> {
    page.base().map(str::to_string)
}

/// `href` made absolute against the page's base (see [`base_url`]). A bare `#fragment` (a permalink to a post
/// on this page) is passed on as it is, for [`post::build`](super::post::build) to anchor to the page's
/// address ([`Page::permalink`]): the one link policy.
pub(crate) fn absolute(base: Option<&str>, href: Option<&str>) -> Option<String> {
    let href = href?.trim();
    if href.len() > 1 && href.starts_with('#') {
        return Some(href.to_string());
    }
    url::resolve(base, href)
}

/// Makes a link submission's body its link: the link is what was submitted. Shared by the link-aggregator
/// readers (Reddit, Hacker News, Lobsters, Lemmy).
pub(crate) fn link_post(p: &mut Post, href: &str) {
    p.text = href.to_string();
    p.markdown = crate::render::escape::markdown_autolink(href);
    p.links =
        vec![Link { url: href.to_string(), text: p.title.clone().unwrap_or_default(), domain: url::domain(href) }];
}

/// A time attribute (ISO or Unix) as the post's time, where the reader found one post::build could not read.
pub(crate) fn set_time(p: &mut Post, attr: Option<&str>) {
    if let Some(iso) = attr.and_then(date::parse_attr) {
        p.published = Some(iso);
    }
}

/// An element's text with white space squashed.
pub(crate) fn text_of(el: ElementRef) -> String {
    text::squash(&el.text().collect::<String>())
}

/// The first match of `sel` under `el`, as squashed text, when not empty.
pub(crate) fn first_text(el: ElementRef, sel: &Selector) -> Option<String> {
    el.find_all(sel).map(text_of).find(|t| !t.is_empty())
}

/// The first match of `sel` with text: its text and its `href` (an author's name and profile link; an avatar
/// link before it has no text).
pub(crate) fn named_link(el: ElementRef, sel: &Selector) -> (Option<String>, Option<String>) {
    el.find_all(sel)
        .map(|a| (text_of(a), a.value().attr("href").map(str::to_string)))
        .find(|(t, _)| !t.is_empty())
        .map_or((None, None), |(t, h)| (Some(t), h))
}

/// The first match's attribute.
pub(crate) fn first_attr(el: ElementRef, sel: &Selector, attr: &str) -> Option<String> {
    el.find_all(sel).find_map(|e| e.value().attr(attr)).map(str::to_string)
}

/// A "Label: value" line as the pair [`label_pairs`] takes (split at its first colon); `None` without one.
pub(crate) fn colon_pair(line: &str) -> Option<(String, String)> {
    line.split_once(':').map(|(k, v)| (k.to_string(), v.to_string()))
}

/// Author details as the board shows them, from label/value pairs (`<dt>Posts:</dt><dd>1,234</dd>`):
/// labels lowercased without their colon, the usual ones in any of the boards' languages under one key
/// (`posts`, `joined`, `location`) so the card can show them alike.
pub(crate) fn label_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (label, value) in pairs {
        let label = label.trim().trim_end_matches(':').trim().to_lowercase();
        let value = text::squash(&value);
        if label.is_empty() || value.is_empty() || label.chars().count() > 40 {
            continue;
        }
        out.entry(canonical_label(&label).to_string()).or_insert(value);
    }
    out
}

/// The same fact under one key, whatever the board's language calls it.
fn canonical_label(label: &str) -> &str {
    const POSTS: &[&str] = &[
        "posts",
        "messages",
        "beiträge",
        "nachrichten",
        "messaggi",
        "mensagens",
        "mensajes",
        "berichten",
        "reply count",
    ];
    const JOINED: &[&str] =
        &["joined", "registered", "member since", "registriert", "dabei seit", "inscrit", "iscritto"];
    const LOCATION: &[&str] = &["location", "from", "ort", "wohnort", "localisation", "località"];
    if POSTS.contains(&label) {
        "posts"
    } else if JOINED.contains(&label) {
        "joined"
    } else if LOCATION.contains(&label) {
        "location"
    } else {
        label
    }
}

/// `<dt>` / `<dd>` pairs under `el`, in order.
pub(crate) fn dl_pairs(el: ElementRef, dt: &Selector, dd: &Selector) -> Vec<(String, String)> {
    el.find_all(dt).map(text_of).zip(el.find_all(dd).map(text_of)).collect()
}

/// Adds the author's profile link (resolved) to their details, under `profile`.
pub(crate) fn add_profile(info: &mut BTreeMap<String, String>, base: Option<&str>, href: Option<&str>) {
    if let Some(link) = href.and_then(|h| url::resolve(base, h)) {
        info.insert("profile".into(), link);
    }
}

/// A score as boards write it: `12`, `-3`, `1,204`, `1.2k`, `+5`; `None` for anything else.
pub(crate) fn score(s: &str) -> Option<i64> {
    let s = s.trim().trim_start_matches('+').replace([',', '\u{a0}', ' '], "");
    let (num, mult) = match s.strip_suffix(['k', 'K']) {
        Some(n) => (n, 1000.0),
        None => (s.as_str(), 1.0),
    };
    let v = crate::float::parse_f64(num)?;
    v.is_finite().then(|| (v * mult).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_badge_is_set_off_from_the_title() {
        let title = |h1: &str| {
            let Ok(page) = crate::parse::parse(&format!("<html><body>{h1}</body></html>"), None) else {
                panic!("parse")
            };
            let h1 = crate::thread::page_info::sel("h1");
            page.find_all(&h1).map(title_text).next().unwrap_or_default()
        };
        let xf2 = r#"<h1 class="p-title-value"><span class="label label--yellow" dir="auto">Info</span><span class="label-append">&nbsp;</span>Ultimate GPU guide</h1>"#;
        assert_eq!(title(xf2), "Info - Ultimate GPU guide");
        assert_eq!(title(&xf2.replace("label--yellow", "label--hidden")), "Ultimate GPU guide");
        assert_eq!(
            title(r#"<h1><span class="prefix prefixGreen">Solved</span> Chain skips</h1>"#),
            "Solved - Chain skips"
        );
        assert_eq!(title(r#"<h1><span class="prefix">[Vocabulary]</span> Car hire</h1>"#), "[Vocabulary] Car hire");
        assert_eq!(title("<h1><span>Chain</span> skips</h1>"), "Chain skips");
        assert_eq!(title(r#"<h1><span class="label">Only a badge</span></h1>"#), "Only a badge");
    }

    #[test]
    fn labels_share_keys_across_languages() {
        let info = label_pairs([("Beiträge:".into(), " 1.234 ".into()), ("Dabei seit".into(), "2019".into())]);
        assert_eq!(info.get("posts").map(String::as_str), Some("1.234"));
        assert_eq!(info.get("joined").map(String::as_str), Some("2019"));
    }

    #[test]
    fn scores_read_as_written() {
        assert_eq!(score("1,204"), Some(1204));
        assert_eq!(score("+5"), Some(5));
        assert_eq!(score("-3"), Some(-3));
        assert_eq!(score("1.2k"), Some(1200));
        assert_eq!(score("likes"), None);
    }
}

//! Building a [`Post`] from the parts of the page an engine reader (or the generic detector) has found.
//!
//! Readers locate elements; this module turns them into clean text, Markdown, quotes, links and times,
//! so every reader treats bodies the same way.

use crate::css::{FindAll, Sel, Selector};
use crate::hash::FastSet;
use crate::model::{Link, Post, PostQuote};
use crate::parse::Page;
use crate::{date, text, url};
use ego_tree::NodeId;
use scraper::ElementRef;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// What a reader found for one post.
#[derive(Default)]
pub struct PostParts<'a> {
    pub author: Option<String>,
    pub author_info: BTreeMap<String, String>,
    /// The element that shows the time; its `datetime`/`title`/`data-*` attributes are read too.
    pub time: Option<ElementRef<'a>>,
    /// The time as text, when there is no element for it.
    pub time_text: Option<String>,
    /// The body element. Quotes inside it are found with `quote` and kept apart as well as in the text.
    pub body: Option<ElementRef<'a>>,
    /// Selector for quotes of other posts inside the body (engine specific; `blockquote` when `None`).
    pub quote: Option<&'a Selector>,
    /// Selector, inside a quote, for the element naming the quoted author.
    pub quote_author: Option<&'a Selector>,
    pub title: Option<String>,
    pub permalink: Option<String>,
    pub score: Option<i64>,
    pub depth: u32,
    /// The `id` of the post's element, for scrolling to it.
    pub anchor: Option<String>,
    /// Subtrees of `body` that are not part of the post (its header, signature, a neighbour's parts).
    pub exclude: Vec<NodeId>,
}

/// Words a board shows in an author's place that are a status or a label, not a name (compared lowercased,
/// on the whole text): an online marker, a placeholder for a missing name, a post's action link. (Role words
/// like "Admin" stay: they are real user names on many boards.)
const NOT_NAMES: &[&str] = &[
    "offline",
    "online",
    "away",
    "unknown",
    "n/a",
    "posts",
    "beiträge",
    "messages",
    "reply",
    "quote",
    "report",
    "edit",
    "permalink",
    "share",
];

/// What a board counts under a post ("23 Likes", "3 Shares", "12 replies"), compared lowercased: a number
/// followed by one of these is a counter, not a name (a name may still start with a number: "50 Cent").
const COUNTED: &[&str] = &[
    "like",
    "likes",
    "share",
    "shares",
    "reply",
    "replies",
    "view",
    "views",
    "comment",
    "comments",
    "vote",
    "votes",
    "point",
    "points",
    "kudos",
    "reactions",
];

/// A name with a count glued after it, as a board shows a member's posts or points in the name's place
/// ("Judith C(157)"), is the name without it; the count is not part of anyone's name.
fn without_count(name: &str) -> String {
    let cut = name.strip_suffix(')').and_then(|n| n.rsplit_once('(')).filter(|(head, count)| {
        !head.trim().is_empty() && !count.is_empty() && count.chars().all(|c| c.is_ascii_digit() || c == ',')
    });
    cut.map_or_else(|| name.to_string(), |(head, _)| head.trim_end().to_string())
}

/// Whether a text found in an author's place is a name: not a status or label ([`NOT_NAMES`]), not a counter
/// ("Posts: 7,135", "1,024", "#12"), not a label ending in a colon.
pub fn is_name(s: &str) -> bool {
    let s = s.trim();
    let lower = s.to_lowercase();
    if s.is_empty() || NOT_NAMES.contains(&lower.as_str()) || s.ends_with(':') {
        return false;
    }
    if !s.chars().any(char::is_alphabetic) {
        return false;
    }
    // "23 Likes", "1,204 views": a count and what it counts.
    let counter = s.split_once(' ').is_some_and(|(n, what)| {
        n.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && COUNTED.contains(&what.trim().to_lowercase().as_str())
    });
    if counter {
        return false;
    }
    // "Posts: 7,135", "Beiträge: 12", "Joined: Mar 2019": a label, a colon, then a value.
    let labelled = s.split_once(':').is_some_and(|(label, value)| {
        let label = label.trim();
        !label.is_empty()
            && label.chars().all(|c| c.is_alphabetic() || c == ' ')
            && label.split_whitespace().count() <= 2
            && value.trim().chars().next().is_some_and(|c| c.is_ascii_digit())
    });
    !labelled
}

/// Dates whose day/month order the text left open (`03/04/2022`), read in the order the page's other dates
/// settle (any `15/05/19` among the posts' times: see [`date::order_of`]).
pub fn settle_day_order(posts: &mut [Post]) {
    if !posts.iter().any(|p| p.published.is_none() && p.published_text.is_some()) {
        return;
    }
    let Some(order) = date::order_of(posts.iter().filter_map(|p| p.published_text.as_deref())) else { return };
    for p in posts.iter_mut().filter(|p| p.published.is_none()) {
        p.published = p.published_text.as_deref().and_then(|t| date::parse_in_order(t, Some(order)));
    }
}

/// The containers of a page's posts, for leaving a post nested in another (unclosed elements nest each post in
/// the one before it) out of the outer one: else every post's text holds all the posts after it, output and
/// time quadratic in the posts.
pub struct Nested {
    /// Each node's pre-order position and the position after its last descendant, by its slot in the tree
    /// ([`slot`](crate::thread::structure::slot)): 8 bytes a node, where a hash map cost about 40 (and twice
    /// that while it grew), 4 times the page on a small one. [`OUTSIDE`] for nodes the walk did not reach.
    span: Vec<(u32, u32)>,
    /// The containers' spans, sorted by start.
    containers: Vec<(u32, u32, NodeId)>,
}

/// The span of a node outside the page's tree (detached by the clean stage).
const OUTSIDE: (u32, u32) = (u32::MAX, 0);

thread_local! {
    /// The containers of the posts being built ([`with_nested`]), read by [`build`].
    static NESTED: RefCell<Option<Nested>> = const { RefCell::new(None) };
}

impl Nested {
    /// Positions of every node of the page, and the spans of `containers`.
    pub fn of(page: &Page, containers: impl Iterator<Item = NodeId>) -> Nested {
        use crate::thread::structure::slot;
        let mut span = vec![OUTSIDE; page.doc.tree.nodes().len()];
        let mut at = 0u32;
        for edge in page.doc.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(n) => {
                    if let Some(s) = span.get_mut(slot(n.id())) {
                        *s = (at, at + 1);
                    }
                    at += 1;
                }
                ego_tree::iter::Edge::Close(n) => {
                    if let Some(s) = span.get_mut(slot(n.id())) {
                        s.1 = at;
                    }
                }
            }
        }
        let nested = Nested { span, containers: Vec::new() };
        let mut containers: Vec<(u32, u32, NodeId)> =
            containers.filter_map(|c| nested.span_of(c).map(|(a, b)| (a, b, c))).collect();
        crate::sort::sort(&mut containers);
        containers.dedup();
        Nested { containers, ..nested }
    }

    fn span_of(&self, id: NodeId) -> Option<(u32, u32)> {
        self.span.get(crate::thread::structure::slot(id)).copied().filter(|s| *s != OUTSIDE)
    }

    /// The outermost containers strictly inside `body`: one binary search per container returned.
    fn inside(&self, body: NodeId) -> Vec<NodeId> {
        let Some((start, end)) = self.span_of(body) else { return Vec::new() };
        let mut out = Vec::new();
        let mut i = self.containers.partition_point(|c| c.0 <= start);
        while let Some(&(_, e, id)) = self.containers.get(i).filter(|c| c.0 < end) {
            out.push(id);
            // Containers inside this one are left out with it.
            i += self.containers[i..].partition_point(|c| c.0 < e);
        }
        out
    }
}

/// Runs `f` (which builds posts) with `nested` known to [`build`]: a post's body leaves out the other posts'
/// containers that lie inside it.
pub fn with_nested<R>(nested: Nested, f: impl FnOnce() -> R) -> R {
    let previous = NESTED.with(|n| n.replace(Some(nested)));
    let out = f();
    NESTED.with(|n| *n.borrow_mut() = previous);
    out
}

/// Turns found parts into a post.
pub fn build(page: &Page, mut parts: PostParts) -> Post {
    let base = page.base();
    if let Some(body) = parts.body {
        NESTED.with(|n| {
            if let Some(nested) = n.borrow().as_ref() {
                parts.exclude.extend(nested.inside(body.id()));
            }
        });
    }
    let (text, markdown, quotes, links) = match parts.body {
        Some(body) => body_of_excluding(body, base, parts.quote, parts.quote_author, &parts.exclude),
        None => Default::default(),
    };
    let (published, published_text) = time_of(parts.time, parts.time_text.as_deref());
    Post {
        author: parts.author.map(|a| without_count(&text::squash(&a))).filter(|a| is_name(a)),
        author_info: parts.author_info,
        published,
        published_text,
        title: parts.title.map(|t| text::squash(&t)).filter(|t| !t.is_empty()),
        text,
        markdown,
        quotes,
        links,
        score: parts.score,
        depth: parts.depth,
        permalink: parts.permalink.and_then(|p| page.permalink(&p)),
        anchor: parts.anchor,
        accepted: false,
    }
}

/// Attributes that hold the machine-readable time of an element showing a time (often a relative one: "2 hours
/// ago" with `title="2019-08-03 15:35"`).
const TIME_ATTRS: &[&str] = &[
    "datetime",
    "data-time",
    "data-timestamp",
    "data-datestring",
    "title",
    "data-date",
    "content",
    "data-utime",
    "data-datetime",
    "data-epoch",
    "data-created",
];
/// How many elements inside a time element are searched for a time attribute.
const MAX_TIME_DESCENDANTS: usize = 12;
/// Class words of the children of a time element that render the same time twice, of which the board's
/// style shows one (Invision 5: `ipsTime__long` "April 2, 2024" beside `ipsTime__short` "1 yr"): read
/// together they give "April 2, 20241 yr". The long form is the one shown.
const LONG_FORM_CLASS: &str = "long";
const SHORT_FORM_CLASS: &str = "short";

/// The text of a time element, its long form where it holds a long and a short rendering of one time.
fn time_text(el: ElementRef) -> String {
    let has_class = |e: &ElementRef, word: &str| e.value().classes().any(|c| c.to_ascii_lowercase().contains(word));
    let children: Vec<ElementRef> = el.children().filter_map(ElementRef::wrap).collect();
    let long = children.iter().find(|c| has_class(c, LONG_FORM_CLASS));
    match long {
        Some(long) if children.iter().any(|c| has_class(c, SHORT_FORM_CLASS)) => long.text().collect(),
        _ => el.text().collect(),
    }
}

/// The time shown by `el` (or `shown`), as shown and as ISO 8601: from the element's time attributes, else
/// from its text, else from a time attribute inside it (`<span>2 hours ago <time datetime=...></span>`).
pub fn time_of(el: Option<ElementRef>, shown: Option<&str>) -> (Option<String>, Option<String>) {
    let shown_text = el
        .map(|e| text::squash(&time_text(e)))
        .filter(|t| !t.is_empty())
        .or_else(|| shown.map(text::squash))
        .filter(|t| !t.is_empty());
    let attrs_of = |e: ElementRef<'_>| {
        TIME_ATTRS.iter().filter_map(|a| super::structure::attr(e.value(), a)).map(str::to_string).collect::<Vec<_>>()
    };
    let attrs = el.map(attrs_of).unwrap_or_default();
    let inner = || {
        let e = el?;
        e.descendants()
            .skip(1)
            .filter_map(ElementRef::wrap)
            .take(MAX_TIME_DESCENDANTS)
            .find_map(|d| attrs_of(d).iter().find_map(|a| date::parse_attr(a)))
    };
    let iso = attrs
        .iter()
        .find_map(|a| date::parse_attr(a))
        .or_else(|| shown_text.as_deref().and_then(date::parse))
        .or_else(inner);
    let shown_text = shown_text.or_else(|| attrs.first().map(|a| text::squash(a)));
    (iso, shown_text)
}

/// Text, Markdown, quotes and links of a body element.
pub fn body_of(
    body: ElementRef,
    base: Option<&str>,
    quote: Option<&Selector>,
    quote_author: Option<&Selector>,
) -> (String, String, Vec<PostQuote>, Vec<Link>) {
    body_of_excluding(body, base, quote, quote_author, &[])
}

/// [`body_of`] without the subtrees rooted at `exclude`.
pub fn body_of_excluding(
    body: ElementRef,
    base: Option<&str>,
    quote: Option<&Selector>,
    quote_author: Option<&Selector>,
    exclude: &[NodeId],
) -> (String, String, Vec<PostQuote>, Vec<Link>) {
    let text = text::text_of_excluding(*body, exclude);
    let markdown = text::markdown_of_excluding(*body, base, exclude);
    let kept = kept_elements(body, exclude);
    let quotes = kept
        .iter()
        .copied()
        .filter(|e| quote.unwrap_or(&BLOCKQUOTE).matches(e))
        // A quote inside a quote is part of the outer one.
        .filter(|qe| !qe.ancestors().take_while(|a| a.id() != body.id()).any(|a| is_match(a, quote)))
        .map(|qe| {
            let head = qe.find_all(quote_author.unwrap_or(&QUOTE_AUTHOR)).next().or_else(|| said_line(qe));
            // An attribute naming the quoted member (XenForo `data-author`/`data-quote`, Discourse
            // `data-username`, Invision `data-ipsquote-username`) is exact in every language; the "X
            // said:" line is the fallback (Invision's reads "10 hours ago, X said:").
            let attr = QUOTE_AUTHOR_ATTRS.iter().find_map(|a| qe.value().attr(a));
            let author = attr
                .map(clean_quote_author)
                .filter(|a| !a.is_empty())
                .or_else(|| head.map(|a| clean_quote_author(&a.text().collect::<String>())))
                .filter(|a| !a.is_empty());
            let mut text = text::text_of_excluding(*qe, exclude);
            // The "X said:" line names the author; it is not part of what was quoted.
            if let Some(head_text) = head.map(|h| text::text_of(*h)).filter(|h| !h.is_empty()) {
                if let Some(rest) = text.strip_prefix(&head_text) {
                    text = rest.trim_start().to_string();
                }
            }
            PostQuote { author, text }
        })
        .filter(|q| !q.text.is_empty())
        .collect();
    let links = kept
        .into_iter()
        .filter(|e| LINKS.matches(e))
        .filter(|a| !super::not_cited::by_markup(*a, body))
        .filter_map(|a| link_of(a, base))
        .collect();
    (text, markdown, quotes, links)
}

/// The elements under `body` (itself excluded) outside the subtrees rooted at `exclude`, in document order:
/// one walk that does not enter what is left out.
fn kept_elements<'a>(body: ElementRef<'a>, exclude: &[NodeId]) -> Vec<ElementRef<'a>> {
    let skip: FastSet<NodeId> = exclude.iter().copied().collect();
    let roots: Vec<ElementRef<'a>> = body.children().filter_map(ElementRef::wrap).collect();
    super::structure::pruned(&roots, |e| !skip.contains(&e.id()))
}

/// Attributes of a quote box that name the quoted member, as the engines write them.
const QUOTE_AUTHOR_ATTRS: &[&str] = &["data-author", "data-quote", "data-username", "data-ipsquote-username"];

/// Where a quote names its author when the engine does not say: `<cite>`, or a class naming an author.
static QUOTE_AUTHOR: Sel = Sel::new("cite, [class*=author], [class*=Author], [class*=username]");

/// A quote that opens with a bold line ending in `:` ("<b>SteppeWatcher said:</b>"): that line names its author.
fn said_line(quote: ElementRef) -> Option<ElementRef> {
    let first = quote.children().find(|c| c.value().as_text().is_none_or(|t| !t.trim().is_empty()))?;
    let el = ElementRef::wrap(first).filter(|e| matches!(e.value().name(), "b" | "strong"))?;
    let t: String = el.text().collect();
    (t.trim_end().ends_with(':') && t.len() <= 80).then_some(el)
}

static BLOCKQUOTE: Sel = Sel::new("blockquote");
static LINKS: Sel = Sel::new("a[href]");

fn is_match(node: ego_tree::NodeRef<scraper::Node>, quote: Option<&Selector>) -> bool {
    ElementRef::wrap(node).is_some_and(|e| quote.unwrap_or(&BLOCKQUOTE).matches(&e))
}

/// "SteppeWatcher said:" → "SteppeWatcher"; "Quote from: X on ..." → "X".
fn clean_quote_author(s: &str) -> String {
    let s = text::squash(s);
    let s = s.strip_prefix("Quote from:").or_else(|| s.strip_prefix("Quote:")).unwrap_or(&s).trim();
    // MyBB puts the quoted post's date first: "(2019-02-24, 05:31 PM)StarredSkies Wrote:".
    let s = match s.strip_prefix('(').and_then(|rest| rest.split_once(')')) {
        Some((_, after)) if !after.trim().is_empty() => after.trim(),
        _ => s,
    };
    // Verbs and markers after the name, in the boards' languages; the earliest one ends the name.
    const AFTER_NAME: &[&str] = &[
        " said:",
        " said",
        " Said",
        " wrote:",
        " wrote",
        " Wrote",
        " schrieb:",
        " a écrit :",
        " ha scritto:",
        " escreveu:",
        " on ",
        "发表于",
        " 說",
        " 说",
    ];
    let cut = AFTER_NAME.iter().filter_map(|m| s.find(m)).min().unwrap_or(s.len());
    s[..cut].trim().trim_end_matches(':').trim().to_string()
}

/// Followable links in an element, resolved; `javascript:` and fragment links are left out.
pub fn links_of(el: ElementRef, base: Option<&str>) -> Vec<Link> {
    el.find_all(&LINKS).filter_map(|a| link_of(a, base)).collect()
}

fn link_of(link: ElementRef, base: Option<&str>) -> Option<Link> {
    let href = url::resolve(base, link.value().attr("href")?)?;
    if !(href.starts_with("http://") || href.starts_with("https://")) {
        return None;
    }
    let domain = url::domain(&href);
    Some(Link { text: text::squash(&link.text().collect::<String>()), domain, url: href })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_statuses_and_counters_are_not_names() {
        for not in [
            "Posts: 7,135",
            "Offline",
            "Unknown",
            "Beiträge: 12",
            "1,024",
            "#12",
            "Joined:",
            "Reply",
            "23 Likes",
            "1 Share",
            "",
        ] {
            assert!(!is_name(not), "{not:?}");
        }
        for name in ["anna", "Admin", "J. R. Smith", "山水", "user_42", "Dr: Who", "50 Cent"] {
            assert!(is_name(name), "{name:?}");
        }
    }

    #[test]
    fn a_count_glued_to_a_name_is_not_part_of_it() {
        assert_eq!(without_count("Judith C(157)"), "Judith C");
        assert_eq!(without_count("anna (1,204)"), "anna");
        assert_eq!(without_count("(157)"), "(157)");
        assert_eq!(without_count("Team (UK)"), "Team (UK)");
    }

    #[test]
    fn a_time_shown_long_and_short_reads_its_long_form() {
        let html = scraper::Html::parse_fragment(
            "<time datetime='2024-04-02T05:03:15Z'><span class='ipsTime__long'>April 2, 2024</span>\
             <span class='ipsTime__short'>1 yr</span></time><time datetime='2024-04-02'><b>April</b> <i>2</i></time>",
        );
        let sel = scraper::Selector::parse("time").expect("selector");
        let times: Vec<_> = html.select(&sel).map(|t| time_of(Some(t), None)).collect();
        assert_eq!(times[0], (Some("2024-04-02T05:03:15Z".to_string()), Some("April 2, 2024".to_string())));
        assert_eq!(times[1].1.as_deref(), Some("April 2"));
    }

    #[test]
    fn quote_authors_lose_the_verb() {
        assert_eq!(clean_quote_author("SteppeWatcher said:"), "SteppeWatcher");
        assert_eq!(clean_quote_author("Quote from: anna on March 3, 2020"), "anna");
        assert_eq!(clean_quote_author("bob wrote:"), "bob");
        assert_eq!(clean_quote_author("(2019-02-24, 05:31 PM)StarredSkies Wrote:"), "StarredSkies");
        assert_eq!(clean_quote_author("山水 发表于 2023-5-6 12:34"), "山水");
        assert_eq!(clean_quote_author("anna"), "anna");
    }

    #[test]
    fn links_resolve_against_base_href() {
        let html = r#"<html><head><base href="https://cdn.example.org/forum/"></head><body>
            <div class="post"><p>See <a href="files/manual.pdf">the manual</a>.</p></div></body></html>"#;
        let Ok(page) = crate::parse::parse(html, Some("https://board.example.net/t/1")) else { panic!("parse") };
        let body = page.find_all(&crate::thread::page_info::sel("div.post")).next();
        let post = build(&page, PostParts { body, ..PostParts::default() });
        assert_eq!(post.links[0].url, "https://cdn.example.org/forum/files/manual.pdf");
    }
}

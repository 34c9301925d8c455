//! phpBB 3 boards on custom themes: styles that rename prosilver's classes (`div.post`, `.postbody`,
//! `.content`) so the [`phpbb`](super::phpbb) reader does not see them.
//!
//! What a theme cannot change is what phpBB itself writes into every style's template: each post's container
//! carries `id="p<post id>"` (the `#p123` permalinks and phpBB's own scripts need it), and the poster's name is
//! `get_username_string()`'s link, `a.username` or `a.username-coloured` to `memberlist.php?mode=viewprofile`
//! (or the board's rewritten profile address). Inside a container holding one such link, the author is that
//! link, the time the container's `time[datetime]` (phpBB 3.2+) or the first date in its text, and the body
//! the element with the most text that holds neither the author nor the time (the header and the profile
//! column hold one of them; the message does not).

use super::super::post::{self, PostParts};
use super::super::structure::Measures;
use super::super::{Engine, Thread};
use super::{absolute, add_profile, base_url};
use crate::css::{FindAll, Sel};
use crate::hash::FastSet;
use crate::model::Post;
use crate::parse::Page;
use crate::{date, text};
use ego_tree::NodeId;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "phpbb", detect, read };

/// A body shorter than this many characters, beside a header, is more likely a theme's button row than the
/// message: the container is then not read as a post.
const MIN_BODY_CHARS: usize = 2;

/// Longest text, in characters, read as a post's date line.
const MAX_DATE_CHARS: usize = 60;
/// Longest label, in words, before a colon that makes a date a profile fact ("Member since: ...").
const MAX_LABEL_WORDS: usize = 2;

static TITLE: Sel = Sel::new("h2.topic-title, h2 a[href*='viewtopic.php'], h1");
static USERNAME: Sel = Sel::new("a.username, a.username-coloured");
static POST_ID: Sel = Sel::new("[id^=p]");
static TIME: Sel = Sel::new("time[datetime]");
static QUOTE: Sel = Sel::new("blockquote");
static QUOTE_AUTHOR: Sel = Sel::new("cite");

/// Whether the page looks like this engine's: a post container `[id=p<digits>]` and phpBB's username link,
/// markup every style prints, on a page the prosilver reader does not detect (so a board is detected as phpBB
/// once, by the reader of its style).
pub fn detect(probe: &super::Probe) -> bool {
    !super::phpbb::detect(probe)
        && probe.has(&USERNAME)
        && probe.page.find_all(&POST_ID).any(|e| is_post_id(e.value().id()))
}

/// Reads a phpBB topic on a custom theme, or `None` when no container holds a post.
pub fn read(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let containers: Vec<ElementRef> = page.find_all(&POST_ID).filter(|e| is_post_id(e.value().id())).collect();
    // A container inside another is not a second post (a theme's inner `#p123` anchor repeats the outer).
    let ids: FastSet<NodeId> = containers.iter().map(|c| c.id()).collect();
    let posts: Vec<Post> = containers
        .iter()
        .filter(|c| !c.ancestors().any(|a| ids.contains(&a.id())))
        .filter_map(|c| read_post(page, base.as_deref(), *c))
        .collect();
    // A profile page or a member list shows usernames too: a thread needs posts with an author.
    if posts.iter().all(|p| p.author.is_none()) {
        return None;
    }
    super::thread(ENGINE.name, page, &TITLE, posts)
}

/// `p` followed by digits only: phpBB's post anchor.
fn is_post_id(id: Option<&str>) -> bool {
    id.and_then(|i| i.strip_prefix('p')).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn read_post(page: &Page, base: Option<&str>, c: ElementRef) -> Option<Post> {
    let author = c.find_all(&USERNAME).next()?;
    let time = c.find_all(&TIME).next();
    // Without a time element (before phpBB 3.2) the date is a text of the post's header.
    let date = time.is_none().then(|| post_date(c)).flatten();
    let body = body_of(c, author, time.or(date.as_ref().map(|d| d.0)))?;
    let mut author_info = BTreeMap::new();
    add_profile(&mut author_info, base, author.value().attr("href"));
    let anchor = c.value().id().map(str::to_string);
    Some(post::build(
        page,
        PostParts {
            author: Some(super::text_of(author)),
            author_info,
            time,
            time_text: date.map(|d| d.1),
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            permalink: anchor.as_ref().and_then(|a| absolute(base, Some(&format!("#{a}")))),
            anchor,
            ..PostParts::default()
        },
    ))
}

/// The first element of the container whose own text is a date, not labelled: "Joined: Mon Jan 08, 2018
/// 6:12 pm" in the author's card is a fact about the author, not the post's time. Only short texts are looked
/// at (a date line, not a sentence of the message).
fn post_date(c: ElementRef) -> Option<(ElementRef, String)> {
    c.descendants().filter_map(ElementRef::wrap).find_map(|e| {
        let own: String = e.children().filter_map(|n| n.value().as_text().map(|t| t.to_string())).collect();
        let own = text::squash(&own);
        (own.chars().count() <= MAX_DATE_CHARS && !is_labelled(&own) && date::parse(&own).is_some()).then_some((e, own))
    })
}

/// "Joined: ...", "Registriert: ...": a short label of letters before a colon.
fn is_labelled(s: &str) -> bool {
    s.split_once(':').is_some_and(|(label, _)| {
        let label = label.trim();
        !label.is_empty()
            && label.split_whitespace().count() <= MAX_LABEL_WORDS
            && label.chars().all(|c| c.is_alphabetic() || c == ' ')
    })
}

/// The element under `c` with the most text that holds neither the author link nor the time (element or date
/// line), measured in one walk of the container.
fn body_of<'a>(c: ElementRef<'a>, author: ElementRef<'a>, time: Option<ElementRef<'a>>) -> Option<ElementRef<'a>> {
    let m = Measures::of(*c);
    // The author's and the time's ancestors (and themselves) are headers or profile columns, not the message.
    let mut held: FastSet<NodeId> = author.ancestors().map(|a| a.id()).collect();
    held.insert(author.id());
    if let Some(t) = time {
        held.extend(t.ancestors().map(|a| a.id()));
        held.insert(t.id());
    }
    c.descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| !held.contains(&e.id()))
        // The first (outermost) of equal length: the message's container rather than its only paragraph.
        .fold(None, |best: Option<ElementRef>, e| match best {
            Some(b) if m.text(b.id()) >= m.text(e.id()) => Some(b),
            _ => Some(e),
        })
        .filter(|b| m.text(b.id()) >= MIN_BODY_CHARS)
}

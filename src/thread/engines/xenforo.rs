//! XenForo 1 and 2 thread pages.
//!
//! Every XenForo post is an element of class `message` carrying the author's name in `data-author`:
//! `<article class="message message--post" data-author>` in XenForo 2, `<li class="message" data-author>` in
//! `ol#messageList` in XenForo 1. The body is `.message-body .bbWrapper` (2) or `.messageText` (1); the time a
//! `time.u-dt` with `datetime`/`data-time` in the attribution header (2) or `.DateTime` inside the
//! `datePermalink` link (1); the author block holds the user title and `dt`/`dd` pairs (messages, joined,
//! location). Quotes are `blockquote.bbCodeBlock--quote` with `data-quote` and a "X said:" title (2) or
//! `div.bbCodeQuote` with `data-author` and an `.attribution` (1). Signatures (`message-signature`,
//! `signature`) are dropped by the clean stage; the "Click to expand..." link of long quotes is not text.
//!
//! A post's parts are looked up in its stretch of the page ([`scopes`](super::scopes)): themes' `<i/>` and
//! `<span/>` make the parser nest each message inside the previous one.
//!
//! The California style nests replies to a reply inside it: each `article.california-nested-message` carries
//! its level as a class (`nested-level-root`, `nested-level-1`, `nested-level-2`, …), and a reply's article
//! sits inside its parent's. The level is the post's reply depth; where a board's copy of the style drops the
//! level class, the number of nested articles around the card is.
//!
//! Question threads (XenForo 2.2+) mark the solution: its message carries `message--solution`, and the
//! "Solution" block above the messages (`#js-solutionHighlightBlock`) links to it with
//! `data-content-selector="#post-123"`. Either makes the post [`Post::accepted`].

use super::super::page_info::sel;
use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, base_url, dl_pairs, label_pairs, Scope};
use crate::css::{FindAll, Sel, Selector};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::sync::LazyLock;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "xenforo", detect, read };

static TITLE: Sel = Sel::new("h1.p-title-value, .titleBar h1");
/// A post: XenForo's `.message[data-author]`, or the core `js-post` hook on themes that drop `data-author` from
/// the message (2.3 styles) or the `message` class (VerticalScope's California style: `article.js-post` around a
/// `div.MessageCard.js-messageCard`, the card being the post; the opening post's card carries `js-post` itself).
static MESSAGE: Sel = Sel::new(".message[data-author], .message--post.js-post, .MessageCard.js-messageCard");
/// The author's name where the message has no `data-author`: the name link of the user block (core), or of the
/// California style's card header.
static NAME: Sel = Sel::new(".message-name .username, .message-user a.username, .MessageCard__user-info__name");
static BODY: Sel = Sel::new(".message-body .bbWrapper, .messageContent .messageText");
/// Time elements, most reliable first: the attribution header (2), the permalink date (1), any `u-dt` time.
static TIMES: LazyLock<[Selector; 3]> = LazyLock::new(|| {
    [
        sel(".message-attribution time, .message-attribution-main time, .MessageCard__date-created time"),
        sel(".datePermalink .DateTime, .datePermalink.DateTime"),
        sel("time.u-dt, .DateTime"),
    ]
});
static PERMALINK: Sel = Sel::new(".message-attribution-main[href], .message-attribution-main a[href], a.datePermalink[href], a.hashPermalink[href], a.MessageCard__date-created[href]");
static PROFILE: Sel = Sel::new("a.username[href], a.MessageCard__user-info__name[href]");
static USER_TITLE: Sel = Sel::new(".message-userTitle, .userTitle");
static USER_PAIRS: Sel = Sel::new(".message-userExtras, .extraUserInfo");
static DT: Sel = Sel::new("dt");
static DD: Sel = Sel::new("dd");
static QUOTE: Sel = Sel::new("blockquote.bbCodeBlock--quote, .bbCodeQuote, blockquote.quote");
static QUOTE_AUTHOR: Sel = Sel::new(".bbCodeBlock-title, .attribution");
/// The California style's nested reply (see the module doc), and the class prefix naming its level.
static NESTED: Sel = Sel::new(".california-nested-message");
const NESTED_LEVEL: &str = "nested-level-";
/// The class XenForo gives the message the asker (or a moderator) marked as the solution.
const SOLUTION_CLASS: &str = "message--solution";
/// The solution block's links to the solution post.
static SOLUTION_LINK: Sel = Sel::new("#js-solutionHighlightBlock [data-content-selector^='#post-']");
/// Not part of the post: the expander of long quotes and its "Click to shrink..." twin, XenForo 1's end marker and "Last edited" line, any
/// later message the parser nested inside this body, and a link preview's (`.bbCodeBlock--unfurl`) blurb
/// and site line: the linked page's words as fetched when the page was shown, years after the post ("The
/// best projectors of 2026" under a post of 2024), not the poster's. The preview's title link stays: it
/// is the cited source's title.
static NOT_TEXT: Sel = Sel::new(".bbCodeBlock-expandLink, .bbCodeBlock-shrinkLink, .quoteExpand, .messageTextEndMarker, .editDate, .message[data-author], .message--post.js-post, .MessageCard.js-messageCard, .bbCodeBlock--unfurl .contentRow-snippet, .bbCodeBlock--unfurl .contentRow-minor");

/// Whether the page is this engine's: a post (see [`MESSAGE`]) and a message body, markup every board of the
/// engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&MESSAGE) && probe.has(&BODY)
}

/// Reads a XenForo thread page, or `None` when the page has no XenForo messages.
pub fn read(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let mut posts: Vec<Post> =
        super::scopes(page, &MESSAGE).iter().filter_map(|m| read_message(page, base.as_deref(), m)).collect();
    if let Some(target) = page.find_all(&SOLUTION_LINK).find_map(|a| a.value().attr("data-content-selector")) {
        crate::thread::accepted::mark_address(&mut posts, target);
    }
    super::thread(ENGINE.name, page, &TITLE, posts)
}

fn read_message(page: &Page, base: Option<&str>, m: &Scope) -> Option<Post> {
    let body = m.find(&BODY)?;
    let mut author_info = label_pairs(m.all(&USER_PAIRS).flat_map(|p| dl_pairs(p, &DT, &DD)));
    if let Some(title) = m.text(&USER_TITLE) {
        author_info.insert("rank".into(), title);
    }
    if let Some(profile) = absolute(base, m.attr(&PROFILE, "href").as_deref()) {
        author_info.insert("profile".into(), profile);
    }
    let time = TIMES.iter().find_map(|s| m.find(s));
    let mut post = post::build(
        page,
        PostParts {
            author: m.start.value().attr("data-author").map(str::to_string).or_else(|| m.text(&NAME)),
            author_info,
            time,
            time_text: time.is_none().then(|| m.date_text(Some(body))).flatten(),
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            permalink: absolute(base, m.attr(&PERMALINK, "href").as_deref()),
            anchor: m.start.value().id().map(str::to_string),
            exclude: body.find_all(&NOT_TEXT).map(|e| e.id()).collect(),
            depth: nested_depth(m.start),
            ..PostParts::default()
        },
    );
    post.accepted = m.start.value().classes().any(|c| c == SOLUTION_CLASS);
    Some(post)
}

/// A California card's reply depth: the level class of the nested article around it (or on it), else how many
/// nested articles hold it, less the root's; 0 outside the California style.
fn nested_depth(start: ElementRef) -> u32 {
    let own = NESTED.matches(&start).then_some(start);
    let around: Vec<ElementRef> =
        own.into_iter().chain(start.ancestors().filter_map(ElementRef::wrap).filter(|a| NESTED.matches(a))).collect();
    let level = around.first().and_then(|a| a.value().classes().find_map(|c| c.strip_prefix(NESTED_LEVEL)));
    match level {
        Some("root") => 0,
        Some(n) => n.parse().unwrap_or_else(|_| count_depth(&around)),
        None => count_depth(&around),
    }
}

/// The depth the nesting shows: the nested articles around a card, less the root's.
fn count_depth(around: &[ElementRef]) -> u32 {
    u32::try_from(around.len().saturating_sub(1)).unwrap_or(0)
}

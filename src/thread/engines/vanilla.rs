//! Vanilla Forums discussions (2.x and 3.x, the default "keystone"/"2011 Compatibility" themes).
//!
//! The opening post is `div.ItemDiscussion` with `id="Discussion_<id>"`, each reply `li.ItemComment` with
//! `id="Comment_<id>"`; both hold `.Author` (`a.Username`: name and profile link; the avatar link before it has
//! no text), `.AuthorInfo .Rank` (the rank as shown, its full name in `title`), `.DateCreated a.Permalink` around
//! `time[datetime]` (the permalink), and the body `div.Message.userContent`. Quotes are `blockquote.Quote` or
//! `blockquote.UserQuote` with `.QuoteAuthor` ("X said:") and `.QuoteText`. The trail is `.Breadcrumbs`
//! (`.CrumbLabel a`); the title the page's `h1` (`.PageTitle h1`). Keyed on the item ids (`Discussion_`,
//! `Comment_`, case-sensitive even in quirks mode) so XenForo's `message-userContent` never matches.

use super::super::page_info::sel;
use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::trail;
use super::{absolute, base_url, bodies_in, colon_pair, first_attr, first_text, label_pairs, named_link, text_of};
use crate::css::{FindAll, Sel, Selector};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::sync::LazyLock;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "vanilla", detect, read };

static TITLE: Sel = Sel::new(".PageTitle h1, #Item_0 h1, .Discussion h1, h1");
static CRUMB: Sel = Sel::new(".Breadcrumbs .CrumbLabel a");
static ITEM: Sel = Sel::new(".ItemDiscussion[id^=Discussion_], .ItemComment[id^=Comment_]");
static BODY: Sel = Sel::new(".Message");
/// The name: `a.Username` (the avatar link before it only holds an image), else the author block's text.
static AUTHOR: LazyLock<[Selector; 2]> = LazyLock::new(|| [sel(".Author a.Username, a.Username"), sel(".Author")]);
static RANK: Sel = Sel::new(".AuthorInfo .Rank, .AuthorInfo .Roles");
/// Themes and plugins that show the poster's count: "Posts: 12".
static COUNT: Sel = Sel::new(".AuthorInfo .PostCount, .Author .PostCount");
static TIME: Sel = Sel::new(".DateCreated time, time[datetime]");
static PERMALINK: Sel = Sel::new(".DateCreated a.Permalink, a.Permalink");
static QUOTE: Sel = Sel::new("blockquote.Quote, blockquote.UserQuote, blockquote");
static QUOTE_AUTHOR: Sel = Sel::new(".QuoteAuthor");

/// Whether the page is this engine's: a `.Message` and an `.ItemDiscussion` / `.ItemComment` item, markup every
/// board of the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY) && probe.has(&ITEM)
}

/// Reads a Vanilla discussion page, or `None` when the page has no Vanilla items.
pub fn read(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let posts: Vec<Post> = bodies_in(page, &BODY, &ITEM)
        // A `.Message` inside a quoted or embedded item belongs to that item's own body.
        .filter(|(item, body)| first_body(*item).is_some_and(|b| b.id() == body.id()))
        .map(|(item, body)| read_post(page, base.as_deref(), item, body))
        .collect();
    let mut thread = super::thread(ENGINE.name, page, &TITLE, posts)?;
    thread.section = trail(page, &CRUMB, &thread.title);
    Some(thread)
}

fn first_body(item: ElementRef) -> Option<ElementRef> {
    item.find_all(&BODY).next()
}

fn read_post(page: &Page, base: Option<&str>, item: ElementRef, body: ElementRef) -> Post {
    let (author, profile) =
        AUTHOR.iter().map(|s| named_link(item, s)).find(|(name, _)| name.is_some()).unwrap_or((None, None));
    let count = first_text(item, &COUNT).and_then(|c| colon_pair(&c));
    let mut author_info = label_pairs(count);
    if let Some(rank) = item.find_all(&RANK).next().map(text_of).filter(|r| !r.is_empty()) {
        author_info.insert("rank".into(), rank);
    }
    if let Some(profile) = absolute(base, profile.as_deref()) {
        author_info.insert("profile".into(), profile);
    }
    post::build(
        page,
        PostParts {
            author,
            author_info,
            time: item.find_all(&TIME).next(),
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            permalink: absolute(base, first_attr(item, &PERMALINK, "href").as_deref()),
            anchor: item.value().id().map(str::to_string),
            ..PostParts::default()
        },
    )
}

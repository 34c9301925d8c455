//! Mastodon threads (a toot with the posts it replies to and its replies), and the fediverse servers and front
//! ends that draw statuses with Mastodon's markup (glitch-soc, Hometown and the like).
//!
//! Every status is a `.status` (a reply or an ancestor) or the `.detailed-status` (the toot the page is
//! about), in the order the thread reads. In each: the author link `a.status__display-name` (or
//! `a.detailed-status__display-name`) to the profile, the name `.display-name__html` and the account
//! `.display-name__account` (`@user@server` for a remote one), the time `time[datetime]` in the status's
//! permalink `a.status__relative-time` (or `a.detailed-status__datetime`), and the text `.status__content`
//! (its `.status__content__text` since 4.0; a content warning's "Show more" button before it is not text).
//! Pages Mastodon rendered on the server before 4.0 add microformats to the same markup (`h-entry`,
//! `p-author h-card`, `p-name`, `e-content`, `dt-published`), which are read where the classes above are missing.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, add_profile, first_attr, first_text};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "mastodon", detect, read };

/// Mastodon shows no thread title; the page's own title is used (see `page_info`).
static TITLE: Sel = Sel::new("mastodon-has-no-title-element");
static BODY: Sel = Sel::new(".status__content");
static STATUS: Sel = Sel::new(".detailed-status, .status");
static NAME: Sel = Sel::new(".display-name__html, .p-author .p-name");
static ACCOUNT: Sel = Sel::new(".display-name__account");
static PROFILE: Sel = Sel::new(
    "a.status__display-name[href], a.detailed-status__display-name[href], a.p-author[href], .p-author a[href]",
);
static PERMALINK: Sel = Sel::new("a.status__relative-time[href], a.detailed-status__datetime[href]");
static TIME: Sel = Sel::new(
    ".status__relative-time time[datetime], .detailed-status__datetime time[datetime], time.dt-published[datetime]",
);
/// Not the status's text: a content warning's "Show more" button, "Translate" buttons.
static NOT_TEXT: Sel = Sel::new("button");

/// Whether the page is this engine's: a status text `.status__content` and a name `.display-name__html`, markup
/// every server of the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY) && probe.has(&NAME)
}

/// Reads a Mastodon thread, or `None` when the page shows no statuses.
pub fn read(page: &Page) -> Option<Thread> {
    super::read_posts(ENGINE.name, page, &TITLE, &BODY, &STATUS, read_status)
}

fn read_status(page: &Page, base: Option<&str>, status: ElementRef, body: ElementRef) -> Post {
    let mut author_info = BTreeMap::new();
    add_profile(&mut author_info, base, first_attr(status, &PROFILE, "href").as_deref());
    if let Some(account) = first_text(status, &ACCOUNT) {
        author_info.insert("account".into(), account);
    }
    let permalink = absolute(base, first_attr(status, &PERMALINK, "href").as_deref());
    post::build(
        page,
        PostParts {
            author: first_text(status, &NAME),
            author_info,
            time: status.find_all(&TIME).next(),
            body: Some(body),
            permalink,
            anchor: status.value().id().map(str::to_string),
            exclude: body.find_all(&NOT_TEXT).map(|e| e.id()).collect(),
            ..PostParts::default()
        },
    )
}

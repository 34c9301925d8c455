//! Redmine issue pages: the description, then each journal entry that has notes.
//!
//! The issue is `div.issue.details`: subject `.subject h3`, author and time in `p.author` ("Added by
//! `<a class="user">` `<a title="03/21/2024 04:10 PM" href="…/activity?from=2024-03-21">`"), body
//! `.description .wiki`. Each journal is `div.journal` under `#history`, holding `div#note-<n>` (the anchor),
//! the same author/time pair in its `h4`, field changes as `ul.details` (not part of the post) and the notes
//! as `div.wiki` (`id="journal-<id>-notes"`); journals with field changes only are not posts. The time's
//! title is in the viewer's locale (`03/21/2024` leaves day and month open), so the date comes from the
//! activity link's `from=` and the clock time from the title.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{base_url, bodies_in, named_link};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "redmine", detect, read };

static TITLE: Sel = Sel::new("div.issue .subject h3");
static ISSUE_BODY: Sel = Sel::new("div.issue.details .description .wiki");
static ISSUE: Sel = Sel::new("div.issue.details");
static NOTE_BODY: Sel = Sel::new("#history div.journal div.wiki");
static JOURNAL: Sel = Sel::new("div.journal");
/// Where the author and time sit: `p.author` of the issue, the `h4` of a journal.
static BYLINE: Sel = Sel::new("p.author, h4");
static USER: Sel = Sel::new("a.user");
static WHEN: Sel = Sel::new("a[title][href*='from=']");
static NOTE: Sel = Sel::new("[id^=note-]");

/// Whether the page is this engine's: an issue description `div.issue.details .description .wiki` or a journal
/// note, markup every board of the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&ISSUE_BODY) || probe.has(&NOTE_BODY)
}

/// Reads a Redmine issue page, or `None` when the page has no Redmine issue.
pub fn read(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let issue = bodies_in(page, &ISSUE_BODY, &ISSUE).take(1);
    let notes = bodies_in(page, &NOTE_BODY, &JOURNAL);
    let posts: Vec<Post> = issue.chain(notes).map(|(b, body)| read_entry(page, base.as_deref(), b, body)).collect();
    super::thread(ENGINE.name, page, &TITLE, posts)
}

fn read_entry(page: &Page, base: Option<&str>, block: ElementRef, body: ElementRef) -> Post {
    let byline = block.find_all(&BYLINE).next();
    let (author, profile) = byline.map_or((None, None), |b| named_link(b, &USER));
    let mut author_info = BTreeMap::new();
    super::add_profile(&mut author_info, base, profile.as_deref());
    let when = byline.and_then(|b| b.find_all(&WHEN).next());
    let shown = when.and_then(|w| w.value().attr("title")).map(str::to_string);
    let day = when
        .and_then(|w| w.value().attr("href"))
        .and_then(|h| h.split("from=").nth(1))
        .map(|d| d.chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect::<String>());
    let anchor = block.find_all(&NOTE).next().and_then(|n| n.value().id()).map(str::to_string);
    let mut post = post::build(
        page,
        PostParts {
            author,
            author_info,
            time_text: shown.clone(),
            body: Some(body),
            permalink: anchor.as_ref().and_then(|a| {
                let url = page.url.as_deref()?;
                Some(format!("{}#{a}", url.split('#').next().unwrap_or(url)))
            }),
            anchor,
            ..PostParts::default()
        },
    );
    if post.published.is_none() {
        post.published = day.filter(|d| d.len() == 10).map(|d| with_clock(&d, shown.as_deref()));
    }
    post
}

/// `2024-03-21` with the clock time of the shown title (`03/21/2024 04:10 PM` → `2024-03-21T16:10:00`), or
/// the day alone when the title shows no readable time.
fn with_clock(day: &str, shown: Option<&str>) -> String {
    let clock = shown.and_then(|s| s.split_once(' ')).map(|(_, c)| c);
    clock.and_then(|c| crate::date::parse(&format!("{day} {c}"))).unwrap_or_else(|| day.to_string())
}

//! Bugzilla bug pages: the description and comments, each one post.
//!
//! Every Bugzilla (3.x to 5.x and BMO's classic view) writes a comment as `div.bz_comment` with `id="c<n>"`
//! (`bz_first_comment` marks the description, comment 0) holding `.bz_comment_user` (a `.vcard` link whose
//! `.fn` is the real name; accounts without one show the login), `.bz_comment_time` ("2018-11-02 14:05:33
//! PDT": the server's zone abbreviation), `.bz_comment_number a` (the `#c<n>` link) and the text as
//! `pre.bz_comment_text`, where quoted lines are `span.quote`. The bug's summary is
//! `#short_desc_nonedit_display` (`#field-value-short_desc` on BMO).

use super::super::page_info::sel;
use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::mailman::with_zone;
use super::{absolute, first_attr, first_text};
use crate::css::{Sel, Selector};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::sync::LazyLock;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "bugzilla", detect, read };

static TITLE: Sel = Sel::new("#short_desc_nonedit_display, #field-value-short_desc");
static BODY: Sel = Sel::new("div.bz_comment pre.bz_comment_text");
static COMMENT: Sel = Sel::new("div.bz_comment");
/// The commenter: the real name (`.fn`), else the account as the `.vcard` shows it.
static AUTHOR: LazyLock<[Selector; 3]> =
    LazyLock::new(|| [sel(".bz_comment_user .fn"), sel(".bz_comment_user .vcard"), sel(".bz_comment_user")]);
static TIME: Sel = Sel::new(".bz_comment_time");
static NUMBER: Sel = Sel::new(".bz_comment_number a[href]");
static QUOTE: Sel = Sel::new("span.quote");
/// Bugzilla names the quoted commenter in a plain "(In reply to X from comment #1)" line, not in the quote.
static QUOTE_AUTHOR: Sel = Sel::new("bz-no-quote-author");

/// Whether the page is this engine's: a `div.bz_comment pre.bz_comment_text`, markup every board of the engine
/// prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY)
}

/// Reads a Bugzilla bug page, or `None` when the page has no Bugzilla comments.
pub fn read(page: &Page) -> Option<Thread> {
    super::read_posts(ENGINE.name, page, &TITLE, &BODY, &COMMENT, read_comment)
}

fn read_comment(page: &Page, base: Option<&str>, c: ElementRef, body: ElementRef) -> Post {
    let shown = first_text(c, &TIME);
    let id = c.value().id().map(str::to_string);
    let mut post = post::build(
        page,
        PostParts {
            author: AUTHOR.iter().find_map(|s| first_text(c, s)),
            time_text: shown.clone(),
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            permalink: absolute(base, first_attr(c, &NUMBER, "href").as_deref())
                .or_else(|| id.as_ref().map(|i| format!("#{i}"))),
            anchor: id,
            ..PostParts::default()
        },
    );
    with_zone(&mut post, shown.as_deref());
    post
}

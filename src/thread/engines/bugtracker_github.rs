//! GitHub issue and pull-request pages as GitHub renders them on the server (the classic timeline).
//!
//! Each comment, the opening one included, is a `.timeline-comment` inside a `.timeline-comment-group` whose
//! `id` is its anchor (`issue-<id>` for the opening post, `issuecomment-<id>` after it): the author is
//! `a.author`, the time `relative-time[datetime]` inside the `a.js-timestamp` permalink, the body
//! `.comment-body.markdown-body`, the author's relation to the repository `.timeline-comment-label`.
//! Timeline events (labels, references) are `.js-timeline-item`s without a comment body: not posts. The
//! title is `.js-issue-title`.
//!
//! A pull request's conversation adds reviews: a review's summary is a `.timeline-comment` like any comment,
//! and each review comment on the code is a `.review-comment.js-comment` (`id` `discussion_r<id>`) inside a
//! `.js-resolvable-timeline-thread-container` headed by the file's path, with its own `a.author`,
//! `relative-time[datetime]` in an `a.js-timestamp` and `.comment-body.markdown-body`. Each review comment is a
//! post, titled with the file it is about.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, first_attr, first_text, named_link};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "github", detect, read };

static TITLE: Sel = Sel::new(".js-issue-title");
static BODY: Sel =
    Sel::new(".timeline-comment .comment-body.markdown-body, .review-comment .comment-body.markdown-body");
/// A comment's block: a review comment's own, else the timeline comment's (the nearest one is taken).
static COMMENT: Sel = Sel::new(".review-comment, .timeline-comment");
static REVIEW_COMMENT: Sel = Sel::new(".review-comment");
static AUTHOR: Sel =
    Sel::new(".timeline-comment-header a.author, .js-comment-header a.author, .review-comment a.author");
static TIME: Sel = Sel::new(".timeline-comment-header relative-time[datetime], .js-comment-header relative-time[datetime], a.js-timestamp relative-time[datetime]");
/// The review thread around a review comment, and the file path in its header.
static THREAD: Sel = Sel::new(".js-resolvable-timeline-thread-container, .file");
static PATH: Sel = Sel::new(".file-info a, .file-header a[title], summary a.text-mono");
static PERMALINK: Sel = Sel::new("a.js-timestamp[href]");
static ROLE: Sel = Sel::new(".timeline-comment-label");

/// Whether the page is this engine's: a `.timeline-comment .comment-body.markdown-body`, markup every board of the
/// engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY)
}

/// Reads a GitHub issue or pull request, or `None` when the page has no timeline comments.
pub fn read(page: &Page) -> Option<Thread> {
    super::read_posts(ENGINE.name, page, &TITLE, &BODY, &COMMENT, read_comment)
}

fn read_comment(page: &Page, base: Option<&str>, c: ElementRef, body: ElementRef) -> Post {
    let (author, profile) = named_link(c, &AUTHOR);
    let mut author_info = BTreeMap::new();
    super::add_profile(&mut author_info, base, profile.as_deref());
    if let Some(role) = first_text(c, &ROLE) {
        author_info.insert("rank".into(), role);
    }
    let review = REVIEW_COMMENT.matches(&c);
    // A review comment carries its anchor (`discussion_r<id>`); a timeline comment's group does
    // (`issuecomment-<id>`).
    let anchor =
        if review { c.value().id() } else { c.parent().and_then(ElementRef::wrap).and_then(|g| g.value().id()) }
            .map(str::to_string);
    let title = review.then(|| file_path(c)).flatten();
    post::build(
        page,
        PostParts {
            author,
            author_info,
            time: c.find_all(&TIME).next(),
            body: Some(body),
            permalink: first_attr(c, &PERMALINK, "href")
                .or_else(|| anchor.as_ref().map(|a| format!("#{a}")))
                .and_then(|href| absolute(base, Some(&href))),
            anchor,
            title,
            ..PostParts::default()
        },
    )
}

/// The path of the file a review comment is about, from its thread's header.
fn file_path(c: ElementRef) -> Option<String> {
    let thread = c.ancestors().filter_map(ElementRef::wrap).find(|a| THREAD.matches(a))?;
    first_text(thread, &PATH)
}

//! GitHub issue and pull-request pages as GitHub renders them on the server (the classic timeline).
//!
//! Each comment, the opening one included, is a `.timeline-comment` inside a `.timeline-comment-group` whose
//! `id` is its anchor (`issue-<id>` for the opening post, `issuecomment-<id>` after it): the author is
//! `a.author`, the time `relative-time[datetime]` inside the `a.js-timestamp` permalink, the body
//! `.comment-body.markdown-body`, the author's relation to the repository `.timeline-comment-label`.
//! Timeline events (labels, references) are `.js-timeline-item`s without a comment body: not posts. The
//! title is `.js-issue-title`.

use super::super::page_info::sel;
use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, first_attr, first_text, named_link};
use crate::model::Post;
use crate::parse::Page;
use scraper::{ElementRef, Selector};
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "github", detect, read };

static TITLE: LazyLock<Selector> = LazyLock::new(|| sel(".js-issue-title"));
static BODY: LazyLock<Selector> = LazyLock::new(|| sel(".timeline-comment .comment-body.markdown-body"));
static COMMENT: LazyLock<Selector> = LazyLock::new(|| sel(".timeline-comment"));
static AUTHOR: LazyLock<Selector> = LazyLock::new(|| sel(".timeline-comment-header a.author"));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel(".timeline-comment-header relative-time[datetime]"));
static PERMALINK: LazyLock<Selector> = LazyLock::new(|| sel("a.js-timestamp[href]"));
static ROLE: LazyLock<Selector> = LazyLock::new(|| sel(".timeline-comment-label"));

/// Whether the page is this engine's: a `.timeline-comment .comment-body.markdown-body`, markup every board of the
/// engine prints and [`read`] needs.
pub fn detect(page: &Page) -> bool {
    super::has(page, &BODY)
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
    // The group around the comment carries the anchor (`issuecomment-<id>`).
    let anchor = c.parent().and_then(ElementRef::wrap).and_then(|g| g.value().id()).map(str::to_string);
    post::build(
        page,
        PostParts {
            author,
            author_info,
            time: c.select(&TIME).next(),
            body: Some(body),
            permalink: first_attr(c, &PERMALINK, "href")
                .or_else(|| anchor.as_ref().map(|a| format!("#{a}")))
                .and_then(|href| absolute(base, Some(&href))),
            anchor,
            ..PostParts::default()
        },
    )
}

//! Apache Answer question pages (the Q&A platform once called Answer.dev), as its server template and its
//! React front end both draw them.
//!
//! The page is a `.questionDetailPage`: the question's title is the `h1`'s link, its body the first
//! `article.fmt`, each answer a `div.answer-item` (its `id` the answer's) with its own `article.fmt`. Under
//! each body a meta row shows the edit time (a `time` in a `/timeline` link) and then the author's box: an
//! avatar link and a name link to `/users/<username>`, the reputation beside it and the post's time
//! (`time[datetime]`, "asked 3 days ago" / "answered ..."). The vote count is the disabled middle button of
//! the body's `.btn-group`; an accepted answer shows a `.bg-success` "Accepted" button. Comments
//! (`.comments-wrap .comment-item`, their text in a `div.fmt`) are not posts, and their user links are not the
//! post's author.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, add_profile, base_url, score, text_of};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "answer", detect, read };

/// How many ancestors above the author's name link the author's box may reach to hold the post's time (name
/// link, its row, the box's column).
const AUTHOR_BOX_DEPTH: usize = 3;

static TITLE: Sel = Sel::new(".questionDetailPage h1");
static PAGE: Sel = Sel::new(".questionDetailPage");
static BODY: Sel = Sel::new("article.fmt");
static ANSWER: Sel = Sel::new(".answer-item");
static COMMENTS: Sel = Sel::new(".comments-wrap");
static USER_LINK: Sel = Sel::new("a[href*='/users/']");
static TIME: Sel = Sel::new("time[datetime]");
static VOTES: Sel = Sel::new(".btn-group button[disabled]");
static ACCEPTED: Sel = Sel::new("button.bg-success, .bi-check-circle-fill");

/// Whether the page is this engine's: an `article.fmt` inside `.questionDetailPage`, markup every site of the
/// engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&PAGE) && probe.has(&BODY)
}

/// Reads an Answer question page: the question, then each answer. `None` when the page has neither.
pub fn read(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let root = page.find_all(&PAGE).next()?;
    let mut posts = Vec::new();
    // The question: the first body that is not an answer's, read in the block that holds it and its meta row.
    let question =
        root.find_all(&BODY).find(|b| !b.ancestors().filter_map(ElementRef::wrap).any(|a| ANSWER.matches(&a)));
    if let Some(body) = question {
        let block = body.parent().and_then(ElementRef::wrap).unwrap_or(body);
        posts.push(read_post(page, base.as_deref(), block, body, None));
    }
    for answer in root.find_all(&ANSWER) {
        if let Some(body) = answer.find_all(&BODY).next() {
            let anchor = answer.value().id().map(str::to_string);
            let mut p = read_post(page, base.as_deref(), answer, body, anchor);
            p.accepted = answer.find_all(&ACCEPTED).next().is_some();
            posts.push(p);
        }
    }
    super::thread(ENGINE.name, page, &TITLE, posts)
}

fn read_post(page: &Page, base: Option<&str>, block: ElementRef, body: ElementRef, anchor: Option<String>) -> Post {
    let in_comments = |e: &ElementRef| e.ancestors().filter_map(ElementRef::wrap).any(|a| COMMENTS.matches(&a));
    // The name link (the avatar's link before it has no text), outside the comments.
    let name = block.find_all(&USER_LINK).filter(|a| !in_comments(a)).find(|a| !text_of(*a).is_empty());
    let mut author_info = BTreeMap::new();
    add_profile(&mut author_info, base, name.and_then(|a| a.value().attr("href")));
    // The post's time is the one in the author's box; the edit time before it is not.
    let time = name.and_then(|a| {
        a.ancestors().filter_map(ElementRef::wrap).take(AUTHOR_BOX_DEPTH).find_map(|b| b.find_all(&TIME).next())
    });
    let votes = block.find_all(&VOTES).find(|v| !in_comments(v)).and_then(|v| score(&text_of(v)));
    post::build(
        page,
        PostParts {
            author: name.map(text_of),
            author_info,
            time,
            body: Some(body),
            permalink: anchor.as_ref().and_then(|a| absolute(base, Some(&format!("#{a}")))),
            anchor,
            score: votes,
            depth: 0,
            ..PostParts::default()
        },
    )
}

//! Lobsters story pages (lobste.rs and the other sites running its Rails code).
//!
//! The story is `li.story[data-shortid]` (older: `div.story`) in `ol.stories`: votes in `.voters .score`
//! (logged-out pages of some versions show them as the `a.upvoter` text), the title link `.link a.u-url`
//! (older: `.link a`), the `.byline` with the submitter `a.u-author` and `time[datetime]`; a text story's body
//! is `.story_content .story_text`, beside the list. Each comment is `div.comment[data-shortid]` (`id`
//! `c_<shortid>`) inside `li.comments_subtree`; its `.byline` has the user link (`/~name`, now `/u/name`;
//! the avatar link before it has no text), `time[datetime]` and the `/c/<shortid>` link; the body is
//! `.comment_text`; votes as for the story. Replies nest in the subtree's `ol.comments`, so depth counts the
//! `li.comments_subtree` around a comment, less those around the top-level ones.
//!
//! The story is post 1 at depth 0; comments follow with depth 0 for top level. A removed comment ("[Comment
//! removed by author]", in `.comment_text .na`, without votes) is not a post.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::link_post;
use super::{add_profile, base_url, first_attr, named_link, score, text_of};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use crate::url;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "lobsters", detect, read };

static TITLE: Sel = Sel::new(".story[data-shortid] .link a");
static STORY: Sel = Sel::new(".story[data-shortid]");
static STORY_LINK: Sel = Sel::new(".link a.u-url, .link a");
static STORY_TEXT: Sel = Sel::new(".story_content .story_text");
static COMMENTS_LINK: Sel = Sel::new(".comments_label a[href]");
static COMMENT: Sel = Sel::new("div.comment[data-shortid]");
static SUBTREE: Sel = Sel::new("li.comments_subtree");
static USER: Sel = Sel::new(".byline a.u-author, .byline a[href*='/~'], .byline a[href*='/u/']");
static TIME: Sel = Sel::new(".byline time");
static VOTES: Sel = Sel::new(".voters .score, .voters .upvoter");
static PERMALINK: Sel = Sel::new(".byline a[href*='/c/']");
static BODY: Sel = Sel::new(".comment_text");
static GONE: Sel = Sel::new(".comment_text .na");

/// Whether the page is this engine's: a `.story[data-shortid]` or a `div.comment[data-shortid]`, markup every board
/// of the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&STORY) || probe.has(&COMMENT)
}

/// Reads a Lobsters story page, or `None` when the page is not one.
pub fn read(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let mut posts = Vec::new();
    let stories: Vec<_> = page.find_all(&STORY).collect();
    // A story page lists one story; a front page lists many and is not a thread.
    if stories.len() > 1 {
        return None;
    }
    if let Some(story) = stories.first() {
        posts.push(story_post(page, base.as_deref(), *story));
    }
    let comments: Vec<_> = page.find_all(&COMMENT).collect();
    let levels: Vec<usize> = comments
        .iter()
        .map(|c| c.ancestors().filter_map(ElementRef::wrap).filter(|a| SUBTREE.matches(a)).count())
        .collect();
    let top = levels.iter().copied().min().unwrap_or(0);
    for (c, level) in comments.into_iter().zip(levels) {
        if c.find_all(&GONE).next().is_some() {
            continue;
        }
        posts.extend(comment_post(page, base.as_deref(), c, (level - top) as u32));
    }
    super::thread(ENGINE.name, page, &TITLE, posts)
}

/// Votes as the page shows them: a number, or `~` while hidden (not a score).
fn votes(el: ElementRef) -> Option<i64> {
    el.find_all(&VOTES).find_map(|v| score(&text_of(v)).or_else(|| v.value().attr("title").and_then(score)))
}

fn story_post(page: &Page, base: Option<&str>, story: ElementRef) -> Post {
    let (author, profile) = named_link(story, &USER);
    let mut author_info = BTreeMap::new();
    add_profile(&mut author_info, base, profile.as_deref());
    let link = story.find_all(&STORY_LINK).find(|a| !text_of(*a).is_empty());
    let own = first_attr(story, &COMMENTS_LINK, "href").map(|h| h.split('#').next().unwrap_or(&h).to_string());
    let mut p = post::build(
        page,
        PostParts {
            author,
            author_info,
            time: story.find_all(&TIME).next(),
            body: page.find_all(&STORY_TEXT).next(),
            title: link.map(text_of),
            score: votes(story),
            permalink: own.or_else(|| page.meta.canonical.clone()),
            anchor: story.value().id().map(str::to_string),
            ..PostParts::default()
        },
    );
    if p.text.is_empty() {
        // A link story; a text story's title links to itself.
        let href = link.and_then(|a| a.value().attr("href")).and_then(|h| url::resolve(base, h));
        let own = p.permalink.clone();
        if let Some(href) = href.filter(|h| Some(h) != own.as_ref()) {
            link_post(&mut p, &href);
        }
    }
    p
}

fn comment_post(page: &Page, base: Option<&str>, c: ElementRef, depth: u32) -> Option<Post> {
    let body = c.find_all(&BODY).next()?;
    let (author, profile) = named_link(c, &USER);
    let mut author_info = BTreeMap::new();
    add_profile(&mut author_info, base, profile.as_deref());
    let anchor = c.value().id().map(str::to_string);
    Some(post::build(
        page,
        PostParts {
            author,
            author_info,
            time: c.find_all(&TIME).next(),
            body: Some(body),
            score: votes(c),
            depth,
            permalink: first_attr(c, &PERMALINK, "href"),
            anchor,
            ..PostParts::default()
        },
    ))
}

//! Lemmy post pages, as lemmy-ui renders them on the server (every instance runs the same front end).
//!
//! The post is `div.post-listing` (lemmy-ui draws its header twice, for narrow and wide screens; the first
//! of each part is taken): the title `.post-title h1`, the author `a.person-listing` (its first `span` is the
//! name; a `small` adds the instance of a remote user), the time `span.moment-time` whose
//! `data-tippy-content` holds the full date ("Friday, October 4th, 2024 at 3:43:10 PM GMT+03:00"), the score
//! `.post-score`, and the body `#postContent .md-div`. Each comment is `li.comment > article.comment-node`
//! (`id` `comment-<n>`) with the same `a.person-listing` and `span.moment-time`, the score as the own text of the
//! header's `.unselectable span[aria-label]` (its arrow icon holds a hidden title), the link `a[href^="/post/"]` (`/post/<post>/<comment>`) and the
//! body `.comment-content .md-div`. Replies nest in the comment's `li` (`ul.comments`), so depth is the number
//! of enclosing `li.comment` less one. "N more replies" buttons sit in a `div.comment-node`, not an article.
//!
//! The community (`a.community-link` in the post's header) is the thread's section.
//!
//! The post is post 1 at depth 0; comments follow with depth 0 for top level. A deleted or removed comment
//! shows a placeholder in a muted `.comment-content.text-muted`; it is not a post.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{add_profile, base_url, first_attr, score, text_of};
use super::{link_post, set_time};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use crate::url;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "lemmy", detect, read };

static TITLE: Sel = Sel::new(".post-listing .post-title h1");
static LISTING: Sel = Sel::new("div.post-listing");
static POST_BODY: Sel = Sel::new("#postContent .md-div");
static TITLE_LINK: Sel = Sel::new(".post-title h1 a[href]");
static POST_SCORE: Sel = Sel::new(".post-score");
static COMMENT: Sel = Sel::new("article.comment-node");
static COMMENT_LI: Sel = Sel::new("li.comment");
static COMMUNITY: Sel = Sel::new("a.community-link");
static PERSON: Sel = Sel::new("a.person-listing");
static NAME: Sel = Sel::new("span");
static TIME: Sel = Sel::new("span.moment-time");
static COMMENT_SCORE: Sel = Sel::new(".unselectable span[aria-label]");
static COMMENT_LINK: Sel = Sel::new("a[href^='/post/']");
static CONTENT: Sel = Sel::new(".comment-content");
static COMMENT_BODY: Sel = Sel::new(".md-div");

/// Whether the page is this engine's: a post body `#postContent .md-div` or an `article.comment-node`, markup every
/// board of the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&POST_BODY) || probe.has(&COMMENT)
}

/// Reads a Lemmy post page, or `None` when the page is not one.
pub fn read(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let listing = page.find_all(&LISTING).next();
    let comments: Vec<_> = page.find_all(&COMMENT).collect();
    // A post page has the post's body or its comments; a community's front page has neither.
    if page.find_all(&POST_BODY).next().is_none() && comments.is_empty() {
        return None;
    }
    let mut posts = Vec::new();
    if let Some(listing) = listing {
        posts.extend(post_of(page, base.as_deref(), listing));
    }
    posts.extend(comments.into_iter().filter_map(|c| comment_of(page, base.as_deref(), c)));
    let mut thread = super::thread(ENGINE.name, page, &TITLE, posts)?;
    // The community the post is in is the thread's section.
    let community = listing.and_then(|l| l.find_all(&COMMUNITY).next()).map(text_of).filter(|c| !c.is_empty());
    thread.section.extend(community);
    Some(thread)
}

/// The author's name (without the instance a remote user's listing adds) and profile link.
fn person(el: ElementRef) -> (Option<String>, Option<String>) {
    let Some(link) = el.find_all(&PERSON).next() else { return (None, None) };
    let name = link
        .find_all(&NAME)
        .map(text_of)
        .find(|t| !t.is_empty())
        .or_else(|| link.value().attr("title").map(str::to_string))
        .or_else(|| Some(text_of(link)));
    (name, link.value().attr("href").map(str::to_string))
}

fn post_of(page: &Page, base: Option<&str>, listing: ElementRef) -> Option<Post> {
    let (author, profile) = person(listing);
    author.as_ref()?;
    let mut author_info = BTreeMap::new();
    add_profile(&mut author_info, base, profile.as_deref());
    let time = listing.find_all(&TIME).next();
    let title = listing.find_all(&TITLE).next().map(text_of).or_else(|| page.find_all(&TITLE).next().map(text_of));
    let mut p = post::build(
        page,
        PostParts {
            author,
            author_info,
            time,
            body: listing.find_all(&POST_BODY).next(),
            title,
            score: listing.find_all(&POST_SCORE).next().and_then(|s| score(&text_of(s))),
            permalink: page.meta.canonical.clone().or_else(|| page.url.clone()),
            ..PostParts::default()
        },
    );
    set_time(&mut p, time.and_then(tippy_time));
    if p.text.is_empty() {
        // A link post's title leads to the link; a text post's to the post itself.
        let href = first_attr(listing, &TITLE_LINK, "href").filter(|h| !h.starts_with('/'));
        if let Some(href) = href.and_then(|h| url::resolve(base, &h)) {
            link_post(&mut p, &href);
        }
    }
    Some(p)
}

fn comment_of(page: &Page, base: Option<&str>, c: ElementRef) -> Option<Post> {
    let content = c.find_all(&CONTENT).next()?;
    // lemmy-ui mutes the content of deleted and removed comments, which then show only a placeholder.
    if content.value().classes().any(|k| k == "text-muted") {
        return None;
    }
    let body = content.find_all(&COMMENT_BODY).next()?;
    let (author, profile) = person(c);
    let mut author_info = BTreeMap::new();
    add_profile(&mut author_info, base, profile.as_deref());
    let time = c.find_all(&TIME).next();
    let depth = c.ancestors().filter_map(ElementRef::wrap).filter(|a| COMMENT_LI.matches(a)).count().saturating_sub(1);
    let mut p = post::build(
        page,
        PostParts {
            author,
            author_info,
            time,
            body: Some(body),
            score: c.find_all(&COMMENT_SCORE).find_map(shown_number),
            depth: depth as u32,
            permalink: first_attr(c, &COMMENT_LINK, "href"),
            anchor: c.value().id().map(str::to_string),
            ..PostParts::default()
        },
    );
    set_time(&mut p, time.and_then(tippy_time));
    Some(p)
}

/// The full date in the time's tooltip. An edited post's tooltip reads "Created: <date>", blank lines, then
/// "Modified <date>": the first paragraph is the creation time.
fn tippy_time(el: ElementRef<'_>) -> Option<&str> {
    let tip = el.value().attr("data-tippy-content")?;
    tip.split("\n\n").next().map(|t| t.split_once(": ").map_or(t, |(_, d)| d))
}

/// The number an element shows as its own text: the icon before it carries a hidden title ("arrow-up").
fn shown_number(el: ElementRef) -> Option<i64> {
    let own: String = el.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect();
    score(own.trim())
}

#[cfg(test)]
mod tests {
    use super::super::{hackernews, lobsters, reddit};
    use crate::parse::Page;

    /// The link-aggregator readers run after the board readers; each must leave every other engine's page alone
    /// (and the other fixtures of the repository), or it would take them from the generic detector.
    #[test]
    fn link_readers_keep_to_their_own_pages() {
        type Reader = fn(&Page) -> Option<super::Thread>;
        let readers: [(&str, Reader); 4] = [
            ("reddit", reddit::read),
            ("hackernews", hackernews::read),
            ("lobsters", lobsters::read),
            ("lemmy", super::read),
        ];
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut checked = 0;
        for dir in [root.to_string(), format!("{root}/engines")] {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
                if !name.ends_with(".html") {
                    continue; // golden files (`.expected.json`) sit beside the pages
                }
                let Ok(html) = std::fs::read_to_string(&path) else { continue };
                let Ok(page) = crate::parse::parse(&html, Some("https://forum.example.org/thread/1")) else { continue };
                let page = crate::clean::clean(page);
                for (engine, read) in readers {
                    let own = name.starts_with(engine);
                    assert_eq!(read(&page).is_some(), own, "{engine} on {name}");
                }
                checked += 1;
            }
        }
        assert!(checked >= 10, "fixtures not found under {root}");
    }
}

//! Flarum discussions, in both renderings a page can arrive in.
//!
//! Crawlers and readers without JavaScript get `<noscript id="flarum-content">` holding `div.container` with the
//! title `h1` (`h2` in the 0.1 betas) and one `article` per post: `.PostUser .PostUser-name` (the display name,
//! no link) and `.Post-body` (the post's HTML). That view has no times, permalinks or ids. The parse stage
//! reads a content-sized `noscript` as markup (`div[data-noscript]`), so the reader sees ordinary elements.
//!
//! A page saved from the browser has the JavaScript view instead: `.PostStream-item` (with `data-id`,
//! `data-number`, `data-time`) around `article.CommentPost`, with `.PostUser-name a` (profile link, name in
//! `.username`), the badges' titles, `time[datetime]` in `.PostMeta`, the permalink in
//! `input.PostMeta-permalink[value]`, and `.Post-body`. Title `.DiscussionHero-title`, tags
//! `.DiscussionHero-tags .TagLabel-text` (Flarum's sections). Quotes in both views are `blockquote`s; replies
//! made with the mentions extension start them with `a.PostMention` naming the quoted user.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, bodies_in, first_attr, first_text, named_link, text_of};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "flarum", detect, read };

static CRAWLER_TITLE: Sel =
    Sel::new("[data-noscript] .container > h1, [data-noscript] .container > h2, .container > h1");
/// A post of the no-JS view: an `article` (kept only when it has the `.PostUser-name` heading).
static CRAWLER_POST: Sel = Sel::new("article");
static BODY: Sel = Sel::new(".Post-body");
static CRAWLER_AUTHOR: Sel = Sel::new(".PostUser-name");

static TITLE: Sel = Sel::new(".DiscussionHero-title");
static TAG: Sel = Sel::new(".DiscussionHero-tags .TagLabel-text");
static POST: Sel = Sel::new(".PostStream-item article.CommentPost");
static ITEM: Sel = Sel::new(".PostStream-item");
static AUTHOR: Sel = Sel::new(".PostUser-name .username");
static PROFILE: Sel = Sel::new(".PostUser-name a[href]");
static BADGE: Sel = Sel::new(".PostUser-badges .Badge[title], .PostUser-badges [title]");
static TIME: Sel = Sel::new(".PostMeta time[datetime], .Post-header time[datetime]");
static PERMALINK: Sel = Sel::new("input.PostMeta-permalink");
static QUOTE: Sel = Sel::new("blockquote");
static QUOTE_AUTHOR: Sel = Sel::new("a.PostMention");

/// Whether the page is this engine's: a `.Post-body` with the post stream's `CommentPost` or the no-JS view's
/// `.PostUser-name`, markup every board of the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY) && (probe.has(&POST) || probe.has(&CRAWLER_AUTHOR))
}

/// Reads a Flarum discussion page, or `None` when the page is not Flarum's.
pub fn read(page: &Page) -> Option<Thread> {
    read_stream(page).or_else(|| read_crawler_view(page))
}

/// The JavaScript-rendered post stream (a page saved from the browser).
fn read_stream(page: &Page) -> Option<Thread> {
    let mut thread = super::read_posts(ENGINE.name, page, &TITLE, &BODY, &POST, stream_post)?;
    thread.section = page.find_all(&TAG).map(text_of).filter(|t| !t.is_empty()).collect();
    Some(thread)
}

fn stream_post(page: &Page, base: Option<&str>, article: ElementRef, body: ElementRef) -> Post {
    let mut author_info = BTreeMap::new();
    let badges: Vec<&str> = article.find_all(&BADGE).filter_map(|b| b.value().attr("title")).collect();
    if !badges.is_empty() {
        author_info.insert("rank".to_string(), badges.join(", "));
    }
    let (_, profile) = named_link(article, &PROFILE);
    if let Some(profile) = absolute(base, profile.as_deref()) {
        author_info.insert("profile".to_string(), profile);
    }
    let item = article.ancestors().filter_map(ElementRef::wrap).find(|a| ITEM.matches(a));
    post::build(
        page,
        PostParts {
            author: first_text(article, &AUTHOR),
            author_info,
            time: article.find_all(&TIME).next(),
            time_text: item.and_then(|i| i.value().attr("data-time")).map(str::to_string),
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            permalink: first_attr(article, &PERMALINK, "value"),
            anchor: item.and_then(|i| i.value().id()).map(str::to_string),
            ..PostParts::default()
        },
    )
}

/// The no-JavaScript view. The parse stage turns a `noscript` with a page's worth of content into a
/// `div[data-noscript]` (see [`crate::parse`]), so its posts are ordinary markup here: `article`s with a
/// `.PostUser-name` heading and a `.Post-body`.
fn read_crawler_view(page: &Page) -> Option<Thread> {
    let posts: Vec<Post> = bodies_in(page, &BODY, &CRAWLER_POST)
        .filter(|(article, _)| article.find_all(&CRAWLER_AUTHOR).next().is_some())
        .map(|(article, body)| {
            post::build(
                page,
                PostParts {
                    author: first_text(article, &CRAWLER_AUTHOR),
                    body: Some(body),
                    quote: Some(&QUOTE),
                    quote_author: Some(&QUOTE_AUTHOR),
                    ..PostParts::default()
                },
            )
        })
        .collect();
    super::thread(ENGINE.name, page, &CRAWLER_TITLE, posts)
}

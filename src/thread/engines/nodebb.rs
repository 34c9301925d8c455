//! NodeBB topics (server-rendered; the Harmony theme of 3.x/4.x and the older Persona share the markup below).
//!
//! Every post is an element with `component="post"` and `data-pid`, `data-index` (0 for the opening post),
//! `data-username`/`data-userslug` and `data-timestamp` (Unix milliseconds). Inside: `a[component="post/anchor"]`
//! whose `id` is the post's number in the topic (the page scrolls to it), the header `[itemprop=author]` with the
//! profile link `a[data-username]` and group badges (`.badge-text`), the time `a.timeago[title]` (ISO; its `href`,
//! `/post/<pid>`, is the permalink) and the body `[component="post/content"]`. A reply's preview of the post it
//! answers (`[component="post/parent"]`) repeats that post's author and time before the header, so times inside
//! it are skipped. Quotes are Markdown `blockquote`s opening with "@X said in <topic>:". Title
//! `[component="topic/title"]`; trail `.breadcrumb li a`.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, first_attr, first_text, named_link};
use crate::css::{FindAll, Sel, Selector};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "nodebb", detect, read };

static TITLE: Sel = Sel::new("[component=\"topic/title\"], h1");
static CRUMB: Sel = Sel::new(".breadcrumb li a");
static POST: Sel = Sel::new("[component=post][data-pid]");
static BODY: Sel = Sel::new("[component=\"post/content\"]");
static AUTHOR: Sel = Sel::new("[itemprop=author] a[data-username], .post-header a[data-username], a[data-username]");
static GROUP: Sel = Sel::new("[itemprop=author] .badge-text, .post-header .badge-text");
static TIMEAGO: Sel = Sel::new(".timeago[title]");
/// Parts of a post element that are not the post's own header: the answered post's preview, the body, the
/// footer with its "last reply" time.
static NOT_HEADER: Sel = Sel::new("[component=\"post/parent\"], [component=\"post/content\"], [component=\"post/footer\"], [component=\"post/editor\"]");
static ANCHOR: Sel = Sel::new("a[component=\"post/anchor\"][id]");
static QUOTE: Sel = Sel::new("blockquote");
static QUOTE_AUTHOR: Sel = Sel::new("a.plugin-mentions-user, a.plugin-mentions-a");

/// Whether the page is this engine's: a `[component="post/content"]` body and a `[component=post][data-pid]`,
/// markup every board of the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY) && probe.has(&POST)
}

/// Reads a NodeBB topic page, or `None` when the page has no NodeBB posts.
pub fn read(page: &Page) -> Option<Thread> {
    let mut thread = super::read_posts(ENGINE.name, page, &TITLE, &BODY, &POST, read_post)?;
    thread.section = super::trail(page, &CRUMB, &thread.title);
    Some(thread)
}

fn read_post(page: &Page, base: Option<&str>, p: ElementRef, body: ElementRef) -> Post {
    let (name, profile) = named_link(p, &AUTHOR);
    let author = p.value().attr("data-username").map(str::to_string).or(name);
    let mut author_info = BTreeMap::new();
    if let Some(group) = first_text(p, &GROUP) {
        author_info.insert("rank".to_string(), group);
    }
    if let Some(profile) = absolute(base, profile.as_deref()) {
        author_info.insert("profile".to_string(), profile);
    }
    let time = p.find_all(&TIMEAGO).find(|t| !inside(*t, p, &NOT_HEADER));
    let mut post = post::build(
        page,
        PostParts {
            author,
            author_info,
            time,
            // No header time (a theme without `.timeago`): the post's own Unix milliseconds.
            time_text: p.value().attr("data-timestamp").and_then(crate::date::parse_attr),
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            permalink: absolute(base, time.and_then(|t| t.value().attr("href"))),
            anchor: first_attr(p, &ANCHOR, "id"),
            ..PostParts::default()
        },
    );
    for q in &mut post.quotes {
        q.author = q.author.take().map(|a| a.trim_start_matches('@').to_string());
        // "@X said in <topic>:" — the mention is the author; the rest of the line is not quoted text.
        if let Some(rest) = q.text.strip_prefix("said in ").and_then(|r| r.split_once(':')).map(|(_, r)| r.trim()) {
            q.text = rest.to_string();
        }
    }
    post
}

/// Whether `el` sits inside an element matching `sel` below `post`.
fn inside(el: ElementRef, post: ElementRef, sel: &Selector) -> bool {
    el.ancestors().take_while(|a| a.id() != post.id()).filter_map(ElementRef::wrap).any(|a| sel.matches(&a))
}

//! bbPress 2 topics (the WordPress forum plugin, its default templates inside any WordPress theme).
//!
//! bbPress writes each post as two sibling blocks inside one `li.bbp-body`: a header `div.bbp-reply-header`
//! (`div.bbp-topic-header` for a lead topic) with `id="post-<id>"`, holding `.bbp-reply-post-date` ("March 5,
//! 2021 at 2:05 pm") and the permalink `a.bbp-reply-permalink` ("#<id>"); then the post `div` (classes
//! `reply`/`topic`, `post-<id>`) with `.bbp-reply-author` (`a.bbp-author-link` to the profile, the name in
//! `.bbp-author-name`, the forum role in `.bbp-author-role`) and the body `.bbp-reply-content`
//! (`.bbp-topic-content`). A post is therefore the stretch from one header to the next ([`super::scopes`]).
//! Bodies are WordPress HTML: quotes are plain `blockquote`s. The trail is `.bbp-breadcrumb` (links, then the
//! topic as `.bbp-breadcrumb-current`).

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::trail;
use super::{absolute, base_url, scopes, Scope};
use crate::css::Sel;
use crate::model::Post;
use crate::parse::Page;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "bbpress", detect, read };

static TITLE: Sel = Sel::new(".bbp-breadcrumb-current, h1.entry-title, h1");
static CRUMB: Sel = Sel::new(".bbp-breadcrumb a");
static HEADER: Sel = Sel::new("div.bbp-reply-header[id^=post-], div.bbp-topic-header[id^=post-]");
static BODY: Sel = Sel::new(".bbp-reply-content, .bbp-topic-content");
static AUTHOR: Sel = Sel::new(".bbp-reply-author .bbp-author-name, .bbp-topic-author .bbp-author-name");
static PROFILE: Sel = Sel::new(".bbp-reply-author a.bbp-author-link, .bbp-topic-author a.bbp-author-link");
static ROLE: Sel = Sel::new(".bbp-author-role");
static DATE: Sel = Sel::new(".bbp-reply-post-date, .bbp-topic-post-date");
static PERMALINK: Sel = Sel::new("a.bbp-reply-permalink, a.bbp-topic-permalink");

/// Whether the page is this engine's: a `bbp-reply-header` / `bbp-topic-header` with a `post-` id, markup every
/// board of the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&HEADER)
}

/// Reads a bbPress topic page, or `None` when the page has no bbPress posts.
pub fn read(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let posts: Vec<Post> = scopes(page, &HEADER).iter().filter_map(|s| read_post(page, base.as_deref(), s)).collect();
    let mut thread = super::thread(ENGINE.name, page, &TITLE, posts)?;
    thread.section = trail(page, &CRUMB, &thread.title);
    Some(thread)
}

fn read_post(page: &Page, base: Option<&str>, s: &Scope) -> Option<Post> {
    let body = s.find(&BODY)?;
    let mut author_info = BTreeMap::new();
    if let Some(role) = s.text(&ROLE) {
        author_info.insert("rank".to_string(), role);
    }
    if let Some(profile) = absolute(base, s.attr(&PROFILE, "href").as_deref()) {
        author_info.insert("profile".to_string(), profile);
    }
    Some(post::build(
        page,
        PostParts {
            author: s.text(&AUTHOR),
            author_info,
            time_text: s.text(&DATE),
            body: Some(body),
            permalink: absolute(base, s.attr(&PERMALINK, "href").as_deref()),
            anchor: s.start.value().id().map(str::to_string),
            ..PostParts::default()
        },
    ))
}

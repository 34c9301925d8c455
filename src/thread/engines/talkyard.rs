//! Talkyard topics, as Talkyard renders them on the server (every site runs the same React front end, rendered
//! to HTML before it is sent).
//!
//! Every post is a `div.dw-p` whose `id` is `post-<number>`: `post-0` is the title (`h1.dw-p-ttl`), `post-1` the
//! topic's opening post (`.dw-ar-p`), replies follow inside nested `.dw-t` threads (`.dw-depth-1`,
//! `.dw-depth-2`, ...). A reply holds its header `div.dw-p-hd` (the author link `a.dw-p-by.esP_By` with the
//! display name in `.esP_By_F` and `@username` in `.esP_By_U`, the time `span.dw-ago.esP_H_At` as an ISO date
//! the page turns into "3 hours ago") and its body `div.dw-p-bd > .dw-p-bd-blk`. The opening post has no header
//! of its own: its author and time are in the page's `div.dw-p-hd.dw-ar-p-hd` above it.
//!
//! The categories are the top bar's `.esTopbar_ancestors_link`s.
//!
//! The same Post component is drawn a second time, abbreviated and without an `id`, in the sidebar's list of
//! recent comments: only posts with their `post-<n>` id are read, so the thread is not counted twice.

use super::super::page_info::sel;
use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, add_profile, base_url, first_text, text_of};
use crate::css::{FindAll, Sel, Selector};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "talkyard", detect, read };

/// Class prefix of a thread's depth (`dw-depth-2`): the opening post's thread is depth 0.
const DEPTH_CLASS: &str = "dw-depth-";

static TITLE: Sel = Sel::new("h1.dw-p-ttl");
static POST: Sel = Sel::new("div.dw-p[id^='post-']:not(.dw-p-ttl)");
static BODY: Sel = Sel::new(".dw-p-bd-blk");
static HEADER: Sel = Sel::new(".dw-p-hd");
static PAGE_HEADER: Sel = Sel::new(".dw-ar-p-hd");
static BY: Sel = Sel::new("a.esP_By, .esP_By");
/// The name shown first (the display name, or the username where the site shows usernames only), then the
/// `@username`.
static NAMES: LazyLock<[Selector; 2]> = LazyLock::new(|| [sel(".esP_By_F"), sel(".esP_By_U")]);
static TIME: Sel = Sel::new(".esP_H_At, .dw-ago");
/// The topic's categories, in the top bar.
static CRUMB: Sel = Sel::new(".esTopbar_ancestors_link");

/// Whether the page is this engine's: a post body `.dw-p-bd-blk` inside a `div.dw-p`, markup every site of the
/// engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&POST) && probe.has(&BODY)
}

/// Reads a Talkyard topic, or `None` when the page has no Talkyard posts.
pub fn read(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let page_header = page.find_all(&PAGE_HEADER).next();
    let posts: Vec<Post> =
        page.find_all(&POST).filter_map(|p| read_post(page, base.as_deref(), p, page_header)).collect();
    let mut thread = super::thread(ENGINE.name, page, &TITLE, posts)?;
    thread.section = super::trail(page, &CRUMB, &thread.title);
    Some(thread)
}

fn read_post(page: &Page, base: Option<&str>, p: ElementRef, page_header: Option<ElementRef>) -> Option<Post> {
    let body = p.find_all(&BODY).next()?;
    // The opening post's header is the page's, above it.
    let header = p.find_all(&HEADER).next().or(page_header.filter(|_| is_opening(p)));
    let by = header.and_then(|h| h.find_all(&BY).next());
    let mut author_info = BTreeMap::new();
    add_profile(&mut author_info, base, by.and_then(|b| b.value().attr("href")));
    let author = by.and_then(|b| {
        NAMES
            .iter()
            .find_map(|s| first_text(b, s))
            .or_else(|| Some(text_of(b)))
            .map(|n| n.trim_start_matches('@').to_string())
    });
    let anchor = p.value().id().map(str::to_string);
    Some(post::build(
        page,
        PostParts {
            author,
            author_info,
            time: header.and_then(|h| h.find_all(&TIME).next()),
            body: Some(body),
            permalink: anchor.as_ref().and_then(|a| absolute(base, Some(&format!("#{a}")))),
            anchor,
            depth: depth(p),
            ..PostParts::default()
        },
    ))
}

/// Whether the post is the topic's opening post (`post-1`, `.dw-ar-p`).
fn is_opening(p: ElementRef) -> bool {
    p.value().classes().any(|c| c == "dw-ar-p") || p.value().id() == Some("post-1")
}

/// The reply depth: the enclosing thread's `dw-depth-<n>` less one (top-level replies are depth 1 on the page,
/// 0 here, as every reader counts them), 0 for the opening post.
fn depth(p: ElementRef) -> u32 {
    let thread_depth = p.ancestors().filter_map(ElementRef::wrap).find_map(|a| {
        a.value().classes().find_map(|c| c.strip_prefix(DEPTH_CLASS).and_then(|n| n.parse::<u32>().ok()))
    });
    thread_depth.unwrap_or(0).saturating_sub(1)
}

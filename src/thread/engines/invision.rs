//! Invision Community (IP.Board 4 and 5) topics.
//!
//! Every post's body is `[data-role="commentContent"]`, inside a comment wrapper whose `data-quotedata`
//! attribute holds JSON with the author's `username` and the post's Unix `timestamp` (what the "Quote" button
//! uses), and whose `data-commentid` numbers the post; the post is the enclosing `<article>` (`cPost` in 4,
//! `ipsEntry` in 5). Around the body: the author pane (`.cAuthorPane_author`, `.ipsEntry__username`) linking to
//! `/profile/`, `time[datetime]`, and the "findComment" permalink. Quotes are `blockquote.ipsQuote` with a
//! `.ipsQuote_citation` "X said:" line and `data-ipsquote-username`.
//!
//! In a topic the asker marked solved, the best answer's post carries `ipsComment_solved` (4) or
//! `ipsEntry--solved` (5) on its `<article>`: the post is [`Post::accepted`].

use super::super::page_info::sel;
use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, base_url, first_attr, named_link};
use crate::css::{FindAll, Sel, Selector};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "invision", detect, read };

static TITLE: Sel = Sel::new(".ipsType_pageTitle, h1.ipsPageHeader__title, h1[data-ips-hook=title]");
static BODY: Sel = Sel::new("[data-role=commentContent]");
/// The author's name: a link to their profile, else the pane's text (guests).
static AUTHOR: LazyLock<[Selector; 2]> = LazyLock::new(|| {
    [
        sel(".cAuthorPane_author a, .ipsEntry__username a, [data-ips-hook=postUsername] a"),
        sel(".cAuthorPane_author, .ipsEntry__username"),
    ]
});
static TIME: Sel = Sel::new("time[datetime]");
static PERMALINK: Sel = Sel::new("a[href*='do=findComment']");
static QUOTE: Sel = Sel::new("blockquote.ipsQuote");
static QUOTE_AUTHOR: Sel = Sel::new(".ipsQuote_citation");
/// The edit note the board writes at the foot of a body ("Edited June 14, 2024 by Lisias", with the
/// editor's reason): furniture, and its time is the edit's, not a date the post gives. Invision 5 marks
/// it `p.ipsEdited[data-el=edited]`, Invision 4 a `span[data-excludequote]`.
static EDIT_NOTE: Sel = Sel::new(".ipsEdited, [data-el=edited], span[data-excludequote]");

/// The classes of the post the topic's "best answer" / solution marker names (4, 5).
const SOLVED_CLASSES: &[&str] = &["ipsComment_solved", "ipsEntry--solved"];

/// Whether the page is this engine's: a `[data-role=commentContent]` body, markup every board of the engine prints
/// and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY)
}

/// Reads an Invision topic page, or `None` when the page has no Invision comments.
pub fn read(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let posts: Vec<Post> = page
        .find_all(&BODY)
        .filter_map(|body| {
            let wrap =
                body.ancestors().filter_map(ElementRef::wrap).find(|a| a.value().attr("data-quotedata").is_some())?;
            let post =
                body.ancestors().filter_map(ElementRef::wrap).find(|a| a.value().name() == "article").unwrap_or(wrap);
            Some(read_post(page, base.as_deref(), post, wrap, body))
        })
        .collect();
    super::thread(ENGINE.name, page, &TITLE, posts)
}

fn read_post(page: &Page, base: Option<&str>, post: ElementRef, wrap: ElementRef, body: ElementRef) -> Post {
    let quote_data = wrap.value().attr("data-quotedata").and_then(crate::json::from_str).unwrap_or_default();
    let (shown_name, profile) =
        AUTHOR.iter().map(|s| named_link(post, s)).find(|(name, _)| name.is_some()).unwrap_or((None, None));
    let author = quote_data.get("username").and_then(|u| u.as_str()).map(str::to_string).or(shown_name);
    let mut author_info = BTreeMap::new();
    if let Some(profile) = absolute(base, profile.as_deref()) {
        author_info.insert("profile".into(), profile);
    }
    let time = post.find_all(&TIME).next();
    let timestamp = quote_data.get("timestamp").and_then(|t| t.as_i64()).map(|t| t.to_string());
    let mut out = post::build(
        page,
        PostParts {
            author,
            author_info,
            time,
            time_text: time.is_none().then_some(timestamp).flatten(),
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            permalink: absolute(base, first_attr(post, &PERMALINK, "href").as_deref()),
            anchor: post.value().id().or(wrap.value().id()).map(str::to_string),
            exclude: body.find_all(&EDIT_NOTE).map(|e| e.id()).collect(),
            ..PostParts::default()
        },
    );
    out.accepted = [post, wrap].iter().any(|e| e.value().classes().any(|c| SOLVED_CLASSES.contains(&c)));
    out
}

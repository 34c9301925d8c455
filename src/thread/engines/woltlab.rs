//! WoltLab threads: Burning Board 4 and WoltLab Suite Forum 5 and 6 (the default style and the styles built on
//! it), the forum many German-language boards run.
//!
//! Every post is an `article.wbbPost` (with `data-post-id`, and `data-user-id` for members) inside
//! `li#post<id>` of the thread's `ul.wbbThreadPostList`. In the post: the sidebar `.messageSidebar` holds the
//! author (`.messageAuthor a.username`, the name also in `span[itemprop=name]`; guests have a plain
//! `.username` without a link), the user title (`.userTitleBadge`) and the credits as `dt`/`dd` pairs
//! (`.userCredits dl`: "Beiträge" / "1.234"). The header `.messageHeader` has the time
//! `a.messagePublicationTime time.datetime` (its `datetime` the full ISO time, its text "21. April 2020" or
//! "Gestern, 19:40"), which is also the permalink, and the post number `.messageQuickOptions a` ("#3"). The
//! text is `.messageText`; edit notes (`.messageFooterNote`) and the signature (`.messageSignature`) sit in the
//! footer, outside it. Quotes are `blockquote.quoteBox` with the title `.quoteBoxTitle` ("Zitat von X") and the
//! content `.quoteBoxContent`. The trail is `.breadcrumbs`; the title the content header's
//! `h1.contentTitle`.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, add_profile, dl_pairs, first_attr, first_text, label_pairs, named_link};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "woltlab", detect, read };

static TITLE: Sel = Sel::new("h1.contentTitle, .contentHeaderTitle h1");
static BLOCK: Sel = Sel::new("article.wbbPost");
static BODY: Sel = Sel::new(".messageText");
/// The author's name: the sidebar's profile link, else a guest's plain name.
static AUTHOR: Sel = Sel::new(".messageAuthor a.username, .messageSidebar a.username, .messageAuthor .username");
static RANK: Sel = Sel::new(".userTitleBadge, .userTitle");
static CREDITS: Sel = Sel::new(".userCredits dl, .messageSidebar dl.dataList");
static DT: Sel = Sel::new("dt");
static DD: Sel = Sel::new("dd");
/// The post's time, most reliable first: the publication-time permalink, then any WoltLab time in the header.
static TIME: Sel = Sel::new(".messagePublicationTime time, .messageHeader time.datetime, .messageHeader time");
static PERMALINK: Sel = Sel::new("a.messagePublicationTime[href], .messageHeader a.permalink[href]");
static QUOTE: Sel = Sel::new("blockquote.quoteBox, blockquote");
static QUOTE_AUTHOR: Sel = Sel::new(".quoteBoxTitle, .quoteHeader");
/// The quote box's icon and the "show more" of long quotes are not text.
static NOT_TEXT: Sel = Sel::new(".quoteBoxIcon, .toggleButton, .messageFooterNote, .messageSignature");

/// What the quote box's title says before the quoted member's name, in WoltLab's languages ("Zitat von X",
/// "Quote from X", "Citation de X"): cut so the quote's author is the name alone.
const QUOTE_PREFIXES: &[&str] =
    &["Zitat von ", "Quote from ", "Citation de ", "Citazione di ", "Cita de ", "Citaat van "];

/// Whether the page is this engine's: a post `article.wbbPost` and a `.messageText`, markup every WoltLab
/// forum prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BLOCK) && probe.has(&BODY)
}

/// Reads a WoltLab thread page, or `None` when the page has no WoltLab posts.
pub fn read(page: &Page) -> Option<Thread> {
    super::read_posts(ENGINE.name, page, &TITLE, &BODY, &BLOCK, read_post)
}

fn read_post(page: &Page, base: Option<&str>, block: ElementRef, body: ElementRef) -> Post {
    let (author, profile) = named_link(block, &AUTHOR);
    let mut author_info = label_pairs(block.find_all(&CREDITS).flat_map(|dl| dl_pairs(dl, &DT, &DD)));
    if let Some(rank) = first_text(block, &RANK) {
        author_info.insert("rank".into(), rank);
    }
    add_profile(&mut author_info, base, profile.as_deref());
    // The `li#post<id>` around the post is what its permalinks point at.
    let anchor = block
        .parent()
        .and_then(ElementRef::wrap)
        .and_then(|li| li.value().id())
        .or_else(|| block.value().id())
        .map(str::to_string);
    let mut post = post::build(
        page,
        PostParts {
            author,
            author_info,
            time: block.find_all(&TIME).next(),
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            permalink: absolute(base, first_attr(block, &PERMALINK, "href").as_deref()),
            anchor,
            exclude: body.find_all(&NOT_TEXT).map(|e| e.id()).collect(),
            ..PostParts::default()
        },
    );
    for q in &mut post.quotes {
        if let Some(name) = q.author.as_deref().and_then(|a| QUOTE_PREFIXES.iter().find_map(|p| a.strip_prefix(p))) {
            q.author = Some(name.trim().to_string());
        }
    }
    post
}

//! MyBB 1.8 threads (the default theme and the many built on its `postbit` templates).
//!
//! Every post is `div.post` with `id="post_<pid>"` (an `<a id="pid<pid>">` just before it); the body is
//! `div.post_body` with `id="pid_<pid>"`. Around it: `div.post_author` (`.largetext a`: name and profile link;
//! `.author_information .smalltext`: the user title; `.author_statistics`: "Posts: 96<br>Threads: 11<br>Joined:
//! Feb 2011" as text lines), `.post_head` with the permalink (`a[href*="#pid"]`, text "#2") and
//! `span.post_date` ("2019-02-24, 02:31 AM"; relative dates as `<span title="02-24-2019">Yesterday</span>,
//! 02:31 AM`), which ends with the edit note `span.post_edit` once a post is edited ("(This post was last
//! modified: 2024-01-05, 03:27 AM by X. Edited 1 time in total.)"). Quotes are `blockquote.mycode_quote` whose `cite` says "<span>(date)</span>X Wrote:".
//! Signatures (`div.signature`) sit after the body and are dropped by the clean stage. The trail is
//! `.navigation` (`.nav_bit a`, the thread itself as `span.active`).

use super::super::page_info::sel;
use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, first_attr, first_text, label_pairs, named_link, text_of};
use crate::css::{FindAll, Sel, Selector};
use crate::model::Post;
use crate::parse::Page;
use scraper::{ElementRef, Node};
use std::sync::LazyLock;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "mybb", detect, read };

static TITLE: Sel = Sel::new(".navigation .active, td.thead > div > strong");
/// Trail items; `> a` leaves out the page links MyBB hides in the last item's drop-down.
static CRUMB: Sel = Sel::new(".navigation .nav_bit > a");
static BODY: Sel = Sel::new("div.post_body[id^=pid_]");
static POST: Sel = Sel::new("div.post[id^=post_]");
/// The poster's name: the profile link, else the name as text (guests have no profile).
static AUTHOR: LazyLock<[Selector; 2]> =
    LazyLock::new(|| [sel(".post_author .largetext a"), sel(".post_author .largetext")]);
static USER_TITLE: Sel = Sel::new(".author_information .smalltext");
static STATS: Sel = Sel::new(".author_statistics");
static DATE: Sel = Sel::new(".post_date");
/// The edit note inside the date: the edit's time and editor, not the post's time.
static EDIT_NOTE: Sel = Sel::new(".post_edit");
/// "Yesterday"/"Today" carry the real date in `title`.
static DATE_TITLE: Sel = Sel::new("span[title]");
static PERMALINK: Sel = Sel::new(".post_head a[href*='#pid'], .post_head a[href*='pid']");
static QUOTE: Sel = Sel::new("blockquote.mycode_quote, blockquote");
static QUOTE_AUTHOR: Sel = Sel::new("cite");

/// Whether the page is this engine's: a `div.post_body[id^=pid_]` in a `div.post[id^=post_]`, markup every board of
/// the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY) && probe.has(&POST)
}

/// Reads a MyBB thread page, or `None` when the page has no MyBB posts.
pub fn read(page: &Page) -> Option<Thread> {
    let mut thread = super::read_posts(ENGINE.name, page, &TITLE, &BODY, &POST, read_post)?;
    thread.section = super::trail(page, &CRUMB, &thread.title);
    Some(thread)
}

fn read_post(page: &Page, base: Option<&str>, p: ElementRef, body: ElementRef) -> Post {
    let (author, profile) =
        AUTHOR.iter().map(|s| named_link(p, s)).find(|(name, _)| name.is_some()).unwrap_or((None, None));
    let mut author_info = p.find_all(&STATS).next().map(|s| label_pairs(line_pairs(s))).unwrap_or_default();
    if let Some(rank) = first_text(p, &USER_TITLE) {
        author_info.insert("rank".into(), rank);
    }
    if let Some(profile) = absolute(base, profile.as_deref()) {
        author_info.insert("profile".into(), profile);
    }
    post::build(
        page,
        PostParts {
            author,
            author_info,
            time_text: p.find_all(&DATE).next().map(shown_date),
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            permalink: absolute(base, first_attr(p, &PERMALINK, "href").as_deref()),
            anchor: p.value().id().map(str::to_string),
            ..PostParts::default()
        },
    )
}

/// The post's date as shown, without the edit note ([`EDIT_NOTE`]), with the date a "Yesterday" / "Today" span
/// holds in its `title` put in its place.
fn shown_date(date: ElementRef) -> String {
    let mut shown = text_of(date);
    for note in date.find_all(&EDIT_NOTE).map(text_of).filter(|n| !n.is_empty()) {
        shown = crate::text::squash(&shown.replacen(&note, "", 1));
    }
    match date.find_all(&DATE_TITLE).next() {
        Some(span) => {
            let word = text_of(span);
            let real = span.value().attr("title").unwrap_or_default();
            if word.is_empty() || real.is_empty() {
                shown
            } else {
                shown.replacen(&word, real, 1)
            }
        }
        None => shown,
    }
}

/// "Label: value" lines of an element whose lines are split by `<br>` (MyBB's author statistics), the text
/// before the first `:` as label.
pub(super) fn line_pairs(el: ElementRef) -> Vec<(String, String)> {
    let mut text = String::new();
    for node in el.descendants() {
        match node.value() {
            Node::Text(t) => text.push_str(t),
            Node::Element(e) if e.name() == "br" => text.push('\n'),
            _ => {}
        }
    }
    text.lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .filter(|(k, v)| !k.trim().is_empty() && !v.trim().is_empty())
        .collect()
}

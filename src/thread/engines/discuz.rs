//! Discuz! X threads (the Chinese board engine, X2.5 to X3.5 default template).
//!
//! Posts are `div#postlist > div[id^=post_]`, each holding `table.plhin` (`id="pid<pid>"`): the left cell
//! `td.pls` with the author (`.authi a.xw1`: name and `home.php?mod=space` link), the user's counts
//! (`.tns th`/`td`: `<p><a>12</a></p>主题`) and user group (`em a[href*=usergroup]`); the right cell `td.plc` with
//! the floor link `a[id^=postnum]` (the permalink, "楼主", "2#"), the time `em[id^=authorposton]` ("发表于
//! 2023-5-6 12:34", or "发表于 <span title="2023-5-6 12:34:56">3 天前</span>" for recent posts) and the body
//! `td.t_f` with `id="postmessage_<pid>"`. Quotes are `div.quote > blockquote` opening with a link "X 发表于
//! <date>"; the edit note `i.pstatus` inside the body is left out; signatures (`div.sign`) sit outside the
//! body. Title `#thread_subject`; trail `#pt .z a`. Dates are `Y-M-D H:M[:S]`, which [`crate::date`] reads.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, first_attr, named_link, text_of};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "discuz", detect, read };

static TITLE: Sel = Sel::new("#thread_subject, h1 .ts");
static CRUMB: Sel = Sel::new("#pt .z a");
static POST: Sel = Sel::new("#postlist > div[id^=post_]");
static BODY: Sel = Sel::new("td.t_f[id^=postmessage_]");
static AUTHOR: Sel = Sel::new(".pls .authi a.xw1, .authi a.xw1, .authi a[href*=space]");
/// Cells of the user's counts read at most: Discuz! shows three (threads, posts, points) under the avatar.
const COUNTS_MAX: usize = 6;
static AUTHOR_COLUMN: Sel = Sel::new(".pls");
static COUNTS: Sel = Sel::new(".tns th, .tns td");
static COUNT: Sel = Sel::new("p");
static GROUP: Sel = Sel::new(".pls em a[href*=usergroup]");
static POSTED: Sel = Sel::new("em[id^=authorposton]");
/// Recent posts show "3 天前" and keep the full time in this span's `title`.
static POSTED_FULL: Sel = Sel::new("span[title]");
static PERMALINK: Sel = Sel::new("a[id^=postnum]");
static QUOTE: Sel = Sel::new(".quote blockquote, blockquote");
/// The quote's head: a link back to the quoted post, its text "X 发表于 <date>" in grey.
static QUOTE_AUTHOR: Sel = Sel::new("a[href*=findpost], font[color]");
/// "本帖最后由 X 于 2023-5-6 12:40 编辑": the edit note Discuz! writes at the top of an edited body.
static EDIT_NOTE: Sel = Sel::new("i.pstatus");

/// Whether the page is this engine's: a `td.t_f[id^=postmessage_]` body and a `#postlist > div[id^=post_]`, markup
/// every board of the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY) && probe.has(&POST)
}

/// Reads a Discuz! thread page, or `None` when the page has no Discuz! posts.
pub fn read(page: &Page) -> Option<Thread> {
    let mut thread = super::read_posts(ENGINE.name, page, &TITLE, &BODY, &POST, read_post)?;
    thread.section = super::trail(page, &CRUMB, &thread.title);
    Some(thread)
}

fn read_post(page: &Page, base: Option<&str>, p: ElementRef, body: ElementRef) -> Post {
    let (author, profile) = named_link(p, &AUTHOR);
    let mut author_info = counts(p);
    if let Some(group) = p.find_all(&GROUP).map(text_of).find(|g| !g.is_empty()) {
        author_info.insert("rank".into(), group);
    }
    if let Some(profile) = absolute(base, profile.as_deref()) {
        author_info.insert("profile".into(), profile);
    }
    let posted = p.find_all(&POSTED).next();
    let full = posted.and_then(|e| e.find_all(&POSTED_FULL).next());
    let time_text = posted.map(text_of).map(|t| t.trim_start_matches("发表于").trim().to_string());
    post::build(
        page,
        PostParts {
            author,
            author_info,
            time: full,
            time_text,
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            permalink: absolute(base, first_attr(p, &PERMALINK, "href").as_deref()),
            anchor: p.value().id().map(str::to_string),
            exclude: body.find_all(&EDIT_NOTE).map(|e| e.id()).collect(),
            ..PostParts::default()
        },
    )
}

/// The user's counts under their avatar: each cell is the number (`<p>`) followed by its label; the usual
/// labels get the keys other engines use.
fn counts(p: ElementRef) -> BTreeMap<String, String> {
    let mut info = BTreeMap::new();
    // In the post's own author column only, and its first cells: a post that unclosed markup nests the
    // later posts in holds their columns and cells too.
    let Some(column) = p.find_all(&AUTHOR_COLUMN).next() else { return info };
    for cell in column.find_all(&COUNTS).take(COUNTS_MAX) {
        let Some(number) = cell.find_all(&COUNT).next().map(text_of).filter(|n| !n.is_empty()) else { continue };
        let all = text_of(cell);
        let label = all.strip_prefix(&number).unwrap_or(&all).trim().to_string();
        if label.is_empty() {
            continue;
        }
        let key = match label.as_str() {
            "帖子" => "posts".to_string(),
            "主题" => "threads".to_string(),
            "积分" => "points".to_string(),
            _ => label,
        };
        info.insert(key, number);
    }
    info
}

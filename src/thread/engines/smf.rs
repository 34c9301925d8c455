//! Simple Machines Forum (SMF 2.0 and 2.1) topics.
//!
//! Every SMF post body is `div.inner` with `id="msg_<id>"` inside `div.post`, in a `div.post_wrapper` that also
//! holds the poster column (`.poster h4 a`: name and profile link; `li.postgroup`, `li.postcount` "Posts: 12")
//! and the key info (`.keyinfo`: subject link, which is the permalink, and the time as `.smalltext`, "« Reply #1
//! on: June 04, 2024, 11:23:55 AM »" in 2.0). Quotes are `blockquote.bbc_standard_quote` whose `cite` says
//! "Quote from: X on ..."; signatures (`div.signature`) are dropped by the clean stage.

use super::super::page_info::sel;
use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, colon_pair, first_attr, first_text, label_pairs, named_link, text_of};
use crate::css::{FindAll, Sel, Selector};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::sync::LazyLock;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "smf", detect, read };

static TITLE: Sel = Sel::new("#top_subject, .display_title");
static CRUMB: Sel = Sel::new(".navigate_section li, .linktree li");
static BODY: Sel = Sel::new(".post div.inner[id^=msg_]");
static WRAPPER: Sel = Sel::new(".post_wrapper");
/// The poster's name: the profile link, else the heading's text (guests).
static AUTHOR: LazyLock<[Selector; 2]> = LazyLock::new(|| [sel(".poster h4 a"), sel(".poster h4")]);
static GROUP: Sel = Sel::new(".poster .postgroup, .poster .membergroup");
static COUNT: Sel = Sel::new(".poster .postcount");
static TIME: Sel = Sel::new(".keyinfo .postinfo .smalltext, .keyinfo .smalltext");
static SUBJECT: Sel = Sel::new(".keyinfo .subject_title a, .keyinfo h5 a, .keyinfo h5");
static PERMALINK: Sel = Sel::new(".keyinfo .subject_title a[href], .keyinfo h5 a[href]");
static QUOTE: Sel = Sel::new("blockquote.bbc_standard_quote, blockquote");
static QUOTE_AUTHOR: Sel = Sel::new("cite");

/// Whether the page is this engine's: a `div.inner[id^=msg_]` body in a `.post_wrapper`, markup every board of the
/// engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY) && probe.has(&WRAPPER)
}

/// Reads an SMF topic page, or `None` when the page has no SMF posts.
pub fn read(page: &Page) -> Option<Thread> {
    let mut thread = super::read_posts(ENGINE.name, page, &TITLE, &BODY, &WRAPPER, read_post)?;
    // SMF's trail is `.navigate_section` (the linktree); its last item is the topic itself.
    thread.section = super::trail(page, &CRUMB, &thread.title);
    Some(thread)
}

fn read_post(page: &Page, base: Option<&str>, w: ElementRef, body: ElementRef) -> Post {
    let (author, profile) =
        AUTHOR.iter().map(|s| named_link(w, s)).find(|(name, _)| name.is_some()).unwrap_or((None, None));
    let count = w.find_all(&COUNT).next().map(text_of).and_then(|c| colon_pair(&c));
    let mut author_info = label_pairs(count);
    if let Some(group) = first_text(w, &GROUP) {
        author_info.insert("rank".into(), group);
    }
    if let Some(profile) = absolute(base, profile.as_deref()) {
        author_info.insert("profile".into(), profile);
    }
    let time_text =
        first_text(w, &TIME).map(|t| t.trim_matches(|c: char| c == '«' || c == '»' || c.is_whitespace()).to_string());
    post::build(
        page,
        PostParts {
            author,
            author_info,
            time_text,
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            title: first_text(w, &SUBJECT),
            permalink: absolute(base, first_attr(w, &PERMALINK, "href").as_deref()),
            anchor: body.value().id().map(str::to_string),
            ..PostParts::default()
        },
    )
}

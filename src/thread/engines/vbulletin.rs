//! vBulletin 3, 4 and 5 thread pages.
//!
//! Every vBulletin 3/4 post body is `div#post_message_<id>`; its post is the nearest `li#post_<id>`
//! (vBulletin 4 `postcontainer`), `table#post<id>` (vBulletin 3) or `div#edit<id>`. vBulletin 5 posts are
//! `li.b-post` (with `data-node-id`) with the body in `.js-post__content-text`. Around the body: the author
//! (`.username`, `a.bigusername` in 3, `.b-userinfo__details .author a` in 5), the user title (`.usertitle`,
//! `.b-userinfo__title`), author details as `dl.userinfo_extra` pairs (4), "Join Date: Jul 2014" lines in
//! `div.smallfont` (3) or `li.b-userinfo__additional-info` label/span pairs (5), the time (`.postdate .date`
//! in 4, the post's `td.thead` text in 3, `time[itemprop=dateCreated][datetime]` in 5), the post title
//! (`h2.title`, the bold line over a 3 message, `.b-post__title`) and the permalink (`a.postcounter`,
//! `a#postcount<id>`, `a.b-post__count`). Quotes are `.bbcode_quote` with `.bbcode_postedby` (4),
//! `.b-bbcode-quote` (5) or the `td.alt2` cell of a 3 quote table; signatures (`signaturecontainer`,
//! `signature`; in 3 and 5 they sit outside the body) are left out.

use super::super::page_info::sel;
use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, colon_pair, dl_pairs, first_attr, first_text, label_pairs, text_of};
use crate::css::{FindAll, Sel, Selector};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::sync::LazyLock;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "vbulletin", detect, read };

static TITLE: Sel = Sel::new("#pagetitle .threadtitle, h1.main-title, .threadtitle");
static BODY: Sel = Sel::new("[id^=post_message_], .js-post__content-text");
static CONTAINER: Sel = Sel::new("li[id^=post_], table[id^=post], div[id^=edit], li.b-post, .postcontainer, .postbit");
static AUTHOR: Sel = Sel::new(".username, a.bigusername, .b-post__author .author, .b-userinfo__details .author a");
static PROFILE: Sel = Sel::new(
    "a.username[href], a.bigusername[href], .username a[href], .b-post__author .author a[href], .author a[href]",
);
static USER_TITLE: Sel = Sel::new(".usertitle, .b-userinfo__title");
static USER_PAIRS: Sel = Sel::new("dl.userinfo_extra, dl.b-userinfo__additional-info");
static USER_LINES: Sel = Sel::new("td div.smallfont > div");
/// vBulletin 5 writes each author detail as `<li class="b-userinfo__additional-info"><label>Posts:</label>
/// <span>48</span></li>`.
static USER_ITEMS: Sel = Sel::new("li.b-userinfo__additional-info");
static LABEL: Sel = Sel::new("label");
static VALUE: Sel = Sel::new("span");
static DT: Sel = Sel::new("dt");
static DD: Sel = Sel::new("dd");
/// The time element: `time[datetime]` first (vBulletin 5 wraps it in `.b-post__timestamp`, whose shown text
/// "08-03-2022, 06:20 PM" leaves day and month open), then the shown dates of 4 and of 5 themes without it.
static TIME: LazyLock<[Selector; 2]> =
    LazyLock::new(|| [sel("time[datetime]"), sel(".postdate .date, .b-post__timestamp")]);
static TIME_V3: Sel = Sel::new("td.thead");
static PERMALINK: Sel = Sel::new("a.postcounter[href], a[id^=postcount][href], a.b-post__count[href]");
/// The post's own title: `h2.title` (4), `.b-post__title` (5), the bold line over a vBulletin 3 message.
static POST_TITLE: Sel = Sel::new("h2.title, .b-post__title, td[id^=td_post_] > div.smallfont > strong");
/// Quotes: `.bbcode_quote` (4, and 5 alongside `.b-bbcode-quote`); vBulletin 3 draws a quote as a table whose
/// one cell is `td.alt2` ("Originally Posted by <strong>name</strong>" over the quoted text), and has no other
/// table cell inside a message; themes of 3 that draw it with boxes make it a `div.alt2` opening with that
/// line (a `div.alt2` without it is a PHP code box).
static QUOTE: Sel = Sel::new(
    ".bbcode_quote, .b-bbcode-quote, blockquote.quote, [id^=post_message_] td.alt2, \
         [id^=post_message_] div.alt2:has(> div:first-child > strong)",
);
static QUOTE_AUTHOR: Sel =
    Sel::new(".bbcode_postedby strong, .b-bbcode-quote__username, .alt2 > div:first-child > strong");

/// Whether the page is this engine's: a `post_message_` body (3, 4) or `.js-post__content-text` (5) and a post
/// container, markup every board of the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY) && probe.has(&CONTAINER)
}

/// Reads a vBulletin thread page, or `None` when the page has no vBulletin posts.
pub fn read(page: &Page) -> Option<Thread> {
    super::read_posts(ENGINE.name, page, &TITLE, &BODY, &CONTAINER, read_post)
}

fn read_post(page: &Page, base: Option<&str>, p: ElementRef, body: ElementRef) -> Post {
    let lines = p.find_all(&USER_LINES).filter_map(|l| colon_pair(&text_of(l)));
    let items = p.find_all(&USER_ITEMS).filter_map(|li| Some((first_text(li, &LABEL)?, first_text(li, &VALUE)?)));
    let mut author_info =
        label_pairs(p.find_all(&USER_PAIRS).flat_map(|d| dl_pairs(d, &DT, &DD)).chain(lines).chain(items));
    if let Some(title) = first_text(p, &USER_TITLE) {
        author_info.insert("rank".into(), title);
    }
    if let Some(profile) = absolute(base, first_attr(p, &PROFILE, "href").as_deref()) {
        author_info.insert("profile".into(), profile);
    }
    let time = TIME.iter().find_map(|s| p.find_all(s).next());
    let id = p.value().id().map(str::to_string);
    post::build(
        page,
        PostParts {
            author: first_text(p, &AUTHOR),
            author_info,
            time,
            time_text: time.is_none().then(|| first_text(p, &TIME_V3)).flatten(),
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            title: first_text(p, &POST_TITLE),
            permalink: absolute(base, first_attr(p, &PERMALINK, "href").as_deref())
                .or_else(|| id.as_ref().map(|i| format!("#{i}"))),
            anchor: id,
            ..PostParts::default()
        },
    )
}

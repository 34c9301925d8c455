//! YaBB 2 topics (the Perl board's default template and the templates built on it).
//!
//! Each post is a `div.displaycontainer` of tables: the header row `td.catbg` ("Reply #2 - " in bold, then the
//! time, "Mar 14th, 2009 at 10:02pm"), the author block `div.userinfo` (the post's anchor `<a name="2">`, the
//! name linking to `YaBB.pl?action=viewprofile;username=<id>`, the member group and "Posts: 1,204"), then the
//! cell holding the text `div.message`, the edit note ("« Last Edit: …»") and the signature (`div.signature`)
//! below it in their own `div.small`. The thread's subject is the link in the title bar `td.titlebg`.
//!
//! The YaBB 2.1 template (still offered in 2.5 as `yabb21`) puts the author in the post's first table cell
//! (the anchor, the name link, then "Posts: …" in `div.small`) and the time under the subject in the text cell's
//! `div.dividerbot` (`<span class="small"><b>Reply #2 - </b>Mar 14th, …</span>`); the text, the signature
//! and the `div.dividertop` footer with the permalink are as in the default template.
//!
//! A quote is `div.quote`, its author line just before it: `<a class="message">Bob wrote</a> on DATE:<br>`
//! ([`quote_heads`](super::quote_heads)).

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, add_profile, colon_pair, first_attr, label_pairs, text_of};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "yabb", detect, read };

static TITLE: Sel = Sel::new("td.titlebg a[href]");
static BLOCK: Sel = Sel::new("div.displaycontainer");
static BODY: Sel = Sel::new("div.message");
/// The post's footer (permalink, contact buttons), in both templates.
static FOOTER: Sel = Sel::new("div.dividertop");
/// The author's profile link: in the default template's `.userinfo`, in the 2.1 template's first cell (the
/// contact buttons' profile link further down is an image, with no name).
static AUTHOR: Sel = Sel::new(".userinfo a[href*='viewprofile'], a[href*='viewprofile']");
/// In the author's cell: "Posts: 1,204" in bold (default), or a line of its `div.small` (2.1).
static LINES: Sel = Sel::new("b, div.small");
static CELL: Sel = Sel::new("td");
/// Where the time is: the default template's header row, the 2.1 template's line under the subject.
static HEADER: Sel = Sel::new("td.catbg, .dividerbot span.small span.small");
static ANCHOR: Sel = Sel::new("a[name]");
/// The permalink in the post's footer (`div.dividertop`; the quote links in the text point at other posts).
static PERMALINK: Sel = Sel::new(".dividertop a[href*='#']:not([href='#top'])");
static CRUMB: Sel = Sel::new(".nav a, #navlinks a");
static QUOTE: Sel = Sel::new("div.quote");
static QUOTE_HEAD: Sel = Sel::new("a.message, b");

/// Whether the page is this engine's: the post container `div.displaycontainer` around a `div.message` and the
/// post footer `div.dividertop`, markup every YaBB 2 template prints.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BLOCK) && probe.has(&BODY) && probe.has(&FOOTER)
}

/// Reads a YaBB topic, or `None` when the page has no such posts.
pub fn read(page: &Page) -> Option<Thread> {
    let mut thread = super::read_posts(ENGINE.name, page, &TITLE, &BODY, &BLOCK, read_post)?;
    thread.section = super::trail(page, &CRUMB, &thread.title);
    Some(thread)
}

fn read_post(page: &Page, base: Option<&str>, block: ElementRef, body: ElementRef) -> Post {
    let link = block.find_all(&AUTHOR).find(|a| !text_of(*a).is_empty());
    let author = link.map(text_of);
    let cell = link.and_then(|a| a.ancestors().filter_map(ElementRef::wrap).find(|c| CELL.matches(c)));
    let lines = cell
        .into_iter()
        .flat_map(|c| c.find_all(&LINES))
        .flat_map(|e| e.text().map(str::to_string).collect::<Vec<_>>());
    let mut author_info = label_pairs(lines.filter_map(|l| colon_pair(&l)));
    add_profile(&mut author_info, base, link.and_then(|a| a.value().attr("href")));
    let anchor = first_attr(block, &ANCHOR, "name");
    let mut post = post::build(
        page,
        PostParts {
            author,
            author_info,
            time_text: block.find_all(&HEADER).next().and_then(posted_text),
            body: Some(body),
            quote: Some(&QUOTE),
            permalink: absolute(base, first_attr(block, &PERMALINK, "href").as_deref()),
            anchor,
            ..PostParts::default()
        },
    );
    super::quote_heads::name_from_heads(&mut post, body, &QUOTE, &QUOTE_HEAD);
    post
}

/// The header's time: its text after the bold "Reply #2 - " (the first post's header has the time alone).
fn posted_text(header: ElementRef) -> Option<String> {
    let all = text_of(header);
    let bold = header.find_all(&BOLD).next().map(text_of).unwrap_or_default();
    let rest = all.strip_prefix(&bold).unwrap_or(&all).trim().trim_start_matches(['-', '«', '»']).trim();
    let rest = rest.trim_end_matches(['»', '«']).trim();
    Some(rest.to_string()).filter(|r| !r.is_empty())
}

static BOLD: Sel = Sel::new("b");

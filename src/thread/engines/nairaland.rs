//! Nairaland topics (its own Python board software, one layout on every topic page).
//!
//! The posts are the rows of `table[summary=posts]`, two rows a post: a header cell `td.pu` (the subject
//! link `a[href*='#']` to the post's permalink, "by", the author's `a.user` profile link, or the bare word
//! "Nobody" for a guest, and the time in `span.s`), then the body cell `td[id^=pb]` with the text in
//! `div.narrow`, the counters line `p.s` ("23 Likes 3 Shares", the likes in `b[id^=lpt]`) and attached
//! pictures under it. Quotes are `blockquote`s opening with a link to the quoted post (`a[href^='/post/']`)
//! around the quoted member's name.
//!
//! Times are "9:00am On Apr 24", with the year only for posts of an earlier year ("3:21pm On Mar 09, 2023"):
//! a time without one is of the year the page was served, which the footer's "Copyright © 2005 - 2020"
//! ends with; so a post of smileys alone (no words, but a time) is kept. The breadcrumb is the `p.bold` links under the heading, the topic's own link last.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, add_profile, base_url, first_attr, score, text_of};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "nairaland", detect, read };

static BODY: Sel = Sel::new("table[summary=posts] td[id^=pb]");
/// Header and body cells, in document order: each body belongs to the header before it.
static CELLS: Sel = Sel::new("table[summary=posts] td.pu, table[summary=posts] td[id^=pb]");
static USER: Sel = Sel::new("a.user");
static SUBJECT: Sel = Sel::new("a[href*='#']");
static ANCHOR: Sel = Sel::new("a[name]");
static TIME: Sel = Sel::new("span.s");
static LIKES: Sel = Sel::new("b[id^=lpt]");
/// The counters line under the text (`p.s`), and the newer button row with its "Share" menu
/// (`div.button-row`): not part of the post.
static COUNTERS: Sel = Sel::new("p.s, div.button-row");
static QUOTE_AUTHOR: Sel = Sel::new("a[href^='/post/']");
/// The breadcrumb under the board's heading: links in `p.bold`, or (today's markup) schema.org `ListItem`s
/// wrapping them.
static CRUMB: Sel = Sel::new("h2 ~ p.bold > a, h2 ~ p.bold > span[itemprop=itemListElement] > a");
/// The topic's title: the breadcrumb's last item (`<title>` and the `<h2>` add the board and the site).
static TITLE: Sel =
    Sel::new("h2 ~ p.bold > a:last-of-type, h2 ~ p.bold > span[itemprop=itemListElement]:last-of-type [itemprop=name]");
/// The text nodes searched for the footer's copyright line, from the end of the page.
static FOOTER: Sel = Sel::new("b a[href='/'], p, div");

/// The word that introduces the copyright years in the footer.
const COPYRIGHT: &str = "Copyright";
/// How many footer blocks, from the end of the page, are searched for the copyright line.
const FOOTER_BLOCKS: usize = 40;

/// Whether the page is this engine's: a post body cell in `table[summary=posts]`, markup every topic page
/// prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY)
}

/// Reads a Nairaland topic page, or `None` when the page is not one.
pub fn read(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let year = served_year(page);
    let mut header: Option<ElementRef> = None;
    let mut posts = Vec::new();
    for cell in page.find_all(&CELLS) {
        if BODY.matches(&cell) {
            posts.push(read_post(page, base.as_deref(), header.take(), cell, year.as_deref()));
        } else {
            header = Some(cell);
        }
    }
    let mut thread = super::thread(ENGINE.name, page, &TITLE, posts)?;
    thread.section = super::trail(page, &CRUMB, &thread.title);
    Some(thread)
}

fn read_post(
    page: &Page,
    base: Option<&str>,
    header: Option<ElementRef>,
    body: ElementRef,
    year: Option<&str>,
) -> Post {
    let (mut author, mut author_info) = (None, BTreeMap::new());
    if let Some(user) = header.and_then(|h| h.find_all(&USER).next()) {
        author = Some(text_of(user));
        add_profile(&mut author_info, base, user.value().attr("href"));
    } else if let Some(h) = header {
        author = guest_name(&text_of(h));
    }
    let time_text = header.and_then(|h| h.find_all(&TIME).next()).map(text_of).map(|t| with_year(&t, year));
    post::build(
        page,
        PostParts {
            author,
            author_info,
            time_text,
            body: Some(body),
            quote_author: Some(&QUOTE_AUTHOR),
            permalink: absolute(base, header.and_then(|h| first_attr(h, &SUBJECT, "href")).as_deref()),
            anchor: header.and_then(|h| first_attr(h, &ANCHOR, "name")),
            score: body.find_all(&LIKES).next().and_then(|l| text_of(l).split_whitespace().next().and_then(score)),
            exclude: body.find_all(&COUNTERS).map(|e| e.id()).collect(),
            ..PostParts::default()
        },
    )
}

/// The guest's name in a header without a profile link: "Re: Subject by Nobody: 12:19pm On Apr 24".
fn guest_name(header: &str) -> Option<String> {
    let after = header.rsplit_once(" by ")?.1;
    let name = after.split(':').next()?.trim();
    (!name.is_empty() && name.split_whitespace().count() == 1).then(|| name.to_string())
}

/// "9:00am On Apr 24" with the page's year added when the time has none ("3:21pm On Mar 09, 2023" has).
fn with_year(shown: &str, year: Option<&str>) -> String {
    let has_year = shown.split(|c: char| !c.is_ascii_digit()).any(|n| n.len() == 4);
    match year {
        Some(y) if !has_year => format!("{shown}, {y}"),
        _ => shown.to_string(),
    }
}

/// The year the page was served: the last year of the footer's "Copyright © 2005 - 2020".
fn served_year(page: &Page) -> Option<String> {
    let blocks: Vec<ElementRef> = page.find_all(&FOOTER).collect();
    blocks.iter().rev().take(FOOTER_BLOCKS).find_map(|b| {
        let own: String = b.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect();
        let at = own.find(COPYRIGHT)?;
        own[at..].split(|c: char| !c.is_ascii_digit()).rfind(|n| n.len() == 4).map(str::to_string)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_without_a_year_takes_the_pages() {
        assert_eq!(with_year("9:00am On Apr 24", Some("2020")), "9:00am On Apr 24, 2020");
        assert_eq!(with_year("3:21pm On Mar 09, 2023", Some("2026")), "3:21pm On Mar 09, 2023");
        assert_eq!(crate::date::parse("9:00am On Apr 24, 2020").as_deref(), Some("2020-04-24T09:00:00"));
        assert_eq!(crate::date::parse("3:21pm On Mar 09, 2023").as_deref(), Some("2023-03-09T15:21:00"));
    }

    #[test]
    fn a_guest_is_named_after_by() {
        assert_eq!(guest_name("Re: Generator Trips by Nobody: 3:13pm On Jun 02").as_deref(), Some("Nobody"));
        assert_eq!(guest_name("Re: Generator Trips"), None);
    }
}

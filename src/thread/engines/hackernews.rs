//! Hacker News item pages (news.ycombinator.com `item?id=`, and the sites running its Arc code).
//!
//! The submission is the `tr.athing` of `table.fatitem`: the title in `.titleline > a`, and in the next row
//! the `.subline` (older: `.subtext`) with `.score` ("111 points"), `.hnuser` (profile link) and
//! `span.age[title]` (`2007-04-05T00:01:16`, since 2024 followed by the Unix time); a self post's text is
//! `.toptext`. Each comment is a flat `tr.athing.comtr` (its `id` is the item id) whose depth is
//! `td.ind[indent]` (older pages: the width of the spacer `img` in `td.ind`, 40 pixels a level); the byline
//! `.comhead` holds `.hnuser` and `.age` (its link is the permalink), the body is `.commtext` (the "reply" link
//! `.reply` inside older bodies is left out). Hacker News shows no comment scores.
//!
//! On a comment's own page (`item?id=` of a comment) the fatitem holds that comment (`.onstory a` names the
//! story, the thread's title): it is post 1 at depth 0 and the comments below are its replies, from depth 1.
//!
//! The submission is post 1 at depth 0; comments follow with depth 0 for top level. Comments shown only as
//! "[deleted]", "[flagged]" or "[dead]" have no `.commtext` text and are not posts; the "More" link is no row.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{add_profile, base_url, first_attr, first_text, text_of};
use super::{link_post, set_time};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use crate::url;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "hackernews", detect, read };

static TITLE: Sel = Sel::new("table.fatitem .titleline > a, table.fatitem .onstory a");
static FATITEM: Sel = Sel::new("table.fatitem");
static STORY: Sel = Sel::new("tr.athing");
static TITLE_LINK: Sel = Sel::new(".titleline > a");
static STORY_USER: Sel = Sel::new(".subline .hnuser, .subtext .hnuser");
static STORY_AGE: Sel = Sel::new(".subline .age, .subtext .age");
static STORY_SCORE: Sel = Sel::new(".subline .score, .subtext .score");
static TOPTEXT: Sel = Sel::new(".toptext");

static COMMENT: Sel = Sel::new("tr.athing.comtr");
static INDENT: Sel = Sel::new("td.ind");
static SPACER: Sel = Sel::new("td.ind img[width]");
static USER: Sel = Sel::new(".comhead .hnuser");
static AGE: Sel = Sel::new(".comhead .age");
static AGE_LINK: Sel = Sel::new("a[href]");
static BODY: Sel = Sel::new(".commtext");
static REPLY: Sel = Sel::new(".reply");

/// Pixels of spacer per reply level on pages from before `td.ind` carried `indent`.
const SPACER_PX_PER_LEVEL: u32 = 40;

/// Whether the page is this engine's: the item table `table.fatitem` or a comment row `tr.athing.comtr`, markup
/// every board of the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&FATITEM) || probe.has(&COMMENT)
}

/// Reads a Hacker News item page, or `None` when the page is not one.
pub fn read(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let mut posts = Vec::new();
    let fat = page.find_all(&FATITEM).next();
    if let Some(fat) = fat {
        posts.extend(submission(page, base.as_deref(), fat));
    }
    // A comment's own page shows that comment on top (a `tr.athing` in the fatitem, without a title); the
    // rows below are its replies, one level under it.
    let mut shift = 0;
    if posts.is_empty() {
        if let Some(top) = fat.and_then(|f| f.find_all(&STORY).next()).and_then(|r| comment(page, base.as_deref(), r)) {
            posts.push(top);
            shift = 1;
        }
    }
    posts.extend(page.find_all(&COMMENT).filter_map(|c| comment(page, base.as_deref(), c)).map(|mut p| {
        p.depth += shift;
        p
    }));
    super::thread(ENGINE.name, page, &TITLE, posts)
}

fn submission(page: &Page, base: Option<&str>, fat: ElementRef) -> Option<Post> {
    let story = fat.find_all(&STORY).next()?;
    let title_link = story.find_all(&TITLE_LINK).next()?;
    let user = fat.find_all(&STORY_USER).next();
    let age = fat.find_all(&STORY_AGE).next();
    let mut author_info = BTreeMap::new();
    add_profile(&mut author_info, base, user.and_then(|u| u.value().attr("href")));
    let votes = first_text(fat, &STORY_SCORE).and_then(|s| s.split_whitespace().next().and_then(super::score));
    let mut p = post::build(
        page,
        PostParts {
            author: user.map(text_of),
            author_info,
            time: age,
            body: fat.find_all(&TOPTEXT).next(),
            title: Some(text_of(title_link)),
            score: votes,
            permalink: age.and_then(|a| first_attr(a, &AGE_LINK, "href")),
            anchor: story.value().id().map(str::to_string),
            ..PostParts::default()
        },
    );
    set_time(&mut p, age.and_then(|a| exact_time(a.value().attr("title"))));
    if p.text.is_empty() {
        // An "Ask HN" without text links to itself; only an outside link is a link post.
        let href = title_link.value().attr("href").and_then(|h| url::resolve(base, h));
        let own = p.permalink.clone();
        if let Some(href) = href.filter(|h| Some(h) != own.as_ref()) {
            link_post(&mut p, &href);
        }
    }
    Some(p)
}

fn comment(page: &Page, base: Option<&str>, row: ElementRef) -> Option<Post> {
    let body = row.find_all(&BODY).next()?;
    let user = row.find_all(&USER).next();
    let age = row.find_all(&AGE).next();
    let mut author_info = BTreeMap::new();
    add_profile(&mut author_info, base, user.and_then(|u| u.value().attr("href")));
    let mut p = post::build(
        page,
        PostParts {
            author: user.map(text_of),
            author_info,
            time: age,
            body: Some(body),
            depth: depth(row),
            permalink: age.and_then(|a| first_attr(a, &AGE_LINK, "href")),
            anchor: row.value().id().map(str::to_string),
            exclude: body.find_all(&REPLY).map(|r| r.id()).collect(),
            ..PostParts::default()
        },
    );
    set_time(&mut p, age.and_then(|a| exact_time(a.value().attr("title"))));
    let gone = ["[deleted]", "[flagged]", "[dead]"].contains(&p.text.trim());
    (!p.text.trim().is_empty() && !gone).then_some(p)
}

/// `td.ind[indent]`, else the spacer's width in levels.
fn depth(row: ElementRef) -> u32 {
    let indent =
        row.find_all(&INDENT).next().and_then(|i| i.value().attr("indent")).and_then(|n| n.trim().parse().ok());
    indent.unwrap_or_else(|| {
        let px: u32 = row
            .find_all(&SPACER)
            .next()
            .and_then(|i| i.value().attr("width"))
            .and_then(|w| w.parse().ok())
            .unwrap_or(0);
        px / SPACER_PX_PER_LEVEL
    })
}

/// The `.age` title: `2007-04-05T00:01:16`, or since 2024 `2007-04-05T00:01:16 1175714200`. The Unix time is
/// exact (UTC); the ISO part carries no zone.
fn exact_time(title: Option<&str>) -> Option<&str> {
    let title = title?;
    let mut parts = title.split_whitespace();
    let iso = parts.next();
    parts.next().filter(|u| u.bytes().all(|b| b.is_ascii_digit())).or(iso)
}

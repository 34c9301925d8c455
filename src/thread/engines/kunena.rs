//! Kunena (the Joomla forum) topics, in the templates of Kunena 2 and 3 (Blue Eagle and the styles built on it).
//!
//! Each post is a `div.kbody` holding the header `div.kmsg-header` (subject `.kmsgtitle`, the time
//! `span.kmsgdate` whose `title` is the full date, "05 Jun 2019 07:29", while its text says "10 months ago",
//! and the permalink `.kmsg-id-* a[href^="#"]`) and the `table.kmsg`: the profile column `ul.kpost-profile`
//! (the name in `li.kpost-username`, a `kwho-user` / `kwho-moderator` / `kwho-admin` link to the profile, then
//! the rank and `Posts: 4`-style lines, read as the author's details) and the text `div.kmsgtext`. Below the text, the thank-you line
//! (`.kmessage-thankyou`) lists other members' links: they are not the author, which is why the name is taken
//! from the profile column only.

use super::super::page_info::sel;
use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, add_profile, first_attr, first_text, label_pairs, named_link, text_of};
use crate::model::Post;
use crate::parse::Page;
use scraper::{ElementRef, Selector};
use std::sync::LazyLock;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "kunena", detect, read };

static TITLE: LazyLock<Selector> = LazyLock::new(|| sel(".kmsgtitle"));
static BODY: LazyLock<Selector> = LazyLock::new(|| sel(".kmsgtext"));
static BLOCK: LazyLock<Selector> = LazyLock::new(|| sel(".kbody"));
static PROFILE: LazyLock<Selector> = LazyLock::new(|| sel(".kpost-profile"));
static AUTHOR: LazyLock<Selector> = LazyLock::new(|| {
    sel(".kpost-username a, .kpost-profile a.kwho-user, .kpost-profile a.kwho-moderator, .kpost-profile a.kwho-admin")
});
static PROFILE_LINES: LazyLock<Selector> = LazyLock::new(|| sel(".kpost-profile li"));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel(".kmsgdate"));
static PERMALINK: LazyLock<Selector> = LazyLock::new(|| sel("[class^='kmsg-id'] a[href]"));
static QUOTE: LazyLock<Selector> = LazyLock::new(|| sel(".kmsgtext-quote, blockquote"));
static QUOTE_AUTHOR: LazyLock<Selector> = LazyLock::new(|| sel("b, strong"));

/// Whether the page is this engine's: a post text `.kmsgtext` and a profile column `.kpost-profile`, markup every
/// board of the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY) && probe.has(&PROFILE)
}

/// Reads a Kunena topic, or `None` when the page has no Kunena posts.
pub fn read(page: &Page) -> Option<Thread> {
    super::read_posts(ENGINE.name, page, &TITLE, &BODY, &BLOCK, read_post)
}

fn read_post(page: &Page, base: Option<&str>, block: ElementRef, body: ElementRef) -> Post {
    let (author, profile) = named_link(block, &AUTHOR);
    // "Beiträge: 4", "Dank erhalten: 0": the profile column's label/value lines.
    let lines = block.select(&PROFILE_LINES).map(text_of);
    let mut author_info =
        label_pairs(lines.filter_map(|l| l.split_once(':').map(|(k, v)| (k.to_string(), v.to_string()))));
    add_profile(&mut author_info, base, profile.as_deref());
    let permalink = first_attr(block, &PERMALINK, "href");
    let anchor = permalink.as_deref().and_then(|p| p.strip_prefix('#')).map(str::to_string);
    post::build(
        page,
        PostParts {
            author,
            author_info,
            time: block.select(&TIME).next(),
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            title: first_text(block, &TITLE),
            permalink: absolute(base, permalink.as_deref()),
            anchor,
            ..PostParts::default()
        },
    )
}

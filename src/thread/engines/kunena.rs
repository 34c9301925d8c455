//! Kunena (the Joomla forum) topics: Kunena 2 and 3 (Blue Eagle and the styles built on it), and Kunena 4 to 6.
//!
//! Each post is a `div.kbody` holding the header `div.kmsg-header` (subject `.kmsgtitle`, the time
//! `span.kmsgdate` whose `title` is the full date, "05 Jun 2019 07:29", while its text says "10 months ago",
//! and the permalink `.kmsg-id-* a[href^="#"]`) and the `table.kmsg`: the profile column `ul.kpost-profile`
//! (the name in `li.kpost-username`, a `kwho-user` / `kwho-moderator` / `kwho-admin` link to the profile, then
//! the rank and `Posts: 4`-style lines, read as the author's details) and the text `div.kmsgtext`. Below the text, the thank-you line
//! (`.kmessage-thankyou`) lists other members' links: they are not the author, which is why the name is taken
//! from the profile column only.
//!
//! Kunena 4, 5 and 6 (the Crypsis template and Aurelia after it) print each post as `div.message` (a Bootstrap
//! row, `row-fluid message` or `row message`): the profile column `ul.profilebox` (the name in bold, a
//! `kwho-*` link, then an online label and the rank; "Posts: 120" further down, in `.profile-expand`), and the
//! message column with the time `span.kdate` (full date in its `title`) and the `#<id>` permalink in a
//! `small`, then the text `.kmessage .kmsg` (a `p` in Kunena 4, a `div` after), the signature `.ksig` and the
//! edit note outside it. Quotes are `blockquote`s opening with the quoted member's name in bold.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, add_profile, first_attr, first_text, label_pairs, named_link, text_of};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "kunena", detect, read };

static TITLE: Sel = Sel::new(".kmsgtitle, #kunena h1, .kunena h1");
/// The text: Blue Eagle's `.kmsgtext`, Crypsis' and Aurelia's `.kmsg` inside `.kmessage`.
static BODY: Sel = Sel::new(".kmsgtext, .kmessage .kmsg");
static BLOCK: Sel = Sel::new(".kbody, div.message");
static PROFILE: Sel = Sel::new(".kpost-profile, ul.profilebox");
static AUTHOR: Sel = Sel::new(
    ".kpost-username a, .kpost-profile a.kwho-user, .kpost-profile a.kwho-moderator, .kpost-profile a.kwho-admin, \
         .profilebox strong a, .profilebox a.kwho-user, .profilebox a.kwho-moderator, .profilebox a.kwho-admin",
);
static PROFILE_LINES: Sel = Sel::new(".kpost-profile li, .profile-expand li");
/// The time: the date span (its `title` the full date); Crypsis boards whose date span has no class still
/// print it in the `small` above the text.
static TIME: Sel = Sel::new(".kmsgdate, .kdate, .message small span[title]");
static PERMALINK: Sel = Sel::new("[class^='kmsg-id'] a[href], .message small a[href^='#']");
static QUOTE: Sel = Sel::new(".kmsgtext-quote, blockquote");
static QUOTE_AUTHOR: Sel = Sel::new("b, strong");

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
    let lines = block.find_all(&PROFILE_LINES).map(text_of);
    let mut author_info = label_pairs(lines.filter_map(|l| label_line(&l)));
    add_profile(&mut author_info, base, profile.as_deref());
    let permalink = first_attr(block, &PERMALINK, "href");
    let anchor = permalink.as_deref().and_then(|p| p.strip_prefix('#')).map(str::to_string);
    post::build(
        page,
        PostParts {
            author,
            author_info,
            time: block.find_all(&TIME).next(),
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

/// A profile line as a label and its value: "Beiträge: 4", and Crypsis' "Posts: 120" (the label and the count
/// joined with a colon in some languages, with a space in others: "Beiträge 4").
fn label_line(line: &str) -> Option<(String, String)> {
    if let Some((k, v)) = line.split_once(':') {
        return Some((k.to_string(), v.to_string()));
    }
    let (k, v) = line.rsplit_once(' ')?;
    v.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',').then(|| (k.to_string(), v.to_string()))
}

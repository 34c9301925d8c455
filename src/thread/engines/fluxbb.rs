//! FluxBB 1.4/1.5 and PunBB 1.2 topics (the same `viewtopic.php` markup; Arch Linux's forum among them).
//!
//! Every post is `div.blockpost` with `id="p<id>"`. Its `h2` holds the post number (`span.conr`, "#2") and the
//! permalink `a[href*="#p"]` whose text is the time ("2024-08-03 14:22:38", or "Today 14:22:38"). The author
//! column `div.postleft dl` has the name as `dt strong` (a profile link inside when guests may view profiles),
//! the title `dd.usertitle`, and "From: X" / "Registered: 2012-09-03" / "Posts: 1,234" as `dd span` lines. The
//! body is `div.postmsg` in `div.postright` (under the subject `h3`); the signature is `div.postsignature`, also
//! classed `postmsg`, so the body selector leaves it out (the clean stage drops it too). Quotes are
//! `div.quotebox` with `cite` ("X wrote:") before the `blockquote`. The trail is `ul.crumbs` (its last item,
//! `strong a`, the topic).

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, colon_pair, first_attr, first_text, label_pairs, named_link, text_of};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "fluxbb", detect, read };

static TITLE: Sel = Sel::new(".crumbs li strong a, .crumbs li strong");
static CRUMB: Sel = Sel::new(".crumbs li a");
static POST: Sel = Sel::new("div.blockpost[id^=p]");
static BODY: Sel = Sel::new(".postright div.postmsg:not(.postsignature)");
static AUTHOR: Sel = Sel::new(".postleft dt strong");
static PROFILE: Sel = Sel::new(".postleft dt a[href]");
static USER_TITLE: Sel = Sel::new(".postleft dd.usertitle");
static PAIRS: Sel = Sel::new(".postleft dd span");
static TIME: Sel = Sel::new("h2 a[href*='#p'], h2 span a");
static SUBJECT: Sel = Sel::new(".postright h3");
static QUOTE: Sel = Sel::new("div.quotebox");
static QUOTE_AUTHOR: Sel = Sel::new("cite");

/// Whether the page is this engine's: a `.postmsg` body and a `div.blockpost[id^=p]`, markup every board of the
/// engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY) && probe.has(&POST)
}

/// Reads a FluxBB/PunBB topic page, or `None` when the page has no such posts.
pub fn read(page: &Page) -> Option<Thread> {
    let mut thread = super::read_posts(ENGINE.name, page, &TITLE, &BODY, &POST, read_post)?;
    thread.section = super::trail(page, &CRUMB, &thread.title);
    Some(thread)
}

fn read_post(page: &Page, base: Option<&str>, p: ElementRef, body: ElementRef) -> Post {
    let pairs = p.find_all(&PAIRS).map(text_of).filter_map(|l| colon_pair(&l));
    let mut author_info = label_pairs(pairs);
    if let Some(title) = first_text(p, &USER_TITLE) {
        author_info.insert("rank".into(), title);
    }
    if let Some(profile) = absolute(base, first_attr(p, &PROFILE, "href").as_deref()) {
        author_info.insert("profile".into(), profile);
    }
    let (_, permalink) = named_link(p, &TIME);
    post::build(
        page,
        PostParts {
            author: first_text(p, &AUTHOR),
            author_info,
            time: p.find_all(&TIME).next(),
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            title: first_text(p, &SUBJECT),
            permalink: absolute(base, permalink.as_deref()),
            anchor: p.value().id().map(str::to_string),
            ..PostParts::default()
        },
    )
}

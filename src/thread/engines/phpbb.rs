//! phpBB 3 thread pages (prosilver and the styles built on it).
//!
//! Every post is a `div.post` (id `p<number>`, or an anchor `#p<number>` just inside) holding a
//! `dl.postprofile` (author link, rank, `<strong>Posts:</strong> 12`-style pairs) and a `div.postbody` with the
//! subject (`h3 a[href="#p..."]`), the byline `p.author` ("by X » Fri May 08, 2009 2:03 am", or a `<time>` since
//! 3.2) and the body `div.content`. Quotes are `blockquote`s whose `cite` says "X wrote:". Signatures
//! (`div.signature`) are dropped by the clean stage. An attachment is a `dl.file` (or `dl.thumbnail`): the
//! file's name as `dt`, the poster's comment as a `dd` when there is one, and last the board's own `dd`,
//! "(1.35 KiB) Downloaded 458 times".

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{add_profile, first_attr, first_text, label_pairs, named_link, text_of};
use crate::css::{FindAll, Sel};
use crate::parse::Page;
use scraper::ElementRef;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "phpbb", detect, read };

static TITLE: Sel = Sel::new("h2.topic-title, #page-body h2");

static POST: Sel = Sel::new("div.post");
static BODY: Sel = Sel::new(".postbody .content");
static PROFILE: Sel = Sel::new("dl.postprofile");
static AUTHOR: Sel = Sel::new(".postprofile .username, .postprofile .username-coloured, p.author .username, p.author strong a, .postprofile dt a:not(.avatar)");
static DD: Sel = Sel::new("dd");
static STRONG: Sel = Sel::new("strong");
static BYLINE: Sel = Sel::new("p.author");
static TIME: Sel = Sel::new("p.author time, p.author .timestamp, .postbody time");
static SUBJECT: Sel = Sel::new(".postbody h3");
static PERMALINK: Sel = Sel::new(".postbody h3 a[href*='#p'], p.author a[href*='#p'], a[href*='#p']");
static ANCHOR: Sel = Sel::new("[id^=p]");
static QUOTE: Sel = Sel::new("blockquote");
static QUOTE_AUTHOR: Sel = Sel::new("cite");
/// An attachment's box; its last `dd` is the board's size and download count, not the poster's words.
static ATTACHMENT: Sel = Sel::new("dl.file, dl.thumbnail");

/// Whether the page is this engine's: a `div.post` and a `.postbody .content`, markup every board of the engine
/// prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&POST) && probe.has(&BODY)
}

/// Reads a phpBB topic page, or `None` when the page has no phpBB posts.
pub fn read(page: &Page) -> Option<Thread> {
    let posts: Vec<_> = page.find_all(&POST).filter_map(|p| read_post(page, p)).collect();
    super::thread(ENGINE.name, page, &TITLE, posts)
}

fn read_post(page: &Page, p: ElementRef) -> Option<crate::model::Post> {
    let body = p.find_all(&BODY).next()?;
    let profile = p.find_all(&PROFILE).next();
    let mut author_info = profile.map(profile_pairs).unwrap_or_default();
    let (author, profile) = named_link(p, &AUTHOR);
    add_profile(&mut author_info, page.base(), profile.as_deref());
    let time = p.find_all(&TIME).next();
    // Before 3.2 the time is the byline's text after "»".
    let time_text = time.is_none().then(|| first_text(p, &BYLINE)).flatten().map(|b| match b.rsplit_once('»') {
        Some((_, t)) => t.trim().to_string(),
        None => b,
    });
    let anchor = p.value().id().map(str::to_string).or_else(|| first_attr(p, &ANCHOR, "id"));
    Some(post::build(
        page,
        PostParts {
            author,
            author_info,
            time,
            time_text,
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            title: first_text(p, &SUBJECT),
            permalink: first_attr(p, &PERMALINK, "href").or_else(|| anchor.as_ref().map(|a| format!("#{a}"))),
            anchor,
            exclude: attachment_counts(body),
            ..PostParts::default()
        },
    ))
}

/// The last `dd` of each attachment box in a body ([`ATTACHMENT`]): "(1.35 KiB) Downloaded 458 times".
fn attachment_counts(body: ElementRef) -> Vec<ego_tree::NodeId> {
    body.find_all(&ATTACHMENT)
        .filter_map(|dl| dl.children().filter_map(ElementRef::wrap).filter(|c| c.value().name() == "dd").last())
        .map(|dd| dd.id())
        .collect()
}

/// `<dd><strong>Posts:</strong> 12</dd>` pairs; the first `dd` without a label is the rank.
fn profile_pairs(profile: ElementRef) -> std::collections::BTreeMap<String, String> {
    let mut rank = None;
    let pairs: Vec<(String, String)> = profile
        .find_all(&DD)
        .filter_map(|dd| {
            let all = text_of(dd);
            match dd.find_all(&STRONG).next().map(text_of).filter(|l| l.ends_with(':')) {
                Some(label) => Some((label.clone(), all.strip_prefix(&label).unwrap_or(&all).to_string())),
                None => {
                    if rank.is_none() && !all.is_empty() {
                        rank = Some(all);
                    }
                    None
                }
            }
        })
        .collect();
    let mut info = label_pairs(pairs);
    if let Some(r) = rank {
        info.entry("rank".into()).or_insert(r);
    }
    info
}

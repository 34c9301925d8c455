//! JForum 2 topics (the Java board; its default template keeps phpBB 2's table layout).
//!
//! A topic is one `table.forumline` with two cells per post, as in phpBB 2: the author cell (the post's anchor
//! `<a name="<id>">`, the name `span.name` linking to `…/user/profile/<id>.page`, then `span.postdetails` with
//! the rank, "Joined: 03/11/2008 09:14:02", "Messages: 42" and "Location: …") and the message cell (the
//! minipost icon linking to the post, the header `span.postdetails` "Posted: 21/05/2009 10:22:18" and the
//! subject, then the text `div.postbody`). Unlike phpBB 2 the text is a `div`, and the signature is a second
//! `div.postbody` after a `span.gensmall` rule, or a `div.signature`. There are no post containers, so a post is
//! its stretch of the page from one `span.name` to the next ([`scopes`](super::scopes)). Quotes are
//! `blockquote`s that open with `<cite>X wrote:</cite>`; JForum writes dates day first by default.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, add_profile, base_url, label_pairs, text_of, Scope};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use crate::text;
use scraper::ElementRef;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "jforum", detect, read };

static TITLE: Sel = Sel::new("a.maintitle, span.maintitle, h1.maintitle");
static NAME: Sel = Sel::new("span.name");
static BODY: Sel = Sel::new("div.postbody");
static DETAILS: Sel = Sel::new("span.postdetails");
static BR: Sel = Sel::new("br");
static LINK: Sel = Sel::new("a[href]");
static ANCHOR: Sel = Sel::new("a[name]");
static PERMALINK: Sel = Sel::new("a[href*='#']:has(img)");
/// The trail: the navigation line's links (the "back to top" link under each post is a `nav` link too).
static CRUMB: Sel = Sel::new("span.nav a.nav:not([href^='#'])");
static SIGNATURE: Sel = Sel::new(".signature");
static QUOTE: Sel = Sel::new("blockquote, div.quote");
static QUOTE_AUTHOR: Sel = Sel::new("cite, .quote-title");

/// How many elements before the name span the post's anchor may sit (the anchor, then white space only).
const ANCHOR_REACH: usize = 2;

/// Author details JForum names in its own words (its Portuguese and Spanish translations are the most used),
/// under the keys every reader uses.
const LABELS: &[(&str, &str)] = &[
    ("registrado em", "joined"),
    ("registrado", "joined"),
    ("localização", "location"),
    ("ubicación", "location"),
    ("mensajes", "posts"),
];

/// Whether the page is this engine's: the name span `span.name`, the details span `span.postdetails` and the
/// text `div.postbody` (phpBB 2 writes a `span.postbody`; phpBB 3 has no `span.name`).
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY) && probe.has(&NAME) && probe.has(&DETAILS)
}

/// Reads a JForum topic, or `None` when the page has no such posts.
pub fn read(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let posts = super::scopes(page, &NAME).iter().filter_map(|s| read_post(page, base.as_deref(), s)).collect();
    let mut thread = super::thread(ENGINE.name, page, &TITLE, posts)?;
    thread.section = super::trail(page, &CRUMB, &thread.title);
    Some(thread)
}

fn read_post(page: &Page, base: Option<&str>, scope: &Scope) -> Option<Post> {
    let body = scope.find(&BODY)?;
    let author = Some(text_of(scope.start)).filter(|a| !a.is_empty());
    let details: Vec<ElementRef> = scope.all(&DETAILS).collect();
    // The author cell's details come first, the message header's after.
    let mut author_info =
        details.first().map(|d| label_pairs(lines(*d).into_iter().map(own_label))).unwrap_or_default();
    add_profile(&mut author_info, base, scope.start.find_all(&LINK).find_map(|a| a.value().attr("href")));
    let posted = details.iter().skip(1).flat_map(|d| lines(*d)).find(|(k, _)| is_posted_label(k)).map(|(_, v)| v);
    // The post's `<a name="<id>">` sits just before the name span, at the end of the previous stretch.
    let anchor =
        scope.start.prev_siblings().filter_map(ElementRef::wrap).take(ANCHOR_REACH).find(|e| ANCHOR.matches(e));
    let permalink = scope.attr(&PERMALINK, "href");
    Some(post::build(
        page,
        PostParts {
            author,
            author_info,
            time_text: posted,
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            permalink: absolute(base, permalink.as_deref()),
            anchor: anchor.and_then(|a| a.value().attr("name")).map(str::to_string),
            exclude: body.find_all(&SIGNATURE).map(|e| e.id()).collect(),
            ..PostParts::default()
        },
    ))
}

/// A details span's "Label: value" lines (split at its `<br>`s), as pairs.
fn lines(details: ElementRef) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut line = String::new();
    let mut flush = |line: &mut String| {
        if let Some((k, v)) = text::squash(line).split_once(':') {
            out.push((k.trim().to_string(), v.trim().to_string()));
        }
        line.clear();
    };
    for node in details.descendants() {
        if let Some(t) = node.value().as_text() {
            line.push_str(t);
        } else if ElementRef::wrap(node).is_some_and(|e| BR.matches(&e)) {
            flush(&mut line);
        }
    }
    flush(&mut line);
    out
}

/// "Posted", "Postado", "Enviado", "Verfasst": the message header's time label in JForum's languages.
fn is_posted_label(label: &str) -> bool {
    const POSTED: &[&str] = &["posted", "postado", "enviado", "verfasst", "publié", "inviato"];
    let l = label.to_lowercase();
    POSTED.iter().any(|p| l.starts_with(p))
}

/// A details label in JForum's words under the common key ([`LABELS`]); other labels as they are.
fn own_label((label, value): (String, String)) -> (String, String) {
    let lower = label.trim().to_lowercase();
    let key = LABELS.iter().find(|(own, _)| *own == lower).map_or(label, |(_, key)| key.to_string());
    (key, value)
}

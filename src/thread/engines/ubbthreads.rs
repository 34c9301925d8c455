//! UBB.threads 7 topics (the "showflat" view of the default style and the styles built on it).
//!
//! UBB.threads prints each post as table rows with no container of its own: a header cell `td.subjecttable`
//! (the post's anchor `<a name="Post<id>">`, the subject linking to `…/topics/<id>/…#Post<id>`, and on the
//! right the time as `span.date` and `span.time`, "03/14/2019" "10:02 AM"), then the author cell
//! `td.author-content` (the name `span.username` inside the link to `…/users/<id>/<name>`, the user title, and
//! `span.small` lines "Registered: 05/02/11", "Posts: 1,204", "Loc: Ohio") beside the text cell
//! `td.post-content` holding `div.post_inner`, with the signature `div.signature` after it. So a post is its
//! stretch of the page from one header cell to the next ([`scopes`](super::scopes)). Quotes are
//! `div.ubbcode-block` with the head `div.ubbcode-header` ("Originally Posted By: X") above
//! `div.ubbcode-body`.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, add_profile, base_url, colon_pair, label_pairs, text_of, Scope};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "ubbthreads", detect, read };

static HEADER: Sel = Sel::new("td.subjecttable");
static SUBJECT: Sel = Sel::new("td.subjecttable a[href]");
static AUTHOR_CELL: Sel = Sel::new("td.author-content");
static BODY: Sel = Sel::new("div.post_inner");
static NAME: Sel = Sel::new(".username");
static LINK: Sel = Sel::new("a[href]");
static LINES: Sel = Sel::new("span.small");
static DATE: Sel = Sel::new("td.subjecttable .date");
static CLOCK: Sel = Sel::new("td.subjecttable .time");
static ANCHOR: Sel = Sel::new("a[name^='Post'], a[id^='Post']");
static CRUMB: Sel = Sel::new("td.breadcrumbs a");
static QUOTE: Sel = Sel::new("div.ubbcode-block, blockquote");
static QUOTE_AUTHOR: Sel = Sel::new(".ubbcode-header");
/// The signature and the edit note ("Edited by X (03/14/19 10:30 AM)"), when a style puts them in the text.
static NOT_TEXT: Sel = Sel::new(".signature, .edited-by");

/// What the reply subjects repeat before the topic's: cut from the title taken from the first subject.
const REPLY_PREFIX: &str = "Re: ";
/// The author cell's label for the location ("Loc: Ohio"), under the key the other readers use.
const LOCATION_LABEL: &str = "loc";

/// Whether the page is this engine's: the post header cell `td.subjecttable`, the author cell
/// `td.author-content` and the text `div.post_inner`, markup every UBB.threads 7 style prints.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&HEADER) && probe.has(&AUTHOR_CELL) && probe.has(&BODY)
}

/// Reads a UBB.threads topic, or `None` when the page has no such posts.
pub fn read(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let scopes = super::scopes(page, &HEADER);
    let posts = scopes.iter().filter_map(|s| read_post(page, base.as_deref(), s)).collect();
    let mut thread = super::thread(ENGINE.name, page, &SUBJECT, posts)?;
    if let Some(topic) = thread.title.strip_prefix(REPLY_PREFIX) {
        thread.title = topic.to_string();
    }
    thread.section = super::trail(page, &CRUMB, &thread.title);
    Some(thread)
}

fn read_post(page: &Page, base: Option<&str>, scope: &Scope) -> Option<Post> {
    let body = scope.find(&BODY)?;
    let cell = scope.find(&AUTHOR_CELL);
    let name = cell.and_then(|c| c.find_all(&NAME).next());
    let author = name.map(text_of).filter(|n| !n.is_empty());
    let profile = name.and_then(|n| n.ancestors().filter_map(ElementRef::wrap).find(|a| LINK.matches(a)));
    let lines = cell.into_iter().flat_map(|c| c.find_all(&LINES)).map(text_of);
    let mut author_info = label_pairs(lines.filter_map(|l| colon_pair(&l)));
    if let Some(loc) = author_info.remove(LOCATION_LABEL) {
        author_info.insert("location".into(), loc);
    }
    add_profile(&mut author_info, base, profile.and_then(|a| a.value().attr("href")));
    let shown = [scope.text(&DATE), scope.text(&CLOCK)].into_iter().flatten().collect::<Vec<_>>().join(" ");
    let anchor = scope.start.find_all(&ANCHOR).find_map(|a| a.value().attr("name").or(a.value().attr("id")));
    let permalink = scope.start.find_all(&SUBJECT).find_map(|a| a.value().attr("href"));
    let mut post = post::build(
        page,
        PostParts {
            author,
            author_info,
            time_text: Some(shown).filter(|s| !s.is_empty()),
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            title: scope.text(&SUBJECT),
            permalink: absolute(base, permalink),
            anchor: anchor.map(str::to_string),
            exclude: body.find_all(&NOT_TEXT).map(|e| e.id()).collect(),
            ..PostParts::default()
        },
    );
    for q in &mut post.quotes {
        q.author = q.author.as_deref().and_then(super::quote_heads::name_in);
    }
    Some(post)
}

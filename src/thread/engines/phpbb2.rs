//! phpBB 2 topics (subSilver and the many styles built on its templates), still the markup of countless
//! archived boards; phpBB 3 is [`phpbb`](super::phpbb).
//!
//! A phpBB 2 topic is one `table.forumline` with two cells per post: the author cell (`span.name` holding the
//! post's anchor `<a name="<id>">` and the name in bold, then `span.postdetails` with "Joined: … Posts: …") and
//! the message cell (a mini-post icon linking to `viewtopic.php?p=<id>#<id>`, the header `span.postdetails`
//! "Posted: Sun Mar 14, 2004 10:02 am  Post subject: …", and the text `span.postbody`). The profile link is
//! a button (`profile.php?mode=viewprofile&u=<id>`) in the row under the post. There are no post containers, so
//! a post is its stretch of the page from one `span.name` to the next ([`scopes`](super::scopes)).
//!
//! The signature is inside the text span, after a line of underscores (`<br />_________________<br />`): it
//! and everything after it in the span are left out. Quotes are tables with a "X wrote:" row above a
//! `td.quote` cell: the table is the quote, its first row names the author.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, add_profile, base_url, Scope};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use crate::text;
use ego_tree::NodeId;
use scraper::ElementRef;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "phpbb", detect, read };

static TITLE: Sel = Sel::new("a.maintitle, span.maintitle");
static NAME: Sel = Sel::new("span.name");
static BODY: Sel = Sel::new("span.postbody");
static DETAILS: Sel = Sel::new("span.postdetails");
static ANCHOR: Sel = Sel::new("a[name]");
static PROFILE: Sel = Sel::new("a[href*='mode=viewprofile']");
static PERMALINK: Sel = Sel::new("a[href*='viewtopic.php?p=']");
/// The trail: the navigation line's links to the index and the forum ("Back to top" is a `nav` link too).
static CRUMB: Sel = Sel::new("span.nav a.nav[href*='index.php'], span.nav a.nav[href*='viewforum.php']");
/// A quote: the table around the `td.quote` cell, whose first row names the quoted author ("X wrote:"); the
/// cell alone where a style drops the table.
static QUOTE: Sel = Sel::new("table:has(td.quote), td.quote");
/// The quote's head line, "ke7dusty wrote:" in bold (a bare "Quote:" names no one).
static QUOTE_AUTHOR: Sel = Sel::new("span.genmed b, td > b");
/// The "Last edited by X on …; edited 1 time in total" note under the text.
static EDIT_NOTE: Sel = Sel::new("span.gensmall");

/// What phpBB 2 puts between a post and its author's signature: a line of underscores (17 in the templates;
/// any run this long is the separator, no post writes one by chance).
const SIGNATURE_RULE: &str = "__________";

/// Whether the page is this engine's: the text span `span.postbody`, the name span `span.name` and the details
/// span `span.postdetails`, markup every phpBB 2 style prints (phpBB 3's text is a `div.postbody`).
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY) && probe.has(&NAME) && probe.has(&DETAILS)
}

/// Reads a phpBB 2 topic, or `None` when the page has no such posts.
pub fn read(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let posts = super::scopes(page, &NAME).iter().filter_map(|s| read_post(page, base.as_deref(), s)).collect();
    let mut thread = super::thread(ENGINE.name, page, &TITLE, posts)?;
    thread.section = super::trail(page, &CRUMB, &thread.title);
    Some(thread)
}

fn read_post(page: &Page, base: Option<&str>, scope: &Scope) -> Option<Post> {
    let first = scope.find(&BODY)?;
    // A quote closes the text span and opens a new one after its table: the post is the cell holding them.
    let body = first.parent().and_then(ElementRef::wrap).filter(|td| td.value().name() == "td").unwrap_or(first);
    let mut exclude: Vec<NodeId> = body.find_all(&EDIT_NOTE).map(|e| e.id()).collect();
    exclude.extend(body.find_all(&BODY).chain([body]).filter(|s| BODY.matches(s)).flat_map(signature));
    let author = Some(super::text_of(scope.start)).filter(|a| !a.is_empty());
    let mut author_info = Default::default();
    add_profile(&mut author_info, base, scope.attr(&PROFILE, "href").as_deref());
    let anchor = scope.start.find_all(&ANCHOR).find_map(|a| a.value().attr("name")).map(str::to_string);
    Some(post::build(
        page,
        PostParts {
            author,
            author_info,
            time_text: posted_text(scope, first),
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            permalink: absolute(base, scope.attr(&PERMALINK, "href").as_deref()),
            anchor,
            exclude,
            ..PostParts::default()
        },
    ))
}

/// The post's time: the first text of the last details span before the body ("Posted: Sun Mar 14, 2004
/// 10:02 am"; the author cell's details come earlier), without its label.
fn posted_text(scope: &Scope, body: ElementRef) -> Option<String> {
    let before_body = scope.elements.iter().take_while(|e| e.id() != body.id());
    let details = before_body.filter(|e| DETAILS.matches(e)).last()?;
    let first =
        details.children().find_map(|c| c.value().as_text().map(|t| text::squash(t)).filter(|t| !t.is_empty()))?;
    // "Posted: …", "Verfasst am: …": the label is the words before the first colon, when they hold no digit.
    let shown = match first.split_once(": ") {
        Some((label, rest)) if !label.bytes().any(|b| b.is_ascii_digit()) => rest.trim().to_string(),
        _ => first,
    };
    Some(shown)
}

/// The signature's nodes in one text span: the underscore line and every node after it there.
fn signature(body: ElementRef) -> Vec<NodeId> {
    let mut out = Vec::new();
    let mut after_rule = false;
    for child in body.children() {
        after_rule = after_rule || child.value().as_text().is_some_and(|t| t.trim().starts_with(SIGNATURE_RULE));
        if after_rule {
            out.push(child.id());
        }
    }
    out
}

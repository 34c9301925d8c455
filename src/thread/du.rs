//! DemocraticUnderground thread pages.
//!
//! Every DU thread page (the current "DU4" layout) shows the opening post in an `anchor-post` block: a header
//! with the author (`author-display`, linking to `?com=profile`), the post count (`post-count`, "(107,765 posts)")
//! and the time (`time-display`, "Tue Jan 11, 2022, 02:28 PM", in the site's time zone with no offset), the
//! title, then the body (`anchor-post-body`). Replies follow as `reply` blocks with the same header parts, a
//! subject line (`reply-title`) and a body (`reply-body`) that ends with the member's signature (`sig`, dropped
//! by the clean stage). Article excerpts (`[ex]` tags) are `excerpt` blocks inside the body and stay in the text;
//! quotes of other members are `blockquote`s. The breadcrumb ("Latest Discussions » Issue Forums » ...") is a
//! trail of links read by `page_info`.
//!
//! Pages that share the content but not this markup (archives, mirrors, saved copies) go to the generic detector.

use super::post::{self, PostParts};
use super::{Engine, Thread};
use crate::css::{FindAll, Sel};
use crate::parse::Page;
use crate::text;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "democraticunderground", detect, read };

static ANCHOR_POST: Sel = Sel::new(".anchor-post");
static ANCHOR_TITLE: Sel = Sel::new(".anchor-post-title, h1");
static ANCHOR_BODY: Sel = Sel::new(".anchor-post-body");
static REPLY: Sel = Sel::new(".reply");
static REPLY_TITLE: Sel = Sel::new(".reply-title");
static REPLY_BODY: Sel = Sel::new(".reply-body");
static AUTHOR: Sel = Sel::new(".author-display");
static POST_COUNT: Sel = Sel::new(".post-count");
static TIME: Sel = Sel::new(".time-display");
static LINK: Sel = Sel::new("a[href]");
static QUOTE: Sel = Sel::new("blockquote");
static QUOTE_AUTHOR: Sel = Sel::new(".quote-author, cite, b:first-child, strong:first-child");

/// Whether the page is this engine's: the opening post block `.anchor-post`, markup every board of the engine
/// prints and [`read`] needs.
pub fn detect(probe: &super::engines::Probe) -> bool {
    probe.has(&ANCHOR_POST)
}

/// Reads a DU thread page, or `None` when the page has no DU opening post.
pub fn read(page: &Page) -> Option<Thread> {
    let op = page.find_all(&ANCHOR_POST).next()?;
    let op_body = op.find_all(&ANCHOR_BODY).next()?;
    let title = op.find_all(&ANCHOR_TITLE).next().map(|t| text::squash(&t.text().collect::<String>()));
    let mut posts = vec![post::build(
        page,
        PostParts {
            permalink: page.meta.canonical.clone().or_else(|| page.url.clone()),
            anchor: op.value().id().map(str::to_string),
            title: title.clone(),
            body: Some(op_body),
            ..header(op)
        },
    )];
    for reply in page.find_all(&REPLY) {
        let Some(body) = reply.find_all(&REPLY_BODY).next() else { continue };
        let subject = reply.find_all(&REPLY_TITLE).next();
        posts.push(post::build(
            page,
            PostParts {
                title: subject.map(|s| s.text().collect()),
                permalink: subject
                    .and_then(|s| s.find_all(&LINK).next())
                    .and_then(|a| a.value().attr("href"))
                    .map(str::to_string),
                anchor: reply.value().id().map(str::to_string),
                body: Some(body),
                depth: depth_of(reply),
                ..header(reply)
            },
        ));
    }
    Some(Thread { platform: ENGINE.name.into(), title: title.unwrap_or_default(), posts, ..Thread::default() })
}

/// Author, post count and time from a post's header.
fn header(post: ElementRef<'_>) -> PostParts<'_> {
    let mut author_info = BTreeMap::new();
    if let Some(count) = post.find_all(&POST_COUNT).next().and_then(|c| first_number(&c.text().collect::<String>())) {
        author_info.insert("posts".to_string(), count);
    }
    PostParts {
        author: post.find_all(&AUTHOR).next().map(|a| a.text().collect()),
        author_info,
        time: post.find_all(&TIME).next(),
        quote: Some(&QUOTE),
        quote_author: Some(&QUOTE_AUTHOR),
        ..PostParts::default()
    }
}

/// Nesting of a reply inside other replies (DU shows threaded replies as nested `reply` blocks).
fn depth_of(reply: ElementRef) -> u32 {
    reply.ancestors().filter_map(ElementRef::wrap).filter(|a| a.value().classes().any(|c| c == "reply")).count() as u32
}

/// The first number in a text as written: "(107,765 posts)" → "107,765".
fn first_number(s: &str) -> Option<String> {
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let rest = &s[start..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.' || c == '\u{a0}')).unwrap_or(rest.len());
    Some(rest[..end].trim_end_matches([',', '.', '\u{a0}']).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_counts_keep_their_digits_as_shown() {
        assert_eq!(first_number("(107,765 posts)").as_deref(), Some("107,765"));
        assert_eq!(first_number("982 posts").as_deref(), Some("982"));
        assert_eq!(first_number("no posts"), None);
    }

    #[test]
    fn other_pages_are_not_du() {
        let page = crate::parse::parse("<div class=post><p>hello</p></div>", None).expect("page");
        assert!(read(&page).is_none());
    }
}

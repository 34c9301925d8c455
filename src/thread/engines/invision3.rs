//! IP.Board 3 topics (3.0 to 3.4, the default skin and the skins built on it), the Invision version many
//! older boards still run; 4 and 5 are [`invision`](super::invision).
//!
//! Every post is a `div.post_block` (id `post_id_<id>`, with an `a#entry<id>` anchor just inside) holding the
//! header `h3` with the author `span.author.vcard a.url.fn` (guests: a plain `span.author`), the author pane
//! `.author_info` (group `li.group_title`, "123 posts" `li.post_count`, custom fields as `span.ft` /
//! `span.fc` pairs) and the `div.post_body`: the time `abbr.published` whose `title` is the ISO time (text
//! "05 June 2012 - 02:23 PM"), the text `div.post.entry-content` and the signature (dropped by the clean
//! stage). The permalink is the `#entry<id>` link `a[rel=bookmark]` ("#2"). Quotes are
//! `blockquote.ipsBlockquote` with `data-author` (3.4), or a `p.citation` ("X, on 05 June 2012 - 02:23 PM,
//! said:") before a `div.blockquote` (3.0 to 3.3).

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, add_profile, first_attr, first_text, label_pairs, named_link, text_of};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;

/// The reader, for the engine registry: the same platform as 4 and 5, an older skin.
pub const ENGINE: Engine = Engine { name: "invision", detect, read };

static TITLE: Sel = Sel::new("h1.ipsType_pagetitle, .topic_title h1, h1");
static BLOCK: Sel = Sel::new("div.post_block");
static BODY: Sel = Sel::new(".post_body .entry-content, .post_body .post");
static AUTHOR: Sel = Sel::new(".author.vcard a");
/// A guest's name: the author span without a link.
static GUEST: Sel = Sel::new("span.author");
static GROUP: Sel = Sel::new(".author_info .group_title");
static POST_COUNT: Sel = Sel::new(".author_info .post_count");
static FIELDS: Sel = Sel::new(".author_info .custom_fields li");
static FIELD_LABEL: Sel = Sel::new(".ft");
static FIELD_VALUE: Sel = Sel::new(".fc");
static TIME: Sel = Sel::new("abbr.published, .posted_info abbr, .posted_info time");
static PERMALINK: Sel = Sel::new("a[rel='bookmark'][href*='#entry'], .post_id a[href*='#entry'], a[href*='#entry']");
static QUOTE: Sel = Sel::new("blockquote.ipsBlockquote, div.blockquote, blockquote");
static QUOTE_AUTHOR: Sel = Sel::new("p.citation, .citation");
/// The 3.0-3.3 quote's "X, on …, said:" line sits before its quote box, inside the post text.
static NOT_TEXT: Sel = Sel::new("p.citation, .edit");

/// Whether the page is this engine's: a `div.post_block` and a post body inside `.post_body`, markup every
/// IP.Board 3 topic prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BLOCK) && probe.has(&BODY)
}

/// Reads an IP.Board 3 topic, or `None` when the page has no such posts.
pub fn read(page: &Page) -> Option<Thread> {
    super::read_posts(ENGINE.name, page, &TITLE, &BODY, &BLOCK, read_post)
}

fn read_post(page: &Page, base: Option<&str>, block: ElementRef, body: ElementRef) -> Post {
    let (author, profile) = named_link(block, &AUTHOR);
    let author = author.or_else(|| first_text(block, &GUEST));
    let fields =
        block.find_all(&FIELDS).filter_map(|li| Some((first_text(li, &FIELD_LABEL)?, first_text(li, &FIELD_VALUE)?)));
    let mut author_info = label_pairs(fields);
    if let Some(group) = first_text(block, &GROUP) {
        author_info.insert("rank".into(), group);
    }
    // "1,234 posts": the number before the word.
    if let Some(count) =
        block.find_all(&POST_COUNT).map(text_of).find_map(|t| t.split_whitespace().next().map(str::to_string))
    {
        author_info.entry("posts".into()).or_insert(count);
    }
    add_profile(&mut author_info, base, profile.as_deref());
    let anchor = block.value().id().map(str::to_string);
    post::build(
        page,
        PostParts {
            author,
            author_info,
            time: block.find_all(&TIME).next(),
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            permalink: absolute(base, first_attr(block, &PERMALINK, "href").as_deref()),
            anchor,
            exclude: body.find_all(&NOT_TEXT).map(|e| e.id()).collect(),
            ..PostParts::default()
        },
    )
}

//! Discourse topics, as the server renders them for crawlers and readers without JavaScript.
//!
//! Discourse serves the no-JS topic view inside `<noscript data-path>` (kept by the clean stage, parsed here);
//! a page saved from the browser has the rendered view instead (`.topic-post` / `.topic-body` with `.cooked`).
//! The no-JS topic view lists posts as
//! `div.topic-body.crawler-post` (older: `div.post` inside `#post_N`), each with the author in
//! `span.creator [itemprop=name]` (or `.username a`), the time in `time.post-time` / `[itemprop=datePublished]`
//! (`datetime`/`content` attributes), the cooked body in `div.post[itemprop=text]` or `.cooked`, likes in
//! `[itemprop=userInteractionCount]`, and the post number in `span[itemprop=position]`. Quotes are
//! `aside.quote` with `data-username` and a title line naming the quoted author. In the rendered view a post's
//! number is the `data-post-number` of its `.topic-post` (or the `post_N` id of its `<article>`).
//!
//! Discourse Solved names the solution three ways the reader reads: the rendered first post shows it as
//! `aside.quote.accepted-answer[data-post=N]` ("Solved by X in post #N"), the preloaded topic JSON
//! (`#data-preloaded`) holds `accepted_answer.post_number`, and the crawler view's QAPage JSON-LD names the
//! `acceptedAnswer` ([`accepted`](crate::thread::accepted) reads that one for every engine). The post with
//! that number is [`Post::accepted`](crate::model::Post::accepted).

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{add_profile, first_attr, first_text, score};
use crate::css::{FindAll, Sel};
use crate::parse::Page;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "discourse", detect, read };

static TITLE: Sel = Sel::new("#topic-title h1");

static NOSCRIPT: Sel = Sel::new("noscript[data-path]");
static POST: Sel = Sel::new(".crawler-post, .topic-body");
static BODY: Sel = Sel::new("[itemprop=text], .cooked, .post");
static AUTHOR: Sel = Sel::new(".creator [itemprop=name], [itemprop=author] [itemprop=name], .creator a, .username a");
static PROFILE: Sel = Sel::new(".creator a[href], [itemprop=author] a[href], .username a[href]");
static TIME: Sel = Sel::new("time.post-time, [itemprop=datePublished], .post-date [data-time], time");
static LIKES: Sel = Sel::new("[itemprop=userInteractionCount]");
static POSITION: Sel = Sel::new("[itemprop=position]");
static QUOTE: Sel = Sel::new("aside.quote");
static QUOTE_AUTHOR: Sel = Sel::new(".title");
/// The rendered view's post block, holding the post's number.
static NUMBERED: Sel = Sel::new("[data-post-number], article[id^=post_]");
/// Discourse Solved's "Solved by X in post #N" block in the first post.
static SOLVED_QUOTE: Sel = Sel::new("aside.accepted-answer[data-post]");
/// The topic JSON the server preloads for the JavaScript app.
static PRELOADED: Sel = Sel::new("[data-preloaded]");
/// Not part of the post: the meta line repeated under the body, reply counters and "read more" buttons, and
/// a link preview's (`aside.onebox`) body: the linked page's own title and blurb, not the poster's words (the
/// preview's `header.source` link, naming the site, stays).
static NOT_TEXT: Sel = Sel::new(
    ".crawler-post-meta, .post-likes, .post-links-container, aside.onebox .onebox-body, aside.onebox .onebox-metadata",
);

/// Whether the page is this engine's: a post (`.crawler-post`, `.topic-body`) or the crawler view in
/// `noscript[data-path]`, markup every board of the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has_anywhere(&POST) || probe.has(&NOSCRIPT)
}

/// Reads a Discourse topic page, or `None` when the page is not Discourse's.
pub fn read(page: &Page) -> Option<Thread> {
    let mut thread = read_view(page).or_else(|| {
        let noscript = page.find_all(&NOSCRIPT).next()?;
        let doc = page.noscript_document(noscript)?;
        let inner = Page { doc, url: page.url.clone(), meta: page.meta.clone(), noscripts: Vec::new() };
        read_view(&inner)
    })?;
    if let Some(n) = solution_number(page) {
        crate::thread::accepted::mark_address(&mut thread.posts, &n);
    }
    Some(thread)
}

/// The number of the post Discourse Solved accepted: from the first post's solved block, else from the
/// preloaded topic JSON (its values are JSON strings: `"topic_4242": "{...\"accepted_answer\":{...}}"`).
fn solution_number(page: &Page) -> Option<String> {
    let quoted = page.find_all(&SOLVED_QUOTE).find_map(|a| a.value().attr("data-post")).map(str::to_string);
    quoted.filter(|n| n.chars().all(|c| c.is_ascii_digit())).or_else(|| {
        let raw = page.find_all(&PRELOADED).next()?.value().attr("data-preloaded")?;
        // Most topics have no accepted answer: their preloaded data (often larger than the rest of the
        // page) need not be parsed to say so.
        if !may_accept(raw) {
            return None;
        }
        let data = crate::json::from_str(raw)?;
        let number =
            data.as_object()?.values().filter_map(|v| v.as_str()).filter(|v| v.contains("accepted_answer")).find_map(
                |v| {
                    let topic = crate::json::from_str(v)?;
                    topic.get("accepted_answer")?.get("post_number")?.as_u64().map(|n| n.to_string())
                },
            );
        number
    })
}

/// The key the preloaded topic JSON names its accepted answer by.
const ACCEPTED_KEY: &str = "accepted_answer";
/// How a value that names no post starts: `null` (nothing accepted), `false`/`true` (the per-post flags
/// of the same name).
const NO_POST_VALUES: &[char] = &['n', 't', 'f'];

/// The preloaded data may name an accepted answer: it holds the key [`ACCEPTED_KEY`] itself (quoted, so
/// not `has_accepted_answer` or `accepted_answers`) with a value other than `null`, `false` or `true`.
/// Read from the raw text, as parsing the JSON costs more than the rest of the topic's reading.
fn may_accept(raw: &str) -> bool {
    raw.match_indices(ACCEPTED_KEY).any(|(at, key)| {
        let rest = &raw[at + key.len()..];
        // Inside the topic's JSON string the key's closing quote is escaped (`\"`).
        let Some(rest) = rest.strip_prefix("\\\"").or_else(|| rest.strip_prefix('"')) else { return false };
        raw[..at].ends_with('"') && !rest.strip_prefix(':').is_some_and(|v| v.starts_with(NO_POST_VALUES))
    })
}

/// The post's number in the rendered view: its block's `data-post-number`, or `post_N` of its article.
fn rendered_number(p: ElementRef) -> Option<String> {
    let block = p.ancestors().filter_map(ElementRef::wrap).find(|a| NUMBERED.matches(a))?;
    let n = block.value().attr("data-post-number").or_else(|| block.value().id()?.strip_prefix("post_"))?;
    n.chars().all(|c| c.is_ascii_digit()).then(|| n.to_string())
}

/// Reads the posts of one rendering of the topic.
fn read_view(page: &Page) -> Option<Thread> {
    let posts: Vec<_> = page
        .doc
        .find_all(&POST)
        .filter(|p| !p.ancestors().filter_map(ElementRef::wrap).any(|a| POST.matches(&a)))
        .filter_map(|p| read_post(page, p))
        .collect();
    super::thread(ENGINE.name, page, &TITLE, posts)
}

/// A post's address is the topic's (`/t/slug/id`) followed by its number.
fn permalink(page: &Page, position: &str) -> Option<String> {
    let topic = page.meta.canonical.as_deref().or(page.url.as_deref())?;
    let topic = topic.split(['?', '#']).next().unwrap_or(topic).trim_end_matches('/');
    position.chars().all(|c| c.is_ascii_digit()).then(|| format!("{topic}/{position}"))
}

fn read_post(page: &Page, p: ElementRef) -> Option<crate::model::Post> {
    let body = p.find_all(&BODY).find(|b| b.id() != p.id())?;
    let mut author_info = BTreeMap::new();
    add_profile(&mut author_info, page.base(), first_attr(p, &PROFILE, "href").as_deref());
    let likes = p
        .find_all(&LIKES)
        .find_map(|e| e.value().attr("content").and_then(score).or_else(|| score(&super::text_of(e))));
    let position = first_text(p, &POSITION).or_else(|| rendered_number(p));
    Some(post::build(
        page,
        PostParts {
            author: first_text(p, &AUTHOR),
            author_info,
            time: p.find_all(&TIME).next(),
            body: Some(body),
            quote: Some(&QUOTE),
            quote_author: Some(&QUOTE_AUTHOR),
            permalink: position.as_deref().and_then(|n| permalink(page, n)),
            anchor: p.value().id().map(str::to_string).or(position.map(|n| format!("post_{n}"))),
            score: likes,
            exclude: body.find_all(&NOT_TEXT).map(|e| e.id()).collect(),
            ..PostParts::default()
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::may_accept;

    #[test]
    fn only_an_accepted_answer_object_needs_the_preloaded_json_parsed() {
        let named = r#"{"topic_1":"{\"accepted_answer\":{\"post_number\":3},\"has_accepted_answer\":true}"}"#;
        assert!(may_accept(named));
        for none in [
            r#"{"topic_1":"{\"accepted_answer\":null,\"has_accepted_answer\":false}"}"#,
            r#"{"topic_1":"{\"posts\":[{\"accepted_answer\":false,\"topic_accepted_answer\":null}]}"}"#,
            r#"{"site":"{\"accepted_answers\":\"true\"}"}"#,
        ] {
            assert!(!may_accept(none), "{none}");
        }
    }
}

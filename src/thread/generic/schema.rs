//! Posts the page states in schema.org terms. Microdata (`itemscope` items typed `DiscussionForumPosting`,
//! `Comment`, `Answer`, `Question` or `SocialMediaPosting`, with their `author`, `text` and `datePublished`
//! properties; an item's depth is how many items enclose it) is read first, when the page marks its posts up.
//! JSON-LD (`DiscussionForumPosting` and its nested `comment`s) is the last resort, when the markup gives no
//! posts at all.

use super::{LINKS, PLATFORM};
use crate::css::{FindAll, Sel};
use crate::date;
use crate::json::Value;
use crate::model::Post;
use crate::parse::Page;
use crate::text;
use crate::thread::engines::add_profile;
use crate::thread::page_info::ld_items;
use crate::thread::post::{self, PostParts};
use crate::thread::Thread;
use scraper::ElementRef;
use std::collections::BTreeMap;

static MICRODATA_POSTS: Sel = Sel::new(
    "[itemtype*=DiscussionForumPosting], [itemtype*=\"schema.org/Comment\"], [itemtype*=\"schema.org/Answer\"], \
         [itemtype*=\"schema.org/Question\"], [itemtype*=SocialMediaPosting]",
);
static ITEMPROP: Sel = Sel::new("[itemprop]");

/// Posts the page marks up with schema.org microdata.
pub(super) fn microdata(page: &Page) -> Option<Thread> {
    let posts: Vec<Post> = page
        .doc
        .find_all(&MICRODATA_POSTS)
        .filter_map(|item| {
            let prop = |name: &str| own_props(item).into_iter().find(|p| has_prop(p, name));
            let body = prop("text").or_else(|| prop("articleBody")).or_else(|| prop("description"))?;
            let author_el = prop("author");
            let author = author_el.map(|a| {
                a.find_all(&ITEMPROP).find(|n| has_prop(n, "name")).map_or_else(|| a.text().collect(), prop_value)
            });
            // The profile link: around the author's name (`<a href><span itemprop=author>`) or inside it, else
            // the person's own `url` property (`<meta itemprop=url content=...>`).
            let mut author_info = BTreeMap::new();
            let link = author_el.and_then(|a| {
                a.ancestors().filter_map(ElementRef::wrap).take(2).find(|p| p.value().name() == "a").or_else(|| {
                    if a.value().name() == "a" {
                        Some(a)
                    } else {
                        a.find_all(&LINKS).next()
                    }
                })
            });
            let href = link.and_then(|l| l.value().attr("href")).or_else(|| {
                let url = author_el?.find_all(&ITEMPROP).find(|n| has_prop(n, "url"))?;
                url.value().attr("href").or(url.value().attr("content"))
            });
            add_profile(&mut author_info, page.base(), href);
            let time = prop("datePublished").or_else(|| prop("dateCreated"));
            let depth =
                item.ancestors().filter_map(ElementRef::wrap).filter(|a| MICRODATA_POSTS.matches(a)).count() as u32;
            Some(post::build(
                page,
                PostParts {
                    author,
                    author_info,
                    time,
                    body: Some(body),
                    permalink: prop("url")
                        .and_then(|u| u.value().attr("href").or(u.value().attr("content")))
                        .map(str::to_string),
                    anchor: item.value().id().map(str::to_string),
                    depth,
                    ..PostParts::default()
                },
            ))
        })
        .filter(|p| !p.text.is_empty())
        .collect();
    (!posts.is_empty()).then(|| Thread { platform: PLATFORM.into(), posts, ..Thread::default() })
}

/// A text property's value as the microdata model reads it: a `<meta>` element's is its `content` attribute
/// (boards state the author's name as `<meta itemprop="name" content="anna">` beside the visible link), any
/// other element's is its text.
fn prop_value(e: ElementRef) -> String {
    match e.value().name() {
        "meta" => e.value().attr("content").unwrap_or_default().to_string(),
        _ => e.text().collect(),
    }
}

fn has_prop(e: &ElementRef, name: &str) -> bool {
    e.value().attr("itemprop").is_some_and(|v| v.split_whitespace().any(|p| p == name))
}

/// Properties of an item that belong to it, not to an item nested in it.
fn own_props(item: ElementRef) -> Vec<ElementRef> {
    item.find_all(&ITEMPROP)
        .filter(|p| {
            p.ancestors()
                .filter_map(ElementRef::wrap)
                .find(|a| a.value().attr("itemscope").is_some())
                .is_some_and(|scope| scope.id() == item.id())
        })
        .collect()
}

/// Posts from JSON-LD `DiscussionForumPosting` (and its `comment`s), for pages whose markup gives nothing.
pub(super) fn json_ld(page: &Page) -> Option<Thread> {
    let root = page.meta.json_ld.iter().flat_map(ld_items).find(|v| {
        matches!(v.get("@type").and_then(Value::as_str), Some("DiscussionForumPosting" | "SocialMediaPosting"))
    })?;
    let mut posts = Vec::new();
    let mut stack = vec![(root, 0u32)];
    while let Some((v, depth)) = stack.pop() {
        let text = ["text", "articleBody"].iter().find_map(|k| v.get(k).and_then(Value::as_str)).map(text::squash);
        if let Some(text) = text.filter(|t| !t.is_empty()) {
            let published_text = v.get("datePublished").and_then(Value::as_str).map(str::to_string);
            posts.push(Post {
                author: v.get("author").and_then(|a| a.as_str().or_else(|| a.get("name")?.as_str())).map(text::squash),
                published: published_text.as_deref().and_then(date::parse),
                published_text,
                markdown: crate::render::escape::markdown(&text),
                text,
                depth,
                permalink: v.get("url").and_then(Value::as_str).map(str::to_string),
                ..Post::default()
            });
        }
        if let Some(c) = v.get("comment") {
            let comments: Vec<&Value> = match c {
                Value::Array(a) => a.iter().collect(),
                other => vec![other],
            };
            stack.extend(comments.into_iter().rev().map(|c| (c, depth + 1)));
        }
    }
    (!posts.is_empty()).then(|| Thread { platform: PLATFORM.into(), posts, ..Thread::default() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    fn read_html(html: &str) -> Option<Thread> {
        let page = crate::clean::clean(parse(html, Some("https://board.example/t/1")).expect("page"));
        super::super::read(&page)
    }

    #[test]
    fn json_ld_posts_when_markup_gives_none() {
        let html = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org",
            "@type":"DiscussionForumPosting","headline":"T","text":"First post text.","author":{"name":"ann"},
            "datePublished":"2022-01-11T14:28:00+01:00","comment":[{"@type":"Comment","text":"A reply.",
            "author":"bob","datePublished":"2022-01-11T15:00:00+01:00"}]}</script></head><body><p>x</p></body></html>"#;
        let t = read_html(html).expect("posts from JSON-LD");
        assert_eq!(t.posts.len(), 2);
        assert_eq!(t.posts[1].author.as_deref(), Some("bob"));
        assert_eq!(t.posts[1].depth, 1);
        assert_eq!(t.posts[0].published.as_deref(), Some("2022-01-11T14:28:00+01:00"));
    }

    #[test]
    fn microdata_posts() {
        let post = |who: &str, when: &str, text: &str| {
            format!(
                r#"<div itemscope itemtype="https://schema.org/Comment"><span itemprop="author" itemscope
                itemtype="https://schema.org/Person"><span itemprop="name">{who}</span></span>
                <time itemprop="datePublished" datetime="{when}">yesterday</time><div itemprop="text"><p>{text}</p></div></div>"#
            )
        };
        let html = format!(
            "<body>{}{}</body>",
            post("ann", "2022-01-11T14:28:00Z", "Hello there."),
            post("bob", "2022-01-11T15:00:00Z", "Hi back.")
        );
        let t = read_html(&html).expect("microdata posts");
        let got: Vec<_> = t.posts.iter().map(|p| (p.author.as_deref(), p.text.as_str())).collect();
        assert_eq!(got, [(Some("ann"), "Hello there."), (Some("bob"), "Hi back.")]);
        assert_eq!(t.posts[0].published_text.as_deref(), Some("yesterday"));
        assert_eq!(t.posts[0].published.as_deref(), Some("2022-01-11T14:28:00Z"));
    }
}

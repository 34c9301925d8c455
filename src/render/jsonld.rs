//! The JSON-LD export: the thread as schema.org `DiscussionForumPosting`, in the shape Google's
//! discussion-forum structured-data guide describes, so any JSON-LD tool (and a search engine reading a
//! saved copy) knows what it is.
//!
//! The opening post is the `DiscussionForumPosting` (`headline` the thread title, `text`, `url`, `author`
//! as a `Person` with `name` and the profile `url`, `datePublished`); every reply is a `Comment` with the
//! same fields, nested under the post it answers where the board nests replies (`Post::depth`), else under
//! the thread. `interactionStatistic` carries the board's likes or votes (`LikeAction`), `isPartOf` the
//! breadcrumb, innermost section first. A field the page does not give is left out; times only where the
//! page carries a machine-readable one (a shown "1 day ago" is no `datePublished`). URLs only with a web
//! scheme.

use super::escape;
use crate::json::{Map, Value};
use crate::model::{Post, Summary};
use crate::Options;

/// schema.org's `@context`.
const CONTEXT: &str = "https://schema.org";
/// The interaction a board's score counts: likes, upvotes net of downvotes.
const LIKE_ACTION: &str = "https://schema.org/LikeAction";

/// The JSON-LD document, pretty-printed.
pub fn document(s: &Summary, _options: &Options) -> String {
    let value = thread(s);
    escape::json_owned(crate::json::to_pretty(&value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}")))
}

/// The thread as a `DiscussionForumPosting` value.
pub fn thread(s: &Summary) -> Value {
    let mut root = Map::new();
    root.insert("@context".into(), Value::from(CONTEXT));
    root.insert("@type".into(), Value::from("DiscussionForumPosting"));
    let page = web(s.canonical.as_deref()).or_else(|| web(s.url.as_deref()));
    if let Some(url) = &page {
        root.insert("mainEntityOfPage".into(), Value::from(url));
    }
    root.insert("headline".into(), Value::from(s.title.trim()));
    if let Some(lang) = s.language.as_deref().filter(|l| !l.trim().is_empty()) {
        root.insert("inLanguage".into(), Value::from(lang.trim()));
    }
    if let Some(part) = is_part_of(&s.section) {
        root.insert("isPartOf".into(), part);
    }
    let mut comments: Vec<Value> = Vec::new();
    if let Some(first) = s.posts.first() {
        post_fields(&mut root, first);
        if !root.contains_key("url") {
            if let Some(url) = &page {
                root.insert("url".into(), Value::from(url));
            }
        }
        comments = nest(&s.posts[1..]);
    }
    root.insert("commentCount".into(), Value::from(s.posts.len().saturating_sub(1)));
    if !comments.is_empty() {
        root.insert("comment".into(), Value::Array(comments));
    }
    Value::Object(root)
}

/// `isPartOf` for the breadcrumb: the innermost section, part of the next one out, and so on.
fn is_part_of(section: &[String]) -> Option<Value> {
    section.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).fold(None, |outer, name| {
        let mut v = Map::new();
        v.insert("@type".into(), Value::from("CreativeWork"));
        v.insert("name".into(), Value::from(name));
        if let Some(o) = outer {
            v.insert("isPartOf".into(), o);
        }
        Some(Value::Object(v))
    })
}

/// The replies as nested `Comment`s: a reply one level deeper than the one before it answers that one.
fn nest(replies: &[Post]) -> Vec<Value> {
    // Each open level: its comment and the comments under it so far.
    let mut stack: Vec<(u32, Map, Vec<Value>)> = Vec::new();
    let mut top: Vec<Value> = Vec::new();
    let close = |stack: &mut Vec<(u32, Map, Vec<Value>)>, top: &mut Vec<Value>| {
        if let Some((_, mut c, children)) = stack.pop() {
            if !children.is_empty() {
                c.insert("comment".into(), Value::Array(children));
            }
            match stack.last_mut() {
                Some((_, _, siblings)) => siblings.push(Value::Object(c)),
                None => top.push(Value::Object(c)),
            }
        }
    };
    for p in replies {
        while stack.last().is_some_and(|(d, _, _)| *d >= p.depth) {
            close(&mut stack, &mut top);
        }
        let mut c = Map::new();
        c.insert("@type".into(), Value::from("Comment"));
        post_fields(&mut c, p);
        stack.push((p.depth, c, Vec::new()));
    }
    while !stack.is_empty() {
        close(&mut stack, &mut top);
    }
    top
}

/// The fields the page gives of a post: author, time, text, url, likes.
fn post_fields(v: &mut Map, p: &Post) {
    if let Some(name) = p.author.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        let mut person = Map::new();
        person.insert("@type".into(), Value::from("Person"));
        person.insert("name".into(), Value::from(name));
        if let Some(url) = web(p.author_info.get("profile").map(String::as_str)) {
            person.insert("url".into(), Value::from(url));
        }
        v.insert("author".into(), Value::Object(person));
    }
    if let Some(t) = p.published.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        v.insert("datePublished".into(), Value::from(t));
    }
    v.insert("text".into(), Value::from(p.text.trim()));
    if let Some(url) = web(p.permalink.as_deref()) {
        v.insert("url".into(), Value::from(url));
    }
    if let Some(score) = p.score {
        v.insert("interactionStatistic".into(), Value::Object(counter(score)));
    }
}

/// An `InteractionCounter` of `score` likes.
fn counter(score: i64) -> Map {
    let mut c = Map::new();
    c.insert("@type".into(), Value::from("InteractionCounter"));
    c.insert("interactionType".into(), Value::from(LIKE_ACTION));
    c.insert("userInteractionCount".into(), Value::from(score));
    c
}

/// The URL, trimmed, when it is a web (or mail) link.
fn web(url: Option<&str>) -> Option<String> {
    url.map(str::trim).filter(|u| escape::is_web_url(u)).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_replies_become_nested_comments() {
        let post = |author: &str, depth| Post { author: Some(author.into()), depth, ..Post::default() };
        let s = Summary {
            title: "T".into(),
            section: vec!["Forum".into(), "Kettles".into()],
            posts: vec![post("op", 0), post("a", 0), post("b", 1), post("c", 2), post("d", 1), post("e", 0)],
            ..Summary::default()
        };
        let v = thread(&s);
        let names = |c: &Value| c["author"]["name"].as_str().unwrap_or("").to_string();
        let top: Vec<String> = v["comment"].as_array().into_iter().flatten().map(names).collect();
        assert_eq!(top, ["a", "e"]);
        let under_a: Vec<String> = v["comment"][0]["comment"].as_array().into_iter().flatten().map(names).collect();
        assert_eq!(under_a, ["b", "d"]);
        assert_eq!(names(&v["comment"][0]["comment"][0]["comment"][0]), "c");
        assert_eq!(v["isPartOf"]["name"].as_str(), Some("Kettles"));
        assert_eq!(v["isPartOf"]["isPartOf"]["name"].as_str(), Some("Forum"));
        assert_eq!(v["commentCount"].as_u64(), Some(5));
    }
}

//! The accepted answer as schema.org says it, for every reader: a page whose JSON-LD is a `QAPage` (or a
//! `Question`) names its `acceptedAnswer`, by `url` (Discourse Solved: `/t/slug/id/N`; XenForo and others:
//! `.../post-123`, `#post-123`) or by its `text`. The post with that address, else the one whose text holds
//! the answer's opening words, is marked [`Post::accepted`]. Readers that see the board's own marker (Stack
//! Exchange's `.accepted-answer`, XenForo's `.message--solution`, Invision's `ipsComment_solved`, Discourse
//! Solved's `.accepted-answer`, Khoros' `lia-accepted-solution`) mark it themselves; this adds what the structured data says. A reader that
//! finds only a pointer to the solution (XenForo's solution block linking `#post-123`, Discourse's
//! `aside.accepted-answer[data-post=5]` in the first post) marks the post at that address with
//! [`mark_address`]; Khoros' "Go to Solution" link names the message id, which the reader matches itself.

use crate::json::Value;
use crate::model::Post;
use crate::parse::Page;

/// The answer's text is matched on this many opening characters (the JSON-LD text is often cut with "…").
const TEXT_PREFIX_CHARS: usize = 60;
/// Shorter answer texts are not matched by text: too likely to occur in another post.
const MIN_TEXT_CHARS: usize = 20;

/// Marks the posts the page's structured data names as accepted answers. Never the first post.
pub fn mark(page: &Page, posts: &mut [Post]) {
    let answers: Vec<&Value> = page.meta.json_ld.iter().flat_map(accepted_in).collect();
    for a in answers {
        let by_url = a.get("url").and_then(Value::as_str).and_then(|u| at_address(posts, u));
        let by_text = || {
            let text = a.get("text").and_then(Value::as_str)?;
            let prefix: String = crate::text::squash(text).chars().take(TEXT_PREFIX_CHARS).collect();
            let prefix = prefix.trim_end_matches('…').trim();
            if prefix.chars().count() < MIN_TEXT_CHARS {
                return None;
            }
            (1..posts.len()).find(|&i| crate::text::squash(&posts[i].text).contains(prefix))
        };
        if let Some(i) = by_url.or_else(by_text) {
            posts[i].accepted = true;
        }
    }
}

/// Marks the post (never the first) whose permalink or anchor ends like `address` (`#post-123`,
/// `/t/slug/9/5`, `5`); returns whether one was found.
pub fn mark_address(posts: &mut [Post], address: &str) -> bool {
    match at_address(posts, address) {
        Some(i) => {
            posts[i].accepted = true;
            true
        }
        None => false,
    }
}

/// The reply at `address`: its last part compared with each post's permalink and anchor (themes prefix
/// anchors: XenForo's `js-post-123` is `#post-123`).
fn at_address(posts: &[Post], address: &str) -> Option<usize> {
    let key = last_part(address)?;
    (1..posts.len()).find(|&i| {
        [posts[i].permalink.as_deref(), posts[i].anchor.as_deref()]
            .iter()
            .flatten()
            .any(|p| last_part(p).is_some_and(|own| own == key || own.strip_prefix("js-") == Some(key.as_str())))
    })
}

/// The `acceptedAnswer` objects of a JSON-LD item: on the item, on its `mainEntity`, or in its `@graph`.
fn accepted_in(v: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => {
                match map.get("acceptedAnswer") {
                    Some(Value::Array(a)) => out.extend(a),
                    Some(a @ Value::Object(_)) => out.push(a),
                    _ => {}
                }
                stack.extend(["mainEntity", "@graph"].iter().filter_map(|k| map.get(k)));
            }
            _ => {}
        }
    }
    out
}

/// What tells one post's address from another's: the fragment (`#post-123`), else the last path part
/// (`/4242/2`, `/post-123`).
fn last_part(url: &str) -> Option<String> {
    if let Some((_, fragment)) = url.split_once('#') {
        return Some(fragment.to_string()).filter(|f| !f.is_empty());
    }
    let path = url.split('?').next().unwrap_or(url).trim_end_matches('/');
    path.rsplit('/').next().filter(|p| !p.is_empty()).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_with(ld: &str) -> Page {
        let html =
            format!(r#"<html><head><script type="application/ld+json">{ld}</script></head><body></body></html>"#);
        crate::parse::parse(&html, Some("https://b.example/t/x/9")).unwrap_or_else(|_| panic!("parse"))
    }

    fn posts() -> Vec<Post> {
        (1..=3)
            .map(|n| Post {
                text: format!("Post number {n} says something long enough to be matched by its words."),
                permalink: Some(format!("https://b.example/t/x/9/{n}")),
                anchor: Some(format!("post-{n}0")),
                ..Post::default()
            })
            .collect()
    }

    #[test]
    fn marks_by_url_fragment_or_text() {
        let mut p = posts();
        mark(
            &page_with(r#"{"@type":"QAPage","mainEntity":{"acceptedAnswer":{"url":"https://b.example/t/x/9/2"}}}"#),
            &mut p,
        );
        assert_eq!(p.iter().map(|p| p.accepted).collect::<Vec<_>>(), [false, true, false]);
        let mut p = posts();
        mark(
            &page_with(
                r#"{"@graph":[{"@type":"Question","acceptedAnswer":{"url":"https://b.example/t/x/9#post-30"}}]}"#,
            ),
            &mut p,
        );
        assert!(p[2].accepted && !p[1].accepted);
        let mut p = posts();
        mark(
            &page_with(
                r#"{"@type":"QAPage","mainEntity":{"acceptedAnswer":{"text":"Post number 2 says something long enough…"}}}"#,
            ),
            &mut p,
        );
        assert!(p[1].accepted && !p[0].accepted && !p[2].accepted);
        // The first post is the question, never its own answer; pages without the data mark nothing.
        let mut p = posts();
        mark(
            &page_with(r#"{"@type":"QAPage","mainEntity":{"acceptedAnswer":{"url":"https://b.example/t/x/9/1"}}}"#),
            &mut p,
        );
        assert!(p.iter().all(|p| !p.accepted));
        mark(&page_with("{}"), &mut p);
        assert!(p.iter().all(|p| !p.accepted));
    }

    #[test]
    fn marks_the_post_at_an_address() {
        let mut p = posts();
        p[2].anchor = Some("js-post-30".into());
        assert!(mark_address(&mut p, "#post-30") && p[2].accepted && !p[1].accepted);
        let mut p = posts();
        assert!(mark_address(&mut p, "2") && p[1].accepted);
        // No post there, or the first post: nothing is marked.
        let mut p = posts();
        assert!(!mark_address(&mut p, "#post-99") && !mark_address(&mut p, "1"));
        assert!(p.iter().all(|p| !p.accepted));
    }
}

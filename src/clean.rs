//! Stage 2: drop what no reader sees or wants: scripts, styles, hidden elements, ads, signatures, share
//! bars, cookie banners and sign-up pitches.
//!
//! Removal keys on element names, the `hidden` attribute and whole class/id *tokens* (split on `-`, `_`
//! and case changes are not split), never on substrings: `ad` matches `class="ad"` and `ad-slot` but not
//! `thread` or `header`.

use crate::parse::Page;
use ego_tree::NodeId;
use scraper::Node;
use std::collections::HashMap;

/// Elements that never hold text a reader sees.
const INVISIBLE_TAGS: &[&str] =
    &["script", "style", "noscript", "template", "iframe", "object", "embed", "link", "meta"];

/// Class/id tokens of advertising slots. Why each: `ad`/`ads`/`advert*` are the universal names,
/// `adsbygoogle`/`dfp`/`gpt` the ad servers' own, `sponsor*`/`promoted` the "sponsored" blocks styled like posts.
const AD_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adsbygoogle",
    "adslot",
    "adunit",
    "adbox",
    "adsense",
    "dfp",
    "gpt",
    "sponsor",
    "sponsored",
    "sponsors",
    "promoted",
    "outbrain",
    "taboola",
];

/// Class/id tokens of signatures under posts (phpBB `signature`, vBulletin `signaturecontainer`, SMF `signature`,
/// XenForo `message-signature`, DU `sig`).
const SIGNATURE_TOKENS: &[&str] = &["signature", "signaturecontainer", "sig", "postsig", "usersig"];

/// Class/id tokens of page furniture that sits inside or between posts: share bars, cookie and consent banners,
/// sign-up pitches.
const FURNITURE_TOKENS: &[&str] = &[
    "share",
    "sharing",
    "sharebar",
    "social",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "signup",
    "register",
    "paywall",
];

/// Elements that are never removed by a class/id match, however they are named: removing them would remove
/// the page.
const NEVER_REMOVED: &[&str] = &["html", "body", "main", "article"];

/// Removes invisible and boilerplate elements from the page in place and returns it.
pub fn clean(mut page: Page) -> Page {
    let text = text_lengths(&page.doc.tree);
    let page_text = text.get(&page.doc.tree.root().id()).copied().unwrap_or(0);
    let limit = (page_text as f64 * MAX_REMOVED_SHARE) as usize;
    let holds_the_page = |id: NodeId| text.get(&id).is_some_and(|&len| len > limit);
    let doomed: Vec<NodeId> = page
        .doc
        .tree
        .nodes()
        .filter(|n| match n.value() {
            Node::Comment(_) | Node::ProcessingInstruction(_) => true,
            Node::Element(e) if is_never_text(e) => true,
            Node::Element(e) => (is_hidden(e) || is_boilerplate(e)) && !holds_the_page(n.id()),
            _ => false,
        })
        .map(|n| n.id())
        .collect();
    for id in doomed {
        if let Some(mut node) = page.doc.tree.get_mut(id) {
            node.detach();
        }
    }
    page
}

/// Share of the page's text above which an element is never removed for its attributes. No ad, share bar or
/// hidden menu holds a quarter of a page; an element that does is a parse artifact: a `<div class="share"/>`
/// or `<i class="fa" aria-hidden="true"/>` written XHTML-style (saved pages) is an open element the parser (a
/// browser's too) wraps around everything after it, often the whole thread.
const MAX_REMOVED_SHARE: f64 = 0.25;

/// Non-blank text length under every node, outside scripts and styles, in one pass over the tree.
fn text_lengths(tree: &ego_tree::Tree<Node>) -> HashMap<NodeId, usize> {
    let order: Vec<ego_tree::NodeRef<Node>> = tree.root().descendants().collect();
    let mut len: HashMap<NodeId, usize> = HashMap::with_capacity(order.len());
    for n in order.iter().rev() {
        let own = match n.value() {
            Node::Text(t) => t.trim().len(),
            Node::Element(e) if INVISIBLE_TAGS.contains(&e.name()) => {
                len.insert(n.id(), 0);
                continue;
            }
            _ => 0,
        };
        let total = own + n.children().map(|c| len.get(&c.id()).copied().unwrap_or(0)).sum::<usize>();
        len.insert(n.id(), total);
    }
    len
}

/// Elements whose content is never text a reader sees (scripts, styles, ...).
fn is_never_text(e: &scraper::node::Element) -> bool {
    // Discourse serves its topic to readers without JavaScript in `<noscript data-path>`; the page's posts are
    // there (as markup the Discourse reader parses), so that one is kept.
    if e.name() == "noscript" && e.attr("data-path").is_some() {
        return false;
    }
    INVISIBLE_TAGS.contains(&e.name())
}

/// Elements the page hides: `hidden`, `aria-hidden`, `display: none`.
fn is_hidden(e: &scraper::node::Element) -> bool {
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    e.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

fn is_boilerplate(e: &scraper::node::Element) -> bool {
    if NEVER_REMOVED.contains(&e.name()) {
        return false;
    }
    let names = e.attr("class").into_iter().chain(e.attr("id"));
    names.flat_map(tokens).any(|t| {
        AD_TOKENS.contains(&t.as_str())
            || SIGNATURE_TOKENS.contains(&t.as_str())
            || FURNITURE_TOKENS.contains(&t.as_str())
    })
}

/// `"post-signature adsbygoogle"` → `["post", "signature", "adsbygoogle"]`, lowercased.
fn tokens(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_ascii_alphanumeric()).filter(|t| !t.is_empty()).map(|t| t.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    #[test]
    fn removes_ads_signatures_and_hidden_but_keeps_posts() {
        let page = parse(
            r#"<body class="ads-enabled"><div class="thread"><div class="post">Body text
            <div class="signature">my sig</div></div><div class="ad-slot">Buy now</div>
            <div style="display: none">hidden</div><script>evil()</script><div class="header">Head</div></div></body>"#,
            None,
        )
        .expect("page");
        let text = crate::text::text_of(clean(page).doc.tree.root());
        assert!(text.contains("Body text") && text.contains("Head"), "{text}");
        for gone in ["my sig", "Buy now", "hidden", "evil"] {
            assert!(!text.contains(gone), "{gone} left in {text}");
        }
    }
}

//! Stage 2: drop what no reader sees or wants: scripts, styles, hidden elements, ads, signatures, share
//! bars, cookie banners and sign-up pitches.
//!
//! Removal keys on element names, the `hidden` attribute and whole class/id *tokens* (split on `-`, `_`
//! and case changes are not split), never on substrings: `ad` matches `class="ad"` and `ad-slot` but not
//! `thread` or `header`.

mod actions;
mod forms;

use crate::hash::FastSet;
use crate::parse::Page;
use crate::thread::structure::{attr, Measures};
use ego_tree::NodeId;
use scraper::Node;

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
];

/// What the `onclick` handler of a share button calls: an item of a share menu (`<li
/// onclick="socialShare(this, 'telegram', …)">Telegram</li>`, `shareOnFacebook()`) is furniture however
/// it is named, and its network's name is no entity of the thread (compared lowercased).
const SHARE_HANDLER: &str = "share";

/// Most text (non-space characters) an element removed for its class or id may hold, unless it is mostly links.
/// Ads, share bars, banners and signatures are short; an element named `paywall` or `promo` that holds the
/// article is the article.
const MAX_BOILERPLATE_TEXT: usize = 1000;
/// Share of link text above which a long element still counts as furniture (a footer full of links).
const FURNITURE_LINK_DENSITY: f64 = 0.5;
/// Share of the page's text an element may hold and still be removed for its name: an unclosed
/// `<i class="fa-share">` icon swallows the rest of the page in the parsed tree (as it does in browsers).
const MAX_BOILERPLATE_SHARE: f64 = 0.3;

/// Class/id tokens of consent dialogs (the CMPs most sites embed: OneTrust, Cookiebot, Quantcast, Didomi,
/// Usercentrics, and generic `consent` names). Their legal text is long, longer than
/// [`MAX_BOILERPLATE_TEXT`], and on a short thread page it can be most of the page's text (a 10-post page
/// whose OneTrust preference centre holds two thirds of the words): such a dialog is removed whatever its
/// length, unless it holds nearly all of the page (an unclosed element swallowing the rest).
const CONSENT_TOKENS: &[&str] = &["consent", "onetrust", "cookiebot", "qc", "didomi", "usercentrics", "cmp"];
/// Share of the page's text a consent dialog may hold and still be removed.
const MAX_CONSENT_SHARE: f64 = 0.9;

/// Elements that are never removed by a class/id match, however they are named: removing them would remove
/// the page.
const NEVER_REMOVED: &[&str] = &["html", "body", "main", "article"];

/// What the clean stage removed, for `threadcard --explain`: for each reason (`<script>`, `class/id
/// "signature"`, `aria-hidden`, ...), how many elements went and how many characters of text they held
/// (counted once, at the outermost removed element).
#[derive(Debug, Default, Clone)]
pub struct Removed {
    pub by_reason: std::collections::BTreeMap<String, (usize, usize)>,
}

/// Removes invisible and boilerplate elements from the page in place and returns it.
pub fn clean(page: Page) -> Page {
    clean_noting(page, None)
}

/// [`clean`], noting in `removed` (when given) what went and why.
pub fn clean_noting(mut page: Page, removed: Option<&mut Removed>) -> Page {
    let m = Measures::of(page.doc.tree.root());
    // The root element's text: the tree's root is the document node, which the measures do not count.
    let page_text = m.text(page.doc.root_element().id()) as f64;
    let short_or_links = |id: NodeId| {
        let s = m.size(id);
        let furniture_sized = s.text <= MAX_BOILERPLATE_TEXT
            || (s.link as f64 > FURNITURE_LINK_DENSITY * s.text as f64 && s.text <= 5 * MAX_BOILERPLATE_TEXT);
        let holds_the_page = s.text > MAX_BOILERPLATE_TEXT / 5 && s.text as f64 > MAX_BOILERPLATE_SHARE * page_text;
        furniture_sized && !holds_the_page
    };
    let doomed: Vec<(NodeId, String)> = page
        .doc
        .tree
        .nodes()
        .filter_map(|n| {
            let why = match n.value() {
                Node::Comment(_) | Node::ProcessingInstruction(_) => Some("comment".to_string()),
                Node::Element(e) => invisible_reason(e)
                    // aria-hidden hides from screen readers only: icons and decoration, unless it holds the page.
                    .or_else(|| {
                        (attr(e, "aria-hidden") == Some("true") && short_or_links(n.id())).then(|| ARIA_HIDDEN.into())
                    })
                    .or_else(|| {
                        boilerplate_token(e)
                            .filter(|_| short_or_links(n.id()) && !is_author_card(n) && !holds_headline(n))
                            .map(|t| format!("class/id \"{t}\""))
                    })
                    .or_else(|| (share_handler(e) && short_or_links(n.id())).then(|| "a share button's handler".into()))
                    .or_else(|| actions::is_action_bar(n, &m).then(|| "a post's action bar".into()))
                    .or_else(|| (short_or_links(n.id()) && forms::is_form_box(n, &m)).then(|| "a form box".into()))
                    .or_else(|| forms::is_collapsed(n).then(|| "a collapsed comment".into()))
                    .or_else(|| {
                        consent_token(e)
                            .filter(|_| (m.text(n.id()) as f64) < MAX_CONSENT_SHARE * page_text)
                            .map(|t| format!("consent dialog \"{t}\""))
                    }),
                _ => None,
            };
            why.map(|w| (n.id(), w))
        })
        .collect();
    if let Some(removed) = removed {
        note(&page, &m, &doomed, removed);
    }
    for (id, why) in doomed {
        if why == ARIA_HIDDEN {
            keep_gap(&mut page, id);
        }
        if let Some(mut node) = page.doc.tree.get_mut(id) {
            node.detach();
        }
    }
    page
}

/// Why an icon hidden from screen readers goes (`aria-hidden="true"`); [`keep_gap`] reads it.
const ARIA_HIDDEN: &str = "aria-hidden";

/// Before a visible icon between two texts goes (`7/9/05<i class="fa-at" aria-hidden="true"></i>7:57 PM`), the
/// gap it showed becomes a space, so the texts do not run together ("7/9/057:57 PM").
fn keep_gap(page: &mut Page, id: NodeId) {
    let Some(node) = page.doc.tree.get(id) else { return };
    let (Some((prev, before)), Some((_, after))) = (text_node(node.prev_sibling()), text_node(node.next_sibling()))
    else {
        return;
    };
    let glued = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    if glued(before.chars().next_back()) && glued(after.chars().next()) {
        if let Some(Node::Text(t)) = page.doc.tree.get_mut(prev).as_mut().map(|n| n.value()) {
            t.text.push_char(' ');
        }
    }
}

/// A text node's id and text.
fn text_node(n: Option<ego_tree::NodeRef<'_, Node>>) -> Option<(NodeId, &str)> {
    let n = n?;
    Some((n.id(), &**n.value().as_text()?))
}

/// Counts what goes, by reason; text is counted at the outermost removed element only.
fn note(page: &Page, m: &Measures, doomed: &[(NodeId, String)], removed: &mut Removed) {
    let ids: FastSet<NodeId> = doomed.iter().map(|(id, _)| *id).collect();
    for (id, why) in doomed {
        let inner = page.doc.tree.get(*id).is_some_and(|n| n.ancestors().any(|a| ids.contains(&a.id())));
        let entry = removed.by_reason.entry(why.clone()).or_default();
        entry.0 += 1;
        if !inner {
            entry.1 += m.text(*id);
        }
    }
}

/// Why an element is invisible (`<script>`, `hidden`, `display:none`), or `None` when it is not.
fn invisible_reason(e: &scraper::node::Element) -> Option<String> {
    if !is_invisible(e) {
        return None;
    }
    Some(if INVISIBLE_TAGS.contains(&e.name()) {
        format!("<{}>", e.name())
    } else if attr(e, "hidden").is_some() {
        "hidden attribute".to_string()
    } else {
        "display:none / visibility:hidden".to_string()
    })
}

fn is_invisible(e: &scraper::node::Element) -> bool {
    // Discourse serves its topic to readers without JavaScript in `<noscript data-path>`; the page's posts are
    // there (as markup the Discourse reader parses), so that one is kept.
    if e.name() == "noscript" && attr(e, "data-path").is_some() {
        return false;
    }
    // Microdata values (`<meta itemprop=userInteractionCount content=5>`) carry a post's likes and dates; they
    // show nothing, and readers need them.
    if matches!(e.name(), "meta" | "link") && attr(e, "itemprop").is_some() {
        return false;
    }
    if INVISIBLE_TAGS.contains(&e.name()) {
        return true;
    }
    if attr(e, "hidden").is_some() {
        return true;
    }
    attr(e, "style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Whether the element's `onclick` calls a share function ([`SHARE_HANDLER`]).
fn share_handler(e: &scraper::node::Element) -> bool {
    attr(e, "onclick").is_some_and(|s| s.to_ascii_lowercase().contains(SHARE_HANDLER))
}

/// The class/id token that names an element as an ad, a signature or furniture, if one does.
fn boilerplate_token(e: &scraper::node::Element) -> Option<String> {
    if NEVER_REMOVED.contains(&e.name()) {
        return None;
    }
    first_token_in(e, &[AD_TOKENS, SIGNATURE_TOKENS, FURNITURE_TOKENS])
}

/// The first letters of the tokens of every list ([`AD_TOKENS`], [`SIGNATURE_TOKENS`], [`FURNITURE_TOKENS`],
/// [`CONSENT_TOKENS`]) of each length, as bits (`a` the lowest): a token whose length and first letter no
/// listed token has is not compared with the lists, as most of a page's tokens are not.
const SHAPES: Shapes = shapes(&[AD_TOKENS, SIGNATURE_TOKENS, FURNITURE_TOKENS, CONSENT_TOKENS]);
type Shapes = [u32; LONGEST_LISTED_TOKEN + 1];

/// The [`Shapes`] of `lists` (each token lowercase ASCII, at most [`LONGEST_LISTED_TOKEN`] long: else the build
/// fails here).
const fn shapes(lists: &[&[&str]]) -> Shapes {
    let mut out = [0; LONGEST_LISTED_TOKEN + 1];
    let mut i = 0;
    while i < lists.len() {
        let mut k = 0;
        while k < lists[i].len() {
            let t = lists[i][k].as_bytes();
            out[t.len()] |= 1 << (t[0] - b'a');
            k += 1;
        }
        i += 1;
    }
    out
}

/// The first class/id token of `e` (class before id) that one of `lists` holds, lowercased. Compared
/// without case in place: a lowercased copy of every token of every element was most of this stage.
fn first_token_in(e: &scraper::node::Element, lists: &[&[&str]]) -> Option<String> {
    let names = attr(e, "class").into_iter().chain(attr(e, "id"));
    let shaped = |t: &str| {
        let first = t.bytes().next().map_or(0, |b| b.to_ascii_lowercase());
        first.is_ascii_lowercase() && SHAPES.get(t.len()).is_some_and(|s| s >> (first - b'a') & 1 == 1)
    };
    names
        .flat_map(raw_tokens)
        .filter(|t| shaped(t))
        .find(|t| lists.iter().any(|l| l.iter().any(|w| w.eq_ignore_ascii_case(t))))
        .map(str::to_ascii_lowercase)
}

/// The longest token of [`AD_TOKENS`], [`SIGNATURE_TOKENS`], [`FURNITURE_TOKENS`] and [`CONSENT_TOKENS`]
/// (`signaturecontainer`; a test checks it).
const LONGEST_LISTED_TOKEN: usize = 18;

/// Class names, inside an element named like a signature, of a post's author card: Stack Exchange names the
/// card under each question and answer `post-signature`, and its `user-details` / `s-user-card` hold the
/// author's name, profile link and reputation. Such a card is the author, not a signature.
const AUTHOR_CARD_CLASSES: &[&str] = &["user-details", "user-info", "s-user-card"];

/// Whether a signature-named element is an author card ([`AUTHOR_CARD_CLASSES`]), or the post's header: it
/// holds the post's `<time>` or its schema.org `itemprop="author"` (a topic's "Posted by anna on <time>" in a
/// `div.signature`). A signature under a post holds neither.
fn is_author_card(n: ego_tree::NodeRef<Node>) -> bool {
    let Node::Element(e) = n.value() else { return false };
    let named_signature =
        attr(e, "class").into_iter().flat_map(raw_tokens).any(|t| t.eq_ignore_ascii_case("signature"));
    named_signature
        && n.descendants().any(|d| match d.value() {
            Node::Element(c) => {
                let card = attr(c, "class").is_some_and(|cl| {
                    cl.split_whitespace().any(|t| AUTHOR_CARD_CLASSES.contains(&t.to_ascii_lowercase().as_str()))
                });
                let author = attr(c, "itemprop").is_some_and(|p| p.split_whitespace().any(|t| t == "author"));
                card || author || c.name() == "time"
            }
            _ => false,
        })
}

/// Nodes searched, under an element named as boilerplate, for the page's headline.
const HEADLINE_SEARCH: usize = 200;

/// Whether the element holds an `<h1>`: a block with the page's headline is the article's header (with its
/// byline), whatever a script named it (`<header id="gigya-share-btns-1_...">`), not a share bar.
fn holds_headline(n: ego_tree::NodeRef<Node>) -> bool {
    n.descendants().take(HEADLINE_SEARCH).any(|d| matches!(d.value(), Node::Element(e) if e.name() == "h1"))
}

/// The class/id token that names an element as a consent dialog, if one does.
fn consent_token(e: &scraper::node::Element) -> Option<String> {
    if NEVER_REMOVED.contains(&e.name()) {
        return None;
    }
    first_token_in(e, &[CONSENT_TOKENS])
}

/// `"post-signature adsbygoogle"` → `["post", "signature", "adsbygoogle"]`, as written (callers compare
/// without case).
fn raw_tokens(s: &str) -> impl Iterator<Item = &str> + '_ {
    // Split on bytes: every byte of a non-ASCII character is a separator, as the character is, so each
    // token is ASCII letters and digits (valid UTF-8 by construction).
    s.as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .filter_map(|t| std::str::from_utf8(t).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    #[test]
    fn the_longest_listed_token_is_known() {
        let lists = [AD_TOKENS, SIGNATURE_TOKENS, FURNITURE_TOKENS, CONSENT_TOKENS];
        assert_eq!(lists.iter().flat_map(|l| l.iter()).map(|t| t.len()).max(), Some(LONGEST_LISTED_TOKEN));
        let tokens: Vec<&str> = raw_tokens("post-Signature_x  ünïcode9 a--b").collect();
        assert_eq!(tokens, ["post", "Signature", "x", "n", "code9", "a", "b"]);
    }

    #[test]
    fn a_share_named_header_with_the_headline_stays() {
        let html = r#"<body><header id="gigya-share-btns-1_gig_containerParent"><h1>Seven secrets</h1>
            <ul class="meta"><li class="author">Hazel Sheffield</li></ul></header>
            <div class="share-bar"><a href="/s">Share</a></div><p>The article.</p></body>"#;
        let text = crate::text::text_of(clean(parse(html, None).expect("page")).doc.tree.root());
        assert!(text.contains("Hazel Sheffield") && text.contains("Seven secrets"), "{text:?}");
        assert!(!text.contains("Share"), "{text:?}");
    }

    #[test]
    fn a_share_menu_named_by_its_handler_goes() {
        let html = r#"<body><div class=post><p>My kettle whistles at night.</p><ul class="dropdown-menu">
            <li class="dropdown-item" onClick="socialShare(this, 'whatsapp', 'A kettle')"><a>WhatsApp</a></li>
            <li class="dropdown-item" onclick="openMenu(this)"><a>Telegram</a></li></ul></div></body>"#;
        let text = crate::text::text_of(clean(parse(html, None).expect("page")).doc.tree.root());
        assert!(text.contains("kettle whistles") && !text.contains("WhatsApp"), "{text}");
        assert!(text.contains("Telegram"), "another handler is no share button: {text}");
    }

    #[test]
    fn a_long_consent_dialog_is_removed() {
        // Longer than any ad, and 45% of the page's text.
        let legal = "We and our 842 partners store and access information on your device. ".repeat(16);
        let post = "<div class=post><p>A post: my kettle whistles at night.</p></div>".repeat(30);
        let html = format!(r#"<body>{post}<div id="onetrust-consent-sdk"><p>{legal}</p></div></body>"#);
        let text = crate::text::text_of(clean(parse(&html, None).expect("page")).doc.tree.root());
        assert!(text.contains("kettle whistles") && !text.contains("842 partners"), "{text}");
    }

    #[test]
    fn an_unclosed_icon_that_swallows_the_page_is_not_removed() {
        let posts = "<div class=post><p>Words of a post that a reader came for.</p></div>".repeat(60);
        let html = format!(r#"<body><i class="fa fa-share-alt" aria-hidden="true"/>{posts}</body>"#);
        let text = crate::text::text_of(clean(parse(&html, None).expect("page")).doc.tree.root());
        assert!(text.contains("Words of a post"), "{text}");
    }

    #[test]
    fn a_form_box_goes_but_a_task_list_and_a_page_jump_stay() {
        let html = r#"<body><div class=post><p>Seedlings went out today.</p>
            <ul><li><input type=checkbox checked> harden off</li><li><input type=checkbox> water</li></ul>
            <span class=tip><div><span>Coins to send:</span><input type=text value=1></div>
            <div><a class=btn>Send</a></div></span>
            <div class=jump><input type=number max=7 value=1><button>Go</button></div></div></body>"#;
        let page = clean(parse(html, None).expect("page"));
        let text = crate::text::text_of(page.doc.tree.root());
        assert!(text.contains("Seedlings") && text.contains("harden off") && text.contains("water"), "{text}");
        assert!(!text.contains("Coins") && !text.contains("Send"), "{text}");
        let markup = page.doc.root_element().html();
        assert!(markup.contains("max=\"7\""), "a page-jump is the page's pagination: {markup}");
    }

    #[test]
    fn an_icon_between_two_texts_leaves_a_gap() {
        let html = r#"<body><time datetime="2005-07-10T00:57">7/9/05<i class="fa-at" aria-hidden="true"></i>7:57 PM</time></body>"#;
        let text = crate::text::text_of(clean(parse(html, None).expect("page")).doc.tree.root());
        assert!(text.contains("7/9/05 7:57 PM"), "{text}");
    }

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

//! Who wrote a block. An author is a name the board links to a profile or marks as the poster: a short link,
//! an element whose class names an author, or a bold name with nothing inside it; never inside the post's text,
//! never the time, never a label, a status or a number ([`post::is_name`]). Every block offers candidates; the
//! markup path (relative to the block) that most blocks share, weighted by marks (profile link, author class),
//! picks the author in each. When no element shows the name, a plain-text name right before the time
//! ("keepingsanity · 03/03/2026") or after "by" is the poster. The header around the author also gives the post
//! count ("Beiträge: 312").

use super::{Block, LINKS, MAX_HEADER_TEXT};
use crate::css::FindAll;
use crate::hash::{FastMap, FastSet};
use crate::thread::post;
use crate::thread::structure::{signature, tokens, Measures};
use crate::{date, text};
use ego_tree::NodeId;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// Longest author name, in characters.
const MAX_AUTHOR_CHARS: usize = 40;
/// Characters a linked name never opens with: a tag or mention (`#`, `@`), or a bracketed aside such as a
/// story's source beside its title ("(phoronix.com)").
const NOT_NAME_OPENINGS: [char; 4] = ['#', '@', '(', '['];

/// A candidate author element in a block: a short link, or an element whose class names an author.
pub(super) fn author_candidates<'a>(block: &Block<'a>, m: &Measures) -> Vec<ElementRef<'a>> {
    let body = body_core(block, m);
    // Authors are not inside the body (links a post's text holds).
    let is_in_body = |e: &ElementRef| body.is_some_and(|b| m.within(**e, b));
    let avatars = avatar_names(block, &is_in_body);
    block
        .run
        .iter()
        .flat_map(|r| r.descendants().filter_map(ElementRef::wrap))
        .filter(|e| {
            let n = m.text(e.id());
            let is_link = e.value().name() == "a" && e.value().attr("href").is_some_and(|h| !is_script_href(h));
            // An element named for its author shows one name: a box named `post__user__info` that holds an
            // avatar letter and a "Userlevel 1" badge is a container, not the name.
            let named = tokens(e.value()).any(|t| AUTHOR_TOKENS.contains(&t.as_str()))
                && e.text().filter(|t| !t.trim().is_empty()).count() == 1;
            // A bold name with nothing inside it (FluxBB's `<dt><strong>name</strong></dt>`).
            let bold = matches!(e.value().name(), "strong" | "b") && e.children().all(|c| c.value().is_text());
            // A name the poster's picture is labelled with (`<img alt="JUDITH C">` beside `<div>Judith C</div>`).
            let pictured = !avatars.is_empty()
                && e.children().all(|c| c.value().is_text())
                && avatars.contains(&text::squash(&e.text().collect::<String>()).to_lowercase());
            (is_link || named || bold || pictured) && (2..=MAX_AUTHOR_CHARS).contains(&n)
        })
        // Not the time itself, nor around it (a name inside a "by X » date" line is fine).
        .filter(|e| !m.within(*block.anchor, e.id()))
        .filter(|e| {
            let t = text::squash(&e.text().collect::<String>());
            t.split_whitespace().count() <= 4
                && !date::is_date_like(&t)
                && t.chars().any(char::is_alphabetic)
                && !t.starts_with(NOT_NAME_OPENINGS)
                && post::is_name(&t)
        })
        .filter(|e| !is_in_body(e) && !is_anonymous(block, e))
        .collect()
}

/// How the class of the box a board shows an anonymous poster in begins (`div.author-details.anonymous-post`):
/// what it shows is the poster's industry or rank ("IB", "Intern in IB-M&A"), never a name. A comment by a
/// visitor (Drupal's `comment-by-anonymous`) shows the name the visitor typed, and is not such a box.
const ANONYMOUS_CLASS: &str = "anonymous";

/// Whether a candidate sits in an anonymous poster's box ([`ANONYMOUS_CLASS`]) inside the block (a page's
/// `body.anonymous` names the reader, logged out, and is not looked at).
fn is_anonymous(block: &Block, e: &ElementRef) -> bool {
    let in_block = |a: &ElementRef| !block.run.iter().any(|r| r.id() == a.id());
    e.ancestors()
        .filter_map(ElementRef::wrap)
        .take_while(in_block)
        .any(|a| a.value().classes().any(|c| c.starts_with(ANONYMOUS_CLASS)))
}

/// Most pictures of a block whose `alt` texts are read as names (a header shows one or two: the avatar, a badge).
const MAX_AVATARS: usize = 4;

/// The word boards name a poster's picture by, in its class, its parent's class or its address
/// (`MuiAvatar-root`, `avatar-default.png`, `/avatars/u/12.jpg`); a rank or badge image is not one.
const AVATAR_WORD: &str = "avatar";

/// Whether an image is a poster's picture ([`AVATAR_WORD`]).
fn is_avatar(img: ElementRef) -> bool {
    let named = |e: &scraper::node::Element| {
        ["class", "src", "data-src"].iter().filter_map(|a| e.attr(a)).any(|v| v.to_lowercase().contains(AVATAR_WORD))
    };
    named(img.value()) || img.parent().and_then(ElementRef::wrap).is_some_and(|p| named(p.value()))
}

/// The `alt` texts of the avatars ([`is_avatar`]) in a block's header (outside its body), lowercased: boards
/// label the poster's picture with the poster's name, so an element that shows that text is the name.
fn avatar_names(block: &Block, is_in_body: &impl Fn(&ElementRef) -> bool) -> FastSet<String> {
    block
        .run
        .iter()
        .flat_map(|r| r.descendants().filter_map(ElementRef::wrap))
        .filter(|e| e.value().name() == "img" && !is_in_body(e))
        .take(MAX_AVATARS)
        .filter(|e| is_avatar(*e))
        .filter_map(|e| e.value().attr("alt"))
        .map(|a| text::squash(a).to_lowercase())
        .filter(|a| (2..=MAX_AUTHOR_CHARS).contains(&a.chars().count()))
        .collect()
}

/// The innermost element of a block that holds more than half of its text, when it does not hold the block's
/// time and is longer than a header: the post's text. Only this element, not every large one around it, is
/// body: a profile card in a table cell beside the text (Kunena, FluxBB) sits in a row that holds most of a long
/// post's text too.
fn body_core(block: &Block, m: &Measures) -> Option<NodeId> {
    let total = block.text(m).max(1);
    let mut cur = block.run.iter().find(|r| m.text(r.id()) * 2 > total).copied()?;
    while let Some(c) = cur.children().filter_map(ElementRef::wrap).find(|c| m.text(c.id()) * 2 > total) {
        cur = c;
    }
    (!m.within(*block.anchor, cur.id()) && m.text(cur.id()) > MAX_HEADER_TEXT).then_some(cur.id())
}

/// Link schemes that run a script instead of leading to a page: `<a href="javascript:void(0)">Report Reply</a>`
/// opens a post's menu (Hoop.la, vBulletin's and many themes' action buttons). Such a link is an action, never
/// a name the board links to a profile; it stays a candidate only when its class names an author.
const SCRIPT_SCHEMES: &[&str] = &["javascript:", "vbscript:"];

/// Whether a link's address runs a script ([`SCRIPT_SCHEMES`]).
fn is_script_href(h: &str) -> bool {
    let h = h.trim_start();
    SCRIPT_SCHEMES.iter().any(|s| h.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s)))
}

/// Class/id tokens naming the element that shows a post's author. A hint that breaks ties between markup
/// paths; the structure decides.
const AUTHOR_TOKENS: &[&str] = &[
    "author",
    "user",
    "username",
    "poster",
    "name",
    "nick",
    "nickname",
    "member",
    "byline",
    "uname",
    "login",
    "postername",
];

/// Account pages a link may go to that are not a profile ("/user/login?destination=...", "register").
const ACCOUNT_HREF: &[&str] = &["login", "logon", "signin", "sign-in", "sign_in", "register", "signup", "logout"];

/// Whether a link goes to a member's profile ([`PROFILE_HREF`]) rather than an account page ([`ACCOUNT_HREF`]).
pub(super) fn is_profile_href(h: &str) -> bool {
    let h = h.to_lowercase();
    PROFILE_HREF.iter().any(|p| h.contains(p)) && !ACCOUNT_HREF.iter().any(|p| h.contains(p))
}

/// Longest text (characters) of a profile link that stands for a post when a board shows no times: a name.
const MAX_PROFILE_ANCHOR_TEXT: usize = 40;
/// Page regions whose profile links are never a post's poster: the page's own header, menus and sidebars.
const NOT_POST_REGIONS: &[&str] = &["nav", "header", "footer", "aside"];

/// The post anchors of a board that shows no time on its posts: every link to a member's profile
/// ([`is_profile_href`]) whose text is a name (not empty: an avatar; at most [`MAX_PROFILE_ANCHOR_TEXT`]),
/// outside the page's header, menus and sidebars. The structural detector groups them by markup path as it
/// groups times, so a thread template nobody wrote a reader for still yields its posts.
pub(super) fn profile_anchors<'a>(root: ElementRef<'a>, m: &Measures) -> Vec<ElementRef<'a>> {
    root.descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "a" && e.value().attr("href").is_some_and(is_profile_href))
        .filter(|e| (1..=MAX_PROFILE_ANCHOR_TEXT).contains(&m.text(e.id())))
        .filter(|e| !e.ancestors().filter_map(ElementRef::wrap).any(|a| NOT_POST_REGIONS.contains(&a.value().name())))
        .collect()
}

/// Words in a link's address that mark a profile page.
const PROFILE_HREF: &[&str] = &["profile", "member", "user", "/u/", "author", "uid=", "people", "/~", "account"];

/// The blocks' common author path ([`common_author_path`]) and the labels left out of their candidates
/// ([`repeated_labels`]).
pub(super) type AuthorPath = (Option<String>, FastSet<String>);

/// Fewest blocks for a text every one of them shows to be a label: with two, one person may have written both.
const MIN_LABEL_BLOCKS: usize = 3;

/// Whether a candidate is marked as an author: its class names an author, or it links to a profile.
fn is_marked(c: &ElementRef) -> bool {
    tokens(c.value()).any(|t| AUTHOR_TOKENS.contains(&t.as_str()))
        || c.value().attr("href").is_some_and(is_profile_href)
}

/// Texts of unmarked candidates that every block shows, the same in each (at least [`MIN_LABEL_BLOCKS`]):
/// a post menu's "Printer Friendly Format", a "Report" or "Permalink" link. A poster's name differs between
/// posts, or, where one member wrote them all, the board links it to a profile or marks it (then it is kept).
pub(super) fn repeated_labels(blocks: &[Block], m: &Measures) -> FastSet<String> {
    if blocks.len() < MIN_LABEL_BLOCKS {
        return FastSet::default();
    }
    let mut counts: FastMap<String, usize> = FastMap::default();
    for b in blocks {
        let texts: FastSet<String> = author_candidates(b, m)
            .iter()
            .filter(|c| !is_marked(c))
            .map(|c| text::squash(&c.text().collect::<String>()))
            .collect();
        texts.into_iter().for_each(|t| *counts.entry(t).or_default() += 1);
    }
    counts.into_iter().filter(|(_, n)| *n == blocks.len()).map(|(t, _)| t).collect()
}

/// A block's author candidates ([`author_candidates`]) that are not one of the blocks' [`repeated_labels`].
pub(super) fn candidates_without<'a>(block: &Block<'a>, labels: &FastSet<String>, m: &Measures) -> Vec<ElementRef<'a>> {
    let mut candidates = author_candidates(block, m);
    if !labels.is_empty() {
        candidates.retain(|c| !labels.contains(&text::squash(&c.text().collect::<String>())));
    }
    candidates
}

/// The markup path, relative to the block, at which most blocks have an author candidate (labels left out).
pub(super) fn common_author_path(blocks: &[Block], labels: &FastSet<String>, m: &Measures) -> Option<String> {
    // Per path: blocks it occurs in, marks (author-named class, profile link; up to two a block), and a hint
    // score that also prefers the earlier candidates of a block.
    let mut votes: FastMap<String, (usize, usize, i64)> = FastMap::default();
    for b in blocks {
        let mut seen = FastSet::default();
        for (i, c) in candidates_without(b, labels, m).into_iter().enumerate() {
            let path = relative_path(b, c);
            if seen.insert(path.clone()) {
                let v = votes.entry(path).or_default();
                v.0 += 1;
                let marks = usize::from(tokens(c.value()).any(|t| AUTHOR_TOKENS.contains(&t.as_str())))
                    + usize::from(c.value().attr("href").is_some_and(is_profile_href));
                v.1 += marks;
                v.2 += marks as i64 * 4 - i.min(8) as i64;
            }
        }
    }
    // An author is a name the board links to a profile or marks as the poster: marks count with the blocks,
    // so a marked name in most blocks beats an unmarked menu link ("Other", "Share") found in every block.
    votes
        .into_iter()
        .max_by_key(|(p, (n, marks, hint))| (n + marks, *n, *hint, std::cmp::Reverse(p.len())))
        .map(|(p, _)| p)
}

/// Least number of trailing path steps (the name element and its parent) a candidate must share with the
/// common author path to stand for it in a block whose top differs.
const MIN_SHARED_STEPS: usize = 2;

/// The block's candidate at the common author path. In a nested comment tree the blocks' tops differ (a
/// comment with replies stops at its own box, a leaf at its list item), so the path from the top differs while
/// the path down to the name does not: then the candidate sharing the most trailing steps (at least
/// [`MIN_SHARED_STEPS`]) stands for it, not the block's first short link (its title).
pub(super) fn author_at<'a, 'b>(
    block: &Block,
    candidates: &'b [ElementRef<'a>],
    path: &str,
) -> Option<&'b ElementRef<'a>> {
    let paths: Vec<String> = candidates.iter().map(|c| relative_path(block, *c)).collect();
    if let Some(i) = paths.iter().position(|p| p == path) {
        return candidates.get(i);
    }
    let steps =
        |p: &str| p.rsplit('>').map(|s| s.split_once(':').map_or(s, |(_, sig)| sig).to_string()).collect::<Vec<_>>();
    let want = steps(path);
    let shared = |p: &str| steps(p).iter().zip(&want).take_while(|(a, b)| a == b).count();
    let (best, n) =
        paths.iter().enumerate().map(|(i, p)| (i, shared(p))).max_by_key(|(i, n)| (*n, std::cmp::Reverse(*i)))?;
    (n >= MIN_SHARED_STEPS).then(|| &candidates[best])
}

/// Signatures from the block's run element down to `e`, with the run index.
fn relative_path(block: &Block, e: ElementRef) -> String {
    let mut parts = vec![signature(e.value())];
    for a in e.ancestors().filter_map(ElementRef::wrap) {
        if let Some(i) = block.run.iter().position(|r| r.id() == a.id()) {
            parts.push(format!("{i}:{}", signature(a.value())));
            break;
        }
        parts.push(signature(a.value()));
    }
    parts.reverse();
    parts.join(">")
}

/// Labels boards put before or after an author's post count and join date, in the languages `date` reads.
const POST_COUNT_LABELS: &[&str] = &[
    "posts",
    "post",
    "beiträge",
    "beitrag",
    "messages",
    "messaggi",
    "mensagens",
    "mensajes",
    "berichten",
    "帖子",
    "回帖",
];

/// What a header shows about its author: the post count ("(4,210 posts)", "Beiträge: 312").
pub(super) fn author_details(header: ElementRef, author: ElementRef) -> BTreeMap<String, String> {
    let mut info = BTreeMap::new();
    let all = text::squash(&header.text().collect::<String>());
    let name = text::squash(&author.text().collect::<String>());
    let rest = all.replacen(&name, " ", 1).to_lowercase();
    let words: Vec<&str> =
        rest.split(|c: char| c.is_whitespace() || "():|;[]".contains(c)).filter(|w| !w.is_empty()).collect();
    for (i, w) in words.iter().enumerate() {
        let is_count = |s: &str| {
            s.chars().next().is_some_and(|c| c.is_ascii_digit())
                && s.chars().all(|c| c.is_ascii_digit() || ".,+".contains(c))
        };
        if POST_COUNT_LABELS.contains(&w.trim_end_matches(['.', ','])) {
            let n = words
                .get(i.wrapping_sub(1))
                .filter(|s| is_count(s))
                .or_else(|| words.get(i + 1).filter(|s| is_count(s)));
            if let Some(n) = n {
                info.insert("posts".to_string(), n.trim_end_matches([',', '.']).to_string());
                break;
            }
        }
    }
    info
}

/// Characters that end a plain-text name standing just before a post's time ("keepingsanity · 03/03/2026").
const BYLINE_SEPARATORS: &[char] = &['·', '•', '|', '–', '—', '-'];

/// The poster's name in a header that shows it as plain text right before the time, ended by a separator
/// (`<div>keepingsanity · <span>03/03/2026 19:49</span></div>`): the board marks the name as the poster by
/// that place. Only text nodes may stand before the time in its parent, or, after a title link, a text that
/// marks the poster with "by" (`<a>Re: title</a> by Nobody: <span>12:16pm</span>`, a guest without a profile);
/// the name must pass [`post::is_name`].
pub(super) fn byline_name(time_el: ElementRef) -> Option<String> {
    let parent = time_el.parent().and_then(ElementRef::wrap)?;
    let mut before = String::new();
    let mut after_element = false;
    for child in parent.children() {
        if child.id() == time_el.id() {
            break;
        }
        match child.value() {
            scraper::Node::Text(t) => before.push_str(t),
            _ => {
                before.clear();
                after_element = true;
            }
        }
    }
    let name = text::squash(&before);
    let marked = name.strip_prefix("by ").or_else(|| name.strip_prefix("By "));
    let name = match (marked, after_element) {
        (Some(n), true) => n.strip_suffix(BYLINE_SEPARATORS).or_else(|| n.strip_suffix(':'))?.trim(),
        (_, true) => return None,
        (_, false) => match posted_by(&name) {
            // "Posted by msmash <time>": the words say who posted; no separator is needed.
            Some(n) => n,
            None => {
                let name = name.strip_suffix(BYLINE_SEPARATORS)?.trim();
                name.strip_prefix("by ").or_else(|| name.strip_prefix("By ")).unwrap_or(name).trim()
            }
        },
    };
    let ok = (2..=MAX_AUTHOR_CHARS).contains(&name.chars().count())
        && name.split_whitespace().count() <= 3
        && post::is_name(name)
        && !date::is_date_like(name);
    ok.then(|| name.to_string())
}

/// Words that open a byline and say the name after them posted the text, right before its time ("Posted by
/// msmash on Friday ...", "Verfasst von ...", "Posté par ..."), lowercase.
const POSTED_BY: &[&str] =
    &["posted by ", "submitted by ", "written by ", "verfasst von ", "posté par ", "publié par ", "publicado por "];

/// The name after a [`POSTED_BY`] opening, when that is all the text before the time holds.
fn posted_by(text: &str) -> Option<&str> {
    let opening =
        POSTED_BY.iter().copied().find(|p| text.get(..p.len()).is_some_and(|head| head.to_lowercase() == *p))?;
    text.get(opening.len()..).map(str::trim).filter(|n| !n.is_empty())
}

/// Whether a link goes to the site's front page (`/`, `./index.php`, `https://host/`): a "Home" crumb, never a
/// poster's name.
fn is_home_href(h: &str) -> bool {
    let h = h.trim();
    let path = match h.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
        None => h,
    };
    let path = path.trim_start_matches("./").trim_start_matches('/');
    matches!(path, "" | "index.php" | "index.html" | "index.htm")
}

/// Whether a link sits in a breadcrumb (a `nav`, or an element whose class or id names crumbs) below `header`.
fn in_breadcrumb(link: ElementRef, header: ElementRef) -> bool {
    link.ancestors().filter_map(ElementRef::wrap).take_while(|a| a.id() != header.id()).any(|a| {
        let e = a.value();
        let named = e.attr("class").into_iter().chain(e.attr("id")).any(|n| n.to_lowercase().contains("crumb"));
        e.name() == "nav" || named
    })
}

/// A short profile-like link in the header around a time element, with that header.
pub(super) fn nearby_author<'a>(time_el: ElementRef<'a>, m: &Measures) -> Option<(ElementRef<'a>, ElementRef<'a>)> {
    let mut h = time_el;
    while let Some(p) = h.parent().and_then(ElementRef::wrap) {
        if m.text(p.id()) > MAX_HEADER_TEXT {
            break;
        }
        h = p;
    }
    let short = |a: &ElementRef| {
        let t = text::squash(&a.text().collect::<String>());
        (2..=MAX_AUTHOR_CHARS).contains(&t.chars().count())
            && !date::is_date_like(&t)
            && t.split_whitespace().count() <= 4
            && !t.starts_with(NOT_NAME_OPENINGS)
    };
    let links: Vec<ElementRef> = h
        .find_all(&LINKS)
        .filter(short)
        .filter(|a| !a.value().attr("href").is_some_and(is_home_href) && !in_breadcrumb(*a, h))
        .filter(|a| post::is_name(&text::squash(&a.text().collect::<String>())))
        .collect();
    links.iter().find(|a| a.value().attr("href").is_some_and(is_profile_href)).or(links.first()).map(|a| (h, *a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::thread::page_info::sel;

    #[test]
    fn breadcrumb_links_are_not_authors() {
        let html = r#"<div class="created-row"><ul class="breadcrumbs"><li><a href="/forum">Forums</a></li></ul>
            <span>by <a href="/user/7">anna</a></span> <span>Aug 13, 2023</span></div>"#;
        let doc = scraper::Html::parse_fragment(html);
        let header = doc.find_all(&sel("div.created-row")).next().expect("static selector");
        let links: Vec<_> =
            doc.find_all(&LINKS).map(|a| (a.text().collect::<String>(), in_breadcrumb(a, header))).collect();
        assert_eq!(links, [("Forums".to_string(), true), ("anna".to_string(), false)]);
    }

    #[test]
    fn a_story_byline_names_its_poster_not_the_source_link() {
        let html = r#"<header><h1><a href="/story/1">Converting the Linux kernel to modern C++</a> <a href="https://news.example/a">(news.example)</a></h1>
            <span class="byline">Posted by msmash <time datetime="2024-01-12T11:40">on Friday January 12</time></span></header>"#;
        let doc = scraper::Html::parse_fragment(html);
        let time = doc.find_all(&sel("time")).next().expect("static selector");
        assert_eq!(byline_name(time).as_deref(), Some("msmash"));
        assert_eq!(posted_by("Verfasst von Anna"), Some("Anna"));
        assert_eq!(posted_by("Posted in General"), None);
        let m = Measures::of(doc.tree.root());
        assert!(nearby_author(time, &m).is_none(), "the bracketed source is no name");
    }

    #[test]
    fn front_page_links_are_not_authors() {
        for home in ["/", "./index.php", "https://board.example/", "https://board.example", "index.html"] {
            assert!(is_home_href(home), "{home}");
        }
        for profile in ["/user/1078747", "./memberlist.php?mode=viewprofile&u=2", "https://board.example/u/anna"] {
            assert!(!is_home_href(profile), "{profile}");
        }
    }
}

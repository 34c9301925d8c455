//! A block turned into a post. The header is the short part around the time and the author (a whole header
//! row in table layouts); the body is the smallest element holding nearly all the text that is not header,
//! widened from one long paragraph to the paragraphs' container so a post never loses its later paragraphs.
//! What follows a last `<hr>` is a signature when it is short. The post's permalink is the link around its
//! time, a link to an anchor in the block or the block's own id; its score is a number in a score-named element.
//! A block that opens with a long link is a teaser of another page, not a post.

use super::author::{author_at, author_details, byline_name, candidates_without, AuthorPath};
use super::blocks::is_header_only;
use super::{Block, LINKS, MAX_HEADER_TEXT};
use crate::css::{FindAll, Sel};
use crate::hash::FastSet;
use crate::model::Post;
use crate::parse::Page;
use crate::text;
use crate::thread::engines::add_profile;
use crate::thread::post::{self, PostParts};
use crate::thread::structure::{self, tokens, Measures};
use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Node};
use std::collections::BTreeMap;

/// A body is the smallest element holding at least this share of a block's non-header text.
const BODY_SHARE: f64 = 0.9;
/// Paragraph-level elements. A body found to be one of them (one long paragraph holding nearly all of a post's
/// text) is only part of the post: the post is its container, and its later paragraphs, links and sources stay.
const PARAGRAPH_TAGS: &[&str] =
    &["p", "blockquote", "pre", "ul", "ol", "li", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "span", "font"];
/// A trailing part after an `<hr>` is a signature when it holds at most this share of the body's text.
const MAX_SIGNATURE_SHARE: f64 = 0.35;

static HR: Sel = Sel::new("hr");

/// The largest ancestor of `e` inside the block that is still a header (short text).
pub(super) fn header_of<'a>(block: &Block<'a>, e: ElementRef<'a>, m: &Measures) -> ElementRef<'a> {
    let cap = MAX_HEADER_TEXT.min(block.text(m) / 2).max(m.text(e.id()));
    let mut h = e;
    while let Some(p) = h.parent().and_then(ElementRef::wrap) {
        if !block.run.iter().any(|r| m.within(*p, r.id())) || m.text(p.id()) > cap {
            break;
        }
        h = p;
    }
    h
}

/// The post around a body element: from a paragraph-level element up to the container of the post's
/// paragraphs, inside the block; a container that holds the header keeps it out (`exclude`).
fn whole_body<'a>(
    body: ElementRef<'a>,
    block: &Block<'a>,
    header: &[ElementRef],
    m: &Measures,
) -> (ElementRef<'a>, Vec<NodeId>) {
    let mut el = body;
    while PARAGRAPH_TAGS.contains(&el.value().name()) {
        let Some(parent) = el.parent().and_then(ElementRef::wrap) else { break };
        if !block.run.iter().any(|r| m.within(*parent, r.id())) {
            break;
        }
        if header.iter().any(|h| m.within(**h, parent.id())) {
            return (parent, header.iter().map(|h| h.id()).collect());
        }
        el = parent;
    }
    (el, Vec::new())
}

/// A block's post, and whether the block opens with a headline link (a teaser of another page, not a post).
pub(super) fn post_of(page: &Page, block: &Block, author: &AuthorPath, m: &Measures) -> (Post, bool) {
    let (author_path, labels) = (author.0.as_deref(), &author.1);
    let candidates = candidates_without(block, labels, m);
    let author_el = match block.by_poster {
        true => Some(block.anchor),
        false => author_path.and_then(|p| author_at(block, &candidates, p)).or(candidates.first()).copied(),
    };
    let time_el = structure::time_element(block.anchor, m);
    let mut header: Vec<ElementRef> = vec![header_of(block, time_el, m)];
    // A block that runs on over the following siblings starts with a header row (table layouts): that whole row
    // is header (title link, author, time), however short the post below it is.
    if block.run.len() > 1 && is_header_only(block.run[0], block.anchor, m) {
        header = vec![block.run[0]];
    }
    if let Some(a) = author_el {
        let h = header_of(block, a, m);
        // Counted once: the author's header may lie inside the time's (or be it).
        if !header.iter().any(|x| m.within(*h, x.id())) {
            header.push(h);
        }
    }
    let header_text: usize = header.iter().map(|h| m.text(h.id())).sum();
    let body_text = block.text(m).saturating_sub(header_text);
    // The body: the smallest element holding nearly all the non-header text, outside the headers.
    // Text only shrinks downwards: the walk stops at the first element too short to hold the body.
    let body_el = structure::pruned(&block.run, |e| m.text(e.id()) as f64 >= BODY_SHARE * body_text as f64)
        .into_iter()
        .filter(|e| !header.iter().any(|h| m.within(**h, e.id()) || m.within(**e, h.id())))
        .last();
    // The body's roots: one element, or the block's run of siblings read one after the other (not their parent
    // minus its other children: that parent may hold every post, and reading it per post is posts × page).
    let (roots, mut exclude) = match body_el {
        Some(b) => {
            let (root, exclude) = whole_body(b, block, &header, m);
            (vec![root], exclude)
        }
        None => (block.run.clone(), header.iter().map(|h| h.id()).collect::<Vec<_>>()),
    };
    let root = roots[0];
    if let Some(last) = roots.last() {
        exclude.extend(signature_after_hr(*last, m));
    }
    let mut author_info = BTreeMap::new();
    if let Some(a) = author_el {
        author_info = author_details(header_of(block, a, m), a);
        let link = if a.value().name() == "a" { Some(a) } else { a.find_all(&LINKS).next() };
        let href =
            link.or_else(|| a.ancestors().filter_map(ElementRef::wrap).take(2).find(|p| p.value().name() == "a"));
        add_profile(&mut author_info, page.base(), href.and_then(|l| l.value().attr("href")));
    }
    let teaser = opens_with_headline(&roots, &exclude, m);
    let run_exclude = if roots.len() > 1 { exclude.clone() } else { Vec::new() };
    let mut post = post::build(
        page,
        PostParts {
            author: author_el.map(|a| a.text().collect()).or_else(|| byline_name(time_el)),
            author_info,
            time: (!block.by_poster).then_some(time_el),
            body: Some(root),
            exclude,
            permalink: absolute(page, permalink(block, time_el)),
            anchor: block.run[0].value().id().map(str::to_string),
            score: score(block, (roots.len() == 1).then_some(root)),
            depth: 0,
            ..PostParts::default()
        },
    );
    for pair in roots.windows(2) {
        add_run_part(&mut post, page, pair, &run_exclude);
    }
    (post, teaser)
}

/// Appends the text, Markdown, quotes and links of `pair[1]`, the next element of a body's run, to `post`:
/// a paragraph break after a block element, a space between inline ones.
fn add_run_part(post: &mut Post, page: &Page, pair: &[ElementRef], exclude: &[NodeId]) {
    let [before, next] = pair else { return };
    let (text, markdown, quotes, links) = post::body_of_excluding(*next, page.base(), None, None, exclude);
    let inline = !text::is_block(before.value().name()) && !text::is_block(next.value().name());
    let join = |to: &mut String, part: String| {
        if !to.is_empty() && !part.is_empty() {
            to.push_str(if inline { " " } else { "\n\n" });
        }
        to.push_str(&part);
    };
    join(&mut post.text, text);
    join(&mut post.markdown, markdown);
    post.quotes.extend(quotes);
    post.links.extend(links);
}

/// Least length of a link that opens a block for the block to count as a teaser ("Headline of another story").
const MIN_HEADLINE: usize = 20;

/// Whether the first text of a body (its roots in order, without the excluded subtrees) is a long link: the
/// headline of a teaser.
fn opens_with_headline(roots: &[ElementRef], exclude: &[NodeId], m: &Measures) -> bool {
    let skip: FastSet<NodeId> = exclude.iter().copied().collect();
    // A lone root is read even when excluded itself (a block that is all header); a run's roots are parts.
    let whole = roots.len() == 1;
    // The root counts too: a body that is one long link (a related article's title) is a teaser.
    roots.iter().find_map(|root| first_text(*root, &skip, whole).map(|t| (root, t))).is_some_and(|(root, t)| {
        t.ancestors()
            .take_while(|a| a.id() != root.id())
            .chain(std::iter::once(**root))
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().name() == "a" && m.text(a.id()) >= MIN_HEADLINE)
    })
}

/// The first text node under `root` that is not blank, outside the `skip` subtrees (not entered: each node
/// is visited once); `root` itself is skipped only when `enter_root` is false.
fn first_text<'a>(root: ElementRef<'a>, skip: &FastSet<NodeId>, enter_root: bool) -> Option<NodeRef<'a, Node>> {
    let mut stack = vec![*root];
    while let Some(n) = stack.pop() {
        text::count_walked(1);
        if skip.contains(&n.id()) && !(enter_root && n.id() == root.id()) {
            continue;
        }
        if n.value().as_text().is_some_and(|t| !t.trim().is_empty()) {
            return Some(n);
        }
        let before = stack.len();
        stack.extend(n.children());
        stack[before..].reverse();
    }
    None
}

/// The last `<hr>` in a body, when what follows it is short: a signature. Returns the nodes to leave out.
pub(super) fn signature_after_hr(root: ElementRef, m: &Measures) -> Vec<NodeId> {
    let Some(hr) = root.find_all(&HR).last() else { return Vec::new() };
    let mut after = Vec::new();
    let mut text = 0;
    let mut node = *hr;
    loop {
        after.push(node.id());
        let mut next = node.next_sibling();
        while let Some(n) = next {
            after.push(n.id());
            text += if n.value().is_element() {
                m.text(n.id())
            } else {
                n.value().as_text().map_or(0, |t| t.chars().filter(|c| !c.is_whitespace()).count())
            };
            next = n.next_sibling();
        }
        match node.parent() {
            Some(p) if p.id() != root.id() => node = p,
            _ => break,
        }
    }
    let share = text as f64 / m.text(root.id()).max(1) as f64;
    if text > 0 && share <= MAX_SIGNATURE_SHARE {
        after.retain(|id| *id == hr.id() || !m.within(*hr, *id));
        after
    } else {
        Vec::new()
    }
}

/// The post's own address: the link around or beside its time, or a link to an anchor inside the block.
fn permalink(block: &Block, time_el: ElementRef) -> Option<String> {
    let around = time_el.ancestors().filter_map(ElementRef::wrap).take(3).find(|a| a.value().name() == "a");
    let inside = time_el.find_all(&LINKS).next();
    let ids: Vec<&str> =
        block.run.iter().flat_map(|r| r.descendants()).filter_map(|n| n.value().as_element()?.id()).collect();
    let to_anchor = || {
        block
            .run
            .iter()
            .flat_map(|r| r.find_all(&LINKS))
            .find(|a| a.value().attr("href").and_then(|h| h.split_once('#')).is_some_and(|(_, f)| ids.contains(&f)))
    };
    around.or(inside).or_else(to_anchor).and_then(|a| a.value().attr("href")).map(str::to_string).or_else(|| {
        // The post's own element id: the nearest one around its time.
        let own = block
            .anchor
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take(MAX_ID_CLIMB)
            .find(|a| a.value().id().is_some() && !matches!(a.value().name(), "body" | "html" | "form" | "main"));
        own.or(Some(block.run[0])).and_then(|e| e.value().id()).map(|id| format!("#{id}"))
    })
}

/// How far above a post's time its element id is looked for.
const MAX_ID_CLIMB: usize = 8;

/// A permalink as an address, by the page's link policy ([`Page::permalink`]: fragments such as `#r-123`
/// are joined to the page's address).
fn absolute(page: &Page, link: Option<String>) -> Option<String> {
    link.and_then(|l| page.permalink(&l))
}

/// Class tokens of the element that shows a post's score or likes.
const SCORE_TOKENS: &[&str] = &["score", "votes", "vote", "likes", "points", "karma", "upvotes", "rating", "reactions"];

fn score(block: &Block, body: Option<ElementRef>) -> Option<i64> {
    structure::pruned(&block.run, |e| body.is_none_or(|b| e.id() != b.id()))
        .into_iter()
        .filter(|e| tokens(e.value()).any(|t| SCORE_TOKENS.contains(&t.as_str())))
        .find_map(|e| {
            let t = text::squash(&e.text().collect::<String>());
            let t: String = t.chars().filter(|c| c.is_ascii_digit() || *c == '-' || *c == '+').collect();
            t.trim_start_matches('+').parse().ok()
        })
}

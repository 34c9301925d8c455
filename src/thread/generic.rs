//! The structural detector, for boards no engine reader knows: the repeated block that carries an author, a
//! time and a body, found from the page's structure rather than from English words.
//!
//! 1. Microdata (`DiscussionForumPosting`, `Comment`, `Answer`, `Question`) when the page marks its posts up.
//! 2. Otherwise: every element showing a time (`<time>`, time attributes, date-like short text in any language
//!    `date` reads) is a candidate post header. Candidates are grouped by their markup path (tag and classes of
//!    the element and its parent, tag of the grandparent); each group's posts are the largest blocks holding
//!    exactly one of its times (nested comment trees fall out of this: a reply's time makes its parent's block
//!    stop above it). The group whose blocks cover the most non-link text wins.
//! 3. Within a block: the author is the short link (or author-classed element) at the markup path most blocks
//!    share; the body is the smallest element holding nearly all the text that is not header; what follows a
//!    `<hr>` at the end of the body is a signature.
//! 4. Text before the first post that the blocks do not cover (an opening post in other markup, an article
//!    above its comments) becomes the first post.
//! 5. JSON-LD `DiscussionForumPosting` with its comments, when the markup gives nothing.

use super::engines::add_profile;
use super::page_info::{ld_items, sel};
use super::post::{self, PostParts};
use super::structure::{self, signature, time_anchors, tokens, Measures};
use super::{article, Thread};
use crate::model::Post;
use crate::parse::Page;
use crate::{date, text};
use ego_tree::NodeId;
use scraper::{ElementRef, Selector};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

const PLATFORM: &str = "generic";

/// Least non-link text (characters) the average block of a group must hold: below it, the group is a list of
/// dated links (a forum index, a sidebar of recent posts), not posts.
const MIN_AVG_BLOCK_TEXT: usize = 25;
/// Most link text a group's blocks may hold, as a share of their text: more is navigation.
const MAX_LINK_DENSITY: f64 = 0.5;
/// A body is the smallest element holding at least this share of a block's non-header text.
const BODY_SHARE: f64 = 0.9;
/// Paragraph-level elements. A body found to be one of them (one long paragraph holding nearly all of a post's
/// text) is only part of the post: the post is its container, and its later paragraphs, links and sources stay.
const PARAGRAPH_TAGS: &[&str] =
    &["p", "blockquote", "pre", "ul", "ol", "li", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "span", "font"];
/// A header (the part of a block around its time or author) holds at most this many characters.
const MAX_HEADER_TEXT: usize = 200;
/// Longest author name, in characters.
const MAX_AUTHOR_CHARS: usize = 40;
/// A trailing part after an `<hr>` is a signature when it holds at most this share of the body's text.
const MAX_SIGNATURE_SHARE: f64 = 0.35;
/// Least text for content before the first post to become the opening post: with a time of its own / without.
const MIN_LEAD_TEXT_WITH_TIME: usize = 80;
const MIN_LEAD_TEXT: usize = 500;

static BODY: LazyLock<Selector> = LazyLock::new(|| sel("body"));
static LINKS: LazyLock<Selector> = LazyLock::new(|| sel("a[href]"));
static HR: LazyLock<Selector> = LazyLock::new(|| sel("hr"));

/// Reads the posts of a page by structure, or `None` when the page has no repeated post blocks.
pub fn read(page: &Page) -> Option<Thread> {
    let body = page.select(&BODY).next().unwrap_or_else(|| page.doc.root_element());
    if let Some(t) = microdata(page).filter(|t| t.posts.len() >= 2) {
        return Some(t);
    }
    let m = Measures::of(*body);
    structural(page, body, &m).or_else(|| json_ld(page))
}

// ---------------------------------------------------------------------------------------------------------
// Structure

/// One post's place in the page: a run of sibling elements and the time anchor it holds.
struct Block<'a> {
    run: Vec<ElementRef<'a>>,
    anchor: ElementRef<'a>,
}

impl Block<'_> {
    fn text(&self, m: &Measures) -> usize {
        self.run.iter().map(|e| m.text(e.id())).sum()
    }
    fn link(&self, m: &Measures) -> usize {
        self.run.iter().map(|e| m.size(e.id()).link).sum()
    }
}

fn structural<'a>(page: &'a Page, body: ElementRef<'a>, m: &Measures) -> Option<Thread> {
    let anchors = time_anchors(body, m);

    let mut groups: HashMap<String, Vec<ElementRef>> = HashMap::new();
    for a in &anchors {
        groups.entry(group_key(*a)).or_default().push(*a);
    }
    let (blocks, _) = groups
        .into_values()
        .filter(|g| g.len() >= 2)
        .filter_map(|g| {
            let blocks = blocks_of(&g, m);
            let text: usize = blocks.iter().map(|b| b.text(m)).sum();
            let link: usize = blocks.iter().map(|b| b.link(m)).sum();
            let times: usize = blocks.iter().map(|b| m.text(b.anchor.id())).sum();
            let own = text.saturating_sub(link).saturating_sub(times);
            let ok = blocks.len() >= 2
                && own / blocks.len() >= MIN_AVG_BLOCK_TEXT
                && (link as f64) <= MAX_LINK_DENSITY * text as f64;
            ok.then_some((blocks, own))
        })
        .max_by_key(|(_, own)| *own)?;
    let author_path = common_author_path(&blocks, m);
    let (mut posts, teasers): (Vec<Post>, Vec<bool>) =
        blocks.iter().map(|b| post_of(page, b, author_path.as_deref(), m)).unzip();
    if teasers.iter().filter(|t| **t).count() * 2 >= teasers.len() {
        return None;
    }
    for (post, depth) in posts.iter_mut().zip(depths(&blocks)) {
        post.depth = depth;
    }
    normalize_depths(&mut posts);
    if let Some(lead) = lead_post(page, body, &blocks, &anchors, m) {
        // Under an article, dated blocks without authors are teasers of other articles, not comments.
        let authored = posts.iter().filter(|p| p.author.is_some()).count();
        let mut names: Vec<&str> = posts.iter().filter_map(|p| p.author.as_deref()).collect();
        crate::sort::sort(&mut names);
        names.dedup();
        if authored * 2 < posts.len() || names.len() < 2 && posts.len() > 2 {
            return None;
        }
        posts.insert(0, lead);
    } else if article_outweighs(page, body, &posts, m) {
        return None;
    }
    posts.retain(|p| !p.text.is_empty());
    (posts.len() >= 2).then(|| Thread { platform: PLATFORM.into(), posts, ..Thread::default() })
}

/// How much more text the page's article must hold than all the posts together for the posts to be a side
/// part of an article page (dated paragraphs of a story, its comment section, teasers) rather than the page.
const ARTICLE_OVER_POSTS: usize = 2;

/// Whether the page's main text (found as the article reader finds it) outweighs the posts: then the page is
/// an article and the article reader reads it.
fn article_outweighs(page: &Page, body: ElementRef, posts: &[Post], m: &Measures) -> bool {
    let posts_text: usize = posts.iter().map(|p| p.text.chars().filter(|c| !c.is_whitespace()).count()).sum();
    article::main_content(page, body, m, &[]).is_some_and(|c| {
        let excluded: usize = c.exclude.iter().map(|id| m.text(*id)).sum();
        let size = m.size(c.root.id());
        let article = size.text.saturating_sub(excluded).saturating_sub(size.link);
        article > ARTICLE_OVER_POSTS * posts_text
    })
}

/// Markup path of a time anchor: its own signature, its parent's, and its grandparent's tag.
fn group_key(a: ElementRef) -> String {
    let mut key = signature(a.value());
    let mut up = a.ancestors().filter_map(ElementRef::wrap);
    if let Some(p) = up.next() {
        key.push('<');
        key.push_str(&signature(p.value()));
    }
    if let Some(g) = up.next() {
        key.push('<');
        key.push_str(g.value().name());
    }
    key
}

/// The block of each anchor: the largest ancestor holding no other anchor of the group; when most of those
/// are headers only (table layouts put the body in the next row), each runs on over the following siblings up
/// to the next post.
fn blocks_of<'a>(group: &[ElementRef<'a>], m: &Measures) -> Vec<Block<'a>> {
    let mut count: HashMap<NodeId, usize> = HashMap::new();
    for a in group {
        for anc in a.ancestors() {
            *count.entry(anc.id()).or_default() += 1;
        }
    }
    let tops: Vec<(ElementRef<'a>, ElementRef<'a>)> = group
        .iter()
        .map(|a| {
            let mut x = *a;
            while let Some(p) = x.parent().and_then(ElementRef::wrap) {
                if count.get(&p.id()).copied().unwrap_or(0) > 1 || matches!(p.value().name(), "body" | "html") {
                    break;
                }
                x = p;
            }
            (x, *a)
        })
        .collect();
    // A top is a header only when little of its text is neither the time nor links (title, author).
    let header_only = tops.iter().filter(|(x, a)| is_header_only(*x, *a, m)).count();
    let extend = header_only * 2 > tops.len();
    tops.into_iter()
        .map(|(x, anchor)| {
            let mut run = vec![x];
            if extend {
                let mut next = x.next_sibling();
                while let Some(n) = next {
                    if let Some(e) = ElementRef::wrap(n) {
                        if count.contains_key(&e.id()) {
                            break;
                        }
                        run.push(e);
                    }
                    next = n.next_sibling();
                }
            }
            Block { run, anchor }
        })
        .collect()
}

/// Whether an element around a time holds little text besides that time and links (title, author): a header.
fn is_header_only(x: ElementRef, anchor: ElementRef, m: &Measures) -> bool {
    let s = m.size(x.id());
    s.text.saturating_sub(s.link).saturating_sub(m.text(anchor.id())) < 2 * MIN_AVG_BLOCK_TEXT
}

/// A candidate author element in a block: a short link, or an element whose class names an author.
fn author_candidates<'a>(block: &Block<'a>, m: &Measures) -> Vec<ElementRef<'a>> {
    let body = body_core(block, m);
    // Authors are not inside the body (links a post's text holds).
    let is_in_body = |e: &ElementRef| body.is_some_and(|b| m.within(**e, b));
    block
        .run
        .iter()
        .flat_map(|r| r.descendants().filter_map(ElementRef::wrap))
        .filter(|e| {
            let n = m.text(e.id());
            let is_link = e.value().name() == "a" && e.value().attr("href").is_some();
            // An element named for its author shows one name: a box named `post__user__info` that holds an
            // avatar letter and a "Userlevel 1" badge is a container, not the name.
            let named = tokens(e.value()).any(|t| AUTHOR_TOKENS.contains(&t.as_str()))
                && e.text().filter(|t| !t.trim().is_empty()).count() == 1;
            // A bold name with nothing inside it (FluxBB's `<dt><strong>name</strong></dt>`).
            let bold = matches!(e.value().name(), "strong" | "b") && e.children().all(|c| c.value().is_text());
            (is_link || named || bold) && (2..=MAX_AUTHOR_CHARS).contains(&n)
        })
        // Not the time itself, nor around it (a name inside a "by X » date" line is fine).
        .filter(|e| !m.within(*block.anchor, e.id()))
        .filter(|e| {
            let t = text::squash(&e.text().collect::<String>());
            t.split_whitespace().count() <= 4
                && !date::is_date_like(&t)
                && t.chars().any(char::is_alphabetic)
                && !t.starts_with(['#', '@', '(', '['])
                && post::is_name(&t)
        })
        .filter(|e| !is_in_body(e))
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

/// Words in a link's address that mark a profile page.
/// Account pages a link may go to that are not a profile ("/user/login?destination=...", "register").
const ACCOUNT_HREF: &[&str] = &["login", "logon", "signin", "sign-in", "sign_in", "register", "signup", "logout"];

/// Whether a link goes to a member's profile ([`PROFILE_HREF`]) rather than an account page ([`ACCOUNT_HREF`]).
fn is_profile_href(h: &str) -> bool {
    let h = h.to_lowercase();
    PROFILE_HREF.iter().any(|p| h.contains(p)) && !ACCOUNT_HREF.iter().any(|p| h.contains(p))
}

const PROFILE_HREF: &[&str] = &["profile", "member", "user", "/u/", "author", "uid=", "people", "/~", "account"];

/// The markup path, relative to the block, at which most blocks have an author candidate.
fn common_author_path(blocks: &[Block], m: &Measures) -> Option<String> {
    // Per path: blocks it occurs in, marks (author-named class, profile link; up to two a block), and a hint
    // score that also prefers the earlier candidates of a block.
    let mut votes: HashMap<String, (usize, usize, i64)> = HashMap::new();
    for b in blocks {
        let mut seen = std::collections::HashSet::new();
        for (i, c) in author_candidates(b, m).into_iter().enumerate() {
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

/// The largest ancestor of `e` inside the block that is still a header (short text).
fn header_of<'a>(block: &Block<'a>, e: ElementRef<'a>, m: &Measures) -> ElementRef<'a> {
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
fn post_of(page: &Page, block: &Block, author_path: Option<&str>, m: &Measures) -> (Post, bool) {
    let candidates = author_candidates(block, m);
    let author_el = author_path
        .and_then(|p| candidates.iter().find(|c| relative_path(block, **c) == p))
        .or(candidates.first())
        .copied();
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
    let (root, mut exclude) = match (body_el, block.run.as_slice()) {
        (Some(b), _) => whole_body(b, block, &header, m),
        (None, [one]) => (*one, header.iter().map(|h| h.id()).collect()),
        (None, run) => {
            let parent = run[0].parent().and_then(ElementRef::wrap).unwrap_or(run[0]);
            let others = parent.children().filter(|c| !run.iter().any(|r| r.id() == c.id())).map(|c| c.id());
            (parent, others.chain(header.iter().map(|h| h.id())).collect())
        }
    };
    exclude.extend(signature_after_hr(root, m));
    let mut author_info = BTreeMap::new();
    if let Some(a) = author_el {
        author_info = author_details(header_of(block, a, m), a);
        let link = if a.value().name() == "a" { Some(a) } else { a.select(&LINKS).next() };
        let href =
            link.or_else(|| a.ancestors().filter_map(ElementRef::wrap).take(2).find(|p| p.value().name() == "a"));
        add_profile(&mut author_info, page.base(), href.and_then(|l| l.value().attr("href")));
    }
    let teaser = opens_with_headline(root, &exclude, m);
    let post = post::build(
        page,
        PostParts {
            author: author_el.map(|a| a.text().collect()).or_else(|| byline_name(time_el)),
            author_info,
            time: Some(time_el),
            body: Some(root),
            exclude,
            permalink: absolute(page, permalink(block, time_el)),
            anchor: block.run[0].value().id().map(str::to_string),
            score: score(block, root),
            depth: 0,
            ..PostParts::default()
        },
    );
    (post, teaser)
}

/// Least length of a link that opens a block for the block to count as a teaser ("Headline of another story").
const MIN_HEADLINE: usize = 20;

/// Whether the first text of a body is a long link: the headline of a teaser.
fn opens_with_headline(root: ElementRef, exclude: &[NodeId], m: &Measures) -> bool {
    let first = root.descendants().find(|n| {
        n.value().as_text().is_some_and(|t| !t.trim().is_empty())
            && !n.ancestors().take_while(|a| a.id() != root.id()).any(|a| exclude.contains(&a.id()))
    });
    first.is_some_and(|t| {
        t.ancestors()
            .take_while(|a| a.id() != root.id())
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().name() == "a" && m.text(a.id()) >= MIN_HEADLINE)
    })
}

/// The last `<hr>` in a body, when what follows it is short: a signature. Returns the nodes to leave out.
fn signature_after_hr(root: ElementRef, m: &Measures) -> Vec<NodeId> {
    let Some(hr) = root.select(&HR).last() else { return Vec::new() };
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
fn author_details(header: ElementRef, author: ElementRef) -> BTreeMap<String, String> {
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

/// The post's own address: the link around or beside its time, or a link to an anchor inside the block.
fn permalink(block: &Block, time_el: ElementRef) -> Option<String> {
    let around = time_el.ancestors().filter_map(ElementRef::wrap).take(3).find(|a| a.value().name() == "a");
    let inside = time_el.select(&LINKS).next();
    let ids: Vec<&str> =
        block.run.iter().flat_map(|r| r.descendants()).filter_map(|n| n.value().as_element()?.id()).collect();
    let to_anchor = || {
        block
            .run
            .iter()
            .flat_map(|r| r.select(&LINKS))
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

fn score(block: &Block, body: ElementRef) -> Option<i64> {
    structure::pruned(&block.run, |e| e.id() != body.id())
        .into_iter()
        .filter(|e| tokens(e.value()).any(|t| SCORE_TOKENS.contains(&t.as_str())))
        .find_map(|e| {
            let t = text::squash(&e.text().collect::<String>());
            let t: String = t.chars().filter(|c| c.is_ascii_digit() || *c == '-' || *c == '+').collect();
            t.trim_start_matches('+').parse().ok()
        })
}

/// Reply depth of each block: nested comment trees repeat one item element (`li.comment`) around every reply,
/// so a block's depth is how many of those enclose its time. The item is the nearest ancestor signature that
/// every block's time has above it, and some more than once (in a flat thread there is none: all depths are 0).
fn depths(blocks: &[Block]) -> Vec<u32> {
    let chains: Vec<Vec<String>> = blocks
        .iter()
        .map(|b| b.anchor.ancestors().filter_map(ElementRef::wrap).map(|a| signature(a.value())).collect())
        .collect();
    let Some(first) = chains.first() else { return Vec::new() };
    let count = |c: &Vec<String>, sig: &String| c.iter().filter(|s| *s == sig).count();
    let item = first.iter().find(|sig| {
        chains.iter().all(|c| c.contains(sig)) && chains.iter().any(|c| count(c, sig) != count(first, sig))
    });
    chains.iter().map(|c| item.map_or(0, |sig| count(c, sig).saturating_sub(1) as u32)).collect()
}

fn normalize_depths(posts: &mut [Post]) {
    let min = posts.iter().map(|p| p.depth).min().unwrap_or(0);
    for p in posts {
        p.depth -= min;
    }
}

/// Content before the first block that no block covers: an opening post in markup of its own, or the article
/// a comment section sits under.
fn lead_post(page: &Page, body: ElementRef, blocks: &[Block], anchors: &[ElementRef], m: &Measures) -> Option<Post> {
    let first = blocks.first()?.run.first()?;
    let exclude: Vec<NodeId> = blocks.iter().flat_map(|b| b.run.iter().map(|r| r.id())).collect();
    let content = article::main_content(page, body, m, &exclude)?;
    let main = content.root;
    // It must come before the posts, and not contain them.
    let before = main.id() != first.id() && !m.within(**first, main.id()) && m.precedes(main.id(), first.id());
    if !before {
        return None;
    }
    // One set of intervals for every block, not a check of each anchor against each block (anchors × blocks).
    let in_blocks = m.cover(blocks.iter().flat_map(|b| b.run.iter()).map(|r| r.id()));
    let lead_time = anchors
        .iter()
        .filter(|a| m.precedes(a.id(), first.id()) && !in_blocks.holds(a.id(), m))
        .rfind(|a| m.within(***a, main.id()) || m.precedes(a.id(), main.id()))
        .copied();
    let min = if lead_time.is_some() { MIN_LEAD_TEXT_WITH_TIME } else { MIN_LEAD_TEXT };
    if m.text(main.id()).saturating_sub(m.size(main.id()).link) < min {
        return None;
    }
    let time_el = lead_time.map(|t| structure::time_element(t, m));
    let in_main: Vec<NodeId> = time_el.iter().filter(|t| m.within(***t, main.id())).map(|t| t.id()).collect();
    let author_el = time_el.and_then(|t| nearby_author(t, m));
    let author_info = author_el.map(|(h, a)| author_details(h, a)).unwrap_or_default();
    let author =
        author_el.map(|(_, a)| text::squash(&a.text().collect::<String>())).or_else(|| page.meta.author.clone());
    let mut exclude = in_main;
    exclude.extend(content.exclude);
    exclude.extend(exclude_blocks_within(main, blocks, m));
    exclude.extend(signature_after_hr(main, m));
    Some(post::build(
        page,
        PostParts {
            author,
            author_info,
            time: time_el,
            time_text: if time_el.is_none() { page.meta.published.clone() } else { None },
            body: Some(main),
            exclude,
            anchor: main.value().id().map(str::to_string),
            ..PostParts::default()
        },
    ))
}

/// Blocks that sit inside the lead's root (a lead picked as the parent of its siblings may hold the posts' list).
fn exclude_blocks_within(root: ElementRef, blocks: &[Block], m: &Measures) -> Vec<NodeId> {
    blocks.iter().flat_map(|b| b.run.iter()).filter(|r| m.within(***r, root.id())).map(|r| r.id()).collect()
}

/// Characters that end a plain-text name standing just before a post's time ("keepingsanity · 03/03/2026").
const BYLINE_SEPARATORS: &[char] = &['·', '•', '|', '–', '—', '-'];

/// The poster's name in a header that shows it as plain text right before the time, ended by a separator
/// (`<div>keepingsanity · <span>03/03/2026 19:49</span></div>`): the board marks the name as the poster by
/// that place. Only text nodes may stand before the time in its parent, or, after a title link, a text that
/// marks the poster with "by" (`<a>Re: title</a> by Nobody: <span>12:16pm</span>`, a guest without a profile);
/// the name must pass [`post::is_name`].
fn byline_name(time_el: ElementRef) -> Option<String> {
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
        (_, false) => {
            let name = name.strip_suffix(BYLINE_SEPARATORS)?.trim();
            name.strip_prefix("by ").or_else(|| name.strip_prefix("By ")).unwrap_or(name).trim()
        }
    };
    let ok = (2..=MAX_AUTHOR_CHARS).contains(&name.chars().count())
        && name.split_whitespace().count() <= 3
        && post::is_name(name)
        && !date::is_date_like(name);
    ok.then(|| name.to_string())
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
fn nearby_author<'a>(time_el: ElementRef<'a>, m: &Measures) -> Option<(ElementRef<'a>, ElementRef<'a>)> {
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
    };
    let links: Vec<ElementRef> = h
        .select(&LINKS)
        .filter(short)
        .filter(|a| !a.value().attr("href").is_some_and(is_home_href) && !in_breadcrumb(*a, h))
        .filter(|a| post::is_name(&text::squash(&a.text().collect::<String>())))
        .collect();
    links.iter().find(|a| a.value().attr("href").is_some_and(is_profile_href)).or(links.first()).map(|a| (h, *a))
}

// ---------------------------------------------------------------------------------------------------------
// Microdata and JSON-LD

static MICRODATA_POSTS: LazyLock<Selector> = LazyLock::new(|| {
    sel("[itemtype*=DiscussionForumPosting], [itemtype*=\"schema.org/Comment\"], [itemtype*=\"schema.org/Answer\"], \
         [itemtype*=\"schema.org/Question\"], [itemtype*=SocialMediaPosting]")
});
static ITEMPROP: LazyLock<Selector> = LazyLock::new(|| sel("[itemprop]"));

/// Posts the page marks up with schema.org microdata.
fn microdata(page: &Page) -> Option<Thread> {
    let posts: Vec<Post> = page
        .doc
        .select(&MICRODATA_POSTS)
        .filter_map(|item| {
            let prop = |name: &str| own_props(item).into_iter().find(|p| has_prop(p, name));
            let body = prop("text").or_else(|| prop("articleBody")).or_else(|| prop("description"))?;
            let author_el = prop("author");
            let author = author_el.map(|a| {
                a.select(&ITEMPROP)
                    .find(|n| has_prop(n, "name"))
                    .map_or_else(|| a.text().collect(), |n| n.text().collect())
            });
            // The profile link: around the author's name (`<a href><span itemprop=author>`) or inside it.
            let mut author_info = BTreeMap::new();
            let link = author_el.and_then(|a| {
                a.ancestors().filter_map(ElementRef::wrap).take(2).find(|p| p.value().name() == "a").or_else(|| {
                    if a.value().name() == "a" {
                        Some(a)
                    } else {
                        a.select(&LINKS).next()
                    }
                })
            });
            add_profile(&mut author_info, page.base(), link.and_then(|l| l.value().attr("href")));
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

fn has_prop(e: &ElementRef, name: &str) -> bool {
    e.value().attr("itemprop").is_some_and(|v| v.split_whitespace().any(|p| p == name))
}

/// Properties of an item that belong to it, not to an item nested in it.
fn own_props(item: ElementRef) -> Vec<ElementRef> {
    item.select(&ITEMPROP)
        .filter(|p| {
            p.ancestors()
                .filter_map(ElementRef::wrap)
                .find(|a| a.value().attr("itemscope").is_some())
                .is_some_and(|scope| scope.id() == item.id())
        })
        .collect()
}

/// Posts from JSON-LD `DiscussionForumPosting` (and its `comment`s), for pages whose markup gives nothing.
fn json_ld(page: &Page) -> Option<Thread> {
    let root = page.meta.json_ld.iter().flat_map(ld_items).find(|v| {
        matches!(v.get("@type").and_then(Value::as_str), Some("DiscussionForumPosting" | "SocialMediaPosting"))
    })?;
    let mut posts = Vec::new();
    let mut stack = vec![(root, 0u32)];
    while let Some((v, depth)) = stack.pop() {
        let text = ["text", "articleBody"].iter().find_map(|k| v.get(*k).and_then(Value::as_str)).map(text::squash);
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
        read(&page)
    }

    #[test]
    fn german_board_with_nested_replies() {
        let reply = |id: u32, who: &str, when: &str, text: &str, children: &str| {
            format!(
                r#"<li class="c" id="c{id}"><div class="kopf"><a href="/mitglied/{who}">{who}</a> <span>{when}</span></div>
                <div class="inhalt"><p>{text}</p></div><ul class="kinder">{children}</ul></li>"#
            )
        };
        let inner = reply(3, "carla", "11.01.2022, 15:02", "Das sehe ich genauso, danke für den Hinweis.", "");
        let html = format!(
            "<body><nav><a href=/>Forum</a></nav><ul class=\"liste\">{}{}</ul></body>",
            reply(
                1,
                "anna",
                "11.01.2022, 14:28",
                "Die Truppen sollen in zwei Tagen abziehen, sagt der Präsident.",
                &inner
            ),
            reply(2, "bernd", "11.01.2022, 14:45", "Zehn Tage sind eine lange Zeit für so einen Abzug, finde ich.", ""),
        );
        let t = read_html(&html).expect("posts found");
        let got: Vec<_> = t.posts.iter().map(|p| (p.author.as_deref(), p.published.as_deref(), p.depth)).collect();
        assert_eq!(
            got,
            [
                (Some("anna"), Some("2022-01-11T14:28:00"), 0),
                (Some("carla"), Some("2022-01-11T15:02:00"), 1),
                (Some("bernd"), Some("2022-01-11T14:45:00"), 0)
            ]
        );
        assert!(!t.posts[0].text.contains("Das sehe ich"), "a reply is not part of its parent: {}", t.posts[0].text);
        assert_eq!(t.posts[1].permalink.as_deref(), Some("https://board.example/t/1#c3"));
    }

    #[test]
    fn table_rows_header_then_body_keep_short_posts_clean() {
        let row = |n: u32, who: &str, when: &str, text: &str| {
            format!(
                r#"<tr><td class="hd"><a href="/t/9#{n}">Re: A thread title long enough to look like a headline</a>
                by <a href="/{who}" class="user">{who}</a>: <span class="s"><b>{when}</b> On <b>Apr 24</b></span></td></tr>
                <tr><td class="bd"><div class="narrow">{text}</div></td></tr>"#
            )
        };
        let html = format!(
            "<body><table>{}{}{}</table></body>",
            row(1, "ann", "9:00am", "The opening post of this thread, with a few sentences of its own to read."),
            row(2, "bob", "10:16am", "ok"),
            row(3, "cyd", "10:22am", "Nice post, I did not know that one before today."),
        );
        let t = read_html(&html).expect("posts found");
        let got: Vec<_> = t.posts.iter().map(|p| (p.author.as_deref(), p.text.as_str())).collect();
        assert_eq!(got[1], (Some("bob"), "ok"), "{got:?}");
        assert_eq!(t.posts.len(), 3);
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

    #[test]
    fn breadcrumb_links_are_not_authors() {
        let html = r#"<div class="created-row"><ul class="breadcrumbs"><li><a href="/forum">Forums</a></li></ul>
            <span>by <a href="/user/7">anna</a></span> <span>Aug 13, 2023</span></div>"#;
        let doc = scraper::Html::parse_fragment(html);
        let header = doc.select(&sel("div.created-row")).next().expect("static selector");
        let links: Vec<_> =
            doc.select(&LINKS).map(|a| (a.text().collect::<String>(), in_breadcrumb(a, header))).collect();
        assert_eq!(links, [("Forums".to_string(), true), ("anna".to_string(), false)]);
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

    #[test]
    fn dated_teasers_are_not_posts() {
        let teaser = |n: u32| {
            format!(
                r#"<div class="card"><a href="/story/{n}">A headline of another story number {n}</a><span>Jan {n}, 2022</span>
                <p>A short teaser line of that story.</p></div>"#
            )
        };
        let html = format!("<body>{}{}{}</body>", teaser(1), teaser(2), teaser(3));
        assert!(read_html(&html).is_none());
    }
}

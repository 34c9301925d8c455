//! The content above the posts. An opening post in markup of its own, or the article a comment section sits
//! under, is content before the first block that no block covers: found as the article reader finds main
//! content, it becomes the first post when it holds enough text (less when it has a time of its own). And the
//! other way round: when the page's article outweighs all the dated blocks together, the blocks are a side part
//! of an article page (its dated paragraphs, comments or teasers) and the article reader reads the page.

use super::author::{author_details, byline_name, nearby_author};
use super::body::signature_after_hr;
use super::Block;
use crate::model::Post;
use crate::parse::Page;
use crate::text;
use crate::thread::article;
use crate::thread::post::{self, PostParts};
use crate::thread::structure::{self, Measures};
use ego_tree::NodeId;
use scraper::ElementRef;

/// Least text for content before the first post to become the opening post: with a time of its own / without.
const MIN_LEAD_TEXT_WITH_TIME: usize = 80;
const MIN_LEAD_TEXT: usize = 500;

/// How much more text the page's article must hold than all the posts together for the posts to be a side
/// part of an article page (dated paragraphs of a story, its comment section, teasers) rather than the page.
const ARTICLE_OVER_POSTS: usize = 2;

/// Whether the page's main text (found as the article reader finds it) outweighs the posts: then the page is
/// an article and the article reader reads it.
pub(super) fn article_outweighs(page: &Page, body: ElementRef, posts: &[Post], m: &Measures) -> bool {
    let posts_text: usize = posts.iter().map(|p| p.text.chars().filter(|c| !c.is_whitespace()).count()).sum();
    article::main_content(page, body, m, &[]).is_some_and(|c| {
        let excluded: usize = c.exclude.iter().map(|id| m.text(*id)).sum();
        let size = m.size(c.root.id());
        let article = size.text.saturating_sub(excluded).saturating_sub(size.link);
        article > ARTICLE_OVER_POSTS * posts_text
    })
}

/// Content before the first block that no block covers: an opening post in markup of its own, or the article
/// a comment section sits under.
pub(super) fn lead_post(
    page: &Page,
    body: ElementRef,
    blocks: &[Block],
    anchors: &[ElementRef],
    m: &Measures,
) -> Option<Post> {
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
    // A linked name near the time, else a plain-text name right before it (as a block's), else the page's.
    let author = author_el
        .map(|(_, a)| text::squash(&a.text().collect::<String>()))
        .or_else(|| time_el.and_then(byline_name))
        .or_else(|| page.meta.author.clone());
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

//! Finding the posts' blocks. Every time anchor gets a markup path (its signature, its parent's, its
//! grandparent's tag); anchors on one path are one candidate group. A group's block for each anchor is the
//! largest ancestor that holds no other anchor of the group, so in a nested comment tree a reply's time makes
//! its parent's block stop above it. Table layouts put the header (time, author) in one row and the body in the
//! next: when most blocks are only headers, each block runs on over the following siblings up to the next one.
//! A block's reply depth is how many copies of the repeated item element (`li.comment`) enclose its time.

use super::{Block, MIN_AVG_BLOCK_TEXT};
use crate::hash::{FastMap, FastSet};
use crate::model::Post;
use crate::thread::structure::{signature, Measures};
use ego_tree::NodeId;
use scraper::ElementRef;

/// Markup path of a time anchor: its own signature, its parent's, and its grandparent's tag. A link that
/// wraps only the time (a permalink) is left out of the path: boards often give every reply's time a
/// permalink and the opening post's none, and the opening post's time belongs to the same group.
pub(super) fn group_key(a: ElementRef) -> String {
    let mut key = signature(a.value());
    let mut up = a.ancestors().filter_map(ElementRef::wrap).peekable();
    if up.peek().is_some_and(|p| wraps_only(*p, a)) {
        up.next();
    }
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

/// Whether `link` is an `<a>` whose only content is `inner` (white space aside).
fn wraps_only(link: ElementRef, inner: ElementRef) -> bool {
    link.value().name() == "a"
        && link.children().all(|c| c.id() == inner.id() || c.value().as_text().is_some_and(|t| t.trim().is_empty()))
}

/// The block of each anchor: the largest ancestor holding no other anchor of the group; when most of those
/// are headers only (table layouts put the body in the next row), each runs on over the following siblings up
/// to the next post.
pub(super) fn blocks_of<'a>(group: &[ElementRef<'a>], m: &Measures) -> Vec<Block<'a>> {
    let mut count: FastMap<NodeId, usize> = FastMap::default();
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
    // A run stops at the next block: an element around an anchor, or a top that is its anchor itself (times
    // that are siblings of each other, as a page flattened past the nesting limit leaves them). Without the
    // second, each such block ran on over every later post: runs overlapping, posts × page of text.
    let starts: FastSet<NodeId> = tops.iter().map(|(x, _)| x.id()).collect();
    tops.into_iter()
        .map(|(x, anchor)| {
            let mut run = vec![x];
            if extend {
                let mut next = x.next_sibling();
                while let Some(n) = next {
                    if let Some(e) = ElementRef::wrap(n) {
                        if count.contains_key(&e.id()) || starts.contains(&e.id()) {
                            break;
                        }
                        run.push(e);
                    }
                    next = n.next_sibling();
                }
            }
            Block { run, anchor, by_poster: false }
        })
        .collect()
}

/// Whether an element around a time holds little text besides that time and links (title, author): a header.
pub(super) fn is_header_only(x: ElementRef, anchor: ElementRef, m: &Measures) -> bool {
    let s = m.size(x.id());
    s.text.saturating_sub(s.link).saturating_sub(m.text(anchor.id())) < 2 * MIN_AVG_BLOCK_TEXT
}

/// Reply depth of each block: nested comment trees repeat one item element (`li.comment`) around every reply,
/// so a block's depth is how many of those enclose its time. The item is the nearest ancestor signature that
/// every block's time has above it, and some more than once (in a flat thread there is none: all depths are 0).
pub(super) fn depths(blocks: &[Block]) -> Vec<u32> {
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

pub(super) fn normalize_depths(posts: &mut [Post]) {
    let min = posts.iter().map(|p| p.depth).min().unwrap_or(0);
    for p in posts {
        p.depth -= min;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The opening post's time without a permalink and the replies' times inside one share a path.
    #[test]
    fn a_permalink_around_the_time_is_not_part_of_its_path() {
        let html = r##"<html><body>
            <div class="meta"><time datetime="2005-07-10T00:57:00">7/9/05</time></div>
            <div class="meta"><a href="#r1"><time datetime="2005-07-10T01:56:00">7/9/05</time></a></div>
            <div class="meta"><a href="#r2">#2 <time datetime="2005-07-10T02:56:00">7/9/05</time></a></div>
            </body></html>"##;
        let Ok(page) = crate::parse::parse(html, None) else { panic!("parse") };
        let time = crate::thread::page_info::sel("time");
        let keys: Vec<String> = page.find_all(&time).map(group_key).collect();
        assert_eq!(keys[0], keys[1], "{keys:?}");
        assert_ne!(keys[1], keys[2], "a link holding more than the time stays in the path: {keys:?}");
    }
}

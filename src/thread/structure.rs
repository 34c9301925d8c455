//! Structural measures of a page the generic detector and the article reader share: text length per element,
//! link text per element, element signatures, and the time-like elements of post headers.
//!
//! Everything here is computed in one pass over the tree (or one pass per question), so the readers stay linear
//! in the page size.

use crate::hash::{FastMap, FastSet};
use crate::{date, text};
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Node};
use std::hash::{Hash, Hasher};

/// Text measures of every element, counted in non-white-space characters.
///
/// Kept in two flat vectors indexed by the node's slot in the tree ([`slot`]), 20 bytes a node: the hash maps
/// they replace cost about 60 (buckets for every node, a power of two at 7/8 load), which on element-dense
/// pages was 3 times the page's size on top of the tree.
pub struct Measures {
    sizes: Vec<Packed>,
    /// Each node's pre-order position and the position after its last descendant: `b` lies within `a` when
    /// `b`'s position falls in `a`'s interval, one comparison instead of a climb through `b`'s ancestors (which,
    /// asked for every node against every post, was nodes × posts × depth). [`UNMEASURED`] for nodes outside
    /// the measured tree.
    span: Vec<(u32, u32)>,
}

/// The span of a node outside the measured tree (detached, or above the root).
const UNMEASURED: (u32, u32) = (u32::MAX, 0);

/// A [`Size`] in 12 bytes (pages are read up to 32 MB: counts fit in 32 bits).
#[derive(Clone, Copy, Default)]
struct Packed {
    text: u32,
    link: u32,
    elements: u32,
}

/// The slot of `id` in its tree's node vector. ego-tree keeps the slot private, but a `NodeId` hashes as
/// that slot plus one (a derived `Hash` of a `NonZeroUsize`): a hasher that keeps the number it is given reads
/// it back. The test `slots_are_tree_order` checks this against the tree's own order.
pub(crate) fn slot(id: NodeId) -> usize {
    struct Keep(usize);
    impl Hasher for Keep {
        fn finish(&self) -> u64 {
            self.0 as u64
        }
        fn write(&mut self, bytes: &[u8]) {
            // Not reached for a `NonZeroUsize`; folds bytes in so a change of representation stays a number.
            self.0 = bytes.iter().fold(0, |n, &b| n << 8 | usize::from(b));
        }
        fn write_usize(&mut self, n: usize) {
            self.0 = n;
        }
    }
    let mut keep = Keep(0);
    id.hash(&mut keep);
    keep.0.wrapping_sub(1)
}

/// Subtrees of the measured tree, as disjoint intervals of pre-order positions sorted by start.
pub struct Cover {
    spans: Vec<(u32, u32)>,
}

impl Cover {
    /// Whether `node` lies in one of the subtrees (nodes outside the measured tree never do).
    pub fn holds(&self, node: NodeId, m: &Measures) -> bool {
        crate::text::count_walked(1);
        let Some((at, _)) = m.span_of(node) else { return false };
        let i = self.spans.partition_point(|s| s.0 <= at);
        i > 0 && at < self.spans[i - 1].1
    }
}

/// Text under one element.
#[derive(Debug, Clone, Copy, Default)]
pub struct Size {
    /// Characters of text (white space not counted).
    pub text: usize,
    /// Characters of text inside links.
    pub link: usize,
    /// Elements below it, itself included.
    pub elements: usize,
}

impl Measures {
    /// Measures every element under `root` in one walk.
    pub fn of(root: NodeRef<Node>) -> Measures {
        let slots = root.tree().nodes().map(|n| slot(n.id()) + 1).max().unwrap_or(0);
        let mut sizes = vec![Packed::default(); slots];
        let mut span = vec![UNMEASURED; slots];
        let mut stack: Vec<Packed> = Vec::new();
        let (mut in_link, mut skipping) = (0u32, 0u32);
        let mut at = 0u32;
        for edge in root.traverse() {
            match edge {
                Edge::Open(n) => {
                    if let Some(s) = span.get_mut(slot(n.id())) {
                        *s = (at, at + 1);
                    }
                    at += 1;
                    match n.value() {
                        Node::Element(e) => {
                            stack.push(Packed { elements: 1, ..Packed::default() });
                            in_link += u32::from(is_link(e));
                            skipping += u32::from(text::is_skipped(e.name()));
                        }
                        Node::Text(t) if skipping == 0 => {
                            let c = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
                            if let Some(top) = stack.last_mut() {
                                top.text += c;
                                if in_link > 0 {
                                    top.link += c;
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(n) => {
                    if let Some(s) = span.get_mut(slot(n.id())) {
                        s.1 = at;
                    }
                    if let Node::Element(e) = n.value() {
                        let s = stack.pop().unwrap_or_default();
                        if let Some(x) = sizes.get_mut(slot(n.id())) {
                            *x = s;
                        }
                        if let Some(top) = stack.last_mut() {
                            top.text += s.text;
                            top.link += s.link;
                            top.elements += s.elements;
                        }
                        in_link -= u32::from(is_link(e));
                        skipping -= u32::from(text::is_skipped(e.name()));
                    }
                }
            }
        }
        Measures { sizes, span }
    }

    /// The node's pre-order interval, if it lies in the measured tree.
    fn span_of(&self, id: NodeId) -> Option<(u32, u32)> {
        self.span.get(slot(id)).copied().filter(|s| *s != UNMEASURED)
    }

    /// Whether element `a` starts before element `b` in the document (elements outside the measured tree never do).
    pub fn precedes(&self, a: NodeId, b: NodeId) -> bool {
        matches!((self.span_of(a), self.span_of(b)), (Some(x), Some(y)) if x.0 < y.0)
    }

    /// Whether `node` is `ancestor` or lies below it: one interval comparison for nodes of the measured tree
    /// (a climb through `node`'s ancestors for the others, which the readers do not ask about).
    pub fn within(&self, node: NodeRef<Node>, ancestor: NodeId) -> bool {
        text::count_walked(1);
        match (self.span_of(node.id()), self.span_of(ancestor)) {
            (Some(n), Some(a)) => a.0 <= n.0 && n.0 < a.1,
            _ => {
                node.id() == ancestor || node.ancestors().inspect(|_| text::count_walked(1)).any(|a| a.id() == ancestor)
            }
        }
    }

    /// The nodes under any of `roots`, as merged intervals: [`Cover::holds`] answers in a binary search.
    pub fn cover(&self, roots: impl Iterator<Item = NodeId>) -> Cover {
        let mut spans: Vec<(u32, u32)> = roots.filter_map(|r| self.span_of(r)).collect();
        crate::sort::sort(&mut spans);
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(spans.len());
        for (start, end) in spans {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        Cover { spans: merged }
    }

    pub fn size(&self, id: NodeId) -> Size {
        let p = self.sizes.get(slot(id)).copied().unwrap_or_default();
        Size { text: p.text as usize, link: p.link as usize, elements: p.elements as usize }
    }

    pub fn text(&self, id: NodeId) -> usize {
        self.size(id).text
    }
}

/// Class tokens that mark a state, not a kind of element: alternating rows and read/unread flags must not split
/// a run of posts into two groups.
const STATE_CLASSES: &[&str] =
    &["odd", "even", "alt", "first", "last", "new", "unread", "read", "active", "selected", "highlight", "op", "own"];

/// `tag.class1.class2` with classes sorted, digits removed (`post-123` → `post-`) and state classes dropped.
pub fn signature(e: &scraper::node::Element) -> String {
    let mut classes: Vec<String> = e
        .classes()
        .map(|c| c.chars().filter(|ch| !ch.is_ascii_digit()).map(|ch| ch.to_ascii_lowercase()).collect::<String>())
        .filter(|c| !c.is_empty() && !STATE_CLASSES.contains(&c.as_str()))
        .collect();
    crate::sort::sort(&mut classes);
    classes.dedup();
    let mut s = e.name().to_string();
    for c in classes {
        s.push('.');
        s.push_str(&c);
    }
    s
}

/// Attributes that hold a machine-readable time on post headers.
const TIME_ATTRS: &[&str] = &[
    "datetime",
    "data-time",
    "data-timestamp",
    "data-datetime",
    "data-date",
    "data-utime",
    "data-epoch",
    "data-created",
];

/// Words of an edit note ("Edited 12/31/2017", "Last edited by anna; 2019-02-01", "[Beitrag von anna
/// bearbeitet am 12.03.2019]", "Modifié le ..."): the time in one is when the post was changed, never its post
/// time. Matched lowercased, anywhere in the time's text or its short parent's.
const EDIT_MARKERS: &[&str] = &[
    "edited",
    "bearbeitet",
    "editiert",
    "geändert",
    "modifié",
    "édité",
    "editado",
    "modificado",
    "modificato",
    "bewerkt",
    "redigerad",
];
/// How far before a date (characters) an edit marker may stand: "bearbeitet am ", "edited by anna on ".
const EDIT_MARKER_REACH: usize = 40;
/// Longest parent text (characters) read as the note around a time: longer is a post body that mentions an edit.
const MAX_EDIT_NOTE_TEXT: usize = 160;

/// Longest text (in non-space characters) an element may have to count as a time shown on its own.
const MAX_TIME_TEXT: usize = 70;

/// The value of attribute `name` (in no namespace) of `e`: what `Element::attr` returns, without first
/// making `name` an interned atom (a lookup in a global table that costs more than this scan over an
/// element's few attributes; [`time_anchors`] asks nine names of every element of the page).
pub fn attr<'e>(e: &'e scraper::node::Element, name: &str) -> Option<&'e str> {
    e.attrs.iter().find(|(q, _)| q.prefix.is_none() && q.ns.is_empty() && &*q.local == name).map(|(_, v)| &**v)
}

/// Whether the element is a link labelled with words, no digit ("Journal"): a date in its `title` is when what it
/// links to changed (Slashdot's link to the poster's journal, titled with its last entry's date), not the post's
/// time beside it. A post's time link shows the time or its age ("2 hours ago"), or is a picture (an icon).
fn is_worded_link(el: ElementRef) -> bool {
    el.value().name() == "a"
        && el.text().any(|t| t.chars().any(char::is_alphabetic))
        && !el.text().any(|t| t.bytes().any(|b| b.is_ascii_digit()))
}

/// Elements that show a post's time: `<time>`, elements with a time attribute, and elements whose short text is
/// date-like in any of the languages `date` knows. Only the innermost of nested candidates is kept.
pub fn time_anchors<'a>(root: ElementRef<'a>, m: &Measures) -> Vec<ElementRef<'a>> {
    let mut found: Vec<ElementRef<'a>> = Vec::new();
    for el in root.descendants().filter_map(ElementRef::wrap) {
        let e = el.value();
        let by_attr = e.name() == "time"
            || TIME_ATTRS.iter().any(|a| attr(e, a).is_some_and(|v| date::parse_attr(v).is_some()))
            || attr(e, "title").is_some_and(|t| date::parse(t).is_some() && m.text(el.id()) <= MAX_TIME_TEXT)
                && !is_worded_link(el);
        let by_text = || {
            let n = m.text(el.id());
            (4..=MAX_TIME_TEXT).contains(&n) && el.text().any(|t| t.bytes().any(|b| b.is_ascii_digit())) && {
                let t = text::squash(&el.text().collect::<String>());
                date::is_date_like(&t)
            }
        };
        if by_attr || by_text() {
            found.push(el);
        }
    }
    found.retain(|el| !in_edit_note(*el, m));
    // Keep the innermost: drop every candidate that has a candidate below it.
    let mut has_inner: FastSet<NodeId> = FastSet::default();
    for el in &found {
        for a in el.ancestors() {
            if !has_inner.insert(a.id()) {
                break;
            }
        }
    }
    found.retain(|el| !has_inner.contains(&el.id()));
    // A date and a clock time in sibling elements (`<b>10:16am</b> On <b>Apr 24</b>`) are one time: their short
    // parent stands for both.
    let mut per_parent: FastMap<NodeId, usize> = FastMap::default();
    for el in &found {
        if let Some(p) = el.parent() {
            *per_parent.entry(p.id()).or_default() += 1;
        }
    }
    let mut merged: Vec<ElementRef<'a>> = Vec::with_capacity(found.len());
    for el in found {
        let parent = el.parent().and_then(ElementRef::wrap);
        match parent {
            Some(p) if per_parent.get(&p.id()).copied().unwrap_or(0) > 1 && m.text(p.id()) <= MAX_TIME_TEXT => {
                if merged.last().is_none_or(|l| l.id() != p.id()) {
                    merged.push(p);
                }
            }
            _ => merged.push(el),
        }
    }
    merged
}

/// Whether a time element is part of an edit note: an [`EDIT_MARKERS`] word shortly before its date, in its own
/// text ("Edited 12/31/2017") or in its short parent's ("[Beitrag von anna bearbeitet am <b>12.03.2019</b>]").
/// A marker after the date ("12/03/2019 (edited)") leaves it the post time.
fn in_edit_note(el: ElementRef, m: &Measures) -> bool {
    let own = el.text().collect::<String>();
    let first_digit = own.find(|c: char| c.is_ascii_digit()).unwrap_or(own.len());
    if marker_just_before(&own[..first_digit]) {
        return true;
    }
    let Some(parent) = el.parent().and_then(ElementRef::wrap).filter(|p| m.text(p.id()) <= MAX_EDIT_NOTE_TEXT) else {
        return false;
    };
    // The parent's text up to this element.
    let mut before = String::new();
    for node in parent.descendants() {
        if node.id() == el.id() {
            return marker_just_before(&before);
        }
        if let scraper::Node::Text(t) = node.value() {
            before.push_str(t);
        }
    }
    false
}

/// Whether an edit marker ends the text, give or take [`EDIT_MARKER_REACH`] characters ("bearbeitet am ").
fn marker_just_before(text: &str) -> bool {
    let lower = text.to_lowercase();
    let tail: String = lower.chars().rev().take(EDIT_MARKER_REACH).collect::<Vec<_>>().into_iter().rev().collect();
    EDIT_MARKERS.iter().any(|w| tail.contains(w))
}

/// The time an anchor shows, read from the anchor or, when the anchor holds only part of it (a date beside a
/// separate clock time), from its short parent.
pub fn time_element<'a>(anchor: ElementRef<'a>, m: &Measures) -> ElementRef<'a> {
    let own = crate::thread::post::time_of(Some(anchor), None).0;
    let has_clock = own.as_deref().is_some_and(|i| i.contains('T'));
    if has_clock {
        return anchor;
    }
    if let Some(parent) = anchor.parent().and_then(ElementRef::wrap) {
        if m.text(parent.id()) <= MAX_TIME_TEXT {
            let theirs = crate::thread::post::time_of(Some(parent), None).0;
            if theirs.as_deref().is_some_and(|i| i.contains('T')) {
                return parent;
            }
        }
    }
    anchor
}

/// The elements under `roots` (themselves included) in document order, descending only into elements `enter`
/// accepts (an element it refuses is left out with everything below it). A search whose condition, once false
/// at an element, is false below it (less text, outside a post's body) then visits only the part it needs: a
/// walk over every descendant of every post visits the later posts again in each earlier one when unclosed
/// elements nest them (quadratic).
pub fn pruned<'a>(roots: &[ElementRef<'a>], enter: impl Fn(ElementRef<'a>) -> bool) -> Vec<ElementRef<'a>> {
    let mut out = Vec::new();
    let mut stack: Vec<ElementRef<'a>> = roots.iter().rev().copied().collect();
    while let Some(e) = stack.pop() {
        crate::text::count_walked(1);
        if !enter(e) {
            continue;
        }
        out.push(e);
        let before = stack.len();
        stack.extend(e.children().filter_map(ElementRef::wrap));
        stack[before..].reverse();
    }
    out
}

/// A link a reader can follow: `<a href>`. (An `<a name>` anchor, often written self-closed and so left open by
/// the parser, can wrap the rest of a post: its text is not link text.)
fn is_link(e: &scraper::node::Element) -> bool {
    e.name() == "a" && attr(e, "href").is_some()
}

/// Class and id tokens of an element, lowercased, split on anything not a letter or digit.
pub fn tokens(e: &scraper::node::Element) -> impl Iterator<Item = String> + '_ {
    e.attr("class")
        .into_iter()
        .chain(e.attr("id"))
        .flat_map(|s| s.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|t| !t.is_empty())
        .map(|t| t.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::css::{FindAll, Selector};

    #[test]
    fn slots_are_tree_order() {
        let doc = scraper::Html::parse_document("<p>a<b>b</b></p><div><i>c</i>d</div>");
        for (i, n) in doc.tree.nodes().enumerate() {
            assert_eq!(slot(n.id()), i);
        }
    }

    #[test]
    fn measures_count_text_links_and_nesting() {
        let doc = scraper::Html::parse_document("<div id=o><p>one two</p><a href=x>link</a><div id=i>x</div></div>");
        let m = Measures::of(doc.tree.root());
        let outer = doc.find_all(&Selector::parse("#o")).next().expect("static selector");
        let inner = doc.find_all(&Selector::parse("#i")).next().expect("static selector");
        let s = m.size(outer.id());
        assert_eq!((s.text, s.link, s.elements), (11, 4, 4));
        assert!(m.within(*inner, outer.id()) && !m.within(*outer, inner.id()));
        assert!(m.precedes(outer.id(), inner.id()));
    }
}

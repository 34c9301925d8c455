//! Building the parsed tree from the browser's own tree, without parsing HTML again.
//!
//! In the extension the browser has parsed the page already. Reading `outerHTML` only to parse it again in
//! WASM pays for two parses and carries html5ever's tokenizer, tree builder and entity tables in the module.
//! Instead the injected script (`extension/card.js`, `flatten`) walks the live DOM once and writes it out
//! as one string in the small token format below; [`build`] turns that string into the same scraper
//! [`Html`] that html5ever's tree sink builds ([`super::tree`]), in one pass, and the pipeline runs on it
//! unchanged. The string crosses into WASM in one copy (wasm-bindgen's `&str`).
//!
//! # The format
//!
//! The string starts with [`MAGIC`]. Then come tokens, each a marker byte and a payload that runs up to the
//! next marker:
//!
//! | marker | payload | meaning |
//! |---|---|---|
//! | `\x01` / `\x02` / `\x03` | local name | an element in the HTML / SVG / MathML namespace opens |
//! | `\x04` | qualified name | an attribute of the element just opened (only right after it or another attribute) |
//! | `\x05` | value | that attribute's value (only right after `\x04`) |
//! | `\x06` | text | a text node |
//! | `\x07` | none | the open element (or noscript document) closes |
//! | `\x08` | none | inside a `<noscript>` kept as text: its markup, parsed by the browser as a document, follows up to the matching `\x07` |
//!
//! Payloads write the bytes `\x00`..`\x08` and `\x0e` as `\x0e` followed by the byte plus `0x40` (`\x0e@` is
//! NUL), so a page's text never reads as a marker. Elements left open at the end are closed, as a parser
//! closes them. The writer leaves out what no stage reads: comments, the doctype, the text of scripts
//! (JSON-LD excepted) and styles, and templates' content; it keeps every element and attribute.
//!
//! The parse stage's rewrites happen on the way, as [`super::parse`] does them on the HTML: a `<noscript>`
//! holding a page's worth of content arrives as `<div data-noscript="">` with its content parsed by the
//! browser (the writer decides with the same measure, [`super::MIN_NOSCRIPT_CONTENT`]), nesting deeper than
//! [`super::MAX_NESTING`] loses its excess tags but keeps its text, and the work budget
//! ([`crate::budget`]) stops the tree at [`crate::budget::MAX_ELEMENTS`] elements, with a notice.

use super::{Page, MAX_NESTING};
use crate::budget::{MAX_ELEMENTS, MAX_PAGE_BYTES};
use crate::error::Error;
use ego_tree::{NodeId, Tree};
use html5ever::tendril::StrTendril;
use html5ever::{ns, Attribute, LocalName, Namespace, Prefix, QualName};
use scraper::node::{Element, Text};
use scraper::{Html, Node};
use std::borrow::Cow;

/// What every string in this format starts with: a caller that hands over HTML (or an older format) gets
/// an error, not an empty card.
pub const MAGIC: &str = "threadcard-dom/1\n";

const HTML_ELEMENT: u8 = 0x01;
const SVG_ELEMENT: u8 = 0x02;
const MATH_ELEMENT: u8 = 0x03;
const ATTR_NAME: u8 = 0x04;
const ATTR_VALUE: u8 = 0x05;
const TEXT: u8 = 0x06;
const CLOSE: u8 = 0x07;
const NOSCRIPT_DOC: u8 = 0x08;
/// Escapes a payload byte that would read as a marker.
const ESCAPE: u8 = 0x0e;
/// What is added to an escaped byte (`\x0e` + `@` is NUL): the result is printable ASCII.
const ESCAPE_OFFSET: u8 = 0x40;

fn is_marker(b: u8) -> bool {
    (HTML_ELEMENT..=NOSCRIPT_DOC).contains(&b)
}

/// Whether `b` must be escaped in a payload.
pub fn needs_escape(b: u8) -> bool {
    b <= NOSCRIPT_DOC || b == ESCAPE
}

/// Builds the page from `flat` (the format of the module doc): the same [`Page`] as [`super::parse`] gives
/// for the HTML the browser parsed, metadata included, and the budget notice when the page was over it.
pub fn build(flat: &str, page_url: Option<&str>) -> Result<(Page, Option<String>), Error> {
    let body = flat.strip_prefix(MAGIC).ok_or(Error::BadTree("it does not start with the format's mark"))?;
    let mut main = Builder::new(estimate_nodes(body));
    let mut side: Option<(NodeId, Builder)> = None;
    let mut noscripts = Vec::new();
    let mut budget_hit = None;
    let mut tokens = Tokens { b: body.as_bytes(), s: body, at: 0 };
    while let Some((marker, payload)) = tokens.next() {
        if tokens.at > MAX_PAGE_BYTES && budget_hit.is_none() {
            budget_hit = Some(main.elements);
            break;
        }
        if marker == NOSCRIPT_DOC {
            let noscript = main.noscript_for_doc().filter(|_| side.is_none());
            side = Some((noscript.ok_or(Error::BadTree("a noscript document outside a noscript"))?, Builder::new(0)));
            continue;
        }
        let target = match side.as_mut() {
            Some((_, b)) => b,
            None => &mut main,
        };
        if marker == CLOSE && target.open.is_empty() {
            let (id, doc) = side.take().ok_or(Error::BadTree("an element closes that never opened"))?;
            noscripts.push((id, doc.finish()?));
            continue;
        }
        target.token(marker, payload)?;
        if main.elements >= MAX_ELEMENTS && budget_hit.is_none() {
            budget_hit = Some(main.elements);
            break;
        }
    }
    let notice = budget_hit.map(|read| budget_notice(read, body));
    let doc = main.finish()?;
    let page_url = page_url.map(str::trim).filter(|u| !u.is_empty()).map(str::to_string);
    let meta = super::read_meta(&doc, page_url.as_deref());
    Ok((Page { doc, url: page_url, meta, noscripts }, notice))
}

/// The notice for a tree cut at the budget: how much of the page was read, in the current language (the
/// caller sets it, see [`crate::i18n`]).
fn budget_notice(read: usize, body: &str) -> String {
    let total = body.bytes().filter(|&b| (HTML_ELEMENT..=MATH_ELEMENT).contains(&b)).count();
    crate::i18n::tf(crate::i18n::Msg::card_budget_notice_elements, &[&read, &total, &MAX_ELEMENTS])
}

/// Nodes the tree will hold: one per element, one per text token but the blank ones [`Builder::text`] leaves
/// out (a blank text after a block or first in its element, before a block or the element's end after a
/// block; [`super::blank`]), one for the document, and [`super::blank::ESTIMATE_SLACK`] more. Close tokens
/// carry no name, so a stack of the open elements' block-ness tells what closes. An estimate short of the
/// tree makes its `Vec` double (twice the tree at its peak); one over it by every blank text (most of a
/// page's text tokens) reserves their slots for nothing.
fn estimate_nodes(body: &str) -> usize {
    /// What the open element's last child is so far.
    #[derive(PartialEq)]
    enum Last {
        Nothing,
        Block,
        Inline,
        Text,
    }
    let b = body.as_bytes();
    let (mut nodes, mut at) = (1, 0);
    let mut open: Vec<bool> = Vec::new();
    let (mut last, mut blank) = (Last::Nothing, false);
    while at < b.len() {
        let marker = b[at];
        let end = next_marker(b, at + 1);
        let payload = &b[at + 1..end];
        match marker {
            HTML_ELEMENT | SVG_ELEMENT | MATH_ELEMENT => {
                let block = marker == HTML_ELEMENT && super::blank::is_block_name(payload);
                // A pending blank before a block is dropped; before anything else it is a text node.
                nodes += 1 + usize::from(blank && !block);
                open.push(block);
                (last, blank) = (Last::Nothing, false);
            }
            TEXT if super::blank::is_blank_bytes(payload) && (blank || matches!(last, Last::Nothing | Last::Block)) => {
                blank = true;
            }
            TEXT => {
                // Text merges into a text that ends the element, a pending blank included.
                nodes += usize::from(blank || last != Last::Text);
                (last, blank) = (Last::Text, false);
            }
            CLOSE => {
                // A pending blank that ends the element: kept as its only content, dropped after a block.
                nodes += usize::from(blank && last == Last::Nothing);
                last = if open.pop().unwrap_or(false) { Last::Block } else { Last::Inline };
                blank = false;
            }
            _ => {}
        }
        at = end.max(at + 1);
    }
    nodes + nodes / super::blank::ESTIMATE_SLACK
}

/// The tokens of a body: a marker and its payload (unescaped only when it holds an escape).
struct Tokens<'a> {
    b: &'a [u8],
    s: &'a str,
    at: usize,
}

impl<'a> Tokens<'a> {
    fn next(&mut self) -> Option<(u8, &'a str)> {
        let marker = *self.b.get(self.at)?;
        let start = self.at + 1;
        let len = next_marker(self.b, start) - start;
        self.at = start + len;
        // Markers are ASCII, so both ends are character boundaries; a first byte that is no marker is text
        // before any token, which [`Builder::token`] rejects.
        Some((marker, self.s.get(start..start + len).unwrap_or_default()))
    }
}

/// The index of the first marker byte in `b` from `from` on, else `b.len()`. Eight bytes at a time: a word
/// none of whose bytes is below [`NO_MARKER_BELOW`] holds no marker (the test is exact for "some byte is
/// below", the usual SWAR one), so only the word holding the marker is read byte by byte. Text is most of
/// the string, and this scan is the build's own main cost.
fn next_marker(b: &[u8], from: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = ONES * 0x80;
    let mut i = from;
    while let Some(word) = b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        let w = u64::from_le_bytes(word);
        if w.wrapping_sub(ONES * u64::from(NO_MARKER_BELOW)) & !w & HIGHS != 0 {
            break;
        }
        i += 8;
    }
    b.get(i..).and_then(|rest| rest.iter().position(|&c| is_marker(c))).map_or(b.len(), |k| i + k)
}

/// One more than the largest marker byte: what [`next_marker`]'s word test looks for.
const NO_MARKER_BELOW: u8 = NOSCRIPT_DOC + 1;

/// `payload` with its escapes undone (borrowed when it has none, as nearly every payload).
fn unescape(payload: &str) -> Cow<'_, str> {
    if !payload.as_bytes().contains(&ESCAPE) {
        return Cow::Borrowed(payload);
    }
    let mut out = String::with_capacity(payload.len());
    let mut chars = payload.chars();
    while let Some(c) = chars.next() {
        if c == char::from(ESCAPE) {
            if let Some(e) = chars.next() {
                out.push(char::from((e as u32).saturating_sub(u32::from(ESCAPE_OFFSET)) as u8));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A payload as the tree keeps it: unescaped, its C1 controls repaired ([`super::controls`]).
fn tendril(payload: &str) -> StrTendril {
    let text = unescape(payload);
    match super::controls::repair(&text) {
        Some(repaired) => StrTendril::from(repaired),
        None => StrTendril::from_slice(&text),
    }
}

/// One tree under construction: the main page or a noscript's document.
struct Builder {
    tree: Tree<Node>,
    /// The open elements, innermost last (the document node is not on it).
    open: Vec<NodeId>,
    /// Tags dropped for nesting deeper than [`MAX_NESTING`] that are still open: their closes are dropped too.
    too_deep: usize,
    /// An attribute name waiting for its value.
    attr: Option<QualName>,
    attrs: Vec<Attribute>,
    /// The element whose attributes are being read: created when its start tag ends.
    pending: Option<QualName>,
    elements: usize,
    /// A blank text for the open node that may be one no reader sees ([`super::blank`]), held back until
    /// the next token shows whether it sits between blocks: the tree then matches html5ever's sink's.
    blank: Option<StrTendril>,
    /// For each open element (as `open`), whether white space inside it may matter: it or an ancestor keeps
    /// white space ([`super::blank::keeps_own_space`]), worked out once as it opens.
    keeps: Vec<bool>,
}

impl Builder {
    fn new(capacity: usize) -> Builder {
        Builder {
            tree: Tree::with_capacity(Node::Document, capacity.max(1)),
            open: Vec::new(),
            too_deep: 0,
            attr: None,
            attrs: Vec::new(),
            pending: None,
            elements: 0,
            blank: None,
            keeps: Vec::new(),
        }
    }

    fn token(&mut self, marker: u8, payload: &str) -> Result<(), Error> {
        match marker {
            ATTR_NAME => {
                let element = self.pending.as_ref().filter(|_| self.attr.is_none());
                let ns = element.ok_or(Error::BadTree("an attribute outside a start tag"))?.ns.clone();
                self.attr = Some(attribute_name(&ns, &unescape(payload)));
                return Ok(());
            }
            ATTR_VALUE => {
                let name = self.attr.take().ok_or(Error::BadTree("an attribute value without a name"))?;
                self.attrs.push(Attribute { name, value: tendril(payload) });
                return Ok(());
            }
            _ => {}
        }
        if self.attr.is_some() {
            return Err(Error::BadTree("an attribute name without a value"));
        }
        self.end_start_tag();
        match marker {
            HTML_ELEMENT | SVG_ELEMENT | MATH_ELEMENT => {
                let ns = match marker {
                    HTML_ELEMENT => ns!(html),
                    SVG_ELEMENT => ns!(svg),
                    _ => ns!(mathml),
                };
                self.pending = Some(QualName::new(None, ns, LocalName::from(&*unescape(payload))));
            }
            TEXT => self.text(tendril(payload)),
            CLOSE => self.close()?,
            _ => return Err(Error::BadTree("a byte that is no token")),
        }
        Ok(())
    }

    /// The innermost open node: the open element, else the document.
    fn parent(&self) -> NodeId {
        self.open.last().copied().unwrap_or_else(|| self.tree.root().id())
    }

    /// Creates the element whose start tag (name and attributes) has been read, if any.
    fn end_start_tag(&mut self) {
        let Some(name) = self.pending.take() else { return };
        // Exactly as many as there are (scraper keeps the `Vec` it is given; one grown by pushes has room
        // for up to twice as many), and the buffer is reused for the next element.
        let attrs: Vec<Attribute> = self.attrs.drain(..).collect();
        if self.open.len() >= MAX_NESTING {
            self.too_deep += 1;
            return;
        }
        let template = name.ns == ns!(html) && &*name.local == "template";
        let block = super::blank::is_block(&name);
        if let Some(blank) = self.blank.take() {
            // Between a block (or nothing) and a block it is never seen; before anything else it is text.
            if !block {
                self.append_text(blank);
            }
        }
        let parent = self.parent();
        let Some(mut parent) = self.tree.get_mut(parent) else { return };
        let element = Element::new(name, attrs);
        let keeps = self.keeps.last().copied().unwrap_or(false) || super::blank::keeps_own_space(&element);
        let mut element = parent.append(Node::Element(element));
        if template {
            // As scraper's tree sink: a template holds its content in a fragment node (left empty here).
            element.append(Node::Fragment);
        }
        let id = element.id();
        self.open.push(id);
        self.keeps.push(keeps);
        self.elements += 1;
    }

    /// Appends text to the open node, merged into a text node that ends it (as the tree sink merges); a
    /// blank text after a block or first in its node is held back ([`Builder::blank`]).
    fn text(&mut self, text: StrTendril) {
        if text.is_empty() {
            return;
        }
        if let Some(mut held) = self.blank.take() {
            held.push_tendril(&text);
            if super::blank::is_blank(&held) {
                self.blank = Some(held);
            } else {
                self.append_text(held);
            }
            return;
        }
        if super::blank::is_blank(&text) && self.may_drop() {
            self.blank = Some(text);
            return;
        }
        self.append_text(text);
    }

    /// Whether a blank text in the open node now may be one no reader sees: after a block or first, where
    /// white space does not matter.
    fn may_drop(&self) -> bool {
        let Some(node) = self.tree.get(self.parent()) else { return false };
        let after_block = node.last_child().is_none_or(|n| super::blank::is_block_node(n.value()));
        after_block && !self.keeps.last().copied().unwrap_or(false)
    }

    /// Settles a held-back blank text as its node closes: dropped when it follows a block, kept when it is
    /// the node's only content.
    fn settle_blank(&mut self) {
        let Some(blank) = self.blank.take() else { return };
        let last_is_block =
            self.tree.get(self.parent()).and_then(|n| n.last_child()).map(|n| super::blank::is_block_node(n.value()));
        if last_is_block != Some(true) {
            self.append_text(blank);
        }
    }

    fn append_text(&mut self, text: StrTendril) {
        let parent = self.parent();
        let Some(mut parent) = self.tree.get_mut(parent) else { return };
        if let Some(mut last) = parent.last_child() {
            if let Node::Text(t) = last.value() {
                t.text.push_tendril(&text);
                return;
            }
        }
        parent.append(Node::Text(Text { text }));
    }

    fn close(&mut self) -> Result<(), Error> {
        if self.too_deep > 0 {
            self.too_deep -= 1;
            return Ok(());
        }
        self.settle_blank();
        self.keeps.pop();
        self.open.pop().map(|_| ()).ok_or(Error::BadTree("an element closes that never opened"))
    }

    /// The open noscript element a noscript document belongs to, if the last token left one open.
    fn noscript_for_doc(&mut self) -> Option<NodeId> {
        self.end_start_tag();
        let id = *self.open.last()?;
        let node = self.tree.get(id)?;
        node.value().as_element().filter(|e| e.name() == "noscript").map(|_| id)
    }

    fn finish(mut self) -> Result<Html, Error> {
        if self.attr.is_some() {
            return Err(Error::BadTree("an attribute name without a value"));
        }
        self.end_start_tag();
        self.settle_blank();
        if !self.tree.root().children().any(|c| c.value().is_element()) {
            return Err(Error::BadTree("it holds no element"));
        }
        let mut doc = Html::new_document();
        doc.tree = self.tree;
        Ok(doc)
    }
}

/// An attribute's qualified name as html5ever gives it: in SVG and MathML, `xlink:`, `xml:` and `xmlns`
/// attributes are in their namespaces; everywhere else a name is just a name.
fn attribute_name(element_ns: &Namespace, name: &str) -> QualName {
    if *element_ns != ns!(html) {
        let (prefix, local) = name.split_once(':').unwrap_or(("", name));
        let ns = match prefix {
            "xlink" => Some(ns!(xlink)),
            "xml" => Some(ns!(xml)),
            "xmlns" => Some(ns!(xmlns)),
            _ => None,
        };
        if let Some(ns) = ns {
            return QualName::new(Some(Prefix::from(prefix)), ns, LocalName::from(local));
        }
        if name == "xmlns" {
            return QualName::new(None, ns!(xmlns), LocalName::from(name));
        }
    }
    QualName::new(None, ns!(), LocalName::from(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The node estimate holds the tree built from a browser-like tree (every blank text kept, as scraper's
    /// own sink keeps them) without doubling it, and does not reserve a slot for every blank text.
    #[cfg(feature = "html-parser")]
    #[test]
    fn the_node_estimate_fits_the_tree_on_every_fixture() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut stack = vec![root];
        let mut seen = 0;
        while let Some(dir) = stack.pop() {
            for path in std::fs::read_dir(&dir).into_iter().flatten().flatten().map(|e| e.path()) {
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.extension().is_none_or(|x| x != "html") {
                    continue;
                }
                let Ok(html) = std::fs::read_to_string(&path) else { continue };
                let flat = super::super::flatten::flatten(&Html::parse_document(&html));
                let body = flat.strip_prefix(MAGIC).unwrap_or_default();
                if body.as_bytes().contains(&NOSCRIPT_DOC) {
                    continue; // a noscript's document is a tree of its own, counted in the estimate
                }
                let (estimate, built) =
                    (estimate_nodes(body), build(&flat, None).map(|p| p.0.doc.tree.nodes().count()));
                let Ok(built) = built else { continue };
                seen += 1;
                assert!(estimate >= built, "{}: estimate {estimate} < {built} nodes", path.display());
                assert!(estimate <= built + built / 8 + 8, "{}: estimate {estimate} for {built} nodes", path.display());
            }
        }
        assert!(seen >= 50, "{seen} fixtures");
    }

    /// The word-at-a-time scan finds the marker a byte-by-byte scan finds, wherever it sits in a word.
    #[test]
    fn next_marker_agrees_with_a_byte_scan() {
        for len in 0..24 {
            for at in 0..=len {
                for marker in [HTML_ELEMENT, CLOSE, NOSCRIPT_DOC, ESCAPE, 0x09, 0xff] {
                    let mut b = vec![b'a'; len];
                    if at < len {
                        b[at] = marker;
                    }
                    for from in 0..=len {
                        let naive = b[from..].iter().position(|&c| is_marker(c)).map_or(len, |k| from + k);
                        assert_eq!(next_marker(&b, from), naive, "{len} {at} {marker} {from}");
                    }
                }
            }
        }
    }
}

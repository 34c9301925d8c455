//! Building the parsed tree in as little memory as the page allows.
//!
//! The tree is the biggest thing the pipeline holds: scraper's `Html` keeps every node of the page (128
//! bytes each, in one `Vec`) with its text and attributes. Built the plain way (`Html::parse_document`) it
//! costs about 6 times the page on a thread page and up to 12 times on dense ones, for three reasons this
//! module removes, none of which changes the tree:
//!
//! - The node `Vec` grows by doubling, so up to half of it is empty slots. [`estimate_nodes`] counts the
//!   nodes a byte scan can see (tags, comments, runs of text) and the tree starts with that capacity.
//! - html5ever hands text and attribute values over as slices of its input buffer, and a slice keeps the
//!   whole buffer alive: a copy of the page lived as long as the tree. [`OwningSink`] copies each slice into
//!   a string of its own (text is a fraction of the page) and the page is fed in [`CHUNK`]-byte pieces, so
//!   each piece of input is freed once read.
//! - Attribute values grown a character at a time carry up to twice their length; the copy is exact. So is
//!   each element's list of attributes (the tokenizer's list has room for twice as many, or 4 for 1).

use ego_tree::Tree;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink, Node};
use std::borrow::Cow;
use std::cell::RefCell;

/// Bytes of input handed to the parser at once: large enough that the per-call cost vanishes, small
/// enough that the piece alive at a time is a rounding error next to the tree.
const CHUNK: usize = 16 * 1024;

/// Longest text a tendril holds inline, without a buffer of its own (tendril's `MAX_INLINE_LEN`): copying
/// those would gain nothing.
const INLINE_LEN: usize = 8;

/// Implied nodes a byte scan does not see: the document, `html`, `head`, `body`, a `tbody` or two, and
/// elements the tree builder reopens. Slack beyond them is cheap (one node is 128 bytes).
const IMPLIED_NODES: usize = 16;

/// Parses `html` as [`Html::parse_document`] does, into the same tree, in less memory (see the module doc).
pub fn parse_document(html: &str) -> Html {
    let mut doc = Html::new_document();
    doc.tree = Tree::with_capacity(Node::Document, estimate_nodes(html));
    let sink = OwningSink { inner: HtmlTreeSink::new(doc), blank: RefCell::new(None) };
    let mut parser = html5ever::parse_document(sink, Default::default());
    let mut at = 0;
    while at < html.len() {
        let mut end = (at + CHUNK).min(html.len());
        while !html.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(&html[at..end]));
        at = end;
    }
    parser.finish()
}

/// About as many nodes as the parser will build from `html`: one per start tag, comment or doctype, one per
/// run of text between tags (a raw-text element's content is one run), plus [`IMPLIED_NODES`]. A byte scan,
/// linear in the page; it errs high (a `>` inside an attribute value starts a phantom run), rarely low
/// (only when the tree builder clones misnested formatting elements, where the `Vec` doubles as before).
pub fn estimate_nodes(html: &str) -> usize {
    let b = html.as_bytes();
    let mut nodes = IMPLIED_NODES;
    let mut i = 0;
    // The last tag read: whether it was an end tag and whether it names a block.
    let mut last = (false, false);
    while i < b.len() {
        if b[i] != b'<' {
            // A run of text up to the next tag, unless it is white space the tree leaves out.
            let end = i + b[i..].iter().position(|&c| c == b'<').unwrap_or(b.len() - i);
            nodes += usize::from(!dropped_blank(b, i, end, last));
            i = end;
            continue;
        }
        last = tag_at(b, i).map_or((false, false), |(is_end, name)| (is_end, super::blank::is_block_name(name)));
        let rest = &b[i + 1..];
        match rest.first() {
            Some(b'!') if rest.starts_with(b"!--") => {
                nodes += 1;
                i = find(b, i + 4, b"-->").map_or(b.len(), |e| e + 3);
            }
            Some(b'!' | b'?') => {
                nodes += 1;
                i = find(b, i, b">").map_or(b.len(), |e| e + 1);
            }
            Some(b'/') => i = find(b, i, b">").map_or(b.len(), |e| e + 1),
            Some(c) if c.is_ascii_alphabetic() => {
                nodes += 1;
                let name_len = rest.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
                let name = &rest[..name_len];
                i = find(b, i, b">").map_or(b.len(), |e| e + 1);
                if RAW_TEXT.iter().any(|t| name.eq_ignore_ascii_case(t.as_bytes())) {
                    let close = find_end_tag(b, i, name);
                    nodes += usize::from(close > i);
                    i = close;
                }
            }
            // A `<` that opens no tag is text.
            _ => {
                nodes += 1;
                i += 1;
                i += b[i..].iter().position(|&c| c == b'<').unwrap_or(b.len() - i);
            }
        }
    }
    nodes + nodes / super::blank::ESTIMATE_SLACK
}

/// Whether the run `b[start..end]` is white space the tree leaves out ([`super::blank`]), as far as the
/// tags around it show: after a block's tag and before a block's start tag, or after a block's end tag and
/// before any end tag.
fn dropped_blank(b: &[u8], start: usize, end: usize, (last_end, last_block): (bool, bool)) -> bool {
    let Some((next_end, next)) = tag_at(b, end) else { return false };
    super::blank::is_blank_bytes(&b[start..end])
        && last_block
        && if next_end { last_end } else { super::blank::is_block_name(next) }
}

/// The tag at `b[at]` (a `<`): whether it is an end tag, and its name.
fn tag_at(b: &[u8], at: usize) -> Option<(bool, &[u8])> {
    let rest = b.get(at + 1..)?;
    let is_end = rest.first() == Some(&b'/');
    let name = &rest[usize::from(is_end)..];
    let len = name.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    (len > 0 && name[0].is_ascii_alphabetic()).then(|| (is_end, &name[..len]))
}

/// Elements whose content the tokenizer reads as one run of text.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

/// Offset of the first `needle` at or after `from`.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

/// Offset of `</name` (any case) at or after `from`, or the end of the page.
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(p) = b.get(i..).and_then(|r| r.iter().position(|&c| c == b'<')) {
        let lt = i + p;
        let tail = &b[lt + 1..];
        if tail.first() == Some(&b'/') && tail.len() > name.len() && tail[1..=name.len()].eq_ignore_ascii_case(name) {
            return lt;
        }
        i = lt + 1;
    }
    b.len()
}

/// A tendril with a buffer of its own (exactly as long as its text), not a slice of the parser's input,
/// its C1 controls repaired ([`super::controls`]; the parser hands text over in pieces, so a
/// double-encoded character split between two pieces stays as its windows-1252 characters).
fn own(t: StrTendril) -> StrTendril {
    if let Some(repaired) = super::controls::repair(&t) {
        return StrTendril::from(repaired);
    }
    if t.len() <= INLINE_LEN {
        t
    } else {
        StrTendril::from_slice(&t)
    }
}

fn own_text(child: NodeOrText<ego_tree::NodeId>) -> NodeOrText<ego_tree::NodeId> {
    match child {
        NodeOrText::AppendText(t) => NodeOrText::AppendText(own(t)),
        node => node,
    }
}

/// The attributes with their values made their own, in a `Vec` exactly as long as they are: the
/// tokenizer's grew by doubling (room for 4 on an element with 1), and scraper keeps the `Vec` it is given
/// (it collects in place), which cost about a page's size on a thread page.
fn own_attrs(attrs: Vec<Attribute>) -> Vec<Attribute> {
    let mut exact = Vec::with_capacity(attrs.len());
    exact.extend(attrs.into_iter().map(|a| Attribute { name: a.name, value: own(a.value) }));
    exact
}

/// scraper's sink, with every tendril it keeps made its own ([`own`]), and the blank text nodes no reader
/// sees left out ([`super::blank`]): a blank text is held back until the next node of its parent shows
/// whether it sits between blocks.
struct OwningSink {
    inner: HtmlTreeSink,
    /// A blank text appended to this parent, not in the tree yet.
    blank: RefCell<Option<(ego_tree::NodeId, StrTendril)>>,
}

impl OwningSink {
    /// Settles the held-back blank text before anything else changes the tree: its parent is done with (or
    /// gets no more children here), so it is dropped when it follows a block and put in the tree, where it
    /// was appended, otherwise.
    fn flush(&self) {
        if let Some((parent, text)) = self.blank.borrow_mut().take() {
            if self.last_is_block(parent) != Some(true) {
                self.inner.append(&parent, NodeOrText::AppendText(text));
            }
        }
    }

    /// Whether `parent`'s last child is a block element (`None`: it has no child).
    fn last_is_block(&self, parent: ego_tree::NodeId) -> Option<bool> {
        let html = self.inner.0.borrow();
        let last = html.tree.get(parent)?.last_child()?;
        Some(super::blank::is_block_node(last.value()))
    }

    /// Whether a blank text appended to `parent` now may be one no reader sees: after a block or first.
    fn may_drop(&self, parent: ego_tree::NodeId) -> bool {
        let html = self.inner.0.borrow();
        let Some(node) = html.tree.get(parent) else { return false };
        let after_block = node.last_child().is_none_or(|n| super::blank::is_block_node(n.value()));
        after_block && !super::blank::keeps_space(node)
    }

    fn append_text(&self, parent: &ego_tree::NodeId, text: StrTendril) {
        let mut blank = self.blank.borrow_mut();
        match blank.take() {
            Some((p, mut held)) if p == *parent => {
                if super::blank::is_blank(&text) {
                    held.push_tendril(&text);
                    *blank = Some((p, held));
                    return;
                }
                // Text follows: the white space is part of it, as the parser merges them.
                drop(blank);
                self.inner.append(&p, NodeOrText::AppendText(held));
            }
            held => {
                *blank = held;
                drop(blank);
                self.flush();
            }
        }
        if super::blank::is_blank(&text) && self.may_drop(*parent) {
            *self.blank.borrow_mut() = Some((*parent, own(text)));
        } else {
            self.inner.append(parent, NodeOrText::AppendText(own(text)));
        }
    }

    /// Appends an element or comment to `parent`: a blank text held back before it is dropped when the
    /// node is a block (the text followed a block or nothing), else put in the tree first.
    fn append_node(&self, parent: &ego_tree::NodeId, node: ego_tree::NodeId) {
        let held = self.blank.borrow_mut().take();
        if let Some((p, text)) = held {
            if p != *parent {
                *self.blank.borrow_mut() = Some((p, text));
                self.flush();
            } else if !self.is_block(node) {
                self.inner.append(&p, NodeOrText::AppendText(text));
            }
            // Else a blank between a block (or nothing) and a block: dropped.
        }
        self.inner.append(parent, NodeOrText::AppendNode(node))
    }

    fn is_block(&self, node: ego_tree::NodeId) -> bool {
        self.inner.0.borrow().tree.get(node).is_some_and(|n| super::blank::is_block_node(n.value()))
    }
}

impl TreeSink for OwningSink {
    type Output = Html;
    type Handle = ego_tree::NodeId;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Html {
        self.flush();
        self.inner.finish()
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg)
    }
    fn get_document(&self) -> Self::Handle {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a Self::Handle) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Self::Handle {
        self.inner.create_element(name, own_attrs(attrs), flags)
    }
    fn create_comment(&self, text: StrTendril) -> Self::Handle {
        self.inner.create_comment(own(text))
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Self::Handle {
        self.inner.create_pi(own(target), own(data))
    }
    fn append(&self, parent: &Self::Handle, child: NodeOrText<Self::Handle>) {
        match child {
            NodeOrText::AppendText(text) => self.append_text(parent, text),
            NodeOrText::AppendNode(node) => self.append_node(parent, node),
        }
    }
    fn append_based_on_parent_node(
        &self,
        element: &Self::Handle,
        prev_element: &Self::Handle,
        child: NodeOrText<Self::Handle>,
    ) {
        self.flush();
        self.inner.append_based_on_parent_node(element, prev_element, own_text(child))
    }
    fn append_doctype_to_document(&self, name: StrTendril, public_id: StrTendril, system_id: StrTendril) {
        self.flush();
        self.inner.append_doctype_to_document(own(name), own(public_id), own(system_id))
    }
    fn mark_script_already_started(&self, node: &Self::Handle) {
        self.inner.mark_script_already_started(node)
    }
    fn pop(&self, node: &Self::Handle) {
        self.inner.pop(node)
    }
    fn get_template_contents(&self, target: &Self::Handle) -> Self::Handle {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &Self::Handle, y: &Self::Handle) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &Self::Handle, new_node: NodeOrText<Self::Handle>) {
        self.flush();
        self.inner.append_before_sibling(sibling, own_text(new_node))
    }
    fn add_attrs_if_missing(&self, target: &Self::Handle, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, own_attrs(attrs))
    }
    fn associate_with_form(
        &self,
        target: &Self::Handle,
        form: &Self::Handle,
        nodes: (&Self::Handle, Option<&Self::Handle>),
    ) {
        self.inner.associate_with_form(target, form, nodes)
    }
    fn remove_from_parent(&self, target: &Self::Handle) {
        self.flush();
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &Self::Handle, new_parent: &Self::Handle) {
        self.flush();
        self.inner.reparent_children(node, new_parent)
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &Self::Handle) -> bool {
        self.inner.is_mathml_annotation_xml_integration_point(handle)
    }
    fn set_current_line(&self, line_number: u64) {
        self.inner.set_current_line(line_number)
    }
    fn maybe_clone_an_option_into_selectedcontent(&self, option: &Self::Handle) {
        self.flush();
        self.inner.maybe_clone_an_option_into_selectedcontent(option)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every node of `doc` in document order, written out, blank text nodes left out: the tree html5ever
    /// builds, up to the ones [`super::super::blank`]
    /// leaves out.
    fn dump(doc: &Html) -> Vec<String> {
        let blank = |n: &Node| matches!(n, Node::Text(t) if super::super::blank::is_blank(t));
        doc.tree.root().descendants().filter(|n| !blank(n.value())).map(|n| format!("{:?}", n.value())).collect()
    }

    #[test]
    fn leaves_out_only_the_white_space_between_blocks() {
        let page = "<div>\n <p>a</p>\n <p>b <b>c</b> <i>d</i></p>\n</div>\n<pre>\n<div>x</div>\n</pre>\
                    <ul> <li><span>e</span> </li> </ul><span> </span><table>\n<tr>\n<td>f</td>\n</tr></table>";
        let ours = parse_document(page);
        let html = ours.root_element().html();
        assert!(html.contains("<div><p>a</p><p>b <b>c</b> <i>d</i></p></div>"), "{html}");
        assert!(html.contains("</div><pre><div>x</div>\n</pre>"), "white space in pre stays: {html}");
        assert!(html.contains("<ul><li><span>e</span> </li></ul><span> </span>"), "{html}");
        assert!(html.contains("<table><tbody><tr><td>f</td></tr></tbody></table>"), "{html}");
        assert_eq!(dump(&ours), dump(&Html::parse_document(page)));
    }

    #[test]
    fn builds_the_tree_html5ever_builds() {
        let long = "word ".repeat(10_000);
        let pages = [
            format!("<!doctype html><html><head><title>t</title><script>if (a<b) x()</script></head><body><p class=\"{}\">{long}<b>bold<p>para</b> &amp; more <!-- c --><table>stray<tr><td>x</table>é{long}</body>", "c".repeat(40)),
            "<p>a<font>b<div>c</div>d</font></p><select><option>o</select>".to_string(),
            "<svg><path d=\"M0 0\"/></svg><math><mi>x</mi></math><template><p>t</p></template>".to_string(),
        ];
        for page in pages {
            assert_eq!(dump(&parse_document(&page)), dump(&Html::parse_document(&page)), "{page}");
        }
    }

    #[test]
    fn the_estimate_is_close_to_the_node_count() {
        let post = "\n<div class=\"post\"><p>Hello <b>you</b>.</p><!-- x --></div>\n";
        let page = format!("<html><body>{}</body></html>", post.repeat(100));
        let nodes = parse_document(&page).tree.nodes().count();
        let estimate = estimate_nodes(&page);
        assert!(estimate >= nodes && estimate < nodes + nodes / 4 + IMPLIED_NODES, "{estimate} for {nodes}");
    }
}

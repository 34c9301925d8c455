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
    let mut parser = html5ever::parse_document(OwningSink(HtmlTreeSink::new(doc)), Default::default());
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
    while i < b.len() {
        if b[i] != b'<' {
            // A run of text up to the next tag.
            nodes += 1;
            i += b[i..].iter().position(|&c| c == b'<').unwrap_or(b.len() - i);
            continue;
        }
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
    nodes
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

/// A tendril with a buffer of its own (exactly as long as its text), not a slice of the parser's input.
fn own(t: StrTendril) -> StrTendril {
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

/// scraper's sink, with every tendril it keeps made its own ([`own`]).
struct OwningSink(HtmlTreeSink);

impl TreeSink for OwningSink {
    type Output = Html;
    type Handle = ego_tree::NodeId;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Html {
        self.0.finish()
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.0.parse_error(msg)
    }
    fn get_document(&self) -> Self::Handle {
        self.0.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a Self::Handle) -> Self::ElemName<'a> {
        self.0.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Self::Handle {
        self.0.create_element(name, own_attrs(attrs), flags)
    }
    fn create_comment(&self, text: StrTendril) -> Self::Handle {
        self.0.create_comment(own(text))
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Self::Handle {
        self.0.create_pi(own(target), own(data))
    }
    fn append(&self, parent: &Self::Handle, child: NodeOrText<Self::Handle>) {
        self.0.append(parent, own_text(child))
    }
    fn append_based_on_parent_node(
        &self,
        element: &Self::Handle,
        prev_element: &Self::Handle,
        child: NodeOrText<Self::Handle>,
    ) {
        self.0.append_based_on_parent_node(element, prev_element, own_text(child))
    }
    fn append_doctype_to_document(&self, name: StrTendril, public_id: StrTendril, system_id: StrTendril) {
        self.0.append_doctype_to_document(own(name), own(public_id), own(system_id))
    }
    fn mark_script_already_started(&self, node: &Self::Handle) {
        self.0.mark_script_already_started(node)
    }
    fn pop(&self, node: &Self::Handle) {
        self.0.pop(node)
    }
    fn get_template_contents(&self, target: &Self::Handle) -> Self::Handle {
        self.0.get_template_contents(target)
    }
    fn same_node(&self, x: &Self::Handle, y: &Self::Handle) -> bool {
        self.0.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.0.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &Self::Handle, new_node: NodeOrText<Self::Handle>) {
        self.0.append_before_sibling(sibling, own_text(new_node))
    }
    fn add_attrs_if_missing(&self, target: &Self::Handle, attrs: Vec<Attribute>) {
        self.0.add_attrs_if_missing(target, own_attrs(attrs))
    }
    fn associate_with_form(
        &self,
        target: &Self::Handle,
        form: &Self::Handle,
        nodes: (&Self::Handle, Option<&Self::Handle>),
    ) {
        self.0.associate_with_form(target, form, nodes)
    }
    fn remove_from_parent(&self, target: &Self::Handle) {
        self.0.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &Self::Handle, new_parent: &Self::Handle) {
        self.0.reparent_children(node, new_parent)
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &Self::Handle) -> bool {
        self.0.is_mathml_annotation_xml_integration_point(handle)
    }
    fn set_current_line(&self, line_number: u64) {
        self.0.set_current_line(line_number)
    }
    fn maybe_clone_an_option_into_selectedcontent(&self, option: &Self::Handle) {
        self.0.maybe_clone_an_option_into_selectedcontent(option)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every node of `doc` in document order, written out: two trees are the same when these are.
    fn dump(doc: &Html) -> Vec<String> {
        doc.tree.root().descendants().map(|n| format!("{:?}", n.value())).collect()
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
        let nodes = Html::parse_document(&page).tree.nodes().count();
        let estimate = estimate_nodes(&page);
        assert!(estimate >= nodes && estimate < nodes + nodes / 4 + IMPLIED_NODES, "{estimate} for {nodes}");
    }
}

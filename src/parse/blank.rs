//! White-space-only text nodes a reader never sees, left out of the tree.
//!
//! The indentation between block elements (`</p>\n    <p>`) is a text node of its own: a tree slot of
//! about 128 bytes for a few bytes of page, 1.9 to 2.7 times the page on some forum pages. HTML renders
//! none of it: white space next to a block boundary collapses away. So a blank text node whose next
//! sibling is a block element, and whose previous sibling is a block element or nothing, is not kept, nor
//! is one that ends an element after a block element. White space between inline elements (`<b>a</b>
//! <i>b</i>`), inside `pre`, `textarea`, `code` or an element styled `white-space`, and anything that is
//! not only white space is kept as the parser built it. Both tree builders apply this rule, html5ever's
//! sink ([`super::tree`]) and the DOM path ([`super::dom`], from the browser's tree), so the two build the
//! same tree (`tests/dom_path.rs` checks the two Summaries are equal).

use html5ever::{ns, QualName};
use scraper::Node;

/// Elements laid out as blocks (or not rendered at all): white space beside them is never seen.
pub const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "base",
    "blockquote",
    "body",
    "caption",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "link",
    "main",
    "menu",
    "meta",
    "nav",
    "ol",
    "p",
    "pre",
    "script",
    "section",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Elements whose white space is content (and `code`, often rendered as preformatted by a page's style).
const KEEPS_SPACE: &[&str] = &["pre", "textarea", "listing", "plaintext", "xmp", "code"];

/// True when `text` is only the white space HTML collapses (not a no-break space).
pub fn is_blank(text: &str) -> bool {
    is_blank_bytes(text.as_bytes())
}

/// [`is_blank`] for bytes.
pub fn is_blank_bytes(text: &[u8]) -> bool {
    !text.is_empty() && text.iter().all(|b| matches!(b, b' ' | b'\n' | b'\t' | b'\r' | b'\x0c'))
}

/// True for an HTML element laid out as a block.
pub fn is_block(name: &QualName) -> bool {
    name.ns == ns!(html) && BLOCKS.contains(&&*name.local)
}

/// One node in this many added to both tree builders' node estimates (`tree.rs` over the HTML, `dom.rs` over
/// the DOM format): the blank texts the estimate takes for dropped but the tree keeps (inside `pre` or
/// `code`, in an element styled `white-space`, after a comment the HTML scan does not track) must not make
/// the tree's `Vec` double.
pub const ESTIMATE_SLACK: usize = 32;

/// True for a tag name (any case, as the token scans read it) of an element laid out as a block.
pub fn is_block_name(name: &[u8]) -> bool {
    BLOCKS.iter().any(|t| name.eq_ignore_ascii_case(t.as_bytes()))
}

/// True for a node that is a block element.
pub fn is_block_node(node: &Node) -> bool {
    matches!(node, Node::Element(e) if is_block(&e.name))
}

/// True when white space inside `node` may matter: it or an ancestor keeps white space, or is not HTML
/// (SVG text), or has a `style` attribute naming `white-space`.
#[cfg(feature = "html-parser")]
pub fn keeps_space(node: ego_tree::NodeRef<Node>) -> bool {
    std::iter::successors(Some(node), |n| n.parent()).any(|n| match n.value() {
        Node::Element(e) => keeps_own_space(e),
        _ => false,
    })
}

/// True when white space inside this element may matter, whatever its ancestors: it keeps white space, is
/// not HTML (SVG text), or has a `style` attribute naming `white-space`.
pub fn keeps_own_space(e: &scraper::node::Element) -> bool {
    e.name.ns != ns!(html)
        || KEEPS_SPACE.contains(&&*e.name.local)
        || e.attr("style").is_some_and(|s| s.contains("white-space"))
}

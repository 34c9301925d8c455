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

/// Elements laid out as blocks (or not rendered at all): white space beside them is never seen. Asked of
/// every element both tree builders make: [`is_block_tag`] matches them by a `match` (by length, then bytes)
/// instead of a scan of the list; the test `block_list_and_match_agree` keeps the two in step.
#[cfg_attr(not(test), allow(dead_code))]
const BLOCKS: &[&str] = &[
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
#[cfg_attr(not(test), allow(dead_code))] // the list [`keeps_own_space`] matches, kept for the test
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
    name.ns == ns!(html) && is_block_tag(name.local.as_bytes())
}

/// `name` is one of [`BLOCKS`], exactly (case matters).
fn is_block_tag(name: &[u8]) -> bool {
    matches!(
        name,
        b"address"
            | b"article"
            | b"aside"
            | b"base"
            | b"blockquote"
            | b"body"
            | b"caption"
            | b"col"
            | b"colgroup"
            | b"dd"
            | b"details"
            | b"dialog"
            | b"div"
            | b"dl"
            | b"dt"
            | b"fieldset"
            | b"figcaption"
            | b"figure"
            | b"footer"
            | b"form"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"header"
            | b"hgroup"
            | b"hr"
            | b"html"
            | b"li"
            | b"link"
            | b"main"
            | b"menu"
            | b"meta"
            | b"nav"
            | b"ol"
            | b"p"
            | b"pre"
            | b"script"
            | b"section"
            | b"style"
            | b"summary"
            | b"table"
            | b"tbody"
            | b"td"
            | b"tfoot"
            | b"th"
            | b"thead"
            | b"title"
            | b"tr"
            | b"ul"
    )
}

/// The longest name in [`BLOCKS`]: a longer name is none of them.
const LONGEST_BLOCK: usize = 10;

/// One node in this many added to both tree builders' node estimates (`tree.rs` over the HTML, `dom.rs` over
/// the DOM format): the blank texts the estimate takes for dropped but the tree keeps (inside `pre` or
/// `code`, in an element styled `white-space`, after a comment the HTML scan does not track) must not make
/// the tree's `Vec` double.
pub const ESTIMATE_SLACK: usize = 32;

/// True for a tag name (any case, as the token scans read it) of an element laid out as a block.
pub fn is_block_name(name: &[u8]) -> bool {
    let mut lower = [0u8; LONGEST_BLOCK];
    let Some(lower) = lower.get_mut(..name.len()) else { return false };
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    is_block_tag(lower)
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
        || keeps_space_tag(&e.name.local)
        || e.attr("style").is_some_and(|s| s.contains("white-space"))
}

/// `name` is one of [`KEEPS_SPACE`].
fn keeps_space_tag(name: &str) -> bool {
    matches!(name, "pre" | "textarea" | "listing" | "plaintext" | "xmp" | "code")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_list_and_match_agree() {
        for tag in BLOCKS {
            assert!(tag.len() <= LONGEST_BLOCK && is_block_tag(tag.as_bytes()), "{tag}");
            assert!(is_block_name(tag.as_bytes()) && is_block_name(tag.to_ascii_uppercase().as_bytes()), "{tag}");
            assert!(!is_block_tag(tag.to_ascii_uppercase().as_bytes()), "{tag}");
        }
        for tag in ["span", "a", "b", "img", "br", "tr2", "", "blockquotes", "figcaptionx", "textarea"] {
            assert!(!is_block_tag(tag.as_bytes()) && !is_block_name(tag.as_bytes()), "{tag}");
        }
        assert!(KEEPS_SPACE.iter().all(|t| keeps_space_tag(t)) && !keeps_space_tag("p"));
        assert_eq!((BLOCKS.len(), KEEPS_SPACE.len()), (53, 6), "a tag added to a list must be added to its match too");
        let html = html5ever::QualName::new(None, ns!(html), "p".into());
        let svg = html5ever::QualName::new(None, ns!(svg), "p".into());
        assert!(is_block(&html) && !is_block(&svg));
    }
}

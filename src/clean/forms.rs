//! Boxes a page shows instead of text: a form box (a tip or reply form's captions, fields and button), and a
//! collapsed comment's card.
//!
//! A form box is an element with at least [`MIN_FORM_ROWS`] children holding text or fields, every one of
//! which holds a field or a button ([`is_control`]), one at least a field to type in: "Number of slices to
//! send: [1] / Optional 'thank-you' note: [ ] / Send" under every post of a board is no post text. A post's
//! words are never all in rows of fields; a task list's checkboxes are no fields here.

use crate::css::Sel;
use crate::thread::structure::Measures;
use ego_tree::NodeRef;
use scraper::{ElementRef, Node};

/// Fewest rows (children holding text or a field) of a form box: one caption beside its field is a row.
const MIN_FORM_ROWS: usize = 2;

/// Slash's (Slashdot's engine) comments under the reader's threshold: printed collapsed, `li.comment.oneline`
/// (the title line only) or `li.comment.hidden`, the text shown on a click. The card (`.cw`) is no text the
/// page shows; the replies beside it (its `ul`) are read as the page shows them.
static COLLAPSED: Sel = Sel::new("li.comment.oneline > .cw, li.comment.hidden > .cw");

/// Whether the node is a collapsed comment's card ([`COLLAPSED`]).
pub(super) fn is_collapsed(n: NodeRef<Node>) -> bool {
    ElementRef::wrap(n).is_some_and(|e| COLLAPSED.matches(&e))
}

/// The `input` types of a field to type words in. A number field is left out: a page-jump's (`max="7"`) is
/// the pagination the page info reads.
const ENTRY_TYPES: &[&str] = &["text", "email", "search", "url", "tel", "password"];

/// A field to type words in: a `textarea`, or an `input` of an [`ENTRY_TYPES`] type (text when unstated).
fn is_entry(e: &scraper::node::Element) -> bool {
    let kind = e.attr("type").unwrap_or("text");
    e.name() == "textarea" || e.name() == "input" && ENTRY_TYPES.iter().any(|t| t.eq_ignore_ascii_case(kind))
}

/// A field or a button: an entry ([`is_entry`]), a `select`, a `button`, a submit input, or an element of
/// class `btn` (`<a class="btn">Send</a>`).
fn is_control(e: &scraper::node::Element) -> bool {
    is_entry(e)
        || matches!(e.name(), "select" | "button")
        || e.name() == "input" && e.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("submit"))
        || e.classes().any(|c| c.eq_ignore_ascii_case("btn"))
}

/// Whether an element at or below `n` passes `test`.
fn holds(n: NodeRef<Node>, test: fn(&scraper::node::Element) -> bool) -> bool {
    n.descendants().any(|d| matches!(d.value(), Node::Element(e) if test(e)))
}

/// Whether the node is a form box (see the module doc).
pub(super) fn is_form_box(n: NodeRef<Node>, m: &Measures) -> bool {
    let mut rows = 0;
    for c in n.children().filter(|c| c.value().is_element()) {
        if holds(c, is_control) {
            rows += 1;
        } else if m.text(c.id()) > 0 {
            return false;
        }
    }
    rows >= MIN_FORM_ROWS && holds(n, is_entry)
}

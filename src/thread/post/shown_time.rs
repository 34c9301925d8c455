//! The time a post shows: as the page writes it (the card's words) and as ISO 8601 (from the element's time
//! attributes, else its text).

use crate::{date, text};
use ego_tree::NodeRef;
use scraper::{ElementRef, Node};

/// Attributes that hold the machine-readable time of an element showing a time (often a relative one: "2 hours
/// ago" with `title="2019-08-03 15:35"`).
const TIME_ATTRS: &[&str] = &[
    "datetime",
    "data-time",
    "data-timestamp",
    "data-datestring",
    "title",
    "data-date",
    "content",
    "data-utime",
    "data-datetime",
    "data-epoch",
    "data-created",
];
/// How many elements inside a time element are searched for a time attribute.
const MAX_TIME_DESCENDANTS: usize = 12;
/// Class words of the children of a time element that render the same time twice, of which the board's
/// style shows one (Invision 5: `ipsTime__long` "April 2, 2024" beside `ipsTime__short` "1 yr"): read
/// together they give "April 2, 20241 yr". The long form is the one shown.
const LONG_FORM_CLASS: &str = "long";
const SHORT_FORM_CLASS: &str = "short";

/// The text of a time element, its long form where it holds a long and a short rendering of one time.
fn time_text(el: ElementRef) -> String {
    let has_class = |e: &ElementRef, word: &str| e.value().classes().any(|c| c.to_ascii_lowercase().contains(word));
    let children: Vec<ElementRef> = el.children().filter_map(ElementRef::wrap).collect();
    let long = children.iter().find(|c| has_class(c, LONG_FORM_CLASS));
    match long {
        Some(long) if children.iter().any(|c| has_class(c, SHORT_FORM_CLASS)) => spaced_text(*long),
        _ => spaced_text(el),
    }
}

/// The element's text, with a space where an element without text stood between two of its words (letters
/// or digits on both sides; a quote mark or a bracket keeps to its word): an icon
/// set between the date and the clock time (`7/9/05<i class="fa-at"></i>7:57 PM`), which the page shows as a
/// gap and the clean stage may have removed (then two text nodes are siblings, as parsed HTML never has
/// them). Without it the card read "7/9/057:57 PM".
fn spaced_text(el: ElementRef) -> String {
    let mut out = String::new();
    for node in el.descendants() {
        let Node::Text(t) = node.value() else { continue };
        let after_gap = node.prev_sibling().is_some_and(|p| is_gap(&p));
        if after_gap && out.ends_with(char::is_alphanumeric) && t.starts_with(char::is_alphanumeric) {
            out.push(' ');
        }
        out.push_str(t);
    }
    out
}

/// Whether a node before a text stands for a gap: a text node (what was between them is gone), or an element
/// that shows no text (an icon; not a `<wbr>`, which breaks a word without a gap).
fn is_gap(n: &NodeRef<Node>) -> bool {
    match n.value() {
        Node::Text(_) => true,
        Node::Element(e) => {
            e.name() != "wbr" && n.descendants().all(|d| d.value().as_text().is_none_or(|t| t.trim().is_empty()))
        }
        _ => false,
    }
}

/// The time shown by `el` (or `shown`), as shown and as ISO 8601: from the element's time attributes, else
/// from its text, else from a time attribute inside it (`<span>2 hours ago <time datetime=...></span>`).
pub fn time_of(el: Option<ElementRef>, shown: Option<&str>) -> (Option<String>, Option<String>) {
    let shown_text = el
        .map(|e| text::squash(&time_text(e)))
        .filter(|t| !t.is_empty())
        .or_else(|| shown.map(text::squash))
        .filter(|t| !t.is_empty());
    let attrs_of = |e: ElementRef<'_>| {
        TIME_ATTRS
            .iter()
            .filter_map(|a| crate::thread::structure::attr(e.value(), a))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let attrs = el.map(attrs_of).unwrap_or_default();
    let inner = || {
        let e = el?;
        e.descendants()
            .skip(1)
            .filter_map(ElementRef::wrap)
            .take(MAX_TIME_DESCENDANTS)
            .find_map(|d| attrs_of(d).iter().find_map(|a| date::parse_attr(a)))
    };
    let iso = attrs
        .iter()
        .find_map(|a| date::parse_attr(a))
        .or_else(|| shown_text.as_deref().and_then(date::parse))
        .or_else(inner);
    let shown_text = shown_text.or_else(|| attrs.first().map(|a| text::squash(a)));
    (iso, shown_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_icon_between_date_and_clock_time_is_a_gap() {
        let html = r#"<p><time datetime="2005-07-10T00:57:00">7/9/05<i class="fa-at" aria-hidden="true"></i>7:57 PM</time>
            <time datetime="2005-07-10T00:58:00"><span>Jul</span> <b>9</b><wbr>th</time></p>"#;
        let page = crate::clean::clean(crate::parse::parse(html, None).expect("page"));
        let times: Vec<_> = page.find_all(&crate::thread::page_info::sel("time")).collect();
        assert_eq!(time_of(times.first().copied(), None).1.as_deref(), Some("7/9/05 7:57 PM"));
        assert_eq!(time_of(times.get(1).copied(), None).1.as_deref(), Some("Jul 9th"));
    }
}

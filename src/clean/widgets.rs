//! A form widget's words: the caption beside a box to type in ("Number of slices to send:", "Optional
//! 'thank-you' note:", "Your e-mail:") and the button under it ("Send"). A board may print a small form in
//! every post (a tip or gift box, a quick rating, an inline reply); its labels are the board's, never the
//! poster's, and a reader whose body is the whole post block keeps them in the post's text.
//!
//! A widget is found from its text-entry control ([`ENTRY_TAGS`], [`ENTRY_TYPES`]): the control's ancestors,
//! up to [`MAX_CLIMB`] of them, as long as their text stays short ([`MAX_WIDGET_TEXT`]). The last such
//! ancestor is the widget, and its words go: every part of it that holds text but neither a control nor a
//! `<time>`. The controls themselves stay (they show no text, and a reader may want their value: Flarum keeps
//! a post's permalink in a read-only `<input>` of the post's menu, beside the post's `<time>`). A hidden
//! field, a checkbox or a button alone is no widget: moderators' checkboxes sit beside a post's number, and
//! hidden fields inside forms that hold whole threads.

use crate::thread::structure::{attr, Measures};
use ego_tree::{NodeId, NodeRef};
use scraper::Node;

/// Elements a reader types into.
const ENTRY_TAGS: &[&str] = &["input", "textarea", "select"];
/// The `type`s of `<input>` that take typed text (no `type` is `text`).
const ENTRY_TYPES: &[&str] = &["text", "number", "email", "search", "tel", "url", "password"];
/// Most text (non-space characters) a widget holds: a caption or two and a button. More is the content the
/// widget sits in.
const MAX_WIDGET_TEXT: usize = 60;
/// How many ancestors of a control can be its widget: the caption's row, the widget's box and its wrapper.
const MAX_CLIMB: usize = 3;
/// Elements a widget never is, however short: removing them would remove the page or the whole form's post.
const NEVER_WIDGETS: &[&str] = &["html", "body", "main", "article", "form", "td", "tr", "table"];

/// The words of the widgets around the page's text-entry controls (see the module doc): the nodes to remove.
pub fn widgets(root: NodeRef<Node>, m: &Measures) -> Vec<NodeId> {
    let mut words = Vec::new();
    for widget in root.descendants().filter(is_entry).filter_map(|control| widget_of(control, m)) {
        words_of(widget, m, &mut words);
    }
    words
}

/// The outermost parts of `widget` that hold text but no control and no `<time>`.
fn words_of(widget: NodeRef<Node>, m: &Measures, out: &mut Vec<NodeId>) {
    let kept = |d: &NodeRef<Node>| is_entry(d) || matches!(d.value(), Node::Element(e) if e.name() == "time");
    for child in widget.children() {
        if kept(&child) {
            continue;
        }
        if child.descendants().any(|d| kept(&d)) {
            words_of(child, m, out);
        } else if match child.value() {
            Node::Text(t) => !t.trim().is_empty(),
            Node::Element(_) => m.text(child.id()) > 0,
            _ => false,
        } {
            out.push(child.id());
        }
    }
}

/// Whether `n` is an element a reader types into.
fn is_entry(n: &NodeRef<Node>) -> bool {
    let Node::Element(e) = n.value() else { return false };
    ENTRY_TAGS.contains(&e.name())
        && (e.name() != "input"
            || attr(e, "type").is_none_or(|t| ENTRY_TYPES.iter().any(|x| x.eq_ignore_ascii_case(t.trim()))))
}

/// The widget: the outermost of the control's first [`MAX_CLIMB`] ancestors that holds text and no more than
/// [`MAX_WIDGET_TEXT`] of it.
fn widget_of<'a>(control: NodeRef<'a, Node>, m: &Measures) -> Option<NodeRef<'a, Node>> {
    control
        .ancestors()
        .take(MAX_CLIMB)
        .take_while(|a| {
            matches!(a.value(), Node::Element(e) if !NEVER_WIDGETS.contains(&e.name()))
                && m.text(a.id()) <= MAX_WIDGET_TEXT
        })
        .filter(|a| m.text(a.id()) > 0)
        .last()
}

#[cfg(test)]
mod tests {
    use crate::parse::parse;

    fn cleaned_text(html: &str) -> String {
        crate::text::text_of(crate::clean::clean(parse(html, None).expect("page")).doc.tree.root())
    }

    #[test]
    fn a_tip_box_in_a_post_goes_and_the_post_stays() {
        let html = r#"<body><div class="post"><p>Insulate the floor before the walls, it pays back in winter.</p>
            <span class="tip"><span class="pan"><div><span>Number of slices to send:</span><input type="text" name="n"></div>
            <div><span>Optional note:</span><br><input name="note"></div><div><a class="btn">Send</a></div></span></span>
            </div></body>"#;
        let text = cleaned_text(html);
        assert!(text.contains("Insulate the floor"), "{text}");
        assert!(!text.contains("slices") && !text.contains("Optional note") && !text.contains("Send"), "{text}");
    }

    #[test]
    fn a_widget_keeps_its_controls_and_its_time() {
        let html = r#"<body><div class="menu"><span>Post #2</span> <time datetime="2022-04-10T07:05:00Z">Apr 10</time>
            <input class="permalink" value="https://board.example/d/311/2"></div></body>"#;
        let page = crate::clean::clean(parse(html, None).expect("page"));
        let text = crate::text::text_of(page.doc.tree.root());
        assert!(text.contains("Apr 10") && !text.contains("Post #2"), "{text}");
        let input = crate::thread::page_info::sel("input.permalink");
        assert_eq!(page.find_all(&input).count(), 1);
    }

    #[test]
    fn a_checkbox_or_a_hidden_field_is_no_widget() {
        let html = r#"<body><div class="post"><span>#3 <input type="checkbox" name="sel"></span>
            <p>ok <input type="hidden" name="id" value="3"></p></div></body>"#;
        let text = cleaned_text(html);
        assert!(text.contains("#3") && text.contains("ok"), "{text}");
    }

    #[test]
    fn a_control_inside_a_long_text_takes_only_its_own_caption() {
        let body = "A paragraph of the article around the search box, long enough to be content. ".repeat(3);
        let html = format!(r#"<body><div><p>{body}</p><label>Search: <input type="search"></label></div></body>"#);
        let text = cleaned_text(&html);
        assert!(text.contains("A paragraph of the article") && !text.contains("Search:"), "{text}");
    }
}

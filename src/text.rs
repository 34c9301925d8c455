//! Text as a reader sees it: DOM subtrees to plain text and to Markdown.
//!
//! Both walk the same tree with the same idea of which elements start a new block, so the plain text and
//! the Markdown of a post always hold the same words.

use crate::hash::FastSet;
use crate::render::escape;
use crate::url;
use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Node};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Nodes visited by the text and Markdown walks, nodes compared by the readers' containment checks
/// (`thread::structure`) and bytes of post text the fact stage searches whole (`facts::parts`), since the
/// process started: a work counter for `tests/scaling.rs`, which holds them to linear time (the walks once
/// were exponential in inline nesting, the checks nodes × posts × depth, the searches quantities × text).
static NODES_WALKED: AtomicUsize = AtomicUsize::new(0);

#[doc(hidden)]
pub fn nodes_walked() -> usize {
    NODES_WALKED.load(Ordering::Relaxed)
}

/// Adds `n` nodes to [`nodes_walked`].
pub(crate) fn count_walked(n: usize) {
    NODES_WALKED.fetch_add(n, Ordering::Relaxed);
}

/// Elements that start a new paragraph in the text.
#[cfg_attr(not(test), allow(dead_code))] // the list [`is_block`] matches, kept for the test that checks it
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
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
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "caption",
    "legend",
    "option",
];

/// Elements whose content is never text a reader sees.
#[cfg_attr(not(test), allow(dead_code))] // the list [`is_skipped`] matches, kept for its test
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg", "canvas", "select",
    "button", "input", "textarea", "math", "audio", "video", "map",
];

/// `tag` is in [`BLOCK_TAGS`]. Asked of every element of every walk: a `match` on the name (by length, then
/// bytes) instead of a scan of the list, which the test `tag_lists_and_matches_agree` keeps in step.
pub fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
            | "caption"
            | "legend"
            | "option"
    )
}

/// `tag` is in [`SKIP_TAGS`] (a `match`, as [`is_block`]).
pub fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "canvas"
            | "select"
            | "button"
            | "input"
            | "textarea"
            | "math"
            | "audio"
            | "video"
            | "map"
    )
}

/// Collapses every run of white space to one space and trims.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Number of words, counted as white-space separated runs holding a letter or digit.
pub fn word_count(s: &str) -> usize {
    // One pass over the characters (as `split_whitespace` cuts, then a look for a letter or digit in
    // each run): it runs on every post's text and on the whole page's.
    let (mut count, mut alnum) = (0, false);
    for c in s.chars() {
        if c.is_whitespace() {
            count += usize::from(alnum);
            alnum = false;
        } else if !alnum && c.is_alphanumeric() {
            alnum = true;
        }
    }
    count + usize::from(alnum)
}

/// Builds text one inline run at a time, turning block boundaries into blank lines.
#[derive(Default)]
struct TextBuilder {
    out: String,
    /// A space is owed before the next word.
    pending_space: bool,
    /// Newlines owed before the next word (1 = line break, 2 = paragraph break).
    pending_breaks: u8,
}

impl TextBuilder {
    fn word_run(&mut self, s: &str) {
        // ASCII text without a vertical tab (the one ASCII space `split_ascii_whitespace` keeps) splits
        // the same by bytes as by Unicode white space, and faster: this runs on every text node.
        if s.is_ascii() && !s.as_bytes().contains(&0x0B) {
            self.words(s, s.split_ascii_whitespace());
        } else {
            self.words(s, s.split_whitespace());
        }
    }

    /// Appends `words` (the words of `s`), spaced as `s` spaces them.
    fn words<'s>(&mut self, s: &str, words: impl Iterator<Item = &'s str>) {
        let starts_with_space = s.starts_with(char::is_whitespace);
        let ends_with_space = s.ends_with(char::is_whitespace);
        let mut first = true;
        for word in words {
            if first {
                self.flush(starts_with_space);
                first = false;
            } else {
                self.out.push(' ');
            }
            self.out.push_str(word);
        }
        if first {
            // Only white space: it separates the words around it.
            if !s.is_empty() {
                self.pending_space = true;
            }
        } else {
            self.pending_space = ends_with_space;
        }
    }

    fn verbatim(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        self.flush(false);
        self.out.push_str(s);
    }

    fn flush(&mut self, space: bool) {
        if self.out.is_empty() {
            self.pending_breaks = 0;
            self.pending_space = false;
            return;
        }
        if self.pending_breaks > 0 {
            let trimmed = self.out.trim_end_matches([' ', '\t']).len();
            self.out.truncate(trimmed);
            for _ in 0..self.pending_breaks {
                self.out.push('\n');
            }
        } else if (space || self.pending_space) && !self.out.ends_with([' ', '\n']) {
            self.out.push(' ');
        }
        self.pending_breaks = 0;
        self.pending_space = false;
    }

    /// A new line before the next word (list items), however many are asked for.
    fn new_line(&mut self) {
        self.pending_breaks = self.pending_breaks.max(1);
    }

    /// A `<br>`; two in a row (`<br><br>`, how many boards separate paragraphs) make a paragraph break.
    fn line_break(&mut self) {
        self.pending_breaks = (self.pending_breaks + 1).min(2);
    }

    fn paragraph_break(&mut self) {
        self.pending_breaks = 2;
    }

    fn finish(self) -> String {
        self.out.trim().to_string()
    }

    /// Starts recording what comes next, so that it can be read as if it had been built on its own
    /// ([`TextBuilder::span_text`]) and taken back ([`TextBuilder::close_span`]).
    fn open_span(&self) -> Span {
        // Only trailing spaces and tabs can be trimmed off before the span's first word (see `flush`): the
        // text before them never changes, and they are what has to be put back.
        let kept = self.out.trim_end_matches([' ', '\t']).len();
        Span {
            kept,
            tail: self.out[kept..].to_string(),
            pending_space: self.pending_space,
            pending_breaks: self.pending_breaks,
        }
    }

    /// The text written since `span` opened, as a builder of its own would finish it: the separator the
    /// first word got from the text before it is white space, and finishing trims it.
    fn span_text(&self, span: &Span) -> &str {
        self.out.get(span.kept..).unwrap_or("").trim()
    }

    /// Takes back everything since `span` opened, pending breaks and spaces included.
    fn close_span(&mut self, span: Span) {
        self.out.truncate(span.kept);
        self.out.push_str(&span.tail);
        self.pending_space = span.pending_space;
        self.pending_breaks = span.pending_breaks;
    }
}

/// Where a [`TextBuilder`] stood when a span opened.
struct Span {
    /// Length of the text that no later write can change.
    kept: usize,
    /// The spaces and tabs after it.
    tail: String,
    pending_space: bool,
    pending_breaks: u8,
}

/// Longest exclusion list searched as a list; past it, a walk looks node ids up in a set. An article's
/// clutter (captions, link lists) can be thousands of subtrees, and every node of the walk is checked.
const MAX_EXCLUDED_LIST: usize = 16;

/// The subtrees a walk leaves out.
enum Excluded<'a> {
    List(&'a [NodeId]),
    Set(FastSet<NodeId>),
}

impl<'a> Excluded<'a> {
    fn new(ids: &'a [NodeId]) -> Self {
        if ids.len() <= MAX_EXCLUDED_LIST {
            Excluded::List(ids)
        } else {
            Excluded::Set(ids.iter().copied().collect())
        }
    }

    fn contains(&self, id: NodeId) -> bool {
        match self {
            Excluded::List(ids) => ids.contains(&id),
            Excluded::Set(ids) => ids.contains(&id),
        }
    }
}

/// Plain text of a subtree: paragraphs separated by a blank line, `<br>` as a line break.
pub fn text_of(node: NodeRef<Node>) -> String {
    text_of_excluding(node, &[])
}

/// [`text_of`] without the subtrees rooted at `exclude` (a post's header, signature, or the parts of a
/// shared parent that belong to other posts).
pub fn text_of_excluding(node: NodeRef<Node>, exclude: &[NodeId]) -> String {
    let mut b = TextBuilder::default();
    walk_text(node, &mut b, false, &Excluded::new(exclude));
    b.finish()
}

fn walk_text(node: NodeRef<Node>, b: &mut TextBuilder, in_pre: bool, exclude: &Excluded) {
    NODES_WALKED.fetch_add(1, Ordering::Relaxed);
    if exclude.contains(node.id()) {
        return;
    }
    match node.value() {
        Node::Text(t) => {
            if in_pre {
                b.verbatim(t);
            } else {
                b.word_run(t);
            }
        }
        Node::Element(e) => {
            let tag = e.name();
            if is_skipped(tag) {
                return;
            }
            if tag == "br" {
                b.line_break();
                return;
            }
            if tag == "img" {
                return;
            }
            let block = is_block(tag);
            if block {
                b.paragraph_break();
            }
            let pre = in_pre || tag == "pre";
            for child in node.children() {
                walk_text(child, b, pre, exclude);
            }
            if block {
                b.paragraph_break();
            } else if tag == "td" || tag == "th" {
                b.pending_space = true;
            }
        }
        Node::Document | Node::Fragment => {
            for child in node.children() {
                walk_text(child, b, in_pre, exclude);
            }
        }
        _ => {}
    }
}

/// Markdown of a subtree. Links are resolved against `base`; links that lead nowhere a reader can follow
/// (`javascript:`, fragments) keep their text and lose the link.
pub fn markdown_of(node: NodeRef<Node>, base: Option<&str>) -> String {
    markdown_of_excluding(node, base, &[])
}

/// [`markdown_of`] without the subtrees rooted at `exclude`.
pub fn markdown_of_excluding(node: NodeRef<Node>, base: Option<&str>, exclude: &[NodeId]) -> String {
    let exclude = Excluded::new(exclude);
    let mut md = Markdown { b: TextBuilder::default(), base, list_stack: Vec::new(), exclude: &exclude };
    md.walk(node, false);
    md.b.finish()
}

struct Markdown<'a> {
    b: TextBuilder,
    base: Option<&'a str>,
    exclude: &'a Excluded<'a>,
    /// For each open list: `Some(n)` for ordered (next number), `None` for bullets.
    list_stack: Vec<Option<usize>>,
}

impl Markdown<'_> {
    fn walk(&mut self, node: NodeRef<Node>, in_pre: bool) {
        NODES_WALKED.fetch_add(1, Ordering::Relaxed);
        if self.exclude.contains(node.id()) {
            return;
        }
        match node.value() {
            Node::Text(t) => {
                if in_pre {
                    self.b.verbatim(t);
                } else {
                    self.b.word_run(&escape::markdown(t));
                }
            }
            Node::Element(e) => self.element(node, e, in_pre),
            Node::Document | Node::Fragment => self.children(node, in_pre),
            _ => {}
        }
    }

    fn children(&mut self, node: NodeRef<Node>, in_pre: bool) {
        for child in node.children() {
            self.walk(child, in_pre);
        }
    }

    fn element(&mut self, node: NodeRef<Node>, e: &scraper::node::Element, in_pre: bool) {
        let tag = e.name();
        if is_skipped(tag) {
            return;
        }
        match tag {
            "br" => self.b.line_break(),
            "hr" => {
                self.b.paragraph_break();
                self.b.verbatim("---");
                self.b.paragraph_break();
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = tag[1..].parse::<usize>().unwrap_or(2);
                self.b.paragraph_break();
                self.b.verbatim(&"#".repeat(level));
                self.b.pending_space = true;
                self.children(node, in_pre);
                self.b.paragraph_break();
            }
            "pre" => {
                let code = text_of_pre(node);
                self.b.paragraph_break();
                self.b.verbatim(&escape::code_block(&code));
                self.b.paragraph_break();
            }
            "code" if !in_pre => {
                let code = squash(&ElementRef::wrap(node).map(|e| e.text().collect::<String>()).unwrap_or_default());
                if !code.is_empty() {
                    self.b.flush(false);
                    self.b.verbatim(&escape::code_span(&code));
                }
            }
            "strong" | "b" => self.wrap_inline(node, "**", in_pre),
            "em" | "i" => self.wrap_inline(node, "*", in_pre),
            "a" => self.link(node, e, in_pre),
            "img" => {
                let src = e.attr("src").and_then(|s| url::resolve(self.base, s));
                if let Some(src) = src {
                    let alt = squash(e.attr("alt").unwrap_or(""));
                    let alt = if alt.is_empty() { "image".to_string() } else { escape::markdown(&alt) };
                    self.b.flush(true);
                    self.b.verbatim(&escape::markdown_link(&alt, &src));
                    self.b.pending_space = true;
                }
            }
            "ul" | "ol" => {
                self.list_stack.push(if tag == "ol" { Some(1) } else { None });
                self.b.paragraph_break();
                self.children(node, in_pre);
                self.list_stack.pop();
                self.b.paragraph_break();
            }
            "li" => {
                let depth = self.list_stack.len().saturating_sub(1);
                let marker = match self.list_stack.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}.");
                        *n += 1;
                        m
                    }
                    _ => "-".to_string(),
                };
                self.b.new_line();
                self.b.verbatim(&format!("{}{marker} ", "  ".repeat(depth)));
                self.children(node, in_pre);
                self.b.new_line();
            }
            "blockquote" => {
                let inner = markdown_of_children(node, self.base, self.exclude);
                self.b.paragraph_break();
                let quoted: Vec<String> =
                    inner.lines().map(|l| if l.is_empty() { ">".to_string() } else { format!("> {l}") }).collect();
                self.b.verbatim(&quoted.join("\n"));
                self.b.paragraph_break();
            }
            _ => {
                let block = is_block(tag);
                if block {
                    self.b.paragraph_break();
                }
                self.children(node, in_pre);
                if block {
                    self.b.paragraph_break();
                } else if tag == "td" || tag == "th" {
                    self.b.pending_space = true;
                }
            }
        }
    }

    /// `**bold**` / `*italic*` around the children's Markdown, or the children as they are when that is empty
    /// or spans lines. The children are rendered once, straight into the output, and taken back when wrapped:
    /// rendering them aside and again for the plain case made the time double with every nesting level.
    fn wrap_inline(&mut self, node: NodeRef<Node>, mark: &str, in_pre: bool) {
        let span = self.b.open_span();
        self.children(node, in_pre);
        let inner = self.b.span_text(&span);
        if inner.is_empty() || inner.contains('\n') {
            return;
        }
        let inner = inner.to_string();
        self.b.close_span(span);
        let lead =
            node.first_child().and_then(|c| c.value().as_text()).is_some_and(|t| t.starts_with(char::is_whitespace));
        self.b.flush(lead);
        self.b.verbatim(&format!("{mark}{inner}{mark}"));
        let trail =
            node.last_child().and_then(|c| c.value().as_text()).is_some_and(|t| t.ends_with(char::is_whitespace));
        self.b.pending_space = trail;
    }

    /// `[text](url)` (or `<url>` when the text is the URL), or the children as they are when the link leads
    /// nowhere or its text is empty or spans lines. Rendered once, as in [`Markdown::wrap_inline`].
    fn link(&mut self, node: NodeRef<Node>, e: &scraper::node::Element, in_pre: bool) {
        let target = e.attr("href").and_then(|h| url::resolve(self.base, h));
        let span = self.b.open_span();
        self.children(node, in_pre);
        let inner = self.b.span_text(&span);
        let Some(href) = target.filter(|_| !inner.is_empty() && !inner.contains('\n')) else { return };
        let inner = inner.to_string();
        self.b.close_span(span);
        self.b.flush(true);
        if inner == escape::markdown(&href) {
            self.b.verbatim(&escape::markdown_autolink(&href));
        } else {
            self.b.verbatim(&escape::markdown_link(&inner, &href));
        }
        self.b.pending_space = true;
    }
}

fn markdown_of_children(node: NodeRef<Node>, base: Option<&str>, exclude: &Excluded) -> String {
    let mut md = Markdown { b: TextBuilder::default(), base, list_stack: Vec::new(), exclude };
    md.children(node, false);
    md.b.finish()
}

fn text_of_pre(node: NodeRef<Node>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        match d.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.name() == "br" => out.push('\n'),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn body(html: &str) -> Html {
        Html::parse_fragment(html)
    }

    #[test]
    fn blocks_become_paragraphs_and_inline_stays_inline() {
        let doc = body("<div><p>One <b>two</b>\n three.</p><p>Four<br>five</p><script>x()</script></div>");
        assert_eq!(text_of(doc.tree.root()), "One two three.\n\nFour\nfive");
    }

    #[test]
    fn markdown_keeps_links_lists_and_code() {
        let doc = body(
            r#"<p>See <a href="/a">the page</a> and <a href="javascript:x()">this</a>.</p>
               <ul><li>first</li><li>second</li></ul><pre>let x = 1;
let y = 2;</pre><blockquote><p>quoted *text*</p></blockquote>"#,
        );
        let md = markdown_of(doc.tree.root(), Some("https://example.org/t/1"));
        assert!(md.contains("[the page](https://example.org/a)"), "{md}");
        assert!(md.contains("and this."), "{md}");
        assert!(md.contains("- first\n- second"), "{md}");
        assert!(md.contains("```\nlet x = 1;\nlet y = 2;\n```"), "{md}");
        assert!(md.contains("> quoted \\*text\\*"), "{md}");
    }

    #[test]
    fn tag_lists_and_matches_agree() {
        for tag in BLOCK_TAGS {
            assert!(is_block(tag) && !is_skipped(tag), "{tag}");
        }
        for tag in SKIP_TAGS {
            assert!(is_skipped(tag) && !is_block(tag), "{tag}");
        }
        let count =
            |f: fn(&str) -> bool| ["span", "a", "b", "body", "html", "img", "br"].iter().filter(|t| f(t)).count();
        assert_eq!((count(is_block), count(is_skipped)), (0, 0));
        assert_eq!(
            (BLOCK_TAGS.len(), SKIP_TAGS.len()),
            (46, 18),
            "a tag added to a list must be added to its match too"
        );
    }

    #[test]
    fn squashes_white_space() {
        assert_eq!(squash("  a \n\t b  "), "a b");
        assert_eq!(word_count("Hello, world — 2,300 troops"), 4);
        // The one-pass count agrees with its definition: white-space runs holding a letter or digit.
        for s in ["", " ", "— –", "a", " a\u{a0}b\u{2003}c \n", "¿Qué? ... 12 ,", "x\u{85}y", "日本語 テキスト"]
        {
            let runs = s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
            assert_eq!(word_count(s), runs, "{s:?}");
        }
    }
}

//! One cheap pass that tells the engine detectors which of their selectors cannot match, so most of them
//! never walk the page.
//!
//! Each detector asks "is there an element matching this selector?" ([`Probe::has`]). Walking the whole page
//! for each of some forty such questions costs more than the answer is worth, since on any page nearly all of
//! them are "no". So the page is walked once, gathering every class name, id, attribute name and tag name on
//! it ([`Tokens`]); a selector whose every alternative names a class (or id, attribute, tag) the page does not
//! have cannot match, and is answered "no" without a walk. Only selectors that could match are run, exactly as
//! before: the answers are the same, only the walks for impossible ones are saved.
//!
//! The necessary tokens of a selector are read from its CSS text ([`needs`]): for each comma-separated
//! alternative, the class names, ids, attribute names and tag names outside any `:pseudo(...)`. Anything the
//! reading does not understand makes that alternative "might match", never "cannot".

use crate::facts::hash::FastSet;
use crate::parse::Page;
use scraper::selector::ToCss;
use scraper::{Node, Selector};
use std::borrow::Cow;

/// The page and what one walk over it found, for the detectors.
pub struct Probe<'a> {
    pub page: &'a Page,
    /// `None`: rule nothing out, walk for every question (what detection did before the probe; for tests).
    tokens: Option<Tokens<'a>>,
}

/// Every class name, id, attribute name and tag name on the page, ASCII-lowercased (a superset of what
/// matching needs: quirks-mode pages match classes and ids without case).
#[derive(Default)]
struct Tokens<'a> {
    classes: FastSet<Cow<'a, str>>,
    ids: FastSet<Cow<'a, str>>,
    attrs: FastSet<Cow<'a, str>>,
    tags: FastSet<Cow<'a, str>>,
}

/// One token a selector alternative cannot match without.
#[derive(Debug, PartialEq, Eq)]
enum Need {
    Class(String),
    Id(String),
    Attr(String),
    Tag(String),
    /// `[id^=v]` or `[id*=v]` (`starts` true for `^=`): some id holds `v` (white space free) there.
    IdPart {
        part: String,
        starts: bool,
    },
}

impl<'a> Probe<'a> {
    /// Walks the page once. Detached elements (removed by the clean stage) are gathered too, so the tokens
    /// are a superset of what any selection sees, whether it starts at the root or at the whole tree.
    pub fn new(page: &'a Page) -> Probe<'a> {
        let mut t = Tokens::default();
        for node in page.doc.tree.values() {
            let Node::Element(el) = node else { continue };
            t.tags.insert(lower(&el.name.local));
            for (name, value) in el.attrs() {
                if !t.attrs.contains(name) {
                    t.attrs.insert(lower(name));
                }
                match name {
                    "class" => t.classes.extend(value.split_ascii_whitespace().map(lower)),
                    "id" => {
                        t.ids.insert(lower(value));
                    }
                    _ => {}
                }
            }
        }
        Probe { page, tokens: Some(t) }
    }

    /// A probe that rules nothing out: every question walks the page. Tests compare its answers with
    /// [`new`](Self::new)'s.
    pub fn walking(page: &'a Page) -> Probe<'a> {
        Probe { page, tokens: None }
    }

    /// Whether an element of the page (detached ones not counted) matches `sel`: what detectors ask.
    pub fn has(&self, sel: &Selector) -> bool {
        self.could_match(sel) && self.page.select(sel).next().is_some()
    }

    /// [`has`](Self::has) counting detached elements too (the whole tree, as `Html::select` walks it).
    pub fn has_anywhere(&self, sel: &Selector) -> bool {
        self.could_match(sel) && self.page.doc.select(sel).next().is_some()
    }

    /// False only when no alternative of `sel` can match: each needs a token the page lacks.
    fn could_match(&self, sel: &Selector) -> bool {
        let Some(tokens) = &self.tokens else { return true };
        needs(&sel.to_css_string()).iter().any(|alt| alt.iter().all(|n| tokens.holds(n)))
    }
}

impl Tokens<'_> {
    fn holds(&self, need: &Need) -> bool {
        match need {
            Need::Class(c) => self.classes.contains(c.as_str()),
            Need::Id(i) => self.ids.contains(i.as_str()),
            Need::Attr(a) => self.attrs.contains(a.as_str()),
            Need::Tag(t) => self.tags.contains(t.as_str()),
            // A scan of the page's ids, far cheaper than the walk it saves: `[id^=post_message_]` names an
            // attribute every page has, so without it the selector is run over the whole page.
            Need::IdPart { part, starts } => {
                self.ids.iter().any(|i| if *starts { i.starts_with(part.as_str()) } else { i.contains(part.as_str()) })
            }
        }
    }
}

/// `s` ASCII-lowercased, borrowed when it already is.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// For each comma-separated alternative of a selector's CSS text, the tokens it cannot match without
/// (lowercased). An alternative with nothing listed might match any page.
fn needs(css: &str) -> Vec<Vec<Need>> {
    split_top(css, ',').into_iter().map(alternative_needs).collect()
}

/// The tokens one alternative needs: `.class`, `#id`, `[attr...]` and a tag name opening a compound, outside
/// parentheses. An escape or a namespace makes it give up (nothing needed: might match).
fn alternative_needs(alt: &str) -> Vec<Need> {
    if alt.contains(['\\', '|']) {
        return Vec::new();
    }
    let b = alt.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // Whether the previous byte ended a compound (start, white space or a combinator): a name here is a tag.
    let mut at_start = true;
    while i < b.len() {
        match b[i] {
            b'.' | b'#' => {
                let (name, end) = ident(alt, i + 1);
                if !name.is_empty() {
                    let name = name.to_ascii_lowercase();
                    out.push(if b[i] == b'.' { Need::Class(name) } else { Need::Id(name) });
                }
                i = end;
            }
            b'[' => {
                let (name, _) = ident(alt, i + 1);
                if !name.is_empty() {
                    out.push(Need::Attr(name.to_ascii_lowercase()));
                }
                let end = skip_past(b, i, b'[', b']');
                out.extend(id_part(alt.get(i + 1..end.saturating_sub(1)).unwrap_or("")));
                i = end;
            }
            b'(' => i = skip_past(b, i, b'(', b')'),
            b':' => {
                let (_, end) = ident(alt, i + 1);
                i = end.max(i + 1);
            }
            c if at_start && (c.is_ascii_alphabetic() || c == b'_') => {
                let (name, end) = ident(alt, i);
                out.push(Need::Tag(name.to_ascii_lowercase()));
                i = end;
            }
            _ => i += 1,
        }
        at_start = matches!(b.get(i.wrapping_sub(1)), Some(b' ' | b'>' | b'+' | b'~'));
    }
    out
}

/// What `[id^=v]` / `[id*=v]` (the inside of the brackets) needs beyond the attribute: an id holding `v`.
/// Anything else (a flag, white space or a quote in the value, another operator) needs nothing more.
fn id_part(inside: &str) -> Option<Need> {
    let (starts, value) =
        if let Some(v) = inside.strip_prefix("id^=") { (true, v) } else { (false, inside.strip_prefix("id*=")?) };
    let unquote = |q: char| value.strip_prefix(q).and_then(|v| v.strip_suffix(q));
    let value = unquote('"').or_else(|| unquote('\'')).unwrap_or(value);
    let plain = !value.is_empty() && !value.contains(|c: char| c.is_whitespace() || c == '"' || c == '\'');
    plain.then(|| Need::IdPart { part: value.to_ascii_lowercase(), starts })
}

/// The identifier starting at byte `from` (letters, digits, `-`, `_`, non-ASCII) and where it ends.
fn ident(s: &str, from: usize) -> (&str, usize) {
    let rest = s.get(from..).unwrap_or("");
    let len =
        rest.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_' || !c.is_ascii())).unwrap_or(rest.len());
    (&rest[..len], from + len)
}

/// The index just past the bracket closing the one at `open_at`, skipping quoted strings and nested pairs.
fn skip_past(b: &[u8], open_at: usize, open: u8, close: u8) -> usize {
    let (mut depth, mut quote, mut i) = (0usize, None, open_at);
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == open => depth += 1,
            None if c == close => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            None => {}
        }
        i += 1;
    }
    b.len()
}

/// `css` split at `sep` outside brackets, parentheses and quotes.
fn split_top(css: &str, sep: char) -> Vec<&str> {
    let (mut out, mut depth, mut quote, mut start) = (Vec::new(), 0i32, None, 0);
    for (i, c) in css.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                c if c == sep && depth == 0 => {
                    out.push(&css[start..i]);
                    start = i + c.len_utf8();
                }
                _ => {}
            },
        }
    }
    out.push(&css[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::thread::page_info::sel;

    fn c(s: &str) -> Need {
        Need::Class(s.into())
    }

    #[test]
    fn reads_what_each_alternative_needs() {
        assert_eq!(needs("div.post"), [vec![Need::Tag("div".into()), c("post")]]);
        assert_eq!(needs(".postbody .content"), [vec![c("postbody"), c("content")]]);
        assert_eq!(needs(".message[data-author]"), [vec![c("message"), Need::Attr("data-author".into())]]);
        assert_eq!(
            needs("a[href^=\"#p\"], #Top > li"),
            [
                vec![Need::Tag("a".into()), Need::Attr("href".into())],
                vec![Need::Id("top".into()), Need::Tag("li".into())]
            ]
        );
        // Inside :not(...) nothing is needed; an escape gives up.
        assert_eq!(
            needs(".postprofile dt a:not(.avatar)"),
            [vec![c("postprofile"), Need::Tag("dt".into()), Need::Tag("a".into())]]
        );
        assert_eq!(needs(r".a\:b"), [vec![]]);
        let id_part = |part: &str, starts| Need::IdPart { part: part.into(), starts };
        assert_eq!(needs("[id^=post_message_]"), [vec![Need::Attr("id".into()), id_part("post_message_", true)]]);
        assert_eq!(needs("[id*=\"Post\"]"), [vec![Need::Attr("id".into()), id_part("post", false)]]);
        assert_eq!(needs("[id^=\"a b\"]"), [vec![Need::Attr("id".into())]]);
    }

    #[test]
    fn answers_as_a_walk_would() {
        let html = r#"<html><body class="Quirky"><div id="Main" class="post"><p data-x="1">hi</p></div>
            <span class="gone">x</span></body></html>"#;
        let Ok(page) = crate::parse::parse(html, None) else { panic!("parse") };
        let probe = Probe::new(&page);
        for css in [
            "div.post",
            ".quirky",
            "#Main p[data-x]",
            "p[data-y]",
            ".postbody .content",
            "span.gone",
            "*",
            ":not(.x)",
            "[id^=Ma]",
            "[id^=post_]",
            "[id*=ai]",
            "[id*=xy]",
        ] {
            let s = sel(css);
            assert_eq!(probe.has(&s), page.select(&s).next().is_some(), "{css}");
        }
    }
}

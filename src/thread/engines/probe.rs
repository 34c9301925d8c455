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
//! The necessary tokens of a selector are read from the compiled selector ([`Selector::could_match`]): for
//! each comma-separated alternative, the class names, ids, attribute names and tag names outside any
//! `:pseudo(...)`, and the value of `[id^=v]` and `[id*=v]`.

use crate::css::{FindAll, Required, Selector};
use crate::hash::FastSet;
use crate::parse::Page;
use scraper::Node;
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
        self.could_match(sel) && self.page.find_all(sel).next().is_some()
    }

    /// [`has`](Self::has) counting detached elements too (the whole tree, as the document's `find_all` walks it).
    pub fn has_anywhere(&self, sel: &Selector) -> bool {
        self.could_match(sel) && self.page.doc.find_all(sel).next().is_some()
    }

    /// False only when no alternative of `sel` can match: each needs a token the page lacks.
    fn could_match(&self, sel: &Selector) -> bool {
        let Some(tokens) = &self.tokens else { return true };
        sel.could_match(|r| tokens.holds(r))
    }
}

impl Tokens<'_> {
    /// Whether the page has `token` (compared lowercased: the tokens are).
    fn holds(&self, token: Required) -> bool {
        match token {
            Required::Class(c) => self.classes.contains(&lower(c)),
            Required::Id(i) => self.ids.contains(&lower(i)),
            Required::Attribute(a) => self.attrs.contains(&lower(a)),
            Required::Tag(t) => self.tags.contains(&lower(t)),
            // A scan of the page's ids, far cheaper than the walk it saves: `[id^=post_message_]` names an
            // attribute every page has, so without it the selector is run over the whole page.
            Required::IdStart(part) => {
                let part = lower(part);
                self.ids.iter().any(|i| i.starts_with(&*part))
            }
            Required::IdPart(part) => {
                let part = lower(part);
                self.ids.iter().any(|i| i.contains(&*part))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::thread::page_info::sel;

    /// Asserts what each alternative of `css` needs.
    fn needs(css: &str, expected: &[&[Required]]) {
        assert_eq!(sel(css).required(), expected, "{css}");
    }

    #[test]
    fn reads_what_each_alternative_needs() {
        use Required::{Attribute, Class, Id, IdPart, IdStart, Tag};
        needs("div.post", &[&[Tag("div"), Class("post")]]);
        needs(".postbody .content", &[&[Class("postbody"), Class("content")]]);
        needs(".message[data-author]", &[&[Class("message"), Attribute("data-author")]]);
        needs("a[href^=\"#p\"], #Top > LI", &[&[Tag("a"), Attribute("href")], &[Id("Top"), Tag("li")]]);
        // Inside :not(...) nothing is needed.
        needs(".postprofile dt a:not(.avatar)", &[&[Class("postprofile"), Tag("dt"), Tag("a")]]);
        needs("[id^=post_message_]", &[&[Attribute("id"), IdStart("post_message_")]]);
        needs("[id*=\"Post\"]", &[&[Attribute("id"), IdPart("Post")]]);
        needs("[id^=\"\"]", &[&[Attribute("id")]]);
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
            assert_eq!(probe.has(&s), page.find_all(&s).next().is_some(), "{css}");
        }
    }
}

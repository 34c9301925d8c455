//! The crate's own CSS selector matcher, over scraper's tree ([`ElementRef`], [`Html`]).
//!
//! # Why the crate has its own
//! Every reader finds posts, authors and dates with CSS selectors written into the crate (some 450 string
//! literals). scraper's `Selector` would compile them with the `selectors` and `cssparser` crates, written
//! for a browser engine: a full CSS tokenizer, every pseudo-class of Selectors Level 4, bloom filters,
//! invalidation and caches. In the WASM module that machinery cost about 60 KB of code, for a few dozen
//! selector shapes. This module parses and matches exactly the syntax the built-in selectors use, and
//! nothing more, so the link drops the rest.
//!
//! # What is supported
//! - A selector list: complex selectors separated by commas; an element matches when any of them does.
//! - Compound selectors: a type (`div`) or `*`, then any of `#id`, `.class`, attribute tests and the
//!   pseudo-classes below, in any order.
//! - Attribute tests: `[a]`, `[a=v]`, `[a~=v]` (one of its whitespace-separated words), `[a|=v]` (`v` or
//!   `v-...`), `[a^=v]`, `[a$=v]`, `[a*=v]`, the value an identifier or a quoted string, with an optional
//!   `i` (ASCII case-insensitive) or `s` (case-sensitive) flag.
//! - Combinators: descendant (whitespace), child `>`, next sibling `+`, later sibling `~`.
//! - Pseudo-classes: `:not(compound, ...)`; `:has(relative)`, where `relative` is a complex selector read
//!   from the element itself (`:has(img)`: an `img` descendant; `:has(> div:first-child > strong)`: a
//!   `strong` child of a first-child `div` child); `:first-child`, `:last-of-type`.
//!
//! Anything else (namespaces, escapes, other pseudo-classes, pseudo-elements, combinators inside `:not`,
//! `:has(+ a)` and `:has(~ a)`) panics in [`Selector::parse`] with the selector in the message: the
//! selectors are literals of the crate, and the tests parse every one of them (`css/tests.rs`, which also
//! checks every match against scraper's own `Selector` on every fixture page).
//!
//! # Semantics: as scraper matched them with `selectors`
//! The matches are the ones scraper 0.29 gave, so every reader picks the same elements:
//! - Class and id tests are case-sensitive (scraper matches in no-quirks mode). An element's classes are
//!   the words of its `class` attribute; its id the first `id` attribute.
//! - Type selectors and attribute names are ASCII-lowercased and compared with an HTML element's
//!   (lowercase) names; on other elements (SVG, MathML) the name is compared as written. A type selector
//!   matches in any namespace; attribute tests look at attributes in no namespace only.
//! - Attribute values are compared case-sensitively, except for the attributes HTML lists as
//!   case-insensitive ([`CASE_INSENSITIVE_ATTRIBUTES`]: `type`, `rel`, `lang`, ...) on HTML elements, when
//!   the test has no flag. `[a^=""]`, `[a$=""]`, `[a*=""]` and `[a~=""]` never match.
//! - `:first-child` and `:last-of-type` count element siblings only; "type" is the full name (namespace
//!   and local name).
//! - [`FindAll::find_all`] on an element walks its descendants (not the element itself) in document
//!   order, as `ElementRef::select` does; on a document it walks every node of the tree in the order the
//!   nodes were made, skipping only nodes without a parent (detached subtrees' roots, the document), as
//!   `Html::select` does.
//!
//! Matching runs right to left: the subject's compound first, then the combinators towards the left, with
//! the usual early exits (a descendant combinator that ran out of ancestors fails the whole match, since
//! higher candidates have only fewer ancestors). Nothing is allocated while matching: names are atoms
//! interned once at parse time, values are compared without copies (ASCII case folded on the fly), and an
//! element's class list is scraper's, split once per element and cached in the element.

use crate::hash::FastMap;
use ego_tree::{NodeId, NodeRef};
use html5ever::{ns, LocalName};
use scraper::{ElementRef, Html, Node};

/// A compiled selector list (see the [module documentation](self) for the syntax and semantics).
#[derive(Debug, Clone)]
pub struct Selector {
    /// The comma-separated alternatives; an element matches when any does.
    alternatives: Vec<Complex>,
}

/// One complex selector: compounds joined by combinators, kept right to left (`[0]` is the subject).
#[derive(Debug, Clone)]
struct Complex {
    parts: Vec<Part>,
}

/// A compound and the combinator joining it to the compound on its left (`None` for the leftmost).
#[derive(Debug, Clone)]
struct Part {
    compound: Compound,
    combinator: Option<Combinator>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Combinator {
    /// `a b`: `a` is an ancestor.
    Descendant,
    /// `a > b`: `a` is the parent.
    Child,
    /// `a + b`: `a` is the previous element sibling.
    NextSibling,
    /// `a ~ b`: `a` is an earlier element sibling.
    LaterSibling,
}

/// A compound selector: an optional type, then tests that must all hold.
#[derive(Debug, Clone, Default)]
struct Compound {
    /// The type selector; `None` for `*` or none written.
    name: Option<Name>,
    tests: Vec<Test>,
    /// The implicit leftmost compound of a `:has` argument: matches the element `:has` is tested on (the
    /// anchor) and nothing else.
    anchor: bool,
}

/// A name (element type or attribute) as written and ASCII-lowercased: HTML elements are compared with the
/// lowercase one, other elements with the one written (as `selectors` does).
#[derive(Debug, Clone)]
struct Name {
    written: LocalName,
    lower: LocalName,
}

#[derive(Debug, Clone)]
enum Test {
    Id(Box<str>),
    Class(Box<str>),
    Attribute(Attribute),
    /// `:not(a, b)`: none of the compounds matches.
    Not(Vec<Compound>),
    /// `:has(a)`: some descendant matches `a`, a complex selector whose leftmost part is the anchor
    /// compound (see [`Compound::anchor`]).
    Has(Box<Complex>),
    FirstChild,
    LastOfType,
}

#[derive(Debug, Clone)]
struct Attribute {
    name: Name,
    /// `None` for `[a]` (the attribute is present).
    value: Option<ValueTest>,
}

#[derive(Debug, Clone)]
struct ValueTest {
    operator: Operator,
    value: Box<str>,
    case: Case,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Operator {
    /// `=`
    Equal,
    /// `~=`
    Word,
    /// `|=`
    Dash,
    /// `^=`
    Prefix,
    /// `$=`
    Suffix,
    /// `*=`
    Substring,
}

/// How an attribute value is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Sensitive,
    /// The `i` flag.
    Insensitive,
    /// No flag on an attribute of [`CASE_INSENSITIVE_ATTRIBUTES`]: insensitive on HTML elements only.
    InsensitiveOnHtml,
}

/// The attributes whose values HTML compares ASCII-case-insensitively in selectors when the test carries no
/// flag (HTML Standard, "Selectors", the list of attributes of HTML elements with case-insensitive values;
/// the same list `selectors` applies): `link[rel~=next]` matches `rel="Next"`, `script[type="application/
/// ld+json"]` matches `type="application/LD+JSON"`. The built-in selectors test `rel` and `type`.
const CASE_INSENSITIVE_ATTRIBUTES: &[&str] = &[
    "accept",
    "accept-charset",
    "align",
    "alink",
    "axis",
    "bgcolor",
    "charset",
    "checked",
    "clear",
    "codetype",
    "color",
    "compact",
    "declare",
    "defer",
    "dir",
    "direction",
    "disabled",
    "enctype",
    "face",
    "frame",
    "hreflang",
    "http-equiv",
    "lang",
    "language",
    "link",
    "media",
    "method",
    "multiple",
    "nohref",
    "noresize",
    "noshade",
    "nowrap",
    "readonly",
    "rel",
    "rev",
    "rules",
    "scope",
    "scrolling",
    "selected",
    "shape",
    "target",
    "text",
    "type",
    "valign",
    "valuetype",
    "vlink",
];

/// The characters that separate the words of an attribute value for `[a~=v]` (CSS whitespace).
const WORD_SEPARATORS: &[char] = &[' ', '\t', '\n', '\r', '\x0C'];

/// A built-in selector, compiled on first use: a reader's `static` selector.
///
/// The readers hold about 450 of them. As `LazyLock<Selector>` statics each needed an initialiser closure of
/// its own, with its own entry in the function table (about 16 KB of WASM for all of them, 2.4 KB gzipped);
/// here every static holds only its text, and one `deref` compiles any of them.
pub struct Sel {
    css: &'static str,
    compiled: std::sync::OnceLock<Selector>,
}

impl Sel {
    /// The selector `css` (compiled by [`Selector::parse`] the first time it is used).
    pub const fn new(css: &'static str) -> Sel {
        Sel { css, compiled: std::sync::OnceLock::new() }
    }
}

impl std::ops::Deref for Sel {
    type Target = Selector;
    fn deref(&self) -> &Selector {
        self.compiled.get_or_init(|| Selector::parse(self.css))
    }
}

impl Selector {
    /// Compiles a selector list.
    ///
    /// # Panics
    /// On syntax this module does not support or that is not CSS, naming the selector: selectors are
    /// literals of the crate, so this is a bug the tests catch.
    pub fn parse(css: &str) -> Selector {
        let mut p = Parser { css, pos: 0 };
        let mut alternatives = Vec::new();
        loop {
            p.skip_space();
            alternatives.push(p.complex());
            p.skip_space();
            match p.peek() {
                None => break,
                Some(b',') => p.pos += 1,
                Some(_) => p.fail("unexpected character"),
            }
        }
        Selector { alternatives }
    }

    /// Whether some alternative could match on a page, judged by the tokens it names alone: `holds` says
    /// whether the page has a token; an alternative cannot match when one of the tokens its compounds need
    /// (see [`Required`]) is missing. For the engine detectors' one-walk probe (`thread::engines::probe`).
    pub fn could_match(&self, mut holds: impl FnMut(Required) -> bool) -> bool {
        self.alternatives.iter().any(|c| c.parts.iter().all(|p| p.compound.required().all(&mut holds)))
    }

    /// What each alternative needs ([`could_match`](Self::could_match)), for tests.
    #[cfg(test)]
    pub fn required(&self) -> Vec<Vec<Required<'_>>> {
        self.alternatives.iter().map(|c| c.parts.iter().rev().flat_map(|p| p.compound.required()).collect()).collect()
    }

    /// Whether `el` matches any selector of the list.
    pub fn matches(&self, el: &ElementRef) -> bool {
        self.alternatives.iter().any(|c| match_parts(&c.parts, *el, None) == Outcome::Matched)
    }
}

/// A token an element must carry for a compound to match it (outside `:not(...)` and `:has(...)`, which
/// need nothing of the element itself), as written in the selector; type and attribute names lowercased.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required<'s> {
    Tag(&'s str),
    Class(&'s str),
    Id(&'s str),
    Attribute(&'s str),
    /// `[id^=v]`: an id opening with `v`.
    IdStart(&'s str),
    /// `[id*=v]`: an id holding `v`.
    IdPart(&'s str),
}

impl Compound {
    fn required(&self) -> impl Iterator<Item = Required<'_>> {
        let name = self.name.as_ref().map(|n| Required::Tag(&n.lower));
        name.into_iter().chain(self.tests.iter().flat_map(Test::required))
    }
}

impl Test {
    fn required(&self) -> impl Iterator<Item = Required<'_>> {
        let (first, second) = match self {
            Test::Id(id) => (Some(Required::Id(id)), None),
            Test::Class(class) => (Some(Required::Class(class)), None),
            Test::Attribute(a) => {
                let part = a.value.as_ref().filter(|_| &*a.name.lower == "id").and_then(|t| match t.operator {
                    _ if t.value.is_empty() => None,
                    Operator::Prefix => Some(Required::IdStart(&t.value)),
                    Operator::Substring => Some(Required::IdPart(&t.value)),
                    _ => None,
                });
                (Some(Required::Attribute(&a.name.lower)), part)
            }
            Test::Not(_) | Test::Has(_) | Test::FirstChild | Test::LastOfType => (None, None),
        };
        first.into_iter().chain(second)
    }
}

// ---------------------------------------------------------------------------------------------------------
// Selecting

/// Selecting the elements a [`Selector`] matches: below an element ([`ElementRef`]: its descendants, itself
/// excluded, in document order) or in a document ([`Html`]: every node with a parent, in the tree's node
/// order), each once; what scraper's `select` gave. A method of another name than `select`, which
/// `ElementRef` and `Html` have of their own.
pub trait FindAll {
    type Iter<'s, 'b>: Iterator
    where
        Self: 's;
    /// The elements `selector` matches (see [`FindAll`]).
    fn find_all<'s, 'b>(&'s self, selector: &'b Selector) -> Self::Iter<'s, 'b>;
}

impl<'a> FindAll for ElementRef<'a> {
    type Iter<'s, 'b>
        = Descendants<'a, 'b>
    where
        Self: 's;
    fn find_all<'s, 'b>(&'s self, selector: &'b Selector) -> Descendants<'a, 'b> {
        let mut nodes = self.descendants();
        nodes.next(); // The element itself.
        Descendants { nodes, selector, _walk: Walk::start() }
    }
}

impl FindAll for Html {
    type Iter<'s, 'b> = InDocument<'s, 'b>;
    fn find_all<'s, 'b>(&'s self, selector: &'b Selector) -> InDocument<'s, 'b> {
        InDocument { nodes: self.tree.nodes(), selector, _walk: Walk::start() }
    }
}

/// The descendants of an element a selector matches ([`FindAll`] on an [`ElementRef`]).
#[derive(Clone)]
pub struct Descendants<'a, 'b> {
    nodes: ego_tree::iter::Descendants<'a, Node>,
    selector: &'b Selector,
    _walk: Walk,
}

impl<'a> Iterator for Descendants<'a, '_> {
    type Item = ElementRef<'a>;
    fn next(&mut self) -> Option<ElementRef<'a>> {
        self.nodes.by_ref().filter_map(ElementRef::wrap).find(|e| self.selector.matches(e))
    }
}

/// The elements of a document a selector matches ([`FindAll`] on an [`Html`]).
#[derive(Clone)]
pub struct InDocument<'a, 'b> {
    nodes: ego_tree::iter::Nodes<'a, Node>,
    selector: &'b Selector,
    _walk: Walk,
}

impl<'a> InDocument<'a, '_> {
    fn pick(&self, node: NodeRef<'a, Node>) -> Option<ElementRef<'a>> {
        ElementRef::wrap(node).filter(|e| e.parent().is_some() && self.selector.matches(e))
    }
}

impl<'a> Iterator for InDocument<'a, '_> {
    type Item = ElementRef<'a>;
    fn next(&mut self) -> Option<ElementRef<'a>> {
        while let Some(node) = self.nodes.next() {
            if let Some(e) = self.pick(node) {
                return Some(e);
            }
        }
        None
    }
}

impl DoubleEndedIterator for InDocument<'_, '_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        while let Some(node) = self.nodes.next_back() {
            if let Some(e) = self.pick(node) {
                return Some(e);
            }
        }
        None
    }
}

// ---------------------------------------------------------------------------------------------------------
// Matching

/// How a complex selector failed to match, for the early exits of right-to-left matching (the states
/// `selectors` uses; see [`match_parts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Matched,
    /// A compound did not match: the next candidate for the combinator on its right may.
    NotMatched,
    /// A sibling combinator ran out of siblings: no other sibling candidate can match; a descendant
    /// combinator further right may still try a higher ancestor.
    RestartFromDescendant,
    /// An ancestor combinator ran out of ancestors: no candidate higher up can match either.
    Globally,
}

/// Whether `parts[0]` matches `el` and the rest of the complex selector its surroundings; `anchor` is the
/// element an enclosing `:has` is tested on.
fn match_parts(parts: &[Part], el: ElementRef, anchor: Option<NodeId>) -> Outcome {
    let Some((part, rest)) = parts.split_first() else { return Outcome::Matched };
    if !part.compound.matches(el, anchor) {
        return Outcome::NotMatched;
    }
    let Some(combinator) = part.combinator else { return Outcome::Matched };
    let (next, not_found): (fn(ElementRef) -> Option<ElementRef>, Outcome) = match combinator {
        Combinator::Descendant => return ancestor_search(rest, el, anchor),
        Combinator::Child => (parent_element, Outcome::Globally),
        Combinator::NextSibling | Combinator::LaterSibling => (previous_element, Outcome::RestartFromDescendant),
    };
    let mut candidate = el;
    loop {
        let Some(c) = next(candidate) else { return not_found };
        candidate = c;
        let outcome = match_parts(rest, candidate, anchor);
        match (outcome, combinator) {
            (Outcome::Matched | Outcome::Globally, _) => return outcome,
            (_, Combinator::Child) => return Outcome::RestartFromDescendant,
            (_, Combinator::NextSibling) => return outcome,
            (Outcome::RestartFromDescendant, Combinator::LaterSibling) => return outcome,
            _ => {}
        }
    }
}

/// The descendant combinator's search: `rest` tried on each ancestor of `el`, nearest first, until one
/// decides (matched, or failed for good). Inside a [`find_all`](FindAll::find_all) the outcome of the search
/// from each ancestor it passed is remembered ([`ANCESTOR_MEMO`]): every element below that ancestor would
/// walk the same chain to the same end, so the walk is done once per ancestor and selector part, not once
/// per element (on a page nested hundreds deep, with nested posts, the walks made the thread stage cubic).
fn ancestor_search(rest: &[Part], el: ElementRef, anchor: Option<NodeId>) -> Outcome {
    let remember = WALKS.with(|w| w.get()) > 0;
    let tree = el.tree() as *const _ as usize;
    let key = |n: NodeId| (tree, rest.as_ptr() as usize, rest.len(), n, anchor);
    // The ancestors passed, in a buffer kept for the thread: no allocation per search.
    let mut passed = PASSED.with(|p| std::mem::take(&mut *p.borrow_mut()));
    let mut candidate = el;
    let outcome = loop {
        let Some(c) = parent_element(candidate) else { break Outcome::Globally };
        let known = || ANCESTOR_MEMO.with(|m| m.borrow().as_ref().and_then(|m| m.get(&key(c.id())).copied()));
        if let Some(known) = remember.then(known).flatten() {
            break known;
        }
        passed.push(c.id());
        let outcome = match_parts(rest, c, anchor);
        if matches!(outcome, Outcome::Matched | Outcome::Globally) {
            break outcome;
        }
        candidate = c;
    };
    ANCESTOR_MEMO.with(|m| {
        let mut m = m.borrow_mut();
        match m.as_mut() {
            Some(m) if remember => m.extend(passed.drain(..).map(|n| (key(n), outcome))),
            _ => passed.clear(),
        }
    });
    PASSED.with(|p| *p.borrow_mut() = passed);
    outcome
}

/// A remembered ancestor search: (tree, selector part, its length, the ancestor, the `:has` anchor).
type MemoKey = (usize, usize, usize, NodeId, Option<NodeId>);

thread_local! {
    /// The ancestor searches of the [`find_all`](FindAll::find_all) walks under way (see
    /// [`ancestor_search`]), used only while one is ([`WALKS`]). A walk holds the tree borrowed, so the tree
    /// cannot change while its entries live; the last walk to end empties the map, which keeps its room, so
    /// the many walks of a thread's reading allocate for it once, not once each.
    static ANCESTOR_MEMO: std::cell::RefCell<Option<FastMap<MemoKey, Outcome>>> =
        const { std::cell::RefCell::new(None) };
    /// How many walks are under way (nested walks share the memo).
    static WALKS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// The ancestors one search passed, kept for the thread (see [`ancestor_search`]).
    static PASSED: std::cell::RefCell<Vec<NodeId>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Frees the room the remembered searches took ([`ANCESTOR_MEMO`]): once a page's tree is done with, so
/// it is not held beside the next stages.
pub fn forget() {
    ANCESTOR_MEMO.with(|m| *m.borrow_mut() = None);
    PASSED.with(|p| *p.borrow_mut() = Vec::new());
}

/// Marks a walk under way for as long as it lives (see [`ANCESTOR_MEMO`]).
struct Walk;

impl Clone for Walk {
    fn clone(&self) -> Walk {
        Walk::start()
    }
}

impl Walk {
    fn start() -> Walk {
        WALKS.with(|w| w.set(w.get() + 1));
        ANCESTOR_MEMO.with(|m| {
            m.borrow_mut().get_or_insert_with(FastMap::default);
        });
        Walk
    }
}

impl Drop for Walk {
    fn drop(&mut self) {
        let left = WALKS.with(|w| {
            w.set(w.get() - 1);
            w.get()
        });
        if left == 0 {
            ANCESTOR_MEMO.with(|m| {
                if let Some(m) = m.borrow_mut().as_mut().filter(|m| !m.is_empty()) {
                    m.clear();
                }
            });
        }
    }
}

fn parent_element(el: ElementRef) -> Option<ElementRef> {
    el.parent().and_then(ElementRef::wrap)
}

fn previous_element(el: ElementRef) -> Option<ElementRef> {
    el.prev_siblings().find_map(ElementRef::wrap)
}

fn is_html(el: ElementRef) -> bool {
    el.value().name.ns == ns!(html)
}

impl Name {
    /// The name to compare with `el`'s (see [`Name`]).
    fn for_element(&self, el: ElementRef) -> &LocalName {
        if self.written == self.lower || is_html(el) {
            &self.lower
        } else {
            &self.written
        }
    }
}

impl Compound {
    fn matches(&self, el: ElementRef, anchor: Option<NodeId>) -> bool {
        if self.anchor {
            return anchor == Some(el.id());
        }
        if let Some(name) = &self.name {
            if el.value().name.local != *name.for_element(el) {
                return false;
            }
        }
        self.tests.iter().all(|t| t.matches(el, anchor))
    }
}

impl Test {
    fn matches(&self, el: ElementRef, anchor: Option<NodeId>) -> bool {
        match self {
            Test::Id(id) => el.value().id() == Some(&**id),
            Test::Class(class) => el.value().classes().any(|c| c == &**class),
            Test::Attribute(a) => a.matches(el),
            Test::Not(list) => !list.iter().any(|c| c.matches(el, anchor)),
            // Every argument starts with `>` or a descendant combinator, so what it selects lies below.
            Test::Has(relative) => el
                .descendants()
                .skip(1)
                .filter_map(ElementRef::wrap)
                .any(|d| match_parts(&relative.parts, d, Some(el.id())) == Outcome::Matched),
            Test::FirstChild => previous_element(el).is_none(),
            Test::LastOfType => {
                let name = &el.value().name;
                !el.next_siblings().any(|s| s.value().as_element().is_some_and(|e| e.name == *name))
            }
        }
    }
}

impl Attribute {
    fn matches(&self, el: ElementRef) -> bool {
        let name = self.name.for_element(el);
        el.value().attrs.iter().any(|(key, value)| {
            key.ns == ns!() && key.local == *name && self.value.as_ref().is_none_or(|t| t.matches(value, el))
        })
    }
}

impl ValueTest {
    fn matches(&self, found: &str, el: ElementRef) -> bool {
        let insensitive = match self.case {
            Case::Sensitive => false,
            Case::Insensitive => true,
            Case::InsensitiveOnHtml => is_html(el),
        };
        let eq = |a: &str, b: &str| if insensitive { a.eq_ignore_ascii_case(b) } else { a == b };
        let (f, v) = (found.as_bytes(), self.value.as_bytes());
        // Byte slices of `found` compared with the whole value: a slice that is not on a character boundary
        // cannot equal a value that is, so comparing bytes is exact.
        let eq_bytes = |a: &[u8]| if insensitive { a.eq_ignore_ascii_case(v) } else { a == v };
        match self.operator {
            Operator::Equal => eq(found, &self.value),
            Operator::Word => !v.is_empty() && found.split(WORD_SEPARATORS).any(|w| eq(w, &self.value)),
            Operator::Dash => eq(found, &self.value) || (f.get(v.len()) == Some(&b'-') && eq_bytes(&f[..v.len()])),
            Operator::Prefix => !v.is_empty() && f.len() >= v.len() && eq_bytes(&f[..v.len()]),
            Operator::Suffix => !v.is_empty() && f.len() >= v.len() && eq_bytes(&f[f.len() - v.len()..]),
            Operator::Substring if insensitive => !v.is_empty() && f.windows(v.len()).any(eq_bytes),
            Operator::Substring => !v.is_empty() && found.contains(&*self.value),
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Parsing

struct Parser<'s> {
    css: &'s str,
    pos: usize,
}

impl Parser<'_> {
    fn fail(&self, what: &str) -> ! {
        panic!("invalid or unsupported built-in selector {:?}: {what} at byte {}", self.css, self.pos)
    }

    fn peek(&self) -> Option<u8> {
        self.css.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        self.pos += usize::from(found);
        found
    }

    /// Skips CSS whitespace; whether there was any.
    fn skip_space(&mut self) -> bool {
        let start = self.pos;
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0C)) {
            self.pos += 1;
        }
        self.pos > start
    }

    /// A CSS identifier without escapes: letters, digits, `-`, `_` and non-ASCII, not opening with a digit
    /// or `-` and a digit.
    fn ident(&mut self) -> &str {
        let start = self.pos;
        let is_name = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b >= 0x80;
        while self.peek().is_some_and(is_name) {
            self.pos += 1;
        }
        let ident = &self.css[start..self.pos];
        let valid = match ident.as_bytes() {
            [] | [b'-'] => false,
            [b'-', d, ..] | [d, ..] => !d.is_ascii_digit(),
        };
        if !valid {
            self.fail("expected an identifier");
        }
        if self.peek() == Some(b'\\') {
            self.fail("escapes are not supported");
        }
        ident
    }

    fn name(&mut self) -> Name {
        let written = self.ident();
        Name { written: LocalName::from(written), lower: LocalName::from(written.to_ascii_lowercase()) }
    }

    /// A complex selector: compounds and combinators, up to a `,`, `)` or the end.
    fn complex(&mut self) -> Complex {
        let mut parts = vec![Part { compound: self.compound(), combinator: None }];
        loop {
            let space = self.skip_space();
            let combinator = match self.peek() {
                Some(b'>') => Combinator::Child,
                Some(b'+') => Combinator::NextSibling,
                Some(b'~') => Combinator::LaterSibling,
                None | Some(b',' | b')') => break,
                Some(_) if space => Combinator::Descendant,
                Some(_) => self.fail("unexpected character"),
            };
            if combinator != Combinator::Descendant {
                self.pos += 1;
                self.skip_space();
            }
            parts.push(Part { compound: self.compound(), combinator: Some(combinator) });
        }
        // Right to left: the subject first, each part still carrying the combinator on its left.
        parts.reverse();
        Complex { parts }
    }

    fn compound(&mut self) -> Compound {
        let start = self.pos;
        let mut compound = Compound::default();
        let opens_name = |b: u8| b.is_ascii_alphabetic() || b == b'_' || b == b'-' || b >= 0x80;
        if !self.eat(b'*') && self.peek().is_some_and(opens_name) {
            compound.name = Some(self.name());
        }
        loop {
            let test = match self.peek() {
                Some(b'#') => {
                    self.pos += 1;
                    Test::Id(self.ident().into())
                }
                Some(b'.') => {
                    self.pos += 1;
                    Test::Class(self.ident().into())
                }
                Some(b'[') => {
                    self.pos += 1;
                    Test::Attribute(self.attribute())
                }
                Some(b':') => {
                    self.pos += 1;
                    self.pseudo_class()
                }
                Some(b'|') => self.fail("namespaces are not supported"),
                _ => break,
            };
            compound.tests.push(test);
        }
        if self.pos == start {
            self.fail("expected a compound selector");
        }
        compound
    }

    /// After `[`: `a]`, `a=v]`, `a~="v" i]`, ...
    fn attribute(&mut self) -> Attribute {
        self.skip_space();
        let name = self.name();
        self.skip_space();
        if self.eat(b']') {
            return Attribute { name, value: None };
        }
        let operator = match self.peek() {
            Some(b'=') => Operator::Equal,
            Some(b'~') => Operator::Word,
            Some(b'|') => Operator::Dash,
            Some(b'^') => Operator::Prefix,
            Some(b'$') => Operator::Suffix,
            Some(b'*') => Operator::Substring,
            _ => self.fail("expected an attribute operator"),
        };
        self.pos += 1;
        if operator != Operator::Equal && !self.eat(b'=') {
            self.fail("expected `=`");
        }
        self.skip_space();
        let value: Box<str> = match self.peek() {
            Some(quote @ (b'"' | b'\'')) => {
                self.pos += 1;
                let start = self.pos;
                while self.peek().is_some_and(|b| b != quote) {
                    if matches!(self.peek(), Some(b'\\' | b'\n')) {
                        self.fail("escapes and line breaks in strings are not supported");
                    }
                    self.pos += 1;
                }
                let value = self.css[start..self.pos].into();
                if !self.eat(quote) {
                    self.fail("unterminated string");
                }
                value
            }
            _ => self.ident().into(),
        };
        self.skip_space();
        let case = match self.peek() {
            Some(b'i' | b'I') => Case::Insensitive,
            Some(b's' | b'S') => Case::Sensitive,
            _ if CASE_INSENSITIVE_ATTRIBUTES.contains(&&*name.lower) => Case::InsensitiveOnHtml,
            _ => Case::Sensitive,
        };
        if matches!(self.peek(), Some(b'i' | b'I' | b's' | b'S')) {
            self.pos += 1;
            self.skip_space();
        }
        if !self.eat(b']') {
            self.fail("expected `]`");
        }
        Attribute { name, value: Some(ValueTest { operator, value, case }) }
    }

    /// After `:`.
    fn pseudo_class(&mut self) -> Test {
        let name = self.ident().to_ascii_lowercase();
        match name.as_str() {
            "first-child" => Test::FirstChild,
            "last-of-type" => Test::LastOfType,
            "not" | "has" => {
                if !self.eat(b'(') {
                    self.fail("expected `(`");
                }
                self.skip_space();
                let test = if name == "not" {
                    let mut list = vec![self.compound()];
                    loop {
                        self.skip_space();
                        if !self.eat(b',') {
                            break;
                        }
                        self.skip_space();
                        list.push(self.compound());
                    }
                    Test::Not(list)
                } else {
                    let leading = if self.eat(b'>') { Combinator::Child } else { Combinator::Descendant };
                    if matches!(self.peek(), Some(b'+' | b'~')) {
                        self.fail("sibling combinators opening `:has` are not supported");
                    }
                    self.skip_space();
                    let mut relative = self.complex();
                    if let Some(leftmost) = relative.parts.last_mut() {
                        leftmost.combinator = Some(leading);
                    }
                    let anchor = Compound { anchor: true, ..Compound::default() };
                    relative.parts.push(Part { compound: anchor, combinator: None });
                    Test::Has(Box::new(relative))
                };
                self.skip_space();
                if !self.eat(b')') {
                    self.fail("expected `)` (only compound selectors go inside `:not`)");
                }
                test
            }
            _ => self.fail("unsupported pseudo-class"),
        }
    }
}

#[cfg(test)]
mod tests;

//! The writer of [`super::dom`]'s format from a tree html5ever parsed: what the extension's injected script
//! (`extension/card.js`, `flatten`) writes from the browser's tree, written here from ours, so that tests
//! and benchmarks can run the DOM path natively on every fixture and compare it with the HTML path.
//!
//! Both writers leave out the same things (see the module doc of [`super::dom`]); a `<noscript>` kept as
//! text also carries its markup parsed as a document, as the browser's `DOMParser` parses it.

use super::dom::{needs_escape, MAGIC};
use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use html5ever::ns;
use scraper::node::Element;
use scraper::{Html, Node};

/// `doc` in the DOM format.
pub fn flatten(doc: &Html) -> String {
    let mut out = String::with_capacity(1024);
    out.push_str(MAGIC);
    for child in doc.tree.root().children() {
        write(&mut out, child, false);
    }
    out
}

/// Writes `top` and what it holds, in one walk (iterative: a tree may nest as deep as the parse stage
/// allows). `in_document`: `top` is in a noscript's document, whose noscripts carry no document of their own.
fn write(out: &mut String, top: NodeRef<Node>, in_document: bool) {
    // The node whose content is being left out, if any.
    let mut skipping = None;
    for edge in top.traverse() {
        match edge {
            Edge::Open(n) if skipping.is_none() => match n.value() {
                Node::Element(e) => {
                    open_element(out, e);
                    if skips_content(e) {
                        skipping = Some(n.id());
                    }
                }
                Node::Text(t) => {
                    out.push('\x06');
                    escape(out, t);
                }
                _ => skipping = Some(n.id()),
            },
            Edge::Close(n) if skipping.is_none_or(|s| s == n.id()) => {
                skipping = None;
                if let Node::Element(e) = n.value() {
                    if e.name() == "noscript" && !in_document {
                        noscript_document(out, n);
                    }
                    out.push('\x07');
                }
            }
            _ => {}
        }
    }
}

fn open_element(out: &mut String, e: &Element) {
    out.push(match e.name.ns {
        ns!(svg) => '\x02',
        ns!(mathml) => '\x03',
        _ => '\x01',
    });
    escape(out, &e.name.local);
    for (name, value) in e.attrs.iter() {
        out.push('\x04');
        if let Some(prefix) = &name.prefix {
            escape(out, prefix);
            out.push(':');
        }
        escape(out, &name.local);
        out.push('\x05');
        escape(out, value);
    }
}

/// Whether an element's content is left out: a script's code (not its JSON data), a style sheet. (Comments,
/// the doctype and a template's content, its fragment node, are left out whole.)
fn skips_content(e: &Element) -> bool {
    match e.name() {
        "script" => !e.attr("type").is_some_and(|t| t.to_ascii_lowercase().contains("json")),
        "style" => true,
        _ => false,
    }
}

/// A noscript kept as text, with markup in it: that markup parsed as a document, as the browser parses it.
fn noscript_document(out: &mut String, noscript: NodeRef<Node>) {
    let text: String = noscript.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect();
    if !text.contains('<') {
        return;
    }
    let doc = super::tree::parse_document(&text);
    out.push('\x08');
    for child in doc.tree.root().children() {
        write(out, child, true);
    }
    out.push('\x07');
}

fn escape(out: &mut String, s: &str) {
    if !s.bytes().any(needs_escape) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match u8::try_from(c) {
            Ok(b) if needs_escape(b) => {
                out.push('\x0e');
                out.push(char::from(b + 0x40));
            }
            _ => out.push(c),
        }
    }
}

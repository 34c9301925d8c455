//! The WASM face of the pipeline, for the extension's background script and the demo page.
//! Thin: every function is one call into the library.
//!
//! Values cross the boundary as strings: the Summary goes over as its JSON text and becomes an object with
//! the browser's own `JSON.parse`, and options come in through `JSON.stringify`. This keeps a second,
//! generated serializer for every model type out of the module (smaller WASM; see README, "Budgets").
//!
//! The extension's click path uses [`summarize_thread_js`] instead of the one-call bundle: it keeps the
//! Summary here and hands its parts out in the order the reader needs them, the card first (`card()`), the
//! exports once the card is up (`exports()`), so the click waits for neither the five exports nor the
//! Summary's JSON.

use crate::{render, Format, Options};
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;

/// `summarize(html, url, options)` → `{summary, card_html, post_bodies, card_css, markdown, json, jsonld,
/// html_page, text, file_names}`: the Summary (as a JS object), the card's HTML (its posts as outline lines:
/// `render::card::lazy`), each post's body HTML (to insert when the post is opened), its CSS, every export,
/// and the file name of each (`file_names.md`, `.json`, `.jsonld`, `.html`, `.txt`), so the page script
/// never renders or names anything itself. `options.exported_at` (an ISO time, from `Date`) dates the
/// Markdown export.
/// Throws an `Error` with a one-line message for input that is not an HTML page.
/// Only where the HTML parser is built in (feature `html-parser`: the demo page's module).
#[cfg(feature = "html-parser")]
#[wasm_bindgen(js_name = summarize)]
pub fn summarize_js(html: &str, url: Option<String>, options: JsValue) -> Result<JsValue, JsError> {
    let options = read_options(&options)?;
    let summary = crate::summarize(html, url.as_deref(), &options).map_err(|e| JsError::new(&e.to_string()))?;
    bundle(&summary, &options, None)
}

/// `summarizeDom(flat, url, options)`: [`summarize_js`] for the browser's own tree of the page, as the
/// extension's page script writes it (extension/flatten.js; the format is `parse::dom`'s), so
/// the page is not parsed twice. Throws an `Error` with a one-line message when the tree is malformed.
#[wasm_bindgen(js_name = summarizeDom)]
pub fn summarize_dom_js(flat: JsValue, url: Option<String>, options: JsValue) -> Result<JsValue, JsError> {
    let (summary, options) = summarize_tree(&flat, url, &options, crate::summarize_dom_owned)?;
    bundle(&summary, &options, None)
}

/// `summarizeThread(flat, url, options)`: [`summarize_dom_js`]'s pipeline up to the fact stage
/// (`crate::read_dom_owned`), with the result kept in the module as a [`Thread`] whose parts are made on
/// demand: the card first, its facts next (`facts()`), then the bodies and the exports; the caller frees
/// it (`free()`). Throws as `summarizeDom` does.
#[wasm_bindgen(js_name = summarizeThread)]
pub fn summarize_thread_js(flat: JsValue, url: Option<String>, options: JsValue) -> Result<Thread, JsError> {
    let (summary, options) = summarize_tree(&flat, url, &options, crate::read_dom_owned)?;
    Ok(Thread { summary, options, has_facts: false })
}

/// A pipeline (`crate::summarize_dom_owned` or `crate::read_dom_owned`) on the page's tree as flatten.js
/// writes it, shared by [`summarize_dom_js`] and [`summarize_thread_js`]: the string is copied in once
/// ([`utf8`]) and freed once the tree is built.
fn summarize_tree(
    flat: &JsValue,
    url: Option<String>,
    options: &JsValue,
    pipeline: fn(String, Option<&str>, &Options) -> Result<crate::Summary, crate::Error>,
) -> Result<(crate::Summary, Options), JsError> {
    let options = read_options(options)?;
    let flat = utf8(flat).ok_or_else(|| JsError::new("the page's tree is not a string"))?;
    let summary = pipeline(flat, url.as_deref(), &options).map_err(|e| JsError::new(&e.to_string()))?;
    Ok((summary, options))
}

/// One page's Summary and the options it was made with, held in the module from the card to the
/// exports; its facts are added by [`Thread::facts`].
#[wasm_bindgen]
pub struct Thread {
    summary: crate::Summary,
    options: Options,
    has_facts: bool,
}

#[wasm_bindgen]
impl Thread {
    /// `{card_html, card_css, title, anchors}`: what the card needs to be shown, and no more: its outline
    /// (`render::card::outline`, the posts' bodies not rendered; before [`Thread::facts`], with the
    /// placeholder `render::card::first` puts in the facts' place), the title (for file names) and each
    /// post's anchor on the page (for "post N" links), not the whole Summary.
    pub fn card(&self) -> Result<JsValue, JsError> {
        let s = &self.summary;
        let anchors: Array =
            s.posts.iter().map(|p| p.anchor.as_deref().map_or(JsValue::NULL, JsValue::from_str)).collect();
        let html = if self.has_facts {
            render::card::outline(s, &self.options)
        } else {
            render::card::first(s, &self.options)
        };
        object(vec![
            ("card_html", JsValue::from_str(&html)),
            ("card_css", JsValue::from_str(render::card::CSS)),
            ("title", JsValue::from_str(&s.title)),
            ("anchors", anchors.into()),
        ])
    }

    /// The fact stage (once), then the digest and the facts sections' HTML
    /// (`render::card::facts_html`), for the page script to put in the placeholder of the card.
    pub fn facts(&mut self) -> String {
        self.add_facts();
        render::card::facts_html(&self.summary, &self.options)
    }

    /// Each post's body HTML, in order (`render::card::bodies`), for the page script to insert when a post
    /// is opened: rendered after the card is shown.
    pub fn bodies(&self) -> Array {
        render::card::bodies(&self.summary, &self.options).iter().map(|b| JsValue::from_str(b)).collect()
    }

    /// `{markdown, json, jsonld, html_page, text, file_names}`: every export and its file name.
    pub fn exports(&mut self) -> Result<JsValue, JsError> {
        self.add_facts();
        let json = render(&self.summary, Format::Json);
        object(export_fields(&self.summary, &self.options, json)?)
    }
}

impl Thread {
    fn add_facts(&mut self) {
        if !self.has_facts {
            crate::add_facts(&mut self.summary, &self.options);
            self.has_facts = true;
        }
    }
}

/// `summarizeBytes(bytes, url, options)`: [`summarize_js`] for a saved file's bytes (a `Uint8Array`), decoded
/// as a browser would (byte order mark, `<meta charset>`; undeclared legacy bytes are windows-1252, as the
/// WASM build has no detector: see `decode.rs`), with the browser's `TextDecoder`. The result also holds `html`, the decoded text. Throws for a binary file.
/// In the demo page's module only (feature `www`): the extension reads pages the browser has decoded, and
/// leaving this out of its module drops the sniffing and `encoding_rs`'s label tables from it.
#[cfg(feature = "www")]
#[wasm_bindgen(js_name = summarizeBytes)]
pub fn summarize_bytes_js(bytes: &[u8], url: Option<String>, options: JsValue) -> Result<JsValue, JsError> {
    let options = read_options(&options)?;
    let (encoding, _, bom) = crate::decode::sniff(bytes, url.as_deref()).map_err(|e| JsError::new(&e.to_string()))?;
    let decoder = TextDecoder::new(encoding.name())
        .map_err(|_| JsError::new(&format!("this browser cannot decode {}", encoding.name())))?;
    let html = decoder.decode(bytes.get(bom..).unwrap_or_default());
    let summary = crate::summarize(&html, url.as_deref(), &options).map_err(|e| JsError::new(&e.to_string()))?;
    bundle(&summary, &options, Some(html))
}

#[cfg(feature = "www")]
#[wasm_bindgen]
extern "C" {
    /// The browser's own decoder, for the encoding `decode::sniff` found: it knows every WHATWG encoding, as
    /// `encoding_rs` does natively, and keeps the CJK decoding tables out of the module.
    type TextDecoder;
    #[wasm_bindgen(constructor, catch)]
    fn new(label: &str) -> Result<TextDecoder, JsValue>;
    #[wasm_bindgen(method)]
    fn decode(this: &TextDecoder, bytes: &[u8]) -> String;
}

/// The object both entries return (see [`summarize_js`]), with `html` when the input was bytes. The card
/// and the exports follow the user's options (language, sections, times, front matter).
fn bundle(summary: &crate::Summary, options: &Options, html: Option<String>) -> Result<JsValue, JsError> {
    let json = render(summary, Format::Json);
    let parsed = JSON::parse(&json).map_err(|_| JsError::new("the summary did not serialize to JSON"))?;
    let mut fields = vec![("summary", parsed)];
    fields.extend(card_fields(summary, options));
    fields.extend(export_fields(summary, options, json)?);
    fields.extend(html.map(|h| ("html", JsValue::from_str(&h))));
    object(fields)
}

/// The card's outline, and each post's body apart for the page script to insert when it is opened.
fn card_fields(summary: &crate::Summary, options: &Options) -> Vec<(&'static str, JsValue)> {
    let card = render::card::lazy(summary, options);
    vec![
        ("card_html", JsValue::from_str(&card.html)),
        ("post_bodies", card.bodies.iter().map(|b| JsValue::from_str(b)).collect::<Array>().into()),
        ("card_css", JsValue::from_str(render::card::CSS)),
    ]
}

/// Every export (`json` is the Summary's JSON, rendered already) and each one's file name.
fn export_fields(
    summary: &crate::Summary,
    options: &Options,
    json: String,
) -> Result<Vec<(&'static str, JsValue)>, JsError> {
    let export = |f| JsValue::from_str(&render::render_with(summary, f, options));
    let names = Object::new();
    for f in [Format::Markdown, Format::Json, Format::JsonLd, Format::Html, Format::Text] {
        let ext = f.extension();
        Reflect::set(&names, &JsValue::from_str(ext), &JsValue::from_str(&render::file_name(summary, ext)))
            .map_err(|_| JsError::new("cannot build the result"))?;
    }
    Ok(vec![
        ("markdown", export(Format::Markdown)),
        ("json", JsValue::from_str(&json)),
        ("jsonld", export(Format::JsonLd)),
        ("html_page", export(Format::Html)),
        ("text", export(Format::Text)),
        ("file_names", names.into()),
    ])
}

/// A plain JS object with these fields.
fn object(fields: Vec<(&'static str, JsValue)>) -> Result<JsValue, JsError> {
    let o = Object::new();
    for (key, value) in fields {
        Reflect::set(&o, &JsValue::from_str(key), &value).map_err(|_| JsError::new("cannot build the result"))?;
    }
    Ok(o.into())
}

#[wasm_bindgen]
extern "C" {
    /// The browser's encoder, for a large string argument (see [`utf8`]).
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method)]
    fn encode(this: &TextEncoder, text: &js_sys::JsString) -> Vec<u8>;
}

/// A JS string as Rust's own `String`, copied into the module's memory in exactly its UTF-8 length. A `&str`
/// or `String` parameter is copied by wasm-bindgen's glue, which reserves 3 bytes per character left from
/// the first non-ASCII one on (to shrink it after): a page with a `›` in its head grew the linear memory by
/// 3 times its size before the run began. The browser's `TextEncoder` encodes outside the module, and the
/// bytes come in in one allocation of their exact size. `None` when `value` is not a string.
fn utf8(value: &JsValue) -> Option<String> {
    let text: &js_sys::JsString = value.dyn_ref()?;
    // `TextEncoder` always writes UTF-8 (a lone surrogate becomes U+FFFD, as the glue's encoder does).
    String::from_utf8(TextEncoder::new().encode(text)).ok()
}

/// `undefined`/`null` → defaults; an object such as `{summary_sentences: 3}` → those options.
fn read_options(options: &JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    let text = JSON::stringify(options)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| JsError::new("bad options: not a plain object"))?;
    crate::json::options(&text).map_err(|e| JsError::new(&format!("bad options: {e}")))
}

/// The bundled sample thread page, for the demo page's "try the sample" button: in the demo page's module
/// only (feature `www`), so the extension's module does not carry the page.
#[cfg(feature = "www")]
#[wasm_bindgen(js_name = sampleHtml)]
pub fn sample_html() -> String {
    crate::SAMPLE_HTML.to_string()
}

//! The demo page (`www/`) as a Rust application: the same core and card as the extension, on pasted HTML
//! or a dropped file. Built only with the `www` feature, into its own module (`./build.sh` puts it in
//! `www/pkg`), so the extension's background module never carries this code or `web-sys`/`gloo`.
//!
//! The page's JavaScript is a loader (`www/app.js`: `init()`, then [`start`]). From there on:
//!
//! * `web-sys` is the DOM: the form's fields, the card's host element and its shadow root, the status line.
//! * `gloo` is the browser plumbing: [`gloo::events`] for listeners, [`gloo::file`] reads a chosen or
//!   dropped file as bytes, [`gloo::timers`] defers the work one turn so the status line paints first.
//! * A file's bytes are decoded here, as a browser would (`decode::sniff`: byte order mark, `<meta
//!   charset>`, else windows-1252), with the browser's `TextDecoder` for the encoding found.
//! * The card is the extension's: `render::card::fragment_with` in the browser's language (every page
//!   string escaped in `render/escape.rs`) with `render::card::CSS` as a constructed sheet; the exports
//!   are in that language too.
//! * Downloads and the clipboard go through `exports.js`, the helpers the extension's card uses too.
//!
//! The card's clicks and keys are read on `#result`, the card's (static) parent: events from the open shadow
//! root arrive there retargeted, and `composedPath()` gives the element inside the card that was hit. So the
//! listeners are set once, in [`start`], and a new card needs none.

use crate::{render, summarize, Format, Options, Summary};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::file::{callbacks::FileReader, File};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, Document, DragEvent, Element, Event, HtmlElement, HtmlInputElement, HtmlTextAreaElement,
    KeyboardEvent, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition, ShadowRootInit, ShadowRootMode,
};

/// The delay before a summary is computed, in ms: 0 still yields one turn of the event loop, which lets the
/// browser paint "Reading…" before a large page keeps the thread busy.
const PAINT_TURN_MS: u32 = 0;

/// What the card's export buttons need from the summary on show.
struct View {
    title: String,
    /// Every export the card's menu offers, by its file extension.
    exports: Vec<Export>,
}

/// One export of the card on show: the text, its type and its file name (`render::file_name`).
struct Export {
    ext: &'static str,
    mime: &'static str,
    text: String,
    file_name: String,
}

/// The formats the card's export menu offers (src/render/card.rs, `export_menu`), with their media types.
const EXPORTS: &[(Format, &str)] = &[
    (Format::Markdown, "text/markdown;charset=utf-8"),
    (Format::Json, "application/json;charset=utf-8"),
    (Format::JsonLd, "application/ld+json;charset=utf-8"),
    (Format::Html, "text/html;charset=utf-8"),
    (Format::Text, "text/plain;charset=utf-8"),
];

thread_local! {
    /// The card on show, if any (the buttons act on it).
    static VIEW: RefCell<Option<View>> = const { RefCell::new(None) };
    /// The file read in flight: a `gloo` reader cancels its read when dropped, so it lives here until the
    /// next read replaces it.
    static READER: RefCell<Option<FileReader>> = const { RefCell::new(None) };
}

#[wasm_bindgen]
extern "C" {
    /// `exports.js`: saves `text` as a file named `name` (Rust's `render::file_name`).
    #[wasm_bindgen(js_namespace = threadcardExports, js_name = download)]
    fn export_download(text: &str, mime: &str, ext: &str, title: &str, parent: &HtmlElement, name: &str);
    /// `exports.js`: copies `text`; the promise says whether it worked.
    #[wasm_bindgen(js_namespace = threadcardExports, js_name = copy)]
    fn export_copy(text: &str, parent: &HtmlElement) -> js_sys::Promise;
}

/// A page to summarize: pasted text, or a file's bytes (decoded here).
enum Input {
    Text(String),
    Bytes(Vec<u8>),
}

/// Wires the page: the form, the sample button, the file input, drag and drop, the card's buttons.
#[wasm_bindgen]
pub fn start() -> Result<(), JsValue> {
    let doc = document()?;
    let prevent = EventListenerOptions::enable_prevent_default;
    EventListener::new_with_options(&by_id::<web_sys::EventTarget>("input")?, "submit", prevent(), |e| {
        e.prevent_default();
        report(field_values().map(|(html, url)| run_later(Input::Text(html), url)));
    })
    .forget();
    EventListener::new(&by_id::<web_sys::EventTarget>("sample")?, "click", |_| report(show_sample())).forget();
    EventListener::new(&by_id::<web_sys::EventTarget>("file")?, "change", |e| {
        let file = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).and_then(|i| i.files());
        report(read_file(file.and_then(|f| f.get(0))));
    })
    .forget();
    EventListener::new_with_options(&doc, "dragover", prevent(), |e| {
        e.prevent_default();
        report(body().map(|b| b.class_list().toggle_with_force("dragging", true)).map(drop));
    })
    .forget();
    EventListener::new(&doc, "dragleave", |_| {
        report(body().map(|b| b.class_list().toggle_with_force("dragging", false)).map(drop));
    })
    .forget();
    EventListener::new_with_options(&doc, "drop", prevent(), |e| {
        e.prevent_default();
        report(body().map(|b| b.class_list().toggle_with_force("dragging", false)).map(drop));
        let files = e.dyn_ref::<DragEvent>().and_then(DragEvent::data_transfer).and_then(|d| d.files());
        report(read_file(files.and_then(|f| f.get(0))));
    })
    .forget();
    let result = by_id::<Element>("result")?;
    EventListener::new(&result, "click", |e| report(on_card_click(e))).forget();
    EventListener::new(&result, "keydown", |e| {
        if e.dyn_ref::<KeyboardEvent>().is_some_and(|k| k.key() == "Escape") {
            report(close_card());
        }
    })
    .forget();
    status("Ready.", false)
}

/// "Try the sample": the bundled page into the form, then its card.
fn show_sample() -> Result<(), JsValue> {
    by_id::<HtmlTextAreaElement>("html")?.set_value(crate::SAMPLE_HTML);
    by_id::<HtmlInputElement>("url")?.set_value(crate::SAMPLE_URL);
    run_later(Input::Text(crate::SAMPLE_HTML.to_string()), crate::SAMPLE_URL.to_string());
    Ok(())
}

/// The form's page HTML and URL.
fn field_values() -> Result<(String, String), JsValue> {
    Ok((by_id::<HtmlTextAreaElement>("html")?.value(), by_id::<HtmlInputElement>("url")?.value()))
}

/// Reads a chosen or dropped file as bytes, then summarizes it.
fn read_file(file: Option<web_sys::File>) -> Result<(), JsValue> {
    let Some(file) = file else { return Ok(()) };
    let file = File::from(file);
    status(&format!("Read {}.", file.name()), false)?;
    let url = by_id::<HtmlInputElement>("url")?.value();
    let reader = gloo::file::callbacks::read_as_bytes(&file, move |bytes| match bytes {
        Ok(bytes) => run_later(Input::Bytes(bytes), url),
        Err(e) => report(status(&format!("Could not read the file: {e}"), true)),
    });
    READER.with(|r| r.replace(Some(reader)));
    Ok(())
}

/// Says "Reading…", then summarizes on the next turn of the event loop.
fn run_later(input: Input, url: String) {
    report(status("Reading…", false));
    Timeout::new(PAINT_TURN_MS, move || report(run(input, url.trim()))).forget();
}

/// Summarizes the page and shows its card, or says why not.
fn run(input: Input, url: &str) -> Result<(), JsValue> {
    let url = Some(url).filter(|u| !u.is_empty());
    let t0 = now();
    let (size, summary) = match input {
        Input::Text(html) => (html.len(), summarize(&html, url, &options())),
        Input::Bytes(bytes) => {
            let html = match decode(&bytes, url) {
                Ok(html) => html,
                Err(message) => return fail(&message),
            };
            by_id::<HtmlTextAreaElement>("html")?.set_value(&html);
            (bytes.len(), summarize(&html, url, &options()))
        }
    };
    let summary = match summary {
        Ok(summary) => summary,
        Err(e) => return fail(&e.to_string()),
    };
    let ms = now() - t0;
    show_card(&summary)?;
    status(&format!("{} posts read.", summary.stats.posts), false)?;
    by_id::<Element>("timing")?.set_text_content(Some(&format!("last page: {} KB in {ms:.1} ms", size / 1024)));
    Ok(())
}

/// The options of every run: the defaults, in the browser's language (`navigator.language`) as the
/// extension's card is in the browser's UI language; English where it says none.
fn options() -> Options {
    let navigator = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("navigator")).ok();
    let language = navigator.and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("language")).ok());
    Options { locale: language.and_then(|l| l.as_string()).unwrap_or_else(|| "en".into()), ..Options::default() }
}

/// A file's bytes as text, decoded as a browser would: `decode::sniff` picks the encoding, the browser's
/// `TextDecoder` decodes (it knows every WHATWG encoding, and keeps the decoding tables out of the module).
fn decode(bytes: &[u8], url: Option<&str>) -> Result<String, String> {
    let (encoding, _, bom) = crate::decode::sniff(bytes, url).map_err(|e| e.to_string())?;
    let cannot = || format!("this browser cannot decode {}", encoding.name());
    let decoder = web_sys::TextDecoder::new_with_label(encoding.name()).map_err(|_| cannot())?;
    decoder.decode_with_u8_array(bytes.get(bom..).unwrap_or_default()).map_err(|_| cannot())
}

/// No card, and the reason on the status line.
fn fail(message: &str) -> Result<(), JsValue> {
    VIEW.with(|v| v.replace(None));
    by_id::<Element>("result")?.replace_children_with_node_0();
    status(message, true)
}

/// The card in an open shadow root (open: this is ThreadCard's own page, with no other script to keep the
/// card from; the root keeps the card's styles and the page's apart, and the e2e tests read it).
fn show_card(summary: &Summary) -> Result<(), JsValue> {
    let doc = document()?;
    let host = doc.create_element("div")?;
    host.set_id("threadcard-host");
    host.set_attribute("data-state", "card")?;
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(render::card::CSS)?;
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    let options = options();
    root.set_inner_html(&render::card::fragment_with(summary, &options));
    by_id::<Element>("result")?.replace_children_with_node_1(&host);
    let exports = EXPORTS
        .iter()
        .map(|&(format, mime)| Export {
            ext: format.extension(),
            mime,
            text: render::render_with(summary, format, &options),
            file_name: render::file_name(summary, format.extension()),
        })
        .collect();
    let view = View { title: summary.title.clone(), exports };
    VIEW.with(|v| v.replace(Some(view)));
    if let Some(card) = root.query_selector(".tc-card")?.and_then(|c| c.dyn_into::<HtmlElement>().ok()) {
        card.focus()?;
    }
    Ok(())
}

fn close_card() -> Result<(), JsValue> {
    VIEW.with(|v| v.replace(None));
    by_id::<Element>("result")?.replace_children_with_node_0();
    by_id::<HtmlElement>("html")?.focus()
}

/// A click in the card: a fact's "post N" link shows the card's copy of the post; a button acts.
fn on_card_click(event: &Event) -> Result<(), JsValue> {
    let Some(target) = event.composed_path().get(0).dyn_into::<Element>().ok() else { return Ok(()) };
    if let Some(from) = target.closest("a.tc-from[data-post]")? {
        event.prevent_default();
        return show_post(&from.get_attribute("data-post").unwrap_or_default());
    }
    let Some(action) = target.closest("button[data-action]")?.and_then(|b| b.get_attribute("data-action")) else {
        return Ok(());
    };
    let parent = body()?;
    VIEW.with(|v| -> Result<(), JsValue> {
        let view = v.borrow();
        let Some(view) = view.as_ref() else { return Ok(()) };
        // `copy-<ext>` / `download-<ext>`: every export of the card's menu.
        let Some((verb, ext)) = action.split_once('-') else { return Ok(()) };
        let Some(export) = view.exports.iter().find(|e| e.ext == ext) else { return Ok(()) };
        match verb {
            "copy" => copy(&export.text, &parent),
            "download" => {
                export_download(&export.text, export.mime, export.ext, &view.title, &parent, &export.file_name)
            }
            _ => {}
        }
        Ok(())
    })?;
    if action == "close" {
        close_card()?;
    }
    Ok(())
}

/// Opens post `n` of the card's outline (a `<details>`) and scrolls to it.
fn show_post(n: &str) -> Result<(), JsValue> {
    let root = by_id::<Element>("threadcard-host")?.shadow_root().ok_or("the card has no root")?;
    let Some(post) = root.get_element_by_id(&format!("tc-post-{n}")) else { return Ok(()) };
    if let Some(details) = post.dyn_ref::<web_sys::HtmlDetailsElement>() {
        details.set_open(true);
    }
    let options = ScrollIntoViewOptions::new();
    options.set_behavior(ScrollBehavior::Smooth);
    options.set_block(ScrollLogicalPosition::Start);
    post.scroll_into_view_with_scroll_into_view_options(&options);
    Ok(())
}

/// Copies the Markdown, then says whether it worked.
fn copy(text: &str, parent: &HtmlElement) {
    let said = Closure::once_into_js(|ok: JsValue| {
        let (text, error) = if ok.as_bool() == Some(true) { ("Copied.", false) } else { ("Could not copy.", true) };
        report(status(text, error));
    });
    // `then` with a plain function: once_into_js frees the closure after its one call.
    let promise = export_copy(text, parent);
    let then = js_sys::Reflect::get(&promise, &"then".into()).ok();
    if let Some(then) = then.and_then(|t| t.dyn_into::<js_sys::Function>().ok()) {
        let _ = then.call1(&promise, &said);
    }
}

/// The status line (`role=status`, so screen readers hear it); `error` styles it as one.
fn status(text: &str, error: bool) -> Result<(), JsValue> {
    let line = by_id::<Element>("status")?;
    line.set_text_content(Some(text));
    line.class_list().toggle_with_force("error", error).map(drop)
}

/// An error of the page's own plumbing (a missing element): on the status line, as nothing else would say it.
fn report(result: Result<(), JsValue>) {
    if let Err(e) = result {
        let message = e.as_string().or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| e.message().into()));
        if let Some(line) = document().ok().and_then(|d| d.get_element_by_id("status")) {
            line.set_text_content(Some(&message.unwrap_or_else(|| "something went wrong".into())));
        }
    }
}

fn document() -> Result<Document, JsValue> {
    web_sys::window().and_then(|w| w.document()).ok_or_else(|| "no document".into())
}

fn body() -> Result<HtmlElement, JsValue> {
    document()?.body().ok_or_else(|| "no body".into())
}

/// The page's element `id`, as the type the page gives it.
fn by_id<T: JsCast>(id: &str) -> Result<T, JsValue> {
    document()?
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<T>().ok())
        .ok_or_else(|| format!("the demo page has no #{id}").into())
}

/// Milliseconds, for the timing line.
fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

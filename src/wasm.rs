//! The WASM face of the pipeline, for the extension's background script and the demo page.
//! Thin: every function is one call into the library.

use crate::{render, summarize, Format, Options, Summary};
use wasm_bindgen::prelude::*;

/// Everything the glue code needs for one page: the Summary (as a JS object), the card's HTML and CSS,
/// and the exports, so the page script never renders anything itself.
#[derive(serde::Serialize)]
struct CardBundle<'a> {
    summary: &'a Summary,
    card_html: String,
    card_css: &'static str,
    markdown: String,
    json: String,
}

/// `summarize(html, url, options)` → `{summary, card_html, card_css, markdown, json}`; throws an `Error` with
/// a one-line message for input that is not an HTML page.
#[wasm_bindgen(js_name = summarize)]
pub fn summarize_js(html: &str, url: Option<String>, options: JsValue) -> Result<JsValue, JsError> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("bad options: {e}")))?
    };
    let summary = summarize(html, url.as_deref(), &options).map_err(|e| JsError::new(&e.to_string()))?;
    let bundle = CardBundle {
        summary: &summary,
        card_html: render::card::fragment(&summary),
        card_css: render::card::CSS,
        markdown: render(&summary, Format::Markdown),
        json: render(&summary, Format::Json),
    };
    // json_compatible: maps become plain objects and None becomes null, as in the JSON export.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&bundle, &serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// The bundled sample thread page, for the demo page's "try the sample" button.
#[wasm_bindgen(js_name = sampleHtml)]
pub fn sample_html() -> String {
    crate::SAMPLE_HTML.to_string()
}

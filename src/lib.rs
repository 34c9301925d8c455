//! ThreadCard: a forum thread page in, a summary card out.
//!
//! The pipeline reads like the data flow, one module per stage:
//!
//! ```text
//! HTML ─ parse ─ clean ─ thread ─ facts ─ render
//! ```
//!
//! [`summarize`] runs the first four and returns the [`Summary`] (the JSON contract); [`render`] turns a
//! summary into the card, Markdown or JSON. The same functions run natively (CLI, tests) and in WASM
//! (extension, demo page).

pub mod budget;
pub mod clean;
pub mod css;
pub mod date;
pub mod decode;
pub mod error;
#[cfg(feature = "html-parser")]
pub mod explain;
pub mod facts;
mod float;
pub mod hash;
pub mod i18n;
pub mod json;
pub mod model;
pub mod parse;
pub mod render;
pub mod sort;
#[doc(hidden)]
pub mod stress;
pub mod text;
pub mod thread;
pub mod url;
#[cfg(target_arch = "wasm32")]
mod wasm;
#[cfg(all(target_arch = "wasm32", feature = "www"))]
mod www;

pub use decode::decode;
pub use error::Error;
pub use model::*;
pub use render::{render, render_with, Format};

/// The sample thread bundled with the CLI and the demo page: a page shaped like a DemocraticUnderground thread.
pub const SAMPLE_HTML: &str = include_str!("../tests/fixtures/du-kazakhstan.html");
/// The URL the sample page stands for.
pub const SAMPLE_URL: &str = "https://www.democraticunderground.com/100216341234";

/// Knobs for [`summarize`].
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(default)]
pub struct Options {
    /// Most sentences in the summary.
    pub summary_sentences: usize,
    /// Markdown exports open with YAML front matter (the options page can turn it off).
    pub front_matter: bool,
    /// How times are written in the card and the exports.
    pub time_format: TimeFormat,
    /// The card sections to leave out, by name ("timeline", "facts", "dates", ...); empty shows them all.
    pub hidden_sections: Vec<String>,
    /// The language of the card's own words (a BCP 47 tag such as "de" or "pt-BR"); unknown ones fall back to
    /// English.
    pub locale: String,
    /// When the export is made (ISO 8601), for the Markdown front matter's `exported`: the library reads no
    /// clock (there is none in WASM), so the caller fills it: the CLI from the system clock, the extension
    /// from `Date`. `None` leaves the field out, so output stays the same run to run.
    pub exported_at: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            summary_sentences: 4,
            front_matter: true,
            time_format: TimeFormat::Shown,
            hidden_sections: Vec::new(),
            locale: "en".to_string(),
            exported_at: None,
        }
    }
}

/// How a post's time is written: as the page shows it, or as an ISO 8601 time where the page carries a
/// machine-readable one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeFormat {
    #[default]
    Shown,
    Iso,
}

/// Reads a page: parse, clean, find the thread, extract the facts.
///
/// `url` is where the page was read from; links and permalinks are resolved against it.
///
/// A page over the work budget ([`budget`]) is read up to it, and [`Summary::notices`] says what was not.
#[cfg(feature = "html-parser")]
pub fn summarize(html: &str, url: Option<&str>, options: &Options) -> Result<Summary, Error> {
    // The notice is the reader's to read: in the options' language, as the exports' words are.
    let (html, notice) = i18n::with_lang(i18n::Lang::from_tag(&options.locale), || budget::apply(html));
    let page = parse::parse(&html, url)?;
    Ok(summarize_page(page, notice, options))
}

/// [`summarize`] for the browser's own tree of the page, as the extension's page script writes it
/// ([`parse::dom`]): the same Summary, without parsing HTML again.
pub fn summarize_dom(flat: &str, url: Option<&str>, options: &Options) -> Result<Summary, Error> {
    let lang = i18n::Lang::from_tag(&options.locale);
    let (page, notice) = i18n::with_lang(lang, || parse::dom::build(flat, url))?;
    Ok(summarize_page(page, notice, options))
}

/// [`summarize_dom`] for a string the caller hands over: it is freed as soon as the tree is built, so it
/// does not sit beside the tree through the thread stage (in WASM, where the string is a copy made for
/// this call, that is the page's size less at the peak).
pub fn summarize_dom_owned(flat: String, url: Option<&str>, options: &Options) -> Result<Summary, Error> {
    let mut summary = read_dom_owned(flat, url, options)?;
    add_facts(&mut summary, options);
    Ok(summary)
}

/// [`summarize_dom_owned`] up to the fact stage: the Summary with its posts, title, section and counts
/// but no facts yet, which [`add_facts`] then adds. The extension shows the card's header and outline
/// from this while the facts are extracted. The two together give exactly [`summarize_dom_owned`]'s
/// Summary.
pub fn read_dom_owned(flat: String, url: Option<&str>, options: &Options) -> Result<Summary, Error> {
    let lang = i18n::Lang::from_tag(&options.locale);
    let (page, notice) = i18n::with_lang(lang, || parse::dom::build(&flat, url))?;
    drop(flat);
    Ok(read_page(page, notice))
}

/// The stages after the parse: clean, find the thread, extract the facts.
fn summarize_page(page: parse::Page, notice: Option<String>, options: &Options) -> Summary {
    let mut summary = read_page(page, notice);
    add_facts(&mut summary, options);
    summary
}

/// Clean and find the thread: the Summary without its facts (see [`add_facts`]).
fn read_page(page: parse::Page, notice: Option<String>) -> Summary {
    let page = clean::clean(page);
    let thread = thread::find(&page);
    // The tree is done with: dropping it before the fact stage (whose tokens take about 8 times the posts'
    // text) keeps the peak memory at about 10 times the page instead of 16 on a thread page. So is the
    // JSON-LD (parsed values, several times their text: whole comment threads on some boards), which only
    // the thread stage reads.
    let parse::Page { doc, url, mut meta, noscripts } = page;
    drop((doc, noscripts, std::mem::take(&mut meta.json_ld)));
    css::forget();
    let mut summary = assemble(url, &meta, thread, Facts::default());
    summary.notices.extend(notice);
    summary
}

/// The fact stage on a Summary read without it ([`read_dom_owned`]): fills `summary.facts` from its
/// posts (the thread is lent to the stage and put back, nothing copied).
pub fn add_facts(summary: &mut Summary, options: &Options) {
    let thread = thread::Thread {
        platform: std::mem::take(&mut summary.platform),
        title: std::mem::take(&mut summary.title),
        section: std::mem::take(&mut summary.section),
        posts: std::mem::take(&mut summary.posts),
        pagination: summary.pagination.take(),
    };
    summary.facts = facts::extract_at(&thread, summary.url.as_deref(), options);
    let thread::Thread { platform, title, section, posts, pagination } = thread;
    (summary.platform, summary.title, summary.section, summary.posts, summary.pagination) =
        (platform, title, section, posts, pagination);
}

/// [`summarize`] for a saved page's bytes: decoded first as a browser would (BOM, `<meta charset>`, then
/// the encoding detector; see [`decode`](mod@decode)), so pages in windows-1252, Shift_JIS, GBK or UTF-16 read
/// as their board wrote them.
#[cfg(feature = "html-parser")]
pub fn summarize_bytes(bytes: &[u8], url: Option<&str>, options: &Options) -> Result<Summary, Error> {
    let html = decode::decode_at(bytes, url)?.text;
    summarize(&html, url, options)
}

fn assemble(page_url: Option<String>, meta: &parse::PageMeta, thread: thread::Thread, facts: Facts) -> Summary {
    let stats = stats(&thread.posts);
    let site = meta.site_name.clone().or_else(|| page_url.as_deref().map(url::domain).filter(|d| !d.is_empty()));
    Summary {
        schema: SCHEMA.to_string(),
        url: page_url,
        site,
        platform: thread.platform,
        title: thread.title,
        section: thread.section,
        language: meta.language.clone(),
        canonical: meta.canonical.clone(),
        pagination: thread.pagination,
        posts: thread.posts,
        facts,
        stats,
        notices: Vec::new(),
    }
}

fn stats(posts: &[Post]) -> Stats {
    let mut authors: Vec<&str> = posts.iter().filter_map(|p| p.author.as_deref()).collect();
    crate::sort::sort(&mut authors);
    authors.dedup();
    let mut times: Vec<&str> = posts.iter().filter_map(|p| p.published.as_deref()).collect();
    crate::sort::sort(&mut times);
    Stats {
        posts: posts.len(),
        participants: authors.len(),
        first: times.first().map(|t| t.to_string()),
        last: times.last().map(|t| t.to_string()),
        words: posts.iter().map(|p| text::word_count(&p.text)).sum(),
        most_active: facts::stats::most_active(posts),
        top_reply: facts::stats::top_reply(posts),
    }
}

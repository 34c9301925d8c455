//! The HTML export: one self-contained reader page of the whole thread, to keep, read offline and print.
//!
//! Inline CSS only (the card's, then the page's own: light and dark by `prefers-color-scheme`, a print
//! sheet), no script, and a Content-Security-Policy meta tag that forbids scripts and every other load, so
//! the saved file runs nothing even if a future bug let markup through (the escaping in
//! src/render/escape.rs is the first guard; this is the second). The page holds the header (title,
//! section, author, time, site, counts), the digest and the facts as the card shows them (their "post N"
//! links jump to the posts below without script), then every post in full, with its quotes open. Its words
//! are the card's, in the reader's language ([`crate::i18n`]); `<html lang>` is the page's own language,
//! the language of most of the text.

use super::escape::{href, html as esc};
use super::export::{post_time, relative_note};
use crate::i18n::{t, tf_with, Msg};
use crate::model::{Post, Summary};
use crate::Options;
use std::fmt::Write;

/// The page's styles: the card's, then the reader's own.
pub const CSS: &str = concat!(include_str!("card.css"), "\n", include_str!("reader.css"));
/// The reader's own styles: [`page`] writes the card's ([`super::card::CSS`]) before them, as [`CSS`] holds
/// them, so the module carries the card's styles once (7 KB), not twice.
const OWN_CSS: &str = include_str!("reader.css");
/// Nothing loads or runs: no scripts, frames, fonts, images, forms or base URL; inline styles only.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
/// Deepest reply level indented (reader.css has a rule for each).
const MAX_INDENT: u32 = 6;

/// The reader page.
pub fn page(s: &Summary, options: &Options) -> String {
    let mut o = String::new();
    let lang = s.language.as_deref().map(str::trim).filter(|l| !l.is_empty()).unwrap_or("en");
    let _ = write!(
        o,
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\"><meta name=\"viewport\" content=\"width=device-width\"><meta name=\"referrer\" content=\"no-referrer\"><title>{}</title><style>{}\n{OWN_CSS}</style></head><body>",
        esc(lang),
        esc(&s.title),
        super::card::CSS
    );
    let _ = write!(o, r#"<main class="tc-card tc-reader">"#);
    head(&mut o, s, options);
    super::card::facts(&mut o, s, &super::card::View::ALL);
    let _ = write!(
        o,
        r#"<section class="tc-posts" aria-labelledby="tc-posts-h"><h2 id="tc-posts-h">{}</h2>"#,
        esc(t(Msg::card_h_posts))
    );
    for (i, p) in s.posts.iter().enumerate() {
        post(&mut o, i, p, options);
    }
    let _ = write!(o, "</section>");
    if let Some(at) = options.exported_at.as_deref() {
        let time = format!(r#"<time datetime="{0}">{0}</time>"#, esc(at));
        let _ = write!(o, r#"<p class="tc-reader-foot">{}</p>"#, tf_with(Msg::card_x_exported, esc, &[time]));
    }
    let _ = writeln!(o, "</main></body></html>");
    o
}

/// Section, title, the opening post's author and time, the source page, site and counts.
fn head(o: &mut String, s: &Summary, options: &Options) {
    let _ = write!(o, r#"<div class="tc-reader-head">"#);
    if !s.section.is_empty() {
        let crumbs: Vec<String> = s.section.iter().map(|c| esc(c)).collect();
        let label = esc(t(Msg::card_forum_section));
        let _ = write!(o, r#"<nav class="tc-section" aria-label="{label}">{}</nav>"#, crumbs.join(" › "));
    }
    let _ = write!(o, r#"<h1 class="tc-title">{}</h1>"#, esc(&s.title));
    if let Some(p) = s.posts.first() {
        let _ = write!(o, r#"<p class="tc-byline">{}</p>"#, byline(p, options));
    }
    if let Some(url) = s.canonical.as_deref().or(s.url.as_deref()).and_then(href) {
        let _ = write!(o, r#"<p class="tc-page"><a href="{url}" rel="noopener noreferrer">{url}</a></p>"#);
    }
    super::card::page_line(o, s);
    let _ = write!(o, r#"<p class="tc-stats">{}</p>"#, esc(&super::card::stats_line(s)));
    for notice in &s.notices {
        let _ = write!(o, r#"<p class="tc-notice" role="note">{}</p>"#, esc(notice));
    }
    let _ = write!(o, "</div>");
}

/// "bob · <time>2022-01-11 14:28</time> · reply, level 1 · score 3 · link": what the page gives of a post.
fn byline(p: &Post, options: &Options) -> String {
    let author = p.author.as_deref().map(str::trim).filter(|a| !a.is_empty()).map(esc);
    let author = author.unwrap_or_else(|| esc(t(Msg::card_unknown_author)));
    let mut parts = vec![format!(r#"<span class="tc-post-author">{author}</span>"#)];
    if let Some(time) = post_time(p, options) {
        let dt = time.iso.as_deref().map(|d| format!(r#" datetime="{}""#, esc(d))).unwrap_or_default();
        let note = if time.relative_only {
            format!(r#" <span class="tc-note">{}</span>"#, esc(relative_note()))
        } else {
            String::new()
        };
        parts.push(format!(r#"<time{dt}>{}</time>{note}"#, esc(&time.text)));
    }
    parts.extend(super::export::post_marks(p).iter().map(|m| esc(m)));
    if let Some(url) = p.permalink.as_deref().and_then(href) {
        parts.push(format!(r#"<a href="{url}" rel="noopener noreferrer">{}</a>"#, esc(t(Msg::card_x_link))));
    }
    parts.join(" · ")
}

/// One post in full: its byline as a heading, its title where it has its own, its body.
fn post(o: &mut String, i: usize, p: &Post, options: &Options) {
    let depth = p.depth.min(MAX_INDENT);
    let _ = write!(
        o,
        r#"<article class="tc-rpost" id="tc-post-{i}" data-depth="{depth}"><h3>{}. {}</h3>"#,
        i + 1,
        byline(p, options)
    );
    if let Some(t) = p.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let _ = write!(o, "<p><b>{}</b></p>", esc(t));
    }
    let _ = write!(o, r#"<div class="tc-post-body">{}</div></article>"#, super::card_posts::body_html(p, true));
}

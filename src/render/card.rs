//! The card as HTML: the fragment the extension and the demo page put in a shadow root, and a standalone
//! page for `--format html`. All page text goes through `escape::html`; links only through `escape::href`.

use super::escape::{href, html as esc};
use crate::model::{EntityKind, Summary};
use std::fmt::Write;

/// Styles of the card, scoped by the shadow root (or by `.tc-card` in the standalone page).
pub const CSS: &str = include_str!("card.css");

/// The author fields the byline shows, in this order, at most [`BYLINE_FIELDS_MAX`] of them: the ones whose
/// value is the board's own words (a rank, a title, a place). Counts ("734") and dates mean nothing
/// without the board's label, which the model does not keep, and a profile is a URL.
const BYLINE_FIELDS: &[&str] = &["rank", "title", "role", "flair", "location"];
/// At most this many author fields: the byline stays one line in the header.
const BYLINE_FIELDS_MAX: usize = 2;

/// The card's markup, without styles. Buttons carry `data-action` for the glue code to wire up.
/// The card is a `div` with the dialog role (an `<article>` may not take it); its header is a `div`
/// too, so the card adds no banner landmark to the page's own.
pub fn fragment(s: &Summary) -> String {
    let mut o = String::new();
    let _ =
        write!(o, r#"<div class="tc-card" role="dialog" aria-modal="true" aria-labelledby="tc-title" tabindex="-1">"#);
    head(&mut o, s);
    let _ = write!(o, r#"<div class="tc-body">"#);
    facts(&mut o, s);
    super::card_posts::posts(&mut o, s);
    let _ = write!(o, "</div></div>");
    o
}

/// The header that stays in view: section, title, byline, site, counts, and the buttons.
fn head(o: &mut String, s: &Summary) {
    let _ = write!(o, r#"<div class="tc-head">"#);
    if !s.section.is_empty() {
        let crumbs: Vec<String> = s.section.iter().map(|c| esc(c)).collect();
        let _ = write!(o, r#"<nav class="tc-section" aria-label="Forum section">{}</nav>"#, crumbs.join(" › "));
    }
    let _ = write!(o, r#"<h1 id="tc-title" class="tc-title">{}</h1>"#, esc(&s.title));
    if let Some(p) = s.posts.first() {
        byline(o, p);
    }
    page_line(o, s);
    let _ = write!(o, r#"<p class="tc-stats">{}</p>"#, esc(&stats_line(s)));
    for notice in &s.notices {
        let _ = write!(o, r#"<p class="tc-notice" role="note">{}</p>"#, esc(notice));
    }
    let _ = write!(
        o,
        r#"<div class="tc-actions"><button type="button" data-action="copy-md">Copy Markdown</button><button type="button" data-action="download-md">Download .md</button><button type="button" data-action="download-json">Download .json</button>{}<button type="button" class="tc-help" data-action="help" aria-label="Keyboard shortcuts (?)">?</button><button type="button" class="tc-close" data-action="close" aria-label="Close (Esc)">×</button></div>"#,
        export_menu()
    );
    let _ = write!(o, "</div>");
}

/// The exports beyond the three quick buttons, in a disclosure (keyboard and screen-reader ready without
/// script): each format with a copy and a download button, `data-action="copy-<ext>"` /
/// `"download-<ext>"` for the glue code (extension/card.js), which takes the text and the file name from
/// the Rust bundle (src/wasm.rs).
fn export_menu() -> String {
    const FORMATS: &[(&str, &str)] =
        &[("md", "Markdown"), ("json", "JSON"), ("jsonld", "JSON-LD"), ("html", "HTML page"), ("txt", "Plain text")];
    let rows: String = FORMATS
        .iter()
        .map(|(ext, name)| {
            format!(
                r#"<li><span class="tc-export-name">{name}</span> <button type="button" data-action="copy-{ext}" aria-label="Copy {name}">Copy</button> <button type="button" data-action="download-{ext}" aria-label="Download {name} (.{ext})">.{ext}</button></li>"#
            )
        })
        .collect();
    format!(
        r#"<details class="tc-export"><summary>More exports</summary><ul class="tc-export-menu" aria-label="Exports">{rows}</ul></details>"#
    )
}

/// The opening post's author, at most two of the board's own words about them, and its time.
fn byline(o: &mut String, p: &crate::model::Post) {
    let _ = write!(o, r#"<p class="tc-byline">"#);
    if let Some(a) = &p.author {
        let _ = write!(o, r#"<span class="tc-author">{}</span>"#, esc(a));
    }
    for (k, v) in byline_fields(p) {
        let _ = write!(o, r#" · <span class="tc-author-info" data-key="{}">{}</span>"#, esc(k), esc(v));
    }
    if let Some(w) = super::when(p.published.as_deref(), p.published_text.as_deref()) {
        let dt = p.published.as_deref().map(|d| format!(r#" datetime="{}""#, esc(d))).unwrap_or_default();
        let _ = write!(o, r#" · <time class="tc-time"{dt}>{}</time>"#, esc(&w));
    }
    let _ = write!(o, "</p>");
}

/// The author fields the byline shows: see [`BYLINE_FIELDS`]; never a URL.
fn byline_fields(p: &crate::model::Post) -> Vec<(&str, &str)> {
    BYLINE_FIELDS
        .iter()
        .filter_map(|k| p.author_info.get_key_value(*k))
        .map(|(k, v)| (k.as_str(), v.trim()))
        .filter(|(_, v)| !v.is_empty() && !v.contains("://") && !v.starts_with("www."))
        .take(BYLINE_FIELDS_MAX)
        .collect()
}

/// "12 posts · 5 participants · 2022-01-11 – 2022-01-14".
pub(crate) fn stats_line(s: &Summary) -> String {
    let st = &s.stats;
    let noun = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = vec![noun(st.posts, "post", "posts"), noun(st.participants, "participant", "participants")];
    let day = |d: &Option<String>| d.as_deref().map(|d| d.chars().take(10).collect::<String>());
    match (day(&st.first), day(&st.last)) {
        (Some(a), Some(b)) if a != b => parts.push(format!("{a} – {b}")),
        (Some(a), _) | (None, Some(a)) => parts.push(a),
        _ => {}
    }
    parts.join(" · ")
}

/// Site, language and page of a multi-page thread, with links to the previous and next pages.
pub(crate) fn page_line(o: &mut String, s: &Summary) {
    let mut parts: Vec<String> = super::page_line(s).iter().map(|p| esc(p)).collect();
    let pages = s.pagination.as_ref();
    if let Some(url) = pages.and_then(|p| p.prev.as_deref()).and_then(href) {
        parts.push(format!(r#"<a class="tc-prev" rel="prev" href="{url}">‹ previous page</a>"#));
    }
    if let Some(url) = pages.and_then(|p| p.next.as_deref()).and_then(href) {
        parts.push(format!(r#"<a class="tc-next" rel="next" href="{url}">next page ›</a>"#));
    }
    if !parts.is_empty() {
        let _ = write!(o, r#"<p class="tc-page">{}</p>"#, parts.join(" · "));
    }
}

/// "post N": a link to the post a fact came from. `a.tc-from[data-post]` is what the extension and the
/// demo page catch to scroll to that post on the page (or to its copy in the card); `href` makes it
/// work without script too.
fn post_link(post: usize) -> String {
    format!(r##" <a class="tc-from" href="#tc-post-{post}" data-post="{post}">post {}</a>"##, post + 1)
}

/// Links to the posts that cite a source; nothing when none is known.
fn cited_in(posts: &[usize]) -> String {
    if posts.is_empty() {
        String::new()
    } else {
        post_links(posts, 0)
    }
}

/// Links to every post a fact was found in ("post 1, post 3"), in order, each once.
fn post_links(posts: &[usize], first: usize) -> String {
    let mut all: Vec<usize> = posts.to_vec();
    if all.is_empty() {
        all.push(first);
    }
    all.sort_unstable();
    all.dedup();
    all.iter().map(|&p| post_link(p)).collect::<Vec<_>>().join(",")
}

/// The digest and the facts sections (shared with the reader page, src/render/reader.rs).
pub(crate) fn facts(o: &mut String, s: &Summary) {
    let f = &s.facts;
    if let Some(picture) = super::timeline::html(s) {
        o.push_str(&picture);
    }
    if super::outline::has_digest(s) {
        digest(o, s);
    } else if !f.summary.is_empty() {
        let _ = write!(o, r#"<section class="tc-summary"><h2>Summary</h2><ul>"#);
        for sentence in &f.summary {
            let _ = write!(o, "<li>{}{}</li>", esc(&sentence.text), post_link(sentence.post));
        }
        let _ = write!(o, "</ul></section>");
    }
    if let Some(r) = super::digest::replies(s) {
        let pieces: Vec<String> = super::digest::replies_pieces(&r)
            .into_iter()
            .map(|(text, post)| format!("{}{}", esc(&text), post.map(post_link).unwrap_or_default()))
            .collect();
        let _ = write!(o, r#"<section class="tc-replies"><h2>Replies</h2><p>{}</p></section>"#, pieces.join(" · "));
    }
    if !f.quantities.is_empty() {
        let _ = write!(o, r#"<section class="tc-numbers"><h2>Numbers</h2><ul>"#);
        for q in &f.quantities {
            let _ = write!(o, r#"<li class="tc-quantity">{}{}</li>"#, esc(&q.text), post_link(q.post));
        }
        let _ = write!(o, "</ul></section>");
    }
    let dates = super::digest::dates(s);
    if !dates.is_empty() {
        let _ = write!(o, r#"<section class="tc-dates"><h2>Dates</h2><ul>"#);
        for d in &dates {
            let resolved = d
                .resolved
                .as_deref()
                .map(|v| format!(r#" → <time datetime="{v}">{v}</time>"#, v = esc(v)))
                .unwrap_or_default();
            let _ = write!(o, r#"<li class="tc-date">{}{resolved}{}</li>"#, esc(&d.text), post_link(d.post));
        }
        let _ = write!(o, "</ul></section>");
    }
    if !f.conflicts.is_empty() {
        let _ = write!(o, r#"<section class="tc-conflicts"><h2>Where sources disagree</h2><ul>"#);
        for c in &f.conflicts {
            let claims: Vec<String> = c
                .claims
                .iter()
                .map(|cl| {
                    let src =
                        cl.source.as_deref().map(|u| format!(" ({})", esc(&crate::url::domain(u)))).unwrap_or_default();
                    format!("{}{src}{}", esc(&cl.text), post_link(cl.post))
                })
                .collect();
            let _ = write!(o, r#"<li class="tc-conflict"><b>{}</b>: {}</li>"#, esc(&c.what), claims.join(" vs "));
        }
        let _ = write!(o, "</ul></section>");
    }
    let kinds =
        [(EntityKind::Person, "People"), (EntityKind::Organisation, "Organisations"), (EntityKind::Place, "Places")];
    if !f.entities.is_empty() {
        let _ = write!(o, r#"<section class="tc-entities"><h2>Who and where</h2><dl>"#);
        for (kind, heading) in kinds {
            let items: Vec<String> = f
                .entities
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| {
                    // The name links to the post of its first mention.
                    format!(
                        r##"<a class="tc-entity tc-from" href="#tc-post-{p}" data-post="{p}" title="{} mentions, first in post {}">{}</a>"##,
                        e.mentions,
                        e.post + 1,
                        esc(&e.name),
                        p = e.post
                    )
                })
                .collect();
            if !items.is_empty() {
                let _ = write!(o, "<dt>{heading}</dt><dd>{}</dd>", items.join(", "));
            }
        }
        let _ = write!(o, "</dl></section>");
    }
    works_and_durations(o, s);
    if !f.quotes.is_empty() {
        let _ = write!(o, r#"<section class="tc-quotes"><h2>Quotes</h2>"#);
        for q in &f.quotes {
            let who = q.speaker.as_deref().map(|sp| format!("<cite>{}</cite>", esc(sp))).unwrap_or_default();
            let _ = write!(
                o,
                r#"<blockquote class="tc-quote">“{}” {who}{}</blockquote>"#,
                esc(&q.text),
                post_links(&q.posts, q.post)
            );
        }
        let _ = write!(o, "</section>");
    }
    if !f.sources.is_empty() {
        let _ = write!(o, r#"<section class="tc-sources"><h2>Sources</h2><ul>"#);
        for src in &f.sources {
            let label = esc(src.title.as_deref().unwrap_or(&src.url));
            match href(&src.url) {
                Some(h) => {
                    let _ = write!(
                        o,
                        r#"<li class="tc-source"><a href="{h}" target="_blank" rel="noopener noreferrer">{label}</a> <small>{}</small>{}</li>"#,
                        esc(&src.domain),
                        cited_in(&src.posts)
                    );
                }
                None => {
                    let _ = write!(o, r#"<li class="tc-source">{label}{}</li>"#, cited_in(&src.posts));
                }
            }
        }
        let _ = write!(o, "</ul></section>");
    }
}

/// Works the thread mentions ("Mentioned") and lengths of time ("Durations"), each linking to its posts.
fn works_and_durations(o: &mut String, s: &Summary) {
    let f = &s.facts;
    if !f.works.is_empty() {
        let _ = write!(o, r#"<section class="tc-works"><h2>Mentioned</h2><ul>"#);
        for w in &f.works {
            let _ = write!(o, r#"<li class="tc-work">{}{}</li>"#, esc(&w.name), post_links(&w.posts, w.post));
        }
        let _ = write!(o, "</ul></section>");
    }
    if !f.durations.is_empty() {
        let _ = write!(o, r#"<section class="tc-durations"><h2>Durations</h2><ul>"#);
        for d in &f.durations {
            let _ = write!(o, r#"<li class="tc-duration">{}{}</li>"#, esc(&d.text), post_link(d.post));
        }
        let _ = write!(o, "</ul></section>");
    }
}

/// The digest: the opening post's point, the key posts with their label, byline and own sentences, and
/// what the replies say, each line linking to its post.
fn digest(o: &mut String, s: &Summary) {
    let d = &s.facts.digest;
    let _ = write!(o, r#"<section class="tc-digest">"#);
    if !d.opening.is_empty() {
        let _ = write!(o, r#"<div class="tc-opening"><h2>{}</h2><ul>"#, super::outline::OPENING);
        for line in &d.opening {
            let _ = write!(o, "<li>{}{}</li>", esc(&line.text), post_link(line.post));
        }
        let _ = write!(o, "</ul></div>");
    }
    for k in &d.answers {
        let _ = write!(
            o,
            r#"<div class="tc-keypost" data-label="{}" data-signal="{}"><h2>{}</h2><p class="tc-keypost-by">{}{}</p>"#,
            esc(&k.label),
            esc(&k.signal),
            esc(&super::outline::label(k)),
            esc(&super::outline::byline(k)),
            post_link(k.post)
        );
        for line in &k.sentences {
            let _ = write!(o, r#"<p class="tc-keypost-text">{}</p>"#, esc(line));
        }
        let _ = write!(o, "</div>");
    }
    if !d.replies.is_empty() {
        let _ = write!(o, r#"<div class="tc-what-replies"><h2>{}</h2><ul>"#, super::outline::REPLIES);
        for k in &d.replies {
            let who = k
                .author
                .as_deref()
                .map(|a| format!(r#"<b class="tc-post-author">{}</b>: "#, esc(a)))
                .unwrap_or_default();
            let _ = write!(o, "<li>{who}{}{}</li>", esc(&k.sentences.join(" ")), post_link(k.post));
        }
        let _ = write!(o, "</ul></div>");
    }
    let _ = write!(o, "</section>");
}

/// A standalone HTML page holding the card (the HTML export is the reader page, src/render/reader.rs).
pub fn page(s: &Summary) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{}</title><style>{}</style></head><body class=\"tc-standalone\">{}</body></html>\n",
        esc(&s.title),
        CSS,
        fragment(s)
    )
}

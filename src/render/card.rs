//! The card as HTML: the fragment the extension and the demo page put in a shadow root, and a standalone
//! page for `--format html`. All page text goes through `escape::html`; links only through `escape::href`.

use super::card_posts::Bodies;
use super::escape::{href, html as esc};
use crate::i18n::{t, tf, tn, with_lang, Lang, Msg};
use crate::model::{EntityKind, Summary};
use crate::{Options, TimeFormat};
use std::borrow::Cow;
use std::fmt::Write;

/// Styles of the card, scoped by the shadow root (or by `.tc-card` in the standalone page).
pub const CSS: &str = include_str!("card.css");

/// The author fields the byline shows, in this order, at most [`BYLINE_FIELDS_MAX`] of them: the ones whose
/// value is the board's own words (a rank, a title, a place). Counts ("734") and dates mean nothing
/// without the board's label, which the model does not keep, and a profile is a URL.
const BYLINE_FIELDS: &[&str] = &["rank", "title", "role", "flair", "location"];
/// At most this many author fields: the byline stays one line in the header.
const BYLINE_FIELDS_MAX: usize = 2;
/// The card's sections by the names [`Options::hidden_sections`] takes (the options page lists the same;
/// `tests/i18n.rs` checks it). "digest" covers the older "Summary" lines too.
pub const SECTIONS: &[&str] = &[
    "timeline",
    "digest",
    "replies",
    "numbers",
    "dates",
    "conflicts",
    "entities",
    "works",
    "durations",
    "quotes",
    "sources",
    "posts",
];

/// What the user's options change in one card: the sections left out and the digest's length.
pub(crate) struct View<'a> {
    hidden: &'a [String],
    /// [`Options::summary_sentences`]: the replies' lines take this many, the opening and each key post half.
    sentences: usize,
}

impl View<'_> {
    /// Every section, the digest at its standard length: the reader page (src/render/reader.rs).
    pub(crate) const ALL: View<'static> = View { hidden: &[], sentences: 4 };

    fn shows(&self, section: &str) -> bool {
        !self.hidden.iter().any(|h| h.eq_ignore_ascii_case(section))
    }
}

/// Items a list of facts shows before the rest fold under "N more" (a closed `<details>`, which the browser
/// neither lays out nor paints until it is opened): a generated 200-post thread has some 800 numbers, and
/// laying those out cost more than the rest of its card together (measured with benches/bench.mjs).
const LIST_SHOWN: usize = 12;

/// The card's markup, without styles. Buttons carry `data-action` for the glue code to wire up.
/// The card is a `div` with the dialog role (an `<article>` may not take it); its header is a `div`
/// too, so the card adds no banner landmark to the page's own.
pub fn fragment(s: &Summary) -> String {
    fragment_with(s, &Options::default())
}

/// [`fragment`] with the user's options: the card's words in [`Options::locale`], times as
/// [`Options::time_format`] says, the sections of [`Options::hidden_sections`] left out, the digest as long
/// as [`Options::summary_sentences`].
pub fn fragment_with(s: &Summary, options: &Options) -> String {
    with_options(s, options, |s, view| card(s, view, Bodies::Inline))
}

/// The card as the extension shows it: [`fragment_with`] whose posts are their outline lines only, each with
/// an empty `<div class="tc-post-body">`, and the bodies apart, one per post in order, for the page
/// script to put in that `<div>` when the reader opens the post (so the card of a long thread is shown
/// at the cost of its lines). Putting every body in its place gives [`fragment_with`] exactly.
pub struct LazyCard {
    pub html: String,
    pub bodies: Vec<String>,
}

/// [`LazyCard`] of `s`, with the user's options.
pub fn lazy(s: &Summary, options: &Options) -> LazyCard {
    let mut bodies = Vec::with_capacity(s.posts.len());
    let html = with_options(s, options, |s, view| card(s, view, Bodies::Apart(&mut bodies)));
    LazyCard { html, bodies }
}

/// [`LazyCard::html`] alone, the bodies not rendered: the extension shows this first and renders the
/// bodies ([`bodies`]) once the card is up, so the click waits for its lines only.
pub fn outline(s: &Summary, options: &Options) -> String {
    with_options(s, options, |s, view| card(s, view, Bodies::Later))
}

/// What stands in the card for the digest and the facts sections until they are extracted ([`first`]):
/// a status the page script words ("Still reading…") and replaces with [`facts_html`].
pub const PENDING_FACTS: &str = r#"<div class="tc-pending" role="status" aria-busy="true"></div>"#;

/// The card before the fact stage: [`outline`] with [`PENDING_FACTS`] where the digest and the facts
/// sections go, for a Summary read without its facts (`crate::read_dom_owned`). The extension shows
/// this first, then puts [`facts_html`] in the placeholder's place: the two give [`outline`] exactly.
pub fn first(s: &Summary, options: &Options) -> String {
    with_options(s, options, |s, view| card_of(s, view, Bodies::Later, false))
}

/// The digest and the facts sections alone, as the card holds them (see [`first`]).
pub fn facts_html(s: &Summary, options: &Options) -> String {
    with_options(s, options, |s, view| {
        let mut o = String::new();
        facts(&mut o, s, view);
        o
    })
}

/// [`LazyCard::bodies`] alone (see [`outline`]).
pub fn bodies(s: &Summary, options: &Options) -> Vec<String> {
    with_options(s, options, |s, _| super::card_posts::bodies(s))
}

/// Runs `render` on the summary as the options want it (times, language, sections, length).
fn with_options<R>(s: &Summary, options: &Options, render: impl FnOnce(&Summary, &View) -> R) -> R {
    let view = View { hidden: &options.hidden_sections, sentences: options.summary_sentences.max(1) };
    let s = times(s, options.time_format);
    with_lang(Lang::from_tag(&options.locale), || render(&s, &view))
}

/// The summary with times as the user wants them: for ISO, the page's own wording of a time gives way to the
/// machine-readable time where the page has one (`render::when` then writes that).
fn times(s: &Summary, format: TimeFormat) -> Cow<'_, Summary> {
    if format == TimeFormat::Shown || s.posts.iter().all(|p| p.published.is_none() || p.published_text.is_none()) {
        return Cow::Borrowed(s);
    }
    let mut s = s.clone();
    for p in s.posts.iter_mut().filter(|p| p.published.is_some()) {
        p.published_text = None;
    }
    Cow::Owned(s)
}

fn card(s: &Summary, view: &View, bodies: Bodies) -> String {
    card_of(s, view, bodies, true)
}

/// The card; without `with_facts`, [`PENDING_FACTS`] in the facts' place.
fn card_of(s: &Summary, view: &View, bodies: Bodies, with_facts: bool) -> String {
    let mut o = String::new();
    let _ =
        write!(o, r#"<div class="tc-card" role="dialog" aria-modal="true" aria-labelledby="tc-title" tabindex="-1">"#);
    head(&mut o, s);
    let _ = write!(o, r#"<div class="tc-body">"#);
    if with_facts {
        facts(&mut o, s, view);
    } else {
        o.push_str(PENDING_FACTS);
    }
    if view.shows("posts") {
        super::card_posts::posts(&mut o, s, bodies);
    }
    let _ = write!(o, "</div></div>");
    o
}

/// The header that stays in view: section, title, byline, site, counts, and the buttons.
fn head(o: &mut String, s: &Summary) {
    let _ = write!(o, r#"<div class="tc-head">"#);
    if !s.section.is_empty() {
        let crumbs: Vec<String> = s.section.iter().map(|c| esc(c)).collect();
        let _ = write!(
            o,
            r#"<nav class="tc-section" aria-label="{}">{}</nav>"#,
            t(Msg::card_forum_section),
            crumbs.join(" › ")
        );
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
        r#"<div class="tc-actions"><button type="button" data-action="copy-md">{}</button><button type="button" data-action="download-md">{}</button><button type="button" data-action="download-json">{}</button>{}<button type="button" class="tc-help" data-action="help" aria-label="{}">{}</button><button type="button" class="tc-close" data-action="close" aria-label="{}">{}</button></div>"#,
        t(Msg::card_copy_md),
        t(Msg::card_download_md),
        t(Msg::card_download_json),
        export_menu(),
        t(Msg::card_shortcuts_label),
        t(Msg::card_shortcuts_text),
        t(Msg::card_close_label),
        t(Msg::card_close_text)
    );
    let _ = write!(o, "</div>");
}

/// The exports beyond the three quick buttons, in a disclosure (keyboard and screen-reader ready without
/// script): each format with a copy and a download button, `data-action="copy-<ext>"` /
/// `"download-<ext>"` for the glue code (extension/card.js), which takes the text and the file name from
/// the Rust bundle (src/wasm.rs).
fn export_menu() -> String {
    let formats: [(&str, &str); 5] = [
        ("md", "Markdown"),
        ("json", "JSON"),
        ("jsonld", "JSON-LD"),
        ("html", t(Msg::card_fmt_html)),
        ("txt", t(Msg::card_fmt_text)),
    ];
    let rows: String = formats
        .iter()
        .map(|(ext, name)| {
            format!(
                r#"<li><span class="tc-export-name">{name}</span> <button type="button" data-action="copy-{ext}" aria-label="{}">{}</button> <button type="button" data-action="download-{ext}" aria-label="{}">.{ext}</button></li>"#,
                esc(&tf(Msg::card_copy_named, &[name])),
                t(Msg::card_copy),
                esc(&tf(Msg::card_download_named, &[name, ext])),
            )
        })
        .collect();
    format!(
        r#"<details class="tc-export"><summary>{}</summary><ul class="tc-export-menu" aria-label="{}">{rows}</ul></details>"#,
        t(Msg::card_more_exports),
        t(Msg::card_exports)
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
    let mut parts = vec![
        tn(st.posts, Msg::card_stat_posts_one, Msg::card_stat_posts_other, &[]),
        tn(st.participants, Msg::card_stat_participants_one, Msg::card_stat_participants_other, &[]),
    ];
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
        parts.push(format!(r#"<a class="tc-prev" rel="prev" href="{url}">{}</a>"#, t(Msg::card_prev_page)));
    }
    if let Some(url) = pages.and_then(|p| p.next.as_deref()).and_then(href) {
        parts.push(format!(r#"<a class="tc-next" rel="next" href="{url}">{}</a>"#, t(Msg::card_next_page)));
    }
    if !parts.is_empty() {
        let _ = write!(o, r#"<p class="tc-page">{}</p>"#, parts.join(" · "));
    }
}

/// A list of facts (`items` are its `<li>`s): the first [`LIST_SHOWN`], then the rest under "N more `noun`".
fn list(o: &mut String, items: &[String]) {
    let (shown, rest) = items.split_at(items.len().min(LIST_SHOWN));
    let _ = write!(o, "<ul>{}</ul>", shown.concat());
    if !rest.is_empty() {
        let _ = write!(
            o,
            r#"<details class="tc-more"><summary>{}</summary><ul>{}</ul></details>"#,
            tf(Msg::card_more, &[&rest.len()]),
            rest.concat()
        );
    }
}

/// "post N": a link to the post a fact came from. `a.tc-from[data-post]` is what the extension and the
/// demo page catch to scroll to that post on the page (or to its copy in the card); `href` makes it
/// work without script too.
fn post_link(post: usize) -> String {
    format!(
        r##" <a class="tc-from" href="#tc-post-{post}" data-post="{post}">{}</a>"##,
        tf(Msg::card_post_link, &[&(post + 1)])
    )
}

/// One piece of the replies' line with its post's link: a piece that names the post itself at its end
/// ("1 reply quotes post 1") has those words made the link, instead of a second "post 1" after them.
fn replies_piece(text: &str, post: Option<usize>) -> String {
    let Some(p) = post else { return esc(text) };
    match super::digest::before_own_post(text, p) {
        Some(head) => format!("{}{}", esc(head), post_link(p)),
        None => format!("{}{}", esc(text), post_link(p)),
    }
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
    crate::sort::sort(&mut all);
    all.dedup();
    all.iter().map(|&p| post_link(p)).collect::<Vec<_>>().join(",")
}

/// The digest and the facts sections (shared with the reader page, src/render/reader.rs, which shows them all).
pub(crate) fn facts(o: &mut String, s: &Summary, view: &View) {
    let f = &s.facts;
    if let Some(picture) = super::timeline::html(s).filter(|_| view.shows("timeline")) {
        o.push_str(&picture);
    }
    let digest_shown = view.shows("digest");
    if digest_shown && super::outline::has_digest(s) {
        digest(o, s, view.sentences);
    } else if digest_shown && !f.summary.is_empty() {
        let _ = write!(o, r#"<section class="tc-summary"><h2>{}</h2><ul>"#, t(Msg::card_h_summary));
        for sentence in &f.summary {
            let _ = write!(o, "<li>{}{}</li>", esc(&sentence.text), post_link(sentence.post));
        }
        let _ = write!(o, "</ul></section>");
    }
    if let Some(r) = super::digest::replies(s).filter(|_| view.shows("replies")) {
        let pieces: Vec<String> =
            super::digest::replies_pieces(&r).into_iter().map(|(text, post)| replies_piece(&text, post)).collect();
        let _ = write!(
            o,
            r#"<section class="tc-replies"><h2>{}</h2><p>{}</p></section>"#,
            t(Msg::card_h_replies),
            pieces.join(" · ")
        );
    }
    if !f.quantities.is_empty() && view.shows("numbers") {
        let _ = write!(o, r#"<section class="tc-numbers"><h2>{}</h2>"#, t(Msg::card_h_numbers));
        let items: Vec<String> = f
            .quantities
            .iter()
            .map(|q| format!(r#"<li class="tc-quantity">{}{}</li>"#, esc(&q.text), post_link(q.post)))
            .collect();
        list(o, &items);
        let _ = write!(o, "</section>");
    }
    let dates = super::digest::dates(s);
    if !dates.is_empty() && view.shows("dates") {
        let _ = write!(o, r#"<section class="tc-dates"><h2>{}</h2>"#, t(Msg::card_h_dates));
        let items: Vec<String> = dates
            .iter()
            .map(|d| {
                let resolved = d
                    .resolved
                    .as_deref()
                    .map(|v| format!(r#" → <time datetime="{v}">{v}</time>"#, v = esc(v)))
                    .unwrap_or_default();
                format!(r#"<li class="tc-date">{}{resolved}{}</li>"#, esc(&d.text), post_link(d.post))
            })
            .collect();
        list(o, &items);
        let _ = write!(o, "</section>");
    }
    if !f.conflicts.is_empty() && view.shows("conflicts") {
        let _ = write!(o, r#"<section class="tc-conflicts"><h2>{}</h2><ul>"#, t(Msg::card_h_conflicts));
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
    let kinds = [
        (EntityKind::Person, t(Msg::card_h_people)),
        (EntityKind::Organisation, t(Msg::card_h_organisations)),
        (EntityKind::Place, t(Msg::card_h_places)),
    ];
    if !f.entities.is_empty() && view.shows("entities") {
        let _ = write!(o, r#"<section class="tc-entities"><h2>{}</h2><dl>"#, t(Msg::card_h_entities));
        for (kind, heading) in kinds {
            let items: Vec<String> = f
                .entities
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| {
                    // The name links to the post of its first mention.
                    let title = tn(
                        e.mentions,
                        Msg::card_entity_mentions_one,
                        Msg::card_entity_mentions_other,
                        &[&(e.post + 1)],
                    );
                    format!(
                        r##"<a class="tc-entity tc-from" href="#tc-post-{p}" data-post="{p}" title="{}">{}</a>"##,
                        esc(&title),
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
    works_and_durations(o, s, view);
    if !f.quotes.is_empty() && view.shows("quotes") {
        let _ = write!(o, r#"<section class="tc-quotes"><h2>{}</h2>"#, t(Msg::card_h_quotes));
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
    if !f.sources.is_empty() && view.shows("sources") {
        let _ = write!(o, r#"<section class="tc-sources"><h2>{}</h2><ul>"#, t(Msg::card_h_sources));
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
fn works_and_durations(o: &mut String, s: &Summary, view: &View) {
    let f = &s.facts;
    if !f.works.is_empty() && view.shows("works") {
        let _ = write!(o, r#"<section class="tc-works"><h2>{}</h2><ul>"#, t(Msg::card_h_works));
        for w in &f.works {
            let _ = write!(o, r#"<li class="tc-work">{}{}</li>"#, esc(&w.name), post_links(&w.posts, w.post));
        }
        let _ = write!(o, "</ul></section>");
    }
    if !f.durations.is_empty() && view.shows("durations") {
        let _ = write!(o, r#"<section class="tc-durations"><h2>{}</h2>"#, t(Msg::card_h_durations));
        let items: Vec<String> = f
            .durations
            .iter()
            .map(|d| format!(r#"<li class="tc-duration">{}{}</li>"#, esc(&d.text), post_link(d.post)))
            .collect();
        list(o, &items);
        let _ = write!(o, "</section>");
    }
}

/// The digest: the opening post's point, the key posts with their label, byline and own sentences, and
/// what the replies say, each line linking to its post. `sentences` caps the replies' lines; the opening
/// lines and each key post's sentences take half as many (at least one).
fn digest(o: &mut String, s: &Summary, sentences: usize) {
    let d = &s.facts.digest;
    let half = (sentences / 2).max(1);
    let _ = write!(o, r#"<section class="tc-digest">"#);
    if !d.opening.is_empty() {
        let _ = write!(o, r#"<div class="tc-opening"><h2>{}</h2><ul>"#, super::outline::opening());
        for line in d.opening.iter().take(half) {
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
        for line in k.sentences.iter().take(half) {
            let _ = write!(o, r#"<p class="tc-keypost-text">{}</p>"#, esc(line));
        }
        let _ = write!(o, "</div>");
    }
    if !d.replies.is_empty() {
        let _ = write!(o, r#"<div class="tc-what-replies"><h2>{}</h2><ul>"#, super::outline::replies());
        for k in d.replies.iter().take(sentences) {
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

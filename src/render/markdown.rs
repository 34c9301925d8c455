//! The Markdown export, for notes apps: YAML front matter, the card's content (digest, facts, sources) as a
//! document, then every post ([`super::markdown_posts`]). It renders the same in any CommonMark reader.
//!
//! Its words (headings, labels, "post 3") are the card's, in the reader's language ([`crate::i18n`], set by
//! `render::render_with`); the front matter's keys are field names notes apps read, so they stay English.

use super::escape;
use crate::i18n::{t, tf, tn, Msg};
use crate::model::{EntityKind, Summary};
use crate::Options;
use std::fmt::Write;

/// The Markdown export: front matter (when [`Options::front_matter`] is on), then the card's content, then
/// the posts ([`super::markdown_posts`]).
pub fn document(s: &Summary, options: &Options) -> String {
    let mut out = String::new();
    if options.front_matter {
        front_matter(&mut out, s, options);
    }
    let _ = writeln!(out, "# {}\n", escape::markdown(&s.title));
    let mut meta = Vec::new();
    if !s.section.is_empty() {
        meta.push(label(Msg::card_x_section, &escape::markdown(&s.section.join(" › "))));
    }
    if let Some(first) = s.posts.first() {
        if let Some(a) = &first.author {
            meta.push(label(Msg::card_x_author, &escape::markdown(a)));
        }
        if let Some(t) = super::export::post_time(first, options) {
            let note = escape::markdown(&super::export::relative_suffix(&t));
            meta.push(label(Msg::card_x_posted, &format!("{}{note}", escape::markdown(&t.text))));
        }
    }
    if let Some(url) = &s.url {
        meta.push(label(Msg::card_x_source_page, &escape::markdown_autolink(url)));
    }
    let place = super::page_line(s);
    if !place.is_empty() {
        meta.push(label(Msg::card_x_page, &escape::markdown(&place.join(" · "))));
    }
    if let Some(p) = &s.pagination {
        for (key, url) in [(Msg::card_x_prev_page, &p.prev), (Msg::card_x_next_page, &p.next)] {
            // Only web links: a `javascript:` URL from the page must not become a live link in the export.
            if let Some(url) = url.as_deref().and_then(escape::markdown_url) {
                meta.push(label(key, &format!("<{url}>")));
            }
        }
    }
    if !s.posts.is_empty() {
        meta.push(label(Msg::card_x_thread, &thread_line(s)));
    }
    for line in meta {
        let _ = writeln!(out, "{line}  ");
    }
    for notice in &s.notices {
        let _ = writeln!(out, "\n> {}", label(Msg::card_x_notice, &escape::markdown(notice)));
    }
    if super::outline::has_digest(s) {
        digest(&mut out, s);
    } else if !s.facts.summary.is_empty() {
        let _ = writeln!(out, "\n## {}\n", escape::markdown(t(Msg::card_h_summary)));
        for sentence in &s.facts.summary {
            let _ = writeln!(out, "- {}", escape::markdown(&sentence.text));
        }
    }
    replies_line(&mut out, s);
    facts(&mut out, s);
    super::markdown_posts::posts(&mut out, s, options);
    // Every piece above is escaped already; this last pass keeps the guarantee if one is ever missed.
    escape::strip_controls(out.trim_end()) + "\n"
}

/// "**Author:** bob": a label of ours (escaped too) and its value, Markdown already.
fn label(key: Msg, value: &str) -> String {
    format!("**{}:** {value}", escape::markdown(t(key)))
}

/// " (post 3)": where a line comes from, in the current language.
pub(super) fn post_ref(i: usize) -> String {
    format!(" ({})", escape::markdown(&tf(Msg::card_post_link, &[&(i + 1)])))
}

/// "8 posts · 5 participants · 1204 words": the counts, so the replies' line need not stand for them.
fn thread_line(s: &Summary) -> String {
    [
        tn(s.stats.posts, Msg::card_stat_posts_one, Msg::card_stat_posts_other, &[]),
        tn(s.stats.participants, Msg::card_stat_participants_one, Msg::card_stat_participants_other, &[]),
        tn(s.stats.words, Msg::card_stat_words_one, Msg::card_stat_words_other, &[]),
    ]
    .iter()
    .map(|p| escape::markdown(p))
    .collect::<Vec<_>>()
    .join(" · ")
}

/// The YAML front matter notes apps read (Obsidian's properties, Logseq, Jekyll, ...): every text value a
/// double-quoted YAML string escaped by [`escape::yaml`], so whatever the page holds the block parses and
/// gives the page's text back; counts as plain integers (ours, never page text); fields the page does not
/// give are left out. URLs only with a web scheme, as everywhere in the exports.
fn front_matter(out: &mut String, s: &Summary, options: &Options) {
    let first = s.posts.first();
    let web = |u: &Option<String>| u.as_deref().map(str::trim).filter(|u| escape::is_web_url(u)).map(str::to_string);
    let text = [
        ("title", Some(s.title.trim().to_string())),
        ("url", web(&s.url)),
        ("canonical", web(&s.canonical)),
        ("site", s.site.clone()),
    ];
    let _ = writeln!(out, "---");
    for (key, value) in text {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            let _ = writeln!(out, "{key}: {}", escape::yaml(&v));
        }
    }
    if !s.section.is_empty() {
        let items: Vec<String> = s.section.iter().map(|c| escape::yaml(c.trim())).collect();
        let _ = writeln!(out, "section: [{}]", items.join(", "));
    }
    let more = [
        ("author", first.and_then(|p| p.author.clone())),
        ("published", first.and_then(|p| p.published.clone())),
        ("exported", options.exported_at.clone()),
        ("language", s.language.clone()),
    ];
    for (key, value) in more {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            let _ = writeln!(out, "{key}: {}", escape::yaml(v.trim()));
        }
    }
    let _ = writeln!(out, "posts: {}", s.stats.posts);
    let _ = writeln!(out, "participants: {}", s.stats.participants);
    if !s.platform.is_empty() {
        let _ = writeln!(out, "platform: {}", escape::yaml(&s.platform));
    }
    let _ = writeln!(out, "---\n");
}

/// The replies' line ("Replies (3) · top-scored by bob (score 12) · ..."), when it says more than the count
/// the thread line already gives ([`super::digest::replies`] is `None` otherwise).
fn replies_line(out: &mut String, s: &Summary) {
    let Some(r) = super::digest::replies(s) else { return };
    let pieces: Vec<String> = super::digest::replies_pieces(&r)
        .into_iter()
        .map(|(text, post)| {
            format!(
                "{}{}",
                escape::markdown(&text),
                post.filter(|p| super::digest::before_own_post(&text, *p).is_none()).map(post_ref).unwrap_or_default()
            )
        })
        .collect();
    let _ = writeln!(out, "\n{}", pieces.join(" · "));
}

fn facts(out: &mut String, s: &Summary) {
    let f = &s.facts;
    let h = |key: Msg| escape::markdown(t(key));
    if !f.quantities.is_empty() {
        let _ = writeln!(out, "\n## {}\n", h(Msg::card_h_numbers));
        for q in &f.quantities {
            let _ = writeln!(out, "- {}{}", escape::markdown(&q.text), post_ref(q.post));
        }
    }
    let dates = super::digest::dates(s);
    if !dates.is_empty() {
        let _ = writeln!(out, "\n## {}\n", h(Msg::card_h_dates));
        for d in &dates {
            let resolved = d.resolved.as_deref().map(|v| format!(" → {}", escape::markdown(v))).unwrap_or_default();
            let _ = writeln!(out, "- {}{resolved}{}", escape::markdown(&d.text), post_ref(d.post));
        }
    }
    if !f.conflicts.is_empty() {
        let _ = writeln!(out, "\n## {}\n", h(Msg::card_h_conflicts));
        for c in &f.conflicts {
            let claims: Vec<String> = c
                .claims
                .iter()
                .map(|cl| {
                    let src = cl.source.as_deref().map(|u| format!(" ({})", crate::url::domain(u))).unwrap_or_default();
                    format!("{}{}", escape::markdown(&cl.text), escape::markdown(&src))
                })
                .collect();
            let vs = format!(" {} ", h(Msg::card_x_versus));
            let _ = writeln!(out, "- {}: {}", escape::markdown(&c.what), claims.join(&vs));
        }
    }
    for (kind, heading) in [
        (EntityKind::Person, Msg::card_h_people),
        (EntityKind::Organisation, Msg::card_h_organisations),
        (EntityKind::Place, Msg::card_h_places),
    ] {
        let names: Vec<String> =
            f.entities.iter().filter(|e| e.kind == kind).map(|e| escape::markdown(&e.name)).collect();
        if !names.is_empty() {
            let _ = writeln!(out, "\n{}", label(heading, &names.join(", ")));
        }
    }
    if !f.works.is_empty() {
        let names: Vec<String> = f.works.iter().map(|w| escape::markdown(&w.name)).collect();
        let _ = writeln!(out, "\n{}", label(Msg::card_h_works, &names.join(", ")));
    }
    if !f.durations.is_empty() {
        let _ = writeln!(out, "\n## {}\n", h(Msg::card_h_durations));
        for d in &f.durations {
            let _ = writeln!(out, "- {}{}", escape::markdown(&d.text), post_ref(d.post));
        }
    }
    if !f.quotes.is_empty() {
        let _ = writeln!(out, "\n## {}\n", h(Msg::card_h_quotes));
        for q in &f.quotes {
            let who = q.speaker.as_deref().map(|s| format!(" — {}", escape::markdown(s))).unwrap_or_default();
            let _ = writeln!(out, "> {}{who}{}\n", escape::markdown(&q.text), post_ref(q.post));
        }
    }
    if !f.sources.is_empty() {
        let _ = writeln!(out, "\n## {}\n", h(Msg::card_h_sources));
        for src in &f.sources {
            // The domain once: as the link's text when the page gives no headline, else after it.
            let title = src.title.as_deref().map(str::trim);
            let title = title.filter(|t| !t.is_empty() && !t.eq_ignore_ascii_case(&src.domain) && *t != src.url);
            let line = match title {
                Some(title) => format!(
                    "{} ({})",
                    escape::markdown_link(&escape::markdown(title), &src.url),
                    escape::markdown(&src.domain)
                ),
                None => escape::markdown_link(&escape::markdown(&src.domain), &src.url),
            };
            let _ = writeln!(out, "- {line}");
        }
    }
}

/// The digest: "## Opening", one "## Answer" (or "Outcome", ...) per key post with its byline and own
/// sentences as quotes, and "## What the replies say".
fn digest(out: &mut String, s: &Summary) {
    let d = &s.facts.digest;
    if !d.opening.is_empty() {
        let _ = writeln!(out, "\n## {}\n", escape::markdown(super::outline::opening()));
        for line in &d.opening {
            let _ = writeln!(out, "- {}{}", escape::markdown(&line.text), post_ref(line.post));
        }
    }
    for k in &d.answers {
        let _ = writeln!(out, "\n## {}\n", escape::markdown(&super::outline::label(k)));
        let by = super::outline::byline(k);
        // The post's own address on the board, where known, as a web link.
        let at = match k.permalink.as_deref().and_then(escape::markdown_url) {
            Some(url) => format!(" ([{}]({url}))", escape::markdown(&tf(Msg::card_post_link, &[&(k.post + 1)]))),
            None => post_ref(k.post),
        };
        let line = if by.is_empty() { at.trim_start().to_string() } else { escape::markdown(&by) + &at };
        let _ = writeln!(out, "{line}\n");
        for line in &k.sentences {
            let _ = writeln!(out, "> {}", escape::markdown(line));
        }
    }
    if !d.replies.is_empty() {
        let _ = writeln!(out, "\n## {}\n", escape::markdown(super::outline::replies()));
        for k in &d.replies {
            let who = k.author.as_deref().map(|a| format!("**{}**: ", escape::markdown(a))).unwrap_or_default();
            let _ = writeln!(out, "- {who}{}{}", escape::markdown(&k.sentences.join(" ")), post_ref(k.post));
        }
    }
}

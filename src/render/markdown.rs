//! The Markdown export: the card's content as a document.

use super::escape;
use crate::model::{EntityKind, Summary};
use std::fmt::Write;

pub fn document(s: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape::markdown(&s.title));
    let mut meta = Vec::new();
    if !s.section.is_empty() {
        meta.push(format!("**Section:** {}", escape::markdown(&s.section.join(" › "))));
    }
    if let Some(first) = s.posts.first() {
        if let Some(a) = &first.author {
            meta.push(format!("**Author:** {}", escape::markdown(a)));
        }
        if let Some(w) = super::when(first.published.as_deref(), first.published_text.as_deref()) {
            meta.push(format!("**Posted:** {}", escape::markdown(&w)));
        }
    }
    if let Some(url) = &s.url {
        meta.push(format!("**Source page:** {}", escape::markdown_autolink(url)));
    }
    let place = super::page_line(s);
    if !place.is_empty() {
        meta.push(format!("**Page:** {}", escape::markdown(&place.join(" · "))));
    }
    if let Some(p) = &s.pagination {
        for (label, url) in [("Previous page", &p.prev), ("Next page", &p.next)] {
            // Only web links: a `javascript:` URL from the page must not become a live link in the export.
            if let Some(url) = url.as_deref().and_then(escape::markdown_url) {
                meta.push(format!("**{label}:** <{url}>"));
            }
        }
    }
    for line in meta {
        let _ = writeln!(out, "{line}  ");
    }
    for notice in &s.notices {
        let _ = writeln!(out, "\n> **Notice:** {}", escape::markdown(notice));
    }
    if super::outline::has_digest(s) {
        digest(&mut out, s);
    } else if !s.facts.summary.is_empty() {
        let _ = writeln!(out, "\n## Summary\n");
        for sentence in &s.facts.summary {
            let _ = writeln!(out, "- {}", escape::markdown(&sentence.text));
        }
    }
    if let Some(r) = super::digest::replies(s) {
        let pieces: Vec<String> = super::digest::replies_pieces(&r)
            .into_iter()
            .map(|(text, post)| {
                format!(
                    "{}{}",
                    escape::markdown(&text),
                    post.filter(|p| !text.ends_with(&format!("post {}", p + 1)))
                        .map(|p| format!(" (post {})", p + 1))
                        .unwrap_or_default()
                )
            })
            .collect();
        let _ = writeln!(out, "\n{}", pieces.join(" · "));
    }
    facts(&mut out, s);
    let _ = writeln!(out, "\n## Posts\n");
    for (i, p) in s.posts.iter().enumerate() {
        let author = p.author.as_deref().map(escape::markdown).unwrap_or_else(|| "Unknown".into());
        let when = super::when(p.published.as_deref(), p.published_text.as_deref())
            .map(|w| format!(" · {}", escape::markdown(&w)))
            .unwrap_or_default();
        let _ = writeln!(out, "### {}. {author}{when}\n", i + 1);
        let body = if p.markdown.is_empty() { escape::markdown(&p.text) } else { p.markdown.clone() };
        let _ = writeln!(out, "{body}\n");
    }
    // Every piece above is escaped already; this last pass keeps the guarantee if one is ever missed.
    escape::strip_controls(out.trim_end()) + "\n"
}

fn facts(out: &mut String, s: &Summary) {
    let f = &s.facts;
    let post_ref = |i: usize| format!(" (post {})", i + 1);
    if !f.quantities.is_empty() {
        let _ = writeln!(out, "\n## Numbers\n");
        for q in &f.quantities {
            let _ = writeln!(out, "- {}{}", escape::markdown(&q.text), post_ref(q.post));
        }
    }
    let dates = super::digest::dates(s);
    if !dates.is_empty() {
        let _ = writeln!(out, "\n## Dates\n");
        for d in &dates {
            let resolved = d.resolved.as_deref().map(|v| format!(" → {}", escape::markdown(v))).unwrap_or_default();
            let _ = writeln!(out, "- {}{resolved}{}", escape::markdown(&d.text), post_ref(d.post));
        }
    }
    if !f.conflicts.is_empty() {
        let _ = writeln!(out, "\n## Where sources disagree\n");
        for c in &f.conflicts {
            let claims: Vec<String> = c
                .claims
                .iter()
                .map(|cl| {
                    let src = cl.source.as_deref().map(|u| format!(" ({})", crate::url::domain(u))).unwrap_or_default();
                    format!("{}{}", escape::markdown(&cl.text), escape::markdown(&src))
                })
                .collect();
            let _ = writeln!(out, "- {}: {}", escape::markdown(&c.what), claims.join(" vs "));
        }
    }
    for (kind, heading) in
        [(EntityKind::Person, "People"), (EntityKind::Organisation, "Organisations"), (EntityKind::Place, "Places")]
    {
        let names: Vec<String> =
            f.entities.iter().filter(|e| e.kind == kind).map(|e| escape::markdown(&e.name)).collect();
        if !names.is_empty() {
            let _ = writeln!(out, "\n**{heading}:** {}", names.join(", "));
        }
    }
    if !f.works.is_empty() {
        let names: Vec<String> = f.works.iter().map(|w| escape::markdown(&w.name)).collect();
        let _ = writeln!(out, "\n**Mentioned:** {}", names.join(", "));
    }
    if !f.durations.is_empty() {
        let _ = writeln!(out, "\n## Durations\n");
        for d in &f.durations {
            let _ = writeln!(out, "- {}{}", escape::markdown(&d.text), post_ref(d.post));
        }
    }
    if !f.quotes.is_empty() {
        let _ = writeln!(out, "\n## Quotes\n");
        for q in &f.quotes {
            let who = q.speaker.as_deref().map(|s| format!(" — {}", escape::markdown(s))).unwrap_or_default();
            let _ = writeln!(out, "> {}{who}{}\n", escape::markdown(&q.text), post_ref(q.post));
        }
    }
    if !f.sources.is_empty() {
        let _ = writeln!(out, "\n## Sources\n");
        for src in &f.sources {
            let title = src.title.as_deref().unwrap_or(&src.domain);
            let link = escape::markdown_link(&escape::markdown(title), &src.url);
            let _ = writeln!(out, "- {link} ({})", escape::markdown(&src.domain));
        }
    }
}

/// The digest: "## Opening", one "## Answer" (or "Outcome", ...) per key post with its byline and own
/// sentences as quotes, and "## What the replies say".
fn digest(out: &mut String, s: &Summary) {
    let d = &s.facts.digest;
    let post_ref = |i: usize| format!(" (post {})", i + 1);
    if !d.opening.is_empty() {
        let _ = writeln!(out, "\n## {}\n", super::outline::OPENING);
        for line in &d.opening {
            let _ = writeln!(out, "- {}{}", escape::markdown(&line.text), post_ref(line.post));
        }
    }
    for k in &d.answers {
        let _ = writeln!(out, "\n## {}\n", escape::markdown(&super::outline::label(k)));
        let by = super::outline::byline(k);
        // The post's own address on the board, where known, as a web link.
        let at = match k.permalink.as_deref().and_then(escape::markdown_url) {
            Some(url) => format!(" ([post {}]({url}))", k.post + 1),
            None => post_ref(k.post),
        };
        let line = if by.is_empty() { at.trim_start().to_string() } else { escape::markdown(&by) + &at };
        let _ = writeln!(out, "{line}\n");
        for line in &k.sentences {
            let _ = writeln!(out, "> {}", escape::markdown(line));
        }
    }
    if !d.replies.is_empty() {
        let _ = writeln!(out, "\n## {}\n", super::outline::REPLIES);
        for k in &d.replies {
            let who = k.author.as_deref().map(|a| format!("**{}**: ", escape::markdown(a))).unwrap_or_default();
            let _ = writeln!(out, "- {who}{}{}", escape::markdown(&k.sentences.join(" ")), post_ref(k.post));
        }
    }
}

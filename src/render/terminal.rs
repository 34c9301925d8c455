//! The card for a terminal, and the plain-text output.

use super::escape::terminal as clean;
use crate::model::{EntityKind, Summary};
use crate::Options;
use std::fmt::Write;

/// Width the card's text is wrapped to.
const WIDTH: usize = 78;

pub fn card(s: &Summary) -> String {
    let mut out = String::new();
    let rule = "─".repeat(WIDTH);
    let _ = writeln!(out, "{rule}");
    wrap_into(&mut out, &clean(&s.title), "");
    if !s.section.is_empty() {
        let _ = writeln!(out, "{}", clean(&s.section.join(" › ")));
    }
    if let Some(p) = s.posts.first() {
        let mut line = p.author.as_deref().map(clean).unwrap_or_else(|| "Unknown author".into());
        if let Some(n) = p.author_info.get("posts") {
            let _ = write!(line, " ({} posts)", clean(n));
        }
        if let Some(w) = super::when(p.published.as_deref(), p.published_text.as_deref()) {
            let _ = write!(line, " · {}", clean(&w));
        }
        let _ = writeln!(out, "{line}");
    }
    let place = super::page_line(s);
    if !place.is_empty() {
        let _ = writeln!(out, "{}", clean(&place.join(" · ")));
    }
    let _ = writeln!(
        out,
        "{} post(s) · {} participant(s) · {} words · read by: {}",
        s.stats.posts, s.stats.participants, s.stats.words, s.platform
    );
    for notice in &s.notices {
        wrap_into(&mut out, &clean(notice), "! ");
    }
    let _ = writeln!(out, "{rule}");
    let f = &s.facts;
    if super::outline::has_digest(s) {
        digest(&mut out, s);
    } else if !f.summary.is_empty() {
        let _ = writeln!(out, "Summary");
        for sentence in &f.summary {
            wrap_into(&mut out, &clean(&sentence.text), "  • ");
        }
    }
    if let Some(r) = super::digest::replies(s) {
        let pieces: Vec<String> = super::digest::replies_pieces(&r)
            .into_iter()
            .map(|(text, post)| {
                format!(
                    "{}{}",
                    clean(&text),
                    post.filter(|p| !text.ends_with(&format!("post {}", p + 1)))
                        .map(|p| format!(" [post {}]", p + 1))
                        .unwrap_or_default()
                )
            })
            .collect();
        wrap_into(&mut out, &pieces.join(" · "), "");
    }
    if !f.quantities.is_empty() {
        let _ = writeln!(out, "Numbers");
        for q in &f.quantities {
            wrap_into(&mut out, &format!("{} [post {}]", clean(&q.text), q.post + 1), "  • ");
        }
    }
    let dates = super::digest::dates(s);
    if !dates.is_empty() {
        let _ = writeln!(out, "Dates");
        for d in &dates {
            let resolved = d.resolved.as_deref().map(|v| format!(" → {}", clean(v))).unwrap_or_default();
            wrap_into(&mut out, &format!("{}{resolved} [post {}]", clean(&d.text), d.post + 1), "  • ");
        }
    }
    for c in &f.conflicts {
        let claims: Vec<String> = c.claims.iter().map(|cl| clean(&cl.text)).collect();
        wrap_into(&mut out, &format!("Sources disagree on {}: {}", clean(&c.what), claims.join(" vs ")), "");
    }
    for (kind, heading) in
        [(EntityKind::Person, "People"), (EntityKind::Organisation, "Organisations"), (EntityKind::Place, "Places")]
    {
        let names: Vec<String> = f.entities.iter().filter(|e| e.kind == kind).map(|e| clean(&e.name)).collect();
        if !names.is_empty() {
            wrap_into(&mut out, &format!("{heading}: {}", names.join(", ")), "");
        }
    }
    if !f.works.is_empty() {
        let names: Vec<String> = f.works.iter().map(|w| clean(&w.name)).collect();
        wrap_into(&mut out, &format!("Mentioned: {}", names.join(", ")), "");
    }
    if !f.durations.is_empty() {
        let _ = writeln!(out, "Durations");
        for d in &f.durations {
            wrap_into(&mut out, &format!("{} [post {}]", clean(&d.text), d.post + 1), "  • ");
        }
    }
    for q in &f.quotes {
        let who = q.speaker.as_deref().map(|s| format!(" — {}", clean(s))).unwrap_or_default();
        wrap_into(&mut out, &format!("“{}”{who}", clean(&q.text)), "  ❝ ");
    }
    if !f.sources.is_empty() {
        let _ = writeln!(out, "Sources");
        for src in &f.sources {
            let title = src.title.as_deref().map(|t| format!("{} — ", clean(t))).unwrap_or_default();
            let _ = writeln!(out, "  • {title}{}", clean(&src.url));
        }
    }
    let _ = writeln!(out, "{rule}");
    out
}

/// The digest: the opening lines, each key post with its label and byline, what the replies say.
fn digest(out: &mut String, s: &Summary) {
    let d = &s.facts.digest;
    if !d.opening.is_empty() {
        let _ = writeln!(out, "{}", super::outline::OPENING);
        for line in &d.opening {
            wrap_into(out, &format!("{} [post {}]", clean(&line.text), line.post + 1), "  • ");
        }
    }
    for k in &d.answers {
        let by = super::outline::byline(k);
        let by = if by.is_empty() { String::new() } else { format!(" — {}", clean(&by)) };
        wrap_into(out, &format!("{}{by} [post {}]", clean(&super::outline::label(k)), k.post + 1), "");
        for line in &k.sentences {
            wrap_into(out, &clean(line), "  ❝ ");
        }
    }
    if !d.replies.is_empty() {
        let _ = writeln!(out, "{}", super::outline::REPLIES);
        for k in &d.replies {
            let who = k.author.as_deref().map(|a| format!("{}: ", clean(a))).unwrap_or_default();
            wrap_into(out, &format!("{who}{} [post {}]", clean(&k.sentences.join(" ")), k.post + 1), "  • ");
        }
    }
}

/// The plain-text export: the card (title, byline, counts, digest, facts, sources), then every post with
/// its number, author, time, reply level and address, and its text as the page shows it (not wrapped:
/// lines, lists and code stay as they are).
pub fn plain_text(s: &Summary, options: &Options) -> String {
    let mut out = card(s);
    let _ = writeln!(out, "Posts\n");
    for (i, p) in s.posts.iter().enumerate() {
        let mut head =
            vec![format!("{}. {}", i + 1, p.author.as_deref().map(clean).unwrap_or_else(|| "Unknown".into()))];
        if let Some(t) = super::export::post_time(p, options) {
            let note = if t.relative_only { format!(" {}", super::export::RELATIVE_NOTE) } else { String::new() };
            head.push(format!("{}{note}", clean(&t.text)));
        }
        if p.depth > 0 {
            head.push(format!("reply, level {}", p.depth));
        }
        if let Some(score) = p.score {
            head.push(format!("score {score}"));
        }
        let _ = writeln!(out, "{}", head.join(" · "));
        if let Some(url) = p.permalink.as_deref().filter(|u| super::escape::is_web_url(u)) {
            let _ = writeln!(out, "{}", clean(url.trim()));
        }
        let _ = writeln!(out, "\n{}\n", clean(p.text.trim()));
    }
    out.trim_end().to_string() + "\n"
}

/// Greedy word wrap with a hanging indent.
fn wrap_into(out: &mut String, text: &str, first_prefix: &str) {
    let indent = " ".repeat(first_prefix.chars().count());
    let mut line = first_prefix.to_string();
    let mut line_len = line.chars().count();
    let mut empty = true;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if !empty && line_len + 1 + w > WIDTH {
            let _ = writeln!(out, "{line}");
            line = indent.clone();
            line_len = indent.len();
            empty = true;
        }
        if !empty {
            line.push(' ');
            line_len += 1;
        }
        line.push_str(word);
        line_len += w;
        empty = false;
    }
    let _ = writeln!(out, "{line}");
}

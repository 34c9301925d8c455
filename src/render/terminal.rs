//! The card for a terminal, and the plain-text output, in the reader's language ([`crate::i18n`], set by
//! `render::render_with`; the CLI takes `--lang`).

use super::escape::terminal as clean;
use crate::i18n::{t, tf, tn, Msg};
use crate::model::{EntityKind, Summary};
use crate::Options;
use std::fmt::Write;

/// Width the card's text is wrapped to.
const WIDTH: usize = 78;

/// "[post 3]": where a line comes from.
fn post_ref(i: usize) -> String {
    format!("[{}]", tf(Msg::card_post_link, &[&(i + 1)]))
}

/// The card: title, byline, counts, digest, facts and sources, wrapped to [`WIDTH`].
pub fn card(s: &Summary) -> String {
    let mut out = String::new();
    let rule = "─".repeat(WIDTH);
    let _ = writeln!(out, "{rule}");
    wrap_into(&mut out, &clean(&s.title), "");
    if !s.section.is_empty() {
        let _ = writeln!(out, "{}", clean(&s.section.join(" › ")));
    }
    if let Some(p) = s.posts.first() {
        let mut line = p.author.as_deref().map(clean).unwrap_or_else(|| t(Msg::card_x_unknown_author).into());
        if let Some(n) = p.author_info.get("posts") {
            let _ = write!(line, " {}", tf(Msg::card_x_author_posts, &[&clean(n)]));
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
    let counts = [
        tn(s.stats.posts, Msg::card_stat_posts_one, Msg::card_stat_posts_other, &[]),
        tn(s.stats.participants, Msg::card_stat_participants_one, Msg::card_stat_participants_other, &[]),
        tn(s.stats.words, Msg::card_stat_words_one, Msg::card_stat_words_other, &[]),
        tf(Msg::card_x_read_by, &[&clean(&s.platform)]),
    ];
    let _ = writeln!(out, "{}", counts.join(" · "));
    for notice in &s.notices {
        wrap_into(&mut out, &clean(notice), "! ");
    }
    let _ = writeln!(out, "{rule}");
    let f = &s.facts;
    if super::outline::has_digest(s) {
        digest(&mut out, s);
    } else if !f.summary.is_empty() {
        let _ = writeln!(out, "{}", t(Msg::card_h_summary));
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
                    post.filter(|p| super::digest::before_own_post(&text, *p).is_none())
                        .map(|p| format!(" {}", post_ref(p)))
                        .unwrap_or_default()
                )
            })
            .collect();
        wrap_into(&mut out, &pieces.join(" · "), "");
    }
    if !f.quantities.is_empty() {
        let _ = writeln!(out, "{}", t(Msg::card_h_numbers));
        for q in &f.quantities {
            wrap_into(&mut out, &format!("{} {}", clean(&q.text), post_ref(q.post)), "  • ");
        }
    }
    let dates = super::digest::dates(s);
    if !dates.is_empty() {
        let _ = writeln!(out, "{}", t(Msg::card_h_dates));
        for d in &dates {
            let resolved = d.resolved.as_deref().map(|v| format!(" → {}", clean(v))).unwrap_or_default();
            wrap_into(&mut out, &format!("{}{resolved} {}", clean(&d.text), post_ref(d.post)), "  • ");
        }
    }
    for c in &f.conflicts {
        let claims: Vec<String> = c.claims.iter().map(|cl| clean(&cl.text)).collect();
        let claims = claims.join(&format!(" {} ", t(Msg::card_x_versus)));
        wrap_into(&mut out, &tf(Msg::card_x_disagree, &[&clean(&c.what), &claims]), "");
    }
    for (kind, heading) in [
        (EntityKind::Person, Msg::card_h_people),
        (EntityKind::Organisation, Msg::card_h_organisations),
        (EntityKind::Place, Msg::card_h_places),
    ] {
        let names: Vec<String> = f.entities.iter().filter(|e| e.kind == kind).map(|e| clean(&e.name)).collect();
        if !names.is_empty() {
            wrap_into(&mut out, &format!("{}: {}", t(heading), names.join(", ")), "");
        }
    }
    if !f.works.is_empty() {
        let names: Vec<String> = f.works.iter().map(|w| clean(&w.name)).collect();
        wrap_into(&mut out, &format!("{}: {}", t(Msg::card_h_works), names.join(", ")), "");
    }
    if !f.durations.is_empty() {
        let _ = writeln!(out, "{}", t(Msg::card_h_durations));
        for d in &f.durations {
            wrap_into(&mut out, &format!("{} {}", clean(&d.text), post_ref(d.post)), "  • ");
        }
    }
    for q in &f.quotes {
        let who = q.speaker.as_deref().map(|s| format!(" — {}", clean(s))).unwrap_or_default();
        wrap_into(&mut out, &format!("“{}”{who}", clean(&q.text)), "  ❝ ");
    }
    if !f.sources.is_empty() {
        let _ = writeln!(out, "{}", t(Msg::card_h_sources));
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
        let _ = writeln!(out, "{}", super::outline::opening());
        for line in &d.opening {
            wrap_into(out, &format!("{} {}", clean(&line.text), post_ref(line.post)), "  • ");
        }
    }
    for k in &d.answers {
        let by = super::outline::byline(k);
        let by = if by.is_empty() { String::new() } else { format!(" — {}", clean(&by)) };
        wrap_into(out, &format!("{}{by} {}", clean(&super::outline::label(k)), post_ref(k.post)), "");
        for line in &k.sentences {
            wrap_into(out, &clean(line), "  ❝ ");
        }
    }
    if !d.replies.is_empty() {
        let _ = writeln!(out, "{}", super::outline::replies());
        for k in &d.replies {
            let who = k.author.as_deref().map(|a| format!("{}: ", clean(a))).unwrap_or_default();
            wrap_into(out, &format!("{who}{} {}", clean(&k.sentences.join(" ")), post_ref(k.post)), "  • ");
        }
    }
}

/// The plain-text export: the card (title, byline, counts, digest, facts, sources), then every post with
/// its number, author, time, reply level and address, and its text as the page shows it (not wrapped:
/// lines, lists and code stay as they are).
pub fn plain_text(s: &Summary, options: &Options) -> String {
    let mut out = card(s);
    let _ = writeln!(out, "{}\n", t(Msg::card_h_posts));
    for (i, p) in s.posts.iter().enumerate() {
        let author = p.author.as_deref().map(clean).unwrap_or_else(|| t(Msg::card_unknown_author).into());
        let mut head = vec![format!("{}. {author}", i + 1)];
        if let Some(time) = super::export::post_time(p, options) {
            head.push(format!("{}{}", clean(&time.text), super::export::relative_suffix(&time)));
        }
        if p.depth > 0 {
            head.push(tf(Msg::card_x_reply_level, &[&p.depth]));
        }
        if let Some(score) = p.score {
            head.push(tf(Msg::card_score, &[&score]));
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

//! The digest's lines (`facts.digest`) as plain pieces the card, the Markdown export and the terminal card
//! each escape and link in their own way: section headings, a key post's label ("Answer", "Outcome"),
//! and its byline ("by bob · score 12 · quoted by 2 replies · accepted").

use crate::i18n::{t, tf, tn, Msg};
use crate::model::{KeyPost, Summary};

/// Heading of the opening lines, in the current language.
pub fn opening() -> &'static str {
    t(Msg::card_h_opening)
}

/// Heading of the replies' lines, in the current language.
pub fn replies() -> &'static str {
    t(Msg::card_h_what_replies)
}

/// The digest's labels (`KeyPost::label`) and their words.
const LABELS: &[(&str, Msg)] = &[
    ("answer", Msg::card_label_answer),
    ("outcome", Msg::card_label_outcome),
    ("most liked", Msg::card_label_most_liked),
    ("top reply", Msg::card_label_top_reply),
    ("most quoted", Msg::card_label_most_quoted),
    ("reply", Msg::card_label_reply),
    ("main counterpoint", Msg::card_label_main_counterpoint),
];

/// A key post's label as the card shows it: its words in the current language, else the label
/// capitalized.
pub fn label(k: &KeyPost) -> String {
    if let Some((_, m)) = LABELS.iter().find(|(l, _)| *l == k.label) {
        return t(*m).to_string();
    }
    let mut chars = k.label.chars();
    match chars.next() {
        // ASCII only: labels are the digest's own English words, and `char::to_uppercase` would bring core's
        // case-mapping table (12 KB, about 5 KB gzipped) into the WASM module for them.
        Some(c) => std::iter::once(c.to_ascii_uppercase()).chain(chars).collect(),
        None => t(Msg::card_label_reply).to_string(),
    }
}

/// What the page shows about a key post: its author, score, the replies quoting it, and the board's or
/// the asker's word for it.
pub fn byline(k: &KeyPost) -> String {
    let mut parts = Vec::new();
    if let Some(a) = k.author.as_deref().filter(|a| !a.trim().is_empty()) {
        parts.push(tf(Msg::card_by, &[&a.trim()]));
    }
    if let Some(score) = k.score {
        parts.push(tf(Msg::card_score, &[&score]));
    }
    if k.quoted_by > 0 {
        parts.push(tn(k.quoted_by, Msg::card_quoted_by_one, Msg::card_quoted_by_other, &[]));
    }
    match k.signal.as_str() {
        "accepted" => parts.push(t(Msg::card_accepted_answer).into()),
        "asker thanks" => parts.push(t(Msg::card_asker_thanks).into()),
        "agreed" => parts.push(t(Msg::card_agreed).into()),
        "asker quotes" => parts.push(t(Msg::card_asker_quotes).into()),
        "asker follow-up" | "solved title" => parts.push(t(Msg::card_asker_followup).into()),
        _ => {}
    }
    parts.join(" · ")
}

/// The card shows the digest where there is one; a summary read from older JSON (no digest) keeps
/// its "Summary" lines.
pub fn has_digest(s: &Summary) -> bool {
    let d = &s.facts.digest;
    !d.opening.is_empty() || !d.answers.is_empty() || !d.replies.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_bylines() {
        let k = KeyPost {
            label: "most liked".into(),
            signal: "accepted".into(),
            author: Some("bob".into()),
            score: Some(12),
            quoted_by: 2,
            ..KeyPost::default()
        };
        assert_eq!(label(&k), "Most liked");
        assert_eq!(byline(&k), "by bob · score 12 · quoted by 2 replies · accepted answer");
        assert_eq!(label(&KeyPost::default()), "Reply");
        assert_eq!(byline(&KeyPost::default()), "");
    }
}

//! The digest's lines (`facts.digest`) as plain pieces the card, the Markdown export and the terminal card
//! each escape and link in their own way: section headings, a key post's label ("Answer", "Outcome"),
//! and its byline ("by bob · score 12 · quoted by 2 replies · accepted").

use crate::model::{KeyPost, Summary};

/// Heading of the opening lines.
pub const OPENING: &str = "Opening";
/// Heading of the replies' lines.
pub const REPLIES: &str = "What the replies say";

/// A key post's label as the card shows it.
pub fn label(k: &KeyPost) -> String {
    let mut chars = k.label.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => "Reply".to_string(),
    }
}

/// What the page shows about a key post: its author, score, the replies quoting it, and the board's or
/// the asker's word for it.
pub fn byline(k: &KeyPost) -> String {
    let mut parts = Vec::new();
    if let Some(a) = k.author.as_deref().filter(|a| !a.trim().is_empty()) {
        parts.push(format!("by {}", a.trim()));
    }
    if let Some(score) = k.score {
        parts.push(format!("score {score}"));
    }
    if k.quoted_by > 0 {
        let noun = if k.quoted_by == 1 { "reply" } else { "replies" };
        parts.push(format!("quoted by {} {noun}", k.quoted_by));
    }
    match k.signal.as_str() {
        "accepted" => parts.push("accepted answer".into()),
        "asker thanks" => parts.push("the asker thanks it".into()),
        "asker follow-up" | "solved title" => parts.push("the asker's follow-up".into()),
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

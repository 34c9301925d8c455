//! Agreement the page shows in words: a reply that opens by agreeing ("This is absolutely true.", "Agreed",
//! "Genau", "Tout à fait") and quotes nothing agrees with the post right above it, on a board that shows
//! its posts in order. The post agreed with is one readers took up, as a quoted one is (`quoted_by`).
//!
//! Only an opening counts: "I agree with most of it, but ..." later in a post weighs nothing, and a reply
//! that quotes says itself what it answers. Same-author neighbours ("I agree with myself") and the first
//! post (agreeing with the question is no answer to it) gain nothing.

use crate::model::Post;

/// Openings of a reply that agrees (lowercase, matched at the start of the post's text and followed by a
/// character that is no letter or digit), in the boards' languages. Kept to phrases that agree with a
/// claim: "same here" (the same problem) and a bare "yes" (an answer to a question) are left out.
const AGREES: &[&str] = &[
    "i agree",
    "agreed",
    "totally agree",
    "completely agree",
    "absolutely agree",
    "i couldn't agree more",
    "couldn't agree more",
    "this is absolutely true",
    "this is so true",
    "this is true",
    "so true",
    "very true",
    "that's true",
    "that is true",
    "that's so true",
    "exactly",
    "this.",
    "this!",
    "+1",
    "well said",
    "spot on",
    "good point",
    "great point",
    "that's right",
    "ich stimme zu",
    "stimme zu",
    "stimme dir zu",
    "sehe ich auch so",
    "sehe ich genauso",
    "genau",
    "volle zustimmung",
    "je suis d'accord",
    "je suis d’accord",
    "entièrement d'accord",
    "tout à fait",
    "exactement",
    "estoy de acuerdo",
    "totalmente de acuerdo",
    "de acuerdo",
    "exacto",
    "concordo",
    "exatamente",
    "sono d'accordo",
    "esatto",
];

/// For each post, how many later posts open by agreeing with it (see the module doc).
pub(super) fn agreed_by(posts: &[Post]) -> Vec<usize> {
    let mut counts = vec![0usize; posts.len()];
    for i in 2..posts.len() {
        let (prev, p) = (&posts[i - 1], &posts[i]);
        let same_author = p.author.is_some() && p.author == prev.author;
        if p.quotes.is_empty() && !same_author && opens_agreeing(&p.text) {
            counts[i - 1] += 1;
        }
    }
    counts
}

/// The text opens with one of [`AGREES`], as a phrase of its own, in a first sentence that asks nothing
/// ("Exactly how?" asks).
fn opens_agreeing(text: &str) -> bool {
    let text = text.trim_start();
    let first = text.find(['.', '!', '?', '\n']).map_or(text, |end| &text[..=end]);
    if first.ends_with('?') {
        return false;
    }
    let head: String = text.chars().take(40).flat_map(char::to_lowercase).collect();
    AGREES.iter().any(|a| {
        head.strip_prefix(a).is_some_and(|rest| {
            let ends_with_mark = a.ends_with(['.', '!', '1']);
            ends_with_mark || !rest.chars().next().is_some_and(char::is_alphanumeric)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::opens_agreeing;

    #[test]
    fn openings_that_agree() {
        for t in ["This is absolutely true. A head tech came", "Agreed, and", "Genau so ist es", "+1", "This."] {
            assert!(opens_agreeing(t), "{t}");
        }
        for t in ["Agreeable weather", "This is what I did", "I agreed to buy it", "Exactly how?", "Same here"] {
            assert!(!opens_agreeing(t), "{t}");
        }
    }
}

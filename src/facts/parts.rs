//! Counts that are part of an earlier count: "At least 164 people died ..., including 16 law enforcement
//! officers". The second count is marked `part_of` the first when a cue ("including", "among them", "of them")
//! sits right before it and the first, larger, count comes earlier in the same sentence of the same post.
//!
//! A quantity is placed at the first occurrence of its text in its post. Those places are found in one pass
//! over each post that holds a cue (every substring of up to [`MAX_PLACED_TEXT`] bytes looked up among the
//! post's quantity texts), not by a search of the whole text per quantity (quantities × text); the earlier
//! counts a part may belong to are those of its own sentence, the nearest [`MAX_WHOLE_CANDIDATES`] of them.

use super::PostText;
use crate::hash::{FastMap, FastSet};
use crate::model::Quantity;

/// The cues, lowercase ASCII: no other letter lowercases to theirs, so an ASCII-case-insensitive match finds
/// what a search of the lowercased text would.
const CUES: [&str; 3] = ["including", "among them", "of them"];
/// Longest quantity text placed by the one-pass search; longer ones (rare: a range with units in words) are
/// placed by a search of the text each.
const MAX_PLACED_TEXT: usize = 48;
/// Earlier counts of the same sentence looked at for the whole a part belongs to, nearest first: a sentence
/// listing thousands of numbers must not make the search quadratic; real sentences hold a handful.
const MAX_WHOLE_CANDIDATES: usize = 64;
/// How many characters before a number are read for the cue (the longest cue and some white space).
const CUE_WINDOW_CHARS: usize = 16;

/// A post holding a cue, with the first place of each of its quantities' texts.
type Cued<'p, 'a> = Option<(&'p PostText<'a>, FastMap<String, usize>)>;
/// A quantity seen earlier: its index, its place in its post's text and its value.
type Seen = (usize, usize, f64);

/// Marks each quantity that is part of an earlier one (`part_of`).
pub(super) fn link_parts(posts: &[PostText], quantities: &mut [Quantity]) {
    let mut texts_of: FastMap<usize, Vec<String>> = FastMap::default();
    for q in quantities.iter() {
        texts_of.entry(q.post).or_default().push(q.text.clone());
    }
    // Post index → the post and where its quantities' texts first occur, if its text holds a cue at all.
    let mut cued: FastMap<usize, Cued> = FastMap::default();
    // (post, sentence) → earlier quantities there.
    let mut seen: FastMap<(usize, Option<usize>), Vec<Seen>> = FastMap::default();
    for (i, q) in quantities.iter_mut().enumerate() {
        let found = cued.entry(q.post).or_insert_with(|| {
            post_at(posts, q.post).filter(|p| has_cue(p.text)).map(|p| {
                let texts = texts_of.remove(&q.post).unwrap_or_default();
                (p, first_places(p.text, &texts))
            })
        });
        let Some((post, places)) = found else { continue };
        let Some(at) = places.get(q.text.as_str()).copied() else { continue };
        let earlier = seen.entry((q.post, post.sentence_at(at))).or_default();
        if i > 0 && cue_before(post.text, at) {
            q.part_of = earlier
                .iter()
                .rev()
                .take(MAX_WHOLE_CANDIDATES)
                .find(|(_, bt, value)| *value > q.value && *bt < at)
                .map(|(j, _, _)| *j);
        }
        earlier.push((i, at, q.value));
    }
}

/// The post with index `post`: at that index, or found for slices that skip some.
fn post_at<'p, 'a>(posts: &'p [PostText<'a>], post: usize) -> Option<&'p PostText<'a>> {
    posts.get(post).filter(|p| p.index == post).or_else(|| posts.iter().find(|p| p.index == post))
}

fn has_cue(text: &str) -> bool {
    let b = text.as_bytes();
    // The first letter alone first: compared whole only where it is (this reads every post with counts).
    CUES.iter().any(|cue| {
        let c = cue.as_bytes();
        b.windows(c.len()).any(|w| w[0] | 0x20 == c[0] && w.eq_ignore_ascii_case(c))
    })
}

/// Whether the last words before byte `at` are a cue.
fn cue_before(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end();
    let tail_from = head.char_indices().rev().nth(CUE_WINDOW_CHARS - 1).map_or(0, |(k, _)| k);
    let lead = head[tail_from..].to_lowercase();
    CUES.iter().any(|cue| lead.ends_with(cue))
}

/// The first byte at which each of `texts` occurs in `text` (as `str::find` gives), in one pass for texts of
/// up to [`MAX_PLACED_TEXT`] bytes.
fn first_places(text: &str, texts: &[String]) -> FastMap<String, usize> {
    let mut places: FastMap<String, usize> = FastMap::default();
    let short: FastSet<&str> =
        texts.iter().map(String::as_str).filter(|t| !t.is_empty() && t.len() <= MAX_PLACED_TEXT).collect();
    let mut lengths: Vec<usize> = short.iter().map(|t| t.len()).collect();
    crate::sort::sort(&mut lengths);
    lengths.dedup();
    let mut left = short.len();
    crate::text::count_walked(text.len());
    for start in (0..text.len()).filter(|&k| text.is_char_boundary(k)) {
        if left == 0 {
            break;
        }
        for &len in &lengths {
            let Some(piece) = text.get(start..start + len) else { continue };
            if short.contains(piece) && !places.contains_key(piece) {
                places.insert(piece.to_string(), start);
                left -= 1;
            }
        }
    }
    for t in texts.iter().map(String::as_str).filter(|t| t.is_empty() || t.len() > MAX_PLACED_TEXT) {
        crate::text::count_walked(text.len());
        if let Some(at) = text.find(t) {
            places.entry(t.to_string()).or_insert(at);
        }
    }
    places
}

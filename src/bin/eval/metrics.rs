//! The corpora's own metrics, reimplemented from their descriptions (no code copied).
//!
//! - WCXB: bag-of-words F1 over lowercased `\w+` tokens (multisets).
//! - article-extraction-benchmark: 4-gram shingle multisets of `\w+` tokens; per-page precision and recall,
//!   averaged over pages, F1 from the two means.

use std::collections::HashMap;
use std::hash::Hash;

/// `\w+` tokens (Unicode letters, digits, marks and `_`), as Python's `re.findall(r"\w+", s)` gives them.
pub fn tokens(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_' || is_mark(c))).filter(|t| !t.is_empty()).collect()
}

/// Combining marks count as word characters in Python's `\w` (Devanagari vowel signs and the like).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x0DFF | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Lowercased token multiset.
pub fn bag(s: &str) -> HashMap<String, u32> {
    let mut bag = HashMap::new();
    for t in tokens(s) {
        *bag.entry(t.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

/// Multiset overlap: (true positives, predicted total, reference total).
pub fn overlap<K: Eq + Hash>(pred: &HashMap<K, u32>, gold: &HashMap<K, u32>) -> (u32, u32, u32) {
    let tp = pred.iter().map(|(k, n)| (*n).min(gold.get(k).copied().unwrap_or(0))).sum();
    (tp, pred.values().sum(), gold.values().sum())
}

/// Precision, recall and F1 of a multiset overlap. Both empty counts as a perfect match; one empty as zero.
pub fn prf((tp, pred, gold): (u32, u32, u32)) -> (f64, f64, f64) {
    if pred == 0 && gold == 0 {
        return (1.0, 1.0, 1.0);
    }
    if tp == 0 {
        return (0.0, 0.0, 0.0);
    }
    let (p, r) = (tp as f64 / pred as f64, tp as f64 / gold as f64);
    (p, r, 2.0 * p * r / (p + r))
}

/// Bag-of-words F1 of two texts (WCXB's metric).
pub fn bag_f1(pred: &str, gold: &str) -> f64 {
    prf(overlap(&bag(pred), &bag(gold))).2
}

/// 4-gram shingles of the `\w+` tokens, case kept (the article benchmark does not lowercase).
pub fn shingles(s: &str) -> HashMap<Vec<&str>, u32> {
    let toks = tokens(s);
    let mut out = HashMap::new();
    for w in toks.windows(4) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    if toks.len() < 4 && !toks.is_empty() {
        out.insert(toks, 1);
    }
    out
}

/// Per-page shingle precision and recall (article benchmark).
pub fn shingle_pr(pred: &str, gold: &str) -> (f64, f64) {
    let (p, r, _) = prf(overlap(&shingles(pred), &shingles(gold)));
    (p, r)
}

/// F1 from mean precision and mean recall.
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Lowercase alphanumeric words joined by single spaces: for comparing titles, names and bylines.
pub fn norm(s: &str) -> String {
    tokens(s).iter().map(|t| t.to_lowercase()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bag_f1_counts_multisets() {
        assert_eq!(tokens("Hello, wörld_1 ok!"), vec!["Hello", "wörld_1", "ok"]);
        assert!((bag_f1("a a b", "a b b") - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(bag_f1("", ""), 1.0);
        assert_eq!(bag_f1("x", ""), 0.0);
    }

    #[test]
    fn shingles_are_four_grams() {
        let (p, r) = shingle_pr("a b c d e", "a b c d");
        assert!((p - 0.5).abs() < 1e-9 && (r - 1.0).abs() < 1e-9);
    }
}

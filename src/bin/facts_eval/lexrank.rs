//! LexRank (Erkan & Radev 2004, "LexRank: Graph-based Lexical Centrality as Salience in Text
//! Summarization", JAIR 22), the baseline the digest's key posts are measured against.
//!
//! Each sentence is a TF-IDF vector (idf over the sentences themselves, as the paper does for a single
//! cluster); sentences are linked where their cosine similarity is at least [`THRESHOLD`]; the
//! degree-normalised link matrix with damping [`DAMPING`] is iterated from the uniform vector until the
//! scores move less than [`EPSILON`] (the stationary distribution of the random walk: the paper's
//! "continuous" vs "threshold" variants differ only in the link weights; this is the threshold one).

use std::collections::HashMap;

/// Cosine similarity at or above which two sentences are linked (the paper's best threshold, 0.1).
const THRESHOLD: f64 = 0.1;
/// The paper's damping d: the share of each step that jumps to a random sentence, p = d/N + (1-d)·Bᵀp.
const DAMPING: f64 = 0.15;
/// Power iteration stops when no score moves more than this, or after `MAX_ITERATIONS`.
const EPSILON: f64 = 1e-7;
const MAX_ITERATIONS: usize = 200;

/// Lowercased alphanumeric words of a sentence.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// LexRank scores of `sentences`, in their order.
pub fn scores(sentences: &[&str]) -> Vec<f64> {
    let n = sentences.len();
    if n == 0 {
        return Vec::new();
    }
    let docs: Vec<Vec<String>> = sentences.iter().map(|s| words(s)).collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for d in &docs {
        let mut seen: Vec<&str> = d.iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for w in seen {
            *df.entry(w).or_insert(0) += 1;
        }
    }
    let idf = |w: &str| (n as f64 / df.get(w).copied().unwrap_or(1) as f64).ln();
    // TF-IDF vectors, with their norms.
    let vectors: Vec<HashMap<&str, f64>> = docs
        .iter()
        .map(|d| {
            let mut tf: HashMap<&str, f64> = HashMap::new();
            for w in d {
                *tf.entry(w.as_str()).or_insert(0.0) += 1.0;
            }
            tf.into_iter().map(|(w, t)| (w, t * idf(w))).collect()
        })
        .collect();
    let norms: Vec<f64> = vectors.iter().map(|v| v.values().map(|x| x * x).sum::<f64>().sqrt()).collect();
    let cosine = |a: usize, b: usize| {
        if norms[a] == 0.0 || norms[b] == 0.0 {
            return 0.0;
        }
        let (small, large) = if vectors[a].len() <= vectors[b].len() { (a, b) } else { (b, a) };
        let dot: f64 = vectors[small].iter().filter_map(|(w, x)| vectors[large].get(w).map(|y| x * y)).sum();
        dot / (norms[a] * norms[b])
    };
    // Threshold graph (a sentence links to itself, as in the paper's similarity matrix).
    let mut links: Vec<Vec<usize>> = vec![Vec::new(); n];
    for a in 0..n {
        links[a].push(a);
        for b in a + 1..n {
            if cosine(a, b) >= THRESHOLD {
                links[a].push(b);
                links[b].push(a);
            }
        }
    }
    let mut p = vec![1.0 / n as f64; n];
    for _ in 0..MAX_ITERATIONS {
        let mut next = vec![DAMPING / n as f64; n];
        for (a, out) in links.iter().enumerate() {
            let share = (1.0 - DAMPING) * p[a] / out.len() as f64;
            for &b in out {
                next[b] += share;
            }
        }
        let moved = next.iter().zip(&p).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max);
        p = next;
        if moved < EPSILON {
            break;
        }
    }
    p
}

/// Indices of the `k` highest-scored sentences, best first (ties: earlier first).
pub fn top(sentences: &[&str], k: usize) -> Vec<usize> {
    let s = scores(sentences);
    let mut order: Vec<usize> = (0..s.len()).collect();
    order.sort_by(|&a, &b| s[b].total_cmp(&s[a]).then(a.cmp(&b)));
    order.truncate(k);
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn central_sentence_ranks_first_and_scores_sum_to_one() {
        let s = [
            "The kettle stopped heating after descaling.",
            "The thermal fuse of the kettle blows when descaling runs dry.",
            "Replace the thermal fuse of the kettle.",
            "Nice weather today.",
        ];
        let p = scores(&s);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-6);
        // The three kettle sentences link to each other; the weather sentence to none.
        assert!(top(&s, 1)[0] < 3);
        assert_eq!(*top(&s, 4).last().unwrap_or(&0), 3);
        assert!(scores(&[]).is_empty());
    }
}

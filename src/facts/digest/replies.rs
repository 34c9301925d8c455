//! What the replies say: on long threads, the 2-4 most informative replies besides the key posts, one
//! sentence each with its author, in page order. Informative: central to the thread's vocabulary and on
//! its question (content), with the page's own weight on top (score, how many replies quote it). One
//! reply per author, so one voice does not fill the list.

use super::answers::content_score;
use super::Context;
use crate::model::KeyPost;

/// Threads with at least this many posts get the replies' lines.
const MIN_POSTS: usize = 5;
/// Reply lines by thread length: 2 up to 10 replies, 3 up to 25, else 4.
const LINES: [(usize, usize); 3] = [(10, 2), (25, 3), (usize::MAX, 4)];
/// Weight of a reply's score (log-scaled: 1 point and 1000 points differ, but not 1000 times).
const SCORE_WEIGHT: f64 = 0.15;
/// Weight of each reply that quotes it.
const QUOTED_WEIGHT: f64 = 0.3;
/// A line naming no topic word carries content when it names at least this many specific things (a
/// capitalised word inside the sentence, a number, an acronym): "I have a problem with NAT." does,
/// "No thing to say about this." does not. One is enough: a reply telling its own case ("My mother has
/// been living with WPW for years") is content even when the first post words it otherwise.
const MIN_SPECIFIC: usize = 1;

/// How informative a reply is: its content, with the page's own weight on top (its score, and each
/// reply quoting it: readers took it up).
pub(super) fn weight(ctx: &Context, post: usize) -> f64 {
    let score = ctx.posts()[post].score.unwrap_or(0).max(0) as f64;
    content_score(ctx, post) + SCORE_WEIGHT * score.ln_1p() + QUOTED_WEIGHT * ctx.quoted_by[post] as f64
}

/// The page's own weight for a reply: others quote it, or it has a score.
fn page_signal(ctx: &Context, post: usize) -> Option<&'static str> {
    if ctx.quoted_by[post] > 0 {
        Some("quoted")
    } else if ctx.posts()[post].score.is_some_and(|s| s > 0) {
        Some("score")
    } else {
        None
    }
}

/// A reply the page gives no weight (and not the asker's) shows only when its line names the thread's
/// topic or something specific: "No thing to say about this." and a spam line ("You can make money
/// online...") say nothing about it. `line` is the reply's best sentence, the one it would show.
fn carries_content(ctx: &Context, post: usize, line: &str) -> bool {
    // The page weighs it, or the asker tells how it went ("Done in the second commit").
    if page_signal(ctx, post).is_some() || ctx.by_asker(post) {
        return true;
    }
    let shown = ctx.by_post[post].iter().find(|c| c.text == line);
    shown.is_some_and(|c| ctx.names_topic(c) || specific_words(c.text) >= MIN_SPECIFIC)
}

/// Words that name something specific: capitalised inside the sentence, holding a digit, or an acronym.
pub(super) fn specific_words(text: &str) -> usize {
    text.split_whitespace()
        .enumerate()
        .filter(|(k, w)| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let upper = w.chars().next().is_some_and(char::is_uppercase);
            w.chars().any(|c| c.is_ascii_digit())
                || super::is_acronym(w)
                || (*k > 0 && upper && w != "I" && !w.starts_with("I'") && !w.starts_with("I’"))
        })
        .count()
}

pub(super) fn choose(ctx: &Context, taken: &[usize]) -> Vec<KeyPost> {
    let posts = ctx.posts();
    if posts.len() < MIN_POSTS {
        return Vec::new();
    }
    let replies = posts.len() - 1;
    let n = LINES.iter().find(|(up_to, _)| replies <= *up_to).map_or(2, |l| l.1);
    // Each candidate's line is computed once: the content filter reads it, and a chosen reply shows it.
    let mut ranked: Vec<(f64, usize, Vec<String>)> = (1..posts.len())
        .filter(|i| !taken.contains(i) && !ctx.by_post[*i].is_empty())
        .filter_map(|i| {
            let line = ctx.best_sentences(i, 1);
            let keep = line.first().is_some_and(|l| carries_content(ctx, i, l));
            keep.then(|| (weight(ctx, i), i, line))
        })
        .collect();
    crate::sort::sort_by(&mut ranked, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut authors: Vec<Option<&str>> = taken.iter().map(|&k| posts[k].author.as_deref()).collect();
    let mut chosen: Vec<(usize, Vec<String>)> = Vec::new();
    for (_, i, line) in ranked {
        if chosen.len() == n {
            break;
        }
        let author = posts[i].author.as_deref();
        if author.is_some() && authors.contains(&author) {
            continue;
        }
        authors.push(author);
        chosen.push((i, line));
    }
    crate::sort::sort_by_key(&mut chosen, |c| c.0);
    chosen
        .into_iter()
        .map(|(i, line)| {
            let signal = page_signal(ctx, i).unwrap_or("content");
            ctx.key_post(i, "reply", signal, line)
        })
        .collect()
}

//! Opening: the 1-2 sentences of the first post that carry what it asks or claims, chosen by content:
//! the words the rest of the thread takes up and the title repeats, a real question (not one to the
//! reader, which `sentences` already drops), and only then position. Where the first post asks, the
//! opening carries its question: "Should I start over?" names little, but it is what the thread asks,
//! so it takes the second line when the two best lines state the case without it.

use super::{jaccard, words_of, Candidate, Context};
use crate::model::SummarySentence;

/// Opening lines shown.
const MAX_LINES: usize = 2;
/// A sentence that asks is what the thread is about, on a question board.
const QUESTION_BONUS: f64 = 0.6;
/// A question naming this many words (of 3+ letters) gets the whole bonus; shorter ones a share.
const FULL_QUESTION_WORDS: f64 = 6.0;
/// Share of the title's words the sentence carries, weighted: the title names the topic.
const TITLE_WEIGHT: f64 = 1.0;
/// Earlier sentences lead a little: the point usually comes before the details.
const POSITION_WEIGHT: f64 = 0.4;
/// A second line is shown only when it scores at least this share of the first.
const SECOND_SHARE: f64 = 0.6;
/// Word overlap (Jaccard) above which the second line repeats the first.
const MAX_OVERLAP: f64 = 0.5;
/// A line of fewer words than this with no closing punctuation ("Things I have tried", "My setup") is a
/// heading over what follows, not a line that says what the post asks.
const HEADING_MAX_WORDS: usize = 4;
/// Labels of a header line boards and mail gateways write atop a post's text ("Subject: <the title>"),
/// in the boards' languages: such a line, or any line saying only what the title says, is no opening
/// line, since the card shows the title above it.
const HEADER_LABELS: &[&str] =
    &["subject", "title", "topic", "betreff", "thema", "titel", "sujet", "titre", "asunto", "oggetto", "assunto"];

pub(super) fn choose(ctx: &Context) -> Vec<SummarySentence> {
    let Some(list) = ctx.by_post.first() else { return Vec::new() };
    let title = words_of(&ctx.thread.title);
    let labels: Vec<u64> = HEADER_LABELS.iter().flat_map(|l| words_of(l)).collect();
    let restates = |c: &Candidate| {
        !title.is_empty() && !c.words.is_empty() && c.words.iter().all(|w| title.contains(w) || labels.contains(w))
    };
    let list: Vec<&Candidate> = match list.iter().filter(|c| !restates(c) && !is_heading(c.text)).collect::<Vec<_>>() {
        fresh if fresh.is_empty() => list.iter().collect(),
        fresh => fresh,
    };
    let total = list.len().max(1) as f64;
    let score = |c: &Candidate| {
        // A line says what the thread is about in proportion to what it names: "Why is this bad?" names
        // nothing the title does not say better, and "So I want to start." is central only through the
        // one word the thread repeats (centrality is a mean over the line's words).
        let named = (c.words.len() as f64 / FULL_QUESTION_WORDS).min(1.0);
        let asks = if is_question(c.text) { QUESTION_BONUS * named } else { 0.0 };
        // Share of the title's words the sentence carries.
        let titled =
            if title.is_empty() { 0.0 } else { c.words.intersection(&title).count() as f64 / title.len() as f64 };
        ctx.centrality(c) * named + asks + TITLE_WEIGHT * titled + POSITION_WEIGHT * (1.0 - c.order as f64 / total)
    };
    let mut scored: Vec<(f64, &Candidate)> = list.iter().map(|&c| (score(c), c)).collect();
    crate::sort::sort_by(&mut scored, |a, b| b.0.total_cmp(&a.0));
    let questions: Vec<(f64, &Candidate)> = scored.iter().filter(|(_, c)| is_question(c.text)).copied().collect();
    let mut chosen: Vec<&Candidate> = Vec::new();
    let best = scored.first().map_or(0.0, |s| s.0);
    for (s, c) in scored {
        if chosen.len() == MAX_LINES || (!chosen.is_empty() && s < SECOND_SHARE * best) {
            break;
        }
        // A chosen line whose every word this one holds says less: this one takes its place.
        if let Some(k) = chosen.iter_mut().find(|k| k.words.is_subset(&c.words) && !c.words.is_subset(&k.words)) {
            *k = c;
        } else if !chosen.iter().any(|k| repeats(k, c)) {
            chosen.push(c);
        }
    }
    // The question the post asks, where no chosen line asks: it takes the last line. The line kept beside
    // it is the one carrying most of the title (ties: the better scored), as it states the case the
    // question is about; unless that line already says what the question asks.
    if !chosen.iter().any(|c| is_question(c.text)) {
        if let Some(&(_, q)) = questions.first() {
            if chosen.len() == MAX_LINES {
                let titled = |c: &Candidate| c.words.intersection(&title).count();
                let keep = (0..chosen.len()).max_by_key(|&k| (titled(chosen[k]), std::cmp::Reverse(k))).unwrap_or(0);
                chosen = vec![chosen[keep]];
            }
            if !chosen.iter().any(|k| repeats(k, q)) {
                chosen.truncate(MAX_LINES - 1);
                chosen.push(q);
            }
        }
    }
    crate::sort::sort_by_key(&mut chosen, |c| c.order);
    chosen.iter().map(|c| SummarySentence { text: c.text.to_string(), post: 0 }).collect()
}

/// `c` says what `k` says: most of the same words, or no word `k` does not hold ("Why is this bad?" beside
/// "Why is using an except: pass block bad?").
fn repeats(k: &Candidate, c: &Candidate) -> bool {
    jaccard(&k.words, &c.words) > MAX_OVERLAP || c.words.is_subset(&k.words)
}

/// A short line that does not end as a sentence does: a heading (see [`HEADING_MAX_WORDS`]).
fn is_heading(text: &str) -> bool {
    !super::ends_sentence(text) && text.split_whitespace().nth(HEADING_MAX_WORDS).is_none()
}

/// The sentence asks (a question mark at its end, before closing quotes or brackets).
fn is_question(text: &str) -> bool {
    text.trim_end_matches(['"', '”', ')']).ends_with('?')
}

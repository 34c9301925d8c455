//! The summary: sentences of the thread, verbatim, chosen by centrality (how much of the thread's
//! vocabulary they share), position (leads come first in news and in opening posts) and coverage of the
//! key facts (top entities, quantities), with near-repeats dropped (a passage quoted twice counts once).
//! For threads with replies, one more line from the replies: the top-scored one, else the most quoted;
//! and, where the board shows votes against a reply, a line from the most voted-down one.

use super::gazetteer::GAZETTEER;
use super::hash::{word_hash, FastMap as HashMap, FastSet as HashSet};
use super::tokens::{hashed_words, is_url_line, words_in, Word};
use super::PostText;
use crate::model::{Entity, Quantity, SummarySentence};
use crate::thread::Thread;

/// Sentences shorter than this say too little to summarize anything.
const MIN_WORDS: usize = 6;
/// Sentences longer than this are run-ons or unsplit blocks.
const MAX_WORDS: usize = 80;
/// Word overlap (Jaccard) above which a sentence repeats one already chosen.
const MAX_OVERLAP: f64 = 0.5;
/// The opening sentence of the opening post states the topic (news leads, questions): it goes first.
const LEAD_BONUS: f64 = 2.0;
/// Entities whose mention makes a sentence cover a key fact.
const KEY_ENTITIES: usize = 5;

struct Candidate<'a> {
    post: usize,
    order: usize,
    text: &'a str,
    /// [`word_hash`] of its whole text: a later copy of it is a quote.
    key: u64,
    /// Hashes of its content words, lowercased.
    words: HashSet<u64>,
}

pub fn choose(
    thread: &Thread,
    posts: &[PostText],
    entities: &[Entity],
    quantities: &[Quantity],
    n: usize,
) -> Vec<SummarySentence> {
    let n = n.clamp(2, 5);
    let Some(op) = posts.first() else { return Vec::new() };
    let mut known = KnownWords::default();
    let all: Vec<Candidate> = posts.iter().flat_map(|p| candidates(p, &mut known)).collect();
    let df = document_frequency(&all);
    let key_forms: Vec<&str> = entities
        .iter()
        .take(KEY_ENTITIES)
        .flat_map(|e| std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str)))
        .collect();
    let op_candidates: Vec<&Candidate> = all.iter().filter(|c| c.post == op.index).collect();
    let total = op_candidates.len().max(1) as f64;
    let mut scored: Vec<(f64, &Candidate)> = op_candidates
        .iter()
        .map(|c| {
            let centrality = centrality(c, &df);
            let position = 1.0 - c.order as f64 / total;
            let entities = key_forms.iter().filter(|f| c.text.contains(*f)).count() as f64;
            let numbers = quantities.iter().filter(|q| q.post == c.post && c.text.contains(&q.text)).count() as f64;
            let lead = if c.order == 0 { LEAD_BONUS } else { 0.0 };
            (centrality + 1.5 * position + lead + 0.5 * entities.min(3.0) + 1.0 * numbers.min(2.0), *c)
        })
        .collect();
    crate::sort::sort_by(&mut scored, |a, b| b.0.total_cmp(&a.0));
    let mut chosen: Vec<&Candidate> = Vec::new();
    for (_, c) in scored {
        if chosen.len() == n {
            break;
        }
        if !chosen.iter().any(|k| repeats(k, c)) {
            chosen.push(c);
        }
    }
    crate::sort::sort_by_key(&mut chosen, |c| (c.post, c.order));
    let mut out: Vec<SummarySentence> =
        chosen.iter().map(|c| SummarySentence { text: c.text.to_string(), post: c.post }).collect();
    out.extend(reply_lines(thread, &all, &df, &chosen));
    out
}

/// The sentences of a post that could stand in a summary.
fn candidates<'a>(post: &PostText<'a>, known: &mut KnownWords) -> Vec<Candidate<'a>> {
    let mut out = Vec::new();
    // The post's words, split and hashed once, when it has a candidate: each candidate's are a slice.
    // (Not kept on the post for the digest: every post's words held at once cost more memory, 5x the
    // page on a 200 KB thread, than splitting them twice costs time.)
    let mut words: Option<Vec<Word>> = None;
    for (i, _) in post.sentences.iter().enumerate() {
        let text = post.sentence(i);
        let count = text.split_whitespace().count();
        let ends = text.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '!', '?']);
        if !(MIN_WORDS..=MAX_WORDS).contains(&count)
            || !ends
            || is_url_line(text)
            || !post.is_material(i)
            || post.shouting(post.sentences[i].start)
        {
            continue;
        }
        let all = words.get_or_insert_with(|| hashed_words(post.text));
        let s = post.sentences[i];
        let words = match words_in(all, s.start, s.end) {
            Some(own) => content_words(post.text, own, known),
            None => content_words(text, &hashed_words(text), known),
        };
        out.push(Candidate { post: post.index, order: out.len(), text, key: word_hash(text), words });
    }
    out
}

/// Whether a word (by hash) is a content word, for ASCII words already looked up: a thread repeats its
/// words, and the two gazetteer lookups per word cost more than one in this table.
type KnownWords = HashMap<u64, bool>;

/// Hashes of the content words among `words` (words of `text`).
fn content_words(text: &str, words: &[Word], known: &mut KnownWords) -> HashSet<u64> {
    let content = |w: &str| !GAZETTEER.is_stopword(w) && !GAZETTEER.is_not_name(w);
    // Sized for every word at once: grown from empty, the set was rehashed several times per sentence.
    let mut out = HashSet::default();
    out.reserve(words.len());
    out.extend(
        words
            .iter()
            .filter(|word| {
                let w = &text[word.start..word.end];
                // ASCII words lowercase as the gazetteer lowercases them, so the hash stands for the word; other
                // scripts are looked up every time.
                w.len() > 2
                    && w.len() < 30
                    && if w.is_ascii() { *known.entry(word.hash).or_insert_with(|| content(w)) } else { content(w) }
            })
            .map(|w| w.hash),
    );
    out
}

fn document_frequency(all: &[Candidate]) -> HashMap<u64, usize> {
    let mut df = HashMap::default();
    for c in all {
        for w in &c.words {
            *df.entry(*w).or_insert(0) += 1;
        }
    }
    df
}

/// How many other sentences share this one's words, on average: central sentences carry the thread's
/// vocabulary.
fn centrality(c: &Candidate, df: &HashMap<u64, usize>) -> f64 {
    if c.words.is_empty() {
        return 0.0;
    }
    let shared: usize = c.words.iter().map(|w| df.get(w).copied().unwrap_or(1).saturating_sub(1)).sum();
    (shared as f64 / c.words.len() as f64).ln_1p()
}

fn repeats(a: &Candidate, b: &Candidate) -> bool {
    let inter = a.words.intersection(&b.words).count() as f64;
    let union = a.words.union(&b.words).count().max(1) as f64;
    inter / union > MAX_OVERLAP || inter >= b.words.len() as f64 * 0.8
}

/// A sentence from the reply readers would see first: the top-scored reply, else the most quoted one,
/// else the reply sharing most with the thread. Never a sentence the reply only quotes.
fn reply_lines(
    thread: &Thread,
    all: &[Candidate],
    df: &HashMap<u64, usize>,
    chosen: &[&Candidate],
) -> Vec<SummarySentence> {
    if thread.posts.len() < 2 {
        return Vec::new();
    }
    // How often each author is quoted; where each sentence first appears (a later copy is a quote).
    let mut quoted: HashMap<&str, usize> = HashMap::default();
    for q in thread.posts.iter().flat_map(|p| &p.quotes) {
        if let Some(a) = q.author.as_deref() {
            *quoted.entry(a).or_insert(0) += 1;
        }
    }
    let mut first_seen: HashMap<u64, usize> = HashMap::default();
    let mut by_post: Vec<Vec<&Candidate>> = vec![Vec::new(); thread.posts.len()];
    for c in all {
        first_seen.entry(c.key).or_insert(c.post);
        if let Some(list) = by_post.get_mut(c.post) {
            list.push(c);
        }
    }
    let best_of = |post: usize| -> Option<(f64, &Candidate)> {
        let quotes = &thread.posts[post].quotes;
        by_post[post]
            .iter()
            .filter(|c| first_seen.get(&c.key).is_none_or(|&p| p == post))
            .filter(|c| !quotes.iter().any(|q| quotes_part_of(&q.text, c.text)))
            .filter(|c| !chosen.iter().any(|k| repeats(k, c)))
            .map(|c| (centrality(c, df), *c))
            .max_by(|a, b| a.0.total_cmp(&b.0))
    };
    let rank = |i: usize| {
        let author = thread.posts[i].author.as_deref().unwrap_or("");
        (thread.posts[i].score.unwrap_or(0), quoted.get(author).copied().unwrap_or(0))
    };
    let mut order: Vec<(i64, usize, usize)> = (1..thread.posts.len()).map(|i| (rank(i).0, rank(i).1, i)).collect();
    crate::sort::sort_by_key(&mut order, |&(score, quotes, i)| (std::cmp::Reverse((score, quotes)), i));
    // The top-scored or most-quoted reply speaks for the replies; without votes or quotes, the most
    // central sentence of any reply.
    let top = order.iter().filter(|o| (o.0, o.1) > (0, 0)).find_map(|o| best_of(o.2));
    let pick = top.or_else(|| order.iter().filter_map(|o| best_of(o.2)).max_by(|a, b| a.0.total_cmp(&b.0)));
    // Where the board shows votes against a reply, the most voted-down one is the disagreement.
    let picked = pick.map(|(_, c)| c.post);
    let against = order.iter().rev().filter(|o| o.0 < 0 && Some(o.2) != picked).find_map(|o| best_of(o.2));
    pick.into_iter().chain(against).map(|(_, c)| SummarySentence { text: c.text.to_string(), post: c.post }).collect()
}

/// The sentence is (or holds) text the reply quotes from another post: quoted text is not the reply's
/// own word. Compared on the quote's opening words, as boards glue quote headers to the quoted text.
fn quotes_part_of(quote: &str, sentence: &str) -> bool {
    let quote = quote.trim();
    if quote.contains(sentence) {
        return true;
    }
    let mut cut = quote.len().min(40);
    while !quote.is_char_boundary(cut) {
        cut -= 1;
    }
    cut >= 20 && sentence.contains(&quote[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Post;

    #[test]
    fn picks_verbatim_sentences_without_repeats() {
        let op = "Troops will leave Kazakhstan in two days, the president said on Tuesday morning. \
                  The troops were sent last week to quell protests in Almaty and other cities. \
                  The main mission of the peacekeeping troops has been completed, the president said. \
                  The main mission of the peacekeeping troops has been completed, he told lawmakers. \
                  Weather was nice.";
        let reply = "I doubt the troops will leave Kazakhstan that quickly, frankly speaking.";
        let thread = Thread {
            posts: vec![Post { text: op.into(), ..Post::default() }, Post { text: reply.into(), ..Post::default() }],
            ..Thread::default()
        };
        let posts: Vec<PostText> =
            thread.posts.iter().enumerate().map(|(i, p)| PostText::new(i, &p.text, None)).collect();
        let s = choose(&thread, &posts, &[], &[], 3);
        assert_eq!(s.len(), 4, "{s:?}");
        assert!(s.iter().all(|x| thread.posts[x.post].text.contains(&x.text)));
        assert_eq!(s.iter().filter(|x| x.text.starts_with("The main mission")).count(), 1);
        assert_eq!(s.last().map(|x| x.post), Some(1));
    }

    #[test]
    fn replies_by_votes_for_and_against() {
        let post = |text: &str, score: i64| Post { text: text.into(), score: Some(score), ..Post::default() };
        let thread = Thread {
            posts: vec![
                post("The city council approved the new tram line through the old town centre today.", 0),
                post("Great news for everyone who commutes through the old town every day.", 12),
                post("This tram line is a waste of money and will ruin the old town centre.", -7),
                post("I wonder when the construction work on the tram line will actually start.", 1),
            ],
            ..Thread::default()
        };
        let posts: Vec<PostText> =
            thread.posts.iter().enumerate().map(|(i, p)| PostText::new(i, &p.text, None)).collect();
        let s = choose(&thread, &posts, &[], &[], 2);
        let from: Vec<usize> = s.iter().map(|x| x.post).collect();
        assert_eq!(from, [0, 1, 2], "{s:?}");
    }

    #[test]
    fn empty_threads() {
        assert!(choose(&Thread::default(), &[], &[], &[], 4).is_empty());
        let thread = Thread { posts: vec![Post::default()], ..Thread::default() };
        assert!(choose(&thread, &[PostText::new(0, "", None)], &[], &[], 4).is_empty());
    }
}

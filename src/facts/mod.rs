//! Stage 4: the key facts of a thread. Every fact is a span of a post's text, with that post's index.
//!
//! ```text
//! posts ─ tokens ─┬─ entities (gazetteer) ─┐
//!                 ├─ quantities ─ conflicts ┤
//!                 ├─ dates                  ├─ Facts
//!                 ├─ quotes (speakers) ─────┤
//!                 ├─ sources ───────────────┤
//!                 └─ summary ───────────────┘
//! ```
//!
//! Rules, not a model: one pass over each post's tokens per step, no download, no regular expressions.
//! English first; on other languages only what does not depend on English words is kept.

pub mod conflicts;
pub mod dates;
pub mod entities;
pub mod gazetteer;
pub mod language;
pub mod numbers;
pub mod quotes;
pub mod sources;
pub mod summary;
pub mod tokens;

use crate::model::Facts;
use crate::thread::Thread;
use tokens::{Sentence, Token};

/// Extracts the card's facts from the thread's posts.
pub fn extract(thread: &Thread, options: &crate::Options) -> Facts {
    extract_at(thread, None, options)
}

/// Extracts the facts; `page_url` tells the site's own links (not sources) from external ones.
pub fn extract_at(thread: &Thread, page_url: Option<&str>, options: &crate::Options) -> Facts {
    let posts: Vec<PostText> =
        thread.posts.iter().enumerate().map(|(i, p)| PostText::new(i, &p.text, p.published.as_deref())).collect();
    let english = language::is_english(&posts);
    let authors: Vec<&str> = thread.posts.iter().filter_map(|p| p.author.as_deref()).collect();
    let entities = entities::extract(&posts, english, &authors);
    let quantities = numbers::extract(&posts, english);
    let dates = dates::extract(&posts, english);
    let quotes = quotes::extract(&posts, &entities);
    let sources = sources::extract(thread, page_url);
    let conflicts = conflicts::find(&posts, &quantities, thread);
    let summary = summary::choose(thread, &posts, &entities, &quantities, options.summary_sentences);
    Facts { summary, entities, quantities, dates, quotes, sources, conflicts }
}

/// A post's text with its tokens and sentences: what every fact step reads.
pub struct PostText<'a> {
    pub index: usize,
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    pub sentences: Vec<Sentence>,
    /// The post's time (ISO 8601), for resolving "Tuesday" or "in two days".
    pub published: Option<&'a str>,
    /// For each token, whether it is the first word of its sentence.
    initial: Vec<bool>,
    /// Sentences written mostly in capitals: their capitals say nothing about names.
    shouting: Vec<bool>,
    /// Sentences of running text (enough lowercase words), as opposed to menus, headlines and lists of
    /// links written in Title Case, where every word is capitalized.
    prose: Vec<bool>,
}

/// Share of all-capital words above which a sentence is shouting, not naming.
const SHOUTING_SHARE: f64 = 0.5;
/// Running text has at least this many lowercase words in a sentence, and this share of its words.
const PROSE_MIN_LOWER: usize = 3;
const PROSE_LOWER_SHARE: f64 = 0.3;

impl<'a> PostText<'a> {
    pub fn new(index: usize, text: &'a str, published: Option<&'a str>) -> PostText<'a> {
        let tokens = tokens::tokenize(text);
        let sentences = tokens::sentences(text);
        let mut initial = vec![false; tokens.len()];
        let mut shouting = vec![false; sentences.len()];
        let mut prose = vec![false; sentences.len()];
        let mut t = 0;
        for (si, s) in sentences.iter().enumerate() {
            while t < tokens.len() && tokens[t].start < s.start {
                t += 1;
            }
            let first = t;
            let (mut words, mut caps, mut lower) = (0usize, 0usize, 0usize);
            let mut seen_word = false;
            while t < tokens.len() && tokens[t].start < s.end {
                let tok = &tokens[t];
                if tok.is_word() {
                    if !seen_word {
                        initial[t] = true;
                        seen_word = true;
                    }
                    words += 1;
                    lower += usize::from(tok.is_lower_word());
                    if tok.text.chars().count() > 1 && tok.text.chars().all(|c| !c.is_lowercase()) {
                        caps += 1;
                    }
                } else if tok.kind == tokens::Kind::Number && !seen_word && t == first {
                    seen_word = true;
                }
                t += 1;
            }
            shouting[si] = words >= 3 && caps as f64 > SHOUTING_SHARE * words as f64;
            prose[si] = lower >= PROSE_MIN_LOWER && lower as f64 >= PROSE_LOWER_SHARE * words as f64;
        }
        PostText { index, text, tokens, sentences, published, initial, shouting, prose }
    }

    /// The token is the first word of its sentence.
    pub fn is_initial(&self, token: usize) -> bool {
        self.initial.get(token).copied().unwrap_or(false)
    }

    /// The sentence holding byte `at` is mostly capitals.
    pub fn shouting(&self, at: usize) -> bool {
        self.sentence_at(at).is_some_and(|s| self.shouting[s])
    }

    /// The sentence holding byte `at` is running text.
    pub fn prose(&self, at: usize) -> bool {
        self.sentence_at(at).is_some_and(|s| self.prose[s])
    }

    /// Index of the sentence holding byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].start <= at).then_some(i)
    }

    /// Text of sentence `i`.
    pub fn sentence(&self, i: usize) -> &'a str {
        self.sentences.get(i).map_or("", |s| &self.text[s.start..s.end])
    }

    /// Index of the first token starting at or after byte `at`.
    pub fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.start < at)
    }
}

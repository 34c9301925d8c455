//! Stage 4: the key facts of a thread. Every fact is a span of a post's text, with that post's index.
//!
//! ```text
//! posts ─ tokens ─┬─ entities (gazetteer) ─┐
//!                 ├─ quantities ─ conflicts ┤
//!                 ├─ dates                  ├─ Facts
//!                 ├─ quotes (speakers) ─────┤
//!                 ├─ sources ───────────────┤
//!                 ├─ summary ───────────────┤
//!    sentences ───┴─ digest (opening, answers, replies)
//! ```
//!
//! Rules, not a model: one pass over each post's tokens per step, no download, no regular expressions.
//! English first; on other languages only what does not depend on English words is kept.

pub mod conflicts;
pub mod dates;
pub mod digest;
pub mod entities;
pub mod gazetteer;
pub use crate::hash;
pub mod language;
pub mod machine;
pub mod material;
pub mod mentions;
pub mod numbers;
mod parts;
mod placeholders;
pub mod quantities;
pub mod quoted;
pub mod quotes;
pub mod ranges;
pub mod sentences;
pub mod sources;
pub mod stats;
pub mod summary;
pub mod tokens;
pub mod uncited;
pub mod works;

use crate::model::Facts;
use crate::thread::Thread;
use tokens::{Sentence, Token};

/// Extracts the card's facts from the thread's posts.
pub fn extract(thread: &Thread, options: &crate::Options) -> Facts {
    extract_at(thread, None, options)
}

/// Extracts the facts; `page_url` tells the site's own links (not sources) from external ones.
pub fn extract_at(thread: &Thread, page_url: Option<&str>, options: &crate::Options) -> Facts {
    let posts = post_texts(thread);
    let english = language::is_english(&posts);
    let (entities, products) = entities::extract_with_products(&posts, english, &participants(thread));
    let quantities = quantities::extract(&posts, english);
    let (dates, durations) = dates::extract(&posts, english);
    let quotes = quotes::extract(&posts, &entities);
    let sources = sources::extract(thread, page_url);
    let conflicts = conflicts::find(&posts, &quantities, thread);
    let summary = summary::choose(thread, &posts, &entities, &quantities, options.summary_sentences);
    let works = works::with_products(works::extract(&posts, english), products);
    let digest = digest::build(thread, &posts);
    Facts { summary, entities, quantities, dates, quotes, sources, conflicts, works, durations, digest }
}

/// Every post's text, read once for all fact steps.
fn post_texts<'a>(thread: &'a Thread) -> Vec<PostText<'a>> {
    let mut budget = quoted::ScanBudget::for_thread(thread);
    let read = |(i, p): (usize, &'a crate::model::Post)| {
        let mut text = PostText::new(i, &p.text, p.published.as_deref());
        text.quoted = quoted::quoted_spans(thread, i, &mut budget);
        text
    };
    thread.posts.iter().enumerate().map(read).collect()
}

/// Participants: the posters and the authors of the posts they quote are users, not entities.
fn participants(thread: &Thread) -> Vec<&str> {
    let quoted = thread.posts.iter().flat_map(|p| &p.quotes).filter_map(|q| q.author.as_deref());
    thread.posts.iter().filter_map(|p| p.author.as_deref()).chain(quoted).collect()
}

/// The thread's entities as [`extract_at`] finds them, each with how it was found: for the fact
/// evaluation's breakdown of false facts by rule (the card never calls it).
pub fn traced_entities(thread: &Thread) -> Vec<(crate::model::Entity, entities::Trace)> {
    let posts = post_texts(thread);
    let english = language::is_english(&posts);
    entities::extract_traced(&posts, english, &participants(thread))
}

/// The products and programs the entity stage moved from its organisations to the works ("WordPress",
/// "M2 Air"), as [`extract_at`] finds them: for the fact evaluation, whose labels were written when
/// products were entities (the card lists them among the works).
pub fn moved_products(thread: &Thread) -> Vec<crate::model::Work> {
    let posts = post_texts(thread);
    let english = language::is_english(&posts);
    entities::extract_with_products(&posts, english, &participants(thread)).1
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
    /// Whether each sentence may stand in a summary ([`sentences::is_summary_material`]): the summary and
    /// the digest both ask it of the same sentences, so it is worked out once, when first asked
    /// (0 not yet, 1 yes, 2 no).
    material: Vec<std::cell::Cell<u8>>,
    /// Byte spans no fact comes from: URLs and machine-written lines ([`machine::skipped_spans`]), found once
    /// here for the date, mention and quantity steps that all skip them.
    pub skipped: Vec<(usize, usize)>,
    /// Byte spans of the machine-written lines and stretches alone ([`machine::machine_spans`]): the
    /// digest skips sentences made mostly of them.
    pub machine: Vec<(usize, usize)>,
    /// The stretches quoting someone, with the quoted post's time when it is an earlier post of the thread
    /// ([`quoted::quoted_spans`]); empty for a text read alone.
    pub quoted: Vec<quoted::Quoted<'a>>,
    /// The names the post writes a `.com` site under, ASCII-lowercased ("kodyboy.deviantart.com" →
    /// "deviantart"): found once here, so asking whether a name has its own site costs a lookup, not a
    /// scan of the post per name.
    dot_com: hash::FastSet<String>,
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
            while t < tokens.len() && tokens[t].start() < s.start {
                t += 1;
            }
            let first = t;
            let (mut words, mut caps, mut lower) = (0usize, 0usize, 0usize);
            let mut seen_word = false;
            while t < tokens.len() && tokens[t].start() < s.end {
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
                    // A list number ("3. WalterRatley - aka ...") leaves the next word sentence-initial.
                    let list_number = tokens.get(t + 1).is_some_and(|n| n.text == ".");
                    seen_word = !list_number;
                }
                t += 1;
            }
            shouting[si] = words >= 3 && caps as f64 > SHOUTING_SHARE * words as f64;
            prose[si] = lower >= PROSE_MIN_LOWER && lower as f64 >= PROSE_LOWER_SHARE * words as f64;
        }
        let material = vec![std::cell::Cell::new(0); sentences.len()];
        let machine = machine::machine_spans(text);
        let skipped = machine::skipped_spans(text, &machine);
        let quoted = Vec::new();
        let dot_com = tokens
            .windows(3)
            .filter(|w| w[1].text == "." && w[2].text == "com")
            .map(|w| w[0].text.to_ascii_lowercase())
            .collect();
        PostText {
            index,
            text,
            tokens,
            sentences,
            published,
            initial,
            shouting,
            prose,
            material,
            skipped,
            machine,
            quoted,
            dot_com,
        }
    }

    /// The post writes a `.com` site under `name` (ASCII case aside): "DeviantArt" in a post linking
    /// kodyboy.deviantart.com.
    pub(crate) fn has_dot_com(&self, name: &str) -> bool {
        !self.dot_com.is_empty() && self.dot_com.contains(&name.to_ascii_lowercase())
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

    /// Sentence `i` may stand in a summary ([`sentences::is_summary_material`] of its text).
    pub fn is_material(&self, i: usize) -> bool {
        let known = self.material.get(i).map_or(0, std::cell::Cell::get);
        if known != 0 {
            return known == 1;
        }
        let material = sentences::is_summary_material(self.sentence(i));
        if let Some(cell) = self.material.get(i) {
            cell.set(if material { 1 } else { 2 });
        }
        material
    }

    /// Text of sentence `i`.
    pub fn sentence(&self, i: usize) -> &'a str {
        self.sentences.get(i).map_or("", |s| &self.text[s.start..s.end])
    }

    /// Index of the first token starting at or after byte `at`.
    pub fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.start() < at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Post};

    fn thread_of(texts: &[&str]) -> Thread {
        let posts = texts
            .iter()
            .map(|t| Post {
                text: t.to_string(),
                published: Some("2022-01-11T14:28:00".into()),
                links: vec![Link { url: "https://a.example/x".into(), text: "x".into(), domain: "a.example".into() }],
                ..Post::default()
            })
            .collect();
        Thread { posts, ..Thread::default() }
    }

    /// Every fact names a post that exists and is a span of that post's text.
    fn check_spans(thread: &Thread, f: &Facts) {
        let found = |post: usize, text: &str| thread.posts.get(post).is_some_and(|p| p.text.contains(text));
        assert!(f.quantities.iter().all(|q| found(q.post, &q.text)));
        assert!(f.dates.iter().all(|d| found(d.post, &d.text)));
        assert!(f.quotes.iter().all(|q| found(q.post, &q.text)));
        assert!(f.summary.iter().all(|s| found(s.post, &s.text)));
        assert!(f.entities.iter().all(|e| std::iter::once(&e.name).chain(&e.aliases).any(|n| found(e.post, n))));
    }

    #[test]
    fn adversarial_text_never_panics() {
        let huge = "The minister said 12 people left Paris on Tuesday. ".repeat(20_000);
        let cases: Vec<&str> = vec![
            "",
            " \n\n \n",
            "THE PRESIDENT SAID 2,300 TROOPS WILL LEAVE KAZAKHSTAN IN TWO DAYS. NOBODY BELIEVES IT.",
            "1 2 3 4,5 6.7 8,9,10 11.12.13 2022 1999-12-31 99% $ € 1e9 0x1F",
            "日本の首相は東京で演説した。🙂🙂 «Привет», сказал Путин. مرحبا بالعالم",
            "\"\"\"“”“”‘’'''\"",
            "Mr. Mr. Mr. Dr. St. U.S. U.K. e.g. i.e. ... ?!?!",
            "a-b-c-d-e-f 'twas ’s 's -- — – ’’’s",
            &huge,
        ];
        for text in cases {
            let thread = thread_of(&[text, text]);
            let f = extract_at(&thread, Some("https://forum.example/t/1"), &crate::Options::default());
            check_spans(&thread, &f);
        }
    }

    #[test]
    fn shouting_makes_no_entities_from_capitals() {
        let thread = thread_of(&["THE GOVERNMENT SAID THE ARMY WILL LEAVE SOON AND EVERYONE IS HAPPY ABOUT IT."]);
        let f = extract(&thread, &crate::Options::default());
        assert!(f.entities.is_empty(), "{:?}", f.entities);
    }

    #[test]
    fn non_english_keeps_names_numbers_and_dates_but_not_nouns() {
        let text = "Die Regierung in Berlin hat am 11. Januar 2022 mitgeteilt, dass 2.300 Soldaten abziehen. \
                    Der Minister Olaf Scholz sagte, die Truppen würden das Land verlassen. Das Gesetz gilt ab sofort.";
        let thread = thread_of(&[text]);
        let f = extract(&thread, &crate::Options::default());
        let names: Vec<&str> = f.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Berlin") && names.contains(&"Olaf Scholz"), "{names:?}");
        assert!(
            !names.iter().any(|n| ["Regierung", "Gesetz", "Soldaten", "Truppen", "Das Gesetz"].contains(n)),
            "{names:?}"
        );
        check_spans(&thread, &f);
    }
}

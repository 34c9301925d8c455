//! The digest: what the thread asks, what was answered and how it ended, and what the replies say,
//! each line verbatim with the post it comes from.
//!
//! ```text
//! posts ─ own sentences ─┬─ opening  (first post: the sentences that carry its question or claim)
//!   (quotes, repeats,    ├─ answers  (page signals first: accepted, solved title, the asker's thanks
//!    filler dropped)     │            and follow-up, score, ranking, quoted-by, votes against; then content)
//!                        └─ replies  (long threads: the most central other replies, one sentence each)
//! ```
//!
//! A sentence is a post's "own" when the post does not quote it (its quotes, or text that appeared in an
//! earlier post: a passage quoted again in later posts counts once, where it was first written) and it
//! can stand in a summary (`sentences::is_summary_material`). Centrality is TF-IDF weighted word overlap
//! with the rest of the thread, so it works in every language without stopword lists.

mod agree;
mod answers;
mod asker;
mod notice;
mod opening;
mod replies;
mod signature;

use super::hash::{word_hash, FastMap as HashMap, FastSet as HashSet};
use super::PostText;
use crate::model::{Digest, KeyPost, Post, PostQuote};
use crate::thread::Thread;

/// Sentences shorter than this (in words) say too little to stand for a post.
const MIN_WORDS: usize = 4;
/// A reply's question shorter than this (in words) asks something back ("Are they for real?", "Any
/// ideas?") and says nothing of its own: it gives way to any other sentence of the post.
const MIN_QUESTION_WORDS: usize = 6;
/// Sentences longer than this are run-ons or unsplit blocks.
const MAX_WORDS: usize = 70;
/// Words shorter than this carry no topic (articles, pronouns in most languages).
const MIN_WORD_CHARS: usize = 3;
/// A post's later sentences lead a little less (the point usually comes first).
const ORDER_WEIGHT: f64 = 0.05;
/// A sentence that ends (not a heading, a cut line or a list item) reads better on its own.
const COMPLETE_BONUS: f64 = 0.3;
/// Longer sentences say more (log-scaled, so run-ons do not win).
const LENGTH_WEIGHT: f64 = 0.1;
/// Word overlap (Jaccard) above which two sentences of one post say the same.
const MAX_OVERLAP: f64 = 0.5;
/// Share of a sentence's words found in a longer one above which it only repeats it (a reply's subject
/// line, "1. Ten days is a long time", over "Ten days is a long time for a contingent...").
const MAX_CONTAINED: f64 = 0.8;
/// Word n-grams compared to tell a quoted passage inside a longer sentence.
const SHINGLE: usize = 4;
/// A sentence with at least this share of its word 4-grams in earlier posts quotes them.
const QUOTED_SHARE: f64 = 0.6;
/// A quote matches the text it came from on this many opening characters (boards reflow the rest).
const QUOTE_PREFIX_CHARS: usize = 40;
/// A quote is traced to the post holding most of its first this-many word 4-grams.
const QUOTE_GRAMS: usize = 8;
/// A sentence opening with this quotes (e-mail and Markdown quoting, "> rabid pedo hunters ...", left in
/// the text where the board shows no quote box): quoted text is not the post's own.
const QUOTE_MARK: char = '>';
/// A topic word (see [`Context::topic`]) has at least this many letters: the short words of every
/// language ("this", "that", "avec", "dass") are grammar, not topic.
const TOPIC_WORD_CHARS: usize = 5;

/// A sentence up to this many words that ends in a pointer word the post links ("You can download the
/// release <a>here</a>.", "Created new bug report for NAT issue <a>here</a>") only points at the link:
/// what it points to is not in it.
const POINTER_MAX_WORDS: usize = 8;
/// Link texts that point ("here", "hier"), in the languages the boards use (lowercase; "qui" is left
/// out: in French it is "who").
const POINTERS: &[&str] = &["here", "hier", "ici", "aquí", "aqui", "this", "diesen", "ceci"];
/// A yes or a no written as a sentence of its own, in the languages the boards use: the verdict of the
/// sentence after it, with which it stands in a digest line.
const BARE_VERDICTS: &[&str] =
    &["yes", "no", "nope", "yep", "yeah", "ja", "nein", "jein", "oui", "non", "sí", "si", "sim", "não", "nao"];
/// A sentence with more than this share of its bytes in machine-written stretches (log lines, commands,
/// configuration: `machine::machine_spans`) is the machine's, not a line a reader needs: on a help
/// thread full of pastes the short reply that fixes it is.
const MACHINE_SHARE: f64 = 0.5;

/// Openings that start like thanks but give a cause ("Thanks to the new driver it boots"), lowercase.
const THANKS_CAUSAL: &[&str] =
    &["thanks to ", "dank der ", "dank dem ", "dank des ", "grâce", "gracias a ", "graças a ", "grazie a "];

/// Builds the digest of a thread from its posts and their sentences.
pub fn build(thread: &Thread, posts: &[PostText]) -> Digest {
    if thread.posts.is_empty() || posts.is_empty() {
        return Digest::default();
    }
    let ctx = Context::new(thread, posts);
    let opening = opening::choose(&ctx);
    let answers = answers::choose(&ctx);
    let taken: Vec<usize> = answers.iter().map(|k| k.post).collect();
    let replies = replies::choose(&ctx, &taken);
    Digest { opening, answers, replies }
}

/// A sentence a digest line may use.
pub(crate) struct Candidate<'a> {
    /// Its place among the post's candidates.
    pub order: usize,
    pub text: &'a str,
    /// Hashes of its words (lowercased, at least `MIN_WORD_CHARS` long).
    pub words: HashSet<u64>,
}

/// What every part of the digest reads: the thread, each post's own sentences, word weights, and who
/// quotes whom.
pub(crate) struct Context<'a> {
    pub thread: &'a Thread,
    /// Own sentences, by post.
    pub by_post: Vec<Vec<Candidate<'a>>>,
    /// Weight of each word: shared by several sentences but not by most (see [`Context::centrality`]).
    pub weight: HashMap<u64, f64>,
    /// Words of the first post, for how much a reply takes up its question.
    pub opening_words: HashSet<u64>,
    /// For each post, how many later posts quote it.
    pub quoted_by: Vec<usize>,
    /// For each post, how many replies right after it open by agreeing with it (`agree`).
    pub agreed_by: Vec<usize>,
    /// The first post's author: the asker.
    pub asker: Option<&'a str>,
    /// The thread's topic words: words of the title and the first post (acronyms, and words of
    /// `TOPIC_WORD_CHARS` letters or more). A reply line shown for its content alone names one or a
    /// specific thing ("No thing to say about this." and a spam line name neither).
    pub topic: HashSet<u64>,
}

impl<'a> Context<'a> {
    fn new(thread: &'a Thread, posts: &'a [PostText<'a>]) -> Context<'a> {
        let mut seen: HashSet<u64> = HashSet::default();
        // Word 4-grams of every earlier post: a sentence made of them quotes an earlier post (inline, as
        // "''...''" or after a header the reader did not recognise as a quote).
        let mut earlier: HashSet<u64> = HashSet::default();
        let mut by_post: Vec<Vec<Candidate<'a>>> = Vec::with_capacity(posts.len());
        let asker = thread.posts.first().and_then(|p| p.author.as_deref());
        for p in posts {
            let post = thread.posts.get(p.index);
            // A moderator's notice ("Moved to the Appliances board.") says nothing a digest line could.
            let by_asker = asker.is_some() && post.and_then(|x| x.author.as_deref()) == asker;
            if p.index > 0 && !by_asker && notice::is_notice(p.text) {
                by_post.push(Vec::new());
                continue;
            }
            let quotes: Vec<&PostQuote> = post.map(|x| x.quotes.iter().collect()).unwrap_or_default();
            // The post's words, split and hashed once: each sentence's 4-grams and word set come from its
            // slice of them.
            let words = super::tokens::hashed_words(p.text);
            let list = if p.index == 0 {
                // The first post's quote of the article it posts is what the thread is about: its own. A
                // quote of another member ("R C-R said:", on a thread split from another or a later
                // page) is that member's, unless it is all the post says.
                let by_member: Vec<&PostQuote> = quotes.iter().copied().filter(|q| q.author.is_some()).collect();
                let mut fresh = seen.clone();
                match own_sentences(thread, p, &words, &by_member, &mut fresh, &earlier) {
                    list if list.is_empty() => own_sentences(thread, p, &words, &[], &mut seen, &earlier),
                    list => {
                        seen = fresh;
                        list
                    }
                }
            } else {
                own_sentences(thread, p, &words, &quotes, &mut seen, &earlier)
            };
            earlier.extend(grams_of(&words));
            by_post.push(list);
        }
        let mut df: HashMap<u64, usize> = HashMap::default();
        let mut n = 0usize;
        for c in by_post.iter().flatten() {
            n += 1;
            for w in &c.words {
                *df.entry(*w).or_insert(0) += 1;
            }
        }
        // ln(df) is 0 for a word one sentence alone uses; ln(N/df) is near 0 for words every sentence
        // uses (the stopwords of any language): the product favours the words the thread is about.
        let weight = df.into_iter().map(|(w, d)| (w, (d as f64).ln() * ((n as f64 + 1.0) / d as f64).ln())).collect();
        let opening_words = by_post.first().map(|l| l.iter().flat_map(|c| c.words.iter().copied()).collect());
        let topic = topic_words(thread, &by_post);
        Context {
            topic,
            thread,
            by_post,
            weight,
            opening_words: opening_words.unwrap_or_default(),
            quoted_by: quoted_by(&thread.posts),
            agreed_by: agree::agreed_by(&thread.posts),
            asker,
        }
    }

    /// How much of the thread's vocabulary the sentence carries, per word: the mean weight of its words
    /// (a cheap stand-in for a sentence's centrality in the word-overlap graph of the thread).
    pub fn centrality(&self, c: &Candidate) -> f64 {
        if c.words.is_empty() {
            return 0.0;
        }
        let sum: f64 = c.words.iter().map(|w| self.weight.get(w).copied().unwrap_or(0.0)).sum();
        (sum / c.words.len() as f64).ln_1p()
    }

    /// The sentence names one of the thread's topic words.
    pub fn names_topic(&self, c: &Candidate) -> bool {
        self.topic.is_empty() || c.words.iter().any(|w| self.topic.contains(w))
    }

    /// Share of the sentence's words found in the first post: a reply taking up the question.
    pub fn on_topic(&self, c: &Candidate) -> f64 {
        if c.words.is_empty() {
            return 0.0;
        }
        c.words.iter().filter(|w| self.opening_words.contains(w)).count() as f64 / c.words.len() as f64
    }

    /// The post's best sentences (most central first, at most `n`), in page order.
    pub fn best_sentences(&self, post: usize, n: usize) -> Vec<String> {
        let Some(list) = self.by_post.get(post) else { return Vec::new() };
        let score = |c: &Candidate| {
            let complete = ends_sentence(c.text);
            self.centrality(c) + self.on_topic(c) - ORDER_WEIGHT * c.order as f64
                + if complete { COMPLETE_BONUS } else { 0.0 }
                + LENGTH_WEIGHT * (c.words.len() as f64).ln_1p()
        };
        // A sentence the next one repeats in full (a reply's subject line above its text) gives way to it.
        let repeated = |k: usize| list.get(k + 1).is_some_and(|next| contained(&list[k].words, &next.words));
        // A thanks line ("Thank you Bear for sharing your process.") gives way to any other sentence.
        let others = list.iter().any(|c| !thanks_line(c.text));
        // A reply's short question ("Are they for real?") too; the first post's question is what it asks.
        let asks_back = |c: &Candidate| post > 0 && short_question(c.text);
        let statements = list.iter().any(|c| !asks_back(c));
        let mut scored: Vec<(f64, &Candidate)> = list
            .iter()
            .enumerate()
            .filter(|(k, c)| !(repeated(*k) || (others && thanks_line(c.text)) || (statements && asks_back(c))))
            .map(|(_, c)| (score(c), c))
            .collect();
        crate::sort::sort_by(&mut scored, |a, b| b.0.total_cmp(&a.0));
        let mut chosen: Vec<&Candidate> = Vec::new();
        for (_, c) in scored {
            if chosen.len() < n && !chosen.iter().any(|k| repeats(&k.words, &c.words)) {
                chosen.push(c);
            }
        }
        crate::sort::sort_by_key(&mut chosen, |c| c.order);
        chosen.iter().map(|c| c.text.to_string()).collect()
    }

    /// The digest line for a post.
    pub fn key_post(&self, post: usize, label: &str, signal: &str, sentences: Vec<String>) -> KeyPost {
        let p = &self.thread.posts[post];
        KeyPost {
            label: label.to_string(),
            signal: signal.to_string(),
            post,
            author: p.author.clone(),
            score: p.score,
            quoted_by: self.quoted_by.get(post).copied().unwrap_or(0),
            sentences,
            anchor: p.anchor.clone(),
            permalink: p.permalink.clone(),
        }
    }

    pub fn posts(&self) -> &'a [Post] {
        &self.thread.posts
    }

    /// The post is by the asker (and is not the first post).
    pub fn by_asker(&self, post: usize) -> bool {
        post > 0 && self.asker.is_some() && self.posts().get(post).and_then(|p| p.author.as_deref()) == self.asker
    }
}

/// A post's own sentences, in order: those it does not quote (`quotes`, or text of earlier posts:
/// `earlier` holds their word 4-grams) that can stand in a digest line. `seen` holds the hashes of the
/// sentences met so far, so a sentence repeated later in the thread counts once.
fn own_sentences<'a>(
    thread: &Thread,
    p: &'a PostText<'a>,
    words: &[super::tokens::Word],
    quotes: &[&PostQuote],
    seen: &mut HashSet<u64>,
    earlier: &HashSet<u64>,
) -> Vec<Candidate<'a>> {
    let code = code_lines(thread.posts.get(p.index).map_or("", |x| x.markdown.as_str()));
    let signed = signature::start(p.text, thread.posts.get(p.index).and_then(|x| x.author.as_deref()));
    // A line that is all a link's text is the cited page's title (a link preview's heading, a bare
    // "Citric acid descaling guide" link), not the poster's words.
    let links = thread.posts.get(p.index).map_or(&[][..], |x| &x.links[..]);
    let titles: HashSet<u64> = links.iter().map(|l| word_hash(l.text.trim())).collect();
    let pointed = links.iter().any(|l| pointer(&l.text));
    let mut list = Vec::new();
    let mut next_span = 0;
    // Sentences before this index were joined to an earlier one ("No." and the sentence after it).
    let mut after = 0;
    for i in 0..p.sentences.len() {
        if i < after {
            continue;
        }
        let (start, end, last) = joined_span(p, i);
        after = last + 1;
        let text = &p.text[start..end];
        let key = word_hash(text);
        // Seen in an earlier post (or earlier in this one): a quote or a repeat.
        if !seen.insert(key) || titles.contains(&key) {
            continue;
        }
        // Words hold a letter or digit: a lone ":" or a zero-width space ("Squad after : \u{200b}") is none
        // (counted in one pass over the characters, not split then scanned word by word).
        let count = crate::text::word_count(text);
        if !(MIN_WORDS..=MAX_WORDS).contains(&count)
            || announces(text)
            || (pointed && count <= POINTER_MAX_WORDS && text.split_whitespace().next_back().is_some_and(pointer))
            || !p.is_material(last)
            || quotes.iter().any(|q| quotes_part_of(&q.text, text))
            || code.iter().any(|l| l.contains(text) || (text.contains(l) && 2 * l.len() >= text.len()))
            || super::tokens::is_url_line(text)
            || text.starts_with(QUOTE_MARK)
            || p.shouting(start)
            || start >= signed
            || machine_share(&p.machine, &mut next_span, start, end) > MACHINE_SHARE
        {
            continue;
        }
        let own = super::tokens::words_in(words, start, end);
        let grams = own.map_or_else(|| shingles(text), grams_of);
        let old = grams.iter().filter(|g| earlier.contains(g)).count();
        if !grams.is_empty() && old as f64 >= QUOTED_SHARE * grams.len() as f64 {
            continue;
        }
        let set = own.map_or_else(|| words_of(text), |own| long_words(p.text, own));
        list.push(Candidate { order: list.len(), text, words: set });
    }
    list
}

/// Sentence `i`'s byte span, and the index of its last sentence: a bare yes or no ("No. How could they
/// be at that price?") is joined to the sentence after it in its paragraph, as it is that sentence's
/// verdict and too short to stand alone.
fn joined_span(p: &PostText, i: usize) -> (usize, usize, usize) {
    let Some(s) = p.sentences.get(i) else { return (0, 0, i) };
    let bare = p.sentence(i).trim_end_matches(['.', '!', ',']);
    let verdict = BARE_VERDICTS.iter().any(|v| bare.eq_ignore_ascii_case(v));
    match p.sentences.get(i + 1) {
        Some(n) if verdict && n.paragraph == s.paragraph => (s.start, n.end, i + 1),
        _ => (s.start, s.end, i),
    }
}

/// The text ends as a sentence does: a stop, "!", "?" or "…", before any closing quotes or brackets (not a
/// heading, a cut line or a list item's label).
pub(super) fn ends_sentence(text: &str) -> bool {
    text.trim_end().trim_end_matches(['"', '”', '’', ')']).ends_with(['.', '!', '?', '…'])
}

/// A word (a link's text, a sentence's last word) that points: "here", "here.", "Hier!".
fn pointer(word: &str) -> bool {
    let w = word.trim().trim_end_matches(['.', '!', ':', ')']);
    POINTERS.iter().any(|p| w.eq_ignore_ascii_case(p))
}

/// A line ending in a colon announces what follows ("Players 24 or under:", "Here is my setup:"): alone, it
/// says nothing a digest line could.
fn announces(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{200b}');
    // An emoji's short code (":roll:", ":thumbs_up:") ends a sentence with a colon too: it announces nothing.
    let shortcode = t.strip_suffix(':').and_then(|r| r.rsplit_once(':')).is_some_and(|(_, code)| {
        !code.is_empty() && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    });
    t.ends_with([':', '：']) && !shortcode
}

/// A question of fewer than [`MIN_QUESTION_WORDS`] words.
fn short_question(text: &str) -> bool {
    text.trim_end().ends_with('?') && text.split_whitespace().count() < MIN_QUESTION_WORDS
}

/// The sentence opens by thanking ([`asker::THANKS`]; "Thanks to the new driver ..." gives a cause, not
/// thanks).
fn thanks_line(text: &str) -> bool {
    let l = text.trim_start().to_lowercase();
    asker::THANKS.iter().any(|t| l.starts_with(t) && asker::mentions(&l, t))
        && !THANKS_CAUSAL.iter().any(|t| l.starts_with(t))
}

/// Share of the bytes `start..end` inside `spans` (sorted, not overlapping). Sentences come in order:
/// `next` skips the spans that end before them, so a post is read once however many lines it pastes.
fn machine_share(spans: &[(usize, usize)], next: &mut usize, start: usize, end: usize) -> f64 {
    while spans.get(*next).is_some_and(|s| s.1 <= start) {
        *next += 1;
    }
    let inside: usize = spans[(*next).min(spans.len())..]
        .iter()
        .take_while(|s| s.0 < end)
        .map(|s| s.1.min(end).saturating_sub(s.0.max(start)))
        .sum();
    inside as f64 / end.saturating_sub(start).max(1) as f64
}

/// Two sentences of one post say the same: they share most words, or one's words are nearly all in the
/// other.
fn repeats(a: &HashSet<u64>, b: &HashSet<u64>) -> bool {
    jaccard(a, b) > MAX_OVERLAP || contained(a, b) || contained(b, a)
}

/// Nearly all of `a`'s words are in the longer `b`.
fn contained(a: &HashSet<u64>, b: &HashSet<u64>) -> bool {
    !a.is_empty() && a.len() < b.len() && a.intersection(b).count() as f64 >= MAX_CONTAINED * a.len() as f64
}

/// Word overlap of two sentences.
pub(crate) fn jaccard(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
    a.intersection(b).count() as f64 / a.union(b).count().max(1) as f64
}

/// The thread's topic words (see [`Context::topic`]): acronyms and long words of the title and of the
/// first post's own sentences.
fn topic_words(thread: &Thread, by_post: &[Vec<Candidate>]) -> HashSet<u64> {
    let long = |text: &str| -> Vec<u64> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| (w.chars().count() >= TOPIC_WORD_CHARS || is_acronym(w)) && w.len() < 40)
            .map(word_hash)
            .collect()
    };
    let mut topic: HashSet<u64> = long(&thread.title).into_iter().collect();
    for c in by_post.first().into_iter().flatten() {
        topic.extend(long(c.text));
    }
    topic
}

/// An acronym names a topic however short it is ("WPW", "NAT"): two or more letters, none lowercase.
pub(crate) fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// Lowercased words of at least `MIN_WORD_CHARS` characters, hashed.
fn words_of(text: &str) -> HashSet<u64> {
    long_words(text, &super::tokens::hashed_words(text))
}

/// [`words_of`] for words already split and hashed (`words` are words of `text`).
fn long_words(text: &str, words: &[super::tokens::Word]) -> HashSet<u64> {
    words
        .iter()
        .filter(|w| {
            let w = &text[w.start..w.end];
            w.len() < 40 && w.chars().count() >= MIN_WORD_CHARS
        })
        .map(|w| w.hash)
        .collect()
}

/// The lines of a post's code blocks (between Markdown fences): a sentence inside one, or mostly made of
/// one, is code (a sentence that names a short snippet, "the use of except: pass", is not).
fn code_lines(markdown: &str) -> Vec<&str> {
    let mut inside = false;
    let mut out = Vec::new();
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            inside = !inside;
        } else if inside && line.trim().chars().count() > 3 {
            out.push(line.trim());
        }
    }
    out
}

/// Hashes of a text's word 4-grams (lowercased words).
fn shingles(text: &str) -> Vec<u64> {
    grams_of(&super::tokens::hashed_words(text))
}

/// [`shingles`] of words already split and hashed.
fn grams_of(words: &[super::tokens::Word]) -> Vec<u64> {
    words
        .windows(SHINGLE)
        .map(|w| w.iter().fold(0u64, |h, x| h.rotate_left(13) ^ x.hash.wrapping_mul(0x9E37_79B9_7F4A_7C15)))
        .collect()
}

/// The sentence is (or holds) text the post quotes from another: compared on the quote's opening words,
/// as boards glue quote headers to the quoted text.
pub(crate) fn quotes_part_of(quote: &str, sentence: &str) -> bool {
    let quote = quote.trim();
    if quote.is_empty() {
        return false;
    }
    if quote.contains(sentence) {
        return true;
    }
    let mut cut = quote.len().min(QUOTE_PREFIX_CHARS);
    while !quote.is_char_boundary(cut) {
        cut -= 1;
    }
    cut >= 20 && sentence.contains(&quote[..cut])
}

/// For each post, how many later posts quote it (each quoting post once): the earliest post holding the
/// quote's opening words (a word 4-gram index built in the same pass, so the time stays linear in the
/// thread), else the quote's author's latest earlier post.
fn quoted_by(posts: &[Post]) -> Vec<usize> {
    let mut counts = vec![0usize; posts.len()];
    let mut first_with: HashMap<u64, usize> = HashMap::default();
    let mut last_by: HashMap<&str, usize> = HashMap::default();
    // The 4-gram index is only read for quotes: the posts after the last one that quotes need no entries.
    let last_quoting = posts.iter().rposition(|p| !p.quotes.is_empty()).unwrap_or(0);
    for (i, p) in posts.iter().enumerate() {
        let mut quoted: Vec<usize> = p
            .quotes
            .iter()
            .filter_map(|q| {
                // The post holding most of the quote's opening 4-grams (ties: the earliest).
                let mut votes: Vec<usize> =
                    shingles(&q.text).iter().take(QUOTE_GRAMS).filter_map(|g| first_with.get(g).copied()).collect();
                crate::sort::sort(&mut votes);
                let by_text = votes
                    .chunk_by(|a, b| a == b)
                    .max_by_key(|run| (run.len(), std::cmp::Reverse(run[0])))
                    .map(|run| run[0]);
                by_text.or_else(|| last_by.get(q.author.as_deref()?).copied())
            })
            .collect();
        crate::sort::sort(&mut quoted);
        quoted.dedup();
        for k in quoted {
            counts[k] += 1;
        }
        if i < last_quoting {
            for g in shingles(&p.text) {
                first_with.entry(g).or_insert(i);
            }
        }
        if let Some(a) = p.author.as_deref() {
            last_by.insert(a, i);
        }
    }
    counts
}

#[cfg(test)]
mod tests;

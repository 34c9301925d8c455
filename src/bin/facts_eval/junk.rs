//! Junk facts: what a reader would strike off the card at a glance, counted by rules that do not
//! depend on the labels (so every fact counts, not only those the labels list) nor on the fact stage's
//! own code (so the stage cannot mark its homework).
//!
//! Kinds of junk, each a rule below:
//! - **furniture**: a number the board prints about a post or a member ("12 points", "3 replies",
//!   "Downloaded 458 times", "#12"), or a post's own time ("16 minutes ago") among the dates;
//! - **bare number**: a number with nothing it counts (no words, no unit);
//! - **UI word**: an entity or work named like a button or a menu item ("Reply", "Quote", "Login");
//! - **initial capital**: a one-word entity no gazetteer knows, written capitalised only where a
//!   sentence starts ("Fifty", "Honestly");
//! - **common word**: a one-word entity the thread also writes in lowercase ("nice", "park") and
//!   never capitalises mid-sentence: "Nice!" opening a post is no city;
//! - **participant**: a user name (a board's quote header, "Tachycardia said:") listed as an entity;
//! - **duration as date**: "6 minutes", "almost 6 decades" among the dates;
//! - **quote without speaker**: a quotation nobody is said to have said;
//! - **sentence as source title**: a source titled with a sentence of the post (ends with a full stop,
//!   and is not the link's own text).

use threadcard::facts::gazetteer::GAZETTEER;
use threadcard::facts::numbers::{number_at, TIME_UNITS};
use threadcard::facts::tokens::tokenize;
use threadcard::thread::Thread;
use threadcard::Facts;

/// Words for what a board counts about posts and members. A number counting one of these (its first
/// word) is furniture.
pub const FURNITURE_WORDS: &[&str] = &[
    "point",
    "points",
    "pts",
    "reply",
    "replies",
    "view",
    "views",
    "like",
    "likes",
    "post",
    "posts",
    "rank",
    "joined",
    "message",
    "messages",
    "reaction",
    "reactions",
    "vote",
    "votes",
    "comment",
    "comments",
    "member",
    "members",
    "guest",
    "guests",
    "karma",
    "reputation",
    "rep",
    "kudos",
    "upvote",
    "upvotes",
    "downvotes",
    "thanks",
    "answers",
    "answer",
    "users",
    "user",
    "followers",
    "subscribers",
];

/// Verbs a board writes before a count of times: "Downloaded 458 times", "Viewed 12 times". ("30 times
/// per share" in a post is a ratio, not furniture.)
pub const COUNTER_VERBS: &[&str] = &["downloaded", "viewed", "liked", "thanked", "edited", "quoted", "shared", "read"];

/// Names of buttons, menus and board labels: never an entity or a work.
pub const UI_WORDS: &[&str] = &[
    "reply",
    "quote",
    "share",
    "report",
    "like",
    "login",
    "log in",
    "register",
    "sign up",
    "posted",
    "joined",
    "click",
    "expand",
    "menu",
    "home",
    "forum",
    "forums",
    "thread",
    "post",
    "edit",
    "edited",
    "permalink",
    "top",
    "search",
    "members",
    "quick reply",
    "click to expand",
    "view original",
    "reactions",
    "unread",
    "subscribe",
];

/// Junk facts of one thread, by kind.
#[derive(Default, Clone, Copy)]
pub struct Junk {
    pub furniture: usize,
    pub bare_number: usize,
    pub ui_word: usize,
    pub initial_capital: usize,
    pub common_word: usize,
    pub participant: usize,
    pub duration_as_date: usize,
    pub quote_without_speaker: usize,
    pub sentence_title: usize,
}

impl Junk {
    pub fn total(&self) -> usize {
        self.furniture
            + self.bare_number
            + self.ui_word
            + self.initial_capital
            + self.common_word
            + self.participant
            + self.duration_as_date
            + self.quote_without_speaker
            + self.sentence_title
    }

    pub fn add(&mut self, o: Junk) {
        self.furniture += o.furniture;
        self.bare_number += o.bare_number;
        self.ui_word += o.ui_word;
        self.initial_capital += o.initial_capital;
        self.common_word += o.common_word;
        self.participant += o.participant;
        self.duration_as_date += o.duration_as_date;
        self.quote_without_speaker += o.quote_without_speaker;
        self.sentence_title += o.sentence_title;
    }

    /// One line: the total and its parts.
    pub fn line(&self) -> String {
        format!(
            "{} (furniture {}, bare numbers {}, UI words {}, initial capitals {}, common words {}, participants {}, \
             durations as dates {}, quotes without speaker {}, sentences as source titles {})",
            self.total(),
            self.furniture,
            self.bare_number,
            self.ui_word,
            self.initial_capital,
            self.common_word,
            self.participant,
            self.duration_as_date,
            self.quote_without_speaker,
            self.sentence_title
        )
    }
}

/// Counts the junk among a thread's facts; `verbose` prints each piece.
pub fn count(f: &Facts, thread: &Thread, verbose: bool) -> Junk {
    let mut j = Junk::default();
    let texts: Vec<&str> = thread.posts.iter().map(|p| p.text.as_str()).collect();
    let note = |kind: &str, what: &str| {
        if verbose {
            println!("    junk          {kind}: {what}");
        }
    };
    for q in &f.quantities {
        let first = q.what.split_whitespace().next().unwrap_or("").to_lowercase();
        // A hedged count ("more than 39.4 million views") is somebody's claim; a board's counter is exact.
        let counter = FURNITURE_WORDS.contains(&first.as_str()) && q.qualifier.is_none();
        let times = (first == "time" || first == "times") && counted_by_board(&q.text, &texts);
        if counter || times || q.text.trim_start().starts_with('#') {
            j.furniture += 1;
            note("furniture", &q.text);
        } else if q.what.trim().is_empty() && q.unit.is_none() {
            j.bare_number += 1;
            note("bare number", &q.text);
        }
    }
    for e in &f.entities {
        let name = e.name.to_lowercase();
        if UI_WORDS.contains(&name.as_str()) {
            j.ui_word += 1;
            note("UI word", &e.name);
        } else if is_participant(&e.name, &texts) {
            j.participant += 1;
            note("participant", &e.name);
        } else if only_sentence_initial(&e.name, &texts) {
            j.initial_capital += 1;
            note("initial capital", &e.name);
        } else if common_word(&e.name, &texts) {
            j.common_word += 1;
            note("common word", &e.name);
        }
    }
    for w in &f.works {
        if UI_WORDS.contains(&w.name.to_lowercase().as_str()) {
            j.ui_word += 1;
            note("UI word (work)", &w.name);
        }
    }
    for d in &f.dates {
        if is_board_time(&d.text) {
            j.furniture += 1;
            note("furniture (a post's time)", &d.text);
        } else if is_duration(&d.text) {
            j.duration_as_date += 1;
            note("duration as date", &d.text);
        }
    }
    for q in &f.quotes {
        if q.speaker.as_deref().is_none_or(|s| s.trim().is_empty()) {
            j.quote_without_speaker += 1;
            note("quote without speaker", &q.text);
        }
    }
    for s in &f.sources {
        let Some(title) = s.title.as_deref() else { continue };
        let link_text = thread.posts.iter().flat_map(|p| &p.links).any(|l| l.url == s.url && l.text.trim() == title);
        // A sentence of the post ("... as the paper says today."), or a piece of one: it opens in
        // lowercase or ends in a comma, as no headline does.
        let sentence = title.trim_end().ends_with('.') && title.split_whitespace().count() > 4;
        let piece = title.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_lowercase)
            || title.trim_end().ends_with([',', ';', ':']);
        if !link_text && (sentence || piece) {
            j.sentence_title += 1;
            note("sentence as source title", title);
        }
    }
    j
}

/// "Downloaded 458 times": a count of times right after a board's counter verb.
fn counted_by_board(quantity: &str, texts: &[&str]) -> bool {
    texts.iter().any(|t| {
        t.match_indices(quantity).any(|(at, _)| {
            let before = t[..at].trim_end().rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
            COUNTER_VERBS.contains(&before.as_str())
        })
    })
}

/// A name written before a board's quote header ("Tachycardia said: ↑", "Shadow Fox said:").
fn is_participant(name: &str, texts: &[&str]) -> bool {
    let header = format!("{name} said:");
    texts.iter().any(|t| t.contains(&header))
}

/// A one-word name the thread also writes in lowercase as a word, and never capitalises but where a
/// sentence starts.
fn common_word(name: &str, texts: &[&str]) -> bool {
    if name.contains(' ') || name.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    let lower = name.to_lowercase();
    let as_word = |t: &str, w: &str| {
        t.match_indices(w).any(|(at, _)| {
            let before = t[..at].chars().next_back();
            let after = t[at + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    };
    texts.iter().any(|t| as_word(t, &lower)) && initial_only(name, texts)
}

/// A one-word name no gazetteer knows, and every capitalised occurrence of it in the thread is the
/// first word of a sentence (or of a line).
fn only_sentence_initial(name: &str, texts: &[&str]) -> bool {
    let g = &*GAZETTEER;
    if name.contains(' ') || g.lookup(name).is_some() || name.chars().filter(|c| c.is_uppercase()).count() > 1 {
        return false;
    }
    initial_only(name, texts)
}

/// Every capitalised occurrence of the word `name` in the thread opens a sentence or a line.
fn initial_only(name: &str, texts: &[&str]) -> bool {
    let g = &*GAZETTEER;
    let mut seen = false;
    for text in texts {
        let mut from = 0;
        while let Some(at) = text[from..].find(name).map(|i| i + from) {
            from = at + name.len();
            let before = text[..at].chars().next_back();
            let after = text[from..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
                continue; // inside another word
            }
            seen = true;
            let lead = text[..at].trim_end_matches([' ', '"', '“', '\'', '(', '*', '[']);
            // "Dr. Mengele": a title's dot is no sentence end.
            let titled =
                lead.strip_suffix('.').and_then(|l| l.rsplit([' ', '[', '(']).next()).is_some_and(|w| g.is_title(w));
            let initial = !titled && (lead.is_empty() || lead.ends_with(['.', '!', '?', '\n', ':', '…']));
            if !initial {
                return false;
            }
        }
    }
    seen
}

/// "16 minutes ago", "1 hour ago": the time a board prints beside a post.
fn is_board_time(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.ends_with(" ago")
        && ["second", "sec", "minute", "min", "hour", "hr"]
            .iter()
            .any(|u| lower.split_whitespace().any(|w| w.starts_with(u)))
}

/// A count of time units with nothing placing it in time: "6 minutes", "almost 6 decades", "nine-year"
/// (not "6 minutes ago", "in 6 minutes", "last week").
fn is_duration(text: &str) -> bool {
    let toks = tokenize(text);
    if toks.first().is_some_and(|t| t.is("in")) || toks.iter().any(|t| t.is("ago")) {
        return false;
    }
    (0..toks.len()).any(|i| {
        number_at(&toks, i).is_some_and(|n| {
            let unit = n.suffix.clone().or_else(|| toks.get(n.next).map(|t| t.text.to_lowercase()));
            unit.is_some_and(|u| TIME_UNITS.contains(&u.as_str()))
        })
    })
}

/// `"<set>.junk.max"` in `tests/facts-floors.json` is a ceiling: a set's junk count must not exceed it.
pub fn check_ceiling(floors: &serde_json::Value, set: &str, junk: &Junk) -> Option<String> {
    let key = format!("{set}.junk.max");
    let max = floors.get(&key).and_then(|m| m.as_u64())?;
    (junk.total() as u64 > max).then(|| format!("{key}: {} junk facts, above its ceiling {max}", junk.total()))
}

/// Junk over whole corpus pages, read by the full pipeline (thread reader included, so what a board
/// prints around its posts shows up here when it leaks into the facts): two halves, one to look at
/// while tuning and one held out. Pages of held-out labelled threads go to the held-out half, those of
/// tuned ones to the tuned half, the rest alternate in file order.
pub struct CorpusJunk {
    pub tuned: (usize, Junk),
    pub held_out: (usize, Junk),
}

pub fn corpus(corpus: &std::path::Path, labels: &[crate::labels::Label], verbose: bool) -> CorpusJunk {
    let mut pages: Vec<(String, String, Option<String>)> = Vec::new(); // (page, html, url)
    let harvest = corpus.join("harvest-web-forum-52/goldDocuments");
    for p in sorted(&harvest) {
        let Ok(doc) = std::fs::read_to_string(&p).map(|t| serde_json::from_str::<serde_json::Value>(&t)) else {
            continue;
        };
        let Ok(doc) = doc else { continue };
        let page = format!("harvest-web-forum-52/goldDocuments/{}", file_name(&p));
        let html = doc["html"].as_str().unwrap_or("").to_string();
        pages.push((page, html, doc["url"].as_str().map(str::to_string)));
    }
    let wcxb = corpus.join("wcxb-forum/dev");
    for p in sorted(&wcxb.join("html")) {
        let id = file_name(&p).trim_end_matches(".html.gz").to_string();
        let Some(html) = gunzip(&p) else { continue };
        let truth = std::fs::read_to_string(wcxb.join(format!("ground-truth/{id}.json"))).unwrap_or_default();
        let url =
            serde_json::from_str::<serde_json::Value>(&truth).ok().and_then(|v| v["url"].as_str().map(String::from));
        pages.push((format!("wcxb-forum/dev/ground-truth/{id}.json"), html, url));
    }
    let mut out = CorpusJunk { tuned: (0, Junk::default()), held_out: (0, Junk::default()) };
    let mut alternate = 0usize;
    for (page, html, url) in &pages {
        let held_out = match labels.iter().find(|l| l.page == *page) {
            Some(l) => l.set != "tuned",
            None => {
                alternate += 1;
                alternate.is_multiple_of(2)
            }
        };
        let Ok(s) = threadcard::summarize(html, url.as_deref(), &threadcard::Options::default()) else { continue };
        let thread = Thread { posts: s.posts.clone(), title: s.title.clone(), ..Thread::default() };
        if verbose && !held_out {
            println!("  corpus page {page}");
        }
        let j = count(&s.facts, &thread, verbose && !held_out);
        let half = if held_out { &mut out.held_out } else { &mut out.tuned };
        half.0 += 1;
        half.1.add(j);
    }
    out
}

fn sorted(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> =
        std::fs::read_dir(dir).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    v.sort();
    v
}

fn file_name(p: &std::path::Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn gunzip(p: &std::path::Path) -> Option<String> {
    use std::io::Read;
    let bytes = std::fs::read(p).ok()?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut out).ok()?;
    Some(String::from_utf8_lossy(&out).into_owned())
}

//! Where a score is lost, as figures: the pages of each part grouped by the reader that read them (the
//! `Summary::platform` that `threadcard --explain` names: an engine reader, "generic" or "article") and, for
//! harvest authors, by kind of error. Held-out pages are only ever summed here, never listed.

use crate::harvest::Tally;
use crate::metrics::{bag, bag_f1, overlap, prf};
use std::collections::BTreeMap;
use threadcard::Summary;

/// One figure of a row.
#[derive(Clone, Copy)]
pub enum Cell {
    Count(usize),
    Score(f64),
}

/// A row's figures on one part; `None` when the part has no pages in the row.
pub type Figures = Option<Vec<Cell>>;

/// A kind of author error: its name and how many posts of a thread it takes.
type Kind = (&'static str, fn(&Tally) -> usize);

/// A table of rows, each printed once per part (tuned, then held-out).
pub struct Breakdown {
    pub title: String,
    pub columns: &'static [&'static str],
    /// (row name, figures on the tuned part, figures on the held-out part).
    pub rows: Vec<(String, Figures, Figures)>,
}

impl Breakdown {
    pub fn print(&self) {
        print!("\n{:<26} {:<8}", self.title, "part");
        self.columns.iter().for_each(|c| print!(" {c:>9}"));
        println!();
        for (name, tuned, held) in &self.rows {
            let mut first = true;
            for (part, cells) in [("tuned", tuned), ("held-out", held)] {
                let Some(cells) = cells else { continue };
                let shown = if first { name.as_str() } else { "" };
                first = false;
                print!("  {shown:<24} {part:<8}");
                for c in cells {
                    match c {
                        Cell::Count(n) => print!(" {n:>9}"),
                        Cell::Score(x) => print!(" {x:>9.3}"),
                    }
                }
                println!();
            }
        }
    }
}

/// Groups `(reader, held_out, value)` by reader, the readers with most pages first, then a row "all".
fn by_reader<T: Clone>(pages: &[(String, bool, T)]) -> Vec<(String, [Vec<T>; 2])> {
    let mut groups: BTreeMap<String, [Vec<T>; 2]> = BTreeMap::new();
    for (reader, held, v) in pages {
        groups.entry(reader.clone()).or_default()[*held as usize].push(v.clone());
    }
    let mut rows: Vec<_> = groups.into_iter().collect();
    rows.sort_by_key(|(_, parts)| std::cmp::Reverse(parts[0].len() + parts[1].len()));
    let all: [Vec<T>; 2] = [0, 1].map(|h| pages.iter().filter(|p| p.1 as usize == h).map(|p| p.2.clone()).collect());
    rows.push(("all".to_string(), all));
    rows
}

fn cells<T>(part: &[T], figures: impl Fn(&[T]) -> Vec<Cell>) -> Figures {
    (!part.is_empty()).then(|| figures(part))
}

fn sum(threads: &[Tally]) -> Tally {
    let mut total = Tally::default();
    threads.iter().for_each(|t| total.add(t));
    total
}

fn share(n: usize, of: usize) -> Cell {
    Cell::Score(n as f64 / of.max(1) as f64)
}

/// Gold posts whose author can be scored (the gold `user` names a person).
fn scored(t: &Tally) -> usize {
    t.posts - t.unusable
}

/// Harvest, per reader: pages, gold posts with a person as author, the author score, and the posts lost to
/// each kind of error.
pub fn harvest_readers(pages: &[(String, bool, Tally)]) -> Breakdown {
    let figures = |ts: &[Tally]| {
        let t = sum(ts);
        vec![
            Cell::Count(ts.len()),
            Cell::Count(scored(&t)),
            share(t.author, scored(&t)),
            Cell::Count(t.missing),
            Cell::Count(t.wrong),
            Cell::Count(t.label),
            Cell::Count(t.unaligned),
        ]
    };
    Breakdown {
        title: "harvest author by reader".into(),
        columns: &["pages", "posts", "author", "missing", "wrong", "label", "unaligned"],
        rows: by_reader(pages)
            .into_iter()
            .map(|(name, [t, h])| (name, cells(&t, figures), cells(&h, figures)))
            .collect(),
    }
}

/// Harvest, per kind of author error: the pages with at least one, the gold posts it takes, and the share
/// of the part's author score it costs (for the last row, gold posts left out of the score: their `user` is
/// an action link, see `harvest::is_action_link`).
pub fn harvest_errors(pages: &[(String, bool, Tally)]) -> Breakdown {
    let kinds: [Kind; 7] = [
        ("author missing", |t| t.missing),
        ("label taken as author", |t| t.label),
        ("wrong: another profile", |t| t.wrong_by[0]),
        ("wrong: no profile link", |t| t.wrong_by[1]),
        ("wrong: gold is a name", |t| t.wrong_by[2]),
        ("post not found", |t| t.unaligned),
        ("(gold user not a person)", |t| t.unusable),
    ];
    let part = |held: bool| pages.iter().filter(|p| p.1 == held).map(|p| p.2.clone()).collect::<Vec<_>>();
    let (tuned, held) = (part(false), part(true));
    let figures = |ts: &[Tally], kind: fn(&Tally) -> usize| {
        let posts = scored(&sum(ts));
        let n: usize = ts.iter().map(kind).sum();
        vec![Cell::Count(ts.iter().filter(|t| kind(t) > 0).count()), Cell::Count(n), share(n, posts)]
    };
    Breakdown {
        title: "harvest author errors".into(),
        columns: &["pages", "posts", "share"],
        rows: kinds
            .iter()
            .map(|(name, kind)| {
                (name.to_string(), cells(&tuned, |ts| figures(ts, *kind)), cells(&held, |ts| figures(ts, *kind)))
            })
            .collect(),
    }
}

/// One WCXB page's figures: F1 of the thread text and of the posts' text alone, and the thread text's
/// precision (lost to boilerplate) and recall (lost to posts or text missed).
#[derive(Clone, Copy)]
pub struct Wcxb {
    pub f1: f64,
    pub f1_posts: f64,
    pub precision: f64,
    pub recall: f64,
}

/// WCXB, per reader: pages and the mean of each figure.
pub fn wcxb_readers(pages: &[(String, bool, Wcxb)]) -> Breakdown {
    let figures = |ws: &[Wcxb]| {
        let mean = |f: fn(&Wcxb) -> f64| Cell::Score(ws.iter().map(f).sum::<f64>() / ws.len().max(1) as f64);
        vec![Cell::Count(ws.len()), mean(|w| w.f1), mean(|w| w.f1_posts), mean(|w| w.precision), mean(|w| w.recall)]
    };
    Breakdown {
        title: "wcxb F1 by reader".into(),
        columns: &["pages", "f1", "f1_posts", "precision", "recall"],
        rows: by_reader(pages)
            .into_iter()
            .map(|(name, [t, h])| (name, cells(&t, figures), cells(&h, figures)))
            .collect(),
    }
}

/// The loss class of a page whose saved HTML does not hold the posts (see [`wcxb_class`]).
pub const POSTS_NOT_IN_HTML: &str = "posts not in the HTML";
/// Share of the gold text's words the page's own text must hold for the posts to be in the HTML at all.
const GOLD_IN_PAGE: f64 = 0.5;
/// Share of a run of posts' word pairs the gold may hold for the run to be posts the gold lacks.
const TAIL_IN_GOLD: f64 = 0.25;
/// Share of our words in trailing posts the gold lacks above which the gold holds only the first posts.
const GOLD_PREFIX_TAIL: f64 = 0.3;
/// F1 gained by leaving the posts' quotes out above which the gold is the posts without their quotes.
const QUOTES_GAIN: f64 = 0.05;
/// Below this precision a page's loss is boilerplate read as text.
const BOILERPLATE_PRECISION: f64 = 0.8;
/// Below this recall a page's loss is text or posts missed.
const MISSED_RECALL: f64 = 0.9;

/// Why a WCXB page loses F1, as one class, the first that holds:
/// - the saved HTML does not hold the posts (under [`GOLD_IN_PAGE`] of the gold words are in the page's
///   text: a JavaScript shell);
/// - the article reader read the page (the structural detector's reason is in the reader's name);
/// - the gold text holds only the thread's first posts (we read every post): trailing posts the gold lacks
///   hold over [`GOLD_PREFIX_TAIL`] of our words;
/// - the gold leaves quoted text out (we keep quotes in a post's text, as the page shows them): F1 without
///   the quotes is [`QUOTES_GAIN`] higher;
/// - boilerplate in the text; text or posts missed; or none of these ("fine").
///
/// With the class comes the page's F1 under the gold's convention that the class names (for figures only,
/// never a score): the first posts alone where the gold holds only those, the posts without their quotes
/// where it leaves quotes out; the page's own F1 otherwise.
pub fn wcxb_class(page: &str, s: &Summary, gold: &str, precision: f64, recall: f64) -> (&'static str, f64) {
    let f1 = prf(overlap(&bag(&thread_text(s, false, usize::MAX)), &bag(gold))).2;
    if prf(overlap(&bag(page), &bag(gold))).1 < GOLD_IN_PAGE {
        return (POSTS_NOT_IN_HTML, f1);
    }
    if s.platform == "article" {
        return ("article reader", f1);
    }
    let without_quotes = bag_f1(&thread_text(s, true, usize::MAX), gold);
    if let Some(head) = gold_holds_first_posts(s, gold) {
        ("gold: first posts only", bag_f1(&thread_text(s, false, head), gold))
    } else if without_quotes > f1 + QUOTES_GAIN {
        ("gold leaves quotes out", without_quotes)
    } else if precision < BOILERPLATE_PRECISION {
        ("boilerplate (P < 0.8)", f1)
    } else if recall < MISSED_RECALL {
        ("text missed (R < 0.9)", f1)
    } else {
        ("fine", f1)
    }
}

/// Whether the gold holds only the thread's first posts: the longest run of trailing posts, starting with a
/// post the gold lacks, of which the gold holds under [`TAIL_IN_GOLD`] of the word pairs has over [`GOLD_PREFIX_TAIL`] of our pairs, and the
/// gold holds most of the posts before it. `Some(n)`: the gold holds the first `n` posts.
fn gold_holds_first_posts(s: &Summary, gold: &str) -> Option<usize> {
    let gold_pairs: std::collections::HashSet<String> = pairs(gold).into_iter().collect();
    let counts: Vec<(usize, usize)> = s
        .posts
        .iter()
        .map(|p| {
            let mine = pairs(&p.text);
            (mine.iter().filter(|w| gold_pairs.contains(*w)).count(), mine.len())
        })
        .collect();
    let total: usize = counts.iter().map(|c| c.1).sum();
    let (mut held, mut all, mut tail, mut tail_held, mut first_of_tail) = (0, 0, 0, 0, counts.len());
    for (i, c) in counts.iter().enumerate().rev() {
        held += c.0;
        all += c.1;
        let starts_lacking = (c.0 as f64) < TAIL_IN_GOLD * c.1.max(1) as f64;
        if starts_lacking && (held as f64) < TAIL_IN_GOLD * all.max(1) as f64 {
            (tail, tail_held, first_of_tail) = (all, held, i);
        }
    }
    let (head, head_held) = (total - tail, counts.iter().map(|c| c.0).sum::<usize>() - tail_held);
    (tail as f64 > GOLD_PREFIX_TAIL * total.max(1) as f64 && head_held * 2 >= head && head > 0).then_some(first_of_tail)
}

/// The thread as `datasets::thread_text` writes it (title, then each post's author, time and text), with
/// each post's quotes cut out of its text when `without_quotes`, and only the first `posts` posts.
fn thread_text(s: &Summary, without_quotes: bool, posts: usize) -> String {
    let mut out = s.title.clone();
    for p in s.posts.iter().take(posts) {
        let mut text = p.text.clone();
        if without_quotes {
            for q in p.quotes.iter().filter(|q| !q.text.is_empty()) {
                text = text.replacen(&q.text, "", 1);
            }
        }
        for part in [p.author.clone(), p.published_text.clone(), Some(text)].into_iter().flatten() {
            out.push_str("\n\n");
            out.push_str(&part);
        }
    }
    out
}

/// WCXB, per class of loss ([`wcxb_class`]): pages and the mean of each figure.
pub fn wcxb_classes(pages: &[(String, bool, Wcxb)]) -> Breakdown {
    let mut b = wcxb_readers(pages);
    b.title = "wcxb F1 by class of loss".into();
    b
}

/// A text's pairs of consecutive lowercased words: single words are shared by any two English texts.
fn pairs(s: &str) -> Vec<String> {
    let words: Vec<String> = crate::metrics::tokens(s).iter().map(|t| t.to_lowercase()).collect();
    words.windows(2).map(|w| format!("{} {}", w[0], w[1])).collect()
}

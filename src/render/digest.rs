//! What the card, the Markdown export and the terminal card show of the dates and of the replies, as
//! plain pieces each renderer escapes and links in its own way. Built from the page's data only (the
//! dates as found, scores, quotes of other posts): no wording about what a reply says beyond its own
//! first sentence, verbatim.

use crate::i18n::{tf, tn, Msg};
use crate::model::{DateFact, Post, Summary};

/// Dates shown on the card: enough to see when things happen, not a list of every weekday named.
const MAX_DATES: usize = 6;
/// A reply's first sentence is cut here: the line is a pointer to the reply, not the reply.
const MAX_SENTENCE_CHARS: usize = 160;
/// A quote matches the post it came from on its opening characters (boards trim or reflow the rest).
const QUOTE_PREFIX_CHARS: usize = 40;

/// One date as the card shows it: the text as found and, for a date the text resolves, its ISO value.
#[derive(Debug, Clone, PartialEq)]
pub struct DateLine {
    pub text: String,
    /// The resolved date; `None` for durations and dates that could not be resolved.
    pub resolved: Option<String>,
    pub post: usize,
}

/// Whether a date fact's value is a period (`P10D`): a duration, not a point in time.
fn is_period(d: &DateFact) -> bool {
    d.value.as_deref().is_some_and(|v| v.starts_with('P'))
}

/// The dates to show, most useful first: resolved dates, then dates left unresolved, then durations;
/// page order within each group. The same text (ignoring case) shows once, at its first appearance.
pub fn dates(s: &Summary) -> Vec<DateLine> {
    let mut seen: Vec<String> = Vec::new();
    let mut unique: Vec<&DateFact> = Vec::new();
    for d in &s.facts.dates {
        let key = d.text.trim().to_lowercase();
        if key.is_empty() || seen.contains(&key) {
            continue;
        }
        seen.push(key);
        unique.push(d);
    }
    // "last week" inside "late last week", both 2022-W01: the longer text says it, once.
    let inner = |d: &DateFact| {
        unique.iter().any(|o| {
            o.value.is_some() && o.value == d.value && o.text.len() > d.text.len() && o.text.contains(d.text.trim())
        })
    };
    let mut unique: Vec<&DateFact> = unique.iter().copied().filter(|d| !inner(d)).collect();
    // A day ("2022-01-11") says most, then a week, month or year, then text left unresolved, then
    // durations.
    let rank = |d: &DateFact| match (&d.value, is_period(d)) {
        (Some(v), false) if v.len() == 10 => 0,
        (Some(_), false) => 1,
        (None, _) => 2,
        (Some(_), true) => 3,
    };
    // Stable: page order within a rank.
    crate::sort::sort_by_key(&mut unique, |d| rank(d));
    unique
        .into_iter()
        .take(MAX_DATES)
        .map(|d| DateLine {
            text: d.text.trim().to_string(),
            // A value the text already says ("2002") adds nothing.
            resolved: d.value.clone().filter(|v| !is_period(d) && v != d.text.trim()),
            post: d.post,
        })
        .collect()
}

/// The replies as the page shows them: how many, the top-scored one with its first sentence, the most
/// quoted post, and the replies voted down.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Replies {
    pub count: usize,
    /// The top-scored reply: post index, author, score, its first sentence of its own words.
    pub top: Option<(usize, Option<String>, i64, String)>,
    /// The post quoted by the most replies: post index, how many replies quote it.
    pub most_quoted: Option<(usize, usize)>,
    /// Replies with a negative score, and the lowest one (post index, score).
    pub down: usize,
    pub lowest: Option<(usize, i64)>,
}

/// The replies' line, for threads with replies; `None` for a single post, and `None` when the page gives
/// nothing to say beyond the count (no score, no quote, no vote down): a bare "Replies (N)" repeats the
/// thread line's count, so no renderer shows it.
pub fn replies(s: &Summary) -> Option<Replies> {
    let posts = &s.posts;
    if posts.len() < 2 {
        return None;
    }
    let replies = || posts.iter().enumerate().skip(1);
    // A post the digest already shows with its own sentences is pointed to, not quoted a second time.
    let digest = &s.facts.digest;
    let shown = |i: usize| digest.answers.iter().chain(&digest.replies).any(|k| k.post == i);
    let top = replies().filter_map(|(i, p)| p.score.filter(|&v| v > 0).map(|v| (v, std::cmp::Reverse(i)))).max().map(
        |(v, std::cmp::Reverse(i))| {
            let sentence = if shown(i) { String::new() } else { first_sentence(&posts[i]) };
            (i, posts[i].author.clone(), v, sentence)
        },
    );
    // For each reply, the posts it quotes (each once), then the post quoted by most replies.
    let mut counts = vec![0usize; posts.len()];
    for (i, p) in replies() {
        let mut quoted: Vec<usize> = p.quotes.iter().filter_map(|q| quoted_post(posts, i, q)).collect();
        crate::sort::sort(&mut quoted);
        quoted.dedup();
        for k in quoted {
            counts[k] += 1;
        }
    }
    let most_quoted = counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i)))
        .map(|(i, &n)| (i, n));
    let negative: Vec<(usize, i64)> =
        replies().filter_map(|(i, p)| p.score.filter(|&v| v < 0).map(|v| (i, v))).collect();
    let lowest = negative.iter().copied().min_by_key(|&(i, v)| (v, i));
    if top.is_none() && most_quoted.is_none() && lowest.is_none() {
        return None;
    }
    Some(Replies { count: posts.len() - 1, top, most_quoted, down: negative.len(), lowest })
}

/// The earlier post a quote in reply `reply` comes from: the one holding the quote's opening words,
/// else the latest earlier post by the quote's author.
fn quoted_post(posts: &[Post], reply: usize, q: &crate::model::PostQuote) -> Option<usize> {
    let text = q.text.trim();
    let prefix: String = text.chars().take(QUOTE_PREFIX_CHARS).collect();
    if !prefix.is_empty() {
        if let Some(k) = (0..reply).find(|&k| posts[k].text.contains(prefix.as_str())) {
            return Some(k);
        }
    }
    let author = q.author.as_deref()?;
    (0..reply).rev().find(|&k| posts[k].author.as_deref() == Some(author))
}

/// The line is the header a board puts above a quote ("crumbly:", "Ann said:", an avatar then "crumbly:"):
/// it ends with a colon and names the author of one of the post's quotes.
pub fn is_quote_header(line: &str, p: &Post) -> bool {
    let line = line.trim();
    line.ends_with(':')
        && p.quotes.iter().any(|q| q.author.as_deref().is_some_and(|a| !a.is_empty() && line.contains(a)))
}

/// The first sentence of a post's own words (lines it quotes from others, and their headers, skipped), verbatim,
/// cut at a word boundary when long.
pub fn first_sentence(p: &Post) -> String {
    // A line of quoted text, or the quote's header ("crumbly:", "Ann said:") boards put above it.
    let quoted = |line: &str| {
        is_quote_header(line, p)
            || p.quotes.iter().any(|q| {
                let text = q.text.trim();
                !text.is_empty() && (text.contains(line) || line.contains(text))
            })
    };
    let para = p.text.lines().map(str::trim).find(|line| !line.is_empty() && !quoted(line)).unwrap_or("");
    // The sentence ends at the first ". ", "! " or "? ".
    let end = para
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && para[i + c.len_utf8()..].starts_with(' '))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(para.len());
    let sentence = &para[..end];
    if sentence.chars().count() <= MAX_SENTENCE_CHARS {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(MAX_SENTENCE_CHARS).collect();
    let cut = cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut);
    format!("{cut}…")
}

/// A replies-line piece that names its own post at its end ("1 reply quotes post 1"): the words before
/// that name, so a renderer links those words instead of adding a second "post 1".
pub fn before_own_post(text: &str, post: usize) -> Option<&str> {
    text.strip_suffix(&tf(Msg::card_post_link, &[&(post + 1)])).map(str::trim_end)
}

/// The replies' line as plain text pieces with the post each refers to (for the renderers' links):
/// "Replies (3)", "top-scored by X (score 12): <sentence>", "2 replies quote post 1", "1 voted down".
pub fn replies_pieces(r: &Replies) -> Vec<(String, Option<usize>)> {
    let mut out = vec![(tf(Msg::card_replies_count, &[&r.count]), None)];
    if let Some((post, author, score, sentence)) = &r.top {
        let top = match author.as_deref() {
            Some(a) => tf(Msg::card_top_scored_by, &[&a, score]),
            None => tf(Msg::card_top_scored, &[score]),
        };
        let said = if sentence.is_empty() { String::new() } else { format!(": {sentence}") };
        out.push((format!("{top}{said}"), Some(*post)));
    }
    if let Some((post, n)) = r.most_quoted {
        out.push((tn(n, Msg::card_quote_post_one, Msg::card_quote_post_other, &[&(post + 1)]), Some(post)));
    }
    if let Some((post, score)) = r.lowest {
        out.push((tn(r.down, Msg::card_voted_down_one, Msg::card_voted_down_other, &[&score]), Some(post)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Facts, PostQuote};

    fn date(text: &str, value: Option<&str>, post: usize) -> DateFact {
        DateFact { text: text.into(), value: value.map(str::to_string), post }
    }

    #[test]
    fn dates_resolved_first_deduped_and_capped() {
        let mut found = vec![
            date("in two days", Some("P2D"), 0),
            date("Tuesday", Some("2022-01-11"), 0),
            date("tuesday", Some("2022-01-11"), 1),
            date("someday", None, 1),
            date("2002", Some("2002"), 0),
            date("last week", Some("2022-W01"), 0),
            date("late last week", Some("2022-W01"), 0),
        ];
        found.extend((0..10).map(|i| date(&format!("{i} weeks"), Some("P1W"), 1)));
        let s = Summary { facts: Facts { dates: found, ..Facts::default() }, ..Summary::default() };
        let shown = dates(&s);
        assert_eq!(shown.len(), MAX_DATES);
        let texts: Vec<&str> = shown.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts[..5], ["Tuesday", "2002", "late last week", "someday", "in two days"]);
        assert_eq!(shown[0].resolved.as_deref(), Some("2022-01-11"));
        assert_eq!(shown[1].resolved, None, "a year the text says is not repeated");
        assert_eq!(shown[4].resolved, None, "a period is not a date");
    }

    #[test]
    fn a_bare_count_is_no_replies_line() {
        let post = |text: &str, score: Option<i64>| Post { text: text.into(), score, ..Post::default() };
        let bare = Summary { posts: vec![post("Q?", None), post("A.", None), post("B.", None)], ..Summary::default() };
        assert_eq!(replies(&bare), None, "no score, quote or vote: nothing beyond the count");
        let o = crate::Options::default();
        let shown = [
            crate::render::card::fragment(&bare),
            crate::render::reader::page(&bare, &o),
            crate::render::markdown::document(&bare, &o),
            crate::render::terminal::card(&bare),
        ];
        for out in shown {
            assert!(!out.contains("Replies (2)") && !out.contains("tc-replies"), "{out}");
        }
        let scored = Summary { posts: vec![post("Q?", None), post("A.", Some(3))], ..Summary::default() };
        let r = replies(&scored).expect("a scored reply says something");
        assert_eq!(replies_pieces(&r).len(), 2);
    }

    #[test]
    fn first_sentence_skips_quoted_paragraph() {
        let p = Post {
            text: "Ann said: The kettle hums.\n\nIt does not. Mine is quiet! Odd.".into(),
            quotes: vec![PostQuote { author: Some("Ann".into()), text: "The kettle hums.".into() }],
            ..Post::default()
        };
        assert_eq!(first_sentence(&p), "It does not.");
        let header = Post {
            text: "crumbly:\n\nsmells odd. Is it dead?\n\nNot dead, just hungry. Feed it.".into(),
            quotes: vec![PostQuote { author: Some("crumbly".into()), text: "smells odd. Is it dead?".into() }],
            ..Post::default()
        };
        assert_eq!(first_sentence(&header), "Not dead, just hungry.");
        let long = Post { text: "word ".repeat(100), ..Post::default() };
        assert!(first_sentence(&long).ends_with('…') && first_sentence(&long).chars().count() <= 161);
    }
}

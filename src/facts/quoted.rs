//! Where a post's text quotes an earlier post, and when that post was written: "today" inside a quote is the
//! quoted post's day, not the day of the post that quotes it.

use crate::thread::Thread;

/// A stretch of a post's text that quotes someone: `text[start..end]`, with the time of the quoted post when
/// it is one of the thread's earlier posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted<'a> {
    pub start: usize,
    pub end: usize,
    pub published: Option<&'a str>,
}

/// Bytes of a quote's opening that must be found in an earlier post for it to be that post's words: enough
/// to tell one post from another, short enough to survive a board trimming the quote's end.
const QUOTE_PROBE: usize = 60;

/// Bytes of earlier posts the search for quotes' sources may read, per byte of the thread's text: every
/// quote searches the posts before it, which on a thread of many quotes would grow with the square of the
/// page. Past the budget a quote's source is unknown (its deictic dates are then not shown): time stays
/// linear in the page whatever it holds.
const SOURCE_SCAN_PER_BYTE: usize = 16;

/// How many more bytes of earlier posts the source search may read ([`SOURCE_SCAN_PER_BYTE`]).
pub struct ScanBudget(usize);

impl ScanBudget {
    pub fn for_thread(thread: &Thread) -> ScanBudget {
        ScanBudget(SOURCE_SCAN_PER_BYTE * thread.posts.iter().map(|p| p.text.len()).sum::<usize>())
    }

    /// Takes `n` bytes from the budget; false (and nothing taken) when fewer are left.
    fn take(&mut self, n: usize) -> bool {
        let ok = n <= self.0;
        if ok {
            self.0 -= n;
        }
        ok
    }
}

/// The quoted stretches of post `i` of `thread`, in text order.
pub fn quoted_spans<'a>(thread: &'a Thread, i: usize, budget: &mut ScanBudget) -> Vec<Quoted<'a>> {
    let Some(post) = thread.posts.get(i) else { return Vec::new() };
    let mut out = Vec::new();
    for q in &post.quotes {
        let Some(start) = post.text.find(q.text.as_str()) else { continue };
        let source = source_time(thread, i, &q.text, q.author.as_deref(), budget);
        let published =
            source.or_else(|| shared_excerpt(i, q.author.as_deref()).then_some(post.published.as_deref())?);
        out.push(Quoted { start, end: start + q.text.len(), published });
    }
    out.sort_by_key(|q| q.start);
    out
}

/// Quotes, before the one that starts last at a position, that may still hold it (a quote around quotes
/// starts before them): looked at without scanning a post's every quote for every word.
const MAX_ENCLOSING: usize = 8;

/// The quoted stretch of `quoted` (in text order, as [`quoted_spans`] gives it) that holds byte `pos`.
pub fn quoted_at<'q, 'a>(quoted: &'q [Quoted<'a>], pos: usize) -> Option<&'q Quoted<'a>> {
    let after = quoted.partition_point(|q| q.start <= pos);
    quoted[..after].iter().rev().take(MAX_ENCLOSING).find(|q| pos < q.end)
}

/// A quote of no one in the thread's opening post is the excerpt its poster shares with the link beside it
/// (a news story, a release note): the post is written when the excerpt is news, so the post's own time
/// places its "Tuesday". A quote in a reply that no earlier post holds may be of any time: it has none.
fn shared_excerpt(i: usize, author: Option<&str>) -> bool {
    i == 0 && author.is_none()
}

/// The time of the earlier post whose own text holds the quote's opening, the newest first (by the quote's
/// author when it names one): the post the quote was taken from.
fn source_time<'a>(
    thread: &'a Thread,
    i: usize,
    quote: &str,
    author: Option<&str>,
    budget: &mut ScanBudget,
) -> Option<&'a str> {
    let probe = opening(quote);
    if probe.is_empty() {
        return None;
    }
    let earlier = thread.posts.get(..i)?.iter().rev();
    let by =
        |p: &&crate::model::Post| author.is_none_or(|a| p.author.as_deref().is_some_and(|b| b.eq_ignore_ascii_case(a)));
    let mut holds = |p: &&crate::model::Post| budget.take(p.text.len()) && p.text.contains(probe);
    let found = earlier.clone().filter(by).find(&mut holds);
    // A quote's author may be spelled otherwise than the poster's name ("Bob said:" for "bob_1"): its words
    // decide then.
    found.or_else(|| earlier.clone().find(&mut holds))?.published.as_deref()
}

/// The quote's first line, cut to [`QUOTE_PROBE`] bytes at a character boundary.
fn opening(quote: &str) -> &str {
    let line = quote.trim().lines().next().unwrap_or("").trim();
    let mut cut = line.len().min(QUOTE_PROBE);
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    &line[..cut]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Post, PostQuote};

    fn post(author: &str, published: &str, text: &str) -> Post {
        Post { author: Some(author.into()), published: Some(published.into()), text: text.into(), ..Post::default() }
    }

    #[test]
    fn a_quote_takes_the_time_of_the_post_it_quotes() {
        let first = post("ann", "2022-07-12T10:00:00", "I fixed the kettle today, finally.");
        let mut second = post("bo", "2022-09-05T10:00:00", "ann said:\n\nI fixed the kettle today, finally.\n\nHow?");
        second.quotes =
            vec![PostQuote { author: Some("ann".into()), text: "I fixed the kettle today, finally.".into() }];
        let mut third = post("cy", "2022-09-06T10:00:00", "Someone wrote:\nThe pot was broken today.\nSo?");
        third.quotes = vec![PostQuote { author: None, text: "The pot was broken today.".into() }];
        let thread = Thread { posts: vec![first, second, third], ..Thread::default() };
        let budget = &mut ScanBudget::for_thread(&thread);
        let spans = quoted_spans(&thread, 1, budget);
        assert_eq!(spans.len(), 1);
        assert_eq!(&thread.posts[1].text[spans[0].start..spans[0].end], "I fixed the kettle today, finally.");
        assert_eq!(spans[0].published, Some("2022-07-12T10:00:00"));
        // A quote in a reply of words no earlier post holds has no time.
        assert_eq!(quoted_spans(&thread, 2, budget)[0].published, None);
        // With the scan budget spent, a quote's source is not searched: it has no time.
        assert_eq!(quoted_spans(&thread, 1, &mut ScanBudget(0))[0].published, None);
        assert_eq!(quoted_at(&spans, spans[0].start).map(|q| q.end), Some(spans[0].end));
        assert!(quoted_at(&spans, spans[0].end).is_none());
        // The opening post's excerpt of a story it links is as new as the post; a named quote there is not.
        let mut opening = post("ann", "2022-01-11T10:00:00", "The board met Tuesday.\n\nbo wrote: Old news today.");
        opening.quotes = vec![
            PostQuote { author: None, text: "The board met Tuesday.".into() },
            PostQuote { author: Some("bo".into()), text: "Old news today.".into() },
        ];
        let thread = Thread { posts: vec![opening], ..Thread::default() };
        let budget = &mut ScanBudget::for_thread(&thread);
        let times: Vec<Option<&str>> = quoted_spans(&thread, 0, budget).iter().map(|q| q.published).collect();
        assert_eq!(times, [Some("2022-01-11T10:00:00"), None]);
    }
}

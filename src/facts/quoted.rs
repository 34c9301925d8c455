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

/// The quoted stretches of post `i` of `thread`, in text order.
pub fn quoted_spans(thread: &Thread, i: usize) -> Vec<Quoted<'_>> {
    let Some(post) = thread.posts.get(i) else { return Vec::new() };
    let mut out = Vec::new();
    for q in &post.quotes {
        let Some(start) = post.text.find(q.text.as_str()) else { continue };
        let source = source_time(thread, i, &q.text, q.author.as_deref());
        let published =
            source.or_else(|| shared_excerpt(i, q.author.as_deref()).then_some(post.published.as_deref())?);
        out.push(Quoted { start, end: start + q.text.len(), published });
    }
    out.sort_by_key(|q| q.start);
    out
}

/// A quote of no one in the thread's opening post is the excerpt its poster shares with the link beside it
/// (a news story, a release note): the post is written when the excerpt is news, so the post's own time
/// places its "Tuesday". A quote in a reply that no earlier post holds may be of any time: it has none.
fn shared_excerpt(i: usize, author: Option<&str>) -> bool {
    i == 0 && author.is_none()
}

/// The time of the earlier post whose own text holds the quote's opening, the newest first (by the quote's
/// author when it names one): the post the quote was taken from.
fn source_time<'a>(thread: &'a Thread, i: usize, quote: &str, author: Option<&str>) -> Option<&'a str> {
    let probe = opening(quote);
    if probe.is_empty() {
        return None;
    }
    let earlier = thread.posts.get(..i)?.iter().rev();
    let by =
        |p: &&crate::model::Post| author.is_none_or(|a| p.author.as_deref().is_some_and(|b| b.eq_ignore_ascii_case(a)));
    let found = earlier.clone().filter(by).find(|p| p.text.contains(probe));
    // A quote's author may be spelled otherwise than the poster's name ("Bob said:" for "bob_1"): its words
    // decide then.
    found.or_else(|| earlier.clone().find(|p| p.text.contains(probe)))?.published.as_deref()
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
        let spans = quoted_spans(&thread, 1);
        assert_eq!(spans.len(), 1);
        assert_eq!(&thread.posts[1].text[spans[0].start..spans[0].end], "I fixed the kettle today, finally.");
        assert_eq!(spans[0].published, Some("2022-07-12T10:00:00"));
        // A quote in a reply of words no earlier post holds has no time.
        assert_eq!(quoted_spans(&thread, 2)[0].published, None);
        // The opening post's excerpt of a story it links is as new as the post; a named quote there is not.
        let mut opening = post("ann", "2022-01-11T10:00:00", "The board met Tuesday.\n\nbo wrote: Old news today.");
        opening.quotes = vec![
            PostQuote { author: None, text: "The board met Tuesday.".into() },
            PostQuote { author: Some("bo".into()), text: "Old news today.".into() },
        ];
        let thread = Thread { posts: vec![opening], ..Thread::default() };
        let times: Vec<Option<&str>> = quoted_spans(&thread, 0).iter().map(|q| q.published).collect();
        assert_eq!(times, [Some("2022-01-11T10:00:00"), None]);
    }
}

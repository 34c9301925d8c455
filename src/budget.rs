//! The work budget: how much of a page the pipeline reads, as Readability has `maxElemsToParse`.
//!
//! Every stage is linear (or n log n) in the page, but a linear stage on a 100 MB page of a million
//! elements still takes a long time and, in a browser tab, hundreds of megabytes. So before parsing, a
//! page past [`MAX_ELEMENTS`] start tags or [`MAX_PAGE_BYTES`] bytes is cut at the start of the first tag
//! over the budget: what comes before it is read as usual (the parser closes what the cut leaves open),
//! what comes after is not read at all, and the summary says so in one line of [`crate::Summary::notices`].
//! The card always comes; nothing is dropped without that line, in the reader's language (the caller sets it,
//! see [`crate::i18n`]).

use crate::i18n::{tf, Msg};
use std::borrow::Cow;

/// Most start tags read. A 1,000-post page of a heavy board (vBulletin, ~100 elements a post) has 100,000;
/// the generated 20 MB thread of the benchmarks 190,000. A million `<p>`s is a hostile or broken page.
pub const MAX_ELEMENTS: usize = 250_000;

/// Most bytes of HTML read. The largest real thread pages are a few megabytes; 32 MB keeps the peak memory
/// of a tab (about 10 times the page, see README "Limits") within a few hundred megabytes.
pub const MAX_PAGE_BYTES: usize = 32 * 1024 * 1024;

/// The part of `html` within the budget, and the notice saying what was left out (none when it all fits), in
/// the current language.
pub fn apply(html: &str) -> (Cow<'_, str>, Option<String>) {
    let (elements, by_count) = count_start_tags(html, MAX_ELEMENTS);
    let by_size = (html.len() > MAX_PAGE_BYTES).then(|| cut_at(html, MAX_PAGE_BYTES));
    let cut = match (by_count, by_size) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => match a.or(b) {
            Some(c) => c,
            None => return (Cow::Borrowed(html), None),
        },
    };
    let total = if by_count.is_some() { count_start_tags(html, usize::MAX).0 } else { elements };
    let read = count_start_tags(&html[..cut], usize::MAX).0;
    let notice = tf(Msg::card_budget_notice, &[&cut, &html.len(), &read, &total, &MAX_ELEMENTS, &MAX_PAGE_BYTES]);
    (Cow::Borrowed(&html[..cut]), Some(notice))
}

/// Number of start tags (`<` then a letter) in `html`, counting no further than `max`, and the byte
/// offset of the first start tag past `max`, if any.
fn count_start_tags(html: &str, max: usize) -> (usize, Option<usize>) {
    let b = html.as_bytes();
    let mut n = 0;
    for i in (0..b.len()).filter(|&i| b[i] == b'<') {
        if b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            if n == max {
                return (n, Some(i));
            }
            n += 1;
        }
    }
    (n, None)
}

/// The last character boundary at or before `limit`. A cut inside a tag or comment is harmless: the parser
/// drops a tag the input ends in.
fn cut_at(html: &str, limit: usize) -> usize {
    let mut at = limit.min(html.len());
    while !html.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_within_the_budget_is_read_whole() {
        let html = "<p>a</p>".repeat(1000);
        let (read, notice) = apply(&html);
        assert!(matches!(read, Cow::Borrowed(r) if r.len() == html.len()));
        assert_eq!(notice, None);
    }

    #[test]
    fn a_page_over_the_element_budget_is_cut_at_a_tag_and_says_so() {
        let html = format!("<body>{}</body>", "<p>word</p>".repeat(MAX_ELEMENTS + 10));
        let (read, notice) = apply(&html);
        assert!(read.len() < html.len() && read.ends_with("</p>"), "{}", &read[read.len() - 20..]);
        assert_eq!(count_start_tags(&read, usize::MAX).0, MAX_ELEMENTS);
        let notice = notice.expect("a notice");
        assert!(notice.contains(&format!("{MAX_ELEMENTS} of {} elements", MAX_ELEMENTS + 11)), "{notice}");
        let de = crate::i18n::with_lang(crate::i18n::Lang::from_tag("de"), || apply(&html).1).expect("a notice");
        assert!(de.starts_with("Seite zu groß") && de.contains(&format!("{} Elementen", MAX_ELEMENTS + 11)), "{de}");
    }

    #[test]
    fn a_page_over_the_byte_budget_keeps_its_first_bytes() {
        let html = format!("<body><p>{}</p><p>é tail</p></body>", "é".repeat(MAX_PAGE_BYTES / 2));
        let (read, notice) = apply(&html);
        assert!(read.len() <= MAX_PAGE_BYTES && notice.is_some());
        assert!(read.len() > MAX_PAGE_BYTES - 2 && read.ends_with('é'));
    }
}

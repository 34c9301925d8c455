//! Quote authors named outside the quote: engines whose quote box is only the quoted text, with the line
//! naming its author just before it (YaBB's `<a class="message">Bob wrote</a> on …:<br><div class="quote">`).
//! [`post::build`](super::super::post::build) looks for the author inside the quote; this finds the line
//! before it and names the quote the post already has.

use crate::css::{FindAll, Selector};
use crate::model::Post;
use crate::text;
use scraper::ElementRef;

/// How many elements before a quote its author line may sit (YaBB: the link, then a `<br>`).
const HEAD_REACH: usize = 3;

/// What follows or precedes the name in a quote's head line, in the engines' languages: cut so the author
/// is the name alone ("Bob wrote on Jan 3rd" → "Bob", "Quote from Bob" → "Bob").
const AFTER_NAME: &[&str] = &[" wrote", " Wrote", " schrieb", " a écrit", " ha scritto", " escribió", " on "];
const BEFORE_NAME: &[&str] =
    &["Quote from: ", "Quote from ", "Zitat von ", "Originally Posted By: ", "Originally Posted by "];

/// The name in a quote's head line, without the verb, date or "Quote from"; `None` when nothing is left
/// (a bare "Quote:").
pub fn name_in(head: &str) -> Option<String> {
    let s = text::squash(head);
    let s = BEFORE_NAME.iter().find_map(|p| s.strip_prefix(p)).unwrap_or(&s);
    let cut = AFTER_NAME.iter().filter_map(|m| s.find(m)).min().unwrap_or(s.len());
    let name = s[..cut].trim().trim_end_matches(':').trim();
    (!name.is_empty() && !name.eq_ignore_ascii_case("quote")).then(|| name.to_string())
}

/// The author line just before `quote`: the nearest of its previous [`HEAD_REACH`] element siblings that
/// matches `head`, as a name.
fn author_before(quote: ElementRef, head: &Selector) -> Option<String> {
    quote
        .prev_siblings()
        .filter_map(ElementRef::wrap)
        .take(HEAD_REACH)
        .find(|e| head.matches(e))
        .and_then(|e| name_in(&e.text().collect::<String>()))
}

/// Names the post's quotes that have no author yet from the line before each quote element in `body`
/// (outermost quotes, matched to the post's quotes by their text).
pub fn name_from_heads(post: &mut Post, body: ElementRef, quote: &Selector, head: &Selector) {
    for el in body.find_all(quote) {
        let nested = el.ancestors().take_while(|a| a.id() != body.id()).filter_map(ElementRef::wrap);
        if nested.clone().any(|a| quote.matches(&a)) {
            continue;
        }
        let Some(name) = author_before(el, head) else { continue };
        let own = compact(&el.text().collect::<String>());
        if let Some(q) = post.quotes.iter_mut().find(|q| q.author.is_none() && compact(&q.text) == own) {
            q.author = Some(name);
        }
    }
}

/// A text without its white space: the quote's text as the post holds it (with line breaks between blocks)
/// and as its element holds it (without) compare equal.
fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::name_in;

    #[test]
    fn head_lines_give_the_name_alone() {
        assert_eq!(name_in("Bob Smith wrote on Jan 3rd, 2010 at 9:12pm:").as_deref(), Some("Bob Smith"));
        assert_eq!(name_in("Quote from mika").as_deref(), Some("mika"));
        assert_eq!(name_in("Originally Posted By: tractorjim").as_deref(), Some("tractorjim"));
        assert_eq!(name_in("Quote:"), None);
    }
}

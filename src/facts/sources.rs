//! Cited sources: the external links of the posts, with the headline the page gives next to them and
//! the posts that cite them. The site's own links (same domain as the page, or as the posts' permalinks)
//! are navigation, not sources; addresses a post shows as an example (example.com, localhost, IPs, code,
//! "let's say you run www.x.com") are not cited ([`placeholders`](super::placeholders)), nor are pictures,
//! attachments, profiles, redirects and donation pages ([`uncited`](super::uncited)).

use crate::hash::{FastMap, FastSet};
use crate::model::{Link, Source};
use crate::thread::Thread;
use crate::url;
use std::collections::hash_map::Entry;

/// A headline is short; a paragraph longer than this is body text.
const MAX_HEADLINE_CHARS: usize = 220;
/// Share of the URL slug's words a paragraph must hold to be taken as the link's headline.
const MIN_SLUG_OVERLAP: f64 = 0.6;

/// Most link-to-paragraph comparisons spent looking for slug headlines in one post. Real posts need a few
/// thousand (50 links × 100 paragraphs: 5,000); a post of 100,000 links and as many paragraphs would need 10^10.
/// Past it, a link's headline is its own text or none: the source itself is kept.
const MAX_HEADLINE_COMPARISONS: usize = 250_000;

/// The sources of the thread, in order of first citation, one per URL.
pub fn extract(thread: &Thread, page_url: Option<&str>) -> Vec<Source> {
    let own = own_domain(thread, page_url);
    let mut out: Vec<Source> = Vec::new();
    // Normalised URL → index in `out`: one lookup per link instead of a scan of every source so far.
    let mut by_key: FastMap<String, usize> = FastMap::default();
    for (index, post) in thread.posts.iter().enumerate() {
        let mut headlines = Headlines::new(&post.text, &thread.title, post.title.as_deref());
        let mut examples = super::placeholders::Examples::new(&post.text, &post.markdown);
        let cited = external_links(&post.links, own.as_deref())
            .filter(|l| !super::uncited::link(l))
            .filter(|l| !examples.is_example(l));
        for link in cited {
            match by_key.entry(url_key(&link.url)) {
                Entry::Occupied(e) => {
                    let s = &mut out[*e.get()];
                    // Posts are visited in order, so the post is new unless it is the last one listed.
                    if s.posts.last() != Some(&index) {
                        s.posts.push(index);
                    }
                }
                Entry::Vacant(e) => {
                    e.insert(out.len());
                    let title = headlines.of(link);
                    out.push(Source { url: link.url.clone(), domain: link.domain.clone(), title, posts: vec![index] });
                }
            }
        }
    }
    out
}

/// The site's domain: the page URL's, else the one most permalinks point to.
pub fn own_domain(thread: &Thread, page_url: Option<&str>) -> Option<String> {
    if let Some(d) = page_url.map(url::domain).filter(|d| !d.is_empty()) {
        return Some(d);
    }
    let mut domains: Vec<String> =
        thread.posts.iter().filter_map(|p| p.permalink.as_deref()).map(url::domain).collect();
    crate::sort::sort(&mut domains);
    let mut best: Option<(usize, String)> = None;
    for d in domains.chunk_by(|a, b| a == b) {
        if best.as_ref().is_none_or(|(n, _)| d.len() > *n) {
            best = Some((d.len(), d[0].clone()));
        }
    }
    best.map(|(_, d)| d).filter(|d| !d.is_empty())
}

/// Links that lead off the site: http(s), with a domain other than the site's own.
pub fn external_links<'a>(links: &'a [Link], own: Option<&'a str>) -> impl Iterator<Item = &'a Link> + 'a {
    links.iter().filter(move |l| {
        let web = l.url.starts_with("http://") || l.url.starts_with("https://");
        let domain = if l.domain.is_empty() { url::domain(&l.url) } else { l.domain.clone() };
        web && !domain.is_empty() && own.is_none_or(|o| !same_site(&domain, o))
    })
}

/// `forum.example.com` and `example.com` are one site.
fn same_site(a: &str, b: &str) -> bool {
    a == b || a.ends_with(&format!(".{b}")) || b.ends_with(&format!(".{a}"))
}

/// The URL without fragment and trailing slash, for deduplication.
fn url_key(u: &str) -> String {
    let u = u.split('#').next().unwrap_or(u);
    u.trim_end_matches('/').to_string()
}

/// Where the link sits in the post's text (its URL or its text), if it can be found.
pub fn position(link: &Link, text: &str) -> Option<usize> {
    text.find(&link.url).or_else(|| (link.text.trim().len() > 3).then(|| text.find(link.text.trim())).flatten())
}

/// The headline candidates of one post, read once: its short paragraphs, then the thread title and the
/// post's title, each with its slug words.
struct Headlines<'a> {
    text: &'a str,
    titles: [Option<&'a str>; 2],
    /// Read on the first link that needs them: most posts have none.
    candidates: Option<Vec<(&'a str, FastSet<String>)>>,
    /// Comparisons left (see [`MAX_HEADLINE_COMPARISONS`]).
    budget: usize,
}

impl<'a> Headlines<'a> {
    fn new(text: &'a str, thread_title: &'a str, post_title: Option<&'a str>) -> Self {
        Headlines { text, titles: [Some(thread_title), post_title], candidates: None, budget: MAX_HEADLINE_COMPARISONS }
    }

    fn candidates(&mut self) -> &[(&'a str, FastSet<String>)] {
        let (text, titles) = (self.text, self.titles);
        self.candidates.get_or_insert_with(|| {
            text.split('\n')
                .map(str::trim)
                .filter(|p| !p.is_empty() && p.chars().count() <= MAX_HEADLINE_CHARS && !p.contains("://"))
                // A headline has no full stop: a paragraph ending in one is a sentence of the post.
                .filter(|p| !p.ends_with('.') && !p.contains(". "))
                // Nor does a piece of one: "as the paper says today," opens in lowercase or ends in a comma.
                .filter(|p| !fragment(p))
                .chain(titles.into_iter().flatten())
                .map(|c| (c, slug_words(c).into_iter().collect()))
                .collect()
        })
    }

    /// The link's headline: its own text when that is words, else the short paragraph of the post (or the
    /// thread title) that best matches the words of the URL's slug. A slug is its headline's words from the
    /// start, so a paragraph without the slug's first word is another headline, however many of the
    /// others it shares ("Chats are now federating out …" is not `/emoji-now-federating-out`).
    fn of(&mut self, link: &Link) -> Option<String> {
        let own = link.text.trim();
        if own.split_whitespace().count() >= 3 && !own.contains("://") && !own.starts_with("www.") {
            return Some(own.to_string());
        }
        let slug = slug_words(&link.url);
        if slug.len() < 3 {
            return None;
        }
        let budget = self.budget;
        let candidates = self.candidates();
        if budget < candidates.len() {
            return None;
        }
        let spent = candidates.len();
        let mut best: Option<(f64, &str)> = None;
        for (c, words) in candidates.iter().filter(|(_, words)| words.contains(&slug[0])) {
            let hits = slug.iter().filter(|w| words.contains(*w)).count();
            let score = hits as f64 / slug.len() as f64;
            if score >= MIN_SLUG_OVERLAP && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, c));
            }
        }
        let best = best.map(|(_, c)| c.to_string());
        self.budget -= spent;
        best
    }
}

/// A piece of a sentence, not a headline: it opens with a lowercase letter ("and the council approves
/// ...") or ends in punctuation that continues the sentence ("...new ferry line,").
fn fragment(p: &str) -> bool {
    let opens_lower = p.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_lowercase);
    opens_lower || p.ends_with([',', ';', ':', '-', '–'])
}

/// Lowercase words of a URL's path ("kazakhstans-president-says-..." → kazakhstans, president, says, ...),
/// without ids, or of a headline, with apostrophes dropped the way slugs drop them.
fn slug_words(s: &str) -> Vec<String> {
    let path = match s.find("://") {
        Some(i) => {
            let rest = &s[i + 3..];
            let path = &rest[rest.find('/').unwrap_or(rest.len())..];
            path.split(['?', '#']).next().unwrap_or("")
        }
        None => s,
    };
    path.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        // Ids in URLs ("AASFhbl") have capitals inside; words do not.
        .filter(|w| !w.chars().skip(1).any(char::is_uppercase))
        .map(|w| w.replace(['\'', '’'], "").to_lowercase())
        .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_alphabetic()) && w.chars().any(|c| "aeiouy".contains(c)))
        .filter(|w| !["www", "html", "htm", "php", "news", "article", "world"].contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Post;

    fn link(u: &str) -> Link {
        Link { url: u.into(), text: u.into(), domain: url::domain(u) }
    }

    #[test]
    fn external_links_with_headlines_from_slugs() {
        let a = "https://www.msn.com/en-us/news/world/kazakhstans-president-says-troops-to-leave/ar-AASFhbl";
        let b = "https://www.msn.com/en-us/news/world/tokayev-announces-swift-end-to-intervention/ar-AASEOPt";
        let text = format!("Body one.\n\n{a}\n\nTokayev announces swift end to intervention\n\nBody two.\n\n{b}");
        let post = Post {
            text,
            links: vec![link(a), link("https://forum.example.com/t/1"), link(b), link(a)],
            ..Post::default()
        };
        let thread = Thread {
            title: "Kazakhstan's president says troops to leave".into(),
            posts: vec![post],
            ..Thread::default()
        };
        let s = extract(&thread, Some("https://example.com/t/1"));
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].domain, "msn.com");
        assert_eq!(s[0].title.as_deref(), Some("Kazakhstan's president says troops to leave"));
        assert_eq!(s[1].title.as_deref(), Some("Tokayev announces swift end to intervention"));
    }

    #[test]
    fn a_headline_holds_the_slug_from_its_first_word() {
        let u = "https://community.forum.test/topic/18423/emoji-now-federating-out";
        let s = one_post_sources(format!("Chats are now federating out as limited-visibility posts\n{u}"), u);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].title, None, "{s:?}");
    }

    /// The sources of a one-post thread whose post holds `text` and links to `u`.
    fn one_post_sources(text: String, u: &str) -> Vec<Source> {
        let post = Post { text, links: vec![link(u)], ..Post::default() };
        let thread = Thread { posts: vec![post], ..Thread::default() };
        extract(&thread, Some("https://forum.example.com/t/1"))
    }

    #[test]
    fn a_piece_of_a_sentence_is_no_headline() {
        let u = "https://news.harbour-gazette.test/2024/harbour-council-approves-new-ferry-line";
        let s = one_post_sources(format!("the harbour council approves new ferry line,\n{u}"), u);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].title, None, "{s:?}");
    }

    #[test]
    fn link_text_is_a_headline_and_no_slug_no_title() {
        let mut l = link("https://example.org/?p=123");
        assert_eq!(Headlines::new("", "", None).of(&l), None);
        l.text = "A report on the state of things".into();
        assert_eq!(Headlines::new("", "", None).of(&l).as_deref(), Some("A report on the state of things"));
    }
}

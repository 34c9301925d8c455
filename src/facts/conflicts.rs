//! Disagreements: the same measure given different values in different sources or posts
//! ("around 2,300 troops" in one article, "2,500 peacekeeping troops" in the other).
//!
//! Two quantities measure the same thing when what they count has the same head noun and the same verb
//! ("troops" = "peacekeeping troops"; "people detained" ≠ "people died"). Each claim is tied to the source
//! it sits under: in a post quoting several articles, a passage belongs to the article whose link follows
//! it (excerpt then link, as DU and most boards quote) or precedes it, whichever layout the post uses.
//!
//! A disagreement is between sources: claims under two different cited pages. Members giving different
//! counts of the same noun in their own words ("2 adult teens", "4 teens" on a thread of family meals)
//! mostly speak of different things, their own households, cars or trips, so claims tied to no cited page
//! are not shown as a disagreement (precision first: a false "sources disagree" misleads more than a
//! missing one).

use super::sources::{external_links, own_domain, position};
use super::PostText;
use crate::hash::FastMap;
use crate::model::{Claim, Conflict, Link, Quantity};
use crate::thread::Thread;

/// Values further apart than this factor are different things counted, not a disagreement.
const MAX_RATIO: f64 = 5.0;

/// Most bytes of post text searched for the places of one post's links. Finding a link costs a scan of the
/// text up to it; a post of 100,000 links would cost 10^5 scans of megabytes. Past it, the remaining links
/// are not placed, and the passages after them go to the last link placed (or to none).
const MAX_LOCATE_BYTES: usize = 32_000_000;

pub fn find(posts: &[PostText], quantities: &[Quantity], thread: &Thread) -> Vec<Conflict> {
    let own = own_domain(thread, None);
    let mut groups: Vec<(String, Vec<&Quantity>)> = Vec::new();
    // Measure key → index in `groups`.
    let mut by_key: FastMap<String, usize> = FastMap::default();
    for q in quantities.iter().filter(|q| q.max.is_none()) {
        let Some((key, head)) = measure(q) else { continue };
        match by_key.get(&key) {
            Some(&i) => groups[i].1.push(q),
            None => {
                by_key.insert(key, groups.len());
                groups.push((head, vec![q]));
            }
        }
    }
    // Each post's links with their places in its text, found once per post and only for the posts a
    // disagreement may cite.
    let mut placed: FastMap<usize, Vec<(usize, usize, &str)>> = FastMap::default();
    let mut out = Vec::new();
    for (head, members) in groups {
        // One value only: no disagreement, whatever the sources.
        if members.iter().all(|q| q.value == members[0].value) {
            continue;
        }
        let claims: Vec<Claim> = members
            .iter()
            .filter_map(|q| {
                let source = source_of(q, posts, thread, own.as_deref(), &mut placed)?;
                Some(Claim { text: q.text.clone(), value: q.value, post: q.post, source: Some(source) })
            })
            .collect();
        let Some(first) = claims.first() else { continue };
        let apart = claims.iter().any(|c| c.source != first.source);
        let (lo, hi) = claims.iter().fold((f64::MAX, f64::MIN), |(lo, hi), c| (lo.min(c.value), hi.max(c.value)));
        let values_differ = claims.iter().any(|c| c.value != first.value);
        if apart && values_differ && lo > 0.0 && hi / lo <= MAX_RATIO {
            out.push(Conflict { what: head, claims });
        }
    }
    out
}

/// What a quantity measures, as a comparison key and as written: head noun (singular) and verb.
fn measure(q: &Quantity) -> Option<(String, String)> {
    let words: Vec<&str> = q.what.split_whitespace().collect();
    let last = *words.last()?;
    let verb = words.len() >= 2 && (last.ends_with("ed") || ["dead", "missing", "hurt"].contains(&last));
    let head = if verb { words[words.len() - 2] } else { last };
    let singular = head.strip_suffix('s').filter(|s| s.len() > 2).unwrap_or(head);
    let unit = q.unit.as_deref().unwrap_or("");
    let key = format!("{}|{}|{unit}", singular.to_lowercase(), if verb { last } else { "" });
    let shown = if verb { format!("{head} {last}") } else { head.to_string() };
    Some((key, shown))
}

/// The URL of the source a quantity's passage belongs to, by its place among the post's external links.
fn source_of<'t>(
    q: &Quantity,
    posts: &[PostText],
    thread: &'t Thread,
    own: Option<&'t str>,
    placed: &mut FastMap<usize, Vec<(usize, usize, &'t str)>>,
) -> Option<String> {
    let post = thread.posts.get(q.post)?;
    let text = posts.get(q.post)?.text;
    let at = text.find(&q.text)?;
    let links = placed.entry(q.post).or_insert_with(|| place_links(&post.links, text, own));
    let (first, last) = (links.first()?, links.last()?);
    // Layout: more text after the last link than before the first means links come before their excerpts.
    let links_lead = text.len().saturating_sub(last.1) > first.0;
    let chosen = if links_lead {
        links.iter().rev().find(|l| l.0 < at).unwrap_or(first)
    } else {
        links.iter().find(|l| l.0 > at).unwrap_or(last)
    };
    Some(chosen.2.to_string())
}

/// The post's external links found in its text, as (start, end, URL), in text order, within
/// [`MAX_LOCATE_BYTES`] of searching.
fn place_links<'t>(links: &'t [Link], text: &str, own: Option<&'t str>) -> Vec<(usize, usize, &'t str)> {
    let mut budget = MAX_LOCATE_BYTES;
    let mut out: Vec<(usize, usize, &str)> = Vec::new();
    for l in external_links(links, own) {
        if budget == 0 {
            break;
        }
        // A hit costs the bytes up to it, a miss the whole text (twice at most: URL, then link text).
        let p = position(l, text);
        budget = budget.saturating_sub(p.map_or(2 * text.len(), |p| p + l.url.len()));
        if let Some(p) = p {
            out.push((p, p + l.url.len().min(text.len() - p), l.url.as_str()));
        }
    }
    crate::sort::sort(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Post;

    fn thread_with(text: &str, urls: &[&str]) -> Thread {
        let links = urls
            .iter()
            .map(|u| Link { url: u.to_string(), text: u.to_string(), domain: crate::url::domain(u) })
            .collect();
        Thread { posts: vec![Post { text: text.into(), links, ..Post::default() }], ..Thread::default() }
    }

    #[test]
    fn claims_follow_the_links_either_way() {
        for (text, first_url) in [
            (
                "Sent around 2,300 troops.\n\nhttps://a.com/1\n\nSent 2,500 peacekeeping troops.\n\nhttps://b.com/2",
                "https://a.com/1",
            ),
            (
                "https://a.com/1\n\nSent around 2,300 troops.\n\nhttps://b.com/2\n\nSent 2,500 peacekeeping troops.",
                "https://a.com/1",
            ),
        ] {
            let thread = thread_with(text, &["https://a.com/1", "https://b.com/2"]);
            let posts = vec![PostText::new(0, text, None)];
            let q = super::super::quantities::extract(&posts, true);
            let c = find(&posts, &q, &thread);
            assert_eq!(c.len(), 1, "{q:?}");
            assert_eq!(c[0].what, "troops");
            assert_eq!((c[0].claims[0].value, c[0].claims[0].source.as_deref()), (2300.0, Some(first_url)));
            assert_eq!((c[0].claims[1].value, c[0].claims[1].source.as_deref()), (2500.0, Some("https://b.com/2")));
        }
    }

    #[test]
    fn members_counting_their_own_things_do_not_disagree() {
        let texts = ["We are 2 adults and 2 adult teens, chilli twice a week.", "With 4 teens at home I cook dal."];
        let posts: Vec<Post> = texts.iter().map(|t| Post { text: t.to_string(), ..Post::default() }).collect();
        let thread = Thread { posts, ..Thread::default() };
        let posts: Vec<PostText> = texts.iter().enumerate().map(|(i, t)| PostText::new(i, t, None)).collect();
        let q = super::super::quantities::extract(&posts, true);
        assert!(q.iter().filter(|q| q.what.ends_with("teens")).count() == 2, "{q:?}");
        assert!(find(&posts, &q, &thread).is_empty(), "{q:?}");
    }

    #[test]
    fn different_measures_do_not_conflict() {
        let text = "Police detained almost 10,000 people. At least 164 people died. 3 troops and 2,000 troops.";
        let thread = thread_with(text, &[]);
        let posts = vec![PostText::new(0, text, None)];
        let q = super::super::quantities::extract(&posts, true);
        assert!(find(&posts, &q, &thread).is_empty(), "{q:?}");
    }
}

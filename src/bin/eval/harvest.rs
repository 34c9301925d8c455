//! Scoring one WEB-FORUM-52 thread: our posts aligned to the gold posts by text overlap, then author, date and
//! text compared post by post.
//!
//! Gold `user` is the author's profile link where the page has one, else the display name; a post's author
//! counts as right when the name matches, or our profile link (`author_info["profile"]`) is the gold link, or
//! the gold link spells the name (`/members/anna.123/`; links are compared percent-decoded, so
//! `tony-robbins%E2%80%99-trampoline` spells "Tony Robbins’ Trampoline"). Dates compare at day precision
//! (`date`) and, where the gold time has one, at minute precision (`minute`) — both as the page shows them,
//! offsets ignored.

use crate::corpus::Item;
use crate::metrics::{bag, norm, overlap, prf};
use serde_json::Value;
use threadcard::{date, url, Post, Summary};

/// Below this text F1 a gold post has no counterpart among ours.
const MIN_ALIGN_F1: f64 = 0.2;

#[derive(Clone, Default)]
pub struct Tally {
    pub posts: usize,
    pub ours: usize,
    pub count_exact: usize,
    pub author: usize,
    pub date: usize,
    pub minute: usize,
    pub timed: usize,
    pub text_f1: f64,
    /// Gold posts none of ours aligns with (their author cannot be right).
    pub unaligned: usize,
    /// Gold posts whose `user` is no author at all (an action link: [`is_action_link`]); left out of the
    /// author score, counted here.
    pub unusable: usize,
    /// Aligned posts with no author of ours.
    pub missing: usize,
    /// Aligned posts whose author of ours is another name.
    pub wrong: usize,
    /// Of `wrong`: gold is a profile link and ours another; gold a link and we have none; gold a name.
    pub wrong_by: [usize; 3],
    /// Aligned posts whose author of ours is a label, status or number ([`is_label`]).
    pub label: usize,
}

impl Tally {
    pub fn add(&mut self, t: &Tally) {
        self.posts += t.posts;
        self.ours += t.ours;
        self.count_exact += t.count_exact;
        self.author += t.author;
        self.date += t.date;
        self.minute += t.minute;
        self.timed += t.timed;
        self.text_f1 += t.text_f1;
        self.unaligned += t.unaligned;
        self.unusable += t.unusable;
        self.missing += t.missing;
        self.wrong += t.wrong;
        (0..3).for_each(|k| self.wrong_by[k] += t.wrong_by[k]);
        self.label += t.label;
    }

    pub fn note(&self) -> String {
        format!(
            "posts {}/{} author {}/{} (missing {} wrong {} label {} unaligned {}) date {}/{} minute {}/{}",
            self.ours,
            self.posts,
            self.author,
            self.posts,
            self.missing,
            self.wrong,
            self.label,
            self.unaligned,
            self.date,
            self.posts,
            self.minute,
            self.timed
        )
    }
}

fn surface<'a>(ann: &'a Value, field: &str) -> &'a str {
    ann.get(field).and_then(|f| f.get("surface_form")).and_then(Value::as_str).unwrap_or("").trim()
}

pub fn score(item: &Item, summary: Option<&Summary>) -> Tally {
    let gold: &[Value] = item.gold.get("gold_standard_annotation").and_then(Value::as_array).map_or(&[], |v| v);
    let ours: &[Post] = summary.map_or(&[], |s| &s.posts);
    let mut t = Tally {
        posts: gold.len(),
        ours: ours.len(),
        count_exact: (gold.len() == ours.len()) as usize,
        ..Tally::default()
    };
    let our_bags: Vec<_> = ours.iter().map(|p| bag(&p.text)).collect();
    let mut used = vec![false; ours.len()];
    for ann in gold {
        let gold_bag = bag(surface(ann, "post_text"));
        let best = our_bags
            .iter()
            .enumerate()
            .filter(|(i, _)| !used[*i])
            .map(|(i, b)| (i, prf(overlap(b, &gold_bag)).2))
            // On a tie (two posts of smileys alone, both empty) the earliest unused post: posts come in the
            // page's order on both sides (`max_by` alone would take the last, pairing them crosswise).
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let gold_time = date::parse(surface(ann, "datetime"));
        if gold_time.as_deref().is_some_and(|g| g.len() >= 16) {
            t.timed += 1;
        }
        let gold_user = surface(ann, "user");
        let usable = !is_action_link(gold_user);
        t.unusable += !usable as usize;
        let Some((i, f)) = best.filter(|(_, f)| *f >= MIN_ALIGN_F1) else {
            t.unaligned += usable as usize;
            continue;
        };
        used[i] = true;
        t.text_f1 += f;
        let post = &ours[i];
        if !usable {
            // The date and text are still scored below; the author cannot be.
        } else if author_matches(post, gold_user, item.url.as_deref()) {
            t.author += 1;
        } else {
            match post.author.as_deref().filter(|a| !a.trim().is_empty()) {
                None => t.missing += 1,
                Some(a) if is_label(a) => t.label += 1,
                Some(_) => {
                    t.wrong += 1;
                    t.wrong_by[wrong_kind(post, gold_user)] += 1;
                }
            }
        }
        let (day, minute) = date_matches(post, surface(ann, "datetime"), gold_time.as_deref());
        t.date += day as usize;
        t.minute += minute as usize;
    }
    t
}

/// Paths of a board's posting script (the editor behind Reply and Quote): a link there names no person.
const ACTION_SCRIPTS: &[&str] = &["posting.php", "newreply.php", "post.php", "reply.php"];

/// Whether a gold `user` is an action link rather than the author: the corpus annotates a few threads'
/// `user` with the post's Quote link (`./posting.php?mode=quote&p=...`), which names nobody, so no reader
/// could match it. Such posts are left out of the author score and counted (`Tally::unusable`).
pub fn is_action_link(gold: &str) -> bool {
    let path = gold.split(['?', '#']).next().unwrap_or("");
    let script = path.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
    ACTION_SCRIPTS.contains(&script.as_str())
}

/// Words boards print beside a post that are no poster's name: statuses, ranks, counters' labels and
/// action links (compared lowercased, whole). Only for sorting author errors into kinds.
const LABEL_WORDS: &[&str] = &[
    "offline",
    "online",
    "guest",
    "unknown",
    "member",
    "members",
    "registered user",
    "user",
    "moderator",
    "administrator",
    "admin",
    "quote",
    "reply",
    "posts",
    "joined",
    "location",
    "report",
    "permalink",
    "new member",
    "junior member",
    "senior member",
    "newbie",
    "banned",
    "deleted",
    "profile",
    "pm",
    "email",
];

/// Whether a wrong author is a label rather than another name: a field label (a colon: "Posts: 7,135"),
/// no letter at all (a count or a date), or a name that is or starts with one of [`LABEL_WORDS`].
pub fn is_label(name: &str) -> bool {
    let n = norm(name);
    let first = n.split(' ').next().unwrap_or("");
    name.contains(':')
        || !name.chars().any(char::is_alphabetic)
        || LABEL_WORDS.contains(&n.as_str())
        || LABEL_WORDS.contains(&first)
}

/// Which kind of wrong author (an index of `Tally::wrong_by`): 0 gold is a link and our profile link is
/// another, 1 gold is a link and we have no profile link, 2 gold is a display name.
fn wrong_kind(post: &Post, gold: &str) -> usize {
    if !(gold.contains('/') || gold.contains('?')) {
        2
    } else if post.author_info.contains_key("profile") {
        0
    } else {
        1
    }
}

fn author_matches(post: &Post, gold: &str, page: Option<&str>) -> bool {
    let name = post.author.as_deref().unwrap_or("");
    if gold.is_empty() || name.is_empty() {
        return false;
    }
    if norm(name) == norm(gold) {
        return true;
    }
    if let Some(profile) = post.author_info.get("profile") {
        if link_key(profile, page) == link_key(gold, page) {
            return true;
        }
    }
    let slug: String = name.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
    let path = percent_decode(gold.split(['?', '#']).next().unwrap_or(""));
    let path: String = path.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
    slug.chars().count() >= 3 && (gold.contains('/') || gold.contains('?')) && path.contains(&slug)
}

/// A link with session parameters, fragment and trailing slash removed, for comparing profile links.
fn link_key(link: &str, page: Option<&str>) -> String {
    let abs = url::resolve(page, link).unwrap_or_else(|| link.to_string());
    let abs = percent_decode(abs.split('#').next().unwrap_or("")).to_lowercase();
    let (path, query) = abs.split_once('?').unwrap_or((&abs, ""));
    let query: Vec<&str> = query
        .split(['&', ';'])
        .filter(|kv| !kv.is_empty() && !["s=", "sid=", "phpsessid="].iter().any(|p| kv.starts_with(p)))
        .collect();
    format!("{}?{}", path.trim_end_matches('/'), query.join("&"))
}

/// `%E2%80%99` → `’`: the gold links and ours may spell one URL in either form.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |j: usize| b.get(j).and_then(|c| (*c as char).to_digit(16));
        match (b[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// (same day, same minute) — the minute only where the gold time has one.
fn date_matches(post: &Post, gold_text: &str, gold: Option<&str>) -> (bool, bool) {
    let ours = post.published.as_deref().unwrap_or("");
    match gold {
        Some(g) => {
            let day = ours.len() >= 10 && g.len() >= 10 && ours[..10] == g[..10];
            let minute = g.len() >= 16 && ours.len() >= 16 && ours[..16] == g[..16];
            (day, minute)
        }
        // Gold the date parser cannot read ("1 Jahr 2 Tage her"): the time as shown must match.
        None => {
            let shown = norm(post.published_text.as_deref().unwrap_or(""));
            let g = norm(gold_text);
            (!g.is_empty() && !shown.is_empty() && (shown.contains(&g) || g.contains(&shown)), false)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_links_and_labels_are_told_from_authors() {
        assert!(is_action_link("./posting.php?mode=quote&f=3&p=21567919&sid=2d2d"));
        assert!(!is_action_link("./memberlist.php?mode=viewprofile&u=311631"));
        assert!(!is_action_link("anna"));
        for label in ["Posts: 7,135", "Offline", "Unknown", "12/31/2017", "Joined Jan 2010"] {
            assert!(is_label(label), "{label}");
        }
        for name in ["anna", "bob1979", "Outer Armatonisdaristan"] {
            assert!(!is_label(name), "{name}");
        }
    }
}

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
    }

    pub fn note(&self) -> String {
        format!(
            "posts {}/{} author {}/{} date {}/{} minute {}/{}",
            self.ours, self.posts, self.author, self.posts, self.date, self.posts, self.minute, self.timed
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
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let gold_time = date::parse(surface(ann, "datetime"));
        if gold_time.as_deref().is_some_and(|g| g.len() >= 16) {
            t.timed += 1;
        }
        let Some((i, f)) = best.filter(|(_, f)| *f >= MIN_ALIGN_F1) else { continue };
        used[i] = true;
        t.text_f1 += f;
        let post = &ours[i];
        t.author += author_matches(post, surface(ann, "user"), item.url.as_deref()) as usize;
        let (day, minute) = date_matches(post, surface(ann, "datetime"), gold_time.as_deref());
        t.date += day as usize;
        t.minute += minute as usize;
    }
    t
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

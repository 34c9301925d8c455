//! A small picture of a thread that spans more than a day: its posts over time as a row of bars, with a
//! caption naming who posted most, because a shape is read faster than a list of times. Drawn as inline
//! SVG by Rust (no script, no link, no text of the page inside the drawing) with its text alternative in
//! `aria-label` and `<title>`, so a screen reader gets the same picture in words. Built from the posts'
//! machine-readable times and their authors only; every text goes through `escape::html`.

use super::escape::html as esc;
use crate::facts::dates::{parse_day, Day};
use crate::hash::FastMap;
use crate::i18n::{tf, Msg};
use crate::model::Summary;
use std::fmt::Write;

/// Threads shorter than this (in minutes) get no picture: their times say as much.
const MIN_SPAN_MINUTES: i64 = 24 * 60;
/// Fewer posts with a time than this make no shape worth drawing.
const MIN_TIMED_POSTS: usize = 3;
/// Bars across the thread's time span.
const BINS: usize = 24;
/// Drawing size in CSS pixels; each bar is `WIDTH / BINS` wide, less a gap.
const WIDTH: usize = 240;
const HEIGHT: usize = 36;
const BAR_GAP: usize = 2;
/// Posters named in the caption, most posts first.
const TOP_POSTERS: usize = 3;

/// The picture as HTML (a `div` holding the SVG and its caption), or `None` for a thread within a day.
pub fn html(s: &Summary) -> Option<String> {
    let times: Vec<i64> = s.posts.iter().filter_map(|p| p.published.as_deref().and_then(minutes)).collect();
    let (&lo, &hi) = (times.iter().min()?, times.iter().max()?);
    if times.len() < MIN_TIMED_POSTS || hi - lo < MIN_SPAN_MINUTES {
        return None;
    }
    let mut bins = [0usize; BINS];
    for t in &times {
        let i = ((t - lo) as i128 * BINS as i128 / (hi - lo + 1) as i128) as usize;
        bins[i.min(BINS - 1)] += 1;
    }
    let tallest = bins.iter().copied().max().unwrap_or(1).max(1);
    let busiest = bins.iter().position(|&c| c == tallest).unwrap_or(0);
    let day = |m: i64| civil_from_minutes(m);
    let busiest_day = day(lo + (hi - lo) * busiest as i64 / BINS as i64);
    let posters = top_posters(s);
    let mut alt = tf(Msg::card_timeline_alt, &[&times.len(), &day(lo), &day(hi), &busiest_day, &tallest]);
    if !posters.is_empty() {
        let list = posters.iter().map(|(a, n)| format!("{a} ({n})")).collect::<Vec<_>>().join(", ");
        let _ = write!(alt, " {}", tf(Msg::card_timeline_most_alt, &[&list]));
    }
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<div class="tc-timeline"><svg class="tc-timeline-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{a}"><title>{a}</title>"#,
        a = esc(&alt)
    );
    let step = WIDTH / BINS;
    for (i, &c) in bins.iter().enumerate().filter(|(_, &c)| c > 0) {
        let h = (c * HEIGHT).div_ceil(tallest).max(1);
        let _ =
            write!(o, r#"<rect x="{}" y="{}" width="{}" height="{h}"></rect>"#, i * step, HEIGHT - h, step - BAR_GAP);
    }
    let _ = write!(o, r#"</svg><p class="tc-timeline-caption">{} – {}"#, esc(&day(lo)), esc(&day(hi)));
    if !posters.is_empty() {
        let names: Vec<String> = posters.iter().map(|(a, n)| format!("{} {n}", esc(a))).collect();
        let _ = write!(o, " · {}", tf(Msg::card_timeline_most, &[&names.join(" · ")]));
    }
    let _ = write!(o, "</p></div>");
    Some(o)
}

/// The authors with the most posts (at least two each), most first, ties in order of first post.
fn top_posters(s: &Summary) -> Vec<(&str, usize)> {
    let mut counts: FastMap<&str, (usize, usize)> = FastMap::default();
    for (i, a) in s.posts.iter().enumerate().filter_map(|(i, p)| p.author.as_deref().map(|a| (i, a))) {
        counts.entry(a).or_insert((0, i)).0 += 1;
    }
    let mut list: Vec<(&str, (usize, usize))> = counts.into_iter().filter(|(_, (n, _))| *n >= 2).collect();
    crate::sort::sort_by_key(&mut list, |&(_, (n, first))| (std::cmp::Reverse(n), first));
    list.into_iter().take(TOP_POSTERS).map(|(a, (n, _))| (a, n)).collect()
}

/// Minutes since 1970-01-01 of an ISO 8601 date or date-time (`2022-01-11`, `2022-01-11T14:28:00+01:00`; the
/// offset is ignored: the picture is in the board's own clock).
fn minutes(iso: &str) -> Option<i64> {
    let day = parse_day(iso)?;
    let num = |r: std::ops::Range<usize>| iso.get(r).and_then(|t| t.parse::<i64>().ok());
    let (hh, mm) = match iso.get(10..11) {
        Some("T") => (num(11..13).unwrap_or(0), num(14..16).unwrap_or(0)),
        _ => (0, 0),
    };
    Some(day.ordinal() * 1440 + hh * 60 + mm)
}

/// `YYYY-MM-DD` of minutes since 1970-01-01.
fn civil_from_minutes(minutes: i64) -> String {
    Day::from_ordinal(minutes.div_euclid(1440)).iso()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Post;

    fn post(author: &str, at: &str) -> Post {
        Post { author: Some(author.into()), published: Some(at.into()), ..Post::default() }
    }

    #[test]
    fn dates_round_trip() {
        for day in ["1970-01-01", "2000-02-29", "2022-01-11", "2024-12-31"] {
            assert_eq!(civil_from_minutes(minutes(day).expect("a date")), day);
        }
        assert_eq!(minutes("2022-01-11T14:28:00+01:00"), minutes("2022-01-11").map(|m| m + 14 * 60 + 28));
        assert_eq!(minutes("Tue Jan 11"), None);
    }

    #[test]
    fn a_thread_over_days_gets_bars_and_its_words() {
        let s = Summary {
            posts: vec![
                post("ana", "2022-01-10T09:00"),
                post("<b>bo</b>", "2022-01-10T10:00"),
                post("ana", "2022-01-11T10:00"),
                post("<b>bo</b>", "2022-01-14T18:00"),
                post("ana", "2022-01-14T19:00"),
            ],
            ..Summary::default()
        };
        let h = html(&s).expect("spans four days");
        assert_eq!(h.matches("<rect ").count(), 3, "{h}");
        assert!(h.contains("5 posts with a time, from 2022-01-10 to 2022-01-14"), "{h}");
        assert!(h.contains("Most posts: ana (3), &lt;b&gt;bo&lt;/b&gt; (2)."), "{h}");
        assert!(!h.contains("<b>"), "page text stays text: {h}");
    }

    #[test]
    fn a_thread_within_a_day_gets_none() {
        let s = Summary {
            posts: vec![post("a", "2022-01-10T09:00"), post("b", "2022-01-10T10:00"), post("c", "2022-01-10T23:00")],
            ..Summary::default()
        };
        assert_eq!(html(&s), None);
    }
}

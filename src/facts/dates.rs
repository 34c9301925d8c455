//! Dates and durations in the text: "January 11, 2022", "in 2002", "Tuesday", "late last week",
//! "in two days", "no more than 10 days".
//!
//! Relative dates are resolved against the post's own time, never the clock: a post published on
//! Tuesday 2022-01-11 that says troops came "Thursday" (past tense) means 2022-01-06. Values are ISO 8601:
//! a day (`2022-01-11`), a week (`2022-W01`), a month (`2022-01`), a year (`2002`) or, for durations,
//! a period (`P10D`). Durations live here, not among the quantities.

// Calendar days and their arithmetic live beside this file.
#[path = "dates_day.rs"]
mod day;
pub use day::{parse_day, Day};
// Month names, English and other languages', beside this file too.
#[path = "dates_months.rs"]
mod months;
// Rules that keep a found date off the card (stamps, "today" as nowadays), beside this file.
#[path = "dates_rules.rs"]
mod rules;
// Counts of time units ("in two days", "10 days ago", "1-2 years"), beside this file.
#[path = "dates_counts.rs"]
mod counts;
use crate::hash::FastSet;
use counts::is_duration_at;
use months::foreign_month;
pub use months::month_number;

use super::numbers::is_year;
use super::quoted::quoted_at;
use super::tokens::Token;
use super::PostText;
use crate::model::DateFact;

/// English weekday names, lowercase: a capitalized one is a relative date the post's time resolves.
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Words before a weekday or "week" that the text uses to place it more finely ("late last week").
const EDGE_WORDS: &[&str] = &["early", "late", "mid", "earlier", "later"];

/// Words boards print before the time of a post's edit ("Edited June 14, 2024 by X", "Zuletzt bearbeitet:
/// 12. März"): the date after one is the board's, not the discussion's.
const EDIT_WORDS: &[&str] = &["edited", "bearbeitet", "modifié", "editado", "modificato"];

/// Length of an ISO day ("2024-06-14"), as opposed to a month ("2024-06") or a year.
const ISO_DAY_LEN: usize = 10;
/// Longest clock time a header prints after a post's date (", 10:38pm", " | 9:05 pm"), in bytes.
const MAX_HEADER_TIME: usize = 16;

/// The date at `start..end` is alone on its line but for a clock time after it: a post header's date.
/// Reads only the blanks before the date and at most [`MAX_HEADER_TIME`] bytes after it, never the rest
/// of a long line (once per date, that was quadratic in a long paragraph).
fn header_date(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).is_some_and(|t| t.chars().rev().take_while(|&c| c != '\n').all(char::is_whitespace));
    // What may follow the date: a clock time and its separators ("10:38pm", "| 9:05 pm", "12:22 am").
    let time = |c: char| c.is_ascii_digit() || c.is_whitespace() || "ampAMP:,|.".contains(c);
    let after = text.get(end..).is_some_and(|t| {
        let mut len = 0;
        t.chars().take_while(|&c| c != '\n').all(|c| {
            len += c.len_utf8();
            len <= MAX_HEADER_TIME && time(c)
        })
    });
    before && after
}

/// Words that put a weekday in the future.
const FUTURE_CUES: &[&str] = &["will", "next", "'ll", "’ll", "going", "coming", "upcoming", "tomorrow"];

/// Finds the dates of every post, and apart from them its durations: "6 minutes" or "almost 6 decades"
/// is how long something lasts, never a point in time.
pub fn extract(posts: &[PostText], english: bool) -> (Vec<DateFact>, Vec<DateFact>) {
    let (mut dates, mut durations) = (Vec::new(), Vec::new());
    for (fact, duration) in extract_all(posts, english) {
        if duration {
            durations.push(fact);
        } else {
            dates.push(fact);
        }
    }
    (dates, durations)
}

/// Dates and durations in page order, each flagged `true` when it is a duration.
fn extract_all(posts: &[PostText], _english: bool) -> Vec<(DateFact, bool)> {
    let mut out: Vec<(DateFact, bool)> = Vec::new();
    // (text lowercased, value) of the dates so far: one lookup per date instead of a scan of them all.
    let mut seen: FastSet<(String, Option<String>)> = FastSet::default();
    for post in posts {
        let own = post.published.and_then(parse_day);
        // URLs and machine-written lines: a log's timestamps are not the thread's dates.
        let urls = &post.skipped;
        let toks = &post.tokens;
        let mut i = 0;
        while i < toks.len() {
            if super::numbers::in_spans(urls, toks[i].start()) {
                i += 1;
                continue;
            }
            // Inside a quote, "today" is the quoted post's day; when the quote is of no post we have, a
            // date only its writer's day would place is not shown.
            let quote = quoted_at(&post.quoted, toks[i].start());
            let today = quote.map_or(own, |q| q.published.and_then(parse_day));
            let found = date_at(post, i, today).filter(|(_, _, v)| quote.is_none() || v.is_some());
            let Some((first, end, value)) = found else {
                i += 1;
                continue;
            };
            // "lowjhg\nFeb 14, 2026 | 9:05 pm\n": a day alone on its line (with its clock time) is the board's
            // date of the post, printed in its header, not a date the discussion is about.
            let day = value.as_deref().is_some_and(|v| v.len() == ISO_DAY_LEN);
            let (from, to) = (toks[first].start(), toks[end - 1].end());
            if day && (header_date(post.text, from, to) || rules::stamped_day(post.text, from, to)) {
                i = end.max(i + 1);
                continue;
            }
            // "Edited June 14, 2024 by Lisias": the board's stamp of a post's edit, not a date of the discussion.
            if first.checked_sub(1).is_some_and(|p| EDIT_WORDS.iter().any(|w| toks[p].is(w))) {
                i = end.max(i + 1);
                continue;
            }
            let text = post.text[toks[first].start()..toks[end - 1].end()].to_string();
            let duration = is_duration_at(post, i);
            if seen.insert((text.to_ascii_lowercase(), value.clone())) {
                out.push((DateFact { text, value, post: post.index }, duration));
            }
            i = end.max(i + 1);
        }
    }
    out
}

/// The date or duration at token `i`: (first token, end token, ISO value).
fn date_at(post: &PostText, i: usize, today: Option<Day>) -> Option<(usize, usize, Option<String>)> {
    let toks = &post.tokens;
    let tok = &toks[i];
    if tok.kind == super::tokens::Kind::Punct || tok.text.len() > 12 {
        return None;
    }
    let lowered;
    let lower: &str = if tok.text.chars().any(char::is_uppercase) {
        lowered = tok.text.to_lowercase();
        &lowered
    } else {
        tok.text
    };
    // "January 11, 2022", "Jan 11", "January 2022".
    if let Some(month) = tok.is_capitalized().then(|| month_number(tok.text)).flatten() {
        let day = toks.get(i + 1).and_then(|t| t.text.parse::<u32>().ok()).filter(|d| (1..=31).contains(d));
        let mut end = i + 1 + usize::from(day.is_some());
        if toks.get(end).is_some_and(|t| t.text == ",") && toks.get(end + 1).is_some_and(is_year) {
            end += 1;
        }
        let year = toks.get(end).filter(|t| is_year(t)).and_then(|t| t.text.parse::<i32>().ok());
        if year.is_some() {
            end += 1;
        }
        if day.is_none() && year.is_none() {
            return None;
        }
        let year = year.or(today.map(|t| day.map_or(t.year, |d| rules::yearless_year(post, i, month, d, t))));
        let value = match (year, day) {
            (Some(y), Some(d)) => Some(format!("{y:04}-{month:02}-{d:02}")),
            (Some(y), None) => Some(format!("{y:04}-{month:02}")),
            _ => None,
        };
        return Some((i, end, value));
    }
    // "11 January 2022"; "11. Januar 2022", "3 de março de 2021", "12 mars 2020".
    if let Ok(d) = tok.text.parse::<u32>() {
        let glue = |k: usize| toks.get(k).is_some_and(|t| t.text == "." || t.is("de"));
        let m = i + 1 + usize::from(glue(i + 1));
        let english = toks.get(m).filter(|t| t.is_capitalized()).and_then(|t| month_number(t.text));
        let month = english.or_else(|| toks.get(m).and_then(|t| foreign_month(t.text)));
        if let Some(month) = month.filter(|_| (1..=31).contains(&d)) {
            let y = m + 1 + usize::from(toks.get(m + 1).is_some_and(|t| t.is("de")));
            let year = toks.get(y).filter(|t| is_year(t)).and_then(|t| t.text.parse::<i32>().ok());
            let end = if year.is_some() { y + 1 } else { m + 1 };
            let year = year.or(today.map(|t| rules::yearless_year(post, i, month, d, t)));
            let value = year.map(|y| format!("{y:04}-{month:02}-{d:02}"));
            return Some((i, end, value));
        }
    }
    // "2022-01-11".
    if is_year(tok) && toks.get(i + 1).is_some_and(|t| t.text == "-") {
        let m = toks.get(i + 2).and_then(|t| t.text.parse::<u32>().ok()).filter(|m| (1..=12).contains(m));
        let d = toks.get(i + 4).and_then(|t| t.text.parse::<u32>().ok()).filter(|d| (1..=31).contains(d));
        if let (Some(m), Some(d)) = (m, d) {
            return Some((i, i + 5, Some(format!("{}-{m:02}-{d:02}", tok.text))));
        }
    }
    // "in 2002", "since 2002": a year with a preposition before it.
    if is_year(tok) {
        let prev = i.checked_sub(1).map(|p| toks[p].text.to_lowercase());
        if prev.is_some_and(|p| {
            ["in", "since", "of", "by", "from", "until", "before", "after", "during"].contains(&p.as_str())
        }) {
            return Some((i, i + 1, Some(tok.text.to_string())));
        }
        return None;
    }
    // Weekdays: past unless the sentence looks ahead. Like every deictic date below ("today", "last
    // week"), a weekday is a fact only once the post's own time places it: without one it names no day a
    // reader can place, and a date is never guessed.
    if let Some(wd) = WEEKDAYS.iter().position(|w| *w == lower).filter(|_| tok.is_capitalized()) {
        // "Thursday, Feb 8th, 2024", "Monday 30 September": the date after it is the fact; the weekday
        // alone would be a second, guessed date.
        let mut n = i + 1;
        if toks.get(n).is_some_and(|t| t.text == ",") {
            n += 1;
        }
        let month_at = |k: usize| toks.get(k).is_some_and(|t| month_number(t.text).is_some());
        let day_month = toks.get(n).is_some_and(|t| t.text.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)))
            && (month_at(n + 1) || (toks.get(n + 1).is_some_and(|t| t.text == ".") && month_at(n + 2)));
        let dated = month_at(n) || day_month;
        if dated {
            return None;
        }
        let t = today?;
        let first = edge_before(toks, i);
        let future = sentence_has(post, i, FUTURE_CUES);
        let value = {
            let delta = (wd as i64 - t.weekday() as i64).rem_euclid(7);
            let offset = if future {
                if delta == 0 {
                    7
                } else {
                    delta
                }
            } else if delta == 0 {
                0
            } else {
                delta - 7
            };
            Some(t.plus(offset).iso())
        };
        return Some((first, i + 1, value));
    }
    // today / yesterday / tomorrow.
    if let Some(offset) = match lower {
        "today" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    } {
        // "kids today", "today's world", "USA Today", "yesterday and tomorrow links", "works today, fails
        // tomorrow": no day of the post.
        let generic = rules::nowadays(post, i) || rules::ends_name(post, i) || rules::contrasted(post, i);
        if generic || rules::listed_with_deictic(toks, i, i + 1) {
            return None;
        }
        return Some((i, i + 1, Some(today?.plus(offset).iso())));
    }
    // last / this / next week, month, year.
    if ["last", "this", "next", "past"].contains(&lower) {
        let unit = toks.get(i + 1).map(|t| t.text.to_lowercase())?;
        if !["week", "month", "year"].contains(&unit.as_str()) || lower == "past" {
            return None;
        }
        let step = match lower {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        let first = edge_before(toks, i);
        // "spent the last month", "over the past year": a length; "yesterday, last week, etc.": examples.
        if rules::stretch(toks, i) || rules::listed_with_deictic(toks, first, i + 2) {
            return None;
        }
        let t = today?;
        let value = Some(match unit.as_str() {
            "week" => t.plus(7 * step).iso_week(),
            "month" => {
                let m = t.year as i64 * 12 + t.month as i64 - 1 + step;
                format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
            }
            _ => format!("{:04}", t.year as i64 + step),
        });
        return Some((first, i + 2, value));
    }
    // "in two days", "10 days ago", "no more than 10 days", "within 10 days", "1-2 years".
    counts::count_at(post, i, today)
}

/// "late last week": an edge word before the date belongs to it.
fn edge_before(toks: &[Token], i: usize) -> usize {
    match i.checked_sub(1) {
        Some(p) if EDGE_WORDS.iter().any(|w| toks[p].is(w)) => p,
        _ => i,
    }
}

fn sentence_has(post: &PostText, token: usize, words: &[&str]) -> bool {
    let Some(s) = post.sentence_at(post.tokens[token].start()) else { return false };
    let s = post.sentences[s];
    let (from, to) = (post.token_at(s.start), post.token_at(s.end));
    post.tokens[from..to.max(from)].iter().any(|t| words.iter().any(|w| t.is(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
        let (dates, durations) = extract(&[PostText::new(0, text, published)], true);
        dates.into_iter().chain(durations).map(|d| (d.text, d.value)).collect()
    }

    #[test]
    fn resolves_relative_dates_against_the_post_time() {
        let d = dates(
            "Tokayev announced Tuesday that troops sent Thursday would leave in two days. They came late last \
             week. The withdrawal will take no more than 10 days. It was formed in 2002.",
            Some("2022-01-11T14:28:00"),
        );
        let find = |t: &str| d.iter().find(|(x, _)| x == t).and_then(|(_, v)| v.clone());
        assert_eq!(find("Tuesday").as_deref(), Some("2022-01-11"));
        assert_eq!(find("Thursday").as_deref(), Some("2022-01-06"));
        assert_eq!(find("in two days").as_deref(), Some("2022-01-13"));
        assert_eq!(find("late last week").as_deref(), Some("2022-W01"));
        assert_eq!(find("no more than 10 days").as_deref(), Some("P10D"));
        assert_eq!(find("2002").as_deref(), Some("2002"));
    }

    #[test]
    fn absolute_dates_and_no_time() {
        let d = dates("On January 11, 2022 and 3 March 2021, and Friday.", None);
        assert_eq!(d[0].1.as_deref(), Some("2022-01-11"));
        assert_eq!(d[1].1.as_deref(), Some("2021-03-03"));
        // Without the post's time a weekday, "today" or "next year" names no day: not a date.
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(dates("Today, yesterday, last week and next year, this Monday.", None).is_empty());
        // The weekday of a full date is part of it, not a second, guessed date.
        let d = dates("On Thursday, Feb 8th, 2024, we stop. On Monday 30 September it expires.", None);
        assert!(!d.iter().any(|(t, _)| t.contains("Thursday") || t == "Monday"), "{d:?}");
        assert!(d.iter().any(|(t, _)| t.starts_with("Feb 8")), "{d:?}");
        assert!(dates("You may go. Mar the plan.", None).is_empty());
    }

    #[test]
    fn other_languages_and_hyphens() {
        let d = dates("Am 11. Januar 2022 kam er. Le 12 mars 2020. Em 3 de março de 2021.", None);
        let values: Vec<Option<&str>> = d.iter().map(|(_, v)| v.as_deref()).collect();
        assert_eq!(values, [Some("2022-01-11"), Some("2020-03-12"), Some("2021-03-03")], "{d:?}");
        let d = dates("A nine-year gap, 10 years ago, a 36-year-old and 46 years old.", Some("2022-01-11"));
        assert_eq!(d, [("10 years ago".into(), Some("2012".into())), ("nine-year".into(), Some("P9Y".into()))]);
    }

    /// "6 minutes" and "almost 6 decades" are how long, not when: durations, never dates.
    #[test]
    fn durations_are_not_dates() {
        let posts =
            [PostText::new(0, "It took 6 minutes, almost 6 decades after the war, in two days or 3 weeks ago.", None)];
        let (dates, durations) = extract(&posts, true);
        let texts = |v: &[DateFact]| v.iter().map(|d| d.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&dates), ["in two days", "3 weeks ago"]);
        assert_eq!(texts(&durations), ["6 minutes", "almost 6 decades"]);
        // A board's edit stamp is not a date of the discussion.
        let posts = [PostText::new(0, "Edited June 14, 2024 by Lisias\nWe met on June 2, 2024.", None)];
        assert_eq!(texts(&extract(&posts, true).0), ["June 2, 2024"]);
        // "in 4 hours" is how long a charge takes, not a day.
        let posts = [PostText::new(0, "Fast charge in 4 hours, back in 2 days.", Some("2022-01-11T10:00:00"))];
        let (dates, durations) = extract(&posts, true);
        assert_eq!(texts(&dates), ["in 2 days"]);
        assert_eq!(texts(&durations), ["in 4 hours"]);
        // Board furniture: a post's time, a count on one line and "Years ago" on the next.
        let posts = [PostText::new(0, "Posted 16 minutes ago, 1 hour ago. 441678\n\nYears ago I went.", None)];
        let (dates, durations) = extract(&posts, true);
        assert!(dates.is_empty() && durations.is_empty(), "{dates:?} {durations:?}");
    }
}

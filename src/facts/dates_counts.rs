//! Counts of time units: "in two days", "10 days ago", "no more than 10 days", "1-2 years": a date the
//! post's time places ("in two days", "10 years ago") or a duration ("6 minutes", "for two years").
//! A range of them ("1-2 years", "between 3 and 5 days", "two or three years") is one fact with its whole
//! text; no ISO value holds a range, so it has none.

use super::day::Day;
use crate::facts::numbers::{number_at, TIME_UNITS};
use crate::facts::ranges::{range_at, upper_end};
use crate::facts::tokens::Token;
use crate::facts::PostText;

/// Words before "one day" that make it a length of time ("in one day", "for one day"); without one, "one
/// day" is "some day" ("One day I'll buy my own").
const ONE_DAY_LENGTH_CUES: &[&str] = &[
    "in", "for", "within", "after", "than", "only", "just", "about", "over", "under", "per", "first", "took", "takes",
    "last", "lasted",
];
/// Sentences boards print about a thread's lifetime ("This topic was automatically closed 90 days after
/// the last reply"), lowercase: their durations are the board's rules, not times of the discussion.
const BOARD_NOTICES: &[&str] = &["automatically closed", "will close automatically", "auto-closed"];
/// Units of "N … ago" that only a board's own post times use ("16 minutes ago", "1 hour ago"): a
/// post's time is furniture, never a fact of the discussion. The same units after "in" ("Fast charge in
/// 4 hours", "done in 5 minutes") say how long something takes: a duration. A point so close to the post
/// is no day a reader can place, and none resolves to one.
const BOARD_TIME_UNITS: &[&str] =
    &["second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs"];

/// "in N <unit>" places a point in time ("in two days", "in 10 years"), unless the unit is a clock's
/// (`BOARD_TIME_UNITS`): then it is how long something takes.
fn in_placed(toks: &[Token], i: usize, unit: &str) -> bool {
    let long = LONG_UNITS.contains(&unit);
    i.checked_sub(1).is_some_and(|p| toks[p].is("in")) && !BOARD_TIME_UNITS.contains(&unit) && !long
}

/// Units too long for "in N <unit>" to place a day ("their first title in 3 decades"): a span, a duration.
const LONG_UNITS: &[&str] = &["decade", "decades", "century", "centuries"];

/// The text `start..end` is its line's only content (brackets aside): a board's stamp, not a sentence.
fn alone_on_line(text: &str, start: usize, end: usize) -> bool {
    let blank = |s: &str| s.chars().all(|c| c.is_whitespace() || c == '(' || c == ')');
    let before = text.get(..start).map(|t| t.rsplit('\n').next().unwrap_or(""));
    let after = text.get(end..).map(|t| t.split('\n').next().unwrap_or(""));
    before.is_some_and(blank) && after.is_some_and(blank)
}

/// "1/2" of "1-1/2 hours", "4" of "3/4 days", "7" of "24/7": a number right after a slash is a
/// fraction's or a date's, never a count of time on its own.
fn after_slash(toks: &[Token], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|p| toks[p].text == "/" && toks[p].end() == toks[i].start())
}

/// The number of time units at token `i`, or the range of them that starts there, read for the unit
/// after it.
struct Count {
    /// "between" of "between 3 and 5 days", else `i`.
    first: usize,
    /// First token of the number the unit follows: `i`, or the high end's of a range.
    last_number: usize,
    number: crate::facts::numbers::Number,
    range: bool,
}

/// The [`Count`] at token `i`: none at the upper end of a range or after a slash.
fn count_at_token(toks: &[Token], i: usize) -> Option<Count> {
    // The number first: most tokens are none, and end here without the range checks.
    let low = number_at(toks, i)?;
    if upper_end(toks, i) || after_slash(toks, i) {
        return None;
    }
    Some(match range_at(toks, i, &low, None) {
        Some(r) => Count { first: r.first, last_number: r.high_at, number: r.high, range: true },
        None => Count { first: i, last_number: i, number: low, range: false },
    })
}

/// The date or duration a count of time units at token `i` makes: (first token, end token, ISO value).
pub(super) fn count_at(post: &PostText, i: usize, today: Option<Day>) -> Option<(usize, usize, Option<String>)> {
    let toks = &post.tokens;
    let Count { first: range_first, last_number, number, range } = count_at_token(toks, i)?;
    // The unit follows the number ("10 years") or is hyphenated to it ("nine-year gap").
    let glued = number.suffix.is_some();
    let unit = match &number.suffix {
        Some(s) => s.clone(),
        None => toks.get(number.next).map(|t| t.text.to_lowercase())?,
    };
    if !TIME_UNITS.contains(&unit.as_str()) {
        return None; // also "36-year-old": an age, which the quantities step reads
    }
    // "36 years old" is an age, not a duration.
    let after = number.next + usize::from(!glued);
    if toks.get(after).is_some_and(|t| t.is("old")) {
        return None;
    }
    // "One day I'll buy hosting myself", "I could, one day, repay it": "one day" in words is "some day"
    // unless a word before it makes it a length ("in one day", "for one day", "only one day").
    if toks[i].is("one")
        && unit == "day"
        && !i.checked_sub(1).is_some_and(|p| ONE_DAY_LENGTH_CUES.iter().any(|c| toks[p].is(c)))
    {
        return None;
    }
    // "This topic was automatically closed 90 days after the last reply": the board's notice, in every
    // Discourse forum, not a time of the discussion.
    if post.sentence_at(toks[i].start()).is_some_and(|s| {
        let s = post.sentence(s).to_ascii_lowercase();
        BOARD_NOTICES.iter().any(|n| s.contains(n))
    }) {
        return None;
    }
    // "441678\n\nYears ago": a number and a unit on different lines are two things (a count the board
    // prints, then a time).
    if !glued && post.text.get(toks[last_number].end()..toks[number.next].start()).is_none_or(|gap| gap.contains('\n'))
    {
        return None;
    }
    let n = number.value;
    let prev = i.checked_sub(1).map(|p| toks[p].text.to_lowercase()).unwrap_or_default();
    let ago = toks.get(after).is_some_and(|t| t.is("ago"));
    // "16 minutes ago", "3 hours ago": the time a board prints beside a post, not a date of the story.
    if ago && BOARD_TIME_UNITS.contains(&unit.as_str()) {
        return None;
    }
    // "1 year ago" on a line of its own, "(edited 1 year ago)": a board's post time in any unit.
    if ago && (prev == "edited" || alone_on_line(post.text, toks[i].start(), toks[after].end())) {
        return None;
    }
    let days = match unit.trim_end_matches('s') {
        "day" => Some(n),
        "week" => Some(n * 7.0),
        _ => None,
    };
    if in_placed(toks, i, &unit) || ago {
        let sign = if ago { -1.0 } else { 1.0 };
        let whole = (n.fract() == 0.0 && n < 10_000.0).then_some(sign as i64 * n as i64);
        let value = match (unit.trim_end_matches('s'), today, whole) {
            // "10 years ago" in a post of 2022 is 2012; "3 months ago" a month.
            ("year", Some(t), Some(k)) => Some(format!("{:04}", t.year as i64 + k)),
            ("month", Some(t), Some(k)) => {
                let m = t.year as i64 * 12 + t.month as i64 - 1 + k;
                Some(format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1))
            }
            _ => today.zip(days).map(|(t, d)| t.plus((sign * d) as i64).iso()),
        };
        let first = if ago { range_first } else { i - 1 };
        let end = after + usize::from(ago);
        return Some((first, end, value.filter(|_| !range)));
    }
    let first = if range_first < i { range_first } else { duration_lead(toks, i) };
    let code = match unit.trim_end_matches('s') {
        "second" | "sec" => "S",
        "minute" | "min" => "M",
        "hour" | "hr" => "H",
        "day" => "D",
        "week" | "wk" => "W",
        "month" => "M",
        "year" | "yr" => "Y",
        _ => "",
    };
    let time = ["second", "sec", "minute", "min", "hour", "hr"].contains(&unit.trim_end_matches('s'));
    // A range ("1-2 years") has no one ISO value: neither end is the fact.
    let value = (!code.is_empty() && n.fract() == 0.0 && !range)
        .then(|| format!("P{}{}{code}", if time { "T" } else { "" }, n.min(1e15) as u64));
    Some((first, after, value))
}

/// The fact `count_at` found at token `i` is a length of time: a number of time units that nothing
/// places in time ("6 minutes", "for two years"; not "in two days" or "10 years ago").
pub(super) fn is_duration_at(post: &PostText, i: usize) -> bool {
    let toks = &post.tokens;
    let Some(Count { number: n, .. }) = count_at_token(toks, i) else { return false };
    let glued = n.suffix.is_some();
    let unit = n.suffix.clone().or_else(|| toks.get(n.next).map(|t| t.text.to_lowercase()));
    let after = n.next + usize::from(!glued);
    unit.is_some_and(|u| {
        let placed = in_placed(toks, i, &u) || toks.get(after).is_some_and(|t| t.is("ago"));
        TIME_UNITS.contains(&u.as_str()) && !placed
    })
}

/// "no more than 10 days", "within 10 days", "for 10 days": the hedge or preposition is part of it.
fn duration_lead(toks: &[Token], i: usize) -> usize {
    let is = |k: usize, w: &str| toks.get(k).is_some_and(|t| t.is(w));
    if i >= 3 && is(i - 3, "no") && is(i - 2, "more") && is(i - 1, "than") {
        return i - 3;
    }
    match i.checked_sub(1) {
        Some(p) if ["within", "for", "about", "almost", "nearly", "over", "in"].iter().any(|w| is(p, w)) => p,
        _ => i,
    }
}

//! The headers boards and flattened pages write around posts: "Shadow Fox said:", "Originally Posted by
//! X", a user name on a line of its own above the post's date. The names in them are participants, not
//! entities of the story; `mentions` skips them.

use crate::facts::tokens::Token;
use crate::facts::PostText;

/// The verbs of boards' quote headers ("Shadow Fox said:", "mista schrieb:"), in the boards' languages.
const QUOTE_VERBS: &[&str] = &["said", "wrote", "says", "writes", "schrieb", "escribió", "escreveu", "scrisse"];
/// Words a user name may hold between the run and its quote header's verb: "Tony Robbins’ Trampoline
/// said:" (the apostrophe cut the run).
const MAX_HEADER_TAIL: usize = 3;

/// A quote header's verb and colon (`said:`, `schrieb:`) or XenForo's `: ↑` at token `j`, or after a few more capitalised words and apostrophes of the same
/// user name: the run before it is a participant quoted by a board.
pub(super) fn quote_header_at(toks: &[Token], j: usize) -> bool {
    let mut k = j;
    while k < toks.len() && k - j < MAX_HEADER_TAIL && (toks[k].is_capitalized() || matches!(toks[k].text, "’" | "'"))
    {
        k += 1;
    }
    let verb = toks.get(k).is_some_and(|t| QUOTE_VERBS.iter().any(|v| t.is(v)))
        && toks.get(k + 1).is_some_and(|t| t.text == ":");
    // XenForo 2 writes "Matt Stephens: ↑" (the arrow links to the quoted post).
    let arrow = toks.get(k).is_some_and(|t| t.text == ":") && toks.get(k + 1).is_some_and(|t| t.text == "↑");
    verb || arrow
}

/// Words before "by" (or "von") that make what follows a poster's user name: vBulletin's "Originally
/// Posted by", "Posted by X 3 days ago", Stack Exchange's "asked by" and "edited by", "Zitat von X".
const POSTED_BY: &[&str] = &["posted", "asked", "answered", "edited", "submitted", "replied", "quoted", "zitat"];

/// The run at `i` follows "Posted by" (or one of `POSTED_BY`): a participant, not an entity of the story.
pub(super) fn posted_by(toks: &[Token], i: usize) -> bool {
    i >= 2 && (toks[i - 1].is("by") || toks[i - 1].is("von")) && POSTED_BY.iter().any(|w| toks[i - 2].is(w))
}

/// First words of a line that dates a post: "11-29-2024, 09:03 AM", "Jan 14, 2024", "Tue Aug 27, 2019".
const DATE_LINE_WORDS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "posted",
];
/// A post's date line is short; a longer line is a sentence that happens to open with a number.
const MAX_DATE_LINE_CHARS: usize = 40;

/// "Phil McKerracher⏎11-30-2024, 04:19 PM": a name that is a line of its own above a date line is the
/// header of a post (its author's user name) in a page flattened to text, not a name in the story.
///
/// Reads only the blanks around the run and the line after it: finding the run's line by searching
/// back and forth for line breaks cost the length of the line per run, quadratic on a post that is one
/// long line of names.
pub(super) fn post_header_line(post: &PostText, i: usize, j: usize) -> bool {
    let toks = &post.tokens;
    let text = post.text;
    let (start, end) = (toks[i].start(), toks[j - 1].end());
    // Blank up to the line break (or the text's start) before the run, and up to a line break after it.
    let blank_before = text[..start].chars().rev().take_while(|&c| c != '\n').all(char::is_whitespace);
    let tail = text[end..].trim_start_matches(|c: char| c != '\n' && c.is_whitespace());
    if !blank_before || !tail.starts_with('\n') {
        return false;
    }
    let next_line = tail.trim_start().split('\n').next().unwrap_or("").trim();
    let first = next_line.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let dated = first.chars().next().is_some_and(|c| c.is_ascii_digit())
        || DATE_LINE_WORDS.iter().any(|w| first.eq_ignore_ascii_case(w));
    dated && next_line.chars().count() <= MAX_DATE_LINE_CHARS
}

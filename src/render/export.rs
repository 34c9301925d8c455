//! What every export shares: a post's time as the export writes it, the export time, and the file name.
//!
//! Times: a board shows "1 day ago" and often carries the real time in the markup (`<time datetime>`, a
//! data attribute); the readers keep that as `Post::published`. An export is read later, when "1 day ago"
//! is wrong, so wherever `published` is known a relative time is written as the absolute one; where it is
//! not, the text stays as shown and the export says so ([`Time::relative_only`]). With
//! [`TimeFormat::Iso`](crate::TimeFormat) the machine-readable time is written as it is.
//!
//! The library has no clock (WASM has none it may read without the browser), so the export time comes in
//! through [`Options::exported_at`](crate::Options::exported_at), filled by the caller: the CLI from the
//! system clock ([`iso_from_unix`]), the extension from `Date`.

use crate::i18n::{t, tf, Msg};
use crate::model::{Post, Summary};
use crate::{Options, TimeFormat};

/// Words that mark a shown time as relative to when the page was read, in the languages the date reader
/// knows: such a time is wrong in an export read a day later.
const RELATIVE_WORDS: &[&str] = &[
    "ago",
    "just now",
    "yesterday",
    "today",
    "moments",
    "vor ",
    "gestern",
    "heute",
    "il y a",
    "hier",
    "aujourd",
    "hace ",
    "ayer",
    "hoy",
    " fa",
    "ieri",
    "oggi",
    "há ",
    "ontem",
    "hoje",
    "geleden",
    "gisteren",
    "vandaag",
];
/// A shown time this short and made of a number and a unit letter ("5m", "3h", "2d") is relative too
/// (Reddit, Lemmy, Twitter-like boards).
const SHORT_RELATIVE_MAX: usize = 4;
/// Most characters of a file name's stem: every file system takes 255 bytes, and a path with the folder
/// in front should stay well under Windows' 260 characters.
pub const FILE_NAME_MAX: usize = 100;
/// The stem when the title leaves nothing usable.
const FILE_NAME_FALLBACK: &str = "thread";

/// A post's time as an export writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Time {
    /// What the reader sees: the shown text, the absolute time, or the ISO time.
    pub text: String,
    /// The machine-readable time, where the page carries one.
    pub iso: Option<String>,
    /// The page shows only a relative time and carries no machine-readable one: the text is as shown, and
    /// relative to when the page was read.
    pub relative_only: bool,
}

/// Whether a shown time is relative to the moment the page was read ("1 day ago", "yesterday", "3h").
pub fn is_relative(shown: &str) -> bool {
    let lower = format!(" {} ", shown.trim().to_lowercase());
    if RELATIVE_WORDS.iter().any(|w| lower.contains(w)) {
        return true;
    }
    let t = shown.trim();
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    t.chars().count() <= SHORT_RELATIVE_MAX
        && digits > 0
        && t[digits..].trim().chars().all(|c| matches!(c, 's' | 'm' | 'h' | 'd' | 'w' | 'y'))
        && t.len() > digits
}

/// An ISO 8601 time as a reader reads it: `2022-01-11T14:28:00+02:00` → `2022-01-11 14:28 +02:00`
/// (`Z` → `UTC`); a date alone stays a date.
pub fn absolute(iso: &str) -> String {
    let iso = iso.trim();
    let Some((day, rest)) = iso.split_once('T') else { return iso.to_string() };
    let time: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == ':').collect();
    let hm: String = time.chars().take(5).collect();
    let zone = rest[time.len()..].trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    match zone {
        "" => format!("{day} {hm}"),
        "Z" | "z" => format!("{day} {hm} UTC"),
        z => format!("{day} {hm} {z}"),
    }
}

/// Said next to a time the page shows only relative to when it was read ("1 day ago"), in every export, in
/// the current language.
pub fn relative_note() -> &'static str {
    t(Msg::card_x_relative_note)
}

/// " (as shown on the page, …)" after a time that is relative only, else nothing.
pub fn relative_suffix(time: &Time) -> String {
    if time.relative_only {
        format!(" {}", relative_note())
    } else {
        String::new()
    }
}

/// What an export's post heading says of the post besides its author and time: its reply level, whether it is
/// the accepted answer, its score (our words in the current language, and numbers: the Markdown and the reader
/// page escape them as any text).
pub fn post_marks(p: &Post) -> Vec<String> {
    let mut marks = Vec::new();
    if p.depth > 0 {
        marks.push(tf(Msg::card_x_reply_level, &[&p.depth]));
    }
    if p.accepted {
        marks.push(t(Msg::card_accepted_answer).into());
    }
    if let Some(score) = p.score {
        marks.push(tf(Msg::card_score, &[&score]));
    }
    marks
}

/// A post's time for the exports, by the options' time format (see the module comment).
pub fn post_time(p: &Post, options: &Options) -> Option<Time> {
    let iso = p.published.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let shown = p.published_text.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let text = match (options.time_format, iso, shown) {
        (_, None, None) => return None,
        (TimeFormat::Iso, Some(iso), _) => iso.to_string(),
        (TimeFormat::Shown, Some(iso), Some(shown)) if is_relative(shown) => absolute(iso),
        (_, _, Some(shown)) => shown.to_string(),
        (TimeFormat::Shown, Some(iso), None) => absolute(iso),
    };
    let relative_only = iso.is_none() && shown.is_some_and(is_relative);
    Some(Time { text, iso: iso.map(str::to_string), relative_only })
}

/// Seconds since 1970 as an ISO 8601 UTC time (`2026-12-01T09:56:50Z`), for callers that fill
/// [`Options::exported_at`](crate::Options::exported_at) from a clock.
pub fn iso_from_unix(secs: i64) -> String {
    let day = crate::facts::dates::Day::from_ordinal(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!("{}T{:02}:{:02}:{:02}Z", day.iso(), s / 3600, s / 60 % 60, s % 60)
}

/// A file name for an export of `s`: the title made safe on every system (see
/// [`escape::file_name`](super::escape::file_name)), at most [`FILE_NAME_MAX`] characters, then `.ext`.
pub fn file_name(s: &Summary, ext: &str) -> String {
    let stem = super::escape::file_name(&s.title, FILE_NAME_MAX);
    let stem = if stem.is_empty() { FILE_NAME_FALLBACK.to_string() } else { stem };
    let ext: String = ext.chars().filter(char::is_ascii_alphanumeric).collect();
    if ext.is_empty() {
        stem
    } else {
        format!("{stem}.{ext}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_times_are_told_apart() {
        for t in ["1 day ago", "Yesterday at 14:28", "vor 3 Tagen", "il y a 2 jours", "3h", "5 m", "just now"] {
            assert!(is_relative(t), "{t}");
        }
        for t in ["Tue Jan 11, 2022, 02:28 PM", "11.01.2022, 14:28", "May 2, 2024, 7:15am", "2022", "12"] {
            assert!(!is_relative(t), "{t}");
        }
    }

    #[test]
    fn times_by_format() {
        let p = |iso: Option<&str>, shown: Option<&str>| Post {
            published: iso.map(str::to_string),
            published_text: shown.map(str::to_string),
            ..Post::default()
        };
        let shown = Options::default();
        let iso = Options { time_format: TimeFormat::Iso, ..Options::default() };
        let t = post_time(&p(Some("2022-01-11T14:28:00Z"), Some("1 day ago")), &shown).expect("time");
        assert_eq!((t.text.as_str(), t.relative_only), ("2022-01-11 14:28 UTC", false));
        let t = post_time(&p(Some("2022-01-11T14:28:00+02:00"), Some("Jan 11")), &shown).expect("time");
        assert_eq!(t.text, "Jan 11");
        let t = post_time(&p(Some("2022-01-11T14:28:00+02:00"), Some("Jan 11")), &iso).expect("time");
        assert_eq!(t.text, "2022-01-11T14:28:00+02:00");
        let t = post_time(&p(None, Some("2 days ago")), &iso).expect("time");
        assert_eq!((t.text.as_str(), t.relative_only), ("2 days ago", true));
        assert_eq!(post_time(&p(None, None), &shown), None);
        assert_eq!(absolute("2022-01-11T14:28:05.123-05:00"), "2022-01-11 14:28 -05:00");
    }

    #[test]
    fn unix_times_and_file_names() {
        assert_eq!(iso_from_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_from_unix(1_795_975_010), "2026-11-29T17:56:50Z");
        let s = |t: &str| Summary { title: t.into(), ..Summary::default() };
        assert_eq!(file_name(&s("CON"), "md"), "CON_.md");
        assert_eq!(file_name(&s("a/b\\c:d*e?f\"g<h>i|j"), "md"), "a b c d e f g h i j.md");
        assert_eq!(file_name(&s("  ...  "), "json"), "thread.json");
        assert_eq!(file_name(&s(&"é".repeat(300)), "md").chars().count(), FILE_NAME_MAX + 3);
    }
}

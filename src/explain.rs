//! `threadcard --explain FILE`: what each stage did with a page, for whoever wonders why a card came out as
//! it did: how the bytes were decoded, what the clean stage removed (by reason), which engine detectors
//! matched, which reader was chosen and why, and a detected engine whose reader found no posts.

use crate::decode::{self, Source};
use crate::error::Error;
use crate::thread::engines::Detection;
use crate::{budget, clean, parse, text, thread};
use std::fmt::Write;

/// How many removal reasons are listed, most text first; the rest are summed on one line.
const MAX_REASONS: usize = 12;

/// The explanation of one page, as lines of text.
pub fn explain(bytes: &[u8], url: Option<&str>) -> Result<String, Error> {
    let decoded = decode::decode_at(bytes, url)?;
    let (html, notice) = budget::apply(&decoded.text);
    let page = parse::parse(&html, url)?;
    let words_parsed = text::word_count(&text::text_of(*page.doc.root_element()));
    let mut removed = clean::Removed::default();
    let page = clean::clean_noting(page, Some(&mut removed));
    let words_clean = text::word_count(&text::text_of(*page.doc.root_element()));
    let mut detection = Detection::default();
    let thread = thread::find_noting(&page, Some(&mut detection));
    let mut out = String::new();
    decode_line(&mut out, &decoded);
    if let Some(notice) = notice {
        let _ = writeln!(out, "budget: {notice}");
    }
    clean_lines(&mut out, &removed, words_parsed, words_clean);
    thread_lines(&mut out, &page, &thread, &detection, words_clean);
    Ok(out)
}

fn decode_line(out: &mut String, d: &decode::Decoded) {
    let how = match d.source {
        Source::Bom => "its byte order mark",
        Source::Utf8 => "the bytes are UTF-8 text",
        Source::Meta => "<meta charset> / http-equiv in the first 1024 bytes",
        Source::Detector => "nothing declared: the encoding detector's guess",
        Source::Default => "nothing declared, no detector in this build: the default",
    };
    let malformed = if d.malformed { "; some bytes were malformed and became U+FFFD" } else { "" };
    let _ = writeln!(out, "decode: {} ({how}){malformed}", d.encoding);
}

fn clean_lines(out: &mut String, removed: &clean::Removed, words_parsed: usize, words_clean: usize) {
    let elements: usize = removed.by_reason.values().map(|v| v.0).sum();
    let _ = writeln!(
        out,
        "clean: removed {elements} elements; words {words_parsed} -> {words_clean} ({} removed)",
        words_parsed.saturating_sub(words_clean)
    );
    let mut reasons: Vec<(&String, &(usize, usize))> = removed.by_reason.iter().collect();
    reasons.sort_by(|a, b| b.1 .1.cmp(&a.1 .1).then(b.1 .0.cmp(&a.1 .0)).then(a.0.cmp(b.0)));
    for (why, (n, chars)) in reasons.iter().take(MAX_REASONS) {
        let _ = writeln!(out, "  {n:>5} x {why:<36} {chars:>7} characters of text");
    }
    if reasons.len() > MAX_REASONS {
        let rest = &reasons[MAX_REASONS..];
        let (n, chars) = rest.iter().fold((0, 0), |acc, (_, (n, c))| (acc.0 + n, acc.1 + c));
        let _ =
            writeln!(out, "  {n:>5} x {:<36} {chars:>7} characters of text", format!("({} other reasons)", rest.len()));
    }
}

fn thread_lines(out: &mut String, page: &parse::Page, t: &thread::Thread, d: &Detection, words_clean: usize) {
    let matched = if d.matched.is_empty() { "none".to_string() } else { d.matched.join(", ") };
    let _ = writeln!(out, "thread: engine detectors matched: {matched}");
    for name in &d.empty {
        let _ = writeln!(out, "  detected as {name}, but its reader found no posts (a theme it does not know?)");
    }
    let why = match t.platform.as_str() {
        "generic" => "no engine reader found posts; the structural detector found the repeated post block".to_string(),
        "article" => {
            let miss = thread::generic::why_not(page).map_or("", |m| m.describe());
            format!(
                "neither an engine reader nor the structural detector found posts ({miss}): the page's main text as one post"
            )
        }
        _ => "the first detected engine whose reader found posts".to_string(),
    };
    let _ = writeln!(out, "  reader: {} ({why})", t.platform);
    let post_words: usize = t.posts.iter().map(|p| text::word_count(&p.text)).sum();
    let authors = t.posts.iter().filter(|p| p.author.is_some()).count();
    let dated = t.posts.iter().filter(|p| p.published.is_some()).count();
    let _ = writeln!(
        out,
        "  {} posts ({authors} with an author, {dated} with a time), {post_words} of the cleaned page's {words_clean} words",
        t.posts.len()
    );
    let _ = writeln!(out, "  title: {:?}; section: {:?}", t.title, t.section);
}

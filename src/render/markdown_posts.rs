//! The Markdown export's posts: a heading per post (number, author, time, reply depth, a link to the post
//! on the board), then its body as Markdown a notes app renders as the board showed it.
//!
//! The body is `Post::markdown` (src/text.rs, escaped there) with two things a renderer would otherwise
//! lose: a line break inside a paragraph (a `<br>` on the board) is written as a CommonMark hard break (a
//! backslash at the end of the line), since a plain newline renders as a space; and a quote of another post
//! opens with its author in bold, as the board's quote header does (a header line the board wrote above the
//! quote, "bob said:", moves into it).

use super::escape;
use super::export::post_time;
use crate::i18n::{t, Msg};
use crate::model::{Post, Summary};
use crate::Options;
use std::fmt::Write;

/// A line above a quote is the board's quote header ("bob said:", "bob wrote: ↑") when it names the quote's
/// author, ends with a colon (give or take an arrow) and is at most this long.
const QUOTE_HEADER_MAX: usize = 80;

/// "## Posts" (in the current language) and every post.
pub fn posts(out: &mut String, s: &Summary, options: &Options) {
    let _ = writeln!(out, "\n## {}\n", escape::markdown(t(Msg::card_h_posts)));
    for (i, p) in s.posts.iter().enumerate() {
        let _ = writeln!(out, "{}\n", heading(i, p, options));
        if let Some(t) = p.title.as_deref().map(str::trim).filter(|t| !t.is_empty() && *t != s.title.trim()) {
            let _ = writeln!(out, "**{}**\n", escape::markdown(t));
        }
        let body = if p.markdown.trim().is_empty() { escape::markdown(&p.text) } else { p.markdown.clone() };
        let _ = writeln!(out, "{}\n", hard_breaks(&nested_headings(&quote_headers(&body, p))));
    }
}

/// Level of the post headings (`###`): a heading inside a post's body is written at least one level
/// below, so the outline stays one heading per post (a link preview's `<h3>` title, a Discourse post's
/// `## Setup` section).
const POST_HEADING_LEVEL: usize = 3;
/// The deepest heading Markdown has.
const MAX_HEADING_LEVEL: usize = 6;

/// Headings of a post's body moved below the post's own heading (code blocks untouched).
fn nested_headings(md: &str) -> String {
    let mut out = String::with_capacity(md.len() + 16);
    let mut fence: Option<String> = None;
    for line in md.split_inclusive('\n') {
        let (_, content) = split_quote(line);
        track_fence(&mut fence, content);
        let hashes = content.bytes().take_while(|&b| b == b'#').count();
        let heading = (1..=MAX_HEADING_LEVEL).contains(&hashes)
            && content[hashes..].chars().next().is_none_or(|c| c == ' ' || c == '\n');
        if fence.is_none() && heading && hashes <= POST_HEADING_LEVEL {
            let at = line.len() - content.len();
            out.push_str(&line[..at]);
            out.push_str(&"#".repeat(POST_HEADING_LEVEL + 1 - hashes));
            out.push_str(content);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// `### 2. bob · 2022-01-11 14:28 · reply, level 1 · [link](…)`: every piece the page gives.
fn heading(i: usize, p: &Post, options: &Options) -> String {
    let author = p.author.as_deref().map(str::trim).filter(|a| !a.is_empty());
    let author = author.unwrap_or(t(Msg::card_unknown_author));
    let mut parts = vec![format!("{}. {}", i + 1, escape::markdown(author))];
    if let Some(time) = post_time(p, options) {
        let note = super::export::relative_suffix(&time);
        parts.push(escape::markdown(&format!("{}{note}", time.text)));
    }
    parts.extend(super::export::post_marks(p).iter().map(|m| escape::markdown(m)));
    if let Some(url) = p.permalink.as_deref().and_then(escape::markdown_url) {
        parts.push(format!("[{}]({url})", escape::markdown(t(Msg::card_x_link))));
    }
    format!("### {}", parts.join(" · "))
}

/// The quote's level and the rest of a line: `> > text` → (2, "text").
fn split_quote(line: &str) -> (usize, &str) {
    let mut rest = line;
    let mut level = 0;
    while let Some(r) = rest.strip_prefix('>') {
        level += 1;
        rest = r.strip_prefix(' ').unwrap_or(r);
    }
    (level, rest)
}

/// The fence a code block opens with (three backticks or more, nothing else on the line).
fn fence_of(content: &str) -> Option<&str> {
    let t = content.trim_end();
    (t.len() >= 3 && t.bytes().all(|b| b == b'`')).then_some(t)
}

/// Follows code fences line by line: `fence` is the fence of the open code block, if any, after `content`.
fn track_fence(fence: &mut Option<String>, content: &str) {
    match (fence.as_deref(), fence_of(content)) {
        (Some(open), Some(f)) if f == open => *fence = None,
        (None, Some(f)) => *fence = Some(f.to_string()),
        _ => {}
    }
}

/// Whether a line opens a block of its own (list item, quote, heading, fence, rule, indented code): a
/// line break before it is a block break already, and a hard break there would show as a stray `\`.
fn starts_block(content: &str) -> bool {
    let t = content.trim_start();
    let marker = t.chars().next();
    let numbered = {
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && matches!(t[digits..].chars().next(), Some('.' | ')'))
    };
    content.starts_with("    ")
        || content.starts_with('\t')
        || matches!(marker, Some('-' | '+' | '*' | '>' | '#' | '=' | '|' | '~'))
        || t.starts_with("```")
        || numbered
}

/// Line breaks inside paragraphs (quotes included) as CommonMark hard breaks; code blocks untouched.
pub fn hard_breaks(md: &str) -> String {
    let lines: Vec<&str> = md.lines().collect();
    let mut out = String::with_capacity(md.len() + lines.len());
    let mut fence: Option<String> = None;
    for (i, line) in lines.iter().enumerate() {
        let (level, content) = split_quote(line);
        out.push_str(line);
        track_fence(&mut fence, content);
        let next = lines.get(i + 1).map(|l| split_quote(l));
        let joins = fence.is_none()
            && fence_of(content).is_none()
            && !content.trim().is_empty()
            && !content.trim_start().starts_with('#')
            && !content.ends_with("  ")
            && next.is_some_and(|(l, c)| l == level && !c.trim().is_empty() && !starts_block(c));
        if joins {
            out.push('\\');
        }
        out.push('\n');
    }
    out.trim_end_matches('\n').to_string()
}

/// Each quote block of another post (a top-level `>` block, in the order of `Post::quotes`) opens with its
/// author in bold; a header line the board wrote just above it ("bob said:") is taken into it.
fn quote_headers(md: &str, p: &Post) -> String {
    if p.quotes.iter().all(|q| q.author.as_deref().is_none_or(|a| a.trim().is_empty())) {
        return md.to_string();
    }
    let mut out: Vec<String> = Vec::new();
    let mut next = 0;
    let mut fence: Option<String> = None;
    let mut in_quote = false;
    for line in md.lines() {
        let (level, content) = split_quote(line);
        if level == 0 {
            match (&fence, fence_of(content)) {
                (Some(open), Some(f)) if f == open => fence = None,
                (None, Some(f)) => fence = Some(f.to_string()),
                _ => {}
            }
        }
        let opens = level > 0 && !in_quote && fence.is_none();
        in_quote = level > 0;
        if !opens {
            out.push(line.to_string());
            continue;
        }
        let author = p.quotes.get(next).and_then(|q| q.author.as_deref()).map(str::trim).filter(|a| !a.is_empty());
        next += 1;
        let Some(author) = author else {
            out.push(line.to_string());
            continue;
        };
        let is_header = |l: &str| is_quote_header(l, author);
        // The board's header line above the quote, then a blank line: both go.
        let above = out.len().checked_sub(2).filter(|&k| out[k + 1].trim().is_empty() && is_header(&out[k]));
        if let Some(k) = above {
            out.truncate(k);
        }
        if !is_header(content) {
            out.push(format!("> **{}**", escape::markdown(author)));
            out.push(">".into());
        }
        out.push(line.to_string());
    }
    out.join("\n")
}

/// Whether a line (Markdown, escaped) is a quote header naming `author`: see [`QUOTE_HEADER_MAX`].
fn is_quote_header(line: &str, author: &str) -> bool {
    let t = line.trim().trim_end_matches(['↑', ' ', '\u{2191}']).trim_end();
    let lower = t.to_lowercase();
    t.chars().count() <= QUOTE_HEADER_MAX
        && t.ends_with(':')
        && (lower.contains(&author.to_lowercase()) || lower.contains(&escape::markdown(author).to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PostQuote;

    #[test]
    fn line_breaks_become_hard_breaks_outside_code_and_lists() {
        let md = "one\ntwo\n\n- a\n- b\n\n```\nx\ny\n```\n\n> q1\n> q2\n\n# h\nafter\n\nend\n---";
        assert_eq!(
            hard_breaks(md),
            "one\\\ntwo\n\n- a\n- b\n\n```\nx\ny\n```\n\n> q1\\\n> q2\n\n# h\nafter\n\nend\n---"
        );
    }

    #[test]
    fn body_headings_sit_below_the_post_heading() {
        let md =
            "# Title\n\n### [Guide](https://a.example/g)\n\n> ## quoted\n\n```\n# comment\n```\n\n##### deep\n#hashtag";
        assert_eq!(
            nested_headings(md),
            "#### Title\n\n#### [Guide](https://a.example/g)\n\n> #### quoted\n\n```\n# comment\n```\n\n##### deep\n#hashtag"
        );
    }

    #[test]
    fn quotes_open_with_their_author() {
        let p = Post {
            quotes: vec![PostQuote { author: Some("crumbly".into()), text: "smells".into() }],
            ..Post::default()
        };
        assert_eq!(quote_headers("crumbly:\n\n> smells\n\nreply", &p), "> **crumbly**\n>\n> smells\n\nreply");
        assert_eq!(quote_headers("> smells\n\nreply", &p), "> **crumbly**\n>\n> smells\n\nreply");
        assert_eq!(quote_headers("> crumbly said:\n> smells", &p), "> crumbly said:\n> smells");
    }
}

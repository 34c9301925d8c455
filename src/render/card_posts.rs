//! The card's posts as an outline: each post one line (author · time · score · first words) in a
//! `<details>`, so a thread of hundreds of posts costs one line each until the reader opens one, and
//! opening works without script. An open post shows its body read back from the post's Markdown
//! (`Post::markdown`, the dialect src/text.rs writes): code in monospace, links clickable (through
//! `escape::href` only, opening in a new tab), quotes of other posts collapsed to their author and
//! first line. All text goes through `escape::html`.
//!
//! The extension's card sends the bodies apart ([`posts`] with `apart`): its outline carries each post's
//! line and an empty body, and the page script inserts a body when the reader opens its post, so showing
//! the card of a long thread costs its lines, not its posts. The standalone page keeps them inline.
//!
//! The reader is one pass over each line; the only look-ahead (the end of a code span or of a link) is
//! bounded by the paragraph, and a marker with no end is remembered as such, so a hostile post cannot
//! make it quadratic.

use super::escape::{href, html as esc, push_html_char};
use crate::i18n::{t, tf, Msg};
use crate::model::{Post, Summary};
use std::fmt::Write;

/// Characters of a post's opening words on its outline line: about one line of the panel at 1280 px.
const FIRST_WORDS_CHARS: usize = 90;
/// Characters of a collapsed quote's first line.
const QUOTE_LINE_CHARS: usize = 80;
/// Quotes inside quotes are read to this depth; deeper ones stay as plain quoted text.
const MAX_QUOTE_DEPTH: usize = 3;

/// Where [`posts`] puts each post's body.
pub enum Bodies<'a> {
    /// In its post (the standalone page).
    Inline,
    /// Apart, one string per post in order, and the post holds an empty `<div class="tc-post-body">` for
    /// its body to be put in when the post is opened.
    Apart(&'a mut Vec<String>),
    /// Nowhere: the posts' empty `<div>`s only, the bodies rendered later ([`bodies`]), after the card
    /// is shown.
    Later,
}

/// Each post's body, in order: what [`Bodies::Apart`] collects.
pub fn bodies(s: &Summary) -> Vec<String> {
    s.posts
        .iter()
        .map(|p| {
            let mut b = String::new();
            post_body(&mut b, p);
            b
        })
        .collect()
}

/// The "Posts" section: a button pair to open or close every post, then one `<details>` per post, each
/// body where `bodies` says.
pub fn posts(o: &mut String, s: &Summary, mut bodies: Bodies) {
    let _ = write!(
        o,
        r#"<section class="tc-posts" aria-labelledby="tc-posts-h"><div class="tc-posts-bar"><h2 id="tc-posts-h">{}</h2><button type="button" data-action="expand-all">{}</button><button type="button" data-action="collapse-all">{}</button></div>"#,
        t(Msg::card_h_posts),
        t(Msg::card_expand_all),
        t(Msg::card_collapse_all)
    );
    for (i, p) in s.posts.iter().enumerate() {
        match &mut bodies {
            Bodies::Apart(apart) => {
                line(o, i, p);
                let mut b = String::new();
                post_body(&mut b, p);
                apart.push(b);
            }
            Bodies::Later => line(o, i, p),
            Bodies::Inline => post(o, i, p),
        }
        o.push_str("</div></details>");
    }
    let _ = write!(o, "</section>");
}

/// One post with its body inside, up to (not including) the closing `</div></details>`.
fn post(o: &mut String, i: usize, p: &Post) {
    line(o, i, p);
    post_body(o, p);
}

/// A post's `<details>` and its one-line `<summary>`, opening the body's `<div>`.
fn line(o: &mut String, i: usize, p: &Post) {
    let depth = p.depth.min(6);
    let author = p
        .author
        .as_deref()
        .filter(|a| !a.trim().is_empty())
        .map(esc)
        .unwrap_or_else(|| t(Msg::card_unknown_author).into());
    let mut meta = String::new();
    if let Some(w) = super::when(p.published.as_deref(), p.published_text.as_deref()) {
        let _ = write!(meta, " · {}", esc(&w));
    }
    if let Some(score) = p.score {
        let _ = write!(meta, " · {}", tf(Msg::card_score, &[&score]));
    }
    if p.accepted {
        let _ = write!(meta, " · {}", t(Msg::card_accepted));
    }
    let _ = write!(
        o,
        r#"<details class="tc-post" id="tc-post-{i}" data-post="{i}" data-depth="{depth}"><summary><h3 class="tc-post-head"><span class="tc-post-author">{author}</span><span class="tc-post-time">{meta}</span> <span class="tc-post-first">{}</span></h3></summary><div class="tc-post-body">"#,
        esc(&first_words(p))
    );
}

/// What an open post shows: its paragraphs, code, links and collapsed quotes, and its link on the board.
fn post_body(o: &mut String, p: &Post) {
    o.push_str(&body_html(p, false));
    if let Some(url) = p.permalink.as_deref().and_then(href) {
        let _ = write!(
            o,
            r#"<p class="tc-post-link"><a href="{url}" target="_blank" rel="noopener noreferrer">{}</a></p>"#,
            t(Msg::card_open_on_board)
        );
    }
}

/// The post's opening words, its own text before any quote: the first paragraph of its Markdown that is
/// neither a quote nor code, as plain text, cut at a word.
fn first_words(p: &Post) -> String {
    let paras: Vec<&str> = p.markdown.split("\n\n").map(str::trim).filter(|para| !para.is_empty()).collect();
    // A quote's header ("[image](avatar) crumbly:") is the quote's, not the post's own words.
    let header = |k: usize| {
        let text = plain(paras[k]);
        super::digest::is_quote_header(&text, p)
            || (text.ends_with(':') && paras.get(k + 1).is_some_and(|n| n.starts_with('>')))
    };
    let own = (0..paras.len())
        .find(|&k| !paras[k].starts_with('>') && !paras[k].starts_with("```") && !header(k))
        .map(|k| plain(paras[k]))
        .unwrap_or_else(|| p.text.lines().find(|l| !l.trim().is_empty()).unwrap_or("").to_string());
    cut(&own.split_whitespace().collect::<Vec<_>>().join(" "), FIRST_WORDS_CHARS)
}

/// `s` cut to at most `max` characters at a word boundary, with an ellipsis when cut.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max).collect();
    let at = head.rfind(' ').filter(|&i| i > max / 2).unwrap_or(head.len());
    format!("{}…", head[..at].trim_end())
}

/// A post's body as HTML (paragraphs, code, links, quotes headed by their author). `open_quotes`: quotes
/// of other posts start open (the reader page, which is also printed) instead of collapsed (the card).
pub(crate) fn body_html(p: &Post, open_quotes: bool) -> String {
    let mut o = String::new();
    if p.markdown.trim().is_empty() {
        for para in p.text.split("\n\n") {
            let lines: Vec<String> = para.lines().map(esc).collect();
            let _ = write!(o, "<p>{}</p>", lines.join("<br>"));
        }
    } else {
        let mut quotes = QuoteAuthors { post: p, next: 0, open: open_quotes };
        body(&mut o, &p.markdown, 0, &mut quotes);
    }
    o
}

/// Hands out the authors of the post's quotes (`Post::quotes`), in order, to its quote blocks.
struct QuoteAuthors<'a> {
    post: &'a Post,
    next: usize,
    /// Quotes start open (see [`body_html`]).
    open: bool,
}

impl QuoteAuthors<'_> {
    fn take(&mut self) -> Option<String> {
        let q = self.post.quotes.get(self.next)?;
        self.next += 1;
        q.author.clone().filter(|a| !a.trim().is_empty())
    }
}

/// Block level: code fences, quote blocks, paragraphs (lines joined by line breaks).
fn body(o: &mut String, md: &str, depth: usize, quotes: &mut QuoteAuthors) {
    let lines: Vec<&str> = md.lines().collect();
    let mut i = 0;
    let mut para: Vec<&str> = Vec::new();
    while i < lines.len() {
        let line = lines[i];
        if let Some(fence) = fence_of(line) {
            flush(o, &mut para);
            let end = (i + 1..lines.len()).find(|&j| lines[j].trim_end() == fence).unwrap_or(lines.len());
            let code = lines[i + 1..end].join("\n");
            let _ = write!(o, r#"<pre class="tc-code"><code>{}</code></pre>"#, esc(&code));
            i = end + 1;
        } else if line.starts_with('>') && depth < MAX_QUOTE_DEPTH {
            flush(o, &mut para);
            let end = (i..lines.len()).find(|&j| !lines[j].starts_with('>')).unwrap_or(lines.len());
            let inner: Vec<&str> = lines[i..end].iter().map(|l| unquote(l)).collect();
            quote(o, &inner.join("\n"), depth, quotes);
            i = end;
        } else if line.trim().is_empty() {
            flush(o, &mut para);
            i += 1;
        } else {
            para.push(line);
            i += 1;
        }
    }
    flush(o, &mut para);
}

/// The fence a code block opens with (three backticks or more, nothing else on the line).
fn fence_of(line: &str) -> Option<&str> {
    let t = line.trim_end();
    (t.len() >= 3 && t.bytes().all(|b| b == b'`')).then_some(t)
}

fn unquote(line: &str) -> &str {
    let rest = line.strip_prefix('>').unwrap_or(line);
    rest.strip_prefix(' ').unwrap_or(rest)
}

/// A quote of another post, collapsed to its author and first line.
fn quote(o: &mut String, inner: &str, depth: usize, quotes: &mut QuoteAuthors) {
    let author = if depth == 0 { quotes.take() } else { None };
    // A quote header naming the author ("bob said:", "bob wrote: ↑") says nothing the author's name does not.
    let names_author = |l: &str| author.as_deref().is_some_and(|a| l.to_lowercase().contains(&a.to_lowercase()));
    let lines: Vec<String> = inner.lines().map(|l| plain(l).trim().to_string()).filter(|l| !l.is_empty()).collect();
    let first = lines.iter().find(|l| !names_author(l)).or(lines.first()).cloned().unwrap_or_default();
    let who = author.as_deref().map(|a| format!(r#"<b class="tc-quote-author">{}</b>: "#, esc(a))).unwrap_or_default();
    let _ = write!(
        o,
        r#"<details class="tc-inquote"{}><summary>{who}{}</summary><blockquote>"#,
        if quotes.open { " open" } else { "" },
        esc(&cut(&first, QUOTE_LINE_CHARS))
    );
    let mut none = QuoteAuthors { post: quotes.post, next: usize::MAX, open: quotes.open };
    body(o, inner, depth + 1, &mut none);
    let _ = write!(o, "</blockquote></details>");
}

fn flush(o: &mut String, para: &mut Vec<&str>) {
    if para.is_empty() {
        return;
    }
    o.push_str("<p>");
    for (i, l) in para.iter().enumerate() {
        if i > 0 {
            o.push_str("<br>");
        }
        Inline::new(l.trim_start_matches('#').trim_start()).run(o, true);
    }
    o.push_str("</p>");
    para.clear();
}

/// One line of the post's Markdown as HTML: escapes undone, code spans as `<code>`, links and autolinks
/// as links that open in a new tab, emphasis marks dropped.
#[cfg(test)]
fn inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 16);
    Inline::new(line).run(&mut out, true);
    out
}

/// One line of the post's Markdown as plain text (what its outline line and a quote's first line show).
fn plain(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    Inline::new(line).run(&mut out, false);
    out
}

/// The inline reader. `html`: write escaped HTML with links and code; else plain text.
struct Inline {
    c: Vec<char>,
    /// Backtick runs of these lengths have no closing run further on.
    unclosed_ticks: Vec<usize>,
    /// A `[` found no `](` further on.
    no_link_end: bool,
}

impl Inline {
    fn new(src: &str) -> Self {
        Inline { c: src.chars().collect(), unclosed_ticks: Vec::new(), no_link_end: false }
    }

    fn run(&mut self, out: &mut String, html: bool) {
        let mut i = 0;
        let n = self.c.len();
        while i < n {
            i = self.step(i, n, out, html);
        }
    }

    /// Reads one element starting at `i` (no further than `end`); returns where the next one starts.
    fn step(&mut self, i: usize, end: usize, out: &mut String, html: bool) -> usize {
        match self.c[i] {
            '\\' if i + 1 < end => {
                push(out, self.c[i + 1], html);
                i + 2
            }
            '`' => self.code(i, end, out, html),
            '[' => self.link(i, end, out, html),
            '!' if i + 1 < end && self.c[i + 1] == '[' => self.link(i + 1, end, out, html),
            '<' => self.autolink(i, end, out, html),
            '*' => i + 1,
            ch => {
                push(out, ch, html);
                i + 1
            }
        }
    }

    fn code(&mut self, i: usize, end: usize, out: &mut String, html: bool) -> usize {
        let run = (i..end).take_while(|&j| self.c[j] == '`').count();
        let close = if self.unclosed_ticks.contains(&run) { None } else { self.find_ticks(i + run, end, run) };
        let Some(close) = close else {
            self.unclosed_ticks.push(run);
            (0..run).for_each(|_| push(out, '`', html));
            return i + run;
        };
        let code: String = self.c[i + run..close].iter().collect();
        let code = code.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')).unwrap_or(&code);
        if html {
            let _ = write!(out, "<code>{}</code>", esc(code));
        } else {
            out.push_str(code);
        }
        close + run
    }

    /// The start of the next run of exactly `run` backticks from `from`.
    fn find_ticks(&self, from: usize, end: usize, run: usize) -> Option<usize> {
        let mut j = from;
        while j < end {
            if self.c[j] == '`' {
                let len = (j..end).take_while(|&k| self.c[k] == '`').count();
                if len == run {
                    return Some(j);
                }
                j += len;
            } else {
                j += 1;
            }
        }
        None
    }

    /// `[text](url)`: the text read inline, linked where `escape::href` allows the URL.
    fn link(&mut self, i: usize, end: usize, out: &mut String, html: bool) -> usize {
        let found = if self.no_link_end { None } else { self.link_end(i, end) };
        let Some((text_end, url_end)) = found else {
            self.no_link_end = true;
            push(out, '[', html);
            return i + 1;
        };
        let url: String = self.c[text_end + 2..url_end].iter().collect();
        let target = href(&url).filter(|_| html);
        if let Some(h) = &target {
            let _ = write!(out, r#"<a href="{h}" target="_blank" rel="noopener noreferrer">"#);
        }
        let mut j = i + 1;
        while j < text_end {
            j = self.step(j, text_end, out, html);
        }
        if target.is_some() {
            out.push_str("</a>");
        }
        url_end + 1
    }

    /// Where a link opened at `i` ends: the `]` before `(`, and the `)` after the URL.
    fn link_end(&self, i: usize, end: usize) -> Option<(usize, usize)> {
        let mut depth = 0usize;
        let mut j = i;
        while j < end {
            match self.c[j] {
                '\\' => j += 1,
                '[' => depth += 1,
                ']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        if self.c.get(j + 1) != Some(&'(') {
                            return None;
                        }
                        let close = (j + 2..end).find(|&k| self.c[k] == ')' || self.c[k] == ' ')?;
                        return (self.c[close] == ')').then_some((j, close));
                    }
                }
                _ => {}
            }
            j += 1;
        }
        None
    }

    /// `<https://...>`: the URL as its own link text.
    fn autolink(&mut self, i: usize, end: usize, out: &mut String, html: bool) -> usize {
        let close = (i + 1..end).take_while(|&k| !self.c[k].is_whitespace()).find(|&k| self.c[k] == '>');
        let url: Option<String> = close.map(|k| self.c[i + 1..k].iter().collect());
        match (close, url) {
            (Some(k), Some(url)) if url.contains(':') => {
                match href(&url).filter(|_| html) {
                    Some(h) => {
                        let _ =
                            write!(out, r#"<a href="{h}" target="_blank" rel="noopener noreferrer">{}</a>"#, esc(&url));
                    }
                    None if html => out.push_str(&esc(&url)),
                    None => out.push_str(&url),
                }
                k + 1
            }
            _ => {
                push(out, '<', html);
                i + 1
            }
        }
    }
}

fn push(out: &mut String, ch: char, html: bool) {
    if html {
        push_html_char(out, ch);
    } else {
        out.push(ch);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PostQuote;

    #[test]
    fn code_links_and_escapes() {
        let html =
            inline(r"see [this \[guide\]](https://example.org/a?b=1&c=2) and `tiny.conf` \*not\* <https://x.example/>");
        assert_eq!(
            html,
            r#"see <a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">this [guide]</a> and <code>tiny.conf</code> *not* <a href="https://x.example/" target="_blank" rel="noopener noreferrer">https://x.example/</a>"#
        );
        assert_eq!(inline("[bad](javascript:alert(1))"), "bad)");
        assert_eq!(inline("a ` b [c <d"), "a ` b [c &lt;d");
    }

    #[test]
    fn quotes_collapse_to_author_and_first_line() {
        let p = Post {
            author: Some("kettlequeen".into()),
            markdown:
                "> limescale\\_larry said:\n>\n> Is citric acid better?\n\nCitric acid.\n\n```\nlet x = <b>;\n```"
                    .into(),
            quotes: vec![PostQuote { author: Some("limescale_larry".into()), text: "Is citric acid better?".into() }],
            ..Post::default()
        };
        let mut o = String::new();
        post(&mut o, 1, &p);
        o.push_str("</div></details>");
        assert!(
            o.contains(r#"<summary><b class="tc-quote-author">limescale_larry</b>: Is citric acid better?</summary>"#),
            "{o}"
        );
        assert!(o.contains(r#"<span class="tc-post-first">Citric acid.</span>"#), "{o}");
        assert!(o.contains(r#"<pre class="tc-code"><code>let x = &lt;b&gt;;</code></pre>"#), "{o}");
        assert!(o.starts_with(r#"<details class="tc-post" id="tc-post-1""#), "{o}");
    }

    #[test]
    fn first_words_are_cut_at_a_word() {
        let long = "word ".repeat(40);
        let p = Post { markdown: long.clone(), text: long, ..Post::default() };
        let f = first_words(&p);
        assert!(f.ends_with('…') && f.chars().count() <= FIRST_WORDS_CHARS + 1, "{f}");
    }
}

//! The one place that escapes page text for each output. Every other module calls these; none escapes
//! on its own.
//!
//! What each output may hold, whatever the page:
//! - HTML ([`html`], [`href`]): page text only as element text or a double-quoted attribute value, with
//!   `& < > " '` as entities; link targets only `http:`, `https:` and `mailto:`.
//! - Markdown ([`markdown`], [`markdown_url`], [`code_span`], [`code_block`]): page text with every
//!   character CommonMark reads as markup backslash-escaped, so no raw HTML, link, image or emphasis can
//!   come from it; URLs only `http:`, `https:` and `mailto:`, percent-encoded where Markdown would end or
//!   bend them; code in fences longer than any backtick run inside.
//! - YAML front matter ([`yaml`]): every value a double-quoted scalar, escaped, so no page text is read as YAML
//!   syntax. File names ([`file_name`]): no character or name some system refuses.
//! - Every text output ([`strip_controls`]): no C0/C1 control characters except newline and tab, and no
//!   bidirectional overrides or isolates (a page could use them to hide or reorder what a reader sees, or
//!   to send escape sequences to a terminal).

/// Link schemes an export may carry as a link. Everything else (`javascript:`, `data:`, `vbscript:`,
/// `file:`, ...) becomes text: these three open a page or a mail client and run nothing.
const SAFE_SCHEMES: &[&str] = &["http:", "https:", "mailto:"];

/// Characters CommonMark (and GFM tables) read as markup in text: escaped with a backslash. `&` because
/// an entity (`&lt;`) would otherwise become the character it names; `!` is safe once `[` is escaped.
/// `{ }` open attribute lists (`# Title {onclick=…}` in renderers with heading attributes) and `$` math
/// (KaTeX/MathJax macros such as `\href`) in editors that render them.
const MARKDOWN_SPECIAL: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '&', '~', '{', '}', '$'];

/// ASCII characters percent-encoded in a Markdown URL: the ones that end an autolink (`<`, `>`) or a link
/// destination (`(`, `)`, space), start an escape (`\`), a code span (`` ` ``) or a link title (`"`, `'`).
const URL_ENCODED: &[char] = &['<', '>', '(', ')', '\\', '`', '"', '\'', ' '];

/// Characters no file name may hold on some system: Windows' `/\:*?"<>|`, and `#`/`%` that break a
/// name once it sits in a URL (browsers' download dialogs, sync tools). Each becomes a space.
const FILE_NAME_BAD: &[char] = &['/', '\\', ':', '*', '?', '"', '<', '>', '|', '#', '%'];
/// Names Windows reserves for devices, with any extension: `CON.md` cannot be created there.
const FILE_NAME_RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2",
    "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Bidirectional embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder the
/// text around them, so a page could make a link or a name read as something else.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A character no text output may carry: C0 and C1 controls other than newline and tab (ESC starts
/// terminal escape sequences, BEL rings), and bidi controls.
fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// `s` without C0/C1 control characters (newline and tab stay) and bidi controls.
pub fn strip_controls(s: &str) -> String {
    s.chars().filter(|&c| !is_forbidden(c)).collect()
}

/// Text for HTML element content and double-quoted attribute values.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    push_html(&mut out, s);
    out
}

/// [`html`] of `s` appended to `out`: runs of characters that need nothing are copied as one slice, and
/// nothing is allocated (the card writes every post's text through this, a character at a time in places).
pub fn push_html(out: &mut String, s: &str) {
    let mut run = 0;
    for (i, c) in s.char_indices() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            continue;
        }
        let entity = html_entity(c);
        if entity.is_none() && !is_forbidden(c) {
            continue;
        }
        out.push_str(&s[run..i]);
        out.push_str(entity.unwrap_or(""));
        run = i + c.len_utf8();
    }
    out.push_str(&s[run..]);
}

/// [`push_html`] of one character.
pub fn push_html_char(out: &mut String, c: char) {
    match html_entity(c) {
        Some(e) => out.push_str(e),
        None if is_forbidden(c) => {}
        None => out.push(c),
    }
}

/// The entity HTML text and attribute values write `c` as, if any.
fn html_entity(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        _ => None,
    }
}

/// The URL without the leading and trailing white space and controls a browser would strip, when its
/// scheme is one of [`SAFE_SCHEMES`]. A scheme split by a tab or newline (`java\tscript:`), which
/// browsers join again, does not match and so is refused.
fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim_matches(|c: char| c.is_whitespace() || c.is_control());
    let head: String = url.chars().take(8).collect::<String>().to_ascii_lowercase();
    SAFE_SCHEMES.iter().any(|s| head.starts_with(s)).then_some(url)
}

/// Whether a URL has a scheme an export may link to (http, https, mailto).
pub fn is_web_url(url: &str) -> bool {
    safe_url(url).is_some()
}

/// A URL for an `href`: only http(s) and mailto links are kept; anything else (`javascript:`, `data:`)
/// becomes `None`, so the caller shows the text without a link.
pub fn href(url: &str) -> Option<String> {
    safe_url(url).map(html)
}

/// Text that must stay literal inside Markdown: every markup character backslash-escaped, controls gone.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    // Runs of characters that need nothing are copied as one slice (this runs on every text node of every
    // post): only a special or forbidden character interrupts the run.
    let mut run = 0;
    for (i, c) in s.char_indices() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            continue;
        }
        let special = MARKDOWN_SPECIAL.contains(&c);
        if !special && !is_forbidden(c) {
            continue;
        }
        out.push_str(&s[run..i]);
        if special {
            out.push('\\');
            out.push(c);
        }
        run = i + c.len_utf8();
    }
    out.push_str(&s[run..]);
    out
}

/// A URL for a Markdown link destination or autolink (`[t](url)`, `<url>`, `![a](url)`): `None` unless
/// its scheme is http, https or mailto; otherwise white space, controls, bidi controls and the characters
/// in [`URL_ENCODED`] percent-encoded, so the URL can neither end early nor carry markup.
pub fn markdown_url(url: &str) -> Option<String> {
    let url = safe_url(url)?;
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_whitespace() || c.is_control() || is_bidi_control(c) || URL_ENCODED.contains(&c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// A Markdown link `[text](url)`; the text alone when the URL is not one an export may link to.
/// `text_md` is Markdown already (escaped by the caller).
pub fn markdown_link(text_md: &str, url: &str) -> String {
    match markdown_url(url) {
        Some(u) => format!("[{text_md}]({u})"),
        None => text_md.to_string(),
    }
}

/// An autolink `<url>`; the URL as escaped text when it is not one an export may link to.
pub fn markdown_autolink(url: &str) -> String {
    match markdown_url(url) {
        Some(u) => format!("<{u}>"),
        None => markdown(url),
    }
}

/// The longest run of backticks in `s`.
fn longest_backtick_run(s: &str) -> usize {
    s.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Inline code: a fence one backtick longer than any run inside (so the code cannot close it), padded
/// with spaces when the code starts or ends with a backtick; controls gone, line breaks as spaces.
pub fn code_span(code: &str) -> String {
    let code = strip_controls(code).replace(['\n', '\r'], " ");
    let fence = "`".repeat(longest_backtick_run(&code) + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{code}{pad}{fence}")
}

/// A fenced code block: a fence of at least three backticks and longer than any run inside, so no line
/// of the code can end the block and let the rest be read as Markdown or HTML; controls gone.
pub fn code_block(code: &str) -> String {
    let code = strip_controls(code);
    let fence = "`".repeat((longest_backtick_run(&code) + 1).max(3));
    format!("{fence}\n{}\n{fence}", code.trim_end_matches('\n'))
}

/// JSON text with every forbidden character serde_json leaves raw (DEL, C1, bidi controls) written as a
/// `\uXXXX` escape: the same JSON value, kept verbatim, but a file no terminal or editor acts on. Valid
/// because JSON's own syntax is ASCII, so these characters can only sit inside strings.
pub fn json(serialized: &str) -> String {
    let mut out = String::with_capacity(serialized.len());
    for c in serialized.chars() {
        if is_forbidden(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// [`json`] of a string the caller owns: returned as it is when nothing needs escaping (nearly always),
/// so the export is not held twice at once (a thread's JSON is about 2.5 times its page).
pub fn json_owned(serialized: String) -> String {
    if serialized.chars().any(is_forbidden) {
        json(&serialized)
    } else {
        serialized
    }
}

/// A YAML scalar holding `s` exactly, whatever it holds: a double-quoted string with `\` and `"`
/// escaped, line breaks and tabs as `\n`, `\r`, `\t`, the characters YAML reads as line breaks
/// (U+2028, U+2029) or does not allow (U+FEFF, U+FFFE, U+FFFF) as `\u` escapes, and forbidden
/// characters dropped; `<`, `[`, `]`, `$` and `{` as `\u` escapes too, so the block read as Markdown (by a
/// renderer without front matter) holds no tag or link. So a title that starts with `-` or `#`, holds `: ` or quotes, is a YAML keyword
/// (`yes`, `null`) or a number stays the same text.
pub fn yaml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            // A renderer that does not know front matter reads it as Markdown: no `<` (raw HTML, an autolink),
            // `[` `]` (links, wikilinks, footnotes), `$` (math, whose macros can link) or `{` (an attribute
            // list) may reach it. YAML reads the escapes back as the same text.
            '<' | '[' | ']' | '$' | '{' => out.push_str(&format!("\\u{:04X}", c as u32)),
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A file name stem from `title` that every system accepts: controls, bidi controls and
/// [`FILE_NAME_BAD`] characters become spaces, runs of white space one space, no leading or trailing
/// space or dot (Windows drops them, Unix hides dot files), at most `max` characters, and a
/// [`FILE_NAME_RESERVED`] device name gets a `_`. Empty when nothing usable is left.
pub fn file_name(title: &str, max: usize) -> String {
    let spaced: String = title
        .chars()
        .map(|c| if c.is_control() || is_forbidden(c) || FILE_NAME_BAD.contains(&c) { ' ' } else { c })
        .collect();
    let squashed = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = squashed.chars().take(max).collect();
    let trimmed = cut.trim_matches(|c: char| c == '.' || c.is_whitespace());
    let device = trimmed.split('.').next().unwrap_or("").trim_end();
    if FILE_NAME_RESERVED.iter().any(|r| r.eq_ignore_ascii_case(device)) {
        let mut s: String = trimmed.chars().take(max.saturating_sub(1)).collect();
        s.insert(device.len(), '_');
        return s;
    }
    trimmed.to_string()
}

/// Text for a terminal or a plain-text file: controls (escape sequences a page could smuggle in) and
/// bidi controls are dropped; newline and tab stay.
pub fn terminal(s: &str) -> String {
    strip_controls(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_refuses_script_urls() {
        assert_eq!(html(r#"<img src=x onerror="a">'"#), "&lt;img src=x onerror=&quot;a&quot;&gt;&#39;");
        assert_eq!(href("javascript:alert(1)"), None);
        assert_eq!(href(" https://a.org/?a=1&b=2").as_deref(), Some("https://a.org/?a=1&amp;b=2"));
        assert_eq!(markdown("*a* [b] &lt;"), "\\*a\\* \\[b\\] \\&lt;");
        assert_eq!(terminal("a\u{1b}[31mb\u{7}\tc\u{202e}d"), "a[31mb\tcd");
    }

    #[test]
    fn markdown_urls_are_encoded_and_only_web_or_mail() {
        for bad in ["javascript:alert(1)", " JaVaScRiPt:x", "java\tscript:x", "data:text/html,x", "vbscript:x", "x"] {
            assert_eq!(markdown_url(bad), None, "{bad:?}");
        }
        assert_eq!(
            markdown_url("https://a.org/a b(c)<d>\\e\tf\u{1b}`\"'\u{202e}").as_deref(),
            Some("https://a.org/a%20b%28c%29%3Cd%3E%5Ce%09f%1B%60%22%27%E2%80%AE")
        );
        assert_eq!(markdown_url("mailto:a@b.org").as_deref(), Some("mailto:a@b.org"));
    }

    #[test]
    fn yaml_strings_hold_anything_and_no_markup() {
        assert_eq!(yaml(r#"a "b" \ c"#), r#""a \"b\" \\ c""#);
        assert_eq!(yaml("x\ny\t\u{2028}\u{1b}"), r#""x\ny\t\u2028""#);
        assert_eq!(
            yaml("<script> [t](javascript:x) [SOLVED]"),
            r#""\u003Cscript> \u005Bt\u005D(javascript:x) \u005BSOLVED\u005D""#
        );
        assert_eq!(yaml("$x$ {#a}"), r#""\u0024x\u0024 \u007B#a}""#);
    }

    #[test]
    fn code_fences_outlast_the_code() {
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x`"), "`` `x` ``");
        assert_eq!(code_block("```\n<img>\n````\u{7}"), "`````\n```\n<img>\n````\n`````");
    }

    #[test]
    fn strips_controls_but_keeps_lines_and_tabs() {
        assert_eq!(strip_controls("a\u{0}\u{1b}\u{7f}\u{85}\u{9b}b\n\tc\u{2066}\u{2069}\u{202a}"), "ab\n\tc");
        assert_eq!(html("a\u{1b}b\u{202e}"), "ab");
        assert_eq!(json("\"a\u{7f}\u{9b}\u{202e}\""), "\"a\\u007f\\u009b\\u202e\"");
    }
}

//! The one place that escapes page text for each output. Every other module calls these; none escapes
//! on its own.

/// Text for HTML element content and double-quoted attribute values.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A URL for an `href`: only http(s) and mailto links are kept; anything else (`javascript:`, `data:`)
/// becomes `None`, so the caller shows the text without a link.
pub fn href(url: &str) -> Option<String> {
    let lower = url.trim_start().to_ascii_lowercase();
    let safe = lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:");
    safe.then(|| html(url.trim()))
}

/// Text that must stay literal inside Markdown.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A URL inside Markdown link parentheses.
pub fn markdown_url(url: &str) -> String {
    url.replace(' ', "%20").replace('(', "%28").replace(')', "%29")
}

/// Text for a terminal: control characters (escape sequences a page could smuggle in) are dropped.
pub fn terminal(s: &str) -> String {
    s.chars().filter(|c| !c.is_control() || *c == '\n').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_refuses_script_urls() {
        assert_eq!(html(r#"<img src=x onerror="a">'"#), "&lt;img src=x onerror=&quot;a&quot;&gt;&#39;");
        assert_eq!(href("javascript:alert(1)"), None);
        assert_eq!(href(" https://a.org/?a=1&b=2").as_deref(), Some("https://a.org/?a=1&amp;b=2"));
        assert_eq!(markdown("*a* [b]"), "\\*a\\* \\[b\\]");
        assert_eq!(terminal("a\u{1b}[31mb"), "a[31mb");
    }
}

//! Character references left in JSON-LD strings.
//!
//! A `<script type="application/ld+json">` is raw text: the HTML parser decodes no `&amp;` inside it. Many
//! boards still write the JSON's strings HTML-escaped ("Support &amp; Questions", "&#163;71.6m" in a
//! breadcrumb or a headline), so a reader showing them as they are shows the references. These strings are
//! decoded once, as the page is parsed: the numeric references and the named ones such strings use. A `&`
//! that starts no known reference stays as it is ("AT&T", "Q&A").

use crate::json::Value;

/// Named references decoded (the five XML ones, the no-break space and the typographic marks CMSs write).
/// Others are left as they are: HTML's full table is 2,231 names, and strings escaped by a CMS use these.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("pound", '£'),
    ("euro", '€'),
    ("copy", '©'),
];
/// Longest reference body read after `&` (`#x10FFFF` is 8; the longest name above is 6).
const MAX_BODY: usize = 8;

/// Decodes the references in every string of `value`, in place (object keys are left as they are).
pub fn decode_strings(value: &mut Value) {
    match value {
        Value::String(s) => {
            if let Some(d) = decode(s) {
                *s = d;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(decode_strings),
        Value::Object(map) => map.values_mut().for_each(decode_strings),
        _ => {}
    }
}

/// `s` with its character references decoded, or `None` when it holds none.
pub fn decode(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut done = 0;
    // A reference holds no `&`, so each `&` found starts after the last one decoded.
    for (at, _) in s.match_indices('&') {
        let rest = &s[at + 1..];
        let window = &rest.as_bytes()[..rest.len().min(MAX_BODY + 1)];
        let Some(end) = window.iter().position(|&b| b == b';') else { continue };
        let Some(c) = reference(&rest[..end]) else { continue };
        out.push_str(&s[done..at]);
        out.push(c);
        done = at + 1 + end + 1;
    }
    (done > 0).then(|| out + &s[done..])
}

/// The character a reference body (between `&` and `;`) stands for.
fn reference(body: &str) -> Option<char> {
    if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        // NUL and the C0/C1 controls are no text: the reference stays.
        return char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace());
    }
    NAMED.iter().find(|(name, _)| *name == body).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_the_references_cms_strings_hold() {
        assert_eq!(decode("Support &amp; Questions").as_deref(), Some("Support & Questions"));
        assert_eq!(decode("&#163;71.6m &#x2014; it&rsquo;s").as_deref(), Some("£71.6m — it’s"));
        assert_eq!(decode("&amp;amp;").as_deref(), Some("&amp;"), "decoded once");
    }

    #[test]
    fn leaves_bare_ampersands_and_unknown_names() {
        assert_eq!(decode("AT&T and Q&A"), None);
        assert_eq!(decode("&bogus; &#0; &#xD800; &"), None);
        assert_eq!(decode("a &amp b"), None, "no semicolon, no reference");
    }
}

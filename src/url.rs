//! Just enough URL handling for links in a page: resolve against a base, and name the domain.
//!
//! A full URL parser (the `url` crate) brings IDNA tables that would cost the WASM build more than the
//! rest of the resolver; pages only need the RFC 3986 reference resolution below.

/// Resolves `href` against `base` (an absolute URL). Returns `None` for links that lead nowhere a reader
/// can follow: `javascript:`, `data:`, `vbscript:`, empty, or fragment-only links.
pub fn resolve(base: Option<&str>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    if let Some(scheme) = scheme_of(href) {
        return match scheme.to_ascii_lowercase().as_str() {
            "http" | "https" | "ftp" | "mailto" => Some(href.to_string()),
            _ => None, // javascript:, data:, vbscript:, about:, ... are never followed
        };
    }
    let base = base.filter(|b| scheme_of(b).is_some())?;
    let scheme = scheme_of(base)?;
    if let Some(rest) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{rest}"));
    }
    let after_scheme = &base[scheme.len() + 1..];
    let authority_end =
        after_scheme.strip_prefix("//").map(|a| 2 + a.find(['/', '?', '#']).unwrap_or(a.len())).unwrap_or(0);
    let origin = &base[..scheme.len() + 1 + authority_end];
    let base_path_full = &base[origin.len()..];
    let base_path = &base_path_full[..base_path_full.find(['?', '#']).unwrap_or(base_path_full.len())];
    if href.starts_with('/') {
        return Some(format!("{origin}{}", normalize_path(href)));
    }
    if href.starts_with('?') {
        return Some(format!("{origin}{base_path}{href}"));
    }
    let dir = &base_path[..base_path.rfind('/').map(|i| i + 1).unwrap_or(0)];
    let dir = if dir.is_empty() { "/" } else { dir };
    Some(format!("{origin}{}", normalize_path(&format!("{dir}{href}"))))
}

/// The host of an absolute URL, lowercased, without `www.` and port: `msn.com`.
pub fn domain(url: &str) -> String {
    let rest = match url.find("://") {
        Some(i) => &url[i + 3..],
        None => return String::new(),
    };
    let host = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    host.strip_prefix("www.").map(str::to_string).unwrap_or(host)
}

fn scheme_of(s: &str) -> Option<&str> {
    let end = s.find(':')?;
    let scheme = &s[..end];
    let valid = !scheme.is_empty()
        && scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then_some(scheme)
}

/// Removes `.` and `..` segments from a path that may carry a query and fragment.
fn normalize_path(path_and_rest: &str) -> String {
    let split = path_and_rest.find(['?', '#']).unwrap_or(path_and_rest.len());
    let (path, rest) = path_and_rest.split_at(split);
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {}
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
            }
            s => out.push(s),
        }
        if (*seg == "." || *seg == "..") && i == segments.len() - 1 {
            out.push("");
        }
    }
    let joined = out.join("/");
    let joined = if joined.starts_with('/') { joined } else { format!("/{joined}") };
    format!("{joined}{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://forum.example.org/threads/kazakhstan.123/page-2?x=1#p5";

    #[test]
    fn resolves_the_usual_forms() {
        assert_eq!(resolve(Some(BASE), "https://msn.com/a").as_deref(), Some("https://msn.com/a"));
        assert_eq!(resolve(Some(BASE), "//cdn.example.org/i.png").as_deref(), Some("https://cdn.example.org/i.png"));
        assert_eq!(resolve(Some(BASE), "/members/7").as_deref(), Some("https://forum.example.org/members/7"));
        assert_eq!(
            resolve(Some(BASE), "page-3").as_deref(),
            Some("https://forum.example.org/threads/kazakhstan.123/page-3")
        );
        assert_eq!(
            resolve(Some(BASE), "../../index.php?f=2").as_deref(),
            Some("https://forum.example.org/index.php?f=2")
        );
        assert_eq!(
            resolve(Some(BASE), "?page=4").as_deref(),
            Some("https://forum.example.org/threads/kazakhstan.123/page-2?page=4")
        );
    }

    #[test]
    fn never_follows_script_links() {
        assert_eq!(resolve(Some(BASE), "javascript:alert(1)"), None);
        assert_eq!(resolve(Some(BASE), " JavaScript:alert(1)"), None);
        assert_eq!(resolve(Some(BASE), "data:text/html,x"), None);
        assert_eq!(resolve(Some(BASE), "#top"), None);
        assert_eq!(resolve(None, "relative/only"), None);
    }

    #[test]
    fn names_the_domain() {
        assert_eq!(domain("https://www.msn.com/en-us/news"), "msn.com");
        assert_eq!(domain("http://user@Example.ORG:8080/x"), "example.org");
        assert_eq!(domain("not a url"), "");
    }
}

//! Links that are not sources: addresses a post shows as an example rather than cites.
//!
//! A how-to says "let's say you run www.BobsRentals.com" or "if your landing URL is like this: ...", a
//! bug report pastes `http://localhost:8080/api` or `http://192.168.1.1/admin`, a tutorial writes
//! `https://example.com/page` (the domains RFC 2606 reserves for documentation). None of them is a page
//! the post draws on, so none is listed among the sources. Five tests, each cheap and local to the link:
//! - the host is reserved for examples or local (`example.com|net|org` and their subdomains, `localhost`,
//!   `*.localhost`, `*.invalid`, `*.local`) or an IP address;
//! - the post shows the address as code (it appears in the post's Markdown only inside code spans or
//!   fenced blocks: boards that link URLs inside `<code>` still show them as code);
//! - the sentence before the link sets up a hypothetical ("let's say", "suppose", "imagine", "if your");
//! - the text right before the link introduces an illustration ("... like this:", "something like");
//! - the address is written in a line a machine wrote (a log, a command, configuration: [`super::machine`]): a
//!   mirror a package manager printed or a repository in a config file is no page the post cites.
//!
//! The reserved test TLDs `.test` and `.example` stand in for real sites in our own fixtures and are never
//! reached from a real page's links, so they are left to the other tests.

use crate::hash::FastSet;
use crate::model::Link;

/// Domains reserved for documentation (RFC 2606 §3), matched with their subdomains.
const EXAMPLE_DOMAINS: &[&str] = &["example.com", "example.net", "example.org"];
/// Hosts and top-level names that are the reader's own machine or network, or reserved as invalid.
const LOCAL_HOSTS: &[&str] = &["localhost"];
const LOCAL_SUFFIXES: &[&str] = &[".localhost", ".invalid", ".local"];
/// Phrases that set up a made-up case, in the languages the boards use (lowercase): a link after one
/// in the same sentence is part of the example.
const HYPOTHETICAL: &[&str] = &[
    "let's say",
    "let’s say",
    "lets say",
    "let us say",
    "say you ",
    "suppose",
    "imagine",
    "if your ",
    "angenommen",
    "nehmen wir an",
    "supposons",
    "imaginons",
    "supongamos",
    "suponha",
    "supponiamo",
];
/// Endings of the text right before a link that introduce an illustration (lowercase, after trailing
/// spaces and colons are trimmed).
const ILLUSTRATION: &[&str] = &["like this", "something like", "such as this", "etwa so", "wie folgt"];
/// How far back (in characters) the sentence before a link is read.
const BEFORE_CHARS: usize = 160;

/// Most bytes of a post's text searched for its links' places. Real posts need a few hundred thousand
/// (50 links in a 10 KB post: 500,000); a post of 100,000 links would need 10^10. Past it, the remaining
/// links are checked on their host and code only.
const MAX_SEARCH_BYTES: usize = 4_000_000;

/// One post's text and Markdown, read once for all its links.
pub struct Examples<'a> {
    text: &'a str,
    /// Addresses written inside code, and outside it.
    in_code: FastSet<&'a str>,
    in_prose: FastSet<&'a str>,
    budget: usize,
}

impl<'a> Examples<'a> {
    pub fn new(text: &'a str, markdown: &'a str) -> Self {
        let (mut in_code, mut in_prose) = (FastSet::default(), FastSet::default());
        for (segment, code) in segments(markdown) {
            (if code { &mut in_code } else { &mut in_prose }).extend(addresses(segment));
        }
        Examples { text, in_code, in_prose, budget: MAX_SEARCH_BYTES }
    }

    /// The link is shown as an example: a reserved or local host, shown as code, or set up as a made-up
    /// case.
    pub fn is_example(&mut self, link: &Link) -> bool {
        let url = link.url.as_str();
        reserved_host(&link.domain)
            || (self.in_code.contains(url) && !self.in_prose.contains(url))
            || self.introduced_as_example(link)
    }

    /// The sentence before the link sets up a made-up case, or the text right before it introduces one.
    fn introduced_as_example(&mut self, link: &Link) -> bool {
        // `position` reads the text at most twice.
        let cost = 2 * self.text.len();
        if cost > self.budget {
            return false;
        }
        self.budget -= cost;
        let Some(at) = super::sources::position(link, self.text) else { return false };
        let before = tail(&self.text[..at], BEFORE_CHARS).to_lowercase();
        // The sentence the link is in: from the last full stop followed by a space (URLs' dots are not).
        let end = [". ", "! ", "? "].iter().filter_map(|p| before.rfind(p)).max();
        let sentence = end.map_or(before.as_str(), |i| &before[i + 2..]);
        let lead = before.trim_end().trim_end_matches(':').trim_end();
        HYPOTHETICAL.iter().any(|h| sentence.contains(h))
            || ILLUSTRATION.iter().any(|i| lead.ends_with(i))
            // The address itself written in the line (not a "#512" the board linked in a line of prose
            // with inline code).
            || (self.text[at..].starts_with(link.url.as_str()) && super::machine::is_machine_line(line_at(self.text, at)))
    }
}

/// The line of `text` holding byte `at`.
fn line_at(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    &text[start..end]
}

/// The last `n` characters of `s`.
fn tail(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 => &s[i..],
        _ => s,
    }
}

/// Documentation domains, local names and IP addresses.
fn reserved_host(domain: &str) -> bool {
    let d = domain.trim_end_matches('.').to_ascii_lowercase();
    EXAMPLE_DOMAINS.iter().any(|e| d == *e || d.ends_with(&format!(".{e}")))
        || LOCAL_HOSTS.contains(&d.as_str())
        || LOCAL_SUFFIXES.iter().any(|s| d.ends_with(s))
        || is_ip(&d)
}

/// Dotted IPv4 (`192.168.1.1`) or a bracketed IPv6 literal (`[::1]`).
fn is_ip(host: &str) -> bool {
    if host.starts_with('[') {
        return true;
    }
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4 && parts.iter().all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The `http(s)://` addresses written in a stretch of Markdown (up to a space, bracket, quote or backtick).
fn addresses(md: &str) -> impl Iterator<Item = &str> {
    md.match_indices("http").filter_map(move |(i, _)| {
        let rest = &md[i..];
        if !(rest.starts_with("http://") || rest.starts_with("https://")) {
            return None;
        }
        let end = rest.find(|c: char| c.is_whitespace() || "()<>[]\"'`".contains(c)).unwrap_or(rest.len());
        Some(&rest[..end])
    })
}

/// The Markdown cut into stretches, each marked as code or not: fenced blocks, and inline spans (a run
/// of backticks closes on a run of the same length, as CommonMark reads them; an unclosed run is text).
fn segments(md: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut fence: Option<usize> = None;
    for line in md.split_inclusive('\n') {
        let ticks = line.trim_start().bytes().take_while(|&b| b == b'`').count();
        match fence {
            Some(n) if ticks >= n => fence = None,
            Some(_) => out.push((line, true)),
            None if ticks >= 3 => fence = Some(ticks),
            None => spans(line, &mut out),
        }
    }
    out
}

/// One line's inline code spans and the text between them.
fn spans<'a>(line: &'a str, out: &mut Vec<(&'a str, bool)>) {
    let mut rest = line;
    while let Some(start) = rest.find('`') {
        let run = rest[start..].bytes().take_while(|&b| b == b'`').count();
        let after = &rest[start + run..];
        let close = &rest[start..start + run];
        match after.find(close) {
            Some(end) => {
                out.push((&rest[..start], false));
                out.push((&after[..end], true));
                rest = &after[end + run..];
            }
            None => {
                out.push((&rest[..start + run], false));
                rest = after;
            }
        }
    }
    out.push((rest, false));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(url: &str, text: &str) -> Link {
        Link { url: url.into(), text: text.into(), domain: crate::url::domain(url) }
    }

    fn is_example(link: &Link, text: &str, markdown: &str) -> bool {
        Examples::new(text, markdown).is_example(link)
    }

    /// The Markdown's prose, without its code.
    fn outside_code(md: &str) -> String {
        segments(md).into_iter().filter(|(_, code)| !code).map(|(s, _)| s).collect()
    }

    #[test]
    fn reserved_and_local_hosts_are_examples() {
        for u in [
            "https://example.com/page",
            "http://docs.example.org/x",
            "http://localhost:8080/api",
            "http://printer.local/",
            "http://192.168.1.1/admin",
            "http://[::1]:3000/",
        ] {
            assert!(is_example(&link(u, u), "", ""), "{u}");
        }
        for u in ["https://www.msn.com/en-us/news", "https://counterexample.com/", "https://1.2.3.example.net.au/"] {
            assert!(!is_example(&link(u, u), "", ""), "{u}");
        }
    }

    #[test]
    fn addresses_shown_as_code_are_examples() {
        let u = "https://api.weather.io/v1/forecast?city=NAME";
        let l = link(u, u);
        assert!(is_example(&l, "", &format!("Call `{u}` with your city.")));
        assert!(is_example(&l, "", &format!("Like so:\n```\ncurl {u}\n```\nThen parse it.")));
        assert!(!is_example(&l, "", &format!("The docs are at [{u}]({u}) and `curl` reads them.")));
        assert!(!is_example(&l, "", "No mention of it."));
    }

    #[test]
    fn links_set_up_as_a_made_up_case_are_examples() {
        let site = link("http://www.bobsrentals.com", "www.BobsRentals.com");
        let text = "Let's say you run www.BobsRentals.com and a partner links to you.";
        assert!(is_example(&site, text, ""));
        let landing = link("http://www.bobsrentals.com/page1.html", "http://www.bobsrentals.com/page1.html");
        let text = "For example if your landing URL is like this\n\nhttp://www.bobsrentals.com/page1.html?id=7";
        assert!(is_example(&landing, text, ""));
        // A real citation: the hypothetical is in an earlier sentence, "like this" is not the lead.
        let news = link("https://www.msn.com/en-us/news/story", "https://www.msn.com/en-us/news/story");
        let text = "Suppose they leave. I read a report like this one: https://www.msn.com/en-us/news/story today.";
        assert!(!is_example(&news, text, ""));
    }

    #[test]
    fn links_in_a_machine_line_are_no_sources() {
        for (url, line) in [
            (
                "https://geo.mirror.pkgbuild.com/core.db",
                "[  12.402311] pacman[812]: GET https://geo.mirror.pkgbuild.com/core.db",
            ),
            (
                "https://mirror.example.de/arch",
                "Mar 12 10:22:33 host pacman[812]: synced https://mirror.example.de/arch",
            ),
        ] {
            let text = format!("It fails:\n{line}\nHelp?");
            assert!(is_example(&link(url, ""), &text, ""), "{line}");
        }
        let wiki = link("https://wiki.archlinux.org/title/Pacman", "");
        let text = "Read https://wiki.archlinux.org/title/Pacman first, it explains the mirror list.";
        assert!(!is_example(&wiki, text, ""));
    }

    #[test]
    fn outside_code_keeps_unclosed_backticks() {
        assert_eq!(outside_code("a `b` c ``d`` e ` f"), "a  c  e ` f");
        assert_eq!(outside_code("x\n````\n```\ny\n````\nz"), "x\nz");
    }
}

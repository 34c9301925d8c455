//! Mailing-list archives: Mailman 2 pipermail message pages and Mailman 3 HyperKitty thread pages.
//!
//! Pipermail writes one message per page: `<h1>` subject, `<b>` sender name, `<i>` date (`Tue Apr 16
//! 09:41:07 CEST 2019`), the body as `<pre>`, and around it the "Messages sorted by" links to `date.html#<n>`
//! and `thread.html#<n>`; those two links (in every language Mailman speaks) are what the reader keys on.
//! Quoted lines (`> ...`) stay in the body's text: the page is one message, never more posts.
//!
//! HyperKitty writes each message as `div.email` with an `.email-header` (its `id` is the message hash;
//! `.email-author .name` the sender; `.email-date` the day as `span.date` and the time as `.time`, the day
//! left out when it is the previous message's; `.messagelink a` the permalink) and an `.email-body`, whose
//! quoted text is `.quoted-text`. Replies sit in `div.even`/`div.odd` wrappers indented by `margin-left: 2em`
//! per level.

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, base_url, bodies_in, first_attr, first_text, text_of};
use crate::css::{FindAll, Sel};
use crate::model::{Post, PostQuote};
use crate::parse::Page;
use scraper::ElementRef;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "mailman", detect, read };

/// Whether the page is this engine's: HyperKitty's `.email > .email-body`, or pipermail's date and thread index
/// links, markup every board of the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&HK_BODY) || (probe.has(&PM_NAV_DATE) && probe.has(&PM_NAV_THREAD))
}

/// Reads a pipermail message or a HyperKitty thread, or `None` on other pages.
pub fn read(page: &Page) -> Option<Thread> {
    read_hyperkitty(page).or_else(|| read_pipermail(page))
}

static PM_NAV_DATE: Sel = Sel::new("a[href^='date.html#']");
static PM_NAV_THREAD: Sel = Sel::new("a[href^='thread.html#']");
static PM_TITLE: Sel = Sel::new("h1");
static PM_AUTHOR: Sel = Sel::new("body > b");
static PM_DATE: Sel = Sel::new("body > i");
static PM_BODY: Sel = Sel::new("pre");

fn read_pipermail(page: &Page) -> Option<Thread> {
    if page.find_all(&PM_NAV_DATE).next().is_none() || page.find_all(&PM_NAV_THREAD).next().is_none() {
        return None;
    }
    let body = page.find_all(&PM_BODY).next()?;
    let shown = page.find_all(&PM_DATE).map(text_of).find(|t| !t.is_empty());
    let mut post = post::build(
        page,
        PostParts {
            author: page.find_all(&PM_AUTHOR).map(text_of).find(|t| !t.is_empty()),
            time_text: shown.clone(),
            body: Some(body),
            title: page.find_all(&PM_TITLE).map(text_of).find(|t| !t.is_empty()),
            permalink: page.url.clone(),
            ..PostParts::default()
        },
    );
    with_zone(&mut post, shown.as_deref());
    cut_next_part(&mut post);
    post.quotes = plain_quotes(&post.text);
    super::thread(ENGINE.name, page, &PM_TITLE, vec![post])
}

/// The line Mailman puts between a message and its scrubbed attachments; what follows is archive boilerplate.
const NEXT_PART: &str = "-------------- next part --------------";

/// Drops the scrubbed-attachment notes after [`NEXT_PART`] from text and Markdown (the body is one `<pre>`,
/// whose Markdown is a code fence: it is closed again).
fn cut_next_part(post: &mut Post) {
    if let Some(i) = post.text.find(NEXT_PART) {
        post.text.truncate(i);
        post.text = post.text.trim_end().to_string();
    }
    if let Some(i) = post.markdown.find(NEXT_PART) {
        // The fence is as long as escape::code_block made it (longer than any backtick run in the code).
        let fence: String = post.markdown.chars().take_while(|&c| c == '`').collect();
        post.markdown.truncate(i);
        post.markdown = post.markdown.trim_end().to_string();
        if fence.len() >= 3 {
            post.markdown.push('\n');
            post.markdown.push_str(&fence);
        }
    }
}

/// Quoted passages of a plain-text mail: runs of lines starting with `>`, the quoted author taken from the
/// attribution line just above ("On Mon, 15 Apr 2019, Bert Drone wrote:", "Bert Drone wrote:"). They stay in
/// the text too, as the reader sees them.
fn plain_quotes(text: &str) -> Vec<PostQuote> {
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut before: Option<&str> = None;
    let mut last: Option<&str> = None;
    for line in text.lines().chain([""]) {
        if let Some(q) = line.strip_prefix('>') {
            if run.is_empty() {
                before = last;
            }
            run.push(q.trim_start_matches(|c: char| c == '>' || c.is_whitespace()).trim_end());
        } else if !run.is_empty() {
            let text = run.join("\n").trim().to_string();
            if !text.is_empty() {
                out.push(PostQuote { author: before.and_then(attribution), text });
            }
            run.clear();
        }
        last = Some(line);
    }
    out
}

/// "On Mon, 15 Apr 2019, Bert Drone wrote:" → "Bert Drone".
fn attribution(line: &str) -> Option<String> {
    let head = line.trim().strip_suffix("wrote:")?.trim_end();
    let name = head.rsplit(", ").next().unwrap_or(head).trim();
    let name = name.strip_prefix("On ").unwrap_or(name).trim();
    (!name.is_empty() && name.chars().count() <= 60).then(|| name.to_string())
}

static HK_TITLE: Sel = Sel::new(".thread-header h3, .thread-header h1, .message-header h1");
static HK_BODY: Sel = Sel::new(".email > .email-body");
static HK_EMAIL: Sel = Sel::new(".email");
static HK_AUTHOR: Sel = Sel::new(".email-author .name");
static HK_PROFILE: Sel = Sel::new(".email-author .name a[href]");
static HK_HEADER: Sel = Sel::new(".email-header[id]");
static HK_TIME_EL: Sel = Sel::new(".email-date time[datetime]");
static HK_DAY: Sel = Sel::new(".email-date .date");
static HK_CLOCK: Sel = Sel::new(".email-date .time");
static HK_PERMALINK: Sel = Sel::new(".messagelink a[href]");
static HK_QUOTE: Sel = Sel::new(".quoted-text");
/// Quoted text names no author in HyperKitty; a selector that matches nothing keeps the generic guess away.
static HK_QUOTE_AUTHOR: Sel = Sel::new("hk-no-quote-author");

fn read_hyperkitty(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let mut day: Option<String> = None;
    let mut posts: Vec<Post> = Vec::new();
    for (email, body) in bodies_in(page, &HK_BODY, &HK_EMAIL) {
        // `div.email` is a common class name; HyperKitty's has its sender in `.email-author`.
        let Some(author) = first_text(email, &HK_AUTHOR) else { continue };
        // HyperKitty prints the day only when it changes from the previous message (`{% ifchanged %}`).
        if let Some(d) = first_text(email, &HK_DAY) {
            day = Some(d);
        }
        let clock = first_text(email, &HK_CLOCK);
        let time_text = match (&day, clock) {
            (Some(d), Some(c)) => Some(format!("{d} {c}")),
            (d, c) => c.or_else(|| d.clone()),
        };
        let anchor = first_attr(email, &HK_HEADER, "id");
        let mut author_info = std::collections::BTreeMap::new();
        super::add_profile(&mut author_info, base.as_deref(), first_attr(email, &HK_PROFILE, "href").as_deref());
        posts.push(post::build(
            page,
            PostParts {
                author: Some(author),
                author_info,
                time: email.find_all(&HK_TIME_EL).next(),
                time_text,
                body: Some(body),
                quote: Some(&HK_QUOTE),
                quote_author: Some(&HK_QUOTE_AUTHOR),
                permalink: absolute(base.as_deref(), first_attr(email, &HK_PERMALINK, "href").as_deref()),
                anchor,
                depth: depth_of(email),
                ..PostParts::default()
            },
        ));
    }
    super::thread(ENGINE.name, page, &HK_TITLE, posts)
}

/// HyperKitty indents a reply by `margin-left: <2 × level>em` on the wrapper around its `div.email`.
fn depth_of(email: ElementRef) -> u32 {
    let Some(style) = email.parent().and_then(ElementRef::wrap).and_then(|p| p.value().attr("style")) else {
        return 0;
    };
    let Some(rest) = style.split("margin-left:").nth(1) else { return 0 };
    let num: String = rest.trim_start().chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    crate::float::parse_f64(&num).map_or(0, |em| (em as f32 / 2.0).round().max(0.0) as u32)
}

/// Sets `post.published` from a shown time that ends its clock time with a zone abbreviation (`09:41:07 CEST
/// 2019`, `2019-04-16 09:41 PST`), which the date reader leaves without an offset. Only abbreviations with one
/// meaning are read ([`zone_offset`]); for the rest the time stays local.
pub(crate) fn with_zone(post: &mut Post, shown: Option<&str>) {
    let Some(shown) = shown else { return };
    let mut words: Vec<String> = shown.split_whitespace().map(str::to_string).collect();
    let Some(i) = words.iter().position(|w| zone_offset(w).is_some()) else { return };
    let clock_before = i > 0 && words[i - 1].contains(':');
    if !clock_before {
        return;
    }
    words[i] = zone_offset(&words[i]).unwrap_or_default().to_string();
    if let Some(iso) = crate::date::parse(&words.join(" ")) {
        post.published = Some(iso);
    }
}

/// UTC offsets of the zone abbreviations that servers print in mail archives and bug trackers. Ambiguous ones
/// (`CST`: US Central or China; `IST`: India, Ireland or Israel; `BST`: British Summer or Bangladesh) are left
/// out, so their times stay local rather than wrong.
fn zone_offset(abbr: &str) -> Option<&'static str> {
    Some(match abbr {
        // `UTC` and `GMT` the date reader already reads (as `Z`).
        "UT" | "WET" => "+00:00",
        "CET" | "WEST" | "MET" => "+01:00",
        "CEST" | "EET" | "MEST" | "SAST" => "+02:00",
        "EEST" | "MSK" => "+03:00",
        "JST" | "KST" => "+09:00",
        "AEST" => "+10:00",
        "AEDT" => "+11:00",
        "NZST" => "+12:00",
        "NZDT" => "+13:00",
        "EST" => "-05:00",
        "EDT" => "-04:00",
        "CDT" => "-05:00",
        "MST" => "-07:00",
        "MDT" => "-06:00",
        "PST" => "-08:00",
        "PDT" => "-07:00",
        "AKST" => "-09:00",
        "AKDT" => "-08:00",
        "HST" => "-10:00",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_lines_are_quotes_not_posts() {
        let q = plain_quotes("Bob Hive wrote:\n> one\n> > two\nreply\n> three");
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].author.as_deref(), Some("Bob Hive"));
        assert_eq!(q[0].text, "one\ntwo");
        assert_eq!((q[1].author.as_deref(), q[1].text.as_str()), (None, "three"));
    }

    #[test]
    fn zone_abbreviations_become_offsets() {
        let mut p = Post::default();
        with_zone(&mut p, Some("Tue Apr 16 09:41:07 CEST 2019"));
        assert_eq!(p.published.as_deref(), Some("2019-04-16T09:41:07+02:00"));
        let mut p = Post::default();
        with_zone(&mut p, Some("2019-04-16 09:41:07 PDT"));
        assert_eq!(p.published.as_deref(), Some("2019-04-16T09:41:07-07:00"));
        let mut p = Post::default();
        with_zone(&mut p, Some("2019-04-16 09:41:07 CST"));
        assert_eq!(p.published, None, "ambiguous: left to the date reader");
    }
}

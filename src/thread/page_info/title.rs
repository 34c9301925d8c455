//! The thread's title: the reader's, the page's own (`og:title`, the only `<h1>`, `<title>`), or the one the
//! page's sources agree on where the reader's is a box's heading, a breadcrumb item or the site's name; with
//! the site's name cut off ("Thread - Board Name" → "Thread").

use super::walks::{elements, is_box};
use super::{ld_items, Page};
use crate::hash::FastSet;
use crate::json::Value;
use crate::{text, url};
use scraper::ElementRef;

/// What `page.doc.find_all(h1)` gives (every `h1` with a parent, in the tree's node order, detached ones too),
/// without running a selector on every node: a type selector compares the local name, in any namespace.
fn h1s(page: &Page) -> impl Iterator<Item = ElementRef<'_>> {
    page.doc.tree.nodes().filter_map(ElementRef::wrap).filter(|e| e.parent().is_some() && e.value().name() == "h1")
}

/// Separators boards and sites put between a page's own title and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" - ", " | ", " – ", " — ", " :: ", " » ", " · ", " • ", " / "];

// The boxes whose headings and links are never the thread's title (breadcrumbs, announcement and notice
// boxes, sidebars, navigation, widgets, by tag, role or class/id token, as boards of every engine name
// them) are [`walks::is_box`].
/// `h1, h2, h3, h4, h5, h6, a, li, span, strong, b`: the elements of a box whose texts are collected, as a
/// test on the local name (in any namespace, as a type selector matches) instead of a selector of eleven
/// alternatives run on every element inside every box.
fn is_box_text(e: &ElementRef) -> bool {
    matches!(e.value().name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "a" | "li" | "span" | "strong" | "b")
}
/// Most box elements whose texts are collected (time linear in the page: each is read once).
const MAX_BOX_TEXTS: usize = 400;
/// A title candidate agrees with another when one holds the other and the shorter is at least this share of
/// the longer ("Pruning old trees" and "Pruning old trees - Orchard Talk" agree; "Forums" and a title do not).
const MIN_AGREEING_SHARE: f64 = 0.6;

/// The thread's title. The reader's (the engine's title element) or else the page's ([`title`]) stands, unless
/// it is a breadcrumb item, an announcement box's or a sidebar's heading, or the site's own name, or unless it
/// is the reader's and agrees with no other source. Then the candidate the most others agree with (not itself
/// boxed, agreed by at least [`MIN_TITLE_VOTES`]) wins among `og:title`, JSON-LD `headline`/`name`, the
/// page's `<h1>`s and `<title>` (the site's name cut off), earlier in that list on a tie. (A thread title that
/// is also the breadcrumb's last item, or in a sidebar's list of threads, stands when the agreed title agrees
/// with it; a box's "Announcement" agrees with nothing.)
pub fn choose_title(page: &Page, reader: &str) -> String {
    let reader = text::squash(reader);
    let site = Site::of(page);
    let first = if reader.is_empty() { title_of(page, &site) } else { reader.clone() };
    let head = page.meta.title.as_deref().map(|t| site.strip(t));
    let og = page.meta.og_title.as_deref().map(|t| site.strip(t));
    let h1s = h1s(page).map(|h| text::squash(&h.text().collect::<String>())).take(3);
    let mut others: Vec<String> = og.into_iter().collect();
    others.extend(ld_headline(page).map(|t| site.strip(&t)));
    others.extend(h1s);
    others.extend(head);
    others.retain(|c| !c.is_empty());
    let mut boxed = box_texts(page);
    boxed.extend(site.name.as_deref().map(key));
    let is_boxed = |c: &str| boxed.contains(&key(c));
    let votes = |c: &str| others.iter().filter(|o| agree(c, o)).count();
    let best =
        others.iter().rev().filter(|c| !is_boxed(c)).max_by_key(|c| votes(c)).filter(|c| votes(c) >= MIN_TITLE_VOTES);
    // A boxed text the agreed title names too (a sidebar's list of recent threads holds this one) stands.
    let replace = |b: &String| {
        first.is_empty() || (is_boxed(&first) || !reader.is_empty() && votes(&first) == 0) && !agree(&first, b)
    };
    let chosen = match best {
        Some(b) if replace(b) => b.clone(),
        _ => first,
    };
    whole_title(chosen, &others, is_boxed)
}

/// Ellipses a board puts at the end of a title it cut short (XenForo's `og:title` at about 50 characters).
const TRUNCATION_MARKS: &[&str] = &["...", "…"];

/// The title as the page writes it in full where the chosen one was cut short ("What do you guys think will
/// be the trend in the watch..." when `<title>` and `<h1>` hold the whole question): the first other candidate,
/// not boxed, that begins with the cut title's words and goes on. A title whose ellipsis the other candidates
/// write too ("Wait for it... - Blog") was not cut: it ends so.
fn whole_title(chosen: String, others: &[String], is_boxed: impl Fn(&str) -> bool) -> String {
    let Some(cut) = TRUNCATION_MARKS.iter().find_map(|m| chosen.strip_suffix(m)) else { return chosen };
    let cut = key(cut);
    if cut.is_empty() || others.iter().any(|o| o.contains(chosen.as_str()) && *o != chosen) {
        return chosen;
    }
    let goes_on = |o: &str| key(o).len() > cut.len() && key(o).starts_with(&cut);
    let whole = others.iter().find(|o| !is_boxed(o) && goes_on(o));
    whole.cloned().unwrap_or(chosen)
}

/// Sources (itself included) that must agree on a title for it to replace a boxed title, or a reader's title no
/// source agrees with. (Replacing on one source's word lost more titles than it won on the corpora.)
const MIN_TITLE_VOTES: usize = 2;

/// The JSON-LD `headline` (or `name`) of the page's discussion, question or article.
fn ld_headline(page: &Page) -> Option<String> {
    const KINDS: &[&str] = &[
        "DiscussionForumPosting",
        "QAPage",
        "Question",
        "Article",
        "NewsArticle",
        "BlogPosting",
        "SocialMediaPosting",
    ];
    page.meta.json_ld.iter().flat_map(ld_items).find_map(|v| {
        let kind = v.get("@type").and_then(Value::as_str)?;
        if !KINDS.contains(&kind) {
            return None;
        }
        let t = v.get("headline").or_else(|| v.get("name")).and_then(Value::as_str)?;
        Some(text::squash(t)).filter(|t| !t.is_empty())
    })
}

/// The texts of headings, links and items inside the page's boxes ([`is_box`]), as [`key`]s.
fn box_texts(page: &Page) -> FastSet<String> {
    elements(page)
        .filter(|e| is_box(e.value()))
        .flat_map(|b| b.descendants().skip(1).filter_map(ElementRef::wrap).filter(is_box_text))
        .take(MAX_BOX_TEXTS)
        .map(|e| key(&e.text().collect::<String>()))
        .filter(|k| !k.is_empty())
        .collect()
}

/// Lowercased letters and digits, words joined by single spaces: for comparing titles.
fn key(s: &str) -> String {
    let mut joined = String::with_capacity(s.len());
    for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(w);
    }
    joined.to_lowercase()
}

/// Whether two title candidates name the same thing (see [`MIN_AGREEING_SHARE`]).
fn agree(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && long.contains(&short) && short.len() as f64 >= MIN_AGREEING_SHARE * long.len() as f64
}

/// The page's own title: `og:title`, else the page's only `<h1>` (when `<title>` agrees with it), else
/// `<title>`; with a trailing " - Site Name" cut off.
pub fn title(page: &Page) -> String {
    title_of(page, &Site::of(page))
}

/// [`title`] with the page's [`Site`] read.
fn title_of(page: &Page, site: &Site) -> String {
    let head = page.meta.title.as_deref().map(|t| site.strip(t));
    let og = page.meta.og_title.as_deref().map(|t| site.strip(t));
    let h1s: Vec<String> =
        h1s(page).map(|h| text::squash(&h.text().collect::<String>())).filter(|h| !h.is_empty()).take(3).collect();
    // The <title> (without the site's name) unless a single <h1> is what it names, cut short of the site's name.
    let h1 = h1s
        .first()
        .filter(|h| h1s.len() == 1 && head.as_deref().is_some_and(|t| t.to_lowercase().contains(&h.to_lowercase())));
    og.filter(|t| !t.is_empty())
        .or_else(|| h1.cloned())
        .or(head.filter(|t| !t.is_empty()))
        .or_else(|| h1s.first().cloned())
        .unwrap_or_default()
}

/// The site a title's site part names, read once per page.
struct Site {
    /// The site's name: `og:site_name`, JSON-LD's `WebSite` name, else the host without `www.` (a box or
    /// heading that only says it is no title).
    name: Option<String>,
    /// The names a title's site part may hold: the name's; where the page declares no name, the host labels
    /// of both its address and its canonical link. A page saved from a board (or read through an archive or
    /// a proxy) names its own site in the canonical link, and its `<title>` ends in that site's name ("... |
    /// Mumsnet") whatever address it was read from.
    keys: Vec<String>,
}

impl Site {
    fn of(page: &Page) -> Site {
        let declared = declared_site_name(page);
        let canonical = declared.is_none().then(|| page.meta.canonical.as_deref().map(url::domain)).flatten();
        let name = declared.or_else(|| page.url.as_deref().map(url::domain).filter(|d| !d.is_empty()));
        let keys = name_keys(name.iter().chain(canonical.as_ref()).map(String::as_str));
        Site { name, keys }
    }

    /// `title` without its site part ([`strip_named`]).
    fn strip(&self, title: &str) -> String {
        strip_named(text::squash(title), &self.keys)
    }
}

/// The site's name as the page declares it: `og:site_name`, else JSON-LD's `WebSite` name.
fn declared_site_name(page: &Page) -> Option<String> {
    page.meta.site_name.clone().or_else(|| {
        page.meta.json_ld.iter().flat_map(ld_items).find_map(|v| {
            let kind = v.get("@type").and_then(Value::as_str)?;
            (kind == "WebSite").then(|| v.get("name").and_then(Value::as_str).map(str::to_string)).flatten()
        })
    })
}

/// The [`name_labels`] of each site name (of at least 3 letters), each once.
fn name_keys<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for name in names.map(alnum_lower).filter(|s| s.len() >= 3) {
        for k in name_labels(&name) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
}

/// [`strip_named`] with one site name's keys.
#[cfg(test)]
fn strip_site(title: &str, site: Option<&str>) -> String {
    strip_named(text::squash(title), &name_keys(site.into_iter()))
}

/// Cuts site parts off the end of a title (again and again) or one off its start: "Thread - Board Name" →
/// "Thread". A part is the site's when it contains one of `keys` (a site name's [`name_labels`]), compared
/// on letters and digits only ("Democratic Underground Forums" matches the host `democraticunderground.com`).
fn strip_named(title: String, keys: &[String]) -> String {
    let is_site = |part: &str| {
        let p = alnum_lower(part);
        !p.is_empty()
            && part.split_whitespace().count() <= MAX_SITE_NAME_WORDS
            && !TITLE_SEPARATORS.iter().any(|s| part.contains(s))
            && keys.iter().any(|k| p.contains(k.as_str()) || k.contains(&p) && p.len() >= 4)
    };
    for sep in TITLE_SEPARATORS {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            if is_site(tail) && !head.trim().is_empty() {
                return strip_named(text::squash(head), keys);
            }
        }
        if let Some(i) = title.find(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            if is_site(head) && names_mostly(head, keys) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title
}

/// Share of a leading title part's letters the site's names must make up for it to be cut: "Board | A thread"
/// is cut to the thread; "How we designed Dropbox's ATF - an async task framework" is a headline that names
/// the site, not the site (a trailing part is the site's by convention, and is cut on any name it holds).
const MIN_LEADING_SITE_SHARE: f64 = 0.5;

/// The site's names (each counted once) make up at least [`MIN_LEADING_SITE_SHARE`] of the part's letters.
fn names_mostly(part: &str, keys: &[String]) -> bool {
    let p = alnum_lower(part).replace('.', "");
    let named: usize = keys.iter().filter(|k| p.contains(k.as_str())).map(|k| k.len()).sum();
    named.min(p.len()) as f64 >= MIN_LEADING_SITE_SHARE * p.len() as f64 || keys.iter().any(|k| k.contains(&p))
}

/// Most words in a title part that is the site's name ("The Straight Dope Message Board"): a longer part that
/// holds the site's name is a headline that mentions it ("... the Linux Kernel ..." on linux.slashdot.org).
const MAX_SITE_NAME_WORDS: usize = 6;

/// Second-level labels under a country's top-level domain that name no site (`example.co.uk`, `site.com.br`).
const SECOND_LEVEL_LABELS: &[&str] = &["ac", "co", "com", "edu", "gov", "net", "or", "org"];

/// Fewest letters in a host label that can name the site (`en.wikipedia.org`'s "en" names nothing).
const MIN_NAME_LABEL: usize = 3;

/// The labels of a host that can name the site: every label but the top-level domain and a country's
/// second-level one, so `linux.slashdot.org` gives "linux" and "slashdot" (the title says "Slashdot") and
/// `anna.blogspot.com` "anna" and "blogspot" (the title says "Anna's Kitchen"); a name without dots is itself.
fn name_labels(site: &str) -> Vec<String> {
    let mut labels: Vec<&str> = site.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() > 1 {
        labels.pop();
    }
    if labels.len() > 1 && site.rsplit('.').next().is_some_and(|tld| tld.len() == 2) {
        labels.pop_if(|l| SECOND_LEVEL_LABELS.contains(l));
    }
    let named: Vec<String> = labels.iter().filter(|l| l.len() >= MIN_NAME_LABEL).map(|l| l.to_string()).collect();
    if named.is_empty() {
        labels.last().map(|l| vec![l.to_string()]).unwrap_or_default()
    } else {
        named
    }
}

fn alnum_lower(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric() || *c == '.').flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::css::FindAll;
    use crate::parse::parse;
    use crate::thread::page_info::{sel, walks};

    fn page(html: &str) -> Page {
        parse(html, Some("https://board.example.org/t/1")).expect("page")
    }

    #[test]
    fn h1s_are_what_the_selector_picks() {
        let mut p = page("<h1>A</h1><div class=ad><h1>B</h1></div><svg><h1>C</h1></svg><H1>D</H1><h2>E</h2>");
        // A detached subtree's elements stay in the tree's nodes, as the document's `find_all` walks them.
        let ad = p.doc.tree.nodes().find(|n| n.value().as_element().is_some_and(|e| e.attr("class") == Some("ad")));
        if let Some(id) = ad.map(|n| n.id()) {
            p.doc.tree.get_mut(id).expect("node").detach();
        }
        let by_selector: Vec<_> = p.doc.find_all(&sel("h1")).map(|e| e.id()).collect();
        assert_eq!(h1s(&p).map(|e| e.id()).collect::<Vec<_>>(), by_selector);
        assert_eq!(by_selector.len(), 4);
        let boxed =
            page("<nav><h3>A</h3><div><B>b</B><svg><a>c</a></svg><em>d</em></div><li>e<span>f</span></li></nav>");
        let Some(nav) = walks::elements(&boxed).find(|e| e.value().name() == "nav") else { panic!("nav") };
        let sel = sel("h1, h2, h3, h4, h5, h6, a, li, span, strong, b");
        let by_test: Vec<_> = nav.descendants().skip(1).filter_map(ElementRef::wrap).filter(is_box_text).collect();
        assert_eq!(by_test, nav.find_all(&sel).collect::<Vec<_>>());
        assert_eq!(by_test.len(), 5);
        assert_eq!(key(" Re: ΣΊΣΥΦΟΣ — the  Thread! "), "re σίσυφος the thread");
    }

    #[test]
    fn strips_the_site_name_from_titles() {
        assert_eq!(
            strip_site("Big news - Democratic Underground Forums", Some("democraticunderground.com")),
            "Big news"
        );
        assert_eq!(strip_site("Board | A thread - part 2", Some("Board")), "A thread - part 2");
        assert_eq!(strip_site("A - B", None), "A - B");
        // The host's main label, not its subdomain, names the site; a headline that mentions it is no site name.
        assert_eq!(
            strip_site("Converting the Linux Kernel to Modern C++ - Slashdot", Some("linux.slashdot.org")),
            "Converting the Linux Kernel to Modern C++"
        );
        assert_eq!(strip_site("Tyres | Example Motoring Forum", Some("forum.example.co.uk")), "Tyres");
        // A leading part is cut only when it is mostly the site's name, not a headline naming it.
        let headline = "How we designed Dropbox's ATF - an async task framework";
        assert_eq!(strip_site(headline, Some("dropbox.tech")), headline);
    }

    #[test]
    fn a_page_read_from_elsewhere_cuts_the_site_its_canonical_link_names() {
        let html = "<title>Cheap family meals | Mumsnet</title>\
                    <link rel=canonical href='https://www.mumsnet.com/talk/5498613-cheap-family-meals'>";
        assert_eq!(title(&page(html)), "Cheap family meals");
        // A declared site name is the one cut: the canonical host adds no other.
        let declared = format!("{html}<meta property='og:site_name' content='Kitchen Talk'>");
        assert_eq!(title(&page(&declared)), "Cheap family meals | Mumsnet");
    }

    #[test]
    fn a_title_cut_short_yields_to_the_whole_one() {
        let p = page(
            r#"<head><title>What will the watch market do in 2024? | Watch Forums</title>
            <meta property="og:title" content="What will the watch market do in..."></head>
            <body><h1>What will the watch market do in 2024?</h1></body>"#,
        );
        assert_eq!(choose_title(&p, ""), "What will the watch market do in 2024?");
        let p = page(
            r#"<head><title>Wait for it... - Anna's Kitchen</title>
            <meta property="og:title" content="Wait for it..."></head><body><p>x</p></body>"#,
        );
        assert_eq!(choose_title(&p, ""), "Wait for it...");
    }
}

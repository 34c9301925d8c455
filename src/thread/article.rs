//! The last resort: the page's main text as a single post, found the way Readability finds an article.
//!
//! Paragraph-like elements score by their length and commas; their parents and grandparents collect the
//! score; class and id names that mark content or furniture weigh in; link-heavy elements lose. The best
//! container and those of its siblings that score close to it (or are plain paragraphs of prose) are the
//! article. Author and time come from JSON-LD, `<meta>`, then a byline or `<time>` in the page.

use super::page_info::ld_items;
use super::post::{self, PostParts};
use super::structure::{tokens, Measures};
use super::Thread;
use crate::css::{FindAll, Sel};
use crate::hash::{FastMap, FastSet};
use crate::json::Value;
use crate::model::Post;
use crate::parse::Page;
use crate::text;
use ego_tree::NodeId;
use scraper::ElementRef;

/// Elements whose text is a paragraph of the article.
const PARAGRAPH_TAGS: &[&str] = &["p", "pre", "td", "blockquote", "dd", "li", "h2", "h3", "h4"];
/// Containers that hold a paragraph when they have no block children of their own.
const LEAF_CONTAINERS: &[&str] = &["div", "section", "article", "main", "span", "font", "center"];
/// Fewer words than this in the page's text, and the page is a shell filled by scripts: its declared
/// description stands in for the text.
const MIN_SHELL_WORDS: usize = 15;
/// Least text (characters) for a paragraph to count.
const MIN_PARAGRAPH: usize = 25;

/// Class/id tokens of elements that hold the content (Readability's "positive" names).
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "main",
    "page",
    "post",
    "text",
    "blog",
    "story",
    "message",
    "prose",
    "articlebody",
    "postbody",
    "storybody",
];
/// Class/id tokens of furniture (Readability's "negative" and "unlikely" names).
const NEGATIVE: &[&str] = &[
    "hidden",
    "banner",
    "combx",
    "comment",
    "comments",
    "contact",
    "foot",
    "footer",
    "footnote",
    "masthead",
    "media",
    "meta",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "tools",
    "widget",
    "nav",
    "navbar",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "header",
    "popup",
    "pagination",
    "pager",
    "rss",
    "social",
    "subscribe",
    "login",
    "signup",
    "welcome",
    "disqus",
    "legal",
    "copyright",
];
/// Elements that are never part of an article.
/// (`form` is not one: ASP.NET pages wrap the whole page in a form.)
const FURNITURE_TAGS: &[&str] = &["nav", "aside", "footer", "header", "menu"];
/// Least text (non-space characters) of an article found with furniture names respected; less, and the search
/// runs again ignoring names (a theme may call the page's main column `sidebar`), as Readability retries.
const MIN_ARTICLE_TEXT: usize = 400;

static BODY: Sel = Sel::new("body");
static H1: Sel = Sel::new("h1");
static BYLINE: Sel =
    Sel::new("[rel=author], [itemprop=author], [class*=byline], [class*=Byline], .author, [class~=by]");
static TIME: Sel = Sel::new("time[datetime], [itemprop=datePublished]");

/// The article: a root element and the parts of it that are not article (siblings that did not make it).
pub struct Content<'a> {
    pub root: ElementRef<'a>,
    pub exclude: Vec<NodeId>,
}

/// The page's main text as one post.
pub fn read(page: &Page) -> Thread {
    let body = page.find_all(&BODY).next().unwrap_or_else(|| page.doc.root_element());
    let m = Measures::of(*body);
    let content = main_content(page, body, &m, &[]).unwrap_or(Content { root: body, exclude: Vec::new() });
    let mut exclude = content.exclude;
    exclude.extend(clutter(content.root, &m));
    // The headline and byline sit above the text; the card shows them apart.
    exclude.extend(content.root.find_all(&H1).map(|h| h.id()));
    exclude.extend(content.root.find_all(&BYLINE).filter(|b| m.text(b.id()) <= 200).map(|b| b.id()));
    let time = page.find_all(&TIME).next();
    let post: Post = post::build(
        page,
        PostParts {
            author: author(page, &m),
            time,
            time_text: ld_string(page, "datePublished").or_else(|| page.meta.published.clone()),
            body: Some(content.root),
            exclude,
            ..PostParts::default()
        },
    );
    let post = match (ld_string(page, "datePublished").or_else(|| page.meta.published.clone()), &post.published) {
        // Structured data beats a <time> that may belong to a sidebar.
        (Some(d), _) if crate::date::parse(&d).is_some() => {
            Post { published: crate::date::parse(&d), published_text: Some(d), ..post }
        }
        _ => post,
    };
    // A page whose text is all drawn by scripts (an app shell) still declares what it is about.
    let post = match page.meta.description.as_deref() {
        Some(d)
            if text::word_count(&post.text) < MIN_SHELL_WORDS && text::word_count(d) > text::word_count(&post.text) =>
        {
            Post { text: d.to_string(), markdown: crate::render::escape::markdown(d), ..post }
        }
        _ => post,
    };
    Thread { platform: "article".into(), posts: vec![post], ..Thread::default() }
}

/// Blocks inside the chosen article that are not its text, as Readability's conditional cleaning finds
/// them: captions, blocks named as furniture (share bars, related links, comment boxes), and link lists
/// (most-read boxes, tag clouds). Only blocks well short of the whole article go, so a root that is itself
/// oddly named or link-heavy survives.
fn clutter(root: ElementRef, m: &Measures) -> Vec<NodeId> {
    let total = m.text(root.id()).max(1);
    let mut out = Vec::new();
    let mut inside: FastSet<NodeId> = FastSet::default();
    for e in root.descendants().filter_map(ElementRef::wrap).skip(1) {
        if e.parent().is_some_and(|p| inside.contains(&p.id())) {
            inside.insert(e.id());
            continue;
        }
        let s = m.size(e.id());
        // A block with half the article's text or more is the article, whatever it is called.
        if s.text * 2 >= total {
            continue;
        }
        let tag = e.value().name();
        let density = s.link as f64 / s.text.max(1) as f64;
        let drop = matches!(tag, "figcaption")
            || tokens(e.value()).any(|t| CLUTTER_NAMES.contains(&t.as_str()))
            || is_furniture(e, true) && !matches!(tag, "p" | "h2" | "h3" | "h4")
            || CLUTTER_TAGS.contains(&tag)
                && s.text > 0
                && density > if class_weight(e) > 0.0 { MAX_LINK_DENSITY } else { MAX_LINK_DENSITY_UNNAMED };
        if drop {
            inside.insert(e.id());
            out.push(e.id());
        }
    }
    out
}

/// Class/id tokens of blocks inside an article that are not its text: photo captions and credits,
/// galleries, newsletter boxes, advertising.
const CLUTTER_NAMES: &[&str] =
    &["caption", "credit", "credits", "gallery", "slideshow", "newsletter", "ad", "ads", "advert", "advertisement"];
/// Blocks that, when mostly links, are a list of other pages rather than text.
const CLUTTER_TAGS: &[&str] = &["div", "section", "ul", "ol", "table", "aside", "figure"];
/// Share of a block's text inside links above which it is a link list (Readability drops at 0.5 for
/// positively named blocks, lower for others).
const MAX_LINK_DENSITY: f64 = 0.5;
/// The same for blocks not named as content: stricter, as Readability is (0.3 measured best here; 0.5 keeps
/// most-read and related-story lists).
const MAX_LINK_DENSITY_UNNAMED: f64 = 0.3;

/// The article's author: JSON-LD's, else `<meta name=author>`, else a byline in the page. The JSON-LD
/// author is a name as the page credits it; a `<meta>` author is often a handle or a login ("devindra" where
/// JSON-LD names "Devindra Hardawar"), as Readability too reads JSON-LD first. A JSON-LD name is cut as a
/// byline is ([`name_only`]): "Amy Kuperinsky | NJ Advance Media" is Amy Kuperinsky.
fn author(page: &Page, m: &Measures) -> Option<String> {
    page.meta
        .json_ld
        .iter()
        .flat_map(ld_items)
        .find_map(|v| {
            let a = v.get("author")?;
            let a = if let Value::Array(list) = a { list.first()? } else { a };
            a.as_str().or_else(|| a.get("name")?.as_str()).map(|n| name_only(&text::squash(n)))
        })
        .or_else(|| page.meta.author.clone().filter(|a| !a.starts_with("http")))
        .or_else(|| {
            page.find_all(&BYLINE).filter(|b| (3..=100).contains(&m.text(b.id()))).find_map(|b| {
                let t = text::squash(&b.text().collect::<String>());
                let t = name_only(&strip_by(&t));
                (!t.is_empty()).then_some(t)
            })
        })
}

/// What a byline element shows after the name, each starting a part that is not the name: a separator before
/// the time or the section ("James Akinaka • 8h", "Nicolas Perriault —").
const BYLINE_SEPARATORS: &[&str] = &[" • ", " · ", " | ", " — ", " – "];
/// Words a date takes at most ("January 18, 2017"): a byline is cut where this many words or fewer read as a date.
const DATE_WORDS: usize = 3;
/// Words that open a relative time before its number ("před 2 hodinami", "vor 3 Stunden", "il y a 2 jours",
/// "hace 5 días", "há 2 dias"): a byline is cut where one stands before a number. Relative times are never
/// resolved (`date`), but they are never part of a name either.
const RELATIVE_BEFORE: &[&str] = &["před", "pred", "vor", "hace", "há", "ha", "il"];
/// Words that close a relative time after its number and unit ("3 hours ago", "2 giorni fa", "5 dagen
/// geleden", "2 dagar sedan", "3 dni temu").
const RELATIVE_AFTER: &[&str] = &["ago", "fa", "geleden", "sedan", "siden", "temu"];

/// A byline element's text cut to the name: before the first separator, and before a date or a relative time
/// the element shows after it ("Steven Musil January 18, 2017 11:00 PM PST", "Aleš Vávra před 2 hodinami");
/// trailing dashes and commas dropped. At least the first word stays.
fn name_only(s: &str) -> String {
    let padded = format!("{s} ");
    let cut = BYLINE_SEPARATORS.iter().filter_map(|sep| padded.find(sep)).filter(|&i| i > 0).min();
    let s = cut.map_or(s, |i| &s[..i.min(s.len())]);
    let words: Vec<&str> = s.split_whitespace().collect();
    let date_at = (1..words.len()).find(|&i| {
        (1..=DATE_WORDS.min(words.len() - i)).any(|n| crate::date::parse(&words[i..i + n].join(" ")).is_some())
            || relative_time_at(&words, i)
    });
    let name = words[..date_at.unwrap_or(words.len())].join(" ");
    name.trim_end_matches(['—', '–', '-', ',', '|', '•', '·', ' ']).to_string()
}

/// Whether a relative time starts at `words[i]`: an opening word before a number ("před 2", "il y a 2"), or a
/// number whose unit is followed by a closing word ("3 hours ago").
fn relative_time_at(words: &[&str], i: usize) -> bool {
    let number = |j: usize| words.get(j).is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    let word = |j: usize| words.get(j).map(|w| w.to_lowercase().trim_end_matches(['.', ',']).to_string());
    // "il y a 2": the opening is three words.
    let il_y_a = word(i + 1).as_deref() == Some("y") && word(i + 2).as_deref() == Some("a");
    let opens = word(i).is_some_and(|w| RELATIVE_BEFORE.contains(&w.as_str()) && (w != "il" || il_y_a));
    let after_open = if il_y_a { i + 3 } else { i + 1 };
    let closes = number(i) && word(i + 2).is_some_and(|w| RELATIVE_AFTER.contains(&w.as_str()));
    (opens && number(after_open)) || closes
}

/// "By Jane Doe" → "Jane Doe" (and "Von", "Par", "Di", "Por", "Door").
fn strip_by(s: &str) -> String {
    let lower = s.to_lowercase();
    for by in ["by ", "von ", "par ", "di ", "por ", "door ", "de "] {
        if lower.starts_with(by) {
            return s[by.len()..].trim().to_string();
        }
    }
    s.to_string()
}

fn ld_string(page: &Page, key: &str) -> Option<String> {
    page.meta.json_ld.iter().flat_map(ld_items).find_map(|v| v.get(key)?.as_str().map(str::to_string))
}

/// Finds the main text under `body`, leaving out the subtrees in `exclude`.
pub fn main_content<'a>(page: &'a Page, body: ElementRef<'a>, m: &Measures, exclude: &[NodeId]) -> Option<Content<'a>> {
    let _ = page;
    let strict = best_content(body, m, exclude, true);
    match strict {
        Some(c) if m.text(c.root.id()) >= MIN_ARTICLE_TEXT => Some(c),
        strict => {
            let loose = best_content(body, m, exclude, false);
            match (&strict, &loose) {
                (Some(s), Some(l)) if m.text(s.root.id()) >= m.text(l.root.id()) => strict,
                _ => loose.or(strict),
            }
        }
    }
}

fn best_content<'a>(body: ElementRef<'a>, m: &Measures, exclude: &[NodeId], strict: bool) -> Option<Content<'a>> {
    // Which elements lie inside furniture or inside an excluded subtree: one walk down the tree, not a climb
    // up from every element.
    // Keyed by node: the fast hash of the fact stage (no page can flood it), as these take every element.
    let excluded_roots: FastSet<NodeId> = exclude.iter().copied().collect();
    let mut outside: FastSet<NodeId> = FastSet::default();
    for el in body.descendants().filter_map(ElementRef::wrap) {
        let parent_out = el.parent().is_some_and(|p| outside.contains(&p.id()));
        if parent_out || excluded_roots.contains(&el.id()) || is_furniture(el, strict) {
            outside.insert(el.id());
        }
    }
    let in_furniture = |e: ElementRef| outside.contains(&e.id());
    let mut scores: FastMap<NodeId, f64> = FastMap::default();
    let mut order: Vec<ElementRef<'a>> = Vec::new();
    let excluded = |e: ElementRef| outside.contains(&e.id());
    for el in body.descendants().filter_map(ElementRef::wrap) {
        let tag = el.value().name();
        let is_para = PARAGRAPH_TAGS.contains(&tag)
            || (LEAF_CONTAINERS.contains(&tag)
                && !el.children().filter_map(ElementRef::wrap).any(|c| text::is_block(c.value().name())));
        let size = m.size(el.id());
        if !is_para || size.text < MIN_PARAGRAPH || excluded(el) || in_furniture(el) {
            continue;
        }
        let commas: usize = el.text().map(|t| t.matches([',', '，', '、', '،']).count()).sum();
        let own = 1.0 + commas as f64 + (size.text as f64 / 100.0).min(3.0);
        let own = own * (1.0 - size.link as f64 / size.text.max(1) as f64);
        for (level, anc) in el.ancestors().filter_map(ElementRef::wrap).take(3).enumerate() {
            if matches!(anc.value().name(), "body" | "html") {
                break;
            }
            let entry = scores.entry(anc.id()).or_insert_with(|| {
                order.push(anc);
                initial_score(anc)
            });
            *entry += own / [1.0, 2.0, 3.0][level];
        }
    }
    let scored = |e: &ElementRef| {
        let s = m.size(e.id());
        scores.get(&e.id()).copied().unwrap_or(0.0) * (1.0 - s.link as f64 / s.text.max(1) as f64)
    };
    let top = order.iter().copied().max_by(|a, b| scored(a).total_cmp(&scored(b)))?;
    let top_score = scored(&top);
    let Some(parent) = top.parent().and_then(ElementRef::wrap).filter(|p| !matches!(p.value().name(), "html")) else {
        return Some(Content { root: top, exclude: Vec::new() });
    };
    // Siblings that belong to the article: scoring close to the top, or prose paragraphs.
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = top.value().attr("class").unwrap_or("");
    let mut kept = Vec::new();
    let mut dropped = Vec::new();
    for sib in parent.children() {
        let Some(e) = ElementRef::wrap(sib) else { continue };
        let keep = e.id() == top.id()
            || !excluded(e) && !in_furniture(e) && {
                let bonus = if !top_class.is_empty() && e.value().attr("class") == Some(top_class) {
                    top_score * 0.2
                } else {
                    0.0
                };
                let s = m.size(e.id());
                let density = s.link as f64 / s.text.max(1) as f64;
                scored(&e) + bonus >= threshold
                    || (e.value().name() == "p" && s.text > 80 && density < 0.25)
                    || (e.value().name() == "p" && s.text > 0 && density == 0.0 && {
                        let t: String = e.text().collect();
                        t.contains(['.', '。', '!', '?'])
                    })
            };
        if keep {
            kept.push(e.id());
        } else {
            dropped.push(sib.id());
        }
    }
    if kept.len() == 1 {
        return Some(Content { root: top, exclude: Vec::new() });
    }
    Some(Content { root: parent, exclude: dropped })
}

/// Readability's starting score of a container: by tag, and ±25 for content or furniture names.
fn initial_score(e: ElementRef) -> f64 {
    let tag = match e.value().name() {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    tag + class_weight(e)
}

fn class_weight(e: ElementRef) -> f64 {
    let toks: Vec<String> = tokens(e.value()).collect();
    let pos = toks.iter().any(|t| POSITIVE.contains(&t.as_str()));
    let neg = toks.iter().any(|t| NEGATIVE.contains(&t.as_str()));
    25.0 * (f64::from(u8::from(pos)) - f64::from(u8::from(neg)))
}

/// `<nav>`, `<aside>`, `<footer>`, `<header>`, a navigation or banner role, or (when `by_name`) an element
/// named as furniture and not as content.
fn is_furniture(a: ElementRef, by_name: bool) -> bool {
    FURNITURE_TAGS.contains(&a.value().name())
        || a.value()
            .attr("role")
            .is_some_and(|r| matches!(r, "navigation" | "banner" | "contentinfo" | "complementary"))
        || by_name && class_weight(a) < 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_keep_the_name_only() {
        assert_eq!(name_only("Nicolas Perriault —"), "Nicolas Perriault");
        assert_eq!(name_only("James Akinaka • 8h"), "James Akinaka");
        assert_eq!(name_only("Steven Musil January 18, 2017 11:00 PM PST @stevenmusil"), "Steven Musil");
        assert_eq!(name_only("Brenda Goodman, MA"), "Brenda Goodman, MA");
        assert_eq!(name_only("Jane Doe"), "Jane Doe");
        assert_eq!(name_only("Aleš Vávra před 2 hodinami"), "Aleš Vávra");
        assert_eq!(name_only("Mara Lindqvist 3 hours ago"), "Mara Lindqvist");
        assert_eq!(name_only("Jean Dupont il y a 2 jours"), "Jean Dupont");
        assert_eq!(name_only("Anna vor 5 Minuten"), "Anna");
        assert_eq!(name_only("Vor Lindqvist"), "Vor Lindqvist", "a first word that opens a relative time stays");
        assert_eq!(name_only("Agent 47 Fan"), "Agent 47 Fan");
    }

    #[test]
    fn article_keeps_its_prose_and_drops_captions_link_lists_and_share_bars() {
        let prose = "<p>The river survey counted forty-one otters along the upper valley this spring, twice the figure from the last count.</p>".repeat(8);
        let html = format!(
            r#"<html><body><article><h1>Otters return</h1>{prose}
            <figure><img src="o.jpg"><figcaption>An otter on the weir. Photo: survey team</figcaption></figure>
            <div class="share-tools">Share this story on every network you can think of today</div>
            <ul><li><a href="/a">Related: beavers build again</a></li><li><a href="/b">Related: herons</a></li>
            <li><a href="/c">Related: the valley floods</a></li></ul></article></body></html>"#
        );
        let Ok(page) = crate::parse::parse(&html, Some("https://news.example.org/otters")) else { panic!("parse") };
        let text = read(&crate::clean::clean(page)).posts.iter().map(|p| p.text.clone()).collect::<String>();
        assert!(text.contains("forty-one otters"), "{text}");
        assert!(!text.contains("Photo: survey team"), "caption kept: {text}");
        assert!(!text.contains("Related: herons"), "link list kept: {text}");
        assert!(!text.contains("every network"), "share bar kept: {text}");
    }
}

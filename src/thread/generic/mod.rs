//! The structural detector, for boards no engine reader knows: the repeated block that carries an author, a
//! time and a body, found from the page's structure rather than from English words.
//!
//! 1. Microdata (`DiscussionForumPosting`, `Comment`, `Answer`, `Question`) when the page marks its posts up.
//! 2. Otherwise: every element showing a time (`<time>`, time attributes, date-like short text in any language
//!    `date` reads) is a candidate post header. Candidates are grouped by their markup path (tag and classes of
//!    the element and its parent, tag of the grandparent); each group's posts are the largest blocks holding
//!    exactly one of its times (nested comment trees fall out of this: a reply's time makes its parent's block
//!    stop above it). The group whose blocks cover the most non-link text wins.
//! 3. Within a block: the author is the short link (or author-classed element) at the markup path most blocks
//!    share; the body is the smallest element holding nearly all the text that is not header; what follows a
//!    `<hr>` at the end of the body is a signature.
//! 4. Text before the first post that the blocks do not cover (an opening post in other markup, an article
//!    above its comments) becomes the first post.
//! 5. JSON-LD `DiscussionForumPosting` with its comments, when the markup gives nothing.
//!
//! The reader is split at those seams: [`blocks`] finds the repeated blocks (steps 2 and their reply depth),
//! [`author`] finds who wrote each block, [`body`] turns a block into a post (header, body, signature,
//! permalink, score), [`lead`] reads the content above the blocks (step 4) and [`schema`] reads microdata and
//! JSON-LD (steps 1 and 5). This file picks the winning group and puts the thread together.

mod author;
mod blocks;
mod body;
mod lead;
mod schema;

use super::structure::{time_anchors, Measures};
use super::Thread;
use crate::css::Sel;
use crate::hash::FastMap;
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;

const PLATFORM: &str = "generic";

/// Least non-link text (characters) the average block of a group must hold: below it, the group is a list of
/// dated links (a forum index, a sidebar of recent posts), not posts.
const MIN_AVG_BLOCK_TEXT: usize = 25;
/// Most link text a group's blocks may hold, as a share of their text: more is navigation.
const MAX_LINK_DENSITY: f64 = 0.5;
/// A header (the part of a block around its time or author) holds at most this many characters.
const MAX_HEADER_TEXT: usize = 200;

static BODY: Sel = Sel::new("body");
static LINKS: Sel = Sel::new("a[href]");

/// Reads the posts of a page by structure, or `None` when the page has no repeated post blocks.
pub fn read(page: &Page) -> Option<Thread> {
    let body = page.find_all(&BODY).next().unwrap_or_else(|| page.doc.root_element());
    let m = Measures::of(*body);
    if let Some(mut t) = schema::microdata(page).filter(|t| t.posts.len() >= 2) {
        if let Some(opening) = unmarked_opening(page, body, &m, &t.posts) {
            t.posts.insert(0, opening);
        }
        return Some(t);
    }
    structural(page, body, &m).ok().or_else(|| schema::json_ld(page))
}

/// Why the structural detector found no thread on a page: what `threadcard --explain` and the corpus
/// evaluation's breakdown report when the article reader reads a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Miss {
    /// No element of the page shows a time.
    NoTimes,
    /// Times, but no two at the same markup path.
    NoRepeatedTime,
    /// Repeated times, but every group's blocks hold too little text of their own or mostly links.
    ThinBlocks,
    /// Most blocks are teasers of other pages (a title link and a line).
    Teasers,
    /// Blocks under an article, most of them without an author: teasers or dated paragraphs.
    AuthorlessUnderArticle,
    /// The page's article text outweighs the blocks together.
    ArticleOutweighs,
    /// Fewer than two blocks with text.
    TooFew,
}

impl Miss {
    /// The reason in words.
    pub fn describe(self) -> &'static str {
        match self {
            Miss::NoTimes => "no element shows a time",
            Miss::NoRepeatedTime => "no two times share a markup path",
            Miss::ThinBlocks => "the dated blocks hold too little text of their own, or mostly links",
            Miss::Teasers => "most dated blocks are teasers of other pages",
            Miss::AuthorlessUnderArticle => "the dated blocks sit under an article and most have no author",
            Miss::ArticleOutweighs => "the page's article text outweighs the dated blocks",
            Miss::TooFew => "fewer than two dated blocks with text",
        }
    }
}

/// Why [`read`] finds no thread on `page`, or `None` when it finds one (microdata and JSON-LD included).
pub fn why_not(page: &Page) -> Option<Miss> {
    if read(page).is_some_and(|t| !t.posts.is_empty()) {
        return None;
    }
    let body = page.find_all(&BODY).next().unwrap_or_else(|| page.doc.root_element());
    structural(page, body, &Measures::of(*body)).err()
}

/// Characters of the first marked post's text that must be found in a structural post to tie the two.
const TIE_CHARS: usize = 40;

/// The thread's opening post when the page's microdata marks only the replies (themes that mark each reply
/// `schema.org/Comment` and leave the first post unmarked): the structure reads the same posts, and the one
/// post it finds right before the first marked one is that opening post. Only ever one post, and only when the
/// structure's next post is the first marked one.
fn unmarked_opening(page: &Page, body: ElementRef, m: &Measures, marked: &[Post]) -> Option<Post> {
    let first: String = marked.first()?.text.chars().take(TIE_CHARS).collect();
    if first.chars().count() < TIE_CHARS {
        return None;
    }
    let mut posts = structural(page, body, m).ok()?.posts.into_iter();
    let mut opening = posts.next()?;
    let tied = posts.next().is_some_and(|p| p.text.contains(&first));
    let unmarked = !marked.iter().any(|p| p.text.contains(&opening.text) || opening.text.contains(&p.text));
    opening.depth = 0;
    (tied && unmarked).then_some(opening)
}

// ---------------------------------------------------------------------------------------------------------
// Structure

/// How many different texts `anchors` show (for profile links: how many people).
fn distinct_names(anchors: &[ElementRef]) -> usize {
    let mut names: Vec<String> = anchors.iter().map(|a| crate::text::squash(&a.text().collect::<String>())).collect();
    crate::sort::sort(&mut names);
    names.dedup();
    names.len()
}

/// One post's place in the page: a run of sibling elements and the time anchor it holds.
struct Block<'a> {
    run: Vec<ElementRef<'a>>,
    anchor: ElementRef<'a>,
    /// The anchor is the poster's profile link, not a time ([`author::profile_anchors`]).
    by_poster: bool,
}

impl Block<'_> {
    fn text(&self, m: &Measures) -> usize {
        self.run.iter().map(|e| m.text(e.id())).sum()
    }
    fn link(&self, m: &Measures) -> usize {
        self.run.iter().map(|e| m.size(e.id()).link).sum()
    }
}

/// The posts by their times; on a board that shows no two times at one markup path, by their posters'
/// profile links instead ([`author::profile_anchors`]), under the same checks. The miss reported is the
/// times' own.
fn structural<'a>(page: &'a Page, body: ElementRef<'a>, m: &Measures) -> Result<Thread, Miss> {
    let anchors = time_anchors(body, m);
    match structural_by(page, body, m, &anchors, false) {
        Err(miss @ (Miss::NoTimes | Miss::NoRepeatedTime)) => {
            structural_by(page, body, m, &author::profile_anchors(body, m), true).map_err(|_| miss)
        }
        read => read,
    }
}

/// The posts of the blocks around `anchors` (times, or profile links), grouped by markup path.
fn structural_by<'a>(
    page: &'a Page,
    body: ElementRef<'a>,
    m: &Measures,
    anchors: &[ElementRef<'a>],
    by_poster: bool,
) -> Result<Thread, Miss> {
    if anchors.is_empty() {
        return Err(Miss::NoTimes);
    }
    let mut groups: FastMap<String, Vec<ElementRef>> = FastMap::default();
    for a in anchors {
        groups.entry(blocks::group_key(*a)).or_default().push(*a);
    }
    groups.retain(|_, g| g.len() >= 2);
    if groups.is_empty() {
        return Err(Miss::NoRepeatedTime);
    }
    let (blocks, _) = groups
        .into_values()
        .filter_map(|g| {
            let mut blocks = blocks::blocks_of(&g, m);
            blocks.iter_mut().for_each(|b| b.by_poster = by_poster);
            let text: usize = blocks.iter().map(|b| b.text(m)).sum();
            let link: usize = blocks.iter().map(|b| b.link(m)).sum();
            let times: usize = blocks.iter().map(|b| m.text(b.anchor.id())).sum();
            let own = text.saturating_sub(link).saturating_sub(times);
            // Posters stand for posts only where at least two people wrote (one name repeated at one path is
            // a menu's link, "People & Power" twice in a news site's header and footer).
            let ok = blocks.len() >= 2
                && (!by_poster || distinct_names(&g) >= 2)
                && own / blocks.len() >= MIN_AVG_BLOCK_TEXT
                && (link as f64) <= MAX_LINK_DENSITY * text as f64;
            ok.then_some((blocks, own))
        })
        .max_by_key(|(_, own)| *own)
        .ok_or(Miss::ThinBlocks)?;
    let labels = author::repeated_labels(&blocks, m);
    let author = (author::common_author_path(&blocks, &labels, m), labels);
    let (mut posts, teasers): (Vec<Post>, Vec<bool>) =
        blocks.iter().map(|b| body::post_of(page, b, &author, m)).unzip();
    if teasers.iter().filter(|t| **t).count() * 2 >= teasers.len() {
        return Err(Miss::Teasers);
    }
    for (post, depth) in posts.iter_mut().zip(blocks::depths(&blocks)) {
        post.depth = depth;
    }
    blocks::normalize_depths(&mut posts);
    if let Some(lead) = lead::lead_post(page, body, &blocks, anchors, m) {
        // Under an article, dated blocks without authors are teasers of other articles, not comments.
        let authored = posts.iter().filter(|p| p.author.is_some()).count();
        let mut names: Vec<&str> = posts.iter().filter_map(|p| p.author.as_deref()).collect();
        crate::sort::sort(&mut names);
        names.dedup();
        if authored * 2 < posts.len() || names.len() < 2 && posts.len() > 2 {
            return Err(Miss::AuthorlessUnderArticle);
        }
        posts.insert(0, lead);
    } else if lead::article_outweighs(page, body, &posts, m) {
        return Err(Miss::ArticleOutweighs);
    }
    posts.retain(|p| !p.text.is_empty());
    if posts.len() < 2 {
        return Err(Miss::TooFew);
    }
    Ok(Thread { platform: PLATFORM.into(), posts, ..Thread::default() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    fn read_html(html: &str) -> Option<Thread> {
        let page = crate::clean::clean(parse(html, Some("https://board.example/t/1")).expect("page"));
        read(&page)
    }

    #[test]
    fn german_board_with_nested_replies() {
        let reply = |id: u32, who: &str, when: &str, text: &str, children: &str| {
            format!(
                r#"<li class="c" id="c{id}"><div class="kopf"><a href="/mitglied/{who}">{who}</a> <span>{when}</span></div>
                <div class="inhalt"><p>{text}</p></div><ul class="kinder">{children}</ul></li>"#
            )
        };
        let inner = reply(3, "carla", "11.01.2022, 15:02", "Das sehe ich genauso, danke für den Hinweis.", "");
        let html = format!(
            "<body><nav><a href=/>Forum</a></nav><ul class=\"liste\">{}{}</ul></body>",
            reply(
                1,
                "anna",
                "11.01.2022, 14:28",
                "Die Truppen sollen in zwei Tagen abziehen, sagt der Präsident.",
                &inner
            ),
            reply(2, "bernd", "11.01.2022, 14:45", "Zehn Tage sind eine lange Zeit für so einen Abzug, finde ich.", ""),
        );
        let t = read_html(&html).expect("posts found");
        let got: Vec<_> = t.posts.iter().map(|p| (p.author.as_deref(), p.published.as_deref(), p.depth)).collect();
        assert_eq!(
            got,
            [
                (Some("anna"), Some("2022-01-11T14:28:00"), 0),
                (Some("carla"), Some("2022-01-11T15:02:00"), 1),
                (Some("bernd"), Some("2022-01-11T14:45:00"), 0)
            ]
        );
        assert!(!t.posts[0].text.contains("Das sehe ich"), "a reply is not part of its parent: {}", t.posts[0].text);
        assert_eq!(t.posts[1].permalink.as_deref(), Some("https://board.example/t/1#c3"));
    }

    #[test]
    fn table_rows_header_then_body_keep_short_posts_clean() {
        let row = |n: u32, who: &str, when: &str, text: &str| {
            format!(
                r#"<tr><td class="hd"><a href="/t/9#{n}">Re: A thread title long enough to look like a headline</a>
                by <a href="/{who}" class="user">{who}</a>: <span class="s"><b>{when}</b> On <b>Apr 24</b></span></td></tr>
                <tr><td class="bd"><div class="narrow">{text}</div></td></tr>"#
            )
        };
        let html = format!(
            "<body><table>{}{}{}</table></body>",
            row(1, "ann", "9:00am", "The opening post of this thread, with a few sentences of its own to read."),
            row(2, "bob", "10:16am", "ok"),
            row(3, "cyd", "10:22am", "Nice post, I did not know that one before today."),
        );
        let t = read_html(&html).expect("posts found");
        let got: Vec<_> = t.posts.iter().map(|p| (p.author.as_deref(), p.text.as_str())).collect();
        assert_eq!(got[1], (Some("bob"), "ok"), "{got:?}");
        assert_eq!(t.posts.len(), 3);
    }

    #[test]
    fn dated_teasers_are_not_posts() {
        let teaser = |n: u32| {
            format!(
                r#"<div class="card"><a href="/story/{n}">A headline of another story number {n}</a><span>Jan {n}, 2022</span>
                <p>A short teaser line of that story.</p></div>"#
            )
        };
        let html = format!("<body>{}{}{}</body>", teaser(1), teaser(2), teaser(3));
        assert!(read_html(&html).is_none());
        let why = |html: &str| why_not(&crate::clean::clean(parse(html, None).expect("page")));
        assert_eq!(why(&html), Some(Miss::Teasers));
        assert_eq!(why("<body><p>No time shown anywhere on this page.</p></body>"), Some(Miss::NoTimes));
        let one = "<body><div><span>Jan 3, 2022</span><p>Only one post has a time.</p></div></body>";
        assert_eq!(why(one), Some(Miss::NoRepeatedTime));
    }
}

//! Reddit comment pages, in both renderings Reddit serves.
//!
//! **Old Reddit** (old.reddit.com): every item is a `div.thing` with `data-type` (`link` for the submission,
//! `comment` for comments), `data-author`, `data-permalink` and an `id` (`thing_t1_…`). Its own parts sit in its
//! `div.entry` (a direct child, so a reply's parts are never taken for its parent's): the byline
//! `p.tagline` (`a.author` profile link, `time[datetime]`, `span.score.unvoted` whose `title` is the exact score),
//! and the body `.usertext-body .md` (a self post's sits in the entry's `.expando`). Replies nest in the
//! comment's `div.child > div.sitetable`, so a comment's depth is how many comment things enclose it. The
//! submission's score is its `data-score`. Comments live in `div.commentarea`; a page without one is a listing,
//! not a thread. "load more comments" stubs are `div.thing.morechildren`, not comments.
//!
//! **New Reddit** (shreddit web components, server-rendered): the submission is `shreddit-post` with `author`,
//! `created-timestamp`, `post-title`, `score`, `permalink`, `content-href` (the link of a link post) and `id`;
//! a self post's body is its `[slot=text-body]` (`.md` inside). Comments are `shreddit-comment` with `author`,
//! `depth` (0 for top level), `score`, `permalink`, `thingid` and `created`; the body is the direct child
//! `div[slot=comment]`, the byline the direct child `[slot=commentMeta]` (profile link, `faceplate-timeago[ts]`).
//! Replies nest inside their parent's element. Comments fetched later by script are not in the page.
//!
//! The subreddit (`data-subreddit-prefixed`, `subreddit-prefixed-name`) is the thread's section.
//!
//! The submission is post 1, with the thread title as its title and depth 0; comments follow in page order,
//! top-level ones at depth 0 (see `Post::depth`). A link submission's body is its link. Deleted or removed
//! comments whose body is only the "[deleted]"/"[removed]" placeholder are not posts (their replies are).

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{add_profile, base_url, link_post, score, set_time, text_of};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use crate::{text, url};
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "reddit", detect, read };

static COMMENT_AREA: Sel = Sel::new("div.commentarea");
static OLD_LINK: Sel = Sel::new("div.thing[data-type=link]");
static OLD_COMMENT: Sel = Sel::new("div.thing[data-type=comment]");
static OLD_TITLE: Sel = Sel::new("div.thing[data-type=link] p.title a.title");
static ENTRY: Sel = Sel::new("div.entry");
static OLD_AUTHOR: Sel = Sel::new(".tagline a.author");
static OLD_TIME: Sel = Sel::new(".tagline time");
static OLD_SCORE: Sel = Sel::new(".score.unvoted");
static OLD_BODY: Sel = Sel::new(".usertext-body .md");
/// The moderator mark of a byline (`[M]`, "moderator of r/science, speaking officially").
static OLD_OFFICIAL: Sel = Sel::new(".tagline a.moderator");

static NEW_POST: Sel = Sel::new("shreddit-post");
static NEW_COMMENT: Sel = Sel::new("shreddit-comment");
static NEW_TITLE: Sel = Sel::new("[slot=title]");
static NEW_POST_BODY: Sel = Sel::new("[slot=text-body] .md, [slot=text-body]");
static USER_LINK: Sel = Sel::new("a[href*='/user/']");
static TIMEAGO: Sel = Sel::new("faceplate-timeago[ts]");

/// Bodies that only stand in for a comment that is gone. Reddit writes them in English whatever the
/// reader's language.
const GONE: &[&str] = &["[deleted]", "[removed]", "Comment deleted by user", "Comment removed by moderator"];

/// Whether the page is this engine's: old Reddit's `div.commentarea`, or new Reddit's `shreddit-post` / `shreddit-
/// comment`, markup every board of the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&COMMENT_AREA) || probe.has(&NEW_POST) || probe.has(&NEW_COMMENT)
}

/// Reads a Reddit comment page (old or new), or `None` when the page is not one.
pub fn read(page: &Page) -> Option<Thread> {
    read_old(page).or_else(|| read_new(page))
}

fn read_old(page: &Page) -> Option<Thread> {
    page.find_all(&COMMENT_AREA).next()?;
    let base = base_url(page);
    let mut posts = Vec::new();
    let link = page.find_all(&OLD_LINK).next();
    if let Some(link) = link {
        posts.push(old_post(page, base.as_deref(), link));
    }
    posts.extend(page.find_all(&OLD_COMMENT).filter(|c| !is_pinned_notice(*c)).filter_map(|c| {
        let p = old_post(page, base.as_deref(), c);
        (!is_gone(&p)).then_some(p)
    }));
    let mut thread = super::thread(ENGINE.name, page, &OLD_TITLE, posts)?;
    // The subreddit is the thread's section.
    let sub = link.and_then(|l| l.value().attr("data-subreddit-prefixed")).map(str::to_string);
    thread.section.extend(sub);
    Some(thread)
}

/// A comment the subreddit pins above the discussion, posted by a moderator speaking officially (the
/// `stickied` thing whose byline carries the `[M]` mark): the subreddit's rules and welcome text
/// (AutoModerator's "Welcome to r/science! ..."), board furniture like an announcement box, not a reply. Its
/// replies are still read.
fn is_pinned_notice(thing: ElementRef) -> bool {
    thing.value().classes().any(|c| c == "stickied")
        && entry_of(thing).is_some_and(|e| e.find_all(&OLD_OFFICIAL).next().is_some())
}

/// A thing's own `div.entry` (a direct child: a reply's entry is not its parent's).
fn entry_of(thing: ElementRef) -> Option<ElementRef> {
    thing.children().filter_map(ElementRef::wrap).find(|c| ENTRY.matches(c))
}

/// One old-Reddit thing, read from its own entry.
fn old_post(page: &Page, base: Option<&str>, thing: ElementRef) -> Post {
    let entry = entry_of(thing);
    let author_link = entry.and_then(|e| e.find_all(&OLD_AUTHOR).next());
    let author = thing.value().attr("data-author").map(str::to_string).or_else(|| author_link.map(text_of));
    let mut author_info = BTreeMap::new();
    add_profile(&mut author_info, base, author_link.and_then(|a| a.value().attr("href")));
    let shown_score = entry.and_then(|e| e.find_all(&OLD_SCORE).next()).or_else(|| thing.find_all(&OLD_SCORE).next());
    let votes = thing.value().attr("data-score").and_then(score).or_else(|| {
        shown_score.and_then(|s| s.value().attr("title").and_then(score).or_else(|| leading_number(&text_of(s))))
    });
    let is_link = thing.value().attr("data-type") == Some("link");
    let depth = thing.ancestors().filter_map(ElementRef::wrap).filter(|a| OLD_COMMENT.matches(a)).count();
    let mut p = post::build(
        page,
        PostParts {
            author,
            author_info,
            time: entry.and_then(|e| e.find_all(&OLD_TIME).next()),
            body: entry.and_then(|e| e.find_all(&OLD_BODY).next()),
            score: votes,
            depth: depth as u32,
            permalink: thing.value().attr("data-permalink").map(str::to_string),
            anchor: thing.value().id().map(str::to_string),
            ..PostParts::default()
        },
    );
    if is_link {
        p.title = thing.find_all(&OLD_TITLE_IN_THING).next().map(text_of).filter(|t| !t.is_empty());
        if p.text.is_empty() {
            let href = thing
                .value()
                .attr("data-url")
                .or_else(|| thing.find_all(&OLD_TITLE_IN_THING).next().and_then(|a| a.value().attr("href")));
            if let Some(href) = href.and_then(|h| url::resolve(base, h)) {
                link_post(&mut p, &href);
            }
        }
    }
    p
}

static OLD_TITLE_IN_THING: Sel = Sel::new("p.title a.title");

fn read_new(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let op = page.find_all(&NEW_POST).next();
    let mut posts = Vec::new();
    if let Some(op) = op {
        posts.push(new_submission(page, base.as_deref(), op));
    }
    posts.extend(page.find_all(&NEW_COMMENT).filter_map(|c| new_comment(page, base.as_deref(), c)));
    let mut thread = super::thread(ENGINE.name, page, &NEW_TITLE, posts)?;
    if let Some(title) = op.and_then(|o| o.value().attr("post-title")).map(text::squash).filter(|t| !t.is_empty()) {
        thread.title = title;
    }
    thread.section.extend(op.and_then(|o| o.value().attr("subreddit-prefixed-name")).map(str::to_string));
    Some(thread)
}

fn new_submission(page: &Page, base: Option<&str>, op: ElementRef) -> Post {
    let attr = |name: &str| op.value().attr(name).map(str::to_string);
    let author = attr("author");
    let mut author_info = BTreeMap::new();
    let profile = op.find_all(&USER_LINK).find_map(|a| a.value().attr("href")).map(str::to_string);
    add_profile(&mut author_info, base, profile.or_else(|| author.as_ref().map(|a| user_path(a))).as_deref());
    let title = attr("post-title").or_else(|| op.find_all(&NEW_TITLE).next().map(text_of));
    let mut p = post::build(
        page,
        PostParts {
            author,
            author_info,
            time: op.find_all(&TIMEAGO).next(),
            body: op.find_all(&NEW_POST_BODY).next(),
            title,
            score: attr("score").as_deref().and_then(score),
            permalink: attr("permalink"),
            anchor: attr("id"),
            ..PostParts::default()
        },
    );
    // The page shows the time only once a script has run; the exact time is an attribute.
    set_time(&mut p, attr("created-timestamp").as_deref());
    if p.text.is_empty() {
        // A link post: `content-href` is the link (a self post's points back at the thread).
        let target = attr("content-href").and_then(|h| url::resolve(base, &h));
        let own = p.permalink.as_deref().map(|l| l.trim_end_matches('/'));
        if let Some(href) = target.filter(|t| Some(t.trim_end_matches('/')) != own) {
            link_post(&mut p, &href);
        }
    }
    p
}

fn new_comment(page: &Page, base: Option<&str>, c: ElementRef) -> Option<Post> {
    let slot = |name: &str| c.children().filter_map(ElementRef::wrap).find(|e| e.value().attr("slot") == Some(name));
    let body = slot("comment")?;
    let meta = slot("commentMeta");
    let attr = |name: &str| c.value().attr(name).map(str::to_string);
    let author = attr("author");
    let mut author_info = BTreeMap::new();
    let profile = meta.and_then(|m| m.find_all(&USER_LINK).find_map(|a| a.value().attr("href"))).map(str::to_string);
    let profile = profile.or_else(|| author.as_ref().filter(|a| !GONE.contains(&a.as_str())).map(|a| user_path(a)));
    add_profile(&mut author_info, base, profile.as_deref());
    let time = meta.and_then(|m| m.find_all(&TIMEAGO).next());
    let ts = attr("created").or_else(|| time.and_then(|t| t.value().attr("ts")).map(str::to_string));
    let mut p = post::build(
        page,
        PostParts {
            author,
            author_info,
            time,
            body: Some(body),
            score: attr("score").as_deref().and_then(score),
            depth: attr("depth").and_then(|d| d.trim().parse().ok()).unwrap_or(0),
            permalink: attr("permalink"),
            anchor: attr("id").or_else(|| body.value().id().map(str::to_string)),
            ..PostParts::default()
        },
    );
    // The shown time is relative ("1y ago"); the exact one is an attribute post::build does not read.
    set_time(&mut p, ts.as_deref());
    (!is_gone(&p)).then_some(p)
}

/// Reddit's profile address for a user name (`/user/<name>/`), where the markup shows no link.
fn user_path(name: &str) -> String {
    format!("/user/{name}/")
}

/// A comment that is only the placeholder of a deleted or removed one.
fn is_gone(p: &Post) -> bool {
    p.text.trim().is_empty() || GONE.contains(&p.text.trim())
}

/// "189 points" → 189.
fn leading_number(s: &str) -> Option<i64> {
    s.split_whitespace().next().and_then(score)
}

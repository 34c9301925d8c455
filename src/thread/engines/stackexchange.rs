//! Stack Exchange (Stack Overflow and every site of the network) question pages.
//!
//! The question is `.question` (`data-questionid`), each answer `.answer` (`data-answerid`, `data-score`,
//! `data-author-username` on current pages); bodies are `.js-post-body` (older: `.post-text`). The author card
//! (`.post-signature`; on answers the last one, after an editor's) shows the name, reputation and the time
//! (`.relativetime[title]`, `time[itemprop=dateCreated]`). Votes are `.js-vote-count`.
//!
//! Comments under a post are not posts here: the card shows the question and its answers, with their votes
//! as `score`, and the accepted answer (`.accepted-answer`, `itemprop=acceptedAnswer`) as `accepted`. (The WCXB forum ground truth leaves them out as well.)

use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{absolute, base_url, first_attr, score, text_of};
use crate::css::{FindAll, Sel};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::collections::BTreeMap;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "stackexchange", detect, read };

static TITLE: Sel = Sel::new("#question-header h1, h1[itemprop=name]");
static POST: Sel = Sel::new(".question[data-questionid], .answer[data-answerid]");
static BODY: Sel = Sel::new(".js-post-body, .post-text");
static CARD: Sel = Sel::new(".post-signature");
static OWNER_CARD: Sel = Sel::new(".post-signature.owner");
static NAME: Sel = Sel::new(".user-details a[href], .s-user-card--link");
static REPUTATION: Sel = Sel::new(".reputation-score");
static TIME: Sel = Sel::new("time[itemprop=dateCreated], .user-action-time .relativetime, .relativetime");
static VOTES: Sel = Sel::new(".js-vote-count");
static SHARE: Sel = Sel::new("a.js-share-link[href]");

/// Whether the page is this engine's: a `.question[data-questionid]` or `.answer[data-answerid]` and a post body,
/// markup every board of the engine prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&POST) && probe.has(&BODY)
}

/// Reads a Stack Exchange question page, or `None` when the page has no question or answers.
pub fn read(page: &Page) -> Option<Thread> {
    let base = base_url(page);
    let posts: Vec<Post> = page
        .find_all(&POST)
        .filter_map(|p| {
            let body = p.find_all(&BODY).next()?;
            Some(read_post(page, base.as_deref(), p, body))
        })
        .collect();
    super::thread(ENGINE.name, page, &TITLE, posts)
}

/// The page's address with the post's anchor: the share link is page furniture the clean stage may drop.
fn anchored(page: &Page, p: ElementRef, id: Option<&str>) -> Option<String> {
    let at = page.meta.canonical.as_deref().or(page.url.as_deref())?;
    let anchor = p.value().id().or(id)?;
    Some(format!("{}#{anchor}", at.split('#').next().unwrap_or(at)))
}

fn read_post(page: &Page, base: Option<&str>, p: ElementRef, body: ElementRef) -> Post {
    // The author's card: the owner's on a question, the last on an answer (an editor's comes first).
    let card = p.find_all(&OWNER_CARD).next().or_else(|| p.find_all(&CARD).last());
    let name = card.and_then(|c| c.find_all(&NAME).next());
    let author = name
        .map(text_of)
        .filter(|n| !n.is_empty())
        .or_else(|| p.value().attr("data-author-username").map(str::to_string));
    let mut author_info = BTreeMap::new();
    if let Some(profile) = absolute(base, name.and_then(|n| n.value().attr("href"))) {
        author_info.insert("profile".to_string(), profile);
    }
    if let Some(rep) = card.and_then(|c| c.find_all(&REPUTATION).next()) {
        // The title holds the exact figure ("reputation score 392,311") where the text rounds ("392k").
        let exact = rep.value().attr("title").and_then(|t| t.rsplit(' ').next()).filter(|n| score(n).is_some());
        author_info.insert("reputation".to_string(), exact.map_or_else(|| text_of(rep), str::to_string));
    }
    let time = card.and_then(|c| c.find_all(&TIME).last()).or_else(|| p.find_all(&TIME).next());
    let votes = p.value().attr("data-score").and_then(score).or_else(|| {
        p.find_all(&VOTES)
            .next()
            .and_then(|v| v.value().attr("data-value").and_then(score).or_else(|| score(&text_of(v))))
    });
    let id = p.value().attr("data-answerid").or(p.value().attr("data-questionid"));
    let mut post = post::build(
        page,
        PostParts {
            author,
            author_info,
            time,
            body: Some(body),
            score: votes,
            permalink: absolute(base, first_attr(p, &SHARE, "href").as_deref()).or_else(|| anchored(page, p, id)),
            anchor: p.value().id().map(str::to_string),
            ..PostParts::default()
        },
    );
    // The accepted answer: class `accepted-answer` and `itemprop=acceptedAnswer` on every site of the network.
    post.accepted =
        p.value().classes().any(|c| c == "accepted-answer") || p.value().attr("itemprop") == Some("acceptedAnswer");
    post
}

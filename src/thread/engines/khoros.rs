//! Khoros Community (formerly Lithium) threads: the hosted communities of many large brands, every one on the
//! same "quilt" page components under `/t5/<board>/<subject>/td-p/<id>` and `/m-p/<id>`.
//!
//! Every message's text is `div.lia-message-body-content` (inside `div.lia-message-body`), in the message view
//! (`div.lia-message-view-wrapper` with `data-lia-message-uid`, or the `div.MessageView` inside it). In the
//! message: the author `a.lia-user-name-link` (the name in its inner `span`, the link to
//! `/t5/user/viewprofilepage/user-id/<id>`) inside `span.UserName`, the rank `.lia-message-author-rank`, and the
//! time `span.DateTime` holding `span.local-date` ("‎11-08-2024", with a left-to-right mark) and
//! `span.local-time` ("04:24 PM"), usually under `.lia-message-posted-on`. A reply's subject
//! (`.lia-message-subject`) repeats the thread's with "Re:". The thread's title is the page title
//! `h1.PageTitle`, the trail the `.lia-breadcrumb-node` links. Kudos counts (`.MessageKudosCount`) and the solution marks sit outside the text.
//!
//! A reply the asker (or a moderator) accepted as the solution carries `lia-accepted-solution` on its message
//! view (with an "Accepted Solution" label in its header); the solved topic links to it from its header
//! ("Solved! Go to Solution.", a link to `/m-p/<message id>` inside an element whose class names the
//! solution). Either makes the post [`Post::accepted`] (never the opening post).

use super::super::page_info::sel;
use super::super::post::{self, PostParts};
use super::super::{Engine, Thread};
use super::{add_profile, first_text, named_link, text_of};
use crate::css::{FindAll, Sel, Selector};
use crate::model::Post;
use crate::parse::Page;
use scraper::ElementRef;
use std::sync::LazyLock;

/// The reader, for the engine registry.
pub const ENGINE: Engine = Engine { name: "khoros", detect, read };

static TITLE: Sel = Sel::new("h1.PageTitle, .lia-thread-subject, .lia-message-subject h1, .lia-message-subject");
static BODY: Sel = Sel::new(".lia-message-body-content");
static BLOCK: Sel = Sel::new(".MessageView, .lia-message-view-wrapper, [data-lia-message-uid]");
static AUTHOR: Sel = Sel::new("a.lia-user-name-link");
static RANK: Sel = Sel::new(".lia-message-author-rank");
/// The post's time: the "posted on" date first (an edit's date may follow), then any Khoros date.
static TIMES: LazyLock<[Selector; 2]> =
    LazyLock::new(|| [sel(".lia-message-posted-on .DateTime, .lia-message-posted-on"), sel(".DateTime")]);
static KUDOS: Sel = Sel::new(".MessageKudosCount");
static CRUMB: Sel = Sel::new(".lia-breadcrumb-node a");
static QUOTE: Sel = Sel::new("blockquote, .lia-quote");
/// The class of the accepted solution's message view.
const SOLUTION_CLASS: &str = "lia-accepted-solution";
/// The solved topic's link to its solution message.
static SOLUTION_LINK: Sel = Sel::new("[class*='solution'] a[href*='/m-p/']");
/// What precedes the message id in a Khoros message address (`/t5/<board>/<subject>/m-p/2201977#M4512`).
const MESSAGE_PATH: &str = "/m-p/";
static UID: Sel = Sel::new("[data-lia-message-uid]");

/// Whether the page is this engine's: a message text `.lia-message-body-content` and a profile link
/// `a.lia-user-name-link`, markup every Khoros community prints and [`read`] needs.
pub fn detect(probe: &super::Probe) -> bool {
    probe.has(&BODY) && probe.has(&AUTHOR)
}

/// Reads a Khoros thread, or `None` when the page has no Khoros messages.
pub fn read(page: &Page) -> Option<Thread> {
    let mut thread = super::read_posts(ENGINE.name, page, &TITLE, &BODY, &BLOCK, read_post)?;
    thread.section = super::trail(page, &CRUMB, &thread.title);
    mark_linked_solution(page, &mut thread.posts);
    Some(thread)
}

/// Marks the reply the topic's "Go to Solution" link points at: the message whose `data-lia-message-uid` is
/// the link's `/m-p/<id>`. Posts and message views are matched in page order (one view per post).
fn mark_linked_solution(page: &Page, posts: &mut [Post]) {
    let Some(target) = page.find_all(&SOLUTION_LINK).find_map(|a| message_id(a.value().attr("href")?)) else { return };
    let uids: Vec<&str> = page
        .find_all(&UID)
        .filter(|w| w.find_all(&BODY).next().is_some())
        .filter_map(|w| w.value().attr("data-lia-message-uid"))
        .collect();
    if uids.len() != posts.len() {
        return;
    }
    if let Some(i) = (1..posts.len()).find(|&i| uids[i] == target) {
        posts[i].accepted = true;
    }
}

/// The message id in a Khoros message address: the digits after `/m-p/`.
fn message_id(href: &str) -> Option<String> {
    let (_, rest) = href.split_once(MESSAGE_PATH)?;
    let id: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (!id.is_empty()).then_some(id)
}

fn read_post(page: &Page, base: Option<&str>, block: ElementRef, body: ElementRef) -> Post {
    let (author, profile) = named_link(block, &AUTHOR);
    let mut author_info = Default::default();
    add_profile(&mut author_info, base, profile.as_deref());
    if let Some(rank) = first_text(block, &RANK) {
        author_info.insert("rank".into(), rank);
    }
    let time = TIMES.iter().find_map(|s| block.find_all(s).next());
    // The date and the clock are two spans; the left-to-right mark before the date is not text.
    let time_text = time.map(|t| text_of(t).replace('\u{200e}', "")).filter(|t| !t.is_empty());
    let score = first_text(block, &KUDOS).and_then(|t| t.split_whitespace().find_map(super::score));
    let mut post = post::build(
        page,
        PostParts {
            author,
            author_info,
            time_text,
            body: Some(body),
            quote: Some(&QUOTE),
            score,
            ..PostParts::default()
        },
    );
    // The marker sits on the message view or on its wrapper.
    let marked = |e: ElementRef| e.value().classes().any(|c| c == SOLUTION_CLASS);
    post.accepted = marked(block) || block.parent().and_then(ElementRef::wrap).is_some_and(marked);
    post
}

//! Stage 3: find the thread: its title, section, and posts, each with author, time and clean body.
//!
//! Readers are tried from the most specific to the most general:
//! 1. engine readers (`engines`), each keyed on markup every board of that engine shares;
//! 2. the structural detector (`generic`): the repeated block that carries an author, a time and a body;
//! 3. the article reader (`article`): the page's main text as a single post.

pub mod accepted;
pub mod article;
pub mod du;
pub mod engines;
pub mod generic;
pub mod not_cited;
pub mod page_info;
pub mod post;
pub mod structure;

use crate::hash::FastSet;
use crate::model::{Pagination, Post};
use crate::parse::Page;

/// What the thread stage found on a page.
#[derive(Debug, Clone, Default)]
pub struct Thread {
    /// The reader that found the posts (see `Summary::platform`).
    pub platform: String,
    pub title: String,
    /// Breadcrumb, outermost first, without the thread title.
    pub section: Vec<String>,
    pub posts: Vec<Post>,
    pub pagination: Option<Pagination>,
}

/// A reader for one forum engine.
pub struct Engine {
    /// Value of `Summary::platform` when this reader finds the posts.
    pub name: &'static str,
    /// A cheap check on markup every board of the engine shares (one or two selector lookups through the
    /// [`Probe`](engines::Probe), which skips the ones the page's tokens rule out): only pages it accepts are
    /// read. It must hold on every page `read` finds posts on, so detection never loses a thread.
    pub detect: fn(&engines::Probe) -> bool,
    /// Reads the page, or returns `None` when it is not this engine's markup.
    pub read: fn(&Page) -> Option<Thread>,
}

/// Finds the thread on a cleaned page. Always returns something: at worst the page's text as one post.
/// Title, section and pagination a reader leaves empty come from the page (`page_info`).
pub fn find(page: &Page) -> Thread {
    find_noting(page, None)
}

/// [`find`], noting in `detection` (when given) every engine detector that matched and the detected readers
/// that found no posts: what `threadcard --explain` prints.
pub fn find_noting(page: &Page, detection: Option<&mut engines::Detection>) -> Thread {
    let mut thread = engines::read(page, detection)
        .or_else(|| generic::read(page).filter(|t| !t.posts.is_empty()).map(|t| with_story(page, t)))
        .unwrap_or_else(|| article::read(page));
    accepted::mark(page, &mut thread.posts);
    page_info::fill(page, thread)
}

/// Fewest words of a story above a comment section: shorter main text is a forum's intro or rules box.
const MIN_STORY_WORDS: usize = 250;
/// How many times longer than the average comment the story must be: on a forum page the main text the
/// article reader finds is the posts themselves, or a block about as long as one of them.
const STORY_OVER_AVERAGE_POST: usize = 3;
/// Share of the page's words the comments may hold for a story to be looked for above them.
const MAX_POSTS_SHARE_WITH_STORY: f64 = 0.85;
/// Share of the story's word triples found in the comments above which it is the comments, read again.
const MAX_STORY_OVERLAP: f64 = 0.3;

/// A blog post or news story with reader comments under it: the generic detector finds the comments (each
/// has an author, a time and a body); the story above them, which has none of those in a repeated block,
/// is the thread's first post when it is long and not made of the comments' own words.
fn with_story(page: &Page, mut thread: Thread) -> Thread {
    // Where the posts hold most of the page's words, the page is the thread: no story to look for (and the
    // article reader's second pass over the page is saved on every forum page).
    let page_words = crate::text::word_count(&crate::text::text_of(*page.doc.root_element()));
    let post_words: usize = thread.posts.iter().map(|p| crate::text::word_count(&p.text)).sum();
    if post_words as f64 > MAX_POSTS_SHARE_WITH_STORY * page_words as f64 {
        return thread;
    }
    let Some(story) = article::read(page).posts.into_iter().next() else { return thread };
    let words = crate::text::word_count(&story.text);
    let average = post_words / thread.posts.len().max(1);
    if words < MIN_STORY_WORDS || words < STORY_OVER_AVERAGE_POST * average {
        return thread;
    }
    if is_told_in(&story.text, &thread.posts) {
        return thread;
    }
    thread.posts.insert(0, story);
    thread
}

/// Whether the posts already hold the story: more than [`MAX_STORY_OVERLAP`] of its runs of three words
/// are found in them (the article reader's pick on a forum page is the posts themselves, with their headers
/// between, so whole sentences of it match while longer runs may not).
fn is_told_in(story: &str, posts: &[Post]) -> bool {
    let told: FastSet<u64> = posts.iter().flat_map(|p| triples(&p.text)).collect();
    let mine = triples(story);
    let shared = mine.iter().filter(|t| told.contains(t)).count();
    shared as f64 > MAX_STORY_OVERLAP * mine.len().max(1) as f64
}

/// Hashes of each run of three words, lowercased.
fn triples(text: &str) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    words
        .windows(3)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_with_comments_keeps_the_story_as_post_one() {
        let story = "<p>The harbour council voted on Tuesday to rebuild the old sea wall, after two winters of storms \
            broke through it near the ferry slip and flooded the fish market twice in one month.</p>"
            .repeat(12);
        // WordPress's comment markup, as most blogs and news sites print it.
        let comment = |id: u32, who: &str, words: &str| {
            format!(
                r##"<li id="comment-{id}" class="comment depth-1"><article id="div-comment-{id}" class="comment-body">
                <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{who}</b>
                <span class="says">says:</span></div><div class="comment-metadata"><a href="#comment-{id}">
                <time datetime="2024-03-{id:02}T10:00:00+00:00">March {id}, 2024 at 10:00 am</time></a></div></footer>
                <div class="comment-content"><p>{words}</p></div></article></li>"##
            )
        };
        let html = format!(
            r#"<html><body><div class="layout"><div class="col-wide"><main><article class="post">
            <h1>Sea wall to be rebuilt</h1>{story}</article></main></div></div><div class="layout">
            <div class="col-wide"><div class="col-inner"><section id="comments" class="comments-area">
            <ol class="comment-list">{}{}{}{}</ol></section></div></div></div></body></html>"#,
            comment(11, "Morag", "About time, the market flooded again last week and nobody came."),
            comment(12, "Ewan", "Who pays for it? The council budget is already stretched thin this year."),
            comment(13, "Isla", "My shop is by the slip; we lost a freezer in the second flood of the winter."),
            comment(14, "Fergus", "The old wall was built in 1890 and has never been properly repaired since."),
        );
        let Ok(page) = crate::parse::parse(&html, Some("https://news.example.org/sea-wall")) else { panic!("parse") };
        let page = crate::clean::clean(page);
        // Where the generic detector finds the comments alone (the story in another column of the layout),
        // the story comes back as post 1; where its posts already hold the story, it is not added twice.
        let Some(mut comments) = generic::read(&page) else { panic!("no comments found") };
        comments.posts.retain(|p| !p.text.contains("sea wall, after"));
        let n = comments.posts.len();
        let thread = with_story(&page, comments.clone());
        assert_eq!(thread.posts.len(), n + 1);
        assert!(thread.posts[0].text.contains("rebuild the old sea wall"), "{:?}", thread.posts[0].text);
        assert!(thread.posts.iter().skip(1).any(|p| p.text.contains("lost a freezer")));
        assert_eq!(with_story(&page, thread.clone()).posts.len(), n + 1, "the story is not added twice");
    }
}

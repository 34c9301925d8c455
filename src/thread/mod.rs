//! Stage 3: find the thread: its title, section, and posts, each with author, time and clean body.
//!
//! Readers are tried from the most specific to the most general:
//! 1. engine readers (`engines`), each keyed on markup every board of that engine shares;
//! 2. the structural detector (`generic`): the repeated block that carries an author, a time and a body;
//! 3. the article reader (`article`): the page's main text as a single post.

pub mod article;
pub mod du;
pub mod engines;
pub mod generic;
pub mod page_info;
pub mod post;
pub mod structure;

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
    /// Reads the page, or returns `None` when it is not this engine's markup.
    pub read: fn(&Page) -> Option<Thread>,
}

/// Finds the thread on a cleaned page. Always returns something: at worst the page's text as one post.
/// Title, section and pagination a reader leaves empty come from the page (`page_info`).
pub fn find(page: &Page) -> Thread {
    let thread = engines::ALL
        .iter()
        .find_map(|engine| (engine.read)(page).filter(|t| !t.posts.is_empty()))
        .or_else(|| generic::read(page).filter(|t| !t.posts.is_empty()))
        .unwrap_or_else(|| article::read(page));
    page_info::fill(page, thread)
}

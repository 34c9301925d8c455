//! The last resort: the page's main text as a single post.

use super::Thread;
use crate::model::Post;
use crate::parse::Page;
use crate::text;

pub fn read(page: &Page) -> Thread {
    let body = page.doc.tree.root();
    let title = page.meta.og_title.clone().or_else(|| page.meta.title.clone()).unwrap_or_default();
    let post = Post {
        text: text::text_of(body),
        markdown: text::markdown_of(body, page.url.as_deref()),
        author: page.meta.author.clone(),
        ..Post::default()
    };
    Thread { platform: "article".into(), title, posts: vec![post], ..Thread::default() }
}

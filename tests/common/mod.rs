//! What the engine fixture tests share: reading a fixture and looking at its posts.
#![allow(dead_code)] // each test file uses its own subset

use threadcard::{summarize, Options, Post, Summary};

/// The summary of `tests/fixtures/engines/<fixture>`, read as if from `url`.
pub fn read(fixture: &str, url: &str) -> Summary {
    let path = format!("{}/tests/fixtures/engines/{fixture}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    summarize(&html, Some(url), &Options::default()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Each post's author ("" where none was found).
pub fn authors(s: &Summary) -> Vec<&str> {
    s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect()
}

/// Each post's reply depth.
pub fn depths(s: &Summary) -> Vec<u32> {
    s.posts.iter().map(|p| p.depth).collect()
}

/// One of the author's details.
pub fn info<'a>(p: &'a Post, key: &str) -> Option<&'a str> {
    p.author_info.get(key).map(String::as_str)
}

/// No post keeps its signature.
pub fn no_signature(s: &Summary, sig: &str) {
    for p in &s.posts {
        assert!(!p.text.contains(sig), "signature left in {:?}", p.text);
    }
}

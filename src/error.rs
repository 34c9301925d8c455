//! Errors a caller can act on. Every message names what was wrong with the input, in one line.

use std::fmt;

/// Why a page could not be summarized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input is empty or only white space.
    Empty,
    /// The input holds NUL or other control bytes: an image, archive or other binary file.
    Binary,
    /// The input is text but has no HTML markup in it.
    NotHtml,
    /// The browser's tree, as the extension's page script wrote it (`parse::dom`), is malformed: why.
    BadTree(&'static str),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => write!(f, "the page is empty"),
            Error::Binary => write!(f, "this is a binary file, not an HTML page"),
            Error::NotHtml => write!(f, "this is plain text, not an HTML page (no HTML tags found)"),
            Error::BadTree(why) => write!(f, "the page's tree did not arrive intact: {why}"),
        }
    }
}

impl std::error::Error for Error {}

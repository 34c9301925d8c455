//! Stage 4: the key facts of a thread. Every fact is a span of a post's text, with that post's index.

use crate::model::Facts;
use crate::thread::Thread;

/// Extracts the card's facts from the thread's posts.
pub fn extract(_thread: &Thread, _options: &crate::Options) -> Facts {
    Facts::default()
}

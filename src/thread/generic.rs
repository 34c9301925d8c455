//! The structural detector: for boards no engine reader knows, the repeated block that carries an author,
//! a time and a body.

use super::Thread;
use crate::parse::Page;

pub fn read(_page: &Page) -> Option<Thread> {
    None
}

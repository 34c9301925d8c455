//! Engine readers: one module per forum engine, each keyed on markup every board of that engine shares.

use super::Engine;

/// Engine readers, most specific first.
pub const ALL: &[Engine] = &[crate::thread::du::ENGINE];

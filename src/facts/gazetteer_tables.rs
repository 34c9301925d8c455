//! The gazetteer's compiled tables (`$OUT_DIR/gazetteer.rs`, written by src/facts/gazetteer_build.rs) and
//! the compact form they take.
//!
//! Every text of every table (keys, word lists, canonical names) lies in one string, [`TEXT`], and a
//! table holds 16-bit offsets into it instead of a `&str` per entry. A `&str` is a pointer and a length, 8
//! bytes in wasm32, and pointers into scattered literals are nearly random bytes that gzip cannot shrink:
//! as `&str` pairs the tables were about 16 KB of the WASM module's data. A name that is its key with
//! capitals ([`Name`]) points at the key. A table's keys lie in the text one after the other in sorted
//! order, so key `i` runs from offset `i` to offset `i + 1` and a lookup is still one binary search,
//! comparing bytes (the order of `str` is the order of its bytes).

use super::Known;
use crate::model::EntityKind;

include!(concat!(env!("OUT_DIR"), "/gazetteer.rs"));

/// A text of [`TEXT`], shown as it is: where it starts (little-endian bytes, so that a [`Known`] takes 5 bytes
/// with no padding) and its length in bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Text {
    at: [u8; 2],
    len: u8,
}

impl Text {
    pub fn as_str(self) -> &'static str {
        let at = usize::from(u16::from_le_bytes(self.at));
        &TEXT[at..at + usize::from(self.len)]
    }
}

/// A canonical name: a [`Text`], or (`title_case`) a key whose words the name capitalises ("united states"
/// for "United States"), so that most names take no text of their own. Shown with `Display`
/// (`known.name.to_string()`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Name {
    text: Text,
    title_case: bool,
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.title_case {
            true => super::keys::title_case(self.text.as_str(), f),
            false => f.write_str(self.text.as_str()),
        }
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.to_string().fmt(f)
    }
}

/// A sorted list of distinct keys lying one after the other in [`TEXT`]: key `i` is the text from `self.0[i]`
/// to `self.0[i + 1]` (so a list of `n` keys has `n + 1` offsets).
pub struct Keys(&'static [u16]);

impl Keys {
    pub fn len(&self) -> usize {
        self.0.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn key(&self, i: usize) -> &'static [u8] {
        &TEXT.as_bytes()[usize::from(self.0[i])..usize::from(self.0[i + 1])]
    }

    /// The index of `key` in the list, by binary search. Most probes differ in their first byte, which is
    /// compared inline before the full comparison (the order is the same: bytes, left to right).
    fn position(&self, key: &str) -> Option<usize> {
        let key = key.as_bytes();
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let probe = self.key(mid);
            match probe.first().cmp(&key.first()).then_with(|| probe.cmp(key)) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// Whether the list holds `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.position(key).is_some()
    }
}

/// A map sorted by key: `values[i]` belongs to key `i` of `keys`.
pub struct Table<T: 'static> {
    keys: Keys,
    values: &'static [T],
}

impl<T> Table<T> {
    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&'static T> {
        self.keys.position(key).and_then(|i| self.values.get(i))
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

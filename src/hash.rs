//! A small, fast hash for every map and set of the crate (the FxHash multiply-rotate of the Rust
//! compiler), and the word hashes of the fact stage. One map type for all keeps one copy of hashbrown's
//! generic code per key and value type in the WASM module, not one per hasher too. The standard SipHash
//! resists hash flooding, which lookups within one page do not need, and cost a third of the fact stage's
//! time on a long thread.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// The hash of a word, lowercased: how the summary compares words without keeping copies of them.
pub fn word_hash(word: &str) -> u64 {
    let mut h = FxHasher::default();
    // ASCII letters lowercase to one ASCII letter: the same values as `char::to_lowercase`, without its
    // table lookup (this hash runs over every sentence of a long thread).
    for c in word.chars() {
        if c.is_ascii() {
            h.add(u64::from(c.to_ascii_lowercase()));
        } else {
            for l in c.to_lowercase() {
                h.add(u64::from(l));
            }
        }
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_and_word_hashes() {
        let mut s: FastSet<&str> = FastSet::default();
        s.insert("troops");
        assert!(s.contains("troops") && !s.contains("troop"));
        assert_eq!(word_hash("Troops"), word_hash("troops"));
        assert_ne!(word_hash("troops"), word_hash("troop"));
    }
}

//! Sorting with one copy of the standard library's sort for the whole crate.
//!
//! Every `slice::sort_by` call with its own element type and closure compiles its own copy of the
//! standard library's driftsort (stable) or ipnsort (unstable): several KB of WASM each, about 120 KB for
//! the crate's couple of dozen sorts. Here the sort runs once, over the positions `0..n` with the
//! comparison behind a `dyn`, and the items are then moved into that order, so each call site adds only a
//! few hundred bytes. The sorts are stable, as `slice::sort_by` is: items that compare equal keep their
//! order, so output stays the same run to run and on every platform.
//!
//! The lists sorted here are short (posts, facts, candidates): the indirection costs nothing measurable.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, stably (as `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return; // the usual case for some callers (an element's classes): no allocation
    }
    let order = sorted_order(items.len(), &mut |a, b| cmp(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by the key `key` gives each, stably (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their own order, stably (as `slice::sort`; where items that compare equal are the
/// same, as numbers and strings, also what `slice::sort_unstable` gives).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..n` in the order `cmp` (comparing the items at two positions) puts them: the one
/// place in the crate that instantiates the standard library's sort.
fn sorted_order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Moves the items so that position `i` holds the one that was at `order[i]`, following each cycle of the
/// permutation with swaps (no copies, no `Clone`).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != start && order[at] != at {
            let next = order[at];
            items.swap(at, next);
            order[at] = at;
            at = next;
        }
        order[at] = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_library_does_and_keeps_ties_in_order() {
        let mut seed = 7u32;
        for len in [0usize, 1, 2, 3, 5, 8, 17, 64, 257] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) as u8 % 5, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = items.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "length {len}");
            let mut reversed = items.clone();
            sort_by(&mut reversed, |a, b| b.cmp(a));
            let mut std = items;
            std.sort_by(|a, b| b.cmp(a));
            assert_eq!(reversed, std, "length {len}");
        }
    }

    #[test]
    fn sorts_owned_strings() {
        let mut words: Vec<String> = ["pear", "apple", "fig", "apple"].iter().map(|s| s.to_string()).collect();
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
    }
}

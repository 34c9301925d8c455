//! The entity a short form stands for: "Tokayev" → "Kassym-Jomart Tokayev", "CSTO" → "Collective Security
//! Treaty Organisation". `merge` asks once per one-word mention; the entities' forms are indexed as they
//! are added, so a question costs the entities that could answer it, not every entity of the thread (a
//! post of thousands of distinct names made the scan of every entity's forms quadratic).

use super::super::hash::FastMap;
use super::super::mentions::is_acronym;
use super::Acc;
use crate::model::EntityKind;

/// Ends a chain of [`ShortForms::links`].
const END: usize = usize::MAX;

/// The entities' multi-word forms by their first and last words (a one-word form of a person's name:
/// "Tokayev") and by the initials of their capitalized words (an acronym: "CSTO"). Each key heads a
/// chain in `links`, newest entry first: one map per key type the crate already has, no map of vectors.
#[derive(Default)]
pub(super) struct ShortForms<'m> {
    words: FastMap<&'m str, usize>,
    initials: FastMap<String, usize>,
    /// `(entity, next link)`; a key's chain ends at [`END`].
    links: Vec<(usize, usize)>,
}

impl<'m> ShortForms<'m> {
    /// Records that entity `acc` has the form `form` (forms of one word stand for nothing shorter).
    pub(super) fn add(&mut self, form: &'m str, acc: usize) {
        let mut words = form.split_whitespace();
        let (Some(first), Some(last)) = (words.next(), words.last()) else { return };
        let initials: String =
            form.split_whitespace().filter_map(|w| w.chars().next().filter(|c| c.is_uppercase())).collect();
        for word in [first, last] {
            let next = self.words.insert(word, self.links.len()).unwrap_or(END);
            self.links.push((acc, next));
        }
        let next = self.initials.insert(initials, self.links.len()).unwrap_or(END);
        self.links.push((acc, next));
    }

    /// The entity the one-word `form` is short for: an acronym of the initials of one of its forms, or a
    /// person's name that one of its forms starts or ends with. Ambiguous short forms go to the entity
    /// with the most forms, the latest of those on a tie.
    pub(super) fn find(&self, accs: &[Acc], form: &str) -> Option<usize> {
        if form.contains(' ') {
            return None;
        }
        let acronym = is_acronym(form);
        let head = if acronym {
            let letters: String = form.chars().filter(|c| c.is_alphabetic()).collect();
            self.initials.get(letters.as_str())
        } else {
            self.words.get(form)
        };
        let chain = std::iter::successors(head.and_then(|&h| self.links.get(h)), |&&(_, next)| self.links.get(next));
        chain
            .map(|&(acc, _)| acc)
            .filter(|&i| acronym || accs[i].kind == EntityKind::Person)
            .max_by_key(|&i| (accs[i].forms.len(), i))
    }
}

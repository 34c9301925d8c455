//! One capitalized run of a post, indexed once so that `mentions::cut_run` asks each question of a
//! span in constant time.

use crate::facts::gazetteer::GAZETTEER;
use crate::facts::PostText;

/// One capitalized run, indexed once for [`cut_run`]: the pieces it cuts the run into ask the same
/// questions of their parts (a gazetteer name of the whole span? a title, a lowercase word, an "and"
/// inside?), and asking by scanning or by building each span's key made a long run quadratic (the fuzzer's
/// seed-2 slowest page). Counts are prefix sums over the run's tokens, so each question costs O(1).
pub(super) struct Run {
    base: usize,
    /// Title words, lowercase words and whitespace gaps before each token of the run, counted from its start.
    titles: Vec<u32>,
    lowers: Vec<u32>,
    gaps: Vec<u32>,
    /// The first "and" at or after each token of the run (`usize::MAX`: none).
    next_and: Vec<usize>,
}

impl Run {
    pub(super) fn new(post: &PostText, i: usize, j: usize) -> Run {
        let g = &*GAZETTEER;
        let toks = &post.tokens;
        let prefix = |f: &dyn Fn(usize) -> bool| {
            let mut sums = Vec::with_capacity(j - i + 1);
            let mut n = 0u32;
            sums.push(0);
            for t in i..j {
                n += u32::from(f(t));
                sums.push(n);
            }
            sums
        };
        let titles = prefix(&|t| g.is_title(toks[t].text));
        let lowers = prefix(&|t| toks[t].is_lower_word());
        // A gap with whitespace before token `t` (not the first): where the span's words split.
        let gaps = prefix(&|t| {
            t > i && post.text.get(toks[t - 1].end()..toks[t].start()).is_some_and(|g| g.contains(char::is_whitespace))
        });
        let mut next_and = vec![usize::MAX; j - i + 1];
        for t in (i..j).rev() {
            next_and[t - i] = if toks[t].text == "and" { t } else { next_and[t + 1 - i] };
        }
        Run { base: i, titles, lowers, gaps, next_and }
    }

    fn count(sums: &[u32], base: usize, a: usize, b: usize) -> u32 {
        sums.get(b.saturating_sub(base)).zip(sums.get(a.saturating_sub(base))).map_or(0, |(y, x)| y.saturating_sub(*x))
    }

    pub(super) fn any_title(&self, a: usize, b: usize) -> bool {
        Self::count(&self.titles, self.base, a, b) > 0
    }

    pub(super) fn any_lower(&self, a: usize, b: usize) -> bool {
        Self::count(&self.lowers, self.base, a, b) > 0
    }

    /// The first "and" in `a..b`.
    pub(super) fn and_in(&self, a: usize, b: usize) -> Option<usize> {
        self.next_and.get(a.checked_sub(self.base)?).copied().filter(|&t| t < b)
    }

    /// The gazetteer's entry for the span `toks[a..b]`; `None` without building its key when the span has more
    /// words than the longest name the gazetteer holds (the gaps counted are at most its words).
    pub(super) fn lookup(
        &self,
        post: &PostText,
        a: usize,
        b: usize,
    ) -> Option<&'static crate::facts::gazetteer::Known> {
        let g = &*GAZETTEER;
        let words = 1 + Self::count(&self.gaps, self.base, (a + 1).min(b), b) as usize;
        if b <= a || words > g.longest {
            return None;
        }
        g.lookup(&post.text[post.tokens[a].start()..post.tokens[b - 1].end()])
    }
}

//! Who carries the thread: the most active posters and the top-scored reply, for `Summary::stats`.

use crate::model::{Post, Poster};

/// Posters listed on the card: enough to see who drives the thread.
const MOST_ACTIVE: usize = 3;

/// The most active posters, most posts first (ties: who posted first), and only those with two or more
/// posts when the thread has several participants: a list of everyone once says nothing.
pub fn most_active(posts: &[Post]) -> Vec<Poster> {
    let mut counts: Vec<Poster> = Vec::new();
    for author in posts.iter().filter_map(|p| p.author.as_deref()) {
        match counts.iter_mut().find(|c| c.author == author) {
            Some(c) => c.posts += 1,
            None => counts.push(Poster { author: author.to_string(), posts: 1 }),
        }
    }
    // Stable: equal counts keep the order of first appearance.
    crate::sort::sort_by_key(&mut counts, |c| std::cmp::Reverse(c.posts));
    let several = counts.len() > 1;
    counts.into_iter().filter(|c| !several || c.posts > 1).take(MOST_ACTIVE).collect()
}

/// Index of the reply (not the opening post) with the highest positive score, where the board shows
/// scores.
pub fn top_reply(posts: &[Post]) -> Option<usize> {
    posts
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(i, p)| p.score.filter(|&s| s > 0).map(|s| (s, std::cmp::Reverse(i))))
        .max()
        .map(|(_, std::cmp::Reverse(i))| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(author: &str, score: Option<i64>) -> Post {
        Post { author: Some(author.into()), score, ..Post::default() }
    }

    #[test]
    fn posters_and_top_reply() {
        let posts =
            vec![post("a", Some(50)), post("b", Some(3)), post("a", None), post("c", Some(7)), post("c", Some(7))];
        let active: Vec<(String, usize)> = most_active(&posts).into_iter().map(|p| (p.author, p.posts)).collect();
        assert_eq!(active, [("a".to_string(), 2), ("c".to_string(), 2)]);
        assert_eq!(top_reply(&posts), Some(3));
        assert_eq!(top_reply(&posts[..1]), None);
        assert!(most_active(&[]).is_empty());
    }
}

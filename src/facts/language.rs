//! Is the thread in English? The entity finder trusts capitals only in English text (German capitalizes
//! every noun). Decided from the share of frequent English words, so it needs no page metadata.

use super::gazetteer::GAZETTEER;
use super::PostText;

/// Words looked at: enough to decide, few enough to stay cheap on a long thread.
const SAMPLE_WORDS: usize = 3000;
/// Below this many words there is too little to tell; English is assumed.
const MIN_WORDS: usize = 12;
/// Share of frequent English words in English prose is about 0.3-0.4; other languages stay under 0.1.
const MIN_STOPWORD_SHARE: f64 = 0.12;

pub fn is_english(posts: &[PostText]) -> bool {
    let words = posts.iter().flat_map(|p| p.tokens.iter()).filter(|t| t.is_word()).take(SAMPLE_WORDS);
    let (mut total, mut hits) = (0usize, 0usize);
    for w in words {
        total += 1;
        if GAZETTEER.is_stopword(w.text) {
            hits += 1;
        }
    }
    total < MIN_WORDS || hits as f64 / total as f64 >= MIN_STOPWORD_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_english_from_german() {
        let en =
            PostText::new(0, "The troops will leave the country in two days, the president said on Tuesday.", None);
        let de = PostText::new(
            0,
            "Die Truppen werden das Land in zwei Tagen verlassen, sagte der Präsident am Dienstag.",
            None,
        );
        assert!(is_english(&[en]));
        assert!(!is_english(&[de]));
        assert!(is_english(&[]));
    }
}

//! Board notices: a moderator's or the board's own short post saying what was done to the thread
//! ("Moved to the Appliances board.", "Threads merged.", "Thema verschoben", "Sujet déplacé", "Locked
//! as requested"). They tell the reader nothing about the question, so they are never a digest line:
//! not an answer, not a reply, and not the reply an asker's bare "thank you" after them is for.

/// A notice is short: at most this many words.
const MAX_WORDS: usize = 25;
/// Openings of a notice, in the languages the boards use (lowercase, matched at the post's start,
/// followed by the end of a word): what a moderator did to the thread.
const OPENINGS: &[&str] = &[
    "moved",
    "thread moved",
    "topic moved",
    "post moved",
    "merged",
    "threads merged",
    "topics merged",
    "thread merged",
    "locked",
    "thread locked",
    "topic locked",
    "closed",
    "thread closed",
    "topic closed",
    "this thread is closed",
    "this thread has been closed",
    "this thread has been locked",
    "this thread has been moved",
    "this topic has been moved",
    "this topic was automatically closed",
    "split from",
    "verschoben",
    "thema verschoben",
    "thread verschoben",
    "zusammengeführt",
    "geschlossen",
    "thema geschlossen",
    "déplacé",
    "sujet déplacé",
    "fusionné",
    "sujets fusionnés",
    "verrouillé",
    "sujet verrouillé",
    "fermé",
    "sujet fermé",
    "movido",
    "tema movido",
    "cerrado",
    "tema cerrado",
    "fechado",
    "tópico fechado",
    "spostato",
    "chiuso",
    "discussione chiusa",
];

/// The post's text is a board notice (see the module doc): short, and opening with a notice as a whole
/// word ("Closed-back headphones ..." is no notice). The caller leaves out the asker's own posts: "Moved
/// the router, works now" is what the asker did.
pub(super) fn is_notice(text: &str) -> bool {
    // Words counted as written (lowercasing moves no white space), up to the limit: most posts are longer.
    if text.split_whitespace().nth(MAX_WORDS).is_some() {
        return false;
    }
    let t = text.trim_start().to_lowercase();
    let word_end = |rest: &str| !rest.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '-');
    OPENINGS.iter().any(|o| t.strip_prefix(o).is_some_and(word_end))
}

#[cfg(test)]
mod tests {
    use super::is_notice;

    #[test]
    fn notices_in_the_boards_languages_and_not_replies_that_open_alike() {
        for t in [
            "Moved from General Chat to the Appliances board.",
            "Threads merged.",
            "Locked as requested by the OP.",
            "Thema verschoben.",
            "Sujet déplacé dans la bonne section.",
            "This topic was automatically closed 30 days after the last reply.",
        ] {
            assert!(is_notice(t), "{t}");
        }
        for t in [
            "Closed-back headphones leak less sound than open ones.",
            "Movidos los muebles, el router va mejor.",
            "Moved my router to the hallway and the signal is fine now, in every room of the house, even the \
             cellar, the attic and the garden shed where it never worked before, thanks to all of you.",
            "I moved the router to the hallway.",
        ] {
            assert!(!is_notice(t), "{t}");
        }
    }
}

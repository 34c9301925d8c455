//! A post's signature: the lines under its sign-off, or a last line that opens with the poster's own
//! name ("Camille (maman de Nell, 6 ans) - Lille (Nord)" under a post by camille59). Boards that keep
//! signatures in their own block have them removed by the reader already; these are typed into the post,
//! so they are told by their place (the post's last lines) and their form, never by their words.

/// A signature is among a post's last this-many lines.
const SIGNATURE_LINES: usize = 3;
/// A sign-off line is its phrase and at most this many words more ("Cheers, Tom", "LG Maleica").
const SIGN_OFF_EXTRA_WORDS: usize = 1;
/// A poster's name opens a signature when it has at least this many letters (without trailing digits:
/// "camille59" signs "Camille").
const MIN_NAME_CHARS: usize = 3;
/// Sign-offs, in the languages the boards use (lowercase, matched at the line's start, as whole words).
/// Openers ("Hi Tom,") are not among them: they start a reply, nothing under them is a signature.
const SIGN_OFFS: &[&str] = &[
    "cheers",
    "regards",
    "thanks",
    "thx",
    "bye",
    "cya",
    "lg",
    "mfg",
    "vg",
    "gruß",
    "grüße",
    "danke",
    "merci",
    "saludos",
    "ciao",
    "à très vite",
    "a très vite",
    "à bientôt",
    "a bientot",
    "à plus",
    "bises",
    "bisous",
    "cordialement",
    "amicalement",
    "bien à vous",
    "best regards",
    "kind regards",
    "best wishes",
    "take care",
    "viele grüße",
    "liebe grüße",
    "beste grüße",
    "un saludo",
    "abraços",
    "un abbraccio",
];

/// Byte offset in `text` where the post's signature starts; `text.len()` when it has none.
pub(super) fn start(text: &str, author: Option<&str>) -> usize {
    let lines: Vec<(usize, &str)> = line_spans(text);
    if lines.len() < 2 {
        return text.len();
    }
    let first_tail = lines.len().saturating_sub(SIGNATURE_LINES).max(1);
    // The lines after a sign-off (the sign-off itself is never summary material).
    if let Some(&(at, _)) = lines[first_tail..lines.len() - 1].iter().find(|(_, l)| is_sign_off(l)) {
        let next = lines.iter().find(|(s, _)| *s > at).map_or(text.len(), |(s, _)| *s);
        return next;
    }
    let &(at, last) = &lines[lines.len() - 1];
    if author.is_some_and(|a| opens_with_name(last, a)) {
        return at;
    }
    text.len()
}

/// Non-empty lines with their byte offsets.
fn line_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        let lead = line.len() - line.trim_start().len();
        if !line.trim().is_empty() {
            out.push((at + lead, line.trim()));
        }
        at += line.len() + 1;
    }
    out
}

fn is_sign_off(line: &str) -> bool {
    let lower = line.to_lowercase();
    SIGN_OFFS.iter().any(|s| {
        lower.strip_prefix(s).is_some_and(|rest| {
            !rest.starts_with(char::is_alphanumeric) && rest.split_whitespace().count() <= SIGN_OFF_EXTRA_WORDS
        })
    })
}

/// The line's first word is the poster's name: the user name's letters before any digits or marks.
fn opens_with_name(line: &str, author: &str) -> bool {
    let name: String = author.chars().take_while(|c| c.is_alphabetic()).collect();
    let first: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
    name.chars().count() >= MIN_NAME_CHARS && first.to_lowercase() == name.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::start;

    #[test]
    fn lines_under_a_sign_off_and_a_name_line_are_the_signature() {
        let post = "Bienvenue, nous avons eu le diagnostic il y a un mois.\nà très vite\nCamille (maman de Nell, 6 ans) - Lille (Nord)";
        assert_eq!(&post[start(post, Some("someone"))..], "Camille (maman de Nell, 6 ans) - Lille (Nord)");
        let named = "Le diagnostic est tombé hier, mutation du gène.\nCamille (maman de Nell, 6 ans) - Lille (Nord)";
        assert_eq!(&named[start(named, Some("camille59"))..], "Camille (maman de Nell, 6 ans) - Lille (Nord)");
        let cheers = "Swap the fuse and it starts.\nCheers\nTom, Leeds";
        assert_eq!(&cheers[start(cheers, None)..], "Tom, Leeds");
    }

    #[test]
    fn a_post_without_one_keeps_every_line() {
        for (post, author) in [
            ("Camille is right about the fuse.\nSwap it and it starts.", Some("camille59")),
            ("One line only, by Camille.", Some("camille")),
            ("First line.\nSecond line mentions Tom.", Some("tom")),
            ("Swap the fuse.\nHi Tom,\nthe relay is the other one.\nIt clicks.", None),
            ("Swap the fuse.\nThanks, that fixed it\nNow the radio is dead.", None),
        ] {
            assert_eq!(start(post, author), post.len(), "{post}");
        }
    }
}

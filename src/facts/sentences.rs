//! Sentences of a post's text, as byte spans, and which of them could stand in a summary.
//!
//! A line break always ends a sentence (boards break lines between thoughts, list items and code).
//! Within a line, `.`, `!`, `?`, `…` (and the CJK `。！？`) end a sentence when space and a new start
//! follow, except where the period belongs to the word before it:
//!
//! ```text
//! "Hat jemand z.B. evtl. Flohkot gesehen?"   z.B., evtl.: abbreviations (per language, below)
//! "It costs 3.5 USD. Then"                   3.5: a decimal, no space after the period
//! "am 11. Januar", "1. Install it"           an ordinal before a month, a list number
//! "see https://a.org/x?y=1. Then"            the URL is one word; its last period ends the sentence
//! "run `a. B` first"                         nothing inside a code span ends a sentence
//! "It worked 🎉 Now"                          an emoji followed by a capital ends one
//! ```
//!
//! Which sentences a summary may use is decided in `material` (re-exported here): greetings, thanks,
//! sign-offs, filler, bare questions to the reader, quote headers and lines of code never are. One pass
//! over the text, no regular expressions.

pub use super::material::{is_code, is_summary_material, not_material, NotMaterial};
use super::tokens::{with_lower, Sentence};

/// Abbreviations whose period does not end a sentence, by language (lowercase, without the final
/// period; inner periods are kept: "z.b" for "z.B."). Words with an inner period and single letters
/// ("J. Smith", "z. B.") are abbreviations whatever the list says.
const ABBREVIATIONS_EN: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "sgt", "capt", "rep", "sen", "gov", "vs",
    "etc", "e.g", "i.e", "u.s", "u.k", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "inc", "co", "corp", "ltd", "approx", "est", "fig", "vol", "mt", "ft", "ave", "al", "cf", "esp", "aka",
    "min", "max", "dept", "univ", "appt", "incl", "misc", "ref", "resp",
];
const ABBREVIATIONS_DE: &[&str] = &[
    "bzw", "evtl", "usw", "ca", "ggf", "inkl", "exkl", "zzgl", "vgl", "sog", "bspw", "ggü", "allg", "abs", "geb",
    "tel", "mio", "mrd", "jh", "jhd", "hr", "fr", "str", "nr", "ggfs", "eigtl", "mind", "max", "bzgl", "zb", "usf",
    "vllt", "uvm", "lt", "zzt", "dt", "engl", "std", "sek", "gem", "gegr", "insb", "jew", "kath", "ev", "urspr",
];
const ABBREVIATIONS_FR: &[&str] = &["mme", "mlle", "mm", "env", "av", "bd", "cf", "ex", "chap", "réf", "tél", "vol"];
const ABBREVIATIONS_ES_PT_IT: &[&str] =
    &["sra", "srta", "ud", "uds", "dña", "aprox", "pág", "dra", "av", "sig", "dott", "ecc", "pag", "tel", "núm"];
/// Abbreviations that stand before a number ("Nr. 5", "No. 12", "p. 4"): only there is the period
/// not an end ("I said no. Then" ends a sentence).
const NUMBER_ABBREVIATIONS: &[&str] = &["no", "nr", "nº", "n°", "p", "pp", "art", "abs", "s", "bd", "ch", "vol"];
/// Month names (and short forms) an ordinal number with a period stands before: "am 11. Januar".
/// Words before a number that make "N." an ordinal ("die 1. Seite", "am 3. Tag", "zum 2. Mal").
const ORDINAL_LEADS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "am", "im", "vom", "zum", "zur", "beim", "ins", "ab", "bis", "seit",
    "ein", "eine", "einen", "einem", "jeder", "jede", "jedes", "mein", "meine", "sein", "seine", "ihr", "ihre", "nach",
    "vor", "für", "um", "bei", "auf",
];
const MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "jan",
    "feb",
    "mär",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dez",
];

/// Splits `text` into sentences. Never panics; every span is on character boundaries.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut offset = 0;
    let lowercase_writer = writes_without_capitals(text);
    for (paragraph, line) in text.split('\n').enumerate() {
        split_line(line, offset, paragraph, lowercase_writer, &mut out);
        offset += line.len() + 1;
    }
    out
}

/// The text is written without capitals ("hey there, started using obsidian. i want to"): it opens in
/// lowercase and no period in it is followed by a capital. There a period before a lowercase word ends a
/// sentence too (abbreviations still do not); elsewhere a lowercase word after a period continues one.
fn writes_without_capitals(text: &str) -> bool {
    let opens_lower = text.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase);
    opens_lower && !text.match_indices(". ").any(|(at, _)| text[at + 2..].starts_with(char::is_uppercase))
}

fn split_line(line: &str, base: usize, paragraph: usize, lowercase_writer: bool, out: &mut Vec<Sentence>) {
    let mut start = 0;
    let mut in_code = false;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '`' {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        // A URL is one word: skip to the space after it (its last period may still end a sentence).
        if (c == 'h' || c == 'w') && starts_url(&line[i..]) {
            let end = line[i..].find(char::is_whitespace).map_or(line.len(), |e| i + e);
            let url = &line[i..end];
            let keep = url.trim_end_matches(['.', '!', '?', ')', ',']).len();
            while chars.peek().is_some_and(|&(j, _)| j < i + keep.max(1)) {
                chars.next();
            }
            continue;
        }
        let terminal = matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？') || is_emoji(c);
        if !terminal {
            continue;
        }
        let mut end = i + c.len_utf8();
        // Closing quotes, brackets and repeated marks ("?!", "...", "🎉🎉") belong to the sentence.
        while let Some(&(j, d)) = chars.peek() {
            let closer = matches!(d, '"' | '”' | '’' | '\'' | ')' | ']' | '.' | '!' | '?' | '…' | '»');
            // Emoji come with variation selectors and joiners ("❤️", "👍🏽").
            if closer || is_emoji(d) || matches!(d, '\u{FE0F}' | '\u{200D}') {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if matches!(c, '。' | '！' | '？') {
            push_trimmed(line, base, start, end, paragraph, out);
            start = end;
            continue;
        }
        let rest = &line[end..];
        let next = rest.trim_start();
        if rest.len() == next.len() || next.is_empty() {
            continue;
        }
        let ellipsis = c == '…' || line[i..end].starts_with("..");
        if c == '.' && !ellipsis && period_belongs_to_word(&line[start..i], next) {
            continue;
        }
        let first = next.chars().next().unwrap_or(' ');
        // After a period a capital (or digit, quote, bracket, emoji) starts the next sentence; "!" and "?"
        // end one before lowercase too ("thanks! i tried that"), as they are never abbreviations.
        let starts_new = first.is_uppercase()
            || first.is_ascii_digit()
            || "\"“‘'(«¿¡".contains(first)
            || is_emoji(first)
            || ((matches!(c, '!' | '?') || (lowercase_writer && !ellipsis)) && first.is_lowercase());
        if starts_new {
            push_trimmed(line, base, start, end, paragraph, out);
            start = end;
        }
    }
    push_trimmed(line, base, start, line.len(), paragraph, out);
}

fn starts_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

/// Pictographs (emoji and symbols) that people end sentences with instead of a period.
pub fn is_emoji(c: char) -> bool {
    // Below the lowest range first: every letter of most texts is.
    c >= '\u{2600}' && matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x1F000..=0x1F2FF)
}

/// The period after `before` (the text of the sentence so far) is part of its last word: an
/// abbreviation, an initial, an ordinal before a month, a list number, or "Nr." before a number.
fn period_belongs_to_word(before: &str, next: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '/').next().unwrap_or("");
    if word.is_empty() {
        return false;
    }
    let letters = word.chars().count();
    if letters == 1 && word.chars().all(char::is_alphabetic) {
        return true;
    }
    // "z.B", "e.g", "i.e", "U.S", "p.m", "d.h": short pieces joined by periods.
    if word.contains('.') && !word.ends_with('.') && word.split('.').all(|p| p.chars().count() <= 3) {
        return true;
    }
    let next_word: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
    if word.chars().all(|c| c.is_ascii_digit()) {
        // "1. Install" at the start of a line; "am 11. Januar".
        let list_number = before.trim() == word && letters <= 2;
        let lead = before[..before.len() - word.len()].split_whitespace().next_back().unwrap_or("");
        let ordinal = letters <= 2
            && (with_lower(&next_word, |n| MONTHS.contains(&n)) || with_lower(lead, |l| ORDINAL_LEADS.contains(&l)));
        return list_number || ordinal;
    }
    with_lower(word, |w| {
        let listed = [ABBREVIATIONS_EN, ABBREVIATIONS_DE, ABBREVIATIONS_FR, ABBREVIATIONS_ES_PT_IT]
            .iter()
            .any(|list| list.contains(&w));
        listed || (NUMBER_ABBREVIATIONS.contains(&w) && next.starts_with(|c: char| c.is_ascii_digit()))
    })
}

fn push_trimmed(line: &str, base: usize, start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let Some(s) = line.get(start..end) else { return };
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if s.trim().is_empty() {
        return;
    }
    out.push(Sentence { start: base + start + lead, end: base + end - trail, paragraph });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn german_abbreviations_do_not_end_sentences() {
        // The issue's failure: "ob es evtl ." / "Flohkot ist…".
        let text =
            "Ich frage mich, ob es evtl. Flohkot ist. Der Tierarzt sagt z.B. nichts dazu, bzw. er weiß es nicht.";
        assert_eq!(
            parts(text),
            ["Ich frage mich, ob es evtl. Flohkot ist.", "Der Tierarzt sagt z.B. nichts dazu, bzw. er weiß es nicht."]
        );
        let text = "Das kostet ca. 20 Euro usw. Und dann Nr. 5 kaufen. Siehe z. B. Seite 3.";
        assert_eq!(parts(text), ["Das kostet ca. 20 Euro usw. Und dann Nr. 5 kaufen.", "Siehe z. B. Seite 3."]);
    }

    #[test]
    fn lines_written_without_capitals_split_at_periods() {
        let text = "hey there, started using obsidian a month ago. i want to use it more, e.g. for notes. thanks!";
        assert_eq!(
            parts(text),
            ["hey there, started using obsidian a month ago.", "i want to use it more, e.g. for notes.", "thanks!"]
        );
        // Text with capitals keeps its lowercase words after an unknown abbreviation, and a line that only
        // continues a sentence broken on the line above stays whole.
        assert_eq!(parts("Ask the dev. team first. Then it works."), ["Ask the dev. team first.", "Then it works."]);
        let text = "The job stops with\n\"undefined reference\". x86 is fine.";
        assert_eq!(parts(text), ["The job stops with", "\"undefined reference\". x86 is fine."]);
    }

    #[test]
    fn english_abbreviations_initials_and_titles() {
        let text =
            "Dr. Smith met Mr. J. Jones at St. Mary's, i.e. the hospital. It was 5 p.m. Then vs. Tom, etc. Done.";
        assert_eq!(
            parts(text),
            ["Dr. Smith met Mr. J. Jones at St. Mary's, i.e. the hospital.", "It was 5 p.m. Then vs. Tom, etc. Done."]
        );
        // "no." before a word ends a sentence; before a number it is an abbreviation.
        assert_eq!(parts("I said no. Then I left."), ["I said no.", "Then I left."]);
        assert_eq!(parts("See No. 5 on the list."), ["See No. 5 on the list."]);
    }

    #[test]
    fn french_spanish_portuguese_italian_abbreviations() {
        assert_eq!(
            parts("Mme. Dupont habite av. Foch, cf. la carte. Elle vient."),
            ["Mme. Dupont habite av. Foch, cf. la carte.", "Elle vient."]
        );
        assert_eq!(
            parts("La Sra. García llegó aprox. a las tres. Luego se fue."),
            ["La Sra. García llegó aprox. a las tres.", "Luego se fue."]
        );
        assert_eq!(
            parts("Vedi pag. 12 e il Dott. Rossi, ecc. Poi basta."),
            ["Vedi pag. 12 e il Dott. Rossi, ecc. Poi basta."]
        );
        assert_eq!(
            parts("I use GIMP, Krita etc. for that. It works."),
            ["I use GIMP, Krita etc. for that.", "It works."]
        );
    }

    #[test]
    fn decimals_ordinals_and_list_numbers() {
        assert_eq!(parts("It costs 3.5 USD. Then 4.25 more."), ["It costs 3.5 USD.", "Then 4.25 more."]);
        assert_eq!(parts("Am 11. Januar kam er. Er blieb."), ["Am 11. Januar kam er.", "Er blieb."]);
        assert_eq!(parts("Hier ist schon wieder die 1. Seite voll."), ["Hier ist schon wieder die 1. Seite voll."]);
        assert_eq!(parts("1. Install it first"), ["1. Install it first"]);
        assert_eq!(parts("I have 12. Then more."), ["I have 12.", "Then more."]);
    }

    #[test]
    fn ellipses_end_sentences_only_before_a_new_start() {
        assert_eq!(parts("I tried... It failed."), ["I tried...", "It failed."]);
        assert_eq!(parts("I tried... and it failed."), ["I tried... and it failed."]);
        assert_eq!(parts("Hmm… Das war’s."), ["Hmm…", "Das war’s."]);
    }

    #[test]
    fn urls_and_code_spans_are_single_words() {
        let text = "See https://a.example/x.html?y=1. Then www.b.example. Now run `a. B` first. Done.";
        assert_eq!(
            parts(text),
            ["See https://a.example/x.html?y=1.", "Then www.b.example.", "Now run `a. B` first.", "Done."]
        );
    }

    #[test]
    fn emoji_and_exclamations() {
        assert_eq!(parts("It worked 🎉 Now it is fast."), ["It worked 🎉", "Now it is fast."]);
        assert_eq!(parts("Great!! i tried it. Really?! Yes."), ["Great!!", "i tried it.", "Really?!", "Yes."]);
        assert_eq!(parts("日本です。東京です。"), ["日本です。", "東京です。"]);
    }

    #[test]
    fn lines_always_end_sentences() {
        assert_eq!(parts("First line\nsecond line. Third\n\n"), ["First line", "second line.", "Third"]);
    }

    #[test]
    fn no_panic_on_odd_input() {
        for text in
            ["", "'", ".", "...", "`", "``.", "a.\u{1F389}", "http://", "www. ", "1. ", "z. ", "ÄÖÜ. ß. ", "…\n…"]
        {
            for s in split(text) {
                assert!(text.get(s.start..s.end).is_some(), "{text:?}");
            }
            let _ = not_material(text);
        }
    }
}

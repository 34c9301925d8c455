//! The forms gazetteer names are compared in, shared by the run time ([`super`]) and by `build.rs`, which
//! indexes the data files with them at compile time: one definition, so a table key and a lookup key can
//! never disagree.

/// "U.S." → "US", "CSTO" → "CSTO"; `None` for anything but one word of 2-6 capitals (dots allowed).
pub fn acronym_key(form: &str) -> Option<String> {
    // Asked of every capitalised word and run: most hold a lowercase letter, and are no acronym.
    if !form.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let letters: String = form.chars().filter(|&c| c != '.').collect();
    let caps = letters.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let count = letters.chars().filter(char::is_ascii_uppercase).count();
    (caps && (2..=6).contains(&count) && !form.contains(' ')).then_some(letters)
}

/// The form names are compared in: lowercase, single spaces, British and American spellings of
/// "-ization" folded together ("Organisation" = "Organization"), dots dropped ("U.S." = "US").
pub fn key(form: &str) -> String {
    let mut out = String::with_capacity(form.len());
    for word in form.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars().filter(|&c| c != '.').flat_map(char::to_lowercase) {
            out.push(if c == '’' { '\'' } else { c });
        }
    }
    // Folded once for the whole key: no word's "isation" spans a space or an apostrophe.
    if out.contains("isation") {
        out = out.replace("isation", "ization");
    }
    out
}

/// `text` with the first letter of each word (after a space) in capitals if it is an ASCII letter:
/// "united states" → "United States". Most canonical names are their key written so, and the tables then hold
/// only the key. (ASCII only: Unicode's case tables would cost the WASM module more than the names do.)
pub fn title_case(text: &str, out: &mut impl std::fmt::Write) -> std::fmt::Result {
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.write_char(' ')?;
        }
        let rest = match word.as_bytes().first() {
            Some(first) if first.is_ascii_lowercase() => {
                out.write_char(char::from(first.to_ascii_uppercase()))?;
                &word[1..]
            }
            _ => word,
        };
        out.write_str(rest)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_lowercase_folded_forms() {
        // The forms as the earlier word-by-word definition gave them.
        let slow = |form: &str| {
            let words: Vec<String> = form
                .split_whitespace()
                .map(|w| {
                    let lower: String = w.chars().filter(|&c| c != '.').flat_map(char::to_lowercase).collect();
                    lower.replace("isation", "ization").replace('’', "'")
                })
                .collect();
            words.join(" ")
        };
        for form in
            ["U.S.", "World Health Organisation", "  Ben’s  Place ", "İstanbul", "ORGANISATIONS", "isa tion", ""]
        {
            assert_eq!(key(form), slow(form), "{form:?}");
        }
        assert_eq!(acronym_key("U.S."), Some("US".to_string()));
        assert_eq!(acronym_key("CSTO"), Some("CSTO".to_string()));
        for no in ["Csto", "C", "ABCDEFG", "A B", "US-A", "Ünited", "12"] {
            assert_eq!(acronym_key(no), None, "{no}");
        }
    }
}

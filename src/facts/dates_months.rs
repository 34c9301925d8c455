//! Month names: English names and abbreviations in any case ("Jan", "Sept", "JULY"), and the month names
//! of other languages that `dates` reads after a day number ("11. Januar 2022").

/// Month names of other languages (German, French, Spanish, Portuguese, Italian, Dutch) where they differ
/// from English, read only after a day number ("11. Januar 2022", "3 de março de 2021", "12 mars 2020"):
/// a non-English post keeps its dates.
const FOREIGN_MONTHS: &[(&str, u32)] = &[
    ("januar", 1),
    ("janvier", 1),
    ("enero", 1),
    ("janeiro", 1),
    ("gennaio", 1),
    ("januari", 1),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("maart", 3),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("mai", 5),
    ("mayo", 5),
    ("maio", 5),
    ("maggio", 5),
    ("mei", 5),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("junho", 6),
    ("giugno", 6),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("julho", 7),
    ("luglio", 7),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("septembre", 9),
    ("septiembre", 9),
    ("setembro", 9),
    ("settembre", 9),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("ottobre", 10),
    ("dezember", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dezembro", 12),
    ("dicembre", 12),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("setiembre", 9),
];

pub(super) fn foreign_month(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    FOREIGN_MONTHS.iter().find(|(m, _)| *m == w).map(|&(_, n)| n)
}

/// Month number (1-12) of a month name or its usual abbreviation ("Jan", "Sept").
pub fn month_number(word: &str) -> Option<u32> {
    let t = word.trim_end_matches('.');
    // Called on every token next to a number: ASCII words (nearly all) are lowercased on the stack, not
    // into a new String. No month name is longer than "september", so longer words cannot be one.
    // Non-ASCII words go the long way, as a few non-ASCII letters lowercase to ASCII (the Kelvin sign).
    const LONGEST: usize = "september".len();
    if t.is_ascii() {
        if t.len() > LONGEST {
            return None;
        }
        let mut buf = [0u8; LONGEST];
        buf[..t.len()].copy_from_slice(t.as_bytes());
        buf.make_ascii_lowercase();
        return month_of(std::str::from_utf8(&buf[..t.len()]).unwrap_or(""), word);
    }
    month_of(&t.to_lowercase(), word)
}

/// [`month_number`] of `w`, the lowercased `word` without its trailing dots.
fn month_of(w: &str, word: &str) -> Option<u32> {
    if w.len() < 3 || w == "mar" && word.starts_with('m') || w == "may" && word.starts_with('m') {
        return None; // "may" and "mar" in lowercase are words, not months
    }
    // The full name, its first three letters, or "sept": a match, not a scan of MONTHS with prefix tests
    // (this runs about twice per word of the thread).
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];

    /// The match in `month_of` answers as the scan of MONTHS with prefix tests it replaced.
    #[test]
    fn month_match_equals_the_prefix_scan() {
        let scan = |w: &str| {
            MONTHS
                .iter()
                .position(|m| *m == w || (w.len() >= 3 && m.starts_with(w) && (w.len() == 3 || w == "sept")))
                .map(|i| i as u32 + 1)
        };
        let mut words: Vec<String> = ["", "ma", "mays", "septe", "octo", "junes", "decembers", "marches"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        for m in MONTHS {
            for n in 1..=m.len() {
                words.push(m[..n].to_string());
            }
        }
        for w in &words {
            for word in [w.clone(), w.to_uppercase(), format!("{w}.")] {
                let lower = word.trim_end_matches('.').to_lowercase();
                let expected = if lower.len() < 3 || (lower == "mar" || lower == "may") && word.starts_with('m') {
                    None
                } else {
                    scan(&lower)
                };
                assert_eq!(month_number(&word), expected, "{word}");
            }
        }
    }
}

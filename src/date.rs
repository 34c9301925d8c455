//! Dates and times as boards show them, to ISO 8601.
//!
//! Only what the page says is used: a relative time ("3 days ago") is never resolved against the clock.

/// Parses a date or time as a page shows it (or as an attribute holds it) into ISO 8601:
/// `2022-01-11T14:28:00`, with the offset when the input has one, or `2022-01-11` for a date alone.
pub fn parse(s: &str) -> Option<String> {
    let s = s.trim();
    iso(s).or_else(|| us_long(s))
}

/// `2022-01-11`, `2022-01-11T14:28`, `2022-01-11 14:28:05+01:00`, `2022-01-11T14:28:05Z`.
fn iso(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 10 || !(b[4] == b'-' && b[7] == b'-') {
        return None;
    }
    let (y, m, d) = (num(&s[0..4])?, num(&s[5..7])?, num(&s[8..10])?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(date);
    }
    let rest = rest.strip_prefix(['T', ' '])?;
    let hh = num(rest.get(0..2)?)?;
    let mm = num(rest.get(3..5)?)?;
    let (ss, tail) = match rest.get(5..6) {
        Some(":") => (num(rest.get(6..8)?)?, &rest[8..]),
        _ => (0, &rest[5..]),
    };
    let tail = tail.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let offset = match tail {
        "" => String::new(),
        "Z" | "z" => "Z".to_string(),
        t if (t.starts_with('+') || t.starts_with('-')) && t.len() >= 5 => {
            let digits: String = t[1..].chars().filter(char::is_ascii_digit).collect();
            if digits.len() != 4 {
                return None;
            }
            format!("{}{}:{}", &t[..1], &digits[..2], &digits[2..])
        }
        _ => return None,
    };
    if hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    Some(format!("{date}T{hh:02}:{mm:02}:{ss:02}{offset}"))
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// `Tue Jan 11, 2022, 02:28 PM` and `January 11, 2022 2:28 pm`.
fn us_long(s: &str) -> Option<String> {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let mi = words.iter().position(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m)))?;
    let month = MONTHS.iter().position(|m| words[mi].starts_with(m))? as u32 + 1;
    let day = num(words.get(mi + 1)?.trim_end_matches(|c: char| c.is_ascii_alphabetic()))?;
    let year = num(words.get(mi + 2)?)?;
    if !(1..=31).contains(&day) || !(1970..=2100).contains(&year) {
        return None;
    }
    let date = format!("{year:04}-{month:02}-{day:02}");
    let time = words.get(mi + 3).and_then(|t| {
        let (h, m) = t.split_once(':')?;
        let (mut h, m) = (num(h)?, num(&m[..2.min(m.len())])?);
        match words.get(mi + 4).map(String::as_str) {
            Some("pm") if h < 12 => h += 12,
            Some("am") if h == 12 => h = 0,
            _ => {}
        }
        (h < 24 && m < 60).then(|| format!("T{h:02}:{m:02}:00"))
    });
    Some(date + &time.unwrap_or_default())
}

fn num(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_iso_and_us_forms() {
        assert_eq!(parse("2022-01-11T14:28:05+0100").as_deref(), Some("2022-01-11T14:28:05+01:00"));
        assert_eq!(parse("2022-01-11").as_deref(), Some("2022-01-11"));
        assert_eq!(parse("Tue Jan 11, 2022, 02:28 PM").as_deref(), Some("2022-01-11T14:28:00"));
        assert_eq!(parse("3 days ago"), None);
    }
}

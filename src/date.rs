//! Dates and times as boards show them, to ISO 8601.
//!
//! Only what the page says is used: a relative time ("3 days ago", "Today, 14:28", "Heute, 14:28") is never
//! resolved against the clock, and a day/month order that the text leaves open (`03/04/2022`) gives no date
//! rather than a guess, unless the page's other dates settle it ([`order_of`]: any `15/05/19` on the page
//! makes it day first; read with [`parse_in_order`]). Offsets the page gives are kept; times without one
//! stay local (no offset).
//!
//! Forms read: ISO 8601 and RFC 3339; Unix timestamps (in attributes, [`parse_attr`]); month names in English,
//! German, French, Italian, Spanish, Portuguese and Dutch, full or abbreviated, day before or after the month
//! ("Tue Jan 11, 2022, 02:28 PM", "11. Januar 2022, 14:28", "11 janvier 2022 à 14h28", "11 de enero de 2022");
//! numeric dates (`11.01.2022, 14:28`, `2019.08.03 15:35`, `2022/01/11`, `15/05/19`, the old DU `Jul-28-08`,
//! vBulletin's `Sat, Jun 18 '05`); CJK
//! (`2022年1月11日 14:28`).

/// Parses a date or time as a page shows it (or as an attribute holds it) into ISO 8601:
/// `2022-01-11T14:28:00`, with the offset when the input has one, or `2022-01-11` for a date alone.
pub fn parse(s: &str) -> Option<String> {
    parse_in_order(s, None)
}

/// Which way round a page writes numeric dates whose day and month could be either (`03/04/2022`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    /// `03/04/2022` is 3 April.
    DayFirst,
    /// `03/04/2022` is March 4.
    MonthFirst,
}

/// Like [`parse`], with the day/month order of the page (see [`order_of`]) for the dates whose text leaves
/// it open.
pub fn parse_in_order(s: &str, order: Option<DayOrder>) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_DATE_TEXT {
        return None;
    }
    iso(s).or_else(|| Parsed::read_in_order(s, order).and_then(|p| p.iso()))
}

/// The day/month order a page's shown dates settle: a slash or dash date with a first value over 12
/// (`15/05/19`) is day first, one with a second value over 12 (`05/15/19`) month first. `None` when no date
/// settles it, or when the dates disagree.
pub fn order_of<'a>(shown: impl IntoIterator<Item = &'a str>) -> Option<DayOrder> {
    let (mut day_first, mut month_first) = (false, false);
    for s in shown {
        let toks = tokens(s);
        let Some(n) = numeric_date(&toks, s) else { continue };
        match n.settles {
            Some(DayOrder::DayFirst) => day_first = true,
            Some(DayOrder::MonthFirst) => month_first = true,
            None => {}
        }
    }
    match (day_first, month_first) {
        (true, false) => Some(DayOrder::DayFirst),
        (false, true) => Some(DayOrder::MonthFirst),
        _ => None,
    }
}

/// Like [`parse`], and also reads Unix timestamps (seconds or milliseconds), which only attributes hold:
/// a bare number in text is not a date.
pub fn parse_attr(s: &str) -> Option<String> {
    let t = s.trim();
    if (9..=13).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = t.parse().ok()?;
        let secs = if t.len() >= 12 { n / 1000 } else { n };
        return Some(from_unix(secs));
    }
    parse(s)
}

/// Whether a short text shows a point in time, resolvable or not: a date [`parse`] reads, a day/month
/// pair of unknown order, a date without a year, or a clock time ("Today, 14:28", "vor 3 Stunden" is not).
/// The generic detector uses it to find post headers without knowing the board's language.
pub fn is_date_like(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_DATE_TEXT || !s.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    if parse(s).is_some() {
        return true;
    }
    let toks = tokens(s);
    let has_time = toks.iter().any(|t| matches!(t.kind, Kind::Time(..)));
    let has_month_day =
        toks.iter().enumerate().any(|(i, t)| month_of(t, s).is_some() && day_near(&toks, s, i).is_some());
    has_time || has_month_day || numeric_date(&toks, s).is_some_and(|d| d.ambiguous)
}

/// Longest text read as a date; longer texts are sentences, not timestamps.
const MAX_DATE_TEXT: usize = 120;

/// Whether `s` is an ISO 8601 time as machines write it (`2024-11-27T15:50:23Z`: the `T`, never how a page
/// words a time for its readers).
pub fn is_machine_time(s: &str) -> bool {
    let t = s.trim();
    t.as_bytes().get(10) == Some(&b'T') && iso(t).is_some()
}

/// `2022-01-11`, `2022-01-11T14:28`, `2022-01-11 14:28:05+01:00`, `2022-01-11T14:28:05Z`.
fn iso(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 10 || !(b[4] == b'-' && b[7] == b'-') {
        return None;
    }
    let (y, m, d) = (num(s.get(0..4)?)?, num(s.get(5..7)?)?, num(s.get(8..10)?)?);
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
    if rest.get(2..3)? != ":" {
        return None;
    }
    let mm = num(rest.get(3..5)?)?;
    let (ss, tail) = match rest.get(5..6) {
        Some(":") => (num(rest.get(6..8)?)?, rest.get(8..)?),
        _ => (0, rest.get(5..)?),
    };
    let tail = tail.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit()).trim();
    let offset = offset_of(tail)?;
    if hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    Some(format!("{date}T{hh:02}:{mm:02}:{ss:02}{offset}"))
}

/// `""` → no offset, `Z`/`UTC`/`GMT` → `Z`, `+0100`/`+01:00`/`UTC+1` → `+01:00`. `None` for anything else.
fn offset_of(t: &str) -> Option<String> {
    let t = t.trim();
    let t = t.strip_prefix("UTC").or_else(|| t.strip_prefix("GMT")).map(str::trim).map_or(Some(t), |rest| {
        if rest.is_empty() {
            None
        } else {
            Some(rest)
        }
    });
    let Some(t) = t else { return Some("Z".into()) };
    match t {
        "" => Some(String::new()),
        "Z" | "z" => Some("Z".into()),
        _ if t.starts_with(['+', '-']) => {
            let sign = &t[..1];
            let body = &t[1..];
            let digits: String = body.chars().filter(char::is_ascii_digit).collect();
            if !body.chars().all(|c| c.is_ascii_digit() || c == ':') {
                return None;
            }
            let (h, m) = match digits.len() {
                1 | 2 => (num(&digits)?, 0),
                4 => (num(&digits[..2])?, num(&digits[2..])?),
                _ => return None,
            };
            (h <= 14 && m < 60).then(|| format!("{sign}{h:02}:{m:02}"))
        }
        _ => None,
    }
}

/// Month names and abbreviations: English, German, French, Italian, Spanish, Portuguese, Dutch.
/// Matched on whole words, lowercased, a trailing `.` removed.
const MONTH_NAMES: [&[&str]; 12] = [
    &[
        "january", "jan", "januar", "jänner", "jän", "janvier", "janv", "gennaio", "gen", "enero", "ene", "janeiro",
        "januari",
    ],
    &[
        "february",
        "feb",
        "febr",
        "februar",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "fév",
        "febbraio",
        "febrero",
        "fevereiro",
        "fev",
        "februari",
    ],
    &["march", "mar", "märz", "maerz", "mär", "mrz", "mars", "marzo", "março", "marco", "maart", "mrt"],
    &["april", "apr", "avril", "avr", "aprile", "abril", "abr"],
    &["may", "mai", "maggio", "mag", "mayo", "maio", "mei"],
    &["june", "jun", "juni", "juin", "giugno", "giu", "junio", "junho"],
    &["july", "jul", "juli", "juillet", "juil", "luglio", "lug", "julio", "julho"],
    &["august", "aug", "août", "aout", "agosto", "ago", "augustus"],
    &["september", "sep", "sept", "septembre", "settembre", "set", "septiembre", "setiembre", "setembro"],
    &["october", "oct", "oktober", "okt", "octobre", "ottobre", "ott", "octubre", "outubro", "out"],
    &["november", "nov", "novembre", "noviembre", "novembro"],
    &["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "dicembre", "dic", "diciembre", "dezembro"],
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// A run of ASCII digits, its value and its length in digits.
    Num(u32, usize),
    /// `14:28`, `14:28:05`, `14h28`: hours, minutes, seconds.
    Time(u32, u32, u32),
    Word,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
}

/// Splits into numbers, clock times and words (letters of any script); other characters separate.
fn tokens(s: &str) -> Vec<Tok> {
    let b = s.as_bytes();
    let mut out: Vec<Tok> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap_or(' ');
        if c.is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let digits = &s[start..i];
            // hh:mm[:ss] or 14h28
            let sep = b.get(i).copied();
            let is_colon = sep == Some(b':');
            let is_h = matches!(sep, Some(b'h') | Some(b'H')) && b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if (is_colon || is_h) && digits.len() <= 2 && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                let m_start = i + 1;
                let mut j = m_start;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                let mut sec = 0;
                let mut end = j;
                if is_colon && b.get(j) == Some(&b':') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
                    let mut k = j + 1;
                    while k < b.len() && b[k].is_ascii_digit() {
                        k += 1;
                    }
                    sec = num(&s[j + 1..k]).unwrap_or(0);
                    end = k;
                }
                if let (Some(h), Some(m)) = (num(digits), num(&s[m_start..j])) {
                    if j - m_start == 2 && h < 24 && m < 60 && sec <= 60 {
                        out.push(Tok { kind: Kind::Time(h, m, sec), start, end });
                        i = end;
                        continue;
                    }
                }
            }
            let value = if digits.len() <= 9 { digits.parse().unwrap_or(u32::MAX) } else { u32::MAX };
            out.push(Tok { kind: Kind::Num(value, digits.len()), start, end: i });
        } else if c.is_alphabetic() {
            let start = i;
            while let Some(ch) = s[i..].chars().next() {
                if !ch.is_alphabetic() || is_cjk_marker(ch) {
                    break;
                }
                i += ch.len_utf8();
            }
            if i == start {
                // A CJK date marker (年, 月, 日) on its own.
                i += c.len_utf8();
            }
            out.push(Tok { kind: Kind::Word, start, end: i });
        } else {
            i += c.len_utf8();
        }
    }
    out
}

fn is_cjk_marker(c: char) -> bool {
    matches!(c, '年' | '月' | '日' | '년' | '월' | '일')
}

fn month_of_word(w: &str) -> Option<u32> {
    let w = w.to_lowercase();
    MONTH_NAMES.iter().position(|names| names.contains(&w.as_str())).map(|i| i as u32 + 1)
}

fn month_of(t: &Tok, s: &str) -> Option<u32> {
    (t.kind == Kind::Word).then(|| month_of_word(&s[t.start..t.end])).flatten()
}

fn num(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// What was read from a shown date.
#[derive(Debug, Default)]
struct Parsed {
    y: u32,
    m: u32,
    d: u32,
    time: Option<(u32, u32, u32)>,
    offset: String,
}

struct NumericDate {
    y: u32,
    m: u32,
    d: u32,
    /// Index of the last token of the date.
    last: usize,
    /// Day and month could be either way round (`m` and `d` then hold the day-first reading).
    ambiguous: bool,
    /// The order this date shows by a value over 12 (`15/05/19`), for [`order_of`].
    settles: Option<DayOrder>,
}

impl Parsed {
    fn read_in_order(s: &str, order: Option<DayOrder>) -> Option<Parsed> {
        let toks = tokens(s);
        let numeric = || {
            let n = numeric_date(&toks, s)?;
            match (n.ambiguous, order) {
                (false, _) | (true, Some(DayOrder::DayFirst)) => Some((n.y, n.m, n.d, n.last)),
                (true, Some(DayOrder::MonthFirst)) => Some((n.y, n.d, n.m, n.last)),
                (true, None) => None,
            }
        };
        let (y, m, d, last) = cjk_date(&toks, s).or_else(|| named_month_date(&toks, s)).or_else(numeric)?;
        if !(1..=12).contains(&m) || !(1..=days_in_month(y, m)).contains(&d) || !(1900..=2100).contains(&y) {
            return None;
        }
        let mut p = Parsed { y, m, d, ..Parsed::default() };
        // The clock time: the first one after the date (or before it: "14:28, 11.01.2022").
        let ti = toks.iter().skip(last + 1).position(|t| matches!(t.kind, Kind::Time(..))).map(|i| i + last + 1);
        let ti = ti.or_else(|| toks.iter().take(last).position(|t| matches!(t.kind, Kind::Time(..))));
        if let Some(ti) = ti {
            if let Kind::Time(mut h, mi, sec) = toks[ti].kind {
                let next = toks.get(ti + 1).filter(|t| t.kind == Kind::Word).map(|t| s[t.start..t.end].to_lowercase());
                match next.as_deref() {
                    Some("pm" | "p") if h < 12 => h += 12,
                    Some("am" | "a") if h == 12 => h = 0,
                    _ => {}
                }
                p.time = Some((h, mi, sec));
                let after = toks[ti].end;
                let rest = &s[after..];
                let rest = rest.trim_start_matches(|c: char| c.is_whitespace());
                let rest = rest
                    .strip_prefix("PM")
                    .or_else(|| rest.strip_prefix("AM"))
                    .or_else(|| rest.strip_prefix("pm"))
                    .or_else(|| rest.strip_prefix("am"))
                    .unwrap_or(rest)
                    .trim();
                let first = rest.split_whitespace().next().unwrap_or("");
                let first = first.trim_end_matches([',', ')', '.']);
                if first.starts_with(['+', '-']) || first.starts_with("UTC") || first.starts_with("GMT") || first == "Z"
                {
                    p.offset = offset_of(first).unwrap_or_default();
                }
            }
        }
        Some(p)
    }

    fn iso(&self) -> Option<String> {
        let date = format!("{:04}-{:02}-{:02}", self.y, self.m, self.d);
        Some(match self.time {
            Some((h, m, s)) => format!("{date}T{h:02}:{m:02}:{s:02}{}", self.offset),
            None => date,
        })
    }
}

/// `2022年1月11日`, `2022년 1월 11일`.
fn cjk_date(toks: &[Tok], s: &str) -> Option<(u32, u32, u32, usize)> {
    let word = |i: usize| toks.get(i).filter(|t| t.kind == Kind::Word).map(|t| &s[t.start..t.end]);
    (0..toks.len()).find_map(|i| {
        let Kind::Num(y, 4) = toks[i].kind else { return None };
        if !matches!(word(i + 1), Some("年" | "년")) {
            return None;
        }
        let Kind::Num(m, _) = toks.get(i + 2)?.kind else { return None };
        if !matches!(word(i + 3), Some("月" | "월")) {
            return None;
        }
        let Kind::Num(d, _) = toks.get(i + 4)?.kind else { return None };
        Some((y, m, d, if word(i + 5).is_some() { i + 5 } else { i + 4 }))
    })
}

/// Small words that may stand between a day and its month: "11 de enero", "11th of January", "le 11".
fn is_filler(w: &str) -> bool {
    matches!(w.to_lowercase().as_str(), "de" | "del" | "of" | "th" | "st" | "nd" | "rd" | "er" | "º" | "o" | "e")
}

/// The day next to the month word at `mi`: before it ("11 janvier", "11. Januar", "11 de enero") or after it
/// ("Jan 11", "January 11th"). Returns the day and the index of its token.
fn day_near(toks: &[Tok], s: &str, mi: usize) -> Option<(u32, usize)> {
    let is_day = |t: &Tok| matches!(t.kind, Kind::Num(d, 1..=2) if (1..=31).contains(&d));
    // A number glued to a word before the month ("maria1 Jun 06, 2020": a user name) is not its day.
    let glued = |t: &Tok| s[..t.start].chars().next_back().is_some_and(char::is_alphanumeric);
    let after = toks.get(mi + 1).filter(|t| is_day(t)).map(|_| mi + 1);
    let mut j = mi;
    let mut before = None;
    while j > 0 && mi - j < 3 {
        j -= 1;
        let t = &toks[j];
        if is_day(t) && !glued(t) {
            before = Some(j);
            break;
        }
        if !(t.kind == Kind::Word && is_filler(&s[t.start..t.end])) {
            break;
        }
    }
    // "Jan 11, 2022" (day after) wins over "Tue 11 ... Jan"? Only when the token after is followed by a year or
    // nothing: "11 Jan 2022" has the year after the month, so the day is the one before.
    let pick = match (before, after) {
        (Some(b), Some(a)) => {
            let year_after_a = toks.get(a + 1).is_some_and(|t| matches!(t.kind, Kind::Num(_, 4)));
            if year_after_a {
                b
            } else {
                // "11 Jan 22:05"? The token after is a day only if it is not followed by more date.
                b.min(a)
            }
        }
        (Some(b), None) => b,
        (None, Some(a)) => a,
        (None, None) => return None,
    };
    let Kind::Num(d, _) = toks[pick].kind else { return None };
    Some((d, pick))
}

/// A date with a month name; the year is the first 4-digit number after the month or day, or a 2-digit one
/// joined to them by `-` or `/` (the old DU `Jul-28-08`).
fn named_month_date(toks: &[Tok], s: &str) -> Option<(u32, u32, u32, usize)> {
    // Several month-like words ("mar. 11 janv. 2022": French Tuesday, then January): the reading whose
    // month, day and year stand closest together wins.
    (0..toks.len())
        .filter_map(|mi| {
            let m = month_of(&toks[mi], s)?;
            let (d, di) = day_near(toks, s, mi)?;
            let (y, yi) = year_near(toks, s, mi, di)?;
            let span = mi.max(di).max(yi) - mi.min(di).min(yi);
            Some((span, (y, m, d, mi.max(di).max(yi))))
        })
        .min_by_key(|(span, _)| *span)
        .map(|(_, date)| date)
}

/// The year of a date whose month is at `mi` and day at `di`: the first 4-digit number after them (skipping
/// fillers like "de"), one just before them ("2022 Jan 11"), or a 2-digit one joined to them by `-` or `/`
/// (the old DU `Jul-28-08`).
fn year_near(toks: &[Tok], s: &str, mi: usize, di: usize) -> Option<(u32, usize)> {
    let from = mi.max(di) + 1;
    let year4 = toks.iter().enumerate().skip(from).take(3).find_map(|(i, t)| match t.kind {
        Kind::Num(y, 4) => Some((y, i)),
        _ => None,
    });
    year4
        .or_else(|| {
            let i = mi.min(di).checked_sub(1)?;
            match toks.get(i)?.kind {
                Kind::Num(y, 4) => Some((y, i)),
                _ => None,
            }
        })
        .or_else(|| {
            let t = toks.get(from)?;
            let Kind::Num(yy, 2) = t.kind else { return None };
            // "Jul-28-08", "Jun 18 '05", "Jun 18, '05": the apostrophe marks the year, with or without space.
            let sep = s[toks[from - 1].end..t.start].trim_matches([' ', ',']);
            matches!(sep, "-" | "/" | "'" | "-'").then_some((two_digit_year(yy), from))
        })
}

fn two_digit_year(yy: u32) -> u32 {
    if yy < 70 {
        2000 + yy
    } else {
        1900 + yy
    }
}

/// `11.01.2022`, `2022/01/11`, `2022-1-11`, `13/01/2022`, `01-13-22`. Day-first for `.`; for `/` and `-` the
/// order is read from a value above 12, else left ambiguous.
fn numeric_date(toks: &[Tok], s: &str) -> Option<NumericDate> {
    (0..toks.len().saturating_sub(2)).find_map(|i| {
        let (Kind::Num(a, la), Kind::Num(b, lb), Kind::Num(c, lc)) = (toks[i].kind, toks[i + 1].kind, toks[i + 2].kind)
        else {
            return None;
        };
        let s1 = &s[toks[i].end..toks[i + 1].start];
        let s2 = &s[toks[i + 1].end..toks[i + 2].start];
        let sep = s1.trim();
        if s1 != s2 || !matches!(sep, "." | "/" | "-") || s1.len() > 3 || lb > 2 {
            return None;
        }
        let last = i + 2;
        let date = |y, m, d, ambiguous, settles| Some(NumericDate { y, m, d, last, ambiguous, settles });
        if la == 4 {
            return date(a, b, c, false, None);
        }
        if la > 2 || !(lc == 4 || lc == 2) {
            return None;
        }
        let y = if lc == 4 { c } else { two_digit_year(c) };
        if sep == "." {
            return date(y, b, a, false, None);
        }
        match (a > 12, b > 12) {
            (true, false) => date(y, b, a, false, Some(DayOrder::DayFirst)),
            (false, true) => date(y, a, b, false, Some(DayOrder::MonthFirst)),
            (false, false) => date(y, b, a, a != b, None),
            (true, true) => None,
        }
    })
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Seconds since 1970-01-01T00:00:00Z to ISO 8601 in UTC.
fn from_unix(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse(s)
    }

    #[test]
    fn reads_iso_and_us_forms() {
        assert_eq!(p("2022-01-11T14:28:05+0100").as_deref(), Some("2022-01-11T14:28:05+01:00"));
        assert_eq!(p("2022-01-11T14:28:05.123Z").as_deref(), Some("2022-01-11T14:28:05Z"));
        assert_eq!(p("2022-01-11").as_deref(), Some("2022-01-11"));
        assert_eq!(p("Tue Jan 11, 2022, 02:28 PM").as_deref(), Some("2022-01-11T14:28:00"));
        assert_eq!(p("January 11, 2022 2:28 pm").as_deref(), Some("2022-01-11T14:28:00"));
        assert_eq!(p("11 Jan 2022 12:05 AM").as_deref(), Some("2022-01-11T00:05:00"));
        assert_eq!(p("Posted on 11th January 2022, 14:28 UTC").as_deref(), Some("2022-01-11T14:28:00Z"));
        assert_eq!(p("Jan 11, 2022 14:28 +0530").as_deref(), Some("2022-01-11T14:28:00+05:30"));
        assert_eq!(p("Mon Jul-28-08 12:12 AM").as_deref(), Some("2008-07-28T00:12:00"));
    }

    #[test]
    fn reads_other_languages() {
        assert_eq!(p("11.01.2022, 14:28").as_deref(), Some("2022-01-11T14:28:00"));
        assert_eq!(p("11. Januar 2022").as_deref(), Some("2022-01-11"));
        assert_eq!(p("Di 11. Jan. 2022, 14:28").as_deref(), Some("2022-01-11T14:28:00"));
        assert_eq!(p("11 janvier 2022 à 14h28").as_deref(), Some("2022-01-11T14:28:00"));
        assert_eq!(p("mar. 11 janv. 2022 14:28").as_deref(), Some("2022-01-11T14:28:00"));
        assert_eq!(p("11 gennaio 2022, 14:28").as_deref(), Some("2022-01-11T14:28:00"));
        assert_eq!(p("11 de janeiro de 2022 às 14:28").as_deref(), Some("2022-01-11T14:28:00"));
        assert_eq!(p("11 de enero de 2022, 14:28").as_deref(), Some("2022-01-11T14:28:00"));
        assert_eq!(p("11 januari 2022 14:28").as_deref(), Some("2022-01-11T14:28:00"));
        assert_eq!(p("2022年1月11日 14:28").as_deref(), Some("2022-01-11T14:28:00"));
        assert_eq!(p("2022/01/11 14:28").as_deref(), Some("2022-01-11T14:28:00"));
        assert_eq!(p("13/01/2022").as_deref(), Some("2022-01-13"));
        assert_eq!(p("01/13/2022 2:28 PM").as_deref(), Some("2022-01-13T14:28:00"));
    }

    #[test]
    fn reads_board_forms_seen_on_unseen_boards() {
        assert_eq!(p("2019.08.03 15:35").as_deref(), Some("2019-08-03T15:35:00"));
        assert_eq!(p("15/05/19").as_deref(), Some("2019-05-15"));
        assert_eq!(p("Sat, Jun 18 '05, 10:24 AM").as_deref(), Some("2005-06-18T10:24:00"));
        assert_eq!(p("Sat, Jun 18, '05 10:24 PM").as_deref(), Some("2005-06-18T22:24:00"));
        assert_eq!(p("21. Apr 2020, 19:40").as_deref(), Some("2020-04-21T19:40:00"));
        // A user name ending in a digit before the date is not its day.
        assert_eq!(p("maria1 Jun 06, 2020 10:48 AM").as_deref(), Some("2020-06-06T10:48:00"));
        // A two-digit number after a space is not a year without the apostrophe.
        assert_eq!(p("Jun 18 05"), None);
    }

    #[test]
    fn the_page_settles_day_and_month_order() {
        assert_eq!(order_of(["03/04/2022", "15/05/2022 10:00"]), Some(DayOrder::DayFirst));
        assert_eq!(order_of(["03/04/2022", "05/15/2022"]), Some(DayOrder::MonthFirst));
        assert_eq!(order_of(["03/04/2022", "04/05/2022"]), None);
        assert_eq!(order_of(["15/05/2022", "05/15/2022"]), None, "disagreeing dates settle nothing");
        assert_eq!(order_of(["11.01.2022", "2022/01/11"]), None, "dotted and year-first dates are not evidence");
        let day_first = Some(DayOrder::DayFirst);
        assert_eq!(parse_in_order("03/04/2022 14:28", day_first).as_deref(), Some("2022-04-03T14:28:00"));
        let month_first = Some(DayOrder::MonthFirst);
        assert_eq!(parse_in_order("03/04/2022", month_first).as_deref(), Some("2022-03-04"));
        assert_eq!(parse_in_order("03/04/2022", None), None);
        assert_eq!(parse_in_order("15/05/2022", month_first).as_deref(), Some("2022-05-15"), "the text wins");
    }

    #[test]
    fn never_guesses() {
        for s in [
            "3 days ago",
            "Today, 14:28",
            "Heute, 14:28",
            "Yesterday at 2:28 PM",
            "03/04/2022",
            "Jan 11",
            "2,300 troops",
            "",
        ] {
            assert_eq!(p(s), None, "{s}");
        }
        assert_eq!(p("31.02.2022"), None);
        assert!(is_date_like("Today, 14:28") && is_date_like("Heute, 14:28") && is_date_like("03/04/2022"));
        assert!(is_date_like("Jan 11") && is_date_like("11. Januar 2022"));
        assert!(!is_date_like("107,765 posts") && !is_date_like("Reply #3") && !is_date_like("no digits"));
    }

    #[test]
    fn reads_unix_timestamps_only_in_attributes() {
        assert_eq!(parse_attr("1641911280").as_deref(), Some("2022-01-11T14:28:00Z"));
        assert_eq!(parse_attr("1641911280000").as_deref(), Some("2022-01-11T14:28:00Z"));
        assert_eq!(parse("1641911280"), None);
    }
}

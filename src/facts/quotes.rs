//! Direct quotations with their speakers: `"…," Tokayev told lawmakers`, `Tokayev said: "…"`,
//! `"…," said the minister`. The same quotation found twice (one a part of the other, straight or curly
//! marks) is one quote with every post it was found in.

use super::gazetteer::GAZETTEER;
use super::tokens::{tokenize, Token};
use super::PostText;
use crate::model::{Entity, EntityKind, Quote};

/// Verbs that attribute a quotation to a speaker.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "announced",
    "stated",
    "wrote",
    "writes",
    "asked",
    "asks",
    "declared",
    "insisted",
    "warned",
    "explained",
    "noted",
    "claimed",
    "argued",
    "replied",
    "tweeted",
    "posted",
];

/// Fewer words than this between quote marks is a term in quotes, not a statement.
const MIN_QUOTE_WORDS: usize = 4;

/// Byte spans between quote marks of every kind (double, curly, single): quotations, titles, terms.
pub fn marked_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = quotation_spans(text);
    spans.extend(single_quote_spans(text));
    spans
}

/// Finds the quotations of every post and merges repeats. A quotation has a speaker, or it is not one:
/// quoted words nobody is said to have said are a term, a title (the `works` step) or a post quoted
/// again (the thread reader's quotes), never a quotation on the card.
pub fn extract(posts: &[PostText], entities: &[Entity]) -> Vec<Quote> {
    let mut found: Vec<Quote> = Vec::new();
    for post in posts {
        let titles = super::works::title_spans(post.text, true);
        let double = quotation_spans(post.text).into_iter().map(|s| (s, false));
        let single = single_quote_spans(post.text).into_iter().map(|s| (s, true));
        for ((start, end), single) in double.chain(single) {
            let inner = post.text[start..end].trim().trim_end_matches([',', ' ']);
            if inner.split_whitespace().count() < MIN_QUOTE_WORDS {
                continue;
            }
            let speaker = speaker_after(post, end).or_else(|| speaker_before(post, start));
            if speaker.is_none() && titles.contains(&(start, end)) {
                continue; // a title in quote marks: a work
            }
            if single && speaker.is_none() {
                continue; // single marks also quote titles and terms; only an attributed span is a quotation
            }
            let speaker = speaker.map(|s| resolve(&s, post, start, entities)).filter(|s| !s.is_empty());
            found.push(Quote { text: inner.to_string(), speaker, post: post.index, posts: vec![post.index] });
        }
    }
    merge(found).into_iter().filter(|q| q.speaker.is_some()).collect()
}

/// Byte spans of the text between matching quote marks, paragraph by paragraph.
fn quotation_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // A byte scan for `"`, the lead byte of `“`/`”` (0xE2) and the line breaks, where an open mark is
    // dropped: only the marks are decoded.
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b == b'\n' {
            open = None;
            continue;
        }
        if b != b'"' && b != 0xE2 {
            continue;
        }
        let Some(c) = text[i..].chars().next() else { continue };
        match (c, open) {
            ('“', _) => open = Some((i + c.len_utf8(), c)),
            ('”', Some((s, '“'))) | ('"', Some((s, '"'))) => {
                spans.push((s, i));
                open = None;
            }
            ('"', None) => {
                let before = text[..i].chars().next_back();
                if before.is_none_or(|b| b.is_whitespace() || "([:—–-".contains(b)) {
                    open = Some((i + 1, c));
                }
            }
            _ => {}
        }
    }
    spans
}

/// Byte spans between single quote marks (`'…'` or `‘…’`) that open after a space and close before a
/// space or punctuation, so apostrophes inside words ("don't", "ASML's") are never taken for marks.
fn single_quote_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let bytes = text.as_bytes();
    // Only the quote marks are looked at, each with the characters either side of it: a byte scan for
    // `'`, the lead byte of `‘`/`’` (0xE2) and the line breaks, where an open mark is dropped.
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            open = None;
            continue;
        }
        if b != b'\'' && b != 0xE2 {
            continue;
        }
        let Some(c) = text[i..].chars().next().filter(|c| matches!(c, '\'' | '‘' | '’')) else { continue };
        let prev = text[..i].chars().next_back();
        let next = text[i + c.len_utf8()..].chars().next();
        let opens = (c == '\'' || c == '‘') && prev.is_none_or(|p| p.is_whitespace() || "(:—–".contains(p));
        let closes = (c == '\'' || c == '’')
            && prev.is_some_and(|p| !p.is_whitespace())
            && next.is_none_or(|n| n.is_whitespace() || ",.;:!?)".contains(n));
        match open {
            Some(s) if closes => {
                spans.push((s, i));
                open = None;
            }
            None if opens && next.is_some_and(char::is_alphanumeric) => open = Some(i + c.len_utf8()),
            _ => {}
        }
    }
    spans
}

/// `"…," Tokayev told lawmakers` / `"…," said Tokayev` / `"…," he said`.
fn speaker_after(post: &PostText, end: usize) -> Option<String> {
    let close = post.text[end..].chars().next().map_or(0, char::len_utf8);
    let rest = &post.text[end + close..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let toks = tokenize(&line[..line.floor_char_boundary(200)]);
    let mut k = usize::from(toks.first().is_some_and(|t| t.text == ","));
    if toks.get(k).is_some_and(|t| is_speech(t)) {
        return name_at(&toks, k + 1);
    }
    if let Some(role) = role_speaker(&toks, k) {
        return Some(role);
    }
    let name = name_at(&toks, k)?;
    k += name.split_whitespace().count();
    toks.get(k).filter(|t| is_speech(t)).map(|_| name)
}

/// Lowercase words a role speaker may have between its article and the verb: "the commander said", "a
/// senior official told".
const MAX_ROLE_WORDS: usize = 3;

/// `"…," the commander said`: an article, a few lowercase words and a speech verb name the speaker by
/// role, verbatim ("the commander").
fn role_speaker(toks: &[Token], k: usize) -> Option<String> {
    toks.get(k).filter(|t| t.is("the") || t.is("a") || t.is("an"))?;
    let words = toks[k + 1..].iter().take_while(|t| t.is_lower_word() && !is_speech(t)).count();
    let verb = k + 1 + words;
    ((1..=MAX_ROLE_WORDS).contains(&words) && toks.get(verb).is_some_and(is_speech))
        .then(|| toks[k..verb].iter().map(|t| t.text).collect::<Vec<_>>().join(" "))
}

/// `Tokayev said: "…"` / `Tokayev told lawmakers, "…"`.
fn speaker_before(post: &PostText, start: usize) -> Option<String> {
    let open = post.text[..start].chars().next_back().map_or(0, char::len_utf8);
    let before = &post.text[..start - open];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut from = line_start.max(before.len().saturating_sub(200));
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let toks = tokenize(&before[from..]);
    // The verb ends the text before the quote, but for an object and a colon ("told lawmakers:").
    let verb = toks
        .iter()
        .rposition(|t| is_speech(t))
        .filter(|&v| toks.len() - v <= 4 && !toks[v..].iter().any(|t| matches!(t.text, "." | "!" | "?")))?;
    let mut first = verb;
    while first > 0
        && (toks[first - 1].is_capitalized() || toks[first - 1].text.starts_with("he") || toks[first - 1].is("she"))
    {
        first -= 1;
        if verb - first == 3 {
            break;
        }
    }
    (first < verb).then(|| toks[first..verb].iter().map(|t| t.text).collect::<Vec<_>>().join(" "))
}

/// A name (capitalized run, skipping titles) or a pronoun at token `k`.
fn name_at(toks: &[Token], k: usize) -> Option<String> {
    let first = toks.get(k)?;
    if first.is("he") || first.is("she") {
        return Some(first.text.to_lowercase());
    }
    let mut end = k;
    while end < toks.len() && toks[end].is_capitalized() && end - k < 4 {
        end += 1;
    }
    let words: Vec<&str> = toks[k..end].iter().map(|t| t.text).filter(|w| !GAZETTEER.is_title(w)).collect();
    let name = words.join(" ");
    (!name.is_empty() && !GAZETTEER.is_not_name(&name)).then_some(name)
}

fn is_speech(t: &Token) -> bool {
    SPEECH_VERBS.iter().any(|v| t.is(v))
}

/// The speaker as the thread's entity ("Tokayev" → "Kassym-Jomart Tokayev"); a pronoun as the last
/// person named before the quote in the post.
fn resolve(speaker: &str, post: &PostText, at: usize, entities: &[Entity]) -> String {
    let people = entities.iter().filter(|e| e.kind == EntityKind::Person);
    if speaker.eq_ignore_ascii_case("he") || speaker.eq_ignore_ascii_case("she") {
        let before = &post.text[..at];
        return people
            .filter_map(|e| {
                let pos = std::iter::once(&e.name).chain(&e.aliases).filter_map(|f| before.rfind(f.as_str())).max()?;
                Some((pos, e.name.clone()))
            })
            .max()
            .map_or_else(String::new, |(_, name)| name);
    }
    entities
        .iter()
        .find(|e| e.name == speaker || e.aliases.iter().any(|a| a == speaker))
        .map_or_else(|| speaker.to_string(), |e| e.name.clone())
}

/// Lowercase letters and digits only, words single-spaced: how quotes are compared.
fn normalized(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// One quote per statement: a quotation contained in another is the same statement.
fn merge(found: Vec<Quote>) -> Vec<Quote> {
    let mut out: Vec<(String, Quote)> = Vec::new();
    for q in found {
        let norm = normalized(&q.text);
        match out.iter_mut().find(|(n, _)| n.contains(&norm) || norm.contains(n.as_str())) {
            Some((n, kept)) => {
                let posts: Vec<usize> = kept.posts.iter().chain(&q.posts).copied().collect();
                if norm.len() > n.len() {
                    let speaker = q.speaker.clone().or(kept.speaker.take());
                    *kept = Quote { speaker, ..q };
                    *n = norm;
                } else if kept.speaker.is_none() {
                    kept.speaker = q.speaker;
                }
                let mut rest: Vec<usize> = posts.into_iter().filter(|&p| p != kept.post).collect();
                crate::sort::sort(&mut rest);
                rest.dedup();
                kept.posts = std::iter::once(kept.post).chain(rest).collect();
            }
            None => out.push((norm, q)),
        }
    }
    out.into_iter().map(|(_, q)| q).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\"The main mission of the CSTO peacekeeping forces has been successfully completed,\" Tokayev \
        told lawmakers.\n\n“The main mission of the CSTO peacekeeping forces has been successfully completed. In two \
        days, a withdrawal will begin,” Tokayev told a meeting.\n\nHe said: \"we will not leave them behind now.\"";

    #[test]
    fn one_quote_for_a_repeated_statement() {
        let entity = Entity {
            name: "Kassym-Jomart Tokayev".into(),
            kind: EntityKind::Person,
            mentions: 2,
            post: 0,
            aliases: vec!["Tokayev".into()],
            role: None,
        };
        let q = extract(&[PostText::new(0, TEXT, None)], &[entity]);
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q[0].text.starts_with("The main mission") && q[0].text.contains("In two days"));
        assert_eq!(q[0].speaker.as_deref(), Some("Kassym-Jomart Tokayev"));
        assert!(TEXT.contains(&q[0].text));
        assert_eq!(q[1].speaker.as_deref(), Some("Kassym-Jomart Tokayev"));
    }

    #[test]
    fn single_marks_only_with_a_speaker() {
        let text = "Peter Wennink warned. 'You are forcing them to become very innovative,' he told Nieuwsuur. \
                    The so-called 'many, many years of research' plan. Don't say 'it's over' now.";
        let wennink = Entity {
            name: "Peter Wennink".into(),
            kind: EntityKind::Person,
            mentions: 1,
            post: 0,
            aliases: vec![],
            role: None,
        };
        let q = extract(&[PostText::new(0, text, None)], &[wennink]);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].text, "You are forcing them to become very innovative");
        assert_eq!(q[0].speaker.as_deref(), Some("Peter Wennink"));
    }

    #[test]
    fn short_and_unbalanced_quotes() {
        let q = extract(&[PostText::new(0, "a \"scare\" quote and \"an open one that never ends", None)], &[]);
        assert!(q.is_empty());
        for t in ["\"", "“", "”“", "\"\"\"\"", "said \"", "“a b c d” said"] {
            let _ = extract(&[PostText::new(0, t, None)], &[]);
        }
    }
}

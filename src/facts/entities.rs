//! People, organisations and places: capitalized word runs, cut at titles and demonyms, classified with
//! the gazetteers and cue words, then merged (full and short forms, acronyms and their expansions,
//! spelling variants) and ranked by importance in the thread.

use super::gazetteer::{acronym_key, key, GAZETTEER};
use super::hash::{FastMap as HashMap, FastSet as HashSet};
use super::tokens::{with_lower, Token};
use super::PostText;
use crate::model::{Entity, EntityKind};

/// One occurrence of a name in a post.
#[derive(Debug, Clone)]
struct Mention {
    post: usize,
    start: usize,
    /// The form as written ("Tokayev", "CSTO").
    form: String,
    /// What the run says about its kind before merging.
    kind: Option<EntityKind>,
    /// The gazetteer's canonical name, when it knows the form.
    canonical: Option<String>,
    /// Role words written right before the name ("Kazakh President").
    role: Option<String>,
    /// The run came from a demonym ("Kazakh" → Kazakhstan): it counts for an existing entity only.
    demonym: bool,
    /// First word of its sentence: a capital there says nothing about being a name.
    initial: bool,
    /// In running text, not a menu or a Title Case headline: only there can an unknown name start an
    /// entity (it can still be a further mention of one found elsewhere).
    prose: bool,
}

/// An entity being built: its forms and mentions.
#[derive(Debug)]
struct Acc {
    name: String,
    kind: EntityKind,
    forms: Vec<String>,
    mentions: usize,
    posts: Vec<usize>,
    first: (usize, usize),
    role: Option<String>,
}

/// Speech verbs after a single unknown name make it a person ("Tokayev said").
const SPEECH_VERBS: &[&str] = &["said", "says", "told", "added", "announced", "stated", "wrote", "asked", "argued"];

/// Finds the entities of the thread, most important first. `authors` are the thread's posters: their
/// user names are participants, not entities of the story.
pub fn extract(posts: &[PostText], english: bool, authors: &[&str]) -> Vec<Entity> {
    let lower: LowerWords =
        posts.iter().flat_map(|p| p.tokens.iter()).filter(|t| t.is_lower_word()).map(|t| t.text).collect();
    let mut mentions = Vec::new();
    for post in posts {
        find_mentions(post, english, &lower, &mut mentions);
    }
    let total: usize = posts.iter().map(|p| p.text.len()).sum::<usize>().max(1);
    let offsets: Vec<usize> = posts
        .iter()
        .scan(0, |acc, p| {
            let here = *acc;
            *acc += p.text.len();
            Some(here)
        })
        .collect();
    let mut accs = merge(mentions, english);
    accs.retain(|a| !authors.iter().any(|u| u.eq_ignore_ascii_case(&a.name)));
    let mut scored: Vec<(f64, Entity)> = accs
        .into_iter()
        .map(|a| {
            let position = (offsets.get(a.first.0).copied().unwrap_or(0) + a.first.1) as f64 / total as f64;
            let spread = a.posts.len() as f64;
            let score = a.mentions as f64 + 1.5 * (spread - 1.0) + 2.0 * (1.0 - position);
            let aliases = a.forms.iter().filter(|f| **f != a.name).cloned().collect();
            let entity =
                Entity { name: a.name, kind: a.kind, mentions: a.mentions, post: a.first.0, aliases, role: a.role };
            (score, entity)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().map(|(_, e)| e).collect()
}

/// Words the thread writes in lowercase somewhere: a capitalized "Download" or "Rootkit" at the start of
/// a line is then a common word, not a name.
type LowerWords<'a> = HashSet<&'a str>;

/// Capitalized runs of one post, cut into name mentions.
fn find_mentions(post: &PostText, english: bool, lower: &LowerWords, out: &mut Vec<Mention>) {
    let g = &*GAZETTEER;
    let toks = &post.tokens;
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].is_capitalized() || toks[i].text.contains(['\'', '’']) {
            i += 1;
            continue;
        }
        // A run: capitalized words, with connectors ("of", "and") inside when a capital follows. A common
        // word ("Thanks", "Please") starts a new run: flattened text often lost the sentence break before it.
        let mut j = i + 1;
        while j < toks.len() {
            if toks[j].is_capitalized() && adjacent(&toks[j - 1], &toks[j], post.text) && !g.is_not_name(toks[j].text) {
                j += 1;
            } else if toks[j].is_lower_word()
                && g.is_connector(toks[j].text)
                && toks.get(j + 1).is_some_and(|t| t.is_capitalized() && !g.is_not_name(t.text))
            {
                j += 2;
            } else {
                break;
            }
        }
        let shouting = post.shouting(toks[i].start);
        cut_run(post, i, j, english && !shouting, lower, out);
        i = j;
    }
}

/// Two tokens separated by nothing but spaces (no line break: a headline and the next line are apart).
fn adjacent(a: &Token, b: &Token, text: &str) -> bool {
    text.get(a.end..b.start).is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

/// Cuts the run `toks[i..j]` at leading common words, titles and demonyms, and records the name in it.
fn cut_run(post: &PostText, i: usize, j: usize, english: bool, lower: &LowerWords, out: &mut Vec<Mention>) {
    let g = &*GAZETTEER;
    let toks = &post.tokens;
    let span = |a: usize, b: usize| &post.text[toks[a].start..toks[b - 1].end];
    let mut end = j;
    while end > i && toks[end - 1].is_lower_word() {
        end -= 1;
    }
    // "New York MSA": a known name of two or more words at the start is a name of its own.
    if let Some(n) = (2..=g.longest.min(end - i).saturating_sub(1)).rev().find(|&n| g.lookup(span(i, i + n)).is_some())
    {
        cut_run(post, i, i + n, english, lower, out);
        cut_run(post, i + n, end, english, lower, out);
        return;
    }
    // "Clovis, NM": a state or country code after a comma qualifies the name before it.
    if end - i == 1
        && acronym_key(toks[i].text).is_some()
        && i >= 2
        && toks[i - 1].text == ","
        && toks[i - 2].is_capitalized()
    {
        return;
    }
    // Leading common words ("The", "He", "Tuesday", a capitalized verb opening a line) are dropped, unless
    // the run with them is a known name ("New York", "The Hague").
    let mut a = i;
    loop {
        if a >= end {
            return;
        }
        if let Some(known) = g.lookup(span(a, end)) {
            out.push(mention(
                post,
                a,
                span(a, end),
                Some(known.kind),
                Some(known.name.clone()),
                None,
                post.is_initial(a),
            ));
            return;
        }
        let word = toks[a].text;
        let common = g.is_not_name(word)
            || with_lower(word, |w| g.is_connector(w))
            || (post.is_initial(a) && end - a > 1 && with_lower(word, |w| lower.contains(w)));
        if !common {
            break;
        }
        a += 1;
    }
    // A capital after a stripped "The" says something; one at the start of a sentence does not.
    let initial = post.is_initial(a);
    // "Kyrgyzstan and Tajikistan": two names joined by "and", unless the whole is one ("Trinidad and Tobago").
    if let Some(and) = (a + 1..end - 1).find(|&t| toks[t].text == "and") {
        if g.lookup(span(a, and)).is_some() || g.lookup(span(and + 1, end)).is_some() {
            cut_run(post, a, and, english, lower, out);
            cut_run(post, and + 1, end, english, lower, out);
            return;
        }
    }
    let ends_as_org = g.is_org_suffix(toks[end - 1].text);
    // Role words before a name: the last title word ends them ("Benin Ondo Governor Oluwarotimi Akeredolu",
    // "Kazakh President Kassym-Jomart Tokayev"); demonyms and known places in them still count.
    let title_end = (a..end - 1).rev().find(|&t| g.is_title(toks[t].text) && !ends_as_org).map(|t| t + 1);
    let mut k = a;
    let mut titled = false;
    if let Some(t) = title_end {
        for r in a..t {
            record_place_word(post, r, initial, out);
        }
        k = t;
        titled = true;
    } else {
        while k < end - 1 && g.demonym(toks[k].text).is_some() {
            record_place_word(post, k, initial, out);
            k += 1;
        }
    }
    let role = titled.then(|| span(a, k).to_string());
    let role = role.or_else(|| lowercase_role_before(post, a));
    let titled = titled || role.is_some();
    let form = span(k, end);
    let words = end - k;
    if let Some(known) = g.lookup(form) {
        out.push(mention(post, k, form, Some(known.kind), Some(known.name.clone()), None, initial && k == a));
        return;
    }
    if words == 1 {
        if g.demonym(form).is_some() {
            record_place_word(post, k, initial, out);
            return;
        }
        if g.is_title(form) || g.is_not_name(form) || with_lower(form, |w| lower.contains(w)) {
            return;
        }
    }
    if !english && words < 2 {
        return; // Outside English, a capital alone says nothing (German capitalizes every noun).
    }
    // "Physikerin Angela Merkel": a given name inside a longer run starts the person's name.
    if !titled && words >= 3 {
        if let Some(p) = (k + 1..end - 1).find(|&p| g.is_given_name(toks[p].text) && (2..=3).contains(&(end - p))) {
            k = p;
        }
    }
    let form = span(k, end);
    let kind = classify(post, k, end, titled);
    out.push(mention(post, k, form, kind, None, role, initial && k == a));
}

/// The kind of an unknown name `toks[k..end]`, from its own words and the words around it; `None` when
/// nothing says what it is (it may still be a short form of a name found elsewhere: "Tokayev").
fn classify(post: &PostText, k: usize, end: usize, titled: bool) -> Option<EntityKind> {
    let g = &*GAZETTEER;
    let toks = &post.tokens;
    let words = end - k;
    let (first, last) = (toks[k].text, toks[end - 1].text);
    let connector = (k..end).any(|t| toks[t].is_lower_word());
    let known_first = g.lookup(first).map(|known| known.kind);
    // "Clovis, NM", "Savannah, GA", "Paris, France": a name followed by a known place.
    let place_follows = toks.get(end).is_some_and(|t| t.text == ",")
        && toks
            .get(end + 1)
            .is_some_and(|t| t.is_capitalized() && g.lookup(t.text).is_some_and(|k| k.kind == EntityKind::Place));
    let byline = k.checked_sub(1).is_some_and(|p| toks[p].is("by"));
    if words == 1 && is_acronym(first) {
        None // an acronym is an entity only when tied to its expansion or known
    } else if g.is_org_suffix(last)
        || (connector && g.is_org_suffix(first))
        || known_first == Some(EntityKind::Organisation)
    {
        Some(EntityKind::Organisation)
    } else if titled
        || speech_follows(toks, end)
        || ((2..=3).contains(&words) && !connector && (g.is_given_name(first) || byline))
    {
        Some(EntityKind::Person)
    } else if g.is_place_suffix(last) || (connector && g.is_place_head(first)) || place_follows {
        Some(EntityKind::Place)
    } else {
        None
    }
}

/// A demonym or a known place inside role words ("Kazakh" in "Kazakh President") counts for its place.
fn record_place_word(post: &PostText, t: usize, initial: bool, out: &mut Vec<Mention>) {
    let g = &*GAZETTEER;
    let word = post.tokens[t].text;
    if let Some(country) = g.demonym(word) {
        let mut m = mention(post, t, word, Some(EntityKind::Place), Some(country.to_string()), None, initial);
        m.demonym = true;
        out.push(m);
    } else if let Some(known) = g.lookup(word).filter(|k| k.kind == EntityKind::Place) {
        out.push(mention(post, t, word, Some(known.kind), Some(known.name.clone()), None, initial));
    }
}

fn mention(
    post: &PostText,
    tok: usize,
    form: &str,
    kind: Option<EntityKind>,
    canonical: Option<String>,
    role: Option<String>,
    initial: bool,
) -> Mention {
    let prose = canonical.is_some() || post.prose(post.tokens[tok].start);
    Mention {
        post: post.index,
        start: post.tokens[tok].start,
        form: form.to_string(),
        kind,
        canonical,
        role,
        demonym: false,
        initial,
        prose,
    }
}

/// "Kazakhstan's president Kassym-Jomart Tokayev": a lowercase title right before the name, after a
/// possessive place, is the person's role as the text gives it.
fn lowercase_role_before(post: &PostText, i: usize) -> Option<String> {
    let toks = &post.tokens;
    let title = toks.get(i.checked_sub(1)?)?;
    if !(title.is_lower_word() && GAZETTEER.is_title(title.text)) {
        return None;
    }
    let mut start = i - 1;
    if i >= 3 && toks[i - 2].is_possessive() && toks[i - 3].is_capitalized() {
        start = i - 3;
    } else if i >= 2 && toks[i - 2].is_capitalized() && GAZETTEER.demonym(toks[i - 2].text).is_some() {
        start = i - 2;
    }
    Some(post.text[toks[start].start..title.end].to_string())
}

fn is_acronym(form: &str) -> bool {
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && form.chars().all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit())
}

fn speech_follows(toks: &[Token], end: usize) -> bool {
    let mut k = end;
    if toks.get(k).is_some_and(|t| t.is_possessive()) {
        return false;
    }
    if toks.get(k).is_some_and(|t| t.text == ",") {
        k += 1;
    }
    toks.get(k).is_some_and(|t| SPEECH_VERBS.iter().any(|v| t.is(v)))
}

/// Groups mentions into entities: same canonical key; acronyms onto the name whose initials they are;
/// single words onto the person or organisation whose name ends (or starts) with them.
fn merge(mentions: Vec<Mention>, english: bool) -> Vec<Acc> {
    let mut accs: Vec<Acc> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    // Longest forms first, so short forms and acronyms find what they stand for.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&m| (mentions[m].demonym, std::cmp::Reverse(mentions[m].form.split_whitespace().count())));
    let mut assigned: Vec<Option<usize>> = vec![None; mentions.len()];
    for &m in &order {
        let mention = &mentions[m];
        let form_key = key(&mention.form);
        let canon_key = mention.canonical.as_deref().map(key);
        let existing = canon_key
            .as_ref()
            .and_then(|k| by_key.get(k))
            .or_else(|| by_key.get(&form_key))
            .copied()
            .or_else(|| short_form_of(&accs, mention));
        let idx = match existing {
            Some(idx) => idx,
            None if mention.demonym || !mention.prose => continue,
            None => {
                let Some(kind) = mention.kind else { continue };
                accs.push(Acc {
                    name: mention.form.clone(),
                    kind,
                    forms: Vec::new(),
                    mentions: 0,
                    posts: Vec::new(),
                    first: (usize::MAX, usize::MAX),
                    role: None,
                });
                accs.len() - 1
            }
        };
        assigned[m] = Some(idx);
        let acc = &mut accs[idx];
        if !mention.demonym && !acc.forms.iter().any(|f| key(f) == form_key) {
            acc.forms.push(mention.form.clone());
        }
        if mention.kind == Some(EntityKind::Person) && acc.kind != EntityKind::Person && mention.canonical.is_none() {
            // A title or speech verb is stronger evidence than the default guess.
            if acc.forms.len() == 1 {
                acc.kind = EntityKind::Person;
            }
        }
        by_key.entry(form_key).or_insert(idx);
        if let Some(k) = canon_key {
            by_key.entry(k).or_insert(idx);
        }
        if acc.role.as_ref().is_none_or(|r| mention.role.as_ref().is_some_and(|n| n.len() > r.len())) {
            acc.role = mention.role.clone().or(acc.role.take());
        }
    }
    for (m, idx) in assigned.iter().enumerate() {
        let Some(idx) = *idx else { continue };
        let acc = &mut accs[idx];
        acc.mentions += 1;
        if !acc.posts.contains(&mentions[m].post) {
            acc.posts.push(mentions[m].post);
        }
        acc.first = acc.first.min((mentions[m].post, mentions[m].start));
    }
    // The name shown is the fullest form the page uses; single words need more than a sentence-initial
    // capital to count as a name.
    for acc in &mut accs {
        let fullest = acc.forms.iter().fold(None::<&String>, |best, f| match best {
            Some(b) if (b.split_whitespace().count(), b.len()) >= (f.split_whitespace().count(), f.len()) => Some(b),
            _ => Some(f),
        });
        if let Some(fullest) = fullest {
            acc.name = fullest.clone();
        }
        acc.posts.sort_unstable();
    }
    let solid: Vec<bool> = accs
        .iter()
        .enumerate()
        .map(|(idx, acc)| {
            let multi = acc.forms.iter().any(|f| f.split_whitespace().count() > 1);
            let multi_inside = mentions
                .iter()
                .zip(&assigned)
                .any(|(m, a)| *a == Some(idx) && !m.initial && m.form.split_whitespace().count() > 1);
            let known = mentions.iter().zip(&assigned).any(|(m, a)| *a == Some(idx) && m.canonical.is_some());
            let non_initial = mentions.iter().zip(&assigned).filter(|(m, a)| **a == Some(idx) && !m.initial).count();
            let cued = acc.role.is_some() || acc.kind != EntityKind::Person || acc.mentions >= 2;
            known
                || (english && (multi || (non_initial >= 1 && cued) || is_acronym(&acc.name)))
                || (!english && multi_inside)
        })
        .collect();
    accs.into_iter().zip(solid).filter(|(a, s)| *s && a.mentions > 0).map(|(a, _)| a).collect()
}

/// The entity a short form stands for: "Tokayev" → "Kassym-Jomart Tokayev", "CSTO" → "Collective
/// Security Treaty Organisation". Ambiguous short forms go to the entity mentioned most.
fn short_form_of(accs: &[Acc], mention: &Mention) -> Option<usize> {
    let form = mention.form.as_str();
    if form.contains(' ') {
        return None;
    }
    let acronym = is_acronym(form);
    let letters: String = form.chars().filter(|c| c.is_alphabetic()).collect();
    accs.iter()
        .enumerate()
        .filter(|(_, a)| {
            a.forms.iter().any(|f| {
                let words: Vec<&str> = f.split_whitespace().collect();
                if words.len() < 2 {
                    return false;
                }
                if acronym {
                    let initials: String = words
                        .iter()
                        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                        .filter_map(|w| w.chars().next())
                        .collect();
                    initials == letters
                } else {
                    a.kind == EntityKind::Person && (words.last() == Some(&form) || words.first() == Some(&form))
                }
            })
        })
        .max_by_key(|(_, a)| a.forms.len())
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::PostText;

    fn names(text: &str) -> Vec<Entity> {
        let post = PostText::new(0, text, None);
        extract(&[post], true, &[])
    }

    #[test]
    fn merges_full_short_and_titled_forms() {
        let e = names("President Kassym-Jomart Tokayev spoke to the parliament. \"It is over,\" Tokayev told lawmakers. Tokayev's rule.");
        assert_eq!(e[0].name, "Kassym-Jomart Tokayev");
        assert_eq!(e[0].kind, EntityKind::Person);
        assert_eq!(e[0].mentions, 3);
        assert_eq!(e[0].role.as_deref(), Some("President"));
    }

    #[test]
    fn ties_acronyms_and_spellings() {
        let e = names(
            "The alliance, the Collective Security Treaty Organisation at his request. The CSTO forces left. \
             The Collective Security Treaty Organization answered.",
        );
        let csto: Vec<&Entity> = e.iter().filter(|e| e.name.starts_with("Collective")).collect();
        assert_eq!(csto.len(), 1, "{e:?}");
        assert_eq!(csto[0].kind, EntityKind::Organisation);
        assert!(csto[0].aliases.iter().any(|a| a == "CSTO"));
        assert_eq!(csto[0].mentions, 3);
    }

    #[test]
    fn demonyms_count_but_create_nothing() {
        let e = names(
            "Kazakh President Kassym-Jomart Tokayev met Russian envoys in Almaty. Russia agreed. The Soviet past.",
        );
        let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Almaty") && names.contains(&"Russia"), "{names:?}");
        assert!(!names.contains(&"Kazakhstan") && !names.contains(&"Soviet") && !names.contains(&"The"));
        let russia = e.iter().find(|e| e.name == "Russia").map(|e| e.mentions);
        assert_eq!(russia, Some(2));
        let person = e.iter().find(|e| e.kind == EntityKind::Person).and_then(|e| e.role.clone());
        assert_eq!(person.as_deref(), Some("Kazakh President"));
    }

    #[test]
    fn sentence_starters_and_days_are_not_names() {
        let e = names("Tuesday was calm. He said so. In January, They left. However it rained.");
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn german_nouns_are_not_names() {
        let e = extract(
            &[PostText::new(
                0,
                "Die Regierung hat das Gesetz gestern in Berlin beschlossen, sagte Angela Merkel.",
                None,
            )],
            false,
            &[],
        );
        let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Berlin") && names.contains(&"Angela Merkel"), "{names:?}");
        assert!(!names.contains(&"Regierung") && !names.contains(&"Gesetz"), "{names:?}");
    }
}

//! Name mentions in a post: capitalized word runs, cut at common words, titles and demonyms, each
//! classified with the gazetteers and the cue words around it. `entities` groups them into entities.

use super::gazetteer::{acronym_key, GAZETTEER};
use super::hash::FastSet as HashSet;
use super::tokens::{with_lower, Token};
use super::PostText;
use crate::model::EntityKind;

/// One occurrence of a name in a post.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub(super) post: usize,
    pub(super) start: usize,
    /// The form as written ("Tokayev", "CSTO").
    pub(super) form: String,
    /// What the run says about its kind before merging.
    pub(super) kind: Option<EntityKind>,
    /// The gazetteer's canonical name, when it knows the form.
    pub(super) canonical: Option<String>,
    /// Role words written right before the name ("Kazakh President").
    pub(super) role: Option<String>,
    /// The run came from a demonym ("Kazakh" → Kazakhstan): it counts for an existing entity only.
    pub(super) demonym: bool,
    /// First word of its sentence: a capital there says nothing about being a name.
    pub(super) initial: bool,
    /// In running text, not a menu or a Title Case headline: only there can an unknown name start an
    /// entity (it can still be a further mention of one found elsewhere).
    pub(super) prose: bool,
}

/// Places the gazetteer knows whose names are also common words or given names ("Nice!", "Reading
/// this…", "Jordan said"): they are places only with context, a preposition of place before them ("in
/// Nice", "from Phoenix") or a place, country or state code after them ("Nice, France", "Mobile AL").
const COMMON_WORD_PLACES: &[&str] = &[
    "nice",
    "reading",
    "mobile",
    "bath",
    "split",
    "orange",
    "phoenix",
    "florence",
    "austin",
    "chad",
    "jordan",
    "georgia",
    "victoria",
    "eugene",
    "jackson",
    "lincoln",
    "sydney",
    "paris",
    "dallas",
    "chester",
    "deal",
    "hope",
    "normal",
    "sale",
    "york",
    "warren",
    "marion",
    "troy",
    "salem",
    "independence",
];

/// Two-letter codes that name a country wherever they stand ("the US", "in the UK"): no context needed.
const COUNTRY_CODES: &[&str] = &["US", "UK", "EU"];

/// Words before a place name that say it is one: "in Nice", "from Phoenix", "near Reading".
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "from", "to", "near", "around", "outside", "across", "via", "towards", "toward", "visit", "visited",
    "visiting", "into", "through", "of",
];

/// Speech verbs after a single unknown name make it a person ("Tokayev said").
const SPEECH_VERBS: &[&str] = &["said", "says", "told", "added", "announced", "stated", "wrote", "asked", "argued"];

/// Words the thread writes in lowercase somewhere: a capitalized "Download" or "Rootkit" at the start of
/// a line is then a common word, not a name.
pub(super) type LowerWords<'a> = HashSet<&'a str>;

/// Capitalized runs of one post, cut into name mentions.
pub(super) fn find_mentions(post: &PostText, english: bool, lower: &LowerWords, out: &mut Vec<Mention>) {
    let g = &*GAZETTEER;
    let toks = &post.tokens;
    // "https://www.youtube.com/embed/CEV1esZOKsQ": nothing inside a URL is a name.
    let urls = super::numbers::url_spans(post.text);
    let mut i = 0;
    while i < toks.len() {
        if let Some(known) = toks[i].is_lower_word().then(|| g.lower_brand(toks[i].text)).flatten() {
            // "on facebook": forum posters write some brands in lowercase. Not "www.youtube.com": a
            // domain is a link, not a mention.
            if in_domain(toks, i) {
                i += 1;
                continue;
            }
            let initial = post.is_initial(i);
            out.push(mention(post, i, toks[i].text, Some(known.kind), Some(known.name.to_string()), None, initial));
            i += 1;
            continue;
        }
        let in_link = super::numbers::in_spans(&urls, toks[i].start()) || in_url(toks, i);
        if !toks[i].is_capitalized() || toks[i].text.contains(['\'', '’']) || in_link {
            i += 1;
            continue;
        }
        // A run: capitalized words, with connectors ("of", "and") inside when a capital follows. A common
        // word ("Thanks", "Please") starts a new run: flattened text often lost the sentence break before it.
        let mut j = i + 1;
        while j < toks.len() {
            if middle_initial(toks, j, post.text) {
                j += 2; // "Torsten A. Lange", "George W. Bush": the initial's dot stays inside the name
            } else if toks[j].is_capitalized()
                && adjacent(&toks[j - 1], &toks[j], post.text)
                && !g.is_not_name(toks[j].text)
            {
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
        let shouting = post.shouting(toks[i].start());
        // "Shadow Fox said:": a board's quote header names a participant, not an entity of the story; so
        // does "@FishMonster", a reply's call to a poster.
        let quote_header = quote_header_at(toks, j);
        let called = i.checked_sub(1).is_some_and(|p| toks[p].text == "@" && toks[p].end() == toks[i].start());
        if !quote_header && !called {
            cut_run(post, i, j, english && !shouting, lower, out);
        }
        i = j;
    }
}

/// The verbs of boards' quote headers ("Shadow Fox said:", "mista schrieb:"), in the boards' languages.
const QUOTE_VERBS: &[&str] = &["said", "wrote", "says", "writes", "schrieb", "escribió", "escreveu", "scrisse"];
/// Words a user name may hold between the run and its quote header's verb: "Tony Robbins’ Trampoline
/// said:" (the apostrophe cut the run).
const MAX_HEADER_TAIL: usize = 3;

/// A quote header's verb and colon (`said:`, `schrieb:`) or XenForo's `: ↑` at token `j`, or after a few more capitalised words and apostrophes of the same
/// user name: the run before it is a participant quoted by a board.
fn quote_header_at(toks: &[Token], j: usize) -> bool {
    let mut k = j;
    while k < toks.len() && k - j < MAX_HEADER_TAIL && (toks[k].is_capitalized() || matches!(toks[k].text, "’" | "'"))
    {
        k += 1;
    }
    let verb = toks.get(k).is_some_and(|t| QUOTE_VERBS.iter().any(|v| t.is(v)))
        && toks.get(k + 1).is_some_and(|t| t.text == ":");
    // XenForo 2 writes "Matt Stephens: ↑" (the arrow links to the quoted post).
    let arrow = toks.get(k).is_some_and(|t| t.text == ":") && toks.get(k + 1).is_some_and(|t| t.text == "↑");
    verb || arrow
}

/// The token is glued to a dot on either side: part of a domain or URL ("www.youtube.com").
pub(super) fn in_domain(toks: &[Token], i: usize) -> bool {
    let dot = |t: &Token| t.text == "." || t.text == "/";
    i.checked_sub(1).is_some_and(|p| dot(&toks[p]) && toks[p].end() == toks[i].start())
        || toks.get(i + 1).is_some_and(|n| dot(n) && n.start() == toks[i].end())
}

/// A capitalized word of a bare domain or query: "www.BobsRentals.com", "?id=RentalSource" (URLs with
/// a scheme are cut out whole). Not after a lone "/": "Hilton Head/Beaufort" is prose.
fn in_url(toks: &[Token], i: usize) -> bool {
    let glued_before = |p: usize| toks[p].end() == toks[i].start();
    let prev_url = i.checked_sub(1).is_some_and(|p| {
        glued_before(p)
            && (matches!(toks[p].text, "=" | "?" | "&")
                || (toks[p].text == "." && p > 0 && toks[p - 1].end() == toks[p].start() && toks[p - 1].is("www")))
    });
    let next_domain = toks.get(i + 1).is_some_and(|d| d.text == "." && d.start() == toks[i].end())
        && toks.get(i + 2).is_some_and(|w| w.is_lower_word() && w.start() == toks[i].end() + 1);
    prev_url || next_domain
}

/// Two tokens separated by nothing but spaces (no line break: a headline and the next line are apart).
fn adjacent(a: &Token, b: &Token, text: &str) -> bool {
    text.get(a.end()..b.start()).is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

/// Cuts the run `toks[i..j]` at leading common words, titles and demonyms, and records the name in it.
fn cut_run(post: &PostText, i: usize, j: usize, english: bool, lower: &LowerWords, out: &mut Vec<Mention>) {
    let g = &*GAZETTEER;
    let toks = &post.tokens;
    let span = |a: usize, b: usize| &post.text[toks[a].start()..toks[b - 1].end()];
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
    // "the new ASML CEO": a title ending a run names nobody; the words before it are the name.
    while end > i + 1 && g.is_title(toks[end - 1].text) && !g.is_org_suffix(toks[end - 1].text) {
        end -= 1;
    }
    // "ASML EUV machine", "Huawei Kirin 9000S": a known organisation opening a longer unknown run is named
    // on its own; what follows is a product or a model, not part of its name. Not when the run ends as an
    // organisation ("Kaspersky Lab") or holds a title ("ASML CEO Peter Wennink": the role words below).
    if end - i >= 2
        && g.lookup(toks[i].text).is_some_and(|k| k.kind == EntityKind::Organisation)
        && g.lookup(span(i, end)).is_none()
        && !g.is_org_suffix(toks[end - 1].text)
        && !(i + 1..end).any(|t| g.is_title(toks[t].text))
    {
        cut_run(post, i, i + 1, english, lower, out);
        cut_run(post, i + 1, end, english, lower, out);
        return;
    }
    // "Princess Molestia Tumblr blog": a known organisation ending a longer unknown run is named on its
    // own; the words before it are a name of their own (the blog's), not part of the organisation's.
    if end - i >= 2
        && g.lookup(toks[end - 1].text).is_some_and(|k| k.kind == EntityKind::Organisation)
        && g.lookup(span(i, end)).is_none()
        && g.lookup(span(i, end - 1)).is_none_or(|k| k.kind != EntityKind::Organisation)
        && !(i..end).any(|t| toks[t].is_lower_word())
    {
        cut_run(post, i, end - 1, english, lower, out);
        cut_run(post, end - 1, end, english, lower, out);
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
            if !placed(post, a, end, known) {
                return;
            }
            out.push(mention(
                post,
                a,
                span(a, end),
                Some(known.kind),
                Some(known.name.to_string()),
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
    // A capital after a stripped "The" says something; one at the start of a sentence does not. After
    // "Dr." the sentence splitter may see a new sentence; the title says it is a name all the same.
    let dotted = dotted_title_before(post, a);
    let initial = post.is_initial(a) && dotted.is_none();
    // "Kyrgyzstan and Tajikistan": two names joined by "and", unless the whole is one ("Trinidad and Tobago").
    if let Some(and) = (a + 1..end - 1).find(|&t| toks[t].text == "and") {
        // Also "Michael Comacho and Jake the Hawk": a side that opens with a given name is a person.
        let person = |from: usize, to: usize| (2..=3).contains(&(to - from)) && g.is_given_name(toks[from].text);
        if g.lookup(span(a, and)).is_some()
            || g.lookup(span(and + 1, end)).is_some()
            || person(a, and)
            || (and + 1 < end && g.is_given_name(toks[and + 1].text))
        {
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
    let role = role.or_else(|| lowercase_role_before(post, a)).or(dotted);
    let titled = titled || role.is_some();
    let form = span(k, end);
    let words = end - k;
    if let Some(known) = g.lookup(form) {
        if !placed(post, k, end, known) {
            return;
        }
        out.push(mention(post, k, form, Some(known.kind), Some(known.name.to_string()), None, initial && k == a));
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
    // "Nazi Germany", "Greater London": nothing says what the whole is, but it ends with a known place.
    let last_is_code = acronym_key(toks[end - 1].text).is_some(); // "DC-9", "Central CA": codes mislead
    if kind.is_none() && end - k >= 2 && !last_is_code && !(k..end).any(|t| toks[t].is_lower_word()) {
        if let Some(known) = g.lookup(toks[end - 1].text).filter(|known| known.kind == EntityKind::Place) {
            let (word, name) = (toks[end - 1].text, known.name.to_string());
            out.push(mention(post, end - 1, word, Some(EntityKind::Place), Some(name), None, false));
            return;
        }
    }
    out.push(mention(post, k, form, kind, None, role, initial && k == a));
}

/// A known name that is also a common word (`COMMON_WORD_PLACES`) is the place only with context: a
/// preposition of place before it, or a known place, country or state code after it. Other names
/// need nothing.
fn placed(post: &PostText, k: usize, end: usize, known: &super::gazetteer::Known) -> bool {
    let g = &*GAZETTEER;
    let toks = &post.tokens;
    let word = toks[k].text;
    // "SD", "CT", "GA": a two-letter code is a state only in context (an SD card, a CT scan, GA
    // releases), except the few codes a forum writes for countries.
    let code = word.len() == 2 && is_acronym(word) && !COUNTRY_CODES.contains(&word);
    if known.kind != EntityKind::Place
        || end - k != 1
        || !(code || COMMON_WORD_PLACES.contains(&word.to_lowercase().as_str()))
    {
        return true;
    }
    let before = k.checked_sub(1).is_some_and(|p| PLACE_PREPOSITIONS.iter().any(|w| toks[p].is(w)));
    let n = end + usize::from(toks.get(end).is_some_and(|t| t.text == ","));
    let after = toks.get(n).is_some_and(|t| {
        t.is_capitalized()
            && (acronym_key(t.text).is_some() || g.lookup(t.text).is_some_and(|x| x.kind == EntityKind::Place))
    });
    before || after
}

/// The kind of an unknown name `toks[k..end]`, from its own words and the words around it; `None` when
/// nothing says what it is (it may still be a short form of a name found elsewhere: "Tokayev").
fn classify(post: &PostText, k: usize, end: usize, titled: bool) -> Option<EntityKind> {
    let g = &*GAZETTEER;
    let toks = &post.tokens;
    let words = (k..end).filter(|&t| toks[t].is_word()).count(); // the dot of "W." is no word
    let (first, last) = (toks[k].text, toks[end - 1].text);
    let connector = (k..end).any(|t| toks[t].is_lower_word());
    let known_first = g.lookup(first).map(|known| known.kind);
    // "Clovis, NM", "Savannah, GA", "Paris, France": a name followed by a known place.
    let place_follows = toks.get(end).is_some_and(|t| t.text == ",")
        && toks
            .get(end + 1)
            .is_some_and(|t| t.is_capitalized() && g.lookup(t.text).is_some_and(|k| k.kind == EntityKind::Place));
    // A byline opens its line ("By Osagie Otabor, Benin"); "created by Docker Compose" names a tool.
    let byline = k.checked_sub(1).is_some_and(|p| {
        toks[p].is("by")
            && (toks[p].text == "By"
                || post.text[..toks[p].start()].trim_end_matches([' ', '\t']).ends_with('\n')
                || toks[p].start() == 0)
    });
    let org_cued = org_head_before(toks, k) || org_role_after(toks, end) || listed_with_org(toks, k, end);
    if words == 1 && is_acronym(first) {
        // An acronym is an entity only when tied to its expansion, known, or cued as an organisation
        // ("chipmaker SMIC", "SMIC engineers").
        org_cued.then_some(EntityKind::Organisation)
    } else if (org_cued && !connector && words <= 3 && !g.is_given_name(first))
        || (words == 1 && is_camel_case(first) && !is_code_identifier(first))
        || g.is_org_suffix(last)
        || (connector && g.is_org_suffix(first))
        || known_first == Some(EntityKind::Organisation)
    {
        Some(EntityKind::Organisation)
    } else if titled
        || speech_follows(toks, end)
        || ((2..=3).contains(&words) && !connector && (g.is_given_name(first) || byline || role_follows(toks, end)))
    {
        Some(EntityKind::Person)
    } else if (words >= 2 && g.is_place_suffix(last))
        || (connector && g.is_place_head(first))
        || place_follows
        || place_noun_of(toks, k)
    {
        Some(EntityKind::Place)
    } else if spelled_out(toks, k, end) {
        Some(EntityKind::Organisation)
    } else {
        None
    }
}

/// "Quiet Harbour Rowing Collective (QHRC)" or "QHRC (Quiet Harbour Rowing Collective)": a run the text
/// itself ties to an acronym of its capitalised words' initials names something, even when no gazetteer
/// knows it; most often an organisation. Checked after the place cues, so "United Arab Emirates (UAE)"
/// stays a place; never for a run ending in a word for a thing (`THINGS`). The acronym then merges onto the run as its alias (`entities::short_form_of`).
fn spelled_out(toks: &[Token], k: usize, end: usize) -> bool {
    // Laws, diseases, measures and formats are spelled out as often as organisations ("General Data
    // Protection Regulation (GDPR)" in a labelled thread), but they are none of the entity kinds.
    const THINGS: &[&str] = &[
        "regulation",
        "act",
        "directive",
        "law",
        "treaty",
        "agreement",
        "protocol",
        "standard",
        "disease",
        "syndrome",
        "disorder",
        "index",
        "product",
        "rate",
        "format",
        "text",
        "interface",
        "language",
        "test",
        "score",
    ];
    if THINGS.iter().any(|w| toks[end - 1].text.eq_ignore_ascii_case(w)) {
        return false;
    }
    let initials: String =
        toks[k..end].iter().filter(|t| t.is_capitalized()).filter_map(|t| t.text.chars().next()).collect();
    // One initial is no acronym; `is_acronym` caps the other end.
    if initials.chars().count() < 2 {
        return false;
    }
    let is_acronym_of_run = |t: Option<&Token>| {
        t.is_some_and(|t| is_acronym(t.text) && t.text.chars().filter(|c| c.is_alphabetic()).eq(initials.chars()))
    };
    let bracket = |i: usize, c: &str| toks.get(i).is_some_and(|t| t.text == c);
    let acronym_after = bracket(end, "(") && is_acronym_of_run(toks.get(end + 1)) && bracket(end + 2, ")");
    let acronym_before = k >= 2 && bracket(k - 1, "(") && is_acronym_of_run(toks.get(k - 2)) && bracket(end, ")");
    acronym_after || acronym_before
}

/// A demonym or a known name inside role words ("Kazakh" in "Kazakh President", "ASML" in "ASML CEO")
/// counts for its entity.
fn record_place_word(post: &PostText, t: usize, initial: bool, out: &mut Vec<Mention>) {
    let g = &*GAZETTEER;
    let word = post.tokens[t].text;
    if let Some(country) = g.demonym(word) {
        let mut m = mention(post, t, word, Some(EntityKind::Place), Some(country.to_string()), None, initial);
        m.demonym = true;
        out.push(m);
    } else if let Some(known) = g.lookup(word) {
        // A known place or organisation in role words: "Ondo Governor", "ASML CEO".
        out.push(mention(post, t, word, Some(known.kind), Some(known.name.to_string()), None, initial));
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
    // A known two-letter acronym ("CA", "EA") in a table of codes is a code: it needs running text too.
    let short_code = form.chars().filter(|c| c.is_alphabetic()).count() <= 2 && is_acronym(form);
    let prose = (canonical.is_some() && !short_code) || post.prose(post.tokens[tok].start());
    Mention {
        post: post.index,
        start: post.tokens[tok].start(),
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
    Some(post.text[toks[start].start()..title.end()].to_string())
}

pub(super) fn is_acronym(form: &str) -> bool {
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

/// Lowercase nouns that name what an organisation is, right before its name: "chipmaker SMIC", "the
/// broadcaster Nieuwsuur", "social network Facebook". Any word ending in "maker" counts too ("carmaker").
/// Not "startup": "PC startup View original" is booting.
const ORG_HEADS: &[&str] = &[
    "company",
    "firm",
    "manufacturer",
    "retailer",
    "brand",
    "platform",
    "network",
    "website",
    "broadcaster",
    "newspaper",
    "publisher",
    "agency",
    "supplier",
    "airline",
    "bank",
    "insurer",
    "outlet",
    "charity",
    "developer",
    "studio",
    "vendor",
    "conglomerate",
    "giant",
    "subsidiary",
    "rival",
    "rivals",
    "competitor",
    "competitors",
    "brands",
    "companies",
    "firms",
    "platforms",
    "manufacturers",
];

/// Lowercase nouns right after a name (or its possessive) that only organisations have: "ASML CEO",
/// "SMIC engineers", "ASML's headquarters", "Discord servers".
const ORG_ROLES: &[&str] = &[
    "ceo",
    "cfo",
    "cto",
    "coo",
    "chairman",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "employees",
    "engineers",
    "staff",
    "shares",
    "stock",
    "headquarters",
    "executives",
    "founder",
    "founders",
    "shareholders",
    "subsidiary",
    "servers",
    "headquarter",
    "workforce",
];

/// Role nouns in an appositive after a person's name: "Lin Nan, ASML's former head of ...".
const PERSON_ROLES: &[&str] = &[
    "head",
    "chief",
    "founder",
    "director",
    "analyst",
    "editor",
    "reporter",
    "author",
    "successor",
    "predecessor",
    "boss",
    "manager",
    "engineer",
    "researcher",
    "scientist",
    "professor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ceo",
    "chairman",
    "chairwoman",
    "president",
    "minister",
    "leader",
];

/// Lowercase nouns of places before "of": "the Dutch town of Veldhoven", "the city of Fairfield".
const PLACE_NOUNS: &[&str] =
    &["town", "city", "village", "suburb", "province", "region", "county", "capital", "state", "island", "port"];

fn org_head_before(toks: &[Token], k: usize) -> bool {
    let Some(prev) = k.checked_sub(1).map(|p| &toks[p]) else { return false };
    prev.is_lower_word() && (ORG_HEADS.contains(&prev.text) || (prev.text.len() > 6 && prev.text.ends_with("maker")))
}

fn org_role_after(toks: &[Token], end: usize) -> bool {
    let mut k = end;
    if toks.get(k).is_some_and(|t| t.is_possessive()) {
        k += 1;
        // "ASML's former head", "SMIC's new CEO"
        if toks.get(k).is_some_and(|t| ["former", "new", "own", "chief"].contains(&t.text)) {
            k += 1;
        }
    }
    toks.get(k).is_some_and(|t| with_lower(t.text, |w| ORG_ROLES.contains(&w)))
}

/// "Shopify, Wix, Sellvia and others", "ASML, Canon, or Nikon": a name in a list beside a known
/// organisation is one too. Walks the list both ways over single capitalized names.
fn listed_with_org(toks: &[Token], k: usize, end: usize) -> bool {
    let g = &*GAZETTEER;
    if end != k + 1 {
        return false; // lists of brands are single words; "Lin Nan, ASML's former head" is an appositive
    }
    let is_org = |j: usize| {
        g.lookup(toks[j].text).is_some_and(|known| known.kind == EntityKind::Organisation)
            && !toks.get(j + 1).is_some_and(|t| t.is_possessive())
    };
    let sep = |t: &Token| t.text == "," || t.is("and") || t.is("or");
    // Rightwards: ", X", "and X", ", or X".
    let mut j = end;
    for _ in 0..6 {
        while toks.get(j).is_some_and(sep) {
            j += 1;
        }
        if j == end || !toks.get(j).is_some_and(|t| t.is_capitalized()) {
            break;
        }
        if is_org(j) {
            return true;
        }
        j += 1;
    }
    // Leftwards.
    let mut j = k;
    for _ in 0..6 {
        let mut p = j;
        while p > 0 && sep(&toks[p - 1]) {
            p -= 1;
        }
        if p == j || p == 0 || !toks[p - 1].is_capitalized() {
            break;
        }
        if is_org(p - 1) {
            return true;
        }
        j = p - 1;
    }
    false
}

/// "Lin Nan, ASML's former head of light source technology": an appositive that gives a role.
fn role_follows(toks: &[Token], end: usize) -> bool {
    if toks.get(end).is_none_or(|t| t.text != ",") {
        return false;
    }
    toks.iter()
        .skip(end + 1)
        .take(5)
        .take_while(|t| t.kind != super::tokens::Kind::Punct || t.is_possessive())
        .any(|t| with_lower(t.text, |w| PERSON_ROLES.contains(&w)))
}

/// "the Dutch town of Veldhoven": a place noun and "of" right before the name.
fn place_noun_of(toks: &[Token], k: usize) -> bool {
    k >= 2 && toks[k - 1].is("of") && toks[k - 2].is_lower_word() && PLACE_NOUNS.contains(&toks[k - 2].text)
}

/// "A." between two capitalized words of a run: a middle initial.
fn middle_initial(toks: &[Token], j: usize, text: &str) -> bool {
    let (Some(letter), Some(dot), Some(next)) = (toks.get(j), toks.get(j + 1), toks.get(j + 2)) else { return false };
    letter.is_capitalized()
        && letter.text.chars().count() == 1
        && adjacent(&toks[j - 1], letter, text)
        && dot.text == "."
        && dot.start() == letter.end()
        && next.is_capitalized()
        && adjacent(dot, next, text)
}

/// "Dr. Mengele", "Mr. Smith": a title abbreviation and its dot right before the name.
fn dotted_title_before(post: &PostText, i: usize) -> Option<String> {
    let toks = &post.tokens;
    let (title, dot) = (toks.get(i.checked_sub(2)?)?, toks.get(i - 1)?);
    // "Dr." and "Mrs." are written in Title case; "MS." ends a sentence about multiple sclerosis.
    let title_case = title.text.chars().skip(1).all(char::is_lowercase);
    (dot.text == "."
        && dot.start() == title.end()
        && title.is_capitalized()
        && title_case
        && GAZETTEER.is_title(title.text))
    .then(|| post.text[title.start()..dot.end()].to_string())
}

/// Last parts of camel-case words that name things in program code ("ValueError", "MainThread",
/// "TextArea", "KeyboardInterrupt"): identifiers, not brands.
const CODE_TAILS: &[&str] = &[
    "Error",
    "Exception",
    "Warning",
    "Interrupt",
    "Exit",
    "Iteration",
    "Thread",
    "Area",
    "Handler",
    "Event",
    "Type",
    "Class",
    "Object",
    "Value",
    "Config",
    "Manager",
    "Factory",
    "Builder",
    "Buffer",
    "Stream",
    "Reader",
    "Writer",
    "List",
    "Array",
    "String",
    "Controller",
    "Component",
    "Element",
    "Listener",
    "Callback",
    "Request",
    "Response",
    "Context",
    "Provider",
    "Exit",
];

/// A camel-case word ending in a part that names a thing in code (`CODE_TAILS`).
fn is_code_identifier(word: &str) -> bool {
    CODE_TAILS.iter().any(|t| word.len() > t.len() && word.ends_with(t))
}

/// "DeviantArt", "WordReference", "StatCounter": a capital inside a word after two lowercase letters
/// marks a brand or a site. Not "McCain" or "MacDonald" (surnames) and not "LaTeX" (one letter before).
fn is_camel_case(word: &str) -> bool {
    if word.starts_with("Mc")
        || word.starts_with("Mac")
        || !word.chars().next().is_some_and(char::is_uppercase)
        || !word.chars().all(char::is_alphabetic)
    {
        return false;
    }
    let mut lower_run = 0;
    for c in word.chars().skip(1) {
        if c.is_lowercase() {
            lower_run += 1;
        } else if c.is_uppercase() && lower_run >= 2 {
            return true;
        } else {
            lower_run = 0;
        }
    }
    false
}

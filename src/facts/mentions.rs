//! Name mentions in a post: capitalized word runs, cut at common words, titles and demonyms, each
//! classified with the gazetteers and the cue words around it. `entities` groups them into entities.

use super::gazetteer::{acronym_key, GAZETTEER};
use super::hash::FastSet as HashSet;
use super::tokens::{with_lower, Token};
use super::PostText;
use crate::model::EntityKind;

// The cues that tell a run's kind, and the headers that name posters, live beside this file.
#[path = "mentions_headers.rs"]
mod headers;
#[path = "mentions_kinds.rs"]
mod kinds;
#[path = "mentions_places.rs"]
mod places;
#[path = "mentions_products.rs"]
mod products;
#[path = "mentions_run.rs"]
mod run;
use headers::{post_header_line, posted_by, quote_header_at};
pub(super) use kinds::club_town;
use kinds::{classify, dotted_title_before, indefinite_before, middle_initial};
use places::placed;
use run::Run;

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
    /// Cut from a run at an "and" ("Devine and Scarlett"): for the fact evaluation's breakdown only.
    pub(super) from_and: bool,
    /// Read as an organisation, but a product or a program ("WordPress", "M2 Air"): see `products`.
    pub(super) product: bool,
}

/// Tokens of a capitalized run [`cut_run`] reads at once: far more than any name has (the gazetteer's longest
/// is a few words), few enough that its recursion, one level per cut, stays shallow.
const MAX_RUN_TOKENS: usize = 32;

/// Words the thread writes in lowercase somewhere: a capitalized "Download" or "Rootkit" at the start of
/// a line is then a common word, not a name.
pub(super) type LowerWords<'a> = HashSet<&'a str>;

/// The thread writes the word in lowercase, or its singular or plural ("Tickets" beside "a ticket"): a
/// common word, not a name.
pub(super) fn common_word(lower: &LowerWords, w: &str) -> bool {
    let singular = w.strip_suffix("es").filter(|s| s.ends_with(['s', 'x', 'h'])).or_else(|| w.strip_suffix('s'));
    lower.contains(w)
        || singular.is_some_and(|s| !s.is_empty() && lower.contains(s))
        || lower.contains(format!("{w}s").as_str())
}

/// Capitalized runs of one post, cut into name mentions.
///
/// The names a board's headers give (quote headers, "@name", "Posted by", a name line above a post's
/// date) go to `posters`: participants, whose names elsewhere in the thread are no entities either.
pub(super) fn find_mentions(
    post: &PostText,
    english: bool,
    lower: &LowerWords,
    out: &mut Vec<Mention>,
    posters: &mut Vec<String>,
) {
    let g = &*GAZETTEER;
    let toks = &post.tokens;
    // "https://www.youtube.com/embed/CEV1esZOKsQ": nothing inside a URL is a name, nor in a line a machine
    // wrote (a log, a command, configuration).
    let urls = &post.skipped;
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
        let in_link = super::numbers::in_spans(urls, toks[i].start()) || in_url(toks, i);
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
        let quote_header = quote_header_at(toks, j) || post_header_line(post, i, j);
        let called = i.checked_sub(1).is_some_and(|p| toks[p].text == "@" && toks[p].end() == toks[i].start())
            || posted_by(toks, i);
        if !quote_header && !called {
            // A run longer than any name (a menu, a tag cloud, a fuzzer's repeats) is cut in pieces first:
            // each cut of `cut_run` recurses, and one level per name of a 2,000-name run overflowed the stack.
            let mut a = i;
            while a < j {
                let b = (a + MAX_RUN_TOKENS).min(j);
                let run = Run::new(post, a, b);
                cut_run(post, &run, a, b, english && !shouting, lower, out);
                a = b;
            }
        } else if let Some(last) = toks.get(j.saturating_sub(1)) {
            posters.push(post.text[toks[i].start()..last.end()].to_ascii_lowercase());
        }
        i = j;
    }
}

/// The token is glued to a dot on either side: part of a domain or URL ("www.youtube.com").
pub(super) fn in_domain(toks: &[Token], i: usize) -> bool {
    let dot = |t: &Token| t.text == "." || t.text == "/";
    // A dot after the word is a domain's only when more follows it ("youtube.com"), not a full stop
    // ("I opened a ticket.").
    let more =
        |n: &Token| toks.get(i + 2).is_some_and(|w| w.start() == n.end() && w.kind != super::tokens::Kind::Punct);
    i.checked_sub(1).is_some_and(|p| dot(&toks[p]) && toks[p].end() == toks[i].start())
        || toks.get(i + 1).is_some_and(|n| dot(n) && n.start() == toks[i].end() && more(n))
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

/// The token opens its sentence or its line: a list item, a heading or a line of a flattened page
/// ("Scalability⏎⏎Cost") capitalizes its first word whatever it is.
fn opens(post: &PostText, t: usize) -> bool {
    let toks = &post.tokens;
    let gap_start = t.checked_sub(1).map_or(0, |p| toks[p].end());
    post.is_initial(t) || post.text.get(gap_start..toks[t].start()).is_some_and(|gap| t == 0 || gap.contains('\n'))
}

/// "ASML EUV machine", "Huawei Kirin 9000S": a known organisation opening a longer unknown run is named
/// on its own; what follows is a product or a model, not part of its name. Not when the run ends as an
/// organisation ("Kaspersky Lab") or holds a title ("ASML CEO Peter Wennink": the role words).
fn known_org_opens(post: &PostText, run: &Run, i: usize, end: usize) -> bool {
    let g = &*GAZETTEER;
    let toks = &post.tokens;
    end - i >= 2
        && g.lookup(toks[i].text).is_some_and(|k| k.kind == EntityKind::Organisation)
        && run.lookup(post, i, end).is_none()
        && !g.is_org_suffix(toks[end - 1].text)
        && !run.any_title(i + 1, end)
}

/// Two tokens separated by nothing but spaces (no line break: a headline and the next line are apart).
fn adjacent(a: &Token, b: &Token, text: &str) -> bool {
    text.get(a.end()..b.start()).is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

/// Cuts the run `toks[i..j]` at leading common words, titles and demonyms, and records the name in it.
fn cut_run(post: &PostText, run: &Run, i: usize, j: usize, english: bool, lower: &LowerWords, out: &mut Vec<Mention>) {
    let g = &*GAZETTEER;
    let toks = &post.tokens;
    let span = |a: usize, b: usize| &post.text[toks[a].start()..toks[b - 1].end()];
    let mut end = j;
    while end > i && toks[end - 1].is_lower_word() {
        end -= 1;
    }
    // "Real Madrid", "Atlanta United": a club named for its town is an organisation, whatever opens the
    // sentence ("Real" is a common word too) and whatever the town alone would be. In a longer run ("Galaxy/Atlanta United Both teams" with its line breaks lost) the words around
    // the club are read on their own.
    if let Some(p) = (i..end.saturating_sub(1)).find(|&p| club_town(toks[p].text, toks[p + 1].text).is_some()) {
        if p > i {
            cut_run(post, run, i, p, english, lower, out);
        }
        out.push(mention(post, p, span(p, p + 2), Some(EntityKind::Organisation), None, None, false));
        if end > p + 2 {
            cut_run(post, run, p + 2, end, english, lower, out);
        }
        return;
    }
    // "New York MSA": a known name of two or more words at the start is a name of its own.
    if let Some(n) =
        (2..=g.longest.min(end - i).saturating_sub(1)).rev().find(|&n| run.lookup(post, i, i + n).is_some())
    {
        // "New York Times", "New York Post": a known place and one word that ends organisations' names
        // is the organisation, named for its town; the town inside it is no mention of the place.
        let place = run.lookup(post, i, i + n).is_some_and(|k| k.kind == EntityKind::Place);
        if place && end == i + n + 1 && g.is_org_suffix(toks[i + n].text) {
            out.push(mention(post, i, span(i, end), Some(EntityKind::Organisation), None, None, false));
            return;
        }
        cut_run(post, run, i, i + n, english, lower, out);
        cut_run(post, run, i + n, end, english, lower, out);
        return;
    }
    // "the new ASML CEO": a title ending a run names nobody; the words before it are the name.
    while end > i + 1 && g.is_title(toks[end - 1].text) && !g.is_org_suffix(toks[end - 1].text) {
        end -= 1;
    }
    if known_org_opens(post, run, i, end) {
        cut_run(post, run, i, i + 1, english, lower, out);
        cut_run(post, run, i + 1, end, english, lower, out);
        return;
    }
    // "Princess Molestia Tumblr blog": a known organisation ending a longer unknown run is named on its
    // own; the words before it are a name of their own (the blog's), not part of the organisation's.
    if end - i >= 2
        && g.lookup(toks[end - 1].text).is_some_and(|k| k.kind == EntityKind::Organisation)
        && run.lookup(post, i, end).is_none()
        && run.lookup(post, i, end - 1).is_none_or(|k| k.kind != EntityKind::Organisation)
        && !run.any_lower(i, end)
    {
        cut_run(post, run, i, end - 1, english, lower, out);
        cut_run(post, run, end - 1, end, english, lower, out);
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
        if let Some(known) = run.lookup(post, a, end) {
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
            || (opens(post, a) && end - a > 1 && with_lower(word, |w| lower.contains(w)));
        if !common {
            break;
        }
        a += 1;
    }
    // "The Samsung Exynos Chipset": the known organisation opens the run once "The" is stripped.
    if a > i && known_org_opens(post, run, a, end) {
        cut_run(post, run, a, a + 1, english, lower, out);
        cut_run(post, run, a + 1, end, english, lower, out);
        return;
    }
    // A capital after a stripped "The" says something; one at the start of a sentence does not. After
    // "Dr." the sentence splitter may see a new sentence; the title says it is a name all the same.
    let dotted = dotted_title_before(post, a);
    let initial = opens(post, a) && dotted.is_none();
    // "Kyrgyzstan and Tajikistan": two names joined by "and", unless the whole is one ("Trinidad and Tobago").
    // An unknown whole is two names too when its second side is one word or ends in a common word
    // ("Devine and Scarlett added to the squad", "PE and Corp dev", "Click Bank and Mainstream Paid Ads"):
    // a list far more often than one name, each side then needing evidence of its own. A longer second
    // side of names stays one ("Brighton and Hove Albion").
    if let Some(and) = run.and_in(a + 1, end - 1) {
        // Also "Michael Comacho and Jake the Hawk": a side that opens with a given name is a person.
        let person = |from: usize, to: usize| (2..=3).contains(&(to - from)) && g.is_given_name(toks[from].text);
        if run.lookup(post, a, and).is_some()
            || run.lookup(post, and + 1, end).is_some()
            || person(a, and)
            || (and + 1 < end && g.is_given_name(toks[and + 1].text))
            || (run.lookup(post, a, end).is_none()
                && (end == and + 2 || common_word(lower, &toks[end - 1].text.to_lowercase())))
        {
            let before = out.len();
            cut_run(post, run, a, and, english, lower, out);
            cut_run(post, run, and + 1, end, english, lower, out);
            for m in out.iter_mut().skip(before) {
                m.from_and = true;
            }
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
        // "Malaysian Airlines", "Turkish Airlines": in a name that ends as an organisation's, the demonym
        // is part of the name, not a mention of the country.
        let org_name = g.is_org_suffix(toks[end - 1].text);
        while k < end - 1 && g.demonym(toks[k].text).is_some() {
            if !org_name {
                record_place_word(post, k, initial, out);
            }
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
        // "Office", "Network", "Park": a word that ends names of organisations or places is a common
        // noun on its own (the gazetteer knows the ones that are names alone: "Congress").
        let suffix = g.is_org_suffix(form) || g.is_place_suffix(form);
        if g.is_title(form) || g.is_not_name(form) || suffix || with_lower(form, |w| common_word(lower, w)) {
            return;
        }
    }
    if !english && words < 2 {
        return; // Outside English, a capital alone says nothing (German capitalizes every noun).
    }
    // "Physikerin Angela Merkel": a given name inside a longer run starts the person's name.
    if !titled && words >= 3 {
        // Only the two places 2 or 3 words from the end can start it: no scan of the whole run.
        let from = (k + 1).max(end.saturating_sub(3));
        if let Some(p) = (from..end - 1).find(|&p| g.is_given_name(toks[p].text)) {
            k = p;
        }
    }
    // `a "Car Hire Agency"`: an unknown run ending as an organisation, after an indefinite article, is a
    // kind of business in capitals, not one named firm ("a Samsung projector" keeps its brand: no suffix).
    if english && !titled && end - k >= 2 && g.is_org_suffix(toks[end - 1].text) && indefinite_before(toks, k) {
        return;
    }
    let form = span(k, end);
    let mut product = false;
    let kind = classify(post, k, end, titled, &mut product);
    // "Nazi Germany", "Greater London": nothing says what the whole is, but it ends with a known place
    // after words that qualify places. Other English words before it name something else ("Real Madrid");
    // elsewhere a capitalized noun before the place says where ("Uni Köln", "Raum Stuttgart").
    let last_is_code = acronym_key(toks[end - 1].text).is_some(); // "DC-9", "Central CA": codes mislead
    let qualified = !english || (k..end - 1).all(|t| g.is_place_qualifier(toks[t].text));
    let lowercase = (k..end).any(|t| toks[t].is_lower_word()); // "Universität von Köln": a name of its own
    if kind.is_none() && end - k >= 2 && !last_is_code && !lowercase && qualified {
        if let Some(known) = g.lookup(toks[end - 1].text).filter(|known| known.kind == EntityKind::Place) {
            let (word, name) = (toks[end - 1].text, known.name.to_string());
            out.push(mention(post, end - 1, word, Some(EntityKind::Place), Some(name), None, false));
            return;
        }
    }
    let mut m = mention(post, k, form, kind, None, role, initial && k == a);
    m.product = product;
    out.push(m);
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
        from_and: false,
        product: false,
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

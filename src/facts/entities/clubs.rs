//! Towns that a sports thread names as clubs: "Liverpool vs Ajax", "Sevilla/Porto/Arsenal", "Premier
//! League: Liverpool". A football board writes a club by its town alone far more often than it speaks of
//! the town, and a card that lists "Liverpool, Porto, Barcelona" under places misreads the thread.
//!
//! Two rules, both only where the thread shows clubs: a place some club of the thread is named for
//! ("Real Madrid" beside "Madrid") goes ([`drop_club_towns`]); and a place written where a club stands,
//! beside another club's name or after a league's name, goes unless the thread also puts it after a
//! preposition of place ("in Porto") ([`drop_towns_used_as_clubs`]).

use super::Acc;
use crate::facts::gazetteer::{key, GAZETTEER};
use crate::facts::mentions::club_town;
use crate::facts::tokens::Token;
use crate::facts::PostText;
use crate::model::EntityKind;

/// Last words of a competition's name ("Premier League", "La Liga", "FA Cup"): an organisation ending
/// so says the thread is about clubs, and a town written right after it and a colon or dash ("Premier
/// League: Liverpool", "Liga Nos- Porto") is its pick of a club.
const LEAGUE_WORDS: &[&str] =
    &["league", "liga", "bundesliga", "ligue", "serie", "premiership", "eredivisie", "cup", "championship"];
/// Acronyms of sports bodies and leagues, with the same role as [`LEAGUE_WORDS`] ("EPL- Liverpool").
const LEAGUE_ACRONYMS: &[&str] = &["UEFA", "FIFA", "EPL", "MLS", "NBA", "NFL", "NHL", "MLB", "CONCACAF"];
/// Tokens that join two sides of a match or two picks of a list: "Liverpool vs Ajax", "Sevilla/Porto".
const SIDE_JOINERS: &[&str] = &["/", "vs", "vs.", "v", "versus"];
/// Words before a town that say the thread speaks of the town itself: "in Porto", "flew to Madrid" is lost
/// ("to" and "at" are also how a match is written: "lost to Porto", "at Liverpool").
const TOWN_PREPOSITIONS: &[&str] =
    &["in", "from", "near", "around", "outside", "visit", "visited", "visiting", "into", "through", "across"];

/// "Madrid wants to claim the title" in a thread that names "Real Madrid": the town alone is the club's
/// short form there far more often than the city, so a place that some club of the thread is named for is
/// dropped (precision first: "flew to Madrid" in such a thread is lost with it).
pub(super) fn drop_club_towns(accs: &mut Vec<Acc>) {
    let towns: Vec<String> = accs
        .iter()
        .filter(|a| a.kind == EntityKind::Organisation)
        .filter_map(|a| {
            let mut words = a.name.split(' ');
            let (first, second) = (words.next()?, words.next()?);
            words.next().is_none().then(|| club_town(first, second)).flatten().map(key)
        })
        .collect();
    if !towns.is_empty() {
        accs.retain(|a| a.kind != EntityKind::Place || !towns.contains(&key(&a.name)));
    }
}

/// A one-word place the thread writes where a club stands (beside another club's name across "vs" or "/",
/// or after a league's name and a colon or dash) and never after a preposition of place is a club: it
/// is dropped. Only in a thread that names a league or a sports body.
pub(super) fn drop_towns_used_as_clubs(accs: &mut Vec<Acc>, posts: &[PostText]) {
    let sports = accs.iter().any(|a| a.kind == EntityKind::Organisation && names_league(&a.name));
    if !sports {
        return;
    }
    retype_town_clubs(accs);
    // Each one-word place, sorted by name for a binary search per token: (name, written as a club,
    // written as a place).
    let mut uses: Vec<(&str, bool, bool)> = accs
        .iter()
        .filter(|a| a.kind == EntityKind::Place && !a.name.contains(' '))
        .map(|a| (a.name.as_str(), false, false))
        .collect();
    if uses.is_empty() {
        return;
    }
    crate::sort::sort_by(&mut uses, |a, b| a.0.cmp(b.0));
    for post in posts {
        let toks = &post.tokens;
        for (k, t) in toks.iter().enumerate() {
            let Ok(i) = uses.binary_search_by(|u| u.0.cmp(t.text)) else { continue };
            uses[i].1 |= as_club(toks, k);
            uses[i].2 |= k
                .checked_sub(1)
                .is_some_and(|p| TOWN_PREPOSITIONS.iter().any(|w| toks[p].text.eq_ignore_ascii_case(w)));
        }
    }
    let clubs: Vec<String> = uses.into_iter().filter(|u| u.1 && !u.2).map(|u| u.0.to_string()).collect();
    accs.retain(|a| a.kind != EntityKind::Place || !clubs.contains(&a.name));
}

/// Last words of a club's name after its town ("Leicester City", "Ipswich Town", "Derby County"), which
/// otherwise read as a place's: in a thread about clubs, such a name the gazetteer does not know as one
/// place is the club. ("Kansas City", "Mexico City" it knows: they stay places.)
const CLUB_TOWN_SUFFIXES: &[&str] = &["city", "town", "county"];

/// "Leicester City" typed a place by its suffix, in a thread that names a league: an organisation.
fn retype_town_clubs(accs: &mut [Acc]) {
    for a in accs.iter_mut().filter(|a| a.kind == EntityKind::Place) {
        let mut words = a.name.split(' ');
        let (Some(_), Some(last), None) = (words.next(), words.next(), words.next()) else { continue };
        let suffixed = CLUB_TOWN_SUFFIXES.iter().any(|w| last.eq_ignore_ascii_case(w));
        if suffixed && GAZETTEER.lookup(&a.name).is_none() {
            a.kind = EntityKind::Organisation;
        }
    }
}

/// A word that ends a competition's name (`LEAGUE_WORDS`).
fn league_word(w: &str) -> bool {
    LEAGUE_WORDS.iter().any(|l| w.eq_ignore_ascii_case(l))
}

/// A competition's or a sports body's name: "Premier League", "UEFA".
fn names_league(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    (name.contains(' ') && league_word(last)) || LEAGUE_ACRONYMS.contains(&name)
}

/// The token at `k` stands where a club does: across a side joiner from a club's name (a capitalized
/// word the gazetteer does not know as a place, "Ajax", "Arsenal", or a word of a two-word club name,
/// "Bayern Munich"), or after a league's name and a colon or dash.
fn as_club(toks: &[Token], k: usize) -> bool {
    let word = |i: usize| toks.get(i).filter(|t| t.is_word() && t.is_capitalized()).map(|t| t.text);
    // Part of a two-word club name: "Atletico Madrid/Barcelona", "Barcelona/Bayern Munich".
    let in_club_name = |i: usize| {
        let pair = |a: Option<&str>, b: Option<&str>| a.zip(b).is_some_and(|(a, b)| club_town(a, b).is_some());
        pair(i.checked_sub(1).and_then(word), word(i)) || pair(word(i), word(i + 1))
    };
    let club_at = |i: usize| {
        word(i).is_some_and(|w| {
            in_club_name(i)
                || (GAZETTEER.lookup(w).is_none_or(|x| x.kind != EntityKind::Place) && !GAZETTEER.is_not_name(w))
        })
    };
    let joiner = |i: usize| toks.get(i).is_some_and(|t| SIDE_JOINERS.iter().any(|j| t.text.eq_ignore_ascii_case(j)));
    let before = k >= 2 && joiner(k - 1) && club_at(k - 2);
    let after = joiner(k + 1) && club_at(k + 2);
    let picked = k >= 2
        && matches!(toks[k - 1].text, ":" | "-" | "–")
        && (league_word(toks[k - 2].text) || LEAGUE_ACRONYMS.contains(&toks[k - 2].text));
    before || after || picked
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use crate::facts::PostText;

    fn places(texts: &[&str]) -> Vec<String> {
        let posts: Vec<PostText> = texts.iter().enumerate().map(|(i, t)| PostText::new(i, t, None)).collect();
        extract(&posts, true, &[])
            .into_iter()
            .filter(|e| e.kind == crate::model::EntityKind::Place)
            .map(|e| e.name)
            .collect()
    }

    #[test]
    fn towns_written_as_clubs_are_no_places() {
        let p = places(&[
            "My picks for the Premier League this season, and the Champions League too.",
            "Premier League: Liverpool. Europa League: Sevilla/Porto/Arsenal. Liverpool vs Ajax will be close.",
            "La Liga: Atletico Madrid/Barcelona, as always. Some even remember Leicester City winning it.",
            "We flew to London and Amsterdam for the final, and I saw Porto win in Lisbon.",
        ]);
        assert!(!p.contains(&"Liverpool".to_string()), "{p:?}");
        assert!(!p.contains(&"Porto".to_string()), "{p:?}");
        assert!(!p.contains(&"Barcelona".to_string()), "{p:?}");
        assert!(!p.contains(&"Leicester City".to_string()), "{p:?}");
        assert!(p.contains(&"London".to_string()) && p.contains(&"Lisbon".to_string()), "{p:?}");
    }

    #[test]
    fn without_a_league_a_slash_list_of_towns_stays() {
        let p = places(&["Our trip went Paris/Porto/Lisbon and then Paris vs Rome for the food, Porto won."]);
        assert!(p.contains(&"Porto".to_string()), "{p:?}");
    }
}

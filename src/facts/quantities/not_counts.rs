//! What looks like a count and is not one: a board's counters ("12 points", "Posts: 1,204"), emphasis
//! ("I agree 100%"), a shell variable ("$1"), a number that names a thing ("the 3 series"), a model number
//! ("dual 6384 motors"), part of a date or a code.

use super::is_glued_unit;
use crate::facts::tokens::{Kind, Token};
use crate::facts::PostText;

/// What a board counts about posts and members ("12 points", "3 replies", "1,204 views"): furniture
/// printed around the posts, never a fact of the discussion. Dropped unless hedged ("more than 39.4
/// million views" is somebody's claim; a board's counter is exact).
const BOARD_COUNTS: &[&str] = &[
    "point",
    "points",
    "pts",
    "reply",
    "replies",
    "view",
    "views",
    "like",
    "likes",
    "post",
    "posts",
    "reaction",
    "reactions",
    "vote",
    "votes",
    "comment",
    "comments",
    "message",
    "messages",
    "member",
    "members",
    "guest",
    "guests",
    "karma",
    "reputation",
    "rep",
    "kudos",
    "upvote",
    "upvotes",
    "downvote",
    "downvotes",
    "followers",
    "subscribers",
    "thanks",
    "answers",
    "users",
    "online",
];

/// Counts of times ("1 time", "Downloaded 458 times", "tried 3 times"): how often, never what a
/// thread's facts are made of.
const TIMES: &[&str] = &["time", "times"];

/// Labels a board prints right before a number about a member or a post ("Joined 2019", "Posts: 1,204",
/// "Rank 3", "#12").
const BOARD_LABELS: &[&str] =
    &["joined", "posts", "rank", "messages", "reputation", "points", "likes", "views", "replies", "karma", "#"];

/// Plurals without an "s": a count of them is a count ("2 people"), not a compound ("3 dimension").
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "feet",
    "teeth",
    "mice",
    "sheep",
    "fish",
    "staff",
    "police",
    "personnel",
    "cattle",
    "troops",
    "data",
    "media",
    "deer",
    "aircraft",
    "series",
    "species",
];

/// Whether a number with the words `phrase` after it counts something a reader wants: not board
/// furniture ("12 points", "Joined 2019", "#12"), not a count of times ("1 time"), not a compound
/// adjective ("3 dimension", "Fifty psychological": no plural noun after a count above one), not a
/// count of one ("1 coin": a sentence says "a coin").
pub(super) fn counts_something(
    toks: &[Token],
    i: usize,
    phrase: &[&str],
    number: &crate::facts::numbers::Number,
    hedged: bool,
    hyphenated: bool,
) -> bool {
    let first = phrase.first().map(|w| w.to_lowercase()).unwrap_or_default();
    if (BOARD_COUNTS.contains(&first.as_str()) && !hedged) || TIMES.contains(&first.as_str()) {
        return false;
    }
    let mut p = i;
    while p > 0 && matches!(toks[p - 1].text, ":" | "-") {
        p -= 1;
    }
    if p > 0 && BOARD_LABELS.iter().any(|l| toks[p - 1].is(l) || toks[p - 1].text == *l) {
        return false;
    }
    if phrase.is_empty() {
        return true; // a unit or a verb may still say what it counts
    }
    if hyphenated {
        // "3-bedroom house" counts bedrooms; "3-dimensional" alone is an adjective, not a count.
        return phrase.len() >= 2;
    }
    let plural = phrase.iter().any(|w| {
        let w = w.to_lowercase();
        (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("ous")) || IRREGULAR_PLURALS.contains(&w.as_str())
    });
    (number.value > 1.0 && plural) || number.value < 1.0
}

/// Words beside "100%" that make it emphasis, not a measure: "I agree 100%", "100% sure", "go 100% forever".
const EMPHASIS_CUES: &[&str] = &[
    "agree", "agreed", "sure", "correct", "right", "behind", "certain", "true", "forever", "solid", "honest",
    "disagree",
];

/// Endings of the adjectives and adverbs that make a "100%" before them emphasis ("100% effortless", "100%
/// truthful", "100% definitely"): a measure is followed by what it measures, a noun, and these endings
/// make no nouns.
const EMPHASIS_ENDINGS: &[&str] = &["less", "ful", "ly"];

/// What "99% of" or "100% of" is hyperbole about ("99% of everything you need", "100% of the time").
const HYPERBOLE_OF: &[&str] = &["everything", "everyone", "anything", "time"];

/// Percentages that are emphasis when the words beside them say so: all, or nearly all.
pub(super) const EMPHASIS_PERCENTS: &[f64] = &[99.0, 100.0];

/// "I agree with you 100%", "100% sure": a cue word among the three words before, or right after.
pub(super) fn emphasis(post: &PostText, start: usize, next: usize) -> bool {
    let toks = &post.tokens;
    let cue = |t: &Token| EMPHASIS_CUES.iter().any(|c| t.is(c));
    let ending = |t: &Token| {
        let w = t.text.to_lowercase();
        t.is_lower_word() && EMPHASIS_ENDINGS.iter().any(|e| w.len() > e.len() + 2 && w.ends_with(e))
    };
    // "99% of everything you might need", "100% of the time".
    let of = toks.get(next).is_some_and(|t| t.is("of"))
        && toks[next + 1..toks.len().min(next + 3)].iter().any(|t| HYPERBOLE_OF.iter().any(|h| t.is(h)));
    // A reply that is nothing but "100%": agreement.
    let line_start = post.text[..toks[start].start()].rfind('\n').map_or(0, |n| n + 1);
    let line_end = post.text[toks[start].start()..].find('\n').map_or(post.text.len(), |n| toks[start].start() + n);
    let alone = post.text[line_start..line_end].chars().filter(|c| c.is_alphabetic()).count() == 0;
    toks[start.saturating_sub(3)..start].iter().any(cue)
        || toks.get(next).is_some_and(|t| cue(t) || ending(t))
        || of
        || alone
}

/// Characters glued before a "$" that make "$1" a shell or template variable (`"$1"`, `=$1`, `/$1`,
/// `{$1`), not a dollar.
const CODE_BEFORE_DOLLAR: &[char] = &['"', '\'', '=', '/', '{', '[', '$', '`'];

/// How far back on its line a "$N" looks for the string it may sit in (characters).
const MAX_QUOTE_LOOKBACK: usize = 80;

/// "$1" in a shell script: a one-digit "$N" glued after a quote, "=", "/" or a brace, or inside a
/// double-quoted string of its line (`echo "ERROR: $1 does not exist"`). The look back is bounded, so a
/// post of many "$1" stays linear.
pub(super) fn shell_variable(post: &PostText, dollar: usize, number: &crate::facts::numbers::Number) -> bool {
    let toks = &post.tokens;
    if number.next != dollar + 2 || toks[dollar + 1].text.len() != 1 {
        return false;
    }
    let before = &post.text[..toks[dollar].start()];
    let glued = before.chars().next_back().is_some_and(|c| CODE_BEFORE_DOLLAR.contains(&c));
    let back = before.chars().rev().take(MAX_QUOTE_LOOKBACK).take_while(|&c| c != '\n');
    let quoted = back.filter(|&c| c == '"').count() % 2 == 1;
    glued || quoted
}

/// A bare number right after a capitalised word inside a sentence belongs to a name: "Python 2 idioms",
/// "7.1.0 BETA 2 restores", "Windows 11 machines" name a version or a model, they count nothing.
pub(super) fn names_number(post: &PostText, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|p| {
        let prev = &post.tokens[p];
        prev.is_word()
            && prev.is_capitalized()
            && prev.text != "I"
            && !post.is_initial(p)
            && post.text.get(prev.end()..post.tokens[i].start()).is_some_and(|gap| gap == " ")
    })
}

/// A number this large right before "series" names a product line ("miyota 9000 series", "RTX 4000
/// series"), not a count of series ("3 series of tests").
pub(super) const MIN_SERIES_MODEL: f64 = 100.0;

/// Words that say how many before a model number: "dual 6384 motors" are two motors of model 6384.
const HOW_MANY_WORDS: &[&str] = &["dual", "twin", "triple", "quad", "double"];

/// "dual 6384 motors", "twin 5055 motors": a number of three digits or more after a word that already
/// says how many is the model of the things counted, not their count.
pub(super) fn multiplied_model(post: &PostText, i: usize, value: f64) -> bool {
    let multiplier = i.checked_sub(1).is_some_and(|p| HOW_MANY_WORDS.iter().any(|m| post.tokens[p].is(m)));
    multiplier && value >= MIN_SERIES_MODEL
}

/// Numbers that are parts of dates, times, ordinals, versions or codes: "Jan 11", "02:28", "1st",
/// "COVID-19", "ar-AASFhbl".
pub(super) fn part_of_date_or_code(toks: &[Token], i: usize) -> bool {
    let tok = &toks[i];
    if tok.kind != Kind::Number {
        return false;
    }
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    let next = toks.get(i + 1);
    let glued_prev = prev.is_some_and(|p| p.end() == tok.start() && (p.is_word() || matches!(p.text, ":" | "-" | "/")));
    let glued_next = next.is_some_and(|n| {
        n.start() == tok.end() && (matches!(n.text, ":" | "/") || (n.is_word() && !is_glued_unit(n.text)))
    });
    let month = |t: Option<&Token>| t.is_some_and(|t| crate::facts::dates::month_number(t.text).is_some());
    glued_prev || glued_next || month(prev) || month(next)
}

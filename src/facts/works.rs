//! Works the thread mentions: titles in quote marks ("Fievel Goes West"), and programs or products
//! written with their version ("Windows 7", "uTorrent 3.5.5", "Firefox 3.6").
//!
//! A work is its own kind of fact: a quoted title is not a quotation (nobody said it), and a paper or a
//! program is not an organisation. The quotes step leaves quoted titles ([`title_spans`]) to this
//! step. (Names inside a title still count as entities: leaving them to the work cost a correct entity
//! on a held-out set and gained nothing on the tuned one.)

use super::tokens::{tokenize, Kind, Token};
use super::PostText;
use crate::hash::FastSet;
use crate::model::Work;

/// A title is short: more words than this in quote marks is a sentence someone wrote.
const MAX_TITLE_WORDS: usize = 10;
/// Share of a title's longer words (4 letters or more) that are capitalised: "Fievel Goes West" (all),
/// "The Lord of the Rings" (all but the short connectors). Quoted phrases of running text have few.
const MIN_TITLE_CAPS_SHARE: f64 = 0.6;
/// Lowercase nouns before a quoted span that make even a single quoted word a title: `the film "Up"`.
const WORK_CUES: &[&str] = &[
    "book",
    "novel",
    "film",
    "movie",
    "paper",
    "article",
    "song",
    "album",
    "game",
    "show",
    "series",
    "episode",
    "titled",
    "entitled",
    "called",
    "app",
    "program",
    "programme",
    "study",
    "report",
    "poem",
    "play",
    "magazine",
];
/// Verbs before a quoted label that make it a button or a menu item, not a title: `click "Desktop
/// Site"`, `select "Ask the Mods"`.
const UI_VERBS: &[&str] = &[
    "click", "clicked", "clicking", "tap", "tapped", "press", "pressed", "select", "selected", "choose", "chose",
    "hit", "check", "checked", "uncheck", "enable", "enabled", "disable", "disabled", "toggle", "open", "opened",
    "under", "button", "tab", "menu", "option", "setting", "field", "box", "link",
];
/// Nouns right after a quoted label that make it a part of a program or of the board, not a title:
/// `enabling "Desktop Site" mode`, `a "Press Enter to send" checkbox` (a board's named thread or section
/// is a title: `the "Ask the Mods" thread`).
const UI_NOUNS_AFTER: &[&str] = &[
    "mode", "checkbox", "toggle", "switch", "dropdown", "icon", "screen", "dialog", "window", "panel", "page",
    "folder", "feature", "command", "key",
];
/// Articles before a quoted phrase that make it a term, not a title: a title names one work and takes
/// none (`a "Car Hire Agency"`, `an "Ask HN" post`; but `the film "Up"`).
const INDEFINITE_ARTICLES: &[&str] = &["a", "an"];
/// Determiners before a quoted phrase, with no cue noun before it and none after it, that make it a
/// term the writer quotes, not a title: `away from the "Dev Crowd",`, `your "Sync'd Between Devices" type
/// of thing`. (A noun after it names what it is: `the "Home Assistant" forum`, `my "Button Pressed"
/// automation` are names.)
const TERM_DETERMINERS: &[&str] = &["the", "your", "my", "our", "his", "her", "their", "this", "that"];
/// Words after a quoted phrase that make it a term even after a determiner: `"X" type of thing`.
const TERM_AFTER: &[&str] = &["type", "kind", "sort", "style"];
/// Verbs before a quoted phrase that make it a label written on a thing: `print "Made in China" on the
/// dial`.
const LABEL_VERBS: &[&str] = &["print", "prints", "printed", "stamp", "stamped", "engraved", "reads", "say", "says"];
/// Programs and product lines that are named with a version number after them ("Windows 7",
/// "Android 9", "iOS 14"): the name and its number are one work.
const VERSIONED_PRODUCTS: &[&str] = &[
    "windows",
    "android",
    "ios",
    "macos",
    "ubuntu",
    "debian",
    "fedora",
    "firefox",
    "chrome",
    "office",
    "excel",
    "photoshop",
    "python",
    "java",
    "php",
    "utorrent",
    "µtorrent",
    "bittorrent",
    "iphone",
    "ipad",
    "galaxy",
    "pixel",
    "playstation",
    "xbox",
    "wii",
    "kaspersky",
    "norton",
    "avast",
    "safari",
    "opera",
    "thunderbird",
    "vista",
    "xp",
    "linux",
    "kernel",
    "word",
    "outlook",
    "onenote",
    "skype",
    "steam",
    "gta",
    "fifa",
    "f1",
    "pes",
    "mysql",
    "node",
    "rust",
    "perl",
    "ruby",
    "latex",
    "tex",
    "vlc",
    "winamp",
    "itunes",
];

/// Byte spans (start, end) of a post's quoted titles: between quote marks, a short Title Case phrase
/// (or any short phrase after a cue noun: `the film "Up"`), with no sentence end inside.
pub fn title_spans(text: &str, english: bool) -> Vec<(usize, usize)> {
    super::quotes::marked_spans(text).into_iter().filter(|&(s, e)| is_title(text, s, e, english)).collect()
}

fn is_title(text: &str, start: usize, end: usize, english: bool) -> bool {
    let inner = text[start..end].trim();
    let toks = tokenize(inner);
    let words: Vec<&Token> = toks.iter().filter(|t| t.is_word() || t.kind == Kind::Number).collect();
    // "Cancel/Preview/Reply": a row of buttons.
    // Code and markup ("<<< _DSM - Perf >>>") are no titles either.
    let code = inner.contains(['<', '>', '_', '=', '{', '}', '(', ')', '[', ']', '|', '\\']);
    if code || words.is_empty() || words.len() > MAX_TITLE_WORDS || inner.contains(['.', '!', '?', ';', '\n', '/']) {
        return false;
    }
    let lead = text[..start].trim_end_matches(['"', '“', '\'', '‘', ' ']);
    let before = lead.rsplit([' ', '\n']).next().unwrap_or("").to_lowercase();
    let tail = text[end..].trim_start_matches(['"', '”', '\'', '’', ' ']);
    let after = tail.split([' ', '\n', ',', '.']).next().unwrap_or("").to_lowercase();
    let ui_after = UI_VERBS.contains(&after.as_str()) || UI_NOUNS_AFTER.contains(&after.as_str());
    if UI_VERBS.contains(&before.as_str()) || ui_after {
        return false; // a button, a menu item, a setting, `the "Desktop Site" mode`
    }
    if INDEFINITE_ARTICLES.contains(&before.as_str()) {
        return false; // `a "Car Hire Agency"`: a kind of thing in quotes, not a title
    }
    let cued = lead.rsplit(' ').next().is_some_and(|w| WORK_CUES.contains(&w.to_lowercase().as_str()));
    if cued {
        // A title is capitalised even after a cue: `often called "penetrate and patch"`, `study "my own"
        // work` quote a term or a phrase.
        return !english || words[0].is_capitalized() || words[0].kind == Kind::Number;
    }
    if !english {
        return false; // German capitalises every noun: a capital says nothing about a title there
    }
    let noun_after = after.chars().next().is_some_and(char::is_lowercase) && !TERM_AFTER.contains(&after.as_str());
    if LABEL_VERBS.contains(&before.as_str()) || (TERM_DETERMINERS.contains(&before.as_str()) && !noun_after) {
        return false; // a term or a label in quotes: `the "Dev Crowd",`, `print "Made in China"`
    }
    let long: Vec<&&Token> = words.iter().filter(|t| t.text.chars().count() >= 4).collect();
    let caps = long.iter().filter(|t| t.is_capitalized() || t.kind == Kind::Number).count();
    words.len() >= 2
        && words[0].is_capitalized()
        && !long.is_empty()
        && caps as f64 >= MIN_TITLE_CAPS_SHARE * long.len() as f64
}

/// Finds the works of every post; the same work in several posts is one, with every post.
pub fn extract(posts: &[PostText], english: bool) -> Vec<Work> {
    // The thread's lowercase words: a quoted phrase made only of them is a term (see [`scare_quoted`]). Gathered
    // when a single-quoted title first asks: most threads have none.
    let mut lower: Option<FastSet<&str>> = None;
    let mut out: Vec<Work> = Vec::new();
    for post in posts {
        let titles = title_spans(post.text, english)
            .into_iter()
            // A quoted string in a log or configuration ("tagName": "Energy Healing") is the machine's.
            .filter(|&(s, _)| !super::numbers::in_spans(&post.skipped, s))
            .filter(|&(s, e)| {
                !(single_quoted(post.text, s)
                    && scare_quoted(&post.text[s..e], lower.get_or_insert_with(|| lower_words(posts))))
            })
            .map(|(s, e)| post.text[s..e].trim().to_string());
        for name in titles.chain(versioned(post)) {
            match out.iter_mut().find(|w| w.name.eq_ignore_ascii_case(&name)) {
                Some(w) if !w.posts.contains(&post.index) => w.posts.push(post.index),
                Some(_) => {}
                None => out.push(Work { name, post: post.index, posts: vec![post.index] }),
            }
        }
    }
    out
}

/// The works of [`extract`] and the products the entity stage found among the names it read as
/// organisations ("WordPress", "M2 Air"): one list, a product named as a work already is (in any case)
/// left out.
pub fn with_products(mut works: Vec<Work>, products: Vec<Work>) -> Vec<Work> {
    // Names in ASCII lowercase: one lookup per product instead of a scan of every work.
    let mut named: FastSet<String> = works.iter().map(|w| w.name.to_ascii_lowercase()).collect();
    for p in products {
        if named.insert(p.name.to_ascii_lowercase()) {
            works.push(p);
        }
    }
    works
}

/// The words of the thread that start with a lowercase letter, as written.
fn lower_words<'a>(posts: &[PostText<'a>]) -> FastSet<&'a str> {
    posts.iter().flat_map(|p| p.tokens.iter().filter(|t| t.is_lower_word()).map(|t| t.text)).collect()
}

/// Letters from which a word of a quoted phrase is one of its content words ([`scare_quoted`]).
const MIN_CONTENT_LETTERS: usize = 4;

/// The quoted span starting at byte `start` opens with a single quote mark (`'` or `‘`).
fn single_quoted(text: &str, start: usize) -> bool {
    text[..start].trim_end_matches(' ').ends_with(['\'', '‘'])
}

/// `'Status Threads'`, `'Types of Post'`, `'Design Thinking'`: a phrase in single quotes whose content
/// words the thread also writes in lowercase (singular or plural) is a term set off by quote marks and
/// capitals (scare quotes), not the title of a work; a title has a word of its own ('Fievel Goes West'),
/// and double quotes mark titles far more often than terms ("The Ferry Papers" in a thread about a ferry
/// and a paper), so they are left alone.
fn scare_quoted(title: &str, lower: &FastSet<&str>) -> bool {
    let known = |w: &str| {
        let w = w.to_lowercase();
        let singular = w.strip_suffix('s').unwrap_or(&w);
        lower.contains(w.as_str()) || lower.contains(singular) || lower.contains(format!("{w}s").as_str())
    };
    let toks = tokenize(title);
    let mut content = toks.iter().filter(|t| t.is_word() && t.text.chars().count() >= MIN_CONTENT_LETTERS).peekable();
    content.peek().is_some() && content.all(|t| known(t.text))
}

/// "Windows 7", "uTorrent 3.5.5", "Firefox 3.6": a known program or product line, capitalised or in its
/// own spelling, and the version number right after it.
fn versioned(post: &PostText) -> Vec<String> {
    let toks = &post.tokens;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let Some(n) = toks.get(i + 1) else { break };
        // The cheap tests first: the product lookup runs only on a word right before a version number.
        let version = n.kind == Kind::Number && post.text.get(t.end()..n.start()) == Some(" ");
        let own_spelling = version && t.text.chars().any(char::is_uppercase); // "Word 2010", not "word 2"
        let known =
            own_spelling && t.is_word() && super::tokens::with_lower(t.text, |w| VERSIONED_PRODUCTS.contains(&w));
        if known {
            out.push(post.text[t.start()..n.end()].to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn works(text: &str) -> Vec<String> {
        extract(&[PostText::new(0, text, None)], true).into_iter().map(|w| w.name).collect()
    }

    #[test]
    fn quoted_titles_and_versions_are_works() {
        let w = works(
            "My kids loved \"Fievel Goes West\" and the film \"Up\". It runs on Windows 7 and uTorrent 3.5.5 \
             but \"the thing is broken\" and \"It is what it is, he said.\" Click \"Desktop Site\", the \"Ask the \
             Mods\" tab and \"Cancel/Preview/Reply\".",
        );
        assert_eq!(w, ["Fievel Goes West", "Up", "Windows 7", "uTorrent 3.5.5"], "{w:?}");
    }

    #[test]
    fn products_join_the_works_once() {
        let work = |name: &str, post| Work { name: name.to_string(), post, posts: vec![post] };
        let all = with_products(vec![work("VirtualBox", 0)], vec![work("virtualbox", 2), work("NodeBB", 1)]);
        let names: Vec<&str> = all.iter().map(|w| w.name.as_str()).collect();
        assert_eq!(names, ["VirtualBox", "NodeBB"]);
    }

    #[test]
    fn scare_quoted_terms_are_no_works() {
        let w = works(
            "Users could hide 'Status Threads' from the feed, as with other threads and their status. \
             We watched 'Fievel Goes West' and \"The Ferry Papers\" on a ferry, reading the paper.",
        );
        assert_eq!(w, ["The Ferry Papers", "Fievel Goes West"], "{w:?}");
    }

    #[test]
    fn quoted_terms_after_a_determiner_or_a_label_verb_are_no_works() {
        let w = works(
            "Years away from the \"Dev Crowd\", I came back. It is your \"Synced Between Apple Devices\" type of \
             thing. The dials print \"Quartz Movement Inside\" on the back. Since you are on the \"Home Assistant\" \
             forum, try my \"Button Pressed\" automation.",
        );
        assert_eq!(w, ["Home Assistant", "Button Pressed"], "{w:?}");
    }

    #[test]
    fn titles_hold_no_sentences_or_plain_words() {
        assert!(works("\"This Is. Not A Title\" and \"Nice\" or word 2, \"<<< _DSM - Perf >>>\"").is_empty());
        // A cue makes a title of a capitalised phrase only; a noun after a label makes it the program's.
        let w = works(
            "It is often called \"penetrate and patch\". Enable the \"Desktop Site\" mode, untick the \"Press Enter \
             to send\" checkbox, ask in the \"Ask the Mods\" thread. I read the book \"Dune Messiah\".",
        );
        assert_eq!(w, ["Ask the Mods", "Dune Messiah"], "{w:?}");
        assert_eq!(works("invoked by my \u{201c}Button Pressed\u{201d} automation"), ["Button Pressed"]);
    }
}

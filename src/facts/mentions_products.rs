//! Products and programs among the names `kinds` reads as organisations: "WordPress", "VirtualBox",
//! "TensorFlow" (one camel-case word), "M2 Air" (a model code opening the name). Such a name is a work the
//! thread mentions, not a company: `entities` hands it to the card's works ("Mentioned") instead of its
//! organisations, where the renderers and the JSON export already list titles and versioned programs.
//! It is moved, not dropped, because the name is still a fact of the thread; it is moved only when
//! nothing says it is a company (a legal suffix, a known organisation, an organisation noun before it or
//! a role noun after it, a list of brands, "those companies" after it, a company's word ending it, its
//! own `.com` site), and only with the evidence every entity needs (a capital that opens a sentence is
//! never enough), so no common word becomes a work.

use super::kinds::ORG_HEADS;
use crate::facts::gazetteer::GAZETTEER;
use crate::facts::tokens::Token;
use crate::facts::PostText;
use crate::model::EntityKind;

/// Last parts of a camel-case word that name a company, not a program: "EuroNews", "FooMedia",
/// "CityBank", "EasyAir", "DeepLabs".
const ORG_CAMEL_TAILS: &[&str] = &["News", "Media", "Bank", "Air", "Airways", "Labs", "Group", "Corp", "Holdings"];

/// Words after a plural organisation noun that open a list of its members: "brands including A, B",
/// "the following brands: A, B and C", "companies like A", "firms such as A".
const LIST_OPENERS: &[&str] = &[":", "including", "like", "such", "incl"];

/// Tokens back from a name that [`org_list_before`] looks for the noun that heads its list.
const MAX_LIST_REACH: usize = 24;

/// The name `toks[k..end]` (which `kinds` reads as an organisation, with none of its organisation cues)
/// is a product or a program: a product cue and no other organisation evidence.
pub(super) fn is_product(post: &PostText, k: usize, end: usize) -> bool {
    let toks = &post.tokens;
    let words = (k..end).filter(|&t| toks[t].is_word()).count();
    let first = toks[k].text;
    let cue = (words == 1 && camel_product(post, end, first)) || (words >= 2 && model_code_opens(post, k));
    cue && !org_evidence(post, k, end) && !addressed(toks, k)
}

/// "thank you StylinLA for the idea", "thanks ChadB": a name right after thanks is someone addressed, a
/// poster's handle, not a product.
fn addressed(toks: &[Token], k: usize) -> bool {
    let before = |n: usize| k.checked_sub(n).map(|p| &toks[p]);
    before(1).is_some_and(|t| t.is("thanks") || t.is("thx"))
        || (before(1).is_some_and(|t| t.is("you")) && before(2).is_some_and(|t| t.is("thank")))
}

/// Something says the name is a company's: a legal suffix, a list of brands it stands in, a plural
/// organisation noun pointing back at it, a company's word ending it. (`kinds::classify` asks only when
/// its own organisation cues are silent: an organisation noun before the name or a role noun after it,
/// "the company X", "X's CEO", or a list with a known organisation. A name the gazetteer knows never
/// comes here: its mention is the known entity's, which `entities` never moves.)
fn org_evidence(post: &PostText, k: usize, end: usize) -> bool {
    let toks = &post.tokens;
    let last = toks[end - 1].text;
    // "BrightLoop Inc": a legal suffix is cut off the run as no name of its own ("Microsoft Inc" is
    // "Microsoft"), so it is the word right after it. (A run ending in a company's word, "M2 Air", can
    // still be a product: its first word is a model code.)
    toks.get(end).is_some_and(|t| GAZETTEER.is_org_suffix(t.text))
        || org_list_before(post, k)
        || org_nouns_after(toks, end)
        || (end == k + 1
            && (ORG_CAMEL_TAILS.iter().any(|t| last.len() > t.len() && last.ends_with(t)) || post.has_dot_com(last)))
}

/// A camel-case word that names a program or a product ("WordPress", "TensorFlow", "OpenCV", "NodeBB"),
/// not a handle or a user ending in one capital ("ChadB", as `is_handle_or_key` notes "OralB" is a
/// brand too: one capital says too little to move it).
fn camel_product(post: &PostText, end: usize, word: &str) -> bool {
    let tail_caps = word.chars().rev().take_while(char::is_ascii_uppercase).count();
    tail_caps != 1 && camel_brand(post, end, word)
}

/// "M2 Air", "S10 Plus": the raw first word of the name mixes letters and digits, a model code (the
/// tokenizer may split it, so the text is read).
fn model_code_opens(post: &PostText, k: usize) -> bool {
    let rest = &post.text[post.tokens[k].start()..];
    let word = rest.split(char::is_whitespace).next().unwrap_or("");
    word.bytes().any(|b| b.is_ascii_digit()) && word.bytes().any(|b| b.is_ascii_alphabetic())
}

/// "the following brands: Booking.com, KAYAK and OpenTable", "subsidiary brands including Rocketmiles,
/// HotelsCombined": a plural organisation noun and a list opener earlier in the sentence make the names
/// of the list organisations.
fn org_list_before(post: &PostText, k: usize) -> bool {
    let toks = &post.tokens;
    let from = k.saturating_sub(MAX_LIST_REACH);
    for p in (from..k).rev() {
        let t = &toks[p];
        // A sentence end ("." then a space) closes the search; "Booking.com" is one name.
        if matches!(t.text, "." | "!" | "?") && toks.get(p + 1).is_some_and(|n| n.start() > t.end()) {
            return false;
        }
        if plural_org_head(t) && toks.get(p + 1).is_some_and(|n| LIST_OPENERS.iter().any(|o| n.is(o))) {
            return true;
        }
    }
    false
}

/// A plural organisation noun: "brands", "companies", "firms".
fn plural_org_head(t: &Token) -> bool {
    t.is_lower_word() && t.text.ends_with('s') && ORG_HEADS.contains(&t.text)
}

/// Words that point back at names just written: "HP or FedEx, unless those companies ...".
const POINTING_BACK: &[&str] = &["those", "these", "both", "such"];

/// "no HP or FedEx, unless those companies simply couldn't agree": a plural organisation noun pointed
/// back at a few words after the name, in its sentence, says the names before it are organisations.
fn org_nouns_after(toks: &[Token], end: usize) -> bool {
    let mut prev: Option<&Token> = None;
    for t in toks.iter().skip(end).take(MAX_POINT_BACK_REACH) {
        if matches!(t.text, "." | "!" | "?") {
            return false;
        }
        if plural_org_head(t) && prev.is_some_and(|p| POINTING_BACK.iter().any(|w| p.is(w))) {
            return true;
        }
        prev = Some(t);
    }
    false
}

/// Tokens after a name that [`org_nouns_after`] reads for the noun pointing back at it.
const MAX_POINT_BACK_REACH: usize = 8;

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
];

/// A camel-case word ending in a part that names a thing in code (`CODE_TAILS`), in the singular or the
/// plural ("NameErrors", "SyntaxErrors": prose about code counts its identifiers).
pub(super) fn is_code_identifier(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    [word, singular].iter().any(|w| CODE_TAILS.iter().any(|t| w.len() > t.len() && w.ends_with(t)))
}

/// A word written straight against an operator is a variable of a formula or of code ("GrossMargin%",
/// "MaxSize=", "GetValue("), not a brand.
pub(super) fn operator_follows(post: &PostText, end: usize) -> bool {
    const OPERATORS: &[char] = &['%', '=', '(', '_', '*', '/', '+', '[', '<'];
    let after = post.tokens[end - 1].end();
    post.text[after..].starts_with(OPERATORS)
}

/// Modifier keys, which camel-case joins to their side of the keyboard ("LeftAlt", "RightShift").
const KEY_SIDES: &[&str] = &["Left", "Right"];
const KEY_NAMES: &[&str] = &["Alt", "Ctrl", "Control", "Shift", "Cmd", "Command", "Option", "Win", "Meta", "Super"];

/// A camel-case word that names a person's handle, a key or a kind of service, not a brand: a word ending
/// in a place's code, as users sign themselves ("JapesUK's live trip report"; "OpenCV" and "NodeBB" end
/// in no place's code; one capital alone says nothing: "ChadB" is a user, "OralB" a brand), a side and a
/// modifier key ("LeftAlt"), and "as a service" terms ("SaaS", "PaaS").
pub(super) fn is_handle_or_key(word: &str) -> bool {
    let key = KEY_SIDES.iter().any(|s| word.strip_prefix(s).is_some_and(|k| KEY_NAMES.contains(&k)));
    let tail_start = word.len() - word.chars().rev().take_while(char::is_ascii_uppercase).count();
    let (head, caps) = word.split_at(tail_start);
    let lowered = head.chars().last().is_some_and(char::is_lowercase);
    let place_code = caps.len() == 2 && GAZETTEER.lookup(caps).is_some_and(|k| k.kind == EntityKind::Place);
    key || (lowered && place_code) || (word.len() == 4 && word.ends_with("aaS"))
}

/// "DeviantArt", "WordReference", "StatCounter": a capital inside a word after two lowercase letters
/// marks a brand or a site. Not "McCain" or "MacDonald" (surnames) and not "LaTeX" (one letter before).
pub(super) fn is_camel_case(word: &str) -> bool {
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

/// Last parts of camel-case words that name programming languages ("JavaScript", "TypeScript",
/// "ActionScript"): a language is neither a brand nor a work (the card audit judges "Python 3" wrong
/// as a work), so such a word is no organisation either.
const LANGUAGE_TAILS: &[&str] = &["Script"];

/// A camel-case word that `kinds` reads as a brand ("DeviantArt", "WordPress"): not a code identifier,
/// a handle or a key, a programming language, nor a variable written against an operator ("MaxSize=").
pub(super) fn camel_brand(post: &PostText, end: usize, word: &str) -> bool {
    let language = LANGUAGE_TAILS.iter().any(|t| word.len() > t.len() && word.ends_with(t));
    is_camel_case(word)
        && !is_code_identifier(word)
        && !is_handle_or_key(word)
        && !language
        && !operator_follows(post, end)
}

#[cfg(test)]
mod tests {
    use crate::facts::entities::extract_with_products;
    use crate::facts::PostText;
    use crate::model::EntityKind;

    /// The thread's organisations and its products, each by name.
    fn read(text: &str) -> (Vec<String>, Vec<String>) {
        let (entities, works) = extract_with_products(&[PostText::new(0, text, None)], true, &[]);
        let orgs = entities.into_iter().filter(|e| e.kind == EntityKind::Organisation).map(|e| e.name).collect();
        (orgs, works.into_iter().map(|w| w.name).collect())
    }

    #[test]
    fn camel_case_programs_and_model_names_are_works() {
        let (orgs, works) = read(
            "I installed VirtualBox on my laptop and VirtualBox 7.1.0 runs fine. The QuickAdd plugin helps, \
             and NodeBB v4 speaks the ActivityPub protocol. For the average Joe, the M2 Air iPad will do. \
             Members have used AI (such as ChatGPT) already, but ChatGPT APIs are not free.",
        );
        assert!(orgs.is_empty(), "{orgs:?}");
        for w in ["VirtualBox", "QuickAdd", "NodeBB", "ActivityPub", "M2 Air", "ChatGPT"] {
            assert!(works.iter().any(|x| x == w), "{w} in {works:?}");
        }
    }

    #[test]
    fn organisation_evidence_keeps_camel_case_companies() {
        let (orgs, works) = read(
            "It sells through the following brands: Booking.com, KAYAK and OpenTable. I used to watch EuroNews \
             when I was a beginner. Paid with PayPal and watched it on YouTube. The company BrightLoop hired \
             me. Why no HP or FedEx, unless those companies could not agree?",
        );
        assert!(works.is_empty(), "{works:?}");
        for o in ["OpenTable", "EuroNews", "PayPal", "YouTube", "BrightLoop", "FedEx"] {
            assert!(orgs.iter().any(|x| x == o), "{o} in {orgs:?}");
        }
    }

    #[test]
    fn handles_languages_surnames_and_sentence_capitals_are_no_works() {
        let (orgs, works) = read(
            "Install it now. Thank you StylinLA for the idea, calibrated by ChadB last year. We wrote a \
             JavaScript application in JavaScript. Later MacDonald said it and McCarthy agreed.",
        );
        assert!(works.is_empty(), "{works:?}");
        assert!(!orgs.iter().any(|o| o.contains("Script") || o.starts_with("Mac") || o.starts_with("Mc")), "{orgs:?}");
    }

    #[test]
    fn a_legal_suffix_keeps_a_camel_case_name_a_company() {
        let (orgs, works) =
            read("We bought licences from BrightLoop Inc last year, and BrightLoop Inc 2.0 was kind to us.");
        assert!(works.is_empty(), "{works:?}");
        assert_eq!(orgs, ["BrightLoop"]);
    }
}

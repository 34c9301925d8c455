//! Which sentences may stand in a summary or the digest. Greetings, thanks, sign-offs and filler ("Hello
//! guys!", "Any recommendation is highly appreciated ^^.", "Danke im Voraus", "Merci d'avance"), questions
//! that only ask the reader ("Any ideas?", "Was meint ihr?"), a board's quote headers ("Ann said: ↑") and
//! lines of code never are, in any of the languages the boards use. The word lists are named constants
//! below, one per kind, all lowercase.

/// Sentences shorter than this (in words) that open with a greeting are only the greeting.
const GREETING_MAX_WORDS: usize = 5;
/// Sentences up to this many words that hold a filler phrase ("thanks in advance") are only filler.
const FILLER_MAX_WORDS: usize = 12;
/// A byline boards print over a post ("by serviscope_minor ( 664417 )", "by admin » Mon Mar 02") has at
/// most this many words.
const BYLINE_MAX_WORDS: usize = 10;
/// Openings of a byline, in the languages the boards use (lowercase).
const BYLINES: &[&str] = &["by ", "von ", "par ", "por "];
/// A question to the reader ("Any ideas?", "Was meint ihr?") has at most this many words.
const READER_QUESTION_MAX_WORDS: usize = 7;
/// A numbered list item of at most this many words and no closing punctuation ("4. Multi Location
/// Hosting") is the label of the item below it, not a sentence.
const LABEL_MAX_WORDS: usize = 4;
/// Share of symbol characters (not letters, digits or spaces) above which a line is code or markup.
const CODE_SYMBOL_SHARE: f64 = 0.2;
/// The largest of the word limits above: [`not_material`] counts a sentence's words up to it, not all.
const COUNTED_WORDS: usize = max(GREETING_MAX_WORDS, max(FILLER_MAX_WORDS, READER_QUESTION_MAX_WORDS));

const fn max(a: usize, b: usize) -> usize {
    if a > b {
        a
    } else {
        b
    }
}
/// Words of the counters boards print under a post ("3 Likes 2 Shares", "12 replies · 1 view"), in the
/// languages the boards use (lowercase): a line of these and numbers is furniture, not a sentence.
const COUNTER_WORDS: &[&str] = &[
    "like",
    "likes",
    "share",
    "shares",
    "reply",
    "replies",
    "view",
    "views",
    "point",
    "points",
    "vote",
    "votes",
    "comment",
    "comments",
    "reaction",
    "reactions",
    "and",
    "antwort",
    "antworten",
    "punkte",
    "réponse",
    "réponses",
    "respuestas",
    "respostas",
    "risposte",
];

/// Words that open a greeting or a sign-off, all languages (lowercase).
const GREETINGS: &[&str] = &[
    "hello",
    "hi",
    "hey",
    "hiya",
    "dear",
    "greetings",
    "howdy",
    "yo",
    "morning",
    "evening",
    "regards",
    "cheers",
    "hallo",
    "servus",
    "moin",
    "grüß",
    "gruß",
    "grüße",
    "grüezi",
    "tach",
    "bonjour",
    "bonsoir",
    "salut",
    "coucou",
    "hola",
    "buenas",
    "saludos",
    "olá",
    "ola",
    "oi",
    "ciao",
    "salve",
    "buongiorno",
    "hej",
    "hoi",
    "thanks",
    "thx",
    "ty",
    "danke",
    "merci",
    "gracias",
    "obrigado",
    "obrigada",
    "grazie",
    "dank",
    "lg",
    "mfg",
    "vg",
    "bye",
    "cya",
];
/// Words after a greeting that make the whole sentence thanks, however long ("Hi and thank you to anyone
/// who takes the time to reply to me."): it is about the readers, not the topic.
const THANKS_AFTER_GREETING: &[&str] =
    &["thank", "thanks", "danke", "merci", "gracias", "obrigado", "obrigada", "grazie"];
/// Phrases that make a short sentence thanks, a sign-off or filler, all languages (lowercase).
const FILLER_PHRASES: &[&str] = &[
    "thanks in advance",
    "thank you in advance",
    "thanks for any",
    "thanks for your help",
    "thank you for your help",
    "thanks a lot",
    "thank you so much",
    "many thanks",
    "thank you both",
    "thank you all",
    "thank you everyone",
    "thank you guys",
    "thanks all",
    "thanks everyone",
    "thanks guys",
    "thanks both",
    "for the help",
    "for the quick help",
    "for the replies",
    "for all the replies",
    "for your replies",
    "danke euch",
    "danke an alle",
    "merci à tous",
    "gracias a todos",
    "obrigado a todos",
    "grazie a tutti",
    "appreciated",
    "appreciate any",
    "any help",
    "any advice",
    "any suggestion",
    "any recommendation",
    "any idea",
    "any input",
    "any thoughts",
    "any tips",
    "help me please",
    "please help",
    "hope this helps",
    "good luck",
    "best regards",
    "kind regards",
    "warm regards",
    "have a nice day",
    "have a good day",
    "sorry for my english",
    "sorry for the long post",
    "long time lurker",
    "first post",
    "danke im voraus",
    "danke schon mal",
    "danke schonmal",
    "vielen dank",
    "danke für",
    "besten dank",
    "liebe grüße",
    "viele grüße",
    "schöne grüße",
    "beste grüße",
    "mit freundlichen",
    "gruß",
    "für jede hilfe",
    "über jede hilfe",
    "bin für jeden",
    "hoffe ihr könnt",
    "merci d'avance",
    "merci d’avance",
    "merci beaucoup",
    "merci pour",
    "cordialement",
    "bonne journée",
    "gracias de antemano",
    "muchas gracias",
    "saludos",
    "obrigado desde já",
    "desde já agradeço",
    "muito obrigado",
    "grazie in anticipo",
    "grazie mille",
    // Welcomes to a newcomer: kind, and about the poster, not the topic.
    "welcome to the forum",
    "welcome to the club",
    "welcome aboard",
    "willkommen im forum",
    "willkommen hier",
    "herzlich willkommen",
    "bienvenue à vous",
    "bienvenue à toi",
    "bienvenue sur le forum",
    "bienvenue parmi nous",
    "bienvenue ici",
    "bienvenido al foro",
    "bem-vindo ao fórum",
    "benvenuto nel forum",
];
/// Quote headers and buttons boards glue to quoted text ("Ann said: ↑", "Zitat von X:", "Click to
/// expand..."): the sentence holding one is the board's furniture around a quote, not the post's words.
const QUOTE_HEADERS: &[&str] = &[
    " said: ",
    " wrote: ",
    " schrieb: ",
    "zitat von ",
    " a écrit",
    " escribió:",
    " escreveu:",
    " ha scritto:",
    "↑",
    "click to expand",
    "zum vergrößern anklicken",
    "klicken sie in dieses feld",
    "klicke in dieses feld",
    "cliquez pour agrandir",
];
/// Phrases that make a short question one to the reader, with nothing of the topic in it.
const READER_QUESTIONS: &[&str] = &[
    "any idea",
    "anyone",
    "anybody",
    "does someone",
    "can someone",
    "what do you think",
    "what do you guys",
    "thoughts?",
    "your thoughts",
    "suggestions?",
    "ideas?",
    "opinions?",
    "can you help",
    "could you help",
    "jemand",
    "was meint ihr",
    "was haltet ihr",
    "was sagt ihr",
    "könnt ihr",
    "habt ihr",
    "ideen?",
    "quelqu'un",
    "quelqu’un",
    "qu'en pensez",
    "qu’en pensez",
    "vous en pensez",
    "alguien",
    "alguém",
    "qualcuno",
];

/// Why a sentence may not stand in a summary, if it may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotMaterial {
    /// "Hello guys!", "Hi all", "Cheers, Tom".
    Greeting,
    /// "Thanks in advance", "Any recommendation is highly appreciated ^^.", "Danke im Voraus".
    Filler,
    /// "Any ideas?", "Was meint ihr?": a question to the reader with nothing of the topic.
    ReaderQuestion,
    /// A line of code or markup.
    Code,
    /// A board's quote header or button glued to the text ("Ann said: ↑ ...", "Click to expand...").
    QuoteHeader,
    /// A board's counters left in the text: numbers and counter words only ("3 Likes 2 Shares").
    Counters,
    /// A board's byline left in the text: "by NAME" with a user number or a "»" before the date.
    Byline,
    /// "4. Multi Location Hosting": a numbered list item's label.
    Label,
}

/// `None` when the sentence can stand in a summary; else why not.
pub fn not_material(sentence: &str) -> Option<NotMaterial> {
    let s = sentence.trim();
    if is_code(s) {
        return Some(NotMaterial::Code);
    }
    let lower = s.to_lowercase();
    if QUOTE_HEADERS.iter().any(|h| has_header(&lower, h)) {
        return Some(NotMaterial::QuoteHeader);
    }
    // The word count is only compared with the short limits above: counting stops past the largest.
    let words = || lower.split_whitespace();
    let count = words().take(COUNTED_WORDS + 1).count();
    let first = words().next().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).unwrap_or("");
    if GREETINGS.contains(&first) && (count <= GREETING_MAX_WORDS || thanks_follow(words())) {
        return Some(NotMaterial::Greeting);
    }
    if count <= FILLER_MAX_WORDS && FILLER_PHRASES.iter().any(|p| lower.contains(p)) {
        return Some(NotMaterial::Filler);
    }
    if count > 0 && words().all(is_counter_word) && words().any(|w| w.parse::<u64>().is_ok()) {
        return Some(NotMaterial::Counters);
    }
    if count <= BYLINE_MAX_WORDS && BYLINES.iter().any(|b| lower.starts_with(b)) && (s.contains('»') || user_number(s))
    {
        return Some(NotMaterial::Byline);
    }
    if s.ends_with('?') && count <= READER_QUESTION_MAX_WORDS && READER_QUESTIONS.iter().any(|p| lower.contains(p)) {
        return Some(NotMaterial::ReaderQuestion);
    }
    if count <= LABEL_MAX_WORDS && words().next().is_some_and(is_list_number) && !s.ends_with(['.', '!', '?', '…', ':'])
    {
        return Some(NotMaterial::Label);
    }
    None
}

/// A greeting word then, within the next two words, thanks: "hi and thank you", "hello all, thanks".
fn thanks_follow<'a>(mut words: impl Iterator<Item = &'a str>) -> bool {
    words.next();
    words.take(2).any(|w| THANKS_AFTER_GREETING.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// "4.", "12)", "3:": a list item's number.
fn is_list_number(w: &str) -> bool {
    let digits = w.trim_end_matches(['.', ')', ':']);
    digits.len() < w.len() && !digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `lower` holds the quote header `h`; a header ending in a space ("said: ") also at the sentence's end
/// or before a line break ("6 hours ago, Ann said:", "Ann said:\nThe text").
fn has_header(lower: &str, h: &str) -> bool {
    let bare = h.trim_end();
    if bare.len() == h.len() {
        return lower.contains(h);
    }
    // The plain search first (the fast one): most sentences hold no header.
    lower.contains(bare)
        && lower.match_indices(bare).any(|(at, m)| lower[at + m.len()..].chars().next().is_none_or(char::is_whitespace))
}

/// The text holds a number alone in parentheses ("( 664417 )", "(664417)"): a user's number in a byline.
fn user_number(s: &str) -> bool {
    s.split('(').skip(1).any(|rest| {
        rest.split_once(')').is_some_and(|(inside, _)| {
            let t = inside.trim();
            !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
        })
    })
}

/// A number (`1,204`) or a word of a board's counters (lowercase).
fn is_counter_word(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    w.is_empty() || w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') || COUNTER_WORDS.contains(&w)
}

/// The sentence can stand in a summary (see [`not_material`]).
pub fn is_summary_material(sentence: &str) -> bool {
    not_material(sentence).is_none()
}

/// A line of code or markup: many symbols, or the shapes code lines have (`;` or a brace at the end,
/// `name(...)`, `=>`, `::`, `</tag>`, a shell prompt).
pub fn is_code(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() {
        return false;
    }
    let shaped = s.ends_with(';')
        || s.ends_with('{')
        || s.starts_with('}')
        || s.starts_with("$ ")
        || s.starts_with("#include")
        || s.starts_with("import ")
        || s.starts_with("def ")
        || s.contains("=>")
        || s.contains("::")
        || s.contains("</")
        || s.contains("();")
        || s.contains(")->");
    let (mut symbols, mut total) = (0usize, 0usize);
    for c in s.chars() {
        if c.is_whitespace() {
            continue;
        }
        total += 1;
        if !c.is_alphanumeric() && !matches!(c, '.' | ',' | '!' | '?' | '\'' | '’' | '"' | '-' | ':' | '(' | ')' | '…')
        {
            symbols += 1;
        }
    }
    shaped || (total >= 8 && symbols as f64 > CODE_SYMBOL_SHARE * total as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_left_in_the_text_are_not_material() {
        for s in ["3 Likes 2 Shares", "1 Like 1 Share", "23 Likes", "12 replies, 1,204 views"] {
            assert!(matches!(not_material(s), Some(NotMaterial::Counters)), "{s}");
        }
        for s in ["Likes and shares count for nothing here.", "It has 3 points of failure."] {
            assert!(not_material(s).is_none(), "{s}");
        }
    }

    #[test]
    fn filler_greetings_and_reader_questions_are_not_material() {
        for s in [
            "Hello guys!",
            "Hi all,",
            "Any recommendation is highly appreciated ^^.",
            "Thanks in advance",
            "Thanks in advance for any help!",
            "Danke im Voraus",
            "Vielen Dank für eure Hilfe!",
            "Liebe Grüße",
            "Merci d'avance",
            "Gracias",
            "Obrigado desde já.",
            "bienvenue à vous et à votre fille,",
            "Welcome to the forum, glad you found us.",
            "Any ideas?",
            "Does anyone know?",
            "Was meint ihr?",
            "Kann mir jemand helfen?",
            "Qu'en pensez-vous ?",
            "Cheers, Tom",
            "Thank you both for the quick help.",
            "Thanks everyone for all the replies!",
            "Danke an alle für die schnelle Hilfe!",
            "Hi and thank you to anyone who takes the time to reply to me.",
            "Hello all, thanks for reading this far into my long question about the router.",
        ] {
            assert!(!is_summary_material(s), "{s}");
        }
        for s in [
            "Hi, I have a Bosch kettle that stopped heating after the descaling cycle last week.",
            "Does anyone know why the resolver in Docker 24 ignores the search domains set in daemon.json?",
            "Thanks to the new firmware the router finally keeps its settings after a reboot.",
            "Ich frage mich, ob es evtl. Flohkot ist.",
            "Bubbles after four hours, thanks!",
        ] {
            assert!(is_summary_material(s), "{s}");
        }
    }

    #[test]
    fn list_labels_are_not_material() {
        for s in ["4. Multi Location Hosting", "2) Backups"] {
            assert_eq!(not_material(s), Some(NotMaterial::Label), "{s}");
        }
        for s in
            ["1. The CPC for paid ads is higher than it used to be.", "4. Reinstall it.", "Here is what worked for me."]
        {
            assert_eq!(not_material(s), None, "{s}");
        }
    }

    #[test]
    fn quote_headers_are_not_material() {
        for s in [
            "Zitat von siegi: ↑ genau genommen ja.",
            "SteppeWatcher said: I'll believe it when I see it.",
            "Click to expand... Top!",
            "6 hours ago, Bej Kerman said:",
            "3 minutes ago, ColdJ said:\nKerbal Network seems like the best fit for your proposed thread.",
        ] {
            assert_eq!(not_material(s), Some(NotMaterial::QuoteHeader), "{s}");
        }
    }

    #[test]
    fn bylines_are_not_material() {
        for s in ["by serviscope_minor ( 664417 )", "by admin » Mon Mar 02, 2020 10:15 am"] {
            assert_eq!(not_material(s), Some(NotMaterial::Byline), "{s}");
        }
        // A sentence opening with "by" is one: "By 2030 (in 5 years) ..." has no user number alone.
        assert_eq!(not_material("By the way, the kettle (a Bosch) works again."), None);
        assert_eq!(not_material("By 2030 the fleet will have 12 (or 14) ships in service."), None);
    }

    #[test]
    fn code_lines_are_not_material() {
        for s in [
            "let x = foo(bar);",
            "if (a && b) {",
            "$ sudo apt-get install nginx",
            "<div class=\"x\"></div>",
            "std::vector<int> v;",
        ] {
            assert_eq!(not_material(s), Some(NotMaterial::Code), "{s}");
        }
        assert!(!is_code("The kettle works again (after a reset), thanks to your tip."));
    }
}

//! A post's action bar: the row of buttons every post repeats ("Report · Quote · Reply", "Zitieren
//! Melden", "Répondre Citer Signaler"). No reader wants it in a post's text, and a reader whose body is the
//! whole post block (when the body holds most of a short post's text) would keep it there.
//!
//! An element is an action bar when it is short ([`MAX_BAR_TEXT`]), holds at least [`MIN_CONTROLS`] links or
//! buttons, and every word of its text is an action word ([`ACTION_WORDS`], in the boards' languages) or a
//! word such a label is made of ([`LABEL_WORDS`]: "Reply *with* quote", "Report *post*"), with at least one
//! action word. A count ("12 Likes") or a name keeps the element: it is not only actions.

use crate::thread::structure::Measures;
use ego_tree::NodeRef;
use scraper::Node;

/// Most characters (white space not counted) an action bar holds.
const MAX_BAR_TEXT: usize = 120;
/// Fewest links or buttons in an action bar: one link alone may be a post's own word.
const MIN_CONTROLS: usize = 2;

/// What a post's buttons say, lowercased, in the languages the boards use (English, German, French, Spanish,
/// Portuguese, Italian, Dutch).
const ACTION_WORDS: &[&str] = &[
    "reply",
    "quote",
    "multiquote",
    "multi-quote",
    "report",
    "edit",
    "delete",
    "share",
    "permalink",
    "like",
    "unlike",
    "bookmark",
    "flag",
    "follow",
    "antworten",
    "zitieren",
    "melden",
    "bearbeiten",
    "löschen",
    "teilen",
    "répondre",
    "citer",
    "signaler",
    "modifier",
    "supprimer",
    "partager",
    "responder",
    "citar",
    "reportar",
    "denunciar",
    "editar",
    "borrar",
    "compartir",
    "compartilhar",
    "excluir",
    "rispondi",
    "cita",
    "segnala",
    "modifica",
    "elimina",
    "condividi",
    "beantwoorden",
    "citeren",
    "rapporteren",
    "bewerken",
];

/// Words action labels are made of besides the action ("Reply with quote", "Report post", "Quick reply"),
/// and the menu of further actions that ends many bars ("Reply Quote Report Other", "Share More").
const LABEL_WORDS: &[&str] = &[
    "other",
    "more",
    "options",
    "mehr",
    "with",
    "post",
    "this",
    "message",
    "quick",
    "to",
    "mit",
    "beitrag",
    "antwort",
    "zitat",
    "le",
    "avec",
    "citation",
    "con",
    "mensaje",
    "com",
    "mensagem",
    "il",
    "messaggio",
];

/// Whether `n` is a post's action bar (see the module doc). The words are read first: most short elements
/// with a link fail on their first word ("Home", a name), before any walk for the controls.
pub fn is_action_bar(n: NodeRef<Node>, m: &Measures) -> bool {
    let size = m.size(n.id());
    if size.text == 0 || size.text > MAX_BAR_TEXT || size.link == 0 {
        return false;
    }
    let mut action = false;
    for text in n.descendants().filter_map(|d| d.value().as_text()) {
        for word in text.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()) {
            let word = word.to_lowercase();
            if ACTION_WORDS.contains(&word.as_str()) {
                action = true;
            } else if !LABEL_WORDS.contains(&word.as_str()) {
                return false;
            }
        }
    }
    action
        && n.descendants()
            .filter(|d| matches!(d.value(), Node::Element(e) if e.name() == "a" || e.name() == "button"))
            .nth(MIN_CONTROLS - 1)
            .is_some()
}

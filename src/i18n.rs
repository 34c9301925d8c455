//! The card's own words in the reader's language.
//!
//! The texts live in the extension's message tables (`extension/_locales/<locale>/messages.json`), the same
//! files the browser's `i18n` API reads for the extension's pages, so a word is translated once for both.
//! `build.rs` compiles the card's keys (`card_*`) into a static table: [`Msg`] names a key, and a key the
//! English table lacks does not compile.
//!
//! The language is ambient, as a locale is in gettext: [`with_lang`] sets it for one render and every
//! [`t`] inside reads it. The renderers' functions keep their signatures: `render::render_with` sets the
//! language of [`Options::locale`](crate::Options::locale) for every export (card, Markdown, HTML, text,
//! terminal), and `summarize` for the notices it writes. Field names (the Markdown's front-matter keys, the
//! JSON's) are not words: they stay as tools read them.

use std::cell::Cell;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// Locales whose singular covers 0 as well as 1 ("0 message" in French, "0 mensagem" in Brazilian
/// Portuguese); the others use the singular for 1 only.
const SINGULAR_ZERO: &[&str] = &["fr", "pt_BR"];

/// A locale of the table (an index into [`LOCALES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lang(usize);

impl Lang {
    /// English, the fallback.
    pub const EN: Lang = Lang(0);

    /// The table's locale for a BCP 47 tag as the browser gives it ("de", "de-AT", "pt-BR", "en-US"): the
    /// same locale, else the first one of the same language, else English.
    pub fn from_tag(tag: &str) -> Lang {
        let tag = tag.trim().replace('-', "_");
        let primary = |t: &str| t.split('_').next().unwrap_or("").to_ascii_lowercase();
        LOCALES
            .iter()
            .position(|l| l.eq_ignore_ascii_case(&tag))
            .or_else(|| LOCALES.iter().position(|l| primary(l) == primary(&tag)))
            .map(Lang)
            .unwrap_or(Lang::EN)
    }

    /// The locale's folder name ("en", "pt_BR").
    pub fn code(self) -> &'static str {
        LOCALES[self.0]
    }

    /// The locale as an HTML `lang` value ("en", "pt-BR").
    pub fn html_tag(self) -> String {
        self.code().replace('_', "-")
    }

    /// Whether `n` takes the singular form in this language.
    fn singular(self, n: usize) -> bool {
        n == 1 || (n == 0 && SINGULAR_ZERO.contains(&self.code()))
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::EN) };
}

/// Runs `f` with `lang` as the language of every [`t`] inside; the previous one comes back afterwards,
/// also when `f` unwinds.
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Lang);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.replace(lang)));
    f()
}

/// The language [`t`] uses now.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// The text of `m` in the current language.
pub fn t(m: Msg) -> &'static str {
    let i = lang().0 * KEYS.len() + m as usize;
    &TEXT[usize::from(AT[i])..usize::from(AT[i + 1])]
}

/// The text of `m` with `$1`, `$2`, … replaced by `args` (page text stays as it is: the caller escapes).
pub fn tf(m: Msg, args: &[&dyn std::fmt::Display]) -> String {
    let args: Vec<String> = args.iter().map(ToString::to_string).collect();
    tf_with(m, str::to_string, &args)
}

/// [`tf`] for markup: the message's own words go through `words` (an escaper of src/render/escape.rs),
/// `args` go in as they are (markup the caller made, such as a `<time>` element).
pub fn tf_with(m: Msg, words: impl Fn(&str) -> String, args: &[String]) -> String {
    let text = t(m);
    let mut out = String::with_capacity(text.len() + 16);
    let mut literal = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let digit = chars.peek().and_then(|d| d.to_digit(10)).filter(|&d| d >= 1);
        match (c, digit) {
            ('$', Some(d)) => {
                chars.next();
                out.push_str(&words(&std::mem::take(&mut literal)));
                if let Some(arg) = args.get(d as usize - 1) {
                    out.push_str(arg);
                }
            }
            _ => literal.push(c),
        }
    }
    out.push_str(&words(&literal));
    out
}

/// `one` or `other` by the count `n` (its `$1` is `n`), with `rest` as `$2`, `$3`, ….
pub fn tn(n: usize, one: Msg, other: Msg, rest: &[&dyn std::fmt::Display]) -> String {
    let m = if lang().singular(n) { one } else { other };
    let args: Vec<&dyn std::fmt::Display> =
        std::iter::once(&n as &dyn std::fmt::Display).chain(rest.iter().copied()).collect();
    tf(m, &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_pick_a_locale_or_english() {
        assert_eq!(Lang::from_tag("de-AT").code(), "de");
        assert_eq!(Lang::from_tag("pt-BR").code(), "pt_BR");
        assert_eq!(Lang::from_tag("pt-PT").code().split('_').next(), Some("pt"));
        assert_eq!(Lang::from_tag("en-US"), Lang::EN);
        assert_eq!(Lang::from_tag("x-klingon"), Lang::EN);
        assert_eq!(Lang::from_tag(""), Lang::EN);
    }

    #[test]
    fn placeholders_and_plurals() {
        assert_eq!(tn(1, Msg::card_stat_posts_one, Msg::card_stat_posts_other, &[]), "1 post");
        assert_eq!(tn(3, Msg::card_stat_posts_one, Msg::card_stat_posts_other, &[]), "3 posts");
        assert_eq!(tf(Msg::card_page_of, &[&2, &5]), "page 2 of 5");
        let de = with_lang(Lang::from_tag("de"), || tf(Msg::card_page_of, &[&2, &5]));
        assert_eq!(de, "Seite 2 von 5");
        assert_eq!(lang(), Lang::EN, "the language comes back after the render");
        let fr = with_lang(Lang::from_tag("fr"), || tn(0, Msg::card_stat_posts_one, Msg::card_stat_posts_other, &[]));
        assert_eq!(fr, "0 message");
    }
}

//! Stage 5: a `Summary` out to the formats people and tools read. Escaping for every format lives in
//! `escape`; nothing else escapes.

pub mod card;
pub mod card_posts;
pub mod digest;
pub mod escape;
pub mod export;
pub mod jsonld;
pub mod markdown;
pub mod markdown_posts;
pub mod outline;
pub mod reader;
pub mod terminal;
pub mod timeline;

use crate::i18n::Msg;
use crate::model::Summary;
pub use export::file_name;

/// An output format of the CLI and the exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The card for a terminal.
    Card,
    /// For notes apps: YAML front matter, the digest and facts, every post.
    Markdown,
    /// The JSON contract.
    Json,
    /// The thread as schema.org `DiscussionForumPosting` JSON-LD.
    JsonLd,
    /// A self-contained reader page of the whole thread (no script, printable).
    Html,
    /// The card as plain text, then every post.
    Text,
}

impl Format {
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "card" => Some(Format::Card),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "jsonld" | "json-ld" => Some(Format::JsonLd),
            "html" => Some(Format::Html),
            "text" | "txt" => Some(Format::Text),
            _ => None,
        }
    }
}

/// Renders a summary in one format, with the default options.
pub fn render(summary: &Summary, format: Format) -> String {
    render_with(summary, format, &crate::Options::default())
}

/// Renders a summary in one format with the user's options (front matter, time format, hidden sections,
/// locale); each renderer reads the ones that concern it.
/// Every word an export writes is in the options' language ([`crate::i18n`]), English as the fallback.
pub fn render_with(summary: &Summary, format: Format, options: &crate::Options) -> String {
    crate::i18n::with_lang(crate::i18n::Lang::from_tag(&options.locale), || match format {
        Format::Card => terminal::card(summary),
        Format::Markdown => markdown::document(summary, options),
        Format::Json => json(summary),
        Format::JsonLd => jsonld::document(summary, options),
        Format::Html => reader::page(summary, options),
        Format::Text => terminal::plain_text(summary, options),
    })
}

impl Format {
    /// The file extension of the format's export.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Card | Format::Text => "txt",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::JsonLd => "jsonld",
            Format::Html => "html",
        }
    }
}

/// The JSON contract, pretty-printed.
pub fn json(summary: &Summary) -> String {
    // Serializing plain structs of strings and numbers cannot fail; a NaN would become null.
    escape::json_owned(crate::json::to_pretty(summary).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}")))
}

/// The JSON contract on one line (JSON Lines output).
pub fn json_line(summary: &Summary) -> String {
    escape::json_owned(crate::json::to_line(summary).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}")))
}

/// The page's place, as short plain pieces: site name, language, "page 2 of 5". Each renderer escapes them
/// and adds the previous/next links in its own way.
pub(crate) fn page_line(s: &Summary) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(site) = s.site.as_deref().filter(|x| !x.trim().is_empty()) {
        out.push(site.trim().to_string());
    }
    if let Some(lang) = s.language.as_deref().filter(|x| !x.trim().is_empty()) {
        out.push(language_name(lang));
    }
    if let Some(p) = &s.pagination {
        match (p.page, p.pages) {
            (Some(n), Some(m)) => out.push(crate::i18n::tf(Msg::card_page_of, &[&n, &m])),
            (Some(n), None) => out.push(crate::i18n::tf(Msg::card_page, &[&n])),
            (None, Some(m)) => out.push(crate::i18n::tf(Msg::card_pages, &[&m])),
            (None, None) => {}
        }
    }
    out
}

/// A language tag as a reader says it ("de-AT" → "German (de-AT)", in the current language); tags outside the
/// table stay as they are.
/// The card names the page's language because the fact stage keeps only language-neutral facts
/// (numbers, links, dates, names) on pages that are not in English.
fn language_name(tag: &str) -> String {
    const NAMES: &[(&str, Msg)] = &[
        ("en", Msg::card_lang_en),
        ("de", Msg::card_lang_de),
        ("fr", Msg::card_lang_fr),
        ("it", Msg::card_lang_it),
        ("es", Msg::card_lang_es),
        ("pt", Msg::card_lang_pt),
        ("nl", Msg::card_lang_nl),
        ("pl", Msg::card_lang_pl),
        ("ru", Msg::card_lang_ru),
        ("uk", Msg::card_lang_uk),
        ("sv", Msg::card_lang_sv),
        ("da", Msg::card_lang_da),
        ("no", Msg::card_lang_no),
        ("nb", Msg::card_lang_no),
        ("fi", Msg::card_lang_fi),
        ("cs", Msg::card_lang_cs),
        ("hu", Msg::card_lang_hu),
        ("ro", Msg::card_lang_ro),
        ("el", Msg::card_lang_el),
        ("tr", Msg::card_lang_tr),
        ("ar", Msg::card_lang_ar),
        ("he", Msg::card_lang_he),
        ("fa", Msg::card_lang_fa),
        ("hi", Msg::card_lang_hi),
        ("zh", Msg::card_lang_zh),
        ("ja", Msg::card_lang_ja),
        ("ko", Msg::card_lang_ko),
        ("vi", Msg::card_lang_vi),
        ("id", Msg::card_lang_id),
    ];
    let tag = tag.trim();
    let primary = tag.split(['-', '_']).next().unwrap_or(tag).to_ascii_lowercase();
    match NAMES.iter().find(|(code, _)| *code == primary) {
        Some((_, name)) if tag.len() > primary.len() => format!("{} ({tag})", crate::i18n::t(*name)),
        Some((_, name)) => crate::i18n::t(*name).to_string(),
        None => tag.to_string(),
    }
}

/// "Tue Jan 11, 2022, 02:28 PM" style text is the page's; for the card, the ISO time trimmed to minutes.
/// Shown text that is itself a machine time ("2024-11-27T15:50:23Z": a board that prints an attribute's
/// value where it shows no time of its own) is written the same way, never raw.
pub(crate) fn when(published: Option<&str>, shown: Option<&str>) -> Option<String> {
    let iso = |p: &str| p.replacen('T', " ", 1).chars().take(16).collect();
    match shown {
        Some(t) if crate::date::is_machine_time(t) => Some(iso(t)),
        Some(t) => Some(t.to_string()),
        None => published.map(iso),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Pagination;

    #[test]
    fn machine_times_shown_by_the_page_are_written_for_readers() {
        assert_eq!(when(None, Some("2024-11-27T15:50:23Z")).as_deref(), Some("2024-11-27 15:50"));
        assert_eq!(when(Some("2024-11-27T15:50:23Z"), Some("Nov 27, 2024")).as_deref(), Some("Nov 27, 2024"));
        assert_eq!(when(Some("2024-11-27T15:50:23Z"), None).as_deref(), Some("2024-11-27 15:50"));
        assert_eq!(when(None, Some("2024-11-27 at noon")).as_deref(), Some("2024-11-27 at noon"));
    }

    #[test]
    fn page_line_names_site_language_and_page() {
        let s = Summary {
            site: Some("Kettle Talk".into()),
            language: Some("de-AT".into()),
            pagination: Some(Pagination { page: Some(2), pages: Some(5), ..Pagination::default() }),
            ..Summary::default()
        };
        assert_eq!(page_line(&s), ["Kettle Talk", "German (de-AT)", "page 2 of 5"]);
        let bare = Summary { language: Some("x-klingon".into()), ..Summary::default() };
        assert_eq!(page_line(&bare), ["x-klingon"]);
    }

    #[test]
    fn card_links_next_page_and_drops_script_urls() {
        let s = Summary {
            pagination: Some(Pagination {
                page: Some(2),
                pages: Some(3),
                next: Some("https://board.example/t/9?page=3".into()),
                prev: Some("javascript:alert(1)".into()),
            }),
            ..Summary::default()
        };
        let html = card::fragment(&s);
        assert!(html.contains(r#"<a class="tc-next" rel="next" href="https://board.example/t/9?page=3">"#), "{html}");
        assert!(html.contains("page 2 of 3") && !html.contains("javascript:"), "{html}");
        let md = markdown::document(&s, &crate::Options::default());
        assert!(md.contains("**Next page:** <https://board.example/t/9?page=3>") && !md.contains("javascript:"));
    }
}

//! Stage 5: a `Summary` out to the formats people and tools read. Escaping for every format lives in
//! `escape`; nothing else escapes.

pub mod card;
pub mod escape;
pub mod markdown;
pub mod terminal;

use crate::model::Summary;

/// An output format of the CLI and the exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The card for a terminal.
    Card,
    Markdown,
    Json,
    /// A standalone HTML page holding the card.
    Html,
    /// The posts' plain text only.
    Text,
}

impl Format {
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "card" => Some(Format::Card),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "html" => Some(Format::Html),
            "text" | "txt" => Some(Format::Text),
            _ => None,
        }
    }
}

/// Renders a summary in one format.
pub fn render(summary: &Summary, format: Format) -> String {
    match format {
        Format::Card => terminal::card(summary),
        Format::Markdown => markdown::document(summary),
        Format::Json => json(summary),
        Format::Html => card::page(summary),
        Format::Text => terminal::plain_text(summary),
    }
}

/// The JSON contract, pretty-printed.
pub fn json(summary: &Summary) -> String {
    // Serializing plain structs of strings and numbers cannot fail; a NaN would become null.
    serde_json::to_string_pretty(summary).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The JSON contract on one line (JSON Lines output).
pub fn json_line(summary: &Summary) -> String {
    serde_json::to_string(summary).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// "Tue Jan 11, 2022, 02:28 PM" style text is the page's; for the card, the ISO time trimmed to minutes.
pub(crate) fn when(published: Option<&str>, shown: Option<&str>) -> Option<String> {
    shown.map(str::to_string).or_else(|| published.map(|p| p.replacen('T', " ", 1).chars().take(16).collect()))
}

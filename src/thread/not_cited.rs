//! Links of a post's body that the post does not cite, told by their markup: the board put them there.
//!
//! A quote opens with a header naming its author and linking back to the quoted post (MyBB's
//! "X Wrote: ↑" inside `<cite>`, vBulletin's "Originally Posted by X ▸", Flarum's `PostMention`); a
//! reply names a member with a mention link; a site wraps words of a post in its own keyword links; an
//! autolinker stops a long address early and leaves the rest of it as text. None of these is a page the
//! poster points the reader to, so they are not kept among the post's links. The address shapes that tell
//! the same (pictures, profiles, redirects) are read in the fact stage (`facts::uncited`).

use scraper::ElementRef;

/// Classes of links that point back to a quoted post or to a mentioned member (Flarum `PostMention` and
/// `UserMention`, MyBB's quote header `quick_jump`, XenForo's quote `bbCodeBlock-sourceJump`, NodeBB's
/// `plugin-mentions-user`, Discourse's `mention`), compared with each class of the link.
pub const BACKLINK_CLASSES: &[&str] =
    &["PostMention", "UserMention", "quick_jump", "bbCodeBlock-sourceJump", "plugin-mentions-user", "mention"];

/// Classes of the element a site wraps around words it links itself (keyword and affiliate inserters:
/// `keyword_link`, VigLink's `vglnk`), on the link or its parent: the poster linked nothing.
pub const SITE_INSERTED_CLASSES: &[&str] = &["keyword_link", "vglnk"];

/// Classes of a quote's header, whose links lead back to the quoted post (vBulletin 4 `bbcode_postedby`).
pub const QUOTE_HEADER_CLASSES: &[&str] = &["bbcode_postedby"];

/// Openings of a quote header's text (vBulletin 3 and the boards built on it write it without a class:
/// `<div>Originally Posted by <b>X</b> <a href="…#post12">▸</a></div>`): a link in such a line is the back-link.
pub const QUOTE_HEADER_OPENINGS: &[&str] = &["Originally Posted by", "Quote from:", "Zitat von", "Citation de"];

/// Longest quote header line, in characters: past it, the element is a paragraph that happens to open so.
pub const MAX_QUOTE_HEADER_CHARS: usize = 120;

/// Characters that continue an address: a link whose shown address is followed by one of them, with no
/// space between, was cut short by the board's autolinker (`https://shop.test/s?k=saw</a>+books&ref=…`).
pub const ADDRESS_CONTINUES: &[char] = &['+', '&', '%', '=', '_', '~', '/', '-', '#', '\''];

/// Whether the link `a` inside `body` is one the post does not cite (see the module doc).
pub fn by_markup(a: ElementRef, body: ElementRef) -> bool {
    has_class(a, BACKLINK_CLASSES)
        || has_class(a, SITE_INSERTED_CLASSES)
        || parent(a).is_some_and(|p| has_class(p, SITE_INSERTED_CLASSES))
        || in_quote_header(a, body)
        || cut_short(a)
}

fn has_class(e: ElementRef, classes: &[&str]) -> bool {
    e.value().attr("class").is_some_and(|c| c.split_whitespace().any(|c| classes.contains(&c)))
}

fn parent(e: ElementRef) -> Option<ElementRef> {
    e.parent().and_then(ElementRef::wrap)
}

/// Inside a `<cite>` of a quote, an element of [`QUOTE_HEADER_CLASSES`], or a short line opening with one
/// of [`QUOTE_HEADER_OPENINGS`] (searched up to the body).
fn in_quote_header(a: ElementRef, body: ElementRef) -> bool {
    let ancestors = || a.ancestors().take_while(|n| n.id() != body.id()).filter_map(ElementRef::wrap);
    let in_quote = || ancestors().any(|e| e.value().name() == "blockquote");
    ancestors().any(|e| has_class(e, QUOTE_HEADER_CLASSES))
        || (ancestors().any(|e| e.value().name() == "cite") && in_quote())
        || parent(a).filter(|p| p.id() != body.id()).and_then(short_text).is_some_and(|text| {
            text.chars().count() <= MAX_QUOTE_HEADER_CHARS && QUOTE_HEADER_OPENINGS.iter().any(|o| text.starts_with(o))
        })
}

/// The element's text with its white space squashed, when it may be a quote header's line: `None` as soon
/// as it holds more than [`MAX_QUOTE_HEADER_CHARS`] non-space characters (its squashed text is longer
/// still). Read only that far, so a block holding many links is not read in full once per link.
fn short_text(e: ElementRef) -> Option<String> {
    let mut raw = String::new();
    let mut letters = 0;
    for piece in e.text() {
        letters += piece.chars().filter(|c| !c.is_whitespace()).count();
        if letters > MAX_QUOTE_HEADER_CHARS {
            return None;
        }
        raw.push_str(piece);
    }
    Some(crate::text::squash(&raw))
}

/// A link that shows its own address, followed right away by more of an address (see [`ADDRESS_CONTINUES`]):
/// the board linked only the first part of what the poster wrote. (A possessive `'s` is no address.)
fn cut_short(a: ElementRef) -> bool {
    let Some(href) = a.value().attr("href") else { return false };
    let shown: String = a.text().collect();
    let shown = shown.trim();
    if shown.is_empty() || shown.trim_end_matches('/') != href.trim().trim_end_matches('/') {
        return false;
    }
    let Some(next) = a.next_sibling().and_then(|n| n.value().as_text().map(|t| t.to_string())) else {
        return false;
    };
    let possessive = next.starts_with("'s") && next[2..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    next.chars().next().is_some_and(|c| c.is_alphanumeric() || ADDRESS_CONTINUES.contains(&c)) && !possessive
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    /// Which links of the body (`<div id=b>`) of `html` are not cited, in document order.
    fn marks(html: &str) -> Vec<bool> {
        let doc = Html::parse_document(html);
        let body = doc.select(&Selector::parse("#b").unwrap()).next().unwrap();
        body.select(&Selector::parse("a[href]").unwrap()).map(|a| by_markup(a, body)).collect()
    }

    #[test]
    fn mention_and_quote_header_links_are_back_links() {
        let html = r#"<div id=b>
            <blockquote><p><a href="https://board.test/d/12-topic/3" class="PostMention">riverstone</a> so it goes</p></blockquote>
            <blockquote class="q"><cite>(2020-01-02) riverstone Wrote: <a href="https://board.test/post-77.html#pid77" class="quick_jump"></a></cite>quoted</blockquote>
            <blockquote class="q"><cite>riverstone <a href="https://board.test/post-78.html#pid78">↑</a></cite>quoted</blockquote>
            <table><tr><td><div>Originally Posted by <strong>riverstone</strong> <a href="https://board.test/t-12.html#post99"><img alt="View Post"></a></div>quoted</td></tr></table>
            <div class="bbcode_postedby">Posted by riverstone <a href="https://board.test/showthread.php?p=5#post5">view</a></div>
            <p>See <a href="https://docs.tool.test/guide">the guide</a>.</p>
        </div>"#;
        assert_eq!(marks(html), [true, true, true, true, true, false]);
    }

    #[test]
    fn a_cited_work_in_a_cite_outside_a_quote_stays() {
        let html =
            r#"<div id=b><p>As <cite><a href="https://books.test/harbour">The Harbour</a></cite> puts it</p></div>"#;
        assert_eq!(marks(html), [false]);
    }

    #[test]
    fn site_inserted_keyword_links_are_not_the_posters() {
        let html = r#"<div id=b><p>happy to answer <span class="keyword_link"><a href="https://short.test/3qx">any questions</a></span> here,
            or read <a href="https://paper.test/story">this story</a></p></div>"#;
        assert_eq!(marks(html), [true, false]);
    }

    #[test]
    fn an_address_the_autolinker_cut_short_is_not_cited() {
        let html = r#"<div id=b>books:<br><a href="https://shop.test/s?k=saw">https://shop.test/s?k=saw</a>+project+books&amp;ref=nb
            <br><a href="https://club.test/projects/">https://club.test/projects/</a>'double-bed'/msg69/
            <br><a href="https://tool.test/">https://tool.test/</a> is good
            <br><a href="https://tool.test/a">https://tool.test/a</a>'s docs
            <br><a href="https://tool.test/b">https://tool.test/b</a>.</div>"#;
        assert_eq!(marks(html), [true, true, false, false, false]);
    }
}

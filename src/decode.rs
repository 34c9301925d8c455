//! Stage 0: a saved page's bytes in, its text out, decoded as a browser decodes it.
//!
//! Old boards (vBulletin 3, Something Awful, Japanese and Chinese forums) serve windows-1252, ISO-8859-x,
//! Shift_JIS or GBK, and a page saved from them keeps those bytes. The encoding is found in the order of the
//! WHATWG encoding sniffing algorithm (<https://html.spec.whatwg.org/#encoding-sniffing-algorithm>), with
//! Firefox's own decoder (`encoding_rs`) and detector (`chardetng`):
//!
//! 1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE): it wins over everything;
//! 2. UTF-8 evidence: the bytes are UTF-8 with non-ASCII text in them (see [`is_utf8_text`]). This step stands
//!    where the HTTP `Content-Type` header stands in the algorithm: a saved file has lost its header, and a
//!    page whose template still says `iso-8859-1` while its server sent UTF-8 (boards converted to UTF-8 keep
//!    their old `<meta>`) reads as its server sent it, not as mojibake;
//! 3. the `<meta charset>` / `<meta http-equiv=Content-Type content="...; charset=...">` prescan of the first
//!    1024 bytes ([`prescan`]);
//! 4. undeclared ASCII is read as UTF-8 (the same text in any ASCII-compatible encoding), and anything else
//!    goes to `chardetng` on the whole input, with the top-level domain of the page's URL as a hint, as Firefox does
//!    for pages that declare nothing. It runs only there: a declared page never pays for it. The WASM build
//!    has no detector (it would cost the module ~170 KB gzipped, for the demo page's file drop alone: the
//!    extension reads pages the browser has decoded): there undeclared legacy bytes are windows-1252, the
//!    default of a browser without a detector.
//!
//! Bytes that are not text at all (NUL bytes, without a UTF-16 byte order mark) are [`Error::Binary`]; every
//! other input decodes, malformed sequences becoming U+FFFD as in a browser.

use crate::error::Error;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many leading bytes the `<meta>` prescan reads: the WHATWG algorithm's limit, so a page declares its
/// encoding where a browser would find it.
pub const PRESCAN_BYTES: usize = 1024;
/// How many leading bytes are checked for NUL: text in an ASCII-compatible encoding has none, a binary file
/// (image, archive, PDF) has them in its header.
const BINARY_SNIFF_BYTES: usize = 8192;
/// Least number of well-formed non-ASCII UTF-8 characters per malformed sequence for mostly-UTF-8 bytes to
/// be read as UTF-8: scraped pages carry a stray windows-1252 byte in otherwise UTF-8 text, while legacy
/// text almost never forms valid multi-byte UTF-8 (an `é` is one byte followed by ASCII).
const MIN_UTF8_CHARS_PER_MALFORMED: usize = 4;

/// For batch tools (the corpus evaluation): [`decode`], counted in a process-wide [`tally`]; input that does
/// not decode (binary) is counted as refused and read as UTF-8 with replacement characters instead.
pub fn decode_counted(bytes: &[u8]) -> String {
    use std::sync::atomic::Ordering::Relaxed;
    TALLY[0].fetch_add(1, Relaxed);
    match decode_at(bytes, None) {
        Ok(d) => {
            TALLY[2].fetch_add(usize::from(d.malformed), Relaxed);
            TALLY[3].fetch_add(usize::from(d.encoding != "UTF-8"), Relaxed);
            d.text
        }
        Err(_) => {
            TALLY[1].fetch_add(1, Relaxed);
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

/// What [`decode_counted`] has seen so far: inputs, refused, with malformed bytes, in a legacy encoding.
static TALLY: [std::sync::atomic::AtomicUsize; 4] = [const { std::sync::atomic::AtomicUsize::new(0) }; 4];

/// One line for a batch tool's report: how many inputs [`decode_counted`] read, refused (decode errors),
/// found malformed, and found in an encoding other than UTF-8.
pub fn tally() -> String {
    let [read, refused, malformed, legacy] = TALLY.each_ref().map(|t| t.load(std::sync::atomic::Ordering::Relaxed));
    format!("decode: {read} files, {refused} decode errors, {malformed} with malformed bytes, {legacy} not UTF-8")
}

/// Where the encoding was found (see the module comment for the order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A byte order mark.
    Bom,
    /// The bytes are UTF-8 text.
    Utf8,
    /// `<meta charset>` or `http-equiv` in the first [`PRESCAN_BYTES`].
    Meta,
    /// Nothing declared: `chardetng` guessed.
    Detector,
    /// Nothing declared, and no detector in this build (WASM): windows-1252, the WHATWG default.
    Default,
}

/// A decoded page and how its encoding was found.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG name of the encoding (`"windows-1252"`, `"Shift_JIS"`, `"UTF-16LE"`).
    pub encoding: &'static str,
    pub source: Source,
    /// Whether some byte sequences were malformed and became U+FFFD.
    pub malformed: bool,
}

/// Decodes a page's bytes as a browser would (see the module comment).
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    decode_at(bytes, None).map(|d| d.text)
}

/// [`decode`], with the URL the page came from (its top-level domain guides the detector) and the details
/// of what was chosen.
pub fn decode_at(bytes: &[u8], url: Option<&str>) -> Result<Decoded, Error> {
    let (encoding, source, bom) = sniff(bytes, url)?;
    let (text, malformed) = encoding.decode_without_bom_handling(bytes.get(bom..).unwrap_or_default());
    Ok(Decoded { text: text.into_owned(), encoding: encoding.name(), source, malformed })
}

/// The encoding, where it was found, and the length of the byte order mark to skip: the sniffing alone,
/// for callers that decode with a decoder of their own (the WASM build uses the browser's `TextDecoder`,
/// which knows the same WHATWG encodings, so the module carries no decoding tables).
pub fn sniff(bytes: &[u8], url: Option<&str>) -> Result<(&'static Encoding, Source, usize), Error> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return Ok((encoding, Source::Bom, bom));
    }
    if bytes[..bytes.len().min(BINARY_SNIFF_BYTES)].contains(&0) {
        return Err(Error::Binary);
    }
    if is_utf8_text(bytes) {
        return Ok((UTF_8, Source::Utf8, 0));
    }
    if let Some(encoding) = prescan(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        return Ok((encoding, Source::Meta, 0));
    }
    // Undeclared ASCII reads the same in every ASCII-compatible encoding: no detector needed (ESC would
    // start ISO-2022-JP, which the detector knows).
    if bytes.is_ascii() && !bytes.contains(&0x1B) {
        return Ok((UTF_8, Source::Utf8, 0));
    }
    detect(bytes, url)
}

/// Whether the bytes are UTF-8 text: non-ASCII characters in them, all well formed or nearly all (see
/// [`MIN_UTF8_CHARS_PER_MALFORMED`]). Pure ASCII says nothing (it reads the same in every ASCII-compatible
/// encoding, and ISO-2022-JP is written in ASCII bytes), so the page's declaration decides.
fn is_utf8_text(bytes: &[u8]) -> bool {
    if bytes.is_ascii() {
        return false;
    }
    let (mut wide, mut malformed) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        wide += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        malformed += usize::from(!chunk.invalid().is_empty());
    }
    wide > 0 && wide >= MIN_UTF8_CHARS_PER_MALFORMED * malformed
}

/// `chardetng`'s guess for undeclared bytes, with the URL's top-level domain as a hint (`.jp` favours
/// Shift_JIS, `.ru` windows-1251, ...). UTF-8 is not a candidate: [`is_utf8_text`] already said no.
#[cfg(not(target_arch = "wasm32"))]
fn detect(bytes: &[u8], url: Option<&str>) -> Result<(&'static Encoding, Source, usize), Error> {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let host = url.map(crate::url::domain).unwrap_or_default();
    let tld = host.rsplit('.').next().filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphabetic()));
    Ok((detector.guess(tld.map(str::as_bytes), false), Source::Detector, 0))
}

/// Without a detector (the WASM build; see the module comment): windows-1252.
#[cfg(target_arch = "wasm32")]
fn detect(_bytes: &[u8], _url: Option<&str>) -> Result<(&'static Encoding, Source, usize), Error> {
    Ok((WINDOWS_1252, Source::Default, 0))
}

/// The encoding a `<meta>` in `head` declares, by the WHATWG prescan: comments and other tags skipped,
/// `<meta charset=X>` or `<meta http-equiv=content-type content="...charset=X">`. A declared UTF-16 means
/// UTF-8 (the bytes are ASCII-compatible, or the prescan could not have read them) and `x-user-defined`
/// means windows-1252, as the algorithm says.
pub fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while i < head.len() {
        let rest = &head[i..];
        if rest.starts_with(b"<!--") {
            i += 4 + find(&rest[4..], b"-->").map_or(rest.len(), |p| p + 3);
        } else if starts_with_ignore_case(rest, b"<meta") && rest.get(5).is_some_and(|&c| is_space(c) || c == b'/') {
            let (found, end) = meta_charset(head, i + 5);
            if found.is_some() {
                return found.map(for_declared);
            }
            i = end;
        } else if rest.len() > 1 && rest[0] == b'<' && (rest[1].is_ascii_alphabetic() || rest[1] == b'/') {
            i = skip_tag(head, i + 1);
        } else if rest.len() > 1 && rest[0] == b'<' && matches!(rest[1], b'!' | b'?') {
            i += find(rest, b">").map_or(rest.len(), |p| p + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// The declared encoding as the prescan must take it.
fn for_declared(encoding: &'static Encoding) -> &'static Encoding {
    match encoding.name() {
        "UTF-16LE" | "UTF-16BE" => UTF_8,
        "x-user-defined" => WINDOWS_1252,
        _ => encoding,
    }
}

/// A `<meta>` tag's attributes from `at`: the charset it declares, and where the tag ends.
fn meta_charset(b: &[u8], mut at: usize) -> (Option<&'static Encoding>, usize) {
    let (mut pragma, mut charset, mut content) = (false, None, None);
    while let Some((name, value, next)) = attribute(b, at) {
        at = next;
        match name.as_slice() {
            b"http-equiv" => pragma |= value.eq_ignore_ascii_case(b"content-type"),
            b"charset" if charset.is_none() && content.is_none() => charset = Encoding::for_label(&value),
            b"content" if charset.is_none() && content.is_none() => content = charset_in_content(&value),
            _ => {}
        }
    }
    let found = charset.or(if pragma { content } else { None });
    (found, at)
}

/// The WHATWG "get an attribute" step: the next attribute's name (lowercased), value, and the index after it;
/// `None` at the tag's end.
fn attribute(b: &[u8], mut i: usize) -> Option<(Vec<u8>, Vec<u8>, usize)> {
    while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
        i += 1;
    }
    if i >= b.len() || b[i] == b'>' {
        return None;
    }
    let start = i;
    while i < b.len() && !(is_space(b[i]) || matches!(b[i], b'=' | b'>') || (b[i] == b'/' && i > start)) {
        i += 1;
    }
    let name = b[start..i].to_ascii_lowercase();
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    if b.get(i) != Some(&b'=') {
        return Some((name, Vec::new(), i));
    }
    i += 1;
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    let value = match b.get(i) {
        Some(&q) if q == b'"' || q == b'\'' => {
            let end = b[i + 1..].iter().position(|&c| c == q).map_or(b.len(), |p| i + 1 + p);
            let v = b[i + 1..end].to_vec();
            i = (end + 1).min(b.len());
            v
        }
        _ => {
            let start = i;
            while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                i += 1;
            }
            b[start..i].to_vec()
        }
    };
    Some((name, value.to_ascii_lowercase(), i))
}

/// The WHATWG "extract a character encoding from a meta element": `text/html; charset="shift_jis"` → Shift_JIS.
fn charset_in_content(content: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    while let Some(p) = find(&content[from..], b"charset") {
        let mut i = from + p + 7;
        while i < content.len() && is_space(content[i]) {
            i += 1;
        }
        if content.get(i) != Some(&b'=') {
            from = i;
            continue;
        }
        i += 1;
        while i < content.len() && is_space(content[i]) {
            i += 1;
        }
        let value = match content.get(i) {
            Some(&q) if q == b'"' || q == b'\'' => {
                let end = content[i + 1..].iter().position(|&c| c == q)?;
                &content[i + 1..i + 1 + end]
            }
            Some(_) => {
                let end = content[i..].iter().position(|&c| is_space(c) || c == b';').unwrap_or(content.len() - i);
                &content[i..i + end]
            }
            None => return None,
        };
        return Encoding::for_label(value);
    }
    None
}

/// Skips a tag that is not `<meta>` (its name and attributes) from just after its `<`; returns the index
/// after it.
fn skip_tag(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
        i += 1;
    }
    while let Some((_, _, next)) = attribute(b, i) {
        i = next;
    }
    i + 1
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

fn starts_with_ignore_case(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Index of `needle` in `hay`, ASCII case-insensitively.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(head: &str) -> Option<&'static str> {
        prescan(head.as_bytes()).map(Encoding::name)
    }

    #[test]
    fn prescan_reads_both_meta_forms() {
        assert_eq!(name(r#"<html><head><meta charset="windows-1252"><title>x</title>"#), Some("windows-1252"));
        assert_eq!(name("<META CHARSET=Shift_JIS>"), Some("Shift_JIS"));
        assert_eq!(
            name(r#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">"#),
            Some("ISO-8859-2")
        );
        // `latin1` is windows-1252 in every browser; GB2312 is GBK.
        assert_eq!(
            name(r#"<meta content='text/html; charset="latin1"' http-equiv=content-type>"#),
            Some("windows-1252")
        );
        assert_eq!(name("<meta charset=gb2312>"), Some("GBK"));
    }

    #[test]
    fn prescan_ignores_what_a_browser_ignores() {
        // A content charset without the http-equiv pragma, a commented-out meta, an unknown label, an
        // attribute value that only looks like a meta.
        assert_eq!(name(r#"<meta content="text/html; charset=koi8-r">"#), None);
        assert_eq!(name("<!-- <meta charset=koi8-r> --><p>"), None);
        assert_eq!(name("<meta charset=no-such-thing>"), None);
        assert_eq!(name(r#"<div title="<meta charset=koi8-r>"></div>"#), None);
        assert_eq!(name("<meta charset=utf-16le>"), Some("UTF-8"));
        // A declaration past the first 1024 bytes is not seen (the lone 0xD6 byte makes the page non-UTF-8).
        let mut late = format!("<p>{}</p><meta charset=koi8-r><p>", "x".repeat(PRESCAN_BYTES)).into_bytes();
        late.extend_from_slice(b"\xD6</p>");
        assert_eq!(decode_at(&late, None).map(|d| d.source).ok(), Some(Source::Detector));
    }

    #[test]
    fn prescan_survives_cut_off_and_hostile_heads() {
        for head in [
            "<meta",
            "<meta charset",
            "<meta charset='",
            "<meta content=\"charset=",
            "<!--",
            "<a b='",
            "</",
            "<",
            "<meta/=/>",
        ] {
            assert_eq!(name(head), None, "{head:?}");
        }
        let pattern = b"<m=/'\" >!-";
        let hostile: Vec<u8> = (0..PRESCAN_BYTES).map(|i| pattern[i % pattern.len()]).collect();
        assert_eq!(prescan(&hostile), None);
    }

    #[test]
    fn utf8_bytes_win_over_a_stale_declaration() {
        let page = "<meta charset=iso-8859-1><p>Zürich, São Paulo, 東京</p>";
        let d = decode_at(page.as_bytes(), None).expect("decodes");
        assert_eq!((d.text.as_str(), d.source), (page, Source::Utf8));
        // One stray windows-1252 byte in UTF-8 text: still UTF-8, the byte replaced.
        let mut bytes = "<p>naïve café déjà vu, señor</p>".as_bytes().to_vec();
        bytes.extend_from_slice(b"<p>caf\xE9</p>");
        let d = decode_at(&bytes, None).expect("decodes");
        assert!(d.malformed && d.text.contains("déjà vu") && d.text.contains('\u{FFFD}'), "{}", d.text);
    }

    #[test]
    fn undeclared_legacy_text_goes_to_the_detector() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("<p>東京の天気は晴れです。明日も晴れるでしょう。</p>");
        let d = decode_at(&bytes, Some("https://board.example.jp/t/1")).expect("decodes");
        assert_eq!((d.encoding, d.source), ("Shift_JIS", Source::Detector));
        assert!(d.text.contains("東京の天気"), "{}", d.text);
    }

    #[test]
    fn only_binary_bytes_are_binary() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").err(), Some(Error::Binary));
        // UTF-16 is full of NUL bytes, but its byte order mark says it is text.
        let bytes: Vec<u8> = "\u{FEFF}<p>hi</p>".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&bytes).ok().as_deref(), Some("<p>hi</p>"));
        assert_eq!(decode(b"").ok().as_deref(), Some(""));
    }
}

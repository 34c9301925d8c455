//! The JSON reader: RFC 8259 text into a [`Value`], accepting and rejecting what `serde_json::from_str`
//! does (no comments, no trailing commas, no lone surrogates, no raw control characters in strings, only
//! whitespace after the value), in one pass over the bytes. Page data: never panics, and nesting deeper
//! than [`MAX_DEPTH`] is refused rather than recursed into.

use super::{Map, Number, Value};

/// The deepest nesting read (arrays and objects inside each other), as deep as `serde_json`'s recursion
/// limit lets it read: a hostile page cannot exhaust the stack.
pub const MAX_DEPTH: usize = 127;

/// The value of the JSON text `s`, or `None` when it is not JSON.
pub fn from_str(s: &str) -> Option<Value> {
    let mut p = Parser { b: s.as_bytes(), i: 0 };
    let v = p.value(0)?;
    p.ws();
    (p.i == p.b.len()).then_some(v)
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        let ok = self.peek() == Some(c);
        self.i += usize::from(ok);
        ok
    }

    fn word(&mut self, w: &[u8], v: Value) -> Option<Value> {
        let ok = self.b.get(self.i..self.i + w.len()) == Some(w);
        self.i += w.len();
        ok.then_some(v)
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        self.ws();
        match self.peek()? {
            b'n' => self.word(b"null", Value::Null),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'[' if depth < MAX_DEPTH => self.array(depth + 1),
            b'{' if depth < MAX_DEPTH => self.object(depth + 1),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn array(&mut self, depth: usize) -> Option<Value> {
        self.i += 1;
        let mut items = Vec::new();
        if self.eat(b']') {
            return Some(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            if self.eat(b']') {
                return Some(Value::Array(items));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    fn object(&mut self, depth: usize) -> Option<Value> {
        self.i += 1;
        let mut members = Vec::new();
        if self.eat(b'}') {
            return Some(Value::Object(Map::new()));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return None;
            }
            let key = self.string()?;
            if !self.eat(b':') {
                return None;
            }
            members.push((key, self.value(depth)?));
            if self.eat(b'}') {
                return Some(Value::Object(Map::from_members(members)));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// A string from its opening quote; the text between escapes is copied as whole UTF-8 runs.
    fn string(&mut self) -> Option<String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while matches!(self.peek(), Some(c) if c != b'"' && c != b'\\' && c >= 0x20) {
                self.i += 1;
            }
            // The input is a &str and the run stops only at ASCII bytes, so the run is whole UTF-8.
            out.push_str(std::str::from_utf8(&self.b[start..self.i]).ok()?);
            match self.peek()? {
                b'"' => {
                    self.i += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.i += 1;
                    out.push(self.escape()?);
                }
                _ => return None, // a raw control character
            }
        }
    }

    fn escape(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        Some(match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode(),
            _ => return None,
        })
    }

    /// `\uXXXX` (after the `u`), with a surrogate pair's second half.
    fn unicode(&mut self) -> Option<char> {
        let hi = self.hex4()?;
        if (0xDC00..0xE000).contains(&hi) {
            return None;
        }
        if !(0xD800..0xDC00).contains(&hi) {
            return char::from_u32(hi);
        }
        if self.b.get(self.i..self.i + 2) != Some(b"\\u") {
            return None;
        }
        self.i += 2;
        let lo = self.hex4()?;
        if !(0xDC00..0xE000).contains(&lo) {
            return None;
        }
        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.b.get(self.i..self.i + 4)?;
        self.i += 4;
        digits.iter().try_fold(0, |n, &d| Some(n * 16 + char::from(d).to_digit(16)?))
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`: an integer when it has neither fraction nor
    /// exponent and fits 64 bits, else a finite float.
    fn number(&mut self) -> Option<Value> {
        let start = self.i;
        let negative = self.peek() == Some(b'-');
        self.i += usize::from(negative);
        match self.peek()? {
            b'0' => self.i += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.i += 1;
            integer = false;
            if !self.peek()?.is_ascii_digit() {
                return None;
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            integer = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !self.peek()?.is_ascii_digit() {
                return None;
            }
            self.digits();
        }
        let text = std::str::from_utf8(&self.b[start..self.i]).ok()?;
        if integer {
            if let Some(n) = if negative {
                // `-0` is a float, as serde_json reads it (-0.0).
                text.parse().ok().filter(|n: &i64| *n < 0).map(Number::Neg)
            } else {
                text.parse().ok().map(Number::Pos)
            } {
                return Some(Value::Number(n));
            }
        }
        let f = crate::float::parse_f64(text)?;
        f.is_finite().then_some(Value::Number(Number::Float(f)))
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads as serde_json does: the same values, the same refusals.
    #[test]
    fn agrees_with_serde_json() {
        let cases = [
            r#"{"b": [1, -2, 3.5, 1e3, -0, 18446744073709551615, 18446744073709551616, -9223372036854775809]}"#,
            r#"{"a": 1, "a": 2, "c": {"@graph": [null, true, false]}, "b": "x"}"#,
            r#""\u00e9\ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t""#,
            " [ ] ",
            "{}",
            "\"é日本\"",
            "0.000015",
            "1E+2",
            // Refused by both.
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "-",
            ".5",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"a\nb\"",
            "[1] x",
            "{'a': 1}",
            "nul",
            "tru",
            "1e999",
            "\"\\x\"",
            "\"abc",
            "[1 2]",
            "{\"a\" 1}",
            "",
        ];
        for case in cases {
            let ours = from_str(case);
            let theirs = serde_json::from_str::<serde_json::Value>(case).ok();
            assert_eq!(ours.is_some(), theirs.is_some(), "{case:?}: {ours:?} vs {theirs:?}");
            if let (Some(ours), Some(theirs)) = (ours, theirs) {
                assert_eq!(super::super::to_line(&ours).ok(), serde_json::to_string(&theirs).ok(), "{case:?}");
            }
        }
    }

    #[test]
    fn nesting_past_the_limit_is_refused_without_recursing() {
        let deep = "[".repeat(100_000);
        assert_eq!(from_str(&deep), None);
        for n in [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1] {
            let nested = format!("{}{}", "[".repeat(n), "]".repeat(n));
            let theirs = serde_json::from_str::<serde_json::Value>(&nested).is_ok();
            assert_eq!(from_str(&nested).is_some(), theirs, "{n} levels");
        }
    }

    #[test]
    fn repeated_keys_keep_the_last_and_values_come_in_key_order() {
        let v = from_str(r#"{"z": 1, "a": 2, "z": 3}"#).unwrap_or_default();
        assert_eq!(v["z"].as_u64(), Some(3));
        let keys: Vec<_> = v.as_object().map(|o| o.iter().map(|(k, _)| k.clone()).collect()).unwrap_or_default();
        assert_eq!(keys, ["a", "z"]);
        assert_eq!(v["missing"], Value::Null);
        assert_eq!(from_str("[7]").unwrap_or_default()[0].as_i64(), Some(7));
    }
}

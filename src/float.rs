//! Decimal text to `f64`, as `str::parse::<f64>` reads it, the one place the crate parses a float.
//!
//! Why not `str::parse` everywhere: in WASM, core's decimal-to-float conversion brings a 10 KB table of
//! 128-bit powers of five (incompressible: about 10 KB gzipped, 2% of the module) and its code. The browser
//! already has a correctly rounded parser, so the WASM build checks the text against Rust's float grammar
//! here and lets JavaScript's `parseFloat` compute the value; natively it is `str::parse`. Both accept and
//! refuse the same texts (the grammar below is `f64::from_str`'s; a test checks it against `str::parse`).

/// `text` as a float, or `None` where `str::parse::<f64>` fails.
pub fn parse_f64(text: &str) -> Option<f64> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse().ok()
    }
    #[cfg(target_arch = "wasm32")]
    {
        match grammar(text)? {
            Form::Number => Some(js_sys::parse_float(text)),
            Form::Infinite(negative) => Some(if negative { f64::NEG_INFINITY } else { f64::INFINITY }),
            Form::NotANumber => Some(f64::NAN),
        }
    }
}

/// What a text `f64::from_str` accepts is.
#[derive(Debug, PartialEq)]
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
enum Form {
    /// Digits with an optional point and exponent: `1`, `-1.5`, `.5`, `5.`, `1e-7`, `+2E3`.
    Number,
    /// `inf` or `infinity` (any case), negative when signed `-`.
    Infinite(bool),
    /// `nan` (any case).
    NotANumber,
}

/// `f64::from_str`'s grammar: `[+-]? (inf | infinity | nan | Number)`, the words in any case, where
/// `Number ::= (Digit+ | Digit+ '.' Digit* | Digit* '.' Digit+) ([eE] [+-]? Digit+)?`; no spaces.
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
fn grammar(text: &str) -> Option<Form> {
    let (negative, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if rest.eq_ignore_ascii_case("inf") || rest.eq_ignore_ascii_case("infinity") {
        return Some(Form::Infinite(negative));
    }
    if rest.eq_ignore_ascii_case("nan") {
        return Some(Form::NotANumber);
    }
    let b = rest.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let whole = digits(0);
    let mut i = whole;
    let mut fraction = 0;
    if b.get(i) == Some(&b'.') {
        fraction = digits(i + 1);
        i += 1 + fraction;
    }
    if whole + fraction == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exponent = digits(i);
        if exponent == 0 {
            return None;
        }
        i += exponent;
    }
    (i == b.len()).then_some(Form::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grammar accepts exactly what `str::parse::<f64>` accepts.
    #[test]
    fn grammar_is_from_strs() {
        let cases = [
            "",
            "+",
            "-",
            ".",
            "1",
            "-1",
            "+1",
            "1.",
            ".5",
            "-.5",
            "1.5",
            "01.50",
            "1e5",
            "1E5",
            "1e+5",
            "1e-5",
            "1e",
            "1e+",
            "e5",
            ".e5",
            "1.e5",
            ".5e5",
            "1.5e-07",
            "inf",
            "-inf",
            "+Inf",
            "INFINITY",
            "infinit",
            "nan",
            "NaN",
            "-nan",
            "infx",
            " 1",
            "1 ",
            "1,5",
            "1_000",
            "0x10",
            "1.2.3",
            "--1",
            "+-1",
            "1e5.5",
            "١",
            "1e400",
            "1e-400",
            "9007199254740993",
            "12k",
        ];
        for case in cases {
            assert_eq!(grammar(case).is_some(), case.parse::<f64>().is_ok(), "{case:?}");
        }
    }
}

//! [`Options`] from the JSON text the extension's `JSON.stringify` makes of its options object, with the
//! meaning `#[derive(Deserialize)] #[serde(default)]` gives them: a missing field keeps its default, an
//! unknown one is ignored, a field of the wrong type is an error naming it (`exported_at` may be `null`).
//! Without a serde deserializer in the WASM module.

use super::{from_str, Value};
use crate::{Options, TimeFormat};

/// The fields of [`Options`] in declaration order, for options given as an array.
const FIELDS: [&str; 6] =
    ["summary_sentences", "front_matter", "time_format", "hidden_sections", "locale", "exported_at"];

/// The options `text` spells, or what is wrong with it.
pub fn options(text: &str) -> Result<Options, String> {
    let value = from_str(text).ok_or("not JSON")?;
    // An object by name; an array by position, as the derive also reads a struct.
    let fields: Vec<(&str, &Value)> = match &value {
        Value::Object(map) => map.iter().map(|(k, v)| (k.as_str(), v)).collect(),
        Value::Array(items) if items.len() <= FIELDS.len() => FIELDS.iter().copied().zip(items).collect(),
        _ => return Err("expected an object".to_string()),
    };
    let mut o = Options::default();
    for (key, v) in fields {
        let wrong = || format!("invalid type for `{key}`");
        match key {
            "summary_sentences" => {
                o.summary_sentences = v.as_u64().and_then(|n| usize::try_from(n).ok()).ok_or_else(wrong)?
            }
            "front_matter" => o.front_matter = v.as_bool().ok_or_else(wrong)?,
            "time_format" => {
                o.time_format = match v.as_str().ok_or_else(wrong)? {
                    "shown" => TimeFormat::Shown,
                    "iso" => TimeFormat::Iso,
                    other => return Err(format!("unknown variant `{other}`, expected `shown` or `iso`")),
                }
            }
            "hidden_sections" => {
                let items = v.as_array().ok_or_else(wrong)?;
                o.hidden_sections =
                    items.iter().map(|s| s.as_str().map(str::to_string)).collect::<Option<_>>().ok_or_else(wrong)?
            }
            "locale" => o.locale = v.as_str().ok_or_else(wrong)?.to_string(),
            "exported_at" => {
                o.exported_at = if v.is_null() { None } else { Some(v.as_str().ok_or_else(wrong)?.to_string()) }
            }
            _ => {}
        }
    }
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same options as serde's derive reads, and an error where it gives one.
    #[test]
    fn reads_as_the_derive_does() {
        let cases = [
            "{}",
            r#"{"summary_sentences": 3, "front_matter": false, "time_format": "iso", "locale": "de"}"#,
            r#"{"hidden_sections": ["timeline", "facts"], "exported_at": "2026-01-02T03:04:05Z", "extra": [1]}"#,
            r#"{"exported_at": null}"#,
            r#"{"summary_sentences": 3.5}"#,
            r#"{"summary_sentences": -1}"#,
            r#"{"front_matter": "yes"}"#,
            r#"{"time_format": "relative"}"#,
            r#"{"hidden_sections": [1]}"#,
            r#"{"locale": null}"#,
            "[]",
            r#"[2, false]"#,
            r#"[2, false, "iso", [], "fr", null, 7]"#,
            "null",
            "{",
        ];
        for case in cases {
            let ours = options(case);
            let theirs = serde_json::from_str::<Options>(case);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "{case}: {ours:?} vs {theirs:?}");
            if let (Ok(a), Ok(b)) = (ours, theirs) {
                assert_eq!(format!("{a:?}"), format!("{b:?}"), "{case}");
            }
        }
    }
}

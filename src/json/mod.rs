//! JSON without `serde_json` in the WASM module: a reader for the JSON a page carries (JSON-LD blocks, a
//! board's preloaded data, an Invision quote's `data-quotedata`) and a writer for the exports.
//!
//! Why our own: `serde_json`'s deserializer, its `Value` and its formatter cost the extension's module about
//! 20 KB gzipped (README, "Budgets"), for the few calls the readers make (`get`, `as_str`, `as_array`, ...).
//! [`Value`] is the subset of `serde_json::Value`'s API the readers use, with the same meaning: objects are
//! read into a [`Map`] ordered by key, a repeated key keeping its last value (as `serde_json`'s `BTreeMap`
//! does), so a reader walking `values()` sees them in the order it did before.
//!
//! The writer ([`to_pretty`], [`to_line`]) serializes any `serde::Serialize` type (the Summary) and any
//! [`Value`] (the JSON-LD document) byte for byte as `serde_json::to_string_pretty` / `to_string` do (a test
//! compares them on every fixture).

mod options;
mod parse;
mod ser;

pub use options::options;
pub use parse::{from_str, MAX_DEPTH};
pub use ser::{to_line, to_pretty};

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number: an integer when the text is one that fits 64 bits, else a float (as `serde_json` reads
/// them, so `as_u64` of `5.0` is `None`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// A non-negative integer.
    Pos(u64),
    /// A negative integer.
    Neg(i64),
    Float(f64),
}

/// A JSON object: its members ordered by key, one per key.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn new() -> Map {
        Map(Vec::new())
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// Sets `key` to `value`, replacing an earlier value.
    pub fn insert(&mut self, key: String, value: Value) {
        match self.find(&key) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (key, value)),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// The members, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The values, in their keys' order.
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.0.iter().map(|(_, v)| v)
    }

    /// The values, in their keys' order, to change in place.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Value> {
        self.0.iter_mut().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The map of members in any order, the last of a repeated key winning.
    fn from_members(mut members: Vec<(String, Value)>) -> Map {
        // A stable sort keeps repeated keys in document order; dedup then keeps the last of each. The
        // crate's one sort (`crate::sort`), not `slice::sort_by`: a copy of std's driftsort for this element
        // type alone cost the WASM module 4 KB.
        crate::sort::sort_by(&mut members, |a, b| a.0.cmp(&b.0));
        let mut out: Vec<(String, Value)> = Vec::with_capacity(members.len());
        for (k, v) in members {
            match out.last_mut() {
                Some(last) if last.0 == k => last.1 = v,
                _ => out.push((k, v)),
            }
        }
        Map(out)
    }
}

impl Value {
    /// The member `key` of an object; `None` for anything else.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// An integer that fits `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(Number::Pos(n)) => Some(*n),
            _ => None,
        }
    }

    /// An integer that fits `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(Number::Pos(n)) => i64::try_from(*n).ok(),
            Value::Number(Number::Neg(n)) => Some(*n),
            _ => None,
        }
    }

    /// Any number, as a float.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(Number::Pos(n)) => Some(*n as f64),
            Value::Number(Number::Neg(n)) => Some(*n as f64),
            Value::Number(Number::Float(f)) => Some(*f),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

impl From<&String> for Value {
    fn from(s: &String) -> Value {
        Value::String(s.clone())
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Value {
        Value::Number(Number::Pos(n as u64))
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Number(if n < 0 { Number::Neg(n) } else { Number::Pos(n as u64) })
    }
}

impl From<Map> for Value {
    fn from(m: Map) -> Value {
        Value::Object(m)
    }
}

impl From<Vec<Value>> for Value {
    fn from(a: Vec<Value>) -> Value {
        Value::Array(a)
    }
}

/// `value["key"]`: the member, or `Null` when there is none (as `serde_json`'s index does).
impl std::ops::Index<&str> for Value {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&Value::Null)
    }
}

/// `value[i]`: the array's element, or `Null`.
impl std::ops::Index<usize> for Value {
    type Output = Value;
    fn index(&self, i: usize) -> &Value {
        self.as_array().and_then(|a| a.get(i)).unwrap_or(&Value::Null)
    }
}

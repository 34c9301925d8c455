//! Matching the fact stage's output (or compromise's) against the labels, counted for micro-averaged
//! precision and recall.

use crate::labels::{LabelEntity, LabelNumber};
use threadcard::facts::{numbers::number_at, numbers::TIME_UNITS, ranges::range_at, tokens::tokenize};
use threadcard::{Entity, Facts, Work};

/// Matched and total counts, for micro-averaged precision and recall.
#[derive(Default, Clone, Copy)]
pub struct Score {
    pub hit_pred: usize,
    pub pred: usize,
    pub hit_gold: usize,
    pub gold: usize,
}

impl Score {
    pub fn add(&mut self, o: Score) {
        self.hit_pred += o.hit_pred;
        self.pred += o.pred;
        self.hit_gold += o.hit_gold;
        self.gold += o.gold;
    }
    pub fn p(&self) -> f64 {
        if self.pred == 0 {
            1.0
        } else {
            self.hit_pred as f64 / self.pred as f64
        }
    }
    pub fn r(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.hit_gold as f64 / self.gold as f64
        }
    }
    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Comparable form of a name: lowercase, no possessive, no leading "the".
fn norm(s: &str) -> String {
    let s = s.trim().to_lowercase().replace('’', "'");
    let s = s.strip_suffix("'s").unwrap_or(&s);
    s.strip_prefix("the ").unwrap_or(s).to_string()
}

/// Two names match when equal, or when one's words are a whole-word part of the other's
/// ("Akeredolu" in "Oluwarotimi Akeredolu").
fn names_match(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let contains = |long: &str, short: &str| format!(" {long} ").contains(&format!(" {short} "));
    a == b || contains(&a, &b) || contains(&b, &a)
}

pub fn forms<'a>(name: &'a str, aliases: &'a [String]) -> impl Iterator<Item = &'a str> {
    std::iter::once(name).chain(aliases.iter().map(String::as_str))
}

/// A predicted entity (name, aliases, kind) is the labelled one when any of their forms match.
pub fn same_entity(p: (&str, &[String]), g: &LabelEntity) -> bool {
    forms(p.0, p.1).any(|a| forms(&g.name, &g.aliases).any(|b| names_match(a, b)))
}

/// Predicted entities against the labelled ones, by any of their forms (and kind, when `typed`).
pub fn score_named(pred: &[(String, Vec<String>, String)], gold: &[LabelEntity], typed: bool) -> Score {
    let matches =
        |p: &(String, Vec<String>, String), g: &LabelEntity| (!typed || p.2 == g.kind) && same_entity((&p.0, &p.1), g);
    Score {
        hit_pred: pred.iter().filter(|p| gold.iter().any(|g| matches(p, g))).count(),
        pred: pred.len(),
        hit_gold: gold.iter().filter(|g| pred.iter().any(|p| matches(p, g))).count(),
        gold: gold.len(),
    }
}

pub fn kind_name(k: threadcard::EntityKind) -> String {
    format!("{k:?}").to_lowercase()
}

/// Predicted entities against the labelled ones. `products` are the names the entity stage moved to the
/// works as products or programs ("WordPress", "VirtualBox"): the labels were written when those were
/// organisations, so they are scored as entity predictions too (a hit when a label names them, a false
/// one when none does), of kind "work" (never a labelled kind: typed, a labelled product is missed).
pub fn score_entities(pred: &[Entity], products: &[Work], gold: &[LabelEntity], typed: bool) -> Score {
    let pred: Vec<(String, Vec<String>, String)> = pred
        .iter()
        .map(|e| (e.name.clone(), e.aliases.clone(), kind_name(e.kind)))
        .chain(products.iter().map(|w| (w.name.clone(), Vec::new(), "work".to_string())))
        .collect();
    score_named(&pred, gold, typed)
}

/// The numbers the fact stage gives: its quantities, and the counts of time units inside its dates
/// and durations ("for two years", "10 years ago", "no more than 10 days"), each with the words that say
/// what it counts and, for a range ("1-2 years", "$500-$700"), its high end.
pub fn predicted_numbers(f: &Facts) -> Vec<(f64, String, Option<f64>)> {
    traced_numbers(f).into_iter().map(|(v, what, _, max)| (v, what, max)).collect()
}

/// [`predicted_numbers`], each with the rule that produced it (for `breakdown`): what kind of unit or
/// count the quantity has, or the time unit of a date or a duration.
pub fn traced_numbers(f: &Facts) -> Vec<(f64, String, &'static str, Option<f64>)> {
    let mut pred: Vec<(f64, String, &'static str, Option<f64>)> = f
        .quantities
        .iter()
        .map(|q| {
            let what = format!("{} {}", q.what, q.unit.as_deref().unwrap_or("")).to_lowercase();
            (q.value, what, number_rule(q), q.max)
        })
        .collect();
    let dated = f.dates.iter().map(|d| (d, "time unit in a date"));
    for (d, rule) in dated.chain(f.durations.iter().map(|d| (d, "time unit in a duration"))) {
        let toks = tokenize(&d.text);
        for i in 0..toks.len() {
            let Some(n) = number_at(&toks, i) else { continue };
            // "1-2 years": a range's value is its low end, its unit the one after the high end.
            let range = range_at(&toks, i, &n, None);
            let next = range.as_ref().map_or(n.next, |r| r.high.next);
            let unit = toks.get(next).map(|t| t.text.to_lowercase());
            if unit.is_some_and(|u| TIME_UNITS.contains(&u.as_str())) {
                pred.push((n.value, d.text.to_lowercase(), rule, range.map(|r| r.high.value)));
                break;
            }
        }
    }
    pred
}

/// The rule a quantity came from, read off its fields.
fn number_rule(q: &threadcard::Quantity) -> &'static str {
    let qualified = q.qualifier.is_some();
    match q.unit.as_deref() {
        Some("%") => "percent",
        Some(u)
            if matches!(u, "$" | "€" | "£" | "¥") || (u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase())) =>
        {
            "currency"
        }
        Some(_) if q.what == "age" => "age",
        Some(_) if q.what.is_empty() => "unit alone",
        Some(_) => "unit and counted words",
        None if qualified => "counted words, hedged",
        None if q.what.split_whitespace().count() == 1 => "counted word",
        None => "counted words",
    }
}

/// A predicted number is the labelled one: same value, and a word of what it counts (or its unit). A
/// range is the labelled number at either of its ends: a label of "40 years ago" in "10-40 years ago",
/// or of "3 routes" in "2 or 3 routes", picked one end of the range the card shows whole.
pub fn number_matches(p: &(f64, String, Option<f64>), g: &LabelNumber) -> bool {
    let what = g.what.to_lowercase();
    let same = |v: f64| (v - g.value).abs() <= 1e-6 * g.value.abs().max(1.0);
    (same(p.0) || p.2.is_some_and(same))
        && (what.split_whitespace().any(|w| p.1.contains(w.trim_end_matches('s'))) || what.is_empty())
}

/// Numbers by value and by a word of what they count (or their unit).
pub fn score_numbers(f: &Facts, gold: &[LabelNumber]) -> Score {
    let pred = predicted_numbers(f);
    let matches = number_matches;
    Score {
        hit_pred: pred.iter().filter(|p| gold.iter().any(|g| matches(p, g))).count(),
        pred: pred.len(),
        hit_gold: gold.iter().filter(|g| pred.iter().any(|p| matches(p, g))).count(),
        gold: gold.len(),
    }
}

pub fn score_sources(f: &Facts, gold: &[String]) -> Score {
    let matches = |p: &str, g: &str| p == g || threadcard::url::domain(p) == threadcard::url::domain(g);
    Score {
        hit_pred: f.sources.iter().filter(|s| gold.iter().any(|g| matches(&s.url, g))).count(),
        pred: f.sources.len(),
        hit_gold: gold.iter().filter(|g| f.sources.iter().any(|s| matches(&s.url, g))).count(),
        gold: gold.len(),
    }
}

//! Every predicted fact of a set by the rule that produced it, right and wrong counted apart: which
//! class of rule fails where. Counts only (a held-out set shows nothing more than its totals by rule).

use crate::labels::Label;
use crate::score::{number_matches, same_entity, traced_numbers};
use threadcard::facts::entities::{Evidence, Trace};
use threadcard::thread::Thread;
use threadcard::{Entity, Facts};

/// Facts and false facts per rule, in the order rules were first seen.
#[derive(Default)]
pub struct Breakdown {
    rows: Vec<(String, usize, usize)>,
}

impl Breakdown {
    fn count(&mut self, rule: &str, right: bool) {
        let i = self.rows.iter().position(|(r, _, _)| r == rule).unwrap_or_else(|| {
            self.rows.push((rule.to_string(), 0, 0));
            self.rows.len() - 1
        });
        if let Some(row) = self.rows.get_mut(i) {
            row.1 += 1;
            row.2 += usize::from(!right);
        }
    }

    pub fn add(&mut self, o: &Breakdown) {
        for (rule, all, wrong) in &o.rows {
            for k in 0..*all {
                self.count(rule, k >= *wrong);
            }
        }
    }

    /// One thread's facts, judged against its label.
    pub fn one(f: &Facts, traced: &[(Entity, Trace)], thread: &Thread, label: &Label) -> Breakdown {
        let mut b = Breakdown::default();
        for e in &f.entities {
            b.count(&entity_rule(e, traced), label.entities.iter().any(|g| same_entity((&e.name, &e.aliases), g)));
        }
        for (value, what, rule, max) in traced_numbers(f) {
            let right = label.numbers.iter().any(|g| number_matches(&(value, what.clone(), max), g));
            b.count(&format!("number: {rule}"), right);
        }
        for s in &f.sources {
            let rule = source_rule(s, thread);
            let domain = threadcard::url::domain(&s.url);
            let right = label.sources.iter().any(|g| *g == s.url || threadcard::url::domain(g) == domain);
            b.count(&rule, right);
        }
        b
    }

    pub fn print(&self) {
        if self.rows.is_empty() {
            return;
        }
        let mut rows: Vec<&(String, usize, usize)> = self.rows.iter().collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        println!("  by rule           facts / false");
        for (rule, all, wrong) in rows {
            println!("    {rule:<44} {all:>4} / {wrong:<4}");
        }
    }
}

/// The rule an entity came from, by its evidence trace: `entity: gazetteer Place, from "X and Y"`.
pub fn entity_rule(e: &Entity, traced: &[(Entity, Trace)]) -> String {
    let trace = traced.iter().find(|(t, _)| t.name == e.name).map(|(_, t)| *t);
    trace.map_or("entity: (untraced)".to_string(), |t| {
        let and = if t.from_and { ", from \"X and Y\"" } else { "" };
        let language = if t.english { "" } else { ", not English" };
        format!("entity: {} {:?}{and}{language}", evidence_name(t.evidence), e.kind)
    })
}

/// The rule a source came from: a bare address or a link's text, with or without a title.
pub fn source_rule(s: &threadcard::Source, thread: &Thread) -> String {
    let link = thread.posts.iter().flat_map(|p| &p.links).find(|l| l.url == s.url);
    let bare = link.is_some_and(|l| l.text.trim() == l.url || l.text.trim() == s.domain);
    let titled = if s.title.is_some() { "titled" } else { "untitled" };
    format!("source: {}, {titled}", if bare { "bare address" } else { "link text" })
}

fn evidence_name(e: Evidence) -> &'static str {
    match e {
        Evidence::Gazetteer => "gazetteer",
        Evidence::MultiWord => "several capitalized words",
        Evidence::Role => "title or role",
        Evidence::KindCue => "cue of its kind",
        Evidence::RepeatedMidSentence => "repeated mid-sentence",
        Evidence::Acronym => "acronym",
        Evidence::MultiWordOther => "several capitalized words mid-sentence",
    }
}

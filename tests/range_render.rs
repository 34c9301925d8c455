//! A range is one fact on every card and export: "$500-$700" and "1-2 years" are shown whole, never as
//! "$700" or "2 years"; a size ("18 x 22 inches") shows no side.

use threadcard::{render, summarize, Format, Options};

const PAGE: &str = "<html><head><title>Which laptop for travel?</title></head><body><main><article>\
    <h1>Which laptop for travel?</h1><p>I want a laptop that is quite portable and my budget is $500-$700. \
    You can always sell it after 1-2 years. It has to fit a desk of 18 x 22 inches in our camper, which is \
    not much room for anything at all really.</p><p>Most people I asked said that a good one costs a bit \
    more than that, but I would rather wait than pay more.</p></article></main></body></html>";

#[test]
fn a_range_shows_whole_in_every_format() {
    let s = summarize(PAGE, None, &Options::default()).expect("the page reads");
    let q: Vec<(&str, f64, Option<f64>)> =
        s.facts.quantities.iter().map(|q| (q.text.as_str(), q.value, q.max)).collect();
    assert_eq!(q, [("$500-$700", 500.0, Some(700.0))]);
    let d: Vec<(&str, Option<&str>)> =
        s.facts.durations.iter().map(|d| (d.text.as_str(), d.value.as_deref())).collect();
    assert_eq!(d, [("1-2 years", None)]);
    for format in [Format::Card, Format::Markdown, Format::Text, Format::Html] {
        let out = render(&s, format);
        // Markdown escapes the dollar signs.
        let plain = out.replace("\\$", "$");
        assert!(plain.contains("$500-$700") && plain.contains("1-2 years"), "{format:?}: {out}");
        assert!(!plain.contains("• $700") && !plain.contains("- $700"), "{format:?}: {out}");
        assert!(!plain.contains("• 22 inches") && !plain.contains("- 22 inches"), "{format:?}: {out}");
    }
}

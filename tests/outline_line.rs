//! A post's one-line summary in the card's outline is its own words: never the header a board puts above
//! a quote (Discourse's avatar and "crumbly:", read as "image crumbly:").

use threadcard::{render::card, Options};

#[test]
fn a_quote_header_does_not_open_the_outline_line() {
    let html = std::fs::read_to_string("tests/fixtures/engines/discourse.html").expect("fixture");
    let s = threadcard::summarize(&html, Some("https://bake.example.org/t/1"), &Options::default()).expect("summary");
    let card = card::fragment(&s);
    let firsts: Vec<&str> =
        card.split(r#"<span class="tc-post-first">"#).skip(1).filter_map(|rest| rest.split("</span>").next()).collect();
    assert!(firsts.len() >= 2, "{card}");
    assert!(firsts.iter().all(|f| !f.contains("crumbly:") && !f.starts_with("image")), "{firsts:?}");
    assert!(firsts[1].starts_with("Not dead, just hungry."), "{firsts:?}");
}

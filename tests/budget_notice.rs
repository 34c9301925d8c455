//! A page over the work budget still gets its card, and every export says what was not read: the one-line
//! notice of `Summary::notices` reaches the JSON, the Markdown and the terminal card, never a silent loss.

use threadcard::{budget, render, summarize, Format, Options};

#[test]
fn an_oversized_page_gets_a_card_that_says_what_was_not_read() {
    let posts: String = (0..budget::MAX_ELEMENTS / 2 + 10)
        .map(|i| format!("<div class=\"p\"><b>user{}</b> said <i>item {i}</i></div>", i % 7))
        .collect();
    let html = format!("<html><head><title>Huge thread</title></head><body>{posts}</body></html>");
    let s = summarize(&html, Some("https://board.example/t/1"), &Options::default()).expect("an HTML page");
    assert_eq!(s.notices.len(), 1, "{:?}", s.notices);
    let notice = &s.notices[0];
    assert!(notice.contains("not read"), "{notice}");
    assert!(!s.posts.is_empty(), "the part within the budget is still read");
    let md = render(&s, Format::Markdown);
    assert!(md.contains("**Notice:**") && md.contains("not read"), "Markdown: {}", &md[..md.len().min(600)]);
    let card = render(&s, Format::Card);
    assert!(card.contains("not read"), "terminal card: {}", &card[..card.len().min(600)]);
    assert!(render(&s, Format::Json).contains("\"notices\""));
    let html = threadcard::render::card::fragment(&s);
    assert!(html.contains(r#"<p class="tc-notice" role="note">"#) && html.contains("not read"), "card HTML");
}

#[test]
fn a_page_within_the_budget_has_no_notice() {
    let s = summarize(threadcard::SAMPLE_HTML, Some(threadcard::SAMPLE_URL), &Options::default()).expect("sample");
    assert!(s.notices.is_empty());
    assert!(!render(&s, Format::Markdown).contains("**Notice:**"));
}

//! The options page's settings as the card renderer applies them (`render::card::fragment_with`): sections
//! left out by name, the digest's length, and times as shown or ISO. The e2e tests (tests/e2e) check the
//! same through the real options page in both browsers.

use threadcard::{render::card, Options, Summary, TimeFormat};

fn engine(file: &str) -> Summary {
    let html = std::fs::read_to_string(format!("tests/fixtures/engines/{file}")).expect("fixture");
    threadcard::summarize(&html, Some("https://board.example/t/1"), &Options::default()).expect("summary")
}

fn hiding(sections: &[&str]) -> Options {
    Options { hidden_sections: sections.iter().map(|s| s.to_string()).collect(), ..Options::default() }
}

#[test]
fn hidden_sections_leave_the_card() {
    let s = engine("lemmy.html");
    let all = card::fragment(&s);
    for (name, mark) in
        [("timeline", "tc-timeline"), ("digest", "tc-digest"), ("posts", "tc-posts"), ("replies", "tc-replies")]
    {
        assert!(all.contains(mark), "{mark} is on the full card");
        let less = card::fragment_with(&s, &hiding(&[name]));
        assert!(!less.contains(mark), "{name} hidden, yet {mark} is there");
        assert!(less.contains("tc-title"), "the header stays");
    }
    assert_eq!(card::fragment_with(&s, &hiding(&["no-such-section"])), all, "unknown names hide nothing");
    let none = card::fragment_with(&s, &hiding(card::SECTIONS));
    assert!(!none.contains("<section"), "every section hidden: {none}");
}

#[test]
fn the_default_length_is_the_whole_digest_and_short_halves_it() {
    let s = engine("reddit-old.html");
    let lines = |html: &str| html.matches("tc-keypost-text").count() + html.matches("<li>").count();
    let standard = card::fragment(&s);
    let four = card::fragment_with(&s, &Options { summary_sentences: 4, ..Options::default() });
    assert_eq!(standard, four, "4 sentences is the default");
    let short = card::fragment_with(&s, &Options { summary_sentences: 2, ..Options::default() });
    assert!(lines(&short) < lines(&standard), "short: {} lines, standard {}", lines(&short), lines(&standard));
    assert!(short.contains("tc-keypost-text"), "a short card still says each key post's point");
}

#[test]
fn iso_times_replace_the_pages_wording_where_it_has_a_machine_time() {
    let s = engine("bbpress.html");
    let shown = card::fragment(&s);
    assert!(shown.contains("May 12, 2020 at 7:45 am"), "the page's wording by default");
    let iso = card::fragment_with(&s, &Options { time_format: TimeFormat::Iso, ..Options::default() });
    assert!(!iso.contains("May 12, 2020 at 7:45 am") && iso.contains("2020-05-12 07:45"), "ISO when asked");
}

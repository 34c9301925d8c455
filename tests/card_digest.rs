//! The card's "Dates" and "Replies" lines, in the HTML card, the Markdown export and the terminal card:
//! dates on the sample thread, replies on an engine fixture whose board shows scores and quotes.

use threadcard::{render, Format, Options};

#[test]
fn sample_dates_on_card_markdown_and_terminal() {
    let s = threadcard::summarize(threadcard::SAMPLE_HTML, Some(threadcard::SAMPLE_URL), &Options::default())
        .expect("sample");
    // The sample's post is from Tuesday 2022-01-11: "Tuesday" is that day.
    let tuesday = s.facts.dates.iter().find(|d| d.text == "Tuesday").expect("Tuesday");
    assert_eq!(tuesday.value.as_deref(), Some("2022-01-11"));
    let html = threadcard::render::card::page(&s);
    let section = html.split(r#"<section class="tc-dates">"#).nth(1).expect("Dates section");
    let section = section.split("</section>").next().unwrap_or("");
    assert!(section.contains(r##"Tuesday → <time datetime="2022-01-11">2022-01-11</time> <a class="tc-from" href="#tc-post-0" data-post="0">post 1</a>"##), "{section}");
    // "in two days" resolves too, against the same post; each text once, "last week" inside "late last week".
    assert!(section.contains("<li class=\"tc-date\">in two days"), "{section}");
    assert!(section.contains("in two days → <time datetime=\"2022-01-13\">"), "{section}");
    assert!(!section.contains(">last week"), "{section}");
    assert_eq!(section.matches("tc-date\">Tuesday").count(), 1, "{section}");
    assert!(section.matches("<li").count() <= 6, "{section}");

    let md = render(&s, Format::Markdown);
    assert!(md.contains("## Dates") && md.contains("- Tuesday → 2022-01-11 (post 1)"), "{md}");
    let term = render(&s, Format::Card);
    assert!(term.contains("Dates\n") && term.contains("Tuesday → 2022-01-11 [post 1]"), "{term}");
}

#[test]
fn replies_line_from_scores_and_quotes_on_discourse() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engines/discourse.html");
    let html = std::fs::read_to_string(path).expect("fixture");
    let url = "https://bake.example.org/t/sourdough-starter-smells-like-nail-polish/4242";
    let s = threadcard::summarize(&html, Some(url), &Options::default()).expect("discourse");
    let card = threadcard::render::card::page(&s);
    let line = card.split(r#"<section class="tc-replies">"#).nth(1).expect("Replies section");
    let line = line.split("</section>").next().unwrap_or("");
    assert!(line.contains("Replies (1)"), "{line}");
    // The digest shows that reply with its own sentences (Most liked): the line points to it and does not
    // quote it a second time.
    assert!(line.contains("top-scored by levain_lou (score 5)"), "{line}");
    assert!(!line.contains("Not dead, just hungry."), "{line}");
    let most_liked = card.split(r#"data-label="most liked""#).nth(1).expect("the Most liked post");
    assert!(most_liked.contains("Not dead, just hungry."), "the digest shows the reply's sentence");
    // "post 1" is said once, as the link to it.
    assert!(
        line.contains(r##"1 reply quotes <a class="tc-from" href="#tc-post-0" data-post="0">post 1</a>"##),
        "{line}"
    );
    assert!(!line.contains("post 1 <a"), "{line}");
    // The sentence is the reply's own words, verbatim, not the quoted text.
    assert!(!line.contains("acetone") && !line.contains("crumbly:"), "{line}");
    let md = render(&s, Format::Markdown);
    assert!(md.contains("Replies (1) · top-scored by levain\\_lou (score 5)"), "{md}");
    let term = render(&s, Format::Card);
    assert!(term.contains("Replies (1) · top-scored by levain_lou (score 5)"), "{term}");
}

/// Old Reddit shows votes both ways: the top-scored reply and the replies voted down.
#[test]
fn replies_line_with_votes_against_on_old_reddit() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engines/reddit-old.html");
    let html = std::fs::read_to_string(path).expect("fixture");
    let s = threadcard::summarize(&html, None, &Options::default()).expect("reddit-old");
    let md = render(&s, Format::Markdown);
    let line = md.lines().find(|l| l.starts_with("Replies (")).expect("Replies line");
    assert!(line.contains("top-scored by levain\\_lady (score 88) (post 2)"), "{line}");
    assert!(!line.contains("It is hungry, not dead."), "{line}");
    assert!(line.contains("1 reply voted down (lowest: score -2) (post 4)"), "{line}");
}

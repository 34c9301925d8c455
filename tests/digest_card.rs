//! The digest (`facts.digest`) on real engine markup and on the card, the Markdown export and the
//! terminal card: accepted answers from Stack Exchange markup and Discourse's QAPage JSON-LD, the
//! sample thread's opening and replies, and every line verbatim with its post.

use threadcard::{render, Format, Options, Summary};

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engines").join(name);
    std::fs::read_to_string(path).expect("fixture")
}

/// Every digest line is a span of the post it names.
fn verbatim(s: &Summary) {
    let d = &s.facts.digest;
    for line in &d.opening {
        assert!(s.posts[line.post].text.contains(&line.text), "{line:?}");
    }
    for k in d.answers.iter().chain(&d.replies) {
        assert!(!k.sentences.is_empty(), "{k:?}");
        assert!(k.sentences.iter().all(|x| s.posts[k.post].text.contains(x.as_str())), "{k:?}");
    }
}

#[test]
fn stack_exchange_accepted_answer_is_the_answer() {
    let url = "https://gardening.stackexchange.com/questions/5150/how-do-i-keep-basil-alive-indoors";
    let s = threadcard::summarize(&fixture("stackexchange.html"), Some(url), &Options::default()).expect("se");
    verbatim(&s);
    let accepted: Vec<usize> = (0..s.posts.len()).filter(|&i| s.posts[i].accepted).collect();
    assert_eq!(accepted, [1], "only the answer marked accepted-answer");
    let first = &s.facts.digest.answers[0];
    assert_eq!((first.post, first.label.as_str(), first.signal.as_str()), (1, "answer", "accepted"));
    assert_eq!(first.author.as_deref(), Some("leafy"));
    let html = threadcard::render::card::page(&s);
    assert!(
        html.contains(r#"<div class="tc-keypost" data-label="answer" data-signal="accepted"><h2>Answer</h2>"#),
        "{html}"
    );
    assert!(html.contains("by leafy · score 21 · accepted answer"), "{html}");
    assert!(!html.contains("<h2>Summary</h2>"), "the digest replaces the opening-post summary");
    let md = render(&s, Format::Markdown);
    assert!(
        md.contains("## Opening")
            && md.contains("## Answer\n\nby leafy · score 21 · accepted answer ([post 2](https://"),
        "{md}"
    );
    let term = render(&s, Format::Card);
    assert!(term.contains("Answer — by leafy · score 21 · accepted answer [post 2]"), "{term}");
}

#[test]
fn discourse_solution_from_qapage_json_ld() {
    let url = "https://bake.example.org/t/sourdough-starter-smells-like-nail-polish/4242";
    let ld = r#"<script type="application/ld+json">{"@context":"http://schema.org","@type":"QAPage","mainEntity":{"@type":"Question","name":"Sourdough starter","acceptedAnswer":{"@type":"Answer","url":"https://bake.example.org/t/sourdough-starter-smells-like-nail-polish/4242/2"}}}</script></head>"#;
    let html = fixture("discourse.html").replacen("</head>", ld, 1);
    let s = threadcard::summarize(&html, Some(url), &Options::default()).expect("discourse");
    verbatim(&s);
    assert!(s.posts.len() >= 2 && s.posts[1].accepted && !s.posts[0].accepted, "{:?}", s.posts);
    assert_eq!(s.facts.digest.answers[0].signal, "accepted");
    // Without the JSON-LD no post is marked.
    let plain = threadcard::summarize(&fixture("discourse.html"), Some(url), &Options::default()).expect("discourse");
    assert!(plain.posts.iter().all(|p| !p.accepted));
}

#[test]
fn sample_thread_digest_on_card_markdown_and_terminal() {
    let s = threadcard::summarize(threadcard::SAMPLE_HTML, Some(threadcard::SAMPLE_URL), &Options::default())
        .expect("sample");
    verbatim(&s);
    let d = &s.facts.digest;
    assert!(!d.opening.is_empty() && d.opening.len() <= 2 && d.opening.iter().all(|l| l.post == 0), "{d:?}");
    assert!(!d.answers.is_empty() && d.answers.iter().all(|k| k.post > 0), "{d:?}");
    let html = threadcard::render::card::page(&s);
    let digest = html.split(r#"<section class="tc-digest">"#).nth(1).expect("digest section");
    let digest = digest.split("</section>").next().unwrap_or("");
    assert!(digest.contains("<h2>Opening</h2>"), "{digest}");
    for line in &d.opening {
        assert!(digest.contains(&threadcard::render::escape::html(&line.text)), "{line:?}");
    }
    // The facts sections stay.
    assert!(html.contains(r#"<section class="tc-numbers">"#) && html.contains(r#"<section class="tc-entities">"#));
    let json: serde_json::Value = serde_json::from_str(&render(&s, Format::Json)).expect("json");
    assert!(
        json["facts"]["digest"]["opening"].as_array().is_some_and(|a| !a.is_empty()),
        "{}",
        json["facts"]["digest"]
    );
    assert!(json["facts"]["digest"]["answers"][0]["sentences"].as_array().is_some(), "{}", json["facts"]["digest"]);
    assert_eq!(json["schema"], "threadcard/1");
    // Older JSON without a digest still reads, and still renders its summary.
    let mut old = json.clone();
    if let Some(f) = old["facts"].as_object_mut() {
        f.remove("digest");
    }
    for p in old["posts"].as_array_mut().into_iter().flatten() {
        if let Some(o) = p.as_object_mut() {
            o.remove("accepted");
        }
    }
    let back: Summary = serde_json::from_value(old).expect("old json");
    assert!(threadcard::render::card::page(&back).contains("<h2>Summary</h2>"));
}

/// An Ask HN thread with many comments: the card names the top-ranked reply (Hacker News shows no
/// comment scores; its order is its ranking) and what the other replies say, not only "Replies (N)".
#[test]
fn ask_hn_card_says_what_the_replies_say() {
    let html = fixture("hackernews.html");
    let start = html.find(r#"<tr class="athing comtr" id="90002">"#).expect("first comment");
    let end = html.find(r#"<tr class="athing comtr" id="90003">"#).expect("second comment");
    let row = &html[start..end];
    let said = [
        "I keep a paper notebook next to the keyboard and write the date and the open question before I stop.",
        "Our team writes the next step into the pull request description, so the reviewer sees it too.",
        "A plain text file per project with a running log of decisions, newest at the top, works best for me.",
        "I use the commit message body for it: what I tried, what failed and what to try next time.",
        "Nothing fancy: a sticky note on the monitor with the one thing to do first tomorrow morning.",
    ];
    let more: String = said
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let id = 90100 + i;
            row.replace("90002", &id.to_string()).replace("logbook_lu", &format!("hn_user_{i}")).replace(
                "A single NEXT.md at the repo root. The last thing I do each session is write the very next step.",
                text,
            )
        })
        .collect();
    let html = html.replacen(row, &format!("{row}{more}"), 1);
    let s = threadcard::summarize(&html, Some("https://news.ycombinator.com/item?id=90001"), &Options::default())
        .expect("hn");
    verbatim(&s);
    assert!(s.posts.len() >= 8, "{}", s.posts.len());
    let top = &s.facts.digest.answers[0];
    assert_eq!((top.label.as_str(), top.signal.as_str(), top.post), ("top reply", "ranking", 1), "{top:?}");
    assert!(s.facts.digest.replies.len() >= 2, "{:?}", s.facts.digest.replies);
    let card = threadcard::render::card::page(&s);
    assert!(card.contains("<h2>Top reply</h2>") && card.contains("<h2>What the replies say</h2>"), "{card}");
}

/// Old Reddit: the asker's later "Poured it off and fed it. Bubbles after four hours, thanks!" tells how
/// it ended (the Outcome, with author, score and link), and the opening carries what the first post asks
/// ("Should I start over?"), not only the case it describes.
#[test]
fn old_reddit_asker_report_is_the_outcome_and_the_opening_asks() {
    let s = threadcard::summarize(&fixture("reddit-old.html"), None, &Options::default()).expect("reddit-old");
    verbatim(&s);
    let d = &s.facts.digest;
    assert!(d.opening.iter().any(|l| l.text == "Should I start over?"), "{:?}", d.opening);
    assert!(d.opening.len() <= 2, "{:?}", d.opening);
    let outcome = d.answers.iter().find(|k| k.label == "outcome").expect("an outcome");
    assert_eq!((outcome.post, outcome.author.as_deref(), outcome.score), (2, Some("crumb_counter"), Some(12)));
    assert!(outcome.sentences.iter().any(|x| x.contains("Bubbles after four hours")), "{outcome:?}");
    // Its link: the post's anchor on the page (the reader gives this reply no permalink).
    assert_eq!(outcome.anchor.as_deref(), Some("thing_t1_k002"), "{outcome:?}");
    // The reply it came from is still shown, with its score.
    assert!(d.answers.iter().any(|k| k.post == 1 && k.label == "most liked" && k.score == Some(88)), "{d:?}");
    let md = render(&s, Format::Markdown);
    assert!(md.contains("## Outcome\n\nby crumb\\_counter · score 12"), "{md}");
    assert!(md.contains("## Most liked\n\nby levain\\_lady · score 88"), "{md}");
    let html = threadcard::render::card::page(&s);
    assert!(html.contains(r#"data-label="outcome""#) && html.contains("<h2>Outcome</h2>"), "{html}");
    assert!(html.contains("by crumb_counter · score 12"), "{html}");
    let term = render(&s, Format::Card);
    assert!(term.contains("Outcome — by crumb_counter · score 12"), "{term}");
}

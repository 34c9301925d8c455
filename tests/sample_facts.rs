//! The facts issue 2 asks of the sample thread: sources, quantities and their disagreement, entities,
//! the quote once with its speaker, and every fact found in the post it names.

use threadcard::thread::Thread;
use threadcard::{facts, EntityKind, Facts, Link, Options, Post};

const A: &str = "https://www.msn.com/en-us/news/world/kazakhstans-president-says-russian-troops-to-start-leaving-this-week/ar-AASFhbl";
const B: &str = "https://www.msn.com/en-us/news/world/kazakhstans-tokayev-announces-swift-end-to-russian-led-intervention-reorganizes-security-forces/ar-AASEOPt";

/// The opening post as a thread reader gives it: the two quoted articles, each followed by its link.
fn op_text() -> String {
    [
        "Russian-led troops sent to help quell protests will begin leaving Kazakhstan in two days now that the government is back in control, the country's president has said.",
        "President Kassym-Jomart Tokayev in an address to Kazakhstan's parliament Tuesday said the troops, deployed by the Moscow-dominated military alliance, the Collective Security Treaty Organisation at his request last week, would start a phased withdrawal that would finish in no more than 10 days.",
        "\"The main mission of the CSTO peacekeeping forces has been successfully completed,\" Tokayev told lawmakers. He said that the situation was now stable in all regions of Kazakhstan.",
        "The Russian-led alliance sent troops late last week to Kazakhstan as violent protests saw Tokayev's authoritarian government lose control over its biggest city, Almaty. Russia sent the largest contingent, deploying paratroopers units with armored vehicles, backed by several hundred soldiers from the other former Soviet countries in the alliance: Belarus, Armenia, Kyrgyzstan and Tajikistan. Tokayev has said the force numbers around 2,300 troops.",
        A,
        "Kazakhstan’s Tokayev announces swift end to Russian-led intervention, reorganizes security forces",
        "Kazakh President Kassym-Jomart Tokayev announced Tuesday that troops from Russia and other members of a regional security organization would leave the country within 10 days after the unrest that roiled the energy-rich nation for the past week was quelled.",
        "The Collective Security Treaty Organization answered Tokayev’s appeal for help by sending in 2,500 peacekeeping troops Thursday after protesters rioted in cities across the country, setting government buildings alight and looting the Almaty airport. It was the organization’s first intervention since its formation in 2002.",
        "“The main mission of the CSTO peacekeeping forces has been successfully completed. In two days, a phased withdrawal of the CSTO united peacekeeping contingent will begin. The process of withdrawing the contingent will take no more than 10 days,” Tokayev told a meeting of Kazakhstan’s lower house of parliament.",
        "How the crisis in Kazakhstan went from fuel protests to a ‘shoot-to- kill’ order by the president",
        "Kazakh authorities detained almost 10,000 people during a tough crackdown on the unrest; Tokayev said during a televised address to the nation that he had given security forces shoot-to-kill orders. At least 164 people died in the violence, according the Kazakh authorities, including 16 law enforcement officers.",
        B,
    ]
    .join("\n\n")
}

fn link(url: &str) -> Link {
    Link { url: url.into(), text: url.into(), domain: "msn.com".into() }
}

fn post(author: &str, published: &str, text: &str, links: Vec<Link>) -> Post {
    Post {
        author: Some(author.into()),
        published: Some(published.into()),
        text: text.into(),
        links,
        permalink: Some("https://www.democraticunderground.com/100216341234".into()),
        ..Post::default()
    }
}

fn sample_thread() -> Thread {
    Thread {
        platform: "democraticunderground".into(),
        title: "Kazakhstan's president says Russian troops to start leaving this week".into(),
        posts: vec![
            post("Yo_Mama_Been_Loggin", "2022-01-11T14:28:00", &op_text(), vec![link(A), link(B)]),
            post(
                "SteppeWatcher",
                "2022-01-11T14:41:00",
                "Ten days is a long time for a contingent that was only supposed to guard buildings. I'll believe the withdrawal when the planes leave Almaty.",
                vec![],
            ),
            post(
                "blue_prairie",
                "2022-01-11T15:05:00",
                "SteppeWatcher said: I'll believe the withdrawal when the planes leave Almaty.\n\nWorth noting the two articles disagree on the size of the force. Either way it is a small number next to the people detained.",
                vec![],
            ),
        ],
        ..Thread::default()
    }
}

/// Issue 2's list, checked on any thread holding the sample's posts.
fn check_issue_2(posts: &[Post], f: &Facts) {
    // Sources: the two msn.com articles, the second with its headline.
    let sources: Vec<&str> = f.sources.iter().map(|s| s.url.as_str()).collect();
    assert_eq!(sources, [A, B], "sources: {:?}", f.sources);
    assert!(f.sources.iter().all(|s| s.domain == "msn.com"));
    assert_eq!(
        f.sources[1].title.as_deref(),
        Some("Kazakhstan’s Tokayev announces swift end to Russian-led intervention, reorganizes security forces")
    );

    // Quantities.
    let q = |value: f64| f.quantities.iter().find(|q| q.value == value);
    let troops_a = q(2300.0).expect("2,300 troops");
    let troops_b = q(2500.0).expect("2,500 troops");
    assert!(troops_a.what.ends_with("troops") && troops_b.what.ends_with("troops"));
    let detained = q(10000.0).expect("10,000 detained");
    assert_eq!(detained.qualifier.as_deref(), Some("almost"));
    assert!(detained.what.contains("detained"), "{detained:?}");
    let dead = q(164.0).expect("164 dead");
    assert_eq!(dead.qualifier.as_deref(), Some("at least"));
    assert!(dead.what.contains("died") || dead.what.contains("dead"), "{dead:?}");
    let officers = q(16.0).expect("16 officers");
    assert_eq!(officers.what, "law enforcement officers");
    assert_eq!(officers.part_of.map(|i| f.quantities[i].value), Some(164.0));
    assert!(q(2002.0).is_none(), "2002 is a year");

    // The disagreement, each claim under its own article.
    let conflict = f.conflicts.iter().find(|c| c.what == "troops").expect("troops conflict");
    let claims: Vec<(f64, Option<&str>)> = conflict.claims.iter().map(|c| (c.value, c.source.as_deref())).collect();
    assert_eq!(claims, [(2300.0, Some(A)), (2500.0, Some(B))]);
    assert_eq!(f.conflicts.len(), 1, "{:?}", f.conflicts);

    // Entities.
    let entity = |name: &str| f.entities.iter().find(|e| e.name == name || e.aliases.iter().any(|a| a == name));
    let tokayev = entity("Kassym-Jomart Tokayev").expect("Tokayev");
    assert_eq!(tokayev.kind, EntityKind::Person);
    assert_eq!(tokayev.name, "Kassym-Jomart Tokayev");
    assert!(tokayev.aliases.contains(&"Tokayev".to_string()));
    assert!(tokayev.role.as_deref().is_some_and(|r| r.to_lowercase().contains("president")));
    let csto = entity("CSTO").expect("CSTO");
    assert_eq!(csto.kind, EntityKind::Organisation);
    assert!(csto.name.starts_with("Collective Security Treaty Organi"));
    assert_eq!(f.entities.iter().filter(|e| e.name.starts_with("Collective") || e.name == "CSTO").count(), 1);
    for place in ["Kazakhstan", "Russia", "Almaty"] {
        assert_eq!(entity(place).map(|e| e.kind), Some(EntityKind::Place), "{place}");
    }
    for bogus in ["The", "He", "Tuesday", "Thursday", "Kazakh", "Russian", "Soviet", "SteppeWatcher"] {
        assert!(entity(bogus).is_none(), "{bogus} is not an entity: {:?}", f.entities);
    }
    let top: Vec<&str> = f.entities.iter().take(5).map(|e| e.name.as_str()).collect();
    assert!(top.contains(&"Kassym-Jomart Tokayev") && top.contains(&"Kazakhstan"), "ranking: {top:?}");

    // The statement once, with its speaker.
    let statement = "The main mission of the CSTO peacekeeping forces has been successfully completed";
    let quotes: Vec<_> = f.quotes.iter().filter(|q| q.text.contains(statement)).collect();
    assert_eq!(quotes.len(), 1, "{:?}", f.quotes);
    assert_eq!(quotes[0].speaker.as_deref(), Some("Kassym-Jomart Tokayev"));

    // Dates resolved against the post's time (Tuesday 2022-01-11).
    let date = |t: &str| f.dates.iter().find(|d| d.text == t).and_then(|d| d.value.clone());
    assert_eq!(date("Thursday").as_deref(), Some("2022-01-06"));
    assert_eq!(date("in two days").as_deref(), Some("2022-01-13"));

    // Summary: 2-5 sentences plus a reply line, verbatim, no repeat.
    assert!((2..=6).contains(&f.summary.len()), "{:?}", f.summary);
    assert!(f.summary.iter().filter(|s| s.text.contains(statement)).count() <= 1);

    // Every fact names a valid post and is found in its text.
    let found = |post: usize, text: &str| posts.get(post).is_some_and(|p| p.text.contains(text));
    for e in &f.entities {
        assert!(std::iter::once(&e.name).chain(&e.aliases).any(|n| found(e.post, n)), "{e:?}");
    }
    for q in &f.quantities {
        assert!(found(q.post, &q.text), "{q:?}");
    }
    for d in &f.dates {
        assert!(found(d.post, &d.text), "{d:?}");
    }
    for q in &f.quotes {
        assert!(found(q.post, &q.text) && q.posts.contains(&q.post), "{q:?}");
    }
    for s in &f.summary {
        assert!(found(s.post, &s.text), "{s:?}");
    }
    for c in f.conflicts.iter().flat_map(|c| &c.claims) {
        assert!(found(c.post, &c.text), "{c:?}");
    }
    for s in &f.sources {
        assert!(s.posts.iter().all(|&p| posts.get(p).is_some_and(|p| p.links.iter().any(|l| l.url == s.url))));
    }
}

#[test]
fn facts_of_the_sample_thread() {
    let thread = sample_thread();
    let f = facts::extract_at(&thread, Some(threadcard::SAMPLE_URL), &Options::default());
    check_issue_2(&thread.posts, &f);
    // The reply line comes from a reply, not from the article.
    assert!(f.summary.last().is_some_and(|s| s.post > 0), "{:?}", f.summary);
}

#[test]
fn facts_of_the_sample_page_end_to_end() {
    let summary = threadcard::summarize(threadcard::SAMPLE_HTML, Some(threadcard::SAMPLE_URL), &Options::default())
        .expect("sample");
    check_issue_2(&summary.posts, &summary.facts);
}

/// Issue 2's "done when": DU-shaped pages in other markup, with the same content, carry the same facts.
#[test]
fn facts_of_du_pages_in_other_markup() {
    for name in ["du-variant-divs.html", "du-variant-tables.html"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
        let html = std::fs::read_to_string(&path).expect("fixture");
        let summary = threadcard::summarize(&html, Some(threadcard::SAMPLE_URL), &Options::default()).expect(name);
        check_issue_2(&summary.posts, &summary.facts);
    }
}

/// Every "post N" link of the card (summary, numbers, disagreements, names, quotes, sources) targets a
/// post the card holds, and a quote found in two posts links to both.
#[test]
fn fact_links_go_to_their_posts() {
    let summary = threadcard::summarize(threadcard::SAMPLE_HTML, Some(threadcard::SAMPLE_URL), &Options::default())
        .expect("sample");
    let html = threadcard::render::card::page(&summary);
    let targets: Vec<usize> = html
        .split("data-post=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().and_then(|n| n.parse().ok()))
        .collect();
    assert!(targets.len() >= summary.facts.summary.len() + summary.facts.quantities.len(), "{targets:?}");
    for t in &targets {
        assert!(html.contains(&format!("id=\"tc-post-{t}\"")), "no post {t} in the card");
    }
    for e in &summary.facts.entities {
        let title = if e.mentions == 1 { "mentioned once".to_string() } else { format!("{} mentions", e.mentions) };
        assert!(html.contains(&format!("data-post=\"{}\" title=\"{title}", e.post)), "{e:?}");
    }

    let said = "“We will not leave until the work is done,” the commander said.";
    let thread = Thread {
        posts: vec![
            post("a", "2022-01-11T10:00:00", &format!("News today. {said} More later."), vec![]),
            post("b", "2022-01-11T11:00:00", "I doubt it very much, to be honest with you all.", vec![]),
            post("c", "2022-01-11T12:00:00", &format!("Quoting the article again: {said}"), vec![]),
        ],
        ..Thread::default()
    };
    let f = facts::extract_at(&thread, None, &Options::default());
    let q = f.quotes.iter().find(|q| q.text.contains("We will not leave")).expect("the quote");
    assert_eq!(f.quotes.iter().filter(|q| q.text.contains("We will not leave")).count(), 1, "{:?}", f.quotes);
    assert_eq!(q.posts, [0, 2], "{q:?}");
    let s = threadcard::Summary { posts: thread.posts.clone(), facts: f.clone(), ..threadcard::Summary::default() };
    let html = threadcard::render::card::page(&s);
    let quote = html.split("<blockquote").nth(1).and_then(|b| b.split("</blockquote>").next()).unwrap_or("");
    assert!(quote.contains("data-post=\"0\"") && quote.contains("data-post=\"2\""), "{quote}");
}

//! Issue 9's precision rules for facts, on a thread written for this test: board furniture is never a
//! number, durations are not dates, quoted titles are works (not quotations, not organisations), a
//! quotation has a speaker, user names are participants, and a source's title is never a sentence of
//! the post.

use threadcard::thread::Thread;
use threadcard::{facts, Link, Options, Post, PostQuote};

fn post(author: &str, text: &str, links: Vec<Link>, quotes: Vec<PostQuote>) -> Post {
    Post {
        author: Some(author.into()),
        published: Some("2024-03-05T10:00:00".into()),
        text: text.into(),
        links,
        quotes,
        ..Post::default()
    }
}

fn thread() -> Thread {
    let url = "https://news.harbour-gazette.test/2024/03/harbour-council-approves-new-ferry-line";
    let link = Link { url: url.into(), text: url.into(), domain: "news.harbour-gazette.test".into() };
    Thread {
        posts: vec![
            post(
                "ferry_fan",
                &format!(
                    "Nice! The council approved the ferry line. The harbour council approves new ferry line, as \
                     the paper says today.\n\n{url}\n\nThe crossing takes 6 minutes and the old pier served for \
                     almost 6 decades. I read \"The Ferry Papers\" on it. 12 points, 3 replies, #12."
                ),
                vec![link],
                vec![],
            ),
            post(
                "Harbour Watcher",
                "ferry_fan said: The crossing takes 6 minutes.\n\nIt will carry 2,400 passengers a day, said \
                 the mayor. \"We have waited long enough for this ferry line,\" the mayor said. Still \"a very \
                 nice boat for the harbour\" in my view. Downloaded 458 times.",
                vec![],
                vec![PostQuote { author: Some("ferry_fan".into()), text: "The crossing takes 6 minutes.".into() }],
            ),
        ],
        ..Thread::default()
    }
}

#[test]
fn facts_keep_to_the_precision_rules() {
    let t = thread();
    let f = facts::extract_at(&t, Some("https://forum.example.com/t/1"), &Options::default());

    // Numbers need what they count; furniture is never one.
    let numbers: Vec<(f64, &str)> = f.quantities.iter().map(|q| (q.value, q.what.as_str())).collect();
    assert_eq!(numbers, [(2400.0, "passengers")], "{:?}", f.quantities);

    // Durations are durations, not dates.
    let durations: Vec<&str> = f.durations.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(durations, ["6 minutes", "almost 6 decades"], "{:?}", f.durations);
    assert!(f.dates.iter().all(|d| !d.text.contains("minutes") && !d.text.contains("decades")), "{:?}", f.dates);

    // A quoted title is a work; a quotation has a speaker.
    let works: Vec<&str> = f.works.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(works, ["The Ferry Papers"], "{:?}", f.works);
    assert_eq!(f.quotes.len(), 1, "{:?}", f.quotes);
    assert_eq!(f.quotes[0].speaker.as_deref(), Some("the mayor"));
    assert!(f.quotes[0].text.starts_with("We have waited"));

    // Users are participants; "Nice!" is no place; the title is no organisation.
    let names: Vec<&str> = f.entities.iter().map(|e| e.name.as_str()).collect();
    for bogus in ["ferry_fan", "Harbour Watcher", "Nice", "Ferry Papers", "The Ferry Papers"] {
        assert!(!names.contains(&bogus), "{bogus}: {names:?}");
    }

    // The source's title is its headline or nothing, never a sentence of the post.
    assert_eq!(f.sources.len(), 1);
    assert_eq!(f.sources[0].title, None, "{:?}", f.sources);

    // Every fact is verbatim, in the post it names.
    let found = |post: usize, text: &str| t.posts.get(post).is_some_and(|p| p.text.contains(text));
    assert!(f.quantities.iter().all(|q| found(q.post, &q.text)));
    assert!(f.durations.iter().all(|d| found(d.post, &d.text)));
    assert!(f.works.iter().all(|w| found(w.post, &w.name)));
    assert!(f.quotes.iter().all(|q| found(q.post, &q.text)));
}

/// A name takes no indefinite article: `a "Car Hire Agency"` is a kind of business in quotes and capitals,
/// neither an organisation nor a work; a brand before a noun keeps its name ("a Samsung projector").
#[test]
fn a_term_after_an_indefinite_article_is_no_name_and_no_work() {
    let text = "My guests call a car rental agency a \"Car Hire Agency\" here. I bought a Samsung projector and \
                we watched \"Fievel Goes West\" on it.";
    let t = Thread { posts: vec![post("tomas", text, vec![], vec![])], ..Thread::default() };
    let f = facts::extract_at(&t, None, &Options::default());
    assert!(f.entities.iter().all(|e| e.name != "Car Hire Agency"), "{:?}", f.entities);
    assert!(f.entities.iter().any(|e| e.name == "Samsung"), "{:?}", f.entities);
    let works: Vec<&str> = f.works.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(works, ["Fievel Goes West"], "{works:?}");
}

/// "dual 6384 motors": after a word that says how many, a number is the things' model, not their count.
#[test]
fn a_model_number_after_dual_is_no_count() {
    let text = "I get 25 km on dual 6384 motors and 3 batteries.";
    let t = Thread { posts: vec![post("rider", text, vec![], vec![])], ..Thread::default() };
    let f = facts::extract_at(&t, None, &Options::default());
    let values: Vec<f64> = f.quantities.iter().map(|q| q.value).collect();
    assert!(!values.contains(&6384.0) && values.contains(&3.0), "{:?}", f.quantities);
}

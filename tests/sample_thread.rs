//! The sample thread (a DU-shaped page written from the seed text) and pages with the same content in other
//! markup: the thread stage must find title, section, author, time and clean posts in all of them.

use threadcard::{summarize, Options, Summary, SAMPLE_HTML, SAMPLE_URL};

const TITLE: &str = "Kazakhstan's president says Russian troops to start leaving this week";
const MSN_1: &str =
    "https://www.msn.com/en-us/news/world/kazakhstans-president-says-russian-troops-to-start-leaving-this-week/ar-AASFhbl";
const MSN_2: &str = "https://www.msn.com/en-us/news/world/kazakhstans-tokayev-announces-swift-end-to-russian-led-intervention-reorganizes-security-forces/ar-AASEOPt";

/// Page furniture of the sample page: none of it may appear in any post.
const BOILERPLATE: &[&str] = &[
    "Welcome to DU",
    "grassroots left-of-center",
    "Create a free account",
    "Join the community",
    "Become a Star Member",
    "get rid of ads",
    "Latest Breaking News",
    "General Discussion",
    "The DU Lounge",
    "Help & Search",
    "Latest Discussions",
    "Issue Forums",
    "Hot deals",
    "Advertisement",
    "Refinance",
    "Try our new app",
    "All opinions my own",
    "Tiny donations",
    "Proud Star Member",
    "Sent from the prairie",
    "Privacy Policy",
    "Thank you for visiting",
    "Democratic Underground, LLC",
    "Got a message for Democratic Underground",
];

fn summary(html: &str) -> Summary {
    summarize(html, Some(SAMPLE_URL), &Options::default()).expect("the page reads")
}

/// What every DU-shaped page must give, whatever its markup.
fn check_du_content(s: &Summary) {
    assert_eq!(s.title, TITLE, "title");
    assert_eq!(s.section.last().map(String::as_str), Some("Foreign Affairs"), "section {:?}", s.section);
    let fa = s.section.iter().position(|x| x == "Foreign Affairs");
    let issue = s.section.iter().position(|x| x == "Issue Forums");
    assert!(issue.is_some() && issue < fa, "Foreign Affairs under Issue Forums: {:?}", s.section);
    let op = s.posts.first().expect("an opening post");
    assert_eq!(op.author.as_deref(), Some("Yo_Mama_Been_Loggin"));
    assert_eq!(op.published.as_deref(), Some("2022-01-11T14:28:00"));
    assert!(op.published_text.as_deref().is_some_and(|t| t.contains("02:28 PM")), "{:?}", op.published_text);
    for needle in [
        "Russian-led troops sent to help quell protests",
        "around 2,300 troops",
        "sending in 2,500 peacekeeping troops",
        "detained almost 10,000 people",
        "including 16 law enforcement officers",
        "The main mission of the CSTO peacekeeping forces",
    ] {
        assert!(op.text.contains(needle), "OP text lacks {needle:?}:\n{}", op.text);
    }
    assert!(op.text.contains("\n\n"), "paragraphs are separated by blank lines");
    let urls: Vec<&str> = op.links.iter().map(|l| l.url.as_str()).collect();
    assert!(urls.contains(&MSN_1) && urls.contains(&MSN_2), "both msn links: {urls:?}");
    assert!(op.links.iter().all(|l| l.domain == "msn.com"), "only the sources are links: {urls:?}");
    for (i, p) in s.posts.iter().enumerate() {
        for gone in BOILERPLATE {
            assert!(!p.text.contains(gone), "post {i} contains {gone:?}:\n{}", p.text);
            assert!(!p.markdown.contains(gone), "post {i} markdown contains {gone:?}");
        }
    }
}

#[test]
fn sample_thread_reads_as_a_du_thread() {
    let s = summary(SAMPLE_HTML);
    assert_eq!(s.platform, "democraticunderground");
    check_du_content(&s);
    assert_eq!(s.section, ["Latest Discussions", "Issue Forums", "Foreign Affairs"]);
    let op = &s.posts[0];
    assert_eq!(op.author_info.get("posts").map(String::as_str), Some("107,765"));
    assert_eq!(op.published_text.as_deref(), Some("Tue Jan 11, 2022, 02:28 PM"));
    assert_eq!(s.posts.len(), 4, "the opening post and three replies");
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["Yo_Mama_Been_Loggin", "SteppeWatcher", "blue_prairie", "Yo_Mama_Been_Loggin"]);
    assert_eq!(s.posts[1].published.as_deref(), Some("2022-01-11T14:41:00"));
    assert_eq!(s.posts[1].author_info.get("posts").map(String::as_str), Some("4,210"));
    let quoting = &s.posts[2];
    assert_eq!(quoting.quotes.len(), 1);
    assert_eq!(quoting.quotes[0].author.as_deref(), Some("SteppeWatcher"));
    assert!(quoting.quotes[0].text.starts_with("I'll believe the withdrawal"), "{:?}", quoting.quotes[0]);
    assert!(quoting.text.contains("I'll believe the withdrawal") && quoting.text.contains("Worth noting"));
    assert!(s.posts[1].permalink.as_deref().is_some_and(|p| p.ends_with("/100216341240")));
    assert_eq!(s.site.as_deref(), Some("Democratic Underground"));
    assert_eq!(s.language.as_deref(), Some("en"));
}

/// The old table layout: one table per message, no DU class names, `<br><br>` paragraphs, `<hr>` signatures.
#[test]
fn du_content_in_the_old_table_layout() {
    let s = summary(include_str!("fixtures/du-variant-tables.html"));
    assert_ne!(s.platform, "democraticunderground", "read by structure, not by the DU reader");
    check_du_content(&s);
    assert_eq!(s.posts.len(), 4, "{:#?}", s.posts.iter().map(|p| &p.author).collect::<Vec<_>>());
    assert_eq!(s.posts[0].author_info.get("posts").map(String::as_str), Some("107,765"));
    assert_eq!(s.posts[2].author.as_deref(), Some("blue_prairie"));
    assert_eq!(s.posts[2].published.as_deref(), Some("2022-01-11T15:05:00"));
}

/// A modern div layout with none of DU's class names: the opening post in markup of its own, replies with
/// `<time datetime>`, a breadcrumb `<nav>`.
#[test]
fn du_content_in_a_div_layout_without_du_names() {
    let s = summary(include_str!("fixtures/du-variant-divs.html"));
    assert_eq!(s.platform, "generic");
    check_du_content(&s);
    assert_eq!(s.posts.len(), 4);
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["Yo_Mama_Been_Loggin", "SteppeWatcher", "blue_prairie", "Yo_Mama_Been_Loggin"]);
    assert_eq!(s.posts[1].published.as_deref(), Some("2022-01-11T14:41:00"));
    assert_eq!(s.posts[2].quotes.first().and_then(|q| q.author.as_deref()), Some("SteppeWatcher"));
}

/// A plain news article: one post with the article's text, author and time, and none of the page around it.
#[test]
fn plain_article_is_one_post_with_its_text() {
    let html = include_str!("fixtures/article-river-survey.html");
    let s = summarize(html, Some("https://ledger.example/news/otters"), &Options::default()).expect("reads");
    assert_eq!(s.platform, "article");
    assert_eq!(s.title, "Volunteers count the river's otters for the first time in decades");
    assert_eq!(s.site.as_deref(), Some("The Valley Ledger"));
    assert_eq!(s.posts.len(), 1);
    let p = &s.posts[0];
    assert_eq!(p.author.as_deref(), Some("Maria Okafor"));
    assert_eq!(p.published.as_deref(), Some("2023-05-04T08:15:00+02:00"));
    assert!(p.text.starts_with("More than 120 volunteers"), "{}", p.text);
    assert!(p.text.ends_with("the river's two main tributaries."), "{}", p.text);
    assert_eq!(p.text.matches("\n\n").count(), 4, "five paragraphs");
    for gone in [
        "cookies",
        "Accept all",
        "Subscribe now",
        "Opinion",
        "Share on Social",
        "More from News",
        "cycle bridge",
        "Most read",
        "Bakery",
        "inbox",
        "All rights reserved",
        "Terms",
        "By Maria",
    ] {
        assert!(!p.text.contains(gone), "{gone:?} in the article text:\n{}", p.text);
    }
}

/// Input no reader expects: it gets a clear error or a result, never a panic or a hang.
#[test]
fn bad_input_never_panics_or_hangs() {
    for bad in ["", "   ", "\0\0\0binary", "no markup at all"] {
        assert!(summarize(bad, None, &Options::default()).is_err(), "{bad:?} is an error");
    }
    let deep = format!("<html><body>{}deep words{}</body></html>", "<div>".repeat(50_000), "</div>".repeat(50_000));
    let s = summarize(&deep, None, &Options::default()).expect("deep page reads");
    assert!(s.posts.iter().any(|p| p.text.contains("deep words")));
    let unclosed = format!("<body>{}words at the bottom", "<b><i><font>".repeat(20_000));
    assert!(summarize(&unclosed, None, &Options::default()).is_ok());
    let garbage =
        "<<<>>><div <p class=\"\">&&&&;<a href='javascript:x'>x</a></tab></table><time datetime=99999999999999>";
    assert!(summarize(garbage, None, &Options::default()).is_ok());
    // A huge thread: 3,000 posts of repeated markup.
    let post = r#"<div class="p"><a href="/u/1">someone</a> <span>Jan 11, 2022 14:28</span><div>Some words in a post, and more of them.</div></div>"#;
    let huge = format!("<body>{}</body>", post.repeat(3000));
    let s = summarize(&huge, None, &Options::default()).expect("huge page reads");
    assert_eq!(s.posts.len(), 3000);
}

//! Engine readers for discussions no fixture covered before: Talkyard, Apache Answer, Mastodon threads,
//! GitHub pull requests with their review comments, and phpBB boards on custom themes. Each fixture is
//! authored in the engine's markup (classes and attributes every site of the engine prints), not copied.

mod common;
use common::*;

#[test]
fn talkyard_topic_counts_each_post_once() {
    let s = read(
        "talkyard.html",
        "https://talk.allotment.example.net/-1042/rainwater-barrel-overflow-keeps-flooding-the-shed",
    );
    assert_eq!(s.platform, "talkyard");
    assert_eq!(s.title, "Rainwater barrel overflow keeps flooding the shed");
    assert_eq!(s.section, ["Home", "Water & irrigation"]);
    // Four posts on the page; the sidebar's abbreviated copies of three of them are not posts again.
    assert_eq!(authors(&s), ["Maggie Thorne", "Colin Reyes", "Maggie Thorne", "beans"]);
    assert_eq!(depths(&s), [0, 0, 1, 0]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    // The opening post's author and time sit in the page header above it.
    assert_eq!(info(op, "profile"), Some("https://talk.allotment.example.net/-/users/marrow_maggie"));
    assert_eq!(op.published.as_deref().map(|t| &t[..16]), Some("2024-06-11T07:42"));
    assert!(op.text.contains("diverter that closes itself"), "{:?}", op.text);
    assert_eq!(reply.published.as_deref().map(|t| &t[..16]), Some("2024-06-11T09:05"));
    assert!(reply.text.contains("level pipe") && !reply.text.contains("Like"), "{:?}", reply.text);
    assert_eq!(reply.anchor.as_deref(), Some("post-2"));
    assert!(!s.posts.iter().any(|p| p.text.contains("waiting for an answer")));
}

#[test]
fn apache_answer_question_and_answers() {
    let s = read(
        "answer.html",
        "https://qa.breadmakers.example.com/questions/10010000000000412/why-does-my-sourdough-collapse-in-the-oven",
    );
    assert_eq!(s.platform, "answer");
    assert_eq!(s.title, "Why does my sourdough collapse in the oven?");
    // The commenter's link under the question is not its author; the comment is not a post.
    assert_eq!(authors(&s), ["Carla Mendes", "Lars Øvergaard", "Ronan"]);
    let (q, a) = (&s.posts[0], &s.posts[1]);
    // The time in the author's box, not the edit time before it.
    assert_eq!(q.published.as_deref().map(|t| &t[..16]), Some("2024-02-03T08:14"));
    assert_eq!(a.published.as_deref().map(|t| &t[..16]), Some("2024-02-03T11:45"));
    assert_eq!(info(q, "profile"), Some("https://qa.breadmakers.example.com/users/crumb_carla"));
    assert_eq!(q.score, Some(4));
    assert_eq!(a.score, Some(9));
    assert!(a.accepted && !s.posts[2].accepted);
    assert!(q.text.contains("14 hours in the fridge") && !q.text.contains("What flour"), "{:?}", q.text);
    assert_eq!(a.anchor.as_deref(), Some("10020000000000977"));
}

#[test]
fn github_pull_request_with_review_comments() {
    let s = read("github-pr.html", "https://github.com/example-org/tinyconf/pull/513");
    assert_eq!(s.platform, "github");
    assert_eq!(s.title, "Read empty config files as the defaults");
    // The opening comment, the review's summary, both review comments on the code, a later comment; the
    // approval without a body is an event, not a post.
    assert_eq!(authors(&s), ["wren-k", "mossbyte", "mossbyte", "wren-k", "ferrule"]);
    let (review, reply) = (&s.posts[2], &s.posts[3]);
    assert_eq!(review.title.as_deref(), Some("src/parse.rs"));
    assert_eq!(review.anchor.as_deref(), Some("discussion_r630001111"));
    assert_eq!(
        review.permalink.as_deref(),
        Some("https://github.com/example-org/tinyconf/pull/513#discussion_r630001111")
    );
    assert_eq!(review.published.as_deref().map(|t| &t[..16]), Some("2021-06-03T16:01"));
    assert!(review.text.contains("strip the comment lines") && !review.text.contains("Config::default"));
    assert_eq!(info(review, "profile"), Some("https://github.com/mossbyte"));
    assert_eq!(reply.published.as_deref().map(|t| &t[..16]), Some("2021-06-04T08:20"));
    assert!(s.posts[1].text.contains("one thing to change"));
    assert_eq!(info(&s.posts[1], "rank"), Some("Member"));
}

#[test]
fn mastodon_toot_and_its_replies() {
    let s = read("mastodon.html", "https://harbour.example.social/@juniper/112604411923400100");
    assert_eq!(s.platform, "mastodon");
    assert_eq!(authors(&s), ["Juniper Wells", "Rolf", "Maud Ferreira 🧵"]);
    let (toot, remote, warned) = (&s.posts[0], &s.posts[1], &s.posts[2]);
    assert_eq!(toot.published.as_deref().map(|t| &t[..16]), Some("2024-06-14T08:12"));
    assert_eq!(toot.permalink.as_deref(), Some("https://harbour.example.social/@juniper/112604411923400100"));
    assert_eq!(info(toot, "profile"), Some("https://harbour.example.social/@juniper"));
    assert!(toot.text.contains("lends out tools") && !toot.text.contains("boosts"), "{:?}", toot.text);
    // A reply from another server keeps its account's server.
    assert_eq!(info(remote, "account"), Some("@rolf@tinkers.example.org"));
    assert_eq!(remote.published.as_deref().map(|t| &t[..16]), Some("2024-06-14T08:40"));
    assert!(remote.text.contains("carpet cleaner"));
    // A content warning's button is not the post's text; the warning and the text are.
    assert!(warned.text.contains("insurance rant") && warned.text.contains("library book"), "{:?}", warned.text);
    assert!(!warned.text.contains("Show less"), "{:?}", warned.text);
}

#[test]
fn mastodon_server_rendered_thread_with_microformats() {
    let s = read("mastodon-3.html", "https://fen.example.nl/@piet/104220000000000002");
    assert_eq!(s.platform, "mastodon");
    // The toot it replies to, the toot, a reply from another server.
    assert_eq!(authors(&s), ["Anneke", "Piet de Vries", "Sjoerd"]);
    assert_eq!(s.posts[1].published.as_deref().map(|t| &t[..16]), Some("2020-05-28T19:30"));
    assert_eq!(s.posts[1].permalink.as_deref(), Some("https://fen.example.nl/@piet/104220000000000002"));
    assert_eq!(info(&s.posts[2], "profile"), Some("https://dijk.example.org/@sjoerd"));
    assert!(s.posts[2].text.contains("Texel") && !s.posts[1].text.contains("boosts"));
}

#[test]
fn phpbb_custom_theme_reads_every_post() {
    let s = read("phpbb-custom-theme.html", "https://bench.example.org/forum/viewtopic.php?t=1904");
    assert_eq!(s.platform, "phpbb");
    assert_eq!(s.title, "Best glue for a cracked violin top?");
    assert_eq!(authors(&s), ["spruce_and_maple", "Gerda Holm", "spruce_and_maple"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref().map(|t| &t[..16]), Some("2024-03-12T21:41"));
    assert_eq!(info(op, "profile"), Some("https://bench.example.org/forum/memberlist.php?mode=viewprofile&u=88"));
    assert!(op.text.contains("6 cm crack") && !op.text.contains("Posts: 41"), "{:?}", op.text);
    assert_eq!(op.anchor.as_deref(), Some("p22817"));
    assert_eq!(reply.quotes.len(), 1);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("spruce_and_maple"));
    assert!(reply.text.contains("hot hide glue") && !reply.text.contains("Site Admin"), "{:?}", reply.text);
}

#[test]
fn kunena_topic_names_the_poster_not_the_thankers() {
    let s = read("kunena.html", "https://teich.example.de/forum/technik/9913-pumpe-im-teich");
    assert_eq!(s.platform, "kunena");
    assert_eq!(s.title, "Pumpe im Teich läuft nur noch stotternd");
    // The thank-you line under a post links other members: they are not its author.
    assert_eq!(authors(&s), ["Seerose", "Teichwart", "Seerose"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    // The full date is the time's title; its text says how long ago.
    assert_eq!(op.published.as_deref().map(|t| &t[..16]), Some("2021-04-14T18:22"));
    assert_eq!(info(op, "posts"), Some("7"));
    assert_eq!(info(reply, "profile"), Some("https://teich.example.de/forum/user/17-teichwart"));
    assert_eq!(reply.anchor.as_deref(), Some("51211"));
    assert!(reply.text.contains("Laufrad") && !reply.text.contains("bedankten"), "{:?}", reply.text);
}

/// Nairaland: the counters line ("14 Likes 2 Shares") is the post's score, not its text; a time without a
/// year ("8:05am On Mar 14") is of the year the page was served (its footer's copyright years end with it);
/// a post of smileys alone is kept; a guest ("by Nobody") is named; the quoted member is the quote's author.
#[test]
fn nairaland_topic_with_counters_smileys_and_year_less_times() {
    let s = read("nairaland.html", "https://www.nairaland.com/7105512/borehole-water-turns-brown");
    assert_eq!(s.platform, "nairaland");
    assert_eq!(s.title, "Borehole Water Turns Brown After Rain");
    assert_eq!(s.section, ["Nairaland Forum", "Nairaland / General", "Properties"]);
    assert_eq!(authors(&s), ["TundeB", "DrillerKay", "Ngozi_O", "TundeB", "Nobody"]);
    let dates: Vec<_> = s.posts.iter().map(|p| p.published.as_deref().map(|d| &d[..16])).collect();
    assert_eq!(
        dates,
        [
            Some("2024-03-14T08:05"),
            Some("2024-03-14T09:40"),
            Some("2024-03-14T10:02"),
            Some("2024-03-14T11:15"),
            Some("2023-12-02T13:48")
        ]
    );
    for p in &s.posts {
        assert!(!p.text.contains("Likes") && !p.text.contains("Share"), "{:?}", p.text);
    }
    assert_eq!(s.posts[0].score, Some(14));
    assert_eq!(s.posts[1].score, Some(31));
    assert_eq!(info(&s.posts[0], "profile"), Some("https://www.nairaland.com/tundeb"));
    assert_eq!(s.posts[0].anchor.as_deref(), Some("91000001"));
    assert_eq!(
        s.posts[1].permalink.as_deref(),
        Some("https://www.nairaland.com/7105512/borehole-water-turns-brown#91000007")
    );
    let quote = s.posts[3].quotes.first().expect("quote");
    assert_eq!(quote.author.as_deref(), Some("DrillerKay"));
    assert!(s.posts[3].text.contains("apron is cracked"), "{:?}", s.posts[3].text);
}

/// Today's Nairaland prints its breadcrumb as schema.org `ListItem`s around the links: the title is still the
/// trail's last item, not `<title>`'s "Topic - Board - Nigeria".
#[test]
fn nairaland_breadcrumb_as_microdata() {
    let s = read("nairaland-microdata.html", "https://www.nairaland.com/7105512/borehole-water-turns-brown");
    assert_eq!(s.platform, "nairaland");
    assert_eq!(s.title, "Borehole Water Turns Brown After Rain");
    assert_eq!(s.section, ["Nairaland Forum", "Nairaland / General", "Properties"]);
    assert_eq!(s.posts.len(), 5);
}

/// A Discourse link preview (`aside.onebox`) shows the linked page's own title and blurb: not the poster's
/// words, so not the post's text; the preview's source line (the site's name, linked) stays.
#[test]
fn discourse_link_preview_body_is_not_post_text() {
    let onebox = r#"<aside class="onebox allowlistedgeneric" data-onebox-src="https://flour.example.com/guide">
      <header class="source"><a href="https://flour.example.com/guide">Flour Mill Guides</a></header>
      <article class="onebox-body"><h3><a href="https://flour.example.com/guide">Feeding Schedules Explained - The Flour Mill</a></h3>
      <p>Everything you ever wanted to know about hydration ratios and discard.</p></article>
      <div class="onebox-metadata"></div></aside>"#;
    let path = format!("{}/tests/fixtures/engines/discourse.html", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).expect("fixture");
    let marker = "<p>My starter is ten days old and smells like acetone. Is it dead?</p>";
    assert!(html.contains(marker));
    let html = html.replacen(marker, &format!("{marker}{onebox}"), 1);
    let url = "https://bake.example.org/t/sourdough-starter-smells-like-nail-polish/4242";
    let s = threadcard::summarize(&html, Some(url), &threadcard::Options::default()).expect("summary");
    let op = &s.posts[0];
    assert!(op.text.contains("smells like acetone") && op.text.contains("Flour Mill Guides"), "{:?}", op.text);
    assert!(!op.text.contains("hydration ratios") && !op.text.contains("Feeding Schedules"), "{:?}", op.text);
    assert!(op.links.iter().any(|l| l.url == "https://flour.example.com/guide"), "{:?}", op.links);
}

//! Engine readers for boards the tuned corpus showed falling to the generic detector: XenForo styles that
//! drop `data-author` (2.3 styles) or the `message` class (VerticalScope's California style), and engines with
//! no reader before. Each fixture is authored in the engine's markup (classes and attributes every board of
//! the engine prints), not copied.

mod common;
use common::*;

/// Each post's time to the minute, as the page wrote it.
fn minutes(s: &threadcard::Summary) -> Vec<&str> {
    s.posts.iter().map(|p| p.published.as_deref().map_or("", |t| &t[..16])).collect()
}

#[test]
fn xenforo_california_style_cards() {
    let s = read("xenforo-california.html", "https://tractors.example.com/threads/mower-deck-belt.40010/");
    assert_eq!(s.platform, "xenforo");
    assert_eq!(s.title, "Mower deck belt keeps slipping off");
    assert_eq!(authors(&s), ["hollyfield", "greasemonkey", "hollyfield"]);
    // The card's own time, not the thread header's "last post by" time above it.
    assert_eq!(minutes(&s), ["2024-05-18T09:14", "2024-05-18T11:40", "2024-05-20T17:30"]);
    assert_eq!(info(&s.posts[1], "profile"), Some("https://tractors.example.com/members/greasemonkey.5521/"));
    assert_eq!(
        s.posts[0].permalink.as_deref(),
        Some("https://tractors.example.com/threads/mower-deck-belt.40010/#post-40010001")
    );
    assert!(s.posts[0].text.contains("left idler") && !s.posts[0].text.contains("Discussion starter"));
    assert!(s.posts[1].text.contains("belt keepers"));
    assert!(s.posts[2].text.starts_with("That was it"));
}

#[test]
fn xenforo_messages_without_data_author() {
    let s = read("xenforo23.html", "https://bench.example.net/threads/sourcing-quartersawn-white-oak.5120/");
    assert_eq!(s.platform, "xenforo");
    // The thread's prefix in the "Hidden" style (`label--hidden`) files the thread; the page does not show it.
    assert_eq!(s.title, "Sourcing quartersawn white oak in the Midwest");
    assert_eq!(authors(&s), ["tess_planes", "ozark-sawyer"]);
    assert_eq!(minutes(&s), ["2025-02-11T07:05", "2025-02-11T09:48"]);
    assert_eq!(info(&s.posts[0], "posts"), Some("212"));
    assert!(s.posts[0].text.contains("Morris chair"));
    assert!(s.posts[1].text.contains("Kalona"));
}

#[test]
fn woltlab_thread_members_and_a_guest() {
    let s = read("woltlab.html", "https://radwerkstatt.example.de/forum/thread/3301-kette-springt-am-kleinen-ritzel/");
    assert_eq!(s.platform, "woltlab");
    assert_eq!(s.title, "Kette springt am kleinen Ritzel");
    // The guest has a plain name, no profile link.
    assert_eq!(authors(&s), ["speichenjo", "Nabendynamo", "Gast_Radler"]);
    assert_eq!(minutes(&s), ["2021-03-14T10:02", "2021-03-14T12:47", "2021-03-15T08:10"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(info(op, "profile"), Some("https://radwerkstatt.example.de/user/812-speichenjo/"));
    assert_eq!(info(op, "posts"), Some("418"));
    assert_eq!(info(reply, "rank"), Some("Moderator"));
    assert_eq!(info(&s.posts[2], "profile"), None);
    assert_eq!(op.anchor.as_deref(), Some("post24410"));
    assert_eq!(
        reply.permalink.as_deref(),
        Some(
            "https://radwerkstatt.example.de/forum/thread/3301-kette-springt-am-kleinen-ritzel/?postID=24417#post24417"
        )
    );
    assert!(op.text.contains("8000 km") && op.text.contains("Schaltung neu einzustellen"), "{:?}", op.text);
    no_signature(&s, "Lieber fahren");
    // The quote keeps its author without the box's "Zitat von".
    assert_eq!(reply.quotes.first().and_then(|q| q.author.as_deref()), Some("speichenjo"));
    assert!(reply.text.contains("kleinste Ritzel fast immer verschlissen"));
    assert!(!s.posts[2].text.contains("editiert"), "{:?}", s.posts[2].text);
}

#[test]
fn invision_3_topic() {
    let s = read(
        "invision3.html",
        "https://tanks.example.org/index.php?/topic/88213-aquarium-heater-keeps-tripping-the-breaker/",
    );
    assert_eq!(s.platform, "invision");
    assert_eq!(s.title, "Aquarium heater keeps tripping the breaker");
    assert_eq!(authors(&s), ["Marisol Vega", "old reef hand", "Marisol Vega"]);
    assert_eq!(minutes(&s), ["2013-07-02T20:41", "2013-07-02T22:15", "2013-07-03T18:02"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(info(op, "profile"), Some("https://tanks.example.org/index.php?/user/4410-marisol-vega/"));
    assert_eq!(info(op, "posts"), Some("212"));
    assert_eq!(info(op, "location"), Some("Tucson, AZ"));
    assert_eq!(info(reply, "rank"), Some("Moderators"));
    assert_eq!(
        reply.permalink.as_deref(),
        Some(
            "https://tanks.example.org/index.php?/topic/88213-aquarium-heater-keeps-tripping-the-breaker/#entry301140"
        )
    );
    assert!(op.text.contains("300 W heater") && op.text.contains("leaking current"), "{:?}", op.text);
    assert!(!op.text.contains("MultiQuote"));
    assert_eq!(reply.quotes.first().and_then(|q| q.author.as_deref()), Some("Marisol Vega"));
    assert!(reply.text.contains("ground fault outlet"));
    assert!(s.posts[2].text.contains("hairline crack"));
}

#[test]
fn phpbb_2_topic_in_subsilver() {
    let s = read("phpbb2.html", "https://radioclub.example.org/forum/viewtopic.php?t=1207");
    assert_eq!(s.platform, "phpbb");
    assert_eq!(s.title, "Antenna tuner hums on 40 metres");
    assert_eq!(s.section, ["Lighthouse Radio Club Forum Index", "Station Building"]);
    assert_eq!(authors(&s), ["ke7dusty", "W7 Marge", "ke7dusty"]);
    // The message header's "Posted:" line, not the author cell's "Joined:" date.
    assert_eq!(minutes(&s), ["2004-03-14T10:02", "2004-03-14T13:37", "2004-03-15T20:15"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(info(op, "profile"), Some("https://radioclub.example.org/forum/profile.php?mode=viewprofile&u=77"));
    assert_eq!(op.anchor.as_deref(), Some("8841"));
    assert_eq!(op.permalink.as_deref(), Some("https://radioclub.example.org/forum/viewtopic.php?p=8841#8841"));
    assert!(op.text.contains("RG-213") && op.text.ends_with("at fault?"), "{:?}", op.text);
    no_signature(&s, "73 de");
    // A quote splits the text span in two: both halves are the post's.
    assert!(reply.text.contains("ground loop") && reply.quotes.iter().any(|q| q.text.contains("feed line")));
    // The quote table's "ke7dusty wrote:" row names the quoted author, and is not part of what was quoted.
    assert_eq!(reply.quotes.first().and_then(|q| q.author.as_deref()), Some("ke7dusty"));
    assert_eq!(reply.quotes.first().map(|q| q.text.as_str()), Some("Is the tuner or the feed line at fault?"));
    assert_eq!(s.posts[2].text, "Three ferrite cores on the coax and the hum is gone. Thanks!");
}

#[test]
fn khoros_thread() {
    let s = read(
        "khoros.html",
        "https://community.brightline.example.com/t5/Home-Internet/Router-drops-Wi-Fi-every-evening/td-p/2201934",
    );
    assert_eq!(s.platform, "khoros");
    assert_eq!(s.title, "Router drops Wi-Fi every evening");
    assert_eq!(s.section, ["Brightline Community", "Home Internet"]);
    assert_eq!(authors(&s), ["kwame_t", "Brightline_Dana", "kwame_t"]);
    // The date span with its left-to-right mark and the clock span, read as one time.
    assert_eq!(minutes(&s), ["2024-03-17T19:52", "2024-03-18T09:05", "2024-03-18T22:41"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(
        info(op, "profile"),
        Some("https://community.brightline.example.com/t5/user/viewprofilepage/user-id/880142")
    );
    assert_eq!(info(reply, "rank"), Some("Community Moderator"));
    assert_eq!((op.score, reply.score), (Some(3), Some(11)));
    assert!(op.text.contains("Wired devices stay online") && op.text.ends_with("last week."), "{:?}", op.text);
    assert!(!op.text.contains("Kudos"));
    assert!(reply.text.contains("fixed channel for the 2.4 GHz band"));
    assert_eq!(s.posts[2].text, "Channel 6 fixed it, no drops tonight. Thanks Dana!");
}

/// The new readers claim only their own pages: WoltLab, Khoros, UBB.threads, YaBB, JForum and Kunena no other
/// fixture; the IP.Board 3 and phpBB 2 readers
/// (which share their platform's name) no page of another engine, and no page twice under one name.
#[test]
fn new_detectors_claim_no_other_fixture() {
    use threadcard::thread::engines::{detected, Probe};
    let dir = std::path::PathBuf::from(format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR")));
    let mut dirs = vec![dir];
    let mut seen = 0;
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).expect("fixtures").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
            if !name.ends_with(".html") {
                continue;
            }
            let html = String::from_utf8_lossy(&std::fs::read(&path).expect("fixture")).into_owned();
            let Ok(page) = threadcard::parse::parse(&html, Some("https://board.example.org/t/1")) else { continue };
            let found = detected(&Probe::new(&threadcard::clean::clean(page)));
            // Each claims only fixtures named for it (Kunena's two template families, Khoros solved and not).
            for own in ["woltlab", "khoros", "ubbthreads", "yabb", "jforum", "kunena"] {
                assert!(name.starts_with(own) || !found.contains(&own), "{own} claims {name}: {found:?}");
            }
            for platform in ["invision", "phpbb"] {
                let times = found.iter().filter(|f| **f == platform).count();
                assert!(times <= 1, "{name} detected {times} times as {platform}: {found:?}");
                assert!(times == 0 || name.contains(platform), "{platform} claims {name}: {found:?}");
            }
            seen += 1;
        }
    }
    assert!(seen >= 40, "{seen}");
}

/// A page under `tests/fixtures/gaps/`, summarized as if read from `url`.
fn read_gap(fixture: &str, url: &str) -> threadcard::Summary {
    let path = format!("{}/tests/fixtures/gaps/{fixture}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    threadcard::summarize(&html, Some(url), &threadcard::Options::default()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A guest's short post ("by Nobody:", no profile link) with a "23 Likes 3 Shares" line and an attachment, in
/// Nairaland's table-row markup: the likes counter in bold was taken as the post's author, and the header
/// around that "author" swallowed the post's text, so the post was dropped as empty.
#[test]
fn a_guest_post_with_a_likes_line_is_kept() {
    let s = read_gap("nairaland-guest-likes.html", "https://www.nairaland.com/7001234/generator-keeps-tripping");
    assert_eq!(authors(&s), ["Kelechi01", "PowerBoy", "AdaEze", "Nobody"]);
    assert!(s.posts[3].text.starts_with("Wetin concern generator"), "{:?}", s.posts[3].text);
}

#[test]
fn xenforo_california_nested_replies_have_depth() {
    let url = "https://tractorshed.example.com/threads/best-hitch-for-a-small-utility-trailer.7100001/";
    let s = read("xenforo-california-nested.html", url);
    assert_eq!(authors(&s), ["fencepost", "hitchpin", "redbarn", "fencepost", "oldgreen"]);
    assert_eq!(depths(&s), [0, 0, 1, 2, 0]);
    // A copy of the style without the level classes: the nesting of the articles gives the same depths.
    let path = format!("{}/tests/fixtures/engines/xenforo-california-nested.html", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).expect("fixture").replace("nested-level-", "nesting-");
    let s = threadcard::summarize(&html, Some(url), &threadcard::Options::default()).expect("summary");
    assert_eq!(depths(&s), [0, 0, 1, 2, 0]);
}

#[test]
fn khoros_accepted_solution_is_the_answer() {
    let url = "https://community.brightline.example.com/t5/Home-Internet/Router-drops-Wi-Fi-every-evening/td-p/2201934";
    let accepted = |s: &threadcard::Summary| s.posts.iter().map(|p| p.accepted).collect::<Vec<_>>();
    let s = read("khoros-solved.html", url);
    assert_eq!(accepted(&s), [false, true, false]);
    // The digest leads with it, as the answer.
    let first = s.facts.digest.answers.first().expect("key post");
    assert_eq!((first.post, first.label.as_str(), first.signal.as_str()), (1, "answer", "accepted"));
    // Either marker alone marks it: the message view's class, or the topic's "Go to Solution" link.
    let path = format!("{}/tests/fixtures/engines/khoros-solved.html", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).expect("fixture");
    let summary =
        |html: &str| threadcard::summarize(html, Some(url), &threadcard::Options::default()).expect("summary");
    let only_link = html.replace(" lia-accepted-solution\"", "\"");
    assert_eq!(accepted(&summary(&only_link)), [false, true, false]);
    let only_class = html.replace("/m-p/2201977", "/m-p/");
    assert_eq!(accepted(&summary(&only_class)), [false, true, false]);
    // The unsolved thread marks nothing.
    assert!(read("khoros.html", url).posts.iter().all(|p| !p.accepted));
}

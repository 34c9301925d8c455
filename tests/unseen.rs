//! Classes of errors on boards no engine fixture covers (issue 11), each on a small page written in the shape
//! of real markup (authored text, not copied pages) under `tests/fixtures/unseen/`.

use threadcard::{summarize, Options, Summary};

fn read(fixture: &str, url: &str) -> Summary {
    let path = format!("{}/tests/fixtures/unseen/{fixture}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    summarize(&html, Some(url), &Options::default()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A post whose first paragraph holds nearly all its text keeps its later paragraphs (the source link).
#[test]
fn generic_post_keeps_paragraphs_after_a_long_one() {
    let s = read("generic-long-paragraph.html", "https://orchard.example/t/pruning-old-trees");
    assert_eq!(s.posts.len(), 3, "{:#?}", s.posts);
    assert!(s.posts[0].text.contains("neglected apple trees"));
    assert!(s.posts[0].text.contains("county pruning guide"), "{:?}", s.posts[0].text);
    assert!(s.posts[1].text.contains("Second winter photos"), "{:?}", s.posts[1].text);
    assert!(s.posts[2].text.contains("collar cuts explained"), "{:?}", s.posts[2].text);
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["hazel", "tobias", "marisol"]);
    assert!(!s.posts[0].text.contains("14 Jan 2024"), "header kept in the body: {:?}", s.posts[0].text);
}

/// An announcement box's heading, taken by the engine's title element on a custom theme, loses to the title
/// `og:title` and `<title>` agree on; a "Posts: 7,135" counter is never an author.
#[test]
fn title_by_agreement_not_an_announcement_box() {
    let s = read("phpbb-announcement-title.html", "https://cartalk.example/viewtopic.php?t=77");
    assert_eq!(s.title, "Winter tyres on a 2009 Golf");
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["wheelwright", "frostbite"]);
}

/// Action links every post repeats ("Reply", "Other" to a login page) and a status ("Offline") are never the
/// author: the name linked to a profile is. The relative "2y" is read from the element's `title`.
#[test]
fn author_is_the_profile_link_not_an_action_or_status() {
    let s = read("generic-action-links.html", "https://careers.example/forum/consulting-internship");
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["quill_ana", "m_okafor", "dtreadwell"], "{:#?}", s.posts);
    assert_eq!(s.posts[0].published.as_deref(), Some("2024-03-03T09:15:00"));
    assert_eq!(s.posts[0].published_text.as_deref(), Some("2y"));
    // The action bar ("Reply Quote Other", each to a login page) is no part of a post, nor its permalink.
    assert!(s.posts.iter().all(|p| !p.markdown.contains("Other") && p.links.is_empty()), "{:#?}", s.posts);
    let permalink = s.posts[0].permalink.as_deref();
    assert_eq!(permalink, Some("https://careers.example/forum/consulting-internship#c-1"));
}

/// Edit notes ("Edited ...", "[Beitrag von ... bearbeitet am ...]") are never the post time, `03/04/2024` is
/// read day first because another date on the page (`15/04/2024`) settles the order, and an account menu is
/// not the section.
#[test]
fn edit_notes_are_not_post_times_and_the_page_settles_day_order() {
    let s = read("generic-edit-notes.html", "https://bread.example/threads/acetone.12/");
    let times: Vec<_> = s.posts.iter().map(|p| p.published.as_deref().unwrap_or("")).collect();
    assert_eq!(times, ["2024-04-03T10:12:00", "2024-04-15T09:30:00", "2024-04-20T18:05:00"], "{:#?}", s.posts);
    assert!(s.posts[0].text.contains("rye flour"));
    // "Register › Log In › ..." is an account menu, not the breadcrumb below it.
    assert_eq!(s.section, ["Bread Circle", "Starters"]);
}

/// A name shown as plain text right before the post time ("keepingsanity · 03/03/2026") is the poster; a
/// header without a separator ("Posted on 14/03/2026") names nobody.
#[test]
fn plain_text_byline_before_the_time_is_the_author() {
    let s = read("generic-byline.html", "https://talk.example/kitchen/5498613-low-cost-meals");
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["longshot", "keepingsanity", "FolioQuarto", ""], "{:#?}", s.posts);
    assert_eq!(s.posts[1].published.as_deref(), Some("2026-03-03T19:49:00"));
}

/// A guest's name written after the post's title link as plain text ("Re: ... by Nobody: 9:15am"): the board
/// marks it as the poster with "by", so it is the author, beside the members linked to their profiles.
#[test]
fn a_guest_marked_by_is_the_author() {
    let url = "https://riverside.example/4410/which-bus-goes-to-the-new-hospital";
    let s = read("generic-by-guest.html", url);
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["Dapo_K", "Tolu77", "Nobody", "MamaRonke"], "{:#?}", s.posts);
    // The markup is Nairaland's, which has its own reader now; without the posts table's marker the generic
    // reader reads it, and must find the guest too.
    let path = format!("{}/tests/fixtures/unseen/generic-by-guest.html", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).expect("fixture").replace(r#"summary="posts""#, "");
    let s = summarize(&html, Some(url), &Options::default()).expect("summary");
    assert_eq!(s.platform, "generic");
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["Dapo_K", "Tolu77", "Nobody", "MamaRonke"], "{:#?}", s.posts);
}

/// A post's author stated in microdata as `<meta itemprop="name" content="...">` (the microdata value of a
/// `<meta>` is its `content`), with the profile from the person's `<meta itemprop="url">` when no link holds
/// the name; a visible badge or post counter beside the name is never part of it.
#[test]
fn microdata_author_names_in_meta_content() {
    let s = read("microdata-meta-author.html", "https://gardentalk.example/t/88");
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["fernleaf", "Otto_Brandt", "wrenna", "hollis"], "{:#?}", s.posts);
    let profile = s.posts[1].author_info.get("profile").map(String::as_str);
    assert_eq!(profile, Some("https://gardentalk.example/otto_brandt"), "{:?}", s.posts[1].author_info);
    assert_eq!(
        s.posts[3].author_info.get("profile").map(String::as_str),
        Some("https://gardentalk.example/members/hollis.31/")
    );
    assert_eq!(s.posts[0].published.as_deref(), Some("2025-04-02T08:10:00Z"));
}

/// In a nested comment tree whose comments carry a title link (to the comment's own address) above a "by"
/// line, every comment's author is the name in the "by" line, whether the comment has replies (its block stops
/// at its own box) or not (its block is its list item): never the title.
#[test]
fn nested_comments_with_titles_keep_the_by_line_author() {
    let s = read("generic-nested-comment-titles.html", "https://news.example/story/25/03/04/backups");
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["mireille", "halvard_k", "quarrybird", "OskarVance", "pennywhistle"], "{:#?}", s.posts);
    let depths: Vec<_> = s.posts.iter().map(|p| p.depth).collect();
    assert_eq!(depths, [0, 1, 2, 0, 0]);
}

/// A theme that marks each reply `schema.org/Comment` but leaves the opening post unmarked still gives the
/// opening post first (the structure reads it right before the first marked reply), and only it.
#[test]
fn microdata_replies_with_an_unmarked_opening_post() {
    let s = read("microdata-unmarked-opening.html", "https://rigs.example/threads/psu-sizing.77/");
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["KestrelBuilds", "voltmeter_vee", "KestrelBuilds", "Marguerite_O"], "{:#?}", s.posts);
    assert!(s.posts[0].text.starts_with("I am putting together a workstation"), "{:?}", s.posts[0].text);
    assert_eq!(s.posts[0].published.as_deref(), Some("2025-03-02T09:14:00+00:00"));
}

#[test]
fn an_article_byline_is_cut_before_a_relative_time() {
    let s = read("article-relative-byline.html", "https://harbour.example/ferries/timetable");
    assert_eq!(s.posts.first().and_then(|p| p.author.as_deref()), Some("Mara Lindqvist"), "{:?}", s.posts.first());
}

/// A post menu that every post repeats ("Report Reply" behind `javascript:`, "Printer Friendly Format" to a
/// print page) is never the author: a script link is an action, and an unmarked text every post shows the same
/// is a label. The profile link is the author; a deleted account shown as plain text ("Former Member") leaves
/// its posts without one rather than with the menu's words.
#[test]
fn a_post_menu_every_post_repeats_is_not_the_author() {
    let s = read("generic-post-menu-labels.html", "https://smokers.example/topic/brisket-stall");
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref()).collect();
    assert_eq!(authors, [Some("pitmasterjo"), None, Some("emberline"), None], "{:#?}", s.posts);
    assert!(s.posts.iter().all(|p| !p.text.contains("Printer Friendly") && !p.text.contains("Report Reply")));
}

/// A template that shows no time on its posts (no date in the header, none in the markup) still yields its
/// posts: the structural detector groups the posters' profile links as it groups times. The post's action bar
/// ("Report Quote", "Report Quote Other") and the poster's counter stay out of the text.
#[test]
fn a_board_without_post_times_is_read_by_its_posters() {
    let s = read("generic-no-times.html", "https://spokeandcrank.example/threads/chain-jumping.5101/");
    assert_eq!(s.platform, "generic");
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["wrenfield", "okonkwo-bikes", "lindqvist", "wrenfield"], "{:#?}", s.posts);
    assert!(s.posts.iter().all(|p| p.published.is_none()));
    assert!(s.posts[0].text.contains("Any idea where to start?"), "{:?}", s.posts[0].text);
    for p in &s.posts {
        assert!(!p.text.contains("Report") && !p.text.contains("Quote") && !p.text.contains("Posts:"), "{:?}", p.text);
        assert!(!p.text.contains("Other"), "the bar's menu of further actions ends it: {:?}", p.text);
    }
}

/// An opening post in markup of its own (above the replies' list) whose poster is written as plain text right
/// before the time ("longshot · 03/03/2026 19:44"): the poster, as in a reply's header.
#[test]
fn an_opening_post_of_its_own_keeps_its_plain_text_poster() {
    let s = read("generic-lead-byline.html", "https://talk.example/kitchen/5498613-cheap-meals");
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["longshot", "keepingsanity", "FolioQuarto", "HattiesBag"], "{:#?}", s.posts);
    assert_eq!(s.posts[0].published.as_deref(), Some("2026-03-03T19:44:00"));
}

/// A topic's header ("Posted by <author> on <time>") inside an element named `signature`: it holds the post's
/// schema.org author and its time, so it is the header, not a signature; a reply's real signature still goes.
#[test]
fn a_header_named_signature_keeps_the_opening_posts_author() {
    let s = read("microdata-header-in-signature.html", "https://travel.example/forum/japan/first-trip-to-japan");
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["johnanddoc", "Barbara", "geova"], "{:#?}", s.posts);
    assert!(!s.posts[1].text.contains("Happy travels"), "{:?}", s.posts[1].text);
}

/// Names shown without a link or an author class, in markup of hashed class names, beside the poster's
/// picture labelled with the same name: the board marks them as the posters. A count glued to a name
/// ("Judith C(157)") is not part of it; a rank badge labelled with its rank is no avatar, and names no one.
#[test]
fn a_name_beside_an_avatar_labelled_with_it_is_the_author() {
    let s = read("generic-avatar-names.html", "https://coffee.example/chat/3c5c944d-early-years");
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["Mod Sharon", "Judith C", "Otterlie B", ""], "{:#?}", s.posts);
}

/// Slash's comments (Slashdot's engine) under the reader's threshold are printed collapsed (`li.comment.oneline`:
/// the title line only; `li.comment.hidden`): their words are no part of the comment they reply to, while a
/// full reply below a collapsed one is read. A "Journal" link titled with the date of the poster's last journal
/// entry is not the comment's time.
#[test]
fn collapsed_comments_are_not_read_into_their_parent() {
    let url = "https://spokesdot.example/story/24/03/04/1210/town-council-votes-to-repave";
    let s = read("generic-collapsed-comments.html", url);
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["kmarlow", "gearhead", "ridgeline", "slowpedal", "boxbike", "lanterne"], "{:#?}", s.posts);
    let times: Vec<_> = s.posts.iter().map(|p| p.published.as_deref().unwrap_or("")).collect();
    assert_eq!(times[1..4], ["2024-03-04T09:32:00", "2024-03-04T11:05:00", "2024-03-04T09:47:00"]);
    for gone in ["Pink lanes", "tarmacfan", "ban bicycles", "carsfirst"] {
        assert!(!s.posts.iter().any(|p| p.text.contains(gone)), "{gone}: {:#?}", s.posts);
    }
    assert_eq!(s.posts[2].depth, 1);
}

/// A form box under every post (a tip form's captions, fields and "Send" button) is no post text.
#[test]
fn a_form_box_under_a_post_is_not_its_text() {
    let s = read("generic-form-box.html", "https://permaculture.example/t/5100/rain-barrel-overflow");
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["Rosa Lindqvist", "Dev Mahajan", "Rosa Lindqvist", "Mo Okafor"], "{:#?}", s.posts);
    for p in &s.posts {
        assert!(
            !p.text.contains("slices") && !p.text.contains("thank-you") && !p.text.contains("Send"),
            "{:?}",
            p.text
        );
    }
    assert!(s.posts[1].text.starts_with("Yes, on heavy clay"), "{:?}", s.posts[1].text);
}

/// A board that lets members post anonymously shows the poster's industry badge ("IB") and position ("Intern in
/// IB-M&A") in the name's place: such a post has no author, and the named posts keep theirs.
#[test]
fn an_anonymous_posters_badge_is_no_author() {
    let s = read("generic-anonymous-poster.html", "https://ledgerlane.example/forum/careers/treasury-rotation");
    let authors: Vec<_> = s.posts.iter().map(|p| p.author.as_deref().unwrap_or("")).collect();
    assert_eq!(authors, ["harbourlight", "", "quietledger", "", "harbourlight"], "{:#?}", s.posts);
    assert_eq!(s.posts[3].published.as_deref(), Some("2024-03-04T14:30:00"));
}

/// An article's author as JSON-LD credits it wins over `<meta name="author">`, which often holds a handle or
/// a login ("mlindqvist"), as Readability reads them.
#[test]
fn an_articles_json_ld_author_wins_over_a_meta_handle() {
    let path = format!("{}/tests/fixtures/unseen/article-relative-byline.html", env!("CARGO_MANIFEST_DIR"));
    let head = r#"<meta name="author" content="mlindqvist">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"The ferry timetable changes again this spring","author":[{"@type":"Person","name":"Mara Lindqvist"}]}</script>
</head>"#;
    let html = std::fs::read_to_string(&path).expect("fixture").replacen("</head>", head, 1);
    let s = summarize(&html, Some("https://harbour.example/ferries/timetable"), &Options::default()).expect("summary");
    assert_eq!(s.posts.first().and_then(|p| p.author.as_deref()), Some("Mara Lindqvist"), "{:?}", s.posts.first());
}

//! Link-aggregator readers (Reddit, Hacker News, Lobsters, Lemmy) on fixtures written in each engine's markup
//! (authored text, not copied pages). The submission is post 1 at depth 0; top-level comments are depth 0 too.

mod common;
use common::*;

#[test]
fn reddit_old() {
    let s = read(
        "reddit-old.html",
        "https://old.reddit.com/r/Breadit/comments/1abcde/my_sourdough_starter_smells_like_acetone/",
    );
    assert_eq!(s.platform, "reddit");
    assert_eq!(s.title, "My sourdough starter smells like acetone, is it dead?");
    assert_eq!(s.section, ["r/Breadit"]);
    // The deleted placeholder, the "load more comments" stub and the moderators' pinned welcome are not posts.
    assert_eq!(authors(&s), ["crumb_counter", "levain_lady", "crumb_counter", "rye_not"]);
    assert_eq!(depths(&s), [0, 0, 1, 0]);
    let (op, top, reply, last) = (&s.posts[0], &s.posts[1], &s.posts[2], &s.posts[3]);
    assert_eq!(op.title.as_deref(), Some("My sourdough starter smells like acetone, is it dead?"));
    assert_eq!(op.published.as_deref(), Some("2024-06-01T09:00:00+00:00"));
    assert_eq!(op.published_text.as_deref(), Some("2 years ago"));
    assert_eq!(op.score, Some(212));
    assert!(op.text.contains("nail polish remover") && op.text.contains("start over"), "{:?}", op.text);
    assert_eq!(info(op, "profile"), Some("https://old.reddit.com/user/crumb_counter"));
    assert_eq!(
        op.permalink.as_deref(),
        Some("https://old.reddit.com/r/Breadit/comments/1abcde/my_sourdough_starter_smells_like_acetone/")
    );
    assert_eq!(op.anchor.as_deref(), Some("thing_t3_1abcde"));
    assert_eq!(top.score, Some(88));
    assert_eq!(top.published.as_deref(), Some("2024-06-01T09:40:00+00:00"));
    assert_eq!(top.text, "It is hungry, not dead. The grey liquid is hooch. Pour it off and feed at a 1:1:1 ratio.");
    assert!(!top.text.contains("Bubbles"), "a reply's text leaked into its parent");
    assert_eq!(info(top, "profile"), Some("https://old.reddit.com/user/levain_lady"));
    assert_eq!(
        top.permalink.as_deref(),
        Some("https://old.reddit.com/r/Breadit/comments/1abcde/my_sourdough_starter_smells_like_acetone/k001/")
    );
    assert_eq!(top.anchor.as_deref(), Some("thing_t1_k001"));
    assert_eq!(reply.score, Some(12));
    assert_eq!(reply.text, "Poured it off and fed it. Bubbles after four hours, thanks!");
    assert_eq!(last.score, Some(-2));
    assert_eq!(last.links[0].url, "https://example.com/yeast-guide");
    assert!(!s.posts.iter().any(|p| p.text.contains("Welcome to r/Breadit")), "the pinned notice is no reply");
}

#[test]
fn reddit_new() {
    let s = read(
        "reddit-new.html",
        "https://www.reddit.com/r/woodworking/comments/1xyz12/which_hand_plane_should_i_buy_first/",
    );
    assert_eq!(s.platform, "reddit");
    assert_eq!(s.title, "Which hand plane should I buy first?");
    assert_eq!(s.section, ["r/woodworking"]);
    assert_eq!(authors(&s), ["shavings_sam", "plane_jane", "shavings_sam", "dovetail_dan"]);
    assert_eq!(depths(&s), [0, 0, 1, 0]);
    let (op, top, reply, last) = (&s.posts[0], &s.posts[1], &s.posts[2], &s.posts[3]);
    assert_eq!(op.title.as_deref(), Some("Which hand plane should I buy first?"));
    assert_eq!(op.published.as_deref(), Some("2025-02-10T18:20:05+00:00"));
    assert_eq!(op.score, Some(57));
    assert_eq!(op.text, "I have a small bench and a budget of about 120 dollars. A No. 4 smoother or a block plane?");
    assert_eq!(info(op, "profile"), Some("https://www.reddit.com/user/shavings_sam/"));
    assert_eq!(op.anchor.as_deref(), Some("t3_1xyz12"));
    assert_eq!(
        op.permalink.as_deref(),
        Some("https://www.reddit.com/r/woodworking/comments/1xyz12/which_hand_plane_should_i_buy_first/")
    );
    assert_eq!(top.score, Some(41));
    assert_eq!(top.published.as_deref(), Some("2025-02-10T19:02:44+00:00"));
    assert_eq!(top.published_text.as_deref(), Some("1y ago"));
    assert_eq!(top.text, "Block plane first. You will use it on every project, and it teaches sharpening.");
    assert!(!top.text.contains("Low angle"), "a reply's text leaked into its parent");
    assert_eq!(info(top, "profile"), Some("https://www.reddit.com/user/plane_jane/"));
    assert_eq!(top.permalink.as_deref(), Some("https://www.reddit.com/r/woodworking/comments/1xyz12/comment/m100/"));
    assert_eq!(top.anchor.as_deref(), Some("t1_m100-comment-rtjson-content"));
    assert_eq!(reply.text, "Low angle or standard angle?");
    assert_eq!(last.score, Some(-3));
    assert_eq!(last.links[0].url, "https://example.com/sander");
}

#[test]
fn hacker_news_ask() {
    let s = read("hackernews.html", "https://news.ycombinator.com/item?id=90001");
    assert_eq!(s.platform, "hackernews");
    assert_eq!(s.title, "Ask HN: How do you keep notes for a long side project?");
    // The "[deleted]" row has no text: not a post.
    assert_eq!(authors(&s), ["marginalia_mo", "logbook_lu", "marginalia_mo", "paper_pete"]);
    assert_eq!(depths(&s), [0, 0, 1, 0]);
    let (op, top, reply) = (&s.posts[0], &s.posts[1], &s.posts[2]);
    assert_eq!(op.title.as_deref(), Some("Ask HN: How do you keep notes for a long side project?"));
    assert_eq!(op.score, Some(134));
    // The Unix time in the title is exact (UTC): 1740924310 = 2025-03-02 14:05:10 UTC.
    assert_eq!(op.published.as_deref(), Some("2025-03-02T14:05:10Z"));
    assert_eq!(op.published_text.as_deref(), Some("9 months ago"));
    assert!(op.text.contains("forget where I left it") && op.text.contains("where?"), "{:?}", op.text);
    assert_eq!(info(op, "profile"), Some("https://news.ycombinator.com/user?id=marginalia_mo"));
    assert_eq!(op.permalink.as_deref(), Some("https://news.ycombinator.com/item?id=90001"));
    assert_eq!(op.anchor.as_deref(), Some("90001"));
    assert_eq!(top.published.as_deref(), Some("2025-03-02T14:31:00Z"));
    assert!(top.text.starts_with("A single NEXT.md") && !top.text.contains("reply"), "{:?}", top.text);
    assert_eq!(top.links[0].url, "https://example.org/next-step");
    assert_eq!(top.permalink.as_deref(), Some("https://news.ycombinator.com/item?id=90002"));
    assert_eq!(top.anchor.as_deref(), Some("90002"));
    assert_eq!(top.score, None);
    assert_eq!(info(top, "profile"), Some("https://news.ycombinator.com/user?id=logbook_lu"));
    assert_eq!(reply.text, "Does that survive a month away?");
}

#[test]
fn hacker_news_link_and_old_indent() {
    let s = read("hackernews-link.html", "https://news.ycombinator.com/item?id=70001");
    assert_eq!(s.platform, "hackernews");
    assert_eq!(s.title, "A field guide to lichens of city walls");
    assert_eq!(authors(&s), ["moss_mara", "moss_mara", "crusty_cal"]);
    // Before `indent`, the spacer's width gave the level (40 px a level).
    assert_eq!(depths(&s), [0, 0, 1]);
    let op = &s.posts[0];
    assert_eq!(op.score, Some(48));
    assert_eq!(op.published.as_deref(), Some("2019-07-20T06:00:00"));
    // A link submission's body is its link.
    assert_eq!(op.text, "https://lichens.example.net/city-walls");
    assert_eq!(op.links[0].domain, "lichens.example.net");
    assert_eq!(s.posts[2].text, "Orange ones on old brick are usually Xanthoria.");
}

#[test]
fn lobsters_story() {
    let s = read("lobsters.html", "https://lobste.rs/s/q7w8e9/why_my_build_cache_never_hits");
    assert_eq!(s.platform, "lobsters");
    assert_eq!(s.title, "Why my build cache never hits");
    // The comment removed by its author is not a post.
    assert_eq!(authors(&s), ["cache_miss", "hash_hal", "cache_miss", "layer_lin"]);
    assert_eq!(depths(&s), [0, 0, 1, 0]);
    let (op, top, reply) = (&s.posts[0], &s.posts[1], &s.posts[2]);
    assert_eq!(op.title.as_deref(), Some("Why my build cache never hits"));
    assert_eq!(op.score, Some(23));
    assert_eq!(op.published.as_deref(), Some("2024-11-05T08:30:00"));
    assert_eq!(op.published_text.as_deref(), Some("1 year ago"));
    assert!(op.text.starts_with("Every CI run rebuilds from scratch"), "{:?}", op.text);
    assert_eq!(info(op, "profile"), Some("https://lobste.rs/~cache_miss"));
    assert_eq!(op.permalink.as_deref(), Some("https://lobste.rs/s/q7w8e9/why_my_build_cache_never_hits"));
    assert_eq!(op.anchor.as_deref(), Some("story_q7w8e9"));
    assert_eq!(top.score, Some(15));
    assert_eq!(top.published.as_deref(), Some("2024-11-05T09:02:11"));
    assert!(top.text.starts_with("The image digest changes") && !top.text.contains("ninety"), "{:?}", top.text);
    assert_eq!(top.links[0].url, "https://example.net/cache-keys");
    assert_eq!(info(top, "profile"), Some("https://lobste.rs/~hash_hal"));
    assert_eq!(top.permalink.as_deref(), Some("https://lobste.rs/c/aa11bb"));
    assert_eq!(top.anchor.as_deref(), Some("c_aa11bb"));
    assert_eq!(reply.score, Some(4));
    assert_eq!(reply.text, "That was it. Hit rate went from zero to ninety percent.");
}

#[test]
fn lemmy_post() {
    let s = read("lemmy.html", "https://lemmy.example.org/post/4242");
    assert_eq!(s.platform, "lemmy");
    assert_eq!(s.title, "Tomato seedlings turning purple");
    assert_eq!(s.section, ["Gardening"]);
    // The removed comment and the "more replies" button are not posts.
    assert_eq!(authors(&s), ["greenthumb", "soil_sally", "greenthumb", "Basil Brush"]);
    assert_eq!(depths(&s), [0, 0, 1, 0]);
    let (op, top, reply, last) = (&s.posts[0], &s.posts[1], &s.posts[2], &s.posts[3]);
    assert_eq!(op.title.as_deref(), Some("Tomato seedlings turning purple"));
    assert_eq!(op.score, Some(29));
    assert_eq!(op.published.as_deref(), Some("2025-04-15T07:20:00+02:00"));
    assert_eq!(op.published_text.as_deref(), Some("8 months ago"));
    assert!(op.text.starts_with("My seedlings have purple undersides") && op.text.contains("nutrient problem"));
    assert_eq!(info(op, "profile"), Some("https://lemmy.example.org/u/greenthumb"));
    assert_eq!(op.permalink.as_deref(), Some("https://lemmy.example.org/post/4242"));
    assert_eq!(top.score, Some(14));
    assert_eq!(top.published.as_deref(), Some("2025-04-15T08:05:30+02:00"));
    assert_eq!(top.text, "Cold roots cannot take up phosphorus. Move them off the sill at night and it goes away.");
    // A remote user's profile is on this instance, under their full address.
    assert_eq!(info(top, "profile"), Some("https://lemmy.example.org/u/soil_sally@garden.example.net"));
    assert_eq!(top.permalink.as_deref(), Some("https://lemmy.example.org/post/4242/9001"));
    assert_eq!(top.anchor.as_deref(), Some("comment-9001"));
    // An edited comment's tooltip gives creation and modification: the creation time is the post's.
    assert_eq!(reply.published.as_deref(), Some("2025-04-15T09:00:00+02:00"));
    assert_eq!(reply.score, Some(3));
    assert_eq!(last.score, Some(-1));
    assert_eq!(last.links[0].url, "https://example.com/purple-tomatoes");
}

#[test]
fn hacker_news_comment_page() {
    let s = read("hackernews-comment.html", "https://news.ycombinator.com/item?id=90002");
    assert_eq!(s.platform, "hackernews");
    // The story the comment is on names the thread.
    assert_eq!(s.title, "Ask HN: How do you keep notes for a long side project?");
    assert_eq!(authors(&s), ["logbook_lu", "marginalia_mo"]);
    // The comment on top is post 1; the rows below are its replies.
    assert_eq!(depths(&s), [0, 1]);
    assert_eq!(s.posts[0].text, "A single NEXT.md at the repo root.");
    assert_eq!(s.posts[0].anchor.as_deref(), Some("90002"));
}

//! Readers for vBulletin 3/5, mailing-list archives and bug trackers, on fixtures written in each engine's
//! markup (authored text, not copied pages).

mod common;
use common::*;

#[test]
fn vbulletin_3() {
    let s = read("vbulletin3.html", "https://ponds.example.co.uk/forum/showthread.php?t=220");
    assert_eq!(s.platform, "vbulletin");
    assert_eq!(authors(&s), ["lilypad_lou", "Koi Carpenter"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref(), Some("2019-05-12T08:45:00"));
    assert_eq!(op.published_text.as_deref(), Some("12th May 2019, 08:45"));
    assert_eq!(info(op, "join date"), Some("Apr 2018"));
    assert_eq!(info(op, "posts"), Some("57"));
    assert_eq!(info(op, "location"), Some("Norwich"));
    assert_eq!(info(op, "profile"), Some("https://ponds.example.co.uk/forum/member.php?u=310"));
    assert_eq!(op.title.as_deref(), Some("Pump hums, no flow"));
    assert_eq!(op.permalink.as_deref(), Some("https://ponds.example.co.uk/forum/showpost.php?p=4401&postcount=1"));
    assert_eq!(op.anchor.as_deref(), Some("post4401"));
    assert!(op.text.contains("not a drop comes out") && !op.text.contains("herons"), "{:?}", op.text);
    assert_eq!(info(reply, "posts"), Some("9,316"));
    assert_eq!(reply.published.as_deref(), Some("2019-05-12T10:02:00"));
    assert_eq!(reply.quotes.len(), 1, "{:?}", reply.quotes);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("lilypad_lou"));
    assert!(reply.quotes[0].text.contains("I cleaned the sponge last weekend."));
    assert!(reply.text.contains("The impeller is probably stuck"));
}

#[test]
fn vbulletin_3_themes_that_draw_quotes_as_boxes() {
    // Some vBulletin 3 themes draw the quote table as boxes: `div.panel.alt2` opening with the "Originally
    // Posted by" line. A `div.alt2` without that line is a PHP code box, no quote.
    let path = format!("{}/tests/fixtures/engines/vbulletin3.html", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let start = html.find("<table cellpadding=\"6\"").expect("the quote table");
    let end = start + html[start..].find("</table>").expect("its end") + "</table>".len();
    let quote = r#"<div class="panel alt2" style="border:1px inset"><div>Originally Posted by <strong>lilypad_lou</strong></div><div style="font-style:italic">I cleaned the sponge last weekend.</div></div>"#;
    let code = r#"<div class="alt2" dir="ltr" style="border:1px inset"><code>$flow = 0;</code></div>"#;
    let boxed = format!("{}{quote}{}", &html[..start], &html[end..])
        .replace("enough to jam it.", &format!("enough to jam it.{code}"));
    let url = "https://ponds.example.co.uk/forum/showthread.php?t=220";
    let s = threadcard::summarize(&boxed, Some(url), &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    let reply = &s.posts[1];
    assert_eq!(reply.quotes.len(), 1, "{:?}", reply.quotes);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("lilypad_lou"));
    assert!(reply.quotes[0].text.contains("I cleaned the sponge last weekend."));
    assert!(reply.text.contains("The impeller is probably stuck"));
}

#[test]
fn vbulletin_5() {
    let s = read("vbulletin5.html", "https://camp.example.org/forum/shelter/90311-tent-zip-keeps-splitting");
    assert_eq!(s.platform, "vbulletin");
    assert_eq!(s.title, "Tent zip keeps splitting behind the slider");
    assert_eq!(authors(&s), ["gorp_gary", "seam_sealer"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref(), Some("2022-08-03T18:20:00+01:00"));
    assert_eq!(op.published_text.as_deref(), Some("08-03-2022, 06:20 PM"));
    assert_eq!(info(op, "join date"), Some("Jun 2015"));
    assert_eq!(info(op, "posts"), Some("233"));
    assert_eq!(info(op, "rank"), Some("Member"));
    assert_eq!(info(op, "profile"), Some("https://camp.example.org/member/71-gorp_gary"));
    assert_eq!(op.title.as_deref(), Some("Zip splits open"));
    assert_eq!(op.permalink.as_deref(), Some("https://camp.example.org/forum/shelter/90311-tent-zip-keeps-splitting"));
    assert!(op.text.contains("two-person tent") && !op.text.contains("footprints"), "{:?}", op.text);
    assert_eq!(info(reply, "posts"), Some("4,870"));
    assert_eq!(
        reply.permalink.as_deref(),
        Some("https://camp.example.org/forum/shelter/90311-tent-zip-keeps-splitting?p=90318#post90318")
    );
    assert_eq!(reply.quotes.len(), 1, "{:?}", reply.quotes);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("gorp_gary"));
    assert!(reply.quotes[0].text.contains("Is the slider worn"));
    assert!(reply.text.contains("Almost always the slider"));
}

#[test]
fn mailman_pipermail_message() {
    let s = read("mailman-pipermail.html", "http://lists.example.org/pipermail/beekeepers/2019-April/001841.html");
    assert_eq!(s.platform, "mailman");
    assert_eq!(s.title, "[beekeepers] Re: Swarm cells in April?");
    assert_eq!(authors(&s), ["Hilda Comb"], "quoted lines are not posts");
    let p = &s.posts[0];
    assert_eq!(p.published.as_deref(), Some("2019-04-16T09:41:07+02:00"));
    assert_eq!(p.published_text.as_deref(), Some("Tue Apr 16 09:41:07 CEST 2019"));
    assert_eq!(p.title.as_deref(), Some("[beekeepers] Re: Swarm cells in April?"));
    assert_eq!(p.permalink.as_deref(), Some("http://lists.example.org/pipermail/beekeepers/2019-April/001841.html"));
    assert!(p.text.contains("Found three capped queen cells"), "quoted lines stay in the text: {:?}", p.text);
    assert!(p.text.contains("Do an artificial swarm now"), "{:?}", p.text);
    assert!(!p.text.contains("Messages sorted by"), "{:?}", p.text);
    assert!(!p.text.contains("scrubbed") && p.markdown.ends_with("```"), "{:?}", p.markdown);
    assert_eq!(p.quotes.len(), 1, "{:?}", p.quotes);
    assert_eq!(p.quotes[0].author.as_deref(), Some("Bert Drone"));
    assert!(p.quotes[0].text.starts_with("Found three capped queen cells"), "{:?}", p.quotes);
}

#[test]
fn mailman_hyperkitty_thread() {
    let s = read(
        "mailman-hyperkitty.html",
        "https://lists.example.com/archives/list/devel@lists.example.com/thread/HX7QPLM2AJ4/",
    );
    assert_eq!(s.platform, "mailman");
    assert_eq!(s.title, "Build fails on ARM after the last merge");
    assert_eq!(authors(&s), ["Petra Linker", "Ravi Arm", "Petra Linker"]);
    let (op, reply, last) = (&s.posts[0], &s.posts[1], &s.posts[2]);
    assert_eq!(op.published.as_deref(), Some("2023-03-09T13:14:00"));
    assert_eq!(op.published_text.as_deref(), Some("Thursday, 9 March 2023 1:14 p.m."));
    assert_eq!(info(op, "profile"), Some("https://lists.example.com/archives/users/4c1e/"));
    assert_eq!(
        op.permalink.as_deref(),
        Some("https://lists.example.com/archives/list/devel@lists.example.com/message/HX7QPLM2AJ4/")
    );
    assert_eq!(op.anchor.as_deref(), Some("HX7QPLM2AJ4"));
    assert!(op.text.contains("atomic_fetch_add_8") && !op.text.contains("Reply"), "{:?}", op.text);
    assert_eq!((op.depth, reply.depth, last.depth), (0, 1, 2));
    assert_eq!(reply.quotes.len(), 1, "{:?}", reply.quotes);
    assert!(reply.quotes[0].text.contains("Can someone with an ARM box confirm?"));
    assert!(reply.text.contains("Linking with -latomic"));
    // The day is printed only when it changes: the last message is on the reply's day.
    assert_eq!(last.published.as_deref(), Some("2023-03-09T15:05:00"));
}

#[test]
fn bugzilla_bug() {
    let s = read("bugzilla.html", "https://bugs.example.org/show_bug.cgi?id=1874");
    assert_eq!(s.platform, "bugzilla");
    assert_eq!(s.title, "Print preview freezes when the printer queue is empty");
    assert_eq!(authors(&s), ["Marta Spooler", "devnull-queue@example.org"]);
    let (desc, c1) = (&s.posts[0], &s.posts[1]);
    assert_eq!(desc.published.as_deref(), Some("2018-11-02T14:05:33-07:00"));
    assert_eq!(desc.published_text.as_deref(), Some("2018-11-02 14:05:33 PDT"));
    assert_eq!(desc.permalink.as_deref(), Some("https://bugs.example.org/show_bug.cgi?id=1874#c0"));
    assert_eq!(desc.anchor.as_deref(), Some("c0"));
    assert!(desc.text.contains("Open any document and choose Print Preview"), "{:?}", desc.text);
    assert_eq!(c1.published.as_deref(), Some("2018-11-05T09:12:00Z"));
    assert_eq!(c1.anchor.as_deref(), Some("c1"));
    assert_eq!(c1.quotes.len(), 1, "{:?}", c1.quotes);
    assert!(c1.quotes[0].text.contains("the preview window stays grey"));
    assert!(c1.text.contains("Patch attached"));
}

#[test]
fn github_issue() {
    let s = read("github-issue.html", "https://github.com/example-org/tinyconf/issues/512");
    assert_eq!(s.platform, "github");
    assert_eq!(s.title, "Crash when the config file is empty");
    assert_eq!(authors(&s), ["wren-k", "mossbyte"], "the label event is not a post");
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref(), Some("2021-06-01T08:30:12Z"));
    assert_eq!(op.published_text.as_deref(), Some("Jun 1, 2021"));
    assert_eq!(info(op, "profile"), Some("https://github.com/wren-k"));
    assert_eq!(op.permalink.as_deref(), Some("https://github.com/example-org/tinyconf/issues/512#issue-998877001"));
    assert_eq!(op.anchor.as_deref(), Some("issue-998877001"));
    assert!(op.text.contains("panics instead of using the defaults"), "{:?}", op.text);
    assert!(op.markdown.contains("`tiny.conf`"), "{:?}", op.markdown);
    assert_eq!(reply.anchor.as_deref(), Some("issuecomment-860001234"));
    assert_eq!(info(reply, "rank"), Some("Member"));
    assert_eq!(reply.quotes.len(), 1);
    assert!(reply.text.contains("an empty file now yields the defaults") && !reply.text.contains("reacted"));
    assert_eq!(
        reply.links.iter().map(|l| l.url.as_str()).collect::<Vec<_>>(),
        ["https://github.com/example-org/tinyconf/pull/513"]
    );
}

#[test]
fn redmine_issue() {
    let s = read("redmine.html", "https://tracker.example.com/issues/3307");
    assert_eq!(s.platform, "redmine");
    assert_eq!(s.title, "Export to CSV drops the last column");
    assert_eq!(authors(&s), ["Oona Tally", "Kasper Row"], "a journal with field changes only is not a post");
    let (desc, note) = (&s.posts[0], &s.posts[1]);
    assert_eq!(desc.published.as_deref(), Some("2024-03-21T16:10:00"));
    assert_eq!(desc.published_text.as_deref(), Some("03/21/2024 04:10 PM"));
    assert_eq!(info(desc, "profile"), Some("https://tracker.example.com/users/41"));
    assert!(desc.text.contains("The \"Memo\" column is missing.") && !desc.text.contains("Quote"), "{:?}", desc.text);
    assert_eq!(note.published.as_deref(), Some("2024-03-22T09:30:00"));
    assert_eq!(note.anchor.as_deref(), Some("note-2"));
    assert_eq!(note.permalink.as_deref(), Some("https://tracker.example.com/issues/3307#note-2"));
    assert_eq!(note.quotes.len(), 1);
    assert!(note.text.contains("Fixed in r2211") && !note.text.contains("changed from"), "{:?}", note.text);
}

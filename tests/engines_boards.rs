//! Board engine readers (MyBB, Vanilla, bbPress, Discuz!, FluxBB, NodeBB, Flarum, UBB.threads, YaBB, JForum,
//! Kunena's Crypsis) on fixtures written in each engine's default markup (authored text, not copied pages).

mod common;
use common::*;

#[test]
fn mybb_default_theme() {
    let s = read("mybb.html", "https://growers.example.org/showthread.php?tid=412");
    assert_eq!(s.platform, "mybb");
    assert_eq!(s.title, "Greenhouse vents stuck open");
    assert_eq!(s.section, ["Growers Board", "Structures", "Greenhouses"]);
    assert_eq!(authors(&s), ["tomato_tess", "Old Potter"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref(), Some("2022-08-14T09:12:00"));
    assert_eq!(op.published_text.as_deref(), Some("2022-08-14, 09:12 AM"));
    assert_eq!(info(op, "posts"), Some("37"));
    assert_eq!(info(op, "threads"), Some("5"));
    assert_eq!(info(op, "joined"), Some("Apr 2020"));
    assert_eq!(info(op, "reputation"), Some("3"));
    assert_eq!(info(op, "rank"), Some("Seedling"));
    assert_eq!(info(op, "profile"), Some("https://growers.example.org/member.php?action=profile&uid=14"));
    assert_eq!(op.permalink.as_deref(), Some("https://growers.example.org/showthread.php?tid=412&pid=9001#pid9001"));
    assert_eq!(op.anchor.as_deref(), Some("post_9001"));
    assert!(op.text.contains("wax cylinder kind"), "{:?}", op.text);
    no_signature(&s, "Grow your own");
    no_signature(&s, "last frost");
    // "Yesterday" is shown; its title holds the date.
    assert_eq!(reply.published.as_deref(), Some("2022-08-15T18:40:00"));
    // The edit note after the date is the edit's time, not the post's: the card shows the post's alone.
    assert_eq!(reply.published_text.as_deref(), Some("08-15-2022, 06:40 PM"));
    assert_eq!(info(reply, "posts"), Some("2,418"));
    assert_eq!(info(reply, "rank"), Some("Super Moderator"));
    assert_eq!(reply.quotes.len(), 1);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("tomato_tess"));
    assert_eq!(reply.quotes[0].text, "They are the wax cylinder kind, about three years old.");
    assert!(reply.text.contains("Replace the cylinder"));
    assert_eq!(reply.links.last().map(|l| l.url.as_str()), Some("https://example.com/vent-openers"));
}

#[test]
fn vanilla_discussion() {
    let s = read("vanilla.html", "https://paddle.example.com/discussion/7310/sourcing-cedar-for-a-canoe-strip-build");
    assert_eq!(s.platform, "vanilla");
    assert_eq!(s.title, "Sourcing cedar for a canoe strip build");
    assert_eq!(s.section, ["Home", "Boat Building"]);
    assert_eq!(authors(&s), ["birchbark", "Gunwale Greta"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref(), Some("2021-06-03T19:02:11+00:00"));
    assert_eq!(op.published_text.as_deref(), Some("June 2021"));
    assert_eq!(info(op, "rank"), Some("Apprentice"));
    assert_eq!(info(op, "profile"), Some("https://paddle.example.com/profile/birchbark"));
    assert_eq!(
        op.permalink.as_deref(),
        Some("https://paddle.example.com/discussion/7310/sourcing-cedar-for-a-canoe-strip-build")
    );
    assert_eq!(op.anchor.as_deref(), Some("Discussion_7310"));
    assert!(op.text.contains("sixty strips") && !op.text.contains("Boat Building"), "{:?}", op.text);
    assert_eq!(reply.anchor.as_deref(), Some("Comment_55102"));
    assert_eq!(reply.permalink.as_deref(), Some("https://paddle.example.com/discussion/comment/55102/#Comment_55102"));
    assert_eq!(info(reply, "rank"), Some("Admin"));
    assert_eq!(reply.quotes.len(), 1);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("birchbark"));
    assert_eq!(reply.quotes[0].text, "Is scarfing shorter strips acceptable for the hull?");
    assert!(reply.text.contains("Stagger the joints"));
}

#[test]
fn bbpress_topic() {
    let s = read("bbpress.html", "https://bees.example.net/forums/topic/hive-swarmed-twice-in-one-week/");
    assert_eq!(s.platform, "bbpress");
    assert_eq!(s.title, "Hive swarmed twice in one week");
    assert_eq!(s.section, ["Home", "Forums", "Colony Health"]);
    assert_eq!(authors(&s), ["queenbee", "drone dan"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref(), Some("2020-05-12T07:45:00"));
    assert_eq!(op.published_text.as_deref(), Some("May 12, 2020 at 7:45 am"));
    assert_eq!(info(op, "rank"), Some("Participant"));
    assert_eq!(info(op, "profile"), Some("https://bees.example.net/forums/users/queenbee/"));
    assert_eq!(
        op.permalink.as_deref(),
        Some("https://bees.example.net/forums/topic/hive-swarmed-twice-in-one-week/#post-318")
    );
    assert_eq!(op.anchor.as_deref(), Some("post-318"));
    assert!(op.text.contains("prime swarm") && !op.text.contains("Participant"), "{:?}", op.text);
    assert_eq!(reply.published.as_deref(), Some("2020-05-12T18:10:00"));
    assert_eq!(info(reply, "rank"), Some("Keymaster"));
    assert_eq!(reply.anchor.as_deref(), Some("post-325"));
    assert_eq!(reply.quotes.len(), 1);
    assert_eq!(reply.quotes[0].text, "Should I combine what is left with a weaker hive?");
    assert!(reply.text.contains("laying queen"));
}

#[test]
fn discuz_x3() {
    let s = read("discuz.html", "https://lvshouzhi.example.cn/thread-5120-1-1.html");
    assert_eq!(s.platform, "discuz");
    assert_eq!(s.title, "阳台种番茄总是裂果怎么办");
    assert_eq!(s.section, ["绿手指论坛", "论坛", "种植", "园艺交流"]);
    assert_eq!(authors(&s), ["小番茄", "老园丁"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref(), Some("2023-05-06T12:34:00"));
    assert_eq!(op.published_text.as_deref(), Some("2023-5-6 12:34"));
    assert_eq!(info(op, "posts"), Some("48"));
    assert_eq!(info(op, "threads"), Some("6"));
    assert_eq!(info(op, "points"), Some("150"));
    assert_eq!(info(op, "rank"), Some("注册会员"));
    assert_eq!(info(op, "profile"), Some("https://lvshouzhi.example.cn/home.php?mod=space&uid=2231"));
    assert_eq!(
        op.permalink.as_deref(),
        Some("https://lvshouzhi.example.cn/forum.php?mod=redirect&goto=findpost&ptid=5120&pid=70011")
    );
    assert_eq!(op.anchor.as_deref(), Some("post_70011"));
    assert!(op.text.starts_with("今年在阳台种了三盆樱桃番茄"), "{:?}", op.text);
    no_signature(&s, "种菜使我快乐");
    // A recent post shows "3 天前"; the span's title holds the time.
    assert_eq!(reply.published.as_deref(), Some("2023-05-07T08:05:31"));
    assert_eq!(info(reply, "rank"), Some("版主"));
    assert_eq!(reply.quotes.len(), 1);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("小番茄"));
    assert_eq!(reply.quotes[0].text, "每天早上浇一次水，是不是浇多了？");
    assert!(reply.text.contains("保持土壤均匀湿润"));
}

#[test]
fn fluxbb_topic() {
    let s = read("fluxbb.html", "https://tinkerers.example.org/viewtopic.php?id=2671");
    assert_eq!(s.platform, "fluxbb");
    assert_eq!(s.title, "Sticky keys on a mechanical keyboard");
    assert_eq!(s.section, ["Index", "Hardware"]);
    assert_eq!(authors(&s), ["solder_sam", "keycap_kai"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref(), Some("2019-11-02T21:17:05"));
    assert_eq!(op.published_text.as_deref(), Some("2019-11-02 21:17:05"));
    assert_eq!(info(op, "posts"), Some("204"));
    assert_eq!(info(op, "registered"), None, "'Registered' shares the 'joined' key");
    assert_eq!(info(op, "joined"), Some("2016-04-21"));
    assert_eq!(info(op, "location"), Some("Gdansk"));
    assert_eq!(info(op, "rank"), Some("Member"));
    assert_eq!(info(op, "profile"), Some("https://tinkerers.example.org/profile.php?id=318"));
    assert_eq!(op.permalink.as_deref(), Some("https://tinkerers.example.org/viewtopic.php?pid=40112#p40112"));
    assert_eq!(op.anchor.as_deref(), Some("p40112"));
    assert!(op.text.contains("coffee accident"), "{:?}", op.text);
    no_signature(&s, "Measure twice");
    assert_eq!(reply.title.as_deref(), Some("Re: Sticky keys on a mechanical keyboard"));
    assert_eq!(info(reply, "posts"), Some("11,830"));
    assert_eq!(reply.quotes.len(), 1);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("solder_sam"));
    assert_eq!(reply.quotes[0].text, "I already pulled the keycaps and cleaned under them.");
    assert!(reply.text.contains("isopropyl alcohol"));
}

#[test]
fn nodebb_harmony() {
    let s = read("nodebb.html", "https://crumb.example.com/topic/1207/sourdough-discard-recipes");
    assert_eq!(s.platform, "nodebb");
    assert_eq!(s.title, "Sourdough discard recipes that are not pancakes");
    assert_eq!(s.section, ["Home", "Baking"]);
    assert_eq!(authors(&s), ["levain_liz", "Crust Master"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref(), Some("2023-11-14T22:13:20Z"));
    assert_eq!(info(op, "profile"), Some("https://crumb.example.com/user/levain_liz"));
    assert_eq!(op.permalink.as_deref(), Some("https://crumb.example.com/post/8801"));
    assert_eq!(op.anchor.as_deref(), Some("1"));
    assert!(op.text.contains("Pancakes got old") && !op.text.contains("Last reply"), "{:?}", op.text);
    // The preview of the answered post carries that post's time; the reply's own comes from its header.
    assert_eq!(reply.published.as_deref(), Some("2023-11-15T09:00:00Z"));
    assert_eq!(info(reply, "rank"), Some("Moderators"));
    assert_eq!(info(reply, "profile"), Some("https://crumb.example.com/user/crust-master"));
    assert_eq!(reply.permalink.as_deref(), Some("https://crumb.example.com/post/8812"));
    assert_eq!(reply.quotes.len(), 1);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("levain_liz"));
    assert_eq!(reply.quotes[0].text, "What else do you bake with it?");
    assert!(reply.text.contains("Crackers.") && !reply.text.contains("I throw away"), "{:?}", reply.text);
}

#[test]
fn flarum_crawler_view() {
    let s = read("flarum.html", "https://sawdust.example.org/d/311-which-wood-glue-for-outdoor-furniture");
    assert_eq!(s.platform, "flarum");
    assert_eq!(s.title, "Which wood glue for outdoor furniture?");
    assert_eq!(authors(&s), ["Joinery Jo", "Planer Pete"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    // The no-JS view shows neither times nor links to posts.
    assert_eq!(op.published, None);
    assert!(op.text.contains("garden bench from oak") && !op.text.contains("JavaScript"), "{:?}", op.text);
    assert_eq!(reply.quotes.len(), 1);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("Joinery Jo"));
    assert_eq!(reply.quotes[0].text, "Is a polyurethane glue enough, or should I use epoxy?");
    assert!(reply.text.contains("type III PVA"));
}

#[test]
fn flarum_post_stream() {
    let s = read("flarum-js.html", "https://sawdust.example.org/d/311-which-wood-glue-for-outdoor-furniture");
    assert_eq!(s.platform, "flarum");
    assert_eq!(s.title, "Which wood glue for outdoor furniture?");
    assert_eq!(s.section, ["Finishing"]);
    assert_eq!(authors(&s), ["Joinery Jo", "Planer Pete"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref(), Some("2022-04-09T16:20:00+00:00"));
    assert_eq!(info(op, "profile"), Some("https://sawdust.example.org/u/joinery_jo"));
    assert_eq!(
        op.permalink.as_deref(),
        Some("https://sawdust.example.org/d/311-which-wood-glue-for-outdoor-furniture/1")
    );
    assert!(op.text.contains("garden bench") && !op.text.contains("Reply"), "{:?}", op.text);
    assert_eq!(reply.published.as_deref(), Some("2022-04-10T07:05:00+00:00"));
    assert_eq!(info(reply, "rank"), Some("Mods"));
    assert_eq!(reply.quotes.len(), 1);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("Joinery Jo"));
    assert!(reply.text.contains("Use epoxy in the open"));
}

/// Each post's time to the minute, as the page wrote it.
fn minutes(s: &threadcard::Summary) -> Vec<&str> {
    s.posts.iter().map(|p| p.published.as_deref().map_or("", |t| &t[..16])).collect()
}

#[test]
fn ubbthreads_7_showflat() {
    let s = read(
        "ubbthreads.html",
        "https://tractortalk.example.com/ubbthreads.php/topics/418802/hydraulic-lift-creeps-down",
    );
    assert_eq!(s.platform, "ubbthreads");
    // The first subject is the topic's; the replies' "Re:" subjects are not the title.
    assert_eq!(s.title, "Hydraulic lift creeps down overnight");
    assert_eq!(s.section, ["Forums", "Hydraulics & Three-Point"]);
    assert_eq!(authors(&s), ["dairyland_dan", "Hydro Hank", "dairyland_dan"]);
    assert_eq!(minutes(&s), ["2019-03-14T19:05", "2019-03-14T21:41", "2019-03-15T06:12"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(info(op, "profile"), Some("https://tractortalk.example.com/ubbthreads.php/users/5120/dairyland-dan"));
    assert_eq!((info(op, "posts"), info(op, "location")), (Some("1,204"), Some("Wisconsin")));
    assert_eq!(op.anchor.as_deref(), Some("Post418802"));
    no_signature(&s, "stubborn Kubota");
    no_signature(&s, "Farmall");
    assert_eq!(reply.quotes.first().and_then(|q| q.author.as_deref()), Some("dairyland_dan"));
    assert!(reply.text.contains("normal leak-down"));
    assert!(s.posts[2].text.starts_with("Watched it"));
}

#[test]
fn yabb_2_topic() {
    let s = read("yabb.html", "https://homestead.example.net/cgi-bin/yabb2/YaBB.pl?num=1237082520");
    assert_eq!(s.platform, "yabb");
    assert_eq!(s.title, "Cistern water went cloudy after the storm");
    assert_eq!(s.section, ["Homestead Water Board", "General", "Wells, Springs & Cisterns"]);
    assert_eq!(authors(&s), ["RidgeRunner", "Millpond Sue", "RidgeRunner"]);
    // "Mar 15th, 2009 at 8:17am" after the bold "Reply #1 - ".
    assert_eq!(minutes(&s), ["2009-03-14T22:02", "2009-03-15T08:17", "2009-03-17T18:40"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(
        info(op, "profile"),
        Some("https://homestead.example.net/cgi-bin/yabb2/YaBB.pl?action=viewprofile;username=ridgerunner")
    );
    assert_eq!(info(reply, "posts"), Some("2,941"));
    assert_eq!(reply.anchor.as_deref(), Some("1"));
    assert_eq!(
        reply.permalink.as_deref(),
        Some("https://homestead.example.net/cgi-bin/yabb2/YaBB.pl?num=1237082520/1#1")
    );
    no_signature(&s, "Off the grid");
    no_signature(&s, "gravity system");
    // The quote's author is named on the line before the quote box.
    assert_eq!(reply.quotes.first().and_then(|q| q.author.as_deref()), Some("RidgeRunner"));
    assert!(reply.text.contains("fine clay"));
}

#[test]
fn jforum_2_topic() {
    let s = read("jforum.html", "https://forum.javacerrado.example.com.br/posts/list/2207.page");
    assert_eq!(s.platform, "jforum");
    assert_eq!(s.title, "Pool de conexões esgota depois de algumas horas");
    assert_eq!(s.section, ["Índice dos Fóruns", "Persistência e JDBC"]);
    assert_eq!(authors(&s), ["renata.alves", "marcos_dba", "renata.alves"]);
    // Day first, as JForum writes dates: the message header's "Postado:", not the author's "Registrado em:".
    assert_eq!(minutes(&s), ["2009-05-21T10:22", "2009-05-21T14:03", "2009-05-22T08:51"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(info(op, "profile"), Some("https://forum.javacerrado.example.com.br/user/profile/311.page"));
    assert_eq!((info(op, "posts"), info(op, "location")), (Some("42"), Some("Campinas")));
    assert_eq!(op.anchor.as_deref(), Some("48210"));
    no_signature(&s, "Java desde");
    assert_eq!(reply.quotes.first().and_then(|q| q.author.as_deref()), Some("renata.alves"));
    assert!(reply.text.contains("removeAbandoned=true"));
    assert!(s.posts[2].text.ends_with("obrigada!"));
}

#[test]
fn kunena_5_crypsis() {
    let s = read("kunena5.html", "https://stammtisch.example.de/forum/elektrik/8841-weichenantrieb");
    assert_eq!(s.platform, "kunena");
    assert_eq!(s.title, "Weichenantrieb brummt nur noch");
    // The name in the profile box, not its "Offline" label or the thank-you line's members.
    assert_eq!(authors(&s), ["Stellwerk", "Lokschuppen", "Stellwerk"]);
    // The date span's title, not its "4 years ago".
    assert_eq!(minutes(&s), ["2020-02-02T19:14", "2020-02-02T21:40", "2020-02-03T08:05"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(info(op, "profile"), Some("https://stammtisch.example.de/forum/user/62-stellwerk"));
    assert_eq!(op.anchor.as_deref(), Some("8841"));
    no_signature(&s, "Epoche III");
    no_signature(&s, "Grüße vom");
    assert!(s.posts.iter().all(|p| !p.text.contains("Gleisbauer")));
    assert_eq!(reply.quotes.first().and_then(|q| q.author.as_deref()), Some("Stellwerk"));
    assert!(reply.text.contains("Stellschwelle klemmt"));
}

#[test]
fn yabb_2_1_template() {
    let s = read("yabb21.html", "https://patchwork.example.org/cgi-bin/yabb2/YaBB.pl?num=1191353400");
    assert_eq!(s.platform, "yabb");
    assert_eq!(s.title, "Binding corners keep puckering");
    assert_eq!(s.section, ["Patchwork Porch", "Techniques", "Finishing & Binding"]);
    // The name in the author cell, not the contact buttons' image link to the same profile.
    assert_eq!(authors(&s), ["QuiltWren", "Featherweight Fan", "QuiltWren"]);
    // The line under the subject: "Reply #1 - Oct 3rd, 2007 at 9:05am".
    assert_eq!(minutes(&s), ["2007-10-02T19:30", "2007-10-03T09:05", "2007-10-05T16:48"]);
    assert_eq!(info(&s.posts[1], "posts"), Some("5,870"));
    assert_eq!(s.posts[1].quotes.first().and_then(|q| q.author.as_deref()), Some("QuiltWren"));
    no_signature(&s, "quilting since");
    assert!(s.posts[2].text.starts_with("Bias strips"));
}

//! Engine readers on fixtures written in each engine's markup (authored text, not copied pages).

mod common;
use common::*;

#[test]
fn xenforo_2() {
    let s = read("xenforo2.html", "https://kettles.example.org/threads/best-way-to-descale.500/");
    assert_eq!(s.platform, "xenforo");
    assert_eq!(s.title, "Best way to descale a kettle?");
    assert_eq!(s.section.last().map(String::as_str), Some("Kitchen appliances"));
    assert_eq!(authors(&s), ["limescale_larry", "kettlequeen"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref(), Some("2023-02-14T08:05:00+00:00"));
    assert_eq!(info(op, "posts"), Some("1,482"));
    assert_eq!(info(op, "joined"), Some("Mar 3, 2017"));
    assert_eq!(info(op, "location"), Some("Leeds"));
    assert_eq!(info(op, "rank"), Some("Well-known member"));
    assert_eq!(info(op, "profile"), Some("https://kettles.example.org/members/limescale_larry.77/"));
    assert_eq!(op.permalink.as_deref(), Some("https://kettles.example.org/threads/best-way-to-descale.500/post-1001"));
    assert_eq!(op.anchor.as_deref(), Some("js-post-1001"));
    assert!(op.text.contains("furred up") && op.links[0].domain == "example.org", "{op:?}");
    no_signature(&s, "Tea first");
    assert_eq!(reply.quotes.len(), 1);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("limescale_larry"));
    assert_eq!(reply.quotes[0].text, "Is citric acid better than vinegar?");
    assert!(reply.text.contains("Citric acid, two spoonfuls") && !reply.text.contains("Click to expand"));
    // The long quote's other toggle, shown once it is expanded, is no text either (in the post or the quote).
    assert!(!reply.text.contains("Click to shrink") && !reply.quotes[0].text.contains("shrink"), "{}", reply.text);
}

#[test]
fn xenforo_1() {
    let s = read("xenforo1.html", "https://haustechnik.example.de/threads/zeitschaltuhr-programmieren.880/");
    assert_eq!(s.platform, "xenforo");
    assert_eq!(s.title, "Zeitschaltuhr programmieren");
    assert_eq!(s.section.last().map(String::as_str), Some("Elektrik"));
    assert_eq!(authors(&s), ["Heizungsheini", "Stromer"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    // `data-time` is a Unix time: 1586520000 = 2020-04-10 12:00 UTC.
    assert_eq!(op.published.as_deref().map(|t| &t[..16]), Some("2020-04-10T12:00"));
    assert_eq!(info(op, "posts"), Some("318"));
    assert_eq!(info(op, "location"), Some("Kassel"));
    assert_eq!(info(op, "rank"), Some("Aktives Mitglied"));
    assert_eq!(
        op.permalink.as_deref(),
        Some("https://haustechnik.example.de/threads/zeitschaltuhr-programmieren.880/#post-3101")
    );
    assert_eq!(reply.published.as_deref().map(|t| &t[..10]), Some("2020-04-10"));
    assert_eq!(reply.quotes.len(), 1);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("Heizungsheini"));
    assert!(reply.quotes[0].text.contains("Hat jemand das Handbuch?"));
    assert!(reply.text.contains("Taste P zweimal") && !reply.text.contains("Vergrößern"));
    no_signature(&s, "Strom ist gelb");
}

#[test]
fn discourse_crawler_view() {
    let s = read("discourse.html", "https://bake.example.org/t/sourdough-starter-smells-like-nail-polish/4242");
    assert_eq!(s.platform, "discourse");
    assert_eq!(s.title, "Sourdough starter smells like nail polish");
    assert_eq!(authors(&s), ["crumbly", "levain_lou"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref(), Some("2024-05-02T07:15:00Z"));
    assert_eq!(op.score, Some(3));
    assert_eq!(info(op, "profile"), Some("https://bake.example.org/u/crumbly"));
    assert_eq!(
        op.permalink.as_deref(),
        Some("https://bake.example.org/t/sourdough-starter-smells-like-nail-polish/4242/1")
    );
    assert!(op.text.contains("ten days old") && !op.text.contains("Likes"), "{:?}", op.text);
    assert_eq!(reply.score, Some(5));
    assert_eq!(
        reply.permalink.as_deref(),
        Some("https://bake.example.org/t/sourdough-starter-smells-like-nail-polish/4242/2")
    );
    assert_eq!(reply.quotes.len(), 1);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("crumbly"));
    assert!(reply.quotes[0].text.contains("smells like acetone"));
    assert!(reply.text.contains("Feed it twice a day"));
    assert!(s.posts.iter().all(|p| !p.text.contains("Categories") && !p.text.contains("enable JavaScript")));
}

#[test]
fn phpbb_prosilver() {
    let s = read("phpbb.html", "https://cycling.example.net/forum/viewtopic.php?t=915");
    assert_eq!(s.platform, "phpbb");
    assert_eq!(s.title, "Chain keeps slipping on the small cog");
    assert_eq!(s.section.last().map(String::as_str), Some("Drivetrain"));
    assert_eq!(authors(&s), ["gearhead_gil", "spokesperson"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref(), Some("2021-09-18T06:41:00+00:00"));
    assert_eq!(info(op, "posts"), Some("734"));
    assert_eq!(info(op, "joined"), Some("Sat Jun 12, 2010 4:20 pm"));
    assert_eq!(info(op, "location"), Some("Utrecht"));
    assert_eq!(info(op, "rank"), Some("Regular rider"));
    assert_eq!(info(op, "profile"), Some("https://cycling.example.net/forum/memberlist.php?mode=viewprofile&u=201"));
    assert_eq!(op.permalink.as_deref(), Some("https://cycling.example.net/forum/viewtopic.php?p=5501#p5501"));
    assert_eq!(op.anchor.as_deref(), Some("p5501"));
    assert_eq!(op.text, "New chain, old cassette. It skips under load on the 11 tooth cog only.");
    no_signature(&s, "Ride more");
    assert_eq!(reply.title.as_deref(), Some("Re: Chain keeps slipping on the small cog"));
    assert_eq!(reply.quotes.len(), 1);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("gearhead_gil"));
    assert!(reply.quotes[0].text.contains("It skips under load"), "{:?}", reply.quotes);
    assert!(reply.text.contains("Replace the cassette"));
    // An attachment keeps its name and the poster's comment; the board's size and download count are no text.
    assert!(reply.text.contains("wear-gauge.pdf") && reply.text.contains("gauge readings"), "{:?}", reply.text);
    assert!(!reply.text.contains("Downloaded") && !reply.text.contains("KiB"), "{:?}", reply.text);
    assert_eq!(reply.links.last().map(|l| l.url.as_str()), Some("https://example.com/cassette-wear"));
}

#[test]
fn vbulletin_4() {
    let s = read("vbulletin4.html", "https://fishkeepers.example.com/forum/showthread.php?881-Aquarium-heater");
    assert_eq!(s.platform, "vbulletin");
    assert_eq!(s.title, "Aquarium heater keeps tripping the fuse");
    assert_eq!(s.section.last().map(String::as_str), Some("Equipment"));
    assert_eq!(authors(&s), ["reefrunner", "Coralie"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref(), Some("2016-03-14T21:12:00"));
    assert_eq!(op.published_text.as_deref(), Some("03-14-2016, 09:12 PM"));
    assert_eq!(info(op, "posts"), Some("1,210"));
    assert_eq!(info(op, "joined"), None, "vBulletin says 'Join Date': kept as shown");
    assert_eq!(info(op, "join date"), Some("Feb 2012"));
    assert_eq!(info(op, "location"), Some("Bristol"));
    assert_eq!(info(op, "rank"), Some("Senior Member"));
    assert_eq!(info(op, "profile"), Some("https://fishkeepers.example.com/forum/member.php?55-reefrunner"));
    assert_eq!(op.title.as_deref(), Some("Heater trips the RCD"));
    assert_eq!(
        op.permalink.as_deref(),
        Some("https://fishkeepers.example.com/forum/showthread.php?881-Aquarium-heater&p=7001#post7001")
    );
    assert_eq!(op.anchor.as_deref(), Some("post_7001"));
    no_signature(&s, "zero patience");
    assert_eq!(reply.quotes.len(), 1);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("reefrunner"));
    assert!(reply.quotes[0].text.contains("The cable looks dry."), "{:?}", reply.quotes);
    assert!(reply.text.contains("Check the drip loop"));
}

#[test]
fn invision_4() {
    let s = read("invision.html", "https://community.example.net/topic/3141-router-drops-wi-fi-every-evening/");
    assert_eq!(s.platform, "invision");
    assert_eq!(s.title, "Router drops Wi-Fi every evening");
    // The JSON-LD breadcrumb writes its names HTML-escaped, as Invision does: shown decoded.
    assert_eq!(s.section.last().map(String::as_str), Some("Networking & Wi-Fi"));
    assert_eq!(authors(&s), ["nightowl", "PacketPam"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref(), Some("2021-04-01T19:00:00Z"));
    assert_eq!(info(op, "profile"), Some("https://community.example.net/profile/412-nightowl/"));
    assert_eq!(
        op.permalink.as_deref(),
        Some("https://community.example.net/topic/3141-router-drops-wi-fi-every-evening/?do=findComment&comment=90001")
    );
    assert_eq!(op.anchor.as_deref(), Some("elComment_90001"));
    assert_eq!(op.text, "Every evening at about seven the Wi-Fi drops for a minute. Cable is fine.");
    no_signature(&s, "toaster");
    assert_eq!(reply.quotes.len(), 1);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("nightowl"));
    assert_eq!(reply.quotes[0].text, "Every evening at about seven the Wi-Fi drops");
    assert!(reply.text.contains("Pin your router to channel 1."));
}

#[test]
fn stack_exchange_question_and_answers() {
    let s =
        read("stackexchange.html", "https://gardening.example.com/questions/5150/how-do-i-keep-basil-alive-indoors");
    assert_eq!(s.platform, "stackexchange");
    assert_eq!(s.title, "How do I keep basil alive indoors?");
    // Comments are not posts; the answer's author is the last card, not the editor's.
    assert_eq!(s.posts.len(), 2);
    let (q, a) = (&s.posts[0], &s.posts[1]);
    assert_eq!(q.score, Some(14));
    assert_eq!(a.score, Some(21));
    assert!(q.text.contains("supermarket basil wilts") && !q.text.contains("Which way does the window face"));
    assert!(a.text.starts_with("Supermarket pots hold a dozen seedlings."));
    let permalink = a.permalink.as_deref().unwrap_or("");
    assert!(
        [
            "https://gardening.example.com/a/5151",
            "https://gardening.example.com/questions/5150/how-do-i-keep-basil-alive-indoors#answer-5151"
        ]
        .contains(&permalink),
        "{permalink}"
    );
    assert_eq!(a.anchor.as_deref(), Some("answer-5151"));
    assert_eq!(a.author.as_deref(), Some("leafy"));
    // The author card is named `post-signature`: the clean stage keeps it (it holds `user-details`, an author
    // card, not a signature), and it gives the name, profile, reputation and time.
    assert_eq!(info(a, "reputation"), Some("12,480"));
    assert_eq!(info(a, "profile"), Some("https://gardening.example.com/users/12/leafy"));
    assert_eq!(a.published.as_deref(), Some("2022-06-01T11:45:10Z"));
    assert_eq!(q.author.as_deref(), Some("windowsill_will"));
}

#[test]
fn smf_2() {
    let s = read("smf.html", "https://crumbs.example.org/index.php?topic=4410.0");
    assert_eq!(s.platform, "smf");
    assert_eq!(s.title, "Bread machine paddle stuck");
    assert_eq!(s.section.last().map(String::as_str), Some("Appliances"));
    assert_eq!(authors(&s), ["doughboy", "Rye Guy"]);
    let (op, reply) = (&s.posts[0], &s.posts[1]);
    assert_eq!(op.published.as_deref(), Some("2023-03-02T19:05:10"));
    assert_eq!(reply.published.as_deref(), Some("2023-03-03T08:30:00"));
    assert_eq!(info(op, "posts"), Some("214"));
    assert_eq!(info(op, "rank"), Some("Baker"));
    assert_eq!(info(reply, "rank"), Some("Global Moderator"));
    assert_eq!(info(op, "profile"), Some("https://crumbs.example.org/index.php?action=profile;u=31"));
    assert_eq!(op.permalink.as_deref(), Some("https://crumbs.example.org/index.php?msg=88001"));
    assert_eq!(reply.permalink.as_deref(), Some("https://crumbs.example.org/index.php?topic=4410.msg88004#msg88004"));
    assert_eq!(reply.title.as_deref(), Some("Re: Bread machine paddle stuck"));
    no_signature(&s, "Flour power");
    assert_eq!(reply.quotes.len(), 1);
    assert_eq!(reply.quotes[0].author.as_deref(), Some("doughboy"));
    assert_eq!(reply.quotes[0].text, "Soaking does not help.");
    assert!(reply.text.contains("turn the shaft from below"));
}

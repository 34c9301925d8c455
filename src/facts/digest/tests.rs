use super::*;
use crate::model::{Link, Post, PostQuote};

fn post(author: &str, text: &str) -> Post {
    Post { author: Some(author.into()), text: text.into(), ..Post::default() }
}

fn digest(title: &str, platform: &str, posts: Vec<Post>) -> (Thread, Digest) {
    let thread = Thread { title: title.into(), platform: platform.into(), posts, ..Thread::default() };
    let texts: Vec<PostText> = thread.posts.iter().enumerate().map(|(i, p)| PostText::new(i, &p.text, None)).collect();
    let d = build(&thread, &texts);
    (thread, d)
}

/// Every line is a span of the post it names.
fn verbatim(thread: &Thread, d: &Digest) {
    for s in &d.opening {
        assert!(thread.posts[s.post].text.contains(&s.text), "{s:?}");
    }
    for k in d.answers.iter().chain(&d.replies) {
        assert!(!k.sentences.is_empty(), "{k:?}");
        for s in &k.sentences {
            assert!(thread.posts[k.post].text.contains(s.as_str()), "{k:?}");
        }
    }
}

fn kettle_thread() -> Vec<Post> {
    vec![
        post("ann", "Hello guys!\nMy Bosch kettle stopped heating after the descaling cycle last week. The light comes on but the water stays cold. Does the thermal fuse blow when descaling goes wrong?\nThanks in advance"),
        post("bob", "The thermal fuse sits under the base plate and blows when the kettle runs dry during descaling. You can replace it for a few euros if you can solder."),
        post("cy", "I had the same kettle and simply bought a new one, repairs are not worth it."),
        post("ann", "Thanks bob, that did it! I replaced the thermal fuse under the base plate and the kettle heats again."),
        post("dee", "Good to hear the kettle works again, soldering a fuse is easy."),
    ]
}

#[test]
fn opening_skips_greetings_and_filler() {
    let (thread, d) = digest("Kettle stopped heating after descaling", "phpbb", kettle_thread());
    verbatim(&thread, &d);
    let opening: Vec<&str> = d.opening.iter().map(|s| s.text.as_str()).collect();
    assert!(!opening.is_empty() && opening.len() <= 2, "{opening:?}");
    assert!(opening.iter().all(|s| !s.starts_with("Hello") && !s.starts_with("Thanks")), "{opening:?}");
    assert!(opening.iter().any(|s| s.contains("thermal fuse") || s.contains("stopped heating")), "{opening:?}");
}

#[test]
fn a_line_announcing_a_list_is_no_digest_line() {
    // "My setup after the upgrade:" announces the list below it; alone it says nothing.
    let mut posts = kettle_thread();
    posts[0].text = format!("My kettle and descaler setup after the upgrade: \u{200b}\n{}", posts[0].text);
    let (thread, d) = digest("Kettle stopped heating after descaling", "phpbb", posts);
    verbatim(&thread, &d);
    assert!(d.opening.iter().all(|s| !s.text.ends_with(':') && !s.text.contains("upgrade")), "{:?}", d.opening);
    assert!(announces("Players 24 or under:") && announces("Here is my setup： "));
    assert!(!announces("I'd rather say: An English Course in Car Rental :roll:"), "an emoji code");
}

#[test]
fn opening_never_restates_the_title() {
    // A header line ("Subject: <title>") or a line that only repeats the title says nothing the card's
    // title does not; the first post's own sentences open instead.
    let mut posts = kettle_thread();
    posts[0].text = format!("Subject: Kettle stopped heating after descaling\n{}", posts[0].text);
    let (thread, d) = digest("Kettle stopped heating after descaling", "phpbb", posts);
    verbatim(&thread, &d);
    let opening: Vec<&str> = d.opening.iter().map(|s| s.text.as_str()).collect();
    assert!(!opening.is_empty(), "{opening:?}");
    assert!(opening.iter().all(|s| !s.starts_with("Subject")), "{opening:?}");
    // A first post that is only its title keeps it: something must open.
    let title = "The kettle stopped heating after descaling last week";
    let only_title = vec![post("ann", &format!("{title}.")), post("bob", "Check the fuse under the base plate.")];
    let (_, d) = digest(title, "phpbb", only_title);
    assert_eq!(d.opening.len(), 1, "{:?}", d.opening);
}

#[test]
fn asker_follow_up_is_the_outcome_and_the_thanked_reply_the_answer() {
    let (thread, d) = digest("Kettle stopped heating after descaling", "phpbb", kettle_thread());
    verbatim(&thread, &d);
    let outcome = d.answers.iter().find(|k| k.label == "outcome").expect("outcome");
    assert_eq!(outcome.post, 3);
    // "Thanks bob, that did it!" alone is a thanks line; the sentence shown says what worked.
    assert!(outcome.sentences[0].contains("replaced the thermal fuse"), "{outcome:?}");
    let answer = d.answers.iter().find(|k| k.label == "answer").expect("answer");
    assert_eq!((answer.post, answer.signal.as_str(), answer.author.as_deref()), (1, "asker thanks", Some("bob")));
    // The replies' lines leave out the key posts and show one sentence each.
    assert!(d.replies.iter().all(|r| r.post != 1 && r.post != 3 && r.sentences.len() == 1), "{:?}", d.replies);
}

#[test]
fn accepted_answer_comes_first_and_most_liked_next() {
    let mut posts = kettle_thread();
    posts[2].accepted = true;
    posts[4].score = Some(12);
    posts[1].score = Some(3);
    let (thread, d) = digest("Kettle", "stackexchange", posts);
    verbatim(&thread, &d);
    assert_eq!((d.answers[0].post, d.answers[0].signal.as_str()), (2, "accepted"));
    let liked = d.answers.iter().find(|k| k.label == "most liked").expect("most liked");
    assert_eq!((liked.post, liked.score), (4, Some(12)));
}

#[test]
fn voted_down_reply_is_the_counterpoint() {
    let mut posts = kettle_thread();
    posts[2].score = Some(-4);
    posts[1].score = Some(7);
    let (_, d) = digest("Kettle", "reddit", posts);
    let counter = d.answers.iter().find(|k| k.label == "main counterpoint").expect("counterpoint");
    assert_eq!((counter.post, counter.signal.as_str()), (2, "votes"));
}

#[test]
fn quoted_passages_count_once_and_most_quoted_is_key() {
    let said = "The thermal fuse sits under the base plate and blows when the kettle runs dry during descaling.";
    let mut posts = kettle_thread();
    for i in [2, 4] {
        posts[i].text = format!("{said}\n{}", posts[i].text);
        posts[i].quotes = vec![PostQuote { author: Some("bob".into()), text: said.into() }];
    }
    posts[3].text = "I will try the fuse next weekend and report back here.".into();
    let (thread, d) = digest("Kettle", "phpbb", posts);
    verbatim(&thread, &d);
    let quoted = d.answers.iter().find(|k| k.post == 1).expect("the quoted post");
    assert_eq!(quoted.quoted_by, 2, "{quoted:?}");
    // The quoted sentence shows once, at its author's post.
    let lines: Vec<&String> = d.answers.iter().chain(&d.replies).flat_map(|k| &k.sentences).collect();
    assert!(lines.iter().filter(|s| s.as_str() == said).count() <= 1, "{lines:?}");
    assert!(d.answers.iter().chain(&d.replies).all(|k| k.post == 1 || !k.sentences.iter().any(|s| s == said)));
}

#[test]
fn hacker_news_first_top_level_reply_is_the_top_reply() {
    let mut posts = kettle_thread();
    posts[3].text = "Interesting, I never knew kettles had a thermal fuse inside the base.".into();
    posts[3].author = Some("eve".into());
    let (_, d) = digest("Ask HN: kettles", "hackernews", posts);
    assert!(d.answers.iter().any(|k| k.label == "top reply" && k.post == 1), "{:?}", d.answers);
}

#[test]
fn without_signals_the_reply_on_the_question_is_the_answer() {
    let mut posts = kettle_thread();
    posts[3] = post("eve", "Nice weather today in my town, by the way, we went hiking.");
    let (thread, d) = digest("Kettle", "phpbb", posts);
    verbatim(&thread, &d);
    assert_eq!(
        (d.answers[0].post, d.answers[0].label.as_str(), d.answers[0].signal.as_str()),
        (1, "answer", "content")
    );
}

#[test]
fn solved_titles_in_the_boards_languages_and_not_their_denials() {
    use super::answers::title_says_solved;
    for t in [
        "[SOLVED] Kettle stopped heating",
        "Wasserkocher heizt nicht mehr (gelöst)",
        "Chaleira não aquece - Resolvido",
        "[Résolu] La bouilloire ne chauffe plus",
        "Bollitore non scalda [RISOLTO]",
        "Hervidor no calienta - solucionado",
    ] {
        assert!(title_says_solved(t), "{t}");
    }
    for t in [
        "Unsolved: kettle stopped heating",
        "Not solved yet: kettle",
        "Immer noch nicht gelöst",
        "Problema non risolto",
    ] {
        assert!(!title_says_solved(t), "{t}");
    }
}

#[test]
fn solved_title_picks_the_asker_outcome_and_the_reply_it_quotes() {
    let mut posts = kettle_thread();
    // The asker quotes cy's advice (no name in the text) while saying it worked: cy's reply is the answer.
    posts[2].text = "Buy a replacement base from the maker, the fuse is glued in on the newer models anyway.".into();
    let q = "Buy a replacement base from the maker, the fuse is glued in";
    posts[3].text = format!("{q}\nThat did it! The new base arrived today and the kettle boils again.");
    posts[3].quotes = vec![PostQuote { author: None, text: q.into() }];
    let (thread, d) = digest("[Solved] Kettle stopped heating", "phpbb", posts);
    verbatim(&thread, &d);
    let outcome = d.answers.iter().find(|k| k.label == "outcome").expect("outcome");
    assert_eq!((outcome.post, outcome.signal.as_str()), (3, "solved title"));
    let answer = d.answers.iter().find(|k| k.label == "answer").expect("answer");
    assert_eq!((answer.post, answer.signal.as_str()), (2, "asker quotes"));
    assert_eq!(d.answers[0].post, 2, "the reply that solved it comes first: {:?}", d.answers);
}

#[test]
fn solved_title_takes_the_asker_thanks_as_the_outcome_and_the_thanked_reply_first() {
    let mut posts = kettle_thread();
    // No "that did it": the title says it is solved, the asker only thanks bob.
    posts[3] = post("ann", "Thanks bob, I ordered the thermal fuse for the base plate.");
    posts.push(post("eve", "Kettles with a concealed element descale faster, the fuse rarely blows on those."));
    let (thread, d) = digest("Kettle stopped heating [Solved]", "phpbb", posts);
    verbatim(&thread, &d);
    assert_eq!((d.answers[0].post, d.answers[0].signal.as_str()), (1, "asker thanks"), "{:?}", d.answers);
    let outcome = d.answers.iter().find(|k| k.label == "outcome").expect("outcome");
    assert_eq!((outcome.post, outcome.signal.as_str()), (3, "solved title"));
    // Without the solved title, thanks alone are no outcome (an asker's "I ordered ..." is: see
    // `asker_decision_is_the_outcome`).
    let d = with_asker_line("Thanks bob, so the thermal fuse is under the base plate.");
    assert!(d.answers.iter().all(|k| k.label != "outcome"), "{:?}", d.answers);
}

#[test]
fn solved_title_with_nothing_pointing_to_a_post_guesses_none() {
    let mut posts = kettle_thread();
    posts[3] = post("ann", "I will have a look at the kettle base this weekend.");
    let (_, d) = digest("[Solved] Kettle stopped heating", "phpbb", posts);
    assert!(d.answers.iter().all(|k| k.signal != "solved title" && k.signal != "asker thanks"), "{:?}", d.answers);
}

#[test]
fn empty_and_single_post_threads() {
    let (_, d) = digest("", "generic", Vec::new());
    assert_eq!(d, Digest::default());
    let (_, d) =
        digest("x", "article", vec![post("a", "The council approved the new tram line through the old town today.")]);
    assert!(d.answers.is_empty() && d.replies.is_empty() && d.opening.len() == 1, "{d:?}");
}

#[test]
fn a_subject_line_the_text_repeats_and_a_typed_signature_are_not_lines() {
    let mut posts = kettle_thread();
    posts[1].text = "1. The thermal fuse blows\n\nThe thermal fuse blows when the kettle runs dry during descaling, replace it under the base plate.\nà très vite\nBob (bricoleur du dimanche) - Lille (Nord)".into();
    let (thread, d) = digest("Kettle stopped heating", "phpbb", posts);
    verbatim(&thread, &d);
    let bob: Vec<&String> =
        d.answers.iter().chain(&d.replies).filter(|k| k.post == 1).flat_map(|k| &k.sentences).collect();
    assert!(!bob.is_empty(), "{d:?}");
    assert!(bob.iter().all(|s| !s.starts_with("1. ") && !s.contains("Lille")), "{bob:?}");
}

fn governor_thread() -> Vec<Post> {
    let article = "Ondo Governor Oluwarotimi Akeredolu has refused suggestions from political allies that he should commence impeachment processes against his deputy. Relationship between the governor and the deputy has broken down over trust.";
    let mut first = post("poster", article);
    first.quotes = vec![PostQuote { author: None, text: article.into() }];
    vec![
        first,
        post("a1", "No thing to say about this."),
        post("a2", "The impeachment would fail because the deputy controls most members of the House of Assembly."),
        post("a3", "Nobody get your back. You can make money online despite the scam. Check my signature."),
        post("a4", "Politicians always fight their deputies, the governor is wise to leave the impeachment alone."),
        post("a5", "Wetin concern me with this one."),
        post("a6", "The deputy governor has loyal allies in the assembly, so the governor cannot remove him."),
    ]
}

#[test]
fn a_first_post_quoting_an_article_opens_with_the_article() {
    let (thread, d) = digest("Akeredolu Rejects Plot To Impeach Deputy", "generic", governor_thread());
    verbatim(&thread, &d);
    assert!(d.opening.iter().any(|s| s.text.contains("impeachment processes")), "{:?}", d.opening);
}

#[test]
fn a_first_post_quoting_a_member_opens_with_its_own_words() {
    let said = "Is it fair to say that the bottom has something to do with too much focus on AI tools?";
    let own = "It depends on the mix and main focus of the apps and their tools, as the main focus decides.";
    let mut first = post("jgd", &format!("{said}\n{own}"));
    first.quotes = vec![PostQuote { author: Some("rcr".into()), text: said.into() }];
    let replies = ["The focus of the apps matters more than the tools.", "Main focus is what sells the apps."];
    let posts = std::iter::once(first).chain(replies.iter().map(|r| post("x", r))).collect();
    let (thread, d) = digest("AI discussion", "invision", posts);
    verbatim(&thread, &d);
    assert!(d.opening.iter().all(|s| !s.text.contains("fair to say")), "{:?}", d.opening);
    assert!(d.opening.iter().any(|s| s.text.contains("It depends")), "{:?}", d.opening);
    // A first post that is only a member's quote still opens with it.
    let mut only = post("jgd", said);
    only.quotes = vec![PostQuote { author: Some("rcr".into()), text: said.into() }];
    let (_, d) = digest("AI discussion", "invision", vec![only, post("x", replies[0])]);
    assert!(d.opening.iter().any(|s| s.text.contains("fair to say")), "{:?}", d.opening);
}

#[test]
fn reply_lines_carry_content() {
    let (thread, d) = digest("Akeredolu Rejects Plot To Impeach Deputy", "generic", governor_thread());
    verbatim(&thread, &d);
    let lines: Vec<&str> =
        d.answers.iter().chain(&d.replies).flat_map(|k| k.sentences.iter().map(String::as_str)).collect();
    assert!(!lines.is_empty(), "{d:?}");
    for junk in ["No thing to say", "make money online", "Check my signature", "Wetin concern me"] {
        assert!(lines.iter().all(|l| !l.contains(junk)), "{junk}: {lines:?}");
    }
    assert!(lines.iter().any(|l| l.contains("impeachment") || l.contains("deputy")), "{lines:?}");
}

#[test]
fn a_line_naming_specific_things_carries_content_without_a_topic_word() {
    assert!(replies::specific_words("Running on Windows 11 here.") >= 2);
    assert!(replies::specific_words("I have a problem with NAT.") == 1);
    assert!(replies::specific_words("No thing to say about this.") == 0);
    assert!(replies::specific_words("I think I'm right, I'd say.") == 0);
}

#[test]
fn asker_thanks_telling_what_happened_is_the_outcome_and_not_yet_is_not() {
    let thread = |last: &str| {
        vec![
            post("ann", "My sourdough starter smells like acetone and has grey liquid on top. Should I start over?"),
            post("bob", "It is hungry, not dead. Pour the grey liquid off and feed it at a one to one ratio."),
            post("ann", last),
        ]
    };
    let (t, d) = digest(
        "Starter smells like acetone",
        "reddit",
        thread("Poured it off and fed it. Bubbles after four hours, thanks!"),
    );
    verbatim(&t, &d);
    let outcome = d.answers.iter().find(|k| k.label == "outcome").expect("outcome");
    assert_eq!((outcome.post, outcome.signal.as_str()), (2, "asker follow-up"), "{:?}", d.answers);
    for last in [
        "Thanks bob. The starter still smells like nail polish.",
        "Thanks a lot. I will try that tonight after work.",
        "Thanks bob, how often should I feed it then?",
        "Danke dir. Das klappt leider nicht bei meinem Starter.",
    ] {
        let (_, d) = digest("Starter smells like acetone", "reddit", thread(last));
        assert!(d.answers.iter().all(|k| k.label != "outcome"), "{last}: {:?}", d.answers);
    }
}

#[test]
fn the_opening_carries_the_question_the_first_post_asks() {
    let posts = vec![
        post("ann", "Fed my starter twice a day for a week now. Today it smells like nail polish remover and there is grey liquid on top of the jar.\n\nShould I start over?"),
        post("bob", "It is hungry, not dead. Pour the grey liquid off and feed it."),
    ];
    let (t, d) = digest("My sourdough starter smells like acetone, is it dead?", "reddit", posts);
    verbatim(&t, &d);
    assert!(d.opening.len() <= 2 && d.opening.iter().any(|l| l.text == "Should I start over?"), "{:?}", d.opening);
    // A first post that asks nothing keeps its two best lines.
    let (_, d) = digest(
        "Kettle stopped heating",
        "phpbb",
        vec![
            post(
                "ann",
                "My Bosch kettle stopped heating after descaling. The light comes on but the water stays cold.",
            ),
            post("bob", "The thermal fuse blows when the kettle runs dry."),
        ],
    );
    assert!(d.opening.iter().all(|l| !l.text.ends_with('?')), "{:?}", d.opening);
}

#[test]
fn filler_and_inline_quotes_are_never_reply_lines() {
    let posts = vec![
        post("ann", "My Bosch kettle stopped heating after the descaling cycle last week. Does the thermal fuse blow when descaling goes wrong?"),
        post("bob", "Hope this helps!\nThe thermal fuse sits under the base plate and blows when the kettle runs dry."),
        post("cy", "> Does the thermal fuse blow when descaling goes wrong\nOnly when the kettle runs dry, the fuse is rated for that."),
        post("dee", "Good luck!\nMy kettle needed a new thermostat, the fuse was fine after descaling."),
        post("eve", "Thanks in advance for any help!\nDescaling with citric acid never blew a fuse in my kettle."),
        post("fay", "Cheers, Fay\nThe base plate comes off with four Torx screws, the fuse is clipped in."),
    ];
    let (t, d) = digest("Kettle stopped heating after descaling", "phpbb", posts);
    verbatim(&t, &d);
    for k in d.answers.iter().chain(&d.replies) {
        for s in &k.sentences {
            assert!(!s.starts_with('>') && crate::facts::sentences::is_summary_material(s), "{s}: {d:?}");
        }
    }
}

#[test]
fn asker_decision_is_the_outcome() {
    let mut posts = kettle_thread();
    posts[3] = post("ann", "Our neighbour bought a Philips kettle last year and likes it a lot.");
    posts.push(post("ann", "I dove in headfirst and ordered the Philips kettle with the concealed element."));
    let (thread, d) = digest("Kettle stopped heating", "phpbb", posts);
    verbatim(&thread, &d);
    let outcome = d.answers.iter().find(|k| k.label == "outcome").expect("outcome");
    assert_eq!((outcome.post, outcome.signal.as_str()), (5, "asker follow-up"), "{:?}", d.answers);
    assert!(outcome.sentences[0].contains("ordered the Philips kettle"), "{outcome:?}");
    // Someone else's purchase, or a question, tells nothing of what the asker did.
    let mut posts = kettle_thread();
    posts[3] = post("ann", "Our neighbour bought a Philips kettle last year and likes it a lot.");
    posts.push(post("ann", "Should I have ordered the Philips kettle with the concealed element instead?"));
    posts.push(post("ann", "I decided that I want a kettle without a fuse. Which brands make those?"));
    let (_, d) = digest("Kettle stopped heating", "phpbb", posts);
    assert!(d.answers.iter().all(|k| k.label != "outcome"), "{:?}", d.answers);
}

#[test]
fn someone_else_s_act_in_the_asker_s_post_is_no_decision() {
    for line in [
        "I asked the shop about it and he ended up selling me a descaler for the Philips kettle.",
        "I think my brother bought the Philips kettle with the concealed element last year.",
        "I know someone who went with the Philips kettle with the concealed element.",
        "I read the reviews for hours, and after the shop closed on Sunday they ordered the Philips kettle.",
    ] {
        let d = with_asker_line(line);
        assert!(d.answers.iter().all(|k| k.label != "outcome"), "{line}: {:?}", d.answers);
    }
    // A reply that is not the asker's, on a thread whose first post names no author, decides nothing.
    let mut posts = kettle_thread();
    posts[0].author = None;
    posts[3] = post("ann", "Thanks! I ended up ordering the Philips kettle with the concealed element.");
    let (_, d) = digest("Kettle stopped heating", "phpbb", posts);
    assert!(d.answers.iter().all(|k| k.label != "outcome"), "{:?}", d.answers);
}

/// The kettle thread's digest with the asker's follow-up (post 3) replaced by `line`.
fn with_asker_line(line: &str) -> Digest {
    let mut posts = kettle_thread();
    posts[3] = post("ann", line);
    digest("Kettle stopped heating", "phpbb", posts).1
}

#[test]
fn worked_taken_back_is_no_outcome() {
    let d = with_asker_line("It would be amazing if kettles still solved the problem of limescale on their own.");
    assert!(d.answers.iter().all(|k| k.label != "outcome"), "{:?}", d.answers);
}

#[test]
fn thanks_to_everyone_point_to_no_reply() {
    let d = with_asker_line("Thanks for all who comment on this issue, I will take the kettle back to the shop.");
    assert!(d.answers.iter().all(|k| k.signal != "asker thanks"), "{:?}", d.answers);
}

#[test]
fn words_that_only_open_like_thanks_thank_nobody() {
    for line in [
        "Thankfully the shop took the kettle back and gave me a voucher for a new one.",
        "The commercial descaler from the shop left white flakes in the kettle again.",
    ] {
        let d = with_asker_line(line);
        assert!(d.answers.iter().all(|k| k.signal != "asker thanks"), "{line}: {:?}", d.answers);
    }
    assert!(asker::mentions("thanks, merci!", "merci") && !asker::mentions("a commercial kettle", "merci"));
    assert!(!asker::mentions("thankfully it heats", "thank") && asker::mentions("thankfully, thank you", "thank"));
}

#[test]
fn asker_answering_a_quoted_question_or_point_is_a_key_post_and_a_quoted_question_is_not() {
    let q = "How old is the kettle, and which model is it exactly?";
    let mut posts = kettle_thread();
    posts[2] = post("cy", q);
    posts[3] = post("ann", &format!("{q}\nThe kettle is a Bosch TWK7203 bought in 2019, descaled twice a year."));
    posts[3].quotes = vec![PostQuote { author: Some("cy".into()), text: q.into() }];
    let (thread, d) = digest("Kettle stopped heating", "phpbb", posts);
    verbatim(&thread, &d);
    let reply = d.answers.iter().find(|k| k.signal == "asker answers").expect("asker answers");
    assert_eq!(reply.post, 3, "{:?}", d.answers);
    assert!(d.answers.iter().all(|k| k.post != 2), "the question is not a key post: {:?}", d.answers);
    // A point a reply made, quoted and answered, is the asker taking it up too.
    let said = "Makes sense to descale with vinegar, it is cheaper than citric acid.";
    let mut posts = kettle_thread();
    posts[2] = post("cy", said);
    posts[3] =
        post("ann", &format!("{said}\nVinegar left a smell in the Bosch kettle for weeks, so not sure it helps."));
    posts[3].quotes = vec![PostQuote { author: Some("cy".into()), text: said.into() }];
    let (thread, d) = digest("Kettle stopped heating", "phpbb", posts);
    verbatim(&thread, &d);
    assert!(d.answers.iter().any(|k| k.signal == "asker answers" && k.post == 3), "{:?}", d.answers);
}

#[test]
fn a_thanks_line_gives_way_to_the_post_s_other_sentences() {
    let mut posts = kettle_thread();
    posts[2] = post("cy", "Thank you bob for explaining the thermal fuse so well. The fuse on my Bosch kettle sat under the base plate too, held by two screws.");
    let (thread, d) = digest("Kettle stopped heating", "phpbb", posts);
    verbatim(&thread, &d);
    for k in d.answers.iter().chain(&d.replies).filter(|k| k.post == 2) {
        assert!(k.sentences.iter().all(|s| !s.starts_with("Thank you")), "{k:?}");
    }
    assert!(!thanks_line("Thanks to the new base plate the kettle heats again."));
}

#[test]
fn a_reply_s_short_question_gives_way_to_its_statement() {
    let mut posts = kettle_thread();
    posts[2] = post(
        "cy",
        "Kettle fuse blown again? My Bosch one sat under the base plate, held by two screws and a clip that",
    );
    let (thread, d) = digest("Kettle stopped heating", "phpbb", posts);
    verbatim(&thread, &d);
    let shown: Vec<&KeyPost> = d.answers.iter().chain(&d.replies).filter(|k| k.post == 2).collect();
    assert!(!shown.is_empty(), "{d:?}");
    for k in shown {
        assert!(k.sentences.iter().all(|s| s != "Kettle fuse blown again?"), "{k:?}");
    }
    assert!(short_question("Any ideas?") && !short_question("Should I drain the kettle before I open the base?"));
}

#[test]
fn asker_answering_a_replier_by_name_is_a_key_post() {
    let mut posts = kettle_thread();
    posts[1] = post(
        "Lauren_Gould",
        "Hi ann, I repair kettles for a living and would love to hear how the descaling went wrong.",
    );
    posts[2] = post("cy", "Same question here, which descaler did you use on the Bosch kettle?");
    posts[3] = post("ann", "Hey Lauren! Happy to share. I used a citric acid descaler at full strength and left it overnight in the Bosch kettle. The next morning the base plate was wet underneath.");
    posts.truncate(4);
    let (thread, d) = digest("Kettle stopped heating", "discourse", posts);
    verbatim(&thread, &d);
    let reply = d.answers.iter().find(|k| k.signal == "asker answers").expect("asker answers");
    assert_eq!(reply.post, 3, "{:?}", d.answers);
    // A greeting alone, or a name nobody in the thread has, answers no one.
    let d = with_asker_line("Hey Lauren! I used a citric acid descaler at full strength and left it overnight in the Bosch kettle. The next morning the base plate was wet underneath.");
    assert!(d.answers.iter().all(|k| k.signal != "asker answers"), "{:?}", d.answers);
}

#[test]
fn a_thanks_saying_what_for_points_to_the_answer_before_a_bare_thank_you() {
    let mut posts = kettle_thread();
    posts[1] = post("mod", "Moved from General Chat to the Appliances board.");
    posts.insert(2, post("ann", "thank you"));
    posts.insert(
        3,
        post("bob", "The thermal fuse sits under the base plate and blows when the kettle runs dry during descaling."),
    );
    posts[4] = post("ann", "thanks for explaining the thermal fuse, bob");
    posts.truncate(5);
    let (thread, d) = digest("Kettle stopped heating", "phpbb", posts);
    verbatim(&thread, &d);
    let answer = d.answers.iter().find(|k| k.signal == "asker thanks").expect("asker thanks");
    assert_eq!(answer.post, 3, "{:?}", d.answers);
}

#[test]
fn a_moderator_notice_is_never_a_line_nor_what_a_bare_thanks_is_for() {
    let mut posts = kettle_thread();
    posts[2] = post("mod", "Moved from General Chat to the Appliances board.");
    posts[3] = post("ann", "thank you");
    let (thread, d) = digest("Kettle stopped heating", "phpbb", posts);
    verbatim(&thread, &d);
    assert!(d.answers.iter().chain(&d.replies).all(|k| k.post != 2), "{d:?}");
    let answer = d.answers.iter().find(|k| k.signal == "asker thanks").expect("asker thanks");
    assert_eq!(answer.post, 1, "{:?}", d.answers);
}

#[test]
fn german_and_french_thanks_and_it_worked() {
    for line in [
        "Vielen Dank bob! Hat geklappt, der Wasserkocher heizt wieder.",
        "Merci bob, ça a marché : la bouilloire chauffe de nouveau.",
    ] {
        let d = with_asker_line(line);
        let outcome = d.answers.iter().find(|k| k.label == "outcome").expect("outcome");
        assert_eq!(outcome.post, 3, "{line}: {:?}", d.answers);
        assert!(d.answers.iter().any(|k| k.signal == "asker thanks" && k.post == 1), "{line}: {:?}", d.answers);
    }
}

#[test]
fn pasted_log_lines_are_never_lines() {
    let log = "Kettle log: kettle_ctl=timeout dev=/dev/ttyUSB0 retries=3 state=cold heater_relay=off after descaling.";
    let mut posts = kettle_thread();
    posts[1] = post("cy", &format!("The thermal fuse blows when the kettle runs dry, replace it.\n{log}"));
    posts.truncate(2);
    let (thread, d) = digest("Kettle stopped heating", "phpbb", posts);
    verbatim(&thread, &d);
    let lines: Vec<&String> = d.answers.iter().chain(&d.replies).flat_map(|k| &k.sentences).collect();
    assert!(!lines.is_empty() && lines.iter().all(|l| !l.contains("ttyUSB0")), "{lines:?}");
    assert!((machine_share(&[(0, 5), (8, 10)], &mut 0, 2, 10) - 0.625).abs() < 1e-9);
}

#[test]
fn a_reply_the_next_one_agrees_with_is_a_key_post() {
    // No score, no quote, no thanks: the reply right after one opens by agreeing with it.
    let posts = vec![
        post("ann", "I fitted LED liftgate lights to my 2024 Highlander and spliced them into the harness. Will the dealer refuse warranty work now?"),
        post("bob", "The LED lights look nice, but dealers dislike spliced wiring in the harness."),
        post("cy", "A dealer cannot decline unrelated warranty work because of a lighting splice like this one."),
        post("dee", "This is absolutely true. The service tech checked my Highlander and said nothing about the lights."),
        post("ann", "Good to know, I will keep them then."),
        post("eve", "I added the same lights to my 2020 and they work fine."),
    ];
    let (thread, d) = digest("LED liftgate lights and warranty", "xenforo", posts);
    verbatim(&thread, &d);
    let agreed = d.answers.iter().find(|k| k.signal == "agreed");
    assert_eq!(agreed.map(|k| k.post), Some(2), "{:#?}", d.answers);
    assert_eq!(agreed.map(|k| k.label.as_str()), Some("answer"));
}

#[test]
fn pointers_headings_and_subsumed_questions_are_no_opening_lines() {
    let first = |text: &str, links: Vec<Link>| {
        let mut posts = kettle_thread();
        posts[0].text = text.to_string();
        posts[0].links = links;
        let (thread, d) = digest("Kettle descaling guide: thermal fuse tried", "phpbb", posts);
        verbatim(&thread, &d);
        d.opening.iter().map(|s| s.text.clone()).collect::<Vec<_>>()
    };
    let here = || vec![Link { url: "https://example.org/guide".into(), text: "here".into(), ..Link::default() }];
    // "... here." where "here" is the post's link: it points at the page, and says nothing of it.
    let text = "The kettle descaling guide is here.\nMy kettle stopped heating after descaling with the guide.";
    assert!(first(text, here()).iter().all(|s| !s.contains("is here")), "{:?}", first(text, here()));
    // Without the link "here" is a place, and the line may stand.
    assert!(first(text, Vec::new()).iter().any(|s| s.contains("is here")), "{:?}", first(text, Vec::new()));
    // A short line without closing punctuation heads what follows.
    let text = "Thermal fuse things tried\nMy kettle stopped heating after descaling with the guide.";
    assert!(first(text, Vec::new()).iter().all(|s| !s.contains("things tried")), "{:?}", first(text, Vec::new()));
    // A question naming nothing the other line does not say: the fuller line stands alone.
    let long = "Why does the thermal fuse of the kettle blow when descaling with vinegar or citric acid?";
    let text = format!("Why does the thermal fuse of the kettle blow?\n{long}");
    assert_eq!(first(&text, Vec::new()), [long]);
}

#[test]
fn a_bare_no_stands_with_the_sentence_after_it() {
    let posts = vec![
        post("ann", "I found Office 2024 keys for 20 dollars on a site I never heard of. Are these keys legit?"),
        post("bob", "No. How could they be sold at a quarter of the price of the retail Office keys?"),
        post("ann", "Thanks bob, that settles it: I will buy the Office keys from the retail store."),
    ];
    let (thread, d) = digest("Office 2024 keys for 20 dollars legit?", "xenforo", posts);
    verbatim(&thread, &d);
    let lines: Vec<&String> = d.answers.iter().chain(&d.replies).flat_map(|k| &k.sentences).collect();
    assert!(lines.iter().any(|s| s.starts_with("No. How could")), "{lines:?}");
    assert!(lines.iter().all(|s| !s.starts_with("How could")), "{lines:?}");
}

#[test]
fn a_short_line_of_one_central_word_gives_way_to_one_that_names_the_case() {
    // "So I want to descale." holds the word the whole thread repeats and little else: the mean weight of
    // its words is high, but it says nothing of the case.
    let mut posts = kettle_thread();
    posts[0].text = "So I want to descale.\nMy Bosch kettle stopped heating after the descaling cycle last week and the thermal fuse may have blown.".into();
    for (i, p) in posts.iter_mut().enumerate().skip(1) {
        p.text = format!("{} I descale mine every month, descale often. Post {i}.", p.text);
    }
    let (thread, d) = digest("Should I descale again?", "phpbb", posts);
    verbatim(&thread, &d);
    let opening: Vec<&str> = d.opening.iter().map(|s| s.text.as_str()).collect();
    assert!(opening.iter().any(|s| s.starts_with("My Bosch kettle stopped heating")), "{opening:?}");
}

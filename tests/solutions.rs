//! The page's own answer signals on fixtures written in each engine's markup (authored text): XenForo's
//! solution (`message--solution`, the "Solution" block linking `#post-N`), Invision's best answer
//! (`ipsComment_solved` in 4, `ipsEntry--solved` in 5), Discourse Solved (the first post's
//! `aside.accepted-answer[data-post=N]`, the preloaded topic's `accepted_answer`). Each marks the post
//! `accepted`, and the digest shows it first as the answer.

use threadcard::{summarize, Options, Summary};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/solutions/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(html: &str, url: &str) -> Summary {
    summarize(html, Some(url), &Options::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// The indexes of the accepted posts.
fn accepted(s: &Summary) -> Vec<usize> {
    s.posts.iter().enumerate().filter(|(_, p)| p.accepted).map(|(i, _)| i).collect()
}

/// The digest's first key post is the accepted one, as the answer, with its own words.
fn answer_first(s: &Summary, post: usize) {
    let first = s.facts.digest.answers.first().expect("a key post");
    assert_eq!((first.post, first.label.as_str(), first.signal.as_str()), (post, "answer", "accepted"));
    assert!(first.sentences.iter().all(|l| s.posts[post].text.contains(l.as_str())), "{first:?}");
}

const XF_URL: &str = "https://water.example.org/threads/pump-keeps-short-cycling.712/";

#[test]
fn xenforo_solution_by_class_or_by_the_solution_block() {
    let html = fixture("xenforo2-solution.html");
    let s = read(&html, XF_URL);
    assert_eq!(s.platform, "xenforo");
    assert_eq!(s.posts.len(), 5, "the Solution block is not a post");
    assert_eq!(accepted(&s), [2]);
    answer_first(&s, 2);
    // Either marker alone is enough.
    let only_block = html.replace(" message--solution", "");
    assert_eq!(accepted(&read(&only_block, XF_URL)), [2]);
    let only_class = html.replace("js-solutionHighlightBlock", "js-otherBlock");
    assert_eq!(accepted(&read(&only_class, XF_URL)), [2]);
    // Neither: nothing is marked, and the digest does not call a reply accepted.
    let neither = only_block.replace("js-solutionHighlightBlock", "js-otherBlock");
    let s = read(&neither, XF_URL);
    assert!(accepted(&s).is_empty());
    assert!(s.facts.digest.answers.iter().all(|k| k.signal != "accepted"));
}

const IPS_URL: &str = "https://gardeners.example.net/topic/2718-tomato-leaves-curling-upwards/";

#[test]
fn invision_best_answer_in_4_and_5() {
    let html = fixture("invision-solved.html");
    let s = read(&html, IPS_URL);
    assert_eq!(s.platform, "invision");
    assert_eq!(accepted(&s), [2]);
    answer_first(&s, 2);
    let five = html.replace(" ipsComment_solved", " ipsEntry--solved");
    assert_eq!(accepted(&read(&five, IPS_URL)), [2]);
    let none = html.replace(" ipsComment_solved", "");
    assert!(accepted(&read(&none, IPS_URL)).is_empty());
}

const DISCOURSE_URL: &str = "https://ops.example.org/t/backup-job-fails-with-permission-denied/777";

#[test]
fn discourse_solved_block_and_preloaded_data() {
    let html = fixture("discourse-solved.html");
    let s = read(&html, DISCOURSE_URL);
    assert_eq!(s.platform, "discourse");
    assert_eq!(s.posts.len(), 4);
    assert_eq!(s.posts[2].permalink.as_deref(), Some(&*format!("{DISCOURSE_URL}/3")));
    assert_eq!(accepted(&s), [2], "post #3 is the third post");
    answer_first(&s, 2);
    // The solved block gone, the preloaded topic JSON (a JSON string inside the JSON) still names post 3.
    let start = html.find("<aside class=\"quote accepted-answer\"").expect("solved block");
    let end = html[start..].find("</aside>").expect("end") + start + "</aside>".len();
    let topic = r#"{\"id\":777,\"accepted_answer\":{\"post_number\":3,\"username\":\"root_rita\"}}"#;
    let preloaded = format!(
        r#"<div class="hidden" id="data-preloaded" data-preloaded="{}"></div>"#,
        format!(r#"{{"topic_777":"{topic}"}}"#).replace('"', "&quot;")
    );
    let no_block = format!("{}{}", &html[..start], &html[end..])
        .replace("<body class=\"ember-application\">", &format!("<body class=\"ember-application\">{preloaded}"));
    assert_eq!(accepted(&read(&no_block, DISCOURSE_URL)), [2]);
    // An unsolved topic: `accepted_answer` null, no block.
    let unsolved =
        no_block.replace(r#"{\&quot;post_number\&quot;:3,\&quot;username\&quot;:\&quot;root_rita\&quot;}"#, "null");
    assert!(unsolved.contains("accepted_answer\\&quot;:null"), "the test edits the JSON");
    assert!(accepted(&read(&unsolved, DISCOURSE_URL)).is_empty());
}

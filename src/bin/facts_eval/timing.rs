//! The fact stage's time beside the parse time on a 100-post thread.

use std::time::Instant;
use threadcard::{facts, Options};

/// Time of one call of `f`, in milliseconds.
fn time_ms(f: &mut impl FnMut()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1000.0
}

/// Times parse and facts on the sample page with its replies repeated to 100 posts; prints them and
/// returns facts/parse. The steps run in turn within each round and each keeps its fastest round: builds
/// of other worktrees share the machine's cores, and a busy spell then slows both alike instead of
/// whichever step happened to be running (a median per step, one step after the other, swung from 0.7
/// to 1.3 on a loaded machine).
pub fn timing() -> Option<f64> {
    let html = hundred_post_page(threadcard::SAMPLE_HTML);
    let url = Some(threadcard::SAMPLE_URL);
    let runs = 21;
    let page = threadcard::parse::parse(&html, url).map(threadcard::clean::clean).ok()?;
    let thread = threadcard::thread::find(&page);
    let options = Options::default();
    let mut parse_step = || {
        let _ = threadcard::parse::parse(&html, url);
    };
    let mut fact_step = || {
        let _ = facts::extract_at(&thread, url, &options);
    };
    let mut whole_step = || {
        let _ = threadcard::summarize(&html, url, &options);
    };
    let (mut parse, mut fact, mut whole) = (f64::INFINITY, f64::INFINITY, f64::INFINITY);
    for _ in 0..runs {
        parse = parse.min(time_ms(&mut parse_step));
        fact = fact.min(time_ms(&mut fact_step));
        whole = whole.min(time_ms(&mut whole_step));
    }
    println!(
        "\ntiming on a {} KB page, {} posts found ({} reader), fastest of {runs} interleaved rounds:",
        html.len() / 1024,
        thread.posts.len(),
        thread.platform
    );
    let ratio = fact / parse;
    println!("  parse {parse:.2} ms   facts {fact:.2} ms   whole pipeline {whole:.2} ms   facts/parse {ratio:.2}");
    Some(ratio)
}

/// The sample page with its reply list repeated until the page holds 100 posts.
fn hundred_post_page(sample: &str) -> String {
    let start = sample.find("<div class=\"reply\"");
    let end = sample.find("<div class=\"ad-slot bottom-banner\"").and_then(|e| sample[..e].rfind("</div>"));
    let (Some(start), Some(end)) = (start, end) else { return sample.to_string() };
    let replies = &sample[start..end];
    let per_copy = replies.matches("<div class=\"reply\"").count().max(1);
    let mut body = String::new();
    for i in 0..99 / per_copy {
        body.push_str(&replies.replace("id=\"post-", &format!("id=\"post-{i}-")));
    }
    format!("{}{}{}", &sample[..start], body, &sample[end..])
}

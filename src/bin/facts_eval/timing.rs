//! The fact stage's time beside the parse time on a 100-post thread.

use std::time::Instant;
use threadcard::{facts, Options};

/// Median time of `f` over `runs` runs, in milliseconds.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Times parse and facts on the sample page with its replies repeated to 100 posts; prints them and
/// returns facts/parse.
pub fn timing() -> Option<f64> {
    let html = hundred_post_page(threadcard::SAMPLE_HTML);
    let url = Some(threadcard::SAMPLE_URL);
    let runs = 15;
    let parse = median_ms(runs, || {
        let _ = threadcard::parse::parse(&html, url);
    });
    let page = threadcard::parse::parse(&html, url).map(threadcard::clean::clean).ok()?;
    let thread = threadcard::thread::find(&page);
    let options = Options::default();
    let fact = median_ms(runs, || {
        let _ = facts::extract_at(&thread, url, &options);
    });
    let whole = median_ms(runs, || {
        let _ = threadcard::summarize(&html, url, &options);
    });
    println!(
        "\ntiming on a {} KB page, {} posts found ({} reader), median of {runs}:",
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

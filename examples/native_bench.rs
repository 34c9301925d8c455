//! Native timing of the whole pipeline (summarize + the card, Markdown and JSON rendering, as the WASM
//! `summarize` does), per stage, for profiling without a browser:
//!   cargo run --release --example native_bench -- FILE... [--runs N]
//! Prints, per file, the median wall time of each stage over N runs (default 11) and ms per 100 KB, so
//! time-vs-size linearity shows across pages of growing size (see benches/bench.mjs for the generator).

use std::time::Instant;
use threadcard::{clean, facts, parse, render, thread, Format, Options};

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}

fn main() {
    let mut files = Vec::new();
    let mut runs = 11;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--runs" {
            runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(runs);
        } else {
            files.push(a);
        }
    }
    let options = Options::default();
    for file in files {
        let Ok(html) = std::fs::read_to_string(&file) else {
            eprintln!("{file}: cannot read");
            continue;
        };
        // parse, clean, thread, facts, render (card + markdown + json), total
        let mut t: [Vec<f64>; 6] = Default::default();
        for _ in 0..runs {
            let t0 = Instant::now();
            let Ok(page) = parse::parse(&html, Some("https://forum.example/t/1")) else {
                eprintln!("{file}: not a page");
                break;
            };
            let t1 = Instant::now();
            let page = clean::clean(page);
            let t2 = Instant::now();
            let th = thread::find(&page);
            let t3 = Instant::now();
            let f = facts::extract_at(&th, page.url.as_deref(), &options);
            let t4 = Instant::now();
            let summary = threadcard::summarize(&html, Some("https://forum.example/t/1"), &options);
            let t5 = Instant::now();
            if let Ok(s) = &summary {
                std::hint::black_box(render::card::fragment(s));
                std::hint::black_box(render(s, Format::Markdown));
                std::hint::black_box(render(s, Format::Json));
            }
            let t6 = Instant::now();
            std::hint::black_box((f, th));
            let d = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1e3;
            for (i, v) in
                [d(t0, t1), d(t1, t2), d(t2, t3), d(t3, t4), d(t5, t6), d(t0, t4) + d(t5, t6)].into_iter().enumerate()
            {
                t[i].push(v);
            }
        }
        if t[0].is_empty() {
            continue;
        }
        let m: Vec<f64> = t.into_iter().map(median).collect();
        let kb = html.len() as f64 / 1024.0;
        println!(
            "{file} ({kb:.0} KB): parse {:.2} clean {:.2} thread {:.2} facts {:.2} render {:.2} = {:.2} ms ({:.2} ms/100 KB)",
            m[0],
            m[1],
            m[2],
            m[3],
            m[4],
            m[5],
            m[5] / kb * 100.0
        );
    }
}

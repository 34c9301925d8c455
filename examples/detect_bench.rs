//! The engine detectors' cost with and without the token probe (src/thread/engines/probe.rs), in one
//! process, interleaved so machine load hits both alike:
//!   cargo run --release --example detect_bench -- FILE... [--runs N]
//! Prints, over all files, the total time of the detectors walking the page for every question and with
//! the probe (its own walk included), their ratio, and the thread stage's total for scale.

use std::time::Instant;
use threadcard::thread::engines::{detected, Probe};
use threadcard::{clean, parse, thread};

fn main() {
    let mut files = Vec::new();
    let mut runs = 5;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--runs" {
            runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(runs);
        } else {
            files.push(a);
        }
    }
    let (mut walking, mut probed, mut stage, mut gather) = (0.0, 0.0, 0.0, 0.0);
    let mut differ = 0;
    for file in &files {
        let Ok(html) = std::fs::read_to_string(file) else { continue };
        let Ok(page) = parse::parse(&html, Some("https://forum.example/t/1")) else { continue };
        let page = clean::clean(page);
        for _ in 0..runs {
            let t0 = Instant::now();
            let a = detected(&Probe::walking(&page));
            let t1 = Instant::now();
            let b = detected(&Probe::new(&page));
            let t2 = Instant::now();
            std::hint::black_box(thread::find(&page));
            let t3 = Instant::now();
            std::hint::black_box(Probe::new(&page));
            gather += t3.elapsed().as_secs_f64() * 1e3;
            differ += usize::from(a != b);
            walking += (t1 - t0).as_secs_f64() * 1e3;
            probed += (t2 - t1).as_secs_f64() * 1e3;
            stage += (t3 - t2).as_secs_f64() * 1e3;
        }
    }
    let n = runs as f64;
    println!(
        "{} pages x {runs} runs: detectors walking {:.1} ms, with the probe {:.1} ms ({:.2}x; its walk {:.1} ms); thread \
         stage {:.1} ms (per run, all pages); answers differ on {differ}",
        files.len(),
        walking / n,
        probed / n,
        probed / walking.max(1e-9),
        gather / n,
        stage / n
    );
}

//! `eval`: ThreadCard measured on the corpora in `../shared/corpus` (or `$THREADCARD_CORPUS`).
//!
//! ```text
//! cargo run --release --bin eval [-- --dataset wcxb|harvest|article|readability] [--show-worst N] [--verbose]
//! ```
//!
//! Prints one table of scores, each on the tuned pages beside the held-out pages (the fixed split is
//! documented in `eval/corpus.rs`); where the scores are lost, per reader and per kind of author error,
//! summed over each part (`eval/breakdown.rs`); the slowest pages and the total time, then checks every score against
//! `tests/eval-floors.json` (keys `tuned.<dataset>.<score>` and `held-out.<dataset>.<score>`) and exits
//! non-zero when one falls below its floor. The page lists (`--show-worst`, `--verbose`) show tuned pages
//! only: held-out pages are seen as figures, never one by one. Without the corpus it says so and exits 0.

// The binary's parts live in `src/bin/eval/` (a crate root finds modules beside itself, hence the paths).
#[path = "eval/breakdown.rs"]
mod breakdown;
#[path = "eval/corpus.rs"]
mod corpus;
#[path = "eval/datasets.rs"]
mod datasets;
#[path = "eval/harvest.rs"]
mod harvest;
#[path = "eval/metrics.rs"]
mod metrics;

use datasets::Report;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "\
Usage: eval [--dataset wcxb|harvest|article|readability]... [--show-worst N] [--verbose] [--no-floors] [--full]

Scores ThreadCard on ../shared/corpus (or $THREADCARD_CORPUS) and checks tests/eval-floors.json.
  --dataset NAME   only this dataset (repeatable)
  --show-worst N   list each dataset's N worst tuned pages with what went wrong
  --verbose        list every tuned page (held-out pages are never listed)
  --no-floors      print scores without checking the floors
  --full           run the whole pipeline, facts included (the scores only need parse, clean and thread)";

type Dataset = fn(&Path) -> Option<(Report, Vec<corpus::Run>)>;

const DATASETS: &[(&str, Dataset)] = &[
    ("wcxb", datasets::wcxb),
    ("harvest", datasets::harvest),
    ("article", datasets::article),
    ("readability", datasets::readability),
];

struct Args {
    only: Vec<String>,
    worst: usize,
    floors: bool,
}

fn args() -> Result<Args, String> {
    let mut a = Args { only: Vec::new(), worst: 0, floors: true };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--dataset" => a.only.push(it.next().ok_or("--dataset needs a name")?),
            "--show-worst" => a.worst = it.next().and_then(|n| n.parse().ok()).ok_or("--show-worst needs a number")?,
            "--verbose" | "-v" => a.worst = usize::MAX,
            "--no-floors" => a.floors = false,
            "--full" => corpus::FULL_PIPELINE.store(true, std::sync::atomic::Ordering::Relaxed),
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    if let Some(bad) = a.only.iter().find(|n| !DATASETS.iter().any(|(d, _)| d == n)) {
        return Err(format!("unknown dataset {bad}\n{USAGE}"));
    }
    Ok(a)
}

fn main() -> ExitCode {
    let args = match args() {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    let root = corpus::locate();
    if !root.is_dir() {
        println!("eval: corpus not found at {}, skipping", root.display());
        return ExitCode::SUCCESS;
    }
    let start = Instant::now();
    let mut reports = Vec::new();
    let mut times: Vec<(f64, String)> = Vec::new();
    for (name, run) in DATASETS {
        if !args.only.is_empty() && !args.only.iter().any(|o| o == name) {
            continue;
        }
        match run(&root) {
            Some((report, runs)) => {
                times.extend(runs.iter().map(|r| (r.ms, timed_page(name, &r.item))));
                reports.push(report);
            }
            None => println!("eval: {name}: no pages found under {}, skipping", root.display()),
        }
    }
    print_table(&reports);
    reports.iter().flat_map(|r| &r.breakdowns).for_each(breakdown::Breakdown::print);
    if args.worst > 0 {
        print_worst(&reports, args.worst);
    }
    print_times(&mut times, start.elapsed().as_secs_f64());
    if !args.floors {
        return ExitCode::SUCCESS;
    }
    match check_floors(&reports) {
        Ok(()) => ExitCode::SUCCESS,
        Err(below) => {
            for line in below {
                eprintln!("eval: below floor: {line}");
            }
            ExitCode::FAILURE
        }
    }
}

fn print_table(reports: &[Report]) {
    println!("{:<22} {:>7} {:>8}  what", "score", "tuned", "held-out");
    for r in reports {
        let (tuned, held) = r.sizes();
        println!("{:<22} {tuned:>7} {held:>8}  pages", r.name);
        for m in &r.metrics {
            println!("  {:<20} {:>7.3} {:>8.3}  {}", m.key, m.tuned, m.held_out, m.label);
        }
        if let Some([tuned, held]) = r.conventions {
            let what = "(figure, not a score) F1 with each page read as the gold writes it: first posts, no quotes";
            println!("  {:<20} {tuned:>7.3} {held:>8.3}  {what}", "(gold's conventions)");
        }
        if let Some([(tn, tf, tc), (hn, hf, hc)]) = r.with_posts {
            let what =
                format!("(figures) over the {tn} + {hn} pages whose HTML holds the posts (no JavaScript shells)");
            println!("  {:<20} {tf:>7.3} {hf:>8.3}  {what}: F1", "(posts in the HTML)");
            println!("  {:<20} {tc:>7.3} {hc:>8.3}  the same pages, F1 under the gold's conventions", "");
        }
    }
}

fn print_worst(reports: &[Report], n: usize) {
    for r in reports {
        let mut pages: Vec<_> = r.pages.iter().filter(|p| !p.held_out).collect();
        pages.sort_by(|a, b| a.score.total_cmp(&b.score));
        println!("\n{}: worst tuned pages", r.name);
        for p in pages.iter().take(n) {
            println!(
                "  {:.3}  {:<48} {:>7.1} ms  {}",
                p.score,
                p.id.chars().take(48).collect::<String>(),
                p.ms,
                p.note
            );
        }
    }
}

/// How the slowest-pages list names a page: a held-out page by its dataset and size only, never its name.
fn timed_page(dataset: &str, item: &corpus::Item) -> String {
    let kb = item.html.len() / 1024;
    if corpus::held_out(&item.id) {
        format!("{dataset}/(a held-out page) ({kb} KB)")
    } else {
        format!("{dataset}/{} ({kb} KB)", item.id)
    }
}

fn print_times(times: &mut [(f64, String)], total: f64) {
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    let pipeline: f64 = times.iter().map(|t| t.0).sum();
    let median = times.get(times.len() / 2).map_or(0.0, |t| t.0);
    let stages = if corpus::FULL_PIPELINE.load(std::sync::atomic::Ordering::Relaxed) {
        "whole pipeline"
    } else {
        "parse + clean + thread"
    };
    println!("\nslowest pages ({stages}, native release):");
    for (ms, page) in times.iter().take(5) {
        println!("  {ms:>8.1} ms  {page}");
    }
    println!("{}", threadcard::decode::tally());
    println!("pages {}, median {median:.1} ms, pipeline {:.1} s, wall {total:.1} s", times.len(), pipeline / 1000.0);
}

/// Every score that has a floor in `tests/eval-floors.json` must reach it.
fn check_floors(reports: &[Report]) -> Result<(), Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("eval-floors.json");
    let floors = match corpus::read_json(&path) {
        Ok(f) => f,
        Err(e) => return Err(vec![format!("cannot read floors: {e}")]),
    };
    let below: Vec<String> = reports
        .iter()
        .flat_map(|r| &r.metrics)
        .flat_map(|m| [(format!("tuned.{}", m.key), m.tuned), (format!("held-out.{}", m.key), m.held_out)])
        .filter_map(|(key, value)| {
            let floor = floors.get(&key)?.as_f64()?;
            (value < floor).then(|| format!("{key} = {value:.3} < {floor:.3}"))
        })
        .collect();
    if below.is_empty() {
        Ok(())
    } else {
        Err(below)
    }
}

//! Writes every corpus page's JSON and Markdown export and the card's markup, through both the HTML path (`summarize`) and the
//! DOM path (the page flattened as the extension's script writes it, then `summarize_dom`), into one
//! directory, so that a change meant to keep the output identical can be checked on every page:
//!   cargo run --release --example corpus_dump -- OUT_DIR [CORPUS_DIR]
//!   (change the code, dump into OUT_DIR2, then `diff -r OUT_DIR OUT_DIR2`)
//! CORPUS_DIR defaults to ../shared/corpus; the wcxb forum pages, the article-extraction benchmark's pages
//! and Readability's test pages are read (gzipped or not).

use std::io::Read;
use std::path::{Path, PathBuf};
use threadcard::{parse, render, summarize, summarize_dom, Format, Options};

/// Where the pages are read from (links resolve against it).
const URL: &str = "https://forum.example/t/1";

/// The corpus folders holding pages, relative to the corpus directory.
const PAGE_DIRS: [&str; 3] = ["wcxb-forum/dev/html", "article-extraction-benchmark/html", "readability-test-pages"];

/// Every page file under `dir`: `*.html.gz` and `*.html` files, and `source.html` one level down.
fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            let s = p.join("source.html");
            if s.exists() {
                out.push(s);
            }
        } else if p.to_string_lossy().ends_with(".html.gz") || p.extension().is_some_and(|x| x == "html") {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// The page's text, gunzipped when its name ends in `.gz`.
fn read(p: &Path) -> Option<String> {
    let bytes = std::fs::read(p).ok()?;
    if p.extension().is_some_and(|x| x == "gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut s).ok()?;
        return Some(s);
    }
    String::from_utf8(bytes).ok()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next().map(PathBuf::from) else {
        eprintln!("usage: corpus_dump OUT_DIR [CORPUS_DIR]");
        std::process::exit(2);
    };
    let corpus = PathBuf::from(args.next().unwrap_or_else(|| "../shared/corpus".into()));
    let _ = std::fs::create_dir_all(&out);
    let options = Options::default();
    let mut n = 0;
    for d in PAGE_DIRS {
        for p in pages(&corpus.join(d)) {
            let Some(html) = read(&p) else { continue };
            let name = p.strip_prefix(&corpus).unwrap_or(&p).to_string_lossy().replace('/', "_");
            let flat = parse::parse(&html, Some(URL)).map(|page| parse::flatten::flatten(&page.doc));
            let runs = [
                ("html", summarize(&html, Some(URL), &options)),
                ("dom", flat.and_then(|f| summarize_dom(&f, Some(URL), &options))),
            ];
            for (path, result) in runs {
                let text = match result {
                    Ok(s) => format!(
                        "{}\n{}\n{}",
                        render(&s, Format::Json),
                        render(&s, Format::Markdown),
                        render::card::fragment(&s)
                    ),
                    Err(e) => format!("error: {e}"),
                };
                let _ = std::fs::write(out.join(format!("{name}.{path}.txt")), text);
            }
            n += 1;
        }
    }
    println!("{n} pages written to {}", out.display());
}

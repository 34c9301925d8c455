//! `threadcard`: summary cards for saved forum pages, in the terminal.

use std::io::{Read, Write};
use std::process::ExitCode;
use threadcard::{render, summarize, Format, Options};

const USAGE: &str = "\
Usage: threadcard [FILE|-]... [--url URL] [--format card|md|json|html|text]

Reads each saved page (- for standard input) and prints its summary card.
With no FILE, reads the bundled sample thread.
With several files and --format json, prints one JSON object per line (JSON Lines).

Options:
  --url URL        where the page was read from (links and permalinks resolve against it)
  --format FORMAT  card (default), md, json, html or text
  -h, --help       this text
  -V, --version    the version";

struct Args {
    files: Vec<String>,
    url: Option<String>,
    format: Format,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args { files: Vec::new(), url: None, format: Format::Card };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("threadcard {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--url" => args.url = Some(it.next().ok_or("--url needs a URL")?),
            "--format" | "-f" => {
                let name = it.next().ok_or("--format needs one of card, md, json, html, text")?;
                args.format = Format::parse(&name)
                    .ok_or_else(|| format!("unknown format '{name}': use card, md, json, html or text"))?;
            }
            s if s.starts_with("--url=") => args.url = Some(s["--url=".len()..].to_string()),
            s if s.starts_with("--format=") => {
                let name = &s["--format=".len()..];
                args.format = Format::parse(name)
                    .ok_or_else(|| format!("unknown format '{name}': use card, md, json, html or text"))?;
            }
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option '{s}'\n\n{USAGE}")),
            _ => args.files.push(arg),
        }
    }
    Ok(Some(args))
}

/// Reads one input and decodes it as a browser would (byte order mark, `<meta charset>`, then the
/// encoding detector), with an error that names what is wrong.
fn read_input(name: &str, url: Option<&str>) -> Result<String, String> {
    let mut bytes = Vec::new();
    let read = if name == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(name).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    read.map_err(|e| e.to_string())?;
    threadcard::decode::decode_at(&bytes, url).map(|d| d.text).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("threadcard: {e}");
            return ExitCode::from(2);
        }
    };
    let options = Options::default();
    let several = args.files.len() > 1;
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let inputs: Vec<Option<String>> =
        if args.files.is_empty() { vec![None] } else { args.files.iter().cloned().map(Some).collect() };
    for input in inputs {
        let (name, html, url) = match &input {
            None => (
                "sample".to_string(),
                Ok(threadcard::SAMPLE_HTML.to_string()),
                Some(threadcard::SAMPLE_URL.to_string()),
            ),
            Some(f) => (
                if f == "-" { "<stdin>".to_string() } else { f.clone() },
                read_input(f, args.url.as_deref()),
                args.url.clone(),
            ),
        };
        let result = html.and_then(|h| summarize(&h, url.as_deref(), &options).map_err(|e| e.to_string()));
        match result {
            Ok(summary) => {
                let text = if several && args.format == Format::Json {
                    threadcard::render::json_line(&summary) + "\n"
                } else {
                    render(&summary, args.format)
                };
                let text = if text.ends_with('\n') { text } else { text + "\n" };
                if out.write_all(text.as_bytes()).is_err() {
                    return ExitCode::from(1); // stdout closed (e.g. piped into head)
                }
            }
            Err(e) => {
                eprintln!("threadcard: {name}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

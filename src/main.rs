//! `threadcard`: summary cards for saved forum pages, in the terminal.

use std::io::{Read, Write};
use std::process::ExitCode;
use threadcard::{render_with, summarize_bytes, Format, Options};

const USAGE: &str = "\
Usage: threadcard [FILE|-]... [--url URL] [--format card|md|json|jsonld|html|text] [--lang LANG] [--explain]

Reads each saved page (- for standard input) and prints its summary card.
With no FILE, reads the bundled sample thread.
With several files and --format json, prints one JSON object per line (JSON Lines).

Options:
  --url URL        where the page was read from (links and permalinks resolve against it)
  --format FORMAT  card (default); or an export: md (Markdown with YAML front matter), json (the JSON
                   contract), jsonld (schema.org DiscussionForumPosting), html (a self-contained reader
                   page) or text (plain text)
  --lang LANG      the language of the card's and the exports' own words: en (default), de, fr, es, it,
                   pt-BR (a tag such as de-AT picks its language; an unknown one gives English). The page's
                   text stays as the page wrote it
  --explain        instead of the card, what each stage did: the encoding, what the clean stage removed,
                   which engine detectors matched and which reader was chosen, and why
  -h, --help       this text
  -V, --version    the version";

struct Args {
    files: Vec<String>,
    url: Option<String>,
    format: Format,
    lang: String,
    explain: bool,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args { files: Vec::new(), url: None, format: Format::Card, lang: "en".into(), explain: false };
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
            "--explain" => args.explain = true,
            "--url" => args.url = Some(it.next().ok_or("--url needs a URL")?),
            "--lang" => args.lang = it.next().ok_or("--lang needs a language tag such as de or pt-BR")?,
            s if s.starts_with("--lang=") => args.lang = s["--lang=".len()..].to_string(),
            "--format" | "-f" => {
                let name = it.next().ok_or("--format needs one of card, md, json, jsonld, html, text")?;
                args.format = Format::parse(&name)
                    .ok_or_else(|| format!("unknown format '{name}': use card, md, json, jsonld, html or text"))?;
            }
            s if s.starts_with("--url=") => args.url = Some(s["--url=".len()..].to_string()),
            s if s.starts_with("--format=") => {
                let name = &s["--format=".len()..];
                args.format = Format::parse(name)
                    .ok_or_else(|| format!("unknown format '{name}': use card, md, json, jsonld, html or text"))?;
            }
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option '{s}'\n\n{USAGE}")),
            _ => args.files.push(arg),
        }
    }
    Ok(Some(args))
}

/// Reads one input's bytes, with an error that names what is wrong.
fn read_input(name: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let read = if name == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(name).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    read.map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// What to print for one page: its explanation (`--explain`), else its card in the chosen format. The bytes
/// are decoded as a browser would (byte order mark, `<meta charset>`, then the encoding detector).
fn output(bytes: &[u8], url: Option<&str>, args: &Args, several: bool) -> Result<String, String> {
    if args.explain {
        return threadcard::explain::explain(bytes, url).map_err(|e| e.to_string()).map(|e| {
            if several {
                format!("{e}\n")
            } else {
                e
            }
        });
    }
    let options = Options { exported_at: Some(now()), locale: args.lang.clone(), ..Options::default() };
    let summary = summarize_bytes(bytes, url, &options).map_err(|e| e.to_string())?;
    Ok(if several && args.format == Format::Json {
        threadcard::render::json_line(&summary) + "\n"
    } else {
        render_with(&summary, args.format, &options)
    })
}

/// The export time for the front matter: the system clock (UTC), or `SOURCE_DATE_EPOCH` when set, so a
/// build or a test can make the output reproducible.
fn now() -> String {
    let secs =
        std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok()).unwrap_or_else(|| {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
        });
    threadcard::render::export::iso_from_unix(secs)
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
    let several = args.files.len() > 1;
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let inputs: Vec<Option<String>> =
        if args.files.is_empty() { vec![None] } else { args.files.iter().cloned().map(Some).collect() };
    for input in inputs {
        let (name, bytes, url) = match &input {
            None => (
                "sample".to_string(),
                Ok(threadcard::SAMPLE_HTML.as_bytes().to_vec()),
                Some(threadcard::SAMPLE_URL.to_string()),
            ),
            Some(f) => (if f == "-" { "<stdin>".to_string() } else { f.clone() }, read_input(f), args.url.clone()),
        };
        match bytes.and_then(|b| output(&b, url.as_deref(), &args, several)) {
            Ok(text) => {
                if several && args.explain && writeln!(out, "== {name}").is_err() {
                    return ExitCode::from(1);
                }
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

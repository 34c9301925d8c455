//! Engine detection: each engine's cheap detector accepts its own fixture, and the engine that reads it is
//! the one detected first; a page of no engine is detected by none.

use threadcard::thread::{engines::Detection, find_noting};

fn detect(path: &str) -> (String, Detection) {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    let page = threadcard::parse::parse(&html, Some("https://board.example.org/t/1")).expect("page");
    let page = threadcard::clean::clean(page);
    let mut detection = Detection::default();
    let thread = find_noting(&page, Some(&mut detection));
    (thread.platform, detection)
}

#[test]
fn every_engine_fixture_is_detected_by_the_engine_that_reads_it() {
    let dir = format!("{}/tests/fixtures/engines", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".html"))
        .collect();
    names.sort();
    assert!(names.len() >= 25);
    for name in names {
        let (platform, detection) = detect(&format!("engines/{name}"));
        assert_eq!(detection.matched.first(), Some(&platform.as_str()), "{name}: {detection:?}");
        assert!(detection.empty.is_empty(), "{name}: detected but empty: {detection:?}");
    }
}

#[test]
fn an_article_is_no_engine_s() {
    let (platform, detection) = detect("article-river-survey.html");
    assert_eq!(platform, "article");
    assert!(detection.matched.is_empty(), "{detection:?}");
}

/// Every fixture under `tests/fixtures`, as (path, text).
fn all_fixtures() -> Vec<(String, String)> {
    let mut dirs = vec![std::path::PathBuf::from(format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR")))];
    let mut out = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("fixtures").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "html" || e == "htm") {
                let html = std::fs::read(&path).expect("fixture");
                out.push((path.display().to_string(), String::from_utf8_lossy(&html).into_owned()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_token_probe_answers_every_detector_as_walking_the_page_does() {
    use threadcard::thread::engines::{detected, Probe};
    let fixtures = all_fixtures();
    assert!(fixtures.len() >= 40, "{}", fixtures.len());
    let mut some_detected = 0;
    for (path, html) in fixtures {
        let Ok(page) = threadcard::parse::parse(&html, Some("https://board.example.org/t/1")) else { continue };
        let page = threadcard::clean::clean(page);
        let walked = detected(&Probe::walking(&page));
        assert_eq!(detected(&Probe::new(&page)), walked, "{path}");
        some_detected += usize::from(!walked.is_empty());
    }
    assert!(some_detected >= 25, "{some_detected}");
}

//! `threadcard --explain`: which reader was chosen and why, what the clean stage removed, and a page that
//! looks like an engine's but whose reader finds no posts.

use threadcard::explain::explain;

fn fixture(path: &str) -> Vec<u8> {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

#[test]
fn the_cli_explains_an_engine_page() {
    let path = format!("{}/tests/fixtures/engines/phpbb.html", env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_threadcard"))
        .args(["--explain", &path])
        .output()
        .expect("the CLI runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("decode: UTF-8"), "{text}");
    assert!(text.contains("engine detectors matched: phpbb\n"), "{text}");
    assert!(text.contains("reader: phpbb (the first detected engine whose reader found posts)"), "{text}");
    // The signature under the first post is what the clean stage took, with its text counted.
    assert!(text.contains("1 x class/id \"signature\""), "{text}");
    assert!(text.contains("2 posts (2 with an author, 2 with a time)"), "{text}");
}

#[test]
fn a_page_of_no_engine_says_which_fallback_read_it() {
    let text = explain(&fixture("du-variant-tables.html"), None).expect("explained");
    assert!(text.contains("engine detectors matched: none"), "{text}");
    assert!(text.contains("reader: generic (no engine reader found posts"), "{text}");
    let text = explain(&fixture("encodings/shift_jis.html"), None).expect("explained");
    assert!(text.contains("decode: Shift_JIS (<meta charset> / http-equiv"), "{text}");
}

#[test]
fn a_detected_engine_without_posts_is_reported() {
    // phpBB's post markup with nothing in it (a theme that moved the text elsewhere), then an article.
    let story = "<p>The river survey counted otters at eleven sites along the valley this spring.</p>".repeat(20);
    let html = format!(
        r#"<html><head><title>Otters</title></head><body><div class="post"><div class="postbody">
        <div class="content"></div></div></div><article><h1>Otters return</h1>{story}</article></body></html>"#
    );
    let text = explain(html.as_bytes(), None).expect("explained");
    assert!(text.contains("engine detectors matched: phpbb"), "{text}");
    assert!(text.contains("detected as phpbb, but its reader found no posts"), "{text}");
    assert!(!text.contains("reader: phpbb"), "{text}");
}

//! Saved pages in legacy encodings decode as a browser decodes them, in the library and in the CLI.
//! The fixtures are written by `tools/encodings.py` from UTF-8 text (FluxBB topic pages whose words need
//! their encoding); each declares its encoding in a different way, so each step of the sniffing order is run.

use threadcard::decode::{decode_at, Source};
use threadcard::{summarize_bytes, Options};

fn bytes(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/encodings/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Decodes the fixture, checks how, then reads the thread: its authors and a phrase of its text.
fn check(name: &str, encoding: &str, source: Source, authors: [&str; 2], phrase: &str) {
    let raw = bytes(name);
    assert!(std::str::from_utf8(&raw).is_err(), "{name} is not UTF-8, or the test proves nothing");
    let decoded = decode_at(&raw, None).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!((decoded.encoding, decoded.source), (encoding, source), "{name}");
    assert!(!decoded.malformed, "{name}: malformed bytes");
    let summary = summarize_bytes(&raw, Some("https://board.example.org/viewtopic.php?id=77"), &Options::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(summary.platform, "fluxbb", "{name}");
    let found: Vec<&str> = summary.posts.iter().filter_map(|p| p.author.as_deref()).collect();
    assert_eq!(found, authors, "{name}");
    assert!(summary.posts.iter().any(|p| p.text.contains(phrase)), "{name}: {phrase:?} not in {:?}", summary.posts);
}

#[test]
fn windows_1252_declared_as_iso_8859_1() {
    // ISO-8859-1 is read as windows-1252, as browsers do: the euro sign and curly quotes are bytes 0x80-0x9F.
    check(
        "windows-1252.html",
        "windows-1252",
        Source::Meta,
        ["Jürgen Weiß", "Zoë Ångström"],
        "My wife calls it “the money pit” — she’s not wrong… but it runs.",
    );
}

#[test]
fn iso_8859_2_declared_by_meta_charset() {
    check(
        "iso-8859-2.html",
        "ISO-8859-2",
        Source::Meta,
        ["Łukasz Żółkiewski", "Jiří Dvořák"],
        "Příliš žluťoučký kůň úpěl ďábelské ódy",
    );
}

#[test]
fn shift_jis_declared_by_http_equiv() {
    check(
        "shift_jis.html",
        "Shift_JIS",
        Source::Meta,
        ["山田太郎", "佐藤花子"],
        "のぞみの指定席は片道で一万四千円くらいです",
    );
}

#[test]
fn undeclared_gbk_is_found_by_the_detector() {
    check("gbk.html", "GBK", Source::Detector, ["李小龙", "王芳"], "一定要带羽绒服和手套");
}

#[test]
fn utf_16_with_a_byte_order_mark_in_both_byte_orders() {
    check("utf-16le.html", "UTF-16LE", Source::Bom, ["Αλέξανδρος", "Дмитрий"], "читается без ошибок");
    check("utf-16be.html", "UTF-16BE", Source::Bom, ["Renée", "Søren"], "crème brûlée and a 🍮");
}

#[test]
fn the_cli_decodes_legacy_pages_and_still_refuses_binary_files() {
    let dir = format!("{}/tests/fixtures/encodings", env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_threadcard"))
        .args(["--format", "json", &format!("{dir}/shift_jis.html"), &format!("{dir}/utf-16le.html")])
        .output()
        .expect("the CLI runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("山田太郎") && stdout.contains("Дмитрий"), "{stdout}");
    let png = std::env::temp_dir().join(format!("threadcard-encodings-{}.png", std::process::id()));
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").expect("temp file");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_threadcard")).arg(&png).output().expect("the CLI runs");
    let _ = std::fs::remove_file(&png);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary file"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn c1_controls_in_a_utf8_page_read_as_meant() {
    // Windows-1252 bytes pasted into UTF-8 text arrive as C1 controls, which every text export drops
    // ("didnt"); UTF-8 read as Latin-1 and written again turns a curly quote into "â" and two controls.
    let raw = bytes("utf8-c1-controls.html");
    let text = std::str::from_utf8(&raw).expect("the fixture is UTF-8");
    assert!(text.contains('\u{92}') && text.contains("â\u{80}\u{9c}"), "the fixture holds no C1 controls");
    let summary = summarize_bytes(&raw, Some("https://board.example.org/viewtopic.php?id=77"), &Options::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summary.title, "“Multiple system failures” – the outage thread");
    let texts: Vec<&str> = summary.posts.iter().map(|p| p.text.as_str()).collect();
    for phrase in [
        "The check-in system didn’t come back for three hours ‘due to a network fault’.",
        "• 42 flights delayed • 7 cancelled — and the app said nothing™.",
        "Same here in Málaga: the board showed “on time” until the gate closed.",
    ] {
        assert!(texts.iter().any(|t| t.contains(phrase)), "{phrase:?} not in {texts:?}");
    }
}

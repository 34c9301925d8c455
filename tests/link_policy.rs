//! One link policy for every reader (`Page::link`, `Page::permalink`): links and profile links resolve
//! against `<base href>`, bare `#fragment` permalinks are kept on the page's own address, and the head's
//! `<link rel=next/prev>` feeds pagination although the clean stage removes `<link>` elements.

use threadcard::{summarize, Options};

const PAGE_URL: &str = "https://www.example.org/bikes/viewtopic.php?t=77&start=10";

fn read() -> threadcard::Summary {
    let path = format!("{}/tests/fixtures/links/phpbb-base-href.html", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    summarize(&html, Some(PAGE_URL), &Options::default()).expect("summary")
}

#[test]
fn head_rel_links_give_the_pagination() {
    let s = read();
    let pagination = s.pagination.expect("pagination from <link rel=next/prev>");
    assert_eq!(pagination.next.as_deref(), Some("https://forum.example.org/bikes/viewtopic.php?t=77&start=20"));
    assert_eq!(pagination.prev.as_deref(), Some("https://forum.example.org/bikes/viewtopic.php?t=77"));
}

#[test]
fn bare_fragment_permalinks_are_kept_on_the_page_address() {
    let s = read();
    assert_eq!(s.platform, "phpbb");
    let permalinks: Vec<&str> = s.posts.iter().filter_map(|p| p.permalink.as_deref()).collect();
    assert_eq!(permalinks, [format!("{PAGE_URL}#p7711"), format!("{PAGE_URL}#p7712")]);
}

#[test]
fn profiles_and_post_links_resolve_against_base_href() {
    let s = read();
    let profile = s.posts[0].author_info.get("profile").map(String::as_str);
    assert_eq!(profile, Some("https://forum.example.org/bikes/memberlist.php?mode=viewprofile&u=301"));
    assert_eq!(s.posts[0].links[0].url, "https://forum.example.org/wiki/hookless");
}

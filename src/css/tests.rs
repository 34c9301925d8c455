use super::*;

/// Every selector literal of the crate's sources: the string literal after each `sel(`, `Sel::new(`,
/// `pick(&els, ` and `Selector::parse(` (the four ways the crate compiles a selector), read as Rust reads it.
fn built_in_selectors() -> Vec<String> {
    let mut out = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { panic!("read {dir:?}") };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") && !path.ends_with("css/tests.rs") {
                // (This file's selectors are the probes and the invalid ones of the panic tests.)
                let Ok(source) = std::fs::read_to_string(&path) else { panic!("read {path:?}") };
                for opener in ["sel(", "Sel::new(", "pick(&els, ", "Selector::parse("] {
                    let calls = source.match_indices(opener).filter(|(i, _)| {
                        // `sel(`, not `is_sel(` or `.sel(`.
                        !source[..*i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '.')
                    });
                    out.extend(calls.filter_map(|(i, _)| literal(&source[i + opener.len()..])));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The Rust string literal opening `s` (after white space), unescaped, when it is the call's one argument
/// (`)` follows, after a comma or not); `None` when `s` opens with something else (a variable, a parameter list).
fn literal(s: &str) -> Option<String> {
    let s = s.trim_start();
    let mut chars = s.strip_prefix('"')?.chars();
    let mut out = String::new();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                // rustfmt puts a trailing comma after a literal it moves to a line of its own.
                let rest = chars.as_str().trim_start();
                let rest = rest.strip_prefix(',').map_or(rest, str::trim_start);
                return rest.starts_with(')').then_some(out);
            }
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '\n' => {
                    let rest = chars.as_str().trim_start();
                    chars = rest.chars();
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

#[test]
fn every_built_in_selector_parses() {
    let all = built_in_selectors();
    // The sources compile some 430 distinct selectors; far fewer means the scan above lost its way.
    assert!(all.len() > 400, "{} selectors found", all.len());
    for css in &all {
        let s = Selector::parse(css);
        assert!(!s.alternatives.is_empty(), "{css}");
    }
}

/// Pages with the shapes the semantics rules are about: case in names and values, SVG's camel-case names,
/// attributes in a namespace, siblings of every kind.
const SHAPES: &str = r##"<!DOCTYPE html><html lang="EN"><head>
<script type="Application/LD+JSON">{}</script><link rel="Next Canonical" href="/2">
</head><body class="Page page">
<div id="Main" class="post Post first"><p data-x="1" title="Quote by Bob">one <b>two</b></p>
<span class="name">x</span><em>e</em><span lang="en-GB">y</span><i>z</i><span>w</span></div>
<svg viewBox="0 0 1 1"><foreignObject xlink:href="#a"><p>in svg</p></foreignObject><clipPath id="c"/></svg>
<table><tr><td class="quote">q</td></tr></table><ul><li>1</li><li class="x">2</li><li>3</li></ul>
<a href="#top">top</a><a href="/t#p1"><img src="a.png"></a><a name="Post1" id="post_1">p</a>
<div class="outer"><span><span><b>deep</b></span></span></div>
<input type="HIDDEN" value="v"><div lang="fr-ca"><b>bold:</b> after</div></body></html>"##;

/// Selectors over [`SHAPES`] that exercise each rule, on top of the built-in ones.
const PROBES: &[&str] = &[
    "script[type=\"application/ld+json\"]",
    "script[type=\"application/ld+json\" s]",
    "link[rel~=next], link[rel~=canonical]",
    "[lang|=en], [lang|=fr], [lang|=FR]",
    "input[type=hidden]",
    "[title*=quote], [title*=quote i], [title$=BOB i], [title^=Quote]",
    ".post, .Post, #main, #Main",
    "foreignObject, foreignobject, clipPath, clippath, svg [viewbox], [viewBox]",
    "[href], [href='#a']",
    "span:first-child, p:first-child, span:last-of-type, li:last-of-type",
    "li + li, li ~ li.x, em + span, p ~ i, b ~ b",
    "div > span, body > div > p > b, div b, html b, table:has(td.quote), a:has(img), div:has(> b)",
    "div:has(> span + em), body:has(> div > p), div:has(p b), div:has(> b), ul:has(li.x ~ li)",
    "a:not([href^='#']), li:not(.x, :first-child), *:not(div)",
    "*",
    "div > span b, .outer > span > b, div > span ~ b, span + b",
    "[data-x=\"1\"], [data-x=\"\"], [title~=by], [title~=\"\"], [title^=\"\"]",
];

/// Pages the tests hold: the fixtures of every reader.
fn fixtures() -> Vec<String> {
    let mut out = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "html") {
                out.extend(std::fs::read_to_string(&path));
            }
        }
    }
    out.sort();
    out
}

/// The matcher agrees with scraper's (the `selectors` crate) on every element of every fixture page and of
/// [`SHAPES`], for every built-in selector and every probe: `matches` on each element (detached ones too),
/// and `find_all` from the document and from its root element, in the same order.
#[cfg(feature = "html-parser")]
#[test]
fn matches_as_scraper_does() {
    let mut pages = fixtures();
    assert!(pages.len() > 50, "{} fixture pages", pages.len());
    pages.push(SHAPES.to_string());
    let mut selectors = built_in_selectors();
    selectors.extend(PROBES.iter().map(|s| s.to_string()));
    let compiled: Vec<(Selector, scraper::Selector)> = selectors
        .iter()
        .map(|css| (Selector::parse(css), scraper::Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e:?}"))))
        .collect();
    let ids = |it: &mut dyn Iterator<Item = ElementRef>| it.map(|e| e.id()).collect::<Vec<_>>();
    for html in &pages {
        let Ok(page) = crate::parse::parse(html, None) else { panic!("parse") };
        // Detach a subtree, as the clean stage does: the document walk still sees its descendants.
        let mut doc = page.doc;
        let detach = doc.tree.nodes().filter(|n| n.value().is_element()).nth(20).map(|n| n.id());
        if let Some(mut node) = detach.and_then(|id| doc.tree.get_mut(id)) {
            node.detach();
        }
        let elements: Vec<ElementRef> = doc.tree.nodes().filter_map(ElementRef::wrap).collect();
        let root = doc.root_element();
        for ((ours, theirs), css) in compiled.iter().zip(&selectors) {
            for e in &elements {
                assert_eq!(ours.matches(e), theirs.matches(e), "{css} on {:?}", e.value());
            }
            assert_eq!(ids(&mut doc.find_all(ours)), ids(&mut doc.select(theirs)), "{css}");
            assert_eq!(ids(&mut doc.find_all(ours).rev()), ids(&mut doc.select(theirs).rev()), "{css}");
            assert_eq!(ids(&mut root.find_all(ours)), ids(&mut root.select(theirs)), "{css}");
        }
    }
}

#[cfg(feature = "html-parser")]
#[test]
fn rules_on_the_shapes_page() {
    let Ok(page) = crate::parse::parse(SHAPES, None) else { panic!("parse") };
    let names = |css: &str| -> Vec<String> {
        page.doc.find_all(&Selector::parse(css)).map(|e| e.value().name().to_string()).collect()
    };
    // `type` and `rel` values match without case on HTML elements; classes and ids with case.
    assert_eq!(names("script[type=\"application/ld+json\"]"), ["script"]);
    assert!(names("script[type=\"application/ld+json\" s]").is_empty());
    assert_eq!(names("link[rel~=next]"), ["link"]);
    assert!(names("#main").is_empty());
    assert_eq!(names(".Post.post"), ["div"]);
    // SVG keeps camel-case names: a type selector matches them as written only.
    assert_eq!(names("foreignObject"), ["foreignObject"]);
    assert!(names("foreignobject").is_empty());
    assert_eq!(names("[viewBox]"), ["svg"]);
    assert!(names("[viewbox]").is_empty());
    // Pseudo-classes and combinators.
    assert_eq!(names("div:has(> b)"), ["div"]);
    assert_eq!(names("li:not(.x, :first-child)"), ["li"]);
    assert_eq!(names("span:last-of-type"), ["span", "span", "span"]);
    assert_eq!(names("em + span, p ~ i"), ["span", "i"]);
    assert_eq!(names("a:has(img)"), ["a"]);
}

#[test]
#[should_panic(expected = "\"a:hover\"")]
fn unsupported_pseudo_class_panics_naming_the_selector() {
    Selector::parse("a:hover");
}

#[test]
#[should_panic(expected = "\"div:has(+ p)\"")]
fn sibling_combinator_opening_has_panics() {
    Selector::parse("div:has(+ p)");
}

#[test]
#[should_panic(expected = "\"a,\"")]
fn empty_alternative_panics() {
    Selector::parse("a,");
}

#[test]
#[should_panic(expected = "escapes")]
fn escapes_panic() {
    Selector::parse(r".a\:b");
}

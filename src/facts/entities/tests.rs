use super::*;
use crate::facts::PostText;

fn names(text: &str) -> Vec<Entity> {
    let post = PostText::new(0, text, None);
    extract(&[post], true, &[])
}

#[test]
fn merges_full_short_and_titled_forms() {
    let e = names("President Kassym-Jomart Tokayev spoke to the parliament. \"It is over,\" Tokayev told lawmakers. Tokayev's rule.");
    assert_eq!(e[0].name, "Kassym-Jomart Tokayev");
    assert_eq!(e[0].kind, EntityKind::Person);
    assert_eq!(e[0].mentions, 3);
    assert_eq!(e[0].role.as_deref(), Some("President"));
}

#[test]
fn ties_acronyms_and_spellings() {
    let e = names(
        "The alliance, the Collective Security Treaty Organisation at his request. The CSTO forces left. \
         The Collective Security Treaty Organization answered.",
    );
    let csto: Vec<&Entity> = e.iter().filter(|e| e.name.starts_with("Collective")).collect();
    assert_eq!(csto.len(), 1, "{e:?}");
    assert_eq!(csto[0].kind, EntityKind::Organisation);
    assert!(csto[0].aliases.iter().any(|a| a == "CSTO"));
    assert_eq!(csto[0].mentions, 3);
}

/// An acronym the text spells out ties to its expansion in either order, known to the gazetteer or
/// not, with or without an organisation suffix or a lowercase connector.
#[test]
fn acronyms_spelled_out_in_brackets_either_order() {
    for (text, name, acronym) in [
        (
            "The Multiple Sclerosis International Federation (MSIF) published its atlas. MSIF said it grew.",
            "Multiple Sclerosis International Federation",
            "MSIF",
        ),
        (
            "MSIF (Multiple Sclerosis International Federation) published its atlas. Later MSIF said it grew.",
            "Multiple Sclerosis International Federation",
            "MSIF",
        ),
        (
            "We asked the Quiet Harbour Rowing Collective (QHRC) for boats. Then QHRC refused.",
            "Quiet Harbour Rowing Collective",
            "QHRC",
        ),
        (
            "We asked QHRC (Quiet Harbour Rowing Collective) for boats. Then QHRC refused.",
            "Quiet Harbour Rowing Collective",
            "QHRC",
        ),
        (
            "Members of the Brotherhood of Kettle Makers (BKM) met. The BKM voted.",
            "Brotherhood of Kettle Makers",
            "BKM",
        ),
    ] {
        let e = names(text);
        assert_eq!(e.len(), 1, "{text}: {e:?}");
        assert_eq!((e[0].name.as_str(), e[0].kind), (name, EntityKind::Organisation), "{text}: {e:?}");
        assert_eq!(e[0].aliases, [acronym], "{text}: {e:?}");
        assert_eq!(e[0].mentions, 3, "{text}: {e:?}");
    }
    // A law spelled out is no organisation; brackets holding other letters tie nothing.
    assert!(names("It complies with the General Data Protection Regulation (GDPR) now.").is_empty());
    let e = names("We asked Quiet Harbour (QHRC) for boats.");
    assert!(!e.iter().any(|e| e.aliases.iter().any(|a| a == "QHRC")), "{e:?}");
}

#[test]
fn demonyms_count_but_create_nothing() {
    let e =
        names("Kazakh President Kassym-Jomart Tokayev met Russian envoys in Almaty. Russia agreed. The Soviet past.");
    let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Almaty") && names.contains(&"Russia"), "{names:?}");
    assert!(!names.contains(&"Kazakhstan") && !names.contains(&"Soviet") && !names.contains(&"The"));
    let russia = e.iter().find(|e| e.name == "Russia").map(|e| e.mentions);
    assert_eq!(russia, Some(2));
    let person = e.iter().find(|e| e.kind == EntityKind::Person).and_then(|e| e.role.clone());
    assert_eq!(person.as_deref(), Some("Kazakh President"));
}

#[test]
fn a_known_place_at_the_end_of_an_unknown_run() {
    let e = names("The armies of Nazi Germany were stopped at the gates of the city by the defenders.");
    assert_eq!(e.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["Germany"], "{e:?}");
}

#[test]
fn a_known_place_inside_another_name_is_not_the_place() {
    // A club, a firm's branch, a guidebook: only words that qualify places make the whole the place.
    let text = "We watched Bayern Munich beat Real Madrid on TV, ordered from Newegg Canada and packed the \
                Lonely Planet Japan guide. Prices in Greater London rose.";
    let e = names(text);
    let places: Vec<&str> = e.iter().filter(|e| e.kind == EntityKind::Place).map(|e| e.name.as_str()).collect();
    assert_eq!(places, ["London"], "{e:?}");
    let e = names("He follows the same steps as Manchester City did, then Manchester City won again.");
    let city = e.iter().find(|e| e.name == "Manchester City").map(|e| e.kind);
    assert_eq!(city, Some(EntityKind::Organisation), "{e:?}");
}

#[test]
fn camel_case_handles_keys_and_formula_names_are_not_brands() {
    let e = names(
        "Inspired by JapesUK's live trip report. On Windows press LeftAlt instead. Our SaaS grew, so \
         multiply it by GrossMargin% each year. I paid BrightLoop and the firm BrightLoop answered.",
    );
    let found: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
    // A camel-case name with no word for a company is a product, a work ("I installed QuickAdd":
    // `mentions_products.rs`); "the firm BrightLoop" is the company.
    assert_eq!(found, ["BrightLoop"], "{e:?}");
}

#[test]
fn sentence_starters_and_days_are_not_names() {
    let e = names("Tuesday was calm. He said so. In January, They left. However it rained.");
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn german_nouns_are_not_names() {
    let e = extract(
        &[PostText::new(0, "Die Regierung hat das Gesetz gestern in Berlin beschlossen, sagte Angela Merkel.", None)],
        false,
        &[],
    );
    let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Berlin") && names.contains(&"Angela Merkel"), "{names:?}");
    assert!(!names.contains(&"Regierung") && !names.contains(&"Gesetz"), "{names:?}");
}

fn thread(texts: &[&str]) -> Vec<Entity> {
    let posts: Vec<PostText> = texts.iter().enumerate().map(|(i, t)| PostText::new(i, t, None)).collect();
    extract(&posts, true, &[])
}

#[test]
fn lowercase_brands_and_short_aliases_need_evidence() {
    let kind = |e: &[Entity], n: &str| e.iter().find(|e| e.name.eq_ignore_ascii_case(n)).map(|e| e.kind);
    // One lowercase "facebook" says nothing; two posts writing it, or a capitalized form, do.
    let once = thread(&["I posted it on facebook yesterday.", "Nice, and the photos came out well."]);
    assert_eq!(kind(&once, "facebook"), None, "{once:?}");
    let twice = thread(&["I posted it on facebook yesterday.", "My aunt saw it on facebook too."]);
    assert_eq!(kind(&twice, "facebook"), Some(EntityKind::Organisation), "{twice:?}");
    let capital = thread(&["I posted it on facebook.", "Facebook removed it an hour later."]);
    assert_eq!(kind(&capital, "facebook"), Some(EntityKind::Organisation), "{capital:?}");
    // "Fed" alone is a word ("Fed up"); beside "Federal Reserve" it is the bank.
    let fed = thread(&["Fed up with rates. The Fed will not cut them, says my banker."]);
    assert!(!fed.iter().any(|e| e.name.contains("Fed")), "{fed:?}");
    let bank = thread(&["The Federal Reserve raised rates.", "The Fed will not cut them soon."]);
    assert_eq!(kind(&bank, "Federal Reserve"), Some(EntityKind::Organisation), "{bank:?}");
}

#[test]
fn brands_cues_and_lists_make_organisations() {
    let e = names(
        "The Chinese chipmaker SMIC ordered an ASML EUV machine. Former ASML staff helped, said the new ASML \
         CEO. Brands like Shopify, Wix, Sellvia and others have forums. I found it on facebook and at \
         www.youtube.com, as Lin Nan, ASML's former head of research, said in the town of Veldhoven.",
    );
    let kind = |n: &str| e.iter().find(|e| e.name == n).map(|e| e.kind);
    assert_eq!(kind("SMIC"), Some(EntityKind::Organisation), "{e:?}");
    assert_eq!(kind("ASML"), Some(EntityKind::Organisation), "{e:?}");
    assert_eq!(kind("Wix"), Some(EntityKind::Organisation), "{e:?}");
    assert_eq!(kind("Sellvia"), Some(EntityKind::Organisation), "{e:?}");
    assert_eq!(kind("facebook"), None, "one lowercase mention is no evidence: {e:?}");
    assert_eq!(kind("Lin Nan"), Some(EntityKind::Person), "{e:?}");
    assert_eq!(kind("Veldhoven"), Some(EntityKind::Place), "{e:?}");
    assert!(!e.iter().any(|e| e.name.contains("EUV") || e.name.contains("CEO") || e.name == "youtube"), "{e:?}");
}

/// Evidence first: a common word the gazetteer knows as a place needs context, a place suffix needs
/// a name, a code identifier is no brand, a capital opening a sentence is no name.
#[test]
fn common_words_code_and_sentence_starters_are_not_names() {
    let e = names(
        "Nice! The Park was closed. Raised a ValueError in MainThread again, and NameErrors. Honestly it works. We \
         moved from Nice last year and drove to Phoenix, AZ, then to Victoria Park with the firm DeviantArt.",
    );
    let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names.iter().filter(|n| **n == "Nice").count(), 1, "{e:?}");
    let nice = e.iter().find(|e| e.name == "Nice").map(|e| e.mentions);
    assert_eq!(nice, Some(1), "only 'from Nice' is the city: {e:?}");
    for bogus in ["Park", "ValueError", "MainThread", "NameErrors", "Honestly"] {
        assert!(!names.contains(&bogus), "{bogus}: {e:?}");
    }
    for real in ["Phoenix", "Victoria Park", "DeviantArt"] {
        assert!(names.contains(&real), "{real}: {e:?}");
    }
}

#[test]
fn bare_dc_is_not_washington() {
    let e = names("All DC have their own hobbies. We flew to Washington, D.C. last year.");
    let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Washington"], "{e:?}");
}

#[test]
fn quote_headers_and_calls_name_participants() {
    let e = names(
        "Matt Stephens: ↑ Previous two games came out in August. Click to expand... Ralf Moser schrieb: Die \
         Variante ist schneller. You're on the right track @FishMonster, but the Japanese artists on Twitter \
         disagree, and @FishMonster knows it.",
    );
    let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Twitter"), "{e:?}");
    for n in ["Matt", "Ralf", "FishMonster"] {
        assert!(!names.iter().any(|x| x.contains(n)), "{n}: {e:?}");
    }
}

#[test]
fn a_tool_after_by_is_no_byline_and_a_known_brand_ends_a_run() {
    let e = names(
        "User-defined networks are also created by Docker Compose for each project, and created by Docker \
         Compose again. The Princess Molestia Twitter account was everywhere on Twitter. We save it in \
         Open Document Text (ODT) format.",
    );
    let kind = |n: &str| e.iter().find(|e| e.name == n).map(|e| e.kind);
    assert_ne!(kind("Docker Compose"), Some(EntityKind::Person), "{e:?}");
    assert_eq!(kind("Twitter"), Some(EntityKind::Organisation), "{e:?}");
    assert!(!e.iter().any(|e| e.name.contains("Molestia Twitter") || e.name.contains("Open Document")), "{e:?}");
}

#[test]
fn camel_case_initials_titles_and_quote_headers() {
    let e = names(
        "Shadow Fox said: I found it on DeviantArt, see kodyboy.deviantart.com or www.BobsRentals.com. \
         Drawn like Michael Comacho and Jake the Hawk, with [Dr. Mengele] who was helping with the design \
         of the pants, and then George W. Bush was there to help them in the garden as well.",
    );
    let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
    for n in ["DeviantArt", "Michael Comacho", "Mengele", "George W. Bush"] {
        assert!(names.contains(&n), "{n}: {e:?}");
    }
    assert!(!names.iter().any(|n| n.contains("Shadow") || n.contains("Bobs")), "{e:?}");
}

/// Session 12's tuning threads: a word that ends names is no name alone, a known brand opening a
/// product's name is named alone even after "The", a Title Case phrase ending in a word the thread
/// writes in lowercase needs more than one mention, and a run before ", London" is no place for that.
#[test]
fn suffix_words_products_and_title_case_phrases_are_not_names() {
    let e = thread(&[
        "I use Office every day. The Samsung Exynos Chipset runs hot. I read the Holter Monitor Data, \
         London office was closed.",
        "The data of the monitor looked fine, said my doctor at the Fairfield County clinic.",
    ]);
    let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Samsung") && names.contains(&"London"), "{e:?}");
    assert!(names.contains(&"Fairfield County"), "a place suffix names a place: {e:?}");
    for bogus in ["Office", "Samsung Exynos Chipset", "Exynos Chipset", "Holter Monitor Data"] {
        assert!(!names.contains(&bogus), "{bogus}: {e:?}");
    }
}

/// "Tickets" listed beside brands is the plural of a word the thread writes in lowercase.
#[test]
fn a_common_plural_in_a_list_of_brands_is_no_brand() {
    let e = thread(&["Support by Live chat, WhatsApp, Telegram, Tickets etc.", "I opened a ticket."]);
    let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"WhatsApp") && !names.contains(&"Tickets"), "{e:?}");
}

/// User names in a page flattened to text: a line of its own above the post's date line, and the
/// name after "Posted by" or "Zitat von", are posters.
#[test]
fn post_headers_and_posted_by_name_participants() {
    let e = thread(&[
        "Anna Schmidt\n11-30-2024, 04:19 PM\n\nI agree with the plan.\n\nMark Miller\nJan 15, 2024\n\nMe too.",
        "Originally Posted by Peter Jones\nIt works. Posted by Karen Smith 3 days ago. Zitat von Hans Meier.",
    ]);
    assert!(e.iter().all(|e| e.kind != EntityKind::Person), "{e:?}");
}

/// A club named for its town is an organisation, and the town alone is then the club's short form,
/// not the place; a town with no club of the thread named for it stays a place.
#[test]
fn clubs_named_for_their_towns() {
    let e = names(
        "I think Real Madrid will win the league this year. Madrid wants the title more than anyone. \
         Atlanta United had a good season too, and we flew to Lisbon for the final.",
    );
    let find = |n: &str| e.iter().find(|x| x.name == n).map(|x| x.kind);
    assert_eq!(find("Real Madrid"), Some(EntityKind::Organisation), "{e:?}");
    assert_eq!(find("Atlanta United"), Some(EntityKind::Organisation), "{e:?}");
    assert_eq!(find("Madrid"), None, "{e:?}");
    assert_eq!(find("Atlanta"), None, "{e:?}");
    assert_eq!(find("Lisbon"), Some(EntityKind::Place), "{e:?}");
}

/// "Meteor Lake 185H" is a chip's code name (a model code follows), and a known place in a line of
/// surnames in capitals is a surname; a lake with no code after it and a place in running text stay places.
#[test]
fn code_names_and_capital_rosters_are_no_places() {
    let e = names(
        "My laptop is an ASUS Zenbook Duo (Meteor Lake 185H) and it is fast. The squad for this season is \
         MOORE DONLEY DORRINGTON HALL SANTIAGO and we will see. We swam in Silver Lake in the summer.",
    );
    let find = |n: &str| e.iter().find(|x| x.name == n).map(|x| x.kind);
    assert_eq!(find("Meteor Lake"), None, "{e:?}");
    assert_eq!(find("SANTIAGO"), None, "{e:?}");
    assert_eq!(find("Silver Lake"), Some(EntityKind::Place), "{e:?}");
}

/// "New York Times": a known place and a word that ends organisations' names is the organisation; a
/// demonym inside an organisation's name ("Malaysian Airlines") is no mention of the country.
#[test]
fn organisations_named_for_places() {
    let e = names(
        "I read the New York Times every day and it is what it is. We flew Malaysian Airlines from Perth \
         and it was what it was.",
    );
    let find = |n: &str| e.iter().find(|x| x.name == n).map(|x| x.kind);
    assert_eq!(find("New York Times"), Some(EntityKind::Organisation), "{e:?}");
    assert_eq!(find("New York"), None, "{e:?}");
    assert_eq!(find("Malaysia"), None, "{e:?}");
    assert_eq!(find("Perth"), Some(EntityKind::Place), "{e:?}");
}

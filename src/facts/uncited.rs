//! Links that are not sources by the shape of their address: a post links them, but cites nothing by them.
//!
//! A board wraps a posted picture in a link to the file or to its attachment page, links a member's name
//! to the member's profile, sends outbound links through a click counter, and puts donation buttons
//! in a post or its footer. None of these is a page the post draws on, so none is listed among the
//! sources. Each test reads the address alone, in the shape every board (or service) of its kind shares:
//! - an image file (the path ends in an image extension: [`IMAGE_EXTENSIONS`]) or an attachment page
//!   ([`ATTACHMENT_PATHS`]);
//! - a member's profile: a profile directory followed by the name alone ([`PROFILE_DIRS`]), a profile
//!   script ([`PROFILE_SCRIPTS`]), or a link-in-bio page ([`LINK_IN_BIO_HOSTS`]);
//! - a redirect: a query parameter ([`REDIRECT_PARAMS`]) that holds the real address;
//! - a donation page: a donation platform ([`DONATION_HOSTS`]) or a donation path ([`DONATION_PATHS`]);
//! - no web address at all: a host without a dot (an autolinker made `https://Waypoint` of a word).
//!
//! Markup tells the rest (a quote's back-link, an @mention, a link the site inserted, an autolink the board
//! cut short): those links are left out where a post's links are gathered (`thread::post`).

use crate::model::Link;

/// Path endings of image files (compared lowercased, on the path without query): a link to one is the
/// picture of a post (a thumbnail's full size, a pasted screenshot, an archived photo), not a page it cites.
pub const IMAGE_EXTENSIONS: &[&str] =
    &[".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg", ".avif", ".heic", ".tif", ".tiff"];

/// Path pieces of a board's attachment pages (XenForo `/attachments/<name>.<id>/`, vBulletin and
/// phpBB `attachment.php?…`, `download/file.php?id=` for phpBB files): the picture or file a post
/// attached ("View attachment 123"), shown by the board itself.
pub const ATTACHMENT_PATHS: &[&str] = &["/attachments/", "/attachment.php", "/attachment/", "/download/file.php"];

/// Directories of member profiles (`/u/name`, `/user/name`, `/users/12-name`, `/members/name.12/`,
/// `/profile/8-name/`, lowercased): the link of a member's name, when the name is all that follows.
/// (A path that goes on, `/user/name/saved/list`, is a page of that member's and stays.)
pub const PROFILE_DIRS: &[&str] = &["u", "user", "users", "member", "members", "profile", "profiles"];

/// Scripts that show a member's profile (vBulletin `member.php?u=`, phpBB
/// `memberlist.php?mode=viewprofile`, SMF `index.php?action=profile`, `profile.php?id=`), lowercased.
pub const PROFILE_SCRIPTS: &[&str] =
    &["/member.php", "/memberlist.php?mode=viewprofile", "action=profile", "/profile.php", "/showuser="];

/// Link-in-bio services: a page of a person's other links, linked as a member's "Homepage".
pub const LINK_IN_BIO_HOSTS: &[&str] = &["linktr.ee", "beacons.ai", "lnk.bio", "bio.link"];

/// Query parameters in which click counters and share buttons carry the real address (`c/link/?…&u=`,
/// `/url?q=`, `l.php?u=`, `redirect?url=`): a link with an address as one of these values is the
/// counter's, not the page a post cites.
pub const REDIRECT_PARAMS: &[&str] =
    &["u", "url", "q", "target", "redirect", "redirect_url", "redirect_uri", "dest", "destination", "to", "link"];

/// Donation platforms: a link to one asks the reader for money, it cites nothing.
pub const DONATION_HOSTS: &[&str] = &[
    "liberapay.com",
    "opencollective.com",
    "patreon.com",
    "ko-fi.com",
    "buymeacoffee.com",
    "paypal.me",
    "donorbox.org",
    "givebutter.com",
];

/// Last path segments of donation pages on a project's own site (`/donate`, `/donations`,
/// `/sponsors/name` on GitHub is caught by its directory), lowercased.
pub const DONATION_PATHS: &[&str] = &["donate", "donation", "donations", "sponsor", "sponsors"];

/// Whether the link is one a post does not cite: [`by_address`], except that a picture whose address the
/// poster wrote out (the link shows its own address: "the chart: https://img.test/c.png") is pointed to,
/// where a picture the board wrapped in a link (no text, "View attachment", "linked it") is shown.
pub fn link(link: &Link) -> bool {
    let shown = link.text.trim().trim_end_matches('/');
    let written_out = !shown.is_empty() && shown == link.url.trim_end_matches('/');
    if written_out && split(&link.url).is_some_and(|(_, rest)| image(rest.split(['?', '#']).next().unwrap_or(""))) {
        return false;
    }
    by_address(&link.url)
}

/// Whether the link's address is one a post does not cite (see the module doc).
pub fn by_address(url: &str) -> bool {
    let Some((host, rest)) = split(url) else { return false };
    let lower = rest.to_ascii_lowercase();
    let path = lower.split(['?', '#']).next().unwrap_or("");
    no_web_host(&host)
        || image(path)
        || ATTACHMENT_PATHS.iter().any(|p| lower.contains(p))
        || profile(&host, &lower)
        || redirect(&lower)
        || donation(&host, path)
}

/// Host (lowercased, without `www.` and port) and the rest of the address from its first `/`, `?` or `#`.
fn split(url: &str) -> Option<(String, &str)> {
    let after = &url[url.find("://")? + 3..];
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    Some((crate::url::domain(url), &after[end..]))
}

/// A host without a dot that is not the reader's machine (left to the example test): no address on the web.
fn no_web_host(host: &str) -> bool {
    !host.is_empty() && !host.contains('.') && host != "localhost" && !host.contains(':')
}

fn image(path: &str) -> bool {
    let path = path.trim_end_matches('/').to_ascii_lowercase();
    let path = path.as_str();
    IMAGE_EXTENSIONS.iter().any(|e| path.ends_with(e))
}

/// A profile directory and a name, and nothing after (IPS boards put the path in the query:
/// `index.php?/profile/8-name/`); a profile script; a link-in-bio page.
fn profile(host: &str, lower: &str) -> bool {
    if LINK_IN_BIO_HOSTS.contains(&host) || PROFILE_SCRIPTS.iter().any(|s| lower.contains(s)) {
        return true;
    }
    let path = match lower.find("?/") {
        Some(i) => &lower[i + 1..],
        None => lower.split(['?', '#']).next().unwrap_or(""),
    };
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    // The directory may sit under the board's own folder (`/forum/members/12/`).
    segments.len() >= 2 && PROFILE_DIRS.contains(&segments[segments.len() - 2]) && !file(segments[segments.len() - 1])
}

/// A file name (`guide.html`, `notes.pdf`): letters after its last dot, where a member's name ends in
/// an id (`name.4411`) or holds an instance (`name@lemmy.test`).
fn file(name: &str) -> bool {
    !name.contains('@')
        && name.rsplit_once('.').is_some_and(|(_, ext)| !ext.is_empty() && ext.chars().all(|c| c.is_ascii_alphabetic()))
}

/// A query parameter from [`REDIRECT_PARAMS`] whose value is a web address, plain or percent-encoded.
fn redirect(lower: &str) -> bool {
    let Some(query) = lower.split('#').next().and_then(|s| s.split_once('?')).map(|(_, q)| q) else {
        return false;
    };
    query.split('&').filter_map(|kv| kv.split_once('=')).any(|(k, v)| {
        REDIRECT_PARAMS.contains(&k)
            && ["http://", "https://", "http%3a%2f%2f", "https%3a%2f%2f"].iter().any(|p| v.starts_with(p))
    })
}

fn donation(host: &str, path: &str) -> bool {
    let on_platform =
        DONATION_HOSTS.iter().any(|h| host.strip_suffix(h).is_some_and(|sub| sub.is_empty() || sub.ends_with('.')));
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let in_sponsors = path.starts_with("/sponsors/");
    on_platform || in_sponsors || DONATION_PATHS.contains(&last)
}

#[cfg(test)]
mod tests {
    use super::{by_address, link};
    use crate::model::Link;

    #[test]
    fn a_picture_whose_address_the_poster_wrote_out_stays() {
        let u = "https://img.pictures.test/a/chart.png";
        let shown = |text: &str| Link { url: u.into(), text: text.into(), domain: "img.pictures.test".into() };
        assert!(!link(&shown(u)));
        assert!(link(&shown("")));
        assert!(link(&shown("linked it")));
    }

    #[test]
    fn images_and_attachments_are_not_sources() {
        for u in [
            "https://img.pictures.test/a/Xy12Q.png",
            "https://cdn.board.test/uploads/photo.JPG?width=800",
            "https://web.archive.org/web/2019/https://media.paper.test/photo/1141.jpg",
            "https://board.test/attachments/screen-shot-png.2028258/",
            "https://board.test/attachments/2028258/",
            "https://board.test/forum/attachment.php?attachmentid=77&d=1",
        ] {
            assert!(by_address(u), "{u}");
        }
        // A page about an image format is no image.
        assert!(!by_address("https://docs.example-lib.test/formats/png-encoding"));
        assert!(!by_address("https://tools.test/guide.html"));
    }

    #[test]
    fn profiles_are_not_sources_but_a_members_page_is() {
        for u in [
            "https://board.test/u/riverstone",
            "https://board.test/user/riverstone",
            "https://board.test/user/someone@instance.test",
            "https://board.test/forum/members/16982/",
            "https://board.test/members/riverstone.4411/",
            "https://board.test/index.php?/profile/8-riverstone/",
            "https://board.test/member.php?u=4411",
            "https://board.test/memberlist.php?mode=viewprofile&u=4411",
            "https://linktr.ee/riverstone",
        ] {
            assert!(by_address(u), "{u}");
        }
        for u in [
            "https://parts.test/user/riverstone/saved/7f3j",
            "https://video.test/@riverstone",
            "https://code.test/riverstone/tool",
            "https://docs.test/user/guide.html",
        ] {
            assert!(!by_address(u), "{u}");
        }
    }

    #[test]
    fn redirects_are_not_sources() {
        assert!(by_address("https://clicks.test/c/link/?t=0&l=en&u=https%3A%2F%2Fshop.test%2F&a=Shop"));
        assert!(by_address("https://search.test/url?q=https://paper.test/story"));
        // A query that is no address stays.
        assert!(!by_address("https://paper.test/read?id=42&q=harbour"));
        assert!(!by_address("https://www.video.test/watch?v=iySkVHTbHyA"));
    }

    #[test]
    fn donation_pages_are_not_sources() {
        for u in [
            "https://project.test/donate",
            "https://liberapay.com/Project",
            "https://opencollective.com/project",
            "https://www.patreon.com/someone",
            "https://code.test/sponsors/someone",
        ] {
            assert!(by_address(u), "{u}");
        }
        assert!(!by_address("https://project.test/news/donate-button-redesign"));
    }

    #[test]
    fn a_host_without_a_dot_is_no_address() {
        assert!(by_address("https://Waypoint"));
        assert!(!by_address("https://waypoint.test/"));
    }
}

//! The domain types: what a thread page becomes.
//!
//! `Summary` is the JSON contract other tools read (see README, "The JSON contract"). Fields are only ever
//! added; a breaking change bumps [`SCHEMA`]. Every fact carries `post`, the 0-based index into
//! `Summary::posts` of the post it was found in.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version tag of the JSON contract. Bump the number on any change that is not a pure addition.
pub const SCHEMA: &str = "threadcard/1";

/// Everything ThreadCard knows about one page.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Summary {
    pub schema: String,
    /// The URL the page was read from (as given by the caller), if any.
    pub url: Option<String>,
    /// Site name: `og:site_name`, else the host name.
    pub site: Option<String>,
    /// Which reader found the posts: an engine name (`"phpbb"`, `"democraticunderground"`, ...),
    /// `"generic"` for the structural detector, `"article"` for single-text pages.
    pub platform: String,
    pub title: String,
    /// Breadcrumb trail, outermost first, without the thread title itself.
    pub section: Vec<String>,
    /// BCP 47 language tag from the page (`<html lang>`) or guessed from the text.
    pub language: Option<String>,
    /// `<link rel=canonical>`, resolved against the page URL.
    pub canonical: Option<String>,
    pub pagination: Option<Pagination>,
    pub posts: Vec<Post>,
    pub facts: Facts,
    pub stats: Stats,
    /// What the pipeline left out of an oversized page, one line each ("Read the first 200000 of 1000000
    /// elements: ..."); empty for every page within the work budget (`src/budget.rs`).
    #[serde(default)]
    pub notices: Vec<String>,
}

/// Where this page sits in a multi-page thread.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Pagination {
    pub page: Option<u32>,
    pub pages: Option<u32>,
    pub next: Option<String>,
    pub prev: Option<String>,
}

/// One post (or, on an article page, the article body as a single post).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Post {
    pub author: Option<String>,
    /// What the board shows about the author, as shown: `posts`, `joined`, `rank`, `location`, ...
    pub author_info: BTreeMap<String, String>,
    /// ISO 8601 (`2022-01-11T14:28:00`, with the offset when the page gives one), or null.
    pub published: Option<String>,
    /// The time as the page shows it.
    pub published_text: Option<String>,
    /// The post's own title or subject line, where the board shows one.
    pub title: Option<String>,
    /// The body as a reader sees it: quotes included, signatures, ads and buttons excluded.
    pub text: String,
    /// The body as Markdown (paragraphs, lists, code, links, images as links).
    pub markdown: String,
    /// Quotes of other posts inside this one, kept apart with their author.
    pub quotes: Vec<PostQuote>,
    /// Links in the body.
    pub links: Vec<Link>,
    /// Score, votes or likes, where the board shows them.
    pub score: Option<i64>,
    /// Reply depth for nested comments; 0 for top level.
    pub depth: u32,
    /// Absolute URL of the post itself.
    pub permalink: Option<String>,
    /// The `id` attribute of the post's element on the page, so the card can scroll to it.
    pub anchor: Option<String>,
    /// The board marks this post as the accepted answer or the solution (Stack Exchange, Discourse,
    /// XenForo, Invision).
    #[serde(default)]
    pub accepted: bool,
}

/// A quote of another post (or of someone) inside a post.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct PostQuote {
    pub author: Option<String>,
    pub text: String,
}

/// A link in a post body.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Link {
    pub url: String,
    pub text: String,
    pub domain: String,
}

/// The key facts of the thread. Every item names the post it came from.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Facts {
    pub summary: Vec<SummarySentence>,
    pub entities: Vec<Entity>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateFact>,
    pub quotes: Vec<Quote>,
    pub sources: Vec<Source>,
    pub conflicts: Vec<Conflict>,
    /// Works the thread mentions: quoted titles, papers, books, products, software with versions.
    /// Neither organisations nor quotations.
    #[serde(default)]
    pub works: Vec<Work>,
    /// Lengths of time ("6 minutes", "no more than 10 days"): durations, not dates. `value` is an ISO
    /// 8601 period (`P10D`) where the unit has one; a range ("1-2 years") has none.
    #[serde(default)]
    pub durations: Vec<DateFact>,
    /// What the thread asks, what was answered and what the replies say, verbatim.
    #[serde(default)]
    pub digest: Digest,
}

/// The thread in a few verbatim lines: the opening post's point, the key posts (answer, outcome, ...)
/// and the replies that carry the discussion. Every line names its post.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Digest {
    /// 1-2 sentences of the first post: what it asks or claims.
    #[serde(default)]
    pub opening: Vec<SummarySentence>,
    /// The posts a reader most needs: `"answer"`, `"outcome"`, `"most liked"`, `"main counterpoint"`, ...
    #[serde(default)]
    pub answers: Vec<KeyPost>,
    /// For long threads, the 2-4 most informative other replies, one sentence each.
    #[serde(default)]
    pub replies: Vec<KeyPost>,
}

/// A post of the digest, with why it was chosen and its own sentences, verbatim.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct KeyPost {
    /// What the post is to the thread: `"answer"`, `"outcome"`, `"most liked"`, `"top reply"`,
    /// `"most quoted"`, `"main counterpoint"`, `"reply"`.
    pub label: String,
    /// The page signal (or content) it was chosen by: `"accepted"`, `"solved title"`, `"asker thanks"`,
    /// `"asker quotes"`, `"asker follow-up"`, `"score"`, `"ranking"`, `"quoted"`, `"votes"`, `"content"`.
    pub signal: String,
    /// Index into `Summary::posts`.
    pub post: usize,
    pub author: Option<String>,
    /// The post's score where the board shows one.
    #[serde(default)]
    pub score: Option<i64>,
    /// How many later posts quote it.
    #[serde(default)]
    pub quoted_by: usize,
    /// 1-2 of its own sentences (never text it quotes), verbatim.
    pub sentences: Vec<String>,
    /// The post's element id on the page, and its permalink, where known.
    #[serde(default)]
    pub anchor: Option<String>,
    #[serde(default)]
    pub permalink: Option<String>,
}

/// A sentence of the page chosen for the summary, verbatim.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SummarySentence {
    pub text: String,
    pub post: usize,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
}

/// A person, organisation or place, with all the forms the thread uses for it merged.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entity {
    /// The fullest form found in the page.
    pub name: String,
    pub kind: EntityKind,
    /// How many times any of its forms occurs in the thread.
    pub mentions: usize,
    /// The post where it is first mentioned.
    pub post: usize,
    /// Other forms found in the page (short names, acronyms).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A role the text gives it ("Kazakhstan's president"), verbatim.
    #[serde(default)]
    pub role: Option<String>,
}

/// A number with what it counts.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Quantity {
    /// The phrase as it stands in the page ("almost 10,000 people").
    pub text: String,
    pub value: f64,
    /// What is counted ("troops", "people detained"), from the page's own words.
    pub what: String,
    /// "about", "almost", "at least", "no more than", ... as written; null when the number is exact.
    pub qualifier: Option<String>,
    /// Unit, currency or "%" where there is one.
    #[serde(default)]
    pub unit: Option<String>,
    pub post: usize,
    /// Upper end of a range ("2,300 to 2,500 troops": `value` 2300, `max` 2500).
    #[serde(default)]
    pub max: Option<f64>,
    /// Index in `Facts::quantities` of the larger count this one is part of ("including 16 law
    /// enforcement officers" after "at least 164 people died").
    #[serde(default)]
    pub part_of: Option<usize>,
}

/// A date or time mentioned in the text.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct DateFact {
    pub text: String,
    /// ISO 8601 date when it can be resolved (against the post's own time for relative dates).
    pub value: Option<String>,
    pub post: usize,
}

/// A direct quotation with its speaker. The same quotation found in several places is one `Quote`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Quote {
    pub text: String,
    pub speaker: Option<String>,
    pub post: usize,
    /// Every post it was found in (first is `post`).
    #[serde(default)]
    pub posts: Vec<usize>,
}

/// A work the thread mentions (a title in quotes, a paper, a book, a product or a program with its
/// version), verbatim.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Work {
    pub name: String,
    pub post: usize,
    /// Every post it is mentioned in (first is `post`).
    #[serde(default)]
    pub posts: Vec<usize>,
}

/// An external page the thread cites.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Source {
    pub url: String,
    pub domain: String,
    /// The headline, where the page gives one next to the link.
    pub title: Option<String>,
    /// The posts that cite it.
    #[serde(default)]
    pub posts: Vec<usize>,
}

/// The same measure given different values in different places.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Conflict {
    /// What is measured ("troops").
    pub what: String,
    pub claims: Vec<Claim>,
}

/// One side of a [`Conflict`].
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Claim {
    pub text: String,
    pub value: f64,
    pub post: usize,
    /// URL of the source the claim sits under, where the post quotes several.
    pub source: Option<String>,
}

/// Counts over the whole thread.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Stats {
    pub posts: usize,
    pub participants: usize,
    /// Earliest and latest post time (ISO 8601), where known.
    pub first: Option<String>,
    pub last: Option<String>,
    pub words: usize,
    /// Who posted most (two posts or more), most first.
    #[serde(default)]
    pub most_active: Vec<Poster>,
    /// Index in `posts` of the reply with the highest score, where the board shows scores.
    #[serde(default)]
    pub top_reply: Option<usize>,
}

/// A participant and how many posts of the page are theirs.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Poster {
    pub author: String,
    pub posts: usize,
}

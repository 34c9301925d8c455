//! Answers and outcome: the post(s) a reader most needs, from the page's own signals first, then content.
//!
//! In order: the post the board marks accepted or as the solution; the asker's later post saying what
//! worked, or thanking while it tells what happened ("Outcome", signal "solved title" where the title
//! says solved) and the reply the asker thanks
//! or quotes while saying it worked (nothing when no post of the asker points to one); the top-scored reply; on ranked boards (Hacker
//! News, Lobsters) the first top-level reply; the reply most quoted; the reply the next one opens by
//! agreeing with; the reply voted down most, or one
//! that quotes a key post to disagree ("Main counterpoint"). Without any signal, the reply that takes up
//! the question most (by content).

use super::asker::{
    answers_reply, decision, quoted_reply, reports_back, says, solution, thanked, worked, THANKS, WORKED,
};
use super::Context;
use crate::model::KeyPost;

/// Key posts shown at most (a main counterpoint may come on top).
const MAX_ANSWERS: usize = 3;
/// Sentences shown of a key post.
const SENTENCES: usize = 2;
/// A post quoted by this many replies is a key post.
const MIN_QUOTED_BY: usize = 1;
/// Boards that order replies by rank when they show no score for them.
const RANKED_PLATFORMS: &[&str] = &["hackernews", "lobsters"];
/// A short own line (no sentence passed the filters) is shown whole up to this length.
const MAX_LINE_CHARS: usize = 200;
/// Titles that say the thread is solved (lowercase, matched at a word start: "unsolved" is not solved).
const SOLVED_TITLES: &[&str] = &[
    "solved",
    "gelöst",
    "erledigt",
    "resolvido",
    "résolu",
    "resolu",
    "solucionado",
    "resuelto",
    "risolto",
    "opgelost",
    "[fixed]",
];
/// Words before a solved marker that deny it ("not solved", "nicht gelöst", "non risolto", "não resolvido").
const NEGATIONS: &[&str] = &["not", "nicht", "noch", "non", "não", "nao", "no", "pas", "niet", "still", "yet"];
/// Words that give advice or an explanation, in the languages the boards use (lowercase, matched at a
/// word start): answers tell what to do or why.
const ANSWER_CUES: &[&str] = &[
    "you can",
    "you could",
    "you should",
    "you need",
    "you have to",
    "try ",
    "make sure",
    "use ",
    "install",
    "check ",
    "because",
    "the reason",
    "the problem is",
    "the issue is",
    "it depends",
    "i would",
    "i recommend",
    "i suggest",
    "i'd ",
    "works on",
    "this works",
    "set ",
    "du kannst",
    "du musst",
    "du solltest",
    "musst du",
    "solltest du",
    "am besten",
    "ihr könnt",
    "versuch",
    "probier",
    "installier",
    "weil",
    "deshalb",
    "das liegt",
    "es liegt",
    "ich würde",
    "ich empfehle",
    "vous pouvez",
    "vous devez",
    "tu peux",
    "tu dois",
    "il faut",
    "il suffit",
    "je te conseille",
    "je vous conseille",
    "essaie",
    "essaye",
    "essayez",
    "parce que",
    "je dirais",
    "je conseille",
    "puedes",
    "debes",
    "intenta",
    "porque",
    "você pode",
    "tente",
    "puoi",
    "prova",
];
/// Weight of the share of a reply's sentences that give advice or a reason.
const CUE_WEIGHT: f64 = 0.4;
/// Weight taken off for the share of a reply's sentences that are questions (a reply that asks is a
/// follow-up question, not an answer).
const QUESTION_WEIGHT: f64 = 0.5;
/// Earlier replies lead a little: answers come before the thanks and the chat.
const EARLY_WEIGHT: f64 = 0.2;
/// Openings of a reply that disagrees with the post it quotes (lowercase).
const DISAGREES: &[&str] = &[
    "i disagree",
    "not true",
    "that's wrong",
    "that is wrong",
    "nope",
    "no,",
    "not really",
    "i don't think so",
    "stimmt nicht",
    "falsch",
    "nein",
    "sehe ich anders",
    "pas d'accord",
    "pas d’accord",
    "faux",
    "pas vrai",
    "no es cierto",
    "não é verdade",
    "discordo",
    "non è vero",
];
pub(super) fn choose(ctx: &Context) -> Vec<KeyPost> {
    let posts = ctx.posts();
    if posts.len() < 2 {
        return Vec::new();
    }
    let mut out: Vec<KeyPost> = Vec::new();
    let add = |out: &mut Vec<KeyPost>, post: usize, label: &str, signal: &str, lines: Vec<String>| {
        // The counterpoint may come on top of the others: it is the other side, not one more of the same.
        let room = if label == "main counterpoint" { MAX_ANSWERS + 1 } else { MAX_ANSWERS };
        if out.len() < room && !lines.is_empty() && !out.iter().any(|k| k.post == post) {
            out.push(ctx.key_post(post, label, signal, lines));
        }
    };
    let solved = title_says_solved(&ctx.thread.title);
    if let Some(i) = (1..posts.len()).find(|&i| posts[i].accepted) {
        add(&mut out, i, "answer", "accepted", lines(ctx, i, &|_| false));
    }
    // The asker's last post saying what worked, and the reply the asker thanks.
    // Where the reader found no author for the first post, the thanks tell the asker: replies that thank.
    let asker_posts: Vec<usize> = match ctx.asker {
        Some(_) => (1..posts.len()).filter(|&i| ctx.by_asker(i)).collect(),
        None => (1..posts.len()).filter(|&i| says(ctx, i, THANKS)).collect(),
    };
    // Where the title says solved, the asker's last thanks is the outcome too ("Thanks, all sorted").
    let outcome = asker_posts
        .iter()
        .rev()
        .find(|&&i| worked(ctx, i))
        .or_else(|| asker_posts.iter().rev().find(|&&i| solved && says(ctx, i, THANKS)))
        .copied();
    // Without a word that it worked, the asker's last post telling what they did in the end.
    let decided = outcome.is_none().then(|| asker_posts.iter().rev().find(|&&i| decision(ctx, i).is_some())).flatten();
    let marked = out.iter().any(|k| k.signal == "accepted");
    if let Some(i) = outcome {
        // Where the title says solved, the reply the outcome points to (quoted, or thanked) is what solved
        // it: it comes first, the asker's word after it. Otherwise the asker's word leads and the reply
        // it points to follows (below).
        if let Some((k, signal)) = (solved && !marked).then(|| solution(ctx, i)).flatten() {
            add(&mut out, k, "answer", signal, lines(ctx, k, &|_| false));
        }
        let signal = if solved { "solved title" } else { "asker follow-up" };
        add(&mut out, i, "outcome", signal, lines(ctx, i, &|l| WORKED.iter().any(|w| l.contains(w))));
    }
    // Scores, then rank, then quotes.
    let top = (1..posts.len())
        .filter_map(|i| posts[i].score.filter(|&s| s > 0).map(|s| (s, i)))
        .max_by_key(|&(s, i)| (s, std::cmp::Reverse(i)));
    if let Some((_, i)) = top {
        add(&mut out, i, "most liked", "score", lines(ctx, i, &|_| false));
    } else if RANKED_PLATFORMS.contains(&ctx.thread.platform.as_str()) {
        if let Some(i) = (1..posts.len()).find(|&i| posts[i].depth <= posts[0].depth.max(1) && !ctx.by_asker(i)) {
            add(&mut out, i, "top reply", "ranking", lines(ctx, i, &|_| false));
        }
    }
    // The reply the asker thanks, where the board marks no answer itself: the first thanks that points to a
    // reply, a thanks that says what for ("thanks for marking the issues") before a bare "thank you" (no
    // sentence of its own: a courtesy to whoever posted last, a moderator moving the thread).
    let mut thanking: Vec<usize> = asker_posts.iter().copied().filter(|&i| !marked && says(ctx, i, THANKS)).collect();
    crate::sort::sort_by_key(&mut thanking, |&i| (ctx.by_post[i].is_empty(), i));
    if !thanking.is_empty() {
        if let Some(k) = thanking.iter().find_map(|&i| thanked(ctx, i)) {
            add(&mut out, k, "answer", "asker thanks", lines(ctx, k, &|_| false));
        }
    } else if let Some(k) =
        asker_posts.iter().filter(|&&i| !marked && worked(ctx, i)).find_map(|&i| quoted_reply(ctx, i))
    {
        // Without thanks, the reply the asker quotes while saying it worked ("That did it!").
        add(&mut out, k, "answer", "asker quotes", lines(ctx, k, &|_| false));
    }
    // The asker's word on what they did in the end ("I ended up ordering ..."), a weaker sign than "that
    // worked": it follows the page's signals above.
    if let Some(&i) = decided {
        let said = decision(ctx, i).map(str::to_lowercase);
        add(&mut out, i, "outcome", "asker follow-up", lines(ctx, i, &|l| said.as_deref() == Some(l)));
    }
    // Without a word that it worked, the asker's last thanks telling what happened is the outcome too; it
    // follows the answer it thanks, as it is the weaker sign.
    if let Some(&i) =
        asker_posts.iter().rev().find(|&&i| outcome.is_none() && decided.is_none() && reports_back(ctx, i))
    {
        add(&mut out, i, "outcome", "asker follow-up", lines(ctx, i, &|_| false));
    }
    // The asker's own posts are quoted as the question goes on; the most quoted reply is someone else's.
    // A question quoted to answer it is not what the reader needs: its answer is (above, or by content).
    let quoted = (1..posts.len())
        .filter(|&i| ctx.quoted_by[i] >= MIN_QUOTED_BY && !ctx.by_asker(i) && !only_asks(ctx, i))
        .max_by_key(|&i| (ctx.quoted_by[i], std::cmp::Reverse(i)));
    if let Some(i) = quoted {
        add(&mut out, i, "most quoted", "quoted", lines(ctx, i, &|_| false));
    }
    // The reply the next reply opens by agreeing with ("This is absolutely true."): readers took it up.
    let agreed = (1..posts.len())
        .filter(|&i| ctx.agreed_by[i] > 0 && !ctx.by_asker(i) && !only_asks(ctx, i))
        .max_by_key(|&i| (ctx.agreed_by[i], std::cmp::Reverse(i)));
    // A reply taken up by its next one, or chosen by content, answers where the thread asks.
    let taken_up = if posts[0].text.contains('?') || ctx.thread.title.contains('?') { "answer" } else { "reply" };
    if let Some(i) = agreed {
        add(&mut out, i, taken_up, "agreed", lines(ctx, i, &|_| false));
    }
    // Without any page signal: the reply that takes up the question most.
    if out.is_empty() {
        if let Some(i) = by_content(ctx) {
            add(&mut out, i, taken_up, "content", lines(ctx, i, &|_| false));
        }
    }
    // The asker answering a reply (quoting its question or point, or naming its author): what the thread's author adds, after
    // the replies the page weighs and the answer by content.
    if let Some(&i) = asker_posts.iter().find(|&&i| answers_reply(ctx, i)) {
        add(&mut out, i, "reply", "asker answers", lines(ctx, i, &|_| false));
    }
    if let Some(i) = counterpoint(ctx, &out) {
        let signal = if posts[i].score.is_some_and(|s| s < 0) { "votes" } else { "quotes and disagrees" };
        add(&mut out, i, "main counterpoint", signal, lines(ctx, i, &|_| false));
    }
    out
}
/// The title says the thread is solved: a marker at a word start, not denied by the word before it.
pub(super) fn title_says_solved(title: &str) -> bool {
    let t = title.to_lowercase();
    SOLVED_TITLES.iter().any(|m| {
        t.match_indices(m).any(|(at, _)| {
            let before = &t[..at];
            let starts_word = !before.chars().next_back().is_some_and(char::is_alphanumeric);
            let previous = before.split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty());
            starts_word && !previous.is_some_and(|w| NEGATIONS.contains(&w))
        })
    })
}
/// Every own sentence of the post asks (or it has none): a question, not an answer.
fn only_asks(ctx: &Context, post: usize) -> bool {
    ctx.by_post[post].iter().all(|c| c.text.trim_end().ends_with('?'))
}
/// The reply (not the asker's) whose sentences take up the first post most, weighted by how central
/// they are and how much the reply says, and by the replies that quote it (`replies::weight`).
fn by_content(ctx: &Context) -> Option<usize> {
    (1..ctx.posts().len())
        .filter(|&i| !ctx.by_asker(i) && !ctx.by_post[i].is_empty())
        .map(|i| (super::replies::weight(ctx, i), i))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, i)| i)
}
/// A reply's content score: its two best sentences (centrality and on-topic share), its length, how much
/// of it advises or explains rather than asks, and (a little) how early it comes.
pub(super) fn content_score(ctx: &Context, post: usize) -> f64 {
    let list = &ctx.by_post[post];
    let mut s: Vec<f64> = list.iter().map(|c| ctx.centrality(c) + ctx.on_topic(c)).collect();
    crate::sort::sort_by(&mut s, |a, b| b.total_cmp(a));
    let best: f64 = s.iter().take(2).sum::<f64>() / 2.0;
    let n = list.len().max(1) as f64;
    let asks = list.iter().filter(|c| c.text.trim_end().ends_with('?')).count() as f64 / n;
    let advises = list
        .iter()
        .filter(|c| {
            let l = c.text.to_lowercase();
            ANSWER_CUES.iter().any(|cue| opens_word(&l, cue))
        })
        .count() as f64
        / n;
    let early = 1.0 - post as f64 / ctx.posts().len().max(1) as f64;
    best + 0.15 * (s.len() as f64).ln_1p() + CUE_WEIGHT * advises - QUESTION_WEIGHT * asks + EARLY_WEIGHT * early
}
/// `cue` occurs in `text` at its start or right after a space (`" {text}"` holds `" {cue}"`). The plain
/// `contains` first: it is the fast test, and most sentences hold no cue.
fn opens_word(text: &str, cue: &str) -> bool {
    text.contains(cue) && text.match_indices(cue).any(|(i, _)| i == 0 || text.as_bytes()[i - 1] == b' ')
}

/// The reply voted down most, else a reply that quotes a key post and opens by disagreeing.
fn counterpoint(ctx: &Context, key: &[KeyPost]) -> Option<usize> {
    let posts = ctx.posts();
    let down = (1..posts.len()).filter_map(|i| posts[i].score.filter(|&s| s < 0).map(|s| (s, i))).min();
    if let Some((_, i)) = down {
        return Some(i);
    }
    (1..posts.len()).find(|&i| {
        let p = &posts[i];
        let quotes_key = p.quotes.iter().any(|q| {
            key.iter().any(|k| {
                q.author.is_some() && q.author == k.author
                    || posts[k.post].text.contains(q.text.trim().get(..30).unwrap_or("\u{0}"))
            })
        });
        let own = ctx.by_post[i].first().map(|c| c.text.to_lowercase()).unwrap_or_default();
        quotes_key && DISAGREES.iter().any(|d| own.starts_with(d))
    })
}
/// Lines shown for a key post: its sentence that `first` accepts (lowercased: the outcome phrase) first,
/// then its best sentences; a short own line when no sentence passed the filters.
fn lines(ctx: &Context, post: usize, first: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut out: Vec<String> = ctx.by_post[post]
        .iter()
        .filter(|c| first(&c.text.to_lowercase()))
        .take(1)
        .map(|c| c.text.to_string())
        .collect();
    for s in ctx.best_sentences(post, SENTENCES) {
        if out.len() < SENTENCES && !out.contains(&s) {
            out.push(s);
        }
    }
    let p = &ctx.posts()[post];
    if out.is_empty() && (ctx.by_asker(post) || !super::notice::is_notice(&p.text)) {
        let own = p.text.get(..super::signature::start(&p.text, p.author.as_deref())).unwrap_or("");
        let line = own.lines().map(str::trim).find(|l| !l.is_empty() && !p.quotes.iter().any(|q| q.text.contains(l)));
        if let Some(l) =
            line.filter(|l| l.chars().count() <= MAX_LINE_CHARS && super::super::sentences::is_summary_material(l))
        {
            out.push(l.to_string());
        }
    }
    out
}

//! What the asker's later posts say: that it worked, what they did in the end, whom they thank, which
//! reply they quote, a question of a reply they answer. The answers (`answers.rs`) read these signals.

use super::answers::content_score;
use super::Context;

/// The asker says it worked or what happened, in the languages the boards use (lowercase).
pub(super) const WORKED: &[&str] = &[
    "that did it",
    "that worked",
    "it worked",
    "this worked",
    "works now",
    "working now",
    "now working",
    "now works",
    "is working now",
    "solved",
    "fixed it",
    "that fixed",
    "did the trick",
    "found the solution",
    "i've found",
    "i have found",
    "i found the",
    "figured it out",
    "got it working",
    "problem is gone",
    "update:",
    "hat geholfen",
    "hat geklappt",
    "klappt jetzt",
    "klappt wieder",
    "hat sich erledigt",
    "hat funktioniert",
    "funktioniert jetzt",
    "funktioniert wieder",
    "läuft jetzt",
    "läuft wieder",
    "gelöst",
    "behoben",
    "habe es gefunden",
    "ça marche",
    "ça a marché",
    "ça a fonctionné",
    "c'est réglé",
    "c’est réglé",
    "problème réglé",
    "ça fonctionne",
    "résolu",
    "j'ai trouvé",
    "j’ai trouvé",
    "je vais donc",
    "funcionó",
    "funciona ahora",
    "resuelto",
    "solucionado",
    "funcionou",
    "resolvido",
    "consegui",
    "risolto",
    "funziona",
];
/// Words in the sentence of an asker's "it worked" that take it back: still, not yet, a hope, a
/// condition ("if forums still solved the problem", "hope that fixed it"), matched at a word start
/// (lowercase).
pub(super) const WORKED_DENIED: &[&str] = &[
    "still",
    "not yet",
    "hope",
    "would",
    "if ",
    "wenn ",
    "falls ",
    "noch nicht",
    "immer noch",
    "toujours pas",
    "pas encore",
    "ainda não",
    "todavía no",
    "ancora non",
];
/// The asker tells what they did in the end ("I dove in headfirst and ordered an Epson 5050UB"): a
/// first-person subject, then one of its verbs later in the same sentence (lowercase; an empty subject
/// where the verb's form is first person already). "Our daughter bought a house" has no such subject.
pub(super) const DECIDED: &[(&str, &str)] = &[
    ("i", "ordered"),
    ("i", "bought"),
    ("i", "purchased"),
    ("i", "went with"),
    ("i", "decided"),
    ("i", "ended up"),
    ("i", "pulled the trigger"),
    ("i", "settled on"),
    ("ich", "bestellt"),
    ("ich", "gekauft"),
    ("ich", "entschieden"),
    ("j'ai", "commandé"),
    ("j'ai", "acheté"),
    ("j'ai", "opté"),
    ("j’ai", "commandé"),
    ("j’ai", "acheté"),
    ("j’ai", "opté"),
    ("", "comprei"),
    ("", "encomendei"),
    ("", "optei"),
    ("", "compré"),
    ("", "me decidí"),
    ("ho", "comprato"),
    ("ho", "ordinato"),
];
/// Thanks addressed to everyone ("Thanks for all who comment", "Danke an alle"): they point to no one
/// reply (lowercase).
pub(super) const THANKS_ALL: &[&str] = &[
    "thanks all",
    "thanks everyone",
    "thanks everybody",
    "thanks guys",
    "thanks for all",
    "thanks to all",
    "thanks to everyone",
    "thank you all",
    "thank you everyone",
    "thank you guys",
    "thank you to all",
    "thank you to everyone",
    "danke an alle",
    "danke euch",
    "dank an alle",
    "merci à tous",
    "merci à toutes",
    "merci à vous",
    "obrigado a todos",
    "obrigada a todos",
    "gracias a todos",
    "grazie a tutti",
];
/// The asker thanks someone (lowercase prefixes).
/// Matched at a word start ([`mentions`]): "dank" is "Vielen Dank!" and "Dankeschön" too.
pub(super) const THANKS: &[&str] =
    &["thank", "thx", "danke", "dank", "bedankt", "merci", "gracias", "obrigad", "grazie", "dzięk", "cheers"];
/// Words of an asker's thanks that say it has not worked yet, or not been tried (lowercase): "Thanks,
/// but it still smells", "Danke, ich werde es probieren" are no outcome.
pub(super) const NOT_YET: &[&str] = &[
    "still",
    "n't",
    "n’t",
    "not ",
    "will try",
    "i'll try",
    "i’ll try",
    "going to try",
    "hope",
    "try it",
    "try that",
    "nicht",
    "noch",
    "werde",
    "hoffe",
    "pas ",
    "toujours",
    "vais essayer",
    "no funciona",
    "todavía",
    "probaré",
    "não",
    "ainda",
    "vou tentar",
    "non ",
    "ancora",
    "proverò",
];
/// Openings of a request (lowercase): an asker's "Could you explain what you mean with:" asks again,
/// whatever its last mark.
pub(super) const REQUESTS: &[&str] = &[
    "could you",
    "can you",
    "would you",
    "please",
    "kannst du",
    "könntest du",
    "könnt ihr",
    "pourriez-vous",
    "pouvez-vous",
    "peux-tu",
    "podrías",
    "podrian",
    "você pode",
    "potresti",
];
/// A quote is traced to the reply holding its opening this-many characters.
pub(super) const QUOTE_MATCH_CHARS: usize = 30;
/// The asker's later post thanks and tells what happened ("Poured it off and fed it. Bubbles after four
/// hours, thanks!"): it has a line of its own besides the thanks, asks nothing more (no question, no
/// [`REQUESTS`]), and says nothing of it not working yet ([`NOT_YET`]).
pub(super) fn reports_back(ctx: &Context, post: usize) -> bool {
    let own = &ctx.by_post[post];
    let lower = |t: &str| t.to_lowercase();
    ctx.by_asker(post)
        && says(ctx, post, THANKS)
        && own.iter().any(|c| !THANKS.iter().any(|t| mentions(&lower(c.text), t)))
        && !own
            .iter()
            .any(|c| c.text.trim_end().ends_with('?') || REQUESTS.iter().any(|r| lower(c.text).starts_with(r)))
        && !own.iter().any(|c| {
            let l = lower(c.text);
            NOT_YET.iter().any(|n| l.contains(n))
        })
}
/// The asker's post says it worked ([`WORKED`]), and not only in sentences that take it back
/// ([`WORKED_DENIED`], a question): "if forums still solved the problem" is no outcome.
pub(super) fn worked(ctx: &Context, post: usize) -> bool {
    if !says(ctx, post, WORKED) {
        return false;
    }
    let mut hits =
        ctx.by_post[post].iter().map(|c| c.text.to_lowercase()).filter(|l| WORKED.iter().any(|w| l.contains(w)));
    let first = hits.next();
    first.is_none() || first.into_iter().chain(hits).any(|l| !denied(&l))
}
/// A sentence (lowercase) that asks, or takes back what it says ([`WORKED_DENIED`]).
pub(super) fn denied(l: &str) -> bool {
    let padded = format!(" {l}");
    l.trim_end().ends_with('?') || WORKED_DENIED.iter().any(|w| padded.contains(&format!(" {w}")))
}
/// Words between an asker's "I" and a [`DECIDED`] verb at most: "I dove in headfirst and ordered" is
/// one act; an "I" far back in a long sentence is the subject of another clause.
const DECIDED_REACH: usize = 6;
/// Words that open another subject between "I" and the verb (lowercase, whole words): "I heard he ended
/// up selling it", "I think my brother bought one", "I know someone who went with Epson" tell another
/// person's act, not the asker's. Only words that are subjects wherever they stand: articles, "it",
/// "your" and the German "es", "sie" are objects as often ("I took it back and bought", "ich habe es
/// bestellt").
const OTHER_SUBJECTS: &[&str] = &[
    "he", "she", "they", "we", "someone", "somebody", "everyone", "people", "who", "my", "his", "her", "their", "our",
    "er", "wir", "man", "il", "elle", "ils", "elles", "nous", "on", "qui", "ele", "ela", "eles", "elas", "nós", "él",
    "ella", "ellos", "ellas", "nosotros", "lui", "lei", "loro", "noi",
];
/// The asker's sentence telling what they did in the end ([`DECIDED`]), not a question nor taken back, in
/// a post that asks nothing more ("I decided I want a job that spares my health. Do you cancel plans
/// often?" is the question going on). The act is the asker's own: the verb follows a first-person
/// subject within [`DECIDED_REACH`] words with no other subject ([`OTHER_SUBJECTS`]) between them, and
/// the post is the asker's (a thread whose first post has no author has no asker to decide).
pub(super) fn decision<'a>(ctx: &Context<'a>, post: usize) -> Option<&'a str> {
    let list = ctx.by_post.get(post)?;
    if !ctx.by_asker(post) || list.iter().any(|c| c.text.trim_end().ends_with('?')) {
        return None;
    }
    list.iter().map(|c| c.text).find(|t| {
        let l = t.to_lowercase();
        let words: Vec<&str> =
            l.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')).filter(|w| !w.is_empty()).collect();
        !denied(&l) && DECIDED.iter().any(|(subject, verb)| own_act(&words, subject, verb))
    })
}
/// The sentence's words hold `verb` (one or more words) as the act of `subject` (see [`decision`]); an
/// empty subject is a verb form that is first person itself ("comprei"), at the sentence's start.
fn own_act(words: &[&str], subject: &str, verb: &str) -> bool {
    let verb: Vec<&str> = verb.split(' ').collect();
    (0..words.len()).filter(|&k| words[k..].starts_with(&verb)).any(|at| {
        if subject.is_empty() {
            return at <= DECIDED_REACH && !words[..at].iter().any(|w| OTHER_SUBJECTS.contains(w));
        }
        let from = at.saturating_sub(DECIDED_REACH + 1);
        words[from..at]
            .iter()
            .rposition(|w| *w == subject)
            .is_some_and(|s| !words[from + s + 1..at].iter().any(|w| OTHER_SUBJECTS.contains(w)))
    })
}
/// The asker's post quotes another poster and answers them: a question they asked, or a point they made
/// ("Makes sense to bring back Edwards" quoted, then "not sure it helps to bring back Edwards"), the
/// thread's author taking up a reply. It has own sentences and none of them asks (a post asking back is
/// the question going on).
pub(super) fn answers_quote(ctx: &Context, post: usize) -> bool {
    let p = &ctx.posts()[post];
    let other = |q: &crate::model::PostQuote| q.author.as_deref().is_none_or(|a| Some(a) != ctx.asker);
    p.quotes.iter().any(other)
        && !ctx.by_post[post].is_empty()
        && !ctx.by_post[post].iter().any(|c| c.text.contains('?'))
}
/// The asker's post speaks to an earlier replier by name in its first this-many words ("Hey Lauren!
/// Happy to connect on this."): it answers that reply.
const ADDRESS_WORDS: usize = 3;
/// Marks after a name that speak to its bearer ("Lauren!", "Lauren,", "Lauren:").
const ADDRESS_MARKS: &[char] = &['!', ',', ':'];
/// A name part shorter than this is no name to match ("Al", initials).
const MIN_NAME_CHARS: usize = 3;
/// Own sentences at least in an asker's post that answers a replier by name: a line of greeting says
/// nothing yet.
const ADDRESS_SENTENCES: usize = 2;
/// The asker's post answers a reply: it quotes another poster ([`answers_quote`]), or
/// it opens by naming an earlier replier ([`ADDRESS_WORDS`]) and goes on to say something
/// ([`ADDRESS_SENTENCES`]), asking nothing back.
pub(super) fn answers_reply(ctx: &Context, post: usize) -> bool {
    answers_quote(ctx, post) || addresses_replier(ctx, post)
}
fn addresses_replier(ctx: &Context, post: usize) -> bool {
    let own = &ctx.by_post[post];
    if !ctx.by_asker(post) || own.len() < ADDRESS_SENTENCES || own.iter().any(|c| c.text.contains('?')) {
        return false;
    }
    let posts = ctx.posts();
    // Words spoken to: a word of the opening followed by a mark of address ("Hey Lauren!", "Lauren, the
    // form ..."); "The greenhouse hit 34 degrees" speaks to no Greenhouse_Gina.
    let text = posts[post].text.trim_start();
    let mut opening: Vec<String> = Vec::new();
    let mut rest = text;
    for _ in 0..ADDRESS_WORDS {
        let start = rest.find(char::is_alphanumeric).unwrap_or(rest.len());
        let word_end = rest[start..].find(|c: char| !c.is_alphanumeric()).map_or(rest.len(), |e| start + e);
        if start == word_end {
            break;
        }
        if rest[word_end..].starts_with(ADDRESS_MARKS) || rest[word_end..].starts_with('\n') {
            opening.push(rest[start..word_end].to_lowercase());
        }
        rest = &rest[word_end..];
    }
    (1..post).any(|k| {
        !ctx.by_asker(k)
            && posts[k].author.as_deref().is_some_and(|a| {
                a.split(|c: char| !c.is_alphanumeric())
                    .find(|w| !w.is_empty())
                    .is_some_and(|n| n.chars().count() >= MIN_NAME_CHARS && opening.contains(&n.to_lowercase()))
            })
    })
}
/// Words that open like a signal phrase but say something else (lowercase, whole words): "Thankfully
/// the fare did not change" thanks nobody, "a thankless task" neither.
const LOOKALIKES: &[&str] = &["thankfully", "thankless", "thanksgiving", "merciless", "mercilessly"];
/// The post's own text says one of `phrases` (not only in the text it quotes).
pub(super) fn says(ctx: &Context, post: usize, phrases: &[&str]) -> bool {
    let p = &ctx.posts()[post];
    let lower = p.text.to_lowercase();
    let quoted: Vec<String> = p.quotes.iter().map(|q| q.text.to_lowercase()).collect();
    phrases.iter().any(|ph| mentions(&lower, ph) && !quoted.iter().any(|q| q.contains(ph)))
}
/// A lowercase text holds `phrase` at a word start ("commercial" holds no "merci", "unsolved" no "solved"),
/// not as the start of a look-alike word ([`LOOKALIKES`]).
pub(super) fn mentions(lower: &str, phrase: &str) -> bool {
    lower.match_indices(phrase).any(|(at, _)| {
        let starts_word = !lower[..at].chars().next_back().is_some_and(char::is_alphanumeric);
        let word = lower[at..].split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        starts_word && !LOOKALIKES.contains(&word)
    })
}
/// The reply an asker's thanks are for: the one it quotes (by the quote's text or its author) or whose
/// author it names, else the latest earlier reply by someone else.
pub(super) fn thanked(ctx: &Context, asker_post: usize) -> Option<usize> {
    let posts = ctx.posts();
    let p = &posts[asker_post];
    let lower = p.text.to_lowercase();
    // Thanks to everyone name no one: neither the reply the post quotes (what it answers) nor the latest.
    if THANKS_ALL.iter().any(|t| lower.contains(t)) {
        return None;
    }
    if let Some(k) = quoted_reply(ctx, asker_post) {
        return Some(k);
    }
    let named = (1..asker_post).rev().find(|&k| {
        !ctx.by_asker(k)
            && posts[k].author.as_deref().is_some_and(|a| {
                let a = a.to_lowercase();
                a.chars().count() >= 3
                    && (lower.contains(&a)
                        || p.quotes.iter().any(|q| q.author.as_deref().is_some_and(|qa| qa.eq_ignore_ascii_case(&a))))
            })
    });
    let k = named.or_else(|| (1..asker_post).rev().find(|&k| !ctx.by_asker(k) && !ctx.by_post[k].is_empty()))?;
    // Thanks go to the person: of their posts before the thanks, the one that says most (not the short
    // correction after it).
    let author = posts[k].author.as_deref();
    (1..asker_post)
        .filter(|&j| author.is_some() && posts[j].author.as_deref() == author)
        .max_by(|&a, &b| content_score(ctx, a).total_cmp(&content_score(ctx, b)).then(b.cmp(&a)))
        .or(Some(k))
}
/// The reply an asker's outcome post points to, and how: the one it quotes, else (when it thanks) the one
/// it thanks.
pub(super) fn solution(ctx: &Context, outcome: usize) -> Option<(usize, &'static str)> {
    if let Some(k) = quoted_reply(ctx, outcome) {
        return Some((k, "asker quotes"));
    }
    says(ctx, outcome, THANKS).then(|| thanked(ctx, outcome)).flatten().map(|k| (k, "asker thanks"))
}
/// The latest earlier reply (not the asker's) holding the opening words of a quote in the asker's post as
/// its own words (a reply that quotes them in turn is not where they were written).
pub(super) fn quoted_reply(ctx: &Context, asker_post: usize) -> Option<usize> {
    let posts = ctx.posts();
    let openings: Vec<String> = posts[asker_post]
        .quotes
        .iter()
        .map(|q| q.text.trim().chars().take(QUOTE_MATCH_CHARS).collect::<String>())
        .filter(|o| o.chars().count() == QUOTE_MATCH_CHARS)
        .collect();
    (1..asker_post).rev().find(|&k| {
        !ctx.by_asker(k)
            && openings.iter().any(|o| {
                posts[k].text.contains(o.as_str()) && !posts[k].quotes.iter().any(|q| q.text.contains(o.as_str()))
            })
    })
}

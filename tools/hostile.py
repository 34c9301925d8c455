#!/usr/bin/env python3
"""Writes tests/fixtures/hostile.html: a thread page whose posts try every way to run code in a reader's card.

Every payload, if it ever ran inside ThreadCard's card, marks the page (data-pwned on <html>); the page's own
handlers only mark it when they find themselves outside the page's document (a copy in the card's shadow root).
Run from the repository root: python3 tools/hostile.py
"""

import html
import json

MARK = "document.documentElement.setAttribute('data-pwned', '{}')"
# Fires only for a copy living in another root (the card), not for the page's own element.
IF_COPIED = "if (this.getRootNode() !== document) " + MARK

HUGE_LINES = 2600  # ~330 KB of text in one post

# Text payloads: what a board shows as text (escaped in the page), each of which would be live markup,
# a live link, a terminal escape or reordered text if an export let it through unescaped. %M% is a script
# that marks the page.
TEXT_PAYLOADS = [
    "<script>%M%</script>",
    "<img src=x onerror=\"%M%\">",
    "<svg onload=\"%M%\">",
    "<iframe src=\"javascript:%M%\"></iframe>",
    "<a href=\"javascript:%M%\">html link</a>",
    "[md link](javascript:%M%)",
    "![md image](javascript:%M%)",
    "<javascript:%M%>",
    "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "```\n<img src=x onerror=\"%M%\">\n```",
    "<details open ontoggle=\"%M%\">",
    "<style>*{display:none}</style>",
    "<!-- c --><b onclick=\"%M%\">comment then tag</b>",
    "&lt;script&gt;%M%&lt;/script&gt;",
    "&#x3C;img src=x onerror=\"%M%\"&#x3E;",
    "\\<script>%M%</script>",
    "\\\\<img src=x onerror=\"%M%\">",
    "*bold* _em_ **strong** ~~struck~~ ==marked==",
    "| a | b |\n|---|---|\n| <img src=x onerror=\"%M%\"> | c |",
    "# heading {onclick=\"%M%\"}",
    "<math><mi xlink:href=\"javascript:%M%\">m</mi></math>",
    "<object data=\"javascript:%M%\"></object>",
    "<embed src=\"javascript:%M%\">",
    "<form action=\"javascript:%M%\"><button>go</button></form>",
    "<base href=\"javascript:%M%//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:%M%\">",
    "<link rel=\"stylesheet\" href=\"javascript:%M%\">",
    "\"><img src=x onerror=\"%M%\">",
    "'><svg onload='%M%'>",
    "escape \x1b[31mred\x1b[0m and \x1b]0;retitled\x07 and \x1b[2J",
    "bell \x07 backspace \x08 delete \x7f nul-ish \x01 vt \x0b ff \x0c cr \r",
    "C1 controls \x85 \x9b31m \x9d0;t\x9c",
    "bidi \u202ereversed\u202c \u2066isolate\u2069 \u202aembed\u202c \u202bx\u202d\u2067\u2068",
    "<a href=\"https://ok.example/\" onclick=\"%M%\">handler on a good link</a>",
    "<noscript><p title=\"</noscript><img src=x onerror=%M%>\">",
    "<template><img src=x onerror=\"%M%\"></template>",
    "<xmp><img src=x onerror=\"%M%\"></xmp>",
    "<textarea></textarea><img src=x onerror=\"%M%\">",
    "javascript:%M%",
    "<https://ok.example/> <mailto:a@b.example>",
    "[t](https://ok.example/ \"title\\\" onmouseover=%M%\")",
    "<a href=&#106;avascript:%M%>entity scheme</a>",
    "<IMG SRC=JaVaScRiPt:%M%>",
    "<div style=\"background:url(javascript:%M%)\">styled</div>",
    "<svg><script>%M%</script></svg>",
    "<video><source onerror=\"%M%\"></video>",
    "<body onload=\"%M%\">",
    "<input autofocus onfocus=\"%M%\">",
    "[ref]: javascript:%M%\n[ref]",
    "<?php echo 1; ?> <![CDATA[ x ]]> <!DOCTYPE y>",
    "https://ok.example/<img src=x onerror=\"%M%\">",
    "$\\href{javascript:%M%}{math}$ and {#id .class onclick=%M%}",
    "[[wiki|javascript:%M%]] and [^note] and - [ ] task",
]

# URL payloads: link targets and image sources. Only http, https and mailto may come out as links, and
# those percent-encoded where Markdown would end or bend them.
URL_PAYLOADS = [
    "javascript:%M%",
    "JaVaScRiPt:%M%",
    " \tjavascript:%M%",
    "java\tscript:%M%",
    "java\nscript:%M%",
    "javascript&colon;%M%",
    "&#106;avascript:%M%",
    "data:text/html,<script>%M%</script>",
    "vbscript:%M%",
    "https://ok.example/a b<img src=x onerror=\"%M%\">",
    "https://ok.example/x)](javascript:%M%)",
    "https://ok.example/x>\"<svg onload=%M%>",
    "https://ok.example/back\\slash\\",
    "https://ok.example/esc\x1b[31m\x07bell",
    "https://ok.example/\u202egnp.exe",
    "https://ok.example/tab\t(paren)",
    "//evil.example/protocol-relative",
    "https://ok.example/\"onmouseover=\"%M%",
    "https://ok.example/nl\n\n<script>%M%</script>",
    "mailto:a@b.example?subject=<img src=x onerror=\"%M%\">",
    "file:///etc/passwd",
    "ftp://ok.example/file",
    "https://ok.example/`tick`*star*_under_",
    "about:blank",
]


def huge_post():
    topics = ["supply lines", "winter tyres", "grain prices", "river levels", "bus timetables", "radio masts"]
    lines = []
    for i in range(HUGE_LINES):
        t = topics[i % len(topics)]
        lines.append(f"<p>Line {i + 1} of the long report: the committee looked again at {t} and found "
                     f"{i * 7 % 1000} open questions, which it will answer next week.</p>")
    return "\n".join(lines)


def mark(payload, where):
    return payload.replace("%M%", MARK.format(where))


def text(payload, where):
    """A payload as page text: escaped the way a board escapes what users type."""
    return html.escape(mark(payload, where), quote=True)


def attr(payload, where):
    """A payload as an attribute value: only the quote is escaped, so `&#106;` and `&colon;` decode."""
    return mark(payload, where).replace('"', "&quot;")


def payload_posts():
    """Posts 4 to 6: every text payload in the author, the body, a quoted author, code and a headline;
    every URL payload as a link, a link whose text is its URL, and an image."""
    n = len(TEXT_PAYLOADS)
    body = "\n".join(f"    <p>Text payload {i}: {text(t, f'body-{i}')}</p>" for i, t in enumerate(TEXT_PAYLOADS))
    links = "\n".join(
        f"    <p>URL payload {j}: <a href=\"{attr(u, f'link-{j}')}\">{text(TEXT_PAYLOADS[j % n], f'linktext-{j}')}</a>,"
        f" bare <a href=\"{attr(u, f'auto-{j}')}\">{text(u, f'auto-{j}')}</a>,"
        f" image <img src=\"{attr(u, f'img-{j}')}\" alt=\"{attr(TEXT_PAYLOADS[(j + 1) % n], f'alt-{j}')}\"></p>"
        for j, u in enumerate(URL_PAYLOADS)
    )
    quotes = "\n".join(
        f"    <blockquote data-author=\"{attr(t, f'qauthor-{i}')}\"><cite>{text(t, f'cite-{i}')} wrote:</cite>"
        f"<p>Quoted words number {i} about the river crossing and the spring floods.</p></blockquote>"
        for i, t in enumerate(TEXT_PAYLOADS[:12])
    )
    code = "\n".join(
        f"    <pre>{text(t, f'pre-{i}')}\n\x1b[31mred\x07 ```\n</pre><p>Inline <code>{text(t, f'code-{i}')} `\x1b]0;t\x07`</code>.</p>"
        for i, t in enumerate(TEXT_PAYLOADS[:12])
    )
    speech = (
        f"    <p>“We will keep the river crossing closed until the spring floods pass,” said Evelyn Marsh"
        f" {text(TEXT_PAYLOADS[1], 'speaker')}\u202e.</p>\n"
        f"    <p>Headline {text(TEXT_PAYLOADS[0], 'headline')} flood report</p>\n"
        f"    <p><a href=\"https://news.example/flood-report-script\">https://news.example/flood-report-script</a></p>"
    )
    author = text("eve<svg/onload=alert(1)>\u202e\x1b[31m", "author")
    return f"""
<article class="post" id="p4">
  <header><a class="author" href="javascript:{MARK.format('author-href')}">{author}</a> <time datetime="2024-03-01T13:00:00Z">1 Mar 2024, 13:00</time></header>
  <div class="body">
{body}
  </div>
</article>

<article class="post" id="p5">
  <header><a class="author" href="/u/oscar">oscar</a> <time datetime="2024-03-01T14:00:00Z">1 Mar 2024, 14:00</time></header>
  <div class="body">
{links}
{speech}
  </div>
</article>

<article class="post" id="p6">
  <header><a class="author" href="/u/peggy">peggy</a> <time datetime="2024-03-01T15:00:00Z">1 Mar 2024, 15:00</time></header>
  <div class="body">
{quotes}
{code}
  </div>
</article>
"""


# The thread's own fields: pagination (rel=next in the head, rel=prev as an anchor), canonical, breadcrumb,
# title.
NEXT = attr("?page=3 x)](javascript:%M%)<img src=x onerror=%M%>\t\x1b[31m\u202e", "next")
NEXT_ANCHOR = attr("https://board.example/t/hostile?page=3&x=<script>%M%</script> (y)\\", "next-anchor")
PREV = attr("java\tscript:%M%", "prev")
CANONICAL = attr("javascript:%M%", "canonical")
CRUMB_HREF = attr("javascript:%M%", "crumb-href")
CRUMB = text("<img src=x onerror=%M%> [c](javascript:%M%) \u202e\x1b[31m{onclick=%M%}", "crumb")
TITLE = text("[t](javascript:%M%) `x` \x1b[31m\x07\u202e {#id onclick=%M%} $x$", "title")
POSTS = payload_posts()

PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Hostile thread: &lt;script&gt;alert(1)&lt;/script&gt; {TITLE} - Test Board</title>
<style>
/* A page that styles everything hard: none of it may reach the card, and the card's styles must not reach here. */
h1 {{ color: rgb(200, 0, 0) !important; font-size: 40px !important; font-family: serif !important; }}
button {{ display: none !important; }}
p {{ letter-spacing: 3px; }}
.tc-card, .tc-title {{ display: none !important; }}
</style>
<script>document.documentElement.setAttribute("data-page-script", "ran");</script>
<link rel="next" href="{NEXT}">
<link rel="canonical" href="{CANONICAL}">
</head>
<body>
<nav class="breadcrumb"><a href="/">Test Board</a> › <a href="/f/security">Security</a> › <a href="{CRUMB_HREF}">{CRUMB}</a></nav>
<h1 class="thread-title">Hostile thread: &lt;img src=x onerror=alert(1)&gt; and friends {TITLE}</h1>
<div class="posts">

<article class="post" id="p1">
  <header><a class="author" href="/u/mallory">mallory</a> <time datetime="2024-03-01T10:00:00Z">1 Mar 2024, 10:00</time></header>
  <div class="body">
    <p>Escaped markup shown as text, as a board shows what users type:
    &lt;script&gt;{MARK.format("script-text")}&lt;/script&gt; and
    &lt;img src=x onerror="{MARK.format("img-text")}"&gt; and
    &lt;a href="javascript:{MARK.format("js-text")}"&gt;click&lt;/a&gt;.</p>
    <p>Real markup in the post: <img src="x" alt="broken image" onerror="{IF_COPIED.format("img-copied")}">
    <a href="javascript:{MARK.format("js-link")}">a javascript: link</a>,
    <a href="JaVaScRiPt:{MARK.format("js-link-case")}">a mixed-case one</a>,
    <a href=" &#x20;javascript:{MARK.format("js-link-space")}">one with spaces</a>,
    <a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">a data: link</a> and
    <span onmouseover="{IF_COPIED.format("mouseover")}" onclick="{IF_COPIED.format("onclick")}">a span with handlers</span>.</p>
    <script>if (document.currentScript && document.currentScript.getRootNode() !== document) {{ {MARK.format("script-copied")} }}</script>
    <svg width="1" height="1" onload="{IF_COPIED.format("svg-onload")}"><circle r="1"></circle></svg>
    <iframe srcdoc="&lt;script&gt;if (frameElement.getRootNode() !== parent.document) parent.{MARK.format("iframe")}&lt;/script&gt;" width="1" height="1"></iframe>
    <p>Safe link for comparison: <a href="https://example.org/report">the report</a>.</p>
  </div>
</article>

<article class="post" id="p2">
  <header><a class="author" href="/u/trudy">trudy</a> <time datetime="2024-03-01T11:30:00Z">1 Mar 2024, 11:30</time></header>
  <div class="body">
    <p>Attribute breakers: "&gt;&lt;img src=x onerror={MARK.format("attr-break")}&gt; and '&gt;&lt;svg onload={MARK.format("attr-break2")}&gt;</p>
    <p>Markdown breakers: [click](javascript:alert(1)) ![img](javascript:alert(2)) &lt;script&gt; | table | `code` *bold*</p>
    <p>Control characters: bell&#7; escape&#27;[31m red &#8238; right-to-left override.</p>
    <p>Multi-byte characters right after numbers: 2025年12月18日, rated 5★, the 2018” model, 3€, 7…</p>
  </div>
</article>

<article class="post" id="p3">
  <header><a class="author" href="/u/walter">walter</a> <time datetime="2024-03-01T12:00:00Z">1 Mar 2024, 12:00</time></header>
  <div class="body">
<p>START-OF-HUGE-POST</p>
{huge_post()}
<p>END-OF-HUGE-POST</p>
  </div>
</article>

{POSTS}
<a rel="prev" href="{PREV}">previous page</a> <a rel="next" href="{NEXT_ANCHOR}">next page</a>
</div>
<footer>Test Board footer</footer>
</body>
</html>
"""

with open("tests/fixtures/hostile.html", "w") as f:
    f.write(PAGE)

# The same payloads for tests/hostile.rs, which puts each of them in every field of a summary.
with open("tests/fixtures/hostile-payloads.json", "w") as f:
    json.dump({"text": [mark(t, "field") for t in TEXT_PAYLOADS], "url": [mark(u, "field") for u in URL_PAYLOADS]},
              f, indent=1)
    f.write("\n")

#!/usr/bin/env python3
"""Writes tests/fixtures/hostile.html: a thread page whose posts try every way to run code in a reader's card.

Every payload, if it ever ran inside ThreadCard's card, marks the page (data-pwned on <html>); the page's own
handlers only mark it when they find themselves outside the page's document (a copy in the card's shadow root).
Run from the repository root: python3 tools/hostile.py
"""

MARK = "document.documentElement.setAttribute('data-pwned', '{}')"
# Fires only for a copy living in another root (the card), not for the page's own element.
IF_COPIED = "if (this.getRootNode() !== document) " + MARK

HUGE_LINES = 2600  # ~330 KB of text in one post


def huge_post():
    topics = ["supply lines", "winter tyres", "grain prices", "river levels", "bus timetables", "radio masts"]
    lines = []
    for i in range(HUGE_LINES):
        t = topics[i % len(topics)]
        lines.append(f"<p>Line {i + 1} of the long report: the committee looked again at {t} and found "
                     f"{i * 7 % 1000} open questions, which it will answer next week.</p>")
    return "\n".join(lines)


PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Hostile thread: &lt;script&gt;alert(1)&lt;/script&gt; - Test Board</title>
<style>
/* A page that styles everything hard: none of it may reach the card, and the card's styles must not reach here. */
h1 {{ color: rgb(200, 0, 0) !important; font-size: 40px !important; font-family: serif !important; }}
button {{ display: none !important; }}
p {{ letter-spacing: 3px; }}
.tc-card, .tc-title {{ display: none !important; }}
</style>
<script>document.documentElement.setAttribute("data-page-script", "ran");</script>
</head>
<body>
<nav class="breadcrumb"><a href="/">Test Board</a> › <a href="/f/security">Security</a></nav>
<h1 class="thread-title">Hostile thread: &lt;img src=x onerror=alert(1)&gt; and friends</h1>
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

</div>
<footer>Test Board footer</footer>
</body>
</html>
"""

with open("tests/fixtures/hostile.html", "w") as f:
    f.write(PAGE)

// The end-to-end cases, the same in both browsers. Each runner supplies a driver:
//   goto(url), clickAction() (the real toolbar button), page(fn, ...args) (runs fn in the page's own world,
//   returns JSON), probe(what, arg) (the card, through background.js's probeCard test hook and
//   extension/probe.js: the card's shadow root is closed, so the page cannot see it and neither can `page`),
//   clickAt(x, y) (a real, trusted mouse click at viewport coordinates), clickInOpenRoot(css) (a real click in
//   the demo page's open root), pressEscape(), clickInPage(css), readClipboard(), shortcut() (optional:
//   Alt+Shift+Y), download(click) -> {name, text} (runs `click`, returns the file it saved),
//   screenshot(file), unreadable() -> {url, message}, key(name) (a real key press: "j", "Tab", "Enter", ...),
//   colorScheme("light"|"dark") (what prefers-color-scheme says), viewport(width, height),
//   setFile(css, path) (a real file chosen for the page's <input type=file>; the demo page's cases, www.mjs).
// probe(what, arg, ["axe.min.js"]) runs axe-core in the card's isolated world: the runners install a test copy
// of the package that adds axe.min.js (users' packages never hold it).
import { mkdirSync, copyFileSync, cpSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./server.mjs";
import { demoCases } from "./www.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const OUT = path.join(HERE, "out");
const DOCS = path.resolve(HERE, "../../docs");

export const SAMPLE = "du-kazakhstan.html";
/** Where the accessibility and layout checks run: the sample and every engine fixture (AUDIT=few: the
 *  sample and three engines, for a quick run). */
const AUDIT_FEW = ["du-kazakhstan.html", "engines/xenforo2.html", "engines/discourse.html", "engines/reddit-old.html"];
/** Engines whose card is audited a second time at 1280 px with every post open: bodies with code, links
 *  and collapsed quotes (the bodies go in only when posts are opened). */
const EXPANDED_AUDIT = ["engines/github-issue.html", "engines/reddit-old.html", "engines/xenforo2.html"];
/** Engines whose card the README shows, light and dark. */
const SCREENSHOT_ENGINES = ["engines/discourse.html", "engines/reddit-old.html", "engines/xenforo2.html"];
export const HOSTILE = "hostile.html";
/** A tab that is not an HTML page: the runners serve it as text/plain. */
/** A generic thread of `n` posts, each with four amounts of money: more facts than the card lists before
 *  its "N more". */
function manyNumbersPage(n) {
  const post = (i) => `<article class="post" id="post-${i + 1}"><header><a class="author" href="/u/user${i}">user${i}</a>
<time datetime="2024-05-${String(i + 1).padStart(2, "0")}T10:00:00Z">${i + 1} May 2024</time></header><div class="body">${[0, 1, 2, 3]
    .map((k) => `<p>Reply ${i + 1}, part ${k + 1}: the council said the bridge would cost about ${100 + i * 37 + k * 11} million euros.</p>`)
    .join("")}</div></article>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The bridge: costs - City Forum</title></head>
<body><h1>The bridge: costs</h1><div class="posts">${Array.from({ length: n }, (_, i) => post(i)).join("\n")}</div></body></html>`;
}

export const EXTRA_PAGES = { "notes.txt": "Shopping list: bread, milk, 2 kg of apples.\n", "many-numbers.html": manyNumbersPage(8) };
const TITLE = "Kazakhstan's president says Russian troops to start leaving this week";
const AUTHOR = "Yo_Mama_Been_Loggin";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Engine fixtures (tests/fixtures/engines, the same pages as tests/engines*.rs): what the card must show.
 *  `absent`: text the page has that the card must not (a signature, a no-JS notice). */
export const ENGINE_CASES = [
  { file: "engines/xenforo2.html", title: "Best way to descale a kettle?", authors: ["limescale_larry", "kettlequeen"], absent: "Tea first" },
  { file: "engines/discourse.html", title: "Sourdough starter smells like nail polish", authors: ["crumbly", "levain_lou"], absent: "enable JavaScript" },
  { file: "engines/phpbb.html", title: "Chain keeps slipping on the small cog", authors: ["gearhead_gil", "spokesperson"], absent: "Ride more" },
  { file: "engines/vbulletin4.html", title: "Aquarium heater keeps tripping the fuse", authors: ["reefrunner", "Coralie"], absent: "zero patience" },
  { file: "engines/invision.html", title: "Router drops Wi-Fi every evening", authors: ["nightowl", "PacketPam"], absent: "toaster" },
  { file: "engines/smf.html", title: "Bread machine paddle stuck", authors: ["doughboy", "Rye Guy"], absent: "Flour power" },
  { file: "engines/mybb.html", title: "Greenhouse vents stuck open", authors: ["tomato_tess", "Old Potter"], absent: "Grow your own" },
  { file: "engines/reddit-old.html", title: "My sourdough starter smells like acetone, is it dead?",
    authors: ["crumb_counter", "levain_lady", "crumb_counter", "rye_not"], absent: "load more comments" },
  { file: "engines/reddit-new.html", title: "Which hand plane should I buy first?",
    authors: ["shavings_sam", "plane_jane", "shavings_sam", "dovetail_dan"], absent: "[deleted]" },
  { file: "engines/hackernews.html", title: "Ask HN: How do you keep notes for a long side project?",
    authors: ["marginalia_mo", "logbook_lu", "marginalia_mo", "paper_pete"], absent: "Guidelines" },
  { file: "engines/discuz.html", title: "阳台种番茄总是裂果怎么办", authors: ["小番茄", "老园丁"], absent: "种菜使我快乐" },
  { file: "engines/mailman-hyperkitty.html", title: "Build fails on ARM after the last merge",
    authors: ["Petra Linker", "Ravi Arm", "Petra Linker"], absent: "Show replies by date" },
  { file: "engines/github-issue.html", title: "Crash when the config file is empty", authors: ["wren-k", "mossbyte"], absent: "added the" },
  // A thread over two days: its card draws the picture of the thread (an SVG), which the audit reads too.
  { file: "engines/lemmy.html", title: "Tomato seedlings turning purple",
    authors: ["greenthumb", "soil_sally", "greenthumb", "Basil Brush"], absent: "to comment" },
];

/** What the page itself sees, read in the page's own world: marks of a payload that ran, its own
 *  styles, and the card's host element, whose shadow root it must not get. */
export function pageView() {
  const host = document.getElementById("threadcard-host");
  const pageH1 = document.querySelector("h1");
  return {
    pwned: document.documentElement.getAttribute("data-pwned"),
    pageH1Size: pageH1 ? getComputedStyle(pageH1).fontSize : null,
    pageSeesRoot: host ? host.shadowRoot !== null : null,
    highlightedOnPage: !!document.querySelector("[data-threadcard-highlight]"),
  };
}

/** Opens every post with a real click on "Expand all" and waits until each has its body (the card shows
 *  one line per post; a post's body goes in when it is opened). Returns the probe's `posts` view. */
async function expandAll(d, absent = "\u0000") {
  await clickInCard(d, 'button[data-action="expand-all"]');
  let v = await d.probe("posts", absent);
  for (let i = 0; i < 40 && !(v.count > 0 && v.withBody === v.count); i++) {
    await sleep(50);
    v = await d.probe("posts", absent);
  }
  return v;
}

/** Everything a test looks at: the page's view, and the card's through the probe (extension/probe.js). */
async function snapshot(d) {
  const page = await d.page(pageView);
  const card = await d.probe("snapshot").catch((e) => ({ error: String(e) }));
  const c = card && !card.error ? card : { state: null, probeError: card?.error ?? null };
  return { ...page, ...c, highlighted: page.highlightedOnPage || !!c.flashed };
}

/** A real click on the first element matching `css` in the card: the probe says where, the driver clicks. */
async function clickInCard(d, css) {
  const at = await d.probe("rect", css);
  if (!at || at.error) throw new Error(`no ${css} in the card: ${JSON.stringify(at)}`);
  await d.clickAt(at.x, at.y);
}

/** What a page script can try against the card, run in the page's own world. */
export function pageAttack() {
  const host = document.getElementById("threadcard-host");
  if (!host) return { host: false };
  const seen = {
    host: true,
    shadowRoot: host.shadowRoot === null ? null : "reachable",
    lightText: host.textContent,
    lightElements: host.querySelectorAll("*").length,
    buttonsFound: document.querySelectorAll("button[data-action]").length,
  };
  // Clicks and keys a page can make: all on the host, the only part of the card it can reach.
  host.click();
  host.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true }));
  host.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, composed: true }));
  const r = host.getBoundingClientRect();
  const atCard = document.elementFromPoint(window.innerWidth - 40, 40);
  seen.elementAtCard = atCard === host ? "host" : atCard?.localName ?? null;
  atCard?.click?.();
  seen.hostRect = [r.width, r.height];
  return seen;
}

/** Clicks the toolbar button and waits until the card (or an error) is up; `until` picks the state. */
async function clickAndWait(d, { want = ["card", "error"], tries = 3, timeout = 15000 } = {}) {
  for (let attempt = 1; ; attempt++) {
    await d.clickAction();
    // Chromium right after launch sometimes drops the first click (docs/browser-testing): click again
    // only when nothing at all appeared.
    const t0 = Date.now();
    let s = await snapshot(d);
    while (Date.now() - t0 < (s.state ? timeout : 3000)) {
      if (want.includes(s.state)) return s;
      await sleep(50);
      s = await snapshot(d);
    }
    if (s.state || attempt >= tries) return s;
  }
}

export function runner(browser) {
  let passed = 0;
  let failed = 0;
  function check(name, ok, detail) {
    ok ? passed++ : failed++;
    console.log(`${ok ? "PASS" : "FAIL"} ${browser}: ${name}${ok ? "" : `  -- ${detail}`}`);
  }
  async function attempt(name, fn) {
    try {
      await fn();
    } catch (e) {
      check(name, false, e?.stack ?? String(e));
    }
  }
  return {
    check,
    attempt,
    summary() {
      console.log(`${passed} passed, ${failed} failed`);
      return failed;
    },
  };
}


/** The card's keyboard: j/k along the outline, Enter opens, c closes, ? lists the keys, Tab stays in the
 *  card, Esc closes from the page too, the focus goes back where it was, the page keeps its scroll. */
async function keyboardCases(browser, d, t, server) {
  await t.attempt("keyboard outline", async () => {
    await d.goto(server.url("plain", "engines/reddit-old.html"));
    await d.page(() => window.scrollTo(0, 120));
    const before = await d.page(() => window.scrollY);
    const s = await clickAndWait(d);
    t.check("outline: card shown", s.state === "card", JSON.stringify(s.state));
    await d.key("j");
    let o = await d.probe("outline");
    t.check("j: the focus is on the first post's line", o?.focused === 0, JSON.stringify(o));
    await d.key("j");
    await d.key("j");
    await d.key("k");
    o = await d.probe("outline");
    t.check("j j k: the second post", o?.focused === 1, JSON.stringify(o));
    await d.key("Enter");
    o = await d.probe("outline");
    t.check("Enter opens the post, with its body", o?.open.includes(1) && o.withBody.includes(1), JSON.stringify(o));
    t.check("only the opened post's body is in the card", JSON.stringify(o?.withBody) === "[1]", JSON.stringify(o));
    await d.key("c");
    o = await d.probe("outline");
    t.check("c collapses it", !o?.open.includes(1) && o?.focused === 1, JSON.stringify(o));
    await d.key("?");
    o = await d.probe("outline");
    t.check("? lists the shortcuts", o?.help === true, JSON.stringify(o));
    for (let i = 0; i < 40; i++) await d.key("Tab");
    o = await d.probe("outline");
    t.check("40 Tabs later the focus is still in the card", o?.focusInCard === true, JSON.stringify(o));
    // Esc from the page: a click on the page takes the focus out of the card first.
    await d.clickAt(30, 300);
    await d.key("Escape");
    await sleep(200);
    const after = await snapshot(d);
    const scrollY = await d.page(() => window.scrollY);
    t.check("Esc closes the card after a click on the page", after.state === null, JSON.stringify(after.state));
    t.check("the page keeps its scroll position", scrollY === before, JSON.stringify({ before, scrollY }));
  });
}

/** Light and dark, 1280 and 400 px: axe-core finds nothing, the header stays in view at the card's end,
 *  no text overflows, and under 720 px the panel takes the whole width. */
async function auditCases(browser, d, t, server) {
  const files = process.env.AUDIT === "few" ? AUDIT_FEW : [SAMPLE, ...ENGINE_CASES.map((c) => c.file)];
  for (const [width, height] of [[1280, 800], [400, 800]]) {
    await d.viewport(width, height);
    for (const scheme of ["light", "dark"]) {
      await d.colorScheme(scheme);
      for (const file of files) {
        const where = `${file}, ${scheme}, ${width} px`;
        await t.attempt(`audit ${where}`, async () => {
          await d.goto(server.url("plain", file));
          const s = await clickAndWait(d);
          if (s.state !== "card") return t.check(`${where}: card shown`, false, JSON.stringify(s.state));
          const a = await d.probe("audit", null, ["axe.min.js"]);
          if (a && !a.error) console.log(`  axe ${where}: ${a.mode}, ${a.passes} rules pass, needs review: ${a.incomplete.join(", ") || "none"}; lowest text contrast ${a.contrast?.min}`);
          t.check(`${where}: axe-core, 0 violations`, a && !a.error && a.passes > 10 && a.violations.length === 0, JSON.stringify(a));
          t.check(`${where}: text contrast AA (min ${a?.contrast?.min})`, a?.contrast && a.contrast.low.length === 0, JSON.stringify(a?.contrast));
          const e = await d.probe("scrollEnd");
          t.check(`${where}: header in view at the card's end`, e?.headVisible === true, JSON.stringify(e));
          t.check(`${where}: no text overflows`, e?.overflowX <= 0, JSON.stringify(e));
          if (width < 720) {
            t.check(`${where}: the panel takes the whole width`, Math.abs(e.panelWidth - e.viewportWidth) <= 1, JSON.stringify(e));
          }
          if (width === 1280 && (file === SAMPLE || SCREENSHOT_ENGINES.includes(file))) {
            const name = `${browser}-${path.basename(file, ".html")}-${scheme}.png`;
            await d.probe("scrollTop");
            await d.screenshot(path.join(OUT, name));
          }
          if (width === 1280 && EXPANDED_AUDIT.includes(file)) {
            const v = await expandAll(d);
            const x = await d.probe("audit", null, ["axe.min.js"]);
            if (x && !x.error) console.log(`  axe ${where}, every post open (${v.withBody}/${v.count} bodies): ${x.passes} rules pass, needs review: ${x.incomplete.join(", ") || "none"}; lowest text contrast ${x.contrast?.min}`);
            t.check(`${where}, every post open: axe-core, 0 violations`, x && !x.error && x.violations.length === 0 && v.withBody === v.count, JSON.stringify({ v, x }));
            t.check(`${where}, every post open: text contrast AA (min ${x?.contrast?.min})`, x?.contrast && x.contrast.low.length === 0, JSON.stringify(x?.contrast));
          }
        });
      }
    }
  }
  await d.colorScheme("light");
  await d.viewport(1280, 800);
}

/** Polls `fn` in the page until it returns something truthy (or 5 s pass); returns the last value. */
/** The probe's answer to `what` once it has one (the card's view is null until the card is in). */
async function probeUntil(d, what, tries = 100) {
  let v = null;
  for (let i = 0; i < tries && (!v || v.error); i++) {
    v = await d.probe(what).catch(() => null);
    if (!v || v.error) await sleep(50);
  }
  return v;
}

async function pageUntil(d, fn, tries = 100) {
  let v = null;
  for (let i = 0; i < tries && !v; i++) {
    v = await d.page(fn).catch(() => null);
    if (!v) await sleep(50);
  }
  return v;
}

/** The options page, as a user uses it: opened by its extension URL, changed by real clicks; the next
 *  toolbar click's card shows the change. The driver gives optionsUrl and select(css, value). Settings are
 *  restored to their defaults at the end (with the page's own button), so later cases see the default card. */
export async function optionsCases(browser, d, t, server) {
  const file = "engines/lemmy.html"; // over two days: it has the picture, a digest, times, posts
  await t.attempt("options page", async () => {
    await d.colorScheme("light");
    await d.goto(server.url("plain", file));
    let s = await clickAndWait(d);
    const before = await d.probe("view");
    t.check("options: the default card follows the system (light)", s.state === "card" && before?.theme === "system" &&
      before.cardBackground === "rgb(255, 255, 255)", JSON.stringify(before));
    await d.goto(d.optionsUrl);
    const ready = await pageUntil(d, () => document.body.dataset.ready === "1");
    t.check("options page opens by its extension URL", ready === true, String(ready));
    const saves = () => d.page(() => Number(document.body.dataset.saved ?? 0));
    await d.select("#theme", "dark");
    await d.select("#summary_sentences", "2");
    await d.select("#time_format", "iso");
    await d.select("#copy_format", "text");
    await d.select("#export_format", "json");
    await d.clickInPage('input[name="section"][value="timeline"]');
    await d.clickInPage('input[name="section"][value="posts"]');
    await d.clickInPage("#front_matter");
    for (let i = 0; i < 100 && (await saves()) < 8; i++) await sleep(50);
    t.check("options page: eight changes, eight saves", (await saves()) >= 8, String(await saves()));

    await d.goto(server.url("plain", file));
    s = await clickAndWait(d);
    const after = await d.probe("view");
    const where = JSON.stringify({ before, after });
    t.check("options: theme dark on a light system (host data-theme, dark colours)", s.state === "card" &&
      after?.theme === "dark" && after.cardBackground === "rgb(27, 31, 39)", where);
    t.check("options: hidden sections are gone (the picture, the posts)",
      before?.sections.includes("tc-timeline") && before.sections.includes("tc-posts") &&
      !after?.sections.includes("tc-timeline") && !after.sections.includes("tc-posts") && after.sections.includes("tc-digest"), where);
    t.check("options: a short summary has fewer digest lines", after?.digestLines > 0 && after.digestLines < before?.digestLines, where);
    t.check("options: ISO times", after?.times.length > 0 && /\b\d{4}-\d\d-\d\d \d\d:\d\d\b/.test(after.times[0]), where);
    t.check("options: the export settings reach the card's script",
      after?.settings?.copy_format === "text" && after.settings.export_format === "json", JSON.stringify(after?.settings));

    if (d.restart) {
      await d.restart();
      await d.goto(server.url("plain", file));
      s = await clickAndWait(d);
      const again = await d.probe("view");
      t.check("options survive a browser restart", s.state === "card" && again?.theme === "dark" &&
        !again.sections.includes("tc-posts"), JSON.stringify(again));
    }

    await d.goto(d.optionsUrl);
    const shown = await pageUntil(d, () => document.body.dataset.ready === "1" && {
      theme: document.getElementById("theme").value,
      posts: document.querySelector('input[value="posts"]').checked,
      frontMatter: document.getElementById("front_matter").checked,
    });
    t.check("options page shows what was stored", shown?.theme === "dark" && shown.posts === false && shown.frontMatter === false,
      JSON.stringify(shown));
    const n = await saves();
    await d.clickInPage("#reset");
    for (let i = 0; i < 100 && (await saves()) <= n; i++) await sleep(50);
    await d.goto(server.url("plain", file));
    // The re-rendered card, not the "Reading thread…" place (a loaded machine can take longer than one
    // wait): up to a minute for the card, then its view once it is in.
    s = await clickAndWait(d, { want: ["card", "error"], timeout: 60000 });
    const reset = s.state === "card" ? await probeUntil(d, "view") : null;
    t.check("options: Restore the defaults gives the default card back", reset?.theme === "system" &&
      reset.sections.includes("tc-posts") && reset.digestLines === before?.digestLines,
      JSON.stringify({ state: s.state, message: s.message, probeError: s.probeError, reset }));
  });
}

/** The card and the options page in German, in a browser whose UI language is German (the runners start
 *  one: Chromium with --lang=de, Firefox with intl.locale.requested=de and its language pack). */
export async function germanCases(browser, d, t, server) {
  await t.attempt("German UI", async () => {
    await d.goto(server.url("plain", "engines/lemmy.html"));
    const s = await clickAndWait(d);
    const v = await d.probe("view");
    t.check("German UI: the card's headings and buttons are German", s.state === "card" &&
      v?.headings.includes("Beiträge") && v.headings.includes("Eröffnung") && v.buttons.includes("Markdown kopieren") &&
      !v.headings.includes("Posts"), JSON.stringify({ state: s.state, headings: v?.headings, buttons: v?.buttons }));
    // The exports speak the browser's language too (Options.locale); the front matter's keys stay English.
    for (let i = 0; i < 100 && (await snapshot(d)).exports !== "ready"; i++) await sleep(50);
    const md = await d.download(() => clickInCard(d, 'button[data-action="download-md"]'));
    t.check("German UI: the Markdown export is German (its front-matter keys English)",
      md.name.endsWith(".md") && md.text.startsWith("---\ntitle: ") && md.text.includes("\n## Beiträge\n") &&
        md.text.includes("**Verfasser:**") && !md.text.includes("\n## Posts\n"),
      JSON.stringify({ name: md.name, head: md.text.slice(0, 400) }));
    await d.goto(d.optionsUrl);
    const page = await pageUntil(d, () => document.body.dataset.ready === "1" && {
      title: document.title, lang: document.documentElement.lang, theme: document.querySelector('label[for="theme"]').textContent,
    });
    t.check("German UI: the options page is German", page?.title === "ThreadCard-Einstellungen" && page.theme === "Erscheinungsbild" &&
      /^de/.test(page.lang), JSON.stringify(page));
  });
}

/** A long list of facts: card.js keeps its items past the first ones out of the card until its "N more"
 *  is opened (then they go in). */
async function longListCases(browser, d, t, server) {
  await t.attempt("a long list of facts", async () => {
    // card.js keeps a long list's items past the first ones out of the card until "N more" is opened.
    await d.goto(server.url("plain", "many-numbers.html"));
    const before = await clickAndWait(d);
    await clickInCard(d, "details.tc-more > summary");
    const after = await probeUntil(d, "snapshot");
    t.check(
      `a long list of facts: its first items shown, the rest put in when "N more" is opened`,
      before.state === "card" && before.quantities.length > 0 && after.quantities.length > before.quantities.length,
      JSON.stringify({ state: before.state, before: before.quantities.length, after: after.quantities.length }),
    );
  });
}

/** Runs every case against one browser driver. */
/** Pages on which the extension's DOM path is compared with the HTML path: the sample, engines with a
 *  noscript view (Discourse, Flarum), SVG, tables and JSON data. */
const DOM_PATH_FILES = [SAMPLE, "engines/discourse.html", "engines/flarum.html", "engines/xenforo2.html",
  "engines/reddit-old.html", "engines/phpbb.html", "engines/github-issue.html", "engines/hackernews.html",
  "engines/stackexchange.html", "engines/vbulletin3.html"];

/** The extension reads the browser's tree (extension/flatten.js, `summarizeDom`), not the page's HTML: in
 *  this browser, on each page, that gives the Summary the HTML path (html5ever, in the demo page's module,
 *  which has both) gives for the page's HTML. Runs in the page's own world: the tree is the one the
 *  browser built from the served page. */
export async function domPathCases(browser, d, t, server) {
  for (const file of DOM_PATH_FILES) {
    await t.attempt(`DOM path ${file}`, async () => {
      await d.goto(server.url("plain", file));
      const r = await d.page(async () => {
        await new Promise((ok, fail) => {
          const s = document.createElement("script");
          s.src = "/www/flatten.js";
          s.onload = () => ok(s.remove());
          s.onerror = fail;
          document.head.append(s);
        });
        const m = await import("/www/pkg/threadcard.js");
        await m.default();
        const html = await (await fetch(location.href)).text();
        const byHtml = m.summarize(html, location.href, undefined).json;
        const flat = globalThis.threadcardFlatten(document.documentElement);
        const byDom = m.summarizeDom(flat, location.href, undefined).json;
        const at = [...byHtml].findIndex((c, i) => c !== byDom[i]);
        const around = (x) => x.slice(Math.max(0, at - 60), at + 60);
        return { same: byHtml === byDom, posts: JSON.parse(byDom).posts.length, html: around(byHtml), dom: around(byDom) };
      });
      t.check(`${file}: the DOM path gives the HTML path's Summary (${r.posts} posts)`, r.same && r.posts > 0, JSON.stringify(r));
    });
  }
}

export async function runCases(browser, d, t, server) {
  mkdirSync(OUT, { recursive: true });
  if (process.env.E2E_ONLY === "audit") return auditCases(browser, d, t, server); // a quick re-run
  if (process.env.E2E_ONLY === "www") return demoCases(browser, d, t, server); // the demo page alone
  if (process.env.E2E_ONLY === "options") return optionsCases(browser, d, t, server);
  if (process.env.E2E_ONLY === "dom") return domPathCases(browser, d, t, server);
  if (process.env.E2E_ONLY === "lists") return longListCases(browser, d, t, server);
  for (const mode of ["plain", "strict"]) {
    const where = `${mode === "strict" ? "strict CSP" : "no CSP"}`;
    const url = server.url(mode, SAMPLE);

    await t.attempt(`sample card (${where})`, async () => {
      await d.goto(url);
      const s = await clickAndWait(d);
      t.check(`sample: card shown (${where})`, s.state === "card", JSON.stringify({ state: s.state, message: s.message }));
      t.check(`sample: title (${where})`, s.title === TITLE, JSON.stringify(s.title));
      t.check(`sample: author (${where})`, s.author === AUTHOR, JSON.stringify(s.author));
      const msn = s.sources.filter((u) => /^https:\/\/www\.msn\.com\//.test(u));
      t.check(`sample: the two msn.com sources (${where})`, new Set(msn).size === 2, JSON.stringify(s.sources));
      const q = s.quantities.join(" | ");
      t.check(`sample: 2,300 and 2,500 troops (${where})`, /2,300[^|]*troops/.test(q) && /2,500[^|]*troops/.test(q), JSON.stringify(q));
      t.check(
        `sample: card styled under the page CSP (${where})`,
        s.titleSize === "21px" && s.overlayPosition === "fixed",
        JSON.stringify({ styles: s.styles, titleSize: s.titleSize, overlay: s.overlayPosition }),
      );
      t.check(`sample: focus moves into the card (${where})`, s.focusInCard, "no focused element in the card");
      await d.screenshot(path.join(OUT, `${browser}-${mode}.png`));
    });

    await t.attempt(`exports (${where})`, async () => {
      const page = await d.page(() => location.href);
      for (let i = 0; i < 100 && (await snapshot(d)).exports !== "ready"; i++) await sleep(50);
      await clickInCard(d, 'button[data-action="copy-md"]');
      await sleep(300);
      const md = await d.readClipboard();
      t.check(
        `copy Markdown: clipboard holds the card's Markdown (${where})`,
        typeof md === "string" && md.startsWith("---\ntitle: ") && md.includes(`\n# ${TITLE}\n`) &&
          md.includes("msn.com"),
        JSON.stringify(md?.slice(0, 120)),
      );
      const mdFile = await d.download(() => clickInCard(d, 'button[data-action="download-md"]'));
      t.check(
        `download .md: file holds the same Markdown (${where})`,
        mdFile.name.endsWith(".md") && mdFile.text === md,
        JSON.stringify({ name: mdFile.name, head: mdFile.text.slice(0, 80), same: mdFile.text === md }),
      );
      const jsonFile = await d.download(() => clickInCard(d, 'button[data-action="download-json"]'));
      let j = null;
      try {
        j = JSON.parse(jsonFile.text);
      } catch {}
      t.check(
        `download .json: the JSON contract (${where})`,
        jsonFile.name.endsWith(".json") && j?.schema === "threadcard/1" && j.title === TITLE && j.url === page &&
          j.posts?.[0]?.author === AUTHOR,
        JSON.stringify({ name: jsonFile.name, schema: j?.schema, title: j?.title, url: j?.url }),
      );
    });

    await t.attempt(`every export (${where})`, async () => {
      // The "More exports" menu: each format downloads under the Rust-made file name, and copies.
      // Opens the menu unless it is open ([open] matches nothing while it is closed).
      const openMenu = async () => {
        if (await d.probe("rect", "details.tc-export[open] > ul")) return;
        await clickInCard(d, "details.tc-export > summary");
        await sleep(200);
      };
      const files = {};
      for (const ext of ["md", "json", "jsonld", "html", "txt"]) {
        const click = () => clickInCard(d, `.tc-export-menu button[data-action="download-${ext}"]`);
        await openMenu();
        // Once more if the browser saw no download (the machine is shared and busy): then it is a failure.
        files[ext] = await d.download(click).catch(async () => (await openMenu(), d.download(click)));
      }
      const named = Object.entries(files).every(([ext, f]) => f.name.endsWith(`.${ext}`) && !/[\\/:*?"<>|]/.test(f.name));
      let ld = null;
      try {
        ld = JSON.parse(files.jsonld.text);
      } catch {}
      t.check(
        `exports: every format downloads, named from the title (${where})`,
        named && files.md.text.includes(`\n# ${TITLE}\n`) && JSON.parse(files.json.text).title === TITLE &&
          ld?.["@type"] === "DiscussionForumPosting" && ld?.headline === TITLE && Array.isArray(ld?.comment) &&
          files.html.text.includes("Content-Security-Policy") && !files.html.text.includes("<script") &&
          files.txt.text.includes(TITLE) && files.txt.text.includes(AUTHOR),
        JSON.stringify(Object.fromEntries(Object.entries(files).map(([k, f]) => [k, [f.name, f.text.slice(0, 60)]]))),
      );
      const copied = {};
      for (const ext of ["jsonld", "txt"]) {
        await openMenu();
        await clickInCard(d, `.tc-export-menu button[data-action="copy-${ext}"]`);
        // The clipboard write is async: wait for it (up to 3 s) instead of one fixed pause.
        for (let i = 0; i < 10; i++) {
          await sleep(300);
          copied[ext] = await d.readClipboard();
          if (copied[ext] === files[ext].text) break;
        }
      }
      t.check(
        `exports: copy JSON-LD and text from the menu (${where})`,
        copied.jsonld === files.jsonld.text && copied.txt === files.txt.text,
        JSON.stringify({ jsonld: copied.jsonld?.slice(0, 60), txt: copied.txt?.slice(0, 60) }),
      );
      if (await d.probe("rect", "details.tc-export[open] > ul")) await clickInCard(d, "details.tc-export > summary");
    });

    await t.attempt(`fact link (${where})`, async () => {
      const before = await snapshot(d);
      if (before.factLinks === 0) {
        t.check(`fact "post N" link goes to the post (${where})`, false, "the card has no fact links");
        return;
      }
      await clickInCard(d, "a.tc-from");
      await sleep(200);
      const s = await snapshot(d);
      t.check(`fact "post N" link goes to the post (${where})`, s.highlighted, "nothing highlighted");
    });

    await t.attempt(`keyboard and toggle (${where})`, async () => {
      await d.pressEscape();
      await sleep(200);
      let s = await snapshot(d);
      t.check(`Esc closes the card (${where})`, s.state === null, JSON.stringify(s.state));
      s = await clickAndWait(d);
      const shown = s.state === "card";
      await d.clickAction();
      for (let i = 0; i < 40 && s.state; i++) {
        await sleep(50);
        s = await snapshot(d);
      }
      t.check(`a second click closes the card (${where})`, shown && s.state === null, JSON.stringify({ shown, state: s.state }));
    });

    await t.attempt(`hostile page (${where})`, async () => {
      await d.goto(server.url(mode, HOSTILE));
      const pageBefore = await snapshot(d);
      const s = await clickAndWait(d);
      // Its header (a long title) is over half the panel: what gets the focus must come out in view
      // below it, not stay under it.
      const hidden = {};
      for (const css of ['button[data-action="expand-all"]', "details.tc-post > summary"]) hidden[css] = await d.probe("focusUnderHead", css);
      t.check(
        `hostile: "Expand all" and a post's line, focused under the sticky header, come into view below it (${where})`,
        Object.values(hidden).every((h) => h?.focused && h.clear && h.head > 200),
        JSON.stringify(hidden),
      );
      // Every post open, so every body the page's text went into is in the card for the checks below.
      const v = await expandAll(d).catch((e) => ({ error: String(e) }));
      t.check(`hostile: "Expand all" puts every post's body in (${where})`, v.count > 0 && v.withBody === v.count && v.open === v.count, JSON.stringify(v));
      await clickInCard(d, ".tc-title").catch(() => {});
      await sleep(300);
      const after = await snapshot(d);
      t.check(`hostile: card shown (${where})`, s.state === "card", JSON.stringify({ state: s.state, message: s.message }));
      t.check(`hostile: no payload ran (${where})`, after.pwned === null, `data-pwned=${after.pwned}`);
      t.check(
        `hostile: no script, handler or script URL in the card, every post open (${where})`,
        after.state === "card" && after.scripts.length === 0 && after.handlers.length === 0 && after.scriptUrls.length === 0,
        JSON.stringify({ scripts: after.scripts, handlers: after.handlers, urls: after.scriptUrls }),
      );
      t.check(`hostile: the 300 KB post is kept whole (${where})`, after.hugeKept, "START/END markers missing");
      t.check(
        `hostile: page styles stay out of the card, card styles out of the page (${where})`,
        s.titleSize === "21px" && s.titleColor !== "rgb(200, 0, 0)" && s.buttonDisplay !== "none" &&
          s.pageH1Size === pageBefore.pageH1Size,
        JSON.stringify({ titleSize: s.titleSize, titleColor: s.titleColor, button: s.buttonDisplay, pageH1: [pageBefore.pageH1Size, s.pageH1Size] }),
      );
    });

    await t.attempt(`the page cannot reach the card (${where})`, async () => {
      // The hostile page's card is up. Its scripts try to read the card and to press its buttons.
      const seen = await d.page(pageAttack);
      await sleep(200);
      let s = await snapshot(d);
      t.check(
        `page script: host.shadowRoot is null, no card text or button in its reach (${where})`,
        seen.host && seen.shadowRoot === null && seen.lightText === "" && seen.lightElements === 0 &&
          seen.buttonsFound === 0 && seen.elementAtCard === "host" && s.pageSeesRoot === false,
        JSON.stringify(seen),
      );
      t.check(`page script: its clicks and Escape key leave the card open (${where})`, s.state === "card", JSON.stringify({ state: s.state }));
      // Had a page a reference to a button, its click() would still do nothing: the card ignores events
      // that are not isTrusted. The probe makes exactly those on the Close button.
      const connected = await d.probe("synthetic", 'button[data-action="close"]');
      await sleep(200);
      s = await snapshot(d);
      t.check(
        `untrusted click() and Escape on the card's Close button do nothing (${where})`,
        connected === true && s.state === "card",
        JSON.stringify({ connected, state: s.state }),
      );
    });
  }

  for (const c of ENGINE_CASES) {
    await t.attempt(`engine fixture ${c.file}`, async () => {
      await d.goto(server.url("plain", c.file));
      const s = await clickAndWait(d);
      // The posts open (their bodies go in then), so the signature check reads every body.
      const v = s.state === "card" ? await expandAll(d, c.absent) : {};
      t.check(
        `${c.file}: card with the thread's title and every post's author, no signature or notice`,
        s.state === "card" && s.title === c.title && JSON.stringify(v.authors) === JSON.stringify(c.authors) && !v.leaked,
        JSON.stringify({ state: s.state, title: s.title, authors: v.authors, leaked: v.leaked }),
      );
      t.check(`${c.file}: "Expand all" opens every post with its body`, v.count === c.authors.length && v.open === v.count && v.withBody === v.count, JSON.stringify(v));
    });
  }

  await longListCases(browser, d, t, server);
  await domPathCases(browser, d, t, server);
  await optionsCases(browser, d, t, server);
  await keyboardCases(browser, d, t, server);
  await auditCases(browser, d, t, server);

  await t.attempt("plain-text tab", async () => {
    await d.goto(server.url("plain", "notes.txt"));
    const s = await clickAndWait(d);
    t.check(
      "a text/plain tab: the card's place says why it can't be summarized",
      s.state === "error" && /HTML/.test(s.message ?? ""),
      JSON.stringify({ state: s.state, message: s.message }),
    );
  });

  if (d.shortcut) {
    // Only where the browser fires extension shortcuts headless (Firefox; headless Chromium does not).
    await t.attempt("keyboard shortcut", async () => {
      await d.goto(server.url("plain", SAMPLE));
      await d.shortcut();
      let s = await snapshot(d);
      for (let i = 0; i < 100 && s.state !== "card"; i++) {
        await sleep(50);
        s = await snapshot(d);
      }
      t.check("Alt+Shift+Y opens the card", s.state === "card" && s.title === TITLE, JSON.stringify({ state: s.state, title: s.title }));
    });
  }

  await demoCases(browser, d, t, server);

  await t.attempt("unreadable page", async () => {
    const r = await d.unreadable();
    console.log(`  unreadable page ${r.url}: shown as ${r.shownAs}, badge ${JSON.stringify(r.badge)}`);
    t.check(
      `unreadable page (${r.url}): the user sees "can't read this page"`,
      /can.t read this page/i.test(r.message ?? ""),
      JSON.stringify(r),
    );
    // background.js has no tabs.onUpdated listener (it would wake the worker on every page load): the
    // browser itself clears the tab's blocked state when the tab navigates.
    t.check("unreadable page: its badge and popup go when the tab navigates on (no listener needed)",
      r.afterNavigation && !r.afterNavigation.badge && !r.afterNavigation.popup, JSON.stringify(r.afterNavigation));
  });
}

/** Copies the card screenshots to docs/ when asked (UPDATE_SCREENSHOTS=1), for the README: the sample
 *  without CSP, and three engines in light and dark. */
export function publishScreenshot(browser) {
  if (process.env.UPDATE_SCREENSHOTS !== "1") return;
  mkdirSync(DOCS, { recursive: true });
  copyFileSync(path.join(OUT, `${browser}-plain.png`), path.join(DOCS, `card-${browser}.png`));
  for (const file of SCREENSHOT_ENGINES) {
    for (const scheme of ["light", "dark"]) {
      const name = `${browser}-${path.basename(file, ".html")}-${scheme}.png`;
      if (existsSync(path.join(OUT, name))) copyFileSync(path.join(OUT, name), path.join(DOCS, `card-${name}`));
    }
  }
}

/** A test copy of the package with the test-only files added: axe-core (for the audit) and
 *  extension/probe.js (the tests' way into the card, which tools/package.mjs leaves out of the store
 *  packages). A folder (Chromium) or a zip (Firefox). */
export function auditPackage(ext, tmp) {
  const axe = path.resolve(HERE, "../../node_modules/axe-core/axe.min.js");
  const probe = path.resolve(HERE, "../../extension/probe.js");
  if (!existsSync(axe)) throw new Error("npm axe-core missing: run npm ci");
  if (ext.endsWith(".zip")) {
    const copy = path.join(tmp, "threadcard-audit.zip");
    copyFileSync(ext, copy);
    execFileSync("zip", ["-qj", copy, axe, probe]);
    return copy;
  }
  const copy = path.join(tmp, "threadcard-audit");
  cpSync(ext, copy, { recursive: true });
  copyFileSync(axe, path.join(copy, "axe.min.js"));
  copyFileSync(probe, path.join(copy, "probe.js"));
  return copy;
}

export { startServer };

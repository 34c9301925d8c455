// ThreadCard benchmarks in real headless Chromium. Prints figures; asserts nothing about time.
//   1. WASM size, raw and gzipped, against the 300 KB (gzipped) budget.
//   2. Median time of the whole WASM `summarize` call (our parse included) against Readability.js
//      (DOMParser parse + Readability.parse(), both in the same page), on the bundled sample and on the
//      real forum pages of ../shared/corpus/wcxb-forum/dev (skipped, with a message, when absent); and the
//      extension's DOM path (extension/flatten.js writes the parsed page's tree, `summarizeDom` builds and
//      reads it: the page's parse is the browser's, done before the click) against both, as ratios.
//   3. The card of a 200-post thread inserted and painted by extension/card.js, in the extension's own
//      isolated world of a tab (driven through the service worker): every post's body in its markup (the
//      card before the outline) against the card now (post bodies and long lists' folded items inserted
//      when opened), with card.js's parse and insert apart, and "Expand all" on both.
//   4. Click to card painted on a ~200 KB thread page with the extension loaded (dist/chrome), warm (the
//      service worker running, the WASM instantiated) and cold (the worker stopped before the click with
//      CDP ServiceWorker.stopAllWorkers, as Chrome stops it after ~30 s idle), each with where the time
//      goes (flatten, message, the thread read, card build, message, insert, first paint of the header and
//      outline; then the fact stage, its insert and the complete card's paint); and the module's
//      compile time, WebAssembly.compileStreaming against compile from bytes; then the click's calls in a
//      fresh module, first against second and third (what a cold click's first read pays).
// Run: ./build.sh bench   (or node benches/bench.mjs after ./build.sh). BENCH_RUNS=n sets runs per page;
// BENCH_ONLY=card,click runs only those sections (of size, summarize, card, click, memory); BENCH_EXT=dir
// loads another unpacked build of the extension (to compare two side by side). BENCH_JS_FLAGS="--liftoff-only"
// passes V8 flags to Chromium, for diagnosis only (users' browsers run with none): with --liftoff-only the
// optimizing tier never compiles, which shows its share of a fresh module's first call (the click section).
import { chromium } from "playwright-core";
import { gzipSync, gunzipSync } from "node:zlib";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../tests/e2e/server.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// ../shared/corpus beside the checkout (as in CI); THREADCARD_CORPUS points elsewhere.
const CORPUS = path.resolve(ROOT, process.env.THREADCARD_CORPUS ?? "../shared/corpus", "wcxb-forum/dev/html");
const EXT = path.resolve(process.env.BENCH_EXT ?? path.join(ROOT, "dist/chrome"));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// BENCH_ONLY=card,click (a comma list of size, summarize, card, click, memory) runs those sections alone.
const ONLY = new Set((process.env.BENCH_ONLY ?? "size,summarize,card,click,memory").split(","));
const PORT = Number(process.env.BENCH_PORT ?? 0);
const BROWSER = process.env.CHROMIUM ?? "/usr/lib/chromium/chromium";
const JS_FLAGS = process.env.BENCH_JS_FLAGS ? [`--js-flags=${process.env.BENCH_JS_FLAGS}`] : [];
const BUDGET_GZ = 300 * 1024;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : "n/a");
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
const sleep = (t) => new Promise((r) => setTimeout(r, t));
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** A generic forum thread page of about `bytes` bytes: N posts with author, time and a few paragraphs. */
function threadPage(bytes) {
  const posts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const body = Array.from({ length: 4 }, (_, k) =>
      `<p>Reply ${i + 1}, paragraph ${k + 1}: the council said the new bridge would cost about ${(i * 37 + k * 11) % 900 + 100} million euros, ` +
      `and residents of district ${i % 12} asked whether the ferry would keep running during the ${k + 2} years of works.</p>`,
    ).join("\n");
    const post = `<article class="post" id="post-${i + 1}"><header><a class="author" href="/u/user${i % 40}">user${i % 40}</a>
<time datetime="2024-05-${String((i % 28) + 1).padStart(2, "0")}T10:${String(i % 60).padStart(2, "0")}:00Z">${(i % 28) + 1} May 2024</time></header>
<div class="body">${body}</div><footer class="signature">-- sent from my phone</footer></article>`;
    posts.push(post);
    size += post.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The new bridge: costs and ferry - City Forum</title></head>
<body><nav class="breadcrumb"><a href="/">City Forum</a> › <a href="/f/transport">Transport</a></nav>
<h1>The new bridge: costs and ferry</h1><div class="posts">${posts.join("\n")}</div><footer>City Forum</footer></body></html>`;
}

function corpusPages() {
  if (!existsSync(CORPUS)) return null;
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith(".html.gz"))
    .sort()
    .map((f) => ({ name: f, html: gunzipSync(readFileSync(path.join(CORPUS, f))).toString("utf8") }));
}

// ---------------------------------------------------------------------------------------------- 1. size
const wasmPath = path.join(ROOT, "extension/pkg/threadcard_bg.wasm");
const wasm = readFileSync(wasmPath);
const gz = gzipSync(wasm, { level: 9 }).length;
console.log("== WASM size");
console.log(`threadcard_bg.wasm: ${kb(wasm.length)} raw, ${kb(gz)} gzipped (-9); budget ${kb(BUDGET_GZ)} gzipped: ${gz <= BUDGET_GZ ? "within" : "OVER"} (${((gz / BUDGET_GZ) * 100).toFixed(0)}%)`);

const bigPage = threadPage(200 * 1024);
const server = await startServer(PORT, {
  "bench.html": "<!doctype html><html><head><meta charset=utf-8><title>bench</title></head><body></body></html>",
  "thread-200k.html": bigPage,
});
const profile = mkdtempSync(path.join(tmpdir(), "threadcard-bench-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: BROWSER,
  headless: true,
  args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, "--no-sandbox", "--disable-gpu",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", ...JS_FLAGS],
});
try {
  // ------------------------------------------------------------------------ 2. summarize vs Readability
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url("plain", "bench.html"));
  await page.addScriptTag({ content: readFileSync(path.join(ROOT, "node_modules/@mozilla/readability/Readability.js"), "utf8") });
  await page.addScriptTag({ content: readFileSync(path.join(ROOT, "extension/flatten.js"), "utf8") });
  // Compile and instantiate: what a cold start (the extension's background started afresh) pays before the
  // first summarize. Measured in this page, as the background does it: the glue's init from the URL
  // (compileStreaming + instantiate), then compiling again from bytes and by streaming, median of 5 each.
  // (The demo page's module, www/pkg, which the summarize, card and memory sections use too: BENCH_ONLY=click
  // runs without it.)
  const DEMO_MODULE = ["summarize", "card", "memory"].some((x) => ONLY.has(x));
  const start = DEMO_MODULE && await page.evaluate(async () => {
    const t0 = performance.now();
    const m = await import("/www/pkg/threadcard.js");
    await m.default();
    const init = performance.now() - t0;
    globalThis.tc = m;
    const url = new URL("/www/pkg/threadcard_bg.wasm", location.href);
    const bytes = await (await fetch(url)).arrayBuffer();
    const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
    const fromBytes = [], streaming = [];
    for (let i = 0; i < 5; i++) {
      let t = performance.now();
      await WebAssembly.compile(bytes);
      fromBytes.push(performance.now() - t);
      t = performance.now();
      await WebAssembly.compileStreaming(fetch(url));
      streaming.push(performance.now() - t);
    }
    return { init, fromBytes: med(fromBytes), streaming: med(streaming) };
  });
  if (start) console.log(`\n== WASM start: first init (import the glue, compileStreaming, instantiate) ${ms(start.init)}; ` +
    `compile alone, median of 5: from bytes ${ms(start.fromBytes)}, compileStreaming ${ms(start.streaming)}`);
  // The linear memory a run leaves: a page of its own (so a fresh instance), the size before and after one
  // summarize. Linear memory only grows, so `after` is the run's high-water mark plus what was there before.
  // `dom`: the extension's DOM path (flatten.js, summarizeDom) instead of the HTML.
  async function wasmMemory(html, dom = false) {
    const p = await context.newPage();
    try {
      await p.goto(server.url("plain", "bench.html"));
      if (dom) await p.addScriptTag({ content: readFileSync(path.join(ROOT, "extension/flatten.js"), "utf8") });
      return await p.evaluate(async ({ html, dom }) => {
        const m = await import("/www/pkg/threadcard.js");
        const wasm = await m.default();
        const flat = dom ? globalThis.threadcardFlatten(new DOMParser().parseFromString(html, "text/html").documentElement) : null;
        const before = wasm.memory.buffer.byteLength;
        let error = null;
        try {
          if (dom) m.summarizeDom(flat, "https://forum.example/t/1", undefined);
          else m.summarize(html, "https://forum.example/t/1", undefined);
        } catch (e) {
          error = String(e.message ?? e);
        }
        return { before, after: wasm.memory.buffer.byteLength, error, flatBytes: flat?.length };
      }, { html, dom });
    } finally {
      await p.close();
    }
  }
  async function timePage(html, url) {
    return page.evaluate(
      ({ html, url, runs }) => {
        const time = (f) => {
          const t0 = performance.now();
          f();
          return performance.now() - t0;
        };
        const ours = [], readability = [], domparser = [], dom = [], flatten = [];
        let error = null;
        const guard = (f) => {
          try {
            return f();
          } catch (e) {
            error = String(e.message ?? e);
            if (e instanceof WebAssembly.RuntimeError) globalThis.tc.__wbg_reset_state(); // a panic: fresh instance
          }
        };
        const oursOnce = () => guard(() => globalThis.tc.summarize(html, url, undefined));
        const readOnce = () => new Readability(new DOMParser().parseFromString(html, "text/html")).parse();
        // The DOM path: the page is parsed already (by the browser, before the click); the extension writes
        // its tree (flatten.js) and the core builds its own from it and reads it.
        const parsed = new DOMParser().parseFromString(html, "text/html");
        const domOnce = () => guard(() => globalThis.tc.summarizeDom(globalThis.threadcardFlatten(parsed.documentElement), url, undefined));
        const byHtml = oursOnce()?.json; // warm-up
        const byDom = domOnce()?.json;
        readOnce();
        for (let i = 0; i < runs; i++) {
          ours.push(time(oursOnce));
          dom.push(time(domOnce));
          readability.push(time(readOnce));
          domparser.push(time(() => new DOMParser().parseFromString(html, "text/html")));
          flatten.push(time(() => globalThis.threadcardFlatten(parsed.documentElement)));
        }
        // DOMParser's document has scripting off, so a <noscript> holds elements there, not the raw text a
        // page has: the two paths may differ on such pages here and not in a tab.
        const same = byHtml !== undefined && byHtml === byDom;
        return { ours, readability, domparser, dom, flatten, same, error };
      },
      { html, url, runs: RUNS },
    );
  }
  if (ONLY.has("summarize")) {
    console.log(`\n== summarize (WASM, whole call incl. our parse) vs Readability.js (DOMParser parse + parse()), median of ${RUNS} runs`);
    const sampleHtml = readFileSync(path.join(ROOT, "tests/fixtures/du-kazakhstan.html"), "utf8");
    for (const [name, html] of [["bundled sample (du-kazakhstan.html)", sampleHtml], ["generated 200 KB thread", bigPage]]) {
      const r = await timePage(html, "https://forum.example/t/1");
      console.log(`${name}, ${kb(html.length)}: ThreadCard ${ms(median(r.ours))}, Readability.js ${ms(median(r.readability))} (of which DOMParser ${ms(median(r.domparser))})${r.error ? `, error: ${r.error}` : ""}`);
      console.log(`  DOM path (the extension's): ${ms(median(r.dom))} (of which flatten.js ${ms(median(r.flatten))}) = ${ratio(median(r.dom), median(r.ours))} the HTML path, ${ratio(median(r.dom), median(r.readability))} Readability.js; same Summary as the HTML path: ${r.same ? "yes" : "NO"}`);
    }
    const pages = corpusPages();
    if (!pages) {
      console.log(`corpus: ${CORPUS} is absent: skipping the real forum pages`);
    } else {
      const per = [];
      for (const p of pages) {
        const r = await timePage(p.html, "https://forum.example/");
        per.push({ name: p.name, size: p.html.length, ours: median(r.ours), read: median(r.readability), dom: median(r.domparser),
          domPath: median(r.dom), flatten: median(r.flatten), same: r.same, error: r.error });
      }
      const faster = per.filter((p) => p.ours < p.read).length;
      const errors = per.filter((p) => p.error);
      const slowest = [...per].sort((a, b) => b.ours - a.ours).slice(0, 3);
      console.log(`wcxb-forum dev, ${per.length} real forum pages (median ${kb(median(per.map((p) => p.size)))}):`);
      console.log(`  median per-page time: ThreadCard ${ms(median(per.map((p) => p.ours)))}, Readability.js ${ms(median(per.map((p) => p.read)))} (DOMParser alone ${ms(median(per.map((p) => p.dom)))})`);
      console.log(`  total: ThreadCard ${ms(per.reduce((a, p) => a + p.ours, 0))}, Readability.js ${ms(per.reduce((a, p) => a + p.read, 0))}`);
      console.log(`  ThreadCard faster on ${faster}/${per.length} pages; errors on ${errors.length}${errors.length ? `: ${errors.slice(0, 3).map((e) => `${e.name}: ${e.error}`).join("; ")}` : ""}`);
      console.log(`  slowest for ThreadCard: ${slowest.map((p) => `${p.name} ${kb(p.size)} ${ms(p.ours)} (Readability ${ms(p.read)})`).join(", ")}`);
      const mid = (f) => median(per.map(f));
      const domFaster = per.filter((p) => p.domPath < p.read).length;
      console.log(`  the extension's DOM path (flatten.js + summarizeDom), median per page ${ms(mid((p) => p.domPath))} (flatten.js ${ms(mid((p) => p.flatten))}): ` +
        `per-page ratio to the HTML path (html5ever in WASM) median ${mid((p) => p.domPath / p.ours).toFixed(2)}x, ` +
        `to Readability.js median ${mid((p) => p.domPath / p.read).toFixed(2)}x, to DOMParser alone median ${mid((p) => p.domPath / p.dom).toFixed(2)}x; ` +
        `faster than Readability.js on ${domFaster}/${per.length} pages; same Summary as the HTML path on ${per.filter((p) => p.same).length}/${per.length} (see timePage on <noscript>)`);
      const perKb = per.map((p) => p.ours / (p.size / 1024));
      console.log(`  ThreadCard time per KB of page: median ${(median(perKb) * 1000).toFixed(0)} µs/KB`);
    }
  }
  // ------------------------------------------------------------- 3. the card inserted and painted
  if (ONLY.has("card")) await cardInsert(context, server, bigPage);
  // ---------------------------------------------------------------------- 4. click-to-card latency
  if (ONLY.has("click")) await clickToCard(context, server, bigPage);
  if (ONLY.has("click")) await firstCall(page, bigPage);
  if (ONLY.has("memory")) {
    const mem = await wasmMemory(bigPage);
    const bytes = Buffer.byteLength(bigPage);
    console.log(`\n== WASM linear memory (a fresh instance, one summarize of the generated thread, ${kb(bytes)})`);
    console.log(`memory.buffer.byteLength: ${kb(mem.before)} at instantiation (static data and the 1 MB stack), ${kb(mem.after)} after the run = ${(mem.after / bytes).toFixed(1)}x the page; grown by the run ${kb(mem.after - mem.before)} = ${((mem.after - mem.before) / bytes).toFixed(1)}x (budget 10x)${mem.error ? `; error: ${mem.error}` : ""}`);
    const domMem = await wasmMemory(bigPage, true);
    console.log(`the DOM path (its tree as flatten.js writes it: ${kb(domMem.flatBytes)}): ${kb(domMem.after)} after the run; grown by the run ${kb(domMem.after - domMem.before)} = ${((domMem.after - domMem.before) / bytes).toFixed(1)}x the page${domMem.error ? `; error: ${domMem.error}` : ""}`);
  }
} finally {
  await context.close().catch(() => {});
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}

/** Runs `fn(arg)` in the extension's isolated world of the tab showing `url`, where card.js keeps the
 *  card (as background.js's probeCard does for the tests): through the service worker's
 *  scripting.executeScript, which the tab's activeTab grant (a click) allows. Returns its result. */
async function inCardWorld(context, url, fn, arg) {
  const sw = context.serviceWorkers()[0];
  return sw.evaluate(`(async () => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === ${JSON.stringify(url)});
    const [r] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: ${fn.toString()}, args: [${JSON.stringify(arg ?? null)}] });
    return r?.result;
  })()`);
}

/** 3. The card of the generated 200-post thread shown by extension/card.js in the extension's own isolated
 *  world of a tab (card.js injected by a real click, then driven through the service worker), from `show()`
 *  to the frame after it (style, layout, paint): with every post's body in the markup and every fact listed,
 *  as the card was before the outline; the outline with every fact listed; and the card now. Then a real
 *  (trusted) click on "Expand all", which inserts the 200 bodies in one parse, to its frame. Side by side
 *  in one run: the ratios are the figures, under any load. */
async function cardInsert(context, server, html) {
  console.log(`\n== the card of a 200-post thread: inserted and painted by card.js in the extension's isolated world, median of ${RUNS} runs`);
  const url = server.url("plain", "thread-200k.html");
  const tab = await context.newPage();
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  const extId = new URL(sw.url()).host;
  const cdp = await context.browser().newBrowserCDPSession();
  const s = await clickOnce(context, cdp, extId, tab, url, { cold: false }); // injects card.js, grants activeTab
  if (s.error) return console.log(`  skipped: ${s.error}`);
  // The views, rendered by the demo page's module in the bench page (the same core and card renderer).
  const b = await context.pages()[0].evaluate((html) => {
    const b = globalThis.tc.summarize(html, "https://forum.example/t/1", undefined);
    return { card_html: b.card_html, card_css: b.card_css, post_bodies: b.post_bodies, title: b.summary.title, anchors: b.summary.posts.map((p) => p.anchor ?? null) };
  }, html);
  let k = 0;
  const every = b.card_html.replace(/<div class="tc-post-body"><\/div>/g, () => `<div class="tc-post-body">${b.post_bodies[k++]}</div>`);
  // Lists of facts unfolded (their items past the first ones out of the closed "N more" <details>).
  const unfold = (h) => h.replace(/<\/ul><details class="tc-more"><summary>[^<]*<\/summary><ul>([\s\S]*?)<\/ul><\/details>/g, "$1</ul>");
  const view = (card_html) => ({ card_html, card_css: b.card_css, title: b.title, anchors: b.anchors });
  const views = { every: view(unfold(every)), unfolded: view(unfold(b.card_html)), outline: view(b.card_html) };
  await inCardWorld(context, url, (v) => {
    globalThis.__tcViews = v;
    globalThis.__tcPainted = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
  }, { ...views, bodies: b.post_bodies });
  const times = { every: [], unfolded: [], outline: [], expandEvery: [], expandOutline: [], parse: [], insert: [], elements: {} };
  for (let i = 0; i < RUNS + 1; i++) {
    for (const mode of ["every", "unfolded", "outline"]) {
      const shown = await inCardWorld(context, url, async (mode) => {
        const ui = globalThis.threadcardUi;
        if (ui.probeRoot().host?.isConnected) ui.begin(); // closes the card (the toggle)
        ui.begin(); // the "Reading thread…" panel the card replaces, as after a click
        const t0 = performance.now();
        const r = ui.show(globalThis.__tcViews[mode]);
        await globalThis.__tcPainted();
        const t = performance.now() - t0;
        if (mode !== "every") ui.bodies(globalThis.__tcViews.bodies);
        // Where "Expand all" is, for a real (trusted) click; the moment that click arrives, from the root.
        const { root } = ui.probeRoot();
        const elements = root.querySelectorAll("*").length;
        const button = root.querySelector('button[data-action="expand-all"]');
        button.scrollIntoView({ block: "center" });
        const rect = button.getBoundingClientRect();
        globalThis.__tcExpand = null;
        root.addEventListener("click", () => {
          const t1 = performance.now();
          globalThis.__tcPainted().then(() => (globalThis.__tcExpand = { ms: performance.now() - t1 }));
        }, { capture: true, once: true });
        return { t, elements, parseMs: r.parseMs, showMs: r.showMs, x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }, mode);
      await tab.mouse.click(shown.x, shown.y);
      let expand = null;
      for (let k = 0; k < 200 && !expand; k++) {
        await sleep(10);
        expand = await inCardWorld(context, url, () => globalThis.__tcExpand);
      }
      times.elements[mode] = shown.elements;
      if (i === 0) continue; // warm-up
      times[mode].push(shown.t);
      if (mode === "outline") {
        times.parse.push(shown.parseMs);
        times.insert.push(shown.showMs - shown.parseMs);
      }
      if (expand && mode !== "unfolded") times[mode === "every" ? "expandEvery" : "expandOutline"].push(expand.ms);
    }
  }
  await tab.close();
  const [all, outline] = [median(times.every), median(times.outline)];
  const size = (h) => kb(h.length);
  console.log(`markup: every post and fact ${size(views.every.card_html)} (${times.elements.every} elements in the card); every fact, posts as lines ${size(views.unfolded.card_html)} (${times.elements.unfolded}); ` +
    `the card now ${size(views.outline.card_html)} (${times.elements.outline} elements once inserted), its ${b.post_bodies.length} bodies (${kb(b.post_bodies.reduce((a, x) => a + x.length, 0))}) sent after it`);
  console.log(`show() to the frame after it: every post's body and every fact ${ms(all)} -> posts as lines, every fact ${ms(median(times.unfolded))} -> the card now ${ms(outline)}: ${(all / outline).toFixed(1)}x cheaper`);
  console.log(`  the card now: card.js's show() ${ms(median(times.parse) + median(times.insert))} (parse the markup ${ms(median(times.parse))}, insert and style ${ms(median(times.insert))}), then style, layout, first paint (and the focus, after it) ${ms(outline - median(times.parse) - median(times.insert))}`);
  console.log(`"Expand all" click to its frame: every post already inserted ${ms(median(times.expandEvery))}; the card now, inserting its ${b.post_bodies.length} bodies ${ms(median(times.expandOutline))}`);
}

/** Page side of a click: notes in `globalThis.__tcSeen` when "Reading thread…" showed, when the card's
 *  first paint (its header and outline, the facts' placeholder: state "outline") and the complete card
 *  (state "card", or its error) are in the DOM, and when the frame holding each has been painted, with
 *  card.js's own show time. */
async function watchCard(tab) {
  await tab.evaluate(() => {
    globalThis.__tcSeen = null;
    globalThis.__tcLoading = null;
    let first = null;
    const painted = (f) => requestAnimationFrame(() => setTimeout(f));
    new MutationObserver((_, obs) => {
      const host = document.getElementById("threadcard-host");
      const state = host?.dataset.state;
      if (state === "loading" && !globalThis.__tcLoading) globalThis.__tcLoading = Date.now();
      if ((state === "outline" || state === "card") && !first) {
        const at = { inDom: Date.now(), painted: null };
        first = at;
        painted(() => (at.painted = Date.now()));
      }
      if (state === "card" || state === "error") {
        obs.disconnect();
        const inDom = Date.now();
        const f = first ?? { inDom, painted: null };
        painted(() => {
          const done = () => (f.painted ? (globalThis.__tcSeen = { first: f, inDom, painted: Date.now(), state, loading: globalThis.__tcLoading, showMs: Number(host.dataset.showMs) }) : setTimeout(done, 5));
          done();
        });
      }
    }).observe(document.documentElement, { subtree: true, childList: true, attributes: true });
  });
}

/** One toolbar click on `tab` (CDP Extensions.triggerAction): from the click to "Reading thread…", to the
 *  card in the page and to the frame after it (the page's clock, which shares the machine's with this one),
 *  and what the background measured (`lastRun`, read from the worker that ran it). */
async function clickOnce(context, cdp, extId, tab, url, { cold }) {
  await tab.goto(url);
  await watchCard(tab);
  // Playwright's worker object follows the extension's worker across a stop and a restart.
  const sw = context.serviceWorkers()[0];
  if (cold) {
    // The load woke the worker (its tabs.onUpdated listener): let it settle, then stop it, as ~30 s of
    // reading would. Stopped is when CDP says so (Playwright's "close" event comes seconds later).
    await sleep(300);
    const session = await context.newCDPSession(tab);
    const stopped = new Promise((resolve) =>
      session.on("ServiceWorker.workerVersionUpdated", (e) => {
        if (e.versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${extId}/`) && v.runningStatus === "stopped")) resolve(true);
      }),
    );
    await session.send("ServiceWorker.enable");
    await session.send("ServiceWorker.stopAllWorkers");
    const ok = await Promise.race([stopped, sleep(5000).then(() => false)]);
    await session.detach().catch(() => {});
    if (!ok) return { error: "the service worker did not stop" };
  } else {
    await sw.evaluate(() => (globalThis.lastRun = null));
  }
  const { targetInfos } = await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
  const target = targetInfos.find((x) => x.url === tab.url());
  let seen = null;
  let t0 = 0;
  for (let attempt = 0; attempt < 3 && !seen; attempt++) {
    t0 = Date.now();
    await cdp.send("Extensions.triggerAction", { id: extId, targetId: target.targetId });
    for (let k = 0; k < 400 && !seen; k++) {
      await sleep(15);
      seen = await tab.evaluate(() => globalThis.__tcSeen);
    }
  }
  if (!seen) return { error: "a click produced no card" };
  let run = null;
  for (let k = 0; k < 300 && !run; k++) {
    run = await sw.evaluate(() => globalThis.lastRun ?? null).catch(() => null);
    if (!run) await sleep(20);
  }
  return {
    loading: seen.loading - t0,
    firstInDom: seen.first.inDom - t0,
    firstPainted: seen.first.painted - t0,
    firstPaint: seen.first.painted - seen.first.inDom,
    inDom: seen.inDom - t0,
    painted: seen.painted - t0,
    paint: seen.painted - seen.inDom,
    toHandler: run ? run.runStartedAt - t0 : NaN,
    workerStart: run && cold ? run.workerStartedAt - t0 : NaN,
    run,
  };
}

/** Where one kind of click's time goes, as medians of its runs (ms). */
function breakdown(label, runs) {
  const m = (f) => median(runs.map(f).filter((x) => Number.isFinite(x)));
  const r = (x) => (Number.isFinite(x) ? x.toFixed(1) : "n/a");
  const t = (p) => m((s) => s.run?.timings?.[p]);
  const wasm = runs.some((s) => s.run?.wasm)
    ? ` (this click compiled the module in ${r(m((s) => s.run?.wasm?.compile))} and instantiated it in ${r(m((s) => s.run?.wasm?.instantiate))}, from the start of the click's handler, in parallel with inject and read)`
    : "";
  console.log(`${label}, median of ${runs.length}: first paint (header and outline) ${r(m((s) => s.firstPainted))} ms after the click, the card complete (its digest and facts in) painted ${r(m((s) => s.painted))} ms ("Reading thread…" at ${r(m((s) => s.loading))} ms)`);
  const flatten = m((s) => s.run?.page?.readMs), insert = m((s) => s.run?.page?.showMs), parse = m((s) => s.run?.page?.parseMs);
  const factsInsert = m((s) => s.run?.page?.factsMs);
  console.log(`  to the first paint: click to the handler running ${r(m((s) => s.toHandler))}${Number.isFinite(m((s) => s.workerStart)) ? ` (of which starting the worker ${r(m((s) => s.workerStart))})` : ""}; inject card.js ${r(t("inject"))}; ` +
    `read the page ${r(t("read"))} (flatten.js ${r(flatten)}, message to the background ${r(t("read") - flatten)}); wait for the WASM ${r(t("wasm"))}${wasm}; ` +
    `read the thread (parse, clean, thread stage, and the fact stage while background.js's FACTS_AFTER_PAINT is off) ${r(t("thread"))}; card build ${r(t("card"))}; show ${r(t("show"))} (message to the page ${r(t("show") - insert)}, card.js's insert ${r(insert)}: parse ${r(parse)}, the rest DOM and style); first paint ${r(m((s) => s.firstPaint))}`);
  console.log(`  then to the card complete (0 while FACTS_AFTER_PAINT is off: the card is complete at its first paint): the fact stage and its sections' render ${r(t("facts"))}; message and insert ${r(t("factsShown"))} (card.js's insert ${r(factsInsert)}); paint ${r(m((s) => s.paint))}`);
  console.log(`  after the card (off the critical path): bodies rendered and sent ${r(t("bodies"))}, exports rendered ${r(t("exports"))}`);
}

/** 4. Click to card, warm and cold, on the generated 200 KB thread page; then compile time. */
async function clickToCard(context, server, html) {
  console.log("\n== click to card painted (extension loaded, generated 200 KB thread page)");
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  const extId = new URL(sw.url()).host;
  const cdp = await context.browser().newBrowserCDPSession();
  const tab = await context.newPage();
  const url = server.url("plain", "thread-200k.html");
  const first = await clickOnce(context, cdp, extId, tab, url, { cold: false });
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const s = await clickOnce(context, cdp, extId, tab, url, { cold: false });
    if (s.error) console.log(`  warm click: ${s.error}`);
    else warm.push(s);
  }
  const cold = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const s = await clickOnce(context, cdp, extId, tab, url, { cold: true });
    if (s.error) console.log(`  cold click: ${s.error}`);
    else cold.push(s);
  }
  console.log(`page: ${kb(html.length)}; budgets: warm 100 ms, cold 150 ms`);
  if (!first.error) breakdown("first click after the browser started (the worker running, the WASM not yet instantiated)", [first]);
  breakdown("warm (the worker running, the WASM instantiated)", warm);
  breakdown("cold (the worker stopped before the click by CDP ServiceWorker.stopAllWorkers from the tab's session)", cold);
  console.log("(from the CDP click command, on this process's clock, to the page's and the worker's, which are the machine's)");
  await wasmCompile(context.serviceWorkers()[0]);
}

/** What a cold click's first read pays that a warm one does not, without the click around it: in the bench
 *  page, a fresh module each time (the demo page's glue imported under a new URL, the module compiled from
 *  bytes of its own, so V8 shares no code with an earlier one) runs the click's calls on the 200 KB thread
 *  (summarizeThread, card, facts, then bodies and exports) three times. The first call of each function
 *  compiles it (V8 compiles WebAssembly lazily, with its baseline compiler, Liftoff) and runs baseline
 *  code, and the functions that run hot are queued for the optimizing compiler (TurboFan) on background
 *  threads, which on a machine of 2 busy cores take CPU from the call itself. BENCH_JS_FLAGS=--liftoff-only
 *  leaves the optimizing tier out, to show its share. */
async function firstCall(page, html) {
  if (!(await page.evaluate(() => fetch("/www/pkg/threadcard.js").then((r) => r.ok, () => false)))) {
    return console.log("\n== a fresh module's first call: skipped (no demo page module in dist/www)");
  }
  const runs = await page.evaluate(async ({ html, trials }) => {
    const flat = globalThis.threadcardFlatten(new DOMParser().parseFromString(html, "text/html").documentElement);
    const bytes = new Uint8Array(await (await fetch("/www/pkg/threadcard_bg.wasm")).arrayBuffer());
    const out = [];
    for (let k = 0; k < trials; k++) {
      const name = new TextEncoder().encode(`bench-fresh-${k}-${Math.random().toString(36).slice(2)}`);
      const unique = new Uint8Array(bytes.length + name.length + 3);
      unique.set(bytes);
      unique.set([0, name.length + 1, name.length, ...name], bytes.length);
      const m = await import(`/www/pkg/threadcard.js?fresh=${k}-${Math.random()}`);
      let t = performance.now();
      const module = await WebAssembly.compile(unique);
      const compile = performance.now() - t;
      await m.default({ module_or_path: module });
      const calls = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const thread = m.summarizeThread(flat, "https://forum.example/t/1", undefined);
        const t1 = performance.now();
        thread.card();
        const t2 = performance.now();
        thread.facts();
        const t3 = performance.now();
        thread.bodies();
        thread.exports();
        thread.free();
        calls.push({ read: t1 - t0, card: t2 - t1, facts: t3 - t2, rest: performance.now() - t3 });
      }
      out.push({ compile, calls });
    }
    return out;
  }, { html, trials: COLD_RUNS });
  const m = (f) => ms(median(runs.map(f)));
  const call = (i) => `read the thread ${m((r) => r.calls[i].read)}, card ${m((r) => r.calls[i].card)}, facts ${m((r) => r.calls[i].facts)}, bodies and exports ${m((r) => r.calls[i].rest)}`;
  console.log(`\n== a fresh module's first call (the demo page's module in the bench page, compiled from bytes of its own each time${JS_FLAGS.length ? `; ${JS_FLAGS[0]}` : ""}), median of ${runs.length}`);
  console.log(`compile ${m((r) => r.compile)}; first call: ${call(0)}`);
  console.log(`  second: ${call(1)}; third: ${call(2)}`);
  console.log("  (the first call compiles each function it reaches with V8's baseline compiler and runs that code while the hot ones are optimized on background threads; BENCH_JS_FLAGS=--liftoff-only runs it all without the optimizing tier)");
}

/** The module's compile in the service worker: WebAssembly.compileStreaming against WebAssembly.compile
 *  from bytes already read. Each compile gets bytes of its own (the module plus a custom section with a
 *  unique name), since V8 hands back the module it already holds for the same bytes. */
async function wasmCompile(sw) {
  const r = await sw.evaluate(async (runs) => {
    const url = new URL("pkg/threadcard_bg.wasm", location.href);
    const t0 = performance.now();
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const fetchMs = performance.now() - t0;
    const unique = (i) => {
      const name = new TextEncoder().encode(`bench-${i}-${Math.random().toString(36).slice(2)}`);
      const section = new Uint8Array([0, name.length + 1, name.length, ...name]);
      const out = new Uint8Array(bytes.length + section.length);
      out.set(bytes);
      out.set(section, bytes.length);
      return out;
    };
    const streaming = [], fromBytes = [];
    for (let i = 0; i < runs; i++) {
      let u = unique(2 * i);
      let t = performance.now();
      await WebAssembly.compileStreaming(new Response(u, { headers: { "content-type": "application/wasm" } }));
      streaming.push(performance.now() - t);
      u = unique(2 * i + 1);
      t = performance.now();
      await WebAssembly.compile(u);
      fromBytes.push(performance.now() - t);
    }
    return { fetchMs, streaming, fromBytes, size: bytes.length };
  }, RUNS);
  console.log(`WASM compile in the service worker (${kb(r.size)}), median of ${RUNS}: WebAssembly.compileStreaming ${ms(median(r.streaming))}, WebAssembly.compile from bytes ${ms(median(r.fromBytes))} (reading the file first: ${ms(r.fetchMs)})`);
}

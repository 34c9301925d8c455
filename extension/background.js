// ThreadCard background: the toolbar click reads the page (its tree, as the browser parsed it), the Rust core (WASM) summarizes it
// here, and card.js shows the result in the page. WASM runs in the background because Chrome refuses
// to compile it in content scripts on pages whose CSP lacks 'wasm-unsafe-eval' (see README).
import init, { summarizeThread, __wbg_reset_state as resetWasm } from "./pkg/threadcard.js";
import { cardSettings, coreOptions, load as loadSettings } from "./settings.js";

const api = globalThis.browser ?? globalThis.chrome;
/** The extension's words in the browser's UI language (_locales; the card's come from the same tables). */
const msg = (key, subs) => api.i18n.getMessage(key, subs);

// No top-level await in a service worker, and nothing but the listeners on its start path (Chrome starts
// the worker for the click): the module is compiled and instantiated lazily, once per worker lifetime,
// from the click on.
let wasmReady = null;
// A failed start is not remembered: the next click tries again.
const ensureWasm = () =>
  (wasmReady ??= startWasm().catch((e) => {
    wasmReady = null;
    throw e;
  }));
const WASM_URL = new URL("./pkg/threadcard_bg.wasm", import.meta.url);
/** This worker's compile and instantiate times (ms), for the benchmark. */
let wasmTimes = null;

/** Compiles the module as its bytes are read (streaming), then instantiates it; the two timed apart. */
async function startWasm() {
  const t0 = performance.now();
  let module;
  try {
    module = await WebAssembly.compileStreaming(fetch(WASM_URL));
  } catch (e) {
    if (!(e instanceof TypeError)) throw e; // a TypeError: no streaming for this response (its MIME type)
    module = await WebAssembly.compile(await (await fetch(WASM_URL)).arrayBuffer());
  }
  const t1 = performance.now();
  await init({ module_or_path: module });
  wasmTimes = { compile: t1 - t0, instantiate: performance.now() - t1 };
}

/** Pages no extension may script: the browser's own pages, viewers and stores. */
const UNREADABLE_URL = /^(?!https?:|file:)[a-z-]+:|^https:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons)\b/i;

const BLOCKED_REASON = msg("bg_blocked_reason");

async function inTab(tabId, func, args = []) {
  const [injection] = await api.scripting.executeScript({ target: { tabId }, func, args });
  return injection?.result;
}

/** Tells the user, on the toolbar button itself, that this page cannot be read. */
function showBlocked(tabId, detail) {
  const why = detail ? `${BLOCKED_REASON}\n\n${detail}` : BLOCKED_REASON;
  const popup = `blocked.html?why=${encodeURIComponent(why)}`;
  // Order matters for Firefox: openPopup must run in the click handler's own turn (user input).
  api.action.setPopup({ tabId, popup }).catch(() => {});
  const opened = api.action.openPopup?.().then(() => true, () => false) ?? Promise.resolve(false);
  return Promise.all([
    api.action.setBadgeBackgroundColor({ tabId, color: "#b3261e" }),
    api.action.setBadgeText({ tabId, text: "!" }),
    api.action.setTitle({ tabId, title: msg("bg_blocked_title", [BLOCKED_REASON]) }),
    opened,
  ]).then(([, , , popupOpened]) => ({ blocked: why, popupOpened }));
}

/** How many times the core's instance was replaced (`resetWasm`): a Thread made before a reset lives in
 *  the old instance's memory, so it must be neither used nor freed after it. */
let wasmGeneration = 0;

/** Frees `thread` (the core's result, kept in the module) unless a reset took its memory already. */
function release(thread, generation) {
  if (thread && generation === wasmGeneration) thread.free();
}

/** Shows the core's error `e` in the card's place; returns the error (for tests). */
async function failOnTab(tabId, e) {
  let message = String(e?.message ?? e);
  if (e instanceof WebAssembly.RuntimeError) {
    // A bug in the core (a Rust panic aborts as a trap): the instance may be left broken, so start a
    // fresh one for the next click (every Thread's memory goes with the old one). The user gets a
    // report-worthy message instead of silence.
    resetWasm();
    wasmGeneration++;
    message = msg("bg_internal_error", [message]);
  }
  await inTab(tabId, (m) => globalThis.threadcardUi.fail(m), [message]);
  return { error: message };
}

// Waits (ms) before each new try of injecting card.js into a web page that refused it. Right after a tab
// goes from another origin to the page (from the options page to a forum, say), Chromium can run the
// click's handler before the click's activeTab grant is in force for the new page: the injection fails
// with "Cannot access contents of the page" on an http(s) page the grant covers, and the same injection
// 300 ms later succeeds (seen in the e2e options cases, about 1 run in 6, logged with the tab's status
// "complete"). Without the tries that click showed "can't read this page" and set the tab's popup, so
// every later click on the page opened that popup instead of reading it. 750 ms in all: a page that is
// really blocked (by policy) is told so a moment later.
const GRANT_RETRY_MS = [50, 100, 200, 400];
const READABLE_BY_CLICK = /^https?:/i;

/** Injects the card's scripts into the tab (see GRANT_RETRY_MS for the tries). */
async function injectCard(tab) {
  for (let i = 0; ; i++) {
    try {
      return await api.scripting.executeScript({ target: { tabId: tab.id }, files: ["exports.js", "flatten.js", "card.js"] });
    } catch (e) {
      if (i >= GRANT_RETRY_MS.length || !READABLE_BY_CLICK.test(tab.url ?? "")) throw e;
      await new Promise((resolve) => setTimeout(resolve, GRANT_RETRY_MS[i]));
    }
  }
}

// Whether the card is shown before the fact stage (its header and outline, a "Still reading…" placeholder
// in the digest's place, filled when the facts are in): the core supports it (Thread.facts, card.js's
// `facts`), the benchmark reports both paints, and on the generated 200 KB thread it brings the first
// paint forward by the fact stage. (It once put "Expand all" under the sticky header on the e2e hostile
// page: the panel had no scroll padding for its header, see card.js `clearOfHead`.)
const FACTS_AFTER_PAINT = true;

/** Runs ThreadCard on one tab: the whole path from click to card. Returns what happened (for tests). */
async function runOnTab(tab) {
  const tabId = tab.id;
  const t = [performance.now()];
  const lap = () => t.push(performance.now());
  if (tab.url && UNREADABLE_URL.test(tab.url)) return showBlocked(tabId, null);
  // Start compiling the WASM now (first click after the worker starts), in parallel with reading the page;
  // the settings are read afresh on every click, so a change on the options page applies to the next one.
  const coldWasm = !wasmReady;
  ensureWasm().catch(() => {});
  const settingsRead = loadSettings();
  try {
    await injectCard(tab);
  } catch (e) {
    return showBlocked(tabId, String(e?.message ?? e));
  }
  // Shows "Reading thread…" at once and hands back the page, or closes an open card (toggle).
  const settings = await settingsRead;
  const look = cardSettings(settings);
  lap();
  const page = await inTab(tabId, (theme) => globalThis.threadcardUi.begin(theme), [look.theme]);
  lap();
  if (!page) return { closed: true };
  if (page.notHtml) {
    await inTab(tabId, (m) => globalThis.threadcardUi.fail(m), [page.notHtml]);
    return { error: page.notHtml };
  }
  // The Summary stays in the module (a Thread) from the card to the exports, and is freed whatever
  // happens in between (the tab may navigate away while the card is sent, and the injection throw).
  let thread = null;
  const generation = wasmGeneration;
  let view, bodies, shown, factsShown, exports;
  try {
    try {
      await ensureWasm();
      lap();
      // The library reads no clock: the export time for the Markdown's front matter comes from here.
      const options = { ...coreOptions(settings, api.i18n.getUILanguage()), exported_at: new Date().toISOString() };
      // The page as the browser parsed it (flatten.js): the core builds its tree from that, without parsing again.
      thread = summarizeThread(page.dom, page.url, options);
      if (!FACTS_AFTER_PAINT) thread.facts();
      lap();
      const card = thread.card();
      lap();
      // The options the page script applies itself: theme, default export format, what "Copy" copies.
      view = { card_html: card.card_html, card_css: card.card_css, title: card.title, anchors: card.anchors, settings: look };
    } catch (e) {
      return await failOnTab(tabId, e);
    }
    shown = await inTab(tabId, (v) => globalThis.threadcardUi.show(v), [view]);
    lap();
    // With FACTS_AFTER_PAINT the card is up with its header and outline; the fact stage runs now, and its
    // sections take the placeholder's place (the digest and the facts come before the rest).
    if (FACTS_AFTER_PAINT) {
      let facts;
      try {
        facts = thread.facts();
      } catch (e) {
        return await failOnTab(tabId, e);
      }
      lap();
      factsShown = await inTab(tabId, (h) => globalThis.threadcardUi.facts(h), [facts]);
      lap();
    } else {
      lap();
      lap();
    }
    // The posts' bodies follow the card, rendered once it is up: it shows one line per post until the
    // reader opens one.
    try {
      bodies = thread.bodies();
    } catch (e) {
      return await failOnTab(tabId, e);
    }
    await inTab(tabId, (b) => globalThis.threadcardUi.bodies(b), [bodies]);
    lap();
    // The exports go over after the card is up: they are as large as the page and no one needs them to read.
    try {
      exports = thread.exports();
    } catch (e) {
      return await failOnTab(tabId, e);
    }
    lap();
  } finally {
    release(thread, generation);
  }
  await inTab(tabId, (x) => globalThis.threadcardUi.exports(x), [exports]);
  // Where the time went, in ms: inject card.js, read the page (and send it here), wait for the WASM,
  // read the thread (parse, clean, thread stage), render the card, show it (send it and insert it: the
  // first paint, header and outline), the fact stage, send its sections and insert them (the card
  // complete), then render and send the bodies and render the exports (not sent yet); the page's own
  // share of read, show and the facts' insert; for a click that started the WASM, its compile and
  // instantiate; and when the worker and this run started (epoch ms),
  // which tells a benchmark how long the browser took to start the worker for the click.
  const round = (x) => Math.round(x * 10) / 10;
  const phases = ["inject", "read", "wasm", "thread", "card", "show", "facts", "factsShown", "bodies", "exports"];
  const timings = Object.fromEntries(phases.map((p, i) => [p, round(t[i + 1] - t[i])]));
  globalThis.lastRun = {
    title: view.title,
    timings,
    page: { readMs: round(page.readMs ?? NaN), showMs: round(shown?.showMs ?? NaN), parseMs: round(shown?.parseMs ?? NaN), factsMs: round(factsShown?.factsMs ?? NaN) },
    wasm: coldWasm && wasmTimes ? { compile: round(wasmTimes.compile), instantiate: round(wasmTimes.instantiate) } : null,
    workerStartedAt: performance.timeOrigin,
    runStartedAt: performance.timeOrigin + t[0],
  };
  return globalThis.lastRun;
}

// Listeners are registered synchronously at top level (a service worker requirement).
api.action.onClicked.addListener((tab) => {
  runOnTab(tab).catch((e) => console.error("ThreadCard:", e));
});

// No tabs.onUpdated listener: it would start the worker on every page load. The "can't read this page"
// state (showBlocked) is set per tab, and both browsers drop a tab's own popup, badge and title when the
// tab navigates (checked in tests/e2e, "unreadable page"), so the worker starts for the click alone.

// Test hook (end-to-end tests in Chromium call it through the service worker).
globalThis.runOnTab = runOnTab;

/** Test hook: the end-to-end tests read and click the card through this, never through the page (the
 *  card's shadow root is closed). It injects probe.js into the extension's isolated world of the card's
 *  tab, where card.js keeps the root, and calls `threadcardProbe[what](arg)` there. The tab is the active
 *  one of a window other than `notWindow` (the window a Firefox test drives this from). Only the
 *  extension's own pages and the test driver's access to the background can call it. Returns JSON text.
 *  `files` are injected first: only files of the package itself can be, so the accessibility audit runs
 *  on a test copy of the package that adds axe-core (tests/e2e), never on what users install. */
globalThis.probeCard = async (what, arg, notWindow, files = []) => {
  try {
    const tabs = await api.tabs.query({ active: true });
    const tab = tabs.find((t) => t.windowId !== notWindow);
    if (!tab) return JSON.stringify({ error: "no tab" });
    // The default world of executeScript is the extension's ISOLATED world, the one card.js runs in.
    // `files`: test-only scripts a test build of the package adds (axe-core for the audit).
    await api.scripting.executeScript({ target: { tabId: tab.id }, files: [...files, "probe.js"] });
    const result = await inTab(tab.id, (w, a) => globalThis.threadcardProbe[w](a), [what, arg ?? null]);
    return JSON.stringify(result ?? null);
  } catch (e) {
    return JSON.stringify({ error: String(e?.message ?? e) });
  }
};

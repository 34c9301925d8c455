// End-to-end tests in real headless Firefox: geckodriver installs the extension as a temporary add-on and
// the tests click the real toolbar button in the browser's own UI (the chrome context).
// Run: node tests/e2e/firefox.mjs (after ./build.sh). EXT=dir-or-zip overrides the extension.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mkdirSync, openSync } from "node:fs";
import { publishStoreScreenshots } from "./store.mjs";
import { EXTRA_PAGES, OUT, auditPackage, germanCases, runCases, runner, publishScreenshot, startServer } from "./cases.mjs";
import { freePort } from "./server.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// The package a user installs: the zip (geckodriver installs it as a temporary add-on).
const PACKAGE = path.resolve(process.env.EXT ?? path.join(ROOT, "dist/threadcard-firefox.zip"));
// The package plus axe-core, for the accessibility audit (see cases.mjs).
const EXT_TMP = mkdtempSync(path.join(tmpdir(), "threadcard-ff-ext-"));
const EXT = auditPackage(PACKAGE, EXT_TMP);
// Real key names to WebDriver key codes.
const KEYS = { Tab: "\uE004", Enter: "\uE007", Escape: "\uE00C" };
const PORT = Number(process.env.E2E_FIREFOX_PORT ?? 0);
const GD_PORT = Number(process.env.GECKODRIVER_PORT ?? (await freePort()));
const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const t = runner("firefox");
const server = await startServer(PORT, EXTRA_PAGES);
const downloads = mkdtempSync(path.join(tmpdir(), "threadcard-ff-downloads-"));
// Firefox's own noise (GLib warnings, no-network errors) goes to a log beside the screenshots.
mkdirSync(OUT, { recursive: true });
const log = openSync(path.join(OUT, "geckodriver.log"), "w");
const gd = spawn("geckodriver", ["--port", String(GD_PORT), "--allow-system-access"], {
  stdio: ["ignore", log, log],
});
process.on("exit", () => gd.kill());

async function wd(method, url, body) {
  const res = await fetch(`http://127.0.0.1:${GD_PORT}${url}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body && JSON.stringify(body),
  });
  const j = await res.json();
  if (!res.ok) throw new Error(`${method} ${url}: ${j.value?.error}: ${j.value?.message}`);
  return j.value;
}

let S = null;
try {
  for (let i = 0; i < 100; i++) {
    try {
      await wd("GET", "/status");
      break;
    } catch {
      await sleep(100);
    }
  }
  /** A browser session with the extension installed; `prefs` adds to the download prefs (the German run's
   *  UI language). Sets S, the add-on's button, the main window and the probe window. */
  async function startSession(prefs = {}) {
    const { sessionId } = await wd("POST", "/session", {
      capabilities: {
        alwaysMatch: {
          browserName: "firefox",
          "moz:firefoxOptions": {
            binary: FIREFOX,
            args: ["-headless"],
            prefs: {
              "browser.download.folderList": 2,
              "browser.download.dir": downloads,
              "browser.download.useDownloadDir": true,
              "browser.download.always_ask_before_handling_new_types": false,
              "browser.download.start_downloads_in_tmp_dir": false,
              "browser.download.alwaysOpenPanel": false,
              "browser.download.open_pdf_attachments_inline": false,
              ...prefs,
            },
          },
        },
      },
    });
    S = `/session/${sessionId}`;
    await wd("POST", `${S}/window/rect`, { width: 1280, height: 800 });
    addonId = await wd("POST", `${S}/moz/addon/install`, { path: EXT, temporary: true });
    const widget = addonId.toLowerCase().replace(/[^a-z0-9_-]/g, "_") + "-browser-action";
    buttonCss = `#${widget} .webextension-browser-action`;
    // The probe window: one of the extension's own pages (blocked.html, any would do) in a window of its
    // own. From there the test calls the background's probeCard hook, as only the extension can.
    mainWindow = await wd("GET", `${S}/window`);
    extBase = await inChrome(() => exec("return WebExtensionPolicy.getByID(arguments[0]).getURL('');", [addonId]));
    ({ handle: probeWindow } = await wd("POST", `${S}/window/new`, { type: "window" }));
    await wd("POST", `${S}/window`, { handle: probeWindow });
    await wd("POST", `${S}/url`, { url: `${extBase}blocked.html` });
    await wd("POST", `${S}/window`, { handle: mainWindow });
  }
  let addonId, buttonCss, mainWindow, extBase, probeWindow;

  const find = (css, from = "") =>
    wd("POST", `${S}${from}/element`, { using: "css selector", value: css }).then((e) => Object.values(e)[0], () => null);
  const exec = (script, args = []) => wd("POST", `${S}/execute/sync`, { script, args });
  async function inChrome(fn) {
    await wd("POST", `${S}/moz/context`, { context: "chrome" });
    try {
      return await fn();
    } finally {
      await wd("POST", `${S}/moz/context`, { context: "content" });
    }
  }
  await startSession();
  async function probe(what, arg, files) {
    await wd("POST", `${S}/window`, { handle: probeWindow });
    try {
      const json = await wd("POST", `${S}/execute/async`, {
        script: `const [what, arg, files, done] = arguments;
          const open = (o) => o?.wrappedJSObject ?? o; // past the test sandbox's X-ray view of the page
          const api = open(window).browser;
          api.windows.getCurrent()
            .then((win) => api.runtime.getBackgroundPage().then((bg) => open(bg).probeCard(what, arg, win.id, files)))
            .then((r) => done(String(r)), (e) => done(JSON.stringify({ error: String(e) })));`,
        args: [what, arg ?? null, files ?? []],
      });
      return JSON.parse(json);
    } finally {
      await wd("POST", `${S}/window`, { handle: mainWindow });
    }
  }
  async function cardElement(css) {
    const host = await find("#threadcard-host");
    if (!host) throw new Error("no card on the page");
    const shadow = Object.values(await wd("GET", `${S}/element/${host}/shadow`))[0];
    const el = await find(css, `/shadow/${shadow}`);
    if (!el) throw new Error(`no ${css} in the card`);
    return el;
  }
  const downloaded = () => new Set(readdirSync(downloads));

  const driver = {
    goto: (url) => wd("POST", `${S}/url`, { url }),
    get optionsUrl() {
      return `${extBase}options.html`;
    },
    // A real pick in a <select>: WebDriver's click on the <option> selects it and fires input and change.
    select: async (css, value) => wd("POST", `${S}/element/${await find(`${css} option[value="${value}"]`)}/click`, {}),
    clickAction: () =>
      inChrome(async () => {
        let btn = await find(buttonCss);
        if (!btn) {
          // Not in the toolbar: MV3 actions may sit in the Extensions panel.
          await wd("POST", `${S}/element/${await find("#unified-extensions-button")}/click`, {});
          for (let i = 0; i < 50 && !btn; i++) {
            await sleep(100);
            btn = await find(buttonCss);
          }
        }
        await wd("POST", `${S}/element/${btn}/click`, {});
      }),
    page: (fn, ...args) => exec(`return (${fn})(...arguments);`, args),
    probe,
    clickAt: (x, y) =>
      wd("POST", `${S}/actions`, {
        actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [
          { type: "pointerMove", x, y, origin: "viewport" }, { type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 },
        ] }],
      }),
    // The demo page's card: its root is open, so WebDriver reaches it from the page.
    clickInOpenRoot: async (css) => wd("POST", `${S}/element/${await cardElement(css)}/click`, {}),
    clickInPage: async (css) => wd("POST", `${S}/element/${await find(css)}/click`, {}),
    // WebDriver "element send keys" on a file input chooses that file.
    setFile: async (css, file) => wd("POST", `${S}/element/${await find(css)}/value`, { text: file }),
    key: (name) =>
      wd("POST", `${S}/actions`, {
        actions: [{ type: "key", id: "kbd", actions: [{ type: "keyDown", value: KEYS[name] ?? name }, { type: "keyUp", value: KEYS[name] ?? name }] }],
      }),
    // prefers-color-scheme for web content: 0 dark, 1 light.
    colorScheme: (scheme) =>
      inChrome(() =>
        exec(`Services.prefs.setIntPref("layout.css.prefers-color-scheme.content-override", arguments[0]);`, [scheme === "dark" ? 0 : 1]),
      ),
    viewport: (width, height) =>
      exec("return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight];").then(([dw, dh]) =>
        wd("POST", `${S}/window/rect`, { width: width + dw, height: height + dh }),
      ),
    pressEscape: () =>
      wd("POST", `${S}/actions`, {
        actions: [{ type: "key", id: "kbd", actions: [{ type: "keyDown", value: "\uE00C" }, { type: "keyUp", value: "\uE00C" }] }],
      }),
    // The shortcut reaches the browser only as keys sent in the chrome context (docs/browser-testing).
    shortcut: () =>
      inChrome(() =>
        wd("POST", `${S}/actions`, {
          actions: [{ type: "key", id: "kbd", actions: [
            { type: "keyDown", value: "\uE00A" }, { type: "keyDown", value: "\uE008" },
            { type: "keyDown", value: "Y" }, { type: "keyUp", value: "Y" },
            { type: "keyUp", value: "\uE008" }, { type: "keyUp", value: "\uE00A" },
          ] }],
        }),
      ),
    readClipboard: () =>
      inChrome(() =>
        exec(`
          const trans = Cc["@mozilla.org/widget/transferable;1"].createInstance(Ci.nsITransferable);
          trans.init(null);
          trans.addDataFlavor("text/plain");
          Services.clipboard.getData(trans, Services.clipboard.kGlobalClipboard, null);
          const data = {};
          trans.getTransferData("text/plain", data);
          return data.value.QueryInterface(Ci.nsISupportsString).data;`),
      ),
    async download(click) {
      const before = downloaded();
      await click();
      for (let i = 0; i < 100; i++) {
        const fresh = [...downloaded()].filter((f) => !before.has(f) && !f.endsWith(".part"));
        const partial = [...downloaded()].some((f) => f.endsWith(".part"));
        if (fresh.length && !partial) {
          await sleep(100);
          return { name: fresh[0], text: readFileSync(path.join(downloads, fresh[0]), "utf8") };
        }
        await sleep(100);
      }
      throw new Error(`no download in ${downloads}`);
    },
    screenshot: async (file) => writeFileSync(file, Buffer.from(await wd("GET", `${S}/screenshot`), "base64")),
    async unreadable() {
      const url = "about:robots";
      await driver.goto(url);
      await driver.clickAction();
      await sleep(1000);
      // What the user sees: the popup the click opened, and the button's badge and tooltip.
      return inChrome(async () => {
        const seen = await exec(
          `const btn = document.querySelector(arguments[0]);
           const popup = [...document.querySelectorAll("browser.webextension-popup-browser")]
             .map((b) => b.currentURI?.spec).find((u) => u && u.includes("/blocked.html"));
           return { badge: btn?.getAttribute("badge") ?? null, tooltip: btn?.getAttribute("tooltiptext") ?? btn?.getAttribute("label") ?? null, popup: popup ?? null };`,
          [buttonCss],
        );
        const message = seen.badge === "!" ? seen.tooltip : null;
        // Close the popup so later clicks reach the page.
        await wd("POST", `${S}/actions`, {
          actions: [{ type: "key", id: "kbd", actions: [{ type: "keyDown", value: "\uE00C" }, { type: "keyUp", value: "\uE00C" }] }],
        }).catch(() => {});
        return { url, message, shownAs: seen.popup ? "popup + badge + tooltip" : "badge + tooltip", ...seen };
      }).then(async (r) => {
        // The tab goes on to a readable page: the browser drops the tab's own badge by itself.
        await driver.goto(server.url("plain", "engines/lemmy.html"));
        const afterNavigation = await inChrome(() => exec(
          `const btn = document.querySelector(arguments[0]); return { badge: btn?.getAttribute("badge") ?? "" };`,
          [buttonCss],
        ));
        return { ...r, afterNavigation };
      });
    },
  };
  await runCases("firefox", driver, t, server);
  publishScreenshot("firefox");
  publishStoreScreenshots("firefox", t);
  if (!process.env.E2E_ONLY || process.env.E2E_ONLY === "options") {
    // A second browser whose UI language is German (Debian's firefox-esr-l10n-de language pack).
    await wd("DELETE", S).catch(() => {});
    await startSession({ "intl.locale.requested": "de", "extensions.autoDisableScopes": 0 });
    await wd("POST", `${S}/url`, { url: driver.optionsUrl });
    const ui = await exec("return (window.wrappedJSObject ?? window).browser.i18n.getUILanguage();").catch((e) => String(e));
    console.log(`  German run: browser.i18n.getUILanguage() = ${ui}`);
    await germanCases("firefox", driver, t, server);
  }
} catch (e) {
  t.check("runner", false, e?.stack ?? String(e));
} finally {
  if (S) await wd("DELETE", S).catch(() => {});
  gd.kill();
  await server.close();
  rmSync(downloads, { recursive: true, force: true });
  rmSync(EXT_TMP, { recursive: true, force: true });
}
process.exit(t.summary() ? 1 : 0);

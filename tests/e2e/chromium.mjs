// End-to-end tests in real headless Chromium: Playwright launches it with the unpacked extension, and CDP
// Extensions.triggerAction clicks the real toolbar action (granting activeTab, as a user's click does).
// Run: node tests/e2e/chromium.mjs (after ./build.sh). EXT=dir overrides the extension folder.
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { publishStoreScreenshots } from "./store.mjs";
import { EXTRA_PAGES, auditPackage, germanCases, runCases, runner, publishScreenshot, startServer } from "./cases.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PACKAGE = path.resolve(process.env.EXT ?? path.join(ROOT, "dist/chrome"));
const PORT = Number(process.env.E2E_CHROMIUM_PORT ?? 0);
const BROWSER = process.env.CHROMIUM ?? "/usr/lib/chromium/chromium";

const t = runner("chromium");
const server = await startServer(PORT, EXTRA_PAGES);
const profile = mkdtempSync(path.join(tmpdir(), "threadcard-chromium-"));
// The package plus axe-core, for the accessibility audit (see cases.mjs).
const EXT = auditPackage(PACKAGE, mkdtempSync(path.join(tmpdir(), "threadcard-chromium-ext-")));
let context, sw, extId, page, cdp;
/** Starts Chromium on `dir` (a profile kept across restarts) with the extension; `lang`: its UI language. */
async function launch(dir, lang) {
  context = await chromium.launchPersistentContext(dir, {
    executablePath: BROWSER,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    // The UI language: the flag, and the environment Chromium reads it from on Linux (with chromium-l10n).
    env: lang ? { ...process.env, LANGUAGE: lang, LANG: `${lang}_DE.UTF-8` } : process.env,
    args: [
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      ...(lang ? [`--lang=${lang}`] : []),
    ],
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: `http://127.0.0.1:${server.port}` });
  sw = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  extId = new URL(sw.url()).host;
  page = context.pages()[0] ?? (await context.newPage());
  cdp = await context.browser().newBrowserCDPSession();
  driver.optionsUrl = `chrome-extension://${extId}/options.html`;
}
const profileDe = mkdtempSync(path.join(tmpdir(), "threadcard-chromium-de-"));
let driver;
try {

  async function tabTarget() {
    const { targetInfos } = await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
    return targetInfos.find((x) => x.url === page.url()) ?? targetInfos[0];
  }
  driver = {
    goto: (url) => page.goto(url),
    // A real pick in a <select> (Playwright selects the option and fires input and change, as a user's does).
    select: (css, value) => page.selectOption(css, value, { timeout: 5000 }),
    // The browser closed and started again on the same profile: stored settings must still be there.
    async restart() {
      await context.close();
      await launch(profile);
    },
    async clickAction() {
      await cdp.send("Extensions.triggerAction", { id: extId, targetId: (await tabTarget()).targetId });
    },
    page: (fn, ...args) => page.evaluate(`(${fn})(...${JSON.stringify(args)})`),
    // The background's test hook, called in the service worker (the page has no way to it).
    probe: (what, arg, files) =>
      sw.evaluate(([w, a, f]) => globalThis.probeCard(w, a, undefined, f), [what, arg ?? null, files ?? []]).then(JSON.parse),
    key: (name) => page.keyboard.press(name),
    colorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
    viewport: (width, height) => page.setViewportSize({ width, height }),
    clickAt: (x, y) => page.mouse.click(x, y),
    clickInOpenRoot: (css) => page.locator(`#threadcard-host ${css}`).first().click({ timeout: 5000 }),
    clickInPage: (css) => page.click(css, { timeout: 5000 }),
    setFile: (css, file) => page.setInputFiles(css, file),
    pressEscape: () => page.keyboard.press("Escape"),
    readClipboard: () => page.evaluate(() => navigator.clipboard.readText()),
    async download(click) {
      const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }), click()]);
      return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), "utf8") };
    },
    screenshot: (file) => page.screenshot({ path: file }),
    async unreadable() {
      const url = "chrome://version/";
      await page.goto(url);
      await driver.clickAction();
      await page.waitForTimeout(1000);
      // What the user sees: the popup, when the browser opened it, else the button's badge and tooltip.
      const findPopup = () => context.pages().find((p) => p.url().includes("/blocked.html"));
      let popup = findPopup();
      if (!popup) {
        // Headless Chromium does not open it from openPopup(); the next click on the button does.
        await driver.clickAction();
        await page.waitForTimeout(1000);
        popup = findPopup();
      }
      const state = await sw.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return {
          badge: await chrome.action.getBadgeText({ tabId: tab.id }),
          title: await chrome.action.getTitle({ tabId: tab.id }),
          popup: await chrome.action.getPopup({ tabId: tab.id }),
        };
      });
      const popupText = popup ? (await popup.locator("main").textContent()).replace(/\s+/g, " ").trim() : null;
      const message = popupText ?? (state.badge === "!" && state.popup.includes("blocked.html") ? state.title : null);
      // The tab goes on to a readable page: the browser drops the tab's own badge and popup by itself.
      await page.goto(server.url("plain", "engines/lemmy.html"));
      const afterNavigation = await sw.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return { badge: await chrome.action.getBadgeText({ tabId: tab.id }), popup: await chrome.action.getPopup({ tabId: tab.id }) };
      });
      return { url, message, shownAs: popupText ? "popup" : "badge+tooltip", ...state, afterNavigation };
    },
  };
  await launch(profile);
  await runCases("chromium", driver, t, server);
  publishScreenshot("chromium");
  publishStoreScreenshots("chromium", t);
  if (!process.env.E2E_ONLY || process.env.E2E_ONLY === "options") {
    // A second browser whose UI language is German, on a fresh profile.
    await context.close();
    await launch(profileDe, "de");
    const ui = await sw.evaluate(() => chrome.i18n.getUILanguage());
    console.log(`  German run: chrome.i18n.getUILanguage() = ${ui}`);
    await germanCases("chromium", driver, t, server);
  }
} catch (e) {
  t.check("runner", false, e?.stack ?? String(e));
} finally {
  await context?.close().catch(() => {});
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(profileDe, { recursive: true, force: true });
  rmSync(path.dirname(EXT), { recursive: true, force: true });
}
process.exit(t.summary() ? 1 : 0);

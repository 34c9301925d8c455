// The demo page (dist/www, served at /www/ by server.mjs): the Rust application of src/www.rs, in a real
// browser. The sample button, a saved page chosen through the file input and one dropped on the page (both
// windows-1252 bytes, decoded by the Rust side), and the card's export buttons.
// Uses the driver of cases.mjs plus setFile(css, path) (a real file chosen for an <input type=file>).
import path from "node:path";
import { FIXTURES } from "./server.mjs";

const SAMPLE_TITLE = "Kazakhstan's president says Russian troops to start leaving this week";
/** A saved FluxBB page in windows-1252 (it declares ISO-8859-1, which browsers read as windows-1252). */
const LEGACY = "encodings/windows-1252.html";
/** What its bytes say once decoded: a title with an en dash (0x96) and text with é, ü, ß and € (0x80). */
const LEGACY_TITLE = "Café racer rebuild – what it cost";
const LEGACY_TEXT = ["Jürgen Weiß", "€1,240", "“the money pit”"];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The demo page as its user sees it: the card's title (in its open root), the status line, the form. */
export function demoView() {
  const r = document.getElementById("threadcard-host")?.shadowRoot;
  const title = r?.querySelector(".tc-title");
  return {
    title: title?.textContent ?? null,
    titleSize: title ? getComputedStyle(title).fontSize : null,
    cardText: r?.textContent ?? "",
    status: document.getElementById("status")?.textContent ?? null,
    html: document.getElementById("html")?.value ?? "",
  };
}

/** Drops the bytes at `url` on the page as a file, the way a drag from the desktop delivers one. */
async function dropFile(url, name) {
  const bytes = await (await fetch(url)).arrayBuffer();
  const data = new DataTransfer();
  data.items.add(new File([bytes], name, { type: "text/html" }));
  document.body.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
  document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  return bytes.byteLength;
}

/** Opens the demo page and waits until the Rust side has wired it (it says "Ready."). */
async function open(d, server) {
  await d.goto(server.www);
  for (let i = 0; i < 100 && (await d.page(() => document.getElementById("status")?.textContent)) !== "Ready."; i++) {
    await sleep(50);
  }
}

/** Waits until the card's title is `title` (or 5 s passed); returns the last view. */
async function waitForTitle(d, title) {
  let s = await d.page(demoView);
  for (let i = 0; i < 100 && s.title !== title; i++) {
    await sleep(50);
    s = await d.page(demoView);
  }
  return s;
}

/** The legacy page's text decoded right: on the card and in the form's field. */
function decodedRight(s) {
  return s.title === LEGACY_TITLE && LEGACY_TEXT.every((x) => s.cardText.includes(x) && s.html.includes(x)) &&
    !s.cardText.includes("\uFFFD");
}

export async function demoCases(browser, d, t, server) {
  await t.attempt("demo page: sample", async () => {
    await open(d, server);
    await d.clickInPage("#sample");
    const s = await waitForTitle(d, SAMPLE_TITLE);
    t.check("demo page (dist/www): the sample's card", s.title === SAMPLE_TITLE && s.titleSize === "21px", JSON.stringify(s.title));
    t.check("demo page: the status line counts the posts", /^\d+ posts read\.$/.test(s.status ?? ""), JSON.stringify(s.status));
    const file = await d.download(() => d.clickInOpenRoot('button[data-action="download-json"]'));
    t.check("demo page: download .json", JSON.parse(file.text).title === SAMPLE_TITLE, file.text.slice(0, 80));
    const md = await d.download(() => d.clickInOpenRoot('button[data-action="download-md"]'));
    t.check("demo page: download .md", md.name.endsWith(".md") && md.text.startsWith("---\n") && md.text.includes(`\n# ${SAMPLE_TITLE}`), md.text.slice(0, 80));
    await d.clickInOpenRoot('button[data-action="copy-md"]');
    await sleep(300);
    const copied = await d.readClipboard();
    const said = (await d.page(demoView)).status;
    t.check("demo page: Copy puts the Markdown on the clipboard and says so",
      copied === md.text && said === "Copied.", JSON.stringify({ said, head: copied?.slice(0, 60) }));
    await d.clickInOpenRoot('button[data-action="close"]');
    await sleep(200);
    const closed = await d.page(demoView);
    t.check("demo page: Close removes the card", closed.title === null, JSON.stringify(closed.title));
  });

  await t.attempt("demo page: windows-1252 file chosen", async () => {
    await open(d, server);
    await d.setFile("#file", path.join(FIXTURES, LEGACY));
    const s = await waitForTitle(d, LEGACY_TITLE);
    t.check(
      "demo page: a windows-1252 file from the file input is decoded by Rust (title, é ü ß €, curly quotes)",
      decodedRight(s),
      JSON.stringify({ title: s.title, status: s.status, text: s.cardText.slice(0, 200) }),
    );
  });

  await t.attempt("demo page: windows-1252 file dropped", async () => {
    await open(d, server);
    const size = await d.page(dropFile, server.url("plain", LEGACY), "saved-page.html");
    const s = await waitForTitle(d, LEGACY_TITLE);
    t.check(
      `demo page: a dropped windows-1252 file (${size} bytes) is decoded by Rust`,
      decodedRight(s),
      JSON.stringify({ title: s.title, status: s.status, text: s.cardText.slice(0, 200) }),
    );
  });

  await t.attempt("demo page: not a page", async () => {
    await open(d, server);
    await d.page(() => {
      document.getElementById("html").value = "just some words, no markup";
      document.getElementById("go").click();
    });
    let s = await d.page(demoView);
    for (let i = 0; i < 40 && /^(Ready\.|Reading…)$/.test(s.status ?? ""); i++) {
      await sleep(50);
      s = await d.page(demoView);
    }
    t.check("demo page: text that is not HTML gets a message and no card", s.title === null && /HTML/.test(s.status ?? ""),
      JSON.stringify({ title: s.title, status: s.status }));
  });
}

// ThreadCard demo page: the same WASM core and the same card as the extension, on pasted or dropped HTML.
// Thin glue: Rust renders the card (page text escaped in src/render/escape.rs); this file wires inputs and buttons.
import init, { summarize, summarizeBytes, sampleHtml, __wbg_reset_state as resetWasm } from "./pkg/threadcard.js";

const $ = (id) => document.getElementById(id);
const status = (text, error = false) => {
  $("status").textContent = text;
  $("status").classList.toggle("error", error);
};
const SAMPLE_URL = "https://www.democraticunderground.com/100216341234";
let view = null;

const ready = init().then(
  () => status("Ready."),
  (e) => status(`Could not load the WebAssembly module: ${e.message}`, true),
);

/** The card in a shadow root, styled with card_css through a constructed sheet (no inline styles). */
function showCard(bundle) {
  const result = $("result");
  const host = document.createElement("div");
  host.id = "threadcard-host";
  host.dataset.state = "card";
  // Open, unlike the extension's (closed, see extension/card.js): here the card sits on ThreadCard's own
  // page, whose only scripts are this file, so there is no other page script to keep it from; the root
  // is for the styles (kept apart from the demo page's), and the end-to-end tests read it from the page.
  const root = host.attachShadow({ mode: "open" });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(bundle.card_css);
  root.adoptedStyleSheets = [sheet];
  const doc = new DOMParser().parseFromString(`<body>${bundle.card_html}</body>`, "text/html");
  root.append(...doc.body.childNodes);
  root.addEventListener("click", onCardClick);
  host.addEventListener("keydown", (e) => e.key === "Escape" && closeCard());
  result.replaceChildren(host);
  root.querySelector(".tc-card")?.focus();
}

function closeCard() {
  $("result").replaceChildren();
  view = null;
  $("html").focus();
}

const download = (text, type, ext) =>
  globalThis.threadcardExports.download(text, type, ext, view?.summary.title, document.body, view?.file_names?.[ext]);

async function onCardClick(e) {
  const target = e.target instanceof Element ? e.target : null;
  const from = target?.closest("a.tc-from[data-post]");
  if (from) {
    // No page here to scroll to: the card's own copy of the post.
    e.preventDefault();
    const post = e.currentTarget.getElementById(`tc-post-${from.dataset.post}`);
    if (post?.localName === "details") post.open = true; // the posts are an outline (<details>)
    post?.scrollIntoView({ behavior: "smooth", block: "start" });
    return;
  }
  const button = target?.closest("button[data-action]");
  if (!button || !view) return;
  switch (button.dataset.action) {
    case "close":
      closeCard();
      break;
    case "copy-md":
      if (await globalThis.threadcardExports.copy(view.markdown, document.body)) status("Markdown copied.");
      else status("Could not copy the Markdown.", true);
      break;
    case "download-md":
      download(view.markdown, "text/markdown;charset=utf-8", "md");
      break;
    case "download-json":
      download(view.json, "application/json;charset=utf-8", "json");
      break;
    default: {
      // The card's "More exports" menu: `copy-<ext>` / `download-<ext>` for each export of the bundle.
      const [, verb, ext] = /^(copy|download)-(\w+)$/.exec(button.dataset.action) ?? [];
      const [field, type] = {
        md: ["markdown", "text/markdown"],
        json: ["json", "application/json"],
        jsonld: ["jsonld", "application/ld+json"],
        html: ["html_page", "text/html"],
        txt: ["text", "text/plain"],
      }[ext] ?? [];
      const text = field && view[field];
      if (!text) return;
      if (verb === "download") download(text, `${type};charset=utf-8`, ext);
      else if (await globalThis.threadcardExports.copy(text, document.body)) status("Copied.");
      else status("Could not copy.", true);
    }
  }
}

async function run(html, url) {
  await ready;
  try {
    const t0 = performance.now();
    // A dropped file comes as bytes: the core decodes them as a browser would (legacy encodings, UTF-16).
    view = typeof html === "string" ? summarize(html, url || undefined) : summarizeBytes(html, url || undefined);
    if (view.html !== undefined) $("html").value = view.html;
    const ms = performance.now() - t0;
    showCard(view);
    status(`${view.summary.stats.posts} posts read.`);
    $("timing").textContent = `last page: ${(html.length / 1024).toFixed(0)} KB in ${ms.toFixed(1)} ms`;
  } catch (e) {
    view = null;
    $("result").replaceChildren();
    if (e instanceof WebAssembly.RuntimeError) {
      resetWasm(); // a bug in the core trapped: start a fresh instance for the next page
      status(`ThreadCard hit an internal error on this page (${e.message}). Please report it.`, true);
    } else {
      status(String(e?.message ?? e), true);
    }
  }
}

async function readFile(file) {
  if (!file) return;
  status(`Read ${file.name}.`);
  run(new Uint8Array(await file.arrayBuffer()), $("url").value.trim());
}

$("input").addEventListener("submit", (e) => {
  e.preventDefault();
  run($("html").value, $("url").value.trim());
});
$("sample").addEventListener("click", async () => {
  await ready;
  $("html").value = sampleHtml();
  $("url").value = SAMPLE_URL;
  run($("html").value, SAMPLE_URL);
});
$("file").addEventListener("change", (e) => readFile(e.target.files[0]));
document.addEventListener("dragover", (e) => {
  e.preventDefault();
  document.body.classList.add("dragging");
});
document.addEventListener("dragleave", () => document.body.classList.remove("dragging"));
document.addEventListener("drop", (e) => {
  e.preventDefault();
  document.body.classList.remove("dragging");
  readFile(e.dataTransfer?.files?.[0]);
});

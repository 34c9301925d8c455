// ThreadCard's page side: thin glue that shows the card the Rust core rendered. Injected by background.js
// into the page's isolated world; defines `threadcardUi` once and is reused by later clicks.
//
// Page text never becomes markup here: `card_html` comes from Rust, where src/render/escape.rs escapes
// every piece of page text; this file only sets textContent and attributes of its own.
//
// The card belongs to the user, not to the page: its shadow root is closed and held only here, in the
// extension's isolated world, so the page's scripts get `host.shadowRoot === null` and cannot read the
// card, rewrite its links or press its buttons; and events that are not `isTrusted` (made by a script,
// not by the user) are ignored. The end-to-end tests come in through probe.js (see there).
(() => {
  if (globalThis.threadcardUi) return;

  const HOST_ID = "threadcard-host";
  // The panel's place on the page. The card's own look is card_css, shared with the demo page.
  const OVERLAY_CSS = `
    :host { all: initial !important; }
    .tc-overlay { position: fixed; top: 12px; right: 12px; z-index: 2147483647; width: min(520px, calc(100vw - 24px));
      max-height: calc(100vh - 24px); overflow: auto; border-radius: 10px; box-shadow: 0 10px 40px rgba(0,0,0,.35);
      background: #fff; overscroll-behavior: contain; }
    .tc-overlay .tc-card { box-shadow: none; max-width: none; }
    .tc-overlay .tc-card:focus { outline: none; }
    .tc-status { font: 15px/1.45 system-ui, sans-serif; color: #1d2330; padding: 16px 20px; display: flex;
      gap: 12px; align-items: flex-start; }
    .tc-status p { margin: 0; flex: 1; white-space: pre-line; }
    .tc-status .tc-error-title { font-weight: 600; color: #8a1c14; }
    .tc-status button { font: inherit; font-size: 18px; line-height: 1; padding: 2px 8px; border: 1px solid #c5cad6;
      border-radius: 6px; background: #f4f6fa; cursor: pointer; }
    .tc-flash { animation: tc-flash 1.6s ease-out; }
    @keyframes tc-flash { from { background: #fff3b0; } to { background: transparent; } }`;
  const HIGHLIGHT = "0 0 0 3px #3b6fd8, 0 0 0 9999px rgba(255, 243, 176, 0)";

  let host = null; // the element on the page holding the shadow root
  let root = null; // the closed shadow root: only this world holds it
  let view = null; // what background.js sent: card_html, card_css, title, anchors, then markdown and json
  let lastFocus = null;

  /** Applies styles in a way a strict page CSP (style-src 'self') does not block: constructed sheets. */
  function style(shadow, cssTexts) {
    try {
      const sheets = cssTexts.map((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        return sheet;
      });
      shadow.adoptedStyleSheets = sheets;
      if (shadow.adoptedStyleSheets.length === sheets.length) return "adopted";
    } catch {
      // Firefox content scripts may refuse sheets made in the script's compartment; fall through.
    }
    for (const css of cssTexts) {
      const el = document.createElement("style");
      el.textContent = css;
      shadow.append(el);
    }
    return "style-element";
  }

  function mount() {
    if (host?.isConnected) return;
    host = document.createElement("div");
    host.id = HOST_ID;
    // CSSOM, not a style attribute: allowed under a strict page CSP.
    host.style.setProperty("all", "initial", "important");
    host.style.setProperty("position", "fixed", "important");
    host.style.setProperty("z-index", "2147483647", "important");
    root = host.attachShadow({ mode: "closed" });
    host.addEventListener("keydown", onKey);
    root.addEventListener("click", onClick);
    (document.body ?? document.documentElement).append(host);
    lastFocus = document.activeElement;
  }

  function close() {
    if (!host) return;
    host.remove();
    host = root = view = null;
    if (lastFocus?.isConnected && typeof lastFocus.focus === "function") lastFocus.focus();
    lastFocus = null;
  }

  /** Replaces the panel's content with one box; returns it. */
  function panel(state, cssTexts) {
    mount();
    root.replaceChildren();
    host.dataset.styles = style(root, cssTexts);
    host.dataset.state = state;
    const box = document.createElement("div");
    box.className = "tc-overlay";
    root.append(box);
    return box;
  }

  function statusPanel(state, lines) {
    const box = panel(state, [OVERLAY_CSS]);
    const status = document.createElement("div");
    status.className = "tc-status";
    status.setAttribute("role", state === "error" ? "alert" : "status");
    status.tabIndex = -1;
    const p = document.createElement("p");
    for (const [i, line] of lines.entries()) {
      const span = document.createElement("span");
      span.textContent = line + (i < lines.length - 1 ? "\n" : "");
      if (i === 0 && state === "error") span.className = "tc-error-title";
      p.append(span);
    }
    const x = document.createElement("button");
    x.type = "button";
    x.dataset.action = "close";
    x.setAttribute("aria-label", "Close (Esc)");
    x.textContent = "×";
    status.append(p, x);
    box.append(status);
    status.focus();
  }

  function onKey(e) {
    if (!e.isTrusted) return; // a page script's synthetic key
    if (e.key === "Escape") {
      e.stopPropagation();
      close();
    }
  }

  function flash(el) {
    el.classList?.remove("tc-flash");
    void el.offsetWidth;
    el.classList?.add("tc-flash");
  }

  /** A fact's "post N" link: scroll to that post on the page, or to the card's copy of it. */
  function goToPost(index) {
    const anchor = view?.anchors?.[index];
    const onPage = anchor ? document.getElementById(anchor) : null;
    if (onPage) {
      onPage.scrollIntoView({ behavior: "smooth", block: "center" });
      const before = onPage.style.getPropertyValue("box-shadow");
      onPage.style.setProperty("box-shadow", HIGHLIGHT, "important");
      onPage.dataset.threadcardHighlight = "1";
      setTimeout(() => {
        onPage.style.setProperty("box-shadow", before);
        delete onPage.dataset.threadcardHighlight;
      }, 2500);
      return "page";
    }
    const copy = root?.getElementById(`tc-post-${index}`);
    if (copy) {
      copy.scrollIntoView({ behavior: "smooth", block: "start" });
      flash(copy);
      return "card";
    }
    return null;
  }

  const { download: save, copy: copyText } = globalThis.threadcardExports;
  const download = (text, type, ext) => save(text, type, ext, view?.title, root);
  const copy = (text) => copyText(text, root);

  function feedback(button, text) {
    const label = button.dataset.label ?? button.textContent;
    button.dataset.label = label;
    button.textContent = text;
    setTimeout(() => (button.textContent = label), 1500);
  }

  async function onClick(e) {
    // A page script's synthetic click, and the downloads' own `a.click()` (exports.js), are not the user's.
    if (!e.isTrusted) return;
    const target = e.target instanceof Element ? e.target : null;
    const from = target?.closest("a.tc-from[data-post]");
    if (from) {
      e.preventDefault();
      goToPost(Number(from.dataset.post));
      return;
    }
    const button = target?.closest("button[data-action]");
    if (!button || !view) {
      if (button?.dataset.action === "close") close();
      return;
    }
    switch (button.dataset.action) {
      case "close":
        close();
        break;
      case "copy-md":
        if (!view.markdown) return feedback(button, "Still reading…");
        feedback(button, (await copy(view.markdown)) ? "Copied ✓" : "Copy failed");
        break;
      case "download-md":
        if (!view.markdown) return feedback(button, "Still reading…");
        download(view.markdown, "text/markdown;charset=utf-8", "md");
        break;
      case "download-json":
        if (!view.json) return feedback(button, "Still reading…");
        download(view.json, "application/json;charset=utf-8", "json");
        break;
    }
  }

  globalThis.threadcardUi = {
    /** The click: closes an open card (toggle), else shows "Reading thread…" and returns the page. */
    begin() {
      if (host?.isConnected && host.dataset.state === "card" && host.dataset.url === location.href) {
        close();
        return null;
      }
      host?.remove(); // a stale card or message must not be read as part of the page
      const type = document.contentType || "text/html";
      if (!/html|xml/.test(type)) {
        return { notHtml: `ThreadCard reads web pages (HTML); this tab shows a document of type ${type}.` };
      }
      const page = { html: document.documentElement.outerHTML, url: location.href };
      statusPanel("loading", ["Reading thread…"]);
      return page;
    },
    /** The Rust core's result: the card, styled by card_css, with working buttons. */
    show(v) {
      const t0 = performance.now();
      view = v;
      const box = panel("card", [OVERLAY_CSS, v.card_css]);
      const doc = new DOMParser().parseFromString(`<body>${v.card_html}</body>`, "text/html");
      box.append(...doc.body.childNodes);
      host.dataset.url = location.href;
      const card = root.querySelector(".tc-card");
      card?.focus({ preventScroll: true });
      host.dataset.showMs = (performance.now() - t0).toFixed(1); // for the benchmark
    },
    /** The Markdown and JSON exports, sent after the card is shown. */
    exports(x) {
      if (view) Object.assign(view, x);
      if (host) host.dataset.exports = "ready";
    },
    /** An error from the core, in the card's place. */
    fail(message) {
      statusPanel("error", ["ThreadCard could not summarize this page.", message]);
    },
    goToPost,
    /** For probe.js only (the end-to-end tests), in this same isolated world: the host and closed root. */
    probeRoot: () => ({ host, root }),
  };
})();

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
    .tc-overlay { position: fixed; top: 12px; right: 12px; z-index: 2147483647; width: min(560px, calc(100vw - 24px));
      max-height: calc(100vh - 24px); overflow: auto; border-radius: 10px; box-shadow: 0 10px 40px rgba(0,0,0,.35);
      background: #fff; overscroll-behavior: contain; color-scheme: light dark; }
    .tc-overlay .tc-card { box-shadow: none; max-width: none; border-radius: 0; }
    .tc-overlay .tc-card:focus { outline: none; }
    /* Under about 720 px the panel takes the whole window. */
    @media (max-width: 720px) {
      .tc-overlay { top: 0; right: 0; width: 100vw; height: 100vh; max-height: 100vh; border-radius: 0; }
    }
    .tc-status { font: 15px/1.45 system-ui, sans-serif; color: #1d2330; padding: 16px 20px; display: flex;
      gap: 12px; align-items: flex-start; }
    .tc-status p { margin: 0; flex: 1; white-space: pre-line; }
    .tc-status .tc-error-title { font-weight: 600; color: #8a1c14; }
    .tc-status button { font: inherit; font-size: 18px; line-height: 1; padding: 2px 8px; border: 1px solid #c5cad6;
      border-radius: 6px; background: #f4f6fa; color: #1d2330; cursor: pointer; }
    @media (prefers-color-scheme: dark) {
      .tc-overlay { background: #1b1f27; }
      .tc-status { color: #e6e9ef; }
      .tc-status .tc-error-title { color: #ffb4a8; }
      .tc-status button { background: #262b35; color: #e6e9ef; border-color: #3a4150; }
    }
    .tc-flash { animation: tc-flash 1.6s ease-out; }
    @keyframes tc-flash { from { background: rgba(255, 220, 80, .45); } to { background: transparent; } }`;
  // The keyboard shortcuts, as the "?" key lists them.
  const SHORTCUTS = [
    ["j / k", "next / previous post"],
    ["Enter", "expand the post"],
    ["c", "collapse the post"],
    ["o", "open the post on the page"],
    ["?", "show or hide this list"],
    ["Esc", "close the card"],
  ];
  // What Tab may land on inside the card (the focus stays in it while it is open).
  const FOCUSABLE = 'a[href], button, summary, [tabindex]:not([tabindex="-1"])';
  const HIGHLIGHT = "0 0 0 3px #3b6fd8, 0 0 0 9999px rgba(255, 243, 176, 0)";

  let host = null; // the element on the page holding the shadow root
  let root = null; // the closed shadow root: only this world holds it
  let view = null; // what background.js sent: card_html, card_css, title, anchors, then markdown and json
  let lastFocus = null;
  let current = -1; // the post the keyboard is on, in the outline

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
    // Capture on the window: Esc closes the card wherever the focus is on the page, before the page's
    // own handlers can swallow it.
    window.addEventListener("keydown", onKey, true);
    root.addEventListener("click", onClick);
    (document.body ?? document.documentElement).append(host);
    lastFocus = document.activeElement;
  }

  function close() {
    if (!host) return;
    window.removeEventListener("keydown", onKey, true);
    host.remove();
    host = root = view = null;
    current = -1;
    if (lastFocus?.isConnected && typeof lastFocus.focus === "function") lastFocus.focus({ preventScroll: true });
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

  /** Whether a key event comes from a text field (the page's or, should it ever hold one, the card's). */
  function inTextField(e) {
    const el = e.composedPath?.()[0];
    return el instanceof Element && (el.matches("input, textarea, select") || el.isContentEditable);
  }

  function onKey(e) {
    if (!e.isTrusted || !host?.isConnected) return; // a page script's synthetic key, or a closed card
    if (e.key === "Escape") {
      e.stopPropagation();
      e.preventDefault();
      close();
      return;
    }
    // Everything else only while the focus is in the card: the page keeps its own keys.
    if (document.activeElement !== host || inTextField(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "Tab") return trapTab(e);
    const handled = shortcut(e.key);
    if (handled) {
      e.stopPropagation();
      e.preventDefault();
    }
  }

  /** Keeps Tab inside the card: from the last stop back to the first, and the other way round. */
  function trapTab(e) {
    const all = Array.from(root.querySelectorAll(FOCUSABLE));
    const shown = (el) => el.getClientRects().length > 0;
    const first = all.find(shown);
    const last = all.findLast(shown);
    if (!first) return e.preventDefault();
    const at = root.activeElement;
    const card = root.querySelector(".tc-card");
    if (e.shiftKey && (at === first || at === card || !at)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (at === last || at === card || !at)) {
      e.preventDefault();
      first.focus();
    }
  }

  const outline = () => Array.from(root?.querySelectorAll("details.tc-post") ?? []);

  /** The post the focus is in, else the one the keyboard was last on. */
  function currentPost(posts) {
    const at = root.activeElement?.closest?.("details.tc-post");
    const i = at ? posts.indexOf(at) : -1;
    return i >= 0 ? i : current;
  }

  /** Moves the keyboard to post `i` of the outline: focuses its line, below the header. */
  function moveTo(posts, i) {
    if (!posts.length) return;
    current = Math.max(0, Math.min(posts.length - 1, i));
    for (const p of root.querySelectorAll(".tc-current")) p.classList.remove("tc-current");
    const post = posts[current];
    post.classList.add("tc-current");
    const head = root.querySelector(".tc-head");
    post.style.setProperty("scroll-margin-top", `${(head?.offsetHeight ?? 0) + 8}px`);
    const line = post.querySelector("summary");
    line?.focus({ preventScroll: true });
    post.scrollIntoView({ block: "nearest" });
  }

  /** The card's keys (the list SHORTCUTS shows); returns whether `key` was one. */
  function shortcut(key) {
    const posts = outline();
    const i = currentPost(posts);
    switch (key) {
      case "j":
        moveTo(posts, i + 1);
        return true;
      case "k":
        moveTo(posts, i < 0 ? 0 : i - 1);
        return true;
      case "Enter":
        // On a post's line the browser toggles it; elsewhere Enter opens the current post.
        if (root.activeElement?.matches?.("summary, a, button") || i < 0) return false;
        posts[i].open = true;
        moveTo(posts, i);
        return true;
      case "c":
        if (i < 0) return false;
        posts[i].open = false;
        moveTo(posts, i);
        return true;
      case "o":
        if (i < 0) return false;
        goToPost(Number(posts[i].dataset.post));
        return true;
      case "?":
        toggleHelp();
        return true;
    }
    return false;
  }

  /** The list of shortcuts under the header's buttons, shown or hidden. */
  function toggleHelp() {
    const old = root.querySelector(".tc-keys");
    if (old) return old.remove();
    const box = document.createElement("div");
    box.className = "tc-keys";
    box.setAttribute("role", "note");
    box.setAttribute("aria-label", "Keyboard shortcuts");
    const list = document.createElement("ul");
    for (const [keys, what] of SHORTCUTS) {
      const li = document.createElement("li");
      const k = document.createElement("kbd");
      k.textContent = keys;
      li.append(k, ` ${what}`);
      list.append(li);
    }
    box.append(list);
    root.querySelector(".tc-head")?.append(box);
  }

  function flash(el) {
    el.classList?.remove("tc-flash");
    void el.offsetWidth;
    el.classList?.add("tc-flash");
  }

  /** A fact's "post N" link (and the "o" key): scroll to that post on the page, or else open the card's
   *  copy of it. */
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
      if (copy.localName === "details") copy.open = true;
      copy.scrollIntoView({ behavior: "smooth", block: "start" });
      flash(copy);
      return "card";
    }
    return null;
  }

  const { download: save, copy: copyText } = globalThis.threadcardExports;
  // Each export the card offers: the bundle field holding it and its media type; the file name comes from
  // Rust too (`file_names`, safe on every OS).
  const EXPORTS = {
    md: { field: "markdown", type: "text/markdown;charset=utf-8" },
    json: { field: "json", type: "application/json;charset=utf-8" },
    jsonld: { field: "jsonld", type: "application/ld+json;charset=utf-8" },
    html: { field: "html_page", type: "text/html;charset=utf-8" },
    txt: { field: "text", type: "text/plain;charset=utf-8" },
  };
  const download = (text, type, ext) => save(text, type, ext, view?.title, root, view?.file_names?.[ext]);
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
      case "help":
        toggleHelp();
        break;
      case "expand-all":
      case "collapse-all":
        for (const p of outline()) p.open = button.dataset.action === "expand-all";
        break;
      default: {
        // The exports: `copy-<ext>` / `download-<ext>`, every format the Rust bundle carries (src/wasm.rs).
        const [, verb, ext] = /^(copy|download)-(\w+)$/.exec(button.dataset.action) ?? [];
        const format = EXPORTS[ext];
        if (!format) return;
        const text = view[format.field];
        if (!text) return feedback(button, "Still reading…");
        if (verb === "copy") feedback(button, (await copy(text)) ? "Copied ✓" : "Copy failed");
        else download(text, format.type, ext);
      }
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
    /** The exports (Markdown, JSON, JSON-LD, HTML page, text) and their file names, sent after the card. */
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

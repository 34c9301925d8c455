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
  const api = globalThis.browser ?? globalThis.chrome;
  /** The extension's words in the browser's UI language (_locales; the card's own come from Rust). */
  const msg = (key, subs) => api.i18n.getMessage(key, subs);
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
    .tc-status button { font: inherit; font-size: 14px; line-height: 1.3; padding: 2px 8px; border: 1px solid #c5cad6;
      border-radius: 6px; background: #f4f6fa; color: #1d2330; cursor: pointer; }
    @media (prefers-color-scheme: dark) {
      :host(:not([data-theme="light"])) .tc-overlay { background: #1b1f27; }
      :host(:not([data-theme="light"])) .tc-status { color: #e6e9ef; }
      :host(:not([data-theme="light"])) .tc-status .tc-error-title { color: #ffb4a8; }
      :host(:not([data-theme="light"])) .tc-status button { background: #262b35; color: #e6e9ef; border-color: #3a4150; }
    }
    /* The theme the options page forces (data-theme on the host; card_css does the same for the card). */
    :host([data-theme="light"]) .tc-overlay { color-scheme: light; }
    :host([data-theme="dark"]) .tc-overlay { background: #1b1f27; color-scheme: dark; }
    :host([data-theme="dark"]) .tc-status { color: #e6e9ef; }
    :host([data-theme="dark"]) .tc-status .tc-error-title { color: #ffb4a8; }
    :host([data-theme="dark"]) .tc-status button { background: #262b35; color: #e6e9ef; border-color: #3a4150; }
    .tc-flash { animation: tc-flash 1.6s ease-out; }
    @keyframes tc-flash { from { background: rgba(255, 220, 80, .45); } to { background: transparent; } }`;
  // The keyboard shortcuts, as the "?" key lists them.
  const SHORTCUTS = [
    ["j / k", msg("ui_key_move")],
    ["Enter", msg("ui_key_expand")],
    ["c", msg("ui_key_collapse")],
    ["o", msg("ui_key_open")],
    ["?", msg("ui_key_help")],
    ["Esc", msg("ui_key_close")],
  ];
  // What Tab may land on inside the card (the focus stays in it while it is open).
  const FOCUSABLE = 'a[href], button, summary, [tabindex]:not([tabindex="-1"])';
  const HIGHLIGHT = "0 0 0 3px #3b6fd8, 0 0 0 9999px rgba(255, 243, 176, 0)";
  // Room (px) kept between the sticky header and whatever is scrolled into view below it (`clearOfHead`).
  const HEAD_GAP = 8;

  let host = null; // the element on the page holding the shadow root
  let root = null; // the closed shadow root: only this world holds it
  let view = null; // what background.js sent: card_html, card_css, title, anchors, then markdown and json
  // Each post's body (HTML the Rust core rendered and escaped, like card_html), sent after the card: the
  // card shows one line per post, and a body goes into its post when the reader opens it (see `fill`).
  let bodies = null;
  let filled = new WeakSet(); // the posts whose body is in place
  // The items of the card's long lists of facts past their first ones (the closed "N more" <details>), as
  // markup cut out of card_html before it is parsed: a list goes in when the reader opens it (`unfold`),
  // so the card's parse and insert skip what nobody sees yet (on a 200-post thread, 40% of its bytes).
  let folded = [];
  let lastFocus = null;
  let theme = "system"; // the options page's theme: "system", "light" or "dark" (host data-theme)
  let current = -1; // the post the keyboard is on, in the outline
  let headWatch = null; // the ResizeObserver of the card's sticky header (`clearOfHead`)

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
    // Whatever opened a post (the browser's own find in page included), its body must be there.
    root.addEventListener("toggle", onToggle, true);
    (document.body ?? document.documentElement).append(host);
    lastFocus = document.activeElement;
  }

  function close() {
    if (!host) return;
    window.removeEventListener("keydown", onKey, true);
    headWatch?.disconnect();
    headWatch = null;
    host.remove();
    host = root = view = bodies = null;
    filled = new WeakSet();
    folded = [];
    current = -1;
    if (lastFocus?.isConnected && typeof lastFocus.focus === "function") lastFocus.focus({ preventScroll: true });
    lastFocus = null;
  }

  /** Replaces the panel's content with one box; returns it. */
  function panel(state, cssTexts) {
    mount();
    headWatch?.disconnect();
    headWatch = null;
    root.replaceChildren();
    host.dataset.styles = style(root, cssTexts);
    host.dataset.state = state;
    host.dataset.theme = theme;
    const box = document.createElement("div");
    box.className = "tc-overlay";
    root.append(box);
    return box;
  }

  /** Keeps the panel's scroll padding at its sticky header's height, so that whatever is scrolled into
   *  view in the panel stops below the header instead of under it: a button or post line the focus moves
   *  to (Tab, j/k), the browser's find in page, a fact's "post N" link, any scrollIntoView. The header's
   *  height varies (a long title, notices, the shortcut list, the panel's width): on a thread with a long
   *  title it was over half the panel, and "Expand all" brought into view at the panel's middle sat under
   *  it. A ResizeObserver reads the height after layout (no layout forced before the first paint) and
   *  again whenever it changes. */
  function clearOfHead(box) {
    const head = box.querySelector(".tc-head");
    if (!head || typeof ResizeObserver !== "function") return;
    headWatch = new ResizeObserver(([entry]) => {
      const height = entry?.borderBoxSize?.[0]?.blockSize ?? head.offsetHeight;
      box.style.setProperty("scroll-padding-top", `${Math.ceil(height) + HEAD_GAP}px`);
    });
    headWatch.observe(head);
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
    x.setAttribute("aria-label", msg("card_close_label"));
    x.textContent = msg("card_close_text");
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

  const MORE = '<details class="tc-more"><summary>';
  const LIST = /<(\/?)ul[\s>]/g;

  /** `html` (card_html) with each "N more" list's `<ul>` cut out, into `lists`, its place marked by the
   *  `<details>`'s data-fold. Page text in card_html is escaped (src/render/escape.rs), so every `<ul` and
   *  `</ul>` in it is a tag Rust wrote: counting them finds the end of each list, nested lists included. */
  function fold(html, lists) {
    let out = "";
    let at = 0;
    for (let i = html.indexOf(MORE); i >= 0; i = html.indexOf(MORE, at)) {
      const start = html.indexOf("</summary>", i) + "</summary>".length;
      if (start < i + MORE.length || !html.startsWith("<ul>", start)) break; // never expected: leave the rest
      LIST.lastIndex = start;
      let depth = 0;
      let end = -1;
      for (let m; (m = LIST.exec(html)); ) {
        depth += m[1] ? -1 : 1;
        if (depth === 0) {
          end = html.indexOf(">", m.index) + 1;
          break;
        }
      }
      if (end <= 0) break;
      out += html.slice(at, i) + `<details class="tc-more" data-fold="${lists.length}">` + html.slice(i + MORE.length - "<summary>".length, start);
      lists.push(html.slice(start, end));
      at = end;
    }
    return out + html.slice(at);
  }

  /** Puts a folded list (`fold`) back into its "N more" `<details>`. */
  function unfold(more) {
    const k = Number(more.dataset.fold);
    if (!more.dataset.fold || typeof folded[k] !== "string") return;
    delete more.dataset.fold;
    more.append(...parseBody(folded[k]).childNodes);
    folded[k] = null;
  }

  const parseBody = (html) => new DOMParser().parseFromString(`<body>${html}</body>`, "text/html").body;

  /** Puts the bodies of `posts` (outline `<details>`) that are not in place yet into their posts, with one
   *  parse for all of them ("Expand all" on 200 posts is one parse, not 200). */
  function fill(posts) {
    if (!bodies) return;
    const todo = posts.filter((p) => !filled.has(p) && typeof bodies[Number(p.dataset.post)] === "string");
    if (!todo.length) return;
    const put = (p, nodes) => {
      p.querySelector(".tc-post-body")?.append(...nodes);
      filled.add(p);
    };
    if (todo.length === 1) return put(todo[0], parseBody(bodies[Number(todo[0].dataset.post)]).childNodes);
    // Each body is whole elements (Rust writes them), so wrapping each in a <div> keeps them apart.
    const parsed = parseBody(todo.map((p) => `<div>${bodies[Number(p.dataset.post)]}</div>`).join("")).children;
    if (parsed.length !== todo.length) return todo.forEach((p) => fill([p])); // never expected: one by one
    todo.forEach((p, k) => put(p, parsed[k].childNodes));
  }

  function onToggle(e) {
    if (!(e.target instanceof Element) || !e.target.open) return;
    if (e.target.matches("details.tc-post")) fill([e.target]);
    else if (e.target.matches("details.tc-more")) unfold(e.target);
  }

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
    // Below the sticky header: the panel's scroll padding (`clearOfHead`).
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
        fill([posts[i]]);
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
    box.setAttribute("aria-label", msg("ui_shortcuts"));
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
      if (copy.localName === "details") {
        fill([copy]);
        copy.open = true;
      }
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
  // The options page's names of the formats (extension/settings.js) as the export actions' extensions.
  const FORMAT_EXT = { markdown: "md", json: "json", jsonld: "jsonld", html: "html", text: "txt" };

  /** The header's quick buttons follow the options: "Copy" copies `copy_format`, the first download is
   * `export_format` (the second stays JSON, or Markdown when the first is JSON). */
  function quickButtons(box, settings) {
    const copyExt = FORMAT_EXT[settings?.copy_format];
    const saveExt = FORMAT_EXT[settings?.export_format];
    const [copyButton] = box.querySelectorAll('.tc-actions [data-action="copy-md"]');
    const [first, second] = box.querySelectorAll('.tc-actions [data-action^="download-"]');
    if (copyButton && copyExt && copyExt !== "md") {
      copyButton.dataset.action = `copy-${copyExt}`;
      copyButton.textContent = msg("card_copy_ext", [copyExt]);
    }
    if (first && second && saveExt && saveExt !== "md") {
      first.dataset.action = `download-${saveExt}`;
      first.textContent = msg("card_download_ext", [saveExt]);
      if (saveExt === "json") {
        second.dataset.action = "download-md";
        second.textContent = msg("card_download_ext", ["md"]);
      }
    }
  }
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
    // A click on a post's line (or Enter on it): its body goes in before the browser opens the post.
    const line = target?.closest("summary")?.parentElement;
    if (line?.matches("details.tc-post") && !line.open) fill([line]);
    if (line?.matches("details.tc-more") && !line.open) unfold(line);
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
      case "collapse-all": {
        const posts = outline();
        const open = button.dataset.action === "expand-all";
        if (open) fill(posts);
        for (const p of posts) p.open = open;
        break;
      }
      default: {
        // The exports: `copy-<ext>` / `download-<ext>`, every format the Rust bundle carries (src/wasm.rs).
        const [, verb, ext] = /^(copy|download)-(\w+)$/.exec(button.dataset.action) ?? [];
        const format = EXPORTS[ext];
        if (!format) return;
        const text = view[format.field];
        if (!text) return feedback(button, msg("ui_still_reading"));
        if (verb === "copy") feedback(button, msg((await copy(text)) ? "ui_copied" : "ui_copy_failed"));
        else download(text, format.type, ext);
      }
    }
  }

  globalThis.threadcardUi = {
    /** The click: closes an open card (toggle), else shows "Reading thread…" (in the `look` theme) and
     *  returns the page. */
    begin(look) {
      theme = look ?? "system";
      const shown = host?.dataset.state === "card" || host?.dataset.state === "outline";
      if (host?.isConnected && shown && host.dataset.url === location.href) {
        close();
        return null;
      }
      host?.remove(); // a stale card or message must not be read as part of the page
      const type = document.contentType || "text/html";
      if (!/html|xml/.test(type)) {
        return { notHtml: msg("ui_not_html", [type]) };
      }
      const t0 = performance.now();
      // The browser's tree as it stands (what the page's scripts rendered too), in one walk: flatten.js.
      const page = { dom: globalThis.threadcardFlatten(document.documentElement), url: location.href };
      page.readMs = performance.now() - t0; // for the benchmark: reading the page, before the transfer
      statusPanel("loading", [msg("ui_reading")]);
      return page;
    },
    /** The Rust core's result: the card, styled by card_css, with working buttons. A card whose facts
     *  are still being extracted holds a placeholder for them (`.tc-pending`, filled by `facts`), and
     *  its host's state is "outline" until they are in ("card"). */
    show(v) {
      const t0 = performance.now();
      view = v;
      theme = v.settings?.theme ?? theme;
      bodies = null; // this card's come next (`bodies`)
      filled = new WeakSet();
      folded = [];
      const body = parseBody(fold(v.card_html, folded));
      const pending = body.querySelector(".tc-pending");
      if (pending) pending.textContent = msg("ui_still_reading");
      const parseMs = performance.now() - t0;
      const box = panel(pending ? "outline" : "card", [OVERLAY_CSS, v.card_css]);
      box.append(...body.childNodes);
      clearOfHead(box);
      quickButtons(box, v.settings);
      host.dataset.url = location.href;
      const card = root.querySelector(".tc-card");
      card?.focus({ preventScroll: true });
      const showMs = performance.now() - t0;
      host.dataset.showMs = showMs.toFixed(1); // for the benchmark
      return { showMs, parseMs };
    },
    /** The digest and the facts sections (HTML the Rust core rendered and escaped, like card_html), in
     *  the placeholder's place: the card is complete. */
    facts(html) {
      const pending = root?.querySelector(".tc-pending");
      if (!view || !pending || typeof html !== "string") return null;
      const t0 = performance.now();
      pending.replaceWith(...parseBody(fold(html, folded)).childNodes);
      host.dataset.state = "card";
      return { factsMs: performance.now() - t0 };
    },
    /** Each post's body, sent after the card; posts the reader opened meanwhile get theirs at once. */
    bodies(list) {
      if (!view || !Array.isArray(list) || list.length !== outline().length) return;
      bodies = list;
      fill(outline().filter((p) => p.open));
    },
    /** The exports (Markdown, JSON, JSON-LD, HTML page, text) and their file names, sent after the card. */
    exports(x) {
      if (view) Object.assign(view, x);
      if (host) host.dataset.exports = "ready";
    },
    /** An error from the core, in the card's place. */
    fail(message) {
      statusPanel("error", [msg("ui_fail_title"), message]);
    },
    goToPost,
    /** For probe.js only (the end-to-end tests), in this same isolated world: the host and closed root. */
    probeRoot: () => ({ host, root }),
    /** For probe.js only: the options background.js sent with the card (view.settings). */
    probeSettings: () => view?.settings ?? null,
  };
})();

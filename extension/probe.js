// The end-to-end tests' way into the card, and nobody else's. The card's shadow root is closed and card.js
// keeps it in the extension's isolated world, so the page's own scripts can neither see nor drive the card;
// the tests reach it through background.js's `probeCard`, which injects this file into that same isolated
// world (scripting.executeScript) and calls one of the functions below. Nothing the page runs can call
// them: the page's scripts live in another world, and only the extension's background can inject here.
// Each function returns plain data (it crosses back to the background as a structured clone).
(() => {
  if (globalThis.threadcardProbe) return;

  /** The card's host element and closed root, or nulls when no card is up. */
  const card = () => globalThis.threadcardUi?.probeRoot?.() ?? { host: null, root: null };

  /** Everything a test looks at in the card. */
  function snapshot() {
    const { host, root: r } = card();
    if (!host?.isConnected || !r) return { state: null };
    const all = (css) => Array.from(r.querySelectorAll(css));
    const title = r.querySelector(".tc-title");
    const titleStyle = title ? getComputedStyle(title) : null;
    const button = r.querySelector("button");
    const overlay = r.querySelector(".tc-overlay");
    const attrs = all("*").flatMap((e) => Array.from(e.attributes).map((a) => [a.name, a.value]));
    const text = r.textContent;
    return {
      state: host.dataset.state || null,
      styles: host.dataset.styles || null,
      exports: host.dataset.exports || null,
      title: title ? title.textContent : null,
      author: r.querySelector(".tc-author")?.textContent ?? null,
      sources: all(".tc-source a").map((a) => a.href),
      quantities: all(".tc-quantity").map((e) => e.textContent),
      factLinks: all("a.tc-from").length,
      message: r.querySelector("[role=alert], [role=status]")?.textContent ?? null,
      titleSize: titleStyle?.fontSize ?? null,
      titleColor: titleStyle?.color ?? null,
      buttonDisplay: button ? getComputedStyle(button).display : null,
      overlayPosition: overlay ? getComputedStyle(overlay).position : null,
      focusInCard: !!r.activeElement,
      scripts: all("script, iframe, object, embed, frame, base, meta, form").map((e) => e.localName),
      handlers: attrs.filter(([n]) => /^on/i.test(n)).map(([n]) => n),
      scriptUrls: attrs
        .filter(([n, v]) => /^(href|src|action|formaction|xlink:href|srcdoc|data)$/i.test(n) && /^\s*(javascript|vbscript|data):/i.test(v))
        .map(([n, v]) => `${n}=${v.slice(0, 40)}`),
      hugeKept: text.includes("START-OF-HUGE-POST") && text.includes("END-OF-HUGE-POST"),
      flashed: !!r.querySelector(".tc-flash"),
    };
  }

  /** Each post's author in the card, whether `absent` shows anywhere in it, and how many posts there
   *  are, are open, and have their body in place (bodies go in when a post is opened). */
  function posts(absent) {
    const { root: r } = card();
    if (!r) return { authors: [], leaked: false };
    const all = Array.from(r.querySelectorAll("details.tc-post"));
    return {
      authors: Array.from(r.querySelectorAll(".tc-post .tc-post-author")).map((e) => e.textContent),
      leaked: r.textContent.includes(absent),
      count: all.length,
      open: all.filter((p) => p.open).length,
      withBody: all.filter((p) => p.querySelector(".tc-post-body")?.childElementCount > 0).length,
    };
  }

  /** Where to click `css` (the first match), in viewport CSS pixels, after scrolling it into view. */
  function rect(css) {
    const el = card().root?.querySelector(css);
    if (!el) return null;
    el.scrollIntoView({ block: "center", inline: "center" });
    const b = el.getBoundingClientRect();
    return { x: Math.round(b.left + b.width / 2), y: Math.round(b.top + b.height / 2) };
  }

  /** What a page would do if it ever held a reference to the card's buttons: untrusted clicks and keys. */
  function synthetic(css) {
    const { host, root: r } = card();
    const el = r?.querySelector(css);
    if (!el) return false;
    el.click();
    el.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true }));
    el.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, composed: true }));
    return host.isConnected;
  }

  /** Scrolls the card to its end; says whether its header is still in view at the top of the panel, and
   *  whether anything in the card is wider than the panel (text that overflows). */
  function scrollEnd() {
    const { root: r } = card();
    const box = r?.querySelector(".tc-overlay");
    const head = r?.querySelector(".tc-head");
    if (!box || !head) return null;
    box.scrollTop = box.scrollHeight;
    const b = box.getBoundingClientRect();
    const h = head.getBoundingClientRect();
    return {
      scrolled: box.scrollTop > 0,
      headVisible: h.height > 0 && h.top >= b.top - 1 && h.top <= b.top + 2 && h.bottom <= b.bottom,
      overflowX: box.scrollWidth - box.clientWidth,
      panelWidth: Math.round(b.width),
      viewportWidth: window.innerWidth,
    };
  }

  /** Scrolls the panel until `css` (the first match) sits at its top edge, where the sticky header covers
   *  it, then gives it the focus as Tab would (which scrolls what it deems out of view): whether it is then
   *  in view below the header (`clear`), its top in the panel, its height and the header's. Without scroll
   *  padding for the header the browser takes the element for visible and leaves it under the header
   *  (card.js, `clearOfHead`). */
  function focusUnderHead(css) {
    const { root: r } = card();
    const box = r?.querySelector(".tc-overlay");
    const head = r?.querySelector(".tc-head");
    const el = r?.querySelector(css);
    if (!box || !head || !el) return null;
    box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top;
    el.focus();
    const a = el.getBoundingClientRect();
    const h = head.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    return {
      clear: a.top >= h.bottom - 1 && a.bottom <= b.bottom + 1,
      top: Math.round(a.top - b.top),
      height: Math.round(a.height),
      head: Math.round(h.height),
      focused: r.activeElement === el,
    };
  }

  /** Scrolls the card back to its top (before a screenshot). */
  function scrollTop() {
    const box = card().root?.querySelector(".tc-overlay");
    if (box) box.scrollTop = 0;
    return !!box;
  }

  /** The outline's state: which post line has the focus, which posts are open, the shortcut list. */
  function outline() {
    const { host, root: r } = card();
    if (!r) return null;
    const posts = Array.from(r.querySelectorAll("details.tc-post"));
    const at = r.activeElement?.closest?.("details.tc-post");
    return {
      focused: at ? posts.indexOf(at) : -1,
      open: posts.flatMap((p, i) => (p.open ? [i] : [])),
      withBody: posts.flatMap((p, i) => (p.querySelector(".tc-post-body")?.childElementCount ? [i] : [])),
      help: !!r.querySelector(".tc-keys"),
      focusInCard: document.activeElement === host && !!r.activeElement,
      active: r.activeElement?.localName ?? null,
    };
  }

  /** axe-core (injected into this world by the test, never shipped) on the card. axe walks shadow roots
   *  through `shadowRoot`, which a closed root hides, and `axe.run` builds its tree from the document: so
   *  axe is set up on the card's own element and run with `runPartial`, which keeps that tree. axe's
   *  contrast rule leaves most text "needs review" this way, so `contrast` measures it as well. */
  async function audit() {
    const { root: r } = card();
    const axe = globalThis.axe;
    if (!r || !axe) return { error: axe ? "no card" : "axe not injected" };
    const options = {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };
    const report = (res, mode) => ({
      mode,
      passes: res.passes.length,
      incomplete: res.incomplete.map((v) => v.id),
      violations: res.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, where: v.nodes.slice(0, 2).map((n) => n.html.slice(0, 120)) })),
    });
    // Hit tests for the contrast rule: from the root, which the document's own would stop at the host.
    const el = r.querySelector(".tc-card");
    const hit = Object.getOwnPropertyDescriptor(document, "elementsFromPoint");
    Object.defineProperty(document, "elementsFromPoint", { configurable: true, value: (x, y) => r.elementsFromPoint(x, y) });
    try {
      axe.setup(el);
      const partial = await axe.runPartial(el, options);
      axe.teardown();
      return { ...report(await axe.finishRun([partial], options), "card-tree"), contrast: contrast(r) };
    } catch (e) {
      axe.teardown?.();
      return { error: `card-tree: ${e?.message ?? e}` };
    } finally {
      if (hit) Object.defineProperty(document, "elementsFromPoint", hit);
      else delete document.elementsFromPoint;
    }
  }

  /** WCAG contrast of every element holding text in the card against the first opaque background behind
   *  it: the lowest ratio and the elements under AA (4.5:1; 3:1 for large text). */
  function contrast(r) {
    const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([R, G, B]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(R) + 0.7152 * f(G) + 0.0722 * f(B);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length >= 3 && (c.length < 4 || c[3] >= 0.99)) return c;
      }
      return [255, 255, 255];
    };
    let min = Infinity;
    const low = [];
    for (const el of r.querySelectorAll(".tc-card *")) {
      if (!Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
      if (!el.getClientRects().length) continue;
      const cs = getComputedStyle(el);
      const ratio = ((a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05))(lum(rgb(cs.color)), lum(background(el)));
      const large = parseFloat(cs.fontSize) >= 24 || (parseFloat(cs.fontSize) >= 18.66 && Number(cs.fontWeight) >= 700);
      min = Math.min(min, ratio);
      if (ratio < (large ? 3 : 4.5)) low.push(`${el.localName}.${el.className} ${ratio.toFixed(2)}`);
    }
    return { min: Math.round(min * 100) / 100, low: low.slice(0, 5) };
  }

  /** What the options change on the card: its theme and colours, its sections, the digest's length, the
   *  times it writes, its headings and buttons (for the language), and the settings card.js was sent. */
  function view() {
    const { host, root: r } = card();
    const c = r?.querySelector(".tc-card");
    if (!host || !c) return null;
    const texts = (css) => Array.from(r.querySelectorAll(css)).map((e) => e.textContent.trim());
    return {
      theme: host.dataset.theme ?? null,
      cardBackground: getComputedStyle(c).backgroundColor,
      sections: Array.from(r.querySelectorAll(".tc-body > section, .tc-body > div")).map((e) => e.className),
      digestLines: r.querySelectorAll(".tc-opening li, .tc-keypost-text, .tc-what-replies li").length,
      times: texts(".tc-time, .tc-post-time"),
      headings: texts("h2"),
      buttons: texts(".tc-actions button"),
      lang: document.documentElement.lang,
      settings: globalThis.threadcardUi?.probeSettings?.() ?? null,
    };
  }

  globalThis.threadcardProbe = { snapshot, posts, rect, synthetic, scrollEnd, focusUnderHead, scrollTop, outline, audit, view };
})();

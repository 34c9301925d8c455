// ThreadCard's page reader: the browser's own tree of the page, written out in one walk for the Rust core,
// which builds its tree from it (src/parse/dom.rs, where the format is described) instead of parsing the
// page's HTML a second time. Injected before card.js; also loaded by the benchmarks and end-to-end tests.
//
// One string: a marker character, then its payload up to the next marker. \x01 / \x02 / \x03 open an HTML /
// SVG / MathML element (payload: its name), \x04 and \x05 give an attribute's name and value, \x06 is text,
// \x07 closes the open element, \x08 starts a small <noscript>'s markup parsed as a document. Payload
// characters \x00-\x08 and \x0e are written as \x0e plus the character + 0x40.
(() => {
  if (globalThis.threadcardFlatten) return;

  const MAGIC = "threadcard-dom/1\n";
  const NEEDS_ESCAPE = /[\0-\x08\x0e]/;
  const ESCAPED = /[\0-\x08\x0e]/g;
  const escapeOne = (c) => "\x0e" + String.fromCharCode(c.charCodeAt(0) + 0x40);
  const esc = (s) => (NEEDS_ESCAPE.test(s) ? s.replace(ESCAPED, escapeOne) : s);
  const HTML = "http://www.w3.org/1999/xhtml";
  const FOREIGN = { "http://www.w3.org/2000/svg": "\x02", "http://www.w3.org/1998/Math/MathML": "\x03" };
  // src/parse.rs, MIN_NOSCRIPT_CONTENT: a <noscript> with this much visible text is content, read as markup.
  const MIN_NOSCRIPT_CONTENT = 300;
  // Rust's char::is_whitespace, which src/parse.rs counts with.
  const WHITE = /[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  const ELEMENT = 1;
  const TEXT = 3;

  /** Whether a noscript's raw markup shows a page's worth of text (src/parse.rs, `visible_len`). */
  function isContent(markup) {
    let inTag = false;
    let n = 0;
    for (const c of markup) {
      if (c === "<") inTag = true;
      else if (c === ">") {
        inTag = false;
        continue;
      }
      if (!inTag && !WHITE.test(c) && ++n >= MIN_NOSCRIPT_CONTENT) return true;
    }
    return false;
  }

  function startTag(el) {
    const ns = el.namespaceURI;
    let s = (ns === HTML ? "\x01" : (FOREIGN[ns] ?? "\x01")) + esc(el.localName);
    // An indexed loop: NamedNodeMap's iterator costs more than the attributes themselves on most elements.
    const attrs = el.attributes;
    for (let i = 0, n = attrs.length; i < n; i++) {
      const a = attrs[i];
      s += "\x04" + esc(a.name) + "\x05" + esc(a.value);
    }
    return s;
  }

  /** A <noscript> as src/parse.rs reads its raw markup: a page's worth becomes `<div data-noscript="">` with
   *  the markup parsed (in body context, as there); a small one stays text, with its markup parsed as a document
   *  for readers that want it (not inside such a document: `inDocument`). `null` when the browser parsed its
   *  content already (scripts off). Markup is parsed in documents without scripts or loads. */
  function noscript(el, inDocument) {
    if (el.firstElementChild) return null;
    const markup = el.textContent;
    if (isContent(markup)) {
      // "<body>" first puts the markup in body context, as src/parse.rs's in-body `<div>` does; DOMParser's
      // document runs no script and loads nothing (and web-ext lint rightly flags `innerHTML`).
      const body = new DOMParser().parseFromString("<body>" + markup, "text/html").body;
      let s = "\x01div\x04data-noscript\x05";
      for (const child of body.childNodes) s += walk(child, inDocument);
      return s + "\x07";
    }
    let s = startTag(el) + (markup ? "\x06" + esc(markup) : "");
    if (markup.includes("<") && !inDocument) {
      s += "\x08" + walk(new DOMParser().parseFromString(markup, "text/html").documentElement, true) + "\x07";
    }
    return s + "\x07";
  }

  /** `top` and everything under it, in one walk along the nodes' own links (first child, next sibling,
   *  parent): no recursion, however deep the page nests. Comments and other nodes that are neither elements
   *  nor text are left out. */
  function walk(top, inDocument) {
    let out = "";
    let node = top;
    for (;;) {
      let enter = false;
      const type = node.nodeType;
      if (type === TEXT) out += "\x06" + esc(node.data);
      else if (type === ELEMENT) {
        const name = node.localName;
        const special = name === "noscript" ? noscript(node, inDocument) : null;
        if (special !== null) out += special;
        else {
          out += startTag(node);
          // Script code and style sheets are not read (JSON data is); templates hold no children here.
          enter = name === "script" ? /json/i.test(node.type) : name !== "style";
          if (!enter) out += "\x07";
        }
      }
      // Each link is read once: every read is a call into the browser's DOM (from an isolated world too).
      const child = enter ? node.firstChild : null;
      if (child) {
        node = child;
        continue;
      }
      if (enter) out += "\x07";
      // Up until there is a next sibling, closing each element left.
      let next = null;
      while (node !== top && !(next = node.nextSibling)) {
        node = node.parentNode;
        out += "\x07";
      }
      if (node === top) return out;
      node = next;
    }
  }

  /** The page in the format of src/parse/dom.rs. */
  globalThis.threadcardFlatten = (root = document.documentElement) => MAGIC + walk(root, false);
})();

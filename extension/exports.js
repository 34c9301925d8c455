// ThreadCard's export helpers, shared by the extension's card (injected before card.js) and the demo page
// (copied into dist/www by build.sh): the file name, the download and the copy, written once.
(() => {
  if (globalThis.threadcardExports) return;

  /** A file name from the thread's title: letters and digits, dashes between, at most 80 characters. The
   *  extension passes the name Rust made (render::file_name, safe on every OS) instead; this stays for
   *  callers without one. */
  function fileName(title, ext) {
    const base = (title || "thread").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").slice(0, 80);
    return `${base || "thread"}.${ext}`;
  }

  /** Saves `text` as `name` (else a name made from `title`); the link lives in `parent` for the click only. */
  function download(text, type, ext, title, parent, name) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name || fileName(title, ext);
    parent.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /** Copies `text`; true when it worked. */
  async function copy(text, parent) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Older engines or a page that denies clipboard-write: the selection-based fallback.
      const area = document.createElement("textarea");
      area.value = text;
      parent.append(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      return ok;
    }
  }

  globalThis.threadcardExports = { fileName, download, copy };
})();

// ThreadCard's settings: their defaults, where they are stored, and what of them the Rust core reads.
// One module for the options page (options.js) and the background (background.js), so both agree on
// every name and default. Plain JavaScript: the page is a form over browser storage, nothing WASM would
// do better, and the extension's WASM module stays the background's alone (see README, "Options").

/** Every setting and its default: the card as it is without an options page. */
export const DEFAULTS = Object.freeze({
  theme: "system", // "system" | "light" | "dark"
  summary_sentences: 4, // 2 (short) or 4 (standard): Options.summary_sentences
  hidden_sections: [], // names from render::card::SECTIONS: Options.hidden_sections
  export_format: "markdown", // what the export menu offers first: markdown | json | jsonld | html | text
  copy_format: "markdown", // what "Copy" copies, from the same list
  front_matter: true, // Options.front_matter
  time_format: "shown", // "shown" | "iso": Options.time_format
});

const api = globalThis.browser ?? globalThis.chrome;

/** storage.sync follows the user's browser profile to their other devices; where it is unavailable
 *  (sync turned off by policy, some forks), storage.local keeps the settings on this one. */
async function area() {
  try {
    await api.storage.sync.get(null);
    return api.storage.sync;
  } catch {
    return api.storage.local;
  }
}

/** The stored settings, every missing one at its default. */
export async function load() {
  try {
    const stored = await (await area()).get(DEFAULTS);
    return { ...DEFAULTS, ...stored };
  } catch {
    return { ...DEFAULTS };
  }
}

/** Stores some settings (the others stay as they are). */
export async function save(values) {
  await (await area()).set(values);
}

/** Every setting back to its default. */
export async function reset() {
  await (await area()).set({ ...DEFAULTS });
}

/** The options object for the WASM `summarize` (src/lib.rs `Options`): the settings the core applies, and
 *  the browser's UI language for the card's own words. */
export function coreOptions(settings, locale) {
  return {
    summary_sentences: Number(settings.summary_sentences) || DEFAULTS.summary_sentences,
    hidden_sections: Array.isArray(settings.hidden_sections) ? settings.hidden_sections.map(String) : [],
    front_matter: settings.front_matter !== false,
    time_format: settings.time_format === "iso" ? "iso" : "shown",
    locale: String(locale || "en"),
  };
}

/** What the card's page script needs of the settings (card.js reads `view.settings`). */
export function cardSettings(settings) {
  const theme = ["light", "dark"].includes(settings.theme) ? settings.theme : "system";
  return { theme, export_format: settings.export_format, copy_format: settings.copy_format };
}

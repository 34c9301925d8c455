// The store screenshots, from the cards the audit (cases.mjs) photographs at 1280 x 800, light and dark:
// five per browser (the Chrome Web Store takes at most five, at 1280 x 800 or 640 x 400; AMO takes these
// too). Every run copies them into dist/store/<browser>/ for upload and checks their size; with
// UPDATE_SCREENSHOTS=1 they also go to docs/store/, where docs/store/description.md shows them.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { OUT } from "./cases.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The store's size for a screenshot. */
export const STORE_SIZE = [1280, 800];
/** The set, in the order a store page shows them: the sample thread light and dark, then three engines. */
export const STORE_SHOTS = [
  "du-kazakhstan-light",
  "du-kazakhstan-dark",
  "xenforo2-light",
  "discourse-dark",
  "reddit-old-light",
];

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(file) {
  const b = readFileSync(file);
  if (b.toString("latin1", 1, 4) !== "PNG") throw new Error(`${file} is not a PNG`);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

/** Copies the set for `browser` and checks each is there at the store's size. */
export function publishStoreScreenshots(browser, t) {
  if (process.env.E2E_ONLY === "www") return; // no audit ran: no cards photographed
  const dest = path.join(ROOT, "dist/store", browser);
  mkdirSync(dest, { recursive: true });
  const docs = path.join(ROOT, "docs/store");
  const publish = process.env.UPDATE_SCREENSHOTS === "1";
  if (publish) mkdirSync(docs, { recursive: true });
  STORE_SHOTS.forEach((shot, i) => {
    const file = path.join(OUT, `${browser}-${shot}.png`);
    const size = existsSync(file) ? pngSize(file) : null;
    const ok = size?.[0] === STORE_SIZE[0] && size?.[1] === STORE_SIZE[1];
    t.check(`store screenshot ${shot}: ${STORE_SIZE.join(" x ")}`, ok, JSON.stringify({ file, size }));
    if (!ok) return;
    const name = `${i + 1}-${shot}.png`;
    copyFileSync(file, path.join(dest, name));
    if (publish) copyFileSync(file, path.join(docs, `${browser}-${name}`));
  });
}

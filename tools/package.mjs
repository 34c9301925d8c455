// The store manifests, from the one in extension/ (which both browsers can load unpacked):
//   node tools/package.mjs <chrome|firefox> <dir>
// rewrites <dir>/manifest.json, a copy of extension/, for that browser's store:
// * version: Cargo.toml's [package] version, the one place it is kept (tests/version.rs fails when
//   extension/manifest.json or package.json say otherwise);
// * chrome: no browser_specific_settings (Firefox's id and data-collection declaration), no
//   background.scripts and no action.default_area (Firefox-only keys Chrome would only ignore);
// * firefox: no background.service_worker, which Firefox ignores and `web-ext lint` warns about
//   (BACKGROUND_SERVICE_WORKER_IGNORED): background.scripts runs the same module as an event page;
// * both: no TEST_ONLY files (the end-to-end tests add them back to their own copy, tests/e2e/cases.mjs).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Files of extension/ that only the end-to-end tests use: probe.js reads the card's closed shadow root
 *  for them (background.js's probeCard injects it). Users' packages leave them out; without the file the
 *  hook has nothing to inject and does nothing. */
export const TEST_ONLY = ["probe.js"];

/** Cargo.toml's [package] version. */
export function cargoVersion() {
  const toml = readFileSync(path.join(ROOT, "Cargo.toml"), "utf8");
  const pkg = toml.split(/^\[/m).find((s) => s.startsWith("package]"));
  const v = pkg?.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
  if (!v) throw new Error("no [package] version in Cargo.toml");
  return v;
}

/** The manifest for one store. */
export function storeManifest(manifest, browser, version) {
  const m = structuredClone(manifest);
  m.version = version;
  if (browser === "chrome") {
    delete m.browser_specific_settings;
    delete m.background.scripts;
    if (m.action) delete m.action.default_area;
  } else if (browser === "firefox") {
    delete m.background.service_worker;
  } else {
    throw new Error(`unknown browser ${browser}`);
  }
  return m;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [browser, dir] = process.argv.slice(2);
  const file = path.join(dir, "manifest.json");
  const version = cargoVersion();
  const m = storeManifest(JSON.parse(readFileSync(file, "utf8")), browser, version);
  writeFileSync(file, JSON.stringify(m, null, 2) + "\n");
  for (const name of TEST_ONLY) rmSync(path.join(dir, name), { force: true });
  console.log(`${file}: ${browser}, version ${version}; left out (test-only): ${TEST_ONLY.join(", ")}`);
}

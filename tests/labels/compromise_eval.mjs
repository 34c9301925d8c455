// Runs the npm package `compromise` (rule-based NLP that runs in the browser) on the texts facts_eval
// writes, and prints its people, places and organisations per thread as JSON for facts_eval to score.
//
// facts_eval installs it on first use into tests/labels/.npm (git-ignored, outside package.json, which
// belongs to the extension's build):
//   npm install --prefix tests/labels/.npm --no-save --no-package-lock compromise@14.17.0
// Then: cargo run --release --bin facts_eval
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Resolve from tests/labels/.npm first, then the usual node_modules folders.
const requireLocal = createRequire(new URL('./.npm/index.js', import.meta.url));
const requireHere = createRequire(import.meta.url);
let nlp;
for (const req of [requireLocal, requireHere]) {
  try {
    nlp = req('compromise');
    break;
  } catch {
    // try the next place
  }
}
if (!nlp) {
  console.error('compromise is not installed: npm install --prefix tests/labels/.npm --no-save compromise@14.17.0');
  process.exit(2);
}
const texts = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const out = { _version: nlp.version || '?' };
for (const { id, text } of texts) {
  const doc = nlp(text);
  const uniq = (list) => [...new Set(list.map((s) => s.trim()).filter(Boolean))];
  out[id] = {
    people: uniq(doc.people().out('array')),
    places: uniq(doc.places().out('array')),
    organizations: uniq(doc.organizations().out('array')),
  };
}
console.log(JSON.stringify(out));

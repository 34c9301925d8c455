// Runs the npm package `compromise` (rule-based NLP that runs in the browser) on the texts facts_eval
// writes, and prints its people, places and organisations per thread as JSON for facts_eval to score.
//
// Install it locally, outside package.json (which belongs to the extension's build), once:
//   (cd tests/labels && npm install --no-save compromise)
// Then: cargo run --release --bin facts_eval
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let nlp;
try {
  nlp = require('compromise');
} catch {
  console.error('compromise is not installed: (cd tests/labels && npm install --no-save compromise)');
  process.exit(2);
}
const texts = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const out = { _version: nlp.version || require('compromise/package.json').version };
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

// Holds the script-tag bundle to its size budget (gzip): the main file and
// any chunk it imports statically, i.e. everything a page loads before the
// first element can render. Chunks loaded on demand (dynamic import(): the
// French and Spanish strings, the transports and the demo data generator)
// are printed beside it but not counted.
// Builds it first when it is missing or older than a source file.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUNDLE, ensureBundle } from './bundle-build.mjs';

const CHUNKS = 'dist/bundle-chunks';
// gzip, kB of 1000 bytes as Vite reports them. Issue 3's budget: 60 kB for
// the inbox's elements and the store, with Lit and RxJS inside. What a page
// may never need is an on-demand chunk, printed below and not counted: the
// conversation's elements (issue 4), the contact panel, the dialogs (shortcut
// help, command palette), DOMPurify, the transports with the demo
// data and what only a backend decides (model/rules.backend.ts), the
// protocol's schemas (valibot; the store loads them before it connects), and
// the French and Spanish strings. The rules the store runs for its
// optimistic updates, every person's command, are counted.
const BUDGET_KB = 60;
// Issue 10's budget for what a page loads to show one conversation over HTTP (below).
const PATH_BUDGET_KB = 100;

ensureBundle();

const gzipKb = (bytes) => gzipSync(bytes, { level: 9 }).length / 1000;
const figure = (bytes) => `${(bytes.length / 1000).toFixed(1)} kB, ${gzipKb(bytes).toFixed(1)} kB gzip`;

// `import … from"./x.js"` and `import"./x.js"` load with the file; `import("./x.js")` on demand.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) staticClosure(join(dirname(file), spec), seen);
  return seen;
}

const loaded = [...staticClosure(BUNDLE)];
const total = gzipKb(Buffer.concat(loaded.map((file) => readFileSync(file))));
const parts = loaded.length > 1 ? ` (${loaded.length} files loaded at once: ${loaded.join(', ')})` : '';
const summary = `${BUNDLE}: ${figure(readFileSync(BUNDLE))}${parts}; counted ${total.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB gzip)`;

const chunks = existsSync(CHUNKS) ? readdirSync(CHUNKS).filter((n) => n.endsWith('.js')).sort() : [];
for (const name of chunks) {
  const file = join(CHUNKS, name);
  if (!loaded.includes(file)) console.log(`check-size: on demand ${file}: ${figure(readFileSync(file))}`);
}

// Issue 10: what a page loads to show one conversation over HTTP: the main
// file, the protocol's schemas, the HTTP transport and the conversation's
// elements, each with the chunks it imports statically, each file once, each
// gzipped on its own as a server sends it.
const chunk = (prefix) => {
  const name = chunks.find((n) => n.startsWith(`${prefix}-`));
  if (!name) throw new Error(`check-size: no ${prefix} chunk in ${CHUNKS}`);
  return join(CHUNKS, name);
};
const pathFiles = new Set([BUNDLE, chunk('protocol'), chunk('http-transport'), chunk('conversation-chunk')].flatMap((file) => [...staticClosure(file)]));
const pathKb = [...pathFiles].reduce((sum, file) => sum + gzipKb(readFileSync(file)), 0);
const pathSummary = `one conversation over HTTP (main + protocol + HTTP transport + conversation, ${pathFiles.size} files): ${pathKb.toFixed(1)} kB gzip (budget ${PATH_BUDGET_KB} kB)`;

let failed = false;
if (total > BUDGET_KB) {
  console.error(`check-size: FAIL, ${(total - BUDGET_KB).toFixed(1)} kB over the budget: ${summary}`);
  failed = true;
} else console.log(`check-size: ok ${summary}`);
if (pathKb > PATH_BUDGET_KB) {
  console.error(`check-size: FAIL, ${(pathKb - PATH_BUDGET_KB).toFixed(1)} kB over the budget: ${pathSummary}`);
  failed = true;
} else console.log(`check-size: ok ${pathSummary}`);
if (failed) process.exit(1);

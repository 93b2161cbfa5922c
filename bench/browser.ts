/**
 * The page side of `npm run bench`: runs the benchmark named in the URL's
 * hash and leaves its figures on window.__bench for bench/run.mjs.
 */
import type { Row } from './harness.js';

const benches: Record<string, () => Promise<Row[]>> = {
  query: async () => (await import('./query.bench.js')).run(),
  events: async () => (await import('./events.bench.js')).run(),
  heap: async () => (await import('./heap.bench.js')).run(),
  list: async () => (await import('./list.bench.js')).run(),
  conversation: async () => (await import('./conversation.bench.js')).run(),
  cold: async () => (await import('./cold.bench.js')).run(),
  window: async () => (await import('./window.bench.js')).run(),
};

const name = location.hash.slice(1);
const bench = benches[name];
if (!bench) window.__bench = { rows: [], error: `no benchmark named "${name}"` };
else
  bench().then(
    (rows) => (window.__bench = { rows }),
    (error: unknown) => (window.__bench = { rows: [], error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  );

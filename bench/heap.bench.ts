/**
 * Issue 2: JS heap for 100,000 demo conversations without timelines, held
 * by a store on the in-page MemoryTransport: ≤ 150 MB.
 */
import { InboxStore } from '../src/store/inbox-store.js';
import { MemoryTransport } from '../src/transport/memory/memory-transport.js';
import { heapUsed, round, type Row } from './harness.js';

const MB = 1024 * 1024;

export async function run(): Promise<Row[]> {
  const before = await heapUsed();
  const start = performance.now();
  const transport = new MemoryTransport({ demo: true, conversations: 100_000 });
  const store = new InboxStore({ transport, userId: 'u-ana' });
  await store.ready;
  const loaded = performance.now() - start;
  const after = await heapUsed();
  const total = after / MB;
  const count = store.state.model.conversations.size;
  return [
    { name: `heap: demo conversations in the store`, value: count, unit: 'conversations' },
    { name: 'heap: generate, snapshot, validate and load 100,000', value: round(loaded, 0), unit: 'ms' },
    { name: 'heap: JS heap used after GC, page total', value: round(total, 1), unit: 'MB', target: '≤ 150 MB', ok: total <= 150 },
    { name: 'heap: of which the demo backend and store', value: round((after - before) / MB, 1), unit: 'MB' },
  ];
}

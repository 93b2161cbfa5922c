/**
 * Issue 13's windowed store, over HTTP on the reference server (bench/run.mjs
 * starts two with 100,000 demo conversations: one with --window-from 20000,
 * one that hands every client everything): what a host waits for from
 * handing the store its transport to the first painted rows of
 * `<inbox-list>`, and the page's JS heap with the store and the list
 * mounted, after paging ten further pages in. The windowed store's heap
 * does not grow with the server's data: it holds the pages it loaded.
 */
import '../src/define.js';
import type { InboxList } from '../src/elements/inbox-list/inbox-list.js';
import { InboxStore } from '../src/store/inbox-store.js';
import { HttpTransport } from '../src/transport/http/http-transport.js';
import { heapUsed, median, nextFrame, round, type Row } from './harness.js';
import { firstRows, host } from './list-harness.js';

const MB = 1024 * 1024;
const OWNER = 'u-ana';

async function load(baseUrl: string): Promise<{ first: number; ready: number; store: InboxStore; list: InboxList; box: HTMLElement }> {
  const box = host();
  await nextFrame();
  const handed = performance.now();
  const store = new InboxStore({ transport: new HttpTransport({ baseUrl, token: `dev-${OWNER}` }), userId: OWNER });
  const list = document.createElement('inbox-list');
  list.store = store;
  box.append(list);
  await firstRows(list);
  const first = performance.now() - handed;
  await store.ready;
  return { first, ready: performance.now() - handed, store, list, box };
}

async function measure(label: string, baseUrl: string, loads: number): Promise<Row[]> {
  const firsts: number[] = [];
  const readies: number[] = [];
  for (let i = 0; i < loads; i++) {
    const run = await load(baseUrl);
    firsts.push(run.first);
    readies.push(run.ready);
    run.box.remove();
    run.store.destroy();
    await nextFrame();
  }
  const before = await heapUsed();
  const { store, box } = await load(baseUrl);
  // Ten further pages, as a person scrolling would bring them.
  for (let page = 0; page < 10 && store.state.window?.next != null; page++) {
    store.showing(store.selectors.list(store.state).length - 1);
    while (store.state.window.loading) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const after = await heapUsed();
  const held = store.state.model.conversations.size;
  box.remove();
  store.destroy();
  return [
    { name: `window ${label}: transport handed → first rows of <inbox-list>, median`, value: round(median(firsts), 1), unit: `ms (first load ${round(firsts[0]!, 0)} ms)` },
    { name: `window ${label}: transport handed → store ready, median`, value: round(median(readies), 1), unit: 'ms' },
    {
      name: `window ${label}: JS heap after GC, page total (the store's delta)`,
      value: round(after / MB, 1),
      unit: `MB (${round((after - before) / MB, 1)} MB; ${held.toLocaleString('en')} conversations held)`,
      ...(label.startsWith('windowed') ? { target: '≤ 40 MB', ok: after / MB <= 40 } : {}),
    },
  ];
}

export async function run(): Promise<Row[]> {
  const params = new URLSearchParams(location.search);
  const windowed = params.get('windowed');
  const whole = params.get('whole');
  if (!windowed || !whole) throw new Error('bench/run.mjs passes the servers as ?windowed=…&whole=…');
  return [...(await measure('windowed, 100,000 on the server', windowed, 5)), ...(await measure('whole, 100,000 on the server', whole, 3))];
}

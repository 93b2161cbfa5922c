/**
 * Issue 13's figures, measured where a host waits, beside a plain-DOM
 * virtual list of the same rows (bench/plain-list.ts) in the same page:
 *
 * - cold start: from handing the store its transport (an in-page backend
 *   built on the data) to the first painted rows of `<inbox-list>`: the
 *   store (which checks every message) and the list's mount; and to the
 *   store fully ready; its parts (the snapshot's check, the state) measured
 *   alone; and from the data in hand, the backend's building included;
 * - `<inbox-list>`'s own mount (on a store already built), a filter change
 *   and 200 frames of scrolling, each against the plain list's.
 *
 * Each load runs five times in this page (the first one with cold JIT, the
 * others warm: the median is a warm page's figure; the first is printed too).
 */
import '../src/define.js';
import { InboxStore } from '../src/store/inbox-store.js';
import { generateDemoData } from '../src/backend/demo-data.js';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import { MemoryTransport } from '../src/transport/memory/memory-transport.js';
import { loadProtocol } from '../src/protocol/loading.js';
import { stateFromSnapshot } from '../src/model/state.js';
import { median, nextFrame, percentile, round, type Row } from './harness.js';
import { firstRows, host, listbox, settle, timeMounts } from './list-harness.js';
import { PlainList } from './plain-list.js';

const LOADS = 5;

/** rAF-to-rAF durations over 200 frames, scrolling `scroller` 300 px a frame. */
async function scrollFrames(scroller: HTMLElement): Promise<number[]> {
  scroller.scrollTop = 0;
  await nextFrame();
  const deltas: number[] = [];
  let last = await nextFrame();
  for (let i = 0; i < 200; i++) {
    scroller.scrollTop += 300;
    const now = await nextFrame();
    deltas.push(now - last);
    last = now;
  }
  return deltas;
}

const ratio = (a: number, b: number): string => `${round(a / b, 1)}×`;

async function size(conversations: number): Promise<Row[]> {
  const label = conversations.toLocaleString('en');
  const data = generateDemoData({ seed: 7, conversations });
  const snapshot = data.snapshot;
  const owner = snapshot.users.find((user) => user.role === 'owner')!.id;
  const rows: Row[] = [];

  // 1. Cold start, the library. The figure starts when the store is handed its transport (the in-page
  //    backend already built on the data); "data →" adds building that backend.
  const first: number[] = [];
  const fromData: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const box = host();
    await nextFrame();
    const start = performance.now();
    const backend = new MemoryBackend({ snapshot, timelineFor: data.timelineFor });
    const transport = new MemoryTransport({ backend });
    const handed = performance.now();
    const store = new InboxStore({ transport, userId: owner });
    const list = document.createElement('inbox-list');
    list.store = store;
    box.append(list);
    void store.ready.then(() => ready.push(performance.now() - handed));
    await firstRows(list);
    first.push(performance.now() - handed);
    fromData.push(performance.now() - start);
    await store.ready;
    box.remove();
    store.destroy();
    await nextFrame();
  }
  // Its parts, each alone on the same snapshot: the check (compiled code for contacts and conversations), the state.
  const protocol = await loadProtocol();
  const compiled = await protocol.loadCompiledChecks();
  const sent = new MemoryBackend({ snapshot, timelineFor: data.timelineFor }).snapshotFor(owner);
  const checks: number[] = [];
  const valibotChecks: number[] = [];
  const states: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    let t = performance.now();
    if (!protocol.parseServerMessage({ kind: 'snapshot', seq: 1, snapshot: sent }, compiled).ok) throw new Error('the snapshot does not pass');
    checks.push(performance.now() - t);
    // The state from a snapshot that is not the backend's own collections (over HTTP, or another page's backend).
    const copied = { ...sent, contacts: [...sent.contacts], conversations: [...sent.conversations] };
    t = performance.now();
    stateFromSnapshot(copied);
    states.push(performance.now() - t);
    if (i < 2) {
      t = performance.now();
      protocol.parseServerMessage({ kind: 'snapshot', seq: 1, snapshot: sent }, null);
      valibotChecks.push(performance.now() - t);
    }
  }
  // The yardstick: data in hand → the plain list's first rows laid out.
  const plainFirst: number[] = [];
  let plain!: PlainList;
  let plainBox: HTMLElement | null = null;
  for (let i = 0; i < LOADS; i++) {
    plainBox?.remove();
    plainBox = host();
    await nextFrame();
    const start = performance.now();
    plain = new PlainList(snapshot);
    plainBox.append(plain.element);
    plain.render();
    plain.element.getBoundingClientRect();
    plainFirst.push(performance.now() - start);
  }
  const target = conversations >= 100_000 ? 100 : 50;
  rows.push({
    name: `cold ${label}: transport handed to the store → first rows of <inbox-list>, median`,
    value: round(median(first), 1),
    unit: `ms (first load ${round(first[0]!, 0)} ms)`,
    target: `≤ ${String(target)} ms`,
    ok: median(first) <= target,
  });
  rows.push({ name: `cold ${label}: transport handed → store ready, median`, value: round(median(ready), 1), unit: 'ms', ...(conversations >= 100_000 ? { target: '≤ 300 ms', ok: median(ready) <= 300 } : {}) });
  rows.push({
    name: `cold ${label}: its parts: snapshot check / state indexed anew, as over HTTP (in the page: taken from the backend) / (valibot alone would check in)`,
    value: `${round(median(checks), 1)} / ${round(median(states), 1)} / (${round(median(valibotChecks), 0)})`,
    unit: 'ms',
  });
  rows.push({ name: `cold ${label}: data → first rows (the backend built too), median`, value: round(median(fromData), 1), unit: 'ms' });
  rows.push({ name: `cold ${label}: data → first rows of the plain list, median`, value: round(median(plainFirst), 1), unit: `ms (library ${ratio(median(fromData), median(plainFirst))})` });

  // 2. <inbox-list>'s own mount on a store already built, against the plain list's whole mount.
  const store = new InboxStore({ transport: new MemoryTransport({ backend: new MemoryBackend({ snapshot, timelineFor: data.timelineFor }) }), userId: owner });
  await store.ready;
  const box = host();
  const { list, times: mounts } = await timeMounts(box, store, LOADS);
  rows.push({
    name: `cold ${label}: <inbox-list> mount on a built store, median`,
    value: round(median(mounts), 1),
    unit: `ms (${ratio(median(mounts), median(plainFirst))} the plain list's; target ≤ 2×)`,
  });

  // 3. A filter change (e-mail only, then all), work until laid out.
  const changes: number[] = [];
  const plainChanges: number[] = [];
  for (let i = 0; i < LOADS * 2; i++) {
    const kinds = i % 2 === 0 ? ['email' as const] : [];
    await nextFrame();
    let start = performance.now();
    store.setFilters(kinds.length ? { channelKinds: kinds } : {});
    await settle(list);
    listbox(list).getBoundingClientRect();
    changes.push(performance.now() - start);
    await nextFrame();
    start = performance.now();
    plain.filter(kinds);
    plain.element.getBoundingClientRect();
    plainChanges.push(performance.now() - start);
  }
  rows.push({
    name: `cold ${label}: filter change, <inbox-list> vs plain, medians`,
    value: `${round(median(changes), 1)} / ${round(median(plainChanges), 1)}`,
    unit: `ms (${ratio(median(changes), median(plainChanges))}; target ≤ 1.5×)`,
  });

  // 4. 200 frames of scrolling each.
  store.setFilters({});
  await settle(list);
  const libraryFrames = await scrollFrames(listbox(list));
  plain.filter([]);
  const plainFrames = await scrollFrames(plain.element);
  const over = (frames: number[]) => frames.filter((d) => d > 25).length;
  rows.push({
    name: `cold ${label}: scroll 200 frames, p95 frame / frames over 25 ms, <inbox-list> vs plain`,
    value: `${round(percentile(libraryFrames, 95), 1)} / ${over(libraryFrames)} vs ${round(percentile(plainFrames, 95), 1)} / ${over(plainFrames)}`,
    unit: 'ms / frames',
  });
  box.remove();
  plainBox?.remove();
  store.destroy();
  return rows;
}

export async function run(): Promise<Row[]> {
  return [...(await size(10_000)), ...(await size(100_000))];
}

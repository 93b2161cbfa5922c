/**
 * Issue 3: <inbox-list> at 100,000 conversations. Mount to the first rows,
 * a filter or search change, 200 frames of scrolling, and key E on the
 * focused row, each to the frame that shows the result.
 *
 * "Work" figures run from the input to the moment the new rows are in the
 * DOM with style and layout done (everything the next paint needs); the
 * frame figures count the animation frames until the change is on screen.
 */
import { EMPTY } from 'rxjs';
import '../src/define.js';
import type { InboxList } from '../src/elements/inbox-list/inbox-list.js';
import { InboxStore } from '../src/store/inbox-store.js';
import { generateDemoData } from '../src/backend/demo-data.js';
import type { Transport } from '../src/transport/transport.js';
import { median, nextFrame, percentile, round, type Row } from './harness.js';
import { host, listbox, settle, timeMounts } from './list-harness.js';

const SIZE = 100_000;
const RUNS = 10;

const silent: Transport = {
  connect: () => EMPTY,
  send: () => new Promise(() => undefined),
  timeline: () => new Promise(() => undefined),
};

async function loadedStore(): Promise<InboxStore> {
  const data = generateDemoData({ seed: 7, conversations: SIZE });
  const owner = data.snapshot.users.find((user) => user.role === 'owner')!;
  const store = new InboxStore({ transport: silent, userId: owner.id });
  store.receive({ kind: 'snapshot', seq: 0, snapshot: data.snapshot });
  await store.ready;
  return store;
}

const firstRowId = (list: InboxList) => list.shadowRoot?.querySelector<HTMLElement>('[role=option][aria-posinset="1"]')?.dataset['id'];

/** Frames until `done()` holds, checking after each one. */
async function framesUntil(done: () => boolean, max = 30): Promise<number> {
  let frames = 0;
  while (!done() && frames < max) {
    await nextFrame();
    frames++;
  }
  return frames;
}

export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  const store = await loadedStore();
  const box = host();

  // 1. Mount to the first painted rows (the query is not cached: filters change before each mount).
  const { list, times: mounts } = await timeMounts(box, store, RUNS);
  const count = list.rows.length;
  rows.push({ name: `list: rows in the owner's All view (of ${SIZE.toLocaleString('en')})`, value: count, unit: 'rows' });
  rows.push({
    name: 'list: mount <inbox-list> to first rows, median',
    value: round(median(mounts), 1),
    unit: 'ms',
    target: '≤ 50 ms',
    ok: median(mounts) <= 50,
  });

  // 2. A filter or the search changes: work until the new rows are laid out, then frames to screen.
  await nextFrame();
  await nextFrame();
  const changes: number[] = [];
  const changeFrames: number[] = [];
  const queries = [
    () => store.setFilters({ channelKinds: ['email'] }),
    () => store.setFilters({}),
    () => store.setSearch('invoice'),
    () => store.setSearch(''),
  ];
  for (let i = 0; i < RUNS * 2; i++) {
    await nextFrame();
    const before = firstRowId(list);
    const start = performance.now();
    queries[i % queries.length]!();
    await settle(list);
    listbox(list).getBoundingClientRect(); // style and layout, as the paint needs
    changes.push(performance.now() - start);
    changeFrames.push(await framesUntil(() => firstRowId(list) !== before));
  }
  rows.push({
    name: 'list: filter or search change to the next paint (work), median',
    value: round(median(changes), 1),
    unit: 'ms',
    target: '≤ 16 ms',
    ok: median(changes) <= 16,
  });
  rows.push({ name: 'list: same, p95', value: round(percentile(changes, 95), 1), unit: 'ms' });
  rows.push({ name: 'list: same, frames until the new rows show, median', value: median(changeFrames), unit: 'frames' });

  // 3. Scroll 200 frames through the list, a few rows per frame.
  store.setFilters({});
  await settle(list);
  await nextFrame();
  const scroller = listbox(list);
  const deltas: number[] = [];
  let last = await nextFrame();
  for (let i = 0; i < 200; i++) {
    scroller.scrollTop += 300;
    const now = await nextFrame();
    deltas.push(now - last);
    last = now;
  }
  const over = deltas.filter((d) => d > 16.7).length;
  const dropped = deltas.filter((d) => d > 16.7 * 1.5).length;
  rows.push({
    name: 'list: scroll 200 frames, frames over 16.7 ms (a dropped frame: > 25 ms)',
    value: `${dropped} (${over} over 16.7)`,
    unit: 'frames',
    target: '≤ 2',
    ok: dropped <= 2,
  });
  rows.push({ name: 'list: scroll, longest frame', value: round(Math.max(...deltas), 1), unit: 'ms' });

  // Where a command's time goes: the store (its map copy, the patched list), then the render.
  {
    const d: number[] = [];
    const q: number[] = [];
    const c: number[] = [];
    const copies: unknown[] = [];
    for (let i = 0; i < 10; i++) {
      const id = list.rows[200 + i]!.id;
      await nextFrame();
      let t = performance.now();
      copies[0] = new Map(store.state.model.conversations);
      c.push(performance.now() - t);
      t = performance.now();
      store.dispatch('setPriority', { ids: [id], priority: i % 2 ? 'high' : 'low' });
      d.push(performance.now() - t);
      t = performance.now();
      await settle(list);
      listbox(list).getBoundingClientRect(); // style and layout, as the paint needs
      q.push(performance.now() - t);
    }
    rows.push({ name: 'list: breakdown, one copy of the 100,000-conversation map, median', value: round(median(c), 1), unit: 'ms' });
    rows.push({ name: 'list: breakdown, store.dispatch with the list patched, median', value: round(median(d), 1), unit: 'ms' });
    rows.push({ name: 'list: breakdown, the list re-rendered and laid out, median', value: round(median(q), 1), unit: 'ms' });
  }
  // 4. Key E on the focused row to the repaint without it.
  scroller.scrollTop = 0;
  await nextFrame();
  scroller.focus();
  await settle(list);
  const keys: number[] = [];
  const keyFrames: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await nextFrame();
    const id = list.activeId!;
    const start = performance.now();
    scroller.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true, composed: true }));
    await settle(list);
    scroller.getBoundingClientRect(); // style and layout, as the paint needs
    keys.push(performance.now() - start);
    keyFrames.push(await framesUntil(() => list.shadowRoot!.querySelector(`[data-id="${id}"]`) === null));
    if (list.rows.some((c) => c.id === id)) throw new Error(`E did not remove ${id}`);
  }
  rows.push({
    name: 'list: key E on the focused row to the repaint without it (work), median',
    value: round(median(keys), 1),
    unit: 'ms',
    target: '≤ 16 ms',
    ok: median(keys) <= 16,
  });
  rows.push({ name: 'list: same, frames until the row is gone, median', value: median(keyFrames), unit: 'frames' });
  box.remove();
  store.destroy();
  return rows;
}

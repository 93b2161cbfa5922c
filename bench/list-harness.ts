/** What the benchmarks of `<inbox-list>` share (list.bench.ts, cold.bench.ts). */
import type { InboxList } from '../src/elements/inbox-list/inbox-list.js';
import type { InboxStore } from '../src/store/inbox-store.js';
import { nextFrame } from './harness.js';

export const rowsIn = (list: InboxList): NodeListOf<HTMLElement> =>
  list.shadowRoot?.querySelectorAll<HTMLElement>('[role=option]') ?? document.querySelectorAll<HTMLElement>(':not(*)');
export const listbox = (list: InboxList): HTMLElement => list.shadowRoot!.querySelector<HTMLElement>('#listbox')!;

/** A 720 × 720 box in the page's corner for a list. */
export function host(): HTMLElement {
  const box = document.createElement('div');
  box.style.cssText = 'position: fixed; inset: 0 auto auto 0; width: 720px; height: 720px; display: flex; flex-direction: column';
  document.body.append(box);
  return box;
}

/** Lets pending microtasks (Lit's update, the list's scheduled steps) run. */
export async function settle(list: InboxList): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await list.updateComplete;
    await Promise.resolve();
  }
}

/** Waits for the list's first rows, then forces style and layout (what the paint needs). */
export async function firstRows(list: InboxList): Promise<void> {
  while (rowsIn(list).length === 0) {
    await settle(list);
    if (rowsIn(list).length === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  listbox(list).getBoundingClientRect();
}

/**
 * Mounts `<inbox-list>` on `store` in `box` `runs` times, each from a query
 * not cached (the filters change before each mount), timing each to its
 * first rows laid out; the last list stays mounted.
 */
export async function timeMounts(box: HTMLElement, store: InboxStore, runs: number): Promise<{ list: InboxList; times: number[] }> {
  const times: number[] = [];
  let list!: InboxList;
  for (let i = 0; i < runs; i++) {
    box.replaceChildren();
    store.setFilters({});
    await nextFrame();
    const start = performance.now();
    list = document.createElement('inbox-list');
    list.store = store;
    box.append(list);
    await firstRows(list);
    times.push(performance.now() - start);
  }
  return { list, times };
}

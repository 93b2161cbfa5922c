import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { InboxStore } from '../../store/inbox-store.js';
import { InboxList } from './inbox-list.js';

/**
 * Test helpers for elements that mount a list.
 *
 * A ResizeObserver callback that changes layout (the list's, or a host's)
 * can raise the harmless "ResizeObserver loop completed with undelivered
 * notifications" error, which reaches mocha's window.onerror; exactly that
 * message is ignored.
 */
const RESIZE_OBSERVER_LOOP = 'ResizeObserver loop completed with undelivered notifications';

export function ignoreResizeObserverLoop(): void {
  const original = window.onerror;
  if ((original as { ignoresLoop?: boolean } | null)?.ignoresLoop) return;
  const handler: OnErrorEventHandlerNonNull & { ignoresLoop?: boolean } = function (this: unknown, message, ...rest) {
    if ((typeof message === 'string' ? message : message.type).includes(RESIZE_OBSERVER_LOOP)) return true;
    return original ? (original.call(window, message, ...rest) as boolean) : false;
  };
  handler.ignoresLoop = true;
  window.onerror = handler;
}

export const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

export async function frames(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) await nextFrame();
}

/** Waits until `check` holds, polling each frame (up to `timeout` ms). */
export async function until(check: () => boolean, message = 'condition', timeout = 4000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${message}`);
    await nextFrame();
  }
}

/** Mounts a template holding an `<inbox-list>` and waits for its store and first rows. */
export async function mountList(template: TemplateResult): Promise<{ root: HTMLElement; list: InboxList; store: InboxStore }> {
  ignoreResizeObserverLoop();
  const root = await fixture<HTMLElement>(template);
  const list = root instanceof InboxList ? root : root.querySelector('inbox-list')!;
  await until(() => list.activeStore !== undefined, 'a store');
  const store = list.activeStore!;
  await store.ready;
  await list.updateComplete;
  await until(() => list.rows.length === 0 || rowsOf(list).length > 0, 'rows');
  await frames(2);
  return { root, list, store };
}

export const listbox = (list: InboxList): HTMLElement => list.shadowRoot!.querySelector<HTMLElement>('#listbox')!;

/** The rendered rows, in list order. */
export function rowsOf(list: InboxList): HTMLElement[] {
  const rows = [...list.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]')];
  return rows.sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')));
}

export const rowById = (list: InboxList, id: string): HTMLElement | null =>
  list.shadowRoot!.querySelector<HTMLElement>(`[role=option][data-id="${id}"]`);

/** The id of the row aria-activedescendant points at. */
export function activeRowId(list: InboxList): string | null {
  const id = listbox(list).getAttribute('aria-activedescendant');
  return id === null ? null : (list.shadowRoot!.getElementById(id)?.dataset['id'] ?? null);
}

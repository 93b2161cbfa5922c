import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { setLocale, type Locale } from '../src/i18n/localization.js';
import type { InboxStore } from '../src/store/inbox-store.js';
import { PickerCloseEvent } from '../src/events/picker-close.js';

/**
 * Helpers for the navigation elements' tests (sidebar, filters, pickers,
 * availability, help, palette): render a story as Storybook would, and
 * wait for a store.
 */

interface StoryLike<A> {
  args?: Partial<A>;
  render?: (args: A, context: never) => unknown;
  globals?: { locale?: Locale };
}

interface MetaLike<A> {
  args?: Partial<A>;
  render?: (args: A, context: never) => unknown;
}

/** Renders a story with meta's args under its own, in the story's locale. */
export async function renderStory<A>(meta: MetaLike<A>, story: StoryLike<A>, extra: Partial<A> = {}): Promise<HTMLElement> {
  const args = { ...meta.args, ...story.args, ...extra } as A;
  const render = story.render ?? meta.render;
  if (!render) throw new Error('story without render');
  await setLocale(story.globals?.locale ?? 'en');
  const root = await fixture<HTMLElement>(render(args, {} as never) as TemplateResult);
  return root;
}

/** The first element of `tag` in or at `root`, once its store is ready and it rendered. */
export async function ready<K extends keyof HTMLElementTagNameMap>(
  root: Element,
  tag: K,
  waitForStore = true,
): Promise<HTMLElementTagNameMap[K] & { store?: InboxStore | undefined }> {
  const el = (root.localName === tag ? root : root.querySelector(tag)) as
    | (HTMLElementTagNameMap[K] & { store?: InboxStore | undefined; updateComplete?: Promise<unknown> })
    | null;
  if (!el) throw new Error(`no <${tag}> in the fixture`);
  if (waitForStore && el.store) await el.store.ready;
  await el.updateComplete;
  return el;
}

/** Resolves after the store's queued backend events were applied (one animation frame) and `el` re-rendered. */
export async function settle(el: { updateComplete: Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 0));
  await el.updateComplete;
}

/** The element focused, looking inside shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The next `close` a picker fires. */
export function nextClose(el: EventTarget): Promise<PickerCloseEvent> {
  return new Promise((resolve) =>
    el.addEventListener('close', (event) => {
      if (event instanceof PickerCloseEvent) resolve(event);
    }),
  );
}

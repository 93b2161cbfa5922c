/**
 * The yardstick for issue 13: a plain-DOM virtual list of the same
 * conversations, the least a page can do to show them. No framework, no
 * store, no validation: an array sorted once, fixed-height rows placed by a
 * transform, the visible ones (and a few more) rebuilt on scroll. What
 * `<inbox-list>` costs beyond this is the library's own cost.
 */
import type { Conversation, Snapshot } from '../src/model/types.js';

const ROW_HEIGHT = 64;
const OVERSCAN = 6;

export class PlainList {
  readonly element: HTMLElement;
  readonly #names = new Map<string, string>();
  readonly #time = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
  readonly #spacer: HTMLElement;
  readonly #rows: HTMLElement;
  #all: Conversation[] = [];
  #shown: Conversation[] = [];
  #first = -1;

  constructor(snapshot: Snapshot) {
    for (const contact of snapshot.contacts) this.#names.set(contact.id, contact.name);
    // The owner's All view, newest first: open, not spam, not trashed.
    this.#all = snapshot.conversations
      .filter((c) => c.status === 'open' && !c.spam && c.trashedAt === null)
      .sort((a, b) => (b.lastMessage?.at ?? 0) - (a.lastMessage?.at ?? 0));
    this.#shown = this.#all;
    this.element = document.createElement('div');
    this.element.style.cssText = 'overflow: auto; block-size: 100%; position: relative; contain: strict; font: 14px system-ui';
    this.#spacer = document.createElement('div');
    this.#rows = document.createElement('div');
    this.#rows.style.cssText = 'position: absolute; inset: 0 0 auto 0';
    this.element.append(this.#spacer, this.#rows);
    this.element.addEventListener('scroll', () => this.#render(false));
  }

  get count(): number {
    return this.#shown.length;
  }

  /** Shows only conversations of these channel kinds (none: all). */
  filter(kinds: readonly string[]): void {
    this.#shown = kinds.length === 0 ? this.#all : this.#all.filter((c) => kinds.includes(c.lastMessage?.kind ?? ''));
    this.element.scrollTop = 0;
    this.#render(true);
  }

  /** Lays the visible rows out (call once the element is in the page). */
  render(): void {
    this.#render(true);
  }

  #render(force: boolean): void {
    this.#spacer.style.blockSize = `${this.#shown.length * ROW_HEIGHT}px`;
    const first = Math.max(0, Math.floor(this.element.scrollTop / ROW_HEIGHT) - OVERSCAN);
    if (!force && first === this.#first) return;
    this.#first = first;
    const count = Math.ceil((this.element.clientHeight || 720) / ROW_HEIGHT) + 2 * OVERSCAN;
    const rows: HTMLElement[] = [];
    for (let i = first; i < Math.min(this.#shown.length, first + count); i++) {
      const c = this.#shown[i]!;
      const row = document.createElement('div');
      row.setAttribute('role', 'option');
      row.dataset['id'] = c.id;
      row.style.cssText = `position: absolute; inset-inline: 0; block-size: ${ROW_HEIGHT}px; transform: translateY(${i * ROW_HEIGHT}px); padding: 8px 12px; box-sizing: border-box; border-block-end: 1px solid #ddd`;
      const top = document.createElement('div');
      top.style.cssText = 'display: flex; justify-content: space-between; font-weight: 600';
      const name = document.createElement('span');
      name.textContent = this.#names.get(c.contactId) ?? c.contactId;
      const time = document.createElement('time');
      time.textContent = this.#time.format(c.lastMessage?.at ?? 0);
      top.append(name, time);
      const preview = document.createElement('div');
      preview.style.cssText = 'white-space: nowrap; overflow: hidden; text-overflow: ellipsis; color: #555';
      preview.textContent = c.lastMessage?.preview ?? '';
      row.append(top, preview);
      rows.push(row);
    }
    this.#rows.replaceChildren(...rows);
  }
}

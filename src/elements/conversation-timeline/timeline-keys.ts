import type { LitElement } from 'lit';
import type { Id } from '../../model/types.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { arrange, type Arranged } from './timeline-arrange.js';
import { STEP, type TimelineScrollController, type TimelineSlice } from './timeline-scroll.controller.js';

export interface TimelineKeysOptions {
  readonly store: () => InboxStore | undefined;
  /** The slice as of now. */
  readonly current: () => TimelineSlice | undefined;
  readonly scroll: TimelineScrollController;
}

/**
 * The WAI-ARIA feed pattern: one tab stop into the feed (the current item),
 * Page Up / Page Down anywhere in an item and the arrow keys, Home and End
 * on the item itself move between items, rendering or loading older ones
 * when the move goes past the top of the window.
 */
export class TimelineKeys {
  readonly #host: LitElement;
  readonly #options: TimelineKeysOptions;
  /** The item that holds the feed's tab stop. */
  #activeId: Id | null = null;

  constructor(host: LitElement, options: TimelineKeysOptions) {
    this.#host = host;
    this.#options = options;
  }

  reset(): void {
    this.#activeId = null;
  }

  /** Makes `id` the current item (a deep link shown). */
  activate(id: Id): void {
    this.#activeId = id;
  }

  /** The item last made current, if it is among those rendered from `start`. */
  activeIn(arranged: Arranged, start: number): Id | null {
    const active = this.#activeId;
    return active !== null && (arranged.index.get(active) ?? -1) >= start ? active : null;
  }

  readonly onFocusIn = (event: FocusEvent): void => {
    const article = (event.target as Element).closest<HTMLElement>('.feed > article');
    const id = article?.dataset['id'];
    if (id !== undefined && id !== this.#activeId) {
      this.#activeId = id;
      this.#host.requestUpdate();
    }
  };

  /** A key pressed on an item or inside one (not in a note's field). */
  onKeyDown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const article = target.closest<HTMLElement>('.feed > article');
    const id = article?.dataset['id'];
    if (!article || id === undefined) return;
    const onItem = target === article;
    let move: number | 'first' | 'last' | null = null;
    if (event.key === 'PageDown' || (onItem && event.key === 'ArrowDown')) move = 1;
    else if (event.key === 'PageUp' || (onItem && event.key === 'ArrowUp')) move = -1;
    else if (onItem && event.key === 'Home') move = 'first';
    else if (onItem && event.key === 'End') move = 'last';
    if (move === null || event.altKey || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    void this.#move(id, move);
  }

  async #move(from: Id, move: number | 'first' | 'last'): Promise<void> {
    const store = this.#options.store();
    const slice = this.#options.current();
    if (!store || !slice?.id) return;
    let arranged = arrange(slice.timeline);
    let index = arranged.index.get(from);
    if (index === undefined) return;
    let to = move === 'first' ? 0 : move === 'last' ? arranged.items.length - 1 : index + move;
    if (to < 0 && slice.paging?.hasMore && !slice.paging.loading) {
      await store.loadTimeline(slice.id, { older: true });
      arranged = arrange(store.state.model.timelines.get(slice.id));
      index = arranged.index.get(from) ?? 0;
      to = index - 1;
    }
    const item = arranged.items[to];
    if (!item) return;
    this.#options.scroll.include(arranged, to, STEP);
    this.#activeId = item.id;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#options.scroll.article(item.id)?.focus();
  }
}

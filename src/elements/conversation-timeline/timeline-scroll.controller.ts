import type { LitElement, ReactiveController } from 'lit';
import { filter, firstValueFrom } from 'rxjs';
import type { Id, TimelineItem } from '../../model/types.js';
import type { InboxStore, TimelinePaging } from '../../store/inbox-store.js';
import { arrange, domId, itemShowing, type Arranged } from './timeline-arrange.js';

/** Items added above when the reader nears the top. */
export const STEP = 40;
/** Pixels from the top at which older items are rendered or loaded. */
const NEAR_TOP = 320;
/** Pixels from the bottom that still count as "at the bottom" (new items keep it in view). */
const AT_BOTTOM = 24;

/** What the controller reads of the element's store slice. */
export interface TimelineSlice {
  readonly id: Id | null;
  readonly timeline: readonly TimelineItem[] | undefined;
  readonly paging: TimelinePaging | undefined;
  readonly focusedMessageId: Id | null;
}

export interface TimelineScrollOptions {
  /** Items rendered when a conversation opens (and kept while the reader is at the bottom). */
  readonly window: number;
  readonly store: () => InboxStore | undefined;
  /** The slice as of now. */
  readonly current: () => TimelineSlice | undefined;
  /** The conversation on screen. */
  readonly conversation: () => Id | null;
  /** A deep-linked item is about to be shown: it becomes the current item. */
  readonly revealed: (id: Id) => void;
}

/**
 * The timeline's window and scroll position: which items are rendered (the
 * newest, more as the reader nears the top, older pages loaded past them),
 * the first visible item kept in place across renders and resizes, the view
 * kept at the bottom while it was there, and deep links loaded and centred.
 */
export class TimelineScrollController implements ReactiveController {
  readonly #host: LitElement;
  readonly #options: TimelineScrollOptions;

  /** The oldest item rendered (the window runs from it to the newest). */
  #firstId: Id | null = null;
  /** The view follows new items while the reader is at the bottom. */
  #stuck = true;
  #scrollTop = 0;
  /** The first visible item and its distance from the top of the scroller. */
  #anchor: { id: Id; offset: number } | null = null;
  /** The deep link being followed, and the item to centre after the next render. */
  #seekFor: Id | null = null;
  #revealId: Id | null = null;
  #recenter: { id: Id; until: number } | null = null;
  #growScheduled = false;
  #resize: ResizeObserver | undefined;

  constructor(host: LitElement, options: TimelineScrollOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#resize = new ResizeObserver(() => this.#onResize());
    if (this.#host.hasUpdated) this.observe();
  }

  hostDisconnected(): void {
    this.#resize?.disconnect();
    this.#resize = undefined;
  }

  /** Watches the scroller and the feed for size changes (once they are rendered). */
  observe(): void {
    const scroller = this.#scroller();
    const feed = this.#host.renderRoot.querySelector('.feed');
    if (scroller) this.#resize?.observe(scroller);
    if (feed) this.#resize?.observe(feed);
  }

  reset(): void {
    this.#firstId = null;
    this.#stuck = true;
    this.#anchor = null;
    this.#seekFor = null;
    this.#revealId = null;
    this.#recenter = null;
  }

  /** Before an update of the same conversation. */
  remeasure(): void {
    if (this.#host.hasUpdated && this.#revealId === null && this.#scroller()?.scrollTop !== this.#scrollTop) {
      // The reader scrolled since the last measure (its scroll event is still to come). Otherwise
      // the last measure stands: content that grew since (an e-mail's HTML) must not become the
      // new normal. (A deep link being revealed has already decided where the view goes.)
      this.#measure();
    }
  }

  /** After an update: follows a new deep link, then puts the view where it belongs. */
  updated(slice: TimelineSlice | undefined): void {
    const focus = slice?.focusedMessageId ?? null;
    if (focus !== this.#seekFor) {
      this.#seekFor = focus;
      const id = slice?.id;
      if (focus && id) queueMicrotask(() => void this.#seek(id, focus));
    }
    if (this.#revealId !== null && this.article(this.#revealId)) {
      this.#recenter = { id: this.#revealId, until: performance.now() + 1500 };
      this.#center(this.#revealId);
      this.#revealId = null;
    } else {
      this.#restore();
      this.#measure();
    }
    this.#scheduleGrow();
  }

  /**
   * The newest page, when the store may not have it: never loaded (or reset
   * by a snapshot; once loaded, the live stream keeps it current). With
   * items to show already (they came live), after the first paint.
   */
  loadNewest(store: InboxStore, slice: TimelineSlice): void {
    const id = slice.id;
    if (!id || slice.paging) return;
    const load = () => {
      if (this.#options.conversation() === id && !store.state.paging.get(id)) void store.loadTimeline(id);
    };
    // Not inside this update: loading changes the store, which updates this element.
    if (!slice.timeline?.length) queueMicrotask(load);
    else requestAnimationFrame(() => setTimeout(load));
  }

  /** The index of the first item to render; trims the window while the reader is at the bottom. */
  window(arranged: Arranged): number {
    const items = arranged.items;
    let start = this.startIn(arranged);
    // Reading the newest items: what scrolled far out of view above need not stay rendered.
    const size = this.#options.window;
    if (this.#stuck && this.#revealId === null && this.#scrollTop > NEAR_TOP && items.length - start > 2 * size) {
      start = items.length - size;
    }
    this.#firstId = items[start]?.id ?? null;
    return start;
  }

  startIn(arranged: Arranged): number {
    const start = this.#firstId === null ? undefined : arranged.index.get(this.#firstId);
    return start ?? Math.max(0, arranged.items.length - this.#options.window);
  }

  /** Renders the item at `index` (and `margin` more above it) if it is above the window. */
  include(arranged: Arranged, index: number, margin: number): void {
    if (index < this.startIn(arranged)) this.#firstId = arranged.items[Math.max(0, index - margin)]!.id;
  }

  article(id: Id): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>(`#${domId(id)}`);
  }

  readonly onScroll = (): void => {
    this.#measure();
    if (this.#recenter && performance.now() >= this.#recenter.until) this.#recenter = null;
    this.#scheduleGrow();
  };

  #scroller(): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  /** Remembers whether the view is at the bottom and which item is at its top. */
  #measure(): void {
    const scroller = this.#scroller();
    if (!scroller) return;
    this.#scrollTop = scroller.scrollTop;
    this.#stuck = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= AT_BOTTOM;
    const top = scroller.getBoundingClientRect().top;
    // Items are in vertical order: the first one whose bottom is below the top, by bisection.
    const list = this.#host.renderRoot.querySelectorAll<HTMLElement>('.feed > article');
    let low = 0;
    let high = list.length - 1;
    let first: HTMLElement | null = null;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const article = list[middle]!;
      if (article.getBoundingClientRect().bottom > top + 1) {
        first = article;
        high = middle - 1;
      } else {
        low = middle + 1;
      }
    }
    this.#anchor = first ? { id: first.dataset['id'] ?? '', offset: first.getBoundingClientRect().top - top } : null;
  }

  /** Puts the view back: at the bottom if it was, else the anchor item where it was. */
  #restore(): void {
    const scroller = this.#scroller();
    if (!scroller) return;
    if (this.#stuck) {
      scroller.scrollTop = scroller.scrollHeight;
      return;
    }
    const anchor = this.#anchor;
    const element = anchor && this.article(anchor.id);
    if (!anchor || !element) return;
    const delta = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top - anchor.offset;
    if (Math.abs(delta) >= 1) scroller.scrollTop += delta;
  }

  #center(id: Id): void {
    const scroller = this.#scroller();
    const element = this.article(id);
    if (!scroller || !element) return;
    const box = scroller.getBoundingClientRect();
    const rect = element.getBoundingClientRect();
    scroller.scrollTop += rect.top - box.top - Math.max(0, (box.height - rect.height) / 2);
    this.#measure();
  }

  #onResize(): void {
    const recenter = this.#recenter;
    if (recenter && performance.now() < recenter.until) {
      this.#center(recenter.id);
    } else {
      this.#restore();
      this.#measure();
    }
  }

  /** Renders or loads older items when the reader is near the top (or the items do not fill the view). */
  #scheduleGrow(): void {
    if (this.#growScheduled) return;
    this.#growScheduled = true;
    requestAnimationFrame(() => {
      this.#growScheduled = false;
      const scroller = this.#scroller();
      if (scroller && this.#host.isConnected && scroller.scrollTop < NEAR_TOP) this.#growUp();
    });
  }

  #growUp(): void {
    const store = this.#options.store();
    const slice = this.#options.current();
    if (!store || !slice?.id || !slice.paging || slice.paging.loading) return;
    const arranged = arrange(slice.timeline);
    const start = this.startIn(arranged);
    if (start > 0) {
      this.#firstId = arranged.items[Math.max(0, start - STEP)]!.id;
      this.#host.requestUpdate();
    } else if (slice.paging.hasMore) {
      void store.loadTimeline(slice.id, { older: true });
    }
  }

  /** Loads older pages until `itemId` is there, then shows it. */
  async #seek(conversationId: Id, itemId: Id): Promise<void> {
    const store = this.#options.store();
    if (!store) return;
    for (let pages = 0; pages < 10_000; pages++) {
      if (this.#options.conversation() !== conversationId || this.#seekFor !== itemId || !this.#host.isConnected) return;
      const timeline = store.state.model.timelines.get(conversationId);
      const arranged = arrange(timeline);
      const target = itemShowing(arranged, itemId);
      if (target !== undefined) {
        this.#reveal(target, arranged);
        return;
      }
      const paging = store.state.paging.get(conversationId);
      if (!paging || paging.loading) {
        const settled = await firstValueFrom(
          store.select((state) => state.paging.get(conversationId)).pipe(filter((p) => p !== undefined && !p.loading)),
        ).then(
          () => true,
          () => false,
        );
        if (!settled) return;
        continue;
      }
      if (!paging.hasMore) return;
      await store.loadTimeline(conversationId, { older: true });
      // Another load was under way (scrolling): wait for it on the next turn.
      if (store.state.paging.get(conversationId)?.loading) continue;
      // A page that brought nothing (a transport error) ends the search.
      if (store.state.model.timelines.get(conversationId) === timeline) return;
    }
  }

  #reveal(target: Id, arranged: Arranged): void {
    const index = arranged.index.get(target) ?? 0;
    this.include(arranged, index, 5);
    this.#options.revealed(target);
    this.#revealId = target;
    this.#stuck = false;
    this.#host.requestUpdate();
  }
}

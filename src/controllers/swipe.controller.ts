import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

export type SwipeDirection = 'left' | 'right';

export interface SwipeItem {
  readonly id: string;
  /** The element that moves with the finger. */
  readonly element: HTMLElement;
}

export interface SwipeOptions {
  /** The swipeable item a pointer went down on, if any. */
  readonly itemFrom: (event: PointerEvent) => SwipeItem | null;
  /** A swipe released past the threshold. */
  readonly onSwipe: (id: string, direction: SwipeDirection) => void;
  /** Whether a direction does anything (a hint only shows for those). */
  readonly enabled?: (direction: SwipeDirection) => boolean;
  /** Distance to travel, in px, for an item of this width; 30 % of it, between 48 and 120 px by default. */
  readonly threshold?: (width: number) => number;
}

/** Movement, in px, before a press becomes a horizontal swipe rather than a tap or a scroll. */
const SLOP = 8;

export const defaultThreshold = (width: number): number => Math.max(48, Math.min(0.3 * width, 120));

interface Gesture {
  readonly pointerId: number;
  readonly item: SwipeItem;
  readonly startX: number;
  readonly startY: number;
  readonly width: number;
  swiping: boolean;
}

/**
 * Swipe left or right on an item with touch, pen or mouse, through pointer
 * events (DESIGN.md section 5: left marks done, right marks unread). While
 * the pointer moves, the item gets `data-swipe="left|right"`, the custom
 * property `--swipe-x` (its offset, for a transform) and `data-armed` once
 * past the threshold, so its styles show the action hint; releasing armed
 * calls `onSwipe`, releasing below the threshold cancels. Vertical moves
 * are left to scrolling (items need `touch-action: pan-y`), and the click
 * that ends a swipe is swallowed so it does not also open the item.
 */
export class SwipeController implements ReactiveController {
  readonly #host: Host;
  readonly #options: SwipeOptions;
  #gesture: Gesture | null = null;
  #swallowClick = false;

  constructor(host: Host, options: SwipeOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    const host = this.#host;
    host.addEventListener('pointerdown', this.#down);
    host.addEventListener('pointermove', this.#move);
    host.addEventListener('pointerup', this.#up);
    host.addEventListener('pointercancel', this.#cancel);
    host.addEventListener('click', this.#click, { capture: true });
  }

  hostDisconnected(): void {
    const host = this.#host;
    host.removeEventListener('pointerdown', this.#down);
    host.removeEventListener('pointermove', this.#move);
    host.removeEventListener('pointerup', this.#up);
    host.removeEventListener('pointercancel', this.#cancel);
    host.removeEventListener('click', this.#click, { capture: true });
    if (this.#gesture) this.#reset(this.#gesture.item.element);
    this.#gesture = null;
  }

  readonly #down = (event: PointerEvent): void => {
    if (!event.isPrimary || (event.pointerType === 'mouse' && event.button !== 0)) return;
    const item = this.#options.itemFrom(event);
    if (!item) return;
    this.#swallowClick = false;
    this.#gesture = {
      pointerId: event.pointerId,
      item,
      startX: event.clientX,
      startY: event.clientY,
      width: item.element.getBoundingClientRect().width,
      swiping: false,
    };
  };

  readonly #move = (event: PointerEvent): void => {
    const g = this.#gesture;
    if (!g || event.pointerId !== g.pointerId) return;
    const dx = event.clientX - g.startX;
    const dy = event.clientY - g.startY;
    if (!g.swiping) {
      if (Math.abs(dy) > SLOP && Math.abs(dy) >= Math.abs(dx)) {
        this.#gesture = null; // a scroll
        return;
      }
      if (Math.abs(dx) <= SLOP) return;
      g.swiping = true;
      try {
        g.item.element.setPointerCapture(event.pointerId);
      } catch {
        // Synthetic pointers have nothing to capture; moves still reach the host.
      }
    }
    const direction: SwipeDirection = dx < 0 ? 'left' : 'right';
    const element = g.item.element;
    if (this.#options.enabled && !this.#options.enabled(direction)) {
      this.#reset(element);
      return;
    }
    event.preventDefault();
    element.style.setProperty('--swipe-x', `${dx}px`);
    element.dataset['swipe'] = direction;
    element.toggleAttribute('data-armed', Math.abs(dx) >= this.#threshold(g.width));
    element.removeAttribute('data-settling');
  };

  readonly #up = (event: PointerEvent): void => {
    const g = this.#gesture;
    if (!g || event.pointerId !== g.pointerId) return;
    this.#gesture = null;
    if (!g.swiping) return;
    // The click that follows this pointerup (mouse) comes in the same task.
    this.#swallowClick = true;
    setTimeout(() => (this.#swallowClick = false));
    const dx = event.clientX - g.startX;
    const direction: SwipeDirection = dx < 0 ? 'left' : 'right';
    const armed = Math.abs(dx) >= this.#threshold(g.width) && (this.#options.enabled?.(direction) ?? true);
    this.#reset(g.item.element);
    if (armed) this.#options.onSwipe(g.item.id, direction);
  };

  readonly #cancel = (event: PointerEvent): void => {
    const g = this.#gesture;
    if (!g || event.pointerId !== g.pointerId) return;
    this.#gesture = null;
    this.#reset(g.item.element);
  };

  readonly #click = (event: MouseEvent): void => {
    if (!this.#swallowClick) return;
    this.#swallowClick = false;
    event.stopPropagation();
    event.preventDefault();
  };

  #threshold(width: number): number {
    return (this.#options.threshold ?? defaultThreshold)(width);
  }

  /** Back to rest, animated by the item's styles while `data-settling` is set. */
  #reset(element: HTMLElement): void {
    element.style.removeProperty('--swipe-x');
    delete element.dataset['swipe'];
    element.removeAttribute('data-armed');
    element.setAttribute('data-settling', '');
    setTimeout(() => element.removeAttribute('data-settling'), 200);
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

export interface RovingFocusOptions {
  /** The items, in order; read lazily, on each update and key press. */
  readonly elements: () => readonly HTMLElement[];
  /** Which arrows move: Left/Right (tabs, toolbars) or Up/Down. */
  readonly orientation?: 'horizontal' | 'vertical';
  /** The item that holds the tab stop when focus enters (the selected tab); else the last focused. */
  readonly focusIndex?: () => number;
}

/**
 * One tab stop for a group of items (tabs, a toolbar), moved by the arrow
 * keys, Home and End, as Spectrum's RovingTabindex does: the item at the
 * focus index gets tabindex 0, the others -1. Keys are handled only while
 * focus is on one of the items; handled keys are consumed.
 */
export class RovingFocusController implements ReactiveController {
  readonly #host: Host;
  readonly #options: RovingFocusOptions;
  #index = 0;

  constructor(host: Host, options: RovingFocusOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeydown);
    this.#host.addEventListener('focusin', this.#onFocusin);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeydown);
    this.#host.removeEventListener('focusin', this.#onFocusin);
  }

  hostUpdated(): void {
    this.#applyTabindex();
  }

  #items(): HTMLElement[] {
    return this.#options.elements().filter((el) => !el.hidden && !(el as HTMLButtonElement).disabled);
  }

  #current(items: readonly HTMLElement[]): number {
    const wanted = this.#options.focusIndex?.() ?? this.#index;
    return Math.min(Math.max(0, wanted), items.length - 1);
  }

  #applyTabindex(): void {
    const all = this.#options.elements();
    const items = this.#items();
    const current = items[this.#current(items)];
    for (const el of all) {
      const tabIndex = el === current ? 0 : -1;
      if (el.tabIndex !== tabIndex) el.tabIndex = tabIndex; // an unchanged attribute left alone: no style work
    }
  }

  readonly #onFocusin = (event: FocusEvent): void => {
    const items = this.#items();
    const index = items.indexOf(event.composedPath()[0] as HTMLElement);
    if (index >= 0 && this.#options.focusIndex === undefined) {
      this.#index = index;
      this.#applyTabindex();
    }
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const items = this.#items();
    const index = items.indexOf(event.composedPath()[0] as HTMLElement);
    if (index < 0) return;
    const vertical = this.#options.orientation === 'vertical';
    const rtl = getComputedStyle(this.#host).direction === 'rtl' && !vertical;
    const forward = vertical ? 'ArrowDown' : rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = vertical ? 'ArrowUp' : rtl ? 'ArrowRight' : 'ArrowLeft';
    let next: number;
    switch (event.key) {
      case forward:
        next = (index + 1) % items.length;
        break;
      case back:
        next = (index - 1 + items.length) % items.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.#index = next;
    const target = items[next]!;
    for (const el of this.#options.elements()) el.tabIndex = el === target ? 0 : -1;
    target.focus();
  };
}

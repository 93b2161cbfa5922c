import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement } from './modal.controller.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface PopoverOptions {
  /** The panel: rendered with `popover="manual"` (and `hidden` while closed where popovers are missing). */
  readonly panel: () => HTMLElement | null;
  /** What takes the focus when it opens (default: the panel's first focusable element). */
  readonly initialFocus?: () => HTMLElement | null | undefined;
  /** Called after it closed, however it closed. */
  readonly closed?: () => void;
}

const supportsPopover = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), button:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A panel that floats over the layout, anchored to the button that opened it
 * (the filters, a menu): shown in the top layer as a manual popover (CSS
 * anchor positioning places it; nothing in the layout moves), the focus moves
 * in; Esc or a pointer down outside it closes it, and the focus returns to
 * what had it before (Esc stops there: it does not also close the open
 * conversation behind). The host renders the panel and its `open` state.
 */
export class PopoverController implements ReactiveController {
  readonly #host: Host;
  readonly #options: PopoverOptions;
  #open = false;
  #returnFocus: HTMLElement | null = null;

  constructor(host: Host, options: PopoverOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get isOpen(): boolean {
    return this.#open;
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeydown);
    this.close(false);
  }

  /** Opens the panel (after the host rendered it) and moves the focus in. */
  open(): void {
    const panel = this.#options.panel();
    if (!panel || this.#open) return;
    this.#open = true;
    const active = deepActiveElement();
    this.#returnFocus = active instanceof HTMLElement ? active : null;
    if (supportsPopover && !panel.matches(':popover-open')) panel.showPopover();
    panel.hidden = false;
    document.addEventListener('pointerdown', this.#onOutsidePointer, true);
    this.focusInitial();
  }

  /**
   * Moves the focus to what takes it when the panel opens (`initialFocus`,
   * else its first focusable element): for contents drawn after it opened.
   */
  focusInitial(): void {
    const panel = this.#options.panel();
    if (panel) (this.#options.initialFocus?.() ?? panel.querySelector<HTMLElement>(FOCUSABLE))?.focus();
  }

  /** Closes it; `restoreFocus` sends the focus back where it was. */
  close(restoreFocus = true): void {
    if (!this.#open) return;
    this.#open = false;
    document.removeEventListener('pointerdown', this.#onOutsidePointer, true);
    const panel = this.#options.panel();
    if (panel && supportsPopover && panel.matches(':popover-open')) panel.hidePopover();
    if (panel && !supportsPopover) panel.hidden = true;
    const back = this.#returnFocus;
    this.#returnFocus = null;
    if (restoreFocus && back?.isConnected && back !== document.body) back.focus();
    this.#options.closed?.();
  }

  toggle(): void {
    if (this.#open) this.close();
    else this.open();
  }

  readonly #onOutsidePointer = (event: PointerEvent): void => {
    const panel = this.#options.panel();
    const path = event.composedPath();
    if (panel && path.includes(panel)) return;
    // A pointer on the trigger toggles it: the trigger's click handler decides.
    if (this.#returnFocus && path.includes(this.#returnFocus)) return;
    this.close(false);
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (!this.#open || event.key !== 'Escape' || event.defaultPrevented) return;
    const panel = this.#options.panel();
    if (!panel || !event.composedPath().includes(panel)) return;
    event.preventDefault();
    event.stopPropagation();
    this.close();
  };
}

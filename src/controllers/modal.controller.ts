import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

export interface ModalOptions {
  /** The host's `<dialog>`, once rendered. */
  readonly dialog: () => HTMLDialogElement | null;
  /** What takes the focus when it opens (default: the dialog's first focusable element). */
  readonly initialFocus?: () => HTMLElement | null | undefined;
  /** Called once the dialog has closed, however it closed, before the focus goes back. */
  readonly closed: () => void;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The focused element, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * A modal dialog that belongs to its inbox, not to the page: the `<dialog>`
 * opens with `show()`, not `showModal()`, so it stays in the page's layers
 * (the top layer would put it over the whole page and make every other
 * inbox and the host's own page inert). It is drawn `position: fixed`
 * (dialogStyles), and `<inbox-app>`'s box contains fixed descendants
 * (`contain: layout`), so it opens over
 * its own inbox only; `<inbox-app>` makes the rest of itself inert while
 * one is open. What showModal() gave for free, this does: the focus moves
 * in, Tab and Shift+Tab cycle inside, Esc closes, and the focus returns
 * to what had it before.
 */
export class ModalController implements ReactiveController {
  readonly #host: Host;
  readonly #options: ModalOptions;
  #returnFocus: HTMLElement | null = null;

  constructor(host: Host, options: ModalOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  // Capture: the dialog's own handlers (the palette's) may stop the key before it bubbles out.
  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeydown, true);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeydown, true);
    this.#options.dialog()?.close();
  }

  get isOpen(): boolean {
    return this.#options.dialog()?.open ?? false;
  }

  /** Opens the dialog and moves the focus into it. */
  open(): void {
    const dialog = this.#options.dialog();
    if (!dialog || dialog.open) return;
    const active = deepActiveElement();
    this.#returnFocus = active instanceof HTMLElement ? active : null;
    dialog.addEventListener('close', this.#onClose, { once: true });
    dialog.show();
    (this.#options.initialFocus?.() ?? this.#focusables(dialog)[0])?.focus();
  }

  /** Closes it; the focus goes back where it was. */
  close(): void {
    this.#options.dialog()?.close();
  }

  // `closed` first: what it undoes (the app's inert) must be gone before the focus goes back.
  #onClose = (): void => {
    const back = this.#returnFocus;
    this.#returnFocus = null;
    this.#options.closed();
    if (back?.isConnected && back !== document.body) back.focus();
  };

  #focusables(dialog: HTMLDialogElement): HTMLElement[] {
    return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const dialog = this.#options.dialog();
    if (!dialog?.open || event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      dialog.close();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = this.#focusables(dialog);
    if (items.length === 0) return;
    // Tab moves on natively inside; at either end it wraps around instead of leaving.
    const active = this.#host.shadowRoot?.activeElement ?? null;
    const at = active instanceof HTMLElement ? items.indexOf(active) : -1;
    const last = items.length - 1;
    const wrapTo = event.shiftKey ? (at <= 0 ? last : null) : at === -1 || at === last ? 0 : null;
    if (wrapTo === null) return;
    event.preventDefault();
    items[wrapTo]!.focus();
  };
}

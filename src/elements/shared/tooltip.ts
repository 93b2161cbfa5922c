import { css, html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

const supportsPopover = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

/** How long the pointer rests on a control before its tooltip shows. */
const HOVER_DELAY = 450;

/**
 * Tooltips for the icon buttons of a shadow root: an element with
 * `data-tip="Mark done (E)"` shows that text under it (above it near the
 * bottom of the window) after the pointer rests on it, and at once when it
 * gets keyboard focus; Esc, a click, the pointer or focus leaving hide it.
 * One tooltip per element, in the top layer (a popover), so no box clips
 * it and nothing moves. It repeats what the control's accessible name and
 * `aria-keyshortcuts` already say, so it is hidden from assistive
 * technology. Render `tooltip.render()` once in the shadow root and add
 * `tooltipStyles`.
 */
export class TooltipController implements ReactiveController {
  readonly #host: Host;
  #target: HTMLElement | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.#root;
    root.addEventListener('pointerover', this.#onPointerOver);
    root.addEventListener('pointerout', this.#onPointerOut);
    root.addEventListener('focusin', this.#onFocusIn);
    root.addEventListener('focusout', this.#onHide);
    root.addEventListener('pointerdown', this.#onHide);
    root.addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    const root = this.#root;
    root.removeEventListener('pointerover', this.#onPointerOver);
    root.removeEventListener('pointerout', this.#onPointerOut);
    root.removeEventListener('focusin', this.#onFocusIn);
    root.removeEventListener('focusout', this.#onHide);
    root.removeEventListener('pointerdown', this.#onHide);
    root.removeEventListener('keydown', this.#onKeydown);
    this.hide();
  }

  /** The control whose tooltip shows, if any. */
  get target(): HTMLElement | null {
    return this.#target;
  }

  get #root(): EventTarget {
    return this.#host.shadowRoot ?? this.#host;
  }

  get #tip(): HTMLElement | null {
    return this.#host.shadowRoot?.querySelector<HTMLElement>('.tooltip') ?? null;
  }

  #tipOf(event: Event): HTMLElement | null {
    for (const node of event.composedPath()) {
      if (node === this.#host) return null;
      if (node instanceof HTMLElement && node.dataset['tip']) return node;
    }
    return null;
  }

  readonly #onPointerOver = (event: Event): void => {
    const target = this.#tipOf(event);
    if (!target || target === this.#target) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.show(target), this.#target ? 0 : HOVER_DELAY);
  };

  readonly #onPointerOut = (event: Event): void => {
    const related = (event as PointerEvent).relatedTarget;
    const target = this.#tipOf(event);
    if (target && related instanceof Node && target.contains(related)) return;
    clearTimeout(this.#timer);
    if (this.#target && this.#target === target && !target.matches(':focus-visible')) this.hide();
  };

  readonly #onFocusIn = (event: Event): void => {
    const target = this.#tipOf(event);
    clearTimeout(this.#timer);
    if (target?.matches(':focus-visible')) this.show(target);
    else this.hide();
  };

  readonly #onHide = (): void => {
    clearTimeout(this.#timer);
    this.hide();
  };

  readonly #onKeydown = (event: Event): void => {
    if ((event as KeyboardEvent).key === 'Escape' && this.#target) this.hide();
  };

  /** Shows the tooltip of `target` (its `data-tip`). */
  show(target: HTMLElement): void {
    const tip = this.#tip;
    const text = target.dataset['tip'];
    if (!tip || !text || !target.isConnected) return;
    this.#target = target;
    tip.textContent = text;
    tip.hidden = false;
    if (supportsPopover && !tip.matches(':popover-open')) tip.showPopover();
    const box = target.getBoundingClientRect();
    const own = tip.getBoundingClientRect();
    const gap = 6;
    const room = window.innerHeight - box.bottom;
    const top = room < own.height + gap * 2 ? box.top - own.height - gap : box.bottom + gap;
    const left = Math.min(Math.max(4, box.left + box.width / 2 - own.width / 2), window.innerWidth - own.width - 4);
    tip.style.translate = `${String(Math.round(left))}px ${String(Math.round(top))}px`;
  }

  hide(): void {
    clearTimeout(this.#timer);
    this.#target = null;
    const tip = this.#tip;
    if (!tip) return;
    if (supportsPopover && tip.matches(':popover-open')) tip.hidePopover();
    tip.hidden = true;
  }

  /** The tooltip element; render it once in the shadow root. */
  render(): TemplateResult {
    return html`<div class="tooltip" part="tooltip" aria-hidden="true" popover="manual" hidden></div>`;
  }
}

export const tooltipStyles = css`
  .tooltip {
    position: fixed;
    inset: 0 auto auto 0;
    margin: 0;
    z-index: 30;
    max-inline-size: 18rem;
    padding: var(--_inbox-space-1) var(--_inbox-space-3);
    border: 0;
    border-radius: var(--_inbox-radius-sm);
    background: var(--_inbox-color-text);
    color: var(--_inbox-color-surface);
    font-family: var(--_inbox-font-family);
    font-size: var(--_inbox-font-size-sm);
    line-height: 1.4;
    white-space: nowrap;
    pointer-events: none;
  }
  .tooltip[hidden] {
    display: none;
  }
`;

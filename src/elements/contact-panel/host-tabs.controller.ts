import type { ReactiveController, ReactiveElement } from 'lit';

interface HostTab {
  readonly key: string;
  readonly el: HTMLElement;
}

/**
 * The host's own tabs: the elements slotted into `tab`, each naming its
 * panel, the child slotted into `panel-<key>`. Both live in the host's
 * light DOM, so the panel sets their roles and links itself.
 */
export class HostTabsController implements ReactiveController {
  #tabs: readonly HostTab[] = [];
  readonly #host: ReactiveElement;
  readonly #uid: string;
  /** The selected tab's key (a built-in tab's, or a host tab's). */
  readonly #selected: () => string;

  constructor(host: ReactiveElement, uid: string, selected: () => string) {
    this.#host = host;
    this.#uid = uid;
    this.#selected = selected;
    host.addController(this);
  }

  hostUpdated(): void {
    this.#applyAria();
  }

  /** The host tabs' keys, in order. */
  keys(): string[] {
    return this.#tabs.map((t) => t.key);
  }

  /** The host tabs themselves, in order. */
  elements(): HTMLElement[] {
    return this.#tabs.map((t) => t.el);
  }

  /** The key of the host tab `el`, or null if it is not one. */
  keyOf(el: HTMLElement): string | null {
    return this.#tabs.find((t) => t.el === el)?.key ?? null;
  }

  /** For the `tab` slot's `@slotchange`. */
  readonly onSlotChange = (event: Event): void => {
    const slot = event.target as HTMLSlotElement;
    this.#tabs = slot
      .assignedElements()
      .filter((el): el is HTMLElement => el instanceof HTMLElement)
      .map((el) => ({ key: el.dataset.tab ?? (el.textContent || '').trim().toLowerCase().replace(/\s+/g, '-'), el }));
    this.#host.requestUpdate();
  };

  /** Gives the host's tabs and panels their roles and links. */
  #applyAria(): void {
    const selected = this.#selected();
    for (const { key, el } of this.#tabs) {
      el.setAttribute('role', 'tab');
      el.id ||= `${this.#uid}-tab-${key}`;
      el.setAttribute('aria-selected', String(key === selected));
      const panel = [...this.#host.children].find(
        (child): child is HTMLElement => child instanceof HTMLElement && child.slot === `panel-${key}`,
      );
      if (panel) {
        panel.setAttribute('role', 'tabpanel');
        panel.id ||= `${this.#uid}-panel-${key}`;
        panel.setAttribute('aria-labelledby', el.id);
        el.setAttribute('aria-controls', panel.id);
      }
    }
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

export interface MenuOptions {
  /** The menu button. */
  readonly button: () => HTMLElement | null;
  /** The element with `role="menu"`. */
  readonly menu: () => HTMLElement | null;
}

const supportsPopover = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

/**
 * The WAI-ARIA menu button pattern for one menu of the host: Enter, Space
 * or ↓ on the button opens the menu on its first item, ↑ on its last; in
 * the menu ↓/↑ move (wrapping), Home/End jump, a letter moves to the next
 * item starting with it, Enter and Space activate (the item's click), Esc
 * closes and returns focus to the button, Tab closes and lets focus move
 * on; a click outside closes. Items are `[role=menuitem]` (or
 * `menuitemradio`, `menuitemcheckbox`) buttons with `tabindex="-1"`; focus
 * moves between them. Keys pressed inside the menu
 * never reach the inbox's single-key shortcuts.
 */
export class MenuController implements ReactiveController {
  /** Whether the menu is shown; the host renders `aria-expanded` from it. */
  open = false;
  readonly #host: Host;
  readonly #options: MenuOptions;

  constructor(host: Host, options: MenuOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#onOutsidePointer, true);
  }

  /** The enabled, visible items, in order. */
  items(): HTMLElement[] {
    const menu = this.#options.menu();
    if (!menu) return [];
    return [...menu.querySelectorAll<HTMLElement>('[role=menuitem], [role=menuitemradio], [role=menuitemcheckbox]')].filter(
      (item) => !item.hidden && item.getAttribute('aria-disabled') !== 'true',
    );
  }

  /** Opens the menu and focuses its first (or last) item. */
  show(focus: 'first' | 'last' = 'first'): void {
    this.open = true;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const menu = this.#options.menu();
      if (!menu || !this.open) return;
      if (supportsPopover && !menu.matches(':popover-open')) menu.showPopover();
      document.addEventListener('pointerdown', this.#onOutsidePointer, true);
      const items = this.items();
      (focus === 'first' ? items[0] : items.at(-1))?.focus();
    });
  }

  /** Closes the menu; focus goes back to the button unless `returnFocus` is false. */
  close(returnFocus = true): void {
    if (!this.open) return;
    this.open = false;
    document.removeEventListener('pointerdown', this.#onOutsidePointer, true);
    const menu = this.#options.menu();
    if (menu && supportsPopover && menu.matches(':popover-open')) menu.hidePopover();
    if (returnFocus) this.#options.button()?.focus();
    this.#host.requestUpdate();
  }

  toggle(): void {
    if (this.open) this.close();
    else this.show();
  }

  /** For the button's `@keydown`. */
  readonly onButtonKeydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // Enter and Space click the button, which toggles the menu.
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      this.show('first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      this.show('last');
    }
  };

  /** For the menu's `@keydown`. */
  readonly onMenuKeydown = (event: KeyboardEvent): void => {
    // The menu's keys are the menu's: E, U, Esc... must not also act on the conversation.
    event.stopPropagation();
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const items = this.items();
    const current = items.indexOf(event.composedPath()[0] as HTMLElement);
    const focusAt = (index: number) => items[(index + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(current + 1);
        break;
      case 'ArrowUp':
        focusAt(current < 0 ? -1 : current - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(-1);
        break;
      case 'Escape':
        this.close();
        break;
      case 'Tab':
        this.close(false);
        return;
      case 'Enter':
      case ' ':
        items[current]?.click();
        break;
      default:
        if (event.key.length === 1 && /\S/.test(event.key)) this.#typeAhead(items, current, event.key);
        else return;
    }
    event.preventDefault();
  };

  /** For the menu's `@focusout`: focus leaving the menu and its button closes it. */
  readonly onMenuFocusout = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (!(next instanceof Node)) return;
    const menu = this.#options.menu();
    if (menu?.contains(next) || next === this.#options.button()) return;
    this.close(false);
  };

  #typeAhead(items: readonly HTMLElement[], current: number, char: string): void {
    const wanted = char.toLocaleLowerCase();
    for (let i = 1; i <= items.length; i++) {
      const item = items[(current + i) % items.length]!;
      if (item.textContent.trim().toLocaleLowerCase().startsWith(wanted)) {
        item.focus();
        return;
      }
    }
  }

  readonly #onOutsidePointer = (event: PointerEvent): void => {
    const path = event.composedPath();
    const menu = this.#options.menu();
    const button = this.#options.button();
    if ((menu && path.includes(menu)) || (button && path.includes(button))) return;
    this.close(false);
  };
}

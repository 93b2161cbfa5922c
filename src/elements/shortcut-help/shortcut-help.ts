import { LitElement, html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { updateWhenLocaleChanges, msg } from '@lit/localize';
import {
  ACTION_GROUPS,
  ACTIONS,
  DEFAULT_KEYMAP,
  actionLabel,
  keyLabel,
  type Action,
  type ActionGroup,
  type Keymap,
} from '../../controllers/keymap.js';
import { tokens } from '../../styles/tokens.js';
import { hostStyles } from '../../styles/host-styles.js';
import { controlStyles, dialogStyles } from '../../styles/controls.js';
import { styles } from './shortcut-help.styles.js';

export const GROUP_ORDER: readonly ActionGroup[] = ['conversation', 'navigation', 'selection', 'general'];

export function groupLabel(group: ActionGroup): string {
  switch (group) {
    case 'conversation':
      return msg('Conversation', { id: 'help.group.conversation' });
    case 'navigation':
      return msg('Navigation', { id: 'help.group.navigation' });
    case 'selection':
      return msg('Selection', { id: 'help.group.selection' });
    case 'general':
      return msg('General', { id: 'help.group.general' });
  }
}

const ARROWS: Readonly<Record<string, string>> = { Up: '↑', Down: '↓', Left: '←', Right: '→' };

/** A key string as `<kbd>` parts: `Mod+k` → Ctrl (or ⌘) and K. */
export function renderKey(key: string): TemplateResult {
  // keyLabel turns Mod into Ctrl or ⌘, ArrowDown into Down, Escape into Esc.
  const parts = keyLabel(key).split('+');
  return html`<span class="key"
    >${parts.map((part, i) => {
      const shown = ARROWS[part] ?? (part.length === 1 ? part.toUpperCase() : part);
      const name = ARROWS[part] ? part : undefined;
      return html`${i > 0 ? '+' : ''}<kbd title=${name ?? nothing}>${shown}</kbd>`;
    })}</span
  >`;
}

/**
 * @summary The keyboard shortcuts (key ?), grouped, from the keymap in use:
 * a remapped keymap shows its own keys.
 *
 * A modal `<dialog>`: focus stays inside while it is open, Esc or the
 * close button closes it, and focus returns to what had it before. The
 * host opens it with `show()` (the list and the app do on ?).
 *
 * @fires close - The dialog closed (the native `<dialog>` event, re-fired from the host).
 *
 * @csspart dialog - The dialog.
 * @csspart close - The close button.
 * @csspart group - One group of shortcuts.
 *
 * @cssprop --inbox-dialog-background - Background of the dialog. Defaults to `--inbox-color-surface`.
 */
export class ShortcutHelp extends LitElement {
  static {
    this.addInitializer(updateWhenLocaleChanges); // re-renders on setLocale(), as @localized() would
  }

  static override styles = [tokens, hostStyles, controlStyles, dialogStyles, styles];

  static override properties: PropertyDeclarations = {
    keymap: { attribute: false },
    open: { type: Boolean, reflect: true },
  };

  /** Action to keys; a host that remaps its shortcuts passes the same keymap here. */
  keymap: Keymap = DEFAULT_KEYMAP;

  /** Whether the dialog is shown. */
  open = false;

  #returnFocus: HTMLElement | null = null;

  show(): void {
    this.open = true;
  }

  close(): void {
    this.open = false;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const dialog = this.#dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      this.#returnFocus = active instanceof HTMLElement ? active : null;
      dialog.showModal();
      dialog.querySelector<HTMLElement>('.close')?.focus();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  #onClose(): void {
    this.open = false;
    if (this.#returnFocus?.isConnected && this.#returnFocus !== document.body) this.#returnFocus.focus();
    this.#returnFocus = null;
    this.dispatchEvent(new Event('close', { bubbles: true, composed: true }));
  }

  protected override render() {
    const byGroup = new Map<ActionGroup, Action[]>();
    for (const action of ACTIONS) {
      if (this.keymap[action].length === 0) continue;
      const group = ACTION_GROUPS[action];
      byGroup.set(group, [...(byGroup.get(group) ?? []), action]);
    }
    const title = msg('Keyboard shortcuts', { id: 'help.title' });
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.#onClose}>
      <header>
        <h2 id="title">${title}</h2>
        <button part="close" class="control close" type="button" @click=${() => this.close()}>
          ${msg('Close', { id: 'help.close' })}
        </button>
      </header>
      <div class="groups">
        ${GROUP_ORDER.filter((g) => byGroup.has(g)).map(
          (group) => html`<section part="group" aria-labelledby="group-${group}">
            <h3 id="group-${group}">${groupLabel(group)}</h3>
            <dl>
              ${byGroup.get(group)!.map(
                (action) => html`<dt data-action=${action}>${actionLabel(action)}</dt>
                  <dd>
                    ${this.keymap[action].map(
                      (key, i) => html`${i > 0 ? html`<span>${msg('or', { id: 'help.or' })}</span>` : nothing}${renderKey(key)}`,
                    )}
                  </dd>`,
              )}
            </dl>
          </section>`,
        )}
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shortcut-help': ShortcutHelp;
  }
}

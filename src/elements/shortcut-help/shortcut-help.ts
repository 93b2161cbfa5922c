import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { InboxElement } from '../shared/inbox-element.js';
import { msg } from '@lit/localize';
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
import { controlStyles, dialogStyles } from '../../styles/controls.js';
import { ModalController } from '../../controllers/modal.controller.js';
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
 * A modal `<dialog>` over its own inbox, not the whole page (in
 * `<inbox-app>`, within the app's box; alone, over the viewport, without
 * making the page inert): focus stays inside while it is open, Esc, the
 * close button or a click beside it closes it, and focus returns to what
 * had it before. The host opens it with `show()` (the app does on ?).
 *
 * @fires close - The dialog closed (the native `<dialog>` event, re-fired from the host).
 *
 * @csspart dialog - The dialog.
 * @csspart backdrop - The shade behind it, over the inbox.
 * @csspart close - The close button.
 * @csspart group - One group of shortcuts.
 *
 * @cssprop --inbox-dialog-background - Background of the dialog. Defaults to `--inbox-color-surface`.
 */
export class ShortcutHelp extends InboxElement {
  static override styles = [InboxElement.styles, controlStyles, dialogStyles, styles];

  static override properties: PropertyDeclarations = {
    keymap: { attribute: false },
    open: { type: Boolean, reflect: true },
  };

  /** Action to keys; a host that remaps its shortcuts passes the same keymap here. */
  keymap: Keymap = DEFAULT_KEYMAP;

  /** Whether the dialog is shown. */
  open = false;

  readonly #modal = new ModalController(this, {
    dialog: () => this.renderRoot.querySelector('dialog'),
    initialFocus: () => this.renderRoot.querySelector<HTMLElement>('.close'),
    closed: () => {
      this.open = false;
      this.dispatchEvent(new Event('close', { bubbles: true, composed: true }));
    },
  });

  show(): void {
    this.open = true;
  }

  close(): void {
    this.open = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open) this.#modal.open();
    else this.#modal.close();
  }

  protected override render() {
    const byGroup = new Map<ActionGroup, Action[]>();
    for (const action of ACTIONS) {
      if (this.keymap[action].length === 0) continue;
      const group = ACTION_GROUPS[action];
      byGroup.set(group, [...(byGroup.get(group) ?? []), action]);
    }
    const title = msg('Keyboard shortcuts', { id: 'help.title' });
    return html`<div class="backdrop" part="backdrop" ?hidden=${!this.open} @click=${() => this.close()}></div>
      <dialog part="dialog" aria-labelledby="title">
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

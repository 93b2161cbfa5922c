import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { InboxElement } from '../shared/inbox-element.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { ACTIONS, DEFAULT_KEYMAP, actionLabel, type Action, type Keymap } from '../../controllers/keymap.js';
import { StoreController } from '../../controllers/store.controller.js';
import { PaletteActionEvent } from '../../events/palette-action.js';
import { normalize } from '../../model/search.js';
import { findInInbox } from '../../model/find.js';
import type { Id } from '../../model/types.js';
import type { SidebarView } from '../../model/views.js';
import type { InboxStore, StoreState } from '../../store/inbox-store.js';
import { dialogStyles, optionStyles } from '../../styles/controls.js';
import { viewLabel } from '../inbox-sidebar/view-labels.js';
import { renderKey } from '../shortcut-help/shortcut-help.js';
import { ModalController } from '../../controllers/modal.controller.js';
import { styles } from './command-palette.styles.js';

/** One thing the palette can do. */
export interface PaletteCommand {
  readonly key: string;
  readonly label: string;
  readonly group: string;
  /** Shortcut keys shown beside it. */
  readonly keys?: readonly string[] | undefined;
  /** Secondary text after the label (a conversation's subject, a contact's e-mail). */
  readonly detail?: string | undefined;
  readonly run: () => void;
}

/** Actions the palette performs itself through the store, on the checked or open conversations. */
const STORE_ACTIONS = { done: 'markDone', unread: 'markUnread', open: 'markOpen' } as const;

/**
 * Whether every word of `query` appears in `text`, in any order, accents
 * and case ignored: "done mark" and "MARQUER term" find "Mark done" and
 * "Marquer comme terminée".
 */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = normalize(text);
  return normalize(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const NO_VIEWS: readonly SidebarView[] = [];

/**
 * @summary The command palette (Ctrl/Cmd+K): every action by name, every
 * view the user may open, the availability switch, and the conversations
 * and contacts the user may see (R14), filtered as you type: choosing a
 * conversation or a contact opens it.
 *
 * A modal `<dialog>` over its own inbox (not the whole page; see
 * `<shortcut-help>`) holding a combobox and its listbox (the ARIA combobox
 * pattern): type to filter (every word, in any order, accents and case
 * ignored: "resume" finds "Résumé"), ArrowUp/ArrowDown move, Enter runs,
 * Esc closes and returns focus. Mark done, unread and open act on the
 * checked conversations (or the open one) and undo undoes, through the
 * store; every other action is handed to the host as a `palette-action`
 * event, the way its shortcut would be. Works inside an `<inbox-provider>`
 * or with `.store`; the host opens it with `show()`.
 *
 * @fires palette-action - {PaletteActionEvent} A keymap action was chosen; `handled` says the palette already did it.
 * @fires close - The dialog closed.
 *
 * @csspart dialog - The dialog.
 * @csspart backdrop - The shade behind it, over the inbox.
 * @csspart input - The combobox field.
 * @csspart listbox - The list of commands.
 * @csspart option - One command; `option-active` marks the highlighted one.
 *
 * @cssprop --inbox-dialog-background - Background of the dialog. Defaults to `--inbox-color-surface`.
 */
export class CommandPalette extends InboxElement {
  static override styles = [InboxElement.styles, dialogStyles, optionStyles, styles];

  static override properties: PropertyDeclarations = {
    keymap: { attribute: false },
    open: { type: Boolean, reflect: true },
    query: { state: true, attribute: false },
    activeKey: { state: true, attribute: false },
  };

  /** Action to keys, shown beside each action. */
  keymap: Keymap = DEFAULT_KEYMAP;

  /** Whether the dialog is shown. */
  open = false;

  private query = '';
  private activeKey: string | null = null;

  readonly #views: StoreController<readonly SidebarView[]> = new StoreController(this, (s: StoreState, store) =>
    s.ready ? store.selectors.views(s) : NO_VIEWS,
  );
  readonly #availability = new StoreController(this, (s: StoreState) => s.model.users.get(s.userId)?.availability);
  readonly #modal = new ModalController(this, {
    dialog: () => this.#dialog,
    initialFocus: () => this.renderRoot.querySelector('input'),
    closed: () => {
      this.open = false;
      this.dispatchEvent(new Event('close', { bubbles: true, composed: true }));
    },
  });
  #shown: readonly PaletteCommand[] = [];

  show(): void {
    this.open = true;
  }

  close(): void {
    this.open = false;
  }

  get #store(): InboxStore | undefined {
    return this.#views.store;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** The conversations an action applies to: the checked ones, else the open one. */
  #targets(): readonly Id[] {
    const ui = this.#store?.state.ui;
    if (!ui) return [];
    if (ui.checked.size > 0) return [...ui.checked];
    return ui.openId === null ? [] : [ui.openId];
  }

  #runAction(action: Action): void {
    const store = this.#store;
    let handled = false;
    if (store && action === 'undo') handled = store.undo();
    else if (store && action in STORE_ACTIONS) {
      const ids = this.#targets();
      if (ids.length > 0) handled = store.dispatch(STORE_ACTIONS[action as keyof typeof STORE_ACTIONS], { ids }).ok;
    }
    this.dispatchEvent(new PaletteActionEvent(action, handled));
  }

  /** Everything the palette offers, in the current locale. */
  commands(): readonly PaletteCommand[] {
    const actions = msg('Actions', { id: 'palette.group.actions' });
    const views = msg('Go to view', { id: 'palette.group.views' });
    const availability = msg('Availability', { id: 'palette.group.availability' });
    const list: PaletteCommand[] = ACTIONS.filter((a) => a !== 'palette').map((action) => ({
      key: `action:${action}`,
      label: actionLabel(action),
      group: actions,
      keys: this.keymap[action],
      run: () => this.#runAction(action),
    }));
    for (const view of this.#views.value ?? NO_VIEWS) {
      list.push({ key: `view:${view.id}`, label: viewLabel(view), group: views, run: () => this.#store?.setView(view.id) });
    }
    const store = this.#store;
    const current = this.#availability.value;
    if (store && current) {
      const set = (to: 'available' | 'away') => () => store.dispatch('setAvailability', { userId: store.userId, availability: to });
      list.push(
        { key: 'availability:available', label: msg('Set yourself available', { id: 'palette.available' }), group: availability, run: set('available') },
        { key: 'availability:away', label: msg('Set yourself away', { id: 'palette.away' }), group: availability, run: set('away') },
      );
    }
    return list;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) {
      this.query = '';
      this.activeKey = null;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open) this.#modal.open();
    else this.#modal.close();
  }

  get #active(): PaletteCommand | undefined {
    return this.#shown.find((c) => c.key === this.activeKey) ?? this.#shown[0];
  }

  #run(command: PaletteCommand | undefined): void {
    if (!command) return;
    // Close first, so focus is back where it was when the host performs the action.
    this.#dialog?.close();
    command.run();
  }

  #onKeydown(event: KeyboardEvent): void {
    // Keys typed in the palette are not shortcuts for the inbox behind it.
    event.stopPropagation();
    const shown = this.#shown;
    if (event.key === 'Enter') {
      event.preventDefault();
      this.#run(this.#active);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    if (shown.length === 0) return;
    const at = Math.max(0, shown.indexOf(this.#active!));
    const next = event.key === 'ArrowDown' ? (at + 1) % shown.length : (at - 1 + shown.length) % shown.length;
    this.activeKey = shown[next]!.key;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector('.option.active')?.scrollIntoView({ block: 'nearest' }),
    );
  }

  #optionId(key: string): string {
    return `cmd-${key.replace(/[^\w-]/g, '_')}`;
  }

  /**
   * The conversations and contacts matching what is typed (two letters or
   * more), found by the model's search under R14: choosing one opens it
   * (a contact's newest conversation).
   */
  found(query: string): readonly PaletteCommand[] {
    const store = this.#store;
    const user = store?.state.model.users.get(store.userId);
    if (!store || !user || query.trim().length < 2) return [];
    const { conversations, contacts } = findInInbox(store.state.model, user, query);
    const model = store.state.model;
    const open = (id: Id) => () => store.openConversation(id);
    return [
      ...conversations.map((c) => ({
        key: `conversation:${c.id}`,
        label: model.contacts.get(c.contactId)?.name ?? c.subject,
        detail: c.subject || c.lastMessage?.preview,
        group: msg('Conversations', { id: 'palette.group.conversations' }),
        run: open(c.id),
      })),
      ...contacts.map(({ contact, latest }) => ({
        key: `contact:${contact.id}`,
        label: contact.name,
        detail: contact.emails[0] ?? contact.phones[0] ?? contact.company,
        group: msg('Contacts', { id: 'palette.group.contacts' }),
        run: open(latest.id),
      })),
    ];
  }

  protected override render() {
    const shown = this.open
      ? [...this.commands().filter((c) => matchesQuery(`${c.label} ${c.group}`, this.query)), ...this.found(this.query)]
      : [];
    this.#shown = shown;
    const active = this.#active;
    const label = msg('Command palette', { id: 'palette.label' });
    return html`<div class="backdrop" part="backdrop" ?hidden=${!this.open} @click=${() => this.close()}></div>
      <dialog part="dialog" aria-label=${label} @keydown=${this.#onKeydown}>
      ${this.open ? this.#renderBody(shown, active) : nothing}
    </dialog>`;
  }

  #renderBody(shown: readonly PaletteCommand[], active: PaletteCommand | undefined): TemplateResult {
    const groups: { label: string; commands: PaletteCommand[] }[] = [];
    for (const command of shown) {
      const last = groups.at(-1);
      if (last?.label === command.group) last.commands.push(command);
      else groups.push({ label: command.group, commands: [command] });
    }
    return html`<input
        part="input"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-expanded="true"
        aria-controls="listbox"
        aria-autocomplete="list"
        aria-activedescendant=${active ? this.#optionId(active.key) : nothing}
        aria-label=${msg('Type a command, a view, a customer', { id: 'palette.input.find' })}
        placeholder=${msg('Type a command, a view, a customer', { id: 'palette.input.find' })}
        .value=${live(this.query)}
        @input=${(e: Event) => {
          this.query = (e.target as HTMLInputElement).value;
          this.activeKey = null;
        }}
      />
      <div id="listbox" part="listbox" class="listbox" role="listbox" aria-label=${msg('Commands', { id: 'palette.commands' })}>
        ${shown.length === 0
          ? html`<div class="option empty" role="option" aria-disabled="true" aria-selected="false" id="cmd-none">
              ${msg('No matching command', { id: 'palette.noMatches' })}
            </div>`
          : groups.map(
              ({ label, commands }, index) => html`<div role="group" aria-labelledby="palette-group-${index}">
                <div class="group-label" id="palette-group-${index}" role="presentation">${label}</div>
                ${commands.map((command) => this.#renderOption(command, command === active))}
              </div>`,
            )}
      </div>`;
  }

  #renderOption(command: PaletteCommand, active: boolean): TemplateResult {
    return html`<div
      id=${this.#optionId(command.key)}
      part="option${active ? ' option-active' : ''}"
      class="option ${active ? 'active' : ''}"
      role="option"
      aria-selected=${String(active)}
      data-key=${command.key}
      @pointerdown=${(e: Event) => e.preventDefault()}
      @click=${() => this.#run(command)}
    >
      <span class="label">${command.label}${command.detail ? html`<span class="detail"> · ${command.detail}</span>` : nothing}</span>
      ${command.keys?.length
        ? html`<span class="keys" aria-hidden="true">${command.keys.slice(0, 1).map((k) => renderKey(k))}</span>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'command-palette': CommandPalette;
  }
}

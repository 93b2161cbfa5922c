import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { updateWhenLocaleChanges, msg, str } from '@lit/localize';
import { RovingFocusController } from '../../controllers/roving-focus.controller.js';
import { StoreController } from '../../controllers/store.controller.js';
import { RequestPickerEvent, type PickerKind } from '../../events/request-picker.js';
import type { Conversation } from '../../model/types.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { hostStyles } from '../../styles/host-styles.js';
import { tokens } from '../../styles/tokens.js';
import { styles } from './bulk-bar.styles.js';
import { openPicker } from './open-picker.js';
import { dispatchBulk, type BulkOutcome } from './dispatch-bulk.js';

/** The store commands a bulk bar applies to every checked conversation. */
export const BULK_COMMANDS = ['markDone', 'reopen', 'markUnread', 'markRead', 'trash', 'markSpam'] as const;
export type BulkCommand = (typeof BULK_COMMANDS)[number];

/** The pickers a bulk bar asks for. */
export const BULK_PICKERS = ['assign', 'label', 'priority'] as const satisfies readonly PickerKind[];

function commandLabel(command: BulkCommand): string {
  switch (command) {
    case 'markDone':
      return msg('Done', { id: 'bulk.done' });
    case 'reopen':
      return msg('Reopen', { id: 'bulk.reopen' });
    case 'markUnread':
      return msg('Unread', { id: 'bulk.unread' });
    case 'markRead':
      return msg('Read', { id: 'bulk.read' });
    case 'trash':
      return msg('Trash', { id: 'bulk.trash' });
    case 'markSpam':
      return msg('Spam', { id: 'bulk.spam' });
  }
}

function pickerLabel(kind: (typeof BULK_PICKERS)[number]): string {
  switch (kind) {
    case 'assign':
      return msg('Assign', { id: 'bulk.assign' });
    case 'label':
      return msg('Label', { id: 'bulk.label' });
    case 'priority':
      return msg('Priority', { id: 'bulk.priority' });
  }
}

const formatCount = (n: number): string => n.toLocaleString();

/**
 * @summary The bulk action bar: shown while conversations are checked, it
 * applies done, reopen, unread, read, assign, label, priority, trash and
 * spam to all of them, selects every conversation the query matches (not
 * only the rows on screen), or clears the selection.
 *
 * A toolbar (`role="toolbar"`): one tab stop, ←/→, Home and End move between
 * its buttons. Commands go to the store on every checked id, then the
 * selection clears. Assign, Label and Priority fire `inbox-request-picker`
 * (cancelable); when no one cancels it and the library's picker is defined,
 * the bar opens it itself. Hidden while nothing is checked.
 *
 * @fires inbox-request-picker - {RequestPickerEvent} Assign, Label or Priority for the checked ids.
 * @fires close - {PickerCloseEvent} From the picker the bar opened (unless the request was cancelled), as it closes.
 *
 * @csspart bar - The toolbar.
 * @csspart count - "3 selected".
 * @csspart notice - "2 could not be changed" after a bulk action the rules refused for some (R12).
 * @csspart button - Every button.
 *
 * @cssprop --inbox-bulk-bar-background - Background of the bar. Defaults to a tint of `--inbox-color-accent`.
 */
export class BulkBar extends LitElement {
  static {
    this.addInitializer(updateWhenLocaleChanges); // re-renders on setLocale(), as @localized() would
  }

  static override styles = [tokens, hostStyles, styles];

  static override properties: PropertyDeclarations = {
    store: { attribute: false },
    matching: { attribute: false },
    notice: { state: true, attribute: false },
  };

  /** The store; else the nearest `<inbox-provider>`'s. */
  store: InboxStore | undefined;

  /**
   * The conversations "Select all matching" checks; by default the store's
   * current query (`store.checkAllMatching()`).
   */
  matching: readonly Conversation[] | undefined;

  /** The last bulk action that left conversations out. */
  private notice: BulkOutcome | null = null;

  readonly #checked = new StoreController(this, (s) => s.ui.checked);
  readonly #list = new StoreController(this, (s, store) => store.selectors.list(s));

  constructor() {
    super();
    new RovingFocusController(this, {
      elements: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[part~=button]')],
    });
  }

  #total(): number {
    return (this.matching ?? this.#list.value ?? []).length;
  }

  #run(command: BulkCommand): void {
    const store = this.#checked.store;
    const ids = [...(this.#checked.value ?? [])];
    if (!store || ids.length === 0) return;
    const outcome = dispatchBulk(store, command, ids);
    // Refused ones stay checked, with a word on why.
    store.setChecked(outcome.refusedIds);
    this.notice = outcome.refusedIds.length > 0 ? outcome : null;
  }

  #pick(kind: PickerKind): void {
    const ids = [...(this.#checked.value ?? [])];
    if (ids.length === 0) return;
    const event = new RequestPickerEvent(kind, ids);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    const container = this.renderRoot.querySelector('.pickers');
    if (!container) return;
    openPicker(container, kind, ids, this.#checked.store, (applied) => {
      if (applied) this.#checked.store?.setChecked([]);
      else this.renderRoot.querySelector<HTMLElement>(`[data-picker=${kind}]`)?.focus();
    });
  }

  #selectAll(): void {
    const store = this.#checked.store;
    if (!store) return;
    if (this.matching) store.setChecked(this.matching.map((c) => c.id));
    else store.checkAllMatching();
  }

  protected override willUpdate(): void {
    if (this.notice && this.#checked.value !== undefined && this.#checked.value.size === 0) this.notice = null;
  }

  protected override updated(): void {
    this.hidden = (this.#checked.value?.size ?? 0) === 0;
  }

  protected override render() {
    const count = this.#checked.value?.size ?? 0;
    if (count === 0) return nothing;
    const total = this.#total();
    return html`<div class="bar" part="bar" role="toolbar" aria-label=${msg('Bulk actions', { id: 'bulk.label.toolbar' })}>
      <span class="count" part="count" role="status">${msg(str`${formatCount(count)} selected`, { id: 'bulk.count' })}</span>
      ${this.notice
        ? html`<span class="notice" part="notice" role="alert" title=${this.notice.refusal?.reason ?? ''}>
            ${msg(str`${formatCount(this.notice.refusedIds.length)} could not be changed`, { id: 'bulk.refused' })}
          </span>`
        : nothing}
      ${count < total
        ? html`<button type="button" part="button" class="link" @click=${() => this.#selectAll()}>
            ${msg(str`Select all ${formatCount(total)} matching`, { id: 'bulk.selectAll' })}
          </button>`
        : nothing}
      <span class="actions">
        ${BULK_COMMANDS.map(
          (command) =>
            html`<button type="button" part="button" data-command=${command} @click=${() => this.#run(command)}>
              ${commandLabel(command)}
            </button>`,
        )}
        ${BULK_PICKERS.map(
          (kind) =>
            html`<button type="button" part="button" data-picker=${kind} aria-haspopup="dialog" @click=${() => this.#pick(kind)}>
              ${pickerLabel(kind)}
            </button>`,
        )}
      </span>
      <button type="button" part="button" class="clear" @click=${() => this.#checked.store?.setChecked([])}>
        ${msg('Clear selection', { id: 'bulk.clear' })}
      </button>
    </div>
    <div class="pickers"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bulk-bar': BulkBar;
  }
}

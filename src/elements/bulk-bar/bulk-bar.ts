import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import {
  AlarmClock,
  AlarmClockOff,
  ArchiveRestore,
  Check,
  Ellipsis,
  ListChecks,
  Mail,
  MailOpen,
  RotateCcw,
  ShieldAlert,
  ShieldCheck,
  SignalHigh,
  Tag,
  Trash2,
  UserPlus,
  X,
} from 'lucide';
import { RovingFocusController } from '../../controllers/roving-focus.controller.js';
import { InboxNoticeEvent } from '../../events/inbox-notice.js';
import { RequestPickerEvent, type PickerKind } from '../../events/request-picker.js';
import { applicableBulk, type BulkAction } from '../../model/bulk.js';
import type { Conversation } from '../../model/types.js';
import { iconButtonStyles, menuItemStyles, popupStyles } from '../../styles/controls.js';
import { MenuController } from '../conversation-view/menu.controller.js';
import { icon, type IconNode } from '../shared/icons.js';
import { TooltipController, tooltipStyles } from '../shared/tooltip.js';
import { InboxElement } from '../shared/inbox-element.js';
import { formatNumber, plural } from '../shared/numbers.js';
import { styles } from './bulk-bar.styles.js';
import { openPicker } from './open-picker.js';
import { dispatchBulk, type BulkOutcome } from './dispatch-bulk.js';

/** The store commands a bulk bar applies with one click to every checked conversation. */
export const BULK_COMMANDS = ['markDone', 'reopen', 'markRead', 'markUnread', 'unsnooze', 'markSpam', 'unmarkSpam', 'trash', 'restore'] as const satisfies readonly BulkAction[];
export type BulkCommand = (typeof BULK_COMMANDS)[number];

/** The pickers a bulk bar asks for. */
export const BULK_PICKERS = ['snooze', 'assign', 'label', 'priority'] as const satisfies readonly PickerKind[];
type BulkPicker = (typeof BULK_PICKERS)[number];

/** One control of the bar, in the order they give way to the More menu (the last first). */
interface Action {
  readonly key: BulkCommand | BulkPicker;
  readonly label: string;
  readonly glyph: IconNode;
  readonly picker: boolean;
}

function commandAction(command: BulkCommand): Action {
  const action = (label: string, glyph: IconNode): Action => ({ key: command, label, glyph, picker: false });
  switch (command) {
    case 'markDone':
      return action(msg('Mark done', { id: 'bulk.action.markDone' }), Check);
    case 'reopen':
      return action(msg('Reopen', { id: 'bulk.action.reopen' }), RotateCcw);
    case 'markRead':
      return action(msg('Mark read', { id: 'bulk.action.markRead' }), MailOpen);
    case 'markUnread':
      return action(msg('Mark unread', { id: 'bulk.action.markUnread' }), Mail);
    case 'unsnooze':
      return action(msg('Wake', { id: 'bulk.action.unsnooze', desc: 'Ends the snooze of the checked conversations' }), AlarmClockOff);
    case 'markSpam':
      return action(msg('Mark as spam', { id: 'bulk.action.markSpam' }), ShieldAlert);
    case 'unmarkSpam':
      return action(msg('Not spam', { id: 'bulk.action.unmarkSpam' }), ShieldCheck);
    case 'trash':
      return action(msg('Move to trash', { id: 'bulk.action.trash' }), Trash2);
    case 'restore':
      return action(msg('Restore', { id: 'bulk.action.restore', desc: 'Takes the checked conversations out of the trash' }), ArchiveRestore);
  }
}

function pickerAction(kind: BulkPicker): Action {
  const action = (label: string, glyph: IconNode): Action => ({ key: kind, label, glyph, picker: true });
  switch (kind) {
    case 'snooze':
      return action(msg('Snooze', { id: 'bulk.action.snooze' }), AlarmClock);
    case 'assign':
      return action(msg('Assign', { id: 'bulk.action.assign' }), UserPlus);
    case 'label':
      return action(msg('Label', { id: 'bulk.action.label' }), Tag);
    case 'priority':
      return action(msg('Set priority', { id: 'bulk.action.priority' }), SignalHigh);
  }
}

/**
 * The controls that apply to the checked conversations, most used first:
 * the state changes that would change one of them (no Reopen on open rows,
 * no Mark read when none is unread), then the pickers, then the folders'
 * moves. Spam and Trash come last: they are the first to go to More.
 */
function actionsFor(applicable: ReadonlySet<BulkAction>): Action[] {
  const order: (BulkCommand | BulkPicker)[] = ['markDone', 'reopen', 'markRead', 'markUnread', 'snooze', 'unsnooze', 'assign', 'label', 'priority', 'unmarkSpam', 'restore', 'markSpam', 'trash'];
  return order
    .filter((key) => (key === 'assign' || key === 'label' || key === 'priority' ? true : applicable.has(key)))
    .map((key) => ((BULK_PICKERS as readonly string[]).includes(key) ? pickerAction(key as BulkPicker) : commandAction(key as BulkCommand)));
}

const countLabel = (n: number): string =>
  plural(n, {
    one: (count) => msg(str`${count} selected`, { id: 'bulk.count.one', desc: 'One conversation checked (French: 0 or 1)' }),
    other: (count) => msg(str`${count} selected`, { id: 'bulk.count.other', desc: 'Several conversations checked' }),
  });

const refusedLabel = (n: number): string =>
  plural(n, {
    one: (count) => msg(str`${count} could not be changed`, { id: 'bulk.refused.one' }),
    other: (count) => msg(str`${count} could not be changed`, { id: 'bulk.refused.other' }),
  });

/** Width of an icon button and the gap after it (bulk-bar.styles.ts). */
const BUTTON = 32;
const GAP = 4;

/**
 * @summary The bulk action bar: one line shown while conversations are
 * checked, with only the actions that apply to them (done or reopen, read
 * or unread, snooze, assign, label, priority, spam, trash...), "select all
 * matching" (every conversation the query matches, not only the rows on
 * screen) and clear.
 *
 * One line at any width and in any language: the actions are icon buttons
 * named by their label (accessible name and tooltip), as many as fit, the
 * rest in a More menu. An action shows only when it would change one of the
 * checked conversations (no Reopen when every one is open, no Mark read when
 * none is unread). A toolbar (`role="toolbar"`): one tab stop, ←/→, Home and
 * End move between its buttons; More is a menu button (↓ opens it, Esc
 * closes it). Commands go to the store on every checked id, then the
 * selection clears; those the rules refuse stay checked and an
 * `inbox-notice` says how many (shown in the bar when no one cancels it).
 * Snooze, Assign, Label and Priority fire `inbox-request-picker`
 * (cancelable); when no one cancels it and the library's picker is
 * defined, the bar opens it itself. Hidden while nothing is checked.
 *
 * @fires inbox-request-picker - {RequestPickerEvent} Snooze, Assign, Label or Priority for the checked ids.
 * @fires inbox-notice - {InboxNoticeEvent} Some checked conversations refused a bulk action (R12); shown in the bar unless cancelled.
 * @fires close - {PickerCloseEvent} From the picker the bar opened (unless the request was cancelled), as it closes.
 *
 * @csspart bar - The toolbar.
 * @csspart count - "3 selected".
 * @csspart notice - "2 could not be changed" after a bulk action the rules refused for some (R12), when no one cancelled its `inbox-notice`.
 * @csspart button - Every button of the bar.
 * @csspart select-all - "Select all 1,092 matching", where it fits (else in the menu).
 * @csspart menu - The More menu.
 * @csspart menu-item - An item of the More menu.
 * @csspart tooltip - The tooltip of an icon button (under the pointer, or with keyboard focus).
 *
 * @cssprop --inbox-bulk-bar-background - Background of the bar. Defaults to a tint of `--inbox-color-accent`.
 */
export class BulkBar extends InboxElement {
  static override styles = [InboxElement.styles, popupStyles, iconButtonStyles, menuItemStyles, tooltipStyles, styles];

  static override properties: PropertyDeclarations = {
    matching: { attribute: false },
    notice: { state: true, attribute: false },
    room: { state: true, attribute: false },
  };

  /**
   * The conversations "Select all matching" checks; by default the store's
   * current query (`store.checkAllMatching()`).
   */
  matching: readonly Conversation[] | undefined;

  /** The last bulk action that left conversations out, when the bar shows it itself. */
  private notice: BulkOutcome | null = null;
  /** The width the actions and "select all" have in the line (measured; everything fits until then). */
  private room = Number.POSITIVE_INFINITY;

  readonly #checked = this.select((s) => s.ui.checked);
  readonly #model = this.select((s) => s.model.conversations);
  readonly #list = this.select((s, store) => store.selectors.list(s));
  readonly #menu = new MenuController(this, {
    button: () => this.renderRoot.querySelector<HTMLElement>('.more'),
    menu: () => this.renderRoot.querySelector<HTMLElement>('.menu'),
  });
  readonly #tooltip = new TooltipController(this);
  #applicable: { checked: unknown; model: unknown; value: ReadonlySet<BulkAction> } | null = null;
  #selectAllWidth = 0;
  readonly #resizes = new ResizeObserver(() => this.#measure());

  constructor() {
    super();
    new RovingFocusController(this, {
      elements: () => [...this.renderRoot.querySelectorAll<HTMLElement>('.bar [part~=button]')],
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizes.disconnect();
  }

  #total(): number {
    return (this.matching ?? this.#list.value ?? []).length;
  }

  /** The actions that would change a checked conversation, worked out once per selection and state. */
  #actions(): Action[] {
    const checked = this.#checked.value;
    const model = this.#model.value;
    const store = this.activeStore;
    if (!checked || !model || !store) return [];
    if (this.#applicable?.checked !== checked || this.#applicable.model !== model) {
      this.#applicable = { checked, model, value: applicableBulk(store.state.model, checked) };
    }
    return actionsFor(this.#applicable.value);
  }

  #run(command: BulkCommand): void {
    const store = this.activeStore;
    const ids = [...(this.#checked.value ?? [])];
    if (!store || ids.length === 0) return;
    const outcome = dispatchBulk(store, command, ids);
    // Refused ones stay checked, with a word on why.
    store.setChecked(outcome.refusedIds);
    if (outcome.refusedIds.length === 0) {
      this.notice = null;
      return;
    }
    const notice = new InboxNoticeEvent(refusedLabel(outcome.refusedIds.length), 'error');
    this.dispatchEvent(notice);
    this.notice = notice.defaultPrevented ? null : outcome;
  }

  #pick(kind: PickerKind): void {
    const ids = [...(this.#checked.value ?? [])];
    if (ids.length === 0) return;
    const event = new RequestPickerEvent(kind, ids);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    const container = this.renderRoot.querySelector('.pickers');
    if (!container) return;
    openPicker(container, kind, ids, this.activeStore, (applied) => {
      if (applied) this.activeStore?.setChecked([]);
      else (this.renderRoot.querySelector<HTMLElement>(`[data-picker=${kind}]`) ?? this.renderRoot.querySelector<HTMLElement>('.more'))?.focus();
    });
  }

  #perform(action: Action): void {
    if (action.picker) this.#pick(action.key as PickerKind);
    else this.#run(action.key as BulkCommand);
  }

  #selectAll(): void {
    const store = this.activeStore;
    if (!store) return;
    if (this.matching) store.setChecked(this.matching.map((c) => c.id));
    else store.checkAllMatching();
  }

  protected override willUpdate(): void {
    if (this.notice && this.#checked.value !== undefined && this.#checked.value.size === 0) this.notice = null;
  }

  protected override updated(): void {
    this.hidden = (this.#checked.value?.size ?? 0) === 0;
    for (const part of this.renderRoot.querySelectorAll('.bar, .lead')) this.#resizes.observe(part);
  }

  /**
   * The room the actions and "select all" have in the line: the bar less
   * its padding, Clear and the count. Measured after layout (a resize
   * observer), so a change of width or of count text refits the line.
   */
  #measure(): void {
    const bar = this.renderRoot.querySelector<HTMLElement>('.bar');
    if (!bar || bar.clientWidth === 0) return;
    const style = getComputedStyle(bar);
    const inner = bar.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
    const clear = this.renderRoot.querySelector<HTMLElement>('.clear')?.offsetWidth ?? BUTTON;
    const count = this.renderRoot.querySelector<HTMLElement>('.count, .notice')?.offsetWidth ?? 0;
    const link = this.renderRoot.querySelector<HTMLElement>('.select-all');
    if (link && link.offsetWidth !== this.#selectAllWidth) {
      this.#selectAllWidth = link.offsetWidth;
      this.requestUpdate();
    }
    const room = Math.floor(inner - clear - GAP - count - GAP);
    if (room !== this.room) this.room = room;
  }

  /** How the line is shared: actions shown, the rest in More, and whether "select all" is in the line. */
  #layout(actions: number, canSelectAll: boolean): { fit: number; selectAllInline: boolean } {
    const slot = BUTTON + GAP;
    const all = actions * slot - GAP;
    if (canSelectAll && this.room >= this.#selectAllWidth + GAP + all) return { fit: actions, selectAllInline: true };
    if (!canSelectAll && this.room >= all) return { fit: actions, selectAllInline: false };
    // As many as fit with More after them.
    return { fit: Math.max(0, Math.floor((this.room - BUTTON) / slot)), selectAllInline: false };
  }

  protected override render() {
    const count = this.#checked.value?.size ?? 0;
    if (count === 0) return nothing;
    const total = this.#total();
    const actions = this.#actions();
    const canSelectAll = count < total;
    const { fit, selectAllInline } = this.#layout(actions.length, canSelectAll);
    const shown = actions.slice(0, fit);
    const more = actions.slice(fit);
    const selectAllLabel = msg(str`Select all ${formatNumber(total)} matching`, { id: 'bulk.selectAll' });
    const clear = msg('Clear selection', { id: 'bulk.clear' });
    const menuLabel = msg('More actions', { id: 'bulk.more' });
    const hasMenu = more.length > 0 || (canSelectAll && !selectAllInline);
    return html`<div class="bar" part="bar" role="toolbar" aria-label=${msg('Bulk actions', { id: 'bulk.label.toolbar' })}>
        <button type="button" part="button" class="icon-button clear" aria-label=${clear} data-tip=${clear} @click=${() => this.activeStore?.setChecked([])}>
          ${icon(X)}
        </button>
        <span class="lead">
          ${this.notice
            ? html`<span class="notice" part="notice" role="alert" title=${this.notice.refusal?.reason ?? ''}>${refusedLabel(this.notice.refusedIds.length)}</span>`
            : html`<span class="count" part="count" role="status">${countLabel(count)}</span>`}
          ${canSelectAll && selectAllInline
            ? html`<button type="button" part="button select-all" class="select-all" @click=${() => this.#selectAll()}>${selectAllLabel}</button>`
            : nothing}
        </span>
        <span class="actions">
          ${shown.map(
            (action) =>
              html`<button
                type="button"
                part="button"
                class="icon-button"
                data-command=${action.picker ? nothing : action.key}
                data-picker=${action.picker ? action.key : nothing}
                aria-haspopup=${action.picker ? 'dialog' : nothing}
                aria-label=${action.label}
                data-tip=${action.label}
                @click=${() => this.#perform(action)}
              >
                ${icon(action.glyph)}
              </button>`,
          )}
          ${hasMenu ? this.#renderMore(more, canSelectAll && !selectAllInline ? selectAllLabel : null, menuLabel) : nothing}
        </span>
      </div>
      <div class="pickers"></div>
      ${this.#tooltip.render()}`;
  }

  #renderMore(actions: readonly Action[], selectAll: string | null, label: string): TemplateResult {
    const open = this.#menu.open;
    const item = (key: string, text: string, glyph: IconNode, run: () => void) =>
      html`<button type="button" role="menuitem" part="menu-item" class="menu-item" tabindex="-1" data-item=${key} @click=${() => {
        this.#menu.close();
        run();
      }}>
        ${icon(glyph)}<span>${text}</span>
      </button>`;
    return html`<button
        type="button"
        part="button"
        class="icon-button more"
        aria-haspopup="menu"
        aria-expanded=${String(open)}
        aria-controls="bulk-menu"
        aria-label=${label}
        data-tip=${label}
        @click=${() => this.#menu.toggle()}
        @keydown=${this.#menu.onButtonKeydown}
      >
        ${icon(Ellipsis)}
      </button>
      <div
        id="bulk-menu"
        class="popup menu"
        part="menu"
        role="menu"
        aria-label=${label}
        popover="manual"
        ?hidden=${!open}
        @keydown=${this.#menu.onMenuKeydown}
        @focusout=${this.#menu.onMenuFocusout}
      >
        ${selectAll ? item('selectAll', selectAll, ListChecks, () => this.#selectAll()) : nothing}
        ${actions.map((action) => item(action.key, action.label, action.glyph, () => this.#perform(action)))}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bulk-bar': BulkBar;
  }
}

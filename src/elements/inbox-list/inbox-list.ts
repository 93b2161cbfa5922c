import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg } from '@lit/localize';
import { MessagesSquare, Phone } from 'lucide';
import { ShortcutsController } from '../../controllers/shortcuts.controller.js';
import { SwipeController, type SwipeDirection } from '../../controllers/swipe.controller.js';
import { RovingFocusController } from '../../controllers/roving-focus.controller.js';
import { DEFAULT_KEYMAP, type Action, type Keymap } from '../../controllers/keymap.js';
import { ConversationOpenEvent } from '../../events/conversation-open.js';
import { RequestPickerEvent, type PickerKind } from '../../events/request-picker.js';
import { SelectionChangeEvent } from '../../events/selection-change.js';
import { getLocale } from '../../i18n/localization.js';
import type { DisplayState } from '../../model/display.js';
import { forMode, LIST_MODES, type ListMode } from '../../model/list-modes.js';
import type { Query } from '../../model/query.js';
import type { Conversation, Id, InboxState } from '../../model/types.js';
import { FOLDER_VIEWS, hasTabs, STATUS_TABS, type StatusTab, type ViewId } from '../../model/views.js';
import { tabStyles, spinnerStyles, stateStyles } from '../../styles/controls.js';
import { avatarStyles } from '../shared/avatar.js';
import { icon } from '../shared/icons.js';
import { InboxElement } from '../shared/inbox-element.js';
import { labelStyles } from '../shared/labels.js';
import { priorityStyles } from '../shared/priority.js';
import { styles } from './inbox-list.styles.js';
import { renderRow, rowDomId } from './row.js';
import { needElements } from '../lazy-elements.js';
import { openPicker } from '../bulk-bar/open-picker.js';
import { dispatchBulk } from '../bulk-bar/dispatch-bulk.js';

/** The row height the styles set (`--inbox-list-row-height`), until a row is measured. */
const FALLBACK_ROW_HEIGHT = 60;

/** Two states whose rows read the same: the conversations, contacts, channels, users and bots. */
const sameRowSources = (a: InboxState, b: InboxState): boolean =>
  a === b ||
  (a.conversations === b.conversations && a.contacts === b.contacts && a.channels === b.channels && a.users === b.users && a.bots === b.bots);
/** Rows rendered past each edge of the view, so that a fast scroll shows rows, not a gap. */
const OVERSCAN = 10;
/**
 * The rows past each edge on the frame that answers a new query (a view,
 * tab, filter, search or order): every row is new then, so the frame makes
 * the rows in view and two more; the rest of the overscan follows a frame
 * later, before anyone can scroll to it.
 */
const QUERY_OVERSCAN = 2;
const EMPTY: readonly Conversation[] = [];

const PICKER_ACTIONS: Partial<Record<Action, PickerKind>> = {
  snooze: 'snooze',
  assign: 'assign',
  label: 'label',
  priority: 'priority',
};

function tabLabel(tab: StatusTab): string {
  switch (tab) {
    case 'open':
      return msg('Open', { id: 'list.tab.open' });
    case 'unread':
      return msg('Unread', { id: 'list.tab.unread' });
    case 'done':
      return msg('Done', { id: 'list.tab.done' });
  }
}

function modeLabel(mode: ListMode): string {
  return mode === 'calls' ? msg('Calls', { id: 'list.tab.calls' }) : msg('Chats', { id: 'list.tab.chats' });
}

/** Badges every row would repeat: unread has its dot, New and Waiting are queues. */
const ALWAYS_QUIET: readonly DisplayState[] = ['unread', 'new', 'waiting'];
const quietCache = new Map<string, ReadonlySet<DisplayState>>();

/** The states a row's badge leaves out in `view` and `tab`: those above, and the one the view or tab is about (Done in Done...). */
function quietStates(view: ViewId, tab: StatusTab): ReadonlySet<DisplayState> {
  const folder = (FOLDER_VIEWS as readonly string[]).includes(view) ? (view as DisplayState) : null;
  const about = folder ?? (tab === 'done' ? 'done' : null);
  const key = about ?? '';
  let quiet = quietCache.get(key);
  if (!quiet) {
    quiet = new Set(about ? [...ALWAYS_QUIET, about] : ALWAYS_QUIET);
    quietCache.set(key, quiet);
  }
  return quiet;
}

/** The index of `id` in `rows`, looked for first around `hint` (rows move by a few places). */
function indexNear(rows: readonly Conversation[], id: Id, hint: number): number {
  for (let d = 0; d <= 3; d++) {
    if (rows[hint + d]?.id === id) return hint + d;
    if (d > 0 && rows[hint - d]?.id === id) return hint - d;
  }
  return rows.findIndex((c) => c.id === id);
}

/**
 * @summary The conversations of the current view, virtualized, with the status
 * tabs (Open / Unread / Done) and the Chats / Calls tabs, selection, bulk
 * actions, swipe gestures and keyboard shortcuts.
 *
 * Rows are two lines, 60 px (LOOK.md): the contact's avatar, name, pin,
 * priority glyph and time; then the channel's glyph with the subject and
 * preview (for a call, how it went: "Missed call", "Incoming · 4:12",
 * "Voicemail"), a state badge where the view does not already say it, the
 * labels (colour dots where the list is narrow) and the assignee's avatar;
 * an unread row has a blue dot and a bold name (R15). The tabs are one line
 * of 36 px in every language (Chats and Calls become glyphs, named by their
 * words, where the list is narrow). While rows are checked, the bulk bar
 * lies over the tab row: the rows never move.
 *
 * A listbox (`role="listbox"`, multi-selectable): one tab stop, the focused
 * row is its `aria-activedescendant`, checked rows are `aria-selected`. Keys
 * (keymap.ts, remappable through `keymap`; ignored while typing in a field;
 * heard only inside the nearest `<inbox-provider>`, or inside the list when
 * used alone): J/K or ↓/↑ move, Home/End, Enter opens (and marks read, R4),
 * E marks done and moves to the next row, U unread, O open, X or Space
 * checks, Shift+X checks the range from the last checked row, Z undoes,
 * S/A/L/P ask for the snooze, assign, label and priority pickers. E, U, O
 * and the pickers act on the checked rows when there are any, else on the
 * focused row. Click opens, Shift-click checks a range, Ctrl/Cmd-click or
 * the avatar (a check box under the pointer) checks one. Swipe a row left
 * to mark it done, right to mark it unread (touch, pen or mouse); an undo
 * toast follows.
 *
 * Rows keep their place and focus while live traffic changes the list: they
 * are keyed by id, focus follows its row, and the scroll position stays on
 * the rows in view. Give the element a height (it scrolls inside, and never
 * grows past its box); without one it shows five rows.
 *
 * Virtualized for rows of one fixed height (`--inbox-list-row-height`): only
 * the rows in view, and a few past each edge, are in the DOM, inside a
 * spacer as tall as every row.
 *
 * @fires conversation-open - {ConversationOpenEvent} A row was opened (click, tap, Enter).
 * @fires selection-change - {SelectionChangeEvent} The checked rows changed.
 * @fires inbox-request-picker - {RequestPickerEvent} S, A, L or P (or a bulk button) asked for a picker; cancel it to open your own.
 * @fires inbox-notice - {InboxNoticeEvent} From the bulk bar: some checked conversations refused a bulk action (R12).
 * @fires close - {PickerCloseEvent} From the picker the list opened, as it closes; `reason` is `applied` or `cancel`.
 *
 * @csspart header - The tab row.
 * @csspart tabs - Each tab list (status, and chats/calls).
 * @csspart tab - A tab.
 * @csspart list - The scrolling listbox.
 * @csspart row - A conversation row.
 * @csspart checkbox - A row's avatar slot, a check box under the pointer and while rows are checked.
 * @csspart contact-avatar - The contact's avatar (initials on a colour of the palette chosen by the contact).
 * @csspart unread-dot - The blue dot of an unread row (R15).
 * @csspart channel - The channel's glyph, or the call's.
 * @csspart name - The contact's name.
 * @csspart participants - The participant count.
 * @csspart time - The relative time of the last message.
 * @csspart subject - The subject.
 * @csspart preview - The preview of the last message, or how the last call went.
 * @csspart priority - The priority glyph.
 * @csspart label - A label chip (its colour from `--inbox-label-<slug>`, else the palette).
 * @csspart avatar - The assignee's avatar.
 * @csspart empty - The empty state.
 * @csspart empty-action - What the empty state offers: clear the search, show the chats, or the done ones.
 * @csspart loading - The loading state.
 * @csspart loading-more - What shows at the list's foot while a windowed store loads its next rows.
 *
 * @cssprop --inbox-list-row-height - Height of a row. Defaults to `60px`.
 * @cssprop --inbox-list-end-space - Room after the last row, for what a host floats over the list's foot (`<inbox-app>` sets it to its calls dock's height). Defaults to `0px`.
 * @cssprop --inbox-list-row-background - Background of a row. Defaults to `--inbox-color-surface`.
 * @cssprop --inbox-list-row-hover-background - Background of the row under the pointer. Defaults to a 4 % tint of `--inbox-color-text`.
 * @cssprop --inbox-list-row-active-background - Background of the focused (keyboard) row, which also has the focus ring while the list has focus. Defaults to a 7 % tint of `--inbox-color-text`.
 * @cssprop --inbox-list-row-open-background - Background of the open conversation's row, which also has an accent bar. Defaults to a tint of `--inbox-color-accent`.
 * @cssprop --inbox-list-row-checked-background - Background of a checked row. Defaults to a stronger tint of `--inbox-color-accent`.
 * @cssprop --inbox-list-unread-color - The unread dot. Defaults to `--inbox-status-unread` (blue).
 * @cssprop --inbox-list-swipe-done-color - The hint behind a row swiped left. Defaults to `--inbox-status-open`.
 * @cssprop --inbox-list-swipe-unread-color - The hint behind a row swiped right. Defaults to `--inbox-status-unread`.
 *
 * @cssstate loading - The store has not received its first snapshot.
 * @cssstate empty - The current query has no conversations.
 */
export class InboxList extends InboxElement {
  static override styles = [InboxElement.styles, tabStyles, spinnerStyles, stateStyles, avatarStyles, labelStyles, priorityStyles, styles];

  static override properties: PropertyDeclarations = {
    keymap: { attribute: false },
    mode: { reflect: true },
    noUndoToast: { type: Boolean, attribute: 'no-undo-toast' },
    activeId: { state: true, attribute: false },
  };

  /** The keys of each action (keymap.ts). */
  keymap: Keymap = DEFAULT_KEYMAP;

  /** The Chats / Calls tab: every conversation, or the call log. */
  mode: ListMode = 'chats';

  /** Leaves the undo toast out (a host that places its own `<undo-toast>`). */
  noUndoToast = false;

  /** The focused row's conversation id. */
  activeId: Id | null = null;

  private get listbox(): HTMLElement | null {
    return this.shadowRoot?.querySelector<HTMLElement>('#listbox') ?? null;
  }

  readonly #list = this.select<readonly Conversation[]>((s, store) => store.selectors.list(s));
  readonly #ui = this.select((s) => s.ui);
  // What the rows read of the model: a timeline page or presence arriving re-renders no row.
  readonly #model = this.select((s) => s.model, sameRowSources);
  readonly #ready = this.select((s) => s.ready);
  readonly #internals = this.attachInternals();

  #rows: readonly Conversation[] = EMPTY;
  #rowsKey: readonly unknown[] = [];
  #activeIndex = -1;
  /** The row Shift+X and Shift-click extend from: the last one checked. */
  #anchorId: Id | null = null;
  /** The scroll position that keeps the rows in view in place after the rows changed, for the coming render. */
  #scrollTo: number | null = null;
  #rowHeight = 0;
  /** The rendered rows: `[start, end)` of `#rows`. */
  #start = 0;
  #end = 0;
  #overscan = OVERSCAN;
  /** The query of the last render (its parts by identity: the store replaces what changes). */
  #query: readonly unknown[] = [];
  /** The listbox's height, kept by #resizes. */
  #viewport = 0;
  readonly #resizes = new ResizeObserver(([entry]) => {
    const height = entry?.contentRect.height ?? 0;
    if (height === this.#viewport) return;
    this.#viewport = height;
    this.requestUpdate();
  });
  #observed: HTMLElement | null = null;
  #checked: ReadonlySet<Id> | null = null;
  #refocus = false;
  #clock: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    new ShortcutsController(this, { keymap: () => this.keymap, handle: (action) => this.#handle(action) });
    new SwipeController(this, {
      itemFrom: (event) => {
        const row = this.#rowFrom(event);
        return row ? { id: row.dataset['id']!, element: row } : null;
      },
      onSwipe: (id, direction) => this.#swiped(id, direction),
    });
    new RovingFocusController(this, {
      elements: () => [...this.renderRoot.querySelectorAll<HTMLElement>('.tablist--status [role=tab]')],
      focusIndex: () => STATUS_TABS.indexOf(this.#ui.value?.tab ?? 'open'),
    });
    new RovingFocusController(this, {
      elements: () => [...this.renderRoot.querySelectorAll<HTMLElement>('.tablist--mode [role=tab]')],
      focusIndex: () => LIST_MODES.indexOf(this.mode),
    });
  }

  /** The rows shown, in order (the current query, narrowed to calls in Calls mode). */
  get rows(): readonly Conversation[] {
    return this.#rows;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Relative times ("5 min ago") move on.
    this.#clock = setInterval(() => this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#clock);
    this.#resizes.disconnect();
    this.#observed = null;
  }

  /** Focuses the list (its focused row, or the first one). */
  override focus(options?: FocusOptions): void {
    this.listbox?.focus(options);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const list = this.#list.value ?? EMPTY;
    const model = this.#model.value;
    const key = [list, this.mode, model?.channels];
    if (key.some((value, i) => value !== this.#rowsKey[i])) {
      this.#rowsKey = key;
      const rows = model ? forMode(model, list, this.mode) : EMPTY;
      this.#rowsChanged(rows);
    }
    const checked = this.#ui.value?.checked ?? null;
    // The bulk bar loads on demand in the script-tag bundle (a no-op once defined).
    if (checked && checked.size > 0 && !customElements.get('bulk-bar')) needElements('bulk-bar').catch(() => undefined);
    if (checked !== this.#checked) {
      const before = this.#checked;
      this.#checked = checked;
      if (before && checked) {
        if (before.size > 0 && checked.size === 0 && this.shadowRoot?.activeElement?.localName === 'bulk-bar') {
          this.#refocus = true;
        }
        this.dispatchEvent(new SelectionChangeEvent(checked));
      }
    }
  }

  #rowsChanged(rows: readonly Conversation[]): void {
    const old = this.#rows;
    const scroller = this.listbox;
    this.#rows = rows;
    if (scroller && scroller.scrollTop > 0 && old.length > 0) {
      // Keep the top row in view where it was, wherever it moved to.
      const height = this.#measureRowHeight();
      const top = this.#scrollTo ?? scroller.scrollTop;
      const before = Math.min(old.length - 1, Math.floor(top / height));
      const after = indexNear(rows, old[before]!.id, before);
      if (after >= 0 && after !== before) this.#scrollTo = top + (after - before) * height;
    }
    if (this.activeId === null) return;
    const index = indexNear(rows, this.activeId, this.#activeIndex);
    if (index >= 0) {
      this.#activeIndex = index;
    } else if (rows.length > 0) {
      // The focused row left the list (traffic, another agent): focus takes its place.
      const next = Math.min(Math.max(0, this.#activeIndex), rows.length - 1);
      this.activeId = rows[next]!.id;
      this.#activeIndex = next;
    } else {
      this.activeId = null;
      this.#activeIndex = -1;
    }
  }

  protected override updated(): void {
    const scroller = this.listbox;
    if (scroller !== this.#observed) {
      if (this.#observed) this.#resizes.unobserve(this.#observed);
      if (scroller) this.#resizes.observe(scroller);
      this.#observed = scroller;
    }
    if (scroller && this.#scrollTo !== null) scroller.scrollTop = this.#scrollTo;
    this.#scrollTo = null;
    // The rows were laid out at the fallback height: measure one, lay out again.
    if (this.#rowHeight === 0 && this.#measureRowHeight() !== FALLBACK_ROW_HEIGHT) this.requestUpdate();
    this.#syncActiveDescendant();
    if (this.#refocus) {
      this.#refocus = false;
      this.focus();
    }
    // A store that holds a window over a bigger list loads the next page as its end nears
    // (told after this update: the window it changes updates the list again).
    const last = this.#rows[this.#end - 1];
    const store = this.activeStore;
    if (last && store?.state.window) {
      const index = indexNear(this.#list.value ?? EMPTY, last.id, this.#end - 1);
      queueMicrotask(() => store.showing(index));
    }
    const states = this.#internals.states;
    this.#toggleState(states, 'loading', !this.#ready.value);
    this.#toggleState(states, 'empty', this.#ready.value === true && this.#rows.length === 0);
  }

  #toggleState(states: CustomStateSet, name: string, on: boolean): void {
    if (on) states.add(name);
    else states.delete(name);
  }

  #measureRowHeight(): number {
    if (this.#rowHeight > 0) return this.#rowHeight;
    const height = this.listbox?.querySelector('.row')?.getBoundingClientRect().height ?? 0;
    if (height > 0) this.#rowHeight = height;
    return height > 0 ? height : FALLBACK_ROW_HEIGHT;
  }

  #syncActiveDescendant(): void {
    const scroller = this.listbox;
    if (!scroller) return;
    const id = this.activeId;
    const row = id === null ? null : scroller.querySelector(`#${CSS.escape(rowDomId(id))}`);
    if (row) scroller.setAttribute('aria-activedescendant', row.id);
    else scroller.removeAttribute('aria-activedescendant');
  }

  // ---- focus and movement ----

  #setActive(id: Id, index: number): void {
    this.activeId = id;
    this.#activeIndex = index;
  }

  #moveTo(index: number): boolean {
    const rows = this.#rows;
    if (rows.length === 0) return false;
    const i = Math.min(Math.max(0, index), rows.length - 1);
    this.#setActive(rows[i]!.id, i);
    this.#scrollIntoView(i);
    if (this.shadowRoot?.activeElement !== this.listbox) this.listbox?.focus({ preventScroll: true });
    return true;
  }

  #move(delta: number): boolean {
    const current = this.activeId === null ? -1 : indexNear(this.#rows, this.activeId, this.#activeIndex);
    return this.#moveTo(current < 0 ? 0 : current + delta);
  }

  #scrollIntoView(index: number): void {
    const scroller = this.listbox;
    if (!scroller) return;
    const height = this.#measureRowHeight();
    const top = index * height;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + height > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = top + height - scroller.clientHeight;
    }
  }

  readonly #onListFocus = (): void => {
    if (this.activeId !== null || this.#rows.length === 0) return;
    // The open row, else the first row in view: focusing never scrolls the list away.
    const scroller = this.listbox;
    const height = this.#measureRowHeight();
    const first = scroller ? Math.ceil(scroller.scrollTop / height) : 0;
    const last = scroller ? Math.floor((scroller.scrollTop + scroller.clientHeight) / height) - 1 : 0;
    const openId = this.#ui.value?.openId ?? null;
    const open = openId === null ? -1 : this.#rows.findIndex((c) => c.id === openId);
    this.#moveTo(open >= first && open <= last ? open : Math.min(first, this.#rows.length - 1));
  };

  readonly #onListKeydown = (event: KeyboardEvent): void => {
    const box = this.listbox;
    if (!box || event.composedPath()[0] !== box || event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.max(1, Math.floor(box.clientHeight / this.#measureRowHeight()) - 1);
    let handled: boolean;
    switch (event.key) {
      case ' ':
        handled = event.shiftKey ? this.#checkRange() : this.#toggleActive();
        break;
      case 'Home':
        handled = this.#moveTo(0);
        break;
      case 'End':
        handled = this.#moveTo(this.#rows.length - 1);
        break;
      case 'PageDown':
        handled = this.#move(page);
        break;
      case 'PageUp':
        handled = this.#move(-page);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  readonly #onScroll = (): void => {
    const scroller = this.listbox;
    if (!scroller) return;
    // Render each frame's few new rows as they come, rather than many at once now and then.
    const [start, end] = this.#range(scroller.scrollTop, this.#measureRowHeight());
    if (start !== this.#start || end !== this.#end) this.requestUpdate();
  };

  #viewportHeight(): number {
    // Before the first resize observation: the window's height, more than enough rows.
    return this.#viewport > 0 ? this.#viewport : window.innerHeight;
  }

  /** The rows in view at `scrollTop`, and the overscan past each edge. */
  #range(scrollTop: number, height: number): [number, number] {
    const overscan = this.#overscan;
    const start = Math.max(0, Math.floor(scrollTop / height) - overscan);
    const end = Math.min(this.#rows.length, Math.ceil((scrollTop + this.#viewportHeight()) / height) + overscan);
    return [Math.min(start, end), end];
  }

  /** A new query renders a short overscan now and the whole one on the next frame (QUERY_OVERSCAN). */
  #overscanFor({ view, tab, filters, search, sort }: Query): void {
    const query = [view, tab, filters, search, sort, this.mode];
    if (this.#query.length > 0 && query.some((part, i) => part !== this.#query[i]) && this.#overscan === OVERSCAN) {
      this.#overscan = QUERY_OVERSCAN;
      requestAnimationFrame(() => {
        this.#overscan = OVERSCAN;
        this.requestUpdate();
      });
    }
    this.#query = query;
  }

  // ---- pointer ----

  #rowFrom(event: Event): HTMLElement | null {
    for (const node of event.composedPath()) {
      if (node === this.listbox) return null;
      if (node instanceof HTMLElement && node.getAttribute('role') === 'option') return node;
    }
    return null;
  }

  readonly #onClick = (event: MouseEvent): void => {
    const row = this.#rowFrom(event);
    const id = row?.dataset['id'];
    if (!row || id === undefined) return;
    const index = indexNear(this.#rows, id, Number(row.getAttribute('aria-posinset')) - 1);
    const onCheckbox = event.composedPath().some((node) => node instanceof HTMLElement && node.classList.contains('check'));
    this.#setActive(id, index);
    if (event.shiftKey) this.#checkRange();
    else if (onCheckbox || event.ctrlKey || event.metaKey) this.#toggle(id);
    else this.#open(id);
  };

  #swiped(id: Id, direction: SwipeDirection): void {
    const store = this.activeStore;
    if (!store) return;
    if (direction === 'left') {
      if (id === this.activeId) this.#advanceFrom([id]);
      store.dispatch('markDone', { ids: [id] });
    } else {
      store.dispatch('markUnread', { ids: [id] });
    }
  }

  // ---- actions ----

  #open(id: Id): void {
    const store = this.activeStore;
    if (!store) return;
    store.openConversation(id);
    this.dispatchEvent(new ConversationOpenEvent(id));
  }

  #toggle(id: Id): boolean {
    const store = this.activeStore;
    if (!store) return false;
    store.toggleChecked(id);
    this.#anchorId = id;
    return true;
  }

  #toggleActive(): boolean {
    return this.activeId !== null && this.#toggle(this.activeId);
  }

  /** Checks every row from the last checked one to the focused one (Shift+X, Shift-click). */
  #checkRange(): boolean {
    const store = this.activeStore;
    const target = this.activeId;
    if (!store || target === null) return false;
    const rows = this.#rows;
    const to = indexNear(rows, target, this.#activeIndex);
    const from = this.#anchorId === null ? -1 : rows.findIndex((c) => c.id === this.#anchorId);
    if (from < 0 || to < 0) return this.#toggle(target);
    const checked = new Set(store.state.ui.checked);
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) checked.add(rows[i]!.id);
    store.setChecked(checked);
    this.#anchorId = target;
    return true;
  }

  /** The checked rows, else the focused one. */
  #targets(): Id[] {
    const checked = this.activeStore?.state.ui.checked;
    if (checked && checked.size > 0) return [...checked];
    return this.activeId === null ? [] : [this.activeId];
  }

  /** Moves focus past rows that are about to leave: the next row that stays, else the one before. */
  #advanceFrom(leaving: readonly Id[]): void {
    const rows = this.#rows;
    const gone = new Set(leaving);
    const start = this.activeId === null ? -1 : indexNear(rows, this.activeId, this.#activeIndex);
    if (start < 0 || !gone.has(rows[start]!.id)) return;
    for (let i = start + 1; i < rows.length; i++) {
      if (!gone.has(rows[i]!.id)) {
        this.#setActive(rows[i]!.id, i);
        return;
      }
    }
    for (let i = start - 1; i >= 0; i--) {
      if (!gone.has(rows[i]!.id)) {
        this.#setActive(rows[i]!.id, i);
        return;
      }
    }
  }

  #markDone(): boolean {
    const store = this.activeStore;
    const ids = this.#targets();
    if (!store || ids.length === 0) return false;
    const bulk = store.state.ui.checked.size > 0;
    // Work a queue with one key each: focus moves to the next row (R3).
    const current = this.activeId === null ? -1 : indexNear(this.#rows, this.activeId, this.#activeIndex);
    if (bulk) this.#advanceFrom(ids);
    else if (current >= 0 && current + 1 < this.#rows.length) this.#setActive(this.#rows[current + 1]!.id, current + 1);
    const outcome = dispatchBulk(store, 'markDone', ids);
    if (bulk) store.setChecked(outcome.refusedIds);
    const index = this.activeId === null ? -1 : indexNear(this.#rows, this.activeId, this.#activeIndex);
    if (index >= 0) this.#scrollIntoView(index);
    return true;
  }

  #command(type: 'markUnread' | 'markOpen'): boolean {
    const store = this.activeStore;
    const ids = this.#targets();
    if (!store || ids.length === 0) return false;
    store.dispatch(type, { ids });
    return true;
  }

  #requestPicker(kind: PickerKind): boolean {
    const ids = this.#targets();
    if (ids.length === 0) return false;
    const event = new RequestPickerEvent(kind, ids);
    this.dispatchEvent(event);
    if (!event.defaultPrevented) this.openPicker(kind, ids);
    return true;
  }

  /**
   * Opens the library's picker of `kind` for `ids` inside the list, when
   * that tag is defined; the picker dispatches its command and closes.
   */
  openPicker(kind: PickerKind, ids: readonly Id[]): boolean {
    const container = this.renderRoot.querySelector('.pickers');
    return container !== null && openPicker(container, kind, ids, this.activeStore, () => this.focus());
  }

  /**
   * Runs a keymap action as its key would (the command palette's actions
   * reach the list this way). Returns false when it does not apply here.
   */
  perform(action: Action): boolean {
    return this.#handle(action);
  }

  #handle(action: Action): boolean {
    const store = this.activeStore;
    if (!store?.state.ready) return false;
    const picker = PICKER_ACTIONS[action];
    if (picker) return this.#requestPicker(picker);
    switch (action) {
      case 'next':
        return this.#move(1);
      case 'previous':
        return this.#move(-1);
      case 'openConversation':
        if (this.activeId === null) return false;
        this.#open(this.activeId);
        return true;
      case 'done':
        return this.#markDone();
      case 'unread':
        return this.#command('markUnread');
      case 'open':
        return this.#command('markOpen');
      case 'select':
        return this.#toggleActive();
      case 'selectRange':
        return this.#checkRange();
      case 'undo':
        return store.undo();
      default:
        return false;
    }
  }

  // ---- render ----

  #renderTabs(view: ViewId, tab: StatusTab, checking: boolean) {
    const store = this.activeStore;
    const statusTabs = hasTabs(view)
      ? html`<div class="tablist tablist--status" part="tabs" role="tablist" aria-label=${msg('Status', { id: 'list.tabs.status' })}>
          ${STATUS_TABS.map(
            (t) =>
              html`<button
                type="button"
                role="tab"
                part="tab"
                class="tab"
                aria-selected=${t === tab ? 'true' : 'false'}
                aria-controls="listbox"
                @click=${() => store?.setTab(t)}
                @focus=${() => t !== tab && store?.setTab(t)}
              >
                ${tabLabel(t)}
              </button>`,
          )}
        </div>`
      : nothing;
    // Under the bulk bar while rows are checked: out of reach of Tab too.
    return html`<div class="header" part="header" ?inert=${checking}>
      ${statusTabs}
      <div class="tablist tablist--mode" part="tabs" role="tablist" aria-label=${msg('Chats or calls', { id: 'list.tabs.mode' })}>
        ${LIST_MODES.map(
          (m) =>
            html`<button
              type="button"
              role="tab"
              part="tab"
              class="tab"
              title=${modeLabel(m)}
              aria-selected=${m === this.mode ? 'true' : 'false'}
              aria-controls="listbox"
              @click=${() => this.#setMode(m)}
              @focus=${() => this.#setMode(m)}
            >
              ${icon(m === 'calls' ? Phone : MessagesSquare)}<span class="word">${modeLabel(m)}</span>
            </button>`,
        )}
      </div>
    </div>`;
  }

  #setMode(mode: ListMode): void {
    if (this.mode === mode) return;
    this.mode = mode;
    this.activeStore?.setChecked([]);
  }

  /** What an empty list offers to do: clear the search, show the calls' chats, or the done ones (LOOK.md). */
  #emptyAction(view: ViewId, tab: StatusTab, search: string) {
    const store = this.activeStore;
    const action = (label: string, run: () => void) =>
      html`<button type="button" part="empty-action" class="state-action" @click=${run}>${label}</button>`;
    if (search.trim() !== '') return action(msg('Clear the search', { id: 'list.empty.clearSearch' }), () => store?.setSearch(''));
    if (this.mode === 'calls') return action(msg('Show chats', { id: 'list.empty.showChats' }), () => this.#setMode('chats'));
    if (hasTabs(view) && tab !== 'done') return action(msg('Show done', { id: 'list.empty.showDone' }), () => store?.setTab('done'));
    return nothing;
  }

  #renderState(ready: boolean, view: ViewId, tab: StatusTab, search: string) {
    if (!ready) {
      return html`<div class="state" part="loading" role="status">
        <span class="spinner" aria-hidden="true"></span>${msg('Loading conversations…', { id: 'list.loading' })}
      </div>`;
    }
    if (this.#rows.length > 0) return nothing;
    const hint =
      search.trim() !== ''
        ? msg('No conversation matches your search. Try other words or clear the filters.', { id: 'list.empty.search' })
        : this.mode === 'calls'
          ? msg('No calls in this view.', { id: 'list.empty.calls' })
          : msg('Nothing waiting here. New conversations appear as they arrive.', { id: 'list.empty.hint' });
    return html`<div class="state" part="empty">
      <p role="status"><strong>${msg('No conversations', { id: 'list.empty' })}</strong><span>${hint}</span></p>
      ${this.#emptyAction(view, tab, search)}
    </div>`;
  }

  protected override render() {
    const store = this.activeStore;
    const ui = this.#ui.value;
    const model = this.#model.value;
    const ready = this.#ready.value === true;
    if (!store || !ui || !model) {
      return html`<div class="state" part="loading" role="status">${msg('Loading conversations…', { id: 'list.loading' })}</div>`;
    }
    const rows = this.#rows;
    const height = this.#measureRowHeight();
    const ctx = {
      model,
      userId: store.userId,
      checked: ui.checked,
      activeId: this.activeId,
      openId: ui.openId,
      // A windowed store holds some of the rows: the set is the backend's whole match.
      setSize: store.state.window && rows === this.#list.value ? Math.max(store.state.window.total, rows.length) : rows.length,
      rowHeight: height,
      now: Date.now(),
      locale: getLocale(),
      quietStates: quietStates(ui.view, ui.tab),
    };
    const checking = ui.checked.size > 0;
    const hidden = !ready || rows.length === 0;
    // A windowed store with rows past the loaded ones: one more row's room at the end, for the note that they are coming.
    const more = rows.length > 0 && rows === this.#list.value && store.state.window !== null && store.state.window.next !== null;
    this.#overscanFor(ui);
    const [start, end] = this.#range(this.#scrollTo ?? this.listbox?.scrollTop ?? 0, height);
    this.#start = start;
    this.#end = end;
    // The spacer's styles are whole-value bindings: the bundle's template
    // minifier drops a unit that follows an expression inside an attribute.
    return html`
      ${this.#renderTabs(ui.view, ui.tab, checking)}
      ${checking ? html`<bulk-bar .store=${store} .matching=${rows}></bulk-bar>` : nothing}
      <div
        id="listbox"
        class="scroller${hidden ? ' scroller--hidden' : ''}${checking ? ' scroller--checking' : ''}"
        part="list"
        role="listbox"
        aria-multiselectable="true"
        aria-label=${msg('Conversations', { id: 'list.label' })}
        tabindex="0"
        @focus=${this.#onListFocus}
        @keydown=${this.#onListKeydown}
        @click=${this.#onClick}
        @scroll=${this.#onScroll}
      >
        <div class="sizer" role="presentation" style=${`height: ${(rows.length + (more ? 1 : 0)) * height}px`}>
          ${repeat(
            rows.slice(start, end),
            (c) => c.id,
            (c, i) => renderRow(c, start + i, ctx),
          )}
        </div>
      </div>
      ${more && store.state.window.loading
        ? html`<div class="more" part="loading-more" role="status">
            <span class="spinner" aria-hidden="true"></span>${msg('Loading more conversations…', { id: 'list.loadingMore' })}
          </div>`
        : nothing}
      ${this.#renderState(ready, ui.view, ui.tab, ui.search)}
      <div class="pickers"></div>
      ${this.noUndoToast ? nothing : html`<undo-toast .store=${store}></undo-toast>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'inbox-list': InboxList;
  }
}

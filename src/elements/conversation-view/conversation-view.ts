import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { msg, str } from '@lit/localize';
import type { Subscription } from 'rxjs';
import {
  AlarmClock,
  ArrowLeft,
  Ban,
  Check,
  Ellipsis,
  FileText,
  Forward,
  Hourglass,
  Link,
  Mail,
  MailOpen,
  RotateCcw,
  ShieldAlert,
  ShieldCheck,
  SignalHigh,
  Tag,
  Trash2,
  Undo2,
  UserPlus,
} from 'lucide';
import { DEFAULT_KEYMAP, actionLabel, keyLabel, type Action, type Keymap } from '../../controllers/keymap.js';
import { RovingFocusController } from '../../controllers/roving-focus.controller.js';
import { ShortcutsController } from '../../controllers/shortcuts.controller.js';
import type { StoreController } from '../../controllers/store.controller.js';
import { ConversationBackEvent } from '../../events/conversation-back.js';
import { ConversationForwardEvent } from '../../events/conversation-forward.js';
import { ConversationTranscriptEvent } from '../../events/conversation-transcript.js';
import { InboxNoticeEvent } from '../../events/inbox-notice.js';
import type { CommandArgs } from '../../model/commands.js';
import { displayState } from '../../model/display.js';
import type { Channel, Contact, Conversation, Id, InboxState } from '../../model/types.js';
import type { InboxStore, StoreState } from '../../store/inbox-store.js';
import type { Presence } from '../../transport/transport.js';
import { menuItemStyles, popupStyles, spinnerStyles, stateStyles } from '../../styles/controls.js';
import { avatar, avatarStyles, initials } from '../shared/avatar.js';
import { channelIcon } from '../shared/channel-icons.js';
import { icon, type IconNode } from '../shared/icons.js';
import { afterNextPaint } from '../../controllers/after-paint.js';
import { InboxElement } from '../shared/inbox-element.js';
import { labelChip, labelStyles } from '../shared/labels.js';
import { paletteColor } from '../shared/palette.js';
import { priorityGlyph, priorityStyles } from '../shared/priority.js';
import { TooltipController, tooltipStyles } from '../shared/tooltip.js';
import { loadsOnDemand, needElements } from '../lazy-elements.js';
import { ariaKeys, assigneeText, idsFor, presenceLines, teamName } from './header-parts.js';
import { MenuController } from './menu.controller.js';
import { styles } from './conversation-view.styles.js';
import type { LinkShortener } from '../message-composer/message-composer.js';

/** Builds the host's URL of a conversation, or of one message in it. */
export type LinkBuilder = (conversationId: Id, messageId?: Id) => string;
export type { LinkShortener };

/** The header's commands on the shown conversation; each is undoable (Z, the undo toast). */
type ConversationCommand =
  | 'markDone'
  | 'reopen'
  | 'markOpen'
  | 'markUnread'
  | 'markRead'
  | 'markWaiting'
  | 'trash'
  | 'restore'
  | 'markSpam'
  | 'unmarkSpam';

/** The pickers of the header, by the action whose key opens them. */
const PICKERS = { snooze: 'snooze-picker', priority: 'priority-picker', label: 'label-picker', assign: 'assignee-picker' } as const;
type PickerAction = keyof typeof PICKERS;

/** The row of icon buttons, in the order they show. */
export const TOOLS = ['done', 'unread', 'waiting', 'snooze', 'assign', 'label', 'priority'] as const;
export type Tool = (typeof TOOLS)[number];
/** Which tools go to the More menu first when the row is narrow: the least used first; Done always stays. */
const DROP_ORDER: readonly Tool[] = ['waiting', 'priority', 'label', 'unread', 'snooze', 'assign'];

interface Picker extends HTMLElement {
  open: boolean;
  show(): void;
}

/** What the view uses of `<message-composer>`. */
interface Composer extends HTMLElement {
  focusComposer?: (mode?: 'reply' | 'comment') => unknown;
  readonly updateComplete?: Promise<unknown>;
}

/** What the view shows, from one state. */
interface Shown {
  readonly ready: boolean;
  readonly id: Id | null;
  readonly conversation: Conversation | undefined;
  readonly contact: Contact | undefined;
  readonly channel: Channel | undefined;
  readonly model: InboxState;
  readonly userId: Id;
  readonly presence: readonly Presence[] | undefined;
}

/** One tool as it shows: a button in the row, or an item of the More menu. */
interface ToolSpec {
  /** `data-action` of the button, `data-item` of the menu item. */
  readonly name: string;
  readonly label: string;
  readonly glyph: IconNode;
  readonly key?: Action;
  readonly disabled?: boolean;
  readonly picker?: PickerAction;
  readonly run: () => unknown;
}

const sameShown = (a: Shown, b: Shown): boolean =>
  a.ready === b.ready &&
  a.id === b.id &&
  a.conversation === b.conversation &&
  a.contact === b.contact &&
  a.channel === b.channel &&
  a.model.users === b.model.users &&
  a.model.bots === b.model.bots &&
  a.model.teams === b.model.teams &&
  a.presence === b.presence;

/**
 * @summary One conversation: a compact header (the contact, its state, the
 * channel once, who else is there, and one row of icon buttons), the
 * `<conversation-timeline>` and the `<message-composer>`.
 *
 * Shows the conversation named by `conversation-id`, or, without it, the
 * store's open conversation (`ui.openId`): inside an `<inbox-provider>` it
 * follows the selection, and alone with `conversation-id` it is a CRM
 * page's view of one customer's conversation.
 *
 * The header is two rows that never wrap. The first: Back (with `back`),
 * the contact's avatar and name (and an e-mail's subject), the state badge,
 * the priority glyph, the channel (icon and name), the team and labels
 * when there is room, and who else is viewing or typing. The second, a
 * toolbar (one tab stop, ←/→, Home, End): Done or Reopen (one toggle, by
 * status), Unread or Read, Waiting, Snooze (`<snooze-picker>`, R18), Assign
 * (`<assignee-picker>`, R10, showing the assignee's avatar), Label and
 * Priority (R19), each an icon button with its name and a tooltip that
 * shows its key ("Mark done (E)"); the `actions` slot; and More (the ARIA
 * menu button: ↑/↓, Home/End, a letter, Esc) with Copy link (through
 * `linkBuilder`, hidden without one), Send transcript and Forward (events
 * for the host; Forward on e-mail conversations only), Trash, Mark spam and
 * Block sender (each turning into its reverse when it applies). When the
 * view is too narrow for every button (its own width, measured), the least
 * used move into the More menu, Waiting first; Done always stays. Every
 * command is undoable (Z, the undo toast).
 *
 * Keys (keymap.ts, remappable through `keymap`; ignored while typing):
 * inside the view, E done or reopen, O open, U unread, S snooze, A assign,
 * L label, P priority, Esc back, Z undo; anywhere in the inbox, R replies
 * and N writes an internal comment in the composer. Keys inside the view
 * are its own: a list beside it does not also act on them.
 *
 * Transient words (a refused action, "Link copied") are `inbox-notice`
 * events; `<inbox-app>` shows them in its toast region and cancels them.
 * Uncancelled (the view alone), the view shows them under its header.
 *
 * Presence (R17): while it shows a conversation it tells the others
 * (`store.setPresence(id)`), and `setPresence(null)` when it stops; it
 * shows who else is viewing or typing (avatars; the sentences in a polite
 * live region).
 *
 * @fires conversation-back - {ConversationBackEvent} The Back button or Esc.
 * @fires conversation-transcript - {ConversationTranscriptEvent} "Send transcript" was chosen; the host sends it.
 * @fires conversation-forward - {ConversationForwardEvent} "Forward" was chosen on an e-mail conversation; the host sends it.
 * @fires inbox-notice - {InboxNoticeEvent} A transient message: an action refused, a link copied (also from the timeline and the composer).
 * @fires composer-send - {ComposerSendEvent} From the composer: a reply or comment was dispatched (optimistically applied).
 * @fires message-link-copy - {MessageLinkCopyEvent} From the timeline: "Copy link" was used on a message; `url`, `copied`.
 * @fires close - {PickerCloseEvent} From the header's snooze, priority, label or assignee picker, as it closes.
 *
 * @slot actions - Host controls in the row of icon buttons, before More (`<inbox-app>` puts its Contact toggle there).
 *
 * @csspart header - The header (both rows).
 * @csspart top - Its first row: who, state, channel, presence.
 * @csspart back - The Back button (with `back`).
 * @csspart avatar - The contact's avatar.
 * @csspart contact - The contact's name (a heading).
 * @csspart subject - The subject, when there is one.
 * @csspart badge - The `<status-badge>`.
 * @csspart priority - Its priority glyph, when it has one.
 * @csspart channel - The channel: kind icon and name.
 * @csspart team - Its team (when there is room).
 * @csspart labels - The list of labels (when there is room); `label` each one.
 * @csspart label - One label.
 * @csspart assignee - Who it is assigned to (text for assistive technology; the Assign button shows the avatar).
 * @csspart actions - The toolbar: the row of icon buttons, the slot and More.
 * @csspart action - One icon button.
 * @csspart menu-button - The More button.
 * @csspart menu - The More menu.
 * @csspart menu-item - One item of the More menu.
 * @csspart presence - Who else is viewing or typing.
 * @csspart notice - A transient message nobody else showed (the view alone).
 * @csspart tooltip - The tooltip of an icon button.
 * @csspart timeline - The `<conversation-timeline>`.
 * @csspart composer - The `<message-composer>`.
 * @csspart empty - No conversation open, or not available.
 * @csspart loading - Before the store's first snapshot.
 *
 * @cssprop --inbox-conversation-header-background - Background of the header. Defaults to `--inbox-color-surface`.
 * @cssprop --inbox-conversation-presence-color - Colour of the "is typing" line. Defaults to `--inbox-status-waiting`.
 * @cssprop --inbox-conversation-composer-max-height - The most of the view's height the composer grows to with its text. Defaults to `40%`.
 *
 * @cssstate loading - The store has not received its first snapshot.
 * @cssstate empty - No conversation to show.
 */
export class ConversationView extends InboxElement {
  static override styles = [
    ...(InboxElement.styles as []),
    popupStyles,
    menuItemStyles,
    spinnerStyles,
    stateStyles,
    avatarStyles,
    labelStyles,
    priorityStyles,
    tooltipStyles,
    styles,
  ];

  static override properties: PropertyDeclarations = {
    conversationId: { attribute: 'conversation-id' },
    linkBuilder: { attribute: false },
    linkShortener: { attribute: false },
    remoteImages: { type: Boolean, attribute: 'remote-images' },
    back: { type: Boolean, reflect: true },
    noUndoToast: { type: Boolean, attribute: 'no-undo-toast' },
    keymap: { attribute: false },
    notice: { state: true, attribute: false },
    fit: { state: true, attribute: false },
    pickerOpen: { state: true, attribute: false },
  };

  /** The conversation to show; without it, the store's open conversation. */
  conversationId: Id | null = null;

  /** Builds the link of the conversation or one of its messages (Copy link); forwarded to the timeline. */
  linkBuilder: LinkBuilder | undefined;

  /** Rewrites links before sending (a Bitly-like service); forwarded to the composer. */
  linkShortener: LinkShortener | undefined;

  /** Shows e-mails' remote images without asking; forwarded to the timeline. */
  remoteImages = false;

  /** Shows a Back button (narrow layouts) that fires `conversation-back`. */
  back = false;

  /** Leaves the undo toast out (a host that places its own `<undo-toast>`). */
  noUndoToast = false;

  /** The keys of each action (keymap.ts). */
  keymap: Keymap = DEFAULT_KEYMAP;

  /** The last transient word nobody else showed: refused, or "Link copied". */
  private notice: { readonly text: string; readonly error: boolean; readonly link?: string } | null = null;
  /** How many tools fit in the row (measured); the others are in the More menu. */
  private fit: number = TOOLS.length;
  /** The picker open from the header, for its button's `aria-expanded`. */
  private pickerOpen: PickerAction | null = null;

  private get composer(): Composer | null {
    return this.shadowRoot?.querySelector('message-composer') ?? null;
  }

  private get menuElement(): HTMLElement | null {
    return this.shadowRoot?.querySelector<HTMLElement>('.menu') ?? null;
  }

  private get menuButton(): HTMLElement | null {
    return this.shadowRoot?.querySelector<HTMLElement>('.menu-button') ?? null;
  }

  readonly #shown: StoreController<Shown> = this.select((s) => this.#select(s), sameShown);
  readonly #menu = new MenuController(this, { button: () => this.menuButton, menu: () => this.menuElement });
  readonly #tooltip = new TooltipController(this);
  readonly #internals = this.attachInternals();
  readonly #pickerIds: { id: Id | null; ids: readonly Id[] } = { id: null, ids: [] };
  /** The pickers opened once: drawn from then on. */
  readonly #pickersDrawn = new Set<PickerAction>();
  /** Where this view last announced itself (R17). */
  #presence: { store: InboxStore; id: Id } | null = null;
  #presenceQueued = false;
  #errors: Subscription | undefined;
  #errorsStore: InboxStore | undefined;
  /** Command ids dispatched from this view, whose later refusal it reports. */
  readonly #sent = new Set<Id>();
  /** The conversation the notice is about; it goes when another one shows. */
  #noticeFor: Id | null = null;
  #renderedId: Id | null = null;
  #resize: ResizeObserver | undefined;

  constructor() {
    super();
    // Keys pressed inside the view: heard here, before a list beside it hears them on the shared root.
    new ShortcutsController(this, { keymap: () => this.keymap, handle: (action) => this.#handle(action), root: (host) => host });
    // From anywhere else in the inbox: only reply and comment, which no other element takes.
    new ShortcutsController(this, {
      keymap: () => this.keymap,
      handle: (action, event) => (action === 'reply' || action === 'comment') && !event.composedPath().includes(this) && this.#handle(action),
    });
    // The toolbar: one tab stop, ←/→, Home, End over its buttons, the slotted controls and More.
    new RovingFocusController(this, { elements: () => this.#toolbarItems(), orientation: 'horizontal' });
  }

  /** The id of the conversation shown, if any. */
  get shownId(): Id | null {
    return this.#current()?.conversation?.id ?? null;
  }

  #select(s: StoreState): Shown {
    const id = this.conversationId || s.ui.openId;
    const conversation = id ? s.model.conversations.get(id) : undefined;
    return {
      ready: s.ready,
      id,
      conversation,
      contact: conversation ? s.model.contacts.get(conversation.contactId) : undefined,
      channel: conversation ? s.model.channels.get(conversation.channelId) : undefined,
      model: s.model,
      userId: s.userId,
      presence: id ? s.presence.get(id) : undefined,
    };
  }

  /** The current slice: recomputed when `conversationId` changed since the store last emitted. */
  #current(): Shown | undefined {
    const store = this.activeStore;
    const shown = this.#shown.value;
    if (!store || !shown) return shown;
    return shown.id === (this.conversationId || store.state.ui.openId) ? shown : this.#select(store.state);
  }

  /**
   * Runs a keymap action on the shown conversation as its key would (the
   * command palette's actions reach the view this way). False when it does
   * not apply here.
   */
  perform(action: Action): boolean {
    return this.#handle(action);
  }

  /** Focuses the composer, in reply or internal-comment mode. */
  focusComposer(mode: 'reply' | 'comment' = 'reply'): boolean {
    const composer = this.composer;
    if (typeof composer?.focusComposer !== 'function') return false;
    void composer.focusComposer(mode);
    return true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: say again where this user is.
    if (this.hasUpdated) this.#syncPresence();
    // The row of icon buttons follows the view's width (and what the host slots into it), measured
    // after layout, never during an update.
    this.#resize ??= new ResizeObserver(() => this.#measure());
    this.#observed = null;
    for (const element of this.#slotted()) this.#resize.observe(element);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#syncPresence();
    this.#errors?.unsubscribe();
    this.#errors = undefined;
    this.#errorsStore = undefined;
    this.#resize?.disconnect();
  }

  /**
   * Another conversation to show is drawn after the next paint: the key or
   * click that opened it is answered at once by the list (its open row), and
   * the conversation follows in the next frame, its timeline and composer in
   * the one after (INP, measured by test/figures.test.ts). Closing it too:
   * the app hides it at once, and what it draws then is for later.
   */
  protected override scheduleUpdate() {
    const id = this.#current()?.conversation?.id ?? null;
    if (id === this.#renderedId) return super.scheduleUpdate();
    return afterNextPaint().then(() => super.scheduleUpdate());
  }

  protected override willUpdate(): void {
    const id = this.#current()?.conversation?.id ?? null;
    if (id !== this.#renderedId) {
      // Another conversation: the menu and the last word were about the one before.
      this.#renderedId = id;
      this.#menu.close(false);
      this.pickerOpen = null;
    }
    if (this.notice && id !== this.#noticeFor) this.notice = null;
  }

  protected override updated(): void {
    const shown = this.#current();
    this.#syncPresence();
    this.#watchErrors(this.activeStore);
    this.#observeToolbar();
    const states = this.#internals.states;
    const toggle = (name: string, on: boolean) => (on ? states.add(name) : states.delete(name));
    toggle('loading', !shown?.ready);
    toggle('empty', shown?.ready === true && !shown.conversation);
  }

  // ---- the row of icon buttons: how many fit ----

  #observed: Element | null = null;

  /** A new toolbar (the header was away: loading, nothing open) is observed: its size comes after layout. */
  #observeToolbar(): void {
    const toolbar = this.renderRoot.querySelector('.toolbar');
    if (!this.#resize || toolbar === this.#observed) return;
    if (this.#observed) this.#resize.unobserve(this.#observed);
    this.#observed = toolbar;
    if (toolbar) this.#resize.observe(toolbar);
  }

  #slotted(): HTMLElement[] {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name=actions]');
    return (slot?.assignedElements({ flatten: true }) ?? []).filter((e): e is HTMLElement => e instanceof HTMLElement);
  }

  readonly #onSlotChange = (): void => {
    // Observing them reports their size once, after layout.
    if (this.#resize) for (const element of this.#slotted()) this.#resize.observe(element);
  };

  /** How many tools fit beside the slotted controls and More, at the toolbar's width now. */
  #measure(): void {
    const toolbar = this.renderRoot.querySelector<HTMLElement>('.toolbar');
    if (!toolbar) return;
    const style = getComputedStyle(toolbar);
    const gap = parseFloat(style.columnGap) || 0;
    const width = toolbar.clientWidth - (parseFloat(style.paddingInlineStart) || 0) - (parseFloat(style.paddingInlineEnd) || 0);
    const tool = this.renderRoot.querySelector<HTMLElement>('.toolbar .tool');
    const toolWidth = tool?.offsetWidth || 32;
    const more = this.menuButton?.offsetWidth ?? toolWidth;
    const slotted = this.#slotted()
      .filter((e) => e.offsetParent !== null || e.getClientRects().length > 0)
      .reduce((sum, e) => sum + e.offsetWidth + gap, 0);
    // A separator's worth of room between the tools and the rest.
    const room = width - slotted - more - gap * 2;
    const fit = Math.max(1, Math.min(TOOLS.length, Math.floor((room + gap) / (toolWidth + gap))));
    if (fit !== this.fit) this.fit = fit;
  }

  /** The tools in the row: all of them, less those dropped into the More menu. */
  #shownTools(): readonly Tool[] {
    const dropped = new Set(DROP_ORDER.slice(0, Math.max(0, TOOLS.length - this.fit)));
    return TOOLS.filter((tool) => !dropped.has(tool));
  }

  #toolbarItems(): HTMLElement[] {
    const toolbar = this.renderRoot.querySelector('.toolbar');
    if (!toolbar) return [];
    const tools = [...toolbar.querySelectorAll<HTMLElement>(':scope > .tool-wrap > .tool')];
    const more = this.menuButton;
    return [...tools, ...this.#slotted(), ...(more ? [more] : [])];
  }

  /**
   * R17: tells the others which conversation this user now views, or none,
   * once the children have updated: a composer that stops typing in the
   * conversation left says so first, and this comes after it.
   */
  #syncPresence(): void {
    if (this.#presenceQueued) return;
    this.#presenceQueued = true;
    void (async () => {
      await this.composer?.updateComplete;
      await Promise.resolve();
      this.#presenceQueued = false;
      const shown = this.isConnected ? this.#current() : undefined;
      this.#announce(shown?.ready && shown.conversation ? shown.conversation.id : null);
    })();
  }

  #announce(id: Id | null): void {
    const store = this.activeStore;
    const before = this.#presence;
    if (before && before.id === id && before.store === store) return;
    if (before && (before.store !== store || id === null)) before.store.setPresence(null);
    this.#presence = null;
    if (store && id !== null && this.isConnected) {
      store.setPresence(id, false);
      this.#presence = { store, id };
    }
  }

  /** Shows the backend's later refusal of an action taken here (the optimistic change rolled back). */
  #watchErrors(store: InboxStore | undefined): void {
    if (store === this.#errorsStore) return;
    this.#errors?.unsubscribe();
    this.#errorsStore = store;
    this.#errors = store?.errors$.subscribe((error) => {
      if (error.kind !== 'rejected' || !this.#sent.has(error.command.id)) return;
      this.#refused(error.refusal.reason);
    });
  }

  /**
   * A transient message: an `inbox-notice` event for the inbox's toast
   * region; shown under the header only when nobody took it (the view alone).
   */
  #notify(text: string, tone: 'info' | 'error', link?: string): void {
    const event = new InboxNoticeEvent(link ? `${text} ${link}` : text, tone);
    this.dispatchEvent(event);
    this.#noticeFor = this.shownId;
    this.notice = event.defaultPrevented ? null : { text, error: tone === 'error', ...(link ? { link } : {}) };
  }

  #refused(reason: string): void {
    this.#notify(msg('That could not be done:', { id: 'conversation.refused' }) + ' ' + reason, 'error');
  }

  #dispatch<T extends 'blockContact' | 'unblockContact' | ConversationCommand>(type: T, args: CommandArgs[T]): boolean {
    const store = this.activeStore;
    if (!store) return false;
    const result = store.dispatch(type, args);
    if (result.ok) {
      if (this.#sent.size >= 100) this.#sent.delete(this.#sent.values().next().value!);
      this.#sent.add(result.command.id);
      this.notice = null;
    } else {
      this.#refused(result.refusal.reason);
    }
    return true;
  }

  #command(type: ConversationCommand): boolean {
    const id = this.shownId;
    return id !== null && this.#dispatch(type, { ids: [id] });
  }

  #toggleDone(): boolean {
    const conversation = this.#current()?.conversation;
    if (!conversation) return false;
    return this.#command(conversation.status === 'done' ? 'reopen' : 'markDone');
  }

  #openPicker(action: PickerAction): boolean {
    const tag = PICKERS[action];
    if (loadsOnDemand(tag)) {
      // The script-tag bundle's pickers chunk: the rendered tag upgrades once it is here.
      needElements(tag).then(
        async () => {
          await this.updateComplete;
          this.#openPicker(action);
        },
        () => undefined,
      );
      return true;
    }
    if (!this.#pickersDrawn.has(action)) {
      // Drawn the first time it opens (a conversation opens faster without four hidden pickers).
      this.#pickersDrawn.add(action);
      this.requestUpdate();
      void this.updateComplete.then(() => this.#openPicker(action));
      return true;
    }
    const picker = this.renderRoot.querySelector<Picker>(tag);
    if (!picker || typeof picker.show !== 'function') return false;
    this.#tooltip.hide();
    picker.show();
    this.pickerOpen = action;
    return true;
  }

  readonly #onPickerClose = (): void => {
    this.pickerOpen = null;
  };

  #back(): void {
    this.dispatchEvent(new ConversationBackEvent(this.shownId));
  }

  #handle(action: Action): boolean {
    const store = this.activeStore;
    const conversation = this.#current()?.conversation;
    if (!store?.state.ready || !conversation) return false;
    switch (action) {
      case 'done':
        return this.#toggleDone();
      case 'open':
        return this.#command('markOpen');
      case 'unread':
        return this.#command('markUnread');
      case 'reply':
      case 'comment':
        return this.focusComposer(action);
      case 'snooze':
      case 'assign':
      case 'label':
      case 'priority':
        return this.#openPicker(action);
      case 'back':
        this.#back();
        return true;
      case 'undo':
        return store.undo();
      default:
        return false;
    }
  }

  // ---- the More menu ----

  async #copyLink(): Promise<void> {
    const id = this.shownId;
    if (id === null || !this.linkBuilder) return;
    const link = this.linkBuilder(id);
    try {
      await navigator.clipboard.writeText(link);
      this.#notify(msg('Link copied', { id: 'conversation.linkCopied' }), 'info');
    } catch {
      this.#notify(msg('Could not copy the link; here it is:', { id: 'conversation.linkNotCopied' }), 'error', link);
    }
  }

  #menuAction(run: () => unknown): () => void {
    return () => {
      this.#menu.close();
      run();
    };
  }

  #menuItem(key: string, label: string, glyph: IconNode, run: () => unknown, disabled = false): TemplateResult {
    return html`<button
      type="button"
      role="menuitem"
      part="menu-item"
      class="menu-item"
      tabindex="-1"
      data-item=${key}
      aria-disabled=${disabled ? 'true' : nothing}
      @click=${disabled ? nothing : this.#menuAction(run)}
    >
      ${icon(glyph)}<span>${label}</span>
    </button>`;
  }

  #renderMenu(conversation: Conversation, contact: Contact | undefined, channel: Channel | undefined, tools: readonly ToolSpec[]): TemplateResult {
    const open = this.#menu.open;
    const visible = this.#shownTools();
    const dropped = tools.filter((tool) => !visible.includes(toolOf(tool.name)));
    return html`<span class="menu-anchor">
      ${dropped.map((tool) => (tool.picker ? this.#renderPicker(tool.picker, conversation.id) : nothing))}
      <button
        type="button"
        part="action menu-button"
        class="tool menu-button"
        aria-haspopup="menu"
        aria-expanded=${String(open)}
        aria-controls="more-menu"
        aria-label=${msg('More actions', { id: 'conversation.moreActions' })}
        data-tip=${msg('More actions', { id: 'conversation.moreActions' })}
        @click=${() => this.#menu.toggle()}
        @keydown=${this.#menu.onButtonKeydown}
      >
        ${icon(Ellipsis, { size: 20 })}
      </button>
      <div
        id="more-menu"
        class="popup menu"
        part="menu"
        role="menu"
        aria-label=${msg('More actions', { id: 'conversation.moreActions' })}
        popover="manual"
        ?hidden=${!open}
        @keydown=${this.#menu.onMenuKeydown}
        @focusout=${this.#menu.onMenuFocusout}
      >
        ${open ? this.#renderMenuItems(conversation, contact, channel, dropped) : nothing}
      </div>
    </span>`;
  }


  /** The More menu's items, rendered while it is open. */
  #renderMenuItems(conversation: Conversation, contact: Contact | undefined, channel: Channel | undefined, dropped: readonly ToolSpec[]): TemplateResult {
    const id = conversation.id;
    const item = this.#menuItem.bind(this);
    const blocked = contact?.blocked === true;
    return html`        ${dropped.map((tool) => item(tool.name, this.#withKey(tool), tool.glyph, tool.run, tool.disabled))}
        ${dropped.length > 0 ? html`<div role="separator" class="separator"></div>` : nothing}
        ${this.linkBuilder ? item('copy-link', msg('Copy link', { id: 'conversation.copyLink' }), Link, () => this.#copyLink()) : nothing}
        ${item('transcript', msg('Send transcript', { id: 'conversation.transcript' }), FileText, () =>
          this.dispatchEvent(new ConversationTranscriptEvent(id)),
        )}
        ${channel?.kind === 'email'
          ? item('forward', msg('Forward', { id: 'conversation.forward' }), Forward, () => this.dispatchEvent(new ConversationForwardEvent(id)))
          : nothing}
        <div role="separator" class="separator"></div>
        ${conversation.trashedAt === null
          ? item('trash', msg('Trash', { id: 'conversation.trash' }), Trash2, () => this.#command('trash'))
          : item('restore', msg('Restore from trash', { id: 'conversation.restore' }), Undo2, () => this.#command('restore'))}
        ${conversation.spam
          ? item('not-spam', msg('Not spam', { id: 'conversation.notSpam' }), ShieldCheck, () => this.#command('unmarkSpam'))
          : item('spam', msg('Mark spam', { id: 'conversation.spam' }), ShieldAlert, () => this.#command('markSpam'))}
        ${blocked
          ? item('unblock', msg('Unblock sender', { id: 'conversation.unblock' }), Ban, () =>
              this.#dispatch('unblockContact', { contactId: conversation.contactId }),
            )
          : item('block', msg('Block sender', { id: 'conversation.block' }), Ban, () =>
              this.#dispatch('blockContact', { contactId: conversation.contactId }),
            )}`;
  }

  // ---- render ----

  /** "Mark done (E)": a tool's name and, when it has one, its key. */
  #withKey(tool: ToolSpec): string {
    const key = tool.key ? this.keymap[tool.key][0] : undefined;
    if (!key) return tool.label;
    const shown = keyLabel(key);
    return `${tool.label} (${shown.length === 1 ? shown.toUpperCase() : shown})`;
  }

  #tools(conversation: Conversation): ToolSpec[] {
    const done = conversation.status === 'done';
    return [
      done
        ? { name: 'reopen', label: msg('Reopen', { id: 'conversation.reopen' }), glyph: RotateCcw, key: 'done', run: () => this.#toggleDone() }
        : { name: 'done', label: actionLabel('done'), glyph: Check, key: 'done', run: () => this.#toggleDone() },
      conversation.unread
        ? { name: 'read', label: msg('Mark read', { id: 'conversation.read' }), glyph: MailOpen, run: () => this.#command('markRead') }
        : { name: 'unread', label: actionLabel('unread'), glyph: Mail, key: 'unread', run: () => this.#command('markUnread') },
      {
        name: 'waiting',
        label: msg('Move to Waiting', { id: 'conversation.waiting' }),
        glyph: Hourglass,
        disabled: conversation.awaiting === 'contact',
        run: () => this.#command('markWaiting'),
      },
      { name: 'snooze', label: actionLabel('snooze'), glyph: AlarmClock, key: 'snooze', picker: 'snooze', run: () => this.#openPicker('snooze') },
      { name: 'assign', label: actionLabel('assign'), glyph: UserPlus, key: 'assign', picker: 'assign', run: () => this.#openPicker('assign') },
      { name: 'label', label: actionLabel('label'), glyph: Tag, key: 'label', picker: 'label', run: () => this.#openPicker('label') },
      { name: 'priority', label: actionLabel('priority'), glyph: SignalHigh, key: 'priority', picker: 'priority', run: () => this.#openPicker('priority') },
    ];
  }

  #renderPicker(action: PickerAction, id: Id): TemplateResult | typeof nothing {
    if (!this.#pickersDrawn.has(action)) return nothing;
    const ids = idsFor(this.#pickerIds, id);
    const store = this.activeStore;
    switch (action) {
      case 'snooze':
        return html`<snooze-picker no-trigger .store=${store} .ids=${ids} @close=${this.#onPickerClose}></snooze-picker>`;
      case 'assign':
        return html`<assignee-picker no-trigger .store=${store} .ids=${ids} @close=${this.#onPickerClose}></assignee-picker>`;
      case 'label':
        return html`<label-picker no-trigger .store=${store} .ids=${ids} @close=${this.#onPickerClose}></label-picker>`;
      case 'priority':
        return html`<priority-picker no-trigger .store=${store} .ids=${ids} @close=${this.#onPickerClose}></priority-picker>`;
    }
  }

  #renderTool(tool: ToolSpec, conversation: Conversation, shown: Shown): TemplateResult {
    const assignee = conversation.assignee;
    const person: { id: Id; name: string; avatar?: string | undefined } | undefined =
      tool.name === 'assign' && assignee
        ? assignee.type === 'user'
          ? shown.model.users.get(assignee.id)
          : shown.model.bots.get(assignee.id)
        : undefined;
    // The assignee's face, its initials drawn by CSS: the button's name stays "Assign", as its text.
    const glyph = person
      ? html`<span
          class="avatar tool-avatar${assignee?.type === 'bot' ? ' avatar--bot' : ''}"
          style=${`--avatar-color: ${paletteColor(person.id)}`}
          data-initials=${person.avatar ? nothing : initials(person.name)}
          aria-hidden="true"
          >${person.avatar ? html`<img src=${person.avatar} alt="" loading="lazy" />` : nothing}</span
        >`
      : icon(tool.glyph, { size: 20 });
    return html`<span class="tool-wrap"
      >${tool.picker ? this.#renderPicker(tool.picker, conversation.id) : nothing}<button
        type="button"
        part="action"
        class="tool"
        data-action=${tool.name}
        aria-label=${tool.label}
        aria-keyshortcuts=${tool.key ? ariaKeys(this.keymap, tool.key) : nothing}
        aria-disabled=${tool.disabled ? 'true' : nothing}
        aria-haspopup=${tool.picker ? 'listbox' : nothing}
        aria-expanded=${tool.picker ? String(this.pickerOpen === tool.picker) : nothing}
        aria-describedby=${tool.name === 'assign' ? 'assignee' : nothing}
        data-tip=${tool.name === 'assign' ? `${this.#withKey(tool)} · ${assigneeText(shown.model, conversation)}` : this.#withKey(tool)}
        @click=${tool.disabled ? nothing : tool.run}
      >
        ${glyph}
      </button></span
    >`;
  }

  #renderToolbar(conversation: Conversation, shown: Shown): TemplateResult {
    const tools = this.#tools(conversation);
    const visible = this.#shownTools();
    return html`<div class="toolbar" part="actions" role="toolbar" aria-label=${msg('Conversation actions', { id: 'conversation.actions' })}>
      ${tools.filter((tool) => visible.includes(toolOf(tool.name))).map((tool) => this.#renderTool(tool, conversation, shown))}
      <span class="end">
        <slot name="actions" @slotchange=${this.#onSlotChange}></slot>
        ${this.#renderMenu(conversation, shown.contact, shown.channel, tools)}
      </span>
      <span class="visually-hidden" id="assignee" part="assignee">${assigneeText(shown.model, conversation)}</span>
    </div>`;
  }

  #renderPresence(model: InboxState, presence: readonly Presence[] | undefined): TemplateResult {
    const lines = presenceLines(model, presence);
    const typing = (presence ?? []).filter((p) => p.typing);
    return html`<div class="presence" part="presence">
      ${(presence ?? []).map((p, i) => {
        const user = model.users.get(p.userId) ?? { id: p.userId, name: p.userId };
        return html`<span class="presence-person ${p.typing ? 'typing' : ''}" title=${lines[i] ?? ''}>${avatar(user)}</span>`;
      })}
      ${typing.length > 0 ? html`<span class="typing-line" aria-hidden="true">${lines[(presence ?? []).indexOf(typing[0]!)]}</span>` : nothing}
      <span class="visually-hidden presence-text" role="status" aria-live="polite">${lines.join('. ')}</span>
    </div>`;
  }

  #renderNotice(): TemplateResult | typeof nothing {
    const notice = this.notice;
    if (!notice) return nothing;
    return html`<div class="notice${notice.error ? ' notice--error' : ''}" part="notice" role=${notice.error ? 'alert' : 'status'}>
      ${notice.text} ${notice.link ? html`<span class="link">${notice.link}</span>` : nothing}
    </div>`;
  }

  #renderBack(): TemplateResult {
    const tip = `${msg('Back', { id: 'conversation.back' })} (${keyLabel(this.keymap.back[0] ?? 'Escape')})`;
    return html`<button
      type="button"
      part="back"
      class="tool back"
      aria-label=${msg('Back', { id: 'conversation.back' })}
      aria-keyshortcuts=${ariaKeys(this.keymap, 'back')}
      data-tip=${tip}
      @click=${() => this.#back()}
    >
      ${icon(ArrowLeft, { size: 20 })}
    </button>`;
  }

  #renderHeader(shown: Shown, conversation: Conversation): TemplateResult {
    const { model, contact, channel } = shown;
    const name = contact?.name ?? msg('Unknown contact', { id: 'conversation.unknownContact' });
    const team = teamName(model, conversation);
    return html`<div class="header" part="header">
      <div class="top" part="top">
        ${this.back ? this.#renderBack() : nothing}
        ${contact ? avatar(contact, { part: 'avatar' }) : nothing}
        <div class="title">
          <h2 part="contact" class="contact">${name}</h2>
          ${conversation.subject ? html`<span part="subject" class="subject">${conversation.subject}</span>` : nothing}
        </div>
        <status-badge part="badge" state=${displayState(model, conversation, shown.userId)}></status-badge>
        ${priorityGlyph(conversation.priority)}
        ${channel
          ? html`<span class="channel" part="channel">${channelIcon(channel.kind)}<span class="channel-name">${channel.name}</span></span>`
          : nothing}
        ${team ? html`<span class="team" part="team">${msg(str`Team ${team}`, { id: 'conversation.team' })}</span>` : nothing}
        ${conversation.labels.length === 0
          ? nothing
          : html`<ul class="labels" part="labels" aria-label=${msg('Labels', { id: 'conversation.labels' })}>
              ${conversation.labels.map((label) => html`<li>${labelChip(label)}</li>`)}
            </ul>`}
        ${this.#renderPresence(model, shown.presence)}
      </div>
      ${this.#renderToolbar(conversation, shown)} ${this.#renderNotice()}
    </div>`;
  }

  protected override render() {
    const store = this.activeStore;
    const shown = this.#current();
    if (!store || !shown?.ready) {
      return html`<div class="state" part="loading" role="status">
        <span class="spinner" aria-hidden="true"></span>${msg('Loading conversation…', { id: 'conversation.loading' })}
      </div>`;
    }
    const conversation = shown.conversation;
    if (!conversation) {
      return html`<div class="state" part="empty" role="status">
        ${this.back
          ? html`<button type="button" part="back" class="text-button back" @click=${() => this.#back()}>
              ${icon(ArrowLeft)}${msg('Back', { id: 'conversation.back' })}
            </button>`
          : nothing}
        <strong>${shown.id === null
          ? msg('No conversation open', { id: 'conversation.empty' })
          : msg('This conversation is not available', { id: 'conversation.missing' })}</strong>
        <span>${shown.id === null
          ? msg('Pick a conversation to read and answer it.', { id: 'conversation.empty.hint' })
          : msg('It may have been deleted, or you may not have access to it.', { id: 'conversation.missing.hint' })}</span>
      </div>`;
    }
    const id = conversation.id;
    return html`
      ${this.#renderHeader(shown, conversation)}
      <conversation-timeline
        part="timeline"
        conversation-id=${id}
        .store=${store}
        .linkBuilder=${this.linkBuilder}
        .remoteImages=${this.remoteImages}
      ></conversation-timeline>
      <message-composer part="composer" conversation-id=${id} .store=${store} .linkShortener=${this.linkShortener} mode="reply"></message-composer>
      ${this.noUndoToast ? nothing : html`<undo-toast .store=${store} .keymap=${this.keymap}></undo-toast>`}
      ${this.#tooltip.render()}
    `;
  }
}

/** The tool a button or menu item stands for (Reopen is the Done tool, Read the Unread one). */
function toolOf(name: string): Tool {
  if (name === 'reopen') return 'done';
  if (name === 'read') return 'unread';
  return name as Tool;
}

declare global {
  interface HTMLElementTagNameMap {
    'conversation-view': ConversationView;
  }
}

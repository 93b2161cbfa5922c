import { LitElement, html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { updateWhenLocaleChanges, msg } from '@lit/localize';
import type { Subscription } from 'rxjs';
import { DEFAULT_KEYMAP, type Action, type Keymap } from '../../controllers/keymap.js';
import { ShortcutsController } from '../../controllers/shortcuts.controller.js';
import { StoreController } from '../../controllers/store.controller.js';
import { ConversationBackEvent } from '../../events/conversation-back.js';
import { ConversationForwardEvent } from '../../events/conversation-forward.js';
import { ConversationTranscriptEvent } from '../../events/conversation-transcript.js';
import type { CommandArgs } from '../../model/commands.js';
import { displayState } from '../../model/display.js';
import type { Channel, Contact, Conversation, Id, InboxState } from '../../model/types.js';
import type { InboxStore, StoreState } from '../../store/inbox-store.js';
import type { Presence } from '../../transport/transport.js';
import { hostStyles } from '../../styles/host-styles.js';
import { chipsStyles, popupStyles, spinnerStyles, stateStyles } from '../../styles/controls.js';
import { tokens } from '../../styles/tokens.js';
import { channelIcon } from '../shared/channel-icons.js';
import { ariaKeys, idsFor, presenceLines, renderMeta } from './header-parts.js';
import { MenuController } from './menu.controller.js';
import { styles } from './conversation-view.styles.js';
import type { LinkShortener } from '../message-composer/message-composer.js';

/** Builds the host's URL of a conversation, or of one message in it. */
export type LinkBuilder = (conversationId: Id, messageId?: Id) => string;
export type { LinkShortener };

/** The header's commands on the shown conversation; each is undoable (Z, the undo toast). */
type ConversationCommand = 'markDone' | 'reopen' | 'markOpen' | 'markUnread' | 'markWaiting' | 'trash' | 'restore' | 'markSpam' | 'unmarkSpam';

/** The pickers of the header, by the action whose key opens them. */
const PICKERS = { snooze: 'snooze-picker', priority: 'priority-picker', label: 'label-picker', assign: 'assignee-picker' } as const;
type PickerAction = keyof typeof PICKERS;

interface Picker extends HTMLElement {
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
 * @summary One conversation: a header with the contact, channel, status,
 * assignee, priority, labels, who else is there, and the actions; the
 * `<conversation-timeline>`; and the `<message-composer>`.
 *
 * Shows the conversation named by `conversation-id`, or, without it, the
 * store's open conversation (`ui.openId`): inside an `<inbox-provider>` it
 * follows the selection, and alone with `conversation-id` it is a CRM
 * page's view of one customer's conversation.
 *
 * The header's actions go to the store as undoable commands (Z, the undo
 * toast): Done or Reopen (one toggle, by status), Unread, Waiting, Snooze
 * (`<snooze-picker>`, R18), Priority and Labels (R19), Assign
 * (`<assignee-picker>`, R10), and a More menu (the ARIA menu button: ↑/↓,
 * Home/End, a letter, Esc) with Copy link (through `linkBuilder`, hidden
 * without one), Send transcript and Forward (events for the host; Forward
 * on e-mail conversations only), Trash, Mark spam and Block sender (each
 * turning into its reverse when it applies).
 *
 * Keys (keymap.ts, remappable through `keymap`; ignored while typing):
 * inside the view, E done or reopen, O open, U unread, S snooze, A assign,
 * L label, P priority, Esc back, Z undo; anywhere in the inbox, R replies
 * and N writes an internal comment in the composer. Keys inside the view
 * are its own: a list beside it does not also act on them.
 *
 * Presence (R17): while it shows a conversation it tells the others
 * (`store.setPresence(id)`), and `setPresence(null)` when it stops; it
 * shows who else is viewing or typing in a polite live region.
 *
 * @fires conversation-back - {ConversationBackEvent} The Back button or Esc.
 * @fires conversation-transcript - {ConversationTranscriptEvent} "Send transcript" was chosen; the host sends it.
 * @fires conversation-forward - {ConversationForwardEvent} "Forward" was chosen on an e-mail conversation; the host sends it.
 * @fires composer-send - {ComposerSendEvent} From the composer: a reply or comment was dispatched (optimistically applied).
 * @fires message-link-copy - {MessageLinkCopyEvent} From the timeline: "Copy link" was used on a message; `url`, `copied`.
 * @fires close - {PickerCloseEvent} From the header's snooze, priority, label or assignee picker, as it closes.
 *
 * @slot actions - Host controls at the end of the header's first line (`<inbox-app>` puts its Contact toggle there).
 *
 * @csspart header - The header.
 * @csspart back - The Back button (with `back`).
 * @csspart contact - The contact's name (a heading).
 * @csspart subject - The subject, when there is one.
 * @csspart channel - The channel: kind icon and name.
 * @csspart badge - The `<status-badge>`.
 * @csspart assignee - Who it is assigned to.
 * @csspart team - Its team.
 * @csspart priority - Its priority, when it has one.
 * @csspart labels - The list of labels; `label` each one.
 * @csspart label - One label.
 * @csspart actions - The group of action buttons and pickers.
 * @csspart action - One action button.
 * @csspart menu-button - The More button.
 * @csspart menu - The More menu.
 * @csspart menu-item - One item of the More menu.
 * @csspart presence - Who else is viewing or typing.
 * @csspart notice - A refused action, or "Link copied".
 * @csspart timeline - The `<conversation-timeline>`.
 * @csspart composer - The `<message-composer>`.
 * @csspart empty - No conversation open, or not available.
 * @csspart loading - Before the store's first snapshot.
 *
 * @cssprop --inbox-conversation-header-background - Background of the header. Defaults to `--inbox-color-surface`.
 * @cssprop --inbox-conversation-label-background - Background of a label chip. Defaults to `--inbox-color-surface-raised`.
 * @cssprop --inbox-conversation-presence-color - Colour of the presence line. Defaults to `--inbox-status-waiting`.
 *
 * @cssstate loading - The store has not received its first snapshot.
 * @cssstate empty - No conversation to show.
 */
export class ConversationView extends LitElement {
  static {
    this.addInitializer(updateWhenLocaleChanges); // re-renders on setLocale(), as @localized() would
  }

  static override styles = [tokens, hostStyles, popupStyles, chipsStyles, spinnerStyles, stateStyles, styles];

  static override properties: PropertyDeclarations = {
    store: { attribute: false },
    conversationId: { attribute: 'conversation-id' },
    linkBuilder: { attribute: false },
    linkShortener: { attribute: false },
    remoteImages: { type: Boolean, attribute: 'remote-images' },
    back: { type: Boolean, reflect: true },
    noUndoToast: { type: Boolean, attribute: 'no-undo-toast' },
    keymap: { attribute: false },
    notice: { state: true, attribute: false },
  };

  /** The store; else the nearest `<inbox-provider>`'s. */
  store: InboxStore | undefined;

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

  /** The last word from an action: refused, or "Link copied". */
  private notice: { readonly text: string; readonly error: boolean; readonly link?: string } | null = null;

  private get composer(): Composer | null {
    return this.shadowRoot?.querySelector('message-composer') ?? null;
  }

  private get menuElement(): HTMLElement | null {
    return this.shadowRoot?.querySelector<HTMLElement>('.menu') ?? null;
  }

  private get menuButton(): HTMLElement | null {
    return this.shadowRoot?.querySelector<HTMLElement>('.menu-button') ?? null;
  }

  readonly #shown = new StoreController<Shown>(this, (s) => this.#select(s), sameShown);
  readonly #menu = new MenuController(this, { button: () => this.menuButton, menu: () => this.menuElement });
  readonly #internals = this.attachInternals();
  readonly #pickerIds: { id: Id | null; ids: readonly Id[] } = { id: null, ids: [] };
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

  constructor() {
    super();
    // Keys pressed inside the view: heard here, before a list beside it hears them on the shared root.
    new ShortcutsController(this, { keymap: () => this.keymap, handle: (action) => this.#handle(action), root: (host) => host });
    // From anywhere else in the inbox: only reply and comment, which no other element takes.
    new ShortcutsController(this, {
      keymap: () => this.keymap,
      handle: (action, event) => (action === 'reply' || action === 'comment') && !event.composedPath().includes(this) && this.#handle(action),
    });
  }

  /** The store in use: `.store`, or the provider's. */
  get activeStore(): InboxStore | undefined {
    return this.#shown.store;
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
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#syncPresence();
    this.#errors?.unsubscribe();
    this.#errors = undefined;
    this.#errorsStore = undefined;
  }

  protected override willUpdate(): void {
    const id = this.#current()?.conversation?.id ?? null;
    if (id !== this.#renderedId) {
      // Another conversation: the menu and the last word were about the one before.
      this.#renderedId = id;
      this.#menu.close(false);
    }
    if (this.notice && id !== this.#noticeFor) this.notice = null;
  }

  protected override updated(): void {
    const shown = this.#current();
    this.#syncPresence();
    this.#watchErrors(this.activeStore);
    const states = this.#internals.states;
    const toggle = (name: string, on: boolean) => (on ? states.add(name) : states.delete(name));
    toggle('loading', !shown?.ready);
    toggle('empty', shown?.ready === true && !shown.conversation);
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

  #refused(reason: string): void {
    this.#noticeFor = this.shownId;
    this.notice = { text: msg('That could not be done:', { id: 'conversation.refused' }) + ' ' + reason, error: true };
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
    const picker = this.renderRoot.querySelector<Picker>(PICKERS[action]);
    if (!picker || typeof picker.show !== 'function') return false;
    picker.show();
    return true;
  }

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
    this.#noticeFor = id;
    try {
      await navigator.clipboard.writeText(link);
      this.notice = { text: msg('Link copied', { id: 'conversation.linkCopied' }), error: false };
    } catch {
      this.notice = { text: msg('Could not copy the link; here it is:', { id: 'conversation.linkNotCopied' }), error: true, link };
    }
  }

  #menuAction(run: () => unknown): () => void {
    return () => {
      this.#menu.close();
      run();
    };
  }

  #renderMenu(conversation: Conversation, contact: Contact | undefined, channel: Channel | undefined): TemplateResult {
    const open = this.#menu.open;
    const id = conversation.id;
    const item = (key: string, label: string, run: () => unknown) =>
      html`<button type="button" role="menuitem" part="menu-item" class="menu-item" tabindex="-1" data-item=${key} @click=${this.#menuAction(run)}>
        ${label}
      </button>`;
    const blocked = contact?.blocked === true;
    return html`<span class="menu-anchor">
      <button
        type="button"
        part="action menu-button"
        class="action menu-button"
        aria-haspopup="menu"
        aria-expanded=${String(open)}
        aria-controls="more-menu"
        @click=${() => this.#menu.toggle()}
        @keydown=${this.#menu.onButtonKeydown}
      >
        ${msg('More', { id: 'conversation.more' })}
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
        ${this.linkBuilder ? item('copy-link', msg('Copy link', { id: 'conversation.copyLink' }), () => this.#copyLink()) : nothing}
        ${item('transcript', msg('Send transcript', { id: 'conversation.transcript' }), () =>
          this.dispatchEvent(new ConversationTranscriptEvent(id)),
        )}
        ${channel?.kind === 'email'
          ? item('forward', msg('Forward', { id: 'conversation.forward' }), () => this.dispatchEvent(new ConversationForwardEvent(id)))
          : nothing}
        <div role="separator" class="separator"></div>
        ${conversation.trashedAt === null
          ? item('trash', msg('Trash', { id: 'conversation.trash' }), () => this.#command('trash'))
          : item('restore', msg('Restore from trash', { id: 'conversation.restore' }), () => this.#command('restore'))}
        ${conversation.spam
          ? item('not-spam', msg('Not spam', { id: 'conversation.notSpam' }), () => this.#command('unmarkSpam'))
          : item('spam', msg('Mark spam', { id: 'conversation.spam' }), () => this.#command('markSpam'))}
        ${blocked
          ? item('unblock', msg('Unblock sender', { id: 'conversation.unblock' }), () =>
              this.#dispatch('unblockContact', { contactId: conversation.contactId }),
            )
          : item('block', msg('Block sender', { id: 'conversation.block' }), () =>
              this.#dispatch('blockContact', { contactId: conversation.contactId }),
            )}
      </div>
    </span>`;
  }

  // ---- render ----

  #renderActions(store: InboxStore, conversation: Conversation, shown: Shown): TemplateResult {
    const ids = idsFor(this.#pickerIds, conversation.id);
    const done = conversation.status === 'done';
    const keys = (action: Action) => ariaKeys(this.keymap, action);
    return html`<div class="actions" part="actions" role="group" aria-label=${msg('Conversation actions', { id: 'conversation.actions' })}>
      <button type="button" part="action" class="action" data-action=${done ? 'reopen' : 'done'} aria-keyshortcuts=${keys('done')}
        @click=${() => this.#toggleDone()}>
        ${done ? msg('Reopen', { id: 'conversation.reopen' }) : msg('Done', { id: 'conversation.done' })}
      </button>
      <button type="button" part="action" class="action" data-action="unread" aria-keyshortcuts=${keys('unread')}
        ?disabled=${conversation.unread} @click=${() => this.#command('markUnread')}>
        ${msg('Unread', { id: 'conversation.unread' })}
      </button>
      <button type="button" part="action" class="action" data-action="waiting"
        ?disabled=${conversation.awaiting === 'contact'} @click=${() => this.#command('markWaiting')}>
        ${msg('Waiting', { id: 'conversation.waiting' })}
      </button>
      <snooze-picker .store=${store} .ids=${ids}></snooze-picker>
      <priority-picker .store=${store} .ids=${ids}></priority-picker>
      <label-picker .store=${store} .ids=${ids}></label-picker>
      <assignee-picker .store=${store} .ids=${ids}></assignee-picker>
      ${this.#renderMenu(conversation, shown.contact, shown.channel)}
    </div>`;
  }

  #renderNotice(): TemplateResult {
    const notice = this.notice;
    return html`<div class="notice${notice?.error ? ' notice--error' : ''}" part="notice" role="status">
      ${notice ? html`${notice.text} ${notice.link ? html`<span class="link">${notice.link}</span>` : nothing}` : nothing}
    </div>`;
  }

  #renderHeader(store: InboxStore, shown: Shown, conversation: Conversation): TemplateResult {
    const { model, contact, channel } = shown;
    const name = contact?.name ?? msg('Unknown contact', { id: 'conversation.unknownContact' });
    const lines = presenceLines(model, shown.presence);
    return html`<div class="header" part="header">
      <div class="top">
        ${this.back
          ? html`<button type="button" part="back" class="action back" aria-keyshortcuts=${ariaKeys(this.keymap, 'back')} @click=${() => this.#back()}>
              ${msg('Back', { id: 'conversation.back' })}
            </button>`
          : nothing}
        <div class="title">
          <h2 part="contact" class="contact">${name}</h2>
          ${conversation.subject ? html`<p part="subject" class="subject">${conversation.subject}</p>` : nothing}
        </div>
        <span class="channel" part="channel">${channel ? html`${channelIcon(channel.kind)}<span>${channel.name}</span>` : nothing}</span>
        <status-badge part="badge" state=${displayState(model, conversation, shown.userId)}></status-badge>
        <slot name="actions"></slot>
      </div>
      ${renderMeta(model, conversation)}
      ${this.#renderActions(store, conversation, shown)}
      <div class="presence" part="presence" role="status" aria-live="polite">
        ${lines.map((line) => html`<span class="presence-line">${line}</span>`)}
      </div>
      ${this.#renderNotice()}
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
          ? html`<button type="button" part="back" class="action back" @click=${() => this.#back()}>${msg('Back', { id: 'conversation.back' })}</button>`
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
      ${this.#renderHeader(store, shown, conversation)}
      <conversation-timeline
        part="timeline"
        conversation-id=${id}
        .store=${store}
        .linkBuilder=${this.linkBuilder}
        .remoteImages=${this.remoteImages}
      ></conversation-timeline>
      <message-composer part="composer" conversation-id=${id} .store=${store} .linkShortener=${this.linkShortener} mode="reply"></message-composer>
      ${this.noUndoToast ? nothing : html`<undo-toast .store=${store} .keymap=${this.keymap}></undo-toast>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'conversation-view': ConversationView;
  }
}

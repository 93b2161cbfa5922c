import { html, nothing, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg } from '@lit/localize';
import { InboxNoticeEvent } from '../../events/inbox-notice.js';
import { MessageLinkCopyEvent } from '../../events/timeline-message-link-copy.js';
import { getLocale } from '../../i18n/localization.js';
import type { Bot, Channel, Contact, Conversation, Id, Team, TimelineItem, User } from '../../model/types.js';
import type { InboxStore, StoreState, TimelinePaging } from '../../store/inbox-store.js';
import { chipsStyles } from '../../styles/controls.js';
import { avatarStyles } from '../shared/avatar.js';
import { callBadgeStyles } from '../shared/call-summary.js';
import { afterNextPaint } from '../../controllers/after-paint.js';
import { InboxElement } from '../shared/inbox-element.js';
import { TooltipController, tooltipStyles } from '../shared/tooltip.js';
import { styles } from './conversation-timeline.styles.js';
import { arrange, itemShowing } from './timeline-arrange.js';
import { renderItem, type ItemContext } from './timeline-items.js';
import { dayKey, formatDay } from './timeline-format.js';
import { TimelineKeys } from './timeline-keys.js';
import { TimelineNotesController } from './timeline-notes.controller.js';
import { TimelineScrollController } from './timeline-scroll.controller.js';

/** Items rendered when a conversation opens: the newest ones (a few screens' worth). */
export const TIMELINE_WINDOW = 24;

interface Slice {
  readonly id: Id | null;
  readonly ready: boolean;
  readonly userId: Id;
  readonly conversation: Conversation | undefined;
  readonly contact: Contact | undefined;
  readonly channel: Channel | undefined;
  readonly timeline: readonly TimelineItem[] | undefined;
  readonly paging: TimelinePaging | undefined;
  /** The deep-linked item, when this is the open conversation. */
  readonly focusedMessageId: Id | null;
  readonly users: ReadonlyMap<Id, User>;
  readonly bots: ReadonlyMap<Id, Bot>;
  readonly teams: ReadonlyMap<Id, Team>;
}

const sameSlice = (a: Slice, b: Slice): boolean =>
  (Object.keys(a) as (keyof Slice)[]).every((key) => Object.is(a[key], b[key]));

/**
 * @summary The timeline of one conversation: messages, calls, internal
 * comments, notes and history events in time order, with older history
 * loaded on scroll, deep links, "Copy link" and notes on messages.
 *
 * Follows the store's open conversation (`ui.openId`), or the one named by
 * `conversation-id`. Loads the newest page of the timeline when the
 * conversation changes and older pages as the reader scrolls up, keeping
 * the first visible item where it was; new items keep the view at the
 * bottom when it was there. Only the newest 24 items are rendered at
 * first, more as the reader scrolls up.
 *
 * A WAI-ARIA feed: one tab stop into it (the current item), Page Up / Page
 * Down (and the arrow keys, Home and End on an item) move between items,
 * Tab reaches the current item's actions. Comments and notes are marked
 * "Internal". Everything is text, except e-mail HTML, which is sanitized
 * (DOMPurify, loaded on first use) and shown in a shadow root of its own,
 * remote images held back until "Show images" (or `remote-images`); in dark
 * mode the e-mail's own text and background colours give way to the
 * inbox's (no light slab, text at the theme's contrast).
 *
 * Read calmly: each day has one heading and items show the time of day;
 * each message its sender's avatar and name, and its channel only when it
 * came another way than the conversation's (shown once, in the header);
 * calls one line with how they went ("Incoming · 4:12", "Missed call",
 * "Voicemail") as a status badge; history events one grey sentence ("Léa
 * took the conversation", "You assigned it to Diego"). A message's actions
 * (Copy link, Add note), icon buttons with their names and tooltips, show
 * while the pointer is on it or focus is in it.
 *
 * A deep link (`store.openConversation(id, messageId)`) loads pages until
 * the message is there, scrolls to it and highlights it (`aria-current`,
 * part `focused`) while it is the focused message. "Copy link" writes
 * `linkBuilder(conversationId, messageId)` to the clipboard and says so
 * with an `inbox-notice` event (alone, in its own status line). Notes:
 * "Add note" on a message; only a note's author sees Edit and Delete
 * (R20, `canChangeNote`); a note the backend refuses comes back in its
 * form with the text as typed.
 *
 * @fires message-link-copy - {MessageLinkCopyEvent} "Copy link" was used; `url`, `copied`.
 * @fires inbox-notice - {InboxNoticeEvent} "Link copied." (or that it could not be), for the inbox's toast region.
 *
 * @csspart scroller - The scrolling box.
 * @csspart feed - The feed (`role="feed"`).
 * @csspart item - Each item (an `<article>`), with `message`, `call`, `comment` or `event`, and `focused` on the deep-linked one.
 * @csspart day - The heading of a day, over its first item.
 * @csspart bubble - The body of a message, call or comment.
 * @csspart sender - The sender of a message, the author of a comment.
 * @csspart bot - The "Bot" badge of a bot's message.
 * @csspart channel-kind - "via SMS": a message that came another way than the conversation's channel.
 * @csspart channel - The channel kind's icon in it.
 * @csspart time - Each time shown.
 * @csspart body - A message's or comment's text.
 * @csspart email - The shadow-isolated container of an e-mail's HTML.
 * @csspart images-blocked - The notice that remote images are hidden.
 * @csspart show-images - Its "Show images" button.
 * @csspart attachments - A message's attachments.
 * @csspart attachment - One attachment.
 * @csspart attachment-name - Its file name.
 * @csspart internal - The "Internal" and "Internal note" badges.
 * @csspart mention - An @mention in a comment.
 * @csspart call-summary - A call's badge: how it went ("Incoming · 4:12", "Missed call", "Voicemail").
 * @csspart call-details - Who took or placed a call, and whether it was recorded.
 * @csspart event - A history event's sentence.
 * @csspart actions - A message's action buttons (shown on hover and focus).
 * @csspart copy-link - The "Copy link" icon button.
 * @csspart add-note - The "Add note" icon button.
 * @csspart notes - The notes under a message.
 * @csspart note - One note.
 * @csspart note-author - A note's author.
 * @csspart note-body - A note's text.
 * @csspart edited - "(edited)" on a note changed since it was written.
 * @csspart edit-note - A note's Edit button (its author only).
 * @csspart delete-note - A note's Delete button (its author only).
 * @csspart note-form - The form that adds or edits a note.
 * @csspart note-field - Its text field.
 * @csspart save-note - Its Save button.
 * @csspart cancel-note - Its Cancel button.
 * @csspart placeholder - What shows instead of items (loading, empty, no conversation).
 * @csspart history-status - "Loading older messages…" or "Start of the conversation".
 * @csspart tooltip - The tooltip of an icon button.
 *
 * @cssprop --inbox-timeline-inbound-background - Inbound message bubbles. Defaults to `--inbox-color-surface-raised`.
 * @cssprop --inbox-timeline-outbound-background - Outbound message bubbles. Defaults to a tint of `--inbox-color-accent`.
 * @cssprop --inbox-timeline-internal-color - Border and badge of internal items. Defaults to `--inbox-status-waiting` (amber).
 * @cssprop --inbox-timeline-internal-background - Background of internal items. Defaults to a tint of the internal colour.
 * @cssprop --inbox-timeline-highlight-color - The deep-linked message's outline. Defaults to `--inbox-color-accent`.
 * @cssprop --inbox-timeline-bubble-max-width - The widest a chat bubble gets. Defaults to `75%`.
 * @cssprop --inbox-timeline-email-background - The page an e-mail's HTML sits on. Defaults to white (the page e-mails are written for), `--inbox-color-surface` in dark mode.
 * @cssprop --inbox-timeline-email-color - An e-mail's text. Defaults to `#1f2328`, `--inbox-color-text` in dark mode.
 * @cssprop --inbox-timeline-email-link-color - An e-mail's links. Defaults to `#0a5fcc` (`#58a6ff` in dark mode).
 */
export class ConversationTimeline extends InboxElement {
  static override styles = [...(InboxElement.styles as []), chipsStyles, avatarStyles, callBadgeStyles, tooltipStyles, styles];

  static override properties: PropertyDeclarations = {
    conversationId: { attribute: 'conversation-id' },
    linkBuilder: { attribute: false },
    remoteImages: { type: Boolean, attribute: 'remote-images' },
  };

  /** The conversation to show; without it, the store's open conversation. */
  conversationId: Id | undefined;

  /** The host's URL for one message; "Copy link" shows only when set. */
  linkBuilder: ((conversationId: Id, messageId: Id) => string) | undefined;

  /** Show remote images in e-mails without asking. */
  remoteImages = false;

  readonly #data = this.select((state) => this.#select(state), sameSlice);
  readonly #tooltip = new TooltipController(this);

  readonly #scroll: TimelineScrollController = new TimelineScrollController(this, {
    window: TIMELINE_WINDOW,
    store: () => this.#store,
    current: () => this.#current(),
    conversation: () => this.#conversation,
    revealed: (id) => this.#keys.activate(id),
  });

  readonly #notes: TimelineNotesController = new TimelineNotesController(this, {
    store: () => this.#store,
    conversation: () => this.#conversation,
    timeline: () => this.#current()?.timeline ?? [],
    focusAfter: (target) => (this.#focusAfter = target),
    announce: (text) => (this.#status = text),
  });

  readonly #keys: TimelineKeys = new TimelineKeys(this, {
    store: () => this.#store,
    current: () => this.#current(),
    scroll: this.#scroll,
  });

  /** The conversation on screen; resets everything below when it changes. */
  #conversation: Id | null = null;
  #loadedFor: Id | null = null;
  #focusAfter: (() => HTMLElement | null | undefined) | null = null;

  readonly #shown = new Set<Id>();
  readonly #blocked = new Map<Id, number>();
  #status = '';
  #copiedId: Id | null = null;
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;

  #select(state: StoreState): Slice {
    const id = this.conversationId ?? state.ui.openId;
    const model = state.model;
    const conversation = id ? model.conversations.get(id) : undefined;
    return {
      id,
      ready: state.ready,
      userId: state.userId,
      conversation,
      contact: conversation ? model.contacts.get(conversation.contactId) : undefined,
      channel: conversation ? model.channels.get(conversation.channelId) : undefined,
      timeline: id ? model.timelines.get(id) : undefined,
      paging: id ? state.paging.get(id) : undefined,
      focusedMessageId: id && state.ui.openId === id ? state.ui.focusedMessageId : null,
      users: model.users,
      bots: model.bots,
      teams: model.teams,
    };
  }

  get #store(): InboxStore | undefined {
    return this.#data.store;
  }

  /** The slice as of now: the controller's may predate a new `conversation-id`. */
  #current(): Slice | undefined {
    const store = this.#store;
    return store ? this.#select(store.state) : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#copiedTimer);
  }

  protected override firstUpdated(): void {
    this.#scroll.observe();
  }

  /**
   * A conversation to show, first or another: the old one's items are hidden at once and
   * the new one's drawn after the next paint, so that the key or click that
   * opened it is answered within a frame (the header and the list's open row
   * show first) instead of after the whole timeline is built and laid out.
   */
  protected override scheduleUpdate() {
    const next = this.#current()?.id ?? null;
    if (next === null || next === this.#conversation) return super.scheduleUpdate();
    this.renderRoot.querySelector('.scroller')?.setAttribute('data-switching', '');
    return afterNextPaint().then(() => super.scheduleUpdate());
  }

  protected override willUpdate(): void {
    const id = this.#current()?.id ?? null;
    if (id !== this.#conversation) {
      this.#conversation = id;
      this.#reset();
    } else {
      this.#scroll.remeasure();
    }
  }

  #reset(): void {
    this.#scroll.reset();
    this.#keys.reset();
    this.#shown.clear();
    this.#blocked.clear();
    this.#notes.reset();
    this.#copiedId = null;
  }

  protected override updated(): void {
    this.renderRoot.querySelector('.scroller')?.removeAttribute('data-switching');
    const store = this.#store;
    const slice = this.#current();
    this.#notes.watch(store);
    if (store && slice?.id && slice.ready && slice.conversation && this.#loadedFor !== slice.id) {
      this.#loadedFor = slice.id;
      this.#scroll.loadNewest(store, slice);
    }
    this.#scroll.updated(slice);
    const focusAfter = this.#focusAfter;
    this.#focusAfter = null;
    // Focus moves after this update: moving it may make another item current.
    if (focusAfter) queueMicrotask(() => focusAfter()?.focus());
  }

  // ---- actions ----

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    if (target.localName === 'textarea') this.#notes.fieldKey(event, target as HTMLTextAreaElement);
    else this.#keys.onKeyDown(event);
  };

  readonly #onClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLElement>('button[data-action]');
    const id = button?.dataset['id'];
    if (button && id !== undefined) this.#act(button.dataset['action'] ?? '', id);
  };

  #act(action: string, id: Id): void {
    switch (action) {
      case 'copy-link':
        void this.#copyLink(id);
        return;
      case 'show-images':
        this.#shown.add(id);
        this.#focusAfter = () => this.#scroll.article(id);
        break;
      case 'retry-delivery':
        this.#retryDelivery(id);
        return;
      default:
        if (!this.#notes.act(action, id)) return;
    }
    this.requestUpdate();
  }

  /** R29: a failed delivery sent again; focus stays on the message, whose line now says "Sending…". */
  #retryDelivery(messageId: Id): void {
    const store = this.#store;
    const conversationId = this.#current()?.id;
    if (!store || !conversationId) return;
    store.dispatch('retryDelivery', { conversationId, itemId: messageId }, { undoable: false });
    this.#focusAfter = () => this.#scroll.article(messageId);
    this.requestUpdate();
  }

  // ---- links ----

  async #copyLink(messageId: Id): Promise<void> {
    const builder = this.linkBuilder;
    const conversationId = this.#conversation;
    if (!builder || !conversationId) return;
    const url = builder(conversationId, messageId);
    let copied: boolean;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      copied = this.#copyByHand(url);
    }
    this.#copiedId = copied ? messageId : null;
    const said = copied
      ? msg('Link copied.', { id: 'timeline.link.copiedStatus' })
      : msg('The link could not be copied.', { id: 'timeline.link.failed' });
    // Said in the inbox's toast region; alone, in this element's own status line.
    const notice = new InboxNoticeEvent(said, copied ? 'info' : 'error');
    this.dispatchEvent(notice);
    this.#status = notice.defaultPrevented ? '' : said;
    this.requestUpdate();
    clearTimeout(this.#copiedTimer);
    this.#copiedTimer = setTimeout(() => {
      this.#copiedId = null;
      this.requestUpdate();
    }, 2000);
    this.dispatchEvent(new MessageLinkCopyEvent(url, conversationId, messageId, copied));
  }

  /** Where the Clipboard API is missing or refused (an insecure page, a denied permission). */
  #copyByHand(text: string): boolean {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.cssText = 'position: fixed; opacity: 0; inset: 0 auto auto 0;';
    const active = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    this.renderRoot.appendChild(field);
    field.select();
    let copied: boolean;
    try {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the one fallback where the Clipboard API is unavailable
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    field.remove();
    active?.focus();
    return copied;
  }

  readonly #emailRendered = (messageId: Id, blocked: number): void => {
    if ((this.#blocked.get(messageId) ?? 0) === blocked) return;
    this.#blocked.set(messageId, blocked);
    this.requestUpdate();
  };

  // ---- rendering ----

  /** The items that open a day, with the day's heading: the first shown, and each after a change of date. */
  #days(shown: readonly TimelineItem[]): ReadonlyMap<Id, string> {
    const days = new Map<Id, string>();
    const locale = getLocale();
    const now = Date.now();
    let last = -1;
    for (const item of shown) {
      const key = dayKey(item.at);
      if (key !== last) days.set(item.id, formatDay(item.at, locale, now));
      last = key;
    }
    return days;
  }

  protected override render() {
    const slice = this.#current();
    const store = this.#store;
    const arranged = arrange(slice?.timeline);
    const items = arranged.items;
    const paging = slice?.paging;
    let placeholder: string | null = null;
    const loading = !slice?.ready || (items.length === 0 && (paging === undefined || paging.loading));
    if (!store || !slice?.id) placeholder = msg('No conversation is open.', { id: 'timeline.none' });
    else if (slice.ready && !slice.conversation) placeholder = msg('This conversation is not available.', { id: 'timeline.unavailable' });
    else if (loading) placeholder = msg('Loading the conversation…', { id: 'timeline.loading' });
    else if (items.length === 0) placeholder = msg('No messages yet.', { id: 'timeline.empty' });

    const start = this.#scroll.window(arranged);
    const shown = placeholder === null ? items.slice(start) : [];
    const hasOlder = start > 0 || paging?.hasMore !== false;
    const activeId = this.#keys.activeIn(arranged, start) ?? shown.at(-1)?.id ?? null;
    const focusedId = slice?.focusedMessageId ? (itemShowing(arranged, slice.focusedMessageId) ?? null) : null;
    const busy = Boolean(slice?.id) && (loading || Boolean(paging?.loading));
    const model = store?.state.model;
    const contact = slice?.contact;
    const ctx: ItemContext | null =
      slice && shown.length > 0
        ? {
            userId: slice.userId,
            people: { users: slice.users, bots: slice.bots, teams: slice.teams },
            days: this.#days(shown),
            contactName: (id) =>
              id === contact?.id
                ? contact.name
                : (model?.contacts.get(id)?.name ?? contact?.name ?? msg('Unknown contact', { id: 'timeline.unknownContact' })),
            channel: slice.channel,
            locale: getLocale(),
            notes: arranged.notes,
            setSize: hasOlder ? -1 : items.length,
            activeId,
            focusedId,
            canCopyLink: this.linkBuilder !== undefined,
            copiedId: this.#copiedId,
            showsImages: (id) => this.remoteImages || this.#shown.has(id),
            blockedImages: (id) => this.#blocked.get(id) ?? 0,
            emailRendered: this.#emailRendered,
            adding: this.#notes.adding,
            editing: this.#notes.editing,
            errors: this.#notes.errors,
          }
        : null;
    const olderLoading = Boolean(paging?.loading) && items.length > 0;
    const isFeed = shown.length > 0 || busy;
    return html`<div class="scroller" part="scroller" @scroll=${this.#scroll.onScroll}>
        ${olderLoading || (!hasOlder && shown.length > 0)
          ? html`<p class="edge" part="history-status">
              ${olderLoading
                ? msg('Loading older messages…', { id: 'timeline.loadingOlder' })
                : msg('Start of the conversation', { id: 'timeline.start' })}
            </p>`
          : nothing}
        <div
          class="feed"
          part="feed"
          role=${isFeed ? 'feed' : nothing}
          aria-label=${isFeed ? msg('Conversation timeline', { id: 'timeline.label' }) : nothing}
          aria-busy=${isFeed ? String(busy) : nothing}
          @keydown=${this.#onKeyDown}
          @focusin=${this.#keys.onFocusIn}
          @click=${this.#onClick}
          @input=${this.#notes.onInput}
        >
          ${ctx
            ? repeat(
                shown,
                (item) => item.id,
                (item, i) => renderItem(item, start + i + 1, ctx),
              )
            : nothing}
        </div>
        ${placeholder !== null ? html`<p class="placeholder" part="placeholder">${placeholder}</p>` : nothing}
      </div>
      <div class="visually-hidden" role="status">${this.#status}</div>
      ${this.#tooltip.render()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'conversation-timeline': ConversationTimeline;
  }
}

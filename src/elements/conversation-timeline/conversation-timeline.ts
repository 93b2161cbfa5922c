import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg } from '@lit/localize';
import { filter, firstValueFrom, type Subscription } from 'rxjs';
import { StoreController } from '../../controllers/store.controller.js';
import { MessageLinkCopyEvent } from '../../events/timeline-message-link-copy.js';
import { getLocale } from '../../i18n/localization.js';
import type { Refusal } from '../../model/events.js';
import { newId } from '../../model/ids.js';
import type { Bot, Channel, Contact, Conversation, Id, Team, TimelineItem, User } from '../../model/types.js';
import type { InboxStore, StoreError, StoreState, TimelinePaging } from '../../store/inbox-store.js';
import { hostStyles } from '../../styles/host-styles.js';
import { tokens } from '../../styles/tokens.js';
import { styles } from './conversation-timeline.styles.js';
import { arrange, domId, itemShowing, type Arranged } from './timeline-arrange.js';
import { renderItem, type ItemContext } from './timeline-items.js';

/** Items rendered when a conversation opens: the newest ones (a few screens' worth). */
export const TIMELINE_WINDOW = 24;
/** Items added above when the reader nears the top. */
const STEP = 40;
/** Pixels from the top at which older items are rendered or loaded. */
const NEAR_TOP = 320;
/** Pixels from the bottom that still count as "at the bottom" (new items keep it in view). */
const AT_BOTTOM = 24;

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

type PendingNote =
  | { readonly kind: 'add' | 'edit'; readonly key: Id; readonly body: string }
  | { readonly kind: 'delete'; readonly key: Id };

function refusalMessage(refusal: Refusal): string {
  switch (refusal.code) {
    case 'invalid':
      return msg('A note cannot be empty.', { id: 'timeline.note.invalid' });
    case 'forbidden':
      return msg('Only its author can change a note.', { id: 'timeline.note.forbidden' });
    case 'not-found':
      return msg('This message or note no longer exists.', { id: 'timeline.note.notFound' });
    default:
      return msg('The note could not be saved. Try again.', { id: 'timeline.note.failed' });
  }
}

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
 * remote images held back until "Show images" (or `remote-images`).
 *
 * A deep link (`store.openConversation(id, messageId)`) loads pages until
 * the message is there, scrolls to it and highlights it (`aria-current`,
 * part `focused`) while it is the focused message. "Copy link" writes
 * `linkBuilder(conversationId, messageId)` to the clipboard. Notes:
 * "Add note" under a message; only a note's author sees Edit and Delete
 * (R20, `canChangeNote`); a note the backend refuses comes back in its
 * form with the text as typed.
 *
 * @fires message-link-copy - {MessageLinkCopyEvent} "Copy link" was used; `url`, `copied`.
 *
 * @csspart scroller - The scrolling box.
 * @csspart feed - The feed (`role="feed"`).
 * @csspart item - Each item (an `<article>`), with `message`, `call`, `comment` or `event`, and `focused` on the deep-linked one.
 * @csspart bubble - The body of a message, call or comment.
 * @csspart sender - The sender of a message, the author of a comment.
 * @csspart bot - The "Bot" badge of a bot's message.
 * @csspart channel-kind - A message's channel kind (icon and name).
 * @csspart channel - The channel kind's icon (of a message or a call).
 * @csspart channel-name - The name of the conversation's channel.
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
 * @csspart call-summary - A call's direction and outcome.
 * @csspart call-details - A call's duration, agent and recording.
 * @csspart event - A history event's sentence.
 * @csspart actions - A message's action buttons.
 * @csspart copy-link - The "Copy link" button.
 * @csspart add-note - The "Add note" button.
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
 *
 * @cssprop --inbox-timeline-inbound-background - Inbound message bubbles. Defaults to `--inbox-color-surface-raised`.
 * @cssprop --inbox-timeline-outbound-background - Outbound message bubbles. Defaults to a tint of `--inbox-color-accent`.
 * @cssprop --inbox-timeline-internal-color - Border and badge of internal items. Defaults to `--inbox-status-waiting` (amber).
 * @cssprop --inbox-timeline-internal-background - Background of internal items. Defaults to a tint of the internal colour.
 * @cssprop --inbox-timeline-highlight-color - The deep-linked message's outline. Defaults to `--inbox-color-accent`.
 * @cssprop --inbox-timeline-bubble-max-width - The widest a chat bubble gets. Defaults to `75%`.
 * @cssprop --inbox-timeline-email-background - The page an e-mail's HTML sits on, light in both themes (e-mails are written for one). Defaults to `#ffffff`.
 * @cssprop --inbox-timeline-email-color - An e-mail's text. Defaults to `#1f2328`.
 * @cssprop --inbox-timeline-email-link-color - An e-mail's links. Defaults to `#0a5fcc`.
 */
@localized()
export class ConversationTimeline extends LitElement {
  static override styles = [tokens, hostStyles, styles];

  /** The store; by default the nearest `<inbox-provider>`'s. */
  @property({ attribute: false }) store: InboxStore | undefined;

  /** The conversation to show; without it, the store's open conversation. */
  @property({ attribute: 'conversation-id' }) conversationId: Id | undefined;

  /** The host's URL for one message; "Copy link" shows only when set. */
  @property({ attribute: false }) linkBuilder: ((conversationId: Id, messageId: Id) => string) | undefined;

  /** Show remote images in e-mails without asking. */
  @property({ type: Boolean, attribute: 'remote-images' }) remoteImages = false;

  readonly #data = new StoreController(this, (state) => this.#select(state), sameSlice);

  /** The conversation on screen; resets everything below when it changes. */
  #conversation: Id | null = null;
  #loadedFor: Id | null = null;
  /** The oldest item rendered (the window runs from it to the newest). */
  #firstId: Id | null = null;
  /** The item that holds the feed's tab stop. */
  #activeId: Id | null = null;
  /** The view follows new items while the reader is at the bottom. */
  #stuck = true;
  #scrollTop = 0;
  /** The first visible item and its distance from the top of the scroller. */
  #anchor: { id: Id; offset: number } | null = null;
  /** The deep link being followed, and the item to centre after the next render. */
  #seekFor: Id | null = null;
  #revealId: Id | null = null;
  #recenter: { id: Id; until: number } | null = null;
  #growScheduled = false;
  #focusAfter: (() => HTMLElement | null | undefined) | null = null;

  readonly #shown = new Set<Id>();
  readonly #blocked = new Map<Id, number>();
  readonly #adding = new Map<Id, string>();
  readonly #editing = new Map<Id, string>();
  readonly #errors = new Map<Id, string>();
  readonly #pending = new Map<Id, PendingNote>();
  #status = '';
  #copiedId: Id | null = null;
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;

  #errorsStore: InboxStore | undefined;
  #errorsSubscription: Subscription | undefined;
  #resize: ResizeObserver | undefined;

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

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(() => this.#onResize());
    if (this.hasUpdated) this.#observe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = undefined;
    this.#errorsSubscription?.unsubscribe();
    this.#errorsSubscription = undefined;
    this.#errorsStore = undefined;
    clearTimeout(this.#copiedTimer);
  }

  protected override firstUpdated(): void {
    this.#observe();
  }

  #observe(): void {
    const scroller = this.#scroller();
    const feed = this.renderRoot.querySelector('.feed');
    if (scroller) this.#resize?.observe(scroller);
    if (feed) this.#resize?.observe(feed);
  }

  protected override willUpdate(): void {
    const id = this.#current()?.id ?? null;
    if (id !== this.#conversation) {
      this.#conversation = id;
      this.#reset();
    } else if (this.hasUpdated && this.#revealId === null && this.#scroller()?.scrollTop !== this.#scrollTop) {
      // The reader scrolled since the last measure (its scroll event is still to come). Otherwise
      // the last measure stands: content that grew since (an e-mail's HTML) must not become the
      // new normal. (A deep link being revealed has already decided where the view goes.)
      this.#measure();
    }
  }

  #reset(): void {
    this.#firstId = null;
    this.#activeId = null;
    this.#stuck = true;
    this.#anchor = null;
    this.#seekFor = null;
    this.#revealId = null;
    this.#recenter = null;
    this.#shown.clear();
    this.#blocked.clear();
    this.#adding.clear();
    this.#editing.clear();
    this.#errors.clear();
    this.#copiedId = null;
  }

  protected override updated(): void {
    const store = this.#store;
    const slice = this.#current();
    if (store !== this.#errorsStore) {
      this.#errorsSubscription?.unsubscribe();
      this.#errorsStore = store;
      this.#errorsSubscription = store?.errors$.subscribe((error) => this.#onError(error));
    }
    if (store && slice?.id && slice.ready && slice.conversation && this.#loadedFor !== slice.id) {
      this.#loadedFor = slice.id;
      this.#loadNewest(store, slice);
    }
    const focus = slice?.focusedMessageId ?? null;
    if (focus !== this.#seekFor) {
      this.#seekFor = focus;
      const id = slice?.id;
      if (focus && id) queueMicrotask(() => void this.#seek(id, focus));
    }
    if (this.#revealId !== null && this.#article(this.#revealId)) {
      this.#recenter = { id: this.#revealId, until: performance.now() + 1500 };
      this.#center(this.#revealId);
      this.#revealId = null;
    } else {
      this.#restore();
      this.#measure();
    }
    const focusAfter = this.#focusAfter;
    this.#focusAfter = null;
    // Focus moves after this update: moving it may make another item current.
    if (focusAfter) queueMicrotask(() => focusAfter()?.focus());
    this.#scheduleGrow();
  }

  /**
   * The newest page, when the store may not have it: never loaded (or reset
   * by a snapshot; once loaded, the live stream keeps it current). With
   * items to show already (they came live), after the first paint.
   */
  #loadNewest(store: InboxStore, slice: Slice): void {
    const id = slice.id;
    if (!id || slice.paging) return;
    const load = () => {
      if (this.#conversation === id && !store.state.paging.get(id)) void store.loadTimeline(id);
    };
    // Not inside this update: loading changes the store, which updates this element.
    if (!slice.timeline?.length) queueMicrotask(load);
    else requestAnimationFrame(() => setTimeout(load));
  }

  // ---- scrolling ----

  #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  #article(id: Id): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#${domId(id)}`);
  }

  /** Remembers whether the view is at the bottom and which item is at its top. */
  #measure(): void {
    const scroller = this.#scroller();
    if (!scroller) return;
    this.#scrollTop = scroller.scrollTop;
    this.#stuck = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= AT_BOTTOM;
    const top = scroller.getBoundingClientRect().top;
    // Items are in vertical order: the first one whose bottom is below the top, by bisection.
    const list = this.renderRoot.querySelectorAll<HTMLElement>('.feed > article');
    let low = 0;
    let high = list.length - 1;
    let first: HTMLElement | null = null;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const article = list[middle]!;
      if (article.getBoundingClientRect().bottom > top + 1) {
        first = article;
        high = middle - 1;
      } else {
        low = middle + 1;
      }
    }
    this.#anchor = first ? { id: first.dataset['id'] ?? '', offset: first.getBoundingClientRect().top - top } : null;
  }

  /** Puts the view back: at the bottom if it was, else the anchor item where it was. */
  #restore(): void {
    const scroller = this.#scroller();
    if (!scroller) return;
    if (this.#stuck) {
      scroller.scrollTop = scroller.scrollHeight;
      return;
    }
    const anchor = this.#anchor;
    const element = anchor && this.#article(anchor.id);
    if (!anchor || !element) return;
    const delta = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top - anchor.offset;
    if (Math.abs(delta) >= 1) scroller.scrollTop += delta;
  }

  #center(id: Id): void {
    const scroller = this.#scroller();
    const element = this.#article(id);
    if (!scroller || !element) return;
    const box = scroller.getBoundingClientRect();
    const rect = element.getBoundingClientRect();
    scroller.scrollTop += rect.top - box.top - Math.max(0, (box.height - rect.height) / 2);
    this.#measure();
  }

  #onResize(): void {
    const recenter = this.#recenter;
    if (recenter && performance.now() < recenter.until) {
      this.#center(recenter.id);
    } else {
      this.#restore();
      this.#measure();
    }
  }

  readonly #onScroll = (): void => {
    this.#measure();
    if (this.#recenter && performance.now() >= this.#recenter.until) this.#recenter = null;
    this.#scheduleGrow();
  };

  /** Renders or loads older items when the reader is near the top (or the items do not fill the view). */
  #scheduleGrow(): void {
    if (this.#growScheduled) return;
    this.#growScheduled = true;
    requestAnimationFrame(() => {
      this.#growScheduled = false;
      const scroller = this.#scroller();
      if (scroller && this.isConnected && scroller.scrollTop < NEAR_TOP) this.#growUp();
    });
  }

  #startIn(arranged: Arranged): number {
    const start = this.#firstId === null ? undefined : arranged.index.get(this.#firstId);
    return start ?? Math.max(0, arranged.items.length - TIMELINE_WINDOW);
  }

  #growUp(): void {
    const store = this.#store;
    const slice = this.#current();
    if (!store || !slice?.id || !slice.paging || slice.paging.loading) return;
    const arranged = arrange(slice.timeline);
    const start = this.#startIn(arranged);
    if (start > 0) {
      this.#firstId = arranged.items[Math.max(0, start - STEP)]!.id;
      this.requestUpdate();
    } else if (slice.paging.hasMore) {
      void store.loadTimeline(slice.id, { older: true });
    }
  }

  // ---- deep links ----

  /** Loads older pages until `itemId` is there, then shows it. */
  async #seek(conversationId: Id, itemId: Id): Promise<void> {
    const store = this.#store;
    if (!store) return;
    for (let pages = 0; pages < 10_000; pages++) {
      if (this.#conversation !== conversationId || this.#seekFor !== itemId || !this.isConnected) return;
      const timeline = store.state.model.timelines.get(conversationId);
      const arranged = arrange(timeline);
      const target = itemShowing(arranged, itemId);
      if (target !== undefined) {
        this.#reveal(target, arranged);
        return;
      }
      const paging = store.state.paging.get(conversationId);
      if (!paging || paging.loading) {
        const settled = await firstValueFrom(
          store.select((state) => state.paging.get(conversationId)).pipe(filter((p) => p !== undefined && !p.loading)),
        ).then(
          () => true,
          () => false,
        );
        if (!settled) return;
        continue;
      }
      if (!paging.hasMore) return;
      await store.loadTimeline(conversationId, { older: true });
      // Another load was under way (scrolling): wait for it on the next turn.
      if (store.state.paging.get(conversationId)?.loading) continue;
      // A page that brought nothing (a transport error) ends the search.
      if (store.state.model.timelines.get(conversationId) === timeline) return;
    }
  }

  #reveal(target: Id, arranged: Arranged): void {
    const index = arranged.index.get(target) ?? 0;
    if (index < this.#startIn(arranged)) this.#firstId = arranged.items[Math.max(0, index - 5)]!.id;
    this.#activeId = target;
    this.#revealId = target;
    this.#stuck = false;
    this.requestUpdate();
  }

  // ---- keyboard and focus (the feed pattern) ----

  readonly #onFocusIn = (event: FocusEvent): void => {
    const article = (event.target as Element).closest<HTMLElement>('.feed > article');
    const id = article?.dataset['id'];
    if (id !== undefined && id !== this.#activeId) {
      this.#activeId = id;
      this.requestUpdate();
    }
  };

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    if (target.localName === 'textarea') {
      this.#fieldKey(event, target as HTMLTextAreaElement);
      return;
    }
    const article = target.closest<HTMLElement>('.feed > article');
    const id = article?.dataset['id'];
    if (!article || id === undefined) return;
    const onItem = target === article;
    let move: number | 'first' | 'last' | null = null;
    if (event.key === 'PageDown' || (onItem && event.key === 'ArrowDown')) move = 1;
    else if (event.key === 'PageUp' || (onItem && event.key === 'ArrowUp')) move = -1;
    else if (onItem && event.key === 'Home') move = 'first';
    else if (onItem && event.key === 'End') move = 'last';
    if (move === null || event.altKey || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    void this.#move(id, move);
  };

  async #move(from: Id, move: number | 'first' | 'last'): Promise<void> {
    const store = this.#store;
    const slice = this.#current();
    if (!store || !slice?.id) return;
    let arranged = arrange(slice.timeline);
    let index = arranged.index.get(from);
    if (index === undefined) return;
    let to = move === 'first' ? 0 : move === 'last' ? arranged.items.length - 1 : index + move;
    if (to < 0 && slice.paging?.hasMore && !slice.paging.loading) {
      await store.loadTimeline(slice.id, { older: true });
      arranged = arrange(store.state.model.timelines.get(slice.id));
      index = arranged.index.get(from) ?? 0;
      to = index - 1;
    }
    const item = arranged.items[to];
    if (!item) return;
    if (to < this.#startIn(arranged)) this.#firstId = arranged.items[Math.max(0, to - STEP)]!.id;
    this.#activeId = item.id;
    this.requestUpdate();
    await this.updateComplete;
    this.#article(item.id)?.focus();
  }

  #fieldKey(event: KeyboardEvent, field: HTMLTextAreaElement): void {
    const id = field.dataset['id'];
    if (id === undefined) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      this.#act(field.dataset['save'] ?? '', id);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#act(field.dataset['cancel'] ?? '', id);
    }
  }

  readonly #onInput = (event: Event): void => {
    const field = event.target as HTMLTextAreaElement;
    const id = field.dataset['id'];
    if (field.localName !== 'textarea' || id === undefined) return;
    (field.dataset['save'] === 'save-edit' ? this.#editing : this.#adding).set(id, field.value);
  };

  readonly #onClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLElement>('button[data-action]');
    const id = button?.dataset['id'];
    if (button && id !== undefined) this.#act(button.dataset['action'] ?? '', id);
  };

  #query(selector: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(selector);
  }

  #button(action: string, id: Id): () => HTMLElement | null {
    return () => this.#query(`[data-action="${action}"][data-id="${CSS.escape(id)}"]`);
  }

  #act(action: string, id: Id): void {
    switch (action) {
      case 'copy-link':
        void this.#copyLink(id);
        return;
      case 'show-images':
        this.#shown.add(id);
        this.#focusAfter = () => this.#article(id);
        break;
      case 'add-note':
        this.#adding.set(id, '');
        this.#focusAfter = () => this.#query(`#${domId(id)}-new`);
        break;
      case 'cancel-note':
        this.#adding.delete(id);
        this.#errors.delete(id);
        this.#focusAfter = this.#button('add-note', id);
        break;
      case 'save-note':
        this.#saveNote(id);
        break;
      case 'edit-note': {
        const note = this.#note(id);
        if (!note) return;
        this.#editing.set(id, note.body);
        this.#errors.delete(id);
        this.#focusAfter = () => this.#query(`#${domId(id)}-edit`);
        break;
      }
      case 'cancel-edit':
        this.#editing.delete(id);
        this.#errors.delete(id);
        this.#focusAfter = this.#button('edit-note', id);
        break;
      case 'save-edit':
        this.#saveEdit(id);
        break;
      case 'delete-note':
        this.#deleteNote(id);
        break;
      default:
        return;
    }
    this.requestUpdate();
  }

  // ---- notes (R20) ----

  #note(id: Id) {
    const timeline = this.#current()?.timeline ?? [];
    const item = timeline.find((candidate) => candidate.id === id);
    return item?.type === 'note' ? item : undefined;
  }

  #saveNote(messageId: Id): void {
    const store = this.#store;
    const conversationId = this.#conversation;
    if (!store || !conversationId) return;
    const body = this.#adding.get(messageId) ?? '';
    const result = store.dispatch('addNote', { conversationId, itemId: newId('note'), messageId, body }, { undoable: false });
    if (!result.ok) {
      this.#errors.set(messageId, refusalMessage(result.refusal));
      this.#focusAfter = () => this.#query(`#${domId(messageId)}-new`);
      return;
    }
    this.#pending.set(result.command.id, { kind: 'add', key: messageId, body });
    this.#adding.delete(messageId);
    this.#errors.delete(messageId);
    this.#status = msg('Note added.', { id: 'timeline.note.added' });
    this.#focusAfter = this.#button('add-note', messageId);
  }

  #saveEdit(noteId: Id): void {
    const store = this.#store;
    const conversationId = this.#conversation;
    if (!store || !conversationId) return;
    const body = this.#editing.get(noteId) ?? '';
    const result = store.dispatch('editNote', { conversationId, itemId: noteId, body }, { undoable: false });
    if (!result.ok) {
      this.#errors.set(noteId, refusalMessage(result.refusal));
      this.#focusAfter = () => this.#query(`#${domId(noteId)}-edit`);
      return;
    }
    this.#pending.set(result.command.id, { kind: 'edit', key: noteId, body });
    this.#editing.delete(noteId);
    this.#errors.delete(noteId);
    this.#status = msg('Note saved.', { id: 'timeline.note.saved' });
    this.#focusAfter = this.#button('edit-note', noteId);
  }

  #deleteNote(noteId: Id): void {
    const store = this.#store;
    const conversationId = this.#conversation;
    const note = this.#note(noteId);
    if (!store || !conversationId || !note) return;
    const result = store.dispatch('deleteNote', { conversationId, itemId: noteId }, { undoable: false });
    if (!result.ok) {
      this.#errors.set(noteId, refusalMessage(result.refusal));
      return;
    }
    this.#pending.set(result.command.id, { kind: 'delete', key: noteId });
    this.#status = msg('Note deleted.', { id: 'timeline.note.deleted' });
    this.#focusAfter = () => this.#article(note.messageId);
  }

  /** A note command the backend refused: the store rolled it back; the text comes back as typed. */
  #onError(error: StoreError): void {
    if (error.kind !== 'rejected') return;
    const pending = this.#pending.get(error.command.id);
    if (!pending) return;
    this.#pending.delete(error.command.id);
    if (pending.kind === 'add' && !this.#adding.get(pending.key)) this.#adding.set(pending.key, pending.body);
    if (pending.kind === 'edit' && !this.#editing.get(pending.key)) this.#editing.set(pending.key, pending.body);
    const text = refusalMessage(error.refusal);
    this.#errors.set(pending.key, text);
    this.#status = text;
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
    this.#status = copied
      ? msg('Link copied.', { id: 'timeline.link.copiedStatus' })
      : msg('The link could not be copied.', { id: 'timeline.link.failed' });
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

    let start = this.#startIn(arranged);
    // Reading the newest items: what scrolled far out of view above need not stay rendered.
    if (this.#stuck && this.#revealId === null && this.#scrollTop > NEAR_TOP && items.length - start > 2 * TIMELINE_WINDOW) {
      start = items.length - TIMELINE_WINDOW;
    }
    this.#firstId = items[start]?.id ?? null;
    const shown = placeholder === null ? items.slice(start) : [];
    const hasOlder = start > 0 || paging?.hasMore !== false;
    const activeId =
      this.#activeId !== null && (arranged.index.get(this.#activeId) ?? -1) >= start ? this.#activeId : (shown.at(-1)?.id ?? null);
    const focusedId = slice?.focusedMessageId ? (itemShowing(arranged, slice.focusedMessageId) ?? null) : null;
    const busy = Boolean(slice?.id) && (loading || Boolean(paging?.loading));
    const model = store?.state.model;
    const contact = slice?.contact;
    const ctx: ItemContext | null =
      slice && shown.length > 0
        ? {
            userId: slice.userId,
            people: { users: slice.users, bots: slice.bots, teams: slice.teams },
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
            adding: this.#adding,
            editing: this.#editing,
            errors: this.#errors,
          }
        : null;
    const olderLoading = Boolean(paging?.loading) && items.length > 0;
    const isFeed = shown.length > 0 || busy;
    return html`<div class="scroller" part="scroller" @scroll=${this.#onScroll}>
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
          @focusin=${this.#onFocusIn}
          @click=${this.#onClick}
          @input=${this.#onInput}
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
      <div class="visually-hidden" role="status">${this.#status}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'conversation-timeline': ConversationTimeline;
  }
}

import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { localized, msg, str } from '@lit/localize';
import type { Subscription } from 'rxjs';
import { StoreController } from '../../controllers/store.controller.js';
import { DEV_MODE, devWarn } from '../../dev-mode.js';
import { ComposerSendEvent } from '../../events/composer-send.js';
import { replyChannels } from '../../model/channels.js';
import type { Command } from '../../model/commands.js';
import type { Refusal } from '../../model/events.js';
import { newId } from '../../model/ids.js';
import { insertMention, mentionCandidates, mentionQueryAt, mentionsIn } from '../../model/mentions.js';
import type { Attachment, Channel, Contact, Conversation, Id, InboxState, User } from '../../model/types.js';
import {
  clearDraft,
  defaultDraftStorage,
  isEmptyDraft,
  loadDraft,
  saveDraft,
  type Draft,
  type DraftAddress,
} from '../../store/drafts.js';
import type { InboxStore, StoreError, StoreState } from '../../store/inbox-store.js';
import type { PendingCommand } from '../../store/pending.js';
import { hostStyles } from '../../styles/host-styles.js';
import { tokens } from '../../styles/tokens.js';
import { channelLabel } from '../inbox-list/channel-icons.js';
import { COMPOSER_MODES, failureMessage, fileSize, isComposerMode, modeLabel, sendShortcut, type ComposerMode } from './composer-labels.js';
import { findLinks, shortenLinks, type LinkShortener } from './links.js';
import { styles } from './message-composer.styles.js';
import { TypingPresence } from './typing-presence.js';

export { COMPOSER_MODES, type ComposerMode, type LinkShortener };

/** What the composer reads from the store; it re-renders only when one of these changes. */
interface Slice {
  readonly userId: Id;
  readonly conversationId: Id | null;
  readonly conversation: Conversation | undefined;
  readonly contact: Contact | undefined;
  readonly channels: InboxState['channels'];
  readonly users: InboxState['users'];
  readonly pending: readonly PendingCommand[];
  readonly ready: boolean;
  readonly offline: boolean;
}

const sameSlice = (a: Slice, b: Slice): boolean =>
  a.userId === b.userId &&
  a.conversationId === b.conversationId &&
  a.conversation === b.conversation &&
  a.contact === b.contact &&
  a.channels === b.channels &&
  a.users === b.users &&
  a.pending === b.pending &&
  a.ready === b.ready &&
  a.offline === b.offline;

/** One file of the reply: uploading, uploaded (with its Attachment) or failed. */
interface Upload {
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly state: 'uploading' | 'done' | 'failed';
  /** Kept to retry a failed upload; absent for attachments restored from a draft. */
  readonly file?: File | undefined;
  readonly attachment?: Attachment | undefined;
  readonly error?: string | undefined;
}

/** A reply or comment as it was sent, to confirm it, restore it or send it again. */
interface Outgoing {
  readonly conversationId: Id;
  readonly mode: ComposerMode;
  readonly itemId: Id;
  /** What the person wrote (restored on failure). */
  readonly body: string;
  /** What went out: the body with its links shortened. */
  readonly sentBody: string;
  readonly attachments: readonly Attachment[];
  readonly channelId?: Id | undefined;
}

interface Failure {
  readonly outgoing: Outgoing;
  readonly refusal: Refusal;
  /** The text went back into the composer (or its draft): Retry sends the composer's content. */
  readonly restored: boolean;
}

interface MentionState {
  readonly start: number;
  readonly query: string;
  readonly options: readonly User[];
  readonly active: number;
}

const SAVE_DELAY = 400;
const supportsPopover = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;
let nextAnchor = 0;

const sameAddress = (a: DraftAddress | null, b: DraftAddress | null): boolean =>
  a === b ||
  (a !== null && b !== null && a.userId === b.userId && a.conversationId === b.conversationId && a.mode === b.mode);

const hasText = (text: string): boolean => /\S/.test(text);

const isOutgoingCommand = (command: Command): command is Command<'reply' | 'comment'> =>
  command.type === 'reply' || command.type === 'comment';

const doneAttachments = (uploads: readonly Upload[]): readonly Attachment[] =>
  uploads.flatMap((u) => (u.state === 'done' && u.attachment ? [u.attachment] : []));

const uploadOf = (attachment: Attachment): Upload => ({
  key: `att-${attachment.id}`,
  name: attachment.name,
  size: attachment.size,
  state: 'done',
  attachment,
});

/**
 * @summary The composer at the bottom of a conversation: a reply to the
 * contact on the conversation's channel or another channel of theirs, or an
 * internal comment with @mentions for the team.
 *
 * Two modes in a tab list, "Reply" and "Internal comment" (the comment mode
 * has a yellow surface and an "Internal" label). Ctrl+Enter (⌘+Enter) or
 * the Send button dispatches `reply` (R2) or `comment` (R20); Enter alone is
 * a new line. In a reply, a select switches the channel among those that
 * reach the contact (model `replyChannels`: chat to e-mail), files come by
 * the attach button, drag and drop or paste and upload through the
 * transport (`store.upload`), and an optional `linkShortener` rewrites the
 * links before sending. In a comment, typing `@` opens a list of active
 * teammates (arrows, Enter or Tab to pick, Esc to close) and the mentioned
 * users go with the comment.
 *
 * Drafts are kept per user, conversation and mode in localStorage (saved as
 * one types, after a short pause) and restored on reload, remount and when
 * coming back to a conversation; a draft stays until the backend confirms
 * the send. A refused send shows why in an alert, puts the text back (unless
 * something new was typed meanwhile) and offers Retry. While the person
 * types, the other agents are told (R17, `store.setPresence`).
 *
 * Keystrokes touch neither the store nor the render: the text lives in the
 * textarea until it is sent.
 *
 * @fires composer-send - {ComposerSendEvent} A reply or comment was dispatched (optimistically applied).
 *
 * @csspart base - The composer's surface.
 * @csspart tabs - The mode switch (a tab list).
 * @csspart tab - One mode tab.
 * @csspart panel - The tab panel around the field and actions.
 * @csspart internal-label - The "Internal" label of comment mode.
 * @csspart via - The "Send via" row of reply mode.
 * @csspart channel - The channel select.
 * @csspart textarea - The text field.
 * @csspart mentions - The @mention suggestion list.
 * @csspart mention - One suggestion; `mention-active` marks the highlighted one.
 * @csspart attachments - The list of attachment chips.
 * @csspart attachment - One attachment chip.
 * @csspart error - The failed-send alert.
 * @csspart retry - Its Retry button.
 * @csspart dismiss - Its Dismiss button.
 * @csspart actions - The row of the attach button, status and Send.
 * @csspart attach - The attach button.
 * @csspart status - The status line (sending, uploading, offline).
 * @csspart hint - The shortcut hint.
 * @csspart send - The Send button.
 * @csspart empty - The text shown when there is no conversation to write in.
 *
 * @cssprop --inbox-composer-background - Surface in reply mode. Defaults to `--inbox-color-surface`.
 * @cssprop --inbox-composer-internal-background - Surface in comment mode. Defaults to a pale yellow (a dark olive in dark mode).
 * @cssprop --inbox-composer-internal-border - Border and label outline of comment mode. Defaults to amber.
 * @cssprop --inbox-composer-min-height - Minimum height of the text field. Defaults to `4.5rem`.
 * @cssprop --inbox-composer-max-height - Height the text field grows to before scrolling. Defaults to `16rem`.
 * @cssprop --inbox-composer-send-background - The Send button. Defaults to `--inbox-color-accent`.
 * @cssprop --inbox-composer-send-color - Text of the Send button. Defaults to white (dark text in dark mode).
 * @cssprop --inbox-composer-mentions-background - The mention list. Defaults to `--inbox-color-surface`.
 *
 * @cssstate internal - Comment mode.
 * @cssstate sending - A send of this conversation awaits the backend.
 * @cssstate failed - A send of this conversation was refused.
 * @cssstate can-send - There is something to send.
 * @cssstate dragover - Files are dragged over the composer.
 */
@localized()
export class MessageComposer extends LitElement {
  static override styles = [tokens, hostStyles, styles];

  /** The store; by default the nearest `<inbox-provider>`'s. */
  @property({ attribute: false }) store: InboxStore | undefined;

  /** The conversation written in; absent, the store's open conversation (`ui.openId`). */
  @property({ attribute: 'conversation-id' }) conversationId: Id | undefined;

  /** `reply` (to the contact) or `comment` (internal, for the team). */
  @property({ reflect: true }) mode: ComposerMode = 'reply';

  /**
   * Rewrites each http(s) link of a reply before it is sent (a Bitly-like
   * hook). A link it fails on, or takes over 5 s for, goes as typed.
   */
  @property({ attribute: false }) linkShortener: LinkShortener | undefined;

  @state() private hasText = false;
  @state() private uploads: readonly Upload[] = [];
  /** The reply channel picked, or null for the conversation's own. */
  @state() private channelChoice: Id | null = null;
  @state() private mention: MentionState | null = null;
  @state() private failures: ReadonlyMap<Id, Failure> = new Map();
  /** Links are being shortened before a send. */
  @state() private busy = false;
  @state() private dragging = false;
  /** A one-off message for the status line. */
  @state() private notice = '';

  readonly #data = new StoreController<Slice>(this, (s) => this.#select(s), sameSlice);
  readonly #internals = this.attachInternals();
  readonly #typing = new TypingPresence();
  readonly #anchor = `--inbox-composer-${String(++nextAnchor)}`;
  /** Sends awaiting the backend, by command id. */
  readonly #inflight = new Map<Id, Outgoing>();
  /** The text, kept here and in the textarea, never in the store while typing. */
  #body = '';
  /** The draft the composer shows. */
  #address: DraftAddress | null = null;
  #saveTimer: ReturnType<typeof setTimeout> | null = null;
  #errors: { store: InboxStore; subscription: Subscription } | null = null;
  #lastPending: readonly PendingCommand[] | null = null;
  /** Where the mention list was closed with Esc: it stays closed for that `@`. */
  #dismissedAt: number | null = null;
  #channelsMemo: { key: readonly unknown[]; value: readonly Channel[] } | null = null;

  // ---- public API ----

  /** Switches the mode (if given) and focuses the text field (keys R and N of a conversation view). */
  async focusComposer(mode?: ComposerMode): Promise<void> {
    if (mode !== undefined && isComposerMode(mode)) this.mode = mode;
    await this.updateComplete;
    this.#textarea?.focus();
  }

  /** Inserts text at the caret as if typed (a canned answer, a snippet) and focuses the field. */
  async insertText(text: string): Promise<void> {
    await this.updateComplete;
    const textarea = this.#textarea;
    if (!textarea) return;
    textarea.focus();
    textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, 'end');
    this.#typed(textarea);
    await this.updateComplete;
  }

  /**
   * Sends what the composer holds, as Ctrl+Enter does. Resolves to true when
   * the command was dispatched (the backend may still refuse it later).
   */
  async send(): Promise<boolean> {
    const store = this.#store;
    const data = this.#slice;
    const address = this.#address;
    const conversation = data?.conversation;
    if (!store || !data || !conversation || !address || !this.#canSend) return false;
    const mode = address.mode;
    const body = this.#body;
    const attachments = mode === 'reply' ? doneAttachments(this.uploads) : [];
    // A draft's channel that no longer reaches the contact falls back to the conversation's.
    const choice = mode === 'reply' && this.#replyChannels(data, conversation).some((c) => c.id === this.channelChoice) ? this.channelChoice : null;
    const channelId = choice !== null && choice !== conversation.channelId ? choice : undefined;
    // Blank lines and spaces around the message are not part of it.
    const trimmed = body.trim();
    let sentBody = trimmed;
    if (mode === 'reply' && this.linkShortener && findLinks(trimmed).length > 0) {
      this.busy = true;
      try {
        sentBody = await shortenLinks(trimmed, this.linkShortener);
      } catch {
        sentBody = trimmed;
      } finally {
        this.busy = false;
      }
    }
    const outgoing: Outgoing = {
      conversationId: conversation.id,
      mode,
      itemId: newId(mode === 'reply' ? 'msg' : 'cmt'),
      body,
      sentBody,
      attachments,
      channelId,
    };
    return this.#dispatch(store, outgoing);
  }

  // ---- lifecycle ----

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#flushSave();
    this.#typing.stop();
    this.#errors?.subscription.unsubscribe();
    this.#errors = null;
    this.#hideMentions();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A remount shows the draft again (re-read in willUpdate).
    this.#address = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!isComposerMode(this.mode)) {
      if (DEV_MODE) devWarn(`composer-mode:${String(this.mode)}`, `<message-composer>: unknown mode "${String(this.mode)}"; expected reply or comment.`);
      this.mode = 'reply';
    }
    const store = this.#store;
    if (store && this.#errors?.store !== store) {
      this.#errors?.subscription.unsubscribe();
      this.#errors = { store, subscription: store.errors$.subscribe((error) => this.#onStoreError(error)) };
    }
    const data = this.#slice;
    const address: DraftAddress | null =
      data && data.conversationId !== null ? { userId: data.userId, conversationId: data.conversationId, mode: this.mode } : null;
    if (!sameAddress(address, this.#address)) this.#show(address);
    if (data && data.pending !== this.#lastPending) {
      this.#lastPending = data.pending;
      this.#confirm(data.pending);
    }
    if (changed.has('mode') && this.mode !== 'comment') this.mention = null;
  }

  protected override updated(): void {
    const states = this.#internals.states;
    const conversationId = this.#address?.conversationId;
    const toggle = (name: string, on: boolean) => (on ? states.add(name) : states.delete(name));
    toggle('internal', this.mode === 'comment');
    toggle('sending', this.#sendingHere);
    toggle('failed', conversationId !== undefined && this.failures.has(conversationId));
    toggle('can-send', this.#canSend);
    toggle('dragover', this.dragging);
    const list = this.renderRoot.querySelector<HTMLElement>('.mentions');
    if (supportsPopover && list) {
      const open = list.matches(':popover-open');
      if (this.mention && !open) list.showPopover();
      if (!this.mention && open) list.hidePopover();
    }
  }

  // ---- store ----

  get #store(): InboxStore | undefined {
    return this.#data.store;
  }

  #select(s: StoreState): Slice {
    const conversationId = this.conversationId ?? s.ui.openId;
    const conversation = conversationId ? s.model.conversations.get(conversationId) : undefined;
    return {
      userId: s.userId,
      conversationId,
      conversation,
      contact: conversation ? s.model.contacts.get(conversation.contactId) : undefined,
      channels: s.model.channels,
      users: s.model.users,
      pending: s.pending,
      ready: s.ready,
      offline: s.connection === 'offline',
    };
  }

  /** The slice for the current `conversationId` (the controller's may predate a property change). */
  get #slice(): Slice | undefined {
    const store = this.#store;
    if (!store) return undefined;
    const value = this.#data.value;
    const wanted = this.conversationId ?? store.state.ui.openId;
    return value?.conversationId === wanted && value.userId === store.userId ? value : this.#select(store.state);
  }

  #onStoreError(error: StoreError): void {
    if (error.kind !== 'rejected' || !isOutgoingCommand(error.command)) return;
    const itemId = error.command.args.itemId;
    for (const [commandId, outgoing] of this.#inflight) {
      if (outgoing.itemId !== itemId) continue;
      this.#inflight.delete(commandId);
      this.#failed(outgoing, error.refusal, false);
      return;
    }
  }

  /** Sends that left the pending list without a refusal are confirmed: their draft goes. */
  #confirm(pending: readonly PendingCommand[]): void {
    if (this.#inflight.size === 0) return;
    const waiting = new Set(pending.map((p) => p.command.id));
    for (const [commandId, outgoing] of this.#inflight) {
      if (waiting.has(commandId)) continue;
      this.#inflight.delete(commandId);
      const address = this.#addressOf(outgoing);
      if (address && loadDraft(defaultDraftStorage(), address)?.sentAs === outgoing.itemId) {
        clearDraft(defaultDraftStorage(), address);
      }
    }
  }

  #dispatch(store: InboxStore, outgoing: Outgoing): boolean {
    const address = this.#addressOf(outgoing);
    const result =
      outgoing.mode === 'reply'
        ? store.dispatch(
            'reply',
            {
              conversationId: outgoing.conversationId,
              itemId: outgoing.itemId,
              body: outgoing.sentBody,
              ...(outgoing.channelId !== undefined ? { channelId: outgoing.channelId } : {}),
              ...(outgoing.attachments.length > 0 ? { attachments: outgoing.attachments } : {}),
            },
            { undoable: false },
          )
        : store.dispatch(
            'comment',
            {
              conversationId: outgoing.conversationId,
              itemId: outgoing.itemId,
              body: outgoing.sentBody,
              mentions: mentionsIn(outgoing.sentBody, store.state.model.users.values()),
            },
            { undoable: false },
          );
    this.#typing.stop();
    if (!result.ok) {
      this.#failed(outgoing, result.refusal, true);
      return false;
    }
    this.#inflight.set(result.command.id, outgoing);
    const failure = this.failures.get(outgoing.conversationId);
    if (failure && (failure.restored || failure.outgoing.itemId === outgoing.itemId)) this.#forget(outgoing.conversationId);
    // The composer empties for the next message if it still shows what was sent;
    // the draft keeps the sent text until the backend confirms it.
    const here = sameAddress(address, this.#address);
    const cleared = here && this.#body === outgoing.body;
    if (cleared) {
      this.#cancelSave();
      this.#body = '';
      this.hasText = false;
      this.uploads = [];
      this.channelChoice = null;
      this.mention = null;
    }
    if (address) {
      const storage = defaultDraftStorage();
      const stored = loadDraft(storage, address);
      if (cleared || (!here && (isEmptyDraft(stored) || stored?.body === outgoing.body || stored?.sentAs !== undefined))) {
        saveDraft(storage, address, this.#draftOf(outgoing));
      }
    }
    this.requestUpdate();
    this.dispatchEvent(new ComposerSendEvent(result.command as Command<'reply' | 'comment'>));
    return true;
  }

  /**
   * A send was refused: say why, and put the text back in the composer (or
   * its draft) unless something new was written there meanwhile.
   */
  #failed(outgoing: Outgoing, refusal: Refusal, local: boolean): void {
    const address = this.#addressOf(outgoing);
    const storage = defaultDraftStorage();
    let restored = false;
    if (address && sameAddress(address, this.#address)) {
      if (local) {
        restored = this.#body === outgoing.body;
      } else if (!hasText(this.#body) && this.uploads.length === 0) {
        this.#body = outgoing.body;
        this.hasText = hasText(outgoing.body);
        this.uploads = outgoing.attachments.map(uploadOf);
        this.channelChoice = outgoing.channelId ?? null;
        restored = true;
      }
      if (restored) this.#flushSave();
    } else if (address) {
      const stored = loadDraft(storage, address);
      if (isEmptyDraft(stored) || stored?.sentAs === outgoing.itemId) {
        saveDraft(storage, address, { ...this.#draftOf(outgoing), sentAs: undefined });
        restored = true;
      }
    }
    const failures = new Map(this.failures);
    failures.set(outgoing.conversationId, { outgoing, refusal, restored });
    this.failures = failures;
  }

  #forget(conversationId: Id): void {
    if (!this.failures.has(conversationId)) return;
    const failures = new Map(this.failures);
    failures.delete(conversationId);
    this.failures = failures;
  }

  /** Retry: the composer's content if the failed text went back there, else the failed send as it was. */
  async #retry(failure: Failure): Promise<void> {
    const store = this.#store;
    if (!store) return;
    const { outgoing } = failure;
    this.#forget(outgoing.conversationId);
    if (failure.restored) {
      if (outgoing.mode !== this.mode) {
        this.mode = outgoing.mode;
        await this.updateComplete;
      }
      const here = sameAddress(this.#addressOf(outgoing), this.#address);
      if (here && this.#canSend) {
        await this.send();
        this.#textarea?.focus();
        return;
      }
    }
    this.#dispatch(store, { ...outgoing, itemId: newId(outgoing.mode === 'reply' ? 'msg' : 'cmt') });
    this.#textarea?.focus();
  }

  #addressOf(outgoing: Outgoing): DraftAddress | null {
    const userId = this.#store?.userId;
    return userId === undefined ? null : { userId, conversationId: outgoing.conversationId, mode: outgoing.mode };
  }

  #draftOf(outgoing: Outgoing): Draft {
    return {
      body: outgoing.body,
      attachments: outgoing.attachments,
      channelId: outgoing.channelId,
      sentAs: outgoing.itemId,
    };
  }

  get #sendingHere(): boolean {
    const address = this.#address;
    if (!address) return false;
    for (const outgoing of this.#inflight.values()) if (outgoing.conversationId === address.conversationId) return true;
    return false;
  }

  // ---- drafts ----

  /** Shows the draft of `address` (after saving the one shown). */
  #show(address: DraftAddress | null): void {
    this.#flushSave();
    this.#typing.stop();
    this.mention = null;
    this.#dismissedAt = null;
    this.notice = '';
    this.#address = address;
    const storage = defaultDraftStorage();
    let draft = address ? loadDraft(storage, address) : null;
    if (address && draft?.sentAs !== undefined) draft = this.#resume(address, draft);
    this.#body = draft?.body ?? '';
    this.hasText = hasText(this.#body);
    this.uploads = (draft?.attachments ?? []).map(uploadOf);
    this.channelChoice = draft?.channelId ?? null;
  }

  /**
   * A draft holding a send not yet confirmed (a remount, a reload). Still
   * pending in the store: it is followed again and the composer stays
   * empty. Already in the timeline: it went, the draft goes. Otherwise (the
   * page reloaded before the backend answered): the text comes back.
   */
  #resume(address: DraftAddress, draft: Draft): Draft | null {
    const storage = defaultDraftStorage();
    const state = this.#store?.state;
    const entry = state?.pending.find((p) => isOutgoingCommand(p.command) && p.command.args.itemId === draft.sentAs);
    if (entry) {
      if (![...this.#inflight.values()].some((o) => o.itemId === draft.sentAs)) {
        const args = entry.command.args as Command<'reply'>['args'];
        this.#inflight.set(entry.command.id, {
          conversationId: address.conversationId,
          mode: address.mode,
          itemId: draft.sentAs!,
          body: draft.body,
          sentBody: args.body,
          attachments: draft.attachments,
          channelId: draft.channelId,
        });
      }
      return null;
    }
    if (state?.model.timelines.get(address.conversationId)?.some((item) => item.id === draft.sentAs)) {
      clearDraft(storage, address);
      return null;
    }
    const kept = { ...draft, sentAs: undefined };
    saveDraft(storage, address, kept);
    return kept;
  }

  #scheduleSave(): void {
    this.#cancelSave();
    this.#saveTimer = setTimeout(() => this.#flushSave(), SAVE_DELAY);
  }

  #cancelSave(): void {
    if (this.#saveTimer !== null) clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
  }

  #flushSave(): void {
    this.#cancelSave();
    const address = this.#address;
    if (!address) return;
    const draft: Draft = {
      body: this.#body,
      attachments: doneAttachments(this.uploads),
      channelId: address.mode === 'reply' && this.channelChoice !== null ? this.channelChoice : undefined,
    };
    const storage = defaultDraftStorage();
    if (!hasText(draft.body) && draft.attachments.length === 0) {
      // An emptied composer whose last send is unconfirmed keeps that send as its draft.
      const held = [...this.#inflight.values()].reverse().find((o) => sameAddress(this.#addressOf(o), address));
      if (held) {
        saveDraft(storage, address, this.#draftOf(held));
        return;
      }
    }
    saveDraft(storage, address, draft);
  }

  // ---- typing ----

  get #textarea(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  get #canSend(): boolean {
    const data = this.#slice;
    if (!data?.conversation || this.busy || !this.#address) return false;
    if (this.uploads.some((u) => u.state === 'uploading')) return false;
    return this.hasText || (this.mode === 'reply' && doneAttachments(this.uploads).length > 0);
  }

  /** Everything one keystroke does: cheap, no store write, a render only when something shown changes. */
  #typed(textarea: HTMLTextAreaElement): void {
    this.#body = textarea.value;
    const text = hasText(this.#body);
    if (text !== this.hasText) this.hasText = text;
    if (this.notice) this.notice = '';
    this.#scheduleSave();
    const store = this.#store;
    const conversationId = this.#address?.conversationId;
    if (store && conversationId && text) this.#typing.typed(store, conversationId);
    this.#updateMention(textarea);
  }

  #onInput = (event: InputEvent): void => {
    this.#typed(event.target as HTMLTextAreaElement);
  };

  #updateMention(textarea: HTMLTextAreaElement): void {
    if (this.mode !== 'comment' || textarea.selectionStart !== textarea.selectionEnd) {
      if (this.mention) this.mention = null;
      return;
    }
    const found = mentionQueryAt(textarea.value, textarea.selectionStart);
    if (!found || found.start !== this.#dismissedAt) this.#dismissedAt = null;
    if (!found || this.#dismissedAt !== null) {
      if (this.mention) this.mention = null;
      return;
    }
    const current = this.mention;
    if (current && current.start === found.start && current.query === found.query) return;
    const users = this.#slice?.users.values() ?? [];
    const options = mentionCandidates(users, found.query, { exclude: this.#store?.userId });
    if (options.length === 0) {
      if (current) this.mention = null;
      return;
    }
    // A new query highlights its best match.
    this.mention = { start: found.start, query: found.query, options, active: 0 };
  }

  #pickMention(user: User | undefined): void {
    const textarea = this.#textarea;
    const mention = this.mention;
    if (!textarea || !mention || !user) return;
    const { text, caret } = insertMention(textarea.value, mention.start, textarea.selectionStart, user.name);
    textarea.value = text;
    textarea.setSelectionRange(caret, caret);
    this.mention = null;
    // The name is complete: that @ opens no list again.
    this.#dismissedAt = mention.start;
    this.#typed(textarea);
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.isComposing) return;
    const mention = this.mention;
    if (mention && !event.altKey && !event.ctrlKey && !event.metaKey) {
      const count = mention.options.length;
      const move = (by: number) => {
        event.preventDefault();
        this.mention = { ...mention, active: (mention.active + by + count) % count };
      };
      switch (event.key) {
        case 'ArrowDown':
          move(1);
          return;
        case 'ArrowUp':
          move(-1);
          return;
        case 'Enter':
        case 'Tab':
          if (event.shiftKey) break;
          event.preventDefault();
          this.#pickMention(mention.options[mention.active]);
          return;
        case 'Escape':
          event.preventDefault();
          event.stopPropagation();
          this.#dismissedAt = mention.start;
          this.mention = null;
          return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      void this.send();
    }
  };

  #onCaretMove = (event: Event): void => {
    if (event instanceof KeyboardEvent && !['ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'].includes(event.key)) return;
    this.#updateMention(event.target as HTMLTextAreaElement);
  };

  #onBlur = (): void => {
    this.#typing.stop();
    this.#flushSave();
    if (this.mention) this.mention = null;
  };

  #hideMentions(): void {
    const list = this.renderRoot.querySelector<HTMLElement>('.mentions');
    if (supportsPopover && list?.matches(':popover-open')) list.hidePopover();
  }

  // ---- mode ----

  #setMode(mode: ComposerMode, focusTab = false): void {
    this.mode = mode;
    if (focusTab) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${mode}`)?.focus());
  }

  #onTabKeydown = (event: KeyboardEvent): void => {
    const index = COMPOSER_MODES.indexOf(this.mode);
    const last = COMPOSER_MODES.length - 1;
    const to: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last };
    const next = to[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.#setMode(COMPOSER_MODES[(next + COMPOSER_MODES.length) % COMPOSER_MODES.length]!, true);
  };

  // ---- attachments ----

  #addFiles(files: readonly File[]): void {
    const store = this.#store;
    const address = this.#address;
    if (files.length === 0 || !store?.canUpload || !address) return;
    if (address.mode !== 'reply') {
      this.notice = msg('Files go with replies: switch to Reply to attach them.', { id: 'composer.commentFiles' });
      return;
    }
    for (const file of files) this.#upload(store, address, file);
  }

  #upload(store: InboxStore, address: DraftAddress, file: File, key = newId('upload')): void {
    const entry: Upload = { key, name: file.name || 'file', size: file.size, state: 'uploading', file };
    const at = this.uploads.findIndex((u) => u.key === key);
    this.uploads = at === -1 ? [...this.uploads, entry] : this.uploads.map((u) => (u.key === key ? entry : u));
    store.upload(file).then(
      (attachment) => this.#uploaded(key, address, { ...entry, state: 'done', attachment, file: undefined }),
      (error: unknown) =>
        this.#uploaded(key, address, { ...entry, state: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
  }

  #uploaded(key: string, address: DraftAddress, result: Upload): void {
    if (sameAddress(address, this.#address)) {
      if (!this.uploads.some((u) => u.key === key)) return; // removed while uploading
      this.uploads = this.uploads.map((u) => (u.key === key ? result : u));
      this.#scheduleSave();
      return;
    }
    // The person moved on: the file joins that conversation's draft.
    if (result.state !== 'done' || !result.attachment) return;
    const storage = defaultDraftStorage();
    const draft = loadDraft(storage, address) ?? { body: '', attachments: [] };
    saveDraft(storage, address, { ...draft, attachments: [...draft.attachments, result.attachment] });
  }

  #removeUpload(key: string): void {
    this.uploads = this.uploads.filter((u) => u.key !== key);
    this.#scheduleSave();
    this.#textarea?.focus();
  }

  #retryUpload(upload: Upload): void {
    const store = this.#store;
    const address = this.#address;
    if (store && address && upload.file) this.#upload(store, address, upload.file, upload.key);
  }

  #onPick = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.#addFiles([...(input.files ?? [])]);
    input.value = '';
  };

  #onPaste = (event: ClipboardEvent): void => {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length === 0 || !this.#store?.canUpload) return;
    event.preventDefault();
    this.#addFiles(files);
  };

  #hasFiles(event: DragEvent): boolean {
    return this.#store?.canUpload === true && (event.dataTransfer?.types.includes('Files') ?? false);
  }

  #onDragOver = (event: DragEvent): void => {
    if (!this.#hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  };

  #onDragLeave = (event: DragEvent): void => {
    const to = event.relatedTarget;
    if (to instanceof Node && (this.renderRoot.contains(to) || this.contains(to))) return;
    this.dragging = false;
  };

  #onDrop = (event: DragEvent): void => {
    this.dragging = false;
    if (!this.#hasFiles(event)) return;
    event.preventDefault();
    this.#addFiles([...(event.dataTransfer?.files ?? [])]);
  };

  // ---- render ----

  #replyChannels(data: Slice, conversation: Conversation): readonly Channel[] {
    const key = [data.channels, conversation, data.contact];
    const memo = this.#channelsMemo;
    if (memo && memo.key.every((k, i) => k === key[i])) return memo.value;
    const contacts = new Map(data.contact ? [[data.contact.id, data.contact]] : []);
    const value = replyChannels({ channels: data.channels, contacts }, conversation);
    this.#channelsMemo = { key, value };
    return value;
  }

  protected override render() {
    const data = this.#slice;
    const conversation = data?.conversation;
    if (!data || !conversation) {
      return html`<p class="empty" part="empty">
        ${data && !data.ready
          ? msg('Loading…', { id: 'composer.loading' })
          : msg('Open a conversation to write in it.', { id: 'composer.empty' })}
      </p>`;
    }
    const internal = this.mode === 'comment';
    const failure = this.failures.get(conversation.id);
    const mention = internal ? this.mention : null;
    const contactName = data.contact?.name ?? '';
    const canUpload = this.#store?.canUpload === true && !internal;
    const canSend = this.#canSend;
    return html`
      <div
        part="base"
        class="composer ${internal ? 'internal' : ''} ${this.dragging ? 'dragover' : ''}"
        @dragover=${this.#onDragOver}
        @dragleave=${this.#onDragLeave}
        @drop=${this.#onDrop}
      >
        <div role="tablist" part="tabs" class="tabs" aria-label=${msg('Message type', { id: 'composer.modes' })} @keydown=${this.#onTabKeydown}>
          ${COMPOSER_MODES.map(
            (mode) => html`<button
              type="button"
              role="tab"
              part="tab"
              class="tab"
              id=${`tab-${mode}`}
              aria-selected=${String(mode === this.mode)}
              aria-controls="panel"
              tabindex=${mode === this.mode ? '0' : '-1'}
              @click=${() => this.#setMode(mode)}
            >
              ${modeLabel(mode)}
            </button>`,
          )}
        </div>
        <div role="tabpanel" id="panel" part="panel" class="panel" aria-labelledby=${`tab-${this.mode}`}>
          ${internal
            ? html`<p class="internal-label" part="internal-label" id="internal-note">
                <span class="badge">${msg('Internal', { id: 'composer.internal' })}</span>
                <span>${msg('Only your team sees this comment, never the contact.', { id: 'composer.internalNote' })}</span>
              </p>`
            : this.#renderVia(data, conversation)}
          ${failure ? this.#renderFailure(failure) : nothing}
          <div class="field" style=${styleMap({ anchorName: this.#anchor })}>
            <textarea
              part="textarea"
              id="body"
              rows="3"
              .value=${live(this.#body)}
              aria-label=${internal
                ? msg('Internal comment', { id: 'composer.mode.comment' })
                : contactName
                  ? msg(str`Reply to ${contactName}`, { id: 'composer.replyTo' })
                  : msg('Reply', { id: 'composer.mode.reply' })}
              aria-describedby=${internal ? 'internal-note hint' : 'hint'}
              aria-autocomplete=${internal ? 'list' : nothing}
              aria-controls=${mention ? 'mentions' : nothing}
              aria-activedescendant=${mention ? `mention-${mention.active}` : nothing}
              placeholder=${internal
                ? msg('Write to your team; type @ to mention someone', { id: 'composer.placeholder.comment' })
                : msg('Write a reply…', { id: 'composer.placeholder.reply' })}
              ?readonly=${this.busy}
              @input=${this.#onInput}
              @keydown=${this.#onKeydown}
              @keyup=${this.#onCaretMove}
              @click=${this.#onCaretMove}
              @blur=${this.#onBlur}
              @paste=${this.#onPaste}
            ></textarea>
            ${internal ? this.#renderMentions(mention) : nothing}
          </div>
          ${!internal && this.uploads.length > 0 ? this.#renderUploads() : nothing}
          <div class="actions" part="actions">
            ${canUpload
              ? html`<button type="button" part="attach" class="button attach" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}>
                    <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><path d="M21 11.5l-8.5 8.5a5 5 0 0 1-7-7L14 4.5a3.3 3.3 0 0 1 4.7 4.7L10.2 17.7a1.7 1.7 0 0 1-2.4-2.4L15.5 7.6"/></svg>
                    ${msg('Attach files', { id: 'composer.attach' })}
                  </button>
                  <input type="file" multiple hidden tabindex="-1" @change=${this.#onPick} />`
              : nothing}
            <span class="status" part="status" role="status">${this.#status(data)}</span>
            <span class="hint" part="hint" id="hint">${msg(str`${sendShortcut()} to send`, { id: 'composer.hint' })}</span>
            <button
              type="button"
              part="send"
              class="button send"
              aria-disabled=${String(!canSend)}
              @click=${this.#onSendClick}
            >
              ${internal ? msg('Add comment', { id: 'composer.send.comment' }) : msg('Send', { id: 'composer.send.reply' })}
            </button>
          </div>
        </div>
      </div>
    `;
  }

  #onSendClick = async (): Promise<void> => {
    if (!this.#canSend) {
      this.#textarea?.focus();
      return;
    }
    await this.send();
    this.#textarea?.focus();
  };

  #status(data: Slice): string {
    if (this.notice) return this.notice;
    if (this.busy) return msg('Shortening links…', { id: 'composer.status.shortening' });
    if (this.uploads.some((u) => u.state === 'uploading')) return msg('Uploading…', { id: 'composer.status.uploading' });
    if (this.#sendingHere) {
      return data.offline
        ? msg('Offline: it will be sent when the connection returns.', { id: 'composer.status.offline' })
        : msg('Sending…', { id: 'composer.status.sending' });
    }
    return '';
  }

  #renderVia(data: Slice, conversation: Conversation): TemplateResult {
    const channels = this.#replyChannels(data, conversation);
    const chosen = channels.find((c) => c.id === this.channelChoice)?.id ?? conversation.channelId;
    const label = (c: Channel) => `${channelLabel(c.kind)}: ${c.name}`;
    const only = channels.length <= 1 ? channels[0] : undefined;
    return html`<div class="via" part="via">
      ${channels.length > 1
        ? html`<label for="channel">${msg('Send via', { id: 'composer.via' })}</label>
            <select id="channel" part="channel" @change=${this.#onChannel}>
              ${channels.map((c) => html`<option value=${c.id} ?selected=${c.id === chosen}>${label(c)}</option>`)}
            </select>`
        : only
          ? html`<span>${msg(str`Sent via ${label(only)}`, { id: 'composer.viaOnly' })}</span>`
          : nothing}
    </div>`;
  }

  #onChannel = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    this.channelChoice = value === this.#slice?.conversation?.channelId ? null : value;
    this.#flushSave();
  };

  #renderFailure(failure: Failure): TemplateResult {
    return html`<div class="error" part="error" role="alert">
      <span class="message">${failureMessage(failure.outgoing.mode, failure.refusal)}</span>
      <button type="button" part="retry" class="button" @click=${() => void this.#retry(failure)}>
        ${msg('Retry', { id: 'composer.retry' })}
      </button>
      <button type="button" part="dismiss" class="button" @click=${() => this.#forget(failure.outgoing.conversationId)}>
        ${msg('Dismiss', { id: 'composer.dismiss' })}
      </button>
    </div>`;
  }

  #renderMentions(mention: MentionState | null): TemplateResult {
    return html`<ul
      id="mentions"
      part="mentions"
      class="mentions"
      role="listbox"
      popover=${supportsPopover ? 'manual' : nothing}
      ?hidden=${!supportsPopover && !mention}
      aria-label=${msg('Mention a teammate', { id: 'composer.mentions' })}
      style=${styleMap({ positionAnchor: this.#anchor })}
    >
      ${(mention?.options ?? []).map(
        (user, i) => html`<li
          id=${`mention-${i}`}
          part="mention${i === mention?.active ? ' mention-active' : ''}"
          class="mention"
          role="option"
          aria-selected=${String(i === mention?.active)}
          @pointerdown=${(e: PointerEvent) => e.preventDefault()}
          @click=${() => this.#pickMention(user)}
        >
          ${user.name}
        </li>`,
      )}
    </ul>`;
  }

  #renderUploads(): TemplateResult {
    return html`<ul class="attachments" part="attachments" aria-label=${msg('Attachments', { id: 'composer.attachments' })}>
      ${repeat(
        this.uploads,
        (u) => u.key,
        (u) => html`<li class="chip ${u.state}" part="attachment">
          <span class="name">${u.name}</span>
          ${u.state === 'done' ? html`<span class="size">${fileSize(u.size)}</span>` : nothing}
          ${u.state === 'uploading' ? html`<span class="progress">${msg('uploading…', { id: 'composer.upload.progress' })}</span>` : nothing}
          ${u.state === 'failed'
            ? html`<span class="problem" role="alert">${msg(str`Upload failed: ${u.error ?? ''}`, { id: 'composer.upload.failed' })}</span>
                ${u.file
                  ? html`<button type="button" @click=${() => this.#retryUpload(u)} aria-label=${msg(str`Retry uploading ${u.name}`, { id: 'composer.upload.retry' })}>
                      ${msg('Retry', { id: 'composer.retry' })}
                    </button>`
                  : nothing}`
            : nothing}
          <button type="button" @click=${() => this.#removeUpload(u.key)} aria-label=${msg(str`Remove ${u.name}`, { id: 'composer.upload.remove' })}>
            <span aria-hidden="true">×</span>
          </button>
        </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'message-composer': MessageComposer;
  }
}

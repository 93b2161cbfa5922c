import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { NotebookPen, SendHorizontal } from 'lucide';
import { DEV_MODE, devWarn } from '../../dev-mode.js';
import { ComposerSendEvent } from '../../events/composer-send.js';
import { InboxNoticeEvent } from '../../events/inbox-notice.js';
import type { Command } from '../../model/commands.js';
import { newId } from '../../model/ids.js';
import type { Channel, Conversation, Id } from '../../model/types.js';
import type { DraftAddress } from '../../store/drafts.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { buttonStyles, chipsStyles, popupStyles, tabStyles } from '../../styles/controls.js';
import { channelLabel } from '../shared/channel-icons.js';
import { icon } from '../shared/icons.js';
import { afterNextPaint } from '../../controllers/after-paint.js';
import { InboxElement } from '../shared/inbox-element.js';
import { TooltipController, tooltipStyles } from '../shared/tooltip.js';
import { AttachmentsController } from './attachments.controller.js';
import { COMPOSER_MODES, failureMessage, isComposerMode, modeLabel, sendShortcut, shortModeLabel, type ComposerMode } from './composer-labels.js';
import { afterCall, replyChannelsMemo, sameSlice, selectSlice, type Slice } from './composer-slice.js';
import { DraftController, sameAddress } from './draft.controller.js';
import { findLinks, shortenLinks, type LinkShortener } from './links.js';
import { MentionController } from './mention.controller.js';
import { styles } from './message-composer.styles.js';
import { OutboxController, type Failure, type Outgoing } from './outbox.controller.js';
import { TypingPresence } from './typing-presence.js';

export { COMPOSER_MODES, type ComposerMode, type LinkShortener };

/**
 * @summary The composer at the bottom of a conversation: a reply to the
 * contact on the conversation's channel or another channel of theirs, or an
 * internal comment with @mentions for the team.
 *
 * Compact: one row with the two modes in a tab list ("Reply" and "Internal
 * comment"; the comment mode has a yellow surface and an "Internal" label)
 * and the channel a reply goes by; the text field, which grows with its
 * text (up to `--inbox-composer-max-height`, or the share of the view
 * `<conversation-view>` gives it); and one row of tools (icon buttons with
 * their names and tooltips), the status and Send, which never wraps.
 * Ctrl+Enter (⌘+Enter) or Send dispatches `reply` (R2) or `comment` (R20);
 * Enter alone is a new line. In a reply, a select switches the channel among
 * those that reach the contact (model `replyChannels`: chat to e-mail; never
 * a voice line: after a call the reply goes by SMS or WhatsApp of the same
 * number, model `defaultReplyChannel`), files come by the attach button,
 * drag and drop or paste and upload through the transport (`store.upload`),
 * and an optional `linkShortener` rewrites the links before sending. After
 * a call, "Call note" writes an internal note about it. In a comment, typing
 * `@` opens a list of active teammates (arrows, Enter or Tab to pick, Esc to
 * close) and the mentioned users go with the comment.
 *
 * Drafts are kept per user, conversation and mode in localStorage (saved as
 * one types, after a short pause) and restored on reload, remount and when
 * coming back to a conversation; a draft stays until the backend confirms
 * the send. A refused send puts the text back (unless something new was
 * typed meanwhile), fires an `inbox-notice` saying why, and offers Retry:
 * in an alert when nobody took the notice (the composer alone), else in the
 * row of tools. While the person types, the other agents are told (R17,
 * `store.setPresence`).
 *
 * Keystrokes touch neither the store nor the render: the text lives in the
 * textarea until it is sent.
 *
 * @fires composer-send - {ComposerSendEvent} A reply or comment was dispatched (optimistically applied).
 * @fires inbox-notice - {InboxNoticeEvent} A send was refused, or an upload could not start, for the inbox's toast region.
 *
 * @csspart base - The composer's surface.
 * @csspart head - The first row: the mode switch and the channel.
 * @csspart tabs - The mode switch (a tab list).
 * @csspart tab - One mode tab.
 * @csspart panel - The tab panel around the field and actions.
 * @csspart internal-label - The "Internal" label of comment mode.
 * @csspart via - The channel a reply goes by ("via") in reply mode.
 * @csspart channel - The channel select.
 * @csspart textarea - The text field.
 * @csspart mentions - The @mention suggestion list.
 * @csspart mention - One suggestion; `mention-active` marks the highlighted one.
 * @csspart attachments - The list of attachment chips.
 * @csspart attachment - One attachment chip.
 * @csspart error - The failed-send alert (the composer alone).
 * @csspart retry - Its Retry button (or the tools row's, in the inbox).
 * @csspart dismiss - Its Dismiss button.
 * @csspart actions - The row of tools: attach, call note, status and Send.
 * @csspart attach - The attach button.
 * @csspart call-note - The "Call note" button, after a call.
 * @csspart status - The status line (sending, uploading, offline).
 * @csspart hint - The shortcut hint.
 * @csspart send - The Send button.
 * @csspart empty - The text shown when there is no conversation to write in.
 * @csspart tooltip - The tooltip of an icon button.
 *
 * @cssprop --inbox-composer-background - Surface in reply mode. Defaults to `--inbox-color-surface`.
 * @cssprop --inbox-composer-internal-background - Surface in comment mode. Defaults to a pale yellow (a dark olive in dark mode).
 * @cssprop --inbox-composer-internal-border - Border and label outline of comment mode. Defaults to amber.
 * @cssprop --inbox-composer-min-height - Minimum height of the text field. Defaults to `2.5rem` (one line).
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
export class MessageComposer extends InboxElement {
  static override styles = [...(InboxElement.styles as []), buttonStyles, tabStyles, popupStyles, chipsStyles, tooltipStyles, styles];

  static override properties: PropertyDeclarations = {
    conversationId: { attribute: 'conversation-id' },
    mode: { reflect: true },
    linkShortener: { attribute: false },
    busy: { state: true, attribute: false },
    notice: { state: true, attribute: false },
  };

  /** The conversation written in; absent, the store's open conversation (`ui.openId`). */
  conversationId: Id | undefined;

  /** `reply` (to the contact) or `comment` (internal, for the team). */
  mode: ComposerMode = 'reply';

  /**
   * Rewrites each http(s) link of a reply before it is sent (a Bitly-like
   * hook). A link it fails on, or takes over 5 s for, goes as typed.
   */
  linkShortener: LinkShortener | undefined;

  /** Links are being shortened before a send. */
  private busy = false;
  /** A one-off message for the status line. */
  private notice = '';
  /** The conversation whose comment being written is a note on its last call (the placeholder says so). */
  #callNote: Id | null = null;
  /** Refused sends whose notice the inbox showed (so the tools row offers Retry, not an alert). */
  readonly #noticeTaken = new Set<Id>();

  readonly #data = this.select<Slice>((s) => selectSlice(s, this.conversationId), sameSlice);
  readonly #tooltip = new TooltipController(this);
  readonly #internals = this.attachInternals();
  readonly #typing = new TypingPresence();
  readonly #mentions: MentionController = new MentionController(this, {
    textarea: () => this.#textarea,
    enabled: () => this.mode === 'comment',
    users: () => this.#slice?.users.values() ?? [],
    author: () => this.#store?.userId,
    inserted: (textarea) => this.#typed(textarea),
  });
  readonly #attachments: AttachmentsController = new AttachmentsController(this, {
    store: () => this.#store,
    address: () => this.#draft.address,
    changed: () => this.#draft.schedule(),
    notify: (message) => this.#notify(message),
    focus: () => this.#textarea?.focus(),
  });
  readonly #outbox: OutboxController = new OutboxController(this, {
    store: () => this.#store,
    pending: () => this.#slice?.pending,
    address: () => this.#draft.address,
    body: () => this.#draft.body,
    empty: () => !this.#draft.hasText && this.#attachments.uploads.length === 0,
    sent: () => this.#typing.stop(),
    accepted: (command) => this.#announce(command),
    clear: () => {
      this.#draft.clear();
      this.#mentions.close();
    },
    restore: (outgoing) => this.#draft.fill(outgoing),
    save: () => this.#draft.flush(),
    failed: (failure) => {
      const notice = new InboxNoticeEvent(failureMessage(failure.outgoing.mode, failure.refusal), 'error');
      this.dispatchEvent(notice);
      if (notice.defaultPrevented) this.#noticeTaken.add(failure.outgoing.conversationId);
      else this.#noticeTaken.delete(failure.outgoing.conversationId);
    },
  });
  readonly #draft: DraftController = new DraftController(this, {
    attachments: () => this.#attachments.done,
    showAttachments: (attachments) => this.#attachments.show(attachments),
    resume: (address, draft) => this.#outbox.resume(address, draft),
    held: (address) => this.#outbox.held(address),
  });
  readonly #replyChannels = replyChannelsMemo();

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
    const address = this.#draft.address;
    const conversation = data?.conversation;
    if (!store || !data || !conversation || !address || !this.#canSend) return false;
    const mode = address.mode;
    const body = this.#draft.body;
    const attachments = mode === 'reply' ? this.#attachments.done : [];
    // A draft's channel that no longer reaches the contact falls back to the default (R2: never a voice line).
    const choice = mode === 'reply' ? this.#channel(data, conversation) : null;
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
    return this.#outbox.dispatch(store, outgoing);
  }

  /** The channel a reply goes by: the one picked, if it still reaches the contact, else the default (R2). */
  #channel(data: Slice, conversation: Conversation): Id | null {
    const channels = this.#replyChannels(data, conversation);
    return (channels.find((c) => c.id === this.#draft.channel) ?? channels[0])?.id ?? null;
  }

  /** A transient word: the inbox's toast region says it; alone, the status line. */
  #notify(message: string): void {
    const notice = new InboxNoticeEvent(message, 'error');
    this.dispatchEvent(notice);
    this.notice = notice.defaultPrevented ? '' : message;
  }

  // ---- lifecycle ----

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#typing.stop();
  }

  /**
   * Its first drawing waits for the next paint: opening a conversation
   * answers the key or click with the header and the list first (INP).
   */
  protected override scheduleUpdate() {
    if (this.hasUpdated) return super.scheduleUpdate();
    return afterNextPaint().then(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!isComposerMode(this.mode)) {
      if (DEV_MODE) devWarn(`composer-mode:${String(this.mode)}`, `<message-composer>: unknown mode "${String(this.mode)}"; expected reply or comment.`);
      this.mode = 'reply';
    }
    const data = this.#slice;
    const address: DraftAddress | null =
      data && data.conversationId !== null ? { userId: data.userId, conversationId: data.conversationId, mode: this.mode } : null;
    if (!sameAddress(address, this.#draft.address)) this.#show(address);
    if (changed.has('mode') && this.mode !== 'comment') this.#mentions.close();
    if (changed.has('mode') && this.mode !== 'comment') this.#callNote = null;
  }

  protected override updated(): void {
    const states = this.#internals.states;
    const conversationId = this.#draft.address?.conversationId;
    const toggle = (name: string, on: boolean) => (on ? states.add(name) : states.delete(name));
    toggle('internal', this.mode === 'comment');
    toggle('sending', this.#sendingHere);
    toggle('failed', conversationId !== undefined && this.#outbox.failure(conversationId) !== undefined);
    toggle('can-send', this.#canSend);
    toggle('dragover', this.#attachments.dragging);
  }

  // ---- store ----

  get #store(): InboxStore | undefined {
    return this.#data.store;
  }

  /** The slice for the current `conversationId` (the controller's may predate a property change). */
  get #slice(): Slice | undefined {
    const store = this.#store;
    if (!store) return undefined;
    const value = this.#data.value;
    const wanted = this.conversationId ?? store.state.ui.openId;
    return value?.conversationId === wanted && value.userId === store.userId ? value : selectSlice(store.state, this.conversationId);
  }

  // ---- drafts and sends ----

  /** Shows the draft of `address` (after saving the one shown). */
  #show(address: DraftAddress | null): void {
    this.#typing.stop();
    this.#mentions.reset();
    this.notice = '';
    this.#draft.show(address);
  }

  get #canSend(): boolean {
    const data = this.#slice;
    if (!data?.conversation || this.busy || !this.#draft.address) return false;
    if (this.#attachments.uploading) return false;
    return this.#draft.hasText || (this.mode === 'reply' && this.#attachments.done.length > 0);
  }

  get #sendingHere(): boolean {
    const address = this.#draft.address;
    return address !== null && this.#outbox.sending(address.conversationId);
  }

  /** Retry: the composer's content if the failed text went back there, else the failed send as it was. */
  async #retry(failure: Failure): Promise<void> {
    const store = this.#store;
    if (!store) return;
    const { outgoing } = failure;
    this.#outbox.forget(outgoing.conversationId);
    if (failure.restored) {
      if (outgoing.mode !== this.mode) {
        this.mode = outgoing.mode;
        await this.updateComplete;
      }
      const here = sameAddress(this.#outbox.addressOf(outgoing), this.#draft.address);
      if (here && this.#canSend) {
        await this.send();
        this.#textarea?.focus();
        return;
      }
    }
    this.#outbox.dispatch(store, { ...outgoing, itemId: newId(outgoing.mode === 'reply' ? 'msg' : 'cmt') });
    this.#textarea?.focus();
  }

  /** A send the store took: a reply or a comment. */
  #announce(command: Command): void {
    this.dispatchEvent(new ComposerSendEvent(command as Command<'reply' | 'comment'>));
  }

  #onSendClick = async (): Promise<void> => {
    if (!this.#canSend) {
      this.#textarea?.focus();
      return;
    }
    await this.send();
    this.#textarea?.focus();
  };

  // ---- typing ----

  get #textarea(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  /** Everything one keystroke does: cheap, no store write, a render only when something shown changes. */
  #typed(textarea: HTMLTextAreaElement): void {
    this.#draft.edit(textarea.value);
    if (this.notice) this.notice = '';
    const store = this.#store;
    const conversationId = this.#draft.address?.conversationId;
    if (store && conversationId && this.#draft.hasText) this.#typing.typed(store, conversationId);
    this.#mentions.update(textarea);
  }

  #onInput = (event: InputEvent): void => {
    this.#typed(event.target as HTMLTextAreaElement);
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.isComposing || this.#mentions.keydown(event)) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      void this.send();
    }
  };

  #onBlur = (): void => {
    this.#typing.stop();
    this.#draft.flush();
    this.#mentions.close();
  };

  // ---- mode ----

  #setMode(mode: ComposerMode, focusTab = false): void {
    this.mode = mode;
    this.#callNote = null;
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

  // ---- render ----

  /** "Call note": an internal comment about the call that just ended. */
  #writeCallNote = async (): Promise<void> => {
    const id = this.#slice?.conversation?.id ?? null;
    this.mode = 'comment';
    await this.updateComplete;
    this.#callNote = id;
    this.requestUpdate();
    await this.updateComplete;
    this.#textarea?.focus();
  };

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
    const failure = this.#outbox.failure(conversation.id);
    const inRow = failure !== undefined && this.#noticeTaken.has(conversation.id);
    const mention = internal ? this.#mentions.current : null;
    const contactName = data.contact?.name ?? '';
    const canUpload = this.#store?.canUpload === true && !internal;
    const canSend = this.#canSend;
    const callNote = internal && this.#callNote === conversation.id;
    const sendLabel = internal ? msg('Add comment', { id: 'composer.send.comment' }) : msg('Send', { id: 'composer.send.reply' });
    return html`
      <div
        part="base"
        class="composer ${internal ? 'internal' : ''} ${this.#attachments.dragging ? 'dragover' : ''}"
        @dragover=${this.#attachments.onDragOver}
        @dragleave=${this.#attachments.onDragLeave}
        @drop=${this.#attachments.onDrop}
      >
        <div class="head" part="head">
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
                <span class="long">${modeLabel(mode)}</span><span class="short">${shortModeLabel(mode)}</span>
              </button>`,
            )}
          </div>
          ${internal
            ? html`<p class="internal-label" part="internal-label" id="internal-note">
                <span class="badge">${msg('Internal', { id: 'composer.internal' })}</span>
                <span class="internal-text">${msg('Only your team sees this comment, never the contact.', { id: 'composer.internalNote' })}</span>
              </p>`
            : this.#renderVia(data, conversation)}
        </div>
        <div role="tabpanel" id="panel" part="panel" class="panel" aria-labelledby=${`tab-${this.mode}`}>
          ${failure && !inRow ? this.#outbox.renderFailure(failure, () => void this.#retry(failure)) : nothing}
          <div class="field" style=${`anchor-name: ${this.#mentions.anchor}`}>
            <textarea
              part="textarea"
              id="body"
              rows="1"
              .value=${live(this.#draft.body)}
              aria-label=${internal
                ? msg('Internal comment', { id: 'composer.mode.comment' })
                : contactName
                  ? msg(str`Reply to ${contactName}`, { id: 'composer.replyTo' })
                  : msg('Reply', { id: 'composer.mode.reply' })}
              aria-describedby=${internal ? 'internal-note hint' : 'hint'}
              aria-autocomplete=${internal ? 'list' : nothing}
              aria-controls=${mention ? 'mentions' : nothing}
              aria-activedescendant=${mention ? `mention-${mention.active}` : nothing}
              placeholder=${callNote
                ? msg('What was the call about? Only your team sees this note.', { id: 'composer.placeholder.callNote' })
                : internal
                  ? msg('Write to your team; type @ to mention someone', { id: 'composer.placeholder.comment' })
                  : msg('Write a reply…', { id: 'composer.placeholder.reply' })}
              ?readonly=${this.busy}
              @input=${this.#onInput}
              @keydown=${this.#onKeydown}
              @keyup=${this.#mentions.onCaretMove}
              @click=${this.#mentions.onCaretMove}
              @blur=${this.#onBlur}
              @paste=${this.#attachments.onPaste}
            ></textarea>
            ${internal ? this.#mentions.render(mention) : nothing}
          </div>
          ${!internal && this.#attachments.uploads.length > 0 ? this.#attachments.render() : nothing}
          <div class="actions" part="actions">
            ${canUpload ? this.#attachments.renderButton() : nothing}
            ${!internal && afterCall(data, conversation) ? this.#renderCallNote() : nothing}
            <span class="status" part="status" role="status"
              >${inRow
                ? html`<span class="failed">${failureMessage(failure.outgoing.mode, failure.refusal)}</span>`
                : this.#status(data)}</span
            >
            ${inRow
              ? html`<button type="button" part="retry" class="button retry" @click=${() => void this.#retry(failure)}>
                  ${msg('Retry', { id: 'composer.retry' })}
                </button>`
              : nothing}
            <span class="hint" part="hint" id="hint">${msg(str`${sendShortcut()} to send`, { id: 'composer.hint' })}</span>
            <button
              type="button"
              part="send"
              class="button send"
              aria-disabled=${String(!canSend)}
              @click=${this.#onSendClick}
            >
              ${icon(SendHorizontal)}<span>${sendLabel}</span>
            </button>
          </div>
        </div>
      </div>
      ${this.#tooltip.render()}
    `;
  }

  #renderCallNote(): TemplateResult {
    const label = msg('Call note', { id: 'composer.callNote' });
    const tip = msg('Write a note on the call, for your team', { id: 'composer.callNote.tip' });
    return html`<button type="button" part="call-note" class="tool call-note" aria-label=${label} data-tip=${tip} @click=${this.#writeCallNote}>
      ${icon(NotebookPen, { size: 18 })}
    </button>`;
  }

  #status(data: Slice): string {
    if (this.notice) return this.notice;
    if (this.busy) return msg('Shortening links…', { id: 'composer.status.shortening' });
    if (this.#attachments.uploading) return msg('Uploading…', { id: 'composer.status.uploading' });
    if (this.#sendingHere) {
      return data.offline
        ? msg('Offline: it will be sent when the connection returns.', { id: 'composer.status.offline' })
        : msg('Sending…', { id: 'composer.status.sending' });
    }
    return '';
  }

  #renderVia(data: Slice, conversation: Conversation): TemplateResult {
    const channels = this.#replyChannels(data, conversation);
    const chosen = this.#channel(data, conversation);
    // "SMS: Support line (US)"; "Instagram" once when the channel is named after its network.
    const label = (c: Channel) => (c.name === channelLabel(c.kind) ? c.name : `${channelLabel(c.kind)}: ${c.name}`);
    const only = channels.length <= 1 ? channels[0] : undefined;
    return html`<div class="via" part="via">
      ${channels.length > 1
        ? html`<label for="channel">${msg('via', { id: 'composer.via.short' })}</label>
            <select id="channel" part="channel" aria-label=${msg('Send via', { id: 'composer.via' })} @change=${this.#onChannel}>
              ${channels.map((c) => html`<option value=${c.id} ?selected=${c.id === chosen}>${label(c)}</option>`)}
            </select>`
        : only
          ? html`<span class="via-only">${msg(str`Sent via ${label(only)}`, { id: 'composer.viaOnly' })}</span>`
          : nothing}
    </div>`;
  }

  #onChannel = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    const data = this.#slice;
    const conversation = data?.conversation;
    // The default needs no choice recorded: it follows the conversation (R2).
    const fallback = data && conversation ? (this.#replyChannels(data, conversation)[0]?.id ?? null) : null;
    this.#draft.choose(value === fallback ? null : value);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'message-composer': MessageComposer;
  }
}

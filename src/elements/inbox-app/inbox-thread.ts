import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import { StoreController } from '../../controllers/store.controller.js';
import { displayState } from '../../model/display.js';
import type { TimelineItem } from '../../model/types.js';
import type { InboxStore, StoreState } from '../../store/inbox-store.js';
import { tokens } from '../../styles/tokens.js';
import { callStateLabel, eventLabel } from './thread-labels.js';
import { hostStyles } from '../../styles/host-styles.js';

const select = (s: StoreState) => {
  const id = s.ui.openId;
  return {
    conversation: id ? s.model.conversations.get(id) : undefined,
    timeline: id ? s.model.timelines.get(id) : undefined,
    paging: id ? s.paging.get(id) : undefined,
    model: s.model,
    userId: s.userId,
    focusedMessageId: s.ui.focusedMessageId,
  };
};
type Slice = ReturnType<typeof select>;
const sameSlice = (a: Slice, b: Slice) =>
  a.conversation === b.conversation &&
  a.timeline === b.timeline &&
  a.paging === b.paging &&
  a.focusedMessageId === b.focusedMessageId &&
  a.model.contacts === b.model.contacts &&
  a.model.users === b.model.users;

/**
 * @summary The open conversation as a read-only thread: contact, state and
 * the timeline in time order, internal items marked. <inbox-app>'s
 * conversation pane until <conversation-view> (issue 4) replaces it.
 *
 * Everything renders as text (Lit escapes it); e-mail HTML is not rendered
 * here at all. Loads the timeline through the store when a conversation
 * opens; "Load older" pages back.
 *
 * @csspart header - Contact name and state.
 * @csspart timeline - The list of items.
 * @csspart item - One timeline item.
 * @csspart back - The back button (narrow layouts).
 * @fires thread-back - The back button was pressed.
 */
@localized()
export class InboxThread extends LitElement {
  static override styles = [
    tokens,
    hostStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
        color: var(--_inbox-color-text);
        background: var(--_inbox-color-surface);
        font-size: var(--_inbox-font-size);
      }
      header {
        display: flex;
        align-items: center;
        gap: var(--_inbox-space-3);
        padding: var(--_inbox-space-4) var(--_inbox-space-5);
        border-bottom: 1px solid var(--_inbox-color-border);
      }
      h2 {
        margin: 0;
        font-size: 1.05rem;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: var(--_inbox-space-4) var(--_inbox-space-5);
        overflow: auto;
        flex: 1;
      }
      li {
        max-width: 75%;
        margin: var(--_inbox-space-3) 0;
        padding: var(--_inbox-space-3) var(--_inbox-space-4);
        border-radius: var(--_inbox-radius-lg);
        background: var(--_inbox-color-surface-raised);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      li.out {
        margin-inline-start: auto;
        background: color-mix(in srgb, var(--_inbox-color-accent) 12%, var(--_inbox-color-surface));
      }
      li.internal {
        border: 1px dashed var(--_inbox-status-waiting);
        background: color-mix(in srgb, var(--_inbox-status-waiting) 10%, var(--_inbox-color-surface));
      }
      li.focused {
        outline: 2px solid var(--_inbox-color-accent);
      }
      .meta {
        display: block;
        font-size: var(--_inbox-font-size-sm);
        color: var(--_inbox-color-text-muted);
      }
      .empty {
        margin: auto;
        color: var(--_inbox-color-text-muted);
      }
      button {
        font: inherit;
        color: inherit;
        background: var(--_inbox-color-surface-raised);
        border: 1px solid var(--_inbox-color-border);
        border-radius: var(--_inbox-radius);
        padding: var(--_inbox-space-2) var(--_inbox-space-4);
        cursor: pointer;
      }
      .more {
        align-self: center;
      }
    `,
  ];

  /** A store to use instead of the provider's. */
  @property({ attribute: false }) store: InboxStore | undefined;

  /** Show a back button (the app sets it in its one-pane layout). */
  @property({ type: Boolean, attribute: 'show-back' }) showBack = false;

  readonly #data = new StoreController(this, select, sameSlice);
  #loadedFor: string | null = null;

  protected override updated(): void {
    const id = this.#data.value?.conversation?.id ?? null;
    if (id && id !== this.#loadedFor) {
      this.#loadedFor = id;
      void this.#data.store?.loadTimeline(id);
    }
  }

  protected override render() {
    const data = this.#data.value;
    const conversation = data?.conversation;
    if (!data || !conversation) {
      return html`<p class="empty">${msg('Pick a conversation to read it.', { id: 'thread.empty' })}</p>`;
    }
    const contact = data.model.contacts.get(conversation.contactId);
    const assignee = conversation.assignee;
    const owner =
      assignee?.type === 'user'
        ? data.model.users.get(assignee.id)?.name
        : assignee?.type === 'bot'
          ? data.model.bots.get(assignee.id)?.name
          : undefined;
    return html`
      <header part="header">
        ${this.showBack
          ? html`<button part="back" @click=${this.#back}>${msg('Back', { id: 'thread.back' })}</button>`
          : nothing}
        <h2>${contact?.name ?? conversation.contactId}</h2>
        <status-badge state=${displayState(data.model, conversation, data.userId)}></status-badge>
        <span class="meta">${owner ? msg(str`Assigned to ${owner}`, { id: 'thread.assigned' }) : msg('Unassigned', { id: 'thread.unassigned' })}</span>
      </header>
      ${data.paging?.hasMore
        ? html`<button class="more" @click=${this.#older}>${msg('Load older', { id: 'thread.older' })}</button>`
        : nothing}
      <ol part="timeline" aria-label=${msg('Conversation timeline', { id: 'thread.timeline' })}>
        ${repeat(
          data.timeline ?? [],
          (item) => item.id,
          (item) => this.#item(item, data),
        )}
      </ol>
    `;
  }

  #item(item: TimelineItem, data: Slice) {
    const internal = item.type === 'comment' || item.type === 'note' || item.type === 'event';
    const direction = item.type === 'message' || item.type === 'call' ? item.direction : '';
    const classes = `${direction} ${internal ? 'internal' : ''} ${item.id === data.focusedMessageId ? 'focused' : ''}`;
    return html`<li part="item" class=${classes} id=${`item-${item.id}`}>
      ${internal ? html`<span class="meta">${msg('Internal', { id: 'thread.internal' })}</span>` : nothing}
      ${this.#text(item, data)}
      <span class="meta">${new Date(item.at).toLocaleString()}</span>
    </li>`;
  }

  #text(item: TimelineItem, data: Slice): string {
    const name = (id: string | null) => (id ? (data.model.users.get(id)?.name ?? id) : '');
    switch (item.type) {
      case 'message':
        return item.body;
      case 'call':
        return msg(str`Call ${callStateLabel(item.state)}, ${item.duration} s`, { id: 'thread.call' });
      case 'comment':
        return `${name(item.authorId)}: ${item.body}`;
      case 'note':
        return `${name(item.authorId)}: ${item.body}`;
      case 'event':
        return `${name(item.actorId)} ${eventLabel(item.kind)}${item.detail ? ` (${item.detail})` : ''}`;
    }
  }

  #older = () => {
    const id = this.#data.value?.conversation?.id;
    if (id) void this.#data.store?.loadTimeline(id, { older: true });
  };

  #back = () => {
    this.dispatchEvent(new Event('thread-back', { bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'inbox-thread': InboxThread;
  }
}

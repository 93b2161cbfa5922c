import { replyChannels } from '../../model/channels.js';
import type { Channel, Contact, Conversation, Id, InboxState } from '../../model/types.js';
import type { StoreState } from '../../store/inbox-store.js';
import type { PendingCommand } from '../../store/pending.js';

/** What the composer reads from the store; it re-renders only when one of these changes. */
export interface Slice {
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

export const sameSlice = (a: Slice, b: Slice): boolean =>
  a.userId === b.userId &&
  a.conversationId === b.conversationId &&
  a.conversation === b.conversation &&
  a.contact === b.contact &&
  a.channels === b.channels &&
  a.users === b.users &&
  a.pending === b.pending &&
  a.ready === b.ready &&
  a.offline === b.offline;

/** The slice for `conversationId`, or for the store's open conversation (`ui.openId`). */
export function selectSlice(s: StoreState, conversationId: Id | undefined): Slice {
  const id = conversationId ?? s.ui.openId;
  const conversation = id ? s.model.conversations.get(id) : undefined;
  return {
    userId: s.userId,
    conversationId: id,
    conversation,
    contact: conversation ? s.model.contacts.get(conversation.contactId) : undefined,
    channels: s.model.channels,
    users: s.model.users,
    pending: s.pending,
    ready: s.ready,
    offline: s.connection === 'offline',
  };
}

/**
 * Whether the conversation is "after a call": on a voice line, or its newest
 * message was a call. The composer then offers a call note.
 */
export function afterCall(data: Slice, conversation: Conversation): boolean {
  return conversation.lastMessage?.kind === 'call' || data.channels.get(conversation.channelId)?.kind === 'call';
}

/**
 * The channels a reply in the slice's conversation may go by (model
 * `replyChannels`), computed again only when the channels, the conversation
 * or the contact change: one memo per composer.
 */
export function replyChannelsMemo(): (data: Slice, conversation: Conversation) => readonly Channel[] {
  let memo: { key: readonly unknown[]; value: readonly Channel[] } | null = null;
  return (data, conversation) => {
    const key = [data.channels, conversation, data.contact];
    if (memo && memo.key.every((k, i) => k === key[i])) return memo.value;
    const contacts = new Map(data.contact ? [[data.contact.id, data.contact]] : []);
    const value = replyChannels({ channels: data.channels, contacts }, conversation);
    memo = { key, value };
    return value;
  };
}

import type { Conversation, Id, InboxState } from './types.js';

export const DISPLAY_STATES = [
  'trash',
  'blocked',
  'spam',
  'done',
  'snoozed',
  'sent',
  'unread',
  'new',
  'waiting',
] as const;
export type DisplayState = (typeof DISPLAY_STATES)[number];

/**
 * The one state a list row or header shows for a conversation, in the same
 * precedence as the folder views (Trash, then Blocked, then Spam: R6, R8,
 * R7), then Done (R3), Snoozed (R18), Sent (R9), Unread (R4, or a mention
 * unread for `userId`: R20), and else its queue, New or Waiting (R5).
 */
export function displayState(state: InboxState, conversation: Conversation, userId?: Id): DisplayState {
  if (conversation.trashedAt !== null) return 'trash';
  if (state.contacts.get(conversation.contactId)?.blocked) return 'blocked';
  if (conversation.spam) return 'spam';
  if (conversation.status === 'done') return 'done';
  if (conversation.snoozedUntil !== null) return 'snoozed';
  if (conversation.sent) return 'sent';
  if (conversation.unread || (userId !== undefined && conversation.mentionsUnread.includes(userId))) return 'unread';
  return conversation.awaiting === 'agent' ? 'new' : 'waiting';
}

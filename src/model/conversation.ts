import type { Conversation, Id, Millis } from './types.js';

/**
 * A conversation as it is born: open, read, awaiting an agent, unowned,
 * with no message yet. The rules fill in what the first message or call
 * changes (R1, R7, R9); tests and stories start from it too.
 */
export function blankConversation(fields: {
  id: Id;
  channelId: Id;
  contactId: Id;
  subject?: string;
  now: Millis;
}): Conversation {
  return {
    id: fields.id,
    channelId: fields.channelId,
    contactId: fields.contactId,
    participants: 1,
    subject: fields.subject ?? '',
    status: 'open',
    unread: false,
    awaiting: 'agent',
    assignee: null,
    teamId: null,
    labels: [],
    priority: 'none',
    pinned: false,
    snoozedUntil: null,
    mentions: [],
    mentionsUnread: [],
    spam: false,
    trashedAt: null,
    sent: false,
    humanOwned: false,
    lastMessage: null,
    lastInboundAt: null,
    awaitingSince: fields.now,
    createdAt: fields.now,
    doneAt: null,
    custom: {},
    version: 1,
  };
}

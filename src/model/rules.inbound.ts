/**
 * Messages an agent sends: R2 reply, R9 outbound start, R8's blocked
 * contacts, R29's retry; the call helpers the calls' rules (rules.calls.ts)
 * and the backend's inbound calls share. What the contact sends (R1,
 * R7, R18's wake-up) is the backend's to decide: rules.system.ts.
 */
import { blankConversation } from './conversation.js';
import { initialDelivery, retryDelivery as retried } from './delivery.js';
import {
  accept,
  byPerson,
  changeConversation,
  findContact,
  findConversation,
  findItem,
  isBlank,
  isRefused,
  preview,
  refuse,
  timelineEvent,
  without,
  type Change,
  type ConversationPatch,
  type Refused,
  type Rule,
  type RuleInput,
} from './rules.support.js';
import type {
  CallItem,
  Channel,
  Contact,
  Conversation,
  Direction,
  Id,
  LastCall,
  LastMessage,
  MessageItem,
} from './types.js';

export interface Party {
  readonly contact: Contact;
  readonly channel: Channel;
}

export function findParty(input: RuleInput, contactId: Id, channelId: Id): Party | Refused {
  const contact = findContact(input, contactId);
  if (isRefused(contact)) return contact;
  const channel = input.state.channels.get(channelId);
  if (!channel) return refuse('not-found', `Channel ${channelId} was not found.`);
  return { contact, channel };
}

export function newConversation(input: RuleInput, id: Id, party: Party, subject: string): Conversation {
  return blankConversation({ id, channelId: party.channel.id, contactId: party.contact.id, subject, now: input.ctx.now });
}

export function callItem(input: RuleInput, conversationId: Id, itemId: Id, direction: Direction, agentId: Id | null): CallItem {
  return {
    type: 'call',
    id: itemId,
    conversationId,
    at: input.ctx.now,
    direction,
    state: 'ringing',
    duration: 0,
    agentId,
    recording: false,
  };
}

/** What a conversation's last message keeps of `call` (LastMessage.call). */
export const lastCall = (call: CallItem): LastCall => ({
  itemId: call.id,
  state: call.state,
  duration: call.duration,
  recording: call.recording,
});

/** The last message's call, brought up to date when `call` is that call; else no change. */
export function lastCallPatch(c: Conversation, call: CallItem): ConversationPatch {
  const last = c.lastMessage;
  if (last?.call?.itemId !== call.id) return {};
  return { lastMessage: { ...last, call: lastCall(call) } };
}

/** R2: our message makes it read and awaiting the contact; the status stays. */
export function outboundChange(last: LastMessage): Change {
  return { patch: { lastMessage: last, unread: false, awaiting: 'contact' } };
}

/** R9: a conversation we start waits in Sent until the contact replies. */
export function startedPatch(last: LastMessage): ConversationPatch {
  return { lastMessage: last, sent: true, awaiting: 'contact', unread: false };
}

// R2
export const reply: Rule<'reply'> = byPerson((input, actor) => {
  const args = input.command.args;
  const attachments = args.attachments ?? [];
  if (isBlank(args.body) && attachments.length === 0) {
    return refuse('invalid', 'A reply needs a message or an attachment.');
  }
  const c = findConversation(input, args.conversationId);
  if (isRefused(c)) return c;
  const channel = input.state.channels.get(args.channelId ?? c.channelId);
  if (!channel) return refuse('not-found', `Channel ${args.channelId ?? c.channelId} was not found.`);
  const message: MessageItem = {
    type: 'message',
    id: args.itemId,
    conversationId: c.id,
    at: input.ctx.now,
    direction: 'out',
    channelKind: channel.kind,
    senderId: actor.id,
    body: args.body,
    attachments,
    ...deliveryOn(channel, input.ctx.now),
  };
  const text = isBlank(args.body) ? (attachments[0]?.name ?? '') : args.body;
  const last: LastMessage = { preview: preview(text), at: input.ctx.now, direction: 'out', kind: channel.kind };
  const change = outboundChange(last);
  const patch: ConversationPatch = {
    ...change.patch,
    channelId: channel.id,
    // Replying reads it, mentions included (R4, R20).
    mentionsUnread: without(c.mentionsUnread, actor.id),
  };
  return accept([timelineEvent(message), ...changeConversation(input, c, { patch })]);
});

// R9: the starter owns it, so that it stays in their Mine (and in their sight under R14).
export const startConversation: Rule<'startConversation'> = byPerson((input, actor) => {
  const args = input.command.args;
  if (isBlank(args.body)) return refuse('invalid', 'A first message cannot be empty.');
  if (input.state.conversations.has(args.conversationId)) {
    return refuse('conflict', `Conversation ${args.conversationId} already exists.`);
  }
  const party = findParty(input, args.contactId, args.channelId);
  if (isRefused(party)) return party;
  const { now } = input.ctx;
  const last: LastMessage = { preview: preview(args.body), at: now, direction: 'out', kind: party.channel.kind };
  const conversation: Conversation = {
    ...newConversation(input, args.conversationId, party, args.subject),
    ...startedPatch(last),
    assignee: { type: 'user', id: actor.id },
    humanOwned: true,
  };
  const message: MessageItem = {
    type: 'message',
    id: args.itemId,
    conversationId: conversation.id,
    at: now,
    direction: 'out',
    channelKind: party.channel.kind,
    senderId: actor.id,
    body: args.body,
    attachments: [],
    ...deliveryOn(party.channel, now),
  };
  return accept([timelineEvent(message), { type: 'conversation.upserted', conversation }]);
});

/** R29: the delivery an outbound message starts with on `channel`, as spread fields (none without an edge). */
function deliveryOn(channel: Channel, now: number): Pick<MessageItem, 'delivery'> {
  const delivery = initialDelivery(channel, now);
  return delivery ? { delivery } : {};
}

// R29: a failed delivery is sent again by anyone who sees the conversation (R14).
export const retryDelivery: Rule<'retryDelivery'> = byPerson((input) => {
  const args = input.command.args;
  const c = findConversation(input, args.conversationId);
  if (isRefused(c)) return c;
  const message = findItem(input.state, c.id, args.itemId, 'message');
  if (!message || message.direction !== 'out') return refuse('not-found', `Message ${args.itemId} was not found.`);
  const next = retried(message.delivery, input.ctx.now);
  if ('refused' in next) return refuse('conflict', next.refused);
  return accept([timelineEvent({ ...message, delivery: next })]);
});

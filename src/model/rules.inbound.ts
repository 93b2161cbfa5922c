/**
 * Messages and calls an agent sends or takes: R2 reply, R9 outbound start,
 * R8's blocked contacts, R10's call assignment. What the contact sends (R1,
 * R7, R18's wake-up) is the backend's to decide: rules.system.ts.
 */
import { blankConversation } from './conversation.js';
import { initialDelivery, retryDelivery as retried } from './delivery.js';
import type { DomainEvent } from './events.js';
import {
  accept,
  assigneeKey,
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
  User,
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

/**
 * R10: taking a call on an unassigned conversation gives it to the agent,
 * and the contact too unless someone already owns them.
 */
function claimEvents(input: RuleInput, actor: User, c: Conversation, patch: ConversationPatch): DomainEvent[] {
  if (c.assignee !== null) return changeConversation(input, c, { patch });
  const assignee = { type: 'user', id: actor.id } as const;
  const events = changeConversation(input, c, {
    patch: { ...patch, assignee, humanOwned: true },
    notes: [{ kind: 'assigned', detail: assigneeKey(assignee) }],
  });
  const contact = input.state.contacts.get(c.contactId);
  if (contact && (contact.ownerId ?? null) === null) {
    events.push({ type: 'contact.upserted', contact: { ...contact, ownerId: actor.id } });
  }
  return events;
}

// R10
export const answerCall: Rule<'answerCall'> = byPerson((input, actor) => {
  const args = input.command.args;
  const c = findConversation(input, args.conversationId);
  if (isRefused(c)) return c;
  const call = findItem(input.state, c.id, args.itemId, 'call');
  if (!call) return refuse('not-found', `Call ${args.itemId} was not found.`);
  if (call.state !== 'ringing') return refuse('conflict', 'This call is no longer ringing.');
  const answered: CallItem = { ...call, state: 'active', agentId: actor.id, answeredAt: input.ctx.now };
  return accept([timelineEvent(answered), ...claimEvents(input, actor, c, lastCallPatch(c, answered))]);
});

// R10
export const placeCall: Rule<'placeCall'> = byPerson((input, actor) => {
  const args = input.command.args;
  const c = findConversation(input, args.conversationId);
  if (isRefused(c)) return c;
  if (findItem(input.state, c.id, args.itemId, 'call')) {
    return refuse('conflict', `Call ${args.itemId} already exists.`);
  }
  const call = callItem(input, c.id, args.itemId, 'out', actor.id);
  const last: LastMessage = { preview: '', at: input.ctx.now, direction: 'out', kind: 'call', call: lastCall(call) };
  return accept([timelineEvent(call), ...claimEvents(input, actor, c, { lastMessage: last })]);
});

export const endCall: Rule<'endCall'> = (input) => {
  const args = input.command.args;
  if (!Number.isFinite(args.duration) || args.duration < 0) {
    return refuse('invalid', 'A call lasts zero seconds or more.');
  }
  const c = findConversation(input, args.conversationId);
  if (isRefused(c)) return c;
  const call = findItem(input.state, c.id, args.itemId, 'call');
  if (!call) return refuse('not-found', `Call ${args.itemId} was not found.`);
  if (call.state !== 'ringing' && call.state !== 'active') return accept([]);
  // A call hung up before anyone answered was missed; only a call that was talked on has a duration.
  const ended: CallItem =
    call.state === 'active' ? { ...call, state: 'ended', duration: args.duration } : { ...call, state: 'missed' };
  return accept([timelineEvent(ended), ...changeConversation(input, c, { patch: lastCallPatch(c, ended) })]);
};

/** A call of a conversation the actor sees (R14), or why not. */
function findCall(input: RuleInput<'declineCall' | 'setRecording'>): CallItem | Refused {
  const args = input.command.args;
  const c = findConversation(input, args.conversationId);
  if (isRefused(c)) return c;
  return findItem(input.state, c.id, args.itemId, 'call') ?? refuse('not-found', `Call ${args.itemId} was not found.`);
}

/** The call's new item, and its conversation's last message when that is this call. */
function callChanged(input: RuleInput<'declineCall' | 'setRecording'>, call: CallItem): DomainEvent[] {
  const c = input.state.conversations.get(call.conversationId);
  return [timelineEvent(call), ...(c ? changeConversation(input, c, { patch: lastCallPatch(c, call) }) : [])];
}

// Declining stops the ringing for the team; it assigns nobody (R10 is about answering).
export const declineCall: Rule<'declineCall'> = byPerson((input, actor) => {
  const call = findCall(input);
  if (isRefused(call)) return call;
  if (call.state === 'declined') return accept([]);
  if (call.state !== 'ringing' || call.direction !== 'in') {
    return refuse('conflict', 'Only a ringing incoming call can be declined.');
  }
  return accept(callChanged(input, { ...call, state: 'declined', agentId: actor.id }));
});

export const setRecording: Rule<'setRecording'> = byPerson((input) => {
  const call = findCall(input);
  if (isRefused(call)) return call;
  const recording = input.command.args.recording;
  if (call.recording === recording) return accept([]);
  if (call.state !== 'active') return refuse('conflict', 'Only a call in progress can be recorded.');
  return accept(callChanged(input, { ...call, recording }));
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

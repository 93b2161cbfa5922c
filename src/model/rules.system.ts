/**
 * What only a backend decides, the rules of the system's commands
 * (SYSTEM_COMMANDS): R1 inbound messages and calls (with R5, R7's role
 * addresses, R8's blocked contacts and R18's wake-up on the contact's
 * message) and the clock (R6's purge of old trash, R18's wake-ups).
 * rules.backend.ts decides with them; the store never needs them.
 */
import { reportDelivery } from './delivery-reports.js';
import type { DomainEvent } from './events.js';
import { reduce } from './state.js';
import { callItem, findParty, lastCall, newConversation, outboundChange, startedPatch, type Party } from './rules.inbound.js';
import {
  DAY,
  accept,
  changeConversation,
  eventItem,
  findItem,
  isRefused,
  preview,
  refuse,
  timelineEvent,
  type Change,
  type ConversationPatch,
  type EventNote,
  type Refused,
  type Rule,
  type RuleInput,
} from './rules.support.js';
import type { Conversation, Contact, Id, LastMessage, MessageItem, Settings } from './types.js';

/** R7: the local part of an address (display names and +tags aside) is a role like `noreply`. */
export function isRoleAddress(address: string, settings: Settings): boolean {
  const bare = /<([^>]*)>/.exec(address)?.[1] ?? address;
  const at = bare.lastIndexOf('@');
  if (at <= 0) return false;
  const [local] = bare.slice(0, at).trim().toLowerCase().split('+');
  return local !== undefined && settings.roleAddresses.some((role) => role.toLowerCase() === local);
}

/**
 * R1 at a channel's edge: the contact an inbound message or call names is
 * created first when it is new and the edge describes it (`newContact`);
 * the rule then runs on the state that holds it, and its event leads.
 */
function withNewContact<K extends 'receiveMessage' | 'receiveCall'>(
  input: RuleInput<K>,
): { readonly input: RuleInput<K>; readonly created: readonly DomainEvent[] } {
  const args = input.command.args;
  if (!args.newContact || input.state.contacts.has(args.contactId)) return { input, created: [] };
  const contact: Contact = { id: args.contactId, ...args.newContact, tags: [], blocked: false };
  const event: DomainEvent = { type: 'contact.upserted', contact };
  return { input: { ...input, state: reduce(input.state, event) }, created: [event] };
}

/** A conversation the outside world names: new, or existing with the same contact. */
function existingFor(input: RuleInput, conversationId: Id, contactId: Id): Conversation | null | Refused {
  const existing = input.state.conversations.get(conversationId) ?? null;
  if (existing && existing.contactId !== contactId) {
    return refuse('invalid', `Conversation ${conversationId} belongs to another contact.`);
  }
  return existing;
}

/**
 * R1 (and R5, R9, R18): what the contact's message or call does to its
 * conversation. R8: from a blocked contact it is only recorded.
 */
function inboundChange(input: RuleInput, c: Conversation, contact: Contact, last: LastMessage): Change {
  const recorded: ConversationPatch = { lastMessage: last, lastInboundAt: last.at };
  if (contact.blocked) return { patch: recorded };
  if (c.snoozedUntil !== null) {
    const woken = wake(input, c);
    return { patch: { ...woken.patch, ...recorded, sent: false }, notes: woken.notes ?? [] };
  }
  const notes: EventNote[] = c.status === 'done' ? [{ kind: 'reopened' }] : [];
  const patch: ConversationPatch = {
    ...recorded,
    status: 'open',
    doneAt: null,
    unread: true,
    awaiting: 'agent',
    awaitingSince: c.awaiting === 'agent' && c.status === 'open' ? c.awaitingSince : input.ctx.now,
    sent: false,
  };
  return { patch, notes };
}

/** A first contact: R1 opens it unread in New; R7 sends role-address e-mail to Spam. */
function firstInbound(
  input: RuleInput,
  fresh: Conversation,
  party: Party,
  last: LastMessage,
  from: string | undefined,
): Change {
  const change = inboundChange(input, fresh, party.contact, last);
  const address = from ?? party.contact.emails[0];
  const roleMail =
    party.channel.kind === 'email' && address !== undefined && isRoleAddress(address, input.state.settings);
  if (!roleMail) return change;
  const notes = [...(change.notes ?? []), { kind: 'spam', detail: 'role-address' } as const];
  return { patch: { ...change.patch, spam: true }, notes };
}

/**
 * The conversation events of an inbound message or call: a new
 * conversation is created at version 1 (creation is its first change), an
 * existing one changes once.
 */
function inboundEvents(
  input: RuleInput,
  existing: Conversation | null,
  created: () => Conversation,
  firstChange: (fresh: Conversation) => Change,
  laterChange: (c: Conversation) => Change,
): DomainEvent[] {
  if (existing) return changeConversation(input, existing, laterChange(existing));
  const fresh = created();
  const change = firstChange(fresh);
  const conversation: Conversation = { ...fresh, ...change.patch, version: 1 };
  const notes = (change.notes ?? []).map((note) => timelineEvent(eventItem(input, fresh.id, note)));
  return [{ type: 'conversation.upserted', conversation }, ...notes];
}

// R1
export const receiveMessage: Rule<'receiveMessage'> = (given) => {
  const { input, created } = withNewContact(given);
  const args = input.command.args;
  const party = findParty(input, args.contactId, args.channelId);
  if (isRefused(party)) return party;
  const existing = existingFor(input, args.conversationId, args.contactId);
  if (isRefused(existing)) return existing;
  const { now } = input.ctx;
  const kind = party.channel.kind;
  const message: MessageItem = {
    type: 'message',
    id: args.itemId,
    conversationId: args.conversationId,
    at: now,
    direction: 'in',
    channelKind: kind,
    senderId: args.contactId,
    body: args.body,
    ...(args.html === undefined ? {} : { html: args.html }),
    attachments: [],
  };
  const last: LastMessage = { preview: preview(args.body), at: now, direction: 'in', kind };
  const conversationEvents = inboundEvents(
    input,
    existing,
    () => newConversation(input, args.conversationId, party, args.subject ?? ''),
    (fresh) => firstInbound(input, fresh, party, last, args.from),
    (c) => inboundChange(input, c, party.contact, last),
  );
  return accept([...created, timelineEvent(message), ...conversationEvents]);
};

// R1 for calls; a call the phone system reports as outbound follows R2 / R9.
export const receiveCall: Rule<'receiveCall'> = (given) => {
  const { input, created } = withNewContact(given);
  const args = input.command.args;
  const party = findParty(input, args.contactId, args.channelId);
  if (isRefused(party)) return party;
  const existing = existingFor(input, args.conversationId, args.contactId);
  if (isRefused(existing)) return existing;
  const call = callItem(input, args.conversationId, args.itemId, args.direction, null);
  const last: LastMessage = { preview: '', at: input.ctx.now, direction: args.direction, kind: 'call', call: lastCall(call) };
  const inbound = args.direction === 'in';
  const later = (c: Conversation): Change =>
    inbound ? inboundChange(input, c, party.contact, last) : outboundChange(last);
  const conversationEvents = inboundEvents(
    input,
    existing,
    () => newConversation(input, args.conversationId, party, ''),
    (fresh) => (inbound ? later(fresh) : { patch: startedPatch(last) }),
    later,
  );
  return accept([...created, timelineEvent(call), ...conversationEvents]);
};

// R29: the channel's edge reports how an outbound message fares; a late or repeated report changes nothing.
export const setDelivery: Rule<'setDelivery'> = (input) => {
  const args = input.command.args;
  if (!input.state.conversations.has(args.conversationId)) {
    return refuse('not-found', `Conversation ${args.conversationId} was not found.`);
  }
  const message = findItem(input.state, args.conversationId, args.itemId, 'message');
  if (!message || message.direction !== 'out') return refuse('not-found', `Message ${args.itemId} was not found.`);
  const next = reportDelivery(message.delivery, args.status, args.reason, input.ctx.now);
  if (next === null) return accept([]);
  if ('refused' in next) return refuse('invalid', next.refused);
  return accept([timelineEvent({ ...message, delivery: next })]);
};

/**
 * The clock: R18 wakes conversations whose snooze time has come, R6 purges
 * trash older than the retention period.
 */
export const tick: Rule<'tick'> = (input) => {
  const { now } = input.ctx;
  const purgeBefore = now - input.state.settings.trashRetentionDays * DAY;
  const events: DomainEvent[] = [];
  for (const c of input.state.conversations.values()) {
    if (c.trashedAt !== null && c.trashedAt <= purgeBefore) {
      events.push({ type: 'conversation.deleted', id: c.id });
    } else if (typeof c.snoozedUntil === 'number' && c.snoozedUntil <= now) {
      events.push(...changeConversation(input, c, wake(input, c)));
    }
  }
  return accept(events);
};

/**
 * R18: a snoozed conversation returns open, unread and in New. R8: a
 * blocked contact's conversation raises no unread.
 */
export function wake(input: RuleInput, c: Conversation): Change {
  const blocked = input.state.contacts.get(c.contactId)?.blocked === true;
  return {
    patch: {
      snoozedUntil: null,
      status: 'open',
      doneAt: null,
      unread: blocked ? c.unread : true,
      awaiting: 'agent',
      awaitingSince: c.awaiting === 'agent' && c.status === 'open' ? c.awaitingSince : input.ctx.now,
    },
    notes: [{ kind: 'unsnoozed' }],
  };
}

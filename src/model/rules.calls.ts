/**
 * R10: the calls an agent takes, places, declines, records and ends. Not in
 * the script-tag bundle's main file: the calls' elements bring these rules
 * with their chunk (calls-chunk.ts registers them with addPersonRules), and
 * until then a call command changes nothing in the page and the backend
 * decides it (rules.ts). Backends decide with them always (rules.backend.ts).
 */
import type { CallCommandType } from './commands.js';
import type { DomainEvent } from './events.js';
import { callItem, lastCall, lastCallPatch } from './rules.inbound.js';
import {
  accept,
  assigneeKey,
  byPerson,
  changeConversation,
  findConversation,
  findItem,
  isRefused,
  refuse,
  timelineEvent,
  type ConversationPatch,
  type Refused,
  type Rule,
  type RuleInput,
} from './rules.support.js';
import type { CallItem, Conversation, LastMessage, User } from './types.js';

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

/** The calls' rules, by command type. */
export const CALL_RULES: { readonly [K in CallCommandType]: Rule<K> } = { answerCall, placeCall, endCall, declineCall, setRecording };

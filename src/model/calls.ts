/**
 * Ringing and current calls (DESIGN section 5): the incoming-calls list's
 * tabs and queues under R14, the call in progress, and their timers. The
 * Chats / Calls tabs of a list are in list-modes.ts.
 */
import { visibilityFilter } from './permissions.js';
import type {
  CallItem,
  Channel,
  Contact,
  Conversation,
  Id,
  InboxState,
  Millis,
  TimelineItem,
  User,
} from './types.js';
import { canUseView } from './views.js';

/** The tabs of the incoming-calls list. */
export const CALL_FILTERS = ['all', 'mine', 'unassigned'] as const;
export type CallFilter = (typeof CALL_FILTERS)[number];

/** A call with what a person needs to see about it. */
export interface CallEntry {
  readonly call: CallItem;
  readonly conversation: Conversation;
  readonly contact: Contact | undefined;
  readonly channel: Channel | undefined;
}

/** The call items of one timeline, oldest first. Timelines are immutable, so each is scanned once. */
const callCache = new WeakMap<readonly TimelineItem[], readonly CallItem[]>();
function callsOf(timeline: readonly TimelineItem[]): readonly CallItem[] {
  let calls = callCache.get(timeline);
  if (!calls) {
    calls = timeline.filter((item): item is CallItem => item.type === 'call');
    callCache.set(timeline, calls);
  }
  return calls;
}

function entry(state: InboxState, call: CallItem, conversation: Conversation): CallEntry {
  return {
    call,
    conversation,
    contact: state.contacts.get(conversation.contactId),
    channel: state.channels.get(conversation.channelId),
  };
}

/**
 * The tabs `user` may use (R14, as for the views of the same names): every
 * one for owners, managers and `all` agents; no Unassigned for `team`
 * agents; only Assigned to me for `self` agents.
 */
export function callFilters(state: InboxState, user: User): readonly CallFilter[] {
  return CALL_FILTERS.filter((filter) => canUseView(state, user, filter));
}

/**
 * The inbound calls ringing now among the timelines loaded (a client
 * receives each new call live, with its timeline item), that `user` may
 * see (R14) and that `filter` keeps: Assigned to me, Unassigned (no one
 * yet; answering assigns it, R10) or All. A blocked contact's calls ring
 * for no one (R8), nor do trashed conversations' (R6). Longest waiting
 * first.
 */
export function ringingCalls(state: InboxState, user: User, filter: CallFilter): readonly CallEntry[] {
  if (!callFilters(state, user).includes(filter)) return [];
  const visible = visibilityFilter(state, user);
  const found: CallEntry[] = [];
  for (const [conversationId, timeline] of state.timelines) {
    for (const call of callsOf(timeline)) {
      if (call.state !== 'ringing' || call.direction !== 'in') continue;
      const conversation = state.conversations.get(conversationId);
      if (!conversation || conversation.trashedAt !== null || !visible(conversation)) continue;
      if (state.contacts.get(conversation.contactId)?.blocked) continue;
      const assignee = conversation.assignee;
      if (filter === 'mine' && !(assignee?.type === 'user' && assignee.id === user.id)) continue;
      if (filter === 'unassigned' && assignee !== null) continue;
      found.push(entry(state, call, conversation));
    }
  }
  return found.sort((a, b) => a.call.at - b.call.at || (a.call.id < b.call.id ? -1 : 1));
}

/** How many calls ring under each tab `user` may use. */
export function ringingCounts(state: InboxState, user: User): ReadonlyMap<CallFilter, number> {
  return new Map(callFilters(state, user).map((filter) => [filter, ringingCalls(state, user, filter).length]));
}

/**
 * The call `userId` is on: the one they answered and have not ended, else
 * an outbound call they placed that still rings. The newest, if several.
 */
export function currentCall(state: InboxState, userId: Id): CallEntry | null {
  let best: CallEntry | null = null;
  let bestRank = 0;
  for (const [conversationId, timeline] of state.timelines) {
    for (const call of callsOf(timeline)) {
      if (call.agentId !== userId) continue;
      const rank = call.state === 'active' ? 2 : call.state === 'ringing' && call.direction === 'out' ? 1 : 0;
      if (rank === 0 || rank < bestRank || (rank === bestRank && best && best.call.at > call.at)) continue;
      const conversation = state.conversations.get(conversationId);
      if (!conversation) continue;
      best = entry(state, call, conversation);
      bestRank = rank;
    }
  }
  return best;
}

/** One call of a conversation's loaded timeline: `itemId`, else its newest call. */
export function findCall(state: InboxState, conversationId: Id, itemId?: Id | null): CallEntry | null {
  const conversation = state.conversations.get(conversationId);
  const timeline = state.timelines.get(conversationId);
  if (!conversation || !timeline) return null;
  const calls = callsOf(timeline);
  const call = itemId ? calls.find((c) => c.id === itemId) : calls.at(-1);
  return call ? entry(state, call, conversation) : null;
}

/**
 * Seconds a call has lasted at `now`: running from its answer while active,
 * its recorded duration once ended, nothing otherwise.
 */
export function callSeconds(call: CallItem, now: Millis): number {
  if (call.state === 'active') return Math.max(0, Math.floor((now - (call.answeredAt ?? call.at)) / 1000));
  return call.state === 'ended' ? call.duration : 0;
}

/** Seconds an inbound call has been ringing at `now`. */
export function ringingSeconds(call: CallItem, now: Millis): number {
  return Math.max(0, Math.floor((now - call.at) / 1000));
}

/**
 * Conversations whose last message is a call made since `since`, that
 * `user` may see and whose timeline is not loaded: after a reload, the
 * snapshot names them but not their call items, which a call element loads
 * to find a call still ringing or in progress.
 */
export function unloadedRecentCalls(state: InboxState, user: User, since: Millis): readonly Conversation[] {
  const visible = visibilityFilter(state, user);
  const found: Conversation[] = [];
  for (const conversation of state.conversations.values()) {
    const last = conversation.lastMessage;
    if (last?.kind !== 'call' || last.at < since || state.timelines.has(conversation.id)) continue;
    if (conversation.trashedAt === null && visible(conversation)) found.push(conversation);
  }
  return found;
}

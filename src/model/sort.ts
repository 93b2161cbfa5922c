import { activityAt } from './filters.js';
import type { Conversation, Priority, SortOrder } from './types.js';

/**
 * R16: newest first by default; oldest first, waiting longest and (R19)
 * priority on request. Pinned conversations stay on top whatever the order,
 * and ties fall back to the id so that a list never reshuffles on re-render.
 */

export const SORT_ORDERS = ['newest', 'oldest', 'waiting-longest', 'priority'] as const satisfies readonly SortOrder[];

const RANK: Readonly<Record<Priority, number>> = { urgent: 0, high: 1, medium: 2, low: 3, none: 4 };

/** Times fit in 44 bits (until the year 2527); a few bits above them order the groups. */
const SPAN = 2 ** 44;

/**
 * One number per conversation, smaller first: the group (pinned, queue,
 * priority) times SPAN, plus a time. Computing it once per conversation,
 * not twice per comparison, is what sorts 50,000 rows in a few milliseconds:
 * a comparison then reads two numbers instead of four objects.
 */
function sortKey(c: Conversation, order: SortOrder): number {
  const pinned = c.pinned ? 0 : 1;
  const at = activityAt(c);
  switch (order) {
    case 'oldest':
      return pinned * SPAN + at;
    case 'waiting-longest':
      // The New queue first, longest-waiting first; then Waiting, whose
      // awaitingSince is stale, by the oldest last message.
      return c.awaiting === 'agent' ? (pinned * 2) * SPAN + c.awaitingSince : (pinned * 2 + 1) * SPAN + at;
    case 'priority':
      return (pinned * 5 + RANK[c.priority]) * SPAN + (SPAN - 1 - at);
    default:
      return pinned * SPAN + (SPAN - 1 - at);
  }
}

const byId = (a: Conversation, b: Conversation) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A comparator for the order, for small lists and single insertions. */
export function comparator(order: SortOrder): (a: Conversation, b: Conversation) => number {
  return (a, b) => sortKey(a, order) - sortKey(b, order) || byId(a, b);
}

/** A sorted copy: each key computed once, not twice per comparison. */
export function sortConversations(conversations: readonly Conversation[], order: SortOrder): Conversation[] {
  const keyed = conversations.map((c) => ({ c, key: sortKey(c, order) }));
  keyed.sort((a, b) => a.key - b.key || byId(a.c, b.c));
  return keyed.map((entry) => entry.c);
}

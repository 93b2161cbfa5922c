import { runQuery, type Query } from './query.js';
import { canSeeConversation } from './permissions.js';
import { comparator, sortKey } from './sort.js';
import type { Conversation, Id, InboxState, Millis, User } from './types.js';

/**
 * A query's list a page at a time (issue 13's windowed store, R16, R17): the
 * first step of a backend that answers a view without handing over every
 * conversation. A page ends at a cursor that names the last row's place in
 * the order (its sort key and id), not its index: the next page starts after
 * that place, so conversations that arrive, leave or move meanwhile neither
 * repeat nor skip the rows that stayed (R17), and ties keep the id order the
 * list uses (R16).
 */

export interface QueryPage {
  readonly conversations: readonly Conversation[];
  /** How many conversations the whole query matches now. */
  readonly total: number;
  /** The cursor of the next page; null on the last one. */
  readonly next: string | null;
}

/** The most rows a page holds. */
export const MAX_PAGE = 500;

/** The most conversations a request by ids names. */
export const MAX_IDS = 100;

/**
 * The index of the first row of `list` (a query's list, in its order) after
 * `place`: a binary search on (sort key, id), the list's order (R16).
 */
export function indexAfter(list: readonly Conversation[], query: Query, place: { readonly key: number; readonly id: Id }): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const c = list[mid]!;
    const key = sortKey(c, query.sort);
    if (key < place.key || (key === place.key && c.id <= place.id)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The conversations named by `ids` that `user` may see (R14; another is
 * answered as one that does not exist: absent), whatever the view, tab,
 * filters and search, in the query's order (R16), each once.
 */
export function conversationsByIds(state: InboxState, query: Query, user: User, ids: readonly Id[]): readonly Conversation[] {
  const found: Conversation[] = [];
  for (const id of new Set(ids)) {
    const c = state.conversations.get(id);
    if (c && canSeeConversation(state, user, c)) found.push(c);
  }
  return found.sort(comparator(query.sort));
}

/** A cursor: the last row's sort key and id, as text (opaque to a client). */
export const cursorOf = (c: Conversation, query: Query): string => `${sortKey(c, query.sort)}:${c.id}`;

/** The place a cursor names, or null when it is not one of ours. */
export function parseCursor(cursor: string): { readonly key: number; readonly id: Id } | null {
  const at = cursor.indexOf(':');
  if (at <= 0 || at === cursor.length - 1) return null;
  const key = Number(cursor.slice(0, at));
  return Number.isFinite(key) ? { key, id: cursor.slice(at + 1) } : null;
}

/**
 * The page of `query` for `user` after `cursor` (null: the first page), at
 * most `limit` rows (1 to MAX_PAGE). Null when the cursor is not one this
 * function made.
 */
export function queryPage(
  state: InboxState,
  query: Query,
  user: User,
  now: Millis,
  cursor: string | null,
  limit: number,
): QueryPage | null {
  return pageOf(runQuery(state, query, user, now), query, cursor, limit);
}

/**
 * The page after `cursor` of `list`, the query's whole list in its order
 * (runQuery's, or one a backend kept and patched: model/query.ts
 * patchList). Null when the cursor is not one of ours.
 */
export function pageOf(list: readonly Conversation[], query: Query, cursor: string | null, limit: number): QueryPage | null {
  const size = Math.max(1, Math.min(MAX_PAGE, Math.floor(limit)));
  let start = 0;
  if (cursor !== null) {
    const place = parseCursor(cursor);
    if (place === null) return null;
    start = indexAfter(list, query, place);
  }
  const conversations = list.slice(start, start + size);
  const last = conversations[conversations.length - 1];
  return {
    conversations,
    total: list.length,
    next: last !== undefined && start + size < list.length ? cursorOf(last, query) : null,
  };
}

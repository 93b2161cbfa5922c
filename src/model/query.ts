import { compileFilters, type Predicate } from './filters.js';
import { visibilityFilter } from './permissions.js';
import { factsOf, rowsOf } from './rows.js';
import { matchesTerms, parseSearch, searchKey, type SearchTerms } from './search.js';
import type { Conversation, Filters, InboxState, Millis, SortOrder, User } from './types.js';
import { canUseView, viewContext, viewTest, type StatusTab, type ViewId } from './views.js';
import { asPersistent } from './persistent-map.js';
import { comparator } from './sort.js';

/** What a list shows: the state that round-trips through the URL (DESIGN section 4). */
export interface Query {
  readonly view: ViewId;
  readonly tab: StatusTab;
  readonly filters: Filters;
  readonly search: string;
  readonly sort: SortOrder;
}

export const DEFAULT_QUERY: Query = { view: 'all', tab: 'open', filters: {}, search: '', sort: 'newest' };

interface Compiled {
  readonly need: number;
  readonly mask: number;
  /** The rest of the view, the filters, R14 visibility, in that order; the search apart. */
  readonly rest: Predicate;
  readonly terms: SearchTerms | null;
  readonly blocked: ReadonlySet<string>;
}

/** Everything that does not depend on the conversation, worked out once per query. */
function compile(state: InboxState, query: Query, user: User, now: Millis): Compiled | null {
  if (!canUseView(state, user, query.view)) return null;
  const ctx = viewContext(state, user, now, { filters: query.filters, search: query.search });
  const { need, none, test } = viewTest(query.view, query.tab, ctx);
  const visible = visibilityFilter(state, user);
  // The view already placed spam and trash (R6, R7), reading the hide flags.
  const filters = compileFilters(query.filters, state, { hide: false });
  const rest: Predicate = test === null ? (c) => filters(c) && visible(c) : (c) => test(c) && filters(c) && visible(c);
  return { need, mask: need | none, rest, terms: parseSearch(query.search), blocked: ctx.blockedContacts };
}

/**
 * Calls `found` for every conversation `query` shows to `user`. The cheap
 * checks run first (one byte per conversation, see rows.ts), the search,
 * the dearest, last.
 */
function scan(state: InboxState, query: Query, user: User, now: Millis, found: (c: Conversation) => void): void {
  const compiled = compile(state, query, user, now);
  if (compiled === null) return;
  const { need, mask, rest, terms } = compiled;
  const { list, facts, key } = rowsOf(state);
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (((facts[i] ?? 0) & mask) !== need || c === undefined) continue;
    if (rest(c) && (terms === null || matchesTerms(key(i, c), terms))) found(c);
  }
}

/**
 * The conversations `query` shows to `user`, sorted (R16), without a sort:
 * the scan marks the matches in position order (the order the objects lie
 * in memory, which keeps the predicates fast), then the collection
 * presorted for `query.sort` (rows.ts keeps one per order, patched as
 * conversations change) is walked and the marked ones come out in order.
 * At 100,000 conversations that replaces a sort of ~50,000 matches by a
 * pass over a byte array.
 */
export function runQuery(state: InboxState, query: Query, user: User, now: Millis): readonly Conversation[] {
  const found: Conversation[] = [];
  const compiled = compile(state, query, user, now);
  if (compiled === null) return found;
  const { need, mask, rest, terms } = compiled;
  const { list, facts, key, sorted } = rowsOf(state);
  const matched = new Uint8Array(list.length);
  let count = 0;
  for (let i = 0; i < list.length; i++) {
    if (((facts[i] ?? 0) & mask) !== need) continue;
    const c = list[i];
    if (c !== undefined && rest(c) && (terms === null || matchesTerms(key(i, c), terms))) {
      matched[i] = 1;
      count++;
    }
  }
  if (count === 0) return found;
  const positions = sorted(query.sort);
  for (let n = 0; n < positions.length && found.length < count; n++) {
    const i = positions[n]!;
    if (matched[i] === 1) found.push(list[i]!);
  }
  return found;
}

/** How many conversations `query` matches ("select all matching"), without sorting. */
export function countMatches(state: InboxState, query: Query, user: User, now: Millis): number {
  let count = 0;
  scan(state, query, user, now, () => count++);
  return count;
}

/**
 * The same query as a predicate over single conversations, for a store that
 * tests an upserted conversation against the current list (R17).
 */
export function compileQuery(state: InboxState, query: Query, user: User, now: Millis): Predicate {
  const compiled = compile(state, query, user, now);
  if (compiled === null) return () => false;
  const { need, mask, rest, terms, blocked } = compiled;
  return (c) =>
    (factsOf(c, blocked) & mask) === need && rest(c) && (terms === null || matchesTerms(searchKey(state, c), terms));
}

/** More changed conversations than this and a fresh query is cheaper than patching the last list. */
const PATCH_LIMIT = 500;

/**
 * `query`'s list on `after`, from its list on `before` (R16): the
 * conversations that changed between the two states leave the old list and
 * those the query still holds go back in at their sorted place. Null when
 * too many changed (a fresh runQuery is cheaper then). At 100,000
 * conversations that is a scan of identities instead of a query and a sort
 * of the whole view: the store's list after a command, and a backend's page
 * of a query it answered for the state before.
 */
export function patchList(
  before: InboxState,
  after: InboxState,
  list: readonly Conversation[],
  query: Query,
  user: User,
  at: number,
): readonly Conversation[] | null {
  // The collections are PersistentMaps: the positions that changed come from
  // comparing chunks, not from walking both 100,000-entry maps.
  const old = asPersistent(before.conversations);
  const next = asPersistent(after.conversations);
  const positions = next.changedPositions(old, PATCH_LIMIT);
  if (positions === null) return null;
  if (positions.length === 0) return list;
  // The last list is sorted by a total order (ties by id), so each changed
  // conversation's old object is found by binary search, not by a pass
  // over the ~50,000 rows: a command costs O(k log n) comparisons.
  const order = comparator(query.sort);
  const place = (rows: readonly Conversation[], c: Conversation) => {
    let low = 0;
    let high = rows.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (order(rows[mid]!, c) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const kept = list.slice();
  const holds = compileQuery(after, query, user, at);
  for (const position of positions) {
    const was = old.valueAt(position);
    if (was === undefined) continue;
    const index = place(kept, was);
    if (kept[index] === was) kept.splice(index, 1);
  }
  for (const position of positions) {
    const c = next.valueAt(position);
    if (c !== undefined && holds(c)) kept.splice(place(kept, c), 0, c);
  }
  return kept;
}

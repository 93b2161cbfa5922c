import { asPersistent, type PersistentMap } from './persistent-map.js';
import { searchKey } from './search.js';
import { buildSorted, patchSorted, type SortedIndex } from './sort.js';
import type { Conversation, Id, InboxState, SortOrder } from './types.js';

/**
 * Facts about a conversation that decide which views hold it, as bits, and
 * an array form of a state's conversations for fast scans. At 100,000
 * conversations a scan is bound by memory, not by logic: reading one byte
 * per conversation instead of five fields of an object (and a contact
 * lookup) is what keeps a query within a few milliseconds.
 */

export const OPEN = 1; // status open (else done)
export const SNOOZED = 2; // R18
export const SENT = 4; // R9
export const SPAM = 8; // R7
export const TRASH = 16; // R6
export const BLOCKED = 32; // R8: the contact is blocked

export function factsOf(c: Conversation, blocked: ReadonlySet<Id>): number {
  return (
    (c.status === 'open' ? OPEN : 0) |
    (c.snoozedUntil !== null ? SNOOZED : 0) |
    (c.sent ? SENT : 0) |
    (c.spam ? SPAM : 0) |
    (c.trashedAt !== null ? TRASH : 0) |
    (blocked.size > 0 && blocked.has(c.contactId) ? BLOCKED : 0)
  );
}

const blockedCache = new WeakMap<InboxState['contacts'], ReadonlySet<Id>>();

/** The ids of blocked contacts, once per contacts collection. */
export function blockedContacts(state: InboxState): ReadonlySet<Id> {
  let blocked = blockedCache.get(state.contacts);
  if (!blocked) {
    const ids = new Set<Id>();
    for (const k of state.contacts.values()) if (k.blocked) ids.add(k.id);
    blocked = ids;
    blockedCache.set(state.contacts, blocked);
  }
  return blocked;
}

export interface Rows {
  /** The conversations by position in their PersistentMap; undefined where one was deleted. */
  readonly list: readonly (Conversation | undefined)[];
  /** factsOf(list[i]), 0 where no conversation is. */
  readonly facts: Uint8Array;
  /** searchKey(c) for c = list[i], remembered as searches need them. */
  readonly key: (i: number, c: Conversation) => string;
  /** The positions of every conversation in `order` (R16, pinned first): made once, then patched. */
  readonly sorted: (order: SortOrder) => Int32Array;
}

interface RowCache {
  readonly map: PersistentMap<Id, Conversation>;
  readonly list: readonly (Conversation | undefined)[];
  facts: Uint8Array;
  blocked: ReadonlySet<Id>;
  keys: (string | undefined)[];
  contacts: InboxState['contacts'];
  timelines: InboxState['timelines'];
  readonly orders: Map<SortOrder, SortedIndex>;
  /** Search keys below this position were made by `warmSearchKeys` (changed ones since excepted). */
  warmed: number;
}

/** Entities are immutable and a collection is replaced when it changes, so identity is the version. */
const cache = new WeakMap<PersistentMap<Id, Conversation>, RowCache>();
/** The rows last used: the next collection is most often this one with a few entries replaced. */
let last: RowCache | null = null;

export function rowsOf(state: InboxState): Rows {
  const rows = cacheOf(state);
  const { list, keys } = rows;
  return {
    list,
    facts: rows.facts,
    key: (i, c) => (keys[i] ??= searchKey(state, c)),
    sorted: (order) => sortedOf(rows, order),
  };
}

function cacheOf(state: InboxState): RowCache {
  const blocked = blockedContacts(state);
  const map = asPersistent(state.conversations);
  let rows = cache.get(map);
  if (!rows) {
    rows = (last && derive(state, map, blocked, last)) ?? build(state, map, blocked);
    cache.set(map, rows);
  }
  last = rows;
  if (rows.blocked !== blocked) {
    if (!sameBlocked(rows.blocked, blocked)) rows.facts = factsFor(rows.list, blocked);
    rows.blocked = blocked;
  }
  if (rows.contacts !== state.contacts || rows.timelines !== state.timelines) {
    // A key reads the contact and the loaded timeline too.
    rows.keys = emptyKeys(rows.list.length);
    rows.contacts = state.contacts;
    rows.timelines = state.timelines;
    rows.warmed = 0;
  }
  return rows;
}

function sortedOf(rows: RowCache, order: SortOrder): Int32Array {
  let sorted = rows.orders.get(order);
  if (!sorted) {
    sorted = buildSorted(rows.list, order);
    rows.orders.set(order, sorted);
  }
  return sorted.positions;
}

/**
 * Makes the search keys of `state`'s conversations ahead of the first
 * search (about 2 µs each, 200 ms at 100,000), a slice at a time while
 * `hasTime()` holds. True once every key is made; the store calls it in
 * idle time until then. Keys carry over to later versions of the
 * collection, except for the conversations that changed.
 */
export function warmSearchKeys(state: InboxState, hasTime: () => boolean): boolean {
  const rows = cacheOf(state);
  const { list, keys } = rows;
  let made = 0;
  for (let i = rows.warmed; i < list.length; i++) {
    const c = list[i];
    if (c === undefined || keys[i] !== undefined) continue;
    // A slice makes at least 256 keys, so that a busy page still gets there.
    if ((++made & 63) === 0 && made > 256 && !hasTime()) {
      rows.warmed = i;
      return false;
    }
    keys[i] = searchKey(state, c);
  }
  rows.warmed = list.length;
  return true;
}

const sameBlocked = (a: ReadonlySet<Id>, b: ReadonlySet<Id>) => a === b || (a.size === 0 && b.size === 0);

// Filled, not holey: a holey array of 100,000 would be slower to read.
const emptyKeys = (n: number) => new Array<string | undefined>(n).fill(undefined);

/** A plain loop: Uint8Array.from with a mapping function took three times as long at 100,000. */
function factsFor(list: readonly (Conversation | undefined)[], blocked: ReadonlySet<Id>): Uint8Array {
  const facts = new Uint8Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c !== undefined) facts[i] = factsOf(c, blocked);
  }
  return facts;
}

function build(state: InboxState, map: PersistentMap<Id, Conversation>, blocked: ReadonlySet<Id>): RowCache {
  const list = map.slotValues();
  return {
    map,
    list,
    facts: factsFor(list, blocked),
    blocked,
    keys: emptyKeys(list.length),
    contacts: state.contacts,
    timelines: state.timelines,
    orders: new Map(),
    warmed: 0,
  };
}

/**
 * The rows of `map` from those of an earlier version: a collection keeps
 * its positions from version to version, so only the positions that
 * changed are redone (facts, search key, place in each sorted index). A
 * command at 100,000 conversations then costs a few array copies, not a
 * rebuild of 100,000 rows and a sort. Null when too much changed.
 */
function derive(
  state: InboxState,
  map: PersistentMap<Id, Conversation>,
  blocked: ReadonlySet<Id>,
  previous: RowCache,
): RowCache | null {
  const changed = map.changedPositions(previous.map, Math.max(1024, map.slotCount >> 1));
  if (changed === null) return null;
  const length = map.slotCount;
  const list = previous.list.slice(0, length);
  while (list.length < length) list.push(undefined);
  const sameFacts = sameBlocked(previous.blocked, blocked);
  const sameKeys = previous.contacts === state.contacts && previous.timelines === state.timelines;
  let facts: Uint8Array;
  if (sameFacts) {
    facts = new Uint8Array(length);
    facts.set(previous.facts.subarray(0, length));
  }
  const keys = sameKeys ? previous.keys.slice(0, length) : emptyKeys(length);
  while (keys.length < length) keys.push(undefined);
  for (const at of changed) {
    const c = map.valueAt(at);
    list[at] = c;
    keys[at] = undefined;
    if (sameFacts) facts![at] = c === undefined ? 0 : factsOf(c, blocked);
  }
  if (!sameFacts) facts = factsFor(list, blocked);
  const orders = new Map<SortOrder, SortedIndex>();
  for (const [order, sorted] of previous.orders) orders.set(order, patchSorted(sorted, list, changed, order));
  return {
    map,
    list,
    facts: facts!,
    blocked,
    keys,
    contacts: state.contacts,
    timelines: state.timelines,
    orders,
    warmed: sameKeys ? Math.min(previous.warmed, length) : 0,
  };
}

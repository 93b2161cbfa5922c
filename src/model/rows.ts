import { searchKey } from './search.js';
import type { Conversation, Id, InboxState } from './types.js';

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
    blocked = new Set([...state.contacts.values()].filter((k) => k.blocked).map((k) => k.id));
    blockedCache.set(state.contacts, blocked);
  }
  return blocked;
}

export interface Rows {
  readonly list: readonly Conversation[];
  /** factsOf(list[i]). */
  readonly facts: Uint8Array;
  /** searchKey(c) for c = list[i], remembered as searches need them. */
  readonly key: (i: number, c: Conversation) => string;
}

interface RowCache {
  readonly list: readonly Conversation[];
  facts: Uint8Array;
  blocked: ReadonlySet<Id>;
  keys: (string | undefined)[];
  contacts: InboxState['contacts'];
  timelines: InboxState['timelines'];
}

/** Entities are immutable and the store copies a collection when it changes, so identity is the version. */
const cache = new WeakMap<InboxState['conversations'], RowCache>();
/** The rows last used: the next collection is most often this one with a few entries replaced. */
let last: RowCache | null = null;

export function rowsOf(state: InboxState): Rows {
  const blocked = blockedContacts(state);
  let rows = cache.get(state.conversations);
  if (!rows) {
    rows = build(state, blocked, last);
    cache.set(state.conversations, rows);
  }
  last = rows;
  if (rows.blocked !== blocked) {
    if (!sameBlocked(rows.blocked, blocked)) rows.facts = Uint8Array.from(rows.list, (c) => factsOf(c, blocked));
    rows.blocked = blocked;
  }
  if (rows.contacts !== state.contacts || rows.timelines !== state.timelines) {
    // A key reads the contact and the loaded timeline too.
    rows.keys = emptyKeys(rows.list.length);
    rows.contacts = state.contacts;
    rows.timelines = state.timelines;
  }
  const { list, keys } = rows;
  return { list, facts: rows.facts, key: (i, c) => (keys[i] ??= searchKey(state, c)) };
}

const sameBlocked = (a: ReadonlySet<Id>, b: ReadonlySet<Id>) => a === b || (a.size === 0 && b.size === 0);

// Filled, not holey: a holey array of 100,000 would be slower to read.
const emptyKeys = (n: number) => new Array<string | undefined>(n).fill(undefined);

/**
 * The store copies the conversations map and sets the few that changed, so
 * a new collection keeps the order of the previous one: where the object at
 * an index is the same, its facts and search key carry over. A live event
 * then costs a comparison per row, not a rebuild of 100,000 search keys.
 */
function build(state: InboxState, blocked: ReadonlySet<Id>, previous: RowCache | null): RowCache {
  const list = [...state.conversations.values()];
  const facts = new Uint8Array(list.length);
  const keys = emptyKeys(list.length);
  const old = previous?.list ?? [];
  const sameFacts = previous !== null && sameBlocked(previous.blocked, blocked);
  const sameKeys = previous?.contacts === state.contacts && previous.timelines === state.timelines;
  list.forEach((c, i) => {
    const kept = previous !== null && old[i] === c;
    facts[i] = (kept && sameFacts ? previous.facts[i] : undefined) ?? factsOf(c, blocked);
    if (kept && sameKeys) keys[i] = previous.keys[i];
  });
  return { list, facts, blocked, keys, contacts: state.contacts, timelines: state.timelines };
}

/**
 * Selectors over StoreState: each reads model/ (never re-implements a rule)
 * and remembers its last answer, so every subscriber of the same list costs
 * one query per state change. Make them per store with `createSelectors()`:
 * no cache is shared between two inboxes.
 */
import { openCounts } from '../model/indicators.js';
import { patchList, runQuery, type Query } from '../model/query.js';
import { indexAfter, parseCursor } from '../model/query-page.js';
import type { Conversation, Id, TimelineItem, User } from '../model/types.js';
import { sidebarViews } from '../model/views.js';
import type { StoreState } from './inbox-store.js';
import { selectionOf, type InboxSelection } from './selection.js';

/**
 * Remembers the last result while every key is identical (===). `keys`
 * names what the computation reads, so unrelated changes (a timeline page,
 * presence) do not recompute a 100,000-row query.
 */
export function memo<R>(
  keys: (state: StoreState) => readonly unknown[],
  compute: (state: StoreState) => R,
): (state: StoreState) => R {
  let last: readonly unknown[] | null = null;
  let result!: R;
  return (state) => {
    const next = keys(state);
    if (last?.length === next.length && next.every((value, i) => value === last![i])) return result;
    last = next;
    result = compute(state);
    return result;
  };
}

export const selectUser = (state: StoreState): User | undefined => state.model.users.get(state.userId);

export const selectConversation =
  (id: Id) =>
  (state: StoreState): Conversation | undefined =>
    state.model.conversations.get(id);

export const selectTimeline =
  (id: Id) =>
  (state: StoreState): readonly TimelineItem[] | undefined =>
    state.model.timelines.get(id);

const entityKeys = (state: StoreState) => {
  const m = state.model;
  return [m.conversations, m.contacts, m.users, m.teams, m.views, m.channels, m.settings, state.userId];
};

export interface Selectors {
  /** The conversations of the current view, tab, filters and search, sorted (R14..R16). */
  readonly list: (state: StoreState) => readonly Conversation[];
  /** Open counts per view for the sidebar (R15). */
  readonly counts: (state: StoreState) => ReadonlyMap<string, number>;
  /** The views the current user may see, in sidebar order (R14). */
  readonly views: (state: StoreState) => ReturnType<typeof sidebarViews>;
  /** What the agent works on: the checked rows, else the open conversation (selection.ts). */
  readonly selection: (state: StoreState) => InboxSelection;
}

export function createSelectors(now: () => number = Date.now): Selectors {
  return {
    list: listSelector(now),
    counts: memo(entityKeys, (state) => {
      // A windowed store holds only some conversations: the backend counts (store/window.ts).
      if (state.window) return state.window.counts;
      const user = selectUser(state);
      return user ? openCounts(state.model, user, now()) : new Map<string, number>();
    }),
    views: memo(entityKeys, (state) => {
      const user = selectUser(state);
      return user ? sidebarViews(state.model, user) : [];
    }),
    selection: memo(
      (state) => [state.ui.checked, state.ui.openId, state.model.conversations, state.model.contacts],
      (state) => selectionOf(state.model, state.ui),
    ),
  };
}


const listKeys = (state: StoreState): readonly unknown[] => {
  const ui = state.ui;
  return [...entityKeys(state), ui.view, ui.tab, ui.filters, ui.search, ui.sort, state.window];
};

/** One query's identity: its view, tab, filters, search and sort (a windowed store's pages answer one). */
export const queryKey = ({ view, tab, filters, search, sort }: Query): string =>
  JSON.stringify([view, tab, filters, search, sort]);

/**
 * A windowed store's list ends at its last loaded row's place (the cursor
 * of the next page): what the store holds past it is not all there is.
 */
function cutAtCursor(list: readonly Conversation[], next: string | null, query: Query): readonly Conversation[] {
  const place = next === null ? null : parseCursor(next);
  if (place === null) return list;
  const end = indexAfter(list, query, place);
  return end === list.length ? list : list.slice(0, end);
}

/**
 * The current query's list, remembered like `memo`, and patched rather than
 * recomputed when only a few conversations changed (a command, a live
 * event): the changed ones leave the last list and those the query still
 * holds go back in at their sorted place (R16). At 100,000 conversations
 * that is a scan of identities instead of a query and a sort of the whole
 * view, which keeps key E within a frame.
 */
function listSelector(now: () => number): (state: StoreState) => readonly Conversation[] {
  let lastKeys: readonly unknown[] | null = null;
  let lastState: StoreState | null = null;
  let result: readonly Conversation[] = [];
  return (state) => {
    const keys = listKeys(state);
    if (lastKeys?.length === keys.length && keys.every((value, i) => value === lastKeys![i])) return result;
    // A windowed store asking for a new query's first page: the last list until it comes.
    if (state.window && state.window.key !== queryKey(state.ui)) return result;
    const onlyConversations =
      lastKeys !== null && keys[0] !== lastKeys[0] && keys.every((value, i) => i === 0 || value === lastKeys![i]);
    const user = selectUser(state);
    const { view, tab, filters, search, sort } = state.ui;
    const query: Query = { view, tab, filters, search, sort };
    const patched = onlyConversations && lastState && user ? patchList(lastState.model, state.model, result, query, user, now()) : null;
    result = patched ?? (user ? runQuery(state.model, query, user, now()) : []);
    if (state.window) result = cutAtCursor(result, state.window.next, query);
    lastKeys = keys;
    lastState = state;
    return result;
  };
}


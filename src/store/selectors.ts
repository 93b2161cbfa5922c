/**
 * Selectors over StoreState: each reads model/ (never re-implements a rule)
 * and remembers its last answer, so every subscriber of the same list costs
 * one query per state change. Make them per store with `createSelectors()`:
 * no cache is shared between two inboxes.
 */
import { openCounts } from '../model/indicators.js';
import { runQuery } from '../model/query.js';
import type { Conversation, Id, TimelineItem, User } from '../model/types.js';
import { sidebarViews } from '../model/views.js';
import type { StoreState } from './inbox-store.js';

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
}

export function createSelectors(now: () => number = Date.now): Selectors {
  return {
    list: memo(
      (state) => {
        const ui = state.ui;
        return [...entityKeys(state), ui.view, ui.tab, ui.filters, ui.search, ui.sort];
      },
      (state) => {
        const user = selectUser(state);
        const { view, tab, filters, search, sort } = state.ui;
        return user ? runQuery(state.model, { view, tab, filters, search, sort }, user, now()) : [];
      },
    ),
    counts: memo(entityKeys, (state) => {
      const user = selectUser(state);
      return user ? openCounts(state.model, user, now()) : new Map<string, number>();
    }),
    views: memo(entityKeys, (state) => {
      const user = selectUser(state);
      return user ? sidebarViews(state.model, user) : [];
    }),
  };
}

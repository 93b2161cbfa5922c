import type { Subscription } from 'rxjs';
import type { DomainEvent } from '../model/events.js';
import type { Query } from '../model/query.js';
import { reduceAll } from '../model/state.js';
import type { Id, InboxState } from '../model/types.js';
import { loadProtocol } from '../protocol/loading.js';
import type { QueryResult, Transport } from '../transport/transport.js';
import type { InboxStore, StoreState } from './inbox-store.js';
import { queryKey } from './selectors.js';

/**
 * The windowed store (issue 13), loaded on demand by InboxStore when a
 * backend's snapshot says it holds more conversations than it hands over at
 * once (`windowed`): the list's view, tab, filters, search and sort become a
 * query the backend answers a page at a time (Transport.query), and the
 * store holds only the pages loaded, the conversations the stream changed
 * since, and what the agent works on (open, checked, pending). The rules stay
 * where they are: the list is still runQuery over what the store holds, cut
 * at the last loaded row's place (selectors.ts), so a conversation that a
 * live event brings into the query shows in place, and one that leaves goes
 * (R17), and the elements cannot tell which mode they are in.
 */

/** What the store knows of the window it holds; null in StoreState when it holds everything. */
export interface QueryWindow {
  /** The query the pages answer (`queryKey`); '' before the first page. */
  readonly key: string;
  /** Where the last loaded page ended (query-page.ts's cursor); null when every row is loaded. */
  readonly next: string | null;
  /** How many conversations the whole query matches, by the backend's last page. */
  readonly total: number;
  /** The sidebar's open counts (R15) by view, from the backend's last first page. */
  readonly counts: ReadonlyMap<string, number>;
  readonly loading: boolean;
}

/** Rows on a query's first page (small: it is what a person waits for). */
export const FIRST_PAGE = 100;
/** Rows on each further page. */
export const NEXT_PAGE = 300;
/** A further page loads when the list shows a row this close to the last loaded one. */
export const AHEAD = 50;
/** After live changes, the counts and the top rows are asked again at most this often. */
export const REFRESH_MS = 2000;

/** The store's side that the windower works through (InboxStore hands it over; nothing else sees it). */
export interface WindowPort {
  readonly store: InboxStore;
  readonly transport: Transport;
  /** Reports a malformed answer or a failed request on the store's errors$. */
  report(message: string): void;
  /** The store's confirmed state (what the backend said, without pending commands). */
  confirmed(): InboxState;
  /** Sets the window, and with a state, the confirmed state (the store rebases its pending commands on it). */
  take(confirmed: InboxState | null, window: QueryWindow): void;
}

/**
 * Keeps a store's window: the first page of each new query, the next page
 * as the list nears its last loaded row (`showing`), the counts and the
 * contacts of rows that live events brought. Stale answers (for a query the
 * agent left) are dropped.
 */
export class Windower {
  readonly #port: WindowPort;
  readonly #subscriptions: Subscription[] = [];
  #refresh: ReturnType<typeof setTimeout> | null = null;
  /** The conversations map after the last merge: a change that is not ours is a live one. */
  #merged: InboxState['conversations'] | null = null;
  /** Contacts asked for and not yet answered. */
  readonly #asking = new Set<Id>();
  #destroyed = false;

  constructor(port: WindowPort) {
    this.#port = port;
    const store = port.store;
    this.#subscriptions.push(
      store.select((s) => queryKey(s.ui)).subscribe(() => this.#first()),
      store.select((s) => s.model.conversations).subscribe((conversations) => this.#changed(conversations)),
      store.select((s) => s.ui.openId).subscribe((id) => this.#fetchOpen(id)),
    );
  }

  /** A new snapshot emptied the window: the current query's first page again. */
  reload(): void {
    this.#first();
  }

  destroy(): void {
    this.#destroyed = true;
    if (this.#refresh) clearTimeout(this.#refresh);
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
  }

  /** The list shows rows up to `index`: loads the next page when that is near the last loaded row. */
  showing(index: number): void {
    const state = this.#port.store.state;
    const window = state.window;
    if (!window || window.loading || window.next === null || window.key !== queryKey(state.ui)) return;
    if (index < this.#port.store.selectors.list(state).length - AHEAD) return;
    const key = window.key;
    this.#port.take(null, { ...window, loading: true });
    void this.#ask(state.ui, window.next, NEXT_PAGE).then((page) => {
      const now = this.#port.store.state.window;
      if (!now || now.key !== key) return;
      if (!page) {
        this.#port.take(null, { ...now, loading: false });
        return;
      }
      this.#merge(page, { ...now, next: page.next, total: page.total, loading: false }, null);
    });
  }

  /** A new query: its first page replaces what the store held (but what the agent works on). */
  #first(): void {
    const state = this.#port.store.state;
    const window = state.window;
    if (!window) return;
    const key = queryKey(state.ui);
    if (window.key === key && !window.loading) return;
    this.#port.take(null, { ...window, loading: true });
    void this.#ask(state.ui, null, FIRST_PAGE).then((page) => {
      const now = this.#port.store.state;
      if (!now.window || queryKey(now.ui) !== key) return; // the agent moved on: that query's answer comes
      if (!page) {
        this.#port.take(null, { ...now.window, loading: false });
        return;
      }
      const keep = workedOn(now, page.conversations);
      const window: QueryWindow = { key, next: page.next, total: page.total, counts: countsOf(page, now.window.counts), loading: false };
      this.#merge(page, window, keep);
    });
  }

  /** A live change (an event, a command): later, the counts and top rows again, and contacts that rows lack. */
  #changed(conversations: InboxState['conversations']): void {
    if (conversations === this.#merged || this.#destroyed) return;
    const state = this.#port.store.state;
    if (!state.window || state.window.key === '') return;
    this.#fillContacts(state);
    this.#refresh ??= setTimeout(() => {
      this.#refresh = null;
      this.#refreshTop();
    }, REFRESH_MS);
  }

  /**
   * The first page again, for the counts and the total; it moves no cursor.
   * It lets go of what live events brought that the list does not show, so
   * that a long day of traffic does not fill the store.
   */
  #refreshTop(): void {
    const state = this.#port.store.state;
    const window = state.window;
    if (!window || window.key !== queryKey(state.ui) || this.#destroyed) return;
    const key = window.key;
    void this.#ask(state.ui, null, FIRST_PAGE).then((page) => {
      const now = this.#port.store.state.window;
      if (!page || !now || now.key !== key) return;
      const state = this.#port.store.state;
      const keep = workedOn(state, [...this.#port.store.selectors.list(state), ...page.conversations]);
      this.#merge(page, { ...now, total: page.total, counts: countsOf(page, now.counts) }, keep);
    });
  }

  /** The open conversation, when the store does not hold it (a link, a reload): asked for by id. */
  #fetchOpen(id: Id | null): void {
    const state = this.#port.store.state;
    if (id === null || !state.window || state.model.conversations.has(id)) return;
    void this.#ask(state.ui, null, 1, [id]).then((page) => {
      const now = this.#port.store.state.window;
      if (page && now) this.#merge(page, now, null);
    });
  }

  /** Rows whose contact the store does not hold (a conversation a live event brought): asks for them. */
  #fillContacts(state: StoreState): void {
    const missing: Id[] = [];
    for (const c of this.#port.store.selectors.list(state)) {
      if (!state.model.contacts.has(c.contactId) && !this.#asking.has(c.contactId)) missing.push(c.contactId);
      if (missing.length === 50) break;
    }
    if (missing.length === 0) return;
    for (const id of missing) this.#asking.add(id);
    const query = { ...state.ui, filters: { ...state.ui.filters, contactIds: missing } };
    void this.#ask(query, null, 500).then((page) => {
      for (const id of missing) this.#asking.delete(id);
      const now = this.#port.store.state.window;
      if (!page || !now) return;
      this.#merge(page, now, null);
    });
  }

  /**
   * Takes a page into the confirmed state (a conversation only if it is not
   * older than the one held: the stream may have brought a newer one) and
   * sets the window; with `keep`, first lets go of the held conversations
   * outside it, and of the contacts none of the rest names: a new query's
   * first page.
   */
  #merge(page: QueryResult, window: QueryWindow, keep: ReadonlySet<Id> | null): void {
    const confirmed = this.#port.confirmed();
    const events: DomainEvent[] = [];
    if (keep) {
      const named = new Set<Id>();
      for (const c of confirmed.conversations.values()) {
        if (keep.has(c.id)) named.add(c.contactId);
        else events.push({ type: 'conversation.deleted', id: c.id });
      }
      for (const contact of page.contacts) named.add(contact.id);
      for (const id of confirmed.contacts.keys()) if (!named.has(id)) events.push({ type: 'contact.deleted', id });
    }
    for (const contact of page.contacts) events.push({ type: 'contact.upserted', contact });
    for (const conversation of page.conversations) {
      const held = confirmed.conversations.get(conversation.id);
      if (!held || held.version <= conversation.version) events.push({ type: 'conversation.upserted', conversation });
    }
    this.#port.take(reduceAll(confirmed, events), window);
    this.#merged = this.#port.store.state.model.conversations;
  }

  /** One page from the transport, checked; null (reported) when it fails or is malformed. */
  async #ask(query: Query, cursor: string | null, limit: number, ids?: readonly Id[]): Promise<QueryResult | null> {
    const { transport, store } = this.#port;
    if (!transport.query) {
      this.#port.report('The backend sent a windowed snapshot, but this transport answers no query.');
      return null;
    }
    const { view, tab, filters, search, sort } = query;
    try {
      const answer = await transport.query({ query: { view, tab, filters, search, sort }, cursor, limit, ...(ids ? { ids } : {}) }, store.userId);
      const { parseQueryResult } = loadProtocol.loaded ?? (await loadProtocol());
      const parsed = parseQueryResult(answer);
      if (!parsed.ok) throw parsed.error;
      return this.#destroyed ? null : parsed.value;
    } catch (error) {
      if (!this.#destroyed) this.#port.report(`Could not load the list: ${String(error)}`);
      return null;
    }
  }
}

const countsOf = (page: QueryResult, before: ReadonlyMap<string, number>): ReadonlyMap<string, number> =>
  page.counts ? new Map(Object.entries(page.counts)) : before;

/** The ids of `rows`, and of what the agent works on: the open conversation, the checked ones, those of pending commands. */
function workedOn(state: StoreState, rows: readonly { readonly id: Id }[]): Set<Id> {
  const keep = new Set<Id>(rows.map((c) => c.id));
  if (state.ui.openId) keep.add(state.ui.openId);
  for (const id of state.ui.checked) keep.add(id);
  for (const entry of state.pending) for (const id of idsOf(entry.command.args)) keep.add(id);
  return keep;
}

/** The conversations a command names (its `id` or `ids`). */
function idsOf(args: unknown): readonly Id[] {
  const named = args as { id?: unknown; ids?: unknown };
  if (Array.isArray(named.ids)) return named.ids.filter((id): id is Id => typeof id === 'string');
  return typeof named.id === 'string' ? [named.id] : [];
}

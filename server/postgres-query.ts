import type pg from 'pg';
import { RefusedError } from '../src/backend/memory-backend.js';
import { seesEverything, teammateIds } from '../src/model/permissions.js';
import type { Query } from '../src/model/query.js';
import { cursorOf, MAX_PAGE, parseCursor } from '../src/model/query-page.js';
import { BLOCKED, OPEN, SENT, SNOOZED, SPAM, TRASH } from '../src/model/rows.js';
import { parseSearch } from '../src/model/search.js';
import type { Contact, Conversation, Filters, Id, InboxState, SortOrder, User } from '../src/model/types.js';
import { canUseView, parseView, viewContext, viewTest, type ViewContext } from '../src/model/views.js';
import { parseQueryRequest } from '../src/protocol/command-schema.js';
import type { QueryRequest, QueryResult } from '../src/protocol/wire.js';

/**
 * POST /api/query in SQL (issue 13): the same page, total and cursor as
 * MemoryBackend.query (model/query-page.ts), computed by PostgreSQL over the
 * conversations table's columns (postgres-schema.ts) and its indexes, not by
 * loading rows into Node. The model stays the reference: what can be taken
 * from it is (the view's fact bits from viewTest, the done window from
 * viewContext, the search words from parseSearch, the cursor's format from
 * query-page.ts, sort keys and search keys precomputed by sortKey and
 * searchKey); what is a JavaScript closure there (a view's membership, the
 * filters, R14) is written here again as SQL, rule for rule, and
 * server/postgres-query.test.ts compares the two on random queries.
 *
 * Where the translation is not exact:
 * - search: the model also looks in the bodies of the timelines a process
 *   happens to hold in memory (loaded by a read or a command since its
 *   start), which no database row says; SQL looks in what the key is made
 *   of otherwise (subject, last message, the contact's name, e-mails,
 *   phones and their digits).
 * - ids compare in byte order ("C" collation), which is the model's UTF-16
 *   order for every id without characters above U+E000.
 */

/** The small, fixed facts a query needs besides the conversations: from the server's state (users, teams, channels, views). */
export interface SqlQuery {
  /** A condition on the conversations table (alias-free), or null when the query matches nothing (a view the user may not use). */
  readonly where: string | null;
  readonly params: unknown[];
  /** The column holding `sortKey(c, query.sort)`. */
  readonly key: string;
  /**
   * A search the trigram index can serve (a word of 3 characters or more)
   * outside open work (Done, the folders): its matches there are few and
   * scattered, so they are gathered through that index and sorted, rather
   * than found by walking the order's index over every conversation (which
   * the planner, misjudging how the words and the order correlate, chose,
   * and took 0.7 s over at a million rows). Over open work the walk of its
   * partial index finds a page sooner.
   */
  readonly searched: boolean;
}

const KEY_COLUMN: Readonly<Record<SortOrder, string>> = {
  newest: 'key_newest',
  oldest: 'key_oldest',
  'waiting-longest': 'key_waiting',
  priority: 'key_priority',
};

/** rows.ts's facts, one column each. */
const FACT_COLUMNS: readonly (readonly [number, string])[] = [
  [OPEN, "status = 'open'"],
  [SNOOZED, 'snoozed'],
  [SENT, 'sent'],
  [SPAM, 'spam'],
  [TRASH, 'trashed'],
  [BLOCKED, 'contact_blocked'],
];

class Params {
  readonly values: unknown[] = [];
  /** Whether a trigram-indexable search word was seen. */
  searched = false;
  /** A placeholder for `value`, with its type. */
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

const TRUE = 'TRUE';
const FALSE = 'FALSE';
const and = (parts: readonly string[]) => {
  const real = parts.filter((part) => part !== TRUE);
  if (real.includes(FALSE)) return FALSE;
  return real.length === 0 ? TRUE : real.length === 1 ? real[0]! : real.map((part) => `(${part})`).join(' AND ');
};
const or = (parts: readonly string[]) => {
  const real = parts.filter((part) => part !== FALSE);
  if (real.includes(TRUE)) return TRUE;
  return real.length === 0 ? FALSE : real.length === 1 ? real[0]! : real.map((part) => `(${part})`).join(' OR ');
};

const given = <T>(list: readonly T[] | undefined): list is readonly T[] => list !== undefined && list.length > 0;

/** LIKE's wildcards and escape taken literally. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** model/search.ts's matchesTerms over the search_key column. */
function searchSql(text: string, p: Params): string {
  const terms = parseSearch(text);
  if (terms === null) return TRUE;
  if (terms.words.some((word) => word.length >= 3)) p.searched = true;
  const contains = (word: string) => `search_key LIKE ${p.add(`%${likeEscape(word)}%`, 'text')}`;
  const words = and(terms.words.map(contains));
  return terms.digits === null ? words : or([contains(terms.digits), words]);
}

/** model/filters.ts's compileFilters with `hide: false` (views place spam and trash themselves). */
function filtersSql(filters: Filters, state: InboxState, p: Params): string {
  const checks: string[] = [];
  if (given(filters.statuses)) checks.push(`status = ANY(${p.add(filters.statuses, 'text[]')})`);
  if (given(filters.channelKinds)) {
    const kinds = new Set(filters.channelKinds);
    const ids = [...state.channels.values()].filter((channel) => kinds.has(channel.kind)).map((channel) => channel.id);
    checks.push(`channel_id = ANY(${p.add(ids, 'text[]')})`);
  }
  if (given(filters.channelIds)) checks.push(`channel_id = ANY(${p.add(filters.channelIds, 'text[]')})`);
  if (given(filters.contactIds)) checks.push(`contact_id = ANY(${p.add(filters.contactIds, 'text[]')})`);
  if (given(filters.assignees)) {
    const users: Id[] = [];
    const bots: Id[] = [];
    let unassigned = false;
    for (const token of filters.assignees) {
      if (token === 'unassigned') unassigned = true;
      else if (token.startsWith('user:')) users.push(token.slice(5));
      else if (token.startsWith('bot:')) bots.push(token.slice(4));
    }
    checks.push(
      or([
        unassigned ? 'assignee_type IS NULL' : FALSE,
        users.length > 0 ? `assignee_type = 'user' AND assignee_id = ANY(${p.add(users, 'text[]')})` : FALSE,
        bots.length > 0 ? `assignee_type = 'bot' AND assignee_id = ANY(${p.add(bots, 'text[]')})` : FALSE,
      ]),
    );
  }
  if (given(filters.teamIds)) {
    const members = new Set<Id>();
    for (const teamId of filters.teamIds) for (const id of state.teams.get(teamId)?.memberIds ?? []) members.add(id);
    checks.push(
      or([
        `team_id = ANY(${p.add(filters.teamIds, 'text[]')})`,
        members.size > 0 ? `assignee_type = 'user' AND assignee_id = ANY(${p.add([...members], 'text[]')})` : FALSE,
      ]),
    );
  }
  if (filters.from !== undefined) checks.push(`activity_at >= ${p.add(filters.from, 'float8')}`);
  if (filters.to !== undefined) checks.push(`activity_at <= ${p.add(filters.to, 'float8')}`);
  if (given(filters.labels)) checks.push(`labels @> ${p.add(filters.labels, 'text[]')}`);
  if (given(filters.priorities)) checks.push(`priority = ANY(${p.add(filters.priorities, 'text[]')})`);
  if (given(filters.companies)) checks.push(`company = ANY(${p.add(filters.companies, 'text[]')})`);
  if (filters.custom !== undefined) {
    for (const [key, value] of Object.entries(filters.custom)) {
      checks.push(`custom -> ${p.add(key, 'text')} = ${p.add(JSON.stringify(value), 'jsonb')}`);
    }
  }
  return and(checks);
}

/** permissions.ts's visibilityFilter (R14): a mention grants sight; else the assignee decides. */
function visibleSql(state: InboxState, user: User, p: Params): string {
  if (seesEverything(user)) return TRUE;
  const userId = p.add([user.id], 'text[]');
  const assignees = user.visibility === 'self' ? [user.id] : [...teammateIds(state, user)];
  return or([`mentions @> ${userId}`, `assignee_type = 'user' AND assignee_id = ANY(${p.add(assignees, 'text[]')})`]);
}

/** views.ts's membership: which conversations an inbox, team, channel or saved view holds, before tabs. */
function membershipSql(view: ReturnType<typeof parseView>, ctx: ViewContext, p: Params): string {
  if (view === null) return FALSE;
  const userId = ctx.user.id;
  switch (view.kind) {
    case 'team': {
      const members = [...(ctx.teamMembers.get(view.id) ?? [])];
      return or([
        `team_id = ${p.add(view.id, 'text')}`,
        members.length > 0 ? `assignee_type = 'user' AND assignee_id = ANY(${p.add(members, 'text[]')})` : FALSE,
      ]);
    }
    case 'channel': {
      const ids = [...ctx.channelKinds].filter(([, kind]) => kind === view.id).map(([id]) => id);
      return `channel_id = ANY(${p.add(ids, 'text[]')})`;
    }
    case 'saved': {
      const saved = ctx.state.views.get(view.id);
      if (!saved) return FALSE;
      return and([filtersSql(saved.filters, ctx.state, p), searchSql(saved.search, p)]);
    }
    case 'standard':
      switch (view.id) {
        case 'all':
          return TRUE;
        case 'mine':
          return `assignee_type = 'user' AND assignee_id = ${p.add(userId, 'text')}`;
        case 'unassigned':
          return 'assignee_type IS NULL';
        case 'mentions':
          return `mentions @> ${p.add([userId], 'text[]')}`;
        case 'new':
          return "awaiting = 'agent'";
        case 'waiting':
          return "awaiting = 'contact'";
        case 'bots':
          return "assignee_type = 'bot' AND NOT human_owned";
        default:
          return FALSE;
      }
  }
}

/** The condition and order of `query` for `user`: query.ts's compile, in SQL. */
export function compileSql(state: InboxState, query: Query, user: User, now: number): SqlQuery {
  const p = new Params();
  const key = KEY_COLUMN[query.sort];
  if (!canUseView(state, user, query.view)) return { where: null, params: [], key, searched: false };
  let ctx = viewContext(state, user, now, { filters: query.filters, search: query.search });
  // The fact bits come from the model itself; only its closures are written again below.
  const { need, none } = viewTest(query.view, query.tab, ctx);
  const parsed = parseView(query.view);
  if (parsed?.kind === 'saved') {
    const saved = state.views.get(parsed.id);
    // views.ts's withSavedOptions: a saved view's own date range or search lifts the done window too.
    if (saved) ctx = { ...ctx, doneSince: Math.min(ctx.doneSince, viewContext(state, user, now, { filters: saved.filters, search: saved.search }).doneSince) };
  }
  const facts: string[] = [];
  for (const [bit, column] of FACT_COLUMNS) {
    if ((need & bit) !== 0) facts.push(column);
    else if ((none & bit) !== 0) facts.push(`NOT (${column})`);
  }
  // Made only where used: a placeholder the statement does not use has no type.
  const doneSince = ctx.doneSince;
  const recent = () => (doneSince === -Infinity ? TRUE : `done_at >= ${p.add(doneSince, 'float8')}`);
  let test: string;
  const standard = parsed?.kind === 'standard' ? parsed.id : '';
  if (standard === 'done') test = recent();
  else if (['snoozed', 'sent', 'spam', 'trash', 'blocked'].includes(standard)) test = TRUE;
  else {
    const holds = membershipSql(parsed, ctx, p);
    switch (query.tab) {
      case 'open':
        test = holds;
        break;
      case 'unread':
        test = and([or(['unread', `mentions_unread @> ${p.add([user.id], 'text[]')}`]), holds]);
        break;
      case 'done':
        test = and([recent(), holds]);
        break;
    }
  }
  const where = and([...facts, test, filtersSql(query.filters, state, p), visibleSql(state, user, p), searchSql(query.search, p)]);
  return { where: where === FALSE ? null : where, params: p.values, key, searched: p.searched && (need & OPEN) === 0 };
}

/** At most `limit` matches of a compiled query after `place` (null: from the start), in its order: a walk of an index in that order where one fits. */
export async function pageRows(db: pg.Pool, compiled: SqlQuery, place: { readonly key: number; readonly id: Id } | null, limit: number): Promise<Conversation[]> {
  const { where, params, key } = compiled;
  if (where === null) return [];
  // `key + 0` is the same order that no index provides: the planner then gathers a search's matches through the trigram index.
  const order = compiled.searched ? `${key} + 0, id` : `${key}, id`;
  const values = [...params];
  let after = '';
  if (place) {
    values.push(place.key, place.id);
    after = ` AND (${key}, id) > ($${values.length - 1}::float8, $${values.length}::text)`;
  }
  values.push(limit);
  const page = await db.query<{ json: string }>(`SELECT json FROM conversations WHERE (${where})${after} ORDER BY ${order} LIMIT $${values.length}::int`, values);
  return page.rows.map((row) => JSON.parse(row.json) as Conversation);
}

/**
 * How many conversations a compiled query matches: exact, as the protocol's
 * `total` is. It visits every match (an index-only scan over open work,
 * conversations_open_counts), hence the dearest part of a page over a
 * large view.
 */
export async function countRows(db: pg.Pool, compiled: SqlQuery): Promise<number> {
  if (compiled.where === null) return 0;
  const count = await db.query<{ n: number }>(`SELECT count(*)::int8 AS n FROM conversations WHERE ${compiled.where}`, compiled.params);
  return count.rows[0]?.n ?? 0;
}

/**
 * MemoryBackend.query's answer, from PostgreSQL: the same checks and
 * refusals, then the page after the cursor, its contacts, and the total.
 */
export async function queryPage(db: pg.Pool, state: InboxState, request: QueryRequest, userId: Id, now: number): Promise<QueryResult> {
  const user = state.users.get(userId);
  if (!user?.active) throw new RefusedError({ code: 'forbidden', reason: `User ${userId} may not query.` });
  const checked = parseQueryRequest(request);
  if (!checked.ok) throw new RefusedError({ code: 'invalid', reason: checked.error.message });
  const place = request.cursor === null ? null : parseCursor(request.cursor);
  if (request.cursor !== null && place === null) throw new RefusedError({ code: 'invalid', reason: 'The cursor is not one this backend gave.' });
  const size = Math.max(1, Math.min(MAX_PAGE, Math.floor(request.limit)));
  const compiled = compileSql(state, request.query, user, now);
  if (compiled.where === null) return { conversations: [], contacts: [], total: 0, next: null };
  const [rows, total] = await Promise.all([pageRows(db, compiled, place, size + 1), countRows(db, compiled)]);
  const conversations = rows.slice(0, size);
  const contactIds = [...new Set(conversations.map((c) => c.contactId))];
  const contactRows =
    contactIds.length === 0 ? [] : (await db.query<{ id: Id; json: string }>('SELECT id, json FROM contacts WHERE id = ANY($1::text[])', [contactIds])).rows;
  const byId = new Map(contactRows.map((row) => [row.id, JSON.parse(row.json) as Contact]));
  const last = conversations[conversations.length - 1];
  return {
    conversations,
    contacts: contactIds.flatMap((id) => byId.get(id) ?? []),
    total,
    next: last !== undefined && rows.length > size ? cursorOf(last, request.query) : null,
  };
}

import { activityAt } from '../src/model/filters.js';
import { searchKey } from '../src/model/search.js';
import { sortKey } from '../src/model/sort.js';
import type { Contact, Conversation, InboxState } from '../src/model/types.js';

/**
 * PostgreSQL's schema (issue 13): the same data as SQLite's (db.ts), with
 * conversations and contacts in tables of their own whose columns are the
 * facts the views filter and sort on, so that POST /api/query is answered
 * by the engine (postgres-query.ts) over an index instead of in Node.
 *
 * Every derived column is computed in Node by the model's own functions
 * (activityAt, sortKey, searchKey): one home per rule. The search key is
 * the model's normalized text (lower case, NFKD without diacritics, its
 * folds), not unaccent()'s: unaccent's rules differ from the model's at the
 * edges (full-width letters, stray combining marks, "ı", "ĸ"...), and a
 * query must find in SQL exactly what it finds in memory. pg_trgm's GIN
 * index serves the model's substring match (`LIKE '%word%'`); a tsvector
 * would match words and prefixes, not substrings ("oe" finds "zoe" in the
 * model). unaccent is created anyway, for people typing ad-hoc SQL
 * (`WHERE unaccent(lower(json)) LIKE …`); the server does not use it.
 */

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The facts of open work that every inbox view (All, Mine, a team's, New…) shares: partial indexes on it stay small. */
export const OPEN_WORK = "status = 'open' AND NOT snoozed AND NOT sent AND NOT spam AND NOT trashed AND NOT contact_blocked";

/** Append only: a released migration never changes; a schema change is a new version. */
export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tables',
    sql: `
      CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
      -- users, bots, teams, channels, saved views: few, read whole at start; pos keeps insertion order.
      CREATE TABLE entities (
        kind text NOT NULL,
        id text COLLATE "C" NOT NULL,
        pos bigserial NOT NULL,
        json text NOT NULL,
        PRIMARY KEY (kind, id)
      );
      -- search_key: the contact's part of the model's search key (name, e-mails, phones, phones' digits).
      CREATE TABLE contacts (
        id text COLLATE "C" PRIMARY KEY,
        pos bigserial NOT NULL,
        json text NOT NULL,
        blocked boolean NOT NULL,
        company text,
        search_key text NOT NULL
      );
      -- One row per conversation: the JSON the wire carries, and a column for each fact a query reads.
      -- contact_blocked, company and search_key are copied from its contact (kept in step when the contact changes).
      CREATE TABLE conversations (
        id text COLLATE "C" PRIMARY KEY,
        pos bigserial NOT NULL,
        json text NOT NULL,
        status text NOT NULL,
        unread boolean NOT NULL,
        mentions_unread text[] NOT NULL,
        awaiting text NOT NULL,
        assignee_type text,
        assignee_id text,
        human_owned boolean NOT NULL,
        team_id text,
        channel_id text NOT NULL,
        contact_id text NOT NULL,
        contact_blocked boolean NOT NULL DEFAULT false,
        company text,
        labels text[] NOT NULL,
        priority text NOT NULL,
        pinned boolean NOT NULL,
        snoozed boolean NOT NULL,
        sent boolean NOT NULL,
        spam boolean NOT NULL,
        trashed boolean NOT NULL,
        mentions text[] NOT NULL,
        activity_at float8 NOT NULL,
        done_at float8 NOT NULL,
        created_at float8 NOT NULL,
        custom jsonb NOT NULL,
        conv_key text NOT NULL,
        search_key text NOT NULL,
        key_newest float8 NOT NULL,
        key_oldest float8 NOT NULL,
        key_waiting float8 NOT NULL,
        key_priority float8 NOT NULL
      );
      -- The log: one row per seq; audience = {"to": [user ids], "gone": [user ids]} (R14).
      CREATE TABLE events (
        seq bigint PRIMARY KEY,
        command_id text NOT NULL,
        json text NOT NULL,
        audience text NOT NULL
      );
      -- Command ids are scoped per actor ('' is the system).
      CREATE TABLE acks (
        actor_id text NOT NULL,
        command_id text NOT NULL,
        json text NOT NULL,
        at bigint NOT NULL,
        PRIMARY KEY (actor_id, command_id)
      );
      CREATE TABLE cursors (user_id text PRIMARY KEY, seq bigint NOT NULL);
      CREATE TABLE timeline_items (
        conversation_id text NOT NULL,
        id text NOT NULL,
        at float8 NOT NULL,
        json text NOT NULL,
        PRIMARY KEY (conversation_id, id)
      );
      CREATE TABLE timelines_loaded (conversation_id text PRIMARY KEY);
      CREATE TABLE token_hashes (user_id text PRIMARY KEY, hash text NOT NULL UNIQUE);
      CREATE TABLE uploads (
        id text PRIMARY KEY,
        user_id text NOT NULL,
        name text NOT NULL,
        mime text NOT NULL,
        size integer NOT NULL,
        data bytea NOT NULL,
        created_at bigint NOT NULL
      );
      CREATE INDEX uploads_by_user ON uploads (user_id, created_at);
      CREATE TABLE integrations (
        id text PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        channel_ids text NOT NULL,
        webhook_url text,
        signing_secret text NOT NULL,
        created_at bigint NOT NULL
      );
      CREATE TABLE outbox (
        key text PRIMARY KEY,
        integration_id text NOT NULL,
        kind text NOT NULL,
        conversation_id text NOT NULL,
        item_id text NOT NULL,
        body text NOT NULL,
        state text NOT NULL,
        attempts integer NOT NULL,
        -- A time with jitter (outbound.ts): not always whole milliseconds.
        next_at float8 NOT NULL,
        last_error text,
        generation integer NOT NULL
      );
      CREATE INDEX outbox_due ON outbox (state, next_at);
    `,
  },
  {
    version: 2,
    name: 'query indexes',
    sql: `
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE EXTENSION IF NOT EXISTS unaccent;
      -- The first page of an inbox view in each order: an index walk in the order, on open work only.
      CREATE INDEX conversations_open_newest ON conversations (key_newest, id) WHERE ${OPEN_WORK};
      CREATE INDEX conversations_open_oldest ON conversations (key_oldest, id) WHERE ${OPEN_WORK};
      CREATE INDEX conversations_open_waiting ON conversations (key_waiting, id) WHERE ${OPEN_WORK};
      CREATE INDEX conversations_open_priority ON conversations (key_priority, id) WHERE ${OPEN_WORK};
      -- Unread (the tab, R4): a small slice of open work.
      CREATE INDEX conversations_open_unread ON conversations (key_newest, id) WHERE ${OPEN_WORK} AND unread;
      -- Mine, the assignee filter and R14 for team and self agents; a team's view; a channel's; New and Waiting.
      CREATE INDEX conversations_open_assignee ON conversations (assignee_id, key_newest, id) WHERE ${OPEN_WORK};
      CREATE INDEX conversations_open_team ON conversations (team_id, key_newest, id) WHERE ${OPEN_WORK};
      CREATE INDEX conversations_open_channel ON conversations (channel_id, key_newest, id) WHERE ${OPEN_WORK};
      CREATE INDEX conversations_open_awaiting ON conversations (awaiting, key_newest, id) WHERE ${OPEN_WORK};
      -- A query's exact total counts every match: over open work, this index holds the columns the views,
      -- tabs, the assignee, team, channel and priority filters and R14 read, so such a count is an index-only scan.
      -- Led by the assignee: Mine, the assignee filter and R14's teammates count a range of it.
      CREATE INDEX conversations_open_counts ON conversations (assignee_id, assignee_type, unread, team_id)
        INCLUDE (mentions_unread, mentions, awaiting, channel_id, priority, human_owned) WHERE ${OPEN_WORK};
      -- Every conversation in the default order (the folders, hideSpam/hideTrash off), and the assignee anywhere.
      CREATE INDEX conversations_newest ON conversations (key_newest, id);
      CREATE INDEX conversations_assignee ON conversations (assignee_id, key_newest, id);
      -- Done (R13: closed in the window), Spam, Trash.
      CREATE INDEX conversations_done ON conversations (done_at) WHERE status = 'done';
      CREATE INDEX conversations_spam ON conversations (key_newest, id) WHERE spam;
      CREATE INDEX conversations_trash ON conversations (key_newest, id) WHERE trashed;
      -- Mentions (R20), a contact's conversations (its changes, the contact filter).
      CREATE INDEX conversations_mentions ON conversations USING gin (mentions);
      CREATE INDEX conversations_mentions_unread ON conversations USING gin (mentions_unread);
      CREATE INDEX conversations_contact ON conversations (contact_id);
      -- Search: the model's substring match on its normalized key.
      CREATE INDEX conversations_search ON conversations USING gin (search_key gin_trgm_ops);
    `,
  },
];

const NO_CONTACTS: InboxState['contacts'] = new Map();
const NO_TIMELINES: InboxState['timelines'] = new Map();

/** The model's search key of a conversation without its contact: subject and last message (a copy, so that the model's cache keeps the real one). */
export function conversationKey(c: Conversation): string {
  return searchKey({ contacts: NO_CONTACTS, timelines: NO_TIMELINES } as unknown as InboxState, { ...c });
}

/** The contact's part of the model's search key (what follows the conversation's own, after a newline). */
export function contactKey(contact: Contact): string {
  const probe = { id: '', subject: '', lastMessage: null, contactId: contact.id } as unknown as Conversation;
  const key = searchKey({ contacts: new Map([[contact.id, contact]]), timelines: NO_TIMELINES } as unknown as InboxState, probe);
  // The probe's subject and preview are empty: two newlines, then the contact's part.
  return key.slice(2);
}

/** A contacts row, as json_populate_recordset reads it. */
export function contactRow(contact: Contact) {
  return {
    id: contact.id,
    json: JSON.stringify(contact),
    blocked: contact.blocked,
    company: contact.company ?? null,
    search_key: contactKey(contact),
  };
}

/** A conversations row, as json_populate_recordset reads it; the contact's facts are joined in SQL. */
export function conversationRow(c: Conversation) {
  const at = activityAt(c);
  return {
    id: c.id,
    json: JSON.stringify(c),
    status: c.status,
    unread: c.unread,
    mentions_unread: c.mentionsUnread,
    awaiting: c.awaiting,
    assignee_type: c.assignee?.type ?? null,
    assignee_id: c.assignee?.id ?? null,
    human_owned: c.humanOwned,
    team_id: c.teamId,
    channel_id: c.channelId,
    contact_id: c.contactId,
    labels: c.labels,
    priority: c.priority,
    pinned: c.pinned,
    snoozed: c.snoozedUntil !== null,
    sent: c.sent,
    spam: c.spam,
    trashed: c.trashedAt !== null,
    mentions: c.mentions,
    activity_at: at,
    // views.ts's doneTime: the Done window (R13) reads it.
    done_at: c.doneAt ?? at,
    created_at: c.createdAt,
    custom: c.custom,
    conv_key: conversationKey(c),
    key_newest: sortKey(c, 'newest'),
    key_oldest: sortKey(c, 'oldest'),
    key_waiting: sortKey(c, 'waiting-longest'),
    key_priority: sortKey(c, 'priority'),
  };
}


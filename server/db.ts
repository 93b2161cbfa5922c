import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DomainEvent } from '../src/model/events.js';
import type { Id, Settings, Snapshot, TimelineItem, User } from '../src/model/types.js';
import { DEMO_DEFAULT_SEED, generateDemoData, type DemoData } from '../src/backend/demo-data.js';
import { logEntry, type Commit, type LogEntry, type RestoredLog } from '../src/backend/memory-backend.js';
import type { CommandAck } from '../src/protocol/wire.js';
import { eventJson } from './sse.js';
import type { Storage } from './storage.js';

/**
 * The reference server's storage: SQLite through better-sqlite3, which is
 * synchronous, so one command is one transaction committed before its ack
 * leaves (WAL + synchronous=FULL: acknowledged means on disk, even after
 * kill -9); commands that arrive together share one (`batch`, group
 * commit: each a savepoint in it, one fsync for all). The database holds
 * what MemoryBackend holds in memory: the entities, the event log with each
 * event's audience (R14), the acks by command id, the per-user stream
 * cursors, and the timelines, the demo's materialized lazily the first time
 * one is read or written.
 */

export const DEFAULT_DB_PATH = 'server/data/inbox.db';
/** Events kept for resuming; older ones are pruned at start (a client that far behind gets a snapshot). */
export const EVENTS_KEPT = 50_000;

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Append only: a released migration never changes; the next change is version 2. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tables',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      -- users, bots, teams, channels, contacts, conversations, saved views; rowid keeps insertion order.
      CREATE TABLE entities (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (kind, id)
      );
      -- The log: one row per seq; audience = {"to": [user ids], "gone": [user ids]} (R14).
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        command_id TEXT NOT NULL,
        json TEXT NOT NULL,
        audience TEXT NOT NULL
      );
      CREATE TABLE acks (
        command_id TEXT PRIMARY KEY,
        json TEXT NOT NULL,
        actor_id TEXT,
        at INTEGER NOT NULL
      ) WITHOUT ROWID;
      -- Per user, the newest seq their stream carries (what their acks point at).
      CREATE TABLE cursors (user_id TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE timeline_items (
        conversation_id TEXT NOT NULL,
        id TEXT NOT NULL,
        at REAL NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (conversation_id, id)
      ) WITHOUT ROWID;
      -- Conversations whose demo timeline is in timeline_items (or that must never get one).
      CREATE TABLE timelines_loaded (conversation_id TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TABLE tokens (user_id TEXT PRIMARY KEY, token TEXT NOT NULL UNIQUE) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'uploads',
    sql: `
      -- Attachments stored through POST /api/uploads; the id is random and unguessable.
      CREATE TABLE uploads (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        data BLOB NOT NULL,
        created_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'acks per actor',
    sql: `
      -- Command ids are scoped per actor ('' is the system): one user's id never answers another's command.
      CREATE TABLE acks_by_actor (
        actor_id TEXT NOT NULL,
        command_id TEXT NOT NULL,
        json TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (actor_id, command_id)
      ) WITHOUT ROWID;
      INSERT INTO acks_by_actor (actor_id, command_id, json, at) SELECT COALESCE(actor_id, ''), command_id, json, at FROM acks;
      DROP TABLE acks;
      ALTER TABLE acks_by_actor RENAME TO acks;
    `,
  },
  {
    version: 4,
    name: 'token hashes',
    sql: `
      -- Bearer tokens are kept as SHA-256 hashes; a token is known only when it is issued.
      -- (tokens(), at start, moves any token of the old plain table here and empties it.)
      CREATE TABLE token_hashes (user_id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE) WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    name: 'channel edges',
    sql: `
      -- A provider's credential (server/channels.ts): its token's hash, the channels it speaks for,
      -- where replies and call actions go (null: inbound only) and the secret that signs them.
      CREATE TABLE integrations (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        channel_ids TEXT NOT NULL,
        webhook_url TEXT,
        signing_secret TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      -- What goes out through a webhook, written in the transaction of the command that caused it
      -- (an outbox): key = the idempotency key the provider sees (a message's item id, a call action's
      -- command); state pending → done, or failed after the last try; a retry makes it pending again.
      CREATE TABLE outbox (
        key TEXT PRIMARY KEY,
        integration_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        body TEXT NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_at INTEGER NOT NULL,
        last_error TEXT,
        generation INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX outbox_due ON outbox (state, next_at);
    `,
  },
];

/** What the server keeps of a bearer token: its SHA-256, hex. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A new bearer token: 24 random bytes, base64url. */
const newToken = (): string => randomBytes(24).toString('base64url');

export interface StoredUpload {
  readonly id: Id;
  readonly name: string;
  readonly mime: string;
  readonly size: number;
  readonly data: Buffer;
}

type EntityKind = 'user' | 'bot' | 'team' | 'channel' | 'contact' | 'conversation' | 'view';

interface DemoParams {
  readonly seed: number;
  readonly conversations: number;
  readonly now: number;
}

export interface OpenOptions {
  /** A file path, or ':memory:'. */
  readonly path: string;
  /** Demo size when the database is new (default 2,000). */
  readonly seedConversations?: number | undefined;
  readonly seed?: number | undefined;
}

export class InboxDatabase implements Storage {
  readonly kind = 'sqlite';
  /** The file (or ':memory:'). */
  readonly where: string;
  readonly db: Database.Database;
  /** Run inside each command's transaction, after its events are stored (a throw undoes the command). */
  readonly commitHooks: ((commit: Commit) => void)[] = [];
  /** Versions of the migrations this start applied (empty on a migrated database). */
  readonly migrated: readonly number[];
  /** True when this start seeded the demo data. */
  readonly seeded: boolean;
  #demo: DemoData | null = null;
  readonly #statements;

  constructor(options: OpenOptions) {
    this.where = options.path;
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.migrated = migrate(this.db);
    this.#statements = prepare(this.db);
    this.seeded = this.#seedOnce(options);
    this.#pruneEvents();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ---- start ----

  #seedOnce(options: OpenOptions): boolean {
    if (this.#meta('seeded') !== undefined) return false;
    const params: DemoParams = {
      seed: options.seed ?? DEMO_DEFAULT_SEED,
      conversations: Math.max(200, Math.min(100_000, options.seedConversations ?? 2000)),
      now: Date.now(),
    };
    const demo = generateDemoData(params);
    this.#demo = demo;
    this.db.transaction(() => {
      const snapshot = demo.snapshot;
      const lists: [EntityKind, readonly { id: Id }[]][] = [
        ['user', snapshot.users],
        ['bot', snapshot.bots],
        ['team', snapshot.teams],
        ['channel', snapshot.channels],
        ['contact', snapshot.contacts],
        ['conversation', snapshot.conversations],
        ['view', snapshot.views],
      ];
      for (const [kind, items] of lists) for (const item of items) this.#statements.upsertEntity.run(kind, item.id, JSON.stringify(item));
      this.#setMeta('settings', JSON.stringify(snapshot.settings));
      this.#setMeta('demo', JSON.stringify(params));
      this.#setMeta('seeded', String(Date.now()));
    })();
    return true;
  }

  #pruneEvents(): void {
    const seq = this.seq();
    if (seq > EVENTS_KEPT) this.#statements.pruneEvents.run(seq - EVENTS_KEPT);
  }

  /** The newest sequence number (0 before the first event). */
  seq(): number {
    return (this.#statements.maxSeq.pluck().get() as number | null) ?? 0;
  }

  /** Every entity, in the order it was first stored. */
  snapshot(): Snapshot {
    const lists: Record<EntityKind, unknown[]> = {
      user: [], bot: [], team: [], channel: [], contact: [], conversation: [], view: [],
    };
    for (const row of this.#statements.allEntities.iterate() as Iterable<{ kind: EntityKind; json: string }>) {
      lists[row.kind].push(JSON.parse(row.json));
    }
    const settings = JSON.parse(this.#meta('settings') ?? 'null') as Settings;
    return {
      users: lists.user as Snapshot['users'],
      bots: lists.bot as Snapshot['bots'],
      teams: lists.team as Snapshot['teams'],
      channels: lists.channel as Snapshot['channels'],
      contacts: lists.contact as Snapshot['contacts'],
      conversations: lists.conversation as Snapshot['conversations'],
      views: lists.view as Snapshot['views'],
      settings,
    };
  }

  /** The newest `keep` log entries and the cursors, for MemoryBackend to carry on from. */
  restoredLog(keep: number): RestoredLog {
    const seq = this.seq();
    const interned = new Map<string, readonly Id[]>();
    const intern = (ids: readonly Id[]): readonly Id[] => {
      const key = ids.join('\n');
      let found = interned.get(key);
      if (!found) interned.set(key, (found = Object.freeze([...ids])));
      return found;
    };
    const entries: LogEntry[] = [];
    const rows = this.#statements.eventsAfter.iterate(seq - keep) as Iterable<{ seq: number; json: string; audience: string }>;
    for (const row of rows) {
      const audience = JSON.parse(row.audience) as { to: Id[]; gone: Id[] };
      entries.push(logEntry(row.seq, JSON.parse(row.json) as DomainEvent, intern(audience.to), intern(audience.gone)));
    }
    const cursors = (this.#statements.allCursors.all() as { user_id: Id; seq: number }[]).map(
      (row) => [row.user_id, row.seq] as const,
    );
    return { seq, entries, cursors };
  }

  /** The answer `actorId` (null: the system) got for `commandId`, if it sent one. */
  findAck(commandId: Id, actorId: Id | null): CommandAck | undefined {
    const json = this.#statements.findAck.pluck().get(actorId ?? '', commandId) as string | undefined;
    return json === undefined ? undefined : (JSON.parse(json) as CommandAck);
  }

  // ---- one command, one transaction ----

  /**
   * Group commit: runs `fn` inside ONE outer transaction, so that every
   * command it applies costs one COMMIT (one fsync) between them. Each
   * command's own transaction in `commit` nests as a SAVEPOINT: one that
   * throws rolls back alone and the others go on. Nothing `fn` wrote is on
   * disk until this returns; if the COMMIT itself fails (or SQLite rolled
   * the whole transaction back under a command), this throws, and what the
   * batch applied in memory is not on disk (server/app.ts exits then).
   */
  readonly batch = <T>(fn: () => T): T =>
    this.db.transaction(() => {
      const result = fn();
      // A failure that aborts the whole transaction (disk full, I/O error) leaves none open to commit.
      if (!this.db.inTransaction) throw new Error('the batch transaction was rolled back');
      return result;
    })();

  /** MemoryBackend's persistence hook: the command's entities, log entries, cursors and ack, atomically. */
  readonly commit = (commit: Commit): void => {
    // Made once: better-sqlite3 builds a transaction function's wrappers anew at each db.transaction().
    (this.#commitTransaction ??= this.#newCommitTransaction())(commit);
  };

  #commitTransaction: ((commit: Commit) => void) | null = null;

  readonly #newCommitTransaction = () =>
    this.db.transaction((c: Commit) => {
      const s = this.#statements;
      for (const event of c.events) this.#store(event);
      for (const entry of c.entries) {
        // The event's JSON is made once, here, and reused by every stream that carries it (sse.ts).
        s.insertEvent.run(entry.seq, c.command.id, eventJson(entry.event), JSON.stringify({ to: entry.to, gone: entry.gone }));
      }
      for (const [userId, seq] of c.cursors) s.upsertCursor.run(userId, seq);
      // What else the command writes, atomically with it (server/outbound.ts's outbox).
      for (const hook of this.commitHooks) hook(c);
      s.insertAck.run(c.actorId ?? '', c.ack.commandId, JSON.stringify(c.ack), Date.now());
    });

  #store(event: DomainEvent): void {
    const s = this.#statements;
    switch (event.type) {
      case 'conversation.upserted':
        s.upsertEntity.run('conversation', event.conversation.id, JSON.stringify(event.conversation));
        return;
      case 'conversation.deleted':
        s.deleteEntity.run('conversation', event.id);
        s.deleteTimeline.run(event.id);
        s.markLoaded.run(event.id);
        return;
      case 'contact.upserted':
        s.upsertEntity.run('contact', event.contact.id, JSON.stringify(event.contact));
        return;
      case 'contact.deleted':
        s.deleteEntity.run('contact', event.id);
        return;
      case 'user.upserted':
        s.upsertEntity.run('user', event.user.id, JSON.stringify(event.user));
        return;
      case 'team.upserted':
        s.upsertEntity.run('team', event.team.id, JSON.stringify(event.team));
        return;
      case 'bot.upserted':
        s.upsertEntity.run('bot', event.bot.id, JSON.stringify(event.bot));
        return;
      case 'channel.upserted':
        s.upsertEntity.run('channel', event.channel.id, JSON.stringify(event.channel));
        return;
      case 'view.upserted':
        s.upsertEntity.run('view', event.view.id, JSON.stringify(event.view));
        return;
      case 'view.deleted':
        s.deleteEntity.run('view', event.id);
        return;
      case 'timeline.upserted':
        this.#ensureTimeline(event.item.conversationId);
        s.upsertItem.run(event.item.conversationId, event.item.id, event.item.at, JSON.stringify(event.item));
        return;
      case 'timeline.deleted':
        this.#ensureTimeline(event.conversationId);
        s.deleteItem.run(event.conversationId, event.id);
        return;
    }
  }

  // ---- timelines ----

  /**
   * A conversation's whole stored timeline, oldest first; the demo's is
   * written to the database the first time (MemoryBackend's `timelineFor`).
   */
  readonly timelineFor = (conversationId: Id): readonly TimelineItem[] =>
    this.db.transaction((id: Id) => {
      this.#ensureTimeline(id);
      const items = (this.#statements.timeline.pluck().all(id) as string[]).map((json) => JSON.parse(json) as TimelineItem);
      // The order of model/state.ts's upsertTimelineItem: time, then id.
      return items.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    })(conversationId);

  #ensureTimeline(conversationId: Id): void {
    const s = this.#statements;
    if (s.isLoaded.get(conversationId) !== undefined) return;
    for (const item of this.#demoData()?.timelineFor(conversationId) ?? []) {
      s.insertItemIfAbsent.run(conversationId, item.id, item.at, JSON.stringify(item));
    }
    s.markLoaded.run(conversationId);
  }

  /** The seeded demo data, rebuilt from its parameters after a restart, only when a timeline needs it. */
  #demoData(): DemoData | null {
    if (this.#demo) return this.#demo;
    const params = this.#meta('demo');
    if (params === undefined) return null;
    this.#demo = generateDemoData(JSON.parse(params) as DemoParams);
    return this.#demo;
  }

  // ---- uploads ----

  saveUpload(upload: StoredUpload, userId: Id, at: number): void {
    this.#statements.insertUpload.run(upload.id, userId, upload.name, upload.mime, upload.size, upload.data, at);
  }

  upload(id: Id): StoredUpload | undefined {
    return this.#statements.getUpload.get(id) as StoredUpload | undefined;
  }

  uploadedBytesSince(userId: Id, since: number): number {
    return this.#statements.uploadedBytesSince.pluck().get(userId, since) as number;
  }

  /** What an upload is and who made it, without its bytes: for checking a reply's attachments. */
  uploadInfo(id: Id): (Omit<StoredUpload, 'data'> & { readonly userId: Id }) | undefined {
    return this.#statements.getUploadInfo.get(id) as (Omit<StoredUpload, 'data'> & { userId: Id }) | undefined;
  }

  // ---- tokens ----

  /**
   * Token hash → user id, after giving every user without a token a new
   * one; `issued` holds those new tokens, the only time they are known
   * (stored tokens are hashes). Tokens of the old plain table are hashed.
   */
  tokens(users: readonly User[]): { readonly byHash: Map<string, Id>; readonly issued: Map<Id, string> } {
    const s = this.#statements;
    const issued = new Map<Id, string>();
    this.db.transaction(() => {
      for (const row of s.legacyTokens.all() as { user_id: Id; token: string }[]) s.setTokenHash.run(row.user_id, tokenHash(row.token));
      s.clearLegacyTokens.run();
      for (const user of users) {
        if (s.tokenHashOf.get(user.id) !== undefined) continue;
        const token = newToken();
        s.setTokenHash.run(user.id, tokenHash(token));
        issued.set(user.id, token);
      }
    })();
    const byHash = new Map<string, Id>();
    for (const row of s.allTokenHashes.all() as { user_id: Id; hash: string }[]) byHash.set(row.hash, row.user_id);
    return { byHash, issued };
  }

  /** A new token for `userId`, replacing the one they had (which stops working at the next start). */
  issueToken(userId: Id): string {
    const token = newToken();
    this.#statements.setTokenHash.run(userId, tokenHash(token));
    return token;
  }

  // ---- channel edges (server/channels.ts, server/outbound.ts) ----

  addIntegration(integration: StoredIntegration, token: string): void {
    this.db.transaction(() => {
      this.#statements.insertIntegration.run(
        integration.id, tokenHash(token), JSON.stringify(integration.channelIds), integration.webhookUrl,
        integration.signingSecret, Date.now(),
      );
      // Replies on these channels now carry a delivery status (R29).
      if (integration.webhookUrl !== null) {
        for (const id of integration.channelIds) {
          const json = this.#statements.getEntity.pluck().get('channel', id) as string | undefined;
          if (json !== undefined) this.#statements.upsertEntity.run('channel', id, JSON.stringify({ ...JSON.parse(json), outbound: true }));
        }
      }
    })();
  }

  integrations(): StoredIntegration[] {
    return (this.#statements.allIntegrations.all() as IntegrationRow[]).map((row) => ({
      id: row.id,
      tokenHash: row.token_hash,
      channelIds: JSON.parse(row.channel_ids) as Id[],
      webhookUrl: row.webhook_url,
      signingSecret: row.signing_secret,
    }));
  }

  outboxRow(key: string): OutboxRow | undefined {
    return this.#statements.getOutbox.get(key) as OutboxRow | undefined;
  }

  /** A new outbox row (nothing if the key is known: what went out once never goes out twice). */
  enqueue(row: Omit<OutboxRow, 'state' | 'attempts' | 'last_error' | 'generation'>): void {
    this.#statements.insertOutbox.run(row.key, row.integration_id, row.kind, row.conversation_id, row.item_id, row.body, row.next_at);
  }

  /** A failed row sent again (retryDelivery): pending from now, its tries counted anew. */
  requeue(key: string, at: number): void {
    this.#statements.requeueOutbox.run(at, key);
  }

  dueOutbox(now: number, limit: number): OutboxRow[] {
    return this.#statements.dueOutbox.all(now, limit) as OutboxRow[];
  }

  outboxDone(key: string): void {
    this.#statements.settleOutbox.run('done', null, key);
  }

  outboxFailed(key: string, error: string): void {
    this.#statements.settleOutbox.run('failed', error, key);
  }

  outboxRetryLater(key: string, attempts: number, nextAt: number, error: string): void {
    this.#statements.retryOutbox.run(attempts, nextAt, error, key);
  }

  /** Rows per state, for the tests and the health of the edge. */
  outboxCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const row of this.#statements.outboxCounts.all() as { state: string; n: number }[]) counts[row.state] = row.n;
    return counts;
  }

  // ---- meta ----

  /**
   * The identity of this database's history (issue 13's epoch), made once:
   * a client resuming with another one (a database made anew, whose
   * sequence numbers start again) gets a snapshot, not events that would
   * not follow on from what it holds.
   */
  epoch(): string {
    let epoch = this.#meta('epoch');
    if (epoch === undefined) {
      epoch = randomBytes(9).toString('base64url');
      this.#setMeta('epoch', epoch);
    }
    return epoch;
  }

  #meta(key: string): string | undefined {
    return this.#statements.getMeta.pluck().get(key) as string | undefined;
  }

  #setMeta(key: string, value: string): void {
    this.#statements.setMeta.run(key, value);
  }
}

/** Applies the migrations not yet applied, each in its own transaction; returns their versions. */
export function migrate(db: Database.Database): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const done: number[] = [];
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
    })();
    done.push(migration.version);
  }
  return done;
}

export interface StoredIntegration {
  readonly id: Id;
  /** Only when listed: the token itself is never stored. */
  readonly tokenHash?: string;
  readonly channelIds: readonly Id[];
  readonly webhookUrl: string | null;
  readonly signingSecret: string;
}

interface IntegrationRow {
  id: Id;
  token_hash: string;
  channel_ids: string;
  webhook_url: string | null;
  signing_secret: string;
}

export interface OutboxRow {
  readonly key: string;
  readonly integration_id: Id;
  readonly kind: 'message' | 'call';
  readonly conversation_id: Id;
  readonly item_id: Id;
  readonly body: string;
  readonly state: 'pending' | 'done' | 'failed';
  readonly attempts: number;
  readonly next_at: number;
  readonly last_error: string | null;
  readonly generation: number;
}

function prepare(db: Database.Database) {
  return {
    getEntity: db.prepare('SELECT json FROM entities WHERE kind = ? AND id = ?'),
    insertIntegration: db.prepare(
      'INSERT INTO integrations (id, token_hash, channel_ids, webhook_url, signing_secret, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    allIntegrations: db.prepare('SELECT id, token_hash, channel_ids, webhook_url, signing_secret FROM integrations'),
    getOutbox: db.prepare('SELECT * FROM outbox WHERE key = ?'),
    insertOutbox: db.prepare(
      `INSERT INTO outbox (key, integration_id, kind, conversation_id, item_id, body, state, attempts, next_at, last_error, generation)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, NULL, 0) ON CONFLICT (key) DO NOTHING`,
    ),
    requeueOutbox: db.prepare(
      "UPDATE outbox SET state = 'pending', attempts = 0, next_at = ?, last_error = NULL, generation = generation + 1 WHERE key = ?",
    ),
    dueOutbox: db.prepare("SELECT * FROM outbox WHERE state = 'pending' AND next_at <= ? ORDER BY next_at LIMIT ?"),
    settleOutbox: db.prepare('UPDATE outbox SET state = ?, last_error = ? WHERE key = ?'),
    retryOutbox: db.prepare('UPDATE outbox SET attempts = ?, next_at = ?, last_error = ? WHERE key = ?'),
    outboxCounts: db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state'),
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    upsertEntity: db.prepare(
      'INSERT INTO entities (kind, id, json) VALUES (?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json',
    ),
    deleteEntity: db.prepare('DELETE FROM entities WHERE kind = ? AND id = ?'),
    allEntities: db.prepare('SELECT kind, json FROM entities ORDER BY rowid'),
    maxSeq: db.prepare('SELECT max(seq) FROM events'),
    insertEvent: db.prepare('INSERT INTO events (seq, command_id, json, audience) VALUES (?, ?, ?, ?)'),
    eventsAfter: db.prepare('SELECT seq, json, audience FROM events WHERE seq > ? ORDER BY seq'),
    pruneEvents: db.prepare('DELETE FROM events WHERE seq <= ?'),
    insertAck: db.prepare('INSERT INTO acks (actor_id, command_id, json, at) VALUES (?, ?, ?, ?)'),
    findAck: db.prepare('SELECT json FROM acks WHERE actor_id = ? AND command_id = ?'),
    upsertCursor: db.prepare(
      'INSERT INTO cursors (user_id, seq) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET seq = excluded.seq',
    ),
    allCursors: db.prepare('SELECT user_id, seq FROM cursors'),
    timeline: db.prepare('SELECT json FROM timeline_items WHERE conversation_id = ?'),
    upsertItem: db.prepare(
      `INSERT INTO timeline_items (conversation_id, id, at, json) VALUES (?, ?, ?, ?)
       ON CONFLICT (conversation_id, id) DO UPDATE SET at = excluded.at, json = excluded.json`,
    ),
    insertItemIfAbsent: db.prepare(
      'INSERT INTO timeline_items (conversation_id, id, at, json) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    deleteItem: db.prepare('DELETE FROM timeline_items WHERE conversation_id = ? AND id = ?'),
    deleteTimeline: db.prepare('DELETE FROM timeline_items WHERE conversation_id = ?'),
    isLoaded: db.prepare('SELECT 1 FROM timelines_loaded WHERE conversation_id = ?'),
    markLoaded: db.prepare('INSERT INTO timelines_loaded (conversation_id) VALUES (?) ON CONFLICT DO NOTHING'),
    legacyTokens: db.prepare('SELECT user_id, token FROM tokens'),
    clearLegacyTokens: db.prepare('DELETE FROM tokens'),
    tokenHashOf: db.prepare('SELECT hash FROM token_hashes WHERE user_id = ?'),
    setTokenHash: db.prepare('INSERT OR REPLACE INTO token_hashes (user_id, hash) VALUES (?, ?)'),
    allTokenHashes: db.prepare('SELECT user_id, hash FROM token_hashes'),
    insertUpload: db.prepare('INSERT INTO uploads (id, user_id, name, mime, size, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    getUpload: db.prepare('SELECT id, name, mime, size, data FROM uploads WHERE id = ?'),
    uploadedBytesSince: db.prepare('SELECT COALESCE(SUM(size), 0) FROM uploads WHERE user_id = ? AND created_at > ?'),
    getUploadInfo: db.prepare('SELECT id, name, mime, size, user_id AS userId FROM uploads WHERE id = ?'),
  };
}

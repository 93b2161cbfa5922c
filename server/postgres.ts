import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import type { DomainEvent } from '../src/model/events.js';
import type { Contact, Conversation, Id, InboxState, Settings, Snapshot, TimelineItem, User } from '../src/model/types.js';
import { DEMO_DEFAULT_SEED, generateDemoData, type DemoData } from '../src/backend/demo-data.js';
import { logEntry, type Commit, type LogEntry, type RestoredLog } from '../src/backend/memory-backend.js';
import type { CommandAck, QueryRequest, QueryResult } from '../src/protocol/wire.js';
import { EVENTS_KEPT, tokenHash, type OutboxRow, type StoredIntegration, type StoredUpload } from './db.js';
import { conversationRow, contactRow, PG_MIGRATIONS } from './postgres-schema.js';
import { queryPage } from './postgres-query.js';
import { eventJson } from './sse.js';
import type { Storage, UploadInfo } from './storage.js';

/**
 * The reference server on PostgreSQL (issue 13, `--db postgres://…`): the
 * same data as SQLite's (db.ts), in tables of their own, conversations with
 * a column for each fact the views filter and sort on (postgres-schema.ts),
 * and POST /api/query answered in SQL (postgres-query.ts).
 *
 * The driver is asynchronous and MemoryBackend's persist hook is not: a
 * command is applied in memory first, its Commit collected (`commit`), and
 * the commits of a batch are written in ONE transaction afterwards. Nothing
 * that shows them leaves before that COMMIT (`durable`: app.ts holds the
 * streams' output and the acks). A command that fails while applied
 * collects nothing (its hooks run before its rows join the batch), so it
 * rolls back alone; a write that fails is fatal, as SQLite's COMMIT is.
 *
 * Reads MemoryBackend makes synchronously (older acks, stored timelines,
 * upload facts) are answered from what `open` loaded and what this process
 * wrote since.
 */

// int8 (seqs, sizes, times) as numbers: they stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);

export interface PostgresOptions {
  /** postgres://user@host:port/database */
  readonly url: string;
  readonly seedConversations?: number | undefined;
  readonly seed?: number | undefined;
  /** A write that failed outside a batch (default: logged). */
  readonly fatal?: ((error: unknown) => void) | undefined;
  /** Connections (default 4). */
  readonly poolSize?: number | undefined;
}

interface DemoParams {
  readonly seed: number;
  readonly conversations: number;
  readonly now: number;
}

type EntityKind = 'user' | 'bot' | 'team' | 'channel' | 'view';

/**
 * Every connection's settings: no JIT (it compiles a plan for a query that
 * runs in milliseconds, hundreds of milliseconds lost on a count), and room
 * for exact bitmaps of a large view's matches.
 */
export const PG_SESSION_OPTIONS = '-c jit=off -c work_mem=16MB';

/** The advisory lock key of the one writer at a time (several instances on one database). */
export const WRITER_LOCK = 0x1_7b0c;

/** A deferred settled when a write is durable. */
interface Pending {
  readonly promise: Promise<void>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** The rows of one write: the last state of each key, then the appended rows, in statement order. */
class WriteSet {
  readonly entities = new Map<string, { kind: EntityKind; id: Id; json: string | null }>();
  readonly contacts = new Map<Id, Contact | null>();
  readonly conversations = new Map<Id, Conversation | null>();
  /** Demo timelines written before their first change (like db.ts's #ensureTimeline). */
  readonly loadTimelines: TimelineItem[] = [];
  readonly loaded = new Set<Id>();
  readonly clearedTimelines = new Set<Id>();
  readonly items = new Map<string, { conversationId: Id; id: Id; item: TimelineItem | null }>();
  readonly events: { seq: number; commandId: Id; json: string; audience: string }[] = [];
  readonly cursors = new Map<Id, number>();
  readonly acks: { actor: Id; commandId: Id; json: string; at: number }[] = [];
  /** Outbox rows as they are now (channels' edges), by key. */
  readonly outbox = new Map<string, OutboxRow>();

  /** Another set's rows, as if written after this one's. */
  merge(other: WriteSet): void {
    for (const [key, value] of other.entities) this.entities.set(key, value);
    for (const [key, value] of other.contacts) this.contacts.set(key, value);
    for (const [key, value] of other.conversations) this.conversations.set(key, value);
    this.loadTimelines.push(...other.loadTimelines);
    for (const id of other.loaded) this.loaded.add(id);
    for (const id of other.clearedTimelines) {
      this.clearedTimelines.add(id);
      for (const [key, value] of this.items) if (value.conversationId === id) this.items.delete(key);
    }
    for (const [key, value] of other.items) this.items.set(key, value);
    this.events.push(...other.events);
    for (const [key, value] of other.cursors) this.cursors.set(key, value);
    this.acks.push(...other.acks);
    for (const [key, value] of other.outbox) this.outbox.set(key, value);
  }
}

const itemKey = (conversationId: Id, id: Id) => `${conversationId}\u0000${id}`;
const ackKey = (actorId: Id | null, commandId: Id) => `${actorId ?? ''}\u0000${commandId}`;
const byTime = (a: TimelineItem, b: TimelineItem) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The URL with a user: the one it names, else PGUSER, else the one this process runs as (as psql does). */
export function withUser(url: string): string {
  const parsed = new URL(url);
  if (parsed.username === '') parsed.username = process.env.PGUSER ?? userInfo().username;
  return parsed.toString();
}

/** The URL without its password, for printing. */
function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable)';
  }
}

export class PostgresStorage implements Storage {
  readonly kind = 'postgres';
  readonly where: string;
  readonly pool: pg.Pool;
  readonly commitHooks: ((commit: Commit) => void)[] = [];
  migrated: readonly number[] = [];
  seeded = false;
  readonly #fatal: (error: unknown) => void;
  #snapshot: Snapshot | null = null;
  #restored: RestoredLog | null = null;
  #demoParams: DemoParams | null = null;
  #demo: DemoData | null = null;
  readonly #acks = new Map<string, string>();
  readonly #timelines = new Map<Id, TimelineItem[]>();
  readonly #loaded = new Set<Id>();
  readonly #uploads = new Map<Id, UploadInfo>();
  /** The channels' edges, loaded at start and kept in step: read synchronously inside commands. */
  #integrations: StoredIntegration[] = [];
  readonly #outbox = new Map<string, OutboxRow>();
  /** While a command's hooks run: the set its outbox rows join. */
  #collecting: WriteSet | null = null;
  /** The commits collected since the last write began, and the promise of their write. */
  #pending: { set: WriteSet; done: Pending; queued: boolean } | null = null;
  #writeScheduled = false;
  /** The newest write begun and not yet settled. */
  #inFlight: Promise<void> | null = null;
  /** Writes run one after the other, in order. */
  #tail: Promise<void> = Promise.resolve();
  /** Once a write failed, memory is ahead of the disk: nothing more is written. */
  #failed: Error | null = null;
  #batchDepth = 0;
  #epoch = '';

  private constructor(options: PostgresOptions) {
    this.where = safeUrl(options.url);
    // Without a user in the URL or PGUSER, the one this process runs as (as psql does).
    this.pool = new pg.Pool({ connectionString: withUser(options.url), max: options.poolSize ?? 4, options: PG_SESSION_OPTIONS });
    // An idle connection the server dropped must not take the process down; the next query reconnects.
    this.pool.on('error', () => {});
    this.#fatal = options.fatal ?? ((error) => process.stderr.write(`a PostgreSQL write failed: ${String(error)}\n`));
  }

  /** Connects, migrates, seeds an empty database once, prunes the log, and loads what the server starts from. */
  static async open(options: PostgresOptions): Promise<PostgresStorage> {
    const storage = new PostgresStorage(options);
    try {
      storage.migrated = await migrate(storage.pool);
      storage.seeded = await storage.#seedOnce(options);
      await storage.#load();
    } catch (error) {
      await storage.pool.end();
      throw error;
    }
    return storage;
  }

  epoch(): string {
    return this.#epoch;
  }

  async close(): Promise<void> {
    await this.#tail;
    await this.pool.end();
  }

  // ---- start ----

  async #seedOnce(options: PostgresOptions): Promise<boolean> {
    if ((await this.#meta('seeded')) !== undefined) return false;
    const params: DemoParams = {
      seed: options.seed ?? DEMO_DEFAULT_SEED,
      conversations: Math.max(200, Math.min(100_000, options.seedConversations ?? 2000)),
      now: Date.now(),
    };
    const demo = generateDemoData(params);
    this.#demo = demo;
    const snapshot = demo.snapshot;
    const set = new WriteSet();
    const lists: [EntityKind, readonly { id: Id }[]][] = [
      ['user', snapshot.users],
      ['bot', snapshot.bots],
      ['team', snapshot.teams],
      ['channel', snapshot.channels],
      ['view', snapshot.views],
    ];
    for (const [kind, items] of lists) for (const item of items) set.entities.set(`${kind}\u0000${item.id}`, { kind, id: item.id, json: JSON.stringify(item) });
    for (const contact of snapshot.contacts) set.contacts.set(contact.id, contact);
    for (const conversation of snapshot.conversations) set.conversations.set(conversation.id, conversation);
    await this.#transaction(async (client) => {
      await writeSet(client, set);
      await setMeta(client, 'settings', JSON.stringify(snapshot.settings));
      await setMeta(client, 'demo', JSON.stringify(params));
      await setMeta(client, 'seeded', String(Date.now()));
    });
    return true;
  }

  async #load(): Promise<void> {
    const pool = this.pool;
    const seq = await maxSeq(pool);
    if (seq > EVENTS_KEPT) await pool.query('DELETE FROM events WHERE seq <= $1', [seq - EVENTS_KEPT]);
    const entities = await pool.query<{ kind: EntityKind; json: string }>('SELECT kind, json FROM entities ORDER BY pos');
    const lists: Record<EntityKind, unknown[]> = { user: [], bot: [], team: [], channel: [], view: [] };
    for (const row of entities.rows) lists[row.kind].push(JSON.parse(row.json));
    const contacts = await pool.query<{ json: string }>('SELECT json FROM contacts ORDER BY pos');
    const conversations = await pool.query<{ json: string }>('SELECT json FROM conversations ORDER BY pos');
    this.#snapshot = {
      users: lists.user as Snapshot['users'],
      bots: lists.bot as Snapshot['bots'],
      teams: lists.team as Snapshot['teams'],
      channels: lists.channel as Snapshot['channels'],
      contacts: contacts.rows.map((row) => JSON.parse(row.json) as Contact),
      conversations: conversations.rows.map((row) => JSON.parse(row.json) as Conversation),
      views: lists.view as Snapshot['views'],
      settings: JSON.parse((await this.#meta('settings')) ?? 'null') as Settings,
    };
    // The history's epoch, made once; several instances starting at once agree on the first one written.
    await pool.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', ['epoch', randomBytes(9).toString('base64url')]);
    this.#epoch = (await this.#meta('epoch'))!;
    const demo = await this.#meta('demo');
    this.#demoParams = demo === undefined ? null : (JSON.parse(demo) as DemoParams);

    const events = await pool.query<{ seq: number; json: string; audience: string }>(
      'SELECT seq, json, audience FROM events ORDER BY seq',
    );
    const interned = new Map<string, readonly Id[]>();
    const intern = (ids: readonly Id[]): readonly Id[] => {
      const key = ids.join('\n');
      let found = interned.get(key);
      if (!found) interned.set(key, (found = Object.freeze([...ids])));
      return found;
    };
    const entries: LogEntry[] = events.rows.map((row) => {
      const audience = JSON.parse(row.audience) as { to: Id[]; gone: Id[] };
      return logEntry(row.seq, JSON.parse(row.json) as DomainEvent, intern(audience.to), intern(audience.gone));
    });
    const cursors = await pool.query<{ user_id: Id; seq: number }>('SELECT user_id, seq FROM cursors');
    this.#restored = { seq, entries, cursors: cursors.rows.map((row) => [row.user_id, row.seq] as const) };

    // Every ack: MemoryBackend asks for an older one synchronously (idempotency across restarts).
    const acks = await pool.query<{ actor_id: Id; command_id: Id; json: string }>('SELECT actor_id, command_id, json FROM acks');
    for (const row of acks.rows) this.#acks.set(`${row.actor_id}\u0000${row.command_id}`, row.json);
    const loaded = await pool.query<{ conversation_id: Id }>('SELECT conversation_id FROM timelines_loaded');
    for (const row of loaded.rows) this.#loaded.add(row.conversation_id);
    const items = await pool.query<{ conversation_id: Id; json: string }>('SELECT conversation_id, json FROM timeline_items');
    for (const row of items.rows) {
      let list = this.#timelines.get(row.conversation_id);
      if (!list) this.#timelines.set(row.conversation_id, (list = []));
      list.push(JSON.parse(row.json) as TimelineItem);
    }
    for (const list of this.#timelines.values()) list.sort(byTime);
    const uploads = await pool.query<UploadInfo>('SELECT id, name, mime, size, user_id AS "userId" FROM uploads');
    for (const row of uploads.rows) this.#uploads.set(row.id, row);
    const integrations = await pool.query<{ id: Id; token_hash: string; channel_ids: string; webhook_url: string | null; signing_secret: string }>(
      'SELECT id, token_hash, channel_ids, webhook_url, signing_secret FROM integrations ORDER BY created_at, id',
    );
    this.#integrations = integrations.rows.map((row) => ({
      id: row.id,
      tokenHash: row.token_hash,
      channelIds: JSON.parse(row.channel_ids) as Id[],
      webhookUrl: row.webhook_url,
      signingSecret: row.signing_secret,
    }));
    for (const row of (await pool.query<OutboxRow>('SELECT * FROM outbox')).rows) this.#outbox.set(row.key, row);
  }

  snapshot(): Snapshot {
    if (!this.#snapshot) throw new Error('PostgresStorage: not open');
    return this.#snapshot;
  }

  restoredLog(keep: number): RestoredLog {
    if (!this.#restored) throw new Error('PostgresStorage: not open');
    const { seq, entries, cursors } = this.#restored;
    return { seq, entries: entries.slice(-keep), cursors };
  }

  findAck(commandId: Id, actorId: Id | null): CommandAck | undefined {
    const json = this.#acks.get(ackKey(actorId, commandId));
    return json === undefined ? undefined : (JSON.parse(json) as CommandAck);
  }

  /**
   * A conversation's timeline as stored when this process started, or its
   * demo history when it had none; what this process writes since, the
   * backend holds itself (it asks before its first change, and the stats
   * peek without holding, so the answer stays the same).
   */
  readonly timelineFor = (conversationId: Id): readonly TimelineItem[] => {
    const stored = this.#timelines.get(conversationId);
    if (stored) return stored;
    if (this.#loaded.has(conversationId)) return [];
    return this.#demoData()?.timelineFor(conversationId) ?? [];
  };

  #demoData(): DemoData | null {
    if (this.#demo) return this.#demo;
    if (this.#demoParams === null) return null;
    this.#demo = generateDemoData(this.#demoParams);
    return this.#demo;
  }

  // ---- one command, collected; a batch, one transaction ----

  /** MemoryBackend's persistence hook: the command's rows join the next write, all or nothing. */
  readonly commit = (commit: Commit): void => {
    if (this.#failed !== null) throw new Error('an earlier PostgreSQL write failed; nothing more is written');
    const set = new WriteSet();
    for (const event of commit.events) this.#collect(set, event);
    for (const entry of commit.entries) {
      set.events.push({
        seq: entry.seq,
        commandId: commit.command.id,
        json: eventJson(entry.event),
        audience: JSON.stringify({ to: entry.to, gone: entry.gone }),
      });
    }
    for (const [userId, seq] of commit.cursors) set.cursors.set(userId, seq);
    this.#collecting = set;
    try {
      for (const hook of this.commitHooks) hook(commit);
    } finally {
      this.#collecting = null;
    }
    const json = JSON.stringify(commit.ack);
    set.acks.push({ actor: commit.actorId ?? '', commandId: commit.ack.commandId, json, at: Date.now() });
    // Nothing threw: the command is in.
    for (const id of set.loaded) this.#loaded.add(id);
    for (const [key, row] of set.outbox) this.#outbox.set(key, row);
    this.#acks.set(ackKey(commit.actorId, commit.ack.commandId), json);
    this.#pendingWrite().set.merge(set);
    if (this.#batchDepth === 0) this.#scheduleWrite();
  };

  #collect(set: WriteSet, event: DomainEvent): void {
    const entity = (kind: EntityKind, id: Id, value: object | null) =>
      set.entities.set(`${kind}\u0000${id}`, { kind, id, json: value === null ? null : JSON.stringify(value) });
    switch (event.type) {
      case 'conversation.upserted':
        set.conversations.set(event.conversation.id, event.conversation);
        return;
      case 'conversation.deleted':
        set.conversations.set(event.id, null);
        set.clearedTimelines.add(event.id);
        for (const [key, value] of set.items) if (value.conversationId === event.id) set.items.delete(key);
        set.loaded.add(event.id);
        return;
      case 'contact.upserted':
        set.contacts.set(event.contact.id, event.contact);
        return;
      case 'contact.deleted':
        set.contacts.set(event.id, null);
        return;
      case 'user.upserted':
        entity('user', event.user.id, event.user);
        return;
      case 'team.upserted':
        entity('team', event.team.id, event.team);
        return;
      case 'bot.upserted':
        entity('bot', event.bot.id, event.bot);
        return;
      case 'channel.upserted':
        entity('channel', event.channel.id, event.channel);
        return;
      case 'view.upserted':
        entity('view', event.view.id, event.view);
        return;
      case 'view.deleted':
        entity('view', event.id, null);
        return;
      case 'timeline.upserted':
        this.#ensureTimeline(set, event.item.conversationId);
        set.items.set(itemKey(event.item.conversationId, event.item.id), { conversationId: event.item.conversationId, id: event.item.id, item: event.item });
        return;
      case 'timeline.deleted':
        this.#ensureTimeline(set, event.conversationId);
        set.items.set(itemKey(event.conversationId, event.id), { conversationId: event.conversationId, id: event.id, item: null });
        return;
    }
  }

  /** Before a timeline's first change, its demo history is written (as db.ts does), so that a restart finds it whole. */
  #ensureTimeline(set: WriteSet, conversationId: Id): void {
    if (this.#loaded.has(conversationId) || set.loaded.has(conversationId) || this.#pending?.set.loaded.has(conversationId)) return;
    set.loadTimelines.push(...(this.#demoData()?.timelineFor(conversationId) ?? []));
    set.loaded.add(conversationId);
  }

  #pendingWrite(): { set: WriteSet; done: Pending; queued: boolean } {
    if (!this.#pending) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<void>((yes, no) => {
        resolve = yes;
        reject = no;
      });
      // Whoever waits handles a failure; an unobserved one is reported through `fatal`.
      promise.catch(() => {});
      this.#pending = { set: new WriteSet(), done: { promise, resolve, reject }, queued: false };
    }
    return this.#pending;
  }

  /** Commands applied outside a batch (traffic, the clock, the test routes) are written at the end of the turn. */
  #scheduleWrite(): void {
    if (this.#writeScheduled) return;
    this.#writeScheduled = true;
    setImmediate(() => {
      this.#writeScheduled = false;
      this.#write().catch((error: unknown) => this.#fatal(error));
    });
  }

  /**
   * Writes what was collected, in one transaction, once the writes before
   * it are done: until then more commits join it (a write in flight
   * gathers the next group, so writes never queue up behind a slow disk).
   */
  #write(): Promise<void> {
    const pending = this.#pending;
    if (!pending) return this.#inFlight ?? Promise.resolve();
    if (pending.queued) return pending.done.promise;
    pending.queued = true;
    const run = this.#tail.then(async () => {
      // Taken now: what is collected from here on goes to the next write.
      if (this.#pending === pending) this.#pending = null;
      if (this.#failed !== null) throw this.#failed;
      try {
        await this.#transaction((client) => writeSet(client, pending.set));
      } catch (error) {
        this.#failed = error instanceof Error ? error : new Error(String(error));
        throw this.#failed;
      }
    });
    this.#tail = run.catch(() => {});
    this.#inFlight = run;
    void run.then(
      () => {
        if (this.#inFlight === run) this.#inFlight = null;
        pending.done.resolve();
      },
      (error: unknown) => {
        if (this.#inFlight === run) this.#inFlight = null;
        pending.done.reject(error);
      },
    );
    return pending.done.promise;
  }

  /**
   * Group commit: `fn` applies the batch's commands in memory (their rows
   * collected by `commit`), then ONE transaction writes them; the promise
   * settles once it committed, or rejects (memory is then ahead of the disk).
   */
  readonly batch = <T>(fn: () => T): Promise<T> => {
    this.#batchDepth++;
    let result: T;
    try {
      result = fn();
    } finally {
      this.#batchDepth--;
    }
    return this.#write().then(() => result);
  };

  /** The newest write collected or begun, null when everything is on disk. */
  readonly durable = (): Promise<void> | null => this.#pending?.done.promise ?? this.#inFlight;

  async #transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  // ---- several instances (the design issue 13 names; one instance does not need them yet) ----

  /** The log after `seq`, oldest first, at most `limit` entries: what an instance catches up on. */
  async eventsAfter(seq: number, limit: number): Promise<LogEntry[]> {
    const rows = await this.pool.query<{ seq: number; json: string; audience: string }>(
      'SELECT seq, json, audience FROM events WHERE seq > $1 ORDER BY seq LIMIT $2',
      [seq, limit],
    );
    return rows.rows.map((row) => {
      const audience = JSON.parse(row.audience) as { to: Id[]; gone: Id[] };
      return logEntry(row.seq, JSON.parse(row.json) as DomainEvent, audience.to, audience.gone);
    });
  }

  /**
   * Runs `fn` as the one writer among the instances sharing this database:
   * a session advisory lock (`pg_advisory_lock(WRITER_LOCK)`) held on a
   * connection of its own from before `fn` (which catches up with
   * `eventsAfter`, applies a batch and awaits its write) until it settled.
   */
  async underWriterLock<T>(fn: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [WRITER_LOCK]);
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [WRITER_LOCK]);
      }
    } finally {
      client.release();
    }
  }

  // ---- queries ----

  /** POST /api/query in SQL (postgres-query.ts), on what is committed. */
  readonly query = (state: InboxState, request: QueryRequest, userId: Id, now: number): Promise<QueryResult> =>
    queryPage(this.pool, state, request, userId, now);

  // ---- channel edges (channels.ts, outbound.ts) ----

  integrations(): StoredIntegration[] {
    return this.#integrations;
  }

  async addIntegration(integration: StoredIntegration, token: string): Promise<void> {
    await this.#transaction(async (client) => {
      await client.query(
        'INSERT INTO integrations (id, token_hash, channel_ids, webhook_url, signing_secret, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [integration.id, tokenHash(token), JSON.stringify(integration.channelIds), integration.webhookUrl, integration.signingSecret, Date.now()],
      );
      // Replies on these channels now carry a delivery status (R29).
      if (integration.webhookUrl !== null) {
        await client.query(
          `UPDATE entities SET json = (json::jsonb || '{"outbound": true}')::text WHERE kind = 'channel' AND id = ANY($1::text[])`,
          [integration.channelIds],
        );
      }
    });
  }

  outboxRow(key: string): OutboxRow | undefined {
    return this.#collecting?.outbox.get(key) ?? this.#pending?.set.outbox.get(key) ?? this.#outbox.get(key);
  }

  /** An outbox row as it is now: inside a command it joins that command's write, else the next write. */
  #putOutbox(row: OutboxRow): void {
    if (this.#collecting) {
      this.#collecting.outbox.set(row.key, row);
      return;
    }
    this.#outbox.set(row.key, row);
    this.#pendingWrite().set.outbox.set(row.key, row);
    if (this.#batchDepth === 0) this.#scheduleWrite();
  }

  enqueue(row: Omit<OutboxRow, 'state' | 'attempts' | 'last_error' | 'generation'>): void {
    if (this.outboxRow(row.key) !== undefined) return;
    this.#putOutbox({ ...row, state: 'pending', attempts: 0, last_error: null, generation: 0 });
  }

  requeue(key: string, at: number): void {
    const row = this.outboxRow(key);
    if (row) this.#putOutbox({ ...row, state: 'pending', attempts: 0, next_at: at, last_error: null, generation: row.generation + 1 });
  }

  dueOutbox(now: number, limit: number): OutboxRow[] {
    const due: OutboxRow[] = [];
    for (const row of this.#outbox.values()) if (row.state === 'pending' && row.next_at <= now) due.push(row);
    return due.sort((a, b) => a.next_at - b.next_at).slice(0, limit);
  }

  outboxDone(key: string): void {
    const row = this.outboxRow(key);
    if (row) this.#putOutbox({ ...row, state: 'done', last_error: null });
  }

  outboxFailed(key: string, error: string): void {
    const row = this.outboxRow(key);
    if (row) this.#putOutbox({ ...row, state: 'failed', last_error: error });
  }

  outboxRetryLater(key: string, attempts: number, nextAt: number, error: string): void {
    const row = this.outboxRow(key);
    if (row) this.#putOutbox({ ...row, attempts, next_at: nextAt, last_error: error });
  }

  outboxCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const row of this.#outbox.values()) counts[row.state] = (counts[row.state] ?? 0) + 1;
    return counts;
  }

  // ---- uploads ----

  async saveUpload(upload: StoredUpload, userId: Id, at: number): Promise<void> {
    await this.pool.query('INSERT INTO uploads (id, user_id, name, mime, size, data, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      upload.id, userId, upload.name, upload.mime, upload.size, upload.data, at,
    ]);
    this.#uploads.set(upload.id, { id: upload.id, name: upload.name, mime: upload.mime, size: upload.size, userId });
  }

  async upload(id: Id): Promise<StoredUpload | undefined> {
    const rows = await this.pool.query<StoredUpload>('SELECT id, name, mime, size, data FROM uploads WHERE id = $1', [id]);
    return rows.rows[0];
  }

  async uploadedBytesSince(userId: Id, since: number): Promise<number> {
    const rows = await this.pool.query<{ n: number }>(
      'SELECT COALESCE(SUM(size), 0)::int8 AS n FROM uploads WHERE user_id = $1 AND created_at > $2',
      [userId, since],
    );
    return rows.rows[0]?.n ?? 0;
  }

  uploadInfo(id: Id): UploadInfo | undefined {
    return this.#uploads.get(id);
  }

  // ---- tokens ----

  async tokens(users: readonly User[]): Promise<{ readonly byHash: Map<string, Id>; readonly issued: Map<Id, string> }> {
    const issued = new Map<Id, string>();
    const known = new Set((await this.pool.query<{ user_id: Id }>('SELECT user_id FROM token_hashes')).rows.map((row) => row.user_id));
    const fresh = users.filter((user) => !known.has(user.id));
    if (fresh.length > 0) {
      const tokens = fresh.map(() => randomBytes(24).toString('base64url'));
      await this.pool.query(
        'INSERT INTO token_hashes (user_id, hash) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (user_id) DO NOTHING',
        [fresh.map((user) => user.id), tokens.map(tokenHash)],
      );
      fresh.forEach((user, i) => issued.set(user.id, tokens[i]!));
    }
    const byHash = new Map<string, Id>();
    for (const row of (await this.pool.query<{ user_id: Id; hash: string }>('SELECT user_id, hash FROM token_hashes')).rows) {
      byHash.set(row.hash, row.user_id);
    }
    return { byHash, issued };
  }

  async issueToken(userId: Id): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.pool.query(
      'INSERT INTO token_hashes (user_id, hash) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET hash = excluded.hash',
      [userId, tokenHash(token)],
    );
    return token;
  }

  async #meta(key: string): Promise<string | undefined> {
    const rows = await this.pool.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]);
    return rows.rows[0]?.value;
  }
}

async function setMeta(client: pg.ClientBase, key: string, value: string): Promise<void> {
  await client.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
}

async function maxSeq(pool: pg.Pool): Promise<number> {
  const rows = await pool.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM events');
  return rows.rows[0]?.seq ?? 0;
}

/** Applies the migrations not yet applied, each in its own transaction; returns their versions. */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    // Two servers starting on one new database migrate one after the other.
    await client.query('SELECT pg_advisory_lock($1)', [WRITER_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at bigint NOT NULL
    )`);
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
    const done: number[] = [];
    for (const migration of PG_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version, migration.name, Date.now(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      done.push(migration.version);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [WRITER_LOCK]).catch(() => {});
    client.release();
  }
}

/** Rows per statement: a JSON array parameter of this many rows stays well under a few megabytes. */
const CHUNK = 2000;

async function inChunks<T>(rows: readonly T[], write: (chunk: readonly T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/**
 * One write's rows, a statement per table (multi-row, from JSON arrays), in
 * an order that keeps what depends on what: contacts before the
 * conversations that copy their facts; demo timelines before the changes to
 * them; deletions of whole timelines before the items written after them.
 */
export async function writeSet(client: pg.ClientBase, set: WriteSet): Promise<void> {
  const upserts: { kind: EntityKind; id: Id; json: string }[] = [];
  const deletes: { kind: EntityKind; id: Id }[] = [];
  for (const entity of set.entities.values()) {
    if (entity.json === null) deletes.push({ kind: entity.kind, id: entity.id });
    else upserts.push({ kind: entity.kind, id: entity.id, json: entity.json });
  }
  await inChunks(upserts, (rows) =>
    client.query(
      `INSERT INTO entities (kind, id, json) SELECT kind, id, json FROM json_to_recordset($1::json) AS r(kind text, id text, json text)
       ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json`,
      [JSON.stringify(rows)],
    ),
  );
  if (deletes.length > 0) {
    await client.query('DELETE FROM entities e USING json_to_recordset($1::json) AS r(kind text, id text) WHERE e.kind = r.kind AND e.id = r.id', [
      JSON.stringify(deletes),
    ]);
  }

  const contacts: ReturnType<typeof contactRow>[] = [];
  const goneContacts: Id[] = [];
  for (const [id, contact] of set.contacts) {
    if (contact) contacts.push(contactRow(contact));
    else goneContacts.push(id);
  }
  await inChunks(contacts, (rows) =>
    client.query(
      `INSERT INTO contacts (id, json, blocked, company, search_key)
       SELECT id, json, blocked, company, search_key FROM json_populate_recordset(NULL::contacts, $1::json)
       ON CONFLICT (id) DO UPDATE SET json = excluded.json, blocked = excluded.blocked, company = excluded.company, search_key = excluded.search_key`,
      [JSON.stringify(rows)],
    ),
  );
  if (goneContacts.length > 0) await client.query('DELETE FROM contacts WHERE id = ANY($1::text[])', [goneContacts]);

  const conversations: ReturnType<typeof conversationRow>[] = [];
  const goneConversations: Id[] = [];
  for (const [id, conversation] of set.conversations) {
    if (conversation) conversations.push(conversationRow(conversation));
    else goneConversations.push(id);
  }
  await inChunks(conversations, (rows) => client.query(UPSERT_CONVERSATIONS, [JSON.stringify(rows)]));
  if (goneConversations.length > 0) await client.query('DELETE FROM conversations WHERE id = ANY($1::text[])', [goneConversations]);
  // A contact that changed (blocked, company, name, addresses) changes the facts its conversations copy.
  const changedContacts = [...set.contacts.keys()];
  if (changedContacts.length > 0) {
    await client.query(
      `UPDATE conversations c SET contact_blocked = COALESCE(k.blocked, false), company = k.company,
         search_key = c.conv_key || COALESCE(E'\\n' || k.search_key, '')
       FROM unnest($1::text[]) AS changed(id) LEFT JOIN contacts k ON k.id = changed.id
       WHERE c.contact_id = changed.id`,
      [changedContacts],
    );
  }

  await inChunks(set.loadTimelines, (rows) =>
    client.query(
      `INSERT INTO timeline_items (conversation_id, id, at, json)
       SELECT r.conversation_id, r.id, r.at, r.json FROM json_to_recordset($1::json) AS r(conversation_id text, id text, at float8, json text)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows.map((item) => ({ conversation_id: item.conversationId, id: item.id, at: item.at, json: JSON.stringify(item) })))],
    ),
  );
  if (set.loaded.size > 0) {
    await client.query('INSERT INTO timelines_loaded (conversation_id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [[...set.loaded]]);
  }
  if (set.clearedTimelines.size > 0) {
    await client.query('DELETE FROM timeline_items WHERE conversation_id = ANY($1::text[])', [[...set.clearedTimelines]]);
  }
  const itemUpserts: { conversation_id: Id; id: Id; at: number; json: string }[] = [];
  const itemDeletes: { conversation_id: Id; id: Id }[] = [];
  for (const { conversationId, id, item } of set.items.values()) {
    if (item) itemUpserts.push({ conversation_id: conversationId, id, at: item.at, json: JSON.stringify(item) });
    else itemDeletes.push({ conversation_id: conversationId, id });
  }
  await inChunks(itemUpserts, (rows) =>
    client.query(
      `INSERT INTO timeline_items (conversation_id, id, at, json)
       SELECT r.conversation_id, r.id, r.at, r.json FROM json_to_recordset($1::json) AS r(conversation_id text, id text, at float8, json text)
       ON CONFLICT (conversation_id, id) DO UPDATE SET at = excluded.at, json = excluded.json`,
      [JSON.stringify(rows)],
    ),
  );
  if (itemDeletes.length > 0) {
    await client.query(
      `DELETE FROM timeline_items t USING json_to_recordset($1::json) AS r(conversation_id text, id text)
       WHERE t.conversation_id = r.conversation_id AND t.id = r.id`,
      [JSON.stringify(itemDeletes)],
    );
  }

  await inChunks(set.events, (rows) =>
    client.query(
      `INSERT INTO events (seq, command_id, json, audience)
       SELECT r.seq, r."commandId", r.json, r.audience FROM json_to_recordset($1::json) AS r(seq int8, "commandId" text, json text, audience text)`,
      [JSON.stringify(rows)],
    ),
  );
  if (set.cursors.size > 0) {
    await client.query(
      `INSERT INTO cursors (user_id, seq) SELECT * FROM unnest($1::text[], $2::int8[])
       ON CONFLICT (user_id) DO UPDATE SET seq = excluded.seq`,
      [[...set.cursors.keys()], [...set.cursors.values()]],
    );
  }
  await inChunks([...set.outbox.values()], (rows) =>
    client.query(
      `INSERT INTO outbox (key, integration_id, kind, conversation_id, item_id, body, state, attempts, next_at, last_error, generation)
       SELECT key, integration_id, kind, conversation_id, item_id, body, state, attempts, next_at, last_error, generation
       FROM json_populate_recordset(NULL::outbox, $1::json)
       ON CONFLICT (key) DO UPDATE SET state = excluded.state, attempts = excluded.attempts, next_at = excluded.next_at,
         last_error = excluded.last_error, generation = excluded.generation`,
      [JSON.stringify(rows)],
    ),
  );
  await inChunks(set.acks, (rows) =>
    client.query(
      `INSERT INTO acks (actor_id, command_id, json, at)
       SELECT r.actor, r."commandId", r.json, r.at FROM json_to_recordset($1::json) AS r(actor text, "commandId" text, json text, at int8)`,
      [JSON.stringify(rows)],
    ),
  );
}

const UPSERT_CONVERSATIONS = `
  INSERT INTO conversations AS t (id, json, status, unread, mentions_unread, awaiting, assignee_type, assignee_id, human_owned,
    team_id, channel_id, contact_id, labels, priority, pinned, snoozed, sent, spam, trashed, mentions,
    activity_at, done_at, created_at, custom, conv_key, key_newest, key_oldest, key_waiting, key_priority,
    contact_blocked, company, search_key)
  SELECT r.id, r.json, r.status, r.unread, r.mentions_unread, r.awaiting, r.assignee_type, r.assignee_id, r.human_owned,
    r.team_id, r.channel_id, r.contact_id, r.labels, r.priority, r.pinned, r.snoozed, r.sent, r.spam, r.trashed, r.mentions,
    r.activity_at, r.done_at, r.created_at, r.custom, r.conv_key, r.key_newest, r.key_oldest, r.key_waiting, r.key_priority,
    COALESCE(k.blocked, false), k.company, r.conv_key || COALESCE(E'\\n' || k.search_key, '')
  FROM json_populate_recordset(NULL::conversations, $1::json) AS r LEFT JOIN contacts k ON k.id = r.contact_id
  ON CONFLICT (id) DO UPDATE SET json = excluded.json, status = excluded.status, unread = excluded.unread,
    mentions_unread = excluded.mentions_unread, awaiting = excluded.awaiting, assignee_type = excluded.assignee_type,
    assignee_id = excluded.assignee_id, human_owned = excluded.human_owned, team_id = excluded.team_id,
    channel_id = excluded.channel_id, contact_id = excluded.contact_id, labels = excluded.labels, priority = excluded.priority,
    pinned = excluded.pinned, snoozed = excluded.snoozed, sent = excluded.sent, spam = excluded.spam, trashed = excluded.trashed,
    mentions = excluded.mentions, activity_at = excluded.activity_at, done_at = excluded.done_at, created_at = excluded.created_at,
    custom = excluded.custom, conv_key = excluded.conv_key, key_newest = excluded.key_newest, key_oldest = excluded.key_oldest,
    key_waiting = excluded.key_waiting, key_priority = excluded.key_priority, contact_blocked = excluded.contact_blocked,
    company = excluded.company, search_key = excluded.search_key`;

export { WriteSet };

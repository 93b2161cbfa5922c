import type { Commit, RestoredLog } from '../src/backend/memory-backend.js';
import type { Id, InboxState, Snapshot, TimelineItem, User } from '../src/model/types.js';
import type { CommandAck, QueryRequest, QueryResult } from '../src/protocol/wire.js';
import type { OutboxRow, StoredIntegration, StoredUpload } from './db.js';

/**
 * What the reference server keeps on disk, whatever the engine (issue 13):
 * SQLite (db.ts, the embedded default) or PostgreSQL (postgres.ts). The
 * server holds the whole state in a MemoryBackend either way; a storage
 * hands it the entities and the log at start, answers what the backend asks
 * synchronously (older acks, lazy timelines, uploads) from what it loaded,
 * and writes every command it applies. SQLite writes in `commit` itself;
 * PostgreSQL, being asynchronous, collects the commits of a batch and
 * writes them in one transaction, which `batch` and `durable` wait for.
 */

/** A value now, or once the engine answered. */
export type MaybePromise<T> = T | Promise<T>;

/** An upload's facts without its bytes, for checking a reply's attachments. */
export type UploadInfo = Omit<StoredUpload, 'data'> & { readonly userId: Id };

export interface Storage extends EdgeStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data lives, for the start line (a path or a URL without its password). */
  readonly where: string;
  /** Versions of the migrations this start applied (empty on a migrated database). */
  readonly migrated: readonly number[];
  /** True when this start seeded the demo data. */
  readonly seeded: boolean;
  /** Run inside each command's write, after its events are stored; a throw undoes that command alone. */
  readonly commitHooks: ((commit: Commit) => void)[];

  /** Every entity, in the order it was first stored. */
  snapshot(): Snapshot;
  /** The identity of this database's history (issue 13's epoch): made once, the same for every instance on it. */
  epoch(): string;
  /** The newest `keep` log entries and the cursors, for MemoryBackend to carry on from. */
  restoredLog(keep: number): RestoredLog;
  /** The answer `actorId` (null: the system) got for `commandId`, if it sent one. */
  findAck(commandId: Id, actorId: Id | null): CommandAck | undefined;
  /** A conversation's stored timeline, oldest first (MemoryBackend's `timelineFor`). */
  readonly timelineFor: (conversationId: Id) => readonly TimelineItem[];
  /** MemoryBackend's persistence hook: one command's entities, log entries, cursors and ack, atomically. */
  readonly commit: (commit: Commit) => void;
  /**
   * Group commit: runs `fn` (which applies commands, calling `commit` for
   * each) and makes everything it wrote durable in one transaction. SQLite
   * returns once committed; PostgreSQL returns a promise that settles when
   * its COMMIT did. A rejection or throw means memory is ahead of the disk.
   */
  readonly batch: <T>(fn: () => T) => MaybePromise<T>;
  /**
   * Null when everything committed so far is durable, else a promise that
   * resolves when it is: output that shows a command's effects waits for it
   * (PostgreSQL; SQLite commits synchronously and has none).
   */
  readonly durable?: (() => Promise<void> | null) | undefined;
  /** A page of a query answered by the engine itself (PostgreSQL); absent: MemoryBackend answers. */
  readonly query?: ((state: InboxState, request: QueryRequest, userId: Id, now: number) => Promise<QueryResult>) | undefined;

  saveUpload(upload: StoredUpload, userId: Id, at: number): MaybePromise<void>;
  upload(id: Id): MaybePromise<StoredUpload | undefined>;
  uploadedBytesSince(userId: Id, since: number): MaybePromise<number>;
  /** Synchronous: MemoryBackend checks a reply's attachments while applying it. */
  uploadInfo(id: Id): UploadInfo | undefined;

  /** Token hash → user id, after giving every user without a token a new one (`issued`, the only time it is known). */
  tokens(users: readonly User[]): MaybePromise<{ readonly byHash: Map<string, Id>; readonly issued: Map<Id, string> }>;
  /** A new token for `userId`, replacing theirs. */
  issueToken(userId: Id): MaybePromise<string>;

  close(): MaybePromise<void>;
}

/**
 * The channels' edges (channels.ts, outbound.ts): providers' credentials and
 * the outbox. Synchronous, as they are read and written inside a command
 * (the outbox row joins the command's write, atomically with it).
 */
export interface EdgeStore {
  readonly commitHooks: ((commit: Commit) => void)[];
  integrations(): StoredIntegration[];
  outboxRow(key: string): OutboxRow | undefined;
  /** A new outbox row (nothing if the key is known: what went out once never goes out twice). */
  enqueue(row: Omit<OutboxRow, 'state' | 'attempts' | 'last_error' | 'generation'>): void;
  /** A failed row sent again: pending from `at`, its tries counted anew. */
  requeue(key: string, at: number): void;
  dueOutbox(now: number, limit: number): OutboxRow[];
  outboxDone(key: string): void;
  outboxFailed(key: string, error: string): void;
  outboxRetryLater(key: string, attempts: number, nextAt: number, error: string): void;
  /** Rows per state. */
  outboxCounts(): Record<string, number>;
  /** A provider's credential for some channels (the CLI's --add-integration). */
  addIntegration(integration: StoredIntegration, token: string): MaybePromise<void>;
}

/** Whether `--db` names a PostgreSQL database rather than a SQLite file. */
export const isPostgresUrl = (db: string): boolean => /^postgres(ql)?:\/\//.test(db);

export interface OpenStorageOptions {
  /** A SQLite path (or ':memory:'), or a postgres:// URL. */
  readonly db: string;
  readonly seedConversations?: number | undefined;
  readonly seed?: number | undefined;
  /** A write that failed outside a batch (traffic, the clock): memory and disk differ. */
  readonly fatal?: ((error: unknown) => void) | undefined;
}

/** Opens (migrates, seeds once, loads) the storage `db` names; PostgreSQL's driver is loaded only when used. */
export async function openStorage(options: OpenStorageOptions): Promise<Storage> {
  if (isPostgresUrl(options.db)) {
    const { PostgresStorage } = await import('./postgres.js');
    return PostgresStorage.open({ url: options.db, seedConversations: options.seedConversations, seed: options.seed, fatal: options.fatal });
  }
  const { InboxDatabase } = await import('./db.js');
  return new InboxDatabase({ path: options.db, seedConversations: options.seedConversations, seed: options.seed });
}

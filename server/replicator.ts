import type { LogEntry, MemoryBackend } from '../src/backend/memory-backend.js';
import type { Snapshot } from '../src/model/types.js';
import type { BusReset, EventBus, Follower } from './bus.js';

/**
 * The following side of the bus (issue 13): an instance's MemoryBackend
 * kept up with what the other instances commit. The bus's entries are
 * applied in seq order (MemoryBackend.applyRemote: state, log, streams
 * under R14), what this instance already holds skipped (its own commits
 * come back too); a hole (an entry the bus skipped, a trimmed tail, a new
 * epoch) is filled from the database, and when the database no longer
 * holds it either, the replica resyncs from a snapshot and every open
 * stream gets one. Storage-neutral: the database is a ReplicaSource.
 */

/** What the database gives a replica. */
export interface ReplicaSource {
  /** The entries `from` to `to` (inclusive), oldest first; fewer, or none, when it no longer holds them all. */
  entries(from: number, to: number): readonly LogEntry[] | Promise<readonly LogEntry[]>;
  /** The whole state and the seq it is at, read together (one transaction). */
  snapshot(): { snapshot: Snapshot; seq: number } | Promise<{ snapshot: Snapshot; seq: number }>;
}

export interface ReplicatorOptions {
  readonly bus: EventBus;
  readonly backend: MemoryBackend;
  readonly source: ReplicaSource;
  readonly log?: ((line: string) => void) | undefined;
}

export interface ReplicatorStats {
  /** Entries applied from the bus. */
  fromBus: number;
  /** Entries read from the database to fill holes. */
  filled: number;
  /** Snapshots the replica started again from. */
  resyncs: number;
  /** Resets the bus told (trimmed, epoch). */
  resets: number;
}

export class Replicator {
  readonly stats: ReplicatorStats = { fromBus: 0, filled: 0, resyncs: 0, resets: 0 };
  readonly #bus: EventBus;
  readonly #backend: MemoryBackend;
  readonly #source: ReplicaSource;
  readonly #log: (line: string) => void;
  #follower: Follower | null = null;
  /** One task at a time, in the order the bus told them: filling from the database is asynchronous. */
  #queue: Promise<void> = Promise.resolve();
  #failure: Error | null = null;

  constructor(options: ReplicatorOptions) {
    this.#bus = options.bus;
    this.#backend = options.backend;
    this.#source = options.source;
    this.#log = options.log ?? (() => {});
  }

  /** Follows the bus from the replica's seq. */
  start(): void {
    if (this.#follower) return;
    this.#follower = this.#bus.follow(this.#backend.seq, {
      entries: (entries) => this.#enqueue(() => this.#apply(entries)),
      reset: (reset) => this.#enqueue(() => this.#reset(reset)),
    });
    this.#follower.done.catch((error: unknown) => {
      this.#failure = error instanceof Error ? error : new Error(String(error));
      this.#log(`replica: following the bus failed: ${this.#failure.message}`);
    });
  }

  /** Settles once every task told so far is done (tests, shutdown). */
  idle(): Promise<void> {
    return this.#queue;
  }

  /** The follower's failure, if it stopped on one (a malformed entry). */
  get failure(): Error | null {
    return this.#failure;
  }

  async stop(): Promise<void> {
    await this.#follower?.stop();
    this.#follower = null;
    await this.#queue;
  }

  #enqueue(task: () => Promise<void>): void {
    this.#queue = this.#queue.then(task).catch((error: unknown) => {
      this.#log(`replica: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    });
  }

  async #apply(entries: readonly LogEntry[]): Promise<void> {
    let result = this.#backend.applyRemote(entries);
    this.stats.fromBus += result.applied;
    if (result.missing) {
      // The bus skipped entries the replica lacks (it started late, or one was published after those behind it).
      await this.#fill(result.missing.from, result.missing.to);
      result = this.#backend.applyRemote(entries);
      this.stats.fromBus += result.applied;
      if (result.missing) await this.#resync(`entries ${result.missing.from} to ${result.missing.to} are missing`);
    }
  }

  async #reset(reset: BusReset): Promise<void> {
    this.stats.resets++;
    this.#log(`replica: the bus says ${reset.reason === 'epoch' ? `a new epoch (${reset.epoch})` : 'trimmed'}: it goes on from ${reset.next}, the replica is at ${this.#backend.seq}`);
    if (reset.next - 1 > this.#backend.seq) await this.#fill(this.#backend.seq + 1, reset.next - 1);
  }

  /** Fills `from .. to` from the database; resyncs when it no longer holds them. */
  async #fill(from: number, to: number): Promise<void> {
    if (from <= this.#backend.seq) from = this.#backend.seq + 1;
    if (from > to) return;
    const entries = await this.#source.entries(from, to);
    const result = this.#backend.applyRemote(entries);
    this.stats.filled += result.applied;
    if (this.#backend.seq < to) await this.#resync(`the database no longer holds entries ${this.#backend.seq + 1} to ${to}`);
  }

  async #resync(why: string): Promise<void> {
    const { snapshot, seq } = await this.#source.snapshot();
    // The replica may have gone past it meanwhile (its own commits): a snapshot older than it changes nothing.
    if (seq <= this.#backend.seq) return;
    this.#log(`replica: ${why}; starting again from a snapshot at ${seq}`);
    this.stats.resyncs++;
    this.#backend.resync(snapshot, seq);
  }
}

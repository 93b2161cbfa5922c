import type { LogEntry, MemoryBackend } from '../src/backend/memory-backend.js';
import { BusGapError, type EventBus } from './bus.js';

/**
 * The committing side of the bus (issue 13): what this instance commits is
 * published, in seq order, once the database holds it, and published again
 * until the bus took it (NATS away, a restart); a hole in the bus (entries
 * committed while nothing was published: a crash between commit and publish,
 * a run without --nats) is filled from the database. Presence goes both
 * ways. With SQLite there is one writer, this process; with PostgreSQL the
 * same runs under the writer lock (README, "Several instances").
 */

export interface FanoutOptions {
  readonly bus: EventBus;
  readonly backend: MemoryBackend;
  /** The entries after `after`, up to the newest, from the database (oldest first, consecutive). */
  readonly entriesAfter: (after: number) => readonly LogEntry[];
  readonly log?: ((line: string) => void) | undefined;
  /** Entries per publish (default 500). */
  readonly batchSize?: number | undefined;
}

export class Fanout {
  readonly #bus: EventBus;
  readonly #backend: MemoryBackend;
  readonly #entriesAfter: (after: number) => readonly LogEntry[];
  readonly #log: (line: string) => void;
  readonly #batchSize: number;
  /** Committed, not yet taken by the bus, oldest first. */
  #pending: LogEntry[] = [];
  /** Entries of a batch whose transaction has not committed yet. */
  #held: LogEntry[] | null = null;
  #running: Promise<void> | null = null;
  #wait: ReturnType<typeof setTimeout> | null = null;
  #closed = false;
  readonly #unsubscribe: (() => void)[] = [];

  constructor(options: FanoutOptions) {
    this.#bus = options.bus;
    this.#backend = options.backend;
    this.#entriesAfter = options.entriesAfter;
    this.#log = options.log ?? (() => {});
    this.#batchSize = Math.max(1, options.batchSize ?? 500);
    this.#unsubscribe.push(
      this.#backend.onPresence((presence) => this.#bus.publishPresence(presence)),
      this.#bus.subscribePresence((presence) => this.#backend.remotePresence(presence)),
    );
  }

  /**
   * Before taking commands: what the bus lacks of the database's log (it
   * holds less than the database) is published. Refuses a bus ahead of the
   * database (another database's stream, or a database restored from an
   * older backup): its followers would skip what this one commits next.
   */
  async start(): Promise<void> {
    const { last, messages } = await this.#bus.streamState();
    const seq = this.#backend.seq;
    if (last > seq) {
      throw new Error(`The bus holds entries up to seq ${last}, past this database's ${seq}: it belongs to another database (name another stream), or the database went back in time.`);
    }
    // An empty bus starts with the next commit; its followers fill what came before from the database.
    if (messages > 0 && last < seq) this.#pending.unshift(...this.#entriesAfter(last));
    this.#kick();
    await this.#running;
  }

  /** The persist hook's companion: entries the database holds (or will, once the batch around them commits). */
  committed(entries: readonly LogEntry[]): void {
    if (entries.length === 0 || this.#closed) return;
    if (this.#held) this.#held.push(...entries);
    else {
      this.#pending.push(...entries);
      this.#kick();
    }
  }

  /**
   * Runs a group commit (`transaction`, the database's batch): the entries
   * committed inside it are published only once it returned, and forgotten
   * if it threw (nothing of it is on disk).
   */
  batch<T>(transaction: () => T): T {
    const outer = this.#held === null;
    if (outer) this.#held = [];
    try {
      const result = transaction();
      if (outer) {
        this.#pending.push(...this.#held!);
        this.#kick();
      }
      return result;
    } finally {
      if (outer) this.#held = null;
    }
  }

  /** Entries committed and not yet on the bus. */
  get backlog(): number {
    return this.#pending.length;
  }

  #kick(): void {
    if (this.#running || this.#wait || this.#pending.length === 0) return;
    this.#running = this.#drain().finally(() => {
      this.#running = null;
    });
  }

  async #drain(): Promise<void> {
    let delay = 100;
    while (this.#pending.length > 0) {
      const batch = this.#pending.slice(0, this.#batchSize);
      try {
        await this.#bus.publish(batch);
        this.#pending.splice(0, batch.length);
        delay = 100;
      } catch (error) {
        if (error instanceof BusGapError) {
          // The bus lacks entries before one of these (another instance's commits not published yet, a crash, a run
          // without --nats): the database's entries from the bus's last on, in place of what is pending up to them.
          const newest = this.#pending[this.#pending.length - 1]!.seq;
          const fromDb = this.#entriesAfter(error.last).filter((e) => e.seq <= newest);
          if (fromDb[0]?.seq === error.last + 1) {
            const filled = fromDb[fromDb.length - 1]!.seq;
            this.#log(`bus: publishing from the database what it lacks (${error.last + 1} to ${error.first - 1})`);
            this.#pending = [...fromDb, ...this.#pending.filter((e) => e.seq > filled)];
            continue;
          }
          // The database no longer holds them either: nothing is skipped silently; an operator deletes the stream (README).
          this.#log(`bus: the bus lacks entries ${error.last + 1} to ${error.first - 1} and the database no longer holds them; delete the stream to start it anew`);
        }
        if (this.#closed) return;
        this.#log(`bus: publishing failed, trying again in ${delay} ms: ${error instanceof Error ? error.message : String(error)}`);
        await new Promise<void>((resolve) => {
          this.#wait = setTimeout(() => {
            this.#wait = null;
            resolve();
          }, delay);
          // Retrying never keeps a process alive on its own.
          this.#wait.unref();
        });
        delay = Math.min(5000, delay * 2);
      }
    }
  }

  /** Publishes what is left (for at most `ms`), then stops. */
  async close(ms = 5000): Promise<void> {
    for (const stop of this.#unsubscribe) stop();
    const deadline = Date.now() + ms;
    while (this.#pending.length > 0 && Date.now() < deadline) {
      this.#kick();
      await Promise.race([this.#running, new Promise((resolve) => setTimeout(resolve, 50))]);
    }
    this.#closed = true;
    if (this.#wait) clearTimeout(this.#wait);
    if (this.#pending.length > 0) this.#log(`bus: ${this.#pending.length} committed entries not published; the next start publishes them from the database`);
  }
}

import { randomBytes } from 'node:crypto';
import { connect, nanos, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import {
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type StreamInfo,
} from '@nats-io/jetstream';
import { logEntry, type LogEntry } from '../src/backend/memory-backend.js';
import type { DomainEvent } from '../src/model/events.js';
import type { Id } from '../src/model/types.js';
import type { Presence } from '../src/protocol/wire.js';
import { eventJson } from './sse.js';

/**
 * The event fan-out between server instances (issue 13). Every instance
 * keeps a MemoryBackend replica; the one that commits a command publishes
 * the command's log entries, the others follow them and apply them to their
 * replica and their clients' streams (MemoryBackend.applyRemote). Presence
 * (who views or types where) goes alongside, not persisted.
 *
 * The sequence of an event is the durable log's (the database's), and the
 * bus carries it unchanged: on JetStream, the stream sequence IS the event
 * seq. The bus keeps a bounded tail of the log, not the log: a follower
 * that asks for what the bus no longer holds (trimmed), or whose bus was
 * deleted and made anew (another epoch), is told so (`FollowHandler.reset`)
 * and fills the hole from the database, or resyncs from a snapshot.
 */

/** Who follows the bus: entries in seq order, each once; and when the bus cannot give them all. */
export interface FollowHandler {
  /** Consecutive entries, oldest first, each after the last one given. */
  entries(entries: readonly LogEntry[]): void;
  /**
   * The bus cannot give every entry from `expected` on: the next it gives
   * is `next` (trimmed: `next` > `expected`), or the stream was made anew
   * (another epoch: `next` may equal `expected`, but what the stream held
   * before is gone). Called before the entries from `next` on; the follower
   * fills `expected .. next - 1` from the database, or resyncs its clients
   * from a snapshot.
   */
  reset(reset: BusReset): void;
}

export interface BusReset {
  readonly reason: 'trimmed' | 'epoch';
  /** The epoch from now on. */
  readonly epoch: string;
  /** The seq the follower waited for. */
  readonly expected: number;
  /** The seq the bus goes on from. */
  readonly next: number;
}

/** A running `follow`: `stop` ends it; `done` settles when it has ended (rejects on a failure it cannot get past). */
export interface Follower {
  stop(): Promise<void>;
  readonly done: Promise<void>;
}

export interface FollowOptions {
  /** The epoch under which `fromSeq` was read; another epoch now is a reset before anything is given. */
  readonly epoch?: string | undefined;
}

/**
 * What carries the log's entries and the presence between instances.
 * Entries are published by the instance that committed them, in seq order,
 * consecutive, once the database holds them; publishing an entry again is
 * harmless.
 */
export interface EventBus {
  /** This instance, as the presence it publishes is marked (its own is not given back to it). */
  readonly instanceId: string;
  /** The identity of the bus's history: changes when the stream is made anew. */
  readonly epoch: string;
  /** What the bus holds now: its oldest and newest seq (`first` = `last + 1` when it holds none), how many, its epoch. */
  streamState(): Promise<StreamState>;
  /** Publishes committed entries (consecutive, oldest first). Rejects with BusGapError when the bus lacks entries before them. */
  publish(entries: readonly LogEntry[]): Promise<void>;
  /** Gives every entry after `fromSeq`, in order, each once, then the new ones as they come. */
  follow(fromSeq: number, handler: FollowHandler, options?: FollowOptions): Follower;
  /** Tells the other instances a presence of a user connected here (R17, R25). */
  publishPresence(presence: Presence): void;
  /**
   * The other instances' presences, and, when one is not renewed within the
   * TTL (the instance died, its user left), its end: `conversationId` null.
   */
  subscribePresence(listener: (presence: Presence) => void): () => void;
  close(): Promise<void>;
}

export interface StreamState {
  readonly first: number;
  readonly last: number;
  readonly messages: number;
  readonly epoch: string;
}

/** The bus holds entries up to `last`, and the first to publish is past `last + 1`: publish `last + 1 ..` first (from the database). */
export class BusGapError extends Error {
  constructor(
    readonly last: number,
    readonly first: number,
  ) {
    super(`The bus holds the entries up to seq ${last}; ${first} cannot follow it: publish ${last + 1} to ${first - 1} first.`);
    this.name = 'BusGapError';
  }
}

/** The bus holds, at an entry's seq, another entry (two writers, or a log rewritten): nothing is published. */
export class BusConflictError extends Error {
  constructor(readonly seq: number, detail: string) {
    super(`The bus already holds another entry at seq ${seq}: ${detail}.`);
    this.name = 'BusConflictError';
  }
}

/** An entry as the bus carries it: `{"seq":…,"to":[…],"gone":[…],"event":…}`, the event's JSON made once (sse.ts). */
export function entryJson(entry: LogEntry): string {
  return `{"seq":${entry.seq},"to":${JSON.stringify(entry.to)},"gone":${JSON.stringify(entry.gone)},"event":${eventJson(entry.event)}}`;
}

/** An entry from the bus's JSON; throws on anything else. */
export function parseEntry(text: string): LogEntry {
  const value = JSON.parse(text) as { seq?: unknown; to?: unknown; gone?: unknown; event?: unknown };
  const ids = (list: unknown): list is Id[] => Array.isArray(list) && list.every((id) => typeof id === 'string');
  const event = value.event as { type?: unknown } | null | undefined;
  if (!Number.isSafeInteger(value.seq) || !ids(value.to) || !ids(value.gone) || typeof event?.type !== 'string') {
    throw new Error(`not a log entry: ${text.slice(0, 200)}`);
  }
  return logEntry(value.seq as number, value.event as DomainEvent, value.to, value.gone);
}

/** How long a presence lives without being renewed (R25: within 30 s). */
export const PRESENCE_TTL_MS = 30_000;

interface PresenceWire {
  readonly origin: string;
  readonly presence: Presence;
}

/**
 * Presence across instances: an instance renews each presence of its
 * connected users every third of the TTL (`stillHere` says whether the user
 * is still connected there); the others end a presence (`conversationId`
 * null) not renewed for two periods and a quarter, checked every quarter
 * period, which is how a dead instance's users leave: within 25 s of its
 * death for the TTL of 30 s, and one lost renewal ends nothing.
 */
class PresenceRelay {
  /** This instance's presences, by user, renewed while their user is here. */
  readonly #local = new Map<Id, Presence>();
  /** The others', by origin and user, with their expiry. */
  readonly #remote = new Map<string, { presence: Presence; expires: number }>();
  readonly #listeners = new Set<(presence: Presence) => void>();
  readonly #timers: ReturnType<typeof setInterval>[];
  /** How long a remote presence lives without a renewal. */
  readonly #life: number;

  constructor(
    readonly instanceId: string,
    readonly ttlMs: number,
    readonly send: (wire: PresenceWire) => void,
    readonly stillHere: (userId: Id) => boolean,
  ) {
    const period = Math.max(40, Math.floor(ttlMs / 3));
    this.#life = Math.floor(period * 2.25);
    this.#timers = [setInterval(() => this.#renew(), period), setInterval(() => this.#expire(), Math.floor(period / 4))];
    for (const timer of this.#timers) timer.unref();
  }

  publish(presence: Presence): void {
    if (presence.conversationId === null) this.#local.delete(presence.userId);
    else this.#local.set(presence.userId, presence);
    this.send({ origin: this.instanceId, presence });
  }

  receive(wire: PresenceWire): void {
    if (wire.origin === this.instanceId) return;
    const key = `${wire.origin}\u0000${wire.presence.userId}`;
    const known = this.#remote.get(key);
    if (wire.presence.conversationId === null) this.#remote.delete(key);
    else this.#remote.set(key, { presence: wire.presence, expires: Date.now() + this.#life });
    // A renewal that changes nothing is not news.
    const same =
      known !== undefined &&
      known.presence.conversationId === wire.presence.conversationId &&
      known.presence.typing === wire.presence.typing;
    if (!same) this.#emit(wire.presence);
  }

  subscribe(listener: (presence: Presence) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(presence: Presence): void {
    for (const listener of this.#listeners) listener(presence);
  }

  #renew(): void {
    const now = Date.now();
    for (const [userId, presence] of this.#local) {
      if (this.stillHere(userId)) this.send({ origin: this.instanceId, presence });
      else {
        this.#local.delete(userId);
        this.send({ origin: this.instanceId, presence: { userId, conversationId: null, typing: false, at: now } });
      }
    }
  }

  #expire(): void {
    const now = Date.now();
    for (const [key, { presence, expires }] of this.#remote) {
      if (expires > now) continue;
      this.#remote.delete(key);
      this.#emit({ userId: presence.userId, conversationId: null, typing: false, at: now });
    }
  }

  close(): void {
    for (const timer of this.#timers) clearInterval(timer);
    this.#listeners.clear();
  }
}

// ---- one process ----

export interface LocalBusOptions {
  /** Entries kept for a follower that starts behind (default 10,000); older is trimmed. */
  readonly maxEntries?: number | undefined;
  readonly presenceTtlMs?: number | undefined;
  readonly stillHere?: ((userId: Id) => boolean) | undefined;
}

/**
 * The bus of one process: what the server does on its own (nothing leaves
 * the process). Several LocalBus views of one LocalHub play several
 * instances in one process, for tests.
 */
export class LocalHub {
  readonly epoch = `local-${randomBytes(6).toString('hex')}`;
  readonly #entries: LogEntry[] = [];
  readonly #followers = new Set<(entry: LogEntry) => void>();
  readonly #presence = new Set<(wire: PresenceWire) => void>();
  #last = 0;

  constructor(readonly maxEntries = 10_000) {}

  get last(): number {
    return this.#last;
  }

  /** How many entries it holds. */
  get held(): number {
    return this.#entries.length;
  }

  /** The oldest seq held (last + 1 when none). */
  get first(): number {
    return this.#entries[0]?.seq ?? this.#last + 1;
  }

  append(entry: LogEntry): void {
    if (entry.seq <= this.#last) {
      const held = this.#entries.find((e) => e.seq === entry.seq);
      if (held && entryJson(held) !== entryJson(entry)) throw new BusConflictError(entry.seq, 'a different entry');
      return;
    }
    // A bus with nothing yet starts where the log is (a database that ran without one).
    if (entry.seq !== this.#last + 1 && this.#entries.length > 0) throw new BusGapError(this.#last, entry.seq);
    this.#last = entry.seq;
    this.#entries.push(entry);
    if (this.#entries.length > this.maxEntries) this.#entries.shift();
    for (const follower of this.#followers) follower(entry);
  }

  since(fromSeq: number): LogEntry[] {
    return this.#entries.filter((e) => e.seq > fromSeq);
  }

  onEntry(follower: (entry: LogEntry) => void): () => void {
    this.#followers.add(follower);
    return () => this.#followers.delete(follower);
  }

  sendPresence(wire: PresenceWire): void {
    for (const listener of this.#presence) listener(wire);
  }

  onPresence(listener: (wire: PresenceWire) => void): () => void {
    this.#presence.add(listener);
    return () => this.#presence.delete(listener);
  }
}

export class LocalBus implements EventBus {
  readonly instanceId = `i-${randomBytes(6).toString('hex')}`;
  readonly hub: LocalHub;
  readonly #relay: PresenceRelay;
  readonly #stopPresence: () => void;
  readonly #stops = new Set<() => Promise<void>>();

  constructor(hub?: LocalHub, options: LocalBusOptions = {}) {
    this.hub = hub ?? new LocalHub(options.maxEntries);
    this.#relay = new PresenceRelay(this.instanceId, options.presenceTtlMs ?? PRESENCE_TTL_MS, (wire) => {
      this.hub.sendPresence(wire);
    }, options.stillHere ?? (() => true));
    this.#stopPresence = this.hub.onPresence((wire) => this.#relay.receive(wire));
  }

  get epoch(): string {
    return this.hub.epoch;
  }

  streamState(): Promise<StreamState> {
    const { first, last, held: messages } = this.hub;
    return Promise.resolve({ first, last, messages, epoch: this.epoch });
  }

  publish(entries: readonly LogEntry[]): Promise<void> {
    try {
      for (const entry of entries) this.hub.append(entry);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  follow(fromSeq: number, handler: FollowHandler, options: FollowOptions = {}): Follower {
    let next = fromSeq + 1;
    let stopped = false;
    const give = (entries: readonly LogEntry[]) => {
      const fresh = entries.filter((e) => e.seq >= next);
      if (fresh.length === 0 || stopped) return;
      const first = fresh[0]!.seq;
      if (first > next) handler.reset({ reason: 'trimmed', epoch: this.epoch, expected: next, next: first });
      next = fresh[fresh.length - 1]!.seq + 1;
      handler.entries(fresh);
    };
    if (options.epoch !== undefined && options.epoch !== this.epoch) {
      handler.reset({ reason: 'epoch', epoch: this.epoch, expected: next, next: this.hub.first });
      next = this.hub.first;
    }
    give(this.hub.since(next - 1));
    const unsubscribe = this.hub.onEntry((entry) => give([entry]));
    let resolve = (): void => {};
    const done = new Promise<void>((r) => (resolve = r));
    const stop = (): Promise<void> => {
      stopped = true;
      unsubscribe();
      resolve();
      this.#stops.delete(stop);
      return Promise.resolve();
    };
    this.#stops.add(stop);
    return { stop, done };
  }

  publishPresence(presence: Presence): void {
    this.#relay.publish(presence);
  }

  subscribePresence(listener: (presence: Presence) => void): () => void {
    return this.#relay.subscribe(listener);
  }

  async close(): Promise<void> {
    await Promise.all([...this.#stops].map((stop) => stop()));
    this.#stopPresence();
    this.#relay.close();
  }
}

// ---- NATS JetStream ----

export interface JetStreamBusOptions {
  /** NATS server(s): `nats://127.0.0.1:4222`. */
  readonly servers: string | readonly string[];
  /** The JetStream stream (default `INBOX_EVENTS`): one per deployment, one per test. */
  readonly stream?: string | undefined;
  /** The subject its entries are published on (default `inbox.events`). */
  readonly subject?: string | undefined;
  /** The core NATS subject of presence (default `inbox.presence`). */
  readonly presenceSubject?: string | undefined;
  /** Entries the stream keeps (default 1,000,000); older ones are trimmed. */
  readonly maxMessages?: number | undefined;
  /** How long the stream keeps an entry (default 7 days; 0: no limit). */
  readonly maxAgeMs?: number | undefined;
  /** The stream's dedupe window for a republished entry (default 2 minutes; past it, the seq check answers). */
  readonly duplicateWindowMs?: number | undefined;
  /** A presence not renewed within this ends (default and at most 30 s, R25). */
  readonly presenceTtlMs?: number | undefined;
  /** Whether a user still has a stream on this instance (presences are renewed only while they do). */
  readonly stillHere?: ((userId: Id) => boolean) | undefined;
  /** Where connection trouble is told. */
  readonly log?: ((line: string) => void) | undefined;
  /** Waits between reconnection attempts (default 250 ms). */
  readonly reconnectWaitMs?: number | undefined;
  /** How long a publish (or a request about the stream) waits for JetStream's answer before it fails (default 2 s; publishing again is harmless). */
  readonly publishTimeoutMs?: number | undefined;
}

/** JetStream's "wrong last sequence" (an expected-last-sequence check failed). */
const WRONG_LAST_SEQUENCE = 10071;
/** The NATS header that carries a message's dedupe id. */
const MSG_ID = 'Nats-Msg-Id';

/**
 * The bus over NATS: entries on a JetStream stream whose sequence is the
 * event seq (each entry published with its seq as the message id, which
 * JetStream deduplicates, and the expected last sequence seq - 1, checked
 * on the stream's one subject), followed with an ordered consumer from a
 * sequence; presence on core NATS (nothing kept). The epoch is the
 * stream's name and creation time: a stream deleted and made anew has
 * another.
 *
 * NATS 2.9 note: a stream whose first sequence was moved by a purge
 * (a new stream under a database that already has a log) keeps a stale
 * last sequence for the expected-last-sequence check; the per-subject check
 * (`expect.lastSubjectSequence`) reads the store and is right, hence one
 * subject for all entries.
 */
export class JetStreamBus implements EventBus {
  readonly instanceId = `i-${randomBytes(6).toString('hex')}`;
  /** The NATS servers it connects to. */
  readonly servers: readonly string[];
  readonly stream: string;
  readonly subject: string;
  readonly presenceSubject: string;
  readonly #nc: NatsConnection;
  readonly #js: JetStreamClient;
  readonly #jsm: JetStreamManager;
  readonly #relay: PresenceRelay;
  readonly #presenceSub: Subscription;
  readonly #log: (line: string) => void;
  readonly #followers = new Set<{ stop(): Promise<void> }>();
  readonly #options: JetStreamBusOptions;
  readonly #publishTimeout: number;
  #epoch: string;
  /** Publishes run one after the other: each entry's expected sequence is the one before. */
  #publishing: Promise<void> = Promise.resolve();

  private constructor(nc: NatsConnection, jsm: JetStreamManager, info: StreamInfo, options: JetStreamBusOptions) {
    this.#nc = nc;
    this.#jsm = jsm;
    this.#options = options;
    this.#publishTimeout = Math.max(100, options.publishTimeoutMs ?? 2000);
    this.#js = jetstream(nc, { timeout: Math.max(100, options.publishTimeoutMs ?? 2000) });
    this.servers = typeof options.servers === 'string' ? [options.servers] : [...options.servers];
    this.stream = info.config.name;
    this.subject = options.subject ?? 'inbox.events';
    this.presenceSubject = options.presenceSubject ?? 'inbox.presence';
    this.#epoch = epochOf(info);
    this.#log = options.log ?? (() => {});
    const ttl = Math.min(PRESENCE_TTL_MS, Math.max(100, options.presenceTtlMs ?? PRESENCE_TTL_MS));
    this.#relay = new PresenceRelay(this.instanceId, ttl, (wire) => {
      // Presence is best effort: a publish while disconnected is buffered or lost, never an error for the caller.
      try {
        this.#nc.publish(this.presenceSubject, JSON.stringify(wire));
      } catch (error) {
        this.#log(`presence not sent: ${String(error)}`);
      }
    }, options.stillHere ?? (() => true));
    this.#presenceSub = nc.subscribe(this.presenceSubject, {
      callback: (error, msg) => {
        if (error) return;
        try {
          const wire = msg.json<PresenceWire>();
          if (isPresenceWire(wire)) this.#relay.receive(wire);
        } catch {
          // not ours: ignored
        }
      },
    });
  }

  /** Connects, makes the stream if it is missing (or takes it as it is), and reads its epoch. */
  static async connect(options: JetStreamBusOptions): Promise<JetStreamBus> {
    const servers = typeof options.servers === 'string' ? [options.servers] : [...options.servers];
    let nc: NatsConnection;
    try {
      nc = await connect({
        servers,
        name: 'inbox-server',
        maxReconnectAttempts: -1,
        reconnectTimeWait: options.reconnectWaitMs ?? 250,
        waitOnFirstConnect: false,
      });
    } catch (error) {
      throw new Error(`Cannot reach NATS at ${servers.join(', ')}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    try {
      const jsm = await jetstreamManager(nc, { timeout: Math.max(100, options.publishTimeoutMs ?? 2000) });
      const info = await ensureStream(jsm, options);
      return new JetStreamBus(nc, jsm, info, options);
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  get epoch(): string {
    return this.#epoch;
  }

  /** The stream's state now (first and last seq, count), for tests and health. */
  async streamState(): Promise<StreamState> {
    const info = await this.#jsm.streams.info(this.stream);
    this.#epoch = epochOf(info);
    return { first: info.state.first_seq, last: info.state.last_seq, messages: info.state.messages, epoch: this.#epoch };
  }

  publish(entries: readonly LogEntry[]): Promise<void> {
    const run = this.#publishing.then(async () => {
      for (const entry of entries) {
        try {
          await this.#publishOne(entry);
        } catch (error) {
          // Nobody takes the subject: the stream was deleted. It is made anew (another epoch) and the entry published there.
          // (The client reports "no responders" to a JetStream request as JetStreamNotEnabled.)
          if (!(error instanceof Error && error.name === 'JetStreamNotEnabled')) throw error;
          const info = await ensureStream(this.#jsm, { ...this.#options, stream: this.stream });
          this.#log(`bus: the stream ${this.stream} was missing; made anew (epoch ${epochOf(info)})`);
          this.#epoch = epochOf(info);
          await this.#publishOne(entry);
        }
      }
    });
    // The next publish waits for this one, whatever its outcome.
    this.#publishing = run.catch(() => {});
    return run;
  }

  async #publishOne(entry: LogEntry): Promise<void> {
    const body = entryJson(entry);
    const msgID = String(entry.seq);
    try {
      const ack = await this.#js.publish(this.subject, body, { msgID, expect: { lastSubjectSequence: entry.seq - 1 }, timeout: this.#publishTimeout });
      if (ack.seq !== entry.seq) throw new BusConflictError(entry.seq, `JetStream stored it at ${ack.seq}${ack.duplicate ? ' (a duplicate id)' : ''}`);
      // A duplicate id within the dedupe window: the same entry again, or another one (two writers).
      if (ack.duplicate) await this.#checkHeld(entry.seq, msgID, body);
      return;
    } catch (error) {
      if (!(error instanceof JetStreamApiError && error.code === WRONG_LAST_SEQUENCE)) throw error;
    }
    // The expected sequence did not hold: already published (past the dedupe window), a stream that starts here, or a hole before it.
    const info = await this.#jsm.streams.info(this.stream);
    this.#epoch = epochOf(info);
    const { last_seq: last, messages } = info.state;
    if (entry.seq <= last) {
      await this.#checkHeld(entry.seq, msgID, body);
      return;
    }
    if (entry.seq > last + 1 && messages > 0) throw new BusGapError(last, entry.seq);
    // Nothing left in the stream (new, or all of it aged out): it goes on from this entry's seq.
    if (entry.seq > last + 1) await this.#jsm.streams.purge(this.stream, { seq: entry.seq });
    const ack = await this.#js.publish(this.subject, body, { msgID, timeout: this.#publishTimeout });
    if (ack.seq !== entry.seq) throw new BusConflictError(entry.seq, `JetStream stored it at ${ack.seq}`);
  }

  /** What the stream holds at `seq` is this entry (or was: trimmed since, the followers had it). */
  async #checkHeld(seq: number, msgID: string, body: string): Promise<void> {
    const held = await this.#jsm.streams.getMessage(this.stream, { seq });
    if (held === null) return;
    if (held.header.get(MSG_ID) !== msgID || held.string() !== body) throw new BusConflictError(seq, 'another entry');
  }

  follow(fromSeq: number, handler: FollowHandler, options: FollowOptions = {}): Follower {
    const follower = new JetStreamFollower(this, this.#js, this.#jsm, this.#nc, fromSeq, handler, options.epoch, this.#log);
    this.#followers.add(follower);
    void follower.done.finally(() => this.#followers.delete(follower)).catch(() => {});
    return follower;
  }

  /** @internal The follower's view of the epoch, as it rereads it. */
  setEpoch(epoch: string): void {
    this.#epoch = epoch;
  }

  publishPresence(presence: Presence): void {
    this.#relay.publish(presence);
  }

  subscribePresence(listener: (presence: Presence) => void): () => void {
    return this.#relay.subscribe(listener);
  }

  /** Deletes the stream (tests; an operator resetting the bus). */
  async deleteStream(): Promise<void> {
    await this.#jsm.streams.delete(this.stream);
  }

  async close(): Promise<void> {
    await Promise.all([...this.#followers].map((f) => f.stop()));
    this.#relay.close();
    this.#presenceSub.unsubscribe();
    await this.#publishing;
    if (!this.#nc.isClosed()) await this.#nc.drain().catch(() => this.#nc.close());
  }
}

function isPresenceWire(value: unknown): value is PresenceWire {
  const wire = value as Partial<PresenceWire> | null;
  const p = wire?.presence as Partial<Presence> | undefined;
  return (
    typeof wire?.origin === 'string' &&
    typeof p?.userId === 'string' &&
    (p.conversationId === null || typeof p.conversationId === 'string') &&
    typeof p.typing === 'boolean' &&
    typeof p.at === 'number'
  );
}

function epochOf(info: StreamInfo): string {
  return `${info.config.name}@${info.created}`;
}

async function ensureStream(jsm: JetStreamManager, options: JetStreamBusOptions): Promise<StreamInfo> {
  const name = options.stream ?? 'INBOX_EVENTS';
  const subject = options.subject ?? 'inbox.events';
  try {
    const info = await jsm.streams.info(name);
    if (!info.config.subjects.includes(subject)) {
      throw new Error(`The JetStream stream ${name} exists without the subject ${subject} (it has ${info.config.subjects.join(', ')}).`);
    }
    return info;
  } catch (error) {
    if (!(error instanceof JetStreamApiError) || error.status !== 404) throw error;
  }
  try {
    return await jsm.streams.add({
      name,
      subjects: [subject],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      max_msgs: options.maxMessages ?? 1_000_000,
      max_age: nanos(options.maxAgeMs ?? 7 * 24 * 60 * 60 * 1000),
      duplicate_window: nanos(options.duplicateWindowMs ?? 2 * 60 * 1000),
      num_replicas: 1,
    });
  } catch (error) {
    // Another instance made it meanwhile.
    if (error instanceof JetStreamApiError) return jsm.streams.info(name);
    throw error;
  }
}

/**
 * An ordered consumer from a seq, checked: every message's stream sequence
 * is the next expected (an older one is a duplicate and dropped, a newer one
 * a trimmed hole: `reset`); when the consumer is made anew (a lost
 * connection, a NATS restart, a deleted stream) the epoch is read again
 * before anything more is given, and another epoch is a `reset`.
 */
class JetStreamFollower implements Follower {
  readonly done: Promise<void>;
  #next: number;
  #epoch: string | undefined;
  #stopped = false;
  #messages: ConsumerMessages | null = null;
  #advisories: Subscription | null = null;
  /** While the epoch is being read again, what arrives waits here. */
  #held: JsMsg[] | null = null;
  #batch: LogEntry[] = [];
  #flushQueued = false;
  #fail: (error: Error) => void = () => {};
  #finish: () => void = () => {};

  constructor(
    readonly bus: JetStreamBus,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly nc: NatsConnection,
    fromSeq: number,
    readonly handler: FollowHandler,
    epoch: string | undefined,
    readonly log: (line: string) => void,
  ) {
    this.#next = fromSeq + 1;
    this.#epoch = epoch;
    this.done = new Promise<void>((resolve, reject) => {
      this.#finish = resolve;
      this.#fail = reject;
    });
    // A rejection nobody awaits is the follower's own business: it is also logged.
    this.done.catch(() => {});
    void this.#start().catch((error: unknown) => this.#abort(error));
  }

  async #start(): Promise<void> {
    // The stream deleted: hold what comes; made anew: follow the new one at once (the old consumer went with the old stream).
    const advisories = `$JS.EVENT.ADVISORY.STREAM.*.${this.bus.stream}`;
    this.#advisories = this.nc.subscribe(advisories, {
      callback: (_error, msg) => {
        if (this.#stopped) return;
        if (msg.subject.includes('.STREAM.DELETED.')) this.#held ??= [];
        if (msg.subject.includes('.STREAM.CREATED.')) void this.#reopen().catch((error: unknown) => this.#abort(error));
      },
    });
    await this.#open();
    void this.#watchConnection();
  }

  /** Reads the stream (epoch, trimmed), then consumes it from `next`. */
  async #open(): Promise<void> {
    this.#held ??= [];
    const info = await this.jsm.streams.info(this.bus.stream);
    if (this.#ended()) return;
    this.#checkEpoch(info);
    const { first_seq: first, last_seq: last } = info.state;
    // Trimmed: the stream went past `next` and no longer holds it.
    if (first > this.#next && last >= this.#next) this.#reset('trimmed', first);
    const consumer = await this.js.consumers.get(this.bus.stream, {
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: this.#next,
    });
    if (this.#ended()) return;
    const messages = await consumer.consume({ callback: (msg) => this.#receive(msg), expires: 2000, max_messages: 1000 });
    this.#messages = messages;
    if (this.#ended()) {
      messages.stop();
      return;
    }
    this.#release();
    void this.#watch(messages);
    void messages.closed().then((error) => {
      if (this.#ended() || this.#messages !== messages) return;
      if (error) this.#abort(error);
    });
  }

  /** The stream was made anew: its consumer too, from `next`, the epoch read again first. */
  async #reopen(): Promise<void> {
    this.#held ??= [];
    const old = this.#messages;
    this.#messages = null;
    old?.stop();
    await this.#open();
  }

  /** Whether `stop` or a failure ended it (read again after each await). */
  #ended(): boolean {
    return this.#stopped;
  }

  async #watch(messages: ConsumerMessages): Promise<void> {
    for await (const status of messages.status()) {
      if (this.#stopped || this.#messages !== messages) return;
      if (status.type === 'reset') {
        // The consumer is being made anew: hold what comes until the epoch is read again.
        this.#held ??= [];
      } else if (status.type === 'ordered_consumer_recreated') {
        await this.#recheck();
      } else if (status.type === 'stream_not_found') {
        this.#held ??= [];
        this.log(`bus: the stream ${this.bus.stream} is missing; waiting for it`);
      }
    }
  }

  async #watchConnection(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (this.#stopped) return;
      if (status.type === 'disconnect') this.log(`bus: disconnected from ${status.server}`);
      if (status.type === 'reconnect') {
        this.log(`bus: reconnected to ${status.server}`);
        this.#held ??= [];
        await this.#recheck();
      }
    }
  }

  /** Reads the epoch again (until the stream answers), then gives what was held. */
  async #recheck(): Promise<void> {
    this.#held ??= [];
    for (let attempt = 0; !this.#stopped; attempt++) {
      try {
        this.#checkEpoch(await this.jsm.streams.info(this.bus.stream));
        break;
      } catch (error) {
        if (attempt % 20 === 0) this.log(`bus: cannot read the stream ${this.bus.stream} yet: ${String(error)}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    this.#release();
  }

  #checkEpoch(info: StreamInfo): void {
    const epoch = epochOf(info);
    this.bus.setEpoch(epoch);
    if (this.#epoch !== undefined && this.#epoch !== epoch) {
      this.#epoch = epoch;
      // What the stream held before is gone; it goes on from its first seq or the next, whichever is later.
      this.#reset('epoch', Math.max(this.#next, info.state.first_seq));
    }
    this.#epoch = epoch;
  }

  #reset(reason: BusReset['reason'], next: number): void {
    this.#flush();
    const expected = this.#next;
    this.#next = next;
    this.handler.reset({ reason, epoch: this.#epoch ?? this.bus.epoch, expected, next });
  }

  #receive(msg: JsMsg): void {
    if (this.#stopped) return;
    if (this.#held) {
      this.#held.push(msg);
      return;
    }
    this.#take(msg);
  }

  #release(): void {
    const held = this.#held ?? [];
    this.#held = null;
    for (const msg of held) this.#take(msg);
  }

  #take(msg: JsMsg): void {
    if (msg.seq < this.#next) return;
    if (msg.seq > this.#next) this.#reset('trimmed', msg.seq);
    let entry: LogEntry;
    try {
      entry = parseEntry(msg.string());
      if (entry.seq !== msg.seq) throw new Error(`the entry of seq ${entry.seq} is at stream sequence ${msg.seq}`);
    } catch (error) {
      this.#abort(error);
      return;
    }
    this.#next = msg.seq + 1;
    this.#batch.push(entry);
    if (!this.#flushQueued) {
      this.#flushQueued = true;
      queueMicrotask(() => this.#flush());
    }
  }

  #flush(): void {
    this.#flushQueued = false;
    if (this.#batch.length === 0 || this.#stopped) return;
    const batch = this.#batch;
    this.#batch = [];
    try {
      this.handler.entries(batch);
    } catch (error) {
      this.#abort(error);
    }
  }

  #abort(error: unknown): void {
    if (this.#stopped) return;
    this.log(`bus: following ${this.bus.stream} failed: ${error instanceof Error ? error.message : String(error)}`);
    this.#stopped = true;
    this.#messages?.stop();
    this.#advisories?.unsubscribe();
    this.#fail(error instanceof Error ? error : new Error(String(error)));
  }

  stop(): Promise<void> {
    if (!this.#stopped) {
      this.#flush();
      this.#stopped = true;
      this.#messages?.stop();
      this.#advisories?.unsubscribe();
      this.#finish();
    }
    return this.done.catch(() => {});
  }
}

import type { Command } from '../model/commands.js';
import type { DomainEvent, Refusal } from '../model/events.js';
import { canSeeConversation, canSeeView, seesEverything, visibilityFilter } from '../model/permissions.js';
import { applyAsBackend } from '../model/rules.backend.js';
import { checkAttachments, type UploadRecord } from '../model/attachments.js';
import { emptyState, reduceAll, stateFromSnapshot, upsertTimelineItem, valuesById } from '../model/state.js';
import { checkStatsRequest, teamStats, type StatsRequest, type TeamStats } from '../model/stats.js';
import type {
  Attachment,
  Contact,
  Conversation,
  Id,
  InboxState,
  SavedView,
  Snapshot,
  TimelineItem,
  User,
} from '../model/types.js';
import { COMMAND_ARG_SCHEMAS, parseCommand, parseQueryRequest } from '../protocol/command-schema.js';
import { conversationsByIds, pageOf } from '../model/query-page.js';
import { patchList, runQuery, type Query } from '../model/query.js';
import { openCounts } from '../model/indicators.js';
import type {
  CommandAck,
  StreamRequest,
  Presence,
  QueryRequest,
  QueryResult,
  ServerMessage,
  TimelinePage,
  TimelineRequest,
} from '../protocol/wire.js';
import { demoInboundText, demoReplyText, generateDemoData, mulberry32, type DemoOptions } from './demo-data.js';

/**
 * The in-page backend behind MemoryTransport: the authoritative state, the
 * rules of model/ (never its own), an append-only event log with sequence
 * numbers, idempotent commands, and R14 applied to everything it sends.
 * It does what the reference server does, minus the wire and the disk.
 */

export interface MemoryBackendOptions {
  /** Generate the demo data set. */
  readonly demo?: DemoOptions | undefined;
  /** Or start from these entities. */
  readonly snapshot?: Snapshot | undefined;
  /** Timelines not held in state, built on demand (the demo's lazy timelines). */
  readonly timelineFor?: ((conversationId: Id) => readonly TimelineItem[]) | undefined;
  /** The clock the rules see. */
  readonly now?: (() => number) | undefined;
  /** Events kept for resuming (default 50,000); an older `since` gets a fresh snapshot. */
  readonly logSize?: number | undefined;
  /** Acknowledgements remembered for idempotency (default 100,000 commands). */
  readonly ackMemory?: number | undefined;
  /** Where the sequence and the log start: a persisted backend's (the reference server's) restart. */
  readonly restore?: RestoredLog | undefined;
  /** Acknowledgements older than those in memory (a database), for idempotency across restarts; ids are scoped per actor (null: the system). */
  readonly findAck?: ((commandId: Id, actorId: Id | null) => CommandAck | undefined) | undefined;
  /**
   * Called synchronously for every command whose answer is remembered,
   * after the rules decided and before anything changes, is delivered or
   * acknowledged. If it throws, the command has no effect and `send` throws:
   * what was acknowledged is exactly what was persisted.
   */
  readonly persist?: ((commit: Commit) => void) | undefined;
  /** Prefix of the ids this backend makes (traffic, clock), so that a restarted backend never reuses one. */
  readonly idPrefix?: string | undefined;
  /**
   * The uploads a reply's attachments must name (model/attachments.ts): a
   * persisted backend's store (the reference server's database). Without
   * it, the uploads registered with `registerUpload` (the memory transport's).
   */
  readonly uploadOf?: ((id: Id) => UploadRecord | undefined) | undefined;
  /**
   * From how many conversations a user may see their stream's snapshot
   * brings none (issue 13's windowed store): the client asks for its list a
   * page at a time (`query`). Default: never (every snapshot is whole).
   */
  readonly windowFrom?: number | undefined;
  /**
   * The identity of this backend's history, sent with every snapshot and
   * named by a resume (a persisted backend's: its database's). Default: a
   * new one, so that a backend built anew is another history.
   */
  readonly epoch?: string | undefined;
}

/** How many query lists the backend keeps for windowed clients' pages (users × queries). */
const QUERY_CACHE = 200;
/** The sidebar's counts a backend sends with a first page may be this old while the state changes. */
const COUNTS_MAX_AGE_MS = 1000;

/** A persisted backend's log, to carry on from. */
export interface RestoredLog {
  /** The newest sequence number. */
  readonly seq: number;
  /** The newest entries, consecutive and oldest first, ending at `seq`; resuming is possible from the first one's seq - 1. */
  readonly entries: readonly LogEntry[];
  /** Per user, the newest seq their stream carries (what their acks point at). */
  readonly cursors: Iterable<readonly [Id, number]>;
}

/** One command's outcome, as a persistence hook receives it. */
export interface Commit {
  readonly command: Command;
  readonly actorId: Id | null;
  readonly ack: CommandAck;
  /** The rules' events: the entities that changed (empty for a refusal). */
  readonly events: readonly DomainEvent[];
  /** The log entries appended, with their seq and audience (R14). */
  readonly entries: readonly LogEntry[];
  /** Users whose stream's newest seq moved, with that seq. */
  readonly cursors: ReadonlyMap<Id, number>;
}

/** Where a connection's messages go; MemoryTransport makes delivery asynchronous. */
export interface ConnectionSink {
  next(message: ServerMessage): void;
  error(error: Error): void;
  complete(): void;
}

/** A refusal outside a command: a timeline the actor may not read, an unknown user. */
export class RefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
    this.name = 'RefusedError';
  }
}

export type TrafficKind = 'message' | 'conversation' | 'call' | 'agent';
export const TRAFFIC_KINDS: readonly TrafficKind[] = ['message', 'conversation', 'call', 'agent'];
/** How long a simulated caller lets an unanswered call ring before hanging up (it is then missed). */
export const TRAFFIC_RING_MS = 30_000;

export interface TrafficOptions {
  /** Commands per second (each yields a few events). */
  readonly ratePerSecond: number;
  /**
   * What happens: inbound messages on existing conversations, new
   * conversations, inbound calls, other agents' actions. Default: all.
   */
  readonly kinds?: readonly TrafficKind[] | undefined;
}

export interface BackendStats {
  /** Commands applied (accepted) since creation. */
  commands: number;
  refused: number;
  /** Commands the simulated traffic issued. */
  traffic: number;
}

/**
 * One log entry: the event, who receives it as is (`to`), and who receives
 * it as a deletion (`gone`: the entity left their sight, R14). Decided when
 * appended, against the state of that moment, so a resumed client gets
 * exactly what a connected one got.
 */
export interface LogEntry {
  readonly seq: number;
  readonly event: DomainEvent;
  readonly to: readonly Id[];
  readonly gone: readonly Id[];
  /** Derived from `event` (deletionOf), when `gone` is not empty. */
  readonly goneEvent: DomainEvent | null;
}

/** A log entry from its persisted parts. */
export function logEntry(seq: number, event: DomainEvent, to: readonly Id[], gone: readonly Id[]): LogEntry {
  return { seq, event, to, gone, goneEvent: gone.length === 0 ? null : deletionOf(event) };
}

/** What applyRemote did: how many entries it took, and the seqs it lacks before the rest (null: none). */
export interface RemoteApplied {
  readonly applied: number;
  /** The entries it needs first (from the database), inclusive; the entries from `to + 1` on were not applied. */
  readonly missing: { readonly from: number; readonly to: number } | null;
}

interface Viewer {
  readonly id: Id;
  readonly user: User;
  /** The user as they were before the batch. */
  readonly old: User;
  /** Sees every conversation, before and after (R14). */
  readonly all: boolean;
  readonly saw: (c: Conversation) => boolean;
  readonly sees: (c: Conversation) => boolean;
}

interface Connection {
  readonly userId: Id;
  readonly sink: ConnectionSink;
}

const NOBODY: readonly Id[] = Object.freeze([]);

export class MemoryBackend {
  #state: InboxState;
  #seq = 0;
  readonly #log: (LogEntry | undefined)[];
  readonly #logSize: number;
  readonly #windowFrom: number;
  /** The history this backend's sequence numbers count in (MemoryBackendOptions.epoch). */
  readonly epoch: string;
  /** Query lists kept for windowed clients' pages (#listFor), oldest first. */
  readonly #lists = new Map<string, { readonly state: InboxState; readonly user: User; readonly list: readonly Conversation[] }>();
  /** The sidebar's counts per user (#countsFor). */
  readonly #counts = new Map<Id, { readonly state: InboxState; readonly user: User; readonly at: number; readonly counts: Record<string, number> }>();
  /** The oldest `since` the log can resume from (a restored log may start late). */
  #floor = 0;
  /** Answers by actor and command id. */
  readonly #acks = new Map<string, CommandAck>();
  readonly #ackMemory: number;
  readonly #findAck: (commandId: Id, actorId: Id | null) => CommandAck | undefined;
  readonly #persist: ((commit: Commit) => void) | null;
  readonly #uploads = new Map<Id, UploadRecord>();
  readonly #uploadOf: (id: Id) => UploadRecord | undefined;
  readonly #idPrefix: string;
  readonly #connections = new Set<Connection>();
  /** Per user, the newest seq their stream carries: what their acks point at. */
  readonly #lastSeqFor = new Map<Id, number>();
  readonly #audiences = new Map<string, readonly Id[]>();
  readonly #timelineFor: (conversationId: Id) => readonly TimelineItem[];
  /** Conversations whose whole timeline is in state (or that the lazy source must ignore). */
  readonly #materialized = new Set<Id>();
  /** contact id → its conversation ids, for delivering contact events under R14. */
  #byContact: Map<Id, Id[]> | null = null;
  /** Weakly keyed: an old state's arrays go with its maps. */
  readonly #valuesCache = new WeakMap<object, readonly unknown[]>();
  #traffic: { timer: ReturnType<typeof setInterval>; stop(): void } | null = null;
  #counter = 0;
  readonly stats: BackendStats = { commands: 0, refused: 0, traffic: 0 };
  now: () => number;

  constructor(options: MemoryBackendOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    let snapshot = options.snapshot;
    let timelineFor = options.timelineFor;
    if (options.demo) {
      const demo = generateDemoData({ now: this.now(), ...options.demo });
      snapshot = demo.snapshot;
      timelineFor = demo.timelineFor;
    }
    this.#state = snapshot ? stateFromSnapshot(snapshot) : emptyState();
    this.#timelineFor = timelineFor ?? (() => []);
    this.#logSize = Math.max(1, options.logSize ?? 50_000);
    this.#windowFrom = options.windowFrom ?? Infinity;
    this.epoch = options.epoch ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    this.#log = new Array<LogEntry | undefined>(this.#logSize);
    this.#ackMemory = Math.max(1, options.ackMemory ?? 100_000);
    this.#findAck = options.findAck ?? (() => undefined);
    this.#uploadOf = options.uploadOf ?? ((id) => this.#uploads.get(id));
    this.#persist = options.persist ?? null;
    this.#idPrefix = options.idPrefix ?? '';
    if (options.restore) this.#restore(options.restore);
  }

  #restore(restore: RestoredLog): void {
    this.#seq = restore.seq;
    const kept = restore.entries.slice(-this.#logSize);
    this.#floor = kept.length > 0 ? kept[0]!.seq - 1 : restore.seq;
    for (const entry of kept) this.#log[entry.seq % this.#logSize] = entry;
    for (const [userId, seq] of restore.cursors) this.#lastSeqFor.set(userId, seq);
  }

  /** The authoritative state (immutable; replaced on every change). */
  get state(): InboxState {
    return this.#state;
  }

  /** The newest sequence number. */
  get seq(): number {
    return this.#seq;
  }

  // ---- the live stream ----

  /**
   * Opens a user's stream: a snapshot, or with a resumable `since` only the
   * events after it. Returns the function that closes it.
   */
  connect(request: StreamRequest, sink: ConnectionSink): () => void {
    const user = this.#state.users.get(request.userId);
    if (!user || !user.active) {
      sink.error(new RefusedError({ code: 'forbidden', reason: `User ${request.userId} cannot connect.` }));
      return () => {};
    }
    const since = request.since;
    // A resume counts in this backend's history only: another epoch (a database made anew) gets a snapshot.
    if (since !== undefined && this.canResume(since) && (request.epoch === undefined || request.epoch === this.epoch)) {
      for (let seq = since + 1; seq <= this.#seq; seq++) {
        const entry = this.#log[seq % this.#logSize];
        const message = entry && this.#messageFor(entry, user.id);
        if (message) sink.next(message);
      }
    } else {
      sink.next(this.#snapshotMessage(user.id, this.#seq));
    }
    const connection: Connection = { userId: user.id, sink };
    this.#connections.add(connection);
    return () => this.#connections.delete(connection);
  }

  /**
   * A user's snapshot message at `seq`, with this backend's epoch; without
   * conversations or contacts (windowed) past `windowFrom` of them.
   */
  #snapshotMessage(userId: Id, seq: number): ServerMessage {
    const snapshot = this.snapshotFor(userId);
    return snapshot.conversations.length >= this.#windowFrom
      ? { kind: 'snapshot', seq, epoch: this.epoch, windowed: true, snapshot: { ...snapshot, conversations: [], contacts: [] } }
      : { kind: 'snapshot', seq, epoch: this.epoch, snapshot };
  }

  /** Whether the log still holds every event after `since`. */
  canResume(since: number): boolean {
    return (
      Number.isInteger(since) &&
      since >= this.#floor &&
      since <= this.#seq &&
      since >= this.#seq - this.#logSize
    );
  }

  /**
   * What `userId` may see (R14): every conversation for owners, managers
   * and `all` agents, otherwise theirs (and their teams'), with only their
   * contacts and the saved views shared with them. Entities are handed out
   * as they are: immutable, never copied.
   */
  snapshotFor(userId: Id): Snapshot {
    const state = this.#state;
    const user = state.users.get(userId);
    if (!user || !user.active) throw new RefusedError({ code: 'forbidden', reason: `Unknown user ${userId}.` });
    let conversations: readonly Conversation[];
    let contacts: readonly Contact[];
    if (seesEverything(user)) {
      conversations = this.#cached(state.conversations);
      contacts = this.#cached(state.contacts);
    } else {
      const visible = visibilityFilter(state, user);
      const mine: Conversation[] = [];
      const contactIds = new Set<Id>();
      for (const c of state.conversations.values()) {
        if (!visible(c)) continue;
        mine.push(c);
        contactIds.add(c.contactId);
      }
      conversations = mine;
      contacts = [...contactIds].flatMap((id) => state.contacts.get(id) ?? []);
    }
    const views: SavedView[] = [];
    for (const view of state.views.values()) if (canSeeView(user, view)) views.push(view);
    return {
      users: [...state.users.values()],
      bots: [...state.bots.values()],
      teams: [...state.teams.values()],
      channels: [...state.channels.values()],
      contacts,
      conversations,
      views,
      settings: state.settings,
    };
  }

  /**
   * The values of a big map as an array, rebuilt only when the map (hence
   * the state) changed; handed out by valuesById, so a store in the page
   * takes the map itself rather than indexing it again.
   */
  #cached<V extends { readonly id: Id }>(map: ReadonlyMap<Id, V>): readonly V[] {
    let values = this.#valuesCache.get(map) as readonly V[] | undefined;
    if (!values) {
      values = valuesById(map);
      this.#valuesCache.set(map, values);
    }
    return values;
  }

  // ---- commands ----

  /**
   * Applies one command as `actorId` (null: the system) through model/'s
   * rules. Idempotent by command id: a repeated id gets the first answer
   * and changes nothing.
   */
  send(command: unknown, actorId: Id | null): CommandAck {
    const id = typeof command === 'object' && command !== null ? (command as { id?: unknown }).id : undefined;
    // Acks need a non-empty id on the wire; a command without one gets a placeholder.
    const commandId = typeof id === 'string' && id !== '' ? id : '(missing)';
    // Command ids are scoped per actor: another user's command with the same id is a command of its own.
    const ackKey = `${actorId ?? ''}\u0000${commandId}`;
    const known = this.#acks.get(ackKey) ?? (commandId === '(missing)' ? undefined : this.#findAck(commandId, actorId));
    if (known) return known;
    const parsed = parseCommand(command);
    if (!parsed.ok) {
      // A malformed command is not remembered: it has no trustworthy id.
      this.stats.refused++;
      return { commandId, ok: false, refusal: { code: 'invalid', reason: malformedReason(command, parsed.error.message) } };
    }
    const valid = this.#withUploads(parsed.value, actorId);
    if ('code' in valid) {
      const ack: CommandAck = { commandId, ok: false, refusal: valid };
      this.#persist?.({ command: parsed.value, actorId, ack, events: [], entries: [], cursors: new Map() });
      this.stats.refused++;
      this.#remember(ackKey, ack);
      return ack;
    }
    this.#loadTimelineFor(valid);
    const before = this.#state;
    const result = applyAsBackend(before, valid, { actorId, now: this.now() });
    if (!result.ok) {
      const ack: CommandAck = { commandId, ok: false, refusal: result.refusal };
      this.#persist?.({ command: valid, actorId, ack, events: [], entries: [], cursors: new Map() });
      this.stats.refused++;
      this.#remember(ackKey, ack);
      return ack;
    }
    const entries = this.#plan(before, result.state, result.events);
    const cursors = new Map<Id, number>();
    for (const entry of entries) {
      for (const id of entry.to) cursors.set(id, entry.seq);
      for (const id of entry.gone) cursors.set(id, entry.seq);
    }
    // The newest seq the actor's own stream carries, so that the store can
    // settle the command when its stream gets there (filtered events never will).
    const newest = entries.length > 0 ? entries[entries.length - 1]!.seq : this.#seq;
    const seq = actorId === null ? newest : (cursors.get(actorId) ?? this.#lastSeqFor.get(actorId) ?? 0);
    const ack: CommandAck = { commandId, ok: true, seq };
    // Durable first (a throw leaves everything as it was), then visible.
    this.#persist?.({ command: valid, actorId, ack, events: result.events, entries, cursors });
    this.stats.commands++;
    this.#state = result.state;
    for (const event of result.events) if (event.type === 'conversation.deleted') this.#materialized.add(event.id);
    for (const entry of entries) this.#append(entry);
    this.#closeDeactivated(result.state);
    this.#remember(ackKey, ack);
    return ack;
  }

  /** Keeps an upload made through this backend's transport, for the replies that attach it. */
  registerUpload(attachment: Attachment, userId: Id): void {
    this.#uploads.set(attachment.id, { attachment, userId });
  }

  /** A reply's attachments replaced by the uploads they name, or the refusal of one that names none of the actor's. */
  #withUploads(command: Command, actorId: Id | null): Command | Refusal {
    if (command.type !== 'reply' || actorId === null) return command;
    const args = command.args;
    if (!args.attachments || args.attachments.length === 0) return command;
    const attachments = checkAttachments(args.attachments, actorId, this.#uploadOf);
    return 'code' in attachments ? attachments : { ...command, args: { ...args, attachments } };
  }

  // ---- presence (R17) ----

  /**
   * Tells the others who may see `conversationId` (R14) that `userId` is
   * viewing it (or nothing: null), typing or not. Not sequenced, not kept.
   */
  presence(userId: Id, conversationId: Id | null, typing: boolean): Presence {
    const state = this.#state;
    const user = state.users.get(userId);
    if (!user || !user.active) throw new RefusedError({ code: 'forbidden', reason: `User ${userId} is not active.` });
    const conversation = conversationId === null ? undefined : state.conversations.get(conversationId);
    if (conversationId !== null && (!conversation || !canSeeConversation(state, user, conversation))) {
      throw new RefusedError({ code: 'not-found', reason: `Conversation ${conversationId} was not found.` });
    }
    const presence: Presence = { userId, conversationId, typing, at: this.now() };
    this.#deliverPresence(presence, conversation);
    for (const listener of this.#presenceListeners) listener(presence);
    return presence;
  }

  /**
   * A presence from another instance (issue 13): delivered here as a local
   * one is, to the others who may see its conversation (R14). One whose
   * user or conversation this replica does not know (yet) reaches nobody,
   * except its end (conversation null), which reaches everyone.
   */
  remotePresence(presence: Presence): void {
    const state = this.#state;
    if (presence.conversationId === null) {
      this.#deliverPresence(presence, undefined);
      return;
    }
    const user = state.users.get(presence.userId);
    const conversation = state.conversations.get(presence.conversationId);
    if (!user?.active || !conversation || !canSeeConversation(state, user, conversation)) return;
    this.#deliverPresence(presence, conversation);
  }

  /** Calls `listener` with every presence accepted here (the bus tells the other instances); returns the function that stops it. */
  onPresence(listener: (presence: Presence) => void): () => void {
    this.#presenceListeners.add(listener);
    return () => this.#presenceListeners.delete(listener);
  }

  readonly #presenceListeners = new Set<(presence: Presence) => void>();

  /** Whether `userId` has a stream open on this backend (presence is renewed across instances only while they do). */
  isConnected(userId: Id): boolean {
    for (const connection of this.#connections) if (connection.userId === userId) return true;
    return false;
  }

  #deliverPresence(presence: Presence, conversation: Conversation | undefined): void {
    const state = this.#state;
    const message: ServerMessage = { kind: 'presence', presence };
    const sight = new Map<Id, boolean>();
    for (const connection of this.#connections) {
      if (connection.userId === presence.userId) continue;
      let sees = sight.get(connection.userId);
      if (sees === undefined) {
        const other = state.users.get(connection.userId);
        sees = other !== undefined && (conversation === undefined || canSeeConversation(state, other, conversation));
        sight.set(connection.userId, sees);
      }
      if (sees) connection.sink.next(message);
    }
  }

  // ---- replication (issue 13: several instances, one log) ----

  /**
   * Applies log entries that another instance committed (the database holds
   * them; the bus brought them): each entry's event folded into the state
   * by model/'s reduce (the rules decided at the committer), appended to the log, and delivered to the
   * streams by its audience exactly as a local commit's (R14). Entries
   * must come oldest first. One already held (seq ≤ this.seq) is skipped;
   * a hole is refused: the entries before it are applied, and `missing`
   * names the seqs to fetch (from the database) before the rest. Nothing
   * is persisted: it is already.
   */
  applyRemote(entries: readonly LogEntry[]): RemoteApplied {
    let applied = 0;
    let missing: RemoteApplied['missing'] = null;
    const fresh: LogEntry[] = [];
    let next = this.#seq + 1;
    for (const entry of entries) {
      if (entry.seq < next) continue;
      if (entry.seq > next) {
        missing = { from: next, to: entry.seq - 1 };
        break;
      }
      fresh.push(entry);
      next++;
    }
    if (fresh.length === 0) return { applied, missing };
    // State first (one pass over the batch), then the log and the streams, as send() does. Every entry's event is
    // the entity as the committer's state held it (R14's sight changes included: see #sightChanges), so folding
    // them all gives the committer's state.
    const events = fresh.map((entry) => entry.event);
    const state = reduceAll(this.#state, events);
    this.#state = state;
    for (const event of events) {
      if (event.type === 'conversation.deleted') this.#materialized.add(event.id);
      if (event.type === 'conversation.upserted') this.#indexConversation(event.conversation);
    }
    for (const entry of fresh) {
      this.#append(logEntry(entry.seq, entry.event, this.#audience(entry.to), this.#audience(entry.gone)));
      applied++;
    }
    this.#closeDeactivated(state);
    return { applied, missing };
  }

  /**
   * Starts again from a snapshot at `seq` (issue 13): the replica could not
   * get every entry after its seq (the bus trimmed them and the database
   * could not fill the hole, or the bus's history began anew). The log is
   * emptied (nothing before `seq` can be resumed here any more) and every
   * open stream is sent a fresh snapshot, as a client resuming from too
   * far back gets: it replaces the client's state instead of leaving it
   * silently behind. A deactivated user's stream ends.
   */
  resync(snapshot: Snapshot, seq: number): void {
    this.#state = stateFromSnapshot(snapshot);
    this.#seq = seq;
    this.#floor = seq;
    this.#log.fill(undefined);
    this.#materialized.clear();
    this.#byContact = null;
    this.#closeDeactivated(this.#state);
    for (const connection of this.#connections) {
      connection.sink.next(this.#snapshotMessage(connection.userId, seq));
    }
  }

  /** The outside world (inbound messages and calls) and the clock: the system actor. */
  inject(command: Command): CommandAck {
    return this.send(command, null);
  }

  /** Wakes snoozed conversations (R18) and purges old trash (R6). */
  tick(): CommandAck {
    return this.inject({ id: this.#nextId('tick'), type: 'tick', args: {} });
  }

  #remember(key: string, ack: CommandAck): void {
    this.#acks.set(key, ack);
    if (this.#acks.size <= this.#ackMemory) return;
    const oldest = this.#acks.keys().next();
    if (!oldest.done) this.#acks.delete(oldest.value);
  }

  #nextId(prefix: string): Id {
    return `${prefix}-${this.#idPrefix}${(++this.#counter).toString(36)}`;
  }

  // ---- timelines ----

  /**
   * A page of a conversation's timeline: the `limit` items just before
   * `before` (or the newest), oldest first. R14: a conversation the actor
   * cannot see is refused exactly like one that does not exist.
   */
  timeline(request: TimelineRequest, actorId: Id): TimelinePage {
    const state = this.#state;
    const user = state.users.get(actorId);
    const conversation = state.conversations.get(request.conversationId);
    if (!user || !conversation || !canSeeConversation(state, user, conversation)) {
      throw new RefusedError({ code: 'not-found', reason: `Conversation ${request.conversationId} was not found.` });
    }
    const items = this.timelineOf(conversation.id);
    let end = items.length;
    if (request.before !== undefined) {
      end = items.findIndex((item) => item.id === request.before);
      if (end < 0) throw new RefusedError({ code: 'invalid', reason: `Item ${request.before} is not in this timeline.` });
    }
    const limit = Number.isInteger(request.limit) && request.limit > 0 ? Math.min(request.limit, 1000) : 50;
    const start = Math.max(0, end - limit);
    return { conversationId: conversation.id, items: items.slice(start, end), hasMore: start > 0 };
  }

  /**
   * Team stats (R28) for `actorId`: model/stats.ts over the conversations
   * they may see (R14; an agent with visibility `self` gets the figures of
   * their own conversations). A request it cannot answer, or an unknown
   * user, is refused. Timelines are read, not materialized: a long range
   * over lazy demo histories leaves the state as it was.
   */
  teamStats(request: StatsRequest, actorId: Id): TeamStats {
    const state = this.#state;
    const user = state.users.get(actorId);
    if (!user?.active) throw new RefusedError({ code: 'forbidden', reason: `User ${actorId} may not read stats.` });
    const problem = checkStatsRequest(request);
    if (problem !== null) throw new RefusedError({ code: 'invalid', reason: problem });
    if (request.teamId != null && !state.teams.has(request.teamId)) {
      throw new RefusedError({ code: 'not-found', reason: `Team ${request.teamId} was not found.` });
    }
    const visible = visibilityFilter(state, user);
    return teamStats(
      {
        conversations: [...state.conversations.values()].filter(visible),
        timelineOf: (id) => this.#peekTimeline(id),
        isAgent: (id) => state.users.has(id),
        now: this.now(),
      },
      request,
    );
  }

  /**
   * A page of a query over what `actorId` may see (issue 13, R14, R16, R17;
   * model/query-page.ts), with the contacts of its rows. Refuses a malformed
   * request or a cursor this backend did not give.
   */
  query(request: QueryRequest, actorId: Id): QueryResult {
    const state = this.#state;
    const user = state.users.get(actorId);
    if (!user?.active) throw new RefusedError({ code: 'forbidden', reason: `User ${actorId} may not query.` });
    const checked = parseQueryRequest(request);
    if (!checked.ok) throw new RefusedError({ code: 'invalid', reason: checked.error.message });
    if (request.ids && request.cursor !== null) throw new RefusedError({ code: 'invalid', reason: 'A request by ids is one page: it takes no cursor.' });
    const page = request.ids
      ? { conversations: conversationsByIds(state, request.query, user, request.ids), total: 0, next: null }
      : pageOf(this.#listFor(state, request.query, user), request.query, request.cursor, request.limit);
    if (page === null) throw new RefusedError({ code: 'invalid', reason: 'The cursor is not one this backend gave.' });
    const contacts = new Map<Id, Contact>();
    for (const c of page.conversations) {
      const contact = state.contacts.get(c.contactId);
      if (contact) contacts.set(contact.id, contact);
    }
    const total = request.ids ? page.conversations.length : page.total;
    const result: QueryResult = { conversations: page.conversations, contacts: [...contacts.values()], total, next: page.next };
    // A first page also brings the sidebar's counts, for a client that holds only a window.
    return request.cursor === null && !request.ids ? { ...result, counts: this.#countsFor(state, user) } : result;
  }

  /** The sidebar's open counts (R15) for `actorId`, as a first page of a query brings them (at most a second old while the state changes). */
  countsFor(actorId: Id): Record<string, number> {
    const user = this.#state.users.get(actorId);
    if (!user?.active) throw new RefusedError({ code: 'forbidden', reason: `User ${actorId} may not query.` });
    return this.#countsFor(this.#state, user);
  }

  /**
   * A query's whole list for a user, kept per user and query (the most
   * recent QUERY_CACHE of them) and patched from the state it was made on
   * (model/query.ts patchList): windowed clients ask for pages of the same
   * few queries, and after a change it is a patch, not a query of every
   * conversation.
   */
  #listFor(state: InboxState, query: Query, user: User): readonly Conversation[] {
    const key = `${user.id}\n${JSON.stringify([query.view, query.tab, query.filters, query.search, query.sort])}`;
    const kept = this.#lists.get(key);
    let list = kept?.state === state && kept.user === user ? kept.list : null;
    const now = this.now();
    if (!list && kept && kept.user === user) list = patchList(kept.state, state, kept.list, query, user, now);
    list ??= runQuery(state, query, user, now);
    this.#lists.delete(key);
    this.#lists.set(key, { state, user, list });
    if (this.#lists.size > QUERY_CACHE) this.#lists.delete(this.#lists.keys().next().value!);
    return list;
  }

  /** The sidebar's counts for a user (R15), counted again at most once a second while the state changes. */
  #countsFor(state: InboxState, user: User): Record<string, number> {
    const kept = this.#counts.get(user.id);
    const now = this.now();
    if (kept && kept.user === user && (kept.state === state || now - kept.at < COUNTS_MAX_AGE_MS)) return kept.counts;
    const counts = Object.fromEntries(openCounts(state, user, now));
    this.#counts.set(user.id, { state, user, at: now, counts });
    return counts;
  }

  #peekTimeline(conversationId: Id): readonly TimelineItem[] {
    const held = this.#state.timelines.get(conversationId) ?? [];
    if (this.#materialized.has(conversationId)) return held;
    let merged = this.#timelineFor(conversationId);
    for (const item of held) merged = upsertTimelineItem(merged, item);
    return merged;
  }

  /** A conversation's whole timeline: the lazy demo history merged with what commands added. */
  timelineOf(conversationId: Id): readonly TimelineItem[] {
    this.#materialize(conversationId);
    return this.#state.timelines.get(conversationId) ?? [];
  }

  /** Rules that read a timeline (notes, calls) need it whole in state first. */
  #loadTimelineFor(command: Command): void {
    const args = command.args as { conversationId?: unknown };
    if (typeof args.conversationId === 'string') this.#materialize(args.conversationId);
  }

  #materialize(conversationId: Id): void {
    if (this.#materialized.has(conversationId) || !this.#state.conversations.has(conversationId)) return;
    this.#materialized.add(conversationId);
    const generated = this.#timelineFor(conversationId);
    if (generated.length === 0) return;
    let merged: readonly TimelineItem[] = generated;
    for (const item of this.#state.timelines.get(conversationId) ?? []) merged = upsertTimelineItem(merged, item);
    const timelines = new Map(this.#state.timelines);
    timelines.set(conversationId, merged);
    this.#state = { ...this.#state, timelines };
  }

  // ---- the log and R14 ----

  /**
   * A batch's log entries, numbered from the next seq, each with its
   * audience (R14). Changes nothing a rollback would need to undo.
   */
  #plan(before: InboxState, after: InboxState, events: readonly DomainEvent[]): LogEntry[] {
    // Everyone who may receive anything, with what they saw before this batch and see after it.
    const viewers: Viewer[] = [...after.users.values()]
      .filter((user) => user.active)
      .map((user) => {
        const old = before.users.get(user.id) ?? user;
        return {
          id: user.id,
          user,
          old,
          all: seesEverything(user) && seesEverything(old),
          saw: visibilityFilter(before, old),
          sees: visibilityFilter(after, user),
        };
      });
    const batchConversations = new Map<Id, Conversation>();
    const batchViews = new Map<Id, SavedView | null>();
    const everyone = this.#audience(viewers.map((v) => v.id));
    const entries: Omit<LogEntry, 'seq'>[] = [];
    const push = (event: DomainEvent, to: readonly Id[], gone: readonly Id[] = NOBODY) =>
      entries.push({
        event,
        to: this.#audience(to),
        gone: this.#audience(gone),
        goneEvent: gone.length === 0 ? null : deletionOf(event),
      });
    const ids = (list: Viewer[]) => list.map((v) => v.id);
    const whoSaw = (c: Conversation | undefined) => ids(viewers.filter((v) => v.all || (c !== undefined && v.saw(c))));
    const whoSees = (c: Conversation | undefined) => ids(viewers.filter((v) => v.all || (c !== undefined && v.sees(c))));

    for (const event of events) {
      switch (event.type) {
        case 'conversation.upserted': {
          const c = event.conversation;
          const old = batchConversations.get(c.id) ?? before.conversations.get(c.id);
          batchConversations.set(c.id, c);
          const to: Id[] = [];
          const gone: Id[] = [];
          const newcomers: Id[] = [];
          // A merge (mergeContacts) hands a conversation to another contact.
          const newContact = old !== undefined && old.contactId !== c.contactId;
          for (const v of viewers) {
            const sees = v.all || v.sees(c);
            const saw = old !== undefined && (v.all || v.saw(old));
            if (sees) to.push(v.id);
            else if (saw) gone.push(v.id);
            // R14: a conversation entering a restricted user's sight brings its contact.
            if (sees && (!saw || newContact) && !v.all) newcomers.push(v.id);
          }
          if (!old || newContact) this.#indexConversation(c);
          const contact = after.contacts.get(c.contactId);
          if (newcomers.length > 0 && contact) push({ type: 'contact.upserted', contact }, newcomers);
          push(event, to, gone);
          break;
        }
        case 'conversation.deleted': {
          const old = batchConversations.get(event.id) ?? before.conversations.get(event.id);
          push(event, whoSaw(old));
          break;
        }
        case 'timeline.upserted':
        case 'timeline.deleted': {
          const id = event.type === 'timeline.upserted' ? event.item.conversationId : event.conversationId;
          const c = after.conversations.get(id) ?? batchConversations.get(id) ?? before.conversations.get(id);
          push(event, whoSees(c));
          break;
        }
        case 'contact.upserted': {
          // R14: a contact reaches those who see one of its conversations.
          const theirs = this.#conversationsOf(event.contact.id, after).flatMap((id) => after.conversations.get(id) ?? []);
          push(event, ids(viewers.filter((v) => v.all || theirs.some((c) => v.sees(c)))));
          break;
        }
        case 'view.upserted':
        case 'view.deleted': {
          const id = event.type === 'view.upserted' ? event.view.id : event.id;
          const old = batchViews.has(id) ? (batchViews.get(id) ?? null) : (before.views.get(id) ?? null);
          const next = event.type === 'view.upserted' ? event.view : null;
          batchViews.set(id, next);
          // R14: a saved view reaches its owner and those it is shared with.
          const to = next ? ids(viewers.filter((v) => canSeeView(v.user, next))) : [];
          const gone = old ? ids(viewers.filter((v) => canSeeView(v.old, old) && !to.includes(v.id))) : [];
          if (next) push(event, to, gone);
          else push(event, gone);
          break;
        }
        default:
          push(event, everyone);
      }
    }
    entries.push(...this.#sightChanges(before, after, events, batchConversations));
    return entries.map((entry, i) => ({ ...entry, seq: this.#seq + 1 + i }));
  }

  /**
   * R14 when who-sees-what itself changes (a user's teams or visibility, a
   * team's members): the affected users get the conversations entering or
   * leaving their sight, as upserts and deletions. Rare, and O(conversations).
   */
  #sightChanges(
    before: InboxState,
    after: InboxState,
    events: readonly DomainEvent[],
    handled: ReadonlyMap<Id, Conversation>,
  ): Omit<LogEntry, 'seq'>[] {
    const changedTeams = new Set<Id>();
    const changedUsers = new Set<Id>();
    for (const event of events) {
      if (event.type === 'team.upserted') changedTeams.add(event.team.id);
      if (event.type === 'user.upserted') changedUsers.add(event.user.id);
    }
    if (changedTeams.size === 0 && changedUsers.size === 0) return [];
    const entries: Omit<LogEntry, 'seq'>[] = [];
    for (const user of after.users.values()) {
      const old = before.users.get(user.id);
      if (!user.active || !old || seesEverything(user) && seesEverything(old)) continue;
      const selfChanged =
        changedUsers.has(user.id) &&
        (old.role !== user.role || old.visibility !== user.visibility || old.teamIds.join() !== user.teamIds.join());
      const teamChanged = user.teamIds.some((t) => changedTeams.has(t)) || old.teamIds.some((t) => changedTeams.has(t));
      // A teammate leaving (deactivated) changes nothing here: their conversations are reassigned by events.
      if (!selfChanged && !teamChanged) continue;
      const saw = visibilityFilter(before, old);
      const sees = visibilityFilter(after, user);
      const to = this.#audience([user.id]);
      for (const c of after.conversations.values()) {
        if (handled.has(c.id)) continue;
        const prior = before.conversations.get(c.id);
        const was = prior !== undefined && saw(prior);
        const is = sees(c);
        if (is && !was) {
          const contact = after.contacts.get(c.contactId);
          if (contact) entries.push({ event: { type: 'contact.upserted', contact }, to, gone: NOBODY, goneEvent: null });
          entries.push({ event: { type: 'conversation.upserted', conversation: c }, to, gone: NOBODY, goneEvent: null });
        } else if (was && !is) {
          // The user gets the deletion (`gone`), while the event stays the conversation as it is: a replica that
          // folds the log into its state (applyRemote) must not delete a conversation that only left one user's sight.
          const upsert: DomainEvent = { type: 'conversation.upserted', conversation: c };
          entries.push({ event: upsert, to: NOBODY, gone: to, goneEvent: deletionOf(upsert) });
        }
      }
    }
    return entries;
  }

  /** A deactivated user's streams end (R10): they may no longer see anything. */
  #closeDeactivated(state: InboxState): void {
    for (const connection of [...this.#connections]) {
      if (state.users.get(connection.userId)?.active !== true) {
        this.#connections.delete(connection);
        connection.sink.complete();
      }
    }
  }

  #append(entry: LogEntry): void {
    this.#seq = entry.seq;
    this.#log[entry.seq % this.#logSize] = entry;
    for (const id of entry.to) this.#lastSeqFor.set(id, entry.seq);
    for (const id of entry.gone) this.#lastSeqFor.set(id, entry.seq);
    if (entry.to.length === 0 && entry.gone.length === 0) return;
    for (const connection of this.#connections) {
      const message = this.#messageFor(entry, connection.userId);
      if (message) connection.sink.next(message);
    }
  }

  #messageFor(entry: LogEntry, userId: Id): ServerMessage | null {
    if (entry.to.includes(userId)) return { kind: 'event', seq: entry.seq, event: entry.event };
    if (entry.goneEvent && entry.gone.includes(userId)) return { kind: 'event', seq: entry.seq, event: entry.goneEvent };
    return null;
  }

  /** Interned audience lists: thousands of log entries share a handful of arrays. */
  #audience(ids: readonly Id[]): readonly Id[] {
    if (ids.length === 0) return NOBODY;
    const key = ids.join('\n');
    let interned = this.#audiences.get(key);
    if (!interned) {
      interned = Object.freeze([...ids]);
      this.#audiences.set(key, interned);
    }
    return interned;
  }

  #conversationsOf(contactId: Id, state: InboxState): readonly Id[] {
    if (!this.#byContact) {
      this.#byContact = new Map();
      for (const c of state.conversations.values()) this.#indexConversation(c);
    }
    return this.#byContact.get(contactId) ?? NOBODY;
  }

  #indexConversation(c: Conversation): void {
    if (!this.#byContact) return;
    const ids = this.#byContact.get(c.contactId);
    if (!ids) this.#byContact.set(c.contactId, [c.id]);
    else if (!ids.includes(c.id)) ids.push(c.id);
  }

  // ---- simulated live traffic ----

  /**
   * Plays the outside world and the other agents: inbound messages (in
   * English, French and Spanish) on existing and new conversations, inbound
   * calls, and colleagues marking done, assigning, replying and labelling.
   * Everything goes through the same commands and rules as a person's.
   */
  startTraffic(options: TrafficOptions): void {
    this.stopTraffic();
    const rate = Math.max(0, options.ratePerSecond);
    const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : TRAFFIC_KINDS;
    if (rate === 0) return;
    const rng = mulberry32(0x5eed ^ this.#seq ^ this.#counter);
    const ids = [...this.#state.conversations.keys()];
    const started = performance.now();
    let issued = 0;
    // Calls left ringing by an earlier run (a restored database) hang up too.
    for (const timeline of this.#state.timelines.values()) {
      for (const item of timeline) {
        if (item.type === 'call' && item.state === 'ringing' && item.direction === 'in') {
          this.#ringing.push({ conversationId: item.conversationId, itemId: item.id, since: item.at });
        }
      }
    }
    this.#ringing.sort((a, b) => a.since - b.since);
    const period = Math.max(20, Math.min(250, 1000 / rate));
    const timer = setInterval(() => {
      this.#hangUpUnanswered();
      const due = Math.floor(((performance.now() - started) * rate) / 1000) - issued;
      for (let n = 0; n < Math.min(due, 1000); n++) {
        issued++;
        this.stats.traffic++;
        const kind = kinds[Math.floor(rng() * kinds.length)];
        if (kind) this.#trafficStep(kind, rng, ids);
      }
      if (due > 1000) issued += due - 1000;
    }, period);
    this.#traffic = { timer, stop: () => clearInterval(timer) };
  }

  /** The simulated callers: who rings, since when. */
  readonly #ringing: { conversationId: Id; itemId: Id; since: number }[] = [];

  /**
   * A simulated caller hangs up after TRAFFIC_RING_MS unanswered: the call
   * becomes missed (endCall from the outside world), as a phone line's would,
   * instead of ringing for ever in every agent's incoming calls.
   */
  #hangUpUnanswered(): void {
    const now = this.now();
    while (this.#ringing.length > 0 && now - this.#ringing[0]!.since >= TRAFFIC_RING_MS) {
      const { conversationId, itemId } = this.#ringing.shift()!;
      const call = this.#state.timelines.get(conversationId)?.find((item) => item.id === itemId);
      if (call?.type === 'call' && call.state === 'ringing') {
        this.inject({ id: this.#nextId('hangup'), type: 'endCall', args: { conversationId, itemId, duration: 0 } });
      }
    }
  }

  stopTraffic(): void {
    this.#traffic?.stop();
    this.#traffic = null;
  }

  get trafficRunning(): boolean {
    return this.#traffic !== null;
  }

  #trafficStep(kind: TrafficKind, rng: () => number, ids: Id[]): void {
    const state = this.#state;
    const anyConversation = (): Conversation | undefined => {
      for (let tries = 0; tries < 8 && ids.length > 0; tries++) {
        const c = state.conversations.get(ids[Math.floor(rng() * ids.length)] ?? '');
        if (c) return c;
      }
      return undefined;
    };
    const langOf = (contact: Contact | undefined) =>
      contact?.language === 'fr' || contact?.language === 'es' ? contact.language : 'en';
    switch (kind) {
      case 'message': {
        const c = anyConversation();
        if (!c || c.trashedAt !== null) return;
        const contact = state.contacts.get(c.contactId);
        const channel = state.channels.get(c.channelId);
        if (!contact || !channel || channel.kind === 'call') return;
        this.inject({
          id: this.#nextId('live'), type: 'receiveMessage',
          args: { conversationId: c.id, itemId: this.#nextId('live-msg'), contactId: contact.id, channelId: channel.id,
            body: demoInboundText(langOf(contact), rng() * 1000) },
        });
        return;
      }
      case 'conversation':
      case 'call': {
        // Calls are rarer than messages: one step in three rings.
        if (kind === 'call' && rng() < 2 / 3) return;
        const c = anyConversation();
        const contact = c && state.contacts.get(c.contactId);
        if (!contact || contact.blocked) return;
        const channels = [...state.channels.values()].filter((ch) => (kind === 'call') === (ch.kind === 'call'));
        const channel = channels[Math.floor(rng() * channels.length)];
        if (!channel) return;
        const conversationId = this.#nextId('c-live');
        ids.push(conversationId);
        if (kind === 'call') {
          const itemId = this.#nextId('live-call');
          this.inject({ id: this.#nextId('live'), type: 'receiveCall',
            args: { conversationId, itemId, contactId: contact.id, channelId: channel.id, direction: 'in' } });
          this.#ringing.push({ conversationId, itemId, since: this.now() });
        } else {
          const body = demoInboundText(langOf(contact), rng() * 1000);
          this.inject({ id: this.#nextId('live'), type: 'receiveMessage',
            args: { conversationId, itemId: this.#nextId('live-msg'), contactId: contact.id, channelId: channel.id, body,
              ...(channel.kind === 'email' ? { subject: body.slice(0, 60) } : {}) } });
        }
        return;
      }
      case 'agent': {
        // Colleagues who see everything, so that R14 never refuses them.
        const agents = [...state.users.values()].filter((u) => u.active && u.role === 'agent' && seesEverything(u));
        const agent = agents[Math.floor(rng() * agents.length)];
        const c = anyConversation();
        if (!agent || !c || c.status !== 'open' || c.spam || c.trashedAt !== null) return;
        const r = rng();
        const id = this.#nextId('live');
        if (r < 0.3) this.send({ id, type: 'markDone', args: { ids: [c.id] } }, agent.id);
        else if (r < 0.5) this.send({ id, type: 'assign', args: { ids: [c.id], assignee: { type: 'user', id: agent.id } } }, agent.id);
        else if (r < 0.8) {
          const contact = state.contacts.get(c.contactId);
          this.send({ id, type: 'reply', args: { conversationId: c.id, itemId: this.#nextId('live-reply'),
            body: demoReplyText(langOf(contact), rng() * 1000) } }, agent.id);
        } else {
          this.send({ id, type: 'addLabels', args: { ids: [c.id], labels: [rng() < 0.5 ? 'followup' : 'billing'] } }, agent.id);
        }
        return;
      }
    }
  }
}

/** A sentence naming what is wrong; an unknown type said plainly rather than as the list of known ones. */
function malformedReason(command: unknown, message: string): string {
  const type = typeof command === 'object' && command !== null ? (command as { type?: unknown }).type : undefined;
  if (typeof type === 'string' && !Object.hasOwn(COMMAND_ARG_SCHEMAS, type)) {
    return `Unknown command type "${type.slice(0, 100)}".`;
  }
  return message.slice(0, 1000);
}

/** The deletion that tells a client an entity left its sight. */
function deletionOf(event: DomainEvent): DomainEvent | null {
  if (event.type === 'conversation.upserted') return { type: 'conversation.deleted', id: event.conversation.id };
  if (event.type === 'view.upserted') return { type: 'view.deleted', id: event.view.id };
  return null;
}

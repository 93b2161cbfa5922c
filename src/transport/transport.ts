import type { Observable } from 'rxjs';
import type { Command } from '../model/commands.js';
import type { DomainEvent, Refusal } from '../model/events.js';
import type { Id, Snapshot, TimelineItem } from '../model/types.js';

/**
 * The contract between an InboxStore and a backend. Kept to four methods
 * (Automerge Repo's adapters are the model): state lives in the store, so
 * a transport only carries messages. Everything a transport hands over is
 * typed `unknown` on purpose: the store validates every message
 * (src/transport/protocol.ts) before it reaches the state.
 */
export interface Transport {
  /**
   * Opens the live stream for one user. Without `since` (or when the
   * backend can no longer resume from it) the first message is a
   * `snapshot`; then `event` messages follow with strictly increasing
   * `seq`. With `since`, a backend that still holds the events after it
   * sends only those. Unsubscribing drops the connection.
   */
  connect(request: ConnectRequest): Observable<unknown>;
  /**
   * Sends one command as `actorId`. Resolves to a CommandAck (as unknown).
   * Idempotent by `command.id` (ids are scoped per actor): sent twice,
   * applied once, same answer. Rejects only when the backend cannot be
   * reached or asks to be tried later; the rejection may carry
   * `retryAfterMs` (a rate limit's wait), and the store resends no sooner.
   */
  send(command: Command, actorId: Id): Promise<unknown>;
  /** A page of a conversation's timeline, newest last, older than `before`. */
  timeline(request: TimelineRequest, actorId: Id): Promise<unknown>;
  /** Optional server-side query for data sets larger than the client holds. */
  query?(request: QueryRequest, actorId: Id): Promise<unknown>;
  /**
   * Optional: tells the other agents what `actorId` is viewing
   * (`conversationId`, or null) and whether they are typing (R17). Others
   * receive it as a `presence` message on their stream.
   */
  presence?(conversationId: Id | null, typing: boolean, actorId: Id): Promise<void>;
  /**
   * Optional: stores a file and resolves to an Attachment (as unknown) that a
   * `reply` command may carry. Without it, a composer offers no attachments.
   */
  upload?(file: File, actorId: Id): Promise<unknown>;
}

export interface ConnectRequest {
  readonly userId: Id;
  /** The last sequence number this client has applied. */
  readonly since?: number | undefined;
  /**
   * Called when the backend has accepted the stream, for transports that can
   * tell (HttpTransport: the 200 answer). A resumed stream with nothing
   * missed carries no message, and this is how a store learns it is live
   * again and resends what went unanswered. Optional on both sides.
   */
  readonly onOpen?: (() => void) | undefined;
}

export interface TimelineRequest {
  readonly conversationId: Id;
  /** Item id: the page ends just before it. Absent: the newest page. */
  readonly before?: Id | undefined;
  readonly limit: number;
}

export interface QueryRequest {
  readonly view: string;
  readonly tab: string;
  readonly search: string;
  readonly offset: number;
  readonly limit: number;
}

/** Messages on the live stream. */
export type ServerMessage =
  | { readonly kind: 'snapshot'; readonly seq: number; readonly snapshot: Snapshot }
  | { readonly kind: 'event'; readonly seq: number; readonly event: DomainEvent }
  | { readonly kind: 'presence'; readonly presence: Presence };

/** Who else is viewing or typing in a conversation (R17). Not sequenced. */
export interface Presence {
  readonly userId: Id;
  readonly conversationId: Id | null;
  readonly typing: boolean;
  readonly at: number;
}

export type CommandAck =
  | { readonly commandId: Id; readonly ok: true; readonly seq: number }
  | { readonly commandId: Id; readonly ok: false; readonly refusal: Refusal };

export interface TimelinePage {
  readonly conversationId: Id;
  readonly items: readonly TimelineItem[];
  /** True when older items remain. */
  readonly hasMore: boolean;
}

export interface QueryResult {
  readonly ids: readonly Id[];
  readonly total: number;
}

import type { Observable } from 'rxjs';
import type { Command } from '../model/commands.js';
import type { Id } from '../model/types.js';
import type { QueryRequest, StatsRequest, StreamRequest, TimelineRequest } from '../protocol/wire.js';

export type {
  CommandAck,
  Presence,
  QueryRequest,
  QueryResult,
  ServerMessage,
  StatsRequest,
  StreamRequest,
  TeamStats,
  TimelinePage,
  TimelineRequest,
} from '../protocol/wire.js';

/**
 * The contract between an InboxStore and a backend. Kept to four methods
 * (Automerge Repo's adapters are the model): state lives in the store, so
 * a transport only carries messages. Everything a transport hands over is
 * typed `unknown` on purpose: the store validates every message
 * (src/protocol/protocol.ts) before it reaches the state.
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
  /**
   * Optional: a query answered a page at a time by the backend, over what
   * `actorId` may see (issue 13: the first step of a store that holds a
   * window; model/query-page.ts). Resolves to a QueryResult, as unknown: the
   * caller checks it (protocol.ts, parseQueryResult); rejects for a malformed
   * request or a cursor the backend did not give. No store calls it yet.
   */
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
  /**
   * Optional: team stats (R28, model/stats.ts) for a range, counted by the
   * backend over the conversations `actorId` may see (R14), so that a long
   * range never needs every timeline in the page. Resolves to TeamStats (as
   * unknown); rejects with a refusal's reason for a request it cannot answer.
   * Without it, `<inbox-stats>` says the stats are not available.
   */
  teamStats?(request: StatsRequest, actorId: Id): Promise<unknown>;
}

export interface ConnectRequest extends StreamRequest {
  /**
   * Called when the backend has accepted the stream, for transports that can
   * tell (HttpTransport: the 200 answer). A resumed stream with nothing
   * missed carries no message, and this is how a store learns it is live
   * again and resends what went unanswered. Optional on both sides.
   */
  readonly onOpen?: (() => void) | undefined;
}

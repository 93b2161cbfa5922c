import type { DomainEvent, Refusal } from '../model/events.js';
import type { Query } from '../model/query.js';
import type { Contact, Conversation, Id, Snapshot, TimelineItem } from '../model/types.js';

/** Team stats (R28): what is asked and what is answered (stats-schema.ts checks the answer). */
export type { StatsRequest, TeamStats } from '../model/stats.js';

/**
 * The wire's shapes, shared by both sides: what a backend sends on a user's
 * stream and answers to a command, a timeline page or a query, and what it is
 * asked. protocol.ts checks each of them at run time; the Transport contract
 * (transport/transport.ts), MemoryBackend (backend/) and the reference server
 * speak them.
 */

/** A user's live stream, from the start or resumed after `since`. */
export interface StreamRequest {
  readonly userId: Id;
  /** The last sequence number this client has applied. */
  readonly since?: number | undefined;
  /**
   * The history `since` counts in: the `epoch` of the snapshot the client
   * started from. A backend whose history is another (a database made anew,
   * a log another) answers a snapshot rather than events that would not
   * follow on from what the client holds.
   */
  readonly epoch?: string | undefined;
}

export interface TimelineRequest {
  readonly conversationId: Id;
  /** Item id: the page ends just before it. Absent: the newest page. */
  readonly before?: Id | undefined;
  readonly limit: number;
}

/**
 * A query answered a page at a time (issue 13; model/query-page.ts): the
 * view, tab, filters, search and order, the cursor the last page ended at
 * (null: the first page) and how many rows at most (1 to 500).
 */
export interface QueryRequest {
  readonly query: Query;
  readonly cursor: string | null;
  readonly limit: number;
  /**
   * Instead of the query's rows: these conversations (1 to 100), those the
   * caller may see (R14), whatever the view, tab, filters and search, in
   * the query's order, on one page. What a client that holds a window needs
   * to open a conversation it does not hold (a link, a reload).
   */
  readonly ids?: readonly Id[] | undefined;
}

/** Messages on the live stream. */
export type ServerMessage =
  | {
      readonly kind: 'snapshot';
      readonly seq: number;
      readonly snapshot: Snapshot;
      /**
       * True when the backend holds more conversations for this user than it
       * hands over at once (issue 13): the snapshot brings no conversations or
       * contacts, and the client asks for its list a page at a time (query).
       */
      readonly windowed?: boolean | undefined;
      /** The backend's history this snapshot and the events after it count in (a resume names it). */
      readonly epoch?: string | undefined;
    }
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

/** A page of a query: its conversations in order, their contacts, the match's size now, the next cursor (null: the last page). */
export interface QueryResult {
  readonly conversations: readonly Conversation[];
  /** The contacts of those conversations, so that a client that holds only a window can draw its rows. */
  readonly contacts: readonly Contact[];
  readonly total: number;
  readonly next: string | null;
  /** On a first page (no cursor): the open counts of the sidebar's views (R15), by view id. */
  readonly counts?: Readonly<Record<string, number>> | undefined;
}

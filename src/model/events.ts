import type {
  Bot,
  Channel,
  Contact,
  Conversation,
  Id,
  SavedView,
  Team,
  TimelineItem,
  User,
} from './types.js';

/**
 * Domain events: what happened, as the entities' new values. `decide()`
 * holds the rules and emits these; `reduce()` only stores them, so a client
 * that receives the backend's events ends up with exactly the backend's
 * state, and R14 filtering on the way out is a filter over whole entities.
 */
export type DomainEvent =
  | { readonly type: 'conversation.upserted'; readonly conversation: Conversation }
  | { readonly type: 'conversation.deleted'; readonly id: Id }
  | { readonly type: 'contact.upserted'; readonly contact: Contact }
  /** A contact merged into another (mergeContacts). */
  | { readonly type: 'contact.deleted'; readonly id: Id }
  | { readonly type: 'user.upserted'; readonly user: User }
  | { readonly type: 'team.upserted'; readonly team: Team }
  | { readonly type: 'bot.upserted'; readonly bot: Bot }
  | { readonly type: 'channel.upserted'; readonly channel: Channel }
  | { readonly type: 'view.upserted'; readonly view: SavedView }
  | { readonly type: 'view.deleted'; readonly id: Id }
  | { readonly type: 'timeline.upserted'; readonly item: TimelineItem }
  | { readonly type: 'timeline.deleted'; readonly conversationId: Id; readonly id: Id };

export type DomainEventType = DomainEvent['type'];

/** A refusal of a command: a stable code for programs, a sentence for people. */
export interface Refusal {
  readonly code:
    | 'not-found'
    | 'forbidden'
    | 'invalid'
    | 'too-early'
    | 'conflict';
  readonly reason: string;
}

export type Decision =
  | { readonly ok: true; readonly events: readonly DomainEvent[] }
  | { readonly ok: false; readonly refusal: Refusal };

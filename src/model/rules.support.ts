/**
 * The small vocabulary the rules are written in: refusals, conversation
 * changes that bump the version once, generated history items, and the
 * look-ups that enforce R14 without leaking what an actor may not see.
 */
import type { Command, CommandArgs, CommandType } from './commands.js';
import type { Decision, DomainEvent, Refusal } from './events.js';
import { canSeeContact, visibilityFilter } from './permissions.js';
import type {
  Assignee,
  Contact,
  Conversation,
  EventItem,
  EventKind,
  Id,
  InboxState,
  RuleContext,
  TimelineItem,
  User,
} from './types.js';

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** What every rule receives. `actor` is already known to exist and be active; null is the system. */
export interface RuleInput<K extends CommandType = CommandType> {
  readonly state: InboxState;
  readonly command: Command<K>;
  readonly ctx: RuleContext;
  readonly actor: User | null;
}

export type Rule<K extends CommandType> = (input: RuleInput<K>) => Decision;

/**
 * A rule only a person can follow: it records an author or acts for the
 * actor. The system (actor null) is refused.
 */
export function byPerson<K extends CommandType>(
  rule: (input: RuleInput<K>, actor: User) => Decision,
): Rule<K> {
  return (input) => (input.actor ? rule(input, input.actor) : refuse('forbidden', 'This needs a person to do it.'));
}

export type Refused = Extract<Decision, { ok: false }>;

export function refuse(code: Refusal['code'], reason: string): Refused {
  return { ok: false, refusal: { code, reason } };
}

export function accept(events: readonly DomainEvent[]): Decision {
  return { ok: true, events };
}

export function isRefused(value: unknown): value is Refused {
  return typeof value === 'object' && value !== null && 'refusal' in value;
}

export type ConversationPatch = { -readonly [K in keyof Conversation]?: Conversation[K] };

/** A history entry a change leaves in the timeline. */
export interface EventNote {
  readonly kind: EventKind;
  readonly detail?: string | undefined;
}

/** What a rule does to one conversation. */
export interface Change {
  readonly patch: ConversationPatch;
  readonly notes?: readonly EventNote[];
}

/** Structural equality for the plain data entities are made of. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

export function changes(before: Conversation, patch: ConversationPatch): boolean {
  return (Object.keys(patch) as (keyof Conversation)[]).some((key) => !same(before[key], patch[key]));
}

/**
 * A generated history item. Its id derives from the command id so that the
 * client's optimistic copy and the backend's agree item for item.
 */
export function eventItem(input: RuleInput, conversationId: Id, note: EventNote): EventItem {
  const item: EventItem = {
    type: 'event',
    id: `${input.command.id}:${conversationId}:ev:${note.kind}`,
    conversationId,
    at: input.ctx.now,
    kind: note.kind,
    actorId: input.ctx.actorId,
  };
  return note.detail === undefined ? item : { ...item, detail: note.detail };
}

export function timelineEvent(item: TimelineItem): DomainEvent {
  return { type: 'timeline.upserted', item };
}

/**
 * The events of one change: the conversation with its version bumped once,
 * then its history items. Nothing when nothing changes, so a repeated
 * command is a harmless no-op.
 */
export function changeConversation(
  input: RuleInput,
  before: Conversation,
  change: Change,
): DomainEvent[] {
  if (!changes(before, change.patch)) return [];
  const conversation: Conversation = { ...before, ...change.patch, version: before.version + 1 };
  const notes = change.notes ?? [];
  return [
    { type: 'conversation.upserted', conversation },
    ...notes.map((note) => timelineEvent(eventItem(input, before.id, note))),
  ];
}

type IdsCommandType = {
  [K in CommandType]: CommandArgs[K] extends { ids: readonly Id[] } ? K : never;
}[CommandType];

/**
 * The conversations a command names, each visible to the actor (R14). An
 * invisible one is reported exactly like a missing one, so that refusals
 * never reveal what exists.
 */
export function findConversations(input: RuleInput, ids: unknown): Conversation[] | Refused {
  if (!Array.isArray(ids) || ids.length === 0) {
    return refuse('invalid', 'Choose at least one conversation.');
  }
  const visible = input.actor ? visibilityFilter(input.state, input.actor) : () => true;
  const found: Conversation[] = [];
  for (const id of new Set(ids as Id[])) {
    const conversation = input.state.conversations.get(id);
    if (!conversation || !visible(conversation)) return notFound(id);
    found.push(conversation);
  }
  return found;
}

export function findConversation(input: RuleInput, id: Id): Conversation | Refused {
  const found = findConversations(input, [id]);
  return isRefused(found) ? found : (found[0] ?? notFound(id));
}

export function notFound(conversationId: Id): Refused {
  return refuse('not-found', `Conversation ${conversationId} was not found.`);
}

/** R14: a contact the actor may not see is answered exactly as one that does not exist. */
export function findContact(input: RuleInput, contactId: Id): Contact | Refused {
  const contact = input.state.contacts.get(contactId);
  if (!contact || (input.actor && !canSeeContact(input.state, input.actor, contact))) {
    return refuse('not-found', `Contact ${contactId} was not found.`);
  }
  return contact;
}

/**
 * Runs `step` on every conversation a bulk command names. All or nothing:
 * the first refusal refuses the whole command.
 */
export function bulk(
  input: RuleInput<IdsCommandType>,
  step: (conversation: Conversation) => Change | Refused,
): Decision {
  const found = findConversations(input, input.command.args.ids);
  if (isRefused(found)) return found;
  const events: DomainEvent[] = [];
  for (const conversation of found) {
    const change = step(conversation);
    if (isRefused(change)) return change;
    events.push(...changeConversation(input, conversation, change));
  }
  return accept(events);
}

/** The assignee as filters spell it: 'unassigned', 'user:<id>', 'bot:<id>'. */
export function assigneeKey(assignee: Assignee | null): string {
  return assignee ? `${assignee.type}:${assignee.id}` : 'unassigned';
}

export function without(ids: readonly Id[], id: Id | null): readonly Id[] {
  return id !== null && ids.includes(id) ? ids.filter((other) => other !== id) : ids;
}

export function isBlank(text: unknown): boolean {
  return typeof text !== 'string' || text.trim() === '';
}

/** A list preview of a message body: one line, short. */
export function preview(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

/** The item of a loaded timeline, when it is of the wanted type. */
export function findItem<T extends TimelineItem['type']>(
  state: InboxState,
  conversationId: Id,
  itemId: Id,
  type: T,
): Extract<TimelineItem, { type: T }> | undefined {
  const item = state.timelines.get(conversationId)?.find((candidate) => candidate.id === itemId);
  return item?.type === type ? (item as Extract<TimelineItem, { type: T }>) : undefined;
}

/** Owners, managers and the system (null) manage people. */
export function isManager(user: User | null): boolean {
  return user === null || user.role !== 'agent';
}

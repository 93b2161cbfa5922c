/**
 * The wire protocol's schemas (valibot). Every message a transport hands to
 * the store passes `parseServerMessage` first; backends check incoming
 * commands with `parseCommand`, in command-schema.ts: apart, so that a client,
 * which only sends commands, does not carry their schemas. The same schemas
 * export to JSON Schema for docs/protocol.md and the reference server, so
 * both sides check one definition. Type-level checks at the bottom keep them
 * equal to model/.
 */
import * as v from 'valibot';
import type { DomainEvent } from '../model/events.js';
import {
  AVAILABILITIES,
  AWAITING,
  CALL_STATES,
  CHANNEL_KINDS,
  DELIVERY_STATUSES,
  DIRECTIONS,
  EVENT_KINDS,
  PRIORITIES,
  ROLES,
  STATUSES,
  VISIBILITIES,
  type Conversation,
  type Settings,
  type SavedView,
  type Snapshot,
  type TimelineItem,
  type User,
  type Contact,
  type Attachment,
} from '../model/types.js';
import { loader, type Loader } from './loading.js';
import { ProtocolError } from './protocol-error.js';
import type { CommandAck, Presence, QueryResult, ServerMessage, TimelinePage } from './wire.js';

export { ProtocolError };

export const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
export const Time = v.pipe(v.number(), v.finite());
export const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
export const Ids = v.array(Id);
const Text = v.pipe(v.string(), v.maxLength(100_000));
export const ShortText = v.pipe(v.string(), v.maxLength(1000));
/** Keys that would reach an object's prototype when copied (`__proto__`, `constructor`, `prototype`). */
export const UNSAFE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
const FreeKey = v.pipe(v.string(), v.maxLength(200));
/**
 * A free-form map (a contact's attributes, custom fields): keys of at most
 * 200 characters, none of the unsafe ones. valibot's record() skips those
 * keys silently rather than refusing them, so the raw object is checked first.
 */
export const freeMap = <T extends v.GenericSchema>(value: T) => {
  const record = v.record(FreeKey, value);
  FREE_MAPS.add(record);
  return v.pipe(
    v.custom<Record<string, unknown>>(
      (input) => typeof input === 'object' && input !== null && !Array.isArray(input) && !Object.keys(input).some((key) => UNSAFE_KEYS.includes(key)),
      'a map here is an object (not an array) whose keys are not "__proto__", "constructor" or "prototype"',
    ),
    record,
  );
};
/** The free maps' records: json-schemas.ts says their keys may not be the unsafe ones. */
export const FREE_MAPS = new WeakSet<object>();
export const opt = <T extends v.GenericSchema>(schema: T) => v.optional(schema);

export const UserSchema = v.object({
  id: Id,
  name: ShortText,
  avatar: opt(ShortText),
  role: v.picklist(ROLES),
  visibility: v.picklist(VISIBILITIES),
  teamIds: Ids,
  active: v.boolean(),
  availability: v.picklist(AVAILABILITIES),
  awayReason: opt(ShortText),
  canSeeBlocked: opt(v.boolean()),
});

export const BotSchema = v.object({ id: Id, name: ShortText });
export const TeamSchema = v.object({ id: Id, name: ShortText, memberIds: Ids });
export const ChannelSchema = v.object({
  id: Id,
  kind: v.picklist(CHANNEL_KINDS),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
  address: ShortText,
  outbound: opt(v.boolean()),
});

export const ContactSchema = v.object({
  id: Id,
  name: ShortText,
  phones: v.array(ShortText),
  emails: v.array(ShortText),
  company: opt(ShortText),
  country: opt(ShortText),
  language: opt(ShortText),
  attributes: freeMap(ShortText),
  tags: v.array(ShortText),
  notes: opt(Text),
  blocked: v.boolean(),
  ownerId: v.nullish(Id),
});

export const AssigneeSchema = v.variant('type', [
  v.object({ type: v.literal('user'), id: Id }),
  v.object({ type: v.literal('bot'), id: Id }),
]);

const CustomValueSchema = v.union([ShortText, v.number(), v.boolean()]);

export const ConversationSchema = v.object({
  id: Id,
  channelId: Id,
  contactId: Id,
  participants: Count,
  subject: ShortText,
  status: v.picklist(STATUSES),
  unread: v.boolean(),
  awaiting: v.picklist(AWAITING),
  assignee: v.nullable(AssigneeSchema),
  teamId: v.nullable(Id),
  labels: v.array(ShortText),
  priority: v.picklist(PRIORITIES),
  pinned: v.boolean(),
  snoozedUntil: v.nullable(v.union([Time, v.literal('next-message')])),
  mentions: Ids,
  mentionsUnread: Ids,
  spam: v.boolean(),
  trashedAt: v.nullable(Time),
  sent: v.boolean(),
  humanOwned: v.boolean(),
  lastMessage: v.nullable(
    v.object({
      preview: Text,
      at: Time,
      direction: v.picklist(DIRECTIONS),
      kind: v.picklist(CHANNEL_KINDS),
      call: opt(v.object({ itemId: Id, state: v.picklist(CALL_STATES), duration: Count, recording: v.boolean() })),
    }),
  ),
  lastInboundAt: v.nullable(Time),
  awaitingSince: Time,
  createdAt: Time,
  doneAt: v.nullable(Time),
  custom: freeMap(CustomValueSchema),
  version: Count,
});

const SharedWithSchema = v.object({ everyone: v.boolean(), userIds: Ids, teamIds: Ids });

const FiltersSchema = v.object({
  statuses: opt(v.array(v.picklist(STATUSES))),
  channelKinds: opt(v.array(v.picklist(CHANNEL_KINDS))),
  channelIds: opt(Ids),
  contactIds: opt(Ids),
  assignees: opt(v.array(ShortText)),
  includeDeactivated: opt(v.boolean()),
  teamIds: opt(Ids),
  from: opt(Time),
  to: opt(Time),
  labels: opt(v.array(ShortText)),
  priorities: opt(v.array(v.picklist(PRIORITIES))),
  companies: opt(v.array(ShortText)),
  custom: opt(freeMap(CustomValueSchema)),
  hideSpam: opt(v.boolean()),
  hideTrash: opt(v.boolean()),
});

export const SavedViewSchema = v.object({
  id: Id,
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
  ownerId: Id,
  sharedWith: SharedWithSchema,
  filters: FiltersSchema,
  search: ShortText,
});

export const SettingsSchema = v.object({
  doneWindowDays: v.pipe(Count, v.minValue(1)),
  trashRetentionDays: v.pipe(Count, v.minValue(1)),
  roleAddresses: v.array(ShortText),
  botCloseMinutes: Count,
  routing: v.boolean(),
  awayReasons: v.array(ShortText),
});

export const AttachmentSchema = v.object({
  id: Id,
  name: ShortText,
  mime: ShortText,
  size: Count,
  url: ShortText,
});

const base = { id: Id, conversationId: Id, at: Time };
export const TimelineItemSchema = v.variant('type', [
  v.object({
    ...base,
    type: v.literal('message'),
    direction: v.picklist(DIRECTIONS),
    channelKind: v.picklist(CHANNEL_KINDS),
    senderId: Id,
    body: Text,
    html: opt(v.pipe(v.string(), v.maxLength(1_000_000))),
    attachments: v.array(AttachmentSchema),
    delivery: opt(v.object({ status: v.picklist(DELIVERY_STATUSES), at: Time, reason: opt(ShortText) })),
  }),
  v.object({
    ...base,
    type: v.literal('call'),
    direction: v.picklist(DIRECTIONS),
    state: v.picklist(CALL_STATES),
    duration: Count,
    agentId: v.nullable(Id),
    recording: v.boolean(),
    answeredAt: opt(Time),
  }),
  v.object({ ...base, type: v.literal('comment'), authorId: Id, body: Text, mentions: Ids }),
  v.object({
    ...base,
    type: v.literal('note'),
    messageId: Id,
    authorId: Id,
    body: Text,
    editedAt: v.nullable(Time),
  }),
  v.object({
    ...base,
    type: v.literal('event'),
    kind: v.picklist(EVENT_KINDS),
    actorId: v.nullable(Id),
    detail: opt(ShortText),
  }),
]);

export const DomainEventSchema = v.variant('type', [
  v.object({ type: v.literal('conversation.upserted'), conversation: ConversationSchema }),
  v.object({ type: v.literal('conversation.deleted'), id: Id }),
  v.object({ type: v.literal('contact.upserted'), contact: ContactSchema }),
  v.object({ type: v.literal('contact.deleted'), id: Id }),
  v.object({ type: v.literal('user.upserted'), user: UserSchema }),
  v.object({ type: v.literal('team.upserted'), team: TeamSchema }),
  v.object({ type: v.literal('bot.upserted'), bot: BotSchema }),
  v.object({ type: v.literal('channel.upserted'), channel: ChannelSchema }),
  v.object({ type: v.literal('view.upserted'), view: SavedViewSchema }),
  v.object({ type: v.literal('view.deleted'), id: Id }),
  v.object({ type: v.literal('timeline.upserted'), item: TimelineItemSchema }),
  v.object({ type: v.literal('timeline.deleted'), conversationId: Id, id: Id }),
]);

export const SnapshotSchema = v.object({
  users: v.array(UserSchema),
  bots: v.array(BotSchema),
  teams: v.array(TeamSchema),
  channels: v.array(ChannelSchema),
  contacts: v.array(ContactSchema),
  conversations: v.array(ConversationSchema),
  views: v.array(SavedViewSchema),
  settings: SettingsSchema,
});

const Seq = Count;
export const PresenceSchema = v.object({
  userId: Id,
  conversationId: v.nullable(Id),
  typing: v.boolean(),
  at: Time,
});

/** The live stream's messages, except snapshots (checked in parts, see below). */
const StreamMessageSchema = v.variant('kind', [
  v.object({ kind: v.literal('event'), seq: Seq, event: DomainEventSchema }),
  v.object({ kind: v.literal('presence'), presence: PresenceSchema }),
]);

const RefusalSchema = v.object({
  code: v.picklist(['not-found', 'forbidden', 'invalid', 'too-early', 'conflict']),
  reason: ShortText,
});

export const CommandAckSchema = v.variant('ok', [
  v.object({ commandId: Id, ok: v.literal(true), seq: Seq }),
  v.object({ commandId: Id, ok: v.literal(false), refusal: RefusalSchema }),
]);

export const TimelinePageSchema = v.object({
  conversationId: Id,
  items: v.array(TimelineItemSchema),
  hasMore: v.boolean(),
});

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

function describe(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.slice(0, 5).map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/**
 * Checks `input` against `schema` and hands back the INPUT itself, not a
 * copy: entities from an in-page backend stay shared, which is what keeps
 * 100,000 conversations within the heap budget.
 */
export function check<T>(schema: v.GenericSchema, input: unknown, what: string): Parsed<T> {
  const result = v.safeParse(schema, input, { abortEarly: false });
  if (result.success) return { ok: true, value: input as T };
  return { ok: false, error: new ProtocolError(what, describe(result.issues)) };
}

/**
 * A snapshot's contacts and conversations checked by compiled code
 * (compiled-checks.ts, generated from the JSON Schemas, about seven times
 * faster than valibot): the store loads it for a snapshot that brings more
 * than COMPILED_CHECKS_FROM of them.
 */
export interface CompiledChecks {
  readonly Contact: (input: unknown) => boolean;
  readonly Conversation: (input: unknown) => boolean;
}

/** From how many contacts and conversations a snapshot is worth loading the compiled checks for (about 5 kB gzip). */
export const COMPILED_CHECKS_FROM = 4_000;

/**
 * The compiled checks, loaded on demand (their own chunk, about 5 kB gzip)
 * by `beforeParsing`, for the first big snapshot: a page with a small inbox
 * never fetches them.
 */
export const loadCompiledChecks: Loader<CompiledChecks> = loader(() => import('./compiled-checks.js'));

/**
 * What `input` needs before parseServerMessage can check it at its best: for
 * a snapshot of thousands of contacts and conversations, the compiled
 * checks (a promise that settles when they loaded or failed to: then
 * valibot checks alone, as strictly, and the next big snapshot tries again);
 * nothing (undefined) otherwise. whenCheckable holds the message, and those
 * behind it, meanwhile.
 */
export function beforeParsing(input: unknown): Promise<void> | undefined {
  if (loadCompiledChecks.loaded || !wantsCompiledChecks(input)) return undefined;
  return loadCompiledChecks().then(
    () => undefined,
    () => undefined,
  );
}

/** Messages held per receiver while a big snapshot before them waits for the compiled checks. */
const held = new WeakMap<object, unknown[]>();

/**
 * Hands `input` to `receive` now, or, for a big snapshot and whatever the
 * same `receiver` is given after it, once the compiled checks have loaded
 * or failed to (beforeParsing), in order. The store receives through this.
 */
export function whenCheckable(receiver: object, input: unknown, receive: (input: unknown) => void): void {
  const queue = held.get(receiver);
  if (queue) {
    queue.push(input);
    return;
  }
  const wait = beforeParsing(input);
  if (!wait) {
    receive(input);
    return;
  }
  const waiting = [input];
  held.set(receiver, waiting);
  void wait.then(() => {
    held.delete(receiver);
    for (const message of waiting) receive(message);
  });
}

/** Whether `input` is a snapshot big enough for the compiled checks. */
export function wantsCompiledChecks(input: unknown): boolean {
  const message = input as { kind?: unknown; snapshot?: unknown } | null;
  if (message?.kind !== 'snapshot' || typeof message.snapshot !== 'object' || message.snapshot === null) return false;
  const snapshot = message.snapshot as { contacts?: unknown; conversations?: unknown };
  const count = (items: unknown) => (Array.isArray(items) ? items.length : 0);
  return count(snapshot.contacts) + count(snapshot.conversations) >= COMPILED_CHECKS_FROM;
}

/**
 * A live-stream message. Snapshots are checked entity by entity so that
 * the error names the entity and checking 100,000 rows stays linear; with
 * `compiled`, contacts and conversations are checked by it first, and what
 * it refuses is checked again by valibot, which decides and names the fault
 * (by default, with them once loaded; null: valibot alone).
 */
export function parseServerMessage(input: unknown, compiled: CompiledChecks | null = loadCompiledChecks.loaded ?? null): Parsed<ServerMessage> {
  if (typeof input !== 'object' || input === null) {
    return { ok: false, error: new ProtocolError('message', ['not an object']) };
  }
  const message = input as Record<string, unknown>;
  if (message.kind !== 'snapshot') return check(StreamMessageSchema, input, 'message');
  const header = check<{ seq: number; snapshot: Record<string, unknown> }>(
    v.object({
      kind: v.literal('snapshot'),
      seq: Seq,
      windowed: opt(v.boolean()),
      epoch: opt(ShortText),
      snapshot: v.object({
        users: v.array(v.unknown()),
        bots: v.array(v.unknown()),
        teams: v.array(v.unknown()),
        channels: v.array(v.unknown()),
        contacts: v.array(v.unknown()),
        conversations: v.array(v.unknown()),
        views: v.array(v.unknown()),
        settings: SettingsSchema,
      }),
    }),
    input,
    'snapshot',
  );
  if (!header.ok) return header;
  const snapshot = header.value.snapshot;
  const parts: [string, v.GenericSchema, ((input: unknown) => boolean) | undefined][] = [
    ['users', UserSchema, undefined],
    ['bots', BotSchema, undefined],
    ['teams', TeamSchema, undefined],
    ['channels', ChannelSchema, undefined],
    ['contacts', ContactSchema, compiled?.Contact],
    ['conversations', ConversationSchema, compiled?.Conversation],
    ['views', SavedViewSchema, undefined],
  ];
  for (const [key, schema, fast] of parts) {
    const items = snapshot[key] as unknown[];
    for (let i = 0; i < items.length; i++) {
      if (fast ? !fast(items[i]) : !v.is(schema, items[i])) {
        const detail = check(schema, items[i], `${key}[${i}]`);
        if (!detail.ok) return { ok: false, error: new ProtocolError('snapshot', [detail.error.message]) };
      }
    }
  }
  return { ok: true, value: input as ServerMessage };
}

export function parseCommandAck(input: unknown): Parsed<CommandAck> {
  return check(CommandAckSchema, input, 'command acknowledgement');
}

export function parseTimelinePage(input: unknown): Parsed<TimelinePage> {
  return check(TimelinePageSchema, input, 'timeline page');
}

/** A page of a query (issue 13): the answer to POST /api/query. */
export const QueryResultSchema = v.object({
  conversations: v.array(ConversationSchema),
  contacts: v.array(ContactSchema),
  total: Count,
  next: v.nullable(ShortText),
  counts: opt(freeMap(Count)),
});

export function parseQueryResult(input: unknown): Parsed<QueryResult> {
  return check(QueryResultSchema, input, 'query page');
}

export function parseAttachment(input: unknown): Parsed<Attachment> {
  return check(AttachmentSchema, input, 'attachment');
}

// Type-level checks: the schemas accept exactly the model's shapes.
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Assert<T extends true> = T;
export type ProtocolTypeChecks = [
  Assert<Same<v.InferOutput<typeof UserSchema>, Mutable<User>>>,
  Assert<Same<v.InferOutput<typeof ContactSchema>, Mutable<Contact>>>,
  Assert<Same<v.InferOutput<typeof ConversationSchema>, Mutable<Conversation>>>,
  Assert<Same<v.InferOutput<typeof SavedViewSchema>, Mutable<SavedView>>>,
  Assert<Same<v.InferOutput<typeof SettingsSchema>, Mutable<Settings>>>,
  Assert<Same<v.InferOutput<typeof TimelineItemSchema>, Mutable<TimelineItem>>>,
  Assert<Same<v.InferOutput<typeof DomainEventSchema>, Mutable<DomainEvent>>>,
  Assert<Same<v.InferOutput<typeof SnapshotSchema>, Mutable<Snapshot>>>,
  Assert<Same<v.InferOutput<typeof CommandAckSchema>, Mutable<CommandAck>>>,
  Assert<Same<v.InferOutput<typeof PresenceSchema>, Mutable<Presence>>>,
  Assert<Same<v.InferOutput<typeof TimelinePageSchema>, Mutable<TimelinePage>>>,
  Assert<Same<v.InferOutput<typeof QueryResultSchema>, Mutable<QueryResult>>>,
];

/** Deeply strips readonly, so that schema outputs compare with model types. */
export type Mutable<T> = T extends (infer U)[]
  ? Mutable<U>[]
  : T extends readonly (infer U)[]
    ? Mutable<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: Mutable<T[K]> }
      : T;

// Whole-message schemas, for the published JSON Schemas (docs/schemas/) and
// for backends that check a message in one call. The parse functions above
// check the same shapes, snapshots in parts.

/** Any message of the live stream, snapshot included. */
export const ServerMessageSchema = v.variant('kind', [
  v.object({ kind: v.literal('snapshot'), seq: Seq, windowed: opt(v.boolean()), epoch: opt(ShortText), snapshot: SnapshotSchema }),
  ...StreamMessageSchema.options,
]);

/** The body of POST /api/presence. */
export const PresenceRequestSchema = v.object({ conversationId: v.nullable(Id), typing: v.boolean() });

/** The body of an error answer that is not a command acknowledgement (401, 404, 413, ...). */
export const ErrorBodySchema = v.object({ error: ShortText, reason: ShortText });

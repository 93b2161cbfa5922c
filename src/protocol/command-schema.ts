/**
 * The commands' schemas: `parseCommand`, with which a backend checks each
 * incoming command (MemoryBackend, the reference server), and `CommandSchema`,
 * its published JSON Schema (json-schemas.ts). Apart from protocol.ts so that
 * a client, which only sends commands, does not carry them: the script-tag
 * bundle has them in the on-demand memory chunk only.
 */
import * as v from 'valibot';
import type { Command, CommandArgs, CommandType } from '../model/commands.js';
import { AVAILABILITIES, DIRECTIONS, PRIORITIES } from '../model/types.js';
import { SORT_ORDERS } from '../model/sort.js';
import { STATUS_TABS } from '../model/views.js';
import { MAX_IDS } from '../model/query-page.js';
import type { QueryRequest } from './wire.js';
import {
  AssigneeSchema,
  AttachmentSchema,
  ContactSchema,
  Count,
  freeMap,
  Id,
  Ids,
  SavedViewSchema,
  ShortText,
  Time,
  check,
  opt,
  type Assert,
  type Mutable,
  type Parsed,
  type Same,
} from './protocol.js';

// Commands: a loose check of the envelope, then the args of its type.
const IdsArg = v.object({ ids: v.pipe(Ids, v.minLength(1), v.maxLength(100_000)) });
const Body = v.pipe(v.string(), v.maxLength(100_000));
const ItemArgs = { conversationId: Id, itemId: Id };
/** A contact a channel's edge creates with its first message or call (receiveMessage, receiveCall). */
const NewContactArg = opt(
  v.object({
    name: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
    phones: v.pipe(v.array(ShortText), v.maxLength(20)),
    emails: v.pipe(v.array(ShortText), v.maxLength(20)),
    attributes: freeMap(ShortText),
  }),
);
export const COMMAND_ARG_SCHEMAS = {
  markDone: IdsArg,
  reopen: IdsArg,
  markUnread: IdsArg,
  markRead: IdsArg,
  markOpen: IdsArg,
  markWaiting: IdsArg,
  markNew: IdsArg,
  assign: v.object({ ids: IdsArg.entries.ids, assignee: v.nullable(AssigneeSchema) }),
  setTeam: v.object({ ids: IdsArg.entries.ids, teamId: v.nullable(Id) }),
  snooze: v.object({ ids: IdsArg.entries.ids, until: v.union([Time, v.literal('next-message')]) }),
  unsnooze: IdsArg,
  trash: IdsArg,
  restore: IdsArg,
  deleteForever: IdsArg,
  markSpam: IdsArg,
  unmarkSpam: IdsArg,
  blockContact: v.object({ contactId: Id }),
  unblockContact: v.object({ contactId: Id }),
  setPriority: v.object({ ids: IdsArg.entries.ids, priority: v.picklist(PRIORITIES) }),
  addLabels: v.object({ ids: IdsArg.entries.ids, labels: v.array(ShortText) }),
  removeLabels: v.object({ ids: IdsArg.entries.ids, labels: v.array(ShortText) }),
  pin: v.object({ ids: IdsArg.entries.ids, pinned: v.boolean() }),
  reply: v.object({
    ...ItemArgs,
    body: Body,
    channelId: opt(Id),
    attachments: opt(v.array(AttachmentSchema)),
  }),
  startConversation: v.object({
    ...ItemArgs,
    contactId: Id,
    channelId: Id,
    subject: ShortText,
    body: Body,
  }),
  comment: v.object({ ...ItemArgs, body: Body, mentions: Ids }),
  addNote: v.object({ ...ItemArgs, messageId: Id, body: Body }),
  editNote: v.object({ ...ItemArgs, body: Body }),
  deleteNote: v.object(ItemArgs),
  setAvailability: v.object({
    userId: Id,
    availability: v.picklist(AVAILABILITIES),
    reason: opt(ShortText),
  }),
  takeNext: v.object({}),
  deactivateUser: v.object({ userId: Id }),
  saveView: v.object({ view: SavedViewSchema }),
  deleteView: v.object({ viewId: Id }),
  updateContact: v.object({ contactId: Id, patch: v.partial(v.omit(ContactSchema, ['id', 'blocked'])) }),
  mergeContacts: v.object({ targetId: Id, sourceId: Id }),
  answerCall: v.object(ItemArgs),
  placeCall: v.object(ItemArgs),
  endCall: v.object({ ...ItemArgs, duration: Count }),
  declineCall: v.object(ItemArgs),
  setRecording: v.object({ ...ItemArgs, recording: v.boolean() }),
  renameChannel: v.object({ channelId: Id, name: v.pipe(v.string(), v.maxLength(1000)) }),
  retryDelivery: v.object(ItemArgs),
  setDelivery: v.object({ ...ItemArgs, status: v.picklist(['sent', 'delivered', 'failed']), reason: opt(ShortText) }),
  receiveMessage: v.object({
    ...ItemArgs,
    contactId: Id,
    channelId: Id,
    subject: opt(ShortText),
    body: Body,
    html: opt(v.pipe(v.string(), v.maxLength(1_000_000))),
    from: opt(ShortText),
    newContact: NewContactArg,
  }),
  receiveCall: v.object({
    ...ItemArgs,
    contactId: Id,
    channelId: Id,
    direction: v.picklist(DIRECTIONS),
    newContact: NewContactArg,
  }),
  tick: v.object({}),
} as const;

const CommandEnvelopeSchema = v.object({
  id: Id,
  type: v.picklist(Object.keys(COMMAND_ARG_SCHEMAS) as (keyof typeof COMMAND_ARG_SCHEMAS)[]),
  args: v.record(v.string(), v.unknown()),
});

export function parseCommand(input: unknown): Parsed<Command> {
  const envelope = check<{ type: keyof typeof COMMAND_ARG_SCHEMAS; args: unknown }>(
    CommandEnvelopeSchema,
    input,
    'command',
  );
  if (!envelope.ok) return envelope;
  const args = check(COMMAND_ARG_SCHEMAS[envelope.value.type], envelope.value.args, `${envelope.value.type} command`);
  return args.ok ? { ok: true, value: input as Command } : args;
}

/**
 * A query a page at a time (issue 13): the body of POST /api/query, checked
 * by MemoryBackend.query for either transport. A view id the user may not
 * open is no error: its query matches nothing (R14).
 */
export const QueryRequestSchema = v.object({
  query: v.object({
    view: ShortText,
    tab: v.picklist(STATUS_TABS),
    filters: SavedViewSchema.entries.filters,
    search: ShortText,
    sort: v.picklist(SORT_ORDERS),
  }),
  cursor: v.nullable(ShortText),
  limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
  ids: v.optional(v.pipe(v.array(Id), v.minLength(1), v.maxLength(MAX_IDS))),
});

export function parseQueryRequest(input: unknown): Parsed<QueryRequest> {
  return check(QueryRequestSchema, input, 'query request');
}

/** A command with its arguments checked by type: the body of POST /api/commands. */
export const CommandSchema = v.variant(
  'type',
  (Object.keys(COMMAND_ARG_SCHEMAS) as (keyof typeof COMMAND_ARG_SCHEMAS)[]).map((type) =>
    v.object({ id: Id, type: v.literal(type), args: COMMAND_ARG_SCHEMAS[type] }),
  ),
);

// Type-level checks: the schemas accept exactly the model's commands.
export type CommandTypeChecks = [
  Assert<Same<keyof typeof COMMAND_ARG_SCHEMAS, CommandType>>,
  Assert<ArgsMatch[Exclude<CommandType, 'updateContact'>]>,
];

// updateContact's patch is left out: valibot's partial() admits explicit
// undefined values, which exactOptionalPropertyTypes' Partial<> does not.
type ArgsMatch = {
  [K in CommandType]: Same<v.InferOutput<(typeof COMMAND_ARG_SCHEMAS)[K]>, Mutable<CommandArgs[K]>>;
};

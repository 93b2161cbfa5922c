/**
 * The wire protocol's JSON Schemas, generated from the valibot schemas of
 * protocol.ts and command-schema.ts: the published form of the one definition both sides check
 * against. `npm run protocol:schemas` writes them to docs/schemas/; a test
 * keeps the committed files equal to this output. Not part of the bundle
 * (src/index.ts does not export it).
 */
import { toJsonSchema, type ConversionConfig, type JsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import {
  BotSchema,
  ChannelSchema,
  CommandAckSchema,
  ContactSchema,
  ConversationSchema,
  DomainEventSchema,
  ErrorBodySchema,
  PresenceRequestSchema,
  PresenceSchema,
  QueryResultSchema,
  SavedViewSchema,
  ServerMessageSchema,
  SettingsSchema,
  SnapshotSchema,
  TeamSchema,
  TimelineItemSchema,
  TimelinePageSchema,
  UserSchema,
  FREE_MAPS,
  UNSAFE_KEYS,
} from './protocol.js';
import { CommandSchema, QueryRequestSchema } from './command-schema.js';
import { TeamStatsSchema } from './stats-schema.js';

/** A URN, not a URL: the files are published with the package docs, not served from a host. */
const BASE_ID = 'urn:inbox-elements:protocol:';

/** Entities shared by several messages: emitted once, under `$defs`, and referenced. */
const definitions = {
  User: UserSchema,
  Bot: BotSchema,
  Team: TeamSchema,
  Channel: ChannelSchema,
  Contact: ContactSchema,
  Conversation: ConversationSchema,
  SavedView: SavedViewSchema,
  Settings: SettingsSchema,
  TimelineItem: TimelineItemSchema,
  DomainEvent: DomainEventSchema,
  Snapshot: SnapshotSchema,
  Presence: PresenceSchema,
};

/** One file per message of the protocol, by file name. */
const messages: Record<string, { title: string; description: string; schema: v.GenericSchema }> = {
  'command.schema.json': {
    title: 'Command',
    description: 'The body of POST /api/commands: { id, type, args }, args checked by type. The id makes it idempotent.',
    schema: CommandSchema,
  },
  'command-ack.schema.json': {
    title: 'CommandAck',
    description: 'The answer to a command: ok with the seq of the actor\'s stream that includes its effects, or a refusal.',
    schema: CommandAckSchema,
  },
  'server-message.schema.json': {
    title: 'ServerMessage',
    description: 'The data of one Server-Sent Event on GET /api/stream: a snapshot, an event, or presence.',
    schema: ServerMessageSchema,
  },
  'timeline-page.schema.json': {
    title: 'TimelinePage',
    description: 'The answer to GET /api/conversations/:id/timeline: items oldest first, hasMore when older ones remain.',
    schema: TimelinePageSchema,
  },
  'team-stats.schema.json': {
    title: 'TeamStats',
    description: 'The answer to GET /api/stats (R28): first response time, time to answer unread, completion, volume by channel, agent and day, open backlog.',
    schema: TeamStatsSchema,
  },
  'query-request.schema.json': {
    title: 'QueryRequest',
    description: 'The body of POST /api/query: a query (view, tab, filters, search, sort), the cursor the last page ended at (null: the first page) and at most how many rows (1 to 500).',
    schema: QueryRequestSchema,
  },
  'query-result.schema.json': {
    title: 'QueryResult',
    description: 'The answer to POST /api/query: the page\'s conversations in order, their contacts, how many conversations the query matches now, and the cursor of the next page (null: the last).',
    schema: QueryResultSchema,
  },
  'presence-request.schema.json': {
    title: 'PresenceRequest',
    description: 'The body of POST /api/presence.',
    schema: PresenceRequestSchema,
  },
  'error.schema.json': {
    title: 'ErrorBody',
    description: 'The body of a 4xx or 5xx answer that is not a command acknowledgement.',
    schema: ErrorBodySchema,
  },
};

/**
 * A free map (protocol.ts's freeMap: a custom check of its keys, then a
 * record) says its keys may not be the unsafe ones, which the converter
 * cannot read from the custom check.
 */
const overrideSchema: NonNullable<ConversionConfig['overrideSchema']> = ({ valibotSchema, jsonSchema }) => {
  if (!FREE_MAPS.has(valibotSchema) || typeof jsonSchema.propertyNames !== 'object') return undefined;
  return { ...jsonSchema, propertyNames: { ...jsonSchema.propertyNames, not: { enum: [...UNSAFE_KEYS] } } };
};

/**
 * The snapshot's bulk entities for compiling (scripts/protocol-schemas.ts
 * writes compiled-checks.ts from these): the published schemas plus what
 * JSON Schema cannot say of a number in a page, as two keywords the compiler
 * is taught. valibot's number() refuses NaN (`notNaN`), its finite() and
 * integer() also the infinities (`finite`); JSON carries neither, an in-page
 * backend may.
 */
export function compilableEntitySchemas(): { Contact: JsonSchema; Conversation: JsonSchema } {
  const convert = (schema: v.GenericSchema): JsonSchema =>
    toJsonSchema(schema, {
      target: 'draft-2020-12',
      errorMode: 'ignore',
      overrideSchema: (context) => (context.valibotSchema.type === 'number' ? { ...context.jsonSchema, notNaN: true } : overrideSchema(context)),
      // integer() refuses the infinities too; JSON Schema's "integer" does not say so.
      overrideAction: ({ valibotAction, jsonSchema }) =>
        valibotAction.type === 'finite' || valibotAction.type === 'integer' ? { ...jsonSchema, finite: true } : undefined,
    });
  const { $schema: _c, ...contact } = convert(ContactSchema);
  const { $schema: _v, ...conversation } = convert(ConversationSchema);
  return { Contact: contact, Conversation: conversation };
}

/**
 * Every schema file's content, by file name. `errorMode: 'ignore'` drops
 * checks JSON Schema cannot say (finite numbers: JSON has no others); the
 * valibot schemas keep them.
 */
export function protocolJsonSchemas(): Record<string, JsonSchema> {
  const files: Record<string, JsonSchema> = {};
  for (const [file, { title, description, schema }] of Object.entries(messages)) {
    const { $schema, $defs, ...root } = toJsonSchema(schema, { target: 'draft-2020-12', definitions, errorMode: 'ignore', overrideSchema });
    const used = usedDefinitions(root, $defs ?? {});
    files[file] = {
      $schema,
      $id: `${BASE_ID}${file}`,
      title,
      description,
      ...root,
      ...(Object.keys(used).length ? { $defs: used } : {}),
    };
  }
  return files;
}

type Defs = NonNullable<JsonSchema['$defs']>;

/** The definitions `root` references, directly or through each other, in a stable order. */
function usedDefinitions(root: JsonSchema, defs: Defs): Defs {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
        const name = value.slice('#/$defs/'.length);
        if (!names.has(name)) {
          names.add(name);
          visit(defs[name]);
        }
      } else {
        visit(value);
      }
    }
  };
  visit(root);
  return Object.fromEntries(Object.keys(defs).filter((name) => names.has(name)).map((name) => [name, defs[name]!]));
}

/** A file's text as written to docs/schemas/: two-space JSON with a final newline. */
export function schemaFileText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

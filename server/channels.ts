import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import { contactFromAddress, contactKeys, conversationForInbound, senderKey } from '../src/model/channels.js';
import type { Command } from '../src/model/commands.js';
import type { Channel, Contact, Id } from '../src/model/types.js';
import type { MemoryBackend } from '../src/backend/memory-backend.js';
import type { CommandAck } from '../src/protocol/wire.js';
import { tokenHash, type StoredIntegration } from './db.js';
import type { EdgeStore } from './storage.js';
import type { GroupCommit } from './app.js';
import { bearerToken, isJsonBody, parseJson, readBody, sendError, sendJson, STATUS_OF } from './http.js';
import { RateLimiter } from './limits.js';

/**
 * The inbound edge (issue 12): how messages, calls and delivery reports
 * from the outside world (an SMS or voice provider, an e-mail parser, a chat
 * widget) enter. Each request carries an integration's bearer token
 * (`--add-integration`), separate from agents' tokens and valid only for its
 * channels; a channel outside its scope is answered as a missing one. Each
 * is idempotent by the provider's id: the command id is derived from it, so
 * a repeated request gets the first answer and changes nothing.
 *
 *   POST /api/channels/:channelId/messages  {id, from, name?, body, subject?, html?}
 *   POST /api/channels/:channelId/calls     {id, from, name?, direction?}
 *   POST /api/channels/:channelId/statuses  {messageId, status: sent|delivered|failed, reason?}
 */

export interface EdgeRoute {
  readonly path: RegExp;
  readonly methods: Readonly<Partial<Record<'GET' | 'POST', (req: IncomingMessage, res: ServerResponse, params: { readonly url: URL; readonly match: RegExpMatchArray }) => void | Promise<void>>>>;
}

export interface ChannelEdgeOptions {
  readonly backend: MemoryBackend;
  readonly store: EdgeStore;
  /** Requests per integration per second (token bucket, bursts of twice; 0: off). */
  readonly ratePerSecond?: number | undefined;
}

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const ProviderId = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));
const Address = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(320));

const InboundMessage = v.strictObject({
  id: ProviderId,
  from: Address,
  name: v.optional(Text(255)),
  body: Text(100_000),
  subject: v.optional(Text(1000)),
  html: v.optional(Text(1_000_000)),
});

const InboundCall = v.strictObject({
  id: ProviderId,
  from: Address,
  name: v.optional(Text(255)),
  direction: v.optional(v.picklist(['in', 'out'])),
});

const StatusReport = v.strictObject({
  messageId: ProviderId,
  status: v.picklist(['sent', 'delivered', 'failed']),
  reason: v.optional(Text(1000)),
});

/**
 * The senders the edge knows, by the keys of model/channels.ts (`contactKeys`
 * of each contact, `senderKey` of an address): contactForAddress's answer
 * without a scan of every contact per message. Built from the state when
 * first needed, kept by the commits' contact events; rebuilt when a contact
 * loses a key or goes (another may share it), or when a hit is stale.
 */
class Senders {
  #byKey: Map<string, Id> | null = null;
  readonly #keysOf = new Map<Id, readonly string[]>();

  constructor(
    private readonly contacts: () => ReadonlyMap<Id, Contact>,
    store: EdgeStore,
  ) {
    store.commitHooks.push((commit) => {
      if (!this.#byKey) return;
      for (const event of commit.events) {
        if (event.type === 'contact.deleted') this.#byKey = null;
        else if (event.type === 'contact.upserted') this.#add(event.contact);
        if (!this.#byKey) return;
      }
    });
  }

  find(channel: Channel, address: string): Contact | null {
    const key = senderKey(channel, address);
    if (key === null) return null;
    for (let tries = 0; tries < 2; tries++) {
      const id = this.#index().get(key);
      if (id === undefined) return null;
      const contact = this.contacts().get(id);
      if (contact && contactKeys(contact).includes(key)) return contact;
      this.#byKey = null;
    }
    return null;
  }

  #index(): Map<string, Id> {
    if (!this.#byKey) {
      this.#byKey = new Map();
      this.#keysOf.clear();
      for (const contact of this.contacts().values()) this.#add(contact);
    }
    return this.#byKey;
  }

  #add(contact: Contact): void {
    const index = this.#byKey!;
    const keys = contactKeys(contact);
    const before = this.#keysOf.get(contact.id) ?? [];
    if (before.some((key) => !keys.includes(key))) {
      this.#byKey = null;
      return;
    }
    // The first contact with a key keeps it (the workspace's order, as contactForAddress).
    for (const key of keys) if (!index.has(key)) index.set(key, contact.id);
    this.#keysOf.set(contact.id, keys);
  }
}

/** A short stable id from the provider's: the same message always gets the same ids. */
const derived = (prefix: string, ...parts: string[]): Id =>
  `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;

export function channelEdgeRoutes(options: ChannelEdgeOptions, groupCommit: GroupCommit): EdgeRoute[] {
  const { backend, store } = options;
  const byHash = new Map<string, StoredIntegration>();
  for (const integration of store.integrations()) if (integration.tokenHash) byHash.set(integration.tokenHash, integration);
  const rate = options.ratePerSecond ?? 500;
  const limiter = new RateLimiter(rate, 2 * rate);
  const senders = new Senders(() => backend.state.contacts, store);

  /** The integration a request speaks for, if it may speak for `channelId`; else answers 401 or 404. */
  function integrationFor(req: IncomingMessage, res: ServerResponse, channelId: Id): StoredIntegration | null {
    const token = bearerToken(req);
    const integration = token === undefined ? undefined : byHash.get(tokenHash(token));
    if (!integration) {
      sendError(res, 401, 'unauthorized', 'An integration token is required: "Authorization: Bearer <token>" (server/main.ts --add-integration).', { 'WWW-Authenticate': 'Bearer' });
      return null;
    }
    // A channel outside the integration's scope is answered as a missing one.
    if (!integration.channelIds.includes(channelId) || !backend.state.channels.has(channelId)) {
      sendError(res, 404, 'not-found', `Channel ${channelId} was not found.`);
      return null;
    }
    const wait = limiter.take(integration.id);
    if (wait > 0) {
      sendError(res, 429, 'too-many-requests', `At most ${rate} requests a second per integration; send it again later.`, {
        'Retry-After': String(Math.max(1, Math.ceil(wait / 1000))),
      });
      return null;
    }
    return integration;
  }

  /** The checked body, or null after answering 413, 415 or 400. */
  async function body<T>(req: IncomingMessage, res: ServerResponse, schema: v.GenericSchema<unknown, T>, what: string): Promise<T | null> {
    const read = await readBody(req, res, 2 * 1024 * 1024);
    if (!read.ok) {
      sendError(res, 413, 'too-large', 'The request body is larger than 2 MB.');
      return null;
    }
    if (!isJsonBody(req)) {
      sendError(res, 415, 'unsupported-media-type', 'The request body must be JSON, sent with "Content-Type: application/json".');
      return null;
    }
    const parsed = parseJson(read.text);
    if (!parsed.ok) {
      sendError(res, 400, 'invalid', parsed.reason);
      return null;
    }
    const checked = v.safeParse(schema, parsed.value);
    if (!checked.success) {
      const issue = checked.issues[0];
      const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
      sendError(res, 400, 'invalid', `Invalid ${what}${path ? ` at "${path}"` : ''}: ${issue.message}`);
      return null;
    }
    return checked.output;
  }

  /** Applies `command()` in the next group commit and answers once it is on disk. */
  function commit(res: ServerResponse, command: () => { readonly command: Command; readonly extra: Record<string, unknown> }): void {
    let extra: Record<string, unknown> = {};
    groupCommit(
      res,
      () => {
        const made = command();
        extra = made.extra;
        return backend.send(made.command, null);
      },
      (ack: CommandAck | null) => {
        if (!ack) sendError(res, 500, 'internal', 'The server failed to handle this request; nothing was changed.');
        else if (ack.ok) sendJson(res, 200, { ok: true, ...extra });
        else sendError(res, STATUS_OF[ack.refusal.code], ack.refusal.code, ack.refusal.reason);
      },
    );
  }

  /** Who sent it and where it goes: the contact (or the one to create) and the conversation it continues (R1). */
  function party(channelId: Id, providerId: string, from: string, name: string | undefined) {
    const state = backend.state;
    const channel = state.channels.get(channelId)!;
    const known = senders.find(channel, from);
    const contactId = known?.id ?? derived('k-edge', channelId, from.trim().toLowerCase());
    const conversation = known ? conversationForInbound(state, known.id, channelId) : null;
    return {
      contactId,
      conversationId: conversation?.id ?? derived('c-edge', channelId, providerId),
      ...(known ? {} : { newContact: contactFromAddress(channel, from, name) }),
    };
  }

  /** The channel id in the path, or null after answering 400. */
  const channelOf = (res: ServerResponse, match: RegExpMatchArray): Id | null => {
    try {
      return decodeURIComponent(match[1] ?? '');
    } catch {
      sendError(res, 400, 'invalid', 'The channel id in the path is not valid percent-encoding.');
      return null;
    }
  };

  const messages = async (req: IncomingMessage, res: ServerResponse, { match }: { match: RegExpMatchArray }): Promise<void> => {
    const channelId = channelOf(res, match);
    if (channelId === null || !integrationFor(req, res, channelId)) return;
    const message = await body(req, res, InboundMessage, 'inbound message');
    if (!message) return;
    const itemId = derived('in', channelId, message.id);
    // Who sent it is decided when it is applied (a batch's earlier message may have made the contact).
    commit(res, () => {
      const target = party(channelId, message.id, message.from, message.name);
      const command: Command<'receiveMessage'> = {
        id: `inbound:${channelId}:${message.id}`,
        type: 'receiveMessage',
        args: {
          ...target,
          itemId,
          channelId,
          body: message.body,
          from: message.from,
          ...(message.subject === undefined ? {} : { subject: message.subject }),
          ...(message.html === undefined ? {} : { html: message.html }),
        },
      };
      return { command, extra: { itemId, conversationId: target.conversationId, contactId: target.contactId } };
    });
  };

  const calls = async (req: IncomingMessage, res: ServerResponse, { match }: { match: RegExpMatchArray }): Promise<void> => {
    const channelId = channelOf(res, match);
    if (channelId === null || !integrationFor(req, res, channelId)) return;
    const call = await body(req, res, InboundCall, 'inbound call');
    if (!call) return;
    const itemId = derived('call', channelId, call.id);
    commit(res, () => {
      const target = party(channelId, call.id, call.from, call.name);
      const command: Command<'receiveCall'> = {
        id: `inbound-call:${channelId}:${call.id}`,
        type: 'receiveCall',
        args: { ...target, itemId, channelId, direction: call.direction ?? 'in' },
      };
      return { command, extra: { itemId, conversationId: target.conversationId, contactId: target.contactId } };
    });
  };

  const statuses = async (req: IncomingMessage, res: ServerResponse, { match }: { match: RegExpMatchArray }): Promise<void> => {
    const channelId = channelOf(res, match);
    if (channelId === null) return;
    const integration = integrationFor(req, res, channelId);
    if (!integration) return;
    const report = await body(req, res, StatusReport, 'status report');
    if (!report) return;
    // Only a message this integration was given to deliver.
    const row = store.outboxRow(report.messageId);
    if (!row || row.kind !== 'message' || row.integration_id !== integration.id) {
      sendError(res, 404, 'not-found', `Message ${report.messageId} was not found.`);
      return;
    }
    commit(res, () => ({
      extra: {},
      command: {
        id: `status:${channelId}:${report.messageId}:${row.generation}:${report.status}`,
        type: 'setDelivery',
        args: {
          conversationId: row.conversation_id,
          itemId: row.item_id,
          status: report.status,
          ...(report.reason === undefined ? {} : { reason: report.reason }),
        },
      },
    }));
  };

  return [
    { path: /^\/api\/channels\/([^/]+)\/messages$/, methods: { POST: messages } },
    { path: /^\/api\/channels\/([^/]+)\/calls$/, methods: { POST: calls } },
    { path: /^\/api\/channels\/([^/]+)\/statuses$/, methods: { POST: statuses } },
  ];
}

import { createHmac } from 'node:crypto';
import type { DomainEvent } from '../src/model/events.js';
import { addressOn } from '../src/model/channels.js';
import type { Contact, Conversation, Id, MessageItem } from '../src/model/types.js';
import type { Commit, MemoryBackend } from '../src/backend/memory-backend.js';
import type { OutboxRow, StoredIntegration } from './db.js';
import type { EdgeStore } from './storage.js';

/**
 * The outbound edge (issue 12): each reply on a channel whose integration
 * has a webhook, and each call action an agent takes there, is written to
 * the outbox in the transaction of the command that caused it, then POSTed
 * to the webhook, signed, until the provider answers 2xx:
 *
 *   Content-Type: application/json
 *   Idempotency-Key: <the message's item id, or call:<command id>>   the same on every try
 *   X-Inbox-Timestamp: <unix seconds>
 *   X-Inbox-Signature: v1=<hex HMAC-SHA256(signing secret, "<timestamp>.<body>")>
 *
 * A try that fails (network, timeout, 5xx, 408, 429) is tried again after
 * 0.5 s, 1 s, 2 s … (at most 30 s apart, with jitter), up to `maxAttempts`;
 * a 4xx answer is final. A message's delivery (R29) follows: `sent` when the
 * provider took it, `failed` with the reason when it never will; the
 * provider reports `delivered` (or a later failure) on
 * POST /api/channels/:channelId/statuses. At least once on the wire, once in
 * effect: a provider that took a key already answers 2xx and does nothing.
 */

export interface OutboundOptions {
  readonly store: EdgeStore;
  readonly backend: MemoryBackend;
  /** Tries before a delivery fails for good (default 10). */
  readonly maxAttempts?: number | undefined;
  /** First wait between tries, doubled each time up to 30 s (default 500 ms). */
  readonly baseDelayMs?: number | undefined;
  /** One try's time limit (default 10 s). */
  readonly timeoutMs?: number | undefined;
  /** Deliveries in flight at once (default 16). */
  readonly concurrency?: number | undefined;
  readonly log?: ((line: string) => void) | undefined;
  /** The server's public origin (`--public-url`): attachment urls in deliveries are made absolute with it. */
  readonly publicUrl?: string | undefined;
}

/** What a message's webhook receives. */
export interface MessageDelivery {
  readonly type: 'message';
  readonly id: Id;
  readonly conversationId: Id;
  readonly channelId: Id;
  /** The contact's address on that channel: a phone number, an e-mail address or the channel's handle. */
  readonly to: string;
  readonly contactId: Id;
  readonly subject: string;
  readonly body: string;
  /** Absolute with `--public-url`, else server-relative (GET them from the server; the id is the capability). */
  readonly attachments: readonly { readonly name: string; readonly mime: string; readonly size: number; readonly url: string }[];
  readonly senderId: Id;
  readonly at: number;
}

/** What a call action's webhook receives: the host's telephony answers, places, ends, declines or records. */
export interface CallDelivery {
  readonly type: 'call';
  readonly action: 'answerCall' | 'placeCall' | 'endCall' | 'declineCall' | 'setRecording';
  readonly conversationId: Id;
  readonly callId: Id;
  readonly channelId: Id;
  readonly to: string;
  readonly agentId: Id | null;
  readonly args: Readonly<Record<string, unknown>>;
  readonly at: number;
}

const CALL_ACTIONS = new Set(['answerCall', 'placeCall', 'endCall', 'declineCall', 'setRecording']);
const MAX_DELAY_MS = 30_000;

/** The signature of a delivery: hex HMAC-SHA256 of "<timestamp>.<body>" with the integration's secret. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export class Outbound {
  readonly #store: EdgeStore;
  readonly #backend: MemoryBackend;
  readonly #byChannel = new Map<Id, StoredIntegration>();
  readonly #byId = new Map<Id, StoredIntegration>();
  readonly #maxAttempts: number;
  readonly #baseDelayMs: number;
  readonly #timeoutMs: number;
  readonly #concurrency: number;
  readonly #log: (line: string) => void;
  readonly #publicUrl: string;
  readonly #inFlight = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopped = true;

  constructor(options: OutboundOptions) {
    this.#store = options.store;
    this.#backend = options.backend;
    this.#maxAttempts = options.maxAttempts ?? 10;
    this.#baseDelayMs = options.baseDelayMs ?? 500;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#concurrency = options.concurrency ?? 16;
    this.#log = options.log ?? (() => {});
    this.#publicUrl = (options.publicUrl ?? '').replace(/\/+$/, '');
    for (const integration of this.#store.integrations()) {
      this.#byId.set(integration.id, integration);
      if (integration.webhookUrl === null) continue;
      for (const channelId of integration.channelIds) this.#byChannel.set(channelId, integration);
    }
    // Written with the command, or not at all.
    this.#store.commitHooks.push((commit) => this.#enqueue(commit));
  }

  /** Whether any channel has a webhook. */
  get active(): boolean {
    return this.#byChannel.size > 0;
  }

  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** The outbox rows a command's events call for (inside its transaction). */
  #enqueue(commit: Commit): void {
    if (!commit.ack.ok || this.#byChannel.size === 0) return;
    const state = this.#backend.state;
    const now = Date.now();
    const conversationOf = (id: Id): Conversation | undefined => {
      for (const event of commit.events) if (event.type === 'conversation.upserted' && event.conversation.id === id) return event.conversation;
      return state.conversations.get(id);
    };
    const contactOf = (id: Id): Contact | undefined => {
      for (const event of commit.events) if (event.type === 'contact.upserted' && event.contact.id === id) return event.contact;
      return state.contacts.get(id);
    };
    for (const event of commit.events) {
      const message = queuedMessage(event);
      if (!message) continue;
      const known = this.#store.outboxRow(message.id);
      if (known) {
        // R29's retry: the same key, tried anew.
        if (known.state === 'failed') this.#store.requeue(message.id, now);
        continue;
      }
      const conversation = conversationOf(message.conversationId);
      const integration = conversation && this.#byChannel.get(conversation.channelId);
      const channel = conversation && state.channels.get(conversation.channelId);
      if (!conversation || !integration || !channel) continue;
      const body: MessageDelivery = {
        type: 'message',
        id: message.id,
        conversationId: conversation.id,
        channelId: channel.id,
        to: addressOn(channel, contactOf(conversation.contactId)),
        contactId: conversation.contactId,
        subject: conversation.subject,
        body: message.body,
        attachments: message.attachments.map(({ name, mime, size, url }) => ({ name, mime, size, url: url.startsWith('/') ? `${this.#publicUrl}${url}` : url })),
        senderId: message.senderId,
        at: message.at,
      };
      this.#store.enqueue({
        key: message.id, integration_id: integration.id, kind: 'message', conversation_id: conversation.id,
        item_id: message.id, body: JSON.stringify(body), next_at: now,
      });
    }
    const command = commit.command;
    if (CALL_ACTIONS.has(command.type)) {
      const args = command.args as { conversationId: Id; itemId: Id };
      const conversation = conversationOf(args.conversationId);
      const integration = conversation && this.#byChannel.get(conversation.channelId);
      const channel = conversation && state.channels.get(conversation.channelId);
      if (conversation && integration && channel) {
        const key = `call:${commit.actorId ?? ''}:${command.id}`;
        const { conversationId: _c, itemId: _i, ...rest } = command.args as Record<string, unknown>;
        const body: CallDelivery = {
          type: 'call', action: command.type as CallDelivery['action'], conversationId: conversation.id, callId: args.itemId,
          channelId: channel.id, to: addressOn(channel, contactOf(conversation.contactId)), agentId: commit.actorId, args: rest, at: now,
        };
        this.#store.enqueue({
          key, integration_id: integration.id, kind: 'call', conversation_id: conversation.id, item_id: args.itemId,
          body: JSON.stringify(body), next_at: now,
        });
      }
    }
    this.#schedule(0);
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    if (this.#timer) {
      if (delayMs > 0) return;
      clearTimeout(this.#timer);
    }
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#pump();
    }, delayMs);
  }

  /** Starts what is due, up to the concurrency; comes back when the next one is due. */
  #pump(): void {
    if (this.#stopped) return;
    const free = this.#concurrency - this.#inFlight.size;
    if (free > 0) {
      const due = this.#store.dueOutbox(Date.now(), free + this.#inFlight.size).filter((row) => !this.#inFlight.has(row.key));
      for (const row of due.slice(0, free)) {
        this.#inFlight.add(row.key);
        void this.#attempt(row).finally(() => {
          this.#inFlight.delete(row.key);
          this.#schedule(0);
        });
      }
    }
    this.#schedule(250);
  }

  async #attempt(row: OutboxRow): Promise<void> {
    const integration = this.#byId.get(row.integration_id);
    if (!integration?.webhookUrl) {
      this.#fail(row, 'The channel no longer has a webhook.');
      return;
    }
    const timestamp = Math.floor(Date.now() / 1000);
    let error: string;
    let final = false;
    try {
      const response = await fetch(integration.webhookUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': row.key,
          'X-Inbox-Timestamp': String(timestamp),
          'X-Inbox-Signature': signature(integration.signingSecret, timestamp, row.body),
        },
        body: row.body,
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      const text = (await response.text().catch(() => '')).slice(0, 300);
      if (response.ok) {
        this.#store.outboxDone(row.key);
        if (row.kind === 'message') this.#report(row, 'sent');
        return;
      }
      error = `The provider answered ${response.status}${text ? `: ${text}` : ''}.`;
      final = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
    } catch (cause) {
      error = `The provider could not be reached (${cause instanceof Error ? cause.message : String(cause)}).`;
    }
    const attempts = row.attempts + 1;
    if (final || attempts >= this.#maxAttempts) {
      this.#fail(row, final ? error : `${error} Gave up after ${attempts} tries.`);
      return;
    }
    const delay = Math.min(MAX_DELAY_MS, this.#baseDelayMs * 2 ** (attempts - 1));
    this.#store.outboxRetryLater(row.key, attempts, Date.now() + delay * (0.8 + Math.random() * 0.4), error);
  }

  #fail(row: OutboxRow, reason: string): void {
    this.#log(`delivery ${row.key} failed: ${reason}`);
    this.#store.outboxFailed(row.key, reason);
    if (row.kind === 'message') this.#report(row, 'failed', reason);
  }

  /** R29: the message's delivery, as the system reports it (idempotent by its command id). */
  #report(row: OutboxRow, status: 'sent' | 'failed', reason?: string): void {
    const ack = this.#backend.send(
      {
        id: `delivery:${row.key}:${row.generation}:${status}`,
        type: 'setDelivery',
        args: { conversationId: row.conversation_id, itemId: row.item_id, status, ...(reason === undefined ? {} : { reason }) },
      },
      null,
    );
    if (!ack.ok) this.#log(`delivery ${row.key}: ${status} not recorded: ${ack.refusal.reason}`);
  }
}

/** A message a command queued for delivery (R29: new on an edge channel, or retried). */
function queuedMessage(event: DomainEvent): MessageItem | null {
  if (event.type !== 'timeline.upserted') return null;
  const item = event.item;
  return item.type === 'message' && item.direction === 'out' && item.delivery?.status === 'queued' ? item : null;
}

import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Conversation, MessageItem, Snapshot, TimelineItem } from '../src/model/types.js';
import { signature } from './outbound.js';
import { createTestDatabase } from './pg-testing.js';
import { ServerProcess } from './testing.js';

/**
 * The channels' edges (issue 12), as a provider meets them: integration
 * credentials, inbound messages and calls, signed outbound deliveries with
 * retries and statuses, and the example provider (examples/provider/) killed
 * and restarted while a thousand messages come in and agents reply.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'inbox-channels-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Credential {
  readonly id: string;
  readonly token: string;
  readonly signingSecret: string;
}

function addIntegration(db: string, channels: string, webhook?: string): Credential {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--db', db, '--seed-conversations', '200', '--add-integration', channels, ...(webhook ? ['--webhook', webhook] : [])],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Credential;
}

const derived = (prefix: string, ...parts: string[]): string =>
  `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;

async function snapshotOf(server: ServerProcess, userId = 'u-ana'): Promise<Snapshot> {
  const stream = server.stream(userId);
  try {
    await stream.waitFor(() => stream.frames.length > 0, 'a snapshot');
    return (stream.messages[0] as unknown as { snapshot: Snapshot }).snapshot;
  } finally {
    stream.close();
  }
}

async function timelineOf(server: ServerProcess, conversationId: string): Promise<TimelineItem[]> {
  const page = await server.request('GET', `/api/conversations/${conversationId}/timeline?limit=1000`);
  assert.equal(page.status, 200, JSON.stringify(page.body));
  return (page.body as { items: TimelineItem[] }).items;
}

async function until<T>(what: string, probe: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const deliveryOf = async (server: ServerProcess, conversationId: string, itemId: string) =>
  ((await timelineOf(server, conversationId)).find((i) => i.id === itemId) as MessageItem | undefined)?.delivery;

/** A webhook in this process: records signed deliveries, answers as told. */
class Webhook {
  readonly received: { key: string; body: Record<string, unknown>; valid: boolean }[] = [];
  status = 200;
  readonly server: Server;
  constructor(readonly secret: () => string) {
    this.server = createServer((req: IncomingMessage, res) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (text += chunk));
      req.on('end', () => {
        const timestamp = Number(req.headers['x-inbox-timestamp']);
        const valid =
          req.headers['content-type'] === 'application/json' &&
          Math.abs(Date.now() / 1000 - timestamp) < 60 &&
          req.headers['x-inbox-signature'] === signature(this.secret(), timestamp, text);
        this.received.push({ key: String(req.headers['idempotency-key']), body: JSON.parse(text) as Record<string, unknown>, valid });
        res.writeHead(this.status, { 'Content-Type': 'application/json' }).end(this.status === 200 ? '{}' : '{"error":"number not reachable"}');
      });
    });
  }
  listen(): Promise<string> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(this.server.address() as { port: number }).port}/hook`)));
  }
}

// On both storages (issue 13): a SQLite file, then a PostgreSQL database of its own, dropped at the end.
for (const storage of ['SQLite', 'PostgreSQL'] as const) describe(`channel edges: credentials, inbound, outbound (${storage})`, () => {
  let server: ServerProcess;
  let sms: Credential;
  let mail: Credential;
  const webhook = new Webhook(() => sms.signingSecret);
  let drop = (): Promise<void> => Promise.resolve();

  before(async () => {
    let db = join(dir, 'edges.db');
    if (storage === 'PostgreSQL') {
      const created = await createTestDatabase();
      db = created.url;
      drop = created.drop;
    }
    const url = await webhook.listen();
    sms = addIntegration(db, 'ch-sms,ch-call', url);
    mail = addIntegration(db, 'ch-email');
    server = await ServerProcess.start(db, ['--delivery-attempts', '3', '--public-url', 'https://inbox.example.com']);
  });
  after(async () => {
    await server.stop();
    webhook.server.close();
    await drop();
  });

  const inbound = (credential: Credential | string | null, channel: string, body: unknown, headers?: Record<string, string>) =>
    server.request('POST', `/api/channels/${channel}/messages`, {
      token: credential === null ? null : typeof credential === 'string' ? credential : credential.token,
      body: body as object,
      ...(headers ? { headers } : {}),
    });

  it('an integration token is needed, an agent token is not one, and a channel outside its scope answers as a missing one', async () => {
    const message = { id: 'm-1', from: '+1 202 555 0100', body: 'Hi' };
    assert.equal((await inbound(null, 'ch-sms', message)).status, 401);
    assert.equal((await inbound('dev-u-ana', 'ch-sms', message)).status, 401);
    assert.equal((await inbound('edge_not-a-token', 'ch-sms', message)).status, 401);
    const outside = await inbound(mail, 'ch-sms', message);
    const missing = await inbound(mail, 'ch-nope', message);
    assert.equal(outside.status, 404);
    assert.equal(missing.status, 404);
    assert.deepEqual(
      (outside.body as { reason: string }).reason.replace('ch-sms', 'X'),
      (missing.body as { reason: string }).reason.replace('ch-nope', 'X'),
    );
  });

  it('a malformed message is refused with a reason, and nothing is stored', async () => {
    const before = await server.seq();
    const text = await inbound(sms, 'ch-sms', 'id=1&from=x', { 'Content-Type': 'text/plain' });
    assert.equal(text.status, 415);
    for (const body of [{ from: '+1', body: 'x' }, { id: 'a', from: '', body: 'x' }, { id: 'a', from: '+1', body: 7 }, { id: 'a', from: '+1', body: 'x', admin: true }, []]) {
      const answer = await inbound(sms, 'ch-sms', body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.match((answer.body as { reason: string }).reason, /^Invalid inbound message/);
    }
    const badPath = await server.request('POST', '/api/channels/%E0%A4%A/messages', { token: sms.token, body: { id: 'a', from: '+1', body: 'x' } });
    assert.equal(badPath.status, 400, 'a channel id that is not valid percent-encoding is answered, not left hanging');
    assert.equal(await server.seq(), before);
  });

  it('an inbound message from a new number makes a contact and a conversation once, however often the provider sends it', async () => {
    const message = { id: 'prov-42', from: '+1 202 555 0142', name: 'Dana Reyes', body: 'Is my order shipped?' };
    const first = await inbound(sms, 'ch-sms', message);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const seq = await server.seq();
    const again = await inbound(sms, 'ch-sms', message);
    assert.deepEqual(again.body, first.body);
    assert.equal(await server.seq(), seq, 'a repeat changes nothing');
    const { conversationId, contactId, itemId } = first.body as { conversationId: string; contactId: string; itemId: string };
    const snapshot = await snapshotOf(server);
    assert.deepEqual(snapshot.contacts.find((c) => c.id === contactId)?.phones, ['+1 202 555 0142']);
    assert.equal(snapshot.contacts.find((c) => c.id === contactId)?.name, 'Dana Reyes');
    const conversation = snapshot.conversations.find((c) => c.id === conversationId) as Conversation;
    assert.deepEqual([conversation.channelId, conversation.unread, conversation.status], ['ch-sms', true, 'open']);
    const items = await timelineOf(server, conversationId);
    assert.deepEqual(items.filter((i) => i.id === itemId).map((i) => (i as MessageItem).body), ['Is my order shipped?']);
    // The next message from the same number, spaced otherwise, continues the same conversation.
    const next = await inbound(sms, 'ch-sms', { id: 'prov-43', from: '+12025550142', body: 'Hello?' });
    assert.equal((next.body as { conversationId: string }).conversationId, conversationId);
    assert.equal((next.body as { contactId: string }).contactId, contactId);
  });

  it('a reply is delivered signed, with its item id as the idempotency key, and shows sent then delivered', async () => {
    const start = await inbound(sms, 'ch-sms', { id: 'prov-50', from: '+1 202 555 0150', body: 'Call me back' });
    const { conversationId } = start.body as { conversationId: string };
    const reply = await server.request('POST', '/api/commands', {
      body: { id: 'reply-50', type: 'reply', args: { conversationId, itemId: 'out-50', body: 'We will, today.' } },
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const got = await until('the delivery', () => webhook.received.find((d) => d.key === 'out-50'));
    assert.equal(got.valid, true, 'signed with the channel secret, fresh timestamp');
    assert.deepEqual(
      { type: got.body.type, to: got.body.to, body: got.body.body, conversationId: got.body.conversationId },
      { type: 'message', to: '+1 202 555 0150', body: 'We will, today.', conversationId },
    );
    assert.equal((await until('sent', async () => (await deliveryOf(server, conversationId, 'out-50'))?.status === 'sent' && 'sent')), 'sent');
    const status = await server.request('POST', '/api/channels/ch-sms/statuses', { token: sms.token, body: { messageId: 'out-50', status: 'delivered' } });
    assert.equal(status.status, 200, JSON.stringify(status.body));
    assert.equal((await deliveryOf(server, conversationId, 'out-50'))?.status, 'delivered');
    // A late report moves nothing backwards; another integration cannot report on it.
    await server.request('POST', '/api/channels/ch-sms/statuses', { token: sms.token, body: { messageId: 'out-50', status: 'sent' } });
    assert.equal((await deliveryOf(server, conversationId, 'out-50'))?.status, 'delivered');
    const foreign = await server.request('POST', '/api/channels/ch-email/statuses', { token: mail.token, body: { messageId: 'out-50', status: 'failed' } });
    assert.equal(foreign.status, 404);
    assert.equal(webhook.received.filter((d) => d.key === 'out-50').length, 1, 'delivered once');
  });

  it('a refused delivery fails with the provider\'s reason; the agent retries it and it goes out under the same key', async () => {
    const start = await inbound(sms, 'ch-sms', { id: 'prov-60', from: '+1 202 555 0160', body: 'Hi' });
    const { conversationId } = start.body as { conversationId: string };
    webhook.status = 400;
    await server.request('POST', '/api/commands', { body: { id: 'reply-60', type: 'reply', args: { conversationId, itemId: 'out-60', body: 'Hello' } } });
    const failed = await until('failed', async () => {
      const delivery = await deliveryOf(server, conversationId, 'out-60');
      return delivery?.status === 'failed' && delivery;
    });
    assert.match(failed.reason ?? '', /400.*number not reachable/);
    webhook.status = 200;
    const retry = await server.request('POST', '/api/commands', { body: { id: 'retry-60', type: 'retryDelivery', args: { conversationId, itemId: 'out-60' } } });
    assert.equal(retry.status, 200, JSON.stringify(retry.body));
    await until('sent after the retry', async () => (await deliveryOf(server, conversationId, 'out-60'))?.status === 'sent');
    assert.deepEqual(webhook.received.filter((d) => d.key === 'out-60').map((d) => d.valid), [true, true]);
    // Retrying a delivery that did not fail is a conflict.
    const again = await server.request('POST', '/api/commands', { body: { id: 'retry-60b', type: 'retryDelivery', args: { conversationId, itemId: 'out-60' } } });
    assert.equal(again.status, 409);
  });

  it('an unreachable webhook is tried again with back-off, then the delivery fails and says so', async () => {
    const start = await inbound(sms, 'ch-sms', { id: 'prov-70', from: '+1 202 555 0170', body: 'Hi' });
    const { conversationId } = start.body as { conversationId: string };
    webhook.status = 503;
    const before = webhook.received.length;
    await server.request('POST', '/api/commands', { body: { id: 'reply-70', type: 'reply', args: { conversationId, itemId: 'out-70', body: 'Hello' } } });
    const failed = await until('failed after 3 tries', async () => {
      const delivery = await deliveryOf(server, conversationId, 'out-70');
      return delivery?.status === 'failed' && delivery;
    }, 20_000);
    assert.match(failed.reason ?? '', /503.*Gave up after 3 tries/);
    assert.equal(webhook.received.slice(before).filter((d) => d.key === 'out-70').length, 3);
    webhook.status = 200;
  });

  it('a reply\'s attachment reaches the provider with an absolute url on --public-url', async () => {
    const start = await inbound(sms, 'ch-sms', { id: 'prov-90', from: '+1 202 555 0190', body: 'Send me the invoice' });
    const { conversationId } = start.body as { conversationId: string };
    const uploaded = await fetch(`${server.url}/api/uploads`, {
      method: 'POST',
      body: new TextEncoder().encode('%PDF-1.4 invoice'),
      headers: { Authorization: 'Bearer dev-u-ana', 'Content-Type': 'application/pdf', 'X-File-Name': 'invoice.pdf' },
    });
    assert.equal(uploaded.status, 201);
    const attachment = (await uploaded.json()) as { id: string; url: string };
    const reply = await server.request('POST', '/api/commands', {
      body: { id: 'reply-90', type: 'reply', args: { conversationId, itemId: 'out-90', body: 'Here it is.', attachments: [attachment] } },
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const got = await until('the delivery', () => webhook.received.find((d) => d.key === 'out-90'));
    assert.deepEqual(got.body.attachments, [{ name: 'invoice.pdf', mime: 'application/pdf', size: 16, url: `https://inbox.example.com/api/uploads/${attachment.id}` }]);
  });

  it('an inbound call rings; answering it goes to the webhook as a call action', async () => {
    const call = await server.request('POST', '/api/channels/ch-call/calls', { token: sms.token, body: { id: 'call-1', from: '+1 202 555 0180' } });
    assert.equal(call.status, 200, JSON.stringify(call.body));
    const { conversationId, itemId } = call.body as { conversationId: string; itemId: string };
    const items = await timelineOf(server, conversationId);
    assert.equal(items.find((i) => i.id === itemId)?.type, 'call');
    const answer = await server.request('POST', '/api/commands', { body: { id: 'answer-1', type: 'answerCall', args: { conversationId, itemId } } });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const got = await until('the call action', () => webhook.received.find((d) => d.body.type === 'call' && d.body.callId === itemId));
    assert.deepEqual({ action: got.body.action, agentId: got.body.agentId, to: got.body.to, valid: got.valid }, {
      action: 'answerCall', agentId: 'u-ana', to: '+1 202 555 0180', valid: true,
    });
  });
});

describe('channel edges under load: the example provider killed and restarted twice', () => {
  const db = join(dir, 'load.db');
  const journal = join(dir, 'provider.jsonl');
  const INBOUND = 1000;
  let server: ServerProcess;
  let provider: ChildProcess | null = null;
  /** Where the provider listens now: it takes a fresh port at each start. */
  let providerUrl: string | null = null;
  /**
   * The provider's public address, held by the test for the whole run (as a
   * load balancer holds it): it relays to the provider, and answers 502 while
   * the provider is down. A port probed, closed and handed to the provider
   * could be taken in between by the server's own listen (CI saw this).
   */
  let front: Server;
  let credential: Credential;
  let done = false;

  function startProvider(): Promise<void> {
    const child = spawn(
      process.execPath,
      ['examples/provider/provider.mjs', '--port', '0', '--server', server.url, '--token', credential.token,
        '--secret', credential.signingSecret, '--channel', 'ch-sms', '--journal', journal, '--inbound', String(INBOUND), '--prefix', 'load'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    provider = child;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    let errors = '';
    child.stderr.on('data', (chunk: string) => (errors += chunk));
    return new Promise((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (chunk: string) => {
        text += chunk;
        const listening = /listening on (\S+)/.exec(text);
        if (listening && providerUrl === null) {
          providerUrl = listening[1]!;
          resolve();
        }
        if (text.includes(`inbound done ${INBOUND}`)) done = true;
      });
      child.on('exit', (code, signal) => {
        providerUrl = null;
        if (signal === null && code !== 0) reject(new Error(`the provider exited ${code}: ${errors}`));
      });
    });
  }

  const killProvider = (): Promise<void> =>
    new Promise((resolve) => {
      const child = provider;
      if (!child || child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });

  before(async () => {
    front = createServer((req, res) => {
      if (providerUrl === null) {
        res.writeHead(502).end();
        return;
      }
      const upstream = request(new URL(req.url ?? '/', providerUrl), { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', () => resolve()));
    const frontPort = (front.address() as { port: number }).port;
    credential = addIntegration(db, 'ch-sms', `http://127.0.0.1:${frontPort}/deliveries`);
    server = await ServerProcess.start(db, ['--seed-conversations', '200']);
  });
  after(async () => {
    await killProvider();
    await server.stop();
    front.closeAllConnections();
    await new Promise((resolve) => front.close(resolve));
  });

  it('every inbound message appears once, every reply is delivered once and ends delivered', async () => {
    const conversations = (await snapshotOf(server)).conversations.filter((c) => c.channelId === 'ch-sms' && c.trashedAt === null).slice(0, 20);
    assert.ok(conversations.length >= 10, 'demo conversations on ch-sms');
    await startProvider();
    const replies: { conversationId: string; itemId: string }[] = [];
    const REPLIES = 60;
    let sent = 0;
    const send = async (): Promise<void> => {
      for (let i = sent++; i < REPLIES; i = sent++) {
        const conversationId = conversations[i % conversations.length]!.id;
        const itemId = `load-reply-${i}`;
        const answer = await server.request('POST', '/api/commands', {
          token: 'dev-u-ana',
          body: { id: `load-cmd-${i}`, type: 'reply', args: { conversationId, itemId, body: `Reply ${i}` } },
        });
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
        replies.push({ conversationId, itemId });
        if (i === 20 || i === 40) {
          // The provider dies mid-stream and comes back; its inbound sender starts again from the first message.
          await killProvider();
          await new Promise((resolve) => setTimeout(resolve, 300));
          await startProvider();
        }
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    };
    await Promise.all([send(), send()]);
    await until('the provider\'s inbound messages', () => done, 60_000);
    const wanted = new Set(replies.map((r) => r.itemId));
    await until('every reply delivered', async () => {
      const ids = new Set<string>();
      for (const conversation of conversations) {
        for (const item of await timelineOf(server, conversation.id)) {
          if (wanted.has(item.id) && (item as MessageItem).delivery?.status === 'delivered') ids.add(item.id);
        }
      }
      return ids.size === wanted.size;
    }, 60_000);
    await killProvider();
    await server.stop();

    // The provider took each reply once (its journal survives its deaths).
    const taken = readFileSync(journal, 'utf8').split('\n').filter((l) => l.trim() !== '').flatMap((l) => {
      try {
        const entry = JSON.parse(l) as { kind: string; key: string };
        return entry.kind === 'taken' ? [entry.key] : [];
      } catch {
        return [];
      }
    });
    assert.deepEqual([...taken].sort(), [...wanted].sort(), 'each reply taken exactly once');

    // The server applied each inbound message once.
    const store = new Database(db, { readonly: true });
    try {
      const expected = new Set(Array.from({ length: INBOUND }, (_, i) => derived('in', 'ch-sms', `load-${i}`)));
      const counts = new Map<string, number>();
      const rows = store.prepare("SELECT json_extract(json, '$.item.id') AS id FROM events WHERE json_extract(json, '$.type') = 'timeline.upserted'").pluck().all() as string[];
      for (const id of rows) if (expected.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
      assert.equal(counts.size, INBOUND, 'every inbound message is in the log');
      assert.deepEqual([...new Set(counts.values())], [1], 'each once');
      const outbox = store.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all();
      assert.deepEqual(outbox, [{ state: 'done', n: REPLIES }]);
    } finally {
      store.close();
    }
  });
});

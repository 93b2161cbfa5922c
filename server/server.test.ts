import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MemoryBackend, type Commit } from '../src/backend/memory-backend.js';
import type { DomainEvent } from '../src/model/events.js';
import type { Conversation, Snapshot, TimelineItem } from '../src/model/types.js';
import { createApp } from './app.js';
import { InboxDatabase } from './db.js';
import { column, createTestDatabase } from './pg-testing.js';
import { PostgresStorage } from './postgres.js';
import type { Storage } from './storage.js';
import { eventJson, sseFrame } from './sse.js';
import { EventStream, ServerProcess } from './testing.js';

/**
 * The reference server over real HTTP on loopback: a real process, a
 * temporary database, kill -9 and restarts.
 */

const dir = mkdtempSync(join(tmpdir(), 'inbox-server-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The storages the server runs on (issue 13): the tests of durability,
 * group commit and R14 run on each. PostgreSQL's databases are made per
 * test, with random names, and dropped at the end.
 */
interface Tier {
  readonly name: string;
  /** A new, empty database: the server's --db. */
  db(name: string): Promise<string>;
  /** The first column of each row of `sql` on that database. */
  column(db: string, sql: string): Promise<unknown[]>;
  /** A storage in this process, seeded with 200 conversations. */
  open(): Promise<Storage>;
  /** The same, on a storage opened with `open`. */
  columnOn(store: Storage, sql: string): Promise<unknown[]>;
  /** Runs `fn` as a batch whose commit then fails, and what the failure says. */
  failingBatch(store: Storage, fn: () => unknown): unknown;
  readonly commitFailure: RegExp;
  readonly migrations: readonly number[];
  /** SQL: how many conversations are stored; a conversation's JSON. */
  readonly countConversations: string;
  conversationJson(id: string): string;
}

const dropped: (() => Promise<void>)[] = [];
const sqliteOf = (store: Storage): InboxDatabase => {
  if (!(store instanceof InboxDatabase)) throw new Error('not a SQLite storage');
  return store;
};
const pgOf = (store: Storage): PostgresStorage => {
  if (!(store instanceof PostgresStorage)) throw new Error('not a PostgreSQL storage');
  return store;
};
after(async () => {
  for (const drop of dropped.splice(0)) await drop();
});

const TIERS: readonly Tier[] = [
  {
    name: 'SQLite',
    db: (name) => Promise.resolve(join(dir, `${name}.db`)),
    column: (db, sql) => {
      const sqlite = new Database(db, { readonly: true });
      try {
        return Promise.resolve(sqlite.prepare(sql).pluck().all());
      } finally {
        sqlite.close();
      }
    },
    open: () => Promise.resolve(new InboxDatabase({ path: ':memory:', seedConversations: 200 })),
    columnOn: (store, sql) => Promise.resolve(sqliteOf(store).db.prepare(sql).pluck().all()),
    failingBatch: (store, fn) =>
      sqliteOf(store).db.transaction(() => {
        fn();
        throw new Error('COMMIT failed');
      })(),
    commitFailure: /COMMIT failed/,
    migrations: [1, 2, 3, 4, 5],
    countConversations: "SELECT count(*) FROM entities WHERE kind = 'conversation'",
    conversationJson: (id) => `SELECT json FROM entities WHERE kind = 'conversation' AND id = '${id}'`,
  },
  {
    name: 'PostgreSQL',
    db: async () => {
      const created = await createTestDatabase();
      dropped.push(created.drop);
      return created.url;
    },
    column,
    open: async () => {
      const created = await createTestDatabase();
      const store = await PostgresStorage.open({ url: created.url, seedConversations: 200 });
      // Dropped once the storage is closed (or at the end of the run).
      dropped.push(created.drop);
      return store;
    },
    columnOn: async (store, sql) => ((await pgOf(store).pool.query({ text: sql, rowMode: 'array' })).rows as unknown[][]).map((row) => row[0]),
    // A real failure of the write: the batch's last command collected twice, its seq and ack stored twice.
    failingBatch: (store, fn) => {
      const pgStore = pgOf(store);
      let last: Commit | undefined;
      const capture = (commit: Commit) => void (last = commit);
      pgStore.commitHooks.push(capture);
      return pgStore.batch(() => {
        fn();
        pgStore.commitHooks.splice(pgStore.commitHooks.indexOf(capture), 1);
        if (last) pgStore.commit(last);
      });
    },
    commitFailure: /duplicate key/,
    migrations: [1, 2],
    countConversations: 'SELECT count(*) FROM conversations',
    conversationJson: (id) => `SELECT json FROM conversations WHERE id = '${id}'`,
  },
];

type Reasoned = { reason?: unknown; refusal?: { reason?: unknown; code?: unknown }; commandId?: unknown };

function reasonOf(body: unknown): string {
  const b = body as Reasoned;
  const reason = b.refusal?.reason ?? b.reason;
  assert.equal(typeof reason, 'string', `a reason in ${JSON.stringify(body)}`);
  assert.notEqual(reason, '');
  return reason as string;
}

async function snapshotOf(server: ServerProcess, userId: string): Promise<{ seq: number; snapshot: Snapshot; epoch: string }> {
  const stream = server.stream(userId);
  try {
    await stream.waitFor(() => stream.frames.length > 0, `${userId}'s snapshot`);
    const first = stream.messages[0] as { kind: string; seq: number; snapshot: Snapshot; epoch: string };
    assert.equal(first.kind, 'snapshot');
    return first;
  } finally {
    stream.close();
  }
}

/** Raw bytes on a socket, for requests fetch refuses to make. */
function rawRequest(url: string, text: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

for (const tier of TIERS) describe(`bad input and R14, one server (${tier.name})`, () => {
  let server: ServerProcess;
  before(async () => {
    server = await ServerProcess.start(await tier.db('bad-input'), ['--seed-conversations', '200']);
  });
  after(() => server.stop());

  it('answers every bad request with a clear 4xx and a reason, changes nothing, and keeps serving', async () => {
    const seq = await server.seq();
    const state = JSON.stringify((await snapshotOf(server, 'u-ana')).snapshot);
    const post = (body: string | object, token?: string | null) => server.request('POST', '/api/commands', { body, token });
    const cases: [string, () => Promise<{ status: number; body: unknown }>, number, RegExp][] = [
      ['malformed JSON', () => post('{"id": "bad-1", "type": '), 400, /not valid JSON/],
      ['an empty body', () => post(''), 400, /empty/],
      ['a JSON array', () => post([1, 2]), 400, /command/i],
      ['an unknown command type', () => post({ id: 'bad-2', type: 'launchRocket', args: {} }), 400, /Unknown command type "launchRocket"/],
      ['a wrong field type', () => post({ id: 'bad-3', type: 'markDone', args: { ids: 'c-1' } }), 400, /ids/],
      ['a wrong id type', () => post({ id: 42, type: 'markDone', args: { ids: ['c-1'] } }), 400, /id/],
      ['a missing args field', () => post({ id: 'bad-4', type: 'reply' }), 400, /args/],
      ['an oversized body', () => post({ id: 'bad-5', type: 'markDone', args: { ids: ['c-1'], pad: 'x'.repeat(1_100_000) } }), 413, /1 MB/],
      ['an unknown conversation id', () => post({ id: 'bad-6', type: 'markDone', args: { ids: ['c-nope'] } }), 404, /c-nope/],
      ['a system command from an agent', () => post({ id: 'bad-7', type: 'tick', args: {} }), 403, /backend/],
      ['a missing token', () => post({ id: 'bad-8', type: 'markDone', args: { ids: ['c-1'] } }, null), 401, /bearer token/i],
      ['a wrong token', () => post({ id: 'bad-9', type: 'markDone', args: { ids: ['c-1'] } }, 'not-a-token'), 401, /not valid/],
      ['a dev token for nobody', () => post({ id: 'bad-10', type: 'markDone', args: { ids: ['c-1'] } }, 'dev-u-nobody'), 401, /not valid/],
      ['a wrong method', () => server.request('GET', '/api/commands'), 405, /accepts POST/],
      ['a wrong method on the stream', () => server.request('POST', '/api/stream', { body: {} }), 405, /accepts GET/],
      ['an unknown route', () => server.request('GET', '/api/nothing-here'), 404, /no route/],
      ['an unknown timeline', () => server.request('GET', '/api/conversations/c-nope/timeline'), 404, /c-nope/],
      ['a bad timeline limit', () => server.request('GET', '/api/conversations/c-1/timeline?limit=-3'), 400, /limit/],
      ['a bad timeline cursor', () => server.request('GET', '/api/conversations/c-1/timeline?before=zzz'), 400, /zzz/],
      ['a bad since', () => server.request('GET', '/api/stream?since=abc'), 400, /since/],
      ['presence with a wrong type', () => server.request('POST', '/api/presence', { body: { conversationId: 'c-1', typing: 'yes' } }), 400, /typing/],
      ['presence on an unknown conversation', () => server.request('POST', '/api/presence', { body: { conversationId: 'c-nope', typing: false } }), 404, /c-nope/],
      ['injection without the system token', () => server.request('POST', '/api/test/inject', { body: { id: 'bad-11', type: 'tick', args: {} } }), 401, /test-system/],
      ['a clock tick without the system token', () => server.request('POST', '/api/test/tick'), 401, /test-system/],
      ['cutting the streams without the system token', () => server.request('POST', '/api/test/drop'), 401, /test-system/],
      ['a command sent as text/plain', () => server.request('POST', '/api/commands', { body: { id: 'bad-12', type: 'markDone', args: { ids: ['c-1'] } }, headers: { 'Content-Type': 'text/plain' } }), 415, /application\/json/],
      ['a command sent as a form', () => server.request('POST', '/api/commands', { body: 'id=bad-13&type=markDone', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 415, /application\/json/],
      ['a command without a Content-Type', () => server.request('POST', '/api/commands', { body: { id: 'bad-14', type: 'markDone', args: { ids: ['c-1'] } }, headers: { 'Content-Type': '' } }), 415, /application\/json/],
      ['a __proto__ key in a contact\'s attributes', () => post('{"id":"bad-15","type":"updateContact","args":{"contactId":"k-1","patch":{"attributes":{"__proto__":"x"}}}}'), 400, /__proto__/],
      ['a constructor key in a contact\'s attributes', () => post('{"id":"bad-16","type":"updateContact","args":{"contactId":"k-1","patch":{"attributes":{"constructor":"x"}}}}'), 400, /constructor/],
      ['presence sent as text/plain', () => server.request('POST', '/api/presence', { body: { conversationId: null, typing: false }, headers: { 'Content-Type': 'text/plain' } }), 415, /application\/json/],
    ];
    for (const [what, run, status, reason] of cases) {
      const answer = await run();
      assert.equal(answer.status, status, `${what}: ${(JSON.stringify(answer.body) as string | undefined)?.slice(0, 300)}`);
      assert.match(reasonOf(answer.body), reason, what);
      if (typeof (answer.body as Reasoned).commandId === 'string') {
        assert.equal((answer.body as Reasoned).refusal?.code !== undefined, true, `${what}: a CommandAck`);
      }
      assert.equal(await server.seq(), seq, `${what} changes no seq`);
    }
    const garbage = await rawRequest(server.url, 'THIS IS NOT HTTP\r\n\r\n');
    assert.match(garbage, /^HTTP\/1\.1 400/);
    assert.equal(JSON.stringify((await snapshotOf(server, 'u-ana')).snapshot), state, 'the state is unchanged');
    const health = await server.request('GET', '/api/health', { token: null });
    assert.deepEqual(health.body, { ok: true, seq });
  });

  it('answers every request with nosniff and a policy that loads nothing, whatever the route or the outcome', async () => {
    const answers = await Promise.all([
      server.request('GET', '/api/health', { token: null }),
      server.request('POST', '/api/commands', { body: { id: 'hdr-1', type: 'setPriority', args: { ids: ['c-1'], priority: 'low' } } }),
      server.request('POST', '/api/commands', { body: { id: 'hdr-2', type: 'markDone', args: { ids: ['c-nope'] } } }),
      server.request('GET', '/api/nothing-here'),
      server.request('GET', '/api/conversations/c-1/timeline', { token: null }),
    ]);
    for (const answer of answers) {
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', `nosniff on a ${answer.status}`);
      assert.equal(answer.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'", `CSP on a ${answer.status}`);
    }
  });

  it('takes the bearer scheme in any case (RFC 9110)', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const answer = await server.request('GET', '/api/conversations/c-1/timeline?limit=1', { token: null, headers: { Authorization: `${scheme} dev-u-ana` } });
      assert.equal(answer.status, 200, `${scheme}: ${JSON.stringify(answer.body)}`);
    }
  });

  it('answers 413 to every over-large command body, sent whole or still being sent, rather than resetting the connection', async () => {
    const { hostname, port } = new URL(server.url);
    const send = (bytes: number, declared: boolean) =>
      new Promise<number>((resolve, reject) => {
        const headers: Record<string, string | number> = { Authorization: 'Bearer dev-u-ana', 'Content-Type': 'application/json' };
        if (declared) headers['Content-Length'] = bytes;
        const req = httpRequest({ host: hostname, port: Number(port), method: 'POST', path: '/api/commands', headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        const chunk = Buffer.alloc(256 * 1024, 0x20);
        let sent = 0;
        const pump = (): void => {
          while (sent < bytes) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push(await send(20 * 1024 * 1024, i % 2 === 0));
    assert.deepEqual(statuses, Array(8).fill(413), '8 tries of 20 MB, with and without a declared length');
    assert.equal((await server.request('GET', '/api/health', { token: null })).status, 200, 'and the server carries on');
  });

  it('stores an attachment, serves it back sandboxed, and refuses bad uploads', async () => {
    const post = (body: string | Uint8Array, headers: Record<string, string>) =>
      fetch(`${server.url}/api/uploads`, { method: 'POST', body, headers: { Authorization: 'Bearer dev-u-ana', ...headers } });
    const name = 'facture été <1>.html';
    const created = await post('<script>alert(1)</script>', { 'Content-Type': 'text/html', 'X-File-Name': encodeURIComponent(name) });
    assert.equal(created.status, 201);
    const attachment = (await created.json()) as { id: string; name: string; mime: string; size: number; url: string };
    assert.deepEqual({ ...attachment, id: '', url: '' }, { id: '', name, mime: 'text/html', size: 25, url: '' });
    assert.match(attachment.url, /^\/api\/uploads\/att-[0-9a-f]{32}$/);
    const served = await fetch(`${server.url}${attachment.url}`);
    assert.equal(served.status, 200);
    assert.equal(await served.text(), '<script>alert(1)</script>');
    assert.equal(served.headers.get('content-type'), 'application/octet-stream', 'HTML never renders from this origin');
    assert.match(served.headers.get('content-disposition') ?? '', /^attachment; filename\*=UTF-8''facture%20%C3%A9t%C3%A9/);
    assert.match(served.headers.get('content-security-policy') ?? '', /sandbox/);
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');

    assert.equal((await post('x', { 'Content-Type': 'text/plain' })).status, 400, 'no file name');
    assert.equal((await post('x', { 'Content-Type': 'not a type', 'X-File-Name': 'a.txt' })).status, 400, 'bad media type');
    assert.equal((await fetch(`${server.url}/api/uploads`, { method: 'POST', body: 'x', headers: { 'X-File-Name': 'a.txt' } })).status, 401);
    const big = await post(new Uint8Array(10 * 1024 * 1024 + 1), { 'Content-Type': 'application/zip', 'X-File-Name': 'big.zip' });
    assert.equal(big.status, 413);
    assert.equal((await fetch(`${server.url}/api/uploads/att-${'0'.repeat(32)}`)).status, 404);
  });

  it('gives a self agent only their own conversations, in the snapshot and live (R14)', async () => {
    const { snapshot } = await snapshotOf(server, 'u-sam');
    assert.ok(snapshot.conversations.length > 0, 'u-sam owns some conversations');
    for (const c of snapshot.conversations) {
      const own = (c.assignee?.type === 'user' && c.assignee.id === 'u-sam') || c.mentions.includes('u-sam');
      assert.ok(own, `${c.id} is u-sam's`);
    }
    const full = (await snapshotOf(server, 'u-ana')).snapshot;
    const theirs = new Set(snapshot.conversations.map((c) => c.id));
    const other = full.conversations.find((c) => !theirs.has(c.id) && c.trashedAt === null) as Conversation;
    const sam = server.stream('u-sam');
    const ana = server.stream('u-ana');
    try {
      await sam.waitFor(() => sam.frames.length > 0, "u-sam's snapshot");
      await ana.waitFor(() => ana.frames.length > 0, "u-ana's snapshot");
      const ack = await server.request('POST', '/api/commands', {
        body: { id: 'r14-1', type: 'setPriority', args: { ids: [other.id], priority: 'urgent' } },
      });
      assert.equal(ack.status, 200);
      const seq = (ack.body as { seq: number }).seq;
      await ana.waitFor(() => ana.messages.some((m) => m.seq === seq), 'the event on the owner stream');
      await presence(server, other.id, ana, sam);
      assert.deepEqual(sam.messages.slice(1), [], 'u-sam receives nothing about it');
    } finally {
      sam.close();
      ana.close();
    }
  });

  it('answers team stats (R28) over what the caller may see: the self agent only the figures of the conversations they see; bad ranges are 400', async () => {
    const to = Date.now() + 86_400_000;
    const from = to - 90 * 86_400_000;
    const path = `/api/stats?from=${from}&to=${to}&tz=Europe%2FParis`;
    const ana = await server.request('GET', path);
    const sam = await server.request('GET', path, { token: 'dev-u-sam' });
    assert.equal(ana.status, 200);
    assert.equal(sam.status, 200);
    type Stats = { volume: { total: number; byAgent: { key: string | null; count: number }[]; byDay: unknown[] }; backlog: number; timeZone: string };
    const all = ana.body as Stats;
    const own = sam.body as Stats;
    assert.equal(own.timeZone, 'Europe/Paris');
    assert.ok(own.volume.total > 0, 'u-sam has inbound conversations in 90 days');
    assert.ok(all.volume.total > own.volume.total, 'the owner counts more');
    // u-sam's own conversations, and those they were mentioned in (R20 grants sight).
    const seen = new Set((await snapshotOf(server, 'u-sam')).snapshot.conversations.map((c) => (c.assignee?.type === 'user' ? c.assignee.id : null)));
    assert.ok(own.volume.byAgent.some((b) => b.key === 'u-sam'));
    for (const b of own.volume.byAgent) assert.ok(seen.has(b.key), `${b.key} is the assignee of a conversation u-sam sees`);
    assert.ok(all.backlog > own.backlog);
    assert.ok(own.volume.byDay.length >= 90);
    for (const bad of [`/api/stats?from=${to}&to=${from}`, `/api/stats?from=x&to=${to}`, `/api/stats?from=${from}&to=${to}&tz=Mars%2FOlympus`, `/api/stats?from=0&to=${to}`]) {
      const answer = await server.request('GET', bad);
      assert.equal(answer.status, 400, bad);
      reasonOf(answer.body);
    }
    assert.equal((await server.request('GET', `${path}&teamId=t-nope`)).status, 404);
    assert.equal((await server.request('GET', path, { token: null })).status, 401);
  });

  it('answers a query a page at a time over raw HTTP (issue 13): in order, each row once, R14 for the self agent; bad bodies and cursors are 400, other types 415', async () => {
    const query = { view: 'all', tab: 'open', filters: {}, search: '', sort: 'newest' };
    type Page = { conversations: { id: string; contactId: string }[]; contacts: { id: string }[]; total: number; next: string | null };
    const pagesOf = async (token: string, body: object): Promise<Page[]> => {
      const pages: Page[] = [];
      let cursor: string | null = null;
      do {
        const answer = await server.request('POST', '/api/query', { token, body: { query: { ...query, ...body }, cursor, limit: 40 } });
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
        pages.push(answer.body as Page);
        cursor = (answer.body as Page).next;
      } while (cursor !== null && pages.length < 100);
      return pages;
    };
    const all = await pagesOf('dev-u-ana', {});
    const rows = all.flatMap((p) => p.conversations.map((c) => c.id));
    assert.ok(all.length > 1, 'more than one page');
    assert.equal(new Set(rows).size, rows.length, 'each row once');
    assert.equal(all[0]!.total, rows.length);
    const whole = await server.request('POST', '/api/query', { body: { query, cursor: null, limit: 500 } });
    assert.deepEqual(rows, (whole.body as Page).conversations.map((c) => c.id).slice(0, rows.length), 'the same order as one big page');
    for (const page of all) for (const c of page.conversations) assert.ok(page.contacts.some((k) => k.id === c.contactId), 'the row\'s contact comes with it');
    const seen = new Set((await snapshotOf(server, 'u-sam')).snapshot.conversations.map((c) => c.id));
    const own = (await pagesOf('dev-u-sam', { view: 'unassigned' })).flatMap((p) => p.conversations);
    for (const c of own) assert.ok(seen.has(c.id), `${c.id} is one u-sam sees`);
    for (const bad of [{ query, cursor: 'x', limit: 10 }, { query, cursor: null, limit: 0 }, { query: { ...query, sort: 'random' }, cursor: null, limit: 10 }, { cursor: null, limit: 10 }]) {
      const answer = await server.request('POST', '/api/query', { body: bad });
      assert.equal(answer.status, 400, JSON.stringify(bad));
      reasonOf(answer.body);
    }
    assert.equal((await server.request('POST', '/api/query', { body: JSON.stringify({ query, cursor: null, limit: 5 }), headers: { 'Content-Type': 'text/plain' } })).status, 415);
    assert.equal((await server.request('POST', '/api/query', { token: null, body: { query, cursor: null, limit: 5 } })).status, 401);
  });

  it('pages a timeline from the newest back', async () => {
    const first = await server.request('GET', '/api/conversations/c-1/timeline?limit=2');
    assert.equal(first.status, 200);
    const page = first.body as { items: TimelineItem[]; hasMore: boolean };
    assert.equal(page.items.length, 2);
    const older = await server.request('GET', `/api/conversations/c-1/timeline?limit=2&before=${page.items[0]!.id}`);
    assert.equal(older.status, 200);
    const olderItems = (older.body as { items: TimelineItem[] }).items;
    assert.ok(olderItems.every((item) => item.at <= page.items[0]!.at));
  });
});

/** Presence reaches those who see the conversation (u-lea), and not u-sam. */
async function presence(server: ServerProcess, conversationId: string, _ana: EventStream, sam: EventStream): Promise<void> {
  const lea = server.stream('u-lea');
  try {
    await lea.waitFor(() => lea.frames.length > 0, "u-lea's snapshot");
    const answer = await server.request('POST', '/api/presence', { body: { conversationId, typing: true } });
    assert.equal(answer.status, 204);
    await lea.waitFor(() => lea.messages.some((m) => m.kind === 'presence'), 'presence on u-lea’s stream');
    const frame = lea.frames.find((f) => (f.data as { kind: string }).kind === 'presence')!;
    assert.equal(frame.id, null, 'presence has no id line');
    const message = frame.data as { presence: { userId: string; conversationId: string; typing: boolean } };
    assert.deepEqual({ ...message.presence, at: 0 }, { userId: 'u-ana', conversationId, typing: true, at: 0 });
    assert.ok(!sam.messages.some((m) => m.kind === 'presence'));
  } finally {
    lea.close();
  }
}

for (const tier of TIERS) describe(`durability across kill -9 (${tier.name})`, () => {
  let server: ServerProcess;
  after(() => server.stop());

  it('keeps every acknowledged command, answers a resent id alike once, resumes, and migrates and seeds once', async () => {
    const db = await tier.db('durable');
    server = await ServerProcess.start(db, ['--seed-conversations', '200']);
    assert.match(server.startText, new RegExp(`migrated to ${tier.migrations.join(', ')}`));
    assert.match(server.startText, /seeded with 200/);
    const { snapshot, epoch } = await snapshotOf(server, 'u-ana');
    const open = snapshot.conversations.filter((c) => c.status === 'open' && c.trashedAt === null && !c.spam).slice(0, 20);
    assert.equal(open.length, 20);
    const startSeq = await server.seq();
    // Twenty commands at once, then a comment (a timeline write), then kill -9 right after the acks.
    const acks = await Promise.all(
      open.map((c, i) =>
        server.request('POST', '/api/commands', { body: { id: `durable-${i}`, type: 'setPriority', args: { ids: [c.id], priority: 'high' } } }),
      ),
    );
    for (const ack of acks) assert.equal(ack.status, 200, JSON.stringify(ack.body));
    const comment = { id: 'durable-comment', type: 'comment', args: { conversationId: open[0]!.id, itemId: 'durable-item', body: 'Survives kill -9', mentions: [] } };
    const commentAck = await server.request('POST', '/api/commands', { body: comment });
    assert.equal(commentAck.status, 200, JSON.stringify(commentAck.body));
    const seqBefore = await server.seq();
    await server.kill9();

    server = await ServerProcess.start(db, ['--seed-conversations', '200']);
    assert.doesNotMatch(server.startText, /migrated|seeded/, 'no migration, no seeding on restart');
    assert.equal(await server.seq(), seqBefore);
    const restarted = await snapshotOf(server, 'u-ana');
    assert.equal(restarted.epoch, epoch, 'the database keeps its history\'s epoch across a restart');
    const after = restarted.snapshot;
    for (const c of open) assert.equal(after.conversations.find((x) => x.id === c.id)?.priority, 'high', `${c.id} kept its change`);
    const page = await server.request('GET', `/api/conversations/${open[0]!.id}/timeline?limit=5`);
    const items = (page.body as { items: TimelineItem[]; hasMore: boolean }).items;
    assert.ok(items.some((item) => item.id === 'durable-item'), 'the comment is in the timeline');
    assert.ok(items.length > 1 && items.some((item) => item.id.startsWith(`${open[0]!.id}.`)), `with the demo history before it: ${JSON.stringify(page.body).slice(0, 500)}`);

    // The same ids again: the first answers, nothing applied twice.
    for (const [i, c] of open.entries()) {
      const again = await server.request('POST', '/api/commands', { body: { id: `durable-${i}`, type: 'setPriority', args: { ids: [c.id], priority: 'high' } } });
      assert.deepEqual(again.body, acks[i]!.body);
    }
    assert.deepEqual((await server.request('POST', '/api/commands', { body: comment })).body, commentAck.body);
    assert.equal(await server.seq(), seqBefore, 'applied once');

    // A client resumes across the restart with exactly what it missed.
    const resumed = server.stream('u-ana', startSeq, epoch);
    try {
      await resumed.waitFor(() => resumed.messages.some((m) => m.seq === seqBefore), 'the resumed events');
      assert.ok(resumed.messages.every((m) => m.kind === 'event'), 'no snapshot');
      assert.deepEqual(
        resumed.messages.map((m) => m.seq),
        Array.from({ length: seqBefore - startSeq }, (_, i) => startSeq + 1 + i),
      );
    } finally {
      resumed.close();
    }

    // New commands carry on from the restored sequence.
    const next = await server.request('POST', '/api/commands', { body: { id: 'durable-next', type: 'setPriority', args: { ids: [open[1]!.id], priority: 'low' } } });
    assert.equal(next.status, 200);
    assert.ok((next.body as { seq: number }).seq > seqBefore);

    // A database made anew is another history: a client's resume from the old one gets a snapshot.
    const fresh = await ServerProcess.start(await tier.db('anew'), ['--seed-conversations', '200']);
    try {
      for (let i = 0; i < 3; i++) {
        await fresh.request('POST', '/api/commands', { body: { id: `anew-${i}`, type: 'setPriority', args: { ids: [open[i]!.id], priority: 'low' } } });
      }
      assert.ok((await fresh.seq()) >= 1);
      const lost = fresh.stream('u-ana', 1, epoch);
      try {
        await lost.waitFor(() => lost.messages.length > 0, 'an answer');
        const first = lost.messages[0] as { kind: string; epoch?: string };
        assert.equal(first.kind, 'snapshot', 'another history: a snapshot, not events that do not follow');
        assert.notEqual(first.epoch, epoch);
      } finally {
        lost.close();
      }
    } finally {
      await fresh.stop();
    }

    assert.deepEqual(await tier.column(db, 'SELECT version FROM schema_migrations ORDER BY version'), tier.migrations);
    assert.deepEqual(await tier.column(db, tier.countConversations), [200]);
  });
});

describe('bearer tokens', () => {
  it('keeps only hashes: --issue-token prints a token once, the database holds its SHA-256, and the server takes it', async () => {
    const db = join(dir, 'tokens.db');
    const first = await ServerProcess.start(db, ['--seed-conversations', '200']);
    await first.stop();
    const issue = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', '--db', db, '--issue-token', 'u-lea'], { encoding: 'utf8' });
    assert.equal(issue.status, 0, issue.stderr);
    const token = issue.stdout.trim();
    assert.match(token, /^[A-Za-z0-9_-]{32}$/);
    const nobody = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', '--db', db, '--issue-token', 'u-nobody'], { encoding: 'utf8' });
    assert.equal(nobody.status, 2);
    assert.match(nobody.stderr, /no active user "u-nobody"/);

    const raw = new Database(db, { readonly: true });
    try {
      const hashes = raw.prepare('SELECT user_id, hash FROM token_hashes').all() as { user_id: string; hash: string }[];
      assert.equal(hashes.find((h) => h.user_id === 'u-lea')?.hash, createHash('sha256').update(token).digest('hex'));
      const everything = JSON.stringify([hashes, raw.prepare('SELECT * FROM tokens').all()]);
      assert.equal(everything.includes(token), false, 'the token itself is stored nowhere');
    } finally {
      raw.close();
    }

    const server = await ServerProcess.start(db, ['--seed-conversations', '200']);
    try {
      assert.equal(server.startText.includes(token), false, 'the token is not printed at start');
      const mine = await server.request('GET', '/api/conversations/c-1/timeline?limit=1', { token });
      assert.notEqual(mine.status, 401, JSON.stringify(mine.body));
      const wrong = await server.request('GET', '/api/conversations/c-1/timeline?limit=1', { token: `${token}x` });
      assert.equal(wrong.status, 401);
    } finally {
      await server.stop();
    }
  });
});

describe('dev mode', () => {
  it('answers CORS only for the origins it is given, and has no test routes', async () => {
    const server = await ServerProcess.start(join(dir, 'dev.db'), ['--seed-conversations', '200', '--allow-origin', 'https://crm.example.com'], '--dev');
    try {
      const from = (origin: string, method = 'GET') =>
        fetch(`${server.url}/api/health`, { method, headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
      const evil = await from('https://evil.example');
      assert.equal(evil.headers.get('access-control-allow-origin'), null, 'another page gets no CORS');
      const evilPreflight = await from('https://evil.example', 'OPTIONS');
      assert.equal(evilPreflight.headers.get('access-control-allow-origin'), null, 'nor a preflight');
      const crm = await from('https://crm.example.com');
      assert.equal(crm.headers.get('access-control-allow-origin'), 'https://crm.example.com');
      assert.equal(crm.headers.get('vary'), 'Origin');
      const preflight = await from('https://crm.example.com', 'OPTIONS');
      assert.equal(preflight.status, 204);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
      assert.equal((await server.request('POST', '/api/test/tick', { token: 'test-system' })).status, 404, 'no test routes');
      assert.equal((await server.request('GET', '/api/conversations/c-1/timeline?limit=1', { token: 'dev-u-ana' })).status, 200, 'dev tokens');
    } finally {
      await server.stop();
    }
  });
});

describe('limits', () => {
  let server: ServerProcess;
  before(async () => {
    server = await ServerProcess.start(join(dir, 'limits.db'), ['--seed-conversations', '200', '--rate', '5', '--streams-per-user', '3', '--upload-mb-per-day', '1']);
  });
  after(() => server.stop());

  it('answers 429 with Retry-After past a user\'s command rate, applies none of those, and takes them again after the wait', async () => {
    const command = (i: number) => ({ id: `rate-${i}`, type: 'setPriority', args: { ids: ['c-1'], priority: i % 2 === 0 ? 'high' : 'low' } });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => server.request('POST', '/api/commands', { body: command(i) })));
    const limited = answers.flatMap((a, i) => (a.status === 429 ? [i] : []));
    const accepted = answers.filter((a) => a.status === 200).length;
    assert.ok(limited.length >= 15, `most of 30 at once are limited (burst 10): ${answers.map((a) => a.status).join(' ')}`);
    assert.equal(accepted + limited.length, 30);
    const first = answers[limited[0]!]!;
    assert.match(first.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
    assert.match(reasonOf(first.body), /commands a second/);
    // Another user has a bucket of their own.
    assert.equal((await server.request('POST', '/api/commands', { body: command(100), token: 'dev-u-lea' })).status, 200);
    // A limited command was not remembered: after the wait it is applied like any other.
    await new Promise((resolve) => setTimeout(resolve, Number(first.headers.get('retry-after')) * 1000));
    const again = await server.request('POST', '/api/commands', { body: command(limited[0]!) });
    assert.equal(again.status, 200, JSON.stringify(again.body));
  });

  it('refuses a user\'s stream past their limit with 429, and takes one again when another closes', async () => {
    const streams = [server.stream('u-ana'), server.stream('u-ana'), server.stream('u-ana')];
    try {
      for (const stream of streams) await stream.waitFor(() => stream.frames.length > 0, 'a snapshot');
      const fourth = await fetch(`${server.url}/api/stream`, { headers: { Authorization: 'Bearer dev-u-ana' } });
      assert.equal(fourth.status, 429);
      assert.match(fourth.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
      assert.match(((await fourth.json()) as { reason: string }).reason, /At most 3 streams/);
      const other = server.stream('u-lea');
      await other.waitFor(() => other.frames.length > 0, 'another user\'s stream');
      other.close();
      streams.shift()!.close();
      // The server frees the slot once it sees the connection close.
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        const abort = new AbortController();
        const answer = await fetch(`${server.url}/api/stream`, { headers: { Authorization: 'Bearer dev-u-ana' }, signal: abort.signal });
        status = answer.status;
        abort.abort();
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(status, 200, 'a slot freed by a closed stream');
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  it('keeps a user to their upload quota (429), and takes no upload from a deactivated user (403)', async () => {
    const post = (token: string, bytes: number) =>
      fetch(`${server.url}/api/uploads`, {
        method: 'POST',
        body: new Uint8Array(bytes),
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream', 'X-File-Name': 'part.bin' },
      });
    assert.equal((await post('dev-u-tom', 600 * 1024)).status, 201);
    const over = await post('dev-u-tom', 600 * 1024);
    assert.equal(over.status, 429);
    assert.match(((await over.json()) as { reason: string }).reason, /1 MB of attachments a day/);
    assert.equal((await post('dev-u-marc', 600 * 1024)).status, 201, 'another user has their own quota');
    const gone = await post('dev-u-claire', 10);
    assert.equal(gone.status, 403);
    assert.match(((await gone.json()) as { reason: string }).reason, /deactivated/);
  });
});

for (const tier of TIERS) describe(`group commit (${tier.name})`, () => {
  let server: ServerProcess;
  after(() => server.stop());

  it('acks many concurrent commands after one commit each batch, streams each event once in order, and keeps every ack after kill -9', async () => {
    const db = await tier.db('group-commit');
    server = await ServerProcess.start(db, ['--seed-conversations', '200', '--rate', '0']);
    const { seq: startSeq, snapshot } = await snapshotOf(server, 'u-ana');
    const stream = server.stream('u-ana', startSeq);
    const targets = snapshot.conversations.slice(0, 100);
    // A priority each conversation does not have: every command changes something, hence an event.
    const priorityFor = (c: Conversation) => (c.priority === 'urgent' ? 'low' : 'urgent');
    const body = (c: Conversation, i: number) => ({ id: `group-${i}`, type: 'setPriority', args: { ids: [c.id], priority: priorityFor(c) } });
    let answers: unknown[];
    try {
      await stream.waitFor(() => stream.status === 200, 'the stream');
      const acks = await Promise.all(targets.map((c, i) => server.request('POST', '/api/commands', { body: body(c, i) })));
      for (const ack of acks) assert.equal(ack.status, 200, JSON.stringify(ack.body));
      answers = acks.map((ack) => ack.body);
      const seqs = acks.map((ack) => (ack.body as { seq: number }).seq);
      assert.equal(new Set(seqs).size, targets.length, 'distinct ack seqs');
      const newest = Math.max(...seqs);
      assert.ok(Math.min(...seqs) > startSeq);
      // The events went out before the acks (the client may read the streams in another order).
      await stream.waitFor(() => stream.messages.some((m) => m.seq === newest), 'the newest acked event');
      // kill -9 right after: nothing acknowledged may be lost.
      await server.kill9();
      // Each event once, in seq order, none missing up to the newest ack.
      const streamed = stream.messages.map((m) => m.seq!);
      assert.ok(stream.messages.every((m) => m.kind === 'event'), 'events only: resumed, no snapshot');
      assert.deepEqual(streamed.slice(0, newest - startSeq), Array.from({ length: newest - startSeq }, (_, i) => startSeq + 1 + i));
      assert.equal(new Set(streamed).size, streamed.length, 'no event twice');
    } finally {
      stream.close();
    }

    server = await ServerProcess.start(db, ['--seed-conversations', '200', '--rate', '0']);
    const restartSeq = await server.seq();
    const after = (await snapshotOf(server, 'u-ana')).snapshot;
    for (const c of targets) assert.equal(after.conversations.find((x) => x.id === c.id)?.priority, priorityFor(c), `${c.id} kept its change`);
    const stored = await tier.column(db, "SELECT count(*) FROM acks WHERE actor_id = 'u-ana' AND command_id LIKE 'group-%'");
    assert.deepEqual(stored, [targets.length], 'every ack in the database');
    assert.ok(restartSeq >= startSeq + targets.length);
    // Resent after the restart: the same answers, nothing applied twice.
    const again = await Promise.all(targets.map((c, i) => server.request('POST', '/api/commands', { body: body(c, i) })));
    assert.deepEqual(again.map((a) => a.body), answers);
    assert.equal(await server.seq(), restartSeq, 'applied once');
  });
});

for (const tier of TIERS) describe(`group commit, in one process (${tier.name})`, () => {
  /** `bodies` as pipelined POST /api/commands on one socket: one read for the server, hence one batch. */
  function pipelined(url: string, bodies: readonly object[]): Promise<{ status: number; body: unknown }[]> {
    const { hostname, port } = new URL(url);
    const text = bodies
      .map((body) => {
        const json = JSON.stringify(body);
        return `POST /api/commands HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer dev-u-ana\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
      })
      .join('');
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.write(text));
      let received = '';
      const answers: { status: number; body: unknown }[] = [];
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        received += chunk;
        for (;;) {
          const head = received.indexOf('\r\n\r\n');
          if (head < 0) break;
          const length = Number(/content-length: *(\d+)/i.exec(received.slice(0, head))?.[1] ?? 0);
          if (received.length < head + 4 + length) break;
          answers.push({ status: Number(received.slice(9, 12)), body: JSON.parse(received.slice(head + 4, head + 4 + length)) });
          received = received.slice(head + 4 + length);
        }
        if (answers.length === bodies.length) {
          socket.destroy();
          resolve(answers);
        }
      });
      socket.on('error', reject);
    });
  }

  /** An app on a database in memory, its batches' sizes, the errors given to `fatal`, and u-ana's stream. */
  async function start(transaction: (store: Storage, fn: () => unknown) => unknown) {
    const store = await tier.open();
    const batches: number[] = [];
    const fatal: unknown[] = [];
    const backend = new MemoryBackend({
      snapshot: store.snapshot(),
      timelineFor: store.timelineFor,
      restore: store.restoredLog(1000),
      findAck: (commandId, actorId) => store.findAck(commandId, actorId),
      persist: (commit) => {
        batches[batches.length - 1]!++;
        store.commit(commit);
      },
    });
    const app = createApp({
      backend,
      tokenHashes: new Map(),
      dev: true,
      transaction: <T>(fn: () => T): T | Promise<T> => {
        batches.push(0);
        return transaction(store, fn) as T | Promise<T>;
      },
      durable: store.durable,
      fatal: (error) => fatal.push(error),
    });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    const address = app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${address.port}`;
    const stream = new EventStream(`${url}/api/stream`, 'dev-u-ana');
    await stream.waitFor(() => stream.frames.length > 0, 'the snapshot');
    const snapshot = (stream.messages[0] as unknown as { snapshot: Snapshot }).snapshot;
    return {
      store, backend, batches, fatal, url, stream, snapshot,
      close: async () => {
        stream.close();
        await app.close();
        await store.close();
      },
    };
  }

  const setPriority = (id: string, conversationId: string) => ({ id, type: 'setPriority', args: { ids: [conversationId], priority: 'urgent' } });

  it('rolls back a command that fails inside a batch alone (500), and commits and streams the others', async () => {
    const t = await start((store, fn) => store.batch(fn));
    // A failure inside the command's own write (SQLite: its savepoint), after its rows were written.
    t.store.commitHooks.push((commit) => {
      if (commit.command.id === 'gc-boom') throw new Error('the disk said no');
    });
    try {
      const ids = t.snapshot.conversations.filter((c) => c.priority !== 'urgent').slice(0, 5).map((c) => c.id);
      const names = ['gc-1', 'gc-2', 'gc-boom', 'gc-4', 'gc-5'];
      const answers = await pipelined(t.url, names.map((name, i) => setPriority(name, ids[i]!)));
      assert.deepEqual(t.batches, [5], 'one batch');
      assert.deepEqual(answers.map((a) => a.status), [200, 200, 500, 200, 200]);
      const before = t.snapshot.conversations.find((c) => c.id === ids[2])!.priority;
      assert.equal(t.backend.state.conversations.get(ids[2]!)?.priority, before, 'unchanged in memory');
      const stored = await tier.columnOn(t.store, "SELECT command_id FROM acks WHERE command_id LIKE 'gc-%' ORDER BY command_id");
      assert.deepEqual(stored, ['gc-1', 'gc-2', 'gc-4', 'gc-5']);
      const [entity] = (await tier.columnOn(t.store, tier.conversationJson(ids[2]!))) as string[];
      assert.notEqual((JSON.parse(entity!) as Conversation).priority, 'urgent', 'not on disk either');
      const seqs = answers.flatMap((a) => (a.status === 200 ? [(a.body as { seq: number }).seq] : []));
      const first = t.stream.messages[0]!.seq!;
      const newest = Math.max(...seqs);
      await t.stream.waitFor(() => t.stream.messages.some((m) => m.seq === newest), 'the newest event');
      const streamed = t.stream.messages.slice(1).map((m) => m.seq!);
      assert.deepEqual(streamed, Array.from({ length: newest - first }, (_, i) => first + 1 + i), 'each event once, in order');
      assert.ok(seqs.every((seq) => streamed.includes(seq)));
    } finally {
      await t.close();
    }
  });

  it('writes nothing of a batch whose commit fails, answers none of it as done, and calls fatal', async () => {
    // The COMMIT fails: the batch's transaction rolls back after running.
    const t = await start((store, fn) => tier.failingBatch(store, fn));
    try {
      const ids = t.snapshot.conversations.slice(0, 3).map((c) => c.id);
      const answers = await pipelined(t.url, ids.map((id, i) => setPriority(`gc-fatal-${i}`, id)));
      assert.equal(t.fatal.length, 1);
      assert.match(String(t.fatal[0]), tier.commitFailure);
      assert.deepEqual(answers.map((a) => a.status), [500, 500, 500]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(t.stream.messages.length, 1, 'the snapshot only: nothing held was written');
    } finally {
      await t.close();
    }
  });
});

describe('SSE frames', () => {
  it('are made once per event and say exactly what JSON.stringify(message) says', () => {
    const event = { type: 'contact.upserted', contact: { id: 'k-1', name: 'Zoë “quoted” \u2028 😀', note: undefined, tags: ['a'] } } as unknown as DomainEvent;
    const message = { kind: 'event', seq: 42, event } as const;
    const frame = sseFrame(message);
    assert.equal(frame.toString('utf8'), `id: 42\ndata: ${JSON.stringify(message)}\n\n`);
    assert.equal(sseFrame({ kind: 'event', seq: 42, event }), frame, 'the same bytes for every stream');
    assert.equal(eventJson(event), JSON.stringify(event));
    assert.equal(sseFrame({ kind: 'event', seq: 43, event }).toString('utf8'), `id: 43\ndata: ${JSON.stringify({ ...message, seq: 43 })}\n\n`);
    const presence = { kind: 'presence', presence: { userId: 'u-ana', conversationId: null, typing: false, at: 1 } } as const;
    assert.equal(sseFrame(presence).toString('utf8'), `data: ${JSON.stringify(presence)}\n\n`);
  });
});

describe('a slow reader', () => {
  let server: ServerProcess;
  before(async () => {
    server = await ServerProcess.start(join(dir, 'slow-reader.db'), ['--seed-conversations', '200', '--rate', '0', '--stream-buffer-kb', '64']);
  });
  after(() => server.stop());

  it('is cut off once its queue passes the bound, and resumes by sequence number with nothing lost', async () => {
    const { hostname, port } = new URL(server.url);
    // A stream read by nobody: the kernel's buffers fill, then the server's queue grows.
    const socket = connect(Number(port), hostname);
    socket.setNoDelay(true);
    let received = '';
    const ended = { closed: false };
    socket.on('close', () => (ended.closed = true));
    socket.on('error', () => (ended.closed = true));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`GET /api/stream HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer dev-u-ana\r\n\r\n`);
    socket.once('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      socket.pause();
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const conversationId = (await snapshotOf(server, 'u-ana')).snapshot.conversations[0]!.id;
    // 200 replies of 50 kB: 10 MB for that stream, far past its kernel buffers and its 64 kB bound.
    const body = 'x'.repeat(50_000);
    const REPLIES = 200;
    for (let i = 0; i < REPLIES; i += 20) {
      await Promise.all(Array.from({ length: 20 }, (_, j) => server.request('POST', '/api/commands', {
        body: { id: `slow-${i + j}`, type: 'reply', args: { conversationId, itemId: `slow-item-${i + j}`, body } },
      }).then((answer) => assert.equal(answer.status, 200, JSON.stringify(answer.body)))));
    }
    // Reading now, the client finds its stream ended by the server, short of the last reply.
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    socket.resume();
    const end = Date.now() + 15_000;
    while (!ended.closed && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(ended.closed, true, 'the server closed the stream it could not deliver');
    const ids = [...received.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    const seen = new Set([...received.matchAll(/"id":"(slow-item-\d+)"/g)].map((m) => m[1]));
    assert.ok(seen.size < REPLIES, `cut before the end (${seen.size} of ${REPLIES} replies seen)`);
    // Resuming from the last complete event's seq brings the rest, once each.
    const last = ids.length > 0 ? Math.max(...ids.slice(0, -1), 0) : 0;
    const resumed = server.stream('u-ana', last);
    try {
      await resumed.waitFor(() => {
        for (const frame of resumed.frames) {
          const event = (frame.data as { event?: { type?: string; item?: { id?: string } } }).event;
          if (event?.type === 'timeline.upserted' && event.item?.id?.startsWith('slow-item-')) seen.add(event.item.id);
        }
        return seen.size === REPLIES;
      }, `every reply, after resuming from ${last} (${seen.size} seen)`, 15_000);
      assert.equal((resumed.messages[0] as { kind?: string } | undefined)?.kind, 'event', 'resumed, not a new snapshot');
    } finally {
      resumed.close();
      socket.destroy();
    }
  });
});

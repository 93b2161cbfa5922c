import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { LogEntry } from '../src/backend/memory-backend.js';
import type { Conversation, Snapshot } from '../src/model/types.js';
import type { Presence } from '../src/protocol/wire.js';
import { JetStreamBus, type BusReset } from './bus.js';
import { eventJson } from './sse.js';
import { ServerProcess } from './testing.js';

/**
 * The reference server with --nats (issue 13): every committed event on
 * JetStream at its seq, once the database holds it, including what was
 * committed while nothing was published (filled from the database at the
 * next start); presence both ways over core NATS. A real server process, the
 * NATS server at 127.0.0.1:4222 (NATS_URL overrides), a stream of its own.
 */

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const dir = mkdtempSync(join(tmpdir(), 'inbox-fanout-test-'));
const stream = `T_FAN_${randomBytes(4).toString('hex')}`;
const prefix = stream.toLowerCase();
const servers: ServerProcess[] = [];
let bus: JetStreamBus | null = null;
after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await bus?.deleteStream().catch(() => {});
  await bus?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function start(db: string, nats: boolean): Promise<ServerProcess> {
  const extra = ['--seed-conversations', '200', ...(nats ? ['--nats', NATS_URL, '--nats-stream', stream] : [])];
  const server = await ServerProcess.start(db, extra);
  servers.push(server);
  return server;
}

async function stop(server: ServerProcess): Promise<void> {
  await server.stop();
  servers.splice(servers.indexOf(server), 1);
}

async function commands(server: ServerProcess, conversations: readonly Conversation[], tag: string): Promise<void> {
  const acks = await Promise.all(
    conversations.map((c, i) =>
      server.request('POST', '/api/commands', { body: { id: `${tag}-${i}`, type: 'setPriority', args: { ids: [c.id], priority: i % 2 ? 'high' : 'low' } } }),
    ),
  );
  for (const ack of acks) assert.equal(ack.status, 200, JSON.stringify(ack.body));
}

describe('the server with --nats', () => {
  it('publishes every committed event at its seq, the same as its streams carry, and fills from the database what a run without --nats committed', async () => {
    const db = join(dir, 'fanout.db');
    let server = await start(db, true);
    assert.match(server.startText, new RegExp(`events to JetStream ${stream}`));
    bus = await JetStreamBus.connect({ servers: NATS_URL, stream, subject: `${prefix}.events`, presenceSubject: `${prefix}.presence` }).catch((error: unknown) => {
      throw new Error(`These tests need a NATS server with JetStream at ${NATS_URL}: ${String(error)}`);
    });
    const anaStream = server.stream('u-ana');
    await anaStream.waitFor(() => anaStream.messages.length > 0, "ana's snapshot");
    const snapshot = (anaStream.messages[0] as unknown as { seq: number; snapshot: Snapshot });
    const open = snapshot.snapshot.conversations.filter((c) => c.trashedAt === null).slice(0, 40);
    const seen: LogEntry[] = [];
    const resets: BusReset[] = [];
    const follower = bus.follow(snapshot.seq, { entries: (list) => seen.push(...list), reset: (r) => resets.push(r) });

    await commands(server, open.slice(0, 20), 'first');
    const seq1 = await server.seq();
    await until(() => seen.at(-1)?.seq === seq1, `the bus to reach seq ${seq1}`);
    assert.deepEqual(seen.map((e) => e.seq), Array.from({ length: seq1 - snapshot.seq }, (_, i) => snapshot.seq + 1 + i));
    // What ana's stream carried is what the bus carries for her, seq for seq.
    await anaStream.waitFor(() => anaStream.messages.at(-1)?.seq === seq1, "ana's events");
    const forAna = seen.filter((e) => e.to.includes('u-ana')).map((e) => `${e.seq} ${eventJson(e.event)}`);
    const onStream = anaStream.messages.slice(1).map((m) => `${m.seq} ${JSON.stringify(m.event)}`);
    assert.deepEqual(onStream, forAna);
    anaStream.close();

    // A run without --nats commits what the bus never gets; the next run with it publishes that first.
    await stop(server);
    server = await start(db, false);
    await commands(server, open.slice(20, 30), 'dark');
    const seq2 = await server.seq();
    await stop(server);
    server = await start(db, true);
    await until(() => seen.at(-1)?.seq === seq2, `the bus to catch up to ${seq2}`);
    await commands(server, open.slice(30, 40), 'after');
    const seq3 = await server.seq();
    await until(() => seen.at(-1)?.seq === seq3, `the bus to reach ${seq3}`);
    assert.deepEqual(seen.map((e) => e.seq), Array.from({ length: seq3 - snapshot.seq }, (_, i) => snapshot.seq + 1 + i));
    assert.deepEqual(resets, []);
    const state = await bus.streamState();
    assert.equal(state.last, seq3);
    await follower.stop();

    // Presence both ways: another instance's reaches ana here (R14: she sees everything); hers reaches it.
    const heard: Presence[] = [];
    bus.subscribePresence((p) => heard.push(p));
    const ana = server.stream('u-ana');
    await ana.waitFor(() => ana.messages.length > 0, "ana's snapshot");
    bus.publishPresence({ userId: 'u-lea', conversationId: open[0]!.id, typing: true, at: Date.now() });
    await ana.waitFor(() => ana.messages.some((m) => m.kind === 'presence'), 'the presence from the other instance');
    const presence = ana.messages.find((m) => m.kind === 'presence')!.presence as Presence;
    assert.deepEqual([presence.userId, presence.conversationId, presence.typing], ['u-lea', open[0]!.id, true]);
    const posted = await server.request('POST', '/api/presence', { body: { conversationId: open[1]!.id, typing: false } });
    assert.equal(posted.status, 204);
    await until(() => heard.some((p) => p.userId === 'u-ana'), "ana's presence on NATS");
    assert.equal(heard.find((p) => p.userId === 'u-ana')!.conversationId, open[1]!.id);
    ana.close();
  });

  it('refuses to start on a stream ahead of its database (another database\'s)', async () => {
    const child = await ServerProcess.start(join(dir, 'other.db'), ['--seed-conversations', '200', '--nats', NATS_URL, '--nats-stream', stream]).then(
      (server) => {
        servers.push(server);
        return null;
      },
      (error: unknown) => error as Error,
    );
    assert.ok(child instanceof Error, 'the server did not start');
    assert.match(child.message, /past this database's 0/);
  });
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { LogEntry, MemoryBackend } from '../src/backend/memory-backend.js';
import { JetStreamBus, LocalBus, LocalHub, type EventBus, type JetStreamBusOptions } from './bus.js';
import { Fanout } from './fanout.js';
import { NatsServer, freePort } from './nats-testing.js';
import { Replicator, type ReplicaSource } from './replicator.js';
import { backend, commands, everything, listen, sameState, USERS } from './replica-testing.js';

/**
 * Two instances in one process (issue 13): a committer whose commits go to
 * the bus (Fanout) and to its "database" (an array), and a replica that
 * follows the bus (Replicator): it ends with the committer's state and its
 * users' streams carry what the committer's carried, through a bus that
 * trimmed what the replica needed, a database that trimmed it too (a
 * resync: a snapshot on every stream), a stream deleted and made anew,
 * and a NATS server stopped and started again.
 */

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const dir = mkdtempSync(join(tmpdir(), 'inbox-replicator-test-'));
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function jetStream(options: Partial<JetStreamBusOptions>, servers = NATS_URL): Promise<JetStreamBus> {
  const bus = await JetStreamBus.connect({ servers, reconnectWaitMs: 100, ...options }).catch((error: unknown) => {
    throw new Error(`These tests need a NATS server with JetStream at ${servers}: ${error instanceof Error ? error.message : String(error)}`);
  });
  cleanups.push(() => bus.close());
  return bus;
}

function names(label: string): Pick<JetStreamBusOptions, 'stream' | 'subject' | 'presenceSubject'> {
  const id = `${label}_${randomBytes(4).toString('hex')}`;
  return { stream: `T_${id}`, subject: `test.${id}.events`, presenceSubject: `test.${id}.presence` };
}

/** The committer's database: every entry it committed, of which it keeps the newest `keep`; and a snapshot of its state. */
function database(primary: () => MemoryBackend, log: readonly LogEntry[], keep = Infinity): ReplicaSource & { entriesAfter: (after: number) => LogEntry[] } {
  const kept = () => log.slice(Math.max(0, log.length - keep));
  return {
    entries: (from, to) => kept().filter((e) => e.seq >= from && e.seq <= to),
    entriesAfter: (after) => kept().filter((e) => e.seq > after),
    snapshot: () => ({ snapshot: everything(primary().state), seq: primary().seq }),
  };
}

interface Pair {
  readonly primary: MemoryBackend;
  readonly replica: MemoryBackend;
  readonly fanout: Fanout;
  readonly replicator: Replicator;
  readonly onPrimary: { messages: string[] }[];
  readonly onReplica: { messages: string[] }[];
  /** Runs commands on the committer, then waits for the replica to reach it. */
  run(count: number, tag: string): Promise<void>;
}

async function pair(publishTo: EventBus, followFrom: EventBus, options: { keep?: number; startReplica?: boolean } = {}): Promise<Pair> {
  const log: LogEntry[] = [];
  let fanout: Fanout | null = null;
  const primary = backend(log, (entries) => fanout?.committed(entries));
  const db = database(() => primary, log, options.keep);
  fanout = new Fanout({ bus: publishTo, backend: primary, entriesAfter: (after) => db.entriesAfter(after) });
  await fanout.start();
  const replica = backend();
  const replicator = new Replicator({ bus: followFrom, backend: replica, source: db });
  const onPrimary = USERS.map((u) => listen(primary, u));
  const onReplica = USERS.map((u) => listen(replica, u));
  if (options.startReplica !== false) replicator.start();
  const f = fanout;
  cleanups.push(async () => {
    await replicator.stop();
    await f.close(100);
  });
  return {
    primary, replica, fanout, replicator, onPrimary, onReplica,
    async run(count, tag) {
      for (const { command, actor } of commands(primary.state, count, tag, tag.length * 7919)) primary.send(command, actor);
      await until(() => replica.seq === primary.seq, `the replica to reach ${primary.seq} (at ${replica.seq})`);
      await replicator.idle();
    },
  };
}

function sameStreams(p: Pair): void {
  for (const [i, user] of USERS.entries()) assert.deepEqual(p.onReplica[i]!.messages, p.onPrimary[i]!.messages, `${user}'s stream`);
}

describe('a replica following the bus (Replicator)', () => {
  it('on one process (LocalBus): the same state and the same streams', async () => {
    const hub = new LocalHub();
    const p = await pair(new LocalBus(hub), new LocalBus(hub));
    await p.run(200, 'local');
    sameState(p.replica.state, p.primary.state);
    sameStreams(p);
    assert.deepEqual(p.replicator.stats, { fromBus: p.primary.seq, filled: 0, resyncs: 0, resets: 0 });
  });

  it('on JetStream, starting after the stream trimmed what it needs: filled from the database, then live', async () => {
    const options = { ...names('fill'), maxMessages: 20 };
    const writer = await jetStream(options);
    cleanups.push(() => writer.deleteStream());
    const reader = await jetStream(options);
    const p = await pair(writer, reader, { startReplica: false });
    for (const { command, actor } of commands(p.primary.state, 150, 'before')) p.primary.send(command, actor);
    await until(() => p.fanout.backlog === 0, 'the fanout to publish');
    p.replicator.start();
    await p.run(100, 'live');
    sameState(p.replica.state, p.primary.state);
    sameStreams(p);
    // At least the one at the start; the live commands may outrun a stream of 20 too, and are filled alike.
    assert.ok(p.replicator.stats.resets >= 1);
    assert.ok(p.replicator.stats.filled > 100, `filled ${p.replicator.stats.filled}`);
    assert.equal(p.replicator.stats.resyncs, 0);
  });

  it('resyncs from a snapshot when the database no longer holds the hole either: every open stream gets one', async () => {
    const options = { ...names('resync'), maxMessages: 20 };
    const writer = await jetStream(options);
    cleanups.push(() => writer.deleteStream());
    const reader = await jetStream(options);
    const p = await pair(writer, reader, { keep: 30, startReplica: false });
    for (const { command, actor } of commands(p.primary.state, 150, 'gone')) p.primary.send(command, actor);
    await until(() => p.fanout.backlog === 0, 'the fanout to publish');
    p.replicator.start();
    await p.run(50, 'after');
    sameState(p.replica.state, p.primary.state);
    assert.equal(p.replicator.stats.resyncs, 1);
    // Each open stream of the replica got a snapshot, then the events after it, as the committer's.
    for (const [i, user] of USERS.entries()) {
      const messages = p.onReplica[i]!.messages;
      if (user === 'u-tom') continue; // deactivated by the commands: his stream ended
      const at = messages.findIndex((m) => m.startsWith('{"kind":"snapshot"'));
      assert.ok(at >= 0, `${user} got a snapshot`);
      const seq = (JSON.parse(messages[at]!) as { seq: number }).seq;
      const after = p.onPrimary[i]!.messages.filter((m) => m.startsWith('{"kind":"event"') && (JSON.parse(m) as { seq: number }).seq > seq);
      assert.deepEqual(messages.slice(at + 1), after, `${user}'s events after the snapshot`);
    }
  });

  it('goes on across a stream deleted and made anew (another epoch), filling what the new stream lacks', async () => {
    const options = names('epoch');
    const writer = await jetStream(options);
    cleanups.push(() => writer.deleteStream());
    const reader = await jetStream(options);
    const p = await pair(writer, reader);
    await p.run(50, 'old');
    const before = writer.epoch;
    await writer.deleteStream();
    await p.run(50, 'new');
    assert.notEqual(writer.epoch, before);
    sameState(p.replica.state, p.primary.state);
    sameStreams(p);
    assert.equal(p.replicator.stats.resets, 1);
    assert.equal(p.replicator.stats.resyncs, 0);
  });

  it('goes on across a NATS server stopped and started again while commands go on: nothing lost, nothing twice', async () => {
    const nats = new NatsServer(await freePort(), join(dir, 'nats'));
    await nats.start();
    cleanups.push(() => nats.stop());
    const options = { ...names('restart'), publishTimeoutMs: 500 };
    const writer = await jetStream(options, nats.url);
    cleanups.push(() => writer.deleteStream());
    const reader = await jetStream(options, nats.url);
    const p = await pair(writer, reader);
    await p.run(50, 'up');
    await nats.stop();
    for (const { command, actor } of commands(p.primary.state, 50, 'down')) p.primary.send(command, actor);
    assert.ok(p.fanout.backlog > 0, 'held while NATS is away');
    await nats.start();
    await p.run(50, 'again');
    await until(() => p.fanout.backlog === 0, 'the fanout to publish');
    sameState(p.replica.state, p.primary.state);
    sameStreams(p);
    assert.equal(p.replicator.stats.resyncs, 0);
    assert.equal(p.replicator.stats.fromBus + p.replicator.stats.filled, p.primary.seq);
  });
});

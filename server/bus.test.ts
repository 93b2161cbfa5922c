import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { logEntry, type LogEntry } from '../src/backend/memory-backend.js';
import type { Presence } from '../src/protocol/wire.js';
import {
  BusConflictError,
  BusGapError,
  JetStreamBus,
  LocalBus,
  LocalHub,
  type BusReset,
  type EventBus,
  type Follower,
  type JetStreamBusOptions,
} from './bus.js';
import { freePort, NatsServer } from './nats-testing.js';

/**
 * The event bus (issue 13) against the real NATS server with JetStream
 * (127.0.0.1:4222 here and in CI; NATS_URL overrides), each test on a
 * stream and subjects of its own, deleted at the end; and against a private
 * nats-server (-js -sd <tmp>) that the tests stop and start again. Without a
 * NATS server these tests fail: the multi-instance tier depends on it.
 */

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const dir = mkdtempSync(join(tmpdir(), 'inbox-bus-test-'));
const buses: EventBus[] = [];
after(async () => {
  // Every stream a test made goes, whatever the test's outcome (a bus still open deletes its own).
  for (const bus of buses) if (bus instanceof JetStreamBus) await bus.deleteStream().catch(() => {});
  await Promise.all(buses.map((bus) => bus.close().catch(() => {})));
  rmSync(dir, { recursive: true, force: true });
});

/** Names of its own for a test: a stream and its subjects. */
function names(label: string): Pick<JetStreamBusOptions, 'stream' | 'subject' | 'presenceSubject'> {
  const id = `${label}_${randomBytes(4).toString('hex')}`;
  return { stream: `T_${id}`, subject: `test.${id}.events`, presenceSubject: `test.${id}.presence` };
}

async function jetStreamBus(options: Partial<JetStreamBusOptions> & Pick<JetStreamBusOptions, 'stream'>, servers = NATS_URL): Promise<JetStreamBus> {
  let bus: JetStreamBus;
  try {
    bus = await JetStreamBus.connect({ servers, ...options });
  } catch (error) {
    throw new Error(
      `These tests need a NATS server with JetStream at ${servers} (start one: nats-server -js; or set NATS_URL): ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  buses.push(bus);
  return bus;
}

function entry(seq: number, to: readonly string[] = ['u-ana']): LogEntry {
  return logEntry(seq, { type: 'conversation.deleted', id: `c-${seq}` }, to, []);
}

function entries(from: number, to: number): LogEntry[] {
  return Array.from({ length: to - from + 1 }, (_, i) => entry(from + i));
}

/** What a follower was given, as it was given. */
class Recorder {
  readonly seqs: number[] = [];
  readonly resets: BusReset[] = [];
  /** Both, in the order given: `5`, `reset epoch 6→6`. */
  readonly log: string[] = [];
  readonly handler = {
    entries: (list: readonly LogEntry[]) => {
      for (const e of list) {
        this.seqs.push(e.seq);
        this.log.push(String(e.seq));
      }
    },
    reset: (reset: BusReset) => {
      this.resets.push(reset);
      this.log.push(`reset ${reset.reason} ${reset.expected}→${reset.next}`);
    },
  };
}

async function until(condition: () => boolean, what: string, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** What every bus does, in one process or over NATS. */
function contract(name: string, make: (label: string) => Promise<{ a: EventBus; b: EventBus }>): void {
  describe(`${name}: the contract`, () => {
    it('gives every entry once, in seq order, to followers from any seq, then the new ones live', async () => {
      const { a, b } = await make('order');
      await a.publish(entries(1, 30));
      const all = new Recorder();
      const late = new Recorder();
      const followers: Follower[] = [b.follow(0, all.handler), b.follow(20, late.handler)];
      await until(() => all.seqs.length === 30 && late.seqs.length === 10, 'the published entries');
      await a.publish(entries(31, 40));
      await until(() => all.seqs.length === 40 && late.seqs.length === 20, 'the live entries');
      assert.deepEqual(all.seqs, range(1, 40));
      assert.deepEqual(late.seqs, range(21, 40));
      assert.deepEqual([...all.resets, ...late.resets], []);
      await Promise.all(followers.map((f) => f.stop()));
    });

    it('takes an entry published again as harmless, and refuses a hole or another entry at a seq', async () => {
      const { a, b } = await make('dedupe');
      await a.publish(entries(1, 5));
      await a.publish(entries(3, 7));
      await a.publish(entries(1, 7));
      await assert.rejects(a.publish([entry(10)]), (error: unknown) => error instanceof BusGapError && error.last === 7);
      await assert.rejects(a.publish([entry(4, ['u-sam'])]), BusConflictError);
      const seen = new Recorder();
      const follower = b.follow(0, seen.handler);
      await a.publish(entries(8, 9));
      await until(() => seen.seqs.length === 9, 'nine entries');
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(seen.seqs, range(1, 9));
      await follower.stop();
    });

    it('carries presence to the other instances, not back to its own, and ends it when not renewed', async () => {
      const { a, b } = await make('presence');
      const atB: Presence[] = [];
      const atA: Presence[] = [];
      b.subscribePresence((p) => atB.push(p));
      a.subscribePresence((p) => atA.push(p));
      a.publishPresence({ userId: 'u-ana', conversationId: 'c-1', typing: true, at: 1 });
      await until(() => atB.length === 1, 'the presence at b');
      assert.deepEqual(atB[0], { userId: 'u-ana', conversationId: 'c-1', typing: true, at: 1 });
      // a closes without a word, as a dead instance would: b ends ana's presence within the TTL.
      const started = Date.now();
      await a.close();
      await until(() => atB.length === 2, 'the presence to end', 3000);
      assert.equal(atB[1]!.userId, 'u-ana');
      assert.equal(atB[1]!.conversationId, null);
      // Within the TTL (600 ms here; 30 s in production), give or take a loaded machine's timers.
      assert.ok(Date.now() - started < 600 + 400, `ended after ${Date.now() - started} ms`);
      assert.deepEqual(atA, []);
    });
  });
}

contract('LocalBus', async () => {
  const hub = new LocalHub();
  const options = { presenceTtlMs: 600 };
  const a = new LocalBus(hub, options);
  const b = new LocalBus(hub, options);
  buses.push(a, b);
  return Promise.resolve({ a, b });
});

contract('JetStreamBus', async (label) => {
  const options = { ...names(label), presenceTtlMs: 600 };
  const a = await jetStreamBus(options);
  const b = await jetStreamBus(options);
  return { a, b };
});

describe('JetStreamBus on the NATS server', () => {
  it('keeps the stream sequence equal to the event seq, from a database that already had a log', async () => {
    const bus = await jetStreamBus(names('seq'));
    // The database is at 500 when the bus first starts: the stream begins there.
    await bus.publish(entries(501, 510));
    const state = await bus.streamState();
    assert.deepEqual({ first: state.first, last: state.last, messages: state.messages }, { first: 501, last: 510, messages: 10 });
    const seen = new Recorder();
    const follower = bus.follow(500, seen.handler);
    await until(() => seen.seqs.length === 10, 'ten entries');
    await bus.publish(entries(511, 512));
    await until(() => seen.seqs.length === 12, 'two more');
    assert.deepEqual(seen.seqs, range(501, 512));
    assert.deepEqual(seen.resets, []);
    await follower.stop();
  });

  it('takes a republish after the dedupe window by the seq check (a writer restarted after a crash)', async () => {
    const bus = await jetStreamBus({ ...names('window'), duplicateWindowMs: 200 });
    await bus.publish(entries(1, 5));
    await new Promise((resolve) => setTimeout(resolve, 400));
    await bus.publish(entries(4, 6));
    const state = await bus.streamState();
    assert.deepEqual({ first: state.first, last: state.last }, { first: 1, last: 6 });
  });

  it('tells a follower whose seq was trimmed, and goes on from the oldest it holds', async () => {
    const bus = await jetStreamBus({ ...names('trim'), maxMessages: 5 });
    await bus.publish(entries(1, 20));
    const seen = new Recorder();
    const follower = bus.follow(2, seen.handler);
    await until(() => seen.seqs.length === 5, 'the five kept');
    assert.deepEqual(seen.resets, [{ reason: 'trimmed', epoch: bus.epoch, expected: 3, next: 16 }]);
    assert.deepEqual(seen.log, ['reset trimmed 3→16', '16', '17', '18', '19', '20']);
    await follower.stop();
  });

  it('tells a follower that the stream was deleted and made anew (another epoch), before the new entries', async () => {
    const options = names('epoch');
    const writer = await jetStreamBus(options);
    await writer.publish(entries(1, 5));
    const reader = await jetStreamBus(options);
    const before = reader.epoch;
    const seen = new Recorder();
    const follower = reader.follow(0, seen.handler);
    await until(() => seen.seqs.length === 5, 'five entries');
    await writer.deleteStream();
    // An instance starts on the same database and makes the stream again; the log goes on at 6.
    const again = await jetStreamBus(options);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await again.publish(entries(6, 8));
    await until(() => seen.seqs.length === 8, 'the entries of the new stream', 15_000);
    assert.deepEqual(seen.log, ['1', '2', '3', '4', '5', 'reset epoch 6→6', '6', '7', '8']);
    assert.equal(seen.resets[0]!.reason, 'epoch');
    assert.notEqual(seen.resets[0]!.epoch, before);
    assert.equal(seen.resets[0]!.expected, 6);
    await follower.stop();
    // And a follower that read seq 5 under the old epoch is told at once.
    const late = new Recorder();
    const second = again.follow(5, late.handler, { epoch: before });
    await until(() => late.resets.length === 1 && late.seqs.length === 3, 'the reset and the entries');
    assert.equal(late.resets[0]!.reason, 'epoch');
    await second.stop();
  });

  it('fails with a clear message when NATS cannot be reached', async () => {
    const port = await freePort();
    await assert.rejects(
      JetStreamBus.connect({ servers: `nats://127.0.0.1:${port}`, stream: 'NONE' }),
      (error: unknown) => error instanceof Error && error.message.includes(`Cannot reach NATS at nats://127.0.0.1:${port}`),
    );
  });
});

describe('JetStreamBus across a NATS restart', () => {
  let nats: NatsServer;
  before(async () => {
    nats = new NatsServer(await freePort(), join(dir, 'nats'));
    await nats.start();
  });
  after(async () => {
    // Its streams go before the server does (the private server's store is removed with the test's directory anyway).
    for (const bus of [...buses]) {
      if (!(bus instanceof JetStreamBus) || !bus.servers.includes(nats.url)) continue;
      buses.splice(buses.indexOf(bus), 1);
      await bus.deleteStream().catch(() => {});
      await bus.close().catch(() => {});
    }
    await nats.stop();
  });

  it('follows on after the server stops and starts again: nothing lost, nothing twice, the same epoch', async () => {
    const options = { ...names('restart'), reconnectWaitMs: 100, publishTimeoutMs: 500 };
    const writer = await jetStreamBus(options, nats.url);
    const reader = await jetStreamBus(options, nats.url);
    const epoch = reader.epoch;
    await writer.publish(entries(1, 50));
    const seen = new Recorder();
    const follower = reader.follow(0, seen.handler);
    await until(() => seen.seqs.length === 50, 'the first fifty');
    await nats.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await nats.start();
    // The writer retries what it could not publish while NATS was away (the next command would).
    for (let attempt = 0; ; attempt++) {
      try {
        await writer.publish(entries(51, 100));
        break;
      } catch (error) {
        if (attempt > 40) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await until(() => seen.seqs.length === 100, 'the fifty published after the restart', 15_000);
    assert.deepEqual(seen.seqs, range(1, 100));
    assert.deepEqual(seen.resets, []);
    assert.equal(reader.epoch, epoch);
    await follower.stop();
  });
});

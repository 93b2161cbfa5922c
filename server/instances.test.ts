import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MemoryBackend, type LogEntry } from '../src/backend/memory-backend.js';
import { mulberry32 } from '../src/backend/demo-data.js';
import type { Id } from '../src/model/types.js';
import type { CommandAck } from '../src/protocol/wire.js';
import { JetStreamBus } from './bus.js';
import { Fanout } from './fanout.js';
import { NatsServer, freePort } from './nats-testing.js';
import { Replicator } from './replicator.js';
import { commands, everything, listen, NOW, sameState, USERS } from './replica-testing.js';

/**
 * The design of issue 13's multi-instance tier, whole but for PostgreSQL:
 * three instances, each a MemoryBackend replica with its Fanout and its
 * Replicator on JetStream, sharing one "database" (the log, the acks) and
 * its writer lock (here: one command at a time, as JavaScript runs them).
 * A command on any instance catches up from the database under the lock,
 * applies, commits, publishes. Commands go to random instances, one
 * instance is killed and started again from the database, and the NATS
 * server is stopped and started again, all during the run: every instance
 * ends with the database's state, every user's stream is the same on every
 * instance, each command applied once. DEBUG_BUS=1 prints what the
 * fanouts and replicas do.
 */

const dir = mkdtempSync(join(tmpdir(), 'inbox-instances-test-'));
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The shared database: the log and the acks, as PostgreSQL would hold them. */
class Database {
  readonly log: LogEntry[] = [];
  readonly acks = new Map<string, CommandAck>();
  get seq(): number {
    return this.log.length;
  }
  after(seq: number): LogEntry[] {
    return this.log.slice(seq);
  }
  /** A new instance's replica: the seeded data, then the log (what a restart reads back). */
  replica(persist?: (entries: readonly LogEntry[]) => void, idPrefix = ''): MemoryBackend {
    const backend = new MemoryBackend({
      demo: { conversations: 200, now: NOW },
      now: () => NOW,
      // One database, one history: every instance sends its epoch.
      epoch: 'instances-test',
      idPrefix,
      findAck: (commandId, actorId) => this.acks.get(`${actorId ?? ''} ${commandId}`),
      persist: (commit) => {
        // Under the writer lock, the replica caught up first: its entries follow the database's.
        assert.equal(commit.entries[0]?.seq ?? this.seq + 1, this.seq + 1, 'a commit follows the database');
        this.log.push(...commit.entries);
        this.acks.set(`${commit.actorId ?? ''} ${commit.ack.commandId}`, commit.ack);
        persist?.(commit.entries);
      },
    });
    backend.applyRemote(this.log);
    return backend;
  }
}

class Instance {
  readonly backend: MemoryBackend;
  readonly fanout: Fanout;
  readonly replicator: Replicator;
  readonly streams: Map<Id, { messages: string[]; close: () => void }>;

  private constructor(readonly name: string, readonly db: Database, readonly bus: JetStreamBus) {
    let fanout: Fanout | null = null;
    this.backend = db.replica((entries) => fanout?.committed(entries), `${name}-`);
    const log = process.env.DEBUG_BUS ? (line: string) => console.log(`${Date.now() % 100000} ${name} ${line}`) : undefined;
    fanout = new Fanout({ bus, backend: this.backend, entriesAfter: (seq) => db.after(seq), log });
    this.fanout = fanout;
    this.replicator = new Replicator({
      bus,
      backend: this.backend,
      log,
      source: {
        entries: (from, to) => db.log.slice(from - 1, to),
        snapshot: () => {
          const whole = db.replica();
          return { snapshot: everything(whole.state), seq: whole.seq };
        },
      },
    });
    this.streams = new Map(USERS.map((u) => [u, listen(this.backend, u)]));
  }

  static async start(name: string, db: Database, busOptions: Parameters<typeof JetStreamBus.connect>[0]): Promise<Instance> {
    const log = process.env.DEBUG_BUS ? (line: string) => console.log(`${Date.now() % 100000} ${name} ${line}`) : undefined;
    const bus = await JetStreamBus.connect({ ...busOptions, log });
    const instance = new Instance(name, db, bus);
    await instance.fanout.start();
    instance.replicator.start();
    return instance;
  }

  /** A command through this instance: the writer lock, catching up from the database, then the command. */
  send(command: unknown, actorId: Id | null): CommandAck {
    const caught = this.backend.applyRemote(this.db.after(this.backend.seq));
    assert.equal(caught.missing, null);
    return this.backend.send(command, actorId);
  }

  async stop(): Promise<void> {
    for (const stream of this.streams.values()) stream.close();
    await this.replicator.stop();
    await this.fanout.close(2000);
    await this.bus.close();
  }
}

describe('three instances on one database and JetStream', () => {
  it('converge through an instance killed and restarted and a NATS restart: the same state everywhere, the same streams, each command once', async () => {
    const nats = new NatsServer(await freePort(), join(dir, 'nats'));
    await nats.start();
    cleanups.push(() => nats.stop());
    const id = randomBytes(4).toString('hex');
    const busOptions = { servers: nats.url, stream: `T_MULTI_${id}`, subject: `test.${id}.events`, presenceSubject: `test.${id}.presence`, reconnectWaitMs: 100, publishTimeoutMs: 500 };
    const db = new Database();
    const instances = await Promise.all(['a', 'b', 'c'].map((name) => Instance.start(name, db, busOptions)));
    cleanups.push(() => Promise.all(instances.map((i) => i.stop())).then(() => {}));
    const rng = mulberry32(99);
    const script = commands(instances[0]!.backend.state, 600, 'multi', 4242);
    let applied = 0;
    const sent: { command: unknown; actor: Id | null; ack: CommandAck }[] = [];
    for (const [n, { command, actor }] of script.entries()) {
      if (n === 200) {
        // Instance b dies (nothing flushed) and starts again from the database.
        const dead = instances[1]!;
        await dead.replicator.stop();
        await dead.fanout.close(0);
        await dead.bus.close();
        instances[1] = await Instance.start('b2', db, busOptions);
      }
      if (n === 350) await nats.stop();
      if (n === 420) await nats.start();
      if (process.env.DEBUG_BUS && n % 50 === 0) console.log(`${Date.now() % 100000} command ${n} db ${db.seq} ${instances.map((i) => `${i.name}:${i.backend.seq}/${i.fanout.backlog}`).join(' ')}`);
      const instance = instances[Math.floor(rng() * instances.length)]!;
      const ack = instance.send(command, actor);
      if (ack.ok) applied++;
      sent.push({ command, actor, ack });
      if (n % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    assert.ok(applied > 350, `${applied} applied`);
    // Sent again to other instances: the first answer, nothing applied twice.
    const seq = db.seq;
    for (const { command, actor, ack } of sent.slice(0, 50)) assert.deepEqual(instances[2]!.send(command, actor), ack);
    assert.equal(db.seq, seq);

    for (const instance of instances) await until(() => instance.backend.seq === db.seq, `${instance.name} to reach ${db.seq} (at ${instance.backend.seq})`);
    for (const instance of instances) await instance.replicator.idle();
    const reference = db.replica();
    for (const instance of instances) sameState(instance.backend.state, reference.state);
    // A user's stream is the same on every instance that had it from the start (a and c), and b2's is its tail.
    for (const user of USERS) {
      const onA = instances[0]!.streams.get(user)!.messages;
      assert.deepEqual(instances[2]!.streams.get(user)!.messages, onA, `${user} on c`);
      const onB2 = instances[1]!.streams.get(user)!.messages;
      assert.deepEqual(onB2, onA.slice(onA.length - onB2.length), `${user} on b2`);
    }
    for (const instance of instances) assert.equal(instance.replicator.stats.resyncs, 0, `${instance.name} never resynced`);
    await until(() => instances.every((i) => i.fanout.backlog === 0), 'every fanout to publish');
    const state = await instances[0]!.bus.streamState();
    assert.equal(state.last, db.seq);
    await instances[0]!.bus.deleteStream();
  });
});

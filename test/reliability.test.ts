/**
 * Issue 5's reliability tests, against the real reference server (a child
 * process on loopback, started by test/server-plugin.mjs): five InboxStores
 * on HttpTransport, as five users of every role and visibility, issue 1,000
 * random commands at once; then again while streams are dropped and the
 * server is killed with SIGKILL and restarted. Every store must end equal
 * to what the server gives that user, no acknowledged command may be lost
 * or applied twice, and no user may ever receive a conversation R14 hides
 * from them.
 */
import { expect } from '@open-wc/testing';
import { Observable, type Subscription } from 'rxjs';
import type { Command, CommandArgs, CommandType } from '../src/model/commands.js';
import type { DomainEvent } from '../src/model/events.js';
import { canSeeConversation } from '../src/model/permissions.js';
import { reduce, stateFromSnapshot } from '../src/model/state.js';
import { PRIORITIES, type Conversation, type Id, type InboxState, type Snapshot } from '../src/model/types.js';
import { InboxStore } from '../src/store/inbox-store.js';
import type { HttpTransport } from '../src/transport/http/http-transport.js';
import type { CommandAck, ConnectRequest, ServerMessage, TimelinePage, TimelineRequest, Transport } from '../src/transport/transport.js';
import { RealServer, USERS } from './real-server.js';

const COMMANDS = 1000;
const CLIENT_USERS: readonly Id[] = [USERS.owner, USERS.manager, USERS.agentAll, USERS.agentTeam, USERS.agentSelf];
const SEED = Number(new URLSearchParams(location.search).get('seed') ?? Date.now() % 100_000);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await pause(20);
  }
}

/** mulberry32: a seeded PRNG, so that a failing run can be replayed with ?seed=. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Wraps a client's HttpTransport: remembers every answer to every send,
 * counts sends per command id, and can cut its open stream (as a lost
 * network would) on the test's request.
 */
class WatchedTransport implements Transport {
  readonly answers = new Map<Id, { command: Command; acks: CommandAck[] }>();
  readonly sends = new Map<Id, number>();
  /** Diagnostics: the since of each connect, and the last seq the stream carried. */
  readonly connects: number[] = [];
  lastSeq = -1;
  readonly failures = new Map<string, number>();
  readonly #streams = new Set<() => void>();

  constructor(readonly inner: HttpTransport) {}

  connect(request: ConnectRequest): Observable<unknown> {
    return new Observable<unknown>((subscriber) => {
      this.connects.push(request.since ?? -1);
      const inner = this.inner.connect(request).subscribe({
        next: (message) => {
          const seq = (message as { seq?: unknown }).seq;
          if (typeof seq === 'number') this.lastSeq = seq;
          subscriber.next(message);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      const cut = () => {
        inner.unsubscribe();
        subscriber.error(new Error('stream cut by the test'));
      };
      this.#streams.add(cut);
      return () => {
        this.#streams.delete(cut);
        inner.unsubscribe();
      };
    });
  }

  /** Aborts the open stream, if any: the store sees a drop and resumes. */
  cut(): void {
    for (const cut of [...this.#streams]) cut();
  }

  async send(command: Command, actorId: Id): Promise<unknown> {
    this.sends.set(command.id, (this.sends.get(command.id) ?? 0) + 1);
    const answer = (await this.inner.send(command, actorId).catch((error: unknown) => {
      const key = String(error).slice(0, 80);
      this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
      throw error;
    })) as CommandAck;
    const entry = this.answers.get(command.id) ?? { command, acks: [] };
    entry.acks.push(answer);
    this.answers.set(command.id, entry);
    return answer;
  }

  timeline(request: TimelineRequest, actorId: Id): Promise<unknown> {
    return this.inner.timeline(request, actorId);
  }
}

/** A raw stream, recorded whole: what a user ever receives. Resumes by itself after drops. */
class Recorder {
  readonly messages: ServerMessage[] = [];
  readonly #subscription: Subscription;
  failure: unknown = null;

  constructor(
    readonly userId: Id,
    transport: HttpTransport,
  ) {
    this.#subscription = transport.connect({ userId }).subscribe({
      next: (message) => this.messages.push(message as ServerMessage),
      error: (error: unknown) => (this.failure = error),
    });
  }

  get snapshot(): Extract<ServerMessage, { kind: 'snapshot' }> {
    const first = this.messages[0];
    if (first?.kind !== 'snapshot') throw new Error(`${this.userId}'s stream did not start with a snapshot`);
    return first;
  }

  get lastSeq(): number {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const message = this.messages[i]!;
      if (message.kind !== 'presence') return message.seq;
    }
    return -1;
  }

  close(): void {
    this.#subscription.unsubscribe();
  }
}

/** What the server gives `userId` now: the snapshot of a fresh connection. */
async function groundTruth(transport: HttpTransport, userId: Id): Promise<Extract<ServerMessage, { kind: 'snapshot' }>> {
  return new Promise((resolve, reject) => {
    const subscription = transport.connect({ userId }).subscribe({
      next: (message) => {
        subscription.unsubscribe();
        const m = message as ServerMessage;
        if (m.kind === 'snapshot') resolve(m);
        else reject(new Error(`expected a snapshot, got ${m.kind}`));
      },
      error: (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
    });
  });
}

/** The differences between a store's conversations and the server's, at most `limit` described. */
function differences(mine: ReadonlyMap<Id, Conversation>, truth: readonly Conversation[], limit = 5): string[] {
  const out: string[] = [];
  const theirs = new Map(truth.map((c) => [c.id, c]));
  for (const [id, c] of theirs) {
    const held = mine.get(id);
    if (!held) out.push(`${id} missing (server v${c.version})`);
    else if (JSON.stringify(sorted(held)) !== JSON.stringify(sorted(c))) {
      const fields = Object.keys(c).filter((k) => JSON.stringify(held[k as keyof Conversation]) !== JSON.stringify(c[k as keyof Conversation]));
      out.push(`${id} differs in ${fields.join(', ')} (client v${held.version}, server v${c.version})`);
    }
  }
  for (const id of mine.keys()) if (!theirs.has(id)) out.push(`${id} held but not on the server`);
  return out.slice(0, limit).concat(out.length > limit ? [`... ${out.length - limit} more`] : []);
}

const sorted = (value: object): unknown =>
  Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));

/** One random command a person in `store`'s seat might make, over the conversations they see. */
function randomCommand(store: InboxStore, rng: () => number, n: number): { type: CommandType; args: CommandArgs[CommandType] } | null {
  const model = store.state.model;
  const ids = [...model.conversations.keys()];
  if (ids.length === 0) return null;
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const some = (): Id[] => (rng() < 0.15 ? [pick(ids), pick(ids)].filter((id, i, all) => all.indexOf(id) === i) : [pick(ids)]);
  const people = CLIENT_USERS;
  const id = pick(ids);
  const item = `rel-${store.userId}-${n}-${Math.floor(rng() * 1e9).toString(36)}`;
  const choices: (() => { type: CommandType; args: CommandArgs[CommandType] })[] = [
    () => ({ type: 'markDone', args: { ids: some() } }),
    () => ({ type: 'reopen', args: { ids: some() } }),
    () => ({ type: 'markUnread', args: { ids: some() } }),
    () => ({ type: 'markRead', args: { ids: some() } }),
    () => ({ type: 'markWaiting', args: { ids: some() } }),
    () => ({ type: 'markNew', args: { ids: some() } }),
    () => ({ type: 'assign', args: { ids: some(), assignee: rng() < 0.15 ? null : { type: 'user', id: pick(people) } } }),
    () => ({ type: 'assign', args: { ids: some(), assignee: { type: 'user', id: pick(people) } } }),
    () => ({ type: 'addLabels', args: { ids: some(), labels: [pick(['vip', 'billing', 'bug', 'lead'])] } }),
    () => ({ type: 'removeLabels', args: { ids: some(), labels: [pick(['vip', 'billing', 'bug', 'lead'])] } }),
    () => ({ type: 'setPriority', args: { ids: some(), priority: pick(PRIORITIES) } }),
    () => ({ type: 'pin', args: { ids: some(), pinned: rng() < 0.5 } }),
    () => ({ type: 'snooze', args: { ids: some(), until: rng() < 0.5 ? 'next-message' : Date.now() + 86_400_000 } }),
    () => ({ type: 'unsnooze', args: { ids: some() } }),
    () => ({ type: 'reply', args: { conversationId: id, itemId: item, body: `Reply ${n} from ${store.userId}` } }),
    () => ({
      type: 'comment',
      args: { conversationId: id, itemId: item, body: `Note ${n}`, mentions: rng() < 0.3 ? [pick(people)] : [] },
    }),
  ];
  return pick(choices)();
}

interface Client {
  readonly userId: Id;
  readonly transport: WatchedTransport;
  readonly store: InboxStore;
  dispatched: Id[];
  localRefusals: number;
}

function openClients(server: RealServer, firstAlias: number): Client[] {
  return CLIENT_USERS.map((userId, i) => {
    const transport = new WatchedTransport(server.transport(userId, firstAlias + i));
    const store = new InboxStore({
      transport,
      userId,
      reconnectDelay: 50,
      schedule: (flush) => setTimeout(flush, 0),
    });
    return { userId, transport, store, dispatched: [], localRefusals: 0 };
  });
}

/** Issues `total` commands from the clients at once, each client at its own random pace. */
async function issue(
  clients: Client[],
  total: number,
  rng: () => number,
  onProgress: (issued: number) => Promise<void> | void = () => {},
  pace = 6,
): Promise<void> {
  let issued = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (issued < total) {
        const made = randomCommand(client.store, rng, issued);
        if (made) {
          const result = client.store.dispatch(made.type, made.args, { undoable: false });
          if (result.ok) {
            client.dispatched.push(result.command.id);
            issued++;
            await onProgress(issued);
          } else client.localRefusals++;
        }
        await pause(Math.floor(rng() * pace));
      }
    }),
  );
}

/** Waits until every store has an answer for every command and holds exactly the server's view. */
async function converge(server: RealServer, clients: Client[], what: string): Promise<void> {
  await until(() => clients.every((c) => c.store.state.pending.length === 0 && c.store.state.connection === 'live'), `${what}: every command answered`, 30_000).catch(
    (error: unknown) => {
      const states = clients.map((c) => {
        const { connection, pending } = c.store.state;
        const acks = pending.map((p) => p.ackSeq ?? -1);
        return `${c.userId}: ${connection}, ${pending.length} pending (${pending.filter((p) => p.inFlight).length} in flight, ${pending.filter((p) => p.ackSeq !== null).length} acknowledged, ack seqs ${Math.min(...acks)}..${Math.max(...acks)}), stream at ${c.transport.lastSeq}, connects since ${c.transport.connects.slice(-8).join(' ')}`;
      });
      throw new Error(`${String(error)}\n${states.join('\n')}`);
    },
  );
  const deadline = performance.now() + 15_000;
  for (;;) {
    // The server's view, fetched again each round: a fresh connection's snapshot.
    const truths = new Map<Id, Snapshot>();
    for (const [i, client] of clients.entries()) truths.set(client.userId, (await groundTruth(server.transport(client.userId, i), client.userId)).snapshot);
    const diffs = clients.flatMap((c) => differences(c.store.state.model.conversations, truths.get(c.userId)!.conversations).map((d) => `${c.userId}: ${d}`));
    if (diffs.length === 0) break;
    if (performance.now() > deadline) expect.fail(`${what}: clients differ from the server:\n${diffs.slice(0, 20).join('\n')}`);
    await pause(100);
  }
  const truths = new Map<Id, Snapshot>();
  for (const [i, client] of clients.entries()) truths.set(client.userId, (await groundTruth(server.transport(client.userId, i), client.userId)).snapshot);
  for (const client of clients) {
    expect(client.store.state.model.conversations.size, `${client.userId}'s conversations`).to.equal(truths.get(client.userId)!.conversations.length);
  }
}

/**
 * Folds the owner's recorded stream (the owner sees every conversation) and,
 * after each event, checks R14 for the others: what each recorder received,
 * and what it should have. Returns, per user, the ids received and the ids
 * that were visible to them at some point since their snapshot.
 */
function replayVisibility(owner: Recorder, others: readonly Recorder[]) {
  let state: InboxState = stateFromSnapshot(owner.snapshot.snapshot);
  const result = new Map<Id, { received: Set<Id>; allowed: Set<Id>; forbidden: string[] }>();
  const pendingStart = new Map(others.map((r) => [r.userId, r.snapshot.seq]));
  const received = new Map<Id, Map<number, Id[]>>();
  for (const recorder of others) {
    const ids = new Set(recorder.snapshot.snapshot.conversations.map((c) => c.id));
    const bySeq = new Map<number, Id[]>();
    for (const m of recorder.messages) {
      if (m.kind === 'event' && m.event.type === 'conversation.upserted') {
        ids.add(m.event.conversation.id);
        bySeq.set(m.seq, [...(bySeq.get(m.seq) ?? []), m.event.conversation.id]);
      }
    }
    received.set(recorder.userId, bySeq);
    result.set(recorder.userId, { received: ids, allowed: new Set(), forbidden: [] });
  }
  const visibleNow = (userId: Id, conversation: Conversation) => {
    const user = state.users.get(userId);
    return user !== undefined && canSeeConversation(state, user, conversation);
  };
  const start = (upTo: number) => {
    for (const [userId, seq] of pendingStart) {
      if (seq > upTo) continue;
      pendingStart.delete(userId);
      const entry = result.get(userId)!;
      for (const c of state.conversations.values()) if (visibleNow(userId, c)) entry.allowed.add(c.id);
    }
  };
  start(owner.snapshot.seq);
  for (const message of owner.messages.slice(1)) {
    if (message.kind !== 'event') continue;
    // Users whose snapshot was taken before this event start from the state before it.
    start(message.seq - 1);
    state = reduce(state, message.event);
    const event: DomainEvent = message.event;
    if (event.type !== 'conversation.upserted') continue;
    const c = state.conversations.get(event.conversation.id) ?? event.conversation;
    for (const [userId, entry] of result) {
      if (pendingStart.has(userId)) continue;
      if (visibleNow(userId, c)) entry.allowed.add(c.id);
      if ((received.get(userId)!.get(message.seq) ?? []).includes(c.id) && !visibleNow(userId, c)) {
        entry.forbidden.push(`${c.id} at seq ${message.seq}`);
      }
    }
  }
  start(Number.POSITIVE_INFINITY);
  return result;
}

// On both storages of the server (issue 13): SQLite, then PostgreSQL.
for (const storage of ['sqlite', 'postgres'] as const) describe(`Reliability against the real server${storage === 'postgres' ? ' on PostgreSQL' : ''}`, function () {
  this.timeout(120_000);
  let server: RealServer;
  const rng = prng(SEED);

  before(async () => {
    console.log(`reliability seed ${SEED}`);
    server = await RealServer.start({ args: ['--seed-conversations', '200'], aliases: 14, storage });
  });

  after(async () => {
    await server.stop();
  });

  describe('convergence and access, 5 clients, 1,000 commands', () => {
    let clients: Client[];
    let recorders: Recorder[];

    before(async () => {
      // The owner's recorder first: it is the reference the others are checked against.
      recorders = [new Recorder(USERS.owner, server.transport(USERS.owner, 5))];
      await until(() => recorders[0]!.messages.length > 0, "the owner's snapshot");
      for (const [i, userId] of CLIENT_USERS.slice(1).entries()) recorders.push(new Recorder(userId, server.transport(userId, 6 + i)));
      await until(() => recorders.every((r) => r.messages.length > 0), 'every snapshot');
      clients = openClients(server, 0);
      await Promise.all(clients.map((c) => c.store.ready));
      const owner = recorders[0]!.snapshot.snapshot;
      const contacts = owner.contacts.filter((k) => !k.blocked);
      const channels = owner.channels.filter((c) => c.kind !== 'call' && c.kind !== 'email');
      let outside = 0;
      await issue(clients, COMMANDS, rng, async (issued) => {
        // Now and then the outside world writes in: new conversations, unassigned.
        if (issued % 50 === 0) {
          const n = outside++;
          const ack = await server.inject({
            id: `rel-in-${SEED}-${n}`,
            type: 'receiveMessage',
            args: {
              conversationId: `rel-c-${SEED}-${n}`,
              itemId: `rel-in-m-${SEED}-${n}`,
              contactId: contacts[n % contacts.length]!.id,
              channelId: channels[n % channels.length]!.id,
              body: `Inbound ${n}`,
            },
          });
          expect(ack.ok, JSON.stringify(ack)).to.equal(true);
        }
      });
    });

    after(() => {
      for (const c of clients) c.store.destroy();
      for (const r of recorders) r.close();
    });

    it('ends with every client holding exactly what the server gives that user', async () => {
      await converge(server, clients, 'convergence');
      const answers = clients.flatMap((c) => [...c.transport.answers.values()]);
      const refused = answers.filter((a) => !a.acks[0]!.ok).length;
      const dispatched = clients.reduce((n, c) => n + c.dispatched.length, 0);
      expect(dispatched).to.be.at.least(COMMANDS);
      expect(answers.length, 'every dispatched command was answered').to.equal(dispatched);
      console.log(`convergence: ${dispatched} commands, ${refused} refused by the server, ${clients.reduce((n, c) => n + c.localRefusals, 0)} refused locally`);
    });

    it('gives each role and visibility exactly the conversations R14 allows, in the snapshot and live', async () => {
      const owner = recorders[0]!;
      const others = recorders.slice(1);
      const seq = await server.seq();
      await until(() => recorders.every((r) => r.failure === null) && owner.lastSeq >= seq, "the owner's stream to catch up");
      await pause(300); // the others' last events
      const visibility = replayVisibility(owner, others);
      for (const [userId, { received, allowed, forbidden }] of visibility) {
        expect(forbidden, `${userId} received conversations R14 hid from them`).to.deep.equal([]);
        const extra = [...received].filter((id) => !allowed.has(id));
        const missing = [...allowed].filter((id) => !received.has(id));
        expect(extra, `${userId} received conversations never visible to them`).to.deep.equal([]);
        expect(missing, `${userId} never received conversations visible to them`).to.deep.equal([]);
      }
      const self = visibility.get(USERS.agentSelf)!;
      const all = visibility.get(USERS.agentAll)!;
      const everything = new Set(stateFromSnapshot(owner.snapshot.snapshot).conversations.keys());
      expect(self.received.size, 'the self agent sees a part').to.be.lessThan(everything.size);
      expect(all.received.size, 'the all agent sees everything').to.be.at.least(everything.size);
    });
  });

  describe('faults: dropped streams, kill -9 and restart three times, 1,000 commands', () => {
    let clients: Client[];
    let owner: Recorder;
    let kills = 0;
    let drops = 0;
    let cuts = 0;

    before(async () => {
      owner = new Recorder(USERS.owner, server.transport(USERS.owner, 13, { reconnect: { initialDelay: 30, maxDelay: 300 } }));
      await until(() => owner.messages.length > 0, "the owner's snapshot");
      clients = openClients(server, 8);
      await Promise.all(clients.map((c) => c.store.ready));
      const killAt = [200, 450, 700];
      const chaosOn = { faults: true };
      const chaos = (async () => {
        for (;;) {
          await pause(100 + Math.floor(rng() * 250));
          if (!chaosOn.faults) break;
          if (rng() < 0.5) {
            drops++;
            await server.drop().catch(() => {}); // the server may be down
          } else {
            cuts++;
            clients[Math.floor(rng() * clients.length)]!.transport.cut();
          }
        }
      })();
      let restarting: Promise<void> = Promise.resolve();
      // Slower than the first run, so that most commands meet a live server and some a dead one.
      await issue(
        clients,
        COMMANDS,
        rng,
        async (issued) => {
          if (killAt.includes(issued)) {
            kills++;
            // One outage at a time, in order, even when the next kill comes before the last restart
            // ended (a slower start, on PostgreSQL): each waits for the one before it.
            const previous = restarting;
            // Commands keep coming while the server is down: they wait in the stores.
            restarting = (async () => {
              await previous;
              await server.kill();
              await pause(200 + Math.floor(rng() * 300));
              await server.restart();
            })();
            await previous;
          }
        },
        40,
      );
      await restarting;
      chaosOn.faults = false;
      await chaos;
    });

    after(() => {
      for (const c of clients) c.store.destroy();
      owner.close();
    });

    it('resumes every client, which ends equal to the server', async () => {
      expect(kills).to.equal(3);
      await converge(server, clients, 'after faults');
      const resent = clients.reduce((n, c) => n + [...c.transport.sends.values()].filter((count) => count > 1).length, 0);
      const failures = new Map<string, number>();
      for (const c of clients) for (const [k, n] of c.transport.failures) failures.set(k, (failures.get(k) ?? 0) + n);
      console.log('send failures', JSON.stringify([...failures]));
      console.log(`faults: ${kills} kill -9 + restart, ${drops} server-side drops, ${cuts} client-side cuts, ${resent} commands sent more than once`);
    });

    it('loses no acknowledged command and applies none twice, across restarts', async () => {
      const answered = clients.flatMap((c) => [...c.transport.answers.values()].map((a) => ({ ...a, userId: c.userId })));
      const dispatched = clients.reduce((n, c) => n + c.dispatched.length, 0);
      expect(answered.length, 'every dispatched command has a verdict').to.equal(dispatched);
      // A command sent several times got the same verdict each time.
      for (const { command, acks } of answered) {
        for (const ack of acks) expect(ack, `${command.id}'s answers`).to.deep.equal(acks[0]);
      }
      // The database remembers every verdict (kill -9 spared none): sending every command
      // once more changes nothing and answers the same.
      const seqBefore = await server.seq();
      const again = new Map<Id, Transport>();
      for (const [i, userId] of CLIENT_USERS.entries()) again.set(userId, server.transport(userId, 8 + i));
      const batches: Promise<void>[] = [];
      for (const { command, acks, userId } of answered) {
        batches.push(
          again.get(userId)!.send(command, userId).then((answer) => {
            expect(answer, `${command.type} ${command.id} sent again`).to.deep.equal(acks[0]);
          }),
        );
        if (batches.length >= 16) await Promise.all(batches.splice(0));
      }
      await Promise.all(batches);
      expect(await server.seq(), 'sending every command again applied nothing').to.equal(seqBefore);

      // Every acknowledged reply and comment is in its timeline, once.
      const items = answered.filter(({ command, acks }) => acks[0]!.ok && (command.type === 'reply' || command.type === 'comment'));
      const byConversation = new Map<Id, Id[]>();
      for (const { command } of items) {
        const args = command.args as { conversationId: Id; itemId: Id };
        byConversation.set(args.conversationId, [...(byConversation.get(args.conversationId) ?? []), args.itemId]);
      }
      const reader = server.transport(USERS.owner, 1);
      for (const [conversationId, itemIds] of byConversation) {
        const page = (await reader.timeline({ conversationId, limit: 1000 }, USERS.owner)) as TimelinePage;
        const ids = page.items.map((i) => i.id);
        for (const itemId of itemIds) expect(ids.filter((id) => id === itemId), `${itemId} in ${conversationId}`).to.have.length(1);
      }
      expect(items.length).to.be.greaterThan(0);

      // Versions on the owner's stream, resumed across every drop and restart, go up by one
      // each time and end at the server's: no change lost, none delivered or applied twice.
      const truth = (await groundTruth(server.transport(USERS.owner, 2), USERS.owner)).snapshot;
      await until(() => owner.lastSeq >= seqBefore, "the owner's recorder to catch up");
      const versions = new Map(owner.snapshot.snapshot.conversations.map((c) => [c.id, c.version]));
      const jumps: string[] = [];
      for (const message of owner.messages.slice(1)) {
        if (message.kind === 'snapshot') {
          for (const c of message.snapshot.conversations) versions.set(c.id, c.version); // not resumable: a new baseline
          continue;
        }
        if (message.kind !== 'event' || message.event.type !== 'conversation.upserted') continue;
        const c = message.event.conversation;
        const before = versions.get(c.id);
        if (before !== undefined && c.version !== before + 1) jumps.push(`${c.id}: v${before} then v${c.version} at seq ${message.seq}`);
        versions.set(c.id, c.version);
      }
      expect(jumps, 'version steps on the owner stream').to.deep.equal([]);
      expect(owner.messages.filter((m) => m.kind === 'snapshot'), 'the owner resumed without a new snapshot').to.have.length(1);
      for (const c of truth.conversations) expect(versions.get(c.id), `${c.id}'s version`).to.equal(c.version);
    });
  });
});

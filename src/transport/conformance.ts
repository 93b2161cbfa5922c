import type { Subscription } from 'rxjs';
import type { Command } from '../model/commands.js';
import type { DomainEvent } from '../model/events.js';
import { canSeeContact, canSeeConversation } from '../model/permissions.js';
import { reduceAll, stateFromSnapshot } from '../model/state.js';
import type { Attachment, Conversation, Id, InboxState, Snapshot, TimelineItem } from '../model/types.js';
import type { CommandAck, QueryRequest, QueryResult, ServerMessage, StatsRequest, TeamStats, TimelinePage, Transport } from './transport.js';
import * as assert from './conformance-assert.js';

/**
 * The acceptance suite every Transport passes (Automerge Repo's
 * network-adapter tests are the model): the memory transport here, the
 * HTTP transport against the reference server in issue 5. It speaks only
 * the contract of transport.ts; what it needs from the data set it makes
 * itself, with system commands through `inject`.
 *
 * Needs from the backend: the four users below (the `team` agent in at
 * least one team, the `self` agent not in... anything in particular), at
 * least one contact that is not blocked and one channel that is not a call
 * or e-mail channel, and client-made conversation ids for new conversations.
 */
export interface TransportHarness {
  /** A transport acting for `userId` (the same one for every user is fine). */
  transportFor(userId: Id): Transport;
  /** Plays the outside world: a system command such as receiveMessage, applied by the backend. */
  inject(command: Command): Promise<void>;
  readonly userIds: {
    /** role owner */
    readonly owner: Id;
    /** agent, visibility all */
    readonly agentAll: Id;
    /** agent, visibility team */
    readonly agentTeam: Id;
    /** agent, visibility self */
    readonly agentSelf: Id;
  };
  cleanup(): Promise<void>;
}

const WAIT_MS = 3000;
let unique = 0;
const uid = (prefix: string): Id =>
  `${prefix}-${Date.now().toString(36)}-${(++unique).toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;

async function waitFor(condition: () => boolean, what: string, ms = WAIT_MS): Promise<void> {
  const until = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > until) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One user's open stream, recording everything it receives. */
class Client {
  readonly messages: ServerMessage[] = [];
  failure: unknown = null;
  completed = false;
  readonly #subscription: Subscription;

  constructor(
    readonly transport: Transport,
    readonly userId: Id,
    since?: number,
    epoch?: string,
  ) {
    this.#subscription = transport.connect({ userId, since, epoch }).subscribe({
      next: (message) => this.messages.push(message as ServerMessage),
      error: (error: unknown) => (this.failure = error ?? 'error'),
      complete: () => (this.completed = true),
    });
  }

  static async open(transport: Transport, userId: Id): Promise<Client> {
    const client = new Client(transport, userId);
    await waitFor(() => client.messages.length > 0 || client.failure !== null, `${userId}'s first message`);
    assert.equal(client.failure, null, `${userId} connects`);
    return client;
  }

  get snapshot(): Snapshot {
    const first = this.messages[0];
    if (first?.kind !== 'snapshot') throw new Error(`${this.userId}'s stream did not start with a snapshot`);
    return first.snapshot;
  }

  get sequenced(): { seq: number; kind: string }[] {
    return this.messages.filter((m): m is Extract<ServerMessage, { seq: number }> => m.kind !== 'presence');
  }

  get events(): { seq: number; event: DomainEvent }[] {
    return this.messages.filter((m): m is Extract<ServerMessage, { kind: 'event' }> => m.kind === 'event');
  }

  get lastSeq(): number {
    const sequenced = this.sequenced;
    return sequenced.length === 0 ? -1 : sequenced[sequenced.length - 1]!.seq;
  }

  /** The state this client holds: its snapshot with its events folded in. */
  get state(): InboxState {
    return reduceAll(stateFromSnapshot(this.snapshot), this.events.map((e) => e.event));
  }

  conversation(id: Id): Conversation | undefined {
    let found: Conversation | undefined;
    if (this.messages[0]?.kind === 'snapshot') found = this.snapshot.conversations.find((c) => c.id === id);
    for (const { event } of this.events) {
      if (event.type === 'conversation.upserted' && event.conversation.id === id) found = event.conversation;
      if (event.type === 'conversation.deleted' && event.id === id) found = undefined;
    }
    return found;
  }

  /** Events that concern conversation `id` in any way. */
  about(id: Id): DomainEvent[] {
    return this.events.map((e) => e.event).filter((event) => concerns(event, id));
  }

  async until(condition: (client: Client) => boolean, what: string): Promise<void> {
    await waitFor(() => condition(this), `${this.userId}: ${what}`);
  }

  close(): void {
    this.#subscription.unsubscribe();
  }
}

function concerns(event: DomainEvent, id: Id): boolean {
  switch (event.type) {
    case 'conversation.upserted':
      return event.conversation.id === id;
    case 'conversation.deleted':
      return event.id === id;
    case 'timeline.upserted':
      return event.item.conversationId === id;
    case 'timeline.deleted':
      return event.conversationId === id;
    default:
      return false;
  }
}

async function send(transport: Transport, command: Command, actorId: Id): Promise<CommandAck> {
  return (await transport.send(command, actorId)) as CommandAck;
}

async function sendOk(transport: Transport, command: Command, actorId: Id): Promise<CommandAck> {
  const ack = await send(transport, command, actorId);
  assert.hasProperties(ack, { ok: true, commandId: command.id }, `${command.type} by ${actorId}`);
  return ack;
}

type Body = () => void | Promise<void>;

/**
 * The test functions the suite declares itself with: mocha's, `node:test`'s
 * or vitest's (`import { describe, it, beforeEach, afterEach } from 'node:test'`).
 * Each one not given is taken from the globals (mocha, jasmine, vitest with
 * `globals: true`).
 */
export interface TestFunctions {
  describe: (name: string, body: () => void) => unknown;
  it: (name: string, body: Body) => unknown;
  beforeEach: (body: Body) => unknown;
  afterEach: (body: Body) => unknown;
}

/** Per test, the time the suite asks for where it can (mocha's `this.timeout`); elsewhere, the runner's setting. */
const TEST_TIMEOUT_MS = 10_000;

function testFunctions(given: Partial<TestFunctions>): TestFunctions {
  const globals = globalThis as unknown as Partial<TestFunctions>;
  const pick = <K extends keyof TestFunctions>(key: K): TestFunctions[K] => {
    const fn = given[key] ?? globals[key];
    if (typeof fn !== 'function') {
      throw new Error(
        `runTransportTests: no \`${key}\` function. Pass the runner's as the third argument, for example ` +
          "runTransportTests(name, setup, { describe, it, beforeEach, afterEach }) with them imported from 'node:test' or 'vitest'.",
      );
    }
    return fn.bind(given[key] ? given : globalThis) as TestFunctions[K];
  };
  return { describe: pick('describe'), it: pick('it'), beforeEach: pick('beforeEach'), afterEach: pick('afterEach') };
}

/**
 * Declares the acceptance suite for one transport: `setup` makes a fresh
 * harness before each test (`cleanup` runs after it). Runs under mocha (the
 * globals, as this repository's browser tests do), `node:test` or vitest
 * (pass their functions as `tests`); it needs no DOM and no test library.
 */
export function runTransportTests(name: string, setup: () => Promise<TransportHarness>, tests: Partial<TestFunctions> = {}): void {
  const { describe, it, beforeEach, afterEach } = testFunctions(tests);
  describe(`Transport conformance: ${name}`, function (this: unknown) {
    // mocha's suite context; node:test and vitest take their timeouts from their own settings.
    const suite = this as { timeout?: unknown } | undefined;
    if (typeof suite?.timeout === 'function') (suite.timeout as (ms: number) => void).call(suite, TEST_TIMEOUT_MS);
    let h: TransportHarness;
    let owner: Client;
    let clients: Client[];
    const ids = () => h.userIds;

    async function connect(userId: Id): Promise<Client> {
      const client = await Client.open(h.transportFor(userId), userId);
      clients.push(client);
      return client;
    }

    function resume(userId: Id, since: number, epoch?: string): Client {
      const client = new Client(h.transportFor(userId), userId, since, epoch);
      clients.push(client);
      return client;
    }

    /** A new open conversation, made by the outside world, as the owner first sees it. */
    async function freshConversation(): Promise<Conversation> {
      const snapshot = owner.snapshot;
      const contact = snapshot.contacts.find((k) => !k.blocked);
      const channel = snapshot.channels.find((c) => c.kind !== 'call' && c.kind !== 'email');
      if (!contact || !channel) throw new Error('The data set needs an unblocked contact and a non-call, non-e-mail channel');
      const conversationId = uid('conf-c');
      await h.inject({
        id: uid('conf-in'),
        type: 'receiveMessage',
        args: { conversationId, itemId: uid('conf-m'), contactId: contact.id, channelId: channel.id, body: 'Hello from the conformance suite' },
      });
      await owner.until((c) => c.conversation(conversationId) !== undefined, `conversation ${conversationId} arrives`);
      return owner.conversation(conversationId)!;
    }

    async function assign(conversationId: Id, userId: Id | null): Promise<CommandAck> {
      const ack = await sendOk(
        h.transportFor(ids().owner),
        { id: uid('conf-as'), type: 'assign', args: { ids: [conversationId], assignee: userId ? { type: 'user', id: userId } : null } },
        ids().owner,
      );
      await owner.until(
        (c) => (c.conversation(conversationId)?.assignee?.id ?? null) === userId,
        `${conversationId} assigned to ${userId}`,
      );
      return ack;
    }

    function setPriority(conversationId: Id, priority: Conversation['priority'], id = uid('conf-p')): Command {
      return { id, type: 'setPriority', args: { ids: [conversationId], priority } };
    }

    beforeEach(async () => {
      h = await setup();
      clients = [];
      owner = await connect(h.userIds.owner);
    });

    afterEach(async () => {
      for (const client of clients) client.close();
      await h.cleanup();
    });

    describe('stream', () => {
      it('starts with a snapshot carrying a sequence number', () => {
        const first = owner.messages[0]!;
        assert.equal(first.kind, 'snapshot', 'the first message');
        if (first.kind !== 'snapshot') return;
        assert.equal(Number.isInteger(first.seq) && first.seq >= 0, true, `seq ${first.seq} is an integer >= 0`);
        for (const key of ['users', 'bots', 'teams', 'channels', 'contacts', 'conversations', 'views'] as const) {
          assert.isArray(first.snapshot[key], `snapshot.${key}`);
        }
        const userIds = first.snapshot.users.map((u) => u.id);
        assert.includesAll(userIds, Object.values(h.userIds), 'the snapshot\'s users');
      });

      it('numbers what follows with strictly increasing sequence numbers', async () => {
        const c = await freshConversation();
        const owners = h.transportFor(ids().owner);
        await sendOk(owners, setPriority(c.id, 'high'), ids().owner);
        await sendOk(owners, { id: uid('conf-l'), type: 'addLabels', args: { ids: [c.id], labels: ['conformance'] } }, ids().owner);
        await sendOk(owners, { id: uid('conf-d'), type: 'markDone', args: { ids: [c.id] } }, ids().owner);
        await owner.until((o) => o.conversation(c.id)?.status === 'done', 'the conversation done');
        const seqs = owner.sequenced.map((m) => m.seq);
        assert.greaterThan(seqs.length, 4, 'sequenced messages');
        for (let i = 1; i < seqs.length; i++) {
          assert.greaterThan(seqs[i]!, seqs[i - 1]!, `seq #${i} after ${seqs[i - 1]}`);
        }
      });
    });

    describe('commands', () => {
      it('applies a command sent twice once, and answers both alike (idempotency)', async () => {
        const c = await freshConversation();
        const owners = h.transportFor(ids().owner);
        const command = setPriority(c.id, 'urgent');
        const first = await sendOk(owners, command, ids().owner);
        const second = await send(owners, command, ids().owner);
        assert.deepEqual(second, first, 'the answer to the same command sent again');
        // Concurrent duplicates too.
        const again = await Promise.all([send(owners, command, ids().owner), send(owners, command, ids().owner)]);
        assert.deepEqual(again, [first, first], 'the answers to concurrent duplicates');
        const marker = setPriority(c.id, 'low');
        await sendOk(owners, marker, ids().owner);
        await owner.until((o) => o.conversation(c.id)?.priority === 'low', 'the marker command');
        const upserts = owner
          .about(c.id)
          .filter((e): e is Extract<DomainEvent, { type: 'conversation.upserted' }> => e.type === 'conversation.upserted')
          .map((e) => e.conversation)
          .filter((x) => x.version > c.version);
        assert.deepEqual(
          upserts.map((x) => [x.version, x.priority]),
          [
            [c.version + 1, 'urgent'],
            [c.version + 2, 'low'],
          ],
          'the versions and priorities upserted (the duplicate applied once)',
        );
      });

      it("scopes command ids per user: another user's command with the same id is theirs, answered and applied", async () => {
        const c = await freshConversation();
        const shared = uid('conf-shared');
        const first = await sendOk(h.transportFor(ids().owner), setPriority(c.id, 'urgent', shared), ids().owner);
        await owner.until((o) => o.conversation(c.id)?.priority === 'urgent', 'the owner\'s command');
        await sendOk(h.transportFor(ids().agentAll), setPriority(c.id, 'low', shared), ids().agentAll);
        await owner.until((o) => o.conversation(c.id)?.priority === 'low', 'the agent\'s command with the same id');
        // And each user's resend still gets their own first answer, changing nothing.
        assert.deepEqual(await send(h.transportFor(ids().owner), setPriority(c.id, 'urgent', shared), ids().owner), first, 'the owner\'s resend');
        await pause(50);
        assert.equal(owner.conversation(c.id)?.priority, 'low', 'a resend changes nothing');
      });

      it('delivers events in the order they were applied, the same to every client', async () => {
        const c = await freshConversation();
        const other = await connect(ids().agentAll);
        const owners = h.transportFor(ids().owner);
        const priorities = ['low', 'medium', 'high', 'urgent'] as const;
        const acks = await Promise.all(priorities.map((p) => sendOk(owners, setPriority(c.id, p), ids().owner)));
        // The acknowledged sequence numbers tell the order the backend applied them in.
        const applied = priorities
          .map((p, i) => ({ p, seq: (acks[i] as { seq: number }).seq }))
          .sort((a, b) => a.seq - b.seq)
          .map((x) => x.p);
        const last = applied[applied.length - 1]!;
        for (const client of [owner, other]) {
          await client.until((x) => (x.conversation(c.id)?.version ?? 0) >= c.version + 4, 'four priority changes');
        }
        const seen = (client: Client) =>
          client.events
            .filter((e) => e.event.type === 'conversation.upserted' && e.event.conversation.id === c.id)
            .map((e) => [e.seq, (e.event as Extract<DomainEvent, { type: 'conversation.upserted' }>).conversation.priority] as const)
            .filter((_, i, all) => i >= all.length - 4);
        assert.deepEqual(seen(owner).map(([, p]) => p), applied, 'the priorities in the order their acks say they were applied');
        assert.deepEqual(seen(other), seen(owner), 'what another client saw');
        assert.equal(owner.conversation(c.id)?.priority, last, 'the final priority');
      });

      it('refuses bad commands with a reason, and emits nothing for them', async () => {
        const c = await freshConversation();
        const owners = h.transportFor(ids().owner);
        const before = owner.events.length;
        const refusals: [string, Command, Id, string | null][] = [
          ['unknown conversation', { id: uid('conf-x'), type: 'markDone', args: { ids: [uid('conf-missing')] } }, ids().owner, 'not-found'],
          ['system command from an agent', {
            id: uid('conf-x'), type: 'receiveMessage',
            args: { conversationId: c.id, itemId: uid('conf-m'), contactId: c.contactId, channelId: c.channelId, body: 'forged' },
          }, ids().agentAll, 'forbidden'],
          ['invalid arguments', { id: uid('conf-x'), type: 'setPriority', args: { ids: [c.id], priority: 'super' } } as unknown as Command, ids().owner, 'invalid'],
          ['missing arguments', { id: uid('conf-x'), type: 'markDone', args: {} } as unknown as Command, ids().owner, 'invalid'],
          ['unknown type', { type: 'nope' } as unknown as Command, ids().owner, null],
          ['unknown type with an id', { id: uid('conf-x'), type: 'nope', args: {} } as unknown as Command, ids().owner, 'invalid'],
        ];
        for (const [what, command, actor, code] of refusals) {
          const answer = await h.transportFor(actor).send(command, actor).then(
            (ack) => ack as CommandAck,
            (error: unknown) => ({ error }),
          );
          // Without an id there is nothing to acknowledge: a transport may also reject it outright.
          if ('error' in answer && code === null) continue;
          const ack = answer as CommandAck;
          assert.equal(ack.ok, false, `${what}: ${JSON.stringify(ack)}`);
          if (ack.ok) continue;
          assert.nonEmptyString(ack.refusal.reason, `${what}: the refusal's reason`);
          if (code) assert.equal(ack.refusal.code, code, `${what}: the refusal's code`);
        }
        const marker = setPriority(c.id, 'medium');
        const markerAck = await sendOk(owners, marker, ids().owner);
        await owner.until((o) => o.conversation(c.id)?.priority === 'medium', 'the marker command');
        const since = owner.events.slice(before).filter((e) => e.seq <= (markerAck as { seq: number }).seq);
        assert.equal(since.every((e) => concerns(e.event, c.id)), true, `only events about ${c.id}: ${JSON.stringify(since)}`);
        const upserts = since.filter((e) => e.event.type === 'conversation.upserted');
        assert.lengthOf(upserts, 1, 'upserts of the conversation (the marker only)');
        assert.equal(owner.conversation(c.id)?.version, c.version + 1, 'the version after the marker alone');
      });
    });

    describe('resume', () => {
      it('sends a reconnecting client exactly the events it missed, without a snapshot', async () => {
        const c = await freshConversation();
        const a = await connect(ids().agentAll);
        await a.until((x) => x.conversation(c.id) !== undefined, 'the conversation');
        const lastSeq = a.lastSeq;
        a.close();
        const owners = h.transportFor(ids().owner);
        for (const p of ['low', 'high', 'urgent'] as const) await sendOk(owners, setPriority(c.id, p), ids().owner);
        await owner.until((o) => o.conversation(c.id)?.priority === 'urgent', 'the changes');
        const missed = owner.events.filter((e) => e.seq > lastSeq);
        const resumed = resume(ids().agentAll, lastSeq);
        await resumed.until((x) => x.lastSeq >= missed[missed.length - 1]!.seq, 'the missed events');
        await pause(50);
        assert.equal(resumed.failure, null, 'the resumed stream failed');
        assert.equal(resumed.messages[0]?.kind, 'event', 'no snapshot when resumable');
        assert.deepEqual(resumed.events.map((e) => [e.seq, e.event.type]), missed.map((e) => [e.seq, e.event.type]), 'the events resumed');
      });

      it('resumes in the history the snapshot named (its epoch), and answers a resume in another history with a snapshot (issue 13)', async () => {
        const a = await connect(ids().agentAll);
        const first = a.messages[0];
        assert.equal(first?.kind, 'snapshot');
        const epoch = first?.kind === 'snapshot' ? first.epoch : undefined;
        assert.equal(typeof epoch, 'string', 'a snapshot names its epoch');
        const lastSeq = a.lastSeq;
        a.close();
        const same = resume(ids().agentAll, lastSeq, epoch);
        const other = resume(ids().agentAll, lastSeq, `${epoch!}-another`);
        await other.until((x) => x.messages.length > 0, 'an answer in another history');
        assert.equal(other.messages[0]?.kind, 'snapshot', 'another history gets a snapshot, not events');
        const answer = other.messages[0];
        assert.equal(answer?.kind === 'snapshot' && answer.epoch, epoch, 'with this backend\'s epoch');
        await pause(100);
        assert.equal(same.failure, null);
        assert.equal(same.messages.some((m) => m.kind === 'snapshot'), false, 'the same history resumes without a snapshot');
      });
    });

    describe('visibility (R14)', () => {
      it("gives the self agent only their own conversations", async () => {
        const mine = await freshConversation();
        await assign(mine.id, ids().agentSelf);
        const self = await connect(ids().agentSelf);
        const conversations = self.snapshot.conversations;
        assert.includes(conversations.map((c) => c.id), mine.id, "the self agent's snapshot");
        for (const c of conversations) {
          const own = c.assignee?.type === 'user' && c.assignee.id === ids().agentSelf;
          assert.equal(own || c.mentions.includes(ids().agentSelf), true, `${c.id} is theirs`);
        }
        const contactIds = new Set(self.snapshot.contacts.map((k) => k.id));
        for (const c of conversations) assert.equal(contactIds.has(c.contactId), true, `contact of ${c.id} in the snapshot`);
      });

      it("never sends the self agent an event about another agent's conversation", async () => {
        const theirs = await freshConversation();
        const mine = await freshConversation();
        await assign(theirs.id, ids().agentAll);
        await assign(mine.id, ids().agentSelf);
        const self = await connect(ids().agentSelf);
        const owners = h.transportFor(ids().owner);
        await sendOk(owners, setPriority(theirs.id, 'urgent'), ids().owner);
        await sendOk(owners, { id: uid('conf-cm'), type: 'comment', args: { conversationId: theirs.id, itemId: uid('conf-cm'), body: 'internal', mentions: [] } }, ids().owner);
        await sendOk(owners, setPriority(mine.id, 'high'), ids().owner);
        await self.until((x) => x.conversation(mine.id)?.priority === 'high', 'the change to their own conversation');
        assert.deepEqual(self.about(theirs.id), [], "events about another agent's conversation");
        const refused = await h.transportFor(ids().agentSelf)
          .timeline({ conversationId: theirs.id, limit: 10 }, ids().agentSelf)
          .then((page) => ({ page }), (error: unknown) => ({ error }));
        assert.equal('error' in refused, true, "another agent's timeline is refused");
      });

      it('removes a conversation reassigned away from the self agent, and brings it back whole', async () => {
        const c = await freshConversation();
        await assign(c.id, ids().agentSelf);
        const self = await connect(ids().agentSelf);
        assert.notEqual(self.conversation(c.id), undefined, 'their conversation');
        await assign(c.id, ids().agentAll);
        await self.until((x) => x.about(c.id).some((e) => e.type === 'conversation.deleted'), 'the conversation deleted');
        assert.equal(self.state.conversations.has(c.id), false, 'the conversation reassigned away is gone');
        await assign(c.id, ids().agentSelf);
        await self.until((x) => x.state.conversations.has(c.id), 'the conversation back');
        assert.equal(self.state.contacts.has(c.contactId), true, 'its contact comes with it');
      });

      it("gives the team agent only their teams' conversations, and no unassigned ones", async () => {
        const everything = stateFromSnapshot(owner.snapshot);
        const agentTeam = everything.users.get(ids().agentTeam)!;
        const teammates = new Set<Id>([agentTeam.id]);
        for (const teamId of agentTeam.teamIds) for (const m of everything.teams.get(teamId)?.memberIds ?? []) teammates.add(m);
        const ours = await freshConversation();
        const teammate = [...teammates].find((id) => id !== agentTeam.id && everything.users.get(id)?.active) ?? agentTeam.id;
        await assign(ours.id, teammate);
        const unassigned = await freshConversation();
        const outsider = [ids().agentAll, ids().agentSelf, ids().owner].find((id) => !teammates.has(id));
        const foreign = outsider ? await freshConversation() : null;
        if (foreign && outsider) await assign(foreign.id, outsider);

        const team = await connect(ids().agentTeam);
        const seen = team.snapshot.conversations;
        assert.includes(seen.map((c) => c.id), ours.id, "the team agent's snapshot");
        assert.notIncludes(seen.map((c) => c.id), unassigned.id, "the team agent's snapshot");
        if (foreign) assert.notIncludes(seen.map((c) => c.id), foreign.id, "the team agent's snapshot");
        const live = stateFromSnapshot(owner.snapshot);
        for (const c of seen) {
          const byTeam = c.assignee?.type === 'user' && teammates.has(c.assignee.id);
          assert.equal(byTeam || c.mentions.includes(agentTeam.id), true, `${c.id} belongs to the team`);
          assert.equal(canSeeConversation(live, agentTeam, c), true, `R14 lets the team agent see ${c.id}`);
        }
        // Live: a new unassigned conversation does not reach them; one given to the team does.
        const later = await freshConversation();
        await assign(later.id, teammate);
        await team.until((x) => x.conversation(later.id) !== undefined, 'the conversation assigned to the team');
        assert.deepEqual(team.about(unassigned.id), [], 'events about an unassigned conversation');
      });
    });

    describe('conversations one may not see (R14)', () => {
      /** Every person's command that names a conversation (its items included), aimed at `conversationId`. */
      const conversationCommands = (conversationId: Id, itemId: Id): Command[] => [
        { id: uid('conf-v'), type: 'reply', args: { conversationId, itemId: uid('conf-r'), body: 'Hello' } },
        { id: uid('conf-v'), type: 'comment', args: { conversationId, itemId: uid('conf-cm'), body: 'Hi', mentions: [] } },
        { id: uid('conf-v'), type: 'addNote', args: { conversationId, itemId: uid('conf-n'), messageId: itemId, body: 'Note' } },
        { id: uid('conf-v'), type: 'editNote', args: { conversationId, itemId, body: 'Note' } },
        { id: uid('conf-v'), type: 'deleteNote', args: { conversationId, itemId } },
        { id: uid('conf-v'), type: 'answerCall', args: { conversationId, itemId } },
        { id: uid('conf-v'), type: 'placeCall', args: { conversationId, itemId: uid('conf-call') } },
        { id: uid('conf-v'), type: 'endCall', args: { conversationId, itemId, duration: 3 } },
        { id: uid('conf-v'), type: 'declineCall', args: { conversationId, itemId } },
        { id: uid('conf-v'), type: 'setRecording', args: { conversationId, itemId, recording: true } },
        { id: uid('conf-v'), type: 'retryDelivery', args: { conversationId, itemId } },
        { id: uid('conf-v'), type: 'markDone', args: { ids: [conversationId] } },
        { id: uid('conf-v'), type: 'setPriority', args: { ids: [conversationId], priority: 'urgent' } },
        { id: uid('conf-v'), type: 'pin', args: { ids: [conversationId], pinned: true } },
      ];

      it('refuses every command on a conversation (calls, notes, comments, replies, deliveries) the self agent may not see exactly as on one that does not exist', async () => {
        const theirs = await freshConversation();
        await assign(theirs.id, ids().agentAll);
        const item = (await h.transportFor(ids().owner).timeline({ conversationId: theirs.id, limit: 1 }, ids().owner)) as TimelinePage;
        const itemId = item.items[0]?.id ?? uid('conf-item');
        const missing = uid('conf-no-conversation');
        const selfs = h.transportFor(ids().agentSelf);
        const tried = conversationCommands(theirs.id, itemId);
        const control = conversationCommands(missing, itemId);
        for (const [i, command] of tried.entries()) {
          const ack = await send(selfs, command, ids().agentSelf);
          const missed = await send(selfs, control[i]!, ids().agentSelf);
          assert.equal(ack.ok, false, `${command.type} on another agent's conversation is refused`);
          assert.equal(missed.ok, false, `${command.type} on a missing conversation is refused`);
          if (ack.ok || missed.ok) continue;
          assert.equal(ack.refusal.code, 'not-found', `${command.type}: the refusal's code`);
          assert.deepEqual(ack.refusal, { ...missed.refusal, reason: missed.refusal.reason.replaceAll(missing, theirs.id) }, `${command.type}: answered as a missing conversation`);
        }
        const refusedPage = (id: Id) => selfs.timeline({ conversationId: id, limit: 10 }, ids().agentSelf).then(() => 'answered', (error: unknown) => String(error instanceof Error ? error.message : error));
        assert.equal((await refusedPage(theirs.id)).replaceAll(theirs.id, 'X'), (await refusedPage(missing)).replaceAll(missing, 'X'), 'its timeline is refused as a missing one');
        const after = owner.conversation(theirs.id);
        assert.equal(after?.priority === 'urgent' || after?.pinned === true || after?.status === 'done', false, 'nothing changed');
      });
    });

    describe('contacts (R14)', () => {
      /** Every person's command that names a contact, aimed at `contactId`, with `own` as the other side of a merge. */
      const contactCommands = (contactId: Id, own: Id, channelId: Id): Command[] => [
        { id: uid('conf-k'), type: 'updateContact', args: { contactId, patch: { company: 'Conformance Inc.' } } },
        { id: uid('conf-k'), type: 'blockContact', args: { contactId } },
        { id: uid('conf-k'), type: 'unblockContact', args: { contactId } },
        { id: uid('conf-k'), type: 'mergeContacts', args: { targetId: own, sourceId: contactId } },
        { id: uid('conf-k'), type: 'mergeContacts', args: { targetId: contactId, sourceId: own } },
        {
          id: uid('conf-k'), type: 'startConversation',
          args: { conversationId: uid('conf-c'), itemId: uid('conf-m'), contactId, channelId, subject: '', body: 'Hello' },
        },
      ];

      it('refuses every contact command on a contact the self agent may not see exactly as on one that does not exist, and changes nothing', async () => {
        const mine = await freshConversation();
        await assign(mine.id, ids().agentSelf);
        const all = owner.state;
        const selfUser = all.users.get(ids().agentSelf)!;
        const hidden = [...all.contacts.values()].find((k) => !k.blocked && !canSeeContact(all, selfUser, k));
        if (!hidden) throw new Error('The data set needs an unblocked contact none of whose conversations the self agent sees');
        const self = await connect(ids().agentSelf);
        assert.notIncludes(self.snapshot.contacts.map((k) => k.id), hidden.id, "the self agent's snapshot");
        const missing = uid('conf-no-contact');
        const selfs = h.transportFor(ids().agentSelf);
        const tried = contactCommands(hidden.id, mine.contactId, mine.channelId);
        const control = contactCommands(missing, mine.contactId, mine.channelId);
        for (const [i, command] of tried.entries()) {
          const ack = await send(selfs, command, ids().agentSelf);
          const missed = await send(selfs, control[i]!, ids().agentSelf);
          const what = `${command.type} of ${JSON.stringify(command.args)}`;
          assert.equal(ack.ok, false, `${what} is refused`);
          assert.equal(missed.ok, false, `${command.type} on a missing contact is refused`);
          if (ack.ok || missed.ok) continue;
          assert.equal(ack.refusal.code, 'not-found', `${what}: the refusal's code`);
          assert.deepEqual(ack.refusal, { ...missed.refusal, reason: missed.refusal.reason.replaceAll(missing, hidden.id) }, `${what}: answered as a missing contact`);
        }
        // Nothing changed: the contact is whole for the owner, and nothing about it reached the self agent.
        const marker = setPriority(mine.id, 'low');
        await sendOk(h.transportFor(ids().owner), marker, ids().owner);
        await self.until((x) => x.conversation(mine.id)?.priority === 'low', 'the marker after the refused commands');
        assert.deepEqual(owner.state.contacts.get(hidden.id), hidden, 'the hidden contact after');
        const leaked = self.events.filter((e) => (e.event.type === 'contact.upserted' && e.event.contact.id === hidden.id) || (e.event.type === 'contact.deleted' && e.event.id === hidden.id));
        assert.deepEqual(leaked, [], 'events about the hidden contact on the self agent\'s stream');
        assert.equal(self.state.contacts.has(hidden.id), false, 'the self agent holds no copy of the hidden contact');
      });

      it('lets the self agent change a contact they see, and tells them', async () => {
        const mine = await freshConversation();
        await assign(mine.id, ids().agentSelf);
        const self = await connect(ids().agentSelf);
        const command: Command = { id: uid('conf-k'), type: 'updateContact', args: { contactId: mine.contactId, patch: { company: 'Conformance Inc.' } } };
        await sendOk(h.transportFor(ids().agentSelf), command, ids().agentSelf);
        await self.until((x) => x.state.contacts.get(mine.contactId)?.company === 'Conformance Inc.', 'the changed contact');
        await owner.until((x) => x.state.contacts.get(mine.contactId)?.company === 'Conformance Inc.', 'the owner sees the change');
      });
    });

    describe('attachments', () => {
      /** A file uploaded through `userId`'s transport, as its upload answered; null when the transport takes no uploads. */
      async function uploaded(userId: Id, text = 'Invoice 42: 19,90 €'): Promise<Attachment | null> {
        const transport = h.transportFor(userId);
        if (!transport.upload) return null;
        return (await transport.upload(new File([text], 'facture n°42.txt', { type: 'text/plain' }), userId)) as Attachment;
      }

      const reply = (conversationId: Id, attachments: readonly Attachment[]): Command => ({
        id: uid('conf-r'), type: 'reply', args: { conversationId, itemId: uid('conf-m'), body: 'Here it is', attachments },
      });

      /** Sends `command` as Léa (agent, visibility all), expecting a refusal; then checks that nothing of it reached anyone. */
      async function refusedReply(c: Conversation, command: Command): Promise<Extract<CommandAck, { ok: false }>['refusal']> {
        const ack = await send(h.transportFor(ids().agentAll), command, ids().agentAll);
        assert.equal(ack.ok, false, `a reply with ${JSON.stringify((command.args as { attachments: unknown }).attachments)} is refused`);
        const marker = setPriority(c.id, 'high');
        await sendOk(h.transportFor(ids().owner), marker, ids().owner);
        await owner.until((o) => o.conversation(c.id)?.priority === 'high', 'the marker after the refused reply');
        const itemId = (command.args as { itemId: Id }).itemId;
        const stored = owner.about(c.id).filter((e) => e.type === 'timeline.upserted' && e.item.id === itemId);
        assert.deepEqual(stored, [], 'events of the refused reply');
        return ack.ok ? { code: 'invalid', reason: '' } : ack.refusal;
      }

      it('refuses a reply whose attachment names no upload, and one whose url is not the one its upload was given', async () => {
        const c = await freshConversation();
        const forged: Attachment = { id: uid('att'), name: 'x.txt', mime: 'text/plain', size: 1, url: 'javascript:alert(1)' };
        const none = await refusedReply(c, reply(c.id, [forged]));
        assert.equal(none.code, 'not-found', 'an attachment that names no upload');
        const real = await uploaded(ids().agentAll);
        if (real) {
          const moved = await refusedReply(c, reply(c.id, [{ ...real, url: 'javascript:alert(1)' }]));
          assert.equal(moved.code, 'invalid', 'an upload with another url');
          const elsewhere = await refusedReply(c, reply(c.id, [{ ...real, url: 'https://elsewhere.example/facture.txt' }]));
          assert.equal(elsewhere.code, 'invalid', 'an upload pointing elsewhere');
        }
      });

      it("refuses another person's upload exactly as one that does not exist, and stores the author's own as it was uploaded", async () => {
        const c = await freshConversation();
        const theirs = await uploaded(ids().owner);
        const mine = await uploaded(ids().agentAll, 'Receipt');
        if (!theirs || !mine) {
          // A transport without uploads: no reply can carry an attachment.
          const refusal = await refusedReply(c, reply(c.id, [{ id: uid('att'), name: 'a.txt', mime: 'text/plain', size: 1, url: '/a.txt' }]));
          assert.equal(refusal.code, 'not-found', 'an attachment where no upload can exist');
          return;
        }
        const missing = { ...theirs, id: uid('att-missing') };
        const other = await refusedReply(c, reply(c.id, [theirs]));
        const none = await refusedReply(c, reply(c.id, [missing]));
        assert.deepEqual(other, { ...none, reason: none.reason.replaceAll(missing.id, theirs.id) }, "another person's upload, answered as a missing one");
        const ok = reply(c.id, [mine]);
        await sendOk(h.transportFor(ids().agentAll), ok, ids().agentAll);
        const itemId = (ok.args as { itemId: Id }).itemId;
        await owner.until((o) => o.about(c.id).some((e) => e.type === 'timeline.upserted' && e.item.id === itemId), 'the reply with its attachment');
        const item = owner.about(c.id).find((e): e is Extract<DomainEvent, { type: 'timeline.upserted' }> => e.type === 'timeline.upserted' && e.item.id === itemId)!.item;
        // Each transport may resolve the url against its own address: the same path, the same file.
        const path = (a: Attachment) => ({ ...a, url: new URL(a.url, 'http://any.example').pathname });
        assert.deepEqual(item.type === 'message' ? item.attachments.map(path) : null, [path(mine)], 'the attachment as its upload answered');
      });
    });

    describe('a query a page at a time (issue 13), where the transport answers it', () => {
      const allOpen = { view: 'all', tab: 'open', filters: {}, search: '', sort: 'newest' } as const;
      /** Every page, `limit` rows each: the rows in order, each page's total. */
      async function pages(userId: Id, query: QueryRequest['query'], limit: number): Promise<{ rows: Conversation[]; totals: number[]; contacts: Set<Id> }> {
        const transport = h.transportFor(userId);
        const rows: Conversation[] = [];
        const totals: number[] = [];
        const contacts = new Set<Id>();
        let cursor: string | null = null;
        for (let n = 0; n < 200; n++) {
          const page = (await transport.query!({ query, cursor, limit }, userId)) as QueryResult;
          assert.equal(page.conversations.length <= limit, true, `a page holds at most ${limit} rows`);
          rows.push(...page.conversations);
          totals.push(page.total);
          for (const contact of page.contacts) contacts.add(contact.id);
          if (page.next === null) return { rows, totals, contacts };
          cursor = page.next;
        }
        throw new Error('more than 200 pages');
      }

      it('pages through a view in order, each row once, with the contacts of its rows and the match\'s size', async () => {
        if (!h.transportFor(ids().owner).query) return;
        const whole = await pages(ids().owner, allOpen, 500);
        const paged = await pages(ids().owner, allOpen, 7);
        const idsOf = (list: readonly Conversation[]) => list.map((c) => c.id);
        assert.deepEqual(idsOf(paged.rows), idsOf(whole.rows), 'seven at a time, the same rows in the same order');
        assert.equal(new Set(idsOf(paged.rows)).size, paged.rows.length, 'each row once');
        for (const total of paged.totals) assert.equal(total, paged.rows.length, "each page's total is the match's size");
        for (const c of paged.rows) {
          assert.equal(c.status, 'open', `${c.id} is open`);
          assert.equal(paged.contacts.has(c.contactId), true, `${c.id}'s contact comes with its page`);
        }
      });

      it('answers each user over what they may see (R14)', async () => {
        if (!h.transportFor(ids().agentSelf).query) return;
        const visible = new Set((await connect(ids().agentSelf)).snapshot.conversations.map((c) => c.id));
        const { rows } = await pages(ids().agentSelf, { ...allOpen, view: 'mine' }, 20);
        for (const c of rows) assert.equal(visible.has(c.id), true, `${c.id} is one the self agent sees`);
        const hidden = await pages(ids().agentSelf, { ...allOpen, view: 'unassigned' }, 20);
        for (const c of hidden.rows) assert.equal(visible.has(c.id), true, `${c.id} is one the self agent sees`);
      });

      it('answers conversations by ids whatever the query, those the user may see only (R14), and refuses a cursor with them', async () => {
        const owner = h.transportFor(ids().owner);
        if (!owner.query) return;
        const open = await freshConversation();
        await sendOk(owner, { id: uid('conf-done'), type: 'markDone', args: { ids: [open.id] } }, ids().owner);
        // Done, and asked for on the Open tab with a search it does not match: named by id, it comes.
        const query = { ...allOpen, search: 'zzzz no such words' };
        const found = (await owner.query({ query, cursor: null, limit: 1, ids: [open.id, 'c-no-such-one'] }, ids().owner)) as QueryResult;
        assert.deepEqual(found.conversations.map((c) => c.id), [open.id]);
        assert.equal(found.contacts.some((c) => c.id === found.conversations[0]!.contactId), true, 'with its contact');
        assert.equal(found.next, null);
        const self = h.transportFor(ids().agentSelf);
        const hidden = (await self.query!({ query, cursor: null, limit: 1, ids: [open.id] }, ids().agentSelf)) as QueryResult;
        assert.deepEqual(hidden.conversations, [], "another's conversation is answered as a missing one");
        assert.deepEqual(hidden.contacts, []);
        const refused = await owner.query({ query, cursor: 'x:y', limit: 1, ids: [open.id] }, ids().owner).then(() => false, () => true);
        assert.equal(refused, true, 'a cursor with ids is refused');
      });

      it('refuses a cursor it did not give, and a page of no rows', async () => {
        const transport = h.transportFor(ids().owner);
        if (!transport.query) return;
        for (const request of [{ query: allOpen, cursor: 'not-a-cursor', limit: 10 }, { query: allOpen, cursor: null, limit: 0 }]) {
          const answer = await transport.query(request, ids().owner).then((page) => ({ page }), (error: unknown) => ({ error }));
          assert.equal('error' in answer, true, `${JSON.stringify(request)} is refused`);
        }
      });
    });

    describe('team stats (R28), where the transport counts them', () => {
      const DAY_MS = 86_400_000;
      const statsOf = async (userId: Id, request: StatsRequest) => (await h.transportFor(userId).teamStats!(request, userId)) as TeamStats;

      it("counts over what each user may see (R14): the self agent gets only their own conversations' figures", async () => {
        if (!h.transportFor(ids().owner).teamStats) return;
        const mine = await freshConversation();
        const theirs = await freshConversation();
        await assign(mine.id, ids().agentSelf);
        await assign(theirs.id, ids().agentAll);
        await sendOk(
          h.transportFor(ids().agentSelf),
          { id: uid('conf-re'), type: 'reply', args: { conversationId: mine.id, itemId: uid('conf-re'), body: 'On it' } },
          ids().agentSelf,
        );
        const request: StatsRequest = { from: mine.createdAt - DAY_MS, to: mine.createdAt + DAY_MS, timeZone: 'UTC' };
        const all = await statsOf(ids().owner, request);
        const self = await statsOf(ids().agentSelf, request);
        const agents = (stats: TeamStats) => stats.volume.byAgent.map((b) => b.key);
        assert.includesAll(agents(all), [ids().agentSelf, ids().agentAll], "the owner's volume by agent");
        // Theirs, and any they were mentioned in (R20 grants sight): never another conversation's figures.
        const seen = new Set((await connect(ids().agentSelf)).snapshot.conversations.map((c) => (c.assignee?.type === 'user' ? c.assignee.id : null)));
        assert.includes(agents(self), ids().agentSelf, "the self agent's volume by agent");
        for (const key of agents(self)) assert.equal(seen.has(key), true, `${key} is the assignee of a conversation the self agent sees`);
        assert.notIncludes(agents(self), ids().agentAll, "the self agent's volume by agent");
        assert.atLeast(self.firstResponse.count, 1, "the self agent's first responses");
        assert.greaterThan(all.volume.total, self.volume.total, 'the owner counts more than the self agent');
        const sum = (stats: TeamStats) => stats.volume.byDay.reduce((n, b) => n + b.count, 0);
        assert.equal(sum(self), self.volume.total, 'the days sum to the total');
        assert.hasProperties(self, { from: request.from, to: request.to, timeZone: 'UTC', teamId: null }, 'the answer names its request');
      });

      it('refuses a range that ends before it starts, and an unknown time zone', async () => {
        const transport = h.transportFor(ids().owner);
        if (!transport.teamStats) return;
        const now = Date.now();
        for (const request of [{ from: now, to: now - DAY_MS, timeZone: 'UTC' }, { from: now - DAY_MS, to: now, timeZone: 'Mars/Olympus' }]) {
          const answer = await transport.teamStats(request, ids().owner).then((stats) => ({ stats }), (error: unknown) => ({ error }));
          assert.equal('error' in answer, true, `${JSON.stringify(request)} is refused`);
        }
      });
    });

    describe('timeline', () => {
      it('pages from the newest back, without gaps or duplicates, until hasMore is false', async () => {
        const c = await freshConversation();
        for (let i = 0; i < 6; i++) {
          await h.inject({
            id: uid('conf-in'), type: 'receiveMessage',
            args: { conversationId: c.id, itemId: uid(`conf-m${i}`), contactId: c.contactId, channelId: c.channelId, body: `Message ${i}` },
          });
        }
        await owner.until((o) => o.conversation(c.id)?.lastMessage?.preview === 'Message 5', 'the last message');
        const transport = h.transportFor(ids().owner);
        const whole = (await transport.timeline({ conversationId: c.id, limit: 1000 }, ids().owner)) as TimelinePage;
        assert.equal(whole.hasMore, false, 'hasMore of a page holding everything');
        assert.atLeast(whole.items.length, 7, 'timeline items');
        const pages: TimelineItem[][] = [];
        let before: Id | undefined;
        for (let n = 0; n < 100; n++) {
          const page = (await transport.timeline({ conversationId: c.id, limit: 3, before }, ids().owner)) as TimelinePage;
          assert.equal(page.conversationId, c.id, "the page's conversationId");
          assert.within(page.items.length, 1, 3, 'items in a page of 3');
          pages.push([...page.items]);
          if (!page.hasMore) break;
          before = page.items[0]!.id;
        }
        // Each page holds its items oldest first ("newest last").
        for (const page of pages) {
          for (let i = 1; i < page.length; i++) assert.atLeast(page[i]!.at, page[i - 1]!.at, 'items oldest first');
        }
        const chained = pages.reverse().flat().map((item) => item.id);
        assert.equal(new Set(chained).size, chained.length, 'no duplicates');
        assert.deepEqual(chained, whole.items.map((item) => item.id), 'the pages chained are the whole timeline');
      });
    });
  });
}

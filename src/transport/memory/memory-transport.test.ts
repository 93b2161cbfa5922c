import { expect } from '@open-wc/testing';
import type { Command } from '../../model/commands.js';
import type { DomainEvent } from '../../model/events.js';
import { CHANNEL_KINDS, PRIORITIES, ROLES, VISIBILITIES, type Conversation, type TimelineItem } from '../../model/types.js';
import { runTransportTests, type TransportHarness } from '../conformance.js';
import { parseServerMessage, parseTimelinePage } from '../../protocol/protocol.js';
import type { CommandAck, ServerMessage, TimelinePage } from '../transport.js';
import {
  DEMO_LONG_TIMELINE_LENGTH,
  DEMO_USER_IDS,
  generateDemoData,
} from '../../backend/demo-data.js';
import { MemoryBackend, TRAFFIC_RING_MS, type Commit } from '../../backend/memory-backend.js';
import { MemoryTransport } from './memory-transport.js';

const NOW = Date.UTC(2026, 10, 2, 9, 0, 0);
const DAY = 24 * 3600_000;
const { owner, agentAll, agentTeam, agentSelf } = DEMO_USER_IDS;

function harness(latency: number) {
  return () => {
    const backend = new MemoryBackend({ demo: { conversations: 200, seed: 7, now: NOW } });
    const transport = new MemoryTransport({ backend, latency });
    return Promise.resolve<TransportHarness>({
      transportFor: () => transport,
      inject: (command: Command) => {
        const ack = backend.inject(command);
        return ack.ok ? Promise.resolve() : Promise.reject(new Error(`inject ${command.type}: ${ack.refusal.reason}`));
      },
      userIds: { owner, agentAll, agentTeam, agentSelf },
      cleanup: () => {
        transport.dispose();
        return Promise.resolve();
      },
    });
  };
}

runTransportTests('MemoryTransport', harness(0));
runTransportTests('MemoryTransport with 3 ms latency', harness(3));

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean, what: string, ms = 3000): Promise<void> {
  const end = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(5);
  }
}

/** Records one stream. */
function record(transport: MemoryTransport, userId: string, since?: number) {
  const messages: ServerMessage[] = [];
  const log = { messages, failure: null as unknown, completed: false, close: () => {} };
  const subscription = transport.connect({ userId, since }).subscribe({
    next: (m) => messages.push(m as ServerMessage),
    error: (e: unknown) => (log.failure = e),
    complete: () => (log.completed = true),
  });
  log.close = () => subscription.unsubscribe();
  return log;
}

const events = (messages: readonly ServerMessage[]) =>
  messages.filter((m): m is Extract<ServerMessage, { kind: 'event' }> => m.kind === 'event');

describe('demo data', () => {
  const small = generateDemoData({ seed: 42, conversations: 200, now: NOW });
  const { snapshot } = small;
  const conversations = snapshot.conversations;

  it('is the same for the same seed, and differs for another', () => {
    const again = generateDemoData({ seed: 42, conversations: 200, now: NOW });
    expect(JSON.stringify(again.snapshot)).to.equal(JSON.stringify(snapshot));
    const other = generateDemoData({ seed: 43, conversations: 200, now: NOW });
    expect(JSON.stringify(other.snapshot.conversations)).to.not.equal(JSON.stringify(conversations));
  });

  it('passes the wire protocol’s validation', () => {
    const parsed = parseServerMessage({ kind: 'snapshot', seq: 0, snapshot });
    expect(parsed.ok, parsed.ok ? '' : parsed.error.message).to.equal(true);
    for (const c of conversations.slice(0, 60)) {
      const page = parseTimelinePage({ conversationId: c.id, items: small.timelineFor(c.id), hasMore: false });
      expect(page.ok, page.ok ? '' : page.error.message).to.equal(true);
    }
  });

  it('has every channel kind, with conversations on each', () => {
    const kinds = new Map(snapshot.channels.map((c) => [c.id, c.kind]));
    expect([...new Set(kinds.values())]).to.have.members([...CHANNEL_KINDS]);
    const used = new Set(conversations.map((c) => kinds.get(c.channelId)));
    for (const kind of CHANNEL_KINDS) expect(used.has(kind), kind).to.equal(true);
  });

  it('has users of every role and visibility, teams, bots and saved views', () => {
    const users = snapshot.users;
    for (const role of ROLES) expect(users.some((u) => u.role === role), role).to.equal(true);
    for (const v of VISIBILITIES) expect(users.some((u) => u.role === 'agent' && u.visibility === v), v).to.equal(true);
    const byId = new Map(users.map((u) => [u.id, u]));
    expect(byId.get(owner)?.role).to.equal('owner');
    expect(byId.get(DEMO_USER_IDS.manager)?.role).to.equal('manager');
    expect(byId.get(agentAll)).to.include({ role: 'agent', visibility: 'all' });
    expect(byId.get(agentTeam)).to.include({ role: 'agent', visibility: 'team' });
    expect(byId.get(agentSelf)).to.include({ role: 'agent', visibility: 'self' });
    expect(byId.get(DEMO_USER_IDS.deactivated)?.active).to.equal(false);
    expect(users.some((u) => u.availability === 'away')).to.equal(true);
    expect(snapshot.teams.length).to.be.within(2, 4);
    for (const team of snapshot.teams) expect(team.memberIds.length).to.be.greaterThan(0);
    expect(snapshot.bots).to.have.length(2);
    const views = snapshot.views;
    expect(views.some((v) => !v.sharedWith.everyone && v.sharedWith.teamIds.length === 0 && v.sharedWith.userIds.length === 0)).to.equal(true);
    expect(views.some((v) => v.sharedWith.teamIds.length > 0)).to.equal(true);
    expect(views.some((v) => v.sharedWith.everyone)).to.equal(true);
  });

  it('writes in English, French and Spanish', () => {
    const names = new Set(snapshot.contacts.map((k) => k.name));
    for (const name of ['Emily Carter', 'Zoé Lefèvre', 'José Ramírez']) expect(names.has(name), name).to.equal(true);
    expect(new Set(snapshot.contacts.map((k) => k.language))).to.have.keys('en', 'fr', 'es');
    const previews = conversations.map((c) => c.lastMessage?.preview ?? '').join('\n');
    expect(previews).to.match(/commande|Merci|facture/);
    expect(previews).to.match(/pedido|Gracias|factura/);
    expect(previews).to.match(/order|Thanks|invoice/);
  });

  it('holds every state a conversation can be in', () => {
    const some = (what: string, test: (c: Conversation) => boolean) =>
      expect(conversations.filter(test).length, what).to.be.greaterThan(0);
    const open = (c: Conversation) => c.status === 'open' && !c.spam && c.trashedAt === null && c.snoozedUntil === null;
    some('New', (c) => open(c) && c.awaiting === 'agent' && !c.sent);
    some('Waiting', (c) => open(c) && c.awaiting === 'contact');
    some('unread', (c) => c.unread);
    some('unassigned', (c) => open(c) && c.assignee === null);
    some('done', (c) => c.status === 'done' && c.doneAt !== null);
    some('done over 90 days ago', (c) => c.status === 'done' && c.doneAt! < NOW - 90 * DAY);
    some('sent', (c) => c.sent && c.lastMessage?.direction === 'out' && c.lastInboundAt === null);
    some('bot-owned', (c) => c.assignee?.type === 'bot' && !c.humanOwned);
    some('snoozed until a time', (c) => typeof c.snoozedUntil === 'number' && c.snoozedUntil > NOW);
    some('snoozed until the next message', (c) => c.snoozedUntil === 'next-message');
    some('spam', (c) => c.spam);
    some('trash', (c) => c.trashedAt !== null && c.trashedAt > NOW - 30 * DAY);
    some('trash past 30 days', (c) => c.trashedAt !== null && c.trashedAt < NOW - 30 * DAY);
    some('calls', (c) => c.lastMessage?.kind === 'call');
    some('pinned', (c) => c.pinned);
    some('labels', (c) => c.labels.length > 0);
    some('mentions', (c) => c.mentions.length > 0 && !(c.assignee?.type === 'user' && c.mentions.includes(c.assignee.id)));
    some("the self agent's", (c) => c.assignee?.id === agentSelf);
    some("the team agent's", (c) => c.assignee?.id === agentTeam);
    for (const p of PRIORITIES) some(`priority ${p}`, (c) => c.priority === p);
    const blocked = new Set(snapshot.contacts.filter((k) => k.blocked).map((k) => k.id));
    some('from blocked contacts', (c) => blocked.has(c.contactId));
    expect(snapshot.contacts.length).to.equal(140);
    const contactIds = new Set(snapshot.contacts.map((k) => k.id));
    for (const c of conversations) expect(contactIds.has(c.contactId)).to.equal(true);
  });

  it('shares frozen empty arrays and pooled values across conversations', () => {
    const empties = conversations.filter((c) => c.labels.length === 0);
    expect(new Set(empties.map((c) => c.labels)).size).to.equal(1);
    expect(Object.isFrozen(empties[0]!.labels)).to.equal(true);
    expect(new Set(conversations.map((c) => c.lastMessage?.preview)).size).to.be.lessThan(120);
  });

  it('builds timelines lazily, deterministically, ending on the last message', () => {
    const other = generateDemoData({ seed: 42, conversations: 200, now: NOW });
    const longIds = new Set(small.longTimelineIds);
    for (const c of conversations) {
      const items = small.timelineFor(c.id);
      expect(items, c.id).to.deep.equal(other.timelineFor(c.id));
      if (longIds.has(c.id)) expect(items).to.have.length(DEMO_LONG_TIMELINE_LENGTH);
      else expect(items.length, c.id).to.be.within(3, 40);
      expect(new Set(items.map((i) => i.id)).size).to.equal(items.length);
      for (let i = 1; i < items.length; i++) expect(items[i]!.at, c.id).to.be.greaterThan(items[i - 1]!.at);
      const messages = items.filter((i) => i.type === 'message' || i.type === 'call');
      const last = messages[messages.length - 1]!;
      expect(last.at, c.id).to.equal(c.lastMessage!.at);
      expect(last.direction, c.id).to.equal(c.lastMessage!.direction);
      if (last.type === 'message') expect(last.body).to.equal(c.lastMessage!.preview);
      else expect(c.lastMessage!.kind).to.equal('call');
      if (c.sent) expect(items.some((i) => i.type === 'message' && i.direction === 'in')).to.equal(false);
      for (const m of c.mentions) {
        expect(items.some((i) => i.type === 'comment' && i.mentions.includes(m)), `${c.id} mentions ${m}`).to.equal(true);
      }
      const ids = new Set(messages.map((i) => i.id));
      for (const note of items.filter((i) => i.type === 'note')) expect(ids.has(note.messageId)).to.equal(true);
    }
    expect(small.longTimelineIds).to.have.length(3);
    const all = conversations.flatMap((c) => small.timelineFor(c.id));
    for (const type of ['message', 'call', 'comment', 'note', 'event'] as const) {
      expect(all.some((i) => i.type === type), type).to.equal(true);
    }
    expect(small.timelineFor('nope')).to.deep.equal([]);
    expect(small.timelineFor('c-200')).to.deep.equal([]);
  });

  it('generates 100,000 conversations well under a second', () => {
    let start = performance.now();
    generateDemoData({ seed: 2, conversations: 100_000, now: NOW });
    const cold = performance.now() - start;
    start = performance.now();
    const big = generateDemoData({ seed: 1, conversations: 100_000, now: NOW });
    const ms = performance.now() - start;
    console.log(`demo data: 100,000 conversations in ${cold.toFixed(0)} ms cold, ${ms.toFixed(0)} ms warm`);
    expect(big.snapshot.conversations).to.have.length(100_000);
    expect(big.snapshot.contacts).to.have.length(70_000);
    // Generous for a shared CI core; the figure above is what counts.
    expect(ms).to.be.lessThan(2000);
    expect(big.timelineFor(big.longTimelineIds[0]!)).to.have.length(DEMO_LONG_TIMELINE_LENGTH);
  });
});

describe('MemoryBackend', () => {
  let backend: MemoryBackend;
  let transport: MemoryTransport;
  let now = NOW;
  let counter = 0;
  const cid = () => `t-${++counter}`;
  beforeEach(() => {
    now = NOW;
    backend = new MemoryBackend({ demo: { conversations: 200, seed: 3, now: NOW }, now: () => now });
    transport = new MemoryTransport({ backend });
  });
  afterEach(() => transport.dispose());

  const ownersConversation = (test: (c: Conversation) => boolean) => [...backend.state.conversations.values()].find(test)!;

  it('hands over its own immutable entities, never copies', async () => {
    const stream = record(transport, owner);
    await until(() => stream.messages.length > 0, 'snapshot');
    const first = stream.messages[0]!;
    expect(first.kind).to.equal('snapshot');
    if (first.kind !== 'snapshot') return;
    const c = first.snapshot.conversations[10]!;
    expect(backend.state.conversations.get(c.id)).to.equal(c);
    // Owners see everything, their snapshots share one array until something changes.
    expect(backend.snapshotFor(owner).conversations).to.equal(backend.snapshotFor(agentAll).conversations);
    stream.close();
  });

  it('builds the snapshot of 100,000 conversations quickly', () => {
    const big = new MemoryBackend({ demo: { conversations: 100_000, seed: 1, now: NOW } });
    let start = performance.now();
    const all = big.snapshotFor(owner);
    const ownerMs = performance.now() - start;
    start = performance.now();
    const mine = big.snapshotFor(agentSelf);
    const selfMs = performance.now() - start;
    console.log(`snapshot at 100,000: owner ${ownerMs.toFixed(1)} ms, self agent ${selfMs.toFixed(1)} ms (${mine.conversations.length} conversations)`);
    expect(all.conversations).to.have.length(100_000);
    expect(mine.conversations.length).to.be.within(1000, 20_000);
    expect(ownerMs + selfMs).to.be.lessThan(500);
  });

  it('refuses a deactivated user’s connection', async () => {
    const stream = record(transport, DEMO_USER_IDS.deactivated);
    await until(() => stream.failure !== null, 'the refusal');
  });

  it('resumes after a dropped connection with only the missed events', async () => {
    const a = record(transport, agentAll);
    await until(() => a.messages.length > 0, 'snapshot');
    const c = ownersConversation((x) => x.status === 'open' && x.trashedAt === null && !x.spam);
    transport.drop();
    await until(() => a.failure !== null, 'the drop');
    const lastSeq = (a.messages[a.messages.length - 1] as { seq: number }).seq;
    const acks = [
      backend.send({ id: cid(), type: 'setPriority', args: { ids: [c.id], priority: 'urgent' } }, owner),
      backend.send({ id: cid(), type: 'pin', args: { ids: [c.id], pinned: true } }, owner),
    ];
    expect(acks.every((ack) => ack.ok)).to.equal(true);
    const b = record(transport, agentAll, lastSeq);
    await until(() => events(b.messages).some((e) => e.event.type === 'conversation.upserted' && e.event.conversation.pinned), 'the missed events');
    expect(b.messages[0]!.kind).to.equal('event');
    expect(events(b.messages).every((e) => e.seq > lastSeq)).to.equal(true);
    b.close();
  });

  it('sends a fresh snapshot when `since` is older than its log', async () => {
    const small = new MemoryBackend({ demo: { conversations: 200, seed: 3, now: NOW }, logSize: 3 });
    const t = new MemoryTransport({ backend: small });
    const c = [...small.state.conversations.values()][0]!;
    for (const p of ['low', 'medium', 'high', 'urgent', 'none'] as const) {
      small.send({ id: cid(), type: 'setPriority', args: { ids: [c.id], priority: p } }, owner);
    }
    expect(small.canResume(0)).to.equal(false);
    const s = record(t, owner, 0);
    await until(() => s.messages.length > 0, 'the first message');
    expect(s.messages[0]!.kind).to.equal('snapshot');
    expect((s.messages[0] as { seq: number }).seq).to.equal(small.seq);
    const r = record(t, owner, small.seq - 2);
    await until(() => r.messages.length >= 2, 'the last two events');
    expect(r.messages.map((m) => m.kind)).to.deep.equal(['event', 'event']);
    s.close();
    r.close();
  });

  it('acknowledges with a seq the actor’s own stream reaches, even when it hides the last events', async () => {
    const mine = ownersConversation((c) => c.assignee?.id === agentSelf && c.status === 'open' && c.trashedAt === null);
    const stream = record(transport, agentSelf);
    await until(() => stream.messages.length > 0, 'snapshot');
    // Giving it away: the conversation leaves their sight, its 'assigned' history item never reaches them.
    const ack = (await transport.send({ id: cid(), type: 'assign', args: { ids: [mine.id], assignee: { type: 'user', id: agentAll } } }, agentSelf)) as CommandAck;
    expect(ack.ok).to.equal(true);
    if (!ack.ok) return;
    expect(ack.seq).to.be.lessThan(backend.seq);
    await until(() => events(stream.messages).some((e) => e.seq === ack.seq), 'the acknowledged seq');
    const deleted = events(stream.messages).find((e) => e.seq === ack.seq)!;
    expect(deleted.event).to.deep.equal({ type: 'conversation.deleted', id: mine.id });
    stream.close();
  });

  it('delivers asynchronously, never inside the caller', async () => {
    const stream = record(transport, owner);
    expect(stream.messages).to.have.length(0);
    await until(() => stream.messages.length > 0, 'snapshot');
    const c = ownersConversation((x) => x.status === 'open' && !x.unread && !x.spam && x.trashedAt === null);
    const sent = transport.send({ id: cid(), type: 'markUnread', args: { ids: [c.id] } }, owner);
    const count = stream.messages.length;
    const ack = (await sent) as CommandAck;
    expect(ack.ok).to.equal(true);
    expect(stream.messages.length, 'events arrive before the acknowledgement').to.be.greaterThan(count);
    stream.close();
  });

  it('honours latency, and rejects while offline', async () => {
    transport.latency = 60;
    const start = performance.now();
    const stream = record(transport, owner);
    await until(() => stream.messages.length > 0, 'snapshot');
    expect(performance.now() - start).to.be.at.least(50);
    transport.latency = 0;
    transport.offline = true;
    await until(() => stream.failure !== null, 'the stream to fail');
    const c = ownersConversation(() => true);
    let rejected = false;
    await transport.send({ id: cid(), type: 'markUnread', args: { ids: [c.id] } }, owner).catch(() => (rejected = true));
    expect(rejected).to.equal(true);
    const refused = record(transport, owner);
    await until(() => refused.failure !== null, 'connect to fail');
    transport.offline = false;
    const back = record(transport, owner);
    await until(() => back.messages.length > 0, 'snapshot after coming back');
    back.close();
  });

  it('merges the lazy demo timeline with what commands add, and pages long ones', async () => {
    const c = ownersConversation((x) => x.status === 'open' && !x.spam && x.trashedAt === null && x.lastMessage?.kind !== 'call');
    const generated = generateDemoData({ seed: 3, conversations: 200, now: NOW }).timelineFor(c.id);
    now = NOW + 1000;
    const reply = backend.send({ id: cid(), type: 'reply', args: { conversationId: c.id, itemId: 'my-reply', body: 'On it!' } }, owner);
    expect(reply.ok, JSON.stringify(reply)).to.equal(true);
    const page = (await transport.timeline({ conversationId: c.id, limit: 1000 }, owner)) as TimelinePage;
    expect(page.items.map((i) => i.id)).to.deep.equal([...generated.map((i) => i.id), 'my-reply']);
    // A note on a generated message works: the rules see the whole timeline.
    const message = generated.find((i) => i.type === 'message')!;
    const note = backend.send({ id: cid(), type: 'addNote', args: { conversationId: c.id, itemId: 'my-note', messageId: message.id, body: 'checked' } }, owner);
    expect(note.ok, JSON.stringify(note)).to.equal(true);

    const long = backend.state.conversations.get(generateDemoData({ seed: 3, conversations: 200, now: NOW }).longTimelineIds[0]!)!;
    const seen: TimelineItem[] = [];
    let before: string | undefined;
    for (let n = 0; n < 20; n++) {
      const p = (await transport.timeline({ conversationId: long.id, limit: 500, before }, owner)) as TimelinePage;
      seen.unshift(...p.items);
      if (!p.hasMore) break;
      before = p.items[0]!.id;
    }
    expect(seen).to.have.length(DEMO_LONG_TIMELINE_LENGTH);
    expect(new Set(seen.map((i) => i.id)).size).to.equal(DEMO_LONG_TIMELINE_LENGTH);
  });

  it('turns the clock: tick purges trash past 30 days and the events reach clients', async () => {
    const old = [...backend.state.conversations.values()].filter((c) => c.trashedAt !== null && c.trashedAt < NOW - 30 * DAY);
    expect(old.length).to.be.greaterThan(0);
    const stream = record(transport, owner);
    await until(() => stream.messages.length > 0, 'snapshot');
    const ack = backend.tick();
    expect(ack.ok).to.equal(true);
    for (const c of old) expect(backend.state.conversations.has(c.id)).to.equal(false);
    await until(() => events(stream.messages).filter((e) => e.event.type === 'conversation.deleted').length >= old.length, 'deletions');
    stream.close();
  });

  it('shows a mention to the mentioned self agent, with its contact', async () => {
    const theirs = ownersConversation((c) => c.assignee?.id === agentAll && c.mentions.length === 0 && c.status === 'open');
    const stream = record(transport, agentSelf);
    await until(() => stream.messages.length > 0, 'snapshot');
    const ack = backend.send({ id: cid(), type: 'comment', args: { conversationId: theirs.id, itemId: 'cm-1', body: '@Sam look', mentions: [agentSelf] } }, agentAll);
    expect(ack.ok, JSON.stringify(ack)).to.equal(true);
    await until(() => events(stream.messages).some((e) => e.event.type === 'conversation.upserted' && e.event.conversation.id === theirs.id), 'the mention');
    const types = events(stream.messages).map((e) => e.event.type);
    expect(types.indexOf('contact.upserted')).to.be.lessThan(types.indexOf('conversation.upserted'));
    const page = (await transport.timeline({ conversationId: theirs.id, limit: 5 }, agentSelf)) as TimelinePage;
    expect(page.items.some((i) => i.id === 'cm-1')).to.equal(true);
    stream.close();
  });

  it('keeps saved views to those they are shared with (R14)', async () => {
    const self = record(transport, agentSelf);
    const tom = record(transport, agentTeam);
    await until(() => self.messages.length > 0 && tom.messages.length > 0, 'snapshots');
    const viewsOf = (m: ServerMessage[]) => (m[0] as Extract<ServerMessage, { kind: 'snapshot' }>).snapshot.views.map((v) => v.id).sort();
    expect(viewsOf(self.messages)).to.deep.equal(['v-vip']);
    expect(viewsOf(tom.messages)).to.deep.equal(['v-sales-leads', 'v-vip']);
    const view = { id: 'v-new', name: 'Mine', ownerId: agentTeam, sharedWith: { everyone: false, userIds: [], teamIds: [] }, filters: {}, search: '' };
    expect(backend.send({ id: cid(), type: 'saveView', args: { view } }, agentTeam).ok).to.equal(true);
    expect(backend.send({ id: cid(), type: 'saveView', args: { view: { ...view, sharedWith: { everyone: true, userIds: [], teamIds: [] } } } }, agentTeam).ok).to.equal(true);
    expect(backend.send({ id: cid(), type: 'saveView', args: { view: { ...view, name: 'Private again' } } }, agentTeam).ok).to.equal(true);
    await until(() => events(self.messages).length >= 2, 'the view shared, then unshared');
    const seen = events(self.messages).map((e) => e.event.type);
    expect(seen).to.deep.equal(['view.upserted', 'view.deleted']);
    self.close();
    tom.close();
  });

  it('remembers acknowledgements: a refused command stays refused, an accepted one is not re-applied', () => {
    const c = ownersConversation((x) => x.status === 'open' && !x.spam && x.trashedAt === null);
    const command: Command = { id: cid(), type: 'markDone', args: { ids: [c.id] } };
    const first = backend.send(command, owner);
    const version = backend.state.conversations.get(c.id)!.version;
    backend.send({ id: cid(), type: 'reopen', args: { ids: [c.id] } }, owner);
    expect(backend.send(command, owner)).to.equal(first);
    expect(backend.state.conversations.get(c.id)!.status).to.equal('open');
    expect(backend.state.conversations.get(c.id)!.version).to.equal(version + 1);
  });

  it('contacts + R14: a merge brings the new contact to a restricted agent who sees a moved conversation', async () => {
    const state = backend.state;
    const mine = ownersConversation((c) => c.assignee?.id === agentSelf && c.mentions.length === 0);
    const source = state.contacts.get(mine.contactId)!;
    const sees = (id: string) => [...state.conversations.values()].some(
      (c) => c.contactId === id && (c.assignee?.id === agentSelf || c.mentions.includes(agentSelf)),
    );
    const target = [...state.contacts.values()].find((k) => k.id !== source.id && !k.blocked && !source.blocked && !sees(k.id))!;
    const stream = record(transport, agentSelf);
    await until(() => stream.messages.length > 0, 'snapshot');
    const first = stream.messages[0]!;
    expect(first.kind === 'snapshot' && first.snapshot.contacts.some((k) => k.id === target.id), 'not seen before').to.equal(false);
    // A contact change first, so that the backend's contact index exists before the merge.
    expect(backend.send({ id: cid(), type: 'updateContact', args: { contactId: target.id, patch: { company: 'Acme' } } }, owner).ok).to.equal(true);
    const ack = backend.send({ id: cid(), type: 'mergeContacts', args: { targetId: target.id, sourceId: source.id } }, owner);
    expect(ack.ok, JSON.stringify(ack)).to.equal(true);
    await until(() => events(stream.messages).some((e) => e.event.type === 'contact.deleted'), 'the removal');
    const received = events(stream.messages).map((e) => e.event);
    const moved = received.find((e) => e.type === 'conversation.upserted' && e.conversation.id === mine.id);
    expect(moved?.type === 'conversation.upserted' && moved.conversation.contactId).to.equal(target.id);
    expect(received.some((e) => e.type === 'contact.upserted' && e.contact.id === target.id), 'the new contact').to.equal(true);
    expect(received).to.deep.include({ type: 'contact.deleted', id: source.id });
    stream.close();
  });

  it('persists each command before anything is delivered or acknowledged, and changes nothing when that fails', () => {
    const commits: Commit[] = [];
    let failing = false;
    let delivered = 0;
    const deliveredAtCommit: number[] = [];
    const durable = new MemoryBackend({
      demo: { conversations: 200, seed: 3, now: NOW },
      now: () => now,
      persist: (commit) => {
        if (failing) throw new Error('disk full');
        commits.push(commit);
        deliveredAtCommit.push(delivered);
      },
    });
    durable.connect({ userId: owner }, { next: (m) => {
      if (m.kind === 'event') delivered++;
    }, error: () => {}, complete: () => {} });
    const c = [...durable.state.conversations.values()].find((x) => x.status === 'open' && !x.spam && x.trashedAt === null)!;
    const ack = durable.send({ id: cid(), type: 'markDone', args: { ids: [c.id] } }, owner);
    expect(ack.ok).to.equal(true);
    expect(commits).to.have.length(1);
    expect(deliveredAtCommit, 'persisted before delivery').to.deep.equal([0]);
    const commit = commits[0]!;
    expect(commit.ack).to.equal(ack);
    expect(commit.events.some((e) => e.type === 'conversation.upserted')).to.equal(true);
    expect(commit.entries.map((e) => e.seq)).to.deep.equal(commit.entries.map((_, i) => i + 1));
    expect(commit.cursors.get(owner)).to.equal(durable.seq);
    expect(delivered).to.equal(commit.entries.length);
    // A refusal is remembered, hence persisted too; a malformed command is not.
    durable.send({ id: cid(), type: 'markDone', args: { ids: ['c-nope'] } }, owner);
    durable.send({ id: cid(), type: 'markDone', args: {} }, owner);
    expect(commits).to.have.length(2);
    expect(commits[1]!.ack.ok).to.equal(false);

    failing = true;
    const before = durable.state;
    const seq = durable.seq;
    const id = cid();
    expect(() => durable.send({ id, type: 'reopen', args: { ids: [c.id] } }, owner)).to.throw('disk full');
    expect(durable.state).to.equal(before);
    expect(durable.seq).to.equal(seq);
    failing = false;
    expect(durable.send({ id, type: 'reopen', args: { ids: [c.id] } }, owner).ok, 'the id was not burnt').to.equal(true);
    expect(durable.seq).to.be.greaterThan(seq);
  });

  it('carries on from a restored log: seq, resume, cursors and remembered acks', () => {
    const commits: Commit[] = [];
    const first = new MemoryBackend({ demo: { conversations: 200, seed: 3, now: NOW }, persist: (c) => void commits.push(c) });
    const ids = [...first.state.conversations.values()].filter((x) => x.status === 'open').slice(0, 3).map((x) => x.id);
    for (const [i, id] of ids.entries()) first.send({ id: `restored-${i}`, type: 'setPriority', args: { ids: [id], priority: 'urgent' } }, owner);
    const acks = new Map(commits.map((c) => [c.ack.commandId, c.ack]));
    const entries = commits.flatMap((c) => c.entries);
    const cursors = new Map<string, number>();
    for (const c of commits) for (const [user, seq] of c.cursors) cursors.set(user, seq);
    const second = new MemoryBackend({
      snapshot: first.snapshotFor(owner),
      restore: { seq: first.seq, entries: entries.slice(1), cursors },
      findAck: (id, actor) => (actor === owner ? acks.get(id) : undefined),
    });
    expect(second.seq).to.equal(first.seq);
    expect(second.canResume(1)).to.equal(true);
    expect(second.canResume(0), 'the first entry was not restored').to.equal(false);
    expect(second.send({ id: 'restored-0', type: 'setPriority', args: { ids: [ids[0]!], priority: 'urgent' } }, owner)).to.equal(acks.get('restored-0'));
    expect(second.seq).to.equal(first.seq);
    const resumed: ServerMessage[] = [];
    second.connect({ userId: owner, since: 1 }, { next: (m) => resumed.push(m), error: () => {}, complete: () => {} });
    expect(resumed.map((m) => (m.kind === 'event' ? m.seq : -1))).to.deep.equal(entries.slice(1).map((e) => e.seq));
    // A command that the owner does not see the effect of still points at the owner's restored cursor.
    const ack = second.send({ id: 'restored-x', type: 'setPriority', args: { ids: [ids[0]!], priority: 'urgent' } }, owner);
    expect(ack).to.deep.equal({ commandId: 'restored-x', ok: true, seq: cursors.get(owner) });
    // Ids are scoped per actor: another user's command with a restored id is theirs, and applied.
    const theirs = second.send({ id: 'restored-0', type: 'setPriority', args: { ids: [ids[0]!], priority: 'low' } }, agentAll);
    expect(theirs.ok).to.equal(true);
    expect(second.state.conversations.get(ids[0]!)!.priority).to.equal('low');
  });

  it('fans presence out to those who may see the conversation, not the sender (R14, R17)', () => {
    const got = new Map<string, ServerMessage[]>();
    for (const user of [owner, agentAll, agentSelf]) {
      const list: ServerMessage[] = [];
      got.set(user, list);
      backend.connect({ userId: user }, { next: (m) => list.push(m), error: () => {}, complete: () => {} });
    }
    const hidden = ownersConversation((x) => !(x.assignee?.type === 'user' && x.assignee.id === agentSelf) && !x.mentions.includes(agentSelf));
    backend.presence(owner, hidden.id, true);
    const presence = (user: string) => got.get(user)!.filter((m) => m.kind === 'presence');
    expect(presence(agentAll)).to.have.length(1);
    expect(presence(agentSelf)).to.have.length(0);
    expect(presence(owner)).to.have.length(0);
    backend.presence(owner, null, false);
    expect(presence(agentSelf)).to.have.length(1);
    expect(() => backend.presence(agentSelf, hidden.id, false)).to.throw(/not found/);
  });
});

describe('simulated traffic', () => {
  it('arrives at roughly the requested rate, through the rules, and stops', async function () {
    this.timeout(8000);
    const transport = new MemoryTransport({ demo: true, conversations: 500, seed: 9 });
    const backend = transport.backend;
    const stream = record(transport, owner);
    await until(() => stream.messages.length > 0, 'snapshot');
    backend.startTraffic({ ratePerSecond: 40 });
    await wait(1000);
    backend.stopTraffic();
    const issued = backend.stats.traffic;
    expect(issued, `${issued} commands in a second`).to.be.within(25, 50);
    expect(backend.stats.commands).to.be.greaterThan(issued * 0.5);
    await wait(20);
    const received = events(stream.messages).length;
    // Most steps are one command with two or three events; a few find nothing to do.
    expect(received).to.be.greaterThan(issued / 2);
    const kinds = new Set(events(stream.messages).map((e) => eventKind(e.event)));
    for (const kind of ['message in', 'message out', 'call', 'new conversation']) expect(kinds.has(kind), kind).to.equal(true);
    await wait(300);
    expect(events(stream.messages).length, 'nothing after stopTraffic').to.equal(received);
    stream.close();
    transport.dispose();
  });

  it('R10 a simulated caller hangs up after TRAFFIC_RING_MS unanswered: the call is missed, not ringing for ever', async () => {
    let clock = Date.now();
    const backend = new MemoryBackend({ demo: { conversations: 200, seed: 9 }, now: () => clock });
    const callsIn = (state: 'ringing' | 'missed') =>
      [...backend.state.timelines.values()].flat().filter((i) => i.type === 'call' && i.id.startsWith('live-call') && i.state === state);
    backend.startTraffic({ ratePerSecond: 40, kinds: ['call'] });
    await until(() => callsIn('ringing').length >= 3, 'calls ringing');
    const first = callsIn('ringing').map((i) => i.id);
    clock += TRAFFIC_RING_MS - 1;
    await wait(300);
    expect(callsIn('missed'), 'still ringing just before the limit').to.have.length(0);
    clock += 1;
    await until(() => first.every((id) => callsIn('missed').some((i) => i.id === id)), 'the first calls missed');
    backend.stopTraffic();
  });

  it('R10 calls left ringing before the traffic started (a restored database) hang up too', async () => {
    let clock = Date.now();
    const backend = new MemoryBackend({ demo: { conversations: 200, seed: 9 }, now: () => clock });
    const c = [...backend.state.conversations.values()][0]!;
    backend.inject({ id: 'old-ring', type: 'receiveCall', args: { conversationId: 'c-old', itemId: 'old-call', contactId: c.contactId, channelId: 'ch-call', direction: 'in' } });
    clock += TRAFFIC_RING_MS;
    backend.startTraffic({ ratePerSecond: 1, kinds: ['message'] });
    const state = () => backend.state.timelines.get('c-old')?.find((i) => i.id === 'old-call');
    await until(() => state()?.type === 'call' && (state() as { state: string }).state === 'missed', 'the old call missed');
    backend.stopTraffic();
  });

  it('can be limited to some kinds and started from the transport', async () => {
    const transport = new MemoryTransport({ demo: true, conversations: 200, seed: 9, traffic: 50 });
    transport.backend.startTraffic({ ratePerSecond: 50, kinds: ['message'] });
    const stream = record(transport, owner);
    await wait(400);
    transport.dispose();
    const kinds = new Set(events(stream.messages).map((e) => eventKind(e.event)));
    expect(kinds.has('message in')).to.equal(true);
    for (const other of ['message out', 'call', 'new conversation']) expect(kinds.has(other), other).to.equal(false);
    expect(transport.backend.trafficRunning).to.equal(false);
    stream.close();
  });
});

function eventKind(event: DomainEvent): string {
  if (event.type === 'timeline.upserted') {
    const item = event.item;
    if (item.type === 'message') return `message ${item.direction}`;
    return item.type;
  }
  if (event.type === 'conversation.upserted') {
    return event.conversation.version === 1 ? 'new conversation' : 'conversation';
  }
  return event.type;
}

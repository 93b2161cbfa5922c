import { expect } from '@open-wc/testing';
import { Subject, type Observable } from 'rxjs';
import type { Command } from '../model/commands.js';
import type { DomainEvent } from '../model/events.js';
import { makeConversation, makeState, makeUser, T0 } from '../model/fixtures.js';
import { applyAsBackend as apply } from '../model/rules.backend.js';
import { toSnapshot } from '../model/state.js';
import type { InboxState } from '../model/types.js';
import type { CommandAck, ConnectRequest, Transport } from '../transport/transport.js';
import { InboxStore, type StoreError } from './inbox-store.js';

/**
 * A backend played by the test: it holds a real state, applies commands
 * through model/ like any backend, and lets the test decide when answers
 * and events go out.
 */
class ScriptedBackend implements Transport {
  state: InboxState;
  seq = 0;
  readonly streams: Subject<unknown>[] = [];
  readonly connects: ConnectRequest[] = [];
  readonly sent: Command[] = [];
  /** Answers held back until release(); otherwise commands are answered at once. */
  hold = false;
  readonly held: (() => void)[] = [];
  refuse: string | null = null;
  /** The next send fails as an unreachable backend would. */
  failNextSend = false;
  /** The history its sequence numbers count in. */
  epoch = 'epoch-1';

  constructor(state: InboxState) {
    this.state = state;
  }

  connect(request: ConnectRequest): Observable<unknown> {
    this.connects.push(request);
    const stream = new Subject<unknown>();
    this.streams.push(stream);
    queueMicrotask(() => stream.next({ kind: 'snapshot', seq: this.seq, epoch: this.epoch, snapshot: toSnapshot(this.state) }));
    return stream;
  }

  get stream(): Subject<unknown> {
    return this.streams.at(-1)!;
  }

  /** Applies a command as `actorId` on the backend and streams its events. */
  play(command: Command, actorId: string | null): DomainEvent[] {
    const result = apply(this.state, command, { actorId, now: T0 + 1000 });
    if (!result.ok) throw new Error(result.refusal.reason);
    this.state = result.state;
    for (const event of result.events) this.stream.next({ kind: 'event', seq: ++this.seq, event });
    return [...result.events];
  }

  send(command: Command, actorId: string): Promise<unknown> {
    this.sent.push(command);
    if (this.failNextSend) {
      this.failNextSend = false;
      return Promise.reject(new Error('unreachable'));
    }
    return new Promise((resolve) => {
      const answer = () => {
        if (this.refuse) {
          resolve({ commandId: command.id, ok: false, refusal: { code: 'conflict', reason: this.refuse } });
          return;
        }
        const result = apply(this.state, command, { actorId, now: T0 + 1000 });
        if (!result.ok) {
          resolve({ commandId: command.id, ok: false, refusal: result.refusal } satisfies CommandAck);
          return;
        }
        this.state = result.state;
        const events = result.events;
        resolve({ commandId: command.id, ok: true, seq: this.seq + events.length } satisfies CommandAck);
        // Events follow the answer a little later, as on a real wire.
        setTimeout(() => {
          for (const event of events) this.stream.next({ kind: 'event', seq: ++this.seq, event });
        }, 5);
      };
      if (this.hold) this.held.push(answer);
      else answer();
    });
  }

  release(): void {
    for (const answer of this.held.splice(0)) answer();
  }

  timeline(): Promise<unknown> {
    return Promise.resolve({ conversationId: 'c-1', items: [], hasMore: false });
  }
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const settle = async () => {
  await new Promise((resolve) => setTimeout(resolve, 20));
  await frame();
};

function world(): InboxState {
  return makeState({
    users: [
      makeUser({ id: 'u-owner', role: 'owner' }),
      makeUser({ id: 'u-ana' }),
      makeUser({ id: 'u-lea' }),
    ],
    conversations: [
      makeConversation({ id: 'c-1', unread: true }),
      makeConversation({ id: 'c-2' }),
      makeConversation({ id: 'c-3', lastMessage: { preview: 'older', at: T0 - 1000, direction: 'in', kind: 'sms' } }),
    ],
  });
}

async function start(state = world()) {
  const backend = new ScriptedBackend(state);
  const store = new InboxStore({ transport: backend, userId: 'u-ana', now: () => T0 + 500 });
  const errors: StoreError[] = [];
  store.errors$.subscribe((e) => errors.push(e));
  await store.ready;
  return { backend, store, errors };
}

const conversation = (store: InboxStore, id: string) => store.state.model.conversations.get(id)!;

describe('InboxStore', () => {
  it('R3 applies a command at once, before the backend answers (optimistic)', async () => {
    const { backend, store } = await start();
    backend.hold = true;
    store.dispatch('markDone', { ids: ['c-1'] });
    expect(conversation(store, 'c-1').status).to.equal('done');
    expect(conversation(store, 'c-1').unread).to.equal(false);
    expect(store.state.pending).to.have.length(1);
    expect(backend.sent).to.have.length(1);
    store.destroy();
  });

  it('R3 confirms: the pending command is dropped once the stream reaches its sequence number', async () => {
    const { backend, store } = await start();
    store.dispatch('markDone', { ids: ['c-1'] });
    await settle();
    expect(store.state.pending).to.have.length(0);
    expect(conversation(store, 'c-1').status).to.equal('done');
    expect(conversation(store, 'c-1').version).to.equal(backend.state.conversations.get('c-1')!.version);
    store.destroy();
  });

  it('rolls back a refused command visibly and reports it with the command (and its text)', async () => {
    const { backend, store, errors } = await start();
    backend.hold = true;
    backend.refuse = 'Someone else closed it first';
    store.dispatch('reply', { conversationId: 'c-2', itemId: 'i-1', body: 'My carefully typed answer' });
    expect(conversation(store, 'c-2').awaiting).to.equal('contact');
    backend.release();
    await settle();
    expect(conversation(store, 'c-2').awaiting).to.equal('agent');
    expect(store.state.pending).to.have.length(0);
    const rejected = errors.find((e) => e.kind === 'rejected');
    expect(rejected?.kind).to.equal('rejected');
    if (rejected?.kind === 'rejected') {
      expect(rejected.refusal.reason).to.equal('Someone else closed it first');
      expect(rejected.command.type).to.equal('reply');
      expect((rejected.command.args as { body: string }).body).to.equal('My carefully typed answer');
    }
    store.destroy();
  });

  it('refuses locally what model/ refuses, without sending it', async () => {
    const { backend, store, errors } = await start();
    const result = store.dispatch('markDone', { ids: ['nope'] });
    expect(result.ok).to.equal(false);
    expect(backend.sent).to.have.length(0);
    expect(errors[0]?.kind).to.equal('rejected');
    store.destroy();
  });

  it('R17 rebases pending commands over remote events, so nothing flickers back', async () => {
    const { backend, store } = await start();
    backend.hold = true;
    const seen: string[] = [];
    store.select((s) => s.model.conversations.get('c-1')?.status).subscribe((status) => seen.push(String(status)));
    store.dispatch('markDone', { ids: ['c-1'] });
    // Another agent labels the same conversation and closes another one meanwhile.
    backend.play({ id: 'x-1', type: 'addLabels', args: { ids: ['c-1'], labels: ['vip'] } }, 'u-lea');
    backend.play({ id: 'x-2', type: 'markDone', args: { ids: ['c-2'] } }, 'u-lea');
    await settle();
    expect(conversation(store, 'c-1').status).to.equal('done');
    expect(conversation(store, 'c-1').labels).to.deep.equal(['vip']);
    expect(conversation(store, 'c-2').status).to.equal('done');
    backend.release();
    await settle();
    expect(store.state.pending).to.have.length(0);
    expect(conversation(store, 'c-1').status).to.equal('done');
    expect(conversation(store, 'c-1').labels).to.deep.equal(['vip']);
    expect(seen).to.deep.equal(['open', 'done']);
    store.destroy();
  });

  it('R4 undo restores the previous state: done then undo is open and unread again', async () => {
    const { store } = await start();
    store.dispatch('markDone', { ids: ['c-1', 'c-2'] });
    await settle();
    expect(store.state.lastUndoable?.type).to.equal('markDone');
    expect(store.state.lastUndoable?.count).to.equal(2);
    expect(store.undo()).to.equal(true);
    expect(conversation(store, 'c-1').status).to.equal('open');
    expect(conversation(store, 'c-1').unread).to.equal(true);
    expect(conversation(store, 'c-2').unread).to.equal(false);
    await settle();
    expect(conversation(store, 'c-1').status).to.equal('open');
    expect(store.state.lastUndoable).to.equal(null);
    expect(store.undo()).to.equal(false);
    store.destroy();
  });

  it('R10 R19 undo covers assign, priority and labels', async () => {
    const { store } = await start();
    store.dispatch('assign', { ids: ['c-1'], assignee: { type: 'user', id: 'u-lea' } });
    store.dispatch('setPriority', { ids: ['c-1'], priority: 'urgent' });
    store.dispatch('addLabels', { ids: ['c-1'], labels: ['billing'] });
    await settle();
    store.undo();
    expect(conversation(store, 'c-1').labels).to.deep.equal([]);
    store.undo();
    expect(conversation(store, 'c-1').priority).to.equal('none');
    store.undo();
    expect(conversation(store, 'c-1').assignee).to.equal(null);
    store.destroy();
  });

  it('R4 opening an unread conversation marks it read, without an undo entry', async () => {
    const { store } = await start();
    store.openConversation('c-1');
    expect(store.state.ui.openId).to.equal('c-1');
    expect(conversation(store, 'c-1').unread).to.equal(false);
    expect(store.state.lastUndoable).to.equal(null);
    store.destroy();
  });

  it('notifies subscribers at most once per animation frame during a burst of events', async () => {
    const { backend, store } = await start();
    let notified = 0;
    store.select((s) => s.model).subscribe(() => notified++);
    notified = 0;
    for (let i = 0; i < 500; i++) {
      backend.play({ id: `burst-${i}`, type: 'setPriority', args: { ids: ['c-2'], priority: i % 2 ? 'high' : 'low' } }, 'u-lea');
    }
    expect(notified).to.equal(0);
    await frame();
    await frame();
    expect(notified).to.equal(1);
    expect(conversation(store, 'c-2').priority).to.equal('high');
    store.destroy();
  });

  it('rejects malformed messages with a reported error and keeps the state valid', async () => {
    const { store, errors } = await start();
    const before = store.state.model;
    const good = { kind: 'event', seq: 99, event: { type: 'conversation.upserted', conversation: conversation(store, 'c-1') } };
    const breakers: ((m: Record<string, unknown>) => unknown)[] = [
      () => null,
      () => 42,
      () => 'event',
      (m) => ({ ...m, kind: 'nope' }),
      (m) => ({ ...m, seq: -1 }),
      (m) => ({ ...m, seq: 'x' }),
      (m) => ({ ...m, event: { type: 'conversation.upserted', conversation: { ...conversation(store, 'c-1'), status: 'closed' } } }),
      (m) => ({ ...m, event: { type: 'conversation.upserted', conversation: { ...conversation(store, 'c-1'), labels: 'vip' } } }),
      (m) => ({ ...m, event: { type: 'conversation.upserted', conversation: { ...conversation(store, 'c-1'), id: '' } } }),
      (m) => ({ ...m, event: { type: 'unknown.thing' } }),
      (m) => ({ ...m, event: { type: 'timeline.upserted', item: { type: 'message', id: 'i' } } }),
      () => ({ kind: 'snapshot', seq: 1, snapshot: { users: 'all' } }),
      () => ({ kind: 'snapshot', seq: 1, snapshot: { ...toSnapshot(world()), conversations: [{ id: 'c-9' }] } }),
    ];
    for (let i = 0; i < 3000; i++) store.receive(breakers[i % breakers.length]!(good));
    await settle();
    expect(errors.filter((e) => e.kind === 'protocol')).to.have.length(3000);
    expect(errors[0]?.kind === 'protocol' && errors[0].message).to.match(/Malformed/);
    expect(store.state.model).to.equal(before);
    // And it still applies the next good message.
    store.receive({ ...good, event: { type: 'conversation.upserted', conversation: { ...conversation(store, 'c-1'), priority: 'high' } } });
    await settle();
    expect(conversation(store, 'c-1').priority).to.equal('high');
    store.destroy();
  });

  it('resumes after a drop from the last sequence number', async () => {
    const { backend, store } = await start();
    const reconnecting = new InboxStore({ transport: backend, userId: 'u-ana', reconnectDelay: 5, connect: false });
    reconnecting.connect();
    await reconnecting.ready;
    backend.play({ id: 'r-1', type: 'markDone', args: { ids: ['c-2'] } }, 'u-lea');
    await settle();
    const lastSeq = backend.seq;
    backend.stream.error(new Error('network'));
    expect(reconnecting.state.connection).to.equal('offline');
    await new Promise((resolve) => setTimeout(resolve, 30));
    // In the history its snapshot named (issue 13's epoch).
    expect(backend.connects.at(-1)).to.deep.include({ userId: 'u-ana', since: lastSeq, epoch: 'epoch-1' });
    store.destroy();
    reconnecting.destroy();
  });

  it('keeps a command that could not be sent and sends it once after reconnecting', async () => {
    const { backend, store } = await start();
    backend.failNextSend = true;
    store.dispatch('markDone', { ids: ['c-3'] });
    await settle();
    expect(conversation(store, 'c-3').status).to.equal('done');
    expect(store.state.pending).to.have.length(1);
    store.disconnect();
    store.connect();
    await settle();
    await settle();
    expect(backend.sent.filter((c) => c.type === 'markDone')).to.have.length(2);
    expect(store.state.pending).to.have.length(0);
    expect(backend.state.conversations.get('c-3')!.status).to.equal('done');
    store.destroy();
  });

  it('retries a failed send while still connected, and the backend applies it once', async () => {
    const backend = new ScriptedBackend(world());
    const store = new InboxStore({ transport: backend, userId: 'u-ana', reconnectDelay: 5 });
    await store.ready;
    backend.failNextSend = true;
    store.dispatch('markDone', { ids: ['c-2'] });
    await new Promise((resolve) => setTimeout(resolve, 60));
    await settle();
    expect(backend.sent.filter((c) => c.type === 'markDone')).to.have.length(2);
    expect(store.state.pending).to.have.length(0);
    expect(backend.state.conversations.get('c-2')!.version).to.equal(2);
    store.destroy();
  });

  it('keeps two stores on one page independent', async () => {
    const a = await start();
    const b = await start();
    a.store.setView('mine');
    a.store.dispatch('markDone', { ids: ['c-1'] });
    expect(b.store.state.ui.view).to.not.equal('mine');
    expect(conversation(b.store, 'c-1').status).to.equal('open');
    a.store.destroy();
    b.store.destroy();
  });

  it('R15 lights the dot of the highest-priority view and clears it on opening that view', async () => {
    const state = world();
    const { backend, store } = await start(state);
    store.setView('done');
    backend.play(
      {
        id: 'in-1',
        type: 'receiveMessage',
        args: { conversationId: 'c-2', itemId: 'm-1', contactId: 'k-1', channelId: 'ch-sms', body: 'Hola' },
      },
      null,
    );
    await settle();
    expect([...(store.state.ui.dots.get('unassigned') ?? [])]).to.deep.equal(['c-2']);
    store.setView('unassigned');
    expect(store.state.ui.dots.get('unassigned')?.size ?? 0).to.equal(0);
    store.destroy();
  });
});

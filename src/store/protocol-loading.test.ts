import { expect } from '@open-wc/testing';
import { Subject, type Observable } from 'rxjs';
import { makeConversation, makeState, makeUser } from '../model/fixtures.js';
import { toSnapshot } from '../model/state.js';
import { loadProtocol } from '../protocol/loading.js';
import type { ConnectRequest, Transport } from '../transport/transport.js';
import { InboxStore, type StoreError } from './inbox-store.js';

/**
 * The protocol's schemas load on demand (loadProtocol(), to keep them out of
 * the script-tag bundle's main file). This file runs in a page of its own,
 * so the first store here meets them not loaded yet: what a transport hands
 * over meanwhile must wait for them, checked and in order, and the store
 * connects only once they are here.
 */
describe('the store before the protocol\'s schemas have loaded', () => {
  const state = makeState({
    users: [makeUser({ id: 'u-ana' })],
    conversations: [makeConversation({ id: 'c-1' })],
  });

  it('holds messages until the schemas load, then checks and applies them in order; connects once they are here', async () => {
    expect(loadProtocol.loaded, 'loaded by an earlier test of this page').to.equal(undefined);
    const store = new InboxStore({ transport: silent(), userId: 'u-ana', connect: false, schedule: (flush) => flush() });
    const errors: StoreError[] = [];
    store.errors$.subscribe((error) => errors.push(error));
    const transport = scripted(state);
    const connected = new InboxStore({ transport, userId: 'u-ana' });
    // A store disconnected before its connect could start stays offline.
    const other = scripted(state);
    const idle = new InboxStore({ transport: other, userId: 'u-ana' });
    idle.disconnect();
    // A store destroyed while its messages wait for the schemas drops them quietly.
    const gone = new InboxStore({ transport: silent(), userId: 'u-ana', connect: false });
    const goneErrors: unknown[] = [];
    gone.errors$.subscribe({ next: (error) => goneErrors.push(error), error: (error: unknown) => goneErrors.push(error) });
    gone.receive({ kind: 'snapshot', seq: 1, snapshot: toSnapshot(state) });
    gone.destroy();

    const c1 = state.conversations.get('c-1')!;
    store.receive({ kind: 'snapshot', seq: 1, snapshot: toSnapshot(state) });
    store.receive({ kind: 'event', seq: 2, event: { type: 'conversation.upserted', conversation: { id: 'c-1' } } });
    store.receive({ kind: 'event', seq: 3, event: { type: 'conversation.upserted', conversation: { ...c1, priority: 'high' } } });
    // Nothing applied yet, nothing lost; nothing connected.
    expect(store.state.ready).to.equal(false);
    expect(store.state.model.conversations.size).to.equal(0);
    expect(connected.state.connection).to.equal('connecting');
    expect(transport.connects).to.have.length(0);

    await store.ready;
    expect(loadProtocol.loaded).to.exist;
    expect(store.state.model.conversations.get('c-1')?.priority).to.equal('high');
    expect(errors.map((e) => e.kind)).to.deep.equal(['protocol']);
    expect(errors[0]?.kind === 'protocol' && errors[0].message).to.match(/Malformed/);

    // Loaded now: receive() is synchronous again.
    store.receive({ kind: 'event', seq: 4, event: { type: 'conversation.upserted', conversation: { ...c1, priority: 'low' } } });
    expect(store.state.model.conversations.get('c-1')?.priority).to.equal('low');

    await connected.ready;
    expect(transport.connects).to.have.length(1);
    expect(connected.state.connection).to.equal('live');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(other.connects).to.have.length(0);
    expect(idle.state.connection).to.equal('offline');
    expect(gone.state.ready).to.equal(false);
    expect(goneErrors).to.deep.equal([]);
    for (const s of [store, connected, idle]) s.destroy();
  });
});

function silent(): Transport {
  return {
    connect: () => new Subject<unknown>(),
    send: () => new Promise(() => undefined),
    timeline: () => new Promise(() => undefined),
  };
}

function scripted(state: ReturnType<typeof makeState>): Transport & { connects: ConnectRequest[] } {
  const connects: ConnectRequest[] = [];
  return {
    connects,
    connect(request: ConnectRequest): Observable<unknown> {
      connects.push(request);
      const stream = new Subject<unknown>();
      queueMicrotask(() => stream.next({ kind: 'snapshot', seq: 1, snapshot: toSnapshot(state) }));
      return stream;
    },
    send: () => new Promise(() => undefined),
    timeline: () => new Promise(() => undefined),
  };
}

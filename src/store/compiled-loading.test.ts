import { expect } from '@open-wc/testing';
import { EMPTY } from 'rxjs';
import { generateDemoData } from '../backend/demo-data.js';
import { COMPILED_CHECKS_FROM, loadCompiledChecks } from '../protocol/protocol.js';
import { loadProtocol } from '../protocol/loading.js';
import type { Transport } from '../transport/transport.js';
import { InboxStore, type StoreError } from './inbox-store.js';

const silent: Transport = {
  connect: () => EMPTY,
  send: () => new Promise(() => undefined),
  timeline: () => new Promise(() => undefined),
};

/**
 * A snapshot of thousands of contacts and conversations is checked by
 * compiled code loaded for it (protocol/compiled-checks.ts). This file runs
 * in a page of its own, so the first big snapshot here meets the code not
 * loaded yet: it and what follows it wait, in order; a small inbox never
 * loads it.
 */
describe('the store and the compiled checks of a big snapshot', () => {
  const small = generateDemoData({ seed: 5, conversations: 100 }).snapshot;
  const big = generateDemoData({ seed: 5, conversations: COMPILED_CHECKS_FROM }).snapshot;

  it('a small snapshot is applied at once, without them', async () => {
    await loadProtocol();
    const store = new InboxStore({ transport: silent, userId: small.users[0]!.id, connect: false, schedule: (flush) => flush() });
    store.receive({ kind: 'snapshot', seq: 1, snapshot: small });
    expect(store.state.ready).to.equal(true);
    expect(store.state.model.conversations.size).to.equal(small.conversations.length);
    expect(loadCompiledChecks.loaded, 'not loaded for 100 conversations').to.equal(undefined);
    store.destroy();
  });

  it('a big one waits for them with the messages behind it, then all apply in order; a malformed entity is named', async () => {
    const store = new InboxStore({ transport: silent, userId: big.users[0]!.id, connect: false, schedule: (flush) => flush() });
    const errors: StoreError[] = [];
    store.errors$.subscribe((error) => errors.push(error));
    const first = big.conversations[0]!;
    store.receive({ kind: 'snapshot', seq: 1, snapshot: big });
    store.receive({ kind: 'event', seq: 2, event: { type: 'conversation.upserted', conversation: { ...first, priority: 'urgent', version: first.version + 1 } } });
    // Held: nothing applied yet, nothing lost.
    expect(store.state.ready).to.equal(false);
    expect(store.state.model.conversations.size).to.equal(0);
    await store.ready;
    expect(loadCompiledChecks.loaded).to.exist;
    expect(store.state.model.conversations.size).to.equal(big.conversations.length);
    expect(store.state.model.conversations.get(first.id)?.priority).to.equal('urgent');
    expect(errors).to.deep.equal([]);

    // Loaded now: a big snapshot is checked at once; one bad conversation refuses it whole, named, and the state stays.
    const conversations = [...big.conversations];
    conversations[4000] = { ...conversations[4000]!, unread: 'yes' as never };
    store.receive({ kind: 'snapshot', seq: 3, snapshot: { ...big, conversations } });
    expect(errors).to.have.length(1);
    expect(errors[0]?.kind === 'protocol' && errors[0].message).to.match(/conversations\[4000\]/);
    expect(store.state.model.conversations.get(first.id)?.priority).to.equal('urgent');
    store.destroy();
  });
});

import { expect } from '@open-wc/testing';
import { EMPTY } from 'rxjs';
import { runQuery } from '../model/query.js';
import { PRIORITIES } from '../model/types.js';
import { generateDemoData } from '../backend/demo-data.js';
import type { Transport } from '../transport/transport.js';
import { InboxStore } from './inbox-store.js';
import { selectUser } from './selectors.js';

const silent: Transport = {
  connect: () => EMPTY,
  send: () => new Promise(() => undefined),
  timeline: () => new Promise(() => undefined),
};

describe('selectors.list, patched after a few changes', () => {
  const fresh = (store: InboxStore) => {
    const { view, tab, filters, search, sort } = store.state.ui;
    return runQuery(store.state.model, { view, tab, filters, search, sort }, selectUser(store.state)!, Date.now()).map((c) => c.id);
  };

  for (const sort of ['newest', 'oldest', 'priority', 'waiting-longest'] as const) {
    it(`R16 equals a fresh query after every command and event (${sort})`, async () => {
      const data = generateDemoData({ seed: 3, conversations: 1000 });
      const store = new InboxStore({ transport: silent, userId: 'u-ana', schedule: (flush) => flush() });
      store.receive({ kind: 'snapshot', seq: 0, snapshot: data.snapshot });
      await store.ready;
      store.setSort(sort);
      expect(store.selectors.list(store.state).map((c) => c.id)).to.deep.equal(fresh(store));
      const all = [...store.state.model.conversations.values()];
      let seq = 0;
      for (let i = 0; i < 40; i++) {
        const c = all[(i * 37) % all.length]!;
        switch (i % 5) {
          case 0:
            store.dispatch('markDone', { ids: [c.id] });
            break;
          case 1:
            store.dispatch('setPriority', { ids: [c.id], priority: PRIORITIES[i % PRIORITIES.length]! });
            break;
          case 2:
            store.dispatch('pin', { ids: [c.id], pinned: i % 2 === 0 });
            break;
          case 3:
            store.receive({
              kind: 'event',
              seq: ++seq,
              event: {
                type: 'conversation.upserted',
                conversation: { ...c, id: `new-${i}`, lastMessage: { preview: 'hi', at: Date.now() + i, direction: 'in', kind: 'sms' } },
              },
            });
            break;
          default:
            store.undo();
        }
        expect(store.selectors.list(store.state).map((x) => x.id), `step ${i}`).to.deep.equal(fresh(store));
      }
      store.destroy();
    });
  }

  it('R16 R17 equals a fresh query through deletions, re-additions and bursts past the patch limit', async () => {
    const data = generateDemoData({ seed: 5, conversations: 2000 });
    const store = new InboxStore({ transport: silent, userId: 'u-ana', schedule: (flush) => flush() });
    store.receive({ kind: 'snapshot', seq: 0, snapshot: data.snapshot });
    await store.ready;
    expect(store.selectors.list(store.state).map((c) => c.id)).to.deep.equal(fresh(store));
    const all = [...store.state.model.conversations.values()];
    let seq = 0;
    const deleted: typeof all = [];
    for (let i = 0; i < 24; i++) {
      const c = all[(i * 53) % all.length]!;
      if (i % 6 === 5) {
        // A burst: more changes than the selector patches.
        for (let k = 0; k < 700; k++) {
          const x = all[(i * 31 + k * 7) % all.length]!;
          if (!store.state.model.conversations.has(x.id)) continue;
          store.receive({ kind: 'event', seq: ++seq, event: { type: 'conversation.upserted', conversation: { ...x, unread: k % 2 === 0, pinned: k % 9 === 0 } } });
        }
      } else if (i % 3 === 0 && store.state.model.conversations.has(c.id)) {
        deleted.push(store.state.model.conversations.get(c.id)!);
        store.receive({ kind: 'event', seq: ++seq, event: { type: 'conversation.deleted', id: c.id } });
      } else if (i % 3 === 1 && deleted.length > 0) {
        store.receive({ kind: 'event', seq: ++seq, event: { type: 'conversation.upserted', conversation: deleted.pop()! } });
      } else {
        store.dispatch('pin', { ids: [c.id], pinned: i % 2 === 0 });
      }
      expect(store.selectors.list(store.state).map((x) => x.id), `step ${i}`).to.deep.equal(fresh(store));
    }
    store.destroy();
  });
});

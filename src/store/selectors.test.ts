import { expect } from '@open-wc/testing';
import { EMPTY } from 'rxjs';
import { runQuery } from '../model/query.js';
import { PRIORITIES } from '../model/types.js';
import { generateDemoData } from '../transport/memory/demo-data.js';
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
});

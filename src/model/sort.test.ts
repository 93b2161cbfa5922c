import { expect } from '@open-wc/testing';
import { DAY, HOUR, makeConversation, T0 } from './fixtures.js';
import { random } from './random-state.js';
import { buildSorted, comparator, patchSorted, SORT_ORDERS, sortConversations } from './sort.js';
import type { Conversation, Priority, SortOrder } from './types.js';

const at = (id: string, time: number, extra: Partial<Conversation> = {}) =>
  makeConversation({ id, lastMessage: { preview: '', at: time, direction: 'in', kind: 'sms' }, ...extra });
const ids = (list: readonly Conversation[], order: SortOrder) => sortConversations(list, order).map((c) => c.id);

const a = at('a', T0 - 3 * HOUR);
const b = at('b', T0 - 1 * HOUR);
const c = at('c', T0 - 2 * HOUR);

describe('sort', () => {
  it('R16 newest first by default', () => {
    expect(ids([a, b, c], 'newest')).to.deep.equal(['b', 'c', 'a']);
  });
  it('R16 oldest first on request', () => {
    expect(ids([a, b, c], 'oldest')).to.deep.equal(['a', 'c', 'b']);
  });
  it('R16 a conversation without messages sorts by its creation time', () => {
    const empty = makeConversation({ id: 'e', lastMessage: null, createdAt: T0 - 90 * 60_000 });
    expect(ids([a, b, c, empty], 'newest')).to.deep.equal(['b', 'e', 'c', 'a']);
  });
  it('R16 waiting longest: the New queue first, longest waiting first, then Waiting by oldest message', () => {
    const list = [
      at('new-recent', T0, { awaiting: 'agent', awaitingSince: T0 - HOUR }),
      at('new-old', T0 - DAY, { awaiting: 'agent', awaitingSince: T0 - 5 * HOUR }),
      at('wait-recent', T0 - HOUR, { awaiting: 'contact', awaitingSince: 0 }),
      at('wait-old', T0 - 2 * DAY, { awaiting: 'contact', awaitingSince: T0 }),
    ];
    expect(ids(list, 'waiting-longest')).to.deep.equal(['new-old', 'new-recent', 'wait-old', 'wait-recent']);
  });
  it('R19 priority: urgent > high > medium > low > none, then newest', () => {
    const p = (id: string, priority: Priority, time = T0) => at(id, time, { priority });
    const list = [p('none', 'none'), p('low', 'low'), p('high-old', 'high', T0 - DAY), p('urgent', 'urgent'), p('medium', 'medium'), p('high-new', 'high')];
    expect(ids(list, 'priority')).to.deep.equal(['urgent', 'high-new', 'high-old', 'medium', 'low', 'none']);
  });
  for (const order of SORT_ORDERS) {
    it(`R16 pinned conversations stay on top (${order})`, () => {
      const pinnedOld = at('p-old', T0 - 10 * DAY, { pinned: true, awaiting: 'contact', priority: 'none' });
      const pinnedNew = at('p-new', T0, { pinned: true, awaiting: 'contact', priority: 'none' });
      const list = [a, pinnedOld, b, at('u', T0, { priority: 'urgent' }), pinnedNew, c];
      const sorted = ids(list, order);
      expect(sorted.slice(0, 2).sort()).to.deep.equal(['p-new', 'p-old']);
      expect(sorted).to.have.length(6);
    });
    it(`R16 ties fall back to the id, so the order is stable (${order})`, () => {
      const same = ['d', 'b', 'c', 'a'].map((id) => at(id, T0));
      expect(ids(same, order)).to.deep.equal(['a', 'b', 'c', 'd']);
      expect(ids([...same].reverse(), order)).to.deep.equal(['a', 'b', 'c', 'd']);
    });
    it(`R16 the comparator agrees with sortConversations (${order})`, () => {
      const list = Array.from({ length: 60 }, (_, i) =>
        at(`c${(i * 37) % 60}`, T0 - ((i * 7) % 5) * HOUR, {
          pinned: i % 11 === 0,
          priority: (['none', 'low', 'medium', 'high', 'urgent'] as const)[i % 5]!,
          awaiting: i % 3 === 0 ? 'contact' : 'agent',
          awaitingSince: T0 - ((i * 13) % 4) * HOUR,
        }),
      );
      expect(sortConversations(list, order)).to.deep.equal([...list].sort(comparator(order)));
    });
  }
  it('R16 sorting returns a copy and leaves its input alone', () => {
    const input = [a, b, c];
    const sorted = sortConversations(input, 'newest');
    expect(input.map((x) => x.id)).to.deep.equal(['a', 'b', 'c']);
    expect(sorted).to.not.equal(input);
    expect(sortConversations([], 'newest')).to.deep.equal([]);
  });

  describe('presorted index', () => {
    const PRIORITY_LIST: readonly Priority[] = ['none', 'low', 'medium', 'high', 'urgent'];
    const make = (r: () => number, id: string) =>
      at(id, T0 - Math.floor(r() * 50) * HOUR, {
        pinned: r() < 0.1,
        priority: PRIORITY_LIST[Math.floor(r() * 5)]!,
        awaiting: r() < 0.5 ? 'agent' : 'contact',
        awaitingSince: T0 - Math.floor(r() * 30) * HOUR,
      });
    const positionsOf = (list: readonly (Conversation | undefined)[], order: SortOrder) =>
      list
        .map((c, i) => ({ c, i }))
        .filter((x): x is { c: Conversation; i: number } => x.c !== undefined)
        .sort((x, y) => comparator(order)(x.c, y.c))
        .map((x) => x.i);

    for (const order of SORT_ORDERS) {
      it(`R16 builds the positions in sortConversations order, pinned first, holes left out (${order})`, () => {
        const r = random(3);
        const list = Array.from({ length: 400 }, (_, i) => (i % 9 === 4 ? undefined : make(r, `c${i}`)));
        const sorted = buildSorted(list, order);
        expect([...sorted.positions]).to.deep.equal(positionsOf(list, order));
        const live = list.filter((x) => x !== undefined);
        expect([...sorted.positions].map((i) => list[i]!.id)).to.deep.equal(ids(live, order));
        const pinned = [...sorted.positions].map((i) => list[i]!.pinned);
        expect(pinned.indexOf(false)).to.be.lessThan(pinned.lastIndexOf(true) + 2);
      });

      it(`R16 builds the same order for times of any size, fractional, before 1970 and tied (${order})`, () => {
        const r = random(order.length + 11);
        const times = [0, -1, -HOUR, 0.5, 2 ** 40 + 0.25, 2 ** 43, T0, T0 + 0.001];
        const list = Array.from({ length: 3000 }, (_, i) => {
          const time = r() < 0.3 ? times[Math.floor(r() * times.length)]! : (r() - 0.2) * 2 ** 42;
          return i % 13 === 0 ? undefined : at(`c${Math.floor(r() * 5000)}-${i}`, time, { pinned: r() < 0.1, awaitingSince: time });
        });
        expect([...buildSorted(list, order).positions]).to.deep.equal(positionsOf(list, order));
        const afterEpoch = list.map((c) => (c && (c.lastMessage?.at ?? 0) < 0 ? undefined : c));
        expect([...buildSorted(afterEpoch, order).positions]).to.deep.equal(positionsOf(afterEpoch, order));
      });

      it(`R16 a patched index equals a rebuilt one through random changes, growth and deletions (${order})`, () => {
        const r = random(order.length);
        let list: (Conversation | undefined)[] = Array.from({ length: 300 }, (_, i) => make(r, `c${i}`));
        let sorted = buildSorted(list, order);
        for (let step = 0; step < 40; step++) {
          const next = list.slice();
          const changed = new Set<number>();
          const count = step % 10 === 9 ? 150 : Math.floor(r() * 6);
          for (let k = 0; k < count; k++) {
            const i = Math.floor(r() * (next.length + 1)); // the end grows the list
            const current = next[i];
            next[i] = r() < 0.15 ? undefined : make(r, current?.id ?? `c${i}`);
            changed.add(i);
          }
          sorted = patchSorted(sorted, next, [...changed].sort((x, y) => x - y), order);
          list = next;
          expect([...sorted.positions], `step ${step}`).to.deep.equal(positionsOf(list, order));
          expect(sorted).to.deep.equal(buildSorted(list, order));
        }
      });
    }
  });
});

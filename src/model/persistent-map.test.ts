import { expect } from '@open-wc/testing';
import { makeConversation, makeState } from './fixtures.js';
import { asPersistent, PersistentMap } from './persistent-map.js';
import { random } from './random-state.js';
import { deepFreeze } from './rules.testing.js';
import { reduceAll, stateFromSnapshot, toSnapshot } from './state.js';

interface Item {
  readonly id: string;
  readonly n: number;
}

/** Every way a Map is read, in order, as plain data. */
function readAll(map: ReadonlyMap<string, Item>, probe: readonly string[]) {
  const forEach: [string, Item][] = [];
  map.forEach((value, key, self) => {
    expect(self).to.equal(map);
    forEach.push([key, value]);
  });
  return {
    size: map.size,
    entries: [...map.entries()],
    keys: [...map.keys()],
    values: [...map.values()],
    iterated: [...map],
    forEach,
    got: probe.map((key) => map.get(key)),
    has: probe.map((key) => map.has(key)),
  };
}

function expectSame(actual: ReadonlyMap<string, Item>, expected: ReadonlyMap<string, Item>, probe: readonly string[], at: string) {
  const a = readAll(actual, probe);
  const b = readAll(expected, probe);
  for (const field of Object.keys(b) as (keyof typeof b)[]) {
    expect(a[field], `${at}: ${field}`).to.deep.equal(b[field]);
  }
}

describe('PersistentMap', () => {
  it('reads like the Map it was made from, insertion order included', () => {
    const items = Array.from({ length: 1500 }, (_, n) => ({ id: `k${(n * 37) % 1500}`, n }));
    const map = new Map(items.map((item) => [item.id, item]));
    const probe = [...map.keys(), 'missing'];
    expectSame(PersistentMap.from(map), map, probe, 'from(map)');
    expectSame(PersistentMap.fromValues(items, (item) => item.id), map, probe, 'fromValues');
    expectSame(PersistentMap.empty(), new Map(), ['x'], 'empty');
  });

  it('keeps the first position and the last value of a key given twice, as a Map does', () => {
    const entries: [string, Item][] = [['a', { id: 'a', n: 1 }], ['b', { id: 'b', n: 2 }], ['a', { id: 'a', n: 3 }]];
    expectSame(PersistentMap.from(entries), new Map(entries), ['a', 'b'], 'duplicates');
    expectSame(PersistentMap.fromValues(entries.map(([, v]) => v), (v) => v.id), new Map(entries), ['a', 'b'], 'duplicates by value');
  });

  // Many versions, each made from a random earlier one (so versions branch),
  // with sets, deletes and re-adds in numbers that cross the compaction and
  // re-indexing thresholds. Every version must read like its Map, to the
  // end: an edit never shows through in a version made before it.
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`equals a Map under random sets, deletes and re-adds, every version unchanged (seed ${seed})`, () => {
      const r = random(seed);
      const keySpace = seed % 2 ? 400 : 3000;
      const versions: { persistent: PersistentMap<string, Item>; plain: Map<string, Item> }[] = [
        { persistent: PersistentMap.empty(), plain: new Map() },
      ];
      let n = 0;
      for (let step = 0; step < 60; step++) {
        const from = versions[Math.floor(r() * versions.length)]!;
        const draft = from.persistent.edit();
        const plain = new Map(from.plain);
        const ops = r() < 0.2 ? Math.floor(r() * 2000) : Math.floor(r() * 20);
        const deleting = r() < 0.3 ? 0.7 : 0.2;
        for (let i = 0; i < ops; i++) {
          const key = `k${Math.floor(r() * keySpace)}`;
          if (r() < deleting) {
            expect(draft.delete(key)).to.equal(plain.delete(key));
          } else {
            const item = { id: key, n: n++ };
            draft.set(key, item);
            plain.set(key, item);
          }
          if (i % 97 === 0) {
            // A draft reads its own writes.
            expect(draft.get(key)).to.equal(plain.get(key));
            expect(draft.has(key)).to.equal(plain.has(key));
            expect(draft.size).to.equal(plain.size);
          }
        }
        const persistent = draft.done();
        expect([...draft.entries()]).to.deep.equal([...plain.entries()]);
        versions.push({ persistent, plain });
      }
      const probe = Array.from({ length: keySpace + 5 }, (_, i) => `k${i}`);
      versions.forEach(({ persistent, plain }, i) => expectSame(persistent, plain, probe, `version ${i}`));
    });
  }

  it('a draft goes on after done() without changing what it handed out', () => {
    const base = PersistentMap.fromValues([{ id: 'a', n: 1 }, { id: 'b', n: 2 }], (v) => v.id);
    const draft = base.edit();
    draft.set('a', { id: 'a', n: 10 });
    const first = draft.done();
    draft.set('a', { id: 'a', n: 20 });
    draft.delete('b');
    draft.set('c', { id: 'c', n: 30 });
    const second = draft.done();
    expect([...base.values()].map((v) => v.n)).to.deep.equal([1, 2]);
    expect([...first.values()].map((v) => v.n)).to.deep.equal([10, 2]);
    expect([...second.values()].map((v) => v.n)).to.deep.equal([20, 30]);
  });

  it('moves a deleted then re-added key to the end, as a Map does', () => {
    const draft = PersistentMap.fromValues(['a', 'b', 'c'].map((id, n) => ({ id, n })), (v) => v.id).edit();
    draft.delete('a');
    draft.set('a', { id: 'a', n: 9 });
    expect([...draft.done().keys()]).to.deep.equal(['b', 'c', 'a']);
  });

  it('edits a deep-frozen map without writing to it', () => {
    const items = Array.from({ length: 2000 }, (_, n) => ({ id: `k${n}`, n }));
    const map = PersistentMap.fromValues(items, (v) => v.id);
    const state = deepFreeze({ ...makeState(), conversations: map as never });
    expect(Object.isFrozen(map.layout.values[0])).to.equal(true);
    const draft = map.edit();
    for (let i = 0; i < 2000; i += 3) draft.set(`k${i}`, { id: `k${i}`, n: -i });
    for (let i = 1; i < 2000; i += 7) draft.delete(`k${i}`);
    for (let i = 0; i < 700; i++) draft.set(`new${i}`, { id: `new${i}`, n: i });
    draft.done();
    expect([...map.values()]).to.deep.equal(items);
    expect(state.conversations.size).to.equal(2000);
  });

  it('deep-equals a Map with the same entries (chai reads it as a Map)', () => {
    const entries: [string, Item][] = [['a', { id: 'a', n: 1 }], ['b', { id: 'b', n: 2 }]];
    expect(PersistentMap.from(entries)).to.deep.equal(new Map(entries));
    expect(new Map(entries)).to.deep.equal(PersistentMap.from(entries));
    expect(PersistentMap.from(entries)).to.not.deep.equal(new Map(entries.slice(1)));
    expect(Object.prototype.toString.call(PersistentMap.empty())).to.equal('[object Map]');
  });

  for (const seed of [11, 12, 13]) {
    it(`changedPositions names exactly the positions whose entry changed (seed ${seed})`, () => {
      const r = random(seed);
      let map = PersistentMap.fromValues(Array.from({ length: 3000 }, (_, n) => ({ id: `k${n}`, n })), (v) => v.id);
      for (let step = 0; step < 30; step++) {
        const draft = map.edit();
        const ops = Math.floor(r() * (step % 5 === 0 ? 400 : 8));
        for (let i = 0; i < ops; i++) {
          const key = `k${Math.floor(r() * 3500)}`;
          if (r() < 0.2) draft.delete(key);
          else draft.set(key, { id: key, n: -step });
        }
        const next = draft.done();
        const changed = next.changedPositions(map, Infinity)!;
        const set = new Set(changed);
        expect(changed).to.deep.equal([...changed].sort((a, b) => a - b));
        for (let at = 0; at < Math.max(map.slotCount, next.slotCount) + 2; at++) {
          const same = map.valueAt(at) === next.valueAt(at);
          expect(set.has(at), `position ${at} at step ${step}`).to.equal(!same);
        }
        if (changed.length > 1) expect(next.changedPositions(map, changed.length - 1)).to.equal(null);
        // Slots carry a cache by position from one version to the next.
        const patched = map.slotValues().slice(0, next.slotCount);
        while (patched.length < next.slotCount) patched.push(undefined);
        for (const at of changed) patched[at] = next.valueAt(at);
        expect(patched).to.deep.equal(next.slotValues());
        map = next;
      }
    });
  }

  it('changedPositions is empty between a map and itself, and null against a plain Map', () => {
    const map = PersistentMap.fromValues([{ id: 'a', n: 1 }], (v) => v.id);
    expect(map.changedPositions(map, 10)).to.deep.equal([]);
    expect(map.changedPositions(new Map(), 10)).to.equal(null);
  });

  it('asPersistent returns a PersistentMap as it is and converts a Map once', () => {
    const plain = new Map([['a', { id: 'a', n: 1 }]]);
    const converted = asPersistent(plain);
    expect(asPersistent(plain)).to.equal(converted);
    expect(asPersistent(converted)).to.equal(converted);
    expectSame(converted, plain, ['a', 'b'], 'converted');
  });
});

describe('state collections', () => {
  it('reduceAll folds into PersistentMaps and leaves a frozen input as it was', () => {
    const conversations = Array.from({ length: 1200 }, (_, n) => makeConversation({ id: `c-${n}` }));
    const start = stateFromSnapshot(toSnapshot(makeState({ conversations })));
    expect(start.conversations).to.be.instanceOf(PersistentMap);
    const before = deepFreeze(start);
    const after = reduceAll(before, [
      { type: 'conversation.upserted', conversation: { ...conversations[700]!, unread: false } },
      { type: 'conversation.deleted', id: 'c-3' },
      { type: 'conversation.upserted', conversation: makeConversation({ id: 'c-new' }) },
    ]);
    expect(before.conversations.size).to.equal(1200);
    expect(before.conversations.get('c-700')).to.equal(conversations[700]);
    expect(before.conversations.has('c-3')).to.equal(true);
    expect(after.conversations.size).to.equal(1200);
    expect(after.conversations.get('c-700')!.unread).to.equal(false);
    expect([...after.conversations.keys()].slice(-2)).to.deep.equal(['c-1199', 'c-new']);
    expect(after.conversations).to.be.instanceOf(PersistentMap);
  });
});

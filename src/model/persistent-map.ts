/**
 * The state's collections as immutable maps whose update copies one chunk
 * of 512 values and the list of chunks, not the whole map: at 100,000
 * conversations a Map copy costs 7 to 14 ms, a chunk copy microseconds.
 *
 * It reads like a Map, as `ReadonlyMap`, insertion order included (a
 * deleted then re-added key goes to the end), so nothing that reads the
 * state changes. Entries keep their position from version to version, so
 * `changedPositions` finds what changed between two versions by comparing
 * chunks by identity, which is what lets position-based caches (rows.ts)
 * and the store's list patching follow a change without a full scan.
 */

const SHIFT = 9;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

/** Where a deleted entry was; its key stays, so positions never move until a compaction. */
const HOLE: unique symbol = Symbol('hole');
type Slot<V> = V | typeof HOLE;

interface Layout<K, V> {
  /** Keys by position, in insertion order, CHUNK per chunk (the last one may be shorter). */
  readonly keys: readonly (readonly K[])[];
  /** Values by position, HOLE where an entry was deleted; chunked like `keys`. */
  readonly values: readonly (readonly Slot<V>[])[];
  /** Key to position as of the last rebuild, shared by the versions since (never written). */
  readonly index: ReadonlyMap<K, number>;
  /** Positions of keys appended since that rebuild: small, copied on write. */
  readonly added: ReadonlyMap<K, number>;
  /** Positions in use, holes included. */
  readonly length: number;
}

const EMPTY_LAYOUT: Layout<unknown, never> = { keys: [], values: [], index: new Map(), added: new Map(), length: 0 };

/** More appended keys than this and the index is rebuilt, so that `added` stays cheap to copy. */
const addedLimit = (size: number) => 1024 + (size >> 5);
/** More holes than this and the positions are compacted. */
const holeLimit = (length: number) => CHUNK + (length >> 2);

export class PersistentMap<K, V> implements ReadonlyMap<K, V> {
  readonly size: number;
  /** The storage, shared with other versions and never written: read by MapDraft only. */
  readonly layout: Layout<K, V>;

  private constructor(layout: Layout<K, V>, size: number) {
    this.layout = layout;
    this.size = size;
  }

  static empty<K, V>(): PersistentMap<K, V> {
    return new PersistentMap<K, V>(EMPTY_LAYOUT as Layout<K, V>, 0);
  }

  /** A map of `entries` (later duplicates replace earlier ones in place, as in a Map); a PersistentMap as it is. */
  static from<K, V>(entries: Iterable<readonly [K, V]> | ReadonlyMap<K, V>): PersistentMap<K, V> {
    if (entries instanceof PersistentMap) return entries as PersistentMap<K, V>;
    const keys: K[] = [];
    const values: V[] = [];
    const index = new Map<K, number>();
    for (const [key, value] of entries) {
      const at = index.get(key);
      if (at !== undefined) {
        values[at] = value;
        continue;
      }
      index.set(key, keys.length);
      keys.push(key);
      values.push(value);
    }
    return PersistentMap.#build(keys, values, index);
  }

  /** A map of `items` by `keyOf(item)`, in their order: a snapshot's entities by id. */
  static fromValues<K, V>(items: readonly V[], keyOf: (item: V) => K): PersistentMap<K, V> {
    const keys: K[] = [];
    const values: V[] = [];
    const index = new Map<K, number>();
    for (const item of items) {
      const key = keyOf(item);
      const at = index.get(key);
      if (at !== undefined) {
        values[at] = item;
        continue;
      }
      index.set(key, keys.length);
      keys.push(key);
      values.push(item);
    }
    return PersistentMap.#build(keys, values, index);
  }

  static #build<K, V>(keys: readonly K[], values: readonly V[], index: ReadonlyMap<K, number>): PersistentMap<K, V> {
    const keyChunks: K[][] = [];
    const valueChunks: V[][] = [];
    for (let at = 0; at < keys.length; at += CHUNK) {
      keyChunks.push(keys.slice(at, at + CHUNK));
      valueChunks.push(values.slice(at, at + CHUNK));
    }
    const layout: Layout<K, V> = { keys: keyChunks, values: valueChunks, index, added: new Map(), length: keys.length };
    return new PersistentMap(layout, keys.length);
  }

  /** Made by MapDraft.done(): compacts or re-indexes when the layout has grown untidy. */
  static fromLayout<K, V>(layout: Layout<K, V>, size: number): PersistentMap<K, V> {
    if (layout.length - size > holeLimit(layout.length)) {
      const keys: K[] = [];
      const values: V[] = [];
      const index = new Map<K, number>();
      forEachSlot(layout, (key, value) => {
        index.set(key, keys.length);
        keys.push(key);
        values.push(value);
      });
      return PersistentMap.#build(keys, values, index);
    }
    if (layout.added.size > addedLimit(size)) {
      const index = new Map<K, number>();
      let at = 0;
      forEachSlot(
        layout,
        (key) => index.set(key, at++),
        () => at++,
      );
      return new PersistentMap({ ...layout, index, added: new Map<K, number>() }, size);
    }
    return new PersistentMap(layout, size);
  }

  /** A draft to change a copy of this map; this map never changes. */
  edit(): MapDraft<K, V> {
    return new MapDraft(this);
  }

  get(key: K): V | undefined {
    const layout = this.layout;
    const at = (layout.added.size > 0 ? layout.added.get(key) : undefined) ?? layout.index.get(key);
    if (at === undefined) return undefined;
    const value = layout.values[at >> SHIFT]![at & MASK] as Slot<V>;
    return value === HOLE ? undefined : value;
  }

  has(key: K): boolean {
    const layout = this.layout;
    const at = (layout.added.size > 0 ? layout.added.get(key) : undefined) ?? layout.index.get(key);
    return at !== undefined && layout.values[at >> SHIFT]![at & MASK] !== HOLE;
  }

  // ---- by position: the same position is the same entry in every version, until a compaction ----

  /** Positions in use, holes included: the bound for `valueAt`. */
  get slotCount(): number {
    return this.layout.length;
  }

  /** The value at a position; undefined for a deleted entry or beyond the end. */
  valueAt(at: number): V | undefined {
    if (at < 0 || at >= this.layout.length) return undefined;
    const value = slotAt(this.layout, at);
    return value === HOLE ? undefined : value;
  }

  /** Every position's value in one array (undefined for deleted entries), for caches by position. */
  slotValues(): (V | undefined)[] {
    const out: (V | undefined)[] = [];
    for (const chunk of this.layout.values) {
      for (let i = 0; i < chunk.length; i++) {
        const value = chunk[i] as Slot<V>;
        out.push(value === HOLE ? undefined : value);
      }
    }
    return out;
  }

  /**
   * The positions whose entry (key or value) differs between `older` and
   * this map, ascending; null when there are more than `limit`. Versions
   * of one lineage share their unchanged chunks, so this costs a
   * comparison per chunk plus one per entry of the chunks that changed.
   * Unrelated maps give a correct answer too, only slower.
   */
  changedPositions(older: ReadonlyMap<K, V>, limit: number): number[] | null {
    if (!(older instanceof PersistentMap)) return null;
    const a = (older as PersistentMap<K, V>).layout;
    const b = this.layout;
    const changed: number[] = [];
    const chunks = Math.max(a.values.length, b.values.length);
    for (let c = 0; c < chunks; c++) {
      const va = a.values[c];
      const vb = b.values[c];
      const ka = a.keys[c];
      const kb = b.keys[c];
      if (va === vb && ka === kb) continue;
      const end = Math.max(va?.length ?? 0, vb?.length ?? 0);
      for (let i = 0; i < end; i++) {
        const x = va === undefined || i >= va.length ? HOLE : va[i];
        const y = vb === undefined || i >= vb.length ? HOLE : vb[i];
        if (x === y && (x === HOLE || ka?.[i] === kb?.[i])) continue;
        changed.push((c << SHIFT) + i);
        if (changed.length > limit) return null;
      }
    }
    return changed;
  }

  // ---- iteration, in insertion order ----
  // Through arrays and their native iterators: a generator over the chunks
  // is several times slower to spread or loop over than flattening first.

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    forEachSlot(this.layout, (key, value) => callback.call(thisArg, value, key, this));
  }

  /** The values in order, one array per map, made on first use (the map never changes). */
  valueList(): readonly V[] {
    let list = valueLists.get(this) as V[] | undefined;
    if (!list) {
      list = [];
      forEachSlot(this.layout, (_, value) => list!.push(value));
      valueLists.set(this, list);
    }
    return list;
  }

  entries(): MapIterator<[K, V]> {
    const list: [K, V][] = [];
    forEachSlot(this.layout, (key, value) => list.push([key, value]));
    return list.values();
  }

  keys(): MapIterator<K> {
    const list: K[] = [];
    forEachSlot(this.layout, (key) => list.push(key));
    return list.values();
  }

  values(): MapIterator<V> {
    return this.valueList().values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  /** Reads as a Map to tools that ask (chai's deep equality, devtools, loupe). */
  get [Symbol.toStringTag](): string {
    return 'Map';
  }
}

const valueLists = new WeakMap<PersistentMap<unknown, unknown>, readonly unknown[]>();

function slotAt<V>(layout: Layout<unknown, V>, at: number): Slot<V> {
  return layout.values[at >> SHIFT]![at & MASK] as Slot<V>;
}

function forEachSlot<K, V>(layout: Layout<K, V>, live: (key: K, value: V) => void, hole?: () => void): void {
  const { keys, values } = layout;
  for (let c = 0; c < values.length; c++) {
    const kc = keys[c]!;
    const vc = values[c]!;
    for (let i = 0; i < vc.length; i++) {
      const value = vc[i] as Slot<V>;
      if (value !== HOLE) live(kc[i] as K, value);
      else hole?.();
    }
  }
}

/**
 * A mutable working copy of a PersistentMap, for folding many changes at
 * once (reduceAll): each chunk is copied the first time it is written and
 * then written in place, so a burst of 10,000 events copies each chunk at
 * most once. `done()` hands out an immutable map; the draft can go on from
 * there, copying again.
 */
export class MapDraft<K, V> implements ReadonlyMap<K, V> {
  #from: Layout<K, V>;
  #keys: (readonly K[])[] | null = null;
  #values: (readonly Slot<V>[])[] | null = null;
  #added: Map<K, number> | null = null;
  /** Chunks this draft copied, which it may write in place. */
  #ownKeys = new Set<number>();
  #ownValues = new Set<number>();
  #length: number;
  #size: number;

  constructor(map: PersistentMap<K, V>) {
    this.#from = map.layout;
    this.#length = map.layout.length;
    this.#size = map.size;
  }

  get size(): number {
    return this.#size;
  }

  #position(key: K): number | undefined {
    const added = this.#added ?? this.#from.added;
    if (added.size > 0) {
      const at = added.get(key);
      if (at !== undefined) return at;
    }
    return this.#from.index.get(key);
  }

  #slot(at: number): Slot<V> {
    return (this.#values ?? this.#from.values)[at >> SHIFT]![at & MASK] as Slot<V>;
  }

  get(key: K): V | undefined {
    const at = this.#position(key);
    if (at === undefined) return undefined;
    const value = this.#slot(at);
    return value === HOLE ? undefined : value;
  }

  has(key: K): boolean {
    const at = this.#position(key);
    return at !== undefined && this.#slot(at) !== HOLE;
  }

  set(key: K, value: V): this {
    const at = this.#position(key);
    if (at !== undefined && this.#slot(at) !== HOLE) this.#write(at, value);
    else this.#append(key, value);
    return this;
  }

  delete(key: K): boolean {
    const at = this.#position(key);
    if (at === undefined || this.#slot(at) === HOLE) return false;
    this.#write(at, HOLE);
    this.#size--;
    return true;
  }

  #write(at: number, value: Slot<V>): void {
    const values = (this.#values ??= [...this.#from.values]);
    const c = at >> SHIFT;
    if (!this.#ownValues.has(c)) {
      values[c] = values[c]!.slice();
      this.#ownValues.add(c);
    }
    (values[c] as Slot<V>[])[at & MASK] = value;
  }

  #append(key: K, value: V): void {
    const at = this.#length++;
    const c = at >> SHIFT;
    const keys = (this.#keys ??= [...this.#from.keys]);
    const values = (this.#values ??= [...this.#from.values]);
    if (c === keys.length) {
      keys.push([]);
      values.push([]);
      this.#ownKeys.add(c);
      this.#ownValues.add(c);
    }
    if (!this.#ownKeys.has(c)) {
      keys[c] = keys[c]!.slice();
      this.#ownKeys.add(c);
    }
    if (!this.#ownValues.has(c)) {
      values[c] = values[c]!.slice();
      this.#ownValues.add(c);
    }
    (keys[c] as K[]).push(key);
    (values[c] as Slot<V>[]).push(value);
    (this.#added ??= new Map(this.#from.added)).set(key, at);
    this.#size++;
  }

  /** The map as it stands now, immutable. */
  done(): PersistentMap<K, V> {
    const layout: Layout<K, V> = {
      keys: this.#keys ?? this.#from.keys,
      values: this.#values ?? this.#from.values,
      index: this.#from.index,
      added: this.#added ?? this.#from.added,
      length: this.#length,
    };
    const map = PersistentMap.fromLayout(layout, this.#size);
    // What was handed out is shared from now on: copy again before writing.
    this.#from = map.layout;
    this.#length = map.layout.length;
    this.#keys = null;
    this.#values = null;
    this.#added = null;
    this.#ownKeys = new Set();
    this.#ownValues = new Set();
    return map;
  }

  // ---- iteration (reduceAll reads a draft through the state while it folds) ----

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  *entries(): MapIterator<[K, V]> {
    const keys = this.#keys ?? this.#from.keys;
    const values = this.#values ?? this.#from.values;
    for (let c = 0; c < values.length; c++) {
      const kc = keys[c]!;
      const vc = values[c]!;
      for (let i = 0; i < vc.length; i++) {
        const value = vc[i] as Slot<V>;
        if (value !== HOLE) yield [kc[i] as K, value];
      }
    }
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

/** `map` as a PersistentMap: itself, or a copy made once per plain map (test fixtures build Maps). */
const converted = new WeakMap<ReadonlyMap<unknown, unknown>, PersistentMap<unknown, unknown>>();
export function asPersistent<K, V>(map: ReadonlyMap<K, V>): PersistentMap<K, V> {
  if (map instanceof PersistentMap) return map as PersistentMap<K, V>;
  let copy = converted.get(map);
  if (!copy) {
    copy = PersistentMap.from(map);
    converted.set(map, copy);
  }
  return copy as PersistentMap<K, V>;
}

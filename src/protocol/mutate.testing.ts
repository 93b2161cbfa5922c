/**
 * Malformed messages for the protocol's tests: `mutate` replaces, deletes or
 * adds one value somewhere inside a copy of a valid one. Test helper, not
 * part of the library.
 */

/** mulberry32: a tiny seeded generator, so a failure can be replayed. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const JUNK: readonly unknown[] = [null, undefined, 42, -1, 1.5, NaN, Infinity, '', 'x', '<img src=x onerror=alert(1)>', true, [], {}, [1, 2], { a: 1 }, 'x'.repeat(200_000)];

/** Replaces, deletes or adds one value somewhere inside a copy of `value`. */
export function mutate(value: unknown, rand: () => number, depth = 0): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  if (value === null || typeof value !== 'object' || depth > 4 || rand() < 0.15) return pick(JUNK);
  if (Array.isArray(value)) {
    const copy: unknown[] = [...(value as unknown[])];
    if (copy.length === 0) return pick(JUNK);
    const at = Math.floor(rand() * copy.length);
    copy[at] = mutate(copy[at], rand, depth + 1);
    return copy;
  }
  const entries: [string, unknown][] = Object.entries(value);
  if (entries.length === 0) return pick(JUNK);
  const at = Math.floor(rand() * entries.length);
  // Drop the key one time in five, else replace its value.
  if (rand() < 0.2) return Object.fromEntries(entries.filter((_, i) => i !== at));
  const [key, inner] = entries[at]!;
  return { ...value, [key]: mutate(inner, rand, depth + 1) };
}

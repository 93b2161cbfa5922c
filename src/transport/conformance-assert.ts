/**
 * The few assertions the transport conformance suite (conformance.ts) needs,
 * with no test library behind them, so that a host runs the suite under
 * `node:test`, vitest or mocha alike. Each throws an `AssertionError` (an
 * Error whose message says what was expected, what came, and what was being
 * checked) and returns nothing.
 */

export class AssertionError extends Error {
  override name = 'AssertionError';
}

/** A value as a message shows it: JSON where it can be, cut to a readable length. */
export function show(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (typeof value === 'function') text = `[function ${value.name}]`;
  else if (typeof value === 'bigint') text = `${value}n`;
  else if (typeof value === 'symbol') text = value.toString();
  else if (value instanceof Error) text = `${value.name}: ${value.message}`;
  else {
    try {
      text = JSON.stringify(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function fail(message: string | undefined, what: string): never {
  throw new AssertionError(message ? `${message}: ${what}` : what);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Structural equality of JSON-like values: primitives by `Object.is`, arrays by position, objects by own keys. */
export function deepEquals(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEquals(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && deepEquals(a[key], b[key]));
  }
  return false;
}

export function equal(actual: unknown, expected: unknown, message?: string): void {
  if (!Object.is(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}

export function notEqual(actual: unknown, unexpected: unknown, message?: string): void {
  if (Object.is(actual, unexpected)) fail(message, `expected anything but ${show(unexpected)}`);
}

export function deepEqual(actual: unknown, expected: unknown, message?: string): void {
  if (!deepEquals(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}

/** `actual` holds every property of `subset` with an equal value (deeply). */
export function hasProperties(actual: unknown, subset: Record<string, unknown>, message?: string): void {
  if (!isPlainObject(actual)) fail(message, `expected an object with ${show(subset)}, got ${show(actual)}`);
  for (const [key, value] of Object.entries(subset)) {
    if (!deepEquals(actual[key], value)) fail(message, `expected ${key} to be ${show(value)} in ${show(actual)}`);
  }
}

export function isArray(actual: unknown, message?: string): void {
  if (!Array.isArray(actual)) fail(message, `expected an array, got ${show(actual)}`);
}

export function nonEmptyString(actual: unknown, message?: string): void {
  if (typeof actual !== 'string' || actual === '') fail(message, `expected a non-empty string, got ${show(actual)}`);
}

export function includes(list: readonly unknown[], item: unknown, message?: string): void {
  if (!list.some((x) => deepEquals(x, item))) fail(message, `expected ${show(list)} to include ${show(item)}`);
}

export function notIncludes(list: readonly unknown[], item: unknown, message?: string): void {
  if (list.some((x) => deepEquals(x, item))) fail(message, `expected ${show(list)} not to include ${show(item)}`);
}

export function includesAll(list: readonly unknown[], items: readonly unknown[], message?: string): void {
  const missing = items.filter((item) => !list.some((x) => deepEquals(x, item)));
  if (missing.length > 0) fail(message, `expected ${show(list)} to include ${show(missing)}`);
}

export function lengthOf(list: readonly unknown[], length: number, message?: string): void {
  if (list.length !== length) fail(message, `expected ${length} item(s), got ${list.length}: ${show(list)}`);
}

export function greaterThan(actual: number, bound: number, message?: string): void {
  if (!(actual > bound)) fail(message, `expected more than ${bound}, got ${actual}`);
}

export function atLeast(actual: number, bound: number, message?: string): void {
  if (!(actual >= bound)) fail(message, `expected at least ${bound}, got ${actual}`);
}

export function within(actual: number, low: number, high: number, message?: string): void {
  if (!(actual >= low && actual <= high)) fail(message, `expected ${low} to ${high}, got ${actual}`);
}

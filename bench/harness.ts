/** Small helpers shared by the benchmarks that run in the page. */

export interface Row {
  name: string;
  value: number | string;
  unit: string;
  target?: string;
  ok?: boolean;
}

declare global {
  interface Window {
    __bench?: { rows: Row[]; error?: string };
    __heapUsed?: () => Promise<number>;
  }
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

/** Two rows for timings: the median against a target in ms, then the p95. */
export function medianRows(name: string, samples: readonly number[], targetMs: number): Row[] {
  const m = median(samples);
  return [
    { name: `${name}, median`, value: round(m, 1), unit: 'ms', target: `≤ ${String(targetMs)} ms`, ok: m <= targetMs },
    { name: `${name.split(':')[0]!}: same, p95`, value: round(percentile(samples, 95), 1), unit: 'ms' },
  ];
}

export const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/** The JS heap after a full garbage collection, in bytes (through the runner's DevTools session). */
export async function heapUsed(): Promise<number> {
  if (window.__heapUsed) return window.__heapUsed();
  return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
}

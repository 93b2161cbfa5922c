/**
 * The server's limits (issue 12): a token bucket per user for commands and
 * uploads, and the defaults of every limit. In one process; several server
 * instances (issue 13) would share the buckets through Redis or the
 * database instead (rate-limiter-flexible is the library to reach for then).
 */

export interface Limits {
  /** Commands per user per second, on average (0: no limit). */
  readonly commandsPerSecond: number;
  /** Commands a user may send at once before the rate applies. */
  readonly commandBurst: number;
  /** Open streams per user; one more is refused with 429. */
  readonly streamsPerUser: number;
  /** Bytes a stream may have queued for a client that reads slowly, past its snapshot; past it, the stream is cut (the client resumes by seq). */
  readonly streamBufferBytes: number;
  /** Upload bytes per user over the last 24 hours (0: no limit). */
  readonly uploadBytesPerDay: number;
}

export const DEFAULT_LIMITS: Limits = {
  commandsPerSecond: 50,
  commandBurst: 100,
  streamsPerUser: 20,
  streamBufferBytes: 8 * 1024 * 1024,
  uploadBytesPerDay: 200 * 1024 * 1024,
};

/** A token bucket per key: `rate` tokens a second, at most `burst` saved up. */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly rate: number,
    readonly burst: number,
    readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`: 0 when there was one, else the milliseconds until there is. */
  take(key: string): number {
    if (this.rate <= 0) return 0;
    const now = this.now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.rate);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / this.rate) * 1000);
  }
}

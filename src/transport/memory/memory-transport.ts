import { Observable } from 'rxjs';
import type { Command } from '../../model/commands.js';
import { newId } from '../../model/ids.js';
import type { Attachment, Id } from '../../model/types.js';
import type { ConnectRequest, QueryRequest, ServerMessage, StatsRequest, TimelineRequest, Transport } from '../transport.js';
import { DEFAULT_DEMO_CONVERSATIONS } from '../../backend/demo-defaults.js';
import { MemoryBackend, type ConnectionSink } from '../../backend/memory-backend.js';

/**
 * The embedded default transport (DESIGN.md section 7): a MemoryBackend in
 * the page, reached as if over a wire. Messages arrive asynchronously and
 * in order, after an optional latency; the connection can be dropped or
 * taken offline to exercise resume. Entities are handed over as the
 * backend holds them (immutable, never cloned), which is what keeps
 * 100,000 conversations cheap.
 */

export interface MemoryTransportOptions {
  /** Build a backend with the seeded demo data set. */
  readonly demo?: boolean | undefined;
  /** Demo size, 200 to 100,000 (default 2,000). */
  readonly conversations?: number | undefined;
  readonly seed?: number | undefined;
  /** Simulated live traffic, in commands per second. */
  readonly traffic?: number | undefined;
  /** Share one backend between several transports (several agents on one page). */
  readonly backend?: MemoryBackend | undefined;
  /** Milliseconds each message, answer and page takes to arrive (demos). */
  readonly latency?: number | undefined;
  /** The backend's clock (only when this transport creates the backend). */
  readonly now?: (() => number) | undefined;
  /** Run the clock command (snooze wake-up, trash purge) this often, in ms. */
  readonly tickEvery?: number | undefined;
  /**
   * From how many conversations a user may see the store holds a window
   * and asks for its list a page at a time (issue 13; only when this
   * transport creates the backend). Default: never.
   */
  readonly windowFrom?: number | undefined;
}

export { DEFAULT_DEMO_CONVERSATIONS };

/**
 * Delivers callbacks in order, each no sooner than `latency` ms after it was
 * queued; with no latency, in a microtask, as a wire would (never inside the
 * caller's stack).
 */
class Pipe {
  readonly #queue: { due: number; run: () => void }[] = [];
  #scheduled = false;

  constructor(private readonly latency: () => number) {}

  push(run: () => void): void {
    const delay = this.latency();
    this.#queue.push({ due: delay > 0 ? performance.now() + delay : 0, run });
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled || this.#queue.length === 0) return;
    this.#scheduled = true;
    const head = this.#queue[0];
    if (!head) return;
    const wait = head.due - performance.now();
    if (wait > 0) setTimeout(() => this.#flush(), wait);
    else queueMicrotask(() => this.#flush());
  }

  #flush(): void {
    this.#scheduled = false;
    const now = performance.now();
    for (let head = this.#queue[0]; head && head.due <= now; head = this.#queue[0]) {
      this.#queue.shift();
      head.run();
    }
    this.#schedule();
  }
}

interface Stream {
  close(): void;
  fail(error: Error): void;
}

export class MemoryTransport implements Transport {
  readonly backend: MemoryBackend;
  /** Milliseconds per message; may be changed at any time. */
  latency: number;
  #offline = false;
  readonly #streams = new Set<Stream>();
  /** Answers share one pipe so that an ack never overtakes the events before it. */
  readonly #answers = new Pipe(() => this.latency);
  #tickTimer: ReturnType<typeof setInterval> | null = null;
  readonly #ownsBackend: boolean;

  constructor(options: MemoryTransportOptions = { demo: true }) {
    this.latency = Math.max(0, options.latency ?? 0);
    this.#ownsBackend = !options.backend;
    this.backend =
      options.backend ??
      new MemoryBackend({
        now: options.now,
        windowFrom: options.windowFrom,
        demo: options.demo
          ? { conversations: options.conversations ?? DEFAULT_DEMO_CONVERSATIONS, seed: options.seed }
          : undefined,
      });
    if (options.traffic) this.backend.startTraffic({ ratePerSecond: options.traffic });
    if (options.tickEvery) this.#tickTimer = setInterval(() => this.backend.tick(), options.tickEvery);
  }

  /** While offline, streams fail and commands reject, as with no network. */
  get offline(): boolean {
    return this.#offline;
  }

  set offline(offline: boolean) {
    this.#offline = offline;
    if (offline) this.drop(new Error('offline'));
  }

  /** Drops every open stream (they error), as a lost connection would; reconnecting works at once. */
  drop(error: Error = new Error('connection dropped')): void {
    for (const stream of [...this.#streams]) stream.fail(error);
  }

  connect(request: ConnectRequest): Observable<unknown> {
    return new Observable<unknown>((subscriber) => {
      const pipe = new Pipe(() => this.latency);
      let open = true;
      let closeBackend = (): void => {};
      const stream: Stream = {
        close: () => {
          open = false;
          this.#streams.delete(stream);
          closeBackend();
        },
        fail: (error) => {
          stream.close();
          pipe.push(() => subscriber.error(error));
        },
      };
      if (this.#offline) {
        pipe.push(() => subscriber.error(new Error('offline')));
        return () => { open = false; };
      }
      this.#streams.add(stream);
      const sink: ConnectionSink = {
        next: (message: ServerMessage) => pipe.push(() => open && subscriber.next(message)),
        error: (error) => {
          stream.close();
          pipe.push(() => subscriber.error(error));
        },
        complete: () => {
          stream.close();
          pipe.push(() => subscriber.complete());
        },
      };
      closeBackend = this.backend.connect(request, sink);
      // Accepted (a refused user got an error above): say so, as HttpTransport does on its 200,
      // so that a resumed stream with nothing missed still goes live and resends.
      pipe.push(() => open && request.onOpen?.());
      return () => stream.close();
    });
  }

  send(command: Command, actorId: Id): Promise<unknown> {
    if (this.#offline) return Promise.reject(new Error('offline'));
    // Applied now; the answer travels back behind the events it caused.
    const ack = this.backend.send(command, actorId);
    return new Promise((resolve) => this.#answers.push(() => resolve(ack)));
  }

  timeline(request: TimelineRequest, actorId: Id): Promise<unknown> {
    return this.#ask(() => this.backend.timeline(request, actorId));
  }

  /** A page of a query (issue 13), from the backend in the page. */
  query(request: QueryRequest, actorId: Id): Promise<unknown> {
    return this.#ask(() => this.backend.query(request, actorId));
  }

  teamStats(request: StatsRequest, actorId: Id): Promise<unknown> {
    return this.#ask(() => this.backend.teamStats(request, actorId));
  }

  /** A read answered by the backend now, delivered (or refused) in order behind the stream, as over a wire. */
  #ask(read: () => unknown): Promise<unknown> {
    if (this.#offline) return Promise.reject(new Error('offline'));
    return new Promise((resolve, reject) => {
      let answer: unknown;
      try {
        answer = read();
      } catch (error) {
        this.#answers.push(() => reject(error instanceof Error ? error : new Error(String(error))));
        return;
      }
      this.#answers.push(() => resolve(answer));
    });
  }

  presence(conversationId: Id | null, typing: boolean, actorId: Id): Promise<void> {
    if (this.#offline) return Promise.reject(new Error('offline'));
    try {
      this.backend.presence(actorId, conversationId, typing);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /**
   * Keeps the file in the page (an object URL): the memory backend has no
   * storage, and the attachment lives as long as the page does. The backend
   * learns who uploaded it: only they may attach it to a reply.
   */
  upload(file: File, actorId: Id): Promise<unknown> {
    if (this.#offline) return Promise.reject(new Error('offline'));
    const attachment: Attachment = {
      id: newId('att'),
      name: file.name || 'file',
      mime: file.type || 'application/octet-stream',
      size: file.size,
      url: URL.createObjectURL(file),
    };
    this.backend.registerUpload(attachment, actorId);
    return new Promise((resolve) => this.#answers.push(() => resolve(attachment)));
  }

  /** Stops what this transport started: its clock, and the traffic and backend it created. */
  dispose(): void {
    if (this.#tickTimer) clearInterval(this.#tickTimer);
    this.#tickTimer = null;
    this.drop(new Error('disposed'));
    if (this.#ownsBackend) this.backend.stopTraffic();
  }
}

import { MemoryBackend, type CommandAck, type Command } from 'inbox-elements';
import type { Wire } from './wire.js';

/**
 * The host's "server" for this example: the library's MemoryBackend (the
 * rules, R14 visibility, sequence numbers, the event log for resuming),
 * reached only through JSON on a Wire. A real host puts its own backend here.
 * Everything it sends leaves through one queue, in order: an answer never
 * overtakes the events its command caused.
 */
export class JsonServer implements Wire {
  readonly backend: MemoryBackend;
  readonly #queue: (() => void)[] = [];
  #flushing = false;

  constructor(conversations = 200) {
    this.backend = new MemoryBackend({ demo: { conversations, seed: 7, now: Date.UTC(2026, 10, 2, 9) } });
  }

  /** The outside world: an inbound message or call, applied by the backend as the system. */
  inject(command: Command): CommandAck {
    return this.backend.inject(command);
  }

  request(body: string): Promise<string> {
    const request = JSON.parse(body) as { op: string; [key: string]: unknown };
    return new Promise((resolve) => {
      let answer: unknown;
      try {
        switch (request.op) {
          case 'send':
            answer = { ok: true, ack: this.backend.send(request['command'], String(request['actorId'])) };
            break;
          case 'timeline':
            answer = { ok: true, page: this.backend.timeline(request['request'] as never, String(request['actorId'])) };
            break;
          case 'presence':
            this.backend.presence(String(request['actorId']), (request['conversationId'] as string | null) ?? null, Boolean(request['typing']));
            answer = { ok: true };
            break;
          default:
            answer = { ok: false, error: `unknown op ${request.op}` };
        }
      } catch (error) {
        answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      this.#deliver(() => resolve(JSON.stringify(answer)));
    });
  }

  open(body: string, onLine: (line: string) => void, onEnd: (error: string | null) => void): () => void {
    const request = JSON.parse(body) as { userId: string; since?: number; epoch?: string };
    let open = true;
    const close = this.backend.connect(request, {
      next: (message) => {
        const line = JSON.stringify(message);
        this.#deliver(() => open && onLine(line));
      },
      error: (error) => this.#deliver(() => open && onEnd(error.message)),
      complete: () => this.#deliver(() => open && onEnd(null)),
    });
    this.#deliver(() => open && onLine(JSON.stringify({ kind: 'open' })));
    return () => {
      open = false;
      close();
    };
  }

  #deliver(run: () => void): void {
    this.#queue.push(run);
    if (this.#flushing) return;
    this.#flushing = true;
    setImmediate(() => {
      this.#flushing = false;
      for (let next = this.#queue.shift(); next; next = this.#queue.shift()) next();
    });
  }
}

import type { Id } from '../../model/types.js';

/** What the typing signal needs from a store: `InboxStore.setPresence`. */
export interface PresenceSink {
  setPresence(conversationId: Id | null, typing: boolean): void;
}

/** Presence is best effort: a transport that throws changes nothing for the person typing. */
function tell(sink: PresenceSink, conversationId: Id, typing: boolean): void {
  try {
    sink.setPresence(conversationId, typing);
  } catch {
    // ignored: see above
  }
}

/**
 * Tells the other agents that this user is typing in a conversation (R17)
 * without flooding the transport: the first keystroke says so at once,
 * later ones at most once per `every` ms (a keep-alive), and `idle` ms
 * without a keystroke (or `stop()`: send, blur, switching conversations)
 * says the typing ended.
 */
export class TypingPresence {
  #conversationId: Id | null = null;
  #sink: PresenceSink | null = null;
  #lastSent = -Infinity;
  #idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly every = 2000,
    private readonly idle = 3000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A keystroke in `conversationId`. */
  typed(sink: PresenceSink, conversationId: Id): void {
    if (this.#conversationId !== null && (this.#conversationId !== conversationId || this.#sink !== sink)) this.stop();
    const now = this.now();
    if (this.#conversationId === null || now - this.#lastSent >= this.every) {
      this.#sink = sink;
      this.#conversationId = conversationId;
      this.#lastSent = now;
      tell(sink, conversationId, true);
    }
    if (this.#idleTimer !== null) clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => this.stop(), this.idle);
  }

  /** Typing ended: says so once, if it had been said to have started. */
  stop(): void {
    if (this.#idleTimer !== null) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    const sink = this.#sink;
    const conversationId = this.#conversationId;
    this.#sink = null;
    this.#conversationId = null;
    this.#lastSent = -Infinity;
    if (sink && conversationId !== null) tell(sink, conversationId, false);
  }

  get typing(): boolean {
    return this.#conversationId !== null;
  }
}

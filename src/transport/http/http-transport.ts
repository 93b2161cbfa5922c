import { Observable } from 'rxjs';
import type { Command } from '../../model/commands.js';
import type { Id } from '../../model/types.js';
import type { ConnectRequest, QueryRequest, StatsRequest, TimelineRequest, Transport } from '../transport.js';
import { SseParser } from './sse.js';

/**
 * The Transport over HTTP (docs/protocol.md): commands as JSON POSTs, the
 * live stream as Server-Sent Events read through fetch (EventSource cannot
 * send an Authorization header), timelines as GETs. It carries messages
 * and nothing else: everything it hands over stays `unknown` until the
 * store validates it, and reconnecting, resuming and resending belong to
 * the store, which knows the last sequence number and the unanswered
 * commands.
 */
export interface HttpTransportOptions {
  /** Where the server is, e.g. `https://inbox.example.com` (a path prefix is kept). */
  readonly baseUrl: string;
  /** The bearer token; it decides who the user is (the server ignores any other claim). */
  readonly token: string;
  /** A fetch to use instead of the global one (tests, instrumentation). */
  readonly fetch?: typeof fetch | undefined;
  /**
   * Resume dropped streams inside the transport, with this back-off, instead
   * of erroring the Observable. For subscribers other than InboxStore (the
   * store reconnects and resumes on its own and wants to hear of each drop,
   * to resend what went unanswered). A 401 or 403 still errors.
   */
  readonly reconnect?: { readonly initialDelay: number; readonly maxDelay: number } | undefined;
  /**
   * Milliseconds without a byte (the server sends `: ping` comments) after
   * which a stream counts as dropped; 0 turns it off. Default 45,000.
   */
  readonly idleTimeout?: number | undefined;
}

/** A failed HTTP exchange. `retryable` when the same request may succeed later. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly retryable: boolean,
    /** How long the server asked to wait before trying again (Retry-After of a 429 or 503), ms. */
    readonly retryAfterMs?: number,
  ) {
    super(status === 0 ? reason : `HTTP ${status}: ${reason}`);
    this.name = 'HttpError';
  }
}

const RETRYABLE = new Set([408, 425, 429, 502, 503, 504]);

/** A Retry-After header (seconds, or an HTTP date) in ms from now; undefined without one. */
function retryAfterOf(response: Response): number | undefined {
  const value = response.headers.get('Retry-After');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
const isRetryable = (status: number): boolean => status >= 500 || RETRYABLE.has(status);

/** The refusal code a non-ack 4xx answer stands for, so that the store rolls the command back. */
function refusalCode(status: number): string {
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  return 'invalid';
}

function reasonOf(body: unknown, status: number): string {
  if (typeof body === 'object' && body !== null) {
    const { reason, error } = body as { reason?: unknown; error?: unknown };
    if (typeof reason === 'string' && reason) return reason;
    if (typeof error === 'string' && error) return error;
  }
  if (typeof body === 'string' && body.trim()) return body.trim().slice(0, 300);
  return `HTTP ${status}`;
}

function looksLikeAck(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { commandId, ok } = body as { commandId?: unknown; ok?: unknown };
  return typeof commandId === 'string' && typeof ok === 'boolean';
}

/** The body as JSON, or as text when it is not JSON (the store then reports it as malformed). */
async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const isAbort = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';
const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

export class HttpTransport implements Transport {
  readonly #base: string;
  readonly #token: string;
  readonly #fetch: typeof fetch;
  readonly #reconnect: HttpTransportOptions['reconnect'];
  readonly #idleTimeout: number;
  /** Sends under way, by command id: a second send of the same id shares the first. */
  readonly #inFlight = new Map<Id, Promise<unknown>>();

  constructor(options: HttpTransportOptions) {
    this.#base = options.baseUrl.replace(/\/+$/, '');
    this.#token = options.token;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#reconnect = options.reconnect;
    this.#idleTimeout = options.idleTimeout ?? 45_000;
  }

  #headers(json = false): Record<string, string> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.#token}` };
    if (json) headers['Content-Type'] = 'application/json';
    return headers;
  }

  #url(path: string, params: Record<string, string | number | undefined> = {}): string {
    const query = Object.entries(params)
      .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
      .join('&');
    return `${this.#base}${path}${query ? `?${query}` : ''}`;
  }

  /**
   * The live stream: each SSE `data:` parsed as JSON (or left as text when it
   * is not, for the store to report) and emitted as `unknown`. The stream
   * ending or failing errors the Observable; unsubscribing aborts the request.
   */
  connect(request: ConnectRequest): Observable<unknown> {
    return new Observable<unknown>((subscriber) => {
      const abort = new AbortController();
      let since = request.since;
      let epoch = request.epoch;
      let delay = this.#reconnect?.initialDelay ?? 0;
      let retry: ReturnType<typeof setTimeout> | undefined;

      const run = async (): Promise<void> => {
        const progress = { received: false };
        try {
          await this.#stream(since, epoch, abort.signal, (data, id) => {
            progress.received = true;
            if (id !== undefined && /^\d+$/.test(id)) since = Number(id);
            // A snapshot names the history the ids count in: a resume names it back.
            const snapshot = data as { kind?: unknown; epoch?: unknown } | null;
            if (snapshot?.kind === 'snapshot') epoch = typeof snapshot.epoch === 'string' ? snapshot.epoch : undefined;
            subscriber.next(this.#fromServer(data));
          }, request.onOpen);
          throw new HttpError(0, 'the stream ended', true);
        } catch (error) {
          if (abort.signal.aborted) return;
          const fatal = error instanceof HttpError && !error.retryable && error.status !== 0;
          if (!this.#reconnect || fatal) {
            subscriber.error(asError(error));
            return;
          }
          if (progress.received) delay = this.#reconnect.initialDelay;
          retry = setTimeout(() => {
            retry = undefined;
            void run();
          }, delay);
          delay = Math.min(this.#reconnect.maxDelay, Math.max(1, delay * 2));
        }
      };
      void run();
      return () => {
        clearTimeout(retry);
        abort.abort();
      };
    });
  }

  /** One stream request, read to its end; resolves when the server closes it. */
  async #stream(
    since: number | undefined,
    epoch: string | undefined,
    signal: AbortSignal,
    emit: (data: unknown, id: string | undefined) => void,
    onOpen?: () => void,
  ): Promise<void> {
    const idle = new AbortController();
    const onAbort = () => idle.abort();
    signal.addEventListener('abort', onAbort);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const touch = () => {
      if (this.#idleTimeout <= 0) return;
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(), this.#idleTimeout);
    };
    try {
      touch();
      const response = await this.#fetch(this.#url('/api/stream', since === undefined ? {} : { since, epoch }), {
        headers: { ...this.#headers(), Accept: 'text/event-stream' },
        cache: 'no-store',
        signal: idle.signal,
      }).catch((error: unknown) => {
        throw isAbort(error) && !signal.aborted
          ? new HttpError(0, 'the stream went silent', true)
          : new HttpError(0, `cannot reach ${this.#base}: ${asError(error).message}`, true);
      });
      if (!response.ok || !response.body) {
        const body = await bodyOf(response).catch(() => '');
        throw new HttpError(response.status, reasonOf(body, response.status), isRetryable(response.status));
      }
      if (!signal.aborted) onOpen?.();
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parser = new SseParser();
      for (;;) {
        const { done, value } = await reader.read().catch((error: unknown) => {
          throw isAbort(error) && !signal.aborted
            ? new HttpError(0, 'the stream went silent', true)
            : new HttpError(0, `the stream failed: ${asError(error).message}`, true);
        });
        if (done) return;
        touch();
        for (const event of parser.push(decoder.decode(value, { stream: true }))) {
          if (signal.aborted) return;
          let data: unknown;
          try {
            data = JSON.parse(event.data) as unknown;
          } catch {
            data = event.data;
          }
          emit(data, event.id);
        }
      }
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Resolves with the server's CommandAck: for 2xx, and for a 4xx whose body
   * is an ack (the verdict). Another 4xx (401, 413, ...) resolves with a
   * refusal made from its status and reason, so that the store rolls the
   * command back instead of retrying what cannot succeed. Rejects when the
   * server cannot be reached, answers 5xx, 408, 425 or 429: the store keeps
   * the command and resends it later, which the id makes safe.
   */
  send(command: Command, _actorId: Id): Promise<unknown> {
    const id = (command as { id?: unknown }).id;
    if (typeof id === 'string') {
      const running = this.#inFlight.get(id);
      if (running) return running;
    }
    const sending = this.#send(command);
    if (typeof id === 'string') {
      this.#inFlight.set(id, sending);
      const forget = () => this.#inFlight.delete(id);
      sending.then(forget, forget);
    }
    return sending;
  }

  async #send(command: Command): Promise<unknown> {
    let response: Response;
    try {
      response = await this.#fetch(this.#url('/api/commands'), {
        method: 'POST',
        headers: this.#headers(true),
        body: JSON.stringify(this.#toServer(command)),
        cache: 'no-store',
      });
    } catch (error) {
      throw new HttpError(0, `cannot reach ${this.#base}: ${asError(error).message}`, true);
    }
    const body = await bodyOf(response).catch((error: unknown) => {
      throw new HttpError(0, `the answer was cut off: ${asError(error).message}`, true);
    });
    if (response.ok) return body;
    if (isRetryable(response.status)) throw new HttpError(response.status, reasonOf(body, response.status), true, retryAfterOf(response));
    if (looksLikeAck(body)) return body;
    const commandId = (command as { id?: unknown }).id;
    if (typeof commandId !== 'string') throw new HttpError(response.status, reasonOf(body, response.status), false);
    return { commandId, ok: false, refusal: { code: refusalCode(response.status), reason: reasonOf(body, response.status) } };
  }

  /** A page of a timeline; rejects with an HttpError for any non-2xx answer (404 when not visible). */
  async timeline(request: TimelineRequest, _actorId: Id): Promise<unknown> {
    const path = `/api/conversations/${encodeURIComponent(request.conversationId)}/timeline`;
    const page = (await this.#ask(this.#url(path, { before: request.before, limit: request.limit }))) as { items?: unknown } | null;
    if (!page || typeof page !== 'object' || !Array.isArray(page.items)) return page;
    return { ...page, items: page.items.map((item) => this.#itemFromServer(item)) };
  }

  /** A page of a query (issue 13): `POST /api/query`; rejects with an HttpError for any non-2xx answer (400 for a bad cursor). */
  query(request: QueryRequest, _actorId: Id): Promise<unknown> {
    return this.#ask(this.#url('/api/query'), request);
  }

  /** Team stats (R28): `GET /api/stats?from&to&tz[&teamId]`; rejects with an HttpError for any non-2xx answer. */
  teamStats(request: StatsRequest, _actorId: Id): Promise<unknown> {
    const { from, to, timeZone: tz, teamId } = request;
    return this.#ask(this.#url('/api/stats', { from, to, tz, teamId: teamId ?? undefined }));
  }

  // The server issues attachment urls relative to itself (/api/uploads/…) and takes back only
  // those: they are absolute against this transport's base on the way in, relative on the way out.

  #toServer(command: Command): Command {
    const args = command.args as { attachments?: unknown };
    if (command.type !== 'reply' || !Array.isArray(args.attachments) || this.#base === '') return command;
    const base = `${this.#base}/`;
    const attachments = (args.attachments as unknown[]).map((a) => {
      const url = (a as { url?: unknown } | null)?.url;
      return typeof url === 'string' && url.startsWith(base) ? { ...(a as object), url: url.slice(this.#base.length) } : a;
    });
    return { ...command, args: { ...args, attachments } } as unknown as Command;
  }

  #fromServer(data: unknown): unknown {
    const message = data as { kind?: unknown; event?: { type?: unknown; item?: unknown } } | null;
    if (message?.kind !== 'event' || message.event?.type !== 'timeline.upserted') return data;
    return { ...message, event: { ...message.event, item: this.#itemFromServer(message.event.item) } };
  }

  #itemFromServer(item: unknown): unknown {
    const message = item as { attachments?: unknown } | null;
    if (!message || typeof message !== 'object' || !Array.isArray(message.attachments)) return item;
    const attachments = (message.attachments as unknown[]).map((a) => {
      const url = (a as { url?: unknown } | null)?.url;
      return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? { ...(a as object), url: `${this.#base}${url}` } : a;
    });
    return { ...message, attachments };
  }

  /** Tells the others what this user views (`conversationId`, or null) and whether they type (R17). */
  async presence(conversationId: Id | null, typing: boolean, _actorId?: Id): Promise<void> {
    let response: Response;
    try {
      response = await this.#fetch(this.#url('/api/presence'), {
        method: 'POST',
        headers: this.#headers(true),
        body: JSON.stringify({ conversationId, typing }),
      });
    } catch (error) {
      throw new HttpError(0, `cannot reach ${this.#base}: ${asError(error).message}`, true);
    }
    if (!response.ok) {
      const body = await bodyOf(response).catch(() => '');
      throw new HttpError(response.status, reasonOf(body, response.status), isRetryable(response.status));
    }
  }

  /**
   * Stores a file through POST /api/uploads and resolves to its Attachment
   * (as unknown: the store checks it), its url made absolute against this
   * transport's base. Rejects with an HttpError otherwise (413 past 10 MB).
   */
  async upload(file: File, _actorId?: Id): Promise<unknown> {
    let response: Response;
    try {
      response = await this.#fetch(this.#url('/api/uploads'), {
        method: 'POST',
        headers: {
          ...this.#headers(),
          'Content-Type': file.type || 'application/octet-stream',
          'X-File-Name': encodeURIComponent(file.name || 'file'),
        },
        body: file,
      });
    } catch (error) {
      throw new HttpError(0, `cannot reach ${this.#base}: ${asError(error).message}`, true);
    }
    const body = await bodyOf(response).catch(() => '');
    if (!response.ok) throw new HttpError(response.status, reasonOf(body, response.status), isRetryable(response.status));
    const attachment = body as { url?: unknown } | null;
    if (attachment && typeof attachment === 'object' && typeof attachment.url === 'string' && attachment.url.startsWith('/')) {
      return { ...attachment, url: `${this.#base}${attachment.url}` };
    }
    return body;
  }

  /** GETs `url`, or POSTs `body` as JSON to it (a read that needs a body: a query). */
  async #ask(url: string, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await this.#fetch(
        url,
        body === undefined
          ? { headers: this.#headers(), cache: 'no-store' }
          : { method: 'POST', headers: this.#headers(true), body: JSON.stringify(body), cache: 'no-store' },
      );
    } catch (error) {
      throw new HttpError(0, `cannot reach ${this.#base}: ${asError(error).message}`, true);
    }
    const answer = await bodyOf(response);
    if (!response.ok) throw new HttpError(response.status, reasonOf(answer, response.status), isRetryable(response.status));
    return answer;
  }
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import type { Id } from '../src/model/types.js';
import { MemoryBackend, RefusedError } from '../src/backend/memory-backend.js';
import type { CommandAck, QueryRequest, QueryResult, ServerMessage } from '../src/protocol/wire.js';
import { bearerToken, isJsonBody, parseJson, readBody, readBytes, sendError, sendJson, STATUS_OF } from './http.js';
import { tokenHash, type StoredUpload } from './db.js';
import { DEFAULT_LIMITS, RateLimiter, type Limits } from './limits.js';
import { sseFrame } from './sse.js';

/**
 * The reference server's HTTP side (issue 5, the protocol of
 * docs/protocol.md): JSON commands, Server-Sent Events for the live stream,
 * timelines, presence, team stats. Everything past authentication is MemoryBackend's:
 * the rules of model/, the sequenced log, idempotency and R14 delivery.
 * Node's own http module is enough for six routes; a framework would add
 * nothing but weight.
 */

export interface AppOptions {
  readonly backend: MemoryBackend;
  /** A token's SHA-256 (hex, db.ts tokenHash) → user id: the server keeps no token itself. */
  readonly tokenHashes: ReadonlyMap<string, Id>;
  /** Also accept `dev-<userId>` tokens (the demo reaches the server through its dev server's proxy: same origin). */
  readonly dev?: boolean | undefined;
  /** Rates, quotas and bounds (server/limits.ts; DEFAULT_LIMITS for those not given). */
  readonly limits?: Partial<Limits> | undefined;
  /** Origins answered with CORS (with `test`, any). */
  readonly allowOrigins?: readonly string[] | undefined;
  /** --dev, plus the /api/test/* routes and CORS for any origin (the test runner's pages). */
  readonly test?: boolean | undefined;
  readonly heartbeatMs?: number | undefined;
  readonly log?: ((line: string) => void) | undefined;
  /** Where POST /api/uploads keeps files (the database); without it there is no upload route. */
  readonly uploads?: UploadStore | undefined;
  /** More routes, each authenticating on its own (server/channels.ts: the channels' inbound edge), given the group commit. */
  readonly routes?: ((groupCommit: GroupCommit) => readonly Route[]) | undefined;
  /**
   * Group commit: runs `fn` in one outer database transaction and returns
   * once it is committed (InboxDatabase.batch). Without it (an app without a
   * database), `fn` runs directly.
   */
  readonly transaction?: (<T>(fn: () => T) => T | Promise<T>) | undefined;
  /**
   * An asynchronous storage (PostgreSQL): null when everything applied so
   * far is durable, else a promise of the write that makes it so. Given,
   * every stream's output waits for it (in order), and a batch's acks for
   * the promise `transaction` returns. Without it (SQLite), `transaction`
   * commits before it returns and commands outside a batch commit in
   * MemoryBackend's persist hook.
   */
  readonly durable?: (() => Promise<void> | null) | undefined;
  /** POST /api/query answered by the storage (PostgreSQL, in SQL); default: MemoryBackend.query. */
  readonly query?: ((request: QueryRequest, userId: Id) => Promise<QueryResult>) | undefined;
  /**
   * A batch's outer commit failed: what it applied in memory is not on disk.
   * Default: log it and exit(1) (clients resend after the restart).
   */
  readonly fatal?: ((error: unknown) => void) | undefined;
}

export interface UploadStore {
  saveUpload(upload: StoredUpload, userId: Id, at: number): void | Promise<void>;
  /** Bytes `userId` uploaded since `since` (ms), for the daily quota. */
  uploadedBytesSince(userId: Id, since: number): number | Promise<number>;
  upload(id: Id): StoredUpload | undefined | Promise<StoredUpload | undefined>;
}

/** Where the server serves an upload: the only attachment url a reply may carry (model/attachments.ts). */
export const uploadUrl = (id: Id): string => `/api/uploads/${id}`;

/** The largest attachment POST /api/uploads takes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Types a browser may show inline; everything else downloads. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain']);

export interface App {
  readonly server: Server;
  /** Open streams. */
  readonly streamCount: number;
  /** Cuts every open stream, as a lost connection would. */
  dropStreams(): void;
  /** Ends the streams and stops listening. */
  close(): Promise<void>;
}

const NOT_JSON = 'The request body must be JSON, sent with "Content-Type: application/json".';


/** The bearer token that the /api/test/* routes take (with --test only). */
export const TEST_SYSTEM_TOKEN = 'test-system';
const DEV_TOKEN_PREFIX = 'dev-';
const DAY_MS = 24 * 60 * 60 * 1000;

export type Handler = (req: IncomingMessage, res: ServerResponse, params: RouteParams) => void | Promise<void>;

export interface RouteParams {
  readonly url: URL;
  readonly match: RegExpMatchArray;
}

export interface Route {
  readonly path: RegExp;
  readonly methods: Readonly<Partial<Record<'GET' | 'POST', Handler>>>;
}

interface Stream {
  readonly userId: Id;
  readonly res: ServerResponse;
  end(abrupt: boolean): void;
}

/** A command waiting for the next group commit. */
interface Queued {
  /** Applies the command (MemoryBackend.send), inside the batch's transaction. */
  readonly run: () => CommandAck;
  /** Answers once the batch is committed: its ack, or null when `run` threw. */
  readonly answer: (ack: CommandAck | null) => void;
  readonly res: ServerResponse;
}

/**
 * Queues a command for the next group commit (the commands of one turn of
 * the event loop share one transaction): `run` applies it inside the batch,
 * `answer` replies once the batch is on disk. Route modules get it
 * (AppOptions.routes) so that their commands commit as POST /api/commands' do.
 */
export type GroupCommit = (res: ServerResponse, run: () => CommandAck, answer: (ack: CommandAck | null) => void) => void;

export function createApp(options: AppOptions): App {
  const { backend, tokenHashes } = options;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const rate = new RateLimiter(limits.commandsPerSecond, limits.commandBurst);
  const test = options.test === true;
  const open = test || options.dev === true;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const log = options.log ?? (() => {});
  const transaction = options.transaction ?? (<T>(fn: () => T): T => fn());
  const durable = options.durable;
  const fatal =
    options.fatal ??
    ((error: unknown) => {
      log(`a batch's commit failed, memory and disk differ; exiting: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    });
  const streams = new Set<Stream>();
  /** Commands waiting for the next group commit, and whether it is scheduled. */
  let queue: Queued[] = [];
  let flushScheduled = false;
  /**
   * While a batch runs: the streams holding output, each with its release,
   * which writes what it held (and ends it, if it ended meanwhile) once the
   * batch is committed. Null outside a batch: streams write at once.
   */
  let holding: Set<() => void> | null = null;
  // CORS is answered per request, in handle(), for the allowed origins only.
  const allowOrigins = test ? '*' : new Set(options.allowOrigins ?? []);
  /** The CORS headers for a request's Origin: any with --test, else only the origins given. */
  function corsFor(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    const allowed = allowOrigins === '*' ? '*' : origin !== undefined && allowOrigins.has(origin) ? origin : null;
    if (allowed === null) return {};
    return {
      'Access-Control-Allow-Origin': allowed,
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-File-Name',
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Expose-Headers': 'Retry-After',
      'Access-Control-Max-Age': '600',
      ...(allowed === '*' ? {} : { Vary: 'Origin' }),
    };
  }

  /** The user a request acts for, or null after answering 401. */
  function authenticate(req: IncomingMessage, res: ServerResponse): Id | null {
    const token = bearerToken(req);
    let userId = token === undefined ? undefined : tokenHashes.get(tokenHash(token));
    if (userId === undefined && open && token?.startsWith(DEV_TOKEN_PREFIX)) {
      const id = token.slice(DEV_TOKEN_PREFIX.length);
      if (backend.state.users.has(id)) userId = id;
    }
    if (userId !== undefined) return userId;
    const reason =
      token === undefined
        ? 'A bearer token is required: send the header "Authorization: Bearer <token>".'
        : 'The bearer token is not valid.';
    sendError(res, 401, 'unauthorized', reason, { 'WWW-Authenticate': 'Bearer' });
    return null;
  }

  /** The test routes act as the outside world: the system token only. */
  function isSystem(req: IncomingMessage, res: ServerResponse): boolean {
    if (bearerToken(req) === TEST_SYSTEM_TOKEN) return true;
    sendError(res, 401, 'unauthorized', `The test routes take "Authorization: Bearer ${TEST_SYSTEM_TOKEN}".`, { 'WWW-Authenticate': 'Bearer' });
    return false;
  }

  /** 429 with Retry-After (whole seconds, at least 1). */
  function tooMany(res: ServerResponse, waitMs: number, reason: string): void {
    sendError(res, 429, 'too-many-requests', reason, { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) });
  }

  function answerAck(res: ServerResponse, ack: CommandAck): void {
    sendJson(res, ack.ok ? 200 : STATUS_OF[ack.refusal.code], ack);
  }


  /** A command body, parsed; null after answering 400 or 413. */
  async function commandBody(req: IncomingMessage, res: ServerResponse): Promise<{ value: unknown } | null> {
    const body = await readBody(req, res);
    if (!body.ok) {
      const ack: CommandAck = {
        commandId: '(missing)',
        ok: false,
        refusal: { code: 'invalid', reason: 'The request body is larger than 1 MB.' },
      };
      sendJson(res, 413, ack);
      return null;
    }
    if (!isJsonBody(req)) {
      const ack: CommandAck = { commandId: '(missing)', ok: false, refusal: { code: 'invalid', reason: NOT_JSON } };
      sendJson(res, 415, ack);
      return null;
    }
    const parsed = parseJson(body.text);
    if (!parsed.ok) {
      answerAck(res, { commandId: '(missing)', ok: false, refusal: { code: 'invalid', reason: parsed.reason } });
      return null;
    }
    return { value: parsed.value };
  }

  function refused(res: ServerResponse, error: unknown): void {
    if (!(error instanceof RefusedError)) throw error;
    sendError(res, STATUS_OF[error.refusal.code], error.refusal.code, error.refusal.reason);
  }

  // ---- routes ----

  const health: Handler = (_req, res) => sendJson(res, 200, { ok: true, seq: backend.seq });

  const stream: Handler = (req, res, { url }) => {
    const userId = authenticate(req, res);
    if (userId === null) return;
    const sinceText = url.searchParams.get('since');
    let since: number | undefined;
    if (sinceText !== null) {
      since = Number(sinceText);
      if (sinceText.trim() === '' || !Number.isSafeInteger(since) || since < 0) {
        sendError(res, 400, 'invalid', `"since" must be a sequence number (an integer ≥ 0), not "${sinceText.slice(0, 50)}".`);
        return;
      }
    }
    if (backend.state.users.get(userId)?.active !== true) {
      sendError(res, 403, 'forbidden', `User ${userId} is deactivated.`);
      return;
    }
    let theirs = 0;
    for (const s of streams) if (s.userId === userId) theirs++;
    if (theirs >= limits.streamsPerUser) {
      tooMany(res, 5000, `At most ${limits.streamsPerUser} streams may be open for one user; close one, or retry later.`);
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    req.socket.setNoDelay(true);
    req.socket.setTimeout(0);
    let closed = false;
    let disconnect = (): void => {};
    const entry: Stream = {
      userId,
      res,
      end: (abrupt) => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        streams.delete(entry);
        disconnect();
        if (abrupt) res.socket?.destroy();
        else res.end();
      },
    };
    // A client that reads slower than the stream is cut off past this much queued (its snapshot
    // aside, which may be larger): it reconnects and resumes from its last seq.
    // What connect() writes at once (the snapshot, or the events a resume replays) is exempt: the
    // bound starts after it (else a client far behind could never catch up).
    let budget = Infinity;
    const write = (chunk: string | Buffer): void => {
      if (closed) return;
      res.write(chunk);
      if (res.writableLength > budget) entry.end(true);
    };
    // During a batch (group commit) nothing reaches the client before the commit: the frames are
    // held, in order, and written after it in one write for the whole batch, then an end if one came.
    let held: Buffer[] = [];
    let endHeld = false;
    const release = (): void => {
      const frames = held;
      held = [];
      if (frames.length > 0) write(frames.length === 1 ? frames[0]! : Buffer.concat(frames));
      if (endHeld) entry.end(false);
    };
    // An asynchronous storage: each frame waits for the write that makes what it shows durable,
    // behind the frames queued before it (writes settle in order).
    const waiting: { readonly write: Promise<void>; readonly frames: (Buffer | null)[]; done: boolean }[] = [];
    const releaseWritten = (): void => {
      while (waiting[0]?.done === true) {
        for (const queued of waiting.shift()!.frames) {
          if (queued === null) entry.end(false);
          else write(queued);
        }
      }
    };
    const hold = (frame: Buffer | null): void => {
      if (!holding) {
        const pending = durable?.() ?? null;
        const last = waiting[waiting.length - 1];
        if (pending === null && last === undefined) {
          if (frame === null) entry.end(false);
          else write(frame);
        } else if (last !== undefined && (pending === null || pending === last.write)) {
          last.frames.push(frame);
        } else if (pending !== null) {
          const segment = { write: pending, frames: [frame], done: false };
          waiting.push(segment);
          // A failed write is fatal (the process exits): what waited for it is never written.
          pending.then(() => {
            segment.done = true;
            releaseWritten();
          }, () => {});
        }
        return;
      }
      holding.add(release);
      if (frame === null) endHeld = true;
      else held.push(frame);
    };
    const heartbeat = setInterval(() => write(': ping\n\n'), heartbeatMs);
    streams.add(entry);
    res.on('close', () => entry.end(false));
    disconnect = backend.connect(
      { userId, since, epoch: url.searchParams.get('epoch')?.slice(0, 200) },
      {
        next: (message: ServerMessage) => hold(sseFrame(message)),
        error: () => hold(null),
        complete: () => hold(null),
      },
    );
    // connect() may end the stream at once (a deactivated user).
    if (!streams.has(entry)) disconnect();
    budget = res.writableLength + limits.streamBufferBytes;
  };

  const command: Handler = async (req, res) => {
    const userId = authenticate(req, res);
    if (userId === null) return;
    const body = await commandBody(req, res);
    if (!body) return;
    const wait = rate.take(userId);
    if (wait > 0) {
      tooMany(res, wait, `At most ${limits.commandsPerSecond} commands a second per user; this one was not applied: send it again later.`);
      return;
    }
    const value = body.value;
    groupCommit(res, () => backend.send(value, userId), (ack) => {
      if (ack) answerAck(res, ack);
      else sendError(res, 500, 'internal', 'The server failed to handle this command; nothing was changed.');
    });
  };

  function groupCommit(res: ServerResponse, run: () => CommandAck, answer: (ack: CommandAck | null) => void): void {
    queue.push({ run, answer, res });
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  }

  /**
   * Group commit: the commands queued since the last flush (those whose
   * bodies arrived in the same turn of the event loop) run in ONE outer
   * transaction, hence one fsync for all of them, each in MemoryBackend.send
   * as before (its persist hook nests as a savepoint: a command that throws
   * rolls back alone and gets a 500). Nothing is visible before it is
   * durable: the streams' output is held until the COMMIT returned, then
   * written, then the acks answered. If the COMMIT itself fails, memory is
   * ahead of the disk: nothing held is written, and `fatal` exits; the
   * clients resend after the restart (an id is answered once, idempotently).
   */
  function flush(): void {
    flushScheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    if (durable) {
      flushAsync(batch);
      return;
    }
    const acks: (CommandAck | null)[] = [];
    const releases = new Set<() => void>();
    holding = releases;
    try {
      const done = transaction(() => runAll(batch, acks));
      // A storage that commits later must say so (AppOptions.durable), or output would leave before it.
      if (done instanceof Promise) throw new Error('an asynchronous transaction needs AppOptions.durable');
    } catch (error) {
      holding = null;
      fatal(error);
      for (const { res } of batch) sendError(res, 500, 'internal', 'The server failed to store this command; send it again.');
      return;
    }
    holding = null;
    for (const release of releases) release();
    batch.forEach(({ answer }, i) => answer(acks[i] ?? null));
  }

  /** Runs a batch's commands in order, each ack (null: it threw, and rolled back alone) into `acks`. */
  function runAll(batch: readonly Queued[], acks: (CommandAck | null)[]): void {
    for (const { run } of batch) {
      try {
        acks.push(run());
      } catch (error) {
        log(`command failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        acks.push(null);
      }
    }
  }

  /**
   * Group commit on an asynchronous storage (PostgreSQL): the batch's
   * commands are applied in memory, one after the other as above (a command
   * that throws collected nothing and gets its 500 alone), then `transaction`
   * writes them in one transaction; the streams' output waits for that write
   * (hold), the acks for its promise. A failed write is `fatal`, as a failed
   * COMMIT is above. Batches may overlap: the storage writes them in order.
   */
  function flushAsync(batch: readonly Queued[]): void {
    const acks: (CommandAck | null)[] = [];
    let committed: Promise<unknown>;
    try {
      committed = Promise.resolve(
        transaction(() => runAll(batch, acks)),
      );
    } catch (error) {
      committed = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    committed.then(
      () => batch.forEach(({ answer }, i) => answer(acks[i] ?? null)),
      (error: unknown) => {
        fatal(error);
        for (const { res } of batch) sendError(res, 500, 'internal', 'The server failed to store this command; send it again.');
      },
    );
  }

  /** Once what was applied so far is durable (at once without an asynchronous storage). */
  const written = async (): Promise<void> => {
    await durable?.();
  };

  const timeline: Handler = (req, res, { url, match }) => {
    const userId = authenticate(req, res);
    if (userId === null) return;
    let conversationId: string;
    try {
      conversationId = decodeURIComponent(match[1] ?? '');
    } catch {
      sendError(res, 400, 'invalid', 'The conversation id in the path is not valid percent-encoding.');
      return;
    }
    const limitText = url.searchParams.get('limit');
    const limit = limitText === null ? 50 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1) {
      sendError(res, 400, 'invalid', `"limit" must be a positive integer, not "${(limitText ?? '').slice(0, 50)}".`);
      return;
    }
    // Above 1000, MemoryBackend answers pages of 1000 (hasMore tells the rest).
    const before = url.searchParams.get('before') ?? undefined;
    try {
      sendJson(res, 200, backend.timeline({ conversationId, before, limit }, userId));
    } catch (error) {
      refused(res, error);
    }
  };

  // R28: the figures over what the caller may see (R14), by the same model function as the page's.
  const stats: Handler = (req, res, { url }) => {
    const userId = authenticate(req, res);
    if (userId === null) return;
    // Counting reads every visible timeline: it shares the commands' rate, so that asking in a loop cannot starve the others.
    const wait = rate.take(userId);
    if (wait > 0) {
      tooMany(res, wait, `At most ${limits.commandsPerSecond} commands and stats requests a second per user; ask again later.`);
      return;
    }
    const params = url.searchParams;
    const time = (name: string) => {
      const text = params.get(name) ?? '';
      return /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
    };
    try {
      sendJson(res, 200, backend.teamStats({ from: time('from'), to: time('to'), timeZone: params.get('tz') ?? 'UTC', teamId: params.get('teamId') }, userId));
    } catch (error) {
      refused(res, error);
    }
  };

  /** A JSON body of at most 1 MB, or null once the answer (413, 415 or 400) is sent. */
  async function jsonBody(req: IncomingMessage, res: ServerResponse): Promise<{ readonly value: unknown } | null> {
    const body = await readBody(req, res);
    if (!body.ok) {
      sendError(res, 413, 'too-large', 'The request body is larger than 1 MB.');
      return null;
    }
    if (!isJsonBody(req)) {
      sendError(res, 415, 'unsupported-media-type', NOT_JSON);
      return null;
    }
    const parsed = parseJson(body.text);
    if (!parsed.ok) {
      sendError(res, 400, 'invalid', parsed.reason);
      return null;
    }
    return { value: parsed.value };
  }

  // Issue 13: a query a page at a time, over what the caller may see (R14), by the memory backend's model code.
  const query: Handler = async (req, res) => {
    const userId = authenticate(req, res);
    if (userId === null) return;
    const wait = rate.take(userId);
    if (wait > 0) {
      tooMany(res, wait, `At most ${limits.commandsPerSecond} commands, stats and query requests a second per user; ask again later.`);
      return;
    }
    const parsed = await jsonBody(req, res);
    if (!parsed) return;
    try {
      // The backend (or the storage) checks the request (QueryRequestSchema) and answers a malformed one 400.
      const request = parsed.value as QueryRequest;
      sendJson(res, 200, options.query ? await options.query(request, userId) : backend.query(request, userId));
    } catch (error) {
      refused(res, error);
    }
  };

  const presence: Handler = async (req, res) => {
    const userId = authenticate(req, res);
    if (userId === null) return;
    const parsed = await jsonBody(req, res);
    if (!parsed) return;
    const value = parsed.value as { conversationId?: unknown; typing?: unknown } | null;
    const conversationId = typeof value === 'object' && value !== null ? value.conversationId : undefined;
    const typing = typeof value === 'object' && value !== null ? value.typing : undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      sendError(res, 400, 'invalid', 'The body must be an object {conversationId, typing}.');
    } else if (conversationId !== null && (typeof conversationId !== 'string' || conversationId === '' || conversationId.length > 200)) {
      sendError(res, 400, 'invalid', '"conversationId" must be a conversation id (a string of 1 to 200 characters) or null.');
    } else if (typeof typing !== 'boolean') {
      sendError(res, 400, 'invalid', '"typing" must be true or false.');
    } else {
      try {
        backend.presence(userId, conversationId, typing);
        res.writeHead(204).end();
      } catch (error) {
        refused(res, error);
      }
    }
  };

  /** Stores a file (the raw body; its name in X-File-Name, percent-encoded) and answers its Attachment. */
  const upload: Handler = async (req, res) => {
    const userId = authenticate(req, res);
    if (userId === null || !options.uploads) return;
    if (backend.state.users.get(userId)?.active !== true) {
      sendError(res, 403, 'forbidden', `User ${userId} is deactivated.`);
      return;
    }
    let name: string;
    try {
      name = decodeURIComponent(String(req.headers['x-file-name'] ?? '')).trim();
    } catch {
      name = '';
    }
    if (name === '' || name.length > 255) {
      sendError(res, 400, 'invalid', 'The header "X-File-Name" must carry the file name, 1 to 255 characters, percent-encoded.');
      return;
    }
    const mime = (req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
    if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(mime)) {
      sendError(res, 400, 'invalid', `"${mime.slice(0, 100)}" is not a media type.`);
      return;
    }
    const body = await readBytes(req, res, MAX_UPLOAD_BYTES);
    if (!body.ok) {
      sendError(res, 413, 'too-large', `An attachment may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
      return;
    }
    const wait = rate.take(userId);
    if (wait > 0) {
      tooMany(res, wait, `At most ${limits.commandsPerSecond} commands and uploads a second per user; send it again later.`);
      return;
    }
    if (limits.uploadBytesPerDay > 0 && (await options.uploads.uploadedBytesSince(userId, Date.now() - DAY_MS)) + body.bytes.length > limits.uploadBytesPerDay) {
      tooMany(res, 60 * 60 * 1000, `At most ${Math.round(limits.uploadBytesPerDay / 1024 / 1024)} MB of attachments a day per user; this file was not stored.`);
      return;
    }
    const id = `att-${randomBytes(16).toString('hex')}`;
    await options.uploads.saveUpload({ id, name, mime, size: body.bytes.length, data: body.bytes }, userId, Date.now());
    sendJson(res, 201, { id, name, mime, size: body.bytes.length, url: uploadUrl(id) });
  };

  /**
   * Serves a stored file. Its random id is the capability (a link in a
   * message cannot carry a bearer token); it is served sandboxed and, but
   * for images, PDFs and plain text, as a download, so that an uploaded
   * page can never run as this origin.
   */
  const download: Handler = async (_req, res, { match }) => {
    const stored = await options.uploads?.upload(match[1] ?? '');
    if (!stored) {
      sendError(res, 404, 'not-found', 'No such attachment.');
      return;
    }
    const inline = INLINE_TYPES.has(stored.mime);
    res
      .writeHead(200, {
          'Content-Type': inline ? stored.mime : 'application/octet-stream',
        'Content-Length': String(stored.data.length),
        'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(stored.name)}`,
        'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, max-age=31536000, immutable',
      })
      .end(stored.data);
  };

  const inject: Handler = async (req, res) => {
    if (!isSystem(req, res)) return;
    const body = await commandBody(req, res);
    if (!body) return;
    const ack = backend.send(body.value, null);
    await written();
    answerAck(res, ack);
  };

  const drop: Handler = (req, res) => {
    if (!isSystem(req, res)) return;
    dropStreams();
    res.writeHead(204).end();
  };

  const tick: Handler = async (req, res) => {
    if (!isSystem(req, res)) return;
    const ack = backend.tick();
    await written();
    answerAck(res, ack);
  };

  const routes: Route[] = [
    { path: /^\/api\/health$/, methods: { GET: health } },
    { path: /^\/api\/stream$/, methods: { GET: stream } },
    { path: /^\/api\/commands$/, methods: { POST: command } },
    { path: /^\/api\/conversations\/([^/]+)\/timeline$/, methods: { GET: timeline } },
    { path: /^\/api\/presence$/, methods: { POST: presence } },
    { path: /^\/api\/stats$/, methods: { GET: stats } },
    { path: /^\/api\/query$/, methods: { POST: query } },
  ];
  routes.push(...(options.routes?.(groupCommit) ?? []));
  if (options.uploads) {
    routes.push(
      { path: /^\/api\/uploads$/, methods: { POST: upload } },
      { path: /^\/api\/uploads\/(att-[0-9a-f]{32})$/, methods: { GET: download } },
    );
  }
  if (test) {
    routes.push(
      { path: /^\/api\/test\/inject$/, methods: { POST: inject } },
      { path: /^\/api\/test\/drop$/, methods: { POST: drop } },
      { path: /^\/api\/test\/tick$/, methods: { POST: tick } },
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Every answer is data, never a page: not sniffed, not framed, nothing loaded from it (a stored file sets its own policy).
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    res.setHeader('Referrer-Policy', 'no-referrer');
    const corsHeaders = corsFor(req);
    for (const [name, value] of Object.entries(corsHeaders)) res.setHeader(name, value);
    if (req.method === 'OPTIONS' && corsHeaders['Access-Control-Allow-Origin'] !== undefined) {
      res.writeHead(204).end();
      return;
    }
    for (const route of routes) {
      const match = url.pathname.match(route.path);
      if (!match) continue;
      const handler = route.methods[req.method as 'GET' | 'POST'];
      if (!handler) {
        const allowed = Object.keys(route.methods).join(', ');
        sendError(res, 405, 'method-not-allowed', `${url.pathname} accepts ${allowed}, not ${req.method ?? '?'}.`, {
              Allow: allowed,
        });
        return;
      }
      await handler(req, res, { url, match });
      return;
    }
    sendError(res, 404, 'not-found', `There is no route ${req.method ?? ''} ${url.pathname}.`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`error on ${req.method ?? ''} ${req.url ?? ''}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sendError(res, 500, 'internal', 'The server failed to handle this request; nothing was changed.');
    });
  });
  // A request the parser cannot read gets a plain 400, and the server carries on.
  server.on('clientError', (error: Error, socket: Socket) => {
    if (socket.writable && !socket.writableEnded) {
      const body = JSON.stringify({ error: 'bad-request', reason: `The request could not be parsed (${error.message}).` });
      socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    } else socket.destroy();
  });

  function dropStreams(): void {
    for (const entry of [...streams]) entry.end(true);
  }

  return {
    server,
    get streamCount() {
      return streams.size;
    },
    dropStreams,
    close: () =>
      new Promise<void>((resolve) => {
        // Commands already read are applied and answered before the streams end.
        flush();
        for (const entry of [...streams]) entry.end(false);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

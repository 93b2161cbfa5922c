import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Refusal } from '../src/model/events.js';

/** Small HTTP helpers: JSON answers, bounded bodies, the refusal → status mapping. */

export const MAX_BODY_BYTES = 1024 * 1024;
/** A body declared or sent beyond this is not read to the end: the connection is closed. */
const MAX_DRAINED_BYTES = 8 * 1024 * 1024;

export const STATUS_OF: Readonly<Record<Refusal['code'], number>> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-early': 409,
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Every error that is not a command's answer: `{error, reason}`. */
export function sendError(
  res: ServerResponse,
  status: number,
  error: string,
  reason: string,
  headers: Record<string, string> = {},
): void {
  // The protocol caps a reason at 1000 characters; paths and ids quoted in one can be long.
  sendJson(res, status, { error, reason: reason.length > 1000 ? `${reason.slice(0, 997)}...` : reason }, headers);
}

export type Body = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly tooLarge: true };
export type Bytes = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly tooLarge: true };

/** A request body as UTF-8 text, at most `limit` bytes (see readBytes). */
export async function readBody(req: IncomingMessage, res: ServerResponse, limit = MAX_BODY_BYTES): Promise<Body> {
  const body = await readBytes(req, res, limit);
  return body.ok ? { ok: true, text: body.bytes.toString('utf8') } : body;
}

/**
 * Reads a request body of at most `limit` bytes. A larger one is read on
 * and thrown away (so that the client gets the 413 rather than a reset),
 * up to a point past which the connection is simply closed.
 */
export function readBytes(req: IncomingMessage, res: ServerResponse, limit = MAX_BODY_BYTES): Promise<Bytes> {
  // Past the limit, read on (and throw away) this much more, so that the client gets the 413 rather than a reset.
  const drained = limit + MAX_DRAINED_BYTES;
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > drained) {
      res.setHeader('Connection', 'close');
      req.resume();
      resolve({ ok: false, tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > drained) {
        res.setHeader('Connection', 'close');
        resolve({ ok: false, tooLarge: true });
        req.pause();
      }
    });
    req.on('end', () => resolve(size > limit ? { ok: false, tooLarge: true } : { ok: true, bytes: Buffer.concat(chunks) }));
    req.on('error', reject);
  });
}

/** JSON.parse, with the failure as a sentence. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (text.trim() === '') return { ok: false, reason: 'The request body is empty; it must be JSON.' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: `The request body is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Refusal } from '../src/model/events.js';

/** Small HTTP helpers: JSON answers, bounded bodies, the refusal → status mapping. */

export const MAX_BODY_BYTES = 1024 * 1024;
/** Past a body's limit, this much more is read and thrown away before the connection is closed. */
const MAX_DRAINED_BYTES = 64 * 1024 * 1024;

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
 * Reads a request body of at most `limit` bytes. A larger one (declared or
 * sent) is answered at once as too large, and the rest of it is read on and
 * thrown away, so that a client still sending gets its 413 rather than a
 * reset; only past MAX_DRAINED_BYTES more, after the answer was written, is
 * the connection closed.
 */
export function readBytes(req: IncomingMessage, _res: ServerResponse, limit = MAX_BODY_BYTES): Promise<Bytes> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const tooLarge = (): void => {
      settled = true;
      chunks.length = 0;
      resolve({ ok: false, tooLarge: true });
    };
    if (Number(req.headers['content-length'] ?? NaN) > limit) tooLarge();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (settled) {
        if (size > limit + MAX_DRAINED_BYTES) req.socket.destroy();
      } else if (size > limit) tooLarge();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ ok: true, bytes: Buffer.concat(chunks) });
    });
    req.on('error', (error) => (settled ? undefined : reject(error)));
  });
}

/** Whether a request says its body is JSON (`application/json`, parameters such as a charset allowed). */
/** The token of an `Authorization: Bearer <token>` header (the scheme in any case, RFC 9110), if any. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^bearer +(\S+) *$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

export function isJsonBody(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
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

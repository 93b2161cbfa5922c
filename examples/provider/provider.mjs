#!/usr/bin/env node
/**
 * A small example provider for the reference server's channel edges: what
 * an SMS gateway, an e-mail parser or a chat widget's backend does, on
 * loopback, with nothing but Node. It
 *
 * - receives the server's deliveries on POST /deliveries: checks the
 *   signature (HMAC-SHA256 of "<timestamp>.<body>" with the signing secret)
 *   and that the timestamp is within five minutes, takes each
 *   Idempotency-Key once (a repeat is answered 200 and ignored), writes what
 *   it took to its journal, then reports the message `delivered` on
 *   POST /api/channels/:channelId/statuses (journaled too: a receipt a kill
 *   cut short is sent after the restart);
 * - with --inbound N, posts N inbound messages (ids "<prefix>-0" …) to
 *   POST /api/channels/:channelId/messages, each until the server takes it.
 *
 * The journal (--journal FILE, JSON lines) survives a restart: a killed and
 * restarted provider still takes each key once, and its inbound sender
 * starts again from the first message (the server answers a repeated id
 * as before and changes nothing).
 *
 *   node examples/provider/provider.mjs --port 9100 --server http://127.0.0.1:8787 \
 *     --token <integration token> --secret <signing secret> --channel ch-sms \
 *     [--journal provider.jsonl] [--inbound 1000] [--prefix p] [--concurrency 4] [--fail-first N]
 *
 * Prints "provider listening on <url>" when ready and "inbound done <N>" when its messages are in.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '9100' },
    server: { type: 'string' },
    token: { type: 'string' },
    secret: { type: 'string' },
    channel: { type: 'string' },
    journal: { type: 'string', default: 'provider.jsonl' },
    inbound: { type: 'string', default: '0' },
    prefix: { type: 'string', default: 'p' },
    concurrency: { type: 'string', default: '4' },
    'fail-first': { type: 'string', default: '0' },
  },
});
for (const name of ['server', 'token', 'secret', 'channel']) {
  if (!args[name]) {
    process.stderr.write(`--${name} is required\n`);
    process.exit(2);
  }
}

const MAX_SKEW_S = 300;
/** Keys taken, from the journal: a restart never takes one twice. */
const taken = new Set();
/** Messages taken whose receipt the server has not yet confirmed: sent again after a restart. */
const unreceipted = new Set();
if (existsSync(args.journal)) {
  for (const line of readFileSync(args.journal, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry = JSON.parse(line);
      if (entry.kind === 'taken') {
        taken.add(entry.key);
        if (entry.type === 'message') unreceipted.add(entry.key);
      } else if (entry.kind === 'receipt') unreceipted.delete(entry.key);
    } catch {
      // a line cut short by a kill: it was not taken
    }
  }
}
let toFail = Number(args['fail-first']);

function verify(req, body) {
  const timestamp = Number(req.headers['x-inbox-timestamp']);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > MAX_SKEW_S) return false;
  const expected = Buffer.from(`v1=${createHmac('sha256', args.secret).update(`${timestamp}.${body}`).digest('hex')}`);
  const given = Buffer.from(String(req.headers['x-inbox-signature'] ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function post(path, payload) {
  const response = await fetch(`${args.server}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${args.token}` },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(10_000),
  });
  await response.text();
  return response.status;
}

/** Posts until the server answers; 4xx but 429 is final. */
async function postUntilTaken(path, payload) {
  for (let wait = 100; ; wait = Math.min(wait * 2, 2000)) {
    try {
      const status = await post(path, payload);
      if (status < 300 || (status >= 400 && status < 500 && status !== 429)) return status;
    } catch {
      // the server is away: try again
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/deliveries') {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    if (!verify(req, body)) {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error":"bad signature"}');
      return;
    }
    if (toFail > 0) {
      toFail--;
      res.writeHead(503).end();
      return;
    }
    const key = String(req.headers['idempotency-key'] ?? '');
    const delivery = JSON.parse(body);
    if (taken.has(key)) {
      appendFileSync(args.journal, `${JSON.stringify({ kind: 'repeat', key })}\n`);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true,"repeat":true}');
      return;
    }
    // Journal first, answer after: what was answered 200 is on record.
    appendFileSync(args.journal, `${JSON.stringify({ kind: 'taken', key, type: delivery.type, to: delivery.to, body: delivery.body ?? null })}\n`);
    taken.add(key);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    // The handset got it: report it back, as a carrier's receipt would.
    if (delivery.type === 'message') void receipt(delivery.id);
  });
});

/** Reports a message delivered, until the server takes the report; journaled, so a restart sends what a kill cut short. */
async function receipt(messageId) {
  const status = await postUntilTaken(`/api/channels/${encodeURIComponent(args.channel)}/statuses`, { messageId, status: 'delivered' });
  if (status < 300) appendFileSync(args.journal, `${JSON.stringify({ kind: 'receipt', key: messageId })}\n`);
}

async function sendInbound(count) {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const n = i % 50;
      await postUntilTaken(`/api/channels/${encodeURIComponent(args.channel)}/messages`, {
        id: `${args.prefix}-${i}`,
        from: `+1415555${String(1000 + n).padStart(4, '0')}`,
        name: `Caller ${n}`,
        body: `Inbound message ${i}`,
      });
    }
  };
  await Promise.all(Array.from({ length: Number(args.concurrency) }, worker));
  process.stdout.write(`inbound done ${count}\n`);
}

server.listen(Number(args.port), '127.0.0.1', () => {
  process.stdout.write(`provider listening on http://127.0.0.1:${server.address().port}\n`);
  for (const messageId of unreceipted) void receipt(messageId);
  const count = Number(args.inbound);
  if (count > 0) void sendInbound(count);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

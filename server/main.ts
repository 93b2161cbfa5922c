import { parseArgs } from 'node:util';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import type { QueryRequest, QueryResult } from '../src/protocol/wire.js';
import { randomBytes } from 'node:crypto';
import { createApp, uploadUrl, type GroupCommit } from './app.js';
import { channelEdgeRoutes } from './channels.js';
import { Outbound } from './outbound.js';
import { DEFAULT_DB_PATH } from './db.js';
import { openStorage } from './storage.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { JetStreamBus } from './bus.js';
import { Fanout } from './fanout.js';

/**
 * Starts the reference server:
 *   node --import tsx server/main.ts [--port 8787] [--host 127.0.0.1] [--db PATH]
 *     [--seed-conversations N] [--traffic N] [--tick-seconds N] [--dev] [--test]
 * Prints `listening on <url>`; with --dev, how to authenticate (dev-<userId>) and any token it just issued.
 */

const USAGE = `Usage: node --import tsx server/main.ts [options]
  --port N                 port (default 8787; 0 picks a free one)
  --host H                 interface (default 127.0.0.1)
  --db PATH|URL            SQLite file, or :memory: (default $INBOX_DB or ${DEFAULT_DB_PATH}); or a PostgreSQL
                           database, postgres://user@host:5432/name (it must exist; the schema is made at start)
  --seed-conversations N   demo size when the database is new (default 2000; 200 to 100000)
  --traffic N              simulated traffic, commands per second (default 0: off)
  --window-from N          from how many conversations a user may see, their client holds a window and
                           asks for its list a page at a time (POST /api/query) (default 20000; 0: never)
  --tick-seconds N         run the clock (snooze wake-up R18, trash purge R6) every N s (default 60; 0: off)
  --dev                    also accept dev-<userId> tokens (npm start's demo reaches the server through
                           vite's proxy, same origin: no CORS)
  --allow-origin ORIGIN    answer CORS for this origin (repeatable), e.g. https://crm.example.com
  --test                   --dev, plus /api/test/inject, /api/test/drop, /api/test/tick, CORS for any origin
  --rate N                 commands (and uploads) per user per second, bursts of 2N (default 50; 0: off); 429 past it
  --streams-per-user N     open streams per user (default 20); 429 past it
  --upload-mb-per-day N    attachment megabytes per user over 24 hours (default 200; 0: off); 429 past it
  --stream-buffer-kb N     output queued for a slow reader past its snapshot before its stream is cut (default 8192)
  --issue-token USER_ID    print a new bearer token for that user (replacing theirs) and exit;
                           the database keeps only its hash, a running server learns it at its next start
  --add-integration IDS    add a provider's credential for these channels (comma-separated ids), print it as
                           JSON {id, token, signingSecret, channelIds, webhook} and exit (restart to use it)
  --webhook URL            with --add-integration: where replies and call actions on those channels are POSTed,
                           signed (their replies then carry a delivery status); without it, inbound only
  --edge-rate N            inbound edge requests per integration per second (default 500; 0: off)
  --delivery-attempts N    tries of an outbound delivery before it fails (default 10)
  --public-url URL         the server's public origin (https://inbox.example.com): attachment urls in
                           deliveries are absolute with it (else server-relative)
  --nats URL               publish every committed event to NATS JetStream (nats://127.0.0.1:4222), its
                           stream sequence = its seq, and relay presence over core NATS (issue 13)
  --nats-stream NAME       the JetStream stream (default INBOX_EVENTS); subjects <name in lower case>.events
                           and <name in lower case>.presence`;

/** Events MemoryBackend keeps in memory for resuming (the database keeps more). */
const LOG_SIZE = 20_000;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function integer(text: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) fail(`--${name} must be an integer from ${min} to ${max}, not "${text}".`);
  return n;
}

let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      'seed-conversations': { type: 'string' },
      traffic: { type: 'string' },
      'tick-seconds': { type: 'string' },
      'window-from': { type: 'string' },
      dev: { type: 'boolean' },
      test: { type: 'boolean' },
      'issue-token': { type: 'string' },
      'add-integration': { type: 'string' },
      webhook: { type: 'string' },
      'edge-rate': { type: 'string' },
      'delivery-attempts': { type: 'string' },
      'public-url': { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      rate: { type: 'string' },
      'streams-per-user': { type: 'string' },
      'upload-mb-per-day': { type: 'string' },
      'stream-buffer-kb': { type: 'string' },
      nats: { type: 'string' },
      'nats-stream': { type: 'string' },
      help: { type: 'boolean' },
    },
  }).values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const port = integer(args.port, 'port', 8787, 0, 65535);
const host = args.host ?? '127.0.0.1';
const dbPath = args.db ?? process.env.INBOX_DB ?? DEFAULT_DB_PATH;
const seedConversations = integer(args['seed-conversations'], 'seed-conversations', 2000, 200, 100_000);
const traffic = integer(args.traffic, 'traffic', 0, 0, 10_000);
const windowFrom = integer(args['window-from'], 'window-from', 20_000, 0, 100_000_000);
const tickSeconds = integer(args['tick-seconds'], 'tick-seconds', 60, 0, 86_400);
const test = args.test === true;
const dev = test || args.dev === true;

const started = performance.now();
const log = (line: string): void => void process.stderr.write(`${line}\n`);
let store;
try {
  store = await openStorage({
    db: dbPath,
    seedConversations,
    // A write outside a batch (traffic, the clock) failed: memory is ahead of the disk.
    fatal: (error) => {
      log(`a write failed, memory and disk differ; exiting: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  });
} catch (error) {
  log(`cannot open the database ${dbPath.replace(/:[^:@/]*@/, ':***@')}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const snapshot = store.snapshot();
const issueFor = args['issue-token'];
if (issueFor !== undefined) {
  const user = snapshot.users.find((u) => u.id === issueFor);
  if (!user?.active) {
    await store.close();
    fail(`--issue-token: there is no active user "${issueFor}".`);
  }
  process.stdout.write(`${await store.issueToken(issueFor)}\n`);
  await store.close();
  process.exit(0);
}
const addFor = args['add-integration'];
if (addFor !== undefined) {
  const channelIds = addFor.split(',').map((id) => id.trim()).filter((id) => id !== '');
  const missing = channelIds.filter((id) => !snapshot.channels.some((c) => c.id === id));
  const webhook = args.webhook ?? null;
  if (channelIds.length === 0 || missing.length > 0) {
    await store.close();
    fail(`--add-integration: ${missing.length > 0 ? `no channel ${missing.map((id) => `"${id}"`).join(', ')}` : 'name at least one channel id'}; the channels are ${snapshot.channels.map((c) => c.id).join(', ')}.`);
  }
  if (webhook !== null && !/^https?:\/\/[^\s]+$/.test(webhook)) {
    await store.close();
    fail(`--webhook takes an http(s) URL, not "${webhook}".`);
  }
  const integration = { id: `int-${randomBytes(6).toString('hex')}`, channelIds, webhookUrl: webhook, signingSecret: randomBytes(32).toString('base64url') };
  const token = `edge_${randomBytes(24).toString('base64url')}`;
  await store.addIntegration(integration, token);
  process.stdout.write(`${JSON.stringify({ id: integration.id, token, signingSecret: integration.signingSecret, channelIds, webhook })}\n`);
  await store.close();
  process.exit(0);
}
const storage = store;
// Issue 13: with --nats, what is committed goes to JetStream once the database holds it (fanout.ts).
let fanout: Fanout | null = null;
const backend = new MemoryBackend({
  snapshot,
  timelineFor: storage.timelineFor,
  restore: storage.restoredLog(LOG_SIZE),
  logSize: LOG_SIZE,
  windowFrom: windowFrom === 0 ? Infinity : windowFrom,
  epoch: storage.epoch(),
  findAck: (commandId, actorId) => storage.findAck(commandId, actorId),
  persist: (commit) => {
    storage.commit(commit);
    fanout?.committed(commit.entries);
  },
  // Ids this process makes (traffic, clock) never collide with an earlier run's acks.
  idPrefix: `${Date.now().toString(36)}-`,
  // A reply attaches only its author's uploads, as this server issued them.
  uploadOf: (id) => {
    const info = storage.uploadInfo(id);
    return info && { userId: info.userId, attachment: { id: info.id, name: info.name, mime: info.mime, size: info.size, url: uploadUrl(info.id) } };
  },
});
const tokens = await storage.tokens(snapshot.users);
const allowOrigins = args['allow-origin'] ?? [];
for (const origin of allowOrigins) {
  if (!/^https?:\/\/[^/\s]+$/.test(origin)) fail(`--allow-origin takes an origin such as https://crm.example.com, not "${origin}".`);
}
const rate = integer(args.rate, 'rate', DEFAULT_LIMITS.commandsPerSecond, 0, 100_000);
const limits: Limits = {
  commandsPerSecond: rate,
  commandBurst: 2 * rate,
  streamsPerUser: integer(args['streams-per-user'], 'streams-per-user', DEFAULT_LIMITS.streamsPerUser, 1, 10_000),
  uploadBytesPerDay: integer(args['upload-mb-per-day'], 'upload-mb-per-day', DEFAULT_LIMITS.uploadBytesPerDay / 1024 / 1024, 0, 1_000_000) * 1024 * 1024,
  streamBufferBytes: integer(args['stream-buffer-kb'], 'stream-buffer-kb', DEFAULT_LIMITS.streamBufferBytes / 1024, 16, 1_048_576) * 1024,
};
// Group commit (app.ts flush): the commands that arrive together share one transaction, one fsync.
// The channels' edges: inbound routes for the integrations' tokens; replies and call actions out through the outbox.
const publicUrl = args['public-url'];
if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(publicUrl)) fail(`--public-url takes an origin such as https://inbox.example.com, not "${publicUrl}".`);
// The channels' edges: inbound routes for the integrations' tokens; replies and call actions out through the outbox.
const outbound = new Outbound({ store: storage, backend, log, publicUrl, maxAttempts: integer(args['delivery-attempts'], 'delivery-attempts', 10, 1, 100) });
const edgeRate = integer(args['edge-rate'], 'edge-rate', 500, 0, 100_000);
const routes = (groupCommit: GroupCommit) => channelEdgeRoutes({ backend, store: storage, ratePerSecond: edgeRate }, groupCommit);
const natsStream = args['nats-stream'] ?? 'INBOX_EVENTS';
if (!/^[A-Za-z0-9_-]{1,64}$/.test(natsStream)) fail(`--nats-stream takes a name of letters, digits, _ and -, not "${natsStream}".`);
let bus: JetStreamBus | null = null;
if (args.nats !== undefined) {
  // On PostgreSQL the bus joins the writer lock (server/README.md, several instances): not built yet.
  if (storage.kind !== 'sqlite') {
    await storage.close();
    fail('--nats works with the SQLite storage for now; on PostgreSQL it waits for the writer lock (server/README.md).');
  }
  const prefix = natsStream.toLowerCase();
  try {
    bus = await JetStreamBus.connect({
      servers: args.nats.split(','),
      stream: natsStream,
      subject: `${prefix}.events`,
      presenceSubject: `${prefix}.presence`,
      stillHere: (userId) => backend.isConnected(userId),
      log,
    });
    fanout = new Fanout({
      bus,
      backend,
      // The database keeps the newest 50,000 events: what the bus lacks is read back from them.
      entriesAfter: (after) => storage.restoredLog(Math.max(1, backend.seq - after)).entries.filter((e) => e.seq > after),
      log,
    });
    await fanout.start();
  } catch (error) {
    await storage.close();
    await bus?.close();
    log(`--nats: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
const batch = storage.batch;
const transaction = fanout === null ? batch : <T>(fn: () => T) => fanout.batch(() => batch(fn) as T);
// PostgreSQL answers queries in SQL, over what is committed; the sidebar's counts and a request by ids
// come from the backend's memory (issue 13's windowed store).
const storageQuery = storage.query;
const query =
  storageQuery &&
  (async (request: QueryRequest, userId: string): Promise<QueryResult> => {
    if (request.ids) return backend.query(request, userId);
    const page = await storageQuery(backend.state, request, userId, backend.now());
    return request.cursor === null ? { ...page, counts: backend.countsFor(userId) } : page;
  });
const app = createApp({
  backend, tokenHashes: tokens.byHash, dev, test, log, uploads: storage, allowOrigins, limits,
  transaction, durable: storage.durable, query, routes,
});

app.server.listen(port, host, () => {
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  const out: string[] = [
    `inbox reference server listening on ${url}`,
    `  database ${storage.where}${storage.migrated.length > 0 ? ` (migrated to ${storage.migrated.join(', ')})` : ''}${
      storage.seeded ? `, seeded with ${snapshot.conversations.length} demo conversations` : ''
    }; seq ${backend.seq}${bus ? `; events to JetStream ${natsStream} (epoch ${bus.epoch})` : ''}; ready in ${Math.round(performance.now() - started)} ms${dev ? `; ${test ? 'test' : 'dev'} mode` : ''}`,
  ];
  // Tokens are kept as hashes: a new one is known only now. Outside --dev none is ever printed;
  // an operator hands them out with --issue-token <userId>.
  if (dev) {
    out.push('  bearer tokens (Authorization: Bearer <token>): dev-<userId> (dev-u-ana)');
    for (const user of snapshot.users) {
      const token = tokens.issued.get(user.id);
      if (!user.active || token === undefined) continue;
      const role = user.role === 'agent' ? `agent, ${user.visibility}` : user.role;
      out.push(`    ${user.id.padEnd(10)} ${`${user.name} (${role})`.padEnd(28)} ${token} (new)`);
    }
  } else {
    out.push(`  ${snapshot.users.filter((u) => u.active).length} active users; give one a bearer token with --issue-token <userId> (it replaces theirs)`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
});

app.server.on('error', (error) => {
  log(`cannot listen on ${host}:${port}: ${error.message}`);
  void Promise.resolve(storage.close()).finally(() => process.exit(1));
});

if (traffic > 0) backend.startTraffic({ ratePerSecond: traffic });
outbound.start();
const clock = tickSeconds > 0 ? setInterval(() => {
  try {
    backend.tick();
  } catch (error) {
    log(`tick failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}, tickSeconds * 1000) : null;

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${signal}: closing streams and the database`);
  backend.stopTraffic();
  outbound.stop();
  if (clock) clearInterval(clock);
  await app.close();
  await fanout?.close();
  await bus?.close();
  await storage.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

/**
 * Node-side benchmarks against the real reference server (bench/run.mjs
 * starts it on loopback with a temporary database and passes its URL):
 * commands per second with p50/p99 latency, from one HttpTransport (the
 * yardstick) and from 20 keep-alive HTTP clients while 50 listeners hold
 * event streams open (issue 12); and fan-out of one event to 50 connected
 * streams. No DOM needed: fetch, streams and TextDecoder are Node's.
 */
import { Agent, request, type IncomingMessage } from 'node:http';
import type { Subscription } from 'rxjs';
import type { Command } from '../src/model/commands.js';
import type { DomainEvent } from '../src/model/events.js';
import { PRIORITIES, type Id, type Snapshot } from '../src/model/types.js';
import { HttpTransport } from '../src/transport/http/http-transport.js';
import type { CommandAck, ServerMessage } from '../src/transport/transport.js';
import { percentile, round, type Row } from './harness.js';

const OWNER = 'u-ana';
const transportFor = (baseUrl: string, userId: Id) => new HttpTransport({ baseUrl, token: `dev-${userId}` });

function snapshotOf(transport: HttpTransport, userId: Id): Promise<Snapshot> {
  return new Promise((resolve, reject) => {
    const subscription: Subscription = transport.connect({ userId }).subscribe({
      next: (message) => {
        subscription.unsubscribe();
        resolve((message as Extract<ServerMessage, { kind: 'snapshot' }>).snapshot);
      },
      error: reject,
    });
  });
}

/** The single-client yardstick, then the load of many clients and listeners, on the same server. */
export async function http(baseUrl: string): Promise<Row[]> {
  return [...(await oneClient(baseUrl)), ...(await load(baseUrl))];
}

/** `total` commands from one HttpTransport, `concurrency` at a time. */
export async function oneClient(baseUrl: string, total = 2000, concurrency = 8): Promise<Row[]> {
  const transport = transportFor(baseUrl, OWNER);
  const ids = (await snapshotOf(transport, OWNER)).conversations.map((c) => c.id);
  const latencies: number[] = [];
  let next = 0;
  let refused = 0;
  const run = Date.now().toString(36);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const command: Command = {
          id: `bench-${run}-${i}`,
          type: 'setPriority',
          args: { ids: [ids[i % ids.length]!], priority: PRIORITIES[i % PRIORITIES.length]! },
        };
        const t = performance.now();
        const ack = (await transport.send(command, OWNER)) as CommandAck;
        latencies.push(performance.now() - t);
        if (!ack.ok) refused++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return [
    { name: `HTTP, 1 client (HttpTransport, fetch), concurrency ${concurrency}`, value: Math.round(total / seconds), unit: 'commands/s' },
    { name: '  latency p50', value: round(percentile(latencies, 50)), unit: 'ms' },
    { name: '  latency p99', value: round(percentile(latencies, 99)), unit: 'ms' },
    { name: '  refused (should be 0)', value: refused, unit: '' },
  ];
}

/** One event to `clients` open streams, `rounds` times: until the last one receives it. */
export async function fanout(baseUrl: string, clients = 50, rounds = 50): Promise<Row[]> {
  const users = ['u-ana', 'u-marc', 'u-lea'];
  const owner = transportFor(baseUrl, OWNER);
  const target = (await snapshotOf(owner, OWNER)).conversations[0]!.id;
  let waiting: { label: string; pending: number; done: () => void } | null = null;
  let last = 0;
  const subscriptions: Subscription[] = [];
  let ready = 0;
  for (let i = 0; i < clients; i++) {
    const userId = users[i % users.length]!;
    let seen = false;
    subscriptions.push(
      transportFor(baseUrl, userId).connect({ userId }).subscribe((raw) => {
        const message = raw as ServerMessage;
        if (!seen) {
          seen = true;
          ready++;
        }
        if (message.kind !== 'event' || !waiting) return;
        const event: DomainEvent = message.event;
        if (event.type !== 'conversation.upserted' || event.conversation.id !== target) return;
        if (!event.conversation.labels.includes(waiting.label)) return;
        last = performance.now();
        if (--waiting.pending === 0) waiting.done();
      }),
    );
  }
  while (ready < clients) await new Promise((resolve) => setTimeout(resolve, 10));
  const times: number[] = [];
  const run = Date.now().toString(36);
  for (let round = 0; round < rounds; round++) {
    const label = `fan-${run}-${round}`;
    const arrived = new Promise<void>((resolve) => (waiting = { label, pending: clients, done: resolve }));
    const start = performance.now();
    await owner.send({ id: `fan-${run}-${round}`, type: 'addLabels', args: { ids: [target], labels: [label] } }, OWNER);
    await arrived;
    times.push(last - start);
    waiting = null;
  }
  for (const subscription of subscriptions) subscription.unsubscribe();
  return [
    { name: `fan-out: one event to ${clients} SSE clients, until the last, p50`, value: round(percentile(times, 50)), unit: 'ms' },
    { name: `fan-out: one event to ${clients} SSE clients, until the last, p99`, value: round(percentile(times, 99)), unit: 'ms' },
  ];
}

/** The demo's active users: the owner, the manager and the agents of every visibility (R14). */
const ACTIVE_USERS: readonly Id[] = ['u-ana', 'u-marc', 'u-lea', 'u-tom', 'u-sam', 'u-lucia', 'u-hugo', 'u-olivia', 'u-diego'];
const DATA_LINE = Buffer.from('\ndata: ');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One POST /api/commands as an integrator sends it: JSON body, bearer token, a keep-alive connection. */
function postCommand(agent: Agent, url: URL, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * An open event stream that counts its `data:` lines (one per message) without
 * parsing them; `ready` once its first message, the snapshot, has arrived whole.
 */
class Listener {
  messages = 0;
  ready = false;
  ended = false;
  #tail = Buffer.alloc(0);
  readonly #req;

  constructor(url: URL, readonly userId: Id) {
    this.#req = request(url, { agent: false, headers: { Authorization: `Bearer dev-${userId}` } }, (res: IncomingMessage) => {
      res.on('data', (chunk: Buffer) => this.#count(chunk));
      res.on('close', () => (this.ended = true));
    });
    this.#req.on('error', () => (this.ended = true));
    this.#req.end();
  }

  #count(chunk: Buffer): void {
    // A line split across chunks: the tail of the last one and the head of this one.
    const seam = Buffer.concat([this.#tail, chunk.subarray(0, DATA_LINE.length - 1)]);
    if (seam.includes(DATA_LINE)) this.messages++;
    // The stream starts with `id: 0\ndata: `: every data line follows a newline.
    for (let at = chunk.indexOf(DATA_LINE); at >= 0; at = chunk.indexOf(DATA_LINE, at + 1)) this.messages++;
    if (!this.ready && Buffer.concat([this.#tail, chunk]).includes('\n\n')) this.ready = true;
    this.#tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - (DATA_LINE.length - 1))));
  }

  /** Events received: the messages past the snapshot. */
  get events(): number {
    return Math.max(0, this.messages - 1);
  }

  close(): void {
    this.#req.destroy();
  }
}

async function serverSeq(baseUrl: string): Promise<number> {
  return ((await (await fetch(`${baseUrl}/api/health`)).json()) as { seq: number }).seq;
}

/**
 * Issue 12's load: `clients` clients, each its own keep-alive connection
 * (node:http), one command in flight each (setPriority, JSON as an
 * integrator sends it), acting as the demo's active users in turn on
 * conversations they can see, while `listeners` event streams are open (the
 * same users in turn; the owner's receive every event). Clients and
 * listeners share this one Node process, on the server's machine (2 cores
 * for both on the CI box): the figures are the pair's, not the server's alone.
 */
export async function load(baseUrl: string, clients = 20, listeners = 50, perClient = 400, warmup = 20): Promise<Row[]> {
  const visible = new Map<Id, Id[]>();
  for (const userId of ACTIVE_USERS) {
    const ids = (await snapshotOf(transportFor(baseUrl, userId), userId)).conversations.map((c) => c.id);
    if (ids.length > 0) visible.set(userId, ids);
  }
  const users = [...visible.keys()];
  const streamUrl = new URL('/api/stream', baseUrl);
  const open = Array.from({ length: listeners }, (_, i) => new Listener(streamUrl, ACTIVE_USERS[i % ACTIVE_USERS.length]!));
  while (!open.every((l) => l.ready || l.ended)) await pause(10);
  const commandsUrl = new URL('/api/commands', baseUrl);
  const run = Date.now().toString(36);
  const latencies: number[] = [];
  let refused = 0;
  const agents: Agent[] = [];
  const phase = (count: number, label: string, measure: boolean) =>
    Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        const userId = users[c % users.length]!;
        const ids = visible.get(userId)!;
        const agent = (agents[c] ??= new Agent({ keepAlive: true, maxSockets: 1 }));
        for (let i = 0; i < count; i++) {
          const body = JSON.stringify({
            id: `${label}-${run}-${c}-${i}`,
            type: 'setPriority',
            args: { ids: [ids[(c * 31 + i) % ids.length]!], priority: PRIORITIES[(c + i) % PRIORITIES.length]! },
          });
          const t = performance.now();
          const status = await postCommand(agent, commandsUrl, `dev-${userId}`, body);
          if (measure) latencies.push(performance.now() - t);
          if (status !== 200) refused++;
        }
      }),
    );
  // The owner sees every event (setPriority's only): until each owner listener has all of them since it opened.
  const seqOpen = await serverSeq(baseUrl);
  const owners = open.filter((l) => l.userId === OWNER);
  const ownersHaveAll = async (): Promise<number> => {
    const expected = (await serverSeq(baseUrl)) - seqOpen;
    const until = Date.now() + 30_000;
    while (owners.some((l) => !l.ended && l.events < expected) && Date.now() < until) await pause(2);
    return expected;
  };
  await phase(warmup, 'warm', false);
  await ownersHaveAll();
  refused = 0;
  const receivedBefore = open.reduce((sum, l) => sum + l.events, 0);
  const seqBefore = await serverSeq(baseUrl);
  const started = performance.now();
  await phase(perClient, 'load', true);
  const acked = performance.now();
  const seconds = (acked - started) / 1000;
  const expected = await ownersHaveAll();
  const caughtUp = performance.now() - acked;
  const missing = owners.reduce((sum, l) => sum + Math.max(0, expected - l.events), 0);
  const received = open.reduce((sum, l) => sum + l.events, 0) - receivedBefore;
  const cut = open.filter((l) => l.ended).length;
  for (const l of open) l.close();
  for (const agent of agents) agent.destroy();
  const total = clients * perClient;
  const events = (await serverSeq(baseUrl)) - seqBefore;
  return [
    { name: `HTTP, ${clients} clients (node:http keep-alive) + ${listeners} SSE listeners`, value: Math.round(total / seconds), unit: 'commands/s' },
    { name: '  latency p50', value: round(percentile(latencies, 50)), unit: 'ms' },
    { name: '  latency p99', value: round(percentile(latencies, 99)), unit: 'ms' },
    { name: '  refused (should be 0)', value: refused, unit: '' },
    { name: `  events (${total} commands: ${events} events) the listeners received`, value: received, unit: 'events' },
    { name: '  the last owner listener has them all, after the last ack', value: round(caughtUp), unit: 'ms' },
    { name: '  events owner listeners missed (should be 0)', value: missing, unit: '' },
    { name: '  streams cut (should be 0)', value: cut, unit: '' },
  ];
}
export { edge } from './edge.node.js';

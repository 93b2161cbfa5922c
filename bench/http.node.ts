/**
 * Node-side benchmarks of HttpTransport against the real reference server
 * (bench/run.mjs starts it on loopback with a temporary database and passes
 * its URL): commands per second with p50/p99 latency, and fan-out of one
 * event to 50 connected streams. No DOM needed: fetch, streams and
 * TextDecoder are Node's.
 */
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

/** `total` commands from one HttpTransport, `concurrency` at a time. */
export async function http(baseUrl: string, total = 2000, concurrency = 8): Promise<Row[]> {
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
    { name: `HTTP commands, ${total} at concurrency ${concurrency}, per second`, value: Math.round(total / seconds), unit: 'commands/s' },
    { name: 'HTTP command latency p50', value: round(percentile(latencies, 50)), unit: 'ms' },
    { name: 'HTTP command latency p99', value: round(percentile(latencies, 99)), unit: 'ms' },
    { name: 'HTTP commands refused (should be 0)', value: refused, unit: '' },
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

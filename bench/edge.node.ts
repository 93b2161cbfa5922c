/**
 * The inbound edge under load (bench/run.mjs `edge`): a provider posting
 * inbound messages to POST /api/channels/:channelId/messages with its
 * integration token, as raw HTTP (fetch, keep-alive), `concurrency` at a
 * time, from 200 distinct numbers (the first message of each makes a
 * contact and a conversation; later ones continue them). Each is applied
 * through the rules, persisted and fanned out like any command.
 */
import { percentile, round, type Row } from './harness.js';

export async function edge(baseUrl: string, token: string, total = 2000, concurrency = 16): Promise<Row[]> {
  const run = Date.now().toString(36);
  const latencies: number[] = [];
  let refused = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        const response = await fetch(`${baseUrl}/api/channels/ch-sms/messages`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ id: `bench-${run}-${i}`, from: `+1415555${String(1000 + (i % 200))}`, body: `Inbound ${i}` }),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - t);
        if (!response.ok) refused++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return [
    { name: `inbound edge: ${total} messages at concurrency ${concurrency}, per second`, value: Math.round(total / seconds), unit: 'messages/s' },
    { name: 'inbound edge latency p50', value: round(percentile(latencies, 50)), unit: 'ms' },
    { name: 'inbound edge latency p99', value: round(percentile(latencies, 99)), unit: 'ms' },
    { name: 'inbound edge refused (should be 0)', value: refused, unit: '' },
  ];
}

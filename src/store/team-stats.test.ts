import { expect } from '@open-wc/testing';
import { MemoryBackend } from '../backend/memory-backend.js';
import { MemoryTransport } from '../transport/memory/memory-transport.js';
import type { Transport } from '../transport/transport.js';
import type { StoreError } from './inbox-store.js';
import { InboxStore } from './inbox-store.js';
import { NoTeamStatsError } from './team-stats.js';

const DAY = 86_400_000;
const storeOn = (transport: Transport, userId: string) => new InboxStore({ transport, userId, schedule: (f) => queueMicrotask(f) });

describe('InboxStore team stats (R28)', () => {
  it('R28 asks the transport as its user and hands back the checked figures; the self agent gets fewer than the owner (R14)', async () => {
    const backend = new MemoryBackend({ demo: { conversations: 200, seed: 7 } });
    const ana = storeOn(new MemoryTransport({ backend }), 'u-ana');
    const sam = storeOn(new MemoryTransport({ backend }), 'u-sam');
    const now = backend.now();
    const request = { from: now - 30 * DAY, to: now + DAY, timeZone: 'UTC' };
    const [all, own] = await Promise.all([ana.teamStats(request), sam.teamStats(request)]);
    expect(all.volume.byDay).to.have.length(32, '31 days from a time of day touch 32 dates');
    expect(all.volume.total).to.be.greaterThan(own.volume.total);
    expect(own.volume.byAgent.map((b) => b.key)).to.include('u-sam');
    expect(all.firstResponse.count).to.be.greaterThan(0);
    ana.destroy();
    sam.destroy();
  });

  it('R28 reports a malformed answer on errors$ and rejects; a refusal rejects with its reason; no stats rejects as such', async () => {
    const backend = new MemoryBackend({ demo: { conversations: 50, seed: 3 } });
    const memory = new MemoryTransport({ backend });
    const without: Transport = {
      connect: (request) => memory.connect(request),
      send: (command, actor) => memory.send(command, actor),
      timeline: (request, actor) => memory.timeline(request, actor),
    };
    const lying: Transport = { ...without, teamStats: () => Promise.resolve({ from: 1, to: 2, completion: { done: 5, total: 1 } }) };
    const store = storeOn(lying, 'u-ana');
    const errors: StoreError[] = [];
    store.errors$.subscribe((e) => errors.push(e));
    const request = { from: 0, to: DAY, timeZone: 'UTC' };
    const failed = await store.teamStats(request).then(() => null, (e: unknown) => e);
    expect(String(failed)).to.match(/team stats/);
    expect(errors.map((e) => e.kind)).to.deep.equal(['protocol']);

    const refused = await storeOn(memory, 'u-ana').teamStats({ from: DAY, to: 0, timeZone: 'UTC' }).then(() => null, (e: unknown) => e);
    expect(String(refused)).to.match(/after/);

    const none = await storeOn(without, 'u-ana').teamStats(request).then(() => null, (e: unknown) => e);
    expect(none).to.be.instanceOf(NoTeamStatsError);
    expect(errors).to.have.length(1, 'no stats is not a protocol error');
    store.destroy();
  });
});

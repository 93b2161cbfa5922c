import { expect } from '@open-wc/testing';
import { InboxStore } from '../src/store/inbox-store.js';
import { RealServer, USERS } from './real-server.js';

async function until(check: () => boolean, what: string, timeout: number): Promise<void> {
  const end = performance.now() + timeout;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Issue 12, rate limits as an agent meets them: commands past the server's
 * rate get 429 with Retry-After; HttpTransport hands the wait to the store,
 * which resends no sooner, and no command is lost.
 */
describe('rate limits on the reference server', () => {
  let server: RealServer;
  before(async () => {
    server = await RealServer.start({ args: ['--seed-conversations', '200', '--rate', '2'] });
  });
  after(() => server.stop());

  it('keeps every command past the rate, waits as the server asks, and applies each once', async function () {
    this.timeout(30_000);
    const sent: number[] = []; // when each command request left
    const limited: number[] = []; // when each 429 came back
    const fetch429: typeof fetch = async (input, init) => {
      const command = (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).endsWith('/api/commands');
      if (command) sent.push(performance.now());
      const response = await fetch(input, init);
      if (command && response.status === 429) limited.push(performance.now());
      return response;
    };
    const store = new InboxStore({ transport: server.transport(USERS.owner, 0, { fetch: fetch429 }), userId: USERS.owner });
    await store.ready;
    const ids = store.selectors.list(store.state).filter((c) => c.status === 'open').slice(0, 8).map((c) => c.id);
    expect(ids.length).to.equal(8);
    for (const id of ids) expect(store.dispatch('setPriority', { ids: [id], priority: 'urgent' }).ok).to.equal(true);
    await until(() => store.state.pending.length === 0, 'every command answered', 25_000);
    expect(limited.length, 'some commands met the limit (burst 4)').to.be.greaterThan(0);
    // The first 8 requests are the commands; those after are resends, none sooner than the second asked for.
    const resent = sent.slice(8);
    expect(resent.length, 'the limited commands were sent again').to.be.greaterThan(0);
    expect(resent[0]! - limited[0]!, 'waited for Retry-After (1 s)').to.be.at.least(950);

    const lea = new InboxStore({ transport: server.transport(USERS.agentAll), userId: USERS.agentAll });
    await lea.ready;
    for (const id of ids) expect(lea.state.model.conversations.get(id)?.priority, id).to.equal('urgent');
    store.destroy();
    lea.destroy();
  });
});

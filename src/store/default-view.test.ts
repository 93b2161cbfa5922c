import { expect } from '@open-wc/testing';
import { InboxStore } from './inbox-store.js';
import { MemoryTransport } from '../transport/memory/memory-transport.js';
import { DEMO_USER_IDS } from '../backend/demo-defaults.js';

/** R14: nobody lands on "No conversations" with no view selected. */
describe('the view a store starts on', () => {
  const stores: InboxStore[] = [];
  const storeFor = async (userId: string) => {
    const store = new InboxStore({ transport: new MemoryTransport({ demo: true, conversations: 300 }), userId });
    stores.push(store);
    await store.ready;
    return store;
  };
  afterEach(() => stores.splice(0).forEach((s) => s.destroy()));

  it('R14 an agent with visibility self lands on Mine, with their conversations', async () => {
    const store = await storeFor(DEMO_USER_IDS.agentSelf);
    expect(store.state.ui.view).to.equal('mine');
    expect(store.selectors.list(store.state).length).to.be.above(0);
  });

  it('R14 an owner stays on All; a view asked for by a link that the user may not open gives way', async () => {
    const owner = await storeFor(DEMO_USER_IDS.owner);
    expect(owner.state.ui.view).to.equal('all');
    const team = new InboxStore({ transport: new MemoryTransport({ demo: true, conversations: 300 }), userId: DEMO_USER_IDS.agentTeam });
    stores.push(team);
    team.setView('unassigned');
    await team.ready;
    expect(team.state.ui.view).to.not.equal('unassigned');
    expect(team.selectors.views(team.state)[0]!.id).to.equal(team.state.ui.view);
  });
});

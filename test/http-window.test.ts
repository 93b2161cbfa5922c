import { expect, waitUntil } from '@open-wc/testing';
import { canSeeConversation } from '../src/model/permissions.js';
import { InboxStore } from '../src/store/inbox-store.js';
import { FIRST_PAGE } from '../src/store/window.js';
import type { Conversation, Id } from '../src/model/types.js';
import type { QueryResult } from '../src/transport/transport.js';
import { RealServer, USERS } from './real-server.js';

/**
 * Issue 13's windowed store over HTTP on the reference server started with
 * a low --window-from, on each storage (PostgreSQL answers the pages in
 * SQL): the stream's snapshot brings no conversations, the store pages the
 * list through POST /api/query, and live events from the server patch the
 * window.
 */
let server: RealServer;
/** Every row of the store's current query, read page by page from the server as a raw client would. */
async function wholeList(store: InboxStore, userId: Id): Promise<Id[]> {
  const transport = server.transport(userId);
  const { view, tab, filters, search, sort } = store.state.ui;
  const rows: Id[] = [];
  let cursor: string | null = null;
  do {
    const page = (await transport.query({ query: { view, tab, filters, search, sort }, cursor, limit: 500 }, userId)) as QueryResult;
    rows.push(...page.conversations.map((c) => c.id));
    cursor = page.next;
  } while (cursor !== null);
  return rows;
}

const ids = (list: readonly Conversation[]) => list.map((c) => c.id);

for (const storage of ['sqlite', 'postgres'] as const) describe(`windowed store over HTTP (issue 13), ${storage}`, () => {
  before(async () => {
    server = await RealServer.start({ args: ['--seed-conversations', '600', '--window-from', '100'], storage });
  });

  after(async () => {
    await server.stop();
  });

  it('holds the first page, pages to the end in the server\'s order, and shows a live change in place', async () => {
    const store = new InboxStore({ transport: server.transport(USERS.owner), userId: USERS.owner });
    await store.ready;
    expect(store.state.window).to.not.equal(null);
    const all = await wholeList(store, USERS.owner);
    expect(all.length).to.be.greaterThan(FIRST_PAGE);
    expect(ids(store.selectors.list(store.state))).to.deep.equal(all.slice(0, FIRST_PAGE));
    expect(store.state.window!.total).to.equal(all.length);
    expect(store.selectors.counts(store.state).get('all')).to.be.a('number');

    for (let guard = 0; guard < 20 && store.state.window!.next !== null; guard++) {
      store.showing(store.selectors.list(store.state).length - 1);
      await waitUntil(() => !store.state.window!.loading, 'a page', { timeout: 5000 });
    }
    expect(ids(store.selectors.list(store.state))).to.deep.equal(all);

    // A new message on the last row, from the outside world: it comes up among the first rows.
    const last = store.state.model.conversations.get(all.at(-1)!)!;
    const ack = await server.inject({
      id: 'cmd-window-live',
      type: 'receiveMessage',
      args: { conversationId: last.id, itemId: 'it-window-live', contactId: last.contactId, channelId: last.channelId, body: 'Any news?' },
    });
    expect(ack.ok).to.equal(true);
    await waitUntil(() => ids(store.selectors.list(store.state)).indexOf(last.id) < 20, 'the live change', { timeout: 5000 });
    expect(ids(store.selectors.list(store.state))).to.deep.equal(await wholeList(store, USERS.owner));
    store.destroy();
  });

  it('gives a self agent only their own rows (R14)', async () => {
    const store = new InboxStore({ transport: server.transport(USERS.agentSelf), userId: USERS.agentSelf });
    await store.ready;
    const mine = await wholeList(store, USERS.agentSelf);
    // Below the threshold, a self agent's store holds everything they may see; either way the rows are theirs.
    for (let guard = 0; guard < 20 && store.state.window && store.state.window.next !== null; guard++) {
      store.showing(store.selectors.list(store.state).length - 1);
      await waitUntil(() => !store.state.window!.loading, 'a page', { timeout: 5000 });
    }
    expect(ids(store.selectors.list(store.state))).to.deep.equal(mine);
    const self = store.state.model.users.get(USERS.agentSelf)!;
    for (const c of store.state.model.conversations.values()) expect(canSeeConversation(store.state.model, self, c), c.id).to.equal(true);
    store.destroy();
  });
});

import { expect, waitUntil } from '@open-wc/testing';
import { canSeeConversation } from '../model/permissions.js';
import { MemoryBackend } from '../backend/memory-backend.js';
import { DEMO_USER_IDS } from '../backend/demo-defaults.js';
import { openCounts } from '../model/indicators.js';
import { DEFAULT_QUERY, runQuery, type Query } from '../model/query.js';
import type { Conversation, Id } from '../model/types.js';
import { MemoryTransport } from '../transport/memory/memory-transport.js';
import type { Transport } from '../transport/transport.js';
import { InboxStore, type StoreError } from './inbox-store.js';
import { AHEAD, FIRST_PAGE, REFRESH_MS } from './window.js';

/**
 * Issue 13's windowed store, over the in-page memory backend: past the
 * backend's threshold the snapshot brings no conversations, and the store
 * holds the pages of the current query, the conversations live events
 * brought and what the agent works on; the list is the same as a store that
 * holds everything would show, as far as it is loaded.
 */

const CONVERSATIONS = 1200;
const owner = DEMO_USER_IDS.owner;

function world(windowFrom = 100): { backend: MemoryBackend; store: InboxStore; errors: StoreError[] } {
  const backend = new MemoryBackend({ demo: { conversations: CONVERSATIONS }, windowFrom });
  const store = new InboxStore({ transport: new MemoryTransport({ backend }), userId: owner, schedule: (flush) => setTimeout(flush) });
  const errors: StoreError[] = [];
  store.errors$.subscribe((error) => errors.push(error));
  return { backend, store, errors };
}

/** The ids the backend's whole list holds for `query`, in order: what a store holding everything shows. */
function expected(backend: MemoryBackend, query: Query, userId: Id = owner): Id[] {
  const user = backend.state.users.get(userId)!;
  return runQuery(backend.state, query, user, Date.now()).map((c) => c.id);
}

const ids = (list: readonly Conversation[]) => list.map((c) => c.id);
const queryOf = (store: InboxStore): Query => {
  const { view, tab, filters, search, sort } = store.state.ui;
  return { view, tab, filters, search, sort };
};

/** Asks for pages the way inbox-list does as it scrolls, until the store has them all. */
async function scrollToEnd(store: InboxStore): Promise<void> {
  for (let guard = 0; guard < 50 && store.state.window?.next !== null; guard++) {
    const shown = store.selectors.list(store.state).length;
    store.showing(shown - 1);
    await waitUntil(() => store.state.window?.loading === false, 'a page did not arrive', { timeout: 4000 });
  }
}

describe('windowed store (issue 13)', () => {
  it('holds only the first page past the threshold, in the order a whole store would show, with the backend\'s counts', async () => {
    const { backend, store, errors } = world();
    await store.ready;
    const window = store.state.window;
    expect(window, 'a window').to.not.equal(null);
    const all = expected(backend, queryOf(store));
    expect(all.length).to.be.greaterThan(FIRST_PAGE);
    expect(ids(store.selectors.list(store.state))).to.deep.equal(all.slice(0, FIRST_PAGE));
    expect(window!.total).to.equal(all.length);
    expect(store.state.model.conversations.size).to.equal(FIRST_PAGE);
    // Each row's contact came with its page.
    for (const c of store.selectors.list(store.state)) expect(store.state.model.contacts.has(c.contactId), c.contactId).to.equal(true);
    const user = backend.state.users.get(owner)!;
    expect([...store.selectors.counts(store.state)]).to.deep.equal([...openCounts(backend.state, user, Date.now())]);
    expect(errors).to.deep.equal([]);
    store.destroy();
  });

  it('loads the next pages as the list nears its end, each row once, until the whole list is there', async () => {
    const { backend, store } = world();
    await store.ready;
    await scrollToEnd(store);
    expect(store.state.window!.next).to.equal(null);
    expect(ids(store.selectors.list(store.state))).to.deep.equal(expected(backend, queryOf(store)));
    store.destroy();
  });

  it('does not load a page while the list shows rows far from the end', async () => {
    const { store } = world();
    await store.ready;
    store.showing(0);
    store.showing(FIRST_PAGE - AHEAD - 1);
    expect(store.state.window!.loading).to.equal(false);
    expect(store.selectors.list(store.state).length).to.equal(FIRST_PAGE);
    store.destroy();
  });

  it('answers a new view, tab, sort and search with their first page, and lets go of what the last query held', async () => {
    const { backend, store } = world();
    await store.ready;
    await scrollToEnd(store);
    const queries: Partial<Query>[] = [
      { tab: 'done' },
      { tab: 'open', sort: 'oldest' },
      { sort: 'priority', view: 'unassigned' },
      { view: 'all', sort: 'newest', search: 'a' },
      { ...DEFAULT_QUERY },
    ];
    for (const change of queries) {
      store.setQuery(change);
      const key = JSON.stringify(queryOf(store));
      await waitUntil(() => store.state.window?.loading === false && JSON.stringify(queryOf(store)) === key, 'no first page', { timeout: 4000 });
      const all = expected(backend, queryOf(store));
      expect(ids(store.selectors.list(store.state)), JSON.stringify(change)).to.deep.equal(all.slice(0, FIRST_PAGE));
      expect(store.state.window!.total).to.equal(all.length);
      expect(store.state.model.conversations.size, 'held').to.be.at.most(FIRST_PAGE);
    }
    store.destroy();
  });

  it('keeps the open conversation when a new query lets go of the rest', async () => {
    const { store } = world();
    await store.ready;
    const open = store.selectors.list(store.state)[3]!;
    store.openConversation(open.id);
    store.setTab('done');
    await waitUntil(() => store.state.window?.loading === false && store.state.ui.tab === 'done');
    expect(store.state.model.conversations.get(open.id)?.id).to.equal(open.id);
    expect(store.state.model.contacts.has(open.contactId)).to.equal(true);
    store.destroy();
  });

  it('fetches by id an open conversation it does not hold (a link, a reload), with its contact, and keeps it', async () => {
    const { backend, store, errors } = world();
    await store.ready;
    const all = expected(backend, { ...queryOf(store), tab: 'done' });
    const far = backend.state.conversations.get(all.at(-1)!)!;
    expect(store.state.model.conversations.has(far.id)).to.equal(false);
    store.openConversation(far.id);
    await waitUntil(() => store.state.model.conversations.has(far.id), 'the open conversation was not fetched');
    expect(store.state.model.contacts.has(far.contactId)).to.equal(true);
    // Not a row of the Open tab: the list is unchanged.
    expect(ids(store.selectors.list(store.state))).to.not.include(far.id);
    store.setView('unassigned');
    await waitUntil(() => store.state.window?.loading === false && store.state.ui.view === 'unassigned');
    expect(store.state.model.conversations.has(far.id), 'kept while open').to.equal(true);
    expect(errors).to.deep.equal([]);
    store.destroy();
  });

  it('fetches nothing for a self agent who opens a conversation they may not see (R14)', async () => {
    const backend = new MemoryBackend({ demo: { conversations: CONVERSATIONS }, windowFrom: 10 });
    const store = new InboxStore({ transport: new MemoryTransport({ backend }), userId: DEMO_USER_IDS.agentSelf });
    await store.ready;
    const self = backend.state.users.get(DEMO_USER_IDS.agentSelf)!;
    const hidden = [...backend.state.conversations.values()].find((c) => !canSeeConversation(backend.state, self, c))!;
    const asked: unknown[] = [];
    const query = backend.query.bind(backend);
    backend.query = (request, actorId) => {
      asked.push(request.ids);
      return query(request, actorId);
    };
    store.openConversation(hidden.id);
    await waitUntil(() => asked.some((named) => Array.isArray(named) && named.includes(hidden.id)), 'not asked for');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.state.model.conversations.has(hidden.id)).to.equal(false);
    expect(store.state.model.contacts.has(hidden.contactId)).to.equal(false);
    store.destroy();
  });

  it('shows in place a conversation a live event brings into the query, and fetches its contact (R17)', async () => {
    const { backend, store } = world();
    await store.ready;
    const all = expected(backend, queryOf(store));
    // A conversation far past the first page, not held, gets a new inbound message: newest first, it comes up among the first rows.
    const far = backend.state.conversations.get(all[all.length - 1]!)!;
    expect(store.state.model.conversations.has(far.id)).to.equal(false);
    const contacts = store.state.model.contacts;
    const ack = backend.inject({
      id: 'cmd-live-1',
      type: 'receiveMessage',
      args: { conversationId: far.id, itemId: 'it-live-1', contactId: far.contactId, channelId: far.channelId, body: 'Still there?' },
    });
    expect(ack.ok, JSON.stringify(ack)).to.equal(true);
    await waitUntil(() => ids(store.selectors.list(store.state)).includes(far.id), 'the conversation did not come in');
    expect(ids(store.selectors.list(store.state)).indexOf(far.id)).to.be.below(20);
    expect(ids(store.selectors.list(store.state))).to.deep.equal(expected(backend, queryOf(store)).slice(0, FIRST_PAGE + 1));
    if (!contacts.has(far.contactId)) {
      await waitUntil(() => store.state.model.contacts.has(far.contactId), 'the row\'s contact was not fetched', { timeout: 4000 });
    }
    store.destroy();
  });

  it('lets go of what live events brought outside the list, and follows the backend\'s counts, after a refresh', async () => {
    const { backend, store } = world();
    store.setTab('done');
    await store.ready;
    await waitUntil(() => store.state.window?.loading === false && store.state.window.key.includes('done'));
    const shown = new Set(ids(store.selectors.list(store.state)));
    // Traffic on open conversations, which the Done tab does not show: each comes into the store with its event.
    const open = expected(backend, { ...queryOf(store), tab: 'open' }).slice(0, 40);
    for (const [n, id] of open.entries()) {
      const c = backend.state.conversations.get(id)!;
      backend.inject({ id: `cmd-traffic-${n}`, type: 'receiveMessage', args: { conversationId: id, itemId: `it-traffic-${n}`, contactId: c.contactId, channelId: c.channelId, body: 'ping' } });
    }
    await waitUntil(() => open.every((id) => store.state.model.conversations.has(id)), 'the events did not arrive');
    const user = backend.state.users.get(owner)!;
    await waitUntil(() => !open.some((id) => store.state.model.conversations.has(id)), 'the store kept them', { timeout: REFRESH_MS + 3000 });
    expect(ids(store.selectors.list(store.state))).to.deep.equal([...shown]);
    expect([...store.selectors.counts(store.state)]).to.deep.equal([...openCounts(backend.state, user, Date.now())]);
    store.destroy();
  });

  it('takes a row out at once when the agent marks it done, and when another agent does (R17)', async () => {
    const { backend, store } = world();
    await store.ready;
    const [first, second] = store.selectors.list(store.state);
    store.dispatch('markDone', { ids: [first!.id] });
    expect(ids(store.selectors.list(store.state))).to.not.include(first!.id);
    backend.send({ id: 'cmd-other-done', type: 'markDone', args: { ids: [second!.id] } }, DEMO_USER_IDS.agentAll);
    await waitUntil(() => !ids(store.selectors.list(store.state)).includes(second!.id), 'the other agent\'s change did not show');
    await waitUntil(() => store.state.pending.length === 0);
    const all = expected(backend, queryOf(store));
    const list = ids(store.selectors.list(store.state));
    expect(list).to.deep.equal(all.slice(0, list.length));
    store.destroy();
  });

  it('gives a self agent only their own conversations, page after page (R14)', async () => {
    const backend = new MemoryBackend({ demo: { conversations: CONVERSATIONS }, windowFrom: 10 });
    const store = new InboxStore({ transport: new MemoryTransport({ backend }), userId: DEMO_USER_IDS.agentSelf });
    await store.ready;
    expect(store.state.window).to.not.equal(null);
    await scrollToEnd(store);
    const mine = expected(backend, queryOf(store), DEMO_USER_IDS.agentSelf);
    expect(ids(store.selectors.list(store.state))).to.deep.equal(mine);
    const self = backend.state.users.get(DEMO_USER_IDS.agentSelf)!;
    for (const c of store.state.model.conversations.values()) expect(canSeeConversation(backend.state, self, c), c.id).to.equal(true);
    store.destroy();
  });

  it('holds everything below the threshold, as before', async () => {
    const { backend, store } = world(CONVERSATIONS + 1);
    await store.ready;
    expect(store.state.window).to.equal(null);
    expect(store.state.model.conversations.size).to.equal(backend.state.conversations.size);
    store.destroy();
  });

  it('reports a malformed page and keeps its state valid; the next query works', async () => {
    const backend = new MemoryBackend({ demo: { conversations: CONVERSATIONS }, windowFrom: 100 });
    const inner = new MemoryTransport({ backend });
    let garble = true;
    const transport: Transport = {
      connect: (request) => inner.connect(request),
      send: (command, actorId) => inner.send(command, actorId),
      timeline: (request, actorId) => inner.timeline(request, actorId),
      query: async (request, actorId) => {
        const page = (await inner.query(request, actorId)) as { total: number };
        return garble ? { ...page, total: -1 } : page;
      },
    };
    const store = new InboxStore({ transport, userId: owner });
    const errors: StoreError[] = [];
    store.errors$.subscribe((error) => errors.push(error));
    await waitUntil(() => errors.length > 0, 'no error reported');
    expect(errors[0]!.kind).to.equal('transport');
    expect(errors[0]!.kind === 'transport' && errors[0]!.message).to.match(/total/);
    expect(store.selectors.list(store.state)).to.deep.equal([]);
    expect(store.state.model.conversations.size).to.equal(0);
    garble = false;
    store.setTab('done');
    await store.ready;
    expect(ids(store.selectors.list(store.state))).to.deep.equal(expected(backend, queryOf(store)).slice(0, FIRST_PAGE));
    store.destroy();
  });
});

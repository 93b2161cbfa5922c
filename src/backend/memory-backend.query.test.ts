import { expect } from '@open-wc/testing';
import { openCounts } from '../model/indicators.js';
import { runQuery, type Query } from '../model/query.js';
import { SORT_ORDERS } from '../model/sort.js';
import type { QueryResult } from '../protocol/wire.js';
import { DEMO_USER_IDS } from './demo-defaults.js';
import { MemoryBackend } from './memory-backend.js';

/**
 * MemoryBackend.query keeps each user's query lists and patches them after
 * a change (model/query.ts patchList) rather than querying every
 * conversation again: the pages must stay what a fresh runQuery says,
 * whatever changed in between (R14, R16, R17).
 */

function pages(backend: MemoryBackend, query: Query, userId: string): { ids: string[]; first: QueryResult } {
  const ids: string[] = [];
  let cursor: string | null = null;
  let first: QueryResult | null = null;
  for (let n = 0; n < 100; n++) {
    const page = backend.query({ query, cursor, limit: 150 }, userId);
    first ??= page;
    ids.push(...page.conversations.map((c) => c.id));
    if (page.next === null) return { ids, first };
    cursor = page.next;
  }
  throw new Error('too many pages');
}

describe('MemoryBackend.query after changes (issue 13)', () => {
  it('R16 R17 answers what a fresh query says after every round of changes, for each user and order, from its kept lists', () => {
    let clock = Date.now();
    const backend = new MemoryBackend({ demo: { conversations: 800, seed: 5 }, now: () => clock });
    const users = [DEMO_USER_IDS.owner, DEMO_USER_IDS.agentTeam, DEMO_USER_IDS.agentSelf];
    const queries: Query[] = SORT_ORDERS.flatMap((sort) => [
      { view: 'all', tab: 'open', filters: {}, search: '', sort },
      { view: 'mine', tab: 'unread', filters: {}, search: '', sort },
      { view: 'unassigned', tab: 'done', filters: { priorities: ['high', 'urgent'] }, search: '', sort },
    ]);
    const ids = [...backend.state.conversations.keys()];
    let n = 0;
    for (let round = 0; round < 6; round++) {
      for (const userId of users) {
        const user = backend.state.users.get(userId)!;
        for (const query of queries) {
          const fresh = runQuery(backend.state, query, user, clock).map((c) => c.id);
          expect(pages(backend, query, userId).ids, `round ${round}, ${userId}, ${JSON.stringify(query)}`).to.deep.equal(fresh);
        }
      }
      // A round of changes: done, reopened, reprioritised, assigned, a new inbound message.
      for (let i = 0; i < 25; i++) {
        const id = ids[(round * 97 + i * 31) % ids.length]!;
        const c = backend.state.conversations.get(id);
        if (!c) continue;
        clock += 1000;
        const commands = [
          { type: 'markDone', args: { ids: [id] } },
          { type: 'reopen', args: { ids: [id] } },
          { type: 'setPriority', args: { ids: [id], priority: i % 2 ? 'high' : 'low' } },
          { type: 'assign', args: { ids: [id], assignee: i % 3 ? { type: 'user', id: DEMO_USER_IDS.agentSelf } : null } },
        ] as const;
        backend.send({ id: `cmd-q-${n++}`, ...commands[i % commands.length] }, DEMO_USER_IDS.owner);
        backend.inject({ id: `cmd-q-${n++}`, type: 'receiveMessage', args: { conversationId: id, itemId: `it-q-${n}`, contactId: c.contactId, channelId: c.channelId, body: 'hello' } });
      }
    }
  });

  it('R15 sends the sidebar\'s counts with a first page, at most a second old while the state changes', () => {
    let clock = Date.now();
    const backend = new MemoryBackend({ demo: { conversations: 400, seed: 6 }, now: () => clock });
    const query: Query = { view: 'all', tab: 'open', filters: {}, search: '', sort: 'newest' };
    const owner = () => backend.state.users.get(DEMO_USER_IDS.owner)!;
    const first = backend.query({ query, cursor: null, limit: 10 }, DEMO_USER_IDS.owner);
    expect(first.counts).to.deep.equal(Object.fromEntries(openCounts(backend.state, owner(), clock)));
    expect(backend.query({ query, cursor: first.next, limit: 10 }, DEMO_USER_IDS.owner).counts, 'not on a later page').to.equal(undefined);
    // A change within the second: the last counts; past it, the state's.
    clock += 200;
    backend.send({ id: 'cmd-c-1', type: 'markDone', args: { ids: [first.conversations[0]!.id] } }, DEMO_USER_IDS.owner);
    const fresh = Object.fromEntries(openCounts(backend.state, owner(), clock));
    expect(fresh, 'the change moved a count').to.not.deep.equal(first.counts);
    expect(backend.query({ query, cursor: null, limit: 10 }, DEMO_USER_IDS.owner).counts).to.deep.equal(first.counts);
    clock += 1000;
    expect(backend.query({ query, cursor: null, limit: 10 }, DEMO_USER_IDS.owner).counts).to.deep.equal(Object.fromEntries(openCounts(backend.state, owner(), clock)));
  });
});

import { expect } from '@open-wc/testing';
import { HOUR, makeConversation, T0 } from './fixtures.js';
import { DEFAULT_QUERY, runQuery, type Query } from './query.js';
import { canSeeConversation } from './permissions.js';
import { conversationsByIds, MAX_PAGE, parseCursor, queryPage, type QueryPage } from './query-page.js';
import { randomState } from './random-state.js';
import { comparator, SORT_ORDERS } from './sort.js';
import { reduce } from './state.js';
import type { InboxState, User } from './types.js';

/** Every page of `query` for `user`, `limit` rows each, joined. */
function allPages(state: InboxState, query: Query, user: User, limit: number): string[] {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 1000; n++) {
    const page: QueryPage = queryPage(state, query, user, T0, cursor, limit)!;
    expect(page.total).to.equal(runQuery(state, query, user, T0).length);
    expect(page.conversations.length).to.be.at.most(limit);
    ids.push(...page.conversations.map((c) => c.id));
    if (page.next === null) return ids;
    cursor = page.next;
  }
  throw new Error('too many pages');
}

describe('a query a page at a time (issue 13)', () => {
  const state = randomState(11, 300);
  const user = (id: string) => state.users.get(id)!;

  for (const order of SORT_ORDERS) {
    it(`R16 the pages, joined, are the query's list, in order (${order})`, () => {
      for (const query of [
        { ...DEFAULT_QUERY, sort: order },
        { ...DEFAULT_QUERY, sort: order, tab: 'done' as const },
        { ...DEFAULT_QUERY, sort: order, view: 'unassigned' as const, filters: { priorities: ['high' as const, 'urgent' as const] } },
      ]) {
        const list = runQuery(state, query, user('u-owner'), T0).map((c) => c.id);
        for (const limit of [1, 7, 50, 1000]) expect(allPages(state, query, user('u-owner'), limit), `limit ${limit}`).to.deep.equal(list);
      }
    });
  }

  it('R14 an agent with visibility self pages through theirs only, and counts theirs', () => {
    const self = user('u-self');
    const query: Query = { ...DEFAULT_QUERY, view: 'mine' };
    const ids = allPages(state, query, self, 5);
    expect(ids).to.deep.equal(runQuery(state, query, self, T0).map((c) => c.id));
    for (const id of ids) expect(state.conversations.get(id)!.assignee).to.deep.equal({ type: 'user', id: 'u-self' });
  });

  it('R17 a page after changes goes on after the last row seen: rows that stayed neither repeat nor go missing', () => {
    const owner = user('u-owner');
    const first = queryPage(state, DEFAULT_QUERY, owner, T0, null, 10)!;
    const seen = first.conversations.map((c) => c.id);
    const before = runQuery(state, DEFAULT_QUERY, owner, T0).map((c) => c.id);
    // Meanwhile: two new conversations arrive on top, one of the first page and one of the next leave
    // (an offset would now repeat a row of the first page).
    let changed = state;
    for (const id of ['c-new', 'c-new-2']) {
      changed = reduce(changed, { type: 'conversation.upserted', conversation: makeConversation({ id, lastMessage: { preview: '', at: T0 + HOUR, direction: 'in', kind: 'sms' } }) });
    }
    changed = reduce(changed, { type: 'conversation.deleted', id: seen[3]! });
    changed = reduce(changed, { type: 'conversation.deleted', id: before[12]! });
    const second = queryPage(changed, DEFAULT_QUERY, owner, T0, first.next, 10)!;
    const expected = before.slice(10).filter((id) => id !== before[12]).slice(0, 10);
    expect(second.conversations.map((c) => c.id)).to.deep.equal(expected);
    expect(second.total).to.equal(before.length);
  });

  it('R16 rows with the same place in the order split across pages by id, as the list orders them', () => {
    const at = T0 - 2 * HOUR;
    let tied = state;
    for (const id of ['t-5', 't-1', 't-3', 't-2', 't-4']) {
      tied = reduce(tied, { type: 'conversation.upserted', conversation: makeConversation({ id, lastMessage: { preview: '', at, direction: 'in', kind: 'sms' } }) });
    }
    const query: Query = { ...DEFAULT_QUERY, search: '' };
    const all = runQuery(tied, query, user('u-owner'), T0).map((c) => c.id);
    expect(all.filter((id) => id.startsWith('t-'))).to.deep.equal(['t-1', 't-2', 't-3', 't-4', 't-5']);
    expect(allPages(tied, query, user('u-owner'), 2)).to.deep.equal(all);
  });

  it('a cursor it did not make is refused; a limit is held between 1 and MAX_PAGE', () => {
    const owner = user('u-owner');
    for (const bad of ['', 'abc', ':c-1', '12:', 'NaN:c-1', 'Infinity:c-1']) {
      expect(queryPage(state, DEFAULT_QUERY, owner, T0, bad, 10), bad).to.equal(null);
      expect(parseCursor(bad), bad).to.equal(null);
    }
    expect(queryPage(state, DEFAULT_QUERY, owner, T0, null, 0)!.conversations).to.have.length(1);
    const many = randomState(3, 1200);
    const page = queryPage(many, { ...DEFAULT_QUERY, tab: 'open' }, many.users.get('u-owner')!, T0, null, 10_000)!;
    expect(page.conversations.length).to.equal(Math.min(MAX_PAGE, page.total));
  });
});

describe('conversations by ids (issue 13: what a windowed store opens without holding it)', () => {
  const state = randomState(12, 200);
  const user = (id: string) => state.users.get(id)!;
  const everyId = [...state.conversations.keys()];

  for (const order of SORT_ORDERS) {
    it(`R16 answers the named conversations once each in the query's order, whatever the view and tab (${order})`, () => {
      const named = [everyId[5]!, everyId[150]!, everyId[5]!, everyId[60]!, everyId[199]!];
      const query: Query = { ...DEFAULT_QUERY, sort: order, view: 'unassigned', tab: 'done', search: 'nothing matches this' };
      const found = conversationsByIds(state, query, user('u-owner'), named).map((c) => c.id);
      expect(new Set(found)).to.deep.equal(new Set(named));
      expect(found.length).to.equal(4);
      const sorted = [...found].sort((a, b) => comparator(order)(state.conversations.get(a)!, state.conversations.get(b)!));
      expect(found).to.deep.equal(sorted);
    });
  }

  it('R14 leaves out what the user may not see, exactly as an id that does not exist', () => {
    const self = user('u-self');
    const visible = everyId.filter((id) => canSeeConversation(state, self, state.conversations.get(id)!));
    const hidden = everyId.filter((id) => !visible.includes(id));
    expect(visible.length).to.be.greaterThan(0);
    expect(hidden.length).to.be.greaterThan(0);
    const found = conversationsByIds(state, DEFAULT_QUERY, self, [...hidden.slice(0, 20), 'c-missing', ...visible.slice(0, 3)]).map((c) => c.id);
    expect(new Set(found)).to.deep.equal(new Set(visible.slice(0, 3)));
    expect(conversationsByIds(state, DEFAULT_QUERY, self, hidden.slice(0, 20))).to.deep.equal([]);
    expect(conversationsByIds(state, DEFAULT_QUERY, self, ['c-missing'])).to.deep.equal([]);
  });

  it('R14 a deactivated user is answered nothing', () => {
    const gone = { ...user('u-owner'), active: false };
    expect(conversationsByIds(state, DEFAULT_QUERY, gone, everyId.slice(0, 10))).to.deep.equal([]);
  });
});

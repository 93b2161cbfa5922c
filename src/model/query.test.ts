import { expect } from '@open-wc/testing';
import { compileFilters } from './filters.js';
import { DAY, makeContact, makeConversation, makeState, makeUser, T0 } from './fixtures.js';
import { canSeeConversation } from './permissions.js';
import { compileQuery, countMatches, DEFAULT_QUERY, runQuery, type Query } from './query.js';
import { randomState } from './random-state.js';
import { matchesSearch } from './search.js';
import { comparator } from './sort.js';
import { reduce, reduceAll, stateFromSnapshot, toSnapshot } from './state.js';
import type { DomainEvent } from './events.js';
import { random } from './random-state.js';
import type { Conversation, Filters, InboxState, User } from './types.js';
import { canUseView, FOLDER_VIEWS, inView, sidebarViews, STATUS_TABS, viewContext, type ViewId } from './views.js';

const users = [
  makeUser({ id: 'u-owner', role: 'owner' }),
  makeUser({ id: 'u-ana', teamIds: ['t-1'] }),
  makeUser({ id: 'u-bob', teamIds: ['t-1'] }),
  makeUser({ id: 'u-team', visibility: 'team', teamIds: ['t-1'] }),
  makeUser({ id: 'u-self', visibility: 'self' }),
];
const teams = [{ id: 't-1', name: 'Support', memberIds: ['u-ana', 'u-bob', 'u-team'] }];
const contacts = [
  makeContact({ id: 'k-1', name: 'Zoé Martin', company: 'Acme' }),
  makeContact({ id: 'k-2', name: 'José García', company: 'Globex' }),
  makeContact({ id: 'k-blocked', name: 'Spammy', blocked: true }),
];
const c = (id: string, extra: Partial<Conversation> = {}) => makeConversation({ id, ...extra });
const toUser = (id: string) => ({ type: 'user', id }) as const;

const fixture = makeState({
  users,
  teams,
  contacts,
  conversations: [
    c('c-mine', { assignee: toUser('u-ana'), contactId: 'k-1', priority: 'high', lastMessage: { preview: 'facture', at: T0 - 1000, direction: 'in', kind: 'sms' } }),
    c('c-bob', { assignee: toUser('u-bob'), contactId: 'k-2', channelId: 'ch-email', priority: 'urgent' }),
    c('c-owner', { assignee: toUser('u-owner'), contactId: 'k-2', labels: ['vip'] }),
    c('c-none', { contactId: 'k-1', unread: true, pinned: true, lastMessage: { preview: 'pedido', at: T0 - 5000, direction: 'in', kind: 'sms' } }),
    c('c-done', { assignee: toUser('u-ana'), contactId: 'k-2', status: 'done', doneAt: T0 - DAY }),
    c('c-old-done', { assignee: toUser('u-ana'), contactId: 'k-1', status: 'done', doneAt: T0 - 200 * DAY, lastMessage: { preview: 'old', at: T0 - 200 * DAY, direction: 'in', kind: 'sms' } }),
    c('c-spam', { spam: true, contactId: 'k-2' }),
    c('c-trash', { trashedAt: T0, contactId: 'k-2' }),
    c('c-blocked', { contactId: 'k-blocked' }),
    c('c-mention', { assignee: toUser('u-owner'), mentions: ['u-self'], mentionsUnread: ['u-self'] }),
  ],
});
const user = (id: string, s: InboxState = fixture) => s.users.get(id)!;
const run = (query: Partial<Query>, userId = 'u-owner', s: InboxState = fixture) =>
  runQuery(s, { ...DEFAULT_QUERY, ...query }, user(userId, s), T0).map((x) => x.id);

describe('query', () => {
  it('R16 the default query lists All, open, newest first, pinned on top', () => {
    expect(DEFAULT_QUERY).to.deep.equal({ view: 'all', tab: 'open', filters: {}, search: '', sort: 'newest' });
    expect(run({})).to.deep.equal(['c-none', 'c-bob', 'c-mention', 'c-owner', 'c-mine']);
  });
  it('R14 an agent with visibility all sees every conversation of a view', () => {
    expect(run({}, 'u-ana')).to.have.members(['c-none', 'c-bob', 'c-owner', 'c-mention', 'c-mine']);
  });
  it('R14 an agent with visibility team sees only their team\'s conversations', () => {
    expect(run({}, 'u-team')).to.have.members(['c-bob', 'c-mine']);
  });
  it('R14 R20 an agent with visibility self sees only Mine, where mentions do not appear', () => {
    expect(run({}, 'u-self')).to.deep.equal([]);
    expect(run({ view: 'mentions' }, 'u-self')).to.deep.equal([]);
    expect(run({ view: 'mine' }, 'u-self')).to.deep.equal([]);
  });
  it('R14 a view the user may not open returns nothing', () => {
    expect(run({ view: 'unassigned' }, 'u-team')).to.deep.equal([]);
    expect(run({ view: 'blocked' }, 'u-ana')).to.deep.equal([]);
    expect(run({ view: 'blocked' }, 'u-owner')).to.deep.equal(['c-blocked']);
    expect(run({ view: 'saved:missing' })).to.deep.equal([]);
  });
  it('R3 the tabs narrow a view', () => {
    expect(run({ view: 'mine', tab: 'open' }, 'u-ana')).to.deep.equal(['c-mine']);
    expect(run({ view: 'mine', tab: 'done' }, 'u-ana')).to.deep.equal(['c-done']);
    expect(run({ view: 'all', tab: 'unread' }, 'u-ana')).to.deep.equal(['c-none']);
  });
  it('R13 old done conversations are reached through search and the date filter only', () => {
    expect(run({ view: 'done' })).to.deep.equal(['c-done']);
    expect(run({ view: 'done', search: 'zoe' })).to.deep.equal(['c-old-done']);
    expect(run({ view: 'mine', tab: 'done', search: 'old' }, 'u-ana')).to.deep.equal(['c-old-done']);
    expect(run({ view: 'done', filters: { from: T0 - 300 * DAY, to: T0 - 100 * DAY } })).to.deep.equal(['c-old-done']);
  });
  it('R6 R7 R8 the folders hold what the open views leave out', () => {
    expect(run({ view: 'spam' })).to.deep.equal(['c-spam']);
    expect(run({ view: 'trash' })).to.deep.equal(['c-trash']);
    expect(run({ view: 'blocked' })).to.deep.equal(['c-blocked']);
  });
  it('R6 R7 the hide filters let spam and trash into a view, and do not empty Spam and Trash', () => {
    expect(run({ filters: { hideSpam: false } })).to.include('c-spam');
    expect(run({ filters: { hideTrash: false } })).to.include('c-trash');
    expect(run({ filters: { hideSpam: false, hideTrash: false } })).to.not.include('c-blocked');
    expect(run({ view: 'spam', filters: { hideSpam: true } })).to.deep.equal(['c-spam']);
    expect(run({ view: 'trash', filters: { hideTrash: true } })).to.deep.equal(['c-trash']);
  });
  it('R19 filters and search combine with the view', () => {
    expect(run({ filters: { priorities: ['high', 'urgent'] } })).to.deep.equal(['c-bob', 'c-mine']);
    expect(run({ filters: { priorities: ['high', 'urgent'], channelKinds: ['sms'] } })).to.deep.equal(['c-mine']);
    expect(run({ filters: { companies: ['Globex'] }, search: 'garcia' })).to.deep.equal(['c-bob', 'c-owner']);
    expect(run({ filters: { labels: ['vip'] }, search: 'jose' })).to.deep.equal(['c-owner']);
    expect(run({ search: 'zoe facture' })).to.deep.equal(['c-mine']);
    expect(run({ view: 'team:t-1', search: 'garcia' })).to.deep.equal(['c-bob']);
  });
  it('R16 the sort order applies to the matches', () => {
    expect(run({ view: 'all', sort: 'priority' })).to.deep.equal(['c-none', 'c-bob', 'c-mine', 'c-mention', 'c-owner']);
    expect(run({ view: 'all', sort: 'oldest' })[0]).to.equal('c-none');
  });
  it('R17 a saved view matches newly upserted conversations on the next run', () => {
    const view = {
      id: 'v-1', name: 'VIP', ownerId: 'u-owner', sharedWith: { everyone: true, userIds: [], teamIds: [] },
      filters: { labels: ['vip'] }, search: '',
    };
    let s = reduce(fixture, { type: 'view.upserted', view });
    expect(run({ view: 'saved:v-1' }, 'u-ana', s)).to.deep.equal(['c-owner']);
    s = reduce(s, { type: 'conversation.upserted', conversation: c('c-new', { labels: ['vip', 'x'], lastMessage: { preview: '', at: T0 + 1, direction: 'in', kind: 'sms' } }) });
    expect(run({ view: 'saved:v-1' }, 'u-ana', s)).to.deep.equal(['c-new', 'c-owner']);
    s = reduce(s, { type: 'conversation.upserted', conversation: c('c-new', { labels: [] }) });
    expect(run({ view: 'saved:v-1' }, 'u-ana', s)).to.deep.equal(['c-owner']);
  });
  it('R17 a newly blocked contact leaves the list on the next run', () => {
    const s = reduce(fixture, { type: 'contact.upserted', contact: { ...contacts[0]!, blocked: true } });
    expect(run({}, 'u-owner', s)).to.not.include('c-mine');
    expect(run({ view: 'blocked' }, 'u-owner', s)).to.include.members(['c-mine', 'c-blocked']);
  });
  it('R17 countMatches and compileQuery agree with runQuery', () => {
    const query = { ...DEFAULT_QUERY, search: 'a' };
    const matches = compileQuery(fixture, query, user('u-owner'), T0);
    const expected = runQuery(fixture, query, user('u-owner'), T0);
    expect(countMatches(fixture, query, user('u-owner'), T0)).to.equal(expected.length);
    expect([...fixture.conversations.values()].filter(matches)).to.have.members([...expected]);
  });

  describe('agrees with the definitions, over generated states', () => {
    const filterSets: Filters[] = [
      {},
      { hideSpam: false },
      { hideTrash: false, hideSpam: false },
      { priorities: ['high', 'urgent'], channelKinds: ['email', 'chat'] },
      { assignees: ['unassigned', 'bot:b-1'], labels: ['vip'] },
      { teamIds: ['t-b'], companies: ['Acme'] },
      { from: T0 - 100 * DAY, statuses: ['done'] },
      { custom: { plan: 'pro' }, contactIds: ['k-1', 'k-2', 'k-3'] },
    ];
    const searches = ['', 'livraison', 'contact 1', 'INVOICE hello'];

    function reference(state: InboxState, query: Query, u: User): string[] {
      if (!canUseView(state, u, query.view)) return [];
      const ctx = viewContext(state, u, T0, { filters: query.filters, search: query.search });
      const filters = compileFilters(query.filters, state, { hide: false });
      return [...state.conversations.values()]
        .filter((x) => inView(x, query.view, query.tab, ctx) && filters(x) && canSeeConversation(state, u, x) && matchesSearch(state, x, query.search))
        .sort(comparator(query.sort))
        .map((x) => x.id);
    }

    it('R8 R17 stays equal to them through a stream of upserts, deletes, blocks and loaded messages (cached rows)', () => {
      let state = randomState(5, 120);
      const owner = state.users.get('u-owner')!;
      const queries: Query[] = [
        { ...DEFAULT_QUERY, search: 'contact 3' },
        { ...DEFAULT_QUERY, view: 'blocked' },
        { ...DEFAULT_QUERY, view: 'all', search: 'brandnew' },
      ];
      const check = (step: string) => {
        for (const query of queries) {
          expect(runQuery(state, query, owner, T0).map((x) => x.id), `${step} ${JSON.stringify(query)}`).to.deep.equal(reference(state, query, owner));
        }
      };
      check('start');
      const ids = [...state.conversations.keys()];
      for (let i = 0; i < 12; i++) {
        const id = ids[(i * 7) % ids.length]!;
        const current = state.conversations.get(id);
        if (i % 4 === 3) state = reduce(state, { type: 'conversation.deleted', id });
        else if (current) state = reduce(state, { type: 'conversation.upserted', conversation: { ...current, status: 'open', spam: false, trashedAt: null, sent: false, snoozedUntil: null, subject: `brandnew ${i}` } });
        check(`event ${i}`);
      }
      const contact = state.contacts.get('k-3')!;
      state = reduce(state, { type: 'contact.upserted', contact: { ...contact, blocked: true } });
      check('blocked k-3');
      state = reduce(state, { type: 'contact.upserted', contact: { ...contact, name: 'Renamed' } });
      check('renamed k-3');
      const target = [...state.conversations.values()].find((x) => x.status === 'open' && !x.spam && x.trashedAt === null && !x.sent && x.snoozedUntil === null && x.contactId !== 'k-0')!;
      state = reduce(state, { type: 'timeline.upserted', item: { type: 'message', id: 'm-1', conversationId: target.id, at: T0, direction: 'in', channelKind: 'sms', senderId: 'k-1', body: 'brandnew body', attachments: [] } });
      check('message loaded');
      expect(runQuery(state, queries[2]!, owner, T0).map((x) => x.id)).to.include(target.id);
    });

    it('R16 R17 stays equal to them in every order through bursts, re-adds and branching versions (presorted, patched)', () => {
      const r = random(9);
      const start = stateFromSnapshot(toSnapshot(randomState(7, 900)));
      const owner = start.users.get('u-owner')!;
      const queries: Query[] = (['newest', 'oldest', 'waiting-longest', 'priority'] as const).flatMap((sort) => [
        { ...DEFAULT_QUERY, sort },
        { ...DEFAULT_QUERY, sort, view: 'mine', tab: 'unread' },
        { ...DEFAULT_QUERY, sort, filters: { priorities: ['high', 'urgent'] }, search: 'contact' },
      ]);
      const check = (state: InboxState, step: string) => {
        for (const query of queries) {
          expect(runQuery(state, query, owner, T0).map((x) => x.id), `${step} ${JSON.stringify(query)}`).to.deep.equal(reference(state, query, owner));
        }
      };
      const ids = [...start.conversations.keys()];
      const gone: Conversation[] = [];
      const change = (state: InboxState, count: number): InboxState => {
        const events: DomainEvent[] = [];
        for (let k = 0; k < count; k++) {
          const roll = r();
          if (roll < 0.1 && gone.length > 0) {
            events.push({ type: 'conversation.upserted', conversation: gone.pop()! });
            continue;
          }
          const id = ids[Math.floor(r() * ids.length)]!;
          const current = state.conversations.get(id);
          if (!current) continue;
          if (roll < 0.2) {
            gone.push(current);
            events.push({ type: 'conversation.deleted', id });
          } else {
            const time = T0 - Math.floor(r() * 40) * DAY;
            events.push({
              type: 'conversation.upserted',
              conversation: {
                ...current,
                pinned: r() < 0.2,
                priority: (['none', 'low', 'high', 'urgent'] as const)[Math.floor(r() * 4)]!,
                unread: r() < 0.5,
                status: r() < 0.8 ? 'open' : 'done',
                lastMessage: { preview: 'moved', at: time, direction: 'in', kind: 'sms' },
                awaitingSince: time,
              },
            });
          }
        }
        return reduceAll(state, events);
      };
      let state = start;
      check(state, 'start');
      for (let step = 0; step < 25; step++) {
        // Two versions from one parent, queried in turn: the caches must not mix them up.
        const parent = state;
        const left = change(parent, step % 8 === 7 ? 400 : 1 + Math.floor(r() * 4));
        const right = change(parent, 1 + Math.floor(r() * 3));
        check(left, `step ${step} left`);
        check(right, `step ${step} right`);
        check(parent, `step ${step} parent`);
        state = r() < 0.5 ? left : right;
      }
    });

    for (const seed of [1, 2, 3]) {
      it(`R3 R6 R7 R8 R9 R13 R14 R16 R18 R20 runQuery equals the view, filter, search and visibility definitions (seed ${seed})`, () => {
        const state = randomState(seed);
        let checked = 0;
        let nonEmpty = 0;
        for (const u of state.users.values()) {
          const views: ViewId[] = [...sidebarViews(state, u).map((v) => v.id), ...FOLDER_VIEWS, 'all', 'team:t-b'];
          for (const view of views) {
            for (const tab of STATUS_TABS) {
              for (const [i, filters] of filterSets.entries()) {
                const query: Query = { view, tab, filters, search: searches[i % searches.length]!, sort: (['newest', 'oldest', 'waiting-longest', 'priority'] as const)[i % 4]! };
                const got = runQuery(state, query, u, T0).map((x) => x.id);
                expect(got, `${u.id} ${JSON.stringify(query)}`).to.deep.equal(reference(state, query, u));
                checked++;
                if (got.length > 0) nonEmpty++;
              }
            }
          }
        }
        expect(nonEmpty).to.be.greaterThan(checked / 4);
      });
    }
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import { mulberry32 } from '../src/backend/demo-data.js';
import type { Command } from '../src/model/commands.js';
import type { Query } from '../src/model/query.js';
import { queryPage as modelPage } from '../src/model/query-page.js';
import { SORT_ORDERS } from '../src/model/sort.js';
import { CHANNEL_KINDS, PRIORITIES, type Filters, type InboxState } from '../src/model/types.js';
import { STANDARD_VIEWS, STATUS_TABS, channelView, savedView, teamView, type ViewId } from '../src/model/views.js';
import { createTestDatabase } from './pg-testing.js';
import { PostgresStorage } from './postgres.js';

/**
 * POST /api/query in SQL against the model (issue 13): on the same data,
 * hundreds of random queries (views, tabs, filters, search, sorts, every
 * user's R14) paged with random limits through SQL's cursors, each page
 * compared with model/query-page.ts's for the same cursor. The data is the
 * demo's, changed by commands applied through MemoryBackend and written by
 * PostgresStorage (so the columns it derives are tested too).
 */

const NOW_SEED = Number(process.env.QUERY_TEST_SEED ?? Date.now() % 100_000);

describe('PostgreSQL answers queries as the model does', () => {
  let storage: PostgresStorage;
  let drop: () => Promise<void>;
  let state: InboxState;
  let now: number;

  before(async () => {
    const created = await createTestDatabase();
    drop = created.drop;
    storage = await PostgresStorage.open({ url: created.url, seedConversations: 600 });
    const backend = new MemoryBackend({ snapshot: storage.snapshot(), timelineFor: storage.timelineFor, persist: storage.commit });
    // Changes of every kind that moves a conversation between views, by an owner, as one batch.
    const rng = mulberry32(NOW_SEED);
    const ids = [...backend.state.conversations.keys()];
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
    const some = () => Array.from({ length: 1 + Math.floor(rng() * 4) }, () => pick(ids));
    const users = [...backend.state.users.values()].filter((u) => u.active).map((u) => u.id);
    const contacts = [...backend.state.contacts.keys()];
    const bots = [...backend.state.bots.keys()];
    const commands: ((n: number) => Command)[] = [
      (n) => ({ id: `q-${n}`, type: 'markDone', args: { ids: some() } }),
      (n) => ({ id: `q-${n}`, type: 'markUnread', args: { ids: some() } }),
      (n) => {
        const r = rng();
        const assignee = r < 0.25 ? null : r < 0.45 ? { type: 'bot' as const, id: pick(bots) } : { type: 'user' as const, id: pick(users) };
        return { id: `q-${n}`, type: 'assign', args: { ids: some(), assignee } };
      },
      (n) => ({ id: `q-${n}`, type: 'snooze', args: { ids: some(), until: now + 3_600_000 } }),
      (n) => ({ id: `q-${n}`, type: 'trash', args: { ids: some() } }),
      (n) => ({ id: `q-${n}`, type: 'markSpam', args: { ids: some() } }),
      (n) => ({ id: `q-${n}`, type: 'blockContact', args: { contactId: pick(contacts) } }),
      (n) => ({ id: `q-${n}`, type: 'setPriority', args: { ids: some(), priority: pick(PRIORITIES) } }),
      (n) => ({ id: `q-${n}`, type: 'addLabels', args: { ids: some(), labels: [pick(['vip', 'billing', 'followup'])] } }),
      (n) => ({ id: `q-${n}`, type: 'pin', args: { ids: some(), pinned: rng() < 0.7 } }),
      (n) => ({ id: `q-${n}`, type: 'markWaiting', args: { ids: some() } }),
      (n) => ({ id: `q-${n}`, type: 'comment', args: { conversationId: pick(ids), itemId: `q-item-${n}`, body: 'see @', mentions: [pick(users)] } }),
      (n) => ({ id: `q-${n}`, type: 'updateContact', args: { contactId: pick(contacts), patch: { name: pick(['Zoé Øster', 'Ñandú Straße', 'Jean-François Œuvre']), company: pick(['Acme', 'Globex']) } } }),
    ];
    now = Date.now();
    await storage.batch(() => {
      for (let n = 0; n < 300; n++) backend.send(pick(commands)(n), 'u-ana');
    });
    // The model's search also reads timelines a process holds in memory; SQL cannot (postgres-query.ts).
    state = { ...backend.state, timelines: new Map() };
    const all = [...state.conversations.values()];
    assert.ok(backend.stats.commands > 250, `the changes were applied (${backend.stats.commands})`);
    assert.ok(
      all.some((c) => c.spam) && all.some((c) => c.trashedAt !== null) && all.some((c) => c.snoozedUntil !== null) &&
        all.some((c) => c.mentions.length > 0) && [...state.contacts.values()].some((k) => k.blocked && k.company !== undefined),
      'spam, trash, snoozes, mentions and blocked contacts to tell apart',
    );
  });

  after(async () => {
    await storage.close();
    await drop();
  });

  it(`gives the same pages, totals and cursors for random queries of every user (seed ${NOW_SEED})`, async () => {
    const rng = mulberry32(NOW_SEED + 1);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
    const maybe = <T>(make: () => T): T | undefined => (rng() < 0.25 ? make() : undefined);
    const subset = <T>(list: readonly T[]): T[] => list.filter(() => rng() < 0.3);
    const users = [...state.users.values()].filter((u) => u.active);
    const views: ViewId[] = [
      ...STANDARD_VIEWS,
      ...[...state.teams.keys()].map(teamView),
      ...CHANNEL_KINDS.map(channelView),
      ...[...state.views.keys()].map(savedView),
    ];
    const contacts = [...state.contacts.values()];
    const words = ['zoe', 'ZOÉ', 'strasse', 'œuvre', 'nandu', 'acme', 'facture', 'order', 'a', 'xyz-none', '555', '%', 'o_e'];
    for (const contact of contacts.slice(0, 40)) words.push(contact.name.split(' ')[0]!, contact.phones[0]?.slice(-6) ?? '', contact.emails[0] ?? '');
    const randomFilters = (): Filters => {
      const filters: Record<string, unknown> = {
        statuses: maybe(() => subset(['open', 'done'])),
        channelKinds: maybe(() => subset(CHANNEL_KINDS)),
        channelIds: maybe(() => subset([...state.channels.keys()])),
        contactIds: maybe(() => contacts.slice(0, 50).filter(() => rng() < 0.2).map((k) => k.id)),
        assignees: maybe(() => subset(['unassigned', ...users.map((u) => `user:${u.id}`), ...[...state.bots.keys()].map((b) => `bot:${b}`)])),
        teamIds: maybe(() => subset([...state.teams.keys()])),
        from: maybe(() => now - Math.floor(rng() * 60) * 86_400_000),
        to: maybe(() => now - Math.floor(rng() * 20) * 86_400_000),
        labels: maybe(() => subset(['vip', 'billing', 'followup'])),
        priorities: maybe(() => subset(PRIORITIES)),
        companies: maybe(() => subset(['Acme', 'Globex', ...contacts.slice(0, 30).flatMap((k) => k.company ?? [])])),
        hideSpam: maybe(() => rng() < 0.5),
        hideTrash: maybe(() => rng() < 0.5),
      };
      // exactOptionalPropertyTypes: absent, not undefined.
      return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
    };
    let pages = 0;
    let rows = 0;
    for (let n = 0; n < 250; n++) {
      const user = pick(users);
      const query: Query = {
        view: rng() < 0.3 && user.role === 'agent' && user.visibility === 'self' ? 'mine' : pick(views),
        tab: pick(STATUS_TABS),
        filters: rng() < 0.5 ? {} : randomFilters(),
        search: rng() < 0.4 ? [pick(words), ...(rng() < 0.3 ? [pick(words)] : [])].join(' ') : '',
        sort: pick(SORT_ORDERS),
      };
      const limit = 1 + Math.floor(rng() * (rng() < 0.5 ? 8 : 120));
      let cursor: string | null = null;
      for (let page = 0; page < 6; page++) {
        const expected = modelPage(state, query, user, now, cursor, limit);
        assert.ok(expected !== null);
        const got = await storage.query(state, { query, cursor, limit }, user.id, now);
        const what: string = `${user.id} ${JSON.stringify(query)} limit ${limit} cursor ${cursor}`;
        assert.deepEqual(got.conversations.map((c) => c.id), expected.conversations.map((c) => c.id), what);
        assert.deepEqual(got.conversations, expected.conversations, what);
        assert.equal(got.total, expected.total, what);
        assert.equal(got.next, expected.next, what);
        const contactIds = [...new Set(expected.conversations.map((c) => c.contactId))];
        assert.deepEqual(got.contacts.map((k) => k.id), contactIds.filter((id) => state.contacts.has(id)), what);
        pages++;
        rows += got.conversations.length;
        cursor = got.next;
        if (cursor === null) break;
      }
    }
    assert.ok(pages > 250 && rows > 500, `a fair sample: ${pages} pages, ${rows} rows`);
  });

  it('refuses what MemoryBackend refuses: a cursor it did not give, a bad request, an unknown user', async () => {
    const query: Query = { view: 'all', tab: 'open', filters: {}, search: '', sort: 'newest' };
    await assert.rejects(storage.query(state, { query, cursor: 'nope', limit: 5 }, 'u-ana', now), /cursor/);
    await assert.rejects(storage.query(state, { query, cursor: null, limit: 0 }, 'u-ana', now), { name: 'RefusedError' });
    await assert.rejects(storage.query(state, { query, cursor: null, limit: 5 }, 'u-nobody', now), /may not query/);
  });
});

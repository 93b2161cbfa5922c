import { expect } from '@open-wc/testing';
import { compileFilters, matchesFilters } from './filters.js';
import { DAY, makeContact, makeConversation, makeState, makeUser, T0 } from './fixtures.js';
import type { Conversation, Filters } from './types.js';

const state = makeState({
  users: [makeUser({ id: 'u-ana' }), makeUser({ id: 'u-bob' }), makeUser({ id: 'u-cy' })],
  teams: [{ id: 't-1', name: 'Support', memberIds: ['u-bob'] }],
  contacts: [
    makeContact({ id: 'k-1', company: 'Acme' }),
    makeContact({ id: 'k-2', company: 'Globex' }),
    makeContact({ id: 'k-3' }),
  ],
});
const ctx = { state };

const c = (overrides: Partial<Conversation> = {}) => makeConversation({ id: 'c-1', ...overrides });
const passes = (conversation: Conversation, filters: Filters) => matchesFilters(conversation, filters, ctx);

describe('filters', () => {
  it('§4 no filters match every conversation but spam and trash', () => {
    expect(passes(c(), {})).to.equal(true);
    expect(passes(c({ spam: true }), {})).to.equal(false);
    expect(passes(c({ trashedAt: T0 }), {})).to.equal(false);
  });
  it('R7 hideSpam false lets spam through, hideSpam true (the default) hides it', () => {
    expect(passes(c({ spam: true }), { hideSpam: false })).to.equal(true);
    expect(passes(c({ spam: true }), { hideSpam: true })).to.equal(false);
    expect(passes(c({ spam: true }), { hideTrash: false })).to.equal(false);
  });
  it('R6 hideTrash false lets trash through', () => {
    expect(passes(c({ trashedAt: T0 }), { hideTrash: false })).to.equal(true);
    expect(passes(c({ trashedAt: T0, spam: true }), { hideTrash: false })).to.equal(false);
  });
  it('R6 R7 compiled for a view, the hide flags are left to the view', () => {
    const forView = compileFilters({}, state, { hide: false });
    expect(forView(c({ spam: true, trashedAt: T0 }))).to.equal(true);
  });
  it('R3 status: any of the listed statuses', () => {
    expect(passes(c(), { statuses: ['open'] })).to.equal(true);
    expect(passes(c(), { statuses: ['done'] })).to.equal(false);
    expect(passes(c({ status: 'done' }), { statuses: ['open', 'done'] })).to.equal(true);
  });
  it('§4 channel kind: the kind of the conversation\'s channel', () => {
    expect(passes(c({ channelId: 'ch-email' }), { channelKinds: ['email'] })).to.equal(true);
    expect(passes(c({ channelId: 'ch-email' }), { channelKinds: ['sms', 'chat'] })).to.equal(false);
    expect(passes(c({ channelId: 'ch-gone' }), { channelKinds: ['sms'] })).to.equal(false);
  });
  it('§4 channel: one of the listed channels', () => {
    expect(passes(c({ channelId: 'ch-email' }), { channelIds: ['ch-sms', 'ch-email'] })).to.equal(true);
    expect(passes(c({ channelId: 'ch-email' }), { channelIds: ['ch-sms'] })).to.equal(false);
  });
  it('§4 contact: one of the listed contacts', () => {
    expect(passes(c({ contactId: 'k-2' }), { contactIds: ['k-2'] })).to.equal(true);
    expect(passes(c({ contactId: 'k-2' }), { contactIds: ['k-1'] })).to.equal(false);
  });
  it('R10 assignee: users, bots and unassigned, any of them', () => {
    const toAna = c({ assignee: { type: 'user', id: 'u-ana' } });
    const toBot = c({ assignee: { type: 'bot', id: 'b-1' } });
    const nobody = c();
    expect(passes(toAna, { assignees: ['user:u-ana'] })).to.equal(true);
    expect(passes(toAna, { assignees: ['user:u-bob'] })).to.equal(false);
    expect(passes(toAna, { assignees: ['bot:u-ana'] })).to.equal(false);
    expect(passes(toBot, { assignees: ['bot:b-1'] })).to.equal(true);
    expect(passes(toBot, { assignees: ['user:b-1', 'unassigned'] })).to.equal(false);
    expect(passes(nobody, { assignees: ['unassigned'] })).to.equal(true);
    expect(passes(nobody, { assignees: ['user:u-ana', 'bot:b-1'] })).to.equal(false);
    expect(passes(nobody, { assignees: ['user:u-ana', 'unassigned'] })).to.equal(true);
    expect(passes(toAna, { assignees: ['garbage'] })).to.equal(false);
  });
  it('R10 a deactivated user\'s conversations are filtered like any user\'s', () => {
    expect(passes(c({ assignee: { type: 'user', id: 'u-gone' } }), { assignees: ['user:u-gone'], includeDeactivated: true })).to.equal(true);
  });
  it('R14 team: the team\'s conversations and those of its members', () => {
    expect(passes(c({ teamId: 't-1' }), { teamIds: ['t-1'] })).to.equal(true);
    expect(passes(c({ assignee: { type: 'user', id: 'u-bob' } }), { teamIds: ['t-1'] })).to.equal(true);
    expect(passes(c({ assignee: { type: 'user', id: 'u-ana' } }), { teamIds: ['t-1'] })).to.equal(false);
    expect(passes(c({ teamId: 't-2' }), { teamIds: ['t-1', 't-3'] })).to.equal(false);
  });
  it('§4 date range: inclusive, over the last message', () => {
    const x = c({ lastMessage: { preview: '', at: T0, direction: 'in', kind: 'sms' } });
    expect(passes(x, { from: T0 })).to.equal(true);
    expect(passes(x, { to: T0 })).to.equal(true);
    expect(passes(x, { from: T0 + 1 })).to.equal(false);
    expect(passes(x, { to: T0 - 1 })).to.equal(false);
    expect(passes(x, { from: T0 - DAY, to: T0 + DAY })).to.equal(true);
    expect(passes(x, { from: T0 + DAY, to: T0 - DAY })).to.equal(false);
  });
  it('§4 date range falls back to creation when there is no message', () => {
    const x = c({ lastMessage: null, createdAt: T0 - 5 * DAY });
    expect(passes(x, { from: T0 - 6 * DAY, to: T0 - 4 * DAY })).to.equal(true);
    expect(passes(x, { from: T0 - DAY })).to.equal(false);
  });
  it('R19 labels: every listed label must be present', () => {
    const x = c({ labels: ['vip', 'billing'] });
    expect(passes(x, { labels: ['vip'] })).to.equal(true);
    expect(passes(x, { labels: ['billing', 'vip'] })).to.equal(true);
    expect(passes(x, { labels: ['vip', 'legal'] })).to.equal(false);
    expect(passes(c(), { labels: ['vip'] })).to.equal(false);
  });
  it('R19 priority: any of the listed priorities', () => {
    expect(passes(c({ priority: 'urgent' }), { priorities: ['high', 'urgent'] })).to.equal(true);
    expect(passes(c({ priority: 'none' }), { priorities: ['high', 'urgent'] })).to.equal(false);
    expect(passes(c({ priority: 'none' }), { priorities: ['none'] })).to.equal(true);
  });
  it('§4 company: the contact\'s company, any of them', () => {
    expect(passes(c({ contactId: 'k-1' }), { companies: ['Acme'] })).to.equal(true);
    expect(passes(c({ contactId: 'k-2' }), { companies: ['Acme', 'Globex'] })).to.equal(true);
    expect(passes(c({ contactId: 'k-3' }), { companies: ['Acme'] })).to.equal(false);
    expect(passes(c({ contactId: 'k-missing' }), { companies: ['Acme'] })).to.equal(false);
  });
  it('§4 custom properties: equal on every key given', () => {
    const x = c({ custom: { plan: 'pro', seats: 5, trial: false } });
    expect(passes(x, { custom: { plan: 'pro' } })).to.equal(true);
    expect(passes(x, { custom: { plan: 'pro', seats: 5, trial: false } })).to.equal(true);
    expect(passes(x, { custom: { plan: 'free' } })).to.equal(false);
    expect(passes(x, { custom: { seats: '5' } })).to.equal(false);
    expect(passes(x, { custom: { region: 'eu' } })).to.equal(false);
    expect(passes(x, { custom: {} })).to.equal(true);
  });
  it('§4 an empty list does not filter', () => {
    const empty: Filters = {
      statuses: [], channelKinds: [], channelIds: [], contactIds: [], assignees: [], teamIds: [], labels: [],
      priorities: [], companies: [],
    };
    expect(passes(c(), empty)).to.equal(true);
  });
  it('§4 filters combine: AND across fields, OR within one', () => {
    const filters: Filters = {
      statuses: ['open'],
      channelKinds: ['email', 'chat'],
      assignees: ['user:u-bob', 'unassigned'],
      labels: ['vip'],
      priorities: ['high', 'urgent'],
      companies: ['Acme'],
      from: T0 - DAY,
      custom: { plan: 'pro' },
    };
    const hit = c({
      channelId: 'ch-email', labels: ['vip'], priority: 'high', contactId: 'k-1', custom: { plan: 'pro' },
    });
    expect(passes(hit, filters)).to.equal(true);
    const misses: Partial<Conversation>[] = [
      { status: 'done' },
      { channelId: 'ch-sms' },
      { assignee: { type: 'user', id: 'u-ana' } },
      { labels: [] },
      { priority: 'low' },
      { contactId: 'k-2' },
      { lastMessage: { preview: '', at: T0 - 2 * DAY, direction: 'in', kind: 'email' } },
      { custom: { plan: 'free' } },
      { spam: true },
    ];
    for (const miss of misses) expect(passes({ ...hit, ...miss }, filters), JSON.stringify(miss)).to.equal(false);
  });
  it('§4 compiled once, filters give the same answers as one at a time', () => {
    const filters: Filters = { priorities: ['high'], labels: ['vip'], teamIds: ['t-1'] };
    const compiled = compileFilters(filters, state);
    const xs = [
      c({ priority: 'high', labels: ['vip'], teamId: 't-1' }),
      c({ priority: 'high', labels: ['vip'], assignee: { type: 'user', id: 'u-bob' } }),
      c({ priority: 'low', labels: ['vip'], teamId: 't-1' }),
      c({ priority: 'high', labels: [], teamId: 't-1' }),
    ];
    expect(xs.map(compiled)).to.deep.equal([true, true, false, false]);
    expect(xs.map((x) => passes(x, filters))).to.deep.equal([true, true, false, false]);
  });
});

import { expect } from '@open-wc/testing';
import { DAY, makeChannel, makeContact, makeConversation, makeState, makeUser, T0, type StateParts } from './fixtures.js';
import { reduce } from './state.js';
import type { Conversation, InboxState, SavedView } from './types.js';
import {
  FOLDER_VIEWS,
  INBOX_VIEWS,
  inView,
  isViewId,
  parseView,
  STANDARD_VIEWS,
  STATUS_TABS,
  viewContext,
  type StatusTab,
  type ViewId,
  type ViewOptions,
  usableView,
} from './views.js';

const ana = 'u-ana';
const teams = [{ id: 't-1', name: 'Support', memberIds: ['u-ana', 'u-bob'] }];
const users = [makeUser({ id: 'u-owner', role: 'owner' }), makeUser({ id: ana, teamIds: ['t-1'] }), makeUser({ id: 'u-bob' })];
const contacts = [makeContact({ id: 'k-1' }), makeContact({ id: 'k-blocked', blocked: true })];

function state(conversations: Conversation[], parts: StateParts = {}): InboxState {
  return makeState({ users, teams, contacts, conversations, ...parts });
}

/** The views and tabs holding conversation `c` for Ana. */
function where(c: Conversation, options: ViewOptions = {}, parts: StateParts = {}): string[] {
  const s = state([c], parts);
  const ctx = viewContext(s, s.users.get(ana)!, T0, options);
  const all: ViewId[] = [...STANDARD_VIEWS, 'team:t-1', 'channel:sms', 'channel:email'];
  const found: string[] = [];
  for (const view of all) {
    for (const tab of STATUS_TABS) if (inView(c, view, tab, ctx)) found.push(`${view}/${tab}`);
  }
  return found;
}

const holds = (c: Conversation, view: ViewId, tab: StatusTab = 'open', options: ViewOptions = {}) => {
  const s = state([c]);
  return inView(c, view, tab, viewContext(s, s.users.get(ana)!, T0, options));
};

const open = (overrides: Partial<Conversation> = {}) => makeConversation({ id: 'c-1', ...overrides });
const mine = { type: 'user', id: ana } as const;

describe('views', () => {
  describe('view ids', () => {
    it('§4 parses standard, team, saved and channel ids and refuses others', () => {
      expect(parseView('mine')).to.deep.equal({ kind: 'standard', id: 'mine' });
      expect(parseView('team:t-1')).to.deep.equal({ kind: 'team', id: 't-1' });
      expect(parseView('saved:v:1')).to.deep.equal({ kind: 'saved', id: 'v:1' });
      expect(parseView('channel:email')).to.deep.equal({ kind: 'channel', id: 'email' });
      for (const bad of ['', 'nope', 'team:', 'channel:fax', 'folder:x', ':x']) expect(isViewId(bad), bad).to.equal(false);
    });
    it('§4 an unknown view id holds nothing', () => {
      expect(holds(open(), 'nope' as ViewId)).to.equal(false);
      expect(holds(open(), 'team:missing')).to.equal(false);
      expect(holds(open(), 'saved:missing')).to.equal(false);
    });
  });

  describe('open views and tabs', () => {
    it('R1 an open unassigned conversation awaiting an agent is in All, Unassigned, New and its channel', () => {
      expect(where(open())).to.deep.equal(['all/open', 'unassigned/open', 'new/open', 'channel:sms/open']);
    });
    it('R4 an unread one is also in the Unread tab of those views', () => {
      expect(where(open({ unread: true }))).to.deep.equal([
        'all/open', 'all/unread', 'unassigned/open', 'unassigned/unread', 'new/open', 'new/unread',
        'channel:sms/open', 'channel:sms/unread',
      ]);
    });
    it('R5 a conversation awaiting the contact is in Waiting, not New', () => {
      expect(holds(open({ awaiting: 'contact' }), 'waiting')).to.equal(true);
      expect(holds(open({ awaiting: 'contact' }), 'new')).to.equal(false);
    });
    it('R10 a conversation assigned to the user is in Mine, not Unassigned', () => {
      const c = open({ assignee: mine });
      expect(holds(c, 'mine')).to.equal(true);
      expect(holds(c, 'unassigned')).to.equal(false);
      expect(holds(open({ assignee: { type: 'user', id: 'u-owner' } }), 'mine')).to.equal(false);
    });
    it('R12 Bots holds conversations a bot owns that no person has owned yet', () => {
      expect(holds(open({ assignee: { type: 'bot', id: 'b-1' } }), 'bots')).to.equal(true);
      expect(holds(open({ assignee: { type: 'bot', id: 'b-1' }, humanOwned: true }), 'bots')).to.equal(false);
      expect(holds(open({ assignee: mine }), 'bots')).to.equal(false);
      expect(holds(open(), 'bots')).to.equal(false);
    });
    it('R14 a team view holds the team\'s conversations and those assigned to its members', () => {
      expect(holds(open({ teamId: 't-1' }), 'team:t-1')).to.equal(true);
      expect(holds(open({ assignee: { type: 'user', id: 'u-bob' } }), 'team:t-1')).to.equal(true);
      expect(holds(open({ assignee: { type: 'user', id: 'u-owner' } }), 'team:t-1')).to.equal(false);
      expect(holds(open({ teamId: 't-2' }), 'team:t-1')).to.equal(false);
      expect(holds(open({ assignee: { type: 'bot', id: 'b-1' }, teamId: null }), 'team:t-1')).to.equal(false);
    });
    it('§4 a channel view holds the conversations of its channel kind', () => {
      expect(holds(open({ channelId: 'ch-email' }), 'channel:email')).to.equal(true);
      expect(holds(open({ channelId: 'ch-email' }), 'channel:sms')).to.equal(false);
      expect(holds(open({ channelId: 'ch-unknown' }), 'channel:sms')).to.equal(false);
    });
    it('R20 Mentions holds conversations mentioning the user, unread for them only', () => {
      const c = open({ mentions: [ana], mentionsUnread: [ana] });
      expect(holds(c, 'mentions')).to.equal(true);
      expect(holds(c, 'mentions', 'unread')).to.equal(true);
      expect(holds(c, 'all', 'unread')).to.equal(true);
      expect(holds(open({ mentions: [ana] }), 'mentions', 'unread')).to.equal(false);
      expect(holds(open({ mentions: ['u-bob'], mentionsUnread: ['u-bob'] }), 'mentions')).to.equal(false);
      expect(holds(open({ mentions: ['u-bob'], mentionsUnread: ['u-bob'] }), 'all', 'unread')).to.equal(false);
    });
    it('R3 a done conversation leaves every open tab and shows in Done and the done tabs', () => {
      const c = open({ status: 'done', doneAt: T0 - DAY, assignee: mine });
      expect(where(c)).to.deep.equal([
        'all/done', 'mine/done', 'new/done', 'done/open', 'done/unread', 'done/done', 'team:t-1/done',
        'channel:sms/done',
      ]);
    });
    it('R4 the unread tab needs the conversation open', () => {
      expect(holds(open({ status: 'done', unread: true, doneAt: T0 }), 'all', 'unread')).to.equal(false);
    });
  });

  describe('R13 done window', () => {
    const doneAgo = (days: number) => open({ status: 'done', doneAt: T0 - days * DAY, lastMessage: null, createdAt: T0 - 200 * DAY });
    it('R13 Done lists conversations closed in the last 90 days', () => {
      expect(holds(doneAgo(89), 'done')).to.equal(true);
      expect(holds(doneAgo(90), 'done')).to.equal(true);
      expect(holds(doneAgo(91), 'done')).to.equal(false);
      expect(holds(doneAgo(91), 'all', 'done')).to.equal(false);
    });
    it('R13 the window is configurable', () => {
      const c = doneAgo(40);
      expect(where(c, {}, { settings: { doneWindowDays: 30 } })).to.not.include('done/open');
      expect(where(c, {}, { settings: { doneWindowDays: 60 } })).to.include('done/open');
    });
    it('R13 older done conversations stay reachable through search and the date filter', () => {
      const c = doneAgo(400);
      expect(holds(c, 'done', 'open', { search: 'hello' })).to.equal(true);
      expect(holds(c, 'all', 'done', { search: 'x' })).to.equal(true);
      expect(holds(c, 'done', 'open', { filters: { from: T0 - 500 * DAY } })).to.equal(true);
      expect(holds(c, 'done', 'open', { filters: { to: T0 } })).to.equal(true);
      expect(holds(c, 'done', 'open', { search: '   ' })).to.equal(false);
    });
    it('R13 a done conversation without doneAt falls back to its last activity', () => {
      expect(holds(open({ status: 'done', doneAt: null }), 'done')).to.equal(true);
    });
  });

  describe('folders', () => {
    it('R6 a trashed conversation shows in Trash only, whatever its other flags', () => {
      for (const extra of [{}, { spam: true }, { contactId: 'k-blocked' }, { status: 'done' as const, doneAt: T0 }]) {
        const found = where(open({ trashedAt: T0, assignee: mine, mentions: [ana], ...extra }));
        expect(found, JSON.stringify(extra)).to.deep.equal(['trash/open', 'trash/unread', 'trash/done']);
      }
    });
    it('R7 a spam conversation shows in Spam only', () => {
      expect(where(open({ spam: true, assignee: mine }))).to.deep.equal(['spam/open', 'spam/unread', 'spam/done']);
    });
    it('R7 unmarking spam returns it to the views it belongs to', () => {
      expect(where(open({ spam: false, assignee: mine }))).to.include('mine/open');
    });
    it('R8 a blocked contact\'s conversations show in Blocked only, even spam, done or unread ones', () => {
      for (const extra of [{}, { spam: true }, { status: 'done' as const, doneAt: T0 }, { unread: true }, { sent: true }]) {
        const found = where(open({ contactId: 'k-blocked', assignee: mine, ...extra }));
        expect(found, JSON.stringify(extra)).to.deep.equal(['blocked/open', 'blocked/unread', 'blocked/done']);
      }
    });
    it('R8 unblocking restores them', () => {
      const parts = { contacts: [makeContact({ id: 'k-blocked', blocked: false })] };
      expect(where(open({ contactId: 'k-blocked' }), {}, parts)).to.include('all/open');
    });
    it('R9 a conversation we started shows in Sent and not in the open views until the contact replies', () => {
      expect(where(open({ sent: true, assignee: mine }))).to.deep.equal(['sent/open', 'sent/unread', 'sent/done']);
      expect(where(open({ sent: false, assignee: mine }))).to.include('mine/open');
    });
    it('R18 a snoozed conversation leaves the open views and shows in Snoozed, for a time or the next message', () => {
      for (const until of [T0 + DAY, 'next-message' as const]) {
        expect(where(open({ snoozedUntil: until, assignee: mine }))).to.deep.equal([
          'snoozed/open', 'snoozed/unread', 'snoozed/done',
        ]);
      }
    });
    it('R3 folder views ignore the status tabs', () => {
      const c = open({ status: 'done', doneAt: T0 });
      for (const tab of STATUS_TABS) expect(holds(c, 'done', tab)).to.equal(true);
    });
    it('R9 Sent and R18 Snoozed keep done conversations too', () => {
      expect(holds(open({ sent: true, status: 'done', doneAt: T0 }), 'sent')).to.equal(true);
      expect(holds(open({ snoozedUntil: T0 + DAY, status: 'done', doneAt: T0 }), 'snoozed')).to.equal(true);
    });
  });

  describe('hide spam / hide trash (HubSpot)', () => {
    it('R7 hideSpam false lets spam into the open views, not into Blocked\'s', () => {
      const show = { filters: { hideSpam: false } };
      expect(holds(open({ spam: true }), 'all', 'open', show)).to.equal(true);
      expect(holds(open({ spam: true }), 'spam', 'open', show)).to.equal(true);
      expect(holds(open({ spam: true, contactId: 'k-blocked' }), 'all', 'open', show)).to.equal(false);
      expect(holds(open({ spam: true, trashedAt: T0 }), 'all', 'open', show)).to.equal(false);
    });
    it('R6 hideTrash false lets trash into the open views and Done', () => {
      const show = { filters: { hideTrash: false } };
      expect(holds(open({ trashedAt: T0 }), 'all', 'open', show)).to.equal(true);
      expect(holds(open({ trashedAt: T0, status: 'done', doneAt: T0 }), 'done', 'open', show)).to.equal(true);
      expect(holds(open({ trashedAt: T0, spam: true }), 'all', 'open', show)).to.equal(false);
    });
    it('R6 R7 both false let spam in trash in too; snoozed and sent stay out', () => {
      const show = { filters: { hideTrash: false, hideSpam: false } };
      expect(holds(open({ trashedAt: T0, spam: true }), 'all', 'open', show)).to.equal(true);
      expect(holds(open({ spam: true, sent: true }), 'all', 'open', show)).to.equal(false);
      expect(holds(open({ spam: true, snoozedUntil: 'next-message' }), 'all', 'open', show)).to.equal(false);
    });
  });

  describe('saved views', () => {
    const vip: SavedView = {
      id: 'v-1',
      name: 'VIP e-mail',
      ownerId: ana,
      sharedWith: { everyone: false, userIds: [], teamIds: [] },
      filters: { labels: ['vip'], channelKinds: ['email'] },
      search: '',
    };
    const inVip = (c: Conversation, view: SavedView = vip, tab: StatusTab = 'open') => {
      const s = state([c], { views: [view] });
      return inView(c, 'saved:v-1', tab, viewContext(s, s.users.get(ana)!, T0));
    };
    it('R17 a saved view holds what matches its filters', () => {
      expect(inVip(open({ labels: ['vip'], channelId: 'ch-email' }))).to.equal(true);
      expect(inVip(open({ labels: ['vip'], channelId: 'ch-sms' }))).to.equal(false);
      expect(inVip(open({ labels: [], channelId: 'ch-email' }))).to.equal(false);
    });
    it('R17 and its search', () => {
      const view = { ...vip, filters: {}, search: 'refund' };
      expect(inVip(open({ subject: 'Refund please' }), view)).to.equal(true);
      expect(inVip(open({ subject: 'Hello' }), view)).to.equal(false);
    });
    it('R17 a saved view matches a newly upserted conversation at once', () => {
      let s = state([], { views: [vip] });
      const ctxFor = (st: InboxState) => viewContext(st, st.users.get(ana)!, T0);
      const c = open({ id: 'c-new', labels: ['vip'], channelId: 'ch-email' });
      s = reduce(s, { type: 'conversation.upserted', conversation: c });
      const held = [...s.conversations.values()].filter((x) => inView(x, 'saved:v-1', 'open', ctxFor(s)));
      expect(held.map((x) => x.id)).to.deep.equal(['c-new']);
      const edited = { ...vip, filters: { labels: ['other'] } };
      s = reduce(s, { type: 'view.upserted', view: edited });
      expect(inView(c, 'saved:v-1', 'open', ctxFor(s))).to.equal(false);
    });
    it('R6 R7 R8 R9 R18 a saved view is an open view: the folders\' conversations stay out', () => {
      const all = { ...vip, filters: {} };
      for (const extra of [{ spam: true }, { trashedAt: T0 }, { contactId: 'k-blocked' }, { sent: true }, { snoozedUntil: T0 }]) {
        expect(inVip(open(extra), all), JSON.stringify(extra)).to.equal(false);
      }
    });
    it('R7 a saved view\'s own hideSpam false lets spam in', () => {
      expect(inVip(open({ spam: true }), { ...vip, filters: { hideSpam: false } })).to.equal(true);
    });
    it('R3 R13 the status tabs narrow a saved view', () => {
      const all = { ...vip, filters: {} };
      expect(inVip(open({ status: 'done', doneAt: T0 }), all, 'open')).to.equal(false);
      expect(inVip(open({ status: 'done', doneAt: T0 }), all, 'done')).to.equal(true);
      expect(inVip(open({ status: 'done', doneAt: T0 - 100 * DAY }), all, 'done')).to.equal(false);
      const dated = { ...all, filters: { from: 0 } };
      expect(inVip(open({ status: 'done', doneAt: T0 - 100 * DAY, lastMessage: null, createdAt: 1 }), dated, 'done')).to.equal(true);
    });
  });

  describe('every view', () => {
    const s = makeState({
      users,
      teams,
      contacts,
      channels: [makeChannel({ id: 'ch-sms' }), makeChannel({ id: 'ch-email', kind: 'email' })],
      conversations: [open({ channelId: 'ch-email', assignee: mine, unread: true })],
    });
    it('§4 each inbox view is an open view narrowed by the tabs, each folder is not', () => {
      const ctx = viewContext(s, s.users.get(ana)!, T0);
      const c = s.conversations.get('c-1')!;
      const expected: Record<string, boolean> = { all: true, mine: true, unassigned: false, mentions: false, new: true, waiting: false, bots: false };
      for (const view of INBOX_VIEWS) {
        expect(inView(c, view, 'open', ctx), view).to.equal(expected[view]);
        expect(inView(c, view, 'unread', ctx), view).to.equal(expected[view]);
        expect(inView(c, view, 'done', ctx), view).to.equal(false);
      }
      for (const view of FOLDER_VIEWS) expect(inView(c, view, 'open', ctx), view).to.equal(false);
    });
  });

  describe('R14 the view a user lands on', () => {
    const people = [
      ...users,
      makeUser({ id: 'u-self', visibility: 'self' }),
      makeUser({ id: 'u-team', visibility: 'team', teamIds: ['t-1'] }),
      makeUser({ id: 'u-gone', active: false }),
    ];
    const s = makeState({ users: people, teams, contacts, conversations: [open()] });
    const land = (id: string, wanted: ViewId) => usableView(s, s.users.get(id)!, wanted);

    it('R14 keeps the wanted view when the user may open it', () => {
      expect(land('u-owner', 'all')).to.equal('all');
      expect(land(ana, 'team:t-1')).to.equal('team:t-1');
      expect(land('u-team', 'mine')).to.equal('mine');
    });

    it('R14 an agent with visibility self lands on Mine, not on an empty All', () => {
      expect(land('u-self', 'all')).to.equal('mine');
      expect(land('u-self', 'unassigned')).to.equal('mine');
    });

    it('R14 an agent with visibility team asked for Unassigned lands on their first view', () => {
      expect(land('u-team', 'unassigned')).to.equal('all');
    });

    it('R14 a view one may not open (another team, a missing saved view, Blocked without permission) gives way to the first', () => {
      expect(land('u-bob', 'team:t-9')).to.equal('all');
      expect(land(ana, 'saved:v-missing')).to.equal('all');
      expect(land('u-self', 'saved:v-missing')).to.equal('mine');
    });

    it('R14 a deactivated user, who may open nothing, keeps what was asked', () => {
      expect(land('u-gone', 'all')).to.equal('all');
    });
  });
});

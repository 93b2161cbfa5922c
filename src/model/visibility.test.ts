import { expect } from '@open-wc/testing';
import { makeChannel, makeContact, makeConversation, makeState, makeUser } from './fixtures.js';
import {
  canChangeView,
  canSeeConversation,
  canSeeView,
  hasBlockedContact,
  mayUseBlocked,
  seesEverything,
  teammateIds,
  visibilityFilter,
} from './permissions.js';
import type { Conversation, SavedView, SharedWith, User } from './types.js';
import { canUseView, sidebarViews } from './views.js';

const users = [
  makeUser({ id: 'u-owner', role: 'owner' }),
  makeUser({ id: 'u-manager', role: 'manager', visibility: 'self' }),
  makeUser({ id: 'u-all', teamIds: ['t-1'] }),
  makeUser({ id: 'u-team', visibility: 'team', teamIds: ['t-1'] }),
  makeUser({ id: 'u-self', visibility: 'self', teamIds: ['t-1'] }),
  makeUser({ id: 'u-mate', teamIds: ['t-1'] }),
  makeUser({ id: 'u-other', teamIds: ['t-2'] }),
  makeUser({ id: 'u-blocker', canSeeBlocked: true }),
  makeUser({ id: 'u-gone', role: 'owner', active: false }),
];
const teams = [
  { id: 't-1', name: 'Support', memberIds: ['u-all', 'u-team', 'u-self', 'u-mate'] },
  { id: 't-2', name: 'Billing', memberIds: ['u-other'] },
];
const share = (sharedWith: Partial<SharedWith>, id = 'v-1', ownerId = 'u-other'): SavedView => ({
  id, name: id, ownerId, filters: {}, search: '',
  sharedWith: { everyone: false, userIds: [], teamIds: [], ...sharedWith },
});
const state = makeState({
  users,
  teams,
  contacts: [makeContact({ id: 'k-1' }), makeContact({ id: 'k-2', blocked: true })],
  channels: [makeChannel({ id: 'ch-sms' }), makeChannel({ id: 'ch-chat', kind: 'chat' })],
  views: [share({ everyone: true }, 'v-public', 'u-owner'), share({}, 'v-private', 'u-other'), share({ teamIds: ['t-1'] }, 'v-support', 'u-other')],
});
const user = (id: string): User => state.users.get(id)!;
const c = (extra: Partial<Conversation> = {}) => makeConversation({ id: 'c-1', ...extra });
const toUser = (id: string) => ({ type: 'user', id }) as const;
const sees = (userId: string, conversation: Conversation) => canSeeConversation(state, user(userId), conversation);

const cases: [string, Partial<Conversation>][] = [
  ['own', { assignee: toUser('') }],
  ['teammate\'s', { assignee: toUser('u-mate') }],
  ['other team\'s', { assignee: toUser('u-other') }],
  ['unassigned', {}],
  ['bot\'s', { assignee: { type: 'bot', id: 'b-1' } }],
  ['team-tagged unassigned', { teamId: 't-1' }],
];
const expected: Record<string, boolean[]> = {
  'u-owner': [true, true, true, true, true, true],
  'u-manager': [true, true, true, true, true, true],
  'u-all': [true, true, true, true, true, true],
  'u-team': [true, true, false, false, false, false],
  'u-self': [true, false, false, false, false, false],
  'u-gone': [false, false, false, false, false, false],
};

describe('visibility', () => {
  describe('conversations', () => {
    for (const [userId, answers] of Object.entries(expected)) {
      cases.forEach(([name, extra], i) => {
        it(`R14 ${userId} ${answers[i] ? 'sees' : 'does not see'} a ${name} conversation`, () => {
          const conversation = c(extra.assignee?.id === '' ? { assignee: toUser(userId) } : extra);
          expect(sees(userId, conversation)).to.equal(answers[i]);
          expect(visibilityFilter(state, user(userId))(conversation)).to.equal(answers[i]);
        });
      });
    }
    it('R14 owners and managers see everything whatever their visibility setting; agents by theirs', () => {
      expect(seesEverything(user('u-owner'))).to.equal(true);
      expect(seesEverything(user('u-manager'))).to.equal(true);
      expect(seesEverything(user('u-all'))).to.equal(true);
      expect(seesEverything(user('u-team'))).to.equal(false);
      expect(seesEverything(user('u-self'))).to.equal(false);
    });
    it('R14 teammates are the members of the user\'s teams, and the user', () => {
      expect([...teammateIds(state, user('u-team'))].sort()).to.deep.equal(['u-all', 'u-mate', 'u-self', 'u-team']);
      expect([...teammateIds(state, user('u-blocker'))]).to.deep.equal(['u-blocker']);
    });
    it('R20 a mention lets any active agent see the conversation', () => {
      const mentioned = (id: string) => c({ assignee: toUser('u-other'), mentions: [id] });
      expect(sees('u-self', mentioned('u-self'))).to.equal(true);
      expect(sees('u-team', mentioned('u-team'))).to.equal(true);
      expect(sees('u-self', mentioned('u-team'))).to.equal(false);
      expect(sees('u-gone', mentioned('u-gone'))).to.equal(false);
    });
  });

  describe('saved views', () => {
    const view = (id: string) => state.views.get(id)!;
    it('R14 a saved view is visible to its owner', () => {
      expect(canSeeView(user('u-other'), view('v-private'))).to.equal(true);
      expect(canSeeView(user('u-owner'), view('v-private'))).to.equal(false);
    });
    it('R14 shared with everyone, every user sees it', () => {
      for (const u of users) expect(canSeeView(u, view('v-public')), u.id).to.equal(true);
    });
    it('R14 shared with users, those users see it', () => {
      const v = share({ userIds: ['u-self'] });
      expect(canSeeView(user('u-self'), v)).to.equal(true);
      expect(canSeeView(user('u-all'), v)).to.equal(false);
    });
    it('R14 shared with teams, their members see it', () => {
      expect(canSeeView(user('u-mate'), view('v-support'))).to.equal(true);
      expect(canSeeView(user('u-blocker'), view('v-support'))).to.equal(false);
    });
    it('R14 only its owner can change or delete it', () => {
      expect(canChangeView(user('u-other'), view('v-support'))).to.equal(true);
      expect(canChangeView(user('u-mate'), view('v-support'))).to.equal(false);
      expect(canChangeView(user('u-owner'), view('v-public'))).to.equal(true);
      expect(canChangeView(user('u-manager'), view('v-public'))).to.equal(false);
    });
    it('R14 the sidebar lists the saved views the user can see, by name', () => {
      const saved = (id: string) => sidebarViews(state, user(id)).filter((v) => v.kind === 'saved').map((v) => v.id);
      expect(saved('u-mate')).to.deep.equal(['saved:v-public', 'saved:v-support']);
      expect(saved('u-other')).to.deep.equal(['saved:v-private', 'saved:v-public', 'saved:v-support']);
      expect(saved('u-owner')).to.deep.equal(['saved:v-public']);
    });
  });

  describe('the Blocked view', () => {
    it('R14 owners and managers may use it; agents with permission only', () => {
      expect(mayUseBlocked(user('u-owner'))).to.equal(true);
      expect(mayUseBlocked(user('u-manager'))).to.equal(true);
      expect(mayUseBlocked(user('u-blocker'))).to.equal(true);
      expect(mayUseBlocked(user('u-all'))).to.equal(false);
    });
    it('R14 R8 it exists only with at least one blocked contact', () => {
      expect(hasBlockedContact(state)).to.equal(true);
      const none = makeState({ users, teams });
      expect(hasBlockedContact(none)).to.equal(false);
      expect(sidebarViews(none, user('u-owner')).map((v) => v.id)).to.not.include('blocked');
      expect(sidebarViews(state, user('u-owner')).map((v) => v.id)).to.include('blocked');
      expect(sidebarViews(state, user('u-blocker')).map((v) => v.id)).to.include('blocked');
      expect(sidebarViews(state, user('u-all')).map((v) => v.id)).to.not.include('blocked');
      expect(canUseView(state, user('u-all'), 'blocked')).to.equal(false);
    });
  });

  describe('the sidebar', () => {
    const ids = (id: string) => sidebarViews(state, user(id)).map((v) => v.id);
    const standard = ['all', 'mine', 'unassigned', 'mentions', 'new', 'waiting', 'bots'];
    const channels = ['channel:sms', 'channel:chat'];
    const folders = ['done', 'snoozed', 'sent', 'spam', 'trash'];
    it('R14 owners see every standard view, every team, channel views for kinds that have a channel', () => {
      expect(ids('u-owner')).to.deep.equal([...standard, 'team:t-2', 'team:t-1', ...channels, 'saved:v-public', ...folders, 'blocked']);
    });
    it('R14 managers too, whatever their visibility setting', () => {
      expect(ids('u-manager')).to.deep.equal([...standard, 'team:t-2', 'team:t-1', ...channels, 'saved:v-public', ...folders, 'blocked']);
    });
    it('R14 an agent with visibility all sees every standard view and their own teams\'', () => {
      expect(ids('u-all')).to.deep.equal([...standard, 'team:t-1', ...channels, 'saved:v-public', 'saved:v-support', ...folders]);
    });
    it('R14 an agent with visibility team sees no Unassigned', () => {
      expect(ids('u-team')).to.deep.equal([...standard.filter((v) => v !== 'unassigned'), 'team:t-1', ...channels, 'saved:v-public', 'saved:v-support', ...folders]);
    });
    it('R14 an agent with visibility self sees only Mine', () => {
      expect(ids('u-self')).to.deep.equal(['mine']);
      expect(canUseView(state, user('u-self'), 'saved:v-public')).to.equal(false);
      expect(canUseView(state, user('u-self'), 'team:t-1')).to.equal(false);
    });
    it('R14 a deactivated user sees nothing', () => {
      expect(ids('u-gone')).to.deep.equal([]);
      expect(canUseView(state, user('u-gone'), 'all')).to.equal(false);
    });
    it('R14 an agent cannot open another team\'s view, nor a view that does not exist', () => {
      expect(canUseView(state, user('u-all'), 'team:t-2')).to.equal(false);
      expect(canUseView(state, user('u-owner'), 'team:t-9')).to.equal(false);
      expect(canUseView(state, user('u-owner'), 'saved:v-9')).to.equal(false);
      expect(canUseView(state, user('u-owner'), 'channel:email')).to.equal(true);
    });
    it('R15 each entry carries a kind and a label key, names for teams and saved views', () => {
      const views = sidebarViews(state, user('u-owner'));
      expect(views[0]).to.deep.equal({ id: 'all', kind: 'inbox', labelKey: 'view.all' });
      expect(views.find((v) => v.id === 'team:t-1')).to.deep.equal({ id: 'team:t-1', kind: 'team', labelKey: 'view.team', name: 'Support' });
      expect(views.find((v) => v.id === 'channel:chat')).to.deep.equal({ id: 'channel:chat', kind: 'channel', labelKey: 'view.channel.chat' });
      expect(views.find((v) => v.id === 'saved:v-public')).to.deep.equal({ id: 'saved:v-public', kind: 'saved', labelKey: 'view.saved', name: 'v-public' });
      expect(views.at(-1)).to.deep.equal({ id: 'blocked', kind: 'folder', labelKey: 'view.blocked' });
    });
  });
});

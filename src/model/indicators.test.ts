import { expect } from '@open-wc/testing';
import { DAY, makeChannel, makeContact, makeConversation, makeState, makeUser, T0 } from './fixtures.js';
import { canSeeConversation } from './permissions.js';
import { clearDot, dotCount, dotViewFor, lightDot, NO_DOTS, openCounts, type Dots } from './indicators.js';
import { randomState } from './random-state.js';
import type { Conversation, InboxState } from './types.js';
import { inView, sidebarViews, viewContext } from './views.js';

const users = [
  makeUser({ id: 'u-owner', role: 'owner' }),
  makeUser({ id: 'u-ana', teamIds: ['t-1', 't-2'] }),
  makeUser({ id: 'u-bob', teamIds: ['t-1'] }),
  makeUser({ id: 'u-team', visibility: 'team', teamIds: ['t-1'] }),
  makeUser({ id: 'u-self', visibility: 'self' }),
  makeUser({ id: 'u-gone', active: false }),
];
const teams = [
  { id: 't-1', name: 'Support', memberIds: ['u-ana', 'u-bob', 'u-team'] },
  { id: 't-2', name: 'Billing', memberIds: ['u-ana'] },
];
const contacts = [makeContact({ id: 'k-1' }), makeContact({ id: 'k-blocked', blocked: true })];
const c = (id: string, extra: Partial<Conversation> = {}) => makeConversation({ id, ...extra });
const toUser = (id: string) => ({ type: 'user', id }) as const;
const state = (conversations: Conversation[]) =>
  makeState({
    users, teams, contacts, conversations,
    channels: [makeChannel({ id: 'ch-sms' }), makeChannel({ id: 'ch-email', kind: 'email' })],
  });

const counts = (s: InboxState, userId: string) => Object.fromEntries(openCounts(s, s.users.get(userId)!, T0));

describe('indicators', () => {
  describe('open counts', () => {
    const s = state([
      c('c-1', { assignee: toUser('u-ana'), awaiting: 'agent' }),
      c('c-2', { assignee: toUser('u-bob'), awaiting: 'contact', channelId: 'ch-email', mentions: ['u-ana'] }),
      c('c-3', { teamId: 't-2' }),
      c('c-4', { assignee: { type: 'bot', id: 'b-1' } }),
      c('c-5', { assignee: { type: 'bot', id: 'b-1' }, humanOwned: true, teamId: 't-1' }),
      c('c-done', { status: 'done', doneAt: T0, assignee: toUser('u-ana') }),
      c('c-spam', { spam: true }),
      c('c-trash', { trashedAt: T0 }),
      c('c-blocked', { contactId: 'k-blocked' }),
      c('c-snoozed', { snoozedUntil: T0 + DAY }),
      c('c-sent', { sent: true }),
    ]);
    it('R15 counts the open conversations of every standard, team and channel view', () => {
      expect(counts(s, 'u-ana')).to.deep.equal({
        all: 5, mine: 1, unassigned: 1, mentions: 1, new: 4, waiting: 1, bots: 1,
        'team:t-2': 2, 'team:t-1': 3, 'channel:sms': 4, 'channel:email': 1,
      });
    });
    it('R3 R6 R7 R8 R9 R18 done, spam, trashed, blocked, snoozed and sent conversations are not counted', () => {
      expect(counts(s, 'u-owner')['all']).to.equal(5);
    });
    it('R14 owners count every team; an agent with visibility team counts only what they see, no Unassigned', () => {
      expect(Object.keys(counts(s, 'u-owner'))).to.include.members(['team:t-1', 'team:t-2', 'unassigned']);
      expect(counts(s, 'u-team')).to.deep.equal({
        all: 2, mine: 0, mentions: 0, new: 1, waiting: 1, bots: 0, 'team:t-1': 2, 'channel:sms': 1, 'channel:email': 1,
      });
    });
    it('R14 visibility self counts Mine only; a deactivated user counts nothing', () => {
      expect(counts(s, 'u-self')).to.deep.equal({ mine: 0 });
      expect(counts(s, 'u-gone')).to.deep.equal({});
    });
    it('R15 a conversation counts once in a team view, by its team and its assignee alike', () => {
      const one = state([c('c-1', { teamId: 't-1', assignee: toUser('u-bob') })]);
      expect(counts(one, 'u-owner')['team:t-1']).to.equal(1);
    });
    for (const seed of [11, 12]) {
      it(`R15 counts equal the open tab of each view, under R14 (seed ${seed})`, () => {
        const r = randomState(seed);
        for (const user of r.users.values()) {
          const ctx = viewContext(r, user, T0);
          const got = openCounts(r, user, T0);
          const counted = sidebarViews(r, user).filter((v) => v.kind !== 'saved' && v.kind !== 'folder');
          expect([...got.keys()]).to.deep.equal(counted.map((v) => v.id));
          for (const view of counted) {
            const expected = [...r.conversations.values()].filter(
              (x) => inView(x, view.id, 'open', ctx) && canSeeConversation(r, user, x),
            ).length;
            expect(got.get(view.id), `${user.id} ${view.id}`).to.equal(expected);
          }
        }
      });
    }
  });

  describe('dots', () => {
    const dot = (conversation: Conversation, userId: string) => {
      const s = state([conversation]);
      return dotViewFor(s, conversation, s.users.get(userId)!);
    };
    it('R15 Mine comes first', () => {
      expect(dot(c('c-1', { assignee: toUser('u-ana'), teamId: 't-1' }), 'u-ana')).to.equal('mine');
    });
    it('R15 then the first team view holding it, in sidebar order', () => {
      expect(dot(c('c-1', { assignee: toUser('u-bob') }), 'u-ana')).to.equal('team:t-1');
      expect(dot(c('c-1', { teamId: 't-2' }), 'u-ana')).to.equal('team:t-2');
      expect(dot(c('c-1', { teamId: 't-1', assignee: toUser('u-ana') }), 'u-bob')).to.equal('team:t-1');
      // Held by both of Ana's teams: Billing sorts before Support.
      const both = c('c-1', { teamId: 't-2', assignee: toUser('u-bob') });
      expect(dot(both, 'u-ana')).to.equal('team:t-2');
    });
    it('R15 then Unassigned, then All', () => {
      expect(dot(c('c-1'), 'u-ana')).to.equal('unassigned');
      expect(dot(c('c-1', { assignee: toUser('u-owner') }), 'u-ana')).to.equal('all');
      expect(dot(c('c-1', { assignee: { type: 'bot', id: 'b-1' } }), 'u-ana')).to.equal('all');
    });
    it('R8 a blocked contact\'s message lights nothing', () => {
      expect(dot(c('c-1', { contactId: 'k-blocked', assignee: toUser('u-ana') }), 'u-ana')).to.equal(null);
    });
    it('R6 R7 R18 trashed, spam and still snoozed conversations light nothing', () => {
      for (const extra of [{ trashedAt: T0 }, { spam: true }, { snoozedUntil: 'next-message' as const }]) {
        expect(dot(c('c-1', { assignee: toUser('u-ana'), ...extra }), 'u-ana'), JSON.stringify(extra)).to.equal(null);
      }
    });
    it('R14 a conversation the user cannot see lights nothing', () => {
      expect(dot(c('c-1', { assignee: toUser('u-owner') }), 'u-team')).to.equal(null);
      expect(dot(c('c-1'), 'u-team')).to.equal(null);
      expect(dot(c('c-1', { assignee: toUser('u-bob') }), 'u-self')).to.equal(null);
      expect(dot(c('c-1', { assignee: toUser('u-ana') }), 'u-gone')).to.equal(null);
    });
    it('R14 visibility team: a teammate\'s conversation lights the team, never Unassigned', () => {
      expect(dot(c('c-1', { assignee: toUser('u-bob') }), 'u-team')).to.equal('team:t-1');
    });
    it('R14 visibility self: only Mine lights', () => {
      expect(dot(c('c-1', { assignee: toUser('u-self') }), 'u-self')).to.equal('mine');
      expect(dot(c('c-1', { mentions: ['u-self'] }), 'u-self')).to.equal(null);
    });
    it('R15 a dot counts conversations, not messages', () => {
      let dots: Dots = NO_DOTS;
      dots = lightDot(dots, 'c-1', 'mine');
      const again = lightDot(dots, 'c-1', 'mine');
      expect(again).to.equal(dots);
      dots = lightDot(dots, 'c-2', 'mine');
      dots = lightDot(dots, 'c-3', 'all');
      expect(dotCount(dots, 'mine')).to.equal(2);
      expect(dotCount(dots, 'all')).to.equal(1);
      expect(dotCount(dots, 'unassigned')).to.equal(0);
    });
    it('R15 opening a view clears its dot only', () => {
      const dots = lightDot(lightDot(NO_DOTS, 'c-1', 'mine'), 'c-2', 'all');
      const cleared = clearDot(dots, 'mine');
      expect(dotCount(cleared, 'mine')).to.equal(0);
      expect(dotCount(cleared, 'all')).to.equal(1);
      expect(clearDot(cleared, 'mine')).to.equal(cleared);
    });
    it('R15 dots are immutable: lighting and clearing return new maps and sets', () => {
      const before = lightDot(NO_DOTS, 'c-1', 'mine');
      const after = lightDot(before, 'c-2', 'mine');
      expect(dotCount(before, 'mine')).to.equal(1);
      expect(after.get('mine')).to.not.equal(before.get('mine'));
      clearDot(after, 'mine');
      expect(dotCount(after, 'mine')).to.equal(2);
      expect(NO_DOTS.size).to.equal(0);
    });
  });
});

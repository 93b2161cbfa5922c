import { expect } from '@open-wc/testing';
import { displayState } from './display.js';
import { makeContact, makeConversation, makeState, T0 } from './fixtures.js';

describe('displayState', () => {
  const state = makeState({ contacts: [makeContact({ id: 'k-1' }), makeContact({ id: 'k-2', blocked: true })] });
  const show = (overrides: Parameters<typeof makeConversation>[0], userId?: string) =>
    displayState(state, makeConversation(overrides), userId);

  it('R6 a trashed conversation shows Trash before anything else', () => {
    expect(show({ id: 'c', trashedAt: T0, spam: true, status: 'done', contactId: 'k-2' })).to.equal('trash');
  });
  it('R8 a blocked contact shows Blocked before Spam and Done', () => {
    expect(show({ id: 'c', contactId: 'k-2', spam: true, status: 'done' })).to.equal('blocked');
  });
  it('R7 spam shows Spam', () => {
    expect(show({ id: 'c', spam: true, unread: true })).to.equal('spam');
  });
  it('R3 done shows Done', () => {
    expect(show({ id: 'c', status: 'done', snoozedUntil: 'next-message' })).to.equal('done');
  });
  it('R18 snoozed shows Snoozed', () => {
    expect(show({ id: 'c', snoozedUntil: T0 + 1, unread: true })).to.equal('snoozed');
  });
  it('R9 started by us with no reply shows Sent', () => {
    expect(show({ id: 'c', sent: true, awaiting: 'contact' })).to.equal('sent');
  });
  it('R4 unread shows Unread, and R20 a mention unread for this user does too', () => {
    expect(show({ id: 'c', unread: true })).to.equal('unread');
    expect(show({ id: 'c', mentionsUnread: ['u-ana'] }, 'u-ana')).to.equal('unread');
    expect(show({ id: 'c', mentionsUnread: ['u-ana'] }, 'u-lea')).to.equal('new');
  });
  it('R5 otherwise its queue: New when awaiting an agent, Waiting when awaiting the contact', () => {
    expect(show({ id: 'c', awaiting: 'agent' })).to.equal('new');
    expect(show({ id: 'c', awaiting: 'contact' })).to.equal('waiting');
  });
});

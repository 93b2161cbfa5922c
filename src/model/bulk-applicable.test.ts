import { expect } from '@open-wc/testing';
import { applicableBulk } from './bulk.js';
import { makeConversation, makeState, T0 } from './fixtures.js';

describe('applicableBulk: only the bulk actions that change something', () => {
  const state = makeState({
    conversations: [
      makeConversation({ id: 'open-read' }),
      makeConversation({ id: 'open-unread', unread: true }),
      makeConversation({ id: 'done', status: 'done', doneAt: T0 }),
      makeConversation({ id: 'snoozed', snoozedUntil: 'next-message' }),
      makeConversation({ id: 'spam', spam: true }),
      makeConversation({ id: 'trashed', trashedAt: T0 }),
    ],
  });
  const of = (...ids: string[]) => [...applicableBulk(state, ids)];

  it('open, read rows: no Reopen, no Mark read, no Not spam, no Restore, no Wake', () => {
    expect(of('open-read')).to.deep.equal(['markDone', 'markUnread', 'snooze', 'markSpam', 'trash']);
  });

  it('an unread row among them adds Mark read; a done one Reopen (and takes nothing away)', () => {
    expect(of('open-read', 'open-unread')).to.include.members(['markRead', 'markUnread']);
    const mixed = of('open-read', 'done');
    expect(mixed).to.include.members(['markDone', 'reopen']);
    expect(of('done')).to.not.include('markDone');
    expect(of('done')).to.not.include('snooze');
  });

  it('folders offer their way back: Wake, Not spam, Restore', () => {
    expect(of('snoozed')).to.include('unsnooze').and.not.include('snooze');
    expect(of('spam')).to.include('unmarkSpam').and.not.include('markSpam');
    expect(of('trashed')).to.include('restore').and.not.include('trash');
  });

  it('ignores ids it does not know', () => {
    expect(of('nope')).to.deep.equal([]);
  });
});

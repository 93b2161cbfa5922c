import { expect } from '@open-wc/testing';
import type { Command } from './commands.js';
import { DAY, HOUR, T0, makeConversation, makeState, makeUser } from './fixtures.js';
import { apply, applyAll } from './rules.js';
import { ANA, NOW, cmd, conv, deepFreeze, run } from './rules.testing.js';
import type { Conversation, InboxState } from './types.js';
import { invert } from './undo.js';

const withConversations = (...overrides: Parameters<typeof makeConversation>[0][]) =>
  makeState({
    users: [makeUser({ id: 'u-owner', role: 'owner' }), makeUser({ id: 'u-ana' }), makeUser({ id: 'u-bo' })],
    conversations: overrides.map(makeConversation),
  });

const bare = (commands: Command[]) => commands.map(({ type, args }) => ({ type, args }));

/** The fields a person sees; undo restores these (times of the undo itself may differ). */
function visible(c: Conversation) {
  const { status, unread, awaiting, assignee, snoozedUntil, spam, priority, labels, pinned } = c;
  return { status, unread, awaiting, assignee, snoozedUntil, spam, priority, labels: [...labels].sort(), pinned, trashed: c.trashedAt !== null };
}

/** Applies the command, then its inverse; the visible fields must be back. */
function roundTrip(state: InboxState, command: Command) {
  const inverse = invert(state, command, ANA);
  const done = run(state, command);
  const undone = applyAll(done, inverse, { actorId: 'u-ana', now: NOW + 1 });
  expect(undone.refusals).to.deep.equal([]);
  for (const before of state.conversations.values()) {
    expect(visible(conv(undone.state, before.id)), `${command.type} ${before.id}`).to.deep.equal(visible(before));
  }
  return inverse;
}

describe('undo', () => {
  it('R3 undoing done on [open+unread, open+read] reopens both and marks the unread one unread', () => {
    const state = withConversations({ id: 'a', unread: true }, { id: 'b' });
    const inverse = invert(state, cmd('markDone', { ids: ['a', 'b'] }, 'x'), ANA);
    expect(inverse).to.deep.equal([
      { id: 'x:undo:0', type: 'reopen', args: { ids: ['a', 'b'] } },
      { id: 'x:undo:1', type: 'markUnread', args: { ids: ['a'] } },
    ]);
  });

  it('R3 undoing done leaves conversations that were already done alone', () => {
    const state = withConversations({ id: 'a', status: 'done', doneAt: T0 }, { id: 'b' });
    expect(bare(invert(state, cmd('markDone', { ids: ['a', 'b'] }), ANA))).to.deep.equal([{ type: 'reopen', args: { ids: ['b'] } }]);
  });

  it('R3 undoing done restores a snooze that done cancelled', () => {
    const state = withConversations({ id: 'a', snoozedUntil: NOW + DAY });
    const inverse = roundTrip(state, cmd('markDone', { ids: ['a'] }));
    expect(bare(inverse)).to.deep.equal([
      { type: 'reopen', args: { ids: ['a'] } },
      { type: 'snooze', args: { ids: ['a'], until: NOW + DAY } },
    ]);
  });

  it('R3 undoing reopen marks done again', () => {
    const state = withConversations({ id: 'a', status: 'done', doneAt: T0 });
    expect(bare(roundTrip(state, cmd('reopen', { ids: ['a'] })))).to.deep.equal([{ type: 'markDone', args: { ids: ['a'] } }]);
  });

  it('R4 undoing unread marks read, and undoing read marks unread', () => {
    const state = withConversations({ id: 'a' }, { id: 'b', unread: true });
    expect(bare(roundTrip(state, cmd('markUnread', { ids: ['a', 'b'] })))).to.deep.equal([{ type: 'markRead', args: { ids: ['a'] } }]);
    expect(bare(roundTrip(state, cmd('markRead', { ids: ['a', 'b'] })))).to.deep.equal([{ type: 'markUnread', args: { ids: ['b'] } }]);
  });

  it('R4 undoing mark open on a done unread conversation marks it done, then unread', () => {
    const state = withConversations({ id: 'a', status: 'done', unread: true, doneAt: T0 });
    expect(bare(roundTrip(state, cmd('markOpen', { ids: ['a'] })))).to.deep.equal([
      { type: 'markDone', args: { ids: ['a'] } },
      { type: 'markUnread', args: { ids: ['a'] } },
    ]);
  });

  it('R5 undoing waiting returns the conversation to New', () => {
    const state = withConversations({ id: 'a' });
    expect(bare(roundTrip(state, cmd('markWaiting', { ids: ['a'] })))).to.deep.equal([{ type: 'markNew', args: { ids: ['a'] } }]);
  });

  it('R10 undoing an assignment assigns back, grouped by previous assignee', () => {
    const state = withConversations(
      { id: 'a' },
      { id: 'b', assignee: { type: 'user', id: 'u-bo' } },
      { id: 'c', assignee: { type: 'user', id: 'u-bo' } },
      { id: 'd', assignee: { type: 'bot', id: 'b-1' } },
      { id: 'e', assignee: { type: 'user', id: 'u-ana' } },
    );
    const inverse = roundTrip(state, cmd('assign', { ids: ['a', 'b', 'c', 'd', 'e'], assignee: { type: 'user', id: 'u-ana' } }));
    expect(bare(inverse)).to.deep.equal([
      { type: 'assign', args: { ids: ['a'], assignee: null } },
      { type: 'assign', args: { ids: ['b', 'c'], assignee: { type: 'user', id: 'u-bo' } } },
      { type: 'assign', args: { ids: ['d'], assignee: { type: 'bot', id: 'b-1' } } },
    ]);
  });

  it('R18 undoing a snooze unsnoozes, or snoozes back to the previous time', () => {
    const state = withConversations({ id: 'a' }, { id: 'b', snoozedUntil: NOW + HOUR }, { id: 'c', snoozedUntil: 'next-message' });
    expect(bare(roundTrip(state, cmd('snooze', { ids: ['a', 'b', 'c'], until: NOW + DAY })))).to.deep.equal([
      { type: 'unsnooze', args: { ids: ['a'] } },
      { type: 'snooze', args: { ids: ['b'], until: NOW + HOUR } },
      { type: 'snooze', args: { ids: ['c'], until: 'next-message' } },
    ]);
  });

  it('R18 undoing unsnooze snoozes again', () => {
    const state = withConversations({ id: 'a', snoozedUntil: 'next-message' });
    expect(bare(roundTrip(state, cmd('unsnooze', { ids: ['a'] })))).to.deep.equal([
      { type: 'snooze', args: { ids: ['a'], until: 'next-message' } },
    ]);
  });

  it('R6 undoing trash restores, and undoing restore trashes', () => {
    const state = withConversations({ id: 'a' }, { id: 'b', trashedAt: T0 });
    expect(bare(roundTrip(state, cmd('trash', { ids: ['a', 'b'] })))).to.deep.equal([{ type: 'restore', args: { ids: ['a'] } }]);
    expect(bare(roundTrip(state, cmd('restore', { ids: ['a', 'b'] })))).to.deep.equal([{ type: 'trash', args: { ids: ['b'] } }]);
  });

  it('R7 undoing spam unmarks it, and the other way round', () => {
    const state = withConversations({ id: 'a' }, { id: 'b', spam: true });
    expect(bare(roundTrip(state, cmd('markSpam', { ids: ['a', 'b'] })))).to.deep.equal([{ type: 'unmarkSpam', args: { ids: ['a'] } }]);
    expect(bare(roundTrip(state, cmd('unmarkSpam', { ids: ['a', 'b'] })))).to.deep.equal([{ type: 'markSpam', args: { ids: ['b'] } }]);
  });

  it('R19 undoing a priority sets each previous priority, grouped', () => {
    const state = withConversations({ id: 'a' }, { id: 'b', priority: 'high' }, { id: 'c', priority: 'high' }, { id: 'd', priority: 'urgent' });
    expect(bare(roundTrip(state, cmd('setPriority', { ids: ['a', 'b', 'c', 'd'], priority: 'urgent' })))).to.deep.equal([
      { type: 'setPriority', args: { ids: ['a'], priority: 'none' } },
      { type: 'setPriority', args: { ids: ['b', 'c'], priority: 'high' } },
    ]);
  });

  it('R19 undoing added labels removes only the labels that were really added', () => {
    const state = withConversations({ id: 'a', labels: ['vip'] }, { id: 'b' }, { id: 'c', labels: ['vip', 'billing'] });
    expect(bare(roundTrip(state, cmd('addLabels', { ids: ['a', 'b', 'c'], labels: ['vip', 'billing'] })))).to.deep.equal([
      { type: 'removeLabels', args: { ids: ['a'], labels: ['billing'] } },
      { type: 'removeLabels', args: { ids: ['b'], labels: ['vip', 'billing'] } },
    ]);
  });

  it('R19 undoing removed labels adds back those that were there', () => {
    const state = withConversations({ id: 'a', labels: ['vip'] }, { id: 'b' });
    expect(bare(roundTrip(state, cmd('removeLabels', { ids: ['a', 'b'], labels: ['vip', 'x'] })))).to.deep.equal([
      { type: 'addLabels', args: { ids: ['a'], labels: ['vip'] } },
    ]);
  });

  it('R16 undoing a pin restores the previous pin', () => {
    const state = withConversations({ id: 'a' }, { id: 'b', pinned: true });
    expect(bare(roundTrip(state, cmd('pin', { ids: ['a', 'b'], pinned: true })))).to.deep.equal([
      { type: 'pin', args: { ids: ['a'], pinned: false } },
    ]);
  });

  it('undo ids derive from the original command id, in order', () => {
    const state = withConversations({ id: 'a', unread: true, snoozedUntil: 'next-message' });
    expect(invert(state, cmd('markDone', { ids: ['a'] }, 'k'), ANA).map((c) => c.id)).to.deep.equal(['k:undo:0', 'k:undo:1', 'k:undo:2']);
  });

  it('nothing to undo: a command that changed nothing, a refused one, one not undoable', () => {
    const state = withConversations({ id: 'a', status: 'done', doneAt: T0 });
    expect(invert(state, cmd('markDone', { ids: ['a'] }), ANA)).to.deep.equal([]);
    expect(invert(state, cmd('markDone', { ids: ['ghost'] }), ANA)).to.deep.equal([]);
    expect(invert(state, cmd('deleteForever', { ids: ['a'] }), ANA)).to.deep.equal([]);
    expect(invert(state, cmd('comment', { conversationId: 'a', itemId: 'c', body: 'x', mentions: [] }), ANA)).to.deep.equal([]);
  });

  it('R8 undoing block unblocks the contact, and undoing unblock blocks it again', () => {
    const state = withConversations({ id: 'a', contactId: 'k-1' });
    const block = cmd('blockContact', { contactId: 'k-1' }, 'x');
    expect(invert(state, block, ANA)).to.deep.equal([{ id: 'x:undo:0', type: 'unblockContact', args: { contactId: 'k-1' } }]);
    const blocked = run(state, block);
    expect(blocked.contacts.get('k-1')!.blocked).to.equal(true);
    const inverse = invert(blocked, cmd('unblockContact', { contactId: 'k-1' }), ANA);
    expect(bare(inverse)).to.deep.equal([{ type: 'blockContact', args: { contactId: 'k-1' } }]);
    const undone = applyAll(blocked, invert(state, block, ANA), { actorId: 'u-ana', now: NOW + 1 });
    expect(undone.refusals).to.deep.equal([]);
    expect(undone.state.contacts.get('k-1')!.blocked).to.equal(false);
  });

  it('R8 blocking a contact already blocked has nothing to undo', () => {
    const blocked = run(withConversations({ id: 'a', contactId: 'k-1' }), cmd('blockContact', { contactId: 'k-1' }));
    expect(invert(blocked, cmd('blockContact', { contactId: 'k-1' }), ANA)).to.deep.equal([]);
  });

  it('invert never mutates the state it is given', () => {
    const state = deepFreeze(withConversations({ id: 'a', unread: true }, { id: 'b', labels: ['x'] }));
    expect(invert(state, cmd('markDone', { ids: ['a', 'b'] }), ANA)).to.have.length(2);
    expect(invert(state, cmd('addLabels', { ids: ['a', 'b'], labels: ['x', 'y'] }), ANA)).to.have.length(2);
    expect(conv(state, 'a').status).to.equal('open');
  });

  it('the inverse is accepted by the rules as they stand after the command', () => {
    const state = withConversations({ id: 'a', unread: true, priority: 'low', labels: ['vip'] });
    const commands: Command[] = [
      cmd('markDone', { ids: ['a'] }),
      cmd('markWaiting', { ids: ['a'] }),
      cmd('setPriority', { ids: ['a'], priority: 'high' }),
      cmd('addLabels', { ids: ['a'], labels: ['new'] }),
      cmd('trash', { ids: ['a'] }),
    ];
    for (const command of commands) {
      const after = apply(state, command, ANA);
      expect(after.ok).to.equal(true);
      roundTrip(state, command);
    }
  });
});

import { expect } from '@open-wc/testing';
import { makeConversation, makeState } from './fixtures.js';
import { emptyState, reduce, stateFromSnapshot, toSnapshot, upsertTimelineItem, valuesById } from './state.js';
import type { TimelineItem } from './types.js';

describe('state', () => {
  it('upserts timeline items in time order', () => {
    const item = (id: string, at: number): TimelineItem => ({
      type: 'comment', id, conversationId: 'c', at, authorId: 'u', body: id, mentions: [],
    });
    let t = upsertTimelineItem(undefined, item('b', 2));
    t = upsertTimelineItem(t, item('a', 1));
    t = upsertTimelineItem(t, item('c', 3));
    t = upsertTimelineItem(t, item('b', 2));
    expect(t.map((i) => i.id)).to.deep.equal(['a', 'b', 'c']);
  });
  it('reduce never mutates its input', () => {
    const before = emptyState();
    const after = reduce(before, { type: 'view.deleted', id: 'x' });
    expect(before.views).to.not.equal(after.views);
    expect(before.views.size).to.equal(0);
  });

  describe('snapshots from an in-page backend', () => {
    const state = stateFromSnapshot(toSnapshot(makeState({ conversations: [makeConversation({ id: 'c-1' }), makeConversation({ id: 'c-2' })] })));

    it('a collection handed out by valuesById comes back as that collection, not indexed again', () => {
      const values = valuesById(state.conversations);
      expect(Object.isFrozen(values)).to.equal(true);
      expect(values.map((c) => c.id)).to.deep.equal(['c-1', 'c-2']);
      const again = stateFromSnapshot({ ...toSnapshot(state), conversations: values });
      expect(again.conversations).to.equal(state.conversations);
    });

    it('an array of the same values not handed out is indexed anew, duplicates replaced in place', () => {
      const copy = [...state.conversations.values()];
      const again = stateFromSnapshot({ ...toSnapshot(state), conversations: [...copy, { ...copy[0]!, subject: 'later' }] });
      expect(again.conversations).not.to.equal(state.conversations);
      expect([...again.conversations.keys()]).to.deep.equal(['c-1', 'c-2']);
      expect(again.conversations.get('c-1')?.subject).to.equal('later');
    });
  });
});

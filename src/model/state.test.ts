import { expect } from '@open-wc/testing';
import { emptyState, reduce, upsertTimelineItem } from './state.js';
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
});

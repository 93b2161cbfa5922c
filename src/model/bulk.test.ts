import { expect } from '@open-wc/testing';
import { splitBulk } from './bulk.js';
import { makeConversation, makeState, MINUTE, T0 } from './fixtures.js';

describe('splitBulk', () => {
  const state = makeState({
    conversations: [
      makeConversation({ id: 'a' }),
      makeConversation({ id: 'bot', assignee: { type: 'bot', id: 'b-1' }, lastInboundAt: T0 - 10 * MINUTE }),
      makeConversation({ id: 'b' }),
    ],
  });
  const ctx = { actorId: 'u-owner', now: T0 };

  it('R12 keeps a fresh bot conversation out of a bulk done and accepts the rest', () => {
    const split = splitBulk(state, 'markDone', { ids: ['a', 'bot', 'b'] }, ctx);
    expect(split.accepted).to.deep.equal(['a', 'b']);
    expect(split.refused.map((r) => [r.id, r.refusal.code])).to.deep.equal([['bot', 'too-early']]);
  });

  it('reports an unknown conversation as refused, keeping the other arguments', () => {
    const split = splitBulk(state, 'setPriority', { ids: ['a', 'nope'], priority: 'high' }, ctx);
    expect(split.accepted).to.deep.equal(['a']);
    expect(split.refused.map((r) => r.id)).to.deep.equal(['nope']);
  });
});

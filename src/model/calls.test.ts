import { expect } from '@open-wc/testing';
import { forMode, isCallConversation } from './calls.js';
import { makeChannel, makeConversation, makeState, T0 } from './fixtures.js';

describe('calls (Chats / Calls tabs)', () => {
  const state = makeState({
    channels: [makeChannel({ id: 'ch-sms', kind: 'sms' }), makeChannel({ id: 'ch-call', kind: 'call' })],
  });
  const onCallChannel = makeConversation({ id: 'a', channelId: 'ch-call' });
  const lastWasCall = makeConversation({
    id: 'b',
    lastMessage: { preview: 'Missed call', at: T0, direction: 'in', kind: 'call' },
  });
  const sms = makeConversation({
    id: 'c',
    lastMessage: { preview: 'Hello', at: T0, direction: 'in', kind: 'sms' },
  });

  it('a conversation on a call channel is a call', () => {
    expect(isCallConversation(state, onCallChannel)).to.be.true;
  });
  it('a conversation whose last message was a call is a call', () => {
    expect(isCallConversation(state, lastWasCall)).to.be.true;
  });
  it('a text conversation is not a call, nor one without messages on a text channel', () => {
    expect(isCallConversation(state, sms)).to.be.false;
    expect(isCallConversation(state, makeConversation({ id: 'd' }))).to.be.false;
  });
  it('Chats shows every conversation, Calls only the calls, in the same order', () => {
    const list = [sms, onCallChannel, lastWasCall];
    expect(forMode(state, list, 'chats')).to.equal(list);
    expect(forMode(state, list, 'calls').map((c) => c.id)).to.deep.equal(['a', 'b']);
  });
});

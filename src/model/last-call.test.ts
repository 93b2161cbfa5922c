import { expect } from '@open-wc/testing';
import { callOutcome } from './call-outcome.js';
import { makeContact, makeConversation, makeState, makeUser } from './fixtures.js';
import { ANA, SYSTEM, cmd, conv, run } from './rules.testing.js';
import type { InboxState } from './types.js';

/**
 * A call conversation's last message carries its call (LastMessage.call), kept
 * current as the call is answered, ended, declined or recorded, so that a list
 * row says how the call went without loading the timeline.
 */
describe('the last message of a call conversation', () => {
  const state = (): InboxState =>
    makeState({
      users: [makeUser({ id: 'u-ana' })],
      contacts: [makeContact({ id: 'k-1' })],
      conversations: [makeConversation({ id: 'a' })],
    });
  const ring = (s: InboxState, itemId = 'call-1') =>
    run(s, cmd('receiveCall', { conversationId: 'a', itemId, contactId: 'k-1', channelId: 'ch-sms', direction: 'in' }), SYSTEM);
  const last = (s: InboxState) => conv(s, 'a').lastMessage!;

  it('rings with the call, then follows it: answered, ended with its length', () => {
    let s = ring(state());
    expect(last(s)).to.deep.include({ kind: 'call', direction: 'in' });
    expect(last(s).call).to.deep.equal({ itemId: 'call-1', state: 'ringing', duration: 0, recording: false });
    s = run(s, cmd('answerCall', { conversationId: 'a', itemId: 'call-1' }));
    expect(last(s).call?.state).to.equal('active');
    s = run(s, cmd('setRecording', { conversationId: 'a', itemId: 'call-1', recording: true }));
    expect(last(s).call?.recording).to.equal(true);
    s = run(s, cmd('endCall', { conversationId: 'a', itemId: 'call-1', duration: 252 }));
    expect(last(s).call).to.deep.equal({ itemId: 'call-1', state: 'ended', duration: 252, recording: true });
    expect(callOutcome({ direction: last(s).direction, ...last(s).call! })).to.equal('answered');
  });

  it('a call hung up while ringing is missed; a declined one declined', () => {
    const missed = run(ring(state()), cmd('endCall', { conversationId: 'a', itemId: 'call-1', duration: 0 }), SYSTEM);
    expect(last(missed).call?.state).to.equal('missed');
    const declined = run(ring(state()), cmd('declineCall', { conversationId: 'a', itemId: 'call-1' }), ANA);
    expect(last(declined).call?.state).to.equal('declined');
  });

  it('an outbound call placed by an agent is the last message, ringing', () => {
    const s = run(state(), cmd('placeCall', { conversationId: 'a', itemId: 'call-2' }));
    expect(last(s)).to.deep.include({ kind: 'call', direction: 'out' });
    expect(last(s).call).to.deep.include({ itemId: 'call-2', state: 'ringing' });
  });

  it('an older call changing leaves a newer last message alone', () => {
    let s = ring(state(), 'call-1');
    s = ring(s, 'call-2');
    const before = last(s);
    s = run(s, cmd('endCall', { conversationId: 'a', itemId: 'call-1', duration: 0 }), SYSTEM);
    expect(last(s)).to.equal(before);
  });
});

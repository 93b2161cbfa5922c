import { expect } from '@open-wc/testing';
import { makeContact, makeConversation, makeState, makeUser, T0 } from './fixtures.js';
import { decideAsBackend } from './rules.backend.js';
import { CALL_RULES } from './rules.calls.js';
import { addPersonRules, decide } from './rules.js';
import { ANA, cmd } from './rules.testing.js';
import type { CallItem } from './types.js';

/**
 * R10's call rules load with the calls' elements (define-calls.ts registers
 * them): this file runs in a page of its own, where they start unloaded. A
 * call command then changes nothing in the page and the backend decides it;
 * a backend always has them.
 */
describe('the calls\' rules, loaded with the calls\' elements', () => {
  const call: CallItem = {
    type: 'call', id: 'call-1', conversationId: 'a', at: T0, direction: 'in', state: 'ringing',
    duration: 0, agentId: null, recording: false,
  };
  const state = makeState({
    users: [makeUser({ id: 'u-ana' })],
    contacts: [makeContact({ id: 'k-1' })],
    conversations: [makeConversation({ id: 'a', contactId: 'k-1' })],
    timelines: [call],
  });
  const answer = cmd('answerCall', { conversationId: 'a', itemId: 'call-1' });

  it('R10 before they load, a call command is accepted here with no change, and the backend decides it', () => {
    expect(decide(state, answer, ANA)).to.deep.equal({ ok: true, events: [] });
    const backend = decideAsBackend(state, answer, ANA);
    expect(backend.ok && backend.events.map((e) => e.type)).to.include.members(['timeline.upserted', 'conversation.upserted']);
    // An unknown command is still refused.
    expect(decide(state, { ...answer, type: 'ringTwice' } as never, ANA)).to.deep.include({ ok: false });
  });

  it('R10 once loaded, the page decides a call command as the backend does', () => {
    addPersonRules(CALL_RULES);
    expect(decide(state, answer, ANA)).to.deep.equal(decideAsBackend(state, answer, ANA));
    const refused = decide(state, cmd('answerCall', { conversationId: 'a', itemId: 'nope' }), ANA);
    expect(!refused.ok && refused.refusal.code).to.equal('not-found');
  });
});

import { expect } from '@open-wc/testing';
import {
  callFilters,
  callSeconds,
  currentCall,
  findCall,
  ringingCalls,
  ringingCounts,
  ringingSeconds,
  unloadedRecentCalls,
} from './calls.js';
import { forMode, isCallConversation } from './list-modes.js';
import { CALL_OUTCOMES, callOutcome, isUnanswered } from './call-outcome.js';
import { makeChannel, makeContact, makeConversation, makeState, makeUser, MINUTE, T0 } from './fixtures.js';
import { cmd, NOW, refusal, run } from './rules.testing.js';
import type { CallItem, InboxState, User } from './types.js';

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

const ring = (id: string, conversationId: string, extra: Partial<CallItem> = {}): CallItem => ({
  type: 'call', id, conversationId, at: T0, direction: 'in', state: 'ringing',
  duration: 0, agentId: null, recording: false, ...extra,
});

describe('ringing and current calls', () => {
  const users: User[] = [
    makeUser({ id: 'u-owner', role: 'owner' }),
    makeUser({ id: 'u-ana', teamIds: ['t-1'] }),
    makeUser({ id: 'u-bo', teamIds: ['t-1'] }),
    makeUser({ id: 'u-cy' }),
    makeUser({ id: 'u-team', visibility: 'team', teamIds: ['t-1'] }),
    makeUser({ id: 'u-self', visibility: 'self' }),
  ];
  const mine = { type: 'user', id: 'u-ana' } as const;
  const state: InboxState = makeState({
    users,
    teams: [{ id: 't-1', name: 'Support', memberIds: ['u-ana', 'u-bo', 'u-team'] }],
    contacts: [makeContact({ id: 'k-1' }), makeContact({ id: 'k-2' }), makeContact({ id: 'k-bad', blocked: true })],
    conversations: [
      makeConversation({ id: 'free', contactId: 'k-2' }),
      makeConversation({ id: 'ana', assignee: mine }),
      makeConversation({ id: 'bo', assignee: { type: 'user', id: 'u-bo' } }),
      makeConversation({ id: 'cy', assignee: { type: 'user', id: 'u-cy' } }),
      makeConversation({ id: 'self', assignee: { type: 'user', id: 'u-self' } }),
      makeConversation({ id: 'blocked', contactId: 'k-bad' }),
      makeConversation({ id: 'trashed', trashedAt: T0 }),
      makeConversation({ id: 'quiet' }),
    ],
    timelines: [
      ring('call-free', 'free', { at: T0 + 3000 }),
      ring('call-ana', 'ana', { at: T0 + 1000 }),
      ring('call-bo', 'bo', { at: T0 + 2000 }),
      ring('call-cy', 'cy'),
      ring('call-self', 'self'),
      ring('call-blocked', 'blocked'),
      ring('call-trashed', 'trashed'),
      ring('call-old', 'quiet', { state: 'ended', duration: 40, agentId: 'u-bo' }),
      ring('call-out', 'quiet', { direction: 'out', agentId: 'u-bo', at: T0 + 5000 }),
    ],
  });
  const ids = (userId: string, filter: 'all' | 'mine' | 'unassigned') =>
    ringingCalls(state, state.users.get(userId)!, filter).map((e) => e.call.id);

  it('All lists every inbound ringing call, longest waiting first, with its contact and channel', () => {
    expect(ids('u-ana', 'all')).to.deep.equal(['call-cy', 'call-self', 'call-ana', 'call-bo', 'call-free']);
    const [first] = ringingCalls(state, state.users.get('u-ana')!, 'all');
    expect(first!.contact?.id).to.equal('k-1');
    expect(first!.channel?.id).to.equal('ch-sms');
  });
  it('Assigned to me and Unassigned narrow it by the conversation’s assignee', () => {
    expect(ids('u-ana', 'mine')).to.deep.equal(['call-ana']);
    expect(ids('u-ana', 'unassigned')).to.deep.equal(['call-free']);
  });
  it('R8 a blocked contact’s call rings for no one; R6 nor does a trashed conversation’s', () => {
    expect(ids('u-owner', 'all')).not.to.include.members(['call-blocked']);
    expect(ids('u-owner', 'all')).not.to.include('call-trashed');
  });
  it('R14 an owner and an `all` agent get every tab', () => {
    expect(callFilters(state, state.users.get('u-owner')!)).to.deep.equal(['all', 'mine', 'unassigned']);
    expect(callFilters(state, state.users.get('u-ana')!)).to.deep.equal(['all', 'mine', 'unassigned']);
  });
  it('R14 a `team` agent sees their team’s calls and has no Unassigned tab', () => {
    expect(callFilters(state, state.users.get('u-team')!)).to.deep.equal(['all', 'mine']);
    expect(ids('u-team', 'all')).to.deep.equal(['call-ana', 'call-bo']);
    expect(ids('u-team', 'unassigned')).to.deep.equal([]);
  });
  it('R14 a `self` agent sees only their own calls, under Assigned to me only', () => {
    expect(callFilters(state, state.users.get('u-self')!)).to.deep.equal(['mine']);
    expect(ids('u-self', 'mine')).to.deep.equal(['call-self']);
    expect(ids('u-self', 'all')).to.deep.equal([]);
    expect(ids('u-self', 'unassigned')).to.deep.equal([]);
    expect([...ringingCounts(state, state.users.get('u-self')!)]).to.deep.equal([['mine', 1]]);
  });
  it('counts the calls under each tab', () => {
    expect([...ringingCounts(state, state.users.get('u-ana')!)]).to.deep.equal([['all', 5], ['mine', 1], ['unassigned', 1]]);
  });

  it('R10 answering an unassigned contact’s call assigns it and makes it the agent’s current call', () => {
    const answered = run(state, cmd('answerCall', { conversationId: 'free', itemId: 'call-free' }));
    expect(answered.conversations.get('free')!.assignee).to.deep.equal(mine);
    expect(answered.contacts.get('k-2')!.ownerId).to.equal('u-ana');
    const ana = answered.users.get('u-ana')!;
    expect(ringingCalls(answered, ana, 'unassigned')).to.have.length(0);
    expect(ringingCalls(answered, ana, 'all').map((e) => e.call.id)).not.to.include('call-free');
    const current = currentCall(answered, 'u-ana');
    expect(current?.call).to.include({ id: 'call-free', state: 'active', agentId: 'u-ana', answeredAt: NOW });
  });
  it('an outbound call still ringing is the caller’s current call; an answered one comes first', () => {
    expect(currentCall(state, 'u-bo')?.call.id).to.equal('call-out');
    const answered = run(state, cmd('answerCall', { conversationId: 'bo', itemId: 'call-bo' }), { actorId: 'u-bo', now: NOW });
    expect(currentCall(answered, 'u-bo')?.call.id).to.equal('call-bo');
    expect(currentCall(state, 'u-cy')).to.equal(null);
  });
  it('finds a conversation’s newest call, or the one named', () => {
    expect(findCall(state, 'quiet')?.call.id).to.equal('call-out');
    expect(findCall(state, 'quiet', 'call-old')?.call.id).to.equal('call-old');
    expect(findCall(state, 'quiet', 'nope')).to.equal(null);
    expect(findCall(state, 'nowhere')).to.equal(null);
  });

  it('declining a ringing call takes it off every list, and assigns nobody', () => {
    const declined = run(state, cmd('declineCall', { conversationId: 'free', itemId: 'call-free' }));
    expect(findCall(declined, 'free')?.call).to.include({ state: 'declined', agentId: 'u-ana' });
    expect(declined.conversations.get('free')!.assignee).to.equal(null);
    expect(ringingCalls(declined, declined.users.get('u-owner')!, 'all').map((e) => e.call.id)).not.to.include('call-free');
    // Declining twice is harmless; a call no longer ringing cannot be declined.
    expect(run(declined, cmd('declineCall', { conversationId: 'free', itemId: 'call-free' }))).to.equal(declined);
    expect(refusal(state, cmd('declineCall', { conversationId: 'quiet', itemId: 'call-old' })).code).to.equal('conflict');
    expect(refusal(state, cmd('declineCall', { conversationId: 'quiet', itemId: 'call-out' })).code).to.equal('conflict');
    expect(refusal(state, cmd('declineCall', { conversationId: 'free', itemId: 'nope' })).code).to.equal('not-found');
  });
  it('R14 a call in a conversation the agent cannot see cannot be declined or recorded', () => {
    const self = { actorId: 'u-self', now: NOW };
    expect(refusal(state, cmd('declineCall', { conversationId: 'free', itemId: 'call-free' }), self).code).to.equal('not-found');
    expect(refusal(state, cmd('setRecording', { conversationId: 'free', itemId: 'call-free', recording: true }), self).code).to.equal('not-found');
  });
  it('only a person declines or records (the system is refused)', () => {
    const system = { actorId: null, now: NOW };
    expect(refusal(state, cmd('declineCall', { conversationId: 'free', itemId: 'call-free' }), system).code).to.equal('forbidden');
  });

  it('records an active call and stops; a call not in progress cannot be recorded', () => {
    const answered = run(state, cmd('answerCall', { conversationId: 'ana', itemId: 'call-ana' }));
    const recording = run(answered, cmd('setRecording', { conversationId: 'ana', itemId: 'call-ana', recording: true }));
    expect(findCall(recording, 'ana')?.call.recording).to.be.true;
    const stopped = run(recording, cmd('setRecording', { conversationId: 'ana', itemId: 'call-ana', recording: false }));
    expect(findCall(stopped, 'ana')?.call.recording).to.be.false;
    expect(refusal(state, cmd('setRecording', { conversationId: 'ana', itemId: 'call-ana', recording: true })).code).to.equal('conflict');
    // The recording stays on the ended call, as the telephony made it.
    const ended = run(recording, cmd('endCall', { conversationId: 'ana', itemId: 'call-ana', duration: 61 }));
    expect(findCall(ended, 'ana')?.call).to.include({ state: 'ended', duration: 61, recording: true });
  });

  it('times a call from its answer while active, and by its duration once ended', () => {
    const active = ring('c', 'a', { state: 'active', answeredAt: T0 + 10_000 });
    expect(callSeconds(active, T0 + 75_500)).to.equal(65);
    expect(callSeconds(active, T0)).to.equal(0);
    expect(callSeconds(ring('c', 'a', { state: 'active' }), T0 + 3000), 'without answeredAt, from the ring').to.equal(3);
    expect(callSeconds(ring('c', 'a', { state: 'ended', duration: 200 }), T0 + 1e9)).to.equal(200);
    expect(callSeconds(ring('c', 'a'), T0 + 5000)).to.equal(0);
    expect(ringingSeconds(ring('c', 'a'), T0 + 42_900)).to.equal(42);
  });

  it('names the recent call conversations whose timeline is not loaded yet', () => {
    const lastCall = { preview: '', at: T0, direction: 'in', kind: 'call' } as const;
    const s = makeState({
      users,
      conversations: [
        makeConversation({ id: 'recent', lastMessage: lastCall }),
        makeConversation({ id: 'old', lastMessage: { ...lastCall, at: T0 - 10 * MINUTE } }),
        makeConversation({ id: 'text' }),
        makeConversation({ id: 'loaded', lastMessage: lastCall }),
        makeConversation({ id: 'other', lastMessage: lastCall, assignee: { type: 'user', id: 'u-cy' } }),
      ],
      timelines: [ring('x', 'loaded')],
    });
    const since = T0 - MINUTE;
    expect(unloadedRecentCalls(s, s.users.get('u-owner')!, since).map((c) => c.id)).to.deep.equal(['recent', 'other']);
    expect(unloadedRecentCalls(s, s.users.get('u-self')!, since).map((c) => c.id), 'R14').to.deep.equal([]);
  });
});

describe('call outcome', () => {
  const call = (extra: Partial<CallItem>): CallItem => ring('x', 'c', extra);

  it('a call that ended after someone talked was answered; ringing and active are as reported', () => {
    expect(callOutcome(call({ state: 'ended', duration: 252 }))).to.equal('answered');
    expect(callOutcome(call({ state: 'ringing' }))).to.equal('ringing');
    expect(callOutcome(call({ state: 'active', direction: 'out' }))).to.equal('active');
  });

  it('an inbound call nobody answered is missed; with a recording it is a voicemail', () => {
    expect(callOutcome(call({ state: 'missed' }))).to.equal('missed');
    expect(callOutcome(call({ state: 'missed', recording: true }))).to.equal('voicemail');
  });

  it('an outbound call the contact did not pick up is unanswered, not missed', () => {
    expect(callOutcome(call({ state: 'missed', direction: 'out' }))).to.equal('no-answer');
    expect(callOutcome(call({ state: 'missed', direction: 'out', recording: true }))).to.equal('no-answer');
  });

  it('a declined call is declined either way; every outcome where nobody talked is one to notice', () => {
    expect(callOutcome(call({ state: 'declined' }))).to.equal('declined');
    expect(CALL_OUTCOMES.filter(isUnanswered)).to.deep.equal(['missed', 'voicemail', 'no-answer', 'declined']);
  });
});

import { expect } from '@open-wc/testing';
import type { Command } from './commands.js';
import { DAY, HOUR, MINUTE, T0, makeContact, makeConversation, makeState, makeUser } from './fixtures.js';
import { applyAsBackend, decideAsBackend, isRoleAddress } from './rules.backend.js';
import { apply, applyAll, decide, nextForRouting } from './rules.js';
import {
  ANA,
  NOW,
  OWNER,
  SYSTEM,
  cmd,
  conv,
  deepFreeze,
  eventsOf,
  historyKinds,
  refusal,
  run,
  timeline,
} from './rules.testing.js';
import { DEFAULT_SETTINGS, type CallItem, type InboxState, type MessageItem, type SavedView } from './types.js';

const withConversations = (...overrides: Parameters<typeof makeConversation>[0][]) =>
  makeState({ conversations: overrides.map(makeConversation) });

const inbound = (conversationId: string, extra: Partial<Command<'receiveMessage'>['args']> = {}) =>
  cmd('receiveMessage', {
    conversationId,
    itemId: `m-${conversationId}-${Math.random()}`,
    contactId: 'k-1',
    channelId: 'ch-sms',
    body: 'Hello there',
    ...extra,
  });

const emailIn = (conversationId: string, from: string) =>
  inbound(conversationId, { channelId: 'ch-email', from, subject: 'Offer' });

describe('rules', () => {
  describe('R1 inbound', () => {
    it('R1 a message on a new id creates an open, unread conversation in New', () => {
      const state = run(makeState(), inbound('c-new', { subject: 'Hi' }), SYSTEM);
      const c = conv(state, 'c-new');
      expect(c).to.include({ status: 'open', unread: true, awaiting: 'agent', sent: false, spam: false });
      expect(c).to.include({ subject: 'Hi', contactId: 'k-1', channelId: 'ch-sms', version: 1, createdAt: NOW });
      expect(c.assignee).to.equal(null);
      expect(c.lastMessage).to.deep.equal({ preview: 'Hello there', at: NOW, direction: 'in', kind: 'sms' });
    });

    it('R1 the message joins the timeline with the contact as sender', () => {
      const command = inbound('c-1', { itemId: 'm-1', html: '<p>Hello</p>' });
      const state = run(withConversations({ id: 'c-1' }), command, SYSTEM);
      const [item] = timeline(state, 'c-1') as MessageItem[];
      expect(item).to.deep.include({ id: 'm-1', type: 'message', direction: 'in', senderId: 'k-1', body: 'Hello there' });
      expect(item!.html).to.equal('<p>Hello</p>');
      expect(item!.channelKind).to.equal('sms');
    });

    it('R1 makes a read conversation unread and awaiting an agent', () => {
      const state = withConversations({ id: 'c-1', unread: false, awaiting: 'contact' });
      const c = conv(run(state, inbound('c-1'), SYSTEM), 'c-1');
      expect(c).to.include({ unread: true, awaiting: 'agent', awaitingSince: NOW, version: 2 });
    });

    it('R1 a done conversation reopens, with a system history entry', () => {
      const state = withConversations({ id: 'c-1', status: 'done', doneAt: T0 });
      const after = run(state, inbound('c-1'), SYSTEM);
      expect(conv(after, 'c-1')).to.include({ status: 'open', doneAt: null, unread: true });
      const event = timeline(after, 'c-1').find((i) => i.type === 'event');
      expect(event).to.deep.include({ kind: 'reopened', actorId: null });
    });

    it('R1 the first inbound reply takes a conversation out of Sent', () => {
      const state = withConversations({ id: 'c-1', sent: true, awaiting: 'contact', lastInboundAt: null });
      expect(conv(run(state, inbound('c-1'), SYSTEM), 'c-1')).to.include({ sent: false, awaiting: 'agent' });
    });

    it('R1 a conversation already waiting in New keeps its waiting time', () => {
      const state = withConversations({ id: 'c-1', awaiting: 'agent', awaitingSince: T0 - DAY });
      expect(conv(run(state, inbound('c-1'), SYSTEM), 'c-1').awaitingSince).to.equal(T0 - DAY);
    });

    it('R1 records the contact last message time (R12)', () => {
      const state = withConversations({ id: 'c-1', lastInboundAt: T0 - DAY });
      expect(conv(run(state, inbound('c-1'), SYSTEM), 'c-1').lastInboundAt).to.equal(NOW);
    });

    it('R1 an inbound call rings in the timeline and makes the conversation unread in New', () => {
      const state = withConversations({ id: 'c-1', status: 'done', awaiting: 'contact' });
      const command = cmd('receiveCall', {
        conversationId: 'c-1', itemId: 'call-1', contactId: 'k-1', channelId: 'ch-sms', direction: 'in',
      });
      const after = run(state, command, SYSTEM);
      expect(conv(after, 'c-1')).to.include({ status: 'open', unread: true, awaiting: 'agent' });
      expect(conv(after, 'c-1').lastMessage).to.include({ kind: 'call', direction: 'in' });
      const call = timeline(after, 'c-1').find((i) => i.id === 'call-1') as CallItem;
      expect(call).to.include({ type: 'call', state: 'ringing', direction: 'in', agentId: null, duration: 0 });
    });

    it('R1 an outbound call reported by the phone system starts a conversation in Sent (R9)', () => {
      const command = cmd('receiveCall', {
        conversationId: 'c-out', itemId: 'call-1', contactId: 'k-1', channelId: 'ch-sms', direction: 'out',
      });
      const c = conv(run(makeState(), command, SYSTEM), 'c-out');
      expect(c).to.include({ sent: true, unread: false, awaiting: 'contact', version: 1 });
    });

    it('R1 unknown contact or channel is not found', () => {
      expect(refusal(makeState(), inbound('c-1', { contactId: 'k-x' }), SYSTEM).code).to.equal('not-found');
      expect(refusal(makeState(), inbound('c-1', { channelId: 'ch-x' }), SYSTEM).code).to.equal('not-found');
    });

    it('R1 a message naming a conversation of another contact is invalid', () => {
      const state = withConversations({ id: 'c-1', contactId: 'k-2' });
      expect(refusal(state, inbound('c-1'), SYSTEM).code).to.equal('invalid');
    });

    it('R1 an agent cannot report inbound traffic', () => {
      const r = refusal(makeState(), inbound('c-1'), ANA);
      expect(r.code).to.equal('forbidden');
      expect(r.reason).to.match(/backend/);
    });

    it('R1 inbound traffic and the clock are a backend\'s to decide: the client\'s decide() refuses them, even from the system', () => {
      const state = withConversations({ id: 'c-1' });
      for (const command of [inbound('c-new'), cmd('tick', {}), cmd('receiveCall', { conversationId: 'c-9', itemId: 'call-9', contactId: 'k-1', channelId: 'ch-sms', direction: 'in' })]) {
        const client = decide(state, command, SYSTEM);
        expect(client.ok, command.type).to.equal(false);
        expect(!client.ok && client.refusal.code).to.equal('invalid');
        expect(decideAsBackend(state, command, SYSTEM).ok, command.type).to.equal(true);
        // An agent is refused by both, as forbidden.
        expect(!decide(state, command, ANA).ok && decide(state, command, ANA)).to.have.nested.property('refusal.code', 'forbidden');
        expect(decideAsBackend(state, command, ANA)).to.have.nested.property('refusal.code', 'forbidden');
      }
      // A person's command decides the same either way.
      const done = cmd('markDone', { ids: ['c-1'] });
      expect(decideAsBackend(state, done, ANA)).to.deep.equal(decide(state, done, ANA));
    });
  });

  describe('R2 reply', () => {
    const reply = (extra: Partial<Command<'reply'>['args']> = {}) =>
      cmd('reply', { conversationId: 'c-1', itemId: 'r-1', body: 'On it', ...extra });

    it('R2 a reply makes the conversation read and awaiting the contact', () => {
      const state = withConversations({ id: 'c-1', unread: true, awaiting: 'agent' });
      expect(conv(run(state, reply()), 'c-1')).to.include({ unread: false, awaiting: 'contact', status: 'open' });
    });

    it('R2 the status is unchanged: a done conversation stays done', () => {
      const state = withConversations({ id: 'c-1', status: 'done', doneAt: T0 });
      expect(conv(run(state, reply()), 'c-1')).to.include({ status: 'done', doneAt: T0 });
    });

    it('R2 the reply is the last message and joins the timeline with the agent as sender', () => {
      const after = run(withConversations({ id: 'c-1' }), reply());
      expect(conv(after, 'c-1').lastMessage).to.deep.equal({ preview: 'On it', at: NOW, direction: 'out', kind: 'sms' });
      expect(timeline(after, 'c-1')[0]).to.deep.include({ id: 'r-1', direction: 'out', senderId: 'u-ana' });
    });

    it('R2 a reply can switch the conversation to another channel (chat to e-mail)', () => {
      const after = run(withConversations({ id: 'c-1' }), reply({ channelId: 'ch-email' }));
      expect(conv(after, 'c-1').channelId).to.equal('ch-email');
      expect(conv(after, 'c-1').lastMessage?.kind).to.equal('email');
      expect((timeline(after, 'c-1')[0] as MessageItem).channelKind).to.equal('email');
    });

    it('R2 an empty reply without attachments is invalid', () => {
      expect(refusal(withConversations({ id: 'c-1' }), reply({ body: '  ' })).code).to.equal('invalid');
    });

    it('R2 an attachment alone is a reply, previewed by its name', () => {
      const file = { id: 'f', name: 'invoice.pdf', mime: 'application/pdf', size: 10, url: '/f' };
      const after = run(withConversations({ id: 'c-1' }), reply({ body: '', attachments: [file] }));
      expect(conv(after, 'c-1').lastMessage?.preview).to.equal('invoice.pdf');
    });

    it('R2 an unknown channel is not found', () => {
      expect(refusal(withConversations({ id: 'c-1' }), reply({ channelId: 'ch-x' })).code).to.equal('not-found');
    });

    it('R2 replying reads the replier own mention (R20)', () => {
      const state = withConversations({ id: 'c-1', mentions: ['u-ana', 'u-owner'], mentionsUnread: ['u-ana', 'u-owner'] });
      expect(conv(run(state, reply()), 'c-1').mentionsUnread).to.deep.equal(['u-owner']);
    });

    it('R2 the backend alone cannot reply: a reply needs a person', () => {
      expect(refusal(withConversations({ id: 'c-1' }), reply(), SYSTEM).code).to.equal('forbidden');
    });

    it('R2 long bodies are previewed on one short line', () => {
      const after = run(withConversations({ id: 'c-1' }), reply({ body: `a\n\nb ${'x'.repeat(300)}` }));
      const text = conv(after, 'c-1').lastMessage!.preview;
      expect(text.startsWith('a b x')).to.equal(true);
      expect(text.length).to.equal(140);
    });
  });

  describe('R3 done', () => {
    it('R3 mark done sets done, clears unread and records when', () => {
      const state = withConversations({ id: 'c-1', unread: true });
      const after = run(state, cmd('markDone', { ids: ['c-1'] }));
      expect(conv(after, 'c-1')).to.include({ status: 'done', unread: false, doneAt: NOW, version: 2 });
      expect(timeline(after, 'c-1')[0]).to.deep.include({ type: 'event', kind: 'done', actorId: 'u-ana', at: NOW });
    });

    it('R3 done keeps the whole history', () => {
      const message: MessageItem = {
        type: 'message', id: 'm-1', conversationId: 'c-1', at: T0, direction: 'in', channelKind: 'sms',
        senderId: 'k-1', body: 'hi', attachments: [],
      };
      const state = makeState({ conversations: [makeConversation({ id: 'c-1' })], timelines: [message] });
      const after = run(state, cmd('markDone', { ids: ['c-1'] }));
      expect(timeline(after, 'c-1').map((i) => i.id)).to.include('m-1');
    });

    it('R3 marking an already done conversation done changes nothing', () => {
      const state = withConversations({ id: 'c-1', status: 'done', doneAt: T0 });
      expect(eventsOf(state, cmd('markDone', { ids: ['c-1'] }))).to.deep.equal([]);
    });

    it('R3 mark done also cancels a pending snooze, so no timer reopens it', () => {
      const state = withConversations({ id: 'c-1', snoozedUntil: NOW + HOUR });
      expect(conv(run(state, cmd('markDone', { ids: ['c-1'] })), 'c-1').snoozedUntil).to.equal(null);
    });

    it('R3 reopen makes a done conversation open', () => {
      const state = withConversations({ id: 'c-1', status: 'done', doneAt: T0 });
      const after = run(state, cmd('reopen', { ids: ['c-1'] }));
      expect(conv(after, 'c-1')).to.include({ status: 'open', doneAt: null });
      expect(historyKinds(after, 'c-1')).to.deep.equal(['reopened']);
    });

    it('R3 reopening an open conversation changes nothing', () => {
      expect(eventsOf(withConversations({ id: 'c-1' }), cmd('reopen', { ids: ['c-1'] }))).to.deep.equal([]);
    });

    it('R3 mark done works in bulk', () => {
      const state = withConversations({ id: 'a' }, { id: 'b' }, { id: 'c' });
      const after = run(state, cmd('markDone', { ids: ['a', 'b'] }));
      expect([...after.conversations.values()].map((c) => c.status)).to.deep.equal(['done', 'done', 'open']);
    });
  });

  describe('R4 unread', () => {
    it('R4 marking unread sets unread for the whole team', () => {
      const after = run(withConversations({ id: 'c-1' }), cmd('markUnread', { ids: ['c-1'] }));
      expect(conv(after, 'c-1').unread).to.equal(true);
      expect(historyKinds(after, 'c-1')).to.deep.equal(['unread']);
    });

    it('R4 mark read clears unread and only the reader own mention', () => {
      const state = withConversations({ id: 'c-1', unread: true, mentions: ['u-ana', 'u-bo'], mentionsUnread: ['u-ana', 'u-bo'] });
      const c = conv(run(state, cmd('markRead', { ids: ['c-1'] })), 'c-1');
      expect(c).to.include({ unread: false });
      expect(c.mentionsUnread).to.deep.equal(['u-bo']);
      expect(c.mentions).to.deep.equal(['u-ana', 'u-bo']);
    });

    it('R4 reading leaves no history entry', () => {
      const after = run(withConversations({ id: 'c-1', unread: true }), cmd('markRead', { ids: ['c-1'] }));
      expect(timeline(after, 'c-1')).to.deep.equal([]);
      expect(conv(after, 'c-1').version).to.equal(2);
    });

    it('R4 mark open on an unread done conversation makes it open and read', () => {
      const state = withConversations({ id: 'c-1', status: 'done', unread: true, doneAt: T0 });
      const after = run(state, cmd('markOpen', { ids: ['c-1'] }));
      expect(conv(after, 'c-1')).to.include({ status: 'open', unread: false, doneAt: null });
      expect(historyKinds(after, 'c-1')).to.deep.equal(['reopened']);
    });

    it('R4 mark open on an open unread conversation only reads it', () => {
      const after = run(withConversations({ id: 'c-1', unread: true }), cmd('markOpen', { ids: ['c-1'] }));
      expect(conv(after, 'c-1')).to.include({ status: 'open', unread: false });
      expect(historyKinds(after, 'c-1')).to.deep.equal([]);
    });

    it('R4 marking an unread conversation unread again changes nothing', () => {
      expect(eventsOf(withConversations({ id: 'c-1', unread: true }), cmd('markUnread', { ids: ['c-1'] }))).to.deep.equal([]);
    });
  });

  describe('R5 waiting', () => {
    it('R5 an agent moves a conversation to Waiting by hand', () => {
      const after = run(withConversations({ id: 'c-1' }), cmd('markWaiting', { ids: ['c-1'] }));
      expect(conv(after, 'c-1').awaiting).to.equal('contact');
      expect(historyKinds(after, 'c-1')).to.deep.equal(['waiting']);
    });

    it('R5 the contact next message moves it back to New', () => {
      let state = run(withConversations({ id: 'c-1' }), cmd('markWaiting', { ids: ['c-1'] }));
      state = run(state, inbound('c-1'), { actorId: null, now: NOW + HOUR });
      expect(conv(state, 'c-1')).to.include({ awaiting: 'agent', awaitingSince: NOW + HOUR });
    });

    it('R5 mark new (the undo of waiting) returns it to New from now', () => {
      const state = withConversations({ id: 'c-1', awaiting: 'contact', awaitingSince: T0 - DAY });
      expect(conv(run(state, cmd('markNew', { ids: ['c-1'] })), 'c-1')).to.include({ awaiting: 'agent', awaitingSince: NOW });
    });
  });

  describe('R6 trash', () => {
    it('R6 trash records when, with history', () => {
      const after = run(withConversations({ id: 'c-1' }), cmd('trash', { ids: ['c-1'] }));
      expect(conv(after, 'c-1').trashedAt).to.equal(NOW);
      expect(historyKinds(after, 'c-1')).to.deep.equal(['trashed']);
    });

    it('R6 trashing twice keeps the first time', () => {
      const state = withConversations({ id: 'c-1', trashedAt: T0 });
      expect(eventsOf(state, cmd('trash', { ids: ['c-1'] }))).to.deep.equal([]);
    });

    it('R6 restore brings it back', () => {
      const after = run(withConversations({ id: 'c-1', trashedAt: T0 }), cmd('restore', { ids: ['c-1'] }));
      expect(conv(after, 'c-1').trashedAt).to.equal(null);
      expect(historyKinds(after, 'c-1')).to.deep.equal(['restored']);
    });

    it('R6 delete forever removes the conversation and its timeline', () => {
      let state = withConversations({ id: 'c-1' }, { id: 'c-2' });
      state = run(state, cmd('trash', { ids: ['c-1'] }));
      expect(state.timelines.has('c-1')).to.equal(true);
      const events = eventsOf(state, cmd('deleteForever', { ids: ['c-1'] }));
      expect(events).to.deep.equal([{ type: 'conversation.deleted', id: 'c-1' }]);
      state = run(state, cmd('deleteForever', { ids: ['c-1'] }));
      expect(state.conversations.has('c-1')).to.equal(false);
      expect(state.timelines.has('c-1')).to.equal(false);
      expect(state.conversations.has('c-2')).to.equal(true);
    });

    it('R6 only a trashed conversation can be deleted for good', () => {
      const r = refusal(withConversations({ id: 'c-1' }), cmd('deleteForever', { ids: ['c-1'] }));
      expect(r.code).to.equal('conflict');
      expect(r.reason).to.match(/Trash/);
    });

    it('R6 tick purges conversations trashed longer than the retention period', () => {
      const state = withConversations(
        { id: 'old', trashedAt: NOW - 30 * DAY },
        { id: 'young', trashedAt: NOW - 29 * DAY },
        { id: 'kept' },
      );
      const after = run(state, cmd('tick', {}), SYSTEM);
      expect([...after.conversations.keys()]).to.deep.equal(['young', 'kept']);
    });

    it('R6 the retention period is configurable', () => {
      const state = makeState({
        settings: { trashRetentionDays: 7 },
        conversations: [makeConversation({ id: 'c-1', trashedAt: NOW - 8 * DAY })],
      });
      expect(run(state, cmd('tick', {}), SYSTEM).conversations.size).to.equal(0);
    });
  });

  describe('R7 spam', () => {
    it('R7 marking spam and unmarking it, with history', () => {
      let state = run(withConversations({ id: 'c-1' }), cmd('markSpam', { ids: ['c-1'] }));
      expect(conv(state, 'c-1').spam).to.equal(true);
      state = run(state, cmd('unmarkSpam', { ids: ['c-1'] }));
      expect(conv(state, 'c-1')).to.include({ spam: false, version: 3 });
      expect(historyKinds(state, 'c-1')).to.deep.equal(['spam', 'not-spam']);
    });

    it('R7 a new conversation whose first e-mail comes from a role address starts in Spam', () => {
      const after = run(makeState(), emailIn('c-new', 'noreply@shop.example'), SYSTEM);
      expect(conv(after, 'c-new').spam).to.equal(true);
      expect(timeline(after, 'c-new').find((i) => i.type === 'event')).to.deep.include({ kind: 'spam', actorId: null });
    });

    it('R7 role addresses are matched with display names, case and +tags', () => {
      const s = DEFAULT_SETTINGS;
      expect(isRoleAddress('Shop <Marketing@shop.example>', s)).to.equal(true);
      expect(isRoleAddress('no-reply+abc@x.io', s)).to.equal(true);
      expect(isRoleAddress('marketer@x.io', s)).to.equal(false);
      expect(isRoleAddress('sales', s)).to.equal(false);
    });

    it('R7 a person address does not start in Spam', () => {
      expect(conv(run(makeState(), emailIn('c-new', 'zoe@x.io'), SYSTEM), 'c-new').spam).to.equal(false);
    });

    it('R7 the role-address check is for e-mail only', () => {
      const command = inbound('c-new', { from: 'noreply@x.io' });
      expect(conv(run(makeState(), command, SYSTEM), 'c-new').spam).to.equal(false);
    });

    it('R7 only the first inbound e-mail counts: an existing conversation is not moved', () => {
      const state = withConversations({ id: 'c-1', channelId: 'ch-email' });
      expect(conv(run(state, emailIn('c-1', 'sales@x.io'), SYSTEM), 'c-1').spam).to.equal(false);
    });

    it('R7 without a from, the contact e-mail address is checked', () => {
      const state = makeState({ contacts: [makeContact({ id: 'k-1', emails: ['info@x.io'] })] });
      const command = inbound('c-new', { channelId: 'ch-email' });
      expect(conv(run(state, command, SYSTEM), 'c-new').spam).to.equal(true);
    });

    it('R7 the role list is configurable', () => {
      const state = makeState({ settings: { roleAddresses: ['robot'] } });
      expect(conv(run(state, emailIn('a', 'robot@x.io'), SYSTEM), 'a').spam).to.equal(true);
      expect(conv(run(state, emailIn('b', 'noreply@x.io'), SYSTEM), 'b').spam).to.equal(false);
    });
  });

  describe('R8 block', () => {
    const blockedState = () =>
      makeState({
        contacts: [makeContact({ id: 'k-1', blocked: true })],
        conversations: [makeConversation({ id: 'c-1', unread: false, status: 'done', doneAt: T0 })],
      });

    it('R8 blocking flags the contact and leaves the conversations own fields alone', () => {
      const state = withConversations({ id: 'c-1' }, { id: 'c-2' }, { id: 'c-3', contactId: 'k-2' });
      const after = run(state, cmd('blockContact', { contactId: 'k-1' }));
      expect(after.contacts.get('k-1')!.blocked).to.equal(true);
      expect(after.conversations).to.deep.equal(state.conversations);
      expect(historyKinds(after, 'c-1')).to.deep.equal(['blocked']);
      expect(historyKinds(after, 'c-2')).to.deep.equal(['blocked']);
      expect(historyKinds(after, 'c-3')).to.deep.equal([]);
    });

    it('R8 unblocking restores the contact', () => {
      const after = run(blockedState(), cmd('unblockContact', { contactId: 'k-1' }));
      expect(after.contacts.get('k-1')!.blocked).to.equal(false);
      expect(historyKinds(after, 'c-1')).to.deep.equal(['unblocked']);
    });

    it('R8 blocking a blocked contact changes nothing', () => {
      expect(eventsOf(blockedState(), cmd('blockContact', { contactId: 'k-1' }))).to.deep.equal([]);
    });

    it('R8 an unknown contact is not found', () => {
      expect(refusal(makeState(), cmd('blockContact', { contactId: 'k-x' })).code).to.equal('not-found');
    });

    it('R8 a blocked contact message is kept but raises no unread and reopens nothing', () => {
      const after = run(blockedState(), inbound('c-1', { itemId: 'm-9' }), SYSTEM);
      expect(timeline(after, 'c-1').map((i) => i.id)).to.deep.equal(['m-9']);
      expect(conv(after, 'c-1')).to.include({ unread: false, status: 'done', lastInboundAt: NOW });
    });

    it('R8 a blocked contact new conversation is not unread', () => {
      const state = makeState({ contacts: [makeContact({ id: 'k-1', blocked: true })] });
      expect(conv(run(state, inbound('c-new'), SYSTEM), 'c-new').unread).to.equal(false);
    });

    it('R8 a blocked contact message does not wake a snoozed conversation', () => {
      const state = makeState({
        contacts: [makeContact({ id: 'k-1', blocked: true })],
        conversations: [makeConversation({ id: 'c-1', snoozedUntil: 'next-message' })],
      });
      expect(conv(run(state, inbound('c-1'), SYSTEM), 'c-1').snoozedUntil).to.equal('next-message');
    });
  });

  describe('R9 sent', () => {
    const start = (extra: Partial<Command<'startConversation'>['args']> = {}) =>
      cmd('startConversation', {
        conversationId: 'c-new', itemId: 'm-1', contactId: 'k-1', channelId: 'ch-email', subject: 'Quote', body: 'Here it is',
        ...extra,
      });

    it('R9 starting a conversation puts it in Sent, awaiting the contact, read', () => {
      const c = conv(run(makeState(), start()), 'c-new');
      expect(c).to.include({ sent: true, awaiting: 'contact', unread: false, status: 'open', subject: 'Quote', version: 1 });
      expect(c.lastMessage).to.deep.equal({ preview: 'Here it is', at: NOW, direction: 'out', kind: 'email' });
      expect(c.lastInboundAt).to.equal(null);
    });

    it('R9 the starter owns the conversation they started', () => {
      const c = conv(run(makeState(), start()), 'c-new');
      expect(c.assignee).to.deep.equal({ type: 'user', id: 'u-ana' });
      expect(c.humanOwned).to.equal(true);
    });

    it('R9 the first message is in the timeline', () => {
      const after = run(makeState(), start());
      expect(timeline(after, 'c-new')[0]).to.deep.include({ id: 'm-1', direction: 'out', senderId: 'u-ana', channelKind: 'email' });
    });

    it('R9 the contact reply leaves Sent and lands in New', () => {
      let state = run(makeState(), start());
      state = run(state, inbound('c-new', { channelId: 'ch-email' }), SYSTEM);
      expect(conv(state, 'c-new')).to.include({ sent: false, awaiting: 'agent', unread: true, version: 2 });
    });

    it('R9 an existing id, an empty body or an unknown contact is refused', () => {
      const state = withConversations({ id: 'c-new' });
      expect(refusal(state, start()).code).to.equal('conflict');
      expect(refusal(makeState(), start({ body: '' })).code).to.equal('invalid');
      expect(refusal(makeState(), start({ contactId: 'k-x' })).code).to.equal('not-found');
    });
  });

  describe('R10 assignment', () => {
    const team = () =>
      makeState({
        users: [
          makeUser({ id: 'u-owner', role: 'owner' }),
          makeUser({ id: 'u-ana' }),
          makeUser({ id: 'u-bo' }),
          makeUser({ id: 'u-gone', active: false }),
        ],
        conversations: [
          makeConversation({ id: 'a' }),
          makeConversation({ id: 'b', assignee: { type: 'user', id: 'u-bo' }, humanOwned: true }),
          makeConversation({ id: 'c', assignee: { type: 'bot', id: 'b-1' } }),
        ],
      });

    it('R10 assigning a user sets the assignee, marks it human-owned and records it', () => {
      const after = run(team(), cmd('assign', { ids: ['a'], assignee: { type: 'user', id: 'u-bo' } }));
      expect(conv(after, 'a')).to.deep.include({ assignee: { type: 'user', id: 'u-bo' }, humanOwned: true, version: 2 });
      expect(timeline(after, 'a')[0]).to.deep.include({ kind: 'assigned', detail: 'user:u-bo', actorId: 'u-ana' });
    });

    it('R10 assigning a bot leaves the conversation not human-owned', () => {
      const after = run(team(), cmd('assign', { ids: ['a'], assignee: { type: 'bot', id: 'b-1' } }));
      expect(conv(after, 'a')).to.deep.include({ assignee: { type: 'bot', id: 'b-1' }, humanOwned: false });
    });

    it('R10 assigning nobody unassigns, many at once', () => {
      const after = run(team(), cmd('assign', { ids: ['b', 'c'], assignee: null }));
      expect(conv(after, 'b').assignee).to.equal(null);
      expect(conv(after, 'c').assignee).to.equal(null);
      expect(conv(after, 'b').humanOwned).to.equal(true);
    });

    it('R10 assigning to a deactivated user is refused', () => {
      const r = refusal(team(), cmd('assign', { ids: ['a'], assignee: { type: 'user', id: 'u-gone' } }));
      expect(r.code).to.equal('invalid');
      expect(r.reason).to.match(/deactivated/);
    });

    it('R10 unknown users and bots are not found', () => {
      expect(refusal(team(), cmd('assign', { ids: ['a'], assignee: { type: 'user', id: 'u-x' } })).code).to.equal('not-found');
      expect(refusal(team(), cmd('assign', { ids: ['a'], assignee: { type: 'bot', id: 'b-x' } })).code).to.equal('not-found');
    });

    it('R10 reassigning to the same assignee changes nothing', () => {
      expect(eventsOf(team(), cmd('assign', { ids: ['b'], assignee: { type: 'user', id: 'u-bo' } }))).to.deep.equal([]);
    });

    it('R10 a deactivated user is away and their conversations become unassigned', () => {
      const after = run(team(), cmd('deactivateUser', { userId: 'u-bo' }), OWNER);
      expect(after.users.get('u-bo')).to.include({ active: false, availability: 'away' });
      expect(conv(after, 'b').assignee).to.equal(null);
      expect(conv(after, 'c').assignee).to.deep.equal({ type: 'bot', id: 'b-1' });
      expect(timeline(after, 'b')[0]).to.deep.include({ kind: 'assigned', detail: 'unassigned' });
    });

    it('R10 only owners and managers deactivate users, and not themselves', () => {
      expect(refusal(team(), cmd('deactivateUser', { userId: 'u-bo' })).code).to.equal('forbidden');
      expect(refusal(team(), cmd('deactivateUser', { userId: 'u-owner' }), OWNER).code).to.equal('forbidden');
      expect(refusal(team(), cmd('deactivateUser', { userId: 'u-x' }), OWNER).code).to.equal('not-found');
    });

    it('R10 a deactivated user can no longer act', () => {
      const after = run(team(), cmd('deactivateUser', { userId: 'u-bo' }), OWNER);
      const r = refusal(after, cmd('markDone', { ids: ['a'] }), { actorId: 'u-bo', now: NOW });
      expect(r.code).to.equal('forbidden');
    });

    const ringing = (extra: Partial<CallItem> = {}): CallItem => ({
      type: 'call', id: 'call-1', conversationId: 'a', at: T0, direction: 'in', state: 'ringing',
      duration: 0, agentId: null, recording: false, ...extra,
    });
    const withCall = (call: CallItem, ownerId: string | null = null) =>
      makeState({
        contacts: [makeContact({ id: 'k-1', ownerId })],
        conversations: [...team().conversations.values()],
        timelines: [call],
      });

    it('R10 answering a call on an unassigned conversation assigns it and the contact to the agent', () => {
      const after = run(withCall(ringing()), cmd('answerCall', { conversationId: 'a', itemId: 'call-1' }));
      expect(conv(after, 'a')).to.deep.include({ assignee: { type: 'user', id: 'u-ana' }, humanOwned: true });
      expect(after.contacts.get('k-1')!.ownerId).to.equal('u-ana');
      expect(timeline(after, 'a').find((i) => i.id === 'call-1')).to.include({ state: 'active', agentId: 'u-ana' });
    });

    it('R10 answering keeps an existing assignee and an existing contact owner', () => {
      const call = ringing({ conversationId: 'b' });
      const after = run(withCall(call, 'u-bo'), cmd('answerCall', { conversationId: 'b', itemId: 'call-1' }));
      expect(conv(after, 'b').assignee).to.deep.equal({ type: 'user', id: 'u-bo' });
      expect(after.contacts.get('k-1')!.ownerId).to.equal('u-bo');
    });

    it('R10 calling an unassigned contact assigns them to the agent', () => {
      const state = withCall(ringing({ id: 'other' }));
      const after = run(state, cmd('placeCall', { conversationId: 'a', itemId: 'call-2' }));
      expect(conv(after, 'a').assignee).to.deep.equal({ type: 'user', id: 'u-ana' });
      expect(after.contacts.get('k-1')!.ownerId).to.equal('u-ana');
      expect(timeline(after, 'a').find((i) => i.id === 'call-2')).to.include({ direction: 'out', agentId: 'u-ana' });
      expect(conv(after, 'a').lastMessage).to.include({ kind: 'call', direction: 'out' });
    });

    it('R10 a call no longer ringing cannot be answered; an unknown call is not found', () => {
      const ended = withCall(ringing({ state: 'ended' }));
      expect(refusal(ended, cmd('answerCall', { conversationId: 'a', itemId: 'call-1' })).code).to.equal('conflict');
      expect(refusal(ended, cmd('answerCall', { conversationId: 'a', itemId: 'nope' })).code).to.equal('not-found');
    });

    it('R10 ending an answered call records its duration; ending a ringing one makes it missed', () => {
      let state = withCall(ringing());
      state = run(state, cmd('answerCall', { conversationId: 'a', itemId: 'call-1' }));
      const ended = run(state, cmd('endCall', { conversationId: 'a', itemId: 'call-1', duration: 95 }));
      expect(timeline(ended, 'a').find((i) => i.id === 'call-1')).to.include({ state: 'ended', duration: 95 });
      const missed = run(withCall(ringing()), cmd('endCall', { conversationId: 'a', itemId: 'call-1', duration: 5 }));
      expect(timeline(missed, 'a').find((i) => i.id === 'call-1')).to.include({ state: 'missed', duration: 0 });
      expect(refusal(state, cmd('endCall', { conversationId: 'a', itemId: 'call-1', duration: -1 })).code).to.equal('invalid');
    });

    it('R10 a conversation can be moved to a team inbox', () => {
      const state = makeState({ teams: [{ id: 't-1', name: 'Sales', memberIds: ['u-ana'] }], conversations: [makeConversation({ id: 'a' })] });
      const after = run(state, cmd('setTeam', { ids: ['a'], teamId: 't-1' }));
      expect(conv(after, 'a').teamId).to.equal('t-1');
      expect(refusal(state, cmd('setTeam', { ids: ['a'], teamId: 't-x' })).code).to.equal('not-found');
    });
  });

  describe('R11 availability', () => {
    const queue = (extra: Partial<Parameters<typeof makeState>[0]> = {}) =>
      makeState({
        users: [makeUser({ id: 'u-owner', role: 'owner' }), makeUser({ id: 'u-ana', availability: 'away', teamIds: ['t-1'] }), makeUser({ id: 'u-bo' })],
        contacts: [makeContact({ id: 'k-1' }), makeContact({ id: 'k-bad', blocked: true })],
        conversations: [
          makeConversation({ id: 'newer', awaitingSince: T0 }),
          makeConversation({ id: 'oldest', awaitingSince: T0 - 2 * HOUR }),
          makeConversation({ id: 'older', awaitingSince: T0 - HOUR }),
          makeConversation({ id: 'owned', awaitingSince: T0 - DAY, assignee: { type: 'user', id: 'u-bo' } }),
          makeConversation({ id: 'spam', awaitingSince: T0 - DAY, spam: true }),
          makeConversation({ id: 'trash', awaitingSince: T0 - DAY, trashedAt: T0 }),
          makeConversation({ id: 'snoozed', awaitingSince: T0 - DAY, snoozedUntil: 'next-message' }),
          makeConversation({ id: 'sent', awaitingSince: T0 - DAY, sent: true }),
          makeConversation({ id: 'blocked', awaitingSince: T0 - DAY, contactId: 'k-bad' }),
          makeConversation({ id: 'waiting', awaitingSince: T0 - DAY, awaiting: 'contact' }),
          makeConversation({ id: 'done', awaitingSince: T0 - DAY, status: 'done' }),
          makeConversation({ id: 'other-team', awaitingSince: T0 - DAY, teamId: 't-2' }),
        ],
        ...extra,
      });
    const goAvailable = () => cmd('setAvailability', { userId: 'u-ana', availability: 'available' });

    it('R11 going available with routing on hands over the oldest unassigned conversation in New', () => {
      const after = run(queue(), goAvailable());
      expect(after.users.get('u-ana')!.availability).to.equal('available');
      const mine = [...after.conversations.values()].filter((c) => c.assignee?.id === 'u-ana');
      expect(mine.map((c) => c.id)).to.deep.equal(['oldest']);
      expect(conv(after, 'oldest').humanOwned).to.equal(true);
    });

    it('R11 routing skips spam, trash, snoozed, Sent, blocked, waiting, done, owned and other teams', () => {
      const state = queue();
      expect(nextForRouting(state, state.users.get('u-ana')!)?.id).to.equal('oldest');
    });

    it('R11 the hand-over is recorded as the system routing', () => {
      const after = run(queue(), goAvailable());
      expect(timeline(after, 'oldest')[0]).to.deep.include({ kind: 'assigned', detail: 'user:u-ana' });
    });

    it('R11 a conversation of one of the agent teams can be routed to them', () => {
      const state = queue({ conversations: [makeConversation({ id: 'team', teamId: 't-1' })] });
      expect(conv(run(state, goAvailable()), 'team').assignee).to.deep.equal({ type: 'user', id: 'u-ana' });
    });

    it('R11 with routing off, going available hands over nothing', () => {
      const state = queue({ settings: { routing: false } });
      const events = eventsOf(state, goAvailable());
      expect(events.map((e) => e.type)).to.deep.equal(['user.upserted']);
    });

    it('R11 going away keeps the conversations already owned, with a reason', () => {
      const state = queue();
      const after = run(state, cmd('setAvailability', { userId: 'u-bo', availability: 'away', reason: 'lunch' }), { actorId: 'u-bo', now: NOW });
      expect(after.users.get('u-bo')).to.include({ availability: 'away', awayReason: 'lunch' });
      expect(conv(after, 'owned').assignee).to.deep.equal({ type: 'user', id: 'u-bo' });
    });

    it('R11 an away reason must be one of the settings', () => {
      const r = refusal(queue(), cmd('setAvailability', { userId: 'u-bo', availability: 'away', reason: 'nap' }), { actorId: 'u-bo', now: NOW });
      expect(r.code).to.equal('invalid');
    });

    it('R11 coming back clears the away reason', () => {
      const state = makeState({ users: [makeUser({ id: 'u-ana', availability: 'away', awayReason: 'lunch' })] });
      const user = run(state, goAvailable()).users.get('u-ana')!;
      expect(user.availability).to.equal('available');
      expect('awayReason' in user).to.equal(false);
    });

    it('R11 an agent already available is handed nothing by setting available again', () => {
      const state = queue({ users: [makeUser({ id: 'u-ana' })] });
      expect(eventsOf(state, goAvailable())).to.deep.equal([]);
    });

    it('R11 an agent cannot change someone else availability; a manager can', () => {
      const command = cmd('setAvailability', { userId: 'u-bo', availability: 'away' });
      expect(refusal(queue(), command).code).to.equal('forbidden');
      expect(run(queue(), command, OWNER).users.get('u-bo')!.availability).to.equal('away');
    });

    it('R11 take next hands over the next conversation on demand', () => {
      const state = queue({ settings: { routing: false } });
      const after = run(state, cmd('takeNext', {}), { actorId: 'u-bo', now: NOW });
      expect(conv(after, 'oldest').assignee).to.deep.equal({ type: 'user', id: 'u-bo' });
      expect(timeline(after, 'oldest')[0]).to.deep.include({ actorId: 'u-bo' });
    });

    it('R11 away agents receive no new conversations, even on demand', () => {
      expect(refusal(queue(), cmd('takeNext', {})).code).to.equal('conflict');
    });

    it('R11 take next with an empty queue changes nothing', () => {
      const state = makeState({ conversations: [makeConversation({ id: 'x', awaiting: 'contact' })] });
      expect(eventsOf(state, cmd('takeNext', {}))).to.deep.equal([]);
    });

    it('R11 ties in waiting time go to the smaller id, so every side picks the same', () => {
      const state = makeState({ conversations: [makeConversation({ id: 'b' }), makeConversation({ id: 'a' })] });
      expect(nextForRouting(state, state.users.get('u-ana')!)?.id).to.equal('a');
    });
  });

  describe('R12 bots', () => {
    const bot = (extra: Partial<Parameters<typeof makeConversation>[0]> = {}) =>
      withConversations({ id: 'c-1', assignee: { type: 'bot', id: 'b-1' }, lastInboundAt: NOW - 10 * MINUTE, ...extra });

    it('R12 a bot conversation no person has owned cannot be closed within 30 minutes of the contact last message', () => {
      const r = refusal(bot(), cmd('markDone', { ids: ['c-1'] }));
      expect(r.code).to.equal('too-early');
      expect(r.reason).to.match(/30 minutes/);
      expect(r.reason).to.match(/in 20 minutes/);
    });

    it('R12 it can be closed once 30 minutes have passed', () => {
      expect(conv(run(bot({ lastInboundAt: NOW - 30 * MINUTE }), cmd('markDone', { ids: ['c-1'] })), 'c-1').status).to.equal('done');
    });

    it('R12 a bot conversation a person has owned closes at any time', () => {
      expect(conv(run(bot({ humanOwned: true }), cmd('markDone', { ids: ['c-1'] })), 'c-1').status).to.equal('done');
    });

    it('R12 a conversation owned by a person closes at any time', () => {
      const state = withConversations({ id: 'c-1', assignee: { type: 'user', id: 'u-ana' }, lastInboundAt: NOW });
      expect(conv(run(state, cmd('markDone', { ids: ['c-1'] })), 'c-1').status).to.equal('done');
    });

    it('R12 the system too must wait', () => {
      expect(refusal(bot(), cmd('markDone', { ids: ['c-1'] }), SYSTEM).code).to.equal('too-early');
    });

    it('R12 the quiet period is configurable', () => {
      const state = makeState({
        settings: { botCloseMinutes: 5 },
        conversations: [makeConversation({ id: 'c-1', assignee: { type: 'bot', id: 'b-1' }, lastInboundAt: NOW - 10 * MINUTE })],
      });
      expect(conv(run(state, cmd('markDone', { ids: ['c-1'] })), 'c-1').status).to.equal('done');
    });

    it('R12 a bulk close with one bot conversation too early is refused as a whole', () => {
      const state = makeState({
        conversations: [makeConversation({ id: 'ok' }), makeConversation({ id: 'bot', assignee: { type: 'bot', id: 'b-1' }, lastInboundAt: NOW })],
      });
      expect(refusal(state, cmd('markDone', { ids: ['ok', 'bot'] })).code).to.equal('too-early');
    });

    it('R12 assigning a person hands the conversation over for good', () => {
      let state = bot();
      state = run(state, cmd('assign', { ids: ['c-1'], assignee: { type: 'user', id: 'u-ana' } }));
      state = run(state, cmd('assign', { ids: ['c-1'], assignee: { type: 'bot', id: 'b-1' } }));
      expect(conv(run(state, cmd('markDone', { ids: ['c-1'] })), 'c-1').status).to.equal('done');
    });
  });

  describe('R18 snooze', () => {
    it('R18 snoozing until a time records it with history', () => {
      const until = NOW + DAY;
      const after = run(withConversations({ id: 'c-1' }), cmd('snooze', { ids: ['c-1'], until }));
      expect(conv(after, 'c-1').snoozedUntil).to.equal(until);
      expect(timeline(after, 'c-1')[0]).to.deep.include({ kind: 'snoozed', detail: new Date(until).toISOString() });
    });

    it('R18 snoozing until the next message', () => {
      const after = run(withConversations({ id: 'c-1' }), cmd('snooze', { ids: ['c-1'], until: 'next-message' }));
      expect(conv(after, 'c-1').snoozedUntil).to.equal('next-message');
    });

    it('R18 a snooze time in the past is invalid', () => {
      expect(refusal(withConversations({ id: 'c-1' }), cmd('snooze', { ids: ['c-1'], until: NOW })).code).to.equal('invalid');
    });

    it('R18 the contact message wakes a conversation snoozed until then: open, unread, New', () => {
      const state = withConversations({ id: 'c-1', snoozedUntil: 'next-message', status: 'done', awaiting: 'contact', sent: true });
      const after = run(state, inbound('c-1'), SYSTEM);
      expect(conv(after, 'c-1')).to.include({ snoozedUntil: null, status: 'open', unread: true, awaiting: 'agent', sent: false });
      expect(historyKinds(after, 'c-1')).to.deep.equal(['unsnoozed']);
    });

    it('R18 the contact message also wakes a conversation snoozed until a time', () => {
      const state = withConversations({ id: 'c-1', snoozedUntil: NOW + DAY });
      expect(conv(run(state, inbound('c-1'), SYSTEM), 'c-1')).to.include({ snoozedUntil: null, unread: true });
    });

    it('R18 the clock wakes conversations whose time has come, and only those', () => {
      const state = withConversations(
        { id: 'due', snoozedUntil: NOW - MINUTE, status: 'done', awaiting: 'contact' },
        { id: 'later', snoozedUntil: NOW + MINUTE },
        { id: 'next', snoozedUntil: 'next-message' },
      );
      const after = run(state, cmd('tick', {}), SYSTEM);
      expect(conv(after, 'due')).to.include({ snoozedUntil: null, status: 'open', unread: true, awaiting: 'agent', awaitingSince: NOW });
      expect(conv(after, 'later').snoozedUntil).to.equal(NOW + MINUTE);
      expect(conv(after, 'next').snoozedUntil).to.equal('next-message');
      expect(timeline(after, 'due')[0]).to.deep.include({ kind: 'unsnoozed', actorId: null });
    });

    it('R18 a tick with nothing due changes nothing', () => {
      expect(eventsOf(withConversations({ id: 'c-1' }), cmd('tick', {}), SYSTEM)).to.deep.equal([]);
    });

    it('R18 unsnooze by hand returns it without making it unread', () => {
      const after = run(withConversations({ id: 'c-1', snoozedUntil: NOW + DAY }), cmd('unsnooze', { ids: ['c-1'] }));
      expect(conv(after, 'c-1')).to.include({ snoozedUntil: null, unread: false });
      expect(historyKinds(after, 'c-1')).to.deep.equal(['unsnoozed']);
    });
  });

  describe('R19 priority and labels', () => {
    it('R19 priority is set in bulk with history', () => {
      const after = run(withConversations({ id: 'a' }, { id: 'b' }), cmd('setPriority', { ids: ['a', 'b'], priority: 'urgent' }));
      expect(conv(after, 'a').priority).to.equal('urgent');
      expect(conv(after, 'b').priority).to.equal('urgent');
      expect(timeline(after, 'a')[0]).to.deep.include({ kind: 'priority', detail: 'urgent' });
    });

    it('R19 an unknown priority is invalid', () => {
      const command = cmd('setPriority', { ids: ['a'], priority: 'asap' as never });
      expect(refusal(withConversations({ id: 'a' }), command).code).to.equal('invalid');
    });

    it('R19 adding labels adds only the missing ones and records those', () => {
      const state = withConversations({ id: 'a', labels: ['vip'] }, { id: 'b' });
      const after = run(state, cmd('addLabels', { ids: ['a', 'b'], labels: ['vip', ' billing ', 'billing'] }));
      expect(conv(after, 'a').labels).to.deep.equal(['vip', 'billing']);
      expect(conv(after, 'b').labels).to.deep.equal(['vip', 'billing']);
      expect(timeline(after, 'a')[0]).to.deep.include({ kind: 'labels', detail: 'added: billing' });
    });

    it('R19 removing labels in bulk', () => {
      const state = withConversations({ id: 'a', labels: ['vip', 'billing'] }, { id: 'b', labels: ['billing'] });
      const after = run(state, cmd('removeLabels', { ids: ['a', 'b'], labels: ['billing'] }));
      expect(conv(after, 'a').labels).to.deep.equal(['vip']);
      expect(conv(after, 'b').labels).to.deep.equal([]);
    });

    it('R19 adding labels already there changes nothing', () => {
      const state = withConversations({ id: 'a', labels: ['vip'] });
      expect(eventsOf(state, cmd('addLabels', { ids: ['a'], labels: ['vip'] }))).to.deep.equal([]);
    });

    it('R19 blank or missing labels are invalid', () => {
      const state = withConversations({ id: 'a' });
      expect(refusal(state, cmd('addLabels', { ids: ['a'], labels: [] })).code).to.equal('invalid');
      expect(refusal(state, cmd('removeLabels', { ids: ['a'], labels: [' '] })).code).to.equal('invalid');
    });

    it('R16 pinning and unpinning', () => {
      let state = run(withConversations({ id: 'a' }), cmd('pin', { ids: ['a'], pinned: true }));
      expect(conv(state, 'a').pinned).to.equal(true);
      state = run(state, cmd('pin', { ids: ['a'], pinned: false }));
      expect(conv(state, 'a')).to.include({ pinned: false, version: 3 });
    });
  });

  describe('R20 mentions, comments and notes', () => {
    const people = () =>
      makeState({
        users: [
          makeUser({ id: 'u-owner', role: 'owner' }),
          makeUser({ id: 'u-ana' }),
          makeUser({ id: 'u-self', visibility: 'self' }),
          makeUser({ id: 'u-gone', active: false }),
        ],
        conversations: [makeConversation({ id: 'c-1', assignee: { type: 'user', id: 'u-owner' } })],
      });
    const say = (mentions: string[], body = 'Can you look?') =>
      cmd('comment', { conversationId: 'c-1', itemId: 'cm-1', body, mentions });

    it('R20 a mention puts the conversation in the mentioned user Mentions, unread for them', () => {
      const c = conv(run(people(), say(['u-self'])), 'c-1');
      expect(c.mentions).to.deep.equal(['u-self']);
      expect(c.mentionsUnread).to.deep.equal(['u-self']);
      expect(c.version).to.equal(2);
    });

    it('R20 the comment joins the timeline as an internal item', () => {
      const after = run(people(), say(['u-self', 'u-self']));
      expect(timeline(after, 'c-1')[0]).to.deep.include({ type: 'comment', id: 'cm-1', authorId: 'u-ana', mentions: ['u-self'] });
    });

    it('R20 authors do not mention themselves', () => {
      const c = conv(run(people(), say(['u-ana', 'u-self'])), 'c-1');
      expect(c.mentions).to.deep.equal(['u-self']);
    });

    it('R20 a comment without mentions leaves the conversation as it was', () => {
      const events = eventsOf(people(), say([]));
      expect(events.map((e) => e.type)).to.deep.equal(['timeline.upserted']);
    });

    it('R20 a mentioned user sees the conversation even where they do not own it, and reads it', () => {
      let state = run(people(), say(['u-self']));
      const self = { actorId: 'u-self', now: NOW };
      state = run(state, cmd('markRead', { ids: ['c-1'] }), self);
      expect(conv(state, 'c-1').mentionsUnread).to.deep.equal([]);
      expect(conv(state, 'c-1').mentions).to.deep.equal(['u-self']);
    });

    it('R20 mentioning an unknown or deactivated user is invalid, as is an empty comment', () => {
      expect(refusal(people(), say(['u-x'])).code).to.equal('invalid');
      expect(refusal(people(), say(['u-gone'])).code).to.equal('invalid');
      expect(refusal(people(), say([], ' ')).code).to.equal('invalid');
    });

    const message: MessageItem = {
      type: 'message', id: 'm-1', conversationId: 'c-1', at: T0, direction: 'in', channelKind: 'sms',
      senderId: 'k-1', body: 'hi', attachments: [],
    };
    const withMessage = () => makeState({ ...partsOf(people()), timelines: [message] });
    const note = () => cmd('addNote', { conversationId: 'c-1', itemId: 'n-1', messageId: 'm-1', body: 'Called back' });

    it('R20 a note attaches to one message', () => {
      const after = run(withMessage(), note());
      expect(timeline(after, 'c-1').find((i) => i.id === 'n-1')).to.deep.include({
        type: 'note', messageId: 'm-1', authorId: 'u-ana', body: 'Called back', editedAt: null,
      });
      expect(refusal(withMessage(), cmd('addNote', { conversationId: 'c-1', itemId: 'n-2', messageId: 'm-x', body: 'x' })).code).to.equal('not-found');
    });

    it('R20 only its author edits or deletes a note', () => {
      const state = run(withMessage(), note());
      const edit = cmd('editNote', { conversationId: 'c-1', itemId: 'n-1', body: 'Called back twice' });
      const edited = run(state, edit, { actorId: 'u-ana', now: NOW + MINUTE });
      expect(timeline(edited, 'c-1').find((i) => i.id === 'n-1')).to.include({ body: 'Called back twice', editedAt: NOW + MINUTE });
      expect(refusal(state, edit, OWNER).code).to.equal('forbidden');
      const remove = cmd('deleteNote', { conversationId: 'c-1', itemId: 'n-1' });
      expect(refusal(state, remove, OWNER).code).to.equal('forbidden');
      expect(timeline(run(state, remove), 'c-1').map((i) => i.id)).to.deep.equal(['m-1']);
    });

    it('R20 editing an unknown note is not found; an empty edit is invalid', () => {
      const state = run(withMessage(), note());
      expect(refusal(state, cmd('editNote', { conversationId: 'c-1', itemId: 'n-x', body: 'x' })).code).to.equal('not-found');
      expect(refusal(state, cmd('editNote', { conversationId: 'c-1', itemId: 'n-1', body: '' })).code).to.equal('invalid');
    });
  });

  describe('R14 saved views and contacts', () => {
    const view = (extra: Partial<SavedView> = {}): SavedView => ({
      id: 'v-1', name: 'VIP', ownerId: 'u-ana', sharedWith: { everyone: false, userIds: [], teamIds: [] },
      filters: { labels: ['vip'] }, search: '', ...extra,
    });

    it('R14 a user saves their own view', () => {
      expect(run(makeState(), cmd('saveView', { view: view() })).views.get('v-1')).to.deep.equal(view());
    });

    it('R14 only the owner changes or deletes a view', () => {
      const state = makeState({ views: [view({ sharedWith: { everyone: true, userIds: [], teamIds: [] } })] });
      expect(refusal(state, cmd('saveView', { view: view({ name: 'Mine now', ownerId: 'u-owner' }) }), OWNER).code).to.equal('forbidden');
      expect(refusal(state, cmd('deleteView', { viewId: 'v-1' }), OWNER).code).to.equal('forbidden');
      expect(run(state, cmd('deleteView', { viewId: 'v-1' })).views.size).to.equal(0);
    });

    it('R14 a view not shared with the user does not exist for them', () => {
      const state = makeState({ views: [view()] });
      expect(refusal(state, cmd('deleteView', { viewId: 'v-1' }), OWNER).code).to.equal('not-found');
    });

    it('R14 a view needs a name, and cannot be saved for someone else', () => {
      expect(refusal(makeState(), cmd('saveView', { view: view({ name: ' ' }) })).code).to.equal('invalid');
      expect(refusal(makeState(), cmd('saveView', { view: view({ ownerId: 'u-owner' }) })).code).to.equal('forbidden');
    });

    it('contact details are updated and validated', () => {
      const after = run(makeState(), cmd('updateContact', { contactId: 'k-1', patch: { company: 'Acme', emails: ['zoe@acme.io'] } }));
      expect(after.contacts.get('k-1')).to.deep.include({ company: 'Acme', emails: ['zoe@acme.io'] });
      expect(refusal(makeState(), cmd('updateContact', { contactId: 'k-1', patch: { emails: ['nope'] } })).code).to.equal('invalid');
      expect(refusal(makeState(), cmd('updateContact', { contactId: 'k-1', patch: { name: '' } })).code).to.equal('invalid');
      expect(eventsOf(makeState(), cmd('updateContact', { contactId: 'k-1', patch: { name: 'k-1' } }))).to.deep.equal([]);
    });

    it('R8 updating a contact never changes its blocked flag', () => {
      const patch = { blocked: true } as never;
      expect(eventsOf(makeState(), cmd('updateContact', { contactId: 'k-1', patch }))).to.deep.equal([]);
    });
  });

  describe('authorization and refusals', () => {
    const state = () =>
      makeState({
        users: [
          makeUser({ id: 'u-owner', role: 'owner' }),
          makeUser({ id: 'u-ana' }),
          makeUser({ id: 'u-self', visibility: 'self' }),
          makeUser({ id: 'u-gone', active: false }),
        ],
        conversations: [
          makeConversation({ id: 'mine', assignee: { type: 'user', id: 'u-self' } }),
          makeConversation({ id: 'theirs', assignee: { type: 'user', id: 'u-ana' } }),
        ],
      });

    it('R14 acting on a conversation the actor cannot see is refused as not found, like a missing one', () => {
      const self = { actorId: 'u-self', now: NOW };
      const hidden = refusal(state(), cmd('markDone', { ids: ['theirs'] }), self);
      const missing = refusal(state(), cmd('markDone', { ids: ['ghost'] }), self);
      expect(hidden.code).to.equal('not-found');
      expect(hidden.reason).to.equal(missing.reason.replace('ghost', 'theirs'));
      expect(run(state(), cmd('markDone', { ids: ['mine'] }), self).conversations.get('mine')!.status).to.equal('done');
    });

    it('unknown and deactivated actors are forbidden', () => {
      expect(refusal(state(), cmd('markDone', { ids: ['mine'] }), { actorId: 'u-x', now: NOW }).code).to.equal('forbidden');
      expect(refusal(state(), cmd('markDone', { ids: ['mine'] }), { actorId: 'u-gone', now: NOW }).code).to.equal('forbidden');
    });

    it('agents may not issue system commands; the system may not issue person commands', () => {
      expect(refusal(state(), cmd('tick', {})).code).to.equal('forbidden');
      expect(refusal(state(), cmd('tick', {}), OWNER).code).to.equal('forbidden');
      expect(refusal(state(), cmd('takeNext', {}), SYSTEM).code).to.equal('forbidden');
    });

    it('the system may change conversations (bots, automations)', () => {
      expect(conv(run(state(), cmd('markDone', { ids: ['mine'] }), SYSTEM), 'mine').status).to.equal('done');
    });

    it('an empty list of ids is invalid; an unknown command is invalid', () => {
      expect(refusal(state(), cmd('markDone', { ids: [] })).code).to.equal('invalid');
      expect(refusal(state(), { id: 'x', type: 'explode', args: {} } as unknown as Command).code).to.equal('invalid');
    });

    it('refusal reasons are sentences', () => {
      const r = refusal(state(), cmd('markDone', { ids: ['ghost'] }));
      expect(r.reason).to.match(/^[A-Z].*\.$/);
    });
  });

  describe('shape of the results', () => {
    const state = () =>
      withConversations({ id: 'a', unread: true }, { id: 'b', version: 7 }, { id: 'c', status: 'done', doneAt: T0 });

    it('the version rises by one per command, even in bulk, and only where something changed', () => {
      const after = run(state(), cmd('markDone', { ids: ['a', 'b', 'c'] }));
      expect([...after.conversations.values()].map((c) => c.version)).to.deep.equal([2, 8, 1]);
    });

    it('one command with several effects still rises the version once', () => {
      const after = run(state(), cmd('markOpen', { ids: ['c'] }));
      expect(conv(after, 'c').version).to.equal(2);
    });

    it('a bulk command is all or nothing', () => {
      const r = refusal(state(), cmd('markDone', { ids: ['a', 'ghost'] }));
      expect(r.code).to.equal('not-found');
      expect(decide(state(), cmd('trash', { ids: ['a', 'b', 'nope'] }), ANA).ok).to.equal(false);
    });

    it('repeated ids in a bulk command count once', () => {
      const after = run(state(), cmd('markUnread', { ids: ['b', 'b'] }));
      expect(conv(after, 'b').version).to.equal(8);
    });

    it('the same command applied to two copies of a state gives deep-equal results', () => {
      const command = cmd('markDone', { ids: ['a', 'b'] });
      const one = apply(state(), command, ANA);
      const two = apply(state(), command, ANA);
      expect(one).to.deep.equal(two);
      const message = inbound('x', { itemId: 'm-x' });
      expect(applyAsBackend(state(), message, SYSTEM)).to.deep.equal(applyAsBackend(state(), message, SYSTEM));
    });

    it('generated history items take their ids from the command id', () => {
      const after = run(state(), cmd('markDone', { ids: ['a'] }, 'cmd-fixed'));
      expect(timeline(after, 'a')[0]!.id).to.equal('cmd-fixed:a:ev:done');
    });

    it('apply never mutates its input', () => {
      const frozen = deepFreeze(
        makeState({
          conversations: [makeConversation({ id: 'a', unread: true, labels: ['x'] }), makeConversation({ id: 'b', snoozedUntil: NOW - 1 })],
          timelines: [{ type: 'comment', id: 'cm', conversationId: 'a', at: T0, authorId: 'u-ana', body: 'x', mentions: [] }],
        }),
      );
      const commands: [Command, typeof ANA][] = [
        [cmd('markDone', { ids: ['a', 'b'] }), ANA],
        [cmd('addLabels', { ids: ['a'], labels: ['y'] }), ANA],
        [cmd('comment', { conversationId: 'a', itemId: 'c2', body: 'hi', mentions: ['u-owner'] }), ANA],
        [cmd('blockContact', { contactId: 'k-1' }), ANA],
        [cmd('setAvailability', { userId: 'u-ana', availability: 'away' }), ANA],
        [inbound('a'), SYSTEM],
        [cmd('tick', {}), SYSTEM],
      ];
      for (const [command, ctx] of commands) expect(applyAsBackend(frozen, command, ctx).ok).to.equal(true);
      expect(conv(frozen, 'a')).to.include({ unread: true, status: 'open', version: 1 });
    });

    it('a refused command returns no state', () => {
      const result = apply(state(), cmd('markDone', { ids: ['ghost'] }), ANA);
      expect(result).to.deep.equal({ ok: false, refusal: { code: 'not-found', reason: 'Conversation ghost was not found.' } });
    });
  });

  describe('applyAll', () => {
    const commands = (): Command[] => [
      cmd('markDone', { ids: ['a'] }, 'p1'),
      cmd('reopen', { ids: ['a'] }, 'p2'),
      cmd('markDone', { ids: ['ghost'] }, 'p3'),
      cmd('addLabels', { ids: ['a', 'b'], labels: ['vip'] }, 'p4'),
      cmd('trash', { ids: ['b'] }, 'p5'),
      cmd('deleteForever', { ids: ['b'] }, 'p6'),
      cmd('comment', { conversationId: 'a', itemId: 'cm', body: 'x', mentions: ['u-owner'] }, 'p7'),
      cmd('markRead', { ids: ['a'] }, 'p8'),
    ];

    it('folds commands in order against the evolving state and equals applying them one by one', () => {
      const state = withConversations({ id: 'a' }, { id: 'b' });
      const all = applyAll(state, commands(), ANA);
      let sequential: InboxState = state;
      for (const command of commands()) {
        const result = apply(sequential, command, ANA);
        if (result.ok) sequential = result.state;
      }
      expect(all.state).to.deep.equal(sequential);
      expect(conv(all.state, 'a').version).to.equal(5);
      expect(all.state.conversations.has('b')).to.equal(false);
    });

    it('skips refused commands and reports them', () => {
      const all = applyAll(withConversations({ id: 'a' }, { id: 'b' }), commands(), ANA);
      expect(all.refusals.map((r) => [r.command.id, r.refusal.code])).to.deep.equal([['p3', 'not-found']]);
    });

    it('takes a context per command, so a pending command keeps its own time', () => {
      const state = withConversations({ id: 'a' });
      const at = (command: Command) => ({ actorId: 'u-ana', now: command.id === 'p1' ? NOW : NOW + HOUR });
      const all = applyAll(state, [cmd('markDone', { ids: ['a'] }, 'p1')], at);
      expect(conv(all.state, 'a').doneAt).to.equal(NOW);
    });

    it('sees earlier commands: a later one refused because of an earlier one', () => {
      const state = withConversations({ id: 'a' });
      const all = applyAll(state, [cmd('trash', { ids: ['a'] }), cmd('deleteForever', { ids: ['a'] }), cmd('markDone', { ids: ['a'] })], ANA);
      expect(all.refusals.map((r) => r.refusal.code)).to.deep.equal(['not-found']);
    });

    it('never mutates its input and folds a large batch over many conversations quickly', () => {
      const many = Array.from({ length: 20_000 }, (_, i) => makeConversation({ id: `c${i}`, awaitingSince: T0 + i }));
      const state = deepFreeze(makeState({ conversations: many }));
      const batch = Array.from({ length: 200 }, (_, i) => cmd('markDone', { ids: [`c${i * 7}`] }));
      const started = performance.now();
      const all = applyAll(state, batch, ANA);
      const took = performance.now() - started;
      expect(all.refusals).to.deep.equal([]);
      expect(conv(all.state, 'c7').status).to.equal('done');
      expect(took).to.be.below(2000);
    });
  });
});

function partsOf(state: InboxState) {
  return {
    users: [...state.users.values()],
    contacts: [...state.contacts.values()],
    conversations: [...state.conversations.values()],
  };
}

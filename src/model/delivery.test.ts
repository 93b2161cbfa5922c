import { expect } from '@open-wc/testing';
import { addressOn, contactForAddress, contactFromAddress, contactKeys, conversationForInbound, handleAttribute, senderKey } from './channels.js';
import type { Command } from './commands.js';
import { reportDelivery } from './delivery-reports.js';
import { initialDelivery, retryDelivery } from './delivery.js';
import { makeChannel, makeContact, makeConversation, makeState, makeUser, T0 } from './fixtures.js';
import { applyAsBackend } from './rules.backend.js';
import { ANA, cmd, NOW, refusal, run, SYSTEM } from './rules.testing.js';
import type { Delivery, DeliveryStatus, InboxState, MessageItem, RuleContext } from './types.js';

const EDGE = makeChannel({ id: 'ch-edge', kind: 'sms', address: '+15550001111', outbound: true });
const PLAIN = makeChannel({ id: 'ch-sms' });

function backend(state: InboxState, command: Command, ctx: RuleContext = SYSTEM): InboxState {
  const result = applyAsBackend(state, command, ctx);
  if (!result.ok) throw new Error(`refused: ${result.refusal.code}: ${result.refusal.reason}`);
  return result.state;
}

function backendRefusal(state: InboxState, command: Command, ctx: RuleContext = SYSTEM) {
  const result = applyAsBackend(state, command, ctx);
  if (result.ok) throw new Error(`expected ${command.type} to be refused`);
  return result.refusal;
}

const message = (state: InboxState, conversationId: string, itemId: string): MessageItem => {
  const item = state.timelines.get(conversationId)?.find((i) => i.id === itemId);
  if (item?.type !== 'message') throw new Error(`no message ${itemId}`);
  return item;
};

/** A conversation c-1 on the edge channel (or the plain one) with Ana's reply m-1. */
function replied(channel = EDGE, users = [makeUser({ id: 'u-owner', role: 'owner' }), makeUser({ id: 'u-ana' })]) {
  const state = makeState({
    users,
    channels: [EDGE, PLAIN],
    conversations: [makeConversation({ id: 'c-1', channelId: channel.id, assignee: { type: 'user', id: 'u-ana' } })],
  });
  return run(state, cmd('reply', { conversationId: 'c-1', itemId: 'm-1', body: 'On its way.' }), ANA);
}

const report = (status: Exclude<DeliveryStatus, 'queued'>, reason?: string) =>
  cmd('setDelivery', { conversationId: 'c-1', itemId: 'm-1', status, ...(reason === undefined ? {} : { reason }) });

describe('R29 outbound delivery (model/delivery.ts)', () => {
  describe('the first delivery', () => {
    it('R29: a reply on a channel with an outbound edge starts queued, at the time it was written', () => {
      expect(message(replied(), 'c-1', 'm-1').delivery).to.deep.equal({ status: 'queued', at: NOW });
    });

    it('R29: a reply on a channel without an edge carries no delivery', () => {
      expect(message(replied(PLAIN), 'c-1', 'm-1')).not.to.have.property('delivery');
    });

    it('R29: a conversation started on an edge channel starts queued too', () => {
      const state = makeState({ channels: [EDGE] });
      const after = run(state, cmd('startConversation', {
        conversationId: 'c-9', itemId: 'm-9', contactId: 'k-1', channelId: 'ch-edge', subject: '', body: 'Hello',
      }));
      expect(message(after, 'c-9', 'm-9').delivery).to.deep.equal({ status: 'queued', at: NOW });
    });

    it('R29: initialDelivery follows the channel only', () => {
      expect(initialDelivery(EDGE, 5)).to.deep.equal({ status: 'queued', at: 5 });
      expect(initialDelivery(PLAIN, 5)).to.equal(undefined);
      expect(initialDelivery({ ...EDGE, outbound: false }, 5)).to.equal(undefined);
    });
  });

  describe('reports from the edge (setDelivery, the system only)', () => {
    const cases: [DeliveryStatus, Exclude<DeliveryStatus, 'queued'>, DeliveryStatus | 'unchanged'][] = [
      ['queued', 'sent', 'sent'],
      ['queued', 'delivered', 'delivered'],
      ['queued', 'failed', 'failed'],
      ['sent', 'delivered', 'delivered'],
      ['sent', 'failed', 'failed'],
      ['sent', 'sent', 'unchanged'],
      ['delivered', 'sent', 'unchanged'],
      ['delivered', 'failed', 'unchanged'],
      ['delivered', 'delivered', 'unchanged'],
      ['failed', 'sent', 'unchanged'],
      ['failed', 'failed', 'unchanged'],
      ['failed', 'delivered', 'delivered'],
    ];
    for (const [from, status, to] of cases) {
      it(`R29: ${from} + report ${status} → ${to}`, () => {
        const current: Delivery = { status: from, at: 1, ...(from === 'failed' ? { reason: 'x' } : {}) };
        const next = reportDelivery(current, status, status === 'failed' ? 'Unreachable' : undefined, 9);
        if (to === 'unchanged') expect(next).to.equal(null);
        else expect(next).to.deep.equal({ status: to, at: 9, ...(to === 'failed' ? { reason: 'Unreachable' } : {}) });
      });
    }

    it('R29: a failure keeps the provider\'s reason, trimmed and at most 500 characters; none given gets a sentence', () => {
      expect(reportDelivery({ status: 'sent', at: 1 }, 'failed', '  Number unreachable ', 2)).to.deep.equal({ status: 'failed', at: 2, reason: 'Number unreachable' });
      expect((reportDelivery({ status: 'sent', at: 1 }, 'failed', 'x'.repeat(900), 2) as Delivery).reason).to.have.length(500);
      expect((reportDelivery({ status: 'sent', at: 1 }, 'failed', undefined, 2) as Delivery).reason).to.equal('The provider did not say why.');
    });

    it('R29: the backend applies a report to the message, and a repeated one changes nothing', () => {
      const sent = backend(replied(), report('sent'));
      expect(message(sent, 'c-1', 'm-1').delivery).to.deep.equal({ status: 'sent', at: NOW });
      const again = applyAsBackend(sent, report('sent'), SYSTEM);
      expect(again.ok && again.events).to.deep.equal([]);
      const failed = backend(sent, report('failed', 'Carrier rejected'));
      expect(message(failed, 'c-1', 'm-1').delivery).to.deep.equal({ status: 'failed', at: NOW, reason: 'Carrier rejected' });
    });

    it('R29: only the system reports; an agent is refused', () => {
      expect(refusal(replied(), report('delivered'), ANA).code).to.equal('forbidden');
    });

    it('R29: a report on an inbound message, an unknown message or a message without an edge is refused', () => {
      const state = replied(PLAIN);
      expect(backendRefusal(state, report('sent')).code).to.equal('invalid');
      expect(backendRefusal(state, cmd('setDelivery', { conversationId: 'c-1', itemId: 'nope', status: 'sent' })).code).to.equal('not-found');
      expect(backendRefusal(state, cmd('setDelivery', { conversationId: 'c-404', itemId: 'm-1', status: 'sent' })).code).to.equal('not-found');
      const inbound = backend(state, cmd('receiveMessage', { conversationId: 'c-1', itemId: 'in-1', contactId: 'k-1', channelId: 'ch-sms', body: 'hi' }));
      expect(backendRefusal(inbound, cmd('setDelivery', { conversationId: 'c-1', itemId: 'in-1', status: 'sent' })).code).to.equal('not-found');
    });
  });

  describe('retryDelivery (an agent sends a failed one again)', () => {
    const failed = () => backend(replied(), report('failed', 'Timeout'));
    const retry = cmd('retryDelivery', { conversationId: 'c-1', itemId: 'm-1' });

    it('R29: a failed delivery is queued anew, its reason gone', () => {
      expect(message(run(failed(), retry, ANA), 'c-1', 'm-1').delivery).to.deep.equal({ status: 'queued', at: NOW });
    });

    it('R29: a delivery that did not fail cannot be retried (conflict)', () => {
      for (const state of [replied(), backend(replied(), report('sent')), backend(replied(), report('delivered'))]) {
        expect(refusal(state, retry, ANA)).to.deep.equal({ code: 'conflict', reason: 'Only a message whose delivery failed can be sent again.' });
      }
      expect(retryDelivery(undefined, 1)).to.have.property('refused');
    });

    it('R29 with R14: an agent who cannot see the conversation gets not-found, as for a missing one', () => {
      const users = [makeUser({ id: 'u-owner', role: 'owner' }), makeUser({ id: 'u-ana' }), makeUser({ id: 'u-self', visibility: 'self' })];
      const state = backend(replied(EDGE, users), report('failed'));
      const hidden = refusal(state, retry, { actorId: 'u-self', now: NOW });
      const missing = refusal(state, cmd('retryDelivery', { conversationId: 'c-404', itemId: 'm-1' }), { actorId: 'u-self', now: NOW });
      expect(hidden.code).to.equal('not-found');
      expect(missing.code).to.equal('not-found');
    });

    it('R29: the system cannot retry on an agent\'s behalf (it records who asked)', () => {
      expect(backendRefusal(failed(), retry).code).to.equal('forbidden');
    });
  });
});

describe('R1 at a channel\'s edge (model/channels.ts)', () => {
  const state = makeState({
    channels: [EDGE, makeChannel({ id: 'ch-mail', kind: 'email', address: 'help@x.org' }), makeChannel({ id: 'ch-chat', kind: 'chat', address: 'site' })],
    contacts: [
      makeContact({ id: 'k-1', phones: ['+33 6 12 34 56 78'], emails: ['Zoe@Acme.io'] }),
      makeContact({ id: 'k-2', attributes: { [handleAttribute('ch-chat')]: 'visitor-42' } }),
    ],
    conversations: [
      makeConversation({ id: 'c-old', contactId: 'k-1', channelId: 'ch-edge', lastMessage: { preview: '', at: T0, direction: 'in', kind: 'sms' } }),
      makeConversation({ id: 'c-new', contactId: 'k-1', channelId: 'ch-edge', status: 'done', lastMessage: { preview: '', at: T0 + 5, direction: 'in', kind: 'sms' } }),
      makeConversation({ id: 'c-trash', contactId: 'k-1', channelId: 'ch-edge', trashedAt: T0, lastMessage: { preview: '', at: T0 + 9, direction: 'in', kind: 'sms' } }),
      makeConversation({ id: 'c-mail', contactId: 'k-1', channelId: 'ch-mail' }),
    ],
  });
  const channel = (id: string) => state.channels.get(id)!;

  it('R1: a phone channel finds its sender by the number\'s digits, whatever the spacing', () => {
    expect(contactForAddress(state, EDGE, '+33612345678')?.id).to.equal('k-1');
    expect(contactForAddress(state, EDGE, '+33 6 12 34 56 79')).to.equal(null);
    expect(contactForAddress(state, EDGE, 'no digits')).to.equal(null);
  });

  it('R1: an e-mail channel finds its sender by address, case and display name aside', () => {
    expect(contactForAddress(state, channel('ch-mail'), 'Zoé <zoe@ACME.io>')?.id).to.equal('k-1');
    expect(contactForAddress(state, channel('ch-mail'), 'other@acme.io')).to.equal(null);
  });

  it('R1: a platform channel finds its sender by the handle kept for that channel', () => {
    expect(contactForAddress(state, channel('ch-chat'), 'visitor-42')?.id).to.equal('k-2');
    expect(contactForAddress(state, channel('ch-chat'), 'visitor-43')).to.equal(null);
  });

  it('R1: an index of contactKeys finds what contactForAddress finds (senderKey), for every kind of address', () => {
    const cases: [string, string][] = [
      ['ch-edge', '+33612345678'], ['ch-edge', '+33 6 12 34 56 79'], ['ch-edge', 'no digits'],
      ['ch-mail', 'Zoé <zoe@ACME.io>'], ['ch-mail', 'other@acme.io'], ['ch-chat', 'visitor-42'], ['ch-chat', ' visitor-42 '], ['ch-chat', 'visitor-43'],
    ];
    const index = new Map<string, string>();
    for (const contact of state.contacts.values()) for (const key of contactKeys(contact)) if (!index.has(key)) index.set(key, contact.id);
    for (const [channelId, address] of cases) {
      const key = senderKey(channel(channelId), address);
      expect(key === null ? null : (index.get(key) ?? null), `${channelId} ${address}`).to.equal(contactForAddress(state, channel(channelId), address)?.id ?? null);
    }
    expect(senderKey(EDGE, '+1 (415) 555-0134')).to.equal('phone:14155550134');
    expect(senderKey(channel('ch-chat'), 'visitor-42')).to.equal('handle:ch-chat:visitor-42');
    expect(contactKeys(state.contacts.get('k-1')!)).to.deep.equal(['phone:33612345678', 'email:zoe@acme.io']);
  });

  it('R1: a reply goes to the contact\'s first number, first e-mail or the channel\'s handle (addressOn)', () => {
    expect(addressOn(EDGE, state.contacts.get('k-1'))).to.equal('+33 6 12 34 56 78');
    expect(addressOn(channel('ch-mail'), state.contacts.get('k-1'))).to.equal('Zoe@Acme.io');
    expect(addressOn(channel('ch-chat'), state.contacts.get('k-2'))).to.equal('visitor-42');
    expect(addressOn(channel('ch-chat'), state.contacts.get('k-1'))).to.equal('');
    expect(addressOn(EDGE, undefined)).to.equal('');
  });

  it('R1: a new sender becomes a contact named as the edge says, or by their address', () => {
    expect(contactFromAddress(EDGE, ' +1 415 555 0134 ', 'Sam')).to.deep.equal({ name: 'Sam', phones: ['+1 415 555 0134'], emails: [], attributes: {} });
    expect(contactFromAddress(channel('ch-mail'), 'Sam <SAM@x.org>', undefined)).to.deep.include({ name: 'Sam <SAM@x.org>', emails: ['sam@x.org'] });
    expect(contactFromAddress(channel('ch-chat'), 'visitor-7', '')).to.deep.equal({ name: 'visitor-7', phones: [], emails: [], attributes: { 'handle:ch-chat': 'visitor-7' } });
  });

  it('R1: a message continues the contact\'s latest conversation on that channel, done ones included, never one in the trash', () => {
    expect(conversationForInbound(state, 'k-1', 'ch-edge')?.id).to.equal('c-new');
    expect(conversationForInbound(state, 'k-1', 'ch-mail')?.id).to.equal('c-mail');
    expect(conversationForInbound(state, 'k-2', 'ch-edge')).to.equal(null);
  });

  it('R1: receiveMessage with a new contact creates the contact first, then the conversation', () => {
    const after = backend(state, cmd('receiveMessage', {
      conversationId: 'c-x', itemId: 'in-x', contactId: 'k-new', channelId: 'ch-edge', body: 'Hi',
      newContact: { name: 'Sam', phones: ['+14155550134'], emails: [], attributes: {} },
    }));
    expect(after.contacts.get('k-new')).to.deep.include({ name: 'Sam', phones: ['+14155550134'], blocked: false });
    expect(after.conversations.get('c-x')).to.deep.include({ contactId: 'k-new', unread: true, status: 'open' });
    expect(contactForAddress(after, EDGE, '+1 415 555 0134')?.id).to.equal('k-new');
  });

  it('R1: newContact is ignored when the contact exists already, and a missing contact without it is refused', () => {
    const after = backend(state, cmd('receiveCall', {
      conversationId: 'c-y', itemId: 'call-y', contactId: 'k-1', channelId: 'ch-edge', direction: 'in',
      newContact: { name: 'Impostor', phones: [], emails: [], attributes: {} },
    }));
    expect(after.contacts.get('k-1')?.name).to.equal('k-1');
    expect(backendRefusal(state, cmd('receiveMessage', { conversationId: 'c-z', itemId: 'in-z', contactId: 'k-none', channelId: 'ch-edge', body: 'x' })).code).to.equal('not-found');
  });
});

import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { EMPTY } from 'rxjs';
import { makeContact, makeConversation, makeState, T0 } from '../model/fixtures.js';
import { toSnapshot } from '../model/state.js';
import { ContactSchema, ConversationSchema, TimelineItemSchema } from '../protocol/protocol.js';
import type { Transport } from '../transport/transport.js';
import { mutate, random } from '../protocol/mutate.testing.js';
import { InboxStore, type StoreError } from './inbox-store.js';

const silent: Transport = {
  connect: () => EMPTY,
  send: () => new Promise(() => undefined),
  timeline: () => new Promise(() => undefined),
};

describe('InboxStore validation', () => {
  it('rejects thousands of generated malformed messages with reported errors and stays valid', async () => {
    const conversation = makeConversation({ id: 'c-1', labels: ['vip'], assignee: { type: 'user', id: 'u-ana' } });
    const state = makeState({ contacts: [makeContact({ id: 'k-1', phones: ['+33 6 12 34 56 78'] })], conversations: [conversation] });
    const valid: unknown[] = [
      { kind: 'event', seq: 1, event: { type: 'conversation.upserted', conversation } },
      { kind: 'event', seq: 1, event: { type: 'contact.upserted', contact: state.contacts.get('k-1') } },
      {
        kind: 'event',
        seq: 1,
        event: {
          type: 'timeline.upserted',
          item: { type: 'message', id: 'm', conversationId: 'c-1', at: T0, direction: 'in', channelKind: 'sms', senderId: 'k-1', body: 'Hola', attachments: [] },
        },
      },
      { kind: 'event', seq: 1, event: { type: 'conversation.deleted', id: 'c-1' } },
      { kind: 'snapshot', seq: 1, snapshot: toSnapshot(state) },
      { kind: 'presence', presence: { userId: 'u-lea', conversationId: 'c-1', typing: true, at: T0 } },
    ];
    const store = new InboxStore({ transport: silent, userId: 'u-ana' });
    store.receive({ kind: 'snapshot', seq: 0, snapshot: toSnapshot(state) });
    await store.ready;
    const errors: StoreError[] = [];
    store.errors$.subscribe((error) => errors.push(error));
    const rand = random(20261121);
    const total = 4000;
    for (let i = 0; i < total; i++) {
      const message = mutate(valid[i % valid.length], rand) as Record<string, unknown> | null;
      // Keep sequence numbers moving so an accepted event is never skipped as old.
      if (typeof message === 'object' && message?.seq === 1) message.seq = i + 1;
      store.receive(message);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const protocolErrors = errors.filter((e) => e.kind === 'protocol');
    // Most mutations break the message; each broken one is reported, with a reason.
    expect(protocolErrors.length).to.be.greaterThan(total * 0.8);
    for (const error of protocolErrors.slice(0, 50)) expect('message' in error && error.message).to.match(/^Malformed /);
    // Whatever got through was valid: every entity in the store still passes the protocol's schemas.
    const model = store.state.model;
    for (const c of model.conversations.values()) expect(v.is(ConversationSchema, c), JSON.stringify(c)).to.equal(true);
    for (const c of model.contacts.values()) expect(v.is(ContactSchema, c)).to.equal(true);
    for (const items of model.timelines.values()) for (const item of items) expect(v.is(TimelineItemSchema, item)).to.equal(true);
    store.destroy();
  });
});

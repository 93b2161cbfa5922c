import { expect } from '@open-wc/testing';
import { defaultReplyChannel, reachableChannels, reachableKinds, replyChannels } from './channels.js';
import { makeChannel, makeContact, makeConversation, makeState } from './fixtures.js';

const channels = [
  makeChannel({ id: 'ch-sms' }),
  makeChannel({ id: 'ch-call', kind: 'call' }),
  makeChannel({ id: 'ch-wa', kind: 'whatsapp' }),
  makeChannel({ id: 'ch-email', kind: 'email', address: 'support@example.com' }),
  makeChannel({ id: 'ch-email-sales', kind: 'email', address: 'sales@example.com' }),
  makeChannel({ id: 'ch-chat', kind: 'chat', address: 'https://example.com' }),
  makeChannel({ id: 'ch-ig', kind: 'instagram', address: '@example' }),
];
const contacts = [
  makeContact({ id: 'k-both', phones: ['+1 415 555 0100'], emails: ['zoe@example.com'] }),
  makeContact({ id: 'k-mail', emails: ['ana@example.com'] }),
  makeContact({ id: 'k-phone', phones: ['+33 6 12 34 56 78'] }),
  makeContact({ id: 'k-none' }),
  makeContact({ id: 'k-blank', phones: ['  '], emails: [''] }),
];
const state = makeState({ channels, contacts });
const ids = (list: readonly { id: string }[]) => list.map((c) => c.id);
const contact = (id: string) => state.contacts.get(id)!;

describe('channels', () => {
  describe('reachableKinds', () => {
    it('R2 a phone number opens SMS, WhatsApp and calls; an e-mail address opens e-mail', () => {
      expect([...reachableKinds(contact('k-both'))].sort()).to.deep.equal(['call', 'email', 'sms', 'whatsapp']);
      expect([...reachableKinds(contact('k-mail'))]).to.deep.equal(['email']);
      expect([...reachableKinds(contact('k-phone'))].sort()).to.deep.equal(['call', 'sms', 'whatsapp']);
    });

    it('R2 a contact without addresses (or with blank ones) opens nothing', () => {
      expect(reachableKinds(contact('k-none')).size).to.equal(0);
      expect(reachableKinds(contact('k-blank')).size).to.equal(0);
    });
  });

  describe('reachableChannels', () => {
    it('R2 lists every channel of a reachable kind, in the workspace order', () => {
      expect(ids(reachableChannels(state, contact('k-both')))).to.deep.equal([
        'ch-sms',
        'ch-call',
        'ch-wa',
        'ch-email',
        'ch-email-sales',
      ]);
      expect(ids(reachableChannels(state, contact('k-mail')))).to.deep.equal(['ch-email', 'ch-email-sales']);
    });

    it('R2 platform channels (chat, Instagram) never reach a contact by address', () => {
      const kinds = reachableChannels(state, contact('k-both')).map((c) => c.kind);
      expect(kinds).not.to.include('chat');
      expect(kinds).not.to.include('instagram');
    });
  });

  describe('replyChannels', () => {
    it('R2 a chat conversation can switch to e-mail when the contact has an e-mail address', () => {
      const c = makeConversation({ id: 'c-1', channelId: 'ch-chat', contactId: 'k-mail' });
      expect(ids(replyChannels(state, c))).to.deep.equal(['ch-chat', 'ch-email', 'ch-email-sales']);
    });

    it('R2 the conversation channel comes first, then text channels of the contact; voice lines are left out', () => {
      const c = makeConversation({ id: 'c-1', channelId: 'ch-email', contactId: 'k-both' });
      expect(ids(replyChannels(state, c))).to.deep.equal(['ch-email', 'ch-sms', 'ch-wa', 'ch-email-sales']);
    });

    it('R2 the own channel is kept whatever its text kind (an Instagram thread the contact started)', () => {
      expect(ids(replyChannels(state, makeConversation({ id: 'c', channelId: 'ch-ig', contactId: 'k-none' })))).to.deep.equal([
        'ch-ig',
      ]);
    });

    it('R2 a voice line is never offered for a written reply, not even in a call conversation', () => {
      const call = makeConversation({ id: 'c', channelId: 'ch-call', contactId: 'k-phone' });
      expect(ids(replyChannels(state, call))).to.deep.equal(['ch-sms', 'ch-wa']);
      for (const c of contacts) {
        const kinds = replyChannels(state, makeConversation({ id: 'c', channelId: 'ch-sms', contactId: c.id })).map((ch) => ch.kind);
        expect(kinds, c.id).not.to.include('call');
      }
    });

    it('R2 an unknown contact leaves only the conversation channel; an unknown channel only the contact ones', () => {
      expect(ids(replyChannels(state, makeConversation({ id: 'c', channelId: 'ch-sms', contactId: 'nobody' })))).to.deep.equal([
        'ch-sms',
      ]);
      expect(ids(replyChannels(state, makeConversation({ id: 'c', channelId: 'gone', contactId: 'k-mail' })))).to.deep.equal([
        'ch-email',
        'ch-email-sales',
      ]);
    });
  });

  describe('defaultReplyChannel', () => {
    // One business number with a voice line, SMS and WhatsApp; another SMS line listed first.
    const lines = makeState({
      channels: [
        makeChannel({ id: 'ch-sms-other', kind: 'sms', address: '+1 415 555 0100' }),
        makeChannel({ id: 'ch-email', kind: 'email', address: 'support@example.com' }),
        makeChannel({ id: 'ch-wa-main', kind: 'whatsapp', address: '+1 (415) 555-0199' }),
        makeChannel({ id: 'ch-call', kind: 'call', address: '+1 415 555 0199' }),
        makeChannel({ id: 'ch-sms-main', kind: 'sms', address: '+14155550199' }),
      ],
      contacts: [
        makeContact({ id: 'k-both', phones: ['+33 6 12 34 56 78'], emails: ['zoe@example.com'] }),
        makeContact({ id: 'k-mail', emails: ['ana@example.com'] }),
      ],
    });
    const after = (contactId: string) => makeConversation({ id: 'c', channelId: 'ch-call', contactId });

    it('R2 after a call, a reply goes by SMS on the same number, then WhatsApp on it, then the other text lines', () => {
      expect(defaultReplyChannel(lines, after('k-both'))?.id).to.equal('ch-sms-main');
      expect(ids(replyChannels(lines, after('k-both')))).to.deep.equal(['ch-sms-main', 'ch-wa-main', 'ch-sms-other', 'ch-email']);
    });

    it('R2 after a call, with no text line on the same number, the contact’s first SMS or WhatsApp line', () => {
      const other = makeState({
        channels: [
          makeChannel({ id: 'ch-email', kind: 'email', address: 'support@example.com' }),
          makeChannel({ id: 'ch-call', kind: 'call', address: '+1 415 555 0199' }),
          makeChannel({ id: 'ch-wa', kind: 'whatsapp', address: '+34 910 555 000' }),
        ],
        contacts: [makeContact({ id: 'k-both', phones: ['+33 6 12 34 56 78'], emails: ['zoe@example.com'] })],
      });
      expect(defaultReplyChannel(other, after('k-both'))?.id).to.equal('ch-wa');
    });

    it('R2 after a call from a contact with no phone left, e-mail; with no address at all, nothing', () => {
      expect(defaultReplyChannel(lines, after('k-mail'))?.id).to.equal('ch-email');
      expect(defaultReplyChannel(lines, after('nobody'))).to.equal(null);
    });

    it('R2 a conversation on a text channel replies on that channel by default', () => {
      const c = makeConversation({ id: 'c', channelId: 'ch-wa-main', contactId: 'k-both' });
      expect(defaultReplyChannel(lines, c)?.id).to.equal('ch-wa-main');
    });
  });
});

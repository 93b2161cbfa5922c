import { expect } from '@open-wc/testing';
import { findInInbox } from './find.js';
import { HOUR, makeContact, makeConversation, makeState, makeUser, T0 } from './fixtures.js';

const contacts = [
  makeContact({ id: 'k-zoe', name: 'Zoé Chevalier', emails: ['zoe@example.fr'], phones: ['+33 6 12 34 56 78'] }),
  makeContact({ id: 'k-leo', name: 'Léo Martin', emails: ['leo@example.fr'], phones: [] }),
];
const users = [
  makeUser({ id: 'u-owner', role: 'owner' }),
  makeUser({ id: 'u-sam', visibility: 'self' }),
];
const at = (hours: number) => ({ lastMessage: { preview: 'Bonjour', at: T0 + hours * HOUR, direction: 'in' as const, kind: 'sms' as const } });
const conversations = [
  makeConversation({ id: 'c-old', contactId: 'k-zoe', subject: 'Facture', ...at(1) }),
  makeConversation({ id: 'c-new', contactId: 'k-zoe', subject: 'Résiliation', ...at(5), assignee: { type: 'user', id: 'u-sam' } }),
  makeConversation({ id: 'c-leo', contactId: 'k-leo', subject: 'Facture en double', ...at(3) }),
  makeConversation({ id: 'c-trash', contactId: 'k-zoe', subject: 'Facture', ...at(9), trashedAt: T0 }),
];
const state = makeState({ users, contacts, conversations });
const owner = state.users.get('u-owner')!;
const sam = state.users.get('u-sam')!;

describe('the palette\'s jump list (find.ts)', () => {
  it('finds conversations by their text, newest first, accents and case ignored, trash left out', () => {
    expect(findInInbox(state, owner, 'facture').conversations.map((c) => c.id)).to.deep.equal(['c-leo', 'c-old']);
    expect(findInInbox(state, owner, 'RESILIATION').conversations.map((c) => c.id)).to.deep.equal(['c-new']);
  });

  it('finds a contact by name, e-mail or phone digits, landing on their newest conversation', () => {
    for (const text of ['zoe chev', 'zoe@example', '6 12 34']) {
      const { contacts: found } = findInInbox(state, owner, text);
      expect(found.map((f) => f.contact.id), text).to.deep.equal(['k-zoe']);
      expect(found[0]!.latest.id, text).to.equal('c-new');
    }
  });

  it('R14 finds only what the user may see', () => {
    expect(findInInbox(state, sam, 'facture').conversations).to.deep.equal([]);
    const { conversations: mine, contacts: theirs } = findInInbox(state, sam, 'zoe');
    expect(mine.map((c) => c.id)).to.deep.equal(['c-new']);
    expect(theirs.map((f) => f.latest.id)).to.deep.equal(['c-new']);
    expect(findInInbox(state, sam, 'léo').contacts).to.deep.equal([]);
  });

  it('stops at the limit, and finds nothing for nothing typed', () => {
    expect(findInInbox(state, owner, 'bonjour', 2).conversations).to.have.length(2);
    expect(findInInbox(state, owner, '   ')).to.deep.equal({ conversations: [], contacts: [] });
  });
});

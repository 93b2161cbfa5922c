import { expect } from '@open-wc/testing';
import { makeContact, makeConversation, makeState, T0 } from './fixtures.js';
import { reduce } from './state.js';
import { matchesSearch, normalize, parseSearch, searchKey } from './search.js';
import type { Contact, Conversation, InboxState, TimelineItem } from './types.js';

const zoe = makeContact({
  id: 'k-1',
  name: 'Zoé Núñez-Strauß',
  phones: ['+1 (555) 010-1234', '+33 6 12 34 56 78'],
  emails: ['zoe.nunez@example.com'],
});
const conversation = makeConversation({
  id: 'c-1',
  subject: 'Remboursement de la commande',
  lastMessage: { preview: '¿Dónde está mi pedido?', at: T0, direction: 'in', kind: 'email' },
});
const message = (id: string, body: string): TimelineItem => ({
  type: 'message', id, conversationId: 'c-1', at: T0, direction: 'in', channelKind: 'email', senderId: 'k-1', body,
  attachments: [],
});
const state = makeState({ contacts: [zoe], conversations: [conversation], timelines: [message('m-1', 'Ma facture numéro 42')] });

const finds = (query: string, s: InboxState = state, c: Conversation = conversation) => matchesSearch(s, c, query);

describe('search', () => {
  describe('normalize', () => {
    const cases: [string, string][] = [
      ['Zoé', 'zoe'],
      ['ZOÉ', 'zoe'],
      ['Ñandú', 'nandu'],
      ['Straße', 'strasse'],
      ['STRASSE', 'strasse'],
      ['Œuvre', 'oeuvre'],
      ['Æsir', 'aesir'],
      ['Søren', 'soren'],
      ['Łódź', 'lodz'],
      ['ﬁnance', 'finance'],
      ['Ｚｏｅ', 'zoe'],
      ['İstanbul', 'istanbul'],
      ['Çà et là', 'ca et la'],
      ['Ελληνικά', 'ελληνικα'],
      ['Müller', 'muller'],
      ['l’été', "l'ete"],
      ['plain ascii 123', 'plain ascii 123'],
    ];
    for (const [input, output] of cases) {
      it(`§4 search normalizes "${input}" to "${output}"`, () => expect(normalize(input)).to.equal(output));
    }
  });

  describe('matching', () => {
    it('§4 "Zoé" finds "zoe" and "ZOE" finds "Zoé"', () => {
      const plain = makeState({ contacts: [makeContact({ id: 'k-1', name: 'zoe' })], conversations: [conversation] });
      expect(finds('Zoé', plain)).to.equal(true);
      expect(finds('ZOE')).to.equal(true);
      expect(finds('zoé')).to.equal(true);
    });
    it('§4 ñ and ß match their plain spellings', () => {
      expect(finds('nunez')).to.equal(true);
      expect(finds('strauss')).to.equal(true);
      expect(finds('Núñez')).to.equal(true);
    });
    it('§4 finds by e-mail address', () => {
      expect(finds('zoe.nunez@example')).to.equal(true);
      expect(finds('example.com')).to.equal(true);
    });
    it('§4 finds by phone number, written any way', () => {
      expect(finds('555 0101')).to.equal(true);
      expect(finds('5550101234')).to.equal(true);
      expect(finds('(555) 010-1234')).to.equal(true);
      expect(finds('+1 555 010 1234')).to.equal(true);
      expect(finds('06 12 34 56 78'.slice(1))).to.equal(true);
      expect(finds('555 9999')).to.equal(false);
    });
    it('§4 finds by subject and last message', () => {
      expect(finds('remboursement')).to.equal(true);
      expect(finds('donde esta')).to.equal(true);
      expect(finds('PEDIDO')).to.equal(true);
    });
    it('§4 finds by the text of loaded messages', () => {
      expect(finds('facture')).to.equal(true);
      expect(finds('numero 42')).to.equal(true);
    });
    it('§4 a multi-word query needs every word, in any field and order', () => {
      expect(finds('zoe pedido')).to.equal(true);
      expect(finds('commande   zoe')).to.equal(true);
      expect(finds('zoe invoice')).to.equal(false);
    });
    it('§4 an empty query matches everything', () => {
      expect(finds('')).to.equal(true);
      expect(finds('   ')).to.equal(true);
      expect(parseSearch(' \t ')).to.equal(null);
    });
    it('§4 does not find what is not there', () => {
      expect(finds('garcia')).to.equal(false);
    });
    it('R20 internal comments are not message text', () => {
      const comment: TimelineItem = {
        type: 'comment', id: 'n-1', conversationId: 'c-1', at: T0, authorId: 'u-ana', body: 'secretword', mentions: [],
      };
      const s = reduce(state, { type: 'timeline.upserted', item: comment });
      expect(finds('secretword', s)).to.equal(false);
    });
  });

  describe('the cached key', () => {
    it('§4 is cached per conversation object', () => {
      expect(searchKey(state, conversation)).to.equal(searchKey(state, conversation));
      expect(searchKey(state, conversation)).to.include('zoe nunez-strauss');
    });
    it('R17 follows a renamed contact although the conversation object is the same', () => {
      expect(finds('zoe')).to.equal(true);
      const renamed: Contact = { ...zoe, name: 'Chloé' };
      const s = reduce(state, { type: 'contact.upserted', contact: renamed });
      expect(finds('chloe', s)).to.equal(true);
      expect(finds('zoe', s)).to.equal(true); // still in the e-mail address
      expect(finds('strauss', s)).to.equal(false);
      expect(finds('strauss')).to.equal(true);
    });
    it('R17 follows newly loaded messages', () => {
      expect(finds('livraison')).to.equal(false);
      const s = reduce(state, { type: 'timeline.upserted', item: message('m-2', 'Livraison reçue') });
      expect(finds('livraison recue', s)).to.equal(true);
    });
    it('R17 follows a changed conversation', () => {
      const changed = { ...conversation, subject: 'Nouvelle adresse' };
      expect(finds('adresse', state, changed)).to.equal(true);
      expect(finds('adresse')).to.equal(false);
    });
    it('R17 works without a contact', () => {
      const orphan = makeConversation({ id: 'c-2', contactId: 'k-none', subject: 'Hola' });
      expect(finds('hola', state, orphan)).to.equal(true);
    });
  });
});

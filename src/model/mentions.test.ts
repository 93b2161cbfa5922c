import { expect } from '@open-wc/testing';
import { makeUser } from './fixtures.js';
import { insertMention, mentionCandidates, mentionQueryAt, mentionsIn } from './mentions.js';

const users = [
  makeUser({ id: 'u-ana', name: 'Ana Martín' }),
  makeUser({ id: 'u-ann', name: 'Ana' }),
  makeUser({ id: 'u-lea', name: 'Léa Rousseau' }),
  makeUser({ id: 'u-lucia', name: 'Lucía Fernández' }),
  makeUser({ id: 'u-tom', name: 'Tom Harris' }),
  makeUser({ id: 'u-gone', name: 'Claire Petit', active: false }),
];
const names = (list: readonly { name: string }[]) => list.map((u) => u.name);

describe('mentions', () => {
  describe('mentionQueryAt', () => {
    it('R20 finds the mention being typed at the caret', () => {
      expect(mentionQueryAt('@', 1)).to.deep.equal({ start: 0, query: '' });
      expect(mentionQueryAt('Hi @le', 6)).to.deep.equal({ start: 3, query: 'le' });
      expect(mentionQueryAt('Hi @Ana Ma', 10)).to.deep.equal({ start: 3, query: 'Ana Ma' });
      expect(mentionQueryAt('(@to', 4)).to.deep.equal({ start: 1, query: 'to' });
    });

    it('R20 reads only up to the caret', () => {
      expect(mentionQueryAt('Hi @lea, see', 6)).to.deep.equal({ start: 3, query: 'le' });
    });

    it('R20 is not a mention: an e-mail address, a space after @, another line, a long stretch', () => {
      expect(mentionQueryAt('ana@exa', 7)).to.equal(null);
      expect(mentionQueryAt('@ ana', 5)).to.equal(null);
      expect(mentionQueryAt('@ana\nhello', 10)).to.equal(null);
      expect(mentionQueryAt(`@${'a'.repeat(45)}`, 46)).to.equal(null);
      expect(mentionQueryAt('@one two three four', 19)).to.equal(null);
      expect(mentionQueryAt('no mention', 10)).to.equal(null);
    });
  });

  describe('mentionCandidates', () => {
    it('R20 offers active users whose name or a word of it starts with the query, accent-insensitive', () => {
      expect(names(mentionCandidates(users, 'lea'))).to.deep.equal(['Léa Rousseau']);
      expect(names(mentionCandidates(users, 'rou'))).to.deep.equal(['Léa Rousseau']);
      expect(names(mentionCandidates(users, 'FERN'))).to.deep.equal(['Lucía Fernández']);
    });

    it('R20 never offers a deactivated user, nor the author', () => {
      expect(mentionCandidates(users, 'claire')).to.deep.equal([]);
      expect(names(mentionCandidates(users, 'ana', { exclude: 'u-ann' }))).to.deep.equal(['Ana Martín']);
    });

    it('R20 puts names starting with the query first, then by name, and limits the list', () => {
      expect(names(mentionCandidates(users, 'ma'))).to.deep.equal(['Ana Martín']);
      expect(names(mentionCandidates(users, ''))).to.deep.equal(['Ana', 'Ana Martín', 'Léa Rousseau', 'Lucía Fernández', 'Tom Harris']);
      expect(mentionCandidates(users, '', { limit: 2 })).to.have.length(2);
      const more = [makeUser({ id: 'u-h', name: 'Hugo Tomas' }), makeUser({ id: 'u-t', name: 'Tomas Hugo' })];
      expect(names(mentionCandidates(more, 'tom'))).to.deep.equal(['Tomas Hugo', 'Hugo Tomas']);
    });
  });

  describe('insertMention', () => {
    it('R20 replaces the typed query with @Name and a space, caret after it', () => {
      expect(insertMention('Hi @le', 3, 6, 'Léa Rousseau')).to.deep.equal({ text: 'Hi @Léa Rousseau ', caret: 17 });
    });

    it('R20 keeps the text after the caret, without doubling a space', () => {
      expect(insertMention('@to please', 0, 3, 'Tom Harris')).to.deep.equal({ text: '@Tom Harris please', caret: 12 });
      expect(insertMention('@to,', 0, 3, 'Tom Harris')).to.deep.equal({ text: '@Tom Harris ,', caret: 12 });
    });
  });

  describe('mentionsIn', () => {
    it('R20 lists the mentioned active users once, in order of appearance', () => {
      expect(mentionsIn('@Tom Harris and @Léa Rousseau, then @Tom Harris again', users)).to.deep.equal(['u-tom', 'u-lea']);
    });

    it('R20 the longest name wins at an @, and case does not matter', () => {
      expect(mentionsIn('@ana martín please', users)).to.deep.equal(['u-ana']);
      expect(mentionsIn('@Ana please', users)).to.deep.equal(['u-ann']);
    });

    it('R20 names end at a word boundary, and an e-mail address mentions nobody', () => {
      expect(mentionsIn('@Anastasia', users)).to.deep.equal([]);
      expect(mentionsIn('write to tom@Tom Harris.example', users)).to.deep.equal([]);
      expect(mentionsIn('@Tom Harris!', users)).to.deep.equal(['u-tom']);
      expect(mentionsIn('(@Tom Harris)', users)).to.deep.equal(['u-tom']);
    });

    it('R20 a deactivated user is not mentioned (the rule would refuse them)', () => {
      expect(mentionsIn('@Claire Petit', users)).to.deep.equal([]);
    });

    it('R20 no users, no @: nothing', () => {
      expect(mentionsIn('@Tom Harris', [])).to.deep.equal([]);
      expect(mentionsIn('Tom Harris', users)).to.deep.equal([]);
    });
  });
});

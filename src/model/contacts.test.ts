import { expect } from '@open-wc/testing';
import {
  applyContactPatch,
  cleanContactPatch,
  isCountryCode,
  isLanguageTag,
  isValidEmail,
  mergeContactDetails,
  normalizePhone,
  validateContactPatch,
} from './contacts.js';
import { duplicateSuggestions } from './duplicates.js';
import { makeContact, makeState, makeUser } from './fixtures.js';

describe('contacts (DESIGN section 5, contact panel)', () => {
  describe('normalizePhone', () => {
    const valid: [string, string][] = [
      ['+33 6 12 34 56 78', '+33612345678'],
      ['+1 (415) 555-0134', '+14155550134'],
      ['+44.20.7946.0958', '+442079460958'],
      ['0033 6 12 34 56 78', '+33612345678'],
      ['  +34 612 345 678 ', '+34612345678'],
      ['+1234567', '+1234567'],
      ['+123456789012345', '+123456789012345'],
      ['+1\t415\u00a0555 0134', '+14155550134'],
    ];
    for (const [raw, expected] of valid) {
      it(`contacts: "${raw}" normalises to ${expected}`, () => {
        expect(normalizePhone(raw)).to.equal(expected);
      });
    }

    const invalid = [
      '',
      '06 12 34 56 78', // no country code
      '(415) 555-0134',
      '+123456', // 6 digits
      '+1234567890123456', // 16 digits
      '+33 6 12 AB 56 78',
      '++33612345678',
      '+33 6 12 + 34 56',
      '33612345678',
      '+',
      '00',
      'call me',
      '+33/612345678',
    ];
    for (const raw of invalid) {
      it(`contacts: "${raw}" is not a phone number`, () => {
        expect(normalizePhone(raw)).to.equal(null);
      });
    }
  });

  describe('isValidEmail', () => {
    for (const ok of ['zoe@acme.io', 'Zoe.Martin+vip@mail.acme.co.uk', 'a@b.c', 'jose.garcia@telefonica.net']) {
      it(`contacts: ${ok} is an e-mail address`, () => expect(isValidEmail(ok)).to.equal(true));
    }
    for (const bad of ['', 'nope', 'zoe@acme', 'zoe@@acme.io', 'zoe@ac@me.io', 'zoe martin@acme.io', '@acme.io', 'zoe@.io', 'zoe@acme.', 'zoe@acme..io', 'zoe@acme .io']) {
      it(`contacts: "${bad}" is not an e-mail address`, () => expect(isValidEmail(bad)).to.equal(false));
    }
  });

  it('contacts: country codes are ISO 3166-1 alpha-2, upper case', () => {
    for (const code of ['FR', 'US', 'ES', 'MX', 'GB', 'AX', 'ZW']) expect(isCountryCode(code), code).to.equal(true);
    for (const code of ['fr', 'UK', 'EU', 'ZZ', 'FRA', 'F', '']) expect(isCountryCode(code), code).to.equal(false);
    const letters = Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const assigned = letters.flatMap((a) => letters.map((b) => a + b)).filter(isCountryCode);
    expect(assigned, 'the 249 officially assigned codes').to.have.length(249);
    expect(assigned.slice(0, 3).concat(assigned.slice(-3))).to.deep.equal(['AD', 'AE', 'AF', 'ZA', 'ZM', 'ZW']);
  });

  it('contacts: languages are BCP 47 primary subtags, lower case', () => {
    for (const tag of ['fr', 'en', 'es', 'ast']) expect(isLanguageTag(tag), tag).to.equal(true);
    for (const tag of ['FR', 'fr-CA', 'e', 'english', '12', '']) expect(isLanguageTag(tag), tag).to.equal(false);
  });

  describe('cleanContactPatch and validateContactPatch', () => {
    it('contacts: trims, drops empty entries, lists the same phone or e-mail once, cases country and language', () => {
      const clean = cleanContactPatch({
        name: '  Zoé  ',
        phones: [' +33 6 12 34 56 78', '', '0033612345678', '+1 415 555 0134'],
        emails: ['Zoe@Acme.io ', 'zoe@acme.io', '  '],
        country: ' fr ',
        language: 'FR',
        company: '  Acme ',
      });
      expect(clean).to.deep.equal({
        name: 'Zoé',
        phones: ['+33 6 12 34 56 78', '+1 415 555 0134'],
        emails: ['Zoe@Acme.io'],
        country: 'FR',
        language: 'fr',
        company: 'Acme',
      });
      expect(validateContactPatch(clean)).to.deep.equal([]);
    });

    it('contacts: each invalid phone and e-mail is reported with its index', () => {
      const errors = validateContactPatch({ phones: ['+33612345678', '0612'], emails: ['nope', 'ok@acme.io', 'a b@c.d'] });
      expect(errors.map((e) => [e.field, e.index, e.problem])).to.deep.equal([
        ['phones', 1, 'phone'],
        ['emails', 0, 'email'],
        ['emails', 2, 'email'],
      ]);
      expect(errors[0]!.message).to.match(/^"0612" is not a valid phone number/);
    });

    it('contacts: country, language, company length and name', () => {
      const long = 'x'.repeat(256);
      const errors = validateContactPatch({ country: 'XX', language: 'french', company: long, name: ' ' });
      expect(errors.map((e) => [e.field, e.problem])).to.deep.equal([
        ['name', 'required'],
        ['company', 'too-long'],
        ['country', 'country'],
        ['language', 'language'],
      ]);
      expect(validateContactPatch({ company: 'x'.repeat(255), country: '', language: '' })).to.deep.equal([]);
    });

    it('contacts + R10: an owner must be an active user', () => {
      const state = makeState({ users: [makeUser({ id: 'u-ana' }), makeUser({ id: 'u-gone', active: false })] });
      expect(validateContactPatch({ ownerId: 'u-gone' }, state).map((e) => e.problem)).to.deep.equal(['owner']);
      expect(validateContactPatch({ ownerId: 'u-ana' }, state)).to.deep.equal([]);
      expect(validateContactPatch({ ownerId: null }, state)).to.deep.equal([]);
    });

    it('contacts: an empty company, country or language clears it; undefined changes nothing', () => {
      const contact = makeContact({ id: 'k-1', company: 'Acme', country: 'FR', language: 'fr' });
      const after = applyContactPatch(contact, { company: '', country: undefined, language: 'es' });
      expect(after).to.not.have.property('company');
      expect(after).to.include({ country: 'FR', language: 'es' });
    });
  });

  describe('duplicateSuggestions', () => {
    const state = () =>
      makeState({
        contacts: [
          makeContact({ id: 'k-1', phones: ['+33 6 12 34 56 78'], emails: ['zoe@acme.io'] }),
          makeContact({ id: 'k-2', phones: ['0033612345678'] }),
          makeContact({ id: 'k-3', emails: ['ZOE@ACME.IO'] }),
          makeContact({ id: 'k-4', phones: ['+33 6 00 00 00 00'], emails: ['zoe@acme.com'] }),
          makeContact({ id: 'k-5', phones: ['not a phone'] }),
        ],
      });

    it('contacts: others sharing a normalised phone or an e-mail in any case are suggested', () => {
      const found = duplicateSuggestions(state(), 'k-1');
      expect(found.map((d) => [d.contact.id, d.phones, d.emails])).to.deep.equal([
        ['k-2', ['0033612345678'], []],
        ['k-3', [], ['ZOE@ACME.IO']],
      ]);
    });

    it('contacts: no suggestion for an unknown contact, one without details, or invalid phones', () => {
      expect(duplicateSuggestions(state(), 'k-x')).to.deep.equal([]);
      expect(duplicateSuggestions(makeState(), 'k-1')).to.deep.equal([]);
      expect(duplicateSuggestions(state(), 'k-5')).to.deep.equal([]);
    });
  });

  describe('mergeContactDetails', () => {
    it('contacts: unions phones, e-mails, tags; keeps the target values first and fills what it lacks', () => {
      const target = makeContact({
        id: 'k-1', name: 'Zoé Martin', phones: ['+33 6 12 34 56 78'], emails: ['zoe@acme.io'],
        tags: ['vip'], attributes: { plan: 'Pro' }, country: 'FR',
      });
      const source = makeContact({
        id: 'k-2', name: 'Zoe M.', phones: ['0033612345678', '+1 415 555 0134'], emails: ['ZOE@acme.io', 'z@home.fr'],
        tags: ['vip', 'reseller'], attributes: { plan: 'Free', segment: 'B2B' }, company: 'Acme', country: 'BE', language: 'fr',
      });
      expect(mergeContactDetails(target, source)).to.deep.equal({
        ...target,
        phones: ['+33 6 12 34 56 78', '+1 415 555 0134'],
        emails: ['zoe@acme.io', 'z@home.fr'],
        tags: ['vip', 'reseller'],
        attributes: { plan: 'Pro', segment: 'B2B' },
        company: 'Acme',
        language: 'fr',
      });
    });

    it('contacts + R10: the target keeps its owner, else takes the source owner if still active', () => {
      const state = makeState({ users: [makeUser({ id: 'u-ana' }), makeUser({ id: 'u-gone', active: false })] });
      const t = makeContact({ id: 'k-1' });
      expect(mergeContactDetails({ ...t, ownerId: 'u-x' }, makeContact({ id: 'k-2', ownerId: 'u-ana' }), state).ownerId).to.equal('u-x');
      expect(mergeContactDetails(t, makeContact({ id: 'k-2', ownerId: 'u-ana' }), state).ownerId).to.equal('u-ana');
      expect(mergeContactDetails(t, makeContact({ id: 'k-2', ownerId: 'u-gone' }), state).ownerId).to.equal(undefined);
    });
  });
});

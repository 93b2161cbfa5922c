import { expect } from '@open-wc/testing';
import { makeContact, makeConversation, makeState, makeUser } from './fixtures.js';
import { decideAsBackend } from './rules.backend.js';
import { CONTACT_RULES } from './rules.contacts.js';
import { addPersonRules, decide } from './rules.js';
import { ANA, cmd } from './rules.testing.js';

/**
 * The contact panel's rules (a contact's details, merging) load with the
 * panel (define-contact.ts registers them): this file runs in a page of its
 * own, where they start unloaded. Such a command then changes nothing in the
 * page and the backend decides it; a backend always has them.
 */
describe('the contact panel\'s rules, loaded with the panel', () => {
  const state = makeState({
    users: [makeUser({ id: 'u-ana' })],
    contacts: [makeContact({ id: 'k-1', name: 'Léa' }), makeContact({ id: 'k-2', name: 'Léa D.' })],
    conversations: [makeConversation({ id: 'a', contactId: 'k-2' })],
  });
  const rename = cmd('updateContact', { contactId: 'k-1', patch: { company: 'Acme' } });
  const merge = cmd('mergeContacts', { targetId: 'k-1', sourceId: 'k-2' });

  it('R8 before they load, the panel\'s commands are accepted here with no change, and the backend decides them', () => {
    expect(decide(state, rename, ANA)).to.deep.equal({ ok: true, events: [] });
    expect(decide(state, merge, ANA)).to.deep.equal({ ok: true, events: [] });
    const merged = decideAsBackend(state, merge, ANA);
    expect(merged.ok && merged.events.map((e) => e.type)).to.include.members(['conversation.upserted', 'contact.deleted']);
  });

  it('R8 once loaded, the page decides them as the backend does', () => {
    addPersonRules(CONTACT_RULES);
    expect(decide(state, rename, ANA)).to.deep.equal(decideAsBackend(state, rename, ANA));
    expect(decide(state, merge, ANA)).to.deep.equal(decideAsBackend(state, merge, ANA));
    const itself = decide(state, cmd('mergeContacts', { targetId: 'k-1', sourceId: 'k-1' }), ANA);
    expect(!itself.ok && itself.refusal.code).to.equal('invalid');
  });
});

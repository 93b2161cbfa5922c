import { expect } from '@open-wc/testing';
import { makeContact, makeConversation, makeState, makeUser, T0 } from './fixtures.js';
import { reduceAll } from './state.js';
import { canSeeContact } from './permissions.js';
import { ANA, cmd, conv, deepFreeze, eventsOf, OWNER, refusal, run, SYSTEM } from './rules.testing.js';
import type { Command } from './commands.js';
import type { InboxState, RuleContext } from './types.js';

/** Contacts k-1 (Zoé) and k-2 (her duplicate), with conversations c-1 (k-1), c-2 and c-3 (k-2), c-4 (k-3). */
function duplicates(extra: { blocked?: [boolean, boolean] } = {}) {
  const [b1, b2] = extra.blocked ?? [false, false];
  return makeState({
    users: [
      makeUser({ id: 'u-owner', role: 'owner' }),
      makeUser({ id: 'u-ana' }),
      makeUser({ id: 'u-self', visibility: 'self' }),
      makeUser({ id: 'u-gone', active: false }),
    ],
    contacts: [
      makeContact({ id: 'k-1', name: 'Zoé Martin', phones: ['+33 6 12 34 56 78'], emails: ['zoe@acme.io'], tags: ['vip'], blocked: b1 }),
      makeContact({
        id: 'k-2', name: 'Zoe M.', phones: ['0033612345678', '+1 415 555 0134'], emails: ['zoe@home.fr'],
        tags: ['reseller'], attributes: { plan: 'Pro' }, company: 'Acme', blocked: b2,
      }),
      makeContact({ id: 'k-3' }),
    ],
    conversations: [
      makeConversation({ id: 'c-1', contactId: 'k-1' }),
      makeConversation({ id: 'c-2', contactId: 'k-2', version: 4 }),
      makeConversation({ id: 'c-3', contactId: 'k-2' }),
      makeConversation({ id: 'c-4', contactId: 'k-3' }),
    ],
  });
}

const merge = (targetId = 'k-1', sourceId = 'k-2') => cmd('mergeContacts', { targetId, sourceId });

describe('rules: contacts (updateContact, mergeContacts)', () => {
  describe('updateContact', () => {
    it('contacts: a valid patch is cleaned and stored', () => {
      const after = run(makeState(), cmd('updateContact', {
        contactId: 'k-1',
        patch: { phones: [' +33 6 12 34 56 78 ', ''], country: 'fr', language: 'FR', company: ' Acme ' },
      }));
      expect(after.contacts.get('k-1')).to.deep.include({
        phones: ['+33 6 12 34 56 78'], country: 'FR', language: 'fr', company: 'Acme',
      });
    });

    it('contacts: an invalid phone is refused with a sentence naming it', () => {
      const r = refusal(makeState(), cmd('updateContact', { contactId: 'k-1', patch: { phones: ['06 12 34 56 78'] } }));
      expect(r.code).to.equal('invalid');
      expect(r.reason).to.equal('"06 12 34 56 78" is not a valid phone number: write + and the country code, then 7 to 15 digits.');
    });

    it('contacts: an invalid e-mail, country or language is refused', () => {
      const refused = (patch: object) =>
        refusal(makeState(), cmd('updateContact', { contactId: 'k-1', patch })).reason;
      expect(refused({ emails: ['zoe@acme'] })).to.equal('"zoe@acme" is not a valid e-mail address.');
      expect(refused({ country: 'France' })).to.match(/^"FRANCE" is not a country code/);
      expect(refused({ language: 'fr-CA' })).to.match(/^"fr-ca" is not a language code/);
      expect(refused({ company: 'x'.repeat(256) })).to.match(/at most 255 characters/);
    });

    it('contacts: an empty company clears it', () => {
      const state = makeState({ contacts: [makeContact({ id: 'k-1', company: 'Acme' })] });
      const after = run(state, cmd('updateContact', { contactId: 'k-1', patch: { company: '' } }));
      expect(after.contacts.get('k-1')).to.not.have.property('company');
    });

    it('R10 a contact owner must be an active user', () => {
      const state = duplicates();
      expect(refusal(state, cmd('updateContact', { contactId: 'k-1', patch: { ownerId: 'u-gone' } })).code).to.equal('invalid');
      expect(run(state, cmd('updateContact', { contactId: 'k-1', patch: { ownerId: 'u-ana' } })).contacts.get('k-1')!.ownerId).to.equal('u-ana');
    });
  });

  describe('mergeContacts', () => {
    it('contacts: the source details join the target', () => {
      const after = run(duplicates(), merge());
      expect(after.contacts.get('k-1')).to.deep.include({
        name: 'Zoé Martin',
        phones: ['+33 6 12 34 56 78', '+1 415 555 0134'],
        emails: ['zoe@acme.io', 'zoe@home.fr'],
        tags: ['vip', 'reseller'],
        attributes: { plan: 'Pro' },
        company: 'Acme',
      });
    });

    it('contacts: the source conversations move to the target, each version bumped once, and the source is removed', () => {
      const before = duplicates();
      const after = run(before, merge());
      expect(conv(after, 'c-2')).to.include({ contactId: 'k-1', version: 5 });
      expect(conv(after, 'c-3')).to.include({ contactId: 'k-1', version: 2 });
      expect(conv(after, 'c-1')).to.equal(before.conversations.get('c-1'));
      expect(conv(after, 'c-4')).to.equal(before.conversations.get('c-4'));
      expect(after.contacts.has('k-2')).to.equal(false);
      expect(after.contacts.size).to.equal(2);
    });

    it('contacts: the events are the moved conversations, the merged target, then the removal', () => {
      const events = eventsOf(duplicates(), merge());
      expect(events.map((e) => e.type)).to.deep.equal([
        'conversation.upserted',
        'conversation.upserted',
        'contact.upserted',
        'contact.deleted',
      ]);
      // A client folding the backend's events reaches the same state.
      const state = duplicates();
      expect(reduceAll(state, events).contacts.has('k-2')).to.equal(false);
    });

    it('contacts: merging never mutates the state it reads', () => {
      const state = deepFreeze(duplicates());
      expect(() => run(state, merge())).to.not.throw();
    });

    it('contacts: a contact cannot be merged into itself; unknown contacts are not found', () => {
      expect(refusal(duplicates(), merge('k-1', 'k-1')).code).to.equal('invalid');
      expect(refusal(duplicates(), merge('k-1', 'k-x')).code).to.equal('not-found');
      expect(refusal(duplicates(), merge('k-x', 'k-2')).code).to.equal('not-found');
    });

    it('contacts: merging again after a merge finds no source', () => {
      const after = run(duplicates(), merge());
      expect(refusal(after, merge()).code).to.equal('not-found');
    });

    it('R8 a blocked contact merges only with another blocked one', () => {
      const r = refusal(duplicates({ blocked: [false, true] }), merge());
      expect(r.code).to.equal('conflict');
      expect(r.reason).to.equal('Zoe M. is blocked and Zoé Martin is not; unblock or block one of them before merging.');
      expect(refusal(duplicates({ blocked: [true, false] }), merge()).code).to.equal('conflict');
      const after = run(duplicates({ blocked: [true, true] }), merge());
      expect(after.contacts.get('k-1')!.blocked).to.equal(true);
    });

    it('R10 the target keeps its owner, else takes the source owner', () => {
      const state = duplicates();
      const owned = run(state, cmd('updateContact', { contactId: 'k-2', patch: { ownerId: 'u-ana' } }));
      expect(run(owned, merge()).contacts.get('k-1')!.ownerId).to.equal('u-ana');
      const both = run(owned, cmd('updateContact', { contactId: 'k-1', patch: { ownerId: 'u-owner' } }));
      expect(run(both, merge()).contacts.get('k-1')!.ownerId).to.equal('u-owner');
    });

    it('R14 whoever may edit both contacts may merge them: any active user who sees them, and the system', () => {
      expect(run(duplicates(), merge(), ANA).contacts.has('k-2')).to.equal(false);
      expect(run(duplicates(), merge(), SYSTEM).contacts.has('k-2')).to.equal(false);
      // The self agent sees both contacts once one conversation of each is theirs.
      const self = { actorId: 'u-self', now: ANA.now };
      expect(refusal(duplicates(), merge(), self).code).to.equal('not-found');
      const theirs = run(duplicates(), cmd('assign', { ids: ['c-1', 'c-3'], assignee: { type: 'user', id: 'u-self' } }), OWNER);
      expect(run(theirs, merge(), self).contacts.has('k-2')).to.equal(false);
      expect(refusal(duplicates(), merge(), { actorId: 'u-gone', now: ANA.now }).code).to.equal('forbidden');
    });
  });

  it('contacts: reduce removes a deleted contact and leaves the rest', () => {
    const state = duplicates();
    const after = reduceAll(state, [{ type: 'contact.deleted', id: 'k-3' }]);
    expect([...after.contacts.keys()]).to.deep.equal(['k-1', 'k-2']);
    expect(state.contacts.size).to.equal(3);
  });
});

/**
 * Who sees which contact (R14): k-1's conversation is the self agent's, k-2's Ana's, k-3's the
 * team agent's teammate's, k-4 has no conversation, k-5's conversation is unassigned but mentions
 * the self agent (R20).
 */
function sight(): InboxState {
  return makeState({
    users: [
      makeUser({ id: 'u-owner', role: 'owner' }),
      makeUser({ id: 'u-ana' }),
      makeUser({ id: 'u-self', visibility: 'self' }),
      makeUser({ id: 'u-team', visibility: 'team', teamIds: ['t-1'] }),
      makeUser({ id: 'u-mate', teamIds: ['t-1'] }),
      makeUser({ id: 'u-gone', active: false }),
      makeUser({ id: 'u-manager', role: 'manager', visibility: 'self' }),
    ],
    teams: [{ id: 't-1', name: 'Sales', memberIds: ['u-team', 'u-mate'] }],
    contacts: ['k-1', 'k-2', 'k-3', 'k-4', 'k-5'].map((id) => makeContact({ id, name: `Contact ${id}`, emails: [`${id}@example.com`] })),
    conversations: [
      makeConversation({ id: 'c-1', contactId: 'k-1', assignee: { type: 'user', id: 'u-self' } }),
      makeConversation({ id: 'c-2', contactId: 'k-2', assignee: { type: 'user', id: 'u-ana' } }),
      makeConversation({ id: 'c-3', contactId: 'k-3', assignee: { type: 'user', id: 'u-mate' } }),
      makeConversation({ id: 'c-5', contactId: 'k-5', assignee: null, mentions: ['u-self'] }),
    ],
  });
}

const as = (actorId: string): RuleContext => ({ actorId, now: T0 + 1000 });

/** Every person's command that names a contact, aimed at `contactId`. */
function contactCommands(contactId: string, own = 'k-1'): Command[] {
  return [
    cmd('updateContact', { contactId, patch: { company: 'Globex' } }),
    cmd('blockContact', { contactId }),
    cmd('unblockContact', { contactId }),
    cmd('mergeContacts', { targetId: own, sourceId: contactId }),
    cmd('mergeContacts', { targetId: contactId, sourceId: own }),
    cmd('startConversation', { conversationId: 'c-new', itemId: 'm-new', contactId, channelId: 'ch-sms', subject: '', body: 'Hello' }),
  ];
}

describe('rules: R14 on contacts', () => {
  it('R14 owners, managers and agents who see everything see every contact, conversations or not', () => {
    const state = sight();
    for (const userId of ['u-owner', 'u-ana', 'u-manager']) {
      for (const contact of state.contacts.values()) {
        expect(canSeeContact(state, state.users.get(userId)!, contact), `${userId} sees ${contact.id}`).to.equal(true);
      }
    }
  });

  it('R14 a self agent sees the contacts of their own conversations and of those they are mentioned in, no other', () => {
    const state = sight();
    const self = state.users.get('u-self')!;
    const seen = [...state.contacts.values()].filter((k) => canSeeContact(state, self, k)).map((k) => k.id);
    expect(seen).to.deep.equal(['k-1', 'k-5']);
  });

  it("R14 a team agent sees the contacts of their teammates' conversations, not the others' nor a contact without one", () => {
    const state = sight();
    const team = state.users.get('u-team')!;
    const seen = [...state.contacts.values()].filter((k) => canSeeContact(state, team, k)).map((k) => k.id);
    expect(seen).to.deep.equal(['k-3']);
  });

  it('R14 a deactivated user sees no contact', () => {
    const state = sight();
    const gone = state.users.get('u-gone')!;
    expect([...state.contacts.values()].some((k) => canSeeContact(state, gone, k))).to.equal(false);
  });

  it('R14 a contact comes into sight with a conversation of theirs, and leaves with it', () => {
    const state = sight();
    const given = run(state, cmd('assign', { ids: ['c-2'], assignee: { type: 'user', id: 'u-self' } }), OWNER);
    expect(canSeeContact(given, given.users.get('u-self')!, given.contacts.get('k-2')!)).to.equal(true);
    const taken = run(given, cmd('assign', { ids: ['c-2'], assignee: { type: 'user', id: 'u-ana' } }), OWNER);
    expect(canSeeContact(taken, taken.users.get('u-self')!, taken.contacts.get('k-2')!)).to.equal(false);
  });

  for (const hidden of ['k-2', 'k-3', 'k-4']) {
    it(`R14 every contact command on ${hidden}, which the self agent may not see, is refused exactly as for a contact that does not exist`, () => {
      const state = sight();
      const commands = contactCommands(hidden);
      const missing = contactCommands('k-404');
      commands.forEach((command, i) => {
        const r = refusal(state, command, as('u-self'));
        const m = refusal(state, missing[i]!, as('u-self'));
        expect(r, command.type).to.deep.equal({ ...m, reason: m.reason.replace('k-404', hidden) });
        expect(r.code, command.type).to.equal('not-found');
      });
    });
  }

  it('R14 a refused contact command changes nothing: the hidden contact keeps its details and its conversations', () => {
    const state = deepFreeze(sight());
    for (const command of contactCommands('k-2')) refusal(state, command, as('u-self'));
    expect(state.contacts.get('k-2')).to.deep.include({ emails: ['k-2@example.com'], blocked: false });
    expect(conv(state, 'c-2').contactId).to.equal('k-2');
  });

  it('R14 the self agent may change, block, merge and write to the contacts they see', () => {
    const state = sight();
    const self = as('u-self');
    expect(run(state, cmd('updateContact', { contactId: 'k-5', patch: { company: 'Globex' } }), self).contacts.get('k-5')!.company).to.equal('Globex');
    expect(run(state, cmd('blockContact', { contactId: 'k-1' }), self).contacts.get('k-1')!.blocked).to.equal(true);
    expect(run(state, cmd('mergeContacts', { targetId: 'k-1', sourceId: 'k-5' }), self).contacts.has('k-5')).to.equal(false);
    const started = run(state, contactCommands('k-1')[5]!, self);
    expect(conv(started, 'c-new').assignee).to.deep.equal({ type: 'user', id: 'u-self' });
  });

  it('R14 the team agent is refused a contact of another team, and allowed their teammate\'s', () => {
    const state = sight();
    expect(refusal(state, cmd('updateContact', { contactId: 'k-1', patch: { company: 'Globex' } }), as('u-team')).code).to.equal('not-found');
    expect(run(state, cmd('updateContact', { contactId: 'k-3', patch: { company: 'Globex' } }), as('u-team')).contacts.get('k-3')!.company).to.equal('Globex');
  });

  it('R14 the outside world (the system) reaches every contact: an inbound message to a contact nobody sees', () => {
    const state = sight();
    const after = run(state, cmd('receiveMessage', { conversationId: 'c-in', itemId: 'm-in', contactId: 'k-4', channelId: 'ch-sms', body: 'Hi' }), SYSTEM);
    expect(conv(after, 'c-in').contactId).to.equal('k-4');
  });
});

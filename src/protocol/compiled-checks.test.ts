import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { generateDemoData } from '../backend/demo-data.js';
import { makeContact, makeConversation } from '../model/fixtures.js';
import { Contact, Conversation } from './compiled-checks.js';
import { mutate, random } from './mutate.testing.js';
import { ContactSchema, ConversationSchema, parseServerMessage, type CompiledChecks } from './protocol.js';

/**
 * The compiled checks (compiled-checks.ts, ajv's code generated from the
 * JSON Schemas) must say exactly what valibot says of every contact and
 * conversation: a snapshot's bulk is checked by them, and one that let
 * through what valibot refuses would let a malformed entity reach the state.
 */
describe('compiled checks of contacts and conversations', () => {
  const demo = generateDemoData({ seed: 3, conversations: 400 }).snapshot;
  const cases: [string, v.GenericSchema, (input: unknown) => boolean, readonly unknown[]][] = [
    ['Contact', ContactSchema, Contact, [...demo.contacts, makeContact({ id: 'k-1', company: 'Acme', attributes: { plan: 'gold' } })]],
    ['Conversation', ConversationSchema, Conversation, [...demo.conversations, makeConversation({ id: 'c-1', snoozedUntil: 'next-message', assignee: { type: 'bot', id: 'b-1' } })]],
  ];

  for (const [name, schema, compiled, valid] of cases) {
    it(`accept every valid ${name} valibot accepts`, () => {
      expect(valid.length).to.be.greaterThan(50);
      for (const entity of valid) {
        expect(v.is(schema, entity), JSON.stringify(entity)).to.equal(true);
        expect(compiled(entity), JSON.stringify(entity)).to.equal(true);
      }
    });

    it(`agree with valibot on 5,000 generated ${name} variants, valid and malformed`, () => {
      const rand = random(20261207);
      let refused = 0;
      for (let i = 0; i < 5000; i++) {
        const input = mutate(valid[i % valid.length], rand);
        const expected = v.is(schema, input);
        if (!expected) refused++;
        expect(compiled(input), JSON.stringify([input]).slice(0, 300)).to.equal(expected);
      }
      // Both kinds were met.
      expect(refused).to.be.within(500, 4900);
    });
  }

  it('agree on what JSON Schema and valibot could read differently', () => {
    const contact = valibotAndCompiled(ContactSchema, Contact);
    const conversation = valibotAndCompiled(ConversationSchema, Conversation);
    const k = makeContact({ id: 'k-1' });
    const c = makeConversation({ id: 'c-1' });
    // Lengths are UTF-16 units for both (JSON Schema counts code points): 600 emoji are 1,200 units, over 1,000.
    expect(contact({ ...k, name: '😀'.repeat(600) })).to.deep.equal([false, false]);
    expect(contact({ ...k, name: '😀'.repeat(500) })).to.deep.equal([true, true]);
    // An own "__proto__" key, as JSON.parse makes it, in a free map.
    expect(contact({ ...k, attributes: JSON.parse('{"__proto__": "x"}') as unknown })).to.deep.equal([false, false]);
    expect(contact({ ...k, attributes: { constructor: 'x' } })).to.deep.equal([false, false]);
    expect(contact({ ...k, attributes: { ['k'.repeat(201)]: 'x' } })).to.deep.equal([false, false]);
    // An optional field present as undefined (an in-page backend's object) is absent.
    expect(contact({ ...k, company: undefined, notes: undefined })).to.deep.equal([true, true]);
    expect(contact({ ...k, ownerId: null })).to.deep.equal([true, true]);
    // Numbers JSON cannot carry, from an in-page backend.
    expect(conversation({ ...c, awaitingSince: NaN })).to.deep.equal([false, false]);
    expect(conversation({ ...c, createdAt: Infinity })).to.deep.equal([false, false]);
    expect(conversation({ ...c, participants: 1.5 })).to.deep.equal([false, false]);
    expect(conversation({ ...c, participants: -1 })).to.deep.equal([false, false]);
    // Unknown keys are ignored by both; a missing required one is refused by both.
    expect(conversation({ ...c, extra: { nested: true } })).to.deep.equal([true, true]);
    const { subject: _, ...noSubject } = c;
    expect(conversation(noSubject)).to.deep.equal([false, false]);
    expect(conversation({ ...c, assignee: { type: 'team', id: 't-1' } })).to.deep.equal([false, false]);
    expect(conversation({ ...c, snoozedUntil: 'tomorrow' })).to.deep.equal([false, false]);
    expect(conversation({ ...c, custom: { a: 1, b: true, c: 'x' } })).to.deep.equal([true, true]);
    expect(conversation({ ...c, custom: { a: null } })).to.deep.equal([false, false]);
  });

  it('with them, a snapshot names the malformed entity exactly as without them', () => {
    const compiled: CompiledChecks = { Contact, Conversation };
    const conversations = [...demo.conversations];
    conversations[123] = { ...conversations[123]!, status: 'archived' as never };
    const input = { kind: 'snapshot', seq: 1, snapshot: { ...demo, conversations } };
    const fast = parseServerMessage(input, compiled);
    const slow = parseServerMessage(input, null);
    expect(fast.ok).to.equal(false);
    expect(!fast.ok && fast.error.message).to.equal(!slow.ok && slow.error.message);
    expect(!fast.ok && fast.error.message).to.contain('conversations[123]');
    expect(parseServerMessage({ kind: 'snapshot', seq: 1, snapshot: demo }, compiled).ok).to.equal(true);
  });
});

function valibotAndCompiled(schema: v.GenericSchema, compiled: (input: unknown) => boolean) {
  return (input: unknown): [boolean, boolean] => [v.is(schema, input), compiled(input)];
}

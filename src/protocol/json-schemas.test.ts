import { expect } from '@open-wc/testing';
import { protocolJsonSchemas, schemaFileText } from './json-schemas.js';

describe('published JSON Schemas (docs/schemas)', () => {
  const generated = protocolJsonSchemas();

  it('match what `npm run protocol:schemas` generates from protocol.ts', async () => {
    const names = Object.keys(generated);
    expect(names).to.include.members(['command.schema.json', 'command-ack.schema.json', 'server-message.schema.json', 'timeline-page.schema.json']);
    for (const name of names) {
      const response = await fetch(`/docs/schemas/${name}`);
      expect(response.ok, `docs/schemas/${name} is committed`).to.equal(true);
      expect(await response.text(), `docs/schemas/${name} is up to date: run npm run protocol:schemas`).to.equal(schemaFileText(generated[name]!));
    }
  });

  it('say what the valibot schemas say: every command type, its arguments required', () => {
    const command = generated['command.schema.json'] as { oneOf: { properties: { type: { const: string } }; required: string[] }[] };
    const types = command.oneOf.map((option) => option.properties.type.const);
    expect(types).to.include.members(['markDone', 'assign', 'reply', 'receiveMessage', 'tick']);
    for (const option of command.oneOf) expect(option.required).to.have.members(['id', 'type', 'args']);
    const message = generated['server-message.schema.json'] as { oneOf: { properties: { kind: { const: string } } }[]; $defs: Record<string, unknown> };
    expect(message.oneOf.map((option) => option.properties.kind.const)).to.have.members(['snapshot', 'event', 'presence']);
    expect(Object.keys(message.$defs)).to.include.members(['Conversation', 'Snapshot', 'DomainEvent']);
  });
});

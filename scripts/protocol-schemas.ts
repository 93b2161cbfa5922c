/**
 * `npm run protocol:schemas`: writes the protocol's JSON Schemas, generated
 * from src/protocol/protocol.ts, to docs/schemas/ (stale files removed).
 * `-- --check` writes nothing and fails when the committed files differ.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { protocolJsonSchemas, schemaFileText } from '../src/protocol/json-schemas.js';

const dir = join(dirname(dirname(fileURLToPath(import.meta.url))), 'docs', 'schemas');
const check = process.argv.includes('--check');
const files = Object.entries(protocolJsonSchemas()).map(([name, schema]) => [name, schemaFileText(schema)] as const);

mkdirSync(dir, { recursive: true });
const existing = readdirSync(dir).filter((name) => name.endsWith('.json'));
const stale = existing.filter((name) => !files.some(([file]) => file === name));
const changed = files.filter(([name, text]) => {
  try {
    return readFileSync(join(dir, name), 'utf8') !== text;
  } catch {
    return true;
  }
});

if (check) {
  for (const [name] of changed) console.error(`docs/schemas/${name} is out of date`);
  for (const name of stale) console.error(`docs/schemas/${name} is not generated any more`);
  if (changed.length || stale.length) {
    console.error('Run `npm run protocol:schemas`.');
    process.exit(1);
  }
  console.log(`docs/schemas: ${files.length} schemas up to date`);
} else {
  for (const [name, text] of changed) writeFileSync(join(dir, name), text);
  for (const name of stale) rmSync(join(dir, name));
  console.log(`docs/schemas: ${files.length} schemas, ${changed.length} written, ${stale.length} removed`);
}

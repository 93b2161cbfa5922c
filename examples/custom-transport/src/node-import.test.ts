// Server-side rendering frameworks import a page's modules in Node: importing
// the package (and registering its tags) must not throw there, nor fail a
// moment later. Each import runs in a fresh Node process, as a server starts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';

function importInNode(specifiers: string[]): Promise<{ code: number | null; stderr: string }> {
  const script = `
    const failures = [];
    process.on('unhandledRejection', (e) => failures.push('unhandled rejection: ' + (e?.stack ?? e)));
    process.on('uncaughtException', (e) => failures.push('uncaught: ' + (e?.stack ?? e)));
    for (const specifier of ${JSON.stringify(specifiers)}) {
      try { await import(specifier); } catch (e) { failures.push(specifier + ': ' + (e?.stack ?? e)); }
    }
    // Whatever a module schedules on import (timers, microtasks) runs before the verdict.
    setTimeout(() => { if (failures.length) { console.error(failures.join('\\n')); process.exit(1); } }, 300);
  `;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd() }, (error, _stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr }),
    );
  });
}

describe('the package in Node (no DOM)', () => {
  for (const specifiers of [['inbox-elements'], ['inbox-elements/define'], ['inbox-elements', 'inbox-elements/define', 'inbox-elements/testing']]) {
    it(`import ${specifiers.map((s) => `'${s}'`).join(', ')}`, async () => {
      const { code, stderr } = await importInNode(specifiers);
      assert.equal(code, 0, stderr);
    });
  }

  it('a store on the MemoryTransport works in Node', async () => {
    const { InboxStore, MemoryTransport } = await import('inbox-elements');
    const store = new InboxStore({ transport: new MemoryTransport({ demo: true, conversations: 200 }), userId: 'u-ana' });
    await store.ready;
    assert.ok(store.selectors.list(store.state).length > 0, 'rows in the Open view');
    store.destroy();
  });
});

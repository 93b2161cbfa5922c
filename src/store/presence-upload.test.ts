import { expect } from '@open-wc/testing';
import { MemoryBackend } from '../backend/memory-backend.js';
import { MemoryTransport } from '../transport/memory/memory-transport.js';
import type { Transport } from '../transport/transport.js';
import type { StoreError } from './inbox-store.js';
import { InboxStore } from './inbox-store.js';

const backend = () => new MemoryBackend({ demo: { conversations: 200, seed: 7 } });
const storeOn = (transport: Transport, userId: string) => new InboxStore({ transport, userId, schedule: (f) => queueMicrotask(f) });
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).to.equal(true);
};

describe('InboxStore presence and uploads', () => {
  it('R17 tells the other agents what this user views and types, and not itself', async () => {
    const shared = backend();
    const ana = storeOn(new MemoryTransport({ backend: shared }), 'u-ana');
    const lea = storeOn(new MemoryTransport({ backend: shared }), 'u-lea');
    await Promise.all([ana.ready, lea.ready]);
    const id = [...lea.state.model.conversations.keys()][0]!;
    ana.setPresence(id, false);
    await until(() => lea.state.presence.get(id)?.[0]?.userId === 'u-ana');
    expect(lea.state.presence.get(id)?.[0]?.typing).to.equal(false);
    ana.setPresence(id, true);
    await until(() => lea.state.presence.get(id)?.[0]?.typing === true);
    expect(ana.state.presence.get(id)).to.equal(undefined);
    ana.setPresence(null);
    await until(() => !lea.state.presence.has(id));
    ana.destroy();
    lea.destroy();
  });

  it('R17 presence for a user the backend refuses rejects, never throws', async () => {
    const transport = new MemoryTransport({ backend: backend() });
    let rejected: unknown;
    await transport.presence('c-1', true, 'u-nobody').catch((e: unknown) => (rejected = e));
    expect(String(rejected)).to.match(/u-nobody|user/i);
    const store = storeOn(transport, 'u-nobody');
    expect(() => store.setPresence('c-1', true)).not.to.throw();
    store.destroy();
  });

  it('goes live again after a resume with nothing missed, and resends what went unanswered', async () => {
    const transport = new MemoryTransport({ backend: backend() });
    const store = new InboxStore({ transport, userId: 'u-ana', schedule: (f) => queueMicrotask(f), reconnectDelay: 10 });
    await store.ready;
    const id = store.selectors.list(store.state)[0]!.id;
    transport.offline = true;
    await until(() => store.state.connection === 'offline');
    store.dispatch('setPriority', { ids: [id], priority: 'urgent' });
    await until(() => store.state.pending.every((p) => !p.inFlight));
    transport.offline = false;
    await until(() => store.state.connection === 'live' && store.state.pending.length === 0);
    expect(transport.backend.state.conversations.get(id)?.priority).to.equal('urgent');
    store.destroy();
  });

  it('uploads a file through the transport and hands back a checked attachment', async () => {
    const store = storeOn(new MemoryTransport({ backend: backend() }), 'u-ana');
    await store.ready;
    expect(store.canUpload).to.equal(true);
    const attachment = await store.upload(new File(['hello'], 'hello.txt', { type: 'text/plain' }));
    expect(attachment).to.include({ name: 'hello.txt', mime: 'text/plain', size: 5 });
    expect(await (await fetch(attachment.url)).text()).to.equal('hello');
    store.destroy();
  });

  it('reports an upload the transport answers with nonsense, and offers none without upload', async () => {
    const memory = new MemoryTransport({ backend: backend() });
    const broken: Transport = {
      connect: (r) => memory.connect(r),
      send: (c, a) => memory.send(c, a),
      timeline: (r, a) => memory.timeline(r, a),
      upload: () => Promise.resolve({ id: 'a-1', name: '<img src=x onerror=alert(1)>' }),
    };
    const store = storeOn(broken, 'u-ana');
    const errors: StoreError[] = [];
    store.errors$.subscribe((e) => errors.push(e));
    let failure: unknown;
    await store.upload(new File(['x'], 'x.txt')).catch((e: unknown) => (failure = e));
    expect(String(failure)).to.match(/attachment/);
    expect(errors.map((e) => e.kind)).to.deep.equal(['protocol']);
    const plain = storeOn({ connect: (r) => memory.connect(r), send: (c, a) => memory.send(c, a), timeline: (r, a) => memory.timeline(r, a) }, 'u-ana');
    expect(plain.canUpload).to.equal(false);
    plain.setPresence('c-1', true); // a transport without presence: nothing happens, nothing throws
    store.destroy();
    plain.destroy();
  });
});

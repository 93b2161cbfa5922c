/**
 * Issue 2: a burst of 10,000 backend events at 100,000 conversations:
 * ≥ 50,000 events/s applied (validation included), and subscribers notified
 * at most once per animation frame while the burst arrives.
 */
import { EMPTY, skip } from 'rxjs';
import type { DomainEvent } from '../src/model/events.js';
import type { Conversation } from '../src/model/types.js';
import { PRIORITIES } from '../src/model/types.js';
import { InboxStore } from '../src/store/inbox-store.js';
import { generateDemoData } from '../src/backend/demo-data.js';
import type { Transport } from '../src/transport/transport.js';
import { nextFrame, round, type Row } from './harness.js';

const BURST = 10_000;

/** A transport that only lets the benchmark push messages into the store. */
const silent: Transport = {
  connect: () => EMPTY,
  send: () => new Promise(() => undefined),
  timeline: () => new Promise(() => undefined),
};

function burst(conversations: readonly Conversation[], seq0: number): unknown[] {
  const messages: unknown[] = [];
  for (let i = 0; i < BURST; i++) {
    const c = conversations[(i * 7919) % conversations.length]!;
    const event: DomainEvent =
      i % 4 === 3
        ? {
            type: 'timeline.upserted',
            item: { type: 'comment', id: `bench-${i}`, conversationId: c.id, at: c.createdAt + i, authorId: 'u-lea', body: 'On it', mentions: [] },
          }
        : {
            type: 'conversation.upserted',
            conversation: { ...c, priority: PRIORITIES[i % PRIORITIES.length]!, unread: i % 2 === 0, version: c.version + 1 },
          };
    messages.push({ kind: 'event', seq: seq0 + i + 1, event });
  }
  return messages;
}

async function loadedStore(): Promise<{ store: InboxStore; conversations: Conversation[] }> {
  const data = generateDemoData({ seed: 7, conversations: 100_000 });
  const owner = data.snapshot.users.find((user) => user.role === 'owner')!;
  const store = new InboxStore({ transport: silent, userId: owner.id });
  store.receive({ kind: 'snapshot', seq: 0, snapshot: data.snapshot });
  await store.ready;
  return { store, conversations: [...data.snapshot.conversations] };
}

export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  const { store, conversations } = await loadedStore();
  // A subscriber like an element's: it reads the list the user sees.
  let notifications = 0;
  store.select((state) => state.model).subscribe(() => notifications++);
  store.select((state) => store.selectors.list(state)).subscribe(() => undefined);

  // 1. Throughput: the whole burst arrives at once.
  const messages = burst(conversations, 0);
  await nextFrame();
  const start = performance.now();
  for (const message of messages) store.receive(message);
  await new Promise<void>((resolve) => {
    const sub = store
      .select((s) => s.model)
      .pipe(skip(1))
      .subscribe(() => {
        sub.unsubscribe();
        resolve();
      });
  });
  const applied = performance.now() - start;
  const rate = BURST / (applied / 1000);
  rows.push({ name: 'events: 10,000-event burst received, validated and applied', value: round(applied, 1), unit: 'ms' });
  rows.push({ name: 'events: applied per second', value: Math.round(rate), unit: 'events/s', target: '≥ 50,000', ok: rate >= 50_000 });

  // 2. Spread: the same size of burst arrives in 40 slices over many tasks.
  const spread = burst(conversations, BURST);
  let frames = 0;
  let counting = true;
  const countFrames = () => {
    frames++;
    if (counting) requestAnimationFrame(countFrames);
  };
  await nextFrame();
  notifications = 0;
  requestAnimationFrame(countFrames);
  for (let slice = 0; slice < 40; slice++) {
    for (const message of spread.slice(slice * 250, slice * 250 + 250)) store.receive(message);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await nextFrame();
  await nextFrame();
  counting = false;
  rows.push({
    name: 'events: notifications during a spread burst / frames elapsed',
    value: `${notifications}/${frames}`,
    unit: '',
    target: '≤ 1 per frame',
    ok: notifications <= frames,
  });
  store.destroy();
  return rows;
}

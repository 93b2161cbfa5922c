import { DEMO_USER_IDS, generateDemoData } from '../src/backend/demo-data.js';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import { MemoryTransport } from '../src/transport/memory/memory-transport.js';
import { InboxStore } from '../src/store/inbox-store.js';
import type { Id, Settings } from '../src/model/types.js';

/**
 * Stores for the stories of the navigation elements (sidebar, filters,
 * pickers, availability, help, palette), which double as test fixtures.
 * Every store is new, on the seeded demo data, so stories never share
 * state. `loading` never connects; `empty` has the demo's people, teams and
 * channels but no conversation.
 */
/** `windowed`: a backend that hands the list a page at a time (issue 13), slowly enough to see it load. */
export const STORE_KINDS = ['demo', 'empty', 'loading', 'windowed'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/** The demo users a story can act as, by role (DESIGN R14). */
export const ROLE_USERS = {
  owner: DEMO_USER_IDS.owner,
  manager: DEMO_USER_IDS.manager,
  'agent (all)': DEMO_USER_IDS.agentAll,
  'agent (team)': DEMO_USER_IDS.agentTeam,
  'agent (self)': DEMO_USER_IDS.agentSelf,
} as const;

export interface StoryStoreOptions {
  readonly userId?: Id | undefined;
  readonly kind?: StoreKind | undefined;
  /** Demo size (200 to 100,000); 200 by default, enough to fill every view. */
  readonly conversations?: number | undefined;
  /** Share a backend with another store (two agents on one page). */
  readonly backend?: MemoryBackend | undefined;
}

/** A backend on the demo data: the same seed, so the same data, every time. */
export function demoBackend(conversations = 200, settings: Partial<Settings> = {}): MemoryBackend {
  if (Object.keys(settings).length === 0) return new MemoryBackend({ demo: { conversations, seed: 42 } });
  const { snapshot, timelineFor } = generateDemoData({ conversations, seed: 42 });
  return new MemoryBackend({ snapshot: { ...snapshot, settings: { ...snapshot.settings, ...settings } }, timelineFor });
}

function emptyBackend(): MemoryBackend {
  const { snapshot } = generateDemoData({ conversations: 200, seed: 42 });
  return new MemoryBackend({ snapshot: { ...snapshot, conversations: [], contacts: [] } });
}

export function storyStore(options: StoryStoreOptions = {}): InboxStore {
  const kind = options.kind ?? 'demo';
  const backend =
    options.backend ??
    (kind === 'empty'
      ? emptyBackend()
      : kind === 'windowed'
        ? new MemoryBackend({ demo: { conversations: options.conversations ?? 2000, seed: 42 }, windowFrom: 100 })
        : demoBackend(options.conversations));
  return new InboxStore({
    transport: new MemoryTransport({ backend, latency: kind === 'windowed' ? 400 : 0 }),
    userId: options.userId ?? DEMO_USER_IDS.owner,
    connect: kind !== 'loading',
  });
}

let injected = 0;

/**
 * A new inbound message in an existing conversation, as the outside world
 * sends it (R1, R15): through the backend, as the system actor.
 */
export function injectInbound(backend: MemoryBackend, conversationId: Id, body = 'Hello again!'): void {
  const conversation = backend.state.conversations.get(conversationId);
  if (!conversation) throw new Error(`no conversation ${conversationId}`);
  const ack = backend.inject({
    id: `story-in-${String(++injected)}`,
    type: 'receiveMessage',
    args: {
      conversationId,
      itemId: `story-msg-${String(injected)}`,
      contactId: conversation.contactId,
      channelId: conversation.channelId,
      body,
    },
  });
  if (!ack.ok) throw new Error(`inbound message refused: ${ack.refusal.reason}`);
}

/** A new conversation from an existing contact on an existing channel (R1). */
export function injectNewConversation(backend: MemoryBackend, like: Id, body = 'A new question'): Id {
  const model = backend.state.conversations.get(like);
  if (!model) throw new Error(`no conversation ${like}`);
  const conversationId = `c-story-${String(++injected)}`;
  const ack = backend.inject({
    id: `story-new-${String(injected)}`,
    type: 'receiveMessage',
    args: { conversationId, itemId: `story-msg-${String(injected)}`, contactId: model.contactId, channelId: model.channelId, body },
  });
  if (!ack.ok) throw new Error(`new conversation refused: ${ack.refusal.reason}`);
  return conversationId;
}

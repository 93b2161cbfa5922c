import type { Command, CommandArgs, CommandType } from '../src/model/commands.js';
import type { ChannelKind, Conversation, Id } from '../src/model/types.js';
import { InboxStore } from '../src/store/inbox-store.js';
import { generateDemoData } from '../src/backend/demo-data.js';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import { MemoryTransport } from '../src/transport/memory/memory-transport.js';

/**
 * Calls for the stories of `<incoming-calls>` and `<call-card>`, which
 * double as their test fixtures. The demo data holds only calls that are
 * over, so a story makes its calls as the phone system would: the backend
 * receives them (receiveCall, the system actor) once the store is live, and
 * the agents' answers, recordings and hang-ups go through it too, with its
 * clock set back so that calls have rung or lasted a while.
 */

/** Whose conversation a ringing call comes into. */
export type CallTarget =
  | { readonly kind: 'unassigned' }
  | { readonly kind: 'assigned'; readonly userId: Id };

export interface RingSpec {
  readonly target: CallTarget;
  /** Seconds it has rung. */
  readonly rungFor: number;
}

export interface CallStory {
  readonly store: InboxStore;
  readonly backend: MemoryBackend;
  /** Resolves once the story's calls are in the store. */
  readonly setup: Promise<void>;
  /** Its phone system, to make more calls. */
  readonly scene: CallScene;
}

const VOICE: ReadonlySet<ChannelKind> = new Set(['call', 'sms', 'whatsapp']);

const stories = new WeakMap<InboxStore, CallStory>();

/** The story a store was made for, for a test to wait on its calls and to reach its phone system. */
export function storyOf(store: InboxStore): CallStory {
  const story = stories.get(store);
  if (!story) throw new Error('not a call story’s store');
  return story;
}

let made = 0;

/**
 * A store for `userId` on the demo data. `before` runs on the backend
 * before the store connects (what happened earlier, which the store learns
 * only by loading timelines), `live` once the store is live (calls that it
 * receives as they happen).
 */
export function callStory(
  userId: Id,
  { before, live }: { before?: (scene: CallScene) => void; live?: (scene: CallScene) => void } = {},
): CallStory {
  let offset = 0;
  const { snapshot, timelineFor } = generateDemoData({ conversations: 200, seed: 42 });
  const backend = new MemoryBackend({ snapshot, timelineFor, now: () => Date.now() - offset });
  const scene = new CallScene(backend, (seconds) => (offset = seconds * 1000));
  before?.(scene);
  offset = 0;
  const store = new InboxStore({ transport: new MemoryTransport({ backend }), userId });
  const setup = store.ready.then(async () => {
    live?.(scene);
    offset = 0;
    // The events reach the store on its next flush (a frame).
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => requestAnimationFrame(resolve));
  });
  const story = { store, backend, setup, scene };
  stories.set(store, story);
  return story;
}

/** What a story's phone system does, through the backend. */
export class CallScene {
  readonly #used = new Set<Id>();

  constructor(
    readonly backend: MemoryBackend,
    readonly setBack: (seconds: number) => void,
  ) {}

  #send<K extends CommandType>(type: K, args: CommandArgs[K], actorId: Id | null): void {
    const command = { id: `story-call-${String(++made)}`, type, args } as unknown as Command;
    const ack = this.backend.send(command, actorId);
    if (!ack.ok) throw new Error(`${type} refused: ${ack.refusal.reason}`);
  }

  /** An open conversation of a contact no one owns (R10), or one assigned to `userId`, each used once. */
  conversationFor(target: CallTarget): Conversation {
    const state = this.backend.state;
    for (const c of state.conversations.values()) {
      if (this.#used.has(c.id) || c.status !== 'open' || c.spam || c.trashedAt !== null || c.snoozedUntil !== null) continue;
      const contact = state.contacts.get(c.contactId);
      if (!contact || contact.blocked || contact.phones.length === 0) continue;
      // A line that takes calls (the demo's phone numbers: calls, SMS, WhatsApp).
      if (!VOICE.has(state.channels.get(c.channelId)?.kind ?? 'email')) continue;
      const fits =
        target.kind === 'unassigned'
          ? c.assignee === null && (contact.ownerId ?? null) === null
          : c.assignee?.type === 'user' && c.assignee.id === target.userId;
      if (!fits) continue;
      this.#used.add(c.id);
      return c;
    }
    throw new Error(`no conversation for a ${target.kind} call`);
  }

  /** An inbound call ringing for `rungFor` seconds in a conversation of `target`; returns its ids. */
  ring({ target, rungFor }: RingSpec): { conversationId: Id; itemId: Id; contactId: Id } {
    const c = this.conversationFor(target);
    const itemId = `story-ring-${String(++made)}`;
    this.setBack(rungFor);
    this.#send('receiveCall', { conversationId: c.id, itemId, contactId: c.contactId, channelId: 'ch-call', direction: 'in' }, null);
    this.setBack(0);
    return { conversationId: c.id, itemId, contactId: c.contactId };
  }

  /** `userId` answered an inbound call `talkedFor` seconds ago. */
  answered(userId: Id, talkedFor: number, target: CallTarget = { kind: 'assigned', userId }): { conversationId: Id; itemId: Id } {
    const ids = this.ring({ target, rungFor: talkedFor + 8 });
    this.setBack(talkedFor);
    this.#send('answerCall', { conversationId: ids.conversationId, itemId: ids.itemId }, userId);
    this.setBack(0);
    return ids;
  }

  /** `userId` called the contact of one of their conversations; it still rings. */
  placed(userId: Id): { conversationId: Id; itemId: Id } {
    const c = this.conversationFor({ kind: 'assigned', userId });
    const itemId = `story-out-${String(++made)}`;
    this.#send('placeCall', { conversationId: c.id, itemId }, userId);
    return { conversationId: c.id, itemId };
  }

  record(userId: Id, ids: { conversationId: Id; itemId: Id }, recording = true): void {
    this.#send('setRecording', { ...ids, recording }, userId);
  }

  end(userId: Id, ids: { conversationId: Id; itemId: Id }, duration: number): void {
    this.#send('endCall', { ...ids, duration }, userId);
  }
}

/** A conversation of the demo whose newest call was talked on (ended), for `conversation-id`. */
export function endedCallConversation(backend: MemoryBackend): Id {
  for (const c of backend.state.conversations.values()) {
    if (c.lastMessage?.kind !== 'call' || c.trashedAt !== null) continue;
    const last = backend.timelineOf(c.id).filter((item) => item.type === 'call').at(-1);
    if (last?.type === 'call' && last.state === 'ended') return c.id;
  }
  throw new Error('the demo has no ended call');
}

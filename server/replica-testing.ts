import assert from 'node:assert/strict';
import { MemoryBackend, type ConnectionSink, type LogEntry } from '../src/backend/memory-backend.js';
import { mulberry32 } from '../src/backend/demo-data.js';
import type { Command } from '../src/model/commands.js';
import { toSnapshot } from '../src/model/state.js';
import type { Id, InboxState } from '../src/model/types.js';
import type { ServerMessage } from '../src/protocol/wire.js';

/** Test helpers for replicas (issue 13): the same demo backend twice, streams as text, commands of every kind, states compared whole. */

/** The demo's present, the same for every backend of a test. */
export const NOW = Date.UTC(2026, 10, 20, 12);
/** Users of every role and visibility (R14). */
export const USERS = ['u-ana', 'u-sam', 'u-tom', 'u-hugo', 'u-diego'] as const;

/** The demo backend (200 conversations at NOW); `persisted` receives what it commits (its "database"), then `committed`. */
export function backend(persisted?: LogEntry[], committed?: (entries: readonly LogEntry[]) => void): MemoryBackend {
  return new MemoryBackend({
    demo: { conversations: 200, now: NOW },
    now: () => NOW,
    // The replicas of one log share its history's epoch.
    epoch: 'replica-test',
    ...(persisted
      ? {
          persist: (commit) => {
            persisted.push(...commit.entries);
            committed?.(commit.entries);
          },
        }
      : {}),
  });
}

/** A user's stream, as the JSON of each message (what a client would read). */
export function listen(backend: MemoryBackend, userId: Id): { messages: string[]; close: () => void } {
  const messages: string[] = [];
  const sink: ConnectionSink = {
    next: (message: ServerMessage) => messages.push(JSON.stringify(message)),
    error: (error) => messages.push(`error ${error.message}`),
    complete: () => messages.push('complete'),
  };
  return { messages, close: backend.connect({ userId, since: backend.seq }, sink) };
}

/** Commands of every kind, some refused, from several actors (R14 included). */
export function commands(state: InboxState, count: number, tag = 'cmd', seed = 1313): { command: Command; actor: Id | null }[] {
  const rng = mulberry32(seed);
  const ids = [...state.conversations.keys()];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const out: { command: Command; actor: Id | null }[] = [];
  for (let n = 0; n < count; n++) {
    const id = `${tag}-${n}`;
    const c = state.conversations.get(pick(ids))!;
    const actor = pick(['u-ana', 'u-ana', 'u-lea', 'u-sam', 'u-tom']);
    const r = rng();
    let command: Command;
    if (r < 0.15) command = { id, type: 'markDone', args: { ids: [c.id, pick(ids)] } };
    else if (r < 0.25) command = { id, type: 'assign', args: { ids: [c.id], assignee: { type: 'user', id: pick(USERS) } } };
    else if (r < 0.35) command = { id, type: 'reply', args: { conversationId: c.id, itemId: `${tag}-it-${n}`, body: `reply ${n}` } };
    else if (r < 0.45) command = { id, type: 'comment', args: { conversationId: c.id, itemId: `${tag}-it-${n}`, body: `note ${n}`, mentions: [pick(USERS)] } };
    else if (r < 0.55) command = { id, type: 'addLabels', args: { ids: [c.id], labels: ['vip'] } };
    else if (r < 0.6) command = { id, type: 'trash', args: { ids: [c.id] } };
    else if (r < 0.63) command = { id, type: 'deleteForever', args: { ids: [c.id] } };
    else if (r < 0.68) command = { id, type: 'setTeam', args: { ids: [c.id], teamId: pick(['t-support', 't-sales', null]) } };
    else if (r < 0.72) command = { id, type: 'blockContact', args: { contactId: c.contactId } };
    else if (r < 0.75) {
      command = { id, type: 'saveView', args: { view: { id: `v-${tag}-${n}`, name: `View ${n}`, ownerId: actor, sharedWith: { everyone: rng() < 0.5, userIds: [], teamIds: [] }, filters: {}, search: '' } } };
    } else {
      out.push({
        command: { id, type: 'receiveMessage', args: { conversationId: rng() < 0.2 ? `c-${tag}-${n}` : c.id, itemId: `${tag}-in-${n}`, contactId: c.contactId, channelId: c.channelId, body: `hello ${n}` } },
        actor: null,
      });
      continue;
    }
    out.push({ command, actor });
  }
  out.push({ command: { id: `${tag}-deactivate`, type: 'deactivateUser', args: { userId: 'u-tom' } }, actor: 'u-ana' });
  return out;
}

/**
 * Two states as JSON, entities by id (undefined fields are absent on the
 * wire, as in the database, so they compare as absent).
 */
export function sameState(actual: InboxState, expected: InboxState): void {
  const form = (state: InboxState) => {
    const whole = everything(state) as unknown as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(whole)) {
      sorted[key] = Array.isArray(value) ? [...(value as { id: Id }[])].sort((x, y) => (x.id < y.id ? -1 : 1)) : value;
    }
    return JSON.parse(JSON.stringify(sorted)) as unknown;
  };
  assert.deepEqual(form(actual), form(expected));
}

/** Every entity, for comparing two backends' states whole: the model's own snapshot of a state. */
export const everything = toSnapshot;

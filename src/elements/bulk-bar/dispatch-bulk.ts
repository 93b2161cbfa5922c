import { splitBulk } from '../../model/bulk.js';
import type { Refusal } from '../../model/events.js';
import { decide } from '../../model/rules.js';
import type { Id } from '../../model/types.js';
import type { InboxStore } from '../../store/inbox-store.js';
import type { BulkCommand } from './bulk-bar.js';

export interface BulkOutcome {
  /** The conversations the command went to. */
  readonly applied: number;
  /** Those the rules refused (R12's young bot conversations, ...), and the first reason. */
  readonly refusedIds: readonly Id[];
  readonly refusal: Refusal | null;
}

/**
 * Dispatches a bulk command on `ids` as one command (one undo entry, one
 * round trip). The rules refuse a command whole when one conversation
 * refuses it; then it goes to the others only, so a bulk action does what
 * it can, and the refused ones are reported.
 */
export function dispatchBulk(store: InboxStore, type: BulkCommand, ids: readonly Id[]): BulkOutcome {
  const ctx = { actorId: store.userId, now: Date.now() };
  const whole = decide(store.state.model, { id: 'check', type, args: { ids } }, ctx);
  if (whole.ok || ids.length < 2) {
    const result = store.dispatch(type, { ids });
    return result.ok
      ? { applied: ids.length, refusedIds: [], refusal: null }
      : { applied: 0, refusedIds: ids, refusal: result.refusal };
  }
  const { accepted, refused } = splitBulk(store.state.model, type, { ids }, ctx);
  if (accepted.length > 0) store.dispatch(type, { ids: accepted });
  return { applied: accepted.length, refusedIds: refused.map((r) => r.id), refusal: refused[0]?.refusal ?? whole.refusal };
}

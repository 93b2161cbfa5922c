/**
 * The optimistic layer: commands the backend has not confirmed yet, kept
 * in order and folded over the newest confirmed state (Replicache's
 * rebase). Pure functions over plain data; the store owns the instances.
 */
import type { Command } from '../model/commands.js';
import type { Refusal } from '../model/events.js';
import { applyAll } from '../model/rules.js';
import type { Id, InboxState, Millis } from '../model/types.js';

export interface PendingCommand {
  readonly command: Command;
  /** When it was made: rebasing re-applies it at this time, so times do not jump. */
  readonly at: Millis;
  /** The backend's sequence number once acknowledged; dropped when the stream reaches it. */
  readonly ackSeq: number | null;
  /** Sent and awaiting an answer (false while offline, to be resent). */
  readonly inFlight: boolean;
}

export interface RebaseResult {
  readonly state: InboxState;
  /** Commands the new confirmed state no longer allows: they roll back. */
  readonly refused: readonly { readonly pending: PendingCommand; readonly refusal: Refusal }[];
}

/** Folds the pending commands over `confirmed`, dropping those that no longer apply. */
export function rebase(
  confirmed: InboxState,
  pending: readonly PendingCommand[],
  actorId: Id,
): RebaseResult {
  if (pending.length === 0) return { state: confirmed, refused: [] };
  const at = new Map(pending.map((entry) => [entry.command.id, entry]));
  const result = applyAll(confirmed, pending.map((entry) => entry.command), (command) => ({
    actorId,
    now: at.get(command.id)!.at,
  }));
  return {
    state: result.state,
    refused: result.refusals.map(({ command, refusal }) => ({ pending: at.get(command.id)!, refusal })),
  };
}

/** Pending commands still ahead of the confirmed stream after it reached `seq`. */
export function settle(pending: readonly PendingCommand[], seq: number): readonly PendingCommand[] {
  const kept = pending.filter((entry) => entry.ackSeq === null || entry.ackSeq > seq);
  return kept.length === pending.length ? pending : kept;
}

export function update(
  pending: readonly PendingCommand[],
  commandId: Id,
  change: Partial<PendingCommand>,
): readonly PendingCommand[] {
  return pending.map((entry) => (entry.command.id === commandId ? { ...entry, ...change } : entry));
}

export function remove(pending: readonly PendingCommand[], commandId: Id): readonly PendingCommand[] {
  return pending.filter((entry) => entry.command.id !== commandId);
}

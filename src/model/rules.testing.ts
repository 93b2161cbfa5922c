/**
 * Helpers for the rules' tests: commands with fresh ids, apply-and-expect,
 * and a deep freeze that makes any mutation of a state throw.
 */
import type { Command, CommandArgs, CommandType } from './commands.js';
import type { Refusal } from './events.js';
import { HOUR, T0 } from './fixtures.js';
import { applyAsBackend as apply } from './rules.backend.js';
import type { Conversation, Id, InboxState, RuleContext, TimelineItem } from './types.js';

let counter = 0;

export function cmd<K extends CommandType>(type: K, args: CommandArgs[K], id = `cmd-${++counter}`): Command<K> {
  return { id, type, args };
}

export const NOW = T0 + HOUR;
export const ANA: RuleContext = { actorId: 'u-ana', now: NOW };
export const OWNER: RuleContext = { actorId: 'u-owner', now: NOW };
export const SYSTEM: RuleContext = { actorId: null, now: NOW };

/** Applies a command that must be accepted; returns the new state. */
export function run(state: InboxState, command: Command, ctx: RuleContext = ANA): InboxState {
  const result = apply(state, command, ctx);
  if (!result.ok) throw new Error(`refused: ${result.refusal.code}: ${result.refusal.reason}`);
  return result.state;
}

/** Applies a command that must be refused; returns the refusal. */
export function refusal(state: InboxState, command: Command, ctx: RuleContext = ANA): Refusal {
  const result = apply(state, command, ctx);
  if (result.ok) throw new Error(`expected ${command.type} to be refused`);
  return result.refusal;
}

export function eventsOf(state: InboxState, command: Command, ctx: RuleContext = ANA) {
  const result = apply(state, command, ctx);
  if (!result.ok) throw new Error(`refused: ${result.refusal.reason}`);
  return result.events;
}

export function conv(state: InboxState, id: Id): Conversation {
  const found = state.conversations.get(id);
  if (!found) throw new Error(`no conversation ${id}`);
  return found;
}

export function timeline(state: InboxState, id: Id): readonly TimelineItem[] {
  return state.timelines.get(id) ?? [];
}

export function historyKinds(state: InboxState, id: Id): string[] {
  return timeline(state, id).flatMap((item) => (item.type === 'event' ? [item.kind] : []));
}

function freezeDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) freezeDeep(inner);
  }
  return value;
}

/** Freezes every entity and makes the maps throw on write, so any mutation fails the test. */
export function deepFreeze(state: InboxState): InboxState {
  const refuseWrite = () => {
    throw new Error('a state map was mutated');
  };
  for (const value of Object.values(state)) {
    if (value instanceof Map) {
      for (const entity of value.values()) freezeDeep(entity);
      Object.assign(value, { set: refuseWrite, delete: refuseWrite, clear: refuseWrite });
      Object.freeze(value);
    } else {
      freezeDeep(value);
    }
  }
  return Object.freeze(state);
}

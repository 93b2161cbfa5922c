/**
 * The rules of DESIGN.md section 3 that change state, each exactly once.
 * `decide` turns a command into domain events or a refusal; `apply` folds
 * them. The in-memory backend, the reference server and the store's
 * optimistic layer all call these, so the rules cannot drift apart.
 *
 * This module decides what people do. What only a backend decides, inbound
 * traffic and the passing of time (SYSTEM_COMMANDS), is in rules.backend.ts,
 * which backends call instead: a client never sends those commands, so it
 * does not carry their rules.
 */
import {
  CALL_COMMANDS,
  CONTACT_DETAIL_COMMANDS,
  SYSTEM_COMMANDS,
  type CallCommandType,
  type Command,
  type CommandType,
  type ContactDetailCommandType,
  type SystemCommandType,
} from './commands.js';
import type { Decision, DomainEvent, Refusal } from './events.js';
import * as conversation from './rules.conversation.js';
import * as inbound from './rules.inbound.js';
import * as people from './rules.people.js';
import { accept, refuse, type Rule, type RuleInput } from './rules.support.js';
import { reduceAll } from './state.js';
import type { InboxState, RuleContext } from './types.js';

export { nextForRouting } from './rules.people.js';

/** One rule per command type; rules.backend.ts adds the system's. */
export type RuleTable = { readonly [K in CommandType]?: Rule<K> };

/** Person commands whose rules load with a chunk: the calls' (rules.calls.ts), the contact panel's (rules.contacts.ts). */
const LOADED_WITH_A_CHUNK: readonly string[] = [...CALL_COMMANDS, ...CONTACT_DETAIL_COMMANDS];

const PERSON_RULES: { readonly [K in Exclude<CommandType, SystemCommandType | CallCommandType | ContactDetailCommandType>]: Rule<K> } = {
  markDone: conversation.markDone,
  reopen: conversation.reopen,
  markUnread: conversation.markUnread,
  markRead: conversation.markRead,
  markOpen: conversation.markOpen,
  markWaiting: conversation.markWaiting,
  markNew: conversation.markNew,
  assign: conversation.assign,
  setTeam: conversation.setTeam,
  snooze: conversation.snooze,
  unsnooze: conversation.unsnooze,
  trash: conversation.trash,
  restore: conversation.restore,
  deleteForever: conversation.deleteForever,
  markSpam: conversation.markSpam,
  unmarkSpam: conversation.unmarkSpam,
  setPriority: conversation.setPriority,
  addLabels: conversation.addLabels,
  removeLabels: conversation.removeLabels,
  pin: conversation.pin,
  reply: inbound.reply,
  startConversation: inbound.startConversation,
  retryDelivery: inbound.retryDelivery,
  blockContact: people.blockContact,
  unblockContact: people.unblockContact,
  deactivateUser: people.deactivateUser,
  setAvailability: people.setAvailability,
  takeNext: people.takeNext,
  comment: people.comment,
  addNote: people.addNote,
  editNote: people.editNote,
  deleteNote: people.deleteNote,
  renameChannel: people.renameChannel,
  saveView: people.saveView,
  deleteView: people.deleteView,
};

/** The person rules this page has: PERSON_RULES, and those a chunk added (the calls', the contact panel's). */
let personRules: RuleTable = PERSON_RULES;

/** Adds rules that load with a chunk (rules.calls.ts with the calls' elements, rules.contacts.ts with the contact panel). */
export function addPersonRules(rules: RuleTable): void {
  personRules = { ...personRules, ...rules };
}

/**
 * Checks who acts, then runs the command's rule from `rules`. R14 is
 * enforced inside the rules: a conversation the actor cannot see is reported
 * as not found. Rules that record an author also refuse the system
 * (`byPerson`).
 */
export function decideWith(rules: RuleTable, state: InboxState, command: Command, ctx: RuleContext): Decision {
  const actor = ctx.actorId === null ? null : state.users.get(ctx.actorId);
  if (actor === undefined || actor?.active === false) {
    return refuse('forbidden', 'Only an active user can do this.');
  }
  const system = (SYSTEM_COMMANDS as readonly string[]).includes(command.type);
  if (actor && system) {
    return refuse('forbidden', 'Only the backend reports inbound traffic and the passing of time.');
  }
  const rule = Object.hasOwn(rules, command.type) ? (rules[command.type] as Rule<CommandType> | undefined) : undefined;
  if (!rule) {
    // A command before its chunk's rules loaded: nothing changes here, the backend decides.
    if (LOADED_WITH_A_CHUNK.includes(command.type)) return accept([]);
    return system
      ? refuse('invalid', `Only a backend decides "${command.type}" (decideAsBackend).`)
      : refuse('invalid', `Unknown command "${command.type}".`);
  }
  const input: RuleInput = { state, command, ctx, actor };
  return rule(input);
}

/** Decides what a person (or the system, for their commands) does: every command but SYSTEM_COMMANDS. */
export function decide(state: InboxState, command: Command, ctx: RuleContext): Decision {
  return decideWith(personRules, state, command, ctx);
}

export type Applied =
  | { readonly ok: true; readonly state: InboxState; readonly events: readonly DomainEvent[] }
  | { readonly ok: false; readonly refusal: Refusal };

/** Decides, then folds the events. Never mutates `state`. */
export function apply(state: InboxState, command: Command, ctx: RuleContext): Applied {
  return applyWith(personRules, state, command, ctx);
}

/** `apply` with the rules of `rules` (rules.backend.ts adds the system's). */
export function applyWith(rules: RuleTable, state: InboxState, command: Command, ctx: RuleContext): Applied {
  const decision = decideWith(rules, state, command, ctx);
  if (!decision.ok) return decision;
  return { ok: true, state: reduceAll(state, decision.events), events: decision.events };
}

export interface AppliedAll {
  readonly state: InboxState;
  readonly events: readonly DomainEvent[];
  readonly refusals: readonly { readonly command: Command; readonly refusal: Refusal }[];
}

/**
 * Applies commands in order, skipping refused ones: the store's rebase of
 * its pending commands. Each is decided against the state the previous
 * ones left.
 * `ctx` may differ per command (a pending command keeps the time it was made).
 */
export function applyAll(
  state: InboxState,
  commands: readonly Command[],
  ctx: RuleContext | ((command: Command) => RuleContext),
): AppliedAll {
  const contextFor = typeof ctx === 'function' ? ctx : () => ctx;
  const events: DomainEvent[] = [];
  const refusals: { command: Command; refusal: Refusal }[] = [];
  // Folding after each command is cheap: the state's maps are persistent,
  // so a reduce copies only the chunks it touches (persistent-map.ts).
  let next = state;
  for (const command of commands) {
    const decision = decide(next, command, contextFor(command));
    if (!decision.ok) {
      refusals.push({ command, refusal: decision.refusal });
      continue;
    }
    next = reduceAll(next, decision.events);
    events.push(...decision.events);
  }
  return { state: next, events, refusals };
}

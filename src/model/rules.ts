/**
 * The rules of DESIGN.md section 3 that change state, each exactly once.
 * `decide` turns a command into domain events or a refusal; `apply` folds
 * them. The in-memory backend, the reference server and the store's
 * optimistic layer all call these, so the rules cannot drift apart.
 */
import { SYSTEM_COMMANDS, type Command, type CommandType } from './commands.js';
import type { Decision, DomainEvent, Refusal } from './events.js';
import * as conversation from './rules.conversation.js';
import * as inbound from './rules.inbound.js';
import * as people from './rules.people.js';
import { refuse, type Rule, type RuleInput } from './rules.support.js';
import { reduceAll } from './state.js';
import type { InboxState, RuleContext } from './types.js';

export { isRoleAddress } from './rules.inbound.js';
export { nextForRouting } from './rules.people.js';

const RULES: { readonly [K in CommandType]: Rule<K> } = {
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
  tick: conversation.tick,
  receiveMessage: inbound.receiveMessage,
  receiveCall: inbound.receiveCall,
  reply: inbound.reply,
  startConversation: inbound.startConversation,
  answerCall: inbound.answerCall,
  placeCall: inbound.placeCall,
  endCall: inbound.endCall,
  declineCall: inbound.declineCall,
  setRecording: inbound.setRecording,
  blockContact: people.blockContact,
  unblockContact: people.unblockContact,
  updateContact: people.updateContact,
  mergeContacts: people.mergeContacts,
  deactivateUser: people.deactivateUser,
  setAvailability: people.setAvailability,
  takeNext: people.takeNext,
  comment: people.comment,
  addNote: people.addNote,
  editNote: people.editNote,
  deleteNote: people.deleteNote,
  saveView: people.saveView,
  deleteView: people.deleteView,
};

/**
 * Checks who acts, then runs the command's rule. R14 is enforced inside
 * the rules: a conversation the actor cannot see is reported as not found.
 * Rules that record an author also refuse the system (`byPerson`).
 */
export function decide(state: InboxState, command: Command, ctx: RuleContext): Decision {
  if (!Object.hasOwn(RULES, command.type)) return refuse('invalid', `Unknown command "${command.type}".`);
  const actor = ctx.actorId === null ? null : state.users.get(ctx.actorId);
  if (actor === undefined || actor?.active === false) {
    return refuse('forbidden', 'Only an active user can do this.');
  }
  if (actor && SYSTEM_COMMANDS.includes(command.type)) {
    return refuse('forbidden', 'Only the backend reports inbound traffic and the passing of time.');
  }
  const input: RuleInput = { state, command, ctx, actor };
  return (RULES[command.type] as Rule<CommandType>)(input);
}

export type Applied =
  | { readonly ok: true; readonly state: InboxState; readonly events: readonly DomainEvent[] }
  | { readonly ok: false; readonly refusal: Refusal };

/** Decides, then folds the events. Never mutates `state`. */
export function apply(state: InboxState, command: Command, ctx: RuleContext): Applied {
  const decision = decide(state, command, ctx);
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

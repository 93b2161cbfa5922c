/**
 * What only a backend decides: the commands of SYSTEM_COMMANDS, inbound
 * traffic (`receiveMessage`, `receiveCall`, with R1-R5's routing of a new
 * message) and the passing of time (`tick`: R6's purge, R18's wake-ups),
 * on top of every person's command (rules.ts, and the calls' and the
 * contact panel's in rules.calls.ts and rules.contacts.ts, which a page
 * loads only with those elements). The in-memory backend and the
 * reference server decide with these. A client never sends these commands,
 * so the store decides with rules.ts alone and the script-tag bundle does
 * not carry these rules.
 */
import type { Command, SystemCommandType } from './commands.js';
import type { Decision } from './events.js';
import { apply, applyWith, decide, decideWith, type Applied, type RuleTable } from './rules.js';
import type { Rule } from './rules.support.js';
import { CALL_RULES } from './rules.calls.js';
import { CONTACT_RULES } from './rules.contacts.js';
import { receiveCall, receiveMessage, setDelivery, tick } from './rules.system.js';
import type { InboxState, RuleContext } from './types.js';

export { isRoleAddress } from './rules.system.js';

const SYSTEM_RULES: { readonly [K in SystemCommandType]: Rule<K> } = { receiveMessage, receiveCall, setDelivery, tick };

/** The tables a page may lack, which a backend always has. */
const BACKEND_TABLES: readonly RuleTable[] = [SYSTEM_RULES, CALL_RULES, CONTACT_RULES];

const rulesFor = (command: Command): RuleTable | null => BACKEND_TABLES.find((table) => Object.hasOwn(table, command.type)) ?? null;

/** `decide` (rules.ts) for any command, the system's included. */
export function decideAsBackend(state: InboxState, command: Command, ctx: RuleContext): Decision {
  const rules = rulesFor(command);
  return rules ? decideWith(rules, state, command, ctx) : decide(state, command, ctx);
}

/** `apply` (rules.ts) for any command, the system's included. Never mutates `state`. */
export function applyAsBackend(state: InboxState, command: Command, ctx: RuleContext): Applied {
  const rules = rulesFor(command);
  return rules ? applyWith(rules, state, command, ctx) : apply(state, command, ctx);
}

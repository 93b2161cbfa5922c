import type { Command, CommandArgs, CommandType } from './commands.js';
import type { Refusal } from './events.js';
import { decide } from './rules.js';
import type { Conversation, Id, InboxState, RuleContext } from './types.js';


/** Commands whose only argument besides options is `ids`, applied to many conversations at once. */
type IdsCommand = {
  [K in CommandType]: CommandArgs[K] extends { ids: readonly Id[] } ? K : never;
}[CommandType];

export interface BulkSplit {
  /** The ids the command may change, one by one. */
  readonly accepted: readonly Id[];
  /** The others, each with the rule's refusal (R12's bot conversations, R14...). */
  readonly refused: readonly { readonly id: Id; readonly refusal: Refusal }[];
}

/**
 * A bulk command is refused whole when one conversation refuses it (rules
 * decide per command). For a bulk action that should do what it can, this
 * splits `ids` into those the rules accept alone and those they refuse,
 * by deciding the command for each id (no state is copied).
 */
export function splitBulk<T extends IdsCommand>(
  state: InboxState,
  type: T,
  args: CommandArgs[T],
  ctx: RuleContext,
): BulkSplit {
  const accepted: Id[] = [];
  const refused: { id: Id; refusal: Refusal }[] = [];
  for (const id of args.ids) {
    const command = { id: 'split', type, args: { ...args, ids: [id] } } as unknown as Command;
    const decision = decide(state, command, ctx);
    if (decision.ok) accepted.push(id);
    else refused.push({ id, refusal: decision.refusal });
  }
  return { accepted, refused };
}

/** The one-click commands a bulk bar offers, each applying to `ids` alone. */
export const BULK_ACTIONS = ['markDone', 'reopen', 'markRead', 'markUnread', 'snooze', 'unsnooze', 'markSpam', 'unmarkSpam', 'trash', 'restore'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Whether `command` would change `c` (so is worth offering for it): no Reopen for an open conversation, no Mark read for a read one. */
export function bulkChanges(c: Conversation, command: BulkAction): boolean {
  switch (command) {
    case 'markDone':
      return c.status === 'open';
    case 'reopen':
      return c.status === 'done';
    case 'markRead':
      return c.unread;
    case 'markUnread':
      return !c.unread;
    // R18: an open conversation can be snoozed, a snoozed one woken.
    case 'snooze':
      return c.status === 'open' && c.snoozedUntil === null;
    case 'unsnooze':
      return c.snoozedUntil !== null;
    case 'markSpam':
      return !c.spam;
    case 'unmarkSpam':
      return c.spam;
    case 'trash':
      return c.trashedAt === null;
    case 'restore':
      return c.trashedAt !== null;
  }
}

/**
 * The bulk commands that change at least one of `ids` (DESIGN: no control
 * that does nothing in the current state), in BULK_ACTIONS order. One
 * pass over the ids, stopping once every command is found.
 */
export function applicableBulk(state: InboxState, ids: Iterable<Id>): ReadonlySet<BulkAction> {
  const found = new Set<BulkAction>();
  for (const id of ids) {
    const c = state.conversations.get(id);
    if (!c) continue;
    for (const command of BULK_ACTIONS) if (!found.has(command) && bulkChanges(c, command)) found.add(command);
    if (found.size === BULK_ACTIONS.length) break;
  }
  return new Set(BULK_ACTIONS.filter((command) => found.has(command)));
}

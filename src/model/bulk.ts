import type { Command, CommandArgs, CommandType } from './commands.js';
import type { Refusal } from './events.js';
import { decide } from './rules.js';
import type { Id, InboxState, RuleContext } from './types.js';


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

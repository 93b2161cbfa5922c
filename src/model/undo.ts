/**
 * Undo (key Z, the undo toast): the commands that put back what an
 * undoable command changed. Rather than one hand-written inverse per
 * command, it applies the command and restores every field that moved,
 * field by field, so side effects (done also clears unread and snooze) are
 * undone too. Conversations that need the same restoring share a command.
 */
import { UNDOABLE_COMMANDS, type Command, type CommandArgs, type CommandType } from './commands.js';
import type { DomainEvent } from './events.js';
import { apply } from './rules.js';
import { assigneeKey } from './rules.support.js';
import type { Conversation, Id, InboxState, RuleContext } from './types.js';

type Draft = { [K in CommandType]: { readonly type: K; readonly args: CommandArgs[K] } }[CommandType];

interface Moved {
  readonly before: Conversation;
  readonly after: Conversation;
}

/**
 * The commands that undo `command`, given the state before it. Empty when
 * nothing needs undoing. A caller that has just applied the command passes
 * the result (`applied`), which saves applying it again (a map copy at
 * 100,000 conversations).
 */
export function invert(
  before: InboxState,
  command: Command,
  ctx: RuleContext,
  applied?: { readonly state: InboxState; readonly events: readonly DomainEvent[] },
): Command[] {
  if (!UNDOABLE_COMMANDS.includes(command.type)) return [];
  const result = applied ? { ok: true as const, ...applied } : apply(before, command, ctx);
  if (!result.ok) return [];
  if (command.type === 'blockContact' || command.type === 'unblockContact') return invertBlock(before, command);
  const moved = movedConversations(before, result.state, result.events);
  return RESTORERS.flatMap((restore) => restore(moved)).map(
    (draft, n): Command => ({ id: `${command.id}:undo:${n}`, ...draft }),
  );
}

/** R8: blocking lives on the contact; its undo sets the contact's flag back, if it moved. */
function invertBlock(before: InboxState, command: Command<'blockContact' | 'unblockContact'>): Command[] {
  const contact = before.contacts.get(command.args.contactId);
  const blocking = command.type === 'blockContact';
  if (!contact || contact.blocked === blocking) return [];
  const type = blocking ? 'unblockContact' : 'blockContact';
  return [{ id: `${command.id}:undo:0`, type, args: { contactId: contact.id } }];
}

/** Conversations the command changed, in the order it changed them. */
function movedConversations(before: InboxState, after: InboxState, events: readonly DomainEvent[]): Moved[] {
  const ids = new Set<Id>();
  for (const event of events) if (event.type === 'conversation.upserted') ids.add(event.conversation.id);
  const moved: Moved[] = [];
  for (const id of ids) {
    const old = before.conversations.get(id);
    const now = after.conversations.get(id);
    if (old && now) moved.push({ before: old, after: now });
  }
  return moved;
}

/** One command per distinct earlier value of a field that changed. */
function restoreField<V>(
  field: (c: Conversation) => V,
  key: (value: V) => string,
  make: (ids: Id[], earlier: V) => Draft,
): (moved: readonly Moved[]) => Draft[] {
  return (moved) => {
    const groups = new Map<string, { earlier: V; ids: Id[] }>();
    for (const { before, after } of moved) {
      const earlier = field(before);
      if (key(earlier) === key(field(after))) continue;
      const group = groups.get(key(earlier)) ?? { earlier, ids: [] };
      group.ids.push(before.id);
      groups.set(key(earlier), group);
    }
    return [...groups.values()].map(({ ids, earlier }) => make(ids, earlier));
  };
}

/** Labels restore as two differences: those added come off, those removed go back. */
function restoreLabels(moved: readonly Moved[]): Draft[] {
  const drafts: Draft[] = [];
  const diff = (from: readonly string[], to: readonly string[]) => to.filter((label) => !from.includes(label));
  for (const type of ['removeLabels', 'addLabels'] as const) {
    const groups = new Map<string, { labels: string[]; ids: Id[] }>();
    for (const { before, after } of moved) {
      const labels = type === 'removeLabels' ? diff(before.labels, after.labels) : diff(after.labels, before.labels);
      if (labels.length === 0) continue;
      const key = JSON.stringify(labels);
      const group = groups.get(key) ?? { labels, ids: [] };
      group.ids.push(before.id);
      groups.set(key, group);
    }
    for (const { labels, ids } of groups.values()) drafts.push({ type, args: { ids, labels } });
  }
  return drafts;
}

/**
 * In this order: status before unread (markDone clears unread), and status
 * before snooze (markDone clears the snooze).
 */
const RESTORERS: readonly ((moved: readonly Moved[]) => Draft[])[] = [
  restoreField(
    (c) => c.status,
    String,
    (ids, status): Draft => (status === 'open' ? { type: 'reopen', args: { ids } } : { type: 'markDone', args: { ids } }),
  ),
  restoreField(
    (c) => c.unread,
    String,
    (ids, unread): Draft => ({ type: unread ? 'markUnread' : 'markRead', args: { ids } }),
  ),
  restoreField(
    (c) => c.awaiting,
    String,
    (ids, awaiting): Draft => ({ type: awaiting === 'agent' ? 'markNew' : 'markWaiting', args: { ids } }),
  ),
  restoreField(
    (c) => c.snoozedUntil,
    String,
    (ids, until): Draft =>
      until === null ? { type: 'unsnooze', args: { ids } } : { type: 'snooze', args: { ids, until } },
  ),
  restoreField(
    (c) => c.assignee,
    assigneeKey,
    (ids, assignee): Draft => ({ type: 'assign', args: { ids, assignee } }),
  ),
  restoreField(
    (c) => c.trashedAt === null,
    String,
    (ids, wasKept): Draft => ({ type: wasKept ? 'restore' : 'trash', args: { ids } }),
  ),
  restoreField(
    (c) => c.spam,
    String,
    (ids, spam): Draft => ({ type: spam ? 'markSpam' : 'unmarkSpam', args: { ids } }),
  ),
  restoreField(
    (c) => c.priority,
    String,
    (ids, priority): Draft => ({ type: 'setPriority', args: { ids, priority } }),
  ),
  restoreLabels,
  restoreField(
    (c) => c.pinned,
    String,
    (ids, pinned): Draft => ({ type: 'pin', args: { ids, pinned } }),
  ),
];

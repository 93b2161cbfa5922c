import { msg, str } from '@lit/localize';
import type { Keymap, Action } from '../../controllers/keymap.js';
import type { Conversation, Id, InboxState } from '../../model/types.js';
import type { Presence } from '../../transport/transport.js';

/**
 * The read-only words of `<conversation-view>`'s header (assignee, team,
 * presence) over plain data, and the keys in the form ARIA wants them.
 */

/** "Assigned to Léa Rousseau", a bot's name, "deactivated" marked; else "Unassigned". */
export function assigneeText(model: InboxState, conversation: Conversation): string {
  const assignee = conversation.assignee;
  if (!assignee) return msg('Unassigned', { id: 'conversation.unassigned' });
  if (assignee.type === 'bot') {
    const bot = model.bots.get(assignee.id)?.name ?? assignee.id;
    return msg(str`Assigned to ${bot} (bot)`, { id: 'conversation.assignedBot' });
  }
  const user = model.users.get(assignee.id);
  const name = user?.name ?? assignee.id;
  return user && !user.active
    ? msg(str`Assigned to ${name} (deactivated)`, { id: 'conversation.assignedDeactivated' })
    : msg(str`Assigned to ${name}`, { id: 'conversation.assigned' });
}

/** The conversation's team, when it has one. */
export function teamName(model: InboxState, conversation: Conversation): string | undefined {
  return conversation.teamId ? model.teams.get(conversation.teamId)?.name : undefined;
}

/** "Léa Rousseau is viewing", "Marc Dubois is typing…", one line each. */
export function presenceLines(model: InboxState, presence: readonly Presence[] | undefined): string[] {
  if (!presence) return [];
  return presence.map((p) => {
    const name = model.users.get(p.userId)?.name ?? p.userId;
    return p.typing
      ? msg(str`${name} is typing…`, { id: 'conversation.presence.typing' })
      : msg(str`${name} is viewing`, { id: 'conversation.presence.viewing' });
  });
}

/** A keymap entry as `aria-keyshortcuts` wants it: `e` → `E`, `Mod+k` → `Control+K`. */
export function ariaKeys(keymap: Keymap, action: Action): string {
  return keymap[action]
    .map((key) =>
      key
        .split('+')
        .map((part) => (part === 'Mod' ? 'Control' : part.length === 1 ? part.toUpperCase() : part))
        .join('+'),
    )
    .join(' ');
}

/** The ids a picker acts on, kept as one array per conversation so a re-render does not reset the picker. */
export function idsFor(cache: { id: Id | null; ids: readonly Id[] }, id: Id): readonly Id[] {
  if (cache.id !== id) {
    cache.id = id;
    cache.ids = [id];
  }
  return cache.ids;
}

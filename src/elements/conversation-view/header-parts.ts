import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Keymap, Action } from '../../controllers/keymap.js';
import type { Conversation, Id, InboxState } from '../../model/types.js';
import type { Presence } from '../../transport/transport.js';
import { priorityLabel } from '../inbox-list/row.js';

/**
 * The read-only pieces of `<conversation-view>`'s header (assignee,
 * priority, labels, presence), as render functions over plain data. All
 * text goes through Lit bindings.
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

export function renderMeta(model: InboxState, conversation: Conversation): TemplateResult {
  const team = conversation.teamId ? model.teams.get(conversation.teamId)?.name : undefined;
  return html`<div class="meta">
    <span class="assignee" part="assignee">${assigneeText(model, conversation)}</span>
    ${team ? html`<span class="team" part="team">${msg(str`Team ${team}`, { id: 'conversation.team' })}</span>` : nothing}
    ${conversation.priority === 'none'
      ? nothing
      : html`<span class="priority priority--${conversation.priority}" part="priority"
          >${msg(str`Priority: ${priorityLabel(conversation.priority)}`, { id: 'conversation.priority' })}</span
        >`}
    ${conversation.labels.length === 0
      ? nothing
      : html`<ul class="chips" part="labels" aria-label=${msg('Labels', { id: 'conversation.labels' })}>
          ${conversation.labels.map((label) => html`<li class="label" part="label">${label}</li>`)}
        </ul>`}
  </div>`;
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

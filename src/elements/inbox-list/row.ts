import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Locale } from '../../i18n/localization.js';
import { displayState } from '../../model/display.js';
import type { Conversation, Id, InboxState, Priority } from '../../model/types.js';
import { Pin } from 'lucide';
import { channelIcon } from '../shared/channel-icons.js';
import { icon } from '../shared/icons.js';
import { fullTime, relativeTime } from '../shared/relative-time.js';

/** What every row of one render shares. */
export interface RowContext {
  readonly model: InboxState;
  readonly userId: Id;
  readonly checked: ReadonlySet<Id>;
  readonly activeId: Id | null;
  readonly openId: Id | null;
  readonly setSize: number;
  readonly now: number;
  readonly locale: Locale;
}

/** The id attribute of a conversation's row, for aria-activedescendant. */
export const rowDomId = (id: Id): string => `row-${id}`;

export function priorityLabel(priority: Priority): string {
  switch (priority) {
    case 'urgent':
      return msg('Urgent', { id: 'list.priority.urgent' });
    case 'high':
      return msg('High', { id: 'list.priority.high' });
    case 'medium':
      return msg('Medium', { id: 'list.priority.medium' });
    case 'low':
      return msg('Low', { id: 'list.priority.low' });
    case 'none':
      return msg('No priority', { id: 'list.priority.none' });
  }
}

export const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');

function assigneeOf(model: InboxState, c: Conversation): TemplateResult | typeof nothing {
  const assignee = c.assignee;
  if (!assignee) return nothing;
  const name =
    assignee.type === 'user' ? model.users.get(assignee.id)?.name : model.bots.get(assignee.id)?.name;
  const who = name ?? assignee.id;
  const label = msg(str`Assigned to ${who}`, { id: 'list.row.assignee' });
  return html`<span class="avatar avatar--${assignee.type}" part="avatar" role="img" aria-label=${label} title=${label}
    >${initials(who)}</span
  >`;
}

/**
 * One conversation as a listbox option: what HubSpot's list shows
 * (contact and participant count, channel, subject and preview, relative
 * time, unread dot, status, priority, labels, assignee). The check box is
 * for the pointer only (hidden from assistive technology, which reads
 * `aria-selected` and uses X or Space); nothing inside is focusable, as
 * an option's content must not be.
 */
export function renderRow(c: Conversation, index: number, ctx: RowContext): TemplateResult {
  const { model } = ctx;
  const contact = model.contacts.get(c.contactId);
  const kind = model.channels.get(c.channelId)?.kind ?? 'chat';
  const state = displayState(model, c, ctx.userId);
  const unread = state === 'unread';
  const checked = ctx.checked.has(c.id);
  const at = c.lastMessage?.at ?? c.createdAt;
  const name = contact?.name ?? msg('Unknown contact', { id: 'list.row.unknownContact' });
  const classes = `row${checked ? ' row--checked' : ''}${c.id === ctx.activeId ? ' row--active' : ''}${
    c.id === ctx.openId ? ' row--open' : ''
  }${unread ? ' row--unread' : ''}`;
  return html`<div
    id=${rowDomId(c.id)}
    class=${classes}
    part="row"
    role="option"
    aria-selected=${checked ? 'true' : 'false'}
    aria-setsize=${ctx.setSize}
    aria-posinset=${index + 1}
    data-id=${c.id}
  >
    <div class="hint hint--unread" aria-hidden="true">${msg('Unread', { id: 'list.swipe.unread' })}</div>
    <div class="hint hint--done" aria-hidden="true">${msg('Done', { id: 'list.swipe.done' })}</div>
    <div class="content">
      <span class="check" part="checkbox" aria-hidden="true"></span>
      <span class="lead">
        ${unread
          ? html`<span class="dot" part="unread-dot" role="img" aria-label=${msg('Unread', { id: 'list.row.unread' })}></span>`
          : nothing}
        ${channelIcon(kind)}
      </span>
      <span class="main">
        <span class="line line--top">
          <span class="name" part="name">${name}</span>
          ${c.participants > 1
            ? html`<span class="count" part="participants"
                ><span aria-hidden="true">${c.participants}</span
                ><span class="visually-hidden">${msg(str`${c.participants} participants`, { id: 'list.row.participants' })}</span></span
              >`
            : nothing}
          ${c.pinned
            ? icon(Pin, { label: msg('Pinned', { id: 'list.row.pinned' }), size: 12, className: 'pin' })
            : nothing}
          <time class="time" part="time" datetime=${new Date(at).toISOString()} title=${fullTime(at, ctx.locale)}
            >${relativeTime(at, ctx.now, ctx.locale)}</time
          >
        </span>
        <span class="line">
          ${c.subject ? html`<span class="subject" part="subject">${c.subject}</span>` : nothing}
          <span class="preview" part="preview">${c.lastMessage?.preview ?? ''}</span>
        </span>
        <span class="line line--meta">
          ${unread ? nothing : html`<status-badge state=${state}></status-badge>`}
          ${c.priority === 'none'
            ? nothing
            : html`<span class="priority priority--${c.priority}" part="priority"
                ><span class="visually-hidden">${msg('Priority:', { id: 'list.row.priorityPrefix' })} </span>${priorityLabel(
                  c.priority,
                )}</span
              >`}
          ${c.labels.map((label) => html`<span class="label" part="label">${label}</span>`)}
          <span class="spacer"></span>
          ${assigneeOf(model, c)}
        </span>
      </span>
    </div>
  </div>`;
}

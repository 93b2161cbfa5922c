import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { msg, str } from '@lit/localize';
import { Check, Pin } from 'lucide';
import type { Locale } from '../../i18n/localization.js';
import { displayState, type DisplayState } from '../../model/display.js';
import type { Contact, Conversation, Id, InboxState } from '../../model/types.js';
import { avatar } from '../shared/avatar.js';
import { callGlyph, callSummary, callTone } from '../shared/call-summary.js';
import { channelIcon } from '../shared/channel-icons.js';
import { icon } from '../shared/icons.js';
import { labelChip } from '../shared/labels.js';
import { formatNumber } from '../shared/numbers.js';
import { priorityGlyph } from '../shared/priority.js';
import { fullTime, relativeTime } from '../shared/relative-time.js';

/** What every row of one render shares. */
export interface RowContext {
  readonly model: InboxState;
  readonly userId: Id;
  readonly checked: ReadonlySet<Id>;
  readonly activeId: Id | null;
  readonly openId: Id | null;
  readonly setSize: number;
  /** The height of a row, px: row `index` is placed at `index × rowHeight`. */
  readonly rowHeight: number;
  readonly now: number;
  readonly locale: Locale;
  /**
   * States every row of the current view or tab is in, or that another mark
   * already says (unread has its dot; New and Waiting are queues, not news):
   * their badge would repeat the same fact on every row.
   */
  readonly quietStates: ReadonlySet<DisplayState>;
}

/** The id attribute of a conversation's row, for aria-activedescendant. */
export const rowDomId = (id: Id): string => `row-${id}`;

function assigneeOf(model: InboxState, c: Conversation): TemplateResult | typeof nothing {
  const assignee = c.assignee;
  if (!assignee) return nothing;
  const user = assignee.type === 'user' ? model.users.get(assignee.id) : undefined;
  const who = (user ?? model.bots.get(assignee.id))?.name ?? assignee.id;
  const label = msg(str`Assigned to ${who}`, { id: 'list.row.assignee' });
  return avatar({ id: assignee.id, name: who, avatar: user?.avatar }, { label, bot: assignee.type === 'bot' });
}

/** "· 3", named "3 participants" for assistive technology and as a tooltip. */
function participants(n: number, locale: Locale): TemplateResult {
  const count = formatNumber(n, locale);
  const label = msg(str`${count} participants`, { id: 'list.row.participants' });
  return html`<span class="count" part="participants" role="img" aria-label=${label} title=${label}>${count}</span>`;
}

/** The second line: the subject and preview, or for a call how it went ("Missed call", "Incoming · 4:12"). */
function secondLine(c: Conversation, kind: Parameters<typeof channelIcon>[0], locale: Locale): TemplateResult {
  const last = c.lastMessage;
  if (last?.kind === 'call' && last.call) {
    const facts = { direction: last.direction, ...last.call };
    // A call nobody talked on stands out, in the tone the call badges use (red, amber for a voicemail).
    const tone = callTone(facts);
    const notice = tone === 'danger' || tone === 'warning' ? ` call--${tone}` : '';
    return html`${icon(callGlyph(facts), { className: `channel${notice}`, part: 'channel' })}<span class="preview call${notice}" part="preview"
        >${callSummary(facts, locale)}</span
      >`;
  }
  return html`${channelIcon(kind)}${c.subject ? html`<span class="subject" part="subject">${c.subject}</span>` : nothing}<span
      class="preview"
      part="preview"
      >${last?.preview ?? ''}</span
    >`;
}

/**
 * One conversation as a listbox option, two lines high (LOOK.md): the
 * contact's avatar (a check box under the pointer, or while rows are
 * checked), name, participants, pin, priority glyph and time; then the
 * channel's glyph with the subject and preview (how a call went, for a
 * call), a state badge only where the view does not already say it, the
 * labels (as dots where the list is narrow) and the assignee's avatar. An
 * unread row has a blue dot before its name and a bold name (R15). Nothing
 * inside is focusable, as an option's content must not be; the check box is
 * for the pointer (assistive technology reads `aria-selected` and uses X or
 * Space).
 */
export function renderRow(c: Conversation, index: number, ctx: RowContext): TemplateResult {
  const { model } = ctx;
  const state = displayState(model, c, ctx.userId);
  const unread = state === 'unread';
  const checked = ctx.checked.has(c.id);
  const classes = `row${checked ? ' row--checked' : ''}${c.id === ctx.activeId ? ' row--active' : ''}${
    c.id === ctx.openId ? ' row--open' : ''
  }${unread ? ' row--unread' : ''}`;
  const contact = model.contacts.get(c.contactId);
  const minute = Math.floor(ctx.now / 60_000); // relative times move on by the minute
  // The option itself (its place, focus and open state) is cheap to draw again; what it shows is
  // drawn again only when that changed: J, Enter or Escape, or a row leaving above, redraw no row's content.
  return html`<div
    id=${rowDomId(c.id)}
    class=${classes}
    part="row"
    role="option"
    aria-selected=${checked ? 'true' : 'false'}
    aria-setsize=${ctx.setSize}
    aria-posinset=${index + 1}
    data-id=${c.id}
    style=${`transform: translateY(${index * ctx.rowHeight}px)`}
  >
    ${guard([c, contact, model.channels, model.users, model.bots, state, checked, minute, ctx.locale, ctx.quietStates], () =>
      rowContent(c, contact, state, checked, ctx),
    )}
  </div>`;
}

function rowContent(c: Conversation, contact: Contact | undefined, state: DisplayState, checked: boolean, ctx: RowContext): TemplateResult {
  const { model } = ctx;
  const kind = model.channels.get(c.channelId)?.kind ?? 'chat';
  const unread = state === 'unread';
  const at = c.lastMessage?.at ?? c.createdAt;
  const name = contact?.name ?? msg('Unknown contact', { id: 'list.row.unknownContact' });
  return html`<div class="hint hint--unread" aria-hidden="true">${msg('Unread', { id: 'list.swipe.unread' })}</div>
    <div class="hint hint--done" aria-hidden="true">${msg('Done', { id: 'list.swipe.done' })}</div>
    <div class="content">
      ${unread ? html`<span class="dot" part="unread-dot" role="img" aria-label=${msg('Unread', { id: 'list.row.unread' })}></span>` : nothing}
      <span class="check" part="checkbox" aria-hidden="true"
        >${avatar({ id: c.contactId, name }, { part: 'contact-avatar' })}<span class="box">${checked ? icon(Check, { size: 14 }) : nothing}</span></span
      >
      <span class="main">
        <span class="line">
          <span class="name" part="name">${name}</span>
          ${c.participants > 1 ? participants(c.participants, ctx.locale) : nothing}
          ${c.pinned ? icon(Pin, { label: msg('Pinned', { id: 'list.row.pinned' }), size: 14, className: 'pin' }) : nothing}
          <span class="end">
            ${priorityGlyph(c.priority)}
            <time class="time" part="time" datetime=${new Date(at).toISOString()} title=${fullTime(at, ctx.locale)}
              >${relativeTime(at, ctx.now, ctx.locale)}</time
            >
          </span>
        </span>
        <span class="line line--second">
          ${secondLine(c, kind, ctx.locale)}
          <span class="end">
            ${ctx.quietStates.has(state) ? nothing : html`<status-badge state=${state}></status-badge>`}
            ${c.labels.length > 0 ? html`<span class="labels">${c.labels.map((label) => labelChip(label))}</span>` : nothing}
            ${assigneeOf(model, c)}
          </span>
        </span>
      </span>
    </div>`;
}

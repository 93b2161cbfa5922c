import { html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { Check, ChevronDown, ListFilter, Phone, PhoneOff } from 'lucide';
import { CallAnswerEvent, CallDeclineEvent } from '../../events/call-events.js';
import { InboxNoticeEvent } from '../../events/inbox-notice.js';
import {
  CALL_FILTERS,
  callFilters,
  ringingCalls,
  ringingCounts,
  ringingSeconds,
  unloadedRecentCalls,
  type CallEntry,
  type CallFilter,
} from '../../model/calls.js';
import type { Refusal } from '../../model/events.js';
import type { Id, InboxState, Millis, User } from '../../model/types.js';
import type { StoreState } from '../../store/inbox-store.js';
import { popupStyles } from '../../styles/controls.js';
import { callerName, callerNumber } from '../call-card/call-format.js';
import { MenuController } from '../conversation-view/menu.controller.js';
import { avatar, avatarStyles } from '../shared/avatar.js';
import { callClock } from '../shared/call-summary.js';
import { icon } from '../shared/icons.js';
import { formatNumber, plural } from '../shared/numbers.js';
import { InboxElement } from '../shared/inbox-element.js';
import { TooltipController, tooltipStyles } from '../shared/tooltip.js';
import { styles } from './incoming-calls.styles.js';

/** A call that started ringing before a reload is looked for this far back. */
const RING_LOOKBACK: Millis = 5 * 60_000;

interface Slice {
  readonly ready: boolean;
  readonly model: InboxState;
  readonly userId: Id;
}

const select = (s: StoreState): Slice => ({ ready: s.ready, model: s.model, userId: s.userId });
const sameSlice = (a: Slice, b: Slice) => a.ready === b.ready && a.model === b.model && a.userId === b.userId;

/** The localized name of a tab. */
export function callFilterLabel(filter: CallFilter): string {
  switch (filter) {
    case 'all':
      return msg('All', { id: 'calls.tab.all' });
    case 'mine':
      return msg('Assigned to me', { id: 'calls.tab.mine' });
    case 'unassigned':
      return msg('Unassigned', { id: 'calls.tab.unassigned' });
  }
}

const moreLabel = (n: number): string =>
  plural(n, {
    one: (count) => msg(str`Show ${count} more ringing call`, { id: 'calls.more.one' }),
    other: (count) => msg(str`Show ${count} more ringing calls`, { id: 'calls.more.other' }),
  });

function refusalText(refusal: Refusal): string {
  return refusal.code === 'conflict'
    ? msg('This call is no longer ringing.', { id: 'calls.gone' })
    : msg('This call could not be changed.', { id: 'calls.refused' });
}

/**
 * @summary The calls ringing now (DESIGN section 5), one compact line each:
 * who, their number (or the line that rings), how long it has rung, Answer
 * and Decline; All, Assigned to me and Unassigned under R14.
 *
 * The inbound calls ringing in the conversations the user may see, longest
 * waiting first, one line each (the contact's avatar and name, their number
 * or else the line, who the conversation belongs to when there is room, the
 * time it has rung, Answer and Decline as icon buttons named "Answer call
 * from Zoé Chevalier"). Several calls stack within a height that scrolls
 * (`--inbox-calls-max-height`). Which calls show is a compact menu button
 * (All, Assigned to me, Unassigned, each with its count; the ARIA menu
 * pattern) at the end of the first line, so it adds no row; agents with
 * visibility `team` have no Unassigned, agents with `self` only Assigned to
 * me, and then no menu at all (R14).
 *
 * The host owns telephony: Answer fires `call-answer` and Decline
 * `call-decline`. Unless the event is cancelled, the element then
 * dispatches `answerCall` (R10: answering an unassigned contact's call
 * assigns it and the contact to the user) and opens the conversation, or
 * `declineCall`. Either way the list shows the calls as the store reports
 * them. What happened ("Answered the call from …") is an `inbox-notice`
 * event for the inbox's toast region; only when nobody took it (the
 * element alone) does the element show it, in its status line. Works
 * inside an `<inbox-provider>` or with `.store`.
 *
 * `compact` makes it a strip of one fixed line (`<inbox-app>`'s dock): the
 * longest-waiting call, and when more ring a "+2" tab on its top edge that
 * shows them all (and hides them again), so a call that starts or stops
 * ringing never changes the strip's height by itself.
 *
 * `:state(ringing)` matches while any call the user may see rings, so a
 * host can hide the list when none does (`<inbox-app>` does).
 *
 * @fires call-answer - {CallAnswerEvent} Answer was pressed; cancel to answer through your own telephony first.
 * @fires call-decline - {CallDeclineEvent} Decline was pressed; cancel to handle it yourself.
 * @fires inbox-notice - {InboxNoticeEvent} A call was answered or declined, or could not be, for the inbox's toast region.
 *
 * @csspart base - The whole element.
 * @csspart title - The "Incoming calls" name of the group (visually hidden).
 * @csspart filter - The menu button choosing which calls show.
 * @csspart filter-menu - Its menu.
 * @csspart filter-item - One choice of it, with its count.
 * @csspart count - The number of calls of a choice.
 * @csspart list - The list of ringing calls.
 * @csspart call - One ringing call (one line).
 * @csspart avatar - The caller's avatar.
 * @csspart name - The caller's name.
 * @csspart details - The caller's number, or the line that rings.
 * @csspart owner - Who the conversation is assigned to (when there is room).
 * @csspart waiting - How long the call has been ringing.
 * @csspart answer - The Answer button.
 * @csspart decline - The Decline button.
 * @csspart empty - The text shown when no call rings.
 * @csspart more - In a compact strip, the "+2" tab that shows the other ringing calls.
 * @csspart status - What happened, when nobody else said it (the element alone).
 * @csspart tooltip - The tooltip of an icon button.
 *
 * @cssprop --inbox-calls-answer-background - The Answer button, under white text. Defaults to a dark green in both schemes.
 * @cssprop --inbox-calls-decline-background - The Decline button, under white text. Defaults to a dark red in both schemes.
 * @cssprop --inbox-calls-ring-color - The ringing indicator. Defaults to `--inbox-color-accent`.
 * @cssprop --inbox-calls-max-height - The most the list of calls grows to before it scrolls. Defaults to `10rem` (four calls).
 *
 * @cssstate ringing - A call the user may see rings (on any filter).
 */
export class IncomingCalls extends InboxElement {
  static override styles = [...(InboxElement.styles as []), popupStyles, avatarStyles, tooltipStyles, styles];

  static override properties: PropertyDeclarations = {
    filter: { reflect: true },
    compact: { type: Boolean, reflect: true },
    now: { attribute: false },
    expanded: { state: true, attribute: false },
    status: { state: true, attribute: false },
  };

  /** The calls shown: `all`, `mine` or `unassigned`. One the user may not use (R14) shows their first. */
  filter: CallFilter = 'all';

  /** One fixed line: the longest-waiting call, the others behind a "+N" tab. */
  compact = false;

  /** In a compact strip, whether the other calls show (the "+N" tab was pressed). */
  private expanded = false;

  /** The clock the waiting times read (tests and stories set it). */
  now: () => Millis = Date.now;

  /** What the last action did, for the status line (only when nobody else said it). */
  private status = '';

  readonly #data = this.select(select, sameSlice);
  readonly #menu = new MenuController(this, {
    button: () => this.renderRoot.querySelector<HTMLElement>('.filter'),
    menu: () => this.renderRoot.querySelector<HTMLElement>('.filter-menu'),
  });
  readonly #tooltip = new TooltipController(this);
  #ticker: ReturnType<typeof setInterval> | undefined;
  /** The store whose snapshot was searched for calls that rang before a reload. */
  #scanned: unknown;
  /** The row whose button had focus when it left the list: focus goes to the row now there. */
  #refocusRow: number | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTicker();
  }

  #user(): User | undefined {
    const data = this.#data.value;
    return data ? data.model.users.get(data.userId) : undefined;
  }

  #filters(): readonly CallFilter[] {
    const user = this.#user();
    return user && this.#data.value ? callFilters(this.#data.value.model, user) : CALL_FILTERS;
  }

  /** The filter on screen: the one asked for, if R14 allows it. */
  #shown(): CallFilter {
    const filters = this.#filters();
    return filters.includes(this.filter) ? this.filter : (filters[0] ?? 'mine');
  }

  /** The calls the filter on screen keeps. */
  get calls(): readonly CallEntry[] {
    const data = this.#data.value;
    const user = this.#user();
    return data?.ready && user ? ringingCalls(data.model, user, this.#shown()) : [];
  }

  readonly #internals = this.attachInternals();

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Shown again as one line once the others stop ringing.
    if (this.expanded && this.calls.length <= 1) this.expanded = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const calls = this.calls;
    if (calls.length > 0) this.#startTicker();
    else this.#stopTicker();
    // `:state(ringing)` while any call the user may see rings, on any filter: lets a host hide an idle list.
    const data = this.#data.value;
    const user = this.#user();
    const ringing = data?.ready && user ? Math.max(0, ...ringingCounts(data.model, user).values()) > 0 : false;
    if (ringing) this.#internals.states.add('ringing');
    else this.#internals.states.delete('ringing');
    this.#loadRecent();
    if (this.#refocusRow !== null) {
      const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('[part=answer]')];
      const target = buttons[Math.min(this.#refocusRow, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('.filter');
      this.#refocusRow = null;
      target?.focus();
    }
  }

  /**
   * After a reload the snapshot names recent call conversations but not
   * their calls: load those timelines, once per store. Later calls arrive
   * live, with their timeline items.
   */
  #loadRecent(): void {
    const data = this.#data.value;
    const user = this.#user();
    const store = this.activeStore;
    if (!data?.ready || !user || !store || this.#scanned === store) return;
    this.#scanned = store;
    for (const conversation of unloadedRecentCalls(data.model, user, this.now() - RING_LOOKBACK)) {
      if (conversation.lastMessage?.direction === 'in') void store.loadTimeline(conversation.id);
    }
  }

  #startTicker(): void {
    this.#ticker ??= setInterval(() => this.requestUpdate(), 1000);
  }

  #stopTicker(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  #select(filter: CallFilter): void {
    this.#menu.close();
    if (filter === this.filter) return;
    this.filter = filter;
    this.status = '';
  }

  /** Says what happened: the inbox's toast region does; alone, the status line. */
  #say(text: string, tone: 'info' | 'error'): void {
    const notice = new InboxNoticeEvent(text, tone);
    this.dispatchEvent(notice);
    this.status = notice.defaultPrevented ? '' : text;
  }

  #act(entry: CallEntry, row: number, answer: boolean): void {
    const { call, conversation } = entry;
    const event = answer
      ? new CallAnswerEvent(conversation.id, call.id, conversation.contactId)
      : new CallDeclineEvent(conversation.id, call.id, conversation.contactId);
    const store = this.activeStore;
    if (!this.dispatchEvent(event) || !store) return;
    const args = { conversationId: conversation.id, itemId: call.id };
    const result = store.dispatch(answer ? 'answerCall' : 'declineCall', args, { undoable: false });
    if (!result.ok) {
      this.#say(refusalText(result.refusal), 'error');
      return;
    }
    const name = callerName(entry);
    this.#say(
      answer
        ? msg(str`Answered the call from ${name}.`, { id: 'calls.answered' })
        : msg(str`Declined the call from ${name}.`, { id: 'calls.declined' }),
      'info',
    );
    this.#refocusRow = row;
    if (answer) store.openConversation(conversation.id);
  }

  protected override render() {
    const data = this.#data.value;
    const user = this.#user();
    const shown = this.#shown();
    const all = this.calls;
    const calls = this.compact && !this.expanded ? all.slice(0, 1) : all;
    return html`<div part="base" class="base" role="group" aria-labelledby="title">
        ${this.compact && all.length > 1 ? this.#renderMore(all.length - 1) : nothing}
        <span part="title" class="visually-hidden" id="title">${msg('Incoming calls', { id: 'calls.title' })}</span>
        ${!data?.ready
          ? html`<p part="empty" class="empty">${msg('Loading calls…', { id: 'calls.loading' })}</p>`
          : calls.length === 0
            ? html`<p part="empty" class="empty">${this.#emptyText(shown)}</p>`
            : html`<ul part="list" class="list" aria-label=${msg('Ringing calls', { id: 'calls.list' })}>
                ${repeat(
                  calls,
                  (entry) => entry.call.id,
                  (entry, row) => this.#row(entry, row, user),
                )}
              </ul>`}
        ${this.#renderFilter(shown)}
        <p part="status" class="status" role="status">${this.status}</p>
      </div>
      ${this.#tooltip.render()}`;
  }

  /** A compact strip's tab on its top edge: "+2", or a chevron that hides them again. */
  #renderMore(others: number): TemplateResult {
    const label = this.expanded ? msg('Show only the longest-waiting call', { id: 'calls.less' }) : moreLabel(others);
    return html`<button
      type="button"
      part="more"
      class="more"
      aria-expanded=${String(this.expanded)}
      aria-label=${label}
      data-tip=${label}
      @click=${() => (this.expanded = !this.expanded)}
    >
      ${this.expanded ? icon(ChevronDown, { size: 14 }) : `+${formatNumber(others)}`}
    </button>`;
  }

  /** The filter as a menu button at the end of the first line: nothing when the user has one choice (R14). */
  #renderFilter(shown: CallFilter): TemplateResult | typeof nothing {
    const filters = this.#filters();
    if (filters.length < 2) return nothing;
    const data = this.#data.value;
    const user = this.#user();
    const counts = data?.ready && user ? ringingCounts(data.model, user) : new Map<CallFilter, number>();
    const open = this.#menu.open;
    const label = msg(str`Which calls: ${callFilterLabel(shown)}`, { id: 'calls.filter' });
    return html`<span class="filter-anchor">
      <button
        type="button"
        part="filter"
        class="filter"
        aria-haspopup="menu"
        aria-expanded=${String(open)}
        aria-controls="filter-menu"
        aria-label=${label}
        data-tip=${label}
        @click=${() => this.#menu.toggle()}
        @keydown=${this.#menu.onButtonKeydown}
      >
        ${icon(ListFilter)}<span class="filter-label">${callFilterLabel(shown)}</span>
      </button>
      <div
        id="filter-menu"
        class="popup filter-menu"
        part="filter-menu"
        role="menu"
        aria-label=${msg('Which calls', { id: 'calls.tabs' })}
        popover="manual"
        ?hidden=${!open}
        @keydown=${this.#menu.onMenuKeydown}
        @focusout=${this.#menu.onMenuFocusout}
      >
        ${filters.map(
          (filter) => html`<button
            type="button"
            role="menuitemradio"
            part="filter-item"
            class="filter-item"
            tabindex="-1"
            data-filter=${filter}
            aria-checked=${String(filter === shown)}
            @click=${() => this.#select(filter)}
          >
            <span class="check" aria-hidden="true">${filter === shown ? icon(Check) : nothing}</span>
            <span class="filter-name">${callFilterLabel(filter)}</span>
            <span part="count" class="count">${formatNumber(counts.get(filter) ?? 0)}</span>
          </button>`,
        )}
      </div>
    </span>`;
  }

  #emptyText(filter: CallFilter): string {
    switch (filter) {
      case 'all':
        return msg('No calls are ringing.', { id: 'calls.empty.all' });
      case 'mine':
        return msg('No calls are ringing for your conversations.', { id: 'calls.empty.mine' });
      case 'unassigned':
        return msg('No unassigned calls are ringing.', { id: 'calls.empty.unassigned' });
    }
  }

  #owner(entry: CallEntry, user: User | undefined): string {
    const assignee = entry.conversation.assignee;
    if (assignee === null) return msg('Unassigned', { id: 'calls.owner.none' });
    if (assignee.type === 'user' && assignee.id === user?.id) return msg('Assigned to you', { id: 'calls.owner.you' });
    const model = this.#data.value?.model;
    const name = (assignee.type === 'user' ? model?.users : model?.bots)?.get(assignee.id)?.name ?? assignee.id;
    return msg(str`Assigned to ${name}`, { id: 'calls.owner.other' });
  }

  #row(entry: CallEntry, row: number, user: User | undefined) {
    const name = callerName(entry);
    const number = callerNumber(entry);
    const line = entry.channel?.name ?? '';
    const waited = callClock(ringingSeconds(entry.call, this.now()));
    const nameId = `name-${entry.call.id}`;
    const answer = msg(str`Answer call from ${name}`, { id: 'calls.answer.label' });
    const decline = msg(str`Decline call from ${name}`, { id: 'calls.decline.label' });
    const who = entry.contact ?? { id: entry.conversation.contactId, name };
    return html`<li part="call" class="call" aria-labelledby=${nameId}>
      <span class="ring" aria-hidden="true">${avatar(who, { part: 'avatar' })}</span>
      <span class="who">
        <span part="name" class="name" id=${nameId}>${name}</span>
        <span part="details" class="details" title=${[number, line].filter(Boolean).join(' · ')}>${number && number !== name ? number : line}</span>
        <span part="owner" class="owner">${this.#owner(entry, user)}</span>
      </span>
      <span part="waiting" class="waiting"
        ><span class="visually-hidden">${msg('Ringing for', { id: 'calls.waiting' })} </span>${waited}</span
      >
      <button type="button" part="answer" class="answer" aria-label=${answer} data-tip=${answer} @click=${() => this.#act(entry, row, true)}>
        ${icon(Phone)}
      </button>
      <button type="button" part="decline" class="decline" aria-label=${decline} data-tip=${decline} @click=${() => this.#act(entry, row, false)}>
        ${icon(PhoneOff)}
      </button>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'incoming-calls': IncomingCalls;
  }
}

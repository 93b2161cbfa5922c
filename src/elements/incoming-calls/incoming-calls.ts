import { LitElement, html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { updateWhenLocaleChanges, msg, str } from '@lit/localize';
import { RovingFocusController } from '../../controllers/roving-focus.controller.js';
import { StoreController } from '../../controllers/store.controller.js';
import { CallAnswerEvent, CallDeclineEvent } from '../../events/call-events.js';
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
import type { InboxStore, StoreState } from '../../store/inbox-store.js';
import { hostStyles } from '../../styles/host-styles.js';
import { tabStyles } from '../../styles/controls.js';
import { tokens } from '../../styles/tokens.js';
import { callerName, callerNumber, clock } from '../call-card/call-format.js';
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

function refusalText(refusal: Refusal): string {
  return refusal.code === 'conflict'
    ? msg('This call is no longer ringing.', { id: 'calls.gone' })
    : msg('This call could not be changed.', { id: 'calls.refused' });
}

/**
 * @summary The calls ringing now (DESIGN section 5): All, Assigned to me and
 * Unassigned, under R14, each with Answer and Decline.
 *
 * A tab list (arrows, Home, End; selection follows focus) over a list of
 * the inbound calls ringing in the conversations the user may see, longest
 * waiting first: the contact, their number, the line that rings, who the
 * conversation belongs to and how long the call has waited. Agents with
 * visibility `team` have no Unassigned tab, agents with `self` only
 * Assigned to me (R14).
 *
 * The host owns telephony: Answer fires `call-answer` and Decline
 * `call-decline`. Unless the event is cancelled, the element then
 * dispatches `answerCall` (R10: answering an unassigned contact's call
 * assigns it and the contact to the user) and opens the conversation, or
 * `declineCall`. Either way the list shows the calls as the store reports
 * them. Works inside an `<inbox-provider>` or with `.store`.
 *
 * `:state(ringing)` matches while any call the user may see rings, so a
 * host can hide the list when none does (`<inbox-app>` does).
 *
 * @fires call-answer - {CallAnswerEvent} Answer was pressed; cancel to answer through your own telephony first.
 * @fires call-decline - {CallDeclineEvent} Decline was pressed; cancel to handle it yourself.
 *
 * @csspart base - The whole element.
 * @csspart title - The "Incoming calls" title.
 * @csspart tabs - The tab list.
 * @csspart tab - One tab; `tab-selected` marks the current one.
 * @csspart count - The number of calls on a tab.
 * @csspart panel - The tab panel holding the list.
 * @csspart list - The list of ringing calls.
 * @csspart call - One ringing call.
 * @csspart name - The caller's name.
 * @csspart details - The caller's number and the line that rings.
 * @csspart owner - Who the conversation is assigned to.
 * @csspart waiting - How long the call has been ringing.
 * @csspart answer - The Answer button.
 * @csspart decline - The Decline button.
 * @csspart empty - The text shown when no call rings.
 * @csspart status - The line that reports what happened.
 *
 * @cssprop --inbox-calls-answer-background - The Answer button, under white text. Defaults to a dark green in both schemes.
 * @cssprop --inbox-calls-decline-background - The Decline button, under white text. Defaults to a dark red in both schemes.
 * @cssprop --inbox-calls-ring-color - The ringing indicator. Defaults to `--inbox-color-accent`.
 */
export class IncomingCalls extends LitElement {
  static {
    this.addInitializer(updateWhenLocaleChanges); // re-renders on setLocale(), as @localized() would
  }

  static override styles = [tokens, hostStyles, tabStyles, styles];

  static override properties: PropertyDeclarations = {
    store: { attribute: false },
    filter: { reflect: true },
    now: { attribute: false },
    status: { state: true, attribute: false },
  };

  /** The store; by default the nearest `<inbox-provider>`'s. */
  store: InboxStore | undefined;

  /** The tab shown: `all`, `mine` or `unassigned`. One the user may not use (R14) shows their first. */
  filter: CallFilter = 'all';

  /** The clock the waiting times read (tests and stories set it). */
  now: () => Millis = Date.now;

  /** What the last action did, for the status line. */
  private status = '';

  readonly #data = new StoreController(this, select, sameSlice);
  #ticker: ReturnType<typeof setInterval> | undefined;
  /** The store whose snapshot was searched for calls that rang before a reload. */
  #scanned: InboxStore | undefined;
  /** The row whose button had focus when it left the list: focus goes to the row now there. */
  #refocusRow: number | null = null;

  constructor() {
    super();
    new RovingFocusController(this, {
      elements: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role=tab]')],
      focusIndex: () => this.#filters().indexOf(this.#shown()),
    });
  }

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

  /** The tab on screen: the one asked for, if R14 allows it. */
  #shown(): CallFilter {
    const filters = this.#filters();
    return filters.includes(this.filter) ? this.filter : (filters[0] ?? 'mine');
  }

  /** The calls of the tab on screen. */
  get calls(): readonly CallEntry[] {
    const data = this.#data.value;
    const user = this.#user();
    return data?.ready && user ? ringingCalls(data.model, user, this.#shown()) : [];
  }

  readonly #internals = this.attachInternals();

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const calls = this.calls;
    if (calls.length > 0) this.#startTicker();
    else this.#stopTicker();
    // `:state(ringing)` while any call the user may see rings, on any tab: lets a host hide an idle list.
    const data = this.#data.value;
    const user = this.#user();
    const ringing = data?.ready && user ? Math.max(0, ...ringingCounts(data.model, user).values()) > 0 : false;
    if (ringing) this.#internals.states.add('ringing');
    else this.#internals.states.delete('ringing');
    this.#loadRecent();
    if (this.#refocusRow !== null) {
      const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('[part=answer]')];
      const target = buttons[Math.min(this.#refocusRow, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('[role=tab][aria-selected=true]');
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
    const store = this.#data.store;
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
    if (filter === this.filter) return;
    this.filter = filter;
    this.status = '';
  }

  #act(entry: CallEntry, row: number, answer: boolean): void {
    const { call, conversation } = entry;
    const event = answer
      ? new CallAnswerEvent(conversation.id, call.id, conversation.contactId)
      : new CallDeclineEvent(conversation.id, call.id, conversation.contactId);
    const store = this.#data.store;
    if (!this.dispatchEvent(event) || !store) return;
    const args = { conversationId: conversation.id, itemId: call.id };
    const result = store.dispatch(answer ? 'answerCall' : 'declineCall', args, { undoable: false });
    if (!result.ok) {
      this.status = refusalText(result.refusal);
      return;
    }
    const name = callerName(entry);
    this.status = answer
      ? msg(str`Answered the call from ${name}.`, { id: 'calls.answered' })
      : msg(str`Declined the call from ${name}.`, { id: 'calls.declined' });
    this.#refocusRow = row;
    if (answer) store.openConversation(conversation.id);
  }

  protected override render() {
    const data = this.#data.value;
    const user = this.#user();
    const filters = this.#filters();
    const shown = this.#shown();
    const counts = data?.ready && user ? ringingCounts(data.model, user) : new Map<CallFilter, number>();
    const calls = this.calls;
    return html`<div part="base" class="base" role="group" aria-labelledby="title">
      <div part="title" class="title" id="title">${msg('Incoming calls', { id: 'calls.title' })}</div>
      <div part="tabs" class="tabs" role="tablist" aria-label=${msg('Which calls', { id: 'calls.tabs' })}>
        ${filters.map((filter) => {
          const selected = filter === shown;
          return html`<button
            type="button"
            role="tab"
            id=${`tab-${filter}`}
            part=${selected ? 'tab tab-selected' : 'tab'}
            class="tab"
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="panel"
            @click=${() => this.#select(filter)}
            @focus=${() => this.#select(filter)}
          >
            ${callFilterLabel(filter)} <span part="count" class="count">${counts.get(filter) ?? 0}</span>
          </button>`;
        })}
      </div>
      <div part="panel" class="panel" id="panel" role="tabpanel" aria-labelledby=${`tab-${shown}`} tabindex=${calls.length ? nothing : '0'}>
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
      </div>
      <p part="status" class="status" role="status">${this.status}</p>
    </div>`;
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
    const waited = clock(ringingSeconds(entry.call, this.now()));
    const nameId = `name-${entry.call.id}`;
    return html`<li part="call" class="call" aria-labelledby=${nameId}>
      <span class="ring" aria-hidden="true"></span>
      <div class="who">
        <span part="name" class="name" id=${nameId}>${name}</span>
        <span part="details" class="details">${[number !== name ? number : '', line].filter(Boolean).join(' · ')}</span>
        <span part="owner" class="owner">${this.#owner(entry, user)}</span>
      </div>
      <span part="waiting" class="waiting"
        ><span class="visually-hidden">${msg('Ringing for', { id: 'calls.waiting' })} </span>${waited}</span
      >
      <div class="actions">
        <button
          type="button"
          part="answer"
          class="answer"
          aria-label=${msg(str`Answer call from ${name}`, { id: 'calls.answer.label' })}
          @click=${() => this.#act(entry, row, true)}
        >
          ${msg('Answer', { id: 'calls.answer' })}
        </button>
        <button
          type="button"
          part="decline"
          class="decline"
          aria-label=${msg(str`Decline call from ${name}`, { id: 'calls.decline.label' })}
          @click=${() => this.#act(entry, row, false)}
        >
          ${msg('Decline', { id: 'calls.decline' })}
        </button>
      </div>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'incoming-calls': IncomingCalls;
  }
}

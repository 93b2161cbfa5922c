import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { msg } from '@lit/localize';
import { Disc, PhoneOff } from 'lucide';
import { CallEndEvent, CallRecordEvent } from '../../events/call-events.js';
import { callSeconds, currentCall, findCall, unloadedRecentCalls, type CallEntry } from '../../model/calls.js';
import type { Id, InboxState, Millis } from '../../model/types.js';
import type { InboxStore, StoreState } from '../../store/inbox-store.js';
import { avatar, avatarStyles } from '../shared/avatar.js';
import { callBadge, callBadgeStyles, callClock } from '../shared/call-summary.js';
import { icon } from '../shared/icons.js';
import { InboxElement } from '../shared/inbox-element.js';
import { callerName, callerNumber } from './call-format.js';
import { styles } from './call-card.styles.js';

/** A call still in progress after a reload is looked for this far back. */
const CALL_LOOKBACK: Millis = 2 * 60 * 60_000;

interface Slice {
  readonly ready: boolean;
  readonly model: InboxState;
  readonly userId: Id;
}

const select = (s: StoreState): Slice => ({ ready: s.ready, model: s.model, userId: s.userId });
const sameSlice = (a: Slice, b: Slice) => a.ready === b.ready && a.model === b.model && a.userId === b.userId;

/**
 * @summary One call (DESIGN section 5), compact: who (avatar, name, number
 * and line), which way and its state as a status badge ("Incoming · On
 * call", "Outgoing · Ringing"), a running timer, Record and End; once over,
 * how it went ("Incoming · 4:12", "Missed call", "Voicemail").
 *
 * With `conversation-id` (and optionally `item-id`) it shows that
 * conversation's newest call (or that one); without, the call the current
 * user is on (answered, or placed and still ringing), and after it ends
 * the outcome of that call until another begins. The timer counts from the
 * answer, once a second (`role="timer"`, not announced).
 *
 * The host owns telephony: Record fires `call-record` and End `call-end`.
 * Unless the event is cancelled, the card then dispatches `setRecording`
 * or `endCall` (with the duration it timed), and it always shows what the
 * store reports. Works inside an `<inbox-provider>` or with `.store`.
 *
 * @fires call-record - {CallRecordEvent} Record was toggled; `recording` is the state asked for. Cancel to handle it yourself.
 * @fires call-end - {CallEndEvent} End was pressed; `duration` in seconds. Cancel to hang up through your own telephony first.
 *
 * @csspart base - The card.
 * @csspart avatar - The contact's avatar.
 * @csspart name - The contact's name.
 * @csspart details - Their number and the line.
 * @csspart state - The call's direction and state as a badge ("Incoming · On call"), with the recording mark.
 * @csspart call-summary - The badge itself (in `state` while live, in `outcome` once over).
 * @csspart recording - The recording mark.
 * @csspart timer - The running time, `mm:ss`.
 * @csspart controls - The group of buttons.
 * @csspart record - The Record toggle.
 * @csspart end - The End call button.
 * @csspart outcome - How a finished call went and how long it lasted, and whether it was recorded.
 * @csspart empty - The text shown when there is no call.
 *
 * @cssprop --inbox-call-card-background - The card. Defaults to `--inbox-color-surface-raised`.
 * @cssprop --inbox-call-card-end-background - The End call button, under white text. Defaults to a dark red in both schemes.
 * @cssprop --inbox-call-card-recording-color - The recording mark. Defaults to `--inbox-status-blocked` (red).
 *
 * @cssstate ringing - The call rings.
 * @cssstate active - The call is in progress.
 * @cssstate over - The call is over (ended, missed or declined).
 * @cssstate recording - The call is being recorded.
 */
export class CallCard extends InboxElement {
  static override styles = [...(InboxElement.styles as []), avatarStyles, callBadgeStyles, styles];

  static override properties: PropertyDeclarations = {
    conversationId: { attribute: 'conversation-id' },
    itemId: { attribute: 'item-id' },
    now: { attribute: false },
  };

  /** Show this conversation's call; by default the current user's. */
  conversationId: Id | null = null;

  /** With `conversation-id`: this call rather than the newest. */
  itemId: Id | null = null;

  /** The clock the timer reads (tests and stories set it). */
  now: () => Millis = Date.now;

  readonly #data = this.select(select, sameSlice);
  readonly #internals = this.attachInternals();
  #ticker: ReturnType<typeof setInterval> | undefined;
  /** The user's last call, kept on screen with its outcome once it is over. */
  #last: { conversationId: Id; itemId: Id } | null = null;
  #entry: CallEntry | null = null;
  readonly #requested = new Set<Id>();
  /** The store whose snapshot was searched for a call in progress before a reload. */
  #scanned: InboxStore | undefined;

  /** The call on the card, as the store reports it. */
  get call(): CallEntry | null {
    return this.#entry;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTicker();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('conversationId')) this.#last = null;
    this.#entry = this.#find();
  }

  #find(): CallEntry | null {
    const data = this.#data.value;
    if (!data?.ready) return null;
    if (this.conversationId) return findCall(data.model, this.conversationId, this.itemId);
    const current = currentCall(data.model, data.userId);
    if (current) {
      this.#last = { conversationId: current.conversation.id, itemId: current.call.id };
      return current;
    }
    return this.#last ? findCall(data.model, this.#last.conversationId, this.#last.itemId) : null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const state = this.#entry?.call.state;
    if (state === 'active') this.#startTicker();
    else this.#stopTicker();
    const states = this.#internals.states;
    states.clear();
    if (state === 'ringing' || state === 'active') states.add(state);
    else if (state) states.add('over');
    if (this.#entry?.call.recording) states.add('recording');
    this.#load();
  }

  /**
   * Loads the timeline that holds the call: the conversation named, or
   * (once per store) the user's recent call conversations, for a call still
   * in progress after a reload.
   */
  #load(): void {
    const data = this.#data.value;
    const store = this.#data.store;
    if (!data?.ready || !store) return;
    const want = (id: Id) => {
      if (this.#requested.has(id) || data.model.timelines.has(id)) return;
      this.#requested.add(id);
      void store.loadTimeline(id);
    };
    if (this.conversationId) {
      if (data.model.conversations.has(this.conversationId)) want(this.conversationId);
      return;
    }
    const user = data.model.users.get(data.userId);
    if (!user || this.#scanned === store) return;
    this.#scanned = store;
    for (const c of unloadedRecentCalls(data.model, user, this.now() - CALL_LOOKBACK)) {
      if (c.assignee?.type === 'user' && c.assignee.id === user.id) want(c.id);
    }
  }

  #startTicker(): void {
    this.#ticker ??= setInterval(() => this.requestUpdate(), 1000);
  }

  #stopTicker(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  #record(): void {
    const entry = this.#entry;
    if (!entry) return;
    const { call, conversation } = entry;
    const recording = !call.recording;
    if (!this.dispatchEvent(new CallRecordEvent(conversation.id, call.id, recording))) return;
    this.#data.store?.dispatch('setRecording', { conversationId: conversation.id, itemId: call.id, recording });
  }

  #end(): void {
    const entry = this.#entry;
    if (!entry) return;
    const { call, conversation } = entry;
    const duration = callSeconds(call, this.now());
    if (!this.dispatchEvent(new CallEndEvent(conversation.id, call.id, duration))) return;
    this.#data.store?.dispatch('endCall', { conversationId: conversation.id, itemId: call.id, duration });
  }

  protected override render() {
    const data = this.#data.value;
    const entry = this.#entry;
    if (!entry) {
      const text = data?.ready
        ? msg('No call in progress.', { id: 'callCard.empty' })
        : msg('Loading…', { id: 'callCard.loading' });
      return html`<div part="base" class="base base--empty"><p part="empty" class="empty">${text}</p></div>`;
    }
    const { call } = entry;
    const name = callerName(entry);
    const number = callerNumber(entry);
    const line = entry.channel?.name ?? '';
    const live = call.state === 'ringing' || call.state === 'active';
    const seconds = callSeconds(call, this.now());
    const who = entry.contact ?? { id: entry.conversation.contactId, name };
    return html`<article part="base" class="base" aria-labelledby="name">
      <div class="top">
        ${avatar(who, { part: 'avatar' })}
        <div class="who">
          <span part="name" class="name" id="name">${name}</span>
          <span part="details" class="details">${[number !== name ? number : '', line].filter(Boolean).join(' · ')}</span>
        </div>
        ${call.state === 'active'
          ? html`<span class="time"
              ><span class="visually-hidden">${msg('Call duration', { id: 'callCard.duration' })} </span
              ><span part="timer" class="timer" role="timer" aria-live="off">${callClock(seconds)}</span></span
            >`
          : nothing}
      </div>
      ${live
        ? html`<div class="line">
              <span part="state" class="state" role="status">
                ${callBadge(call)} ${call.recording
                  ? html`<span part="recording" class="recording"
                      ><span class="dot" aria-hidden="true"></span>${msg('Recording', { id: 'callCard.recording' })}</span
                    >`
                  : nothing}
              </span>
            </div>
            ${this.#controls(entry)}`
        : html`<p part="outcome" class="outcome" role="status">
            ${callBadge(call)} ${call.recording ? html`<span class="recorded">${msg('Recorded', { id: 'callCard.recorded' })}</span>` : nothing}
          </p>`}
    </article>`;
  }

  #controls(entry: CallEntry) {
    const { call } = entry;
    // An inbound call still ringing is answered or declined from <incoming-calls>.
    if (call.state === 'ringing' && call.direction === 'in') return nothing;
    return html`<div part="controls" class="controls" role="group" aria-label=${msg('Call controls', { id: 'callCard.controls' })}>
      <button
        type="button"
        part="record"
        class="record"
        aria-pressed=${call.recording ? 'true' : 'false'}
        ?disabled=${call.state !== 'active'}
        @click=${this.#record}
      >
        <span class="rec" aria-hidden="true">${icon(Disc)}</span>${msg('Record', { id: 'callCard.record' })}
      </button>
      <button type="button" part="end" class="end" @click=${this.#end}>${icon(PhoneOff)}${msg('End call', { id: 'callCard.end' })}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'call-card': CallCard;
  }
}

import { html, nothing, type PropertyDeclarations } from 'lit';
import { InboxElement } from '../shared/inbox-element.js';
import { ArrowDownToLine } from 'lucide';
import { msg } from '@lit/localize';
import { StoreController } from '../../controllers/store.controller.js';
import { NextConversationEvent } from '../../events/next-conversation.js';
import { InboxNoticeEvent } from '../../events/inbox-notice.js';
import { nextForRouting } from '../../model/rules.people.js';
import type { Availability, Id, Settings, User } from '../../model/types.js';
import type { InboxStore, StoreState } from '../../store/inbox-store.js';
import { controlStyles, iconButtonStyles } from '../../styles/controls.js';
import { icon } from '../shared/icons.js';
import { styles } from './availability-toggle.styles.js';

/** The localized name of an away reason; reasons a workspace adds show as they are. */
export function awayReasonLabel(reason: string): string {
  switch (reason) {
    case 'lunch':
      return msg('Lunch', { id: 'availability.reason.lunch' });
    case 'meeting':
      return msg('Meeting', { id: 'availability.reason.meeting' });
    case 'break':
      return msg('Break', { id: 'availability.reason.break' });
    case 'end-of-day':
      return msg('End of day', { id: 'availability.reason.endOfDay' });
    default:
      return reason;
  }
}

const selectUser = (s: StoreState): User | undefined => s.model.users.get(s.userId);
const selectSettings = (s: StoreState): Settings => s.model.settings;

/**
 * @summary The current user's availability (R11): Available or Away with a
 * reason, and "Get next conversation".
 *
 * One select, the same size whatever the state: Available, Away, and Away
 * with each of the workspace's reasons, a light before it (green, amber);
 * and "Get next conversation" as an icon button beside it. Each change
 * dispatches `setAvailability`. With routing on, going Available hands the
 * user the conversation in New that has waited longest; the toggle then
 * fires `next-conversation` and, unless that event is cancelled, opens it
 * in the store. "Get next conversation" (`takeNext`) does the same on
 * demand while available. What happened is told as an `inbox-notice` (the
 * app's toast region shows it); used alone, the toggle shows it itself.
 * Works inside an `<inbox-provider>` or with `.store`.
 *
 * @fires next-conversation - {NextConversationEvent} Routing handed the user a conversation; cancel to keep the open one.
 * @fires inbox-notice - {InboxNoticeEvent} What "Get next conversation" or going Available did ("A conversation was assigned to you."); cancel it to show it yourself.
 *
 * @csspart select - The availability select (Available, Away, Away with a reason).
 * @csspart light - The light before it: the Available or the Away colour.
 * @csspart next - The "Get next conversation" icon button.
 * @csspart status - The line that reports what happened, when no toast region took the notice.
 *
 * @cssprop --inbox-availability-available-color - The Available light. Defaults to `--inbox-status-open` (green).
 * @cssprop --inbox-availability-away-color - The Away light. Defaults to `--inbox-status-waiting` (amber).
 *
 * @cssstate available - The user is available.
 * @cssstate away - The user is away.
 */
export class AvailabilityToggle extends InboxElement {
  static override styles = [InboxElement.styles, controlStyles, iconButtonStyles, styles];

  static override properties: PropertyDeclarations = {
    noNext: { type: Boolean, attribute: 'no-next' },
    status: { state: true, attribute: false },
  };

  /** Hides the "Get next conversation" button. */
  noNext = false;

  /** What the last action did, for the status line. */
  private status = '';

  readonly #user = new StoreController(this, selectUser);
  readonly #settings = new StoreController(this, selectSettings);
  readonly #internals = this.attachInternals();

  get #store(): InboxStore | undefined {
    return this.#user.store;
  }

  /**
   * Runs a command that may hand the user a conversation (R11), then
   * announces and opens it.
   */
  #route(run: (store: InboxStore, userId: Id) => boolean): void {
    const store = this.#store;
    const user = this.#user.value;
    if (!store || !user) return;
    const candidate = nextForRouting(store.state.model, { ...user, availability: 'available' });
    if (!run(store, user.id)) return;
    const handed = candidate && store.state.model.conversations.get(candidate.id);
    if (handed?.assignee?.type === 'user' && handed.assignee.id === user.id && candidate?.assignee === null) {
      this.#tell(msg('A conversation was assigned to you.', { id: 'availability.handed' }));
      if (this.dispatchEvent(new NextConversationEvent(handed.id))) store.openConversation(handed.id);
    } else {
      this.#tell(msg('No conversation is waiting.', { id: 'availability.noneWaiting' }));
    }
  }

  /** A notice for the app's toast region; shown here only when nobody around takes it (the toggle alone). */
  #tell(message: string): void {
    if (this.dispatchEvent(new InboxNoticeEvent(message))) this.status = message;
  }

  #set(availability: Availability, reason?: string): void {
    const user = this.#user.value;
    if (!user) return;
    this.status = '';
    if (availability === 'available') {
      const dispatch = (store: InboxStore, userId: Id) => store.dispatch('setAvailability', { userId, availability }).ok;
      // R11: with routing on, going Available hands over the next conversation.
      if (this.#settings.value?.routing) this.#route(dispatch);
      else if (this.#store) dispatch(this.#store, user.id);
      return;
    }
    const reasons = this.#settings.value?.awayReasons ?? [];
    const chosen = reason !== undefined && reasons.includes(reason) ? reason : undefined;
    this.#store?.dispatch('setAvailability', {
      userId: user.id,
      availability,
      ...(chosen ? { reason: chosen } : {}),
    });
  }

  #takeNext(): void {
    this.status = '';
    this.#route((store) => store.dispatch('takeNext', {}).ok);
  }

  protected override updated(): void {
    const states = this.#internals.states;
    states.clear();
    const availability = this.#user.value?.availability;
    if (availability) states.add(availability);
  }

  protected override render() {
    const user = this.#user.value;
    const disabled = !user || !user.active;
    const availability = user?.availability ?? 'available';
    const reasons = this.#settings.value?.awayReasons ?? [];
    const reason = availability === 'away' && user?.awayReason && reasons.includes(user.awayReason) ? user.awayReason : '';
    const value = availability === 'away' && reason ? `away:${reason}` : availability;
    const next = msg('Get next conversation', { id: 'availability.next' });
    return html`<div class="wrap">
      <label class="status ${availability}"
        ><span part="light" class="light" aria-hidden="true"></span
        ><span class="visually-hidden">${msg('Availability', { id: 'availability.label' })}</span
        ><select part="select" class="control" ?disabled=${disabled} @change=${this.#onChange}>
          <option value="available" ?selected=${value === 'available'}>${msg('Available', { id: 'availability.available' })}</option>
          <option value="away" ?selected=${value === 'away'}>${msg('Away', { id: 'availability.away' })}</option>
          ${reasons.length > 0
            ? html`<optgroup label=${msg('Away reason', { id: 'availability.reason' })}>
                ${reasons.map(
                  (r) => html`<option value=${`away:${r}`} ?selected=${value === `away:${r}`}>
                    ${msg('Away', { id: 'availability.away' })} · ${awayReasonLabel(r)}
                  </option>`,
                )}
              </optgroup>`
            : nothing}
        </select></label
      >
      ${this.noNext
        ? nothing
        : html`<button
            part="next"
            class="icon-button"
            type="button"
            aria-label=${next}
            title=${next}
            ?disabled=${disabled || availability === 'away'}
            @click=${this.#takeNext}
          >
            ${icon(ArrowDownToLine, { size: 18 })}
          </button>`}
      <span part="status" class="status-line" role="status">${this.status}</span>
    </div>`;
  }

  #onChange = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    if (value === 'available') this.#set('available');
    else this.#set('away', value.startsWith('away:') ? value.slice('away:'.length) : undefined);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'availability-toggle': AvailabilityToggle;
  }
}

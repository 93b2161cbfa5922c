import { LitElement, html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { updateWhenLocaleChanges, msg } from '@lit/localize';
import { StoreController } from '../../controllers/store.controller.js';
import { NextConversationEvent } from '../../events/next-conversation.js';
import { InboxNoticeEvent } from '../../events/inbox-notice.js';
import { nextForRouting } from '../../model/rules.people.js';
import type { Availability, Id, Settings, User } from '../../model/types.js';
import type { InboxStore, StoreState } from '../../store/inbox-store.js';
import { tokens } from '../../styles/tokens.js';
import { hostStyles } from '../../styles/host-styles.js';
import { controlStyles } from '../../styles/controls.js';
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
 * Two radio buttons in a group (the arrows switch, as in any radio group)
 * and, while away, a select of the workspace's away reasons, whose place is
 * kept while available: the control has one size, whatever the state. Each
 * change dispatches `setAvailability`. With routing on, going Available hands the
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
 * @csspart switch - The pair of radio buttons.
 * @csspart available - The Available option.
 * @csspart away - The Away option.
 * @csspart reason - The away reason select.
 * @csspart next - The "Get next conversation" button.
 * @csspart status - The line that reports what happened, when no toast region took the notice.
 *
 * @cssprop --inbox-availability-available-color - The Available light. Defaults to `--inbox-status-open` (green).
 * @cssprop --inbox-availability-away-color - The Away light. Defaults to `--inbox-status-waiting` (amber).
 *
 * @cssstate available - The user is available.
 * @cssstate away - The user is away.
 */
export class AvailabilityToggle extends LitElement {
  static {
    this.addInitializer(updateWhenLocaleChanges); // re-renders on setLocale(), as @localized() would
  }

  static override styles = [tokens, hostStyles, controlStyles, styles];

  static override properties: PropertyDeclarations = {
    store: { attribute: false },
    noNext: { type: Boolean, attribute: 'no-next' },
    status: { state: true, attribute: false },
  };

  /** The store; by default the nearest `<inbox-provider>`'s. */
  store: InboxStore | undefined;

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
    const chosen = reason ?? (user.awayReason && reasons.includes(user.awayReason) ? user.awayReason : undefined);
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
    return html`<div class="wrap">
      <fieldset>
        <legend class="visually-hidden">${msg('Availability', { id: 'availability.label' })}</legend>
        <div part="switch" class="switch">
          ${this.#radio('available', msg('Available', { id: 'availability.available' }), availability, disabled)}
          ${this.#radio('away', msg('Away', { id: 'availability.away' }), availability, disabled)}
        </div>
      </fieldset>
      ${reasons.length > 0
        ? html`<label class=${availability === 'away' ? 'reason' : 'reason reason--idle'}
            ><span class="visually-hidden">${msg('Away reason', { id: 'availability.reason' })}</span
            ><select
              part="reason"
              class="control"
              ?disabled=${disabled || availability !== 'away'}
              aria-hidden=${availability === 'away' ? nothing : 'true'}
              tabindex=${availability === 'away' ? nothing : '-1'}
              @change=${(e: Event) => this.#set('away', (e.target as HTMLSelectElement).value || undefined)}
            >
              <option value="" ?selected=${!user?.awayReason}>${msg('No reason', { id: 'availability.noReason' })}</option>
              ${reasons.map((r) => html`<option value=${r} ?selected=${user?.awayReason === r}>${awayReasonLabel(r)}</option>`)}
            </select></label
          >`
        : nothing}
      ${this.noNext
        ? nothing
        : html`<button part="next" class="control" type="button" ?disabled=${disabled || availability === 'away'} @click=${this.#takeNext}>
            ${msg('Get next conversation', { id: 'availability.next' })}
          </button>`}
      <span part="status" class="status" role="status">${this.status}</span>
    </div>`;
  }

  #radio(value: Availability, label: string, current: Availability, disabled: boolean): TemplateResult {
    return html`<label part=${value} class="option ${value}"
      ><input
        type="radio"
        name="availability"
        .value=${value}
        .checked=${live(current === value)}
        ?disabled=${disabled}
        @change=${() => this.#set(value)}
      /><span class="light" aria-hidden="true"></span>${label}</label
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'availability-toggle': AvailabilityToggle;
  }
}

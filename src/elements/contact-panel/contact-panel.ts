import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { Subscription } from 'rxjs';
import { RovingFocusController } from '../../controllers/roving-focus.controller.js';
import { DEV_MODE, devWarn } from '../../dev-mode.js';
import { ContactFieldsChangeEvent } from '../../events/contact-fields-change.js';
import { ConversationOpenEvent } from '../../events/conversation-open.js';
import { duplicateSuggestions } from '../../model/duplicates.js';
import type { Contact, Conversation, Id, InboxState } from '../../model/types.js';
import type { InboxStore, StoreError, StoreState } from '../../store/inbox-store.js';
import { avatar, avatarStyles } from '../shared/avatar.js';
import { callBadgeStyles } from '../shared/call-summary.js';
import { InboxElement } from '../shared/inbox-element.js';
import { activityOf, conversationsOf, renderActivity, type ContactActivity } from './contact-activity.js';
import { fieldLabel, isFieldKey, type FieldKey } from './contact-labels.js';
import { styles } from './contact-panel.styles.js';
import { FieldEditor } from './field-editor.js';
import { FieldOrderMenu, shownFields } from './field-order.js';
import { HostTabsController } from './host-tabs.controller.js';
import { MergeSuggestions } from './merge-suggestions.js';
import type { PanelHost } from './panel-host.js';

export { STANDARD_FIELDS, type FieldKey } from './contact-labels.js';

const select = (s: StoreState) => ({
  model: s.model,
  userId: s.userId,
  openId: s.ui.openId,
  paging: s.paging,
  ready: s.ready,
});
type Slice = ReturnType<typeof select>;
const sameSlice = (a: Slice, b: Slice) =>
  a.model.contacts === b.model.contacts &&
  a.model.conversations === b.model.conversations &&
  a.model.timelines === b.model.timelines &&
  a.model.users === b.model.users &&
  a.model.channels === b.model.channels &&
  a.openId === b.openId &&
  a.userId === b.userId &&
  a.paging === b.paging &&
  a.ready === b.ready;

/** A command dispatched from the panel, and what to do if the backend refuses it. */
interface Sent {
  readonly contactId: Id;
  readonly refused: (reason: string) => void;
}

const BUILT_IN_TABS = ['details', 'activity'] as const;
/** How many of the contact's conversations have their history loaded at a time (Activity tab). */
const HISTORY_STEP = 5;
const CONVERSATION_STEP = 10;

const fieldsConverter = {
  fromAttribute: (value: string | null): readonly string[] | undefined =>
    value === null
      ? undefined
      : value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean),
  toAttribute: (value: readonly string[] | undefined): string | undefined => value?.join(','),
};

let instances = 0;

/**
 * One remembered result, recomputed only when one of its keys changes
 * (===). The keys name the parts of the state the computation reads, so
 * that, say, a conversation changing does not recompute the duplicates;
 * the state itself comes last and is not a key.
 */
function memoOne<K extends readonly unknown[], R>(
  compute: (state: InboxState, ...keys: K) => R,
): (state: InboxState, ...keys: K) => R {
  let last: K | null = null;
  let result!: R;
  return (state, ...keys) => {
    if (last?.length === keys.length && keys.every((key, i) => key === last![i])) return result;
    last = keys;
    result = compute(state, ...keys);
    return result;
  };
}

/** Below this width (26rem at 16 px) a detail's value gets a line of its own. */
const NARROW_PX = 416;

/**
 * @summary A contact's details, duplicates and history beside a
 * conversation (DESIGN.md section 5): phones, e-mails, country, language,
 * company and custom attributes edited inline with validation, merge
 * suggestions, the contact's other conversations, calls and activities,
 * and tabs of the host's own CRM.
 *
 * Which contact: `contact-id` if set, else the contact of `conversation-id`,
 * else the contact of the conversation open in the store (it follows the
 * selection inside an `<inbox-provider>`).
 *
 * **Details.** Each field has an Edit button that turns it into inputs
 * (Enter or Save saves, Esc or Cancel cancels). Phones and e-mails are
 * checked with model/contacts.ts before anything is sent: an invalid one is
 * refused with a message beside it (`aria-invalid`, `aria-describedby`) and
 * what was typed stays. The rules check again (`updateContact`), and a
 * refusal from the backend reopens the editor with the typed values and
 * the reason. `fields` (attribute: a comma list) chooses which fields show
 * and in what order; custom attributes show under the host's labels
 * (`fieldLabels`, key to label, e.g. `{ customerSince: 'Client depuis' }`)
 * or else a readable form of their key ("customerSince" → "Customer
 * since"), and their dates and numbers as the inbox's locale writes them
 * (`Intl`). The Customize menu changes it with checkboxes and
 * Up / Down buttons and fires `contact-fields-change`, for the host to
 * keep. Merge suggestions list the other contacts that share a normalised
 * phone or an e-mail; Merge, after a confirmation, dispatches
 * `mergeContacts` with this contact as the target.
 *
 * **Activity.** The contact's other conversations (Enter or a click opens
 * one through the store and fires `conversation-open`), and the calls,
 * internal comments and history events of the conversations whose history
 * is loaded: the tab loads the newest five and says how many it covers.
 *
 * **Host tabs.** Put `<div slot="tab" data-tab="hubspot">HubSpot</div>` and
 * `<div slot="panel-hubspot">…</div>` inside the panel: the tab joins
 * Details and Activity (one tab stop, arrow keys, Home, End) and shows its
 * panel when selected. The panel sets `role`, `id`, `aria-selected`,
 * `aria-controls` and `aria-labelledby` on them.
 *
 * @slot tab - Host tabs, each with `data-tab="<key>"` naming its panel (else its text, lower case).
 * @slot panel-<key> - The panel of the host tab `<key>`, shown while that tab is selected.
 *
 * @fires contact-fields-change - {ContactFieldsChangeEvent} The shown fields or their order changed in the Customize menu.
 * @fires conversation-open - {ConversationOpenEvent} A conversation of the contact was opened from the Activity tab.
 *
 * @csspart header - The contact's avatar, name and its Edit button.
 * @csspart avatar - The contact's avatar.
 * @csspart name - The contact's name.
 * @csspart tabs - The tab list.
 * @csspart tab - A built-in tab (Details, Activity).
 * @csspart panel - A built-in tab panel.
 * @csspart fields - The list of details.
 * @csspart field - One detail: label, value and Edit button, or its editor.
 * @csspart edit - An Edit button.
 * @csspart editor - An inline editor.
 * @csspart input - An input of an inline editor.
 * @csspart error - A validation message or refusal.
 * @csspart save - An editor's Save button.
 * @csspart cancel - An editor's Cancel button.
 * @csspart customize - The Customize button.
 * @csspart customize-menu - The Customize menu.
 * @csspart suggestions - The merge suggestions.
 * @csspart suggestion - One merge suggestion.
 * @csspart merge - A Merge button (the suggestion's and the confirmation's).
 * @csspart conversations - The list of the contact's other conversations.
 * @csspart conversation - One of them (a button).
 * @csspart calls - The list of calls.
 * @csspart call - One call.
 * @csspart call-summary - How a call went, as a badge ("Incoming · 4:12", "Missed call").
 * @csspart activities - The list of comments and events.
 * @csspart activity - One comment or event.
 * @csspart empty - The message shown without a contact.
 *
 * @cssprop --inbox-contact-panel-error-color - Validation messages and invalid inputs. Defaults to `--inbox-status-blocked` (red).
 * @cssprop --inbox-contact-panel-gap - The padding of the header and the panels. Defaults to `--inbox-space-4`.
 *
 * @cssstate narrow - The panel is narrower than 26rem (a pane or sheet beside a conversation): each
 * detail shows its label and Edit button on one line and its value whole on the next.
 */
export class ContactPanel extends InboxElement {
  static override styles = [...(InboxElement.styles as []), avatarStyles, callBadgeStyles, styles];

  static override properties: PropertyDeclarations = {
    fieldLabels: { attribute: 'field-labels', type: Object },
    contactId: { attribute: 'contact-id' },
    conversationId: { attribute: 'conversation-id' },
    fields: { converter: fieldsConverter },
    tab: { reflect: true },
    announcement: { state: true, attribute: false },
    historyLimit: { state: true, attribute: false },
    conversationLimit: { state: true, attribute: false },
  };

  /**
   * Headings for custom attributes, by key (`{ customerSince: 'Customer
   * since' }`); as an attribute, JSON. A key without one shows in a readable
   * form ("customerSince" → "Customer since").
   */
  fieldLabels: Readonly<Record<string, string>> | undefined;

  /** Show this contact, whatever conversation is open. */
  contactId: Id | undefined;

  /** Show the contact of this conversation (a CRM page), rather than the open one's. */
  conversationId: Id | undefined;

  /**
   * The fields shown, in order: `phones`, `emails`, `company`, `country`,
   * `language` and `custom:<attribute>`. As an attribute, a comma list. By
   * default the five standard fields, then the contact's custom attributes.
   */
  fields: readonly string[] | undefined;

  /** The selected tab: `details`, `activity` or a host tab's key. */
  tab = 'details';

  private announcement = '';
  private historyLimit = HISTORY_STEP;
  private conversationLimit = CONVERSATION_STEP;

  readonly #data = this.select(select, sameSlice);
  readonly #uid = `contact-panel-${String(++instances)}`;
  readonly #sent = new Map<Id, Sent>();
  readonly #requested = new Set<Id>();
  #errors: Subscription | undefined;
  #errorsStore: InboxStore | undefined;
  #shownContactId: Id | null = null;

  readonly #panel: PanelHost = {
    element: this,
    uid: this.#uid,
    store: () => this.#store,
    fieldLabel: (key) => fieldLabel(key, this.fieldLabels),
    announce: (text) => (this.announcement = text),
    track: (commandId, contactId, refused) => this.#sent.set(commandId, { contactId, refused }),
  };
  readonly #editing = new FieldEditor(this.#panel);
  readonly #fieldOrder = new FieldOrderMenu(this.#panel, (next) => this.#setFields(next));
  readonly #merging = new MergeSuggestions(this.#panel);
  readonly #hostTabs = new HostTabsController(this, this.#uid, () => this.#selectedTab());

  readonly #suggestions = memoOne((state, _contacts: InboxState['contacts'], id: Id) => duplicateSuggestions(state, id));
  readonly #conversations = memoOne((state, _conversations: InboxState['conversations'], id: Id) =>
    conversationsOf(state, id),
  );
  readonly #activity = memoOne(
    (state, _timelines: InboxState['timelines'], list: readonly Conversation[]): ContactActivity => activityOf(state, list),
  );

  constructor() {
    super();
    new RovingFocusController(this, {
      elements: () => this.#tabElements(),
      orientation: 'horizontal',
      focusIndex: () => this.#tabKeys().indexOf(this.#selectedTab()),
    });
  }

  readonly #internals = this.attachInternals();
  /** Narrow or not, by the panel's own width (no container: a panel sized by its content must not collapse). */
  readonly #resizes = new ResizeObserver(([entry]) => {
    const narrow = (entry?.contentRect.width ?? 0) < NARROW_PX;
    if (narrow === this.#internals.states.has('narrow')) return;
    // In the next frame: the new layout changes the panel's height, which this observer would see in this one (a loop).
    requestAnimationFrame(() => {
      if (narrow) this.#internals.states.add('narrow');
      else this.#internals.states.delete('narrow');
    });
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resizes.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizes.disconnect();
    this.#errors?.unsubscribe();
    this.#errors = undefined;
    this.#errorsStore = undefined;
  }

  get #store(): InboxStore | undefined {
    return this.#data.store;
  }

  // ---- which contact ----

  /** The conversation followed: `conversation-id`, else the open one (unless `contact-id` names the contact). */
  #followedId(data: Slice): Id | null {
    if (this.conversationId) return this.conversationId;
    return this.contactId ? null : data.openId;
  }

  #contact(data: Slice): Contact | undefined {
    const followed = this.#followedId(data);
    const id = this.contactId ?? (followed ? data.model.conversations.get(followed)?.contactId : undefined);
    return id === undefined ? undefined : data.model.contacts.get(id);
  }

  // ---- lifecycle ----

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (DEV_MODE && changed.has('fields')) {
      for (const field of this.fields ?? []) {
        if (!isFieldKey(field)) devWarn(`contact-panel-field:${field}`, `<contact-panel>: unknown field "${field}" in fields.`);
      }
    }
    const data = this.#data.value;
    const contactId = data ? (this.#contact(data)?.id ?? null) : null;
    if (contactId !== this.#shownContactId) {
      // Another contact: what was being edited or confirmed belonged to the last one.
      this.#shownContactId = contactId;
      this.#editing.reset();
      this.#merging.reset();
      this.historyLimit = HISTORY_STEP;
      this.conversationLimit = CONVERSATION_STEP;
    }
  }

  protected override updated(): void {
    this.#watchErrors();
    // Loading changes the store's paging at once: after this update, not inside it.
    queueMicrotask(() => this.#loadHistory());
  }

  #watchErrors(): void {
    const store = this.#store;
    if (store === this.#errorsStore) return;
    this.#errors?.unsubscribe();
    this.#errorsStore = store;
    this.#sent.clear();
    this.#requested.clear();
    this.#errors = store?.errors$.subscribe((error) => this.#rejected(error));
  }

  /** A backend refusal of an edit or merge sent from here: show it where it was made, with what was typed. */
  #rejected(error: StoreError): void {
    if (error.kind !== 'rejected') return;
    const sent = this.#sent.get(error.command.id);
    if (!sent) return;
    this.#sent.delete(error.command.id);
    if (sent.contactId !== this.#shownContactId) return;
    sent.refused(error.refusal.reason);
    this.announcement = error.refusal.reason;
  }

  /** Activity tab: the newest conversations' history, `historyLimit` of them. */
  #loadHistory(): void {
    const data = this.#data.value;
    const store = this.#store;
    if (!data || !store || this.#selectedTab() !== 'activity') return;
    const contact = this.#contact(data);
    if (!contact) return;
    for (const c of this.#conversations(data.model, data.model.conversations, contact.id).slice(0, this.historyLimit)) {
      if (data.model.timelines.has(c.id) || data.paging.get(c.id)?.loading || this.#requested.has(c.id)) continue;
      this.#requested.add(c.id);
      void store.loadTimeline(c.id);
    }
  }

  // ---- tabs ----

  #tabKeys(): string[] {
    return [...BUILT_IN_TABS, ...this.#hostTabs.keys()];
  }

  #selectedTab(): string {
    return this.#tabKeys().includes(this.tab) ? this.tab : 'details';
  }

  #tabElements(): HTMLElement[] {
    const own = [...this.renderRoot.querySelectorAll<HTMLElement>('[role=tab][data-tab]')];
    return [...own, ...this.#hostTabs.elements()];
  }

  #tabFromEvent(event: Event): string | null {
    for (const node of event.composedPath()) {
      if (!(node instanceof HTMLElement)) continue;
      if (node.getAttribute('role') === 'tab') {
        return node.dataset.tab && this.renderRoot.contains(node) ? node.dataset.tab : this.#hostTabs.keyOf(node);
      }
      if (node.getAttribute('role') === 'tablist') return null;
    }
    return null;
  }

  // Automatic activation: a tab focused (arrow keys, a click) is selected.
  #onTabFocus = (event: Event): void => {
    const key = this.#tabFromEvent(event);
    if (key !== null && key !== this.tab) this.tab = key;
  };

  // ---- actions ----

  #setFields(next: readonly FieldKey[]): void {
    this.fields = next;
    this.dispatchEvent(new ContactFieldsChangeEvent(next));
  }

  #open(conversationId: Id): void {
    this.#store?.openConversation(conversationId);
    this.dispatchEvent(new ConversationOpenEvent(conversationId));
  }

  // ---- rendering ----

  protected override render() {
    const data = this.#data.value;
    const contact = data ? this.#contact(data) : undefined;
    if (!data || !contact) {
      const text =
        data && !data.ready
          ? msg('Loading the contact…', { id: 'contactPanel.loading' })
          : msg('No contact to show.', { id: 'contactPanel.empty' });
      return html`<p class="empty" part="empty">${text}</p><slot name="tab" hidden @slotchange=${this.#hostTabs.onSlotChange}></slot>`;
    }
    const selected = this.#selectedTab();
    return html`
      <header part="header">
        ${avatar(contact, { part: 'avatar' })} ${this.#editing.name(contact)}
        ${contact.blocked ? html`<status-badge state="blocked"></status-badge>` : nothing}
      </header>
      <div
        role="tablist"
        part="tabs"
        aria-label=${msg(str`About ${contact.name}`, { id: 'contactPanel.tabs' })}
        @focusin=${this.#onTabFocus}
        @click=${this.#onTabFocus}
      >
        ${this.#tab('details', msg('Details', { id: 'contactPanel.tab.details' }), selected)}
        ${this.#tab('activity', msg('Activity', { id: 'contactPanel.tab.activity' }), selected)}
        <slot name="tab" @slotchange=${this.#hostTabs.onSlotChange}></slot>
      </div>
      <div
        role="tabpanel"
        part="panel"
        id=${`${this.#uid}-panel-details`}
        aria-labelledby=${`${this.#uid}-tab-details`}
        ?hidden=${selected !== 'details'}
      >
        ${selected === 'details' ? this.#details(contact, data) : nothing}
      </div>
      <div
        role="tabpanel"
        part="panel"
        id=${`${this.#uid}-panel-activity`}
        aria-labelledby=${`${this.#uid}-tab-activity`}
        ?hidden=${selected !== 'activity'}
      >
        ${selected === 'activity' ? this.#activityPanel(contact, data) : nothing}
      </div>
      ${this.#hostTabs.keys().map(
        (key) => html`<div class="host-panel" ?hidden=${selected !== key}><slot name=${`panel-${key}`}></slot></div>`,
      )}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  #tab(key: (typeof BUILT_IN_TABS)[number], label: string, selected: string): TemplateResult {
    return html`<button
      type="button"
      role="tab"
      part="tab"
      data-tab=${key}
      id=${`${this.#uid}-tab-${key}`}
      aria-selected=${key === selected ? 'true' : 'false'}
      aria-controls=${`${this.#uid}-panel-${key}`}
    >
      ${label}
    </button>`;
  }

  #details(contact: Contact, data: Slice): TemplateResult {
    const shown = shownFields(this.fields, contact);
    const model = data.model;
    const suggestions = this.#suggestions(model, model.contacts, contact.id);
    const conversationCount = (id: Id) => this.#conversations(model, model.conversations, id).length;
    return html`
      <dl part="fields">
        ${repeat(
          shown,
          (key) => key,
          (key) => this.#editing.field(key, contact),
        )}
      </dl>
      ${shown.length === 0
        ? html`<p class="muted">${msg('No field is shown; choose some with Customize.', { id: 'contactPanel.noFields' })}</p>`
        : nothing}
      ${this.#fieldOrder.render(contact, shown)} ${this.#merging.render(contact, suggestions, conversationCount)}
    `;
  }

  #activityPanel(contact: Contact, data: Slice): TemplateResult {
    const all = this.#conversations(data.model, data.model.conversations, contact.id);
    return renderActivity({
      model: data.model,
      userId: data.userId,
      uid: this.#uid,
      conversations: all,
      followedId: this.#followedId(data),
      activity: this.#activity(data.model, data.model.timelines, all),
      loading: all.some((c) => data.paging.get(c.id)?.loading),
      conversationLimit: this.conversationLimit,
      showAll: (count) => (this.conversationLimit = count),
      loadMoreHistory: () => (this.historyLimit += HISTORY_STEP),
      open: (id) => this.#open(id),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'contact-panel': ContactPanel;
  }
}

import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import type { Subscription } from 'rxjs';
import { RovingFocusController } from '../../controllers/roving-focus.controller.js';
import { StoreController } from '../../controllers/store.controller.js';
import { DEV_MODE, devWarn } from '../../dev-mode.js';
import { ContactFieldsChangeEvent } from '../../events/contact-fields-change.js';
import { ConversationOpenEvent } from '../../events/conversation-open.js';
import { getLocale } from '../../i18n/localization.js';
import {
  cleanContactPatch,
  duplicateSuggestions,
  validateContactPatch,
  type ContactPatch,
  type DuplicateSuggestion,
} from '../../model/contacts.js';
import type { Contact, Conversation, Id, InboxState } from '../../model/types.js';
import type { InboxStore, StoreError, StoreState } from '../../store/inbox-store.js';
import { hostStyles } from '../../styles/host-styles.js';
import { tokens } from '../../styles/tokens.js';
import { activityOf, conversationsOf, renderActivity, type ContactActivity } from './contact-activity.js';
import {
  STANDARD_FIELDS,
  customKey,
  entryLabel,
  fieldLabel,
  isFieldKey,
  problemMessage,
  type EditKey,
  type FieldKey,
} from './contact-labels.js';
import { styles } from './contact-panel.styles.js';

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

/** An inline editor's state: what is typed, and what is wrong with it. */
interface Editor {
  readonly values: readonly string[];
  /** Per input, a localized problem, or null. */
  readonly errors: readonly (string | null)[];
  /** A refusal of the whole field (from the rules or the backend), shown under the first input. */
  readonly message: string | null;
}

/** What a dispatched command edited, to reopen its editor if the backend refuses it. */
type Sent =
  | { readonly kind: 'edit'; readonly contactId: Id; readonly key: EditKey; readonly values: readonly string[] }
  | { readonly kind: 'merge'; readonly contactId: Id; readonly sourceId: Id };

interface HostTab {
  readonly key: string;
  readonly el: HTMLElement;
}

const BUILT_IN_TABS = ['details', 'activity'] as const;
/** How many of the contact's conversations have their history loaded at a time (Activity tab). */
const HISTORY_STEP = 5;
const CONVERSATION_STEP = 10;

const isList = (key: EditKey): key is 'phones' | 'emails' => key === 'phones' || key === 'emails';

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
 * and in what order; the Customize menu changes it with checkboxes and
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
 * @csspart header - The contact's name and its Edit button.
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
 * @csspart activities - The list of comments and events.
 * @csspart activity - One comment or event.
 * @csspart empty - The message shown without a contact.
 *
 * @cssprop --inbox-contact-panel-error-color - Validation messages and invalid inputs. Defaults to `--inbox-status-blocked` (red).
 * @cssprop --inbox-contact-panel-gap - The padding of the header and the panels. Defaults to `--inbox-space-4`.
 */
@localized()
export class ContactPanel extends LitElement {
  static override styles = [tokens, hostStyles, styles];

  /** The store; by default the nearest `<inbox-provider>`'s. */
  @property({ attribute: false }) store: InboxStore | undefined;

  /** Show this contact, whatever conversation is open. */
  @property({ attribute: 'contact-id' }) contactId: Id | undefined;

  /** Show the contact of this conversation (a CRM page), rather than the open one's. */
  @property({ attribute: 'conversation-id' }) conversationId: Id | undefined;

  /**
   * The fields shown, in order: `phones`, `emails`, `company`, `country`,
   * `language` and `custom:<attribute>`. As an attribute, a comma list. By
   * default the five standard fields, then the contact's custom attributes.
   */
  @property({ converter: fieldsConverter }) fields: readonly string[] | undefined;

  /** The selected tab: `details`, `activity` or a host tab's key. */
  @property({ reflect: true }) tab = 'details';

  @state() private editors: ReadonlyMap<EditKey, Editor> = new Map();
  @state() private customizing = false;
  @state() private confirming: Id | null = null;
  @state() private mergeErrors: ReadonlyMap<Id, string> = new Map();
  @state() private announcement = '';
  @state() private hostTabs: readonly HostTab[] = [];
  @state() private historyLimit = HISTORY_STEP;
  @state() private conversationLimit = CONVERSATION_STEP;

  readonly #data = new StoreController(this, select, sameSlice);
  readonly #uid = `contact-panel-${String(++instances)}`;
  readonly #sent = new Map<Id, Sent>();
  readonly #requested = new Set<Id>();
  #errors: Subscription | undefined;
  #errorsStore: InboxStore | undefined;
  #shownContactId: Id | null = null;

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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
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

  // ---- fields ----

  #shownFields(contact: Contact): FieldKey[] {
    if (!this.fields) {
      return [...STANDARD_FIELDS, ...Object.keys(contact.attributes).map((key): FieldKey => `custom:${key}`)];
    }
    return [...new Set(this.fields.filter(isFieldKey))];
  }

  /** Every field the Customize menu offers: the shown ones in order, then the rest. */
  #candidateFields(contact: Contact, shown: readonly FieldKey[]): FieldKey[] {
    const all: FieldKey[] = [...STANDARD_FIELDS, ...Object.keys(contact.attributes).map((key): FieldKey => `custom:${key}`)];
    return [...shown, ...all.filter((key) => !shown.includes(key))];
  }

  #values(key: EditKey, contact: Contact): string[] {
    switch (key) {
      case 'name':
        return [contact.name];
      case 'phones':
        return [...contact.phones];
      case 'emails':
        return [...contact.emails];
      case 'company':
      case 'country':
      case 'language':
        return [contact[key] ?? ''];
      default:
        return [contact.attributes[customKey(key) ?? ''] ?? ''];
    }
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
      this.editors = new Map();
      this.confirming = null;
      this.mergeErrors = new Map();
      this.historyLimit = HISTORY_STEP;
      this.conversationLimit = CONVERSATION_STEP;
    }
  }

  protected override updated(): void {
    this.#watchErrors();
    this.#applyHostTabAria();
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
    if (sent.kind === 'edit') {
      this.#setEditor(sent.key, { values: sent.values, errors: [], message: error.refusal.reason });
      void this.#focus(`[data-editor="${sent.key}"] input`);
    } else {
      this.mergeErrors = new Map(this.mergeErrors).set(sent.sourceId, error.refusal.reason);
    }
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

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // ---- tabs ----

  #tabKeys(): string[] {
    return [...BUILT_IN_TABS, ...this.hostTabs.map((t) => t.key)];
  }

  #selectedTab(): string {
    return this.#tabKeys().includes(this.tab) ? this.tab : 'details';
  }

  #tabElements(): HTMLElement[] {
    const own = [...this.renderRoot.querySelectorAll<HTMLElement>('[role=tab][data-tab]')];
    return [...own, ...this.hostTabs.map((t) => t.el)];
  }

  #onTabSlot = (event: Event): void => {
    const slot = event.target as HTMLSlotElement;
    this.hostTabs = slot
      .assignedElements()
      .filter((el): el is HTMLElement => el instanceof HTMLElement)
      .map((el) => ({ key: el.dataset.tab ?? (el.textContent || '').trim().toLowerCase().replace(/\s+/g, '-'), el }));
  };

  /** The host's tabs and panels live in its light DOM: the panel gives them their roles and links. */
  #applyHostTabAria(): void {
    const selected = this.#selectedTab();
    for (const { key, el } of this.hostTabs) {
      el.setAttribute('role', 'tab');
      el.id ||= `${this.#uid}-tab-${key}`;
      el.setAttribute('aria-selected', String(key === selected));
      const panel = [...this.children].find(
        (child): child is HTMLElement => child instanceof HTMLElement && child.slot === `panel-${key}`,
      );
      if (panel) {
        panel.setAttribute('role', 'tabpanel');
        panel.id ||= `${this.#uid}-panel-${key}`;
        panel.setAttribute('aria-labelledby', el.id);
        el.setAttribute('aria-controls', panel.id);
      }
    }
  }

  #tabFromEvent(event: Event): string | null {
    for (const node of event.composedPath()) {
      if (!(node instanceof HTMLElement)) continue;
      if (node.getAttribute('role') === 'tab') {
        return node.dataset.tab && this.renderRoot.contains(node)
          ? node.dataset.tab
          : (this.hostTabs.find((t) => t.el === node)?.key ?? null);
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

  // ---- editing ----

  #setEditor(key: EditKey, editor: Editor | null): void {
    const next = new Map(this.editors);
    if (editor) next.set(key, editor);
    else next.delete(key);
    this.editors = next;
  }

  #startEdit(key: EditKey, contact: Contact): void {
    const values = this.#values(key, contact);
    this.#setEditor(key, { values: values.length > 0 ? values : [''], errors: [], message: null });
    void this.#focus(`[data-editor="${key}"] input`);
  }

  #cancel(key: EditKey): void {
    this.#setEditor(key, null);
    void this.#focus(`[data-edit="${key}"]`);
  }

  #input(key: EditKey, index: number, event: Event): void {
    const editor = this.editors.get(key);
    if (!editor) return;
    const values = [...editor.values];
    values[index] = (event.target as HTMLInputElement).value;
    const errors = [...editor.errors];
    errors[index] = null;
    this.#setEditor(key, { values, errors, message: null });
  }

  #addEntry(key: 'phones' | 'emails'): void {
    const editor = this.editors.get(key);
    if (!editor) return;
    this.#setEditor(key, { ...editor, values: [...editor.values, ''] });
    void this.#focus(`[data-editor="${key}"] [data-index="${String(editor.values.length)}"]`);
  }

  #removeEntry(key: 'phones' | 'emails', index: number): void {
    const editor = this.editors.get(key);
    if (!editor) return;
    const values = editor.values.filter((_, i) => i !== index);
    const errors = editor.errors.filter((_, i) => i !== index);
    this.#setEditor(key, { values: values.length > 0 ? values : [''], errors, message: null });
    const next = Math.min(index, values.length - 1);
    void this.#focus(next >= 0 ? `[data-editor="${key}"] [data-index="${next}"]` : `[data-editor="${key}"] input`);
  }

  /** The model's verdict on what is typed, input by input, localized. */
  #check(key: EditKey, values: readonly string[]): (string | null)[] {
    if (isList(key)) {
      return values.map((value) => {
        const typed = value.trim();
        if (typed === '') return null;
        const error = validateContactPatch({ [key]: [typed] })[0];
        return error ? problemMessage(error) : null;
      });
    }
    if (customKey(key) !== null) return [null];
    const error = validateContactPatch(cleanContactPatch({ [key]: values[0] ?? '' }))[0];
    return [error ? problemMessage(error) : null];
  }

  #patch(key: EditKey, values: readonly string[], contact: Contact): ContactPatch {
    if (isList(key)) return { [key]: values.map((v) => v.trim()).filter(Boolean) };
    const attribute = customKey(key);
    const value = values[0] ?? '';
    if (attribute === null) return { [key]: value };
    const others = Object.entries(contact.attributes).filter(([name]) => name !== attribute);
    const typed = value.trim();
    return { attributes: Object.fromEntries(typed ? [...others, [attribute, typed]] : others) };
  }

  #save(key: EditKey, contact: Contact): void {
    const editor = this.editors.get(key);
    const store = this.#store;
    if (!editor || !store) return;
    const errors = this.#check(key, editor.values);
    const invalid = errors.findIndex((error) => error !== null);
    if (invalid >= 0) {
      this.#setEditor(key, { ...editor, errors, message: null });
      void this.#focus(`[data-editor="${key}"] [data-index="${invalid}"]`);
      return;
    }
    const patch = this.#patch(key, editor.values, contact);
    const result = store.dispatch('updateContact', { contactId: contact.id, patch }, { undoable: false });
    if (!result.ok) {
      this.#setEditor(key, { ...editor, errors: [], message: result.refusal.reason });
      void this.#focus(`[data-editor="${key}"] input`);
      return;
    }
    this.#sent.set(result.command.id, { kind: 'edit', contactId: contact.id, key, values: editor.values });
    this.#setEditor(key, null);
    this.announcement = msg(str`${fieldLabel(key)} saved.`, { id: 'contactPanel.saved' });
    void this.#focus(`[data-edit="${key}"]`);
  }

  #editorKeydown(event: KeyboardEvent, key: EditKey, contact: Contact): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#cancel(key);
    } else if (event.key === 'Enter' && (event.target as HTMLElement).localName === 'input') {
      event.preventDefault();
      this.#save(key, contact);
    }
  }

  // ---- customize ----

  #setFields(next: readonly FieldKey[]): void {
    this.fields = next;
    this.dispatchEvent(new ContactFieldsChangeEvent(next));
  }

  #toggleField(key: FieldKey, shown: readonly FieldKey[]): void {
    const showing = shown.includes(key);
    this.#setFields(showing ? shown.filter((k) => k !== key) : [...shown, key]);
    this.announcement = showing
      ? msg(str`${fieldLabel(key)} hidden.`, { id: 'contactPanel.customize.hidden' })
      : msg(str`${fieldLabel(key)} shown.`, { id: 'contactPanel.customize.shown' });
  }

  #move(key: FieldKey, shown: readonly FieldKey[], by: -1 | 1): void {
    const from = shown.indexOf(key);
    const to = from + by;
    if (from < 0 || to < 0 || to >= shown.length) return;
    const next = [...shown];
    next.splice(from, 1);
    next.splice(to, 0, key);
    this.#setFields(next);
    const position = to + 1;
    const count = next.length;
    this.announcement = msg(str`${fieldLabel(key)} moved to position ${position} of ${count}.`, {
      id: 'contactPanel.customize.moved',
    });
    // The button pressed stays focused, unless the field reached the end it moved to.
    const atEnd = by < 0 ? to === 0 : to === count - 1;
    const direction = (by < 0) !== atEnd ? 'up' : 'down';
    void this.#focus(`[data-move="${direction}"][data-field="${CSS.escape(key)}"]`);
  }

  #customizeKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.customizing = false;
    void this.#focus('[part~=customize]');
  };

  // ---- merging ----

  #askMerge(sourceId: Id): void {
    this.confirming = sourceId;
    const errors = new Map(this.mergeErrors);
    errors.delete(sourceId);
    this.mergeErrors = errors;
    void this.#focus('[data-confirm-merge]');
  }

  #cancelMerge(sourceId: Id): void {
    this.confirming = null;
    void this.#focus(`[data-merge="${CSS.escape(sourceId)}"]`);
  }

  #merge(target: Contact, source: Contact): void {
    const store = this.#store;
    if (!store) return;
    const result = store.dispatch('mergeContacts', { targetId: target.id, sourceId: source.id }, { undoable: false });
    this.confirming = null;
    if (!result.ok) {
      this.mergeErrors = new Map(this.mergeErrors).set(source.id, result.refusal.reason);
      void this.#focus(`[data-merge="${CSS.escape(source.id)}"]`);
      return;
    }
    this.#sent.set(result.command.id, { kind: 'merge', contactId: target.id, sourceId: source.id });
    this.announcement = msg(str`${source.name} was merged into ${target.name}.`, { id: 'contactPanel.merged' });
    void this.#focus(`#${this.#uid}-suggestions`);
  }

  // ---- activity ----

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
      return html`<p class="empty" part="empty">${text}</p><slot name="tab" hidden @slotchange=${this.#onTabSlot}></slot>`;
    }
    const selected = this.#selectedTab();
    return html`
      ${this.#header(contact)}
      <div
        role="tablist"
        part="tabs"
        aria-label=${msg(str`About ${contact.name}`, { id: 'contactPanel.tabs' })}
        @focusin=${this.#onTabFocus}
        @click=${this.#onTabFocus}
      >
        ${this.#tab('details', msg('Details', { id: 'contactPanel.tab.details' }), selected)}
        ${this.#tab('activity', msg('Activity', { id: 'contactPanel.tab.activity' }), selected)}
        <slot name="tab" @slotchange=${this.#onTabSlot}></slot>
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
      ${this.hostTabs.map(
        ({ key }) => html`<div class="host-panel" ?hidden=${selected !== key}><slot name=${`panel-${key}`}></slot></div>`,
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

  #header(contact: Contact): TemplateResult {
    const editor = this.editors.get('name');
    return html`<header part="header">
      ${editor
        ? this.#editor('name', editor, contact)
        : html`<h2 part="name">${contact.name}</h2>
            ${this.#editButton('name', contact)}`}
      ${contact.blocked ? html`<status-badge state="blocked"></status-badge>` : nothing}
    </header>`;
  }

  #editButton(key: EditKey, contact: Contact): TemplateResult {
    return html`<button
      type="button"
      part="edit"
      data-edit=${key}
      aria-label=${msg(str`Edit ${fieldLabel(key)}`, { id: 'contactPanel.editField' })}
      @click=${() => this.#startEdit(key, contact)}
    >
      ${msg('Edit', { id: 'contactPanel.edit' })}
    </button>`;
  }

  #details(contact: Contact, data: Slice): TemplateResult {
    const shown = this.#shownFields(contact);
    return html`
      <dl part="fields">
        ${repeat(
          shown,
          (key) => key,
          (key) => this.#field(key, contact),
        )}
      </dl>
      ${shown.length === 0
        ? html`<p class="muted">${msg('No field is shown; choose some with Customize.', { id: 'contactPanel.noFields' })}</p>`
        : nothing}
      ${this.#customize(contact, shown)} ${this.#suggestionsSection(contact, data)}
    `;
  }

  #field(key: FieldKey, contact: Contact): TemplateResult {
    const editor = this.editors.get(key);
    return html`<div class="field" part="field" data-field=${key}>
      <dt>${fieldLabel(key)}</dt>
      ${editor
        ? html`<dd class="editor-cell">${this.#editor(key, editor, contact)}</dd>`
        : html`<dd>${this.#value(key, contact)}</dd>
            <dd>${this.#editButton(key, contact)}</dd>`}
    </div>`;
  }

  #value(key: FieldKey, contact: Contact): TemplateResult | string {
    const unset = html`<span class="unset">${msg('Not set', { id: 'contactPanel.unset' })}</span>`;
    switch (key) {
      case 'phones':
      case 'emails': {
        const list = contact[key];
        return list.length === 0 ? unset : html`<ul>${list.map((value) => html`<li>${value}</li>`)}</ul>`;
      }
      case 'country':
        return contact.country ? withCode(displayName('region', contact.country), contact.country) : unset;
      case 'language':
        return contact.language ? withCode(displayName('language', contact.language), contact.language) : unset;
      case 'company':
        return contact.company || unset;
      default:
        return contact.attributes[customKey(key) ?? ''] || unset;
    }
  }

  #editor(key: EditKey, editor: Editor, contact: Contact): TemplateResult {
    const label = fieldLabel(key);
    const list = isList(key);
    const type = key === 'phones' ? 'tel' : key === 'emails' ? 'email' : 'text';
    return html`<div
      class="editor"
      part="editor"
      role="group"
      data-editor=${key}
      aria-label=${msg(str`Edit ${label}`, { id: 'contactPanel.editField' })}
      @keydown=${(event: KeyboardEvent) => this.#editorKeydown(event, key, contact)}
    >
      ${editor.values.map((value, index) => {
        const error = editor.errors[index] ?? (index === 0 ? editor.message : null);
        const errorId = `${this.#uid}-error-${key.replace(/[^\w-]/g, '_')}-${String(index)}`;
        return html`<div class="entry">
            <input
              part="input"
              type=${type}
              data-index=${index}
              autocomplete="off"
              maxlength="1000"
              .value=${live(value)}
              aria-label=${list ? entryLabel(key, index + 1) : label}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${ifDefined(error ? errorId : undefined)}
              @input=${(event: Event) => this.#input(key, index, event)}
            />
            ${list
              ? html`<button
                  type="button"
                  aria-label=${msg(str`Remove ${entryLabel(key, index + 1)}`, { id: 'contactPanel.removeEntry' })}
                  @click=${() => this.#removeEntry(key, index)}
                >
                  ${msg('Remove', { id: 'contactPanel.remove' })}
                </button>`
              : nothing}
          </div>
          ${error ? html`<p class="error" part="error" id=${errorId}>${error}</p>` : nothing}`;
      })}
      <div class="actions">
        ${list
          ? html`<button type="button" @click=${() => this.#addEntry(key)}>
              ${key === 'phones'
                ? msg('Add a phone', { id: 'contactPanel.addPhone' })
                : msg('Add an e-mail', { id: 'contactPanel.addEmail' })}
            </button>`
          : nothing}
        <button type="button" class="primary" part="save" @click=${() => this.#save(key, contact)}>
          ${msg('Save', { id: 'contactPanel.save' })}
        </button>
        <button type="button" part="cancel" @click=${() => this.#cancel(key)}>
          ${msg('Cancel', { id: 'contactPanel.cancel' })}
        </button>
      </div>
    </div>`;
  }

  #customize(contact: Contact, shown: readonly FieldKey[]): TemplateResult {
    const menuId = `${this.#uid}-customize`;
    const candidates = this.#candidateFields(contact, shown);
    return html`<div class="customize">
      <button
        type="button"
        part="customize"
        aria-expanded=${this.customizing ? 'true' : 'false'}
        aria-controls=${menuId}
        @click=${() => (this.customizing = !this.customizing)}
      >
        ${msg('Customize fields', { id: 'contactPanel.customize' })}
      </button>
      <div id=${menuId} class="customize-menu" part="customize-menu" ?hidden=${!this.customizing} @keydown=${this.#customizeKeydown}>
        <ul class="plain" aria-label=${msg('Fields shown, in order', { id: 'contactPanel.customize.label' })}>
          ${repeat(
            candidates,
            (key) => key,
            (key) => {
              const index = shown.indexOf(key);
              const label = fieldLabel(key);
              return html`<li>
                <label
                  ><input type="checkbox" .checked=${live(index >= 0)} @change=${() => this.#toggleField(key, shown)} />
                  ${label}</label
                >
                ${index >= 0
                  ? html`<button
                        type="button"
                        data-move="up"
                        data-field=${key}
                        aria-label=${msg(str`Move ${label} up`, { id: 'contactPanel.customize.up' })}
                        ?disabled=${index === 0}
                        @click=${() => this.#move(key, shown, -1)}
                      >
                        <span aria-hidden="true">↑</span> ${msg('Up', { id: 'contactPanel.customize.upShort' })}
                      </button>
                      <button
                        type="button"
                        data-move="down"
                        data-field=${key}
                        aria-label=${msg(str`Move ${label} down`, { id: 'contactPanel.customize.down' })}
                        ?disabled=${index === shown.length - 1}
                        @click=${() => this.#move(key, shown, 1)}
                      >
                        <span aria-hidden="true">↓</span> ${msg('Down', { id: 'contactPanel.customize.downShort' })}
                      </button>`
                  : nothing}
              </li>`;
            },
          )}
        </ul>
      </div>
    </div>`;
  }

  #suggestionsSection(contact: Contact, data: Slice): TemplateResult {
    const suggestions = this.#suggestions(data.model, data.model.contacts, contact.id);
    const headingId = `${this.#uid}-suggestions`;
    return html`<section part="suggestions" aria-labelledby=${headingId}>
      <h3 id=${headingId} tabindex="-1">${msg('Possible duplicates', { id: 'contactPanel.duplicates' })}</h3>
      ${suggestions.length === 0
        ? html`<p class="muted">${msg('No other contact shares a phone or an e-mail.', { id: 'contactPanel.noDuplicates' })}</p>`
        : html`<ul class="plain">
            ${repeat(
              suggestions,
              (s) => s.contact.id,
              (s) => this.#suggestion(contact, s, data),
            )}
          </ul>`}
    </section>`;
  }

  #suggestion(contact: Contact, suggestion: DuplicateSuggestion, data: Slice): TemplateResult {
    const source = suggestion.contact;
    const error = this.mergeErrors.get(source.id);
    const confirmId = `${this.#uid}-confirm-${source.id.replace(/[^\w-]/g, '_')}`;
    const shared = [...suggestion.phones, ...suggestion.emails].join(', ');
    return html`<li class="suggestion" part="suggestion" data-contact=${source.id}>
      <strong>${source.name}</strong>
      <span class="meta">${msg(str`Shares ${shared}`, { id: 'contactPanel.shares' })}</span>
      ${this.confirming === source.id
        ? html`<div class="confirm" role="group" aria-labelledby=${confirmId} @keydown=${(event: KeyboardEvent) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            event.stopPropagation();
            this.#cancelMerge(source.id);
          }}>
            <p id=${confirmId}>${this.#confirmText(contact, source, data)}</p>
            <div class="actions">
              <button type="button" class="primary" part="merge" data-confirm-merge @click=${() => this.#merge(contact, source)}>
                ${msg('Merge', { id: 'contactPanel.merge' })}
              </button>
              <button type="button" @click=${() => this.#cancelMerge(source.id)}>${msg('Cancel', { id: 'contactPanel.cancel' })}</button>
            </div>
          </div>`
        : html`<div class="actions">
            <button
              type="button"
              part="merge"
              data-merge=${source.id}
              aria-label=${msg(str`Merge ${source.name} into ${contact.name}`, { id: 'contactPanel.mergeInto' })}
              @click=${() => this.#askMerge(source.id)}
            >
              ${msg('Merge', { id: 'contactPanel.merge' })}
            </button>
          </div>`}
      ${error ? html`<p class="error" part="error" role="alert">${error}</p>` : nothing}
    </li>`;
  }

  #confirmText(target: Contact, source: Contact, data: Slice): string {
    const count = this.#conversations(data.model, data.model.conversations, source.id).length;
    const from = source.name;
    const into = target.name;
    return count === 1
      ? msg(str`Merge ${from} into ${into}? Their phones, e-mails, tags and attributes are added to ${into}, their conversation moves to ${into}, and ${from} is removed. This cannot be undone.`, {
          id: 'contactPanel.confirm.one',
        })
      : msg(str`Merge ${from} into ${into}? Their phones, e-mails, tags and attributes are added to ${into}, their ${count} conversations move to ${into}, and ${from} is removed. This cannot be undone.`, {
          id: 'contactPanel.confirm.other',
        });
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

/** "France (FR)", with the code muted; the code alone when it has no name. */
function withCode(name: string, code: string): TemplateResult | string {
  return name === code ? code : html`${name} <span class="code">(${code})</span>`;
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** A country or language code's name in the current locale; the code itself if it has none. */
function displayName(type: 'region' | 'language', code: string): string {
  const locale = getLocale();
  const key = `${locale}:${type}`;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type, fallback: 'code' });
    displayNames.set(key, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'contact-panel': ContactPanel;
  }
}

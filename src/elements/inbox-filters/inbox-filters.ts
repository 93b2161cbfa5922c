import { LitElement, html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { updateWhenLocaleChanges, msg, str } from '@lit/localize';
import { StoreController } from '../../controllers/store.controller.js';
import { ViewSaveEvent } from '../../events/view-save.js';
import { newId } from '../../model/ids.js';
import { SORT_ORDERS } from '../../model/sort.js';
import {
  CHANNEL_KINDS,
  PRIORITIES,
  STATUSES,
  type ChannelKind,
  type Contact,
  type CustomValue,
  type Filters,
  type Id,
  type InboxState,
  type Priority,
  type SavedView,
  type SharedWith,
  type SortOrder,
  type Status,
} from '../../model/types.js';
import { savedView } from '../../model/views.js';
import type { InboxStore, UiState } from '../../store/inbox-store.js';
import { tokens } from '../../styles/tokens.js';
import { hostStyles } from '../../styles/host-styles.js';
import { buttonStyles, controlStyles } from '../../styles/controls.js';
import { knownLabels } from '../label-picker/label-picker.js';
import { priorityLabel } from '../priority-picker/priority-picker.js';
import { viewLabel } from '../inbox-sidebar/view-labels.js';
import { stateLabel } from '../status-badge/status-badge.js';
import { styles } from './inbox-filters.styles.js';

/** Filter fields given as lists: empty means "not filtering". */
type ListField = 'statuses' | 'channelKinds' | 'assignees' | 'teamIds' | 'labels' | 'priorities' | 'companies';

export type ShareWith = 'me' | 'team' | 'everyone';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** How many filters differ from the defaults (hide spam and trash on). */
export function activeFilterCount(filters: Filters): number {
  const lists: ListField[] = ['statuses', 'channelKinds', 'assignees', 'teamIds', 'labels', 'priorities', 'companies'];
  let n = lists.filter((field) => (filters[field]?.length ?? 0) > 0).length;
  if (filters.from !== undefined || filters.to !== undefined) n++;
  if (filters.hideSpam === false) n++;
  if (filters.hideTrash === false) n++;
  return n + Object.keys(filters.custom ?? {}).length;
}

const customCache = new WeakMap<InboxState['conversations'], CustomFields>();
type CustomFields = readonly (readonly [key: string, values: readonly CustomValue[]])[];

/**
 * Every custom field of the conversations with the values it takes, sorted:
 * the custom-field filter's choices. Cached per conversations map.
 */
export function knownCustomFields(conversations: InboxState['conversations']): CustomFields {
  let fields = customCache.get(conversations);
  if (!fields) {
    const found = new Map<string, Set<CustomValue>>();
    for (const c of conversations.values()) {
      for (const key in c.custom) {
        let values = found.get(key);
        if (!values) found.set(key, (values = new Set()));
        values.add(c.custom[key]!);
      }
    }
    const byText = (a: unknown, b: unknown) => String(a).localeCompare(String(b), undefined, { numeric: true });
    fields = [...found].sort(([a], [b]) => byText(a, b)).map(([key, values]) => [key, [...values].sort(byText)] as const);
    customCache.set(conversations, fields);
  }
  return fields;
}

/** The companies of the contacts, once each, sorted: the company filter's choices. */
export function knownCompanies(contacts: ReadonlyMap<string, Contact>): string[] {
  const names = new Set<string>();
  for (const contact of contacts.values()) if (contact.company) names.add(contact.company);
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** `YYYY-MM-DD` of a time, in local time, for `<input type="date">`. */
function toDateInput(time: number | undefined): string {
  if (time === undefined) return '';
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear())}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The start (or end) of a local day given as `YYYY-MM-DD`; undefined when empty or invalid. */
function fromDateInput(value: string, end: boolean): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return end ? new Date(y, m - 1, d, 23, 59, 59, 999).getTime() : new Date(y, m - 1, d).getTime();
}

function sortLabel(order: SortOrder): string {
  switch (order) {
    case 'newest':
      return msg('Newest first', { id: 'filters.sort.newest' });
    case 'oldest':
      return msg('Oldest first', { id: 'filters.sort.oldest' });
    case 'waiting-longest':
      return msg('Waiting longest', { id: 'filters.sort.waitingLongest' });
    case 'priority':
      return msg('Priority', { id: 'filters.sort.priority' });
  }
}

/**
 * @summary The search box, sort order and filter controls of an inbox
 * (DESIGN section 4), and "Save as view" to keep the current query as a
 * saved view shared with nobody, a team or everyone.
 *
 * Search is debounced (`debounce` ms) and accent- and case-insensitive
 * (the store's query does it); Enter searches at once and Esc clears the
 * box. `focusSearch()` is what the `/` shortcut calls. Filters (status,
 * channel, assignee with deactivated users on request, team, date range,
 * labels, priority, hide spam, hide trash) combine freely with each other,
 * the view and the search, and apply as they change. Saving dispatches
 * `saveView` with the current filters and search, owned by the current
 * user, then opens the new view; it updates live like every view (R17).
 * Works inside an `<inbox-provider>` or with `.store`.
 *
 * @fires view-save - {ViewSaveEvent} A view was saved and opened.
 *
 * @csspart search - The search field.
 * @csspart sort - The sort order select.
 * @csspart filters-toggle - The button that shows or hides the filter controls.
 * @csspart clear - The "Clear all" button.
 * @csspart save-toggle - The "Save as view" button.
 * @csspart panel - The filter controls.
 * @csspart save-form - The form that names and shares a new view.
 *
 * @cssprop --inbox-filters-background - Background. Defaults to `--inbox-color-surface`.
 * @cssprop --inbox-filters-padding - Padding. Defaults to `--inbox-space-3`.
 */
export class InboxFilters extends LitElement {
  static {
    this.addInitializer(updateWhenLocaleChanges); // re-renders on setLocale(), as @localized() would
  }

  static override styles = [tokens, hostStyles, buttonStyles, controlStyles, styles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override properties: PropertyDeclarations = {
    store: { attribute: false },
    debounce: { type: Number },
    filtersOpen: { type: Boolean, reflect: true, attribute: 'filters-open' },
    saving: { state: true, attribute: false },
    viewName: { state: true, attribute: false },
    shareWith: { state: true, attribute: false },
    shareTeam: { state: true, attribute: false },
    draft: { state: true, attribute: false },
  };

  /** The store; by default the nearest `<inbox-provider>`'s. */
  store: InboxStore | undefined;

  /** Milliseconds of quiet typing before the search applies. */
  debounce = 200;

  /** Whether the filter controls are shown. */
  filtersOpen = false;

  private saving = false;
  private viewName = '';
  private shareWith: ShareWith = 'me';
  private shareTeam: Id = '';
  /** Typed but not yet applied (the debounce is running). */
  private draft: string | null = null;

  readonly #ui = new StoreController<UiState>(this, (s) => s.ui);
  readonly #model = new StoreController<InboxState>(this, (s) => s.model);
  #timer: ReturnType<typeof setTimeout> | undefined;

  get #store(): InboxStore | undefined {
    return this.#ui.store;
  }

  /** Focuses the search field and selects its text (the `/` shortcut). */
  focusSearch(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('[part=search]');
    input?.focus();
    input?.select();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#flushSearch();
  }

  // ---- search ----

  #onSearchInput(event: Event): void {
    this.draft = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#flushSearch(), this.debounce);
  }

  #flushSearch(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.draft === null) return;
    const text = this.draft;
    this.draft = null;
    if (text !== this.#store?.state.ui.search) this.#store?.setSearch(text);
  }

  #onSearchKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.#flushSearch();
    } else if (event.key === 'Escape' && (event.target as HTMLInputElement).value !== '') {
      // Esc clears first; a second Esc reaches the host (back).
      event.preventDefault();
      event.stopPropagation();
      this.draft = '';
      this.#flushSearch();
    }
  }

  // ---- filters ----

  get #filters(): Filters {
    return this.#ui.value?.filters ?? {};
  }

  #setFilters(change: Partial<Filters>): void {
    // Unset and empty fields are left out: an empty list means "not filtering".
    const kept = Object.entries({ ...this.#filters, ...change }).filter(
      ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
    );
    this.#store?.setFilters(Object.fromEntries(kept));
  }

  #toggleIn(field: ListField, value: string, on: boolean): void {
    const current = this.#filters[field] ?? [];
    const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
    this.#setFilters({ [field]: next });
  }

  #clearAll(): void {
    clearTimeout(this.#timer);
    this.draft = null;
    this.#store?.setFilters({});
    this.#store?.setSearch('');
  }

  // ---- save as view ----

  #save(event: Event): void {
    event.preventDefault();
    const store = this.#store;
    const name = this.viewName.trim();
    if (!store || name === '') return;
    this.#flushSearch();
    const teamId = this.shareTeam || this.#teams()[0]?.id;
    const sharedWith: SharedWith = {
      everyone: this.shareWith === 'everyone',
      userIds: [],
      teamIds: this.shareWith === 'team' && teamId ? [teamId] : [],
    };
    const view: SavedView = {
      id: newId('view'),
      name,
      ownerId: store.userId,
      sharedWith,
      filters: store.state.ui.filters,
      search: store.state.ui.search,
    };
    const result = store.dispatch('saveView', { view });
    if (!result.ok) return;
    store.setView(savedView(view.id));
    this.saving = false;
    this.viewName = '';
    this.shareWith = 'me';
    this.dispatchEvent(new ViewSaveEvent(view));
  }

  #teams() {
    const model = this.#model.value;
    return model ? [...model.teams.values()].sort(byName) : [];
  }

  // ---- render ----

  protected override render() {
    const ui = this.#ui.value;
    const filters = this.#filters;
    const count = activeFilterCount(filters);
    const search = this.draft ?? ui?.search ?? '';
    const canClear = count > 0 || search !== '';
    return html`
      <div class="bar" role="search" aria-label=${msg('Search and filters', { id: 'filters.label' })}>
        <div class="search">
          <input
            part="search"
            class="control"
            type="search"
            aria-label=${msg('Search conversations', { id: 'filters.search' })}
            placeholder=${msg('Search conversations', { id: 'filters.search' })}
            .value=${live(search)}
            @input=${this.#onSearchInput}
            @keydown=${this.#onSearchKeydown}
          />
        </div>
        <label>
          <span class="visually-hidden">${msg('Sort', { id: 'filters.sort' })}</span>
          <select
            part="sort"
            class="control"
            @change=${(e: Event) => this.#store?.setSort((e.target as HTMLSelectElement).value as SortOrder)}
          >
            ${SORT_ORDERS.map(
              (order) => html`<option value=${order} ?selected=${ui?.sort === order}>${sortLabel(order)}</option>`,
            )}
          </select>
        </label>
        <button
          part="filters-toggle"
          class="button"
          type="button"
          aria-expanded=${String(this.filtersOpen)}
          aria-controls="panel"
          @click=${() => (this.filtersOpen = !this.filtersOpen)}
        >
          ${msg('Filters', { id: 'filters.toggle' })}
          ${count > 0
            ? html`<span class="badge" aria-hidden="true">${count}</span
                ><span class="visually-hidden">${msg(str`(${count} active)`, { id: 'filters.activeCount' })}</span>`
            : nothing}
        </button>
        <button part="clear" class="button" type="button" ?disabled=${!canClear} @click=${this.#clearAll}>
          ${msg('Clear all', { id: 'filters.clear' })}
        </button>
        <button
          part="save-toggle"
          class="button"
          type="button"
          aria-expanded=${String(this.saving)}
          aria-controls="save"
          @click=${() => {
            this.saving = !this.saving;
            if (this.saving) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#view-name')?.focus());
          }}
        >
          ${msg('Save as view', { id: 'filters.save' })}
        </button>
      </div>
      ${this.filtersOpen ? this.#renderPanel(filters) : html`<div id="panel" hidden></div>`}
      ${this.saving ? this.#renderSave() : html`<div id="save" hidden></div>`}
    `;
  }

  #checkbox(field: ListField, value: string, label: string, filters: Filters, note?: string): TemplateResult {
    const checked = ((filters[field] ?? [])).includes(value);
    return html`<label class="check"
      ><input
        type="checkbox"
        name=${field}
        .value=${value}
        .checked=${live(checked)}
        @change=${(e: Event) => this.#toggleIn(field, value, (e.target as HTMLInputElement).checked)}
      />${label}${note ? html` <span class="muted">(${note})</span>` : nothing}</label
    >`;
  }

  /** One select per custom field: any value, or one of the values the conversations have. */
  #renderCustom(fields: CustomFields, filters: Filters): TemplateResult | typeof nothing {
    if (fields.length === 0) return nothing;
    const custom = filters.custom ?? {};
    const choose = (key: string, values: readonly CustomValue[], index: number) => {
      const next = Object.fromEntries(Object.entries(custom).filter(([k]) => k !== key));
      if (index >= 0) next[key] = values[index]!;
      this.#setFilters({ custom: Object.keys(next).length ? next : undefined });
    };
    return html`<fieldset class="custom">
      <legend>${msg('Custom fields', { id: 'filters.custom' })}</legend>
      ${fields.map(
        ([key, values]) =>
          html`<label
            >${key}
            <select
              class="control"
              name=${`custom-${key}`}
              @change=${(e: Event) => { choose(key, values, (e.target as HTMLSelectElement).selectedIndex - 1); }}
            >
              <option value="" ?selected=${!(key in custom)}>${msg('Any', { id: 'filters.customAny' })}</option>
              ${values.map((value) => html`<option ?selected=${custom[key] === value}>${String(value)}</option>`)}
            </select></label
          >`,
      )}
    </fieldset>`;
  }

  #renderPanel(filters: Filters): TemplateResult {
    const model = this.#model.value;
    const kinds = new Set(model ? [...model.channels.values()].map((c) => c.kind) : []);
    const users = model ? [...model.users.values()].sort(byName) : [];
    const showDeactivated = filters.includeDeactivated === true;
    const bots = model ? [...model.bots.values()].sort(byName) : [];
    const labels = model ? knownLabels(model.conversations) : [];
    const companies = model ? knownCompanies(model.contacts) : [];
    return html`<div id="panel" part="panel" class="panel" role="group" aria-label=${msg('Filters', { id: 'filters.toggle' })}>
      <fieldset>
        <legend>${msg('Status', { id: 'filters.status' })}</legend>
        ${STATUSES.map((s: Status) => this.#checkbox('statuses', s, stateLabel(s), filters))}
      </fieldset>
      <fieldset>
        <legend>${msg('Channel', { id: 'filters.channel' })}</legend>
        ${CHANNEL_KINDS.filter((k) => kinds.has(k)).map((k: ChannelKind) =>
          this.#checkbox('channelKinds', k, viewLabel({ id: `channel:${k}`, labelKey: `view.channel.${k}` }), filters),
        )}
      </fieldset>
      <fieldset>
        <legend>${msg('Assignee', { id: 'filters.assignee' })}</legend>
        ${this.#checkbox('assignees', 'unassigned', msg('Unassigned', { id: 'filters.unassigned' }), filters)}
        ${users
          .filter((u) => u.active || showDeactivated)
          .map((u) =>
            this.#checkbox('assignees', `user:${u.id}`, u.name, filters, u.active ? undefined : msg('deactivated', { id: 'filters.deactivated' })),
          )}
        ${bots.map((b) => this.#checkbox('assignees', `bot:${b.id}`, b.name, filters, msg('bot', { id: 'filters.bot' })))}
        <label class="check muted"
          ><input
            type="checkbox"
            .checked=${live(showDeactivated)}
            @change=${(e: Event) => this.#setFilters({ includeDeactivated: (e.target as HTMLInputElement).checked || undefined })}
          />${msg('Show deactivated users', { id: 'filters.showDeactivated' })}</label
        >
      </fieldset>
      <fieldset>
        <legend>${msg('Team', { id: 'filters.team' })}</legend>
        ${this.#teams().map((t) => this.#checkbox('teamIds', t.id, t.name, filters))}
      </fieldset>
      <fieldset class="dates">
        <legend>${msg('Date', { id: 'filters.date' })}</legend>
        <label
          >${msg('From', { id: 'filters.from' })}
          <input
            class="control"
            type="date"
            name="from"
            .value=${live(toDateInput(filters.from))}
            @change=${(e: Event) => this.#setFilters({ from: fromDateInput((e.target as HTMLInputElement).value, false) })}
        /></label>
        <label
          >${msg('To', { id: 'filters.to' })}
          <input
            class="control"
            type="date"
            name="to"
            .value=${live(toDateInput(filters.to))}
            @change=${(e: Event) => this.#setFilters({ to: fromDateInput((e.target as HTMLInputElement).value, true) })}
        /></label>
      </fieldset>
      <fieldset>
        <legend>${msg('Labels', { id: 'filters.labels' })}</legend>
        ${labels.length === 0 ? html`<span class="muted">${msg('No labels yet', { id: 'filters.noLabels' })}</span>` : nothing}
        ${labels.map((l) => this.#checkbox('labels', l, l, filters))}
      </fieldset>
      <fieldset>
        <legend>${msg('Company', { id: 'filters.company' })}</legend>
        ${companies.length === 0 ? html`<span class="muted">${msg('No companies yet', { id: 'filters.noCompanies' })}</span>` : nothing}
        ${companies.map((c) => this.#checkbox('companies', c, c, filters))}
      </fieldset>
      ${this.#renderCustom(model ? knownCustomFields(model.conversations) : [], filters)}
      <fieldset>
        <legend>${msg('Priority', { id: 'filters.priority' })}</legend>
        ${PRIORITIES.map((p: Priority) => this.#checkbox('priorities', p, priorityLabel(p), filters))}
      </fieldset>
      <fieldset>
        <legend>${msg('Spam and trash', { id: 'filters.hidden' })}</legend>
        <label class="check"
          ><input
            type="checkbox"
            name="hideSpam"
            .checked=${live(filters.hideSpam !== false)}
            @change=${(e: Event) => this.#setFilters({ hideSpam: (e.target as HTMLInputElement).checked ? undefined : false })}
          />${msg('Hide spam', { id: 'filters.hideSpam' })}</label
        >
        <label class="check"
          ><input
            type="checkbox"
            name="hideTrash"
            .checked=${live(filters.hideTrash !== false)}
            @change=${(e: Event) => this.#setFilters({ hideTrash: (e.target as HTMLInputElement).checked ? undefined : false })}
          />${msg('Hide trash', { id: 'filters.hideTrash' })}</label
        >
      </fieldset>
    </div>`;
  }

  #renderSave(): TemplateResult {
    const teams = this.#teams();
    const share = (value: ShareWith, label: string) =>
      html`<label class="check"
        ><input
          type="radio"
          name="share"
          .value=${value}
          .checked=${live(this.shareWith === value)}
          @change=${() => (this.shareWith = value)}
        />${label}</label
      >`;
    return html`<form id="save" part="save-form" class="save" aria-label=${msg('Save as view', { id: 'filters.save' })} @submit=${this.#save}>
      <label
        >${msg('View name', { id: 'filters.viewName' })}
        <input
          id="view-name"
          class="control"
          type="text"
          required
          maxlength="80"
          .value=${live(this.viewName)}
          @input=${(e: Event) => (this.viewName = (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              this.saving = false;
              void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=save-toggle]')?.focus());
            }
          }}
      /></label>
      <fieldset>
        <legend>${msg('Share with', { id: 'filters.shareWith' })}</legend>
        ${share('me', msg('Only me', { id: 'filters.share.me' }))}
        ${teams.length > 0 ? share('team', msg('A team', { id: 'filters.share.team' })) : nothing}
        ${share('everyone', msg('Everyone', { id: 'filters.share.everyone' }))}
      </fieldset>
      ${this.shareWith === 'team'
        ? html`<label
            >${msg('Team', { id: 'filters.team' })}
            <select class="control" name="team" @change=${(e: Event) => (this.shareTeam = (e.target as HTMLSelectElement).value)}>
              ${teams.map((t) => html`<option value=${t.id} ?selected=${t.id === (this.shareTeam || teams[0]?.id)}>${t.name}</option>`)}
            </select></label
          >`
        : nothing}
      <button class="button primary" type="submit" ?disabled=${this.viewName.trim() === ''}>
        ${msg('Save view', { id: 'filters.saveSubmit' })}
      </button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'inbox-filters': InboxFilters;
  }
}

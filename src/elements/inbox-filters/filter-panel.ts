import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { getLocale } from '../../i18n/localization.js';
import { newId } from '../../model/ids.js';
import { knownLabels } from '../../model/labels.js';
import { normalize } from '../../model/search.js';
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
import { viewLabel } from '../inbox-sidebar/view-labels.js';
import { datePlaceholder, formatDate, parseDate } from '../shared/dates.js';
import { InboxElement } from '../shared/inbox-element.js';
import { priorityLabel } from '../shared/priority.js';
import { stateLabel } from '../status-badge/status-badge.js';

/** Filter fields given as lists: empty means "not filtering". */
type ListField = 'statuses' | 'channelKinds' | 'assignees' | 'teamIds' | 'labels' | 'priorities' | 'companies';

export type ShareWith = 'me' | 'team' | 'everyone';

/** What the panel asks of the `<inbox-filters>` that shows it. */
export interface FilterPanelOwner {
  /** Applies the search being typed now (before a view is saved with it). */
  flushSearch(): void;
  /** Drops the search being typed (Clear all). */
  clearSearch(): void;
  /** A view was saved and opened: the owner closes the panel and tells the host. */
  viewSaved(view: SavedView): void;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

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

/** Options a facet shows before "N more"; a facet with more than FACET_SEARCH gets a search box. */
const FACET_SHOWN = 6;
const FACET_SEARCH = 8;

interface FacetOption {
  readonly value: string;
  readonly label: string;
  readonly note?: string | undefined;
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
 * The contents of `<inbox-filters>`' panel: the sort order, the filters of
 * DESIGN section 4 and "Save as view". Part of `<inbox-filters>`, not an
 * element for hosts: it renders into its own light DOM, so it sits in the
 * filters' shadow tree, under their styles and `::part()` names, and the
 * script-tag bundle loads it with the dialogs' chunk the first time the
 * panel opens (a first screen never shows it).
 *
 * @internal
 */
export class FilterPanel extends InboxElement {
  static override properties: PropertyDeclarations = {
    owner: { attribute: false },
    canClear: { attribute: false },
    saving: { state: true, attribute: false },
    viewName: { state: true, attribute: false },
    shareWith: { state: true, attribute: false },
    shareTeam: { state: true, attribute: false },
    expanded: { state: true, attribute: false },
    facetQuery: { state: true, attribute: false },
    dateErrors: { state: true, attribute: false },
  };

  /** The `<inbox-filters>` showing it. */
  owner: FilterPanelOwner | undefined;
  /** Whether anything is set that Clear all would clear (the search being typed included). */
  canClear = false;

  private saving = false;
  private viewName = '';
  private shareWith: ShareWith = 'me';
  private shareTeam: Id = '';
  /** Long facets showing every option. */
  private expanded: ReadonlySet<string> = new Set();
  /** What is typed in each long facet's search box. */
  private facetQuery: Readonly<Record<string, string>> = {};
  /** Date fields whose text is not a date. */
  private dateErrors: ReadonlySet<'from' | 'to'> = new Set();

  readonly #ui = this.select((s) => s.ui);
  readonly #model = this.select((s) => s.model);

  get #store(): InboxStore | undefined {
    return this.#ui.store;
  }

  /** Light DOM: the panel's controls belong to the filters' shadow tree. */
  protected override createRenderRoot(): HTMLElement {
    return this;
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
    this.owner?.clearSearch();
    this.dateErrors = new Set();
    this.#store?.setFilters({});
    this.#store?.setSearch('');
  }

  #onDate(field: 'from' | 'to', text: string): void {
    const value = text.trim() === '' ? undefined : parseDate(text, getLocale(), field === 'to');
    const errors = new Set(this.dateErrors);
    if (value === null) {
      errors.add(field);
    } else {
      errors.delete(field);
      this.#setFilters({ [field]: value });
    }
    this.dateErrors = errors;
  }

  // ---- save as view ----

  #save(event: Event): void {
    event.preventDefault();
    const store = this.#store;
    const name = this.viewName.trim();
    if (!store || name === '') return;
    this.owner?.flushSearch();
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
    this.viewName = '';
    this.shareWith = 'me';
    this.owner?.viewSaved(view);
  }

  #teams() {
    const model = this.#model.value;
    return model ? [...model.teams.values()].sort(byName) : [];
  }

  protected override render(): TemplateResult {
    return this.#renderPanel(this.#filters, this.#ui.value, this.canClear);
  }

  #checkbox(field: ListField, option: FacetOption, filters: Filters): TemplateResult {
    const checked = (filters[field] ?? []).includes(option.value);
    return html`<label class="check"
      ><input
        type="checkbox"
        name=${field}
        .value=${option.value}
        .checked=${live(checked)}
        @change=${(e: Event) => this.#toggleIn(field, option.value, (e.target as HTMLInputElement).checked)}
      /><span class="check-label">${option.label}</span>${option.note ? html`<span class="muted">${option.note}</span>` : nothing}</label
    >`;
  }

  /**
   * A facet: its options as check boxes; a long one shows the checked ones
   * and the first few, "N more" for the rest, and a box that searches them.
   */
  #facet(field: ListField, legend: string, options: readonly FacetOption[], filters: Filters, empty?: string): TemplateResult {
    const checked = new Set(filters[field] ?? []);
    const query = normalize(this.facetQuery[field] ?? '');
    const matching = query ? options.filter((o) => normalize(o.label).includes(query)) : options;
    const all = this.expanded.has(field) || query !== '';
    const shown = all ? matching : matching.filter((o, i) => i < FACET_SHOWN || checked.has(o.value));
    const hidden = matching.length - shown.length;
    const number = new Intl.NumberFormat(getLocale());
    return html`<fieldset class="facet">
      <legend>${legend}</legend>
      ${options.length > FACET_SEARCH
        ? html`<input
            part="facet-search"
            class="control facet-search"
            type="search"
            aria-label=${msg(str`Search ${legend}`, { id: 'filters.facetSearch' })}
            placeholder=${msg(str`Search ${legend}`, { id: 'filters.facetSearch' })}
            .value=${live(this.facetQuery[field] ?? '')}
            @input=${(e: Event) => (this.facetQuery = { ...this.facetQuery, [field]: (e.target as HTMLInputElement).value })}
          />`
        : nothing}
      ${options.length === 0 && empty ? html`<span class="muted">${empty}</span>` : nothing}
      ${shown.map((o) => this.#checkbox(field, o, filters))}
      ${hidden > 0
        ? html`<button part="more" class="more" type="button" @click=${() => (this.expanded = new Set([...this.expanded, field]))}>
            ${msg(str`${number.format(hidden)} more`, { id: 'filters.more' })}
          </button>`
        : nothing}
    </fieldset>`;
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
              @change=${(e: Event) => {
                choose(key, values, (e.target as HTMLSelectElement).selectedIndex - 1);
              }}
            >
              <option value="" ?selected=${!(key in custom)}>${msg('Any', { id: 'filters.customAny' })}</option>
              ${values.map((value) => html`<option ?selected=${custom[key] === value}>${String(value)}</option>`)}
            </select></label
          >`,
      )}
    </fieldset>`;
  }

  #dateField(field: 'from' | 'to', label: string, value: number | undefined): TemplateResult {
    const locale = getLocale();
    const pattern = datePlaceholder(locale);
    const invalid = this.dateErrors.has(field);
    return html`<label
      >${label}
      <input
        class="control"
        type="text"
        inputmode="numeric"
        autocomplete="off"
        name=${field}
        placeholder=${pattern}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby="date-hint"
        .value=${live(value === undefined ? '' : formatDate(value, locale))}
        @change=${(e: Event) => this.#onDate(field, (e.target as HTMLInputElement).value)}
    /></label>`;
  }

  #renderPanel(filters: Filters, ui: UiState | undefined, canClear: boolean): TemplateResult {
    const model = this.#model.value;
    const kinds = new Set(model ? [...model.channels.values()].map((c) => c.kind) : []);
    const users = model ? [...model.users.values()].sort(byName) : [];
    const showDeactivated = filters.includeDeactivated === true;
    const bots = model ? [...model.bots.values()].sort(byName) : [];
    const labels = model ? knownLabels(model.conversations) : [];
    const companies = model ? knownCompanies(model.contacts) : [];
    const assignees: FacetOption[] = [
      { value: 'unassigned', label: msg('Unassigned', { id: 'filters.unassigned' }) },
      ...users
        .filter((u) => u.active || showDeactivated)
        .map((u) => ({ value: `user:${u.id}`, label: u.name, note: u.active ? undefined : msg('deactivated', { id: 'filters.deactivated' }) })),
      ...bots.map((b) => ({ value: `bot:${b.id}`, label: b.name, note: msg('bot', { id: 'filters.bot' }) })),
    ];
    const dateInvalid = this.dateErrors.size > 0;
    const dateFormat = datePlaceholder(getLocale());
    return html`
      <div class="panel-head">
        <h3>${msg('Filters', { id: 'filters.toggle' })}</h3>
        <button part="clear" class="button" type="button" ?disabled=${!canClear} @click=${this.#clearAll}>
          ${msg('Clear all', { id: 'filters.clear' })}
        </button>
      </div>
      <div class="panel-body">
        <label class="sort"
          >${msg('Sort', { id: 'filters.sort' })}
          <select
            part="sort"
            class="control"
            @change=${(e: Event) => this.#store?.setSort((e.target as HTMLSelectElement).value as SortOrder)}
          >
            ${SORT_ORDERS.map((order) => html`<option value=${order} ?selected=${ui?.sort === order}>${sortLabel(order)}</option>`)}
          </select></label
        >
        ${this.#facet('statuses', msg('Status', { id: 'filters.status' }), STATUSES.map((v: Status) => ({ value: v, label: stateLabel(v) })), filters)}
        ${this.#facet(
          'channelKinds',
          msg('Channel', { id: 'filters.channel' }),
          CHANNEL_KINDS.filter((k) => kinds.has(k)).map((k: ChannelKind) => ({
            value: k,
            label: viewLabel({ id: `channel:${k}`, labelKey: `view.channel.${k}` }),
          })),
          filters,
        )}
        <div class="facet-group">
          ${this.#facet('assignees', msg('Assignee', { id: 'filters.assignee' }), assignees, filters)}
          <label class="check muted"
            ><input
              type="checkbox"
              .checked=${live(showDeactivated)}
              @change=${(e: Event) => this.#setFilters({ includeDeactivated: (e.target as HTMLInputElement).checked || undefined })}
            />${msg('Show deactivated users', { id: 'filters.showDeactivated' })}</label
          >
        </div>
        ${this.#facet('teamIds', msg('Team', { id: 'filters.team' }), this.#teams().map((t) => ({ value: t.id, label: t.name })), filters)}
        <fieldset class="dates">
          <legend>${msg('Date', { id: 'filters.date' })}</legend>
          ${this.#dateField('from', msg('From', { id: 'filters.from' }), filters.from)}
          ${this.#dateField('to', msg('To', { id: 'filters.to' }), filters.to)}
          <span id="date-hint" class=${dateInvalid ? 'hint error' : 'hint'} role=${dateInvalid ? 'alert' : nothing}
            >${dateInvalid
              ? msg(str`Not a date: type it as ${dateFormat}.`, { id: 'filters.dateInvalid' })
              : msg(str`As ${dateFormat}`, { id: 'filters.dateHint' })}</span
          >
        </fieldset>
        ${this.#facet(
          'labels',
          msg('Labels', { id: 'filters.labels' }),
          labels.map((l) => ({ value: l, label: l })),
          filters,
          msg('No labels yet', { id: 'filters.noLabels' }),
        )}
        ${this.#facet(
          'companies',
          msg('Company', { id: 'filters.company' }),
          companies.map((c) => ({ value: c, label: c })),
          filters,
          msg('No companies yet', { id: 'filters.noCompanies' }),
        )}
        ${this.#renderCustom(model ? knownCustomFields(model.conversations) : [], filters)}
        ${this.#facet('priorities', msg('Priority', { id: 'filters.priority' }), PRIORITIES.map((p: Priority) => ({ value: p, label: priorityLabel(p) })), filters)}
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
      </div>
      <div class="panel-foot">
        ${this.saving
          ? this.#renderSave()
          : html`<button
              part="save-toggle"
              class="button"
              type="button"
              aria-expanded="false"
              aria-controls="save"
              @click=${() => {
                this.saving = true;
                void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#view-name')?.focus());
              }}
            >
              ${msg('Save as view', { id: 'filters.save' })}
            </button>`}
      </div>
    `;
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
              e.preventDefault();
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
    'filter-panel': FilterPanel;
  }
}

import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { ListFilter, Search } from 'lucide';
import { PopoverController } from '../../controllers/popover.controller.js';
import { StoreController } from '../../controllers/store.controller.js';
import { deepActiveElement } from '../../controllers/modal.controller.js';
import { ViewSaveEvent } from '../../events/view-save.js';
import { getLocale } from '../../i18n/localization.js';
import type { Filters } from '../../model/types.js';
import type { InboxStore, UiState } from '../../store/inbox-store.js';
import { buttonStyles, controlStyles, iconButtonStyles, popupStyles } from '../../styles/controls.js';
import { needElements } from '../lazy-elements.js';
import { icon } from '../shared/icons.js';
import { InboxElement } from '../shared/inbox-element.js';
import type { FilterPanel, FilterPanelOwner } from './filter-panel.js';
import { styles } from './inbox-filters.styles.js';

/** Filter fields given as lists: empty means "not filtering". */
type ListField = 'statuses' | 'channelKinds' | 'assignees' | 'teamIds' | 'labels' | 'priorities' | 'companies';

/** How many filters differ from the defaults (hide spam and trash on). */
export function activeFilterCount(filters: Filters): number {
  const lists: ListField[] = ['statuses', 'channelKinds', 'assignees', 'teamIds', 'labels', 'priorities', 'companies'];
  let n = lists.filter((field) => (filters[field]?.length ?? 0) > 0).length;
  if (filters.from !== undefined || filters.to !== undefined) n++;
  if (filters.hideSpam === false) n++;
  if (filters.hideTrash === false) n++;
  return n + Object.keys(filters.custom ?? {}).length;
}

/**
 * @summary The search box of an inbox, and a Filters button whose panel
 * floats over the list: the sort order, the filters of DESIGN section 4,
 * and "Save as view" to keep the current query as a saved view shared with
 * nobody, a team or everyone.
 *
 * One line: the search field and the Filters button (with the number of
 * active filters). Search is debounced (`debounce` ms) and accent- and
 * case-insensitive (the store's query does it); Enter searches at once and
 * Esc clears the box. `focusSearch()` is what the `/` shortcut calls.
 *
 * The panel is a popover anchored to the button, over the list (nothing
 * moves): Esc or a click outside closes it and the focus returns to the
 * button. Filters (status, channel, assignee with deactivated users on
 * request, team, date range, labels, company, custom fields, priority, hide
 * spam, hide trash) combine freely with each other, the view and the
 * search, and apply as they change; a long facet shows its first options, a
 * "N more" button and a search box. Dates are typed in the inbox's language
 * (`31/12/2026` in French, `12/31/2026` in English), not the browser's.
 * Saving dispatches `saveView` with the current filters and search, owned by
 * the current user, then opens the new view; it updates live like every
 * view (R17). Works inside an `<inbox-provider>` or with `.store`.
 *
 * @fires view-save - {ViewSaveEvent} A view was saved and opened.
 *
 * @csspart search - The search field.
 * @csspart filters-toggle - The button that opens the filters panel.
 * @csspart panel - The filters panel (a popover).
 * @csspart sort - The sort order select.
 * @csspart clear - The "Clear all" button.
 * @csspart facet-search - The search box of a long facet.
 * @csspart more - The "N more" button of a long facet.
 * @csspart save-toggle - The "Save as view" button.
 * @csspart save-form - The form that names and shares a new view.
 *
 * @cssprop --inbox-filters-background - Background of the panel. Defaults to `--inbox-color-surface`.
 * @cssprop --inbox-filters-panel-width - Width of the panel. Defaults to `22rem`.
 */
export class InboxFilters extends InboxElement {
  static override styles = [InboxElement.styles, buttonStyles, controlStyles, iconButtonStyles, popupStyles, styles];

  static override properties: PropertyDeclarations = {
    debounce: { type: Number },
    filtersOpen: { type: Boolean, reflect: true, attribute: 'filters-open' },
    draft: { state: true, attribute: false },
  };

  /** Milliseconds of quiet typing before the search applies. */
  debounce = 200;

  /** Whether the filters panel is open. */
  filtersOpen = false;

  /** Typed but not yet applied (the debounce is running). */
  private draft: string | null = null;

  readonly #ui = new StoreController<UiState>(this, (s) => s.ui);
  readonly #popover = new PopoverController(this, {
    panel: () => this.renderRoot.querySelector<HTMLElement>('#panel'),
    closed: () => {
      this.filtersOpen = false;
    },
  });
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

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('filtersOpen')) return;
    if (!this.filtersOpen) {
      this.#popover.close();
      return;
    }
    // The panel shows now; its contents render in <filter-panel>'s own update
    // (loaded first by the script-tag bundle), and the focus moves in then.
    this.#popover.open();
    void this.#focusPanel();
  }

  async #focusPanel(): Promise<void> {
    await needElements('filter-panel').catch(() => undefined);
    const panel = this.renderRoot.querySelector<FilterPanel>('filter-panel');
    await panel?.updateComplete;
    if (!this.filtersOpen || !panel || panel.contains(deepActiveElement())) return;
    this.#popover.focusInitial();
  }

  /** Resolves once the panel's contents are rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.renderRoot.querySelector<FilterPanel>('filter-panel')?.updateComplete;
    return done;
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

  /** What the panel asks of the filters. */
  readonly #owner: FilterPanelOwner = {
    flushSearch: () => this.#flushSearch(),
    clearSearch: () => {
      clearTimeout(this.#timer);
      this.draft = null;
    },
    viewSaved: (view) => {
      this.filtersOpen = false;
      this.dispatchEvent(new ViewSaveEvent(view));
    },
  };

  // ---- render ----

  protected override render() {
    const ui = this.#ui.value;
    const count = activeFilterCount(this.#filters);
    const search = this.draft ?? ui?.search ?? '';
    const searchLabel = msg('Search conversations', { id: 'filters.search' });
    const toggleLabel = msg('Filters and sort', { id: 'filters.toggleLabel' });
    return html`
      <div class="bar" role="search" aria-label=${msg('Search and filters', { id: 'filters.label' })}>
        <span class="search">
          ${icon(Search, { size: 16, className: 'search-icon' })}
          <input
            part="search"
            class="control"
            type="search"
            aria-label=${searchLabel}
            placeholder=${msg('Search', { id: 'filters.searchShort' })}
            title=${`${searchLabel} (/)`}
            aria-keyshortcuts="/"
            .value=${live(search)}
            @input=${this.#onSearchInput}
            @keydown=${this.#onSearchKeydown}
          />
        </span>
        <button
          part="filters-toggle"
          class="icon-button toggle"
          type="button"
          title=${toggleLabel}
          aria-haspopup="dialog"
          aria-expanded=${String(this.filtersOpen)}
          aria-controls="panel"
          @click=${() => (this.filtersOpen = !this.filtersOpen)}
        >
          ${icon(ListFilter, { size: 18 })}<span class="visually-hidden">${toggleLabel}</span>
          ${count > 0
            ? html`<span class="badge">${new Intl.NumberFormat(getLocale()).format(count)}</span
                ><span class="visually-hidden">${msg(str`(${count} active)`, { id: 'filters.activeCount' })}</span>`
            : nothing}
        </button>
      </div>
      <div
        id="panel"
        part="panel"
        class="popup panel"
        role="dialog"
        aria-label=${msg('Filters', { id: 'filters.toggle' })}
        popover="manual"
      >
        ${this.filtersOpen
          ? html`<filter-panel .store=${this.store} .owner=${this.#owner} .canClear=${count > 0 || search !== ''}></filter-panel>`
          : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'inbox-filters': InboxFilters;
  }
}

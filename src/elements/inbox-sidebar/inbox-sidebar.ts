import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { msg, str } from '@lit/localize';
import { ChevronDown } from 'lucide';
import { RovingFocusController } from '../../controllers/roving-focus.controller.js';
import { ViewSelectEvent } from '../../events/view-select.js';
import { dotCount, NO_DOTS } from '../../model/indicators.js';
import type { SidebarKind, SidebarView, ViewId } from '../../model/views.js';
import { icon } from '../shared/icons.js';
import { InboxElement } from '../shared/inbox-element.js';
import { formatNumber, plural } from '../shared/numbers.js';
import { styles } from './inbox-sidebar.styles.js';
import { SIDEBAR_SECTIONS, sectionLabel, viewLabel } from './view-labels.js';

const NO_VIEWS: readonly SidebarView[] = [];
const NO_COUNTS: ReadonlyMap<string, number> = new Map();

/** "1,034 open conversations": what a view's number means (R15). */
const openLabel = (n: number): string =>
  plural(n, {
    one: (count) => msg(str`${count} open conversation`, { id: 'sidebar.open.one' }),
    other: (count) => msg(str`${count} open conversations`, { id: 'sidebar.open.other' }),
  });

/** What a view's new-message dot means: conversations, not messages (R15). */
const newLabel = (n: number): string =>
  plural(n, {
    one: (count) => msg(str`New messages in ${count} conversation`, { id: 'sidebar.new.one' }),
    other: (count) => msg(str`New messages in ${count} conversations`, { id: 'sidebar.new.other' }),
  });

/**
 * @summary The inbox's views (DESIGN section 4) in sections (inboxes, teams,
 * channels, saved views, folders), each with its number of open
 * conversations and a new-message dot (R15), limited to the views the
 * current user may see (R14).
 *
 * A compact list that fills what holds it: a column of 200-240 px, a drawer
 * or a menu. A navigation landmark with one tab stop: the arrows, Home and
 * End move between section headings and views, Enter or Space opens a view
 * (or folds a section), ArrowLeft folds and ArrowRight unfolds a section
 * from its heading. The current view is marked `aria-current="page"`. A
 * view holding open conversations shows their number, its meaning in its
 * tooltip and accessible name ("Mine, 34 open conversations"); a dot marks
 * a view that received messages since it was last opened, named by how many
 * conversations did, and only the highest-priority view holding a
 * conversation lights it (Mine > Team > Unassigned > All). Opening a view
 * clears its dot (the store does). Works inside an `<inbox-provider>` or
 * with `.store`.
 *
 * @fires view-select - {ViewSelectEvent} A person opened a view; the store already shows it.
 *
 * @csspart nav - The navigation landmark.
 * @csspart section - One section: its heading and list.
 * @csspart section-toggle - The button that folds or unfolds a section.
 * @csspart item - A view's button; `item-current` marks the current view.
 * @csspart count - A view's number of open conversations.
 * @csspart dot - A view's new-message dot.
 *
 * @cssprop --inbox-sidebar-background - Background. Defaults to `--inbox-color-surface-raised`.
 * @cssprop --inbox-sidebar-padding - Padding around the sections. Defaults to `--inbox-space-3`.
 * @cssprop --inbox-sidebar-item-radius - Corner radius of a view. Defaults to `--inbox-radius`.
 * @cssprop --inbox-sidebar-current-background - Background of the current view. Defaults to a 14 % tint of `--inbox-color-accent`.
 * @cssprop --inbox-sidebar-current-color - Text colour of the current view. Defaults to `--inbox-color-text`.
 * @cssprop --inbox-sidebar-dot-color - Colour of the new-message dot. Defaults to `--inbox-status-unread` (blue).
 *
 * @cssstate loading - The store has not received its first snapshot.
 */
export class InboxSidebar extends InboxElement {
  static override styles = [InboxElement.styles, styles];

  static override properties: PropertyDeclarations = {
    collapsed: { state: true, attribute: false },
  };

  /** Folded sections. */
  private collapsed: ReadonlySet<SidebarKind> = new Set();

  readonly #views = this.select((s, store) => (s.ready ? store.selectors.views(s) : NO_VIEWS));
  // Counts follow a frame late: never in the frame that answers a key (INP).
  readonly #counts = this.select((s, store) => (s.ready ? store.selectors.counts(s) : NO_COUNTS), undefined, { background: true });
  readonly #current = this.select((s) => s.ui.view);
  readonly #dots = this.select((s) => s.ui.dots);
  readonly #ready = this.select((s) => s.ready);
  readonly #internals = this.attachInternals();
  /** The row that keeps the tab stop: the last focused, else the current view. */
  #focusedKey: string | null = null;

  constructor() {
    super();
    new RovingFocusController(this, {
      orientation: 'vertical',
      elements: () => this.#rows(),
      focusIndex: () => {
        const rows = this.#rows();
        const focused = rows.findIndex((row) => row.dataset['key'] === this.#focusedKey);
        if (focused >= 0) return focused;
        return Math.max(0, rows.findIndex((row) => row.getAttribute('aria-current') === 'page'));
      },
    });
  }

  #rows(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('.section-toggle, .item')];
  }

  /** Moves focus to the current view (or the first row). */
  override focus(options?: FocusOptions): void {
    const rows = this.#rows();
    (rows.find((row) => row.getAttribute('aria-current') === 'page') ?? rows[0])?.focus(options);
  }

  #open(view: ViewId): void {
    const store = this.activeStore;
    if (!store) return;
    store.setView(view);
    this.dispatchEvent(new ViewSelectEvent(view));
  }

  #toggle(kind: SidebarKind, expand = this.collapsed.has(kind)): void {
    const next = new Set(this.collapsed);
    if (expand) next.delete(kind);
    else next.add(kind);
    this.collapsed = next;
  }

  #onFocusIn(event: FocusEvent): void {
    const row = event.composedPath()[0];
    if (row instanceof HTMLElement && row.dataset['key']) this.#focusedKey = row.dataset['key'];
  }

  #onKeydown(event: KeyboardEvent): void {
    const row = event.composedPath()[0];
    if (!(row instanceof HTMLElement) || !row.classList.contains('section-toggle')) return;
    const kind = row.dataset['kind'] as SidebarKind;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      this.#toggle(kind, event.key === 'ArrowRight');
    }
  }

  protected override updated(): void {
    const states = this.#internals.states;
    if (this.#ready.value === true) states.delete('loading');
    else states.add('loading');
  }

  protected override render() {
    const navLabel = msg('Views', { id: 'sidebar.label', desc: 'Accessible name of the sidebar navigation' });
    if (this.#ready.value !== true) {
      return html`<nav part="nav" aria-label=${navLabel} aria-busy="true">
        <p class="status" role="status">${msg('Loading views…', { id: 'sidebar.loading' })}</p>
      </nav>`;
    }
    const views = this.#views.value ?? NO_VIEWS;
    return html`<nav part="nav" aria-label=${navLabel} @focusin=${this.#onFocusIn} @keydown=${this.#onKeydown}>
      ${SIDEBAR_SECTIONS.map((kind) => this.#renderSection(kind, views.filter((v) => v.kind === kind)))}
    </nav>`;
  }

  #renderSection(kind: SidebarKind, views: readonly SidebarView[]): TemplateResult | typeof nothing {
    if (views.length === 0) return nothing;
    const expanded = !this.collapsed.has(kind);
    const label = sectionLabel(kind);
    return html`<section part="section" aria-labelledby="heading-${kind}">
      <h2 id="heading-${kind}">
        <button
          part="section-toggle"
          class="section-toggle"
          type="button"
          data-key="section:${kind}"
          data-kind=${kind}
          aria-expanded=${String(expanded)}
          aria-controls="list-${kind}"
          @click=${() => this.#toggle(kind)}
        >
          ${icon(ChevronDown, { size: 14, className: 'chevron' })}${label}
        </button>
      </h2>
      <ul id="list-${kind}" ?hidden=${!expanded}>
        ${expanded ? views.map((view) => this.#renderItem(view)) : nothing}
      </ul>
    </section>`;
  }

  #renderItem(view: SidebarView): TemplateResult {
    const current = this.#current.value === view.id;
    const count = (this.#counts.value ?? NO_COUNTS).get(view.id);
    const dots = dotCount(this.#dots.value ?? NO_DOTS, view.id);
    const name = viewLabel(view);
    const open = count === undefined ? null : openLabel(count);
    const fresh = dots > 0 ? newLabel(dots) : null;
    // The name says what the number and the dot mean; the visible text stays its start.
    const label = [name, open, fresh].filter(Boolean).join(', ');
    return html`<li>
      <button
        part="item${current ? ' item-current' : ''}"
        class="item"
        type="button"
        data-key=${view.id}
        data-view=${view.id}
        aria-current=${current ? 'page' : nothing}
        aria-label=${label}
        @click=${() => this.#open(view.id)}
      >
        <span class="name">${name}</span>
        ${fresh ? html`<span part="dot" class="dot" title=${fresh}></span>` : nothing}
        ${open !== null ? html`<span part="count" class="count" title=${open}>${formatNumber(count!)}</span>` : nothing}
      </button>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'inbox-sidebar': InboxSidebar;
  }
}

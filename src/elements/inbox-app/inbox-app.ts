import { html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { updateWhenLocaleChanges, msg, str } from '@lit/localize';
import { distinctUntilChanged, map, type Subscription } from 'rxjs';
import { Command, Keyboard, Menu, PanelLeftClose, UserRound } from 'lucide';
import { DEFAULT_KEYMAP, type Action, type Keymap } from '../../controllers/keymap.js';
import { ShortcutsController } from '../../controllers/shortcuts.controller.js';
import { deepActiveElement } from '../../controllers/modal.controller.js';
import { storeContext } from '../../controllers/store.context.js';
import type { InboxStore, StoreState } from '../../store/inbox-store.js';
import { mergeQueryString, fromQueryString } from '../../store/url-state.js';
import { StoreChangeEvent } from '../../events/store-change.js';
import { InboxNoticeEvent } from '../../events/inbox-notice.js';
import type { PaletteActionEvent } from '../../events/palette-action.js';
import { getLocale } from '../../i18n/localization.js';
import { tokens } from '../../styles/tokens.js';
import { hostStyles } from '../../styles/host-styles.js';
import { buttonStyles, iconButtonStyles } from '../../styles/controls.js';
import type { InboxProvider } from '../inbox-provider/inbox-provider.js';
import type { InboxFilters } from '../inbox-filters/inbox-filters.js';
import type { InboxSidebar } from '../inbox-sidebar/inbox-sidebar.js';
import type { ShortcutHelp } from '../shortcut-help/shortcut-help.js';
import type { CommandPalette } from '../command-palette/command-palette.js';
import type { InboxList } from '../inbox-list/inbox-list.js';
import type { ConversationView } from '../conversation-view/conversation-view.js';
import { viewLabel } from '../inbox-sidebar/view-labels.js';
import { needElements } from '../lazy-elements.js';
import { icon } from '../shared/icons.js';
import { StoreSource } from '../store-source.js';
import { latestAfterPaint } from '../../controllers/after-paint.js';
import { styles } from './inbox-app.styles.js';

/**
 * The three layouts, by the app's own width (DESIGN "Widths"): a CRM
 * sidebar, a half screen, a full screen. Not the window's: the app may be a
 * 380 px panel on a 1920 px screen.
 */
export type AppLayout = 'sidebar' | 'medium' | 'wide';

/** From these widths (px of the app's box) the medium and the wide layouts apply; the styles' container queries match. */
export const LAYOUT_WIDTHS = { medium: 481, wide: 1100 } as const;

/** The app's width from which the contact panel shows beside the conversation until it is hidden. */
export const WIDE_LAYOUT = 1400;

export const layoutFor = (width: number): AppLayout =>
  width >= LAYOUT_WIDTHS.wide ? 'wide' : width >= LAYOUT_WIDTHS.medium ? 'medium' : 'sidebar';

/** How long a notice stays, in ms. */
const NOTICE_MS = 5000;

interface Notice {
  readonly id: number;
  readonly message: string;
  readonly tone: 'info' | 'error';
}

/** The current view's name and open count, for the bar. */
interface Heading {
  readonly label: string;
  readonly count: number | undefined;
}

const headingOf = (state: StoreState, store: InboxStore): Heading | null => {
  if (!state.ready) return null;
  const view = store.selectors.views(state).find((v) => v.id === state.ui.view);
  if (!view) return null;
  return { label: viewLabel(view), count: store.selectors.counts(state).get(view.id) };
};

/**
 * @summary The whole inbox in one tag: the views, search and filters, the
 * conversation list, the open conversation (`<conversation-view>`) and its
 * contact (`<contact-panel>`), the ringing calls, one toast region, the
 * shortcut help (?) and the command palette (Ctrl/Cmd+K), laid out for the
 * width it is given.
 *
 * Three layouts, by the app's own width (container queries, not the
 * window's):
 * - **sidebar**, up to 480 px (a CRM's side panel): one bar (the current
 *   view as a button with its count, which opens the views in a drawer;
 *   the search; the filters), the list at full height; a conversation opens
 *   full width with Back, its contact as a sheet over it.
 * - **medium**, 481-1099 px: the list and the conversation side by side;
 *   the views in a drawer; the contact as a sheet.
 * - **wide**, 1100 px and more: the views, the list, the conversation and
 *   (from 1400 px, or on demand) the contact, the views column collapsible.
 * Ringing calls and the call in progress float at the foot of the list,
 * and notices (`inbox-notice` from the elements inside: a conversation
 * assigned to you, a call answered, an error) and the undo toast show in
 * one region: nothing transient moves the layout. The drawer, the help and
 * the palette open over this inbox only, which they make inert, never over
 * the host's page or another inbox.
 *
 * Sizing: in a parent with a height (or as a stretched flex or grid item)
 * it takes that height; on a page that gives none, the viewport's.
 *
 * Keys: those pressed inside the conversation act on it (E, U, S, A, L, P,
 * Esc back); elsewhere the list's keys act on the list. R and N reach the
 * composer from anywhere, / the search, ? the help, Ctrl/Cmd+K the palette,
 * whose actions go where the focus was when it opened.
 *
 * Give it a store (`.store`), or the same attributes as `<inbox-provider>`
 * for a page without JavaScript (`<inbox-app demo user="u-ana">`), or put it
 * inside an `<inbox-provider>` and it uses that provider's store.
 * `sync-url` keeps the UI state (view, tab, filters, search, sort, open
 * conversation, focused message) in the page's query string, and reads it
 * back on load, so a host can link into a filtered view or one message;
 * parameters of its own that the host keeps there are left alone.
 *
 * Events from the elements inside bubble out of the app (they are composed),
 * so a listener on `<inbox-app>` hears them all:
 * @fires store-change - {StoreChangeEvent} The store of the app's own provider arrived or changed (`demo`, `endpoint`, `.store`).
 * @fires inbox-selection-change - {InboxSelectionChangeEvent} What the agent works on changed (the app's own provider): `selection` is none, one conversation with its contact, or many.
 * @fires inbox-notice - {InboxNoticeEvent} An element inside has a transient message; the app shows it in its toast region and cancels the event, so a host's listener on the app hears it only if it listens in the capture phase.
 * @fires next-conversation - {NextConversationEvent} Availability: routing handed the user a conversation; cancel to keep the open one.
 * @fires view-save - {ViewSaveEvent} Filters: a view was saved and opened.
 * @fires view-select - {ViewSelectEvent} Sidebar: a person opened a view.
 * @fires conversation-open - {ConversationOpenEvent} List or contact panel: a conversation was opened.
 * @fires selection-change - {SelectionChangeEvent} List: the checked rows changed.
 * @fires inbox-request-picker - {RequestPickerEvent} List or bulk bar: a picker was asked for; cancel it to open your own.
 * @fires close - {PickerCloseEvent | Event} A picker closed (PickerCloseEvent), or the shortcut help or the command palette did (Event).
 * @fires palette-action - {PaletteActionEvent} Command palette: an action was chosen; `handled` says the palette already did it.
 * @fires conversation-back - {ConversationBackEvent} Conversation: Back or Esc (the app has returned to the list).
 * @fires conversation-transcript - {ConversationTranscriptEvent} Conversation: "Send transcript" was chosen; the host sends it.
 * @fires conversation-forward - {ConversationForwardEvent} Conversation: "Forward" was chosen on an e-mail conversation; the host sends it.
 * @fires composer-send - {ComposerSendEvent} Composer: a reply or comment was dispatched.
 * @fires message-link-copy - {MessageLinkCopyEvent} Timeline: "Copy link" was used on a message; `url`, `copied`.
 * @fires contact-fields-change - {ContactFieldsChangeEvent} Contact panel: the shown fields or their order changed.
 * @fires call-answer - {CallAnswerEvent} Incoming calls: Answer was pressed; cancel to answer through your own telephony first.
 * @fires call-decline - {CallDeclineEvent} Incoming calls: Decline was pressed; cancel to handle it yourself.
 * @fires call-record - {CallRecordEvent} Call card: Record was toggled; cancel to handle it yourself.
 * @fires call-end - {CallEndEvent} Call card: End was pressed; cancel to hang up through your own telephony first.
 *
 * @csspart header - The bar above the list: the current view (a button that opens the views where they are a drawer), search and filters.
 * @csspart views-button - The button of the current view, which opens the views drawer.
 * @csspart sidebar - The views: a column in the wide layout, a drawer in the others.
 * @csspart footer - Availability, shortcuts and commands, at the foot of the views.
 * @csspart calls - The ringing calls, floating at the foot of the list.
 * @csspart call - The user's call in progress, beside them.
 * @csspart list - The conversation list pane.
 * @csspart conversation - The open conversation pane (`<conversation-view>`).
 * @csspart contact - The contact pane, holding `<contact-panel>`.
 * @csspart contact-toggle - The Contact button in the conversation's header.
 * @csspart toasts - The region of notices and of the undo toast.
 * @csspart notice - One notice.
 * @cssprop --inbox-app-sidebar-width - Width of the views column or drawer. Defaults to `13rem`.
 * @cssprop --inbox-app-list-width - Width of the list pane beside the conversation. Defaults to `22rem`.
 * @cssprop --inbox-app-contact-width - Width of the contact pane. Defaults to `18rem`.
 * @cssprop --inbox-toast-background - Background of the notices in the toast region, as the undo toast's. Defaults to `--inbox-color-text` (an inverted surface).
 * @cssprop --inbox-toast-color - Text colour of those notices. Defaults to `--inbox-color-surface`.
 *
 * @cssstate sidebar - The app is in its sidebar layout (up to 480 px wide).
 * @cssstate medium - The app is in its medium layout.
 * @cssstate wide - The app is in its wide layout (from 1100 px).
 */
export class InboxApp extends StoreSource {
  static {
    this.addInitializer(updateWhenLocaleChanges); // re-renders on setLocale(), as @localized() would
  }

  static override styles = [tokens, hostStyles, buttonStyles, iconButtonStyles, styles];

  static override properties: PropertyDeclarations = {
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    keymap: { attribute: false },
    conversationOpen: { state: true, attribute: false },
    layout: { state: true, attribute: false },
    contactRoom: { state: true, attribute: false },
    contactChoice: { state: true, attribute: false },
    drawerOpen: { state: true, attribute: false },
    navCollapsed: { state: true, attribute: false },
    heading: { state: true, attribute: false },
    notices: { state: true, attribute: false },
  };

  /** Keep the UI state in the page's URL and restore it on load. */
  syncUrl = false;

  /** The keymap in force (a host's remapping). */
  keymap: Keymap = DEFAULT_KEYMAP;

  /** True while a conversation is open: in the sidebar layout it replaces the list. */
  private conversationOpen = false;

  /** The layout for the app's width. */
  private layout: AppLayout = 'wide';

  /** The app is wide enough for the contact pane beside the conversation by default. */
  private contactRoom = false;

  /** Shown or hidden by the Contact button; until then, shown when there is room. */
  private contactChoice: boolean | null = null;

  /** The views drawer is open (the sidebar and medium layouts, or a collapsed column). */
  private drawerOpen = false;

  /** Wide layout: the views column is collapsed to the bar's button. */
  private navCollapsed = false;

  private heading: Heading | null = null;

  private notices: readonly Notice[] = [];

  private get provider(): InboxProvider | null {
    return this.shadowRoot?.querySelector('inbox-provider') ?? null;
  }

  private get filters(): InboxFilters | null {
    return this.shadowRoot?.querySelector('inbox-filters') ?? null;
  }

  private get list(): InboxList | null {
    return this.shadowRoot?.querySelector('inbox-list') ?? null;
  }

  private get view(): ConversationView | null {
    return this.shadowRoot?.querySelector('conversation-view') ?? null;
  }

  readonly #outer = new ContextConsumer(this, { context: storeContext, subscribe: true });
  readonly #internals = this.attachInternals();
  #watched: InboxStore | undefined;
  #subscription: Subscription | undefined;
  #noticeId = 0;
  readonly #resizes = new ResizeObserver(([entry]) => {
    const width = entry?.contentRect.width ?? 0;
    if (width === 0) return;
    const layout = layoutFor(width);
    if (layout !== this.layout) {
      this.layout = layout;
      this.drawerOpen = false;
    }
    this.contactRoom = width >= WIDE_LAYOUT;
  });

  /** The calls dock floats over the foot of the list: the list gets that much room after its last row. */
  readonly #dockResizes = new ResizeObserver(([entry]) => {
    const height = entry?.borderBoxSize[0]?.blockSize ?? entry?.contentRect.height ?? 0;
    const pane = this.renderRoot.querySelector<HTMLElement>('.list-pane');
    pane?.style.setProperty('--inbox-list-end-space', height > 0 ? `calc(${Math.ceil(height)}px + 2 * var(--_inbox-space-3))` : '0px');
  });

  constructor() {
    super();
    new ShortcutsController(this, { keymap: () => this.keymap, handle: (action) => this.#handle(action) });
    // The inner provider's store may arrive after its transport loads: follow it (updated()).
    this.addEventListener(StoreChangeEvent.eventName, () => this.requestUpdate());
  }

  /** Whether the app makes its own store (else it uses an outer provider's). */
  get #ownsStore(): boolean {
    return this.store !== undefined || this.demo || this.endpoint !== undefined;
  }

  /** The store in use. */
  get activeStore(): InboxStore | undefined {
    return this.#ownsStore ? (this.store ?? this.provider?.store) : this.#outer.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resizes.observe(this);
    const dock = this.renderRoot.querySelector('.dock');
    if (dock) this.#dockResizes.observe(dock);
    // The script-tag bundle loads the conversation's elements on demand: the app shows them, so it asks.
    needElements('conversation-view', 'incoming-calls', 'call-card').catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizes.disconnect();
    this.#dockResizes.disconnect();
    this.#watch(undefined);
  }

  /** The views are a drawer (not a column): narrower layouts, or a collapsed column. */
  get #viewsInDrawer(): boolean {
    return this.layout !== 'wide' || this.navCollapsed;
  }

  /** Whether the contact panel shows: the Contact button's choice, else when there is room. */
  get #contactShown(): boolean {
    return this.conversationOpen && (this.contactChoice ?? (this.layout === 'wide' && this.contactRoom));
  }

  /** The contact is a sheet over the conversation (not a pane beside it). */
  get #contactIsSheet(): boolean {
    return this.layout !== 'wide';
  }

  protected override firstUpdated(): void {
    const dock = this.renderRoot.querySelector('.dock');
    if (dock) this.#dockResizes.observe(dock);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#watch(this.activeStore);
    if (this.#contactShown) needElements('contact-panel').catch(() => undefined);
    if ((changed as PropertyValues).has('layout')) {
      const states = this.#internals.states;
      for (const layout of ['sidebar', 'medium', 'wide'] as const) {
        if (layout === this.layout) states.add(layout);
        else states.delete(layout);
      }
    }
  }

  /** Follows the store: the open conversation, the heading, and the URL when `sync-url` is on. */
  #watch(store: InboxStore | undefined): void {
    if (store === this.#watched) return;
    this.#subscription?.unsubscribe();
    this.#watched = store;
    if (!store) return;
    if (this.syncUrl) this.#restoreUrl(store);
    const subscription = store
      .select((s) => s.ui)
      .subscribe((ui) => {
        this.conversationOpen = ui.openId !== null;
        if (this.syncUrl) {
          const search = mergeQueryString(location.search, ui);
          if (search !== location.search.replace(/^\?/, '')) {
            history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
          }
        }
      });
    // The heading's count is not what a key answers: worked out after the frame that does.
    subscription.add(
      store
        .state$()
        .pipe(
          latestAfterPaint(),
          map((s) => headingOf(s, store)),
          distinctUntilChanged((a, b) => a?.label === b?.label && a?.count === b?.count),
        )
        .subscribe((heading) => (this.heading = heading)),
    );
    this.#subscription = subscription;
  }

  #restoreUrl(store: InboxStore): void {
    const { openId, focusedMessageId, ...query } = fromQueryString(location.search);
    store.setQuery(query);
    if (openId) void store.ready.then(() => store.openConversation(openId, focusedMessageId ?? null));
  }

  #handle(action: Action): boolean {
    switch (action) {
      case 'help':
        void this.#showModal('shortcut-help');
        return true;
      case 'palette':
        void this.#showModal('command-palette');
        return true;
      case 'search':
        this.filters?.focusSearch();
        return true;
      case 'back':
        if (!this.conversationOpen) return false;
        this.activeStore?.openConversation(null);
        return true;
      default:
        return false;
    }
  }

  /**
   * While the shortcut help or the palette is open, the rest of the app is
   * inert (the host's page is not). Set at once, not on the next render:
   * the dialog gives the focus back as it closes.
   */
  async #showModal(tag: 'shortcut-help' | 'command-palette'): Promise<void> {
    await needElements(tag); // the script-tag bundle loads them the first time
    const dialog = this.renderRoot.querySelector<ShortcutHelp | CommandPalette>(tag);
    if (!dialog || dialog.open) return;
    this.renderRoot.querySelector('.app')?.setAttribute('inert', '');
    dialog.show();
  }

  #onModalClose = (event: Event): void => {
    if (event.target === event.currentTarget) this.renderRoot.querySelector('.app')?.removeAttribute('inert');
  };

  /**
   * Actions the palette could not run itself go where the focus was when it
   * opened: the conversation, else the list, then the other one (reply and
   * comment always to the conversation's composer), and last the app (help,
   * search, back).
   */
  #onPaletteAction = (event: PaletteActionEvent): void => {
    if (event.handled) return;
    const { action } = event;
    const view = this.view;
    const active = deepActiveElement();
    const inView = view !== null && active !== null && this.#contains(view, active);
    const viewFirst = action === 'reply' || action === 'comment' || inView;
    const order = viewFirst ? [view, this.list] : [this.list, view];
    if (order.some((target) => target?.perform(action))) return;
    this.#handle(action);
  };

  /** Whether `node` is inside `host`, across shadow roots. */
  #contains(host: Element, node: Node): boolean {
    let current: Node | null = node;
    while (current) {
      if (current === host) return true;
      const root = current.getRootNode();
      current = current.parentNode ?? (root instanceof ShadowRoot ? root.host : null);
    }
    return false;
  }

  /** The conversation's Back (sidebar layout) or Esc inside it: close it and return to the list. */
  #onConversationBack = (): void => {
    this.activeStore?.openConversation(null);
    void this.updateComplete.then(() => this.list?.focus());
  };

  // ---- the views drawer ----

  #openDrawer(): void {
    this.drawerOpen = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<InboxSidebar>('inbox-sidebar')?.focus());
  }

  #closeDrawer(focus: 'button' | 'list' = 'button'): void {
    if (!this.drawerOpen) return;
    this.drawerOpen = false;
    void this.updateComplete.then(() =>
      focus === 'list' ? this.list?.focus() : this.renderRoot.querySelector<HTMLElement>('.views-button')?.focus(),
    );
  }

  #onDrawerKeydown = (event: KeyboardEvent): void => {
    if (!this.drawerOpen || event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    this.#closeDrawer();
  };

  // A view chosen in the drawer: it has done its work, the list takes the focus.
  #onViewSelect = (): void => this.#closeDrawer('list');

  // ---- the contact ----

  #toggleContact(): void {
    const show = !this.#contactShown;
    this.contactChoice = show;
    // A sheet over the conversation takes the focus; a pane beside it does not.
    if (show && this.#contactIsSheet) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.contact-close')?.focus());
    }
  }

  #closeContact(): void {
    this.contactChoice = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.contact-toggle')?.focus());
  }

  #onContactKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || !this.#contactIsSheet) return;
    event.preventDefault();
    event.stopPropagation();
    this.#closeContact();
  };

  // ---- notices ----

  /** Every transient message of the elements inside shows here, never in their layout. */
  #onNotice = (event: InboxNoticeEvent): void => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    const notice: Notice = { id: ++this.#noticeId, message: event.message, tone: event.tone };
    // The same message twice in a row shows once.
    this.notices = [...this.notices.filter((n) => n.message !== notice.message), notice].slice(-3);
    setTimeout(() => (this.notices = this.notices.filter((n) => n !== notice)), NOTICE_MS);
  };

  #dismiss(notice: Notice): void {
    this.notices = this.notices.filter((n) => n !== notice);
  }

  // ---- render ----

  #renderHeading(): TemplateResult {
    const heading = this.heading;
    const count =
      heading?.count === undefined
        ? nothing
        : html`<span class="view-count" title=${this.#countLabel(heading.count)}
            ><span aria-hidden="true">${new Intl.NumberFormat(getLocale()).format(heading.count)}</span
            ><span class="visually-hidden">${this.#countLabel(heading.count)}</span></span
          >`;
    const name = html`<span class="view-name">${heading?.label ?? msg('Views', { id: 'app.views' })}</span>${count}`;
    if (!this.#viewsInDrawer) return html`<h2 class="view-title">${name}</h2>`;
    return html`<button
      type="button"
      part="views-button"
      class="views-button"
      aria-haspopup="dialog"
      aria-expanded=${String(this.drawerOpen)}
      aria-controls="views"
      @click=${() => (this.drawerOpen ? this.#closeDrawer() : this.#openDrawer())}
    >
      ${icon(Menu, { size: 18 })}${name}
    </button>`;
  }

  #countLabel(count: number): string {
    const n = new Intl.NumberFormat(getLocale()).format(count);
    return count === 1 ? msg('1 open conversation', { id: 'app.count.one' }) : msg(str`${n} open conversations`, { id: 'app.count.other' });
  }

  /** Availability, shortcuts and commands: at the foot of the views column, or of the drawer. */
  #renderFooter(): TemplateResult {
    const collapse = msg('Hide the views', { id: 'app.views.hide' });
    const shortcuts = msg('Keyboard shortcuts', { id: 'app.shortcuts' });
    const commands = msg('Commands', { id: 'app.commands' });
    return html`<div class="nav-foot" part="footer">
      <availability-toggle></availability-toggle>
      <span class="tools">
        <button
          type="button"
          class="icon-button"
          aria-label=${shortcuts}
          title=${`${shortcuts} (?)`}
          aria-keyshortcuts="?"
          @click=${() => this.#showModal('shortcut-help')}
        >
          ${icon(Keyboard, { size: 18 })}
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label=${commands}
          title=${`${commands} (Ctrl+K)`}
          aria-keyshortcuts="Control+K"
          @click=${() => this.#showModal('command-palette')}
        >
          ${icon(Command, { size: 18 })}
        </button>
        ${this.#viewsInDrawer
          ? nothing
          : html`<button
              type="button"
              class="icon-button"
              aria-label=${collapse}
              title=${collapse}
              @click=${() => {
                this.navCollapsed = true;
                void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.views-button')?.focus());
              }}
            >
              ${icon(PanelLeftClose, { size: 18 })}
            </button>`}
      </span>
    </div>`;
  }

  #renderToasts(): TemplateResult {
    const notice = (n: Notice) =>
      html`<div class="notice notice--${n.tone}" part="notice">
        <span>${n.message}</span>
        <button type="button" class="dismiss" aria-label=${msg('Dismiss', { id: 'app.notice.dismiss' })} @click=${() => this.#dismiss(n)}>
          ×
        </button>
      </div>`;
    return html`<div class="toasts" part="toasts" role="region" aria-label=${msg('Notifications', { id: 'app.toasts' })}>
      <div role="status" class="notices">${this.notices.filter((n) => n.tone === 'info').map(notice)}</div>
      <div role="alert" class="notices">${this.notices.filter((n) => n.tone === 'error').map(notice)}</div>
      <undo-toast .keymap=${this.keymap}></undo-toast>
    </div>`;
  }

  protected override render() {
    const drawer = this.#viewsInDrawer;
    const drawerOpen = drawer && this.drawerOpen;
    const contactShown = this.#contactShown;
    const content = html`
      <div
        class="app"
        data-layout=${this.layout}
        ?data-conversation-open=${this.conversationOpen}
        ?data-contact-shown=${contactShown}
        ?data-drawer=${drawer}
        ?data-drawer-open=${drawerOpen}
        @inbox-notice=${this.#onNotice}
      >
        <div
          id="views"
          class="nav"
          part="sidebar"
          role=${drawer ? 'dialog' : nothing}
          aria-label=${drawer ? msg('Views', { id: 'app.views' }) : nothing}
          ?hidden=${drawer && !drawerOpen}
          @keydown=${this.#onDrawerKeydown}
          @view-select=${this.#onViewSelect}
        >
          <inbox-sidebar></inbox-sidebar>
          ${drawer ? this.#renderFooter() : nothing}
        </div>
        <section class="list-pane" ?inert=${drawerOpen} aria-label=${msg('Conversations', { id: 'app.conversations' })}>
          <div class="bar" part="header">${this.#renderHeading()}<inbox-filters></inbox-filters></div>
          <inbox-list part="list" .keymap=${this.keymap} no-undo-toast></inbox-list>
          <div class="dock">
            <call-card part="call"></call-card>
            <incoming-calls part="calls" compact></incoming-calls>
          </div>
        </section>
        <conversation-view
          part="conversation"
          back
          no-undo-toast
          ?inert=${drawerOpen}
          .keymap=${this.keymap}
          @conversation-back=${this.#onConversationBack}
        >
          <button
            slot="actions"
            type="button"
            part="contact-toggle"
            class="contact-toggle icon-button"
            aria-controls="contact-pane"
            aria-pressed=${String(contactShown)}
            aria-label=${msg('Contact', { id: 'app.contact' })}
            title=${msg('Contact', { id: 'app.contact' })}
            @click=${() => this.#toggleContact()}
          >
            ${icon(UserRound, { size: 20 })}
          </button>
        </conversation-view>
        <aside
          id="contact-pane"
          class="contact-pane"
          part="contact"
          aria-label=${msg('Contact', { id: 'app.contact' })}
          ?hidden=${!contactShown}
          ?inert=${drawerOpen}
          @keydown=${this.#onContactKeydown}
        >
          <button type="button" class="contact-close button" @click=${() => this.#closeContact()}>
            ${msg('Close contact panel', { id: 'app.contact.close' })}
          </button>
          ${contactShown ? html`<contact-panel></contact-panel>` : nothing}
        </aside>
        ${drawer ? nothing : this.#renderFooter()}
        ${drawerOpen ? html`<div class="backdrop" @click=${() => this.#closeDrawer()}></div>` : nothing}
        ${this.#renderToasts()}
      </div>
      <shortcut-help .keymap=${this.keymap} @close=${this.#onModalClose}></shortcut-help>
      <command-palette .keymap=${this.keymap} @palette-action=${this.#onPaletteAction} @close=${this.#onModalClose}></command-palette>
    `;
    if (!this.#ownsStore) return content;
    return html`<inbox-provider
      .store=${this.store}
      ?demo=${this.demo}
      user=${this.user}
      conversations=${this.conversations}
      traffic=${this.traffic}
      endpoint=${this.endpoint ?? nothing}
      token=${this.token}
      locale=${this.locale ?? nothing}
      >${content}</inbox-provider
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'inbox-app': InboxApp;
  }
}

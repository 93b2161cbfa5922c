import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { localized, msg } from '@lit/localize';
import type { Subscription } from 'rxjs';
import { DEFAULT_KEYMAP, type Action, type Keymap } from '../../controllers/keymap.js';
import { ShortcutsController } from '../../controllers/shortcuts.controller.js';
import { storeContext } from '../../controllers/store.context.js';
import type { Id } from '../../model/types.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { mergeQueryString, fromQueryString } from '../../store/url-state.js';
import { DEFAULT_DEMO_CONVERSATIONS, DEMO_USER_IDS } from '../../transport/memory/demo-defaults.js';
import { StoreChangeEvent } from '../../events/store-change.js';
import { tokens } from '../../styles/tokens.js';
import { hostStyles } from '../../styles/host-styles.js';
import type { InboxProvider } from '../inbox-provider/inbox-provider.js';
import type { InboxFilters } from '../inbox-filters/inbox-filters.js';
import type { ShortcutHelp } from '../shortcut-help/shortcut-help.js';
import type { CommandPalette } from '../command-palette/command-palette.js';
import type { InboxList } from '../inbox-list/inbox-list.js';
import type { PaletteActionEvent } from '../../events/palette-action.js';
import { styles } from './inbox-app.styles.js';

/**
 * @summary The whole inbox in one tag: availability, search and filters,
 * the sidebar of views, the conversation list and the open conversation,
 * with the undo toast, the shortcut help (?) and the command palette
 * (Ctrl/Cmd+K). In a narrow container it collapses to one pane.
 *
 * Give it a store (`.store`), or the same attributes as `<inbox-provider>`
 * for a page without JavaScript (`<inbox-app demo user="u-ana">`), or put it
 * inside an `<inbox-provider>` and it uses that provider's store.
 * `sync-url` keeps the UI state (view, tab, filters, search, sort, open
 * conversation, focused message) in the page's query string, and reads it
 * back on load, so a host can link into a filtered view or one message;
 * parameters of its own that the host keeps there are left alone.
 *
 * @csspart header - The top bar: availability, search and filters, help and palette buttons.
 * @csspart sidebar - The column of views.
 * @csspart list - The conversation list pane.
 * @csspart conversation - The open conversation pane.
 * @cssprop --inbox-app-sidebar-width - Width of the sidebar (default 15rem).
 * @cssprop --inbox-app-list-width - Width of the list pane (default 26rem).
 */
@localized()
export class InboxApp extends LitElement {
  static override styles = [tokens, hostStyles, styles];

  /** The store, when the host makes it. */
  @property({ attribute: false }) store: InboxStore | undefined;

  /** Build a demo store on the embedded MemoryTransport (see <inbox-provider>). */
  @property({ type: Boolean }) demo = false;

  /** The current user's id. */
  @property() user: Id = DEMO_USER_IDS.owner;

  /** How many demo conversations. */
  @property({ type: Number }) conversations = DEFAULT_DEMO_CONVERSATIONS;

  /** Simulated traffic of the demo backend, commands per second. */
  @property({ type: Number }) traffic = 0;

  /** The reference server's base URL, for HttpTransport. */
  @property() endpoint: string | undefined;

  /** The bearer token sent to `endpoint`. */
  @property() token = '';

  /** The language: en, fr or es. */
  @property() locale: string | undefined;

  /** Keep the UI state in the page's URL and restore it on load. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /** The keymap in force (a host's remapping). */
  @property({ attribute: false }) keymap: Keymap = DEFAULT_KEYMAP;

  /** True while a conversation is open: in one-pane layouts it replaces the list. */
  @state() private conversationOpen = false;

  @query('inbox-provider') private provider?: InboxProvider;
  @query('inbox-filters') private filters?: InboxFilters;
  @query('shortcut-help') private help?: ShortcutHelp;
  @query('command-palette') private palette?: CommandPalette;
  @query('inbox-list') private list?: InboxList;

  readonly #outer = new ContextConsumer(this, { context: storeContext, subscribe: true });
  #watched: InboxStore | undefined;
  #subscription: Subscription | undefined;

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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#watch(undefined);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#watch(this.activeStore);
  }

  /** Follows the store: the one-pane layout, and the URL when `sync-url` is on. */
  #watch(store: InboxStore | undefined): void {
    if (store === this.#watched) return;
    this.#subscription?.unsubscribe();
    this.#watched = store;
    if (!store) return;
    if (this.syncUrl) this.#restoreUrl(store);
    this.#subscription = store
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
  }

  #restoreUrl(store: InboxStore): void {
    const { openId, focusedMessageId, ...query } = fromQueryString(location.search);
    store.setQuery(query);
    if (openId) void store.ready.then(() => store.openConversation(openId, focusedMessageId ?? null));
  }

  #handle(action: Action): boolean {
    switch (action) {
      case 'help':
        this.help?.show();
        return true;
      case 'palette':
        this.palette?.show();
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

  /** Actions the palette could not run itself go to the list (keys), else to the app (help, search, back). */
  #onPaletteAction = (event: PaletteActionEvent): void => {
    if (event.handled) return;
    if (!this.list?.perform(event.action)) this.#handle(event.action);
  };

  protected override render() {
    const content = html`
      <div class="app" ?data-conversation-open=${this.conversationOpen}>
        <header part="header">
          <availability-toggle></availability-toggle>
          <inbox-filters></inbox-filters>
          <span class="tools">
            <button type="button" @click=${() => this.help?.show()} aria-keyshortcuts="?">
              ${msg('Shortcuts', { id: 'app.shortcuts' })}
            </button>
            <button type="button" @click=${() => this.palette?.show()} aria-keyshortcuts="Control+K">
              ${msg('Commands', { id: 'app.commands' })}
            </button>
          </span>
        </header>
        <inbox-sidebar part="sidebar"></inbox-sidebar>
        <inbox-list part="list" .keymap=${this.keymap}></inbox-list>
        <inbox-thread
          part="conversation"
          show-back
          @thread-back=${() => this.activeStore?.openConversation(null)}
        ></inbox-thread>
      </div>
      <shortcut-help .keymap=${this.keymap}></shortcut-help>
      <command-palette .keymap=${this.keymap} @palette-action=${this.#onPaletteAction}></command-palette>
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

import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { ContextConsumer } from '@lit/context';
import { updateWhenLocaleChanges, msg } from '@lit/localize';
import type { Subscription } from 'rxjs';
import { DEFAULT_KEYMAP, type Action, type Keymap } from '../../controllers/keymap.js';
import { ShortcutsController } from '../../controllers/shortcuts.controller.js';
import { deepActiveElement } from '../../controllers/modal.controller.js';
import { storeContext } from '../../controllers/store.context.js';
import type { InboxStore } from '../../store/inbox-store.js';
import { mergeQueryString, fromQueryString } from '../../store/url-state.js';
import { StoreChangeEvent } from '../../events/store-change.js';
import { tokens } from '../../styles/tokens.js';
import { hostStyles } from '../../styles/host-styles.js';
import type { InboxProvider } from '../inbox-provider/inbox-provider.js';
import type { InboxFilters } from '../inbox-filters/inbox-filters.js';
import type { ShortcutHelp } from '../shortcut-help/shortcut-help.js';
import type { CommandPalette } from '../command-palette/command-palette.js';
import type { InboxList } from '../inbox-list/inbox-list.js';
import { needElements } from '../lazy-elements.js';
import type { ConversationView } from '../conversation-view/conversation-view.js';
import type { PaletteActionEvent } from '../../events/palette-action.js';
import { StoreSource } from '../store-source.js';
import { styles } from './inbox-app.styles.js';

/** The container width from which the contact panel is a pane of its own, shown unless hidden. */
export const WIDE_LAYOUT = 1400;

/**
 * @summary The whole inbox in one tag: availability, search and filters,
 * the sidebar of views, the conversation list, the open conversation
 * (`<conversation-view>`) and its contact (`<contact-panel>`), with the
 * undo toast, the shortcut help (?) and the command palette (Ctrl/Cmd+K).
 * In a narrow container it collapses to one pane.
 *
 * The contact panel is a fourth pane in a wide container (from 1400px),
 * and a sheet over the conversation in narrower ones; the Contact button
 * in the conversation's header shows or hides it.
 *
 * Keys: those pressed inside the conversation act on it (E, U, S, A, L, P,
 * Esc back); elsewhere the list's keys act on the list. R and N reach the
 * composer from anywhere. The palette's actions go where the focus was when
 * it opened (the conversation or the list), reply and comment to the composer.
 *
 * Give it a store (`.store`), or the same attributes as `<inbox-provider>`
 * for a page without JavaScript (`<inbox-app demo user="u-ana">`), or put it
 * inside an `<inbox-provider>` and it uses that provider's store.
 * `sync-url` keeps the UI state (view, tab, filters, search, sort, open
 * conversation, focused message) in the page's query string, and reads it
 * back on load, so a host can link into a filtered view or one message;
 * parameters of its own that the host keeps there are left alone.
 *
 * Every event of the elements inside reaches the app's listeners (they
 * bubble and are composed); the app itself fires none of its own.
 *
 * @fires store-change - {StoreChangeEvent} The store of the app's own provider arrived or changed (`demo`, `endpoint`, `.store`).
 * @fires inbox-selection-change - {InboxSelectionChangeEvent} What the agent works on changed (the app's own provider): `selection` is none, one conversation with its contact, or many.
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
 * @csspart header - The top bar: availability, search and filters, help and palette buttons.
 * @csspart sidebar - The column of views.
 * @csspart calls - The incoming calls, above the views while a call rings.
 * @csspart call - The user's call in progress, above them.
 * @csspart list - The conversation list pane.
 * @csspart conversation - The open conversation pane (`<conversation-view>`).
 * @csspart contact - The contact pane, holding `<contact-panel>`.
 * @csspart contact-toggle - The Contact button in the conversation's header.
 * @cssprop --inbox-app-sidebar-width - Width of the sidebar (default 15rem).
 * @cssprop --inbox-app-list-width - Width of the list pane (default 26rem).
 * @cssprop --inbox-app-contact-width - Width of the contact pane (default 22rem).
 */
export class InboxApp extends StoreSource {
  static {
    this.addInitializer(updateWhenLocaleChanges); // re-renders on setLocale(), as @localized() would
  }

  static override styles = [tokens, hostStyles, styles];

  static override properties: PropertyDeclarations = {
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    keymap: { attribute: false },
    conversationOpen: { state: true, attribute: false },
    wide: { state: true, attribute: false },
    contactChoice: { state: true, attribute: false },
  };

  /** Keep the UI state in the page's URL and restore it on load. */
  syncUrl = false;

  /** The keymap in force (a host's remapping). */
  keymap: Keymap = DEFAULT_KEYMAP;

  /** True while a conversation is open: in one-pane layouts it replaces the list. */
  private conversationOpen = false;

  /** The container is wide enough for the contact pane beside the conversation. */
  private wide = false;

  /** Shown or hidden by the Contact button; until then, shown in wide containers only. */
  private contactChoice: boolean | null = null;

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
  #watched: InboxStore | undefined;
  #subscription: Subscription | undefined;
  readonly #resizes = new ResizeObserver(([entry]) => {
    const wide = (entry?.contentRect.width ?? 0) >= WIDE_LAYOUT;
    if (wide !== this.wide) this.wide = wide;
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
    // The script-tag bundle loads the conversation's elements on demand: the app shows them, so it asks.
    needElements('conversation-view', 'incoming-calls', 'call-card').catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizes.disconnect();
    this.#watch(undefined);
  }

  /** Whether the contact panel shows: the Contact button's choice, else in wide containers. */
  get #contactShown(): boolean {
    return this.conversationOpen && (this.contactChoice ?? this.wide);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#watch(this.activeStore);
    if (this.#contactShown) needElements('contact-panel').catch(() => undefined);
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
   * Actions the palette could not run itself go where the focus was when it
   * opened: the conversation, else the list, then the other one (reply and
   * comment always to the conversation's composer), and last the app (help,
   * search, back).
   */
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

  /** The conversation's Back (narrow layouts) or Esc inside it: close it and return to the list. */
  #onConversationBack = (): void => {
    this.activeStore?.openConversation(null);
    void this.updateComplete.then(() => this.list?.focus());
  };

  #toggleContact(): void {
    const show = !this.#contactShown;
    this.contactChoice = show;
    // A sheet over the conversation takes the focus; a pane beside it does not.
    if (show && !this.wide) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.contact-close')?.focus());
  }

  #closeContact(): void {
    this.contactChoice = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.contact-toggle')?.focus());
  }

  #onContactKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || this.wide) return;
    event.preventDefault();
    event.stopPropagation();
    this.#closeContact();
  };

  protected override render() {
    const content = html`
      <div class="app" ?data-conversation-open=${this.conversationOpen} ?data-contact-shown=${this.#contactShown}>
        <header part="header">
          <availability-toggle></availability-toggle>
          <inbox-filters></inbox-filters>
          <span class="tools">
            <button type="button" @click=${() => this.#showModal('shortcut-help')} aria-keyshortcuts="?">
              ${msg('Shortcuts', { id: 'app.shortcuts' })}
            </button>
            <button type="button" @click=${() => this.#showModal('command-palette')} aria-keyshortcuts="Control+K">
              ${msg('Commands', { id: 'app.commands' })}
            </button>
          </span>
        </header>
        <div class="side">
          <call-card part="call"></call-card>
          <incoming-calls part="calls"></incoming-calls>
          <inbox-sidebar part="sidebar"></inbox-sidebar>
        </div>
        <inbox-list part="list" .keymap=${this.keymap}></inbox-list>
        <conversation-view part="conversation" back no-undo-toast .keymap=${this.keymap} @conversation-back=${this.#onConversationBack}>
          <button
            slot="actions"
            type="button"
            part="contact-toggle"
            class="contact-toggle"
            aria-controls="contact-pane"
            aria-pressed=${String(this.#contactShown)}
            @click=${() => this.#toggleContact()}
          >
            ${msg('Contact', { id: 'app.contact' })}
          </button>
        </conversation-view>
        <aside
          id="contact-pane"
          class="contact-pane"
          part="contact"
          aria-label=${msg('Contact', { id: 'app.contact' })}
          ?hidden=${!this.#contactShown}
          @keydown=${this.#onContactKeydown}
        >
          <button type="button" class="contact-close" @click=${() => this.#closeContact()}>
            ${msg('Close contact panel', { id: 'app.contact.close' })}
          </button>
          <contact-panel></contact-panel>
        </aside>
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

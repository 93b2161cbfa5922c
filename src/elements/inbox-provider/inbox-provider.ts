import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { storeContext } from '../../controllers/store.context.js';
import { DEV_MODE, devWarn } from '../../dev-mode.js';
import { isLocale, setLocale } from '../../i18n/localization.js';
import type { Id } from '../../model/types.js';
import { InboxStore } from '../../store/inbox-store.js';
import { HttpTransport } from '../../transport/http/http-transport.js';
import { DEMO_USER_IDS } from '../../transport/memory/demo-data.js';
import { DEFAULT_DEMO_CONVERSATIONS, MemoryTransport } from '../../transport/memory/memory-transport.js';
import type { Transport } from '../../transport/transport.js';

/** Attributes that decide the store a provider builds for itself. */
const STORE_ATTRIBUTES = ['demo', 'user', 'conversations', 'traffic', 'endpoint', 'token'] as const;

/**
 * @summary Hands one `InboxStore` to every inbox element inside it, through
 * `@lit/context`, and scopes the inbox's keyboard shortcuts.
 *
 * Give it a store (`.store = new InboxStore(...)`), or attributes for a page
 * without JavaScript: `demo` builds a store on the embedded `MemoryTransport`
 * with seeded demo data (`conversations`, default 2,000; `traffic`, simulated
 * commands per second), `endpoint` (with `token`) one on `HttpTransport`
 * against a server; `user` names the current user (default `u-ana`, the demo
 * owner). A store the provider built is destroyed when it disconnects or
 * when those attributes change; a store given to it is left alone.
 *
 * Keyboard shortcuts of the elements inside listen to key presses inside
 * this element only, never on `window`: two providers on one page are two
 * inboxes, and a key belongs to the one that holds the focus.
 *
 * `locale` (or `lang`) switches the library's language (`en`, `fr`, `es`);
 * the locale is page-wide (@lit/localize), so the last one set wins.
 *
 * @slot - The inbox elements that share the store.
 */
export class InboxProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The store handed to the subtree: the one given, or the one built from the attributes. */
  @property({ attribute: false }) store: InboxStore | undefined;

  /** Build a demo store on the embedded MemoryTransport. */
  @property({ type: Boolean }) demo = false;

  /** The current user's id. */
  @property() user: Id = DEMO_USER_IDS.owner;

  /** How many demo conversations (200 to 100,000). */
  @property({ type: Number }) conversations = DEFAULT_DEMO_CONVERSATIONS;

  /** Simulated traffic of the demo backend, in commands per second (0: none). */
  @property({ type: Number }) traffic = 0;

  /** The reference server's base URL, for `HttpTransport`. */
  @property() endpoint: string | undefined;

  /** The bearer token sent to `endpoint`; it decides who the user is on the server. */
  @property() token = '';

  /** The language of the elements: `en`, `fr` or `es`. */
  @property() locale: string | undefined;

  /** Read as `locale` when `locale` is not set. */
  @property({ attribute: 'lang' }) override lang!: string;

  readonly #provider = new ContextProvider(this, { context: storeContext });
  #built: { store: InboxStore; transport: Transport } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // Build at once (not in the first update) so that children that upgrade
    // and request the context right after find a store.
    this.#syncStore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#teardown();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (STORE_ATTRIBUTES.some((name) => changed.has(name)) || changed.has('store')) this.#syncStore();
    if (changed.has('locale') || changed.has('lang')) {
      const wanted = this.locale ?? this.lang;
      if (wanted) {
        const locale = wanted.toLowerCase().split('-')[0];
        if (isLocale(locale)) void setLocale(locale);
        else if (DEV_MODE) devWarn(`provider-locale:${wanted}`, `<inbox-provider> has no locale "${wanted}"; expected en, fr or es.`);
      }
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  #syncStore(): void {
    if (!this.isConnected) return;
    const given = this.store !== undefined && this.store !== this.#built?.store;
    if (given) {
      this.#teardown();
    } else {
      const key = this.#configKey();
      if (this.#built && this.#builtKey === key) {
        this.#provider.setValue(this.#built.store);
        return;
      }
      this.#teardown();
      this.#build();
      this.#builtKey = key;
    }
    this.#provider.setValue(this.store);
  }

  #builtKey = '';

  #configKey(): string {
    return JSON.stringify([this.demo, this.user, this.conversations, this.traffic, this.endpoint, this.token]);
  }

  #build(): void {
    let transport: Transport | null = null;
    if (this.endpoint) {
      transport = new HttpTransport({ baseUrl: this.endpoint, token: this.token });
    } else if (this.demo) {
      transport = new MemoryTransport({
        demo: true,
        conversations: this.conversations,
        ...(this.traffic > 0 ? { traffic: this.traffic } : {}),
      });
    }
    if (!transport) {
      this.store = undefined;
      return;
    }
    const store = new InboxStore({ transport, userId: this.user });
    this.#built = { store, transport };
    this.store = store;
  }

  #teardown(): void {
    const built = this.#built;
    if (!built) return;
    this.#built = null;
    this.#builtKey = '';
    built.store.destroy();
    (built.transport as { dispose?: () => void }).dispose?.();
    if (this.store === built.store) {
      this.store = undefined;
      this.#provider.setValue(undefined);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'inbox-provider': InboxProvider;
  }
}

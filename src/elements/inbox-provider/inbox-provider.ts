import { css, html, type PropertyValues, type PropertyDeclarations } from 'lit';
import { ContextProvider } from '@lit/context';
import { storeContext } from '../../controllers/store.context.js';
import { DEV_MODE, devWarn } from '../../dev-mode.js';
import { isLocale, setLocale } from '../../i18n/localization.js';
import { StoreChangeEvent } from '../../events/store-change.js';
import { InboxSelectionChangeEvent } from '../../events/inbox-selection-change.js';
import type { Subscription } from 'rxjs';
import { InboxStore } from '../../store/inbox-store.js';
import { loadProtocol, type Loader } from '../../protocol/loading.js';
import { loadHttpTransport, loadMemoryTransport } from '../../transport/loaders.js';
import type { Transport } from '../../transport/transport.js';
import { StoreSource } from '../store-source.js';
import { watchForLazyElements } from '../lazy-elements.js';

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
 * The transport's module loads on demand (a chunk of its own in the
 * script-tag bundle), so the first store built from attributes may arrive a
 * moment after connecting: elements inside receive it through context, and
 * `updateComplete` waits for it. Every change of the store fires
 * `store-change`.
 *
 * Keyboard shortcuts of the elements inside listen to key presses inside
 * this element only, never on `window`: two providers on one page are two
 * inboxes, and a key belongs to the one that holds the focus.
 *
 * `locale` (or `lang`) switches the library's language (`en`, `fr`, `es`);
 * the locale is page-wide (@lit/localize), so the last one set wins.
 *
 * `inbox-selection-change` tells the host what the agent works on (none,
 * one conversation and its contact, or many), as the store's `selection$`
 * does: a CRM panel beside the inbox follows it without the store.
 *
 * @fires store-change - {StoreChangeEvent} The store handed to the subtree changed.
 * @fires inbox-selection-change - {InboxSelectionChangeEvent} What the agent works on changed: `selection` is `{ type: 'none' }`, `{ type: 'one', conversation, contact }` or `{ type: 'many', conversations }`.
 * @slot - The inbox elements that share the store.
 */
export class InboxProvider extends StoreSource {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties: PropertyDeclarations = {
    lang: { attribute: 'lang' },
  };

  /** Read as `locale` when `locale` is not set. */
  override lang!: string;

  readonly #provider = new ContextProvider(this, { context: storeContext });
  #built: { store: InboxStore; transport: Transport } | null = null;
  #builtKey = '';
  /** Set while a transport's module loads for the store the attributes ask for. */
  #loading: Promise<void> | undefined;

  #unwatch: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Build at once (not in the first update) so that children that upgrade
    // and request the context right after find a store.
    this.#syncStore();
    // The script-tag bundle loads some elements on demand: when one is put inside, ask.
    this.#unwatch = watchForLazyElements(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatch?.();
    this.#teardown();
    this.#followSelection(undefined);
  }

  /** Also waits for a transport's module to load and the store built on it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.#loading) {
      await this.#loading;
      result = await super.getUpdateComplete();
    }
    return result;
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
        this.#provide(this.#built.store);
        return;
      }
      this.#teardown();
      if (this.#build()) this.#builtKey = key;
    }
    this.#provide(this.store);
  }

  #provide(store: InboxStore | undefined): void {
    if (this.#provider.value !== store) {
      this.#provider.setValue(store);
      this.dispatchEvent(new StoreChangeEvent(store));
    }
    this.#followSelection(store);
  }

  #selection: { store: InboxStore; subscription: Subscription } | undefined;

  /** Re-fires the store's selection as a DOM event, while connected (not its first value when empty). */
  #followSelection(store: InboxStore | undefined): void {
    if (this.#selection?.store === store) return;
    this.#selection?.subscription.unsubscribe();
    this.#selection = undefined;
    if (!store) return;
    let shown = false;
    const subscription = store.selection$.subscribe((selection) => {
      if (selection.type === 'none' && !shown) return;
      shown = selection.type !== 'none';
      this.dispatchEvent(new InboxSelectionChangeEvent(selection));
    });
    this.#selection = { store, subscription };
  }

  #configKey(): string {
    return JSON.stringify([this.demo, this.user, this.conversations, this.traffic, this.endpoint, this.token]);
  }

  /**
   * Builds the store the attributes ask for, if its transport's module has
   * loaded; else starts loading it, to try again when it has, and returns
   * false.
   */
  #build(): boolean {
    const { endpoint, token, conversations, traffic } = this;
    let transport: Transport | null | undefined = null;
    if (endpoint) {
      transport = this.#transport(loadHttpTransport, ({ HttpTransport }) => new HttpTransport({ baseUrl: endpoint, token }));
    } else if (this.demo) {
      transport = this.#transport(
        loadMemoryTransport,
        ({ MemoryTransport }) => new MemoryTransport({ demo: true, conversations, ...(traffic > 0 ? { traffic } : {}) }),
      );
    }
    if (transport === undefined) return false;
    if (transport === null) return true;
    const store = new InboxStore({ transport, userId: this.user });
    this.#built = { store, transport };
    this.store = store;
    return true;
  }

  /** The transport `make` builds from its module, or undefined while the module loads. */
  #transport<T>(load: Loader<T>, make: (module: T) => Transport): Transport | undefined {
    if (load.loaded) return make(load.loaded);
    // The store will want the protocol's schemas before it connects: fetch them alongside.
    loadProtocol().catch(() => undefined);
    this.#waitFor(load());
    return undefined;
  }

  #waitFor(module: Promise<unknown>): void {
    const loading: Promise<void> = module.then(
      () => {
        if (this.#loading !== loading) return;
        this.#loading = undefined;
        // The attributes may have changed, or a store been given, meanwhile:
        // build for what they say now.
        if (!this.#built && this.store === undefined) this.#syncStore();
      },
      (error: unknown) => {
        if (this.#loading === loading) this.#loading = undefined;
        console.error('<inbox-provider> could not load its transport', error);
      },
    );
    this.#loading = loading;
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
      this.#provide(undefined);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'inbox-provider': InboxProvider;
  }
}

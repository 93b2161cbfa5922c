import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Subscription } from 'rxjs';
import type { InboxStore, StoreState } from '../store/inbox-store.js';
import { storeContext } from './store.context.js';

type Host = ReactiveControllerHost & HTMLElement & { store?: InboxStore | undefined };

/**
 * Gives an element one slice of the store's state (the selector also gets
 * the store, for `store.selectors.*`) and re-renders it when
 * that slice changes. The store comes from the element's own `.store`
 * property when set, else from the nearest `<inbox-provider>` (context).
 * Subscribes on connect, unsubscribes on disconnect.
 */
export class StoreController<T> implements ReactiveController {
  value: T | undefined;
  readonly #host: Host;
  readonly #selector: (state: StoreState, store: InboxStore) => T;
  readonly #equal: ((a: T, b: T) => boolean) | undefined;
  readonly #consumer: ContextConsumer<typeof storeContext, Host>;
  #store: InboxStore | undefined;
  #subscription: Subscription | undefined;

  /** `equal` decides when a new slice is the same as the last (default `Object.is`). */
  constructor(host: Host, selector: (state: StoreState, store: InboxStore) => T, equal?: (a: T, b: T) => boolean) {
    this.#host = host;
    this.#selector = selector;
    this.#equal = equal;
    this.#consumer = new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: () => this.#resubscribe(),
    });
    host.addController(this);
  }

  /** The store in use: the host's own, or the provided one. */
  get store(): InboxStore | undefined {
    return this.#host.store ?? this.#consumer.value;
  }

  hostConnected(): void {
    this.#resubscribe();
  }

  /** Picks up a `.store` set after connecting. */
  hostUpdate(): void {
    if (this.store !== this.#store) this.#resubscribe();
  }

  hostDisconnected(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#store = undefined;
  }

  #resubscribe(): void {
    const store = this.store;
    if (store === this.#store && this.#subscription) return;
    this.#subscription?.unsubscribe();
    this.#store = store;
    // The selector gets the store it reads from, for its memoised selectors.
    this.#subscription = store?.select((state) => this.#selector(state, store), this.#equal).subscribe((value) => {
      this.value = value;
      this.#host.requestUpdate();
    });
  }
}

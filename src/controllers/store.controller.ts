import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { distinctUntilChanged, map, type Subscription } from 'rxjs';
import { latestAfterPaint } from './after-paint.js';
import type { InboxStore, StoreState } from '../store/inbox-store.js';
import { storeContext } from './store.context.js';

type Host = ReactiveControllerHost & HTMLElement & { store?: InboxStore | undefined };

/**
 * Gives an element one slice of the store's state (the selector also gets
 * the store, for `store.selectors.*`) and re-renders it when
 * that slice changes. The store comes from the element's own `.store`
 * property when set, else from the nearest `<inbox-provider>` (context).
 * Subscribes on connect, unsubscribes on disconnect.
 *
 * `{ background: true }` is for what does not answer a person's key or
 * click (a view's count, a dot): the slice is worked out and drawn just
 * after the next paint, at most once a frame, so the frame that answers the
 * key carries none of it (INP).
 */
export class StoreController<T> implements ReactiveController {
  value: T | undefined;
  readonly #host: Host;
  readonly #selector: (state: StoreState, store: InboxStore) => T;
  readonly #equal: ((a: T, b: T) => boolean) | undefined;
  readonly #consumer: ContextConsumer<typeof storeContext, Host>;
  #store: InboxStore | undefined;
  #subscription: Subscription | undefined;

  readonly #background: boolean;
  /** A background slice waiting for the next paint. */
  #pending: Promise<void> | undefined;

  /** `equal` decides when a new slice is the same as the last (default `Object.is`). */
  constructor(
    host: Host,
    selector: (state: StoreState, store: InboxStore) => T,
    equal?: (a: T, b: T) => boolean,
    { background = false }: { readonly background?: boolean } = {},
  ) {
    this.#host = host;
    this.#selector = selector;
    this.#equal = equal;
    this.#background = background;
    this.#consumer = new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: () => this.#resubscribe(),
    });
    host.addController(this);
  }

  /** Resolves once a background slice shows the store's latest state (at once for others). */
  get settled(): Promise<void> {
    return this.#pending ?? Promise.resolve();
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
    this.#pending = undefined;
    if (!store) {
      this.#subscription = undefined;
      return;
    }
    // The selector gets the store it reads from, for its memoised selectors.
    const select = (state: StoreState) => this.#selector(state, store);
    if (!this.#background) {
      this.#subscription = store.select(select, this.#equal).subscribe((value) => {
        this.value = value;
        this.#host.requestUpdate();
      });
      return;
    }
    // The first slice at once; later ones after the next paint, the latest of the frame.
    this.#subscription = store
      .state$()
      .pipe(
        latestAfterPaint((settled) => {
          this.#pending = settled;
        }),
        map(select),
        distinctUntilChanged(this.#equal ?? Object.is),
      )
      .subscribe((value) => {
        this.value = value;
        this.#host.requestUpdate();
      });
  }
}

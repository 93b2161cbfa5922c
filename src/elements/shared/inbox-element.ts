import { LitElement, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import { StoreController } from '../../controllers/store.controller.js';
import type { InboxStore, StoreState } from '../../store/inbox-store.js';
import { hostStyles } from '../../styles/host-styles.js';
import { tokens } from '../../styles/tokens.js';

/**
 * What every inbox element starts with, once: the tokens and host styles
 * first in its shadow root (a subclass adds its own sheets after
 * `InboxElement.styles`), a re-render on `setLocale()`, and a store, its own
 * `.store` or else the nearest `<inbox-provider>`'s, read through
 * `this.select(...)`. Not an element of its own.
 */
export class InboxElement extends LitElement {
  static {
    this.addInitializer(updateWhenLocaleChanges); // re-renders on setLocale(), as @localized() would
  }

  static override styles: CSSResultGroup = [tokens, hostStyles];

  static override properties: PropertyDeclarations = {
    store: { attribute: false },
  };

  /** The store; else the nearest `<inbox-provider>`'s. */
  store: InboxStore | undefined;

  readonly #storeOf = new StoreController(this, () => null);

  /** The store in use: `.store`, or the provider's. */
  get activeStore(): InboxStore | undefined {
    return this.#storeOf.store;
  }

  /**
   * A slice of the store's state that re-renders this element when it
   * changes; `{ background: true }` after the next paint (StoreController).
   */
  protected select<T>(
    selector: (state: StoreState, store: InboxStore) => T,
    equal?: (a: T, b: T) => boolean,
    options?: { readonly background?: boolean },
  ): StoreController<T> {
    const controller = new StoreController(this, selector, equal, options);
    if (options?.background) this.#background.push(controller as StoreController<unknown>);
    return controller;
  }

  readonly #background: StoreController<unknown>[] = [];

  /** Resolves once the element shows the store's latest state, its background slices included. */
  protected override getUpdateComplete(): Promise<boolean> {
    if (this.#background.length === 0) return super.getUpdateComplete();
    return Promise.all(this.#background.map((controller) => controller.settled)).then(() => super.getUpdateComplete());
  }
}

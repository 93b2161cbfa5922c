import type { InboxStore } from '../store/inbox-store.js';

/**
 * Fired by `<inbox-provider>` when the store it hands to its subtree changes:
 * one built from its attributes (which may come a moment after connecting,
 * once the transport's module has loaded), one given to it, or none.
 * Elements inside get the new store through context already; this is for
 * the element around the provider (`<inbox-app>`) and for hosts.
 */
export class StoreChangeEvent extends Event {
  static readonly eventName = 'store-change';

  constructor(readonly store: InboxStore | undefined) {
    super(StoreChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'store-change': StoreChangeEvent;
  }
}

import type { InboxSelection } from '../store/selection.js';

/**
 * Fired by `<inbox-provider>` (and so by `<inbox-app>`, whose provider is
 * inside it) when what the agent works on changes: `none`, `one`
 * conversation with its contact, or `many` (the checked rows win over the
 * open conversation). The same as the store's `selection$`, as a DOM
 * event, so a host's CRM panel beside the inbox can follow it without
 * reaching into the store.
 */
export class InboxSelectionChangeEvent extends Event {
  static readonly eventName = 'inbox-selection-change';

  constructor(readonly selection: InboxSelection) {
    super(InboxSelectionChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'inbox-selection-change': InboxSelectionChangeEvent;
  }
}

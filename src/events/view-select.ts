import type { ViewId } from '../model/views.js';

/**
 * Fired by `<inbox-sidebar>` when a person opens a view (click, Enter or
 * Space), after the store switched to it. An app can use it to close a
 * narrow layout's drawer or to move focus to the list.
 */
export class ViewSelectEvent extends Event {
  static readonly eventName = 'view-select';

  constructor(readonly view: ViewId) {
    super(ViewSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'view-select': ViewSelectEvent;
  }
}

import type { SavedView } from '../model/types.js';

/**
 * Fired by `<inbox-filters>` after it dispatched `saveView` for the current
 * filters and search and switched the inbox to the new view.
 */
export class ViewSaveEvent extends Event {
  static readonly eventName = 'view-save';

  constructor(readonly view: SavedView) {
    super(ViewSaveEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'view-save': ViewSaveEvent;
  }
}

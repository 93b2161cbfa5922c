import type { Id } from '../model/types.js';

/**
 * Fired by `<inbox-list>` when the checked rows change (checkbox, X,
 * Shift+X, Shift-click, "select all matching", clearing, a view change),
 * with every checked id, rendered or not.
 */
export class SelectionChangeEvent extends Event {
  static readonly eventName = 'selection-change';

  constructor(readonly ids: ReadonlySet<Id>) {
    super(SelectionChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'selection-change': SelectionChangeEvent;
  }
}

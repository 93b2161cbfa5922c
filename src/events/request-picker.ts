import type { Id } from '../model/types.js';

/** The pickers a list or bulk bar can ask for (keys S, A, L, P). */
export const PICKER_KINDS = ['snooze', 'assign', 'label', 'priority'] as const;
export type PickerKind = (typeof PICKER_KINDS)[number];

/**
 * Fired by `<inbox-list>` and `<bulk-bar>` when a person asks for a picker
 * (keys S, A, L, P, or the bulk bar's Assign, Label, Priority buttons) for
 * the checked rows, or the focused row when none is checked. Cancelable:
 * a host that opens its own picker calls `preventDefault()`; otherwise the
 * list opens the library's picker (`<snooze-picker>`, `<assignee-picker>`,
 * `<label-picker>`, `<priority-picker>`) when that tag is defined.
 */
export class RequestPickerEvent extends Event {
  static readonly eventName = 'inbox-request-picker';

  constructor(
    readonly kind: PickerKind,
    readonly ids: readonly Id[],
  ) {
    super(RequestPickerEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'inbox-request-picker': RequestPickerEvent;
  }
}

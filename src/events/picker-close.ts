import type { CommandType } from '../model/commands.js';

/** Why a picker closed: a choice was applied, or it was dismissed (Esc, a click outside, focus leaving). */
export type PickerCloseReason = 'applied' | 'cancel';

/**
 * Fired by every picker (`<snooze-picker>`, `<label-picker>`,
 * `<priority-picker>`, `<assignee-picker>`) when its popover closes, after the
 * store command (if any) was dispatched. The name is the platform's `close`
 * (as `<dialog>` fires it); unlike the dialog's, it bubbles and is composed,
 * so a list can listen once for every picker it opens. It is not declared in
 * `HTMLElementEventMap`, whose `close` is already the plain `Event`: narrow
 * with `instanceof PickerCloseEvent`.
 */
export class PickerCloseEvent extends Event {
  static readonly eventName = 'close';

  constructor(
    readonly reason: PickerCloseReason,
    /** The command the picker dispatched before closing, if any. */
    readonly command: CommandType | null = null,
  ) {
    super(PickerCloseEvent.eventName, { bubbles: true, composed: true });
  }
}

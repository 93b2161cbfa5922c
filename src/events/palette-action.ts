import type { Action } from '../controllers/keymap.js';

/**
 * Fired by `<command-palette>` when a person runs a keymap action by name.
 * The host (the list, the app) performs it as it would the shortcut. The
 * palette performs the store commands it can itself (mark done, unread,
 * open on the open or checked conversations, undo) and then fires this
 * event with `handled: true`, so a host never runs them twice.
 */
export class PaletteActionEvent extends Event {
  static readonly eventName = 'palette-action';

  constructor(
    readonly action: Action,
    /** True when the palette already performed it through the store. */
    readonly handled = false,
  ) {
    super(PaletteActionEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'palette-action': PaletteActionEvent;
  }
}

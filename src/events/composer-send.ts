import type { Command } from '../model/commands.js';

/**
 * Fired by `<message-composer>` once it dispatched a reply or an internal
 * comment (applied at once, optimistically; the backend's verdict comes
 * later). `<conversation-view>` can scroll its timeline to the new item,
 * whose id is `command.args.itemId`. A retry after a failed send fires it
 * again, with the new command.
 */
export class ComposerSendEvent extends Event {
  static readonly eventName = 'composer-send';

  constructor(readonly command: Command<'reply' | 'comment'>) {
    super(ComposerSendEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'composer-send': ComposerSendEvent;
  }
}

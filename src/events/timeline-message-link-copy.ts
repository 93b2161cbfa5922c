import type { Id } from '../model/types.js';

/**
 * Fired by `<conversation-timeline>` when a person copies the link to one
 * message ("Copy link"), after the URL the host's `linkBuilder` made was
 * written to the clipboard, or not (`copied` false: no clipboard, or it
 * was refused), so that a host may offer it another way.
 */
export class MessageLinkCopyEvent extends Event {
  static readonly eventName = 'message-link-copy';

  constructor(
    readonly url: string,
    readonly conversationId: Id,
    readonly messageId: Id,
    /** True when the clipboard took the URL. */
    readonly copied: boolean,
  ) {
    super(MessageLinkCopyEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'message-link-copy': MessageLinkCopyEvent;
  }
}

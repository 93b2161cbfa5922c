import type { Id } from '../model/types.js';

/**
 * Fired by `<conversation-view>` when a person asks to go back from the
 * conversation (its Back button in narrow layouts, or Esc inside it). The
 * view changes nothing itself: the host decides what back means (close the
 * conversation, return to the list, leave a CRM page).
 */
export class ConversationBackEvent extends Event {
  static readonly eventName = 'conversation-back';

  constructor(
    /** The conversation shown when back was asked for; null when none was. */
    readonly conversationId: Id | null,
  ) {
    super(ConversationBackEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'conversation-back': ConversationBackEvent;
  }
}

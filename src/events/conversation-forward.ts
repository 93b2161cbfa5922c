import type { Id } from '../model/types.js';

/**
 * Fired by `<conversation-view>` when a person chooses "Forward" in the
 * More menu of an e-mail conversation. The host asks where to and sends
 * it through its own mail system.
 */
export class ConversationForwardEvent extends Event {
  static readonly eventName = 'conversation-forward';

  constructor(readonly conversationId: Id) {
    super(ConversationForwardEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'conversation-forward': ConversationForwardEvent;
  }
}

import type { Id } from '../model/types.js';

/**
 * Fired by `<inbox-list>` when a person opens a conversation (a click or
 * tap on its row, or Enter), after the store opened it and, if it was
 * unread, marked it read (R4). A host that shows the conversation
 * elsewhere listens for it.
 */
export class ConversationOpenEvent extends Event {
  static readonly eventName = 'conversation-open';

  constructor(readonly conversationId: Id) {
    super(ConversationOpenEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'conversation-open': ConversationOpenEvent;
  }
}

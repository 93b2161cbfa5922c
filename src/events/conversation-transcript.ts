import type { Id } from '../model/types.js';

/**
 * Fired by `<conversation-view>` when a person chooses "Send transcript"
 * in its More menu. The library sends nothing: the host builds and sends
 * the transcript (to the contact, to itself) however it likes.
 */
export class ConversationTranscriptEvent extends Event {
  static readonly eventName = 'conversation-transcript';

  constructor(readonly conversationId: Id) {
    super(ConversationTranscriptEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'conversation-transcript': ConversationTranscriptEvent;
  }
}

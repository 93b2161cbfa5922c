import type { Id } from '../model/types.js';

/**
 * Fired by `<availability-toggle>` when routing handed the user a
 * conversation (R11: going Available, or "Get next conversation"), after it
 * opened that conversation in the store. Cancel it (`preventDefault()`) to
 * keep the store's open conversation unchanged and handle it yourself.
 */
export class NextConversationEvent extends Event {
  static readonly eventName = 'next-conversation';

  constructor(readonly conversationId: Id) {
    super(NextConversationEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'next-conversation': NextConversationEvent;
  }
}

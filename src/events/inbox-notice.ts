/**
 * A transient message for the person (a conversation was assigned to you, a
 * call was answered, a command failed), fired by the element it comes from,
 * bubbling and composed. `<inbox-app>` shows it in its one toast region and
 * cancels the event (`preventDefault()`), so nothing transient is inserted
 * into the layout; an element used alone, whose notice nobody cancelled,
 * shows it itself. A host may cancel it first to show it its own way.
 */
export class InboxNoticeEvent extends Event {
  static readonly eventName = 'inbox-notice';

  constructor(
    /** The text, localized. */
    readonly message: string,
    /** `info` (polite), `error` (assertive). */
    readonly tone: 'info' | 'error' = 'info',
  ) {
    super(InboxNoticeEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'inbox-notice': InboxNoticeEvent;
  }
}

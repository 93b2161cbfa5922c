import type { Id } from '../model/types.js';

/**
 * What a person did to a call, for the host's telephony (DESIGN section 5):
 * `<incoming-calls>` fires `call-answer` and `call-decline`, `<call-card>`
 * fires `call-record` and `call-end`. All bubble, cross shadow roots and
 * can be cancelled. Unless cancelled, the element then dispatches the
 * matching command (answerCall, declineCall, setRecording, endCall), and
 * shows the call as the store reports it. A host whose telephony must act
 * first cancels the event and dispatches the command itself once it did.
 */
abstract class CallEvent extends Event {
  constructor(
    type: string,
    readonly conversationId: Id,
    readonly itemId: Id,
  ) {
    super(type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** A person answers a ringing call. Unless cancelled: `answerCall` (R10 may assign the call to them). */
export class CallAnswerEvent extends CallEvent {
  static readonly eventName = 'call-answer';

  constructor(
    conversationId: Id,
    itemId: Id,
    readonly contactId: Id,
  ) {
    super(CallAnswerEvent.eventName, conversationId, itemId);
  }
}

/** A person declines a ringing call. Unless cancelled: `declineCall`. */
export class CallDeclineEvent extends CallEvent {
  static readonly eventName = 'call-decline';

  constructor(
    conversationId: Id,
    itemId: Id,
    readonly contactId: Id,
  ) {
    super(CallDeclineEvent.eventName, conversationId, itemId);
  }
}

/** A person starts (`recording` true) or stops recording a call. Unless cancelled: `setRecording`. */
export class CallRecordEvent extends CallEvent {
  static readonly eventName = 'call-record';

  constructor(
    conversationId: Id,
    itemId: Id,
    readonly recording: boolean,
  ) {
    super(CallRecordEvent.eventName, conversationId, itemId);
  }
}

/** A person hangs up; `duration` in seconds as the card timed it. Unless cancelled: `endCall`. */
export class CallEndEvent extends CallEvent {
  static readonly eventName = 'call-end';

  constructor(
    conversationId: Id,
    itemId: Id,
    readonly duration: number,
  ) {
    super(CallEndEvent.eventName, conversationId, itemId);
  }
}

declare global {
  interface HTMLElementEventMap {
    'call-answer': CallAnswerEvent;
    'call-decline': CallDeclineEvent;
    'call-record': CallRecordEvent;
    'call-end': CallEndEvent;
  }
}

import type { CallItem } from './types.js';

/**
 * How a call went, as a person reads it in a timeline, a call log or a call
 * card. A module of its own, importing nothing, so that the list's call rows
 * (main bundle) and the conversation's elements (their chunk) share it.
 */
export const CALL_OUTCOMES = ['ringing', 'active', 'answered', 'missed', 'voicemail', 'no-answer', 'declined'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** What the outcome reads from a call. */
export type CallFacts = Pick<CallItem, 'direction' | 'state' | 'duration' | 'recording'>;

/**
 * - ringing, active: as the transport reports them;
 * - answered: it ended after someone talked (its duration says how long);
 * - voicemail: an inbound call nobody answered that left a recording;
 * - missed: any other inbound call nobody answered;
 * - no-answer: an outbound call the contact did not pick up;
 * - declined: turned down (by an agent, or by the contact on an outbound call).
 */
export function callOutcome(call: CallFacts): CallOutcome {
  switch (call.state) {
    case 'ringing':
    case 'active':
    case 'declined':
      return call.state;
    case 'ended':
      return 'answered';
    case 'missed':
      if (call.direction === 'out') return 'no-answer';
      return call.recording ? 'voicemail' : 'missed';
  }
}

/** Whether the outcome is one a person should notice (shown in the danger tone): nobody talked. */
export const isUnanswered = (outcome: CallOutcome): boolean =>
  outcome === 'missed' || outcome === 'voicemail' || outcome === 'no-answer' || outcome === 'declined';

/**
 * The calls' part of the public API: `<incoming-calls>` (the ringing calls
 * and who may answer them) and `<call-card>` (the call the agent is on),
 * with their events. index.ts re-exports them; the script-tag bundle loads
 * them on demand (loadCallElements()), when a call rings or the agent is on
 * one: an inbox without calls never needs them. No side effects.
 */
export { IncomingCalls } from './elements/incoming-calls/incoming-calls.js';
export { CallCard } from './elements/call-card/call-card.js';
export { CallAnswerEvent, CallDeclineEvent, CallRecordEvent, CallEndEvent } from './events/call-events.js';
export { ringingCalls, currentCall, callFilters } from './model/calls.js';

import { msg } from '@lit/localize';
import type { CallEntry } from '../../model/calls.js';
import type { CallState } from '../../model/types.js';

/** Seconds as a clock: `mm:ss`, or `h:mm:ss` from an hour on. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  const rest = `${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return hours > 0 ? `${String(hours)}:${rest}` : rest;
}

/** The contact's name, else their number, else a placeholder. */
export function callerName(entry: CallEntry): string {
  return entry.contact?.name || entry.contact?.phones[0] || msg('Unknown caller', { id: 'call.unknownCaller' });
}

/** The number the call came from: the contact's first phone (the channel says which line rang). */
export function callerNumber(entry: CallEntry): string {
  return entry.contact?.phones[0] ?? '';
}

/** The localized state of a call, as the transport reports it. */
export function callStateText(state: CallState, direction: 'in' | 'out'): string {
  switch (state) {
    case 'ringing':
      return direction === 'in' ? msg('Ringing', { id: 'call.state.ringing' }) : msg('Calling…', { id: 'call.state.calling' });
    case 'active':
      return msg('On call', { id: 'call.state.active' });
    case 'missed':
      return msg('Missed', { id: 'call.state.missed' });
    case 'declined':
      return msg('Declined', { id: 'call.state.declined' });
    case 'ended':
      return msg('Ended', { id: 'call.state.ended' });
  }
}

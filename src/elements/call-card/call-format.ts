import { msg } from '@lit/localize';
import type { CallEntry } from '../../model/calls.js';

/** The contact's name, else their number, else a placeholder. */
export function callerName(entry: CallEntry): string {
  return entry.contact?.name || entry.contact?.phones[0] || msg('Unknown caller', { id: 'call.unknownCaller' });
}

/** The number the call came from: the contact's first phone (the channel says which line rang). */
export function callerNumber(entry: CallEntry): string {
  return entry.contact?.phones[0] ?? '';
}

import { msg } from '@lit/localize';
import type { CallState, EventKind } from '../../model/types.js';

/** The localized outcome of a call, as the thread shows it. */
export function callStateLabel(state: CallState): string {
  switch (state) {
    case 'ringing':
      return msg('ringing', { id: 'thread.callState.ringing' });
    case 'active':
      return msg('in progress', { id: 'thread.callState.active' });
    case 'missed':
      return msg('missed', { id: 'thread.callState.missed' });
    case 'declined':
      return msg('declined', { id: 'thread.callState.declined' });
    case 'ended':
      return msg('ended', { id: 'thread.callState.ended' });
  }
}

/** The localized name of a history event (status change, assignment, ...). */
export function eventLabel(kind: EventKind): string {
  switch (kind) {
    case 'done':
      return msg('marked done', { id: 'thread.event.done' });
    case 'reopened':
      return msg('reopened', { id: 'thread.event.reopened' });
    case 'unread':
      return msg('marked unread', { id: 'thread.event.unread' });
    case 'waiting':
      return msg('moved to Waiting', { id: 'thread.event.waiting' });
    case 'assigned':
      return msg('assigned', { id: 'thread.event.assigned' });
    case 'snoozed':
      return msg('snoozed', { id: 'thread.event.snoozed' });
    case 'unsnoozed':
      return msg('woke up', { id: 'thread.event.unsnoozed' });
    case 'trashed':
      return msg('moved to Trash', { id: 'thread.event.trashed' });
    case 'restored':
      return msg('restored', { id: 'thread.event.restored' });
    case 'spam':
      return msg('marked as spam', { id: 'thread.event.spam' });
    case 'not-spam':
      return msg('marked as not spam', { id: 'thread.event.notSpam' });
    case 'blocked':
      return msg('blocked the contact', { id: 'thread.event.blocked' });
    case 'unblocked':
      return msg('unblocked the contact', { id: 'thread.event.unblocked' });
    case 'priority':
      return msg('changed the priority', { id: 'thread.event.priority' });
    case 'labels':
      return msg('changed the labels', { id: 'thread.event.labels' });
  }
}

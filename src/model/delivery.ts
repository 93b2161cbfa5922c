import type { Channel, Delivery, Millis } from './types.js';

/**
 * R29, outbound delivery: a message written on a channel that has an
 * outbound edge (a provider's webhook on the server, `channel.outbound`)
 * starts `queued`; the edge reports `sent`, `delivered` or `failed` (with
 * the provider's reason); a report that would move it backwards (a late
 * `sent` after `delivered`) changes nothing; `failed` may still become
 * `delivered` (the provider got it after all); an agent who sees the
 * conversation (R14) may send a failed one again, which queues it anew.
 * Messages on channels without an edge carry no delivery at all. The
 * edge's reports are decided in delivery-reports.ts (the backend's only).
 */

/** R29: an outbound message's first delivery: queued on a channel with an outbound edge, none elsewhere. */
export function initialDelivery(channel: Channel, now: Millis): Delivery | undefined {
  return channel.outbound === true ? { status: 'queued', at: now } : undefined;
}

/** R29: a failed delivery sent again is queued anew; any other is refused with the reason. */
export function retryDelivery(current: Delivery | undefined, now: Millis): Delivery | { readonly refused: string } {
  if (!current) return { refused: 'This message is not delivered through a channel edge.' };
  if (current.status !== 'failed') return { refused: 'Only a message whose delivery failed can be sent again.' };
  return { status: 'queued', at: now };
}

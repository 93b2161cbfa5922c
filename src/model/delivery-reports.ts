import type { Delivery, DeliveryStatus, Millis } from './types.js';

/**
 * R29 (delivery.ts), the backend's half: what the channel's edge reports
 * makes of a delivery. Only rules.system.ts (setDelivery) needs it, so the
 * store's bundle does not carry it.
 */

/** The order a delivery moves in: only forwards (a `delivered` may still follow a `failed`). */
const RANK: Readonly<Record<DeliveryStatus, number>> = { queued: 0, sent: 1, failed: 2, delivered: 3 };

/**
 * R29: what a report from the edge makes of a delivery: the new delivery,
 * null when nothing changes (a repeated or late report), or the reason it is
 * refused (the message is not delivered through an edge).
 */
export function reportDelivery(
  current: Delivery | undefined,
  status: Exclude<DeliveryStatus, 'queued'>,
  reason: string | undefined,
  now: Millis,
): Delivery | null | { readonly refused: string } {
  if (!current) return { refused: 'This message is not delivered through a channel edge.' };
  if (RANK[status] <= RANK[current.status]) return null;
  const why = status === 'failed' ? (reason?.trim() || 'The provider did not say why.').slice(0, 500) : undefined;
  return why === undefined ? { status, at: now } : { status, at: now, reason: why };
}


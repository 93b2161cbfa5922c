import { css, html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { Phone, PhoneCall, PhoneIncoming, PhoneMissed, PhoneOff, PhoneOutgoing, Voicemail } from 'lucide';
import { getLocale, type Locale } from '../../i18n/localization.js';
import { callOutcome, type CallFacts, type CallOutcome } from '../../model/call-outcome.js';
import { icon, type IconNode } from './icons.js';

/**
 * How a call went, as text and as a badge, the same wherever a call shows:
 * the timeline, `<call-card>`, `<incoming-calls>`, the contact's activity
 * (and the list's call rows). The outcome is `model/call-outcome.ts`'s;
 * numbers go through `Intl.NumberFormat` in the inbox's locale.
 */

const digits = new Map<string, Intl.NumberFormat>();
function two(locale: Locale): Intl.NumberFormat {
  let format = digits.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
    digits.set(locale, format);
  }
  return format;
}
const plain = new Map<string, Intl.NumberFormat>();
function one(locale: Locale): Intl.NumberFormat {
  let format = plain.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { useGrouping: false });
    plain.set(locale, format);
  }
  return format;
}

/** Seconds as a call clock: `4:12`, `0:45`, `1:02:03` from an hour on. */
export function callClock(seconds: number, locale: Locale = getLocale()): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = two(locale).format(s % 60);
  return hours > 0 ? `${one(locale).format(hours)}:${two(locale).format(minutes)}:${rest}` : `${one(locale).format(minutes)}:${rest}`;
}

/** "Incoming" or "Outgoing". */
export function callDirectionLabel(direction: CallFacts['direction']): string {
  return direction === 'in' ? msg('Incoming', { id: 'call.summary.in' }) : msg('Outgoing', { id: 'call.summary.out' });
}

/** An outcome in a few words: "Missed call", "Voicemail", "No answer", "Declined", "Ringing", "On call", "Answered". */
export function callOutcomeLabel(outcome: CallOutcome): string {
  switch (outcome) {
    case 'ringing':
      return msg('Ringing', { id: 'call.summary.ringing' });
    case 'active':
      return msg('On call', { id: 'call.summary.active' });
    case 'answered':
      return msg('Answered', { id: 'call.summary.answered' });
    case 'missed':
      return msg('Missed call', { id: 'call.summary.missed' });
    case 'voicemail':
      return msg('Voicemail', { id: 'call.summary.voicemail' });
    case 'no-answer':
      return msg('No answer', { id: 'call.summary.noAnswer' });
    case 'declined':
      return msg('Declined', { id: 'call.summary.declined' });
  }
}

/**
 * A call in one line: "Incoming · 4:12" (talked on, with its length),
 * "Missed call", "Voicemail · 0:32", "Outgoing · No answer",
 * "Incoming · Declined", "Outgoing · Ringing".
 */
export function callSummary(call: CallFacts, locale: Locale = getLocale()): string {
  const outcome = callOutcome(call);
  const sep = ' · ';
  switch (outcome) {
    case 'answered':
      return callDirectionLabel(call.direction) + sep + callClock(call.duration, locale);
    case 'missed':
      return callOutcomeLabel(outcome);
    case 'voicemail':
      return call.duration > 0 ? callOutcomeLabel(outcome) + sep + callClock(call.duration, locale) : callOutcomeLabel(outcome);
    default:
      return callDirectionLabel(call.direction) + sep + callOutcomeLabel(outcome);
  }
}

/** The glyph of a call: its direction when talked on, else what happened. */
export function callGlyph(call: CallFacts): IconNode {
  switch (callOutcome(call)) {
    case 'ringing':
      return Phone;
    case 'active':
      return PhoneCall;
    case 'missed':
    case 'no-answer':
      return PhoneMissed;
    case 'voicemail':
      return Voicemail;
    case 'declined':
      return PhoneOff;
    case 'answered':
      return call.direction === 'in' ? PhoneIncoming : PhoneOutgoing;
  }
}

/** The tone of a call's badge: a call nobody talked on stands out. */
export function callTone(call: CallFacts): 'danger' | 'warning' | 'success' | 'info' {
  switch (callOutcome(call)) {
    case 'missed':
    case 'no-answer':
    case 'declined':
      return 'danger';
    case 'voicemail':
      return 'warning';
    case 'ringing':
      return 'info';
    default:
      return 'success';
  }
}

/**
 * A call as a status badge: glyph and summary in a pill tinted by its tone
 * (red when nobody talked, amber for a voicemail, green once talked on, blue
 * while it rings). Add `callBadgeStyles` to the element's styles.
 */
export function callBadge(call: CallFacts, { part = 'call-summary', id }: { part?: string; id?: string } = {}): TemplateResult {
  return html`<span class="call-badge call-badge--${callTone(call)}" part=${part} id=${id ?? nothing}
    >${icon(callGlyph(call), { size: 14 })}<span>${callSummary(call)}</span></span
  >`;
}

export const callBadgeStyles = css`
  .call-badge {
    --_tone: var(--_inbox-status-open);
    display: inline-flex;
    align-items: center;
    gap: var(--_inbox-space-2);
    padding: var(--_inbox-space-1) var(--_inbox-space-3);
    border-radius: var(--_inbox-radius-pill);
    font-size: var(--_inbox-font-size-sm);
    font-weight: var(--_inbox-font-weight-medium);
    font-variant-numeric: tabular-nums;
    line-height: 1.3;
    white-space: nowrap;
    color: var(--_tone);
    background: color-mix(in srgb, var(--_tone) 12%, var(--_inbox-color-surface));
  }
  .call-badge svg {
    flex: none;
  }
  .call-badge--danger {
    --_tone: var(--_inbox-status-blocked);
  }
  .call-badge--warning {
    --_tone: var(--_inbox-status-waiting);
  }
  .call-badge--info {
    --_tone: var(--_inbox-status-unread);
  }
  @media (forced-colors: active) {
    .call-badge {
      border: 1px solid CanvasText;
    }
  }
`;

import type { Locale } from '../../i18n/localization.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Map<string, Intl.RelativeTimeFormat>();
const absolute = new Map<string, Intl.DateTimeFormat>();

function relativeFormat(locale: Locale): Intl.RelativeTimeFormat {
  let format = relative.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
    relative.set(locale, format);
  }
  return format;
}

/** A full date and time, for the tooltip. */
export function fullTime(at: number, locale: Locale): string {
  let format = absolute.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    absolute.set(locale, format);
  }
  return format.format(at);
}

/**
 * "now", "5 min. ago", "yesterday", "3 wk. ago" in `locale`
 * (Intl.RelativeTimeFormat, short style, words where the locale has them).
 */
export function relativeTime(at: number, now: number, locale: Locale): string {
  const format = relativeFormat(locale);
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs < MINUTE) return format.format(0, 'second');
  if (abs < HOUR) return format.format(Math.round(diff / MINUTE), 'minute');
  if (abs < DAY) return format.format(Math.round(diff / HOUR), 'hour');
  if (abs < 7 * DAY) return format.format(Math.round(diff / DAY), 'day');
  if (abs < 30 * DAY) return format.format(Math.round(diff / (7 * DAY)), 'week');
  if (abs < 365 * DAY) return format.format(Math.round(diff / (30 * DAY)), 'month');
  return format.format(Math.round(diff / (365 * DAY)), 'year');
}

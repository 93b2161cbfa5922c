import { msg } from '@lit/localize';

/**
 * Dates typed and shown in the inbox's language, not the browser's: a native
 * `<input type="date">` follows the browser's locale (mm/dd/yyyy in a French
 * inbox on an English browser), so the filters' date range and the snooze
 * picker's date use a text field in the order and separator of the inbox's
 * locale (`31/12/2026` in fr and es, `12/31/2026` in en), read back by
 * `parseDate`, with the pattern as its placeholder and hint.
 */

type Part = 'day' | 'month' | 'year';

interface Pattern {
  readonly order: readonly Part[];
  readonly separator: string;
}

const patterns = new Map<string, Pattern>();

/** The order of day, month and year, and the separator, of `locale`'s short numeric date. */
export function datePattern(locale: string): Pattern {
  let pattern = patterns.get(locale);
  if (!pattern) {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
      new Date(2026, 11, 31),
    );
    const order = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type as Part);
    const separator = parts.find((p) => p.type === 'literal')?.value ?? '/';
    pattern = { order, separator };
    patterns.set(locale, pattern);
  }
  return pattern;
}

/** The pattern as a person reads it, with the locale's letters: `jj/mm/aaaa`, `dd/mm/aaaa`, `mm/dd/yyyy`. */
export function datePlaceholder(locale: string): string {
  const { order, separator } = datePattern(locale);
  const letters: Record<Part, string> = {
    day: msg('dd', { id: 'date.pattern.day', desc: 'The day in a date pattern, as in dd/mm/yyyy' }),
    month: msg('mm', { id: 'date.pattern.month', desc: 'The month in a date pattern, as in dd/mm/yyyy' }),
    year: msg('yyyy', { id: 'date.pattern.year', desc: 'The year in a date pattern, as in dd/mm/yyyy' }),
  };
  return order.map((part) => letters[part]).join(separator);
}

/** A local time shown as the locale's short numeric date (`31/12/2026`). */
export function formatDate(time: number, locale: string): string {
  const date = new Date(time);
  const { order, separator } = datePattern(locale);
  const value: Record<Part, string> = {
    day: String(date.getDate()).padStart(2, '0'),
    month: String(date.getMonth() + 1).padStart(2, '0'),
    year: String(date.getFullYear()),
  };
  return order.map((part) => value[part]).join(separator);
}

/**
 * A date typed in `locale`'s order (any of `/ . -` or spaces between the
 * numbers, one or two digits for day and month, two or four for the year),
 * as the local start of that day, or of its end with `end`; null when it is
 * not a real date (`31/02/2026`).
 */
export function parseDate(text: string, locale: string, end = false): number | null {
  const numbers = text.trim().split(/[\s./-]+/).filter(Boolean);
  if (numbers.length !== 3 || numbers.some((n) => !/^\d{1,4}$/.test(n))) return null;
  const { order } = datePattern(locale);
  const at: Record<Part, number> = { day: 0, month: 0, year: 0 };
  order.forEach((part, i) => (at[part] = Number(numbers[i])));
  if (numbers[order.indexOf('year')]!.length === 2) at.year += 2000;
  const { day, month, year } = at;
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const date = end ? new Date(year, month - 1, day, 23, 59, 59, 999) : new Date(year, month - 1, day);
  return date.getMonth() === month - 1 && date.getDate() === day ? date.getTime() : null;
}

/** A time of day typed as `15:30`, `15h30`, `9`, `3:30 pm` or `3 PM`: minutes after midnight, or null. */
export function parseTime(text: string): number | null {
  const match = /^\s*(\d{1,2})(?:\s*[:h.]\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$/i.exec(text);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** A time of day as the locale shows it (`15:30`, `3:30 PM`). */
export function formatTime(minutes: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(2026, 0, 1, Math.floor(minutes / 60), minutes % 60));
}

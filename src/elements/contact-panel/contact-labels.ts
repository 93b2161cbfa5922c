import { msg, str } from '@lit/localize';
import { getLocale } from '../../i18n/localization.js';
import type { ContactFieldError } from '../../model/contacts.js';
import type { EventKind } from '../../model/types.js';

/** The fields the panel lists, besides the name in its header. */
export const STANDARD_FIELDS = ['phones', 'emails', 'company', 'country', 'language'] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];
/** A standard field, or `custom:<key>` for one of the contact's custom attributes. */
export type FieldKey = StandardField | `custom:${string}`;
/** What an inline editor edits: a field, or the name in the header. */
export type EditKey = FieldKey | 'name';

export const isStandardField = (value: string): value is StandardField =>
  (STANDARD_FIELDS as readonly string[]).includes(value);

export const isFieldKey = (value: string): value is FieldKey =>
  isStandardField(value) || (value.startsWith('custom:') && value.length > 'custom:'.length);

export const customKey = (field: EditKey): string | null =>
  field.startsWith('custom:') ? field.slice('custom:'.length) : null;

/**
 * A custom attribute's key as words a person reads: "customerSince" →
 * "Customer since", "account_id" → "Account id", "VIPLevel" → "VIP level".
 * What a panel shows when its host gave no label (`fieldLabels`).
 */
export function readableKey(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((word, i) => (word.length > 1 && word === word.toUpperCase() ? word : i === 0 ? word : word.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * A field's heading: localized for the standard ones; for a custom
 * attribute, the host's label (`labels`, key to label) or its readable key.
 */
export function fieldLabel(field: EditKey, labels?: Readonly<Record<string, string>>): string {
  switch (field) {
    case 'name':
      return msg('Name', { id: 'contactPanel.field.name' });
    case 'phones':
      return msg('Phones', { id: 'contactPanel.field.phones' });
    case 'emails':
      return msg('E-mails', { id: 'contactPanel.field.emails' });
    case 'company':
      return msg('Company', { id: 'contactPanel.field.company' });
    case 'country':
      return msg('Country', { id: 'contactPanel.field.country' });
    case 'language':
      return msg('Language', { id: 'contactPanel.field.language' });
    default: {
      const key = field.slice('custom:'.length);
      return labels?.[key] ?? readableKey(key);
    }
  }
}

/** The label of one entry of a list field: "Phone 2". */
export function entryLabel(field: 'phones' | 'emails', n: number): string {
  return field === 'phones'
    ? msg(str`Phone ${formatNumber(n)}`, { id: 'contactPanel.entry.phone' })
    : msg(str`E-mail ${formatNumber(n)}`, { id: 'contactPanel.entry.email' });
}

/** What to do about a field error, localized (the model's own sentence is English, for the rule's refusal). */
export function problemMessage(error: ContactFieldError): string {
  switch (error.problem) {
    case 'phone':
      return msg('Not a valid phone number: write + and the country code, then the number (7 to 15 digits), e.g. +33 6 12 34 56 78.', {
        id: 'contactPanel.problem.phone',
      });
    case 'email':
      return msg('Not a valid e-mail address: write it as name@example.com.', { id: 'contactPanel.problem.email' });
    case 'country':
      return msg('Not a country code: use two letters (ISO 3166), e.g. FR or US.', { id: 'contactPanel.problem.country' });
    case 'language':
      return msg('Not a language code: use two or three letters (BCP 47), e.g. fr or en.', {
        id: 'contactPanel.problem.language',
      });
    case 'too-long':
      return msg('Too long: 255 characters at most.', { id: 'contactPanel.problem.tooLong' });
    case 'required':
      return msg('A contact needs a name.', { id: 'contactPanel.problem.required' });
    case 'owner':
      return msg('A contact owner must be an active user.', { id: 'contactPanel.problem.owner' });
  }
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** A country or language code's name in the current locale; the code itself if it has none. */
export function displayName(type: 'region' | 'language', code: string): string {
  const locale = getLocale();
  const key = `${locale}:${type}`;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type, fallback: 'code' });
    displayNames.set(key, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

const numbers = new Map<string, Intl.NumberFormat>();
/** A number in the inbox's locale ("1,234", "1 234"). */
export function formatNumber(value: number): string {
  const locale = getLocale();
  let format = numbers.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numbers.set(locale, format);
  }
  return format.format(value);
}

const dates = new Map<string, Intl.DateTimeFormat>();
function dateFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = getLocale();
  let format = dates.get(`${locale}|${key}`);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dates.set(`${locale}|${key}`, format);
  }
  return format;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
/** A number as data writes it; a whole number from 1900 to 2099 reads as a year ("2021"), not as "2,021". */
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const YEAR = /^(?:19|20)\d{2}$/;

/**
 * A custom attribute's value as the inbox's locale writes it: an ISO date
 * ("2021-03-14" → "Mar 14, 2021", "14 mars 2021"), an ISO date and time,
 * a number ("12500.5" → "12,500.5", "12 500,5"); anything else (a year from
 * 1900 to 2099, a number with leading zeros, a code, words) as written.
 */
export function attributeValue(value: string): string {
  const text = value.trim();
  const date = ISO_DATE.exec(text);
  if (date) {
    const at = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    return Number.isNaN(at) ? value : dateFormat('date', { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
  }
  if (ISO_DATE_TIME.test(text)) {
    const at = Date.parse(text);
    return Number.isNaN(at) ? value : dateFormat('dateTime', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  }
  if (NUMBER.test(text) && !YEAR.test(text) && !/^-?0\d/.test(text)) return formatNumber(Number(text));
  return value;
}

const plurals = new Map<string, Intl.PluralRules>();
/** Whether `count` takes the plural ("3 conversations") in the inbox's locale, by its plural rules (French: 0 and 1 are singular). */
export function pluralOther(count: number): boolean {
  const locale = getLocale();
  let rules = plurals.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    plurals.set(locale, rules);
  }
  return rules.select(count) !== 'one';
}

/** What a history event did, after the actor's name. */
export function eventLabel(kind: EventKind): string {
  switch (kind) {
    case 'done':
      return msg('marked it done', { id: 'contactPanel.event.done' });
    case 'reopened':
      return msg('reopened it', { id: 'contactPanel.event.reopened' });
    case 'unread':
      return msg('marked it unread', { id: 'contactPanel.event.unread' });
    case 'waiting':
      return msg('moved it to Waiting', { id: 'contactPanel.event.waiting' });
    case 'assigned':
      return msg('assigned it', { id: 'contactPanel.event.assigned' });
    case 'snoozed':
      return msg('snoozed it', { id: 'contactPanel.event.snoozed' });
    case 'unsnoozed':
      return msg('woke it up', { id: 'contactPanel.event.unsnoozed' });
    case 'trashed':
      return msg('moved it to Trash', { id: 'contactPanel.event.trashed' });
    case 'restored':
      return msg('restored it', { id: 'contactPanel.event.restored' });
    case 'spam':
      return msg('marked it as spam', { id: 'contactPanel.event.spam' });
    case 'not-spam':
      return msg('marked it as not spam', { id: 'contactPanel.event.notSpam' });
    case 'blocked':
      return msg('blocked the contact', { id: 'contactPanel.event.blocked' });
    case 'unblocked':
      return msg('unblocked the contact', { id: 'contactPanel.event.unblocked' });
    case 'priority':
      return msg('changed the priority', { id: 'contactPanel.event.priority' });
    case 'labels':
      return msg('changed the labels', { id: 'contactPanel.event.labels' });
  }
}

import { msg, str } from '@lit/localize';
import { getLocale } from '../../i18n/localization.js';
import type { ContactFieldError } from '../../model/contacts.js';
import type { CallItem, EventKind } from '../../model/types.js';

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

/** A field's heading: localized for the standard ones, the attribute's own name for custom ones. */
export function fieldLabel(field: EditKey): string {
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
    default:
      return field.slice('custom:'.length);
  }
}

/** The label of one entry of a list field: "Phone 2". */
export function entryLabel(field: 'phones' | 'emails', n: number): string {
  return field === 'phones'
    ? msg(str`Phone ${n}`, { id: 'contactPanel.entry.phone' })
    : msg(str`E-mail ${n}`, { id: 'contactPanel.entry.email' });
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

export function callLabel(call: CallItem): string {
  const incoming = call.direction === 'in';
  switch (call.state) {
    case 'ringing':
      return incoming
        ? msg('Incoming call, ringing', { id: 'contactPanel.call.in.ringing' })
        : msg('Outgoing call, ringing', { id: 'contactPanel.call.out.ringing' });
    case 'active':
      return incoming
        ? msg('Incoming call, in progress', { id: 'contactPanel.call.in.active' })
        : msg('Outgoing call, in progress', { id: 'contactPanel.call.out.active' });
    case 'missed':
      return incoming
        ? msg('Missed incoming call', { id: 'contactPanel.call.in.missed' })
        : msg('Unanswered outgoing call', { id: 'contactPanel.call.out.missed' });
    case 'declined':
      return incoming
        ? msg('Declined incoming call', { id: 'contactPanel.call.in.declined' })
        : msg('Declined outgoing call', { id: 'contactPanel.call.out.declined' });
    case 'ended':
      return incoming
        ? msg('Incoming call', { id: 'contactPanel.call.in.ended' })
        : msg('Outgoing call', { id: 'contactPanel.call.out.ended' });
  }
}

/** A call's duration: "4 min 05 s", "42 s". */
export function durationLabel(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return minutes > 0
    ? msg(str`${minutes} min ${rest} s`, { id: 'contactPanel.duration.minutes' })
    : msg(str`${seconds} s`, { id: 'contactPanel.duration.seconds' });
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

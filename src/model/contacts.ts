/**
 * Contact details (DESIGN.md section 5, the contact panel): how phones and
 * e-mail addresses are normalised and validated, which other contacts look
 * like duplicates, and how two contacts merge. Pure: the panel checks a
 * patch with these before dispatching, and the rules (updateContact,
 * mergeContacts in rules.people.ts) check it again, with the same functions.
 */
import type { Contact, InboxState } from './types.js';

/** Longest company (and contact name) the panel accepts. */
export const MAX_COMPANY_LENGTH = 255;
export const MAX_NAME_LENGTH = 255;

/**
 * A phone number in E.164 form (`+` and 7 to 15 digits), or null when `raw`
 * is not one. Spaces, dots, dashes and parentheses are dropped; a leading
 * `00` (the international prefix) becomes `+`. A number without its country
 * code is refused: the panel cannot guess the country.
 */
export function normalizePhone(raw: string): string | null {
  let compact = raw.replace(/[\s.()-]/g, '');
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
  return /^\+\d{7,15}$/.test(compact) ? compact : null;
}

/**
 * A sensible e-mail check, not RFC 5322: one `@`, something before it, a
 * domain with a dot between non-empty labels, no spaces.
 */
export function isValidEmail(raw: string): boolean {
  return raw.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(raw);
}

/** The form e-mail addresses are compared in. */
export function emailKey(raw: string): string {
  return raw.trim().toLowerCase();
}

/**
 * ISO 3166-1 alpha-2: the 249 officially assigned codes, grouped by first
 * letter ("AD…" is "A" followed by each second letter: AD, AE, AF…).
 */
const COUNTRY_CODES: ReadonlySet<string> = new Set(
  (
    'ADEFGILMOQRSTUWXZ BABDEFGHIJLMNOQRSTVWYZ CACDFGHIKLMNORUVWXYZ DEJKMOZ ECEGHRST FIJKMOR ' +
    'GABDEFGHILMNPQRSTUWY HKMNRTU IDELMNOQRST JEMOP KEGHIMNPRWYZ LABCIKRSTUVY MACDEFGHKLMNOPQRSTUVWXYZ ' +
    'NACEFGILOPRUZ OM PAEFGHKLMNRSTWY QA REOSUW SABCDEGHIJKLMNORSTVXYZ TCDFGHJKLMNORTVWZ UAGMSYZ VACEGINU ' +
    'WFS YET ZAMW'
  )
    .split(' ')
    .flatMap((group) => Array.from(group.slice(1), (second) => group[0]! + second)),
);

/** Whether `code` is an ISO 3166-1 alpha-2 country code (upper case, as stored). */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

/** Whether `tag` is a BCP 47 primary language subtag (ISO 639: two or three letters, lower case, as stored). */
export function isLanguageTag(tag: string): boolean {
  return /^[a-z]{2,3}$/.test(tag);
}

/** The contact fields the panel edits, and a patch of them. */
export type ContactPatch = Partial<Omit<Contact, 'id' | 'blocked'>>;

export type ContactFieldName = 'name' | 'phones' | 'emails' | 'company' | 'country' | 'language' | 'ownerId';

/** What is wrong with one field (or one entry of a list field). */
export interface ContactFieldError {
  readonly field: ContactFieldName;
  /** The entry of `phones` or `emails` at fault. */
  readonly index?: number | undefined;
  readonly problem: 'required' | 'phone' | 'email' | 'country' | 'language' | 'too-long' | 'owner';
  /** A sentence for people (and for the rule's refusal). Elements show their own, localized. */
  readonly message: string;
}

const OPTIONAL_TEXT = ['company', 'country', 'language', 'notes'] as const;

/**
 * The patch as the rules store it: text trimmed, empty list entries
 * dropped, the same phone (normalised) or e-mail (any case) listed once,
 * country upper case and language lower case. An empty company, country,
 * language or notes clears the field (see `applyContactPatch`).
 */
export function cleanContactPatch(patch: ContactPatch): ContactPatch {
  const clean: { -readonly [K in keyof ContactPatch]: ContactPatch[K] } = { ...patch };
  if (typeof patch.name === 'string') clean.name = patch.name.trim();
  if (Array.isArray(patch.phones)) clean.phones = uniqueBy(patch.phones, (p) => normalizePhone(p) ?? p);
  if (Array.isArray(patch.emails)) clean.emails = uniqueBy(patch.emails, emailKey);
  for (const key of OPTIONAL_TEXT) {
    const value = patch[key];
    if (typeof value === 'string') clean[key] = value.trim();
  }
  if (typeof clean.country === 'string') clean.country = clean.country.toUpperCase();
  if (typeof clean.language === 'string') clean.language = clean.language.toLowerCase();
  return clean;
}

function uniqueBy(list: readonly string[], key: (value: string) => string): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of list) {
    const value = raw.trim();
    if (value === '') continue;
    const k = key(value);
    if (seen.has(k)) continue;
    seen.add(k);
    kept.push(value);
  }
  return kept;
}

/**
 * The problems of a (cleaned) patch, field by field; none when it may be
 * saved. With `state`, a contact owner must be an active user (R10).
 */
export function validateContactPatch(patch: ContactPatch, state?: InboxState): ContactFieldError[] {
  const errors: ContactFieldError[] = [];
  if ('name' in patch) {
    const name = patch.name;
    if (typeof name !== 'string' || name.trim() === '') {
      errors.push({ field: 'name', problem: 'required', message: 'A contact needs a name.' });
    } else if (name.length > MAX_NAME_LENGTH) {
      errors.push({ field: 'name', problem: 'too-long', message: `A name has at most ${MAX_NAME_LENGTH} characters.` });
    }
  }
  (patch.phones ?? []).forEach((phone, index) => {
    if (normalizePhone(phone) === null) {
      errors.push({
        field: 'phones',
        index,
        problem: 'phone',
        message: `"${phone}" is not a valid phone number: write + and the country code, then 7 to 15 digits.`,
      });
    }
  });
  (patch.emails ?? []).forEach((email, index) => {
    if (!isValidEmail(email)) {
      errors.push({ field: 'emails', index, problem: 'email', message: `"${email}" is not a valid e-mail address.` });
    }
  });
  if (typeof patch.company === 'string' && patch.company.length > MAX_COMPANY_LENGTH) {
    errors.push({
      field: 'company',
      problem: 'too-long',
      message: `A company name has at most ${MAX_COMPANY_LENGTH} characters.`,
    });
  }
  if (typeof patch.country === 'string' && patch.country !== '' && !isCountryCode(patch.country)) {
    errors.push({
      field: 'country',
      problem: 'country',
      message: `"${patch.country}" is not a country code: use two letters (ISO 3166), such as FR or US.`,
    });
  }
  if (typeof patch.language === 'string' && patch.language !== '' && !isLanguageTag(patch.language)) {
    errors.push({
      field: 'language',
      problem: 'language',
      message: `"${patch.language}" is not a language code: use two or three letters (BCP 47), such as fr or en.`,
    });
  }
  const owner = patch.ownerId;
  if (state && owner && state.users.get(owner)?.active !== true) {
    errors.push({ field: 'ownerId', problem: 'owner', message: 'A contact owner must be an active user.' });
  }
  return errors;
}

/**
 * The contact with a cleaned patch applied. An empty company, country,
 * language or notes removes the field; an undefined one is ignored (JSON
 * would drop it on the way to the backend, so the client ignores it too).
 */
export function applyContactPatch(contact: Contact, patch: ContactPatch): Contact {
  const cleared = new Set<string>();
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || key === 'id' || key === 'blocked') continue;
    if (value === '' && (OPTIONAL_TEXT as readonly string[]).includes(key)) cleared.add(key);
    else set[key] = value;
  }
  const kept = Object.entries(contact).filter(([key]) => !cleared.has(key));
  return { ...Object.fromEntries(kept), ...set } as unknown as Contact;
}

/**
 * The target after absorbing the source (mergeContacts): phones (by
 * normalised number), e-mails (any case) and tags are unioned, the
 * target's own first; attributes the target lacks come from the source;
 * company, country, language and notes the target lacks too. The target
 * keeps its name, id and blocked flag. R10: it keeps its owner, else takes
 * the source's if that user is still active.
 */
export function mergeContactDetails(target: Contact, source: Contact, state?: InboxState): Contact {
  const merged: { -readonly [K in keyof Contact]: Contact[K] } = {
    ...target,
    phones: uniqueBy([...target.phones, ...source.phones], (p) => normalizePhone(p) ?? p),
    emails: uniqueBy([...target.emails, ...source.emails], emailKey),
    tags: [...new Set([...target.tags, ...source.tags])],
    attributes: { ...target.attributes },
  };
  for (const [key, value] of Object.entries(source.attributes)) {
    if (!Object.hasOwn(target.attributes, key)) merged.attributes = { ...merged.attributes, [key]: value };
  }
  for (const key of OPTIONAL_TEXT) {
    if ((target[key] === undefined || target[key] === '') && source[key] !== undefined && source[key] !== '') {
      merged[key] = source[key];
    }
  }
  const sourceOwner = source.ownerId;
  const ownerActive = sourceOwner && (!state || state.users.get(sourceOwner)?.active === true);
  if (!target.ownerId && sourceOwner && ownerActive) merged.ownerId = sourceOwner;
  return merged;
}

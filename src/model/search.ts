import type { Contact, Conversation, InboxState, TimelineItem } from './types.js';

/**
 * Search (DESIGN section 4): contact name, phones, e-mail addresses, subject
 * and message text, accent- and case-insensitive ("Zoé" finds "zoe").
 * Hand-written on `String.normalize`: the npm candidates are either a
 * Latin-1 table (lodash.deburr, remove-accents) or a whole transliterator
 * (any-ascii), and NFKD covers every script at no bundle cost.
 */

/** Letters NFKD does not decompose, and typographic twins people type plainly. */
const FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ħ: 'h',
  ŧ: 't',
  þ: 'th',
  ı: 'i',
  ĸ: 'k',
  ŋ: 'n',
  ς: 'σ',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');
const DIACRITICS_RE = /\p{Diacritic}/gu;
const NON_ASCII_RE = /[\u0080-\uffff]/;

/**
 * Lower case, compatibility-decomposed (ligatures "ﬁ", full-width letters),
 * without diacritics: "Zoé" → "zoe", "Ñandú" → "nandu", "Straße" → "strasse".
 */
export function normalize(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII_RE.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(DIACRITICS_RE, '')
    .replace(FOLD_RE, (ch) => FOLDS[ch] ?? ch);
}

const digitsOf = (text: string): string => text.replace(/\D+/g, '');

interface CachedKey {
  /** The collections last seen: while they are the same, so are the contact and timeline. */
  contacts: InboxState['contacts'];
  timelines: InboxState['timelines'];
  readonly contact: Contact | undefined;
  readonly timeline: readonly TimelineItem[] | undefined;
  readonly key: string;
}

/**
 * Keyed by the conversation object: entities are immutable, so an entry
 * stays valid for that object. The contact and loaded timeline live in other
 * objects, so an entry also remembers which ones it was built from.
 */
const keys = new WeakMap<Conversation, CachedKey>();

/** Everything a search looks in, normalized, one field per line. */
export function searchKey(state: InboxState, conversation: Conversation): string {
  const { contacts, timelines } = state;
  const cached = keys.get(conversation);
  if (cached && cached.contacts === contacts && cached.timelines === timelines) return cached.key;
  const contact = contacts.get(conversation.contactId);
  const timeline = timelines.get(conversation.id);
  if (cached && cached.contact === contact && cached.timeline === timeline) {
    cached.contacts = contacts;
    cached.timelines = timelines;
    return cached.key;
  }
  const parts = [conversation.subject, conversation.lastMessage?.preview ?? ''];
  if (contact) {
    parts.push(contact.name, ...contact.emails, ...contact.phones);
    // "555 0101" must find "+1 (555) 010-1234": phones also as bare digits.
    for (const phone of contact.phones) parts.push(digitsOf(phone));
  }
  if (timeline) for (const item of timeline) if (item.type === 'message') parts.push(item.body);
  const key = normalize(parts.join('\n'));
  keys.set(conversation, { contacts, timelines, contact, timeline, key });
  return key;
}

const PHONE_LIKE_RE = /^[\d\s+().\-/]+$/;

/** A query parsed once: every word must occur (substring) in the key. */
export interface SearchTerms {
  readonly words: readonly string[];
  /** For a phone-like query ("555 0101", "(555) 010-1"), its digits as one more way to match. */
  readonly digits: string | null;
}

export function parseSearch(query: string): SearchTerms | null {
  const words = normalize(query).split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return null;
  const digits = PHONE_LIKE_RE.test(query) ? digitsOf(query) : '';
  return { words, digits: digits.length >= 3 ? digits : null };
}

export function matchesTerms(key: string, terms: SearchTerms): boolean {
  if (terms.digits !== null && key.includes(terms.digits)) return true;
  for (const word of terms.words) if (!key.includes(word)) return false;
  return true;
}

/** True for an empty query. For many conversations, parse once and use matchesTerms. */
export function matchesSearch(state: InboxState, conversation: Conversation, query: string): boolean {
  const terms = parseSearch(query);
  return terms === null || matchesTerms(searchKey(state, conversation), terms);
}

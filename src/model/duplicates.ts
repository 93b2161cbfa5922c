/**
 * Merge suggestions for the contact panel. Apart from contacts.ts, whose
 * rules the store runs on every page, so that only the panel's code carries
 * this.
 */
import { emailKey, normalizePhone } from './contacts.js';
import type { Contact, Id, InboxState } from './types.js';

/** Another contact that looks like the same person, and why. */
export interface DuplicateSuggestion {
  readonly contact: Contact;
  /** The shared phone numbers, as the other contact writes them. */
  readonly phones: readonly string[];
  /** The shared e-mail addresses, as the other contact writes them. */
  readonly emails: readonly string[];
}

/**
 * Merge suggestions (DESIGN section 5): the other contacts sharing a
 * normalised phone number or an e-mail address (any case) with
 * `contactId`, in the state's order. One pass over the contacts.
 */
export function duplicateSuggestions(state: InboxState, contactId: Id): DuplicateSuggestion[] {
  const contact = state.contacts.get(contactId);
  if (!contact) return [];
  const phones = new Set(contact.phones.flatMap((p) => normalizePhone(p) ?? []));
  const emails = new Set(contact.emails.map(emailKey));
  if (phones.size === 0 && emails.size === 0) return [];
  const found: DuplicateSuggestion[] = [];
  for (const other of state.contacts.values()) {
    if (other.id === contactId) continue;
    const sharedPhones = other.phones.filter((p) => {
      const key = normalizePhone(p);
      return key !== null && phones.has(key);
    });
    const sharedEmails = other.emails.filter((e) => emails.has(emailKey(e)));
    if (sharedPhones.length > 0 || sharedEmails.length > 0) {
      found.push({ contact: other, phones: sharedPhones, emails: sharedEmails });
    }
  }
  return found;
}

/**
 * The command palette's jump list: the conversations and the contacts a
 * user may see (R14) that match what they type, found with the list's own
 * search (search.ts: accents and case ignored, every word, phone digits),
 * newest first. It walks the presorted index of the row cache (rows.ts) and
 * stops at `limit`, so a common word costs a few rows, not 100,000.
 */
import { visibilityFilter } from './permissions.js';
import { rowsOf } from './rows.js';
import { matchesTerms, normalize, parseSearch } from './search.js';
import type { Contact, Conversation, Id, InboxState, User } from './types.js';

export interface FoundContact {
  readonly contact: Contact;
  /** Their newest conversation the user may see: where a jump to the contact lands. */
  readonly latest: Conversation;
}

export interface Found {
  readonly conversations: readonly Conversation[];
  readonly contacts: readonly FoundContact[];
}

const NOTHING: Found = { conversations: [], contacts: [] };

/** Whether the contact's own fields (name, e-mails, phones) hold every word. */
function contactMatches(contact: Contact, words: readonly string[], digits: string | null): boolean {
  const own = normalize([contact.name, ...contact.emails, ...contact.phones].join('\n'));
  if (digits !== null && contact.phones.some((p) => p.replace(/\D+/g, '').includes(digits))) return true;
  return words.every((word) => own.includes(word));
}

/**
 * Up to `limit` conversations and `limit` contacts that `user` may see
 * (R14), matching `text`, newest first; trashed conversations left out. A
 * contact is found by their name, e-mail or phone, through a conversation
 * with them the user may see.
 */
export function findInInbox(state: InboxState, user: User, text: string, limit = 5): Found {
  const terms = parseSearch(text);
  if (terms === null) return NOTHING;
  const visible = visibilityFilter(state, user);
  const { list, key, sorted } = rowsOf(state);
  const conversations: Conversation[] = [];
  const contacts = new Map<Id, FoundContact>();
  for (const i of sorted('newest')) {
    const c = list[i];
    if (c === undefined || c.trashedAt != null || !visible(c) || !matchesTerms(key(i, c), terms)) continue;
    if (conversations.length < limit) conversations.push(c);
    const contact = state.contacts.get(c.contactId);
    if (contact && contacts.size < limit && !contacts.has(contact.id) && contactMatches(contact, terms.words, terms.digits)) {
      contacts.set(contact.id, { contact, latest: c });
    }
    if (conversations.length >= limit && contacts.size >= limit) break;
  }
  return { conversations, contacts: [...contacts.values()] };
}

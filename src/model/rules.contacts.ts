/**
 * The contact panel's commands: a contact's details and the merging of
 * duplicates (DESIGN section 5). Not in the script-tag bundle's main file:
 * they load with the contact panel's chunk (define-contact.ts registers them
 * with addPersonRules), with contacts.ts, which cleans and checks what they
 * write. Until then such a command changes nothing in the page and the
 * backend decides it (rules.ts); backends always have them (rules.backend.ts).
 */
import type { ContactDetailCommandType } from './commands.js';
import { applyContactPatch, cleanContactPatch, mergeContactDetails, validateContactPatch } from './contacts.js';
import type { DomainEvent } from './events.js';
import { accept, changeConversation, findContact, isRefused, refuse, same, type Rule } from './rules.support.js';
import type { Contact } from './types.js';

/**
 * The contact panel's details (DESIGN section 5): phones, e-mails, country,
 * language and company are cleaned and validated by contacts.ts, the same
 * functions the panel checks with before dispatching. R14: any active
 * user (or the system) may edit a contact.
 */
export const updateContact: Rule<'updateContact'> = (input) => {
  const contact = findContact(input, input.command.args.contactId);
  if (isRefused(contact)) return contact;
  // id and blocked are not the panel's to change (R8 has its own command).
  const { id: _id, blocked: _blocked, ...raw } = input.command.args.patch as Partial<Contact>;
  const patch = cleanContactPatch(raw);
  const problem = validateContactPatch(patch, input.state)[0];
  if (problem) return refuse('invalid', problem.message);
  const updated = applyContactPatch(contact, patch);
  return accept(same(updated, contact) ? [] : [{ type: 'contact.upserted', contact: updated }]);
};

/**
 * Merges a duplicate (DESIGN section 5's merge suggestions): the source's
 * phones, e-mails, tags and attributes join the target's
 * (mergeContactDetails), its conversations move to the target, and the
 * source is removed. R8: a blocked contact merges only with another
 * blocked one, so that a merge never blocks or unblocks anyone. R10: the
 * target keeps its owner, else takes the source's. R14: whoever may edit
 * a contact (updateContact) may merge two.
 */
export const mergeContacts: Rule<'mergeContacts'> = (input) => {
  const { targetId, sourceId } = input.command.args;
  if (targetId === sourceId) return refuse('invalid', 'A contact cannot be merged into itself.');
  const target = findContact(input, targetId);
  if (isRefused(target)) return target;
  const source = findContact(input, sourceId);
  if (isRefused(source)) return source;
  if (target.blocked !== source.blocked) {
    const [blocked, other] = target.blocked ? [target, source] : [source, target];
    return refuse(
      'conflict',
      `${blocked.name} is blocked and ${other.name} is not; unblock or block one of them before merging.`,
    );
  }
  const events: DomainEvent[] = [];
  for (const c of input.state.conversations.values()) {
    if (c.contactId === source.id) events.push(...changeConversation(input, c, { patch: { contactId: target.id } }));
  }
  const merged = mergeContactDetails(target, source, input.state);
  if (!same(merged, target)) events.push({ type: 'contact.upserted', contact: merged });
  events.push({ type: 'contact.deleted', id: source.id });
  return accept(events);
};

/** The contact panel's rules, by command type. */
export const CONTACT_RULES: { readonly [K in ContactDetailCommandType]: Rule<K> } = { updateContact, mergeContacts };

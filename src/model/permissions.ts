import type { Contact, Conversation, InboxState, SavedView, User } from './types.js';

/**
 * R14 visibility. A backend enforces it on every response and event; a
 * client uses the same functions for display only.
 */

export function seesEverything(user: User): boolean {
  return user.role !== 'agent' || user.visibility === 'all';
}

/** Users whose conversations a `team` agent sees: themself and their teams' members. */
export function teammateIds(state: InboxState, user: User): ReadonlySet<string> {
  const ids = new Set<string>([user.id]);
  for (const teamId of user.teamIds) {
    const team = state.teams.get(teamId);
    if (team) for (const member of team.memberIds) ids.add(member);
  }
  return ids;
}

/**
 * Whether `user` may see `conversation` at all (R14). A mention grants sight
 * of the conversation it was made in (R20), whatever the visibility.
 * `teammates` may be passed in when checking many conversations.
 */
export function canSeeConversation(
  state: InboxState,
  user: User,
  conversation: Conversation,
  teammates: ReadonlySet<string> = teammateIds(state, user),
): boolean {
  if (!user.active) return false;
  if (seesEverything(user)) return true;
  if (conversation.mentions.includes(user.id)) return true;
  const assignee = conversation.assignee;
  if (assignee?.type !== 'user') return false;
  if (user.visibility === 'self') return assignee.id === user.id;
  return teammates.has(assignee.id);
}

/** Returns a predicate for checking many conversations against one user. */
export function visibilityFilter(state: InboxState, user: User): (c: Conversation) => boolean {
  if (!user.active) return () => false;
  if (seesEverything(user)) return () => true;
  const teammates = teammateIds(state, user);
  return (conversation) => canSeeConversation(state, user, conversation, teammates);
}

/**
 * Whether `user` may see `contact` (R14): whoever sees every conversation
 * does; others see the contacts of the conversations they see, and no other
 * (not by id, not through a command). A backend answers a contact one may
 * not see exactly as one that does not exist, and sends it only to those
 * who may see it. `visible` may be passed in when checking many contacts.
 */
export function canSeeContact(
  state: InboxState,
  user: User,
  contact: Contact,
  visible: (c: Conversation) => boolean = visibilityFilter(state, user),
): boolean {
  if (!user.active) return false;
  if (seesEverything(user)) return true;
  for (const conversation of state.conversations.values()) {
    if (conversation.contactId === contact.id && visible(conversation)) return true;
  }
  return false;
}

export function canSeeView(user: User, view: SavedView): boolean {
  if (view.ownerId === user.id) return true;
  const shared = view.sharedWith;
  if (shared.everyone) return true;
  if (shared.userIds.includes(user.id)) return true;
  return shared.teamIds.some((teamId) => user.teamIds.includes(teamId));
}

export function canChangeView(user: User, view: SavedView): boolean {
  return view.ownerId === user.id;
}

/** The permission half of the Blocked view's rule (R14); it also needs a blocked contact. */
export function mayUseBlocked(user: User): boolean {
  return user.role !== 'agent' || user.canSeeBlocked === true;
}

export function hasBlockedContact(state: InboxState): boolean {
  for (const contact of state.contacts.values()) if (contact.blocked) return true;
  return false;
}

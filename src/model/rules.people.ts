/**
 * Rules about people rather than one conversation: contacts (R8 blocking;
 * their details and merging are in rules.contacts.ts), agents (R10 deactivation, R11 availability and routing),
 * internal comments and notes (R20), and saved views (R14 ownership).
 */
import { canRenameChannels, checkChannelName, MAX_CHANNEL_NAME } from './channel-names.js';
import type { DomainEvent } from './events.js';
import { canChangeNote } from './notes.js';
import { canChangeView, canSeeView } from './permissions.js';
import {
  accept,
  assigneeKey,
  byPerson,
  changeConversation,
  eventItem,
  findContact,
  findConversation,
  findItem,
  isBlank,
  isManager,
  isRefused,
  refuse,
  same,
  timelineEvent,
  type Refused,
  type Rule,
  type RuleInput,
} from './rules.support.js';
import type { CommentItem, Conversation, Id, InboxState, NoteItem, User } from './types.js';


/**
 * R8: the flag lives on the contact and the views derive Blocked from it;
 * each of their conversations records who blocked or unblocked, without a
 * change of its own.
 */
function setBlocked(input: RuleInput<'blockContact' | 'unblockContact'>, blocked: boolean) {
  const contact = findContact(input, input.command.args.contactId);
  if (isRefused(contact)) return contact;
  if (contact.blocked === blocked) return accept([]);
  const events: DomainEvent[] = [{ type: 'contact.upserted', contact: { ...contact, blocked } }];
  const kind = blocked ? 'blocked' : 'unblocked';
  for (const c of input.state.conversations.values()) {
    if (c.contactId === contact.id) events.push(timelineEvent(eventItem(input, c.id, { kind })));
  }
  return accept(events);
}

// R8
export const blockContact: Rule<'blockContact'> = (input) => setBlocked(input, true);
// R8
export const unblockContact: Rule<'unblockContact'> = (input) => setBlocked(input, false);

function findUser(input: RuleInput, userId: Id): User | Refused {
  return input.state.users.get(userId) ?? refuse('not-found', `User ${userId} was not found.`);
}

// R10: a deactivated user's conversations become unassigned; only owners and managers deactivate.
export const deactivateUser: Rule<'deactivateUser'> = (input) => {
  if (!isManager(input.actor)) return refuse('forbidden', 'Only owners and managers can deactivate users.');
  const user = findUser(input, input.command.args.userId);
  if (isRefused(user)) return user;
  if (user.id === input.actor?.id) return refuse('forbidden', 'You cannot deactivate yourself.');
  const events: DomainEvent[] = [];
  if (user.active || user.availability !== 'away') {
    events.push({ type: 'user.upserted', user: { ...user, active: false, availability: 'away' } });
  }
  for (const c of input.state.conversations.values()) {
    if (c.assignee?.type === 'user' && c.assignee.id === user.id) {
      events.push(...changeConversation(input, c, { patch: { assignee: null }, notes: [assigned(null)] }));
    }
  }
  return accept(events);
};

function assigned(userId: Id | null) {
  return { kind: 'assigned', detail: assigneeKey(userId === null ? null : { type: 'user', id: userId }) } as const;
}

/**
 * R11: what routing would hand `user`: the unassigned conversation in New
 * (open, awaiting an agent, not spam, trash, snoozed, Sent, nor from a
 * blocked contact) that has waited longest, from no team or one of theirs.
 */
export function nextForRouting(state: InboxState, user: User): Conversation | undefined {
  let best: Conversation | undefined;
  for (const c of state.conversations.values()) {
    if (!routable(state, user, c)) continue;
    if (!best || c.awaitingSince < best.awaitingSince || (c.awaitingSince === best.awaitingSince && c.id < best.id)) {
      best = c;
    }
  }
  return best;
}

function routable(state: InboxState, user: User, c: Conversation): boolean {
  return (
    c.assignee === null &&
    c.status === 'open' &&
    c.awaiting === 'agent' &&
    !c.spam &&
    c.trashedAt === null &&
    c.snoozedUntil === null &&
    !c.sent &&
    (c.teamId === null || user.teamIds.includes(c.teamId)) &&
    state.contacts.get(c.contactId)?.blocked !== true
  );
}

function handOver(input: RuleInput, user: User): DomainEvent[] {
  const next = nextForRouting(input.state, user);
  if (!next) return [];
  return changeConversation(input, next, {
    patch: { assignee: { type: 'user', id: user.id }, humanOwned: true },
    notes: [assigned(user.id)],
  });
}

// R11: agents set their own availability; owners and managers anyone's.
export const setAvailability: Rule<'setAvailability'> = (input) => {
  const { userId, availability, reason } = input.command.args;
  const user = findUser(input, userId);
  if (isRefused(user)) return user;
  if (user.id !== input.actor?.id && !isManager(input.actor)) {
    return refuse('forbidden', "Only owners and managers can change someone else's availability.");
  }
  if (!user.active) return refuse('invalid', `${user.name} is deactivated.`);
  const reasons = input.state.settings.awayReasons;
  if (availability === 'away' && reason !== undefined && !reasons.includes(reason)) {
    return refuse('invalid', `An away reason is one of ${reasons.join(', ')}.`);
  }
  const { awayReason: _old, ...rest } = user;
  const updated: User = availability === 'away' && reason !== undefined ? { ...rest, availability, awayReason: reason } : { ...rest, availability };
  if (same(updated, user)) return accept([]);
  const events: DomainEvent[] = [{ type: 'user.upserted', user: updated }];
  const goingAvailable = user.availability === 'away' && availability === 'available';
  if (goingAvailable && input.state.settings.routing) events.push(...handOver(input, updated));
  return accept(events);
};

// R11: "get next conversation", on demand and whatever the routing setting.
export const takeNext: Rule<'takeNext'> = byPerson((input, actor) => {
  if (actor.availability === 'away') {
    return refuse('conflict', 'Away agents receive no new conversations; go Available first.');
  }
  return accept(handOver(input, actor));
});

// R20: a mention puts the conversation in the mentioned user's Mentions, unread for them.
export const comment: Rule<'comment'> = byPerson((input, actor) => {
  const args = input.command.args;
  if (isBlank(args.body)) return refuse('invalid', 'A comment cannot be empty.');
  const c = findConversation(input, args.conversationId);
  if (isRefused(c)) return c;
  const mentions = [...new Set(args.mentions)];
  const unknown = mentions.find((id) => input.state.users.get(id)?.active !== true);
  if (unknown !== undefined) return refuse('invalid', `Cannot mention ${unknown}: no such active user.`);
  const author = actor.id;
  const notified = mentions.filter((id) => id !== author);
  const item: CommentItem = {
    type: 'comment',
    id: args.itemId,
    conversationId: c.id,
    at: input.ctx.now,
    authorId: author,
    body: args.body,
    mentions,
  };
  const patch = {
    mentions: [...c.mentions, ...notified.filter((id) => !c.mentions.includes(id))],
    mentionsUnread: [...c.mentionsUnread, ...notified.filter((id) => !c.mentionsUnread.includes(id))],
  };
  return accept([timelineEvent(item), ...changeConversation(input, c, { patch })]);
});

/** A note of a visible conversation, whose timeline must be loaded to know its author. */
function findNote(input: RuleInput<'editNote' | 'deleteNote'>, actor: User): NoteItem | Refused {
  const { conversationId, itemId } = input.command.args;
  const c = findConversation(input, conversationId);
  if (isRefused(c)) return c;
  const note = findItem(input.state, c.id, itemId, 'note');
  if (!note) return refuse('not-found', `Note ${itemId} was not found.`);
  if (!canChangeNote(note, actor.id)) return refuse('forbidden', 'Only its author can change a note.');
  return note;
}

export const addNote: Rule<'addNote'> = byPerson((input, actor) => {
  const args = input.command.args;
  if (isBlank(args.body)) return refuse('invalid', 'A note cannot be empty.');
  const c = findConversation(input, args.conversationId);
  if (isRefused(c)) return c;
  if (!findItem(input.state, c.id, args.messageId, 'message')) {
    return refuse('not-found', `Message ${args.messageId} was not found.`);
  }
  const note: NoteItem = {
    type: 'note',
    id: args.itemId,
    conversationId: c.id,
    at: input.ctx.now,
    messageId: args.messageId,
    authorId: actor.id,
    body: args.body,
    editedAt: null,
  };
  return accept([timelineEvent(note)]);
});

export const editNote: Rule<'editNote'> = byPerson((input, actor) => {
  if (isBlank(input.command.args.body)) return refuse('invalid', 'A note cannot be empty.');
  const note = findNote(input, actor);
  if (isRefused(note)) return note;
  if (note.body === input.command.args.body) return accept([]);
  return accept([timelineEvent({ ...note, body: input.command.args.body, editedAt: input.ctx.now })]);
});

export const deleteNote: Rule<'deleteNote'> = byPerson((input, actor) => {
  const note = findNote(input, actor);
  if (isRefused(note)) return note;
  return accept([{ type: 'timeline.deleted', conversationId: note.conversationId, id: note.id }]);
});

// R30: owners and managers rename a channel (1 to 255 characters once trimmed); everyone sees it at once.
export const renameChannel: Rule<'renameChannel'> = byPerson((input, actor) => {
  const args = input.command.args;
  if (!canRenameChannels(actor)) return refuse('forbidden', 'Only owners and managers can rename channels.');
  const channel = input.state.channels.get(args.channelId);
  if (!channel) return refuse('not-found', `Channel ${args.channelId} was not found.`);
  const checked = checkChannelName(args.name);
  if ('problem' in checked) {
    return refuse('invalid', `A channel's name must be 1 to ${MAX_CHANNEL_NAME} characters (not counting spaces at either end).`);
  }
  return accept(checked.name === channel.name ? [] : [{ type: 'channel.upserted', channel: { ...channel, name: checked.name } }]);
});

// R14: a view belongs to its owner; only they save or delete it.
export const saveView: Rule<'saveView'> = byPerson((input, actor) => {
  const { view } = input.command.args;
  if (isBlank(view.name)) return refuse('invalid', 'A view needs a name.');
  const existing = input.state.views.get(view.id);
  if (existing && !canChangeView(actor, existing)) {
    return refuse('forbidden', 'Only the owner of a view can change it.');
  }
  if (view.ownerId !== actor.id) return refuse('forbidden', 'You can only save views you own.');
  if (existing && same(existing, view)) return accept([]);
  return accept([{ type: 'view.upserted', view }]);
});

// R14: a view the actor cannot see does not exist for them.
export const deleteView: Rule<'deleteView'> = byPerson((input, actor) => {
  const { viewId } = input.command.args;
  const view = input.state.views.get(viewId);
  if (!view || !canSeeView(actor, view)) return refuse('not-found', `View ${viewId} was not found.`);
  if (!canChangeView(actor, view)) return refuse('forbidden', 'Only the owner of a view can delete it.');
  return accept([{ type: 'view.deleted', id: viewId }]);
});

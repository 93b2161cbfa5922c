import { canSeeConversation, visibilityFilter } from './permissions.js';
import type { Conversation, Id, InboxState, Millis, User } from './types.js';
import { BLOCKED, OPEN, rowsOf, SENT, SNOOZED, SPAM, TRASH } from './rows.js';
import { canUseView, inView, sidebarViews, teamsOf, teamView, viewContext, type ViewId } from './views.js';

/** R15: the sidebar's numbers and new-message dots. */

const COUNTED = new Set(['inbox', 'team', 'channel']);

/**
 * Open conversations per inbox, team and channel view the user's sidebar
 * shows (R15), in one pass over the conversations rather than one per view.
 * Agrees with `inView(c, view, 'open', ...)` under R14 visibility.
 */
export function openCounts(state: InboxState, user: User, now: Millis): Map<ViewId, number> {
  const slots = new Map<ViewId, { n: number }>();
  for (const view of sidebarViews(state, user)) if (COUNTED.has(view.kind)) slots.set(view.id, { n: 0 });
  const counts = () => new Map([...slots].map(([id, slot]) => [id, slot.n]));
  if (slots.size === 0) return counts();

  const slot = (id: ViewId) => slots.get(id) ?? null;
  const [all, mine, unassigned, mentions, queueNew, waiting, bots] = (
    ['all', 'mine', 'unassigned', 'mentions', 'new', 'waiting', 'bots'] as const
  ).map(slot);
  const ctx = viewContext(state, user, now);
  // Team slots by team id, and by member: a team view holds its own
  // conversations and those assigned to its members.
  const teamSlot = new Map<Id, { n: number }>();
  const memberSlots = new Map<Id, { n: number }[]>();
  for (const [teamId, members] of ctx.teamMembers) {
    const s = slot(`team:${teamId}`);
    if (!s) continue;
    teamSlot.set(teamId, s);
    for (const member of members) memberSlots.set(member, [...(memberSlots.get(member) ?? []), s]);
  }
  const channelSlot = new Map<Id, { n: number }>();
  for (const [channelId, kind] of ctx.channelKinds) {
    const s = slot(`channel:${kind}`);
    if (s) channelSlot.set(channelId, s);
  }

  const visible = visibilityFilter(state, user);
  const { list, facts } = rowsOf(state);
  // Open and not parked elsewhere: R3, R6, R7, R8, R9, R18.
  const mask = OPEN | SNOOZED | SENT | SPAM | TRASH | BLOCKED;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (((facts[i] ?? 0) & mask) !== OPEN || c === undefined || !visible(c)) continue;
    if (all) all.n++;
    const assignee = c.assignee;
    if (assignee === null) {
      if (unassigned) unassigned.n++;
    } else if (assignee.type === 'user') {
      if (mine && assignee.id === user.id) mine.n++;
    } else if (bots && !c.humanOwned) bots.n++;
    if (mentions && c.mentions.includes(user.id)) mentions.n++;
    if (c.awaiting === 'agent') {
      if (queueNew) queueNew.n++;
    } else if (waiting) waiting.n++;
    const own = c.teamId === null ? undefined : teamSlot.get(c.teamId);
    if (own) own.n++;
    if (assignee?.type === 'user') for (const s of memberSlots.get(assignee.id) ?? []) if (s !== own) s.n++;
    const channel = channelSlot.get(c.channelId);
    if (channel) channel.n++;
  }
  return counts();
}

/**
 * The view whose dot a new inbound message in `conversation` lights (R15):
 * the highest-priority view holding it, Mine > Team (the first team view in
 * sidebar order) > Unassigned > All; null when none does, as for a blocked
 * contact (R8) or a conversation the user cannot see (R14).
 */
export function dotViewFor(state: InboxState, conversation: Conversation, user: User): ViewId | null {
  if (!canSeeConversation(state, user, conversation)) return null;
  // The open tab never reads `now` (only the done window does).
  const ctx = viewContext(state, user, 0);
  const teams = teamsOf(state, user).map((team) => teamView(team.id));
  for (const view of ['mine', ...teams, 'unassigned', 'all'] as const) {
    if (canUseView(state, user, view) && inView(conversation, view, 'open', ctx)) return view;
  }
  return null;
}

/** View id → the conversations that lit its dot: a dot counts conversations, not messages (R15). */
export type Dots = ReadonlyMap<ViewId, ReadonlySet<Id>>;

export const NO_DOTS: Dots = new Map();

/** Lights `view`'s dot for a conversation; the same object back when already lit. */
export function lightDot(dots: Dots, conversationId: Id, view: ViewId): Dots {
  const lit = dots.get(view);
  if (lit?.has(conversationId)) return dots;
  return new Map(dots).set(view, new Set(lit).add(conversationId));
}

/** Opening a view clears its dot (R15); the same object back when it had none. */
export function clearDot(dots: Dots, view: ViewId): Dots {
  if (!dots.has(view)) return dots;
  const next = new Map(dots);
  next.delete(view);
  return next;
}

/** How many conversations lit `view`'s dot. */
export const dotCount = (dots: Dots, view: ViewId): number => dots.get(view)?.size ?? 0;

import type { Conversation, Filters, Id, InboxState } from './types.js';

/**
 * Filters (DESIGN section 4) combine freely: AND across fields, OR within a
 * list field. An absent or empty list does not filter, so clearing the last
 * chip of a field shows everything again.
 */

export interface FilterContext {
  readonly state: InboxState;
}

export type Predicate = (conversation: Conversation) => boolean;

/** The time the date filter looks at: the last message, else creation. */
export const activityAt = (c: Conversation): number => c.lastMessage?.at ?? c.createdAt;

const given = <T>(list: readonly T[] | undefined): list is readonly T[] =>
  list !== undefined && list.length > 0;

/** Team id → the user ids of its members (team.memberIds), cached per teams map. */
const memberCache = new WeakMap<InboxState['teams'], ReadonlyMap<Id, ReadonlySet<Id>>>();
export function teamMembers(state: InboxState): ReadonlyMap<Id, ReadonlySet<Id>> {
  let members = memberCache.get(state.teams);
  if (!members) {
    members = new Map([...state.teams.values()].map((team) => [team.id, new Set(team.memberIds)]));
    memberCache.set(state.teams, members);
  }
  return members;
}

export interface CompileOptions {
  /**
   * Apply hideSpam / hideTrash (default true). Views turn this off: they
   * decide themselves where spam and trash show (R6, R7), reading the two
   * flags as "let them into the open views" (see views.ts).
   */
  readonly hide?: boolean;
}

/**
 * Compiles filters into one predicate, building the sets they need once:
 * what `runQuery` uses over 100,000 conversations. Only the fields given are
 * checked. `hideSpam` and `hideTrash` default to true (HubSpot).
 */
export function compileFilters(filters: Filters, state: InboxState, options: CompileOptions = {}): Predicate {
  const checks: Predicate[] = [];
  if (options.hide !== false) {
    if (filters.hideSpam !== false) checks.push((c) => !c.spam);
    if (filters.hideTrash !== false) checks.push((c) => c.trashedAt === null);
  }
  if (given(filters.statuses)) {
    const statuses = new Set(filters.statuses);
    checks.push((c) => statuses.has(c.status));
  }
  if (given(filters.channelKinds)) {
    const kinds = new Set(filters.channelKinds);
    const channelIds = new Set<Id>();
    for (const channel of state.channels.values()) if (kinds.has(channel.kind)) channelIds.add(channel.id);
    checks.push((c) => channelIds.has(c.channelId));
  }
  if (given(filters.channelIds)) {
    const channelIds = new Set(filters.channelIds);
    checks.push((c) => channelIds.has(c.channelId));
  }
  if (given(filters.contactIds)) {
    const contactIds = new Set(filters.contactIds);
    checks.push((c) => contactIds.has(c.contactId));
  }
  if (given(filters.assignees)) checks.push(assigneeCheck(filters.assignees));
  if (given(filters.teamIds)) checks.push(teamCheck(filters.teamIds, state));
  const { from, to } = filters;
  if (from !== undefined) checks.push((c) => activityAt(c) >= from);
  if (to !== undefined) checks.push((c) => activityAt(c) <= to);
  if (given(filters.labels)) {
    const labels = filters.labels;
    checks.push((c) => labels.every((label) => c.labels.includes(label)));
  }
  if (given(filters.priorities)) {
    const priorities = new Set(filters.priorities);
    checks.push((c) => priorities.has(c.priority));
  }
  if (given(filters.companies)) {
    const companies = new Set<string | undefined>(filters.companies);
    checks.push((c) => companies.has(state.contacts.get(c.contactId)?.company));
  }
  if (filters.custom !== undefined) {
    const entries = Object.entries(filters.custom);
    if (entries.length > 0) checks.push((c) => entries.every(([key, value]) => c.custom[key] === value));
  }
  return all(checks);
}

function all(checks: readonly Predicate[]): Predicate {
  // Unrolled for the common small cases: no array walk per conversation.
  const [a, b, c] = checks;
  if (!a) return () => true;
  if (!b) return a;
  if (!c) return (x) => a(x) && b(x);
  if (checks.length === 3) return (x) => a(x) && b(x) && c(x);
  return (x) => {
    for (const check of checks) if (!check(x)) return false;
    return true;
  };
}

/** 'unassigned', 'user:<id>', 'bot:<id>'. */
function assigneeCheck(assignees: readonly string[]): Predicate {
  const users = new Set<Id>();
  const bots = new Set<Id>();
  let unassigned = false;
  for (const token of assignees) {
    if (token === 'unassigned') unassigned = true;
    else if (token.startsWith('user:')) users.add(token.slice(5));
    else if (token.startsWith('bot:')) bots.add(token.slice(4));
  }
  return (c) => {
    const assignee = c.assignee;
    if (assignee === null) return unassigned;
    return assignee.type === 'user' ? users.has(assignee.id) : bots.has(assignee.id);
  };
}

/** The same membership as a team view: the conversation's team, or its assignee's. */
function teamCheck(teamIds: readonly Id[], state: InboxState): Predicate {
  const teams = new Set(teamIds);
  const members = new Set<Id>();
  const byTeam = teamMembers(state);
  for (const teamId of teamIds) for (const id of byTeam.get(teamId) ?? []) members.add(id);
  return (c) =>
    (c.teamId !== null && teams.has(c.teamId)) ||
    (c.assignee?.type === 'user' && members.has(c.assignee.id));
}

/** One conversation against filters. Over many, compile once with compileFilters. */
export function matchesFilters(conversation: Conversation, filters: Filters, ctx: FilterContext): boolean {
  return compileFilters(filters, ctx.state)(conversation);
}

/** Whether a date range is set: it reaches done conversations older than the done window (R13). */
export function hasDateFilter(filters: Filters): boolean {
  return filters.from !== undefined || filters.to !== undefined;
}

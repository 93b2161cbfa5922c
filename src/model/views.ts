import { activityAt, compileFilters, hasDateFilter, teamMembers, type Predicate } from './filters.js';
import { canSeeView, mayUseBlocked } from './permissions.js';
import { BLOCKED, blockedContacts, factsOf, OPEN, SENT, SNOOZED, SPAM, TRASH } from './rows.js';
import { matchesTerms, parseSearch, searchKey } from './search.js';
import {
  CHANNEL_KINDS,
  type ChannelKind,
  type Conversation,
  type Filters,
  type Id,
  type InboxState,
  type Millis,
  type SavedView,
  type Team,
  type User,
} from './types.js';

/** The views of DESIGN section 4 that are not one per team, channel kind or saved view. */
export const STANDARD_VIEWS = [
  'all',
  'mine',
  'unassigned',
  'mentions',
  'new',
  'waiting',
  'bots',
  'blocked',
  'done',
  'snoozed',
  'sent',
  'spam',
  'trash',
] as const;
export type StandardViewId = (typeof STANDARD_VIEWS)[number];
export type TeamViewId = `team:${Id}`;
export type SavedViewId = `saved:${Id}`;
export type ChannelViewId = `channel:${ChannelKind}`;
export type ViewId = StandardViewId | TeamViewId | SavedViewId | ChannelViewId;

/** Standard views that hold open work, narrowed by the status tabs. */
export const INBOX_VIEWS = ['all', 'mine', 'unassigned', 'mentions', 'new', 'waiting', 'bots'] as const;
/** Views that are a place of their own and ignore the status tabs. */
export const FOLDER_VIEWS = ['done', 'snoozed', 'sent', 'spam', 'trash', 'blocked'] as const;

/** Quo's status tabs. */
export const STATUS_TABS = ['open', 'unread', 'done'] as const;
export type StatusTab = (typeof STATUS_TABS)[number];

export const teamView = (teamId: Id): TeamViewId => `team:${teamId}`;
export const savedView = (viewId: Id): SavedViewId => `saved:${viewId}`;
export const channelView = (kind: ChannelKind): ChannelViewId => `channel:${kind}`;

export type ParsedView =
  | { readonly kind: 'standard'; readonly id: StandardViewId }
  | { readonly kind: 'team' | 'saved'; readonly id: Id }
  | { readonly kind: 'channel'; readonly id: ChannelKind };

/** Parses a view id from anywhere (a URL, storage); null for anything else. */
export function parseView(text: string): ParsedView | null {
  if ((STANDARD_VIEWS as readonly string[]).includes(text)) {
    return { kind: 'standard', id: text as StandardViewId };
  }
  const colon = text.indexOf(':');
  const prefix = text.slice(0, colon);
  const id = text.slice(colon + 1);
  if (colon < 0 || id === '') return null;
  if (prefix === 'team' || prefix === 'saved') return { kind: prefix, id };
  if (prefix === 'channel' && (CHANNEL_KINDS as readonly string[]).includes(id)) {
    return { kind: 'channel', id: id as ChannelKind };
  }
  return null;
}

export const isViewId = (text: string): text is ViewId => parseView(text) !== null;

/** Whether the status tabs narrow this view (they do not in the folder views). */
export const hasTabs = (view: ViewId): boolean => !(FOLDER_VIEWS as readonly string[]).includes(view);

/**
 * What the view predicates need besides the conversation, computed once per
 * query (or per state) rather than once per conversation.
 */
export interface ViewContext {
  readonly state: InboxState;
  readonly user: User;
  readonly now: Millis;
  /** Done conversations closed before this are outside Done (R13); -Infinity when lifted. */
  readonly doneSince: Millis;
  /** hideSpam / hideTrash set to false: spam and trash join the other views (HubSpot). */
  readonly showSpam: boolean;
  readonly showTrash: boolean;
  readonly blockedContacts: ReadonlySet<Id>;
  readonly teamMembers: ReadonlyMap<Id, ReadonlySet<Id>>;
  readonly channelKinds: ReadonlyMap<Id, ChannelKind>;
}

export interface ViewOptions {
  /** The query's filters: their hide flags and date range matter to views. */
  readonly filters?: Filters | undefined;
  /** The query's search: a search reaches done conversations older than the window (R13). */
  readonly search?: string | undefined;
}

const kindCache = new WeakMap<InboxState['channels'], ReadonlyMap<Id, ChannelKind>>();
function channelKinds(state: InboxState): ReadonlyMap<Id, ChannelKind> {
  let kinds = kindCache.get(state.channels);
  if (!kinds) {
    kinds = new Map([...state.channels.values()].map((channel) => [channel.id, channel.kind]));
    kindCache.set(state.channels, kinds);
  }
  return kinds;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function viewContext(state: InboxState, user: User, now: Millis, options: ViewOptions = {}): ViewContext {
  const filters = options.filters ?? {};
  const lifted = hasDateFilter(filters) || (options.search ?? '').trim() !== '';
  return {
    state,
    user,
    now,
    doneSince: lifted ? -Infinity : now - state.settings.doneWindowDays * DAY_MS,
    showSpam: filters.hideSpam === false,
    showTrash: filters.hideTrash === false,
    blockedContacts: blockedContacts(state),
    teamMembers: teamMembers(state),
    channelKinds: channelKinds(state),
  };
}

const never: Predicate = () => false;

const doneTime = (c: Conversation): Millis => c.doneAt ?? activityAt(c);

/**
 * A view and tab, compiled: the facts (rows.ts) a conversation must have
 * (`need`) and must not have (`none`), and a test of the rest, or null.
 */
export interface ViewTest {
  readonly need: number;
  readonly none: number;
  readonly test: Predicate | null;
}

const NOTHING: ViewTest = { need: 0, none: 0, test: () => false };

/** Compiles a view and tab once, for many conversations. Visibility (R14) is not part of it; see query.ts. */
export function viewTest(view: ViewId, tab: StatusTab, ctx: ViewContext): ViewTest {
  const parsed = parseView(view);
  if (parsed === null) return NOTHING;
  if (parsed.kind === 'saved') {
    const saved = ctx.state.views.get(parsed.id);
    if (!saved) return NOTHING;
    ctx = withSavedOptions(ctx, saved);
  }
  const { doneSince } = ctx;
  const recent = (c: Conversation) => doneTime(c) >= doneSince;
  // Trash hides everywhere but Trash (R6), spam goes to Spam only (R7), a
  // blocked contact's conversations to Blocked only (R8), unless the hide
  // filters let spam and trash back in.
  const away = BLOCKED | (ctx.showSpam ? 0 : SPAM) | (ctx.showTrash ? 0 : TRASH);

  switch (parsed.kind === 'standard' ? parsed.id : '') {
    case 'done': // R3, R13
      return { need: 0, none: OPEN | away, test: recent };
    case 'snoozed': // R18
      return { need: SNOOZED, none: away, test: null };
    case 'sent': // R9
      return { need: SENT, none: away, test: null };
    case 'spam': // R7
      return { need: SPAM, none: TRASH | BLOCKED, test: null };
    case 'trash': // R6
      return { need: TRASH, none: 0, test: null };
    case 'blocked': // R8
      return { need: BLOCKED, none: TRASH, test: null };
  }

  const holds = membership(parsed, ctx);
  const userId = ctx.user.id;
  // Snoozed (R18) and sent-without-reply (R9) conversations leave the open views.
  const none = away | SNOOZED | SENT;
  switch (tab) {
    case 'open':
      return { need: OPEN, none, test: holds };
    case 'unread': { // R4, and R20: a mention is unread for the mentioned user
      const unread = (c: Conversation) => c.unread || c.mentionsUnread.includes(userId);
      return { need: OPEN, none, test: holds ? (c) => unread(c) && holds(c) : unread };
    }
    case 'done': // R13
      return { need: 0, none: none | OPEN, test: holds ? (c) => recent(c) && holds(c) : recent };
  }
}

/** The same as one predicate over conversations. */
export function viewPredicate(view: ViewId, tab: StatusTab, ctx: ViewContext): Predicate {
  const { need, none, test } = viewTest(view, tab, ctx);
  const blocked = ctx.blockedContacts;
  return (c) => (factsOf(c, blocked) & (need | none)) === need && (test === null || test(c));
}

/** A saved view's own hide flags, date range and search act as the query's would. */
function withSavedOptions(ctx: ViewContext, saved: SavedView): ViewContext {
  const own = viewContext(ctx.state, ctx.user, ctx.now, { filters: saved.filters, search: saved.search });
  return {
    ...ctx,
    showSpam: ctx.showSpam || own.showSpam,
    showTrash: ctx.showTrash || own.showTrash,
    doneSince: Math.min(ctx.doneSince, own.doneSince),
  };
}

/** Which conversations an inbox, team, channel or saved view holds, before tabs; null for all. */
function membership(view: ParsedView, ctx: ViewContext): Predicate | null {
  const userId = ctx.user.id;
  switch (view.kind) {
    case 'team': {
      const teamId = view.id;
      const members = ctx.teamMembers.get(teamId) ?? new Set<Id>();
      return (c) => c.teamId === teamId || (c.assignee?.type === 'user' && members.has(c.assignee.id));
    }
    case 'channel': {
      const kind = view.id;
      const kinds = ctx.channelKinds;
      return (c) => kinds.get(c.channelId) === kind;
    }
    case 'saved': {
      // R17: a predicate, so a saved view holds new conversations as soon as they arrive.
      const state = ctx.state;
      const saved = state.views.get(view.id);
      if (!saved) return never;
      const filters = compileFilters(saved.filters, state, { hide: false });
      const terms = parseSearch(saved.search);
      if (terms === null) return filters;
      return (c) => filters(c) && matchesTerms(searchKey(state, c), terms);
    }
    case 'standard':
      switch (view.id) {
        case 'all':
          return null;
        case 'mine':
          return (c) => c.assignee?.type === 'user' && c.assignee.id === userId;
        case 'unassigned':
          return (c) => c.assignee === null;
        case 'mentions': // R20
          return (c) => c.mentions.includes(userId);
        case 'new': // R1
          return (c) => c.awaiting === 'agent';
        case 'waiting': // R5
          return (c) => c.awaiting === 'contact';
        case 'bots': // R12
          return (c) => c.assignee?.type === 'bot' && !c.humanOwned;
        default:
          return never;
      }
  }
}

/** One conversation against a view and tab. Over many, compile once with viewPredicate. */
export function inView(conversation: Conversation, view: ViewId, tab: StatusTab, ctx: ViewContext): boolean {
  return viewPredicate(view, tab, ctx)(conversation);
}

/** Sidebar sections: open work, team inboxes, channels, saved views, folders. */
export type SidebarKind = 'inbox' | 'team' | 'channel' | 'saved' | 'folder';

export interface SidebarView {
  readonly id: ViewId;
  readonly kind: SidebarKind;
  /** A message key (`view.mine`, `view.channel.email`), localized by the element. */
  readonly labelKey: string;
  /** A team's or saved view's own name, shown as it is. */
  readonly name?: string;
}

const isAgent = (user: User) => user.role === 'agent';

/**
 * Whether `user` may open `view` at all (R14). Owners and managers: every
 * view and every team. Agents with visibility `all`: every standard view and
 * their teams'; `team`: the same without Unassigned; `self`: Mine only.
 * Blocked needs permission; a saved view, being its owner or shared with.
 */
export function canUseView(state: InboxState, user: User, view: ViewId): boolean {
  const parsed = parseView(view);
  if (!user.active || parsed === null) return false;
  if (isAgent(user) && user.visibility === 'self') return view === 'mine';
  switch (parsed.kind) {
    case 'standard':
      if (parsed.id === 'unassigned') return !(isAgent(user) && user.visibility === 'team');
      if (parsed.id === 'blocked') return mayUseBlocked(user);
      return true;
    case 'team':
      return state.teams.has(parsed.id) && (!isAgent(user) || user.teamIds.includes(parsed.id));
    case 'saved': {
      const saved = state.views.get(parsed.id);
      return saved !== undefined && canSeeView(user, saved);
    }
    case 'channel':
      return true;
  }
}

/**
 * R14: the view `user` lands on. `wanted` (the default All, a view from a
 * link, the view in use) when they may open it, else the first view their
 * sidebar lists (Mine for an agent with visibility `self`), so nobody lands
 * on an empty screen with no view selected; `wanted` when they may see none.
 */
export function usableView(state: InboxState, user: User, wanted: ViewId): ViewId {
  if (canUseView(state, user, wanted)) return wanted;
  return sidebarViews(state, user)[0]?.id ?? wanted;
}

const byName = (a: { name: string; id: Id }, b: { name: string; id: Id }) =>
  a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The teams whose views `user` may open, in sidebar order (by name). */
export function teamsOf(state: InboxState, user: User): readonly Team[] {
  return [...state.teams.values()].filter((team) => canUseView(state, user, teamView(team.id))).sort(byName);
}

/**
 * The views the sidebar lists for `user`, in order (R14). Channel views only
 * for kinds that have a channel; Blocked only with permission and at least
 * one blocked contact.
 */
export function sidebarViews(state: InboxState, user: User): readonly SidebarView[] {
  const views: SidebarView[] = [];
  const add = (view: SidebarView) => {
    if (canUseView(state, user, view.id)) views.push(view);
  };
  for (const id of INBOX_VIEWS) add({ id, kind: 'inbox', labelKey: `view.${id}` });
  for (const team of teamsOf(state, user)) {
    views.push({ id: teamView(team.id), kind: 'team', labelKey: 'view.team', name: team.name });
  }
  const kinds = new Set([...state.channels.values()].map((channel) => channel.kind));
  for (const kind of CHANNEL_KINDS) {
    if (kinds.has(kind)) add({ id: channelView(kind), kind: 'channel', labelKey: `view.channel.${kind}` });
  }
  for (const saved of [...state.views.values()].sort(byName)) {
    add({ id: savedView(saved.id), kind: 'saved', labelKey: 'view.saved', name: saved.name });
  }
  for (const id of FOLDER_VIEWS) {
    // R14: Blocked needs a blocked contact too (blockedContacts is cached, unlike a scan of every contact).
    if (id !== 'blocked' || blockedContacts(state).size > 0) add({ id, kind: 'folder', labelKey: `view.${id}` });
  }
  return views;
}

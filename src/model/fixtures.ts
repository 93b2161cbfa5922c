/**
 * Small builders for tests and stories: a conversation, user or contact
 * with sensible defaults, and a state holding them. Not part of the rules.
 */
import { blankConversation } from './conversation.js';
import { emptyState } from './state.js';
import type {
  Bot,
  Channel,
  Contact,
  Conversation,
  InboxState,
  SavedView,
  Settings,
  Team,
  TimelineItem,
  User,
} from './types.js';
import { DEFAULT_SETTINGS } from './types.js';

export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function makeUser(overrides: Partial<User> & { id: string }): User {
  return {
    name: overrides.id,
    role: 'agent',
    visibility: 'all',
    teamIds: [],
    active: true,
    availability: 'available',
    ...overrides,
  };
}

export function makeContact(overrides: Partial<Contact> & { id: string }): Contact {
  return {
    name: overrides.id,
    phones: [],
    emails: [],
    attributes: {},
    tags: [],
    blocked: false,
    ...overrides,
  };
}

export function makeChannel(overrides: Partial<Channel> & { id: string }): Channel {
  return { kind: 'sms', name: overrides.id, address: '+15550000000', ...overrides };
}

export function makeConversation(overrides: Partial<Conversation> & { id: string }): Conversation {
  return {
    ...blankConversation({ id: overrides.id, channelId: 'ch-sms', contactId: 'k-1', now: T0 }),
    lastMessage: { preview: 'hello', at: T0, direction: 'in', kind: 'sms' },
    lastInboundAt: T0,
    ...overrides,
  };
}

export interface StateParts {
  users?: readonly User[];
  bots?: readonly Bot[];
  teams?: readonly Team[];
  channels?: readonly Channel[];
  contacts?: readonly Contact[];
  conversations?: readonly Conversation[];
  views?: readonly SavedView[];
  timelines?: readonly TimelineItem[];
  settings?: Partial<Settings>;
}

/**
 * A state with the given entities. Unless given, it has one SMS channel
 * `ch-sms`, one e-mail channel `ch-email`, contact `k-1`, and users
 * `u-owner` (owner) and `u-ana` (agent, visibility all).
 */
export function makeState(parts: StateParts = {}): InboxState {
  const base = emptyState({ ...DEFAULT_SETTINGS, ...parts.settings });
  const map = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((i) => [i.id, i]));
  const timelines = new Map<string, TimelineItem[]>();
  for (const item of [...(parts.timelines ?? [])].sort((a, b) => a.at - b.at)) {
    const list = timelines.get(item.conversationId) ?? [];
    list.push(item);
    timelines.set(item.conversationId, list);
  }
  return {
    ...base,
    users: map(parts.users ?? [makeUser({ id: 'u-owner', role: 'owner' }), makeUser({ id: 'u-ana' })]),
    bots: map(parts.bots ?? [{ id: 'b-1', name: 'Welcome bot' }]),
    teams: map(parts.teams ?? []),
    channels: map(
      parts.channels ?? [
        makeChannel({ id: 'ch-sms' }),
        makeChannel({ id: 'ch-email', kind: 'email', address: 'support@example.com' }),
      ],
    ),
    contacts: map(parts.contacts ?? [makeContact({ id: 'k-1' })]),
    conversations: map(parts.conversations ?? []),
    views: map(parts.views ?? []),
    timelines,
  };
}

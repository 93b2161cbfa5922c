/**
 * The domain of DESIGN.md section 2, as plain immutable data.
 *
 * Times are milliseconds since the epoch (numbers, not Date objects): they
 * cross the wire as they are, compare cheaply and sort fast at 100,000 rows.
 * Enumerations are `as const` arrays so that types, validation schemas,
 * stories and dev warnings all derive from one list.
 */

export const ROLES = ['owner', 'manager', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export const VISIBILITIES = ['all', 'team', 'self'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const AVAILABILITIES = ['available', 'away'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export const CHANNEL_KINDS = [
  'sms',
  'call',
  'whatsapp',
  'email',
  'chat',
  'messenger',
  'instagram',
  'x',
  'tiktok',
  'form',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** R29: where an outbound message is on its way to the contact, as the channel's edge reports it. */
export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const STATUSES = ['open', 'done'] as const;
export type Status = (typeof STATUSES)[number];

/** The New (awaiting agent) and Waiting (awaiting contact) queues. */
export const AWAITING = ['agent', 'contact'] as const;
export type Awaiting = (typeof AWAITING)[number];

export const PRIORITIES = ['none', 'low', 'medium', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const CALL_STATES = ['ringing', 'active', 'missed', 'declined', 'ended'] as const;
export type CallState = (typeof CALL_STATES)[number];

export type Id = string;
export type Millis = number;

export interface User {
  readonly id: Id;
  readonly name: string;
  readonly avatar?: string | undefined;
  readonly role: Role;
  /** Only meaningful for agents; owners and managers see everything (R14). */
  readonly visibility: Visibility;
  readonly teamIds: readonly Id[];
  /** False once deactivated or removed (R10). */
  readonly active: boolean;
  readonly availability: Availability;
  readonly awayReason?: string | undefined;
  /** May see the Blocked view (R14). Owners and managers always may. */
  readonly canSeeBlocked?: boolean | undefined;
}

export interface Bot {
  readonly id: Id;
  readonly name: string;
}

export interface Team {
  readonly id: Id;
  readonly name: string;
  readonly memberIds: readonly Id[];
}

export interface Channel {
  readonly id: Id;
  readonly kind: ChannelKind;
  /** 1 to 255 characters. */
  readonly name: string;
  /** Number, e-mail address, page. */
  readonly address: string;
  /**
   * The channel has an outbound edge (a provider's webhook on the server):
   * replies on it are delivered through it and carry a delivery status (R29).
   */
  readonly outbound?: boolean | undefined;
}

export interface Contact {
  readonly id: Id;
  readonly name: string;
  readonly phones: readonly string[];
  readonly emails: readonly string[];
  readonly company?: string | undefined;
  readonly country?: string | undefined;
  readonly language?: string | undefined;
  readonly attributes: Readonly<Record<string, string>>;
  readonly tags: readonly string[];
  readonly notes?: string | undefined;
  readonly blocked: boolean;
  readonly ownerId?: Id | null | undefined;
}

export type Assignee =
  | { readonly type: 'user'; readonly id: Id }
  | { readonly type: 'bot'; readonly id: Id };

/** A time, or until the contact's next message (R18). */
export type SnoozeUntil = Millis | 'next-message';

export interface LastMessage {
  readonly preview: string;
  readonly at: Millis;
  readonly direction: Direction;
  /** The channel kind it travelled on, or 'call'. */
  readonly kind: ChannelKind;
  /**
   * When it is a call (kind 'call'): that call's item and how it went, kept
   * current as it is answered, ended or declined, so that a list row says
   * "Missed call" or "Incoming · 4:12" without loading the timeline.
   */
  readonly call?: LastCall | undefined;
}

/** The facts of a conversation's last call a list row shows (its direction is the last message's). */
export interface LastCall {
  readonly itemId: Id;
  readonly state: CallState;
  /** Seconds. */
  readonly duration: number;
  readonly recording: boolean;
}

export type CustomValue = string | number | boolean;

export interface Conversation {
  readonly id: Id;
  readonly channelId: Id;
  readonly contactId: Id;
  readonly participants: number;
  readonly subject: string;
  readonly status: Status;
  /** Unread for the whole team (R4). */
  readonly unread: boolean;
  readonly awaiting: Awaiting;
  readonly assignee: Assignee | null;
  readonly teamId: Id | null;
  readonly labels: readonly string[];
  readonly priority: Priority;
  readonly pinned: boolean;
  readonly snoozedUntil: SnoozeUntil | null;
  /** Users @mentioned in its comments (R20). */
  readonly mentions: readonly Id[];
  /** Mentioned users who have not opened it since their mention (R20). */
  readonly mentionsUnread: readonly Id[];
  readonly spam: boolean;
  readonly trashedAt: Millis | null;
  /** Started by our outbound message, no reply yet (R9). */
  readonly sent: boolean;
  /** A person has owned it at some point; a bot conversation is handed over once true (R12). */
  readonly humanOwned: boolean;
  readonly lastMessage: LastMessage | null;
  /** Time of the contact's last message; drives R12's 30 minutes. */
  readonly lastInboundAt: Millis | null;
  /** Since when it has awaited an agent; "waiting longest" sorts on it (R16). */
  readonly awaitingSince: Millis;
  readonly createdAt: Millis;
  readonly doneAt: Millis | null;
  readonly custom: Readonly<Record<string, CustomValue>>;
  /** Incremented by the backend on every change. */
  readonly version: number;
}

export interface Attachment {
  readonly id: Id;
  readonly name: string;
  readonly mime: string;
  readonly size: number;
  readonly url: string;
}

interface TimelineBase {
  readonly id: Id;
  readonly conversationId: Id;
  readonly at: Millis;
}

export interface MessageItem extends TimelineBase {
  readonly type: 'message';
  readonly direction: Direction;
  readonly channelKind: ChannelKind;
  /** Contact id for inbound, user or bot id for outbound. */
  readonly senderId: Id;
  readonly body: string;
  /** E-mail HTML; rendered sanitised, never raw. */
  readonly html?: string | undefined;
  readonly attachments: readonly Attachment[];
  /** R29: an outbound message on a channel with an outbound edge; absent elsewhere. */
  readonly delivery?: Delivery | undefined;
}

/** R29: an outbound message's delivery, as its channel's edge last reported it. */
export interface Delivery {
  readonly status: DeliveryStatus;
  /** When it last changed. */
  readonly at: Millis;
  /** Why it failed, in the provider's words (failed only). */
  readonly reason?: string | undefined;
}

export interface CallItem extends TimelineBase {
  readonly type: 'call';
  readonly direction: Direction;
  readonly state: CallState;
  /** Seconds. */
  readonly duration: number;
  readonly agentId: Id | null;
  readonly recording: boolean;
  /** When an agent answered it (answerCall): the start of its running timer. */
  readonly answeredAt?: Millis | undefined;
}

export interface CommentItem extends TimelineBase {
  readonly type: 'comment';
  readonly authorId: Id;
  readonly body: string;
  readonly mentions: readonly Id[];
}

export interface NoteItem extends TimelineBase {
  readonly type: 'note';
  /** The message it is attached to. */
  readonly messageId: Id;
  readonly authorId: Id;
  readonly body: string;
  readonly editedAt: Millis | null;
}

export const EVENT_KINDS = [
  'done',
  'reopened',
  'unread',
  'waiting',
  'assigned',
  'snoozed',
  'unsnoozed',
  'trashed',
  'restored',
  'spam',
  'not-spam',
  'blocked',
  'unblocked',
  'priority',
  'labels',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface EventItem extends TimelineBase {
  readonly type: 'event';
  readonly kind: EventKind;
  /** Who did it; null for the system (routing, snooze wake-up). */
  readonly actorId: Id | null;
  readonly detail?: string | undefined;
}

export type TimelineItem = MessageItem | CallItem | CommentItem | NoteItem | EventItem;

/** Who may see a saved view besides its owner (R14). */
export interface SharedWith {
  readonly everyone: boolean;
  readonly userIds: readonly Id[];
  readonly teamIds: readonly Id[];
}

export type SortOrder = 'newest' | 'oldest' | 'waiting-longest' | 'priority';

export interface Filters {
  readonly statuses?: readonly Status[] | undefined;
  readonly channelKinds?: readonly ChannelKind[] | undefined;
  readonly channelIds?: readonly Id[] | undefined;
  readonly contactIds?: readonly Id[] | undefined;
  /** 'unassigned', 'user:<id>' or 'bot:<id>'. */
  readonly assignees?: readonly string[] | undefined;
  /** Show deactivated users' conversations in the assignee filter's choices. */
  readonly includeDeactivated?: boolean | undefined;
  readonly teamIds?: readonly Id[] | undefined;
  /** Inclusive range over the last message time. */
  readonly from?: Millis | undefined;
  readonly to?: Millis | undefined;
  /** Every label listed must be present. */
  readonly labels?: readonly string[] | undefined;
  readonly priorities?: readonly Priority[] | undefined;
  readonly companies?: readonly string[] | undefined;
  readonly custom?: Readonly<Record<string, CustomValue>> | undefined;
  /** Default true. */
  readonly hideSpam?: boolean | undefined;
  /** Default true. */
  readonly hideTrash?: boolean | undefined;
}

export interface SavedView {
  readonly id: Id;
  readonly name: string;
  readonly ownerId: Id;
  readonly sharedWith: SharedWith;
  readonly filters: Filters;
  readonly search: string;
}

export interface Settings {
  /** R13, default 90. */
  readonly doneWindowDays: number;
  /** R6, default 30. */
  readonly trashRetentionDays: number;
  /** R7: local parts that mark a role address, e.g. 'marketing', 'noreply'. */
  readonly roleAddresses: readonly string[];
  /** R12, default 30. */
  readonly botCloseMinutes: number;
  /** R11: going Available hands over the next conversation. */
  readonly routing: boolean;
  /** R11: reasons offered when going Away. */
  readonly awayReasons: readonly string[];
}

export const DEFAULT_SETTINGS: Settings = {
  doneWindowDays: 90,
  trashRetentionDays: 30,
  roleAddresses: [
    'marketing',
    'sales',
    'info',
    'noreply',
    'no-reply',
    'newsletter',
    'news',
    'support',
    'hello',
    'contact',
    'admin',
    'billing',
  ],
  botCloseMinutes: 30,
  routing: true,
  awayReasons: ['lunch', 'meeting', 'break', 'end-of-day'],
};

/**
 * Everything the rules read and write. Collections are ReadonlyMaps: the
 * store copies a map once per batch of events, never per entity.
 * `timelines` holds only the timelines a side has loaded (the client) or
 * all of them (a backend).
 */
export interface InboxState {
  readonly users: ReadonlyMap<Id, User>;
  readonly bots: ReadonlyMap<Id, Bot>;
  readonly teams: ReadonlyMap<Id, Team>;
  readonly channels: ReadonlyMap<Id, Channel>;
  readonly contacts: ReadonlyMap<Id, Contact>;
  readonly conversations: ReadonlyMap<Id, Conversation>;
  readonly views: ReadonlyMap<Id, SavedView>;
  readonly timelines: ReadonlyMap<Id, readonly TimelineItem[]>;
  readonly settings: Settings;
}

/** What the rules need besides state: who acts, and when. */
export interface RuleContext {
  /** The acting user; null for the system (inbound traffic, timers). */
  readonly actorId: Id | null;
  readonly now: Millis;
}

/** The plain-data form of InboxState that crosses the wire. */
export interface Snapshot {
  readonly users: readonly User[];
  readonly bots: readonly Bot[];
  readonly teams: readonly Team[];
  readonly channels: readonly Channel[];
  readonly contacts: readonly Contact[];
  readonly conversations: readonly Conversation[];
  readonly views: readonly SavedView[];
  readonly settings: Settings;
}

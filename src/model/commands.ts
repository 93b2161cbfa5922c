import type {
  Assignee,
  Attachment,
  Availability,
  ChannelKind,
  Contact,
  DeliveryStatus,
  Direction,
  Id,
  Millis,
  Priority,
  SavedView,
  SnoozeUntil,
} from './types.js';

/** What a channel's edge knows of a sender it has not seen: a contact to create (receiveMessage, receiveCall). */
export interface NewContact {
  readonly name: string;
  readonly phones: readonly string[];
  readonly emails: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
}

/**
 * Commands: what a person (or the outside world) asks for. Plain objects,
 * `{ id, type, args }`, with a client-made id that makes them idempotent.
 * `decide()` in rules.ts turns one into domain events or refuses it.
 */
export interface CommandArgs {
  // Conversation state (R3, R4, R5). Every one takes many ids: bulk is the same command.
  markDone: { ids: readonly Id[] };
  reopen: { ids: readonly Id[] };
  markUnread: { ids: readonly Id[] };
  markRead: { ids: readonly Id[] };
  /** Key O: open and read (R4). */
  markOpen: { ids: readonly Id[] };
  markWaiting: { ids: readonly Id[] };
  /** Back to the New queue (awaiting agent): the undo of markWaiting (R5). */
  markNew: { ids: readonly Id[] };
  // R10
  assign: { ids: readonly Id[]; assignee: Assignee | null };
  setTeam: { ids: readonly Id[]; teamId: Id | null };
  // R18
  snooze: { ids: readonly Id[]; until: SnoozeUntil };
  unsnooze: { ids: readonly Id[] };
  // R6
  trash: { ids: readonly Id[] };
  restore: { ids: readonly Id[] };
  deleteForever: { ids: readonly Id[] };
  // R7
  markSpam: { ids: readonly Id[] };
  unmarkSpam: { ids: readonly Id[] };
  // R8
  blockContact: { contactId: Id };
  unblockContact: { contactId: Id };
  // R19
  setPriority: { ids: readonly Id[]; priority: Priority };
  addLabels: { ids: readonly Id[]; labels: readonly string[] };
  removeLabels: { ids: readonly Id[]; labels: readonly string[] };
  // R16
  pin: { ids: readonly Id[]; pinned: boolean };
  // R2; channelId switches channel (chat to e-mail).
  reply: {
    conversationId: Id;
    itemId: Id;
    body: string;
    channelId?: Id | undefined;
    attachments?: readonly Attachment[] | undefined;
  };
  // R9: start a conversation with an outbound message.
  startConversation: {
    conversationId: Id;
    itemId: Id;
    contactId: Id;
    channelId: Id;
    subject: string;
    body: string;
  };
  // R20
  comment: { conversationId: Id; itemId: Id; body: string; mentions: readonly Id[] };
  addNote: { conversationId: Id; itemId: Id; messageId: Id; body: string };
  editNote: { conversationId: Id; itemId: Id; body: string };
  deleteNote: { conversationId: Id; itemId: Id };
  // R11
  setAvailability: { userId: Id; availability: Availability; reason?: string | undefined };
  /** "Get next conversation" (R11). */
  takeNext: Record<string, never>;
  // R10: a user deactivated or removed.
  deactivateUser: { userId: Id };
  // Saved views (R14: only the owner changes or deletes).
  saveView: { view: SavedView };
  deleteView: { viewId: Id };
  updateContact: { contactId: Id; patch: Partial<Omit<Contact, 'id' | 'blocked'>> };
  /** The source's details and conversations go to the target; the source is removed (contacts.ts). */
  mergeContacts: { targetId: Id; sourceId: Id };
  // Calls (R10): answering or calling an unassigned contact assigns it.
  answerCall: { conversationId: Id; itemId: Id };
  placeCall: { conversationId: Id; itemId: Id };
  endCall: { conversationId: Id; itemId: Id; duration: number };
  /** A ringing inbound call turned down: the host's telephony stops ringing it. */
  declineCall: { conversationId: Id; itemId: Id };
  /** Starts or stops recording an active call, as the host's telephony reports it. */
  setRecording: { conversationId: Id; itemId: Id; recording: boolean };

  /** R30: owners and managers rename a channel's display name. */
  renameChannel: { channelId: Id; name: string };
  /** R29: a failed delivery sent again through the channel's edge. */
  retryDelivery: { conversationId: Id; itemId: Id };

  // The outside world and the clock: only a backend issues these (actor null).
  /** R29: the channel's edge reports how an outbound message is faring. */
  setDelivery: { conversationId: Id; itemId: Id; status: Exclude<DeliveryStatus, 'queued'>; reason?: string | undefined };
  receiveMessage: {
    conversationId: Id;
    itemId: Id;
    contactId: Id;
    channelId: Id;
    subject?: string | undefined;
    body: string;
    html?: string | undefined;
    /** The sender's address, for R7's role-address check on e-mail. */
    from?: string | undefined;
    /** A contact to create first, when `contactId` names none yet (a channel edge's first message from an address). */
    newContact?: NewContact | undefined;
  };
  receiveCall: {
    conversationId: Id;
    itemId: Id;
    contactId: Id;
    channelId: Id;
    direction: Direction;
    newContact?: NewContact | undefined;
  };
  /** Wakes snoozed conversations (R18) and purges old trash (R6). */
  tick: Record<string, never>;
}

export type CommandType = keyof CommandArgs;

export type Command<T extends CommandType = CommandType> = {
  [K in T]: { readonly id: Id; readonly type: K; readonly args: Readonly<CommandArgs[K]> };
}[T];

/** Commands no agent may send: only the backend's inbound side and clock. */
export const SYSTEM_COMMANDS = ['receiveMessage', 'receiveCall', 'setDelivery', 'tick'] as const satisfies readonly CommandType[];
export type SystemCommandType = (typeof SYSTEM_COMMANDS)[number];

/** A person's commands whose rules load with the calls' elements (rules.calls.ts). */
export const CALL_COMMANDS = ['answerCall', 'placeCall', 'endCall', 'declineCall', 'setRecording'] as const satisfies readonly CommandType[];
export type CallCommandType = (typeof CALL_COMMANDS)[number];

/** A person's commands whose rules load with the contact panel (rules.contacts.ts). */
export const CONTACT_DETAIL_COMMANDS = ['updateContact', 'mergeContacts'] as const satisfies readonly CommandType[];
export type ContactDetailCommandType = (typeof CONTACT_DETAIL_COMMANDS)[number];

/** Commands the undo stack (Z) can reverse. */
export const UNDOABLE_COMMANDS: readonly CommandType[] = [
  'markDone',
  'reopen',
  'markUnread',
  'markRead',
  'markOpen',
  'markWaiting',
  'markNew',
  'assign',
  'snooze',
  'unsnooze',
  'trash',
  'restore',
  'markSpam',
  'unmarkSpam',
  // R8: the header's Block sender, undone by unblocking.
  'blockContact',
  'unblockContact',
  'setPriority',
  'addLabels',
  'removeLabels',
  'pin',
];

export const CHANNEL_FOR_CALL: ChannelKind = 'call';

export type { Millis };

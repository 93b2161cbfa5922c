import type { Channel, ChannelKind, Contact, Conversation, InboxState } from './types.js';

/**
 * Which of the workspace's channels can reach a contact (R2's channel
 * switch, chat to e-mail). A channel reaches a contact when the contact has
 * an address of the kind that channel dials or writes to: an e-mail address
 * for e-mail channels, a phone number for SMS, WhatsApp and voice lines.
 * Channels keyed to an account the contact holds with a platform (chat,
 * Messenger, Instagram, X, TikTok, forms) reach them only through a
 * conversation the contact started there.
 */

/** The kinds of channel a contact's phone numbers and e-mail addresses open. */
const REACHED_BY: Readonly<Record<'phones' | 'emails', readonly ChannelKind[]>> = {
  phones: ['sms', 'whatsapp', 'call'],
  emails: ['email'],
};

/** Channel kinds that carry no written message: a voice line is called, not written to. */
const VOICE_ONLY: ReadonlySet<ChannelKind> = new Set(['call']);

/** The channel kinds a contact's addresses open, in no particular order. */
export function reachableKinds(contact: Contact): ReadonlySet<ChannelKind> {
  const kinds = new Set<ChannelKind>();
  if (contact.phones.some((p) => p.trim() !== '')) for (const k of REACHED_BY.phones) kinds.add(k);
  if (contact.emails.some((e) => e.trim() !== '')) for (const k of REACHED_BY.emails) kinds.add(k);
  return kinds;
}

/** The channels that can reach `contact`, in the workspace's order. */
export function reachableChannels(state: Pick<InboxState, 'channels'>, contact: Contact): readonly Channel[] {
  const kinds = reachableKinds(contact);
  return [...state.channels.values()].filter((channel) => kinds.has(channel.kind));
}

/** The digits of a channel's address: two lines are the same number whatever the spacing. */
const digits = (address: string): string => address.replace(/\D/g, '');

/** Text channels that write to a phone number, in the order a reply after a call prefers them. */
const PHONE_TEXT: readonly ChannelKind[] = ['sms', 'whatsapp'];

/**
 * R2 The channels a written reply in `conversation` can go out on, the
 * default first. A voice line is never one of them: a call channel is
 * called, not written to.
 *
 * - A conversation on a channel that carries text: its own channel first,
 *   then every other text channel reaching its contact, in the workspace's
 *   order.
 * - A conversation on a voice line (after a call): the text channels of the
 *   same number first (SMS, then WhatsApp), then the contact's other SMS and
 *   WhatsApp channels, then any other text channel reaching them.
 */
export function replyChannels(
  state: Pick<InboxState, 'channels' | 'contacts'>,
  conversation: Conversation,
): readonly Channel[] {
  const own = state.channels.get(conversation.channelId);
  const contact = state.contacts.get(conversation.contactId);
  const others = contact
    ? reachableChannels(state, contact).filter((c) => c.id !== conversation.channelId && !VOICE_ONLY.has(c.kind))
    : [];
  if (!own) return others;
  if (!VOICE_ONLY.has(own.kind)) return [own, ...others];
  const number = digits(own.address);
  const rank = (c: Channel): number => {
    const phone = PHONE_TEXT.indexOf(c.kind);
    if (phone < 0) return 4;
    return (number !== '' && digits(c.address) === number ? 0 : 2) + phone / 2;
  };
  return others.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
}

/**
 * R2 The channel a reply goes out on unless the person picks another: the
 * first of `replyChannels` (the conversation's own when it carries text; after
 * a call, a text channel of the same number). Null when no channel can carry
 * a written reply to the contact.
 */
export function defaultReplyChannel(
  state: Pick<InboxState, 'channels' | 'contacts'>,
  conversation: Conversation,
): Channel | null {
  return replyChannels(state, conversation)[0] ?? null;
}

/**
 * R1 at a channel's edge: the attribute under which a contact keeps the
 * handle a platform channel (chat, Messenger, Instagram, X, TikTok, forms)
 * knows them by, one per channel.
 */
export const handleAttribute = (channelId: string): string => `handle:${channelId}`;

/** How a channel's edge finds its sender: by phone digits, by e-mail address (any case), or by the channel's handle. */
function addressKey(kind: ChannelKind): 'phones' | 'emails' | 'handle' {
  if (REACHED_BY.phones.includes(kind)) return 'phones';
  if (REACHED_BY.emails.includes(kind)) return 'emails';
  return 'handle';
}

/** The bare address of an e-mail sender ("Ana <ana@x.org>" → "ana@x.org"), lower case. */
const bareEmail = (address: string): string => (/<([^>]*)>/.exec(address)?.[1] ?? address).trim().toLowerCase();

/**
 * R1 at a channel's edge: the key an inbound `address` is known by on
 * `channel` ("phone:33612345678", "email:ana@x.org", "handle:<channel>:<id>");
 * null when it has none (no digits, empty).
 */
export function senderKey(channel: Channel, address: string): string | null {
  const key = addressKey(channel.kind);
  const value = key === 'phones' ? digits(address) : key === 'emails' ? bareEmail(address) : address.trim();
  if (value === '') return null;
  return key === 'phones' ? `phone:${value}` : key === 'emails' ? `email:${value}` : `handle:${channel.id}:${value}`;
}

/** Every key `contact` is known by (the phones', the e-mails', each channel handle's), for an index of senders. */
export function contactKeys(contact: Contact): string[] {
  const keys: string[] = [];
  for (const phone of contact.phones) if (digits(phone) !== '') keys.push(`phone:${digits(phone)}`);
  for (const email of contact.emails) if (bareEmail(email) !== '') keys.push(`email:${bareEmail(email)}`);
  for (const [name, value] of Object.entries(contact.attributes)) {
    if (name.startsWith('handle:') && value.trim() !== '') keys.push(`${name}:${value.trim()}`);
  }
  return keys;
}

/**
 * R1 at a channel's edge: the contact an inbound message or call from
 * `address` on `channel` comes from: the first contact (in the workspace's
 * order) with that phone number (digits compared), that e-mail address
 * (case aside) or that channel handle; null when none has it. A backend
 * with many contacts keeps an index of `contactKeys` and looks up
 * `senderKey` (the same answer, server/channels.ts).
 */
export function contactForAddress(
  state: Pick<InboxState, 'contacts'>,
  channel: Channel,
  address: string,
): Contact | null {
  const wanted = senderKey(channel, address);
  if (wanted === null) return null;
  for (const contact of state.contacts.values()) if (contactKeys(contact).includes(wanted)) return contact;
  return null;
}

/** R1 at a channel's edge, outbound: the contact's address on `channel`, where its provider sends what an agent wrote ('' when they have none). */
export function addressOn(channel: Channel, contact: Contact | undefined): string {
  if (!contact) return '';
  const key = addressKey(channel.kind);
  if (key === 'phones') return contact.phones[0] ?? '';
  if (key === 'emails') return contact.emails[0] ?? '';
  return contact.attributes[handleAttribute(channel.id)] ?? '';
}

/** R1 at a channel's edge: the contact to create for a sender no contact has: named, or called by their address. */
export function contactFromAddress(
  channel: Channel,
  address: string,
  name: string | undefined,
): { name: string; phones: string[]; emails: string[]; attributes: Record<string, string> } {
  const key = addressKey(channel.kind);
  const trimmed = address.trim();
  return {
    name: name?.trim() || trimmed,
    phones: key === 'phones' ? [trimmed] : [],
    emails: key === 'emails' ? [bareEmail(trimmed)] : [],
    attributes: key === 'handle' ? { [handleAttribute(channel.id)]: trimmed } : {},
  };
}

/**
 * R1 at a channel's edge: the conversation a contact's new message on
 * `channelId` continues: their latest one on that channel that is not in
 * the trash (done or snoozed ones reopen by R1 and R18); null for a new one.
 */
export function conversationForInbound(
  state: Pick<InboxState, 'conversations'>,
  contactId: string,
  channelId: string,
): Conversation | null {
  let latest: Conversation | null = null;
  for (const c of state.conversations.values()) {
    if (c.contactId !== contactId || c.channelId !== channelId || c.trashedAt !== null) continue;
    if (!latest || (c.lastMessage?.at ?? 0) > (latest.lastMessage?.at ?? 0)) latest = c;
  }
  return latest;
}


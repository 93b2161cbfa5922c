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

/**
 * The channels a written reply in `conversation` can go out on: its own
 * channel first, always (whatever its kind), then every other channel
 * reaching its contact that carries text, in the workspace's order.
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
  return own ? [own, ...others] : others;
}

import type { Conversation, InboxState } from './types.js';

/**
 * The Chats / Calls tabs of a list (DESIGN section 4): the Calls tab is the
 * call log, the conversations held on a call channel or whose last message
 * was a call. The Chats tab shows every conversation.
 */
export const LIST_MODES = ['chats', 'calls'] as const;
export type ListMode = (typeof LIST_MODES)[number];

export function isCallConversation(state: InboxState, conversation: Conversation): boolean {
  return conversation.lastMessage?.kind === 'call' || state.channels.get(conversation.channelId)?.kind === 'call';
}

/** The conversations a list mode shows, in the same order; the list itself for Chats. */
export function forMode(
  state: InboxState,
  conversations: readonly Conversation[],
  mode: ListMode,
): readonly Conversation[] {
  return mode === 'calls' ? conversations.filter((c) => isCallConversation(state, c)) : conversations;
}

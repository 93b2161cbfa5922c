import type { Contact, Conversation, InboxState } from '../model/types.js';
import type { UiState } from './inbox-store.js';

/**
 * What the agent is working on, for a host's panel beside the inbox (a
 * CRM card that follows the conversation), in the shape Front's plugin SDK
 * gives its plugins: nothing, one conversation (with its contact), or
 * several. The checked rows win (one checked row is one conversation);
 * with none checked, the open conversation.
 */
export type InboxSelection =
  | { readonly type: 'none' }
  | { readonly type: 'one'; readonly conversation: Conversation; readonly contact: Contact | undefined }
  | { readonly type: 'many'; readonly conversations: readonly Conversation[] };

const NONE: InboxSelection = { type: 'none' };

/** The selection of a state (pure; the store memoises it as `selectors.selection`). */
export function selectionOf(model: InboxState, ui: Pick<UiState, 'checked' | 'openId'>): InboxSelection {
  const ids = ui.checked.size > 0 ? [...ui.checked] : ui.openId ? [ui.openId] : [];
  const conversations = ids.map((id) => model.conversations.get(id)).filter((c): c is Conversation => c !== undefined);
  if (conversations.length === 0) return NONE;
  if (conversations.length > 1) return { type: 'many', conversations };
  const conversation = conversations[0]!;
  return { type: 'one', conversation, contact: model.contacts.get(conversation.contactId) };
}

/** Equal when the same entities (immutable, so identity) are selected. */
export function sameSelection(a: InboxSelection, b: InboxSelection): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'one' && b.type === 'one') return a.conversation === b.conversation && a.contact === b.contact;
  if (a.type === 'many' && b.type === 'many') {
    return a.conversations.length === b.conversations.length && a.conversations.every((c, i) => c === b.conversations[i]);
  }
  return true;
}

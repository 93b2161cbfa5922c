import type { Attachment, Id } from '../model/types.js';

/**
 * Composer drafts, one per user, conversation and mode, kept in a Storage
 * (localStorage by default) so that they survive a reload, a remount and a
 * failed send. Plain functions over a Storage that never throw: a full or
 * forbidden storage (private mode, a sandboxed frame) loses the draft's
 * persistence, never the text on screen.
 */

export const DRAFT_MODES = ['reply', 'comment'] as const;
export type DraftMode = (typeof DRAFT_MODES)[number];

export const DRAFT_KEY_PREFIX = 'inbox-elements:draft:';

export interface Draft {
  readonly body: string;
  /** Uploaded files waiting to go with a reply. */
  readonly attachments: readonly Attachment[];
  /** The channel a reply will go out on, when switched from the conversation's. */
  readonly channelId?: Id | undefined;
  /**
   * The timeline item id of a send not yet confirmed: the draft is the text
   * that went out, kept until the backend confirms it.
   */
  readonly sentAs?: Id | undefined;
}

export interface DraftAddress {
  readonly userId: Id;
  readonly conversationId: Id;
  readonly mode: DraftMode;
}

export function draftKey({ userId, conversationId, mode }: DraftAddress): string {
  return `${DRAFT_KEY_PREFIX}${userId}:${conversationId}:${mode}`;
}

/** The page's localStorage, or null where reading it throws (sandboxed frames, disabled storage). */
export function defaultDraftStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** True when a draft holds nothing worth keeping. */
export function isEmptyDraft(draft: Draft | null): boolean {
  return draft === null || (draft.body.trim() === '' && draft.attachments.length === 0 && draft.sentAs === undefined);
}

const isAttachment = (value: unknown): value is Attachment => {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  return (
    typeof a.id === 'string' &&
    typeof a.name === 'string' &&
    typeof a.mime === 'string' &&
    typeof a.size === 'number' &&
    typeof a.url === 'string'
  );
};

/** The stored draft, or null when there is none or what is stored is not a draft. */
export function loadDraft(storage: Storage | null, address: DraftAddress): Draft | null {
  let raw: string | null;
  try {
    raw = storage?.getItem(draftKey(address)) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Record<string, unknown> | null;
    if (typeof value !== 'object' || value === null || typeof value.body !== 'string') return null;
    const attachments = Array.isArray(value.attachments) ? value.attachments.filter(isAttachment) : [];
    return {
      body: value.body,
      attachments,
      ...(typeof value.channelId === 'string' ? { channelId: value.channelId } : {}),
      ...(typeof value.sentAs === 'string' ? { sentAs: value.sentAs } : {}),
    };
  } catch {
    return null;
  }
}

/** Stores a draft; an empty one is removed instead. False when the storage refused it. */
export function saveDraft(storage: Storage | null, address: DraftAddress, draft: Draft): boolean {
  if (isEmptyDraft(draft)) return clearDraft(storage, address);
  if (!storage) return false;
  const stored: Draft = {
    body: draft.body,
    attachments: draft.attachments,
    ...(draft.channelId !== undefined ? { channelId: draft.channelId } : {}),
    ...(draft.sentAs !== undefined ? { sentAs: draft.sentAs } : {}),
  };
  try {
    storage.setItem(draftKey(address), JSON.stringify(stored));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: Storage | null, address: DraftAddress): boolean {
  if (!storage) return false;
  try {
    storage.removeItem(draftKey(address));
    return true;
  } catch {
    return false;
  }
}

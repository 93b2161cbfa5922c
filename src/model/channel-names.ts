/**
 * R30, a channel's display name: owners and managers rename channels
 * (rules.people.ts `renameChannel`). Apart from channels.ts so that the
 * store's bundle carries only this.
 */

import type { User } from './types.js';

/** R30: who may rename channels: active owners and managers. */
export const canRenameChannels = (user: User | null | undefined): boolean =>
  user !== null && user !== undefined && user.active && user.role !== 'agent';

/** R30: the longest name a channel may have. */
export const MAX_CHANNEL_NAME = 255;

/**
 * R30: a channel's display name as it is stored (trimmed), or what is wrong
 * with it: empty once trimmed, or longer than 255 characters. Elements say
 * the problem in the user's language; the rule refuses with the sentence.
 */
export function checkChannelName(raw: string): { readonly name: string } | { readonly problem: 'empty' | 'too-long' } {
  const name = raw.trim();
  if (name === '') return { problem: 'empty' };
  if (name.length > MAX_CHANNEL_NAME) return { problem: 'too-long' };
  return { name };
}

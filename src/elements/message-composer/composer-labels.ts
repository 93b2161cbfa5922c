import { msg, str } from '@lit/localize';
import { keyLabel } from '../../controllers/keymap.js';
import { getLocale } from '../../i18n/localization.js';
import type { Refusal } from '../../model/events.js';

/** The composer's modes: a reply the contact reads, or an internal comment only the team reads. */
export const COMPOSER_MODES = ['reply', 'comment'] as const;
export type ComposerMode = (typeof COMPOSER_MODES)[number];

export const isComposerMode = (value: unknown): value is ComposerMode =>
  (COMPOSER_MODES as readonly unknown[]).includes(value);

export function modeLabel(mode: ComposerMode): string {
  return mode === 'reply'
    ? msg('Reply', { id: 'composer.mode.reply' })
    : msg('Internal comment', { id: 'composer.mode.comment' });
}

/** The mode's name where the row is narrow: "Reply", "Internal". */
export function shortModeLabel(mode: ComposerMode): string {
  return mode === 'reply' ? msg('Reply', { id: 'composer.mode.reply' }) : msg('Internal', { id: 'composer.mode.commentShort' });
}

/** A file size in the page's locale: "820 B", "12.5 kB", "3.1 MB". */
export function fileSize(bytes: number): string {
  const locale = getLocale();
  const [value, unit] =
    bytes < 1000 ? [bytes, 'byte'] : bytes < 1_000_000 ? [bytes / 1000, 'kilobyte'] : [bytes / 1_000_000, 'megabyte'];
  try {
    return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
  } catch {
    return `${Math.round(value)} ${unit}`;
  }
}

/** Why a send failed, for the alert: the backend's own words, after a localized lead. */
export function failureMessage(mode: ComposerMode, refusal: Refusal): string {
  const reason = refusal.reason;
  return mode === 'reply'
    ? msg(str`Reply not sent: ${reason}`, { id: 'composer.failed.reply' })
    : msg(str`Comment not sent: ${reason}`, { id: 'composer.failed.comment' });
}

/** "Ctrl+Enter" or, on Apple devices, "⌘+Enter" (the keymap's `send`). */
export function sendShortcut(): string {
  return keyLabel('Mod+Enter');
}

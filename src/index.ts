/**
 * The public API of inbox-elements. Explicit named exports only, and no side
 * effects: tags are registered by `inbox-elements/define` (src/define.ts).
 */

// Elements
export { StatusBadge, STATES, stateLabel, isBadgeState, type BadgeState } from './elements/status-badge/status-badge.js';
export { defineOnce } from './elements/define-once.js';

// Localization
export { setLocale, getLocale, isLocale, LOCALES, type Locale } from './i18n/localization.js';

// Styles, for hosts that build their own elements on the same tokens
export { tokens, COLOR_TOKENS, SIZE_TOKENS, type TokenName } from './styles/tokens.js';
export { hostStyles } from './styles/host-styles.js';

// Store, transport and model: the lead completes this section (HttpTransport,
// model types, selectors, events) as those modules settle.
export { InboxStore, type InboxStoreOptions } from './store/inbox-store.js';
export { MemoryTransport, type MemoryTransportOptions } from './transport/memory/memory-transport.js';
export type { Transport } from './transport/transport.js';

import { loader, type Loader } from '../protocol/loading.js';

/**
 * The elements' chunks, loaded on demand (see protocol/loading.ts): the
 * script-tag bundle defines these tags when a page first needs them
 * (lazy-elements.ts).
 */

export type ConversationModule = typeof import('../conversation-chunk.js');

/**
 * The conversation's elements (`<conversation-view>`, its timeline and
 * composer), registered, and their API. Defined already wherever
 * `inbox-elements/define` was imported; the script-tag bundle loads them when
 * a page first needs them (see bundle.ts).
 */
export const loadConversationElements: Loader<ConversationModule> = loader(() => import('../conversation-chunk.js'));

export type ContactModule = typeof import('../contact-chunk.js');

/** `<contact-panel>`, registered, and its API; loaded when a conversation's contact is first shown. */
export const loadContactElements: Loader<ContactModule> = loader(() => import('../contact-chunk.js'));

export type OverlaysModule = typeof import('../overlays-chunk.js');

/** `<shortcut-help>` and `<command-palette>`, registered; loaded the first time one opens. */
export const loadOverlayElements: Loader<OverlaysModule> = loader(() => import('../overlays-chunk.js'));

export type PickersModule = typeof import('../pickers-chunk.js');

/** The pickers (snooze, label, priority, assignee), registered; loaded the first time one opens. */
export const loadPickerElements: Loader<PickersModule> = loader(() => import('../pickers-chunk.js'));

export type StatsModule = typeof import('../stats-chunk.js');

/** `<inbox-stats>`, registered, and the team stats' figures (R28); loaded when the tag first appears. */
export const loadStatsElements: Loader<StatsModule> = loader(() => import('../stats-chunk.js'));

export type CallsModule = typeof import('../calls-chunk.js');

/** `<incoming-calls>` and `<call-card>`, registered, and their events; loaded when a call rings or the agent is on one. */
export const loadCallElements: Loader<CallsModule> = loader(() => import('../calls-chunk.js'));

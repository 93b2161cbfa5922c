/**
 * The public API but the transport classes, as explicit named exports, in
 * one place: index.ts adds the transports (the npm entry), bundle.ts adds
 * loaders for them instead (the script-tag bundle loads a transport only
 * when a page uses it). No side effects: tags are registered by define.ts.
 */

// Elements
export { StatusBadge, STATES, stateLabel, isBadgeState, type BadgeState } from './elements/status-badge/status-badge.js';
export { defineOnce } from './elements/define-once.js';
export { InboxProvider } from './elements/inbox-provider/inbox-provider.js';
export { InboxList } from './elements/inbox-list/inbox-list.js';
export { UndoToast } from './elements/undo-toast/undo-toast.js';
export { InboxApp } from './elements/inbox-app/inbox-app.js';
export { InboxSidebar } from './elements/inbox-sidebar/inbox-sidebar.js';
export { InboxFilters } from './elements/inbox-filters/inbox-filters.js';
export { AvailabilityToggle } from './elements/availability-toggle/availability-toggle.js';

// Events
export { ConversationOpenEvent } from './events/conversation-open.js';
export { SelectionChangeEvent } from './events/selection-change.js';
export { RequestPickerEvent, PICKER_KINDS, type PickerKind } from './events/request-picker.js';
export { StoreChangeEvent } from './events/store-change.js';
export { InboxSelectionChangeEvent } from './events/inbox-selection-change.js';
export { NextConversationEvent } from './events/next-conversation.js';
export { PaletteActionEvent } from './events/palette-action.js';
export { PickerCloseEvent } from './events/picker-close.js';
export { ViewSaveEvent } from './events/view-save.js';
export { ViewSelectEvent } from './events/view-select.js';

// Localization
export { setLocale, getLocale, isLocale, LOCALES, type Locale } from './i18n/localization.js';

// Styles, for hosts that build their own elements on the same tokens
export { tokens, COLOR_TOKENS, SIZE_TOKENS, type TokenName } from './styles/tokens.js';
export { hostStyles } from './styles/host-styles.js';

// Store
export {
  InboxStore,
  type InboxStoreOptions,
  type StoreState,
  type UiState,
  type StoreError,
  type DispatchResult,
  type UndoEntry,
  type ConnectionStatus,
} from './store/inbox-store.js';
export { createSelectors, selectUser, selectConversation, selectTimeline, type Selectors } from './store/selectors.js';
export { selectionOf, sameSelection, type InboxSelection } from './store/selection.js';
export { StoreController } from './controllers/store.controller.js';
export { storeContext } from './controllers/store.context.js';
export { ShortcutsController, shortcutRoot, isTyping } from './controllers/shortcuts.controller.js';
export { SwipeController, type SwipeDirection } from './controllers/swipe.controller.js';
export { RovingFocusController } from './controllers/roving-focus.controller.js';
export { isCallConversation, LIST_MODES, type ListMode } from './model/list-modes.js';

// Transports
export type {
  Transport,
  ConnectRequest,
  TimelineRequest,
  ServerMessage,
  CommandAck,
  TimelinePage,
  Presence,
} from './transport/transport.js';
// parseCommand, the backends' check of incoming commands, is not listed here but in index.ts and in
// the memory chunk (loadMemoryTransport()): it would put every command's schema in the script-tag bundle.
// The protocol's schemas load on demand too (loadProtocol()); the checks are in index.ts and that module.
export { ProtocolError } from './protocol/protocol-error.js';
export { DEMO_USER_IDS, DEFAULT_DEMO_CONVERSATIONS } from './backend/demo-defaults.js';
export { loadMemoryTransport, loadHttpTransport, type MemoryTransportModule, type HttpTransportModule } from './transport/loaders.js';
export {
  loadConversationElements,
  loadContactElements,
  loadOverlayElements,
  loadPickerElements,
  loadCallElements,
  loadStatsElements,
  type ConversationModule,
  type ContactModule,
  type OverlaysModule,
  type PickersModule,
  type CallsModule,
  type StatsModule,
} from './elements/loaders.js';
export { loadProtocol, type ProtocolModule, type Loader } from './protocol/loading.js';

// Model: the rules and queries, for hosts and backends that reuse them
export { decide, apply, applyAll } from './model/rules.js';
export { invert } from './model/undo.js';
export { reduce, reduceAll, stateFromSnapshot, toSnapshot, emptyState } from './model/state.js';
export { runQuery, countMatches, DEFAULT_QUERY, type Query } from './model/query.js';
export { sidebarViews, canUseView, parseView, STATUS_TABS, type ViewId, type StatusTab, type SidebarView } from './model/views.js';
export { openCounts, dotViewFor, type Dots } from './model/indicators.js';
export { canSeeConversation, canSeeView } from './model/permissions.js';
export { normalize as normalizeSearch } from './model/search.js';
export { SORT_ORDERS } from './model/sort.js';
export type { Command, CommandArgs, CommandType } from './model/commands.js';
export type { DomainEvent, Refusal } from './model/events.js';
export {
  ROLES,
  VISIBILITIES,
  CHANNEL_KINDS,
  STATUSES,
  PRIORITIES,
  DEFAULT_SETTINGS,
  type User,
  type Bot,
  type Team,
  type Channel,
  type Contact,
  type Conversation,
  type TimelineItem,
  type SavedView,
  type Filters,
  type Settings,
  type Snapshot,
  type InboxState,
  type ChannelKind,
  type Priority,
  type SortOrder,
  type Assignee,
} from './model/types.js';
export type { MemoryTransportOptions } from './transport/memory/memory-transport.js';
export type { HttpTransportOptions } from './transport/http/http-transport.js';

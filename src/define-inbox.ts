/**
 * Registers the inbox's tags (issue 3's elements), skipping tags already
 * defined; define.ts adds the conversation's (define-conversation.ts). The
 * script-tag bundle registers these at once and loads the conversation's
 * on demand.
 * Elements never register themselves, so importing `inbox-elements` alone
 * defines nothing (a host can subclass or scope-register them instead).
 *
 * Order matters for markup already on the page: a context provider must be
 * defined before its consumers, or consumers that upgrade first never
 * receive the store. Add providers first.
 */
import { defineOnce } from './elements/define-once.js';
import { InboxProvider } from './elements/inbox-provider/inbox-provider.js';
import { InboxList } from './elements/inbox-list/inbox-list.js';
import { UndoToast } from './elements/undo-toast/undo-toast.js';
import { StatusBadge } from './elements/status-badge/status-badge.js';
import { InboxSidebar } from './elements/inbox-sidebar/inbox-sidebar.js';
import { InboxFilters } from './elements/inbox-filters/inbox-filters.js';
import { AvailabilityToggle } from './elements/availability-toggle/availability-toggle.js';
import { InboxApp } from './elements/inbox-app/inbox-app.js';

// Providers first (see above).
defineOnce('inbox-provider', InboxProvider);
defineOnce('status-badge', StatusBadge);
defineOnce('inbox-list', InboxList);
defineOnce('undo-toast', UndoToast);
defineOnce('inbox-sidebar', InboxSidebar);
defineOnce('inbox-filters', InboxFilters);
defineOnce('availability-toggle', AvailabilityToggle);
// The app renders a provider of its own, defined above, before its children upgrade.
defineOnce('inbox-app', InboxApp);

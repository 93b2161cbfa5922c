/**
 * The one module with side effects: registers every tag of the library,
 * skipping tags that are already defined. `import 'inbox-elements/define'`.
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
import { BulkBar } from './elements/bulk-bar/bulk-bar.js';
import { UndoToast } from './elements/undo-toast/undo-toast.js';
import { StatusBadge } from './elements/status-badge/status-badge.js';
import { SnoozePicker } from './elements/snooze-picker/snooze-picker.js';
import { LabelPicker } from './elements/label-picker/label-picker.js';
import { PriorityPicker } from './elements/priority-picker/priority-picker.js';
import { AssigneePicker } from './elements/assignee-picker/assignee-picker.js';
import { InboxSidebar } from './elements/inbox-sidebar/inbox-sidebar.js';
import { InboxFilters } from './elements/inbox-filters/inbox-filters.js';
import { AvailabilityToggle } from './elements/availability-toggle/availability-toggle.js';
import { ShortcutHelp } from './elements/shortcut-help/shortcut-help.js';
import { CommandPalette } from './elements/command-palette/command-palette.js';
import { ConversationTimeline } from './elements/conversation-timeline/conversation-timeline.js';
import { MessageComposer } from './elements/message-composer/message-composer.js';
import { ConversationView } from './elements/conversation-view/conversation-view.js';
import { ContactPanel } from './elements/contact-panel/contact-panel.js';
import { IncomingCalls } from './elements/incoming-calls/incoming-calls.js';
import { CallCard } from './elements/call-card/call-card.js';
import { InboxThread } from './elements/inbox-app/inbox-thread.js';
import { InboxApp } from './elements/inbox-app/inbox-app.js';

// Providers first (see above).
defineOnce('inbox-provider', InboxProvider);
defineOnce('status-badge', StatusBadge);
defineOnce('inbox-list', InboxList);
defineOnce('bulk-bar', BulkBar);
defineOnce('undo-toast', UndoToast);
defineOnce('snooze-picker', SnoozePicker);
defineOnce('label-picker', LabelPicker);
defineOnce('priority-picker', PriorityPicker);
defineOnce('assignee-picker', AssigneePicker);
defineOnce('inbox-sidebar', InboxSidebar);
defineOnce('inbox-filters', InboxFilters);
defineOnce('availability-toggle', AvailabilityToggle);
defineOnce('shortcut-help', ShortcutHelp);
defineOnce('command-palette', CommandPalette);
defineOnce('conversation-timeline', ConversationTimeline);
defineOnce('message-composer', MessageComposer);
defineOnce('conversation-view', ConversationView);
defineOnce('contact-panel', ContactPanel);
defineOnce('incoming-calls', IncomingCalls);
defineOnce('call-card', CallCard);
defineOnce('inbox-thread', InboxThread);
// The app renders a provider of its own, defined above, before its children upgrade.
defineOnce('inbox-app', InboxApp);

/**
 * The one module with side effects: registers every tag of the library,
 * skipping tags that are already defined. `import 'inbox-elements/define'`.
 * Elements never register themselves, so importing `inbox-elements` alone
 * defines nothing (a host can subclass or scope-register them instead).
 *
 * Order matters for markup already on the page: a context provider must be
 * defined before its consumers, or consumers that upgrade first never
 * receive the store. define-inbox.ts holds the provider, so it goes first.
 */
import './define-inbox.js';
import './define-overlays.js';
import './define-pickers.js';
import './define-conversation.js';
import './define-calls.js';
import './define-contact.js';
import './define-stats.js';

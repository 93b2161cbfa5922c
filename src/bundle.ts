/**
 * Entry of the script-tag bundle (vite.bundle.config.ts): the public API of
 * index.ts, with the inbox's tags registered, in one ES module:
 * `<script type="module" src=".../inbox-elements.bundle.js">`.
 *
 * Differences, so that a page loads only what it uses:
 * - the transports are not exported as classes. `await loadMemoryTransport()`
 *   gives `MemoryTransport`, `MemoryBackend`, `generateDemoData` and
 *   `parseCommand` (a backend's check of commands, which a client never
 *   needs); `await loadHttpTransport()` gives `HttpTransport` and
 *   `HttpError`; `<inbox-provider demo | endpoint>` loads them by itself.
 * - the elements a first screen does not show load on demand: the
 *   conversation's (`<conversation-view>`, its timeline and composer,
 *   `<incoming-calls>`, `<call-card>`) with `loadConversationElements()`,
 *   `<contact-panel>` with `loadContactElements()`, the dialogs
 *   (`<shortcut-help>`, `<command-palette>`) and `<bulk-bar>` with
 *   `loadOverlayElements()` (`<inbox-list>` asks for the bar when rows are checked).
 *   `<inbox-app>` asks for each when it shows it, `<inbox-provider>` when one
 *   of their tags appears inside it, and this module when one appears in the
 *   document; a host that puts one, without a provider, inside a shadow root
 *   of its own calls the loader.
 * Each is a chunk of its own beside the bundle (dist/bundle-chunks/).
 * src/bundle.test.ts keeps this list equal to index.ts's, but for those.
 */
import './define-inbox.js';
import { watchForLazyElements } from './elements/lazy-elements.js';

// api.ts is the explicit list of exports (the transports and the conversation excepted, see above).
export * from './api.js';

// `<inbox-app>` and `<inbox-provider>` ask for the elements that load on
// demand themselves; this covers their tags written straight into the page.
if (typeof document !== 'undefined') watchForLazyElements(document);

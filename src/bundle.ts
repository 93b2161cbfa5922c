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
 * - the conversation's elements (`<conversation-view>`, `<contact-panel>`,
 *   `<incoming-calls>`, `<call-card>`, the timeline and composer) and their
 *   API come with `await loadConversationElements()`, which this module
 *   calls by itself when `<inbox-app>` asks for them or when one of their
 *   tags appears in the document. A host that puts them inside a shadow
 *   root of its own calls it.
 * Each is a chunk of its own beside the bundle (dist/bundle-chunks/).
 * src/bundle.test.ts keeps this list equal to index.ts's, but for those.
 */
import './define-inbox.js';
import { ElementsNeededEvent } from './events/elements-needed.js';
import { loadConversationElements } from './transport/loaders.js';

// api.ts is the explicit list of exports (the transports and the conversation excepted, see above).
export * from './api.js';

const CONVERSATION_TAGS = 'conversation-view,conversation-timeline,message-composer,contact-panel,incoming-calls,call-card';

if (typeof document !== 'undefined') {
  const load = () => {
    observer.disconnect();
    document.removeEventListener(ElementsNeededEvent.eventName, load);
    void loadConversationElements();
  };
  const observer = new MutationObserver(() => {
    if (document.querySelector(CONVERSATION_TAGS)) load();
  });
  document.addEventListener(ElementsNeededEvent.eventName, load);
  if (document.querySelector(CONVERSATION_TAGS)) load();
  else observer.observe(document, { childList: true, subtree: true });
}

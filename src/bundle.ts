/**
 * Entry of the script-tag bundle (vite.bundle.config.ts): the public API of
 * index.ts, with every tag registered, in one ES module:
 * `<script type="module" src=".../inbox-elements.bundle.js">`.
 *
 * One difference: the transports are not exported as classes, so that a page
 * loads only the one it uses. `await loadMemoryTransport()` gives
 * `MemoryTransport`, `MemoryBackend`, `generateDemoData` and `parseCommand`
 * (a backend's check of commands, which a client never needs);
 * `await loadHttpTransport()` gives `HttpTransport` and `HttpError`. Each
 * is a chunk of its own beside the bundle (dist/bundle-chunks/), and
 * `<inbox-provider demo | endpoint>` loads them by itself.
 * src/bundle.test.ts keeps this list equal to index.ts's, but for those.
 */
import './define.js';

// api.ts is the explicit list of exports (the transports excepted, see above).
export * from './api.js';

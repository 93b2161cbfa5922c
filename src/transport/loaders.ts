/**
 * The transports, loaded on demand: literal import() calls, so that bundlers
 * give each its own chunk (the script-tag bundle does) and a page loads only
 * the one it uses. Each module loads once; `loaded` holds it after that, so a
 * caller that already waited once can go on synchronously.
 */

export interface Loader<T> {
  (): Promise<T>;
  /** The module, once a call has loaded it. */
  readonly loaded: T | undefined;
}

function loader<T>(load: () => Promise<T>): Loader<T> {
  let promise: Promise<T> | undefined;
  let loaded: T | undefined;
  const get = () =>
    (promise ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        promise = undefined; // a failed fetch may succeed later
        throw error;
      },
    ));
  return Object.defineProperty(get, 'loaded', { get: () => loaded }) as Loader<T>;
}

export type MemoryTransportModule = typeof import('./memory/memory-chunk.js');
export type HttpTransportModule = typeof import('./http/http-transport.js');

/** `MemoryTransport`, `MemoryBackend`, `generateDemoData` (the seeded demo data) and `parseCommand`. */
export const loadMemoryTransport: Loader<MemoryTransportModule> = loader(() => import('./memory/memory-chunk.js'));

/** `HttpTransport` and `HttpError`, for the reference server or any backend that speaks its protocol. */
export const loadHttpTransport: Loader<HttpTransportModule> = loader(() => import('./http/http-transport.js'));

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

export type CallsModule = typeof import('../calls-chunk.js');

/** `<incoming-calls>` and `<call-card>`, registered, and their events; loaded when a call rings or the agent is on one. */
export const loadCallElements: Loader<CallsModule> = loader(() => import('../calls-chunk.js'));

export type ProtocolModule = typeof import('./protocol.js');

/**
 * The wire protocol's schemas (protocol.ts, with valibot: about 4 kB gzip of
 * the script-tag bundle), which check every message a transport hands to the
 * store. Only a page with a transport needs them, so they load on demand,
 * beside the transport: the store asks for them when it is made and connects
 * once they are here. `parseServerMessage`, `parseCommandAck` and
 * `parseTimelinePage`, for a host that checks messages itself.
 */
export const loadProtocol: Loader<ProtocolModule> = loader(() => import('./protocol.js'));

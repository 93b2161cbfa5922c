import { loader, type Loader } from '../protocol/loading.js';

/**
 * The transports, loaded on demand (see protocol/loading.ts): a page loads
 * only the one it uses.
 */

export type MemoryTransportModule = typeof import('./memory/memory-chunk.js');
export type HttpTransportModule = typeof import('./http/http-transport.js');

/** `MemoryTransport`, `MemoryBackend`, `generateDemoData` (the seeded demo data) and `parseCommand`. */
export const loadMemoryTransport: Loader<MemoryTransportModule> = loader(() => import('./memory/memory-chunk.js'));

/** `HttpTransport` and `HttpError`, for the reference server or any backend that speaks its protocol. */
export const loadHttpTransport: Loader<HttpTransportModule> = loader(() => import('./http/http-transport.js'));

/**
 * Code loaded on demand: literal import() calls, so that bundlers give each
 * its own chunk (the script-tag bundle does) and a page loads only what it
 * uses. `loader` is the one helper every floor's loaders use (the protocol's
 * here, the transports' in transport/loaders.ts, the elements' in
 * elements/loaders.ts). Each module loads once; `loaded` holds it after that,
 * so a caller that already waited once can go on synchronously.
 */

export interface Loader<T> {
  (): Promise<T>;
  /** The module, once a call has loaded it. */
  readonly loaded: T | undefined;
}

export function loader<T>(load: () => Promise<T>): Loader<T> {
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

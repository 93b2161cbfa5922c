/**
 * What lies between the host's transport and its server: strings only, and
 * nothing arrives in the caller's stack, as over a network (a WebSocket, a
 * message port, an HTTP request and a stream of Server-Sent Events...).
 */
export interface Wire {
  /** One request, one answer: `{ op: 'send' | 'timeline' | 'presence', ... }` as JSON, its answer as JSON. */
  request(body: string): Promise<string>;
  /**
   * Opens a stream (`{ userId, since?, epoch? }` as JSON): `onLine` receives each
   * message as JSON, `onEnd` the end (`null`) or why it failed. Returns the
   * function that closes it.
   */
  open(body: string, onLine: (line: string) => void, onEnd: (error: string | null) => void): () => void;
}

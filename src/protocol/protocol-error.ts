/**
 * Why a message from a transport was refused: the first issues, with their
 * paths. Apart from protocol.ts, whose schemas load on demand (see
 * loadProtocol() in loaders.ts), so that a host can test `instanceof
 * ProtocolError` without loading them.
 */
export class ProtocolError extends Error {
  constructor(
    readonly what: string,
    readonly issues: readonly string[],
  ) {
    super(`Malformed ${what}: ${issues.join('; ')}`);
    this.name = 'ProtocolError';
  }
}


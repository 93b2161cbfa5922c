import { Observable } from 'rxjs';
import type { Command, ConnectRequest, TimelineRequest, Transport } from 'inbox-elements';
import type { Wire } from './wire.js';

/**
 * A host's own transport: the library's Transport contract over JSON
 * messages on a Wire. It hands the store what the server sent, parsed and
 * otherwise untouched (the store validates every message itself).
 */
export class JsonTransport implements Transport {
  constructor(private readonly wire: Wire) {}

  connect(request: ConnectRequest): Observable<unknown> {
    return new Observable<unknown>((subscriber) =>
      this.wire.open(
        JSON.stringify({ userId: request.userId, since: request.since, epoch: request.epoch }),
        (line) => {
          const message = JSON.parse(line) as { kind?: string };
          // The server accepted the stream: a resumed stream with nothing missed carries no message.
          if (message.kind === 'open') request.onOpen?.();
          else subscriber.next(message);
        },
        (error) => (error === null ? subscriber.complete() : subscriber.error(new Error(error))),
      ),
    );
  }

  async send(command: Command, actorId: string): Promise<unknown> {
    return (await this.#call({ op: 'send', command, actorId }))['ack'];
  }

  async timeline(request: TimelineRequest, actorId: string): Promise<unknown> {
    return (await this.#call({ op: 'timeline', request, actorId }))['page'];
  }

  async presence(conversationId: string | null, typing: boolean, actorId: string): Promise<void> {
    await this.#call({ op: 'presence', conversationId, typing, actorId });
  }

  async #call(body: object): Promise<Record<string, unknown>> {
    const answer = JSON.parse(await this.wire.request(JSON.stringify(body))) as Record<string, unknown>;
    if (answer['ok'] !== true) throw new Error(String(answer['error']));
    return answer;
  }
}

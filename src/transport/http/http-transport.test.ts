import { expect } from '@open-wc/testing';
import type { Command } from '../../model/commands.js';
import { HttpError, HttpTransport } from './http-transport.js';
import { SseParser } from './sse.js';

/** A request the fake server saw, and the controls of its streamed answer. */
interface Seen {
  readonly url: URL;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | null;
  readonly signal: AbortSignal | null;
}

type Handler = (request: Seen) => Response | Promise<Response>;

/** A fetch that answers from `handler` and records every request. */
function fakeFetch(handler: Handler) {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request: Seen = {
      url: new URL(input instanceof Request ? input.url : input.toString()),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : null,
      signal: init.signal ?? null,
    };
    seen.push(request);
    if (request.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return handler(request);
  };
  return { fetch, seen };
}

/** A streamed body the test writes to, chunk by chunk (bytes or text). */
function streamed(signal: AbortSignal | null) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    write: (chunk: string | Uint8Array) => controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk),
    close: () => controller.close(),
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean, what: string, ms = 2000): Promise<void> {
  const end = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(2);
  }
}

const command = (id = 'cmd-1'): Command => ({ id, type: 'markDone', args: { ids: ['c-1'] } });

describe('SseParser', () => {
  const stream = 'id: 7\ndata: {"a":1}\n\n: ping\n\ndata: line one\ndata: line two\n\nid: 8\r\ndata:{"b":"é"}\r\n\r\nevent: x\ndata: y\r\r';

  it('parses id, data, comments and multi-line data', () => {
    const parser = new SseParser();
    const events = parser.push(stream);
    expect(events).to.deep.equal([
      { id: '7', event: 'message', data: '{"a":1}' },
      { id: undefined, event: 'message', data: 'line one\nline two' },
      { id: '8', event: 'message', data: '{"b":"é"}' },
      { id: undefined, event: 'x', data: 'y' },
    ]);
    expect(parser.lastEventId).to.equal('8');
  });

  it('gives the same events whatever the chunk boundaries, CRLF split included', () => {
    const whole = new SseParser().push(stream);
    for (const size of [1, 2, 3, 5, 7, 13]) {
      const parser = new SseParser();
      const events = [];
      for (let i = 0; i < stream.length; i += size) events.push(...parser.push(stream.slice(i, i + size)));
      expect(events, `chunks of ${size}`).to.deep.equal(whole);
    }
  });

  it('holds back an event until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('data: {"x"')).to.deep.equal([]);
    expect(parser.push(':1}\n')).to.deep.equal([]);
    expect(parser.push('\n')).to.deep.equal([{ id: undefined, event: 'message', data: '{"x":1}' }]);
  });
});

describe('HttpTransport', () => {
  describe('connect', () => {
    it('sends the token and since, and emits each data line parsed, across chunk and character boundaries', async () => {
      const bodies: ReturnType<typeof streamed>[] = [];
      const { fetch, seen } = fakeFetch((request) => {
        bodies.push(streamed(request.signal));
        return bodies[bodies.length - 1]!.response;
      });
      const transport = new HttpTransport({ baseUrl: 'http://server.test/', token: 'dev-u-ana', fetch });
      const messages: unknown[] = [];
      let opened = 0;
      const subscription = transport.connect({ userId: 'u-ana', since: 41, onOpen: () => opened++ }).subscribe((m) => messages.push(m));
      await until(() => seen.length === 1, 'the request');
      expect(seen[0]!.url.pathname).to.equal('/api/stream');
      expect(seen[0]!.url.searchParams.get('since')).to.equal('41');
      expect(seen[0]!.headers.get('authorization')).to.equal('Bearer dev-u-ana');
      await until(() => bodies.length > 0 && opened === 1, 'the body, and onOpen: the server accepted the stream');
      const body = bodies[0]!;
      const bytes = new TextEncoder().encode(
        'id: 42\ndata: {"kind":"event","seq":42,"text":"Zoé ✓"}\n\n: ping\n\n' +
          'data: {"kind":"presence","presence":{}}\n\nid: 43\ndata: not json\n\n',
      );
      // One byte at a time: splits "é" and "✓" inside their UTF-8 sequences.
      for (const byte of bytes) body.write(new Uint8Array([byte]));
      await until(() => messages.length === 3, 'three messages');
      expect(messages).to.deep.equal([
        { kind: 'event', seq: 42, text: 'Zoé ✓' },
        { kind: 'presence', presence: {} },
        'not json', // left as text: the store reports it as malformed and drops it
      ]);
      subscription.unsubscribe();
    });

    it('leaves since out of a first connection', async () => {
      const { fetch, seen } = fakeFetch((request) => streamed(request.signal).response);
      const transport = new HttpTransport({ baseUrl: 'http://server.test/prefix', token: 't', fetch });
      const subscription = transport.connect({ userId: 'u-ana' }).subscribe();
      await until(() => seen.length === 1, 'the request');
      expect(seen[0]!.url.pathname).to.equal('/prefix/api/stream');
      expect(seen[0]!.url.searchParams.has('since')).to.equal(false);
      subscription.unsubscribe();
    });

    it('aborts the request when unsubscribed, and emits nothing after', async () => {
      const bodies: ReturnType<typeof streamed>[] = [];
      const { fetch, seen } = fakeFetch((request) => {
        bodies.push(streamed(request.signal));
        return bodies[bodies.length - 1]!.response;
      });
      const transport = new HttpTransport({ baseUrl: 'http://server.test', token: 't', fetch });
      const messages: unknown[] = [];
      let failure: unknown = null;
      const subscription = transport.connect({ userId: 'u-ana' }).subscribe({
        next: (m) => messages.push(m),
        error: (e: unknown) => (failure = e),
      });
      await until(() => bodies.length > 0, 'the body');
      const body = bodies[0]!;
      body.write('data: 1\n\n');
      await until(() => messages.length === 1, 'one message');
      subscription.unsubscribe();
      expect(seen[0]!.signal?.aborted).to.equal(true);
      await wait(20);
      expect(messages).to.deep.equal([1]);
      expect(failure).to.equal(null);
    });

    it('errors the Observable when the stream ends or the server refuses it', async () => {
      const bodies: ReturnType<typeof streamed>[] = [];
      const { fetch } = fakeFetch((request) => {
        if (request.headers.get('authorization') !== 'Bearer good') return json(401, { error: 'unauthorized', reason: 'unknown token' });
        bodies.push(streamed(request.signal));
        return bodies[0]!.response;
      });
      let ended: unknown = null;
      new HttpTransport({ baseUrl: 'http://server.test', token: 'good', fetch })
        .connect({ userId: 'u-ana' })
        .subscribe({ error: (e: unknown) => (ended = e) });
      await until(() => bodies.length > 0, 'the body');
      const body = bodies[0]!;
      body.write('data: 1\n\n');
      body.close();
      await until(() => ended !== null, 'the error');
      expect(ended).to.be.instanceOf(HttpError);

      let refused: unknown = null;
      new HttpTransport({ baseUrl: 'http://server.test', token: 'bad', fetch })
        .connect({ userId: 'u-ana' })
        .subscribe({ error: (e: unknown) => (refused = e) });
      await until(() => refused !== null, 'the refusal');
      expect((refused as HttpError).status).to.equal(401);
      expect((refused as HttpError).message).to.contain('unknown token');
    });

    it('errors when the network fails, and when the stream goes silent past idleTimeout', async () => {
      const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
      let failure: unknown = null;
      new HttpTransport({ baseUrl: 'http://server.test', token: 't', fetch })
        .connect({ userId: 'u-ana' })
        .subscribe({ error: (e: unknown) => (failure = e) });
      await until(() => failure !== null, 'the failure');
      expect((failure as HttpError).retryable).to.equal(true);

      const silent = fakeFetch((request) => streamed(request.signal).response);
      let dropped: unknown = null;
      new HttpTransport({ baseUrl: 'http://server.test', token: 't', fetch: silent.fetch, idleTimeout: 50 })
        .connect({ userId: 'u-ana' })
        .subscribe({ error: (e: unknown) => (dropped = e) });
      await until(() => dropped !== null, 'the idle drop');
      expect(String(dropped)).to.contain('silent');
    });

    it('with reconnect, resumes inside the transport from the last id', async () => {
      const bodies: ReturnType<typeof streamed>[] = [];
      const { fetch, seen } = fakeFetch((request) => {
        const body = streamed(request.signal);
        bodies.push(body);
        return body.response;
      });
      const transport = new HttpTransport({
        baseUrl: 'http://server.test',
        token: 't',
        fetch,
        reconnect: { initialDelay: 5, maxDelay: 20 },
      });
      const messages: unknown[] = [];
      let failure: unknown = null;
      const subscription = transport.connect({ userId: 'u-ana' }).subscribe({
        next: (m) => messages.push(m),
        error: (e: unknown) => (failure = e),
      });
      await until(() => bodies.length === 1, 'the first stream');
      bodies[0]!.write('id: 5\ndata: {"seq":5}\n\n');
      bodies[0]!.close();
      await until(() => bodies.length === 2, 'the second stream');
      expect(seen[1]!.url.searchParams.get('since')).to.equal('5');
      bodies[1]!.write('id: 6\ndata: {"seq":6}\n\n');
      await until(() => messages.length === 2, 'the resumed event');
      expect(messages).to.deep.equal([{ seq: 5 }, { seq: 6 }]);
      expect(failure).to.equal(null);
      subscription.unsubscribe();
    });
  });

  describe('send', () => {
    it('POSTs the command as JSON and resolves with the acknowledgement', async () => {
      const { fetch, seen } = fakeFetch(() => json(200, { commandId: 'cmd-1', ok: true, seq: 9 }));
      const transport = new HttpTransport({ baseUrl: 'http://server.test', token: 'dev-u-ana', fetch });
      expect(await transport.send(command(), 'u-ana')).to.deep.equal({ commandId: 'cmd-1', ok: true, seq: 9 });
      expect(seen[0]!.method).to.equal('POST');
      expect(seen[0]!.url.pathname).to.equal('/api/commands');
      expect(seen[0]!.headers.get('content-type')).to.equal('application/json');
      expect(seen[0]!.headers.get('authorization')).to.equal('Bearer dev-u-ana');
      expect(JSON.parse(seen[0]!.body!)).to.deep.equal(command());
    });

    it('resolves with a 4xx acknowledgement: the refusal is the verdict', async () => {
      const refusal = { commandId: 'cmd-1', ok: false, refusal: { code: 'conflict', reason: 'already done' } };
      const { fetch } = fakeFetch(() => json(409, refusal));
      const transport = new HttpTransport({ baseUrl: 'http://server.test', token: 't', fetch });
      expect(await transport.send(command(), 'u-ana')).to.deep.equal(refusal);
    });

    it('turns another 4xx (401, 413) into a refusal of the command, not a retry', async () => {
      const { fetch } = fakeFetch((request) =>
        request.headers.get('authorization') === 'Bearer big'
          ? new Response('Payload Too Large', { status: 413 })
          : json(401, { error: 'unauthorized', reason: 'missing or unknown token' }),
      );
      const unauthorized = await new HttpTransport({ baseUrl: 'http://server.test', token: 'bad', fetch }).send(command(), 'u-ana');
      expect(unauthorized).to.deep.equal({
        commandId: 'cmd-1',
        ok: false,
        refusal: { code: 'forbidden', reason: 'missing or unknown token' },
      });
      const big = await new HttpTransport({ baseUrl: 'http://server.test', token: 'big', fetch }).send(command(), 'u-ana');
      expect(big).to.deep.include({ ok: false, refusal: { code: 'invalid', reason: 'Payload Too Large' } });
      // Without a command id there is nothing to acknowledge.
      let rejected: unknown = null;
      await new HttpTransport({ baseUrl: 'http://server.test', token: 'bad', fetch })
        .send({ type: 'markDone' } as unknown as Command, 'u-ana')
        .catch((e: unknown) => (rejected = e));
      expect((rejected as HttpError).status).to.equal(401);
    });

    it('rejects for 5xx, 429, 503 and network failures, so that the store resends', async () => {
      for (const status of [500, 502, 503, 429]) {
        const { fetch } = fakeFetch(() => json(status, { error: 'busy', reason: 'try later' }));
        let error: unknown = null;
        await new HttpTransport({ baseUrl: 'http://server.test', token: 't', fetch }).send(command(), 'u-ana').catch((e: unknown) => (error = e));
        expect(error, String(status)).to.be.instanceOf(HttpError);
        expect((error as HttpError).retryable).to.equal(true);
        expect((error as HttpError).status).to.equal(status);
      }
      const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
      let error: unknown = null;
      await new HttpTransport({ baseUrl: 'http://server.test', token: 't', fetch }).send(command(), 'u-ana').catch((e: unknown) => (error = e));
      expect((error as HttpError).retryable).to.equal(true);
      expect(String(error)).to.contain('Failed to fetch');
    });

    it('never sends one id twice at the same time, but sends it again once answered', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const { fetch, seen } = fakeFetch(async (request) => {
        await gate;
        const sent = JSON.parse(request.body!) as Command;
        return json(200, { commandId: sent.id, ok: true, seq: 3 });
      });
      const transport = new HttpTransport({ baseUrl: 'http://server.test', token: 't', fetch });
      const both = Promise.all([transport.send(command(), 'u-ana'), transport.send(command(), 'u-ana'), transport.send(command('cmd-2'), 'u-ana')]);
      await wait(5);
      expect(seen).to.have.length(2);
      release();
      const [a, b, c] = await both;
      expect(a).to.deep.equal(b);
      expect(c).to.deep.include({ commandId: 'cmd-2' });
      await transport.send(command(), 'u-ana');
      expect(seen).to.have.length(3);
    });
  });

  describe('timeline and presence', () => {
    it('GETs a page with before and limit, and rejects a 404', async () => {
      const page = { conversationId: 'c 1', items: [], hasMore: false };
      const { fetch, seen } = fakeFetch((request) =>
        request.url.pathname.includes('hidden') ? json(404, { error: 'not-found', reason: 'no such conversation' }) : json(200, page),
      );
      const transport = new HttpTransport({ baseUrl: 'http://server.test', token: 't', fetch });
      expect(await transport.timeline({ conversationId: 'c 1', before: 'i-9', limit: 20 }, 'u-ana')).to.deep.equal(page);
      expect(seen[0]!.url.pathname).to.equal('/api/conversations/c%201/timeline');
      expect(seen[0]!.url.searchParams.get('before')).to.equal('i-9');
      expect(seen[0]!.url.searchParams.get('limit')).to.equal('20');
      let error: unknown = null;
      await transport.timeline({ conversationId: 'hidden', limit: 20 }, 'u-ana').catch((e: unknown) => (error = e));
      expect((error as HttpError).status).to.equal(404);
    });

    it('POSTs presence', async () => {
      const { fetch, seen } = fakeFetch(() => new Response(null, { status: 204 }));
      await new HttpTransport({ baseUrl: 'http://server.test', token: 't', fetch }).presence('c-1', true);
      expect(seen[0]!.url.pathname).to.equal('/api/presence');
      expect(JSON.parse(seen[0]!.body!)).to.deep.equal({ conversationId: 'c-1', typing: true });
    });
  });
});

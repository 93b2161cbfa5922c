import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Test helpers: the real server as a child process on a loopback port
 * (`--port 0`), and a Server-Sent Events reader over fetch.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export class ServerProcess {
  readonly output: string[] = [];

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {}

  /** Starts `server/main.ts --test` (or `--dev`) on a free port and waits until it listens. */
  static start(dbPath: string, extra: readonly string[] = [], mode: '--test' | '--dev' = '--test'): Promise<ServerProcess> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts', '--port', '0', '--db', dbPath, mode, '--tick-seconds', '0', ...extra],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const output: string[] = [];
    return new Promise((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the server did not start in 15 s:\n${text}`));
      }, 15_000);
      child.stdout.setEncoding('utf8');
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => output.push(chunk));
      child.stdout.on('data', (chunk: string) => {
        output.push(chunk);
        text += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(text);
        // The token list follows the URL line; wait for its end.
        if (match?.[1] && text.includes('dev-<userId>')) {
          clearTimeout(timer);
          const server = new ServerProcess(child, match[1]);
          server.output.push(...output);
          child.stdout.on('data', (more: string) => server.output.push(more));
          resolve(server);
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code}) before listening:\n${output.join('')}`));
      });
    });
  }

  get startText(): string {
    return this.output.join('');
  }

  /** kill -9: no chance to flush or close anything. */
  kill9(): Promise<void> {
    return this.#stop('SIGKILL');
  }

  stop(): Promise<void> {
    return this.#stop('SIGTERM');
  }

  #stop(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill(signal);
    });
  }

  async request(
    method: string,
    path: string,
    options: {
      token?: string | null | undefined;
      body?: string | object | undefined;
      headers?: Record<string, string> | undefined;
    } = {},
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? 'dev-u-ana' : options.token;
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const response = await fetch(`${this.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // left as text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  async seq(): Promise<number> {
    const health = await this.request('GET', '/api/health', { token: null });
    return (health.body as { seq: number }).seq;
  }

  /** Opens `userId`'s stream (dev token). */
  stream(userId: string, since?: number, epoch?: string): EventStream {
    const query = since === undefined ? '' : `?since=${since}${epoch === undefined ? '' : `&epoch=${encodeURIComponent(epoch)}`}`;
    return new EventStream(`${this.url}/api/stream${query}`, `dev-${userId}`);
  }
}

export interface StreamFrame {
  readonly id: string | null;
  readonly data: unknown;
}

/** Reads a text/event-stream with fetch (as HttpTransport does), keeping every frame. */
export class EventStream {
  readonly frames: StreamFrame[] = [];
  readonly #abort = new AbortController();
  ended = false;
  status = 0;

  constructor(url: string, token: string) {
    void this.#read(url, token);
  }

  async #read(url: string, token: string): Promise<void> {
    try {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal: this.#abort.signal });
      this.status = response.status;
      if (!response.body) return;
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          let id: string | null = null;
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) id = line.slice(4);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length > 0) this.frames.push({ id, data: JSON.parse(data.join('\n')) });
        }
      }
    } catch {
      // aborted or cut
    } finally {
      this.ended = true;
    }
  }

  get messages(): { kind: string; seq?: number; [key: string]: unknown }[] {
    return this.frames.map((frame) => frame.data as { kind: string; seq?: number });
  }

  async waitFor(condition: () => boolean, what: string, ms = 5000): Promise<void> {
    const until = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close(): void {
    this.#abort.abort();
  }
}

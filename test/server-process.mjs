/* global fetch */
/**
 * The reference server as a child process, for the browser tests' plugin
 * (test/server-plugin.mjs) and the Node benchmarks (bench/run.mjs): a free
 * loopback port chosen once, so that a restart comes back on the same
 * port and database; kill -9; and loopback aliases (127.0.0.2, ...) that
 * forward to it, because Chromium opens at most 6 connections per host and
 * a test with many open event streams needs more.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const HOST = '127.0.0.1';

/** A port free on the loopback interface right now. */
export function freePort(host = HOST) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The PostgreSQL server test databases are made on (trust auth on loopback here and in CI). */
const PG_ADMIN_URL = process.env.INBOX_TEST_PG ?? 'postgres://127.0.0.1:5432/postgres';

/** Runs `sql` on the admin database, as PGUSER or the user this process runs as. */
async function pgAdmin(sql) {
  const { default: pg } = await import('pg');
  const url = new URL(PG_ADMIN_URL);
  if (url.username === '') url.username = process.env.PGUSER ?? userInfo().username;
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL} (${error.message}); the PostgreSQL tests need it.`, { cause: error });
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export class ServerProcess {
  /** @type {import('node:child_process').ChildProcess | null} */
  #child = null;
  #output = [];
  #aliases = [];
  #dir;

  /** Drops the PostgreSQL database this server was given, if any. */
  #dropDatabase = null;

  /**
   * @param {{ port: number, args?: string[], aliases?: number, storage?: 'sqlite' | 'postgres' }} options
   *   args: extra server arguments; aliases: how many extra loopback addresses forward to the server;
   *   storage: a temporary SQLite file (default) or a new PostgreSQL database, dropped by stop().
   */
  constructor({ port, args = [], aliases = 0, storage = 'sqlite' }) {
    this.storage = storage;
    this.port = port;
    this.args = args;
    this.aliasCount = aliases;
    this.#dir = mkdtempSync(join(tmpdir(), 'inbox-server-'));
    this.db = join(this.#dir, 'inbox.db');
    this.baseUrl = `http://${HOST}:${port}`;
    /** The base URL and its aliases; each is a separate host to the browser. */
    this.baseUrls = [this.baseUrl];
  }

  static async start(options = {}) {
    const server = new ServerProcess({ ...options, port: options.port ?? (await freePort()) });
    try {
      if (server.storage === 'postgres') await server.#createDatabase();
      await server.#startAliases();
      await server.start();
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  /** A database of its own, with a random name: the server's --db. */
  async #createDatabase() {
    const name = `inbox_test_${randomBytes(6).toString('hex')}`;
    await pgAdmin(`CREATE DATABASE ${name}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    this.db = url.toString();
    this.#dropDatabase = () => pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }

  get running() {
    return this.#child !== null && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  get output() {
    return this.#output.join('');
  }

  /** Spawns the server (on the same port and database as before) and waits for /api/health. */
  async start(timeoutMs = 30_000) {
    if (this.running) throw new Error('the server is already running');
    this.#output = [];
    const child = spawn(
      process.execPath,
      // The limits are lifted (the reliability tests and benchmarks storm one user); server/server.test.ts holds them.
      ['--import', 'tsx', 'server/main.ts', '--port', String(this.port), '--host', HOST, '--db', this.db, '--test', '--tick-seconds', '0',
        '--rate', '0', '--streams-per-user', '10000', ...this.args],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.#child = child;
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        this.#output.push(chunk);
        if (this.#output.length > 200) this.#output.splice(0, 100);
      });
    }
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) {
        // What it printed last may arrive after its exit.
        await pause(200);
        throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${this.output}`);
      }
      try {
        const response = await fetch(`${this.baseUrl}/api/health`);
        if (response.ok) {
          const health = await response.json();
          return { baseUrl: this.baseUrl, baseUrls: this.baseUrls, seq: health.seq, pid: child.pid };
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > until) {
        child.kill('SIGKILL');
        throw new Error(`the server was not ready within ${timeoutMs} ms:\n${this.output}`);
      }
      await pause(50);
    }
  }

  /** Ends the process with `signal` and waits for its exit. */
  async #end(signal) {
    const child = this.#child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    const timer = signal === 'SIGKILL' ? null : setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    if (timer) clearTimeout(timer);
  }

  /** kill -9: no chance to flush or close anything. */
  kill() {
    return this.#end('SIGKILL');
  }

  async restart() {
    await this.kill();
    return this.start();
  }

  /** Stops the server (SIGTERM), closes the aliases and deletes the database (file or PostgreSQL database). */
  async stop() {
    await this.#end('SIGTERM');
    await Promise.all(this.#aliases.map((alias) => new Promise((resolve) => alias.close(resolve))));
    for (const alias of this.#aliases) for (const socket of alias.sockets) socket.destroy();
    this.#aliases = [];
    rmSync(this.#dir, { recursive: true, force: true });
    const drop = this.#dropDatabase;
    this.#dropDatabase = null;
    await drop?.();
  }

  /** 127.0.0.2.. on the same port, each forwarding every connection to the server. */
  async #startAliases() {
    for (let i = 0; i < this.aliasCount; i++) {
      const host = `127.0.0.${i + 2}`;
      const sockets = new Set();
      const alias = createServer((socket) => {
        const upstream = connect(this.port, HOST);
        sockets.add(socket);
        sockets.add(upstream);
        const close = () => {
          socket.destroy();
          upstream.destroy();
          sockets.delete(socket);
          sockets.delete(upstream);
        };
        socket.on('error', close).on('close', close);
        upstream.on('error', close).on('close', close);
        socket.pipe(upstream);
        upstream.pipe(socket);
      });
      alias.sockets = sockets;
      await new Promise((resolve, reject) => {
        alias.once('error', reject);
        alias.listen(this.port, host, resolve);
      });
      this.#aliases.push(alias);
      this.baseUrls.push(`http://${host}:${this.port}`);
    }
  }
}

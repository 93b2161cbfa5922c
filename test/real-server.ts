/**
 * The browser side of test/server-plugin.mjs: the real reference server,
 * started by a test, and its test-only endpoints (--test).
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { Command } from '../src/model/commands.js';
import { DEMO_USER_IDS } from '../src/backend/demo-data.js';
import { HttpTransport, type HttpTransportOptions } from '../src/transport/http/http-transport.js';
import type { CommandAck } from '../src/transport/transport.js';

export interface StartOptions {
  /** Extra server arguments, e.g. ['--seed-conversations', '200']. */
  readonly args?: readonly string[];
  /** Loopback aliases (127.0.0.2, ...) forwarding to the server: Chromium opens 6 connections per host. */
  readonly aliases?: number;
  /** A temporary SQLite file (default) or a new PostgreSQL database (127.0.0.1:5432), removed at stop. */
  readonly storage?: 'sqlite' | 'postgres';
}

export class RealServer {
  private constructor(
    readonly id: string,
    readonly baseUrl: string,
    /** baseUrl and its aliases: separate hosts to the browser, one server behind. */
    readonly baseUrls: readonly string[],
  ) {}

  static async start(options: StartOptions = {}): Promise<RealServer> {
    const started = await executeServerCommand<{ id: string; baseUrl: string; baseUrls: string[] }, StartOptions>('server:start', options);
    return new RealServer(started.id, started.baseUrl, started.baseUrls);
  }

  /** A transport for `userId` (dev token), on the n-th host alias. */
  transport(userId: string, n = 0, options: Partial<HttpTransportOptions> = {}): HttpTransport {
    return new HttpTransport({ baseUrl: this.baseUrls[n % this.baseUrls.length]!, token: `dev-${userId}`, ...options });
  }

  async kill(): Promise<void> {
    await executeServerCommand('server:kill', { id: this.id });
  }

  async restart(): Promise<void> {
    await executeServerCommand('server:restart', { id: this.id });
  }

  async stop(): Promise<void> {
    await executeServerCommand('server:stop', { id: this.id });
  }

  /** Applies a system command (receiveMessage, receiveCall, tick) as the outside world. */
  async inject(command: Command): Promise<CommandAck> {
    const response = await fetch(`${this.baseUrl}/api/test/inject`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-system', 'Content-Type': 'application/json' },
      body: JSON.stringify(command),
    });
    return (await response.json()) as CommandAck;
  }

  /** Closes every open stream on the server side. */
  async drop(): Promise<void> {
    await fetch(`${this.baseUrl}/api/test/drop`, { method: 'POST', headers: { Authorization: 'Bearer test-system' } });
  }

  async seq(): Promise<number> {
    const response = await fetch(`${this.baseUrl}/api/health`);
    return ((await response.json()) as { seq: number }).seq;
  }
}

export const USERS = {
  owner: DEMO_USER_IDS.owner,
  manager: DEMO_USER_IDS.manager,
  agentAll: DEMO_USER_IDS.agentAll,
  agentTeam: DEMO_USER_IDS.agentTeam,
  agentSelf: DEMO_USER_IDS.agentSelf,
} as const;

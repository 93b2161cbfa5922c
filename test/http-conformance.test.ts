import type { Command } from '../src/model/commands.js';
import { runTransportTests } from '../src/transport/conformance.js';
import type { Transport } from '../src/transport/transport.js';
import { RealServer, USERS } from './real-server.js';

/**
 * The acceptance suite every transport passes, for HttpTransport against
 * the real reference server (server/), started once per storage with a
 * fresh database (SQLite, then PostgreSQL: issue 13's tiers pass the same
 * tests): every test makes the conversations it needs.
 */
const servers: Promise<RealServer>[] = [];

after(async () => {
  for (const server of servers) await (await server).stop();
});

function onServer(name: string, storage: 'sqlite' | 'postgres'): void {
  let server: Promise<RealServer> | null = null;
  runTransportTests(name, async () => {
    if (!server) servers.push((server = RealServer.start({ args: ['--seed-conversations', '200'], aliases: 2, storage })));
    const real = await server;
    const transports = new Map<string, Transport>();
    let n = 0;
    return {
      // One transport per user, each on its own host alias (Chromium's 6 connections per host).
      transportFor: (userId) => {
        let transport = transports.get(userId);
        if (!transport) transports.set(userId, (transport = real.transport(userId, n++)));
        return transport;
      },
      inject: async (command: Command) => {
        const ack = await real.inject(command);
        if (!ack.ok) throw new Error(`inject ${command.type}: ${ack.refusal.reason}`);
      },
      userIds: { owner: USERS.owner, agentAll: USERS.agentAll, agentTeam: USERS.agentTeam, agentSelf: USERS.agentSelf },
      cleanup: () => Promise.resolve(),
    };
  });
}

onServer('HttpTransport on the reference server', 'sqlite');
onServer('HttpTransport on the reference server on PostgreSQL', 'postgres');

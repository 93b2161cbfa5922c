/**
 * A web-test-runner plugin that lets browser tests drive the real reference
 * server (server/) through `executeServerCommand` of @web/test-runner-commands:
 *
 *   server:start   { args?, aliases?, storage? } -> { id, baseUrl, baseUrls, seq }  spawns it with --test on a
 *                  free loopback port and a fresh temporary database (storage 'sqlite', the default, or
 *                  'postgres': a new PostgreSQL database, dropped at stop), waits for /api/health
 *   server:kill    { id }  kill -9
 *   server:restart { id }  -> { baseUrl, ... }  kill -9 if running, then start again, same port and database
 *   server:stop    { id }  SIGTERM, then deletes the database
 *
 * Servers a test leaves running are stopped when the test runner stops.
 */
import { ServerProcess } from './server-process.mjs';

export function serverPlugin() {
  /** @type {Map<string, ServerProcess>} */
  const servers = new Map();
  let next = 0;
  const find = (payload) => {
    const server = servers.get(String(payload?.id));
    if (!server) throw new Error(`no test server with id ${JSON.stringify(payload?.id)}`);
    return server;
  };
  return {
    name: 'inbox-test-server',
    async executeCommand({ command, payload }) {
      switch (command) {
        case 'server:start': {
          const server = await ServerProcess.start({ args: payload?.args ?? [], aliases: payload?.aliases ?? 0, storage: payload?.storage ?? 'sqlite' });
          const id = `s${++next}`;
          servers.set(id, server);
          return { id, baseUrl: server.baseUrl, baseUrls: server.baseUrls, port: server.port };
        }
        case 'server:kill':
          await find(payload).kill();
          return true;
        case 'server:restart':
          return find(payload).restart();
        case 'server:stop': {
          const server = servers.get(String(payload?.id));
          servers.delete(String(payload?.id));
          await server?.stop();
          return true;
        }
        default:
          return undefined;
      }
    },
    async serverStop() {
      await Promise.all([...servers.values()].map((server) => server.stop()));
      servers.clear();
    },
  };
}

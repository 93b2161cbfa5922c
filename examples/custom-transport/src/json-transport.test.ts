// The library's acceptance suite for the host's transport, under node:test.
import { describe, it, beforeEach, afterEach } from 'node:test';
import { DEMO_USER_IDS, type Command } from 'inbox-elements';
import { runTransportTests } from 'inbox-elements/testing';
import { JsonServer } from './server.js';
import { JsonTransport } from './json-transport.js';

runTransportTests(
  'JsonTransport (JSON messages to a MemoryBackend)',
  () => {
    const server = new JsonServer();
    const transport = new JsonTransport(server);
    return Promise.resolve({
      transportFor: () => transport,
      inject: (command: Command) => {
        const ack = server.inject(command);
        return ack.ok ? Promise.resolve() : Promise.reject(new Error(`inject ${command.type}: ${ack.refusal.reason}`));
      },
      userIds: {
        owner: DEMO_USER_IDS.owner,
        agentAll: DEMO_USER_IDS.agentAll,
        agentTeam: DEMO_USER_IDS.agentTeam,
        agentSelf: DEMO_USER_IDS.agentSelf,
      },
      cleanup: () => Promise.resolve(),
    });
  },
  { describe, it, beforeEach, afterEach },
);

import { InboxStore } from '../src/store/inbox-store.js';
import { HttpTransport } from '../src/transport/http/http-transport.js';
import { DEMO_USER_IDS } from '../src/backend/demo-data.js';
import { MemoryTransport } from '../src/transport/memory/memory-transport.js';
import type { Transport } from '../src/transport/transport.js';

/**
 * The demo's store, chosen by the page's URL so two windows can be two
 * agents: `?transport=http&user=u-tom` (the reference server that `npm
 * start` runs, through Vite's /api proxy) or `?transport=memory` (the
 * in-page backend, with simulated traffic).
 */
export type DemoTransport = 'http' | 'memory';

export interface DemoSettings {
  readonly transport: DemoTransport;
  readonly userId: string;
  readonly lang: 'en' | 'fr' | 'es';
}

export const DEMO_USERS = [
  { id: DEMO_USER_IDS.owner, label: 'Ana · owner' },
  { id: DEMO_USER_IDS.manager, label: 'Marc · manager' },
  { id: DEMO_USER_IDS.agentAll, label: 'Léa · agent (all)' },
  { id: DEMO_USER_IDS.agentTeam, label: 'Tom · agent (team)' },
  { id: DEMO_USER_IDS.agentSelf, label: 'Sam · agent (self)' },
] as const;

export function demoSettings(search: string = location.search): DemoSettings {
  const params = new URLSearchParams(search);
  const user = params.get('user');
  const lang = params.get('lang');
  return {
    transport: params.get('transport') === 'memory' ? 'memory' : 'http',
    userId: DEMO_USERS.some((u) => u.id === user) ? user! : DEMO_USER_IDS.owner,
    lang: lang === 'fr' || lang === 'es' ? lang : 'en',
  };
}

/** The URL for other settings, keeping the inbox's own state in the query string. */
export function demoUrl(change: Partial<DemoSettings>): string {
  const params = new URLSearchParams(location.search);
  const next = { ...demoSettings(), ...change };
  params.set('transport', next.transport);
  params.set('user', next.userId);
  params.set('lang', next.lang);
  return `?${params.toString()}`;
}

export function demoStore(settings: DemoSettings): InboxStore {
  const transport: Transport =
    settings.transport === 'memory'
      ? new MemoryTransport({ demo: true, conversations: 3000, traffic: 0.5 })
      : // --dev tokens: the reference server started by `npm start` accepts dev-<userId>.
        new HttpTransport({ baseUrl: location.origin, token: `dev-${settings.userId}` });
  return new InboxStore({ transport, userId: settings.userId });
}

import type { Observer } from 'rxjs';
import { parseTeamStats } from '../protocol/stats-schema.js';
import type { StatsRequest, TeamStats, Transport } from '../transport/transport.js';
import type { InboxStore, StoreError } from './inbox-store.js';

/** Raised when the store's transport counts no team stats (a host's own transport may not). */
export class NoTeamStatsError extends Error {
  constructor() {
    super('This transport counts no team stats');
    this.name = 'NoTeamStatsError';
  }
}

/**
 * The store's side of team stats (R28), loaded on demand by
 * `InboxStore.teamStats`: asks the transport as the store's user, checks the
 * answer (protocol/stats-schema.ts) and reports a malformed one on the
 * store's `errors$` before rejecting with it. A refusal (a range too long, a
 * team that does not exist) rejects with the transport's error.
 */
export async function askTeamStats(
  store: InboxStore,
  transport: Transport,
  errors: Pick<Observer<StoreError>, 'next'>,
  request: StatsRequest,
): Promise<TeamStats> {
  if (!transport.teamStats) throw new NoTeamStatsError();
  const parsed = parseTeamStats(await transport.teamStats(request, store.userId));
  if (!parsed.ok) {
    errors.next({ kind: 'protocol', message: parsed.error.message });
    throw parsed.error;
  }
  return parsed.value;
}

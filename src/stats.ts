/**
 * Team stats (R28) in the public API: `<inbox-stats>` and the pure figures of
 * model/stats.ts, for hosts and backends that count them themselves.
 * index.ts re-exports them; the script-tag bundle loads them on demand
 * (loadStatsElements()). No side effects.
 */
export { InboxStats, STATS_RANGES, formatDuration, type StatsRange } from './elements/inbox-stats/inbox-stats.js';
export {
  teamStats,
  checkStatsRequest,
  completionRate,
  rangeOfDays,
  MAX_STATS_DAYS,
  type StatsInput,
  type StatsRequest,
  type TeamStats,
  type Durations,
  type Completion,
  type VolumeBucket,
} from './model/stats.js';

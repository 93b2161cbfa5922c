import * as v from 'valibot';
import type { TeamStats } from '../model/stats.js';
import { check, Count, Id, ShortText, Time, type Assert, type Mutable, type Parsed, type Same } from './protocol.js';

/**
 * The answer to a team stats request (R28, model/stats.ts), checked before
 * use like every message from a transport: a malformed one is a reported
 * error, never figures on screen. Its own module, loaded with `<inbox-stats>`:
 * a page without the stats never loads it.
 */

const Duration = v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0)));
const DurationsSchema = v.object({ count: Count, median: Duration, p90: Duration });
const bucket = <K extends v.GenericSchema>(key: K) => v.array(v.object({ key, count: Count }));
const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));

export const TeamStatsSchema = v.pipe(
  v.object({
    from: Time,
    to: Time,
    timeZone: ShortText,
    teamId: v.nullable(Id),
    firstResponse: DurationsSchema,
    unreadAnswer: DurationsSchema,
    completion: v.pipe(
      v.object({ done: Count, total: Count }),
      v.check((c) => c.done <= c.total, 'more conversations done than counted'),
    ),
    volume: v.object({
      total: Count,
      byChannel: bucket(Id),
      byAgent: bucket(v.nullable(Id)),
      byDay: v.pipe(bucket(Day), v.maxLength(400)),
    }),
    backlog: Count,
  }),
  v.check((s) => s.from < s.to, '"to" before "from"'),
);

export function parseTeamStats(input: unknown): Parsed<TeamStats> {
  return check(TeamStatsSchema, input, 'team stats');
}

export type StatsTypeChecks = Assert<Same<v.InferOutput<typeof TeamStatsSchema>, Mutable<TeamStats>>>;

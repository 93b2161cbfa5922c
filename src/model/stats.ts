import type { Conversation, Id, Millis, TimelineItem } from './types.js';

/**
 * R28 team stats, as pure functions over conversations and their timelines.
 * R14 is the caller's: it passes only the conversations the user may see
 * (MemoryBackend.stats uses permissions.ts's visibilityFilter), so an agent
 * with visibility `self` gets the figures of their own conversations only.
 * Spam and trashed conversations are no team's work and are left out.
 *
 * Definitions, over the range [from, to):
 * - An **inbound** is a message or a call from the contact. An **agent
 *   response** is an outbound message sent by a person (not a bot; comments
 *   and notes are internal and never count), an outbound call by a person, or
 *   an inbound call a person answered (at the moment it was answered).
 * - **First response time**: a New period starts at an inbound while the
 *   conversation is not already waiting for the team; it ends at the next
 *   agent response (one sample: the time between), or without a sample when
 *   the conversation is moved to Waiting by hand (R5) or marked done. Only
 *   periods that start in the range count; a response after `to` still
 *   answers its period, an unanswered one adds no sample.
 * - **Time to answer unread**: an unread period starts when the conversation
 *   becomes unread (an inbound, R1, or Mark unread, R4) and ends at the next
 *   agent response (one sample), or without a sample when it is marked done
 *   (R3 clears unread). Periods that start in the range count.
 * - **Completion rate**: conversations marked done in the range over those
 *   open at `from` plus those opened (created or reopened) in the range; each
 *   conversation counts once.
 * - **Volume**: conversations with at least one inbound in the range, by
 *   channel, by the person they are assigned to (null: nobody or a bot) and
 *   by the day (in `timeZone`) of their first inbound in the range, so that
 *   each breakdown sums to the total. Days with none are listed with 0.
 * - **Open backlog**: conversations open at `to` (or now, if sooner).
 * Durations are milliseconds, summarised by count, median and 90th
 * percentile, both by the nearest-rank method (of 4 sorted values the median
 * is the 2nd, the 90th percentile the 4th).
 */

export const MAX_STATS_DAYS = 366;
const DAY = 86_400_000;

export interface StatsRequest {
  readonly from: Millis;
  readonly to: Millis;
  /** IANA time zone of the "by day" buckets, e.g. `Europe/Paris`. */
  readonly timeZone: string;
  /** Only the conversations of this team (their team inbox). */
  readonly teamId?: Id | null | undefined;
}

export interface Durations {
  readonly count: number;
  readonly median: number | null;
  readonly p90: number | null;
}

export interface Completion {
  readonly done: number;
  readonly total: number;
}

export interface VolumeBucket<K> {
  readonly key: K;
  readonly count: number;
}

export interface TeamStats {
  readonly from: Millis;
  readonly to: Millis;
  readonly timeZone: string;
  readonly teamId: Id | null;
  readonly firstResponse: Durations;
  readonly unreadAnswer: Durations;
  readonly completion: Completion;
  readonly volume: {
    readonly total: number;
    readonly byChannel: readonly VolumeBucket<Id>[];
    readonly byAgent: readonly VolumeBucket<Id | null>[];
    /** `YYYY-MM-DD` in the request's time zone, in order, every day of the range. */
    readonly byDay: readonly VolumeBucket<string>[];
  };
  readonly backlog: number;
}

export interface StatsInput {
  readonly conversations: Iterable<Conversation>;
  /** The conversation's whole timeline, in time order. */
  readonly timelineOf: (conversationId: Id) => readonly TimelineItem[];
  /** Whether an id is a person's (a user's), as opposed to a bot's. */
  readonly isAgent: (id: Id) => boolean;
  /** The backend's clock: the backlog is counted at min(to, now). */
  readonly now: Millis;
}

/** Why a request cannot be answered, or null when it can. */
export function checkStatsRequest(request: StatsRequest): string | null {
  const { from, to, timeZone } = request;
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0) return '"from" and "to" must be times in milliseconds.';
  if (to <= from) return '"to" must come after "from".';
  if (to - from > MAX_STATS_DAYS * DAY) return `A range is at most ${MAX_STATS_DAYS} days.`;
  if (!isTimeZone(timeZone)) return `"${timeZone.slice(0, 60)}" is not a time zone.`;
  return null;
}

export function isTimeZone(timeZone: string): boolean {
  if (timeZone === '' || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The nearest-rank percentile `p` (0 < p ≤ 1) of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

export function summarize(values: readonly number[]): Durations {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, median: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
}

/** Done over total, or null when no conversation was open in the range. */
export function completionRate(completion: Completion): number | null {
  return completion.total === 0 ? null : completion.done / completion.total;
}

/** A day key `YYYY-MM-DD` of `at` in `timeZone`. */
export function dayFormatter(timeZone: string): (at: Millis) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (at) => {
    const parts = format.formatToParts(at);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  };
}

/** Every day of [from, to) in `timeZone`, in order. */
export function daysOf(from: Millis, to: Millis, dayOf: (at: Millis) => string): string[] {
  const days: string[] = [];
  // Steps of 6 hours never jump a day, whatever the time zone's shifts.
  for (let at = from; at < to; at += DAY / 4) {
    const day = dayOf(at);
    if (days[days.length - 1] !== day) days.push(day);
  }
  const last = dayOf(to - 1);
  if (days[days.length - 1] !== last) days.push(last);
  return days;
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a day key `YYYY-MM-DD` of a real date. */
export function isDayKey(text: string): boolean {
  const m = DAY_KEY.exec(text);
  if (!m) return false;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return at.toISOString().slice(0, 10) === text;
}

/** The day `count` days after `day` (before, when negative), as a key. */
export function addDays(day: string, count: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + count)).toISOString().slice(0, 10);
}

/** The zone's offset from UTC at `at`, in milliseconds: its wall clock read as UTC, minus `at`. */
function offsetAt(at: Millis, timeZone: string): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(parts['year']!, parts['month']! - 1, parts['day'], parts['hour'], parts['minute'], parts['second']);
  return wall - Math.floor(at / 1000) * 1000;
}

/** The time at which `day` (a key) begins in `timeZone`. */
export function startOfDay(day: string, timeZone: string): Millis {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - offsetAt(guess, timeZone);
  // Across a change of offset that night, the offset at the guess is not the one at midnight.
  return guess - offsetAt(first, timeZone);
}

/** The range of the days `first` to `last` (keys, both included) in `timeZone`. */
export function rangeOfDays(first: string, last: string, timeZone: string): { from: Millis; to: Millis } {
  return { from: startOfDay(first, timeZone), to: startOfDay(addDays(last, 1), timeZone) };
}

interface Moment {
  readonly at: Millis;
  readonly kind: 'inbound' | 'response' | 'unread' | 'waiting' | 'done' | 'reopened';
}

/** What a timeline says, for the stats, in time order. */
function momentsOf(items: readonly TimelineItem[], isAgent: (id: Id) => boolean): Moment[] {
  const moments: Moment[] = [];
  for (const item of items) {
    switch (item.type) {
      case 'message':
        if (item.direction === 'in') moments.push({ at: item.at, kind: 'inbound' });
        else if (isAgent(item.senderId)) moments.push({ at: item.at, kind: 'response' });
        break;
      case 'call':
        if (item.direction === 'in') {
          moments.push({ at: item.at, kind: 'inbound' });
          if (item.answeredAt !== undefined && item.agentId !== null && isAgent(item.agentId)) {
            moments.push({ at: item.answeredAt, kind: 'response' });
          }
        } else if (item.agentId !== null && isAgent(item.agentId)) moments.push({ at: item.at, kind: 'response' });
        break;
      case 'event':
        if (item.kind === 'unread' || item.kind === 'waiting' || item.kind === 'done' || item.kind === 'reopened') {
          moments.push({ at: item.at, kind: item.kind });
        }
        break;
      default:
        break; // comments and notes are internal: never a response
    }
  }
  // An answered call's response may come after later items; the sort is stable.
  return moments.sort((a, b) => a.at - b.at);
}

interface ConversationFigures {
  readonly firstResponses: readonly number[];
  readonly unreadAnswers: readonly number[];
  /** Open at `from`, or opened (created or reopened) in the range. */
  readonly counted: boolean;
  readonly doneInRange: boolean;
  readonly openAtEnd: boolean;
  /** Its first inbound in the range. */
  readonly firstInbound: Millis | null;
}

function figuresOf(conversation: Conversation, moments: readonly Moment[], from: Millis, to: Millis, end: Millis): ConversationFigures {
  const inRange = (at: Millis) => at >= from && at < to;
  const firstResponses: number[] = [];
  const unreadAnswers: number[] = [];
  let firstInbound: Millis | null = null;
  // The status through time: open at creation; done, reopened and an inbound on a done one (R1) move it.
  const transitions: { at: Millis; open: boolean }[] = [{ at: conversation.createdAt, open: true }];
  const setOpen = (at: Millis, open: boolean) => {
    if (transitions[transitions.length - 1]!.open !== open) transitions.push({ at, open });
  };
  let newSince: Millis | null = null;
  let unreadSince: Millis | null = null;
  let sawDone = false;
  for (const { at, kind } of moments) {
    switch (kind) {
      case 'inbound':
        if (firstInbound === null && inRange(at)) firstInbound = at;
        newSince ??= at;
        unreadSince ??= at;
        setOpen(at, true);
        break;
      case 'response':
        if (newSince !== null && inRange(newSince)) firstResponses.push(at - newSince);
        if (unreadSince !== null && inRange(unreadSince)) unreadAnswers.push(at - unreadSince);
        newSince = null;
        unreadSince = null;
        break;
      case 'unread':
        unreadSince ??= at;
        break;
      case 'waiting':
        newSince = null;
        break;
      case 'reopened':
        setOpen(at, true);
        break;
      case 'done':
        sawDone = true;
        newSince = null;
        unreadSince = null;
        setOpen(at, false);
        break;
    }
  }
  // A history without its done event (an imported conversation): its own fields say when.
  if (!sawDone && conversation.status === 'done' && conversation.doneAt !== null) setOpen(conversation.doneAt, false);
  /** Open just before `at` (false before it existed). */
  const openBefore = (at: Millis) => {
    let open = false;
    for (const t of transitions) if (t.at < at) open = t.open;
    return open;
  };
  const counted = openBefore(from) || transitions.some((t) => t.open && inRange(t.at));
  return {
    firstResponses,
    unreadAnswers,
    counted,
    doneInRange: transitions.some((t) => !t.open && inRange(t.at)),
    openAtEnd: openBefore(end),
    firstInbound,
  };
}

/** Sorted by count, most first, then by key (null last). */
function buckets<K extends string | null>(counts: ReadonlyMap<K, number>): VolumeBucket<K>[] {
  const rank = (key: K) => (key === null ? '\uffff' : key);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (rank(a.key) < rank(b.key) ? -1 : 1));
}

/**
 * The team stats of `input`'s conversations for `request` (R28; see the
 * definitions above). The request must pass checkStatsRequest.
 */
export function teamStats(input: StatsInput, request: StatsRequest): TeamStats {
  const { from, to, timeZone } = request;
  const teamId = request.teamId ?? null;
  const dayOf = dayFormatter(timeZone);
  const days = daysOf(from, to, dayOf);
  const end = Math.min(to, input.now);
  const firstResponses: number[] = [];
  const unreadAnswers: number[] = [];
  const byChannel = new Map<Id, number>();
  const byAgent = new Map<Id | null, number>();
  const byDay = new Map<string, number>(days.map((day) => [day, 0]));
  let total = 0;
  let done = 0;
  let counted = 0;
  let backlog = 0;
  for (const conversation of input.conversations) {
    if (conversation.spam || conversation.trashedAt !== null) continue;
    if (teamId !== null && conversation.teamId !== teamId) continue;
    if (conversation.createdAt >= to) continue;
    const figures = figuresOf(conversation, momentsOf(input.timelineOf(conversation.id), input.isAgent), from, to, end);
    firstResponses.push(...figures.firstResponses);
    unreadAnswers.push(...figures.unreadAnswers);
    if (figures.counted) {
      counted++;
      if (figures.doneInRange) done++;
    }
    if (figures.openAtEnd) backlog++;
    if (figures.firstInbound !== null) {
      total++;
      byChannel.set(conversation.channelId, (byChannel.get(conversation.channelId) ?? 0) + 1);
      const agent = conversation.assignee?.type === 'user' ? conversation.assignee.id : null;
      byAgent.set(agent, (byAgent.get(agent) ?? 0) + 1);
      const day = dayOf(figures.firstInbound);
      byDay.set(day, (byDay.get(day) ?? 0) + 1);
    }
  }
  return {
    from,
    to,
    timeZone,
    teamId,
    firstResponse: summarize(firstResponses),
    unreadAnswer: summarize(unreadAnswers),
    completion: { done, total: counted },
    volume: {
      total,
      byChannel: buckets(byChannel),
      byAgent: buckets(byAgent),
      byDay: [...byDay].map(([key, count]) => ({ key, count })),
    },
    backlog,
  };
}

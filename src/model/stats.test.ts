import { expect } from '@open-wc/testing';
import { DAY, HOUR, MINUTE, makeContact, makeConversation, makeState, makeUser } from './fixtures.js';
import { cmd, run } from './rules.testing.js';
import {
  addDays,
  checkStatsRequest,
  isDayKey,
  rangeOfDays,
  startOfDay,
  completionRate,
  dayFormatter,
  daysOf,
  percentile,
  summarize,
  teamStats,
  type StatsInput,
  type StatsRequest,
} from './stats.js';
import type { Conversation, Id, InboxState, TimelineItem } from './types.js';

// Monday 2026-12-07 00:00 UTC: the range is that week, Monday to Monday.
const FROM = Date.UTC(2026, 11, 7);
const TO = FROM + 7 * DAY;
const UTC: StatsRequest = { from: FROM, to: TO, timeZone: 'UTC' };

let n = 0;
const inbound = (conversationId: Id, at: number): TimelineItem => ({
  id: `i-${++n}`, conversationId, at, type: 'message', direction: 'in', channelKind: 'sms', senderId: 'k-1', body: 'hi', attachments: [],
});
const reply = (conversationId: Id, at: number, senderId: Id = 'u-ana'): TimelineItem => ({
  id: `i-${++n}`, conversationId, at, type: 'message', direction: 'out', channelKind: 'sms', senderId, body: 'hello', attachments: [],
});
const event = (conversationId: Id, at: number, kind: 'done' | 'reopened' | 'unread' | 'waiting'): TimelineItem => ({
  id: `i-${++n}`, conversationId, at, type: 'event', kind, actorId: 'u-ana',
});
const comment = (conversationId: Id, at: number): TimelineItem => ({
  id: `i-${++n}`, conversationId, at, type: 'comment', authorId: 'u-ana', body: 'fyi', mentions: [],
});
const note = (conversationId: Id, at: number, messageId: Id): TimelineItem => ({
  id: `i-${++n}`, conversationId, at, type: 'note', messageId, authorId: 'u-ana', body: 'n', editedAt: null,
});

const AGENTS = new Set(['u-ana', 'u-lea']);

function input(entries: readonly [Conversation, readonly TimelineItem[]][], now = TO + DAY): StatsInput {
  const timelines = new Map(entries.map(([c, items]) => [c.id, items]));
  return {
    conversations: entries.map(([c]) => c),
    timelineOf: (id) => timelines.get(id) ?? [],
    isAgent: (id) => AGENTS.has(id),
    now,
  };
}

const conv = (id: Id, createdAt: number, extra: Partial<Conversation> = {}) => makeConversation({ id, createdAt, ...extra });

describe('team stats (model/stats.ts)', () => {
  describe('summaries', () => {
    it('R28 median and p90 by the nearest rank: of 4 values the 2nd and the 4th', () => {
      expect(summarize([40, 10, 30, 20])).to.deep.equal({ count: 4, median: 20, p90: 40 });
    });

    it('R28 of 10 values the median is the 5th and p90 the 9th; of one value both are it; of none, null', () => {
      expect(summarize([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).to.deep.equal({ count: 10, median: 5, p90: 9 });
      expect(summarize([7])).to.deep.equal({ count: 1, median: 7, p90: 7 });
      expect(summarize([])).to.deep.equal({ count: 0, median: null, p90: null });
      expect(percentile([1, 2, 3], 0.5)).to.equal(2);
    });

    it('R28 the completion rate is done over total, null when nothing was open', () => {
      expect(completionRate({ done: 3, total: 4 })).to.equal(0.75);
      expect(completionRate({ done: 0, total: 0 })).to.equal(null);
    });
  });

  describe('first response time', () => {
    it('R28 runs from the inbound to the first agent reply; later messages of the same New period do not restart it', () => {
      const a = conv('a', FROM);
      const t = input([[a, [inbound('a', FROM + HOUR), inbound('a', FROM + HOUR + 5 * MINUTE), reply('a', FROM + HOUR + 20 * MINUTE), reply('a', FROM + 2 * HOUR)]]]);
      expect(teamStats(t, UTC).firstResponse).to.deep.equal({ count: 1, median: 20 * MINUTE, p90: 20 * MINUTE });
    });

    it('R28 each New period gives one sample: an inbound after a reply starts the next', () => {
      const a = conv('a', FROM);
      const items = [inbound('a', FROM + HOUR), reply('a', FROM + HOUR + 10 * MINUTE), inbound('a', FROM + 3 * HOUR), reply('a', FROM + 3 * HOUR + 30 * MINUTE)];
      expect(teamStats(input([[a, items]]), UTC).firstResponse).to.deep.equal({ count: 2, median: 10 * MINUTE, p90: 30 * MINUTE });
    });

    it('R28 a bot\'s reply, an internal comment and a note are not a response', () => {
      const a = conv('a', FROM);
      const first = inbound('a', FROM + HOUR);
      const items = [first, reply('a', FROM + HOUR + MINUTE, 'bot-1'), comment('a', FROM + HOUR + 2 * MINUTE), note('a', FROM + HOUR + 3 * MINUTE, first.id), reply('a', FROM + HOUR + 45 * MINUTE, 'u-lea')];
      expect(teamStats(input([[a, items]]), UTC).firstResponse).to.deep.equal({ count: 1, median: 45 * MINUTE, p90: 45 * MINUTE });
    });

    it('R28 a period moved to Waiting by hand, or marked done, without a reply adds no sample', () => {
      const a = conv('a', FROM);
      const b = conv('b', FROM);
      const t = input([
        [a, [inbound('a', FROM + HOUR), event('a', FROM + 2 * HOUR, 'waiting'), reply('a', FROM + 3 * HOUR)]],
        [b, [inbound('b', FROM + HOUR), event('b', FROM + 2 * HOUR, 'done'), reply('b', FROM + 3 * HOUR)]],
      ]);
      expect(teamStats(t, UTC).firstResponse.count).to.equal(0);
    });

    it('R28 only periods that start in the range count; a reply after `to` still answers one that did; an unanswered one adds nothing', () => {
      const before = conv('before', FROM - DAY);
      const late = conv('late', FROM);
      const open = conv('open', FROM);
      const t = input([
        [before, [inbound('before', FROM - HOUR), reply('before', FROM + HOUR)]],
        [late, [inbound('late', TO - HOUR), reply('late', TO + HOUR)]],
        [open, [inbound('open', FROM + HOUR)]],
      ]);
      expect(teamStats(t, UTC).firstResponse).to.deep.equal({ count: 1, median: 2 * HOUR, p90: 2 * HOUR });
    });

    it('R28 an inbound call a person answered is answered when they picked up; a call they placed is a response', () => {
      const a = conv('a', FROM);
      const b = conv('b', FROM);
      const call = (conversationId: Id, at: number, direction: 'in' | 'out', answeredAt?: number): TimelineItem => ({
        id: `i-${++n}`, conversationId, at, type: 'call', direction, state: 'ended', duration: 60, agentId: 'u-ana', recording: false, answeredAt,
      });
      const t = input([
        [a, [call('a', FROM + HOUR, 'in', FROM + HOUR + 30_000)]],
        [b, [inbound('b', FROM + HOUR), call('b', FROM + HOUR + 15 * MINUTE, 'out')]],
      ]);
      expect(teamStats(t, UTC).firstResponse).to.deep.equal({ count: 2, median: 30_000, p90: 15 * MINUTE });
    });
  });

  describe('time to answer unread', () => {
    it('R28 runs from becoming unread (an inbound, or Mark unread) to the next agent reply', () => {
      const a = conv('a', FROM);
      const items = [
        inbound('a', FROM + HOUR),
        reply('a', FROM + HOUR + 10 * MINUTE),
        event('a', FROM + 2 * HOUR, 'unread'),
        reply('a', FROM + 2 * HOUR + 50 * MINUTE),
      ];
      const stats = teamStats(input([[a, items]]), UTC);
      expect(stats.unreadAnswer).to.deep.equal({ count: 2, median: 10 * MINUTE, p90: 50 * MINUTE });
      expect(stats.firstResponse.count).to.equal(1, 'Mark unread starts no New period');
    });

    it('R28 a Waiting move does not end an unread period; done does', () => {
      const a = conv('a', FROM);
      const b = conv('b', FROM);
      const t = input([
        [a, [inbound('a', FROM + HOUR), event('a', FROM + 2 * HOUR, 'waiting'), reply('a', FROM + 3 * HOUR)]],
        [b, [event('b', FROM + HOUR, 'unread'), event('b', FROM + 2 * HOUR, 'done'), reply('b', FROM + 3 * HOUR)]],
      ]);
      expect(teamStats(t, UTC).unreadAnswer).to.deep.equal({ count: 1, median: 2 * HOUR, p90: 2 * HOUR });
    });
  });

  describe('completion rate', () => {
    it('R28 done in the range over open at its start plus opened in it, each conversation once', () => {
      const openBefore = conv('open-before', FROM - DAY); // open at `from`, done in range: 1/1
      const createdIn = conv('created-in', FROM + DAY); // opened in range, still open: 0/1
      const doneBefore = conv('done-before', FROM - 2 * DAY); // done before the range: not counted
      const reopened = conv('reopened', FROM - 2 * DAY); // done before, reopened and done again in range: 1/1
      const after = conv('after', TO + HOUR); // created after the range: not counted
      const t = input([
        [openBefore, [event('open-before', FROM + HOUR, 'done')]],
        [createdIn, [inbound('created-in', FROM + DAY)]],
        [doneBefore, [event('done-before', FROM - DAY, 'done')]],
        [reopened, [event('reopened', FROM - DAY, 'done'), inbound('reopened', FROM + HOUR), event('reopened', FROM + 2 * HOUR, 'done'), event('reopened', FROM + 3 * HOUR, 'reopened'), event('reopened', FROM + 4 * HOUR, 'done')]],
        [after, [inbound('after', TO + HOUR)]],
      ]);
      expect(teamStats(t, UTC).completion).to.deep.equal({ done: 2, total: 3 });
    });

    it('R28 a conversation done at exactly `from` was open at its start and done in it; one done at `to` is done after it', () => {
      const a = conv('a', FROM - DAY);
      const b = conv('b', FROM - DAY);
      const t = input([
        [a, [event('a', FROM, 'done')]],
        [b, [event('b', TO, 'done')]],
      ]);
      expect(teamStats(t, UTC).completion).to.deep.equal({ done: 1, total: 2 });
    });

    it('R28 a done conversation whose history has no done event is done at its doneAt', () => {
      const a = conv('a', FROM - DAY, { status: 'done', doneAt: FROM + HOUR });
      expect(teamStats(input([[a, []]]), UTC).completion).to.deep.equal({ done: 1, total: 1 });
    });
  });

  describe('volume and backlog', () => {
    it('R28 inbound conversations by channel, by assignee and by day, each summing to the total', () => {
      const a = conv('a', FROM, { channelId: 'ch-sms', assignee: { type: 'user', id: 'u-ana' } });
      const b = conv('b', FROM, { channelId: 'ch-email', assignee: { type: 'user', id: 'u-ana' } });
      const c = conv('c', FROM, { channelId: 'ch-sms', assignee: { type: 'bot', id: 'bot-1' } });
      const d = conv('d', FROM, { channelId: 'ch-sms', assignee: null });
      const quiet = conv('quiet', FROM, { channelId: 'ch-email' }); // outbound only: no volume
      const t = input([
        [a, [inbound('a', FROM + HOUR), inbound('a', FROM + DAY + HOUR)]],
        [b, [inbound('b', FROM + DAY + HOUR)]],
        [c, [inbound('c', FROM - HOUR), inbound('c', FROM + 2 * DAY)]],
        [d, [inbound('d', FROM + 6 * DAY + 23 * HOUR)]],
        [quiet, [reply('quiet', FROM + HOUR)]],
      ]);
      const { volume } = teamStats(t, UTC);
      expect(volume.total).to.equal(4);
      expect(volume.byChannel).to.deep.equal([{ key: 'ch-sms', count: 3 }, { key: 'ch-email', count: 1 }]);
      expect(volume.byAgent).to.deep.equal([{ key: 'u-ana', count: 2 }, { key: null, count: 2 }]);
      expect(volume.byDay.map((d) => d.count)).to.deep.equal([1, 1, 1, 0, 0, 0, 1]);
      expect(volume.byDay[0]!.key).to.equal('2026-12-07');
      expect(volume.byDay[6]!.key).to.equal('2026-12-13');
    });

    it('R28 days are the time zone\'s: 23:30 UTC is the next day in Paris, and the range\'s days are Paris\'s', () => {
      const parisFrom = Date.UTC(2026, 11, 6, 23); // Monday 7 December, 00:00 in Paris
      const a = conv('a', parisFrom);
      const t = input([[a, [inbound('a', Date.UTC(2026, 11, 7, 23, 30))]]]);
      const byDay = teamStats(t, { from: parisFrom, to: parisFrom + 3 * DAY, timeZone: 'Europe/Paris' }).volume.byDay;
      expect(byDay).to.deep.equal([
        { key: '2026-12-07', count: 0 },
        { key: '2026-12-08', count: 1 },
        { key: '2026-12-09', count: 0 },
      ]);
    });

    it('R28 the days of a range across a daylight-saving change are each listed once', () => {
      const from = Date.UTC(2026, 9, 24, 22); // 25 October 2026, 00:00 in Paris (CEST); clocks go back that night
      const to = Date.UTC(2026, 9, 27, 23); // 28 October, 00:00 (CET)
      expect(daysOf(from, to, dayFormatter('Europe/Paris'))).to.deep.equal(['2026-10-25', '2026-10-26', '2026-10-27']);
    });

    it('R28 the backlog is what is open at `to`, or now when sooner', () => {
      const open = conv('open', FROM - DAY);
      const doneIn = conv('done-in', FROM - DAY);
      const doneAfter = conv('done-after', FROM - DAY);
      const later = conv('later', TO + HOUR);
      const entries: [Conversation, TimelineItem[]][] = [
        [open, []],
        [doneIn, [event('done-in', FROM + HOUR, 'done')]],
        [doneAfter, [event('done-after', TO + HOUR, 'done')]],
        [later, []],
      ];
      expect(teamStats(input(entries), UTC).backlog).to.equal(2);
      expect(teamStats(input(entries, FROM + 2 * HOUR), UTC).backlog).to.equal(2, 'now, in the range');
      expect(teamStats(input(entries, FROM - 2 * DAY), UTC).backlog).to.equal(0, 'nothing existed yet');
    });
  });

  describe('days', () => {
    it('R28 a day begins at its midnight in the time zone, daylight-saving changes included', () => {
      expect(startOfDay('2026-12-07', 'UTC')).to.equal(FROM);
      expect(startOfDay('2026-12-07', 'Europe/Paris')).to.equal(Date.UTC(2026, 11, 6, 23));
      expect(startOfDay('2026-10-25', 'Europe/Paris')).to.equal(Date.UTC(2026, 9, 24, 22), 'CEST until 03:00 that day');
      expect(startOfDay('2026-10-26', 'Europe/Paris')).to.equal(Date.UTC(2026, 9, 25, 23), 'CET');
      expect(startOfDay('2026-03-08', 'America/New_York')).to.equal(Date.UTC(2026, 2, 8, 5), 'EST until 02:00 that day');
      expect(startOfDay('2026-03-09', 'America/New_York')).to.equal(Date.UTC(2026, 2, 9, 4), 'EDT');
    });

    it('R28 a range of days includes both ends; keys are checked and counted across months', () => {
      expect(rangeOfDays('2026-12-07', '2026-12-13', 'UTC')).to.deep.equal({ from: FROM, to: TO });
      expect(addDays('2026-12-30', 3)).to.equal('2027-01-02');
      expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
      expect(isDayKey('2026-02-28')).to.equal(true);
      expect(isDayKey('2026-02-30')).to.equal(false);
      expect(isDayKey('7 Dec')).to.equal(false);
    });
  });

  describe('what counts', () => {
    it('R28 spam and trashed conversations are left out; a team keeps only its own', () => {
      const a = conv('a', FROM, { teamId: 't-support' });
      const b = conv('b', FROM, { teamId: 't-sales' });
      const spam = conv('spam', FROM, { teamId: 't-support', spam: true });
      const trashed = conv('trashed', FROM, { teamId: 't-support', trashedAt: FROM + HOUR });
      const t = input([
        [a, [inbound('a', FROM + HOUR)]],
        [b, [inbound('b', FROM + HOUR)]],
        [spam, [inbound('spam', FROM + HOUR)]],
        [trashed, [inbound('trashed', FROM + HOUR)]],
      ]);
      expect(teamStats(t, UTC).volume.total).to.equal(2);
      const team = teamStats(t, { ...UTC, teamId: 't-support' });
      expect(team.volume.total).to.equal(1);
      expect(team.teamId).to.equal('t-support');
      expect(team.backlog).to.equal(1);
    });

    it('R28 requests: to after from, at most 366 days, a real time zone', () => {
      expect(checkStatsRequest(UTC)).to.equal(null);
      expect(checkStatsRequest({ ...UTC, to: FROM })).to.match(/after/);
      expect(checkStatsRequest({ ...UTC, to: FROM + 367 * DAY })).to.match(/366/);
      expect(checkStatsRequest({ ...UTC, timeZone: 'Mars/Olympus' })).to.match(/time zone/);
      expect(checkStatsRequest({ ...UTC, from: Number.NaN })).to.match(/milliseconds/);
    });

    it('R28 over the timelines the rules write: an inbound (R1), a reply (R2), done (R3)', () => {
      const t0 = FROM + HOUR;
      let s: InboxState = makeState({
        users: [makeUser({ id: 'u-ana' })],
        contacts: [makeContact({ id: 'k-1' })],
        conversations: [makeConversation({ id: 'a', createdAt: FROM - DAY, assignee: { type: 'user', id: 'u-ana' } })],
      });
      const system = (now: number) => ({ actorId: null, now });
      const ana = (now: number) => ({ actorId: 'u-ana', now });
      s = run(s, cmd('receiveMessage', { conversationId: 'a', itemId: 'm-1', contactId: 'k-1', channelId: 'ch-sms', body: 'Hello?' }), system(t0));
      s = run(s, cmd('reply', { conversationId: 'a', itemId: 'm-2', body: 'Hi!' }), ana(t0 + 12 * MINUTE));
      s = run(s, cmd('markDone', { ids: ['a'] }), ana(t0 + 20 * MINUTE));
      const stats = teamStats(
        { conversations: s.conversations.values(), timelineOf: (id) => s.timelines.get(id) ?? [], isAgent: (id) => s.users.has(id), now: TO },
        UTC,
      );
      expect(stats.firstResponse).to.deep.equal({ count: 1, median: 12 * MINUTE, p90: 12 * MINUTE });
      expect(stats.unreadAnswer.median).to.equal(12 * MINUTE);
      expect(stats.completion).to.deep.equal({ done: 1, total: 1 });
      expect(stats.volume.byAgent).to.deep.equal([{ key: 'u-ana', count: 1 }]);
      expect(stats.backlog).to.equal(0);
    });
  });
});

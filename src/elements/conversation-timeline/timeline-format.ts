import { msg, str } from '@lit/localize';
import type { Locale } from '../../i18n/localization.js';
import type { Bot, CallItem, EventItem, Id, Team, User } from '../../model/types.js';
import { priorityLabel } from '../shared/priority.js';
import { PRIORITIES, type Priority } from '../../model/types.js';

/** Who the timeline can name: users, bots and teams of the store. */
export interface People {
  readonly users: ReadonlyMap<Id, User>;
  readonly bots: ReadonlyMap<Id, Bot>;
  readonly teams: ReadonlyMap<Id, Team>;
}

const dateTimes = new Map<string, Intl.DateTimeFormat>();
const numbers = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** A date and time in the reader's locale ("12 Nov 2026, 14:05"). */
export function formatTime(at: number, locale: Locale): string {
  return cached(dateTimes, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(at);
}

/** The time of day alone ("14:05", "2:05 PM"): items show it under the day's heading. */
export function formatClock(at: number, locale: Locale): string {
  return cached(dateTimes, `${locale}|clock`, () => new Intl.DateTimeFormat(locale, { timeStyle: 'short' })).format(at);
}

/** A day's heading: "Tue, Dec 3", with the year when it is not this year's. */
export function formatDay(at: number, locale: Locale, now = Date.now()): string {
  const thisYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return cached(dateTimes, `${locale}|day|${String(thisYear)}`, () =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', ...(thisYear ? {} : { year: 'numeric' }) }),
  ).format(at);
}

/** A key that changes with the calendar day (local time). */
export const dayKey = (at: number): number => {
  const d = new Date(at);
  return d.getFullYear() * 400 + d.getMonth() * 32 + d.getDate();
};

function unit(locale: Locale, name: string, value: number, digits = 0): string {
  return cached(
    numbers,
    `${locale}|${name}|${digits}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits }),
  ).format(value);
}

/** A call's length: "45 sec", "4 min 5 sec", "1 hr 2 min" in the reader's locale. */
export function formatDuration(seconds: number, locale: Locale): string {
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (hours > 0) return [unit(locale, 'hour', hours), minutes > 0 ? unit(locale, 'minute', minutes) : ''].filter(Boolean).join(' ');
  if (minutes > 0) return [unit(locale, 'minute', minutes), rest > 0 ? unit(locale, 'second', rest) : ''].filter(Boolean).join(' ');
  return unit(locale, 'second', rest);
}

/** A file size: "820 byte", "12.5 kB", "3.1 MB". */
export function formatSize(bytes: number, locale: Locale): string {
  if (bytes < 1000) return unit(locale, 'byte', bytes);
  if (bytes < 1_000_000) return unit(locale, 'kilobyte', bytes / 1000, 1);
  return unit(locale, 'megabyte', bytes / 1_000_000, 1);
}

/** A user's or bot's name; the id when neither is known. */
export function personName(people: People, id: Id): string {
  return people.users.get(id)?.name ?? people.bots.get(id)?.name ?? id;
}

/** Who took or placed a call, when someone did. */
export function callAgent(call: CallItem, people: People): string | null {
  if (!call.agentId) return null;
  const name = personName(people, call.agentId);
  return call.direction === 'in'
    ? msg(str`Answered by ${name}`, { id: 'timeline.call.answeredBy' })
    : msg(str`Placed by ${name}`, { id: 'timeline.call.placedBy' });
}

/**
 * Who did something, as an event line names them: "you" for the current
 * user, a first name when no other user shares it ("Léa"), a bot's whole
 * name; null for the system.
 */
export interface Actor {
  readonly id: Id;
  readonly you: boolean;
  readonly name: string;
}

/** A user's first name when it is theirs alone among the users; else their whole name (and a bot's). */
export function shortName(people: People, id: Id): string {
  const user = people.users.get(id);
  if (!user) return personName(people, id);
  const first = user.name.split(/\s+/)[0] ?? user.name;
  for (const other of people.users.values()) {
    if (other.id !== id && other.name.split(/\s+/)[0] === first) return user.name;
  }
  return first;
}

const actorOf = (people: People, id: Id | null, userId: Id): Actor | null =>
  id === null ? null : { id, you: id === userId, name: shortName(people, id) };

/** "vip and refund": a list of labels in the reader's language. */
function labelList(list: readonly string[], locale: Locale): string {
  try {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(list);
  } catch {
    return list.join(', ');
  }
}

/** The sentence for someone, for you, or for the system (`system`, else the inbox as the someone). */
function said(actor: Actor | null, other: (who: string) => string, you: () => string, system?: () => string): string {
  if (actor === null) return system ? system() : other(msg('The inbox', { id: 'timeline.ev.inbox' }));
  return actor.you ? you() : other(actor.name);
}

function assignment(actor: Actor | null, detail: string | undefined, people: People, userId: Id): string {
  if (detail === 'unassigned') {
    return said(actor, (who) => msg(str`${who} unassigned it`, { id: 'timeline.ev.unassigned' }), () => msg('You unassigned it', { id: 'timeline.ev.unassigned.you' }));
  }
  if (detail === 'team:none') {
    return said(actor, (who) => msg(str`${who} removed its team`, { id: 'timeline.ev.teamNone' }), () => msg('You removed its team', { id: 'timeline.ev.teamNone.you' }));
  }
  const [type, ...rest] = (detail ?? '').split(':');
  const id = rest.join(':');
  if (type === 'team' && id) {
    const team = people.teams.get(id)?.name ?? id;
    return said(
      actor,
      (who) => msg(str`${who} moved it to the team ${team}`, { id: 'timeline.ev.team' }),
      () => msg(str`You moved it to the team ${team}`, { id: 'timeline.ev.team.you' }),
      () => msg(str`Moved to the team ${team}`, { id: 'timeline.ev.team.system' }),
    );
  }
  if ((type === 'user' || type === 'bot') && id) {
    const target = shortName(people, id);
    const toYou = id === userId;
    // Someone took it: assigned it to themselves.
    if (actor?.id === id) {
      return actor.you
        ? msg('You took the conversation', { id: 'timeline.ev.took.you' })
        : msg(str`${actor.name} took the conversation`, { id: 'timeline.ev.took' });
    }
    if (actor === null) {
      return toYou ? msg('Assigned to you', { id: 'timeline.ev.assignedYou.system' }) : msg(str`Assigned to ${target}`, { id: 'timeline.ev.assigned.system' });
    }
    if (actor.you) return msg(str`You assigned it to ${target}`, { id: 'timeline.ev.assigned.you' });
    const who = actor.name;
    return toYou
      ? msg(str`${who} assigned it to you`, { id: 'timeline.ev.assignedYou' })
      : msg(str`${who} assigned it to ${target}`, { id: 'timeline.ev.assigned' });
  }
  return said(actor, (who) => msg(str`${who} changed the assignment`, { id: 'timeline.ev.assignment' }), () => msg('You changed the assignment', { id: 'timeline.ev.assignment.you' }));
}

function snoozed(actor: Actor | null, detail: string | undefined, locale: Locale): string {
  if (detail === 'next-message') {
    return said(
      actor,
      (who) => msg(str`${who} snoozed it until the contact’s next message`, { id: 'timeline.ev.snoozedNext' }),
      () => msg('You snoozed it until the contact’s next message', { id: 'timeline.ev.snoozedNext.you' }),
    );
  }
  const until = Number(detail);
  if (detail && Number.isFinite(until)) {
    const time = formatTime(until, locale);
    return said(
      actor,
      (who) => msg(str`${who} snoozed it until ${time}`, { id: 'timeline.ev.snoozedUntil' }),
      () => msg(str`You snoozed it until ${time}`, { id: 'timeline.ev.snoozedUntil.you' }),
    );
  }
  return said(actor, (who) => msg(str`${who} snoozed it`, { id: 'timeline.ev.snoozed' }), () => msg('You snoozed it', { id: 'timeline.ev.snoozed.you' }));
}

function labels(actor: Actor | null, detail: string | undefined, locale: Locale): string {
  const match = /^(added|removed): (.*)$/s.exec(detail ?? '');
  const names = (match?.[2] ?? '').split(', ').filter(Boolean);
  const list = labelList(names, locale);
  const many = names.length !== 1;
  if (match?.[1] === 'added') {
    return many
      ? said(actor, (who) => msg(str`${who} added the labels ${list}`, { id: 'timeline.ev.labelsAdded' }), () => msg(str`You added the labels ${list}`, { id: 'timeline.ev.labelsAdded.you' }))
      : said(actor, (who) => msg(str`${who} added the label ${list}`, { id: 'timeline.ev.labelAdded' }), () => msg(str`You added the label ${list}`, { id: 'timeline.ev.labelAdded.you' }));
  }
  if (match?.[1] === 'removed') {
    return many
      ? said(actor, (who) => msg(str`${who} removed the labels ${list}`, { id: 'timeline.ev.labelsRemoved' }), () => msg(str`You removed the labels ${list}`, { id: 'timeline.ev.labelsRemoved.you' }))
      : said(actor, (who) => msg(str`${who} removed the label ${list}`, { id: 'timeline.ev.labelRemoved' }), () => msg(str`You removed the label ${list}`, { id: 'timeline.ev.labelRemoved.you' }));
  }
  return said(actor, (who) => msg(str`${who} changed the labels`, { id: 'timeline.ev.labels' }), () => msg('You changed the labels', { id: 'timeline.ev.labels.you' }));
}

function priority(actor: Actor | null, detail: string | undefined): string {
  if ((PRIORITIES as readonly (string | undefined)[]).includes(detail)) {
    const label = priorityLabel(detail as Priority).toLocaleLowerCase();
    return said(
      actor,
      (who) => msg(str`${who} set the priority to ${label}`, { id: 'timeline.ev.priorityTo' }),
      () => msg(str`You set the priority to ${label}`, { id: 'timeline.ev.priorityTo.you' }),
    );
  }
  return said(actor, (who) => msg(str`${who} changed the priority`, { id: 'timeline.ev.priority' }), () => msg('You changed the priority', { id: 'timeline.ev.priority.you' }));
}

/**
 * A history event as one short sentence in natural language: "Léa took the
 * conversation", "You assigned it to Diego", "Marc marked it done",
 * "Assigned to you" (routing). `userId` is the reader: "you".
 */
export function eventSentence(event: EventItem, people: People, locale: Locale, userId: Id): string {
  const actor = actorOf(people, event.actorId, userId);
  switch (event.kind) {
    case 'done':
      return said(actor, (who) => msg(str`${who} marked it done`, { id: 'timeline.ev.done' }), () => msg('You marked it done', { id: 'timeline.ev.done.you' }));
    case 'reopened':
      return said(
        actor,
        (who) => msg(str`${who} reopened it`, { id: 'timeline.ev.reopened' }),
        () => msg('You reopened it', { id: 'timeline.ev.reopened.you' }),
        () => msg('Reopened', { id: 'timeline.ev.reopened.system' }),
      );
    case 'unread':
      return said(actor, (who) => msg(str`${who} marked it unread`, { id: 'timeline.ev.unread' }), () => msg('You marked it unread', { id: 'timeline.ev.unread.you' }));
    case 'waiting':
      return said(actor, (who) => msg(str`${who} moved it to Waiting`, { id: 'timeline.ev.waiting' }), () => msg('You moved it to Waiting', { id: 'timeline.ev.waiting.you' }));
    case 'assigned':
      return assignment(actor, event.detail, people, userId);
    case 'snoozed':
      return snoozed(actor, event.detail, locale);
    case 'unsnoozed':
      return said(
        actor,
        (who) => msg(str`${who} ended the snooze`, { id: 'timeline.ev.unsnoozed' }),
        () => msg('You ended the snooze', { id: 'timeline.ev.unsnoozed.you' }),
        () => msg('The snooze ended', { id: 'timeline.ev.unsnoozed.system' }),
      );
    case 'trashed':
      return said(actor, (who) => msg(str`${who} moved it to Trash`, { id: 'timeline.ev.trashed' }), () => msg('You moved it to Trash', { id: 'timeline.ev.trashed.you' }));
    case 'restored':
      return said(actor, (who) => msg(str`${who} restored it from Trash`, { id: 'timeline.ev.restored' }), () => msg('You restored it from Trash', { id: 'timeline.ev.restored.you' }));
    case 'spam':
      return event.detail === 'role-address'
        ? msg('Moved to Spam: the first e-mail came from a role address', { id: 'timeline.event.spamRole' })
        : said(actor, (who) => msg(str`${who} marked it as spam`, { id: 'timeline.ev.spam' }), () => msg('You marked it as spam', { id: 'timeline.ev.spam.you' }));
    case 'not-spam':
      return said(actor, (who) => msg(str`${who} marked it as not spam`, { id: 'timeline.ev.notSpam' }), () => msg('You marked it as not spam', { id: 'timeline.ev.notSpam.you' }));
    case 'blocked':
      return said(actor, (who) => msg(str`${who} blocked the contact`, { id: 'timeline.ev.blocked' }), () => msg('You blocked the contact', { id: 'timeline.ev.blocked.you' }));
    case 'unblocked':
      return said(actor, (who) => msg(str`${who} unblocked the contact`, { id: 'timeline.ev.unblocked' }), () => msg('You unblocked the contact', { id: 'timeline.ev.unblocked.you' }));
    case 'priority':
      return priority(actor, event.detail);
    case 'labels':
      return labels(actor, event.detail, locale);
  }
}

/** Splits a comment into text and @mentions of the users it mentions, for highlighting. */
export function mentionParts(body: string, mentioned: readonly string[]): { text: string; mention: boolean }[] {
  const names = [...new Set(mentioned.filter((name) => name.trim() !== ''))].sort((a, b) => b.length - a.length);
  if (names.length === 0) return [{ text: body, mention: false }];
  const lower = body.toLocaleLowerCase();
  const parts: { text: string; mention: boolean }[] = [];
  let from = 0;
  for (let i = body.indexOf('@'); i !== -1; i = body.indexOf('@', i + 1)) {
    if (i < from) continue;
    const name = names.find((candidate) => lower.startsWith(candidate.toLocaleLowerCase(), i + 1));
    if (!name) continue;
    if (i > from) parts.push({ text: body.slice(from, i), mention: false });
    parts.push({ text: body.slice(i, i + 1 + name.length), mention: true });
    from = i + 1 + name.length;
  }
  if (from < body.length) parts.push({ text: body.slice(from), mention: false });
  return parts;
}

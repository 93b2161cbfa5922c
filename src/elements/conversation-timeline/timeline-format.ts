import { msg, str } from '@lit/localize';
import type { Locale } from '../../i18n/localization.js';
import type { Bot, CallItem, EventItem, Id, Team, User } from '../../model/types.js';
import { priorityLabel } from '../inbox-list/row.js';
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

/** How a call went, as one line: "Incoming call · Missed". */
export function callSummary(call: CallItem): string {
  const direction =
    call.direction === 'in'
      ? msg('Incoming call', { id: 'timeline.call.in' })
      : msg('Outgoing call', { id: 'timeline.call.out' });
  return `${direction} · ${callOutcome(call)}`;
}

export function callOutcome(call: CallItem): string {
  switch (call.state) {
    case 'ringing':
      return msg('Ringing', { id: 'timeline.call.ringing' });
    case 'active':
      return msg('In progress', { id: 'timeline.call.active' });
    case 'missed':
      return msg('Missed', { id: 'timeline.call.missed' });
    case 'declined':
      return msg('Declined', { id: 'timeline.call.declined' });
    case 'ended':
      return msg('Ended', { id: 'timeline.call.ended' });
  }
}

/** Who took or placed a call, when someone did. */
export function callAgent(call: CallItem, people: People): string | null {
  if (!call.agentId) return null;
  const name = personName(people, call.agentId);
  return call.direction === 'in'
    ? msg(str`Answered by ${name}`, { id: 'timeline.call.answeredBy' })
    : msg(str`Placed by ${name}`, { id: 'timeline.call.placedBy' });
}

function assignment(who: string, detail: string | undefined, people: People): string {
  if (detail === 'unassigned') return msg(str`${who} unassigned the conversation`, { id: 'timeline.event.unassigned' });
  if (detail === 'team:none') return msg(str`${who} removed the conversation’s team`, { id: 'timeline.event.teamNone' });
  const [type, ...rest] = (detail ?? '').split(':');
  const id = rest.join(':');
  if (type === 'team' && id) {
    const team = people.teams.get(id)?.name ?? id;
    return msg(str`${who} moved the conversation to the team ${team}`, { id: 'timeline.event.team' });
  }
  if ((type === 'user' || type === 'bot') && id) {
    const name = personName(people, id);
    return msg(str`${who} assigned the conversation to ${name}`, { id: 'timeline.event.assignedTo' });
  }
  return msg(str`${who} changed the assignment`, { id: 'timeline.event.assigned' });
}

function snoozed(who: string, detail: string | undefined, locale: Locale): string {
  if (detail === 'next-message') {
    return msg(str`${who} snoozed the conversation until the contact’s next message`, { id: 'timeline.event.snoozedNext' });
  }
  const until = Number(detail);
  if (detail && Number.isFinite(until)) {
    const time = formatTime(until, locale);
    return msg(str`${who} snoozed the conversation until ${time}`, { id: 'timeline.event.snoozedUntil' });
  }
  return msg(str`${who} snoozed the conversation`, { id: 'timeline.event.snoozed' });
}

function labels(who: string, detail: string | undefined): string {
  const match = /^(added|removed): (.*)$/s.exec(detail ?? '');
  const list = match?.[2] ?? '';
  if (match?.[1] === 'added') return msg(str`${who} added the labels ${list}`, { id: 'timeline.event.labelsAdded' });
  if (match?.[1] === 'removed') return msg(str`${who} removed the labels ${list}`, { id: 'timeline.event.labelsRemoved' });
  return msg(str`${who} changed the labels`, { id: 'timeline.event.labels' });
}

function priority(who: string, detail: string | undefined): string {
  if ((PRIORITIES as readonly (string | undefined)[]).includes(detail)) {
    const label = priorityLabel(detail as Priority);
    return msg(str`${who} set the priority to ${label}`, { id: 'timeline.event.priorityTo' });
  }
  return msg(str`${who} changed the priority`, { id: 'timeline.event.priority' });
}

/** A history event as one sentence: "Léa Rousseau marked the conversation done". */
export function eventSentence(event: EventItem, people: People, locale: Locale): string {
  const who = event.actorId ? personName(people, event.actorId) : msg('The system', { id: 'timeline.event.system' });
  switch (event.kind) {
    case 'done':
      return msg(str`${who} marked the conversation done`, { id: 'timeline.event.done' });
    case 'reopened':
      return msg(str`${who} reopened the conversation`, { id: 'timeline.event.reopened' });
    case 'unread':
      return msg(str`${who} marked the conversation unread`, { id: 'timeline.event.unread' });
    case 'waiting':
      return msg(str`${who} moved the conversation to Waiting`, { id: 'timeline.event.waiting' });
    case 'assigned':
      return assignment(who, event.detail, people);
    case 'snoozed':
      return snoozed(who, event.detail, locale);
    case 'unsnoozed':
      return msg(str`${who} ended the snooze`, { id: 'timeline.event.unsnoozed' });
    case 'trashed':
      return msg(str`${who} moved the conversation to Trash`, { id: 'timeline.event.trashed' });
    case 'restored':
      return msg(str`${who} restored the conversation from Trash`, { id: 'timeline.event.restored' });
    case 'spam':
      return event.detail === 'role-address'
        ? msg('Moved to Spam: the first e-mail came from a role address', { id: 'timeline.event.spamRole' })
        : msg(str`${who} marked the conversation as spam`, { id: 'timeline.event.spam' });
    case 'not-spam':
      return msg(str`${who} marked the conversation as not spam`, { id: 'timeline.event.notSpam' });
    case 'blocked':
      return msg(str`${who} blocked the contact`, { id: 'timeline.event.blocked' });
    case 'unblocked':
      return msg(str`${who} unblocked the contact`, { id: 'timeline.event.unblocked' });
    case 'priority':
      return priority(who, event.detail);
    case 'labels':
      return labels(who, event.detail);
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

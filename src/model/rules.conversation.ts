/**
 * Rules that change the state of conversations an agent picked, one or
 * many at once (bulk is the same command): R3 to R7, R10's assignment,
 * R18 and R19. The clock (tick) is in rules.system.ts.
 */
import type { DomainEvent } from './events.js';
import {
  MINUTE,
  accept,
  assigneeKey,
  bulk,
  isBlank,
  refuse,
  without,
  type Change,
  type Refused,
  type Rule,
  type RuleInput,
} from './rules.support.js';
import { PRIORITIES, type Conversation } from './types.js';

// R3 + R12: a bot conversation no person has owned closes only after a quiet spell.
function tooEarly(input: RuleInput, conversation: Conversation): Refused | null {
  const { assignee, humanOwned, lastInboundAt } = conversation;
  if (assignee?.type !== 'bot' || humanOwned || lastInboundAt === null) return null;
  const minutes = input.state.settings.botCloseMinutes;
  const left = lastInboundAt + minutes * MINUTE - input.ctx.now;
  if (left <= 0) return null;
  return refuse(
    'too-early',
    `A bot conversation can be closed only ${minutes} minutes after the contact's last message; ` +
      `try again in ${Math.ceil(left / MINUTE)} minutes.`,
  );
}

// R3: done clears unread, and a pending snooze too, so that no timer reopens a closed conversation.
export const markDone: Rule<'markDone'> = (input) =>
  bulk(input, (c) => {
    if (c.status === 'done') return { patch: { unread: false, snoozedUntil: null } };
    return (
      tooEarly(input, c) ?? {
        patch: { status: 'done', unread: false, doneAt: input.ctx.now, snoozedUntil: null },
        notes: [{ kind: 'done' }],
      }
    );
  });

// R3
export const reopen: Rule<'reopen'> = (input) =>
  bulk(input, (c) =>
    c.status === 'open' ? { patch: {} } : { patch: { status: 'open', doneAt: null }, notes: [{ kind: 'reopened' }] },
  );

// R4: unread is one flag for the whole team.
export const markUnread: Rule<'markUnread'> = (input) =>
  bulk(input, (c) => (c.unread ? { patch: {} } : { patch: { unread: true }, notes: [{ kind: 'unread' }] }));

// R4 + R20: opening it also clears the opener's own mention.
export const markRead: Rule<'markRead'> = (input) =>
  bulk(input, (c) => ({
    patch: { unread: false, mentionsUnread: without(c.mentionsUnread, input.ctx.actorId) },
  }));

// R4: key O makes it open and read.
export const markOpen: Rule<'markOpen'> = (input) =>
  bulk(input, (c) => ({
    patch: {
      status: 'open',
      doneAt: null,
      unread: false,
      mentionsUnread: without(c.mentionsUnread, input.ctx.actorId),
    },
    notes: c.status === 'done' ? [{ kind: 'reopened' }] : [],
  }));

// R5
export const markWaiting: Rule<'markWaiting'> = (input) =>
  bulk(input, (c) =>
    c.awaiting === 'contact' ? { patch: {} } : { patch: { awaiting: 'contact' }, notes: [{ kind: 'waiting' }] },
  );

// R5, reversed (undo of markWaiting): back to New, waiting from now.
export const markNew: Rule<'markNew'> = (input) =>
  bulk(input, (c) =>
    c.awaiting === 'agent' ? { patch: {} } : { patch: { awaiting: 'agent', awaitingSince: input.ctx.now } },
  );

// R6
export const trash: Rule<'trash'> = (input) =>
  bulk(input, (c) =>
    c.trashedAt !== null ? { patch: {} } : { patch: { trashedAt: input.ctx.now }, notes: [{ kind: 'trashed' }] },
  );

// R6
export const restore: Rule<'restore'> = (input) =>
  bulk(input, (c) =>
    c.trashedAt === null ? { patch: {} } : { patch: { trashedAt: null }, notes: [{ kind: 'restored' }] },
  );

// R6: only from the Trash, and the timeline goes with it (reduce drops it).
export const deleteForever: Rule<'deleteForever'> = (input) => {
  const checked = bulk(input, (c) =>
    c.trashedAt === null
      ? refuse('conflict', `Conversation ${c.id} is not in the Trash; trash it before deleting it for good.`)
      : { patch: {} },
  );
  if (!checked.ok) return checked;
  const ids = [...new Set(input.command.args.ids)];
  return accept(ids.map((id): DomainEvent => ({ type: 'conversation.deleted', id })));
};

// R7
export const markSpam: Rule<'markSpam'> = (input) =>
  bulk(input, (c) => (c.spam ? { patch: {} } : { patch: { spam: true }, notes: [{ kind: 'spam' }] }));

// R7
export const unmarkSpam: Rule<'unmarkSpam'> = (input) =>
  bulk(input, (c) => (c.spam ? { patch: { spam: false }, notes: [{ kind: 'not-spam' }] } : { patch: {} }));

// R10
export const assign: Rule<'assign'> = (input) => {
  const { assignee } = input.command.args;
  const problem = checkAssignee(input);
  if (problem) return problem;
  return bulk(input, (c) => ({
    patch: { assignee, humanOwned: c.humanOwned || assignee?.type === 'user' },
    notes: [{ kind: 'assigned', detail: assigneeKey(assignee) }],
  }));
};

function checkAssignee(input: RuleInput<'assign'>): Refused | null {
  const { assignee } = input.command.args;
  if (assignee === null) return null;
  if (assignee.type === 'bot') {
    return input.state.bots.has(assignee.id) ? null : refuse('not-found', `Bot ${assignee.id} was not found.`);
  }
  const user = input.state.users.get(assignee.id);
  if (!user) return refuse('not-found', `User ${assignee.id} was not found.`);
  if (!user.active) return refuse('invalid', `${user.name} is deactivated and cannot be assigned conversations.`);
  return null;
}

// R10: a team inbox is assignment too.
export const setTeam: Rule<'setTeam'> = (input) => {
  const { teamId } = input.command.args;
  if (teamId !== null && !input.state.teams.has(teamId)) {
    return refuse('not-found', `Team ${teamId} was not found.`);
  }
  return bulk(input, () => ({
    patch: { teamId },
    notes: [{ kind: 'assigned', detail: teamId === null ? 'team:none' : `team:${teamId}` }],
  }));
};

// R18
export const snooze: Rule<'snooze'> = (input) => {
  const { until } = input.command.args;
  const valid = until === 'next-message' || (Number.isFinite(until) && until > input.ctx.now);
  if (!valid) return refuse('invalid', 'Snooze until a time in the future, or until the next message.');
  const detail = until === 'next-message' ? until : new Date(until).toISOString();
  return bulk(input, () => ({ patch: { snoozedUntil: until }, notes: [{ kind: 'snoozed', detail }] }));
};

// R18
export const unsnooze: Rule<'unsnooze'> = (input) =>
  bulk(input, (c) =>
    c.snoozedUntil === null ? { patch: {} } : { patch: { snoozedUntil: null }, notes: [{ kind: 'unsnoozed' }] },
  );

// R19
export const setPriority: Rule<'setPriority'> = (input) => {
  const { priority } = input.command.args;
  if (!PRIORITIES.includes(priority)) {
    return refuse('invalid', `Priority must be one of ${PRIORITIES.join(', ')}.`);
  }
  return bulk(input, () => ({ patch: { priority }, notes: [{ kind: 'priority', detail: priority }] }));
};

function checkLabels(labels: unknown): Refused | null {
  if (!Array.isArray(labels) || labels.length === 0 || labels.some(isBlank)) {
    return refuse('invalid', 'Name at least one label; a label cannot be blank.');
  }
  return null;
}

function cleanLabels(labels: readonly string[]): string[] {
  return [...new Set(labels.map((label) => label.trim()))];
}

// R19: the history names only the labels that really changed.
export const addLabels: Rule<'addLabels'> = (input) => {
  const problem = checkLabels(input.command.args.labels);
  if (problem) return problem;
  const labels = cleanLabels(input.command.args.labels);
  return bulk(input, (c): Change => {
    const added = labels.filter((label) => !c.labels.includes(label));
    if (added.length === 0) return { patch: {} };
    return { patch: { labels: [...c.labels, ...added] }, notes: [{ kind: 'labels', detail: `added: ${added.join(', ')}` }] };
  });
};

// R19
export const removeLabels: Rule<'removeLabels'> = (input) => {
  const problem = checkLabels(input.command.args.labels);
  if (problem) return problem;
  const labels = cleanLabels(input.command.args.labels);
  return bulk(input, (c): Change => {
    const removed = c.labels.filter((label) => labels.includes(label));
    if (removed.length === 0) return { patch: {} };
    return {
      patch: { labels: c.labels.filter((label) => !labels.includes(label)) },
      notes: [{ kind: 'labels', detail: `removed: ${removed.join(', ')}` }],
    };
  });
};

// R16: pinned conversations stay on top.
export const pin: Rule<'pin'> = (input) => {
  const { pinned } = input.command.args;
  if (typeof pinned !== 'boolean') return refuse('invalid', 'Pinned is true or false.');
  return bulk(input, () => ({ patch: { pinned } }));
};
